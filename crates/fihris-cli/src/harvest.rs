//! `fihris harvest`: harvests a CKAN portal or a DCAT feed over HTTP into one catalogue
//! file, streaming (memory holds one page). Exit codes: 0 complete, 1 partial (a page
//! failed after others were read: what was read is written), 2 bad usage or nothing
//! could be read.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::ValueEnum;
use fihris_ckan::{CkanFormat, CkanWriter};
use fihris_dcat::{DcatWriter, RdfFormat};
use fihris_harvest::{HarvestReport, HarvestSink, Harvester, HttpClient, Source};
use fihris_model::{Catalog, CatalogRecord, DataService, Dataset, DatasetSeries};

/// Formats `harvest` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HarvestFormat {
    /// Turtle, with prefixes.
    Turtle,
    /// N-Triples.
    Ntriples,
    /// RDF/XML.
    Rdfxml,
    /// JSON-LD, compacted against the DCAT-AP context.
    Jsonld,
    /// A JSON list of CKAN packages.
    Ckan,
}

/// Which kind of catalogue the URL is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SourceKind {
    /// From the URL and the answer: `/api/3/action` or a non-RDF answer is CKAN.
    Auto,
    /// A CKAN portal (base URL with or without `/api/3/action/`).
    Ckan,
    /// A DCAT feed (Turtle, N-Triples, RDF/XML or JSON-LD; Hydra paging).
    Dcat,
}

/// Options of `fihris harvest`.
#[derive(Debug, Clone, clap::Args)]
pub struct HarvestArgs {
    /// A CKAN portal's base URL (e.g. `https://data.gov.ma/data`) or a DCAT feed URL.
    pub url: String,
    /// Only datasets modified on or after this date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ss).
    #[arg(long)]
    pub since: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = HarvestFormat::Turtle)]
    pub to: HarvestFormat,
    /// Output file (default: standard output).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Kind of catalogue.
    #[arg(long, value_enum, default_value_t = SourceKind::Auto)]
    pub source: SourceKind,
    /// Seconds between two requests to the host.
    #[arg(long, default_value_t = 1.0)]
    pub delay: f64,
    /// Seconds one request may take.
    #[arg(long, default_value_t = 30.0)]
    pub timeout: f64,
    /// Retries of a request after a 429, a 5xx, a timeout or a cut body.
    #[arg(long, default_value_t = 4)]
    pub retries: u32,
    /// Rows per CKAN `package_search` page (at most 1000).
    #[arg(long, default_value_t = 100)]
    pub page_size: u32,
    /// Base IRI of CKAN datasets without `uri` (`<base>dataset/<name>`); default: the
    /// portal's URL (`https://data.gov.ma/data/fr/` for the national portal, as `convert`).
    #[arg(long)]
    pub base_iri: Option<String>,
}

enum Output<'a> {
    Dcat(Box<DcatWriter<Box<dyn Write + 'a>>>),
    Ckan(CkanWriter<Box<dyn Write + 'a>>),
}

impl Output<'_> {
    fn finish(self) -> io::Result<()> {
        let mut inner = match self {
            Self::Dcat(writer) => writer.finish().map_err(io::Error::other)?,
            Self::Ckan(writer) => writer.finish()?,
        };
        inner.flush()
    }
}

impl HarvestSink for Output<'_> {
    fn catalog(&mut self, header: &Catalog) -> io::Result<()> {
        match self {
            Self::Dcat(writer) => writer.write_header(header).map_err(io::Error::other),
            Self::Ckan(_) => Ok(()),
        }
    }

    fn dataset(&mut self, dataset: Dataset) -> io::Result<()> {
        match self {
            Self::Dcat(writer) => writer.write_dataset(&dataset).map_err(io::Error::other),
            Self::Ckan(writer) => writer.write_dataset(&dataset),
        }
    }

    fn series(&mut self, series: DatasetSeries) -> io::Result<()> {
        match self {
            Self::Dcat(writer) => writer.write_series(&series).map_err(io::Error::other),
            Self::Ckan(_) => Ok(()),
        }
    }

    fn service(&mut self, service: DataService) -> io::Result<()> {
        match self {
            Self::Dcat(writer) => writer.write_service(&service).map_err(io::Error::other),
            Self::Ckan(_) => Ok(()),
        }
    }

    fn record(&mut self, record: CatalogRecord) -> io::Result<()> {
        match self {
            Self::Dcat(writer) => writer.write_record(&record).map_err(io::Error::other),
            Self::Ckan(_) => Ok(()),
        }
    }
}

