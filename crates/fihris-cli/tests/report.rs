//! `fihris report` end to end, and the page opened in headless Chromium: it renders without
//! console errors, its charts are in the rendered DOM, the sorting script ran, and the
//! Arabic right-to-left version renders too. Screenshots are saved under
//! `target/tmp/report/`. Chromium is required: `./test` installs it; this test fails when
//! it is missing.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fihris(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fihris"))
        .args(args)
        .output()
        .expect("the fihris binary runs")
}

fn work_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report");
    fs::create_dir_all(&dir).expect("a work directory under target/");
    dir
}

/// Writes the report in `lang` and returns its path.
fn report(lang: &str) -> PathBuf {
    let path = work_dir().join(format!("report-{lang}.html"));
    let output = fihris(&[
        "report",
        "--as-of",
        "2026-11-26",
        "--lang",
        lang,
        "-o",
        path.to_str().expect("a UTF-8 path"),
    ]);
    assert!(output.status.success(), "{output:?}");
    path
}

/// Runs headless Chromium on a page with `mode` (`--dump-dom` or `--screenshot=…`);
/// returns standard output and the console lines of the log.
fn chromium(page: &Path, name: &str, mode: &str) -> (String, Vec<String>) {
    let profile = work_dir().join(format!("profile-{name}"));
    let _ = fs::remove_dir_all(&profile);
    let output = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            &format!("--user-data-dir={}", profile.display()),
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1280,2000",
            mode,
            &format!("file://{}", page.display()),
        ])
        .output()
        .unwrap_or_else(|error| {
            panic!("chromium is required for this test (./test installs it): {error}")
        });
    assert!(output.status.success(), "chromium failed: {output:?}");
    let log = String::from_utf8_lossy(&output.stderr);
    // Chromium logs every console message (log, error, uncaught exception, CSP
    // violation) as `INFO:CONSOLE`: the report must log nothing at all.
    let console = log
        .lines()
        .filter(|line| line.contains(":CONSOLE") || line.contains("Uncaught"))
        .map(str::to_owned)
        .collect();
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        console,
    )
}

fn check_rendered(lang: &str, dir: &str) {
    let page = report(lang);
    let (dom, console) = chromium(&page, &format!("{lang}-dom"), "--dump-dom");
    assert!(console.is_empty(), "console messages: {console:#?}");
    assert!(
        dom.contains(&format!(r#"<html lang="{lang}" dir="{dir}""#)),
        "{dom}"
    );
    // The sorting script ran to its end over both tables.
    assert!(
        dom.contains(r#"data-sortable="2""#),
        "the script did not run"
    );
    let charts = dom.matches(r#"<svg class="chart""#).count();
    assert!(charts >= 10, "{charts} charts in the rendered page");
    assert!(dom.matches("<rect ").count() > 40);
    for id in [
        "by-theme",
        "by-producer",
        "formats",
        "openness",
        "scorecard",
        "findings",
    ] {
        assert!(dom.contains(&format!(r#"id="{id}""#)), "section {id}");
    }

    let png = work_dir().join(format!("report-{lang}.png"));
    let _ = fs::remove_file(&png);
    let (_, console) = chromium(
        &page,
        &format!("{lang}-shot"),
        &format!("--screenshot={}", png.display()),
    );
    assert!(console.is_empty(), "console messages: {console:#?}");
    let bytes = fs::read(&png).expect("a screenshot");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(bytes.len() > 50_000, "a blank page? {} bytes", bytes.len());
}

#[test]
fn french_report_renders_in_chromium() {
    check_rendered("fr", "ltr");
}

#[test]
fn arabic_report_renders_right_to_left_in_chromium() {
    check_rendered("ar", "rtl");
}

/// The console check can fail: a page that logs and throws is caught.
#[test]
fn console_errors_are_detected() {
    let page = work_dir().join("broken.html");
    fs::write(
        &page,
        "<!DOCTYPE html><html><body><script>console.error('boom');\
         throw new Error('uncaught');</script></body></html>",
    )
    .unwrap();
    let (_, console) = chromium(&page, "broken", "--dump-dom");
    assert!(
        console.iter().any(|line| line.contains("boom")),
        "{console:#?}"
    );
    assert!(
        console.iter().any(|line| line.contains("Uncaught Error")),
        "{console:#?}"
    );
}

#[test]
fn report_is_self_contained_and_deterministic() {
    let first = fs::read(report("en")).unwrap();
    let second = fihris(&["report", "--as-of", "2026-11-26", "--lang", "en"]);
    assert!(second.status.success());
    assert_eq!(first, second.stdout, "same input, same bytes");
    let html = String::from_utf8(first).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Content-Security-Policy"));
    for needle in [
        "<link",
        "<img",
        "src=\"http",
        "@import",
        "url(http",
        "fonts.",
    ] {
        assert!(!html.contains(needle), "{needle}");
    }
    assert!(html.contains("Producer scorecard"));
}

/// A CKAN package whose title carries what HTML must escape.
const PACKAGE: &str = r#"{"name": "telecoms", "title": "Observatoire <marché des télécoms> : abonnés & parc \"mobile\"",
 "organization": {"name": "anrt", "title": "ANRT"}, "license_id": "odc-odbl",
 "resources": [{"url": "https://data.gov.ma/d/telecoms.xlsx", "format": "XLSX"}]}"#;

#[test]
fn french_is_the_default_and_text_is_escaped() {
    let dir = std::env::temp_dir().join(format!("fihris-report-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let package = dir.join("package.json");
    fs::write(&package, PACKAGE).unwrap();
    let output = fihris(&["report", package.to_str().unwrap(), "--as-of", "2026-11-26"]);
    assert!(output.status.success(), "{output:?}");
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(html.contains(r#"<html lang="fr" dir="ltr">"#));
    assert!(html.contains("Tableau de bord des producteurs"));
    // The findings table shows the title escaped (the XLSX-only dataset fails the open
    // format rule).
    assert!(
        html.contains(
            "Observatoire &lt;marché des télécoms&gt; : abonnés &amp; parc &quot;mobile&quot;"
        ),
        "{html}"
    );
    assert!(!html.contains("<marché"));
}

#[test]
fn unreadable_files_exit_with_2_and_their_name() {
    let output = fihris(&["report", "inventaire-absent.csv"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("inventaire-absent.csv"));
}

#[test]
fn unwritable_output_is_an_error() {
    let output = fihris(&["report", "-o", "/nonexistent-dir/report.html"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent-dir/report.html"));
}
