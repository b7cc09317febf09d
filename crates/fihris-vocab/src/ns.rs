//! RDF namespaces and the term IRIs DCAT-AP 3.0.1 uses, as `&str` constants.
//!
//! One module per namespace, each with `PREFIX`, `NAMESPACE`, one constant per term
//! (SCREAMING_CASE of the local name; when a class and a property share a name, the
//! property gets the `_PROP` suffix: [`dcat::DATASET`] is `dcat:Dataset`,
//! [`dcat::DATASET_PROP`] is `dcat:dataset`) and `TERMS`, every term of the module.
//! [`ALL`] lists the `(prefix, namespace)` pairs for Turtle writers; [`dcterms`] is an alias
//! of [`dct`].
//!
//! ```
//! use fihris_vocab::ns::{dcat, dct};
//! assert_eq!(dcat::DATASET, "http://www.w3.org/ns/dcat#Dataset");
//! assert_eq!(dct::ACCRUAL_PERIODICITY, "http://purl.org/dc/terms/accrualPeriodicity");
//! assert!(fihris_vocab::ns::is_known_term(dcat::ACCESS_URL));
//! ```

macro_rules! namespace {
    (
        $(#[$meta:meta])*
        $module:ident, $prefix:literal, $namespace:literal,
        { $( $name:ident = $local:literal ),* $(,)? }
    ) => {
        $(#[$meta])*
        pub mod $module {
            /// Conventional prefix.
            pub const PREFIX: &str = $prefix;
            /// Namespace IRI.
            pub const NAMESPACE: &str = $namespace;
            $(
                #[doc = concat!("`", $prefix, ":", $local, "` (<", $namespace, $local, ">).")]
                pub const $name: &str = concat!($namespace, $local);
            )*
            /// Every term of this module, in declaration order.
            pub const TERMS: &[&str] = &[$($name),*];
        }
    };
}

namespace! {
    /// Data Catalog Vocabulary (DCAT 3).
    dcat, "dcat", "http://www.w3.org/ns/dcat#", {
        CATALOG = "Catalog",
        CATALOG_RECORD = "CatalogRecord",
        DATASET = "Dataset",
        DATASET_SERIES = "DatasetSeries",
        DISTRIBUTION = "Distribution",
        DATA_SERVICE = "DataService",
        RELATIONSHIP = "Relationship",
        RESOURCE = "Resource",
        ROLE = "Role",
        ACCESS_SERVICE = "accessService",
        ACCESS_URL = "accessURL",
        BBOX = "bbox",
        BYTE_SIZE = "byteSize",
        CATALOG_PROP = "catalog",
        CENTROID = "centroid",
        COMPRESS_FORMAT = "compressFormat",
        CONTACT_POINT = "contactPoint",
        DATASET_PROP = "dataset",
        DISTRIBUTION_PROP = "distribution",
        DOWNLOAD_URL = "downloadURL",
        END_DATE = "endDate",
        ENDPOINT_DESCRIPTION = "endpointDescription",
        ENDPOINT_URL = "endpointURL",
        FIRST = "first",
        HAD_ROLE = "hadRole",
        HAS_CURRENT_VERSION = "hasCurrentVersion",
        HAS_VERSION = "hasVersion",
        IN_SERIES = "inSeries",
        KEYWORD = "keyword",
        LANDING_PAGE = "landingPage",
        LAST = "last",
        MEDIA_TYPE = "mediaType",
        NEXT = "next",
        PACKAGE_FORMAT = "packageFormat",
        PREV = "prev",
        PREVIOUS_VERSION = "previousVersion",
        QUALIFIED_RELATION = "qualifiedRelation",
        RECORD = "record",
        SERIES_MEMBER = "seriesMember",
        SERVES_DATASET = "servesDataset",
        SERVICE = "service",
        SPATIAL_RESOLUTION_IN_METERS = "spatialResolutionInMeters",
        START_DATE = "startDate",
        TEMPORAL_RESOLUTION = "temporalResolution",
        THEME = "theme",
        THEME_TAXONOMY = "themeTaxonomy",
        VERSION = "version",
    }
}

namespace! {
    /// DCMI Metadata Terms (also written `dcterms:`; see [`dcterms`]).
    dct, "dct", "http://purl.org/dc/terms/", {
        AGENT = "Agent",
        FREQUENCY = "Frequency",
        LICENSE_DOCUMENT = "LicenseDocument",
        LINGUISTIC_SYSTEM = "LinguisticSystem",
        LOCATION = "Location",
        MEDIA_TYPE = "MediaType",
        MEDIA_TYPE_OR_EXTENT = "MediaTypeOrExtent",
        PERIOD_OF_TIME = "PeriodOfTime",
        PROVENANCE_STATEMENT = "ProvenanceStatement",
        RIGHTS_STATEMENT = "RightsStatement",
        STANDARD = "Standard",
        ACCESS_RIGHTS = "accessRights",
        ACCRUAL_PERIODICITY = "accrualPeriodicity",
        ALTERNATIVE = "alternative",
        CONFORMS_TO = "conformsTo",
        CONTRIBUTOR = "contributor",
        CREATED = "created",
        CREATOR = "creator",
        DESCRIPTION = "description",
        FORMAT = "format",
        HAS_PART = "hasPart",
        HAS_VERSION = "hasVersion",
        IDENTIFIER = "identifier",
        IS_PART_OF = "isPartOf",
        IS_REFERENCED_BY = "isReferencedBy",
        IS_REPLACED_BY = "isReplacedBy",
        IS_REQUIRED_BY = "isRequiredBy",
        IS_VERSION_OF = "isVersionOf",
        ISSUED = "issued",
        LANGUAGE = "language",
        LICENSE = "license",
        MODIFIED = "modified",
        PROVENANCE = "provenance",
        PUBLISHER = "publisher",
        REFERENCES = "references",
        RELATION = "relation",
        REPLACES = "replaces",
        REQUIRES = "requires",
        RIGHTS = "rights",
        RIGHTS_HOLDER = "rightsHolder",
        SOURCE = "source",
        SPATIAL = "spatial",
        SUBJECT = "subject",
        TEMPORAL = "temporal",
        TITLE = "title",
        TYPE = "type",
    }
}

/// `dcterms:` is the other usual prefix of the DCMI Metadata Terms namespace; readers
/// accept both, writers use `dct:`.
pub use dct as dcterms;

namespace! {
    /// Friend of a Friend.
    foaf, "foaf", "http://xmlns.com/foaf/0.1/", {
        AGENT = "Agent",
        DOCUMENT = "Document",
        ORGANIZATION = "Organization",
        PERSON = "Person",
        HOMEPAGE = "homepage",
        MBOX = "mbox",
        NAME = "name",
        PAGE = "page",
        PRIMARY_TOPIC = "primaryTopic",
        WORKPLACE_HOMEPAGE = "workplaceHomepage",
    }
}

namespace! {
    /// vCard ontology (contact points).
    vcard, "vcard", "http://www.w3.org/2006/vcard/ns#", {
        ADDRESS = "Address",
        INDIVIDUAL = "Individual",
        KIND = "Kind",
        ORGANIZATION = "Organization",
        COUNTRY_NAME = "country-name",
        FN = "fn",
        HAS_ADDRESS = "hasAddress",
        HAS_EMAIL = "hasEmail",
        HAS_TELEPHONE = "hasTelephone",
        HAS_URL = "hasURL",
        HAS_VALUE = "hasValue",
        LOCALITY = "locality",
        ORGANIZATION_NAME = "organization-name",
        POSTAL_CODE = "postal-code",
        REGION = "region",
        STREET_ADDRESS = "street-address",
    }
}

namespace! {
    /// Asset Description Metadata Schema.
    adms, "adms", "http://www.w3.org/ns/adms#", {
        IDENTIFIER = "Identifier",
        IDENTIFIER_PROP = "identifier",
        SAMPLE = "sample",
        SCHEMA_AGENCY = "schemaAgency",
        STATUS = "status",
        VERSION_NOTES = "versionNotes",
    }
}

namespace! {
    /// Simple Knowledge Organization System.
    skos, "skos", "http://www.w3.org/2004/02/skos/core#", {
        CONCEPT = "Concept",
        CONCEPT_SCHEME = "ConceptScheme",
        ALT_LABEL = "altLabel",
        BROADER = "broader",
        CLOSE_MATCH = "closeMatch",
        DEFINITION = "definition",
        EXACT_MATCH = "exactMatch",
        HAS_TOP_CONCEPT = "hasTopConcept",
        IN_SCHEME = "inScheme",
        NARROWER = "narrower",
        NOTATION = "notation",
        NOTE = "note",
        PREF_LABEL = "prefLabel",
        TOP_CONCEPT_OF = "topConceptOf",
    }
}

namespace! {
    /// Software Package Data Exchange (checksums).
    spdx, "spdx", "http://spdx.org/rdf/terms#", {
        CHECKSUM = "Checksum",
        CHECKSUM_ALGORITHM = "ChecksumAlgorithm",
        ALGORITHM = "algorithm",
        CHECKSUM_PROP = "checksum",
        CHECKSUM_VALUE = "checksumValue",
        CHECKSUM_ALGORITHM_MD5 = "checksumAlgorithm_md5",
        CHECKSUM_ALGORITHM_SHA1 = "checksumAlgorithm_sha1",
        CHECKSUM_ALGORITHM_SHA256 = "checksumAlgorithm_sha256",
        CHECKSUM_ALGORITHM_SHA512 = "checksumAlgorithm_sha512",
    }
}

namespace! {
    /// PROV ontology (provenance).
    prov, "prov", "http://www.w3.org/ns/prov#", {
        ACTIVITY = "Activity",
        AGENT = "Agent",
        ATTRIBUTION = "Attribution",
        ENTITY = "Entity",
        AGENT_PROP = "agent",
        ENDED_AT_TIME = "endedAtTime",
        HAD_ROLE = "hadRole",
        QUALIFIED_ATTRIBUTION = "qualifiedAttribution",
        STARTED_AT_TIME = "startedAtTime",
        WAS_ATTRIBUTED_TO = "wasAttributedTo",
        WAS_DERIVED_FROM = "wasDerivedFrom",
        WAS_GENERATED_BY = "wasGeneratedBy",
    }
}

namespace! {
    /// Open Digital Rights Language 2.
    odrl, "odrl", "http://www.w3.org/ns/odrl/2/", {
        OFFER = "Offer",
        PERMISSION = "Permission",
        POLICY = "Policy",
        PROHIBITION = "Prohibition",
        HAS_POLICY = "hasPolicy",
    }
}

namespace! {
    /// DCAT-AP's own terms.
    dcatap, "dcatap", "http://data.europa.eu/r5r/", {
        APPLICABLE_LEGISLATION = "applicableLegislation",
        AVAILABILITY = "availability",
        HVD_CATEGORY = "hvdCategory",
    }
}

namespace! {
    /// European Legislation Identifier ontology.
    eli, "eli", "http://data.europa.eu/eli/ontology#", {
        LEGAL_RESOURCE = "LegalResource",
    }
}

namespace! {
    /// ISA Core Location vocabulary.
    locn, "locn", "http://www.w3.org/ns/locn#", {
        ADDRESS = "Address",
        GEOMETRY = "Geometry",
        ADDRESS_PROP = "address",
        ADMIN_UNIT_L1 = "adminUnitL1",
        ADMIN_UNIT_L2 = "adminUnitL2",
        FULL_ADDRESS = "fullAddress",
        GEOGRAPHIC_NAME = "geographicName",
        GEOMETRY_PROP = "geometry",
        POST_CODE = "postCode",
        POST_NAME = "postName",
        THOROUGHFARE = "thoroughfare",
    }
}

namespace! {
    /// Data Quality Vocabulary.
    dqv, "dqv", "http://www.w3.org/ns/dqv#", {
        DIMENSION = "Dimension",
        METRIC = "Metric",
        QUALITY_ANNOTATION = "QualityAnnotation",
        QUALITY_MEASUREMENT = "QualityMeasurement",
        COMPUTED_ON = "computedOn",
        HAS_QUALITY_ANNOTATION = "hasQualityAnnotation",
        HAS_QUALITY_MEASUREMENT = "hasQualityMeasurement",
        IN_DIMENSION = "inDimension",
        IS_MEASUREMENT_OF = "isMeasurementOf",
        VALUE = "value",
    }
}

namespace! {
    /// Data Privacy Vocabulary (personal data, anonymisation).
    dpv, "dpv", "https://w3id.org/dpv#", {
        ANONYMISATION = "Anonymisation",
        PERSONAL_DATA = "PersonalData",
        PSEUDONYMISATION = "Pseudonymisation",
        HAS_PERSONAL_DATA = "hasPersonalData",
        HAS_TECHNICAL_MEASURE = "hasTechnicalMeasure",
    }
}

namespace! {
    /// XML Schema datatypes.
    xsd, "xsd", "http://www.w3.org/2001/XMLSchema#", {
        ANY_URI = "anyURI",
        BOOLEAN = "boolean",
        DATE = "date",
        DATE_TIME = "dateTime",
        DATE_TIME_STAMP = "dateTimeStamp",
        DECIMAL = "decimal",
        DOUBLE = "double",
        DURATION = "duration",
        G_YEAR = "gYear",
        G_YEAR_MONTH = "gYearMonth",
        HEX_BINARY = "hexBinary",
        INTEGER = "integer",
        NON_NEGATIVE_INTEGER = "nonNegativeInteger",
        STRING = "string",
    }
}

namespace! {
    /// RDF.
    rdf, "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#", {
        HTML = "HTML",
        LANG_STRING = "langString",
        PROPERTY = "Property",
        TYPE = "type",
    }
}

namespace! {
    /// RDF Schema.
    rdfs, "rdfs", "http://www.w3.org/2000/01/rdf-schema#", {
        CLASS = "Class",
        LITERAL = "Literal",
        RESOURCE = "Resource",
        COMMENT = "comment",
        LABEL = "label",
        MEMBER = "member",
        SEE_ALSO = "seeAlso",
    }
}

namespace! {
    /// OWL (`owl:versionInfo`, deprecated by DCAT-AP 3 but still read).
    owl, "owl", "http://www.w3.org/2002/07/owl#", {
        ONTOLOGY = "Ontology",
        SAME_AS = "sameAs",
        VERSION_INFO = "versionInfo",
    }
}

namespace! {
    /// schema.org (dates some harvesters send instead of DCAT's).
    schema, "schema", "http://schema.org/", {
        END_DATE = "endDate",
        START_DATE = "startDate",
    }
}

namespace! {
    /// OWL-Time.
    time, "time", "http://www.w3.org/2006/time#", {
        DURATION_DESCRIPTION = "DurationDescription",
        INSTANT = "Instant",
        PROPER_INTERVAL = "ProperInterval",
        HAS_BEGINNING = "hasBeginning",
        HAS_END = "hasEnd",
        IN_XSD_DATE = "inXSDDate",
        IN_XSD_DATE_TIME = "inXSDDateTime",
        IN_XSD_DATE_TIME_STAMP = "inXSDDateTimeStamp",
        IN_XSD_G_YEAR = "inXSDgYear",
        IN_XSD_G_YEAR_MONTH = "inXSDgYearMonth",
    }
}

namespace! {
    /// Hydra (catalogue paging).
    hydra, "hydra", "http://www.w3.org/ns/hydra/core#", {
        COLLECTION = "Collection",
        PAGED_COLLECTION = "PagedCollection",
        PARTIAL_COLLECTION_VIEW = "PartialCollectionView",
        FIRST = "first",
        FIRST_PAGE = "firstPage",
        ITEMS_PER_PAGE = "itemsPerPage",
        LAST = "last",
        LAST_PAGE = "lastPage",
        MEMBER = "member",
        NEXT = "next",
        NEXT_PAGE = "nextPage",
        PREVIOUS = "previous",
        PREVIOUS_PAGE = "previousPage",
        TOTAL_ITEMS = "totalItems",
        VIEW = "view",
    }
}

namespace! {
    /// GeoSPARQL (geometry literals).
    gsp, "gsp", "http://www.opengis.net/ont/geosparql#", {
        GEOMETRY = "Geometry",
        AS_WKT = "asWKT",
        GEO_JSON_LITERAL = "geoJSONLiteral",
        GML_LITERAL = "gmlLiteral",
        WKT_LITERAL = "wktLiteral",
    }
}

namespace! {
    /// fihris' own terms, for the national inventory fields no standard property covers.
    fihris, "fihris", "https://w3id.org/fihris/ns#", {
        ANONYMISATION_METHOD = "anonymisationMethod",
        COLLECTION_METHOD = "collectionMethod",
        DISAGGREGATION_LEVEL = "disaggregationLevel",
        FREQUENCY_INFERRED = "frequencyInferred",
        PERSONAL_DATA = "personalData",
        PRODUCER_CODE = "producerCode",
        PUBLICATION_STATUS = "publicationStatus",
        UPDATE_METHOD = "updateMethod",
    }
}

/// Every `(prefix, namespace)` pair, in a stable order, for Turtle writers.
pub const ALL: &[(&str, &str)] = &[
    (dcat::PREFIX, dcat::NAMESPACE),
    (dct::PREFIX, dct::NAMESPACE),
    (dcatap::PREFIX, dcatap::NAMESPACE),
    (foaf::PREFIX, foaf::NAMESPACE),
    (vcard::PREFIX, vcard::NAMESPACE),
    (adms::PREFIX, adms::NAMESPACE),
    (skos::PREFIX, skos::NAMESPACE),
    (spdx::PREFIX, spdx::NAMESPACE),
    (prov::PREFIX, prov::NAMESPACE),
    (odrl::PREFIX, odrl::NAMESPACE),
    (eli::PREFIX, eli::NAMESPACE),
    (locn::PREFIX, locn::NAMESPACE),
    (dqv::PREFIX, dqv::NAMESPACE),
    (dpv::PREFIX, dpv::NAMESPACE),
    (xsd::PREFIX, xsd::NAMESPACE),
    (rdf::PREFIX, rdf::NAMESPACE),
    (rdfs::PREFIX, rdfs::NAMESPACE),
    (owl::PREFIX, owl::NAMESPACE),
    (schema::PREFIX, schema::NAMESPACE),
    (time::PREFIX, time::NAMESPACE),
    (hydra::PREFIX, hydra::NAMESPACE),
    (gsp::PREFIX, gsp::NAMESPACE),
    (fihris::PREFIX, fihris::NAMESPACE),
];

/// The `TERMS` of every namespace module, in the order of [`ALL`].
const TERMS_BY_NAMESPACE: &[&[&str]] = &[
    dcat::TERMS,
    dct::TERMS,
    dcatap::TERMS,
    foaf::TERMS,
    vcard::TERMS,
    adms::TERMS,
    skos::TERMS,
    spdx::TERMS,
    prov::TERMS,
    odrl::TERMS,
    eli::TERMS,
    locn::TERMS,
    dqv::TERMS,
    dpv::TERMS,
    xsd::TERMS,
    rdf::TERMS,
    rdfs::TERMS,
    owl::TERMS,
    schema::TERMS,
    time::TERMS,
    hydra::TERMS,
    gsp::TERMS,
    fihris::TERMS,
];

/// Every term IRI of every namespace module.
pub fn all_terms() -> impl Iterator<Item = &'static str> {
    TERMS_BY_NAMESPACE
        .iter()
        .flat_map(|terms| terms.iter().copied())
}

/// Whether `iri` is one of the term constants of this module.
#[must_use]
pub fn is_known_term(iri: &str) -> bool {
    all_terms().any(|t| t == iri)
}

/// Prefixed name of `iri` (`dcat:Dataset`) if it is in one of the namespaces of [`ALL`]
/// and the local part is not empty.
///
/// ```
/// use fihris_vocab::ns;
/// assert_eq!(ns::compact(ns::dcat::DATASET).as_deref(), Some("dcat:Dataset"));
/// assert_eq!(ns::compact("http://example.org/x"), None);
/// ```
#[must_use]
pub fn compact(iri: &str) -> Option<String> {
    ALL.iter().find_map(|(prefix, namespace)| {
        iri.strip_prefix(namespace)
            .filter(|local| !local.is_empty())
            .map(|local| format!("{prefix}:{local}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_in_their_namespace_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for ((_, namespace), terms) in ALL.iter().zip(TERMS_BY_NAMESPACE) {
            for term in *terms {
                assert!(term.starts_with(namespace), "{term}");
                assert!(term.len() > namespace.len());
                assert!(seen.insert(*term), "duplicate {term}");
            }
        }
        let prefixes: std::collections::HashSet<_> = ALL.iter().map(|(p, _)| p).collect();
        assert_eq!(prefixes.len(), ALL.len());
        assert_eq!(ALL.len(), TERMS_BY_NAMESPACE.len());
    }

    #[test]
    fn examples() {
        assert_eq!(dcat::DISTRIBUTION, "http://www.w3.org/ns/dcat#Distribution");
        assert_eq!(
            dcat::DISTRIBUTION_PROP,
            "http://www.w3.org/ns/dcat#distribution"
        );
        assert_eq!(dct::TITLE, "http://purl.org/dc/terms/title");
        assert_eq!(dcterms::ISSUED, dct::ISSUED);
        assert_eq!(vcard::HAS_EMAIL, "http://www.w3.org/2006/vcard/ns#hasEmail");
        assert!(is_known_term(fihris::PRODUCER_CODE));
        assert!(!is_known_term("http://www.w3.org/ns/dcat#nope"));
    }
}
