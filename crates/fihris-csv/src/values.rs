//! Cell values: parsing one value (codes or French labels) and rendering the canonical
//! form of a column from the model. The two are kept side by side so that reading the
//! canonical form gives the model back.

use fihris_model::inventory::{
    CollectionMethod, DataKind, DisaggregationLevel, PublicationStatus, UpdateMethod,
};
use fihris_model::{
    Concept, Dataset, FieldValue, Iri, LicenseDocument, NodeId, PersonalData, Temporal,
};
use fihris_vocab::{
    AccessRight, EuTheme, FileType, Frequency, LabelLanguage, Licence, PortalTheme, Vocabulary,
};

use crate::column::Column;
use crate::reserved::Reserved;
use crate::text::{key, lookup};

/// Separator of the items of a multi-value cell.
pub(crate) const SEPARATOR: char = '|';

/// Items of a multi-value cell, trimmed, empty ones kept (their position matters for
/// `formats`).
pub(crate) fn items(cell: &str) -> Vec<&str> {
    if cell.trim().is_empty() {
        Vec::new()
    } else {
        cell.split(SEPARATOR).map(str::trim).collect()
    }
}

/// A vocabulary term from its code, French or English label, or IRI.
fn term<T: Vocabulary>(value: &str, synonyms: &[(&str, T)]) -> Option<T> {
    lookup::<T>(value)
        .or_else(|| T::from_iri(value.trim()))
        .or_else(|| {
            let wanted = key(value);
            synonyms
                .iter()
                .find(|(synonym, _)| key(synonym) == wanted)
                .map(|&(_, term)| term)
        })
}

pub(crate) fn data_kind(value: &str) -> Option<DataKind> {
    term(
        value,
        &[
            ("enquête", DataKind::Survey),
            ("collecte", DataKind::Survey),
            ("microdonnées", DataKind::Survey),
            ("statistiques", DataKind::Statistics),
            ("indicateurs", DataKind::Statistics),
            ("localisation", DataKind::InfrastructureLocations),
            ("infrastructures", DataKind::InfrastructureLocations),
            ("référentiel", DataKind::ReferenceData),
            ("référence", DataKind::ReferenceData),
        ],
    )
}

pub(crate) fn collection_method(value: &str) -> Option<CollectionMethod> {
    term(
        value,
        &[
            (
                "registre administratif",
                CollectionMethod::AdministrativeRecords,
            ),
            (
                "données administratives",
                CollectionMethod::AdministrativeRecords,
            ),
            ("capteur", CollectionMethod::Sensors),
            ("topographie", CollectionMethod::Surveying),
            ("estimations", CollectionMethod::Estimation),
        ],
    )
}

pub(crate) fn update_method(value: &str) -> Option<UpdateMethod> {
    term(
        value,
        &[
            ("automatique", UpdateMethod::Automated),
            ("semi-automatique", UpdateMethod::SemiAutomated),
        ],
    )
}

pub(crate) fn disaggregation(value: &str) -> Option<DisaggregationLevel> {
    term(
        value,
        &[
            ("national", DisaggregationLevel::National),
            ("région", DisaggregationLevel::Regional),
            ("province", DisaggregationLevel::Provincial),
            ("préfecture", DisaggregationLevel::Provincial),
            ("commune", DisaggregationLevel::Communal),
        ],
    )
}

pub(crate) fn publication_status(value: &str) -> Option<PublicationStatus> {
    term(
        value,
        &[
            ("prévu", PublicationStatus::Planned),
            ("à publier", PublicationStatus::Planned),
            ("en ligne", PublicationStatus::Published),
            ("non publiable", PublicationStatus::Restricted),
        ],
    )
}

pub(crate) fn access_right(value: &str) -> Option<Concept<AccessRight>> {
    term(
        value,
        &[
            ("ouvert", AccessRight::Public),
            ("publique", AccessRight::Public),
            ("non publique", AccessRight::NonPublic),
        ],
    )
    .map(Concept::Known)
    .or_else(|| other_iri(value).map(Concept::Other))
}

pub(crate) fn frequency(value: &str) -> Option<Concept<Frequency>> {
    Frequency::from_code(value)
        .or_else(|| Frequency::from_french(value))
        .or_else(|| term(value, &[]))
        .map(Concept::Known)
        .or_else(|| other_iri(value).map(Concept::Other))
}

/// A portal theme, else an EU data theme.
#[derive(Clone)]
pub(crate) enum Theme {
    Portal(PortalTheme),
    Eu(Concept<EuTheme>),
}

