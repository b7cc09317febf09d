//! Property tests of the validated value types: valid input is kept byte-exact, any input
//! gives `Ok` or a typed error (never a panic).

use chrono::{Datelike, NaiveDate};
use fihris_model::{BlankId, Iri, LanguageTag, ModelErrorKind, Temporal, TemporalKind, Text};
use proptest::prelude::*;

fn date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..2100, 1u32..=12, 1u32..=31)
        .prop_filter_map("a real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

fn timezone() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("Z".to_owned()),
        (0u32..14, 0u32..60, any::<bool>())
            .prop_map(|(h, m, plus)| format!("{}{h:02}:{m:02}", if plus { '+' } else { '-' })),
    ]
}

proptest! {
    #[test]
    fn dates_are_recognised_and_kept(day in date(), zone in timezone()) {
        let lexical = format!("{}{zone}", day.format("%Y-%m-%d"));
        let temporal = Temporal::parse(lexical.clone()).unwrap();
        prop_assert_eq!(temporal.kind(), TemporalKind::Date);
        prop_assert_eq!(temporal.as_str(), lexical.as_str());
        prop_assert_eq!(temporal.start_date(), Some(day));
        prop_assert_eq!(temporal.end_date(), Some(day));
    }

    #[test]
    fn date_times_are_recognised_and_kept(
        day in date(),
        (h, m, s) in (0u32..24, 0u32..60, 0u32..60),
        micros in proptest::option::of(0u32..1_000_000),
        zone in timezone(),
    ) {
        let fraction = micros.map(|f| format!(".{f:06}")).unwrap_or_default();
        let lexical = format!("{}T{h:02}:{m:02}:{s:02}{fraction}{zone}", day.format("%Y-%m-%d"));
        let temporal = Temporal::new(TemporalKind::DateTime, lexical.clone()).unwrap();
        prop_assert_eq!(temporal.as_str(), lexical.as_str());
        prop_assert_eq!(temporal.start_date(), Some(day));
        prop_assert!(Temporal::new(TemporalKind::Date, lexical).is_err());
    }

    #[test]
    fn years_and_months_cover_their_days(day in date()) {
        let month = Temporal::parse(day.format("%Y-%m").to_string()).unwrap();
        prop_assert_eq!(month.kind(), TemporalKind::YearMonth);
        prop_assert!(month.start_date().unwrap() <= day && day <= month.end_date().unwrap());
        let year = Temporal::parse(day.year().to_string()).unwrap();
        prop_assert_eq!(year.kind(), TemporalKind::Year);
        prop_assert!(year.start_date().unwrap() <= day && day <= year.end_date().unwrap());
    }

    #[test]
    fn any_string_is_a_temporal_or_a_temporal_error(raw in ".{0,40}") {
        match Temporal::parse(raw.clone()) {
            Ok(temporal) => prop_assert_eq!(temporal.as_str(), raw.as_str()),
            Err(error) => {
                prop_assert_eq!(error.kind(), ModelErrorKind::Temporal);
                prop_assert_eq!(error.value(), raw.as_str());
            }
        }
    }

    #[test]
    fn any_string_is_an_iri_or_an_iri_error(raw in ".{0,60}") {
        match Iri::new(raw.clone()) {
            Ok(iri) => prop_assert_eq!(iri.as_str(), raw.as_str()),
            Err(error) => prop_assert_eq!(error.kind(), ModelErrorKind::Iri),
        }
    }

    #[test]
    fn http_iris_with_unicode_paths_are_kept(segments in proptest::collection::vec("[a-z0-9\u{600}-\u{6ff}é-]{1,12}", 1..5)) {
        let raw = format!("https://data.gov.ma/{}", segments.join("/"));
        let iri = Iri::new(raw.clone()).unwrap();
        prop_assert_eq!(iri.as_str(), raw.as_str());
    }

    #[test]
    fn blank_labels_never_panic(raw in ".{0,20}") {
        if let Err(error) = BlankId::new(raw) {
            prop_assert_eq!(error.kind(), ModelErrorKind::BlankNode);
        }
    }

    #[test]
    fn language_tags_are_validated(raw in "[a-zA-Z0-9_ -]{0,12}") {
        match LanguageTag::new(raw.clone()) {
            Ok(tag) => prop_assert_eq!(tag.as_str(), raw.as_str()),
            Err(error) => prop_assert_eq!(error.kind(), ModelErrorKind::LanguageTag),
        }
    }

    #[test]
    fn text_keeps_one_value_per_language(
        entries in proptest::collection::vec(
            (prop_oneof![Just(""), Just("fr"), Just("FR"), Just("ar"), Just("zgh"), Just("en")], ".{0,10}"),
            0..12,
        )
    ) {
        let mut text = Text::new();
        let mut expected: Vec<(String, String)> = Vec::new();
        for (language, value) in &entries {
            text = text.with(language, value.clone()).unwrap();
            let key = language.to_ascii_lowercase();
            expected.retain(|(k, _)| *k != key);
            expected.push((key, value.clone()));
        }
        prop_assert_eq!(text.len(), expected.len());
        for (language, value) in &expected {
            prop_assert_eq!(text.get(language), Some(value.as_str()));
        }
    }
}
