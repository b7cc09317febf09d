//! Graph helpers for the RDF tests: parse with the oxigraph parsers directly (not through
//! fihris), canonicalise blank nodes (RDFC-1.0) and show differences as sorted N-Triples.

use std::collections::BTreeSet;

use fihris_dcat::RdfFormat;
use oxjsonld::{JsonLdParser, JsonLdRemoteDocument};
use oxrdf::dataset::{CanonicalizationAlgorithm, CanonicalizationHashAlgorithm};
use oxrdf::{Graph, Triple};
use oxrdfxml::RdfXmlParser;
use oxttl::{NTriplesParser, TurtleParser};

/// Parses a document into a graph with the oxigraph parsers; `contexts` serves remote
/// JSON-LD contexts from memory.
///
/// # Panics
///
/// Panics on a syntax error, with the error.
#[must_use]
pub fn parse_graph(
    bytes: &[u8],
    format: RdfFormat,
    base: Option<&str>,
    contexts: &[(String, Vec<u8>)],
) -> Graph {
    let mut graph = Graph::new();
    let mut insert = |triple: Triple| {
        graph.insert(&triple);
    };
    match format {
        RdfFormat::Turtle => {
            let mut parser = TurtleParser::new();
            if let Some(base) = base {
                parser = parser.with_base_iri(base).expect("valid base");
            }
            for triple in parser.for_slice(bytes) {
                insert(triple.unwrap_or_else(|e| panic!("turtle: {e}")));
            }
        }
        RdfFormat::NTriples => {
            for triple in NTriplesParser::new().for_slice(bytes) {
                insert(triple.unwrap_or_else(|e| panic!("n-triples: {e}")));
            }
        }
        RdfFormat::RdfXml => {
            // Lenient, with spaces in IRIs percent-encoded, as fihris reads RDF/XML.
            let mut parser = RdfXmlParser::new().lenient();
            if let Some(base) = base {
                parser = parser.with_base_iri(base).expect("valid base");
            }
            for triple in parser.for_slice(bytes) {
                let triple = triple.unwrap_or_else(|e| panic!("rdf/xml: {e}"));
                let fix = |iri: &str| oxrdf::NamedNode::new_unchecked(iri.replace(' ', "%20"));
                let subject: oxrdf::NamedOrBlankNode = match &triple.subject {
                    oxrdf::NamedOrBlankNode::NamedNode(node) => fix(node.as_str()).into(),
                    other => other.clone(),
                };
                let object: oxrdf::Term = match &triple.object {
                    oxrdf::Term::NamedNode(node) => fix(node.as_str()).into(),
                    other => other.clone(),
                };
                insert(Triple::new(subject, fix(triple.predicate.as_str()), object));
            }
        }
        _ => {
            let mut parser = JsonLdParser::new();
            if let Some(base) = base {
                parser = parser.with_base_iri(base).expect("valid base");
            }
            let contexts = contexts.to_vec();
            let parser = parser
                .for_slice(bytes)
                .with_load_document_callback(move |url, _| {
                    contexts
                        .iter()
                        .find(|(known, _)| known == url)
                        .map(|(known, document)| JsonLdRemoteDocument {
                            document: document.clone(),
                            document_url: known.clone(),
                        })
                        .ok_or_else(|| format!("no remote document {url}").into())
                });
            for quad in parser {
                let quad = quad.unwrap_or_else(|e| panic!("json-ld: {e}"));
                insert(Triple::new(quad.subject, quad.predicate, quad.object));
            }
        }
    }
    graph
}

/// The graph with canonical blank node labels (RDFC-1.0, SHA-256).
#[must_use]
pub fn canonical(mut graph: Graph) -> Graph {
    graph.canonicalize(CanonicalizationAlgorithm::Rdfc10 {
        hash_algorithm: CanonicalizationHashAlgorithm::Sha256,
    });
    graph
}

/// Whether two graphs are isomorphic.
#[must_use]
pub fn isomorphic(a: &Graph, b: &Graph) -> bool {
    canonical(a.clone()) == canonical(b.clone())
}

/// Sorted N-Triples lines of the canonical graphs: `-` only in `expected`, `+` only in
/// `actual`.
#[must_use]
pub fn diff(expected: &Graph, actual: &Graph) -> String {
    let lines = |graph: &Graph| -> BTreeSet<String> {
        canonical(graph.clone())
            .iter()
            .map(|triple| format!("{triple} ."))
            .collect()
    };
    let (expected, actual) = (lines(expected), lines(actual));
    let mut out = String::new();
    for line in expected.difference(&actual) {
        out.push_str("- ");
        out.push_str(line);
        out.push('\n');
    }
    for line in actual.difference(&expected) {
        out.push_str("+ ");
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Whether every IRI of `triples` is valid: the fihris readers percent-encode the IRIs
/// lenient parsers (oxrdfxml's) let through, so only then do they read what the parser gives.
#[must_use]
pub fn all_iris_valid(triples: &[Triple]) -> bool {
    let valid = |iri: &str| oxrdf::NamedNode::new(iri).is_ok();
    triples.iter().all(|triple| {
        valid(triple.predicate.as_str())
            && match &triple.subject {
                oxrdf::NamedOrBlankNode::NamedNode(node) => valid(node.as_str()),
                oxrdf::NamedOrBlankNode::BlankNode(_) => true,
            }
            && match &triple.object {
                oxrdf::Term::NamedNode(node) => valid(node.as_str()),
                oxrdf::Term::Literal(literal) => valid(literal.datatype().as_str()),
                _ => true,
            }
    })
}
