//! Bad input gives a clear error with a position, or a warning on the one broken record
//! while the rest is read; never a panic.

use std::path::PathBuf;

use fihris_ckan::{CkanErrorKind, CkanFormat, CkanReader, CkanWarningKind};
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn truncated_json_names_line_and_column() {
    let input = fixture("package_show.json");
    let cut = &input[..input.len() / 2];
    let error = CkanReader::new().read_slice(cut).unwrap_err();
    assert_eq!(error.kind(), CkanErrorKind::Syntax);
    let text = std::str::from_utf8(cut).unwrap();
    assert_eq!(error.line(), Some(text.lines().count() as u64));
    assert!(error.column().is_some());
    assert!(
        error.to_string().starts_with("invalid JSON at line "),
        "{error}"
    );
    let error = CkanReader::new()
        .read_slice(b"{\"title\": \"x\",\n  \"name\": }")
        .unwrap_err();
    assert_eq!((error.line(), error.column()), (Some(2), Some(11)));
    assert_eq!(
        error.to_string(),
        "invalid JSON at line 2, column 11: unexpected character '}': a JSON value was expected"
    );
}

#[test]
fn wrong_shapes_are_refused() {
    for input in [&b"42"[..], b"\"package\"", b"null", b"true"] {
        let error = CkanReader::new().read_slice(input).unwrap_err();
        assert_eq!(error.kind(), CkanErrorKind::Shape, "{error}");
    }
    let error = CkanReader::new().read_slice(b"  \n ").unwrap_err();
    assert_eq!(error.kind(), CkanErrorKind::Shape);
    let error = CkanReader::new()
        .read_slice(br#"{"success": true, "result": 3}"#)
        .unwrap_err();
    assert_eq!(error.kind(), CkanErrorKind::Shape);
    let error = CkanReader::new()
        .read_slice(br#"{"success": true, "result": {"count": 1, "results": {}}}"#)
        .unwrap_err();
    assert_eq!(error.kind(), CkanErrorKind::Shape);
    let error = CkanReader::new().read_slice(b"{} {}").unwrap_err();
    assert_eq!(error.kind(), CkanErrorKind::Syntax);
}

#[test]
fn one_unreadable_package_is_an_error() {
    for input in [
        &br#"{"name": "sans-titre"}"#[..],
        br#"{"name": "x", "title": ""}"#,
        br#"{"name": "x", "title": 12}"#,
        br#"{"success": true, "result": {"name": "x", "title": null}}"#,
    ] {
        let error = CkanReader::new().read_slice(input).unwrap_err();
        assert_eq!(error.kind(), CkanErrorKind::Package, "{error}");
        assert_eq!(error.record(), Some(1));
    }
}

#[test]
fn non_utf8_bytes_name_their_position() {
    let error = CkanReader::new()
        .read_slice(b"{\"title\": \"Donn\xe9es\"}")
        .unwrap_err();
    assert_eq!(error.kind(), CkanErrorKind::Encoding);
    assert_eq!((error.line(), error.column()), (Some(1), Some(16)));
    assert!(error.message().contains("0xE9"), "{error}");
    let error = CkanReader::new().read_slice(b"\xff\xfe{\x00x").unwrap_err();
    assert_eq!(error.kind(), CkanErrorKind::Encoding);
}

#[test]
fn utf16_with_a_byte_order_mark_and_utf8_bom_are_read() {
    let text = r#"{"name": "a", "title": "Données – عربية"}"#;
    let mut little = vec![0xFF, 0xFE];
    little.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut big = vec![0xFE, 0xFF];
    big.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(text.as_bytes());
    for input in [little, big, bom] {
        let read = CkanReader::new().read_slice(&input).unwrap();
        assert_eq!(
            read.catalog.datasets[0].title.get(""),
            Some("Données – عربية")
        );
    }
}

#[test]
fn html_pages_are_named() {
    let page = b"\n<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body>blocked</body></html>";
    let error = CkanReader::new().read_slice(page).unwrap_err();
    assert_eq!(error.kind(), CkanErrorKind::Html);
    assert!(error.message().contains("\"403 Forbidden\""), "{error}");
    let error = CkanReader::new().read_slice(b"<html>").unwrap_err();
    assert_eq!(error.kind(), CkanErrorKind::Html);
}

#[test]
fn success_false_gives_the_api_message() {
    let answer = br#"{"help": "...", "success": false, "error": {"message": "Not found", "__type": "Not Found Error"}}"#;
    let error = CkanReader::new().read_slice(answer).unwrap_err();
    assert_eq!(error.kind(), CkanErrorKind::ApiFailure);
    assert_eq!(error.message(), "Not Found Error: Not found");
    let error = CkanReader::new()
        .read_slice(br#"{"success": "yes", "result": {}}"#)
        .unwrap_err();
    assert_eq!(error.kind(), CkanErrorKind::ApiFailure);
}

#[test]
fn broken_json_lines_are_findings_and_the_rest_is_read() {
    let mut input = Vec::new();
    input.extend(b"{\"name\": \"a\", \"title\": \"A\"}\n");
    input.extend(b"{\"name\": \"b\", \"title\": \"B\"\n");
    input.extend(b"[1, 2]\n");
    input.extend(b"{\"name\": \"c\", \"title\": \"C\xff\"}\n");
    input.extend(b"\n");
    input.extend(b"<html><body>rate limited</body></html>\n");
    input.extend(b"{\"name\": \"d\"}\n");
    input.extend(b"{\"name\": \"e\", \"title\": \"E\"}");
    let read = CkanReader::new().read_slice(&input).unwrap();
    assert_eq!(read.format, CkanFormat::JsonLines);
    let names: Vec<_> = read
        .catalog
        .datasets
        .iter()
        .map(|d| d.title.get("").unwrap())
        .collect();
    assert_eq!(names, ["A", "E"]);
    let broken: Vec<_> = read
        .warnings
        .iter()
        .map(|w| (w.kind(), w.record(), w.line(), w.column()))
        .collect();
    assert_eq!(
        broken,
        [
            (CkanWarningKind::BrokenRecord, 2, Some(2), Some(27)),
            (CkanWarningKind::BrokenRecord, 3, Some(3), None),
            (CkanWarningKind::BrokenRecord, 4, Some(4), Some(26)),
            (CkanWarningKind::BrokenRecord, 5, Some(6), Some(1)),
            (CkanWarningKind::BrokenRecord, 6, Some(7), None),
        ]
    );
    assert!(read.warnings[3].message().contains("HTML"));
    assert_eq!(
        read.warnings[4].dataset(),
        Some("https://data.gov.ma/data/fr/dataset/d")
    );
    let finding = read.warnings[0].to_finding();
    assert_eq!(finding.rule_id(), "ckan.broken-record");
    assert_eq!(finding.severity(), fihris_model::Severity::Error);
    // The same through the streaming reader.
    let streamed = CkanReader::new().read_json_lines(input.as_slice()).unwrap();
    assert_eq!(streamed.catalog.datasets, read.catalog.datasets);
    assert_eq!(streamed.warnings, read.warnings);
}

#[test]
fn broken_packages_in_a_search_result_are_findings() {
    let answer = br#"{"success": true, "result": {"count": 4, "results": [
        {"name": "a", "title": "A"}, "oops", {"name": "c"}, {"name": "d", "title": "D"}]}}"#;
    let read = CkanReader::new().read_slice(answer).unwrap();
    assert_eq!(read.catalog.datasets.len(), 2);
    let records: Vec<_> = read
        .warnings
        .iter()
        .map(|w| (w.kind(), w.record()))
        .collect();
    assert_eq!(
        records,
        [
            (CkanWarningKind::BrokenRecord, 2),
            (CkanWarningKind::BrokenRecord, 3)
        ]
    );
}

