use std::borrow::Cow;
use std::fmt;

use crate::error::{ModelError, ModelErrorKind};

/// A well-formed BCP 47 language tag, kept as written (`fr`, `ar-MA`, `zgh-Tfng`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "String", into = "String")
)]
pub struct LanguageTag(Cow<'static, str>);

/// Tags common enough in the portal's catalogues to be shared rather than allocated for
/// each text (the tags of a catalogue are counted by the hundred thousand).
const COMMON_TAGS: [&str; 10] = ["ar", "ber", "de", "en", "es", "fr", "it", "nl", "pt", "zgh"];

impl LanguageTag {
    /// Validates a BCP 47 tag.
    ///
    /// # Errors
    ///
    /// [`ModelErrorKind::LanguageTag`] when the tag is not well-formed.
    ///
    /// ```
    /// use fihris_model::LanguageTag;
    /// assert_eq!(LanguageTag::new("ar-MA")?.primary_language(), "ar");
    /// assert!(LanguageTag::new("français").is_err());
    /// # Ok::<(), fihris_model::ModelError>(())
    /// ```
    pub fn new(tag: impl AsRef<str> + Into<String>) -> Result<Self, ModelError> {
        if let Some(common) = COMMON_TAGS.iter().find(|common| **common == tag.as_ref()) {
            return Ok(Self(Cow::Borrowed(common)));
        }
        let tag = tag.into();
        // A bare primary language (`fr`, `ar`, `ber`) is always BCP 47: most tags are.
        if (2..=3).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Ok(Self(Cow::Owned(tag)));
        }
        match oxilangtag::LanguageTag::parse(tag.as_str()) {
            Ok(_) => Ok(Self(Cow::Owned(tag))),
            Err(error) => Err(ModelError::new(
                ModelErrorKind::LanguageTag,
                tag.clone(),
                error.to_string(),
            )),
        }
    }

    /// Wraps a tag without validating it; the caller guarantees it is BCP 47 (a constant).
    #[must_use]
    pub fn new_unchecked(tag: impl Into<String>) -> Self {
        Self(Cow::Owned(tag.into()))
    }

    /// The tag as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag, lowercase (`ar` for `ar-MA`).
    #[must_use]
    pub fn primary_language(&self) -> String {
        self.0
            .split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    }

    /// Whether two tags denote the same language tag (BCP 47 tags compare case-insensitively).
    #[must_use]
    pub fn matches(&self, other: &str) -> bool {
        self.0.eq_ignore_ascii_case(other)
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for LanguageTag {
    type Error = ModelError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<LanguageTag> for String {
    fn from(value: LanguageTag) -> Self {
        value.0.into_owned()
    }
}

/// Free text in several languages: at most one value per language tag, plus at most one
/// untagged value (what real catalogues send when they do not say the language).
///
/// Iteration is in a stable order (untagged first, then tags in byte order), so writers that
/// walk a `Text` are deterministic.
///
/// ```
/// use fihris_model::Text;
/// let title = Text::new()
///     .with("fr", "Indice des prix à la consommation")?
///     .with("ar", "الرقم الاستدلالي للأثمان عند الاستهلاك")?;
/// assert_eq!(title.get("ar"), Some("الرقم الاستدلالي للأثمان عند الاستهلاك"));
/// assert_eq!(title.best(&["en", "fr"]), Some("Indice des prix à la consommation"));
/// # Ok::<(), fihris_model::ModelError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Text {
    /// One value per language, sorted by tag (untagged first). A vector, not a map: most
    /// texts hold one or two values, and a catalogue holds hundreds of thousands of texts.
    values: Vec<(Option<LanguageTag>, String)>,
}

impl Text {
    /// An empty text.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// A text with one untagged value.
    #[must_use]
    pub fn untagged(value: impl Into<String>) -> Self {
        Self {
            values: vec![(None, value.into())],
        }
    }

    /// Adds (or replaces) the value for `language`; `""` means untagged.
    ///
    /// # Errors
    ///
    /// [`ModelErrorKind::LanguageTag`] when `language` is not BCP 47.
    pub fn with(mut self, language: &str, value: impl Into<String>) -> Result<Self, ModelError> {
        let tag = if language.is_empty() {
            None
        } else {
            Some(LanguageTag::new(language)?)
        };
        self.insert(tag, value);
        Ok(self)
    }

    /// Sets the value for a language (`None`: untagged), returning the value it replaces.
    ///
    /// Tags that differ only in case are the same language: the stored tag keeps the spelling
    /// first given.
    pub fn insert(
        &mut self,
        language: Option<LanguageTag>,
        value: impl Into<String>,
    ) -> Option<String> {
        let known = self
            .values
            .iter()
            .position(|(known, _)| match (known, &language) {
                (Some(known), Some(tag)) => known.matches(tag.as_str()),
                (None, None) => true,
                _ => false,
            });
        let value = value.into();
        match known {
            Some(at) => Some(std::mem::replace(&mut self.values[at].1, value)),
            None => {
                let at = self.values.partition_point(|(known, _)| *known < language);
                // Most texts keep their first value alone.
                self.values.reserve_exact(1);
                self.values.insert(at, (language, value));
                None
            }
        }
    }

    /// The value for a language tag (case-insensitive); `""` asks for the untagged value.
    #[must_use]
    pub fn get(&self, language: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(tag, _)| match tag {
                Some(tag) => tag.matches(language),
                None => language.is_empty(),
            })
            .map(|(_, value)| value.as_str())
    }

    /// The first value found among `preferred` languages, else the untagged value, else any.
    #[must_use]
    pub fn best(&self, preferred: &[&str]) -> Option<&str> {
        preferred
            .iter()
            .find_map(|language| self.get(language))
            .or_else(|| self.get(""))
            .or_else(|| self.values.first().map(|(_, value)| value.as_str()))
    }

    /// Removes the value of a language (`None`: untagged).
    pub fn remove(&mut self, language: Option<&str>) -> Option<String> {
        let at = self
            .values
            .iter()
            .position(|(tag, _)| match (tag, language) {
                (Some(tag), Some(language)) => tag.matches(language),
                (None, None) => true,
                _ => false,
            })?;
        Some(self.values.remove(at).1)
    }

    /// `(language, value)` pairs in a stable order, untagged first.
    pub fn iter(&self) -> impl Iterator<Item = (Option<&LanguageTag>, &str)> {
        self.values
            .iter()
            .map(|(tag, value)| (tag.as_ref(), value.as_str()))
    }

    /// Number of values.
    #[must_use]
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether there is no value at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Whether some value holds more than whitespace.
    #[must_use]
    pub fn has_content(&self) -> bool {
        self.values
            .iter()
            .any(|(_, value)| !value.trim().is_empty())
    }

    pub(crate) fn require_content(&self, what: &str) -> Result<(), ModelError> {
        if self.has_content() {
            Ok(())
        } else {
            Err(ModelError::new(
                ModelErrorKind::EmptyText,
                what,
                "at least one non-blank value is required",
            ))
        }
    }
}

impl<'a> FromIterator<(Option<LanguageTag>, &'a str)> for Text {
    fn from_iter<I: IntoIterator<Item = (Option<LanguageTag>, &'a str)>>(iter: I) -> Self {
        let mut text = Self::new();
        for (tag, value) in iter {
            text.insert(tag, value);
        }
        text
    }
}

