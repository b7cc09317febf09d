//! `fihris report`: one self-contained HTML file (inline CSS, SVG charts and a little
//! script; no network, no external font) for the steering committee, in French, Arabic
//! (right to left) or English. Same input, same bytes.

mod charts;
mod html;
mod i18n;

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{Datelike, Months, NaiveDate};
use fihris_model::Catalog;
use fihris_model::inventory::PublicationStatus;
use fihris_stats::{CatalogStats, Scorecard, Tally};
use fihris_vocab::{EuTheme, FileType, PortalTheme, Vocabulary};

use charts::{Bar, Part, bars, columns, stacked};
use html::escape;
pub use i18n::Lang;

use crate::input::InputLimit;

const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("sort.js");

/// `fihris report`: reads the catalogue, computes its statistics and writes the HTML report
/// to `output` (standard output when absent or `-`).
///
/// # Errors
///
/// Unreadable input or an error writing the report.
pub fn run(
    files: &[PathBuf],
    output: Option<&Path>,
    lang: Lang,
    as_of: Option<NaiveDate>,
    limit: InputLimit,
    stdout: &mut dyn Write,
) -> io::Result<()> {
    let catalog = crate::input::load(files, true, limit)?.catalog;
    let stats = crate::stats::compute(&catalog, as_of.unwrap_or_else(crate::stats::today), true);
    let title = catalog
        .title
        .best(&[lang.code(), "fr", "en"])
        .unwrap_or_default();
    let page = render(&stats, &catalog, title, lang);
    match output {
        Some(path) if path != Path::new("-") => fs::write(path, page)
            .map_err(|error| io::Error::new(error.kind(), format!("{}: {error}", path.display()))),
        _ => stdout.write_all(page.as_bytes()),
    }
}

/// The label of a vocabulary key, the key itself when unknown (an IRI: its last segment).
fn vocab_label<T: Vocabulary>(key: &str, lang: Lang) -> String {
    if key == "unspecified" {
        return lang.t("unspecified").to_owned();
    }
    match T::from_code(key) {
        Some(term) => term.label(lang.vocab()).to_owned(),
        None => key
            .trim_end_matches('/')
            .rsplit(['/', '#'])
            .next()
            .unwrap_or(key)
            .to_owned(),
    }
}

fn producer_name(card: &Scorecard, lang: Lang) -> &str {
    match (&card.name_ar, lang) {
        (Some(name_ar), Lang::Ar) => name_ar,
        _ => &card.name,
    }
}

