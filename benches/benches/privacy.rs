//! `fihris scan` throughput against plain `csv` ByteRecord iteration over the same input
//! (rows/s and MB/s on a generated 100k-row CSV), then a streaming run over a large generated
//! stream that reports both throughputs and the peak resident memory.
//!
//! `FIHRIS_PRIVACY_STREAM_MB` sets the size of the streaming run (default 256; the issue's
//! target is measured with 1024).

use std::hint::black_box;
use std::io::Read;
use std::time::Instant;

use criterion::{Criterion, Throughput};
use fihris_benches::GeneratedCsv;
use fihris_privacy::{ScanOptions, scan_reader};

const ROWS: u64 = 100_000;

fn plain_csv(input: impl Read) -> u64 {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .from_reader(input);
    let mut record = csv::ByteRecord::new();
    let mut fields = 0u64;
    while reader.read_byte_record(&mut record).unwrap_or(false) {
        fields += record.len() as u64;
    }
    fields
}

fn scan(input: impl Read) -> u64 {
    scan_reader(input, &ScanOptions::new())
        .map(|report| report.records)
        .unwrap_or(0)
}

fn in_memory(c: &mut Criterion) {
    let input = GeneratedCsv::rows_in_memory(ROWS);
    for (unit, throughput) in [
        ("rows", Throughput::Elements(ROWS)),
        ("bytes", Throughput::Bytes(input.len() as u64)),
    ] {
        let mut group = c.benchmark_group(format!("privacy_100k_{unit}"));
        group.sample_size(10);
        group.throughput(throughput);
        group.bench_function("csv_byte_records", |b| {
            b.iter(|| black_box(plain_csv(black_box(input.as_slice()))));
        });
        group.bench_function("fihris_scan", |b| {
            b.iter(|| black_box(scan(black_box(input.as_slice()))));
        });
        group.finish();
    }
}

/// Peak resident set size of this process, in KiB (Linux), if known.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn streaming() {
    let megabytes: u64 = std::env::var("FIHRIS_PRIVACY_STREAM_MB")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(256);
    let bytes = megabytes * 1024 * 1024;
    let before = peak_rss_kib();
    let start = Instant::now();
    black_box(plain_csv(GeneratedCsv::new(bytes)));
    let plain = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let quarter = scan(GeneratedCsv::new(bytes / 4));
    let after_quarter = peak_rss_kib();
    black_box(quarter);
    let records = scan(GeneratedCsv::new(bytes));
    let scanned = start.elapsed().as_secs_f64();
    let after = peak_rss_kib();
    let scan_rate = (bytes + bytes / 4) as f64 / scanned / 1e6;
    let plain_rate = bytes as f64 / plain / 1e6;
    println!(
        "streaming {megabytes} MiB ({records} records): csv ByteRecord {plain_rate:.1} MB/s, \
         fihris scan {scan_rate:.1} MB/s ({:.0} % of csv); peak RSS KiB before {before:?}, \
         after a quarter {after_quarter:?}, after the whole {after:?}",
        100.0 * scan_rate / plain_rate
    );
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    in_memory(&mut criterion);
    criterion.final_summary();
    streaming();
}
