//! The data.europa.eu Metadata Quality Assessment (MQA) score.
//!
//! Indicators and weights are those of the MQA methodology of data.europa.eu as implemented
//! by `YourOpenDAta/mqa-scoring` (`mqa-scoring.py`, `mqaMetrics.py`) with the
//! data.europa.eu vocabularies it ships (`edp-vocabularies/`): findability 100,
//! accessibility 100, interoperability 110, reusability 75, contextuality 20, 405 points.

use std::fmt;

use fihris_model::{Catalog, Concept, Dataset, Iri, LicenseDocument};
use fihris_vocab::{AccessRight, FileType, Vocabulary};

/// What a [`UrlChecker`] found at a URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UrlStatus {
    /// An HTTP status in 200..=399 (the MQA's test).
    Reachable,
    /// Another status, or no answer.
    Unreachable,
    /// The checker did not look.
    NotChecked,
}

/// Checks whether URLs answer. The rules crate does no network I/O: the caller supplies a
/// checker (`fihris-harvest` has an HTTP one); [`OfflineChecker`] checks nothing.
pub trait UrlChecker {
    /// The status of `url`.
    fn check(&self, url: &Iri) -> UrlStatus;
}

/// The default checker: no network I/O, every URL [`UrlStatus::NotChecked`], so the URL
/// indicators are reported as not measured.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OfflineChecker;

impl UrlChecker for OfflineChecker {
    fn check(&self, _url: &Iri) -> UrlStatus {
        UrlStatus::NotChecked
    }
}

/// The five MQA dimensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Dimension {
    /// Keywords, themes, spatial and temporal coverage (100 points).
    Findability,
    /// Access and download URLs (100 points).
    Accessibility,
    /// Formats, media types, DCAT-AP compliance (110 points).
    Interoperability,
    /// Licence, access rights, contact point, publisher (75 points).
    Reusability,
    /// Rights, byte size, dates (20 points).
    Contextuality,
}

impl Dimension {
    /// Every dimension, in the methodology's order.
    pub const ALL: &'static [Self] = &[
        Self::Findability,
        Self::Accessibility,
        Self::Interoperability,
        Self::Reusability,
        Self::Contextuality,
    ];

    /// `findability`, `accessibility`, …
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Findability => "findability",
            Self::Accessibility => "accessibility",
            Self::Interoperability => "interoperability",
            Self::Reusability => "reusability",
            Self::Contextuality => "contextuality",
        }
    }

    /// The dimension's points: the sum of its indicators' weights.
    #[must_use]
    pub fn weight(self) -> u32 {
        Indicator::ALL
            .iter()
            .filter(|indicator| indicator.dimension() == self)
            .map(|indicator| indicator.weight())
            .sum()
    }
}

/// Defines [`Indicator`] with its id, dimension, weight and description from one table.
macro_rules! indicators {
    ($($variant:ident = $id:literal, $dimension:ident, $weight:literal, $description:literal;)+) => {
        /// An MQA indicator.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Indicator {
            $(#[doc = $description] $variant,)+
        }

        impl Indicator {
            /// Every indicator, in the methodology's order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// Stable id (`keyword_usage`, `access_url_accessibility`…).
            #[must_use]
            pub const fn id(self) -> &'static str {
                match self { $(Self::$variant => $id,)+ }
            }

            /// The dimension the indicator counts in.
            #[must_use]
            pub const fn dimension(self) -> Dimension {
                match self { $(Self::$variant => Dimension::$dimension,)+ }
            }

            /// The points the indicator is worth.
            #[must_use]
            pub const fn weight(self) -> u32 {
                match self { $(Self::$variant => $weight,)+ }
            }

            /// What earns the points.
            #[must_use]
            pub const fn description(self) -> &'static str {
                match self { $(Self::$variant => $description,)+ }
            }

            /// Whether the indicator needs a [`UrlChecker`].
            #[must_use]
            pub const fn needs_network(self) -> bool {
                matches!(self, Self::AccessUrlAccessibility | Self::DownloadUrlAccessibility)
            }
        }
    };
}

