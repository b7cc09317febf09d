#![doc = include_str!("../README.md")]
#![doc(test(attr(deny(warnings))))]

mod agent;
mod catalog;
mod concept;
mod dataset;
mod distribution;
mod error;
mod finding;
pub mod inventory;
mod iri;
mod service;
mod support;
mod temporal;
mod term;
mod text;

pub use agent::{Agent, AgentKind, ContactKind, ContactPoint};
pub use catalog::{Catalog, CatalogRecord};
pub use concept::Concept;
pub use dataset::{Dataset, DatasetSeries};
pub use distribution::Distribution;
pub use error::{ModelError, ModelErrorKind};
pub use finding::{Finding, FindingPath, PathSegment, Severity, SharedStr, SharedText};
pub use inventory::{Inventory, PersonalData};
pub use iri::{BlankId, Iri, NodeId};
pub use service::DataService;
pub use support::{
    Checksum, Identifier, Keyword, LabelledResource, LicenseDocument, Location, PeriodOfTime,
    Relationship,
};
pub use temporal::{Temporal, TemporalKind};
pub use term::{ExtraField, Extras, FieldValue, Literal, Statement, Term, Triple};
pub use text::{LanguageTag, Text};