/// The page.
#[expect(clippy::too_many_lines, reason = "the page, section after section")]
pub fn render(
    stats: &CatalogStats,
    catalog: &Catalog,
    catalogue_title: &str,
    lang: Lang,
) -> String {
    let mut page = String::with_capacity(64 * 1024);
    let dir = if lang.rtl() { "rtl" } else { "ltr" };
    let _ = write!(
        page,
        r#"<!DOCTYPE html>
<html lang="{lang}" dir="{dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="fihris {version}">
<title>{title} — {catalogue}</title>
<style>
{STYLE}</style>
</head>
<body>
<header class="top"><h1>{title}</h1><p>{catalogue} · {as_of_label} <bdi dir="ltr">{as_of}</bdi></p></header>
<main>
"#,
        lang = lang.code(),
        version = env!("CARGO_PKG_VERSION"),
        title = escape(lang.t("title")),
        catalogue = escape(catalogue_title),
        as_of_label = escape(lang.t("as_of")),
        as_of = escape(&stats.as_of),
    );

    // Headline figures.
    let fresh = stats.freshness;
    let assessable = fresh.up_to_date + fresh.overdue;
    let fresh_share = (assessable > 0).then(|| round(fresh.up_to_date, assessable));
    // Notes are HTML: ratios are isolated left to right so that Arabic pages keep "11 / 18".
    let ratio = |count: u64, of: u64| format!("<bdi dir=\"ltr\">{count} / {of}</bdi>");
    let with_distribution = escape(lang.t("of_datasets_with_distribution"));
    let kpis: [(String, &str, String); 7] = [
        (lang.integer(stats.datasets), "datasets", String::new()),
        (
            lang.integer(stats.distributions),
            "distributions",
            String::new(),
        ),
        (lang.integer(stats.producers), "producers", String::new()),
        (
            lang.percent(stats.open_format.share),
            "open_format",
            format!(
                "{} {with_distribution}",
                ratio(stats.open_format.count, stats.open_format.of)
            ),
        ),
        (
            lang.percent(stats.open_licence.share),
            "open_licence",
            format!(
                "{} {with_distribution}",
                ratio(stats.open_licence.count, stats.open_licence.of)
            ),
        ),
        (
            lang.percent(stats.coverage_rate),
            "coverage",
            escape(lang.t("coverage_note")),
        ),
        (
            lang.percent(fresh_share),
            "up_to_date",
            ratio(fresh.up_to_date, assessable),
        ),
    ];
    page.push_str("<section class=\"kpis\">\n");
    for (figure, name, note) in &kpis {
        let _ = writeln!(
            page,
            r#"<div class="kpi"><div class="figure"><bdi>{}</bdi></div><div class="name">{}</div><div class="note">{note}</div></div>"#,
            escape(figure),
            escape(lang.t(name)),
        );
    }
    page.push_str("</section>\n<div class=\"grid\">\n");

    // Themes.
    let mut themes: Vec<&Tally> = stats
        .by_portal_theme
        .iter()
        .filter(|t| t.count > 0)
        .collect();
    themes.sort_by_key(|t| std::cmp::Reverse(t.count));
    let theme_bars: Vec<Bar> = themes
        .iter()
        .map(|t| {
            let label = vocab_label::<PortalTheme>(&t.key, lang);
            Bar {
                tooltip: format!("{label}: {}", t.count),
                label,
                value: t.count,
                shown: lang.integer(t.count),
            }
        })
        .collect();
    section_open(&mut page, lang.t("by_theme"), "by-theme", "");
    page.push_str(&bars(&theme_bars, lang.t("by_theme"), lang.rtl(), ""));
    let _ = write!(page, "<h3>{}</h3>", escape(lang.t("themes_without")));
    if stats.themes_without_datasets.is_empty() {
        let _ = write!(
            page,
            "<p class=\"muted\">{}</p>",
            escape(lang.t("none_left"))
        );
    } else {
        page.push_str("<ul class=\"tags\">");
        for slug in &stats.themes_without_datasets {
            let _ = write!(
                page,
                "<li>{}</li>",
                escape(&vocab_label::<PortalTheme>(slug, lang))
            );
        }
        page.push_str("</ul>");
    }
    page.push_str("</section>\n");

    // Producers.
    let names = |key: &str| -> String {
        stats
            .scorecards
            .iter()
            .find(|card| card.key == key)
            .map_or_else(
                || vocab_label::<PortalTheme>(key, lang),
                |card| producer_name(card, lang).to_owned(),
            )
    };
    let producer_bars: Vec<Bar> = stats
        .by_producer
        .iter()
        .take(15)
        .map(|t| Bar {
            label: if t.key == "unspecified" {
                lang.t("unspecified").to_owned()
            } else {
                t.key.clone()
            },
            value: t.count,
            shown: lang.integer(t.count),
            tooltip: format!("{}: {}", names(&t.key), t.count),
        })
        .collect();
    section_open(&mut page, lang.t("by_producer"), "by-producer", "");
    page.push_str(&bars(
        &producer_bars,
        lang.t("by_producer"),
        lang.rtl(),
        "alt",
    ));
    page.push_str("</section>\n");

    // Formats and stars.
    let format_bars: Vec<Bar> = stats
        .by_format
        .iter()
        .take(12)
        .map(|t| {
            let label = vocab_label::<FileType>(&t.key, lang);
            Bar {
                tooltip: format!("{label}: {}", t.count),
                label,
                value: t.count,
                shown: lang.integer(t.count),
            }
        })
        .collect();
    section_open(&mut page, lang.t("format_mix"), "formats", "");
    page.push_str(&bars(
        &format_bars,
        lang.t("format_mix"),
        lang.rtl(),
        "warm",
    ));
    let star_bars: Vec<Bar> = stats
        .by_stars
        .iter()
        .map(|t| {
            let label = if t.key == "0" {
                lang.t("star_0").to_owned()
            } else {
                format!("{} {}", t.key, "★".repeat(t.key.parse().unwrap_or(0)))
            };
            Bar {
                tooltip: format!("{label}: {}", t.count),
                label,
                value: t.count,
                shown: lang.integer(t.count),
            }
        })
        .collect();
    let _ = write!(page, "<h3>{}</h3>", escape(lang.t("stars")));
    page.push_str(&bars(&star_bars, lang.t("stars"), lang.rtl(), ""));
    page.push_str("</section>\n");

    // Openness, freshness, status.
    let count = |value: u64| lang.integer(value);
    section_open(&mut page, lang.t("openness"), "openness", "");
    for (title, share) in [
        ("open_format", &stats.open_format),
        ("open_licence", &stats.open_licence),
    ] {
        let _ = write!(page, "<h3>{}</h3>", escape(lang.t(title)));
        let parts = [
            Part {
                label: lang.t("yes").to_owned(),
                value: share.count,
                class: "ok",
            },
            Part {
                label: lang.t("no").to_owned(),
                value: share.of - share.count,
                class: "bad",
            },
        ];
        page.push_str(&stacked(&parts, lang.t(title), lang.rtl(), count));
    }
    let _ = write!(page, "<h3>{}</h3>", escape(lang.t("freshness")));
    let parts = [
        Part {
            label: lang.t("up_to_date").to_owned(),
            value: fresh.up_to_date,
            class: "ok",
        },
        Part {
            label: lang.t("overdue").to_owned(),
            value: fresh.overdue,
            class: "bad",
        },
        Part {
            label: lang.t("unknown_frequency").to_owned(),
            value: fresh.unknown_frequency,
            class: "neutral",
        },
        Part {
            label: lang.t("undated").to_owned(),
            value: fresh.undated,
            class: "warn",
        },
    ];
    page.push_str(&stacked(&parts, lang.t("freshness"), lang.rtl(), count));
    let _ = write!(page, "<h3>{}</h3>", escape(lang.t("status")));
    let parts: Vec<Part> = stats
        .by_publication_status
        .iter()
        .map(|t| Part {
            label: vocab_label::<PublicationStatus>(&t.key, lang),
            value: t.count,
            class: match t.key.as_str() {
                "published" => "ok",
                "planned" => "info",
                "restricted" => "bad",
                _ => "neutral",
            },
        })
        .collect();
    page.push_str(&stacked(&parts, lang.t("status"), lang.rtl(), count));
    page.push_str("</section>\n");

    // Publications per month and EU themes.
    section_open(&mut page, lang.t("per_month"), "per-month", "");
    let months = last_months(stats, 24);
    page.push_str(&columns(&months, lang.t("per_month"), lang.rtl(), 3));
    page.push_str("</section>\n");
    let eu_bars: Vec<Bar> = stats
        .by_eu_theme
        .iter()
        .filter(|t| t.count > 0)
        .map(|t| {
            let label = vocab_label::<EuTheme>(&t.key, lang);
            Bar {
                tooltip: format!("{label}: {}", t.count),
                label,
                value: t.count,
                shown: lang.integer(t.count),
            }
        })
        .collect();
    section_open(&mut page, lang.t("by_eu_theme"), "by-eu-theme", "");
    page.push_str(&bars(&eu_bars, lang.t("by_eu_theme"), lang.rtl(), "alt"));
    page.push_str("</section>\n");

    // Quality.
    section_open(&mut page, lang.t("quality"), "quality", "wide");
    match &stats.quality {
        Some(quality) => {
            let _ = write!(
                page,
                "<p class=\"muted\">{}: <b>{}</b> / 100 ({} {})</p>",
                escape(lang.t("mean_score")),
                quality
                    .mean
                    .map_or_else(|| "—".to_owned(), |mean| lang.decimal(mean)),
                quality.scored,
                escape(lang.t("datasets")).to_lowercase(),
            );
            let parts: Vec<Part> = quality
                .by_band
                .iter()
                .map(|t| Part {
                    label: lang.t(&t.key).to_owned(),
                    value: t.count,
                    class: match t.key.as_str() {
                        "excellent" => "ok",
                        "good" => "info",
                        "sufficient" => "warn",
                        _ => "bad",
                    },
                })
                .collect();
            page.push_str(&stacked(&parts, lang.t("quality"), lang.rtl(), count));
        }
        None => {
            let _ = write!(
                page,
                "<p class=\"muted\">{}</p>",
                escape(lang.t("quality_missing"))
            );
        }
    }
    page.push_str("</section>\n</div>\n");

    scorecard_table(&mut page, stats, lang);
    findings_table(&mut page, stats, catalog, lang);

    let _ = write!(
        page,
        "</main>\n<footer>{} {} · {} <bdi dir=\"ltr\">{}</bdi></footer>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n",
        escape(lang.t("generated")),
        env!("CARGO_PKG_VERSION"),
        escape(lang.t("as_of")),
        escape(&stats.as_of),
    );
    page
}

