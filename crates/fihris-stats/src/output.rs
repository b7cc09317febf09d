//! The statistics as values: serialisable with stable keys (documented in the workspace
//! README, section `fihris stats`).

use serde::Serialize;

/// How many datasets (or distributions) have one value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Tally {
    /// The value: a vocabulary code (`CSV`, `ANNUAL`, `agriculture`), a producer key, an IRI
    /// for a value outside the embedded vocabularies, or `unspecified`.
    pub key: String,
    /// How many.
    pub count: u64,
}

impl Tally {
    pub(crate) fn new(key: impl Into<String>, count: u64) -> Self {
        Self {
            key: key.into(),
            count,
        }
    }
}

/// A part of a whole: `count` out of `of`, and the share (`null` when `of` is 0).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Share {
    /// How many have the property.
    pub count: u64,
    /// Out of how many.
    pub of: u64,
    /// `count / of` rounded to 4 decimals, `None` when `of` is 0.
    pub share: Option<f64>,
}

impl Share {
    pub(crate) fn new(count: u64, of: u64) -> Self {
        Self {
            count,
            of,
            share: ratio(count, of),
        }
    }
}

/// `count / of` rounded to 4 decimals; `None` when `of` is 0.
#[expect(
    clippy::cast_precision_loss,
    reason = "counts stay far below 2^52 datasets"
)]
pub(crate) fn ratio(count: u64, of: u64) -> Option<f64> {
    (of > 0).then(|| round4(count as f64 / of as f64))
}

pub(crate) fn round4(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}

/// Freshness of the published datasets as of the date of the statistics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Freshness {
    /// Updated (`dct:modified`, else `dct:issued`) within the typical interval of the
    /// declared frequency.
    pub up_to_date: u64,
    /// Last update older than the typical interval of the declared frequency.
    pub overdue: u64,
    /// No frequency, or one without a typical interval (irregular, unknown, other).
    pub unknown_frequency: u64,
    /// A frequency with an interval, but neither `dct:modified` nor `dct:issued`.
    pub undated: u64,
}

/// Quality scores, when a rules engine supplied them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct QualityStats {
    /// Datasets with a score.
    pub scored: u64,
    /// Mean score on a 0–100 scale, rounded to 2 decimals (`None` when none was scored).
    pub mean: Option<f64>,
    /// Scored datasets per MQA band, best first: `excellent`, `good`, `sufficient`, `bad`.
    pub by_band: Vec<Tally>,
}

/// One finding, flattened for reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FindingSummary {
    /// Stable rule id (`licence.open`).
    pub rule_id: String,
    /// `error`, `warning` or `info`.
    pub severity: String,
    /// The dataset identifier, when the finding is about a dataset.
    pub dataset: Option<String>,
    /// The path to the offending element, as text.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

/// The findings a rules engine supplied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FindingStats {
    /// Every finding.
    pub total: u64,
    /// Per severity: `error`, `warning`, `info`, in that order.
    pub by_severity: Vec<Tally>,
    /// Per rule id, most frequent first.
    pub by_rule: Vec<Tally>,
    /// The worst findings (errors first, then by rule id, path and message), at most the
    /// limit the statistics were built with.
    pub worst: Vec<FindingSummary>,
}

/// Personal-data declarations of datasets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PersonalDataCounts {
    /// Declared without personal data.
    pub none: u64,
    /// Declared anonymised.
    pub anonymised: u64,
    /// Declared holding personal data.
    pub present: u64,
    /// No declaration.
    pub undeclared: u64,
}

/// The criteria of a producer's ranking score, each between 0 and 1 (`None`: not
/// measurable for this producer, left out of the score).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Criteria {
    /// Published / (published + planned).
    pub coverage: Option<f64>,
    /// Datasets with an open machine-readable format / datasets with a distribution.
    pub open_format: Option<f64>,
    /// Datasets with an open licence / datasets with a distribution.
    pub open_licence: Option<f64>,
    /// Up to date / (up to date + overdue).
    pub freshness: Option<f64>,
    /// Mean quality score / 100.
    pub quality: Option<f64>,
}

