#![no_main]
//! Any bytes given to the privacy scanner: no panic, and reading the CSV in small pieces
//! (1 to 8 bytes per read) gives the same report, or the same error, as reading it whole.

use std::io::Read;

use fihris_privacy::{ScanOptions, scan_reader};
use libfuzzer_sys::fuzz_target;

/// A reader handing out at most `step` bytes per call.
struct Trickle<'a> {
    data: &'a [u8],
    step: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let count = self.step.min(buf.len()).min(self.data.len());
        buf[..count].copy_from_slice(&self.data[..count]);
        self.data = &self.data[count..];
        Ok(count)
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, data)) = data.split_first() else {
        return;
    };
    let options = ScanOptions::new();
    let whole = scan_reader(data, &options);
    let step = usize::from(first % 8) + 1;
    let chunked = scan_reader(Trickle { data, step }, &options);
    // Debug output: a report may hold NaN ratios, which `==` never equals.
    match (&whole, &chunked) {
        (Ok(a), Ok(b)) => assert_eq!(format!("{a:?}"), format!("{b:?}")),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
        _ => panic!("whole {whole:?} but chunked {chunked:?}"),
    }
});
