//! The vocabularies embedded in `fihris-vocab` against the EU tables, the DCAT-AP 3.0.1
//! shapes and the portal referentials, read at test time.

use std::collections::{BTreeMap, BTreeSet};

use fihris_conformance::{read_shared, read_shared_csv};
use fihris_vocab::{
    AccessRight, DistributionStatus, EuTheme, FileType, Frequency, LabelLanguage, Language,
    Licence, PRODUCERS, PlannedAvailability, PortalTheme, Vocabulary, ns,
};
use oxrdf::{NamedOrBlankNode, Term, Triple};
use oxttl::TurtleParser;

const VOCABULARIES: &str = "conformance/ioggstream-dati-eu-authority-tables/assets/vocabularies";
const SKOS_PREF_LABEL: &str = "http://www.w3.org/2004/02/skos/core#prefLabel";

fn parse_turtle(relative: &str) -> Vec<Triple> {
    let text = read_shared(relative);
    TurtleParser::new()
        .for_slice(text.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{relative} does not parse: {e}"))
}

fn vocabulary_ttl(name: &str) -> Vec<Triple> {
    let dir = shared_path(&format!("{VOCABULARIES}/{name}"));
    // One version folder per vocabulary in the corpus.
    let version = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").file_name())
        .max()
        .unwrap_or_else(|| panic!("{} is empty", dir.display()));
    let version = version.to_string_lossy();
    parse_turtle(&format!("{VOCABULARIES}/{name}/{version}/{name}.ttl"))
}

fn shared_path(relative: &str) -> std::path::PathBuf {
    fihris_conformance::shared_dir().join(relative)
}

fn subject_iri(triple: &Triple) -> Option<&str> {
    match &triple.subject {
        NamedOrBlankNode::NamedNode(n) => Some(n.as_str()),
        NamedOrBlankNode::BlankNode(_) => None,
    }
}

/// `skos:prefLabel`s of `iri` in `language`.
fn pref_labels(graph: &[Triple], iri: &str, language: &str) -> BTreeSet<String> {
    graph
        .iter()
        .filter(|t| subject_iri(t) == Some(iri) && t.predicate.as_str() == SKOS_PREF_LABEL)
        .filter_map(|t| match &t.object {
            Term::Literal(l) if l.language() == Some(language) => Some(l.value().to_owned()),
            _ => None,
        })
        .collect()
}

fn subjects(graph: &[Triple]) -> BTreeSet<String> {
    graph
        .iter()
        .filter_map(subject_iri)
        .map(str::to_owned)
        .collect()
}

/// Every term is in the table and has the table's English and French `skos:prefLabel`.
fn check_against_ttl<V: Vocabulary>(name: &str) {
    let graph = vocabulary_ttl(name);
    let concepts = subjects(&graph);
    for &term in V::ALL {
        assert!(
            concepts.contains(term.iri()),
            "{term:?}: {} not in {name}",
            term.iri()
        );
        for (tag, language) in [("en", LabelLanguage::En), ("fr", LabelLanguage::Fr)] {
            let labels = pref_labels(&graph, term.iri(), tag);
            assert!(
                labels.contains(term.label(language)),
                "{term:?}: label@{tag} {:?} not among {labels:?}",
                term.label(language)
            );
        }
    }
}

#[test]
fn portal_themes_equal_the_referential() {
    let table = read_shared_csv("referentials/themes.csv");
    assert_eq!(table.rows.len(), 19);
    assert_eq!(PortalTheme::ALL.len(), 19);
    for (row, &theme) in table.rows.iter().zip(PortalTheme::ALL) {
        let yes = |column: &str| match table.get(row, column) {
            "yes" => true,
            "no" => false,
            other => panic!("{column}: {other}"),
        };
        assert_eq!(theme.slug(), table.get(row, "slug"));
        assert_eq!(theme.slug_confirmed(), yes("slug_confirmed"));
        assert_eq!(theme.label(LabelLanguage::Fr), table.get(row, "label_fr"));
        assert_eq!(theme.label(LabelLanguage::En), table.get(row, "label_en"));
        assert_eq!(theme.label(LabelLanguage::Ar), table.get(row, "label_ar"));
        assert_eq!(theme.label_ar_checked(), yes("label_ar_checked"));
        assert_eq!(theme.eu_primary().code(), table.get(row, "eu_primary"));
        assert_eq!(
            theme.eu_secondary().map_or("", EuTheme::code),
            table.get(row, "eu_secondary")
        );
        assert_eq!(
            theme.iri(),
            format!("https://w3id.org/fihris/ma/theme/{}", theme.slug())
        );
    }
}

#[test]
fn producers_equal_the_referential() {
    let table = read_shared_csv("referentials/producers.csv");
    assert_eq!(table.rows.len(), 47);
    assert_eq!(PRODUCERS.len(), 47);
    for (row, producer) in table.rows.iter().zip(PRODUCERS) {
        assert_eq!(producer.code, table.get(row, "acronym"));
        assert_eq!(producer.ckan_slug, table.get(row, "ckan_slug"));
        assert_eq!(producer.name_fr, table.get(row, "name_fr"));
        assert_eq!(producer.name_ar, table.get(row, "name_ar"));
        let checked = table.get(row, "name_ar_checked");
        assert!(checked == "yes" || checked == "no", "{checked}");
        assert_eq!(producer.name_ar_checked, checked == "yes");
        assert_eq!(producer.kind.as_str(), table.get(row, "kind"));
        assert_eq!(
            producer.datasets_2026.to_string(),
            table.get(row, "datasets_2026")
        );
    }
    let total: u32 = PRODUCERS.iter().map(|p| p.datasets_2026).sum();
    assert_eq!(total, 663);
}

/// `dc:source` → legacy codes of the `at:op-mapped-code` entries of each file type.
fn file_type_mapped_codes() -> BTreeMap<String, BTreeMap<String, Vec<String>>> {
    const MAPPED: &str = "http://publications.europa.eu/ontology/authority/op-mapped-code";
    const LEGACY: &str = "http://publications.europa.eu/ontology/authority/legacy-code";
    const SOURCE: &str = "http://purl.org/dc/elements/1.1/source";
    let graph = vocabulary_ttl("filetypes");
    let literal = |node: &NamedOrBlankNode, predicate: &str| -> Option<String> {
        graph.iter().find_map(|t| match (&t.object, &t.subject) {
            (Term::Literal(l), s) if s == node && t.predicate.as_str() == predicate => {
                Some(l.value().to_owned())
            }
            _ => None,
        })
    };
    let mut codes: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for iri in subjects(&graph) {
        if iri.starts_with(FileType::SCHEME) && iri.len() > FileType::SCHEME.len() {
            codes.entry(iri).or_default();
        }
    }
    for triple in &graph {
        if triple.predicate.as_str() != MAPPED {
            continue;
        }
        let (Some(iri), Term::BlankNode(node)) = (subject_iri(triple), &triple.object) else {
            continue;
        };
        let node = NamedOrBlankNode::BlankNode(node.clone());
        let source = literal(&node, SOURCE).expect("mapped code without dc:source");
        let legacy = literal(&node, LEGACY).expect("mapped code without at:legacy-code");
        codes
            .entry(iri.to_owned())
            .or_default()
            .entry(source)
            .or_default()
            .push(legacy);
    }
    codes
}

fn flag(mapped: &BTreeMap<String, Vec<String>>, source: &str) -> bool {
    mapped
        .get(source)
        .is_some_and(|values| values.iter().any(|v| v == "true"))
}

#[test]
fn file_type_flags_equal_the_eu_table() {
    let codes = file_type_mapped_codes();
    let machine_readable = codes
        .values()
        .filter(|m| flag(m, "is-machine-readable"))
        .count();
    let non_proprietary = codes.values().filter(|m| flag(m, "is-nonPropExt")).count();
    assert_eq!(
        (machine_readable, non_proprietary),
        (23, 31),
        "parser sanity"
    );
    for &file_type in FileType::ALL {
        let Some(mapped) = codes.get(file_type.iri()) else {
            assert!(
                !file_type.in_eu_table_2022(),
                "{file_type} missing from the EU table"
            );
            continue;
        };
        assert!(
            file_type.in_eu_table_2022(),
            "{file_type} is in the EU table"
        );
        assert_eq!(
            file_type.is_non_proprietary(),
            flag(mapped, "is-nonPropExt"),
            "{file_type}: non-proprietary"
        );
        assert_eq!(
            file_type.is_machine_readable(),
            flag(mapped, "is-machine-readable"),
            "{file_type}: machine-readable"
        );
    }
}

#[test]
fn file_type_media_types_agree_with_the_eu_table() {
    // The EU table gives DOCX the media type of the package's main part
    // (`…wordprocessingml.document.main+xml`) and GZIP the legacy `application/x-gzip`;
    // fihris gives the IANA types of the files. Both are still read by from_media_type.
    const EXCEPTIONS: &[FileType] = &[FileType::Docx, FileType::Gzip];
    let codes = file_type_mapped_codes();
    let mut compared = 0;
    for &file_type in FileType::ALL {
        let (Some(ours), Some(theirs)) = (
            file_type.media_type(),
            codes
                .get(file_type.iri())
                .and_then(|m| m.get("mime-type-cellar")),
        ) else {
            continue;
        };
        let essences: Vec<&str> = theirs
            .iter()
            .map(|m| m.split(';').next().unwrap_or_default().trim())
            .collect();
        let agrees = essences.contains(&ours);
        if EXCEPTIONS.contains(&file_type) {
            assert!(!agrees, "{file_type} is no longer an exception");
            for theirs in theirs {
                assert_eq!(
                    FileType::from_media_type(theirs),
                    Some(file_type),
                    "{theirs}"
                );
            }
        } else {
            assert!(agrees, "{file_type}: {ours} not among {theirs:?}");
            compared += 1;
        }
    }
    assert!(compared >= 20, "only {compared} media types compared");
}

#[test]
fn frequencies_equal_the_eu_table() {
    let table = read_shared_csv(&format!(
        "{VOCABULARIES}/frequencies/20220615-0/frequencies.csv"
    ));
    let theirs: BTreeSet<&str> = table.column("url").into_iter().collect();
    let ours: BTreeSet<&str> = Frequency::ALL.iter().map(|f| f.iri()).collect();
    assert_eq!(ours, theirs);
    for row in &table.rows {
        let frequency = Frequency::from_iri(table.get(row, "url")).expect("known IRI");
        assert_eq!(frequency.code(), table.get(row, "id"));
        assert_eq!(
            frequency.label(LabelLanguage::En),
            table.get(row, "label_en")
        );
    }
    check_against_ttl::<Frequency>("frequencies");
}

#[test]
fn french_frequency_terms_of_the_referential() {
    let table = read_shared_csv("referentials/frequencies.csv");
    assert_eq!(table.rows.len(), 20);
    for row in &table.rows {
        let term = table.get(row, "term_fr");
        let code = table.get(row, "eu_frequency_code");
        assert_eq!(
            Frequency::from_french(term).map(Frequency::code),
            Some(code),
            "{term}"
        );
        assert_eq!(
            Frequency::find_in_french_text(&format!("Données ({term})")).map(Frequency::code),
            Some(code),
            "{term} in a title"
        );
    }
}

#[test]
fn eu_themes_equal_the_eu_table() {
    let table = read_shared_csv(&format!(
        "{VOCABULARIES}/data-theme/20200923-0/data-theme.csv"
    ));
    let theirs: BTreeSet<&str> = table
        .column("url")
        .into_iter()
        .filter(|iri| !iri.ends_with("/OP_DATPRO"))
        .collect();
    let ours: BTreeSet<&str> = EuTheme::ALL.iter().map(|t| t.iri()).collect();
    assert_eq!(ours, theirs);
    check_against_ttl::<EuTheme>("data-theme");
}

#[test]
fn access_rights_statuses_and_availabilities_are_in_the_eu_tables() {
    check_against_ttl::<AccessRight>("access-right");
    check_against_ttl::<DistributionStatus>("distribution-status");
    check_against_ttl::<PlannedAvailability>("planned-availability");
}

#[test]
fn languages_are_in_the_eu_table() {
    let table = read_shared_csv(&format!(
        "{VOCABULARIES}/languages/20220928-0/languages.csv"
    ));
    let theirs: BTreeSet<&str> = table.column("url").into_iter().collect();
    for &language in Language::ALL {
        assert!(theirs.contains(language.iri()), "{language}");
    }
}

#[test]
fn licence_iris_are_in_the_eu_table() {
    let table = read_shared_csv(&format!("{VOCABULARIES}/licences/20220928-0/licences.csv"));
    let mut claimed = 0;
    for &licence in Licence::ALL {
        let row = table
            .rows
            .iter()
            .find(|row| table.get(row, "url") == licence.iri());
        if licence.has_eu_iri() {
            let row =
                row.unwrap_or_else(|| panic!("{licence}: {} not in the table", licence.iri()));
            assert_eq!(table.get(row, "deprecated"), "false", "{licence}");
            assert_eq!(table.get(row, "id"), licence.code());
            claimed += 1;
        } else {
            assert!(row.is_none());
        }
    }
    assert_eq!(claimed, 7);
}

#[test]
fn every_dcat_ap_shacl_term_has_a_namespace_constant() {
    const SH: &str = "http://www.w3.org/ns/shacl#";
    let graph = parse_turtle("conformance/SEMICeu-DCAT-AP/releases/3.0.1/shacl/dcat-ap-SHACL.ttl");
    let wanted: BTreeSet<&str> = graph
        .iter()
        .filter(|t| {
            [
                format!("{SH}path"),
                format!("{SH}targetClass"),
                format!("{SH}class"),
            ]
            .iter()
            .any(|p| p == t.predicate.as_str())
        })
        .filter_map(|t| match &t.object {
            Term::NamedNode(n) => Some(n.as_str()),
            _ => None,
        })
        .collect();
    assert!(wanted.len() > 100, "only {} terms found", wanted.len());
    let missing: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|iri| !ns::is_known_term(iri))
        .collect();
    assert!(missing.is_empty(), "no ns constant for {missing:#?}");
}
