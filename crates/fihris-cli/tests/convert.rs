//! `fihris convert` end to end: formats, standard input, exit codes and error positions.

use std::io::Write;
use std::process::{Command, Stdio};

const TURTLE: &str = r#"@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
<https://data.gov.ma/catalog> a dcat:Catalog ; dct:title "Portail"@fr ;
    dcat:dataset <https://data.gov.ma/d/ipc> .
<https://data.gov.ma/d/ipc> a dcat:Dataset ; dct:title "Indice des prix"@fr .
"#;

fn fihris(args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fihris"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the fihris binary runs");
    let written = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    // A command that fails before reading its input closes the pipe: not the test's concern.
    if let Err(error) = written {
        assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe, "{error}");
    }
    child.wait_with_output().expect("output")
}

#[test]
fn stdin_turtle_to_every_format() {
    for (to, needle) in [
        ("ntriples", "<http://www.w3.org/ns/dcat#Dataset>"),
        ("rdfxml", "<dcat:Dataset"),
        ("jsonld", "\"Dataset\""),
        ("turtle", "dcat:Dataset"),
    ] {
        let output = fihris(&["convert", "--from", "turtle", "--to", to], TURTLE);
        assert!(output.status.success(), "{to}: {output:?}");
        let text = String::from_utf8(output.stdout).expect("utf-8");
        assert!(text.contains(needle), "{to}: {text}");
    }
}

#[test]
fn files_by_extension_and_output_file() {
    let dir = std::env::temp_dir().join(format!("fihris-convert-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let input = dir.join("catalog.ttl");
    std::fs::write(&input, TURTLE).expect("write");
    let out = dir.join("catalog.jsonld");
    let output = fihris(
        &[
            "convert",
            input.to_str().expect("utf-8 path"),
            "--to",
            "jsonld",
            "-o",
            out.to_str().expect("utf-8 path"),
        ],
        "",
    );
    assert!(output.status.success(), "{output:?}");
    let back = fihris(
        &[
            "convert",
            out.to_str().expect("utf-8 path"),
            "--to",
            "ntriples",
        ],
        "",
    );
    assert!(back.status.success(), "{back:?}");
    assert!(String::from_utf8_lossy(&back.stdout).contains("Indice des prix"));
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn syntax_error_gives_position_and_exit_2() {
    let output = fihris(
        &["convert", "--from", "turtle", "--to", "ntriples"],
        "@prefix dct: <http://purl.org/dc/terms/> .\n<a> dct:title \"x\" ;; .\n",
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("<stdin>:2:"), "{stderr}");
}

#[test]
fn stdin_needs_a_format() {
    let output = fihris(&["convert", "--to", "turtle"], TURTLE);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn ckan_to_ckan_gives_the_same_json() {
    let output = fihris(
        &["convert", "--from", "ckan", "--to", "ckan"],
        fihris_ckan::SAMPLE_CATALOGUE_JSONL,
    );
    assert!(output.status.success(), "{output:?}");
    let written = String::from_utf8(output.stdout).expect("utf-8");
    let parse = |text: &str| -> Vec<serde_json::Value> {
        text.lines()
            .map(|line| serde_json::from_str(line).expect("a JSON line"))
            .collect()
    };
    assert_eq!(parse(&written), parse(fihris_ckan::SAMPLE_CATALOGUE_JSONL));
}

#[test]
fn ckan_to_turtle_and_back_to_ckan_keeps_the_datasets() {
    let turtle = fihris(
        &["convert", "--from", "ckan", "--to", "turtle"],
        fihris_ckan::SAMPLE_CATALOGUE_JSONL,
    );
    assert!(turtle.status.success(), "{turtle:?}");
    let turtle = String::from_utf8(turtle.stdout).expect("utf-8");
    let datasets = fihris_ckan::SAMPLE_CATALOGUE_JSONL.lines().count();
    assert_eq!(turtle.matches(" a dcat:Dataset").count(), datasets);
    let csv = fihris(&["convert", "--from", "turtle", "--to", "csv"], &turtle);
    assert!(csv.status.success(), "{csv:?}");
    let csv = String::from_utf8(csv.stdout).expect("utf-8");
    assert_eq!(
        csv.lines().count(),
        datasets + 1,
        "a header and one row per dataset"
    );
}

#[test]
fn csv_inventory_to_csv_is_byte_exact() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fihris-csv/tests/fixtures/canonical.csv"
    );
    let output = fihris(&["convert", fixture, "--to", "csv"], "");
    assert!(output.status.success(), "{output:?}");
    assert_eq!(output.stdout, std::fs::read(fixture).expect("fixture"));
}
