//! fihris-rules against the official sources it encodes, and its properties on random
//! catalogues: the DCAT-AP 3.0.1 shapes table against `dcat-ap-SHACL.ttl`, the MQA lists
//! against data.europa.eu's vocabularies, scores within bounds, findings deterministic.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};

use fihris_conformance::{arbitrary, read_shared};
use fihris_model::{Finding, Temporal};
use fihris_rules::{
    Indicator, MQA_MAX, OfflineChecker, Profile, RuleSet, Violation, check, dcat_ap_shapes,
    dcat_ap_violations, mqa_catalog, udata_quality,
};
use oxrdf::{NamedOrBlankNode, Term, Triple};
use oxttl::TurtleParser;
use proptest::prelude::*;

const SHACL: &str = "conformance/SEMICeu-DCAT-AP/releases/3.0.1/shacl/dcat-ap-SHACL.ttl";
const SH: &str = "http://www.w3.org/ns/shacl#";

fn parse_turtle(relative: &str) -> Vec<Triple> {
    let text = read_shared(relative);
    TurtleParser::new()
        .for_slice(text.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{relative} does not parse: {e}"))
}

fn term_string(term: &Term) -> String {
    match term {
        Term::NamedNode(node) => node.as_str().to_owned(),
        Term::Literal(literal) => literal.value().to_owned(),
        other => other.to_string(),
    }
}

/// subject -> predicate -> objects, for IRI subjects.
fn index(graph: &[Triple]) -> BTreeMap<String, BTreeMap<String, BTreeSet<String>>> {
    let mut index: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for triple in graph {
        if let NamedOrBlankNode::NamedNode(subject) = &triple.subject {
            index
                .entry(subject.as_str().to_owned())
                .or_default()
                .entry(triple.predicate.as_str().to_owned())
                .or_default()
                .insert(term_string(&triple.object));
        }
    }
    index
}

#[test]
fn every_checked_shape_is_in_the_official_file() {
    let graph = index(&parse_turtle(SHACL));
    let mut checked = BTreeSet::new();
    for shape in dcat_ap_shapes() {
        let iri = shape.iri();
        let properties = graph
            .get(&iri)
            .unwrap_or_else(|| panic!("{iri} is not in dcat-ap-SHACL.ttl"));
        assert_eq!(
            properties.get(&format!("{SH}path")),
            Some(&BTreeSet::from([shape.path().to_owned()])),
            "{iri}"
        );
        let (constraint, value) = shape.constraint();
        assert_eq!(
            properties.get(constraint),
            Some(&BTreeSet::from([value.clone()])),
            "{iri}: {constraint} {value}"
        );
        // The node shape targeting the class lists it.
        let node_shape = graph
            .iter()
            .find(|(_, p)| {
                p.get(&format!("{SH}targetClass"))
                    .is_some_and(|classes| classes.contains(shape.target_class()))
            })
            .unwrap_or_else(|| panic!("no node shape targets {}", shape.target_class()));
        assert!(
            node_shape.1[&format!("{SH}property")].contains(&iri),
            "{} does not list {iri}",
            node_shape.0
        );
        checked.insert(iri);
    }
    assert_eq!(checked.len(), 203);

    // Completeness: every count, node-kind and datatype shape of the classes the model holds
    // is checked.
    let classes: BTreeSet<&str> = dcat_ap_shapes().map(|s| s.target_class()).collect();
    let mut missing = Vec::new();
    for (_, node_shape) in graph.iter().filter(|(_, p)| {
        p.get(&format!("{SH}targetClass"))
            .is_some_and(|targets| targets.iter().any(|t| classes.contains(t.as_str())))
    }) {
        for property in node_shape
            .get(&format!("{SH}property"))
            .into_iter()
            .flatten()
        {
            let Some(shape) = graph.get(property) else {
                continue; // two shapes listed by dcat:DataServiceShape are not defined
            };
            let constrained = ["minCount", "maxCount", "nodeKind", "datatype"]
                .iter()
                .any(|c| shape.contains_key(&format!("{SH}{c}")));
            if constrained && !checked.contains(property) {
                missing.push(property.clone());
            }
        }
    }
    assert!(missing.is_empty(), "shapes not checked: {missing:#?}");
}

fn edp_list(file: &str) -> BTreeSet<String> {
    let text = read_shared(&format!(
        "conformance/YourOpenDAta-mqa-scoring/edp-vocabularies/{file}"
    ));
    text.split("rdf:about=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter_map(|iri| {
            iri.strip_prefix("http://publications.europa.eu/resource/authority/file-type/")
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn mqa_format_lists_are_data_europa_eu_s() {
    use fihris_model::{Catalog, Dataset, Distribution, Iri, NodeId, Text};
    // Score one dataset per file type of the lists: the indicator is earned exactly for the
    // listed codes.
    let machine_readable = edp_list("edp-machine-readable-format.rdf");
    let non_proprietary = edp_list("edp-non-proprietary-format.rdf");
    assert_eq!(machine_readable.len(), 20);
    assert_eq!(non_proprietary.len(), 29);
    let codes: BTreeSet<&String> = machine_readable.union(&non_proprietary).collect();
    let mut catalog = Catalog::new(
        NodeId::Iri(Iri::new("https://data.gov.ma/catalog").unwrap()),
        Text::untagged("Portail"),
    )
    .unwrap();
    let extra = ["PDF".to_owned(), "DOCX".to_owned()];
    for code in codes.iter().copied().chain(extra.iter()) {
        let url = Iri::new(format!("https://data.gov.ma/d/{code}")).unwrap();
        let mut distribution = Distribution::new(NodeId::Iri(url.clone()), url.clone());
        distribution.format = Some(fihris_model::Concept::from_iri(
            Iri::new(format!(
                "http://publications.europa.eu/resource/authority/file-type/{code}"
            ))
            .unwrap(),
        ));
        let mut dataset = Dataset::new(NodeId::Iri(url), Text::untagged(code.as_str())).unwrap();
        dataset.distributions.push(distribution);
        catalog.datasets.push(dataset);
    }
    let quality = mqa_catalog(&catalog, &OfflineChecker);
    for (dataset, score) in catalog.datasets.iter().zip(quality.datasets()) {
        let code = dataset.title.get("").unwrap();
        let earned = |indicator| score.get(indicator).unwrap().earned > 0;
        assert_eq!(
            earned(Indicator::MachineReadable),
            machine_readable.contains(code),
            "{code}"
        );
        assert_eq!(
            earned(Indicator::NonProprietary),
            non_proprietary.contains(code),
            "{code}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn scores_are_within_bounds_and_findings_deterministic(catalog in arbitrary::catalog(4)) {
        let rules = RuleSet::new(Profile::Ma).with_as_of(Temporal::parse("2026-11-30").unwrap());
        let report = check(&catalog, &rules);
        prop_assert_eq!(&report, &check(&catalog, &rules));
        let quality = report.quality();
        prop_assert_eq!(quality.datasets().len(), catalog.datasets.len());
        for score in quality.datasets() {
            let sum: u32 = score.indicators().iter().map(|i| i.earned).sum();
            prop_assert_eq!(sum, score.total());
            prop_assert!(score.total() <= MQA_MAX);
            prop_assert!(score.total() <= score.measured_max());
            for indicator in score.indicators() {
                prop_assert!(indicator.earned == 0 || indicator.earned == indicator.max());
            }
        }
        prop_assert!((0.0..=f64::from(MQA_MAX)).contains(&quality.total()));
        let ids: BTreeSet<String> = catalog.datasets.iter().map(|d| d.id.to_string()).collect();
        for finding in report.findings() {
            if let Some(dataset) = finding.path().dataset() {
                prop_assert!(
                    ids.contains(dataset) || catalog.series.iter().any(|s| s.id.to_string() == dataset),
                    "{}", finding
                );
            }
            prop_assert!(rules.severity(finding.rule_id()).is_some(), "{}", finding);
        }
        for dataset in &catalog.datasets {
            let udata = udata_quality(dataset, &catalog, rules.as_of(), &OfflineChecker);
            prop_assert!((0.0..=1.0).contains(&udata.score()));
        }
        prop_assert_eq!(dcat_ap_violations(&catalog), dcat_ap_violations(&catalog));
    }

    /// `check` builds the findings of a dataset together (one text and one path allocation
    /// for all); `dcat_ap_violations` builds each violation on its own. Both say the same.
    #[test]
    fn findings_built_together_are_the_findings_built_alone(catalog in arbitrary::catalog(4)) {
        let report = check(&catalog, &RuleSet::new(Profile::DcatAp));
        let together: Vec<&Finding> = report
            .findings()
            .iter()
            .filter(|finding| finding.rule_id().starts_with("dcatap."))
            .collect();
        let alone: Vec<Finding> = dcat_ap_violations(&catalog)
            .iter()
            .map(Violation::to_finding)
            .collect();
        prop_assert_eq!(together, alone.iter().collect::<Vec<_>>());
        let hash = |finding: &Finding| {
            let mut hasher = DefaultHasher::new();
            finding.hash(&mut hasher);
            hasher.finish()
        };
        for finding in report.findings() {
            // The same finding from owned text and a path of its own.
            let mut owned = Finding::new(
                finding.rule_id().to_owned(),
                finding.severity(),
                finding.path().segments().iter().cloned().collect(),
                finding.message().to_owned(),
            );
            if let Some(hint) = finding.hint() {
                owned = owned.with_hint(hint.to_owned());
            }
            prop_assert_eq!(finding, &owned);
            prop_assert_eq!(hash(finding), hash(&owned));
            prop_assert_eq!(finding.to_string(), owned.to_string());
            prop_assert_eq!(
                serde_json::to_string(finding).unwrap(),
                serde_json::to_string(&owned).unwrap()
            );
        }
    }
}
