//! Every statistic checked against a count made here by another path: the fixture is a
//! table of plain specs, the expected values are counted over that table with the test's
//! own tables of open formats, star levels and frequency intervals, and a few totals are
//! written out by hand.
#![expect(
    clippy::unwrap_used,
    reason = "fixture helpers: a fixture that does not build is a failed test"
)]

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use fihris_model::inventory::{DataKind, PublicationStatus};
use fihris_model::{
    Agent, Catalog, Concept, Dataset, Distribution, Finding, FindingPath, Iri, NodeId, PathSegment,
    PersonalData, Severity, Temporal, Text,
};
use fihris_stats::{
    Assessment, CatalogStats, QualityScore, RANKING_WEIGHTS, SCORECARD_CSV_HEADER, StatsBuilder,
    write_scorecards_csv,
};
use fihris_vocab::{
    AccessRight, EuTheme, FileType, Frequency, Licence, PortalTheme, Producer, Vocabulary,
};

/// Format of a fixture distribution: an EU file type, another IRI, or none.
#[derive(Clone, Copy)]
enum Format {
    Known(FileType),
    Other,
    Missing,
}

struct Spec {
    id: &'static str,
    /// A portal producer code, `~name` for an agent known only by name, or `""` for none.
    producer: &'static str,
    themes: &'static [PortalTheme],
    eu: &'static [EuTheme],
    distributions: &'static [(Format, Option<Licence>)],
    frequency: Option<Frequency>,
    issued: Option<&'static str>,
    modified: Option<&'static str>,
    status: Option<PublicationStatus>,
    kind: Option<DataKind>,
    access: Option<AccessRight>,
    personal: Option<&'static str>,
    score: Option<(u32, u32)>,
    findings: &'static [(&'static str, Severity)],
}

const AS_OF: (i32, u32, u32) = (2026, 6, 30);

use FileType::{Csv, Json, Pdf, RdfTurtle, Xlsx};
use Format::{Known, Missing, Other};
use Licence::{CcBy40, NotSpecified, Odbl10};

const BASE: Spec = Spec {
    id: "",
    producer: "",
    themes: &[],
    eu: &[],
    distributions: &[],
    frequency: None,
    issued: None,
    modified: None,
    status: None,
    kind: None,
    access: None,
    personal: None,
    score: None,
    findings: &[],
};

