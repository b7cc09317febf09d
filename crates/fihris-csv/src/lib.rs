#![doc = include_str!("../README.md")]
#![doc(test(attr(deny(warnings))))]

mod column;
mod dialect;
mod encoding;
mod error;
mod reader;
mod reserved;
mod text;
mod values;
mod writer;

pub use column::Column;
pub use dialect::{Dialect, Encoding, RESERVED_FIELD};
pub use error::{CsvError, CsvErrorKind};
pub use reader::{InventoryReader, ReadOutcome};
pub use writer::{InventoryWriter, write_catalog};
