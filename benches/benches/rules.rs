//! `check` over a generated catalogue of 100 000 datasets, single-threaded (target: under one
//! second for the whole catalogue, every rule of the national profile on).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fihris_model::{
    Agent, Catalog, ContactPoint, Dataset, Distribution, Iri, Keyword, LicenseDocument, NodeId,
    Temporal, Text,
};
use fihris_rules::{Profile, RuleSet, check};
use fihris_vocab::{AccessRight, FileType, Frequency, Licence, PRODUCERS, PortalTheme, Vocabulary};

const DATASETS: usize = 100_000;

/// A catalogue like the portal's, scaled up: two distributions a dataset, formats, licences,
/// frequencies and producers cycling through their vocabularies, some fields missing.
fn catalogue(datasets: usize) -> Catalog {
    let mut catalog = Catalog::new(
        NodeId::Iri(Iri::new_unchecked("https://data.gov.ma/catalog")),
        Text::untagged("Portail national des données ouvertes"),
    )
    .unwrap_or_else(|error| panic!("{error}"));
    catalog.licence = Some(LicenseDocument::from(Licence::PortalOdbl));
    let formats = [
        FileType::Xlsx,
        FileType::Csv,
        FileType::Pdf,
        FileType::Json,
        FileType::Zip,
    ];
    let frequencies = [
        Frequency::Annual,
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::Irregular,
    ];
    for index in 0..datasets {
        let id = format!("https://data.gov.ma/data/fr/dataset/d{index}");
        let mut dataset = Dataset::new(
            NodeId::Iri(Iri::new_unchecked(id.clone())),
            Text::untagged(format!("Jeu de données {index}")),
        )
        .unwrap_or_else(|error| panic!("{error}"));
        if index % 3 != 0 {
            dataset.description = Text::untagged("Description du jeu de données");
            dataset.keywords.push(Keyword {
                language: None,
                value: "statistiques".to_owned(),
            });
            dataset.access_rights = Some(AccessRight::Public.into());
            dataset
                .contact_points
                .push(ContactPoint::new().with_email("contact@example.ma"));
        }
        dataset.publisher = Some(Agent::from_producer(&PRODUCERS[index % PRODUCERS.len()]));
        dataset
            .portal_themes
            .push(PortalTheme::ALL[index % PortalTheme::ALL.len()]);
        dataset.accrual_periodicity = Some(frequencies[index % frequencies.len()].into());
        dataset.modified =
            Temporal::parse(format!("20{:02}-0{}-15", 15 + index % 11, 1 + index % 9)).ok();
        for part in 0..2 {
            let url = Iri::new_unchecked(format!("{id}/resource/{part}"));
            let mut distribution = Distribution::new(NodeId::Iri(url.clone()), url);
            distribution.format = Some(formats[(index + part) % formats.len()].into());
            if part == 0 {
                distribution.licence = Some(LicenseDocument::from(Licence::Odbl10));
            }
            dataset.distributions.push(distribution);
        }
        catalog.datasets.push(dataset);
    }
    catalog
}

fn check_catalogue(c: &mut Criterion) {
    let catalog = catalogue(DATASETS);
    let rules = RuleSet::new(Profile::Ma)
        .with_as_of(Temporal::parse("2026-11-30").unwrap_or_else(|error| panic!("{error}")));
    let mut group = c.benchmark_group("rules");
    group.sample_size(10);
    group.throughput(Throughput::Elements(DATASETS as u64));
    group.bench_function("check_100k_datasets", |b| {
        b.iter(|| black_box(check(black_box(&catalog), &rules)));
    });
    group.finish();
}

criterion_group!(benches, check_catalogue);
criterion_main!(benches);
