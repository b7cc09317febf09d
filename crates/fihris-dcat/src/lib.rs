#![doc = include_str!("../README.md")]
#![doc(test(attr(deny(warnings))))]

mod emit;
mod error;
mod format;
mod jsonld;
mod parse;
mod reader;
mod stream;
mod writer;

pub use emit::{IMPLICIT_CATALOG, is_implicit};
pub use error::{ReadError, ReadErrorKind, TextPosition, WriteError, WriteErrorKind};
pub use format::RdfFormat;
pub use jsonld::jsonld_context;
pub use reader::{DcatReader, ReadOutput, Warning, read_graph};
pub use stream::NTriplesStream;
pub use writer::{DcatWriter, to_vec};
