//! Where rules put their findings: applies the rule set's enablement and severities, and
//! builds the findings of one dataset together so that their messages share one allocation
//! and their paths another.

use std::fmt::Write as _;
use std::ops::Range;
use std::sync::Arc;

use fihris_model::{
    Dataset, Finding, FindingPath, NodeId, PathSegment, Severity, SharedStr, SharedText,
};

use crate::rules::{Rule, RuleSet};

/// A message or hint of a pending finding.
#[derive(Debug, Clone)]
pub(crate) enum Piece {
    Static(&'static str),
    /// A range of [`Batch`]'s text.
    Written(Range<usize>),
}

/// A segment of a path being laid out. The identifiers of a dataset and of its
/// distributions are written once in a text (the batch's, or the [`DatasetPaths`]' own) and
/// the segments that name them are ranges of it.
#[derive(Debug, Clone)]
pub(crate) enum Seg {
    Dataset(Range<usize>),
    Distribution(Range<usize>),
    Field(&'static str),
    Other(PathSegment),
}

impl Seg {
    /// The segment, its identifier a slice of `shared` (or a copy of `ids[range]`).
    fn resolve(self, shared: Option<&SharedText>, ids: &str) -> PathSegment {
        let id = |range: Range<usize>| {
            shared
                .and_then(|shared| shared.slice(range.clone()))
                .unwrap_or_else(|| ids.get(range).unwrap_or_default().to_owned().into())
        };
        match self {
            Self::Dataset(range) => PathSegment::Dataset(id(range)),
            Self::Distribution(range) => PathSegment::Distribution(id(range)),
            Self::Field(field) => PathSegment::Field(field.into()),
            Self::Other(segment) => segment,
        }
    }
}

/// A path of segments as a standalone path, the identifiers copied from `ids`.
pub(crate) fn standalone(segments: &[Seg], ids: &str, fields: &[&'static str]) -> FindingPath {
    segments
        .iter()
        .cloned()
        .chain(fields.iter().map(|field| Seg::Field(field)))
        .map(|segment| segment.resolve(None, ids))
        .collect()
}

/// A finding of the batch, its message and path kept as ranges of the batch's text and
/// segments.
struct Entry {
    rule_id: &'static str,
    severity: Severity,
    path: Range<usize>,
    message: Piece,
    hint: Option<Piece>,
}

/// The findings of one dataset (or of the catalogue node, or of the rest) being built.
#[derive(Default)]
pub(crate) struct Batch {
    entries: Vec<Entry>,
    /// The written messages and hints, end to end.
    text: String,
    /// The paths, end to end.
    segments: Vec<Seg>,
    /// Paths already laid out, by [`Base`] key: the dataset's, each distribution's.
    bases: Vec<Option<Range<usize>>>,
}

impl Batch {
    /// Lays out a path: `base`, then a field for each of `fields`.
    pub(crate) fn path(&mut self, base: &[Seg], fields: &[&'static str]) -> Range<usize> {
        let start = self.segments.len();
        self.segments.extend(base.iter().cloned());
        self.segments
            .extend(fields.iter().map(|field| Seg::Field(field)));
        start..self.segments.len()
    }

    /// Lays out the path of a dataset or distribution once per batch (`key` names it).
    fn base(&mut self, key: usize, base: &[Seg]) -> Range<usize> {
        if let Some(Some(range)) = self.bases.get(key) {
            return range.clone();
        }
        let range = self.path(base, &[]);
        if self.bases.len() <= key {
            self.bases.resize(key + 1, None);
        }
        self.bases[key] = Some(range.clone());
        range
    }

    /// Writes a message or hint.
    pub(crate) fn write(&mut self, write: impl FnOnce(&mut String)) -> Piece {
        let start = self.text.len();
        write(&mut self.text);
        Piece::Written(start..self.text.len())
    }

    pub(crate) fn push(
        &mut self,
        rule: Rule,
        severity: Severity,
        path: Range<usize>,
        message: Piece,
        hint: Option<Piece>,
    ) {
        self.entries.push(Entry {
            rule_id: rule.info().id,
            severity,
            path,
            message,
            hint,
        });
    }

    /// Makes the findings of the batch, in order, and empties it.
    pub(crate) fn finish(&mut self, findings: &mut Vec<Finding>) {
        let Self {
            entries,
            text,
            segments,
            bases,
        } = self;
        bases.clear();
        if entries.is_empty() {
            text.clear();
            segments.clear();
            return;
        }
        // The text and segments move into the findings; the next batch starts with room
        // for as much.
        let shared_text = (!text.is_empty()).then(|| {
            let next = String::with_capacity(text.len() + text.len() / 4);
            SharedText::new(std::mem::replace(text, next))
        });
        let paths: FindingPath = segments
            .drain(..)
            .map(|segment| segment.resolve(shared_text.as_ref(), ""))
            .collect();
        let resolve = |piece: Piece| match piece {
            Piece::Static(piece) => SharedStr::from(piece),
            Piece::Written(range) => shared_text
                .as_ref()
                .and_then(|shared| {
                    shared.slice(range.clone()).or_else(|| {
                        Some(
                            shared
                                .as_str()
                                .get(range)
                                .unwrap_or_default()
                                .to_owned()
                                .into(),
                        )
                    })
                })
                .unwrap_or_else(|| SharedStr::from("")),
        };
        for entry in entries.drain(..) {
            let path = paths.slice(entry.path.clone()).unwrap_or_else(|| {
                paths
                    .segments()
                    .get(entry.path)
                    .unwrap_or_default()
                    .iter()
                    .cloned()
                    .collect()
            });
            let mut finding =
                Finding::new(entry.rule_id, entry.severity, path, resolve(entry.message));
            if let Some(hint) = entry.hint {
                finding = finding.with_hint(resolve(hint));
            }
            findings.push(finding);
        }
    }
}

pub(crate) struct Sink<'r> {
    rules: &'r RuleSet,
    pub(crate) findings: Vec<Finding>,
    pub(crate) batch: Batch,
}

impl<'r> Sink<'r> {
    pub(crate) fn new(rules: &'r RuleSet) -> Self {
        Self {
            rules,
            findings: Vec::new(),
            batch: Batch::default(),
        }
    }

    pub(crate) fn rules(&self) -> &'r RuleSet {
        self.rules
    }

    pub(crate) fn enabled(&self, rule: Rule) -> bool {
        self.rules.severity_of(rule).is_some()
    }

    /// Records a finding with a static message when the rule is enabled; the path is only
    /// laid out then.
    pub(crate) fn emit(
        &mut self,
        rule: Rule,
        path: impl FnOnce(&mut Batch) -> Range<usize>,
        message: &'static str,
        hint: Option<&'static str>,
    ) {
        if let Some(severity) = self.rules.severity_of(rule) {
            let path = path(&mut self.batch);
            self.batch.push(
                rule,
                severity,
                path,
                Piece::Static(message),
                hint.map(Piece::Static),
            );
        }
    }

    /// Records a finding when the rule is enabled; the path and message are only built then.
    pub(crate) fn emit_with(
        &mut self,
        rule: Rule,
        path: impl FnOnce(&mut Batch) -> Range<usize>,
        message: impl FnOnce(&mut String),
        hint: Option<&'static str>,
    ) {
        if let Some(severity) = self.rules.severity_of(rule) {
            let path = path(&mut self.batch);
            let message = self.batch.write(message);
            self.batch
                .push(rule, severity, path, message, hint.map(Piece::Static));
        }
    }

    /// Makes the findings of the batch.
    pub(crate) fn finish_batch(&mut self) {
        self.batch.finish(&mut self.findings);
    }
}

/// A node id as shared text (its `Display`).
pub(crate) fn node_text(id: &NodeId) -> SharedStr {
    match id {
        NodeId::Iri(iri) => Arc::<str>::from(iri.as_str()).into(),
        NodeId::Blank(_) => id.to_string().into(),
    }
}

/// The paths of a dataset and of its distributions: their segments, built once per dataset
/// and shared by every finding on them. The identifiers are written in the batch's text
/// ([`DatasetPaths::reset`]) or in a text of their own ([`DatasetPaths::new`]).
pub(crate) struct DatasetPaths {
    dataset: [Seg; 1],
    distributions: Vec<[Seg; 2]>,
    /// The identifiers, when they are not in a batch's text.
    own: String,
}

impl DatasetPaths {
    /// No paths yet: [`DatasetPaths::reset`] lays out a dataset's.
    pub(crate) fn empty() -> Self {
        Self {
            dataset: [Seg::Field("")],
            distributions: Vec::new(),
            own: String::new(),
        }
    }

