//! DCAT-AP 3.0.1 conformance, natively over the model.
//!
//! Three sets of official shapes are checked:
//! - the consolidated shapes `releases/3.0.1/shacl/dcat-ap-SHACL.ttl` ([`shapes::SHAPES`]:
//!   cardinalities, node kinds, datatypes; `sh:Violation`);
//! - the controlled-vocabulary shapes `html/shacl/mdr-vocabularies.shape.ttl`
//!   (`sh:Violation` and `sh:Warning` as the file says);
//! - the recommended-property shapes `html/shacl/shapes_recommended.ttl` (`sh:Warning`).
//!
//! The values of a property are what the model maps plus the unmapped statements a reader
//! kept in [`Extras`] with the same predicate, so that a second `dct:license`, a literal
//! where a resource is expected or an ill-typed `dcat:byteSize` kept as an extra statement
//! is still seen.

mod prop;
mod shapes;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::sync::OnceLock;

use fihris_model::{
    Agent, Catalog, CatalogRecord, Checksum, Concept, DataService, Dataset, DatasetSeries,
    Distribution, Extras, Finding, FindingPath, Identifier, Iri, LicenseDocument, Literal,
    Location, NodeId, PathSegment, PeriodOfTime, Relationship, Severity, Temporal, Term, Text,
};
use fihris_vocab::{AccessRight, EuTheme, FileType, Frequency, Language, Vocabulary, ns};

pub(crate) use shapes::{SHAPE_BASE, SHAPES};

use crate::mqa::is_iana_media_type;
use crate::rules::{Rule, RuleSet};
use crate::sink::{Batch, DatasetPaths, Piece, Seg, Sink, node_text, standalone};

pub(crate) use prop::Prop;

/// The classes whose shapes are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Class {
    Catalog,
    CatalogRecord,
    Dataset,
    DatasetSeries,
    Distribution,
    DataService,
    Agent,
    Checksum,
    Identifier,
    Location,
    PeriodOfTime,
    Relationship,
    LicenseDocument,
}

impl Class {
    const ALL: [Self; 13] = [
        Self::Catalog,
        Self::CatalogRecord,
        Self::Dataset,
        Self::DatasetSeries,
        Self::Distribution,
        Self::DataService,
        Self::Agent,
        Self::Checksum,
        Self::Identifier,
        Self::Location,
        Self::PeriodOfTime,
        Self::Relationship,
        Self::LicenseDocument,
    ];

    pub(crate) const fn iri(self) -> &'static str {
        match self {
            Self::Catalog => ns::dcat::CATALOG,
            Self::CatalogRecord => ns::dcat::CATALOG_RECORD,
            Self::Dataset => ns::dcat::DATASET,
            Self::DatasetSeries => ns::dcat::DATASET_SERIES,
            Self::Distribution => ns::dcat::DISTRIBUTION,
            Self::DataService => ns::dcat::DATA_SERVICE,
            Self::Agent => "http://xmlns.com/foaf/0.1/Agent",
            Self::Checksum => "http://spdx.org/rdf/terms#Checksum",
            Self::Identifier => "http://www.w3.org/ns/adms#Identifier",
            Self::Location => "http://purl.org/dc/terms/Location",
            Self::PeriodOfTime => "http://purl.org/dc/terms/PeriodOfTime",
            Self::Relationship => ns::dcat::RELATIONSHIP,
            Self::LicenseDocument => "http://purl.org/dc/terms/LicenseDocument",
        }
    }

    /// Resources that several datasets may share (one IRI, one focus node).
    const fn shared(self) -> bool {
        matches!(self, Self::Agent | Self::LicenseDocument | Self::Location)
    }
}

/// `sh:nodeKind` values used by the shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NodeKind {
    Literal,
    BlankNodeOrIri,
}

/// The constraint of one property shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Constraint {
    MinCount(usize),
    MaxCount(usize),
    NodeKind(NodeKind),
    Datatype(&'static str),
}

/// One property shape of the official file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PropertyShape {
    pub(crate) class: Class,
    /// The shape IRI after [`SHAPE_BASE`].
    pub(crate) id: &'static str,
    /// The shape IRI.
    pub(crate) iri: &'static str,
    /// The hint of its findings: `shape <IRI>`.
    pub(crate) hint: &'static str,
    pub(crate) path: Prop,
    pub(crate) constraint: Constraint,
    /// `sh:name`.
    pub(crate) name: &'static str,
}

/// One value of a property, as an RDF term would be.
#[derive(Debug, Clone, Copy)]
enum Value<'a> {
    Iri,
    Blank,
    Literal { datatype: &'a str, lexical: &'a str },
}

impl Value<'_> {
    fn describe(&self) -> String {
        match self {
            Self::Iri => "an IRI".to_owned(),
            Self::Blank => "a blank node".to_owned(),
            Self::Literal { datatype, lexical } => {
                let datatype = ns::compact(datatype).unwrap_or_else(|| (*datatype).to_owned());
                format!("the literal {lexical:?} ({datatype})")
            }
        }
    }
}

const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";
const RDF_LANG_STRING: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
const XSD_NON_NEGATIVE_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#nonNegativeInteger";
const XSD_DECIMAL: &str = "http://www.w3.org/2001/XMLSchema#decimal";
const XSD_DURATION: &str = "http://www.w3.org/2001/XMLSchema#duration";
const XSD_HEX_BINARY: &str = "http://www.w3.org/2001/XMLSchema#hexBinary";

