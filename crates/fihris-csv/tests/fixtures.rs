//! The fixtures of `tests/fixtures/`: what each quirk reads to, findings on bad input, and
//! the round trip CSV -> model -> CSV, byte for byte.

use std::path::PathBuf;

use fihris_csv::{
    CsvErrorKind, Dialect, Encoding, InventoryReader, InventoryWriter, ReadOutcome, write_catalog,
};
use fihris_model::inventory::{DataKind, DisaggregationLevel, PublicationStatus, UpdateMethod};
use fihris_model::{Finding, NodeId, PathSegment, PersonalData, Severity};
use fihris_vocab::{AccessRight, EuTheme, FileType, Frequency, Licence, PortalTheme};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read(name: &str) -> ReadOutcome {
    InventoryReader::new()
        .with_file_name(name)
        .read_slice(&fixture(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The rule ids, record numbers, lines and field headers of the findings.
fn positions(findings: &[Finding]) -> Vec<(String, u64, u64, String)> {
    findings
        .iter()
        .map(|finding| {
            let mut position = (finding.rule_id().to_owned(), 0, 0, String::new());
            for segment in finding.path().segments() {
                match segment {
                    PathSegment::Record(record) => position.1 = *record,
                    PathSegment::Line(line) => position.2 = *line,
                    PathSegment::Field(field) => position.3 = field.to_string(),
                    _ => {}
                }
            }
            position
        })
        .collect()
}

const ROUND_TRIP: &[&str] = &[
    "canonical.csv",
    "excel_fr.csv",
    "utf16le_tabs.csv",
    "utf16be.csv",
    "bad_values.csv",
];

#[test]
fn round_trip_is_byte_exact() {
    for name in ROUND_TRIP {
        let input = fixture(name);
        let outcome = read(name);
        let output = write_catalog(&outcome.catalog, Vec::new()).unwrap();
        assert!(
            output == input,
            "{name}: written back differently\n--- read\n{}\n--- written\n{}",
            String::from_utf8_lossy(&input),
            String::from_utf8_lossy(&output)
        );
        // And the model read back from the output is the same.
        let again = InventoryReader::new()
            .with_file_name(*name)
            .read_slice(&output)
            .unwrap();
        assert_eq!(again.catalog, outcome.catalog, "{name}");
        assert_eq!(again.findings, outcome.findings, "{name}");
    }
}

#[test]
fn canonical_fixture_reads_every_column() {
    let outcome = read("canonical.csv");
    assert!(outcome.findings.is_empty(), "{:?}", outcome.findings);
    let datasets = &outcome.catalog.datasets;
    assert_eq!(datasets.len(), 4);

    let ipc = &datasets[0];
    assert_eq!(ipc.producer().map(|p| p.code), Some("HCP"));
    assert_eq!(
        ipc.title.get("ar"),
        Some("الرقم الاستدلالي للأثمان عند الاستهلاك")
    );
    assert_eq!(
        ipc.description.get("fr"),
        Some("Prix de 490 articles, base 2017")
    );
    assert_eq!(ipc.portal_themes, vec![PortalTheme::Finance]);
    assert_eq!(ipc.frequency(), Some(Frequency::Monthly));
    assert_eq!(ipc.inventory.kind_of_data, Some(DataKind::Statistics));
    assert_eq!(
        ipc.inventory.disaggregation,
        vec![DisaggregationLevel::National, DisaggregationLevel::Regional]
    );
    assert_eq!(ipc.distributions.len(), 2);
    assert_eq!(ipc.distributions[0].file_type(), Some(FileType::Xlsx));
    assert_eq!(ipc.distributions[1].file_type(), Some(FileType::Csv));
    assert!(
        ipc.distributions
            .iter()
            .all(|d| d.licence.as_ref().and_then(|l| l.known()) == Some(Licence::Odbl10))
    );
    assert_eq!(
        ipc.access_rights.as_ref().and_then(|a| a.known()),
        Some(AccessRight::Public)
    );
    assert_eq!(ipc.inventory.personal_data, Some(PersonalData::None));
    assert_eq!(
        ipc.contact_points[0].email.as_deref(),
        Some("contact@hcp.ma")
    );
    assert_eq!(
        ipc.modified.as_ref().map(|t| t.as_str()),
        Some("2022-01-03T23:11:41.769674")
    );
    assert_eq!(ipc.keywords.len(), 3);

    let planned = &datasets[1];
    assert_eq!(
        planned.inventory.publication_status,
        Some(PublicationStatus::Planned)
    );
    assert!(planned.distributions.is_empty());
    assert_eq!(
        planned.inventory.personal_data,
        Some(PersonalData::Anonymised {
            method: Some("agrégation par commune".into())
        })
    );
    assert_eq!(
        planned.description.get("fr"),
        Some("Liste des établissements, avec \"coordonnées\" GPS")
    );
    assert_eq!(
        planned.portal_themes,
        vec![PortalTheme::Sante, PortalTheme::Cartographie]
    );

    let justice = &datasets[2];
    assert!(matches!(justice.id, NodeId::Blank(_)));
    assert_eq!(justice.identifiers, vec!["MJ-2023-004".to_owned()]);
    assert!(
        justice
            .themes
            .iter()
            .any(|t| t.known() == Some(EuTheme::Econ))
    );
    assert_eq!(
        justice.accrual_periodicity.as_ref().map(|f| f.iri()),
        Some("http://example.org/frequency/custom")
    );
    assert_eq!(justice.description.get("fr"), Some("Ligne un\nligne deux"));

    let arabic_only = &datasets[3];
    assert_eq!(arabic_only.title.get("fr"), None);
    assert_eq!(arabic_only.title.get("ar"), Some("معدل البطالة"));
    assert_eq!(arabic_only.id.to_string(), "_:plan-1");
}

#[test]
fn spreadsheet_export_in_french() {
    let outcome = read("excel_fr.csv");
    assert!(outcome.findings.is_empty(), "{:?}", outcome.findings);
    let dialect = Dialect::of(&outcome.catalog.extra).unwrap();
    assert_eq!(dialect.encoding(), Encoding::Utf8Bom);
    assert_eq!(dialect.delimiter(), b';');
    assert!(dialect.crlf());
    let [emploi, budget, change] = outcome.catalog.datasets.as_slice() else {
        panic!("three datasets expected");
    };
    assert_eq!(emploi.producer().map(|p| p.code), Some("HCP"));
    assert_eq!(emploi.frequency(), Some(Frequency::Quarterly));
    assert_eq!(emploi.inventory.update_method, Some(UpdateMethod::Manual));
    assert_eq!(emploi.distributions[1].file_type(), Some(FileType::Csv));
    assert_eq!(
        emploi.issued.as_ref().map(|t| t.as_str()),
        Some("2019-03-15")
    );
    assert_eq!(
        emploi.contact_points[0].email.as_deref(),
        Some("emploi@hcp.ma")
    );
    assert_eq!(
        emploi.extra.field("Observations"),
        Some(&fihris_model::FieldValue::String("données révisées".into()))
    );
    assert!(matches!(budget.id, NodeId::Blank(_)));
    assert_eq!(budget.producer().map(|p| p.code), Some("MEF"));
    assert_eq!(budget.description.get("fr"), Some("Budget; par ministère"));
    assert_eq!(budget.inventory.kind_of_data, Some(DataKind::ReferenceData));
    assert_eq!(budget.inventory.personal_data, Some(PersonalData::None));
    assert_eq!(change.producer().map(|p| p.code), Some("BAM"));
    assert_eq!(change.frequency(), Some(Frequency::Daily));
    assert_eq!(
        change.distributions[0]
            .licence
            .as_ref()
            .and_then(|l| l.known()),
        Some(Licence::Etalab20)
    );

    // Written without the dialect and spellings, the same model gives canonical codes.
    let mut plain = outcome.catalog.clone();
    plain.extra.fields.clear();
    for dataset in &mut plain.datasets {
        dataset
            .extra
            .fields
            .retain(|f| f.key != fihris_csv::RESERVED_FIELD);
    }
    let canonical = String::from_utf8(write_catalog(&plain, Vec::new()).unwrap()).unwrap();
    assert!(canonical.starts_with("identifiant,producteur,titre_fr,"));
    assert!(canonical.contains(",QUARTERLY,survey,manual,national|regional,XLSX|CSV,ODbL-1.0,PUBLIC,published,anonymised:agrégation,"), "{canonical}");
    let back = InventoryReader::new()
        .read_slice(canonical.as_bytes())
        .unwrap();
    for (left, right) in back.catalog.datasets.iter().zip(&outcome.catalog.datasets) {
        assert_eq!(left.title, right.title);
        assert_eq!(left.inventory, right.inventory);
        assert_eq!(left.distributions, right.distributions);
        assert_eq!(left.publisher, right.publisher);
    }
}

#[test]
fn utf16_files() {
    let le = read("utf16le_tabs.csv");
    let dialect = Dialect::of(&le.catalog.extra).unwrap();
    assert_eq!(dialect.encoding(), Encoding::Utf16LeBom);
    assert_eq!(dialect.delimiter(), b'\t');
    assert_eq!(
        le.catalog.datasets[1].title.get("ar"),
        Some("لائحة الجماعات")
    );
    let be = read("utf16be.csv");
    assert_eq!(
        Dialect::of(&be.catalog.extra).unwrap().encoding(),
        Encoding::Utf16BeBom
    );
    assert_eq!(
        be.catalog.datasets[1].title.get("fr"),
        Some("Réseau routier 😀")
    );
    assert!(be.findings.is_empty());
}

#[test]
fn bad_values_are_findings_on_their_cell() {
    let outcome = read("bad_values.csv");
    assert_eq!(outcome.catalog.datasets.len(), 2, "every row is read");
    let found = positions(&outcome.findings);
    let expected: Vec<(&str, u64, u64, &str)> = vec![
        ("csv.unknown-producer", 1, 2, "producteur"),
        ("csv.unknown-value", 1, 2, "frequence"),
        ("csv.unknown-value", 1, 2, "type_donnees"),
        ("csv.invalid-date", 1, 2, "date_publication"),
        ("csv.invalid-date", 1, 2, "date_modification"),
        ("csv.invalid-url", 1, 2, "page_web"),
        ("csv.unknown-value", 1, 2, "donnees_personnelles"),
        ("csv.unknown-value", 1, 2, "statut_publication"),
        ("csv.unknown-value", 1, 2, "theme"),
        ("csv.invalid-email", 1, 2, "contact_email"),
        ("csv.invalid-url", 1, 2, "urls_telechargement"),
        ("csv.unknown-value", 1, 2, "licence"),
        ("csv.invalid-url", 2, 3, "identifiant"),
        ("csv.invalid-date", 2, 3, "date_modification"),
    ];
    let expected: Vec<(String, u64, u64, String)> = expected
        .into_iter()
        .map(|(rule, record, line, field)| (rule.to_owned(), record, line, field.to_owned()))
        .collect();
    assert_eq!(found, expected);
    for finding in &outcome.findings {
        assert_eq!(finding.severity(), Severity::Warning, "{finding}");
        assert_eq!(
            finding.path().segments()[0],
            PathSegment::File("bad_values.csv".into())
        );
    }
    let first = &outcome.catalog.datasets[0];
    assert_eq!(
        first.publisher.as_ref().and_then(|p| p.name.get("")),
        Some("Office National Inconnu")
    );
    assert_eq!(first.producer(), None);
    assert_eq!(first.portal_themes, vec![PortalTheme::Finance]);
    assert_eq!(first.distributions.len(), 1);
    assert_eq!(first.issued, None);
    let message = outcome.findings[1].to_string();
    assert!(message.contains("tous les 3 jours"), "{message}");
    assert!(
        message.contains("record 1 / line 2 / field frequence"),
        "{message}"
    );
    let second = &outcome.catalog.datasets[1];
    assert_eq!(second.identifiers, vec!["http://bad host/d".to_owned()]);
}

#[test]
fn broken_rows_are_skipped_with_findings_and_the_rest_is_read() {
    let outcome = read("broken_rows.csv");
    let ids: Vec<String> = outcome
        .catalog
        .datasets
        .iter()
        .map(|d| d.id.to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "https://data.gov.ma/d/1",
            "https://data.gov.ma/d/5",
            "https://data.gov.ma/d/1"
        ]
    );
    let found = positions(&outcome.findings);
    let expected: Vec<(String, u64, u64, String)> = [
        ("csv.ragged-row", 2, 3, "formats"),
        ("csv.ragged-row", 3, 4, "formats"),
        ("csv.missing-title", 5, 6, "titre_fr"),
        ("csv.duplicate-identifier", 7, 8, "identifiant"),
        ("csv.unterminated-quote", 8, 9, "titre_fr"),
    ]
    .into_iter()
    .map(|(rule, record, line, field)| (rule.to_owned(), record, line, field.to_owned()))
    .collect();
    assert_eq!(found, expected);
    let severities: Vec<Severity> = outcome.findings.iter().map(Finding::severity).collect();
    assert_eq!(
        severities,
        [
            Severity::Error,
            Severity::Error,
            Severity::Error,
            Severity::Warning,
            Severity::Error
        ]
    );
    assert!(outcome.findings[4].message().contains("line 9"));
}

#[test]
fn other_encodings_are_a_clear_error() {
    let error = InventoryReader::new()
        .with_file_name("windows1252.csv")
        .read_slice(&fixture("windows1252.csv"))
        .unwrap_err();
    assert_eq!(error.kind(), CsvErrorKind::Encoding);
    assert_eq!(error.file(), Some("windows1252.csv"));
    assert_eq!(error.line(), Some(2));
    let message = error.to_string();
    assert!(
        message.starts_with("windows1252.csv, line 2: byte 0xE9"),
        "{message}"
    );
}

#[test]
fn not_an_inventory_is_a_clear_error() {
    for (input, expected) in [
        (&b""[..], "empty"),
        (b"\xef\xbb\xbf  \n", "empty"),
        (b"nom,prenom\nA,B\n", "no title column"),
    ] {
        let error = InventoryReader::new()
            .with_file_name("x.csv")
            .read_slice(input)
            .unwrap_err();
        assert_eq!(error.kind(), CsvErrorKind::Header);
        assert_eq!(error.line(), Some(1));
        assert!(error.to_string().contains(expected), "{error}");
    }
}

#[test]
fn streaming_writer_in_any_dialect_reads_back() {
    let outcome = read("canonical.csv");
    for dialect in [
        Dialect::default(),
        Dialect::excel_fr(),
        Dialect::default().with_encoding(Encoding::Utf16LeBom),
        Dialect::default()
            .with_encoding(Encoding::Utf16BeBom)
            .with_delimiter(b'\t'),
    ] {
        let mut writer = InventoryWriter::new(Vec::new()).with_dialect(dialect.clone());
        for dataset in &outcome.catalog.datasets {
            writer.write_dataset(dataset).unwrap();
        }
        let bytes = writer.finish().unwrap();
        let back = InventoryReader::new().read_slice(&bytes).unwrap();
        assert!(back.findings.is_empty());
        assert_eq!(
            back.catalog.datasets, outcome.catalog.datasets,
            "{dialect:?}"
        );
        assert_eq!(Dialect::of(&back.catalog.extra), Some(dialect));
    }
}
