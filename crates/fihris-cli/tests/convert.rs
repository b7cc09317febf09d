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
fn max_input_sets_the_largest_file_read() {
    let args = |max: &'static str| {
        [
            "convert",
            "--from",
            "turtle",
            "--to",
            "ntriples",
            "--max-input",
            max,
        ]
    };
    // TURTLE is 285 bytes: over a limit of 200, under one of 1K (1 024).
    assert!(TURTLE.len() > 200 && TURTLE.len() < 1024);
    let refused = fihris(&args("200"), TURTLE);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("<stdin>")
            && stderr.contains("200 bytes")
            && stderr.contains("--max-input"),
        "{stderr}"
    );
    assert!(refused.stdout.is_empty());
    let read = fihris(&args("1K"), TURTLE);
    assert!(read.status.success(), "{read:?}");
    assert!(String::from_utf8_lossy(&read.stdout).contains("<https://data.gov.ma/d/ipc>"));
    for bad in ["", "12Q", "K", "1.5G", "99999999999G"] {
        let output = fihris(&args(bad), TURTLE);
        assert_eq!(output.status.code(), Some(2), "{bad}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("--max-input"), "{bad}: {stderr}");
    }
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

/// One CKAN input written as RDF is converted as it is read (datasets read on a second thread
/// and written as they come): the bytes and the findings must be those of reading the whole
/// catalogue first, in every RDF format, from standard input and from a file.
#[test]
fn ckan_converted_as_read_gives_what_reading_first_gives() {
    use fihris_cli::convert::{self, ConvertOptions, OutputFormat};
    use fihris_cli::input::{self, InputFormat, ReadOptions};

    // Broken lines and an unnamed package among the sample's 671 packages: findings on
    // records, and a dataset named by its position.
    let mut ckan = String::new();
    for (index, line) in fihris_ckan::SAMPLE_CATALOGUE_JSONL.lines().enumerate() {
        ckan.push_str(line);
        ckan.push('\n');
        if index == 300 {
            ckan.push_str("not json\n{\"title\": \"Sans nom\"}\n[1]\n");
        }
    }
    let dir = std::env::temp_dir().join(format!("fihris-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let file = dir.join("catalogue.jsonl");
    std::fs::write(&file, &ckan).expect("written");
    let options = ReadOptions {
        from: Some(InputFormat::Ckan),
        ..ReadOptions::default()
    };
    let loaded = input::read_bytes(ckan.as_bytes(), "<stdin>", InputFormat::Ckan, &options)
        .expect("readable");
    assert!(loaded.findings.len() >= 2, "{:?}", loaded.findings);
    assert!(
        loaded
            .findings
            .iter()
            .all(|finding| finding.to_string().contains("<stdin>"))
    );
    for to in [
        OutputFormat::Turtle,
        OutputFormat::Ntriples,
        OutputFormat::Rdfxml,
        OutputFormat::Jsonld,
    ] {
        let mut expected = Vec::new();
        convert::write(&loaded, to, false, &mut expected).expect("written whole");
        let mut expected_findings = Vec::new();
        input::print_findings(&loaded.findings, &mut expected_findings);
        for files in [vec![], vec![file.clone()]] {
            let from_stdin = files.is_empty();
            let options = ConvertOptions {
                files,
                from: from_stdin.then_some(InputFormat::Ckan),
                to,
                output: None,
                exact: false,
                repair: false,
                limit: input::InputLimit::default(),
            };
            let (mut out, mut err) = (Vec::new(), Vec::new());
            convert::run(&options, &mut ckan.as_bytes(), &mut out, &mut err).expect("converted");
            assert!(out == expected, "{to:?}, from stdin: {from_stdin}");
            let findings = String::from_utf8(err).expect("utf-8");
            let expected_findings = String::from_utf8(expected_findings.clone()).expect("utf-8");
            if from_stdin {
                assert_eq!(findings, expected_findings);
            } else {
                assert_eq!(
                    findings,
                    expected_findings.replace("<stdin>", &file.display().to_string())
                );
            }
        }
    }
    std::fs::remove_dir_all(&dir).expect("removed");
}

/// Output that fails after `room` bytes, as a full disk does.
struct FullDisk {
    room: usize,
}

impl Write for FullDisk {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if buf.len() > self.room {
            return Err(std::io::Error::other("no space left on device"));
        }
        self.room -= buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `fihris convert --from ckan --to ntriples`, reading standard input.
fn ckan_on_stdin_to_ntriples() -> fihris_cli::convert::ConvertOptions {
    fihris_cli::convert::ConvertOptions {
        files: vec![],
        from: Some(fihris_cli::input::InputFormat::Ckan),
        to: fihris_cli::convert::OutputFormat::Ntriples,
        output: None,
        exact: false,
        repair: false,
        limit: fihris_cli::input::InputLimit::default(),
    }
}

/// A write error while the reading thread is still reading ends the conversion with that
/// error, without waiting for the rest of the input.
#[test]
fn ckan_converted_as_read_stops_on_a_write_error() {
    use fihris_cli::convert;

    let options = ckan_on_stdin_to_ntriples();
    let mut ckan = fihris_ckan::SAMPLE_CATALOGUE_JSONL.as_bytes();
    let mut err = Vec::new();
    let error = convert::run(
        &options,
        &mut ckan,
        &mut FullDisk { room: 100_000 },
        &mut err,
    )
    .expect_err("the output is full");
    assert!(error.to_string().contains("no space left"), "{error}");
}

/// Standard input that says how much of it is read so far.
struct CountedInput {
    bytes: std::io::Cursor<Vec<u8>>,
    read: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl std::io::Read for CountedInput {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.bytes.read(buf)?;
        self.read
            .fetch_add(read as u64, std::sync::atomic::Ordering::SeqCst);
        Ok(read)
    }
}

/// Output that notes how much of the input was read when it was first written to.
struct FirstWrite {
    input_read: std::sync::Arc<std::sync::atomic::AtomicU64>,
    read_then: Option<u64>,
    written: Vec<u8>,
}

impl Write for FirstWrite {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.read_then.is_none() {
            self.read_then = Some(self.input_read.load(std::sync::atomic::Ordering::SeqCst));
        }
        self.written.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// CKAN on standard input is converted as it is read, as a file is, not read whole first:
/// the output starts while most of the input is still unread.
#[test]
fn ckan_from_standard_input_is_converted_as_read() {
    use fihris_cli::convert;

    let input = fihris_ckan::SAMPLE_CATALOGUE_JSONL.repeat(4).into_bytes();
    let size = input.len() as u64;
    let options = ckan_on_stdin_to_ntriples();
    let read = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let mut stdin = CountedInput {
        bytes: std::io::Cursor::new(input),
        read: read.clone(),
    };
    let mut out = FirstWrite {
        input_read: read,
        read_then: None,
        written: Vec::new(),
    };
    convert::run(&options, &mut stdin, &mut out, &mut Vec::new()).expect("converted");
    let read_then = out.read_then.expect("written");
    assert!(
        read_then < size / 2,
        "{read_then} of {size} bytes read before the first write"
    );
    assert!(
        out.written.ends_with(b" .\n"),
        "the whole output is written"
    );
}
