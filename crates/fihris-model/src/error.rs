use std::fmt;

/// A value was refused by a model constructor.
///
/// The error says which kind of value was wrong ([`ModelError::kind`]) and what it was
/// ([`ModelError::value`]), so an adapter can attach it to a record and field of its input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    kind: ModelErrorKind,
    value: String,
    reason: String,
}

/// What kind of value a [`ModelError`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ModelErrorKind {
    /// An IRI that does not parse as an absolute IRI (RFC 3987).
    Iri,
    /// A blank node label that is empty or holds characters no RDF syntax accepts.
    BlankNode,
    /// A language tag that is not well-formed BCP 47.
    LanguageTag,
    /// A temporal literal (xsd:date, xsd:dateTime, xsd:gYear, xsd:gYearMonth) that is not valid.
    Temporal,
    /// A text that must hold at least one non-blank value (a title, a name) is empty.
    EmptyText,
    /// A value that must not be empty (a checksum, an identifier notation) is empty.
    EmptyValue,
    /// A collection that must hold at least one value (an access URL) is empty.
    Missing,
}

impl ModelError {
    pub(crate) fn new(
        kind: ModelErrorKind,
        value: impl Into<String>,
        reason: impl Into<String>,
    ) -> Self {
        Self {
            kind,
            value: value.into(),
            reason: reason.into(),
        }
    }

    /// What kind of value was refused.
    #[must_use]
    pub fn kind(&self) -> ModelErrorKind {
        self.kind
    }

    /// The refused value as it was given (or the name of the missing property).
    #[must_use]
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Why it was refused.
    #[must_use]
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ModelErrorKind::Iri => "invalid IRI",
            ModelErrorKind::BlankNode => "invalid blank node label",
            ModelErrorKind::LanguageTag => "invalid language tag",
            ModelErrorKind::Temporal => "invalid temporal literal",
            ModelErrorKind::EmptyText => "empty text",
            ModelErrorKind::EmptyValue => "empty value",
            ModelErrorKind::Missing => "missing value",
        };
        write!(f, "{what} {:?}: {}", self.value, self.reason)
    }
}

impl std::error::Error for ModelError {}