/// A model entity seen as a focus node.
#[derive(Clone, Copy)]
enum Entity<'a> {
    Catalog(&'a Catalog),
    CatalogRecord(&'a CatalogRecord),
    Dataset(&'a Dataset),
    DatasetSeries(&'a DatasetSeries),
    Distribution(&'a Distribution),
    DataService(&'a DataService),
    Agent(&'a Agent),
    Checksum(&'a Checksum),
    Identifier(&'a Identifier),
    Location(&'a Location),
    PeriodOfTime(&'a PeriodOfTime),
    Relationship(&'a Relationship),
    LicenseDocument(&'a LicenseDocument),
}

impl<'a> Entity<'a> {
    fn class(self) -> Class {
        match self {
            Self::Catalog(_) => Class::Catalog,
            Self::CatalogRecord(_) => Class::CatalogRecord,
            Self::Dataset(_) => Class::Dataset,
            Self::DatasetSeries(_) => Class::DatasetSeries,
            Self::Distribution(_) => Class::Distribution,
            Self::DataService(_) => Class::DataService,
            Self::Agent(_) => Class::Agent,
            Self::Checksum(_) => Class::Checksum,
            Self::Identifier(_) => Class::Identifier,
            Self::Location(_) => Class::Location,
            Self::PeriodOfTime(_) => Class::PeriodOfTime,
            Self::Relationship(_) => Class::Relationship,
            Self::LicenseDocument(_) => Class::LicenseDocument,
        }
    }

    fn id(self) -> Option<&'a NodeId> {
        match self {
            Self::Catalog(x) => Some(&x.id),
            Self::CatalogRecord(x) => Some(&x.id),
            Self::Dataset(x) => Some(&x.id),
            Self::DatasetSeries(x) => Some(&x.id),
            Self::Distribution(x) => Some(&x.id),
            Self::DataService(x) => Some(&x.id),
            Self::Agent(x) => x.id.as_ref(),
            Self::Checksum(x) => x.id.as_ref(),
            Self::Identifier(x) => x.id.as_ref(),
            Self::Location(x) => x.id.as_ref(),
            Self::PeriodOfTime(x) => x.id.as_ref(),
            Self::Relationship(x) => x.id.as_ref(),
            Self::LicenseDocument(x) => Some(&x.id),
        }
    }

    fn extra(self) -> Option<&'a Extras> {
        match self {
            Self::Catalog(x) => Some(&x.extra),
            Self::CatalogRecord(x) => Some(&x.extra),
            Self::Dataset(x) => Some(&x.extra),
            Self::DatasetSeries(x) => Some(&x.extra),
            Self::Distribution(x) => Some(&x.extra),
            Self::DataService(x) => Some(&x.extra),
            Self::Agent(x) => Some(&x.extra),
            Self::Checksum(_) => None,
            Self::Identifier(x) => Some(&x.extra),
            Self::Location(x) => Some(&x.extra),
            Self::PeriodOfTime(x) => Some(&x.extra),
            Self::Relationship(x) => Some(&x.extra),
            Self::LicenseDocument(x) => Some(&x.extra),
        }
    }
}

/// Calls `f` with every value the model maps for `prop` on `entity`.
#[expect(
    clippy::too_many_lines,
    reason = "one arm per (class, property) the model maps"
)]
fn mapped_values<'a>(entity: Entity<'a>, prop: Prop, f: &mut dyn FnMut(Value<'a>)) {
    fn text<'a>(text: &'a Text, f: &mut dyn FnMut(Value<'a>)) {
        for (tag, value) in text.iter() {
            let datatype = if tag.is_some() {
                RDF_LANG_STRING
            } else {
                XSD_STRING
            };
            f(Value::Literal {
                datatype,
                lexical: value,
            });
        }
    }
    fn node(id: Option<&NodeId>) -> Value<'static> {
        match id {
            Some(NodeId::Iri(_)) => Value::Iri,
            Some(NodeId::Blank(_)) | None => Value::Blank,
        }
    }
    fn nodes<'a, T: 'a>(
        items: impl IntoIterator<Item = &'a T>,
        f: &mut dyn FnMut(Value<'a>),
        id: impl Fn(&'a T) -> Option<&'a NodeId>,
    ) {
        for item in items {
            f(node(id(item)));
        }
    }
    fn iris<'a>(items: impl IntoIterator<Item = &'a Iri>, f: &mut dyn FnMut(Value<'a>)) {
        for _ in items {
            f(Value::Iri);
        }
    }
    fn temporal<'a>(value: Option<&'a Temporal>, f: &mut dyn FnMut(Value<'a>)) {
        if let Some(value) = value {
            f(Value::Literal {
                datatype: value.kind().datatype(),
                lexical: value.as_str(),
            });
        }
    }
    fn typed<'a>(value: Option<&'a String>, datatype: &'static str, f: &mut dyn FnMut(Value<'a>)) {
        if let Some(value) = value {
            f(Value::Literal {
                datatype,
                lexical: value,
            });
        }
    }
    fn concepts<'a, T: 'a>(
        items: impl IntoIterator<Item = &'a Concept<T>>,
        f: &mut dyn FnMut(Value<'a>),
    ) {
        for _ in items {
            f(Value::Iri);
        }
    }
    fn one<'a>(present: bool, value: Value<'a>, f: &mut dyn FnMut(Value<'a>)) {
        if present {
            f(value);
        }
    }
    fn agents<'a>(items: impl IntoIterator<Item = &'a Agent>, f: &mut dyn FnMut(Value<'a>)) {
        nodes(items, f, |agent: &Agent| agent.id.as_ref());
    }
    fn literal_strings<'a>(items: &'a [String], f: &mut dyn FnMut(Value<'a>)) {
        for item in items {
            f(Value::Literal {
                datatype: XSD_STRING,
                lexical: item,
            });
        }
    }

    match (entity, prop) {
        (Entity::Catalog(c), Prop::DctTitle) => text(&c.title, f),
        (Entity::Catalog(c), Prop::DctDescription) => text(&c.description, f),
        (Entity::Catalog(c), Prop::DctPublisher) => agents(&c.publisher, f),
        (Entity::Catalog(c), Prop::DctCreator) => agents(&c.creators, f),
        (Entity::Catalog(c), Prop::DcatDataset) => nodes(&c.datasets, f, |d| Some(&d.id)),
        (Entity::Catalog(c), Prop::DcatService) => nodes(&c.services, f, |s| Some(&s.id)),
        (Entity::Catalog(c), Prop::DcatRecord) => nodes(&c.records, f, |r| Some(&r.id)),
        (Entity::Catalog(c), Prop::DcatCatalog) => nodes(&c.catalogs, f, Some),
        (Entity::Catalog(c), Prop::FoafHomepage) => iris(&c.homepage, f),
        (Entity::Catalog(c), Prop::DctLanguage) => concepts(&c.languages, f),
        (Entity::Catalog(c), Prop::DctLicense) => nodes(&c.licence, f, |l| Some(&l.id)),
        (Entity::Catalog(c), Prop::DctRights) => nodes(&c.rights, f, |r| r.id.as_ref()),
        (Entity::Catalog(c), Prop::DctIssued) => temporal(c.issued.as_ref(), f),
        (Entity::Catalog(c), Prop::DctModified) => temporal(c.modified.as_ref(), f),
        (Entity::Catalog(c), Prop::DctSpatial) => nodes(&c.spatial, f, |l| l.id.as_ref()),
        (Entity::Catalog(c), Prop::DcatThemeTaxonomy) => iris(&c.theme_taxonomies, f),
        (Entity::Catalog(c), Prop::DctHasPart) => nodes(&c.has_parts, f, Some),
        (Entity::Catalog(c), Prop::DcatapApplicableLegislation) => {
            iris(&c.applicable_legislation, f);
        }

        (Entity::CatalogRecord(r), Prop::FoafPrimaryTopic) => f(node(Some(&r.primary_topic))),
        (Entity::CatalogRecord(r), Prop::DctModified) => temporal(Some(&r.modified), f),
        (Entity::CatalogRecord(r), Prop::DctIssued) => temporal(r.issued.as_ref(), f),
        (Entity::CatalogRecord(r), Prop::DctTitle) => text(&r.title, f),
        (Entity::CatalogRecord(r), Prop::DctDescription) => text(&r.description, f),
        (Entity::CatalogRecord(r), Prop::DctLanguage) => concepts(&r.languages, f),
        (Entity::CatalogRecord(r), Prop::DctConformsTo) => {
            nodes(&r.conforms_to, f, |s| s.id.as_ref())
        }
        (Entity::CatalogRecord(r), Prop::AdmsStatus) => iris(&r.change_type, f),
        (Entity::CatalogRecord(r), Prop::DctSource) => nodes(&r.source, f, Some),

        (Entity::Dataset(d), Prop::DctTitle) => text(&d.title, f),
        (Entity::Dataset(d), Prop::DctDescription) => text(&d.description, f),
        (Entity::Dataset(d), Prop::DcatDistribution) => nodes(&d.distributions, f, |x| Some(&x.id)),
        (Entity::Dataset(d), Prop::DcatKeyword) => {
            for keyword in &d.keywords {
                f(Value::Literal {
                    datatype: if keyword.language.is_some() {
                        RDF_LANG_STRING
                    } else {
                        XSD_STRING
                    },
                    lexical: &keyword.value,
                });
            }
        }
        (Entity::Dataset(d), Prop::DcatTheme) => {
            concepts(&d.themes, f);
            for _ in &d.portal_themes {
                f(Value::Iri);
            }
        }
        (Entity::Dataset(d), Prop::DctPublisher) => agents(&d.publisher, f),
        (Entity::Dataset(d), Prop::DctCreator) => agents(&d.creators, f),
        (Entity::Dataset(d), Prop::DcatContactPoint) => {
            nodes(&d.contact_points, f, |c| c.id.as_ref())
        }
        (Entity::Dataset(d), Prop::DctSpatial) => nodes(&d.spatial, f, |l| l.id.as_ref()),
        (Entity::Dataset(d), Prop::DctTemporal) => nodes(&d.temporal, f, |p| p.id.as_ref()),
        (Entity::Dataset(d), Prop::DctIssued) => temporal(d.issued.as_ref(), f),
        (Entity::Dataset(d), Prop::DctModified) => temporal(d.modified.as_ref(), f),
        (Entity::Dataset(d), Prop::DctAccrualPeriodicity) => concepts(&d.accrual_periodicity, f),
        (Entity::Dataset(d), Prop::DctAccessRights) => concepts(&d.access_rights, f),
        (Entity::Dataset(d), Prop::DctLanguage) => concepts(&d.languages, f),
        (Entity::Dataset(d), Prop::DcatLandingPage) => iris(&d.landing_pages, f),
        (Entity::Dataset(d), Prop::FoafPage) => iris(&d.documentation, f),
        (Entity::Dataset(d), Prop::DctIdentifier) => literal_strings(&d.identifiers, f),
        (Entity::Dataset(d), Prop::AdmsIdentifier) => {
            nodes(&d.other_identifiers, f, |i| i.id.as_ref())
        }
        (Entity::Dataset(d), Prop::DctConformsTo) => nodes(&d.conforms_to, f, |s| s.id.as_ref()),
        (Entity::Dataset(d), Prop::DctProvenance) => nodes(&d.provenance, f, |s| s.id.as_ref()),
        (Entity::Dataset(d), Prop::DctType) => {
            iris(&d.types, f);
            one(d.inventory.kind_of_data.is_some(), Value::Iri, f);
        }
        (Entity::Dataset(d), Prop::DcatVersion) => typed(d.version.as_ref(), XSD_STRING, f),
        (Entity::Dataset(d), Prop::AdmsVersionNotes) => text(&d.version_notes, f),
        (Entity::Dataset(d), Prop::DcatHasVersion) => nodes(&d.has_versions, f, Some),
        (Entity::Dataset(d), Prop::DctRelation) => nodes(&d.relations, f, Some),
        (Entity::Dataset(d), Prop::DctSource) => nodes(&d.sources, f, Some),
        (Entity::Dataset(d), Prop::DctIsReferencedBy) => nodes(&d.is_referenced_by, f, Some),
        (Entity::Dataset(d), Prop::AdmsSample) => nodes(&d.samples, f, Some),
        (Entity::Dataset(d), Prop::DcatQualifiedRelation) => {
            nodes(&d.qualified_relations, f, |r| r.id.as_ref());
        }
        (Entity::Dataset(d), Prop::DcatInSeries) => nodes(&d.in_series, f, Some),
        (Entity::Dataset(d), Prop::DcatSpatialResolutionInMeters) => {
            typed(d.spatial_resolution_m.as_ref(), XSD_DECIMAL, f);
        }
        (Entity::Dataset(d), Prop::DcatTemporalResolution) => {
            typed(d.temporal_resolution.as_ref(), XSD_DURATION, f);
        }
        (Entity::Dataset(d), Prop::DcatapApplicableLegislation) => {
            iris(&d.applicable_legislation, f);
        }

        (Entity::DatasetSeries(s), Prop::DctTitle) => text(&s.title, f),
        (Entity::DatasetSeries(s), Prop::DctDescription) => text(&s.description, f),
        (Entity::DatasetSeries(s), Prop::DctPublisher) => agents(&s.publisher, f),
        (Entity::DatasetSeries(s), Prop::DcatContactPoint) => {
            nodes(&s.contact_points, f, |c| c.id.as_ref())
        }
        (Entity::DatasetSeries(s), Prop::DctAccrualPeriodicity) => {
            concepts(&s.accrual_periodicity, f)
        }
        (Entity::DatasetSeries(s), Prop::DctSpatial) => nodes(&s.spatial, f, |l| l.id.as_ref()),
        (Entity::DatasetSeries(s), Prop::DctTemporal) => nodes(&s.temporal, f, |p| p.id.as_ref()),
        (Entity::DatasetSeries(s), Prop::DctIssued) => temporal(s.issued.as_ref(), f),
        (Entity::DatasetSeries(s), Prop::DctModified) => temporal(s.modified.as_ref(), f),
        (Entity::DatasetSeries(s), Prop::DcatapApplicableLegislation) => {
            iris(&s.applicable_legislation, f);
        }

        (Entity::Distribution(x), Prop::DcatAccessURL) => iris(&x.access_urls, f),
        (Entity::Distribution(x), Prop::DcatDownloadURL) => iris(&x.download_urls, f),
        (Entity::Distribution(x), Prop::DctTitle) => text(&x.title, f),
        (Entity::Distribution(x), Prop::DctDescription) => text(&x.description, f),
        (Entity::Distribution(x), Prop::DctFormat) => concepts(&x.format, f),
        (Entity::Distribution(x), Prop::DcatMediaType) => iris(&x.media_type, f),
        (Entity::Distribution(x), Prop::DcatCompressFormat) => iris(&x.compress_format, f),
        (Entity::Distribution(x), Prop::DcatPackageFormat) => iris(&x.package_format, f),
        (Entity::Distribution(x), Prop::DctLicense) => nodes(&x.licence, f, |l| Some(&l.id)),
        (Entity::Distribution(x), Prop::DctRights) => nodes(&x.rights, f, |r| r.id.as_ref()),
        (Entity::Distribution(x), Prop::DcatByteSize) if x.byte_size.is_some() => {
            // The model holds a u64, written as xsd:nonNegativeInteger.
            f(Value::Literal {
                datatype: XSD_NON_NEGATIVE_INTEGER,
                lexical: "0",
            });
        }
        (Entity::Distribution(x), Prop::SpdxChecksum) => nodes(&x.checksum, f, |c| c.id.as_ref()),
        (Entity::Distribution(x), Prop::DctIssued) => temporal(x.issued.as_ref(), f),
        (Entity::Distribution(x), Prop::DctModified) => temporal(x.modified.as_ref(), f),
        (Entity::Distribution(x), Prop::DctLanguage) => concepts(&x.languages, f),
        (Entity::Distribution(x), Prop::AdmsStatus) => concepts(&x.status, f),
        (Entity::Distribution(x), Prop::DcatapAvailability) => concepts(&x.availability, f),
        (Entity::Distribution(x), Prop::DcatAccessService) => nodes(&x.access_services, f, Some),
        (Entity::Distribution(x), Prop::DctConformsTo) => {
            nodes(&x.conforms_to, f, |s| s.id.as_ref())
        }
        (Entity::Distribution(x), Prop::FoafPage) => iris(&x.documentation, f),
        (Entity::Distribution(x), Prop::DcatSpatialResolutionInMeters) => {
            typed(x.spatial_resolution_m.as_ref(), XSD_DECIMAL, f);
        }
        (Entity::Distribution(x), Prop::DcatTemporalResolution) => {
            typed(x.temporal_resolution.as_ref(), XSD_DURATION, f);
        }
        (Entity::Distribution(x), Prop::DcatapApplicableLegislation) => {
            iris(&x.applicable_legislation, f);
        }

        (Entity::DataService(s), Prop::DctTitle) => text(&s.title, f),
        (Entity::DataService(s), Prop::DctDescription) => text(&s.description, f),
        (Entity::DataService(s), Prop::DcatEndpointURL) => iris(&s.endpoint_urls, f),
        (Entity::DataService(s), Prop::DcatEndpointDescription) => {
            iris(&s.endpoint_descriptions, f)
        }
        (Entity::DataService(s), Prop::DcatServesDataset) => nodes(&s.serves_datasets, f, Some),
        (Entity::DataService(s), Prop::DctAccessRights) => concepts(&s.access_rights, f),
        (Entity::DataService(s), Prop::DctLicense) => nodes(&s.licence, f, |l| Some(&l.id)),
        (Entity::DataService(s), Prop::DcatContactPoint) => {
            nodes(&s.contact_points, f, |c| c.id.as_ref())
        }
        (Entity::DataService(s), Prop::DcatKeyword) => {
            for keyword in &s.keywords {
                f(Value::Literal {
                    datatype: if keyword.language.is_some() {
                        RDF_LANG_STRING
                    } else {
                        XSD_STRING
                    },
                    lexical: &keyword.value,
                });
            }
        }
        (Entity::DataService(s), Prop::DcatTheme) => concepts(&s.themes, f),
        (Entity::DataService(s), Prop::DctPublisher) => agents(&s.publisher, f),
        (Entity::DataService(s), Prop::DctConformsTo) => {
            nodes(&s.conforms_to, f, |c| c.id.as_ref())
        }
        (Entity::DataService(s), Prop::DctFormat) => concepts(&s.formats, f),
        (Entity::DataService(s), Prop::DcatLandingPage) => iris(&s.landing_pages, f),
        (Entity::DataService(s), Prop::FoafPage) => iris(&s.documentation, f),
        (Entity::DataService(s), Prop::DcatapApplicableLegislation) => {
            iris(&s.applicable_legislation, f);
        }

        (Entity::Agent(a), Prop::FoafName) => text(&a.name, f),
        (Entity::Agent(a), Prop::DctType) => iris(&a.agent_type, f),

        (Entity::Checksum(_), Prop::SpdxAlgorithm) => f(Value::Iri),
        (Entity::Checksum(c), Prop::SpdxChecksumValue) => f(Value::Literal {
            datatype: XSD_HEX_BINARY,
            lexical: &c.value,
        }),

        (Entity::Identifier(i), Prop::SkosNotation) => f(Value::Literal {
            datatype: i.notation.datatype(),
            lexical: i.notation.value(),
        }),

        (Entity::Location(l), Prop::LocnGeometry) => literal(l.geometry.as_ref(), f),
        (Entity::Location(l), Prop::DcatBbox) => literal(l.bbox.as_ref(), f),
        (Entity::Location(l), Prop::DcatCentroid) => literal(l.centroid.as_ref(), f),

        (Entity::PeriodOfTime(p), Prop::DcatStartDate) => temporal(p.start.as_ref(), f),
        (Entity::PeriodOfTime(p), Prop::DcatEndDate) => temporal(p.end.as_ref(), f),

        (Entity::Relationship(r), Prop::DctRelation) => f(node(Some(&r.relation))),
        (Entity::Relationship(_), Prop::DcatHadRole) => f(Value::Iri),

        (Entity::LicenseDocument(l), Prop::DctType) => iris(&l.licence_type, f),
        _ => {}
    }
}

fn literal<'a>(value: Option<&'a Literal>, f: &mut dyn FnMut(Value<'a>)) {
    if let Some(value) = value {
        f(Value::Literal {
            datatype: value.datatype(),
            lexical: value.value(),
        });
    }
}

/// Calls `f` with every value of `prop` on `entity`: mapped fields and kept extras.
fn values<'a>(entity: Entity<'a>, prop: Prop, f: &mut dyn FnMut(Value<'a>)) {
    mapped_values(entity, prop, f);
    if let Some(extra) = entity.extra()
        && !extra.statements.is_empty()
    {
        for object in extra.objects(prop.iri()) {
            f(match object {
                Term::Iri(_) => Value::Iri,
                Term::Blank(_) => Value::Blank,
                Term::Literal(literal) => Value::Literal {
                    datatype: literal.datatype(),
                    lexical: literal.value(),
                },
            });
        }
    }
}

/// Whether `lexical` is a valid literal of `datatype` (for the datatypes the shapes use).
fn lexical_ok(datatype: &str, lexical: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match datatype {
        XSD_NON_NEGATIVE_INTEGER => {
            let s = lexical.strip_prefix('+').unwrap_or(lexical);
            digits(s)
                || lexical
                    .strip_prefix('-')
                    .is_some_and(|s| digits(s) && s.bytes().all(|b| b == b'0'))
        }
        XSD_DECIMAL => {
            let s = lexical.strip_prefix(['+', '-']).unwrap_or(lexical);
            match s.split_once('.') {
                Some((int, frac)) => {
                    (int.is_empty() || digits(int))
                        && (frac.is_empty() || digits(frac))
                        && !(int.is_empty() && frac.is_empty())
                }
                None => digits(s),
            }
        }
        XSD_DURATION => duration_ok(lexical),
        XSD_HEX_BINARY => {
            lexical.len().is_multiple_of(2) && lexical.bytes().all(|b| b.is_ascii_hexdigit())
        }
        _ => true,
    }
}

/// `-?PnYnMnDTnHnMnS` with at least one component, and at least one after `T`.
fn duration_ok(lexical: &str) -> bool {
    let s = lexical.strip_prefix('-').unwrap_or(lexical);
    let Some(s) = s.strip_prefix('P') else {
        return false;
    };
    let (date, time) = match s.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (s, None),
    };
    let components = |part: &str, designators: &[u8], allow_fraction_last: bool| -> Option<usize> {
        let mut count = 0;
        let mut rest = part;
        let mut order = 0;
        while !rest.is_empty() {
            let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
            let number = &rest[..end];
            let designator = *rest.as_bytes().get(end)?;
            let position = designators[order..].iter().position(|d| *d == designator)? + order;
            let fraction_ok = !number.contains('.')
                || (allow_fraction_last && designator == b'S' && {
                    let (int, frac) = number.split_once('.')?;
                    !int.is_empty() && !frac.is_empty() && !frac.contains('.')
                });
            if number.is_empty() || !fraction_ok {
                return None;
            }
            order = position + 1;
            count += 1;
            rest = &rest[end + 1..];
        }
        Some(count)
    };
    let Some(date_count) = components(date, b"YMD", false) else {
        return false;
    };
    match time {
        None => date_count > 0,
        Some(time) => components(time, b"HMS", true).is_some_and(|count| count > 0),
    }
}

/// A DCAT-AP 3.0.1 shape violation, with the focus node and `sh:path` a SHACL validator
/// would report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    focus_node: Option<NodeId>,
    focus_class: &'static str,
    result_path: &'static str,
    source_shape: &'static str,
    /// `shape <source_shape>`, the hint of the finding.
    hint: &'static str,
    rule: Rule,
    shacl_violation: bool,
    message: String,
    location: FindingPath,
}

impl Violation {
    /// The focus node; `None` for a blank node the model does not name (a contact point,
    /// agent or period without identifier), which a writer mints.
    #[must_use]
    pub fn focus_node(&self) -> Option<&NodeId> {
        self.focus_node.as_ref()
    }

    /// The class whose shape the focus node fails (`http://www.w3.org/ns/dcat#Dataset`).
    #[must_use]
    pub fn focus_class(&self) -> &'static str {
        self.focus_class
    }

    /// The `sh:resultPath` IRI (`http://purl.org/dc/terms/description`).
    #[must_use]
    pub fn result_path(&self) -> &'static str {
        self.result_path
    }

    /// The `sh:sourceShape` IRI: the property shape of `dcat-ap-SHACL.ttl`, or the node
    /// shape of `mdr-vocabularies.shape.ttl` / `shapes_recommended.ttl`
    /// (`http://data.europa.eu/r5r#Dataset_ShapeCV`).
    #[must_use]
    pub fn source_shape(&self) -> &str {
        self.source_shape
    }

    /// Whether the shape's severity is `sh:Violation` (else `sh:Warning`).
    #[must_use]
    pub fn is_violation(&self) -> bool {
        self.shacl_violation
    }

    /// Whether the source shape is one of the consolidated `dcat-ap-SHACL.ttl`.
    #[must_use]
    pub fn is_core_shape(&self) -> bool {
        self.source_shape.starts_with(SHAPE_BASE)
    }

    /// The rule id (`dcatap.mandatory`, `dcatap.cardinality`…).
    #[must_use]
    pub fn rule_id(&self) -> &'static str {
        self.rule.info().id
    }

    /// What is wrong.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The finding this violation reports at the rule's default severity.
    #[must_use]
    pub fn to_finding(&self) -> Finding {
        self.clone()
            .into_finding_at(self.rule.info().default_severity)
    }

    /// The finding, moving the message and location into it.
    fn into_finding_at(self, severity: Severity) -> Finding {
        Finding::new(self.rule.info().id, severity, self.location, self.message)
            .with_hint(self.hint)
    }
}

fn compact(iri: &str) -> String {
    ns::compact(iri).unwrap_or_else(|| format!("<{iri}>"))
}

/// Whether `value` breaks the node-kind or datatype `constraint` (counts are checked on
/// all the values).
fn offends(constraint: Constraint, value: Value<'_>) -> bool {
    match (constraint, value) {
        (Constraint::NodeKind(NodeKind::Literal), Value::Literal { .. })
        | (Constraint::NodeKind(NodeKind::BlankNodeOrIri), Value::Iri | Value::Blank)
        | (Constraint::MinCount(_) | Constraint::MaxCount(_), _) => false,
        (Constraint::NodeKind(_), _) => true,
        (Constraint::Datatype(expected), Value::Literal { datatype, lexical }) => {
            datatype != expected || !lexical_ok(expected, lexical)
        }
        (Constraint::Datatype(_), _) => true,
    }
}

/// The most shapes one property has in one class.
const MAX_GROUP: usize = 8;

/// What the validator looks up for every violation, built once.
struct Tables {
    /// The compact name of each class (`dcat:Dataset`), by `Class as usize`.
    classes: Vec<String>,
    /// The compact name of each property (`dct:title`), by `Prop as usize`.
    props: Vec<String>,
    /// The property shapes of each class, in table order, by `Class as usize`.
    shapes: Vec<Vec<&'static PropertyShape>>,
    /// The properties of each class's shapes, each with the positions of its shapes in
    /// `shapes` (the values of a property are read once for all its shapes).
    groups: Vec<Vec<(Prop, Vec<usize>)>>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut classes = vec![String::new(); Class::ALL.len()];
        let mut shapes = vec![Vec::new(); Class::ALL.len()];
        for class in Class::ALL {
            classes[class as usize] = compact(class.iri());
        }
        for shape in SHAPES {
            shapes[shape.class as usize].push(shape);
        }
        let mut props = vec![String::new(); Prop::ALL.len()];
        for prop in Prop::ALL {
            props[*prop as usize] = compact(prop.iri());
        }
        let groups = shapes
            .iter()
            .map(|shapes| {
                let mut groups: Vec<(Prop, Vec<usize>)> = Vec::new();
                for (position, shape) in shapes.iter().enumerate() {
                    match groups.iter_mut().find(|(prop, _)| *prop == shape.path) {
                        Some((_, positions)) => positions.push(position),
                        None => groups.push((shape.path, vec![position])),
                    }
                }
                groups
            })
            .collect();
        Tables {
            classes,
            props,
            shapes,
            groups,
        }
    })
}

impl Prop {
    /// The compact name (`dct:title`, else `<IRI>`).
    fn name(self) -> &'static str {
        &tables().props[self as usize]
    }
}

