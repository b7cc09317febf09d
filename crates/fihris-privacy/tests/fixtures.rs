//! Hand-written resources in tests/fixtures: realistic open data, some with planted
//! personal data.

use std::path::PathBuf;

use fihris_model::{PathSegment, Severity};
use fihris_privacy::{Encoding, PersonalKind, ScanOptions, ScanReport, Verdict, scan_path};

fn scan(name: &str, options: ScanOptions) -> ScanReport {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    scan_path(&path, &options.with_source_name(name)).expect("fixture scans")
}

fn kinds(report: &ScanReport, column: &str) -> Vec<PersonalKind> {
    report
        .columns
        .iter()
        .find(|c| c.name == column)
        .unwrap_or_else(|| panic!("no column {column}"))
        .detections
        .iter()
        .map(|d| d.kind)
        .collect()
}

#[test]
fn health_facilities_are_publishable_with_warnings() {
    let report = scan("etablissements_sante.csv", ScanOptions::new());
    assert_eq!(report.records, 6);
    // Switchboards, building addresses and coordinates of hospitals: worth a look, not a
    // reason to hold the data back.
    assert_eq!(kinds(&report, "Téléphone"), [PersonalKind::Phone]);
    assert_eq!(kinds(&report, "Adresse"), [PersonalKind::Address]);
    assert_eq!(kinds(&report, "Latitude"), [PersonalKind::Gps]);
    assert_eq!(kinds(&report, "Longitude"), [PersonalKind::Gps]);
    for column in [
        "Établissement",
        "Nombre de lits",
        "Année d'ouverture",
        "Commune",
    ] {
        assert!(kinds(&report, column).is_empty(), "{column}");
    }
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.severity() == Severity::Warning)
    );
    assert_eq!(report.verdict, Verdict::Publishable);
}

#[test]
fn census_table_is_clean() {
    let report = scan("population_communes.csv", ScanOptions::new());
    assert_eq!(report.delimiter, b';');
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert_eq!(report.verdict, Verdict::Publishable);
}

#[test]
fn births_by_commune_have_small_cells() {
    let report = scan("naissances_par_commune.csv", ScanOptions::new());
    assert!(report.aggregate);
    assert_eq!(report.small_cells.len(), 1);
    let cells = &report.small_cells[0];
    assert_eq!(cells.column, "Nombre de naissances");
    assert_eq!((cells.cells, cells.lines.clone()), (2, vec![4, 5]));
    assert_eq!(report.verdict, Verdict::AnonymiseFirst);
    let finding = report
        .deciding_findings()
        .next()
        .expect("a deciding finding");
    assert_eq!(finding.rule_id(), "privacy.small-cell");
    // A zero is not a small cell; a threshold of 2 only flags the 1.
    let report = scan(
        "naissances_par_commune.csv",
        ScanOptions::new().with_min_cell_count(2),
    );
    assert_eq!(report.small_cells[0].lines, [5]);
}

#[test]
fn household_survey_fails_k_anonymity() {
    let report = scan("enquete_menages.csv", ScanOptions::new());
    assert_eq!(report.delimiter, b'|');
    let risk = report.risk.as_ref().expect("quasi-identifiers suggested");
    assert!(risk.suggested);
    assert_eq!(
        risk.quasi_identifiers,
        ["age", "sexe", "commune", "profession"]
    );
    assert_eq!(risk.classes, 3);
    assert_eq!(risk.min_class_size, 1);
    assert_eq!((risk.classes_below_k, risk.records_below_k), (2, 3));
    assert!((risk.prosecutor_risk - 1.0).abs() < f64::EPSILON);
    assert_eq!(report.verdict, Verdict::AnonymiseFirst);

    let report = scan(
        "enquete_menages.csv",
        ScanOptions::new()
            .with_quasi_identifiers(["sexe", "commune"])
            .with_sensitive("profession")
            .with_k(2),
    );
    let risk = report.risk.as_ref().expect("risk");
    assert!(!risk.suggested);
    assert_eq!(
        (risk.classes, risk.min_class_size, risk.records_below_k),
        (3, 1, 1)
    );
    assert_eq!(risk.l_diversity, Some(1));
    assert_eq!(risk.classes_below_l, 3);
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.rule_id() == "privacy.l-diversity")
    );
}

#[test]
fn scholarship_beneficiaries_must_not_be_published() {
    let report = scan("beneficiaires_bourses.csv", ScanOptions::new());
    assert_eq!(report.encoding, Encoding::Utf8Bom);
    assert_eq!(report.records, 5);
    assert_eq!(kinds(&report, "Nom"), [PersonalKind::PersonName]);
    assert_eq!(kinds(&report, "Prénom"), [PersonalKind::PersonName]);
    assert_eq!(kinds(&report, "CIN"), [PersonalKind::Cin]);
    assert_eq!(kinds(&report, "GSM"), [PersonalKind::Phone]);
    assert_eq!(kinds(&report, "Email"), [PersonalKind::Email]);
    assert_eq!(
        kinds(&report, "Date de naissance"),
        [PersonalKind::BirthDate]
    );
    assert!(kinds(&report, "Montant alloué (DH)").is_empty());
    assert!(kinds(&report, "N°").is_empty());
    assert_eq!(report.verdict, Verdict::DoNotPublish);
    // Two ragged rows (one short, one long), reported with their lines; the rest scanned.
    assert_eq!(report.ragged_records, 2);
    let lines: Vec<u64> = report
        .findings
        .iter()
        .filter(|f| f.rule_id() == "privacy.ragged-row")
        .filter_map(|f| {
            f.path().segments().iter().find_map(|s| match s {
                PathSegment::Line(line) => Some(*line),
                _ => None,
            })
        })
        .collect();
    assert_eq!(lines, [5, 6]);
    let cin = report
        .findings
        .iter()
        .find(|f| f.rule_id() == "privacy.cin")
        .expect("cin finding");
    assert_eq!(
        cin.path().segments(),
        [
            PathSegment::File("beneficiaires_bourses.csv".into()),
            PathSegment::Column("CIN".into())
        ]
    );
    assert!(cin.to_string().contains("AB1*****"), "{cin}");
    let text: String = report
        .findings
        .iter()
        .map(|f| f.to_string() + "\n")
        .collect();
    for value in [
        "AB123456",
        "0612345678",
        "fatima.alaoui@gmail.com",
        "12/03/1985",
        "Fatima",
    ] {
        assert!(!text.contains(value), "{value} leaked:\n{text}");
    }
}

#[test]
fn unknown_columns_and_empty_input_are_errors() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/enquete_menages.csv");
    let error = scan_path(&path, &ScanOptions::new().with_quasi_identifiers(["âge"])).unwrap_err();
    assert_eq!(error.column(), Some("âge"));
    let error = fihris_privacy::scan_reader(&b""[..], &ScanOptions::new()).unwrap_err();
    assert_eq!(error.line(), Some(1));
    let error = scan_path(path.with_file_name("missing.csv"), &ScanOptions::new()).unwrap_err();
    assert!(error.to_string().contains("missing.csv"), "{error}");
}