indicators! {
    KeywordUsage = "keyword_usage", Findability, 30, "The dataset has at least one dcat:keyword.";
    Categories = "categories", Findability, 30, "The dataset has at least one dcat:theme.";
    GeoSearch = "geo_search", Findability, 20, "The dataset has a dct:spatial coverage.";
    TimeBasedSearch = "time_based_search", Findability, 20, "The dataset has a dct:temporal coverage.";
    AccessUrlAccessibility = "access_url_accessibility", Accessibility, 50, "Every dcat:accessURL answers with an HTTP status in 200..=399.";
    DownloadUrl = "download_url", Accessibility, 20, "At least one distribution has a dcat:downloadURL.";
    DownloadUrlAccessibility = "download_url_accessibility", Accessibility, 30, "Every dcat:downloadURL answers with an HTTP status in 200..=399.";
    Format = "format", Interoperability, 20, "At least one distribution has a dct:format.";
    MediaType = "media_type", Interoperability, 10, "At least one distribution has a dcat:mediaType.";
    FormatMediaTypeVocabulary = "format_media_type_vocabulary", Interoperability, 10, "Formats are EU file types and media types IANA media types (both stated).";
    NonProprietary = "non_proprietary", Interoperability, 20, "Every stated format is in data.europa.eu's non-proprietary list.";
    MachineReadable = "machine_readable", Interoperability, 20, "Every stated format is in data.europa.eu's machine-readable list.";
    DcatApCompliance = "dcat_ap_compliance", Interoperability, 30, "The dataset and its distributions pass the DCAT-AP 3.0.1 shapes (no error-level violation).";
    LicenceInformation = "licence_information", Reusability, 20, "At least one distribution has a dct:license.";
    KnownLicence = "known_licence", Reusability, 10, "Every stated licence is a known one (EU licence table, data.europa.eu list, or one fihris knows).";
    AccessRestrictions = "access_restrictions", Reusability, 10, "The dataset has dct:accessRights.";
    AccessRestrictionsVocabulary = "access_restrictions_vocabulary", Reusability, 5, "The access rights are a term of the EU access-right table.";
    ContactPoint = "contact_point", Reusability, 20, "The dataset has a dcat:contactPoint.";
    Publisher = "publisher", Reusability, 10, "The dataset has a dct:publisher.";
    Rights = "rights", Contextuality, 5, "At least one distribution has dct:rights.";
    FileSize = "file_size", Contextuality, 5, "At least one distribution has dcat:byteSize.";
    DateOfIssue = "date_of_issue", Contextuality, 5, "At least one distribution has dct:issued.";
    ModificationDate = "modification_date", Contextuality, 5, "At least one distribution has dct:modified.";
}

/// The MQA rating bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Rating {
    /// Below 121 points.
    Bad,
    /// 121 to 220 points.
    Sufficient,
    /// 221 to 350 points.
    Good,
    /// 351 points or more.
    Excellent,
}

impl Rating {
    /// The band of a score out of 405.
    ///
    /// ```
    /// use fihris_rules::Rating;
    /// assert_eq!(Rating::from_points(351.0), Rating::Excellent);
    /// assert_eq!(Rating::from_points(350.9), Rating::Good);
    /// assert_eq!(Rating::from_points(121.0), Rating::Sufficient);
    /// assert_eq!(Rating::from_points(120.0), Rating::Bad);
    /// ```
    #[must_use]
    pub fn from_points(points: f64) -> Self {
        if points >= 351.0 {
            Self::Excellent
        } else if points >= 221.0 {
            Self::Good
        } else if points >= 121.0 {
            Self::Sufficient
        } else {
            Self::Bad
        }
    }

    /// `excellent`, `good`, `sufficient` or `bad`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Excellent => "excellent",
            Self::Good => "good",
            Self::Sufficient => "sufficient",
            Self::Bad => "bad",
        }
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One indicator of a dataset's score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct IndicatorScore {
    /// Which indicator.
    pub indicator: Indicator,
    /// Points earned: 0 or the indicator's weight.
    pub earned: u32,
    /// `false` when the indicator could not be measured (URL indicators without a network
    /// checker): it then earns 0 and still counts in the 405-point maximum.
    pub measured: bool,
}

impl IndicatorScore {
    /// The indicator's weight.
    #[must_use]
    pub fn max(&self) -> u32 {
        self.indicator.weight()
    }
}

/// The MQA score of one dataset, indicator by indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QualityScore {
    indicators: [IndicatorScore; Indicator::ALL.len()],
}

/// The maximum score: 405 points.
pub const MQA_MAX: u32 = 405;

