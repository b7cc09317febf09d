//! Findings: what a check says about a catalogue or a resource, as data.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Should be fixed.
    Warning,
    /// Must be fixed before publication; `fihris check` exits with 1.
    Error,
}

impl Severity {
    /// `info`, `warning` or `error`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }

    /// Parses `info`, `warning` or `error` (ASCII case-insensitive).
    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        [Self::Info, Self::Warning, Self::Error]
            .into_iter()
            .find(|severity| severity.as_str().eq_ignore_ascii_case(value))
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Text that is cheap to clone: a `&'static str`, a string shared behind an [`Arc`], or a
/// slice of a [`SharedText`].
///
/// The text of a [`PathSegment`] and the message and hint of a [`Finding`]: a checker that
/// reports many findings on one dataset builds the dataset's identifier once and every
/// finding shares it, and may write the messages of those findings into one text. It
/// compares, hashes, prints and serialises as the `str` it holds.
///
/// ```
/// use fihris_model::SharedStr;
/// let field = SharedStr::from("dct:title");
/// let id = SharedStr::from(String::from("https://data.gov.ma/d/1"));
/// let again = id.clone();
/// assert_eq!(again.as_str(), "https://data.gov.ma/d/1");
/// assert_eq!(field, "dct:title");
/// ```
#[derive(Clone)]
pub struct SharedStr(SharedRepr);

#[derive(Clone)]
enum SharedRepr {
    Static(&'static str),
    Shared(Arc<str>),
    /// `text[start..end]`.
    Slice {
        text: SharedText,
        start: u32,
        end: u32,
    },
}

impl SharedStr {
    /// The text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            SharedRepr::Static(text) => text,
            SharedRepr::Shared(text) => text,
            SharedRepr::Slice { text, start, end } => text
                .as_str()
                .get(*start as usize..*end as usize)
                .unwrap_or_default(),
        }
    }
}

/// One text that many [`SharedStr`]s are slices of, in one allocation: the messages of the
/// findings on one dataset, say.
///
/// ```
/// use fihris_model::SharedText;
/// let text = SharedText::new("no French titleno access rights".to_owned());
/// let first = text.slice(0..15).ok_or("out of bounds")?;
/// let second = text.slice(15..31).ok_or("out of bounds")?;
/// assert_eq!((first.as_str(), second.as_str()), ("no French title", "no access rights"));
/// assert!(text.slice(0..99).is_none());
/// # Ok::<(), &str>(())
/// ```
#[derive(Clone)]
pub struct SharedText(Arc<String>);

impl SharedText {
    /// Shares `text`.
    #[must_use]
    pub fn new(text: String) -> Self {
        Self(Arc::new(text))
    }

    /// The whole text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `text[range]`, sharing the text; `None` when the range is out of bounds, not on
    /// character boundaries, or past 4 GiB.
    #[must_use]
    pub fn slice(&self, range: std::ops::Range<usize>) -> Option<SharedStr> {
        self.0.get(range.clone())?;
        Some(SharedStr(SharedRepr::Slice {
            text: self.clone(),
            start: u32::try_from(range.start).ok()?,
            end: u32::try_from(range.end).ok()?,
        }))
    }
}

impl fmt::Debug for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl Deref for SharedStr {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&'static str> for SharedStr {
    fn from(text: &'static str) -> Self {
        Self(SharedRepr::Static(text))
    }
}

impl From<String> for SharedStr {
    fn from(text: String) -> Self {
        Self(SharedRepr::Shared(text.into()))
    }
}

impl From<Arc<str>> for SharedStr {
    fn from(text: Arc<str>) -> Self {
        Self(SharedRepr::Shared(text))
    }
}

impl From<Cow<'static, str>> for SharedStr {
    fn from(text: Cow<'static, str>) -> Self {
        match text {
            Cow::Borrowed(text) => text.into(),
            Cow::Owned(text) => text.into(),
        }
    }
}

