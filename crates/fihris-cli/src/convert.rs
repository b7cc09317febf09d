//! `fihris convert`: reads catalogues in one format and writes them in another.
//!
//! Input formats live in [`crate::input`]; each output format has one writing function.

use std::fmt;
use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use fihris_ckan::CkanFormat;
use fihris_dcat::{DcatWriter, RdfFormat};
use fihris_model::Catalog;

use crate::input::{InputFormat, Loaded, ReadOptions, print_findings, read_inputs};

/// Formats `convert` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// DCAT-AP as Turtle, with prefixes.
    Turtle,
    /// DCAT-AP as N-Triples.
    Ntriples,
    /// DCAT-AP as RDF/XML.
    Rdfxml,
    /// DCAT-AP as JSON-LD, compacted against the DCAT-AP context.
    Jsonld,
    /// CKAN API JSON: the shape the input had when it was CKAN, else JSON lines.
    Ckan,
    /// The national CSV inventory.
    Csv,
}

impl OutputFormat {
    /// The format of a `--to` name (`turtle`, `ntriples`, `rdfxml`, `jsonld`, `ckan`, `csv`).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        <Self as ValueEnum>::from_str(name, false).ok()
    }

    /// The format a file's extension names, if any (the same extensions as for reading).
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        Some(match InputFormat::from_path(path)? {
            InputFormat::Turtle => Self::Turtle,
            InputFormat::Ntriples => Self::Ntriples,
            InputFormat::Rdfxml => Self::Rdfxml,
            InputFormat::Jsonld => Self::Jsonld,
            InputFormat::Ckan => Self::Ckan,
            InputFormat::Csv => Self::Csv,
        })
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

/// Options of `fihris convert`.
#[derive(Debug, Clone, clap::Args)]
pub struct ConvertOptions {
    /// Input files; none or `-` reads standard input.
    pub files: Vec<PathBuf>,
    /// Input format (default: from each file's extension).
    #[arg(long, value_enum)]
    pub from: Option<InputFormat>,
    /// Output format.
    #[arg(long, value_enum)]
    pub to: OutputFormat,
    /// Output file (default: standard output).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Write exactly the graph read, without the typings DCAT-AP validation needs.
    #[arg(long)]
    pub exact: bool,
    /// Interpret non-canonical values (literal licences, dates typed wrong…), with a
    /// warning each.
    #[arg(long)]
    pub repair: bool,
}

/// Why `convert` failed: everything here exits with 2.
#[derive(Debug)]
pub struct ConvertError(String);

impl fmt::Display for ConvertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `fihris convert`: reads every input, merges them into one catalogue and writes it.
/// Reading findings go to `stderr`.
///
/// # Errors
///
/// Unreadable input (with file, line and column) or an error writing the output.
pub fn run(
    options: &ConvertOptions,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), ConvertError> {
    let read_options = ReadOptions {
        from: options.from,
        exact: options.exact,
        repair: options.repair,
        progress: options.output.is_some(),
    };
    let loaded = read_inputs(&options.files, &read_options, stdin)
        .map_err(|error| ConvertError(error.to_string()))?;
    print_findings(&loaded.findings, stderr);
    let result = match &options.output {
        Some(path) => {
            let file = File::create(path)
                .map_err(|error| ConvertError(format!("{}: {error}", path.display())))?;
            write(
                &loaded,
                options.to,
                options.exact,
                &mut BufWriter::new(file),
            )
        }
        None => write(
            &loaded,
            options.to,
            options.exact,
            &mut BufWriter::new(stdout),
        ),
    };
    match result {
        // `fihris convert … | head` is not a failure.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|error| ConvertError(error.to_string())),
    }
}

/// Writes what was read in format `to`, as `fihris convert --to` does; `exact` leaves out
/// the typings DCAT-AP validation needs (`--exact`). CKAN output keeps the shape of a CKAN
/// input, else writes JSON lines.
///
/// # Errors
///
/// An error writing to `out`, or a value the format cannot express (an `InvalidData` or
/// `Other` error).
pub fn write(
    loaded: &Loaded,
    to: OutputFormat,
    exact: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let catalog: &Catalog = &loaded.catalog;
    if let Some(format) = to.rdf() {
        let mut writer = DcatWriter::new(format, &mut *out).with_implied_triples(!exact);
        writer.write_catalog(catalog).map_err(io::Error::other)?;
        writer.finish().map_err(io::Error::other)?;
    } else if to == OutputFormat::Ckan {
        let format = loaded.ckan_format.unwrap_or(CkanFormat::JsonLines);
        fihris_ckan::write_catalog(catalog, format, &mut *out)?;
    } else {
        fihris_csv::write_catalog(catalog, &mut *out).map_err(io::Error::other)?;
    }
    out.flush()
}

/// Exit code 2 with the message, on standard error.
///
/// # Errors
///
/// An error writing to `stderr`.
pub fn report(error: &ConvertError, stderr: &mut dyn Write) -> io::Result<()> {
    writeln!(stderr, "fihris: {error}")
}
