#![no_main]
//! Any bytes given to the DCAT-AP N-Triples readers: read as oxttl's strict parser reads them
//! ([`fihris_fuzz::reads_as_the_strict_parser`]); no panic; a catalogue that reads writes
//! back losslessly (no implied triples) and reads to the same model; the streaming reader
//! reads what the writer writes (or refuses a value a dataset keeps as a statement while
//! another entity describes it), and, when it accepts any input, yields the datasets the
//! whole reader reads.

use fihris_dcat::{DcatReader, DcatWriter, NTriplesStream, RdfFormat};
use fihris_model::Dataset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fihris_fuzz::reads_as_the_strict_parser(RdfFormat::NTriples, data);
    let reader = DcatReader::new(RdfFormat::NTriples).with_max_input_bytes(1 << 20);
    let Ok(first) = reader.read_slice(data) else {
        return;
    };
    let mut writer = DcatWriter::new(RdfFormat::NTriples, Vec::new()).with_implied_triples(false);
    writer
        .write_catalog(&first.catalog)
        .expect("N-Triples carries any value");
    let written = writer.finish().expect("finishing into memory");
    let again = reader
        .read_slice(&written)
        .expect("what the writer writes reads back");
    assert_eq!(again.catalog, first.catalog);

    // What the writer writes is grouped by dataset: the stream reads it all, but for a value
    // a dataset keeps as a statement while another entity describes it, which the stream
    // refuses (it cannot tell, there, how the whole reader reads that value).
    match stream(&reader, &written) {
        Ok(streamed) => assert_eq!(streamed, sorted(first.catalog.datasets.clone())),
        Err(error) => assert!(
            described_elsewhere(&error),
            "the writer's output streams: {error}"
        ),
    }
    // Any input the stream accepts gives the datasets the whole reader reads.
    if let Ok(streamed) = stream(&reader, data) {
        let random = data
            .split(|b| !b.is_ascii_hexdigit())
            .any(|run| run.len() >= 24);
        if !random {
            assert_eq!(streamed, sorted(first.catalog.datasets));
        }
    }
});

/// The refusal of a resource a dataset uses and another part of the document describes.
fn described_elsewhere(error: &fihris_dcat::ReadError) -> bool {
    let message = error.message();
    message.contains("is described apart from it")
        || message.contains("is described after a dataset that uses it")
}

fn stream(reader: &DcatReader, bytes: &[u8]) -> Result<Vec<Dataset>, fihris_dcat::ReadError> {
    let datasets = NTriplesStream::new(reader.clone(), bytes)?.collect::<Result<Vec<_>, _>>()?;
    Ok(sorted(datasets))
}

fn sorted(mut datasets: Vec<Dataset>) -> Vec<Dataset> {
    datasets.sort_by_key(|d| d.id.to_string());
    datasets
}