/// The source shape of a violation: its IRI and the hint of its finding.
#[derive(Debug, Clone, Copy)]
struct Source {
    iri: &'static str,
    hint: &'static str,
}

/// A node shape of `mdr-vocabularies.shape.ttl` or `shapes_recommended.ttl`.
macro_rules! node_shape {
    ($name:literal) => {
        Source {
            iri: concat!("http://data.europa.eu/r5r#", $name),
            hint: concat!("shape <http://data.europa.eu/r5r#", $name, ">"),
        }
    };
}

const CATALOG_CV: Source = node_shape!("Catalog_ShapeCV");
const DATASET_CV: Source = node_shape!("Dataset_ShapeCV");
const DISTRIBUTION_CV: Source = node_shape!("Distribution_ShapeCV");
const SERIES_CV: Source = node_shape!("DatasetSeries_ShapeCV");
const SERVICE_CV: Source = node_shape!("DataService_ShapeCV");

/// Where the focus node is: the path of the entity holding it, and the field of that entity
/// when the focus node is a nested resource (`dct:publisher`). The path of a violation adds
/// the property; it is only laid out when a violation is reported.
#[derive(Clone, Copy)]
struct At<'a> {
    path: &'a [Seg],
    /// The text the identifiers of `path` are ranges of, outside a batch.
    ids: &'a str,
    field: Option<&'static str>,
}