fn specs() -> Vec<Spec> {
    vec![
        Spec {
            id: "hcp-ipc",
            producer: "HCP",
            themes: &[PortalTheme::Finance],
            distributions: &[(Known(Csv), Some(Odbl10)), (Known(Xlsx), Some(Odbl10))],
            frequency: Some(Frequency::Monthly),
            issued: Some("2024-01-15"),
            modified: Some("2026-06-10"),
            kind: Some(DataKind::Statistics),
            access: Some(AccessRight::Public),
            personal: Some("none"),
            score: Some((380, 405)),
            findings: &[("format.non-proprietary", Severity::Warning)],
            ..BASE
        },
        Spec {
            id: "hcp-chomage",
            producer: "HCP",
            themes: &[PortalTheme::Emploi, PortalTheme::Societe],
            distributions: &[(Known(Xlsx), Some(Odbl10))],
            frequency: Some(Frequency::Quarterly),
            issued: Some("2023-03-01T10:00:00"),
            modified: Some("2025-12-31"),
            kind: Some(DataKind::Statistics),
            personal: Some("none"),
            score: Some((250, 405)),
            findings: &[
                ("format.non-proprietary", Severity::Error),
                ("dcatap.recommended", Severity::Info),
            ],
            ..BASE
        },
        Spec {
            id: "hcp-rgph",
            producer: "HCP",
            themes: &[PortalTheme::Societe],
            eu: &[EuTheme::Soci, EuTheme::Regi],
            distributions: &[],
            frequency: Some(Frequency::Decennial),
            status: Some(PublicationStatus::Planned),
            kind: Some(DataKind::Survey),
            personal: Some("anonymised"),
            ..BASE
        },
        Spec {
            id: "sante-etablissements",
            producer: "MSPS",
            themes: &[PortalTheme::Sante],
            distributions: &[(Known(Json), Some(CcBy40)), (Known(Pdf), Some(CcBy40))],
            frequency: Some(Frequency::Annual),
            issued: Some("2019"),
            modified: Some("2024"),
            kind: Some(DataKind::InfrastructureLocations),
            access: Some(AccessRight::Public),
            score: Some((100, 405)),
            ..BASE
        },
        Spec {
            id: "sante-rapport",
            producer: "MSPS",
            themes: &[PortalTheme::Sante],
            distributions: &[(Known(Pdf), Some(NotSpecified))],
            frequency: Some(Frequency::Irregular),
            issued: Some("2024-01-20"),
            access: Some(AccessRight::Public),
            personal: Some("present"),
            score: Some((150, 405)),
            findings: &[
                ("licence.open", Severity::Error),
                ("format.non-proprietary", Severity::Error),
            ],
            ..BASE
        },
        Spec {
            id: "sante-dossiers",
            producer: "MSPS",
            themes: &[PortalTheme::Sante],
            status: Some(PublicationStatus::Restricted),
            access: Some(AccessRight::NonPublic),
            personal: Some("present"),
            ..BASE
        },
        Spec {
            id: "commune-budget",
            producer: "~Commune de Tiznit",
            themes: &[PortalTheme::Finance, PortalTheme::Transparence],
            distributions: &[(Known(RdfTurtle), Some(Odbl10)), (Other, Some(Odbl10))],
            frequency: Some(Frequency::Annual),
            issued: Some("2025-02"),
            modified: Some("2025-02-01"),
            kind: Some(DataKind::ReferenceData),
            ..BASE
        },
        Spec {
            id: "orphan",
            producer: "",
            themes: &[],
            eu: &[EuTheme::Tran],
            distributions: &[(Missing, None), (Known(Csv), None)],
            frequency: Some(Frequency::Weekly),
            issued: Some("2025-02-10"),
            ..BASE
        },
        Spec {
            id: "hcp-prix-hebdo",
            producer: "HCP",
            themes: &[PortalTheme::Finance],
            distributions: &[(Known(Csv), Some(CcBy40))],
            frequency: Some(Frequency::Weekly),
            issued: Some("2024-01-05"),
            status: Some(PublicationStatus::Published),
            ..BASE
        },
        Spec {
            id: "ms-planned",
            producer: "MSPS",
            themes: &[PortalTheme::Sante],
            status: Some(PublicationStatus::Planned),
            ..BASE
        },
    ]
}

fn build(specs: &[Spec]) -> Catalog {
    let mut catalog = Catalog::new(
        NodeId::Iri(Iri::new("https://data.gov.ma/catalog").unwrap()),
        Text::untagged("Portail"),
    )
    .unwrap();
    for spec in specs {
        let mut dataset = Dataset::new(iri(spec.id), Text::untagged(spec.id)).unwrap();
        dataset.publisher = match spec.producer {
            "" => None,
            name if name.starts_with('~') => {
                Some(Agent::new(Text::new().with("fr", &name[1..]).unwrap()).unwrap())
            }
            code => Some(Agent::from_producer(Producer::by_code(code).unwrap())),
        };
        dataset.portal_themes = spec.themes.to_vec();
        dataset.themes = spec.eu.iter().map(|t| Concept::Known(*t)).collect();
        for (index, (format, licence)) in spec.distributions.iter().enumerate() {
            let id = format!("{}/d{index}", spec.id);
            let mut distribution =
                Distribution::new(iri(&id), Iri::new(format!("https://x.ma/{id}")).unwrap());
            distribution.format = match format {
                Known(file_type) => Some(Concept::Known(*file_type)),
                Other => Some(Concept::Other(
                    Iri::new("https://example.org/format/SAS").unwrap(),
                )),
                Missing => None,
            };
            distribution.licence = licence.map(Into::into);
            dataset.distributions.push(distribution);
        }
        dataset.accrual_periodicity = spec.frequency.map(Concept::Known);
        dataset.issued = spec.issued.map(|d| Temporal::parse(d).unwrap());
        dataset.modified = spec.modified.map(|d| Temporal::parse(d).unwrap());
        dataset.inventory.publication_status = spec.status;
        dataset.inventory.kind_of_data = spec.kind;
        dataset.access_rights = spec.access.map(Concept::Known);
        dataset.inventory.personal_data = spec.personal.map(|code| match code {
            "none" => PersonalData::None,
            "anonymised" => PersonalData::Anonymised { method: None },
            _ => PersonalData::Present,
        });
        catalog.datasets.push(dataset);
    }
    catalog
}

