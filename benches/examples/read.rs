//! Read a DCAT-AP file into the model and say what was read: the fihris side of "Turtle ->
//! parse" in the side-by-side harness (`benches/compare/run.sh`), as `Graph().parse` is
//! rdflib's. The allocator is the command line's. Given a second path, it also writes the
//! model back there as N-Triples (not timed by the harness: its check that nothing was lost
//! compares that graph with rdflib's graph of the file).
//!
//! ```sh
//! cargo run --release -p fihris-benches --example read -- catalogue.ttl [written.nt]
//! ```

use std::fs::File;
use std::io::BufWriter;

use fihris_dcat::{DcatReader, DcatWriter, RdfFormat};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

type Error = Box<dyn std::error::Error>;

fn main() -> Result<(), Error> {
    let Some(path) = std::env::args().nth(1) else {
        return Err("usage: read FILE.ttl|.nt|.rdf|.jsonld [WRITTEN.nt]".into());
    };
    let format = RdfFormat::from_extension(path.rsplit('.').next().unwrap_or_default())
        .ok_or("unknown extension")?;
    // The whole file, whatever its size (the 100 000-dataset files are 0.5 to 0.9 GB, over
    // the reader's default limit of 256 MiB), read as the command line reads it.
    let output = DcatReader::new(format)
        .with_max_input_bytes(u64::MAX)
        .read_file(&path)?;
    let distributions: usize = output
        .catalog
        .datasets
        .iter()
        .map(|dataset| dataset.distributions.len())
        .sum();
    println!(
        "{} datasets, {distributions} distributions, {} warnings",
        output.catalog.datasets.len(),
        output.warnings.len()
    );
    if let Some(written) = std::env::args().nth(2) {
        let mut writer =
            DcatWriter::new(RdfFormat::NTriples, BufWriter::new(File::create(written)?));
        writer.write_catalog(&output.catalog)?;
        writer.finish()?.into_inner()?;
    }
    Ok(())
}
