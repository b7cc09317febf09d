//! Harvest of a local CKAN 2.9 API in `package_search` pages of 1 000, for 1 000 and
//! 10 000 generated datasets: datasets/s, peak memory, and identity with file conversion.
//!
//! ```sh
//! cargo bench -p fihris-benches --bench harvest
//! ```
//!
//! The API is a [`CkanServer`], a thread of this process on `127.0.0.1`, serving the
//! packages of a [`GeneratedCatalogue`] sorted by `metadata_modified`. Then, for each size:
//!
//! 1. **Harvest**, in a child process (this executable run again with
//!    `FIHRIS_BENCH_HARVEST_CHILD` set), so that its peak memory is its own: `fihris
//!    harvest API --source ckan --page-size 1000 --delay 0 --to ntriples -o FILE
//!    --base-iri https://data.gov.ma/data/fr/`, through the command's own code
//!    (`fihris_cli::harvest::main`). The child times the harvest and reads its `VmRSS`
//!    before and its `VmHWM` (peak resident memory) after, from `/proc/self/status`.
//!    Three runs; the median time and the highest peak are reported, and the peak for
//!    10 000 datasets must stay under 1.5 times the peak for 1 000 (flat memory).
//! 2. **Identity**: the same harvest to Turtle, then `fihris convert packages.jsonl --from
//!    ckan --to ntriples|turtle -o FILE` of the same packages (written to a file in the
//!    order the pages give them), in a child process too; the harvested and converted
//!    files must be byte-identical.
//! 3. **Throughput** (criterion): the harvest in this process through the library
//!    (`Harvester` -> `DcatWriter` N-Triples into a byte counter), datasets per second.

use std::fs::File;
use std::hint::black_box;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, Throughput};
use fihris_benches::{CkanServer, GeneratedCatalogue};
use fihris_cli::convert::{self, ConvertOptions, OutputFormat};
use fihris_cli::harvest::{self, HarvestArgs, HarvestFormat, SourceKind};
use fihris_cli::input::InputFormat;
use fihris_dcat::{DcatWriter, RdfFormat};
use fihris_harvest::{HarvestSink, Harvester, HttpClient, Source};
use fihris_model::{Catalog, Dataset};

type Error = Box<dyn std::error::Error>;

const SIZES: [u64; 2] = [1_000, 10_000];
const PAGE: u32 = 1_000;
const RUNS: usize = 3;
const BASE_IRI: &str = "https://data.gov.ma/data/fr/";
const CHILD: &str = "FIHRIS_BENCH_HARVEST_CHILD";
/// The most peak(10 000) / peak(1 000) may be for memory to count as flat.
const FLAT: f64 = 1.5;

