#![doc = include_str!("../README.md")]
#![doc(test(attr(deny(warnings))))]

mod emit;
mod error;
mod format;
mod jsonld;
mod jsonld_fast;
mod ntriples;
mod parse;
mod rdfxml;
mod rdfxml_fast;
mod reader;
#[cfg(feature = "sophia")]
mod sophia;
mod stream;
mod turtle;
mod writer;

pub use emit::{IMPLICIT_CATALOG, is_implicit};
pub use error::{ReadError, ReadErrorKind, TextPosition, WriteError, WriteErrorKind};
pub use format::RdfFormat;
pub use jsonld::jsonld_context;
pub use reader::{DcatReader, ReadOutput, Warning, read_graph};
#[cfg(feature = "sophia")]
pub use sophia::SophiaGraph;
pub use stream::NTriplesStream;
pub use writer::{DcatWriter, to_vec};
