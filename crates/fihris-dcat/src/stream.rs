//! Reading N-Triples one dataset at a time, for catalogues too large to hold whole.

use std::collections::{BTreeMap, HashSet};
use std::hash::{Hash, Hasher};
use std::io::Read;

use fihris_model::{BlankId, Catalog, Dataset, Iri, NodeId};
use fihris_vocab::ns::{adms, dcat, dct, foaf, rdf, skos, spdx, vcard, xsd};
use oxrdf::{NamedOrBlankNode, Term, Triple};
use oxttl::NTriplesParser;
use oxttl::ntriples::ReaderNTriplesParser;
use rustc_hash::FxHashSet;

use crate::emit::{named, node, term};
use crate::error::{ReadError, ReadErrorKind, TextPosition};
use crate::parse::IriSource;
use crate::reader::{DcatReader, Warning, group_by_predicate};

/// Reads an N-Triples document one dataset at a time, without holding the datasets read:
/// what [`crate::DcatWriter`] writes, where each dataset's triples (its distributions,
/// agents, periods… included) follow its `dcat:dataset` link (or its `rdf:type dcat:Dataset`)
/// and come before the next dataset's, and a resource several datasets use (a licence, an
/// agent, a place) is described alike next to each of them. Besides the catalogue, memory
/// grows only by hashes: about 16 bytes per dataset and 24 per resource described.
///
/// One thing the writer writes breaks that layout: a value a dataset keeps as a statement
/// (one the model does not hold as the dataset's own, such as another dataset given as its
/// `dct:temporal`) while another entity describes it. Read alone, the dataset may read that
/// value otherwise than the whole reader: the stream then refuses the document.
///
/// The catalogue's own triples must come first (they are read by [`NTriplesStream::new`]).
/// Series, services, records and triples about no dataset (vocabulary typings, the portal
/// theme scheme) are gathered into [`NTriplesStream::catalog`], without duplicates. So is
/// the description of a `dcat:Dataset` the catalogue does not link, and a `dcat:dataset` link
/// to a resource that is no dataset, as [`DcatReader::read`] keeps them (extra triples, a
/// statement of the catalogue).
///
/// A document whose datasets are not contiguous is detected and reported, never read
/// wrongly: a dataset met a second time, a chunk holding triples about a subject it does
/// not describe, a resource described differently in two places, or described apart from a
/// dataset that uses it, is an error of kind [`ReadErrorKind::Syntax`] saying so; read such a
/// document whole with [`DcatReader::read`] instead. Blank node labels that look drawn at
/// random (24 hexadecimal digits or more) are renamed per dataset, not per document.
///
/// ```
/// use fihris_dcat::{DcatReader, DcatWriter, NTriplesStream, RdfFormat};
/// use fihris_model::{Catalog, Dataset, Iri, NodeId, Text};
///
/// let mut catalog = Catalog::new(NodeId::Iri(Iri::new("https://data.gov.ma/catalog")?), Text::untagged("Portail"))?;
/// for name in ["ipc", "pib"] {
///     let id = format!("https://data.gov.ma/data/fr/dataset/{name}");
///     catalog.datasets.push(Dataset::new(NodeId::Iri(Iri::new(id)?), Text::untagged(name))?);
/// }
/// let mut writer = DcatWriter::new(RdfFormat::NTriples, Vec::new());
/// writer.write_catalog(&catalog)?;
/// let bytes = writer.finish()?;
///
/// let reader = DcatReader::new(RdfFormat::NTriples).with_implied_triples(true);
/// let mut stream = NTriplesStream::new(reader, &bytes[..])?;
/// let titles: Vec<String> = stream
///     .by_ref()
///     .map(|dataset| dataset.map(|d| d.title.get("").unwrap_or_default().to_owned()))
///     .collect::<Result<_, _>>()?;
/// assert_eq!(titles, ["ipc", "pib"]);
/// assert_eq!(stream.catalog().title.get(""), Some("Portail"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct NTriplesStream<R: Read> {
    reader: DcatReader,
    parser: ReaderNTriplesParser<R>,
    catalog: Catalog,
    catalog_type: Option<Triple>,
    catalog_node: Option<NamedOrBlankNode>,
    lookahead: Option<Triple>,
    ready: std::collections::VecDeque<Dataset>,
    seen: HashSet<u64>,
    /// Resource -> hash of its description (32 bits), for every resource an entity read
    /// so far holds (a B-tree: about 24 bytes an entry, no table doubled in one step).
    descriptions: BTreeMap<u64, u32>,
    /// Resources described only by loose triples (gathered into the catalogue) so far.
    loose_subjects: FxHashSet<u64>,
    /// Resources a dataset depends on that were described nowhere before it.
    undescribed: FxHashSet<u64>,
    loose: HashSet<fihris_model::Triple>,
    warnings: Vec<Warning>,
    triples: u64,
    failed: bool,
}

