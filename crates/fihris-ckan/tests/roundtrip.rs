//! CKAN -> model -> CKAN on fixtures that carry every quirk of the portal's API: the same
//! JSON comes back (up to key order), original spellings and number forms included, and
//! the model holds what the packages say.

use std::path::PathBuf;

use fihris_ckan::{CkanFormat, CkanRead, CkanReader, CkanWarningKind, CkanWriter, write_catalog};
use fihris_model::{Concept, FieldValue, inventory::PublicationStatus};
use fihris_vocab::{EuTheme, FileType, Frequency, Licence, PortalTheme};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn reader() -> CkanReader {
    CkanReader::new()
        .with_language("fr")
        .expect("fr is a language tag")
}

fn write(read: &CkanRead) -> Vec<u8> {
    write_catalog(&read.catalog, read.format, Vec::new()).expect("writing to memory")
}

/// Values as serde_json compares them: objects as maps, numbers by value.
fn same_json(input: &[u8], output: &[u8], json_lines: bool) {
    let parse = |bytes: &[u8]| -> Vec<serde_json::Value> {
        let text = std::str::from_utf8(bytes).expect("UTF-8");
        if json_lines {
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| serde_json::from_str(l).expect("JSON line"))
                .collect()
        } else {
            vec![serde_json::from_str(text).expect("JSON")]
        }
    };
    let (input, output) = (parse(input), parse(output));
    assert_eq!(input.len(), output.len());
    for (a, b) in input.iter().zip(&output) {
        assert_eq!(a, b, "\ninput:  {a}\noutput: {b}");
    }
}

#[test]
fn every_fixture_round_trips() {
    for (name, format) in [
        ("package_show.json", CkanFormat::PackageShow),
        ("package_search.json", CkanFormat::PackageSearch),
    ] {
        let input = fixture(name);
        let read = reader().read_slice(&input).unwrap();
        assert_eq!(read.format, format, "{name}");
        same_json(&input, &write(&read), false);
        // Deterministic: the same model gives the same bytes.
        assert_eq!(write(&read), write(&read));
    }
}

#[test]
fn json_lines_round_trip_except_what_cannot_be_read() {
    let input = fixture("packages.jsonl");
    let read = reader().read_slice(&input).unwrap();
    assert_eq!(read.format, CkanFormat::JsonLines);
    assert_eq!(read.catalog.datasets.len(), 3);
    same_json(&input, &write(&read), true);
}

#[test]
fn original_spellings_and_number_forms_are_written_back() {
    let read = reader().read_slice(&fixture("package_show.json")).unwrap();
    let output = String::from_utf8(write(&read)).unwrap();
    for kept in [
        r#""format": "xlsx ""#,
        r#""format": ".xlsx""#,
        r#""format": "application/vnd.ms-excel""#,
        r#""size": "90112""#,
        r#""size": 1.0e6"#,
        r#""score": 1.50"#,
        r#""ratio": 2.5e-3"#,
        r#""author": """#,
        r#""version": null"#,
        "Indicateurs ﬁnanciers de l’économie – séries (Trimestriel)",
    ] {
        assert!(output.contains(kept), "{kept} missing from {output}");
    }
    let lines = reader().read_slice(&fixture("packages.jsonl")).unwrap();
    let output = String::from_utf8(write(&lines)).unwrap();
    assert!(output.contains("[0, -1, 1E+2, 0.10, 123456789012345678901234567890]"));
}

