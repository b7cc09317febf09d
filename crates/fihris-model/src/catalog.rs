use fihris_vocab::Language;

use crate::agent::Agent;
use crate::concept::Concept;
use crate::dataset::{Dataset, DatasetSeries};
use crate::distribution::Distribution;
use crate::error::ModelError;
use crate::iri::{Iri, NodeId};
use crate::service::DataService;
use crate::support::{LabelledResource, LicenseDocument, Location};
use crate::temporal::Temporal;
use crate::term::{Extras, Triple};
use crate::text::Text;

/// A description of a catalogue entry (`dcat:CatalogRecord`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct CatalogRecord {
    /// IRI or blank node.
    pub id: NodeId,
    /// `foaf:primaryTopic` (mandatory): the dataset, series or service described.
    pub primary_topic: NodeId,
    /// `dct:modified` (mandatory).
    pub modified: Temporal,
    /// `dct:issued`.
    pub issued: Option<Temporal>,
    /// `dct:title`.
    pub title: Text,
    /// `dct:description`.
    pub description: Text,
    /// `dct:language`.
    pub languages: Vec<Concept<Language>>,
    /// `dct:conformsTo`: the application profile of the metadata.
    pub conforms_to: Vec<LabelledResource>,
    /// `adms:status`: the change type of the record.
    pub change_type: Option<Iri>,
    /// `dct:source`: the harvested record this one comes from.
    pub source: Option<NodeId>,
    /// Unmapped statements and fields.
    pub extra: Extras,
}

impl CatalogRecord {
    /// A record with its mandatory properties.
    #[must_use]
    pub fn new(id: NodeId, primary_topic: NodeId, modified: Temporal) -> Self {
        Self {
            id,
            primary_topic,
            modified,
            issued: None,
            title: Text::new(),
            description: Text::new(),
            languages: Vec::new(),
            conforms_to: Vec::new(),
            change_type: None,
            source: None,
            extra: Extras::default(),
        }
    }
}

/// A catalogue (`dcat:Catalog`): the unit every reader returns and every writer takes.
///
/// ```
/// use fihris_model::{Agent, Catalog, Dataset, Iri, NodeId, Text};
/// use fihris_vocab::Producer;
///
/// let mut catalog = Catalog::new(
///     NodeId::Iri(Iri::new("https://data.gov.ma/catalog")?),
///     Text::new().with("fr", "Portail national des données ouvertes")?,
/// )?;
/// let mut dataset = Dataset::new(
///     NodeId::Iri(Iri::new("https://data.gov.ma/data/fr/dataset/ipc")?),
///     Text::new().with("fr", "Indice des prix à la consommation (Mensuel)")?,
/// )?;
/// dataset.publisher = Producer::by_code("HCP").map(Agent::from_producer);
/// catalog.datasets.push(dataset);
/// assert_eq!(catalog.datasets[0].producer().map(|p| p.code), Some("HCP"));
/// # Ok::<(), fihris_model::ModelError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Catalog {
    /// IRI or blank node.
    pub id: NodeId,
    /// `dct:title` (mandatory).
    pub title: Text,
    /// `dct:description` (mandatory in DCAT-AP).
    pub description: Text,
    /// `dct:publisher` (mandatory in DCAT-AP; checked by the rules).
    pub publisher: Option<Agent>,
    /// `dcat:dataset`.
    pub datasets: Vec<Dataset>,
    /// Dataset series of the catalogue.
    pub series: Vec<DatasetSeries>,
    /// `dcat:service`.
    pub services: Vec<DataService>,
    /// `dcat:record`.
    pub records: Vec<CatalogRecord>,
    /// `dcat:catalog`: catalogues harvested into this one.
    pub catalogs: Vec<NodeId>,
    /// `foaf:homepage`.
    pub homepage: Option<Iri>,
    /// `dct:language`.
    pub languages: Vec<Concept<Language>>,
    /// `dct:license`.
    pub licence: Option<LicenseDocument>,
    /// `dct:rights`.
    pub rights: Option<LabelledResource>,
    /// `dct:issued`.
    pub issued: Option<Temporal>,
    /// `dct:modified`.
    pub modified: Option<Temporal>,
    /// `dct:spatial`.
    pub spatial: Vec<Location>,
    /// `dcat:themeTaxonomy`.
    pub theme_taxonomies: Vec<Iri>,
    /// `dct:hasPart`.
    pub has_parts: Vec<NodeId>,
    /// `dct:isPartOf`.
    pub is_part_of: Vec<NodeId>,
    /// `dct:creator`.
    pub creators: Vec<Agent>,
    /// `dcatap:applicableLegislation`.
    pub applicable_legislation: Vec<Iri>,
    /// Unmapped statements and fields about the catalogue itself.
    pub extra: Extras,
    /// Triples about resources no entity holds (blank nodes referenced from extras, other
    /// resources of the input), written back as read.
    pub extra_triples: Vec<Triple>,
}

impl Catalog {
    /// A catalogue with its mandatory title.
    ///
    /// # Errors
    ///
    /// [`crate::ModelErrorKind::EmptyText`] when the title has no content.
    pub fn new(id: NodeId, title: Text) -> Result<Self, ModelError> {
        title.require_content("dct:title")?;
        Ok(Self {
            id,
            title,
            description: Text::new(),
            publisher: None,
            datasets: Vec::new(),
            series: Vec::new(),
            services: Vec::new(),
            records: Vec::new(),
            catalogs: Vec::new(),
            homepage: None,
            languages: Vec::new(),
            licence: None,
            rights: None,
            issued: None,
            modified: None,
            spatial: Vec::new(),
            theme_taxonomies: Vec::new(),
            has_parts: Vec::new(),
            is_part_of: Vec::new(),
            creators: Vec::new(),
            applicable_legislation: Vec::new(),
            extra: Extras::default(),
            extra_triples: Vec::new(),
        })
    }

    /// Every distribution of every dataset, with its dataset.
    pub fn distributions(&self) -> impl Iterator<Item = (&Dataset, &Distribution)> {
        self.datasets.iter().flat_map(|dataset| {
            dataset
                .distributions
                .iter()
                .map(move |distribution| (dataset, distribution))
        })
    }

    /// The dataset with this identifier.
    #[must_use]
    pub fn dataset(&self, id: &NodeId) -> Option<&Dataset> {
        self.datasets.iter().find(|dataset| &dataset.id == id)
    }

    /// Checks the catalogue and every dataset and service (see [`Dataset::validate`]).
    ///
    /// # Errors
    ///
    /// The first problem found.
    pub fn validate(&self) -> Result<(), ModelError> {
        self.title.require_content("dct:title")?;
        for dataset in &self.datasets {
            dataset.validate()?;
        }
        for service in &self.services {
            service.validate()?;
        }
        Ok(())
    }
}
