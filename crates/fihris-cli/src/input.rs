//! Where commands get their catalogue from: files in any format fihris reads, standard
//! input, or the embedded sample catalogue of the portal.
//!
//! Every reader says what it repaired or could not read as findings on the record
//! concerned; a broken record never costs the rest of the input.

use std::fmt;
use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use fihris_ckan::{CkanFormat, CkanReader};
use fihris_csv::InventoryReader;
use fihris_dcat::{DcatReader, RdfFormat};
use fihris_model::{Catalog, Finding, FindingPath, PathSegment, Severity};

use crate::progress::Progress;

/// Formats fihris reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// DCAT-AP as Turtle (`.ttl`).
    Turtle,
    /// DCAT-AP as N-Triples (`.nt`).
    Ntriples,
    /// DCAT-AP as RDF/XML (`.rdf`, `.xml`, `.owl`).
    Rdfxml,
    /// DCAT-AP as JSON-LD (`.jsonld`).
    Jsonld,
    /// CKAN API JSON: a package, `package_show`, `package_search` or JSON lines (`.json`,
    /// `.jsonl`, `.ndjson`); texts are read as French, or Arabic when in Arabic script.
    Ckan,
    /// The national CSV inventory (`.csv`).
    Csv,
}

impl InputFormat {
    /// The format a file's extension names, if any.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "json" | "jsonl" | "ndjson" => Some(Self::Ckan),
            "csv" => Some(Self::Csv),
            _ => RdfFormat::from_path(path).map(|format| match format {
                RdfFormat::NTriples => Self::Ntriples,
                RdfFormat::RdfXml => Self::Rdfxml,
                RdfFormat::JsonLd => Self::Jsonld,
                _ => Self::Turtle,
            }),
        }
    }

    fn rdf(self) -> Option<RdfFormat> {
        match self {
            Self::Turtle => Some(RdfFormat::Turtle),
            Self::Ntriples => Some(RdfFormat::NTriples),
            Self::Rdfxml => Some(RdfFormat::RdfXml),
            Self::Jsonld => Some(RdfFormat::JsonLd),
            Self::Ckan | Self::Csv => None,
        }
    }
}

/// How inputs are read.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// The format of every input; `None`: from each file's extension.
    pub from: Option<InputFormat>,
    /// RDF: keep exactly the graph read (no implied typings are recognised as such).
    pub exact: bool,
    /// RDF: interpret non-canonical values (literal licences, dates typed wrong…) into the
    /// model, with a finding each, instead of keeping them verbatim.
    pub repair: bool,
    /// Show a progress bar while reading large files (on a terminal only).
    pub progress: bool,
}

/// What was read: one catalogue (inputs merged) and the findings of the readers.
#[derive(Debug)]
pub struct Loaded {
    /// The merged catalogue.
    pub catalog: Catalog,
    /// Repairs, values kept verbatim, broken records, by input.
    pub findings: Vec<Finding>,
    /// The CKAN shape of the first CKAN input, so that CKAN output keeps it.
    pub ckan_format: Option<CkanFormat>,
}

impl Loaded {
    /// Whether a reader found an error-level problem (a broken record).
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.findings
            .iter()
            .any(|finding| finding.severity() == Severity::Error)
    }
}

/// Unreadable input: the message names the file and, for syntax errors, line and column.
#[derive(Debug)]
pub struct InputError(String);

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

impl From<InputError> for io::Error {
    fn from(error: InputError) -> Self {
        Self::new(io::ErrorKind::InvalidData, error.0)
    }
}

/// Files larger than this show a progress bar.
const LARGE_INPUT: u64 = 8 << 20;

/// Reads every input (`-` or no file: standard input) into one catalogue.
///
/// # Errors
///
/// An input that cannot be opened, has no known format, or is not readable at all (a
/// syntax error, an HTML page instead of JSON…).
pub fn read_inputs(
    files: &[PathBuf],
    options: &ReadOptions,
    stdin: &mut dyn Read,
) -> Result<Loaded, InputError> {
    let inputs: Vec<Option<&PathBuf>> = if files.is_empty() {
        vec![None]
    } else {
        files
            .iter()
            .map(|path| (path.as_os_str() != "-").then_some(path))
            .collect()
    };
    let mut loaded: Option<Loaded> = None;
    for input in inputs {
        let read = match input {
            None => {
                let format = options.from.ok_or_else(|| {
                    InputError("standard input: say its format with --from".to_owned())
                })?;
                read_one("<stdin>", stdin, format, options, None)?
            }
            Some(path) => {
                let name = path.display().to_string();
                let format = options
                    .from
                    .or_else(|| InputFormat::from_path(path))
                    .ok_or_else(|| {
                        InputError(format!(
                            "{name}: unknown extension, say the format with --from"
                        ))
                    })?;
                let file =
                    File::open(path).map_err(|error| InputError(format!("{name}: {error}")))?;
                let size = file.metadata().map_or(0, |metadata| metadata.len());
                let mut progress =
                    Progress::stderr(&name, size, options.progress && size > LARGE_INPUT);
                let mut counted = CountingReader {
                    inner: BufReader::new(file),
                    progress: &mut progress,
                };
                let base = std::path::absolute(path)
                    .ok()
                    .map(|absolute| format!("file://{}", absolute.display()));
                let read = read_one(&name, &mut counted, format, options, base);
                progress.finish();
                read?
            }
        };
        match &mut loaded {
            Some(loaded) => {
                merge(&mut loaded.catalog, read.catalog);
                loaded.findings.extend(read.findings);
                loaded.ckan_format = loaded.ckan_format.or(read.ckan_format);
            }
            None => loaded = Some(read),
        }
    }
    loaded.ok_or_else(|| InputError("no input".to_owned()))
}

