#![doc = include_str!("../README.md")]
#![doc(test(attr(deny(warnings))))]

mod ckan;
mod dcat;
mod error;
mod harvest;
mod http;
mod urls;

pub use error::{HarvestError, HarvestErrorKind, Retry};
pub use harvest::{HarvestReport, HarvestSink, Harvester, Source};
pub use http::{HttpClient, USER_AGENT};
pub use urls::HttpUrlChecker;
