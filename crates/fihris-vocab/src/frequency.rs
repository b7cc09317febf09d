//! The EU frequency authority table, and French frequency words.

use std::sync::OnceLock;

use crate::text::{fold, split_words, words};
use crate::vocabulary::vocabulary_enum;

vocabulary_enum! {
    /// Update frequency (`dct:accrualPeriodicity`): the 31 codes of the EU table
    /// (version 2022-06-15), in the table's order (alphabetical by code).
    ///
    /// English and French labels are the table's `skos:prefLabel`s; Arabic labels are
    /// fihris' proposal. [`Vocabulary::from_iri`] also accepts the Dublin Core
    /// Collection Description frequency IRIs the EU table maps with `skos:exactMatch`
    /// (`http://purl.org/cld/freq/annual`, …).
    ///
    /// Beware of the EU naming: `BIMONTHLY` is every two months (*bimestriel*) while
    /// `MONTHLY_2` is twice a month (*bimensuel*).
    ///
    /// ```
    /// use fihris_vocab::{Frequency, Vocabulary};
    /// assert_eq!(
    ///     Frequency::find_in_french_text("Indice des prix (Trimestriel)"),
    ///     Some(Frequency::Quarterly)
    /// );
    /// assert_eq!(
    ///     Frequency::Quarterly.iri(),
    ///     "http://publications.europa.eu/resource/authority/frequency/QUARTERLY"
    /// );
    /// assert_eq!(
    ///     Frequency::from_iri("http://purl.org/cld/freq/quarterly"),
    ///     Some(Frequency::Quarterly)
    /// );
    /// ```
    ///
    /// [`Vocabulary::from_iri`]: crate::Vocabulary::from_iri
    Frequency,
    scheme = "http://publications.europa.eu/resource/authority/frequency",
    base = "http://publications.europa.eu/resource/authority/frequency/",
    alternatives = cld_frequency,
    {
        Annual = "ANNUAL", en = "annual", fr = "annuel", ar = "سنوي";
        Semiannual = "ANNUAL_2", en = "semiannual", fr = "semestriel", ar = "نصف سنوي";
        ThreeTimesAYear = "ANNUAL_3", en = "three times a year", fr = "trois fois par an", ar = "ثلاث مرات في السنة";
        Bidecennial = "BIDECENNIAL", en = "bidecennial", fr = "tous les vingt ans", ar = "كل عشرين سنة";
        Biennial = "BIENNIAL", en = "biennial", fr = "biennal", ar = "كل سنتين";
        Bihourly = "BIHOURLY", en = "bihourly", fr = "toutes les deux heures", ar = "كل ساعتين";
        Bimonthly = "BIMONTHLY", en = "bimonthly", fr = "bimestriel", ar = "كل شهرين";
        Biweekly = "BIWEEKLY", en = "biweekly", fr = "tous les quinze jours", ar = "كل أسبوعين";
        Continuous = "CONT", en = "continuous", fr = "continuel", ar = "مستمر";
        Daily = "DAILY", en = "daily", fr = "quotidien", ar = "يومي";
        TwiceADay = "DAILY_2", en = "twice a day", fr = "deux fois par jour", ar = "مرتين في اليوم";
        Decennial = "DECENNIAL", en = "decennial", fr = "tous les dix ans", ar = "كل عشر سنوات";
        Hourly = "HOURLY", en = "hourly", fr = "toutes les heures", ar = "كل ساعة";
        Irregular = "IRREG", en = "irregular", fr = "irrégulier", ar = "غير منتظم";
        Monthly = "MONTHLY", en = "monthly", fr = "mensuel", ar = "شهري";
        Semimonthly = "MONTHLY_2", en = "semimonthly", fr = "bimensuel", ar = "نصف شهري";
        ThreeTimesAMonth = "MONTHLY_3", en = "three times a month", fr = "trois fois par mois", ar = "ثلاث مرات في الشهر";
        Never = "NEVER", en = "never", fr = "jamais", ar = "أبدا";
        ProvisionalData = "OP_DATPRO", en = "Provisional data", fr = "Données provisoires", ar = "بيانات مؤقتة";
        Other = "OTHER", en = "other", fr = "autre", ar = "أخرى";
        Quadrennial = "QUADRENNIAL", en = "quadrennial", fr = "tous les quatre ans", ar = "كل أربع سنوات";
        Quarterly = "QUARTERLY", en = "quarterly", fr = "trimestriel", ar = "فصلي";
        Quinquennial = "QUINQUENNIAL", en = "quinquennial", fr = "tous les cinq ans", ar = "كل خمس سنوات";
        Tridecennial = "TRIDECENNIAL", en = "tridecennial", fr = "tous les trente ans", ar = "كل ثلاثين سنة";
        Triennial = "TRIENNIAL", en = "triennial", fr = "triennal", ar = "كل ثلاث سنوات";
        Trihourly = "TRIHOURLY", en = "trihourly", fr = "toutes les trois heures", ar = "كل ثلاث ساعات";
        Unknown = "UNKNOWN", en = "unknown", fr = "inconnu", ar = "غير معروف";
        ContinuouslyUpdated = "UPDATE_CONT", en = "continuously updated", fr = "mise à jour continuelle", ar = "محيّن باستمرار";
        Weekly = "WEEKLY", en = "weekly", fr = "hebdomadaire", ar = "أسبوعي";
        Semiweekly = "WEEKLY_2", en = "semiweekly", fr = "bihebdomadaire", ar = "مرتين في الأسبوع";
        ThreeTimesAWeek = "WEEKLY_3", en = "three times a week", fr = "trois fois par semaine", ar = "ثلاث مرات في الأسبوع";
    }
}

