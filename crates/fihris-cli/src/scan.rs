//! `fihris scan`: personal data and re-identification risk in a CSV resource.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use fihris_privacy::{
    ColumnReport, Detection, RiskReport, ScanErrorCategory, ScanOptions, ScanReport, SmallCells,
    Verdict, scan_path,
};
use serde_json::{Value, json};

use crate::Output;

/// The arguments of `fihris scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// The CSV resource (any of , ; tab | as delimiter; UTF-8, or UTF-16 with a BOM).
    file: PathBuf,
    /// Quasi-identifier columns, comma-separated (default: suggested from the headers,
    /// such as age, sexe, commune, date).
    #[arg(long, value_delimiter = ',', value_name = "COL,...")]
    quasi: Option<Vec<String>>,
    /// The sensitive column whose l-diversity is measured.
    #[arg(long, value_name = "COL")]
    sensitive: Option<String>,
    /// The k of k-anonymity: classes smaller than k are at risk.
    #[arg(short = 'k', default_value_t = 5, value_name = "N")]
    k: u64,
    /// The l of l-diversity.
    #[arg(short = 'l', default_value_t = 2, value_name = "N")]
    l: u64,
    /// Threshold rule of aggregate tables: counts from 1 to N-1 are small cells.
    #[arg(long, default_value_t = 3, value_name = "N")]
    min_count: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Output::Text)]
    output: Output,
}

/// Runs the scan and maps its outcome to an exit code: 0 publishable, 1 not publishable,
/// 2 unreadable input or a column the file lacks.
pub fn main(args: &ScanArgs, out: &mut dyn Write) -> ExitCode {
    let options = scan_options(
        args.quasi.as_deref(),
        args.sensitive.as_deref(),
        args.k,
        args.l,
        args.min_count,
    );
    let report = match scan_path(&args.file, &options) {
        Ok(report) => report,
        Err(error) => {
            let _ = writeln!(io::stderr(), "fihris: {error}");
            if error.category() == ScanErrorCategory::Usage {
                let _ = writeln!(
                    io::stderr(),
                    "fihris: --quasi and --sensitive take header names of the file"
                );
            }
            return ExitCode::from(2);
        }
    };
    let written = match args.output {
        Output::Json => write_json(&report, out),
        Output::Text => write_text(&report, out),
    };
    let verdict_code = if report.verdict == Verdict::Publishable {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => verdict_code,
        // A closed pipe (`fihris scan … | head`) is not a failure of the scan.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => verdict_code,
        Err(error) => {
            let _ = writeln!(io::stderr(), "fihris: {error}");
            ExitCode::from(2)
        }
    }
}

/// The scan options of `fihris scan`: quasi-identifier columns (default: suggested from
/// the headers), the sensitive column, k, l and the small-cell threshold (`--min-count`).
pub fn scan_options(
    quasi: Option<&[String]>,
    sensitive: Option<&str>,
    k: u64,
    l: u64,
    min_count: u64,
) -> ScanOptions {
    let mut options = ScanOptions::new()
        .with_k(k)
        .with_l(l)
        .with_min_cell_count(min_count);
    if let Some(quasi) = quasi {
        options = options.with_quasi_identifiers(quasi.iter().map(|c| c.trim().to_owned()));
    }
    if let Some(sensitive) = sensitive {
        options = options.with_sensitive(sensitive);
    }
    options
}

fn decided_by(report: &ScanReport) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for finding in report.deciding_findings() {
        if !ids.iter().any(|id| id == finding.rule_id()) {
            ids.push(finding.rule_id().to_owned());
        }
    }
    ids
}

fn delimiter_name(delimiter: u8) -> String {
    match delimiter {
        b'\t' => "\t".to_owned(),
        other => char::from(other).to_string(),
    }
}

fn write_json(report: &ScanReport, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &report_json(report))?;
    writeln!(out)
}

