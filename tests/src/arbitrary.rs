//! proptest strategies for random, valid catalogues: the input of every round-trip
//! property test (model snapshot, RDF, CKAN, CSV).

use fihris_model::{
    Agent, BlankId, Catalog, Checksum, Concept, ContactPoint, Dataset, Distribution, ExtraField,
    FieldValue, Identifier, Inventory, Iri, Keyword, LanguageTag, LicenseDocument, Literal,
    Location, NodeId, PeriodOfTime, PersonalData, Statement, Temporal, Term, Text,
    inventory::{CollectionMethod, DataKind, DisaggregationLevel, PublicationStatus, UpdateMethod},
};
use fihris_vocab::{
    AccessRight, EuTheme, FileType, Frequency, Language, Licence, PRODUCERS, PortalTheme,
    Vocabulary,
};
use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;
use proptest::sample::select;

/// Text that real catalogues carry: French, Arabic, ligatures, curly quotes, en dashes.
pub fn free_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9 éèàçô'’–()\\[\\]]{1,40}",
        "[\u{0621}-\u{064A} ]{1,30}",
        Just("Statistiques ﬁnancières – [Archive 2017] l’économie".to_owned()),
        Just("Line one\nline \"two\"\twith tab".to_owned()),
    ]
    .prop_filter("has content", |text| !text.trim().is_empty())
}

/// An absolute IRI under the portal, with Arabic or accented path segments at times.
pub fn iri() -> impl Strategy<Value = Iri> {
    "[a-z0-9\u{0627}-\u{064A}é-]{1,16}".prop_map(|segment| {
        Iri::new(format!("https://data.gov.ma/data/fr/dataset/{segment}"))
            .expect("generated IRIs are valid")
    })
}

/// An IRI or a blank node.
pub fn node_id() -> impl Strategy<Value = NodeId> {
    prop_oneof![
        3 => iri().prop_map(NodeId::Iri),
        1 => "[a-z][a-z0-9]{0,8}".prop_map(|label| NodeId::Blank(BlankId::new(label).expect("valid label"))),
    ]
}

/// A language tag among those the portal uses.
pub fn language_tag() -> impl Strategy<Value = LanguageTag> {
    select(&["fr", "ar", "en", "zgh", "ber", "es", "ar-MA"][..])
        .prop_map(|tag| LanguageTag::new(tag).expect("valid tag"))
}

/// Multilingual text with at least one value.
pub fn text() -> impl Strategy<Value = Text> {
    vec((of(language_tag()), free_text()), 1..4).prop_map(|values| {
        let mut text = Text::new();
        for (tag, value) in values {
            text.insert(tag, value);
        }
        text
    })
}

/// Any of the four temporal forms.
pub fn temporal() -> impl Strategy<Value = Temporal> {
    (1990u32..2030, 1u32..=12, 1u32..=28, 0u32..24, 0u32..4).prop_map(|(y, m, d, h, form)| {
        let lexical = match form {
            0 => format!("{y}"),
            1 => format!("{y}-{m:02}"),
            2 => format!("{y}-{m:02}-{d:02}"),
            _ => format!("{y}-{m:02}-{d:02}T{h:02}:11:41.769674"),
        };
        Temporal::parse(lexical).expect("generated temporal literals are valid")
    })
}

/// A known term or another concept IRI, at times one a place uses too (see [`shared_iri`]).
pub fn concept<T: Vocabulary>() -> impl Strategy<Value = Concept<T>> {
    prop_oneof![
        4 => select(T::ALL).prop_map(Concept::Known),
        1 => shared_iri().prop_map(Concept::Other),
    ]
}

/// An IRI under the portal, or one of a few that places and concepts share: one IRI is at
/// times a dataset's place and its access rights, frequency, format or language.
pub fn shared_iri() -> impl Strategy<Value = Iri> {
    prop_oneof![
        iri(),
        select(&["maroc", "public", "annuel"][..]).prop_map(|segment| {
            Iri::new(format!("https://data.gov.ma/data/fr/dataset/{segment}")).expect("a valid IRI")
        }),
    ]
}

