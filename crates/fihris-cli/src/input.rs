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
use fihris_ckan::{
    CkanError, CkanErrorKind, CkanFormat, CkanReader, CkanStream, CkanWarning, Rewound,
};
use fihris_csv::{CsvErrorKind, InventoryReader};
use fihris_dcat::{DcatReader, RdfFormat, ReadError, ReadErrorKind, ReadOutput};
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

    /// The format of a `--from` name (`turtle`, `ntriples`, `rdfxml`, `jsonld`, `ckan`,
    /// `csv`).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        <Self as ValueEnum>::from_str(name, false).ok()
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
    /// RDF: the largest file read, in bytes; `None`: the reader's default (256 MiB).
    pub max_input_bytes: Option<u64>,
}

/// `--max-input`, of every command that reads catalogues.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct InputLimit {
    /// Largest RDF file read, in bytes or with a suffix K, M or G (powers of 1024); default
    /// 256M. A file is read whole: memory grows with it (three to five times its size).
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_input: Option<u64>,
}

/// A size in bytes: digits, then an optional `K`, `M` or `G` (powers of 1024).
///
/// # Errors
///
/// Anything else, with a message that says what a size is.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let invalid = || format!("`{text}`: a size is a number of bytes, or ends with K, M or G");
    let trimmed = text.trim();
    let unit_at = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (digits, unit) = trimmed.split_at(unit_at);
    let scale: u64 = match unit.to_ascii_uppercase().as_str() {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => return Err(invalid()),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|number| number.checked_mul(scale))
        .ok_or_else(invalid)
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

/// What kind of problem an [`InputError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputErrorKind {
    /// The input could not be opened or read.
    Io,
    /// The input is not well-formed in its format (a syntax error, an HTML page instead of
    /// JSON, a CSV file without inventory header…).
    Syntax,
    /// A bad value: no known format, an input over a reader limit, an API failure answer.
    Value,
}

/// Unreadable input: the message names the file and, for syntax errors, line and column.
#[derive(Debug)]
pub struct InputError {
    kind: InputErrorKind,
    file: Option<String>,
    line: Option<u64>,
    column: Option<u64>,
    message: String,
    os_error: Option<i32>,
    display: String,
}

impl InputError {
    fn new(kind: InputErrorKind, file: Option<&str>, message: impl Into<String>) -> Self {
        let message = message.into();
        let display = match file {
            Some(file) => format!("{file}: {message}"),
            None => message.clone(),
        };
        Self {
            kind,
            file: file.map(str::to_owned),
            line: None,
            column: None,
            message,
            os_error: None,
            display,
        }
    }

    fn io(file: &str, error: &io::Error) -> Self {
        let mut this = Self::new(InputErrorKind::Io, Some(file), error.to_string());
        this.os_error = error.raw_os_error();
        this
    }

    /// What kind of problem this is.
    #[must_use]
    pub fn kind(&self) -> InputErrorKind {
        self.kind
    }

    /// The input the problem is in (`<stdin>` for standard input), when there is one.
    #[must_use]
    pub fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }

    /// The 1-based line of the problem, when known.
    #[must_use]
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// The 1-based column (in characters) of the problem, when known.
    #[must_use]
    pub fn column(&self) -> Option<u64> {
        self.column
    }

    /// What is wrong, without the file name and position.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The operating system's error code of an I/O error (`ENOENT`…), when there is one.
    #[must_use]
    pub fn raw_os_error(&self) -> Option<i32> {
        self.os_error
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display)
    }
}

impl std::error::Error for InputError {}

impl From<InputError> for io::Error {
    fn from(error: InputError) -> Self {
        Self::new(io::ErrorKind::InvalidData, error.display)
    }
}

/// The operating system's error code of the first I/O error in a chain of sources.
fn os_error_in(error: &(dyn std::error::Error + 'static)) -> Option<i32> {
    let mut current = Some(error);
    while let Some(error) = current {
        if let Some(code) = error
            .downcast_ref::<io::Error>()
            .and_then(io::Error::raw_os_error)
        {
            return Some(code);
        }
        current = error.source();
    }
    None
}

/// Files larger than this show a progress bar.
pub(crate) const LARGE_INPUT: u64 = 8 << 20;

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
                    InputError::new(
                        InputErrorKind::Value,
                        None,
                        "standard input: say its format with --from",
                    )
                })?;
                read_one("<stdin>", stdin, format, options, None)?
            }
            Some(path) => read_file(path, options)?,
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
    loaded.ok_or_else(|| InputError::new(InputErrorKind::Value, None, "no input"))
}

