//! MQA and data.gouv.fr scores on fixtures, against hand computations.
#![expect(
    clippy::unwrap_used,
    reason = "fixtures are built from literals known to be valid"
)]

use fihris_model::{
    Agent, Catalog, Dataset, Distribution, Iri, Keyword, LicenseDocument, NodeId, PeriodOfTime,
    Temporal, Text,
};
use fihris_rules::{
    Dimension, Indicator, OfflineChecker, Profile, Rating, RuleSet, UrlChecker, UrlStatus,
    check_with, mqa_catalog, mqa_dataset, udata_quality,
};
use fihris_vocab::{AccessRight, EuTheme, FileType, Frequency, Licence, Producer, Vocabulary};

fn iri(value: &str) -> Iri {
    Iri::new(value).unwrap()
}

/// Every URL answers except those containing `broken`.
struct FakeWeb;

impl UrlChecker for FakeWeb {
    fn check(&self, url: &Iri) -> UrlStatus {
        if url.as_str().contains("broken") {
            UrlStatus::Unreachable
        } else {
            UrlStatus::Reachable
        }
    }
}

fn rich() -> Dataset {
    let mut dataset = Dataset::new(
        NodeId::Iri(iri("https://data.gov.ma/d/emploi")),
        Text::new().with("fr", "Emploi").unwrap(),
    )
    .unwrap();
    dataset.description = Text::new().with("fr", "Taux d'emploi").unwrap();
    dataset.keywords.push(Keyword::new("fr", "emploi").unwrap());
    dataset
        .themes
        .push(EuTheme::from_code("ECON").unwrap().into());
    dataset
        .temporal
        .push(PeriodOfTime::new(Some(Temporal::parse("2020").unwrap()), None).unwrap());
    dataset.access_rights = Some(AccessRight::Public.into());
    dataset.publisher = Some(Agent::from_producer(Producer::by_code("HCP").unwrap()));
    dataset.accrual_periodicity = Some(Frequency::Monthly.into());
    dataset.modified = Some(Temporal::parse("2026-11-10").unwrap());

    let csv = iri("https://data.gov.ma/d/emploi/emploi.csv");
    let mut d1 = Distribution::new(NodeId::Iri(csv.clone()), csv.clone());
    d1.download_urls.push(csv);
    d1.format = Some(FileType::Csv.into());
    d1.media_type = Some(iri("https://www.iana.org/assignments/media-types/text/csv"));
    d1.licence = Some(LicenseDocument::from(Licence::CcBy40));
    d1.byte_size = Some(2048);
    d1.issued = Some(Temporal::parse("2026-11-10").unwrap());
    d1.description = Text::new().with("fr", "Séries mensuelles").unwrap();

    let xlsx = iri("https://data.gov.ma/broken/emploi.xlsx");
    let mut d2 = Distribution::new(NodeId::Iri(xlsx.clone()), xlsx);
    d2.format = Some(FileType::Xlsx.into());

    dataset.distributions.push(d1);
    dataset.distributions.push(d2);
    dataset
}

fn poor() -> Dataset {
    Dataset::new(
        NodeId::Iri(iri("https://data.gov.ma/d/vide")),
        Text::untagged("Vide"),
    )
    .unwrap()
}

#[test]
fn mqa_points_of_a_rich_dataset_match_the_hand_computation() {
    let score = mqa_dataset(&rich(), &FakeWeb);
    // Findability: keyword 30 + theme 30 + no spatial 0 + temporal 20.
    let findability = 30 + 30 + 20;
    // Accessibility: one access URL is broken 0 + a download URL 20 + it answers 30.
    let accessibility = 20 + 30;
    // Interoperability: format 20 + media type 10 + both from vocabularies 10
    // + XLSX is proprietary 0 + CSV and XLSX machine-readable 20 + DCAT-AP compliant 30.
    let interoperability = 20 + 10 + 10 + 20 + 30;
    // Reusability: licence 20 + known 10 + access rights 10 + EU vocabulary 5
    // + no contact point 0 + publisher 10.
    let reusability = 20 + 10 + 10 + 5 + 10;
    // Contextuality: no rights 0 + byte size 5 + issued 5 + no modified 0.
    let contextuality = 5 + 5;
    assert_eq!(score.dimension_total(Dimension::Findability), findability);
    assert_eq!(
        score.dimension_total(Dimension::Accessibility),
        accessibility
    );
    assert_eq!(
        score.dimension_total(Dimension::Interoperability),
        interoperability
    );
    assert_eq!(score.dimension_total(Dimension::Reusability), reusability);
    assert_eq!(
        score.dimension_total(Dimension::Contextuality),
        contextuality
    );
    let total = findability + accessibility + interoperability + reusability + contextuality;
    assert_eq!(total, 285);
    assert_eq!(score.total(), total);
    assert_eq!(score.rating(), Rating::Good);
    assert_eq!(score.measured_max(), 405);
    assert_eq!(score.get(Indicator::NonProprietary).unwrap().earned, 0);
    assert_eq!(score.get(Indicator::ContactPoint).unwrap().max(), 20);
}

