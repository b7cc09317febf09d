//! Lenient matching of values written by people: case, accents, gender and number.

use fihris_vocab::{LabelLanguage, Vocabulary};

pub(crate) use fihris_vocab::folded_words as words;

/// A French word without its gender and number endings: `publiées` and `publié`,
/// `nationales` and `national`, `manuelle` and `manuel` meet.
fn stem(word: &str) -> &str {
    let word = word.strip_suffix('s').unwrap_or(word);
    let word = word.trim_end_matches('e');
    if word.ends_with("ll") || word.ends_with("nn") {
        &word[..word.len() - 1]
    } else {
        word
    }
}

/// The comparison key of a value: stemmed folded words.
pub(crate) fn key(text: &str) -> String {
    words(text)
        .iter()
        .map(|word| stem(word))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The term whose code, French or English label matches `value` (see [`key`]).
pub(crate) fn lookup<T: Vocabulary>(value: &str) -> Option<T> {
    if let Some(term) = T::from_code(value) {
        return Some(term);
    }
    let wanted = key(value);
    if wanted.is_empty() {
        return None;
    }
    T::ALL.iter().copied().find(|term| {
        [
            term.code(),
            term.label(LabelLanguage::Fr),
            term.label(LabelLanguage::En),
        ]
        .iter()
        .any(|name| key(name) == wanted)
    })
}

#[cfg(test)]
mod tests {
    use fihris_model::inventory::{DisaggregationLevel, PublicationStatus, UpdateMethod};

    use super::*;

    #[test]
    fn french_forms_meet() {
        assert_eq!(
            lookup::<PublicationStatus>("publiées"),
            Some(PublicationStatus::Published)
        );
        assert_eq!(
            lookup::<PublicationStatus>("PLANIFIE"),
            Some(PublicationStatus::Planned)
        );
        assert_eq!(lookup::<UpdateMethod>("Manuel"), Some(UpdateMethod::Manual));
        assert_eq!(
            lookup::<UpdateMethod>("semi automatisée"),
            Some(UpdateMethod::SemiAutomated)
        );
        assert_eq!(
            lookup::<DisaggregationLevel>("Régionales"),
            Some(DisaggregationLevel::Regional)
        );
        assert_eq!(lookup::<UpdateMethod>("hebdo"), None);
        assert_eq!(lookup::<UpdateMethod>(" "), None);
    }
}
