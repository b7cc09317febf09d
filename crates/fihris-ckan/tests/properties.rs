//! Property: any CKAN package of the kind portals send (every quirk the reader maps, repairs
//! or keeps) goes CKAN -> model -> CKAN unchanged, as JSON lines and in a package_search
//! answer; the output reads back to the same model.

use fihris_ckan::{CkanFormat, CkanReader, write_catalog};
use fihris_vocab::{PRODUCERS, PortalTheme, Vocabulary};
use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Map, Value, json};

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9 éèàçô'’–()\\[\\]:]{1,30}",
        "[\u{0621}-\u{064A} ]{1,20}",
        Just("Indicateurs ﬁnanciers (Trimestriel)".to_owned()),
        Just("[Archive 2017] Statistiques hebdomadaires".to_owned()),
        Just("Indice (Annuelle Base 2014)\nligne \"deux\"\t".to_owned()),
    ]
    .prop_filter("has content", |t| !t.trim().is_empty())
}

/// Strings as CKAN fills optional fields: empty, null or a value.
fn optional_text() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!("")),
        Just(Value::Null),
        text().prop_map(Value::from)
    ]
}

fn timestamp() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => (2016u32..2027, 1u32..13, 1u32..29, 0u32..24, 0u32..1_000_000)
            .prop_map(|(y, m, d, h, us)| json!(format!("{y}-{m:02}-{d:02}T{h:02}:{m:02}:{d:02}.{us:06}"))),
        1 => Just(json!("2023-07-01 09:15:00")),
        1 => Just(json!("2024-02-30T00:00:00")),
        1 => Just(json!("")),
        1 => Just(Value::Null),
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e9f64..1e9).prop_map(Value::from),
        text().prop_map(Value::from),
        Just(json!([])),
        Just(json!({"nested": [1, {"k": "v"}]})),
    ]
}

fn organization() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        (select(PRODUCERS), 0u8..3, "[a-z-]{3,12}").prop_map(|(p, how, slug)| {
            let (name, title) = match how {
                0 => (p.ckan_slug.to_owned(), p.name_fr.to_owned()),
                1 => (slug, p.name_fr.to_owned()),
                _ => (slug, p.code.to_owned()),
            };
            json!({"id": "o-1", "name": name, "title": title, "type": "organization",
                   "is_organization": true, "state": "active"})
        }),
        ("[a-z-]{3,12}", text())
            .prop_map(|(name, title)| json!({"name": format!("x-{name}"), "title": title})),
    ]
}

fn group() -> impl Strategy<Value = Value> {
    prop_oneof![
        select(PortalTheme::ALL).prop_map(|t| json!({"name": t.slug(), "title": t.label(fihris_vocab::LabelLanguage::Fr),
            "display_name": t.label(fihris_vocab::LabelLanguage::Fr), "id": "g", "description": "", "image_display_url": ""})),
        select(PortalTheme::ALL).prop_map(|t| json!({"name": format!("g-{}", t.slug()), "title": t.label(fihris_vocab::LabelLanguage::Fr)})),
        Just(json!({"name": "sport", "title": "Sport"})),
    ]
}

fn tag() -> impl Strategy<Value = Value> {
    prop_oneof![
        text().prop_map(|t| json!({"display_name": t, "id": "t", "name": t, "state": "active", "vocabulary_id": null})),
        text().prop_map(|t| json!({"name": t})),
        Just(json!({"name": ""})),
    ]
}

fn resource() -> impl Strategy<Value = Value> {
    let format = select(vec![
        "XLSX",
        "xlsx",
        "xlsx ",
        ".xlsx",
        "XLS",
        "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "PDF",
        "pdf",
        "CSV",
        "csv",
        "DOCX",
        "ZIP",
        "",
        "Tableur maison",
    ]);
    let url = prop_oneof![
        4 => "[a-z0-9]{1,10}".prop_map(|f| json!(format!("https://data.gov.ma/data/dataset/r/download/{f}.xlsx"))),
        1 => Just(json!(" https://data.gov.ma/data/x.csv ")),
        1 => Just(json!("")),
        1 => Just(json!("pas une adresse")),
    ];
    let size = prop_oneof![
        (0u64..10_000_000).prop_map(Value::from),
        (0u64..10_000_000).prop_map(|n| json!(n.to_string())),
        Just(Value::Null),
        Just(json!("abc")),
        Just(json!(1.5)),
    ];
    (
        of("[a-z0-9-]{1,12}"),
        url,
        format,
        size,
        optional_text(),
        optional_text(),
        timestamp(),
        timestamp(),
        of(select(vec!["text/csv", "application/pdf", ""])),
        vec(("[a-z_]{1,8}", leaf()), 0..3),
    )
        .prop_map(
            |(id, url, format, size, name, description, created, modified, mimetype, others)| {
                let mut r = Map::new();
                for (key, value) in others {
                    r.insert(format!("x_{key}"), value);
                }
                if let Some(id) = id {
                    r.insert("id".into(), json!(id));
                }
                r.insert("url".into(), url);
                r.insert("format".into(), json!(format));
                r.insert("size".into(), size);
                r.insert("name".into(), name);
                r.insert("description".into(), description);
                r.insert("created".into(), created);
                r.insert("last_modified".into(), modified);
                if let Some(mimetype) = mimetype {
                    r.insert("mimetype".into(), json!(mimetype));
                }
                Value::Object(r)
            },
        )
}