#[test]
fn package_show_maps_the_portal_fields() {
    let read = reader().read_slice(&fixture("package_show.json")).unwrap();
    let dataset = &read.catalog.datasets[0];
    assert_eq!(
        dataset.id.to_string(),
        "https://data.gov.ma/data/fr/dataset/indicateurs-financiers-trimestriels"
    );
    assert_eq!(
        dataset.title.get("fr"),
        Some("Indicateurs ﬁnanciers de l’économie – séries (Trimestriel)")
    );
    assert!(dataset.description.is_empty(), "empty notes are absent");
    assert!(dataset.creators.is_empty() && dataset.contact_points.is_empty());
    assert_eq!(
        dataset.identifiers,
        ["0b6c8d3e-1f2a-4c5b-9d7e-3a1b2c4d5e6f"]
    );
    assert_eq!(dataset.producer().map(|p| p.code), Some("BAM"));
    assert_eq!(
        dataset.publisher.as_ref().unwrap().name.get("fr"),
        Some("Bank Al-Maghrib")
    );
    assert_eq!(
        dataset.portal_themes,
        [PortalTheme::Finance, PortalTheme::Transparence]
    );
    assert_eq!(
        dataset.themes,
        [
            Concept::Known(EuTheme::Econ),
            Concept::Known(EuTheme::Gove),
            Concept::Known(EuTheme::Just)
        ]
    );
    assert_eq!(dataset.keywords.len(), 2);
    assert_eq!(
        dataset.keywords[1].language.as_ref().map(|t| t.as_str()),
        Some("ar")
    );
    assert_eq!(
        dataset.modified.as_ref().map(|t| t.as_str()),
        Some("2022-01-03T23:11:41.769674")
    );
    assert_eq!(dataset.frequency(), Some(Frequency::Quarterly));
    assert!(dataset.inventory.frequency_inferred);
    assert_eq!(
        dataset.inventory.publication_status,
        Some(PublicationStatus::Published)
    );
    let formats: Vec<_> = dataset
        .distributions
        .iter()
        .map(|d| d.file_type())
        .collect();
    assert_eq!(
        formats,
        [
            Some(FileType::Xlsx),
            Some(FileType::Xlsx),
            Some(FileType::Xls),
            Some(FileType::Pdf)
        ]
    );
    let sizes: Vec<_> = dataset.distributions.iter().map(|d| d.byte_size).collect();
    assert_eq!(sizes, [Some(48213), Some(90112), None, None]);
    for distribution in &dataset.distributions {
        assert_eq!(
            distribution.licence.as_ref().and_then(|l| l.known()),
            Some(Licence::Odbl10)
        );
        assert_eq!(distribution.access_urls.len(), 1);
    }
    assert_eq!(
        dataset.distributions[0].id.to_string(),
        "https://data.gov.ma/data/fr/dataset/indicateurs-financiers-trimestriels/resource/r-0001"
    );
    // Unmapped fields are kept in order.
    let kept: Vec<&str> = dataset
        .extra
        .fields
        .iter()
        .map(|f| f.key.as_str())
        .collect();
    assert!(
        kept.starts_with(&["author", "author_email", "isopen", "license_title"]),
        "{kept:?}"
    );
    assert_eq!(
        dataset.extra.field("score"),
        Some(&FieldValue::Number("1.50".into()))
    );
    assert!(
        read.catalog.extra.field("help").is_some(),
        "the envelope is kept"
    );
    // Warnings: the normalised formats, the size given as a string, the invalid size and
    // the unknown group; each names its record and field.
    let described: Vec<(CkanWarningKind, &str)> = read
        .warnings
        .iter()
        .map(|w| (w.kind(), w.field().unwrap_or_default()))
        .collect();
    assert_eq!(
        described,
        [
            (CkanWarningKind::UnknownTheme, "groups[2]"),
            (CkanWarningKind::Repaired, "resources[0].format"),
            (CkanWarningKind::Repaired, "resources[1].format"),
            (CkanWarningKind::Repaired, "resources[1].size"),
            (CkanWarningKind::Repaired, "resources[2].format"),
            (CkanWarningKind::InvalidValue, "resources[3].size"),
        ]
    );
    assert!(read.warnings.iter().all(|w| w.record() == 1));
}

