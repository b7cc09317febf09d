use fihris_vocab::{AccessRight, EuTheme, Frequency, Language, PortalTheme};

use crate::agent::{Agent, ContactPoint};
use crate::concept::Concept;
use crate::distribution::Distribution;
use crate::error::{ModelError, ModelErrorKind};
use crate::inventory::Inventory;
use crate::iri::{Iri, NodeId};
use crate::support::{Identifier, Keyword, LabelledResource, Location, PeriodOfTime, Relationship};
use crate::temporal::Temporal;
use crate::term::Extras;
use crate::text::Text;

/// A dataset (`dcat:Dataset`) with its distributions and national inventory facts.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Dataset {
    /// IRI or blank node.
    pub id: NodeId,
    /// `dct:title` (mandatory).
    pub title: Text,
    /// `dct:description` (mandatory in DCAT-AP; checked by the rules, not refused here).
    pub description: Text,
    /// `dcat:distribution`.
    pub distributions: Vec<Distribution>,
    /// `dcat:keyword`.
    pub keywords: Vec<Keyword>,
    /// `dcat:theme` from the EU data-theme vocabulary (or other schemes).
    pub themes: Vec<Concept<EuTheme>>,
    /// `dcat:theme` from the portal's 19 themes.
    #[cfg_attr(feature = "serde", serde(with = "crate::concept::term_iris"))]
    pub portal_themes: Vec<PortalTheme>,
    /// `dct:publisher`: the responsible producer.
    pub publisher: Option<Agent>,
    /// `dct:creator`.
    pub creators: Vec<Agent>,
    /// `dcat:contactPoint`.
    pub contact_points: Vec<ContactPoint>,
    /// `dct:spatial`.
    pub spatial: Vec<Location>,
    /// `dct:temporal`.
    pub temporal: Vec<PeriodOfTime>,
    /// `dct:issued`.
    pub issued: Option<Temporal>,
    /// `dct:modified`.
    pub modified: Option<Temporal>,
    /// `dct:accrualPeriodicity`: the update frequency.
    pub accrual_periodicity: Option<Concept<Frequency>>,
    /// `dct:accessRights`.
    pub access_rights: Option<Concept<AccessRight>>,
    /// `dct:language`.
    pub languages: Vec<Concept<Language>>,
    /// `dcat:landingPage`.
    pub landing_pages: Vec<Iri>,
    /// `foaf:page`: documentation.
    pub documentation: Vec<Iri>,
    /// `dct:identifier`.
    pub identifiers: Vec<String>,
    /// `adms:identifier`.
    pub other_identifiers: Vec<Identifier>,
    /// `dct:conformsTo`.
    pub conforms_to: Vec<LabelledResource>,
    /// `dct:provenance`.
    pub provenance: Vec<LabelledResource>,
    /// `dct:type` values other than the inventory's kind of data.
    pub types: Vec<Iri>,
    /// `dcat:version`.
    pub version: Option<String>,
    /// `adms:versionNotes`.
    pub version_notes: Text,
    /// `dcat:hasVersion`.
    pub has_versions: Vec<NodeId>,
    /// `dcat:isVersionOf`.
    pub is_version_of: Vec<NodeId>,
    /// `dct:relation`.
    pub relations: Vec<NodeId>,
    /// `dct:source`.
    pub sources: Vec<NodeId>,
    /// `dct:isReferencedBy`.
    pub is_referenced_by: Vec<NodeId>,
    /// `adms:sample`.
    pub samples: Vec<NodeId>,
    /// `dcat:qualifiedRelation`.
    pub qualified_relations: Vec<Relationship>,
    /// `dcat:inSeries`.
    pub in_series: Vec<NodeId>,
    /// `dcat:spatialResolutionInMeters`, `xsd:decimal` lexical form.
    pub spatial_resolution_m: Option<String>,
    /// `dcat:temporalResolution`, `xsd:duration` lexical form.
    pub temporal_resolution: Option<String>,
    /// `dcatap:applicableLegislation`.
    pub applicable_legislation: Vec<Iri>,
    /// `dcatap:hvdCategory`.
    pub hvd_categories: Vec<Iri>,
    /// The national inventory facts.
    pub inventory: Inventory,
    /// Unmapped statements and fields.
    pub extra: Extras,
}