impl<'a> At<'a> {
    fn new(path: &'a [Seg], ids: &'a str) -> Self {
        Self {
            path,
            ids,
            field: None,
        }
    }

    fn field(self, field: &'static str) -> Self {
        Self {
            field: Some(field),
            ..self
        }
    }

    /// The fields after the path: the nested resource's, then the property.
    fn fields(&self, property: &'static str) -> ([&'static str; 2], usize) {
        match self.field {
            Some(field) => ([field, property], 2),
            None => ([property, ""], 1),
        }
    }
}

/// Where the validator puts what it finds.
enum Output<'r> {
    /// Every violation ([`dcat_ap_violations`]).
    Violations(Vec<Violation>),
    /// The findings of the enabled rules, at their severities, in the batch of the check
    /// ([`crate::check`]).
    Findings { rules: &'r RuleSet, batch: Batch },
}

struct Validator<'r> {
    output: Output<'r>,
    /// Shared resources (agents, licences, places) already reported for a shape.
    seen: HashSet<(NodeId, &'static str)>,
    /// Whether a `sh:Violation` was found since the last [`Validator::take_violated`].
    violated: bool,
    /// The shapes an entity violates, reused.
    hits: Vec<(usize, Rule, usize, Option<String>)>,
}

impl<'r> Validator<'r> {
    fn new(output: Output<'r>) -> Self {
        Self {
            output,
            seen: HashSet::new(),
            violated: false,
            hits: Vec::new(),
        }
    }

