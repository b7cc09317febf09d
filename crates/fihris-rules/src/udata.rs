//! The data.gouv.fr quality score (udata): nine criteria, a score in 0..=1.
//!
//! Criteria and arithmetic follow udata's `Dataset.compute_quality` and
//! `Dataset.compute_quality_score` (`udata/core/dataset/models.py` of opendatateam/udata):
//! one unit per criterion met, divided by 9.

use fihris_model::{Catalog, Dataset, Temporal};
use fihris_vocab::{FileType, Frequency};

use crate::freshness::{Freshness, freshness, last_update};
use crate::mqa::{UrlChecker, UrlStatus};

/// udata's `QUALITY_DESCRIPTION_LENGTH`: a description must be longer than this (in
/// characters).
pub const UDATA_DESCRIPTION_LENGTH: usize = 100;

/// The nine data.gouv.fr criteria of one dataset. `None` is a criterion udata leaves out of
/// the score (no distribution, no regular frequency, URLs not checked): it earns nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct UdataQuality {
    /// A licence is given (on a distribution or the catalogue).
    pub license: bool,
    /// A temporal coverage is given.
    pub temporal_coverage: bool,
    /// A spatial coverage or a disaggregation level is given.
    pub spatial: bool,
    /// A frequency other than `UNKNOWN` is given.
    pub update_frequency: bool,
    /// The last update is within the frequency's interval plus one day, as of the reference
    /// date; always met for continuous and irregular frequencies.
    pub update_fulfilled_in_time: Option<bool>,
    /// The description is longer than [`UDATA_DESCRIPTION_LENGTH`] characters.
    pub dataset_description_quality: bool,
    /// At least one distribution has a non-proprietary format.
    pub has_open_format: Option<bool>,
    /// Every access URL answers.
    pub all_resources_available: Option<bool>,
    /// At least one distribution has a description or documentation.
    pub resources_documentation: Option<bool>,
}

impl UdataQuality {
    /// The score: criteria met, divided by 9.
    #[must_use]
    pub fn score(&self) -> f64 {
        let met = [
            self.license,
            self.temporal_coverage,
            self.spatial,
            self.update_frequency,
            self.update_fulfilled_in_time == Some(true),
            self.dataset_description_quality,
            self.has_open_format == Some(true),
            self.all_resources_available == Some(true),
            self.resources_documentation == Some(true),
        ]
        .into_iter()
        .filter(|met| *met)
        .count();
        #[expect(clippy::cast_precision_loss, reason = "at most 9")]
        let met = met as f64;
        met / 9.0
    }

    /// Each criterion by udata's key, in udata's order.
    #[must_use]
    pub fn criteria(&self) -> [(&'static str, Option<bool>); 9] {
        [
            ("license", Some(self.license)),
            ("temporal_coverage", Some(self.temporal_coverage)),
            ("spatial", Some(self.spatial)),
            ("update_frequency", Some(self.update_frequency)),
            ("update_fulfilled_in_time", self.update_fulfilled_in_time),
            (
                "dataset_description_quality",
                Some(self.dataset_description_quality),
            ),
            ("has_open_format", self.has_open_format),
            ("all_resources_available", self.all_resources_available),
            ("resources_documentation", self.resources_documentation),
        ]
    }
}

/// The data.gouv.fr criteria of a dataset of `catalog`, as of `as_of` (the reference date
/// of `update_fulfilled_in_time`; `None` leaves that criterion out).
///
/// ```
/// use fihris_model::{Catalog, Dataset, Iri, NodeId, Text};
/// use fihris_rules::{OfflineChecker, udata_quality};
/// use fihris_vocab::Frequency;
///
/// let catalog = Catalog::new(
///     NodeId::Iri(Iri::new("https://data.gov.ma/catalog")?),
///     Text::untagged("Portail"),
/// )?;
/// let mut dataset = Dataset::new(
///     NodeId::Iri(Iri::new("https://data.gov.ma/d/1")?),
///     Text::untagged("Population"),
/// )?;
/// dataset.accrual_periodicity = Some(Frequency::Irregular.into());
/// let quality = udata_quality(&dataset, &catalog, None, &OfflineChecker);
/// // A frequency is set, and an irregular one is always "in time".
/// assert!((quality.score() - 2.0 / 9.0).abs() < 1e-12);
/// # Ok::<(), fihris_model::ModelError>(())
/// ```
#[must_use]
pub fn udata_quality(
    dataset: &Dataset,
    catalog: &Catalog,
    as_of: Option<&Temporal>,
    checker: &dyn UrlChecker,
) -> UdataQuality {
    let frequency = dataset.frequency();
    let update_frequency =
        dataset.accrual_periodicity.is_some() && frequency != Some(Frequency::Unknown);
    let update_fulfilled_in_time = match frequency {
        Some(Frequency::Continuous | Frequency::ContinuouslyUpdated | Frequency::Irregular) => {
            Some(true)
        }
        _ if !update_frequency => None,
        _ => match (as_of, last_update(dataset)) {
            (Some(as_of), Some(_)) => match freshness(dataset, as_of) {
                Freshness::UpToDate { .. } => Some(true),
                // udata allows one day of delay.
                Freshness::Overdue { days_overdue, .. } => Some(days_overdue <= 1),
                Freshness::Unknown(_) => None,
            },
            _ => None,
        },
    };
    let description = dataset
        .description
        .best(&["fr", "ar", "en"])
        .unwrap_or_default();
    let distributions = &dataset.distributions;
    let has_resources = !distributions.is_empty();
    let all_resources_available = if has_resources {
        let mut all = Some(true);
        for url in distributions.iter().flat_map(|d| d.access_urls.iter()) {
            match checker.check(url) {
                UrlStatus::Reachable => {}
                UrlStatus::Unreachable => all = all.map(|_| false),
                UrlStatus::NotChecked => {
                    all = None;
                    break;
                }
            }
        }
        all
    } else {
        None
    };
    UdataQuality {
        license: distributions.iter().any(|d| d.licence.is_some()) || catalog.licence.is_some(),
        temporal_coverage: !dataset.temporal.is_empty(),
        spatial: !dataset.spatial.is_empty() || !dataset.inventory.disaggregation.is_empty(),
        update_frequency,
        update_fulfilled_in_time,
        dataset_description_quality: description.chars().count() > UDATA_DESCRIPTION_LENGTH,
        has_open_format: has_resources.then(|| {
            distributions
                .iter()
                .any(|d| d.file_type().is_some_and(FileType::is_non_proprietary))
        }),
        all_resources_available,
        resources_documentation: has_resources.then(|| {
            distributions
                .iter()
                .any(|d| d.description.has_content() || !d.documentation.is_empty())
        }),
    }
}
