//! `fihris check`: metadata rules over catalogues, as text or JSON.

use std::io::{self, Write};
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use clap::ValueEnum;
use fihris_model::{Catalog, Finding, PathSegment, Severity, Temporal};
use fihris_rules::{CatalogQuality, Dimension, Indicator, MQA_MAX, Profile, Report, RuleSet};
use serde_json::{Value, json};

use crate::Output;
use crate::input::InputLimit;
use crate::table::write_table;

/// `--profile`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProfileArg {
    /// DCAT-AP 3.0.1 and the open-data rules.
    #[value(name = "dcat-ap")]
    DcatAp,
    /// DCAT-AP plus the national profile of Morocco's portal.
    Ma,
}

impl ProfileArg {
    /// The profile of a `--profile` name (`dcat-ap`, `ma`).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        <Self as ValueEnum>::from_str(name, false).ok()
    }
}

impl From<ProfileArg> for Profile {
    fn from(value: ProfileArg) -> Self {
        match value {
            ProfileArg::DcatAp => Self::DcatAp,
            ProfileArg::Ma => Self::Ma,
        }
    }
}

/// The arguments of `fihris check`.
#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// Catalogues to check.
    pub files: Vec<PathBuf>,
    /// Which rules apply.
    #[arg(long, value_enum, default_value_t = ProfileArg::DcatAp)]
    pub profile: ProfileArg,
    /// Reference date of the freshness rules (YYYY-MM-DD; default today, UTC).
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<Temporal>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Output::Text)]
    pub output: Output,
    /// List every rule with its id, default severity, profile and description.
    #[arg(long)]
    pub list_rules: bool,
    /// Measure the accessibility indicators of the quality score: check that every access
    /// and download URL answers (HEAD, then a ranged GET), politely and with a cache.
    #[arg(long)]
    pub check_urls: bool,
    /// The largest RDF file read.
    #[command(flatten)]
    pub limit: InputLimit,
}

/// Parses `--as-of` (`YYYY-MM-DD`).
///
/// # Errors
///
/// The value is not a day `YYYY-MM-DD`: the message says so.
pub fn parse_date(value: &str) -> Result<Temporal, String> {
    let temporal = Temporal::parse(value).map_err(|error| error.to_string())?;
    if temporal.start_date().is_some() && value.len() == 10 {
        Ok(temporal)
    } else {
        Err(format!("{value:?} is not a date (YYYY-MM-DD)"))
    }
}

/// Today (UTC) as `YYYY-MM-DD`, from the system clock.
fn today() -> Option<Temporal> {
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs() / 86_400);
    let (year, month, day) = civil_from_days(i64::try_from(days).ok()?);
    Temporal::parse(format!("{year:04}-{month:02}-{day:02}")).ok()
}

/// Proleptic Gregorian date of a day count from 1970-01-01 (H. Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

/// What `run` decided: the exit code follows from it.
pub enum Outcome {
    /// Nothing at error level.
    Clean,
    /// At least one error-level finding (exit code 1).
    Errors,
    /// Bad usage or unreadable input (exit code 2), with the message for standard error.
    Unusable(String),
}

/// `fihris check`: lists the rules, or reads the catalogue (the sample catalogue without
/// FILE) and reports its findings.
///
/// # Errors
///
/// An error writing to `out`; unreadable input is an [`Outcome::Unusable`].
pub fn run(args: &CheckArgs, out: &mut dyn Write) -> io::Result<Outcome> {
    if args.list_rules {
        list_rules(args.output, out)?;
        return Ok(Outcome::Clean);
    }
    match crate::input::load(&args.files, args.output != Output::Json, args.limit) {
        Ok(loaded) => {
            let outcome = check_catalog(&loaded.catalog, args, out)?;
            // A record a reader could not read is an error of the input, as a failed rule.
            Ok(if loaded.has_errors() {
                Outcome::Errors
            } else {
                outcome
            })
        }
        Err(error) => Ok(Outcome::Unusable(error.to_string())),
    }
}

/// The rule set `fihris check` uses for these arguments.
pub fn rule_set(args: &CheckArgs) -> RuleSet {
    rules_for(args.profile, args.as_of.clone())
}

/// The rule set of a profile, as of a day (default today, UTC).
pub fn rules_for(profile: ProfileArg, as_of: Option<Temporal>) -> RuleSet {
    let rules = RuleSet::new(profile.into());
    match as_of.or_else(today) {
        Some(as_of) => rules.with_as_of(as_of),
        None => rules,
    }
}

/// Checks one catalogue and writes the report; the outcome gives the exit code.
pub fn check_catalog(
    catalog: &Catalog,
    args: &CheckArgs,
    out: &mut dyn Write,
) -> io::Result<Outcome> {
    let rules = rule_set(args);
    let report = if args.check_urls {
        let checker = fihris_harvest::HttpUrlChecker::new(fihris_harvest::HttpClient::new());
        checker.prefetch_catalog(catalog);
        fihris_rules::check_with(catalog, &rules, &checker)
    } else {
        fihris_rules::check(catalog, &rules)
    };
    write_report(&report, &rules, args.output, out)?;
    Ok(if report.has_errors() {
        Outcome::Errors
    } else {
        Outcome::Clean
    })
}