fn section_open(page: &mut String, title: &str, id: &str, class: &str) {
    let _ = write!(
        page,
        "<section class=\"card {class}\" id=\"{id}\"><h2>{}</h2>",
        escape(title)
    );
}

#[expect(
    clippy::cast_precision_loss,
    reason = "counts stay far below 2^52 datasets"
)]
fn round(count: u64, of: u64) -> f64 {
    count as f64 / of as f64
}

/// The `count` months up to the month of the statistics, with their publications.
fn last_months(stats: &CatalogStats, count: u32) -> Vec<(String, u64)> {
    let Ok(as_of) = NaiveDate::parse_from_str(&stats.as_of, "%Y-%m-%d") else {
        return Vec::new();
    };
    let first_of_month = as_of.with_day(1).unwrap_or(as_of);
    (0..count)
        .rev()
        .filter_map(|back| first_of_month.checked_sub_months(Months::new(back)))
        .map(|month| {
            let key = month.format("%Y-%m").to_string();
            let value = stats
                .publications_per_month
                .iter()
                .find(|m| m.month == key)
                .map_or(0, |m| m.count);
            (key, value)
        })
        .collect()
}

fn scorecard_table(page: &mut String, stats: &CatalogStats, lang: Lang) {
    section_open(page, lang.t("scorecard"), "scorecard", "");
    let _ = write!(
        page,
        "<p class=\"muted\">{} {}</p>",
        escape(lang.t("sort_hint")),
        escape(lang.t("ranking_formula"))
    );
    page.push_str("<div style=\"overflow-x:auto\"><table class=\"sortable\"><thead><tr>");
    let headers = [
        ("rank", true),
        ("producer", false),
        ("published", true),
        ("planned", true),
        ("open_format_col", true),
        ("open_licence_col", true),
        ("quality_col", true),
        ("overdue", true),
        ("last_publication", false),
        ("personal_data", true),
        ("score", true),
    ];
    for (key, numeric) in headers {
        let title = if key == "personal_data" {
            format!(" title=\"{}\"", escape(lang.t("personal_note")))
        } else {
            String::new()
        };
        let _ = write!(
            page,
            "<th{}{title}><button type=\"button\">{}</button></th>",
            if numeric { " class=\"num\"" } else { "" },
            escape(lang.t(key))
        );
    }
    page.push_str("</tr></thead><tbody>\n");
    let number = |value: Option<f64>| value.map_or_else(|| "-1".to_owned(), |v| v.to_string());
    for card in &stats.scorecards {
        let personal = card.personal_data;
        let _ = writeln!(
            page,
            "<tr><td class=\"num\" data-sort=\"{rank}\">{rank}</td>\
             <td class=\"producer\" data-sort=\"{key}\"><b>{key}</b><br><span class=\"muted\">{name}</span></td>\
             <td class=\"num\" data-sort=\"{published}\">{published}</td>\
             <td class=\"num\" data-sort=\"{planned}\">{planned}</td>\
             <td class=\"num\" data-sort=\"{format_sort}\">{format}</td>\
             <td class=\"num\" data-sort=\"{licence_sort}\">{licence}</td>\
             <td class=\"num\" data-sort=\"{quality_sort}\">{quality}</td>\
             <td class=\"num\" data-sort=\"{overdue}\">{overdue}</td>\
             <td class=\"date\" data-sort=\"{last}\">{last}</td>\
             <td class=\"num\" data-sort=\"{personal_sort}\">{present} / {anonymised} / {undeclared}</td>\
             <td class=\"num\" data-sort=\"{score}\"><span class=\"scorebar\"><span style=\"width:{width}%\"></span></span>{score_shown}</td></tr>",
            rank = card.rank,
            key = escape(&card.key),
            name = escape(producer_name(card, lang)),
            published = card.published,
            planned = card.planned,
            format_sort = number(card.open_format.share),
            format = escape(&lang.percent(card.open_format.share)),
            licence_sort = number(card.open_licence.share),
            licence = escape(&lang.percent(card.open_licence.share)),
            quality_sort = number(card.mean_quality),
            quality = card
                .mean_quality
                .map_or_else(|| "—".to_owned(), |mean| lang.decimal(mean)),
            overdue = card.overdue,
            last = escape(card.last_publication.as_deref().unwrap_or("—")),
            personal_sort = personal.present,
            present = personal.present,
            anonymised = personal.anonymised,
            undeclared = personal.undeclared,
            score = card.score,
            width = card.score.round(),
            score_shown = lang.decimal(card.score),
        );
    }
    page.push_str("</tbody></table></div></section>\n");
}

