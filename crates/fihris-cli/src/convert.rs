//! `fihris convert`: reads catalogues in one format and writes them in another.
//!
//! Input formats live in [`crate::input`]; each output format has one writing function.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use clap::ValueEnum;
use fihris_ckan::{CkanFormat, CkanStream, CkanWarning};
use fihris_dcat::{DcatWriter, RdfFormat};
use fihris_model::{Catalog, Dataset};

use crate::input::{
    InputFormat, InputLimit, LARGE_INPUT, Loaded, ReadOptions, ckan_findings, ckan_stream,
    print_findings, read_inputs,
};
use crate::progress::Progress;

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
    /// The largest RDF file read.
    #[command(flatten)]
    pub limit: InputLimit,
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
/// One CKAN input written as RDF is converted as it is read: the datasets are read on a
/// second thread and written as they come, so memory holds a few batches of datasets
/// whatever the size of the catalogue, and the output is the same.
///
/// # Errors
///
/// Unreadable input (with file, line and column) or an error writing the output.
pub fn run(
    options: &ConvertOptions,
    stdin: &mut (dyn Read + Send),
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), ConvertError> {
    let read_options = ReadOptions {
        from: options.from,
        exact: options.exact,
        repair: options.repair,
        progress: options.output.is_some(),
        max_input_bytes: options.limit.max_input,
    };
    if let Some(format) = options.to.rdf()
        && let Some(input) = single_ckan_input(options)
    {
        let name = input.map_or_else(|| "<stdin>".to_owned(), |path| path.display().to_string());
        return match input {
            Some(path) => {
                let file =
                    File::open(path).map_err(|error| ConvertError(format!("{name}: {error}")))?;
                let size = file.metadata().map_or(0, |metadata| metadata.len());
                let reader = BufReader::with_capacity(READ_SIZE, file);
                convert_stream(options, reader, size, &name, format, stdout, stderr)
            }
            // The size of standard input is not known: no progress bar.
            None => {
                let reader = BufReader::with_capacity(READ_SIZE, stdin);
                convert_stream(options, reader, 0, &name, format, stdout, stderr)
            }
        };
    }
    let loaded = read_inputs(&options.files, &read_options, stdin)
        .map_err(|error| ConvertError(error.to_string()))?;
    print_findings(&loaded.findings, stderr);
    write_output(options, stdout, |out| {
        write(&loaded, options.to, options.exact, out)
    })
}

/// Runs `write` on the output file (created only now, so that unreadable input leaves it
/// alone) or on `stdout`, buffered.
fn write_output(
    options: &ConvertOptions,
    stdout: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), ConvertError> {
    let result = match &options.output {
        Some(path) => {
            let file = File::create(path)
                .map_err(|error| ConvertError(format!("{}: {error}", path.display())))?;
            write(&mut BufWriter::new(file))
        }
        None => write(&mut BufWriter::new(stdout)),
    };
    match result {
        // `fihris convert … | head` is not a failure.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|error| ConvertError(error.to_string())),
    }
}

/// The one input of `options` when it is CKAN JSON (by `--from` or its extension): `None`
/// inside stands for standard input.
fn single_ckan_input(options: &ConvertOptions) -> Option<Option<&PathBuf>> {
    let input = match options.files.as_slice() {
        [] => None,
        [path] if path.as_os_str() == "-" => None,
        [path] => Some(path),
        _ => return None,
    };
    let format = options
        .from
        .or_else(|| input.and_then(|path| InputFormat::from_path(path)))?;
    (format == InputFormat::Ckan).then_some(input)
}

/// How much of a CKAN file is read in one call.
const READ_SIZE: usize = 1 << 16;

/// Writes the CKAN input `name` (`size` bytes, 0 if unknown) read from `reader` as RDF
/// `format`, with a progress bar, then prints its findings.
fn convert_stream<R: BufRead + Send>(
    options: &ConvertOptions,
    reader: R,
    size: u64,
    name: &str,
    format: RdfFormat,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), ConvertError> {
    let stream = ckan_stream(reader, name).map_err(|error| ConvertError(error.to_string()))?;
    let visible = options.output.is_some() && size > LARGE_INPUT;
    let mut progress = Progress::stderr(name, size, visible);
    let mut warnings = Vec::new();
    let result = write_output(options, stdout, |out| {
        write_streamed(
            stream,
            name,
            format,
            options.exact,
            out,
            &mut progress,
            &mut warnings,
        )
    });
    progress.finish();
    print_findings(&ckan_findings(name, &warnings), stderr);
    result
}

