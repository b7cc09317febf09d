//! `fihris scan` end to end: exit codes, the JSON contract, masked evidence.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fihris-privacy/tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn fihris(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fihris"))
        .args(args)
        .output()
        .expect("the fihris binary runs")
}

fn json(args: &[&str]) -> (Value, Option<i32>) {
    let output = fihris(args);
    let value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    (value, output.status.code())
}

#[test]
fn personal_data_exits_1_with_masked_evidence() {
    let file = fixture("beneficiaires_bourses.csv");
    let (report, code) = json(&["scan", &file, "--output", "json"]);
    assert_eq!(code, Some(1));
    assert_eq!(report["verdict"], "do_not_publish");
    assert_eq!(report["encoding"], "utf-8-bom");
    assert_eq!(report["delimiter"], ";");
    assert_eq!(report["records"], 5);
    assert_eq!(report["ragged_records"], 2);
    assert_eq!(report["personal_data"]["shows_personal_data"], true);
    let cin = report["columns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "CIN")
        .unwrap();
    assert_eq!(cin["detections"][0]["rule_id"], "privacy.cin");
    assert_eq!(cin["detections"][0]["evidence"], "AB1*****");
    assert!(
        report["decided_by"]
            .as_array()
            .unwrap()
            .contains(&Value::from("privacy.cin"))
    );
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "privacy.cin")
        .unwrap();
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["path"][1]["kind"], "column");
    assert_eq!(finding["path"][1]["value"], "CIN");

    let text = fihris(&["scan", &file]);
    assert_eq!(text.status.code(), Some(1));
    let stdout = String::from_utf8(text.stdout).unwrap();
    assert!(stdout.contains("verdict: do not publish"), "{stdout}");
    for output in [stdout, report.to_string()] {
        for value in [
            "AB123456",
            "CD654321",
            "0612345678",
            "fatima.alaoui@gmail.com",
            "12/03/1985",
        ] {
            assert!(!output.contains(value), "{value} leaked");
        }
    }
}

#[test]
fn risk_options_and_publishable_data() {
    let (report, code) = json(&[
        "scan",
        &fixture("enquete_menages.csv"),
        "--quasi",
        "sexe, commune",
        "--sensitive",
        "profession",
        "-k",
        "2",
        "--output",
        "json",
    ]);
    assert_eq!(code, Some(1));
    assert_eq!(report["verdict"], "anonymise_first");
    let risk = &report["risk"];
    assert_eq!(
        risk["quasi_identifiers"],
        serde_json::json!(["sexe", "commune"])
    );
    assert_eq!(risk["suggested"], false);
    assert_eq!(risk["classes"], 3);
    assert_eq!(risk["min_class_size"], 1);
    assert_eq!(risk["records_below_k"], 1);
    assert_eq!(risk["prosecutor_risk"], 1.0);
    assert_eq!(risk["l_diversity"], 1);

    let (report, code) = json(&[
        "scan",
        &fixture("population_communes.csv"),
        "--output",
        "json",
    ]);
    assert_eq!(code, Some(0));
    assert_eq!(report["verdict"], "publishable");
    assert_eq!(report["findings"], serde_json::json!([]));

    let (report, code) = json(&[
        "scan",
        &fixture("naissances_par_commune.csv"),
        "--min-count",
        "2",
        "--output",
        "json",
    ]);
    assert_eq!(code, Some(1));
    assert_eq!(report["small_cells"][0]["lines"], serde_json::json!([5]));
}

#[test]
fn unreadable_input_and_bad_columns_exit_2() {
    let missing = fihris(&["scan", "no-such-file.csv"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such-file.csv"));
    let column = fihris(&["scan", &fixture("enquete_menages.csv"), "--quasi", "âge"]);
    assert_eq!(column.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&column.stderr).contains("enquete_menages.csv:1"));
}

#[test]
fn many_planted_values_never_printed() {
    // A generated file: 500 people with CIN, phone, IBAN, among statistical columns.
    let mut csv = String::from("annee,cin,telephone,iban,montant,commune\n");
    let mut planted = Vec::new();
    let mut seed: u64 = 0x5EED;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for index in 0..500 {
        let cin = format!(
            "{}{}{:06}",
            char::from(b'A' + (next() % 26) as u8),
            char::from(b'A' + (next() % 26) as u8),
            next() % 1_000_000
        );
        let phone = format!("06{:08}", next() % 100_000_000);
        let rib_start = format!(
            "{:011}{:011}",
            next() % 100_000_000_000,
            next() % 100_000_000_000
        );
        let rest = rib_start
            .bytes()
            .fold(0u64, |r, d| (r * 10 + u64::from(d - b'0')) % 97);
        let rib = format!("{rib_start}{:02}", 97 - (rest * 100) % 97);
        let check = format!("{rib}221000")
            .bytes()
            .fold(0u64, |r, d| (r * 10 + u64::from(d - b'0')) % 97);
        let iban = format!("MA{:02}{rib}", 98 - check);
        csv.push_str(&format!(
            "{},{cin},{phone},{iban},{}.{:02},Tiznit\n",
            2010 + index % 14,
            next() % 100_000,
            next() % 100
        ));
        planted.extend([cin, phone, iban]);
    }
    let path = std::env::temp_dir().join(format!("fihris-scan-{}.csv", std::process::id()));
    std::fs::write(&path, csv).unwrap();
    let path_text = path.display().to_string();
    let text = fihris(&["scan", &path_text]);
    let json = fihris(&["scan", &path_text, "--output", "json"]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(text.status.code(), Some(1));
    let outputs = [
        String::from_utf8(text.stdout).unwrap(),
        String::from_utf8(json.stdout).unwrap(),
    ];
    assert!(outputs[0].contains("privacy.iban"), "{}", outputs[0]);
    for output in &outputs {
        for value in &planted {
            assert!(!output.contains(value.as_str()), "{value} leaked");
        }
    }
}
