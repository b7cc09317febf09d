//! STUB, to be replaced by `fihris_ckan::sample_catalogue()` (the embedded sample catalogue
//! of the portal) once the CKAN adapter lands. Until then: a small demonstration catalogue
//! built in code, so that `fihris stats` and `fihris report` run without any input.
//!
//! The `assess` function below is a STUB as well, to be replaced by the rules crate: it
//! flags datasets without an open machine-readable format or without an open licence, so
//! that the report's findings section has something to show.

use fihris_model::inventory::{DataKind, PublicationStatus};
use fihris_model::{
    Agent, Catalog, Concept, Dataset, Distribution, Finding, FindingPath, Iri, ModelError, NodeId,
    PathSegment, PersonalData, Severity, Temporal, Text,
};
use fihris_stats::Assessment;
use fihris_vocab::{AccessRight, FileType, Frequency, Licence, PortalTheme, Producer};

struct Row {
    slug: &'static str,
    title_fr: &'static str,
    title_ar: &'static str,
    producer: &'static str,
    themes: &'static [PortalTheme],
    formats: &'static [FileType],
    licence: Option<Licence>,
    frequency: Option<Frequency>,
    issued: Option<&'static str>,
    modified: Option<&'static str>,
    status: PublicationStatus,
    kind: DataKind,
    personal: Option<PersonalData>,
}

use FileType::{Csv, GeoJson, Json, Pdf, Xls, Xlsx};
use Frequency::{Annual, Irregular, Monthly, Quarterly};
use PortalTheme as T;
use PublicationStatus::{Planned, Published, Restricted};

const ODBL: Option<Licence> = Some(Licence::Odbl10);

