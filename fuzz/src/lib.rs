//! Properties shared by several fuzz targets.

use fihris_dcat::{DcatReader, DcatWriter, RdfFormat};

/// Any bytes given to the DCAT-AP reader of `format`: no panic; a catalogue that reads writes
/// back losslessly (no implied triples) in the same syntax, and that reads to the same model.
pub fn rdf_round_trip(format: RdfFormat, data: &[u8]) {
    let reader = DcatReader::new(format).with_max_input_bytes(1 << 20);
    let Ok(first) = reader.read_slice(data) else {
        return;
    };
    let mut writer = DcatWriter::new(format, Vec::new()).with_implied_triples(false);
    if writer.write_catalog(&first.catalog).is_err() {
        // A value the syntax cannot carry (C0 controls in RDF/XML) is a clean error.
        return;
    }
    let written = writer.finish().expect("finishing into memory");
    let again = reader
        .read_slice(&written)
        .expect("what the writer writes reads back");
    assert_eq!(again.catalog, first.catalog);
}
