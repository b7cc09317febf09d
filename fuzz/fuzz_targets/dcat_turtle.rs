#![no_main]
//! The DCAT-AP Turtle reader: see [`fihris_fuzz::rdf_round_trip`] and
//! [`fihris_fuzz::reads_as_the_strict_parser`] for the properties.

use fihris_dcat::RdfFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fihris_fuzz::reads_as_the_strict_parser(RdfFormat::Turtle, data);
    fihris_fuzz::rdf_round_trip(RdfFormat::Turtle, data);
});
