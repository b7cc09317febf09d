//! The embedded sample catalogue: the portal's producers with their real counts, its themes,
//! its format mix and its noise, read without a problem and written back unchanged.
#![cfg(feature = "sample")]

use std::collections::BTreeMap;

use fihris_ckan::{
    CkanFormat, CkanReader, CkanWarningKind, SAMPLE_CATALOGUE_JSONL, sample_catalogue,
    write_catalog,
};
use fihris_model::inventory::PublicationStatus;
use fihris_vocab::{FileType, PRODUCERS, PortalTheme, Vocabulary};

#[test]
fn reads_with_no_problem_but_format_repairs() {
    let read = CkanReader::new()
        .with_language("fr")
        .unwrap()
        .read_json_lines(SAMPLE_CATALOGUE_JSONL.as_bytes())
        .unwrap();
    assert_eq!(
        read.catalog.datasets.len(),
        SAMPLE_CATALOGUE_JSONL.lines().count()
    );
    for warning in &read.warnings {
        assert_eq!(warning.kind(), CkanWarningKind::Repaired, "{warning}");
        assert!(warning.field().unwrap().ends_with(".format"), "{warning}");
    }
    assert!(read.catalog.validate().is_ok());
    assert!(SAMPLE_CATALOGUE_JSONL.len() < 1_500_000);
}

#[test]
fn producers_have_their_referential_counts() {
    let catalog = sample_catalogue();
    let mut published: BTreeMap<&str, u32> = BTreeMap::new();
    let mut planned = 0;
    for dataset in &catalog.datasets {
        let producer = dataset
            .producer()
            .expect("every sample dataset has a known producer");
        match dataset.inventory.publication_status {
            Some(PublicationStatus::Published) => *published.entry(producer.code).or_default() += 1,
            Some(PublicationStatus::Planned) => {
                planned += 1;
                assert!(dataset.distributions.is_empty());
            }
            other => panic!("unexpected status {other:?}"),
        }
    }
    assert_eq!(published.len(), 47);
    for producer in PRODUCERS {
        assert_eq!(
            published.get(producer.code),
            Some(&producer.datasets_2026),
            "{}",
            producer.code
        );
    }
    assert_eq!(published.values().sum::<u32>(), 663);
    assert!((5..=10).contains(&planned), "{planned} planned datasets");
}

#[test]
fn all_themes_are_used() {
    let catalog = sample_catalogue();
    let mut used: Vec<PortalTheme> = catalog
        .datasets
        .iter()
        .flat_map(|d| d.portal_themes.clone())
        .collect();
    used.sort_by_key(|t| t.slug());
    used.dedup();
    assert_eq!(used.len(), PortalTheme::ALL.len());
    assert_eq!(used.len(), 19);
    assert!(catalog.datasets.iter().all(|d| !d.themes.is_empty()));
}

#[test]
fn format_mix_is_the_portal_one() {
    let catalog = sample_catalogue();
    let mut counts: BTreeMap<FileType, usize> = BTreeMap::new();
    for (_, distribution) in catalog.distributions() {
        *counts
            .entry(distribution.file_type().expect("known format"))
            .or_default() += 1;
    }
    let order = [
        FileType::Xlsx,
        FileType::Xls,
        FileType::Pdf,
        FileType::Csv,
        FileType::Docx,
        FileType::Zip,
    ];
    assert_eq!(counts.len(), order.len(), "{counts:?}");
    for pair in order.windows(2) {
        assert!(counts[&pair[0]] > counts[&pair[1]], "{counts:?}");
    }
    let spreadsheets = counts[&FileType::Xlsx] + counts[&FileType::Xls];
    assert!(
        spreadsheets * 2 > counts.values().sum::<usize>(),
        "mostly spreadsheets"
    );
    let sized = catalog
        .distributions()
        .filter(|(_, d)| d.byte_size.is_some())
        .count();
    assert!(
        sized > 0 && sized < catalog.distributions().count(),
        "size on some resources only"
    );
    for (_, distribution) in catalog.distributions() {
        assert!(
            distribution
                .licence
                .as_ref()
                .is_some_and(|l| l.known().is_some_and(|l| l.ckan_id() == "odc-odbl"))
        );
    }
}

#[test]
fn titles_carry_real_world_noise() {
    let catalog = sample_catalogue();
    let titles: Vec<&str> = catalog
        .datasets
        .iter()
        .map(|d| d.title.best(&["fr"]).unwrap())
        .collect();
    let count = |needle: &str| titles.iter().filter(|t| t.contains(needle)).count();
    for needle in [
        "ﬁ",
        "’",
        "'",
        "–",
        "[Archive ",
        "(Trimestriel)",
        "hebdomadaires",
        "(Annuelle Base 2014)",
        "Statistques",
    ] {
        assert!(count(needle) > 0, "no title with {needle:?}");
    }
    let arabic = catalog
        .datasets
        .iter()
        .filter(|d| d.title.get("ar").is_some())
        .count();
    assert!(arabic > 30, "{arabic} Arabic titles");
    let inferred = catalog
        .datasets
        .iter()
        .filter(|d| d.inventory.frequency_inferred)
        .count();
    assert!(
        inferred > 100 && inferred < catalog.datasets.len(),
        "{inferred} inferred frequencies"
    );
    let years: Vec<i32> = catalog
        .datasets
        .iter()
        .filter_map(|d| d.issued.as_ref()?.start_date())
        .map(|d| d.to_string()[..4].parse().unwrap())
        .collect();
    assert_eq!(years.iter().min(), Some(&2016));
    assert_eq!(years.iter().max(), Some(&2026));
    assert!(
        catalog
            .datasets
            .iter()
            .all(|d| d.modified.as_ref().is_some_and(|m| m.as_str().len() == 26))
    );
}

#[test]
fn round_trips_unchanged() {
    let read = CkanReader::new()
        .with_language("fr")
        .unwrap()
        .read_json_lines(SAMPLE_CATALOGUE_JSONL.as_bytes())
        .unwrap();
    let written = write_catalog(&read.catalog, CkanFormat::JsonLines, Vec::new()).unwrap();
    let written = String::from_utf8(written).unwrap();
    assert_eq!(
        written.lines().count(),
        SAMPLE_CATALOGUE_JSONL.lines().count()
    );
    for (input, output) in SAMPLE_CATALOGUE_JSONL.lines().zip(written.lines()) {
        let input: serde_json::Value = serde_json::from_str(input).unwrap();
        let output: serde_json::Value = serde_json::from_str(output).unwrap();
        assert_eq!(input, output);
    }
}
