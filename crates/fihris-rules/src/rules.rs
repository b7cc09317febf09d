//! The rule registry: every rule with its stable id, default severity and description, and
//! the [`RuleSet`] configuration (profile, enabled rules, severity overrides, reference date).

use std::fmt;

use fihris_model::{Severity, Temporal};

/// Which profile a check applies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Profile {
    /// DCAT-AP 3.0.1 and the open-data rules (formats, licences, quality, freshness).
    #[default]
    DcatAp,
    /// DCAT-AP plus the national profile of Morocco's portal (`ma.*` rules).
    Ma,
}

impl Profile {
    /// `dcat-ap` or `ma`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::DcatAp => "dcat-ap",
            Self::Ma => "ma",
        }
    }

    /// Parses `dcat-ap` or `ma` (ASCII case-insensitive).
    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        [Self::DcatAp, Self::Ma]
            .into_iter()
            .find(|profile| profile.as_str().eq_ignore_ascii_case(value.trim()))
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rule as `fihris check --list-rules` shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RuleInfo {
    /// Stable id, e.g. `licence.open`.
    pub id: &'static str,
    /// Severity unless a [`RuleSet`] overrides it.
    pub default_severity: Severity,
    /// The profile the rule belongs to: [`Profile::DcatAp`] rules run under every profile,
    /// [`Profile::Ma`] rules only under the national profile.
    pub profile: Profile,
    /// What the rule checks.
    pub description: &'static str,
}

/// Declares the private `Rule` enum and the public registry in the same order.
macro_rules! rules {
    ($($variant:ident = $id:literal, $severity:ident, $profile:ident, $description:literal;)+) => {
        /// Rules, indexing [`RULES`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Rule {
            $($variant,)+
        }

        /// Every rule, in a stable documented order.
        pub(crate) const RULES: &[RuleInfo] = &[
            $(RuleInfo {
                id: $id,
                default_severity: Severity::$severity,
                profile: Profile::$profile,
                description: $description,
            },)+
        ];
    };
}

rules! {
    FormatNonProprietary = "format.non-proprietary", Error, DcatAp,
        "a dataset with distributions has at least one that is both non-proprietary and machine-readable (EU file-type flags)";
    FormatMissing = "format.missing", Warning, DcatAp,
        "every distribution states its format (dct:format)";
    FormatUnknown = "format.unknown", Warning, DcatAp,
        "the format is a file type of the EU vocabulary fihris knows";
    FormatProprietary = "format.proprietary", Info, DcatAp,
        "the distribution's format is proprietary (EU file-type flag)";
    FormatNotMachineReadable = "format.not-machine-readable", Info, DcatAp,
        "the distribution's format is not machine-readable (EU file-type flag)";
    FormatStars = "format.stars", Info, DcatAp,
        "the 5-star open-data level of the distribution (0 without an open licence)";
    LicenceMissing = "licence.missing", Error, DcatAp,
        "every distribution has a licence, its own or the catalogue's";
    LicenceUnknown = "licence.unknown", Warning, DcatAp,
        "the licence is one fihris knows (EU licence table, SPDX, publishers' URLs)";
    LicenceOpen = "licence.open", Error, DcatAp,
        "the licence conforms to the Open Definition";
    LicenceDuties = "licence.duties", Info, DcatAp,
        "the duties the dataset's licences impose on reusers (attribution, share-alike)";
    LicenceIncompatible = "licence.incompatible", Warning, DcatAp,
        "the distributions of one dataset do not carry incompatible licences (two different share-alike licences)";
    QualityMqa = "quality.mqa", Info, DcatAp,
        "the data.europa.eu MQA score of the dataset (405 points) and its weakest indicators";
    DcatapMandatory = "dcatap.mandatory", Error, DcatAp,
        "DCAT-AP 3.0.1 mandatory property present (sh:minCount of the official shapes)";
    DcatapCardinality = "dcatap.cardinality", Error, DcatAp,
        "DCAT-AP 3.0.1 at most one value where the shapes say so (sh:maxCount)";
    DcatapNodeKind = "dcatap.node-kind", Error, DcatAp,
        "DCAT-AP 3.0.1 literal or resource as the shapes require (sh:nodeKind)";
    DcatapDatatype = "dcatap.datatype", Error, DcatAp,
        "DCAT-AP 3.0.1 literal datatype and lexical form (sh:datatype)";
    DcatapVocabulary = "dcatap.vocabulary", Error, DcatAp,
        "DCAT-AP 3.0.1 required controlled vocabularies (file type, frequency, language, distribution status, availability, IANA media types)";
    DcatapVocabularyRecommended = "dcatap.vocabulary-recommended", Warning, DcatAp,
        "DCAT-AP 3.0.1 recommended controlled vocabularies (EU data theme, access right, dataset type)";
    DcatapRecommended = "dcatap.recommended", Warning, DcatAp,
        "DCAT-AP 3.0.1 recommended properties (contact point, keyword, theme, publisher, licence, format…)";
    FreshnessOverdue = "freshness.overdue", Warning, DcatAp,
        "the dataset was updated within its frequency's interval, as of the reference date";
    FreshnessUnknown = "freshness.unknown", Info, DcatAp,
        "the dataset's freshness can be judged (a regular frequency and an update date)";
    PrivacyDeclaredNone = "privacy.declared-none", Error, DcatAp,
        "a dataset declared free of personal data has no distribution where a scan found some";
    MaProducer = "ma.producer", Error, Ma,
        "the publisher is a producer of the portal's referential";
    MaTheme = "ma.theme", Error, Ma,
        "the dataset has at least one of the portal's 19 themes";
    MaFrequency = "ma.frequency", Error, Ma,
        "the update frequency is set";
    MaContactEmail = "ma.contact-email", Error, Ma,
        "a contact point with an e-mail address is given";
    MaLicence = "ma.licence", Error, Ma,
        "every distribution carries the portal's licence or an open one";
    MaTitleFr = "ma.title-fr", Error, Ma,
        "the title is given in French";
    MaTitleAr = "ma.title-ar", Warning, Ma,
        "the title is given in Arabic";
    MaAccessRights = "ma.access-rights", Error, Ma,
        "the access rights are set";
    MaPersonalData = "ma.personal-data", Error, Ma,
        "the personal-data status is declared (none, anonymised, present)";
}

