use std::fmt;
use std::io;

/// What kind of failure a [`CsvError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CsvErrorKind {
    /// Reading or writing the underlying stream failed.
    Io,
    /// The bytes are not UTF-8 (with or without BOM) nor UTF-16 with a BOM.
    Encoding,
    /// The file is not an inventory: empty, no header, or no title column.
    Header,
    /// A value cannot be written in the template (a `|` inside one item of a multi-value
    /// column).
    Value,
}

/// A failure that stops reading or writing a whole inventory.
///
/// Problems confined to one row are not errors: the reader reports them as findings and
/// goes on. Positions are 1-based.
#[derive(Debug)]
pub struct CsvError {
    kind: CsvErrorKind,
    file: Option<String>,
    line: Option<u64>,
    record: Option<u64>,
    column: Option<String>,
    message: String,
    source: Option<io::Error>,
}

impl CsvError {
    pub(crate) fn new(kind: CsvErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            file: None,
            line: None,
            record: None,
            column: None,
            message: message.into(),
            source: None,
        }
    }

    pub(crate) fn io(error: io::Error) -> Self {
        let mut this = Self::new(CsvErrorKind::Io, error.to_string());
        this.source = Some(error);
        this
    }

    pub(crate) fn with_file(mut self, file: Option<&str>) -> Self {
        if self.file.is_none() {
            self.file = file.map(str::to_owned);
        }
        self
    }

    pub(crate) fn with_line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }

    pub(crate) fn with_record(mut self, record: u64) -> Self {
        self.record = Some(record);
        self
    }

    pub(crate) fn with_column(mut self, column: impl Into<String>) -> Self {
        self.column = Some(column.into());
        self
    }

    /// What kind of failure.
    #[must_use]
    pub fn kind(&self) -> CsvErrorKind {
        self.kind
    }

    /// The input file, when the reader was told its name.
    #[must_use]
    pub fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }

    /// The 1-based line of the input.
    #[must_use]
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// The 1-based data record (the header is not counted), or the dataset's position when
    /// writing.
    #[must_use]
    pub fn record(&self) -> Option<u64> {
        self.record
    }

    /// The column header.
    #[must_use]
    pub fn column(&self) -> Option<&str> {
        self.column.as_deref()
    }

    /// What went wrong, without the position.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(file) = &self.file {
            parts.push(file.clone());
        }
        if let Some(line) = self.line {
            parts.push(format!("line {line}"));
        }
        if let Some(record) = self.record {
            parts.push(format!("record {record}"));
        }
        if let Some(column) = &self.column {
            parts.push(format!("column {column:?}"));
        }
        if !parts.is_empty() {
            write!(f, "{}: ", parts.join(", "))?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for CsvError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|error| error as &(dyn std::error::Error + 'static))
    }
}

impl From<io::Error> for CsvError {
    fn from(error: io::Error) -> Self {
        Self::io(error)
    }
}