    fn violations() -> Self {
        Self::new(Output::Violations(Vec::new()))
    }

    fn into_violations(self) -> Vec<Violation> {
        match self.output {
            Output::Violations(violations) => violations,
            Output::Findings { .. } => Vec::new(),
        }
    }

    /// Whether a `sh:Violation` was found since the last call.
    fn take_violated(&mut self) -> bool {
        std::mem::take(&mut self.violated)
    }

    /// Reports a violation of `source` by `entity` on `prop`; `tail` writes the message
    /// after the focus node.
    #[expect(clippy::too_many_arguments, reason = "one call site per kind of shape")]
    fn push(
        &mut self,
        entity: Entity<'_>,
        at: At<'_>,
        prop: Prop,
        source: Source,
        rule: Rule,
        shacl_violation: bool,
        tail: impl FnOnce(&mut String),
    ) {
        let focus = entity.id();
        if entity.class().shared()
            && let Some(id @ NodeId::Iri(_)) = focus
            && !self.seen.insert((id.clone(), source.iri))
        {
            return;
        }
        self.violated |= shacl_violation;
        let class = tables().classes[entity.class() as usize].as_str();
        let write = |message: &mut String| {
            message.push_str(class);
            match focus {
                Some(NodeId::Iri(iri)) => {
                    message.push(' ');
                    message.push_str(iri.as_str());
                }
                Some(id @ NodeId::Blank(_)) => {
                    let _ = write!(message, " {id}");
                }
                None => {}
            }
            message.push_str(": ");
            tail(message);
        };
        let (fields, count) = at.fields(prop.name());
        let fields = &fields[..count];
        match &mut self.output {
            Output::Findings { rules, batch } => {
                if let Some(severity) = rules.severity_of(rule) {
                    let path = batch.path(at.path, fields);
                    let message = batch.write(write);
                    batch.push(
                        rule,
                        severity,
                        path,
                        message,
                        Some(Piece::Static(source.hint)),
                    );
                }
            }
            Output::Violations(violations) => {
                let mut message = String::new();
                write(&mut message);
                violations.push(Violation {
                    focus_node: focus.cloned(),
                    focus_class: entity.class().iri(),
                    result_path: prop.iri(),
                    source_shape: source.iri,
                    hint: source.hint,
                    rule,
                    shacl_violation,
                    message,
                    location: standalone(at.path, at.ids, fields),
                });
            }
        }
    }