impl From<SharedStr> for String {
    fn from(text: SharedStr) -> Self {
        text.as_str().to_owned()
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedStr {}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialOrd for SharedStr {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedStr {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for SharedStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for SharedStr {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::from)
    }
}

/// One step of the path from an input to the offending element.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "snake_case", tag = "kind", content = "value")
)]
#[non_exhaustive]
pub enum PathSegment {
    /// An input file.
    File(SharedStr),
    /// A 1-based line of the input.
    Line(u64),
    /// A 1-based record (CSV row, JSON line, CKAN package) of the input.
    Record(u64),
    /// A dataset, by identifier.
    Dataset(SharedStr),
    /// A distribution, by identifier.
    Distribution(SharedStr),
    /// A data service, by identifier.
    Service(SharedStr),
    /// A column of a tabular resource, by header.
    Column(SharedStr),
    /// A field or property (`dct:title`, `license_id`).
    Field(SharedStr),
}

impl fmt::Display for PathSegment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::File(file) => f.write_str(file),
            Self::Line(line) => write!(f, "line {line}"),
            Self::Record(record) => write!(f, "record {record}"),
            Self::Dataset(id) => write!(f, "dataset {id}"),
            Self::Distribution(id) => write!(f, "distribution {id}"),
            Self::Service(id) => write!(f, "service {id}"),
            Self::Column(column) => write!(f, "column {column:?}"),
            Self::Field(field) => write!(f, "field {field}"),
        }
    }
}

/// Where a finding is, from the outermost element (file, dataset) inwards.
///
/// Cloning is cheap (the segments are shared): a checker builds the path of a dataset once
/// and gives a clone to each of its findings, or lays the paths of many findings end to end
/// in one path and gives each a [`FindingPath::slice`] of it.
#[derive(Clone, Default)]
pub struct FindingPath {
    /// `None` for the empty path.
    segments: Option<Arc<Box<[PathSegment]>>>,
    /// The window of `segments` this path is.
    start: u32,
    end: u32,
}

impl FindingPath {
    /// The empty path (the whole input).
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// This path extended by one segment.
    #[must_use]
    pub fn with(self, segment: PathSegment) -> Self {
        self.segments()
            .iter()
            .cloned()
            .chain(std::iter::once(segment))
            .collect()
    }

    /// This path inside an outer element (the file a reader read, say).
    #[must_use]
    pub fn within(self, outer: PathSegment) -> Self {
        std::iter::once(outer)
            .chain(self.segments().iter().cloned())
            .collect()
    }

    /// The segments, outermost first.
    #[must_use]
    pub fn segments(&self) -> &[PathSegment] {
        self.segments
            .as_deref()
            .and_then(|segments| segments.get(self.start as usize..self.end as usize))
            .unwrap_or_default()
    }

    /// The segments in `range` as a path, sharing this path's allocation; `None` when the
    /// range is out of bounds.
    ///
    /// ```
    /// use fihris_model::{FindingPath, PathSegment};
    /// let dataset = PathSegment::Dataset("https://data.gov.ma/d/1".into());
    /// // Two paths laid end to end: [dataset, dct:title] and [dataset, dct:license].
    /// let all: FindingPath = [
    ///     dataset.clone(),
    ///     PathSegment::Field("dct:title".into()),
    ///     dataset,
    ///     PathSegment::Field("dct:license".into()),
    /// ]
    /// .into_iter()
    /// .collect();
    /// let licence = all.slice(2..4).ok_or("out of bounds")?;
    /// assert_eq!(licence.to_string(), "dataset https://data.gov.ma/d/1 / field dct:license");
    /// # Ok::<(), &str>(())
    /// ```
    #[must_use]
    pub fn slice(&self, range: std::ops::Range<usize>) -> Option<Self> {
        self.segments().get(range.clone())?;
        Some(Self {
            segments: self.segments.clone(),
            start: self.start.checked_add(u32::try_from(range.start).ok()?)?,
            end: self.start.checked_add(u32::try_from(range.end).ok()?)?,
        })
    }

    /// The dataset identifier in the path, if any.
    #[must_use]
    pub fn dataset(&self) -> Option<&str> {
        self.segments().iter().find_map(|segment| match segment {
            PathSegment::Dataset(id) => Some(id.as_str()),
            _ => None,
        })
    }
}

impl PartialEq for FindingPath {
    fn eq(&self, other: &Self) -> bool {
        self.segments() == other.segments()
    }
}

impl Eq for FindingPath {}

impl Hash for FindingPath {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.segments().hash(state);
    }
}

impl fmt::Debug for FindingPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("FindingPath")
            .field(&self.segments())
            .finish()
    }
}