fn cld_frequency(iri: &str) -> Option<Frequency> {
    let local = iri.strip_prefix("http://purl.org/cld/freq/")?;
    Some(match local {
        "annual" => Frequency::Annual,
        "semiannual" => Frequency::Semiannual,
        "threeTimesAYear" => Frequency::ThreeTimesAYear,
        "biennial" => Frequency::Biennial,
        "bimonthly" => Frequency::Bimonthly,
        "biweekly" => Frequency::Biweekly,
        "continuous" => Frequency::Continuous,
        "daily" => Frequency::Daily,
        "irregular" => Frequency::Irregular,
        "monthly" => Frequency::Monthly,
        "semimonthly" => Frequency::Semimonthly,
        "threeTimesAMonth" => Frequency::ThreeTimesAMonth,
        "quarterly" => Frequency::Quarterly,
        "triennial" => Frequency::Triennial,
        "weekly" => Frequency::Weekly,
        "semiweekly" => Frequency::Semiweekly,
        "threeTimesAWeek" => Frequency::ThreeTimesAWeek,
        _ => return None,
    })
}

/// French frequency terms, folded (lowercase, no accents), with every gender and number
/// form. Multi-word terms are space-separated. Longer terms come first where one term
/// contains another.
const FRENCH_TERMS: &[(&str, Frequency)] = &[
    ("jamais mise a jour", Frequency::Never),
    ("jamais mis a jour", Frequency::Never),
    ("jamais mises a jour", Frequency::Never),
    ("jamais mis a jours", Frequency::Never),
    ("non renseignee", Frequency::Unknown),
    ("non renseigne", Frequency::Unknown),
    ("non renseignees", Frequency::Unknown),
    ("non renseignes", Frequency::Unknown),
    ("temps reel", Frequency::ContinuouslyUpdated),
    ("en continu", Frequency::ContinuouslyUpdated),
    ("a la demande", Frequency::Irregular),
    ("quotidien", Frequency::Daily),
    ("quotidienne", Frequency::Daily),
    ("quotidiens", Frequency::Daily),
    ("quotidiennes", Frequency::Daily),
    ("journalier", Frequency::Daily),
    ("journaliere", Frequency::Daily),
    ("journaliers", Frequency::Daily),
    ("journalieres", Frequency::Daily),
    ("hebdomadaire", Frequency::Weekly),
    ("hebdomadaires", Frequency::Weekly),
    ("bimensuel", Frequency::Semimonthly),
    ("bimensuelle", Frequency::Semimonthly),
    ("bimensuels", Frequency::Semimonthly),
    ("bimensuelles", Frequency::Semimonthly),
    ("mensuel", Frequency::Monthly),
    ("mensuelle", Frequency::Monthly),
    ("mensuels", Frequency::Monthly),
    ("mensuelles", Frequency::Monthly),
    ("bimestriel", Frequency::Bimonthly),
    ("bimestrielle", Frequency::Bimonthly),
    ("bimestriels", Frequency::Bimonthly),
    ("bimestrielles", Frequency::Bimonthly),
    ("trimestriel", Frequency::Quarterly),
    ("trimestrielle", Frequency::Quarterly),
    ("trimestriels", Frequency::Quarterly),
    ("trimestrielles", Frequency::Quarterly),
    ("semestriel", Frequency::Semiannual),
    ("semestrielle", Frequency::Semiannual),
    ("semestriels", Frequency::Semiannual),
    ("semestrielles", Frequency::Semiannual),
    ("annuel", Frequency::Annual),
    ("annuelle", Frequency::Annual),
    ("annuels", Frequency::Annual),
    ("annuelles", Frequency::Annual),
    ("biennal", Frequency::Biennial),
    ("biennale", Frequency::Biennial),
    ("biennaux", Frequency::Biennial),
    ("biennales", Frequency::Biennial),
    ("triennal", Frequency::Triennial),
    ("triennale", Frequency::Triennial),
    ("triennaux", Frequency::Triennial),
    ("triennales", Frequency::Triennial),
    ("quinquennal", Frequency::Quinquennial),
    ("quinquennale", Frequency::Quinquennial),
    ("quinquennaux", Frequency::Quinquennial),
    ("quinquennales", Frequency::Quinquennial),
    ("decennal", Frequency::Decennial),
    ("decennale", Frequency::Decennial),
    ("decennaux", Frequency::Decennial),
    ("decennales", Frequency::Decennial),
    ("irregulier", Frequency::Irregular),
    ("irreguliere", Frequency::Irregular),
    ("irreguliers", Frequency::Irregular),
    ("irregulieres", Frequency::Irregular),
    ("ponctuel", Frequency::Irregular),
    ("ponctuelle", Frequency::Irregular),
    ("ponctuels", Frequency::Irregular),
    ("ponctuelles", Frequency::Irregular),
];

