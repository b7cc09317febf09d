//! Freshness: is a dataset updated as often as its frequency promises?

use std::fmt::Write as _;

use fihris_model::{Dataset, Temporal};
use fihris_vocab::Vocabulary;

use crate::rules::Rule;
use crate::sink::{DatasetPaths, Sink};

/// Why a dataset's freshness cannot be judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FreshnessUnknown {
    /// No `dct:accrualPeriodicity`.
    NoFrequency,
    /// A frequency without a regular interval (`IRREG`, `UNKNOWN`, `NEVER`, `OTHER`, or a
    /// concept outside the EU table).
    IrregularFrequency,
    /// Neither the dataset nor a distribution has `dct:modified` or `dct:issued`.
    NoUpdateDate,
}

impl FreshnessUnknown {
    /// What is missing, for people.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::NoFrequency => "no update frequency",
            Self::IrregularFrequency => "the frequency has no regular interval",
            Self::NoUpdateDate => "no modification or issue date",
        }
    }
}

/// A dataset's freshness as of a date.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Freshness {
    /// Updated within its frequency's interval.
    UpToDate {
        /// The latest `dct:modified` (else `dct:issued`) of the dataset and its distributions.
        last_update: Temporal,
        /// Days from the last update to the reference date (the last day the update's
        /// literal covers: `2024` counts from 2024-12-31).
        days_since_update: i64,
        /// The frequency's interval ([`fihris_vocab::Frequency::typical_days`]).
        interval_days: u32,
    },
    /// Not updated within its frequency's interval.
    Overdue {
        /// The latest `dct:modified` (else `dct:issued`).
        last_update: Temporal,
        /// Days from the last update to the reference date.
        days_since_update: i64,
        /// The frequency's interval.
        interval_days: u32,
        /// `days_since_update - interval_days`: how late.
        days_overdue: i64,
    },
    /// Cannot be judged.
    Unknown(FreshnessUnknown),
}

/// The latest update of a dataset: the latest `dct:modified` of the dataset and its
/// distributions, else the latest `dct:issued`.
#[must_use]
pub fn last_update(dataset: &Dataset) -> Option<&Temporal> {
    fn latest<'a>(dates: impl Iterator<Item = &'a Temporal>) -> Option<&'a Temporal> {
        dates
            .filter_map(|date| date.end_date().map(|end| (end, date)))
            .max_by_key(|(end, _)| *end)
            .map(|(_, date)| date)
    }
    let distributions = &dataset.distributions;
    latest(
        dataset
            .modified
            .iter()
            .chain(distributions.iter().filter_map(|d| d.modified.as_ref())),
    )
    .or_else(|| {
        latest(
            dataset
                .issued
                .iter()
                .chain(distributions.iter().filter_map(|d| d.issued.as_ref())),
        )
    })
}

/// The freshness of `dataset` as of `as_of` (a date; a year or month counts from its first
/// day).
///
/// ```
/// use fihris_model::{Dataset, Iri, NodeId, Temporal, Text};
/// use fihris_rules::{Freshness, freshness};
/// use fihris_vocab::Frequency;
///
/// let mut dataset = Dataset::new(
///     NodeId::Iri(Iri::new("https://data.gov.ma/d/ipc")?),
///     Text::untagged("Indice des prix (Mensuel)"),
/// )?;
/// dataset.accrual_periodicity = Some(Frequency::Monthly.into());
/// dataset.modified = Some(Temporal::parse("2026-09-30")?);
/// match freshness(&dataset, &Temporal::parse("2026-11-30")?) {
///     Freshness::Overdue { days_overdue, .. } => assert_eq!(days_overdue, 30),
///     other => panic!("{other:?}"),
/// }
/// # Ok::<(), fihris_model::ModelError>(())
/// ```
#[must_use]
pub fn freshness(dataset: &Dataset, as_of: &Temporal) -> Freshness {
    match judge(dataset, as_of) {
        Judged::UpToDate {
            last_update,
            days_since_update,
            interval_days,
        } => Freshness::UpToDate {
            last_update: last_update.clone(),
            days_since_update,
            interval_days,
        },
        Judged::Overdue {
            last_update,
            days_since_update,
            interval_days,
            days_overdue,
        } => Freshness::Overdue {
            last_update: last_update.clone(),
            days_since_update,
            interval_days,
            days_overdue,
        },
        Judged::Unknown(reason) => Freshness::Unknown(reason),
    }
}

/// [`Freshness`], borrowing the date of the last update.
enum Judged<'a> {
    UpToDate {
        last_update: &'a Temporal,
        days_since_update: i64,
        interval_days: u32,
    },
    Overdue {
        last_update: &'a Temporal,
        days_since_update: i64,
        interval_days: u32,
        days_overdue: i64,
    },
    Unknown(FreshnessUnknown),
}

fn judge<'a>(dataset: &'a Dataset, as_of: &Temporal) -> Judged<'a> {
    let Some(periodicity) = &dataset.accrual_periodicity else {
        return Judged::Unknown(FreshnessUnknown::NoFrequency);
    };
    let Some(interval_days) = periodicity.known().and_then(|f| f.typical_days()) else {
        return Judged::Unknown(FreshnessUnknown::IrregularFrequency);
    };
    let Some(last) = last_update(dataset) else {
        return Judged::Unknown(FreshnessUnknown::NoUpdateDate);
    };
    let (Some(last_day), Some(reference)) = (last.end_date(), as_of.start_date()) else {
        return Judged::Unknown(FreshnessUnknown::NoUpdateDate);
    };
    let days_since_update = reference.signed_duration_since(last_day).num_days();
    let days_overdue = days_since_update - i64::from(interval_days);
    if days_overdue > 0 {
        Judged::Overdue {
            last_update: last,
            days_since_update,
            interval_days,
            days_overdue,
        }
    } else {
        Judged::UpToDate {
            last_update: last,
            days_since_update,
            interval_days,
        }
    }
}

pub(crate) fn check_freshness(dataset: &Dataset, paths: &DatasetPaths, sink: &mut Sink<'_>) {
    let Some(as_of) = sink.rules().as_of() else {
        return;
    };
    match judge(dataset, as_of) {
        Judged::UpToDate { .. } => {}
        Judged::Overdue {
            last_update,
            days_since_update,
            interval_days,
            days_overdue,
        } => {
            let frequency = dataset
                .accrual_periodicity
                .as_ref()
                .map_or("", |concept| concept.known().map_or("", |f| f.code()));
            sink.emit_with(
                Rule::FreshnessOverdue,
                |batch| paths.dataset_field(batch, "dct:modified"),
                |message| {
                    let _ = write!(
                        message,
                        "{days_overdue} days overdue: last updated {last_update} \
                         ({days_since_update} days ago), {frequency} means every {interval_days} days"
                    );
                },
                Some("publish the latest data, or correct dct:accrualPeriodicity"),
            );
        }
        Judged::Unknown(FreshnessUnknown::IrregularFrequency) => {}
        Judged::Unknown(reason) => sink.emit_with(
            Rule::FreshnessUnknown,
            |batch| paths.dataset(batch),
            |message| {
                message.push_str("freshness unknown: ");
                message.push_str(reason.as_str());
            },
            Some("set dct:accrualPeriodicity and dct:modified"),
        ),
    }
}
