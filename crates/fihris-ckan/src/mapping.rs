//! CKAN fields <-> model, key by key.
//!
//! Each mapped key has a `read` (raw value into the model) and a `derive` (model into the
//! value a writer produces). After mapping a package, the reader keeps in
//! [`fihris_model::Extras::fields`] every key it does not map, and every mapped key whose
//! derived value differs from what was read (an empty string, a normalised format, a tag
//! object with CKAN's bookkeeping keys). The writer writes such a kept value back while the
//! model still says the same thing about it (the kept value read into a scratch model
//! derives the same as the model does), and the derived value otherwise: CKAN -> model ->
//! CKAN gives the same JSON, and edits to the model still show.

use fihris_model::{
    Agent, AgentKind, BlankId, Concept, ContactPoint, Dataset, Distribution, ExtraField,
    FieldValue, Iri, Keyword, LanguageTag, LicenseDocument, NodeId, Temporal, Text,
    inventory::PublicationStatus,
};
use fihris_vocab::{FileType, Frequency, Licence, PortalTheme, Producer, Vocabulary};

use crate::error::{CkanWarning, CkanWarningKind};
use crate::json::{Fields, Value, get, same_json};

/// Prefix of IANA media-type IRIs, as ckanext-dcat writes `mimetype`.
const IANA: &str = "https://www.iana.org/assignments/media-types/";

/// Options shared by reading and writing.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// Base IRI of the portal, ending in `/`: datasets are `<base>dataset/<name>`.
    pub(crate) base: String,
    /// Language of texts that are not in Arabic script; `None`: untagged.
    pub(crate) language: Option<LanguageTag>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            base: "https://data.gov.ma/data/fr/".to_owned(),
            language: None,
        }
    }
}

/// Where warnings of one record go (nowhere for the writer's scratch reads).
pub(crate) struct Sink<'w> {
    pub(crate) record: u64,
    /// 1-based position of the package among the readable ones: it names an unnamed
    /// package, so that dropping a broken record on a round trip does not rename it. Read
    /// only through [`Sink::position`], which notes that it was read.
    position: u64,
    /// Whether the package's model depends on its position (read on two threads, the
    /// second half of a file does not know its positions until the first is read).
    pub(crate) position_used: bool,
    pub(crate) line: Option<u64>,
    pub(crate) dataset: Option<String>,
    pub(crate) warnings: Option<&'w mut Vec<CkanWarning>>,
}

impl<'w> Sink<'w> {
    /// Warnings of record `record` (at `line` of the input, if lines) into `warnings`.
    pub(crate) fn new(
        record: u64,
        position: u64,
        line: Option<u64>,
        warnings: &'w mut Vec<CkanWarning>,
    ) -> Self {
        Sink {
            record,
            position,
            position_used: false,
            line,
            dataset: None,
            warnings: Some(warnings),
        }
    }

    pub(crate) fn quiet() -> Sink<'static> {
        Sink {
            record: 0,
            position: 0,
            position_used: false,
            line: None,
            dataset: None,
            warnings: None,
        }
    }

    pub(crate) fn position(&mut self) -> u64 {
        self.position_used = true;
        self.position
    }

    pub(crate) fn warn(&mut self, kind: CkanWarningKind, field: &str, message: impl Into<String>) {
        if let Some(warnings) = self.warnings.as_deref_mut() {
            warnings.push(
                CkanWarning::new(kind, self.record, Some(field.to_owned()), message)
                    .with_position(self.line, None)
                    .with_dataset(self.dataset.clone()),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Small conversions.

/// A string value with content; `""`, `null` and other types give `None`.
fn non_empty<'v>(value: &'v Value<'_>) -> Option<&'v str> {
    match value {
        Value::String(text) if !text.is_empty() => Some(text),
        _ => None,
    }
}

/// [`non_empty`] of a value the model keeps.
fn non_empty_field(value: &FieldValue) -> Option<&str> {
    match value {
        FieldValue::String(text) if !text.is_empty() => Some(text),
        _ => None,
    }
}

fn string(value: impl Into<String>) -> FieldValue {
    FieldValue::String(value.into())
}

/// Whether a text is mostly in Arabic script.
fn is_arabic(text: &str) -> bool {
    // The Arabic ranges below are written in UTF-8 with the lead bytes D8 to DB, DD (U+0600 to
    // U+06FF, U+0740 to U+077F) and EF (the presentation forms): most texts, ASCII or French,
    // hold none, and one pass over the bytes without a branch each tells them.
    let may_hold_arabic = text.bytes().fold(false, |any, byte| {
        any | (byte.wrapping_sub(0xD8) < 4) | (byte == 0xDD) | (byte == 0xEF)
    });
    if !may_hold_arabic {
        return false;
    }
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}' => arabic += 1,
            // Latin-1 and Latin Extended letters (French accents) without the Unicode
            // tables: every character of the range is a letter but × and ÷.
            '\u{00C0}'..='\u{024F}' if c != '×' && c != '÷' => latin += 1,
            c if c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic()) => latin += 1,
            _ => {}
        }
    }
    arabic > latin
}

impl Options {
    /// The language tag for a text: `ar` for Arabic script, else the configured language.
    fn tag_for(&self, value: &str) -> Option<LanguageTag> {
        let language = self.language.as_ref()?;
        if is_arabic(value) {
            Some(LanguageTag::new_unchecked("ar"))
        } else {
            Some(language.clone())
        }
    }

    pub(crate) fn text(&self, value: &str) -> Text {
        let mut text = Text::new();
        text.insert(self.tag_for(value), value);
        text
    }

    fn keyword(&self, value: &str) -> Option<Keyword> {
        let tag = self.tag_for(value);
        let language = tag.as_ref().map_or("", LanguageTag::as_str);
        Keyword::new(language, value).ok()
    }

    fn dataset_prefix(&self) -> String {
        [self.base.as_str(), "dataset/"].concat()
    }
}

/// The one string a CKAN field holds for a text: French, untagged, Arabic, then any.
pub(crate) fn text_value(text: &Text) -> Option<FieldValue> {
    text.get("fr")
        .or_else(|| text.get(""))
        .or_else(|| text.get("ar"))
        .or_else(|| text.iter().next().map(|(_, value)| value))
        .map(string)
}