impl Frequency {
    /// Expected number of days between two updates, for freshness checks.
    ///
    /// Intervals are the longest calendar interval, rounded up (`MONTHLY` 31, `QUARTERLY`
    /// 92, `ANNUAL` 366, `BIENNIAL` 731, …); sub-daily and continuous frequencies give 1.
    /// `None` when no interval is implied: `IRREG`, `UNKNOWN`, `NEVER`, `OTHER`,
    /// `OP_DATPRO`.
    ///
    /// ```
    /// use fihris_vocab::Frequency;
    /// assert_eq!(Frequency::Weekly.typical_days(), Some(7));
    /// assert_eq!(Frequency::Irregular.typical_days(), None);
    /// ```
    #[must_use]
    pub const fn typical_days(self) -> Option<u32> {
        Some(match self {
            Self::Hourly
            | Self::Bihourly
            | Self::Trihourly
            | Self::TwiceADay
            | Self::Daily
            | Self::Continuous
            | Self::ContinuouslyUpdated => 1,
            Self::ThreeTimesAWeek => 3,
            Self::Semiweekly => 4,
            Self::Weekly => 7,
            Self::ThreeTimesAMonth => 11,
            Self::Biweekly => 14,
            Self::Semimonthly => 16,
            Self::Monthly => 31,
            Self::Bimonthly => 62,
            Self::Quarterly => 92,
            Self::ThreeTimesAYear => 123,
            Self::Semiannual => 184,
            Self::Annual => 366,
            Self::Biennial => 731,
            Self::Triennial => 1096,
            Self::Quadrennial => 1461,
            Self::Quinquennial => 1827,
            Self::Decennial => 3653,
            Self::Bidecennial => 7305,
            Self::Tridecennial => 10958,
            Self::Irregular | Self::Unknown | Self::Never | Self::Other | Self::ProvisionalData => {
                return None;
            }
        })
    }