impl FromIterator<PathSegment> for FindingPath {
    /// The path of these segments, outermost first.
    fn from_iter<I: IntoIterator<Item = PathSegment>>(segments: I) -> Self {
        let segments: Box<[PathSegment]> = segments.into_iter().collect();
        if segments.is_empty() {
            return Self::default();
        }
        // A path of more than 2^32 segments keeps its first 2^32 - 1.
        let end = u32::try_from(segments.len()).unwrap_or(u32::MAX);
        Self {
            segments: Some(Arc::new(segments)),
            start: 0,
            end,
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for FindingPath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.segments())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for FindingPath {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<PathSegment>::deserialize(deserializer).map(|segments| segments.into_iter().collect())
    }
}

impl fmt::Display for FindingPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, segment) in self.segments().iter().enumerate() {
            if index > 0 {
                f.write_str(" / ")?;
            }
            segment.fmt(f)?;
        }
        Ok(())
    }
}

/// A finding of a check: a stable rule id, a severity, where, what and how to fix it.
///
/// Findings are values, not errors: a check that finds a problem returns `Ok` with findings;
/// `Err` is kept for failures of the check itself.
///
/// The rule id, message and hint are static text (no allocation) or owned strings; the
/// message, hint and path may also be slices of text and paths shared by many findings
/// ([`SharedText`], [`FindingPath::slice`]).
///
/// ```
/// use fihris_model::{Finding, FindingPath, PathSegment, Severity};
/// let finding = Finding::new(
///     "format.non-proprietary",
///     Severity::Error,
///     FindingPath::new().with(PathSegment::Dataset("https://data.gov.ma/d/1".into())),
///     "no distribution in an open, machine-readable format",
/// )
/// .with_hint("publish a CSV next to the XLSX");
/// assert_eq!(finding.rule_id(), "format.non-proprietary");
/// assert_eq!(
///     finding.to_string(),
///     "error[format.non-proprietary] dataset https://data.gov.ma/d/1: \
///      no distribution in an open, machine-readable format (hint: publish a CSV next to the XLSX)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Finding {
    rule_id: Cow<'static, str>,
    severity: Severity,
    path: FindingPath,
    message: SharedStr,
    hint: Option<SharedStr>,
}

impl Finding {
    /// A finding without a hint.
    #[must_use]
    pub fn new(
        rule_id: impl Into<Cow<'static, str>>,
        severity: Severity,
        path: FindingPath,
        message: impl Into<SharedStr>,
    ) -> Self {
        Self {
            rule_id: rule_id.into(),
            severity,
            path,
            message: message.into(),
            hint: None,
        }
    }

    /// Adds how to fix it.
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<SharedStr>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The same finding, located inside an outer element: the file a reader read, say.
    ///
    /// ```
    /// use fihris_model::{Finding, FindingPath, PathSegment, Severity};
    /// let finding = Finding::new("ckan.repaired", Severity::Info, FindingPath::new().with(PathSegment::Record(3)), "…")
    ///     .within(PathSegment::File("portal.jsonl".into()));
    /// assert_eq!(finding.path().to_string(), "portal.jsonl / record 3");
    /// ```
    #[must_use]
    pub fn within(mut self, outer: PathSegment) -> Self {
        self.path = self.path.within(outer);
        self
    }

    /// Changes the severity (rules are configurable).
    #[must_use]
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// The stable rule id, e.g. `licence.open`, `privacy.cin`.
    #[must_use]
    pub fn rule_id(&self) -> &str {
        &self.rule_id
    }

    /// The severity.
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Where.
    #[must_use]
    pub fn path(&self) -> &FindingPath {
        &self.path
    }