/// Datasets handed from the reading thread to the writing one at a time.
const BATCH: usize = 64;

/// Batches on their way between the threads: what bounds memory.
const BATCHES_IN_FLIGHT: usize = 4;

/// Writes the CKAN `stream` of input `name` in `format`, reading it on a second thread; its
/// warnings are gathered into `warnings`. An input that cannot be read on is an error naming
/// it.
fn write_streamed<R: BufRead + Send>(
    mut stream: CkanStream<R>,
    name: &str,
    format: RdfFormat,
    exact: bool,
    out: &mut dyn Write,
    progress: &mut Progress<io::Stderr>,
    warnings: &mut Vec<CkanWarning>,
) -> io::Result<()> {
    let mut writer = DcatWriter::new(format, &mut *out).with_implied_triples(!exact);
    writer
        .write_header(stream.catalog())
        .map_err(io::Error::other)?;
    let mut position = 0;
    std::thread::scope(|scope| -> io::Result<()> {
        let (sender, receiver) = mpsc::sync_channel::<(Vec<Dataset>, u64)>(BATCHES_IN_FLIGHT);
        let reading = scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let mut warnings = Vec::new();
            while let Some(dataset) = stream.next() {
                // The input could not be read on: the stream ends there, and so does the
                // conversion, with that error.
                let dataset = match dataset {
                    Ok(dataset) => dataset,
                    Err(error) => return (warnings, Some(error)),
                };
                batch.push(dataset);
                if batch.len() == BATCH {
                    warnings.extend(stream.take_warnings());
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    // The writing side stopped on an error, which it reports.
                    if sender.send((full, stream.position())).is_err() {
                        return (warnings, None);
                    }
                }
            }
            warnings.extend(stream.take_warnings());
            let _ = sender.send((batch, stream.position()));
            (warnings, None)
        });
        let written = receiver.iter().try_for_each(|(batch, read_to)| {
            for dataset in &batch {
                writer.write_dataset(dataset)?;
            }
            progress.advance(read_to - position);
            position = read_to;
            Ok::<_, fihris_dcat::WriteError>(())
        });
        // Stop the reading side before waiting for it, if writing failed.
        drop(receiver);
        let (read_warnings, unreadable) = reading
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        warnings.extend(read_warnings);
        if let Some(error) = unreadable {
            return Err(io::Error::other(format!("{name}: {error}")));
        }
        written.map_err(io::Error::other)
    })?;
    writer.finish().map_err(io::Error::other)?;
    out.flush()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The sample's first lines, then a read error, as a failing disk gives.
    struct FailingInput {
        lines: io::Cursor<Vec<u8>>,
    }

    impl Read for FailingInput {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let read = self.lines.read(buf)?;
            if read == 0 {
                return Err(io::Error::other("input/output error"));
            }
            Ok(read)
        }
    }

    #[test]
    fn an_input_that_cannot_be_read_on_is_an_error() {
        let lines: String = fihris_ckan::SAMPLE_CATALOGUE_JSONL
            .lines()
            .take(200)
            .map(|line| format!("{line}\n"))
            .collect();
        let input = BufReader::with_capacity(
            64,
            FailingInput {
                lines: io::Cursor::new(lines.into_bytes()),
            },
        );
        let stream = ckan_stream(input, "disk.jsonl").expect("the start reads");
        let mut progress = Progress::new(None, "disk.jsonl", 0);
        let mut warnings = Vec::new();
        let error = write_streamed(
            stream,
            "disk.jsonl",
            RdfFormat::NTriples,
            false,
            &mut Vec::new(),
            &mut progress,
            &mut warnings,
        )
        .expect_err("the input failed");
        assert!(
            error.to_string().starts_with("disk.jsonl: ")
                && error.to_string().contains("input/output error"),
            "{error}"
        );
    }
}
