//! Where rules put their findings: applies the rule set's enablement and severities.

use std::borrow::Cow;

use fihris_model::{Dataset, Distribution, Finding, FindingPath, NodeId, PathSegment};

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

    /// Records a finding when the rule is enabled; the message and hint are only built then.
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

/// A node id as text (its `Display`), without the formatting machinery for IRIs.
pub(crate) fn node_string(id: &NodeId) -> String {
    match id {
        NodeId::Iri(iri) => iri.as_str().to_owned(),
        NodeId::Blank(_) => id.to_string(),
    }
}

/// The path of a dataset.
pub(crate) fn dataset_path(dataset: &Dataset) -> FindingPath {
    FindingPath::new().with(PathSegment::Dataset(node_string(&dataset.id).into()))
}

/// The path of a distribution of a dataset.
pub(crate) fn distribution_path(dataset: &Dataset, distribution: &Distribution) -> FindingPath {
    dataset_path(dataset).with(PathSegment::Distribution(
        node_string(&distribution.id).into(),
    ))
}

/// A path extended by a field (`dct:license`).
pub(crate) fn field(path: FindingPath, name: &'static str) -> FindingPath {
    path.with(PathSegment::Field(name.into()))
}
