use fihris_vocab::{DistributionStatus, FileType, Language, PlannedAvailability};

use crate::concept::Concept;
use crate::iri::{Iri, NodeId};
use crate::support::{Checksum, LabelledResource, LicenseDocument};
use crate::temporal::Temporal;
use crate::term::Extras;
use crate::text::Text;

/// One way to get a dataset (`dcat:Distribution`): a file, an API, a page.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Distribution {
    /// IRI or blank node.
    pub id: NodeId,
    /// `dcat:accessURL` (mandatory, at least one).
    pub access_urls: Vec<Iri>,
    /// `dcat:downloadURL`.
    pub download_urls: Vec<Iri>,
    /// `dct:title`.
    pub title: Text,
    /// `dct:description`.
    pub description: Text,
    /// `dct:format`, an EU file type.
    pub format: Option<Concept<FileType>>,
    /// `dcat:mediaType`, an IANA media type IRI.
    pub media_type: Option<Iri>,
    /// `dcat:compressFormat`.
    pub compress_format: Option<Iri>,
    /// `dcat:packageFormat`.
    pub package_format: Option<Iri>,
    /// `dct:license`.
    pub licence: Option<LicenseDocument>,
    /// `dct:rights`.
    pub rights: Option<LabelledResource>,
    /// `dcat:byteSize`.
    pub byte_size: Option<u64>,
    /// `spdx:checksum`.
    pub checksum: Option<Checksum>,
    /// `dct:issued`.
    pub issued: Option<Temporal>,
    /// `dct:modified`.
    pub modified: Option<Temporal>,
    /// `dct:language`.
    pub languages: Vec<Concept<Language>>,
    /// `adms:status`.
    pub status: Option<Concept<DistributionStatus>>,
    /// `dcatap:availability`.
    pub availability: Option<Concept<PlannedAvailability>>,
    /// `dcat:accessService`: data services of the catalogue.
    pub access_services: Vec<NodeId>,
    /// `dct:conformsTo`: schemas the data follows.
    pub conforms_to: Vec<LabelledResource>,
    /// `foaf:page`: documentation.
    pub documentation: Vec<Iri>,
    /// `dcat:spatialResolutionInMeters`, `xsd:decimal` lexical form.
    pub spatial_resolution_m: Option<String>,
    /// `dcat:temporalResolution`, `xsd:duration` lexical form.
    pub temporal_resolution: Option<String>,
    /// `dcatap:applicableLegislation`.
    pub applicable_legislation: Vec<Iri>,
    /// Unmapped statements and fields.
    pub extra: Extras,
}

impl Distribution {
    /// A distribution with its mandatory access URL.
    ///
    /// ```
    /// use fihris_model::{Distribution, Iri, NodeId};
    /// let url = Iri::new("https://data.gov.ma/data/dataset/x/resource/1.csv")?;
    /// let distribution = Distribution::new(NodeId::Iri(url.clone()), url);
    /// assert_eq!(distribution.access_urls.len(), 1);
    /// # Ok::<(), fihris_model::ModelError>(())
    /// ```
    #[must_use]
    pub fn new(id: NodeId, access_url: Iri) -> Self {
        Self {
            id,
            access_urls: vec![access_url],
            download_urls: Vec::new(),
            title: Text::new(),
            description: Text::new(),
            format: None,
            media_type: None,
            compress_format: None,
            package_format: None,
            licence: None,
            rights: None,
            byte_size: None,
            checksum: None,
            issued: None,
            modified: None,
            languages: Vec::new(),
            status: None,
            availability: None,
            access_services: Vec::new(),
            conforms_to: Vec::new(),
            documentation: Vec::new(),
            spatial_resolution_m: None,
            temporal_resolution: None,
            applicable_legislation: Vec::new(),
            extra: Extras::default(),
        }
    }

    /// The EU file type, when the format is one fihris knows.
    #[must_use]
    pub fn file_type(&self) -> Option<FileType> {
        self.format.as_ref().and_then(Concept::known)
    }
}
