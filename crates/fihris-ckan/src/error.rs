use std::fmt;

use fihris_model::{Finding, FindingPath, PathSegment, Severity};

/// The input could not be read as CKAN API JSON.
///
/// Syntax errors carry a 1-based line and column; errors inside one package of a list carry
/// its 1-based record number. The message says what was expected.
#[derive(Debug)]
pub struct CkanError {
    kind: ErrorKind,
    message: String,
    line: Option<u64>,
    column: Option<u64>,
    record: Option<u64>,
}

#[derive(Debug)]
enum ErrorKind {
    Io(std::io::Error),
    Syntax,
    Encoding,
    Html,
    ApiFailure,
    Shape,
    Package,
    Config,
}

/// What kind of problem a [`CkanError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CkanErrorKind {
    /// Reading the input failed.
    Io,
    /// The text is not JSON (truncated, stray characters…).
    Syntax,
    /// The bytes are not UTF-8 (or UTF-16 with a byte order mark).
    Encoding,
    /// An HTML page came instead of JSON (an error page, a firewall).
    Html,
    /// The API answered `"success": false`.
    ApiFailure,
    /// Valid JSON, but not a package, a `package_show` or a `package_search` answer.
    Shape,
    /// The only package of the input cannot be read (no title, not an object).
    Package,
    /// A reader or writer option is invalid (a base IRI, a language tag).
    Config,
}

impl CkanError {
    pub(crate) fn new(kind: CkanErrorKind, message: impl Into<String>) -> Self {
        let message = message.into();
        let kind = match kind {
            CkanErrorKind::Io => ErrorKind::Io(std::io::Error::other(message.clone())),
            CkanErrorKind::Syntax => ErrorKind::Syntax,
            CkanErrorKind::Encoding => ErrorKind::Encoding,
            CkanErrorKind::Html => ErrorKind::Html,
            CkanErrorKind::ApiFailure => ErrorKind::ApiFailure,
            CkanErrorKind::Shape => ErrorKind::Shape,
            CkanErrorKind::Package => ErrorKind::Package,
            CkanErrorKind::Config => ErrorKind::Config,
        };
        Self {
            kind,
            message,
            line: None,
            column: None,
            record: None,
        }
    }

    pub(crate) fn io(error: std::io::Error) -> Self {
        Self {
            message: error.to_string(),
            kind: ErrorKind::Io(error),
            line: None,
            column: None,
            record: None,
        }
    }

    pub(crate) fn at(mut self, line: u64, column: u64) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub(crate) fn in_record(mut self, record: u64) -> Self {
        self.record = Some(record);
        self
    }

    /// What kind of problem this is.
    #[must_use]
    pub fn kind(&self) -> CkanErrorKind {
        match self.kind {
            ErrorKind::Io(_) => CkanErrorKind::Io,
            ErrorKind::Syntax => CkanErrorKind::Syntax,
            ErrorKind::Encoding => CkanErrorKind::Encoding,
            ErrorKind::Html => CkanErrorKind::Html,
            ErrorKind::ApiFailure => CkanErrorKind::ApiFailure,
            ErrorKind::Shape => CkanErrorKind::Shape,
            ErrorKind::Package => CkanErrorKind::Package,
            ErrorKind::Config => CkanErrorKind::Config,
        }
    }

    /// The 1-based line of the problem, when it points into the input.
    #[must_use]
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// The 1-based column (in characters) of the problem, when it points into the input.
    #[must_use]
    pub fn column(&self) -> Option<u64> {
        self.column
    }

    /// The 1-based record (package) the problem is in, when known.
    #[must_use]
    pub fn record(&self) -> Option<u64> {
        self.record
    }

    /// What is wrong, without the position.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for CkanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ErrorKind::Io(_) => "cannot read the CKAN input",
            ErrorKind::Syntax => "invalid JSON",
            ErrorKind::Encoding => "invalid encoding",
            ErrorKind::Html => "HTML instead of CKAN JSON",
            ErrorKind::ApiFailure => "the CKAN API reported a failure",
            ErrorKind::Shape => "not a CKAN API answer",
            ErrorKind::Package => "unreadable CKAN package",
            ErrorKind::Config => "invalid option",
        };
        f.write_str(what)?;
        if let Some(record) = self.record {
            write!(f, " in record {record}")?;
        }
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, " at line {line}, column {column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for CkanError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(error) => Some(error),
            _ => None,
        }
    }
}

