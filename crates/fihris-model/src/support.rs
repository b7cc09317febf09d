//! The supporting classes of DCAT-AP: licences, rights, periods, locations, checksums,
//! identifiers and qualified relations.

use fihris_vocab::{Licence, Vocabulary};

use crate::error::{ModelError, ModelErrorKind};
use crate::iri::{Iri, NodeId};
use crate::temporal::Temporal;
use crate::term::{Extras, Literal, require_non_empty};
use crate::text::{LanguageTag, Text};

/// A licence (`dct:LicenseDocument`), named by IRI or described by a blank node.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct LicenseDocument {
    /// The licence IRI (or a blank node for a licence known only by its label).
    pub id: NodeId,
    /// `dct:type`, e.g. an ADMS licence type.
    pub licence_type: Option<Iri>,
    /// `rdfs:label` / `dct:title`.
    pub label: Text,
    /// Unmapped statements and fields.
    pub extra: Extras,
}

impl LicenseDocument {
    /// A licence known by IRI.
    #[must_use]
    pub fn new(id: NodeId) -> Self {
        Self {
            id,
            licence_type: None,
            label: Text::new(),
            extra: Extras::default(),
        }
    }

    /// The licence fihris knows this IRI to be (canonical or alternative IRI), if any.
    ///
    /// ```
    /// use fihris_model::{Iri, LicenseDocument, NodeId};
    /// use fihris_vocab::Licence;
    /// let licence = LicenseDocument::from(Licence::CcBy40);
    /// assert_eq!(licence.known(), Some(Licence::CcBy40));
    /// let other = LicenseDocument::new(NodeId::Iri(Iri::new("https://example.org/my-licence")?));
    /// assert_eq!(other.known(), None);
    /// # Ok::<(), fihris_model::ModelError>(())
    /// ```
    #[must_use]
    pub fn known(&self) -> Option<Licence> {
        self.id
            .as_iri()
            .and_then(|iri| Licence::from_iri(iri.as_str()))
    }
}

impl From<Licence> for LicenseDocument {
    fn from(licence: Licence) -> Self {
        let mut document = Self::new(NodeId::Iri(Iri::new_unchecked(licence.iri())));
        for (tag, language) in [
            ("fr", fihris_vocab::LabelLanguage::Fr),
            ("en", fihris_vocab::LabelLanguage::En),
        ] {
            document.label.insert(
                Some(LanguageTag::new_unchecked(tag)),
                licence.label(language),
            );
        }
        document
    }
}

/// A resource described by a label: `dct:RightsStatement`, `dct:ProvenanceStatement`,
/// `dct:Standard` (for `dct:conformsTo`) or `dct:LinguisticSystem`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct LabelledResource {
    /// IRI or blank node; `None` lets a writer mint a blank node.
    pub id: Option<NodeId>,
    /// `rdfs:label` (or `dct:title` for a standard).
    pub label: Text,
    /// Unmapped statements and fields.
    pub extra: Extras,
}

impl LabelledResource {
    /// A resource known by IRI only.
    #[must_use]
    pub fn identified(id: NodeId) -> Self {
        Self {
            id: Some(id),
            ..Self::default()
        }
    }

    /// A blank resource described by its label.
    #[must_use]
    pub fn labelled(label: Text) -> Self {
        Self {
            label,
            ..Self::default()
        }
    }
}

/// A time interval (`dct:PeriodOfTime`) with `dcat:startDate` / `dcat:endDate`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PeriodOfTime {
    /// IRI or blank node; `None` lets a writer mint a blank node.
    pub id: Option<NodeId>,
    /// `dcat:startDate`.
    pub start: Option<Temporal>,
    /// `dcat:endDate`.
    pub end: Option<Temporal>,
    /// Unmapped statements (e.g. `time:hasBeginning`) and fields.
    pub extra: Extras,
}

impl PeriodOfTime {
    /// A period with at least one bound.
    ///
    /// # Errors
    ///
    /// [`ModelErrorKind::Missing`] when both bounds are absent.
    ///
    /// ```
    /// use fihris_model::{PeriodOfTime, Temporal};
    /// let period = PeriodOfTime::new(Some(Temporal::parse("2014")?), None)?;
    /// assert!(PeriodOfTime::new(None, None).is_err());
    /// # let _ = period;
    /// # Ok::<(), fihris_model::ModelError>(())
    /// ```
    pub fn new(start: Option<Temporal>, end: Option<Temporal>) -> Result<Self, ModelError> {
        if start.is_none() && end.is_none() {
            return Err(ModelError::new(
                ModelErrorKind::Missing,
                "dcat:startDate",
                "a period needs a start or an end",
            ));
        }
        Ok(Self {
            id: None,
            start,
            end,
            extra: Extras::default(),
        })
    }
}