fn iri(id: &str) -> NodeId {
    NodeId::Iri(Iri::new(format!("https://data.gov.ma/dataset/{id}")).unwrap())
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(AS_OF.0, AS_OF.1, AS_OF.2).unwrap()
}

fn assessment(spec: &Spec) -> Option<Assessment> {
    if spec.score.is_none() && spec.findings.is_empty() {
        return None;
    }
    let mut assessment = Assessment::new();
    if let Some((points, max)) = spec.score {
        assessment = assessment.with_score(QualityScore::new(points, max).unwrap());
    }
    for (rule, severity) in spec.findings {
        let path = FindingPath::new().with(PathSegment::Dataset(iri(spec.id).to_string().into()));
        assessment = assessment.with_finding(Finding::new(*rule, *severity, path, "problem"));
    }
    Some(assessment)
}

fn stats() -> CatalogStats {
    let specs = specs();
    let catalog = build(&specs);
    CatalogStats::compute_with(&catalog, as_of(), |dataset| {
        let spec = specs.iter().find(|s| iri(s.id) == dataset.id)?;
        assessment(spec)
    })
}

// The test's own tables: which formats are open and machine-readable, star levels.
const OPEN_FORMATS: &[&str] = &["CSV", "JSON", "RDF_TURTLE"];

fn stars_of(format: Format, licence: Option<Licence>) -> u64 {
    let open = matches!(licence, Some(Odbl10 | CcBy40));
    if !open {
        return 0;
    }
    match format {
        Known(Csv | Json) => 3,
        Known(RdfTurtle) => 4,
        Known(Xlsx) => 2,
        _ => 1,
    }
}

fn typical_days(frequency: Frequency) -> Option<i64> {
    match frequency {
        Frequency::Weekly => Some(7),
        Frequency::Monthly => Some(31),
        Frequency::Quarterly => Some(92),
        Frequency::Annual => Some(366),
        Frequency::Decennial => Some(3653),
        _ => None,
    }
}

fn effective_status(spec: &Spec) -> &'static str {
    match spec.status {
        Some(PublicationStatus::Published) => "published",
        Some(PublicationStatus::Planned) => "planned",
        Some(PublicationStatus::Restricted) => "restricted",
        _ if !spec.distributions.is_empty() => "published",
        _ => "unspecified",
    }
}

fn tally_map(tallies: &[fihris_stats::Tally]) -> BTreeMap<String, u64> {
    tallies
        .iter()
        .filter(|t| t.count > 0)
        .map(|t| (t.key.clone(), t.count))
        .collect()
}

fn count_by(specs: &[Spec], key: impl Fn(&Spec) -> Vec<String>) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    for spec in specs {
        for k in key(spec) {
            *counts.entry(k).or_insert(0) += 1;
        }
    }
    counts
}

#[test]
fn totals_written_by_hand() {
    let stats = stats();
    assert_eq!(stats.as_of, "2026-06-30");
    assert_eq!(stats.datasets, 10);
    assert_eq!(stats.distributions, 11);
    // HCP, MS, the commune; the orphan has no producer.
    assert_eq!(stats.producers, 3);
    assert_eq!(stats.without_portal_theme, 1);
}