impl<R: Read> NTriplesStream<R> {
    /// Reads the catalogue's header (the triples before the first dataset) with the
    /// options of `reader` (repairs, implied triples), and is ready to read datasets.
    ///
    /// # Errors
    ///
    /// I/O failure or a syntax error (with line and column) in the header.
    pub fn new(reader: DcatReader, input: R) -> Result<Self, ReadError> {
        let mut stream = Self {
            reader,
            parser: NTriplesParser::new().for_reader(input),
            catalog: Catalog::new(
                NodeId::Blank(
                    BlankId::new(crate::IMPLICIT_CATALOG)
                        .map_err(|e| ReadError::new(ReadErrorKind::Syntax, e.to_string()))?,
                ),
                fihris_model::Text::untagged("-"),
            )
            .map_err(|e| ReadError::new(ReadErrorKind::Syntax, e.to_string()))?,
            catalog_type: None,
            catalog_node: None,
            lookahead: None,
            ready: std::collections::VecDeque::new(),
            seen: HashSet::new(),
            descriptions: BTreeMap::new(),
            loose_subjects: FxHashSet::default(),
            undescribed: FxHashSet::default(),
            loose: HashSet::new(),
            warnings: Vec::new(),
            triples: 0,
            failed: false,
        };
        let mut header = Vec::new();
        while let Some(triple) = stream.pull()? {
            if triple.predicate.as_str() == rdf::TYPE
                && matches!(&triple.object, Term::NamedNode(class) if class.as_str() == dcat::CATALOG)
                && stream.catalog_type.is_none()
            {
                stream.catalog_node = Some(triple.subject.clone());
                stream.catalog_type = Some(triple.clone());
            }
            if stream.member_of(&triple).is_some() {
                stream.lookahead = Some(triple);
                break;
            }
            header.push(triple);
        }
        let survey = stream.survey(&header);
        let output = stream
            .reader
            .read_triples_from(IriSource::Validated, header);
        stream.record(survey.described, &output.catalog)?;
        stream.catalog = output.catalog;
        stream.warnings = output.warnings;
        for dataset in std::mem::take(&mut stream.catalog.datasets) {
            stream.accept(dataset)?;
        }
        stream.loose = stream.catalog.extra_triples.iter().cloned().collect();
        Ok(stream)
    }

    /// The catalogue without its datasets: its own description from the header, and, as
    /// reading goes, the series, services, records and loose triples met.
    #[must_use]
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The catalogue without its datasets (see [`NTriplesStream::catalog`]).
    #[must_use]
    pub fn into_catalog(self) -> Catalog {
        self.catalog
    }

