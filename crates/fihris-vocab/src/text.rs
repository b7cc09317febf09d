//! Text normalisation used by the lenient `from_*` look-ups.

/// Lowercases `text` and folds Latin accents, ligatures and Arabic diacritics / letter
/// variants, so that look-ups ignore case and accents. Exported as
/// [`fold_text`](crate::fold_text): every lenient look-up of the adapters uses it too.
///
/// ```
/// assert_eq!(fihris_vocab::fold_text("Économie ﬁnancière"), "economie financiere");
/// assert_eq!(fihris_vocab::fold_text("الإحصاء"), "الاحصاء");
/// ```
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        // ASCII (most of the text) needs neither the case tables nor the folding below.
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for c in c.to_lowercase() {
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
                // Arabic: alef variants, alef maqsura, teh marbuta.
                'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
                'ى' => out.push('ي'),
                'ة' => out.push('ه'),
                // Combining marks: Latin accents in decomposed form, Arabic harakat, tatweel.
                '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}' => {}
                _ => out.push(c),
            }
        }
    }
    out
}

/// Folded words of `text`: runs of alphanumeric characters; everything else (spaces,
/// apostrophes, hyphens, punctuation) separates words.
///
/// Exported as [`folded_words`](crate::folded_words).
///
/// ```
/// assert_eq!(fihris_vocab::folded_words("Taux d’activité (Trimestriel)"), ["taux", "d", "activite", "trimestriel"]);
/// ```
#[must_use]
pub fn words(text: &str) -> Vec<String> {
    split_words(&fold(text)).map(str::to_owned).collect()
}

/// The words of text already folded (see [`words`]), borrowed.
pub(crate) fn split_words(folded: &str) -> impl Iterator<Item = &str> + Clone {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
}

/// Comparison key: the folded words joined by one space.
pub(crate) fn key(text: &str) -> String {
    words(text).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_separators() {
        assert_eq!(key("  Économie d’Aït-Melloul "), "economie d ait melloul");
        assert_eq!(
            key("haut-commissariat-au-plan"),
            key("Haut-Commissariat au Plan")
        );
        assert_eq!(fold("ﬁchier"), "fichier");
        assert_eq!(fold("الْمَغْرِب"), "المغرب");
    }
}