#[test]
fn counts_by_theme() {
    let specs = specs();
    let stats = stats();
    let portal = count_by(&specs, |s| {
        s.themes.iter().map(|t| t.slug().to_owned()).collect()
    });
    assert_eq!(tally_map(&stats.by_portal_theme), portal);
    assert_eq!(stats.by_portal_theme.len(), 19);
    let eu = count_by(&specs, |s| {
        let mut set = BTreeSet::new();
        for theme in s.themes {
            set.insert(format!("{:?}", theme.eu_primary()).to_uppercase());
            if let Some(second) = theme.eu_secondary() {
                set.insert(format!("{second:?}").to_uppercase());
            }
        }
        for theme in s.eu {
            set.insert(format!("{theme:?}").to_uppercase());
        }
        set.into_iter().collect()
    });
    assert_eq!(tally_map(&stats.by_eu_theme), eu);
    let used: BTreeSet<&str> = specs
        .iter()
        .flat_map(|s| s.themes.iter().map(|t| t.slug()))
        .collect();
    let without: Vec<&str> = PortalTheme::ALL
        .iter()
        .map(|t| t.slug())
        .filter(|slug| !used.contains(slug))
        .collect();
    assert_eq!(stats.themes_without_datasets, without);
    assert_eq!(without.len(), 19 - 5);
}

#[test]
fn counts_by_producer_format_licence() {
    let specs = specs();
    let stats = stats();
    let producers = count_by(&specs, |s| {
        vec![match s.producer {
            "" => "unspecified".to_owned(),
            name => name.trim_start_matches('~').to_owned(),
        }]
    });
    assert_eq!(tally_map(&stats.by_producer), producers);
    // Most first.
    assert_eq!(stats.by_producer[0].key, "HCP");
    assert_eq!(stats.by_producer[0].count, 4);

    let formats = count_by(&specs, |s| {
        s.distributions
            .iter()
            .map(|(format, _)| match format {
                Known(Csv) => "CSV".to_owned(),
                Known(Json) => "JSON".to_owned(),
                Known(Xlsx) => "XLSX".to_owned(),
                Known(Pdf) => "PDF".to_owned(),
                Known(RdfTurtle) => "RDF_TURTLE".to_owned(),
                Known(other) => panic!("add {other:?} to the test table"),
                Other => "https://example.org/format/SAS".to_owned(),
                Missing => "unspecified".to_owned(),
            })
            .collect()
    });
    assert_eq!(tally_map(&stats.by_format), formats);

    let licences = count_by(&specs, |s| {
        let set: BTreeSet<String> = s
            .distributions
            .iter()
            .filter_map(|(_, licence)| {
                licence.map(|l| match l {
                    Odbl10 => "ODC_BL".to_owned(),
                    CcBy40 => "CC_BY_4_0".to_owned(),
                    NotSpecified => "NOT_SPECIFIED".to_owned(),
                    other => panic!("add {other:?} to the test table"),
                })
            })
            .collect();
        if set.is_empty() {
            vec!["unspecified".to_owned()]
        } else {
            set.into_iter().collect()
        }
    });
    assert_eq!(tally_map(&stats.by_licence), licences);
}

