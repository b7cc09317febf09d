//! `sophia_api` interop: the graph a writer writes, as a sophia [`Graph`].

use fihris_model::Catalog;
use oxrdf::{NamedOrBlankNode, Term as OxTerm, Triple};
use rustc_hash::FxHashSet;
use sophia_api::MownStr;
use sophia_api::graph::{GResult, Graph};
use sophia_api::term::{BnodeId, IriRef, LanguageTag, SimpleTerm};

use crate::emit::{Chunk, Emitter, is_implicit};

/// The triples a [`crate::DcatWriter`] writes for a catalogue, held once, as a
/// [`sophia_api::graph::Graph`]: its terms borrow from the graph (no copy per triple), and
/// [`Graph::triples`] is a `sophia_api` triple source.
///
/// ```
/// use fihris_dcat::SophiaGraph;
/// use fihris_model::{Catalog, Iri, NodeId, Text};
/// use sophia_api::graph::Graph;
/// use sophia_api::source::TripleSource;
///
/// let catalog = Catalog::new(
///     NodeId::Iri(Iri::new("https://data.gov.ma/catalog")?),
///     Text::untagged("Portail"),
/// )?;
/// let graph = SophiaGraph::new(&catalog);
/// let mut count = 0;
/// graph.triples().for_each_triple(|_| count += 1)?;
/// assert_eq!(count, graph.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SophiaGraph {
    triples: Vec<Triple>,
}

impl SophiaGraph {
    /// The graph a default [`crate::DcatWriter`] writes (implied triples included), each
    /// triple once, in writing order.
    #[must_use]
    pub fn new(catalog: &Catalog) -> Self {
        Self::with_implied_triples(catalog, true)
    }

    /// The graph a [`crate::DcatWriter`] with
    /// [`crate::DcatWriter::with_implied_triples`]`(implied)` writes.
    #[must_use]
    pub fn with_implied_triples(catalog: &Catalog, implied: bool) -> Self {
        let mut emitter = Emitter::new(implied);
        let mut chunk = Chunk::default();
        let parent = (!is_implicit(catalog)).then(|| catalog.id.clone());
        let parent = parent.as_ref();
        let mut all = Vec::new();
        let mut drain = |chunk: &mut Chunk| {
            all.extend(chunk.iter().map(oxrdf::TripleRef::into_owned));
            chunk.clear();
        };
        emitter.catalog_header(&mut chunk, catalog);
        drain(&mut chunk);
        for dataset in &catalog.datasets {
            emitter.dataset(&mut chunk, parent, dataset);
            drain(&mut chunk);
        }
        for series in &catalog.series {
            emitter.series(&mut chunk, parent, series);
            drain(&mut chunk);
        }
        for service in &catalog.services {
            emitter.service(&mut chunk, parent, service);
            drain(&mut chunk);
        }
        for record in &catalog.records {
            emitter.record(&mut chunk, parent, record);
            drain(&mut chunk);
        }
        emitter.footer(&mut chunk);
        drain(&mut chunk);
        // Chunks are deduplicated one by one: a triple of two chunks is kept once.
        let keep: Vec<bool> = {
            let mut seen: FxHashSet<&Triple> = FxHashSet::default();
            all.iter().map(|triple| seen.insert(triple)).collect()
        };
        let triples = all
            .into_iter()
            .zip(keep)
            .filter_map(|(triple, keep)| keep.then_some(triple))
            .collect();
        Self { triples }
    }

    /// Number of triples.
    #[must_use]
    pub fn len(&self) -> usize {
        self.triples.len()
    }

    /// Whether the graph has no triple.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.triples.is_empty()
    }
}

fn iri(value: &str) -> SimpleTerm<'_> {
    SimpleTerm::Iri(IriRef::new_unchecked(MownStr::from(value)))
}

fn subject(node: &NamedOrBlankNode) -> SimpleTerm<'_> {
    match node {
        NamedOrBlankNode::NamedNode(node) => iri(node.as_str()),
        NamedOrBlankNode::BlankNode(node) => {
            SimpleTerm::BlankNode(BnodeId::new_unchecked(MownStr::from(node.as_str())))
        }
    }
}

fn object(term: &OxTerm) -> SimpleTerm<'_> {
    match term {
        OxTerm::NamedNode(node) => iri(node.as_str()),
        OxTerm::BlankNode(node) => {
            SimpleTerm::BlankNode(BnodeId::new_unchecked(MownStr::from(node.as_str())))
        }
        OxTerm::Literal(literal) => {
            let value = MownStr::from(literal.value());
            match literal.language() {
                Some(language) => SimpleTerm::LiteralLanguage(
                    value,
                    LanguageTag::new_unchecked(MownStr::from(language)),
                    None,
                ),
                None => SimpleTerm::LiteralDatatype(
                    value,
                    IriRef::new_unchecked(MownStr::from(literal.datatype().as_str())),
                ),
            }
        }
    }
}

