//! `fihris stats`: inventory statistics and producer scorecards, as text, JSON or CSV.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{DateTime, NaiveDate};
use clap::ValueEnum;
use fihris_model::{Catalog, Finding, Temporal};
use fihris_rules::{Profile, RuleSet};
use fihris_stats::{
    Assessment, CatalogStats, QualityScore, StatsBuilder, Tally, write_scorecards_csv,
};

use crate::input::InputLimit;
use crate::progress::Progress;
use crate::table::write_table;

/// How `fihris stats` prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsOutput {
    /// Headline figures, tallies and the producer scorecard, for people.
    Text,
    /// Every statistic, with the stable keys documented in the README.
    Json,
    /// The producer scorecard table.
    Csv,
}

/// Parses `--as-of` (`YYYY-MM-DD`).
///
/// # Errors
///
/// The value is not a day `YYYY-MM-DD`: the message says so.
pub fn parse_date(value: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|error| format!("{value:?} is not a date YYYY-MM-DD: {error}"))
}

/// Today (UTC), the default reference day.
pub fn today() -> NaiveDate {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    DateTime::from_timestamp(i64::try_from(seconds).unwrap_or(0), 0)
        .map(|moment| moment.date_naive())
        .unwrap_or_default()
}

/// The statistics of a catalogue, with each dataset's MQA score and findings under the
/// national profile, and a progress bar over its datasets when asked.
pub fn compute(catalog: &Catalog, as_of: NaiveDate, show_progress: bool) -> CatalogStats {
    let mut rules = RuleSet::new(Profile::Ma);
    if let Ok(day) = Temporal::parse(as_of.format("%Y-%m-%d").to_string()) {
        rules = rules.with_as_of(day);
    }
    let report = fihris_rules::check(catalog, &rules);
    let scores = report.quality().datasets().to_vec();
    let mut by_dataset: HashMap<String, Vec<Finding>> = HashMap::new();
    let mut catalog_findings = Vec::new();
    for finding in report.into_findings() {
        match finding.path().dataset() {
            Some(dataset) => by_dataset
                .entry(dataset.to_owned())
                .or_default()
                .push(finding),
            None => catalog_findings.push(finding),
        }
    }

    let mut progress = Progress::stderr("stats", catalog.datasets.len() as u64, show_progress);
    let mut builder = StatsBuilder::new(as_of);
    builder.add_findings(&catalog_findings);
    for (index, dataset) in catalog.datasets.iter().enumerate() {
        let mut assessment = Assessment::new();
        if let Some(score) = scores
            .get(index)
            .and_then(|score| QualityScore::new(score.total(), score.measured_max()))
        {
            assessment = assessment.with_score(score);
        }
        for finding in by_dataset
            .remove(&dataset.id.to_string())
            .unwrap_or_default()
        {
            assessment = assessment.with_finding(finding);
        }
        builder.add(dataset, Some(&assessment));
        if index % 1024 == 1023 {
            progress.advance(1024);
        }
    }
    progress.advance(catalog.datasets.len() as u64 % 1024);
    progress.finish();
    builder.finish()
}

/// The JSON document `fihris stats --output json` prints (keys documented in the root
/// README).
///
/// # Errors
///
/// A statistic that cannot be expressed in JSON.
pub fn stats_json(catalog: &Catalog, as_of: NaiveDate) -> serde_json::Result<serde_json::Value> {
    serde_json::to_value(compute(catalog, as_of, false))
}

/// `fihris stats`: reads the catalogue and prints its statistics in the chosen form.
///
/// # Errors
///
/// Unreadable input or an error writing to `out`.
pub fn run(
    files: &[PathBuf],
    as_of: Option<NaiveDate>,
    output: StatsOutput,
    limit: InputLimit,
    out: &mut dyn Write,
) -> io::Result<()> {
    let loaded = crate::input::load(files, output == StatsOutput::Text, limit)?;
    let catalog = loaded.catalog;
    let stats = compute(
        &catalog,
        as_of.unwrap_or_else(today),
        output != StatsOutput::Json,
    );
    match output {
        StatsOutput::Json => {
            serde_json::to_writer_pretty(&mut *out, &stats)?;
            writeln!(out)
        }
        StatsOutput::Csv => write_scorecards_csv(&stats, out).map(drop),
        StatsOutput::Text => write_text(&stats, out),
    }
}

fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "-".to_owned(), |share| format!("{:.1}%", share * 100.0))
}

fn tallies(out: &mut dyn Write, title: &str, tallies: &[Tally]) -> io::Result<()> {
    writeln!(out, "\n{title}")?;
    let rows: Vec<Vec<String>> = tallies
        .iter()
        .filter(|tally| tally.count > 0)
        .map(|tally| vec![tally.key.clone(), tally.count.to_string()])
        .collect();
    write_table(out, &["value", "count"], &rows)
}

fn write_text(stats: &CatalogStats, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "as of {}", stats.as_of)?;
    let freshness = stats.freshness;
    let headline = vec![
        vec!["datasets".to_owned(), stats.datasets.to_string()],
        vec!["distributions".to_owned(), stats.distributions.to_string()],
        vec!["producers".to_owned(), stats.producers.to_string()],
        vec![
            "open machine-readable format".to_owned(),
            format!(
                "{} of {} ({})",
                stats.open_format.count,
                stats.open_format.of,
                percent(stats.open_format.share)
            ),
        ],
        vec![
            "open licence".to_owned(),
            format!(
                "{} of {} ({})",
                stats.open_licence.count,
                stats.open_licence.of,
                percent(stats.open_licence.share)
            ),
        ],
        vec![
            "inventory coverage".to_owned(),
            percent(stats.coverage_rate),
        ],
        vec![
            "freshness".to_owned(),
            format!(
                "{} up to date, {} overdue, {} unknown frequency, {} undated",
                freshness.up_to_date,
                freshness.overdue,
                freshness.unknown_frequency,
                freshness.undated
            ),
        ],
        vec![
            "themes without datasets".to_owned(),
            stats.themes_without_datasets.join(" "),
        ],
    ];
    write_table(out, &["statistic", "value"], &headline)?;
    tallies(out, "by portal theme", &stats.by_portal_theme)?;
    tallies(out, "by EU theme", &stats.by_eu_theme)?;
    tallies(out, "by producer", &stats.by_producer)?;
    tallies(out, "by format (distributions)", &stats.by_format)?;
    tallies(out, "by licence", &stats.by_licence)?;
    tallies(out, "by frequency", &stats.by_frequency)?;
    tallies(out, "by access rights", &stats.by_access_rights)?;
    tallies(out, "by publication status", &stats.by_publication_status)?;
    tallies(out, "by kind of data", &stats.by_kind_of_data)?;
    tallies(out, "by 5-star level", &stats.by_stars)?;
    if let Some(quality) = &stats.quality {
        tallies(out, "by quality band", &quality.by_band)?;
    }
    if let Some(findings) = &stats.findings {
        tallies(out, "findings by rule", &findings.by_rule)?;
    }
    writeln!(out, "\nproducer scorecard")?;
    let rows: Vec<Vec<String>> = stats
        .scorecards
        .iter()
        .map(|card| {
            vec![
                card.rank.to_string(),
                card.key.clone(),
                card.published.to_string(),
                card.planned.to_string(),
                percent(card.open_format.share),
                percent(card.open_licence.share),
                card.mean_quality
                    .map_or_else(|| "-".to_owned(), |mean| format!("{mean:.1}")),
                card.overdue.to_string(),
                card.last_publication.clone().unwrap_or_default(),
                format!("{:.1}", card.score),
            ]
        })
        .collect();
    write_table(
        out,
        &[
            "rank",
            "producer",
            "published",
            "planned",
            "open format",
            "open licence",
            "quality",
            "overdue",
            "last publication",
            "score",
        ],
        &rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2026-02-28").unwrap(),
            NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()
        );
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("28/02/2026").is_err());
        assert!(today().format("%Y").to_string().starts_with('2'));
    }
}