#[test]
fn counts_by_frequency_access_status_kind() {
    let specs = specs();
    let stats = stats();
    let frequencies = count_by(&specs, |s| {
        vec![
            s.frequency
                .map_or("unspecified".to_owned(), |f| Vocabulary::code(f).to_owned()),
        ]
    });
    assert_eq!(tally_map(&stats.by_frequency), frequencies);
    let access = count_by(&specs, |s| {
        vec![
            match s.access {
                Some(AccessRight::Public) => "PUBLIC",
                Some(AccessRight::NonPublic) => "NON_PUBLIC",
                Some(_) => "RESTRICTED",
                None => "unspecified",
            }
            .to_owned(),
        ]
    });
    assert_eq!(tally_map(&stats.by_access_rights), access);
    let status = count_by(&specs, |s| vec![effective_status(s).to_owned()]);
    assert_eq!(tally_map(&stats.by_publication_status), status);
    let keys: Vec<&str> = stats
        .by_publication_status
        .iter()
        .map(|t| t.key.as_str())
        .collect();
    assert_eq!(keys, ["published", "planned", "restricted", "unspecified"]);
    // 7 published (6 by their distributions, 1 declared), 2 planned: 7 / 9.
    assert_eq!(status["published"], 7);
    assert_eq!(stats.coverage_rate, Some(0.7778));
    let kinds = count_by(&specs, |s| {
        vec![
            match s.kind {
                Some(DataKind::Statistics) => "statistics",
                Some(DataKind::Survey) => "survey",
                Some(DataKind::InfrastructureLocations) => "infrastructure-locations",
                Some(_) => "reference-data",
                None => "unspecified",
            }
            .to_owned(),
        ]
    });
    assert_eq!(tally_map(&stats.by_kind_of_data), kinds);
    let personal = count_by(&specs, |s| {
        vec![s.personal.unwrap_or("undeclared").to_owned()]
    });
    let p = stats.personal_data;
    let got: BTreeMap<String, u64> = [
        ("none", p.none),
        ("anonymised", p.anonymised),
        ("present", p.present),
        ("undeclared", p.undeclared),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(k, n)| (k.to_owned(), n))
    .collect();
    assert_eq!(got, personal);
}

#[test]
fn openness_and_stars() {
    let specs = specs();
    let stats = stats();
    let with_distributions = specs.iter().filter(|s| !s.distributions.is_empty()).count() as u64;
    let open_format = specs
        .iter()
        .filter(|s| {
            s.distributions.iter().any(|(format, _)| match format {
                Known(file_type) => OPEN_FORMATS.contains(&Vocabulary::code(*file_type)),
                _ => false,
            })
        })
        .count() as u64;
    let open_licence = specs
        .iter()
        .filter(|s| {
            s.distributions
                .iter()
                .any(|(_, licence)| matches!(licence, Some(Odbl10 | CcBy40)))
        })
        .count() as u64;
    assert_eq!(
        (stats.open_format.count, stats.open_format.of),
        (open_format, with_distributions)
    );
    assert_eq!(
        (stats.open_licence.count, stats.open_licence.of),
        (open_licence, with_distributions)
    );
    // By hand: 7 datasets with a distribution; open format: ipc, etablissements, budget,
    // orphan, prix-hebdo; open licence: all but the report and the orphan.
    assert_eq!((open_format, open_licence, with_distributions), (5, 5, 7));
    assert_eq!(stats.open_format.share, Some(0.7143));
    let stars = count_by(&specs, |s| {
        let best = s
            .distributions
            .iter()
            .map(|(format, licence)| stars_of(*format, *licence))
            .max()
            .unwrap_or(0);
        vec![best.to_string()]
    });
    assert_eq!(tally_map(&stats.by_stars), stars);
    assert_eq!(stats.by_stars.len(), 6);
}