    /// Drains the warnings gathered so far, in reading order.
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.warnings)
    }

    /// Number of triples parsed so far.
    #[must_use]
    pub fn triple_count(&self) -> u64 {
        self.triples
    }

    fn pull(&mut self) -> Result<Option<Triple>, ReadError> {
        match self.parser.next() {
            None => Ok(None),
            Some(Ok(triple)) => {
                self.triples += 1;
                Ok(Some(triple))
            }
            Some(Err(oxttl::TurtleParseError::Io(error))) => Err(ReadError::io(error)),
            Some(Err(oxttl::TurtleParseError::Syntax(error))) => {
                let start = error.location().start;
                Err(ReadError::syntax(
                    error.message().to_owned(),
                    Some(TextPosition {
                        line: start.line + 1,
                        column: start.column + 1,
                        offset: start.offset,
                    }),
                ))
            }
        }
    }

    /// The dataset a triple opens: the object of the catalogue's `dcat:dataset` link, or
    /// the subject of `rdf:type dcat:Dataset`.
    fn member_of(&self, triple: &Triple) -> Option<NamedOrBlankNode> {
        match triple.predicate.as_str() {
            dcat::DATASET_PROP if Some(&triple.subject) == self.catalog_node.as_ref() => {
                match &triple.object {
                    Term::NamedNode(node) => Some(node.clone().into()),
                    Term::BlankNode(node) => Some(node.clone().into()),
                    Term::Literal(_) => None,
                }
            }
            rdf::TYPE if matches!(&triple.object, Term::NamedNode(class) if class.as_str() == dcat::DATASET) => {
                Some(triple.subject.clone())
            }
            _ => None,
        }
    }

    fn accept(&mut self, dataset: Dataset) -> Result<(), ReadError> {
        self.mark_seen(&dataset.id)?;
        self.ready.push_back(dataset);
        Ok(())
    }

    /// What `triples` (the header, or one dataset's part) say about each resource but the
    /// catalogue, and the resources they use (as values of properties the reader describes:
    /// distributions, agents, licences, places…) without describing them.
    fn survey(&self, triples: &[Triple]) -> Survey {
        let catalog = self.catalog_node.as_ref();
        let mut parts: Vec<(u64, u64, usize)> = triples
            .iter()
            .enumerate()
            .filter(|(_, t)| Some(&t.subject) != catalog)
            .map(|(index, t)| {
                (
                    hash_of(&t.subject),
                    hash_of(&(&t.predicate, &t.object)),
                    index,
                )
            })
            .collect();
        parts.sort_unstable();
        parts.dedup_by_key(|(subject, triple, _)| (*subject, *triple));
        let mut described = Vec::new();
        let mut subjects = HashSet::new();
        for group in parts.chunk_by(|a, b| a.0 == b.0) {
            let (key, _, index) = group[0];
            let subject = triples[index].subject.clone();
            // Loose triples about it met before must be part of its description here.
            let here = self.loose_subjects.contains(&key).then(|| {
                group
                    .iter()
                    .map(|(_, _, index)| triples[*index].clone())
                    .collect()
            });
            described.push(Described {
                key,
                description: sum(group.iter().map(|(_, triple, _)| *triple)),
                subject,
                here,
            });
            subjects.insert(key);
        }
        let mut uses: Vec<Use> = Vec::new();
        for triple in triples {
            let Some(role) = DESCRIBED_VALUES
                .iter()
                .copied()
                .find(|p| *p == triple.predicate.as_str())
            else {
                continue;
            };
            let node: NamedOrBlankNode = match &triple.object {
                Term::NamedNode(node) => node.clone().into(),
                Term::BlankNode(node) => node.clone().into(),
                Term::Literal(_) => continue,
            };
            let key = hash_of(&node);
            if subjects.contains(&key) || Some(&node) == catalog {
                continue;
            }
            match uses.iter_mut().find(|used| used.key == key) {
                Some(used) => used.roles += u8::from(used.role != role),
                None => uses.push(Use {
                    key,
                    node,
                    role,
                    roles: 1,
                }),
            }
        }
        Survey { described, uses }
    }

    /// Notes the descriptions of a part once read (`read`): a resource an entity holds
    /// (walked, not loose) must be described alike wherever it is described, as the whole
    /// reader reads it from all its places; loose triples about it are part of it; and one a
    /// dataset depended on without a description must stay undescribed.
    fn record(&mut self, described: Vec<Described>, read: &Catalog) -> Result<(), ReadError> {
        let loose: FxHashSet<u64> = read
            .extra_triples
            .iter()
            .map(|t| hash_of(&node(&t.subject)))
            .collect();
        for entry in described {
            let differently = || {
                not_contiguous(format!(
                    "{} is described differently in two places",
                    entry.subject
                ))
            };
            if self.undescribed.contains(&entry.key) {
                return Err(not_contiguous(format!(
                    "{} is described after a dataset that uses it",
                    entry.subject
                )));
            }
            let held = !loose.contains(&entry.key);
            match self.descriptions.get(&entry.key) {
                Some(known) if *known != entry.description => return Err(differently()),
                Some(_) => {}
                None if held => {
                    if let Some(here) = &entry.here {
                        let before = self.loose_about(entry.key);
                        if !before.iter().all(|t| here.contains(t)) {
                            return Err(differently());
                        }
                    }
                    self.descriptions.insert(entry.key, entry.description);
                }
                None => {
                    self.loose_subjects.insert(entry.key);
                }
            }
        }
        Ok(())
    }

    /// The loose triples gathered so far about the resource `key`.
    fn loose_about(&self, key: u64) -> Vec<Triple> {
        self.catalog
            .extra_triples
            .iter()
            .filter(|t| hash_of(&node(&t.subject)) == key)
            .map(|t| {
                Triple::new(
                    node(&t.subject),
                    named(t.predicate.as_str()),
                    term(&t.object),
                )
            })
            .collect()
    }

    /// The datasets and series read from a part (`first`) use resources not described
    /// there. Described elsewhere by loose triples, a difference from the whole reader is
    /// known by reading the part with them; described elsewhere by an entity, or not yet,
    /// the datasets depend on that description when a probe description (what makes the
    /// reader describe such a value: its class, a triple of its own) changes them. Returns
    /// the resources they depend on that must stay undescribed.
    fn check_uses(
        &self,
        chunk: &[Triple],
        uses: &[Use],
        first: &Catalog,
        member: &NamedOrBlankNode,
    ) -> Result<Vec<u64>, ReadError> {
        let differs = |extra: Vec<Triple>| {
            let again = self
                .reader
                .read_triples_from(IriSource::Validated, chunk.iter().cloned().chain(extra))
                .catalog;
            again.datasets != first.datasets || again.series != first.series
        };
        let mut undescribed = Vec::new();
        for used in uses {
            let apart = || {
                not_contiguous(format!(
                    "{}, used by the dataset {member}, is described apart from it",
                    used.node
                ))
            };
            let depends = || used.roles > 1 || differs(probe(used));
            if self.descriptions.contains_key(&used.key) {
                if depends() {
                    return Err(apart());
                }
            } else if self.loose_subjects.contains(&used.key) && differs(self.loose_about(used.key))
            {
                return Err(apart());
            } else if depends() {
                undescribed.push(used.key);
            }
        }
        Ok(undescribed)
    }

    /// Notes that the dataset `id` was read: an error when it already was.
    fn mark_seen(&mut self, id: &NodeId) -> Result<(), ReadError> {
        if !self.seen.insert(hash_of(id)) {
            return Err(not_contiguous(format!(
                "the dataset {id} is described in two places"
            )));
        }
        Ok(())
    }

    fn read_chunk(&mut self) -> Result<(), ReadError> {
        let Some(first) = self.lookahead.take() else {
            return Ok(());
        };
        let Some(member) = self.member_of(&first) else {
            return Ok(());
        };
        let mut chunk: Vec<Triple> = self.catalog_type.iter().cloned().collect();
        chunk.push(first);
        // A distribution typed `dcat:Dataset` too goes on being described here: its second
        // typing opens no dataset's part.
        let mut distributions: FxHashSet<NamedOrBlankNode> = FxHashSet::default();
        while let Some(triple) = self.pull()? {
            if self.member_of(&triple).is_some_and(|next| {
                next != member
                    && !(triple.predicate.as_str() == rdf::TYPE && distributions.contains(&next))
            }) {
                self.lookahead = Some(triple);
                break;
            }
            if triple.predicate.as_str() == rdf::TYPE
                && matches!(&triple.object, Term::NamedNode(class) if class.as_str() == dcat::DISTRIBUTION)
            {
                distributions.insert(triple.subject.clone());
            }
            chunk.push(triple);
        }
        let typed: HashSet<NamedOrBlankNode> = chunk
            .iter()
            .filter(|t| t.predicate.as_str() == rdf::TYPE)
            .map(|t| t.subject.clone())
            .collect();
        let member_term = Term::from(member.clone());
        let linked = self.catalog_node.as_ref().is_some_and(|catalog| {
            chunk.iter().any(|t| {
                &t.subject == catalog
                    && t.predicate.as_str() == dcat::DATASET_PROP
                    && t.object == member_term
            })
        });
        let survey = self.survey(&chunk);
        // Resources used here and not described here: read again to see what they change.
        let copy = (!survey.uses.is_empty()).then(|| chunk.clone());
        let mut output = self.reader.read_triples_from(IriSource::Validated, chunk);
        self.warnings.append(&mut output.warnings);
        self.record(survey.described, &output.catalog)?;
        let catalog = output.catalog;
        let member_id = model_node(&member);
        let link = member_id
            .clone()
            .map(fihris_model::Term::from)
            .and_then(|object| {
                catalog
                    .extra
                    .statements
                    .iter()
                    .find(|s| s.predicate.as_str() == dcat::DATASET_PROP && s.object == object)
                    .cloned()
            });
        let unlinked = self.catalog_type.is_some() && !linked;
        let described = !(catalog.datasets.is_empty() && catalog.series.is_empty());
        if !described {
            if !unlinked && link.is_none() {
                return Err(not_contiguous(format!(
                    "{member} is linked as a dataset but its description is not next to the link"
                )));
            }
            // A dataset the catalogue does not link, or a link to no dataset: the whole reader
            // keeps the description as extra triples and the link as a statement of the
            // catalogue, and so does the stream. A description of it met later would be a
            // second one.
            if let Some(id) = &member_id {
                self.mark_seen(id)?;
            }
            if let Some(link) = link {
                self.catalog.extra.statements.push(link);
                group_by_predicate(&mut self.catalog.extra.statements);
            }
        }
        if described && let Some(copy) = copy {
            for key in self.check_uses(&copy, &survey.uses, &catalog, &member)? {
                self.undescribed.insert(key);
            }
        }
        for triple in catalog.extra_triples {
            let subject = match &triple.subject {
                NodeId::Iri(iri) => oxrdf::NamedNode::new(iri.as_str())
                    .ok()
                    .map(NamedOrBlankNode::from),
                NodeId::Blank(_) => None,
            };
            // A chunk without a dataset is loose triples, as the catalogue's header is.
            let own = !described || subject.is_some_and(|s| typed.contains(&s));
            if !own {
                return Err(not_contiguous(format!(
                    "{} is described next to the dataset {member}, not with its own resource",
                    triple.subject
                )));
            }
            if self.loose.insert(triple.clone()) {
                self.catalog.extra_triples.push(triple);
            }
        }
        self.catalog.series.extend(catalog.series);
        self.catalog.services.extend(catalog.services);
        self.catalog.records.extend(catalog.records);
        for dataset in catalog.datasets {
            self.accept(dataset)?;
        }
        Ok(())
    }
}

