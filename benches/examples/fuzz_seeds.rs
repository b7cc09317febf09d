//! Writes the seed corpora of the fuzz targets into `fuzz/seeds/<target>/`: a few datasets of
//! the embedded sample catalogue in each RDF syntax, in CKAN JSON and as model snapshots
//! (serde JSON), and the project's CSV fixtures. Run from the workspace root: `cargo run -p fihris-benches --example fuzz_seeds`.

use std::fs;
use std::path::Path;

use fihris_ckan::{CkanFormat, sample_catalogue, write_catalog};
use fihris_dcat::{DcatWriter, RdfFormat};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let seeds = root.join("fuzz/seeds");
    let sample = sample_catalogue();
    let mut slices = Vec::new();
    for (start, count) in [(0, 1), (1, 3), (10, 2), (200, 1), (400, 2)] {
        let mut part = sample.clone();
        part.datasets = sample
            .datasets
            .iter()
            .skip(start)
            .take(count)
            .cloned()
            .collect();
        slices.push(part);
    }
    for (target, format) in [
        ("dcat_turtle", RdfFormat::Turtle),
        ("dcat_ntriples", RdfFormat::NTriples),
        ("dcat_rdfxml", RdfFormat::RdfXml),
        ("dcat_jsonld", RdfFormat::JsonLd),
    ] {
        let dir = seeds.join(target);
        fs::create_dir_all(&dir)?;
        for (index, part) in slices.iter().enumerate() {
            for implied in [true, false] {
                let mut writer = DcatWriter::new(format, Vec::new()).with_implied_triples(implied);
                writer.write_catalog(part)?;
                let name = format!(
                    "sample-{index}-{}.{}",
                    u8::from(implied),
                    format.extension()
                );
                fs::write(dir.join(name), writer.finish()?)?;
            }
        }
    }
    let dir = seeds.join("model_snapshot");
    fs::create_dir_all(&dir)?;
    for (index, part) in slices.iter().enumerate() {
        fs::write(
            dir.join(format!("sample-{index}.json")),
            serde_json::to_vec(part)?,
        )?;
    }
    let dir = seeds.join("ckan_json");
    fs::create_dir_all(&dir)?;
    for (index, part) in slices.iter().enumerate() {
        for (name, format) in [
            ("jsonl", CkanFormat::JsonLines),
            ("list.json", CkanFormat::PackageList),
            ("search.json", CkanFormat::PackageSearch),
        ] {
            let bytes = write_catalog(part, format, Vec::new())?;
            fs::write(dir.join(format!("sample-{index}.{name}")), bytes)?;
        }
    }
    for file in fs::read_dir(root.join("crates/fihris-ckan/tests/fixtures"))? {
        let path = file?.path();
        copy_small(&path, &dir)?;
    }
    for (target, fixtures) in [
        ("csv_scan", "crates/fihris-privacy/tests/fixtures"),
        ("csv_inventory", "crates/fihris-csv/tests/fixtures"),
    ] {
        let dir = seeds.join(target);
        fs::create_dir_all(&dir)?;
        for file in fs::read_dir(root.join(fixtures))? {
            copy_small(&file?.path(), &dir)?;
        }
    }
    Ok(())
}

/// Copies a CSV or JSON fixture under 8 KiB (larger inputs slow the fuzzer down).
fn copy_small(path: &Path, dir: &Path) -> std::io::Result<()> {
    let keep = path
        .extension()
        .is_some_and(|e| e == "csv" || e == "json" || e == "jsonl");
    if keep
        && fs::metadata(path)?.len() <= 8 * 1024
        && let Some(name) = path.file_name()
    {
        fs::copy(path, dir.join(name))?;
    }
    Ok(())
}