/// A timestamp as CKAN writes it, repaired when it uses a space for `T`.
fn temporal(raw: &str) -> Option<(Temporal, bool)> {
    if let Ok(value) = Temporal::parse(raw) {
        return Some((value, false));
    }
    let repaired = raw.trim().replacen(' ', "T", 1);
    Temporal::parse(repaired).ok().map(|value| (value, true))
}

fn read_temporal(raw: &Value<'_>, field: &str, sink: &mut Sink<'_>) -> Option<Temporal> {
    let text = non_empty(raw)?;
    match temporal(text) {
        Some((value, repaired)) => {
            if repaired {
                sink.warn(
                    CkanWarningKind::Repaired,
                    field,
                    format!("timestamp {text:?} read as {value}"),
                );
            }
            Some(value)
        }
        None => {
            sink.warn(
                CkanWarningKind::InvalidValue,
                field,
                format!("{text:?} is not a date or timestamp; kept as read"),
            );
            None
        }
    }
}

fn read_iri(raw: &Value<'_>, field: &str, sink: &mut Sink<'_>) -> Option<Iri> {
    let text = non_empty(raw)?;
    let trimmed = text.trim();
    match Iri::new(trimmed) {
        Ok(iri) => {
            if trimmed != text {
                sink.warn(
                    CkanWarningKind::Repaired,
                    field,
                    format!("surrounding spaces removed from {text:?}"),
                );
            }
            Some(iri)
        }
        Err(error) => {
            sink.warn(
                CkanWarningKind::InvalidValue,
                field,
                format!("not an absolute IRI ({}); kept as read", error.reason()),
            );
            None
        }
    }
}

fn wrong_type(raw: &Value<'_>, expected: &str, field: &str, sink: &mut Sink<'_>) {
    let empty = match raw {
        Value::Null => true,
        Value::String(text) => text.is_empty(),
        _ => false,
    };
    if !empty {
        sink.warn(
            CkanWarningKind::InvalidValue,
            field,
            format!("expected {expected}; kept as read"),
        );
    }
}

/// Warns when a text field holds something other than a string or null.
fn expect_string(raw: &Value<'_>, field: &str, sink: &mut Sink<'_>) {
    if !matches!(raw, Value::String(_)) {
        wrong_type(raw, "a string", field, sink);
    }
}

// ---------------------------------------------------------------------------------------
// Package keys.

/// A mapped key of a package: how it is read into the model and derived back.
pub(crate) struct PackageRule {
    pub(crate) key: &'static str,
    read: fn(&Options, &Value<'_>, &mut Dataset, &mut Sink<'_>),
    derive: fn(&Dataset) -> Option<FieldValue>,
}

/// Mapped package keys, in the order the writer writes them. `title` is read first (a
/// dataset needs it), `license_id` after `resources` (it is set on every distribution).
pub(crate) const PACKAGE_RULES: &[PackageRule] = &[
    PackageRule {
        key: "author",
        read: |options, raw, dataset, sink| {
            expect_string(raw, "author", sink);
            if let Some(name) = non_empty(raw)
                && let Ok(mut agent) = Agent::new(options.text(name))
            {
                agent.kind = AgentKind::Agent;
                dataset.creators.insert(0, agent);
            }
        },
        derive: |dataset| dataset.creators.first().and_then(|a| text_value(&a.name)),
    },
    PackageRule {
        key: "author_email",
        read: |_, raw, dataset, _| {
            if let (Some(email), Some(agent)) = (non_empty(raw), dataset.creators.first_mut()) {
                agent.email = Some(email.to_owned());
            }
        },
        derive: |dataset| {
            dataset
                .creators
                .first()
                .and_then(|a| a.email.as_deref())
                .map(string)
        },
    },
    PackageRule {
        key: "id",
        read: |_, raw, dataset, _| {
            if let Some(id) = non_empty(raw) {
                dataset.identifiers.insert(0, id.to_owned());
            }
        },
        derive: |dataset| dataset.identifiers.first().map(string),
    },
    PackageRule {
        key: "license_id",
        read: read_licence,
        derive: |dataset| {
            dataset
                .distributions
                .iter()
                .find_map(|d| d.licence.as_ref())
                .and_then(LicenseDocument::known)
                .map(|licence| string(licence.ckan_id()))
        },
    },
    PackageRule {
        key: "maintainer",
        read: |options, raw, dataset, sink| {
            expect_string(raw, "maintainer", sink);
            if let Some(name) = non_empty(raw) {
                contact(dataset).name = options.text(name);
            }
        },
        derive: |dataset| {
            dataset
                .contact_points
                .first()
                .and_then(|c| text_value(&c.name))
        },
    },
    PackageRule {
        key: "maintainer_email",
        read: |_, raw, dataset, _| {
            if let Some(email) = non_empty(raw) {
                contact(dataset).email = Some(email.to_owned());
            }
        },
        derive: |dataset| {
            dataset
                .contact_points
                .first()
                .and_then(|c| c.email.as_deref())
                .map(string)
        },
    },
    PackageRule {
        key: "metadata_created",
        read: |_, raw, dataset, sink| {
            dataset.issued = read_temporal(raw, "metadata_created", sink);
        },
        derive: |dataset| dataset.issued.as_ref().map(|t| string(t.as_str())),
    },
    PackageRule {
        key: "metadata_modified",
        read: |_, raw, dataset, sink| {
            dataset.modified = read_temporal(raw, "metadata_modified", sink);
        },
        derive: |dataset| dataset.modified.as_ref().map(|t| string(t.as_str())),
    },
    PackageRule {
        key: "notes",
        read: |options, raw, dataset, sink| {
            expect_string(raw, "notes", sink);
            if let Some(notes) = non_empty(raw) {
                dataset.description = options.text(notes);
            }
        },
        derive: |dataset| text_value(&dataset.description),
    },
    PackageRule {
        key: "organization",
        read: read_organization,
        derive: |dataset| dataset.publisher.as_ref().map(derive_organization),
    },
    PackageRule {
        key: "title",
        read: |_, _, _, _| {},
        derive: |dataset| text_value(&dataset.title),
    },
    PackageRule {
        key: "url",
        read: |_, raw, dataset, sink| {
            if let Some(iri) = read_iri(raw, "url", sink) {
                dataset.landing_pages.insert(0, iri);
            }
        },
        derive: |dataset| {
            dataset
                .landing_pages
                .first()
                .map(|iri| string(iri.as_str()))
        },
    },
    PackageRule {
        key: "version",
        read: |_, raw, dataset, _| {
            dataset.version = non_empty(raw).map(str::to_owned);
        },
        derive: |dataset| dataset.version.as_deref().map(string),
    },
    PackageRule {
        key: "groups",
        read: read_groups,
        derive: |dataset| {
            (!dataset.portal_themes.is_empty()).then(|| {
                FieldValue::Array(
                    dataset
                        .portal_themes
                        .iter()
                        .map(|theme| {
                            let label = theme.label(fihris_vocab::LabelLanguage::Fr);
                            FieldValue::Object(vec![
                                ("display_name".to_owned(), string(label)),
                                ("name".to_owned(), string(theme.slug())),
                                ("title".to_owned(), string(label)),
                            ])
                        })
                        .collect(),
                )
            })
        },
    },
    PackageRule {
        key: "resources",
        read: read_resources,
        derive: |dataset| {
            (!dataset.distributions.is_empty()).then(|| {
                FieldValue::Array(
                    dataset
                        .distributions
                        .iter()
                        .map(|d| FieldValue::Object(resource_fields(d)))
                        .collect(),
                )
            })
        },
    },
    PackageRule {
        key: "tags",
        read: read_tags,
        derive: |dataset| {
            (!dataset.keywords.is_empty()).then(|| {
                FieldValue::Array(
                    dataset
                        .keywords
                        .iter()
                        .map(|k| FieldValue::Object(vec![("name".to_owned(), string(&k.value))]))
                        .collect(),
                )
            })
        },
    },
];

