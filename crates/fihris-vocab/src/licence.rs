//! Licences met on Moroccan and European open-data portals.

use crate::vocabulary::pick_label;
use crate::{LabelLanguage, Vocabulary};

/// A data licence (`dct:license`).
///
/// The canonical IRI is the EU licence authority-table IRI where the table (version
/// 2022-09-28) has the licence; note that the EU table codes ODbL 1.0 as `ODC_BL` and that
/// its `CC_BY` / `CC_BYSA` codes are deprecated in favour of `CC_BY_4_0` / `CC_BYSA_4_0`
/// (both are accepted on reading). Two licences are not in the table and get an identifier
/// minted by fihris (proposed, not registered anywhere):
/// [`Licence::PortalOdbl`] (`https://w3id.org/fihris/licence/ma-odbl`) and
/// [`Licence::NotSpecified`] (`https://w3id.org/fihris/licence/not-specified`).
///
/// [`Vocabulary::from_iri`] accepts, besides the canonical IRI, the SPDX IRIs
/// (`http://` or `https://spdx.org/licenses/<ID>`, with or without `.html`), the publishers'
/// URLs (opendatacommons.org, creativecommons.org, with or without `https`, `www.`, trailing
/// slash or `legalcode`) and the Etalab page.
///
/// ```
/// use fihris_vocab::{Licence, Vocabulary};
/// let licence = Licence::from_ckan_id("odc-odbl").ok_or("unknown licence")?;
/// assert_eq!(licence, Licence::Odbl10);
/// assert_eq!(licence.spdx_id(), Some("ODbL-1.0"));
/// assert!(licence.is_open() && licence.is_share_alike());
/// assert_eq!(
///     Licence::from_iri("https://opendatacommons.org/licenses/odbl/1-0/"),
///     Some(Licence::Odbl10)
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Licence {
    /// The Moroccan portal's licence, adapted from ODbL 1.0. It has no published
    /// identifier; the IRI is a fihris proposal. CKAN packages of the portal say
    /// `odc-odbl`, which reads as [`Licence::Odbl10`].
    PortalOdbl,
    /// Open Data Commons Open Database License 1.0 (SPDX `ODbL-1.0`).
    Odbl10,
    /// Creative Commons Attribution 4.0 International (SPDX `CC-BY-4.0`).
    CcBy40,
    /// Creative Commons Attribution-ShareAlike 4.0 International (SPDX `CC-BY-SA-4.0`).
    CcBySa40,
    /// Creative Commons Zero 1.0 Universal (SPDX `CC0-1.0`).
    Cc010,
    /// Open Data Commons Public Domain Dedication and License 1.0 (SPDX `PDDL-1.0`).
    Pddl10,
    /// Open Data Commons Attribution License 1.0 (SPDX `ODC-By-1.0`).
    OdcBy10,
    /// Licence Ouverte / Open Licence 2.0 of Etalab (SPDX `etalab-2.0`).
    Etalab20,
    /// No licence stated (CKAN `notspecified`): not open.
    NotSpecified,
}

struct LicenceInfo {
    iri: &'static str,
    code: &'static str,
    spdx: Option<&'static str>,
    ckan: &'static str,
    open: bool,
    attribution: bool,
    share_alike: bool,
    en: &'static str,
    fr: &'static str,
    ar: &'static str,
    /// Alternative IRIs, as keys: no scheme, no `www.`, no trailing `/`.
    alternatives: &'static [&'static str],
}

const EU: &str = "http://publications.europa.eu/resource/authority/licence/";

