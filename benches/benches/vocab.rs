//! Per-record normalisation costs every reader pays: format labels to EU file types and
//! temporal literal validation.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fihris_benches::{PORTAL_FORMAT_LABELS, TEMPORAL_LITERALS};
use fihris_model::Temporal;
use fihris_vocab::FileType;

fn normalise(c: &mut Criterion) {
    let mut group = c.benchmark_group("normalise");
    group.throughput(Throughput::Elements(PORTAL_FORMAT_LABELS.len() as u64));
    group.bench_function("file_type_from_label", |b| {
        b.iter(|| {
            for label in PORTAL_FORMAT_LABELS {
                black_box(FileType::from_label(black_box(label)));
            }
        });
    });
    group.throughput(Throughput::Elements(TEMPORAL_LITERALS.len() as u64));
    group.bench_function("temporal_parse", |b| {
        b.iter(|| {
            for lexical in TEMPORAL_LITERALS {
                let _ = black_box(Temporal::parse(black_box(*lexical)));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, normalise);
criterion_main!(benches);
