//! CKAN JSON lines -> model throughput on the embedded sample catalogue of the portal
//! (datasets per second and bytes per second), and model -> CKAN JSON lines.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fihris_ckan::{CkanFormat, CkanReader, SAMPLE_CATALOGUE_JSONL, write_catalog};

fn read(c: &mut Criterion) {
    let input = SAMPLE_CATALOGUE_JSONL.as_bytes();
    let packages = SAMPLE_CATALOGUE_JSONL.lines().count() as u64;
    let reader = CkanReader::new()
        .with_language("fr")
        .expect("fr is a language tag");
    let catalog = reader
        .read_json_lines(input)
        .expect("the sample reads")
        .catalog;

    let mut group = c.benchmark_group("ckan_read_sample");
    group.throughput(Throughput::Elements(packages));
    group.bench_function("datasets", |b| {
        b.iter(|| {
            reader
                .read_json_lines(black_box(input))
                .expect("the sample reads")
        });
    });
    group.throughput(Throughput::Bytes(input.len() as u64));
    group.bench_function("bytes", |b| {
        b.iter(|| {
            reader
                .read_json_lines(black_box(input))
                .expect("the sample reads")
        });
    });
    group.finish();

    let mut group = c.benchmark_group("ckan_write_sample");
    group.throughput(Throughput::Elements(packages));
    group.bench_function("datasets", |b| {
        b.iter(|| {
            write_catalog(
                black_box(&catalog),
                CkanFormat::JsonLines,
                Vec::with_capacity(input.len()),
            )
            .expect("writing to memory")
        });
    });
    group.finish();
}

criterion_group!(benches, read);
criterion_main!(benches);
