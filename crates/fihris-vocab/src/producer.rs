//! The producers (CKAN organisations) of Morocco's national open data portal.

use crate::text::key;

/// Kind of a producer, as the portal referential classifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ProducerKind {
    /// Public agency or institute (`agency`).
    Agency,
    /// Regulatory authority (`regulator`).
    Regulator,
    /// Central bank (`central-bank`).
    CentralBank,
    /// Public enterprise or fund (`public-enterprise`).
    PublicEnterprise,
    /// Chamber of commerce (`chamber`).
    Chamber,
    /// Commune (`commune`).
    Commune,
    /// Ministry or ministry department (`ministry`).
    Ministry,
    /// National statistics office (`statistics-office`).
    StatisticsOffice,
    /// Constitutional body (`constitutional-body`).
    ConstitutionalBody,
    /// Local government in general (`local-government`).
    LocalGovernment,
    /// Parliament (`parliament`).
    Parliament,
    /// Region (`region`).
    Region,
}

impl ProducerKind {
    /// Every kind, in declaration order.
    pub const ALL: &'static [Self] = &[
        Self::Agency,
        Self::Regulator,
        Self::CentralBank,
        Self::PublicEnterprise,
        Self::Chamber,
        Self::Commune,
        Self::Ministry,
        Self::StatisticsOffice,
        Self::ConstitutionalBody,
        Self::LocalGovernment,
        Self::Parliament,
        Self::Region,
    ];

    /// The kind as the referential CSV writes it (`central-bank`, …).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Agency => "agency",
            Self::Regulator => "regulator",
            Self::CentralBank => "central-bank",
            Self::PublicEnterprise => "public-enterprise",
            Self::Chamber => "chamber",
            Self::Commune => "commune",
            Self::Ministry => "ministry",
            Self::StatisticsOffice => "statistics-office",
            Self::ConstitutionalBody => "constitutional-body",
            Self::LocalGovernment => "local-government",
            Self::Parliament => "parliament",
            Self::Region => "region",
        }
    }

    /// Kind from its CSV string, ASCII case-insensitive.
    ///
    /// ```
    /// use fihris_vocab::ProducerKind;
    /// assert_eq!(ProducerKind::parse("central-bank"), Some(ProducerKind::CentralBank));
    /// ```
    #[must_use]
    pub fn parse(kind: &str) -> Option<Self> {
        let kind = kind.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|k| k.as_str().eq_ignore_ascii_case(kind))
    }
}

impl std::fmt::Display for ProducerKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An organisation publishing on Morocco's national open data portal (2026).
///
/// Values are those of the portal referential, byte-exact: CKAN slugs are often older
/// than today's names and must not be "fixed". `name_ar_checked` tells a confirmed
/// Arabic name from a proposed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Producer {
    /// Short code: the portal's own acronym where it uses one, else a local code.
    pub code: &'static str,
    /// CKAN organisation slug.
    pub ckan_slug: &'static str,
    /// Full French name.
    pub name_fr: &'static str,
    /// Arabic name.
    pub name_ar: &'static str,
    /// Whether the Arabic name was confirmed (`false`: proposed rendering).
    pub name_ar_checked: bool,
    /// Kind of organisation.
    pub kind: ProducerKind,
    /// Number of datasets the producer had on the portal in 2026.
    pub datasets_2026: u32,
}

