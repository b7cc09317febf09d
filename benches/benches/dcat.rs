//! DCAT-AP throughput: datasets/s and triples/s per format, writing and reading a generated
//! catalogue of 10 000 datasets (each with two distributions, a producer, themes, contact,
//! period and inventory facts).

use std::hint::black_box;
use std::io;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fihris_dcat::{DcatReader, DcatWriter, RdfFormat};
use fihris_model::{
    Agent, Catalog, ContactPoint, Dataset, Distribution, Iri, LicenseDocument, NodeId,
    PeriodOfTime, Temporal, Text,
};
use fihris_vocab::{EuTheme, FileType, Frequency, Licence, PRODUCERS, PortalTheme, Vocabulary};

const DATASETS: usize = 10_000;

fn iri(value: String) -> Iri {
    Iri::new(value).expect("generated IRIs are valid")
}

fn generated(count: usize) -> Catalog {
    let mut catalog = Catalog::new(
        NodeId::Iri(iri("https://data.gov.ma/catalog".to_owned())),
        Text::untagged("Portail national des données ouvertes"),
    )
    .expect("valid catalogue");
    catalog.publisher = Some(Agent::from_producer(&PRODUCERS[0]));
    for i in 0..count {
        let id = format!("https://data.gov.ma/data/fr/dataset/jeu-{i}");
        let title = Text::new()
            .with("fr", format!("Indicateurs régionaux {i}"))
            .and_then(|t| t.with("ar", format!("مؤشرات جهوية {i}")))
            .expect("valid text");
        let mut dataset = Dataset::new(NodeId::Iri(iri(id.clone())), title).expect("valid dataset");
        dataset.description =
            Text::untagged("Statistiques annuelles par région, province et commune.");
        dataset.publisher = Some(Agent::from_producer(&PRODUCERS[i % PRODUCERS.len()]));
        dataset
            .themes
            .push(EuTheme::ALL[i % EuTheme::ALL.len()].into());
        dataset
            .portal_themes
            .push(PortalTheme::ALL[i % PortalTheme::ALL.len()]);
        dataset.accrual_periodicity = Some(Frequency::Annual.into());
        dataset
            .contact_points
            .push(ContactPoint::new().with_email(format!("contact{i}@hcp.ma")));
        dataset.temporal.push(
            PeriodOfTime::new(
                Temporal::parse("2019").ok(),
                Temporal::parse("2024-12-31").ok(),
            )
            .expect("valid period"),
        );
        dataset.modified = Temporal::parse("2024-01-15T10:00:00").ok();
        for (j, format) in [FileType::Xlsx, FileType::Csv].into_iter().enumerate() {
            let url = iri(format!(
                "{id}/resource/{j}.{}",
                format.code().to_lowercase()
            ));
            let mut distribution = Distribution::new(NodeId::Iri(url.clone()), url);
            distribution.format = Some(format.into());
            distribution.licence = Some(LicenseDocument::from(Licence::PortalOdbl));
            distribution.byte_size = Some(1024 * (i as u64 + 1));
            dataset.distributions.push(distribution);
        }
        catalog.datasets.push(dataset);
    }
    catalog
}

fn dcat(c: &mut Criterion) {
    let catalog = generated(DATASETS);
    let mut group = c.benchmark_group("dcat");
    group.sample_size(10);
    group.throughput(Throughput::Elements(DATASETS as u64));
    for format in RdfFormat::ALL {
        let mut writer = DcatWriter::new(*format, Vec::new());
        writer.write_catalog(&catalog).expect("writes");
        let triples = writer.triple_count();
        let bytes = writer.finish().expect("finishes");
        println!(
            "{format}: {DATASETS} datasets, {triples} triples, {} bytes",
            bytes.len()
        );
        group.bench_function(format!("write/{format}"), |b| {
            b.iter(|| {
                let mut writer = DcatWriter::new(*format, io::sink());
                writer.write_catalog(black_box(&catalog)).expect("writes");
                writer.finish().expect("finishes");
            });
        });
        group.bench_function(format!("read/{format}"), |b| {
            b.iter(|| {
                DcatReader::new(*format)
                    .with_implied_triples(true)
                    .read_slice(black_box(&bytes))
                    .expect("reads")
            });
        });
    }
    group.finish();
}

criterion_group!(benches, dcat);
criterion_main!(benches);