fn package_rule(key: &str) -> Option<&'static PackageRule> {
    PACKAGE_RULES.iter().find(|rule| rule.key == key)
}

fn contact(dataset: &mut Dataset) -> &mut ContactPoint {
    if dataset.contact_points.is_empty() {
        dataset.contact_points.push(ContactPoint::new());
    }
    &mut dataset.contact_points[0]
}

fn read_licence(_: &Options, raw: &Value<'_>, dataset: &mut Dataset, sink: &mut Sink<'_>) {
    let Some(id) = non_empty(raw) else {
        expect_string(raw, "license_id", sink);
        return;
    };
    match Licence::from_ckan_id(id) {
        Some(licence) => {
            if licence.ckan_id() != id {
                sink.warn(
                    CkanWarningKind::Repaired,
                    "license_id",
                    format!("licence {id:?} read as {:?}", licence.ckan_id()),
                );
            }
            for distribution in &mut dataset.distributions {
                distribution.licence = Some(LicenseDocument::from(licence));
            }
        }
        None => sink.warn(
            CkanWarningKind::UnknownLicence,
            "license_id",
            format!("licence {id:?} is not a known licence; kept as read"),
        ),
    }
}

fn read_organization(
    options: &Options,
    raw: &Value<'_>,
    dataset: &mut Dataset,
    sink: &mut Sink<'_>,
) {
    let Value::Object(fields) = raw else {
        if !matches!(raw, Value::Null) {
            sink.warn(
                CkanWarningKind::InvalidValue,
                "organization",
                "expected an object; kept as read",
            );
        }
        return;
    };
    let title = get(fields, "title").and_then(non_empty);
    let name = get(fields, "name").and_then(non_empty);
    let Some(label) = title.filter(|t| !t.trim().is_empty()).or(name) else {
        sink.warn(
            CkanWarningKind::InvalidValue,
            "organization",
            "the organisation has no title nor name; kept as read",
        );
        return;
    };
    let Ok(mut agent) = Agent::new(options.text(label)) else {
        return;
    };
    let producer = name
        .and_then(Producer::by_slug)
        .or_else(|| title.and_then(Producer::find))
        .or_else(|| name.and_then(Producer::find));
    agent.producer = producer;
    agent.id = match producer {
        Some(producer) => Some(NodeId::Iri(Iri::new_unchecked(producer.iri()))),
        None => {
            sink.warn(
                CkanWarningKind::UnknownOrganisation,
                "organization",
                format!(
                    "{label:?} is not a producer of the portal referential; kept as a new agent"
                ),
            );
            name.and_then(|name| Iri::new(format!("{}organization/{name}", options.base)).ok())
                .map(NodeId::Iri)
        }
    };
    agent.extra.fields = fields
        .iter()
        .filter(|(key, _)| key != "title" || title.is_none())
        .map(|(key, value)| ExtraField {
            key: key.as_ref().to_owned(),
            value: value.to_field(),
        })
        .collect();
    dataset.publisher = Some(agent);
}

/// The organisation object of an agent: its kept fields with `title` after `name`.
pub(crate) fn derive_organization(agent: &Agent) -> FieldValue {
    let title = text_value(&agent.name);
    let mut fields = Vec::with_capacity(agent.extra.fields.len() + 2);
    let has_name = agent.extra.field("name").is_some();
    if !has_name {
        let slug = agent
            .producer
            .map(|p| p.ckan_slug.to_owned())
            .or_else(|| agent.name.best(&["fr"]).map(slugify));
        if let Some(slug) = slug {
            fields.push(("name".to_owned(), string(slug)));
        }
        if let Some(title) = &title {
            fields.push(("title".to_owned(), title.clone()));
        }
    }
    for field in &agent.extra.fields {
        fields.push((field.key.clone(), field.value.clone()));
        if has_name
            && field.key == "name"
            && let Some(title) = &title
        {
            fields.push(("title".to_owned(), title.clone()));
        }
    }
    FieldValue::Object(fields)
}

/// A CKAN-style slug: lowercase ASCII letters and digits joined by `-`.
pub(crate) fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        let c = match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