/// `fihris check --list-rules`: every rule with its id, default severity and description.
///
/// # Errors
///
/// An error writing to `out`.
pub fn list_rules(output: Output, out: &mut dyn Write) -> io::Result<()> {
    let rules = fihris_rules::rules();
    match output {
        Output::Json => {
            let records: Vec<Value> = rules
                .iter()
                .map(|rule| {
                    json!({
                        "id": rule.id,
                        "severity": rule.default_severity.as_str(),
                        "profile": rule.profile.as_str(),
                        "description": rule.description,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &records)?;
            writeln!(out)
        }
        Output::Text => {
            let rows: Vec<Vec<String>> = rules
                .iter()
                .map(|rule| {
                    vec![
                        rule.id.to_owned(),
                        rule.default_severity.as_str().to_owned(),
                        rule.profile.as_str().to_owned(),
                        rule.description.to_owned(),
                    ]
                })
                .collect();
            write_table(out, &["id", "severity", "profile", "description"], &rows)
        }
    }
}

fn segment<'a>(finding: &'a Finding, pick: impl Fn(&'a PathSegment) -> Option<&'a str>) -> Value {
    finding
        .path()
        .segments()
        .iter()
        .find_map(pick)
        .map_or(Value::Null, |value| Value::String(value.to_owned()))
}

/// One finding as `fihris check --output json` prints it: `rule`, `severity`, `path`,
/// `dataset`, `distribution`, `field`, `message`, `hint`.
pub fn finding_json(finding: &Finding) -> Value {
    json!({
        "rule": finding.rule_id(),
        "severity": finding.severity().as_str(),
        "path": finding.path().to_string(),
        "dataset": segment(finding, |s| match s {
            PathSegment::Dataset(id) => Some(id.as_str()),
            _ => None,
        }),
        "distribution": segment(finding, |s| match s {
            PathSegment::Distribution(id) => Some(id.as_str()),
            _ => None,
        }),
        "field": finding.path().segments().iter().rev().find_map(|s| match s {
            PathSegment::Field(field) => Some(field.as_str()),
            _ => None,
        }),
        "message": finding.message(),
        "hint": finding.hint(),
    })
}

/// The JSON document `fihris check --output json` prints for a report (keys documented in
/// the root README).
pub fn report_json(report: &Report, rules: &RuleSet) -> Value {
    let quality = report.quality();
    let measured = |indicator: Indicator| measured(quality, indicator);
    let indicators: Vec<Value> = quality
        .indicator_means()
        .iter()
        .map(|(indicator, mean)| {
            json!({
                "id": indicator.id(),
                "dimension": indicator.dimension().as_str(),
                "max": indicator.weight(),
                "mean": mean,
                "measured": measured(*indicator),
            })
        })
        .collect();
    let dimensions: Vec<Value> = Dimension::ALL
        .iter()
        .map(|dimension| {
            let mean: f64 = quality
                .indicator_means()
                .iter()
                .filter(|(indicator, _)| indicator.dimension() == *dimension)
                .map(|(_, mean)| mean)
                .sum();
            json!({"id": dimension.as_str(), "max": dimension.weight(), "mean": mean})
        })
        .collect();
    json!({
        "profile": rules.profile().as_str(),
        "as_of": rules.as_of().map(Temporal::as_str),
        "summary": {
            "errors": report.count(Severity::Error),
            "warnings": report.count(Severity::Warning),
            "infos": report.count(Severity::Info),
        },
        "quality": {
            "datasets": quality.datasets().len(),
            "mqa": quality.total(),
            "mqa_max": MQA_MAX,
            "rating": quality.rating().as_str(),
            "dimensions": dimensions,
            "indicators": indicators,
        },
        "findings": report.findings().iter().map(finding_json).collect::<Vec<_>>(),
    })
}

/// Whether some dataset's score measured the indicator (the URL indicators are measured only
/// with `--check-urls`).
fn measured(quality: &CatalogQuality, indicator: Indicator) -> bool {
    !indicator.needs_network()
        || quality.datasets().iter().any(|score| {
            score
                .indicators()
                .iter()
                .any(|item| item.indicator == indicator && item.measured)
        })
}

/// Checks a catalogue under a profile, as of a day (default today, UTC): the JSON document
/// `fihris check --output json` prints.
pub fn check_json(catalog: &Catalog, profile: ProfileArg, as_of: Option<Temporal>) -> Value {
    let rules = rules_for(profile, as_of);
    report_json(&fihris_rules::check(catalog, &rules), &rules)
}

/// Writes a report as text (one finding a line, then a summary) or JSON (documented in the
/// root README).
pub fn write_report(
    report: &Report,
    rules: &RuleSet,
    output: Output,
    out: &mut dyn Write,
) -> io::Result<()> {
    match output {
        Output::Json => {
            let document = report_json(report, rules);
            serde_json::to_writer_pretty(&mut *out, &document)?;
            writeln!(out)
        }
        Output::Text => {
            let quality = report.quality();
            for finding in report.findings() {
                writeln!(out, "{finding}")?;
            }
            let unmeasured: u32 = Indicator::ALL
                .iter()
                .filter(|indicator| !measured(quality, **indicator))
                .map(|indicator| indicator.weight())
                .sum();
            let not_measured = if unmeasured > 0 {
                format!(", URL indicators ({unmeasured} points) not measured (--check-urls)")
            } else {
                String::new()
            };
            writeln!(
                out,
                "{} error(s), {} warning(s), {} info(s); MQA {:.1}/{MQA_MAX} ({}) over {} dataset(s){not_measured}",
                report.count(Severity::Error),
                report.count(Severity::Warning),
                report.count(Severity::Info),
                quality.total(),
                quality.rating(),
                quality.datasets().len(),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use fihris_model::{Dataset, Distribution, Iri, NodeId, Text};
    use fihris_vocab::FileType;

    use super::*;

    fn args(output: Output) -> CheckArgs {
        CheckArgs {
            files: Vec::new(),
            profile: ProfileArg::Ma,
            as_of: Some(parse_date("2026-11-30").unwrap()),
            output,
            list_rules: false,
            check_urls: false,
            limit: InputLimit::default(),
        }
    }

    fn catalog() -> Catalog {
        let url = Iri::new("https://data.gov.ma/d/1/budget.xlsx").unwrap();
        let mut distribution = Distribution::new(NodeId::Iri(url.clone()), url);
        distribution.format = Some(FileType::Xlsx.into());
        let mut dataset = Dataset::new(
            NodeId::Iri(Iri::new("https://data.gov.ma/d/1").unwrap()),
            Text::new().with("fr", "Budget").unwrap(),
        )
        .unwrap();
        dataset.distributions.push(distribution);
        let mut catalog = Catalog::new(
            NodeId::Iri(Iri::new("https://data.gov.ma/catalog").unwrap()),
            Text::untagged("Portail"),
        )
        .unwrap();
        catalog.datasets.push(dataset);
        catalog
    }

    #[test]
    fn json_report_has_the_documented_keys() {
        let mut out = Vec::new();
        let outcome = check_catalog(&catalog(), &args(Output::Json), &mut out).unwrap();
        assert!(matches!(outcome, Outcome::Errors));
        let value: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["profile"], "ma");
        assert_eq!(value["as_of"], "2026-11-30");
        assert!(value["summary"]["errors"].as_u64().unwrap() > 0);
        assert_eq!(value["quality"]["mqa_max"], 405);
        assert_eq!(value["quality"]["datasets"], 1);
        assert_eq!(value["quality"]["indicators"].as_array().unwrap().len(), 23);
        assert_eq!(value["quality"]["dimensions"].as_array().unwrap().len(), 5);
        let findings = value["findings"].as_array().unwrap();
        let open = findings
            .iter()
            .find(|f| f["rule"] == "format.non-proprietary")
            .unwrap();
        assert_eq!(open["severity"], "error");
        assert_eq!(open["dataset"], "https://data.gov.ma/d/1");
        assert_eq!(open["distribution"], Value::Null);
        assert!(open["hint"].as_str().unwrap().contains("CSV"));
        let licence = findings
            .iter()
            .find(|f| f["rule"] == "licence.missing")
            .unwrap();
        assert_eq!(
            licence["distribution"],
            "https://data.gov.ma/d/1/budget.xlsx"
        );
        assert_eq!(licence["field"], "dct:license");
        for finding in findings {
            for key in [
                "rule",
                "severity",
                "path",
                "dataset",
                "distribution",
                "field",
                "message",
                "hint",
            ] {
                assert!(finding.get(key).is_some(), "{key} missing in {finding}");
            }
        }
    }

    #[test]
    fn text_report_ends_with_a_summary() {
        let mut out = Vec::new();
        check_catalog(&catalog(), &args(Output::Text), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(
            "error[format.non-proprietary] dataset https://data.gov.ma/d/1: no distribution in an open"
        ));
        let last = text.lines().last().unwrap();
        assert!(last.contains("error(s)") && last.contains("MQA"), "{last}");
    }

    #[test]
    fn clean_catalogue_exits_zero() {
        let mut out = Vec::new();
        let empty = Catalog::new(
            NodeId::Iri(Iri::new("https://data.gov.ma/catalog").unwrap()),
            Text::untagged("Portail"),
        )
        .unwrap();
        let mut dcat = args(Output::Text);
        dcat.profile = ProfileArg::DcatAp;
        let rules = rule_set(&dcat).with_disabled("dcatap.mandatory").unwrap();
        let report = fihris_rules::check(&empty, &rules);
        assert!(!report.has_errors());
        write_report(&report, &rules, Output::Text, &mut out).unwrap();
    }

    #[test]
    fn dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_787), (2026, 11, 30));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert!(parse_date("2026-11-30").is_ok());
        assert!(parse_date("2026-11").is_err());
        assert!(parse_date("30/11/2026").is_err());
        assert_eq!(today().unwrap().as_str().len(), 10);
    }
}
