//! The themes of Morocco's national open data portal.

use crate::text::words;
use crate::vocabulary::pick_label;
use crate::{EuTheme, LabelLanguage, Vocabulary};

macro_rules! portal_themes {
    (
        $(
            $variant:ident = $slug:literal, confirmed = $confirmed:literal, fr = $fr:literal,
            en = $en:literal, ar = $ar:literal, ar_checked = $ar_checked:literal,
            primary = $primary:expr, secondary = $secondary:expr;
        )*
    ) => {
        /// The 19 themes (CKAN groups) of Morocco's national open data portal, in the
        /// order of the portal referential (`themes.csv`).
        ///
        /// The portal publishes no identifiers for its themes, so the IRIs
        /// (`https://w3id.org/fihris/ma/theme/<slug>`) and the scheme are minted by fihris.
        /// Some slugs are guesses ([`PortalTheme::slug_confirmed`]); Arabic labels are
        /// proposals ([`PortalTheme::label_ar_checked`]); the EU data-theme mapping is a
        /// proposal of the referential.
        ///
        /// ```
        /// use fihris_vocab::{EuTheme, LabelLanguage, PortalTheme, Vocabulary};
        /// let theme = PortalTheme::from_label("IT et Télécoms").ok_or("unknown theme")?;
        /// assert_eq!(theme, PortalTheme::ItTelecoms);
        /// assert_eq!(theme.slug(), "it-telecoms");
        /// assert_eq!(theme.label(LabelLanguage::Fr), "IT & télécoms");
        /// assert_eq!(theme.eu_primary(), EuTheme::Tech);
        /// assert_eq!(theme.iri(), "https://w3id.org/fihris/ma/theme/it-telecoms");
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum PortalTheme {
            $(
                #[doc = concat!($fr, " (`", $slug, "`).")]
                $variant,
            )*
        }

        impl Vocabulary for PortalTheme {
            const ALL: &'static [Self] = &[$(Self::$variant),*];
            const SCHEME: &'static str = "https://w3id.org/fihris/ma/theme";

            fn iri(self) -> &'static str {
                match self {
                    $(Self::$variant => concat!("https://w3id.org/fihris/ma/theme/", $slug),)*
                }
            }

            /// The slug, as [`PortalTheme::slug`].
            fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $slug,)*
                }
            }

            fn label(self, language: LabelLanguage) -> &'static str {
                let (fr, en, ar): (&'static str, &'static str, &'static str) = match self {
                    $(Self::$variant => ($fr, $en, $ar),)*
                };
                pick_label(language, fr, ar, en)
            }
        }

        impl PortalTheme {
            /// Whether the slug was seen on the portal (`false`: the slug pattern is a guess).
            #[must_use]
            pub const fn slug_confirmed(self) -> bool {
                match self {
                    $(Self::$variant => $confirmed,)*
                }
            }

            /// Whether the Arabic label was checked (`false`: proposed rendering).
            #[must_use]
            pub const fn label_ar_checked(self) -> bool {
                match self {
                    $(Self::$variant => $ar_checked,)*
                }
            }

            /// The EU data theme the portal theme maps to first.
            #[must_use]
            pub const fn eu_primary(self) -> EuTheme {
                match self {
                    $(Self::$variant => $primary,)*
                }
            }

            /// A second EU data theme, where the portal theme spans two.
            #[must_use]
            pub const fn eu_secondary(self) -> Option<EuTheme> {
                match self {
                    $(Self::$variant => $secondary,)*
                }
            }
        }
    };
}