pub(crate) fn theme(value: &str) -> Option<Theme> {
    PortalTheme::from_label(value)
        .or_else(|| PortalTheme::from_iri(value.trim()))
        .map(Theme::Portal)
        .or_else(|| {
            EuTheme::from_code(value)
                .or_else(|| EuTheme::from_iri(value.trim()))
                .map(|theme| Theme::Eu(Concept::Known(theme)))
        })
        .or_else(|| other_iri(value).map(|iri| Theme::Eu(Concept::Other(iri))))
}

pub(crate) fn file_type(value: &str) -> Option<Concept<FileType>> {
    FileType::from_label(value)
        .map(Concept::Known)
        .or_else(|| other_iri(value).map(Concept::Other))
}

pub(crate) fn licence(value: &str) -> Option<LicenseDocument> {
    let value = value.trim();
    Licence::from_ckan_id(value)
        .or_else(|| Licence::from_iri(value))
        .or_else(|| {
            let wanted = key(value);
            Licence::ALL.iter().copied().find(|licence| {
                [LabelLanguage::Fr, LabelLanguage::En]
                    .iter()
                    .any(|&language| key(licence.label(language)) == wanted)
            })
        })
        .map(LicenseDocument::from)
        .or_else(|| other_iri(value).map(|iri| LicenseDocument::new(NodeId::Iri(iri))))
}

pub(crate) fn personal_data(value: &str) -> Option<PersonalData> {
    let (declaration, method) = match value.split_once(':') {
        Some((declaration, method)) => (declaration, Some(method.trim())),
        None => (value, None),
    };
    let declared = key(declaration);
    let is = |forms: &[&str]| forms.iter().any(|form| key(form) == declared);
    if is(&["anonymised", "anonymized", "anonymisées", "anonymisation"]) {
        Some(PersonalData::Anonymised {
            method: method.filter(|m| !m.is_empty()).map(str::to_owned),
        })
    } else if method.is_some() {
        None
    } else if is(&["none", "aucune", "aucun", "non", "no"]) {
        Some(PersonalData::None)
    } else if is(&["present", "présentes", "oui", "yes"]) {
        Some(PersonalData::Present)
    } else {
        None
    }
}

/// A date as the template writes it (`2024`, `2024-03`, `2024-03-15`, a dateTime) or as
/// French spreadsheets do (`15/03/2024`).
pub(crate) fn date(value: &str) -> Option<Temporal> {
    let value = value.trim();
    if let Ok(temporal) = Temporal::parse(value) {
        return Some(temporal);
    }
    let parts: Vec<&str> = value.split('/').collect();
    if let [day, month, year] = parts.as_slice()
        && day.len() <= 2
        && month.len() <= 2
        && year.len() == 4
        && [day, month, year]
            .iter()
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
    {
        return Temporal::parse(format!("{year}-{month:0>2}-{day:0>2}")).ok();
    }
    None
}

/// An absolute IRI (not a bare word such as `CSV`: it needs `:` and something after it).
pub(crate) fn other_iri(value: &str) -> Option<Iri> {
    let value = value.trim();
    if value.contains("://") || value.starts_with("urn:") {
        Iri::new(value).ok()
    } else {
        None
    }
}

// ---------------------------------------------------------------------------------------
// Rendering.

fn join<'a>(column: Column, values: impl IntoIterator<Item = &'a str>) -> Result<String, String> {
    let mut out = String::new();
    for (index, value) in values.into_iter().enumerate() {
        if value.contains(SEPARATOR) {
            return Err(format!(
                "{value:?} holds the separator '|' and cannot be one item of column {}",
                column.header()
            ));
        }
        if index > 0 {
            out.push(SEPARATOR);
        }
        out.push_str(value);
    }
    Ok(out)
}

fn concept_text<T: Vocabulary>(concept: &Concept<T>) -> &str {
    match concept {
        Concept::Known(term) => term.code(),
        Concept::Other(iri) => iri.as_str(),
    }
}

pub(crate) fn licence_text(licence: &LicenseDocument) -> String {
    if let Some(known) = licence.known() {
        return known.spdx_id().unwrap_or(known.ckan_id()).to_owned();
    }
    match &licence.id {
        NodeId::Iri(iri) => iri.as_str().to_owned(),
        NodeId::Blank(_) => licence.label.best(&["fr"]).unwrap_or_default().to_owned(),
    }
}

