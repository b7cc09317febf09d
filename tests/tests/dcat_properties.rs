//! Random catalogues: model -> each RDF format -> model gives the same model, with and
//! without implied triples; the JSON-LD and Turtle outputs are the same graph.

use std::collections::HashSet;
use std::hash::Hash;

use fihris_conformance::arbitrary::catalog;
use fihris_conformance::rdf::{diff, isomorphic, parse_graph};
use fihris_dcat::{DcatReader, DcatWriter, IMPLICIT_CATALOG, RdfFormat};
use fihris_model::{
    Agent, BlankId, Catalog, Extras, Iri, LanguageTag, Literal, NodeId, Statement, Term, Text,
};
use proptest::prelude::*;

fn dedup<T: Clone + Eq + Hash>(values: &mut Vec<T>) {
    let mut seen = HashSet::new();
    values.retain(|value| seen.insert(value.clone()));
}

fn dedup_by<T, K: Eq + Hash>(values: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let mut seen = HashSet::new();
    values.retain(|value| seen.insert(key(value)));
}

fn lower(tag: &LanguageTag) -> LanguageTag {
    LanguageTag::new_unchecked(tag.as_str().to_ascii_lowercase())
}

fn text(text: &mut Text) {
    *text = text
        .iter()
        .map(|(tag, value)| (tag.map(lower), value))
        .collect();
}

fn extras(extras: &mut Extras) {
    extras.fields.clear();
    for statement in &mut extras.statements {
        if let Term::Literal(Literal::LanguageTagged { language, .. }) = &mut statement.object {
            *language = lower(language);
        }
    }
    dedup(&mut extras.statements);
    let key = |s: &Statement| {
        (
            s.predicate.as_str() != fihris_vocab::ns::rdf::TYPE,
            s.predicate.clone(),
        )
    };
    extras.statements.sort_by_key(key);
}

fn agent(agent: &mut Agent, id: &str) {
    text(&mut agent.name);
    extras(&mut agent.extra);
    if agent.producer.is_none() && agent.id.is_some() {
        agent.id = Some(NodeId::Iri(Iri::new_unchecked(id)));
    }
}

/// What RDF cannot carry or gives back in another spelling: fields of other formats,
/// duplicate values of a property (a graph is a set), language tag case, extras order; and
/// identifiers made distinct, as generated ones may collide.
fn normalise(mut catalog: Catalog) -> Catalog {
    let base = "https://data.gov.ma/test";
    catalog.id = NodeId::Iri(Iri::new_unchecked(format!("{base}/catalog")));
    text(&mut catalog.title);
    text(&mut catalog.description);
    extras(&mut catalog.extra);
    if let Some(publisher) = &mut catalog.publisher {
        agent(publisher, &format!("{base}/publisher"));
    }
    for (i, dataset) in catalog.datasets.iter_mut().enumerate() {
        let id = format!("{base}/d{i}");
        dataset.id = NodeId::Iri(Iri::new_unchecked(&id));
        text(&mut dataset.title);
        text(&mut dataset.description);
        extras(&mut dataset.extra);
        for keyword in &mut dataset.keywords {
            keyword.language = keyword.language.as_ref().map(lower);
        }
        dedup(&mut dataset.keywords);
        dedup(&mut dataset.themes);
        dedup(&mut dataset.portal_themes);
        dedup(&mut dataset.identifiers);
        dedup(&mut dataset.languages);
        dedup(&mut dataset.inventory.disaggregation);
        dedup_by(&mut dataset.spatial, |location| location.id.clone());
        if let Some(publisher) = &mut dataset.publisher {
            agent(publisher, &format!("{id}/publisher"));
        }
        for contact in &mut dataset.contact_points {
            text(&mut contact.name);
        }
        for (j, distribution) in dataset.distributions.iter_mut().enumerate() {
            distribution.id = NodeId::Iri(Iri::new_unchecked(format!("{id}/r{j}")));
            text(&mut distribution.title);
            extras(&mut distribution.extra);
            dedup(&mut distribution.download_urls);
            dedup(&mut distribution.languages);
            if let Some(licence) = &mut distribution.licence {
                text(&mut licence.label);
            }
        }
    }
    catalog
}

fn write(catalog: &Catalog, format: RdfFormat, implied: bool) -> Vec<u8> {
    let mut writer = DcatWriter::new(format, Vec::new()).with_implied_triples(implied);
    writer.write_catalog(catalog).expect("writes");
    writer.finish().expect("finishes")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn model_round_trips_through_every_format(generated in catalog(3)) {
        let model = normalise(generated);
        for format in RdfFormat::ALL {
            for implied in [false, true] {
                let bytes = write(&model, *format, implied);
                let read = DcatReader::new(*format)
                    .with_implied_triples(implied)
                    .read_slice(&bytes)
                    .map_err(|e| TestCaseError::fail(format!("{format}: {e}\n{}", String::from_utf8_lossy(&bytes))))?;
                prop_assert!(read.warnings.is_empty(), "{format}: {:?}", read.warnings);
                let back = normalise(read.catalog);
                prop_assert_eq!(&back, &model, "{} implied={}\n{}", format, implied, String::from_utf8_lossy(&bytes));
            }
        }
    }

    #[test]
    fn jsonld_and_turtle_are_the_same_graph(generated in catalog(3)) {
        let model = normalise(generated);
        for implied in [false, true] {
            let turtle = parse_graph(&write(&model, RdfFormat::Turtle, implied), RdfFormat::Turtle, None, &[]);
            let jsonld = parse_graph(&write(&model, RdfFormat::JsonLd, implied), RdfFormat::JsonLd, None, &[]);
            prop_assert!(isomorphic(&turtle, &jsonld), "{}", diff(&turtle, &jsonld));
        }
    }

    #[test]
    fn writing_is_deterministic(generated in catalog(2)) {
        for format in RdfFormat::ALL {
            prop_assert_eq!(write(&generated, *format, true), write(&generated, *format, true));
        }
    }
}

proptest! {
    // Each case writes 512 to 1 100 datasets in four formats, twice.
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// `write_catalog` writes 512 datasets or more on two threads: the bytes must be those
    /// of writing them one by one, datasets repeated as they come (the same dataset twice in
    /// a row at a batch's start included), in a catalogue of its own or the implicit one.
    #[test]
    fn large_catalogues_give_the_bytes_of_writing_dataset_by_dataset(
        generated in catalog(4),
        implicit in any::<bool>(),
        implied in any::<bool>(),
        count in 512usize..1100,
    ) {
        let mut catalog = generated;
        prop_assume!(!catalog.datasets.is_empty());
        if implicit {
            catalog.id = NodeId::Blank(BlankId::new(IMPLICIT_CATALOG).expect("valid label"));
        }
        catalog.datasets = catalog.datasets.iter().cycle().take(count).cloned().collect();
        for format in RdfFormat::ALL {
            let mut one_by_one = DcatWriter::new(*format, Vec::new()).with_implied_triples(implied);
            one_by_one.write_header(&catalog).expect("writes");
            for dataset in &catalog.datasets {
                one_by_one.write_dataset(dataset).expect("writes");
            }
            let count = one_by_one.triple_count();
            let mut whole = DcatWriter::new(*format, Vec::new()).with_implied_triples(implied);
            whole.write_catalog(&catalog).expect("writes");
            prop_assert_eq!(whole.triple_count(), count, "{}", format);
            let (whole, one_by_one) = (whole.finish().expect("finishes"), one_by_one.finish().expect("finishes"));
            prop_assert!(whole == one_by_one, "{}: the bytes differ", format);
        }
    }
}