portal_themes! {
    Agriculture = "agriculture", confirmed = true, fr = "Agriculture", en = "Agriculture", ar = "الفلاحة", ar_checked = false, primary = EuTheme::Agri, secondary = Some(EuTheme::Envi);
    Assurance = "assurance", confirmed = false, fr = "Assurance", en = "Insurance", ar = "التأمين", ar_checked = false, primary = EuTheme::Econ, secondary = Some(EuTheme::Soci);
    Cartographie = "cartographie", confirmed = true, fr = "Cartographie", en = "Mapping", ar = "الخرائطية", ar_checked = false, primary = EuTheme::Regi, secondary = Some(EuTheme::Envi);
    Culture = "culture", confirmed = false, fr = "Culture", en = "Culture", ar = "الثقافة", ar_checked = false, primary = EuTheme::Educ, secondary = None;
    Finance = "finance", confirmed = true, fr = "Économie et finance", en = "Economy and finance", ar = "الاقتصاد والمالية", ar_checked = false, primary = EuTheme::Econ, secondary = Some(EuTheme::Gove);
    Education = "education", confirmed = true, fr = "Éducation", en = "Education", ar = "التربية والتعليم", ar_checked = false, primary = EuTheme::Educ, secondary = None;
    Emploi = "emploi", confirmed = true, fr = "Emploi", en = "Employment", ar = "التشغيل", ar_checked = false, primary = EuTheme::Econ, secondary = Some(EuTheme::Soci);
    Equipement = "equipement", confirmed = false, fr = "Équipement", en = "Infrastructure", ar = "التجهيز", ar_checked = false, primary = EuTheme::Tran, secondary = Some(EuTheme::Envi);
    Habitat = "habitat", confirmed = true, fr = "Habitat et urbanisme", en = "Housing and urban planning", ar = "السكنى والتعمير", ar_checked = false, primary = EuTheme::Regi, secondary = Some(EuTheme::Econ);
    ItTelecoms = "it-telecoms", confirmed = false, fr = "IT & télécoms", en = "IT and telecommunications", ar = "تكنولوجيا المعلومات والاتصالات", ar_checked = false, primary = EuTheme::Tech, secondary = Some(EuTheme::Econ);
    Justice = "justice", confirmed = false, fr = "Justice", en = "Justice", ar = "العدل", ar_checked = false, primary = EuTheme::Just, secondary = None;
    Media = "media", confirmed = false, fr = "Média", en = "Media", ar = "الإعلام", ar_checked = false, primary = EuTheme::Educ, secondary = Some(EuTheme::Soci);
    Normalisation = "normalisation", confirmed = false, fr = "Normalisation", en = "Standardisation", ar = "التقييس", ar_checked = false, primary = EuTheme::Tech, secondary = Some(EuTheme::Econ);
    PecheMaritime = "peche-maritime", confirmed = false, fr = "Pêche maritime", en = "Sea fisheries", ar = "الصيد البحري", ar_checked = false, primary = EuTheme::Agri, secondary = Some(EuTheme::Econ);
    RechercheDeveloppement = "recherche-developpement", confirmed = false, fr = "Recherche et développement", en = "Research and development", ar = "البحث والتطوير", ar_checked = false, primary = EuTheme::Tech, secondary = Some(EuTheme::Educ);
    Sante = "sante", confirmed = true, fr = "Santé", en = "Health", ar = "الصحة", ar_checked = false, primary = EuTheme::Heal, secondary = Some(EuTheme::Soci);
    Societe = "societe", confirmed = false, fr = "Société", en = "Society", ar = "المجتمع", ar_checked = false, primary = EuTheme::Soci, secondary = None;
    Tourisme = "tourisme", confirmed = false, fr = "Tourisme", en = "Tourism", ar = "السياحة", ar_checked = false, primary = EuTheme::Econ, secondary = Some(EuTheme::Regi);
    Transparence = "transparence", confirmed = false, fr = "Transparence", en = "Transparency", ar = "الشفافية", ar_checked = false, primary = EuTheme::Gove, secondary = Some(EuTheme::Just);
}

impl PortalTheme {
    /// The CKAN group slug (same as [`Vocabulary::code`]).
    #[must_use]
    pub fn slug(self) -> &'static str {
        self.code()
    }

    /// The EU data themes of this portal theme: the primary, then the secondary if any.
    pub fn eu_themes(self) -> impl Iterator<Item = EuTheme> {
        std::iter::once(self.eu_primary()).chain(self.eu_secondary())
    }

    /// Theme from its slug, ASCII case-insensitive.
    #[must_use]
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::from_code(slug)
    }

    /// Theme from a label: the French label, the slug or the English label, ignoring case,
    /// accents, punctuation and `&` / `et` / `and`.
    ///
    /// ```
    /// use fihris_vocab::PortalTheme;
    /// assert_eq!(PortalTheme::from_label("economie et finance"), Some(PortalTheme::Finance));
    /// assert_eq!(PortalTheme::from_label("Sea fisheries"), Some(PortalTheme::PecheMaritime));
    /// assert_eq!(PortalTheme::from_label("Sport"), None);
    /// ```
    #[must_use]
    pub fn from_label(label: &str) -> Option<Self> {
        let wanted = label_key(label);
        if wanted.is_empty() {
            return None;
        }
        Self::ALL.iter().copied().find(|t| {
            [
                t.slug(),
                t.label(LabelLanguage::Fr),
                t.label(LabelLanguage::En),
            ]
            .iter()
            .any(|l| label_key(l) == wanted)
        })
    }
}

/// Folded words without the conjunctions `et` / `and` (`&` is dropped as punctuation).
fn label_key(label: &str) -> String {
    words(label)
        .into_iter()
        .filter(|w| w != "et" && w != "and")
        .collect::<Vec<_>>()
        .join(" ")
}

impl std::fmt::Display for PortalTheme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nineteen_themes() {
        assert_eq!(PortalTheme::ALL.len(), 19);
        for &t in PortalTheme::ALL {
            assert_eq!(PortalTheme::from_slug(t.slug()), Some(t));
            assert_eq!(PortalTheme::from_iri(t.iri()), Some(t));
            assert_eq!(PortalTheme::from_label(t.label(LabelLanguage::Fr)), Some(t));
            assert_eq!(PortalTheme::from_label(t.label(LabelLanguage::En)), Some(t));
            assert_eq!(PortalTheme::from_label(&t.slug().to_uppercase()), Some(t));
            assert!(t.eu_themes().count() >= 1);
        }
    }

    #[test]
    fn lenient_labels() {
        assert_eq!(PortalTheme::from_label("Sante"), Some(PortalTheme::Sante));
        assert_eq!(
            PortalTheme::from_label("it-telecoms"),
            Some(PortalTheme::ItTelecoms)
        );
        assert_eq!(
            PortalTheme::from_label("IT and telecommunications"),
            Some(PortalTheme::ItTelecoms)
        );
        assert_eq!(
            PortalTheme::from_label("HABITAT & URBANISME"),
            Some(PortalTheme::Habitat)
        );
        assert_eq!(PortalTheme::from_label(" & "), None);
    }
}