/// The properties whose values the reader describes (walks their triples or reads their
/// types) when it reads a dataset, a series, a service or a record. (The catalogue's
/// `dcat:dataset`, `dcat:service` and `dcat:record` are no such values: a dataset is read
/// from its own part.)
const DESCRIBED_VALUES: &[&str] = &[
    dcat::DISTRIBUTION_PROP,
    dct::PUBLISHER,
    dct::CREATOR,
    dcat::CONTACT_POINT,
    dct::LICENSE,
    dct::RIGHTS,
    dct::CONFORMS_TO,
    dct::PROVENANCE,
    dct::SPATIAL,
    dct::TEMPORAL,
    spdx::CHECKSUM_PROP,
    adms::IDENTIFIER_PROP,
    dcat::QUALIFIED_RELATION,
];

/// The hash of a description (a set of triples), from the hashes of its distinct triples:
/// their sum, truncated to 32 bits (enough to tell two descriptions of a resource apart).
fn sum(hashes: impl Iterator<Item = u64>) -> u32 {
    hashes.fold(0u64, |sum, hash| sum.wrapping_add(hash)) as u32
}

fn hash_of(value: &impl Hash) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    value.hash(&mut hasher);
    hasher.finish()
}

/// What a part says about its resources: one entry per resource described.
struct Survey {
    described: Vec<Described>,
    uses: Vec<Use>,
}

