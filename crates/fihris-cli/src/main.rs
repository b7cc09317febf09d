//! The `fihris` command line. Each subcommand lives in its own module; this file only parses
//! arguments and maps outcomes to exit codes (0 success, 1 error-level findings, 2 bad usage
//! or unreadable input).

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod scan;
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
    /// Find personal data and re-identification risk in a CSV resource before publication;
    /// exits with 1 when the verdict is not "publishable".
    Scan(scan::ScanArgs),
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
        Command::Scan(args) => return scan::main(&args, &mut stdout),
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
