//! `check` over a generated catalogue of 100 000 datasets, single-threaded (target: under one
//! second for the whole catalogue, every rule of the national profile on).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fihris_benches::rules_catalogue;
use fihris_model::Temporal;
use fihris_rules::{Profile, RuleSet, check};

const DATASETS: usize = 100_000;

fn check_catalogue(c: &mut Criterion) {
    let catalog = rules_catalogue(DATASETS).unwrap_or_else(|error| panic!("{error}"));
    let rules = RuleSet::new(Profile::Ma)
        .with_as_of(Temporal::parse("2026-11-30").unwrap_or_else(|error| panic!("{error}")));
    let mut group = c.benchmark_group("rules");
    group.sample_size(10);
    group.throughput(Throughput::Elements(DATASETS as u64));
    group.bench_function("check_100k_datasets", |b| {
        b.iter(|| black_box(check(black_box(&catalog), &rules)));
    });
    group.finish();
}

criterion_group!(benches, check_catalogue);
criterion_main!(benches);