impl Rule {
    pub(crate) fn info(self) -> &'static RuleInfo {
        &RULES[self as usize]
    }
}

/// Every rule with its id, default severity, profile and description, in a stable order.
///
/// ```
/// let ids: Vec<&str> = fihris_rules::rules().iter().map(|rule| rule.id).collect();
/// assert!(ids.contains(&"format.non-proprietary"));
/// assert!(ids.contains(&"privacy.declared-none"));
/// ```
#[must_use]
pub fn rules() -> &'static [RuleInfo] {
    RULES
}

/// A rule id that no rule has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRuleError {
    rule_id: String,
}

impl UnknownRuleError {
    /// The id that was asked for.
    #[must_use]
    pub fn rule_id(&self) -> &str {
        &self.rule_id
    }
}

impl fmt::Display for UnknownRuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown rule {:?} (see --list-rules)", self.rule_id)
    }
}

impl std::error::Error for UnknownRuleError {}

/// Which rules run, at which severity, under which profile, as of which date.
///
/// ```
/// use fihris_model::{Severity, Temporal};
/// use fihris_rules::{Profile, RuleSet};
///
/// let rules = RuleSet::new(Profile::Ma)
///     .with_disabled("format.stars")?
///     .with_severity("freshness.overdue", Severity::Error)?
///     .with_as_of(Temporal::parse("2026-11-30")?);
/// assert_eq!(rules.severity("format.stars"), None);
/// assert_eq!(rules.severity("freshness.overdue"), Some(Severity::Error));
/// assert!(RuleSet::new(Profile::DcatAp).with_disabled("no.such-rule").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    profile: Profile,
    /// Per rule of [`RULES`]: `None` when disabled.
    severities: Vec<Option<Severity>>,
    as_of: Option<Temporal>,
}

impl Default for RuleSet {
    fn default() -> Self {
        Self::new(Profile::DcatAp)
    }
}

impl RuleSet {
    /// Every rule of `profile` enabled at its default severity; no reference date (freshness
    /// rules do not run until [`RuleSet::with_as_of`] gives one).
    #[must_use]
    pub fn new(profile: Profile) -> Self {
        let severities = RULES
            .iter()
            .map(|rule| {
                (rule.profile == Profile::DcatAp || rule.profile == profile)
                    .then_some(rule.default_severity)
            })
            .collect();
        Self {
            profile,
            severities,
            as_of: None,
        }
    }

