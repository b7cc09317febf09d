//! Value-level detectors of personal data and the header words that hint at them.

use std::fmt;

/// A kind of personal data a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum PersonalKind {
    /// National identity card number (CIN/CNIE): 1–2 letters and 5–6 digits.
    Cin,
    /// Moroccan phone number: `+212`, `00212` or `0`, then a mobile (6, 7) or fixed (5) number.
    Phone,
    /// E-mail address.
    Email,
    /// Moroccan bank account (RIB): 24 digits whose last two are the mod-97 key.
    Rib,
    /// IBAN (ISO 13616, mod-97 check), Moroccan (`MA` + 2 check digits + RIB) or foreign.
    Iban,
    /// Common company identifier (ICE): 15 digits, mod-97 key. Identifies sole traders too.
    Ice,
    /// Massar student code: a letter and 9 digits.
    Massar,
    /// Social security (CNSS) registration number (needs a header naming it).
    Cnss,
    /// Passport number (needs a header naming it).
    Passport,
    /// Date of birth (needs a header naming it).
    BirthDate,
    /// Precise GPS coordinates (4 decimals or more, about 11 m).
    Gps,
    /// Person names.
    PersonName,
    /// Street addresses.
    Address,
}

impl PersonalKind {
    /// Every kind, in the order a cell is tried when no header hints at one.
    pub const ALL: &'static [Self] = &[
        Self::Email,
        Self::Iban,
        Self::Rib,
        Self::Ice,
        Self::Phone,
        Self::Massar,
        Self::Cin,
        Self::Cnss,
        Self::Passport,
        Self::BirthDate,
        Self::Gps,
        Self::PersonName,
        Self::Address,
    ];

    /// The stable rule id of the finding, e.g. `privacy.cin`.
    #[must_use]
    pub const fn rule_id(self) -> &'static str {
        match self {
            Self::Cin => "privacy.cin",
            Self::Phone => "privacy.phone",
            Self::Email => "privacy.email",
            Self::Rib => "privacy.rib",
            Self::Iban => "privacy.iban",
            Self::Ice => "privacy.ice",
            Self::Massar => "privacy.massar",
            Self::Cnss => "privacy.cnss",
            Self::Passport => "privacy.passport",
            Self::BirthDate => "privacy.birth-date",
            Self::Gps => "privacy.gps",
            Self::PersonName => "privacy.person-name",
            Self::Address => "privacy.address",
        }
    }

    /// The short code of the kind (`cin`, `birth-date`…): the rule id without `privacy.`.
    #[must_use]
    pub fn code(self) -> &'static str {
        let id = self.rule_id();
        &id["privacy.".len()..]
    }

    /// A label for people.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Cin => "national identity card numbers (CIN)",
            Self::Phone => "phone numbers",
            Self::Email => "e-mail addresses",
            Self::Rib => "bank account numbers (RIB)",
            Self::Iban => "IBANs",
            Self::Ice => "company identifiers (ICE)",
            Self::Massar => "Massar student codes",
            Self::Cnss => "CNSS registration numbers",
            Self::Passport => "passport numbers",
            Self::BirthDate => "dates of birth",
            Self::Gps => "precise GPS coordinates",
            Self::PersonName => "person names",
            Self::Address => "street addresses",
        }
    }

    /// Whether the kind identifies a person on its own (a direct identifier): such a
    /// column makes the resource unpublishable until it is removed.
    #[must_use]
    pub const fn is_direct_identifier(self) -> bool {
        matches!(
            self,
            Self::Cin
                | Self::Phone
                | Self::Email
                | Self::Rib
                | Self::Iban
                | Self::Massar
                | Self::Cnss
                | Self::Passport
                | Self::PersonName
        )
    }

    /// Whether values can only be told apart from ordinary numbers or dates by a header
    /// naming the kind (a 9-digit number is a CNSS number only in a CNSS column).
    #[must_use]
    pub const fn needs_header(self) -> bool {
        matches!(self, Self::Cnss | Self::Passport | Self::BirthDate)
    }

    /// Whether `value` has the form (and, where one exists, the check digits) of this kind.
    /// Kinds that need a header ([`PersonalKind::needs_header`]) and GPS coordinates are
    /// checked here as if the header named them; person names as if the header were an
    /// unambiguous one such as `prénom`.
    #[must_use]
    pub fn matches_value(self, value: &str) -> bool {
        matches_value(self, value.trim(), Hint::Strong)
    }
}

