//! Errors of the readers and writers.

use std::fmt;
use std::io;

/// Where a syntax error is, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TextPosition {
    /// Line, from 1.
    pub line: u64,
    /// Column (in characters), from 1.
    pub column: u64,
    /// Byte offset, from 0.
    pub offset: u64,
}

/// Why reading a DCAT-AP document failed.
///
/// A problem in one record is never an error (see [`crate::Warning`]): errors are for
/// unreadable input, syntax errors and exceeded limits.
#[derive(Debug)]
pub struct ReadError {
    kind: ReadErrorKind,
    message: String,
    position: Option<TextPosition>,
    source: Option<io::Error>,
}

/// The kind of a [`ReadError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReadErrorKind {
    /// The input could not be read.
    Io,
    /// The input is not well-formed in its syntax.
    Syntax,
    /// The input is larger than [`crate::DcatReader::with_max_input_bytes`].
    InputTooLarge,
    /// A JSON-LD document nests deeper than [`crate::DcatReader::with_max_depth`].
    TooDeep,
    /// A literal is longer than [`crate::DcatReader::with_max_literal_bytes`].
    LiteralTooLong,
}

impl ReadError {
    pub(crate) fn new(kind: ReadErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            position: None,
            source: None,
        }
    }

    pub(crate) fn io(error: io::Error) -> Self {
        Self {
            kind: ReadErrorKind::Io,
            message: error.to_string(),
            position: None,
            source: Some(error),
        }
    }

    pub(crate) fn syntax(message: impl Into<String>, position: Option<TextPosition>) -> Self {
        Self {
            kind: ReadErrorKind::Syntax,
            message: message.into(),
            position,
            source: None,
        }
    }

    pub(crate) fn set_kind(&mut self, kind: ReadErrorKind) {
        self.kind = kind;
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> ReadErrorKind {
        self.kind
    }

    /// The message, without position.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Where the error is, when known.
    #[must_use]
    pub fn position(&self) -> Option<TextPosition> {
        self.position
    }

    /// The line of the error (1-based), when known.
    #[must_use]
    pub fn line(&self) -> Option<u64> {
        self.position.map(|position| position.line)
    }

    /// The column of the error (1-based), when known.
    #[must_use]
    pub fn column(&self) -> Option<u64> {
        self.position.map(|position| position.column)
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(position) => write!(f, "{}:{}: {}", position.line, position.column, self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_ref().map(|error| error as _)
    }
}

/// Why writing failed: the output could not be written, or a value cannot be expressed in
/// the chosen syntax (a C0 control character in RDF/XML).
#[derive(Debug)]
pub struct WriteError {
    kind: WriteErrorKind,
    message: String,
    source: Option<io::Error>,
}

/// The kind of a [`WriteError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WriteErrorKind {
    /// The output could not be written.
    Io,
    /// A value has a character the syntax cannot carry (XML 1.0 forbids most C0 controls).
    InvalidCharacter,
    /// The writer was used out of order (a dataset after `finish`, two headers).
    Usage,
}

impl WriteError {
    pub(crate) fn new(kind: WriteErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            source: None,
        }
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> WriteErrorKind {
        self.kind
    }

    /// The message.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl From<io::Error> for WriteError {
    fn from(error: io::Error) -> Self {
        Self {
            kind: WriteErrorKind::Io,
            message: error.to_string(),
            source: Some(error),
        }
    }
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_ref().map(|error| error as _)
    }
}
