//! Statistics over random catalogues: the tallies add up, streaming equals the whole, and
//! the counts agree with a direct recount.

use chrono::NaiveDate;
use fihris_conformance::arbitrary::catalog;
use fihris_stats::{CatalogStats, StatsBuilder, Tally};
use proptest::prelude::*;

fn total(tallies: &[Tally]) -> u64 {
    tallies.iter().map(|tally| tally.count).sum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn tallies_add_up(catalog in catalog(6), day in 0_u32..4000) {
        let as_of = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + chrono::Days::new(day.into());
        let stats = CatalogStats::compute(&catalog, as_of);
        let datasets = catalog.datasets.len() as u64;
        prop_assert_eq!(stats.datasets, datasets);
        prop_assert_eq!(stats.distributions, catalog.distributions().count() as u64);
        prop_assert_eq!(total(&stats.by_format), stats.distributions);
        for tallies in [
            &stats.by_publication_status,
            &stats.by_producer,
            &stats.by_frequency,
            &stats.by_access_rights,
            &stats.by_kind_of_data,
            &stats.by_stars,
        ] {
            prop_assert_eq!(total(tallies), datasets);
        }
        let p = stats.personal_data;
        prop_assert_eq!(p.none + p.anonymised + p.present + p.undeclared, datasets);
        let with_distribution = catalog
            .datasets
            .iter()
            .filter(|dataset| !dataset.distributions.is_empty())
            .count() as u64;
        prop_assert_eq!(stats.open_format.of, with_distribution);
        prop_assert!(stats.open_format.count <= with_distribution);
        let published = stats.by_publication_status[0].count;
        let f = stats.freshness;
        prop_assert_eq!(f.up_to_date + f.overdue + f.unknown_frequency + f.undated, published);
        let with_portal_theme = catalog
            .datasets
            .iter()
            .filter(|dataset| !dataset.portal_themes.is_empty())
            .count() as u64;
        prop_assert_eq!(stats.without_portal_theme, datasets - with_portal_theme);
        let scorecard_datasets: u64 = stats.scorecards.iter().map(|card| card.datasets).sum();
        let unspecified = stats
            .by_producer
            .iter()
            .find(|tally| tally.key == "unspecified")
            .map_or(0, |tally| tally.count);
        prop_assert_eq!(scorecard_datasets + unspecified, datasets);
        for card in &stats.scorecards {
            prop_assert!((0.0..=100.0).contains(&card.score));
            prop_assert!(card.rank >= 1 && card.rank as usize <= stats.scorecards.len());
        }

        let mut builder = StatsBuilder::new(as_of);
        for dataset in &catalog.datasets {
            builder.add(dataset, None);
        }
        prop_assert_eq!(builder.finish(), stats);
    }
}
