//! The national CSV inventory: model -> CSV -> model on random inventories (what the
//! template holds), and no panic on any input.

use fihris_conformance::arbitrary::{catalog, concept, free_text, iri, temporal};
use fihris_csv::{Column, Dialect, Encoding, InventoryReader, write_catalog};
use fihris_model::inventory::{
    CollectionMethod, DataKind, DisaggregationLevel, PublicationStatus, UpdateMethod,
};
use fihris_model::{
    Agent, BlankId, Catalog, Concept, ContactPoint, Dataset, Distribution, ExtraField, FieldValue,
    Iri, Keyword, LanguageTag, LicenseDocument, NodeId, PersonalData, Text,
};
use fihris_vocab::{
    AccessRight, EuTheme, FileType, Frequency, Licence, PRODUCERS, PortalTheme, Vocabulary,
};
use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

fn tagged(pairs: &[(&str, Option<String>)]) -> Text {
    let mut text = Text::new();
    for (tag, value) in pairs {
        if let Some(value) = value {
            text.insert(
                Some(LanguageTag::new(*tag).expect("valid tag")),
                value.as_str(),
            );
        }
    }
    text
}

fn publisher() -> impl Strategy<Value = Agent> {
    prop_oneof![
        (0..PRODUCERS.len()).prop_map(|index| Agent::from_producer(&PRODUCERS[index])),
        "Office [a-z]{3,10}( [a-z]{2,6})?"
            .prop_map(|name| Agent::new(Text::untagged(name)).expect("a name")),
    ]
}

fn contact() -> impl Strategy<Value = ContactPoint> {
    let email = "[a-z]{1,8}@[a-z]{1,8}\\.gov\\.ma";
    prop_oneof![
        (free_text().prop_map(Some), of(email)),
        (of(free_text()), email.prop_map(Some)),
    ]
    .prop_map(|(name, email)| {
        let mut contact = ContactPoint::new();
        contact.name = name.map(Text::untagged).unwrap_or_default();
        contact.email = email;
        contact
    })
}

fn personal_data() -> impl Strategy<Value = PersonalData> {
    prop_oneof![
        Just(PersonalData::None),
        Just(PersonalData::Present),
        of("[a-zé]{1,8}( [a-zé:]{1,8})?").prop_map(|method| PersonalData::Anonymised { method }),
    ]
}

/// A dataset holding only what the template holds, in the form the reader gives.
fn inventory_dataset() -> impl Strategy<Value = Dataset> {
    (
        (
            iri(),
            (free_text(), of(free_text()), any::<bool>()).prop_map(|(one, other, french)| {
                if french {
                    (Some(one), other)
                } else {
                    (other, Some(one))
                }
            }),
            (of(free_text()), of(free_text())),
            of(publisher()),
            subsequence(PortalTheme::ALL, 0..3),
            vec(concept::<EuTheme>(), 0..2),
        ),
        (
            of(select(DataKind::ALL)),
            of(concept::<Frequency>()),
            of(select(CollectionMethod::ALL)),
            of(select(UpdateMethod::ALL)),
            subsequence(DisaggregationLevel::ALL, 0..4),
            of(select(PublicationStatus::ALL)),
            of(personal_data()),
            of(concept::<AccessRight>()),
        ),
        (
            vec((iri(), of(concept::<FileType>())), 0..3),
            prop_oneof![
                select(Licence::ALL).prop_map(LicenseDocument::from),
                iri().prop_map(|iri| LicenseDocument::new(NodeId::Iri(iri))),
            ],
            of(contact()),
            of(temporal()),
            of(temporal()),
            vec(iri(), 0..2),
            vec("[a-zéA-Z0-9]{1,10}( [a-z]{1,5})?", 0..4),
            (of(free_text()), of(free_text())),
        ),
    )
        .prop_map(
            |(
                (id, (title_fr, title_ar), (description_fr, description_ar), publisher, portal, eu),
                (kind, frequency, collection, update, levels, status, personal, access),
                (
                    links,
                    licence,
                    contact,
                    issued,
                    modified,
                    pages,
                    keywords,
                    (observations, remarque),
                ),
            )| {
                let title = tagged(&[("fr", title_fr), ("ar", title_ar)]);
                let mut dataset = Dataset::new(NodeId::Iri(id), title).expect("a title");
                dataset.description = tagged(&[("fr", description_fr), ("ar", description_ar)]);
                dataset.publisher = publisher;
                // The reader gives the portal themes' EU themes first, then the others.
                let mut themes: Vec<Concept<EuTheme>> = Vec::new();
                for theme in portal.iter().flat_map(|theme| theme.eu_themes()) {
                    if !themes.contains(&Concept::Known(theme)) {
                        themes.push(Concept::Known(theme));
                    }
                }
                for theme in eu {
                    if !themes.contains(&theme) {
                        themes.push(theme);
                    }
                }
                dataset.portal_themes = portal;
                dataset.themes = themes;
                dataset.inventory.kind_of_data = kind;
                dataset.accrual_periodicity = frequency;
                dataset.inventory.collection_method = collection;
                dataset.inventory.update_method = update;
                dataset.inventory.disaggregation = levels;
                dataset.inventory.publication_status = status;
                dataset.inventory.personal_data = personal;
                dataset.access_rights = access;
                for (url, format) in links {
                    let mut distribution = Distribution::new(NodeId::Iri(url.clone()), url.clone());
                    distribution.download_urls.push(url);
                    distribution.format = format;
                    distribution.licence = Some(licence.clone());
                    dataset.distributions.push(distribution);
                }
                dataset.contact_points.extend(contact);
                dataset.issued = issued;
                dataset.modified = modified;
                dataset.landing_pages = pages;
                dataset.keywords = keywords
                    .into_iter()
                    .map(|value| Keyword {
                        language: None,
                        value,
                    })
                    .collect();
                for (key, value) in [("observations", observations), ("remarque", remarque)] {
                    if let Some(value) = value {
                        dataset.extra.fields.push(ExtraField {
                            key: key.to_owned(),
                            value: FieldValue::String(value),
                        });
                    }
                }
                dataset
            },
        )
}