impl fmt::Display for PersonalKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// How strongly a column header names a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hint {
    /// The header does not name the kind.
    None,
    /// An ambiguous word (`nom`, `name`, `الاسم`) names it.
    Weak,
    /// The header names it unambiguously.
    Strong,
}

/// Checks one trimmed, non-empty value against what the column header says (a header widens
/// GPS coordinates and person names).
pub(crate) fn matches_value(kind: PersonalKind, value: &str, hint: Hint) -> bool {
    match kind {
        PersonalKind::Cin => is_cin(value),
        PersonalKind::Phone => is_moroccan_phone(value),
        PersonalKind::Email => is_email(value),
        PersonalKind::Rib => is_valid_rib(value),
        PersonalKind::Iban => is_valid_iban(value),
        PersonalKind::Ice => is_valid_ice(value),
        PersonalKind::Massar => is_massar(value),
        PersonalKind::Cnss => is_cnss(value),
        PersonalKind::Passport => is_passport(value),
        PersonalKind::BirthDate => is_full_date(value),
        PersonalKind::Gps => {
            is_coordinate_pair(value) || (hint == Hint::Strong && is_precise_coordinate(value))
        }
        PersonalKind::PersonName => match hint {
            Hint::Strong => looks_like_person_name(value),
            Hint::Weak => has_known_name(value, 1),
            Hint::None => has_known_name(value, 2),
        },
        PersonalKind::Address => is_street_address(value),
    }
}

/// Up to 48 bytes of `value` without the separators people type inside numbers.
struct Compact {
    bytes: [u8; 48],
    len: usize,
}

impl Compact {
    fn new(value: &str, separators: &[u8]) -> Option<Self> {
        let mut compact = Self {
            bytes: [0; 48],
            len: 0,
        };
        for &byte in value.as_bytes() {
            if separators.contains(&byte) {
                continue;
            }
            if compact.len == compact.bytes.len() {
                return None;
            }
            compact.bytes[compact.len] = byte;
            compact.len += 1;
        }
        Some(compact)
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

fn all_digits(bytes: &[u8]) -> bool {
    !bytes.is_empty() && bytes.iter().all(u8::is_ascii_digit)
}

/// The remainder modulo 97 of a decimal digit string.
fn mod97_digits(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .fold(0, |rest, digit| (rest * 10 + u32::from(digit - b'0')) % 97)
}

/// A CIN: 1–2 ASCII letters then 5–6 digits (`AB123456`, `J12345`).
#[must_use]
pub fn is_cin(value: &str) -> bool {
    let bytes = value.as_bytes();
    if !(6..=8).contains(&bytes.len()) {
        return false;
    }
    let letters = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let digits = bytes.len() - letters;
    (1..=2).contains(&letters) && (5..=6).contains(&digits) && all_digits(&bytes[letters..])
}

/// A Massar code: one ASCII letter then 9 digits (`J130012345`).
#[must_use]
pub fn is_massar(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 10 && bytes[0].is_ascii_alphabetic() && all_digits(&bytes[1..])
}

/// A Moroccan phone number in national (`06…`, 10 digits) or international
/// (`+212 6…`, `00212 6…`) form; mobile numbers start with 6 or 7, fixed ones with 5.
/// Spaces, dots, dashes, slashes and parentheses are ignored, as is a `(0)` after `+212`.
#[must_use]
pub fn is_moroccan_phone(value: &str) -> bool {
    if is_decimal_number(value) {
        return false;
    }
    let Some(compact) = Compact::new(value, b" .-/()\xc2\xa0") else {
        return false;
    };
    let bytes = compact.as_bytes();
    let national = if let Some(rest) = bytes.strip_prefix(b"+212") {
        rest
    } else if let Some(rest) = bytes.strip_prefix(b"00212") {
        rest
    } else if let Some(rest) = bytes.strip_prefix(b"0") {
        rest
    } else {
        return false;
    };
    // `+212 (0)6…` keeps the trunk prefix.
    let national = match national {
        [b'0', rest @ ..] if rest.len() == 9 && bytes[0] != b'0' => rest,
        _ => national,
    };
    national.len() == 9 && matches!(national[0], b'5'..=b'7') && all_digits(national)
}

/// `0.612345678`, `12,5`: digits with one decimal separator (a rate, not a phone number).
fn is_decimal_number(value: &str) -> bool {
    let mut parts = value.split(['.', ',']);
    let (Some(integer), Some(decimals), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    all_digits(integer.as_bytes()) && all_digits(decimals.as_bytes())
}

/// Whether a phone number (already known to be one) is a mobile number.
pub(crate) fn is_mobile_phone(value: &str) -> bool {
    let Some(compact) = Compact::new(value, b" .-/()\xc2\xa0") else {
        return false;
    };
    let bytes = compact.as_bytes();
    let rest = bytes
        .strip_prefix(b"+212")
        .or_else(|| bytes.strip_prefix(b"00212"))
        .or_else(|| bytes.strip_prefix(b"0"))
        .unwrap_or(bytes);
    let rest = rest.strip_prefix(b"0").unwrap_or(rest);
    matches!(rest.first(), Some(b'6' | b'7'))
}

/// An e-mail address: a local part, one `@`, a dotted domain ending in a 2+ letter label.
#[must_use]
pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    if local.is_empty()
        || local.len() > 64
        || domain.contains('@')
        || local
            .bytes()
            .any(|b| b.is_ascii_whitespace() || b == b',' || b == b';')
    {
        return false;
    }
    let Some((_, tld)) = domain.rsplit_once('.') else {
        return false;
    };
    tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
        && domain.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || !b.is_ascii())
        })
}

