//! The library behind the `fihris` command line.
//!
//! Each command's machine-readable result is built here, once, as JSON values with the keys
//! documented in the README: the binary prints them and the Python binding returns them as
//! dicts, so both always agree.

pub mod check;
pub mod convert;
pub mod harvest;
pub mod input;
mod progress;
pub mod report;
pub mod scan;
pub mod stats;
mod table;
pub mod vocab;

use clap::ValueEnum;

/// How a command prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Output {
    /// Aligned columns for people.
    Text,
    /// JSON with the stable keys documented in the README.
    Json,
}