/// What a [`CkanWarning`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CkanWarningKind {
    /// A value was normalised (a format label, a timestamp, a URL with spaces); the
    /// original is kept and written back.
    Repaired,
    /// The organisation is not one of the portal's producers: kept as a new agent.
    UnknownOrganisation,
    /// A group is not one of the portal's themes: kept, not mapped to a theme.
    UnknownTheme,
    /// A resource format is not a known file type: kept, not mapped.
    UnknownFormat,
    /// The licence id is not a known licence: kept, not mapped.
    UnknownLicence,
    /// A value has the wrong type or cannot be read (an invalid URL or date): kept as read,
    /// not mapped.
    InvalidValue,
    /// The record cannot be read at all (bad JSON line, not an object, no title): skipped.
    BrokenRecord,
}

impl CkanWarningKind {
    /// The stable rule id of findings of this kind (`ckan.repaired`, `ckan.broken-record`…).
    #[must_use]
    pub const fn rule_id(self) -> &'static str {
        match self {
            Self::Repaired => "ckan.repaired",
            Self::UnknownOrganisation => "ckan.unknown-organisation",
            Self::UnknownTheme => "ckan.unknown-theme",
            Self::UnknownFormat => "ckan.unknown-format",
            Self::UnknownLicence => "ckan.unknown-licence",
            Self::InvalidValue => "ckan.invalid-value",
            Self::BrokenRecord => "ckan.broken-record",
        }
    }

    /// The severity of findings of this kind: a broken record is an error, a repair is
    /// information, the rest are warnings.
    #[must_use]
    pub const fn severity(self) -> Severity {
        match self {
            Self::BrokenRecord => Severity::Error,
            Self::Repaired => Severity::Info,
            _ => Severity::Warning,
        }
    }
}

/// Something the reader repaired, could not map, or skipped, on one record of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CkanWarning {
    kind: CkanWarningKind,
    record: u64,
    line: Option<u64>,
    column: Option<u64>,
    dataset: Option<String>,
    field: Option<String>,
    message: String,
}

impl CkanWarning {
    pub(crate) fn new(
        kind: CkanWarningKind,
        record: u64,
        field: Option<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            kind,
            record,
            line: None,
            column: None,
            dataset: None,
            field,
            message: message.into(),
        }
    }

    pub(crate) fn with_position(mut self, line: Option<u64>, column: Option<u64>) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    /// Numbers the warning after `records` records and `lines` lines read before.
    pub(crate) fn shift(&mut self, records: u64, lines: u64) {
        self.record += records;
        self.line = self.line.map(|line| line + lines);
    }

    pub(crate) fn with_dataset(mut self, dataset: Option<String>) -> Self {
        self.dataset = dataset;
        self
    }

    /// What kind of warning.
    #[must_use]
    pub fn kind(&self) -> CkanWarningKind {
        self.kind
    }

    /// The 1-based record (package) of the input.
    #[must_use]
    pub fn record(&self) -> u64 {
        self.record
    }

    /// The 1-based line, for JSON lines input and syntax problems.
    #[must_use]
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// The 1-based column of a syntax problem.
    #[must_use]
    pub fn column(&self) -> Option<u64> {
        self.column
    }

    /// The dataset identifier (IRI or blank node) the warning is about, when it was read.
    #[must_use]
    pub fn dataset(&self) -> Option<&str> {
        self.dataset.as_deref()
    }

    /// The CKAN field, as a path (`resources[2].format`, `organization`).
    #[must_use]
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// What happened.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The warning as a finding (rule id from [`CkanWarningKind::rule_id`]), with a path
    /// of line, record, dataset and field.
    #[must_use]
    pub fn to_finding(&self) -> Finding {
        let path: FindingPath = [
            self.line.map(PathSegment::Line),
            Some(PathSegment::Record(self.record)),
            self.dataset
                .as_ref()
                .map(|dataset| PathSegment::Dataset(dataset.clone().into())),
            self.field
                .as_ref()
                .map(|field| PathSegment::Field(field.clone().into())),
        ]
        .into_iter()
        .flatten()
        .collect();
        Finding::new(
            self.kind.rule_id(),
            self.kind.severity(),
            path,
            self.message.clone(),
        )
    }
}

impl fmt::Display for CkanWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "record {}", self.record)?;
        if let Some(line) = self.line {
            write!(f, " (line {line}")?;
            if let Some(column) = self.column {
                write!(f, ", column {column}")?;
            }
            f.write_str(")")?;
        }
        if let Some(field) = &self.field {
            write!(f, ", field {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}