#[test]
fn offline_checker_leaves_url_indicators_unmeasured() {
    let score = mqa_dataset(&rich(), &OfflineChecker);
    // 285 minus the 30 points of the answering download URL, now not measured.
    assert_eq!(score.total(), 285 - 30);
    assert_eq!(score.measured_max(), 405 - 50 - 30);
    let access = score.get(Indicator::AccessUrlAccessibility).unwrap();
    assert!(!access.measured);
    assert_eq!(access.earned, 0);
}

#[test]
fn mqa_catalogue_is_the_mean_of_its_datasets() {
    let mut catalog = Catalog::new(
        NodeId::Iri(iri("https://data.gov.ma/catalog")),
        Text::untagged("Portail"),
    )
    .unwrap();
    catalog.datasets.push(rich());
    catalog.datasets.push(poor());
    let quality = mqa_catalog(&catalog, &FakeWeb);
    assert_eq!(quality.datasets()[1].total(), 0);
    assert!((quality.total() - (285.0 + 0.0) / 2.0).abs() < 1e-9);
    assert_eq!(quality.rating(), Rating::Sufficient);
    let keyword = quality
        .indicator_means()
        .iter()
        .find(|(indicator, _)| *indicator == Indicator::KeywordUsage)
        .unwrap();
    assert!((keyword.1 - 15.0).abs() < 1e-9);
    // The check reports the same scores.
    let report = check_with(&catalog, &RuleSet::new(Profile::DcatAp), &FakeWeb);
    assert_eq!(report.quality(), &quality);
    let message: Vec<&str> = report
        .findings()
        .iter()
        .filter(|f| f.rule_id() == "quality.mqa")
        .map(|f| f.message())
        .collect();
    assert_eq!(
        message,
        ["MQA score 285/405 (good)", "MQA score 0/405 (bad)"]
    );
    let empty = Catalog::new(NodeId::Iri(iri("https://x.ma/c")), Text::untagged("x")).unwrap();
    assert_eq!(mqa_catalog(&empty, &FakeWeb).total(), 0.0);
}

#[test]
fn rating_bands() {
    for (points, rating) in [
        (405.0, Rating::Excellent),
        (351.0, Rating::Excellent),
        (350.0, Rating::Good),
        (221.0, Rating::Good),
        (220.0, Rating::Sufficient),
        (121.0, Rating::Sufficient),
        (120.0, Rating::Bad),
        (0.0, Rating::Bad),
    ] {
        assert_eq!(Rating::from_points(points), rating, "{points}");
    }
}

#[test]
fn known_licences_include_the_eu_table_and_data_europa_eu_list() {
    for (licence, known) in [
        (
            "http://publications.europa.eu/resource/authority/licence/GPL_3_0",
            true,
        ),
        (
            "http://europeandataportal.eu/ontologies/od-licenses#OGL3.0",
            true,
        ),
        ("https://spdx.org/licenses/CC-BY-4.0", true),
        ("https://example.org/licence", false),
    ] {
        let mut dataset = rich();
        for distribution in &mut dataset.distributions {
            distribution.licence = Some(LicenseDocument::new(NodeId::Iri(iri(licence))));
        }
        let earned = mqa_dataset(&dataset, &FakeWeb)
            .get(Indicator::KnownLicence)
            .unwrap()
            .earned;
        assert_eq!(earned, if known { 10 } else { 0 }, "{licence}");
    }
}

#[test]
fn udata_criteria_match_the_hand_computation() {
    let catalog = Catalog::new(
        NodeId::Iri(iri("https://data.gov.ma/catalog")),
        Text::untagged("Portail"),
    )
    .unwrap();
    let as_of = Temporal::parse("2026-11-30").unwrap();
    let quality = udata_quality(&rich(), &catalog, Some(&as_of), &FakeWeb);
    let met: Vec<(&str, Option<bool>)> = quality.criteria().to_vec();
    assert_eq!(
        met,
        [
            ("license", Some(true)),
            ("temporal_coverage", Some(true)),
            ("spatial", Some(false)),
            ("update_frequency", Some(true)),
            ("update_fulfilled_in_time", Some(true)),
            ("dataset_description_quality", Some(false)),
            ("has_open_format", Some(true)),
            ("all_resources_available", Some(false)),
            ("resources_documentation", Some(true)),
        ]
    );
    assert!((quality.score() - 6.0 / 9.0).abs() < 1e-12);

    // 33 days after the update a monthly dataset is 2 days late (udata allows 1); 32 days, 1.
    let late = Temporal::parse("2026-12-13").unwrap();
    let quality = udata_quality(&rich(), &catalog, Some(&late), &FakeWeb);
    assert_eq!(quality.update_fulfilled_in_time, Some(false));
    let one_day = Temporal::parse("2026-12-12").unwrap();
    let quality = udata_quality(&rich(), &catalog, Some(&one_day), &FakeWeb);
    assert_eq!(quality.update_fulfilled_in_time, Some(true));

    let mut long = rich();
    long.description = Text::new().with("fr", "x".repeat(101)).unwrap();
    assert!(udata_quality(&long, &catalog, None, &OfflineChecker).dataset_description_quality);
    long.description = Text::new().with("fr", "x".repeat(100)).unwrap();
    assert!(!udata_quality(&long, &catalog, None, &OfflineChecker).dataset_description_quality);

    let poor = udata_quality(&poor(), &catalog, Some(&as_of), &FakeWeb);
    assert_eq!(poor.score(), 0.0);
    assert_eq!(poor.has_open_format, None);
}
