use std::fmt;

use chrono::NaiveDate;

use crate::error::{ModelError, ModelErrorKind};

/// Which XML Schema datatype a [`Temporal`] literal has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TemporalKind {
    /// `xsd:gYear`, `2024`.
    Year,
    /// `xsd:gYearMonth`, `2024-03`.
    YearMonth,
    /// `xsd:date`, `2024-03-15`, optionally with a timezone.
    Date,
    /// `xsd:dateTime`, `2024-03-15T10:20:30.769674`, optionally with a timezone.
    DateTime,
}

impl TemporalKind {
    /// The datatype IRI.
    #[must_use]
    pub const fn datatype(self) -> &'static str {
        match self {
            Self::Year => "http://www.w3.org/2001/XMLSchema#gYear",
            Self::YearMonth => "http://www.w3.org/2001/XMLSchema#gYearMonth",
            Self::Date => "http://www.w3.org/2001/XMLSchema#date",
            Self::DateTime => "http://www.w3.org/2001/XMLSchema#dateTime",
        }
    }

    /// The kind for a datatype IRI.
    #[must_use]
    pub fn from_datatype(iri: &str) -> Option<Self> {
        [Self::Year, Self::YearMonth, Self::Date, Self::DateTime]
            .into_iter()
            .find(|kind| kind.datatype() == iri)
    }
}

/// A date or time as a catalogue states it: the lexical form is kept byte-exact
/// (`2022-01-03T23:11:41.769674`, `2024-01-15Z`, `2019`), with its datatype.
///
/// ```
/// use fihris_model::{Temporal, TemporalKind};
/// let modified = Temporal::parse("2022-01-03T23:11:41.769674")?;
/// assert_eq!(modified.kind(), TemporalKind::DateTime);
/// assert_eq!(modified.as_str(), "2022-01-03T23:11:41.769674");
/// assert_eq!(modified.start_date().map(|d| d.to_string()), Some("2022-01-03".to_owned()));
/// assert!(Temporal::parse("2022-02-30").is_err());
/// # Ok::<(), fihris_model::ModelError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "TemporalSnapshot", into = "TemporalSnapshot")
)]
pub struct Temporal {
    lexical: String,
    kind: TemporalKind,
}

impl Temporal {
    /// Recognises the datatype from the lexical form and validates it.
    ///
    /// # Errors
    ///
    /// [`ModelErrorKind::Temporal`] when the value is none of the four forms or names an
    /// impossible date.
    pub fn parse(lexical: impl Into<String>) -> Result<Self, ModelError> {
        let lexical = lexical.into();
        match lexical_kind(&lexical) {
            Ok(kind) => Ok(Self { lexical, kind }),
            Err(reason) => Err(ModelError::new(ModelErrorKind::Temporal, lexical, reason)),
        }
    }

    /// Validates `lexical` as a literal of the given datatype.
    ///
    /// # Errors
    ///
    /// [`ModelErrorKind::Temporal`] when the lexical form is not valid for `kind` (an
    /// `xsd:date` holding a dateTime is an error here: a reader that repairs it says so).
    pub fn new(kind: TemporalKind, lexical: impl Into<String>) -> Result<Self, ModelError> {
        let parsed = Self::parse(lexical)?;
        if parsed.kind == kind {
            Ok(parsed)
        } else {
            let reason = format!(
                "the value is an {} not an {}",
                parsed.kind.datatype(),
                kind.datatype()
            );
            Err(ModelError::new(
                ModelErrorKind::Temporal,
                parsed.lexical,
                reason,
            ))
        }
    }

    /// The lexical form as given.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.lexical
    }

    /// The datatype.
    #[must_use]
    pub fn kind(&self) -> TemporalKind {
        self.kind
    }

    /// The first calendar day the value covers (1 January for a year), ignoring any timezone.
    #[must_use]
    pub fn start_date(&self) -> Option<NaiveDate> {
        let (year, month, day) = calendar_parts(&self.lexical)?;
        NaiveDate::from_ymd_opt(year, month.unwrap_or(1), day.unwrap_or(1))
    }

    /// The last calendar day the value covers (31 December for a year).
    #[must_use]
    pub fn end_date(&self) -> Option<NaiveDate> {
        let (year, month, day) = calendar_parts(&self.lexical)?;
        match (month, day) {
            (Some(month), Some(day)) => NaiveDate::from_ymd_opt(year, month, day),
            (Some(month), None) => {
                let (next_year, next_month) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
                NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()
            }
            _ => NaiveDate::from_ymd_opt(year, 12, 31),
        }
    }
}

impl fmt::Display for Temporal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lexical)
    }
}

/// Year, month and day of any of the four forms (a leading `-` for BCE years is refused).
fn calendar_parts(lexical: &str) -> Option<(i32, Option<u32>, Option<u32>)> {
    let date_part = lexical.split('T').next()?;
    let date_part = strip_timezone(date_part)?;
    let mut parts = date_part.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next().map(str::parse).transpose().ok()?;
    let day = parts.next().map(str::parse).transpose().ok()?;
    Some((year, month, day))
}

