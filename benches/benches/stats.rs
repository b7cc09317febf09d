//! `fihris stats` over 1 000 000 generated datasets, streamed through the builder: the cost
//! per dataset, with memory bounded by the number of producers and distinct values (the
//! datasets are not kept).
//!
//! `FIHRIS_BENCH_DATASETS` changes the number of datasets (default 1 000 000).

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fihris_model::inventory::PublicationStatus;
use fihris_model::{Agent, Concept, Dataset, Distribution, Iri, NodeId, Temporal, Text};
use fihris_stats::StatsBuilder;
use fihris_vocab::{FileType, Frequency, Licence, PRODUCERS, PortalTheme, Vocabulary};

/// 997 varied datasets (a prime, so that producers, themes and formats do not line up).
fn pool() -> Vec<Dataset> {
    let formats = [
        FileType::Csv,
        FileType::Xlsx,
        FileType::Pdf,
        FileType::Json,
        FileType::GeoJson,
        FileType::Xls,
    ];
    let frequencies = [Frequency::Annual, Frequency::Monthly, Frequency::Quarterly];
    (0..997_usize)
        .map(|index| {
            let id = format!("https://data.gov.ma/data/fr/dataset/d{index}");
            let mut dataset = Dataset::new(
                NodeId::Iri(Iri::new_unchecked(id.clone())),
                Text::untagged(format!("Jeu {index}")),
            )
            .unwrap_or_else(|_| unreachable!("a title with content"));
            dataset.publisher = Some(Agent::from_producer(&PRODUCERS[index % PRODUCERS.len()]));
            dataset.portal_themes = vec![PortalTheme::ALL[index % PortalTheme::ALL.len()]];
            dataset.accrual_periodicity = Some(Concept::Known(frequencies[index % 3]));
            dataset.issued = Temporal::parse(format!(
                "20{:02}-{:02}-{:02}",
                15 + index % 11,
                1 + index % 12,
                1 + index % 28
            ))
            .ok();
            dataset.modified = dataset.issued.clone();
            if index % 7 == 0 {
                dataset.inventory.publication_status = Some(PublicationStatus::Planned);
            } else {
                for copy in 0..(1 + index % 3) {
                    let url = Iri::new_unchecked(format!("{id}/resource/{copy}"));
                    let mut distribution = Distribution::new(NodeId::Iri(url.clone()), url);
                    distribution.format =
                        Some(Concept::Known(formats[(index + copy) % formats.len()]));
                    distribution.licence = Some(Licence::Odbl10.into());
                    dataset.distributions.push(distribution);
                }
            }
            dataset
        })
        .collect()
}

fn stats(c: &mut Criterion) {
    let count: u64 = std::env::var("FIHRIS_BENCH_DATASETS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(1_000_000);
    let pool = pool();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
    let mut group = c.benchmark_group("stats");
    group.sample_size(10);
    group.throughput(Throughput::Elements(count));
    group.bench_function(format!("{count}_datasets"), |b| {
        b.iter(|| {
            let mut builder = StatsBuilder::new(as_of);
            for dataset in pool
                .iter()
                .cycle()
                .take(usize::try_from(count).unwrap_or(0))
            {
                builder.add(black_box(dataset), None);
            }
            black_box(builder.finish())
        });
    });
    group.finish();
}

criterion_group!(benches, stats);
criterion_main!(benches);
