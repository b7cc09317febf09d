//! The bridge between declared personal-data status and content scans.

use fihris_model::{Catalog, Finding, NodeId, PersonalData};

use crate::rules::{Rule, RuleSet};
use crate::sink::{DatasetPaths, Sink};

/// What content scans found, distribution by distribution: personal data or not.
///
/// A scanner (`fihris-privacy`) fills it; [`check_privacy`] compares it with what each
/// dataset declares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScanVerdicts {
    verdicts: Vec<(NodeId, bool)>,
}

impl ScanVerdicts {
    /// No verdicts.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) the verdict of one distribution.
    #[must_use]
    pub fn with_verdict(mut self, distribution: NodeId, personal_data_found: bool) -> Self {
        self.insert(distribution, personal_data_found);
        self
    }

    /// Adds (or replaces) the verdict of one distribution.
    pub fn insert(&mut self, distribution: NodeId, personal_data_found: bool) {
        match self.verdicts.iter_mut().find(|(id, _)| *id == distribution) {
            Some((_, found)) => *found = personal_data_found,
            None => self.verdicts.push((distribution, personal_data_found)),
        }
    }

    /// The verdict of a distribution, if it was scanned.
    #[must_use]
    pub fn get(&self, distribution: &NodeId) -> Option<bool> {
        self.verdicts
            .iter()
            .find(|(id, _)| id == distribution)
            .map(|(_, found)| *found)
    }

    /// Number of scanned distributions.
    #[must_use]
    pub fn len(&self) -> usize {
        self.verdicts.len()
    }

    /// Whether no distribution was scanned.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.verdicts.is_empty()
    }
}

/// `privacy.declared-none`: every distribution a scan found personal data in, in a dataset
/// that declares none.
///
/// ```
/// use fihris_model::{Catalog, Dataset, Distribution, Iri, NodeId, PersonalData, Text};
/// use fihris_rules::{RuleSet, ScanVerdicts, check_privacy};
///
/// let url = Iri::new("https://data.gov.ma/d/1/beneficiaires.csv")?;
/// let mut dataset = Dataset::new(
///     NodeId::Iri(Iri::new("https://data.gov.ma/d/1")?),
///     Text::untagged("Bénéficiaires"),
/// )?;
/// dataset.inventory.personal_data = Some(PersonalData::None);
/// dataset.distributions.push(Distribution::new(NodeId::Iri(url.clone()), url.clone()));
/// let mut catalog = Catalog::new(
///     NodeId::Iri(Iri::new("https://data.gov.ma/catalog")?),
///     Text::untagged("Portail"),
/// )?;
/// catalog.datasets.push(dataset);
/// let verdicts = ScanVerdicts::new().with_verdict(NodeId::Iri(url), true);
/// let findings = check_privacy(&catalog, &verdicts, &RuleSet::default());
/// assert_eq!(findings[0].rule_id(), "privacy.declared-none");
/// # Ok::<(), fihris_model::ModelError>(())
/// ```
#[must_use]
pub fn check_privacy(catalog: &Catalog, verdicts: &ScanVerdicts, rules: &RuleSet) -> Vec<Finding> {
    let mut sink = Sink::new(rules);
    if verdicts.is_empty() || !sink.enabled(Rule::PrivacyDeclaredNone) {
        return sink.findings;
    }
    for dataset in &catalog.datasets {
        if dataset.inventory.personal_data != Some(PersonalData::None) {
            continue;
        }
        let mut paths = None;
        for (index, distribution) in dataset.distributions.iter().enumerate() {
            if verdicts.get(&distribution.id) == Some(true) {
                let paths = paths.get_or_insert_with(|| {
                    let mut paths = DatasetPaths::empty();
                    paths.reset(dataset, &mut sink.batch);
                    paths
                });
                sink.emit(
                    Rule::PrivacyDeclaredNone,
                    |batch| paths.distribution_field(batch, index, "personal_data"),
                    "the dataset declares no personal data but a scan found some in this distribution",
                    Some("withdraw the file, anonymise it, and correct the declaration"),
                );
            }
        }
        sink.finish_batch();
    }
    sink.findings
}