/// The JSON document `fihris scan --output json` prints (keys documented in the root
/// README): personal values appear only masked.
pub fn report_json(report: &ScanReport) -> Value {
    let summary = report.personal_data_summary();
    json!({
        "file": report.source_name,
        "encoding": report.encoding.as_str(),
        "delimiter": delimiter_name(report.delimiter),
        "records": report.records,
        "ragged_records": report.ragged_records,
        "aggregate": report.aggregate,
        "verdict": report.verdict.as_str(),
        "decided_by": decided_by(report),
        "personal_data": {
            "shows_personal_data": summary.shows_personal_data,
            "direct_identifiers": summary.direct_identifiers,
            "rule_ids": summary.rule_ids,
        },
        "columns": report.columns.iter().map(column_json).collect::<Vec<_>>(),
        "risk": report.risk.as_ref().map(risk_json),
        "small_cells": report.small_cells.iter().map(small_cells_json).collect::<Vec<_>>(),
        "findings": report.findings,
    })
}

fn column_json(column: &ColumnReport) -> Value {
    json!({
        "name": column.name,
        "position": column.position,
        "non_empty": column.non_empty,
        "count_column": column.count_column,
        "quasi_identifier": column.quasi_identifier,
        "detections": column.detections.iter().map(detection_json).collect::<Vec<_>>(),
    })
}

fn detection_json(detection: &Detection) -> Value {
    json!({
        "rule_id": detection.kind.rule_id(),
        "kind": detection.kind.code(),
        "severity": detection.severity.as_str(),
        "matches": detection.matches,
        "share": detection.share,
        "confidence": detection.confidence,
        "header_hint": detection.header_hint,
        "evidence": detection.evidence,
    })
}

fn risk_json(risk: &RiskReport) -> Value {
    json!({
        "quasi_identifiers": risk.quasi_identifiers,
        "suggested": risk.suggested,
        "k": risk.k,
        "records": risk.records,
        "classes": risk.classes,
        "min_class_size": risk.min_class_size,
        "classes_below_k": risk.classes_below_k,
        "records_below_k": risk.records_below_k,
        "share_below_k": risk.share_below_k,
        "prosecutor_risk": risk.prosecutor_risk,
        "average_risk": risk.average_risk,
        "sensitive": risk.sensitive,
        "l": risk.l,
        "l_diversity": risk.l_diversity,
        "classes_below_l": risk.classes_below_l,
    })
}

fn small_cells_json(cells: &SmallCells) -> Value {
    json!({
        "column": cells.column,
        "threshold": cells.threshold,
        "cells": cells.cells,
        "lines": cells.lines,
    })
}

fn write_text(report: &ScanReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{}: {} records, {} columns ({}, delimiter {:?}{})",
        report.source_name.as_deref().unwrap_or("-"),
        report.records,
        report.columns.len(),
        report.encoding,
        char::from(report.delimiter),
        if report.aggregate {
            ", aggregate table"
        } else {
            ""
        },
    )?;
    for finding in &report.findings {
        writeln!(out, "  {finding}")?;
    }
    if let Some(risk) = &report.risk {
        writeln!(
            out,
            "  k-anonymity on {} ({}): {} classes, smallest {}, {} records below k = {} ({:.1} %), prosecutor risk {:.1} %",
            risk.quasi_identifiers.join(", "),
            if risk.suggested { "suggested" } else { "given" },
            risk.classes,
            risk.min_class_size,
            risk.records_below_k,
            risk.k,
            risk.share_below_k * 100.0,
            risk.prosecutor_risk * 100.0,
        )?;
        if let (Some(sensitive), Some(l)) = (&risk.sensitive, risk.l_diversity) {
            writeln!(out, "  l-diversity of {sensitive}: {l}")?;
        }
    }
    let decided = decided_by(report);
    if decided.is_empty() {
        writeln!(out, "verdict: {}", report.verdict)
    } else {
        writeln!(
            out,
            "verdict: {} (decided by {})",
            report.verdict,
            decided.join(", ")
        )
    }
}
