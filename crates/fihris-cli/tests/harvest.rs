//! `fihris harvest` end to end against a scripted CKAN API on 127.0.0.1: output formats,
//! the partial-harvest exit code and its message.
#![expect(
    clippy::unwrap_used,
    reason = "a failed set-up step of a test should fail the test"
)]

#[path = "../../fihris-harvest/tests/server/mod.rs"]
#[expect(
    dead_code,
    reason = "the harvest tests use the whole server, these only part"
)]
mod server;

use std::path::PathBuf;
use std::process::Command;

use fihris_ckan::CkanReader;
use fihris_dcat::{DcatReader, RdfFormat};
use server::{Reply, Request, Server};

fn search(count: usize, request: &Request) -> Reply {
    if !request.path().ends_with("/package_search") {
        return Reply::new(200, "text/html", "<!DOCTYPE html><html>Portail</html>");
    }
    let start: usize = request.param("start").unwrap().parse().unwrap();
    let rows: usize = request.param("rows").unwrap().parse().unwrap();
    let results: Vec<String> = (start..count.min(start + rows))
        .map(|index| {
            format!(
                r#"{{"name": "jeu-{index}", "title": "Jeu {index}", "metadata_modified": "2024-02-{:02}T08:00:00.000000"}}"#,
                1 + index % 28
            )
        })
        .collect();
    Reply::json(format!(
        r#"{{"success": true, "result": {{"count": {count}, "results": [{}]}}}}"#,
        results.join(",")
    ))
}

fn output_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("harvest-{}-{name}", std::process::id()))
}

fn fihris(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_fihris"))
        .args(args)
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()
        .unwrap()
}

const FAST: &[&str] = &["--delay", "0", "--page-size", "10", "--retries", "1"];

#[test]
fn complete_harvest_to_turtle() {
    let server = Server::start(|request| search(25, request));
    let out = output_path("complete.ttl");
    let url = format!("{}/data/api/3/action/", server.base);
    let mut args = vec!["harvest", url.as_str(), "-o", out.to_str().unwrap()];
    args.extend_from_slice(FAST);
    let output = fihris(&args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("harvested 25 datasets of 25 announced in 3 pages"),
        "{stderr}"
    );
    let read = DcatReader::new(RdfFormat::Turtle)
        .read_slice(&std::fs::read(&out).unwrap())
        .unwrap();
    assert_eq!(read.catalog.datasets.len(), 25);
}

/// Texts are tagged French as `convert` tags them; `--base-iri` names the datasets.
#[test]
fn harvest_tags_texts_as_convert_and_takes_a_base_iri() {
    let server = Server::start(|request| search(3, request));
    let url = format!("{}/data", server.base);
    let mut args = vec![
        "harvest",
        url.as_str(),
        "--to",
        "ntriples",
        "--base-iri",
        "https://data.gov.ma/data/fr/",
    ];
    args.extend_from_slice(FAST);
    let output = fihris(&args);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains(
            "<https://data.gov.ma/data/fr/dataset/jeu-2> <http://purl.org/dc/terms/title> \"Jeu 2\"@fr ."
        ),
        "{stdout}"
    );
}

#[test]
fn partial_harvest_keeps_what_was_read_and_exits_1() {
    let server = Server::start(|request| {
        if request.param("start").as_deref() == Some("20") {
            Reply::new(200, "text/html", "<html><body>Access denied</body></html>")
        } else {
            search(25, request)
        }
    });
    let out = output_path("partial.json");
    let url = format!("{}/data", server.base);
    let mut args = vec![
        "harvest",
        url.as_str(),
        "--to",
        "ckan",
        "-o",
        out.to_str().unwrap(),
        "--since",
        "2024-01-01",
    ];
    args.extend_from_slice(FAST);
    let output = fihris(&args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("partial harvest"), "{stderr}");
    assert!(stderr.contains("start=20"), "{stderr}");
    assert!(
        stderr.contains("what to do: open the URL in a browser"),
        "{stderr}"
    );
    assert!(stderr.contains("to resume: --since 2024-02-"), "{stderr}");
    let read = CkanReader::new()
        .read_slice(&std::fs::read(&out).unwrap())
        .unwrap();
    assert_eq!(read.catalog.datasets.len(), 20);
}

#[test]
fn nothing_readable_exits_2() {
    let server = Server::start(|_| Reply::new(404, "text/plain", "not found"));
    let url = format!("{}/nothing", server.base);
    let mut args = vec!["harvest", url.as_str(), "--source", "ckan"];
    args.extend_from_slice(FAST);
    let output = fihris(&args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("HTTP 404"), "{stderr}");
}

#[test]
fn bad_since_is_bad_usage() {
    let output = fihris(&["harvest", "http://127.0.0.1:9/data", "--since", "hier"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is not a date"));
}

/// `check --check-urls` measures the accessibility indicators through the HTTP checker;
/// without it, no request is sent and they are reported as not measured.
#[test]
fn check_urls_measures_the_accessibility_indicators() {
    let server = Server::start(|request| {
        if request.path().ends_with("/missing.csv") {
            Reply::new(404, "text/plain", "not found")
        } else {
            Reply::new(200, "text/csv", "a,b\n1,2\n")
        }
    });
    let package = format!(
        r#"{{"name": "budget", "title": "Budget", "license_id": "odc-odbl", "resources": [
            {{"url": "{0}/data/budget.csv", "format": "CSV"}},
            {{"url": "{0}/data/missing.csv", "format": "CSV"}}]}}"#,
        server.base
    );
    let file = output_path("package.json");
    std::fs::write(&file, package).unwrap();
    let measured = |output: &std::process::Output| -> Vec<bool> {
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        report["quality"]["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|indicator| indicator["id"] == "access_url_accessibility")
            .map(|indicator| indicator["measured"].as_bool().unwrap())
            .collect()
    };

    let offline = fihris(&["check", file.to_str().unwrap(), "--output", "json"]);
    assert_eq!(measured(&offline), [false]);
    assert!(server.requests().is_empty());

    let online = fihris(&[
        "check",
        file.to_str().unwrap(),
        "--output",
        "json",
        "--check-urls",
    ]);
    assert_eq!(measured(&online), [true], "{online:?}");
    let checked: Vec<String> = server
        .requests()
        .iter()
        .map(|request| format!("{} {}", request.method, request.path()))
        .collect();
    assert!(
        checked.contains(&"HEAD /data/budget.csv".to_owned()),
        "{checked:?}"
    );
    assert!(
        checked
            .iter()
            .any(|request| request.ends_with("/data/missing.csv"))
    );
}