#[test]
fn freshness_and_months() {
    let specs = specs();
    let stats = stats();
    let (mut up, mut overdue, mut unknown, mut undated) = (0, 0, 0, 0);
    for spec in &specs {
        if effective_status(spec) != "published" {
            continue;
        }
        let Some(days) = spec.frequency.and_then(typical_days) else {
            unknown += 1;
            continue;
        };
        let Some(date) = spec.modified.or(spec.issued) else {
            undated += 1;
            continue;
        };
        // Last day the literal covers, computed from the text.
        let last = match date.len() {
            4 => format!("{date}-12-31"),
            7 => {
                let month = NaiveDate::parse_from_str(&format!("{date}-01"), "%Y-%m-%d").unwrap();
                let next = month
                    .checked_add_months(chrono::Months::new(1))
                    .unwrap()
                    .pred_opt()
                    .unwrap();
                next.to_string()
            }
            _ => date[..10].to_owned(),
        };
        let last = NaiveDate::parse_from_str(&last, "%Y-%m-%d").unwrap();
        if (as_of() - last).num_days() > days {
            overdue += 1;
        } else {
            up += 1;
        }
    }
    let f = stats.freshness;
    assert_eq!(
        (f.up_to_date, f.overdue, f.unknown_frequency, f.undated),
        (up, overdue, unknown, undated)
    );
    // By hand: only the monthly index (updated 20 days before) is up to date; the irregular
    // report has no interval.
    assert_eq!((up, overdue, unknown, undated), (1, 5, 1, 0));

    let months = count_by(&specs, |s| match s.issued {
        Some(date) if date.len() >= 7 => vec![date[..7].to_owned()],
        _ => vec![],
    });
    let got: BTreeMap<String, u64> = stats
        .publications_per_month
        .iter()
        .map(|m| (m.month.clone(), m.count))
        .collect();
    assert_eq!(got, months);
    let order: Vec<&str> = stats
        .publications_per_month
        .iter()
        .map(|m| m.month.as_str())
        .collect();
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert_eq!(order, sorted);
}

#[test]
fn quality_and_findings() {
    let specs = specs();
    let stats = stats();
    let quality = stats.quality.as_ref().unwrap();
    let scores: Vec<f64> = specs
        .iter()
        .filter_map(|s| s.score)
        .map(|(p, m)| f64::from(p) / f64::from(m) * 100.0)
        .collect();
    assert_eq!(quality.scored, scores.len() as u64);
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    assert!((quality.mean.unwrap() - mean).abs() < 0.01);
    let bands = count_by(&specs, |s| match s.score {
        Some((points, 405)) if points >= 351 => vec!["excellent".to_owned()],
        Some((points, 405)) if points >= 221 => vec!["good".to_owned()],
        Some((points, 405)) if points >= 121 => vec!["sufficient".to_owned()],
        Some(_) => vec!["bad".to_owned()],
        None => vec![],
    });
    assert_eq!(tally_map(&quality.by_band), bands);

    let findings = stats.findings.as_ref().unwrap();
    let all: Vec<&(&str, Severity)> = specs.iter().flat_map(|s| s.findings).collect();
    assert_eq!(findings.total, all.len() as u64);
    let rules = count_by(&specs, |s| {
        s.findings.iter().map(|(r, _)| (*r).to_owned()).collect()
    });
    assert_eq!(tally_map(&findings.by_rule), rules);
    let errors = all.iter().filter(|(_, s)| *s == Severity::Error).count();
    assert_eq!(findings.by_severity[0].key, "error");
    assert_eq!(findings.by_severity[0].count, errors as u64);
    // Worst first: every error before any warning, errors by rule id.
    let worst: Vec<(&str, &str)> = findings
        .worst
        .iter()
        .map(|f| (f.severity.as_str(), f.rule_id.as_str()))
        .collect();
    assert_eq!(
        worst[..3],
        [
            ("error", "format.non-proprietary"),
            ("error", "format.non-proprietary"),
            ("error", "licence.open"),
        ]
    );
    assert_eq!(worst.last(), Some(&("info", "dcatap.recommended")));
    assert!(
        findings.worst[0]
            .dataset
            .as_deref()
            .is_some_and(|d| d.starts_with("https://data.gov.ma/dataset/"))
    );
}

#[test]
fn worst_findings_are_bounded() {
    let mut builder = StatsBuilder::new(as_of()).with_worst_limit(2);
    let findings: Vec<Finding> = (0..10)
        .map(|i| {
            let severity = if i == 7 {
                Severity::Error
            } else {
                Severity::Warning
            };
            Finding::new(format!("rule.{i}"), severity, FindingPath::new(), "m")
        })
        .collect();
    builder.add_findings(&findings);
    let stats = builder.finish();
    let worst = stats.findings.unwrap().worst;
    let ids: Vec<&str> = worst.iter().map(|f| f.rule_id.as_str()).collect();
    assert_eq!(ids, ["rule.7", "rule.0"]);
}