/// The scorecard of one producer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Scorecard {
    /// Rank by score (1 is best); ties share a rank.
    pub rank: u32,
    /// The producer key: its referential code, else its name, else its identifier.
    pub key: String,
    /// The referential code, when the producer is one of the portal's.
    pub code: Option<String>,
    /// French name (or the name as given).
    pub name: String,
    /// Arabic name, when known.
    pub name_ar: Option<String>,
    /// Datasets of the producer.
    pub datasets: u64,
    /// Published datasets.
    pub published: u64,
    /// Planned datasets.
    pub planned: u64,
    /// Restricted datasets.
    pub restricted: u64,
    /// Datasets with an open machine-readable format among those with a distribution.
    pub open_format: Share,
    /// Datasets with an open licence among those with a distribution.
    pub open_licence: Share,
    /// Mean quality score (0–100), when scores were supplied.
    pub mean_quality: Option<f64>,
    /// Published datasets up to date.
    pub up_to_date: u64,
    /// Published datasets overdue.
    pub overdue: u64,
    /// Latest `dct:issued` of its datasets, `YYYY-MM-DD` (first day the literal covers).
    pub last_publication: Option<String>,
    /// Personal-data declarations.
    pub personal_data: PersonalDataCounts,
    /// The criteria of the score.
    pub criteria: Criteria,
    /// Ranking score, 0–100, one decimal (see [`crate::RANKING_WEIGHTS`]).
    pub score: f64,
}

/// A count per month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    /// Datasets first issued that month.
    pub count: u64,
}

/// Statistics over a catalogue as of a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CatalogStats {
    /// The reference day, `YYYY-MM-DD`.
    pub as_of: String,
    /// Datasets.
    pub datasets: u64,
    /// Distributions.
    pub distributions: u64,
    /// Distinct producers (datasets without a publisher are not a producer).
    pub producers: u64,
    /// Datasets per portal theme, the 19 themes in referential order.
    pub by_portal_theme: Vec<Tally>,
    /// Datasets without any portal theme.
    pub without_portal_theme: u64,
    /// Datasets per EU data theme (declared, or implied by a portal theme), in table order.
    pub by_eu_theme: Vec<Tally>,
    /// Datasets per producer, most first.
    pub by_producer: Vec<Tally>,
    /// Distributions per format, most first.
    pub by_format: Vec<Tally>,
    /// Datasets per licence of their distributions, most first.
    pub by_licence: Vec<Tally>,
    /// Datasets per update frequency, most first.
    pub by_frequency: Vec<Tally>,
    /// Datasets per access right, most first.
    pub by_access_rights: Vec<Tally>,
    /// Datasets per publication status: `published`, `planned`, `restricted`, `unspecified`.
    pub by_publication_status: Vec<Tally>,
    /// Published / (published + planned): the share of the publishable inventory on the
    /// portal.
    pub coverage_rate: Option<f64>,
    /// Datasets per kind of data, in code-list order, then `unspecified`.
    pub by_kind_of_data: Vec<Tally>,
    /// Datasets per 5-star level, `0` to `5`.
    pub by_stars: Vec<Tally>,
    /// Personal-data declarations.
    pub personal_data: PersonalDataCounts,
    /// Datasets with at least one distribution in an open, machine-readable format, among
    /// datasets with a distribution.
    pub open_format: Share,
    /// Datasets with at least one distribution under an open licence, among datasets with
    /// a distribution.
    pub open_licence: Share,
    /// Quality scores, when supplied.
    pub quality: Option<QualityStats>,
    /// Freshness of the published datasets.
    pub freshness: Freshness,
    /// Datasets per month of first issue, oldest first.
    pub publications_per_month: Vec<MonthCount>,
    /// Portal themes without any dataset (slugs, referential order).
    pub themes_without_datasets: Vec<String>,
    /// Findings, when supplied.
    pub findings: Option<FindingStats>,
    /// One scorecard per producer, best rank first.
    pub scorecards: Vec<Scorecard>,
}
