//! `fihris stats` end to end: the binary, its JSON and CSV contracts and its exit codes.

use std::process::{Command, Output};

use serde_json::Value;

fn fihris(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fihris"))
        .args(args)
        .output()
        .expect("the fihris binary runs")
}

fn json() -> Value {
    let output = fihris(&["stats", "--as-of", "2026-11-26", "--output", "json"]);
    assert!(output.status.success(), "{output:?}");
    // No progress bar in JSON output, even on a terminal; here stderr is a pipe anyway.
    assert!(output.stderr.is_empty(), "{output:?}");
    serde_json::from_slice(&output.stdout).expect("valid JSON")
}

fn sum(value: &Value) -> u64 {
    value
        .as_array()
        .expect("a list of tallies")
        .iter()
        .map(|tally| tally["count"].as_u64().expect("a count"))
        .sum()
}

#[test]
fn json_totals_add_up() {
    let stats = json();
    assert_eq!(stats["as_of"], "2026-11-26");
    let datasets = stats["datasets"].as_u64().unwrap();
    assert!(datasets > 0);
    assert_eq!(sum(&stats["by_publication_status"]), datasets);
    assert_eq!(sum(&stats["by_producer"]), datasets);
    assert_eq!(sum(&stats["by_stars"]), datasets);
    assert_eq!(sum(&stats["by_kind_of_data"]), datasets);
    assert_eq!(sum(&stats["by_frequency"]), datasets);
    assert_eq!(sum(&stats["by_access_rights"]), datasets);
    assert_eq!(
        sum(&stats["by_format"]),
        stats["distributions"].as_u64().unwrap()
    );
    let scorecards = stats["scorecards"].as_array().unwrap();
    assert_eq!(
        scorecards.len() as u64,
        stats["producers"].as_u64().unwrap()
    );
    assert_eq!(scorecards[0]["rank"], 1);
    let published: u64 = scorecards
        .iter()
        .map(|card| card["published"].as_u64().unwrap())
        .sum();
    assert_eq!(published, stats["by_publication_status"][0]["count"]);
    assert_eq!(stats["by_publication_status"][0]["key"], "published");
    assert_eq!(stats["by_portal_theme"].as_array().unwrap().len(), 19);
}

#[test]
fn json_is_deterministic() {
    assert_eq!(json(), json());
}

#[test]
fn csv_is_the_scorecard_table() {
    let output = fihris(&["stats", "--as-of", "2026-11-26", "--output", "csv"]);
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    assert!(lines[0].starts_with("rank,key,code,name,name_ar,datasets,published,planned,"));
    let producers = json()["producers"].as_u64().unwrap() as usize;
    assert_eq!(lines.len(), producers + 1);
    assert!(lines[1].starts_with("1,"), "{}", lines[1]);
}

#[test]
fn text_shows_headline_and_scorecard() {
    let output = fihris(&["stats", "--as-of", "2026-11-26"]);
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    for needle in [
        "as of 2026-11-26",
        "datasets",
        "open machine-readable format",
        "by portal theme",
        "producer scorecard",
        "HCP",
    ] {
        assert!(text.contains(needle), "{needle}:\n{text}");
    }
}

#[test]
fn the_sample_read_from_a_file_gives_the_same_statistics() {
    let dir = std::env::temp_dir().join(format!("fihris-stats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("sample.jsonl");
    std::fs::write(&file, fihris_ckan::SAMPLE_CATALOGUE_JSONL).unwrap();
    let args = ["--as-of", "2026-11-26", "--output", "json"];
    let embedded = fihris(&[&["stats"][..], &args].concat());
    let from_file = fihris(&[&["stats", file.to_str().unwrap()][..], &args].concat());
    assert!(embedded.status.success() && from_file.status.success());
    let mut embedded: Value = serde_json::from_slice(&embedded.stdout).unwrap();
    let mut from_file: Value = serde_json::from_slice(&from_file.stdout).unwrap();
    // Only the catalogue-level findings differ: the embedded sample names the portal's
    // description and publisher, which CKAN packages do not carry.
    for stats in [&mut embedded, &mut from_file] {
        stats.as_object_mut().unwrap().remove("findings");
    }
    assert_eq!(embedded, from_file);
}

#[test]
fn unreadable_files_exit_with_2_and_their_name() {
    let output = fihris(&["stats", "catalogue-absent.ttl"]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(message.contains("catalogue-absent.ttl"), "{message}");
}

#[test]
fn bad_date_is_bad_usage() {
    let output = fihris(&["stats", "--as-of", "2026-02-30"]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(message.contains("YYYY-MM-DD"), "{message}");
}