fn dialect() -> impl Strategy<Value = Dialect> {
    (
        select(
            &[
                Encoding::Utf8,
                Encoding::Utf8Bom,
                Encoding::Utf16LeBom,
                Encoding::Utf16BeBom,
            ][..],
        ),
        select(&[b',', b';', b'\t'][..]),
        any::<bool>(),
    )
        .prop_map(|(encoding, delimiter, crlf)| {
            let mut header: Vec<String> = Column::ALL
                .iter()
                .map(|column| column.header().to_owned())
                .collect();
            header.extend(["observations".to_owned(), "remarque".to_owned()]);
            Dialect::default()
                .with_encoding(encoding)
                .with_delimiter(delimiter)
                .with_crlf(crlf)
                .with_header(header)
        })
}

/// What is read writes back; what is written reads and writes back to the same bytes.
fn stable_once_written(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(outcome) = InventoryReader::new().read_slice(bytes) else {
        return Ok(());
    };
    let written = write_catalog(&outcome.catalog, Vec::new()).expect("a read inventory writes");
    let again = InventoryReader::new()
        .read_slice(&written)
        .expect("a written inventory reads");
    let rewritten = write_catalog(&again.catalog, Vec::new()).expect("and writes again");
    prop_assert_eq!(
        String::from_utf8_lossy(&rewritten),
        String::from_utf8_lossy(&written)
    );
    Ok(())
}

fn inventory_catalog(datasets: Vec<Dataset>) -> Catalog {
    let mut catalog = Catalog::new(
        NodeId::Blank(BlankId::new("inventaire").expect("valid label")),
        Text::new()
            .with("fr", "Inventaire national des données")
            .expect("valid tag"),
    )
    .expect("a title");
    catalog.datasets = datasets;
    catalog
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn model_csv_model_is_exact(
        datasets in vec(inventory_dataset(), 0..6),
        dialect in dialect(),
    ) {
        let mut datasets = datasets;
        for (index, dataset) in datasets.iter_mut().enumerate() {
            // Distinct identifiers: a repeated one is a warning.
            dataset.id = NodeId::Iri(Iri::new(format!("{}-{index}", dataset.id)).unwrap());
        }
        let mut catalog = inventory_catalog(datasets);
        dialect.store(&mut catalog.extra);
        let bytes = write_catalog(&catalog, Vec::new()).unwrap();
        let outcome = InventoryReader::new().read_slice(&bytes).unwrap();
        // Only the agents that are not producers are worth a warning.
        prop_assert!(
            outcome.findings.iter().all(|f| f.rule_id() == "csv.unknown-producer"),
            "{:?}",
            outcome.findings
        );
        // Canonical values keep no spelling: the model read back is the model written.
        prop_assert_eq!(&outcome.catalog, &catalog);
        // And CSV -> model -> CSV gives the same bytes.
        prop_assert_eq!(write_catalog(&outcome.catalog, Vec::new()).unwrap(), bytes);
    }

    #[test]
    fn any_catalog_writes_or_says_why(catalog in catalog(3)) {
        // Random DCAT catalogues hold more than the template: writing drops the rest, and
        // reading back never panics.
        if let Ok(bytes) = write_catalog(&catalog, Vec::new()) {
            let outcome = InventoryReader::new().read_slice(&bytes).unwrap();
            prop_assert!(outcome.catalog.datasets.len() <= catalog.datasets.len());
        }
    }

    #[test]
    fn any_bytes_give_findings_or_an_error_never_a_panic(
        bytes in vec(any::<u8>(), 0..400),
    ) {
        stable_once_written(&bytes)?;
    }

    #[test]
    fn damaged_inventories_give_located_findings(
        cut in 0usize..600,
        insert in select(&["\"", ";", "\n", "\r\n", "|", "\u{feff}", "é"][..]),
        at in 0usize..600,
    ) {
        let mut text = String::from(
            "identifiant;producteur;titre_fr;frequence;formats;urls_telechargement\n\
             https://data.gov.ma/d/1;HCP;Prix;Mensuelle;CSV;https://data.gov.ma/d/1.csv\n\
             https://data.gov.ma/d/2;MEF;\"Budget; \"\"loi\"\"\";annuelle;XLSX|PDF;\n\
             https://data.gov.ma/d/3;Inconnu;Emploi;Trimestrielle;;\n",
        );
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        text.insert_str(at, insert);
        let mut cut = cut.min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut.max(text.find('\n').unwrap_or(0)));
        stable_once_written(text.as_bytes())?;
        if let Ok(outcome) = InventoryReader::new().with_file_name("f.csv").read_slice(text.as_bytes()) {
            for finding in &outcome.findings {
                let rendered = finding.to_string();
                prop_assert!(rendered.contains("f.csv / "), "{}", rendered);
                prop_assert!(rendered.contains("line "), "{}", rendered);
            }
        }
    }
}
