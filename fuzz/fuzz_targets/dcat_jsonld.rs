#![no_main]
//! The DCAT-AP JsonLd reader: see [`fihris_fuzz::rdf_round_trip`] for the property.

use fihris_dcat::RdfFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| fihris_fuzz::rdf_round_trip(RdfFormat::JsonLd, data));