impl QualityScore {
    /// Every indicator, in [`Indicator::ALL`] order.
    #[must_use]
    pub fn indicators(&self) -> &[IndicatorScore] {
        &self.indicators
    }

    /// Points earned, out of [`MQA_MAX`].
    #[must_use]
    pub fn total(&self) -> u32 {
        self.indicators.iter().map(|score| score.earned).sum()
    }

    /// Points earned in one dimension.
    #[must_use]
    pub fn dimension_total(&self, dimension: Dimension) -> u32 {
        self.indicators
            .iter()
            .filter(|score| score.indicator.dimension() == dimension)
            .map(|score| score.earned)
            .sum()
    }

    /// The maximum over measured indicators only (405 minus the weights of the indicators
    /// that could not be measured: 325 without a network checker when distributions have
    /// download URLs).
    #[must_use]
    pub fn measured_max(&self) -> u32 {
        self.indicators
            .iter()
            .filter(|score| score.measured)
            .map(IndicatorScore::max)
            .sum()
    }

    /// The band of [`QualityScore::total`].
    #[must_use]
    pub fn rating(&self) -> Rating {
        Rating::from_points(f64::from(self.total()))
    }

    /// The points of one indicator.
    #[must_use]
    pub fn get(&self, indicator: Indicator) -> Option<&IndicatorScore> {
        self.indicators
            .iter()
            .find(|score| score.indicator == indicator)
    }
}

/// The MQA score of a catalogue: the mean of its datasets' scores, indicator by indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogQuality {
    datasets: Vec<QualityScore>,
    means: Vec<(Indicator, f64)>,
}

impl CatalogQuality {
    /// Each dataset's score, in catalogue order.
    #[must_use]
    pub fn datasets(&self) -> &[QualityScore] {
        &self.datasets
    }

    /// Mean points per indicator, in [`Indicator::ALL`] order (0 for an empty catalogue).
    #[must_use]
    pub fn indicator_means(&self) -> &[(Indicator, f64)] {
        &self.means
    }

    /// Mean total, out of [`MQA_MAX`].
    #[must_use]
    pub fn total(&self) -> f64 {
        self.means.iter().map(|(_, mean)| mean).sum()
    }

    /// The band of the mean total.
    #[must_use]
    pub fn rating(&self) -> Rating {
        Rating::from_points(self.total())
    }
}

/// data.europa.eu's machine-readable file types (`edp-machine-readable-format.rdf`).
const EDP_MACHINE_READABLE: &[&str] = &[
    "CSV",
    "GEOJSON",
    "ICS",
    "JSON",
    "JSON_LD",
    "KML",
    "KMZ",
    "NETCDF",
    "ODS",
    "RDFA",
    "RDF_N_QUADS",
    "RDF_N_TRIPLES",
    "RDF_TRIG",
    "RDF_TURTLE",
    "RDF_XML",
    "RSS",
    "SHP",
    "XLS",
    "XLSX",
    "XML",
];

/// data.europa.eu's non-proprietary file types (`edp-non-proprietary-format.rdf`).
const EDP_NON_PROPRIETARY: &[&str] = &[
    "BMP",
    "CSV",
    "DBF",
    "GEOJSON",
    "GZIP",
    "HTML",
    "ICS",
    "JPEG2000",
    "JSON",
    "JSON_LD",
    "KML",
    "KMZ",
    "NETCDF",
    "ODS",
    "PNG",
    "RDF_N_QUADS",
    "RDF_N_TRIPLES",
    "RDF_TRIG",
    "RDF_TURTLE",
    "RDF_XML",
    "RSS",
    "RTF",
    "TAR",
    "TIFF",
    "TSV",
    "TXT",
    "WMS_SRVC",
    "XML",
    "ZIP",
];

const FILE_TYPE_BASE: &str = "http://publications.europa.eu/resource/authority/file-type/";
const LICENCE_BASE: &str = "http://publications.europa.eu/resource/authority/licence/";
const IANA_HTTP: &str = "http://www.iana.org/assignments/media-types/";
const IANA_HTTPS: &str = "https://www.iana.org/assignments/media-types/";
/// Namespaces of data.europa.eu's extra known licences (`edp-licences-skos.rdf`).
const EDP_LICENCE_BASES: &[&str] = &[
    "http://europeandataportal.eu/ontologies/od-licenses#",
    "http://dcat-ap.de/def/licenses/",
];