/// Whether an e-mail address is a service's (`contact@`, `info@`…) rather than a person's.
pub(crate) fn is_role_email(value: &str) -> bool {
    const ROLES: &[&str] = &[
        "contact",
        "info",
        "infos",
        "accueil",
        "secretariat",
        "direction",
        "support",
        "communication",
        "webmaster",
        "admin",
        "administration",
        "service",
        "courrier",
        "bureau",
        "noreply",
        "no-reply",
        "presse",
        "rh",
        "dg",
    ];
    value
        .split_once('@')
        .is_some_and(|(local, _)| ROLES.iter().any(|role| local.eq_ignore_ascii_case(role)))
}

/// A Moroccan RIB: 24 digits (bank 3, city 3, account 16, key 2) whose whole number is
/// divisible by 97 (the key is `97 - (first 22 digits × 100 mod 97)`). Spaces and dashes are
/// ignored; all zeros is not an account.
#[must_use]
pub fn is_valid_rib(value: &str) -> bool {
    let Some(compact) = Compact::new(value, b" -\xc2\xa0") else {
        return false;
    };
    let bytes = compact.as_bytes();
    bytes.len() == 24
        && all_digits(bytes)
        && bytes.iter().any(|&b| b != b'0')
        && mod97_digits(bytes) == 0
}

/// An IBAN (ISO 13616): 2 letters, 2 check digits, up to 30 letters or digits, the number
/// rearranged (first four characters moved to the end, letters as 10–35) being 1 modulo 97.
/// A Moroccan IBAN is `MA`, the check digits and a 24-digit RIB (28 characters).
#[must_use]
pub fn is_valid_iban(value: &str) -> bool {
    let Some(compact) = Compact::new(value, b" -\xc2\xa0") else {
        return false;
    };
    let bytes = compact.as_bytes();
    if !(15..=34).contains(&bytes.len())
        || !bytes[..2].iter().all(u8::is_ascii_alphabetic)
        || !bytes[2..4].iter().all(u8::is_ascii_digit)
        || !bytes[4..].iter().all(u8::is_ascii_alphanumeric)
    {
        return false;
    }
    if bytes[..2].eq_ignore_ascii_case(b"MA") && (bytes.len() != 28 || !all_digits(&bytes[4..])) {
        return false;
    }
    let mut rest = 0u32;
    for &byte in bytes[4..].iter().chain(&bytes[..4]) {
        let digit = if byte.is_ascii_digit() {
            u32::from(byte - b'0')
        } else {
            u32::from(byte.to_ascii_uppercase() - b'A') + 10
        };
        rest = if digit >= 10 {
            (rest * 100 + digit) % 97
        } else {
            (rest * 10 + digit) % 97
        };
    }
    rest == 1
}

/// An ICE: 15 digits (company 9, establishment 4, key 2) whose whole number is divisible by
/// 97, as python-stdnum's `stdnum.ma.ice` checks it (`001561191000066` is valid).
#[must_use]
pub fn is_valid_ice(value: &str) -> bool {
    let Some(compact) = Compact::new(value, b" \xc2\xa0") else {
        return false;
    };
    let bytes = compact.as_bytes();
    bytes.len() == 15
        && all_digits(bytes)
        && bytes.iter().any(|&b| b != b'0')
        && mod97_digits(bytes) == 0
}

