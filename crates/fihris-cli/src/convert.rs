//! `fihris convert`: reads catalogues in one format and writes them in another.
//!
//! The formats are enums that grow with the crates the command line composes: each input
//! format has one reading function, each output format one writing function.

use std::fmt;
use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use fihris_dcat::{DcatReader, DcatWriter, RdfFormat};
use fihris_model::Catalog;

/// Formats `convert` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Turtle.
    Turtle,
    /// N-Triples.
    Ntriples,
    /// RDF/XML.
    Rdfxml,
    /// JSON-LD.
    Jsonld,
}

impl InputFormat {
    fn from_path(path: &Path) -> Option<Self> {
        RdfFormat::from_path(path).map(Self::from_rdf)
    }

    fn from_rdf(format: RdfFormat) -> Self {
        match format {
            RdfFormat::NTriples => Self::Ntriples,
            RdfFormat::RdfXml => Self::Rdfxml,
            RdfFormat::JsonLd => Self::Jsonld,
            _ => Self::Turtle,
        }
    }

    fn rdf(self) -> Option<RdfFormat> {
        match self {
            Self::Turtle => Some(RdfFormat::Turtle),
            Self::Ntriples => Some(RdfFormat::NTriples),
            Self::Rdfxml => Some(RdfFormat::RdfXml),
            Self::Jsonld => Some(RdfFormat::JsonLd),
        }
    }
}

/// Formats `convert` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Turtle, with prefixes.
    Turtle,
    /// N-Triples.
    Ntriples,
    /// RDF/XML.
    Rdfxml,
    /// JSON-LD, compacted against the DCAT-AP context.
    Jsonld,
}

impl OutputFormat {
    fn rdf(self) -> Option<RdfFormat> {
        match self {
            Self::Turtle => Some(RdfFormat::Turtle),
            Self::Ntriples => Some(RdfFormat::NTriples),
            Self::Rdfxml => Some(RdfFormat::RdfXml),
            Self::Jsonld => Some(RdfFormat::JsonLd),
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

fn read_input(
    name: &str,
    input: &mut dyn Read,
    format: InputFormat,
    options: &ConvertOptions,
    base: Option<String>,
    warnings: &mut dyn Write,
) -> Result<Catalog, ConvertError> {
    let Some(rdf) = format.rdf() else {
        return Err(ConvertError(format!("{name}: cannot read this format")));
    };
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
                ConvertError(format!("{name}:{line}:{column}: {}", error.message()))
            }
            _ => ConvertError(format!("{name}: {error}")),
        })?;
    for warning in &output.warnings {
        let _ = writeln!(warnings, "fihris: {name}: warning: {warning}");
    }
    Ok(output.catalog)
}

fn merge(into: &mut Catalog, other: Catalog) {
    into.datasets.extend(other.datasets);
    into.series.extend(other.series);
    into.services.extend(other.services);
    into.records.extend(other.records);
    into.extra_triples.extend(other.extra_triples);
}

/// `fihris convert`: reads every input, merges them into one catalogue and writes it.
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
    let inputs: Vec<Option<&PathBuf>> = if options.files.is_empty() {
        vec![None]
    } else {
        options
            .files
            .iter()
            .map(|path| (path.as_os_str() != "-").then_some(path))
            .collect()
    };
    let mut catalog: Option<Catalog> = None;
    for input in inputs {
        let read = match input {
            None => {
                let format = options.from.ok_or_else(|| {
                    ConvertError("standard input: say its format with --from".to_owned())
                })?;
                read_input("<stdin>", stdin, format, options, None, stderr)?
            }
            Some(path) => {
                let name = path.display().to_string();
                let format = options
                    .from
                    .or_else(|| InputFormat::from_path(path))
                    .ok_or_else(|| {
                        ConvertError(format!(
                            "{name}: unknown extension, say the format with --from"
                        ))
                    })?;
                let mut file =
                    File::open(path).map_err(|error| ConvertError(format!("{name}: {error}")))?;
                let base = std::path::absolute(path)
                    .ok()
                    .map(|absolute| format!("file://{}", absolute.display()));
                read_input(&name, &mut file, format, options, base, stderr)?
            }
        };
        match &mut catalog {
            Some(catalog) => merge(catalog, read),
            None => catalog = Some(read),
        }
    }
    let catalog = catalog.ok_or_else(|| ConvertError("no input".to_owned()))?;
    let write = |out: &mut dyn Write| -> Result<(), ConvertError> {
        let format = options
            .to
            .rdf()
            .ok_or_else(|| ConvertError("cannot write this format".to_owned()))?;
        let mut writer = DcatWriter::new(format, out).with_implied_triples(!options.exact);
        writer
            .write_catalog(&catalog)
            .map_err(|error| ConvertError(error.to_string()))?;
        writer
            .finish()
            .map_err(|error| ConvertError(error.to_string()))?
            .flush()
            .map_err(|error| ConvertError(error.to_string()))
    };
    match &options.output {
        Some(path) => {
            let file = File::create(path)
                .map_err(|error| ConvertError(format!("{}: {error}", path.display())))?;
            let mut out = BufWriter::new(file);
            write(&mut out)
        }
        None => {
            let mut out = BufWriter::new(stdout);
            let result = write(&mut out);
            match result {
                Err(ConvertError(message)) if message.contains("Broken pipe") => Ok(()),
                other => other,
            }
        }
    }
}

/// Exit code 2 with the message, on standard error.
pub fn report(error: &ConvertError, stderr: &mut dyn Write) -> io::Result<()> {
    writeln!(stderr, "fihris: {error}")
}
