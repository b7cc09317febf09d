#![no_main]
//! Any bytes given to the CKAN API JSON readers: no panic; a catalogue that reads writes
//! back in the shape it was read from and reads to the same model; JSON lines read one at a
//! time give the datasets and warnings of the whole reader.

use fihris_ckan::{CkanFormat, CkanReader, write_catalog};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reader = CkanReader::new();
    if let Ok(whole) = reader.read_json_lines(data) {
        let mut lines = reader.json_lines(data);
        let datasets: Vec<_> = lines.by_ref().map(|d| d.expect("memory never fails")).collect();
        assert_eq!(datasets, whole.catalog.datasets);
        let warnings: Vec<String> = lines.take_warnings().iter().map(ToString::to_string).collect();
        let expected: Vec<String> = whole.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(warnings, expected);
    }
    let Ok(first) = reader.read_slice(data) else {
        return;
    };
    if first.catalog.datasets.is_empty() && first.format == CkanFormat::JsonLines {
        // Lines that are all broken: nothing to write, and empty input is an error.
        return;
    }
    let written =
        write_catalog(&first.catalog, first.format, Vec::new()).expect("writing into memory");
    // In its shape: one JSON line is also a JSON document, which reads as one.
    let again = if first.format == CkanFormat::JsonLines {
        reader.read_json_lines(written.as_slice())
    } else {
        reader.read_slice(&written)
    }
    .expect("what the writer writes reads back");
    assert_eq!(again.catalog, first.catalog);
});
