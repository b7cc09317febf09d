//! The fihris JSON-LD form: the graph as flat node objects under `@graph`, compacted against
//! an embedded context (short terms named as in the official DCAT-AP 3.0.1 context, `@type`,
//! tagged values). Written with serde_json; oxjsonld reads it back to the same graph.

use std::io::{self, Write};
use std::sync::OnceLock;

use fihris_vocab::ns;
use oxrdf::{NamedOrBlankNode, Term, Triple};
use serde_json::{Map, Value};

/// A term of the embedded context: its name, its IRI, and whether string values are IRIs.
pub(crate) struct TermDefinition {
    pub(crate) name: &'static str,
    pub(crate) iri: &'static str,
    pub(crate) id_valued: bool,
}

macro_rules! terms {
    ($($name:literal = $iri:expr, $id:literal;)*) => {
        &[$(TermDefinition { name: $name, iri: $iri, id_valued: $id },)*]
    };
}

use ns::{adms, dcat, dcatap, dct, foaf, locn, rdfs, skos, spdx, vcard};

const TERMS: &[TermDefinition] = terms! {
    "Catalogue" = dcat::CATALOG, false;
    "CatalogueRecord" = dcat::CATALOG_RECORD, false;
    "Dataset" = dcat::DATASET, false;
    "DatasetSeries" = dcat::DATASET_SERIES, false;
    "Distribution" = dcat::DISTRIBUTION, false;
    "DataService" = dcat::DATA_SERVICE, false;
    "Relationship" = dcat::RELATIONSHIP, false;
    "Agent" = foaf::AGENT, false;
    "Organization" = foaf::ORGANIZATION, false;
    "Person" = foaf::PERSON, false;
    "Document" = foaf::DOCUMENT, false;
    "Kind" = vcard::KIND, false;
    "LicenceDocument" = dct::LICENSE_DOCUMENT, false;
    "Location" = dct::LOCATION, false;
    "PeriodOfTime" = dct::PERIOD_OF_TIME, false;
    "Frequency" = dct::FREQUENCY, false;
    "MediaType" = dct::MEDIA_TYPE, false;
    "MediaTypeOrExtent" = dct::MEDIA_TYPE_OR_EXTENT, false;
    "LinguisticSystem" = dct::LINGUISTIC_SYSTEM, false;
    "RightsStatement" = dct::RIGHTS_STATEMENT, false;
    "ProvenanceStatement" = dct::PROVENANCE_STATEMENT, false;
    "Standard" = dct::STANDARD, false;
    "Checksum" = spdx::CHECKSUM, false;
    "Identifier" = adms::IDENTIFIER, false;
    "Concept" = skos::CONCEPT, false;
    "ConceptScheme" = skos::CONCEPT_SCHEME, false;
    "title" = dct::TITLE, false;
    "description" = dct::DESCRIPTION, false;
    "releaseDate" = dct::ISSUED, false;
    "modificationDate" = dct::MODIFIED, false;
    "identifier" = dct::IDENTIFIER, false;
    "keyword" = dcat::KEYWORD, false;
    "version" = dcat::VERSION, false;
    "versionNotes" = adms::VERSION_NOTES, false;
    "byteSize" = dcat::BYTE_SIZE, false;
    "spatialResolution" = dcat::SPATIAL_RESOLUTION_IN_METERS, false;
    "temporalResolution" = dcat::TEMPORAL_RESOLUTION, false;
    "startDate" = dcat::START_DATE, false;
    "endDate" = dcat::END_DATE, false;
    "bbox" = dcat::BBOX, false;
    "centroid" = dcat::CENTROID, false;
    "geometry" = locn::GEOMETRY_PROP, false;
    "name" = foaf::NAME, false;
    "fn" = vcard::FN, false;
    "organizationName" = vcard::ORGANIZATION_NAME, false;
    "label" = rdfs::LABEL, false;
    "prefLabel" = skos::PREF_LABEL, false;
    "notation" = skos::NOTATION, false;
    "schemaAgency" = adms::SCHEMA_AGENCY, false;
    "checksumValue" = spdx::CHECKSUM_VALUE, false;
    "catalogue" = dcat::CATALOG_PROP, true;
    "dataset" = dcat::DATASET_PROP, true;
    "service" = dcat::SERVICE, true;
    "record" = dcat::RECORD, true;
    "distribution" = dcat::DISTRIBUTION_PROP, true;
    "accessURL" = dcat::ACCESS_URL, true;
    "downloadURL" = dcat::DOWNLOAD_URL, true;
    "accessService" = dcat::ACCESS_SERVICE, true;
    "endpointURL" = dcat::ENDPOINT_URL, true;
    "endpointDescription" = dcat::ENDPOINT_DESCRIPTION, true;
    "servesDataset" = dcat::SERVES_DATASET, true;
    "theme" = dcat::THEME, true;
    "themes" = dcat::THEME_TAXONOMY, true;
    "publisher" = dct::PUBLISHER, true;
    "creator" = dct::CREATOR, true;
    "contactPoint" = dcat::CONTACT_POINT, true;
    "geographicalCoverage" = dct::SPATIAL, true;
    "temporalCoverage" = dct::TEMPORAL, true;
    "frequency" = dct::ACCRUAL_PERIODICITY, true;
    "accessRights" = dct::ACCESS_RIGHTS, true;
    "language" = dct::LANGUAGE, true;
    "landingPage" = dcat::LANDING_PAGE, true;
    "documentation" = foaf::PAGE, true;
    "homepage" = foaf::HOMEPAGE, true;
    "email" = foaf::MBOX, true;
    "otherIdentifier" = adms::IDENTIFIER_PROP, true;
    "conformsTo" = dct::CONFORMS_TO, true;
    "provenance" = dct::PROVENANCE, true;
    "type" = dct::TYPE, true;
    "hasVersion" = dcat::HAS_VERSION, true;
    "isVersionOf" = crate::emit::DCAT_IS_VERSION_OF, true;
    "relatedResource" = dct::RELATION, true;
    "source" = dct::SOURCE, true;
    "isReferencedBy" = dct::IS_REFERENCED_BY, true;
    "sample" = adms::SAMPLE, true;
    "qualifiedRelation" = dcat::QUALIFIED_RELATION, true;
    "hadRole" = dcat::HAD_ROLE, true;
    "inSeries" = dcat::IN_SERIES, true;
    "applicableLegislation" = dcatap::APPLICABLE_LEGISLATION, true;
    "hvdCategory" = dcatap::HVD_CATEGORY, true;
    "availability" = dcatap::AVAILABILITY, true;
    "format" = dct::FORMAT, true;
    "mediaType" = dcat::MEDIA_TYPE, true;
    "compressionFormat" = dcat::COMPRESS_FORMAT, true;
    "packagingFormat" = dcat::PACKAGE_FORMAT, true;
    "licence" = dct::LICENSE, true;
    "rights" = dct::RIGHTS, true;
    "checksum" = spdx::CHECKSUM_PROP, true;
    "algorithm" = spdx::ALGORITHM, true;
    "status" = adms::STATUS, true;
    "hasPart" = dct::HAS_PART, true;
    "isPartOf" = dct::IS_PART_OF, true;
    "primaryTopic" = foaf::PRIMARY_TOPIC, true;
    "hasEmail" = vcard::HAS_EMAIL, true;
    "hasTelephone" = vcard::HAS_TELEPHONE, true;
    "hasURL" = vcard::HAS_URL, true;
    "inScheme" = skos::IN_SCHEME, true;
    "exactMatch" = skos::EXACT_MATCH, true;
    "closeMatch" = skos::CLOSE_MATCH, true;
};