#[test]
fn nesting_is_bounded() {
    let deep = format!(
        "{{\"name\": \"a\", \"title\": \"A\", \"x\": {}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let error = CkanReader::new().read_slice(deep.as_bytes()).unwrap_err();
    assert_eq!(error.kind(), CkanErrorKind::Syntax);
    assert!(error.message().contains("nesting"));
}

#[test]
fn bad_options_are_refused() {
    assert_eq!(
        CkanReader::new()
            .with_base_iri("pas une IRI")
            .unwrap_err()
            .kind(),
        CkanErrorKind::Config
    );
    assert_eq!(
        CkanReader::new().with_language("fr_FR").unwrap_err().kind(),
        CkanErrorKind::Config
    );
    let read = CkanReader::new()
        .with_base_iri("https://ckan.example.org/data")
        .unwrap()
        .read_slice(br#"{"name": "x", "title": "X"}"#)
        .unwrap();
    assert_eq!(
        read.catalog.datasets[0].id.to_string(),
        "https://ckan.example.org/data/dataset/x"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any bytes: an error or a catalogue, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = CkanReader::new().read_slice(&bytes);
        let _ = CkanReader::new().read_json_lines(bytes.as_slice());
    }

    /// A real answer cut anywhere or with one byte changed: an error or a catalogue.
    #[test]
    fn damaged_answers_never_panic(cut in 0usize..6000, position in 0usize..6000, byte in any::<u8>()) {
        let mut input = fixture("package_search.json");
        let position = position % input.len();
        input[position] = byte;
        input.truncate(cut.min(input.len()));
        let _ = CkanReader::new().read_slice(&input);
        let _ = CkanReader::new().read_json_lines(input.as_slice());
    }
}
