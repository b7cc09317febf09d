//! Failures of a scan itself (personal data found is a finding, not an error).

use std::error::Error;
use std::fmt;
use std::io;

/// Why a resource could not be scanned: it could not be read, it has no header row, or the
/// options name a column it does not have.
#[derive(Debug)]
pub struct ScanError {
    kind: ScanErrorKind,
    source_name: Option<String>,
    line: Option<u64>,
}

#[derive(Debug)]
enum ScanErrorKind {
    Io(io::Error),
    NoHeader,
    UnknownColumn(String),
}

/// What kind of failure a [`ScanError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ScanErrorCategory {
    /// The input could not be read.
    Io,
    /// The input has no header row (it is empty).
    Syntax,
    /// The options name a column the header does not have.
    Usage,
}

impl ScanError {
    pub(crate) fn io(error: io::Error, source_name: Option<&str>, line: Option<u64>) -> Self {
        Self {
            kind: ScanErrorKind::Io(error),
            source_name: source_name.map(str::to_owned),
            line,
        }
    }

    pub(crate) fn no_header(source_name: Option<&str>) -> Self {
        Self {
            kind: ScanErrorKind::NoHeader,
            source_name: source_name.map(str::to_owned),
            line: Some(1),
        }
    }

    pub(crate) fn unknown_column(column: &str, source_name: Option<&str>) -> Self {
        Self {
            kind: ScanErrorKind::UnknownColumn(column.to_owned()),
            source_name: source_name.map(str::to_owned),
            line: Some(1),
        }
    }

    /// The column the options name and the header lacks, for a usage error.
    #[must_use]
    pub fn column(&self) -> Option<&str> {
        match &self.kind {
            ScanErrorKind::UnknownColumn(column) => Some(column),
            _ => None,
        }
    }

    /// Whether reading failed or the content is unusable.
    #[must_use]
    pub fn category(&self) -> ScanErrorCategory {
        match self.kind {
            ScanErrorKind::Io(_) => ScanErrorCategory::Io,
            ScanErrorKind::NoHeader => ScanErrorCategory::Syntax,
            ScanErrorKind::UnknownColumn(_) => ScanErrorCategory::Usage,
        }
    }

    /// The file (or other source name) given in the options, if any.
    #[must_use]
    pub fn source_name(&self) -> Option<&str> {
        self.source_name.as_deref()
    }

    /// The 1-based line where reading stopped, if known.
    #[must_use]
    pub fn line(&self) -> Option<u64> {
        self.line
    }
}

impl fmt::Display for ScanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(name) = &self.source_name {
            write!(f, "{name}")?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
            }
            f.write_str(": ")?;
        } else if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        match &self.kind {
            ScanErrorKind::Io(error) => write!(f, "cannot read: {error}"),
            ScanErrorKind::NoHeader => f.write_str("empty input: no header row"),
            ScanErrorKind::UnknownColumn(column) => {
                write!(f, "no column {column:?} in the header")
            }
        }
    }
}

impl Error for ScanError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match &self.kind {
            ScanErrorKind::Io(error) => Some(error),
            ScanErrorKind::NoHeader | ScanErrorKind::UnknownColumn(_) => None,
        }
    }
}