fn read_groups(_: &Options, raw: &Value<'_>, dataset: &mut Dataset, sink: &mut Sink<'_>) {
    let Value::Array(groups) = raw else {
        wrong_type(raw, "a list of groups", "groups", sink);
        return;
    };
    for (index, group) in groups.iter().enumerate() {
        let theme = match group {
            Value::Object(fields) => {
                let by = |key: &str| get(fields, key).and_then(non_empty);
                by("name")
                    .and_then(PortalTheme::from_slug)
                    .or_else(|| by("title").and_then(PortalTheme::from_label))
                    .or_else(|| by("display_name").and_then(PortalTheme::from_label))
            }
            Value::String(name) => {
                PortalTheme::from_slug(name).or_else(|| PortalTheme::from_label(name))
            }
            _ => None,
        };
        match theme {
            Some(theme) => {
                if !dataset.portal_themes.contains(&theme) {
                    dataset.portal_themes.push(theme);
                }
                for eu in theme.eu_themes() {
                    let eu = Concept::Known(eu);
                    if !dataset.themes.contains(&eu) {
                        dataset.themes.push(eu);
                    }
                }
            }
            None => sink.warn(
                CkanWarningKind::UnknownTheme,
                &format!("groups[{index}]"),
                "not one of the portal's themes; kept as read",
            ),
        }
    }
}

fn read_tags(options: &Options, raw: &Value<'_>, dataset: &mut Dataset, sink: &mut Sink<'_>) {
    let Value::Array(tags) = raw else {
        wrong_type(raw, "a list of tags", "tags", sink);
        return;
    };
    for tag in tags {
        let name = match tag {
            Value::Object(fields) => get(fields, "name").and_then(non_empty),
            _ => None,
        };
        if let Some(keyword) = name.and_then(|name| options.keyword(name)) {
            dataset.keywords.push(keyword);
        }
    }
}

