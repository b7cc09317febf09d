//! Findings: what a check says about a catalogue or a resource, as data.

use std::borrow::Cow;
use std::fmt;

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
    File(String),
    /// A 1-based line of the input.
    Line(u64),
    /// A 1-based record (CSV row, JSON line, CKAN package) of the input.
    Record(u64),
    /// A dataset, by identifier.
    Dataset(String),
    /// A distribution, by identifier.
    Distribution(String),
    /// A data service, by identifier.
    Service(String),
    /// A column of a tabular resource, by header.
    Column(String),
    /// A field or property (`dct:title`, `license_id`).
    Field(String),
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct FindingPath(Vec<PathSegment>);

impl FindingPath {
    /// The empty path (the whole input).
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// This path extended by one segment.
    #[must_use]
    pub fn with(mut self, segment: PathSegment) -> Self {
        self.0.push(segment);
        self
    }

    /// This path inside an outer element (the file a reader read, say).
    #[must_use]
    pub fn within(mut self, outer: PathSegment) -> Self {
        self.0.insert(0, outer);
        self
    }

    /// The segments, outermost first.
    #[must_use]
    pub fn segments(&self) -> &[PathSegment] {
        &self.0
    }

    /// The dataset identifier in the path, if any.
    #[must_use]
    pub fn dataset(&self) -> Option<&str> {
        self.0.iter().find_map(|segment| match segment {
            PathSegment::Dataset(id) => Some(id.as_str()),
            _ => None,
        })
    }
}

impl fmt::Display for FindingPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, segment) in self.0.iter().enumerate() {
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
    message: String,
    hint: Option<String>,
}

impl Finding {
    /// A finding without a hint.
    #[must_use]
    pub fn new(
        rule_id: impl Into<Cow<'static, str>>,
        severity: Severity,
        path: FindingPath,
        message: impl Into<String>,
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
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
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