fn term_for(iri: &str) -> Option<&'static TermDefinition> {
    TERMS.iter().find(|term| term.iri == iri)
}

/// The term of the context named `name`.
pub(crate) fn term_by_name(name: &str) -> Option<&'static TermDefinition> {
    static BY_NAME: OnceLock<rustc_hash::FxHashMap<&'static str, &'static TermDefinition>> =
        OnceLock::new();
    BY_NAME
        .get_or_init(|| TERMS.iter().map(|term| (term.name, term)).collect())
        .get(name)
        .copied()
}

/// The embedded JSON-LD context, as a JSON value.
pub(crate) fn context_value() -> &'static Value {
    static CONTEXT: OnceLock<Value> = OnceLock::new();
    CONTEXT.get_or_init(|| {
        let mut context = Map::new();
        for term in TERMS {
            let definition = if term.id_valued {
                let mut definition = Map::new();
                definition.insert("@id".to_owned(), Value::String(term.iri.to_owned()));
                definition.insert("@type".to_owned(), Value::String("@id".to_owned()));
                Value::Object(definition)
            } else {
                Value::String(term.iri.to_owned())
            };
            context.insert(term.name.to_owned(), definition);
        }
        Value::Object(context)
    })
}

/// The context fihris compacts its JSON-LD against (`{"@context": {…}}`), to publish next to
/// the data or to compare with the official DCAT-AP 3.0.1 context.
#[must_use]
pub fn jsonld_context() -> String {
    let mut document = Map::new();
    document.insert("@context".to_owned(), context_value().clone());
    Value::Object(document).to_string()
}

fn subject_string(subject: &NamedOrBlankNode) -> String {
    match subject {
        NamedOrBlankNode::NamedNode(node) => node.as_str().to_owned(),
        NamedOrBlankNode::BlankNode(node) => format!("_:{}", node.as_str()),
    }
}