/// Reads one file, in `options.from` or the format its extension names.
///
/// # Errors
///
/// The file cannot be opened, has no known format, or is not readable at all.
pub fn read_file(path: &Path, options: &ReadOptions) -> Result<Loaded, InputError> {
    let name = path.display().to_string();
    let format = options
        .from
        .or_else(|| InputFormat::from_path(path))
        .ok_or_else(|| {
            InputError::new(
                InputErrorKind::Value,
                Some(&name),
                "unknown extension, say the format with --from",
            )
        })?;
    let file = File::open(path).map_err(|error| InputError::io(&name, &error))?;
    let size = file.metadata().map_or(0, |metadata| metadata.len());
    let mut progress = Progress::stderr(&name, size, options.progress && size > LARGE_INPUT);
    let base = std::path::absolute(path)
        .ok()
        .map(|absolute| format!("file://{}", absolute.display()));
    // An RDF file is read whole: with no bar to draw as it is read, a large one is read on
    // two threads.
    if let Some(rdf) = format.rdf()
        && !progress.is_drawn()
    {
        return read_rdf(&name, rdf, options, base, |reader| reader.read_file(path));
    }
    let mut counted = CountingReader {
        inner: BufReader::new(file),
        progress: &mut progress,
    };
    let read = read_one(&name, &mut counted, format, options, base);
    progress.finish();
    read
}

/// Reads a document held in memory; `name` names it in findings and errors.
///
/// # Errors
///
/// The bytes are not readable at all in `format` (a syntax error, an HTML page instead of
/// JSON…).
pub fn read_bytes(
    bytes: &[u8],
    name: &str,
    format: InputFormat,
    options: &ReadOptions,
) -> Result<Loaded, InputError> {
    read_one(name, &mut &*bytes, format, options, None)
}

/// The embedded sample catalogue of the portal, without reading findings.
#[must_use]
pub fn sample() -> Loaded {
    Loaded {
        catalog: fihris_ckan::sample_catalogue(),
        findings: Vec::new(),
        ckan_format: None,
    }
}