    /// Checks the consolidated shapes of the entity's class.
    fn core(&mut self, entity: Entity<'_>, at: At<'_>) {
        let tables = tables();
        let class = entity.class() as usize;
        let shapes = &tables.shapes[class];
        // The violated shapes: (position in the class's shapes, rule, count, offending value).
        let mut hits = std::mem::take(&mut self.hits);
        hits.clear();
        for (prop, positions) in &tables.groups[class] {
            let mut count = 0usize;
            let mut offending: [Option<Value<'_>>; MAX_GROUP] = [None; MAX_GROUP];
            values(entity, *prop, &mut |value| {
                count += 1;
                for (slot, &position) in offending.iter_mut().zip(positions) {
                    if slot.is_none() && offends(shapes[position].constraint, value) {
                        *slot = Some(value);
                    }
                }
            });
            for (slot, &position) in offending.iter().zip(positions) {
                let rule = match shapes[position].constraint {
                    Constraint::MinCount(min) if count < min => Rule::DcatapMandatory,
                    Constraint::MaxCount(max) if count > max => Rule::DcatapCardinality,
                    Constraint::NodeKind(_) if slot.is_some() => Rule::DcatapNodeKind,
                    Constraint::Datatype(_) if slot.is_some() => Rule::DcatapDatatype,
                    _ => continue,
                };
                hits.push((position, rule, count, slot.map(|value| value.describe())));
            }
        }
        // In the order of the shapes table.
        hits.sort_unstable_by_key(|(position, ..)| *position);
        for (position, rule, count, offending) in hits.drain(..) {
            let shape = shapes[position];
            let source = Source {
                iri: shape.iri,
                hint: shape.hint,
            };
            self.push(entity, at, shape.path, source, rule, true, |message| {
                let property = shape.path.name();
                let name = shape.name;
                let offending = offending.as_deref().unwrap_or_default();
                let _ = match shape.constraint {
                    Constraint::MinCount(min) => write!(
                        message,
                        "{property} ({name}) is mandatory: at least {min} value(s), found {count}"
                    ),
                    Constraint::MaxCount(max) => write!(
                        message,
                        "{property} ({name}) takes at most {max} value(s), found {count}"
                    ),
                    Constraint::NodeKind(kind) => write!(
                        message,
                        "{property} ({name}) must be {}, found {offending}",
                        match kind {
                            NodeKind::Literal => "a literal",
                            NodeKind::BlankNodeOrIri => "an IRI or a blank node",
                        },
                    ),
                    Constraint::Datatype(datatype) => write!(
                        message,
                        "{property} ({name}) must be a valid {}, found {offending}",
                        compact(datatype),
                    ),
                };
            });
        }
        self.hits = hits;
    }

    /// Checks the recommended-property shapes of the entity's class.
    fn recommended(&mut self, entity: Entity<'_>, at: At<'_>) {
        let (source, props): (Source, &[Prop]) = match entity {
            Entity::Catalog(_) => (
                node_shape!("Catalog_Shape"),
                &[
                    Prop::DctLanguage,
                    Prop::DctIssued,
                    Prop::DctLicense,
                    Prop::DctSpatial,
                    Prop::DctModified,
                    Prop::DcatThemeTaxonomy,
                    Prop::FoafHomepage,
                ],
            ),
            Entity::Dataset(_) => (
                node_shape!("Dataset_Shape"),
                &[
                    Prop::DcatContactPoint,
                    Prop::DcatDistribution,
                    Prop::DcatKeyword,
                    Prop::DctPublisher,
                    Prop::DctSpatial,
                    Prop::DctTemporal,
                    Prop::DcatTheme,
                ],
            ),
            Entity::Distribution(_) => (
                node_shape!("Distribution_Shape"),
                &[
                    Prop::DctDescription,
                    Prop::DcatapAvailability,
                    Prop::DctFormat,
                    Prop::DctLicense,
                ],
            ),
            Entity::DataService(_) => (
                node_shape!("DataService_Shape"),
                &[
                    Prop::DcatServesDataset,
                    Prop::DcatEndpointDescription,
                    Prop::DcatContactPoint,
                    Prop::DctPublisher,
                    Prop::DcatTheme,
                    Prop::DctConformsTo,
                    Prop::DcatKeyword,
                ],
            ),
            Entity::DatasetSeries(_) => (
                node_shape!("DatasetSeries_Shape"),
                &[Prop::DcatContactPoint, Prop::DctPublisher],
            ),
            _ => return,
        };
        for &prop in props {
            let mut count = 0usize;
            values(entity, prop, &mut |_| count += 1);
            if count == 0 {
                self.push(
                    entity,
                    at,
                    prop,
                    source,
                    Rule::DcatapRecommended,
                    false,
                    |message| {
                        message.push_str(prop.name());
                        message.push_str(" is recommended");
                    },
                );
            }
        }
    }

    /// Checks one controlled-vocabulary constraint of `mdr-vocabularies.shape.ttl`.
    #[expect(
        clippy::too_many_arguments,
        reason = "the columns of the vocabulary table"
    )]
    fn vocabulary(
        &mut self,
        entity: Entity<'_>,
        at: At<'_>,
        source: Source,
        prop: Prop,
        required: bool,
        bad: Option<&str>,
        what: &str,
    ) {
        if let Some(bad) = bad {
            let rule = if required {
                Rule::DcatapVocabulary
            } else {
                Rule::DcatapVocabularyRecommended
            };
            self.push(entity, at, prop, source, rule, required, |message| {
                message.push_str(prop.name());
                message.push_str(" <");
                message.push_str(bad);
                message.push_str("> is not ");
                message.push_str(what);
            });
        }
    }
}

/// The first concept outside `scheme` (known terms are in it).
fn outside<'a, T: Vocabulary>(
    concepts: impl IntoIterator<Item = &'a Concept<T>>,
    scheme: &str,
) -> Option<&'a str> {
    concepts.into_iter().find_map(|concept| match concept {
        Concept::Known(_) => None,
        Concept::Other(iri) => {
            let in_scheme = iri
                .as_str()
                .strip_prefix(scheme)
                .is_some_and(|rest| rest.starts_with('/') && rest.len() > 1);
            (!in_scheme).then_some(iri.as_str())
        }
    })
}

fn iri_outside<'a>(
    iris: impl IntoIterator<Item = &'a Iri>,
    test: impl Fn(&str) -> bool,
) -> Option<&'a str> {
    iris.into_iter().map(Iri::as_str).find(|iri| !test(iri))
}

const SPATIAL_SCHEMES: &[&str] = &[
    "http://publications.europa.eu/resource/authority/country/",
    "http://publications.europa.eu/resource/authority/place/",
    "http://publications.europa.eu/resource/authority/continent/",
    "https://sws.geonames.org",
];
const DATASET_TYPE: &str = "http://publications.europa.eu/resource/authority/dataset-type/";

fn spatial_outside(locations: &[Location]) -> Option<&str> {
    locations.iter().find_map(|location| match &location.id {
        Some(NodeId::Iri(iri)) if SPATIAL_SCHEMES.iter().any(|s| iri.as_str().starts_with(s)) => {
            None
        }
        Some(NodeId::Iri(iri)) => Some(iri.as_str()),
        _ => Some("(blank node)"),
    })
}

fn eu_theme_missing(themes: &[Concept<EuTheme>], other_themes: usize) -> Option<&'static str> {
    let any = !themes.is_empty() || other_themes > 0;
    let eu = outside(themes, EuTheme::SCHEME).is_none() && !themes.is_empty()
        || themes
            .iter()
            .any(|t| t.known().is_some() || t.iri().starts_with(EuTheme::SCHEME));
    (any && !eu).then_some("(no EU data theme)")
}

