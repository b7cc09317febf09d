//! Every rule on small hand-built catalogues: a clean fixture yields no warning or error;
//! each planted defect yields exactly the expected findings.
#![expect(
    clippy::unwrap_used,
    reason = "fixtures are built from literals known to be valid"
)]

use fihris_model::{
    Agent, Catalog, ContactPoint, Dataset, Distribution, Finding, Iri, Keyword, LicenseDocument,
    Literal, Location, NodeId, PeriodOfTime, PersonalData, Severity, Statement, Temporal, Term,
    Text,
};
use fihris_rules::{
    Freshness, FreshnessUnknown, Openness, Profile, RuleSet, ScanVerdicts, check, check_privacy,
    freshness, rules,
};
use fihris_vocab::{
    AccessRight, EuTheme, FileType, Frequency, Licence, PlannedAvailability, PortalTheme, Producer,
    Vocabulary,
};

fn iri(value: &str) -> Iri {
    Iri::new(value).unwrap()
}

fn node(value: &str) -> NodeId {
    NodeId::Iri(iri(value))
}

const DATASET: &str = "https://data.gov.ma/data/fr/dataset/population";

fn distribution(name: &str, format: FileType) -> Distribution {
    let url = iri(&format!("{DATASET}/resource/{name}"));
    let mut distribution = Distribution::new(NodeId::Iri(url.clone()), url.clone());
    distribution.download_urls.push(url);
    distribution.format = Some(format.into());
    distribution.media_type = format.media_type().map(|media| {
        iri(&format!(
            "https://www.iana.org/assignments/media-types/{media}"
        ))
    });
    distribution.licence = Some(LicenseDocument::from(Licence::PortalOdbl));
    distribution.description = Text::new().with("fr", "Fichier").unwrap();
    distribution.availability = Some(PlannedAvailability::Stable.into());
    distribution
}

/// A catalogue that passes every rule of the national profile.
fn clean() -> Catalog {
    let hcp = Producer::by_code("HCP").unwrap();
    let mut dataset = Dataset::new(
        node(DATASET),
        Text::new()
            .with("fr", "Population légale")
            .unwrap()
            .with("ar", "السكان القانونيون")
            .unwrap(),
    )
    .unwrap();
    dataset.description = Text::new()
        .with("fr", "Population légale par commune")
        .unwrap();
    dataset.publisher = Some(Agent::from_producer(hcp));
    dataset
        .contact_points
        .push(ContactPoint::new().with_email("mailto:contact@hcp.ma"));
    dataset
        .keywords
        .push(Keyword::new("fr", "population").unwrap());
    dataset
        .themes
        .push(EuTheme::from_code("SOCI").unwrap().into());
    dataset.portal_themes.push(PortalTheme::ALL[0]);
    dataset.spatial.push(Location::identified(node(
        "http://publications.europa.eu/resource/authority/country/MAR",
    )));
    dataset.temporal.push(
        PeriodOfTime::new(
            Some(Temporal::parse("2014").unwrap()),
            Some(Temporal::parse("2024").unwrap()),
        )
        .unwrap(),
    );
    dataset.accrual_periodicity = Some(Frequency::Annual.into());
    dataset.modified = Some(Temporal::parse("2026-06-01").unwrap());
    dataset.access_rights = Some(AccessRight::Public.into());
    dataset.inventory.personal_data = Some(PersonalData::None);
    dataset
        .distributions
        .push(distribution("population.csv", FileType::Csv));

    let mut catalog = Catalog::new(
        node("https://data.gov.ma/catalog"),
        Text::new().with("fr", "Portail national").unwrap(),
    )
    .unwrap();
    catalog.description = Text::new().with("fr", "Données ouvertes du Maroc").unwrap();
    catalog.publisher = Some(Agent::from_producer(hcp));
    catalog.licence = Some(LicenseDocument::from(Licence::PortalOdbl));
    catalog
        .languages
        .push(fihris_vocab::Language::ALL[0].into());
    catalog.issued = Some(Temporal::parse("2014").unwrap());
    catalog.modified = Some(Temporal::parse("2026-11-01").unwrap());
    catalog.spatial.push(Location::identified(node(
        "http://publications.europa.eu/resource/authority/country/MAR",
    )));
    catalog.theme_taxonomies.push(iri(EuTheme::SCHEME));
    catalog.homepage = Some(iri("https://data.gov.ma"));
    catalog.datasets.push(dataset);
    catalog
}

fn ma_rules() -> RuleSet {
    RuleSet::new(Profile::Ma).with_as_of(Temporal::parse("2026-11-30").unwrap())
}