impl Dataset {
    /// A dataset with its mandatory title.
    ///
    /// # Errors
    ///
    /// [`ModelErrorKind::EmptyText`] when the title has no content.
    ///
    /// ```
    /// use fihris_model::{Dataset, Iri, NodeId, Text};
    /// let id = NodeId::Iri(Iri::new("https://data.gov.ma/data/fr/dataset/population")?);
    /// let dataset = Dataset::new(id.clone(), Text::new().with("fr", "Population légale")?)?;
    /// assert_eq!(dataset.title.get("fr"), Some("Population légale"));
    /// assert!(Dataset::new(id, Text::untagged(" ")).is_err());
    /// # Ok::<(), fihris_model::ModelError>(())
    /// ```
    pub fn new(id: NodeId, title: Text) -> Result<Self, ModelError> {
        title.require_content("dct:title")?;
        Ok(Self {
            id,
            title,
            description: Text::new(),
            distributions: Vec::new(),
            keywords: Vec::new(),
            themes: Vec::new(),
            portal_themes: Vec::new(),
            publisher: None,
            creators: Vec::new(),
            contact_points: Vec::new(),
            spatial: Vec::new(),
            temporal: Vec::new(),
            issued: None,
            modified: None,
            accrual_periodicity: None,
            access_rights: None,
            languages: Vec::new(),
            landing_pages: Vec::new(),
            documentation: Vec::new(),
            identifiers: Vec::new(),
            other_identifiers: Vec::new(),
            conforms_to: Vec::new(),
            provenance: Vec::new(),
            types: Vec::new(),
            version: None,
            version_notes: Text::new(),
            has_versions: Vec::new(),
            is_version_of: Vec::new(),
            relations: Vec::new(),
            sources: Vec::new(),
            is_referenced_by: Vec::new(),
            samples: Vec::new(),
            qualified_relations: Vec::new(),
            in_series: Vec::new(),
            spatial_resolution_m: None,
            temporal_resolution: None,
            applicable_legislation: Vec::new(),
            hvd_categories: Vec::new(),
            inventory: Inventory::default(),
            extra: Extras::default(),
        })
    }

    /// Checks what public fields may have broken since construction: a title with content,
    /// at least one access URL on every distribution.
    ///
    /// # Errors
    ///
    /// The first problem found.
    pub fn validate(&self) -> Result<(), ModelError> {
        self.title.require_content("dct:title")?;
        for distribution in &self.distributions {
            if distribution.access_urls.is_empty() {
                return Err(ModelError::new(
                    ModelErrorKind::Missing,
                    "dcat:accessURL",
                    format!("distribution {} has no access URL", distribution.id),
                ));
            }
        }
        Ok(())
    }

    /// The update frequency, when it is one of the EU frequencies.
    #[must_use]
    pub fn frequency(&self) -> Option<Frequency> {
        self.accrual_periodicity.as_ref().and_then(Concept::known)
    }

    /// The portal producer responsible for the dataset, when its publisher is one.
    #[must_use]
    pub fn producer(&self) -> Option<&'static fihris_vocab::Producer> {
        self.publisher
            .as_ref()
            .and_then(|publisher| publisher.producer)
    }
}

/// A dataset series (`dcat:DatasetSeries`): datasets point to it with `dcat:inSeries`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DatasetSeries {
    /// IRI or blank node.
    pub id: NodeId,
    /// `dct:title` (mandatory).
    pub title: Text,
    /// `dct:description` (mandatory in DCAT-AP).
    pub description: Text,
    /// `dct:publisher`.
    pub publisher: Option<Agent>,
    /// `dcat:contactPoint`.
    pub contact_points: Vec<ContactPoint>,
    /// `dct:accrualPeriodicity`.
    pub accrual_periodicity: Option<Concept<Frequency>>,
    /// `dct:spatial`.
    pub spatial: Vec<Location>,
    /// `dct:temporal`.
    pub temporal: Vec<PeriodOfTime>,
    /// `dct:issued`.
    pub issued: Option<Temporal>,
    /// `dct:modified`.
    pub modified: Option<Temporal>,
    /// `dcatap:applicableLegislation`.
    pub applicable_legislation: Vec<Iri>,
    /// Unmapped statements (`dcat:first`, `dcat:last`…) and fields.
    pub extra: Extras,
}

impl DatasetSeries {
    /// A series with its mandatory title.
    ///
    /// # Errors
    ///
    /// [`ModelErrorKind::EmptyText`] when the title has no content.
    pub fn new(id: NodeId, title: Text) -> Result<Self, ModelError> {
        title.require_content("dct:title")?;
        Ok(Self {
            id,
            title,
            description: Text::new(),
            publisher: None,
            contact_points: Vec::new(),
            accrual_periodicity: None,
            spatial: Vec::new(),
            temporal: Vec::new(),
            issued: None,
            modified: None,
            applicable_legislation: Vec::new(),
            extra: Extras::default(),
        })
    }
}
