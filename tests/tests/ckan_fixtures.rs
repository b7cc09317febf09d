//! fihris-ckan against the CKAN JSON fixtures of ckanext-dcat (read at test time from the
//! shared corpus), the sample catalogue against its generator, and any catalogue of the
//! model through CKAN JSON.

use std::path::PathBuf;

use fihris_ckan::{CkanFormat, CkanReader, write_catalog};
use fihris_conformance::{arbitrary::catalog, shared_dir};
use fihris_vocab::{FileType, Frequency};
use proptest::prelude::*;

const CKANEXT_DCAT: &str = "conformance/ckan-ckanext-dcat/examples/ckan";

#[test]
fn ckanext_dcat_fixtures_read_and_round_trip() {
    let dir = shared_dir().join(CKANEXT_DCAT);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 13, "the ckanext-dcat CKAN fixtures");
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let read = CkanReader::new()
            .read_slice(&bytes)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!read.catalog.datasets.is_empty(), "{}", path.display());
        assert!(
            read.warnings
                .iter()
                .all(|w| w.kind() != fihris_ckan::CkanWarningKind::BrokenRecord),
            "{}: {:?}",
            path.display(),
            read.warnings
        );
        let written = write_catalog(&read.catalog, read.format, Vec::new()).unwrap();
        let input: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let output: serde_json::Value =
            serde_json::from_slice(&written).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(input, output, "{}", path.display());
    }
}

#[test]
fn ckanext_dcat_full_dataset_maps() {
    let path = shared_dir()
        .join(CKANEXT_DCAT)
        .join("ckan_full_dataset_dcat_ap.json");
    let read = CkanReader::new()
        .read_slice(&std::fs::read(path).unwrap())
        .unwrap();
    assert_eq!(read.format, CkanFormat::Package);
    let dataset = &read.catalog.datasets[0];
    assert_eq!(dataset.title.get(""), Some("Test DCAT dataset"));
    assert_eq!(dataset.version.as_deref(), Some("1.0b"));
    assert_eq!(dataset.frequency(), Some(Frequency::Monthly));
    assert!(!dataset.inventory.frequency_inferred);
    assert_eq!(dataset.keywords.len(), 2);
    assert_eq!(dataset.landing_pages[0].as_str(), "http://example.org/ds1");
    let distribution = &dataset.distributions[0];
    assert_eq!(distribution.file_type(), Some(FileType::Csv));
    assert_eq!(distribution.byte_size, Some(12323));
    assert_eq!(
        distribution.download_urls[0].as_str(),
        "https://example.com/data.csv"
    );
    // ckanext-dcat's own resource dates (`issued`, `modified`) are kept as read.
    assert!(distribution.modified.is_none());
    assert!(distribution.extra.field("modified").is_some());
}

/// The committed sample catalogue is exactly what its generator writes from the referentials.
#[test]
fn sample_catalogue_is_what_the_generator_writes() {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../crates/fihris-ckan/data");
    let output = std::env::temp_dir().join(format!("fihris-sample-{}.jsonl", std::process::id()));
    let status = std::process::Command::new("python3")
        .arg(crate_dir.join("generate_sample.py"))
        .arg(shared_dir().join("referentials"))
        .arg(&output)
        .output()
        .expect("python3 runs the generator");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let generated = std::fs::read(&output).unwrap();
    std::fs::remove_file(&output).unwrap();
    let committed = std::fs::read(crate_dir.join("sample-catalogue.jsonl")).unwrap();
    assert!(
        generated == committed,
        "regenerate data/sample-catalogue.jsonl with its script"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any catalogue written as CKAN JSON lines reads back to a model that writes the same
    /// JSON: the CKAN projection of the model is stable.
    #[test]
    fn model_to_ckan_is_stable(catalog in catalog(4)) {
        let first = write_catalog(&catalog, CkanFormat::JsonLines, Vec::new()).unwrap();
        let read = CkanReader::new().read_slice(&first);
        if catalog.datasets.is_empty() {
            prop_assert!(first.is_empty());
        } else {
            let read = read.unwrap();
            prop_assert_eq!(read.catalog.datasets.len(), catalog.datasets.len());
            let second = write_catalog(&read.catalog, CkanFormat::JsonLines, Vec::new()).unwrap();
            let parse = |bytes: &[u8]| -> Vec<serde_json::Value> {
                std::str::from_utf8(bytes)
                    .unwrap()
                    .lines()
                    .map(|line| serde_json::from_str(line).unwrap())
                    .collect()
            };
            prop_assert_eq!(parse(&second), parse(&first));
        }
    }
}
