#![doc = include_str!("../README.md")]
#![doc(test(attr(deny(warnings))))]

mod assessment;
mod builder;
mod csv;
mod facts;
mod output;
mod scorecard;

pub use assessment::{Assessment, QualityBand, QualityScore};
pub use builder::StatsBuilder;
pub use csv::{SCORECARD_CSV_HEADER, write_scorecards_csv};
pub use output::{
    CatalogStats, Criteria, FindingStats, FindingSummary, Freshness, MonthCount,
    PersonalDataCounts, QualityStats, Scorecard, Share, Tally,
};
pub use scorecard::RANKING_WEIGHTS;