/// A CNSS registration number under a CNSS header: 8 to 10 digits.
fn is_cnss(value: &str) -> bool {
    Compact::new(value, b" -\xc2\xa0")
        .is_some_and(|c| (8..=10).contains(&c.len) && all_digits(c.as_bytes()))
}

/// A passport number under a passport header: 1–2 letters then 6–8 digits.
fn is_passport(value: &str) -> bool {
    let bytes = value.as_bytes();
    let letters = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    (1..=2).contains(&letters)
        && (6..=8).contains(&(bytes.len() - letters))
        && all_digits(&bytes[letters..])
}

/// A full calendar date (`12/03/1985`, `1985-03-12`, `12-03-1985`, `12.03.1985`, optionally
/// followed by a time) with a year from 1900 to 2100.
fn is_full_date(value: &str) -> bool {
    let date = value.split([' ', 'T']).next().unwrap_or(value);
    let parts: Vec<&str> = date.split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return false;
    };
    let number = |part: &str| -> Option<u32> {
        (!part.is_empty() && part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let (Some(a), Some(b), Some(c)) = (number(a), number(b), number(c)) else {
        return false;
    };
    let (year, month, day) = if parts[0].len() == 4 {
        (a, b, c)
    } else if parts[2].len() == 4 {
        (c, b, a)
    } else {
        return false;
    };
    (1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// One decimal coordinate with 4 decimals or more, within ±180.
fn is_precise_coordinate(value: &str) -> bool {
    let value = value.strip_prefix('-').unwrap_or(value);
    let value = value.replace(',', ".");
    let Some((integer, decimals)) = value.split_once('.') else {
        return false;
    };
    !integer.is_empty()
        && integer.len() <= 3
        && integer.bytes().all(|b| b.is_ascii_digit())
        && decimals.len() >= 4
        && decimals.bytes().all(|b| b.is_ascii_digit())
        && integer.parse::<u32>().is_ok_and(|degrees| degrees <= 180)
}

/// `33.57312, -7.58984`, `33.57312 -7.58984` or `POINT (-7.58984 33.57312)`: two precise
/// coordinates in one cell, the latitude within ±90.
fn is_coordinate_pair(value: &str) -> bool {
    if !value.contains('.') {
        return false;
    }
    let inner = value
        .strip_prefix("POINT")
        .or_else(|| value.strip_prefix("point"))
        .map(|rest| rest.trim().trim_start_matches('(').trim_end_matches(')'))
        .unwrap_or(value);
    let mut parts = inner.split([',', ' ', ';']).filter(|part| !part.is_empty());
    let (Some(first), Some(second), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let latitude_ok = |part: &str| {
        part.trim_start_matches('-')
            .split('.')
            .next()
            .and_then(|degrees| degrees.parse::<u32>().ok())
            .is_some_and(|degrees| degrees <= 90)
    };
    is_precise_coordinate(first)
        && is_precise_coordinate(second)
        && (latitude_ok(first) || latitude_ok(second))
}

/// Words that make a cell a place, an institution or an organisation, not a person.
const PLACE_WORDS: &[&str] = &[
    "aeroport",
    "agence",
    "ain",
    "arbaa",
    "association",
    "avenue",
    "aéroport",
    "bab",
    "bank",
    "banque",
    "bd",
    "beni",
    "bni",
    "boulevard",
    "centre",
    "cite",
    "cité",
    "clinique",
    "college",
    "collège",
    "commune",
    "complexe",
    "cooperative",
    "coopérative",
    "dar",
    "direction",
    "douar",
    "ecole",
    "faculte",
    "faculté",
    "groupe",
    "had",
    "hay",
    "hopital",
    "hotel",
    "hôpital",
    "hôtel",
    "institut",
    "jamaa",
    "jardin",
    "khemis",
    "ksar",
    "lalla",
    "lycee",
    "lycée",
    "marche",
    "marché",
    "ministere",
    "ministère",
    "mosquee",
    "mosquée",
    "moulay",
    "office",
    "oulad",
    "ouled",
    "parc",
    "pharmacie",
    "place",
    "port",
    "prefecture",
    "province",
    "préfecture",
    "quartier",
    "region",
    "route",
    "rue",
    "région",
    "sa",
    "sarl",
    "sebt",
    "sidi",
    "societe",
    "société",
    "souk",
    "stade",
    "tleta",
    "universite",
    "université",
    "école",
    "أولاد",
    "إعدادية",
    "إقليم",
    "اولاد",
    "بني",
    "تعاونية",
    "ثانوية",
    "جماعة",
    "جمعية",
    "جهة",
    "حي",
    "دوار",
    "زنقة",
    "سيدي",
    "شارع",
    "شركة",
    "عمالة",
    "عين",
    "مدرسة",
    "مركز",
    "مستشفى",
    "مولاي",
];

/// Common Moroccan given names and family names, in Latin and Arabic script (lowercase).
const KNOWN_NAMES: &[&str] = &[
    "abdelaziz",
    "abdelhak",
    "abdelkader",
    "abdellah",
    "abderrahim",
    "adil",
    "ahmed",
    "aicha",
    "alaoui",
    "ali",
    "amina",
    "amine",
    "amrani",
    "anas",
    "asmae",
    "ayoub",
    "aziz",
    "bakkali",
    "benali",
    "benjelloun",
    "benkirane",
    "bennani",
    "berrada",
    "brahim",
    "btissam",
    "chaimae",
    "cherkaoui",
    "chraibi",
    "dounia",
    "driss",
    "el",
    "fassi",
    "fatiha",
    "fatima",
    "filali",
    "ghizlane",
    "hafsa",
    "hajar",
    "hajji",
    "hamza",
    "hanane",
    "hassan",
    "hicham",
    "hind",
    "houda",
    "ibrahim",
    "idrissi",
    "ikram",
    "ilham",
    "ilyas",
    "imad",
    "imane",
    "ismail",
    "jamal",
    "jamila",
    "kabbaj",
    "karim",
    "karima",
    "kawtar",
    "kettani",
    "khadija",
    "khalid",
    "lahcen",
    "lahlou",
    "larbi",
    "latifa",
    "leila",
    "loubna",
    "malika",
    "mansouri",
    "mariam",
    "maryam",
    "mehdi",
    "meryem",
    "mohamed",
    "mohammed",
    "mounir",
    "mustapha",
    "nabil",
    "naciri",
    "nadia",
    "naima",
    "najat",
    "nawal",
    "nora",
    "noureddine",
    "omar",
    "othmane",
    "ouazzani",
    "oumaima",
    "rachid",
    "rachida",
    "rajae",
    "reda",
    "safae",
    "said",
    "saidi",
    "salma",
    "samir",
    "samira",
    "sanae",
    "sara",
    "siham",
    "slaoui",
    "sofia",
    "soufiane",
    "soukaina",
    "tahiri",
    "tarik",
    "tazi",
    "touria",
    "wafae",
    "widad",
    "yasmine",
    "yassine",
    "youssef",
    "zahra",
    "zakaria",
    "zineb",
    "أحمد",
    "أمينة",
    "أيوب",
    "إبراهيم",
    "إسماعيل",
    "ادريس",
    "الإدريسي",
    "التازي",
    "العلوي",
    "الفاسي",
    "بناني",
    "حسن",
    "حمزة",
    "حنان",
    "خالد",
    "خديجة",
    "رشيد",
    "زينب",
    "سارة",
    "سعاد",
    "سعيد",
    "سلمى",
    "عائشة",
    "عبد",
    "علي",
    "عمر",
    "فاطمة",
    "كريم",
    "ليلى",
    "محمد",
    "مريم",
    "مصطفى",
    "مليكة",
    "مهدي",
    "نادية",
    "نعيمة",
    "هدى",
    "ياسين",
    "يوسف",
];

/// Calls `visit` with each word of `value` lowercased (ASCII) in a stack buffer; stops when
/// `visit` returns `true`.
fn any_word(value: &str, mut visit: impl FnMut(&str) -> bool) -> bool {
    let mut buffer = [0u8; 64];
    for word in value.split(|c: char| c.is_whitespace() || c == '-' || c == '\'') {
        if word.is_empty() || word.len() > buffer.len() {
            continue;
        }
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower)
            && visit(lower)
        {
            return true;
        }
    }
    false
}

fn is_place_word(word: &str) -> bool {
    PLACE_WORDS.binary_search(&word).is_ok()
}

/// Letters (any script), spaces, hyphens, apostrophes and dots only; 1 to 5 words, the first
/// letter of a Latin word uppercase or the whole value uppercase; no place word.
fn looks_like_person_name(value: &str) -> bool {
    if value.len() > 80 {
        return false;
    }
    if !value
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '.'))
    {
        return false;
    }
    let words = value.split_whitespace().count();
    (1..=5).contains(&words)
        && value.split_whitespace().all(|word| {
            word.chars()
                .next()
                .is_some_and(|c| !c.is_ascii_alphabetic() || c.is_uppercase())
        })
        && !any_word(value, is_place_word)
}

/// A person name recognised by its values: `min_words` to 4 words, one of them a common
/// Moroccan given or family name (`el` and `عبد` do not count alone), no place word.
fn has_known_name(value: &str, min_words: usize) -> bool {
    let words = value.split_whitespace().count();
    if !(min_words..=4).contains(&words) || !looks_like_person_name(value) {
        return false;
    }
    any_word(value, |word| {
        word != "el" && word != "عبد" && KNOWN_NAMES.binary_search(&word).is_ok()
    })
}

/// A street address: a street word (`rue`, `avenue`, `bd`, `lot`, `hay`, `زنقة`, `شارع`…) and
/// a house number.
fn is_street_address(value: &str) -> bool {
    const STREET_WORDS: &[&str] = &[
        "rue",
        "avenue",
        "av",
        "av.",
        "bd",
        "bd.",
        "boulevard",
        "lot",
        "lotissement",
        "hay",
        "residence",
        "résidence",
        "imm",
        "imm.",
        "immeuble",
        "appt",
        "apt",
        "n°",
        "derb",
        "zenqa",
        "angle",
        "زنقة",
        "شارع",
        "حي",
        "درب",
        "عمارة",
        "إقامة",
        "تجزئة",
        "رقم",
    ];
    if value.len() > 200 || !value.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    if !value.chars().any(char::is_alphabetic) {
        return false;
    }
    any_word(value, |word| {
        STREET_WORDS.contains(&word.trim_end_matches(','))
    })
}

/// What a column header says about a column.
#[derive(Debug, Clone, Default)]
pub(crate) struct HeaderContext {
    /// Kinds the header names.
    pub(crate) hinted: Vec<PersonalKind>,
    /// The person-name hint comes from an ambiguous word only (`nom`, `name`, `الاسم`).
    pub(crate) weak_name: bool,
    /// The header names a count (`nombre`, `effectif`, `عدد`…).
    pub(crate) count: bool,
    /// The header names a person attribute usable to re-identify (age, sex, profession…).
    pub(crate) person_attribute: bool,
    /// The header names a place or a date usable to re-identify.
    pub(crate) context_attribute: bool,
}

/// Lowercases, removes French accents and turns separators into spaces.
pub(crate) fn normalise_header(header: &str) -> String {
    let mut out = String::with_capacity(header.len() + 2);
    out.push(' ');
    for c in header.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            '_' | '-' | '.' | '/' | '(' | ')' | ':' | '\'' | '’' | '"' => ' ',
            c => c,
        };
        out.push(c);
    }
    out.push(' ');
    out
}