fn extra() -> impl Strategy<Value = Value> {
    (
        select(vec![
            "frequency",
            "periodicite",
            "publication_status",
            "source",
            "uri",
        ]),
        select(vec![
            "Trimestrielle",
            "annual",
            "http://publications.europa.eu/resource/authority/frequency/MONTHLY",
            "planned",
            "published",
            "nimporte",
            "",
        ]),
    )
        .prop_map(|(key, value)| json!({"key": key, "value": value}))
}

fn package() -> impl Strategy<Value = Value> {
    (
        (
            "[a-z0-9-]{1,20}",
            "[0-9a-f]{8}",
            text(),
            optional_text(),
            optional_text(),
            optional_text(),
        ),
        (
            select(vec![
                "odc-odbl",
                "cc-by",
                "notspecified",
                "other-closed",
                "",
                "ODbL-1.0",
            ]),
            timestamp(),
            timestamp(),
        ),
        (
            organization(),
            vec(group(), 0..3),
            of(vec(tag(), 0..3)),
            of(vec(resource(), 0..3)),
        ),
        (
            of(vec(extra(), 0..3)),
            vec(("[a-z_]{1,8}", leaf()), 0..4),
            of(select(vec!["monthly", "Hebdomadaire", "x"])),
        ),
        (optional_text(), optional_text(), any::<bool>()),
    )
        .prop_map(
            |(
                (name, id, title, notes, author, maintainer),
                (licence, created, modified),
                (organization, groups, tags, resources),
                (extras, others, frequency),
                (url, version, private),
            )| {
                let mut p = Map::new();
                for (key, value) in others {
                    p.insert(format!("x_{key}"), value);
                }
                p.insert("name".into(), json!(name));
                p.insert("id".into(), json!(id));
                p.insert("title".into(), json!(title));
                p.insert("notes".into(), notes);
                p.insert("author".into(), author);
                p.insert("author_email".into(), json!(""));
                p.insert("maintainer".into(), maintainer);
                p.insert("maintainer_email".into(), json!("contact@example.ma"));
                p.insert("license_id".into(), json!(licence));
                p.insert("metadata_created".into(), created);
                p.insert("metadata_modified".into(), modified);
                p.insert("organization".into(), organization);
                p.insert("groups".into(), Value::Array(groups));
                p.insert("private".into(), json!(private));
                p.insert("url".into(), url);
                p.insert("version".into(), version);
                if let Some(tags) = tags {
                    p.insert("tags".into(), Value::Array(tags));
                }
                if let Some(resources) = resources {
                    p.insert("resources".into(), Value::Array(resources));
                }
                if let Some(extras) = extras {
                    p.insert("extras".into(), Value::Array(extras));
                }
                if let Some(frequency) = frequency {
                    p.insert("frequency".into(), json!(frequency));
                }
                Value::Object(p)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn ckan_model_ckan_is_exact(packages in vec(package(), 1..5)) {
        let reader = CkanReader::new().with_language("fr").unwrap();
        // JSON lines.
        let lines: String = packages.iter().map(|p| format!("{p}\n")).collect();
        let read = reader.read_slice(lines.as_bytes()).unwrap();
        prop_assert_eq!(read.catalog.datasets.len(), packages.len());
        let written = write_catalog(&read.catalog, CkanFormat::JsonLines, Vec::new()).unwrap();
        let written = String::from_utf8(written).unwrap();
        // serde_json reads some floats one ulp off: compare what it reads of both texts.
        let parse = |text: &str| -> Vec<Value> { text.lines().map(|l| serde_json::from_str(l).unwrap()).collect() };
        prop_assert_eq!(parse(&written), parse(&lines));
        // Deterministic, and the output reads back to the same model.
        let again = write_catalog(&read.catalog, CkanFormat::JsonLines, Vec::new()).unwrap();
        prop_assert_eq!(again, written.as_bytes());
        let reread = reader.read_slice(written.as_bytes()).unwrap();
        prop_assert_eq!(&reread.catalog.datasets, &read.catalog.datasets);
        prop_assert_eq!(&reread.warnings, &read.warnings);

        // A package_search answer.
        let answer = json!({"help": "h", "success": true,
            "result": {"count": 100, "results": packages, "sort": "score desc", "facets": {}}});
        let read = reader.read_slice(answer.to_string().as_bytes()).unwrap();
        prop_assert_eq!(read.format, CkanFormat::PackageSearch);
        let written = write_catalog(&read.catalog, read.format, Vec::new()).unwrap();
        let back: Value = serde_json::from_slice(&written).unwrap();
        let expected: Value = serde_json::from_str(&answer.to_string()).unwrap();
        prop_assert_eq!(back, expected);
    }
}