impl Licence {
    const fn info(self) -> LicenceInfo {
        match self {
            Self::PortalOdbl => LicenceInfo {
                iri: "https://w3id.org/fihris/licence/ma-odbl",
                code: "MA_ODBL",
                spdx: None,
                ckan: "ma-odbl",
                open: true,
                attribution: true,
                share_alike: true,
                en: "Open Database License of the Moroccan open data portal (adapted from ODbL 1.0)",
                fr: "Licence ouverte de bases de données du portail marocain (adaptée de l’ODbL 1.0)",
                ar: "رخصة قواعد البيانات المفتوحة للبوابة المغربية (مقتبسة من ODbL 1.0)",
                alternatives: &[],
            },
            Self::Odbl10 => LicenceInfo {
                iri: "http://publications.europa.eu/resource/authority/licence/ODC_BL",
                code: "ODC_BL",
                spdx: Some("ODbL-1.0"),
                ckan: "odc-odbl",
                open: true,
                attribution: true,
                share_alike: true,
                en: "Open Data Commons Open Database License v1.0",
                fr: "Licence ouverte de bases de données (ODbL) v1.0",
                ar: "رخصة قواعد البيانات المفتوحة (ODbL) الإصدار 1.0",
                alternatives: &[
                    "opendatacommons.org/licenses/odbl/1-0",
                    "opendatacommons.org/licenses/odbl/1.0",
                    "opendatacommons.org/licenses/odbl",
                    "opendatacommons.org/licenses/odbl/summary",
                    "opendefinition.org/licenses/odc-odbl",
                ],
            },
            Self::CcBy40 => LicenceInfo {
                iri: "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
                code: "CC_BY_4_0",
                spdx: Some("CC-BY-4.0"),
                ckan: "cc-by",
                open: true,
                attribution: true,
                share_alike: false,
                en: "Creative Commons Attribution 4.0 International",
                fr: "Creative Commons Attribution 4.0 International",
                ar: "المشاع الإبداعي نسب المصنف 4.0 دولي",
                alternatives: &[
                    "publications.europa.eu/resource/authority/licence/CC_BY",
                    "creativecommons.org/licenses/by/4.0",
                    "creativecommons.org/licenses/by/4.0/legalcode",
                    "creativecommons.org/licenses/by/4.0/deed.fr",
                    "creativecommons.org/licenses/by/4.0/deed.en",
                ],
            },
            Self::CcBySa40 => LicenceInfo {
                iri: "http://publications.europa.eu/resource/authority/licence/CC_BYSA_4_0",
                code: "CC_BYSA_4_0",
                spdx: Some("CC-BY-SA-4.0"),
                ckan: "cc-by-sa",
                open: true,
                attribution: true,
                share_alike: true,
                en: "Creative Commons Attribution-ShareAlike 4.0 International",
                fr: "Creative Commons Attribution - Partage dans les mêmes conditions 4.0 International",
                ar: "المشاع الإبداعي نسب المصنف - الترخيص بالمثل 4.0 دولي",
                alternatives: &[
                    "publications.europa.eu/resource/authority/licence/CC_BYSA",
                    "creativecommons.org/licenses/by-sa/4.0",
                    "creativecommons.org/licenses/by-sa/4.0/legalcode",
                ],
            },
            Self::Cc010 => LicenceInfo {
                iri: "http://publications.europa.eu/resource/authority/licence/CC0",
                code: "CC0",
                spdx: Some("CC0-1.0"),
                ckan: "cc-zero",
                open: true,
                attribution: false,
                share_alike: false,
                en: "Creative Commons CC0 1.0 Universal",
                fr: "Creative Commons CC0 1.0 Universel",
                ar: "المشاع الإبداعي CC0 1.0 عالمي",
                alternatives: &[
                    "creativecommons.org/publicdomain/zero/1.0",
                    "creativecommons.org/publicdomain/zero/1.0/legalcode",
                ],
            },
            Self::Pddl10 => LicenceInfo {
                iri: "http://publications.europa.eu/resource/authority/licence/ODC_PDDL",
                code: "ODC_PDDL",
                spdx: Some("PDDL-1.0"),
                ckan: "odc-pddl",
                open: true,
                attribution: false,
                share_alike: false,
                en: "Open Data Commons Public Domain Dedication and License 1.0",
                fr: "Open Data Commons Dédicace au domaine public et licence 1.0",
                ar: "إهداء الملك العام ورخصة أوبن داتا كومنز 1.0",
                alternatives: &[
                    "opendatacommons.org/licenses/pddl/1-0",
                    "opendatacommons.org/licenses/pddl/1.0",
                    "opendatacommons.org/licenses/pddl",
                    "opendefinition.org/licenses/odc-pddl",
                ],
            },
            Self::OdcBy10 => LicenceInfo {
                iri: "http://publications.europa.eu/resource/authority/licence/ODC_BY",
                code: "ODC_BY",
                spdx: Some("ODC-By-1.0"),
                ckan: "odc-by",
                open: true,
                attribution: true,
                share_alike: false,
                en: "Open Data Commons Attribution License v1.0",
                fr: "Licence Open Data Commons Attribution v1.0",
                ar: "رخصة أوبن داتا كومنز للنسب الإصدار 1.0",
                alternatives: &[
                    "opendatacommons.org/licenses/by/1-0",
                    "opendatacommons.org/licenses/by/1.0",
                    "opendatacommons.org/licenses/by",
                    "opendefinition.org/licenses/odc-by",
                ],
            },
            Self::Etalab20 => LicenceInfo {
                iri: "http://publications.europa.eu/resource/authority/licence/ETALAB_2_0",
                code: "ETALAB_2_0",
                spdx: Some("etalab-2.0"),
                ckan: "lov2",
                open: true,
                attribution: true,
                share_alike: false,
                en: "Etalab Open Licence V 2.0",
                fr: "Licence Ouverte Etalab V 2.0",
                ar: "الرخصة المفتوحة إيتالاب الإصدار 2.0",
                alternatives: &[
                    "etalab.gouv.fr/licence-ouverte-open-licence",
                    "etalab.gouv.fr/wp-content/uploads/2017/04/etalab-licence-ouverte-v2.0.pdf",
                ],
            },
            Self::NotSpecified => LicenceInfo {
                iri: "https://w3id.org/fihris/licence/not-specified",
                code: "NOT_SPECIFIED",
                spdx: None,
                ckan: "notspecified",
                open: false,
                attribution: false,
                share_alike: false,
                en: "Licence not specified",
                fr: "Licence non spécifiée",
                ar: "رخصة غير محددة",
                alternatives: &["opendefinition.org/licenses/not-specified"],
            },
        }
    }