/// Whether the normalised header contains `word` as a whole word (or phrase).
fn has_word(header: &str, word: &str) -> bool {
    let mut padded = String::with_capacity(word.len() + 2);
    padded.push(' ');
    padded.push_str(word);
    padded.push(' ');
    header.contains(&padded)
}

fn has_any_word(header: &str, words: &[&str]) -> bool {
    words.iter().any(|word| has_word(header, word))
}

fn has_any_part(header: &str, parts: &[&str]) -> bool {
    parts.iter().any(|part| header.contains(part))
}

/// Words of a name header that make it the name of something other than a person.
const ENTITY_WORDS: &[&str] = &[
    "commune",
    "communes",
    "etablissement",
    "ville",
    "province",
    "prefecture",
    "region",
    "entreprise",
    "societe",
    "ecole",
    "projet",
    "hopital",
    "centre",
    "association",
    "cooperative",
    "produit",
    "indicateur",
    "secteur",
    "pays",
    "douar",
    "quartier",
    "arrondissement",
    "structure",
    "organisme",
    "site",
    "programme",
    "marche",
    "station",
    "service",
    "direction",
    "ministere",
    "lieu",
    "localite",
    "zone",
    "fichier",
    "file",
    "dataset",
    "variable",
    "champ",
    "field",
    "school",
    "city",
    "company",
    "product",
    "country",
    "cercle",
    "caidat",
    "pachalik",
    "agence",
    "banque",
    "bank",
    "delegation",
    "universite",
    "faculte",
    "filiere",
    "specialite",
    "espece",
    "fr",
    "ar",
    "en",
];