/// The EU themes implied by the portal themes, in order, without repeats.
pub(crate) fn derived_eu_themes(portal: &[PortalTheme]) -> Vec<Concept<EuTheme>> {
    let mut themes = Vec::new();
    for theme in portal.iter().flat_map(|theme| theme.eu_themes()) {
        let theme = Concept::Known(theme);
        if !themes.contains(&theme) {
            themes.push(theme);
        }
    }
    themes
}

/// The local identifier a dataset without an IRI is written with.
pub(crate) fn local_identifier(dataset: &Dataset) -> Option<&str> {
    match dataset.id {
        NodeId::Blank(_) => dataset.identifiers.first().map(String::as_str),
        NodeId::Iri(_) => None,
    }
}

/// The canonical text of a column for a dataset.
///
/// # Errors
///
/// A message when a multi-value item holds the separator.
pub(crate) fn render(
    dataset: &Dataset,
    column: Column,
    reserved: &Reserved,
) -> Result<String, String> {
    let inventory = &dataset.inventory;
    let code = |term: Option<&'static str>| Ok(term.unwrap_or_default().to_owned());
    match column {
        Column::Identifier => Ok(match local_identifier(dataset) {
            Some(identifier) => identifier.to_owned(),
            None => dataset.id.to_string(),
        }),
        Column::Producer => Ok(match &dataset.publisher {
            Some(agent) => match agent.producer {
                Some(producer) => producer.code.to_owned(),
                None => agent.name.best(&["fr"]).unwrap_or_default().to_owned(),
            },
            None => String::new(),
        }),
        Column::TitleFr => Ok(french(&dataset.title)),
        Column::TitleAr => Ok(dataset.title.get("ar").unwrap_or_default().to_owned()),
        Column::DescriptionFr => Ok(french(&dataset.description)),
        Column::DescriptionAr => Ok(dataset.description.get("ar").unwrap_or_default().to_owned()),
        Column::Theme => {
            let derived = derived_eu_themes(&dataset.portal_themes);
            join(
                column,
                dataset
                    .portal_themes
                    .iter()
                    .map(|theme| theme.slug())
                    .chain(
                        dataset
                            .themes
                            .iter()
                            .filter(|theme| !derived.contains(theme))
                            .map(concept_text),
                    ),
            )
        }
        Column::DataKind => code(inventory.kind_of_data.map(Vocabulary::code)),
        Column::Frequency => Ok(dataset
            .accrual_periodicity
            .as_ref()
            .map(concept_text)
            .unwrap_or_default()
            .to_owned()),
        Column::CollectionMethod => code(inventory.collection_method.map(Vocabulary::code)),
        Column::UpdateMethod => code(inventory.update_method.map(Vocabulary::code)),
        Column::Disaggregation => join(
            column,
            inventory.disaggregation.iter().map(|level| level.code()),
        ),
        Column::Formats => {
            let mut formats: Vec<&str> = dataset
                .distributions
                .iter()
                .map(|distribution| {
                    distribution
                        .format
                        .as_ref()
                        .map(concept_text)
                        .unwrap_or_default()
                })
                .collect();
            formats.extend(reserved.planned_formats.iter().map(String::as_str));
            while formats.last().is_some_and(|format| format.is_empty()) {
                formats.pop();
            }
            join(column, formats)
        }
        Column::Licence => Ok(dataset
            .distributions
            .iter()
            .find_map(|distribution| distribution.licence.as_ref())
            .map(licence_text)
            .or_else(|| reserved.licence.clone())
            .unwrap_or_default()),
        Column::AccessRights => Ok(dataset
            .access_rights
            .as_ref()
            .map(concept_text)
            .unwrap_or_default()
            .to_owned()),
        Column::PublicationStatus => code(inventory.publication_status.map(Vocabulary::code)),
        Column::PersonalData => Ok(match &inventory.personal_data {
            None => String::new(),
            Some(PersonalData::Anonymised {
                method: Some(method),
            }) => format!("anonymised:{method}"),
            Some(declaration) => declaration.code().to_owned(),
        }),
        Column::ContactName => Ok(dataset
            .contact_points
            .first()
            .and_then(|contact| contact.name.best(&["fr"]))
            .unwrap_or_default()
            .to_owned()),
        Column::ContactEmail => Ok(dataset
            .contact_points
            .first()
            .and_then(|contact| contact.email.clone())
            .unwrap_or_default()),
        Column::Issued => Ok(dataset
            .issued
            .as_ref()
            .map(Temporal::as_str)
            .unwrap_or_default()
            .to_owned()),
        Column::Modified => Ok(dataset
            .modified
            .as_ref()
            .map(Temporal::as_str)
            .unwrap_or_default()
            .to_owned()),
        Column::LandingPage => join(column, dataset.landing_pages.iter().map(Iri::as_str)),
        Column::DownloadUrls => join(
            column,
            dataset.distributions.iter().filter_map(|distribution| {
                distribution
                    .download_urls
                    .first()
                    .or(distribution.access_urls.first())
                    .map(Iri::as_str)
            }),
        ),
        Column::Keywords => join(
            column,
            dataset
                .keywords
                .iter()
                .map(|keyword| keyword.value.as_str()),
        ),
    }
}

