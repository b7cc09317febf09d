//! Runs every enabled rule over a catalogue.

use std::fmt::Write as _;

use fihris_model::{Catalog, Finding, Severity};

use crate::dcatap;
use crate::freshness::check_freshness;
use crate::mqa::{self, CatalogQuality, Indicator, OfflineChecker, QualityScore, UrlChecker};
use crate::national::check_national;
use crate::openness::{check_formats, check_licences};
use crate::rules::{Rule, RuleSet};
use crate::sink::{DatasetPaths, Sink};

/// What a check found: the findings and the MQA scores computed on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    findings: Vec<Finding>,
    quality: CatalogQuality,
}

impl Report {
    /// Every finding, in catalogue order: the catalogue, then each dataset (its rules, then
    /// its DCAT-AP violations, then its MQA score), then series, services and records.
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Consumes the report, giving the findings.
    #[must_use]
    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }

    /// The MQA score of the catalogue and of each dataset.
    #[must_use]
    pub fn quality(&self) -> &CatalogQuality {
        &self.quality
    }

    /// Number of findings at a severity.
    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|finding| finding.severity() == severity)
            .count()
    }

    /// Whether any finding is an error (`fihris check` then exits with 1).
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

/// Checks a catalogue with the enabled rules of `rules`, without network access (the URL
/// indicators of the MQA score are not measured).
///
/// ```
/// use fihris_model::{Catalog, Dataset, Distribution, Iri, NodeId, Text};
/// use fihris_rules::{Profile, RuleSet, check};
/// use fihris_vocab::FileType;
///
/// let url = Iri::new("https://data.gov.ma/d/1/budget.xlsx")?;
/// let mut distribution = Distribution::new(NodeId::Iri(url.clone()), url);
/// distribution.format = Some(FileType::Xlsx.into());
/// let mut dataset = Dataset::new(
///     NodeId::Iri(Iri::new("https://data.gov.ma/d/1")?),
///     Text::new().with("fr", "Budget")?,
/// )?;
/// dataset.distributions.push(distribution);
/// let mut catalog = Catalog::new(
///     NodeId::Iri(Iri::new("https://data.gov.ma/catalog")?),
///     Text::untagged("Portail"),
/// )?;
/// catalog.datasets.push(dataset);
///
/// let report = check(&catalog, &RuleSet::new(Profile::DcatAp));
/// let ids: Vec<&str> = report.findings().iter().map(|f| f.rule_id()).collect();
/// assert!(ids.contains(&"format.non-proprietary"));
/// assert!(ids.contains(&"licence.missing"));
/// assert!(report.has_errors());
/// # Ok::<(), fihris_model::ModelError>(())
/// ```
#[must_use]
pub fn check(catalog: &Catalog, rules: &RuleSet) -> Report {
    check_with(catalog, rules, &OfflineChecker)
}

/// Like [`check`], with a URL checker for the MQA's URL indicators.
#[must_use]
pub fn check_with(catalog: &Catalog, rules: &RuleSet, urls: &dyn UrlChecker) -> Report {
    let mut sink = Sink::new(rules);
    let mut session = dcatap::Session::new(rules);
    session.catalog_node(catalog, &mut sink);
    sink.finish_batch();
    let datasets = catalog.datasets.len();
    let mut scores = Vec::with_capacity(datasets);
    let mut paths = DatasetPaths::empty();
    for (index, dataset) in catalog.datasets.iter().enumerate() {
        if index == PROJECT_AFTER {
            reserve_projected(&mut sink.findings, index, datasets);
        }
        paths.reset(dataset, &mut sink.batch);
        check_formats(dataset, catalog, &paths, &mut sink);
        check_licences(dataset, catalog, &paths, &mut sink);
        check_freshness(dataset, &paths, &mut sink);
        check_national(dataset, catalog, &paths, &mut sink);
        let compliant = session.dataset(dataset, &paths, &mut sink);
        let score = mqa::score(dataset, urls, compliant);
        report_score(&score, &paths, &mut sink);
        sink.finish_batch();
        scores.push(score);
    }
    session.rest(catalog, &mut sink);
    sink.finish_batch();
    if sink.findings.capacity() / 2 > sink.findings.len() {
        sink.findings.shrink_to_fit();
    }
    Report {
        findings: sink.findings,
        quality: mqa::catalog_quality(scores),
    }
}

/// After this many datasets, the findings vector is grown once to the projected total.
const PROJECT_AFTER: usize = 256;

/// Reserves room for the findings of the whole catalogue, projected from those of the first
/// `checked` datasets (and 1/16 more), instead of growing (and copying) the vector by
/// doubling.
fn reserve_projected(findings: &mut Vec<Finding>, checked: usize, datasets: usize) {
    let projected = findings
        .len()
        .saturating_mul(datasets)
        .checked_div(checked)
        .unwrap_or_default();
    let wanted = projected.saturating_add(projected / 16);
    let more = wanted.saturating_sub(findings.len()).min(MAX_PROJECTED);
    // Only a hint: when the room cannot be had, the vector grows as usual.
    let _ = findings.try_reserve_exact(more);
}

/// At most this many findings are reserved ahead (about 1.5 GiB).
const MAX_PROJECTED: usize = 1 << 24;

fn report_score(score: &QualityScore, paths: &DatasetPaths, sink: &mut Sink<'_>) {
    let Some(severity) = sink.rules().severity_of(Rule::QualityMqa) else {
        return;
    };
    // The three indicators that would gain the most points, in indicator order among equals.
    let mut top: [Option<(Indicator, u32)>; 3] = [None; 3];
    for indicator in score
        .indicators()
        .iter()
        .filter(|indicator| indicator.measured && indicator.earned < indicator.max())
    {
        let points = indicator.max();
        let position = top
            .iter()
            .position(|entry| entry.is_none_or(|(_, earlier)| earlier < points));
        if let Some(position) = position {
            top[position..].rotate_right(1);
            top[position] = Some((indicator.indicator, points));
        }
    }
    let batch = &mut sink.batch;
    let path = paths.dataset(batch);
    let message = batch.write(|message| {
        let unmeasured = mqa::MQA_MAX - score.measured_max();
        let _ = write!(
            message,
            "MQA score {}/{} ({})",
            score.total(),
            mqa::MQA_MAX,
            score.rating()
        );
        if unmeasured > 0 {
            let _ = write!(
                message,
                "; {unmeasured} points of URL indicators not measured"
            );
        }
    });
    let hint = top[0].is_some().then(|| {
        batch.write(|hint| {
            hint.push_str("to gain points: ");
            for (index, (indicator, points)) in top.iter().flatten().enumerate() {
                if index > 0 {
                    hint.push_str(", ");
                }
                let _ = write!(hint, "{} (+{points})", indicator.id());
            }
        })
    });
    batch.push(Rule::QualityMqa, severity, path, message, hint);
}
