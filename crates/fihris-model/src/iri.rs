use std::fmt;

use crate::error::{ModelError, ModelErrorKind};

/// An absolute IRI, kept byte-exact as it was given.
///
/// Validation follows RFC 3987 (the same parser the oxigraph crates use), but the string is
/// never normalised: `http://example.org/a/../b` stays as written, Arabic path segments are not
/// percent-encoded and no trailing slash is added.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "String", into = "String")
)]
pub struct Iri(String);

impl Iri {
    /// Validates an absolute IRI.
    ///
    /// # Errors
    ///
    /// [`ModelErrorKind::Iri`] when the value is not an absolute IRI.
    ///
    /// ```
    /// use fihris_model::Iri;
    /// let iri = Iri::new("https://data.gov.ma/data/fr/dataset/تعداد")?;
    /// assert_eq!(iri.as_str(), "https://data.gov.ma/data/fr/dataset/تعداد");
    /// assert!(Iri::new("not an iri").is_err());
    /// # Ok::<(), fihris_model::ModelError>(())
    /// ```
    pub fn new(iri: impl Into<String>) -> Result<Self, ModelError> {
        let iri = iri.into();
        match oxiri::Iri::parse(iri.as_str()) {
            Ok(_) => Ok(Self(iri)),
            Err(error) => Err(ModelError::new(
                ModelErrorKind::Iri,
                iri.clone(),
                error.to_string(),
            )),
        }
    }

    /// Wraps a string without validating it.
    ///
    /// The caller guarantees that `iri` is an absolute IRI, for example because it comes from
    /// a vocabulary constant or from a parser that already validated it.
    #[must_use]
    pub fn new_unchecked(iri: impl Into<String>) -> Self {
        Self(iri.into())
    }

    /// The IRI as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The IRI as an owned string.
    #[must_use]
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Iri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Iri {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Iri {
    type Error = ModelError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<Iri> for String {
    fn from(value: Iri) -> Self {
        value.0
    }
}

/// A blank node label (without the `_:` prefix).
///
/// Labels are local to one document: readers keep them so that output stays close to the
/// input, but two documents' labels never denote the same node.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "String", into = "String")
)]
pub struct BlankId(String);

impl BlankId {
    /// Validates a blank node label: non-empty, ASCII letters, digits, `_`, `-` and `.`
    /// (not at the end), the subset that Turtle, N-Triples, RDF/XML and JSON-LD all accept.
    ///
    /// # Errors
    ///
    /// [`ModelErrorKind::BlankNode`] for any other label.
    ///
    /// ```
    /// use fihris_model::BlankId;
    /// assert!(BlankId::new("contact1").is_ok());
    /// assert!(BlankId::new("with space").is_err());
    /// ```
    pub fn new(label: impl Into<String>) -> Result<Self, ModelError> {
        let label = label.into();
        let valid = !label.is_empty()
            && !label.ends_with('.')
            && !label.starts_with(['-', '.'])
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
        if valid {
            Ok(Self(label))
        } else {
            Err(ModelError::new(
                ModelErrorKind::BlankNode,
                label,
                "a label is ASCII letters, digits, '_', '-' and inner '.'",
            ))
        }
    }

    /// The label, without `_:`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for BlankId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "_:{}", self.0)
    }
}

impl TryFrom<String> for BlankId {
    type Error = ModelError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<BlankId> for String {
    fn from(value: BlankId) -> Self {
        value.0
    }
}

/// How a resource of the catalogue is identified: an IRI, or a blank node local to a document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NodeId {
    /// A globally identified resource.
    Iri(Iri),
    /// A resource known only inside one document.
    Blank(BlankId),
}

impl NodeId {
    /// The IRI, when the node has one.
    #[must_use]
    pub fn as_iri(&self) -> Option<&Iri> {
        match self {
            Self::Iri(iri) => Some(iri),
            Self::Blank(_) => None,
        }
    }

    /// Parses `_:label` as a blank node and anything else as an IRI.
    ///
    /// # Errors
    ///
    /// As [`Iri::new`] or [`BlankId::new`].
    ///
    /// ```
    /// use fihris_model::NodeId;
    /// assert!(matches!(NodeId::parse("_:b0")?, NodeId::Blank(_)));
    /// assert!(matches!(NodeId::parse("http://example.org/d")?, NodeId::Iri(_)));
    /// # Ok::<(), fihris_model::ModelError>(())
    /// ```
    pub fn parse(value: &str) -> Result<Self, ModelError> {
        match value.strip_prefix("_:") {
            Some(label) => Ok(Self::Blank(BlankId::new(label)?)),
            None => Ok(Self::Iri(Iri::new(value)?)),
        }
    }
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Iri(iri) => iri.fmt(f),
            Self::Blank(blank) => blank.fmt(f),
        }
    }
}

impl From<Iri> for NodeId {
    fn from(value: Iri) -> Self {
        Self::Iri(value)
    }
}

impl From<BlankId> for NodeId {
    fn from(value: BlankId) -> Self {
        Self::Blank(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iri_is_kept_byte_exact() {
        for raw in [
            "http://example.org/a/../b",
            "https://EXAMPLE.org",
            "https://data.gov.ma/ar/مجموعة",
            "urn:uuid:5b1a3c1e-0000-4000-8000-000000000000",
        ] {
            assert_eq!(Iri::new(raw).unwrap().as_str(), raw);
        }
    }

    #[test]
    fn iri_refuses_relative_and_spaces() {
        for raw in [
            "",
            "relative/path",
            "http://exa mple.org/",
            "http://example.org/a b",
        ] {
            let error = Iri::new(raw).unwrap_err();
            assert_eq!(error.kind(), ModelErrorKind::Iri);
            assert_eq!(error.value(), raw);
        }
    }

    #[test]
    fn blank_labels() {
        assert!(BlankId::new("a.b").is_ok());
        for bad in ["", "a.", ".a", "-a", "a b", "é"] {
            assert_eq!(
                BlankId::new(bad).unwrap_err().kind(),
                ModelErrorKind::BlankNode
            );
        }
    }
}
