//! The national CSV inventory: rows per second read and written, on a generated inventory of
//! 10 000 datasets (every column filled, French labels on half of the rows).

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fihris_csv::{InventoryReader, InventoryWriter, write_catalog};
use fihris_vocab::PRODUCERS;

const ROWS: usize = 10_000;

/// A `;`-separated inventory as a ministry's spreadsheet exports it.
fn inventory(rows: usize) -> String {
    const FREQUENCIES: &[&str] = &[
        "Annuelle",
        "MONTHLY",
        "Trimestrielle",
        "WEEKLY",
        "irrégulière",
    ];
    const THEMES: &[&str] = &[
        "finance",
        "Santé",
        "emploi|societe",
        "Économie et finance",
        "habitat",
    ];
    const FORMATS: &[&str] = &["XLSX", "xlsx|PDF", "CSV|XLSX", "PDF", "DOCX|ZIP"];
    let mut text = String::from(
        "identifiant;producteur;titre_fr;titre_ar;description_fr;theme;type_donnees;frequence;\
         methode_collecte;methode_mise_a_jour;niveau_desagregation;formats;licence;droits_acces;\
         statut_publication;donnees_personnelles;contact_nom;contact_email;date_publication;\
         date_modification;page_web;urls_telechargement;mots_cles\n",
    );
    for row in 0..rows {
        let producer = &PRODUCERS[row % PRODUCERS.len()];
        let producer = if row % 2 == 0 {
            producer.code
        } else {
            producer.name_fr
        };
        let formats = FORMATS[row % FORMATS.len()];
        let urls: Vec<String> = formats
            .split('|')
            .enumerate()
            .map(|(index, _)| {
                format!("https://data.gov.ma/data/fr/dataset/d{row}/resource/{index}")
            })
            .collect();
        let _ = writeln!(
            text,
            "https://data.gov.ma/data/fr/dataset/d{row};{producer};Statistiques n°{row} – l’économie \
             (Annuelle);إحصائيات رقم {row};\"Données; détaillées \"\"par région\"\"\";{theme};\
             Statistiques et indicateurs;{frequency};Enquête;Manuelle;nationale|régionale;{formats};\
             odc-odbl;Public;Publié;aucune;Direction des études;etudes@gov.ma;{day:02}/03/2019;\
             2022-01-03T23:11:41.769674;https://data.gov.ma/data/fr/dataset/d{row};{urls};\
             statistiques|région {row}",
            theme = THEMES[row % THEMES.len()],
            frequency = FREQUENCIES[row % FREQUENCIES.len()],
            day = row % 28 + 1,
            urls = urls.join("|"),
        );
    }
    text
}

fn csv(c: &mut Criterion) {
    let input = inventory(ROWS);
    let outcome = InventoryReader::new()
        .read_slice(input.as_bytes())
        .expect("the generated inventory reads");
    assert_eq!(outcome.catalog.datasets.len(), ROWS);
    assert!(
        outcome.findings.is_empty(),
        "{:?}",
        outcome.findings.first()
    );
    let catalog = outcome.catalog;

    let mut group = c.benchmark_group("csv_inventory");
    group.sample_size(10);
    group.throughput(Throughput::Elements(ROWS as u64));
    group.bench_function("read_10k_rows", |b| {
        b.iter(|| black_box(InventoryReader::new().read_slice(black_box(input.as_bytes()))));
    });
    group.bench_function("write_10k_rows_as_read", |b| {
        b.iter(|| {
            black_box(write_catalog(
                black_box(&catalog),
                Vec::with_capacity(input.len()),
            ))
        });
    });
    group.bench_function("write_10k_rows_canonical", |b| {
        b.iter(|| {
            let mut writer = InventoryWriter::new(Vec::with_capacity(input.len()));
            for dataset in &catalog.datasets {
                writer.write_dataset(dataset).expect("writes");
            }
            black_box(writer.finish())
        });
    });
    group.finish();
}

criterion_group!(benches, csv);
criterion_main!(benches);