impl Validator<'_> {
    fn agent(&mut self, agent: &Agent, at: At<'_>, property: &'static str) {
        self.core(Entity::Agent(agent), at.field(property));
    }

    fn licence(&mut self, licence: &LicenseDocument, at: At<'_>) {
        self.core(Entity::LicenseDocument(licence), at.field("dct:license"));
    }

    fn places_and_periods(&mut self, spatial: &[Location], temporal: &[PeriodOfTime], at: At<'_>) {
        for place in spatial {
            self.core(Entity::Location(place), at.field("dct:spatial"));
        }
        for period in temporal {
            self.core(Entity::PeriodOfTime(period), at.field("dct:temporal"));
        }
    }

    fn catalog_node(&mut self, catalog: &Catalog) {
        let at = At::new(&[], "");
        let entity = Entity::Catalog(catalog);
        self.core(entity, at);
        self.vocabulary(
            entity,
            at,
            CATALOG_CV,
            Prop::DctLanguage,
            true,
            outside(&catalog.languages, Language::SCHEME),
            "a language of the EU language table",
        );
        let has_eu_taxonomy = catalog
            .theme_taxonomies
            .iter()
            .any(|iri| iri.as_str() == EuTheme::SCHEME);
        self.vocabulary(
            entity,
            at,
            CATALOG_CV,
            Prop::DcatThemeTaxonomy,
            false,
            (!has_eu_taxonomy).then_some(EuTheme::SCHEME),
            "among the theme taxonomies (the EU data-theme scheme should be)",
        );
        self.vocabulary(
            entity,
            at,
            CATALOG_CV,
            Prop::DctSpatial,
            false,
            spatial_outside(&catalog.spatial),
            "a country, place, continent or GeoNames IRI",
        );
        self.recommended(entity, at);
        if let Some(publisher) = &catalog.publisher {
            self.agent(publisher, at, "dct:publisher");
        }
        for creator in &catalog.creators {
            self.agent(creator, at, "dct:creator");
        }
        if let Some(licence) = &catalog.licence {
            self.licence(licence, at);
        }
        self.places_and_periods(&catalog.spatial, &[], at);
    }

    fn dataset(&mut self, dataset: &Dataset, paths: &DatasetPaths) {
        let at = At::new(paths.dataset_segments(), paths.own_ids());
        let entity = Entity::Dataset(dataset);
        self.core(entity, at);
        let shape = DATASET_CV;
        self.vocabulary(
            entity,
            at,
            shape,
            Prop::DctAccrualPeriodicity,
            true,
            outside(&dataset.accrual_periodicity, Frequency::SCHEME),
            "a frequency of the EU frequency table",
        );
        self.vocabulary(
            entity,
            at,
            shape,
            Prop::DctLanguage,
            true,
            outside(&dataset.languages, Language::SCHEME),
            "a language of the EU language table",
        );
        self.vocabulary(
            entity,
            at,
            shape,
            Prop::DctSpatial,
            false,
            spatial_outside(&dataset.spatial),
            "a country, place, continent or GeoNames IRI",
        );
        self.vocabulary(
            entity,
            at,
            shape,
            Prop::DcatTheme,
            false,
            eu_theme_missing(&dataset.themes, dataset.portal_themes.len()),
            "a theme of the EU data-theme table (at least one should be)",
        );
        let types_in_scheme = dataset
            .types
            .iter()
            .any(|iri| iri.as_str().starts_with(DATASET_TYPE));
        self.vocabulary(
            entity,
            at,
            shape,
            Prop::DctType,
            false,
            dataset
                .types
                .first()
                .filter(|_| !types_in_scheme)
                .map(Iri::as_str),
            "a type of the EU dataset-type table (at least one should be)",
        );
        self.vocabulary(
            entity,
            at,
            shape,
            Prop::DctAccessRights,
            false,
            outside(&dataset.access_rights, AccessRight::SCHEME),
            "an access right of the EU access-right table",
        );
        self.recommended(entity, at);
        if let Some(publisher) = &dataset.publisher {
            self.agent(publisher, at, "dct:publisher");
        }
        for creator in &dataset.creators {
            self.agent(creator, at, "dct:creator");
        }
        self.places_and_periods(&dataset.spatial, &dataset.temporal, at);
        for identifier in &dataset.other_identifiers {
            self.core(Entity::Identifier(identifier), at.field("adms:identifier"));
        }
        for relation in &dataset.qualified_relations {
            self.core(
                Entity::Relationship(relation),
                at.field("dcat:qualifiedRelation"),
            );
        }
        for (index, distribution) in dataset.distributions.iter().enumerate() {
            self.distribution(
                distribution,
                At::new(paths.distribution_segments(index), paths.own_ids()),
            );
        }
    }

    fn distribution(&mut self, distribution: &Distribution, at: At<'_>) {
        let entity = Entity::Distribution(distribution);
        self.core(entity, at);
        let shape = DISTRIBUTION_CV;
        self.vocabulary(
            entity,
            at,
            shape,
            Prop::DctFormat,
            true,
            outside(&distribution.format, FileType::SCHEME),
            "a file type of the EU file-type table",
        );
        self.vocabulary(
            entity,
            at,
            shape,
            Prop::DctLanguage,
            true,
            outside(&distribution.languages, Language::SCHEME),
            "a language of the EU language table",
        );
        self.vocabulary(
            entity,
            at,
            shape,
            Prop::AdmsStatus,
            true,
            outside(
                &distribution.status,
                fihris_vocab::DistributionStatus::SCHEME,
            ),
            "a status of the EU distribution-status table",
        );
        self.vocabulary(
            entity,
            at,
            shape,
            Prop::DcatapAvailability,
            true,
            outside(
                &distribution.availability,
                fihris_vocab::PlannedAvailability::SCHEME,
            ),
            "a term of the EU planned-availability table",
        );
        for (prop, iri) in [
            (Prop::DcatMediaType, &distribution.media_type),
            (Prop::DcatCompressFormat, &distribution.compress_format),
            (Prop::DcatPackageFormat, &distribution.package_format),
        ] {
            self.vocabulary(
                entity,
                at,
                shape,
                prop,
                true,
                iri_outside(iri, is_iana_media_type),
                "an IANA media type (https://www.iana.org/assignments/media-types/…)",
            );
        }
        self.recommended(entity, at);
        if let Some(licence) = &distribution.licence {
            self.licence(licence, at);
        }
        if let Some(checksum) = &distribution.checksum {
            self.core(Entity::Checksum(checksum), at.field("spdx:checksum"));
        }
    }

    fn series(&mut self, series: &DatasetSeries) {
        let location = [Seg::Other(PathSegment::Dataset(node_text(&series.id)))];
        let at = At::new(&location, "");
        let entity = Entity::DatasetSeries(series);
        self.core(entity, at);
        self.vocabulary(
            entity,
            at,
            SERIES_CV,
            Prop::DctAccrualPeriodicity,
            true,
            outside(&series.accrual_periodicity, Frequency::SCHEME),
            "a frequency of the EU frequency table",
        );
        self.vocabulary(
            entity,
            at,
            SERIES_CV,
            Prop::DctSpatial,
            false,
            spatial_outside(&series.spatial),
            "a country, place, continent or GeoNames IRI",
        );
        self.recommended(entity, at);
        if let Some(publisher) = &series.publisher {
            self.agent(publisher, at, "dct:publisher");
        }
        self.places_and_periods(&series.spatial, &series.temporal, at);
    }

    fn service(&mut self, service: &DataService) {
        let location = [Seg::Other(PathSegment::Service(node_text(&service.id)))];
        let at = At::new(&location, "");
        let entity = Entity::DataService(service);
        self.core(entity, at);
        self.vocabulary(
            entity,
            at,
            SERVICE_CV,
            Prop::DctFormat,
            true,
            outside(&service.formats, FileType::SCHEME),
            "a file type of the EU file-type table",
        );
        self.vocabulary(
            entity,
            at,
            SERVICE_CV,
            Prop::DcatTheme,
            false,
            eu_theme_missing(&service.themes, 0),
            "a theme of the EU data-theme table (at least one should be)",
        );
        self.vocabulary(
            entity,
            at,
            SERVICE_CV,
            Prop::DctAccessRights,
            false,
            outside(&service.access_rights, AccessRight::SCHEME),
            "an access right of the EU access-right table",
        );
        self.recommended(entity, at);
        if let Some(publisher) = &service.publisher {
            self.agent(publisher, at, "dct:publisher");
        }
        for creator in &service.creators {
            self.agent(creator, at, "dct:creator");
        }
        if let Some(licence) = &service.licence {
            self.licence(licence, at);
        }
        self.places_and_periods(&service.spatial, &service.temporal, at);
    }

    fn record(&mut self, record: &CatalogRecord) {
        let location = [Seg::Other(PathSegment::Field(
            format!("dcat:record {}", record.id).into(),
        ))];
        self.core(Entity::CatalogRecord(record), At::new(&location, ""));
    }
}