impl Producer {
    /// IRI minted by fihris for the producer (the portal publishes none):
    /// `https://w3id.org/fihris/ma/producer/<code>`.
    ///
    /// ```
    /// use fihris_vocab::Producer;
    /// let hcp = Producer::by_code("HCP").ok_or("unknown producer")?;
    /// assert_eq!(hcp.iri(), "https://w3id.org/fihris/ma/producer/HCP");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn iri(&self) -> String {
        format!("{}{}", Self::IRI_BASE, self.code)
    }

    /// What [`Producer::iri`] puts before the code.
    pub const IRI_BASE: &'static str = "https://w3id.org/fihris/ma/producer/";

    /// Producer from the IRI [`Producer::iri`] gives it (exactly that IRI).
    ///
    /// ```
    /// use fihris_vocab::Producer;
    /// let hcp = Producer::from_iri("https://w3id.org/fihris/ma/producer/HCP");
    /// assert_eq!(hcp.map(|p| p.code), Some("HCP"));
    /// assert!(Producer::from_iri("https://w3id.org/fihris/ma/producer/hcp").is_none());
    /// ```
    #[must_use]
    pub fn from_iri(iri: &str) -> Option<&'static Self> {
        let code = iri.strip_prefix(Self::IRI_BASE)?;
        PRODUCERS.iter().find(|p| p.code == code)
    }

    /// Producer from its code, ASCII case-insensitive.
    #[must_use]
    pub fn by_code(code: &str) -> Option<&'static Self> {
        let code = code.trim();
        PRODUCERS.iter().find(|p| p.code.eq_ignore_ascii_case(code))
    }

    /// Producer from its CKAN slug (exact, as CKAN slugs are lowercase).
    #[must_use]
    pub fn by_slug(slug: &str) -> Option<&'static Self> {
        let slug = slug.trim();
        PRODUCERS.iter().find(|p| p.ckan_slug == slug)
    }

    /// Producer from a name as people write it: slug, code, French or Arabic name,
    /// ignoring case, accents, apostrophes, hyphens and punctuation.
    ///
    /// ```
    /// use fihris_vocab::Producer;
    /// let found = Producer::find("haut commissariat au plan").ok_or("not found")?;
    /// assert_eq!(found.code, "HCP");
    /// assert_eq!(Producer::find("Commune d’Ait Melloul").map(|p| p.code), Some("CAM"));
    /// assert_eq!(Producer::find("بنك المغرب").map(|p| p.code), Some("BAM"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn find(name: &str) -> Option<&'static Self> {
        let wanted = key(name);
        if wanted.is_empty() {
            return None;
        }
        PRODUCERS.iter().find(|p| {
            [p.ckan_slug, p.code, p.name_fr, p.name_ar]
                .iter()
                .any(|n| key(n) == wanted)
        })
    }
}

