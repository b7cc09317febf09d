//! Masked evidence: enough of a value to recognise its form, never the value itself.

use crate::detect::PersonalKind;

/// Masks a personal value for display: a short prefix that shows the form (`AB1****`,
/// `+2126********`, `j*****@*****.ma`, `F***** Z****`), every other character a `*`.
///
/// At most two fifths of the characters (and never more than five) are kept, so the masked
/// text never contains the value in full.
///
/// ```
/// use fihris_privacy::{PersonalKind, mask};
/// assert_eq!(mask(PersonalKind::Cin, "AB123456"), "AB1*****");
/// assert_eq!(mask(PersonalKind::Phone, "+212612345678"), "+2126********");
/// assert_eq!(mask(PersonalKind::Email, "jdupont@gmail.com"), "j******@*****.***");
/// ```
#[must_use]
pub fn mask(kind: PersonalKind, value: &str) -> String {
    let value = value.trim();
    let chars: Vec<char> = value.chars().collect();
    let keep = match kind {
        PersonalKind::Cin | PersonalKind::Passport | PersonalKind::Massar => {
            chars.iter().take_while(|c| c.is_ascii_alphabetic()).count() + 1
        }
        PersonalKind::Phone => {
            if value.starts_with("+212") {
                5
            } else if value.starts_with("00212") {
                6
            } else {
                2
            }
        }
        PersonalKind::Iban => 4,
        PersonalKind::Rib | PersonalKind::Ice | PersonalKind::Cnss => 3,
        PersonalKind::Email => return mask_email(value),
        PersonalKind::PersonName => return mask_words(value),
        PersonalKind::BirthDate => {
            return value
                .chars()
                .map(|c| if c.is_ascii_digit() { '*' } else { c })
                .collect();
        }
        PersonalKind::Gps | PersonalKind::Address => 3,
    };
    let ceiling = (chars.len() * 2 / 5).min(5);
    let keep = keep.min(ceiling);
    chars
        .iter()
        .enumerate()
        .map(|(index, &c)| if index < keep { c } else { '*' })
        .collect()
}

/// `jdupont@gmail.com` -> `j******@*****.***`: the first letter and the shape only.
fn mask_email(value: &str) -> String {
    let Some((local, domain)) = value.split_once('@') else {
        return "*".repeat(value.chars().count());
    };
    let mut out = String::with_capacity(value.len());
    for (index, c) in local.chars().enumerate() {
        out.push(if index == 0 && local.chars().count() >= 3 {
            c
        } else {
            '*'
        });
    }
    out.push('@');
    out.extend(domain.chars().map(|c| if c == '.' { '.' } else { '*' }));
    out
}

/// `Fatima Zahra` -> `F***** Z****`: the initials of words of three letters or more.
fn mask_words(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for (index, word) in value.split(' ').enumerate() {
        if index > 0 {
            out.push(' ');
        }
        let keep_initial = word.chars().count() >= 3;
        for (position, c) in word.chars().enumerate() {
            out.push(if position == 0 && keep_initial {
                c
            } else {
                '*'
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keep_at_most_a_third() {
        assert_eq!(mask(PersonalKind::Cin, "AB12345"), "AB*****");
        assert_eq!(mask(PersonalKind::Cin, "A12345"), "A1****");
        assert_eq!(mask(PersonalKind::Phone, "0612345678"), "06********");
        assert_eq!(
            mask(PersonalKind::Iban, "MA64011519000001205000534921"),
            "MA64************************"
        );
        assert_eq!(
            mask(PersonalKind::PersonName, "Fatima Zahra"),
            "F***** Z****"
        );
        assert_eq!(mask(PersonalKind::BirthDate, "12/03/1985"), "**/**/****");
        assert_eq!(mask(PersonalKind::Email, "a@b.ma"), "*@*.**");
    }
}