fn read_resources(options: &Options, raw: &Value<'_>, dataset: &mut Dataset, sink: &mut Sink<'_>) {
    let Value::Array(resources) = raw else {
        wrong_type(raw, "a list of resources", "resources", sink);
        return;
    };
    for (index, resource) in resources.iter().enumerate() {
        match resource {
            Value::Object(fields) => {
                let distribution = read_resource(options, fields, &dataset.id, index, sink);
                dataset.distributions.push(distribution);
            }
            _ => sink.warn(
                CkanWarningKind::InvalidValue,
                &format!("resources[{index}]"),
                "a resource is an object; kept as read",
            ),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Resource keys.

/// A mapped key of a resource.
struct ResourceRule {
    key: &'static str,
    read: fn(&Options, &Value<'_>, &mut Distribution, &str, &mut Sink<'_>),
    derive: fn(&Distribution) -> Option<FieldValue>,
}

const RESOURCE_RULES: &[ResourceRule] = &[
    ResourceRule {
        key: "created",
        read: |_, raw, d, field, sink| d.issued = read_temporal(raw, field, sink),
        derive: |d| d.issued.as_ref().map(|t| string(t.as_str())),
    },
    ResourceRule {
        key: "description",
        read: |options, raw, d, _, _| {
            if let Some(text) = non_empty(raw) {
                d.description = options.text(text);
            }
        },
        derive: |d| text_value(&d.description),
    },
    ResourceRule {
        key: "download_url",
        read: |_, raw, d, field, sink| {
            if let Some(iri) = read_iri(raw, field, sink) {
                d.download_urls.insert(0, iri);
            }
        },
        derive: |d| d.download_urls.first().map(|iri| string(iri.as_str())),
    },
    ResourceRule {
        key: "format",
        read: |_, raw, d, field, sink| {
            let Some(label) = non_empty(raw) else {
                return;
            };
            match FileType::from_label(label) {
                Some(file_type) => {
                    if !label.eq_ignore_ascii_case(file_type.code()) {
                        sink.warn(
                            CkanWarningKind::Repaired,
                            field,
                            format!("format {label:?} read as {}", file_type.code()),
                        );
                    }
                    d.format = Some(Concept::Known(file_type));
                }
                None if label.trim().is_empty() => {}
                None => sink.warn(
                    CkanWarningKind::UnknownFormat,
                    field,
                    format!("format {label:?} is not a known file type; kept as read"),
                ),
            }
        },
        derive: |d| {
            d.format.as_ref().map(|format| match format {
                Concept::Known(file_type) => string(file_type.code()),
                Concept::Other(iri) => string(iri.as_str()),
            })
        },
    },
    ResourceRule {
        key: "last_modified",
        read: |_, raw, d, field, sink| d.modified = read_temporal(raw, field, sink),
        derive: |d| d.modified.as_ref().map(|t| string(t.as_str())),
    },
    ResourceRule {
        key: "mimetype",
        read: |_, raw, d, _, _| {
            if let Some(media_type) = non_empty(raw) {
                d.media_type = Iri::new([IANA, media_type.trim()].concat()).ok();
            }
        },
        derive: |d| {
            d.media_type
                .as_ref()
                .map(|iri| string(iri.as_str().strip_prefix(IANA).unwrap_or(iri.as_str())))
        },
    },
    ResourceRule {
        key: "name",
        read: |options, raw, d, _, _| {
            if let Some(text) = non_empty(raw) {
                d.title = options.text(text);
            }
        },
        derive: |d| text_value(&d.title),
    },
    ResourceRule {
        key: "size",
        read: |_, raw, d, field, sink| {
            let digits = match raw {
                Value::Number(lexical) => Some((lexical.as_ref(), false)),
                Value::String(text) if !text.is_empty() => Some((text.trim(), true)),
                _ => None,
            };
            let Some((digits, repaired)) = digits else {
                return;
            };
            match digits.parse::<u64>() {
                Ok(size) if digits.bytes().all(|b| b.is_ascii_digit()) => {
                    if repaired {
                        sink.warn(
                            CkanWarningKind::Repaired,
                            field,
                            format!("size {digits:?} read as a number"),
                        );
                    }
                    d.byte_size = Some(size);
                }
                _ => sink.warn(
                    CkanWarningKind::InvalidValue,
                    field,
                    format!("size {digits:?} is not a number of bytes; kept as read"),
                ),
            }
        },
        derive: |d| d.byte_size.map(|size| FieldValue::Number(size.to_string())),
    },
    ResourceRule {
        key: "url",
        read: |_, raw, d, field, sink| {
            d.access_urls = read_iri(raw, field, sink).into_iter().collect();
            if d.access_urls.is_empty() {
                sink.warn(
                    CkanWarningKind::InvalidValue,
                    field,
                    "the resource has no URL: the distribution has no access URL",
                );
            }
        },
        derive: |d| d.access_urls.first().map(|iri| string(iri.as_str())),
    },
];

fn resource_rule(key: &str) -> Option<&'static ResourceRule> {
    RESOURCE_RULES.iter().find(|rule| rule.key == key)
}

/// A scratch distribution for reading one kept value again.
fn scratch_distribution() -> Distribution {
    let mut distribution = Distribution::new(
        NodeId::Blank(BlankId::new("scratch").unwrap_or_else(|_| unreachable_blank())),
        Iri::new_unchecked("urn:fihris:scratch"),
    );
    distribution.access_urls.clear();
    distribution
}

#[expect(clippy::panic, reason = "\"scratch\" is a valid blank node label")]
fn unreachable_blank() -> BlankId {
    panic!("\"scratch\" is a valid blank node label")
}

fn read_resource(
    options: &Options,
    fields: &Fields<'_>,
    dataset: &NodeId,
    index: usize,
    sink: &mut Sink<'_>,
) -> Distribution {
    let resource_id = get(fields, "id").and_then(non_empty);
    let id = match (dataset, resource_id) {
        (NodeId::Iri(dataset), Some(id)) => {
            Iri::new([dataset.as_str(), "/resource/", id].concat()).ok()
        }
        _ => None,
    }
    .map(NodeId::Iri)
    .or_else(|| {
        get(fields, "url")
            .and_then(non_empty)
            .and_then(|url| Iri::new(url.trim()).ok())
            .map(NodeId::Iri)
    })
    .unwrap_or_else(|| {
        let label = match dataset {
            NodeId::Blank(blank) => format!("{}r{index}", blank.as_str()),
            NodeId::Iri(_) => format!("p{}r{index}", sink.position()),
        };
        NodeId::Blank(BlankId::new(label).unwrap_or_else(|_| unreachable_blank()))
    });
    let mut distribution = scratch_distribution();
    distribution.id = id;
    // The fields' names, for findings: `resources[i].` made once, then each key appended.
    let mut field = format!("resources[{index}].");
    let prefix = field.len();
    for rule in RESOURCE_RULES {
        if let Some(raw) = get(fields, rule.key) {
            field.truncate(prefix);
            field.push_str(rule.key);
            (rule.read)(options, raw, &mut distribution, &field, sink);
        }
    }
    if get(fields, "url").is_none() {
        sink.warn(
            CkanWarningKind::InvalidValue,
            &format!("resources[{index}].url"),
            "the resource has no URL: the distribution has no access URL",
        );
    }
    distribution.extra.fields = kept_fields(fields, |key| {
        resource_rule(key).map_or(Derived::Unmapped, |rule| {
            Derived::Value((rule.derive)(&distribution))
        })
    });
    distribution
}

/// What the writer would write for a key of the input.
enum Derived {
    /// The key is not mapped: kept as read.
    Unmapped,
    /// The key derives back to what was read.
    Same,
    /// The key derives to this value (or to nothing).
    Value(Option<FieldValue>),
}

/// The fields a reader keeps: unmapped keys, and mapped keys whose derived value is not
/// what was read (only the last of duplicate mapped keys counts, as in JSON parsers).
fn kept_fields(fields: &Fields<'_>, derive: impl Fn(&str) -> Derived) -> Vec<ExtraField> {
    let mut kept = Vec::new();
    for (index, (key, raw)) in fields.iter().enumerate() {
        let keep = match derive(key) {
            Derived::Unmapped => true,
            Derived::Same => false,
            Derived::Value(_) if fields[index + 1..].iter().any(|(other, _)| other == key) => false,
            Derived::Value(derived) => !derived.is_some_and(|derived| same_json(&derived, raw)),
        };
        if keep {
            kept.push(ExtraField {
                key: key.as_ref().to_owned(),
                value: raw.to_field(),
            });
        }
    }
    kept
}

/// Chooses between a kept raw value and the derived one (see the module documentation).
fn choose(
    raw: Option<&FieldValue>,
    derived: Option<FieldValue>,
    normal: impl FnOnce(&FieldValue) -> Option<FieldValue>,
) -> Option<FieldValue> {
    match (raw, derived) {
        (Some(raw), None) => Some(raw.clone()),
        (Some(raw), Some(derived)) => {
            if normal(raw).is_some_and(|normal| same_json(&normal, &Value::of_field(&derived))) {
                Some(raw.clone())
            } else {
                Some(derived)
            }
        }
        (None, derived) => derived,
    }
}

/// The CKAN resource object of a distribution.
pub(crate) fn resource_fields(distribution: &Distribution) -> Vec<(String, FieldValue)> {
    let options = Options::default();
    let mut out = Vec::with_capacity(RESOURCE_RULES.len() + distribution.extra.fields.len());
    let mut written = Vec::new();
    for field in &distribution.extra.fields {
        match resource_rule(&field.key) {
            None => out.push((field.key.clone(), field.value.clone())),
            Some(rule) if !written.contains(&rule.key) => {
                written.push(rule.key);
                let value = choose(Some(&field.value), (rule.derive)(distribution), |raw| {
                    let mut scratch = scratch_distribution();
                    let raw = Value::of_field(raw);
                    (rule.read)(&options, &raw, &mut scratch, rule.key, &mut Sink::quiet());
                    (rule.derive)(&scratch)
                });
                if let Some(value) = value {
                    out.push((field.key.clone(), value));
                }
            }
            Some(_) => {}
        }
    }
    for rule in RESOURCE_RULES {
        if !written.contains(&rule.key)
            && let Some(value) = (rule.derive)(distribution)
        {
            out.push((rule.key.to_owned(), value));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Packages.

/// The dataset IRI of a package: its `uri` (top level or extra), else
/// `<base>dataset/<name>`, else `<base>dataset/<id>`, else a blank node.
fn dataset_id(options: &Options, fields: &Fields<'_>, sink: &mut Sink<'_>) -> NodeId {
    let uri = get(fields, "uri")
        .and_then(non_empty)
        .or_else(|| extra_value(fields, &["uri"]));
    if let Some(iri) = uri.and_then(|uri| Iri::new(uri.trim()).ok()) {
        return NodeId::Iri(iri);
    }
    let prefix = options.dataset_prefix();
    for key in ["name", "id"] {
        if let Some(iri) = get(fields, key)
            .and_then(non_empty)
            .and_then(|slug| Iri::new([prefix.as_str(), slug].concat()).ok())
        {
            return NodeId::Iri(iri);
        }
    }
    NodeId::Blank(
        BlankId::new(format!("package{}", sink.position())).unwrap_or_else(|_| unreachable_blank()),
    )
}

/// The value of the first CKAN extra (`extras: [{key, value}]`) with one of these keys
/// (ASCII case-insensitive).
fn extra_value<'a>(fields: &'a Fields<'_>, keys: &[&str]) -> Option<&'a str> {
    let Value::Array(extras) = get(fields, "extras")? else {
        return None;
    };
    extras.iter().find_map(|extra| {
        let Value::Object(entry) = extra else {
            return None;
        };
        let key = get(entry, "key").and_then(non_empty)?;
        keys.iter()
            .any(|k| k.eq_ignore_ascii_case(key.trim()))
            .then(|| get(entry, "value").and_then(non_empty))
            .flatten()
    })
}

const FREQUENCY_EXTRAS: &[&str] = &[
    "frequency",
    "periodicite",
    "périodicité",
    "accrual_periodicity",
];
const STATUS_EXTRAS: &[&str] = &["publication_status", "statut_publication"];

/// A frequency as CKAN catalogues write it: an EU IRI or code, an English word, a French term.
pub(crate) fn decode_frequency(value: &str) -> Option<Concept<Frequency>> {
    let value = value.trim();
    if let Some(frequency) = Frequency::from_iri(value)
        .or_else(|| Frequency::from_code(value))
        .or_else(|| Frequency::from_french(value))
    {
        return Some(Concept::Known(frequency));
    }
    let english = match value.to_ascii_lowercase().as_str() {
        "yearly" | "annually" => Some(Frequency::Annual),
        "biannual" | "semiannually" | "half-yearly" => Some(Frequency::Semiannual),
        "hourly" => Some(Frequency::Hourly),
        "irregular" | "irregularly" => Some(Frequency::Irregular),
        "continuous" | "realtime" | "real-time" => Some(Frequency::ContinuouslyUpdated),
        _ => None,
    };
    english.map(Concept::Known).or_else(|| {
        (value.starts_with("http://") || value.starts_with("https://"))
            .then(|| Iri::new(value).ok().map(Concept::Other))
            .flatten()
    })
}

fn decode_status(value: &str) -> Option<PublicationStatus> {
    let value = value.trim();
    PublicationStatus::from_code(value).or_else(|| {
        PublicationStatus::ALL.iter().copied().find(|status| {
            status
                .label(fihris_vocab::LabelLanguage::Fr)
                .eq_ignore_ascii_case(value)
                || status
                    .label(fihris_vocab::LabelLanguage::En)
                    .eq_ignore_ascii_case(value)
        })
    })
}

/// Reads one package object into a dataset.
///
/// # Errors
///
/// Why the package cannot be a dataset (no title).
pub(crate) fn read_package(
    options: &Options,
    fields: &Fields<'_>,
    sink: &mut Sink<'_>,
) -> Result<Dataset, String> {
    let id = dataset_id(options, fields, sink);
    sink.dataset = Some(id.to_string());
    let title = match get(fields, "title") {
        Some(Value::String(title)) if !title.trim().is_empty() => title,
        Some(Value::String(_) | Value::Null) | None => {
            return Err("the package has no title".to_owned());
        }
        Some(_) => return Err("the package title is not a string".to_owned()),
    };
    let mut dataset = Dataset::new(id, options.text(title)).map_err(|e| e.to_string())?;
    for rule in PACKAGE_RULES {
        if let Some(raw) = get(fields, rule.key) {
            (rule.read)(options, raw, &mut dataset, sink);
        }
    }
    // The licence is set on distributions: read it again now that they exist.
    if let Some(raw) = get(fields, "license_id") {
        read_licence(options, raw, &mut dataset, &mut Sink::quiet());
    }
    read_frequency(fields, &mut dataset, sink);
    if let Some(status) = extra_value(fields, STATUS_EXTRAS) {
        match decode_status(status) {
            Some(status) => dataset.inventory.publication_status = Some(status),
            None => sink.warn(
                CkanWarningKind::InvalidValue,
                "extras.publication_status",
                format!("{status:?} is not a publication status; kept as read"),
            ),
        }
    } else if !matches!(get(fields, "private"), Some(Value::Bool(true))) {
        dataset.inventory.publication_status = Some(PublicationStatus::Published);
    }
    dataset.extra.fields = kept_fields(fields, |key| match key {
        // Each resource that became a distribution derives back to itself (its own
        // differing fields are kept on the distribution): skip building them to compare.
        "resources" if resources_all_read(fields, &dataset) => Derived::Same,
        _ => package_rule(key).map_or(Derived::Unmapped, |rule| {
            Derived::Value((rule.derive)(&dataset))
        }),
    });
    Ok(dataset)
}

/// Whether every item of `resources` was an object, now a distribution.
fn resources_all_read(fields: &Fields<'_>, dataset: &Dataset) -> bool {
    matches!(
        get(fields, "resources"),
        Some(Value::Array(items))
            if !items.is_empty()
                && items.len() == dataset.distributions.len()
                && items.iter().all(|item| matches!(item, Value::Object(_)))
    )
}

fn read_frequency(fields: &Fields<'_>, dataset: &mut Dataset, sink: &mut Sink<'_>) {
    let declared = extra_value(fields, FREQUENCY_EXTRAS)
        .map(|value| ("extras.frequency", value))
        .or_else(|| {
            get(fields, "frequency")
                .and_then(non_empty)
                .map(|value| ("frequency", value))
        });
    if let Some((field, value)) = declared {
        match decode_frequency(value) {
            Some(frequency) => {
                dataset.accrual_periodicity = Some(frequency);
                return;
            }
            None => sink.warn(
                CkanWarningKind::InvalidValue,
                field,
                format!("{value:?} is not a frequency; kept as read"),
            ),
        }
    }
    let inferred = dataset
        .title
        .iter()
        .find_map(|(_, title)| Frequency::find_in_french_text(title));
    if let Some(frequency) = inferred {
        dataset.accrual_periodicity = Some(Concept::Known(frequency));
        dataset.inventory.frequency_inferred = true;
    }
}

/// The CKAN package object of a dataset.
pub(crate) fn package_fields(options: &Options, dataset: &Dataset) -> Vec<(String, FieldValue)> {
    let mut out = Vec::with_capacity(PACKAGE_RULES.len() + dataset.extra.fields.len() + 2);
    let mut written: Vec<&str> = Vec::new();
    // A dataset from elsewhere gets a name; a CKAN package without one (its IRI made from
    // its `id`, which may hold a `/` no name can) stays without.
    let from_id = dataset.identifiers.first().is_some_and(|id| {
        dataset
            .id
            .as_iri()
            .is_some_and(|iri| iri.as_str() == format!("{}{id}", options.dataset_prefix()))
    });
    if dataset.extra.fields.is_empty()
        && !from_id
        && let Some(name) = derive_name(options, dataset)
        && dataset.identifiers.first() != Some(&name)
    {
        out.push(("name".to_owned(), string(name)));
    }
    for (index, field) in dataset.extra.fields.iter().enumerate() {
        match package_rule(&field.key) {
            None => {
                // Of duplicate keys, the reader took values from the last (as JSON parsers
                // do): the model is written back there, the others stay as read.
                let last = !dataset.extra.fields[index + 1..]
                    .iter()
                    .any(|other| other.key == field.key);
                let value = match field.key.as_str() {
                    "extras" if last => sync_extras(dataset, &field.value),
                    "frequency" if last => sync_top_frequency(dataset, &field.value),
                    _ => field.value.clone(),
                };
                out.push((field.key.clone(), value));
            }
            Some(rule) if !written.contains(&rule.key) => {
                written.push(rule.key);
                let value = choose(Some(&field.value), (rule.derive)(dataset), |raw| {
                    normal_package_value(options, rule, raw, dataset)
                });
                if let Some(value) = value {
                    out.push((field.key.clone(), value));
                }
            }
            Some(_) => {}
        }
    }
    for rule in PACKAGE_RULES {
        if !written.contains(&rule.key)
            && let Some(value) = (rule.derive)(dataset)
        {
            out.push((rule.key.to_owned(), value));
        }
    }
    if dataset.extra.field("extras").is_none()
        && let Some(extras) = new_extras(dataset)
    {
        out.push(("extras".to_owned(), extras));
    }
    out
}

/// What a kept raw value derives to when read alone into a scratch dataset.
fn normal_package_value(
    options: &Options,
    rule: &PackageRule,
    raw: &FieldValue,
    dataset: &Dataset,
) -> Option<FieldValue> {
    let mut scratch = Dataset::new(dataset.id.clone(), dataset.title.clone()).ok()?;
    if rule.key == "license_id" {
        scratch.distributions.push(scratch_distribution());
    }
    (rule.read)(
        options,
        &Value::of_field(raw),
        &mut scratch,
        &mut Sink::quiet(),
    );
    (rule.derive)(&scratch)
}

fn derive_name(options: &Options, dataset: &Dataset) -> Option<String> {
    let iri = dataset.id.as_iri()?.as_str();
    let name = iri
        .strip_prefix(&options.dataset_prefix())
        .filter(|rest| !rest.is_empty() && !rest.contains('/'))
        .map(str::to_owned)
        .unwrap_or_else(|| {
            slugify(
                iri.trim_end_matches('/')
                    .rsplit('/')
                    .next()
                    .unwrap_or_default(),
            )
        });
    (!name.is_empty()).then_some(name)
}

/// The CKAN `extras` list, with the model's declared frequency and publication status
/// written where the list says something else.
fn sync_extras(dataset: &Dataset, raw: &FieldValue) -> FieldValue {
    let FieldValue::Array(entries) = raw else {
        return raw.clone();
    };
    let mut entries = entries.clone();
    let top_level = last_field(dataset, "frequency")
        .and_then(non_empty_field)
        .is_some();
    let in_list = extra_in(&entries, FREQUENCY_EXTRAS).is_some();
    if let Some(frequency) = declared_frequency(dataset).filter(|_| in_list || !top_level) {
        set_extra(
            &mut entries,
            FREQUENCY_EXTRAS,
            "frequency",
            |value| decode_frequency(value).as_ref() == Some(frequency),
            frequency.iri(),
        );
    }
    if let Some(status) = dataset.inventory.publication_status
        && (status != PublicationStatus::Published || extra_in(&entries, STATUS_EXTRAS).is_some())
    {
        set_extra(
            &mut entries,
            STATUS_EXTRAS,
            "publication_status",
            |value| decode_status(value) == Some(status),
            status.code(),
        );
    }
    FieldValue::Array(entries)
}

fn declared_frequency(dataset: &Dataset) -> Option<&Concept<Frequency>> {
    dataset
        .accrual_periodicity
        .as_ref()
        .filter(|_| !dataset.inventory.frequency_inferred)
}

fn extra_in(entries: &[FieldValue], keys: &[&str]) -> Option<usize> {
    entries.iter().position(|entry| {
        let FieldValue::Object(fields) = entry else {
            return false;
        };
        get(fields, "key")
            .and_then(non_empty_field)
            .is_some_and(|key| keys.iter().any(|k| k.eq_ignore_ascii_case(key.trim())))
            && get(fields, "value").and_then(non_empty_field).is_some()
    })
}

fn set_extra(
    entries: &mut Vec<FieldValue>,
    keys: &[&str],
    new_key: &str,
    agrees: impl Fn(&str) -> bool,
    value: &str,
) {
    match extra_in(entries, keys) {
        Some(index) => {
            if let FieldValue::Object(fields) = &mut entries[index] {
                let current = get(fields, "value")
                    .and_then(non_empty_field)
                    .unwrap_or_default();
                if !agrees(current) {
                    for (key, old) in fields.iter_mut() {
                        if key == "value" {
                            *old = string(value);
                        }
                    }
                }
            }
        }
        None => entries.push(FieldValue::Object(vec![
            ("key".to_owned(), string(new_key)),
            ("value".to_owned(), string(value)),
        ])),
    }
}

fn sync_top_frequency(dataset: &Dataset, raw: &FieldValue) -> FieldValue {
    // The `extras` list, when it has a frequency, is where the reader took it from.
    if let Some(FieldValue::Array(entries)) = last_field(dataset, "extras")
        && extra_in(entries, FREQUENCY_EXTRAS).is_some()
    {
        return raw.clone();
    }
    match (declared_frequency(dataset), non_empty_field(raw)) {
        (Some(frequency), Some(value)) if decode_frequency(value).as_ref() != Some(frequency) => {
            string(frequency.iri())
        }
        _ => raw.clone(),
    }
}

/// The value of the last kept field named `key`: the one a reader took (JSON parsers keep
/// the last of duplicate keys).
fn last_field<'a>(dataset: &'a Dataset, key: &str) -> Option<&'a FieldValue> {
    dataset
        .extra
        .fields
        .iter()
        .rev()
        .find(|field| field.key == key)
        .map(|field| &field.value)
}

/// A new `extras` list for a dataset read from elsewhere: its declared frequency and a
/// publication status other than published.
fn new_extras(dataset: &Dataset) -> Option<FieldValue> {
    let mut entries = Vec::new();
    let top_level = last_field(dataset, "frequency")
        .and_then(non_empty_field)
        .is_some();
    if let Some(frequency) = declared_frequency(dataset).filter(|_| !top_level) {
        set_extra(
            &mut entries,
            FREQUENCY_EXTRAS,
            "frequency",
            |_| false,
            frequency.iri(),
        );
    }
    if let Some(status) = dataset.inventory.publication_status
        && status != PublicationStatus::Published
    {
        set_extra(
            &mut entries,
            STATUS_EXTRAS,
            "publication_status",
            |_| false,
            status.code(),
        );
    }
    (!entries.is_empty()).then_some(FieldValue::Array(entries))
}

#[cfg(test)]
mod tests {
    use fihris_model::Concept;
    use fihris_vocab::{Frequency, Vocabulary};

    use crate::{CkanFormat, CkanReader, write_catalog};

    #[test]
    fn arabic_is_the_script_of_most_letters() {
        for (text, arabic) in [
            ("", false),
            ("Recettes fiscales 2023", false),
            ("Données régionales", false),
            ("المداخيل الجبائية", true),
            // Two Arabic letters against one Latin, then the reverse; digits do not count.
            ("ال x 2023", true),
            ("ا xy 2023", false),
            ("Énergie المغربية", true),
            ("Énergie électrique ال", false),
            ("×÷ ال", true),
            // Arabic Supplement and presentation forms; Syriac is not Arabic.
            ("ݐ", true),
            ("ﻻ ﭐ", true),
            ("ܐ", false),
        ] {
            assert_eq!(super::is_arabic(text), arabic, "{text}");
        }
        // The Latin range counted without the Unicode tables is made of letters.
        for c in '\u{00C0}'..='\u{024F}' {
            assert_eq!(c.is_alphabetic(), c != '×' && c != '÷', "{c}");
        }
    }

    #[test]
    fn a_resource_without_id_is_numbered_among_readable_packages() {
        let lines = b"}\n{\"name\":\"e\",\"title\":\"n\",\"resources\":[{\"format\":\"CSV\"}]}\n";
        let reader = CkanReader::new();
        let first = reader.read_slice(lines).expect("JSON lines");
        let distribution = &first.catalog.datasets[0].distributions[0];
        assert_eq!(distribution.id.to_string(), "_:p1r0");
        let written = write_catalog(&first.catalog, first.format, Vec::new()).unwrap();
        let again = reader
            .read_slice(&written)
            .expect("written CKAN reads back");
        assert_eq!(again.catalog, first.catalog);
    }

    #[test]
    fn a_package_named_by_an_id_with_a_slash_gets_no_name() {
        let reader = CkanReader::new();
        let first = reader
            .read_slice(br#"{"id":"a/b","title":"T"}"#)
            .expect("a package");
        assert_eq!(
            first.catalog.datasets[0].id.to_string(),
            "https://data.gov.ma/data/fr/dataset/a/b"
        );
        let written = write_catalog(&first.catalog, first.format, Vec::new()).unwrap();
        let text = String::from_utf8(written.clone()).unwrap();
        assert!(!text.contains("\"name\""), "{text}");
        let again = reader
            .read_slice(&written)
            .expect("written CKAN reads back");
        assert_eq!(again.catalog, first.catalog);
    }

    #[test]
    fn duplicate_extras_keys_round_trip_and_only_the_last_is_written_from_the_model() {
        let package = br#"{"name":"budget","title":"Budget","extras":[{"key":"frequency","value":"monthly"}],"extras":[{"key":"frequency","value":"ANNUAL"}]}"#;
        let reader = CkanReader::new();
        let first = reader.read_slice(package).expect("a package");
        let dataset = &first.catalog.datasets[0];
        // The last duplicate counts, as in JSON parsers.
        assert_eq!(
            dataset.accrual_periodicity,
            Some(Concept::Known(Frequency::Annual))
        );
        let written = write_catalog(&first.catalog, CkanFormat::Package, Vec::new()).unwrap();
        let text = String::from_utf8(written.clone()).unwrap();
        assert!(text.contains(r#""value": "monthly""#), "{text}");
        let again = reader
            .read_slice(&written)
            .expect("written CKAN reads back");
        assert_eq!(again.catalog, first.catalog);

        // A frequency set in the model goes to the last list; the first stays as read.
        let mut changed = first.catalog.clone();
        changed.datasets[0].accrual_periodicity = Some(Concept::Known(Frequency::Quarterly));
        let written = write_catalog(&changed, CkanFormat::Package, Vec::new()).unwrap();
        let text = String::from_utf8(written.clone()).unwrap();
        assert!(text.contains(r#""value": "monthly""#), "{text}");
        assert!(text.contains(Frequency::Quarterly.iri()), "{text}");
        let again = reader
            .read_slice(&written)
            .expect("written CKAN reads back");
        assert_eq!(
            again.catalog.datasets[0].accrual_periodicity,
            Some(Concept::Known(Frequency::Quarterly))
        );
    }
}
