//! The streaming accumulator: memory grows with the number of producers and distinct
//! values, not with the number of datasets.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use fihris_model::inventory::{DataKind, PublicationStatus};
use fihris_model::{Catalog, Concept, Dataset, Finding, PersonalData, Severity};
use fihris_vocab::{EuTheme, PortalTheme, Vocabulary};

use crate::assessment::{Assessment, QualityBand};
use crate::facts::{self, FreshnessClass, ProducerIdentity, UNSPECIFIED};
use crate::output::{
    CatalogStats, FindingStats, FindingSummary, Freshness, MonthCount, PersonalDataCounts,
    QualityStats, Share, Tally, ratio,
};
use crate::scorecard::{ProducerTotals, scorecards};

/// Publication statuses in output order.
const STATUSES: [PublicationStatus; 3] = [
    PublicationStatus::Published,
    PublicationStatus::Planned,
    PublicationStatus::Restricted,
];

/// Builds [`CatalogStats`] one dataset at a time, so that a reader can stream a catalogue of
/// any size through it.
///
/// ```
/// use chrono::NaiveDate;
/// use fihris_model::{Dataset, Iri, NodeId, Text};
/// use fihris_stats::StatsBuilder;
///
/// let as_of = NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("bad date")?;
/// let mut builder = StatsBuilder::new(as_of);
/// let dataset = Dataset::new(
///     NodeId::Iri(Iri::new("https://data.gov.ma/d/1")?),
///     Text::untagged("Population légale"),
/// )?;
/// builder.add(&dataset, None);
/// let stats = builder.finish();
/// assert_eq!(stats.datasets, 1);
/// assert_eq!(stats.themes_without_datasets.len(), 19);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct StatsBuilder {
    as_of: NaiveDate,
    worst_limit: usize,
    datasets: u64,
    distributions: u64,
    portal_themes: Vec<u64>,
    without_portal_theme: u64,
    eu_themes: Vec<u64>,
    without_producer: u64,
    formats: BTreeMap<String, u64>,
    licences: BTreeMap<String, u64>,
    frequencies: BTreeMap<String, u64>,
    access_rights: BTreeMap<String, u64>,
    statuses: [u64; 4],
    kinds: Vec<u64>,
    stars: [u64; 6],
    personal_data: PersonalDataCounts,
    with_distributions: u64,
    open_format: u64,
    open_licence: u64,
    scored: u64,
    score_sum: f64,
    bands: [u64; 4],
    freshness: Freshness,
    months: BTreeMap<(i32, u32), u64>,
    assessed: bool,
    findings_total: u64,
    severities: [u64; 3],
    rules: BTreeMap<String, u64>,
    worst: BTreeSet<WorstFinding>,
    producers: BTreeMap<String, ProducerTotals>,
}

/// A finding in the order of the worst list: errors first, then rule, path, message.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct WorstFinding {
    severity_rank: u8,
    rule_id: String,
    path: String,
    message: String,
    hint: Option<String>,
    dataset: Option<String>,
    severity: &'static str,
}

impl WorstFinding {
    fn new(finding: &Finding) -> Self {
        Self {
            severity_rank: match finding.severity() {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            },
            rule_id: finding.rule_id().to_owned(),
            path: finding.path().to_string(),
            message: finding.message().to_owned(),
            hint: finding.hint().map(str::to_owned),
            dataset: finding.path().dataset().map(str::to_owned),
            severity: finding.severity().as_str(),
        }
    }
}

impl StatsBuilder {
    /// The default number of worst findings kept.
    pub const DEFAULT_WORST_LIMIT: usize = 50;

    /// An empty accumulator; `as_of` is the reference day for freshness.
    #[must_use]
    pub fn new(as_of: NaiveDate) -> Self {
        Self {
            as_of,
            worst_limit: Self::DEFAULT_WORST_LIMIT,
            datasets: 0,
            distributions: 0,
            portal_themes: vec![0; PortalTheme::ALL.len()],
            without_portal_theme: 0,
            eu_themes: vec![0; EuTheme::ALL.len()],
            without_producer: 0,
            formats: BTreeMap::new(),
            licences: BTreeMap::new(),
            frequencies: BTreeMap::new(),
            access_rights: BTreeMap::new(),
            statuses: [0; 4],
            kinds: vec![0; DataKind::ALL.len() + 1],
            stars: [0; 6],
            personal_data: PersonalDataCounts::default(),
            with_distributions: 0,
            open_format: 0,
            open_licence: 0,
            scored: 0,
            score_sum: 0.0,
            bands: [0; 4],
            freshness: Freshness::default(),
            months: BTreeMap::new(),
            assessed: false,
            findings_total: 0,
            severities: [0; 3],
            rules: BTreeMap::new(),
            worst: BTreeSet::new(),
            producers: BTreeMap::new(),
        }
    }

