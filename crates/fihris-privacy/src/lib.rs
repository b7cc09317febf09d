#![doc = include_str!("../README.md")]
#![doc(test(attr(deny(warnings))))]

mod decode;
mod detect;
mod error;
mod mask;
mod scan;
mod summary;

pub use decode::Encoding;
pub use detect::{
    PersonalKind, is_cin, is_email, is_massar, is_moroccan_phone, is_valid_iban, is_valid_ice,
    is_valid_rib,
};
pub use error::{ScanError, ScanErrorCategory};
pub use mask::mask;
pub use scan::{
    ColumnReport, Detection, RiskReport, ScanOptions, ScanReport, SmallCells, Verdict, scan_path,
    scan_reader,
};
pub use summary::PersonalDataSummary;