/// The catalogue the analysis commands (`check`, `stats`, `report`) work on: the FILE
/// arguments read with repairs, or the embedded sample catalogue when there are none.
/// Reading findings are printed on standard error; `progress` allows a progress bar (never
/// with JSON output); `limit` is the largest RDF file read.
///
/// # Errors
///
/// Unreadable input, as an `InvalidData` error whose message names file, line and column.
pub fn load(files: &[PathBuf], progress: bool, limit: InputLimit) -> io::Result<Loaded> {
    if files.is_empty() {
        return Ok(sample());
    }
    let options = ReadOptions {
        repair: true,
        progress,
        max_input_bytes: limit.max_input,
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
    if let Some(rdf) = format.rdf() {
        return read_rdf(name, rdf, options, base, |reader| reader.read(input));
    }
    match format {
        InputFormat::Ckan => {
            let read = ckan_reader()
                .read(input)
                .map_err(|error| ckan_error(name, &error))?;
            Ok(Loaded {
                catalog: read.catalog,
                findings: ckan_findings(name, &read.warnings),
                ckan_format: Some(read.format),
            })
        }
        _ => {
            let read = InventoryReader::new()
                .with_file_name(name)
                .read(input)
                .map_err(|error| {
                    let kind = match error.kind() {
                        CsvErrorKind::Io => InputErrorKind::Io,
                        CsvErrorKind::Value => InputErrorKind::Value,
                        _ => InputErrorKind::Syntax,
                    };
                    let mut this = InputError::new(kind, Some(name), error.message());
                    this.display = error.to_string();
                    this.line = error.line();
                    this.os_error = os_error_in(&error);
                    this
                })?;
            Ok(Loaded {
                catalog: read.catalog,
                findings: read.findings,
                ckan_format: None,
            })
        }
    }
}

/// Reads an RDF document with the reader `options` make, by `read` (of a stream or a file).
fn read_rdf(
    name: &str,
    rdf: RdfFormat,
    options: &ReadOptions,
    base: Option<String>,
    read: impl FnOnce(DcatReader) -> Result<ReadOutput, ReadError>,
) -> Result<Loaded, InputError> {
    // One file name, shared by every finding on the file.
    let file_segment = PathSegment::File(name.to_owned().into());
    let mut reader = DcatReader::new(rdf)
        .with_repairs(options.repair)
        .with_implied_triples(!options.exact);
    if let Some(base) = base {
        reader = reader.with_base_iri(base);
    }
    if let Some(max) = options.max_input_bytes {
        reader = reader.with_max_input_bytes(max);
    }
    let output = read(reader).map_err(|error| {
        let kind = match error.kind() {
            ReadErrorKind::Io => InputErrorKind::Io,
            ReadErrorKind::Syntax => InputErrorKind::Syntax,
            _ => InputErrorKind::Value,
        };
        match (error.line(), error.column()) {
            (Some(line), Some(column)) => {
                let mut this = InputError::new(kind, Some(name), error.message());
                this.line = Some(line);
                this.column = Some(column);
                this.display = format!("{name}:{line}:{column}: {}", error.message());
                this
            }
            _ if error.kind() == ReadErrorKind::InputTooLarge => InputError::new(
                kind,
                Some(name),
                format!("{error} (`--max-input SIZE`, `max_input=` in Python, reads larger files)"),
            ),
            _ => {
                let mut this = InputError::new(kind, Some(name), error.to_string());
                this.os_error = os_error_in(&error);
                this
            }
        }
    })?;
    let findings = output
        .warnings
        .iter()
        .map(|warning| {
            let path: FindingPath = [
                Some(file_segment.clone()),
                Some(PathSegment::Dataset(warning.record().to_owned().into())),
                warning
                    .property()
                    .map(|property| PathSegment::Field(property.to_owned().into())),
            ]
            .into_iter()
            .flatten()
            .collect();
            let rule = if warning.repaired() {
                "dcat.repaired"
            } else {
                "dcat.kept-verbatim"
            };
            Finding::new(rule, Severity::Warning, path, warning.message().to_owned())
        })
        .collect();
    Ok(Loaded {
        catalog: output.catalog,
        findings,
        ckan_format: None,
    })
}

/// The CKAN reader of every command.
pub fn ckan_reader() -> CkanReader {
    // The national portal writes its CKAN texts in French (Arabic ones are recognised by
    // their script): tag them so, as the profile rules expect.
    CkanReader::new()
        .with_language("fr")
        .unwrap_or_else(|_| unreachable!("`fr` is a language tag"))
}

/// A CKAN input, its datasets handed over as they are read (see
/// [`CkanReader::stream_reader`]); `name` names it in errors.
///
/// # Errors
///
/// The input cannot be read, or is not readable at all as CKAN JSON (a syntax error, an
/// HTML page…).
pub fn ckan_stream<R: io::BufRead>(
    reader: R,
    name: &str,
) -> Result<CkanStream<Rewound<R>>, InputError> {
    ckan_reader()
        .stream_reader(reader)
        .map_err(|error| ckan_error(name, &error))
}

/// The CKAN reader's `warnings` on file `name` as findings.
#[must_use]
pub fn ckan_findings(name: &str, warnings: &[CkanWarning]) -> Vec<Finding> {
    let file_segment = PathSegment::File(name.to_owned().into());
    warnings
        .iter()
        .map(|warning| warning.to_finding().within(file_segment.clone()))
        .collect()
}

fn ckan_error(name: &str, error: &CkanError) -> InputError {
    let kind = match error.kind() {
        CkanErrorKind::Io => InputErrorKind::Io,
        CkanErrorKind::ApiFailure | CkanErrorKind::Config => InputErrorKind::Value,
        _ => InputErrorKind::Syntax,
    };
    let mut this = InputError::new(kind, Some(name), error.message());
    this.display = format!("{name}: {error}");
    this.line = error.line();
    this.column = error.column();
    this.os_error = os_error_in(error);
    this
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_carry_file_line_and_column() {
        let turtle = b"@prefix dct: <http://purl.org/dc/terms/> .\n<https://d/1> dct:title .\n";
        let error = read_bytes(
            turtle,
            "cat.ttl",
            InputFormat::Turtle,
            &ReadOptions::default(),
        )
        .unwrap_err();
        assert_eq!(error.kind(), InputErrorKind::Syntax);
        assert_eq!(error.file(), Some("cat.ttl"));
        assert_eq!((error.line(), error.column()), (Some(2), Some(25)));
        assert_eq!(
            error.to_string(),
            format!("cat.ttl:2:25: {}", error.message())
        );
    }

    #[test]
    fn missing_files_are_io_errors_with_errno() {
        let path = Path::new("/nonexistent/fihris/catalogue.ttl");
        let error = read_file(path, &ReadOptions::default()).unwrap_err();
        assert_eq!(error.kind(), InputErrorKind::Io);
        assert_eq!(error.raw_os_error(), Some(2));
        assert_eq!(error.file(), Some("/nonexistent/fihris/catalogue.ttl"));
        assert!(
            error
                .to_string()
                .starts_with("/nonexistent/fihris/catalogue.ttl: ")
        );
    }

    #[test]
    fn unknown_formats_are_value_errors() {
        let error = read_file(Path::new("catalogue.txt"), &ReadOptions::default()).unwrap_err();
        assert_eq!(error.kind(), InputErrorKind::Value);
        assert_eq!(
            error.to_string(),
            "catalogue.txt: unknown extension, say the format with --from"
        );
        assert_eq!(InputFormat::from_name("rdfxml"), Some(InputFormat::Rdfxml));
        assert_eq!(InputFormat::from_name("yaml"), None);
    }

    #[test]
    fn ckan_syntax_errors_have_a_position() {
        let error = read_bytes(
            b"{\"name\": \n }",
            "p.json",
            InputFormat::Ckan,
            &ReadOptions::default(),
        )
        .unwrap_err();
        assert_eq!(error.kind(), InputErrorKind::Syntax);
        assert_eq!(error.line(), Some(2));
        assert!(error.to_string().starts_with("p.json: invalid JSON"));
    }
}
