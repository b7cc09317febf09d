//! Runs every enabled rule over a catalogue.

use std::fmt::Write as _;

use fihris_model::{Catalog, Finding, Severity};

use crate::dcatap::{self, Violation};
use crate::freshness::check_freshness;
use crate::mqa::{self, CatalogQuality, Indicator, OfflineChecker, QualityScore, UrlChecker};
use crate::national::check_national;
use crate::openness::{check_formats, check_licences};
use crate::rules::{Rule, RuleSet};
use crate::sink::{Sink, dataset_path};

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

const DCATAP_RULES: &[Rule] = &[
    Rule::DcatapMandatory,
    Rule::DcatapCardinality,
    Rule::DcatapNodeKind,
    Rule::DcatapDatatype,
    Rule::DcatapVocabulary,
    Rule::DcatapVocabularyRecommended,
    Rule::DcatapRecommended,
];

fn emit_violations(violations: &mut Vec<Violation>, sink: &mut Sink<'_>) {
    for violation in violations.drain(..) {
        if let Some(severity) = sink.rules().severity_of(violation.rule()) {
            sink.push(violation.into_finding_at(severity));
        }
    }
}

/// Like [`check`], with a URL checker for the MQA's URL indicators.
#[must_use]
pub fn check_with(catalog: &Catalog, rules: &RuleSet, urls: &dyn UrlChecker) -> Report {
    let mut sink = Sink::new(rules);
    let dcatap_enabled = rules.any_enabled(DCATAP_RULES);
    let mut session = dcatap::Session::new();
    let catalog_violations = session.catalog_node(catalog);
    if dcatap_enabled {
        emit_violations(catalog_violations, &mut sink);
    }
    catalog_violations.clear();
    let mut scores = Vec::with_capacity(catalog.datasets.len());
    for dataset in &catalog.datasets {
        check_formats(dataset, catalog, &mut sink);
        check_licences(dataset, catalog, &mut sink);
        check_freshness(dataset, &mut sink);
        check_national(dataset, catalog, &mut sink);
        let violations = session.dataset(dataset);
        let compliant = dcatap::is_compliant(violations);
        if dcatap_enabled {
            emit_violations(violations, &mut sink);
        }
        violations.clear();
        let score = mqa::score(dataset, urls, compliant);
        report_score(dataset, &score, &mut sink);
        scores.push(score);
    }
    let rest = session.rest(catalog);
    if dcatap_enabled {
        emit_violations(rest, &mut sink);
    }
    rest.clear();
    Report {
        findings: sink.findings,
        quality: mqa::catalog_quality(scores),
    }
}

fn report_score(dataset: &fihris_model::Dataset, score: &QualityScore, sink: &mut Sink<'_>) {
    let Some(severity) = sink.rules().severity_of(Rule::QualityMqa) else {
        return;
    };
    let mut missing: Vec<(Indicator, u32)> = score
        .indicators()
        .iter()
        .filter(|indicator| indicator.measured && indicator.earned < indicator.max())
        .map(|indicator| (indicator.indicator, indicator.max()))
        .collect();
    missing.sort_by_key(|(_, points)| std::cmp::Reverse(*points));
    let hint = (!missing.is_empty()).then(|| {
        let mut hint = String::from("to gain points: ");
        for (index, (indicator, points)) in missing.iter().take(3).enumerate() {
            if index > 0 {
                hint.push_str(", ");
            }
            let _ = write!(hint, "{} (+{points})", indicator.id());
        }
        hint
    });
    let unmeasured = mqa::MQA_MAX - score.measured_max();
    let mut message = format!(
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
    let mut finding = Finding::new(
        Rule::QualityMqa.info().id,
        severity,
        dataset_path(dataset),
        message,
    );
    if let Some(hint) = hint {
        finding = finding.with_hint(hint);
    }
    sink.push(finding);
}