/// Every DCAT-AP 3.0.1 violation of a catalogue: the catalogue node, then each dataset with
/// its distributions, then series, services and records. Deterministic: same catalogue,
/// same list.
///
/// ```
/// use fihris_model::{Catalog, Dataset, Iri, NodeId, Text};
/// use fihris_rules::dcat_ap_violations;
///
/// let mut catalog = Catalog::new(
///     NodeId::Iri(Iri::new("https://data.gov.ma/catalog")?),
///     Text::untagged("Portail"),
/// )?;
/// catalog.datasets.push(Dataset::new(
///     NodeId::Iri(Iri::new("https://data.gov.ma/d/1")?),
///     Text::untagged("Population"),
/// )?);
/// let violations = dcat_ap_violations(&catalog);
/// let mandatory: Vec<(String, &str)> = violations
///     .iter()
///     .filter(|v| v.is_core_shape())
///     .map(|v| (v.focus_node().map(ToString::to_string).unwrap_or_default(), v.result_path()))
///     .collect();
/// assert_eq!(
///     mandatory,
///     [
///         ("https://data.gov.ma/catalog".to_owned(), "http://purl.org/dc/terms/description"),
///         ("https://data.gov.ma/catalog".to_owned(), "http://purl.org/dc/terms/publisher"),
///         ("https://data.gov.ma/d/1".to_owned(), "http://purl.org/dc/terms/description"),
///     ]
/// );
/// # Ok::<(), fihris_model::ModelError>(())
/// ```
#[must_use]
pub fn dcat_ap_violations(catalog: &Catalog) -> Vec<Violation> {
    let mut validator = Validator::violations();
    validator.catalog_node(catalog);
    for dataset in &catalog.datasets {
        validator.dataset(dataset, &DatasetPaths::new(dataset));
    }
    validator.rest(catalog);
    validator.into_violations()
}

impl Validator<'_> {
    fn rest(&mut self, catalog: &Catalog) {
        for series in &catalog.series {
            self.series(series);
        }
        for service in &catalog.services {
            self.service(service);
        }
        for record in &catalog.records {
            self.record(record);
        }
    }
}

/// The violations of one dataset and its distributions (and their agents, licences,
/// places…).
#[must_use]
pub fn dataset_violations(dataset: &Dataset) -> Vec<Violation> {
    let mut validator = Validator::violations();
    validator.dataset(dataset, &DatasetPaths::new(dataset));
    validator.into_violations()
}

/// No `sh:Violation` for the dataset and its distributions (the MQA's DCAT-AP compliance).
pub(crate) fn dataset_is_compliant(dataset: &Dataset) -> bool {
    !dataset_violations(dataset)
        .iter()
        .any(Violation::is_violation)
}

/// One shape of `dcat-ap-SHACL.ttl` this crate checks natively.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckedShape(&'static PropertyShape);

impl CheckedShape {
    /// The property shape IRI.
    #[must_use]
    pub fn iri(&self) -> String {
        format!("{SHAPE_BASE}{}", self.0.id)
    }

    /// The `sh:targetClass` of the node shape listing it.
    #[must_use]
    pub fn target_class(&self) -> &'static str {
        self.0.class.iri()
    }

    /// The `sh:path` IRI.
    #[must_use]
    pub fn path(&self) -> &'static str {
        self.0.path.iri()
    }

    /// The constraint as its SHACL property and value: (`sh:minCount` IRI, `"1"`),
    /// (`sh:nodeKind` IRI, `sh:Literal` IRI), (`sh:datatype` IRI, `xsd:…` IRI).
    #[must_use]
    pub fn constraint(&self) -> (&'static str, String) {
        const SH: &str = "http://www.w3.org/ns/shacl#";
        match self.0.constraint {
            Constraint::MinCount(n) => ("http://www.w3.org/ns/shacl#minCount", n.to_string()),
            Constraint::MaxCount(n) => ("http://www.w3.org/ns/shacl#maxCount", n.to_string()),
            Constraint::NodeKind(kind) => (
                "http://www.w3.org/ns/shacl#nodeKind",
                format!(
                    "{SH}{}",
                    match kind {
                        NodeKind::Literal => "Literal",
                        NodeKind::BlankNodeOrIri => "BlankNodeOrIRI",
                    }
                ),
            ),
            Constraint::Datatype(datatype) => {
                ("http://www.w3.org/ns/shacl#datatype", datatype.to_owned())
            }
        }
    }

    /// The `sh:name` of the shape.
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.0.name
    }
}

/// Every shape of the official `dcat-ap-SHACL.ttl` checked natively (see the crate README
/// for those that are not).
pub fn dcat_ap_shapes() -> impl Iterator<Item = CheckedShape> {
    SHAPES.iter().map(CheckedShape)
}

/// Runs the validator in the order `check` reports (catalogue node first, then per dataset),
/// putting the findings of the enabled rules in the batch of the check.
pub(crate) struct Session<'r> {
    validator: Validator<'r>,
}

impl<'r> Session<'r> {
    pub(crate) fn new(rules: &'r RuleSet) -> Self {
        Self {
            validator: Validator::new(Output::Findings {
                rules,
                batch: Batch::default(),
            }),
        }
    }

    /// Runs `check` with the sink's batch; whether a `sh:Violation` was found.
    fn run(&mut self, sink: &mut Sink<'_>, check: impl FnOnce(&mut Validator<'r>)) -> bool {
        if let Output::Findings { batch, .. } = &mut self.validator.output {
            std::mem::swap(batch, &mut sink.batch);
        }
        check(&mut self.validator);
        if let Output::Findings { batch, .. } = &mut self.validator.output {
            std::mem::swap(batch, &mut sink.batch);
        }
        self.validator.take_violated()
    }

    pub(crate) fn catalog_node(&mut self, catalog: &Catalog, sink: &mut Sink<'_>) {
        self.run(sink, |validator| validator.catalog_node(catalog));
    }

    /// Checks a dataset; whether it has no `sh:Violation` (the MQA's DCAT-AP compliance).
    pub(crate) fn dataset(
        &mut self,
        dataset: &Dataset,
        paths: &DatasetPaths,
        sink: &mut Sink<'_>,
    ) -> bool {
        !self.run(sink, |validator| validator.dataset(dataset, paths))
    }

    pub(crate) fn rest(&mut self, catalog: &Catalog, sink: &mut Sink<'_>) {
        self.run(sink, |validator| validator.rest(catalog));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexical_forms() {
        assert!(lexical_ok(XSD_DECIMAL, "12.5"));
        assert!(lexical_ok(XSD_DECIMAL, "-.5"));
        assert!(!lexical_ok(XSD_DECIMAL, "1e3"));
        assert!(!lexical_ok(XSD_DECIMAL, "."));
        assert!(lexical_ok(XSD_NON_NEGATIVE_INTEGER, "+42"));
        assert!(!lexical_ok(XSD_NON_NEGATIVE_INTEGER, "-1"));
        assert!(!lexical_ok(XSD_NON_NEGATIVE_INTEGER, "1.0"));
        assert!(lexical_ok(XSD_HEX_BINARY, "00ff"));
        assert!(!lexical_ok(XSD_HEX_BINARY, "0fg0"));
        assert!(!lexical_ok(XSD_HEX_BINARY, "abc"));
        for good in ["P1Y", "PT15M", "P1Y2M3DT4H5M6.5S", "-P3D", "P0D"] {
            assert!(duration_ok(good), "{good}");
        }
        for bad in ["P", "PT", "1Y", "P1S", "PT1Y", "P1M1Y", "P1.5Y", "P1YT"] {
            assert!(!duration_ok(bad), "{bad}");
        }
    }

    #[test]
    fn tables_follow_the_shapes() {
        let tables = tables();
        for class in Class::ALL {
            let shapes = &tables.shapes[class as usize];
            let table: Vec<_> = SHAPES.iter().filter(|s| s.class == class).collect();
            assert_eq!(shapes, &table);
            let mut positions: Vec<usize> = Vec::new();
            for (prop, group) in &tables.groups[class as usize] {
                assert!(group.len() <= MAX_GROUP, "{prop:?}");
                assert!(group.iter().all(|&position| shapes[position].path == *prop));
                positions.extend(group);
            }
            positions.sort_unstable();
            assert_eq!(positions, (0..shapes.len()).collect::<Vec<_>>());
        }
        for shape in SHAPES {
            assert_eq!(shape.iri, format!("{SHAPE_BASE}{}", shape.id));
            assert_eq!(shape.hint, format!("shape <{}>", shape.iri));
        }
        for prop in Prop::ALL {
            assert_eq!(prop.name(), compact(prop.iri()));
        }
    }

    #[test]
    fn every_shape_path_is_reachable_by_its_class() {
        // Guards the generated table: no duplicate shape id within a class.
        let mut seen = HashSet::new();
        for shape in SHAPES {
            assert!(seen.insert((shape.class, shape.id)), "{}", shape.id);
        }
        assert_eq!(SHAPES.len(), 203);
    }
}
