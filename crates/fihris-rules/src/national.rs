//! The national profile of Morocco's open data portal (`--profile ma`).

use std::fmt::Write as _;
use std::ops::Range;

use fihris_model::{Catalog, Dataset, Text};
use fihris_vocab::Licence;

use crate::openness::effective_licence;
use crate::rules::Rule;
use crate::sink::{Batch, DatasetPaths, Sink};

/// Whether `text` has a non-blank value in a language (by primary subtag: `fr-MA` is `fr`).
fn has_language(text: &Text, language: &str) -> bool {
    text.iter().any(|(tag, value)| {
        tag.is_some_and(|tag| tag.primary_language() == language) && !value.trim().is_empty()
    })
}

pub(crate) fn check_national(
    dataset: &Dataset,
    catalog: &Catalog,
    paths: &DatasetPaths,
    sink: &mut Sink<'_>,
) {
    let field = |field: &'static str| move |batch: &mut Batch| paths.dataset_field(batch, field);
    if dataset.producer().is_none() {
        let hint = Some("name one of the portal's producers (fihris vocab producers)");
        match &dataset.publisher {
            None => sink.emit(
                Rule::MaProducer,
                field("dct:publisher"),
                "no publisher",
                hint,
            ),
            Some(agent) => sink.emit_with(
                Rule::MaProducer,
                field("dct:publisher"),
                |message| {
                    let _ = write!(
                        message,
                        "the publisher {:?} is not a producer of the portal's referential",
                        agent.name.best(&["fr", "ar", "en"]).unwrap_or_default()
                    );
                },
                hint,
            ),
        }
    }
    if dataset.portal_themes.is_empty() {
        sink.emit(
            Rule::MaTheme,
            field("dcat:theme"),
            "none of the portal's 19 themes",
            Some("add a portal theme (fihris vocab themes)"),
        );
    }
    if dataset.accrual_periodicity.is_none() {
        sink.emit(
            Rule::MaFrequency,
            field("dct:accrualPeriodicity"),
            "no update frequency",
            Some("set dct:accrualPeriodicity (fihris vocab frequencies)"),
        );
    }
    let has_email = dataset.contact_points.iter().any(|contact| {
        contact
            .email
            .as_deref()
            .is_some_and(|email| email.contains('@'))
    });
    if !has_email {
        sink.emit(
            Rule::MaContactEmail,
            field("dcat:contactPoint"),
            if dataset.contact_points.is_empty() {
                "no contact point"
            } else {
                "no contact point has an e-mail address"
            },
            Some("add a contact point with vcard:hasEmail"),
        );
    }
    for (index, distribution) in dataset.distributions.iter().enumerate() {
        let Some(document) = effective_licence(distribution, catalog) else {
            // licence.missing reports it.
            continue;
        };
        let acceptable = document
            .known()
            .is_some_and(|licence| licence == Licence::PortalOdbl || licence.is_open());
        if !acceptable {
            sink.emit_with(
                Rule::MaLicence,
                |batch| paths.distribution_field(batch, index, "dct:license"),
                |message| {
                    let _ = write!(
                        message,
                        "the licence {} is neither the portal's nor an open one",
                        document.id
                    );
                },
                Some("use the portal's licence or an open licence"),
            );
        }
    }
    // Both title rules point at the same field: one path for both.
    let mut title = None;
    if !has_language(&dataset.title, "fr") {
        sink.emit(
            Rule::MaTitleFr,
            |batch| title_path(batch, &mut title, paths),
            "no French title",
            Some("give dct:title with the language tag fr"),
        );
    }
    if !has_language(&dataset.title, "ar") {
        sink.emit(
            Rule::MaTitleAr,
            |batch| title_path(batch, &mut title, paths),
            "no Arabic title",
            Some("give dct:title with the language tag ar"),
        );
    }
    if dataset.access_rights.is_none() {
        sink.emit(
            Rule::MaAccessRights,
            field("dct:accessRights"),
            "no access rights",
            Some("set dct:accessRights (PUBLIC, RESTRICTED or NON_PUBLIC)"),
        );
    }
    if dataset.inventory.personal_data.is_none() {
        sink.emit(
            Rule::MaPersonalData,
            |batch| paths.dataset(batch),
            "the personal-data status is not declared",
            Some("declare none, anonymised (with the method) or present"),
        );
    }
}

/// The path of the dataset's title, laid out once for both title rules.
fn title_path(
    batch: &mut Batch,
    title: &mut Option<Range<usize>>,
    paths: &DatasetPaths,
) -> Range<usize> {
    title
        .get_or_insert_with(|| paths.dataset_field(batch, "dct:title"))
        .clone()
}
