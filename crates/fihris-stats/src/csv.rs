//! The by-producer table as CSV (RFC 4180).

use std::io::{self, Write};

use crate::output::{CatalogStats, Scorecard};

/// The header of [`write_scorecards_csv`], in column order.
pub const SCORECARD_CSV_HEADER: &[&str] = &[
    "rank",
    "key",
    "code",
    "name",
    "name_ar",
    "datasets",
    "published",
    "planned",
    "restricted",
    "open_format_share",
    "open_licence_share",
    "mean_quality",
    "up_to_date",
    "overdue",
    "last_publication",
    "personal_none",
    "personal_anonymised",
    "personal_present",
    "personal_undeclared",
    "coverage",
    "freshness",
    "score",
];

/// Writes one row per producer scorecard, best rank first, under
/// [`SCORECARD_CSV_HEADER`]; empty cells for values that are not measurable. Returns the
/// writer.
///
/// # Errors
///
/// The writer's I/O error.
///
/// ```
/// use chrono::NaiveDate;
/// use fihris_model::{Catalog, Iri, NodeId, Text};
/// use fihris_stats::{CatalogStats, write_scorecards_csv};
///
/// let catalog = Catalog::new(NodeId::Iri(Iri::new("https://x.ma/c")?), Text::untagged("c"))?;
/// let stats = CatalogStats::compute(&catalog, NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?);
/// let csv = String::from_utf8(write_scorecards_csv(&stats, Vec::new())?)?;
/// assert!(csv.starts_with("rank,key,code,name,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_scorecards_csv<W: Write>(stats: &CatalogStats, mut out: W) -> io::Result<W> {
    write_row(
        &mut out,
        SCORECARD_CSV_HEADER.iter().map(|cell| (*cell).to_owned()),
    )?;
    for card in &stats.scorecards {
        write_row(&mut out, row(card))?;
    }
    Ok(out)
}

fn number(value: Option<f64>) -> String {
    value.map(|value| value.to_string()).unwrap_or_default()
}

fn row(card: &Scorecard) -> impl Iterator<Item = String> {
    [
        card.rank.to_string(),
        card.key.clone(),
        card.code.clone().unwrap_or_default(),
        card.name.clone(),
        card.name_ar.clone().unwrap_or_default(),
        card.datasets.to_string(),
        card.published.to_string(),
        card.planned.to_string(),
        card.restricted.to_string(),
        number(card.open_format.share),
        number(card.open_licence.share),
        number(card.mean_quality),
        card.up_to_date.to_string(),
        card.overdue.to_string(),
        card.last_publication.clone().unwrap_or_default(),
        card.personal_data.none.to_string(),
        card.personal_data.anonymised.to_string(),
        card.personal_data.present.to_string(),
        card.personal_data.undeclared.to_string(),
        number(card.criteria.coverage),
        number(card.criteria.freshness),
        card.score.to_string(),
    ]
    .into_iter()
}

fn write_row(out: &mut impl Write, cells: impl Iterator<Item = String>) -> io::Result<()> {
    let mut line = String::new();
    for (index, cell) in cells.enumerate() {
        if index > 0 {
            line.push(',');
        }
        if cell.contains([',', '"', '\n', '\r']) {
            line.push('"');
            line.push_str(&cell.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(&cell);
        }
    }
    line.push_str("\r\n");
    out.write_all(line.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        let mut out = Vec::new();
        write_row(
            &mut out,
            ["a".to_owned(), "b,c".to_owned(), "say \"hi\"".to_owned()].into_iter(),
        )
        .unwrap();
        assert_eq!(out, b"a,\"b,c\",\"say \"\"hi\"\"\"\r\n");
    }
}
