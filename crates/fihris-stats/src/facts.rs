//! What the statistics need to know about one dataset, decided once.

use chrono::{Datelike, NaiveDate};
use fihris_model::inventory::PublicationStatus;
use fihris_model::{Concept, Dataset, Distribution, NodeId, TemporalKind};
use fihris_vocab::{FileType, Licence, Vocabulary};

/// The key of values that are not given.
pub(crate) const UNSPECIFIED: &str = "unspecified";

/// Where a dataset stands for freshness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FreshnessClass {
    UpToDate,
    Overdue,
    UnknownFrequency,
    Undated,
    /// Not published: freshness does not apply.
    NotApplicable,
}

/// The producer a dataset belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ProducerIdentity {
    pub(crate) key: String,
    pub(crate) code: Option<&'static str>,
    pub(crate) name: String,
    pub(crate) name_ar: Option<String>,
}

/// The effective publication status: the declared one; else `Published` when the dataset
/// has a distribution (it is on the portal); else none.
pub(crate) fn publication_status(dataset: &Dataset) -> Option<PublicationStatus> {
    dataset
        .inventory
        .publication_status
        .or_else(|| (!dataset.distributions.is_empty()).then_some(PublicationStatus::Published))
}

/// The producer key of a dataset, borrowed when it can be: the referential code, else the
/// publisher's name, else its identifier.
pub(crate) fn producer_key(dataset: &Dataset) -> Option<std::borrow::Cow<'_, str>> {
    let agent = dataset.publisher.as_ref()?;
    if let Some(producer) = agent.producer {
        return Some(producer.code.into());
    }
    match agent.name.best(&["fr", "en", "ar"]).map(str::trim) {
        Some(name) if !name.is_empty() => Some(name.into()),
        _ => agent.id.as_ref().map(|id| id.to_string().into()),
    }
}

pub(crate) fn producer(dataset: &Dataset) -> Option<ProducerIdentity> {
    let agent = dataset.publisher.as_ref()?;
    if let Some(producer) = agent.producer {
        return Some(ProducerIdentity {
            key: producer.code.to_owned(),
            code: Some(producer.code),
            name: producer.name_fr.to_owned(),
            name_ar: Some(producer.name_ar.to_owned()),
        });
    }
    let name = agent
        .name
        .best(&["fr", "en", "ar"])
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned);
    let key = match (&name, &agent.id) {
        (Some(name), _) => name.clone(),
        (None, Some(id)) => id.to_string(),
        (None, None) => return None,
    };
    Some(ProducerIdentity {
        name: name.unwrap_or_else(|| key.clone()),
        key,
        code: None,
        name_ar: agent.name.get("ar").map(str::to_owned),
    })
}

// Keys are borrowed, so that counting a dataset allocates nothing in the usual case.
fn concept_key<T: Vocabulary>(concept: Option<&Concept<T>>) -> &str {
    match concept {
        Some(Concept::Known(term)) => term.code(),
        Some(Concept::Other(iri)) => iri.as_str(),
        None => UNSPECIFIED,
    }
}

pub(crate) fn frequency_key(dataset: &Dataset) -> &str {
    concept_key(dataset.accrual_periodicity.as_ref())
}

pub(crate) fn access_rights_key(dataset: &Dataset) -> &str {
    concept_key(dataset.access_rights.as_ref())
}

pub(crate) fn format_key(distribution: &Distribution) -> &str {
    concept_key(distribution.format.as_ref())
}

/// The licence key of a distribution: the licence code, the licence IRI, or `other` for a
/// licence known only by a blank node.
pub(crate) fn licence_key(distribution: &Distribution) -> Option<&str> {
    let licence = distribution.licence.as_ref()?;
    Some(match (licence.known(), &licence.id) {
        (Some(known), _) => known.code(),
        (None, NodeId::Iri(iri)) => iri.as_str(),
        (None, _) => "other",
    })
}

fn open_licence(distribution: &Distribution) -> bool {
    distribution
        .licence
        .as_ref()
        .and_then(fihris_model::LicenseDocument::known)
        .is_some_and(Licence::is_open)
}

fn open_format(distribution: &Distribution) -> bool {
    distribution
        .file_type()
        .is_some_and(|format| format.is_non_proprietary() && format.is_machine_readable())
}

/// 5-star level of a distribution: 0 without an open licence; else the level of its format,
/// 1 when the format is unknown (on the web under an open licence).
fn stars(distribution: &Distribution) -> u8 {
    if !open_licence(distribution) {
        return 0;
    }
    distribution.file_type().map_or(1, FileType::stars)
}

pub(crate) fn has_open_format(dataset: &Dataset) -> bool {
    dataset.distributions.iter().any(open_format)
}

pub(crate) fn has_open_licence(dataset: &Dataset) -> bool {
    dataset.distributions.iter().any(open_licence)
}

/// The best 5-star level among the distributions, 0 without any.
pub(crate) fn dataset_stars(dataset: &Dataset) -> u8 {
    dataset.distributions.iter().map(stars).max().unwrap_or(0)
}

/// Year and month of `dct:issued`, when it says at least a month.
pub(crate) fn issued_month(dataset: &Dataset) -> Option<(i32, u32)> {
    let issued = dataset.issued.as_ref()?;
    if issued.kind() == TemporalKind::Year {
        return None;
    }
    issued.start_date().map(|date| (date.year(), date.month()))
}

pub(crate) fn issued_date(dataset: &Dataset) -> Option<NaiveDate> {
    dataset.issued.as_ref()?.start_date()
}

pub(crate) fn freshness(
    dataset: &Dataset,
    status: Option<PublicationStatus>,
    as_of: NaiveDate,
) -> FreshnessClass {
    if status != Some(PublicationStatus::Published) {
        return FreshnessClass::NotApplicable;
    }
    let Some(interval) = dataset
        .accrual_periodicity
        .as_ref()
        .and_then(Concept::known)
        .and_then(|frequency| frequency.typical_days())
    else {
        return FreshnessClass::UnknownFrequency;
    };
    // The last day the literal may denote: a `2024` update counts as made on 31 December.
    let Some(updated) = dataset
        .modified
        .as_ref()
        .or(dataset.issued.as_ref())
        .and_then(fihris_model::Temporal::end_date)
    else {
        return FreshnessClass::Undated;
    };
    if (as_of - updated).num_days() > i64::from(interval) {
        FreshnessClass::Overdue
    } else {
        FreshnessClass::UpToDate
    }
}
