use fihris_vocab::{AccessRight, EuTheme, FileType, Language};

use crate::agent::{Agent, ContactPoint};
use crate::concept::Concept;
use crate::error::{ModelError, ModelErrorKind};
use crate::iri::{Iri, NodeId};
use crate::support::{Keyword, LabelledResource, LicenseDocument, Location, PeriodOfTime};
use crate::temporal::Temporal;
use crate::term::Extras;
use crate::text::Text;

/// An API or other service giving access to data (`dcat:DataService`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DataService {
    /// IRI or blank node.
    pub id: NodeId,
    /// `dct:title` (mandatory).
    pub title: Text,
    /// `dcat:endpointURL` (mandatory, at least one).
    pub endpoint_urls: Vec<Iri>,
    /// `dcat:endpointDescription`.
    pub endpoint_descriptions: Vec<Iri>,
    /// `dct:description`.
    pub description: Text,
    /// `dcat:servesDataset`.
    pub serves_datasets: Vec<NodeId>,
    /// `dct:accessRights`.
    pub access_rights: Option<Concept<AccessRight>>,
    /// `dct:license`.
    pub licence: Option<LicenseDocument>,
    /// `dcat:contactPoint`.
    pub contact_points: Vec<ContactPoint>,
    /// `dcat:keyword`.
    pub keywords: Vec<Keyword>,
    /// `dcat:theme`.
    pub themes: Vec<Concept<EuTheme>>,
    /// `dct:publisher`.
    pub publisher: Option<Agent>,
    /// `dct:creator`.
    pub creators: Vec<Agent>,
    /// `dct:conformsTo`.
    pub conforms_to: Vec<LabelledResource>,
    /// `dct:format`.
    pub formats: Vec<Concept<FileType>>,
    /// `dcat:landingPage`.
    pub landing_pages: Vec<Iri>,
    /// `foaf:page`.
    pub documentation: Vec<Iri>,
    /// `dct:spatial`.
    pub spatial: Vec<Location>,
    /// `dct:temporal`.
    pub temporal: Vec<PeriodOfTime>,
    /// `dct:language`.
    pub languages: Vec<Concept<Language>>,
    /// `dct:identifier`.
    pub identifiers: Vec<String>,
    /// `dct:modified`.
    pub modified: Option<Temporal>,
    /// `dcatap:applicableLegislation`.
    pub applicable_legislation: Vec<Iri>,
    /// `dcatap:hvdCategory`.
    pub hvd_categories: Vec<Iri>,
    /// Unmapped statements and fields.
    pub extra: Extras,
}

impl DataService {
    /// A service with its mandatory title and endpoint.
    ///
    /// # Errors
    ///
    /// [`ModelErrorKind::EmptyText`] when the title has no content.
    pub fn new(id: NodeId, title: Text, endpoint_url: Iri) -> Result<Self, ModelError> {
        title.require_content("dct:title")?;
        Ok(Self {
            id,
            title,
            endpoint_urls: vec![endpoint_url],
            endpoint_descriptions: Vec::new(),
            description: Text::new(),
            serves_datasets: Vec::new(),
            access_rights: None,
            licence: None,
            contact_points: Vec::new(),
            keywords: Vec::new(),
            themes: Vec::new(),
            publisher: None,
            creators: Vec::new(),
            conforms_to: Vec::new(),
            formats: Vec::new(),
            landing_pages: Vec::new(),
            documentation: Vec::new(),
            spatial: Vec::new(),
            temporal: Vec::new(),
            languages: Vec::new(),
            identifiers: Vec::new(),
            modified: None,
            applicable_legislation: Vec::new(),
            hvd_categories: Vec::new(),
            extra: Extras::default(),
        })
    }

    /// Checks the title and the endpoint URL, which public fields may have emptied.
    ///
    /// # Errors
    ///
    /// The first problem found.
    pub fn validate(&self) -> Result<(), ModelError> {
        self.title.require_content("dct:title")?;
        if self.endpoint_urls.is_empty() {
            return Err(ModelError::new(
                ModelErrorKind::Missing,
                "dcat:endpointURL",
                format!("data service {} has no endpoint URL", self.id),
            ));
        }
        Ok(())
    }
}
