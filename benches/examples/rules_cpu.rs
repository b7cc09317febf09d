//! `check` over the rules bench's catalogue (100 000 datasets, national profile), timed by
//! the CPU time of the checking thread as well as by the clock, so that a run on a machine
//! shared with other work still says what the check itself costs.
//!
//! ```sh
//! cargo run --release -p fihris-benches --example rules_cpu -- 5
//! ```
//!
//! Each of the N runs (default 5) checks the catalogue and drops the report, as the criterion
//! bench does. CPU time is read from `/proc/thread-self/schedstat` (Linux).

use std::hint::black_box;
use std::time::Instant;

use fihris_benches::rules_catalogue;
use fihris_model::Temporal;
use fihris_rules::{Profile, RuleSet, check};

type Error = Box<dyn std::error::Error>;

/// Seconds this thread has spent on a CPU.
fn cpu_seconds() -> Result<f64, Error> {
    let schedstat = std::fs::read_to_string("/proc/thread-self/schedstat")?;
    let nanoseconds: f64 = schedstat
        .split_whitespace()
        .next()
        .ok_or("empty schedstat")?
        .parse()?;
    Ok(nanoseconds / 1e9)
}

fn main() -> Result<(), Error> {
    let runs: usize = std::env::args().nth(1).map_or(Ok(5), |n| n.parse())?;
    let catalog = rules_catalogue(100_000)?;
    let rules = RuleSet::new(Profile::Ma).with_as_of(Temporal::parse("2026-11-30")?);
    let mut best = f64::INFINITY;
    for run in 1..=runs {
        let (clock, cpu) = (Instant::now(), cpu_seconds()?);
        let report = black_box(check(black_box(&catalog), &rules));
        let findings = report.findings().len();
        drop(report);
        let cpu = cpu_seconds()? - cpu;
        best = best.min(cpu);
        println!(
            "run {run}: {findings} findings, {:.3} s on the clock, {cpu:.3} s of CPU",
            clock.elapsed().as_secs_f64()
        );
    }
    println!("best: {best:.3} s of CPU");
    Ok(())
}