#[expect(
    clippy::too_many_lines,
    reason = "a data table: one row per sample dataset"
)]
fn rows() -> Vec<Row> {
    let row = |slug, title_fr, title_ar, producer, themes, formats| Row {
        slug,
        title_fr,
        title_ar,
        producer,
        themes,
        formats,
        licence: ODBL,
        frequency: Some(Annual),
        issued: None,
        modified: None,
        status: Published,
        kind: DataKind::Statistics,
        personal: Some(PersonalData::None),
    };
    vec![
        Row {
            frequency: Some(Monthly),
            issued: Some("2019-03-12"),
            modified: Some("2026-10-05"),
            ..row(
                "indice-des-prix-a-la-consommation",
                "Indice des prix à la consommation (IPC) « base 2017 »",
                "الرقم الاستدلالي للأثمان عند الاستهلاك",
                "HCP",
                &[T::Finance],
                &[Csv, Xlsx],
            )
        },
        Row {
            frequency: Some(Quarterly),
            issued: Some("2020-02-03"),
            modified: Some("2026-08-14"),
            ..row(
                "taux-de-chomage",
                "Taux de chômage & taux d'activité (Trimestriel)",
                "معدل البطالة",
                "HCP",
                &[T::Emploi, T::Societe],
                &[Xlsx],
            )
        },
        Row {
            frequency: Some(Frequency::Decennial),
            issued: Some("2025-11-20"),
            modified: Some("2025-11-20"),
            personal: Some(PersonalData::Anonymised {
                method: Some("agrégation communale".to_owned()),
            }),
            kind: DataKind::Survey,
            ..row(
                "rgph-2024-population-legale",
                "RGPH 2024 : population légale des communes",
                "الإحصاء العام للسكان والسكنى 2024",
                "HCP",
                &[T::Societe, T::Cartographie],
                &[Csv, GeoJson],
            )
        },
        Row {
            status: Planned,
            formats: &[],
            ..row(
                "enquete-nationale-emploi-microdonnees",
                "Enquête nationale sur l'emploi : microdonnées anonymisées",
                "البحث الوطني حول التشغيل",
                "HCP",
                &[T::Emploi],
                &[],
            )
        },
        Row {
            issued: Some("2024-05-06"),
            modified: Some("2025-06-30"),
            kind: DataKind::InfrastructureLocations,
            ..row(
                "etablissements-de-sante",
                "Établissements de santé publics <hôpitaux, CHU & ESSP>",
                "المؤسسات الصحية العمومية",
                "MSPS",
                &[T::Sante, T::Cartographie],
                &[Json, GeoJson],
            )
        },
        Row {
            licence: Some(Licence::NotSpecified),
            frequency: Some(Irregular),
            issued: Some("2025-03-18"),
            ..row(
                "rapport-annuel-sante",
                "Rapport \"Santé en chiffres\" 2024",
                "الصحة في أرقام 2024",
                "MSPS",
                &[T::Sante],
                &[Pdf],
            )
        },
        Row {
            status: Restricted,
            formats: &[],
            personal: Some(PersonalData::Present),
            kind: DataKind::Survey,
            ..row(
                "dossiers-medicaux",
                "Dossiers médicaux hospitaliers",
                "الملفات الطبية",
                "MSPS",
                &[T::Sante],
                &[],
            )
        },
        Row {
            issued: Some("2023-09-01"),
            modified: Some("2024-09-15"),
            ..row(
                "effectifs-eleves",
                "Effectifs des élèves par académie régionale",
                "أعداد التلاميذ حسب الأكاديمية الجهوية",
                "MENPS",
                &[T::Education],
                &[Xls],
            )
        },
        Row {
            issued: Some("2026-01-12"),
            modified: Some("2026-01-12"),
            kind: DataKind::InfrastructureLocations,
            ..row(
                "etablissements-scolaires",
                "Carte des établissements scolaires",
                "خريطة المؤسسات التعليمية",
                "MENPS",
                &[T::Education, T::Cartographie],
                &[Csv, GeoJson],
            )
        },
        Row {
            status: Planned,
            ..row(
                "resultats-baccalaureat",
                "Résultats du baccalauréat par lycée",
                "نتائج البكالوريا حسب الثانوية",
                "MENPS",
                &[T::Education],
                &[],
            )
        },
        Row {
            frequency: Some(Monthly),
            issued: Some("2022-04-01"),
            modified: Some("2026-10-31"),
            ..row(
                "situation-charges-ressources-tresor",
                "Situation des charges et ressources du Trésor",
                "وضعية تكاليف وموارد الخزينة",
                "MEF",
                &[T::Finance, T::Transparence],
                &[Csv, Xlsx, Pdf],
            )
        },
        Row {
            issued: Some("2025-12-22"),
            modified: Some("2025-12-22"),
            ..row(
                "loi-de-finances",
                "Loi de finances 2026 : budget général de l'État",
                "قانون المالية 2026",
                "MEF",
                &[T::Finance, T::Transparence],
                &[Csv, Json],
            )
        },
        Row {
            frequency: Some(Monthly),
            issued: Some("2021-06-15"),
            modified: Some("2026-09-30"),
            ..row(
                "reserves-de-change",
                "Avoirs officiels de réserve",
                "الأصول الاحتياطية الرسمية",
                "BAM",
                &[T::Finance],
                &[Xlsx],
            )
        },
        Row {
            frequency: Some(Frequency::Weekly),
            issued: Some("2024-10-07"),
            modified: Some("2026-11-20"),
            ..row(
                "taux-interbancaire",
                "Taux interbancaire au jour le jour",
                "سعر الفائدة ما بين البنوك",
                "BAM",
                &[T::Finance],
                &[Csv],
            )
        },
        Row {
            frequency: Some(Quarterly),
            issued: Some("2022-01-20"),
            modified: Some("2026-07-31"),
            ..row(
                "marche-telecoms",
                "Observatoire <marché des télécoms> : abonnés & parc",
                "مرصد سوق الاتصالات",
                "ANRT",
                &[T::ItTelecoms],
                &[Xlsx, Pdf],
            )
        },
        Row {
            issued: Some("2025-07-01"),
            modified: Some("2025-07-01"),
            kind: DataKind::InfrastructureLocations,
            ..row(
                "couverture-4g",
                "Couverture 4G par commune",
                "التغطية بشبكة الجيل الرابع",
                "ANRT",
                &[T::ItTelecoms, T::Cartographie],
                &[Csv, GeoJson],
            )
        },
        Row {
            issued: Some("2024-02-14"),
            modified: Some("2025-02-14"),
            kind: DataKind::ReferenceData,
            ..row(
                "normes-marocaines",
                "Catalogue des normes marocaines (NM)",
                "فهرس المعايير المغربية",
                "IMANOR",
                &[T::Normalisation],
                &[Xls],
            )
        },
        Row {
            licence: None,
            issued: Some("2023-11-30"),
            modified: Some("2023-11-30"),
            ..row(
                "arrivees-touristes",
                "Arrivées des touristes aux postes frontières",
                "وصول السياح إلى المراكز الحدودية",
                "MTAESS",
                &[T::Tourisme],
                &[Pdf],
            )
        },
        Row {
            frequency: Some(Monthly),
            issued: Some("2024-08-19"),
            modified: Some("2026-11-02"),
            ..row(
                "debarquements-peche-cotiere",
                "Débarquements de la pêche côtière et artisanale",
                "مفرغات الصيد الساحلي والتقليدي",
                "DPM",
                &[T::PecheMaritime],
                &[Csv],
            )
        },
        Row {
            status: Planned,
            ..row(
                "prix-au-marche-de-gros",
                "Prix des produits de la mer au marché de gros",
                "أثمان منتجات البحر في سوق الجملة",
                "DPM",
                &[T::PecheMaritime],
                &[],
            )
        },
        Row {
            issued: Some("2026-03-09"),
            modified: Some("2026-03-09"),
            kind: DataKind::InfrastructureLocations,
            ..row(
                "equipements-communaux",
                "Équipements communaux d'Aït Melloul",
                "التجهيزات الجماعية لأيت ملول",
                "CAM",
                &[T::Habitat, T::Cartographie],
                &[Csv, GeoJson],
            )
        },
        Row {
            issued: Some("2026-06-15"),
            modified: Some("2026-06-15"),
            ..row(
                "budget-communal",
                "Budget communal d'Aït Melloul",
                "الميزانية الجماعية لأيت ملول",
                "CAM",
                &[T::Finance, T::Transparence],
                &[Csv],
            )
        },
    ]
}

