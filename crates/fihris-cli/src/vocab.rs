//! `fihris vocab`: the embedded vocabularies, as tables or JSON records.

use std::io::{self, Write};

use clap::ValueEnum;
use fihris_vocab::{
    EuTheme, FileType, Frequency, LabelLanguage, Licence, PRODUCERS, PortalTheme, Vocabulary,
};
use serde_json::{Value, json};

use crate::Output;
use crate::table::write_table;

/// The vocabularies `fihris vocab` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VocabList {
    /// The portal's 19 themes and their EU data themes.
    Themes,
    /// The portal's 47 producers.
    Producers,
    /// EU file types with their openness flags and 5-star level.
    Formats,
    /// Licences with their Open Definition conformance and duties.
    Licences,
    /// EU update frequencies.
    Frequencies,
}

/// The JSON records of a vocabulary, with the keys documented in the README.
#[must_use]
pub fn records(list: VocabList) -> Vec<Value> {
    listing(list).1
}

/// Prints a vocabulary as a table or as a JSON array.
///
/// # Errors
///
/// Any error writing to `out`.
pub fn run(list: VocabList, output: Output, out: &mut dyn Write) -> io::Result<()> {
    let (header, records) = listing(list);
    match output {
        Output::Json => {
            serde_json::to_writer_pretty(&mut *out, &Value::Array(records))?;
            writeln!(out)
        }
        Output::Text => {
            let rows: Vec<Vec<String>> = records
                .iter()
                .map(|record| header.iter().map(|key| cell(&record[key])).collect())
                .collect();
            write_table(out, header, &rows)
        }
    }
}

/// A JSON value as a table cell: strings bare, lists joined, null empty.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Bool(flag) => if *flag { "yes" } else { "no" }.to_owned(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join(" "),
        other => other.to_string(),
    }
}

/// The columns of the text table and the records.
type Listing = (&'static [&'static str], Vec<Value>);

fn listing(list: VocabList) -> Listing {
    match list {
        VocabList::Themes => themes(),
        VocabList::Producers => producers(),
        VocabList::Formats => formats(),
        VocabList::Licences => licences(),
        VocabList::Frequencies => frequencies(),
    }
}

fn themes() -> Listing {
    let records = PortalTheme::ALL
        .iter()
        .map(|theme| {
            json!({
                "slug": theme.slug(),
                "slug_confirmed": theme.slug_confirmed(),
                "iri": theme.iri(),
                "label_fr": theme.label(LabelLanguage::Fr),
                "label_en": theme.label(LabelLanguage::En),
                "label_ar": theme.label(LabelLanguage::Ar),
                "label_ar_checked": theme.label_ar_checked(),
                "eu_theme": theme.eu_primary().code(),
                "eu_theme_iri": theme.eu_primary().iri(),
                "eu_secondary": theme.eu_secondary().map(EuTheme::code),
                "eu_secondary_iri": theme.eu_secondary().map(EuTheme::iri),
            })
        })
        .collect();
    (
        &["slug", "label_fr", "label_ar", "eu_theme", "eu_secondary"],
        records,
    )
}

fn producers() -> Listing {
    let records = PRODUCERS
        .iter()
        .map(|producer| {
            json!({
                "code": producer.code,
                "ckan_slug": producer.ckan_slug,
                "iri": producer.iri(),
                "name_fr": producer.name_fr,
                "name_ar": producer.name_ar,
                "name_ar_checked": producer.name_ar_checked,
                "kind": producer.kind.as_str(),
                "datasets_2026": producer.datasets_2026,
            })
        })
        .collect();
    (&["code", "kind", "datasets_2026", "name_fr"], records)
}

fn formats() -> Listing {
    let records = FileType::ALL
        .iter()
        .map(|format| {
            json!({
                "code": format.code(),
                "iri": format.iri(),
                "label": format.label(LabelLanguage::En),
                "media_type": format.media_type(),
                "extensions": format.extensions(),
                "non_proprietary": format.is_non_proprietary(),
                "machine_readable": format.is_machine_readable(),
                "stars": format.stars(),
            })
        })
        .collect();
    (
        &[
            "code",
            "non_proprietary",
            "machine_readable",
            "stars",
            "media_type",
            "extensions",
        ],
        records,
    )
}

fn licences() -> Listing {
    let records = Licence::ALL
        .iter()
        .map(|licence| {
            json!({
                "code": licence.code(),
                "iri": licence.iri(),
                "spdx_id": licence.spdx_id(),
                "ckan_id": licence.ckan_id(),
                "label_fr": licence.label(LabelLanguage::Fr),
                "label_en": licence.label(LabelLanguage::En),
                "label_ar": licence.label(LabelLanguage::Ar),
                "open": licence.is_open(),
                "attribution": licence.requires_attribution(),
                "share_alike": licence.is_share_alike(),
            })
        })
        .collect();
    (
        &[
            "code",
            "spdx_id",
            "ckan_id",
            "open",
            "attribution",
            "share_alike",
            "label_en",
        ],
        records,
    )
}

fn frequencies() -> Listing {
    let records = Frequency::ALL
        .iter()
        .map(|frequency| {
            json!({
                "code": frequency.code(),
                "iri": frequency.iri(),
                "label_fr": frequency.label(LabelLanguage::Fr),
                "label_en": frequency.label(LabelLanguage::En),
                "label_ar": frequency.label(LabelLanguage::Ar),
                "typical_days": frequency.typical_days(),
            })
        })
        .collect();
    (&["code", "typical_days", "label_fr", "label_en"], records)
}
