//! The trait shared by every controlled vocabulary, and the language of labels.

use std::fmt::Debug;
use std::hash::Hash;

/// Language of a human label.
///
/// The EU authority tables carry no Arabic labels: every Arabic label in this crate is a
/// proposed rendering unless a `*_checked` method says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum LabelLanguage {
    /// French, the portal's main language.
    Fr,
    /// Arabic.
    Ar,
    /// English.
    En,
}

impl LabelLanguage {
    /// Every label language, in declaration order.
    pub const ALL: &'static [Self] = &[Self::Fr, Self::Ar, Self::En];

    /// BCP 47 tag of the language (`fr`, `ar`, `en`).
    ///
    /// ```
    /// use fihris_vocab::LabelLanguage;
    /// assert_eq!(LabelLanguage::Ar.bcp47(), "ar");
    /// ```
    #[must_use]
    pub const fn bcp47(self) -> &'static str {
        match self {
            Self::Fr => "fr",
            Self::Ar => "ar",
            Self::En => "en",
        }
    }

    /// Label language from a BCP 47 tag, by primary subtag, ASCII case-insensitive
    /// (`fr-MA` gives [`LabelLanguage::Fr`]).
    #[must_use]
    pub fn from_bcp47(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        Self::ALL
            .iter()
            .copied()
            .find(|l| l.bcp47().eq_ignore_ascii_case(primary))
    }
}

/// Shared behaviour of every controlled vocabulary enum.
///
/// ```
/// use fihris_vocab::{EuTheme, LabelLanguage, Vocabulary};
/// let theme = EuTheme::from_code("agri").ok_or("unknown theme")?;
/// assert_eq!(
///     theme.iri(),
///     "http://publications.europa.eu/resource/authority/data-theme/AGRI"
/// );
/// assert_eq!(EuTheme::from_iri(theme.iri()), Some(theme));
/// assert_eq!(theme.label(LabelLanguage::En), "Agriculture, fisheries, forestry and food");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Vocabulary: Copy + Eq + Hash + Debug + 'static {
    /// Every term, in a stable documented order.
    const ALL: &'static [Self];
    /// The concept scheme IRI (e.g. `http://publications.europa.eu/resource/authority/data-theme`).
    const SCHEME: &'static str;

    /// Canonical IRI of the term.
    fn iri(self) -> &'static str;

    /// Short code (EU authority code such as `AGRI`, `CSV`, `ANNUAL`; slug for portal themes).
    fn code(self) -> &'static str;

    /// Human label; falls back to French then English when a language has no label.
    fn label(self, language: LabelLanguage) -> &'static str;

    /// Term from its IRI: the exact canonical IRI, plus known alternative IRIs where the
    /// implementing type documents them. The default implementation scans [`Self::ALL`].
    fn from_iri(iri: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|t| t.iri() == iri)
    }

    /// Term from its code, ASCII case-insensitive (surrounding whitespace ignored).
    fn from_code(code: &str) -> Option<Self> {
        let code = code.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|t| t.code().eq_ignore_ascii_case(code))
    }
}

/// Defines a vocabulary enum whose terms are `<base><CODE>` IRIs, with labels and `Display`.
macro_rules! vocabulary_enum {
    (
        $(#[$meta:meta])*
        $name:ident, scheme = $scheme:literal, base = $base:literal $(, alternatives = $alt:path)?,
        { $( $variant:ident = $code:literal, en = $en:literal, fr = $fr:literal, ar = $ar:literal; )* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $(
                #[doc = concat!($en, " (`", $code, "`, <", $base, $code, ">).")]
                $variant,
            )*
        }

        impl $crate::Vocabulary for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),*];
            const SCHEME: &'static str = $scheme;

            fn iri(self) -> &'static str {
                match self {
                    $(Self::$variant => concat!($base, $code),)*
                }
            }

            fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code,)*
                }
            }

            fn from_iri(iri: &str) -> Option<Self> {
                let exact = Self::ALL.iter().copied().find(|t| $crate::Vocabulary::iri(*t) == iri);
                $(let exact = exact.or_else(|| $alt(iri));)?
                exact
            }

            fn label(self, language: $crate::LabelLanguage) -> &'static str {
                let (en, fr, ar): (&'static str, &'static str, &'static str) = match self {
                    $(Self::$variant => ($en, $fr, $ar),)*
                };
                $crate::vocabulary::pick_label(language, fr, ar, en)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::Vocabulary::code(*self))
            }
        }
    };
}

pub(crate) use vocabulary_enum;

/// Picks the label of `language`, falling back to French then English when it is empty.
pub(crate) fn pick_label(
    language: LabelLanguage,
    fr: &'static str,
    ar: &'static str,
    en: &'static str,
) -> &'static str {
    let wanted = match language {
        LabelLanguage::Fr => fr,
        LabelLanguage::Ar => ar,
        LabelLanguage::En => en,
    };
    if !wanted.is_empty() {
        wanted
    } else if !fr.is_empty() {
        fr
    } else {
        en
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_language_from_tag() {
        assert_eq!(LabelLanguage::from_bcp47("fr-MA"), Some(LabelLanguage::Fr));
        assert_eq!(LabelLanguage::from_bcp47("AR"), Some(LabelLanguage::Ar));
        assert_eq!(LabelLanguage::from_bcp47("zgh"), None);
    }

    #[test]
    fn label_falls_back() {
        assert_eq!(pick_label(LabelLanguage::Ar, "fr", "", "en"), "fr");
        assert_eq!(pick_label(LabelLanguage::Ar, "", "", "en"), "en");
        assert_eq!(pick_label(LabelLanguage::En, "fr", "ar", "en"), "en");
    }
}
