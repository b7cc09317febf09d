#![doc = include_str!("../README.md")]
#![doc(test(attr(deny(warnings))))]

mod error;
mod json;
mod mapping;
mod read;
#[cfg(feature = "sample")]
mod sample;
mod write;

pub use error::{CkanError, CkanErrorKind, CkanWarning, CkanWarningKind};
pub use read::{CkanFormat, CkanRead, CkanReader, CkanStream, JsonLines, Rewound};
#[cfg(feature = "sample")]
pub use sample::{SAMPLE_CATALOGUE_JSONL, sample_catalogue};
pub use write::{CkanWriter, write_catalog};