fn iri(value: &str) -> Result<Iri, ModelError> {
    Iri::new(value)
}

/// The demonstration catalogue.
///
/// # Errors
///
/// Never in practice: every value is a constant; a model error means a constant is wrong.
pub fn sample_catalogue() -> Result<Catalog, ModelError> {
    let mut catalog = Catalog::new(
        NodeId::Iri(iri("https://data.gov.ma/data/fr/catalog")?),
        Text::new()
            .with(
                "fr",
                "Portail national des données ouvertes (démonstration)",
            )?
            .with("ar", "البوابة الوطنية للبيانات المفتوحة")?,
    )?;
    for row in rows() {
        let base = format!("https://data.gov.ma/data/fr/dataset/{}", row.slug);
        let mut dataset = Dataset::new(
            NodeId::Iri(iri(&base)?),
            Text::new()
                .with("fr", row.title_fr)?
                .with("ar", row.title_ar)?,
        )?;
        dataset.publisher = Producer::by_code(row.producer).map(Agent::from_producer);
        dataset.portal_themes = row.themes.to_vec();
        dataset.accrual_periodicity = row.frequency.map(Concept::Known);
        dataset.issued = row.issued.map(Temporal::parse).transpose()?;
        dataset.modified = row.modified.map(Temporal::parse).transpose()?;
        dataset.access_rights = Some(Concept::Known(if row.status == Restricted {
            AccessRight::NonPublic
        } else {
            AccessRight::Public
        }));
        dataset.inventory.publication_status = Some(row.status);
        dataset.inventory.kind_of_data = Some(row.kind);
        dataset.inventory.personal_data = row.personal;
        for (index, format) in row.formats.iter().enumerate() {
            let extension = format.extensions().first().copied().unwrap_or("bin");
            let url = iri(&format!("{base}/resource/{}.{extension}", index + 1))?;
            let mut distribution = Distribution::new(NodeId::Iri(url.clone()), url);
            distribution.format = Some(Concept::Known(*format));
            distribution.licence = row.licence.map(Into::into);
            dataset.distributions.push(distribution);
        }
        catalog.datasets.push(dataset);
    }
    Ok(catalog)
}

/// STUB for the rules crate: open format and open licence findings only, no score.
pub fn assess(dataset: &Dataset) -> Option<Assessment> {
    if dataset.distributions.is_empty() {
        return None;
    }
    let path = || FindingPath::new().with(PathSegment::Dataset(dataset.id.to_string()));
    let mut assessment = Assessment::new();
    let open_format = dataset.distributions.iter().any(|distribution| {
        distribution
            .file_type()
            .is_some_and(|format| format.is_non_proprietary() && format.is_machine_readable())
    });
    if !open_format {
        assessment = assessment.with_finding(
            Finding::new(
                "format.non-proprietary",
                Severity::Error,
                path(),
                "no distribution in an open, machine-readable format",
            )
            .with_hint("publish a CSV or JSON next to the other files"),
        );
    }
    let open_licence = dataset.distributions.iter().any(|distribution| {
        distribution
            .licence
            .as_ref()
            .and_then(fihris_model::LicenseDocument::known)
            .is_some_and(Licence::is_open)
    });
    if !open_licence {
        assessment = assessment.with_finding(
            Finding::new(
                "licence.open",
                Severity::Error,
                path(),
                "no distribution under an open licence",
            )
            .with_hint("state the portal's licence (ODbL) on every resource"),
        );
    }
    Some(assessment)
}
