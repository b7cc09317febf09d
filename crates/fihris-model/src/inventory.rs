//! The national inventory facts a dataset carries besides DCAT-AP.
//!
//! Each code list is a small controlled vocabulary with IRIs under
//! `https://w3id.org/fihris/vocab/`, so that the RDF adapter can write them as concepts
//! (`dct:type` for the kind of data, `fihris:` properties for the rest).

use fihris_vocab::{LabelLanguage, Vocabulary};

/// Defines a code list: the enum, its [`Vocabulary`] impl and labels in French, Arabic and
/// English. Arabic labels are proposed renderings.
macro_rules! code_list {
    (
        $(#[$meta:meta])*
        $name:ident, $scheme:literal {
            $($(#[$vmeta:meta])* $variant:ident = $code:literal, $fr:literal, $ar:literal, $en:literal;)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl Vocabulary for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            const SCHEME: &'static str = concat!("https://w3id.org/fihris/vocab/", $scheme);

            fn iri(self) -> &'static str {
                match self {
                    $(Self::$variant => concat!("https://w3id.org/fihris/vocab/", $scheme, "/", $code),)+
                }
            }

            fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code,)+
                }
            }

            fn label(self, language: LabelLanguage) -> &'static str {
                match (self, language) {
                    $(
                        (Self::$variant, LabelLanguage::Ar) => $ar,
                        (Self::$variant, LabelLanguage::En) => $en,
                        (Self::$variant, _) => $fr,
                    )+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

code_list! {
    /// The kind of data a dataset holds.
    DataKind, "data-kind" {
        /// Survey or collection microdata.
        Survey = "survey", "Enquête ou collecte", "بحث أو تجميع", "Survey or collection";
        /// Statistics and indicators (aggregates).
        Statistics = "statistics", "Statistiques et indicateurs", "إحصائيات ومؤشرات", "Statistics and indicators";
        /// Locations of infrastructure and facilities.
        InfrastructureLocations = "infrastructure-locations", "Localisation d'infrastructures", "مواقع البنيات التحتية", "Infrastructure locations";
        /// Reference data (registers, nomenclatures, code lists).
        ReferenceData = "reference-data", "Données de référence", "بيانات مرجعية", "Reference data";
    }
}

code_list! {
    /// How the data is collected.
    CollectionMethod, "collection-method" {
        /// A sample survey.
        Survey = "survey", "Enquête", "بحث ميداني", "Survey";
        /// A census of the whole population.
        Census = "census", "Recensement", "إحصاء عام", "Census";
        /// Records kept by an administration while doing its work.
        AdministrativeRecords = "administrative-records", "Registres administratifs", "سجلات إدارية", "Administrative records";
        /// Sensors and automatic measurements.
        Sensors = "sensors", "Capteurs", "أجهزة استشعار", "Sensors";
        /// Field or aerial surveying, cartography.
        Surveying = "surveying", "Relevés topographiques", "مسح طوبوغرافي", "Surveying";
        /// Estimates and models.
        Estimation = "estimation", "Estimation", "تقدير", "Estimation";
        /// Another method, described elsewhere.
        Other = "other", "Autre", "أخرى", "Other";
    }
}

code_list! {
    /// How the published data is updated.
    UpdateMethod, "update-method" {
        /// Someone uploads each new version.
        Manual = "manual", "Manuelle", "يدوية", "Manual";
        /// An automated pipeline publishes it.
        Automated = "automated", "Automatisée", "آلية", "Automated";
        /// Partly automated.
        SemiAutomated = "semi-automated", "Semi-automatisée", "شبه آلية", "Semi-automated";
    }
}

code_list! {
    /// The finest territorial level the data is broken down to.
    DisaggregationLevel, "disaggregation-level" {
        /// The whole country.
        National = "national", "Nationale", "وطني", "National";
        /// The 12 regions.
        Regional = "regional", "Régionale", "جهوي", "Regional";
        /// Provinces and prefectures.
        Provincial = "provincial", "Provinciale", "إقليمي", "Provincial";
        /// Communes.
        Communal = "communal", "Communale", "جماعي", "Communal";
    }
}

code_list! {
    /// Where the dataset stands in the publication programme.
    PublicationStatus, "publication-status" {
        /// On the portal.
        Published = "published", "Publié", "منشور", "Published";
        /// Inventoried, publication planned.
        Planned = "planned", "Planifié", "مبرمج", "Planned";
        /// Inventoried, not publishable as open data (restricted access).
        Restricted = "restricted", "Restreint", "مقيد", "Restricted";
    }
}

/// Whether the dataset holds personal data (loi 09-08).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PersonalData {
    /// No personal data.
    None,
    /// Personal data made anonymous before publication.
    Anonymised {
        /// How (aggregation, suppression, generalisation, k-anonymity…), as declared.
        method: Option<String>,
    },
    /// Personal data present: not publishable as open data.
    Present,
}

impl PersonalData {
    /// The code of the declaration: `none`, `anonymised` or `present`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Anonymised { .. } => "anonymised",
            Self::Present => "present",
        }
    }

    /// The concept IRI of the declaration.
    #[must_use]
    pub fn iri(&self) -> &'static str {
        match self {
            Self::None => "https://w3id.org/fihris/vocab/personal-data/none",
            Self::Anonymised { .. } => "https://w3id.org/fihris/vocab/personal-data/anonymised",
            Self::Present => "https://w3id.org/fihris/vocab/personal-data/present",
        }
    }
}

/// The national inventory facts of a dataset. The responsible producer is the dataset's
/// publisher and the update frequency its `dct:accrualPeriodicity`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Inventory {
    /// Kind of data.
    pub kind_of_data: Option<DataKind>,
    /// Whether the frequency was inferred (from the title) rather than declared.
    pub frequency_inferred: bool,
    /// How the data is collected.
    pub collection_method: Option<CollectionMethod>,
    /// How it is updated.
    pub update_method: Option<UpdateMethod>,
    /// Levels the data is broken down to.
    pub disaggregation: Vec<DisaggregationLevel>,
    /// Published, planned or restricted.
    pub publication_status: Option<PublicationStatus>,
    /// Personal data declaration.
    pub personal_data: Option<PersonalData>,
}

impl Inventory {
    /// Whether no inventory fact is set.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_lists_round_trip_through_iris() {
        fn check<T: Vocabulary>() {
            for term in T::ALL {
                assert_eq!(T::from_iri(term.iri()), Some(*term));
                assert_eq!(T::from_code(term.code()), Some(*term));
                assert!(term.iri().starts_with(T::SCHEME));
                for language in [LabelLanguage::Fr, LabelLanguage::Ar, LabelLanguage::En] {
                    assert!(!term.label(language).is_empty());
                }
            }
        }
        check::<DataKind>();
        check::<CollectionMethod>();
        check::<UpdateMethod>();
        check::<DisaggregationLevel>();
        check::<PublicationStatus>();
    }

    #[test]
    fn arabic_labels_are_arabic() {
        assert_eq!(PublicationStatus::Planned.label(LabelLanguage::Ar), "مبرمج");
        assert_eq!(
            PublicationStatus::Planned.label(LabelLanguage::Fr),
            "Planifié"
        );
    }
}