/// The EU file-type code of a format IRI.
fn file_type_code(format: &Concept<FileType>) -> Option<&str> {
    format.iri().strip_prefix(FILE_TYPE_BASE)
}

pub(crate) fn is_iana_media_type(iri: &str) -> bool {
    iri.starts_with(IANA_HTTP) || iri.starts_with(IANA_HTTPS)
}

/// Whether the MQA counts a licence as known: a licence fihris knows, an EU licence-table
/// IRI or one of data.europa.eu's own list.
pub(crate) fn is_known_licence(licence: &LicenseDocument) -> bool {
    licence.known().is_some()
        || licence.id.as_iri().is_some_and(|iri| {
            let iri = iri.as_str();
            iri.starts_with(LICENCE_BASE)
                || EDP_LICENCE_BASES.iter().any(|base| iri.starts_with(base))
        })
}

/// Every URL passes the checker: `None` when one was not checked, `Some(false)` when there
/// are none or one fails.
fn all_reachable<'a>(
    urls: impl Iterator<Item = &'a Iri>,
    checker: &dyn UrlChecker,
) -> Option<bool> {
    let mut any = false;
    let mut all = true;
    for url in urls {
        any = true;
        match checker.check(url) {
            UrlStatus::Reachable => {}
            UrlStatus::Unreachable => all = false,
            UrlStatus::NotChecked => return None,
        }
    }
    Some(any && all)
}

/// The MQA score of a dataset.
///
/// Distribution indicators follow the reference implementation: an availability indicator
/// is earned when at least one distribution has the property; a list indicator
/// (non-proprietary, machine-readable, known licence, vocabulary) when at least one value
/// is stated and every stated value is in the list; a URL indicator when every URL answers.
///
/// ```
/// use fihris_model::{Dataset, Distribution, Iri, Keyword, NodeId, Text};
/// use fihris_rules::{Indicator, OfflineChecker, Rating, mqa_dataset};
///
/// let url = Iri::new("https://data.gov.ma/d/1.csv")?;
/// let mut dataset = Dataset::new(
///     NodeId::Iri(Iri::new("https://data.gov.ma/d/1")?),
///     Text::untagged("Population"),
/// )?;
/// dataset.keywords.push(Keyword::new("fr", "population")?);
/// dataset.distributions.push(Distribution::new(NodeId::Iri(url.clone()), url));
/// let score = mqa_dataset(&dataset, &OfflineChecker);
/// assert_eq!(score.get(Indicator::KeywordUsage).map(|s| s.earned), Some(30));
/// assert_eq!(score.rating(), Rating::Bad);
/// // Without a network checker the access URL (50 points) is not measured; with no
/// // download URL at all, the download-URL indicators earn nothing either way.
/// assert_eq!(score.measured_max(), 355);
/// # Ok::<(), fihris_model::ModelError>(())
/// ```
#[must_use]
pub fn mqa_dataset(dataset: &Dataset, checker: &dyn UrlChecker) -> QualityScore {
    let compliant = crate::dcatap::dataset_is_compliant(dataset);
    score(dataset, checker, compliant)
}

/// The MQA score of every dataset of a catalogue and their mean.
#[must_use]
pub fn mqa_catalog(catalog: &Catalog, checker: &dyn UrlChecker) -> CatalogQuality {
    let datasets: Vec<QualityScore> = catalog
        .datasets
        .iter()
        .map(|dataset| mqa_dataset(dataset, checker))
        .collect();
    catalog_quality(datasets)
}

pub(crate) fn catalog_quality(datasets: Vec<QualityScore>) -> CatalogQuality {
    #[expect(
        clippy::cast_precision_loss,
        reason = "a catalogue has far fewer than 2^52 datasets"
    )]
    let count = datasets.len() as f64;
    let means = Indicator::ALL
        .iter()
        .enumerate()
        .map(|(index, indicator)| {
            let sum: f64 = datasets
                .iter()
                .map(|score| f64::from(score.indicators[index].earned))
                .sum();
            (*indicator, if count > 0.0 { sum / count } else { 0.0 })
        })
        .collect();
    CatalogQuality { datasets, means }
}