    /// The paths of `dataset`, the identifiers in a text of their own.
    pub(crate) fn new(dataset: &Dataset) -> Self {
        let mut paths = Self::empty();
        let mut own = String::new();
        paths.write(dataset, &mut own);
        paths.own = own;
        paths
    }

    /// The paths of `dataset`, the identifiers written in `batch`'s text, reusing the room of
    /// these.
    pub(crate) fn reset(&mut self, dataset: &Dataset, batch: &mut Batch) {
        self.own.clear();
        self.write(dataset, &mut batch.text);
    }

    fn write(&mut self, dataset: &Dataset, text: &mut String) {
        let mut write = |id: &NodeId| {
            let start = text.len();
            match id {
                NodeId::Iri(iri) => text.push_str(iri.as_str()),
                NodeId::Blank(_) => {
                    let _ = write!(text, "{id}");
                }
            }
            start..text.len()
        };
        let id = write(&dataset.id);
        self.distributions.clear();
        for distribution in &dataset.distributions {
            let range = write(&distribution.id);
            self.distributions
                .push([Seg::Dataset(id.clone()), Seg::Distribution(range)]);
        }
        self.dataset = [Seg::Dataset(id)];
    }

    /// The text the identifiers of [`DatasetPaths::new`] are ranges of.
    pub(crate) fn own_ids(&self) -> &str {
        &self.own
    }

    /// The segments of the dataset's path.
    pub(crate) fn dataset_segments(&self) -> &[Seg] {
        &self.dataset
    }

    /// The segments of the path of the dataset's distribution at `index`.
    pub(crate) fn distribution_segments(&self, index: usize) -> &[Seg] {
        self.distributions
            .get(index)
            .map_or(&self.dataset[..], |segments| &segments[..])
    }

    /// The dataset's path, laid out once per batch.
    pub(crate) fn dataset(&self, batch: &mut Batch) -> Range<usize> {
        batch.base(0, &self.dataset)
    }

    /// The path of the distribution at `index`, laid out once per batch.
    pub(crate) fn distribution(&self, batch: &mut Batch, index: usize) -> Range<usize> {
        batch.base(index + 1, self.distribution_segments(index))
    }

    /// A field of the dataset.
    pub(crate) fn dataset_field(&self, batch: &mut Batch, field: &'static str) -> Range<usize> {
        batch.path(&self.dataset, &[field])
    }

    /// A field of the distribution at `index`.
    pub(crate) fn distribution_field(
        &self,
        batch: &mut Batch,
        index: usize,
        field: &'static str,
    ) -> Range<usize> {
        batch.path(self.distribution_segments(index), &[field])
    }
}