#[test]
fn no_assessment_no_quality_nor_findings() {
    let catalog = build(&specs());
    let stats = CatalogStats::compute(&catalog, as_of());
    assert!(stats.quality.is_none());
    assert!(stats.findings.is_none());
    assert!(stats.scorecards.iter().all(|c| c.mean_quality.is_none()));
}

#[test]
fn scorecards_recounted() {
    let specs = specs();
    let stats = stats();
    assert_eq!(stats.scorecards.len(), 3);
    for card in &stats.scorecards {
        let own: Vec<&Spec> = specs
            .iter()
            .filter(|s| s.producer.trim_start_matches('~') == card.key)
            .collect();
        assert_eq!(card.datasets, own.len() as u64, "{}", card.key);
        let status = |wanted: &str| own.iter().filter(|s| effective_status(s) == wanted).count();
        assert_eq!(card.published, status("published") as u64);
        assert_eq!(card.planned, status("planned") as u64);
        assert_eq!(card.restricted, status("restricted") as u64);
        let with = own.iter().filter(|s| !s.distributions.is_empty()).count() as u64;
        assert_eq!(card.open_format.of, with);
        let present = own.iter().filter(|s| s.personal == Some("present")).count() as u64;
        assert_eq!(card.personal_data.present, present);
        let last = own.iter().filter_map(|s| s.issued).map(|d| match d.len() {
            4 => format!("{d}-01-01"),
            7 => format!("{d}-01"),
            _ => d[..10].to_owned(),
        });
        assert_eq!(card.last_publication, last.max());
        let scores: Vec<f64> = own
            .iter()
            .filter_map(|s| s.score)
            .map(|(p, m)| f64::from(p) * 100.0 / f64::from(m))
            .collect();
        match card.mean_quality {
            Some(mean) => {
                let expected = scores.iter().sum::<f64>() / scores.len() as f64;
                assert!((mean - expected).abs() < 0.01);
            }
            None => assert!(scores.is_empty()),
        }
        // The score is the documented weighted mean of the criteria shown.
        let c = card.criteria;
        let values = [
            c.coverage,
            c.open_format,
            c.open_licence,
            c.freshness,
            c.quality,
        ];
        let (mut sum, mut weights) = (0.0, 0.0);
        for ((name, weight), value) in RANKING_WEIGHTS.iter().zip(values) {
            assert!(!name.is_empty());
            if let Some(v) = value {
                sum += weight * v;
                weights += weight;
            }
        }
        let expected = (sum / weights * 1000.0).round() / 10.0;
        assert!((card.score - expected).abs() < 0.051, "{}", card.key);
    }
    // HCP: 3 published, 1 planned; open format 2 of 3 (ipc, prix-hebdo); open licence 3/3.
    let hcp = stats.scorecards.iter().find(|c| c.key == "HCP").unwrap();
    assert_eq!(hcp.criteria.coverage, Some(0.75));
    assert_eq!(hcp.open_format.count, 2);
    assert_eq!(hcp.open_licence.count, 3);
    assert_eq!(hcp.code.as_deref(), Some("HCP"));
    assert!(hcp.name_ar.is_some());
    // Ranks follow the scores.
    for pair in stats.scorecards.windows(2) {
        assert!(pair[0].score >= pair[1].score);
        assert!(pair[0].rank <= pair[1].rank);
    }
    assert_eq!(stats.scorecards[0].rank, 1);
}

