use fihris_model::{ExtraField, Extras, FieldValue};

use crate::column::Column;

/// The reserved key of the [`Extras::fields`] entry in which the reader keeps what the model
/// has no place for (the file's dialect on the catalogue; original spellings and planned
/// formats on a dataset). Writers of other formats may skip it.
pub const RESERVED_FIELD: &str = "fihris-csv";

/// The character encoding of an inventory file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 without a byte-order mark (the canonical form).
    #[default]
    Utf8,
    /// UTF-8 starting with the byte-order mark `EF BB BF` (what spreadsheets write).
    Utf8Bom,
    /// UTF-16 little-endian starting with `FF FE`.
    Utf16LeBom,
    /// UTF-16 big-endian starting with `FE FF`.
    Utf16BeBom,
}

impl Encoding {
    /// A stable name: `utf-8`, `utf-8-bom`, `utf-16le-bom`, `utf-16be-bom`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Utf8 => "utf-8",
            Self::Utf8Bom => "utf-8-bom",
            Self::Utf16LeBom => "utf-16le-bom",
            Self::Utf16BeBom => "utf-16be-bom",
        }
    }

    /// The encoding of a stable name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        [
            Self::Utf8,
            Self::Utf8Bom,
            Self::Utf16LeBom,
            Self::Utf16BeBom,
        ]
        .into_iter()
        .find(|encoding| encoding.as_str().eq_ignore_ascii_case(name.trim()))
    }
}

/// How an inventory file is laid out: encoding, separator, line ending and header.
///
/// The reader records the dialect of what it read (in the catalogue's
/// [`Extras::fields`], see [`Dialect::of`]) so that writing the catalogue back gives the
/// same bytes; [`Dialect::default`] is the canonical form: UTF-8 without BOM, `,`, LF and
/// the template header.
///
/// ```
/// use fihris_csv::{Dialect, Encoding};
/// let excel = Dialect::excel_fr();
/// assert_eq!(excel.delimiter(), b';');
/// assert_eq!(excel.encoding(), Encoding::Utf8Bom);
/// assert_eq!(Dialect::default().header()[0], "identifiant");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Dialect {
    encoding: Encoding,
    delimiter: u8,
    crlf: bool,
    header: Vec<String>,
}

impl Default for Dialect {
    fn default() -> Self {
        Self {
            encoding: Encoding::Utf8,
            delimiter: b',',
            crlf: false,
            header: Column::ALL
                .iter()
                .map(|column| column.header().to_owned())
                .collect(),
        }
    }
}

impl Dialect {
    /// What a spreadsheet set to French writes: UTF-8 with BOM, `;`, CRLF, the template
    /// header.
    #[must_use]
    pub fn excel_fr() -> Self {
        Self::default()
            .with_encoding(Encoding::Utf8Bom)
            .with_delimiter(b';')
            .with_crlf(true)
    }

    /// Sets the encoding.
    #[must_use]
    pub fn with_encoding(mut self, encoding: Encoding) -> Self {
        self.encoding = encoding;
        self
    }

    /// Sets the field separator (`,`, `;` or tab).
    #[must_use]
    pub fn with_delimiter(mut self, delimiter: u8) -> Self {
        self.delimiter = delimiter;
        self
    }

    /// Ends lines with CRLF (`true`) or LF.
    #[must_use]
    pub fn with_crlf(mut self, crlf: bool) -> Self {
        self.crlf = crlf;
        self
    }

    /// Sets the header: template column names (any accepted spelling) and extra columns,
    /// in the order they are written.
    #[must_use]
    pub fn with_header<I, S>(mut self, header: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.header = header.into_iter().map(Into::into).collect();
        self
    }

    /// The encoding.
    #[must_use]
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// The field separator.
    #[must_use]
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// Whether lines end with CRLF.
    #[must_use]
    pub fn crlf(&self) -> bool {
        self.crlf
    }

    /// The header, as written.
    #[must_use]
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// The dialect a reader recorded in these extras (a catalogue's), if any.
    #[must_use]
    pub fn of(extras: &Extras) -> Option<Self> {
        let FieldValue::Object(entries) = extras.field(RESERVED_FIELD)? else {
            return None;
        };
        let get = |key: &str| {
            entries
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value)
        };
        let Some(FieldValue::String(encoding)) = get("encoding") else {
            return None;
        };
        let Some(FieldValue::String(delimiter)) = get("delimiter") else {
            return None;
        };
        let Some(FieldValue::Array(header)) = get("header") else {
            return None;
        };
        let crlf =
            matches!(get("line_ending"), Some(FieldValue::String(ending)) if ending == "\r\n");
        let &[delimiter] = delimiter.as_bytes() else {
            return None;
        };
        let header = header
            .iter()
            .map(|value| match value {
                FieldValue::String(name) => Some(name.clone()),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Self {
            encoding: Encoding::parse(encoding)?,
            delimiter,
            crlf,
            header,
        })
    }

    /// Records the dialect in extras (replacing a previous record).
    pub fn store(&self, extras: &mut Extras) {
        extras.fields.retain(|field| field.key != RESERVED_FIELD);
        let value = FieldValue::Object(vec![
            (
                "encoding".to_owned(),
                FieldValue::String(self.encoding.as_str().to_owned()),
            ),
            (
                "delimiter".to_owned(),
                FieldValue::String(char::from(self.delimiter).to_string()),
            ),
            (
                "line_ending".to_owned(),
                FieldValue::String(if self.crlf { "\r\n" } else { "\n" }.to_owned()),
            ),
            (
                "header".to_owned(),
                FieldValue::Array(
                    self.header
                        .iter()
                        .map(|name| FieldValue::String(name.clone()))
                        .collect(),
                ),
            ),
        ]);
        extras.fields.push(ExtraField {
            key: RESERVED_FIELD.to_owned(),
            value,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_dialect_reads_back() {
        let dialect = Dialect::excel_fr().with_header(["titre", "note"]);
        let mut extras = Extras::default();
        dialect.store(&mut extras);
        dialect.store(&mut extras);
        assert_eq!(extras.fields.len(), 1);
        assert_eq!(Dialect::of(&extras), Some(dialect));
        assert_eq!(Dialect::of(&Extras::default()), None);
    }
}