    /// Frequency from one French term, as found in titles and statistical metadata: the
    /// 20 terms of the portal referential (`temps réel`, `trimestrielle`, `à la demande`,
    /// …) in any gender, number, case, with or without accents.
    ///
    /// ```
    /// use fihris_vocab::Frequency;
    /// assert_eq!(Frequency::from_french("Trimestriel"), Some(Frequency::Quarterly));
    /// assert_eq!(Frequency::from_french("temps reel"), Some(Frequency::ContinuouslyUpdated));
    /// assert_eq!(Frequency::from_french("bimensuelle"), Some(Frequency::Semimonthly));
    /// assert_eq!(Frequency::from_french("prix"), None);
    /// ```
    #[must_use]
    pub fn from_french(term: &str) -> Option<Self> {
        let key = words(term).join(" ");
        FRENCH_TERMS
            .iter()
            .find(|(form, _)| *form == key)
            .map(|&(_, frequency)| frequency)
    }

    /// First French frequency term found in `text`, scanning word by word (Unicode-aware,
    /// case- and accent-insensitive; multi-word terms such as `temps réel`, `à la demande`,
    /// `en continu` included).
    ///
    /// ```
    /// use fihris_vocab::Frequency;
    /// assert_eq!(
    ///     Frequency::find_in_french_text("Statistiques hebdomadaires des prix"),
    ///     Some(Frequency::Weekly)
    /// );
    /// assert_eq!(
    ///     Frequency::find_in_french_text("Indice (Annuelle Base 2014)"),
    ///     Some(Frequency::Annual)
    /// );
    /// assert_eq!(Frequency::find_in_french_text("Liste des communes"), None);
    /// ```
    #[must_use]
    pub fn find_in_french_text(text: &str) -> Option<Self> {
        let folded = fold(text);
        // Terms are made of ASCII letters: a text without any (in Arabic) holds none.
        if !folded.bytes().any(|byte| byte.is_ascii_lowercase()) {
            return None;
        }
        let mut words = split_words(&folded);
        let table = first_words();
        while let Some(word) = words.next() {
            if !table.may_start_a_term(word) {
                continue;
            }
            let Ok(found) = table.terms.binary_search_by(|(first, _)| first.cmp(&word)) else {
                continue;
            };
            let terms = &table.terms[found].1;
            let found = terms.iter().find(|(rest, _)| {
                let mut following = words.clone();
                rest.iter().all(|part| following.next() == Some(*part))
            });
            if let Some(&(_, frequency)) = found {
                return Some(frequency);
            }
        }
        None
    }
}

