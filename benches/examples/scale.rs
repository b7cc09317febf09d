//! Convert and count 1 000 000 generated datasets streaming, and report the peak memory.
//!
//! ```sh
//! cargo run --release -p fihris-benches --example scale -- ckan 1000000
//! cargo run --release -p fihris-benches --example scale -- ntriples 1000000
//! ```
//!
//! `ckan`: generated CKAN JSON lines -> model (`CkanReader::json_lines`) -> DCAT-AP N-Triples
//! written to a temporary file, and statistics (`StatsBuilder`). `ntriples`: the same
//! N-Triples file (written first, streaming) -> model (`NTriplesStream`) -> DCAT-AP Turtle
//! (discarded) and statistics. Each mode is its own process, so `VmHWM` (the peak resident
//! memory, read from `/proc/self/status` at the end) is that run's alone.

use std::fs::File;
use std::io::{self, BufReader, BufWriter};
use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use fihris_benches::GeneratedCatalogue;
use fihris_dcat::{DcatReader, DcatWriter, NTriplesStream, RdfFormat};
use fihris_model::{Catalog, Iri, NodeId, Text};
use fihris_stats::StatsBuilder;

type Error = Box<dyn std::error::Error>;

fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = args.first().map_or("ckan", String::as_str);
    let count: u64 = args.get(1).map_or(Ok(1_000_000), |n| n.parse())?;
    let path = std::env::temp_dir().join(format!("fihris-scale-{count}.nt"));
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).ok_or("date")?;
    match mode {
        "ckan" => ckan(count, &path, as_of),
        "ntriples" => ntriples(count, &path, as_of),
        _ => Err("usage: scale ckan|ntriples [COUNT]".into()),
    }
}

fn header() -> Result<Catalog, Error> {
    Ok(Catalog::new(
        NodeId::Iri(Iri::new("https://data.gov.ma/data/fr/")?),
        Text::new().with("fr", "Portail national des données ouvertes")?,
    )?)
}

fn ckan(count: u64, path: &PathBuf, as_of: NaiveDate) -> Result<(), Error> {
    let start = Instant::now();
    let mut stats = StatsBuilder::new(as_of);
    let mut writer = DcatWriter::new(RdfFormat::NTriples, BufWriter::new(File::create(path)?));
    writer.write_header(&header()?)?;
    let mut datasets = GeneratedCatalogue::new(count).datasets();
    let mut read = 0u64;
    let mut warnings = 0usize;
    while let Some(dataset) = datasets.next() {
        let dataset = dataset?;
        stats.add(&dataset, None);
        writer.write_dataset(&dataset)?;
        read += 1;
        if read.is_multiple_of(10_000) {
            warnings += datasets.take_warnings().len();
        }
    }
    warnings += datasets.take_warnings().len();
    let triples = writer.triple_count();
    io::Write::flush(&mut writer.finish()?)?;
    let stats = stats.finish();
    report(
        "CKAN JSON lines -> N-Triples + stats",
        read,
        triples,
        start,
        &format!("{warnings} warnings; {} datasets counted", stats.datasets),
    );
    Ok(())
}

fn ntriples(count: u64, path: &PathBuf, as_of: NaiveDate) -> Result<(), Error> {
    if !path.exists() {
        return Err(format!(
            "{} is missing: run `scale ckan {count}` first",
            path.display()
        )
        .into());
    }
    let start = Instant::now();
    let mut stats = StatsBuilder::new(as_of);
    let reader = DcatReader::new(RdfFormat::NTriples).with_implied_triples(true);
    let mut stream = NTriplesStream::new(reader, BufReader::new(File::open(path)?))?;
    let mut writer = DcatWriter::new(RdfFormat::Turtle, io::sink());
    writer.write_header(stream.catalog())?;
    let mut read = 0u64;
    while let Some(dataset) = stream.next() {
        let dataset = dataset?;
        stats.add(&dataset, None);
        writer.write_dataset(&dataset)?;
        read += 1;
        if read.is_multiple_of(10_000) {
            stream.take_warnings();
        }
    }
    writer.finish()?;
    let stats = stats.finish();
    report(
        "N-Triples -> Turtle + stats",
        read,
        stream.triple_count(),
        start,
        &format!("{} datasets counted", stats.datasets),
    );
    Ok(())
}

fn report(what: &str, datasets: u64, triples: u64, start: Instant, note: &str) {
    let seconds = start.elapsed().as_secs_f64();
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned());
    println!(
        "{what}: {datasets} datasets, {triples} triples in {seconds:.1} s \
         ({:.0} datasets/s, {:.0} triples/s); peak memory (VmHWM) {peak}; {note}",
        datasets as f64 / seconds,
        triples as f64 / seconds,
    );
}
