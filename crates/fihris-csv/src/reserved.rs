//! The per-dataset reserved extra field: what the model has no place for.
//!
//! ```text
//! "fihris-csv": {
//!   "original": { "<column header>": ["<cell as read>", "<canonical form when read>"], … },
//!   "planned_formats": ["XLSX", …],   // formats beyond the download URLs
//!   "licence": "ODbL-1.0"             // licence of a dataset without distributions
//! }
//! ```

use fihris_model::{ExtraField, Extras, FieldValue};

use crate::column::Column;
use crate::dialect::RESERVED_FIELD;

/// What the reserved field of one dataset holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Reserved {
    /// `(column, cell as read, canonical form of the value read)`.
    pub(crate) original: Vec<(Column, String, String)>,
    pub(crate) planned_formats: Vec<String>,
    pub(crate) licence: Option<String>,
}

fn string(value: &FieldValue) -> Option<&str> {
    match value {
        FieldValue::String(text) => Some(text),
        _ => None,
    }
}

impl Reserved {
    pub(crate) fn of(extras: &Extras) -> Self {
        let mut reserved = Self::default();
        let Some(FieldValue::Object(entries)) = extras.field(RESERVED_FIELD) else {
            return reserved;
        };
        for (key, value) in entries {
            match (key.as_str(), value) {
                ("original", FieldValue::Object(cells)) => {
                    for (header, pair) in cells {
                        if let (Some(column), FieldValue::Array(pair)) =
                            (Column::from_header(header), pair)
                            && let [original, canonical] = pair.as_slice()
                            && let (Some(original), Some(canonical)) =
                                (string(original), string(canonical))
                        {
                            reserved.original.push((
                                column,
                                original.to_owned(),
                                canonical.to_owned(),
                            ));
                        }
                    }
                }
                ("planned_formats", FieldValue::Array(formats)) => {
                    reserved.planned_formats = formats
                        .iter()
                        .filter_map(string)
                        .map(str::to_owned)
                        .collect();
                }
                ("licence", FieldValue::String(licence)) => {
                    reserved.licence = Some(licence.clone());
                }
                _ => {}
            }
        }
        reserved
    }

    /// The cell as read, when the value read is still the model's (`canonical`).
    pub(crate) fn original(&self, column: Column, canonical: &str) -> Option<&str> {
        self.original
            .iter()
            .find(|(c, _, read)| *c == column && read == canonical)
            .map(|(_, original, _)| original.as_str())
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.original.is_empty() && self.planned_formats.is_empty() && self.licence.is_none()
    }

    /// Replaces the reserved field of `extras` (removes it when empty).
    pub(crate) fn store(&self, extras: &mut Extras) {
        extras.fields.retain(|field| field.key != RESERVED_FIELD);
        if self.is_empty() {
            return;
        }
        let mut entries = Vec::new();
        if !self.original.is_empty() {
            entries.push((
                "original".to_owned(),
                FieldValue::Object(
                    self.original
                        .iter()
                        .map(|(column, original, canonical)| {
                            (
                                column.header().to_owned(),
                                FieldValue::Array(vec![
                                    FieldValue::String(original.clone()),
                                    FieldValue::String(canonical.clone()),
                                ]),
                            )
                        })
                        .collect(),
                ),
            ));
        }
        if !self.planned_formats.is_empty() {
            entries.push((
                "planned_formats".to_owned(),
                FieldValue::Array(
                    self.planned_formats
                        .iter()
                        .map(|format| FieldValue::String(format.clone()))
                        .collect(),
                ),
            ));
        }
        if let Some(licence) = &self.licence {
            entries.push(("licence".to_owned(), FieldValue::String(licence.clone())));
        }
        extras.fields.push(ExtraField {
            key: RESERVED_FIELD.to_owned(),
            value: FieldValue::Object(entries),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_and_reads_back() {
        let reserved = Reserved {
            original: vec![(Column::Frequency, "Annuelle".into(), "ANNUAL".into())],
            planned_formats: vec!["CSV".into()],
            licence: Some("ODbL-1.0".into()),
        };
        let mut extras = Extras::default();
        reserved.store(&mut extras);
        assert_eq!(Reserved::of(&extras), reserved);
        assert_eq!(
            reserved.original(Column::Frequency, "ANNUAL"),
            Some("Annuelle")
        );
        assert_eq!(reserved.original(Column::Frequency, "MONTHLY"), None);
        Reserved::default().store(&mut extras);
        assert!(extras.fields.is_empty());
    }
}
