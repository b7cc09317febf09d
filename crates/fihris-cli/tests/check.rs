//! `fihris check` end to end: the rule listing, its JSON contract and the exit codes.

use std::process::Command;

use serde_json::Value;

fn fihris(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_fihris"))
        .args(args)
        .output()
        .expect("the fihris binary runs")
}

#[test]
fn list_rules_as_json() {
    let output = fihris(&["check", "--list-rules", "--output", "json"]);
    assert!(output.status.success(), "{output:?}");
    let rules: Vec<Value> = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert!(rules.len() >= 30);
    for rule in &rules {
        for key in ["id", "severity", "profile", "description"] {
            assert!(rule[key].is_string(), "{key} in {rule}");
        }
    }
    let open = rules
        .iter()
        .find(|rule| rule["id"] == "format.non-proprietary")
        .expect("the open-format rule is listed");
    assert_eq!(open["severity"], "error");
    assert_eq!(open["profile"], "dcat-ap");
    assert!(
        rules
            .iter()
            .any(|rule| rule["id"] == "ma.theme" && rule["profile"] == "ma")
    );
}

#[test]
fn list_rules_as_text() {
    let output = fihris(&["check", "--list-rules"]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.starts_with("id "));
    assert!(text.contains("privacy.declared-none"));
}

#[test]
fn the_sample_catalogue_has_error_level_findings() {
    // Without FILE, the embedded sample catalogue is checked: some of its datasets are
    // published only as XLSX or PDF, an error of the open-format rule.
    let output = fihris(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.contains("format.non-proprietary"), "{text}");
}

#[test]
fn bad_usage_exits_with_2() {
    assert_eq!(fihris(&["check", "missing.ttl"]).status.code(), Some(2));
    assert_eq!(
        fihris(&["check", "--as-of", "yesterday", "--list-rules"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        fihris(&["check", "--profile", "fr", "--list-rules"])
            .status
            .code(),
        Some(2)
    );
}

/// `check`, `stats` and `report` read RDF files over the reader's default limit when
/// `--max-input` says so, and name the file, the limit and the option when it refuses one.
#[test]
fn max_input_is_taken_by_every_command_that_reads_catalogues() {
    let turtle = r#"@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
<https://data.gov.ma/catalog> a dcat:Catalog ; dct:title "Portail"@fr ;
    dcat:dataset <https://data.gov.ma/d/ipc> .
<https://data.gov.ma/d/ipc> a dcat:Dataset ; dct:title "Indice des prix"@fr .
"#;
    assert!(turtle.len() > 200 && turtle.len() < 1024);
    let path = std::env::temp_dir().join(format!("fihris-max-input-{}.ttl", std::process::id()));
    std::fs::write(&path, turtle).expect("a temporary file");
    let file = path.to_str().expect("a UTF-8 path");
    for command in ["check", "stats", "report"] {
        let refused = fihris(&[command, file, "--max-input", "200"]);
        assert_eq!(refused.status.code(), Some(2), "{command}: {refused:?}");
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert!(
            stderr.contains(file) && stderr.contains("200 bytes") && stderr.contains("--max-input"),
            "{command}: {stderr}"
        );
        let read = fihris(&[command, file, "--max-input", "1K"]);
        // `check` exits with 1: the dataset lacks what DCAT-AP requires.
        assert!(
            matches!(read.status.code(), Some(0 | 1)),
            "{command}: {read:?}"
        );
        assert!(!read.stdout.is_empty(), "{command}");
        let bad = fihris(&[command, file, "--max-input", "12Q"]);
        assert_eq!(bad.status.code(), Some(2), "{command}: {bad:?}");
    }
    let _ = std::fs::remove_file(&path);
}