/// The French terms by their first word, sorted by it, each list in the table's order, the
/// other words of each term split once: a title is scanned with one binary search per word
/// that may start a term (titles are read for every dataset of a catalogue, and most hold no
/// frequency term).
struct FirstWords {
    terms: Vec<(&'static str, Vec<Term>)>,
    /// A bit for each ASCII byte that starts a first word.
    first_bytes: u128,
    /// The length of the longest first word.
    longest: usize,
}

/// A term's words after its first, and its frequency.
type Term = (Vec<&'static str>, Frequency);

impl FirstWords {
    /// Whether `word` (not empty) may be the first word of a term: most words are told apart
    /// by their length and first byte without a search.
    fn may_start_a_term(&self, word: &str) -> bool {
        let first = word.as_bytes()[0];
        word.len() <= self.longest && first < 128 && self.first_bytes & (1 << first) != 0
    }
}

fn first_words() -> &'static FirstWords {
    static TABLE: OnceLock<FirstWords> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut terms: Vec<(&'static str, Vec<Term>)> = Vec::new();
        for &(form, frequency) in FRENCH_TERMS {
            let mut parts = form.split(' ');
            if let Some(first) = parts.next() {
                let term = (parts.collect(), frequency);
                match terms.iter_mut().find(|(other, _)| *other == first) {
                    Some((_, same_first)) => same_first.push(term),
                    None => terms.push((first, vec![term])),
                }
            }
        }
        // Stable: each word's terms stay in the table's order.
        terms.sort_by_key(|&(first, _)| first);
        let first_bytes = terms
            .iter()
            .filter_map(|(first, _)| first.as_bytes().first())
            .fold(0u128, |bits, &byte| bits | (1 << (byte & 127)));
        let longest = terms
            .iter()
            .map(|(first, _)| first.len())
            .max()
            .unwrap_or(0);
        FirstWords {
            terms,
            first_bytes,
            longest,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;

    #[test]
    fn thirty_one_codes() {
        assert_eq!(Frequency::ALL.len(), 31);
        for &f in Frequency::ALL {
            assert_eq!(Frequency::from_iri(f.iri()), Some(f));
            assert_eq!(Frequency::from_code(f.code()), Some(f));
        }
    }

    #[test]
    fn french_forms() {
        for (term, expected) in [
            ("Trimestriel", Frequency::Quarterly),
            ("trimestrielles", Frequency::Quarterly),
            ("hebdomadaires", Frequency::Weekly),
            ("Annuelle", Frequency::Annual),
            ("annuel", Frequency::Annual),
            ("mensuel", Frequency::Monthly),
            ("semestriel", Frequency::Semiannual),
            ("quotidien", Frequency::Daily),
            ("temps reel", Frequency::ContinuouslyUpdated),
            ("Temps  Réel", Frequency::ContinuouslyUpdated),
            ("À la demande", Frequency::Irregular),
            ("Jamais mise à jour", Frequency::Never),
            ("Décennale", Frequency::Decennial),
        ] {
            assert_eq!(Frequency::from_french(term), Some(expected), "{term}");
        }
        for (form, _) in FRENCH_TERMS {
            assert_eq!(crate::text::key(form), *form);
        }
        assert_eq!(Frequency::from_french(""), None);
    }

    #[test]
    fn finds_in_titles() {
        assert_eq!(
            Frequency::find_in_french_text("Données en continu du trafic"),
            Some(Frequency::ContinuouslyUpdated)
        );
        assert_eq!(
            Frequency::find_in_french_text("Statistiques mensuelles et annuelles"),
            Some(Frequency::Monthly)
        );
        assert_eq!(
            Frequency::find_in_french_text("Rapport bimensuel"),
            Some(Frequency::Semimonthly)
        );
        assert_eq!(Frequency::find_in_french_text("continu"), None);
        assert_eq!(Frequency::find_in_french_text(""), None);
    }

    /// The first term of the table matching at the first word where any matches.
    fn scanning_every_term(text: &str) -> Option<Frequency> {
        let words = words(text);
        (0..words.len()).find_map(|start| {
            FRENCH_TERMS.iter().find_map(|&(form, frequency)| {
                form.split(' ')
                    .enumerate()
                    .all(|(offset, part)| {
                        words.get(start + offset).map(String::as_str) == Some(part)
                    })
                    .then_some(frequency)
            })
        })
    }

    #[test]
    fn terms_are_folded_ascii_words() {
        // What the search in texts relies on: a text without ASCII letters holds no term.
        for (form, _) in FRENCH_TERMS {
            assert!(
                form.split(' ')
                    .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase())),
                "{form}"
            );
        }
    }

    #[test]
    fn finds_what_scanning_every_term_finds() {
        // Every term, and every first part of a term, alone, at the end, before another term,
        // and cut off: the table by first word must pick what the plain scan picks.
        let mut pieces: Vec<String> = vec![
            String::new(),
            "la".into(),
            "Rapport des prix".into(),
            "مفرغات الصيد 2025".into(),
        ];
        for (form, _) in FRENCH_TERMS {
            let parts: Vec<&str> = form.split(' ').collect();
            for end in 1..=parts.len() {
                pieces.push(parts[..end].join(" "));
            }
        }
        let mut texts = 0;
        for first in &pieces {
            for second in &pieces {
                for text in [
                    format!("{first} {second}"),
                    format!("Série ({first}) – {second}."),
                ] {
                    assert_eq!(
                        Frequency::find_in_french_text(&text),
                        scanning_every_term(&text),
                        "{text}"
                    );
                    texts += 1;
                }
            }
        }
        assert!(texts > 10_000, "{texts}");
    }

    #[test]
    fn typical_days() {
        assert_eq!(Frequency::Daily.typical_days(), Some(1));
        assert_eq!(Frequency::Monthly.typical_days(), Some(31));
        assert_eq!(Frequency::Quarterly.typical_days(), Some(92));
        assert_eq!(Frequency::Annual.typical_days(), Some(366));
        assert_eq!(Frequency::ContinuouslyUpdated.typical_days(), Some(1));
        assert_eq!(Frequency::Never.typical_days(), None);
    }

    #[test]
    fn cld_alternatives() {
        assert_eq!(
            Frequency::from_iri("http://purl.org/cld/freq/threeTimesAWeek"),
            Some(Frequency::ThreeTimesAWeek)
        );
        assert_eq!(Frequency::from_iri("http://purl.org/cld/freq/nope"), None);
    }
}
