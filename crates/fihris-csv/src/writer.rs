use std::collections::HashMap;
use std::io::Write;

use fihris_model::{Catalog, Dataset};

use crate::dialect::{Dialect, RESERVED_FIELD};
use crate::encoding::Encoder;
use crate::error::{CsvError, CsvErrorKind};
use crate::reader::{Role, roles};
use crate::reserved::Reserved;
use crate::values::{field_text, render};

/// Writes datasets as rows of the national inventory, one at a time.
///
/// The header is written before the first row (or by [`InventoryWriter::finish`] when
/// there is none). Each cell is the canonical form of the model's value, except where the
/// dataset was read from an inventory and the value is still the one read: then the cell is
/// written exactly as it was read. Output is deterministic and memory does not grow with
/// the number of rows.
///
/// ```
/// use fihris_csv::InventoryWriter;
/// use fihris_model::{Dataset, Iri, NodeId, Text};
///
/// let dataset = Dataset::new(
///     NodeId::Iri(Iri::new("https://data.gov.ma/d/ipc")?),
///     Text::new().with("fr", "Indice des prix")?,
/// )?;
/// let mut writer = InventoryWriter::new(Vec::new()).with_header_only(["identifiant", "titre_fr"]);
/// writer.write_dataset(&dataset)?;
/// let bytes = writer.finish()?;
/// assert_eq!(bytes, b"identifiant,titre_fr\nhttps://data.gov.ma/d/ipc,Indice des prix\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
#[must_use]
pub struct InventoryWriter<W: Write> {
    dialect: Dialect,
    roles: Vec<Role>,
    state: State<W>,
    record: u64,
}

#[derive(Debug)]
enum State<W: Write> {
    NotStarted(W),
    Writing(Box<csv::Writer<Encoder<W>>>),
    /// After an I/O failure: nothing more can be written.
    Failed,
}

impl<W: Write> InventoryWriter<W> {
    /// A writer in the canonical [`Dialect`] (UTF-8, `,`, LF, the template header).
    pub fn new(inner: W) -> Self {
        let dialect = Dialect::default();
        Self {
            roles: roles(dialect.header()),
            dialect,
            state: State::NotStarted(inner),
            record: 0,
        }
    }

    /// Writes in this dialect (for example the one [`Dialect::of`] finds in a catalogue
    /// read from an inventory).
    pub fn with_dialect(mut self, dialect: Dialect) -> Self {
        self.roles = roles(dialect.header());
        self.dialect = dialect;
        self
    }

    /// Appends extra columns to the header: datasets' [`fihris_model::Extras::fields`]
    /// with these keys are written there.
    pub fn with_extra_columns<I, S>(self, keys: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let mut header = self.dialect.header().to_vec();
        header.extend(keys.into_iter().map(Into::into));
        let dialect = self.dialect.clone().with_header(header);
        self.with_dialect(dialect)
    }

    /// Writes only these columns, in this order (template names or extra keys).
    pub fn with_header_only<I, S>(self, header: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let dialect = self.dialect.clone().with_header(header);
        self.with_dialect(dialect)
    }

    fn started(&mut self) -> Result<&mut csv::Writer<Encoder<W>>, CsvError> {
        if let State::NotStarted(_) = self.state {
            let State::NotStarted(inner) = std::mem::replace(&mut self.state, State::Failed) else {
                return Err(failed());
            };
            let encoder = Encoder::new(inner, self.dialect.encoding())?;
            let mut writer = csv::WriterBuilder::new()
                .delimiter(self.dialect.delimiter())
                .terminator(if self.dialect.crlf() {
                    csv::Terminator::CRLF
                } else {
                    csv::Terminator::Any(b'\n')
                })
                .quote_style(csv::QuoteStyle::Necessary)
                .from_writer(encoder);
            writer
                .write_record(self.dialect.header())
                .map_err(csv_error)?;
            self.state = State::Writing(Box::new(writer));
        }
        match &mut self.state {
            State::Writing(writer) => Ok(writer),
            _ => Err(failed()),
        }
    }

    /// Writes one dataset as one row.
    ///
    /// Extra fields whose key is not in the header are not written (see
    /// [`InventoryWriter::with_extra_columns`]; [`write_catalog`] adds them all).
    ///
    /// # Errors
    ///
    /// [`CsvErrorKind::Io`] when the stream fails; [`CsvErrorKind::Value`] (naming the
    /// record and column) when an item of a multi-value column holds `|`: nothing of the
    /// row is written then.
    pub fn write_dataset(&mut self, dataset: &Dataset) -> Result<(), CsvError> {
        self.record += 1;
        let reserved = Reserved::of(&dataset.extra);
        let mut occurrences: HashMap<&str, usize> = HashMap::new();
        let mut row = Vec::with_capacity(self.roles.len());
        for (role, name) in self.roles.iter().zip(self.dialect.header()) {
            let cell = match role {
                Role::Known(column) => {
                    let canonical = render(dataset, *column, &reserved).map_err(|message| {
                        CsvError::new(CsvErrorKind::Value, message)
                            .with_record(self.record)
                            .with_column(name.clone())
                    })?;
                    match reserved.original(*column, &canonical) {
                        Some(original) => original.to_owned(),
                        None => canonical,
                    }
                }
                Role::Extra(key) => {
                    let seen = occurrences.entry(key.as_str()).or_default();
                    let value = dataset
                        .extra
                        .fields
                        .iter()
                        .filter(|field| field.key == *key && field.key != RESERVED_FIELD)
                        .nth(*seen)
                        .map(|field| field_text(&field.value))
                        .unwrap_or_default();
                    *seen += 1;
                    value
                }
            };
            row.push(cell);
        }
        let record = self.record;
        let writer = self.started()?;
        writer
            .write_record(&row)
            .map_err(|error| csv_error(error).with_record(record))
    }

