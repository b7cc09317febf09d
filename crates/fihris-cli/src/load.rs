//! Where commands get their catalogue from.
//!
//! The file readers (`fihris-dcat`, `fihris-ckan`, `fihris-csv`) plug in here: `load` is the
//! one function the commands call. With no FILE, the embedded sample catalogue. Readers of
//! large inputs show their progress (bytes read) with `crate::progress::Progress::stderr`,
//! visible only on a terminal and never with JSON output.

use std::io;
use std::path::PathBuf;

use fihris_model::Catalog;

/// The catalogue of the FILE arguments, or the sample catalogue when there are none.
///
/// # Errors
///
/// Until the adapters are wired, any FILE is an `InvalidInput` error (exit code 2).
pub fn load(files: &[PathBuf]) -> io::Result<Catalog> {
    if let Some(file) = files.first() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("reading {} needs the adapters", file.display()),
        ));
    }
    crate::sample::sample_catalogue().map_err(|error| io::Error::other(error.to_string()))
}