fn literal() -> impl Strategy<Value = Literal> {
    prop_oneof![
        free_text().prop_map(Literal::Simple),
        (free_text(), language_tag())
            .prop_map(|(value, language)| Literal::LanguageTagged { value, language }),
        (0u32..10_000).prop_map(|n| Literal::Typed {
            value: n.to_string(),
            datatype: Iri::new_unchecked("http://www.w3.org/2001/XMLSchema#integer"),
        }),
    ]
}

fn statement() -> impl Strategy<Value = Statement> {
    let predicate = select(&["name", "note", "score"][..])
        .prop_map(|name| Iri::new_unchecked(format!("https://example.org/ns#{name}")));
    let object = prop_oneof![iri().prop_map(Term::Iri), literal().prop_map(Term::Literal)];
    (predicate, object).prop_map(|(predicate, object)| Statement::new(predicate, object))
}

fn extra_field() -> impl Strategy<Value = ExtraField> {
    let leaf = prop_oneof![
        Just(FieldValue::Null),
        any::<bool>().prop_map(FieldValue::Bool),
        (0u32..100_000).prop_map(|n| FieldValue::Number(n.to_string())),
        free_text().prop_map(FieldValue::String),
    ];
    let value = leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..3).prop_map(FieldValue::Array),
            vec(("[a-z_]{1,8}", inner), 0..3).prop_map(FieldValue::Object),
        ]
    });
    ("[a-z_]{1,12}", value).prop_map(|(key, value)| ExtraField { key, value })
}

fn agent() -> impl Strategy<Value = Agent> {
    prop_oneof![
        (0..PRODUCERS.len()).prop_map(|index| Agent::from_producer(&PRODUCERS[index])),
        (text(), of(node_id()), of("[a-z]{1,8}@[a-z]{1,8}\\.ma")).prop_map(|(name, id, email)| {
            let mut agent = Agent::new(name).expect("generated names have content");
            agent.id = id;
            agent.email = email;
            agent
        }),
    ]
}

fn contact_point() -> impl Strategy<Value = ContactPoint> {
    (
        text(),
        "[a-z]{1,8}@[a-z]{1,8}\\.gov\\.ma",
        of("\\+2125[0-9]{8}"),
    )
        .prop_map(|(name, email, telephone)| {
            let mut contact = ContactPoint::new().with_email(email);
            contact.name = name;
            contact.telephone = telephone;
            contact
        })
}

fn licence() -> impl Strategy<Value = LicenseDocument> {
    prop_oneof![
        select(Licence::ALL).prop_map(LicenseDocument::from),
        iri().prop_map(|iri| LicenseDocument::new(NodeId::Iri(iri))),
    ]
}

/// A distribution with most properties set at random.
pub fn distribution() -> impl Strategy<Value = Distribution> {
    (
        (
            iri(),
            vec(iri(), 0..2),
            of(text()),
            of(concept::<FileType>()),
        ),
        (
            of(licence()),
            of(0u64..10_000_000_000),
            of(temporal()),
            of(temporal()),
        ),
        (
            vec(concept::<Language>(), 0..2),
            of("[0-9a-f]{64}"),
            vec(statement(), 0..2),
        ),
    )
        .prop_map(
            |(
                (access, downloads, title, format),
                (licence, byte_size, issued, modified),
                (languages, checksum, statements),
            )| {
                let mut distribution = Distribution::new(NodeId::Iri(access.clone()), access);
                distribution.download_urls = downloads;
                distribution.title = title.unwrap_or_default();
                distribution.media_type = format
                    .as_ref()
                    .and_then(Concept::known)
                    .and_then(FileType::media_type)
                    .map(|media| {
                        Iri::new_unchecked(format!(
                            "http://www.iana.org/assignments/media-types/{media}"
                        ))
                    });
                distribution.format = format;
                distribution.licence = licence;
                distribution.byte_size = byte_size;
                distribution.issued = issued;
                distribution.modified = modified;
                distribution.languages = languages;
                distribution.checksum = checksum.map(|value| {
                    Checksum::new(
                        Iri::new_unchecked("http://spdx.org/rdf/terms#checksumAlgorithm_sha256"),
                        value,
                    )
                    .expect("non-empty checksum")
                });
                distribution.extra.statements = statements;
                distribution
            },
        )
}