/// A place (`dct:Location`): a gazetteer IRI, or a described geometry.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Location {
    /// IRI (GeoNames, EU countries) or blank node; `None` lets a writer mint a blank node.
    pub id: Option<NodeId>,
    /// `skos:prefLabel`.
    pub name: Text,
    /// `locn:geometry` as given (WKT, GeoJSON or GML literal).
    pub geometry: Option<Literal>,
    /// `dcat:bbox`.
    pub bbox: Option<Literal>,
    /// `dcat:centroid`.
    pub centroid: Option<Literal>,
    /// Unmapped statements and fields.
    pub extra: Extras,
}

impl Location {
    /// A place known by IRI.
    #[must_use]
    pub fn identified(id: NodeId) -> Self {
        Self {
            id: Some(id),
            name: Text::new(),
            geometry: None,
            bbox: None,
            centroid: None,
            extra: Extras::default(),
        }
    }
}

/// A checksum (`spdx:Checksum`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Checksum {
    /// IRI or blank node; `None` lets a writer mint a blank node.
    pub id: Option<NodeId>,
    /// `spdx:algorithm`, e.g. `spdx:checksumAlgorithm_sha256`.
    pub algorithm: Iri,
    /// `spdx:checksumValue`, hexadecimal as given.
    pub value: String,
}

impl Checksum {
    /// A checksum.
    ///
    /// # Errors
    ///
    /// [`ModelErrorKind::EmptyValue`] when `value` is blank.
    pub fn new(algorithm: Iri, value: impl Into<String>) -> Result<Self, ModelError> {
        let value = value.into();
        require_non_empty(&value, "spdx:checksumValue")?;
        Ok(Self {
            id: None,
            algorithm,
            value,
        })
    }
}

/// A secondary identifier (`adms:Identifier`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Identifier {
    /// IRI or blank node; `None` lets a writer mint a blank node.
    pub id: Option<NodeId>,
    /// `skos:notation`, with its datatype if any.
    pub notation: Literal,
    /// `adms:schemaAgency` or `dct:creator` of the scheme, as given.
    pub scheme_agency: Option<String>,
    /// Unmapped statements and fields.
    pub extra: Extras,
}

impl Identifier {
    /// An identifier with a notation.
    ///
    /// # Errors
    ///
    /// [`ModelErrorKind::EmptyValue`] when the notation is blank.
    pub fn new(notation: Literal) -> Result<Self, ModelError> {
        require_non_empty(notation.value(), "skos:notation")?;
        Ok(Self {
            id: None,
            notation,
            scheme_agency: None,
            extra: Extras::default(),
        })
    }
}

/// A qualified relation (`dcat:Relationship`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Relationship {
    /// IRI or blank node; `None` lets a writer mint a blank node.
    pub id: Option<NodeId>,
    /// `dct:relation`: the related resource.
    pub relation: NodeId,
    /// `dcat:hadRole`.
    pub role: Iri,
    /// Unmapped statements and fields.
    pub extra: Extras,
}

impl Relationship {
    /// A relation with its role.
    #[must_use]
    pub fn new(relation: NodeId, role: Iri) -> Self {
        Self {
            id: None,
            relation,
            role,
            extra: Extras::default(),
        }
    }
}

/// A keyword (`dcat:keyword`), optionally language-tagged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Keyword {
    /// The language, if stated.
    pub language: Option<LanguageTag>,
    /// The keyword as written.
    pub value: String,
}

impl Keyword {
    /// A keyword; `language` `""` means untagged.
    ///
    /// # Errors
    ///
    /// [`ModelErrorKind::LanguageTag`] for a malformed tag, [`ModelErrorKind::EmptyValue`]
    /// for a blank keyword.
    pub fn new(language: &str, value: impl Into<String>) -> Result<Self, ModelError> {
        let value = value.into();
        require_non_empty(&value, "dcat:keyword")?;
        let language = if language.is_empty() {
            None
        } else {
            Some(LanguageTag::new(language)?)
        };
        Ok(Self { language, value })
    }
}
