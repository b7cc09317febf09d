//! Statements and fields the model does not map, kept so that nothing read is lost.

use std::fmt;

use crate::error::{ModelError, ModelErrorKind};
use crate::iri::{BlankId, Iri, NodeId};
use crate::text::LanguageTag;

/// An RDF literal kept exactly: lexical form plus datatype or language tag.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Literal {
    /// A plain string (`xsd:string`).
    Simple(String),
    /// A string with a language tag (`rdf:langString`).
    LanguageTagged {
        /// The lexical form.
        value: String,
        /// The language.
        language: LanguageTag,
    },
    /// Any other datatype.
    Typed {
        /// The lexical form, unchanged.
        value: String,
        /// The datatype IRI.
        datatype: Iri,
    },
}

impl Literal {
    /// The lexical form.
    #[must_use]
    pub fn value(&self) -> &str {
        match self {
            Self::Simple(value)
            | Self::LanguageTagged { value, .. }
            | Self::Typed { value, .. } => value,
        }
    }

    /// The language tag, if any.
    #[must_use]
    pub fn language(&self) -> Option<&LanguageTag> {
        match self {
            Self::LanguageTagged { language, .. } => Some(language),
            _ => None,
        }
    }

    /// The datatype IRI (`xsd:string` for simple literals, `rdf:langString` for tagged ones).
    #[must_use]
    pub fn datatype(&self) -> &str {
        match self {
            Self::Simple(_) => "http://www.w3.org/2001/XMLSchema#string",
            Self::LanguageTagged { .. } => "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString",
            Self::Typed { datatype, .. } => datatype.as_str(),
        }
    }
}

impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Simple(value) => write!(f, "{value:?}"),
            Self::LanguageTagged { value, language } => write!(f, "{value:?}@{language}"),
            Self::Typed { value, datatype } => write!(f, "{value:?}^^<{datatype}>"),
        }
    }
}

/// The object of a statement.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Term {
    /// A resource named by an IRI.
    Iri(Iri),
    /// A blank node; its description is among the catalogue's extra triples.
    Blank(BlankId),
    /// A literal.
    Literal(Literal),
}

impl From<NodeId> for Term {
    fn from(node: NodeId) -> Self {
        match node {
            NodeId::Iri(iri) => Self::Iri(iri),
            NodeId::Blank(blank) => Self::Blank(blank),
        }
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Iri(iri) => write!(f, "<{iri}>"),
            Self::Blank(blank) => blank.fmt(f),
            Self::Literal(literal) => literal.fmt(f),
        }
    }
}

/// A predicate and object about the resource that holds it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Statement {
    /// The property.
    pub predicate: Iri,
    /// The value.
    pub object: Term,
}

impl Statement {
    /// A statement.
    #[must_use]
    pub fn new(predicate: Iri, object: Term) -> Self {
        Self { predicate, object }
    }
}

/// A full triple, for descriptions of resources that no model entity holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Triple {
    /// The described resource.
    pub subject: NodeId,
    /// The property.
    pub predicate: Iri,
    /// The value.
    pub object: Term,
}

/// A JSON-like value of a field that a non-RDF format carried and the model does not map
/// (a CKAN `extras` entry, an unknown package key, an extra CSV column).
///
/// Numbers keep their lexical form and objects their key order, so writing them back gives
/// the same text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FieldValue {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, lexical form as read (`1.50`, `1e3`).
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<FieldValue>),
    /// An object, keys in their original order.
    Object(Vec<(String, FieldValue)>),
}

/// A named field the model does not map.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ExtraField {
    /// The field name as read.
    pub key: String,
    /// Its value.
    pub value: FieldValue,
}

/// What a reader found on a resource and the model does not map: RDF statements and
/// fields of other formats. Writers of the same format write them back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct Extras {
    /// Unmapped RDF statements about this resource, in reading order.
    pub statements: Vec<Statement>,
    /// Unmapped fields (CKAN, CSV), in reading order.
    pub fields: Vec<ExtraField>,
}

impl Extras {
    /// Whether nothing is kept.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.statements.is_empty() && self.fields.is_empty()
    }

    /// The value of an unmapped field, by exact key.
    #[must_use]
    pub fn field(&self, key: &str) -> Option<&FieldValue> {
        self.fields
            .iter()
            .find(|field| field.key == key)
            .map(|field| &field.value)
    }

    /// The objects of unmapped statements with this predicate.
    pub fn objects<'a>(&'a self, predicate: &'a str) -> impl Iterator<Item = &'a Term> + 'a {
        self.statements
            .iter()
            .filter(move |statement| statement.predicate.as_str() == predicate)
            .map(|statement| &statement.object)
    }
}

/// A non-empty string value (a checksum, a notation).
pub(crate) fn require_non_empty(value: &str, what: &str) -> Result<(), ModelError> {
    if value.trim().is_empty() {
        Err(ModelError::new(
            ModelErrorKind::EmptyValue,
            what,
            "the value must not be empty",
        ))
    } else {
        Ok(())
    }
}