    fn index(id: &str) -> Result<usize, UnknownRuleError> {
        RULES
            .iter()
            .position(|rule| rule.id == id)
            .ok_or_else(|| UnknownRuleError {
                rule_id: id.to_owned(),
            })
    }

    /// Turns a rule off.
    ///
    /// # Errors
    ///
    /// [`UnknownRuleError`] when no rule has that id.
    pub fn with_disabled(mut self, id: &str) -> Result<Self, UnknownRuleError> {
        let index = Self::index(id)?;
        self.severities[index] = None;
        Ok(self)
    }

    /// Turns a rule on (at its default severity unless already overridden), whatever its
    /// profile.
    ///
    /// # Errors
    ///
    /// [`UnknownRuleError`] when no rule has that id.
    pub fn with_enabled(mut self, id: &str) -> Result<Self, UnknownRuleError> {
        let index = Self::index(id)?;
        let slot = &mut self.severities[index];
        *slot = Some(slot.unwrap_or(RULES[index].default_severity));
        Ok(self)
    }

    /// Turns a rule on at `severity`.
    ///
    /// # Errors
    ///
    /// [`UnknownRuleError`] when no rule has that id.
    pub fn with_severity(mut self, id: &str, severity: Severity) -> Result<Self, UnknownRuleError> {
        let index = Self::index(id)?;
        self.severities[index] = Some(severity);
        Ok(self)
    }

    /// The reference date of freshness rules (usually today).
    #[must_use]
    pub fn with_as_of(mut self, as_of: Temporal) -> Self {
        self.as_of = Some(as_of);
        self
    }

    /// The profile.
    #[must_use]
    pub fn profile(&self) -> Profile {
        self.profile
    }

    /// The reference date, if any.
    #[must_use]
    pub fn as_of(&self) -> Option<&Temporal> {
        self.as_of.as_ref()
    }

    /// The severity the rule reports at, `None` when it is disabled or unknown.
    #[must_use]
    pub fn severity(&self, id: &str) -> Option<Severity> {
        Self::index(id)
            .ok()
            .and_then(|index| self.severities[index])
    }

    pub(crate) fn severity_of(&self, rule: Rule) -> Option<Severity> {
        self.severities[rule as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for rule in RULES {
            assert!(seen.insert(rule.id), "duplicate {}", rule.id);
            let (family, name) = rule.id.split_once('.').unwrap();
            assert!(!family.is_empty() && !name.is_empty());
            assert!(
                rule.id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'.' || b == b'-'),
                "{}",
                rule.id
            );
            assert!(!rule.description.is_empty());
        }
        assert_eq!(Rule::MaPersonalData.info().id, "ma.personal-data");
        assert_eq!(
            Rule::FormatNonProprietary.info().id,
            "format.non-proprietary"
        );
    }

    #[test]
    fn national_rules_only_under_their_profile() {
        let dcat = RuleSet::new(Profile::DcatAp);
        assert_eq!(dcat.severity("ma.producer"), None);
        assert_eq!(dcat.severity("licence.open"), Some(Severity::Error));
        let ma = RuleSet::new(Profile::Ma);
        assert_eq!(ma.severity("ma.producer"), Some(Severity::Error));
        assert_eq!(ma.severity("ma.title-ar"), Some(Severity::Warning));
        let enabled = dcat.with_enabled("ma.theme").unwrap();
        assert_eq!(enabled.severity("ma.theme"), Some(Severity::Error));
    }

    #[test]
    fn overrides() {
        let rules = RuleSet::new(Profile::DcatAp)
            .with_severity("format.stars", Severity::Warning)
            .unwrap()
            .with_enabled("format.stars")
            .unwrap();
        assert_eq!(rules.severity("format.stars"), Some(Severity::Warning));
        let error = RuleSet::default()
            .with_severity("x.y", Severity::Info)
            .unwrap_err();
        assert_eq!(error.rule_id(), "x.y");
        assert!(error.to_string().contains("x.y"));
        assert_eq!(Profile::parse(" MA "), Some(Profile::Ma));
        assert_eq!(Profile::parse("dcat-ap"), Some(Profile::DcatAp));
        assert_eq!(Profile::parse("dcat"), None);
    }
}