fn main() -> Result<(), Error> {
    if std::env::var_os(CHILD).is_some() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        return child(&args);
    }
    let dir = std::env::temp_dir().join(format!("fihris-bench-harvest-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let measured = SIZES
        .iter()
        .map(|&count| measure(count, &dir))
        .collect::<Result<Vec<_>, _>>();
    std::fs::remove_dir_all(&dir)?;
    let measured = measured?;
    report(&measured)?;

    let mut criterion = Criterion::default().configure_from_args();
    throughput(&mut criterion);
    criterion.final_summary();
    Ok(())
}

/// What one size gave.
struct Measured {
    datasets: u64,
    pages: u64,
    /// Harvest times of the runs, seconds, sorted.
    harvest_seconds: Vec<f64>,
    rss_before_kib: u64,
    harvest_peak_kib: u64,
    convert_seconds: f64,
    convert_peak_kib: u64,
    ntriples_bytes: u64,
    turtle_bytes: u64,
}

fn measure(count: u64, dir: &Path) -> Result<Measured, Error> {
    let server = CkanServer::start(GeneratedCatalogue::new(count))?;
    let packages = dir.join(format!("packages-{count}.jsonl"));
    let mut out = BufWriter::new(File::create(&packages)?);
    server.write_json_lines(&mut out)?;
    out.flush()?;
    drop(out);

    let url = server.api_url();
    let harvested_nt = dir.join(format!("harvest-{count}.nt"));
    let mut runs = Vec::new();
    for _ in 0..RUNS {
        let before = server.requests();
        let run = run_child(&["harvest", &url, "ntriples", path_str(&harvested_nt)?])?;
        let pages = server.requests() - before;
        runs.push((run, pages));
    }
    let harvested_ttl = dir.join(format!("harvest-{count}.ttl"));
    run_child(&["harvest", &url, "turtle", path_str(&harvested_ttl)?])?;

    let converted_nt = dir.join(format!("convert-{count}.nt"));
    let converted_ttl = dir.join(format!("convert-{count}.ttl"));
    let convert_nt = run_child(&[
        "convert",
        path_str(&packages)?,
        "ntriples",
        path_str(&converted_nt)?,
    ])?;
    let convert_ttl = run_child(&[
        "convert",
        path_str(&packages)?,
        "turtle",
        path_str(&converted_ttl)?,
    ])?;
    identical(&harvested_nt, &converted_nt)?;
    identical(&harvested_ttl, &converted_ttl)?;

    for (run, pages) in &runs {
        if run.field("datasets")? != count || *pages != count.div_ceil(u64::from(PAGE)) {
            return Err(format!(
                "{count} packages served, {} datasets harvested in {pages} requests",
                run.field("datasets")?
            )
            .into());
        }
    }
    let mut harvest_seconds: Vec<f64> = runs.iter().map(|(run, _)| run.seconds).collect();
    harvest_seconds.sort_by(f64::total_cmp);
    let max = |field: &str| {
        runs.iter()
            .map(|(run, _)| run.field(field))
            .try_fold(0, |max, value| value.map(|value| max.max(value)))
    };
    Ok(Measured {
        datasets: count,
        pages: runs[0].1,
        harvest_seconds,
        rss_before_kib: max("rss_before_kib")?,
        harvest_peak_kib: max("vmhwm_kib")?,
        convert_seconds: convert_nt.seconds,
        convert_peak_kib: convert_nt
            .field("vmhwm_kib")?
            .max(convert_ttl.field("vmhwm_kib")?),
        ntriples_bytes: std::fs::metadata(&harvested_nt)?.len(),
        turtle_bytes: std::fs::metadata(&harvested_ttl)?.len(),
    })
}

fn report(measured: &[Measured]) -> Result<(), Error> {
    let mib = |kib: u64| kib as f64 / 1024.0;
    println!(
        "\nharvest of a local CKAN 2.9 API, pages of {PAGE}, `fihris harvest --to ntriples` in a child process ({RUNS} runs: median time, highest peak)\n"
    );
    println!(
        "| datasets | pages | harvest s (median) | datasets/s | RSS before MiB | harvest peak MiB (VmHWM) | N-Triples MB | Turtle MB | convert s | convert peak MiB | identical |"
    );
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    for m in measured {
        let median = m.harvest_seconds[m.harvest_seconds.len() / 2];
        println!(
            "| {} | {} | {:.3} ({:.3} to {:.3}) | {:.0} | {:.1} | {:.1} | {:.1} | {:.1} | {:.3} | {:.1} | yes (N-Triples and Turtle) |",
            m.datasets,
            m.pages,
            median,
            m.harvest_seconds[0],
            m.harvest_seconds[m.harvest_seconds.len() - 1],
            m.datasets as f64 / median,
            mib(m.rss_before_kib),
            mib(m.harvest_peak_kib),
            m.ntriples_bytes as f64 / 1e6,
            m.turtle_bytes as f64 / 1e6,
            m.convert_seconds,
            mib(m.convert_peak_kib),
        );
    }
    let (first, last) = (&measured[0], &measured[measured.len() - 1]);
    let ratio = last.harvest_peak_kib as f64 / first.harvest_peak_kib as f64;
    println!(
        "\npeak({}) / peak({}) = {ratio:.2} (flat: under {FLAT})\n",
        last.datasets, first.datasets
    );
    if ratio >= FLAT {
        return Err(format!("the harvest's memory grows with the catalogue: {ratio:.2}x").into());
    }
    Ok(())
}

/// One child run: `seconds` and the `key=value` fields it printed.
struct ChildRun {
    seconds: f64,
    fields: Vec<(String, u64)>,
}

impl ChildRun {
    fn field(&self, name: &str) -> Result<u64, Error> {
        self.fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| *value)
            .ok_or_else(|| format!("the child did not report {name}").into())
    }
}

