//! The `fihris` command line. Each subcommand lives in its own module; this file only parses
//! arguments and maps outcomes to exit codes (0 success, 1 error-level findings, 2 bad usage
//! or unreadable input).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod convert;
mod table;
mod vocab;

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
    Convert {
        /// Input files; none or `-` reads standard input.
        files: Vec<PathBuf>,
        /// Input format (default: from each file's extension).
        #[arg(long, value_enum)]
        from: Option<convert::InputFormat>,
        /// Output format.
        #[arg(long, value_enum)]
        to: convert::OutputFormat,
        /// Output file (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Write exactly the graph read, without the typings DCAT-AP validation needs.
        #[arg(long)]
        exact: bool,
        /// Interpret non-canonical values (literal licences, dates typed wrong…), with a
        /// warning each.
        #[arg(long)]
        repair: bool,
    },
}

/// How a command prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Output {
    /// Aligned columns for people.
    Text,
    /// JSON with the stable keys documented in the README.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut stdout = io::stdout().lock();
    let result = match cli.command {
        Command::Vocab { list, output } => vocab::run(list, output, &mut stdout),
        Command::Convert {
            files,
            from,
            to,
            output,
            exact,
            repair,
        } => {
            let options = convert::ConvertOptions {
                files,
                from,
                to,
                output,
                exact,
                repair,
            };
            let mut stderr = io::stderr().lock();
            match convert::run(&options, &mut io::stdin().lock(), &mut stdout, &mut stderr) {
                Ok(()) => Ok(()),
                Err(error) => {
                    let _ = convert::report(&error, &mut stderr);
                    return ExitCode::from(2);
                }
            }
        }
    };
    match result.and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`fihris vocab producers | head`) is not a failure.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(io::stderr(), "fihris: {error}");
            ExitCode::from(2)
        }
    }
}