const ARABIC_ENTITY_PARTS: &[&str] = &[
    "الجماعة",
    "المؤسسة",
    "المدينة",
    "الإقليم",
    "الجهة",
    "المشروع",
    "الشركة",
    "الجمعية",
    "المدرسة",
    "الدوار",
    "المركز",
    "البلد",
];

/// Reads the header of a column.
pub(crate) fn header_context(header: &str) -> HeaderContext {
    let h = normalise_header(header);
    let mut hinted = Vec::new();
    let mut hint = |kind: PersonalKind, yes: bool| {
        if yes {
            hinted.push(kind);
        }
    };
    hint(
        PersonalKind::Iban,
        has_word(&h, "iban") || has_any_part(&h, &["الآيبان"]),
    );
    hint(
        PersonalKind::Rib,
        has_any_word(
            &h,
            &["rib", "compte bancaire", "releve d identite bancaire"],
        ) || has_any_part(&h, &["الحساب البنكي", "رقم الحساب"]),
    );
    hint(
        PersonalKind::Ice,
        has_any_word(&h, &["ice", "identifiant commun"]) || has_any_part(&h, &["التعريف الموحد"]),
    );
    hint(
        PersonalKind::Massar,
        has_any_word(&h, &["massar", "code eleve", "code etudiant"]) || has_any_part(&h, &["مسار"]),
    );
    hint(
        PersonalKind::Cnss,
        has_any_word(&h, &["cnss", "immatriculation", "securite sociale"])
            || has_any_part(&h, &["الضمان الاجتماعي"]),
    );
    hint(
        PersonalKind::Passport,
        has_any_word(&h, &["passeport", "passport"]) || has_any_part(&h, &["جواز"]),
    );
    hint(
        PersonalKind::Cin,
        has_any_word(
            &h,
            &[
                "cin",
                "cnie",
                "cni",
                "carte nationale",
                "national id",
                "id card",
            ],
        ) || has_any_part(&h, &["البطاقة الوطنية", "بطاقة التعريف"]),
    );
    hint(
        PersonalKind::Phone,
        has_any_word(
            &h,
            &[
                "tel",
                "tele",
                "telephone",
                "telephones",
                "phone",
                "gsm",
                "mobile",
                "portable",
                "fax",
            ],
        ) || has_any_part(&h, &["هاتف", "الهاتف"]),
    );
    hint(
        PersonalKind::Email,
        has_any_word(
            &h,
            &[
                "email",
                "e mail",
                "mail",
                "courriel",
                "adresse electronique",
            ],
        ) || has_any_part(&h, &["البريد الإلكتروني", "البريد الالكتروني"]),
    );
    hint(
        PersonalKind::BirthDate,
        has_any_word(
            &h,
            &[
                "naissance",
                "birth",
                "birthdate",
                "birthday",
                "dob",
                "ddn",
                "date naiss",
                "ne le",
                "nee le",
            ],
        ) || has_any_part(&h, &["الازدياد", "الولادة", "الميلاد"]),
    );
    hint(
        PersonalKind::Gps,
        has_any_word(
            &h,
            &[
                "lat",
                "latitude",
                "lon",
                "lng",
                "long",
                "longitude",
                "gps",
                "coord",
                "coords",
                "coordonnees",
                "coordinates",
                "geopoint",
                "geo point",
                "geolocalisation",
            ],
        ) || has_any_part(&h, &["خط العرض", "خط الطول", "الإحداثيات"]),
    );
    let entity = has_any_word(&h, ENTITY_WORDS) || has_any_part(&h, ARABIC_ENTITY_PARTS);
    let strong_name =
        has_any_word(
            &h,
            &[
                "prenom",
                "prenoms",
                "firstname",
                "lastname",
                "surname",
                "fullname",
                "patronyme",
                "nom prenom",
                "nom et prenom",
                "prenom nom",
                "nom complet",
                "nom de famille",
                "first name",
                "last name",
                "family name",
                "given name",
                "full name",
                "beneficiaire",
                "candidat",
                "titulaire",
            ],
        ) || has_any_part(&h, &["النسب", "الاسم الشخصي", "الاسم العائلي", "الاسم الكامل"]);
    let weak_name = has_any_word(&h, &["nom", "noms", "name", "names"])
        || has_any_part(&h, &["الاسم", "الإسم", "اسم"]);
    hint(
        PersonalKind::PersonName,
        !entity && (strong_name || weak_name),
    );
    hint(
        PersonalKind::Address,
        has_any_word(
            &h,
            &[
                "adresse",
                "adresses",
                "address",
                "domicile",
                "lieu de residence",
                "residence",
            ],
        ) && !has_any_word(&h, &["electronique", "email", "mail", "ip", "web", "url"])
            || has_any_part(&h, &["العنوان", "محل السكنى", "السكن"]),
    );
    let count = has_any_word(
        &h,
        &[
            "nombre",
            "nb",
            "nbr",
            "nbre",
            "effectif",
            "effectifs",
            "count",
            "total",
            "number",
            "n",
            "frequence",
            "cas",
            "inscrits",
            "population",
            "menages",
            "eleves",
            "etudiants",
            "beneficiaires",
            "naissances",
            "deces",
            "patients",
            "habitants",
        ],
    ) || has_any_part(&h, &["عدد", "مجموع"]);
    let person_attribute = has_any_word(
        &h,
        &[
            "age",
            "sexe",
            "sex",
            "genre",
            "gender",
            "naissance",
            "birth",
            "profession",
            "metier",
            "occupation",
            "nationalite",
            "nationality",
            "situation familiale",
            "etat civil",
            "etat matrimonial",
            "marital",
        ],
    ) || has_any_part(
        &h,
        &[
            "الجنس",
            "السن",
            "العمر",
            "المهنة",
            "الجنسية",
            "الحالة العائلية",
        ],
    );
    let context_attribute =
        has_any_word(
            &h,
            &[
                "commune",
                "douar",
                "ville",
                "province",
                "code postal",
                "quartier",
                "date",
                "arrondissement",
                "city",
            ],
        ) || has_any_part(&h, &["الجماعة", "المدينة", "الإقليم", "تاريخ", "الدوار"]);
    HeaderContext {
        hinted,
        weak_name: !strong_name,
        count,
        person_attribute,
        context_attribute,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [KNOWN_NAMES, PLACE_WORDS] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted, list);
        }
    }

    #[test]
    fn header_words() {
        assert!(
            header_context("Prénom")
                .hinted
                .contains(&PersonalKind::PersonName)
        );
        assert!(
            header_context("nom_complet")
                .hinted
                .contains(&PersonalKind::PersonName)
        );
        assert!(
            header_context("الاسم")
                .hinted
                .contains(&PersonalKind::PersonName)
        );
        assert!(
            header_context("النسب")
                .hinted
                .contains(&PersonalKind::PersonName)
        );
        assert!(
            !header_context("Nom de la commune")
                .hinted
                .contains(&PersonalKind::PersonName)
        );
        assert!(
            !header_context("nom_etablissement")
                .hinted
                .contains(&PersonalKind::PersonName)
        );
        assert!(
            !header_context("اسم الجماعة")
                .hinted
                .contains(&PersonalKind::PersonName)
        );
        assert!(header_context("N° CIN").hinted.contains(&PersonalKind::Cin));
        assert!(
            header_context("Téléphone")
                .hinted
                .contains(&PersonalKind::Phone)
        );
        assert!(
            header_context("date_naissance")
                .hinted
                .contains(&PersonalKind::BirthDate)
        );
        assert!(
            header_context("تاريخ الازدياد")
                .hinted
                .contains(&PersonalKind::BirthDate)
        );
        assert!(
            header_context("Adresse")
                .hinted
                .contains(&PersonalKind::Address)
        );
        assert!(
            !header_context("Adresse électronique")
                .hinted
                .contains(&PersonalKind::Address)
        );
        assert!(
            header_context("Adresse électronique")
                .hinted
                .contains(&PersonalKind::Email)
        );
        assert!(header_context("Nombre d'élèves").count);
        assert!(header_context("عدد التلاميذ").count);
        assert!(header_context("Sexe").person_attribute);
        assert!(header_context("Commune").context_attribute);
        assert!(header_context("Tranche d'âge").person_attribute);
    }
}