/// The catalogue the analysis commands (`check`, `stats`, `report`) work on: the FILE
/// arguments read with repairs, or the embedded sample catalogue when there are none.
/// Reading findings are printed on standard error; `progress` allows a progress bar (never
/// with JSON output).
///
/// # Errors
///
/// Unreadable input, as an `InvalidData` error whose message names file, line and column.
pub fn load(files: &[PathBuf], progress: bool) -> io::Result<Loaded> {
    if files.is_empty() {
        return Ok(Loaded {
            catalog: fihris_ckan::sample_catalogue(),
            findings: Vec::new(),
            ckan_format: None,
        });
    }
    let options = ReadOptions {
        repair: true,
        progress,
        ..ReadOptions::default()
    };
    let loaded = read_inputs(files, &options, &mut io::stdin().lock())?;
    print_findings(&loaded.findings, &mut io::stderr().lock());
    Ok(loaded)
}

/// At most this many reading findings are printed one by one; the rest are counted.
const PRINTED_FINDINGS: usize = 20;

/// Prints reading findings on `out` (standard error), the first ones in full.
pub fn print_findings(findings: &[Finding], out: &mut dyn Write) {
    for finding in findings.iter().take(PRINTED_FINDINGS) {
        let _ = writeln!(out, "fihris: {finding}");
    }
    if findings.len() > PRINTED_FINDINGS {
        let _ = writeln!(
            out,
            "fihris: … and {} more reading findings",
            findings.len() - PRINTED_FINDINGS
        );
    }
}

fn read_one(
    name: &str,
    input: &mut dyn Read,
    format: InputFormat,
    options: &ReadOptions,
    base: Option<String>,
) -> Result<Loaded, InputError> {
    let file = || FindingPath::new().with(PathSegment::File(name.to_owned()));
    if let Some(rdf) = format.rdf() {
        let mut reader = DcatReader::new(rdf)
            .with_repairs(options.repair)
            .with_implied_triples(!options.exact);
        if let Some(base) = base {
            reader = reader.with_base_iri(base);
        }
        let output = reader
            .read(input)
            .map_err(|error| match (error.line(), error.column()) {
                (Some(line), Some(column)) => {
                    InputError(format!("{name}:{line}:{column}: {}", error.message()))
                }
                _ => InputError(format!("{name}: {error}")),
            })?;
        let findings = output
            .warnings
            .iter()
            .map(|warning| {
                let mut path = file().with(PathSegment::Dataset(warning.record().to_owned()));
                if let Some(property) = warning.property() {
                    path = path.with(PathSegment::Field(property.to_owned()));
                }
                let rule = if warning.repaired() {
                    "dcat.repaired"
                } else {
                    "dcat.kept-verbatim"
                };
                Finding::new(rule, Severity::Warning, path, warning.message())
            })
            .collect();
        return Ok(Loaded {
            catalog: output.catalog,
            findings,
            ckan_format: None,
        });
    }
    match format {
        InputFormat::Ckan => {
            // The national portal writes its CKAN texts in French (Arabic ones are recognised
            // by their script): tag them so, as the profile rules expect.
            let read = CkanReader::new()
                .with_language("fr")
                .and_then(|reader| reader.read(input))
                .map_err(|error| InputError(format!("{name}: {error}")))?;
            let findings = read
                .warnings
                .iter()
                .map(|warning| prefix_file(warning.to_finding(), name))
                .collect();
            Ok(Loaded {
                catalog: read.catalog,
                findings,
                ckan_format: Some(read.format),
            })
        }
        _ => {
            let read = InventoryReader::new()
                .with_file_name(name)
                .read(input)
                .map_err(|error| InputError(error.to_string()))?;
            Ok(Loaded {
                catalog: read.catalog,
                findings: read.findings,
                ckan_format: None,
            })
        }
    }
}

/// The finding with the input file as the first step of its path.
fn prefix_file(finding: Finding, name: &str) -> Finding {
    let mut path = FindingPath::new().with(PathSegment::File(name.to_owned()));
    for segment in finding.path().segments() {
        path = path.with(segment.clone());
    }
    let mut prefixed = Finding::new(
        finding.rule_id().to_owned(),
        finding.severity(),
        path,
        finding.message(),
    );
    if let Some(hint) = finding.hint() {
        prefixed = prefixed.with_hint(hint);
    }
    prefixed
}

fn merge(into: &mut Catalog, other: Catalog) {
    into.datasets.extend(other.datasets);
    into.series.extend(other.series);
    into.services.extend(other.services);
    into.records.extend(other.records);
    into.extra_triples.extend(other.extra_triples);
}

/// Counts bytes for the progress bar as a reader consumes them.
struct CountingReader<'a, R> {
    inner: R,
    progress: &'a mut Progress<io::Stderr>,
}

impl<R: Read> Read for CountingReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.progress.advance(read as u64);
        Ok(read)
    }
}
