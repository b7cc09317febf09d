//! Text normalisation used by the lenient `from_*` look-ups, and the byte scan parsers share.

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
    let mut rest = text;
    loop {
        // A run of ASCII (most of the text) is copied and lower-cased at once: it needs
        // neither the case tables nor the folding below.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let mut chars = rest.chars();
        let Some(c) = chars.next() else {
            return out;
        };
        rest = chars.as_str();
        // The Arabic block has no case: its letters skip the case tables.
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            push_folded(&mut out, c);
        } else {
            for c in c.to_lowercase() {
                push_folded(&mut out, c);
            }
        }
    }
}

/// Pushes the folded form of `c`, a lower-case character (or one without case).
fn push_folded(out: &mut String, c: char) {
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

/// How many bytes at the start of `bytes` are neither one of `stops` nor, when `controls`, a
/// control character (below 0x20), eight bytes at a time: what parsers skip between the bytes
/// that mean something (quotes, escapes, markup). Exported as
/// [`plain_prefix`](crate::plain_prefix).
///
/// ```
/// assert_eq!(fihris_vocab::plain_prefix(b"Recettes \"fiscales\"", b"\"\\", true), 9);
/// assert_eq!(fihris_vocab::plain_prefix(b"a\tb<c", b"<", false), 3);
/// ```
// Inlined, the stops are constants and their loop unrolled (called across crates, it cost
// a twentieth more of reading CKAN JSON).
#[inline]
#[must_use]
pub fn plain_prefix(bytes: &[u8], stops: &[u8], controls: bool) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut plain = 0;
    // A byte's high bit is flagged when it is a stop or a control character (the classic
    // "has a zero byte" tests: the lowest flag is exact, those above it may not be).
    while let Some(word) = bytes.get(plain..plain + 8) {
        let Ok(word) = <[u8; 8]>::try_from(word) else {
            break;
        };
        let word = u64::from_le_bytes(word);
        let mut flags = if controls {
            word.wrapping_sub(ONES * 0x20) & !word
        } else {
            0
        };
        for &stop in stops {
            let equal = word ^ (ONES * u64::from(stop));
            flags |= equal.wrapping_sub(ONES) & !equal;
        }
        let flags = flags & HIGHS;
        if flags != 0 {
            return plain + (flags.trailing_zeros() / 8) as usize;
        }
        plain += 8;
    }
    let rest = &bytes[plain..];
    plain
        + rest
            .iter()
            .position(|byte| stops.contains(byte) || (controls && *byte < 0x20))
            .unwrap_or(rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_arabic_block_has_no_case() {
        for c in '\u{0600}'..='\u{06FF}' {
            assert_eq!(c.to_lowercase().collect::<String>(), c.to_string(), "{c:?}");
        }
    }

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

    #[test]
    fn plain_prefix_stops_at_the_first_stop_or_control_character() {
        let stop = |byte: u8| byte == b'"' || byte == b'\\' || byte < 0x20;
        let long = "x".repeat(40);
        let mixed = format!("{}é\n{}", "y".repeat(37), "\"".repeat(20));
        for text in ["", "\"", "abc", "abc\\", "\u{7f}\u{80}ÿ", &long, &mixed] {
            let expected = text.bytes().position(stop).unwrap_or(text.len());
            assert_eq!(
                plain_prefix(text.as_bytes(), b"\"\\", true),
                expected,
                "{text:?}"
            );
            let no_controls = text.bytes().position(|b| b == b'"' || b == b'\\');
            assert_eq!(
                plain_prefix(text.as_bytes(), b"\"\\", false),
                no_controls.unwrap_or(text.len()),
                "{text:?}"
            );
        }
        for at in 0..40 {
            for stop in [b'"', b'\\', b'\n', 0, 0x1f] {
                let mut text = vec![0xC3; 40];
                text[at] = stop;
                text[(at + 1).min(39)] = b'"';
                assert_eq!(plain_prefix(&text, b"\"\\", true), at);
            }
            let mut text = vec![b' '; 40];
            text[at] = b'\t';
            assert_eq!(plain_prefix(&text, b"<", false), 40);
        }
    }
}