fn run_child(args: &[&str]) -> Result<ChildRun, Error> {
    let output = Command::new(std::env::current_exe()?)
        .args(args)
        .env(CHILD, "1")
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("HTTPS_PROXY")
        .env_remove("https_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!(
            "{args:?} failed: {stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    let mut seconds = None;
    let mut fields = Vec::new();
    for pair in stdout.lines().flat_map(str::split_whitespace) {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        if key == "seconds" {
            seconds = Some(value.parse()?);
        } else if let Ok(value) = value.parse() {
            fields.push((key.to_owned(), value));
        }
    }
    Ok(ChildRun {
        seconds: seconds.ok_or("the child did not report its time")?,
        fields,
    })
}

fn path_str(path: &Path) -> Result<&str, Error> {
    path.to_str()
        .ok_or_else(|| format!("{} is not UTF-8", path.display()).into())
}

fn identical(harvested: &Path, converted: &Path) -> Result<(), Error> {
    let left = std::fs::read(harvested)?;
    let right = std::fs::read(converted)?;
    if left == right {
        return Ok(());
    }
    let line = left
        .split(|b| *b == b'\n')
        .zip(right.split(|b| *b == b'\n'))
        .position(|(a, b)| a != b)
        .unwrap_or(0);
    let nth = |bytes: &[u8]| {
        String::from_utf8_lossy(bytes.split(|b| *b == b'\n').nth(line).unwrap_or_default())
            .into_owned()
    };
    Err(format!(
        "{} ({} bytes) and {} ({} bytes) differ at line {}: {:?} / {:?}",
        harvested.display(),
        left.len(),
        converted.display(),
        right.len(),
        line + 1,
        nth(&left),
        nth(&right)
    )
    .into())
}

/// `KEY: VALUE kB` of `/proc/self/status`, in KiB.
fn status_kib(key: &str) -> Result<u64, Error> {
    let status = std::fs::read_to_string("/proc/self/status")?;
    status
        .lines()
        .find_map(|line| {
            let rest = line.strip_prefix(key)?.strip_prefix(':')?;
            rest.trim().strip_suffix("kB")?.trim().parse().ok()
        })
        .ok_or_else(|| format!("no {key} in /proc/self/status").into())
}

/// The child: `harvest URL FORMAT OUT` or `convert FILE FORMAT OUT`, as the `fihris`
/// command runs them; prints `seconds=… rss_before_kib=… vmhwm_kib=…` (and `datasets=…`
/// for a harvest).
fn child(args: &[String]) -> Result<(), Error> {
    let [mode, input, format, output] = args else {
        return Err("usage: harvest URL FORMAT OUT | convert FILE FORMAT OUT".into());
    };
    let rss_before = status_kib("VmRSS")?;
    let mut stderr = Vec::new();
    let started = Instant::now();
    let datasets = match mode.as_str() {
        "harvest" => {
            let args = HarvestArgs {
                url: input.clone(),
                since: None,
                to: match format.as_str() {
                    "turtle" => HarvestFormat::Turtle,
                    _ => HarvestFormat::Ntriples,
                },
                output: Some(PathBuf::from(output)),
                source: SourceKind::Ckan,
                delay: 0.0,
                timeout: 120.0,
                retries: 0,
                page_size: PAGE,
                base_iri: Some(BASE_IRI.to_owned()),
            };
            let code = harvest::main(&args, &mut io::sink(), &mut stderr);
            let summary = String::from_utf8_lossy(&stderr);
            if code != ExitCode::SUCCESS {
                return Err(format!("fihris harvest failed: {summary}").into());
            }
            let datasets = summary
                .split_once("harvested ")
                .and_then(|(_, rest)| rest.split_whitespace().next()?.parse::<u64>().ok())
                .ok_or_else(|| format!("no count in {summary:?}"))?;
            Some(datasets)
        }
        "convert" => {
            let options = ConvertOptions {
                files: vec![PathBuf::from(input)],
                from: Some(InputFormat::Ckan),
                to: match format.as_str() {
                    "turtle" => OutputFormat::Turtle,
                    _ => OutputFormat::Ntriples,
                },
                output: Some(PathBuf::from(output)),
                exact: false,
                repair: false,
                limit: fihris_cli::input::InputLimit::default(),
            };
            convert::run(&options, &mut io::empty(), &mut io::sink(), &mut stderr)
                .map_err(|e| format!("fihris convert failed: {e}"))?;
            None
        }
        _ => return Err(format!("unknown mode {mode}").into()),
    };
    let seconds = started.elapsed().as_secs_f64();
    let peak = status_kib("VmHWM")?;
    let datasets = datasets.map_or_else(String::new, |count| format!(" datasets={count}"));
    println!("seconds={seconds:.6} rss_before_kib={rss_before} vmhwm_kib={peak}{datasets}");
    Ok(())
}

/// N-Triples counted and dropped.
struct Counted(DcatWriter<Counter>);

#[derive(Default)]
struct Counter(u64);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl HarvestSink for Counted {
    fn catalog(&mut self, header: &Catalog) -> io::Result<()> {
        self.0.write_header(header).map_err(io::Error::other)
    }

    fn dataset(&mut self, dataset: Dataset) -> io::Result<()> {
        self.0.write_dataset(&dataset).map_err(io::Error::other)
    }
}

fn throughput(c: &mut Criterion) {
    let harvester = Harvester::new()
        .with_client(
            HttpClient::new()
                .with_env_proxy(false)
                .with_min_delay(Duration::ZERO)
                .with_max_retries(0)
                .with_timeout(Duration::from_secs(120)),
        )
        .with_source(Source::Ckan)
        .with_page_size(PAGE)
        .with_ckan_base_iri(BASE_IRI)
        .with_ckan_language("fr")
        .expect("fr is a language tag");
    let mut group = c.benchmark_group("harvest_ckan_pages_of_1000");
    group.sampling_mode(SamplingMode::Flat).sample_size(10);
    for count in SIZES {
        let server = CkanServer::start(GeneratedCatalogue::new(count)).expect("a local port");
        let url = server.api_url();
        group.throughput(Throughput::Elements(count));
        group.measurement_time(Duration::from_secs(count / 400 + 5));
        group.bench_function(count.to_string(), |b| {
            b.iter(|| {
                let mut sink = Counted(DcatWriter::new(RdfFormat::NTriples, Counter::default()));
                let report = harvester.harvest(black_box(&url), &mut sink);
                assert!(report.failure.is_none(), "{:?}", report.failure);
                assert_eq!(report.datasets, count);
                sink.0.finish().expect("counting never fails").0
            });
        });
    }
    group.finish();
}