    /// How many of the worst findings to keep (default [`Self::DEFAULT_WORST_LIMIT`]).
    #[must_use]
    pub fn with_worst_limit(mut self, limit: usize) -> Self {
        self.worst_limit = limit;
        self
    }

    /// Counts one dataset, with what a rules engine said about it, if anything.
    pub fn add(&mut self, dataset: &Dataset, assessment: Option<&Assessment>) {
        self.datasets += 1;
        self.distributions += dataset.distributions.len() as u64;

        // Themes: a dataset counts once per theme it has (bit sets, no allocation).
        let mut portal: u32 = 0;
        let mut eu: u32 = 0;
        for theme in &dataset.portal_themes {
            if let Some(index) = PortalTheme::ALL.iter().position(|t| t == theme) {
                portal |= 1 << index;
                for implied in theme.eu_themes() {
                    eu |= eu_bit(implied);
                }
            }
        }
        for theme in dataset.themes.iter().filter_map(Concept::known) {
            eu |= eu_bit(theme);
        }
        if portal == 0 {
            self.without_portal_theme += 1;
        }
        for (index, count) in self.portal_themes.iter_mut().enumerate() {
            *count += u64::from(portal >> index & 1);
        }
        for (index, count) in self.eu_themes.iter_mut().enumerate() {
            *count += u64::from(eu >> index & 1);
        }

        for distribution in &dataset.distributions {
            bump(&mut self.formats, facts::format_key(distribution));
        }
        // Distinct licences of the dataset: few distributions, a linear scan is enough.
        let mut licences: Vec<&str> = Vec::new();
        for key in dataset.distributions.iter().filter_map(facts::licence_key) {
            if !licences.contains(&key) {
                licences.push(key);
            }
        }
        if licences.is_empty() {
            bump(&mut self.licences, UNSPECIFIED);
        }
        for licence in licences {
            bump(&mut self.licences, licence);
        }
        bump(&mut self.frequencies, facts::frequency_key(dataset));
        bump(&mut self.access_rights, facts::access_rights_key(dataset));

        let status = facts::publication_status(dataset);
        self.statuses[status_index(status)] += 1;
        let kind_index = dataset
            .inventory
            .kind_of_data
            .and_then(|kind| DataKind::ALL.iter().position(|k| *k == kind))
            .unwrap_or(DataKind::ALL.len());
        self.kinds[kind_index] += 1;
        self.stars[usize::from(facts::dataset_stars(dataset).min(5))] += 1;
        count_personal_data(&mut self.personal_data, dataset);

        let has_distribution = !dataset.distributions.is_empty();
        let open_format = facts::has_open_format(dataset);
        let open_licence = facts::has_open_licence(dataset);
        self.with_distributions += u64::from(has_distribution);
        self.open_format += u64::from(open_format);
        self.open_licence += u64::from(open_licence);

        let freshness = facts::freshness(dataset, status, self.as_of);
        match freshness {
            FreshnessClass::UpToDate => self.freshness.up_to_date += 1,
            FreshnessClass::Overdue => self.freshness.overdue += 1,
            FreshnessClass::UnknownFrequency => self.freshness.unknown_frequency += 1,
            FreshnessClass::Undated => self.freshness.undated += 1,
            FreshnessClass::NotApplicable => {}
        }
        if let Some(month) = facts::issued_month(dataset) {
            *self.months.entry(month).or_default() += 1;
        }

        let score = assessment.and_then(|assessment| assessment.score);
        if let Some(score) = score {
            self.scored += 1;
            self.score_sum += score.percent();
            let band = QualityBand::ALL
                .iter()
                .position(|band| *band == score.band())
                .unwrap_or(QualityBand::ALL.len() - 1);
            self.bands[band] += 1;
        }
        if let Some(assessment) = assessment {
            self.add_findings(&assessment.findings);
        }

        let Some(key) = facts::producer_key(dataset) else {
            self.without_producer += 1;
            return;
        };
        if !self.producers.contains_key(key.as_ref())
            && let Some(identity) = facts::producer(dataset)
        {
            self.producers
                .insert(key.clone().into_owned(), ProducerTotals::new(identity));
        }
        let Some(totals) = self.producers.get_mut(key.as_ref()) else {
            return;
        };
        totals.datasets += 1;
        match status {
            Some(PublicationStatus::Published) => totals.published += 1,
            Some(PublicationStatus::Planned) => totals.planned += 1,
            Some(PublicationStatus::Restricted) => totals.restricted += 1,
            _ => {}
        }
        totals.with_distributions += u64::from(has_distribution);
        totals.open_format += u64::from(open_format);
        totals.open_licence += u64::from(open_licence);
        match freshness {
            FreshnessClass::UpToDate => totals.up_to_date += 1,
            FreshnessClass::Overdue => totals.overdue += 1,
            _ => {}
        }
        if let Some(score) = score {
            totals.scored += 1;
            totals.score_sum += score.percent();
        }
        if let Some(issued) = facts::issued_date(dataset) {
            totals.last_publication = totals.last_publication.max(Some(issued));
        }
        count_personal_data(&mut totals.personal_data, dataset);
    }

