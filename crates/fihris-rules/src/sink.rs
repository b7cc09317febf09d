//! Where rules put their findings: applies the rule set's enablement and severities.

use std::borrow::Cow;
use std::iter;
use std::sync::Arc;

use fihris_model::{Dataset, Finding, FindingPath, NodeId, PathSegment, SharedStr};

use crate::rules::{Rule, RuleSet};

pub(crate) struct Sink<'r> {
    rules: &'r RuleSet,
    pub(crate) findings: Vec<Finding>,
}

impl<'r> Sink<'r> {
    pub(crate) fn new(rules: &'r RuleSet) -> Self {
        Self {
            rules,
            findings: Vec::new(),
        }
    }

    pub(crate) fn rules(&self) -> &'r RuleSet {
        self.rules
    }

    pub(crate) fn enabled(&self, rule: Rule) -> bool {
        self.rules.severity_of(rule).is_some()
    }

    /// Records a finding when the rule is enabled; the path and message are only built then.
    pub(crate) fn emit<M: Into<Cow<'static, str>>>(
        &mut self,
        rule: Rule,
        path: impl FnOnce() -> FindingPath,
        message: impl FnOnce() -> M,
        hint: Option<&'static str>,
    ) {
        if let Some(severity) = self.rules.severity_of(rule) {
            let mut finding = Finding::new(rule.info().id, severity, path(), message());
            if let Some(hint) = hint {
                finding = finding.with_hint(hint);
            }
            self.findings.push(finding);
        }
    }

    pub(crate) fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }
}

/// A node id as shared text (its `Display`).
pub(crate) fn node_text(id: &NodeId) -> SharedStr {
    match id {
        NodeId::Iri(iri) => Arc::<str>::from(iri.as_str()).into(),
        NodeId::Blank(_) => id.to_string().into(),
    }
}

/// The paths of a dataset and of its distributions, built once and shared by every finding
/// on them.
pub(crate) struct DatasetPaths {
    dataset: FindingPath,
    distributions: Vec<FindingPath>,
}

impl DatasetPaths {
    pub(crate) fn new(dataset: &Dataset) -> Self {
        let id = PathSegment::Dataset(node_text(&dataset.id));
        let distributions = dataset
            .distributions
            .iter()
            .map(|distribution| {
                [
                    id.clone(),
                    PathSegment::Distribution(node_text(&distribution.id)),
                ]
                .into_iter()
                .collect()
            })
            .collect();
        Self {
            dataset: iter::once(id).collect(),
            distributions,
        }
    }

    /// The path of the dataset.
    pub(crate) fn dataset(&self) -> &FindingPath {
        &self.dataset
    }

    /// The path of the dataset's distribution at `index`.
    pub(crate) fn distribution(&self, index: usize) -> &FindingPath {
        self.distributions.get(index).unwrap_or(&self.dataset)
    }
}

/// A path extended by a field (`dct:license`).
pub(crate) fn field(path: &FindingPath, name: &'static str) -> FindingPath {
    path.segments()
        .iter()
        .cloned()
        .chain(iter::once(PathSegment::Field(name.into())))
        .collect()
}
