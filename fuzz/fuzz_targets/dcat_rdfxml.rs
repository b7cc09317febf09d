#![no_main]
//! The DCAT-AP RDF/XML reader: see [`fihris_fuzz::reads_as_oxrdfxml`] and
//! [`fihris_fuzz::rdf_round_trip`] for the properties.

use fihris_dcat::RdfFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fihris_fuzz::reads_as_oxrdfxml(data);
    fihris_fuzz::rdf_round_trip(RdfFormat::RdfXml, data);
});
