//! The `fihris` command line. Each subcommand lives in its own module; this file only parses
//! arguments and maps outcomes to exit codes (0 success, 1 error-level findings, 2 bad usage
//! or unreadable input).

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod check;
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
    /// Check catalogues: open formats and licences, MQA quality score, DCAT-AP 3.0.1 and
    /// national-profile conformance, freshness. Exits with 1 on error-level findings.
    Check(check::CheckArgs),
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
        Command::Vocab { list, output } => {
            vocab::run(list, output, &mut stdout).map(|()| check::Outcome::Clean)
        }
        Command::Check(args) => check::run(&args, &mut stdout),
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
