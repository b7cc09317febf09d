//! `fihris vocab` end to end: the binary, its JSON contract and its exit codes.

use std::process::Command;

use serde_json::Value;

fn fihris(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_fihris"))
        .args(args)
        .output()
        .expect("the fihris binary runs")
}

fn json(args: &[&str]) -> Vec<Value> {
    let output = fihris(args);
    assert!(output.status.success(), "{output:?}");
    match serde_json::from_slice(&output.stdout).expect("valid JSON") {
        Value::Array(records) => records,
        other => panic!("expected an array, got {other}"),
    }
}

fn find<'a>(records: &'a [Value], key: &str, value: &str) -> &'a Value {
    records
        .iter()
        .find(|record| record[key] == value)
        .unwrap_or_else(|| panic!("no record with {key} = {value}"))
}

#[test]
fn producers_cover_the_referential() {
    let producers = json(&["vocab", "producers", "--output", "json"]);
    assert_eq!(producers.len(), 47);
    let total: u64 = producers
        .iter()
        .map(|p| p["datasets_2026"].as_u64().unwrap())
        .sum();
    assert_eq!(total, 663);
    let hcp = find(&producers, "code", "HCP");
    assert_eq!(hcp["ckan_slug"], "haut-commissariat-au-plan");
    assert_eq!(hcp["kind"], "statistics-office");
    assert_eq!(hcp["name_ar_checked"], true);
    for key in ["iri", "name_fr", "name_ar"] {
        assert!(hcp[key].as_str().is_some_and(|v| !v.is_empty()), "{key}");
    }
}

#[test]
fn every_theme_has_an_eu_theme_iri() {
    let themes = json(&["vocab", "themes", "--output", "json"]);
    assert_eq!(themes.len(), 19);
    for theme in &themes {
        let iri = theme["eu_theme_iri"].as_str().unwrap();
        assert!(
            iri.starts_with("http://publications.europa.eu/resource/authority/data-theme/"),
            "{iri}"
        );
    }
    assert_eq!(find(&themes, "slug", "sante")["eu_theme"], "HEAL");
}

#[test]
fn format_openness_flags() {
    let formats = json(&["vocab", "formats", "--output", "json"]);
    for (code, non_proprietary, machine_readable) in [
        ("PDF", false, false),
        ("XLSX", false, true),
        ("CSV", true, true),
    ] {
        let format = find(&formats, "code", code);
        assert_eq!(format["non_proprietary"], non_proprietary, "{code}");
        assert_eq!(format["machine_readable"], machine_readable, "{code}");
    }
}

#[test]
fn licences_and_frequencies_list() {
    let licences = json(&["vocab", "licences", "--output", "json"]);
    let odbl = find(&licences, "spdx_id", "ODbL-1.0");
    assert_eq!(odbl["open"], true);
    assert_eq!(odbl["share_alike"], true);
    let frequencies = json(&["vocab", "frequencies", "--output", "json"]);
    assert!(
        find(&frequencies, "code", "QUARTERLY")["iri"]
            .as_str()
            .unwrap()
            .ends_with("/frequency/QUARTERLY")
    );
}

#[test]
fn text_output_is_a_table() {
    let output = fihris(&["vocab", "producers"]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(text.lines().count(), 48, "header and 47 rows");
    assert!(text.starts_with("code"));
}

#[test]
fn bad_usage_exits_with_2() {
    for args in [
        &["vocab", "nothing"][..],
        &["vocab", "themes", "--output", "xml"],
    ] {
        let output = fihris(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(!output.stderr.is_empty());
    }
}
