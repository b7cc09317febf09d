#![no_main]
//! Any bytes given to the model's serde snapshot reader: no panic, and a snapshot that reads
//! writes back to bytes that read to the same model.

use fihris_model::Catalog;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(catalog) = serde_json::from_slice::<Catalog>(data) else {
        return;
    };
    let written = serde_json::to_vec(&catalog).expect("a model always serialises");
    let again: Catalog = serde_json::from_slice(&written).expect("written snapshots read back");
    assert_eq!(again, catalog);
});
