#![doc = include_str!("../README.md")]
#![doc(test(attr(deny(warnings))))]

mod check;
mod dcatap;
mod freshness;
mod mqa;
mod national;
mod openness;
mod privacy;
mod rules;
mod sink;
mod udata;

pub use check::{Report, check, check_with};
pub use dcatap::{CheckedShape, Violation, dataset_violations, dcat_ap_shapes, dcat_ap_violations};
pub use freshness::{Freshness, FreshnessUnknown, freshness, last_update};
pub use mqa::{
    CatalogQuality, Dimension, Indicator, IndicatorScore, MQA_MAX, OfflineChecker, QualityScore,
    Rating, UrlChecker, UrlStatus, mqa_catalog, mqa_dataset,
};
pub use openness::Openness;
pub use privacy::{ScanVerdicts, check_privacy};
pub use rules::{Profile, RuleInfo, RuleSet, UnknownRuleError, rules};
pub use udata::{UDATA_DESCRIPTION_LENGTH, UdataQuality, udata_quality};
