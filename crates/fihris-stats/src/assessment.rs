//! What a rules engine says about one dataset, as plain values the statistics take.

use fihris_model::Finding;
use serde::Serialize;

/// A metadata quality score: `points` out of `max` (e.g. the 405 points of the EU Metadata
/// Quality Assessment, or any other scale a rules engine uses).
///
/// ```
/// use fihris_stats::{QualityBand, QualityScore};
/// let score = QualityScore::new(300, 405).ok_or("bad score")?;
/// assert_eq!(score.band(), QualityBand::Good);
/// assert!((score.percent() - 74.07).abs() < 0.01);
/// assert!(QualityScore::new(5, 4).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct QualityScore {
    points: u32,
    max: u32,
}

impl QualityScore {
    /// The maximum of the EU Metadata Quality Assessment (MQA) scale.
    pub const MQA_MAX: u32 = 405;

    /// A score; `None` when `max` is 0 or `points` exceeds it.
    #[must_use]
    pub fn new(points: u32, max: u32) -> Option<Self> {
        (max > 0 && points <= max).then_some(Self { points, max })
    }

    /// Points scored.
    #[must_use]
    pub fn points(self) -> u32 {
        self.points
    }

    /// Points of a perfect score.
    #[must_use]
    pub fn max(self) -> u32 {
        self.max
    }

    /// The score on a 0–100 scale.
    #[must_use]
    pub fn percent(self) -> f64 {
        f64::from(self.points) * 100.0 / f64::from(self.max)
    }

    /// The MQA band, the score scaled to 405 points: excellent from 351, good from 221,
    /// sufficient from 121, bad below.
    #[must_use]
    pub fn band(self) -> QualityBand {
        // Integer comparison of points/max against threshold/405: no rounding at the edges.
        let scaled = u64::from(self.points) * u64::from(Self::MQA_MAX);
        let at_least = |threshold: u64| scaled >= threshold * u64::from(self.max);
        if at_least(351) {
            QualityBand::Excellent
        } else if at_least(221) {
            QualityBand::Good
        } else if at_least(121) {
            QualityBand::Sufficient
        } else {
            QualityBand::Bad
        }
    }
}

/// The four bands of the EU Metadata Quality Assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QualityBand {
    /// 351–405 points.
    Excellent,
    /// 221–350 points.
    Good,
    /// 121–220 points.
    Sufficient,
    /// 0–120 points.
    Bad,
}

impl QualityBand {
    /// Every band, best first.
    pub const ALL: &'static [Self] = &[Self::Excellent, Self::Good, Self::Sufficient, Self::Bad];

    /// `excellent`, `good`, `sufficient` or `bad`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Excellent => "excellent",
            Self::Good => "good",
            Self::Sufficient => "sufficient",
            Self::Bad => "bad",
        }
    }
}

/// What a rules engine found about one dataset: its quality score and its findings.
///
/// The statistics take assessments as plain values, so any rules engine can supply them.
///
/// ```
/// use fihris_model::{Finding, FindingPath, Severity};
/// use fihris_stats::{Assessment, QualityScore};
/// let assessment = Assessment::new()
///     .with_score(QualityScore::new(200, 405).ok_or("bad score")?)
///     .with_finding(Finding::new("licence.open", Severity::Error, FindingPath::new(), "no licence"));
/// assert_eq!(assessment.findings.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Assessment {
    /// The metadata quality score, when the engine computes one.
    pub score: Option<QualityScore>,
    /// The findings about the dataset and its distributions.
    pub findings: Vec<Finding>,
}

impl Assessment {
    /// An assessment with no score and no finding.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the quality score.
    #[must_use]
    pub fn with_score(mut self, score: QualityScore) -> Self {
        self.score = Some(score);
        self
    }

    /// Adds a finding.
    #[must_use]
    pub fn with_finding(mut self, finding: Finding) -> Self {
        self.findings.push(finding);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_at_the_mqa_edges() {
        let band = |points| QualityScore::new(points, 405).unwrap().band();
        assert_eq!(band(405), QualityBand::Excellent);
        assert_eq!(band(351), QualityBand::Excellent);
        assert_eq!(band(350), QualityBand::Good);
        assert_eq!(band(221), QualityBand::Good);
        assert_eq!(band(220), QualityBand::Sufficient);
        assert_eq!(band(121), QualityBand::Sufficient);
        assert_eq!(band(120), QualityBand::Bad);
        assert_eq!(band(0), QualityBand::Bad);
    }

    #[test]
    fn other_scales_are_scaled() {
        // 87/100 is 352.35/405: excellent; 86/100 is 348.3/405: good.
        assert_eq!(
            QualityScore::new(87, 100).unwrap().band(),
            QualityBand::Excellent
        );
        assert_eq!(
            QualityScore::new(86, 100).unwrap().band(),
            QualityBand::Good
        );
        assert!(QualityScore::new(0, 0).is_none());
    }
}