/// The French value of a text, else its untagged value.
fn french(text: &fihris_model::Text) -> String {
    text.get("fr")
        .or_else(|| text.get(""))
        .unwrap_or_default()
        .to_owned()
}

/// The text of an extra column's value: strings as they are, other values as JSON.
pub(crate) fn field_text(value: &FieldValue) -> String {
    let mut out = String::new();
    match value {
        FieldValue::String(text) => out.push_str(text),
        FieldValue::Null => {}
        other => json(other, &mut out),
    }
    out
}

fn json(value: &FieldValue, out: &mut String) {
    match value {
        FieldValue::Null => out.push_str("null"),
        FieldValue::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        FieldValue::Number(number) => out.push_str(number),
        FieldValue::String(text) => json_string(text, out),
        FieldValue::Array(values) => {
            out.push('[');
            for (index, value) in values.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                json(value, out);
            }
            out.push(']');
        }
        FieldValue::Object(entries) => {
            out.push('{');
            for (index, (name, value)) in entries.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                json_string(name, out);
                out.push(':');
                json(value, out);
            }
            out.push('}');
        }
    }
}

fn json_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_in_codes_or_french() {
        assert_eq!(
            data_kind("Statistiques et indicateurs"),
            Some(DataKind::Statistics)
        );
        assert_eq!(data_kind("statistics"), Some(DataKind::Statistics));
        assert_eq!(data_kind("Référentiel"), Some(DataKind::ReferenceData));
        assert_eq!(
            frequency("Trimestrielle"),
            Some(Concept::Known(Frequency::Quarterly))
        );
        assert_eq!(frequency("annual"), Some(Concept::Known(Frequency::Annual)));
        assert_eq!(frequency("tous les jours ou presque"), None);
        assert_eq!(
            access_right("Non public"),
            Some(Concept::Known(AccessRight::NonPublic))
        );
        assert!(matches!(
            theme("Économie et finance"),
            Some(Theme::Portal(PortalTheme::Finance))
        ));
        assert!(matches!(
            theme("ECON"),
            Some(Theme::Eu(Concept::Known(EuTheme::Econ)))
        ));
        assert_eq!(
            licence("odc-odbl").and_then(|l| l.known()),
            Some(Licence::Odbl10)
        );
        assert_eq!(licence("Licence maison"), None);
        assert_eq!(file_type(".xlsx "), Some(Concept::Known(FileType::Xlsx)));
    }

    #[test]
    fn personal_data_forms() {
        assert_eq!(personal_data("Aucune"), Some(PersonalData::None));
        assert_eq!(personal_data("présentes"), Some(PersonalData::Present));
        assert_eq!(
            personal_data("anonymisées : agrégation"),
            Some(PersonalData::Anonymised {
                method: Some("agrégation".into())
            })
        );
        assert_eq!(
            personal_data("anonymised"),
            Some(PersonalData::Anonymised { method: None })
        );
        assert_eq!(personal_data("oui: nom"), None);
        assert_eq!(personal_data("peut-être"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(date("15/03/2024").unwrap().as_str(), "2024-03-15");
        assert_eq!(date("1/3/2024").unwrap().as_str(), "2024-03-01");
        assert_eq!(date(" 2024-03 ").unwrap().as_str(), "2024-03");
        assert!(date("31/02/2024").is_none());
        assert!(date("2024-13-01").is_none());
        assert!(date("mars 2024").is_none());
    }

    #[test]
    fn extra_values_as_text() {
        let value = FieldValue::Object(vec![
            (
                "a".into(),
                FieldValue::Array(vec![FieldValue::Bool(true), FieldValue::Null]),
            ),
            ("b\"".into(), FieldValue::Number("1.50".into())),
        ]);
        assert_eq!(field_text(&value), r#"{"a":[true,null],"b\"":1.50}"#);
        assert_eq!(field_text(&FieldValue::Null), "");
    }
}