    /// SPDX licence identifier, if SPDX lists the licence.
    #[must_use]
    pub const fn spdx_id(self) -> Option<&'static str> {
        self.info().spdx
    }

    /// CKAN `license_id` (the ids of CKAN's default licence list: `odc-odbl`, `cc-by`,
    /// `cc-by-sa`, `cc-zero`, `odc-pddl`, `odc-by`, `notspecified`; `lov2` as udata names
    /// Etalab 2.0; `ma-odbl`, a fihris id, for the portal's own licence).
    #[must_use]
    pub const fn ckan_id(self) -> &'static str {
        self.info().ckan
    }

    /// Licence from a CKAN `license_id`, ASCII case-insensitive. Also accepts the SPDX id
    /// and `etalab-2.0` / `fr-lo-2.0`.
    ///
    /// ```
    /// use fihris_vocab::Licence;
    /// assert_eq!(Licence::from_ckan_id("cc-by"), Some(Licence::CcBy40));
    /// assert_eq!(Licence::from_ckan_id("other-closed"), None);
    /// ```
    #[must_use]
    pub fn from_ckan_id(id: &str) -> Option<Self> {
        let id = id.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|l| l.ckan_id().eq_ignore_ascii_case(id))
            .or_else(|| Self::from_spdx_id(id))
            .or_else(|| {
                ["etalab-2.0", "fr-lo-2.0"]
                    .iter()
                    .any(|alias| alias.eq_ignore_ascii_case(id))
                    .then_some(Self::Etalab20)
            })
    }

    /// Licence from an SPDX identifier, ASCII case-insensitive.
    #[must_use]
    pub fn from_spdx_id(id: &str) -> Option<Self> {
        let id = id.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|l| l.spdx_id().is_some_and(|s| s.eq_ignore_ascii_case(id)))
    }

    /// Whether the licence conforms to the Open Definition (`NotSpecified` does not).
    #[must_use]
    pub const fn is_open(self) -> bool {
        self.info().open
    }

    /// Whether reusers must credit the source.
    #[must_use]
    pub const fn requires_attribution(self) -> bool {
        self.info().attribution
    }

    /// Whether derived works must be shared under the same licence.
    #[must_use]
    pub const fn is_share_alike(self) -> bool {
        self.info().share_alike
    }

    /// Whether [`Vocabulary::iri`] is an EU licence-table IRI (`false` for the two IRIs
    /// minted by fihris).
    #[must_use]
    pub fn has_eu_iri(self) -> bool {
        self.info().iri.starts_with(EU)
    }
}

/// Comparison key of a licence IRI: no scheme, no `www.`, no trailing `/`, lowercase.
fn iri_key(iri: &str) -> String {
    let iri = iri.trim();
    let rest = iri.split_once("://").map_or(iri, |(_, rest)| rest);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    rest.trim_end_matches('/').to_ascii_lowercase()
}