/// A resource described in a part: the hash of its description there, and its triples
/// there when loose triples about it were met before.
struct Described {
    key: u64,
    description: u32,
    subject: NamedOrBlankNode,
    here: Option<Vec<Triple>>,
}

/// A resource a part uses as the value of a property in [`DESCRIBED_VALUES`] (its `role`)
/// without describing it; `roles`: how many such properties.
struct Use {
    key: u64,
    node: NamedOrBlankNode,
    role: &'static str,
    roles: u8,
}

/// A description of `used` that makes the reader describe it in its role: its class, the
/// values a checksum, an identifier or a relationship needs, and a triple of its own.
fn probe(used: &Use) -> Vec<Triple> {
    let subject = used.node.clone();
    let probe = named("urn:x-fihris:probe");
    let own = Triple::new(
        subject.clone(),
        probe,
        oxrdf::Literal::new_simple_literal("probe"),
    );
    let typed = |class: &str| Triple::new(subject.clone(), named(rdf::TYPE), named(class));
    match used.role {
        dcat::DISTRIBUTION_PROP => vec![typed(dcat::DISTRIBUTION), own],
        dct::PUBLISHER | dct::CREATOR => vec![typed(foaf::ORGANIZATION), own],
        dcat::CONTACT_POINT => vec![typed(vcard::KIND), own],
        spdx::CHECKSUM_PROP => vec![
            Triple::new(subject.clone(), named(spdx::ALGORITHM), probe),
            Triple::new(
                subject,
                named(spdx::CHECKSUM_VALUE),
                oxrdf::Literal::new_typed_literal("00", named(xsd::HEX_BINARY)),
            ),
        ],
        adms::IDENTIFIER_PROP => vec![
            Triple::new(
                subject,
                named(skos::NOTATION),
                oxrdf::Literal::new_simple_literal("probe"),
            ),
            own,
        ],
        dcat::QUALIFIED_RELATION => vec![
            Triple::new(subject.clone(), named(dct::RELATION), probe),
            Triple::new(subject, named(dcat::HAD_ROLE), probe),
            own,
        ],
        _ => vec![own],
    }
}

