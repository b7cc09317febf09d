//! The `fihris` command line. Each subcommand lives in its own module; this file only parses
//! arguments and maps outcomes to exit codes (0 success, 1 error-level findings, 2 bad usage
//! or unreadable input).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use fihris_cli::input::InputLimit;
use fihris_cli::{Output, check, convert, harvest, report, scan, stats, vocab};

// Reading a catalogue allocates a few strings per triple: glibc's allocator spent a fifth of
// the time of reading Turtle, mimalloc much less.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Open-government-data catalogues: DCAT-AP 3, CKAN and the national inventory.
#[derive(Debug, Parser)]
#[command(name = "fihris", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List an embedded vocabulary: the portal's themes and producers, EU file types,
    /// licences and frequencies.
    Vocab {
        /// Which vocabulary.
        list: vocab::VocabList,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Output::Text)]
        output: Output,
    },
    /// Convert catalogues between formats (DCAT-AP 3 as Turtle, N-Triples, RDF/XML, JSON-LD).
    Convert(convert::ConvertOptions),
    /// Inventory statistics and producer scorecards, as of a date.
    Stats {
        /// Catalogue files; none: the embedded sample catalogue.
        files: Vec<PathBuf>,
        /// Reference day for freshness (YYYY-MM-DD); default: today (UTC).
        #[arg(long, value_parser = stats::parse_date)]
        as_of: Option<NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = stats::StatsOutput::Text)]
        output: stats::StatsOutput,
        /// The largest RDF file read.
        #[command(flatten)]
        limit: InputLimit,
    },
    /// A self-contained HTML report (charts, producer scorecard, worst findings).
    Report {
        /// Catalogue files; none: the embedded sample catalogue.
        files: Vec<PathBuf>,
        /// Where to write the HTML; default or '-': standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Language of the report (Arabic is laid out right to left).
        #[arg(long, value_enum, default_value_t = report::Lang::Fr)]
        lang: report::Lang,
        /// Reference day for freshness (YYYY-MM-DD); default: today (UTC).
        #[arg(long, value_parser = stats::parse_date)]
        as_of: Option<NaiveDate>,
        /// The largest RDF file read.
        #[command(flatten)]
        limit: InputLimit,
    },
    /// Check catalogues: open formats and licences, MQA quality score, DCAT-AP 3.0.1 and
    /// national-profile conformance, freshness. Exits with 1 on error-level findings.
    Check(check::CheckArgs),
    /// Find personal data and re-identification risk in a CSV resource before publication;
    /// exits with 1 when the verdict is not "publishable".
    Scan(scan::ScanArgs),
    /// Harvest a CKAN portal or a DCAT feed over HTTP (paged, incremental with --since);
    /// exits with 1 when the harvest is partial.
    Harvest(harvest::HarvestArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut stdout = io::stdout().lock();
    let clean = |result: io::Result<()>| result.map(|()| check::Outcome::Clean);
    let result = match cli.command {
        Command::Vocab { list, output } => clean(vocab::run(list, output, &mut stdout)),
        Command::Convert(options) => {
            let mut stderr = io::stderr().lock();
            match convert::run(&options, &mut io::stdin(), &mut stdout, &mut stderr) {
                Ok(()) => Ok(check::Outcome::Clean),
                Err(error) => {
                    let _ = convert::report(&error, &mut stderr);
                    return ExitCode::from(2);
                }
            }
        }
        Command::Stats {
            files,
            as_of,
            output,
            limit,
        } => clean(stats::run(&files, as_of, output, limit, &mut stdout)),
        Command::Report {
            files,
            output,
            lang,
            as_of,
            limit,
        } => clean(report::run(
            &files,
            output.as_deref(),
            lang,
            as_of,
            limit,
            &mut stdout,
        )),
        Command::Check(args) => check::run(&args, &mut stdout),
        Command::Scan(args) => return scan::main(&args, &mut stdout),
        Command::Harvest(args) => {
            return harvest::main(&args, &mut stdout, &mut io::stderr().lock());
        }
    };
    match result.and_then(|outcome| stdout.flush().map(|()| outcome)) {
        Ok(check::Outcome::Clean) => ExitCode::SUCCESS,
        Ok(check::Outcome::Errors) => ExitCode::from(1),
        Ok(check::Outcome::Unusable(message)) => {
            let _ = writeln!(io::stderr(), "fihris: {message}");
            ExitCode::from(2)
        }
        // A closed pipe (`fihris vocab producers | head`) is not a failure.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(io::stderr(), "fihris: {error}");
            ExitCode::from(2)
        }
    }
}