fn seconds(value: f64, name: &str) -> Result<Duration, String> {
    Duration::try_from_secs_f64(value)
        .map_err(|_| format!("--{name} {value} is not a duration in seconds"))
}

/// Runs `fihris harvest`: the catalogue goes to `-o` or `stdout`, the summary and any
/// failure (with its URL and what to do) to `stderr`.
pub fn main(args: &HarvestArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitCode {
    match run(args, stdout, stderr) {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(stderr, "fihris: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(
    args: &HarvestArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<ExitCode, String> {
    let client = HttpClient::new()
        .with_min_delay(seconds(args.delay, "delay")?)
        .with_timeout(seconds(args.timeout, "timeout")?)
        .with_max_retries(args.retries);
    let mut harvester = Harvester::new()
        .with_client(client)
        .with_page_size(args.page_size)
        .with_source(match args.source {
            SourceKind::Auto => Source::Auto,
            SourceKind::Ckan => Source::Ckan,
            SourceKind::Dcat => Source::Dcat,
        });
    // CKAN texts are tagged as `fihris convert` tags them (French, or Arabic by script): a
    // harvest and the conversion of the same packages give the same bytes.
    harvester = harvester
        .with_ckan_language("fr")
        .map_err(|e| e.to_string())?;
    if let Some(base) = &args.base_iri {
        harvester = harvester.with_ckan_base_iri(base);
    }
    if let Some(since) = &args.since {
        harvester = harvester.with_since(since).map_err(|e| e.to_string())?;
    }
    let inner: Box<dyn Write + '_> = match &args.output {
        Some(path) if path.as_os_str() != "-" => Box::new(BufWriter::new(
            File::create(path).map_err(|e| format!("{}: {e}", path.display()))?,
        )),
        _ => Box::new(BufWriter::new(stdout)),
    };
    let mut output = match args.to {
        HarvestFormat::Ckan => Output::Ckan(CkanWriter::new(inner, CkanFormat::PackageList)),
        HarvestFormat::Turtle => Output::Dcat(Box::new(DcatWriter::new(RdfFormat::Turtle, inner))),
        HarvestFormat::Ntriples => {
            Output::Dcat(Box::new(DcatWriter::new(RdfFormat::NTriples, inner)))
        }
        HarvestFormat::Rdfxml => Output::Dcat(Box::new(DcatWriter::new(RdfFormat::RdfXml, inner))),
        HarvestFormat::Jsonld => Output::Dcat(Box::new(DcatWriter::new(RdfFormat::JsonLd, inner))),
    };
    let report = harvester.harvest(&args.url, &mut output);
    output
        .finish()
        .map_err(|e| format!("writing the output failed: {e}"))?;
    summarise(&args.url, &report, stderr).map_err(|e| e.to_string())?;
    Ok(match &report.failure {
        None => ExitCode::SUCCESS,
        Some(_) if report.pages > 0 => ExitCode::from(1),
        Some(_) => ExitCode::from(2),
    })
}

fn summarise(url: &str, report: &HarvestReport, stderr: &mut dyn Write) -> io::Result<()> {
    let expected = report
        .expected
        .map_or_else(String::new, |count| format!(" of {count} announced"));
    writeln!(
        stderr,
        "fihris: harvested {} datasets{expected} in {} pages from {url} ({} retries, {} unchanged, {} duplicates, {} warnings)",
        report.datasets,
        report.pages,
        report.retries.len(),
        report.unchanged,
        report.duplicates,
        report.warning_count,
    )?;
    if let Some(failure) = &report.failure {
        let what = if report.pages > 0 {
            "partial harvest"
        } else {
            "harvest failed"
        };
        writeln!(stderr, "fihris: {what}: {failure}")?;
        writeln!(stderr, "  what to do: {}", failure.hint())?;
        if let Some(latest) = &report.latest_modified {
            writeln!(stderr, "  to resume: --since {latest}")?;
        }
    }
    Ok(())
}