    /// Writes the header if no row was written, flushes and returns the inner writer.
    ///
    /// # Errors
    ///
    /// [`CsvErrorKind::Io`] when the stream fails.
    pub fn finish(mut self) -> Result<W, CsvError> {
        self.started()?;
        match std::mem::replace(&mut self.state, State::Failed) {
            State::Writing(writer) => {
                let encoder = writer
                    .into_inner()
                    .map_err(|error| CsvError::io(error.into_error()))?;
                let mut inner = encoder.into_inner()?;
                inner.flush()?;
                Ok(inner)
            }
            _ => Err(failed()),
        }
    }
}

fn failed() -> CsvError {
    CsvError::new(
        CsvErrorKind::Io,
        "the writer failed earlier and cannot write more",
    )
}

fn csv_error(error: csv::Error) -> CsvError {
    match error.into_kind() {
        csv::ErrorKind::Io(error) => CsvError::io(error),
        other => CsvError::new(CsvErrorKind::Io, format!("{other:?}")),
    }
}

/// Writes a whole catalogue as an inventory: in the dialect it was read in when it comes
/// from an inventory file (so that an unchanged catalogue gives the same bytes back), else
/// in the canonical dialect with one extra column per extra field key found on the
/// datasets.
///
/// # Errors
///
/// As [`InventoryWriter::write_dataset`] and [`InventoryWriter::finish`].
///
/// ```
/// use fihris_csv::{InventoryReader, write_catalog};
/// let input = "\u{feff}identifiant;titre_fr;frequence;remarque\r\n\
///              https://data.gov.ma/d/1;Budget;Annuelle;à revoir\r\n";
/// let outcome = InventoryReader::new().read_slice(input.as_bytes())?;
/// let output = write_catalog(&outcome.catalog, Vec::new())?;
/// assert_eq!(output, input.as_bytes());
/// # Ok::<(), fihris_csv::CsvError>(())
/// ```
pub fn write_catalog<W: Write>(catalog: &Catalog, inner: W) -> Result<W, CsvError> {
    let writer = match Dialect::of(&catalog.extra) {
        Some(dialect) => InventoryWriter::new(inner).with_dialect(dialect),
        None => {
            let mut keys: Vec<&str> = Vec::new();
            for field in catalog
                .datasets
                .iter()
                .flat_map(|dataset| &dataset.extra.fields)
            {
                if field.key != RESERVED_FIELD && !keys.contains(&field.key.as_str()) {
                    keys.push(&field.key);
                }
            }
            InventoryWriter::new(inner).with_extra_columns(keys)
        }
    };
    let mut writer = writer;
    for dataset in &catalog.datasets {
        writer.write_dataset(dataset)?;
    }
    writer.finish()
}

#[cfg(test)]
mod tests {
    use fihris_model::{Iri, NodeId, Text};

    use super::*;

    #[test]
    fn header_alone_when_no_row() {
        let bytes = InventoryWriter::new(Vec::new()).finish().unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with("identifiant,producteur,titre_fr,titre_ar,"));
        assert_eq!(text.lines().count(), 1);
        let utf16 = InventoryWriter::new(Vec::new())
            .with_dialect(Dialect::default().with_encoding(crate::Encoding::Utf16LeBom))
            .finish()
            .unwrap();
        assert_eq!(&utf16[..4], &[0xFF, 0xFE, b'i', 0]);
    }

    #[test]
    fn separator_inside_an_item_is_an_error() {
        let mut dataset = Dataset::new(
            NodeId::Iri(Iri::new("https://data.gov.ma/d/1").unwrap()),
            Text::untagged("Titre"),
        )
        .unwrap();
        dataset.keywords.push(fihris_model::Keyword {
            language: None,
            value: "a|b".into(),
        });
        let mut writer = InventoryWriter::new(Vec::new());
        let error = writer.write_dataset(&dataset).unwrap_err();
        assert_eq!(error.kind(), CsvErrorKind::Value);
        assert_eq!(error.record(), Some(1));
        assert_eq!(error.column(), Some("mots_cles"));
    }
}
