//! Producer scorecards and their ranking.

use chrono::NaiveDate;

use crate::builder::mean;
use crate::facts::ProducerIdentity;
use crate::output::{Criteria, PersonalDataCounts, Scorecard, Share, ratio};

/// The weights of the ranking score, by criterion (see [`Criteria`]).
///
/// A producer's score is `100 × Σ weight × criterion / Σ weight`, summed over the criteria
/// measurable for that producer (a criterion is `None` when its denominator is 0, e.g.
/// freshness for a producer without any dataset of known frequency, or quality when no
/// scores were supplied), rounded to one decimal; 0 when no criterion is measurable.
/// Producers are ranked by score, then by published datasets (more is better); producers
/// equal on both share a rank (1, 2, 2, 4), and are listed by key.
pub const RANKING_WEIGHTS: &[(&str, f64)] = &[
    ("coverage", 0.20),
    ("open_format", 0.25),
    ("open_licence", 0.20),
    ("freshness", 0.15),
    ("quality", 0.20),
];

/// What the builder accumulates per producer.
#[derive(Debug, Clone)]
pub(crate) struct ProducerTotals {
    pub(crate) identity: ProducerIdentity,
    pub(crate) datasets: u64,
    pub(crate) published: u64,
    pub(crate) planned: u64,
    pub(crate) restricted: u64,
    pub(crate) with_distributions: u64,
    pub(crate) open_format: u64,
    pub(crate) open_licence: u64,
    pub(crate) up_to_date: u64,
    pub(crate) overdue: u64,
    pub(crate) scored: u64,
    pub(crate) score_sum: f64,
    pub(crate) last_publication: Option<NaiveDate>,
    pub(crate) personal_data: PersonalDataCounts,
}

/// The score of a set of criteria, in tenths of a point (0–1000).
fn score_tenths(criteria: &Criteria) -> u32 {
    let values = [
        criteria.coverage,
        criteria.open_format,
        criteria.open_licence,
        criteria.freshness,
        criteria.quality,
    ];
    let (mut weighted, mut weights) = (0.0, 0.0);
    for ((_, weight), value) in RANKING_WEIGHTS.iter().zip(values) {
        if let Some(value) = value {
            weighted += weight * value;
            weights += weight;
        }
    }
    if weights == 0.0 {
        return 0;
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "the weighted mean of shares is within 0..=1"
    )]
    let tenths = (weighted / weights * 1000.0).round().clamp(0.0, 1000.0) as u32;
    tenths
}

pub(crate) fn scorecards(producers: Vec<ProducerTotals>) -> Vec<Scorecard> {
    let mut cards: Vec<(u32, Scorecard)> = producers
        .into_iter()
        .map(|totals| {
            let mean_quality = mean(totals.score_sum, totals.scored);
            let criteria = Criteria {
                coverage: ratio(totals.published, totals.published + totals.planned),
                open_format: ratio(totals.open_format, totals.with_distributions),
                open_licence: ratio(totals.open_licence, totals.with_distributions),
                freshness: ratio(totals.up_to_date, totals.up_to_date + totals.overdue),
                quality: mean_quality.map(|mean| crate::output::round4(mean / 100.0)),
            };
            let tenths = score_tenths(&criteria);
            let card = Scorecard {
                rank: 0,
                key: totals.identity.key,
                code: totals.identity.code.map(str::to_owned),
                name: totals.identity.name,
                name_ar: totals.identity.name_ar,
                datasets: totals.datasets,
                published: totals.published,
                planned: totals.planned,
                restricted: totals.restricted,
                open_format: Share::new(totals.open_format, totals.with_distributions),
                open_licence: Share::new(totals.open_licence, totals.with_distributions),
                mean_quality,
                up_to_date: totals.up_to_date,
                overdue: totals.overdue,
                last_publication: totals
                    .last_publication
                    .map(|date| date.format("%Y-%m-%d").to_string()),
                personal_data: totals.personal_data,
                criteria,
                score: f64::from(tenths) / 10.0,
            };
            (tenths, card)
        })
        .collect();
    cards.sort_by(|(a_score, a), (b_score, b)| {
        b_score
            .cmp(a_score)
            .then(b.published.cmp(&a.published))
            .then_with(|| a.key.cmp(&b.key))
    });
    let mut ranked: Vec<Scorecard> = Vec::with_capacity(cards.len());
    let mut previous: Option<(u32, u64, u32)> = None;
    for (position, (tenths, mut card)) in cards.into_iter().enumerate() {
        let rank = match previous {
            Some((score, published, rank)) if score == tenths && published == card.published => {
                rank
            }
            _ => u32::try_from(position + 1).unwrap_or(u32::MAX),
        };
        card.rank = rank;
        previous = Some((tenths, card.published, rank));
        ranked.push(card);
    }
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_sum_to_one() {
        let total: f64 = RANKING_WEIGHTS.iter().map(|(_, weight)| weight).sum();
        assert!((total - 1.0).abs() < 1e-12);
    }

    #[test]
    fn missing_criteria_are_left_out() {
        let criteria = Criteria {
            coverage: Some(1.0),
            open_format: Some(0.0),
            open_licence: None,
            freshness: None,
            quality: None,
        };
        // 100 × (0.20 × 1 + 0.25 × 0) / 0.45 = 44.4
        assert_eq!(score_tenths(&criteria), 444);
        let none = Criteria {
            coverage: None,
            open_format: None,
            open_licence: None,
            freshness: None,
            quality: None,
        };
        assert_eq!(score_tenths(&none), 0);
    }
}