fn inventory() -> impl Strategy<Value = Inventory> {
    (
        of(select(DataKind::ALL)),
        any::<bool>(),
        of(select(CollectionMethod::ALL)),
        of(select(UpdateMethod::ALL)),
        vec(select(DisaggregationLevel::ALL), 0..3),
        of(select(PublicationStatus::ALL)),
        of(prop_oneof![
            Just(PersonalData::None),
            Just(PersonalData::Present),
            of(free_text()).prop_map(|method| PersonalData::Anonymised { method }),
        ]),
    )
        .prop_map(
            |(kind, inferred, collection, update, levels, status, personal)| {
                let mut inventory = Inventory::default();
                inventory.kind_of_data = kind;
                inventory.frequency_inferred = inferred;
                inventory.collection_method = collection;
                inventory.update_method = update;
                inventory.disaggregation = levels;
                inventory.publication_status = status;
                inventory.personal_data = personal;
                inventory
            },
        )
}

/// A dataset with distributions, producer, themes and inventory facts.
pub fn dataset() -> impl Strategy<Value = Dataset> {
    (
        (node_id(), text(), of(text()), vec(distribution(), 0..3)),
        (
            vec((of(language_tag()), free_text()), 0..4),
            vec(concept::<EuTheme>(), 0..3),
            vec(select(PortalTheme::ALL), 0..2),
            of(agent()),
        ),
        (
            vec(contact_point(), 0..2),
            of(temporal()),
            of(temporal()),
            of(concept::<Frequency>()),
            of(concept::<AccessRight>()),
        ),
        (
            vec((of(temporal()), of(temporal())), 0..2),
            vec(shared_iri(), 0..2),
            vec("[A-Z0-9-]{1,12}", 0..2),
            inventory(),
            vec(statement(), 0..3),
            vec(extra_field(), 0..3),
        ),
    )
        .prop_map(
            |(
                (id, title, description, distributions),
                (keywords, themes, portal_themes, publisher),
                (contacts, issued, modified, frequency, access),
                (periods, spatial, identifiers, inventory, statements, fields),
            )| {
                let mut dataset = Dataset::new(id, title).expect("generated titles have content");
                dataset.description = description.unwrap_or_default();
                dataset.distributions = distributions;
                dataset.keywords = keywords
                    .into_iter()
                    .map(|(language, value)| Keyword { language, value })
                    .collect();
                dataset.themes = themes;
                dataset.portal_themes = portal_themes;
                dataset.publisher = publisher;
                dataset.contact_points = contacts;
                dataset.issued = issued;
                dataset.modified = modified;
                dataset.accrual_periodicity = frequency;
                dataset.access_rights = access;
                dataset.temporal = periods
                    .into_iter()
                    .filter_map(|(start, end)| PeriodOfTime::new(start, end).ok())
                    .collect();
                dataset.spatial = spatial
                    .into_iter()
                    .map(|iri| Location::identified(NodeId::Iri(iri)))
                    .collect();
                dataset.other_identifiers = identifiers
                    .iter()
                    .map(|notation| {
                        Identifier::new(Literal::Simple(notation.clone())).expect("non-empty")
                    })
                    .collect();
                dataset.identifiers = identifiers;
                dataset.inventory = inventory;
                dataset.extra.statements = statements;
                dataset.extra.fields = fields;
                dataset
            },
        )
}

/// A catalogue of up to `max_datasets` random datasets.
pub fn catalog(max_datasets: usize) -> impl Strategy<Value = Catalog> {
    (
        node_id(),
        text(),
        of(text()),
        of(agent()),
        vec(dataset(), 0..=max_datasets),
        of(temporal()),
    )
        .prop_map(|(id, title, description, publisher, datasets, modified)| {
            let mut catalog = Catalog::new(id, title).expect("generated titles have content");
            catalog.description = description.unwrap_or_default();
            catalog.publisher = publisher;
            catalog.datasets = datasets;
            catalog.modified = modified;
            catalog
        })
}
