#![doc = include_str!("../README.md")]

mod access_right;
mod eu_theme;
mod file_type;
mod frequency;
mod language;
mod licence;
mod portal_theme;
mod producer;
mod status;
mod text;
mod vocabulary;

pub mod ns;

pub use access_right::AccessRight;
pub use eu_theme::EuTheme;
pub use file_type::FileType;
pub use frequency::Frequency;
pub use language::Language;
pub use licence::Licence;
pub use portal_theme::PortalTheme;
pub use producer::{PRODUCERS, Producer, ProducerKind};
pub use status::{DistributionStatus, PlannedAvailability};
pub use text::{fold as fold_text, plain_prefix, words as folded_words};
pub use vocabulary::{LabelLanguage, Vocabulary};