    /// Counts findings that belong to no dataset (about the catalogue or an input file).
    pub fn add_findings(&mut self, findings: &[Finding]) {
        self.assessed = true;
        for finding in findings {
            self.findings_total += 1;
            self.severities[match finding.severity() {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            }] += 1;
            *self.rules.entry(finding.rule_id().to_owned()).or_default() += 1;
            if self.worst_limit > 0 {
                let candidate = WorstFinding::new(finding);
                let full = self.worst.len() >= self.worst_limit;
                if !full || self.worst.last().is_some_and(|last| candidate < *last) {
                    self.worst.insert(candidate);
                    if self.worst.len() > self.worst_limit {
                        self.worst.pop_last();
                    }
                }
            }
        }
    }

    /// The statistics.
    #[must_use]
    pub fn finish(self) -> CatalogStats {
        let by_portal_theme: Vec<Tally> = PortalTheme::ALL
            .iter()
            .zip(&self.portal_themes)
            .map(|(theme, count)| Tally::new(theme.code(), *count))
            .collect();
        let themes_without_datasets = by_portal_theme
            .iter()
            .filter(|tally| tally.count == 0)
            .map(|tally| tally.key.clone())
            .collect();
        let by_eu_theme = EuTheme::ALL
            .iter()
            .zip(&self.eu_themes)
            .map(|(theme, count)| Tally::new(theme.code(), *count))
            .collect();
        let mut producer_counts: BTreeMap<String, u64> = self
            .producers
            .iter()
            .map(|(key, totals)| (key.clone(), totals.datasets))
            .collect();
        if self.without_producer > 0 {
            producer_counts.insert(UNSPECIFIED.to_owned(), self.without_producer);
        }
        let mut by_publication_status: Vec<Tally> = STATUSES
            .iter()
            .map(|status| Tally::new(status.code(), self.statuses[status_index(Some(*status))]))
            .collect();
        by_publication_status.push(Tally::new(UNSPECIFIED, self.statuses[3]));
        let mut by_kind_of_data: Vec<Tally> = DataKind::ALL
            .iter()
            .zip(&self.kinds)
            .map(|(kind, count)| Tally::new(kind.code(), *count))
            .collect();
        by_kind_of_data.push(Tally::new(UNSPECIFIED, self.kinds[DataKind::ALL.len()]));
        let quality = (self.scored > 0).then(|| QualityStats {
            scored: self.scored,
            mean: mean(self.score_sum, self.scored),
            by_band: QualityBand::ALL
                .iter()
                .zip(self.bands)
                .map(|(band, count)| Tally::new(band.as_str(), count))
                .collect(),
        });
        let findings = self.assessed.then(|| FindingStats {
            total: self.findings_total,
            by_severity: ["error", "warning", "info"]
                .iter()
                .zip(self.severities)
                .map(|(severity, count)| Tally::new(*severity, count))
                .collect(),
            by_rule: most_first(self.rules),
            worst: self
                .worst
                .into_iter()
                .map(|worst| FindingSummary {
                    rule_id: worst.rule_id,
                    severity: worst.severity.to_owned(),
                    dataset: worst.dataset,
                    path: worst.path,
                    message: worst.message,
                    hint: worst.hint,
                })
                .collect(),
        });
        let published = self.statuses[0];
        let planned = self.statuses[1];
        CatalogStats {
            as_of: self.as_of.format("%Y-%m-%d").to_string(),
            datasets: self.datasets,
            distributions: self.distributions,
            producers: self.producers.len() as u64,
            by_portal_theme,
            without_portal_theme: self.without_portal_theme,
            by_eu_theme,
            by_producer: most_first(producer_counts),
            by_format: most_first(self.formats),
            by_licence: most_first(self.licences),
            by_frequency: most_first(self.frequencies),
            by_access_rights: most_first(self.access_rights),
            by_publication_status,
            coverage_rate: ratio(published, published + planned),
            by_kind_of_data,
            by_stars: (0..=5)
                .zip(self.stars)
                .map(|(level, count)| Tally::new(level.to_string(), count))
                .collect(),
            personal_data: self.personal_data,
            open_format: Share::new(self.open_format, self.with_distributions),
            open_licence: Share::new(self.open_licence, self.with_distributions),
            quality,
            freshness: self.freshness,
            publications_per_month: self
                .months
                .into_iter()
                .map(|((year, month), count)| MonthCount {
                    month: format!("{year:04}-{month:02}"),
                    count,
                })
                .collect(),
            themes_without_datasets,
            findings,
            scorecards: scorecards(self.producers.into_values().collect()),
        }
    }
}

