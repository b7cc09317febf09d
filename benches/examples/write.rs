//! Read a DCAT-AP file into the model, then write the model in each format and say how long
//! each write took: the fihris side of the "model -> format" rows of the side-by-side harness
//! (`benches/compare/run.sh`), as `Graph.serialize` of a parsed graph is rdflib's
//! (`benches/compare/rdflib_serialize.py`). Only the writes are timed, each the best of
//! `RUNS`, into `OUT_PREFIX.{nt,rdf,jsonld}`, each a new file (the one before removed first,
//! untimed).
//!
//! ```sh
//! cargo run --release -p fihris-benches --example write -- catalogue.nt OUT_PREFIX
//! ```

use std::fs::File;
use std::io::BufWriter;
use std::time::Instant;

use fihris_dcat::{DcatReader, DcatWriter, RdfFormat};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

type Error = Box<dyn std::error::Error>;

const RUNS: usize = 3; // as rdflib_serialize.py

fn main() -> Result<(), Error> {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(prefix)) = (args.next(), args.next()) else {
        return Err("usage: write FILE.ttl|.nt|.rdf|.jsonld OUT_PREFIX".into());
    };
    let format = RdfFormat::from_extension(path.rsplit('.').next().unwrap_or_default())
        .ok_or("unknown extension")?;
    // The whole file, whatever its size (the 100 000-dataset files are 0.5 to 0.9 GB, over
    // the reader's default limit of 256 MiB).
    let catalog = DcatReader::new(format)
        .with_max_input_bytes(u64::MAX)
        .read_file(&path)?
        .catalog;
    // Turtle is left out, as in rdflib_serialize.py (the harness compares these three).
    for format in [RdfFormat::NTriples, RdfFormat::RdfXml, RdfFormat::JsonLd] {
        let out = format!("{prefix}.{}", format.extension());
        let mut best = f64::INFINITY;
        for _ in 0..RUNS {
            // A new file each time, untimed, as rdflib_serialize.py: overwriting one
            // truncates it first.
            remove_if_there(&out)?;
            let start = Instant::now();
            let mut writer = DcatWriter::new(format, BufWriter::new(File::create(&out)?));
            writer.write_catalog(&catalog)?;
            writer.finish()?.into_inner()?;
            best = best.min(start.elapsed().as_secs_f64());
        }
        println!("{} {best:.4}", format.extension());
    }
    Ok(())
}

fn remove_if_there(path: &str) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}