impl Graph for SophiaGraph {
    type Triple<'x>
        = [SimpleTerm<'x>; 3]
    where
        Self: 'x;
    type Error = std::convert::Infallible;

    fn triples(&self) -> impl Iterator<Item = GResult<Self, Self::Triple<'_>>> + '_ {
        self.triples.iter().map(|triple| {
            Ok([
                subject(&triple.subject),
                iri(triple.predicate.as_str()),
                object(&triple.object),
            ])
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use fihris_model::{
        Agent, ContactPoint, Dataset, Distribution, Iri, LicenseDocument, NodeId, PeriodOfTime,
        Temporal, Text,
    };
    use fihris_vocab::{EuTheme, FileType, Frequency, Licence, PRODUCERS, PortalTheme, Vocabulary};
    use oxrdf::{BlankNode, Literal, NamedNode};
    use sophia_api::source::TripleSource;
    use sophia_api::term::{Term, TermKind};
    use sophia_api::triple::Triple as _;

    use super::*;
    use crate::{DcatWriter, RdfFormat};

    fn catalog() -> Catalog {
        let iri = |value: &str| Iri::new(value).expect("valid IRI");
        let mut catalog = Catalog::new(
            NodeId::Iri(iri("https://data.gov.ma/catalog")),
            Text::untagged("Portail"),
        )
        .expect("valid catalogue");
        catalog.publisher = Some(Agent::from_producer(&PRODUCERS[0]));
        for (i, producer) in PRODUCERS.iter().enumerate().take(3) {
            let id = format!("https://data.gov.ma/data/fr/dataset/jeu-{i}");
            let title = Text::new()
                .with("fr", format!("Indicateurs {i}"))
                .and_then(|t| t.with("ar", format!("مؤشرات {i}")))
                .expect("valid text");
            let mut dataset = Dataset::new(NodeId::Iri(iri(&id)), title).expect("valid dataset");
            dataset.publisher = Some(Agent::from_producer(producer));
            dataset.themes.push(EuTheme::ALL[i].into());
            dataset.portal_themes.push(PortalTheme::ALL[i]);
            dataset.accrual_periodicity = Some(Frequency::Annual.into());
            dataset
                .contact_points
                .push(ContactPoint::new().with_email(format!("contact{i}@hcp.ma")));
            dataset
                .temporal
                .push(PeriodOfTime::new(Temporal::parse("2019").ok(), None).expect("valid period"));
            let url = iri(&format!("{id}/resource/0.csv"));
            let mut distribution = Distribution::new(NodeId::Iri(url.clone()), url);
            distribution.format = Some(FileType::Csv.into());
            distribution.licence = Some(LicenseDocument::from(Licence::PortalOdbl));
            distribution.byte_size = Some(1024);
            dataset.distributions.push(distribution);
            catalog.datasets.push(dataset);
        }
        catalog
    }

    fn to_ox(term: &SimpleTerm<'_>) -> OxTerm {
        match term.kind() {
            TermKind::Iri => NamedNode::new(term.iri().expect("an IRI").as_str().to_owned())
                .expect("valid IRI")
                .into(),
            TermKind::BlankNode => BlankNode::new(term.bnode_id().expect("a label").as_str())
                .expect("valid label")
                .into(),
            TermKind::Literal => {
                let value = term.lexical_form().expect("a literal").to_string();
                match term.language_tag() {
                    Some(tag) => Literal::new_language_tagged_literal(value, tag.as_str())
                        .expect("valid tag")
                        .into(),
                    None => Literal::new_typed_literal(
                        value,
                        NamedNode::new(term.datatype().expect("a datatype").as_str().to_owned())
                            .expect("valid IRI"),
                    )
                    .into(),
                }
            }
            other => panic!("unexpected term kind {other:?}"),
        }
    }

    #[test]
    fn the_graph_is_what_the_ntriples_writer_writes() {
        let catalog = catalog();
        for implied in [true, false] {
            let mut writer =
                DcatWriter::new(RdfFormat::NTriples, Vec::new()).with_implied_triples(implied);
            writer.write_catalog(&catalog).expect("writes");
            let bytes = writer.finish().expect("finishes");
            let written: HashSet<Triple> = oxttl::NTriplesParser::new()
                .for_slice(&bytes)
                .collect::<Result<_, _>>()
                .expect("valid N-Triples");
            let graph = SophiaGraph::with_implied_triples(&catalog, implied);
            let mut seen = HashSet::new();
            graph
                .triples()
                .for_each_triple(|t| {
                    let subject = match to_ox(t.s()) {
                        OxTerm::NamedNode(node) => NamedOrBlankNode::from(node),
                        OxTerm::BlankNode(node) => NamedOrBlankNode::from(node),
                        OxTerm::Literal(_) => panic!("a literal subject"),
                    };
                    let OxTerm::NamedNode(predicate) = to_ox(t.p()) else {
                        panic!("a predicate that is not an IRI");
                    };
                    seen.insert(Triple::new(subject, predicate, to_ox(t.o())));
                })
                .expect("infallible");
            assert_eq!(seen.len(), graph.len(), "each triple once");
            assert!(written.len() > 50, "{}", written.len());
            assert_eq!(seen, written, "implied: {implied}");
        }
    }
}