impl CatalogStats {
    /// Statistics over a catalogue, without rule results.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fihris_model::{Catalog, Iri, NodeId, Text};
    /// use fihris_stats::CatalogStats;
    ///
    /// let catalog = Catalog::new(
    ///     NodeId::Iri(Iri::new("https://data.gov.ma/catalog")?),
    ///     Text::untagged("Portail"),
    /// )?;
    /// let as_of = NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("bad date")?;
    /// let stats = CatalogStats::compute(&catalog, as_of);
    /// assert_eq!(stats.datasets, 0);
    /// assert_eq!(stats.open_licence.share, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn compute(catalog: &Catalog, as_of: NaiveDate) -> Self {
        Self::compute_with(catalog, as_of, |_| None)
    }

    /// Statistics over a catalogue with what a rules engine said about each dataset
    /// (`assess` returns `None` for a dataset it did not assess).
    #[must_use]
    pub fn compute_with(
        catalog: &Catalog,
        as_of: NaiveDate,
        mut assess: impl FnMut(&Dataset) -> Option<Assessment>,
    ) -> Self {
        let mut builder = StatsBuilder::new(as_of);
        for dataset in &catalog.datasets {
            let assessment = assess(dataset);
            builder.add(dataset, assessment.as_ref());
        }
        builder.finish()
    }
}

fn eu_bit(theme: EuTheme) -> u32 {
    EuTheme::ALL
        .iter()
        .position(|t| *t == theme)
        .map_or(0, |index| 1 << index)
}

/// Adds one to the count of `key`, allocating only for a key not seen before.
fn bump(counts: &mut BTreeMap<String, u64>, key: &str) {
    match counts.get_mut(key) {
        Some(count) => *count += 1,
        None => {
            counts.insert(key.to_owned(), 1);
        }
    }
}

fn status_index(status: Option<PublicationStatus>) -> usize {
    status
        .and_then(|status| STATUSES.iter().position(|s| *s == status))
        .unwrap_or(3)
}

fn count_personal_data(counts: &mut PersonalDataCounts, dataset: &Dataset) {
    match &dataset.inventory.personal_data {
        None => counts.undeclared += 1,
        Some(PersonalData::None) => counts.none += 1,
        Some(PersonalData::Anonymised { .. }) => counts.anonymised += 1,
        Some(_) => counts.present += 1,
    }
}

/// Tallies, most first, then by key.
fn most_first(counts: BTreeMap<String, u64>) -> Vec<Tally> {
    let mut tallies: Vec<Tally> = counts
        .into_iter()
        .map(|(key, count)| Tally::new(key, count))
        .collect();
    // Stable sort over key order: equal counts stay sorted by key.
    tallies.sort_by_key(|tally| std::cmp::Reverse(tally.count));
    tallies
}

#[expect(
    clippy::cast_precision_loss,
    reason = "counts stay far below 2^52 datasets"
)]
pub(crate) fn mean(sum: f64, count: u64) -> Option<f64> {
    (count > 0).then(|| (sum / count as f64 * 100.0).round() / 100.0)
}

impl ProducerTotals {
    fn new(identity: ProducerIdentity) -> Self {
        Self {
            identity,
            datasets: 0,
            published: 0,
            planned: 0,
            restricted: 0,
            with_distributions: 0,
            open_format: 0,
            open_licence: 0,
            up_to_date: 0,
            overdue: 0,
            scored: 0,
            score_sum: 0.0,
            last_publication: None,
            personal_data: PersonalDataCounts::default(),
        }
    }
}