fn findings_table(page: &mut String, stats: &CatalogStats, catalog: &Catalog, lang: Lang) {
    section_open(page, lang.t("findings"), "findings", "");
    let Some(findings) = &stats.findings else {
        let _ = writeln!(
            page,
            "<p class=\"muted\">{}</p></section>",
            escape(lang.t("findings_missing"))
        );
        return;
    };
    if findings.worst.is_empty() {
        let _ = writeln!(
            page,
            "<p class=\"muted\">{}</p></section>",
            escape(lang.t("findings_none"))
        );
        return;
    }
    let parts: Vec<Part> = findings
        .by_severity
        .iter()
        .map(|t| Part {
            label: lang.t(&t.key).to_owned(),
            value: t.count,
            class: match t.key.as_str() {
                "error" => "bad",
                "warning" => "warn",
                _ => "info",
            },
        })
        .collect();
    let _ = write!(
        page,
        "<p class=\"muted\">{} {}</p>",
        lang.integer(findings.total),
        escape(lang.t("findings_total"))
    );
    page.push_str(&stacked(&parts, lang.t("findings"), lang.rtl(), |v| {
        lang.integer(v)
    }));
    let _ = writeln!(
        page,
        "<div style=\"overflow-x:auto\"><table class=\"sortable\"><thead><tr><th><button type=\"button\">{}</button></th><th><button type=\"button\">{}</button></th><th><button type=\"button\">{}</button></th><th>{}</th></tr></thead><tbody>",
        escape(lang.t("severity")),
        escape(lang.t("rule")),
        escape(lang.t("where")),
        escape(lang.t("message")),
    );
    for finding in findings.worst.iter().take(25) {
        let rank = match finding.severity.as_str() {
            "error" => 0,
            "warning" => 1,
            _ => 2,
        };
        let hint = finding
            .hint
            .as_deref()
            .map(|hint| format!("<br><span class=\"muted\">{}</span>", escape(hint)))
            .unwrap_or_default();
        // The dataset's title, when the finding names a dataset of the catalogue.
        let title = finding
            .dataset
            .as_deref()
            .and_then(|id| catalog.datasets.iter().find(|d| d.id.to_string() == id))
            .and_then(|dataset| dataset.title.best(&[lang.code(), "fr", "en"]))
            .map(|title| format!("<b>{}</b><br>", escape(title)))
            .unwrap_or_default();
        let _ = writeln!(
            page,
            "<tr><td data-sort=\"{rank}\"><span class=\"sev {severity}\">{label}</span></td><td><code>{rule}</code></td><td data-sort=\"{path}\">{title}<span class=\"where\">{path}</span></td><td>{message}{hint}</td></tr>",
            severity = escape(&finding.severity),
            label = escape(lang.t(&finding.severity)),
            rule = escape(&finding.rule_id),
            path = escape(finding.dataset.as_deref().unwrap_or(&finding.path)),
            message = escape(&finding.message),
        );
    }
    page.push_str("</tbody></table></div></section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        fihris_ckan::sample_catalogue()
    }

    fn stats() -> CatalogStats {
        crate::stats::compute(
            &catalog(),
            NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            false,
        )
    }

    #[test]
    fn every_label_is_translated() {
        for lang in [Lang::Fr, Lang::Ar, Lang::En] {
            let page = render(&stats(), &catalog(), "Portail", lang);
            assert!(!page.contains(">?<"), "{lang:?}");
            assert!(!page.contains(" ?<"), "{lang:?}");
        }
    }

    #[test]
    fn text_is_escaped() {
        let page = render(
            &stats(),
            &catalog(),
            "Portail <b>\"données\"</b> & co",
            Lang::Fr,
        );
        assert!(page.contains("Portail &lt;b&gt;&quot;données&quot;&lt;/b&gt; &amp; co"));
        assert!(!page.contains("<b>\"données\"</b>"));
    }

    #[test]
    fn same_input_same_bytes() {
        assert_eq!(
            render(&stats(), &catalog(), "Portail", Lang::Ar),
            render(&stats(), &catalog(), "Portail", Lang::Ar)
        );
    }

    #[test]
    fn no_network_reference() {
        // Identifiers of datasets are shown as text; what must never appear is anything a
        // browser would load or follow.
        let page = render(&stats(), &catalog(), "Portail", Lang::En);
        for needle in ["src=", "href=\"http", "@import", "url(", "<link", "<iframe"] {
            assert!(!page.contains(needle), "{needle}");
        }
    }

    #[test]
    fn quality_bands_when_scores_are_supplied() {
        let catalog = catalog();
        let mut points = 0;
        let stats = CatalogStats::compute_with(
            &catalog,
            NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            |_| {
                points = (points + 97) % 406;
                fihris_stats::QualityScore::new(points, 405)
                    .map(|score| fihris_stats::Assessment::new().with_score(score))
            },
        );
        let page = render(&stats, &catalog, "Portail", Lang::Fr);
        assert!(!page.contains("Aucun score de qualité fourni."));
        for band in [
            "Excellente",
            "Bonne",
            "Suffisante",
            "Insuffisante",
            "Score moyen",
        ] {
            assert!(page.contains(band), "{band}");
        }
        // Assessments without findings: the rules ran and found nothing.
        assert!(page.contains("Aucun constat."));
    }

    #[test]
    fn months_end_at_the_reference_month() {
        let months = last_months(&stats(), 24);
        assert_eq!(months.len(), 24);
        assert_eq!(months[23].0, "2026-11");
        assert_eq!(months[0].0, "2024-12");
    }
}