/// A serde snapshot is a map from language tag to value, `""` for the untagged value.
#[cfg(feature = "serde")]
mod serde_impl {
    use std::collections::BTreeMap;

    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{LanguageTag, Text};

    impl Serialize for Text {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_map(
                self.iter()
                    .map(|(tag, value)| (tag.map_or("", LanguageTag::as_str), value)),
            )
        }
    }

    impl<'de> Deserialize<'de> for Text {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let raw = BTreeMap::<String, String>::deserialize(deserializer)?;
            let mut text = Self::new();
            for (tag, value) in raw {
                let tag = if tag.is_empty() {
                    None
                } else {
                    Some(LanguageTag::new(tag).map_err(D::Error::custom)?)
                };
                if text.insert(tag, value).is_some() {
                    return Err(D::Error::custom("two values for one language tag"));
                }
            }
            Ok(text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_value_per_language_case_insensitive() {
        let mut text = Text::new().with("fr-MA", "a").unwrap();
        assert_eq!(
            text.insert(Some(LanguageTag::new("FR-ma").unwrap()), "b"),
            Some("a".to_owned())
        );
        assert_eq!(text.len(), 1);
        assert_eq!(text.iter().next().unwrap().0.unwrap().as_str(), "fr-MA");
        assert_eq!(text.get("fr-ma"), Some("b"));
    }

    #[test]
    fn untagged_is_its_own_slot() {
        let text = Text::untagged("x").with("ar", "س").unwrap();
        assert_eq!(text.get(""), Some("x"));
        assert_eq!(text.best(&["en"]), Some("x"));
        assert_eq!(text.iter().next().unwrap().0, None);
    }

    #[test]
    fn blank_text_has_no_content() {
        let text = Text::untagged("  \n");
        assert!(!text.has_content());
        assert_eq!(
            text.require_content("title").unwrap_err().kind(),
            ModelErrorKind::EmptyText
        );
    }

    #[test]
    fn bad_language_tag() {
        let error = Text::new().with("fr_FR", "x").unwrap_err();
        assert_eq!(error.kind(), ModelErrorKind::LanguageTag);
    }

    #[test]
    fn common_tags_are_shared_and_equal_to_owned_ones() {
        let shared = LanguageTag::new("fr").unwrap();
        assert_eq!(shared, LanguageTag::new_unchecked("fr"));
        assert_eq!(shared, LanguageTag::new(String::from("fr")).unwrap());
        assert_ne!(shared, LanguageTag::new("FR").unwrap());
        assert!(LanguageTag::new("FR").unwrap().matches("fr"));
    }

    #[test]
    fn bare_primary_languages_are_the_tags_the_full_parser_accepts() {
        for tag in ["fr", "AR", "ber", "e", "f1", "fr-", "abcd", "é"] {
            assert_eq!(
                LanguageTag::new(tag).is_ok(),
                oxilangtag::LanguageTag::parse(tag).is_ok(),
                "{tag}"
            );
        }
    }
}