/// The value without its timezone (`Z`, `+01:00`), if the timezone is well-formed.
fn strip_timezone(value: &str) -> Option<&str> {
    if let Some(rest) = value.strip_suffix('Z') {
        return Some(rest);
    }
    let bytes = value.as_bytes();
    if bytes.len() > 6
        && matches!(bytes[bytes.len() - 6], b'+' | b'-')
        && bytes[bytes.len() - 3] == b':'
    {
        let (rest, zone) = value.split_at(value.len() - 6);
        let hours: u32 = zone.get(1..3)?.parse().ok()?;
        let minutes: u32 = zone.get(4..6)?.parse().ok()?;
        // A date such as 2024-01-15 ends in "-01-15" which is not a timezone: zone needs ':'.
        return (hours <= 14 && minutes < 60 && (hours < 14 || minutes == 0)).then_some(rest);
    }
    Some(value)
}

fn digits(value: &str, count: usize) -> bool {
    value.len() == count && value.bytes().all(|b| b.is_ascii_digit())
}

fn lexical_kind(lexical: &str) -> Result<TemporalKind, String> {
    match plain_kind(lexical.as_bytes()) {
        Some(kind) => Ok(kind),
        None => general_kind(lexical),
    }
}

/// The kind of the shapes catalogues write — `YYYY-MM-DD` and
/// `YYYY-MM-DDThh:mm:ss[.f…][Z]` with a four-digit year — checked in one pass (dates are
/// read by the hundred thousand); `None` only means "ask [`general_kind`]".
fn plain_kind(lexical: &[u8]) -> Option<TemporalKind> {
    let two = |at: usize| match lexical.get(at..at + 2)? {
        [tens @ b'0'..=b'9', units @ b'0'..=b'9'] => {
            Some(u32::from(tens - b'0') * 10 + u32::from(units - b'0'))
        }
        _ => None,
    };
    let at = |index: usize, byte: u8| lexical.get(index) == Some(&byte);
    if !(at(4, b'-') && at(7, b'-')) {
        return None;
    }
    let year = i32::try_from(two(0)? * 100 + two(2)?).ok()?;
    NaiveDate::from_ymd_opt(year, two(5)?, two(8)?)?;
    if lexical.len() == 10 {
        return Some(TemporalKind::Date);
    }
    if !(at(10, b'T') && at(13, b':') && at(16, b':')) {
        return None;
    }
    if two(11)? > 23 || two(14)? > 59 || two(17)? > 59 {
        return None;
    }
    let mut rest = lexical.get(19..)?;
    if let Some(fraction) = rest.strip_prefix(b".") {
        let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        rest = &fraction[digits..];
    }
    matches!(rest, b"" | b"Z").then_some(TemporalKind::DateTime)
}

/// Any of the four forms, with any timezone: what [`plain_kind`] leaves.
fn general_kind(lexical: &str) -> Result<TemporalKind, String> {
    let (date_part, time_part) = match lexical.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (strip_timezone(lexical).ok_or("malformed timezone")?, None),
    };
    // Up to three fields; a fourth means too many.
    let mut split = date_part.split('-');
    let fields = [split.next(), split.next(), split.next(), split.next()];
    let well_formed_year = |year: &str| year.len() >= 4 && year.bytes().all(|b| b.is_ascii_digit());
    let kind = match (fields, time_part) {
        ([Some(year), None, None, None], None) if well_formed_year(year) => TemporalKind::Year,
        ([Some(year), Some(month), None, None], None)
            if well_formed_year(year) && digits(month, 2) =>
        {
            TemporalKind::YearMonth
        }
        ([Some(year), Some(month), Some(day), None], None)
            if well_formed_year(year) && digits(month, 2) && digits(day, 2) =>
        {
            TemporalKind::Date
        }
        ([Some(year), Some(month), Some(day), None], Some(time))
            if well_formed_year(year) && digits(month, 2) && digits(day, 2) =>
        {
            check_time(time)?;
            TemporalKind::DateTime
        }
        _ => {
            return Err(
                "expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm]"
                    .to_owned(),
            );
        }
    };
    let (year, month, day) = calendar_parts(lexical).ok_or("malformed date")?;
    if let Some(month) = month
        && !(1..=12).contains(&month)
    {
        return Err(format!("month {month} is not 01..12"));
    }
    if let (Some(month), Some(day)) = (month, day)
        && NaiveDate::from_ymd_opt(year, month, day).is_none()
    {
        return Err(format!("{year:04}-{month:02} has no day {day:02}"));
    }
    Ok(kind)
}