    /// What is wrong.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// How to fix it.
    #[must_use]
    pub fn hint(&self) -> Option<&str> {
        self.hint.as_deref()
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.severity, self.rule_id)?;
        if !self.path.segments().is_empty() {
            write!(f, " {}", self.path)?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(owned: bool) -> Finding {
        let text = |s: &'static str| -> Cow<'static, str> {
            if owned {
                Cow::Owned(s.to_owned())
            } else {
                Cow::Borrowed(s)
            }
        };
        let segment =
            |s: &'static str| -> SharedStr { if owned { s.to_owned().into() } else { s.into() } };
        Finding::new(
            text("ma.title-fr"),
            Severity::Error,
            FindingPath::new()
                .with(PathSegment::Dataset(segment("https://data.gov.ma/d/1")))
                .with(PathSegment::Field(segment("dct:title"))),
            text("no French title"),
        )
        .with_hint(text("give dct:title with the language tag fr"))
    }

    #[test]
    fn static_and_owned_text_are_one_finding() {
        use std::collections::hash_map::DefaultHasher;
        let hash = |finding: &Finding| {
            let mut hasher = DefaultHasher::new();
            finding.hash(&mut hasher);
            hasher.finish()
        };
        let (borrowed, owned) = (finding(false), finding(true));
        assert_eq!(borrowed, owned);
        assert_eq!(hash(&borrowed), hash(&owned));
        assert_eq!(borrowed.to_string(), owned.to_string());
        assert_eq!(format!("{borrowed:?}"), format!("{owned:?}"));
        assert_eq!(
            borrowed.to_string(),
            "error[ma.title-fr] dataset https://data.gov.ma/d/1 / field dct:title: \
             no French title (hint: give dct:title with the language tag fr)"
        );
        assert_eq!(borrowed.path().dataset(), Some("https://data.gov.ma/d/1"));
    }

    #[test]
    fn paths_extend_and_nest_without_touching_clones() {
        let dataset = FindingPath::new().with(PathSegment::Dataset("d".into()));
        let field = dataset.clone().with(PathSegment::Field("dct:title".into()));
        let in_file = field.clone().within(PathSegment::File("a.ttl".into()));
        assert_eq!(dataset.to_string(), "dataset d");
        assert_eq!(field.to_string(), "dataset d / field dct:title");
        assert_eq!(in_file.to_string(), "a.ttl / dataset d / field dct:title");
        let collected: FindingPath = field.segments().iter().cloned().collect();
        assert_eq!(collected, field);
        assert_eq!(FindingPath::new().segments(), &[]);
        assert_eq!(
            format!("{field:?}"),
            r#"FindingPath([Dataset("d"), Field("dct:title")])"#
        );
    }

    #[test]
    fn shared_slices_are_the_text_and_paths_they_cut() {
        use std::collections::hash_map::DefaultHasher;
        let hash = |path: &FindingPath| {
            let mut hasher = DefaultHasher::new();
            path.hash(&mut hasher);
            hasher.finish()
        };
        let text = SharedText::new("ma.title-frno French title".to_owned());
        let message = text.slice(11..26).unwrap_or_else(|| panic!("in bounds"));
        assert_eq!(message, "no French title");
        assert_eq!(message, SharedStr::from("no French title"));
        assert_eq!(format!("{message:?}"), r#""no French title""#);
        assert!(text.slice(20..40).is_none());
        assert!(SharedText::new("é".to_owned()).slice(0..1).is_none());

        let id = SharedStr::from(String::from("https://data.gov.ma/d/1"));
        let all: FindingPath = [
            PathSegment::Dataset(id.clone()),
            PathSegment::Dataset(id.clone()),
            PathSegment::Field("dct:title".into()),
        ]
        .into_iter()
        .collect();
        let window = all.slice(1..3).unwrap_or_else(|| panic!("in bounds"));
        let alone = FindingPath::new()
            .with(PathSegment::Dataset(id))
            .with(PathSegment::Field("dct:title".into()));
        assert_eq!(window, alone);
        assert_eq!(hash(&window), hash(&alone));
        assert_eq!(format!("{window:?}"), format!("{alone:?}"));
        assert_eq!(
            window.slice(1..2).map(|p| p.to_string()),
            Some("field dct:title".into())
        );
        assert!(window.slice(1..3).is_none());
        assert_eq!(
            window.clone().within(PathSegment::Line(2)).segments().len(),
            3
        );
    }

    #[test]
    fn findings_stay_small() {
        assert_eq!(size_of::<SharedStr>(), 24);
        assert_eq!(size_of::<FindingPath>(), 16);
        assert!(size_of::<Finding>() <= 96);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_form_is_a_plain_list_of_segments() {
        for owned in [false, true] {
            let finding = finding(owned);
            let json = serde_json::to_string(&finding).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                json,
                r#"{"rule_id":"ma.title-fr","severity":"error","path":[{"kind":"dataset","value":"https://data.gov.ma/d/1"},{"kind":"field","value":"dct:title"}],"message":"no French title","hint":"give dct:title with the language tag fr"}"#
            );
            let back: Finding = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(back, finding);
        }
    }
}
