//! `fihris harvest` of a local CKAN serving generated packages in pages gives the same bytes
//! as `fihris convert` of the same packages from a file. The benchmark
//! (`cargo bench -p fihris-benches --bench harvest`) checks it again on 10 000 packages, in
//! release, with the peak memory.
#![expect(
    clippy::unwrap_used,
    reason = "a failed set-up step of a test should fail the test"
)]

use std::fs::File;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use fihris_benches::{CkanServer, GeneratedCatalogue};
use fihris_cli::convert::{self, ConvertOptions, OutputFormat};
use fihris_cli::harvest::{self, HarvestArgs, HarvestFormat, SourceKind};
use fihris_cli::input::InputFormat;

const PACKAGES: u64 = 3_000;
const PAGE: u32 = 500;

/// `fihris harvest URL --source ckan --page-size 500 --delay 0 --to FORMAT --base-iri …`.
fn harvest(url: &str, to: HarvestFormat) -> (Vec<u8>, String) {
    let args = HarvestArgs {
        url: url.to_owned(),
        since: None,
        to,
        output: None,
        source: SourceKind::Ckan,
        delay: 0.0,
        timeout: 60.0,
        retries: 0,
        page_size: PAGE,
        base_iri: Some("https://data.gov.ma/data/fr/".to_owned()),
    };
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let code = harvest::main(&args, &mut stdout, &mut stderr);
    let stderr = String::from_utf8(stderr).unwrap();
    assert_eq!(code, ExitCode::SUCCESS, "{stderr}");
    (stdout, stderr)
}

/// `fihris convert FILE --from ckan --to FORMAT`.
fn convert(file: &Path, to: OutputFormat) -> Vec<u8> {
    let options = ConvertOptions {
        files: vec![file.to_path_buf()],
        from: Some(InputFormat::Ckan),
        to,
        output: None,
        exact: false,
        repair: false,
        limit: fihris_cli::input::InputLimit::default(),
    };
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    convert::run(&options, &mut std::io::empty(), &mut stdout, &mut stderr).unwrap();
    stdout
}

/// The first line where two outputs differ, for a readable failure.
fn first_difference(left: &[u8], right: &[u8]) -> String {
    let left = String::from_utf8_lossy(left);
    let right = String::from_utf8_lossy(right);
    let line = left
        .lines()
        .zip(right.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| left.lines().count().min(right.lines().count()));
    format!(
        "line {}: harvested {:?}, converted {:?}",
        line + 1,
        left.lines().nth(line),
        right.lines().nth(line)
    )
}

#[test]
fn paged_harvest_is_byte_identical_to_converting_the_file() {
    let server = CkanServer::start(GeneratedCatalogue::new(PACKAGES)).unwrap();
    let file = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("harvest-{}-packages.jsonl", std::process::id()));
    let mut out = BufWriter::new(File::create(&file).unwrap());
    server.write_json_lines(&mut out).unwrap();
    out.flush().unwrap();
    drop(out);

    let pages = PACKAGES.div_ceil(u64::from(PAGE));
    let mut ntriples = Vec::new();
    for (harvest_format, convert_format) in [
        (HarvestFormat::Ntriples, OutputFormat::Ntriples),
        (HarvestFormat::Turtle, OutputFormat::Turtle),
    ] {
        let before = server.requests();
        let (harvested, summary) = harvest(&server.api_url(), harvest_format);
        assert!(
            summary.contains(&format!(
                "harvested {PACKAGES} datasets of {PACKAGES} announced in {pages} pages"
            )),
            "{summary}"
        );
        assert_eq!(server.requests() - before, pages);
        let converted = convert(&file, convert_format);
        assert!(
            harvested == converted,
            "{convert_format:?}: {} bytes harvested, {} converted; {}",
            harvested.len(),
            converted.len(),
            first_difference(&harvested, &converted)
        );
        if harvest_format == HarvestFormat::Ntriples {
            ntriples = harvested;
        }
    }
    // Each dataset is there, its texts tagged, once.
    let text = String::from_utf8(ntriples).unwrap();
    let datasets = text
        .lines()
        .filter(|line| {
            line.ends_with("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> .")
        })
        .count();
    assert_eq!(datasets as u64, PACKAGES);
    assert!(text.contains("\"@fr .\n"));
    assert!(text.contains("\"@ar ."));
    std::fs::remove_file(&file).unwrap();
}