/// The 47 producers of the portal referential (`producers.csv`), in its order.
pub static PRODUCERS: &[Producer] = &[
    Producer {
        code: "ADD",
        ckan_slug: "agence-de-developpement-du-digital",
        name_fr: "Agence de Développement du Digital",
        name_ar: "وكالة التنمية الرقمية",
        name_ar_checked: true,
        kind: ProducerKind::Agency,
        datasets_2026: 7,
    },
    Producer {
        code: "ABHSM",
        ckan_slug: "agence-du-bassin-hydraulique-de-souss-massa",
        name_fr: "Agence du Bassin Hydraulique de Souss-Massa",
        name_ar: "وكالة الحوض المائي لسوس ماسة",
        name_ar_checked: true,
        kind: ProducerKind::Agency,
        datasets_2026: 7,
    },
    Producer {
        code: "AUSY",
        ckan_slug: "agence-urbaine-safi-youssoufia",
        name_fr: "Agence Urbaine de Safi-Youssoufia",
        name_ar: "الوكالة الحضرية لآسفي - اليوسفية",
        name_ar_checked: false,
        kind: ProducerKind::Agency,
        datasets_2026: 6,
    },
    Producer {
        code: "AMMC",
        ckan_slug: "ammc",
        name_fr: "Autorité Marocaine du Marché des Capitaux",
        name_ar: "الهيئة المغربية لسوق الرساميل",
        name_ar_checked: true,
        kind: ProducerKind::Regulator,
        datasets_2026: 11,
    },
    Producer {
        code: "ANRT",
        ckan_slug: "anrt",
        name_fr: "Agence Nationale de Réglementation des Télécommunications",
        name_ar: "الوكالة الوطنية لتقنين المواصلات",
        name_ar_checked: true,
        kind: ProducerKind::Regulator,
        datasets_2026: 16,
    },
    Producer {
        code: "AM",
        ckan_slug: "archives-du-maroc",
        name_fr: "Archives du Maroc",
        name_ar: "أرشيف المغرب",
        name_ar_checked: true,
        kind: ProducerKind::Agency,
        datasets_2026: 2,
    },
    Producer {
        code: "ACAPS",
        ckan_slug: "autorite-de-controle-des-assurances-et-de-la-prevoyance-sociale",
        name_fr: "Autorité de Contrôle des Assurances et de la Prévoyance Sociale",
        name_ar: "هيئة مراقبة التأمينات والاحتياط الاجتماعي",
        name_ar_checked: true,
        kind: ProducerKind::Regulator,
        datasets_2026: 8,
    },
    Producer {
        code: "BAM",
        ckan_slug: "bank-al-maghrib",
        name_fr: "Bank Al-Maghrib",
        name_ar: "بنك المغرب",
        name_ar_checked: true,
        kind: ProducerKind::CentralBank,
        datasets_2026: 43,
    },
    Producer {
        code: "CNRA",
        ckan_slug: "caisse-nationale-de-retraites-et-d-assurances",
        name_fr: "Caisse Nationale de Retraites et d'Assurances",
        name_ar: "الصندوق الوطني للتقاعد والتأمين",
        name_ar_checked: true,
        kind: ProducerKind::PublicEnterprise,
        datasets_2026: 6,
    },
    Producer {
        code: "CRI-DT",
        ckan_slug: "centre-regional-d-investissement-draa-tafilalet",
        name_fr: "Centre Régional d'Investissement de Drâa-Tafilalet",
        name_ar: "المركز الجهوي للاستثمار لجهة درعة تافيلالت",
        name_ar_checked: false,
        kind: ProducerKind::Agency,
        datasets_2026: 1,
    },
    Producer {
        code: "CRI-SM",
        ckan_slug: "centre-regional-d-investissement-souss-massa",
        name_fr: "Centre Régional d'Investissement de Souss-Massa",
        name_ar: "المركز الجهوي للاستثمار لجهة سوس ماسة",
        name_ar_checked: false,
        kind: ProducerKind::Agency,
        datasets_2026: 4,
    },
    Producer {
        code: "CCISRMS",
        ckan_slug: "chambre-de-commerce-d-industrie-et-de-services-de-la-region-marrakech-safi-ccisrms",
        name_fr: "Chambre de Commerce, d'Industrie et de Services de la Région Marrakech-Safi",
        name_ar: "غرفة التجارة والصناعة والخدمات لجهة مراكش آسفي",
        name_ar_checked: true,
        kind: ProducerKind::Chamber,
        datasets_2026: 4,
    },
    Producer {
        code: "CMR",
        ckan_slug: "caisse-marocaine-des-retraites",
        name_fr: "Caisse Marocaine des Retraites",
        name_ar: "الصندوق المغربي للتقاعد",
        name_ar_checked: true,
        kind: ProducerKind::PublicEnterprise,
        datasets_2026: 3,
    },
    Producer {
        code: "CNOPS",
        ckan_slug: "caisse-nationale-des-organismes-de-prevoyance-sociale",
        name_fr: "Caisse Nationale des Organismes de Prévoyance Sociale",
        name_ar: "الصندوق الوطني لمنظمات الاحتياط الاجتماعي",
        name_ar_checked: true,
        kind: ProducerKind::PublicEnterprise,
        datasets_2026: 6,
    },
    Producer {
        code: "CNSS",
        ckan_slug: "cnss",
        name_fr: "Caisse Nationale de Sécurité Sociale",
        name_ar: "الصندوق الوطني للضمان الاجتماعي",
        name_ar_checked: true,
        kind: ProducerKind::PublicEnterprise,
        datasets_2026: 12,
    },
    Producer {
        code: "CAM",
        ckan_slug: "commune-ait-melloul",
        name_fr: "Commune d'Aït Melloul",
        name_ar: "جماعة أيت ملول",
        name_ar_checked: false,
        kind: ProducerKind::Commune,
        datasets_2026: 27,
    },
    Producer {
        code: "DA",
        ckan_slug: "departement-de-l-agriculture",
        name_fr: "Ministère de l'Agriculture, de la Pêche Maritime, du Développement Rural et des Eaux et Forêts - Département de l'Agriculture",
        name_ar: "وزارة الفلاحة والصيد البحري والتنمية القروية والمياه والغابات - قطاع الفلاحة",
        name_ar_checked: true,
        kind: ProducerKind::Ministry,
        datasets_2026: 2,
    },
    Producer {
        code: "DPM",
        ckan_slug: "departement-de-la-peche-maritime",
        name_fr: "Ministère de l'Agriculture, de la Pêche Maritime, du Développement Rural et des Eaux et Forêts - Département de la Pêche Maritime",
        name_ar: "وزارة الفلاحة والصيد البحري والتنمية القروية والمياه والغابات - قطاع الصيد البحري",
        name_ar_checked: true,
        kind: ProducerKind::Ministry,
        datasets_2026: 9,
    },
    Producer {
        code: "FNM",
        ckan_slug: "fondation-nationale-des-musees",
        name_fr: "Fondation Nationale des Musées",
        name_ar: "المؤسسة الوطنية للمتاحف",
        name_ar_checked: false,
        kind: ProducerKind::Agency,
        datasets_2026: 2,
    },
    Producer {
        code: "HCP",
        ckan_slug: "haut-commissariat-au-plan",
        name_fr: "Haut-Commissariat au Plan",
        name_ar: "المندوبية السامية للتخطيط",
        name_ar_checked: true,
        kind: ProducerKind::StatisticsOffice,
        datasets_2026: 79,
    },
    Producer {
        code: "IMANOR",
        ckan_slug: "imanor",
        name_fr: "Institut Marocain de Normalisation",
        name_ar: "المعهد المغربي للتقييس",
        name_ar_checked: true,
        kind: ProducerKind::Agency,
        datasets_2026: 5,
    },
    Producer {
        code: "INPPLC",
        ckan_slug: "l-instance-nationale-de-la-probite-de-la-prevention-et-de-la-lutte-contre-la-corruption",
        name_fr: "Instance Nationale de la Probité, de la Prévention et de la Lutte contre la Corruption",
        name_ar: "الهيئة الوطنية للنزاهة والوقاية من الرشوة ومحاربتها",
        name_ar_checked: true,
        kind: ProducerKind::ConstitutionalBody,
        datasets_2026: 15,
    },
    Producer {
        code: "CT",
        ckan_slug: "les-collectivites-territoriales",
        name_fr: "Les Collectivités Territoriales",
        name_ar: "الجماعات الترابية",
        name_ar_checked: true,
        kind: ProducerKind::LocalGovernment,
        datasets_2026: 4,
    },
    Producer {
        code: "MAECAMRE",
        ckan_slug: "ministere-des-affaires-etrangeres-et-de-la-cooperation",
        name_fr: "Ministère des Affaires Étrangères, de la Coopération Africaine et des Marocains Résidant à l'Étranger",
        name_ar: "وزارة الشؤون الخارجية والتعاون الإفريقي والمغاربة المقيمين بالخارج",
        name_ar_checked: true,
        kind: ProducerKind::Ministry,
        datasets_2026: 2,
    },
    Producer {
        code: "MATNUHPV",
        ckan_slug: "matnuhpv",
        name_fr: "Ministère de l'Aménagement du Territoire National, de l'Urbanisme, de l'Habitat et de la Politique de la Ville",
        name_ar: "وزارة إعداد التراب الوطني والتعمير والإسكان وسياسة المدينة",
        name_ar_checked: true,
        kind: ProducerKind::Ministry,
        datasets_2026: 61,
    },
    Producer {
        code: "MEF",
        ckan_slug: "ministere-de-l-economie-et-des-finances",
        name_fr: "Ministère de l'Économie et des Finances",
        name_ar: "وزارة الاقتصاد والمالية",
        name_ar_checked: true,
        kind: ProducerKind::Ministry,
        datasets_2026: 75,
    },
    Producer {
        code: "MENPS",
        ckan_slug: "ministere-de-l-education-nationale-et-de-la-formation-professionnelle",
        name_fr: "Ministère de l'Éducation Nationale, du Préscolaire et des Sports",
        name_ar: "وزارة التربية الوطنية والتعليم الأولي والرياضة",
        name_ar_checked: true,
        kind: ProducerKind::Ministry,
        datasets_2026: 12,
    },
    Producer {
        code: "MESRSI",
        ckan_slug: "ministere-de-l-enseignement-superieur-de-la-recherche-scientifique-et-de-la-formation-des-cadres",
        name_fr: "Ministère de l'Enseignement Supérieur, de la Recherche Scientifique et de l'Innovation",
        name_ar: "وزارة التعليم العالي والبحث العلمي والابتكار",
        name_ar_checked: true,
        kind: ProducerKind::Ministry,
        datasets_2026: 5,
    },
    Producer {
        code: "MIC",
        ckan_slug: "ministere-de-l-industrie-du-commerce-de-l-investissement-et-de-l-economie-numerique",
        name_fr: "Ministère de l'Industrie et du Commerce",
        name_ar: "وزارة الصناعة والتجارة",
        name_ar_checked: true,
        kind: ProducerKind::Ministry,
        datasets_2026: 10,
    },
    Producer {
        code: "MIEPEEC",
        ckan_slug: "ministere-de-l-emploi-et-des-affaires-sociales",
        name_fr: "Ministère de l'Inclusion Économique, de la Petite Entreprise, de l'Emploi et des Compétences",
        name_ar: "وزارة الإدماج الاقتصادي والمقاولة الصغرى والتشغيل والكفاءات",
        name_ar_checked: true,
        kind: ProducerKind::Ministry,
        datasets_2026: 5,
    },
    Producer {
        code: "MEE",
        ckan_slug: "ministere-de-l-equipement-et-de-l-eau",
        name_fr: "Ministère de l'Équipement et de l'Eau",
        name_ar: "وزارة التجهيز والماء",
        name_ar_checked: true,
        kind: ProducerKind::Ministry,
        datasets_2026: 2,
    },
    Producer {
        code: "MJ",
        ckan_slug: "ministere-de-la-justice-et-des-libertes",
        name_fr: "Ministère de la Justice",
        name_ar: "وزارة العدل",
        name_ar_checked: true,
        kind: ProducerKind::Ministry,
        datasets_2026: 84,
    },
    Producer {
        code: "MJCC",
        ckan_slug: "mjcc",
        name_fr: "Ministère de la Jeunesse, de la Culture et de la Communication",
        name_ar: "وزارة الشباب والثقافة والتواصل",
        name_ar_checked: true,
        kind: ProducerKind::Ministry,
        datasets_2026: 41,
    },
    Producer {
        code: "MSISF",
        ckan_slug: "ministere-de-la-solidarite-de-l-insertion-sociale-et-de-la-famille-msisf",
        name_fr: "Ministère de la Solidarité, de l'Insertion Sociale et de la Famille",
        name_ar: "وزارة التضامن والإدماج الاجتماعي والأسرة",
        name_ar_checked: true,
        kind: ProducerKind::Ministry,
        datasets_2026: 4,
    },
    Producer {
        code: "MSPS",
        ckan_slug: "ministere-de-la-sante",
        name_fr: "Ministère de la Santé et de la Protection Sociale",
        name_ar: "وزارة الصحة والحماية الاجتماعية",
        name_ar_checked: true,
        kind: ProducerKind::Ministry,
        datasets_2026: 8,
    },
    Producer {
        code: "MTAESS",
        ckan_slug: "ministere-du-tourisme",
        name_fr: "Ministère du Tourisme, de l'Artisanat et de l'Économie Sociale et Solidaire",
        name_ar: "وزارة السياحة والصناعة التقليدية والاقتصاد الاجتماعي والتضامني",
        name_ar_checked: true,
        kind: ProducerKind::Ministry,
        datasets_2026: 11,
    },
    Producer {
        code: "MTNRA",
        ckan_slug: "ministere-de-la-reforme-de-l-administration-et-de-la-fonction-publique",
        name_fr: "Ministère de la Transition Numérique et de la Réforme de l'Administration",
        name_ar: "الوزارة المكلفة بالانتقال الرقمي وإصلاح الإدارة",
        name_ar_checked: true,
        kind: ProducerKind::Ministry,
        datasets_2026: 20,
    },
    Producer {
        code: "NARSA",
        ckan_slug: "narsa",
        name_fr: "Agence Nationale de la Sécurité Routière",
        name_ar: "الوكالة الوطنية للسلامة الطرقية",
        name_ar_checked: true,
        kind: ProducerKind::Agency,
        datasets_2026: 7,
    },
    Producer {
        code: "PARL",
        ckan_slug: "parlement",
        name_fr: "Parlement",
        name_ar: "البرلمان",
        name_ar_checked: false,
        kind: ProducerKind::Parliament,
        datasets_2026: 11,
    },
    Producer {
        code: "PM",
        ckan_slug: "poste-maroc",
        name_fr: "Poste Maroc",
        name_ar: "بريد المغرب",
        name_ar_checked: true,
        kind: ProducerKind::PublicEnterprise,
        datasets_2026: 5,
    },
    Producer {
        code: "RCAR",
        ckan_slug: "regime-collectif-d-allocation-de-retraite",
        name_fr: "Régime Collectif d'Allocation de Retraite",
        name_ar: "النظام الجماعي لمنح رواتب التقاعد",
        name_ar_checked: true,
        kind: ProducerKind::PublicEnterprise,
        datasets_2026: 7,
    },
    Producer {
        code: "RBMK",
        ckan_slug: "region-beni-mellal-khenifra",
        name_fr: "Région Béni Mellal-Khénifra",
        name_ar: "جهة بني ملال خنيفرة",
        name_ar_checked: false,
        kind: ProducerKind::Region,
        datasets_2026: 1,
    },
    Producer {
        code: "RCS",
        ckan_slug: "region-casablanca-settat",
        name_fr: "Région Casablanca-Settat",
        name_ar: "جهة الدار البيضاء سطات",
        name_ar_checked: false,
        kind: ProducerKind::Region,
        datasets_2026: 2,
    },
    Producer {
        code: "RFM",
        ckan_slug: "region-fes-meknes",
        name_fr: "Région Fès-Meknès",
        name_ar: "جهة فاس مكناس",
        name_ar_checked: false,
        kind: ProducerKind::Region,
        datasets_2026: 1,
    },
    Producer {
        code: "RSM",
        ckan_slug: "region-souss-massa",
        name_fr: "Région Souss-Massa",
        name_ar: "جهة سوس ماسة",
        name_ar_checked: false,
        kind: ProducerKind::Region,
        datasets_2026: 1,
    },
    Producer {
        code: "RTTA",
        ckan_slug: "region-tanger-tetouan-al-hoceima",
        name_fr: "Région Tanger-Tétouan-Al Hoceïma",
        name_ar: "جهة طنجة تطوان الحسيمة",
        name_ar_checked: false,
        kind: ProducerKind::Region,
        datasets_2026: 3,
    },
    Producer {
        code: "2M",
        ckan_slug: "soread-2m",
        name_fr: "SOREAD 2M",
        name_ar: "صورياد دوزيم",
        name_ar_checked: false,
        kind: ProducerKind::PublicEnterprise,
        datasets_2026: 6,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        assert_eq!(PRODUCERS.len(), 47);
        assert_eq!(PRODUCERS.iter().map(|p| p.datasets_2026).sum::<u32>(), 663);
        for p in PRODUCERS {
            assert_eq!(Producer::by_code(p.code), Some(p));
            assert_eq!(Producer::from_iri(&p.iri()), Some(p));
            assert_eq!(Producer::by_slug(p.ckan_slug), Some(p));
            assert_eq!(Producer::find(p.name_fr), Some(p));
            assert_eq!(Producer::find(p.name_ar), Some(p));
            assert_eq!(Producer::find(p.ckan_slug), Some(p));
            assert_eq!(ProducerKind::parse(p.kind.as_str()), Some(p.kind));
        }
    }

    #[test]
    fn lenient_find() {
        assert_eq!(
            Producer::find("bank al maghrib").map(|p| p.code),
            Some("BAM")
        );
        assert_eq!(Producer::find("2m").map(|p| p.code), Some("2M"));
        assert_eq!(Producer::find("   "), None);
        assert_eq!(Producer::by_code("hcp").map(|p| p.code), Some("HCP"));
    }
}