fn check_time(time: &str) -> Result<(), String> {
    let clock = strip_timezone(time).ok_or("malformed timezone")?;
    let (clock, fraction) = match clock.split_once('.') {
        Some((clock, fraction)) => (clock, Some(fraction)),
        None => (clock, None),
    };
    if let Some(fraction) = fraction
        && (fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err("malformed fraction of a second".to_owned());
    }
    let mut split = clock.split(':');
    let [Some(hours), Some(minutes), Some(seconds), None] =
        [split.next(), split.next(), split.next(), split.next()]
    else {
        return Err("a time is hh:mm:ss".to_owned());
    };
    if !(digits(hours, 2) && digits(minutes, 2) && digits(seconds, 2)) {
        return Err("a time is hh:mm:ss".to_owned());
    }
    let (h, m, s): (u32, u32, u32) = (
        hours.parse().unwrap_or(99),
        minutes.parse().unwrap_or(99),
        seconds.parse().unwrap_or(99),
    );
    let end_of_day =
        h == 24 && m == 0 && s == 0 && fraction.is_none_or(|f| f.bytes().all(|b| b == b'0'));
    if (h < 24 && m < 60 && s < 60) || end_of_day {
        Ok(())
    } else {
        Err(format!("{clock} is not a time of day"))
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
struct TemporalSnapshot {
    value: String,
    datatype: TemporalKind,
}

#[cfg(feature = "serde")]
impl TryFrom<TemporalSnapshot> for Temporal {
    type Error = ModelError;

    fn try_from(snapshot: TemporalSnapshot) -> Result<Self, Self::Error> {
        Self::new(snapshot.datatype, snapshot.value)
    }
}

#[cfg(feature = "serde")]
impl From<Temporal> for TemporalSnapshot {
    fn from(value: Temporal) -> Self {
        Self {
            value: value.lexical,
            datatype: value.kind,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_each_form_and_keeps_it() {
        for (lexical, kind) in [
            ("2019", TemporalKind::Year),
            ("2019-07", TemporalKind::YearMonth),
            ("2019-07-31", TemporalKind::Date),
            ("2024-01-15Z", TemporalKind::Date),
            ("2024-01-15+01:00", TemporalKind::Date),
            ("2022-01-03T23:11:41.769674", TemporalKind::DateTime),
            ("2022-01-03T23:11:41Z", TemporalKind::DateTime),
            ("2022-01-03T23:11:41-05:00", TemporalKind::DateTime),
            ("2022-01-03T24:00:00", TemporalKind::DateTime),
        ] {
            let temporal = Temporal::parse(lexical).unwrap();
            assert_eq!(temporal.kind(), kind, "{lexical}");
            assert_eq!(temporal.as_str(), lexical);
        }
    }

    #[test]
    fn refuses_impossible_or_malformed() {
        for lexical in [
            "",
            "06/05/2009",
            "2019-13",
            "2019-02-29",
            "2019-1-05",
            "2019-01-05T25:00:00",
            "2019-01-05T10:00",
            "2019-01-05T10:00:00.",
            "Annual",
            "2019-01-05 10:00:00",
            "2019-01-05T10:00:00+15:00",
        ] {
            assert_eq!(
                Temporal::parse(lexical).unwrap_err().kind(),
                ModelErrorKind::Temporal,
                "{lexical}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn the_one_pass_check_agrees_with_the_general_one(
            lexical in "[0-9]{4}-(0[0-9]|1[0-3])-([0-2][0-9]|3[0-2])(T([01][0-9]|2[0-5]):[0-6][0-9]:[0-6][0-9](\\.[0-9]{0,4})?)?(Z|[+-][0-9]{2}:[0-9]{2})?|[0-9T:.Z+-]{0,28}"
        ) {
            if let Some(kind) = plain_kind(lexical.as_bytes()) {
                proptest::prop_assert_eq!(general_kind(&lexical), Ok(kind), "{}", lexical);
            }
        }
    }

    #[test]
    fn common_dates_take_the_one_pass_check() {
        for (lexical, kind) in [
            ("2024-02-29", Some(TemporalKind::Date)),
            ("2018-05-22T11:15:21.362524", Some(TemporalKind::DateTime)),
            ("2018-05-22T23:59:59Z", Some(TemporalKind::DateTime)),
            ("2023-02-29", None),
            ("2018-05-22T24:00:00", None),
            ("2018-05-22T11:15:21+01:00", None),
            ("2018-05-22T11:15:21.", None),
        ] {
            assert_eq!(plain_kind(lexical.as_bytes()), kind, "{lexical}");
        }
    }

    #[test]
    fn explicit_datatype_must_match() {
        assert!(Temporal::new(TemporalKind::Date, "2020-02-29").is_ok());
        assert!(Temporal::new(TemporalKind::Date, "2020-02-29T00:00:00").is_err());
    }

    #[test]
    fn covered_days() {
        let year = Temporal::parse("2024").unwrap();
        assert_eq!(year.start_date().unwrap().to_string(), "2024-01-01");
        assert_eq!(year.end_date().unwrap().to_string(), "2024-12-31");
        let month = Temporal::parse("2024-02").unwrap();
        assert_eq!(month.end_date().unwrap().to_string(), "2024-02-29");
        let december = Temporal::parse("2023-12").unwrap();
        assert_eq!(december.end_date().unwrap().to_string(), "2023-12-31");
        let zoned = Temporal::parse("2024-01-15Z").unwrap();
        assert_eq!(zoned.start_date().unwrap().to_string(), "2024-01-15");
    }
}
