#![no_main]
//! Any bytes given to the national CSV inventory reader: no panic; an inventory that reads
//! writes back without error, and what is written reads and writes back to the same bytes.

use fihris_csv::{InventoryReader, write_catalog};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(outcome) = InventoryReader::new().read_slice(data) else {
        return;
    };
    let written = write_catalog(&outcome.catalog, Vec::new()).expect("a read inventory writes");
    let again = InventoryReader::new()
        .read_slice(&written)
        .expect("a written inventory reads");
    let rewritten = write_catalog(&again.catalog, Vec::new()).expect("and writes again");
    assert_eq!(rewritten, written);
});