impl Vocabulary for Licence {
    const ALL: &'static [Self] = &[
        Self::PortalOdbl,
        Self::Odbl10,
        Self::CcBy40,
        Self::CcBySa40,
        Self::Cc010,
        Self::Pddl10,
        Self::OdcBy10,
        Self::Etalab20,
        Self::NotSpecified,
    ];
    const SCHEME: &'static str = "http://publications.europa.eu/resource/authority/licence";

    fn iri(self) -> &'static str {
        self.info().iri
    }

    /// EU licence-table code (`ODC_BL`, `CC_BY_4_0`, …); `MA_ODBL` and `NOT_SPECIFIED`
    /// for the licences the table lacks.
    fn code(self) -> &'static str {
        self.info().code
    }

    fn label(self, language: LabelLanguage) -> &'static str {
        let info = self.info();
        pick_label(language, info.fr, info.ar, info.en)
    }

    fn from_iri(iri: &str) -> Option<Self> {
        if let Some(l) = Self::ALL.iter().copied().find(|l| l.iri() == iri) {
            return Some(l);
        }
        let wanted = iri_key(iri);
        if let Some(spdx) = wanted.strip_prefix("spdx.org/licenses/") {
            return Self::from_spdx_id(spdx.strip_suffix(".html").unwrap_or(spdx));
        }
        Self::ALL.iter().copied().find(|l| {
            let info = l.info();
            iri_key(info.iri) == wanted || info.alternatives.iter().any(|a| iri_key(a) == wanted)
        })
    }
}

impl std::fmt::Display for Licence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for &l in Licence::ALL {
            assert_eq!(Licence::from_iri(l.iri()), Some(l));
            assert_eq!(Licence::from_ckan_id(l.ckan_id()), Some(l));
            assert_eq!(Licence::from_code(l.code()), Some(l));
            if let Some(spdx) = l.spdx_id() {
                assert_eq!(Licence::from_spdx_id(spdx), Some(l));
                for scheme in ["http", "https"] {
                    let iri = format!("{scheme}://spdx.org/licenses/{spdx}");
                    assert_eq!(Licence::from_iri(&iri), Some(l));
                }
            }
            for alt in l.info().alternatives {
                assert_eq!(Licence::from_iri(&format!("https://{alt}/")), Some(l));
                assert_eq!(Licence::from_iri(&format!("http://{alt}")), Some(l));
            }
        }
    }

    #[test]
    fn alternatives() {
        for (iri, expected) in [
            (
                "http://opendatacommons.org/licenses/odbl/1-0/",
                Licence::Odbl10,
            ),
            (
                "https://opendatacommons.org/licenses/odbl/1-0",
                Licence::Odbl10,
            ),
            (
                "http://opendatacommons.org/licenses/odbl/1.0/",
                Licence::Odbl10,
            ),
            (
                "https://creativecommons.org/licenses/by/4.0/",
                Licence::CcBy40,
            ),
            (
                "https://creativecommons.org/licenses/by/4.0",
                Licence::CcBy40,
            ),
            (
                "https://creativecommons.org/licenses/by/4.0/legalcode",
                Licence::CcBy40,
            ),
            (
                "http://publications.europa.eu/resource/authority/licence/CC_BY",
                Licence::CcBy40,
            ),
            (
                "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
                Licence::Etalab20,
            ),
            ("https://spdx.org/licenses/CC0-1.0.html", Licence::Cc010),
        ] {
            assert_eq!(Licence::from_iri(iri), Some(expected), "{iri}");
        }
        assert_eq!(Licence::from_iri("https://example.org/licence"), None);
        assert_eq!(Licence::from_iri("https://spdx.org/licenses/MIT"), None);
    }

    #[test]
    fn properties() {
        assert!(!Licence::NotSpecified.is_open());
        assert!(Licence::PortalOdbl.is_open());
        assert!(!Licence::Cc010.requires_attribution());
        assert!(Licence::CcBySa40.is_share_alike());
        assert!(!Licence::PortalOdbl.has_eu_iri());
        assert!(Licence::Odbl10.has_eu_iri());
        assert_eq!(Licence::from_ckan_id("etalab-2.0"), Some(Licence::Etalab20));
    }
}
