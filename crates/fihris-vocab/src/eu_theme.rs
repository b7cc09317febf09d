//! The EU data-theme authority table.

use crate::vocabulary::vocabulary_enum;

vocabulary_enum! {
    /// The 13 EU data themes (`dcat:theme`; DCAT-AP requires at least one from this scheme).
    ///
    /// English and French labels are the `skos:prefLabel`s of the EU table (version
    /// 2020-09-23). The table has no Arabic labels: the Arabic labels here are fihris'
    /// proposal, not verified (see [`EuTheme::label_ar_checked`]). The table's extra
    /// `OP_DATPRO` ("provisional data") code is not a theme and is left out.
    ///
    /// ```
    /// use fihris_vocab::{EuTheme, LabelLanguage, Vocabulary};
    /// assert_eq!(EuTheme::Heal.label(LabelLanguage::Fr), "Santé");
    /// assert_eq!(EuTheme::Heal.to_string(), "HEAL");
    /// ```
    EuTheme,
    scheme = "http://publications.europa.eu/resource/authority/data-theme",
    base = "http://publications.europa.eu/resource/authority/data-theme/",
    {
        Agri = "AGRI", en = "Agriculture, fisheries, forestry and food", fr = "Agriculture, pêche, sylviculture et alimentation", ar = "الفلاحة والصيد البحري والغابات والتغذية";
        Econ = "ECON", en = "Economy and finance", fr = "Économie et finances", ar = "الاقتصاد والمالية";
        Educ = "EDUC", en = "Education, culture and sport", fr = "Éducation, culture et sport", ar = "التعليم والثقافة والرياضة";
        Ener = "ENER", en = "Energy", fr = "Énergie", ar = "الطاقة";
        Envi = "ENVI", en = "Environment", fr = "Environnement", ar = "البيئة";
        Gove = "GOVE", en = "Government and public sector", fr = "Gouvernement et secteur public", ar = "الحكومة والقطاع العام";
        Heal = "HEAL", en = "Health", fr = "Santé", ar = "الصحة";
        Intr = "INTR", en = "International issues", fr = "Questions internationales", ar = "القضايا الدولية";
        Just = "JUST", en = "Justice, legal system and public safety", fr = "Justice, système juridique et sécurité publique", ar = "العدالة والنظام القانوني والأمن العام";
        Regi = "REGI", en = "Regions and cities", fr = "Régions et villes", ar = "الجهات والمدن";
        Soci = "SOCI", en = "Population and society", fr = "Population et société", ar = "السكان والمجتمع";
        Tech = "TECH", en = "Science and technology", fr = "Science et technologie", ar = "العلوم والتكنولوجيا";
        Tran = "TRAN", en = "Transport", fr = "Transports", ar = "النقل";
    }
}

impl EuTheme {
    /// Whether the Arabic label has been checked by a native speaker against an official
    /// source: always `false` (the EU table has no Arabic labels; ours are proposals).
    #[must_use]
    pub const fn label_ar_checked(self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{LabelLanguage, Vocabulary};

    #[test]
    fn codes_and_iris_round_trip() {
        assert_eq!(EuTheme::ALL.len(), 13);
        for &t in EuTheme::ALL {
            assert_eq!(EuTheme::from_iri(t.iri()), Some(t));
            assert_eq!(EuTheme::from_code(&t.code().to_lowercase()), Some(t));
            assert!(t.iri().starts_with(EuTheme::SCHEME));
            assert!(!t.label(LabelLanguage::Ar).is_empty());
        }
        assert_eq!(EuTheme::from_code("OP_DATPRO"), None);
    }
}