#[test]
fn ties_share_a_rank() {
    let tie = |id: &'static str, producer: &'static str| Spec {
        id,
        producer,
        distributions: &[(Known(Csv), Some(Odbl10))],
        ..BASE
    };
    let catalog = build(&[tie("a", "HCP"), tie("b", "MSPS"), tie("c", "~Zeta")]);
    let stats = CatalogStats::compute(&catalog, as_of());
    let ranks: Vec<(u32, &str)> = stats
        .scorecards
        .iter()
        .map(|c| (c.rank, c.key.as_str()))
        .collect();
    assert_eq!(ranks, [(1, "HCP"), (1, "MSPS"), (1, "Zeta")]);
}

#[test]
fn csv_has_one_row_per_producer() {
    let stats = stats();
    let csv = String::from_utf8(write_scorecards_csv(&stats, Vec::new()).unwrap()).unwrap();
    let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
    assert_eq!(lines.len(), 1 + stats.scorecards.len());
    assert_eq!(lines[0], SCORECARD_CSV_HEADER.join(","));
    for (line, card) in lines[1..].iter().zip(&stats.scorecards) {
        assert!(line.starts_with(&format!("{},{},", card.rank, card.key)));
        assert!(line.ends_with(&format!(",{}", card.score)));
    }
}

/// The JSON contract: these keys are documented in the README and scripts depend on them.
#[test]
fn json_keys_are_stable() {
    let json = serde_json::to_value(stats()).unwrap();
    let keys = |value: &serde_json::Value| -> Vec<String> {
        value.as_object().unwrap().keys().cloned().collect()
    };
    let mut top = keys(&json);
    top.sort();
    let mut expected = vec![
        "as_of",
        "datasets",
        "distributions",
        "producers",
        "by_portal_theme",
        "without_portal_theme",
        "by_eu_theme",
        "by_producer",
        "by_format",
        "by_licence",
        "by_frequency",
        "by_access_rights",
        "by_publication_status",
        "coverage_rate",
        "by_kind_of_data",
        "by_stars",
        "personal_data",
        "open_format",
        "open_licence",
        "quality",
        "freshness",
        "publications_per_month",
        "themes_without_datasets",
        "findings",
        "scorecards",
    ];
    expected.sort_unstable();
    assert_eq!(top, expected);
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    assert_eq!(keys(&json["by_format"][0]), ["count", "key"]);
    assert_eq!(keys(&json["open_format"]), ["count", "of", "share"]);
    assert_eq!(
        sorted(keys(&json["freshness"])),
        ["overdue", "undated", "unknown_frequency", "up_to_date"]
    );
    assert_eq!(
        sorted(keys(&json["personal_data"])),
        ["anonymised", "none", "present", "undeclared"]
    );
    assert_eq!(
        sorted(keys(&json["quality"])),
        ["by_band", "mean", "scored"]
    );
    assert_eq!(
        sorted(keys(&json["findings"])),
        ["by_rule", "by_severity", "total", "worst"]
    );
    assert_eq!(
        sorted(keys(&json["findings"]["worst"][0])),
        ["dataset", "hint", "message", "path", "rule_id", "severity"]
    );
    assert_eq!(keys(&json["publications_per_month"][0]), ["count", "month"]);
    assert_eq!(
        sorted(keys(&json["scorecards"][0])),
        sorted(
            [
                "rank",
                "key",
                "code",
                "name",
                "name_ar",
                "datasets",
                "published",
                "planned",
                "restricted",
                "open_format",
                "open_licence",
                "mean_quality",
                "up_to_date",
                "overdue",
                "last_publication",
                "personal_data",
                "criteria",
                "score",
            ]
            .map(str::to_owned)
            .to_vec()
        )
    );
    assert_eq!(
        sorted(keys(&json["scorecards"][0]["criteria"])),
        [
            "coverage",
            "freshness",
            "open_format",
            "open_licence",
            "quality"
        ]
    );
}

#[test]
fn streaming_equals_whole_catalogue() {
    let specs = specs();
    let catalog = build(&specs);
    let mut builder = StatsBuilder::new(as_of());
    for dataset in &catalog.datasets {
        builder.add(dataset, None);
    }
    assert_eq!(builder.finish(), CatalogStats::compute(&catalog, as_of()));
}
