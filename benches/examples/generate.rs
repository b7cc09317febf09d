//! Write a generated catalogue of N datasets as CKAN JSON lines, the input of the side-by-side
//! harness (`benches/compare/run.sh`).
//!
//! ```sh
//! cargo run --release -p fihris-benches --example generate -- 10000 catalogue.jsonl
//! ```

use std::fs::File;
use std::io::{BufWriter, Write as _};

use fihris_benches::GeneratedCatalogue;

type Error = Box<dyn std::error::Error>;

fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(path)) = (args.first(), args.get(1)) else {
        return Err("usage: generate N OUT.jsonl".into());
    };
    let mut output = BufWriter::new(File::create(path)?);
    GeneratedCatalogue::new(count.parse()?).write_json_lines(&mut output)?;
    output.flush()?;
    Ok(())
}