#[test]
fn package_search_maps_producers_frequencies_and_plans() {
    let read = reader()
        .read_slice(&fixture("package_search.json"))
        .unwrap();
    let datasets = &read.catalog.datasets;
    assert_eq!(datasets.len(), 4);
    let producers: Vec<_> = datasets
        .iter()
        .map(|d| d.producer().map(|p| p.code))
        .collect();
    // By title (the slug is an old one), by acronym, unknown, by slug.
    assert_eq!(producers, [Some("HCP"), Some("ANRT"), None, Some("MSPS")]);
    let unknown = datasets[2].publisher.as_ref().unwrap();
    assert_eq!(
        unknown.id.as_ref().map(ToString::to_string).as_deref(),
        Some("https://data.gov.ma/data/fr/organization/office-du-developpement-de-la-cooperation")
    );
    // Declared frequencies win over the title; without one, the title tells.
    let frequencies: Vec<_> = datasets
        .iter()
        .map(|d| (d.frequency(), d.inventory.frequency_inferred))
        .collect();
    assert_eq!(
        frequencies,
        [
            (Some(Frequency::Weekly), true),
            (Some(Frequency::Quarterly), false),
            (Some(Frequency::Annual), false),
            (Some(Frequency::Annual), false),
        ]
    );
    assert_eq!(
        datasets[2].title.get("ar"),
        Some("لائحة التعاونيات المعتمدة")
    );
    assert_eq!(
        datasets[2].modified.as_ref().map(|t| t.as_str()),
        Some("2023-07-01T09:15:00"),
        "a space for T is repaired"
    );
    assert_eq!(
        datasets[2].distributions[0].access_urls[0].as_str(),
        "https://data.gov.ma/data/dataset/p-unknown-1/resource/r-4/download/liste.xlsx"
    );
    assert!(datasets[2].distributions[1].access_urls.is_empty());
    assert!(
        datasets[2]
            .distributions
            .iter()
            .all(|d| d.licence.is_none())
    );
    assert_eq!(
        datasets[1].distributions[0]
            .licence
            .as_ref()
            .and_then(|l| l.known()),
        Some(Licence::CcBy40)
    );
    assert_eq!(
        datasets[1].creators[0].name.get("fr"),
        Some("Service des études")
    );
    assert_eq!(
        datasets[0].contact_points[0].email.as_deref(),
        Some("ds@example.ma")
    );
    assert_eq!(
        datasets[3].inventory.publication_status,
        Some(PublicationStatus::Planned)
    );
    assert!(datasets[3].distributions.is_empty());
    assert!(datasets[3].issued.is_none());
    let kinds: Vec<_> = read
        .warnings
        .iter()
        .map(|w| (w.record(), w.kind(), w.field().unwrap_or_default()))
        .collect();
    assert_eq!(
        kinds,
        [
            (2, CkanWarningKind::InvalidValue, "resources[1].size"),
            (3, CkanWarningKind::UnknownLicence, "license_id"),
            (3, CkanWarningKind::Repaired, "metadata_modified"),
            (3, CkanWarningKind::UnknownOrganisation, "organization"),
            (3, CkanWarningKind::Repaired, "resources[0].url"),
            (3, CkanWarningKind::UnknownFormat, "resources[1].format"),
            (3, CkanWarningKind::InvalidValue, "resources[1].url"),
            (4, CkanWarningKind::InvalidValue, "metadata_created"),
        ]
    );
    let finding = read.warnings[3].to_finding();
    assert_eq!(
        read.warnings[3].kind(),
        CkanWarningKind::UnknownOrganisation
    );
    assert_eq!(finding.rule_id(), "ckan.unknown-organisation");
    assert_eq!(
        finding.path().dataset(),
        Some("https://data.gov.ma/data/fr/dataset/liste-des-cooperatives")
    );
}

