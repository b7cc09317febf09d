use std::fmt;

use fihris_vocab::Vocabulary;

use crate::iri::Iri;

/// A value from a controlled vocabulary: a term fihris knows, or any other IRI kept as given.
///
/// Catalogues use vocabularies fihris does not embed (a national frequency list, a newer EU
/// file type): those stay [`Concept::Other`] and are written back unchanged.
///
/// ```
/// use fihris_model::{Concept, Iri};
/// use fihris_vocab::FileType;
/// let format = Concept::<FileType>::from_iri(Iri::new(
///     "http://publications.europa.eu/resource/authority/file-type/CSV",
/// )?);
/// assert_eq!(format.known(), Some(FileType::Csv));
/// # Ok::<(), fihris_model::ModelError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Concept<T> {
    /// A term of the embedded vocabulary.
    Known(T),
    /// Any other concept, by IRI.
    Other(Iri),
}

impl<T: Vocabulary> Concept<T> {
    /// The known term when the IRI is one of the vocabulary's, else [`Concept::Other`].
    #[must_use]
    pub fn from_iri(iri: Iri) -> Self {
        match T::from_iri(iri.as_str()) {
            Some(term) => Self::Known(term),
            None => Self::Other(iri),
        }
    }

    /// The IRI of the concept.
    #[must_use]
    pub fn iri(&self) -> &str {
        match self {
            Self::Known(term) => term.iri(),
            Self::Other(iri) => iri.as_str(),
        }
    }

    /// The embedded term, if known.
    #[must_use]
    pub fn known(&self) -> Option<T> {
        match self {
            Self::Known(term) => Some(*term),
            Self::Other(_) => None,
        }
    }
}

impl<T> From<T> for Concept<T> {
    fn from(term: T) -> Self {
        Self::Known(term)
    }
}

impl<T: Vocabulary> fmt::Display for Concept<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.iri())
    }
}

/// A concept is snapshotted as its IRI: the known term is found again on reading.
#[cfg(feature = "serde")]
mod serde_impl {
    use fihris_vocab::Vocabulary;
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::Concept;
    use crate::iri::Iri;

    impl<T: Vocabulary> Serialize for Concept<T> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.iri())
        }
    }

    impl<'de, T: Vocabulary> Deserialize<'de> for Concept<T> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let iri = Iri::new(String::deserialize(deserializer)?).map_err(D::Error::custom)?;
            Ok(Self::from_iri(iri))
        }
    }
}

/// Serde for a list of embedded vocabulary terms, snapshotted as their IRIs.
#[cfg(feature = "serde")]
pub(crate) mod term_iris {
    use fihris_vocab::Vocabulary;
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer, T: Vocabulary>(
        terms: &[T],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(terms.iter().map(|term| term.iri()))
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>, T: Vocabulary>(
        deserializer: D,
    ) -> Result<Vec<T>, D::Error> {
        Vec::<String>::deserialize(deserializer)?
            .into_iter()
            .map(|iri| {
                T::from_iri(&iri).ok_or_else(|| D::Error::custom(format!("unknown term {iri:?}")))
            })
            .collect()
    }
}
