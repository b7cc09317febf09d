//! Lenient matching of values written by people: case, accents, gender and number.

use fihris_vocab::{LabelLanguage, Vocabulary};

/// Lowercase without Latin accents or ligatures.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{0300}'..='\u{036F}' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Folded words: runs of letters and digits.
pub(crate) fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

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