fn object_value(object: &Term, id_valued: bool) -> Value {
    let mut map = Map::new();
    match object {
        Term::NamedNode(node) => {
            if id_valued {
                return Value::String(node.as_str().to_owned());
            }
            map.insert("@id".to_owned(), Value::String(node.as_str().to_owned()));
        }
        Term::BlankNode(node) => {
            let label = format!("_:{}", node.as_str());
            if id_valued {
                return Value::String(label);
            }
            map.insert("@id".to_owned(), Value::String(label));
        }
        Term::Literal(literal) => {
            if let Some(language) = literal.language() {
                map.insert(
                    "@value".to_owned(),
                    Value::String(literal.value().to_owned()),
                );
                map.insert("@language".to_owned(), Value::String(language.to_owned()));
            } else if literal.datatype() == oxrdf::vocab::xsd::STRING {
                if !id_valued {
                    return Value::String(literal.value().to_owned());
                }
                map.insert(
                    "@value".to_owned(),
                    Value::String(literal.value().to_owned()),
                );
            } else {
                map.insert(
                    "@value".to_owned(),
                    Value::String(literal.value().to_owned()),
                );
                let datatype = literal.datatype().as_str();
                map.insert("@type".to_owned(), Value::String(datatype.to_owned()));
            }
        }
    }
    Value::Object(map)
}

fn type_name(iri: &str) -> String {
    TERMS
        .iter()
        .find(|term| {
            term.iri == iri && !term.id_valued && term.name.starts_with(char::is_uppercase)
        })
        .map_or_else(|| iri.to_owned(), |term| term.name.to_owned())
}

/// A node object whose keys keep their order (`@id`, `@type`, then properties in order of
/// first appearance), so that a reader sees the triples in the order they were written.
pub(crate) type NodeObject = Vec<(String, Value)>;

/// Groups the triples of one chunk by subject (first appearance order) into node objects.
pub(crate) fn node_objects(triples: &[Triple]) -> Vec<NodeObject> {
    let mut subjects: Vec<(&NamedOrBlankNode, Vec<&Triple>)> = Vec::new();
    for triple in triples {
        match subjects
            .iter_mut()
            .find(|(subject, _)| *subject == &triple.subject)
        {
            Some((_, list)) => list.push(triple),
            None => subjects.push((&triple.subject, vec![triple])),
        }
    }
    subjects
        .into_iter()
        .map(|(subject, triples)| {
            let mut node: NodeObject =
                vec![("@id".to_owned(), Value::String(subject_string(subject)))];
            let mut types = Vec::new();
            let mut properties: Vec<(String, Vec<Value>)> = Vec::new();
            for triple in triples {
                let predicate = triple.predicate.as_str();
                if predicate == ns::rdf::TYPE
                    && let Term::NamedNode(class) = &triple.object
                {
                    types.push(Value::String(type_name(class.as_str())));
                    continue;
                }
                let definition = term_for(predicate);
                let key =
                    definition.map_or_else(|| predicate.to_owned(), |term| term.name.to_owned());
                let value = object_value(&triple.object, definition.is_some_and(|t| t.id_valued));
                match properties.iter_mut().find(|(known, _)| *known == key) {
                    Some((_, values)) => values.push(value),
                    None => properties.push((key, vec![value])),
                }
            }
            if !types.is_empty() {
                node.push(("@type".to_owned(), Value::Array(types)));
            }
            for (key, values) in properties {
                node.push((key, Value::Array(values)));
            }
            node
        })
        .collect()
}

/// Streams `{"@context": …, "@graph": [node, …]}`.
pub(crate) struct JsonLdWriter<W: Write> {
    inner: W,
    first: bool,
}

impl<W: Write> JsonLdWriter<W> {
    pub(crate) fn new(mut inner: W) -> io::Result<Self> {
        inner.write_all(b"{\n\"@context\": ")?;
        serde_json::to_writer_pretty(&mut inner, context_value())?;
        inner.write_all(b",\n\"@graph\": [")?;
        Ok(Self { inner, first: true })
    }

    pub(crate) fn write_chunk(&mut self, triples: &[Triple]) -> io::Result<()> {
        for node in node_objects(triples) {
            self.inner
                .write_all(if self.first { b"\n" } else { b",\n" })?;
            self.first = false;
            self.inner.write_all(b"  {")?;
            for (index, (key, value)) in node.iter().enumerate() {
                self.inner
                    .write_all(if index == 0 { b"\n    " } else { b",\n    " })?;
                serde_json::to_writer(&mut self.inner, key)?;
                self.inner.write_all(b": ")?;
                serde_json::to_writer(&mut self.inner, value)?;
            }
            self.inner.write_all(b"\n  }")?;
        }
        Ok(())
    }

    pub(crate) fn finish(mut self) -> io::Result<W> {
        self.inner.write_all(b"\n]\n}\n")?;
        Ok(self.inner)
    }
}