/// The rule ids of warning and error findings, sorted.
fn problems(catalog: &Catalog) -> Vec<String> {
    let report = check(catalog, &ma_rules());
    let mut ids: Vec<String> = report
        .findings()
        .iter()
        .filter(|f| f.severity() > Severity::Info)
        .map(|f| f.rule_id().to_owned())
        .collect();
    ids.sort();
    ids
}

fn dataset(catalog: &mut Catalog) -> &mut Dataset {
    &mut catalog.datasets[0]
}

fn first_distribution(catalog: &mut Catalog) -> &mut Distribution {
    &mut catalog.datasets[0].distributions[0]
}

#[test]
fn clean_fixture_has_no_problem() {
    let catalog = clean();
    let report = check(&catalog, &ma_rules());
    let problems: Vec<&Finding> = report
        .findings()
        .iter()
        .filter(|f| f.severity() > Severity::Info)
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let infos: Vec<&str> = report.findings().iter().map(Finding::rule_id).collect();
    assert_eq!(infos, ["format.stars", "licence.duties", "quality.mqa"]);
    assert!(!report.has_errors());
}

/// One planted defect per rule: (what, mutation, expected warning/error rule ids).
type Case = (&'static str, fn(&mut Catalog), &'static [&'static str]);

const CASES: &[Case] = &[
    (
        "xlsx only",
        |c| first_distribution(c).format = Some(FileType::Xlsx.into()),
        &["format.non-proprietary"],
    ),
    (
        "tsv only (open, not machine-readable)",
        |c| first_distribution(c).format = Some(FileType::Tsv.into()),
        &["format.non-proprietary"],
    ),
    (
        "no format",
        |c| first_distribution(c).format = None,
        &[
            "dcatap.recommended",
            "format.missing",
            "format.non-proprietary",
        ],
    ),
    (
        "format outside the EU table",
        |c| {
            first_distribution(c).format = Some(fihris_model::Concept::Other(iri(
                "http://example.org/format/weird",
            )))
        },
        &[
            "dcatap.vocabulary",
            "format.non-proprietary",
            "format.unknown",
        ],
    ),
    (
        "licence inherited from the catalogue",
        |c| first_distribution(c).licence = None,
        &["dcatap.recommended"],
    ),
    (
        "no licence at all",
        |c| {
            first_distribution(c).licence = None;
            c.licence = None;
        },
        &[
            "dcatap.recommended",
            "dcatap.recommended",
            "licence.missing",
        ],
    ),
    (
        "licence not specified",
        |c| first_distribution(c).licence = Some(Licence::NotSpecified.into()),
        &["licence.open", "ma.licence"],
    ),
    (
        "unknown licence",
        |c| {
            first_distribution(c).licence =
                Some(LicenseDocument::new(node("https://example.org/my-licence")))
        },
        &["licence.unknown", "ma.licence"],
    ),
    (
        "two share-alike licences",
        |c| {
            let mut second = distribution("population.json", FileType::Json);
            second.licence = Some(Licence::CcBySa40.into());
            dataset(c).distributions.push(second);
        },
        &["licence.incompatible"],
    ),
    (
        "no description",
        |c| dataset(c).description = Text::new(),
        &["dcatap.mandatory"],
    ),
    (
        "two licences on one distribution",
        |c| {
            first_distribution(c).extra.statements.push(Statement::new(
                iri("http://purl.org/dc/terms/license"),
                Term::Iri(iri(
                    "http://publications.europa.eu/resource/authority/licence/CC0",
                )),
            ))
        },
        &["dcatap.cardinality"],
    ),
    (
        "literal landing page",
        |c| {
            dataset(c).extra.statements.push(Statement::new(
                iri("http://www.w3.org/ns/dcat#landingPage"),
                Term::Literal(Literal::Simple("https://data.gov.ma/page".to_owned())),
            ))
        },
        &["dcatap.node-kind"],
    ),
    (
        "spatial resolution not a decimal",
        |c| dataset(c).spatial_resolution_m = Some("ten".to_owned()),
        &["dcatap.datatype"],
    ),
    (
        "byte size as a decimal kept in extras",
        |c| {
            first_distribution(c).extra.statements.push(Statement::new(
                iri("http://www.w3.org/ns/dcat#byteSize"),
                Term::Literal(Literal::Typed {
                    value: "1024.0".to_owned(),
                    datatype: iri("http://www.w3.org/2001/XMLSchema#decimal"),
                }),
            ))
        },
        &["dcatap.datatype"],
    ),
    (
        "frequency outside the EU table",
        |c| {
            dataset(c).accrual_periodicity = Some(fihris_model::Concept::Other(iri(
                "http://example.org/freq/sometimes",
            )))
        },
        &["dcatap.vocabulary"],
    ),
    (
        "access rights outside the EU table",
        |c| {
            dataset(c).access_rights = Some(fihris_model::Concept::Other(iri(
                "http://example.org/rights/open",
            )))
        },
        &["dcatap.vocabulary-recommended"],
    ),
    (
        "media type not IANA",
        |c| first_distribution(c).media_type = Some(iri("http://example.org/media/csv")),
        &["dcatap.vocabulary"],
    ),
    (
        "no keyword",
        |c| dataset(c).keywords.clear(),
        &["dcatap.recommended"],
    ),
    (
        "not updated for two years",
        |c| dataset(c).modified = Some(Temporal::parse("2024-06-01").unwrap()),
        &["freshness.overdue"],
    ),
    (
        "publisher outside the referential",
        |c| dataset(c).publisher = Some(Agent::new(Text::untagged("Bureau d'études")).unwrap()),
        &["ma.producer"],
    ),
    (
        "no portal theme",
        |c| dataset(c).portal_themes.clear(),
        &["ma.theme"],
    ),
    (
        "no frequency",
        |c| dataset(c).accrual_periodicity = None,
        &["ma.frequency"],
    ),
    (
        "contact without e-mail",
        |c| dataset(c).contact_points[0].email = None,
        &["ma.contact-email"],
    ),
    (
        "no contact point",
        |c| dataset(c).contact_points.clear(),
        &["dcatap.recommended", "ma.contact-email"],
    ),
    (
        "Arabic title only",
        |c| {
            dataset(c).title.remove(Some("fr"));
        },
        &["ma.title-fr"],
    ),
    (
        "French title only",
        |c| {
            dataset(c).title.remove(Some("ar"));
        },
        &["ma.title-ar"],
    ),
    (
        "no access rights",
        |c| dataset(c).access_rights = None,
        &["ma.access-rights"],
    ),
    (
        "personal data not declared",
        |c| dataset(c).inventory.personal_data = None,
        &["ma.personal-data"],
    ),
    (
        "no catalogue publisher",
        |c| c.publisher = None,
        &["dcatap.mandatory"],
    ),
    (
        "agent without a name",
        |c| dataset(c).publisher.as_mut().unwrap().name = Text::new(),
        &["dcatap.mandatory"],
    ),
];

#[test]
fn each_planted_defect_yields_exactly_its_findings() {
    for (what, plant, expected) in CASES {
        let mut catalog = clean();
        plant(&mut catalog);
        assert_eq!(problems(&catalog), *expected, "{what}");
    }
}

#[test]
fn every_rule_is_exercised_by_a_case_or_a_test() {
    let mut covered: Vec<&str> = CASES
        .iter()
        .flat_map(|(_, _, ids)| ids.iter().copied())
        .collect();
    // Info rules and the privacy hook have their own tests below.
    covered.extend([
        "format.proprietary",
        "format.not-machine-readable",
        "format.stars",
        "licence.duties",
        "quality.mqa",
        "privacy.declared-none",
        "freshness.unknown",
    ]);
    for rule in rules() {
        assert!(covered.contains(&rule.id), "{} has no test", rule.id);
    }
}

#[test]
fn dataset_profile_does_not_run_national_rules() {
    let mut catalog = clean();
    dataset(&mut catalog).portal_themes.clear();
    dataset(&mut catalog).inventory.personal_data = None;
    let report = check(&catalog, &RuleSet::new(Profile::DcatAp));
    assert!(
        report
            .findings()
            .iter()
            .all(|f| !f.rule_id().starts_with("ma."))
    );
}

#[test]
fn severities_and_enablement_are_configurable() {
    let mut catalog = clean();
    first_distribution(&mut catalog).format = Some(FileType::Xlsx.into());
    let rules = ma_rules()
        .with_severity("format.non-proprietary", Severity::Warning)
        .unwrap()
        .with_disabled("format.proprietary")
        .unwrap();
    let report = check(&catalog, &rules);
    let finding = report
        .findings()
        .iter()
        .find(|f| f.rule_id() == "format.non-proprietary")
        .unwrap();
    assert_eq!(finding.severity(), Severity::Warning);
    assert_eq!(finding.path().dataset(), Some(DATASET));
    assert!(finding.hint().unwrap().contains("CSV"));
    assert!(!report.has_errors());
    assert!(
        report
            .findings()
            .iter()
            .all(|f| f.rule_id() != "format.proprietary")
    );
}

#[test]
fn per_distribution_openness_findings() {
    let mut catalog = clean();
    dataset(&mut catalog)
        .distributions
        .push(distribution("rapport.pdf", FileType::Pdf));
    dataset(&mut catalog)
        .distributions
        .push(distribution("tableau.xlsx", FileType::Xlsx));
    let report = check(&catalog, &ma_rules());
    let about = |name: &str| -> Vec<(String, String)> {
        report
            .findings()
            .iter()
            .filter(|f| f.path().to_string().ends_with(name) && f.rule_id().starts_with("format."))
            .map(|f| (f.rule_id().to_owned(), f.message().to_owned()))
            .collect()
    };
    assert_eq!(
        about("rapport.pdf"),
        [
            (
                "format.proprietary".to_owned(),
                "PDF is a proprietary format".to_owned()
            ),
            (
                "format.not-machine-readable".to_owned(),
                "PDF is not a machine-readable format".to_owned()
            ),
            (
                "format.stars".to_owned(),
                "1 star(s): PDF, open licence".to_owned()
            ),
        ]
    );
    assert_eq!(
        about("tableau.xlsx"),
        [
            (
                "format.proprietary".to_owned(),
                "XLSX is a proprietary format".to_owned()
            ),
            (
                "format.stars".to_owned(),
                "2 star(s): XLSX, open licence".to_owned()
            ),
        ]
    );
    // CSV next to them: the dataset passes.
    assert!(
        report
            .findings()
            .iter()
            .all(|f| f.rule_id() != "format.non-proprietary")
    );
}

#[test]
fn stars_are_zero_without_an_open_licence() {
    let mut catalog = clean();
    first_distribution(&mut catalog).licence = Some(Licence::NotSpecified.into());
    let openness = Openness::of(&catalog.datasets[0].distributions[0], &catalog);
    assert_eq!(openness.stars, Some(0));
    assert_eq!(openness.licence, Some(Licence::NotSpecified));
    first_distribution(&mut catalog).licence = None;
    catalog.licence = None;
    assert_eq!(
        Openness::of(&catalog.datasets[0].distributions[0], &catalog).stars,
        Some(0)
    );
    first_distribution(&mut catalog).format = None;
    assert_eq!(
        Openness::of(&catalog.datasets[0].distributions[0], &catalog).stars,
        None
    );
}

#[test]
fn a_dataset_without_distributions_is_not_judged_on_formats() {
    let mut catalog = clean();
    dataset(&mut catalog).distributions.clear();
    let ids = problems(&catalog);
    assert!(!ids.iter().any(|id| id.starts_with("format.")), "{ids:?}");
    assert_eq!(ids, ["dcatap.recommended"]);
}

#[test]
fn licence_duties_name_the_licences() {
    let mut catalog = clean();
    let mut second = distribution("population.json", FileType::Json);
    second.licence = Some(Licence::CcBy40.into());
    dataset(&mut catalog).distributions.push(second);
    let report = check(&catalog, &ma_rules());
    let duties = report
        .findings()
        .iter()
        .find(|f| f.rule_id() == "licence.duties")
        .unwrap();
    assert_eq!(
        duties.message(),
        "reusers must credit the source (MA_ODBL, CC-BY-4.0); \
         derived data must be shared under the same licence (MA_ODBL)"
    );
    // The portal's licence and ODbL 1.0 are one family: compatible.
    dataset(&mut catalog).distributions[1].licence = Some(Licence::Odbl10.into());
    assert!(!problems(&catalog).contains(&"licence.incompatible".to_owned()));
}

#[test]
fn freshness_edges() {
    let mut catalog = clean();
    let as_of = Temporal::parse("2026-11-30").unwrap();
    let d = dataset(&mut catalog);
    d.modified = Some(Temporal::parse("2025-11-29").unwrap());
    // 366 days: exactly the interval of ANNUAL, still up to date.
    assert!(matches!(
        freshness(d, &as_of),
        Freshness::UpToDate {
            days_since_update: 366,
            interval_days: 366,
            ..
        }
    ));
    d.modified = Some(Temporal::parse("2025-11-28").unwrap());
    assert!(matches!(
        freshness(d, &as_of),
        Freshness::Overdue {
            days_overdue: 1,
            ..
        }
    ));
    // A year literal counts from its last day.
    d.modified = Some(Temporal::parse("2025").unwrap());
    assert!(matches!(
        freshness(d, &as_of),
        Freshness::UpToDate {
            days_since_update: 334,
            ..
        }
    ));
    // A later distribution update counts.
    d.modified = Some(Temporal::parse("2020-01-01").unwrap());
    d.distributions[0].modified = Some(Temporal::parse("2026-10-01T10:00:00Z").unwrap());
    assert!(matches!(
        freshness(d, &as_of),
        Freshness::UpToDate {
            days_since_update: 60,
            ..
        }
    ));
    // Issue dates only when nothing is modified.
    d.modified = None;
    d.distributions[0].modified = None;
    d.issued = Some(Temporal::parse("2026-01-15").unwrap());
    assert!(matches!(
        freshness(d, &as_of),
        Freshness::UpToDate {
            days_since_update: 319,
            ..
        }
    ));
    d.issued = None;
    assert_eq!(
        freshness(d, &as_of),
        Freshness::Unknown(FreshnessUnknown::NoUpdateDate)
    );
    d.accrual_periodicity = Some(Frequency::Irregular.into());
    assert_eq!(
        freshness(d, &as_of),
        Freshness::Unknown(FreshnessUnknown::IrregularFrequency)
    );
    d.accrual_periodicity = None;
    assert_eq!(
        freshness(d, &as_of),
        Freshness::Unknown(FreshnessUnknown::NoFrequency)
    );
}

#[test]
fn overdue_message_says_by_how_much() {
    let mut catalog = clean();
    dataset(&mut catalog).modified = Some(Temporal::parse("2024-06-01").unwrap());
    let report = check(&catalog, &ma_rules());
    let overdue = report
        .findings()
        .iter()
        .find(|f| f.rule_id() == "freshness.overdue")
        .unwrap();
    // 2024-06-01 to 2026-11-30 is 912 days; ANNUAL allows 366.
    assert_eq!(
        overdue.message(),
        "546 days overdue: last updated 2024-06-01 (912 days ago), ANNUAL means every 366 days"
    );
    dataset(&mut catalog).modified = None;
    let report = check(&catalog, &ma_rules());
    let unknown = report
        .findings()
        .iter()
        .find(|f| f.rule_id() == "freshness.unknown")
        .unwrap();
    assert_eq!(unknown.severity(), Severity::Info);
    assert_eq!(
        unknown.message(),
        "freshness unknown: no modification or issue date"
    );
    // Without a reference date, freshness is not checked.
    let report = check(&catalog, &RuleSet::new(Profile::Ma));
    assert!(
        report
            .findings()
            .iter()
            .all(|f| !f.rule_id().starts_with("freshness."))
    );
}

#[test]
fn privacy_declared_none_against_scan_verdicts() {
    let catalog = clean();
    let distribution = catalog.datasets[0].distributions[0].id.clone();
    let found = ScanVerdicts::new().with_verdict(distribution.clone(), true);
    let findings = check_privacy(&catalog, &found, &RuleSet::default());
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].rule_id(), "privacy.declared-none");
    assert_eq!(findings[0].severity(), Severity::Error);
    assert!(findings[0].path().to_string().contains("population.csv"));
    // Nothing found, or nothing declared: no finding.
    let clear = ScanVerdicts::new().with_verdict(distribution.clone(), false);
    assert!(check_privacy(&catalog, &clear, &RuleSet::default()).is_empty());
    let mut anonymised = clean();
    anonymised.datasets[0].inventory.personal_data =
        Some(PersonalData::Anonymised { method: None });
    assert!(check_privacy(&anonymised, &found, &RuleSet::default()).is_empty());
    // The last verdict for a distribution wins.
    let mut verdicts = found.clone();
    verdicts.insert(distribution, false);
    assert_eq!(verdicts.len(), 1);
    assert!(check_privacy(&catalog, &verdicts, &RuleSet::default()).is_empty());
    let disabled = RuleSet::default()
        .with_disabled("privacy.declared-none")
        .unwrap();
    assert!(check_privacy(&catalog, &found, &disabled).is_empty());
}

#[test]
fn findings_are_deterministic() {
    let mut catalog = clean();
    for index in 0..5 {
        let mut d = catalog.datasets[0].clone();
        d.id = node(&format!("{DATASET}-{index}"));
        d.distributions[0].format = Some(FileType::Pdf.into());
        catalog.datasets.push(d);
    }
    let first = check(&catalog, &ma_rules());
    let second = check(&catalog, &ma_rules());
    assert_eq!(first, second);
}
