//! Languages of the EU language authority table used in Morocco.

use crate::vocabulary::vocabulary_enum;

vocabulary_enum! {
    /// A language of Moroccan catalogues (`dct:language`), as an EU language-table term.
    ///
    /// Codes are the EU table's (ISO 639-3 based, version 2022-09-28); the EU table has no
    /// English label for `ARY`, so labels here are fihris' own; Arabic labels are proposals.
    ///
    /// ```
    /// use fihris_vocab::{Language, Vocabulary};
    /// let french = Language::from_bcp47("fr-MA").ok_or("unknown language")?;
    /// assert_eq!(french.iri(), "http://publications.europa.eu/resource/authority/language/FRA");
    /// assert!(Language::Arabic.is_right_to_left());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Language,
    scheme = "http://publications.europa.eu/resource/authority/language",
    base = "http://publications.europa.eu/resource/authority/language/",
    {
        Arabic = "ARA", en = "Arabic", fr = "Arabe", ar = "العربية";
        MoroccanArabic = "ARY", en = "Moroccan Arabic", fr = "Arabe marocain", ar = "الدارجة المغربية";
        French = "FRA", en = "French", fr = "Français", ar = "الفرنسية";
        English = "ENG", en = "English", fr = "Anglais", ar = "الإنجليزية";
        StandardMoroccanTamazight = "ZGH", en = "Standard Moroccan Tamazight", fr = "Amazighe standard marocain", ar = "الأمازيغية المعيارية المغربية";
        Berber = "BER", en = "Berber languages", fr = "Langues berbères", ar = "اللغات الأمازيغية";
        Spanish = "SPA", en = "Spanish", fr = "Espagnol", ar = "الإسبانية";
    }
}

impl Language {
    /// BCP 47 language tag (`ar`, `ary`, `fr`, `en`, `zgh`, `ber`, `es`).
    #[must_use]
    pub const fn bcp47(self) -> &'static str {
        match self {
            Self::Arabic => "ar",
            Self::MoroccanArabic => "ary",
            Self::French => "fr",
            Self::English => "en",
            Self::StandardMoroccanTamazight => "zgh",
            Self::Berber => "ber",
            Self::Spanish => "es",
        }
    }

    /// Language from a BCP 47 tag by its primary subtag, ASCII case-insensitive: `fr-MA`
    /// gives French, `ar-Latn` Arabic. The ISO 639-2/3 codes (`ara`, `fra`, `fre`, `eng`,
    /// `spa`) are accepted too.
    ///
    /// ```
    /// use fihris_vocab::Language;
    /// assert_eq!(Language::from_bcp47("ZGH-Tfng"), Some(Language::StandardMoroccanTamazight));
    /// assert_eq!(Language::from_bcp47("de"), None);
    /// ```
    #[must_use]
    pub fn from_bcp47(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        let primary = primary.to_ascii_lowercase();
        Some(match primary.as_str() {
            "ar" | "ara" => Self::Arabic,
            "ary" => Self::MoroccanArabic,
            "fr" | "fra" | "fre" => Self::French,
            "en" | "eng" => Self::English,
            "zgh" => Self::StandardMoroccanTamazight,
            "ber" => Self::Berber,
            "es" | "spa" => Self::Spanish,
            _ => return None,
        })
    }

    /// Whether the language is usually written right to left (Arabic script). Tamazight is
    /// written in Tifinagh or Latin script, left to right. This is a property of the usual
    /// script, not of a tag's script subtag.
    #[must_use]
    pub const fn is_right_to_left(self) -> bool {
        matches!(self, Self::Arabic | Self::MoroccanArabic)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;

    #[test]
    fn tags_round_trip() {
        for &l in Language::ALL {
            assert_eq!(Language::from_bcp47(l.bcp47()), Some(l));
            assert_eq!(Language::from_iri(l.iri()), Some(l));
        }
        assert_eq!(Language::from_bcp47("ar-Latn"), Some(Language::Arabic));
        assert_eq!(Language::from_bcp47(""), None);
        assert!(!Language::StandardMoroccanTamazight.is_right_to_left());
    }
}