pub(crate) fn score(
    dataset: &Dataset,
    checker: &dyn UrlChecker,
    dcat_ap_compliant: bool,
) -> QualityScore {
    let distributions = &dataset.distributions;
    let any = |test: &dyn Fn(&fihris_model::Distribution) -> bool| distributions.iter().any(test);
    let formats = || {
        distributions
            .iter()
            .filter_map(|distribution| distribution.format.as_ref())
    };
    let has_formats = formats().next().is_some();
    let in_list = |list: &[&str]| {
        has_formats
            && formats()
                .all(|format| file_type_code(format).is_some_and(|code| list.contains(&code)))
    };
    let media_types = || {
        distributions
            .iter()
            .filter_map(|distribution| distribution.media_type.as_ref())
    };
    let has_media_types = media_types().next().is_some();
    let licences = || {
        distributions
            .iter()
            .filter_map(|distribution| distribution.licence.as_ref())
    };
    let has_licences = licences().next().is_some();
    let access = all_reachable(
        distributions.iter().flat_map(|d| d.access_urls.iter()),
        checker,
    );
    let download = all_reachable(
        distributions.iter().flat_map(|d| d.download_urls.iter()),
        checker,
    );
    let indicators = std::array::from_fn(|index| {
        let indicator = Indicator::ALL[index];
        let passed: Option<bool> = match indicator {
            Indicator::KeywordUsage => Some(!dataset.keywords.is_empty()),
            Indicator::Categories => {
                Some(!dataset.themes.is_empty() || !dataset.portal_themes.is_empty())
            }
            Indicator::GeoSearch => Some(!dataset.spatial.is_empty()),
            Indicator::TimeBasedSearch => Some(!dataset.temporal.is_empty()),
            Indicator::AccessUrlAccessibility => access,
            Indicator::DownloadUrl => Some(any(&|d| !d.download_urls.is_empty())),
            Indicator::DownloadUrlAccessibility => download,
            Indicator::Format => Some(has_formats),
            Indicator::MediaType => Some(has_media_types),
            Indicator::FormatMediaTypeVocabulary => Some(
                has_formats
                    && has_media_types
                    && formats().all(|format| file_type_code(format).is_some())
                    && media_types().all(|iri| is_iana_media_type(iri.as_str())),
            ),
            Indicator::NonProprietary => Some(in_list(EDP_NON_PROPRIETARY)),
            Indicator::MachineReadable => Some(in_list(EDP_MACHINE_READABLE)),
            Indicator::DcatApCompliance => Some(dcat_ap_compliant),
            Indicator::LicenceInformation => Some(has_licences),
            Indicator::KnownLicence => Some(has_licences && licences().all(is_known_licence)),
            Indicator::AccessRestrictions => Some(dataset.access_rights.is_some()),
            Indicator::AccessRestrictionsVocabulary => Some(
                dataset
                    .access_rights
                    .as_ref()
                    .is_some_and(|rights| rights.iri().starts_with(AccessRight::SCHEME)),
            ),
            Indicator::ContactPoint => Some(!dataset.contact_points.is_empty()),
            Indicator::Publisher => Some(dataset.publisher.is_some()),
            Indicator::Rights => Some(any(&|d| d.rights.is_some())),
            Indicator::FileSize => Some(any(&|d| d.byte_size.is_some())),
            Indicator::DateOfIssue => Some(any(&|d| d.issued.is_some())),
            Indicator::ModificationDate => Some(any(&|d| d.modified.is_some())),
        };
        IndicatorScore {
            indicator,
            earned: if passed == Some(true) {
                indicator.weight()
            } else {
                0
            },
            measured: passed.is_some(),
        }
    });
    QualityScore { indicators }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_add_up() {
        let dims: Vec<u32> = Dimension::ALL.iter().map(|d| d.weight()).collect();
        assert_eq!(dims, [100, 100, 110, 75, 20]);
        assert_eq!(dims.iter().sum::<u32>(), MQA_MAX);
        let network: u32 = Indicator::ALL
            .iter()
            .filter(|i| i.needs_network())
            .map(|i| i.weight())
            .sum();
        assert_eq!(network, 80);
    }

    #[test]
    fn edp_lists_name_eu_file_types_fihris_mostly_knows() {
        for code in EDP_MACHINE_READABLE {
            assert!(
                EDP_NON_PROPRIETARY.contains(code) || ["SHP", "XLS", "XLSX", "RDFA"].contains(code),
                "{code}"
            );
        }
        assert_eq!(EDP_MACHINE_READABLE.len(), 20);
        assert_eq!(EDP_NON_PROPRIETARY.len(), 29);
    }
}