/// The model's identifier of a node, when it can hold it.
fn model_node(node: &NamedOrBlankNode) -> Option<NodeId> {
    match node {
        NamedOrBlankNode::NamedNode(iri) => Iri::new(iri.as_str()).ok().map(NodeId::Iri),
        NamedOrBlankNode::BlankNode(blank) => BlankId::new(blank.as_str()).ok().map(NodeId::Blank),
    }
}

fn not_contiguous(message: String) -> ReadError {
    ReadError::new(
        ReadErrorKind::Syntax,
        format!(
            "{message}: the N-Triples document is not grouped by dataset; read it whole with \
             DcatReader::read"
        ),
    )
}

impl<R: Read> Iterator for NTriplesStream<R> {
    type Item = Result<Dataset, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(dataset) = self.ready.pop_front() {
                return Some(Ok(dataset));
            }
            if self.failed || self.lookahead.is_none() {
                return None;
            }
            if let Err(error) = self.read_chunk() {
                self.failed = true;
                return Some(Err(error));
            }
        }
    }
}

impl<R: Read> std::fmt::Debug for NTriplesStream<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NTriplesStream")
            .field("catalog", &self.catalog.id)
            .field("triples", &self.triples)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DcatWriter, RdfFormat};

    const CATALOG: &str = "<https://data.gov.ma/catalog> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Catalog> .\n\
        <https://data.gov.ma/catalog> <http://purl.org/dc/terms/title> \"Portail\" .\n";

    fn dataset(name: &str) -> String {
        format!(
            "<https://data.gov.ma/d/{name}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> .\n\
             <https://data.gov.ma/d/{name}> <http://purl.org/dc/terms/title> \"{name}\" .\n"
        )
    }

    fn link(from: &str, name: &str) -> String {
        format!("<{from}> <http://www.w3.org/ns/dcat#dataset> <https://data.gov.ma/d/{name}> .\n")
    }

    /// The catalogue as N-Triples, without implied triples.
    fn written(catalog: &Catalog) -> Vec<u8> {
        let mut writer =
            DcatWriter::new(RdfFormat::NTriples, Vec::new()).with_implied_triples(false);
        writer.write_catalog(catalog).expect("in memory");
        writer.finish().expect("in memory")
    }

    fn stream(bytes: &[u8]) -> Result<(Vec<Dataset>, Catalog), ReadError> {
        let mut stream = NTriplesStream::new(DcatReader::new(RdfFormat::NTriples), bytes)?;
        let datasets = stream.by_ref().collect::<Result<Vec<_>, _>>()?;
        Ok((datasets, stream.into_catalog()))
    }

    /// What the whole reader reads of `bytes`.
    fn read_whole(bytes: &[u8]) -> crate::ReadOutput {
        DcatReader::new(RdfFormat::NTriples)
            .read_slice(bytes)
            .expect("valid N-Triples")
    }

    #[test]
    fn a_distribution_typed_as_a_dataset_too_is_read_with_its_dataset() {
        let distribution = "<https://data.gov.ma/d/1/r>";
        let text = [
            CATALOG.to_owned(),
            link("https://data.gov.ma/catalog", "1"),
            dataset("1"),
            format!("<https://data.gov.ma/d/1> <http://www.w3.org/ns/dcat#distribution> {distribution} .\n"),
            format!("{distribution} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Distribution> .\n"),
            format!("{distribution} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> .\n"),
            link("https://data.gov.ma/catalog", "2"),
            dataset("2"),
        ]
        .concat();
        let whole = read_whole(text.as_bytes());
        assert_eq!(whole.catalog.datasets.len(), 2);
        assert_eq!(whole.catalog.datasets[0].distributions.len(), 1);
        assert_eq!(written(&whole.catalog), text.as_bytes());
        let (datasets, _) = stream(text.as_bytes()).expect("the stream reads it");
        assert_eq!(datasets, whole.catalog.datasets);
    }

    #[test]
    fn a_dataset_the_catalogue_does_not_link_is_kept_as_loose_triples() {
        let text = [
            CATALOG.to_owned(),
            link("https://data.gov.ma/other", "1"),
            dataset("1"),
            link("https://data.gov.ma/catalog", "2"),
            dataset("2"),
        ]
        .concat();
        let whole = read_whole(text.as_bytes());
        assert_eq!(whole.catalog.datasets.len(), 1);
        let (datasets, catalog) = stream(text.as_bytes()).expect("the stream reads it");
        assert_eq!(datasets, whole.catalog.datasets);
        assert!(
            catalog
                .extra_triples
                .iter()
                .any(|t| t.subject.to_string() == "https://data.gov.ma/d/1"),
            "{:?}",
            catalog.extra_triples
        );

        // What the writer writes of it streams too, to the same datasets.
        let (datasets, _) = stream(&written(&whole.catalog)).expect("the writer's output streams");
        assert_eq!(datasets, whole.catalog.datasets);
    }

    #[test]
    fn a_link_to_no_dataset_is_a_statement_of_the_catalogue() {
        let loose = "<https://data.gov.ma/x> <https://data.gov.ma/p> \"v\" .\n";
        let text = [
            CATALOG.to_owned(),
            link("https://data.gov.ma/catalog", "0"),
            loose.to_owned(),
            link("https://data.gov.ma/catalog", "2"),
            dataset("2"),
        ]
        .concat();
        let whole = read_whole(text.as_bytes());
        assert_eq!(whole.catalog.datasets.len(), 1);
        assert_eq!(whole.catalog.extra.statements.len(), 1);
        let (datasets, catalog) = stream(text.as_bytes()).expect("the stream reads it");
        assert_eq!(datasets, whole.catalog.datasets);
        assert_eq!(catalog.extra, whole.catalog.extra);
        assert_eq!(catalog.extra_triples, whole.catalog.extra_triples);

        let (datasets, _) = stream(&written(&whole.catalog)).expect("the writer's output streams");
        assert_eq!(datasets, whole.catalog.datasets);

        // The linked resource described as a dataset further on: refused, not read wrongly.
        let text = [text, dataset("0")].concat();
        let error = stream(text.as_bytes()).expect_err("not grouped by dataset");
        assert!(error.to_string().contains("two places"), "{error}");
    }

    /// A linked dataset with a distribution under the licence `L`, described with `label`.
    fn licensed(name: &str, label: Option<&str>) -> String {
        let d = format!("https://data.gov.ma/d/{name}");
        let mut text = link("https://data.gov.ma/catalog", name) + &dataset(name);
        text += &format!(
            "<{d}> <http://www.w3.org/ns/dcat#distribution> <{d}/r> .\n\
             <{d}/r> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Distribution> .\n\
             <{d}/r> <http://purl.org/dc/terms/license> <https://data.gov.ma/L> .\n"
        );
        if let Some(label) = label {
            text += &format!(
                "<https://data.gov.ma/L> <http://www.w3.org/2000/01/rdf-schema#label> \"{label}\" .\n"
            );
        }
        text
    }

    fn refused(text: &str, why: &str) {
        let whole = read_whole(text.as_bytes());
        assert_eq!(whole.catalog.datasets.len(), 2, "{text}");
        let error = stream(text.as_bytes()).expect_err(text);
        assert!(error.to_string().contains(why), "{error}");
    }

    #[test]
    fn a_resource_shared_by_datasets_is_described_alike_wherever_it_is_described() {
        let alike = [
            CATALOG.to_owned(),
            licensed("1", Some("ODbL")),
            licensed("2", Some("ODbL")),
        ]
        .concat();
        let whole = read_whole(alike.as_bytes());
        let (datasets, _) = stream(alike.as_bytes()).expect("the stream reads it");
        assert_eq!(datasets, whole.catalog.datasets);

        // The whole reader gives both licences both labels: the stream cannot.
        let differently = [
            CATALOG.to_owned(),
            licensed("1", Some("ODbL")),
            licensed("2", Some("ODbL v1.0")),
        ]
        .concat();
        refused(&differently, "described differently in two places");
        // Described before the dataset that uses it, in the catalogue's header.
        let before = [
            CATALOG.to_owned(),
            "<https://data.gov.ma/L> <http://www.w3.org/2000/01/rdf-schema#label> \"ODbL\" .\n"
                .to_owned(),
            licensed("1", None),
            licensed("2", None),
        ]
        .concat();
        refused(&before, "described apart from it");
        // Used without a description, described with a later dataset.
        let after = [
            CATALOG.to_owned(),
            licensed("1", None),
            licensed("2", Some("ODbL")),
        ]
        .concat();
        refused(&after, "described after a dataset that uses it");

        // A value the reader does not describe here (no distribution without its type),
        // described in the header as loose triples: read alike, so accepted.
        let untyped = [
            CATALOG.to_owned(),
            "<https://data.gov.ma/x> <https://data.gov.ma/p> \"v\" .\n".to_owned(),
            link("https://data.gov.ma/catalog", "1"),
            dataset("1"),
            "<https://data.gov.ma/d/1> <http://www.w3.org/ns/dcat#distribution> <https://data.gov.ma/x> .\n"
                .to_owned(),
        ]
        .concat();
        let whole = read_whole(untyped.as_bytes());
        let (datasets, _) = stream(untyped.as_bytes()).expect("the stream reads it");
        assert_eq!(datasets, whole.catalog.datasets);
        assert_eq!(datasets[0].extra.statements.len(), 1);

        // A second licence, kept as a statement of the first distribution, described with the
        // dataset whose licence it is: no dataset depends on where it is described.
        let second = [
            CATALOG.to_owned(),
            licensed("1", Some("ODbL")),
            "<https://data.gov.ma/d/1/r> <http://purl.org/dc/terms/license> <https://data.gov.ma/M> .\n"
                .to_owned(),
            licensed("2", Some("ODbL")).replace("https://data.gov.ma/L", "https://data.gov.ma/M"),
        ]
        .concat();
        let whole = read_whole(second.as_bytes());
        let (datasets, _) = stream(second.as_bytes()).expect("the stream reads it");
        assert_eq!(datasets, whole.catalog.datasets);
    }

    #[test]
    fn a_dataset_given_as_the_period_of_an_earlier_dataset_is_refused() {
        // Read alone, the first dataset would have a period: the whole reader keeps the
        // value as a statement, as it is a dataset.
        let text = [
            CATALOG.to_owned(),
            link("https://data.gov.ma/catalog", "1"),
            dataset("1"),
            "<https://data.gov.ma/d/1> <http://purl.org/dc/terms/temporal> <https://data.gov.ma/d/2> .\n"
                .to_owned(),
            link("https://data.gov.ma/catalog", "2"),
            dataset("2"),
        ]
        .concat();
        let whole = read_whole(text.as_bytes());
        assert!(whole.catalog.datasets[0].temporal.is_empty());
        let error = stream(text.as_bytes()).expect_err("refused");
        assert!(
            error
                .to_string()
                .contains("is described after a dataset that uses it"),
            "{error}"
        );
    }

    #[test]
    fn a_link_after_the_description_of_an_unlinked_dataset_is_refused() {
        let text = [
            CATALOG.to_owned(),
            dataset("1"),
            dataset("2"),
            link("https://data.gov.ma/catalog", "1"),
        ]
        .concat();
        let whole = read_whole(text.as_bytes());
        assert_eq!(whole.catalog.datasets.len(), 1);
        let error = stream(text.as_bytes()).expect_err("not grouped by dataset");
        assert!(
            error.to_string().contains("not grouped by dataset"),
            "{error}"
        );
    }
}