#[test]
fn json_lines_warnings_carry_lines_and_wrong_types_are_kept() {
    let read = reader().read_slice(&fixture("packages.jsonl")).unwrap();
    let datasets = &read.catalog.datasets;
    assert_eq!(datasets[0].frequency(), Some(Frequency::Annual));
    assert!(!datasets[0].inventory.frequency_inferred);
    assert_eq!(
        datasets[0].distributions[0]
            .licence
            .as_ref()
            .and_then(|l| l.known()),
        Some(Licence::NotSpecified)
    );
    assert_eq!(datasets[1].producer().map(|p| p.code), Some("CAM"));
    assert_eq!(
        datasets[1].contact_points[0].email.as_deref(),
        Some("contact@aitmelloul.ma")
    );
    assert!(datasets[2].publisher.is_none() && datasets[2].distributions.is_empty());
    let third: Vec<_> = read
        .warnings
        .iter()
        .filter(|w| w.record() == 3)
        .map(|w| (w.line(), w.field().unwrap_or_default()))
        .collect();
    assert_eq!(
        third,
        [
            (Some(4), "url"),
            (Some(4), "groups"),
            (Some(4), "resources"),
            (Some(4), "tags")
        ]
    );
}

#[test]
fn edits_to_the_model_show_in_the_output() {
    let mut read = reader().read_slice(&fixture("package_show.json")).unwrap();
    let dataset = &mut read.catalog.datasets[0];
    dataset.title = fihris_model::Text::untagged("Nouveau titre");
    dataset.distributions[0].format = Some(Concept::Known(FileType::Csv));
    dataset.distributions[1].byte_size = Some(7);
    dataset.accrual_periodicity = Some(Concept::Known(Frequency::Monthly));
    dataset.inventory.frequency_inferred = false;
    dataset.modified = None;
    let output = String::from_utf8(write(&read)).unwrap();
    let value: serde_json::Value = serde_json::from_str(&output).unwrap();
    let package = &value["result"];
    assert_eq!(package["title"], "Nouveau titre");
    assert_eq!(package["resources"][0]["format"], "CSV");
    assert_eq!(
        package["resources"][1]["format"], ".xlsx",
        "unedited stays as read"
    );
    assert_eq!(package["resources"][1]["size"], 7);
    assert_eq!(
        package["extras"],
        serde_json::json!([{"key": "frequency", "value": "http://publications.europa.eu/resource/authority/frequency/MONTHLY"}])
    );
    assert!(package.get("metadata_modified").is_none());
}

#[test]
fn writers_stream_each_shape() {
    let read = reader()
        .read_slice(&fixture("package_search.json"))
        .unwrap();
    // JSON lines: one package a line.
    let lines = write_catalog(&read.catalog, CkanFormat::JsonLines, Vec::new()).unwrap();
    let text = String::from_utf8(lines).unwrap();
    assert_eq!(text.lines().count(), 4);
    let again = reader().read_slice(text.as_bytes()).unwrap();
    assert_eq!(again.catalog.datasets, read.catalog.datasets);
    // A search answer without an envelope counts what it wrote.
    let mut writer = CkanWriter::new(Vec::new(), CkanFormat::PackageSearch);
    writer.write_dataset(&read.catalog.datasets[0]).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&writer.finish().unwrap()).unwrap();
    assert_eq!(value["result"]["count"], 1);
    assert_eq!(value["success"], true);
    // A list, an empty search.
    let list = write_catalog(&read.catalog, CkanFormat::PackageList, Vec::new()).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&list).unwrap();
    assert_eq!(value.as_array().map(Vec::len), Some(4));
    let empty = CkanWriter::new(Vec::new(), CkanFormat::PackageSearch)
        .finish()
        .unwrap();
    assert_eq!(
        String::from_utf8(empty).unwrap(),
        "{\"success\": true, \"result\": {\"results\": [], \"count\": 0}}\n"
    );
    // package_show holds one package.
    let mut show = CkanWriter::new(Vec::new(), CkanFormat::PackageShow);
    show.write_dataset(&read.catalog.datasets[0]).unwrap();
    let second = show.write_dataset(&read.catalog.datasets[1]).unwrap_err();
    assert_eq!(second.kind(), std::io::ErrorKind::InvalidInput);
    assert!(
        CkanWriter::new(Vec::new(), CkanFormat::Package)
            .finish()
            .is_err()
    );
}
