//! Triples -> model. Lossless by default: whatever a writer would not give back exactly is
//! kept in extras, so that reading then writing (without implied triples) gives the same graph.

use std::cell::Cell;
use std::fmt;
use std::io::Read;
use std::sync::Arc;

use fihris_model::{
    Agent, AgentKind, BlankId, Catalog, CatalogRecord, Checksum, Concept, ContactKind,
    ContactPoint, DataService, Dataset, DatasetSeries, Distribution, Extras, Identifier, Iri,
    Keyword, LabelledResource, LanguageTag, LicenseDocument, Literal, Location, NodeId,
    PeriodOfTime, PersonalData, Relationship, Statement, Temporal, TemporalKind, Term, Text,
    inventory::{CollectionMethod, DataKind, DisaggregationLevel, PublicationStatus, UpdateMethod},
};
use fihris_vocab::ns::{
    adms, dcat, dcatap, dct, fihris, foaf, locn, owl, rdf, rdfs, schema, skos, spdx, vcard, xsd,
};
use fihris_vocab::{
    EuTheme, FileType, Frequency, Language, Licence, PortalTheme, Producer, Vocabulary,
};
// The builder reads borrowed triples: parsed terms point into the input or the parser's
// strings, never copied one by one.
use oxrdf::{NamedOrBlankNodeRef as NamedOrBlankNode, TermRef as OxTerm, TripleRef as Triple};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::emit::{
    DCAT_IS_VERSION_OF, IMPLICIT_CATALOG, concept_labels, eu_theme_triples, minted_label_bytes,
    portal_theme_triples,
};
use crate::error::ReadError;
use crate::format::RdfFormat;
use crate::parse::{IriSource, ParseOptions, TripleStore, dedup, parse, read_all, relabel};

/// What a reader noticed on one record: a value kept verbatim in extras because it is not
/// in the canonical form (lossless mode), or a value it interpreted (repair mode).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Warning {
    record: String,
    property: Option<String>,
    message: String,
    repaired: bool,
}

impl Warning {
    /// The resource concerned (IRI, or `_:label`).
    #[must_use]
    pub fn record(&self) -> &str {
        &self.record
    }

    /// The property concerned, if any.
    #[must_use]
    pub fn property(&self) -> Option<&str> {
        self.property.as_deref()
    }

    /// What was found and what was done.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Whether the value was interpreted into a model field (repair mode).
    #[must_use]
    pub fn repaired(&self) -> bool {
        self.repaired
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.record)?;
        if let Some(property) = &self.property {
            write!(f, " <{property}>")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// What a reader returns: the catalogue and the warnings on its records.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ReadOutput {
    /// The catalogue (see [`crate::is_implicit`] when the input had no `dcat:Catalog`).
    pub catalog: Catalog,
    /// Warnings, in reading order.
    pub warnings: Vec<Warning>,
    /// Number of distinct triples read.
    pub triple_count: usize,
}

/// Reads DCAT-AP 3 and 2.x documents (Turtle, N-Triples, RDF/XML, JSON-LD) into the model.
///
/// Lossless by default: a value the model holds only in canonical form (an IRI where
/// DCAT-AP wants one, a date typed with its own datatype…) maps to its field; anything else
/// stays in the extras of its resource, with a [`Warning`], and writing the catalogue back
/// with [`crate::DcatWriter::with_implied_triples`]`(false)` gives the same graph.
/// [`DcatReader::with_repairs`] interprets such values instead.
///
/// ```
/// use fihris_dcat::{DcatReader, RdfFormat};
/// let turtle = r#"
///     @prefix dcat: <http://www.w3.org/ns/dcat#> .
///     @prefix dct: <http://purl.org/dc/terms/> .
///     <https://data.gov.ma/catalog> a dcat:Catalog ; dct:title "Portail"@fr ;
///         dcat:dataset <https://data.gov.ma/d/1> .
///     <https://data.gov.ma/d/1> a dcat:Dataset ; dct:title "Population"@fr ;
///         dct:accrualPeriodicity "annuel" .
/// "#;
/// let output = DcatReader::new(RdfFormat::Turtle).read_slice(turtle.as_bytes())?;
/// assert_eq!(output.catalog.datasets[0].title.get("fr"), Some("Population"));
/// assert_eq!(output.warnings.len(), 1); // the literal frequency, kept verbatim
///
/// let repaired = DcatReader::new(RdfFormat::Turtle)
///     .with_repairs(true)
///     .read_slice(turtle.as_bytes())?;
/// assert_eq!(
///     repaired.catalog.datasets[0].frequency(),
///     Some(fihris_vocab::Frequency::Annual)
/// );
/// # Ok::<(), fihris_dcat::ReadError>(())
/// ```
#[derive(Debug, Clone)]
pub struct DcatReader {
    format: RdfFormat,
    options: ParseOptions,
    repairs: bool,
    implied: bool,
}

impl DcatReader {
    /// A lossless reader of `format`, with the default limits (256 MiB of input, JSON
    /// nesting depth 64, literals of 8 MiB).
    #[must_use]
    pub fn new(format: RdfFormat) -> Self {
        Self {
            format,
            options: ParseOptions {
                base_iri: None,
                max_input_bytes: 256 * 1024 * 1024,
                max_depth: 64,
                max_literal_bytes: 8 * 1024 * 1024,
                contexts: Arc::new(Vec::new()),
            },
            repairs: false,
            implied: false,
        }
    }

    /// The base IRI relative IRIs of the document resolve against (checked when reading).
    #[must_use]
    pub fn with_base_iri(mut self, base_iri: impl Into<String>) -> Self {
        self.options.base_iri = Some(base_iri.into());
        self
    }

    /// Interpret non-canonical values (literal licences, languages, frequencies and formats,
    /// an `xsd:date` holding a date-time, `schema:startDate`, untyped agents…) into model
    /// fields, with a warning per repair. Default `false`: keep them verbatim in extras.
    #[must_use]
    pub fn with_repairs(mut self, repairs: bool) -> Self {
        self.repairs = repairs;
        self
    }

    /// Drop the triples a [`crate::DcatWriter`] adds on its own (vocabulary typings, the
    /// portal theme scheme…) instead of keeping them in extras. Default `false`.
    #[must_use]
    pub fn with_implied_triples(mut self, implied: bool) -> Self {
        self.implied = implied;
        self
    }

    /// Largest input accepted, in bytes.
    #[must_use]
    pub fn with_max_input_bytes(mut self, max: u64) -> Self {
        self.options.max_input_bytes = max;
        self
    }

    /// Deepest JSON nesting accepted in JSON-LD.
    #[must_use]
    pub fn with_max_depth(mut self, max: usize) -> Self {
        self.options.max_depth = max;
        self
    }

    /// Longest literal accepted, in bytes.
    #[must_use]
    pub fn with_max_literal_bytes(mut self, max: usize) -> Self {
        self.options.max_literal_bytes = max;
        self
    }

    /// Serves a JSON-LD context (or any remote document) from memory: remote documents are
    /// never fetched, so a document pointing at `url` needs it given here.
    #[must_use]
    pub fn with_jsonld_context(
        mut self,
        url: impl Into<String>,
        document: impl Into<Vec<u8>>,
    ) -> Self {
        Arc::make_mut(&mut self.options.contexts).push((url.into(), document.into()));
        self
    }

    /// Reads a document.
    ///
    /// # Errors
    ///
    /// I/O failure, a syntax error (with line and column), or an exceeded limit.
    pub fn read(&self, input: impl Read) -> Result<ReadOutput, ReadError> {
        let bytes = read_all(input, self.options.max_input_bytes)?;
        self.read_slice(&bytes)
    }

    /// Reads the file at `path`: [`DcatReader::read`] of the opened file, a large one read in
    /// two halves on two threads.
    ///
    /// ```
    /// use fihris_dcat::{DcatReader, RdfFormat};
    ///
    /// let path = std::env::temp_dir().join("fihris-dcat-read-file-example.ttl");
    /// std::fs::write(
    ///     &path,
    ///     r#"<https://data.gov.ma/d/ipc> a <http://www.w3.org/ns/dcat#Dataset> ;
    ///         <http://purl.org/dc/terms/title> "Indice des prix"@fr ."#,
    /// )?;
    /// let output = DcatReader::new(RdfFormat::Turtle).read_file(&path)?;
    /// assert_eq!(output.catalog.datasets.len(), 1);
    /// # std::fs::remove_file(&path)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// I/O failure, a syntax error (with line and column), or an exceeded limit.
    pub fn read_file(&self, path: impl AsRef<std::path::Path>) -> Result<ReadOutput, ReadError> {
        let bytes = crate::parse::read_file(path.as_ref(), self.options.max_input_bytes)?;
        self.read_slice(&bytes)
    }

    /// Reads a document held in memory.
    ///
    /// # Errors
    ///
    /// A syntax error (with line and column), or an exceeded limit.
    pub fn read_slice(&self, bytes: &[u8]) -> Result<ReadOutput, ReadError> {
        if bytes.len() as u64 > self.options.max_input_bytes {
            return Err(crate::parse::too_large(self.options.max_input_bytes));
        }
        // `parse` already removed duplicates and relabelled blank nodes.
        let store = TripleStore::default();
        let (triples, iris) = parse(bytes, self.format, &self.options, &store)?;
        Ok(build(&triples, self.settings(iris)))
    }

    /// Reads triples already parsed (an `oxrdf::Graph`, another parser's output). Blank
    /// node labels drawn at random by parsers are renamed deterministically.
    #[must_use]
    pub fn read_triples(&self, triples: impl IntoIterator<Item = oxrdf::Triple>) -> ReadOutput {
        self.read_triples_from(IriSource::Unchecked, triples)
    }

    fn settings(&self, iris: IriSource) -> Settings {
        Settings {
            iris,
            repairs: self.repairs,
            implied: self.implied,
            parallel_datasets_from: PARALLEL_DATASETS_FROM,
        }
    }

    /// [`DcatReader::read_triples`] of triples whose `source` says whether their IRIs are valid.
    pub(crate) fn read_triples_from(
        &self,
        source: IriSource,
        triples: impl IntoIterator<Item = oxrdf::Triple>,
    ) -> ReadOutput {
        let store = TripleStore::default();
        let triples = relabel(dedup(store.hold(triples.into_iter().collect())), &store);
        build(&triples, self.settings(source))
    }
}

/// Reads an `oxrdf::Graph` losslessly (graph order is not stable: triples are sorted first).
#[must_use]
pub fn read_graph(graph: &oxrdf::Graph) -> ReadOutput {
    let mut triples: Vec<oxrdf::Triple> = graph.iter().map(|t| t.into_owned()).collect();
    triples.sort_by_cached_key(|t| t.to_string());
    DcatReader::new(RdfFormat::NTriples).read_triples(triples)
}

fn subject_string(subject: &NamedOrBlankNode) -> String {
    match subject {
        NamedOrBlankNode::NamedNode(node) => node.as_str().to_owned(),
        NamedOrBlankNode::BlankNode(node) => format!("_:{}", node.as_str()),
    }
}

impl IriSource {
    fn iri(self, node: oxrdf::NamedNodeRef<'_>) -> Option<Iri> {
        match self {
            Self::Validated => Some(Iri::new_unchecked(node.as_str())),
            Self::Unchecked => Iri::new(node.as_str()).ok(),
        }
    }
}

fn to_node_id(iris: IriSource, subject: &NamedOrBlankNode) -> Option<NodeId> {
    match subject {
        NamedOrBlankNode::NamedNode(node) => iris.iri(*node).map(NodeId::Iri),
        NamedOrBlankNode::BlankNode(node) => BlankId::new(node.as_str()).ok().map(NodeId::Blank),
    }
}

fn object_node<'a>(object: &OxTerm<'a>) -> Option<NamedOrBlankNode<'a>> {
    match *object {
        OxTerm::NamedNode(node) => Some(node.into()),
        OxTerm::BlankNode(node) => Some(node.into()),
        OxTerm::Literal(_) => None,
    }
}

fn object_iri(iris: IriSource, object: &OxTerm) -> Option<Iri> {
    match object {
        OxTerm::NamedNode(node) => iris.iri(*node),
        _ => None,
    }
}

fn object_node_id(iris: IriSource, object: &OxTerm) -> Option<NodeId> {
    object_node(object)
        .as_ref()
        .and_then(|node| to_node_id(iris, node))
}

fn model_literal(iris: IriSource, literal: &oxrdf::LiteralRef<'_>) -> Option<Literal> {
    if let Some(language) = literal.language() {
        return Some(Literal::LanguageTagged {
            value: literal.value().to_owned(),
            language: LanguageTag::new(language).ok()?,
        });
    }
    if literal.datatype() == oxrdf::vocab::xsd::STRING {
        return Some(Literal::Simple(literal.value().to_owned()));
    }
    Some(Literal::Typed {
        value: literal.value().to_owned(),
        datatype: iris.iri(literal.datatype())?,
    })
}

fn model_term(iris: IriSource, object: &OxTerm) -> Option<Term> {
    match object {
        OxTerm::NamedNode(node) => iris.iri(*node).map(Term::Iri),
        OxTerm::BlankNode(node) => BlankId::new(node.as_str()).ok().map(Term::Blank),
        OxTerm::Literal(literal) => model_literal(iris, literal).map(Term::Literal),
    }
}

fn simple_literal<'a>(object: &OxTerm<'a>) -> Option<&'a str> {
    match object {
        OxTerm::Literal(literal)
            if literal.language().is_none() && literal.datatype() == oxrdf::vocab::xsd::STRING =>
        {
            Some(literal.value())
        }
        _ => None,
    }
}

fn typed_literal<'a>(object: &OxTerm<'a>, datatype: &str) -> Option<&'a str> {
    match object {
        OxTerm::Literal(literal)
            if literal.datatype().as_str() == datatype && literal.language().is_none() =>
        {
            Some(literal.value())
        }
        _ => None,
    }
}

/// The known term only when the IRI is its canonical one, so that writing gives it back.
fn exact_concept<T: Vocabulary>(iris: IriSource, object: &OxTerm) -> Option<Concept<T>> {
    let iri = object_iri(iris, object)?;
    Some(
        match T::ALL
            .iter()
            .copied()
            .find(|term| term.iri() == iri.as_str())
        {
            Some(term) => Concept::Known(term),
            None => Concept::Other(iri),
        },
    )
}

fn exact_term<T: Vocabulary>(object: &OxTerm) -> Option<T> {
    let OxTerm::NamedNode(node) = object else {
        return None;
    };
    T::ALL
        .iter()
        .copied()
        .find(|term| term.iri() == node.as_str())
}

fn exact_temporal(object: &OxTerm) -> Option<Temporal> {
    let OxTerm::Literal(literal) = object else {
        return None;
    };
    let kind = TemporalKind::from_datatype(literal.datatype().as_str())?;
    Temporal::new(kind, literal.value()).ok()
}

/// Whether `label` is the label a writer mints for this position: the value then has no
/// identifier of its own in the model.
fn own_id(
    iris: IriSource,
    object: &NamedOrBlankNode,
    parent: &NamedOrBlankNode,
    property: &str,
    index: usize,
) -> Option<NodeId> {
    if let NamedOrBlankNode::BlankNode(node) = object
        && node.as_str().as_bytes() == minted_label_bytes(*parent, property, index)
    {
        return None;
    }
    to_node_id(iris, object)
}

const MAIN_CLASSES: [&str; 6] = [
    dcat::CATALOG,
    dcat::DATASET,
    dcat::DATASET_SERIES,
    dcat::DISTRIBUTION,
    dcat::DATA_SERVICE,
    dcat::CATALOG_RECORD,
];

/// How triples are read into the model.
#[derive(Clone, Copy)]
struct Settings {
    iris: IriSource,
    repairs: bool,
    implied: bool,
    /// From how many datasets a catalogue's are built on two threads.
    parallel_datasets_from: usize,
}

fn build(triples: &[Triple], settings: Settings) -> ReadOutput {
    let index = SubjectIndex::new(triples);
    let builder = Builder::new(triples, &index, settings, FxHashMap::default());
    match builder.build() {
        (output, None) => output,
        // A type kept in the extras of a resource (a place) turned out to be implied by a
        // value met later (the same IRI as an access-rights concept): read again knowing it.
        (_, Some(implied_types)) => {
            Builder::new(triples, &index, settings, implied_types)
                .build()
                .0
        }
    }
}

/// The triples of each subject, in document order, and the catalogues, datasets,
/// distributions… (the subjects typed with one of [`MAIN_CLASSES`]), indexed in one pass.
struct SubjectIndex<'a> {
    /// Subject -> its number.
    subjects: FxHashMap<&'a NamedOrBlankNode<'a>, usize>,
    /// `starts[n]..starts[n + 1]` is the range of subject `n` in `order`.
    starts: Vec<usize>,
    /// Triple indices grouped by subject.
    order: Vec<usize>,
    /// The main classes of each subject, a bit per class.
    classes: Vec<u8>,
    /// The subjects of each main class, in order of their first typing.
    typed: [Vec<&'a NamedOrBlankNode<'a>>; MAIN_CLASSES.len()],
}

impl<'a> SubjectIndex<'a> {
    fn new(triples: &'a [Triple]) -> Self {
        let mut subjects: FxHashMap<&NamedOrBlankNode, usize> = FxHashMap::default();
        let mut numbers = Vec::with_capacity(triples.len());
        let mut counts: Vec<usize> = Vec::new();
        let mut classes: Vec<u8> = Vec::new();
        let mut typed: [Vec<&NamedOrBlankNode>; MAIN_CLASSES.len()] = Default::default();
        // Documents group the triples of a subject: comparing with the previous subject
        // (the same bytes, for fast-parsed Turtle) saves most hash lookups.
        let mut previous: Option<(&NamedOrBlankNode, usize)> = None;
        for triple in triples {
            let number = match previous {
                Some((subject, number)) if same_node(subject, &triple.subject) => number,
                _ => {
                    let next = subjects.len();
                    *subjects.entry(&triple.subject).or_insert(next)
                }
            };
            previous = Some((&triple.subject, number));
            if number == counts.len() {
                counts.push(0);
                classes.push(0);
            }
            counts[number] += 1;
            numbers.push(number);
            if triple.predicate.as_str() == rdf::TYPE
                && let OxTerm::NamedNode(class) = &triple.object
                && let Some(slot) = MAIN_CLASSES.iter().position(|main| *main == class.as_str())
                && classes[number] & (1 << slot) == 0
            {
                classes[number] |= 1 << slot;
                typed[slot].push(&triple.subject);
            }
        }
        let mut starts = Vec::with_capacity(counts.len() + 1);
        let mut total = 0;
        starts.push(0);
        for count in &counts {
            total += count;
            starts.push(total);
        }
        let mut next: Vec<usize> = starts[..counts.len()].to_vec();
        let mut order = vec![0; triples.len()];
        for (index, number) in numbers.into_iter().enumerate() {
            order[next[number]] = index;
            next[number] += 1;
        }
        Self {
            subjects,
            starts,
            order,
            classes,
            typed,
        }
    }

    fn number(&self, subject: &NamedOrBlankNode) -> Option<usize> {
        self.subjects.get(subject).copied()
    }

    /// The triples of subject `number`.
    fn triples_of(&self, number: usize) -> &[usize] {
        &self.order[self.starts[number]..self.starts[number + 1]]
    }
}

/// Where a node's label is, to know a node looked up again without hashing it.
type NodeAddress = (usize, usize, bool);

fn address(node: &NamedOrBlankNode) -> NodeAddress {
    match node {
        NamedOrBlankNode::NamedNode(node) => {
            (node.as_str().as_ptr().addr(), node.as_str().len(), false)
        }
        NamedOrBlankNode::BlankNode(node) => {
            (node.as_str().as_ptr().addr(), node.as_str().len(), true)
        }
    }
}

/// Whether two subjects are equal, first by address: triples parsed from the same
/// description share their subject's bytes.
fn same_node(a: &NamedOrBlankNode, b: &NamedOrBlankNode) -> bool {
    address(a) == address(b) || a == b
}

/// Which triples about a vocabulary term a writer adds (for the memo of implied triples).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum ImpliedKind {
    Labels,
    EuTheme,
    PortalTheme,
}

struct Builder<'a> {
    triples: &'a [Triple<'a>],
    by_subject: &'a SubjectIndex<'a>,
    /// Whether a triple was mapped, by index (`None`: never met).
    claimed: Vec<Option<bool>>,
    settings: Settings,
    warnings: Vec<Warning>,
    /// IRI -> the classes a writer types it with.
    implied_types: FxHashMap<String, Vec<&'static str>>,
    implied_triples: FxHashSet<oxrdf::Triple>,
    /// The vocabulary terms whose implied triples are already in `implied_triples`.
    implied_terms: FxHashSet<(&'static str, ImpliedKind)>,
    /// The last node looked up in `by_subject`, by address, and its number: a node is
    /// looked up several times in a row (its types, then its triples).
    last_lookup: Cell<Option<(NodeAddress, Option<usize>)>>,
    /// The implied types of a first reading: skipped by [`Builder::walk`].
    known_implied: FxHashMap<String, Vec<&'static str>>,
    /// Indices of `rdf:type` triples kept in the extras of a resource.
    kept_types: Vec<usize>,
}

/// From how many datasets a catalogue's are built on two threads.
const PARALLEL_DATASETS_FROM: usize = 1_000;

/// What a property handler did with a triple.
enum Outcome {
    Mapped,
    Kept,
}

impl<'a> Builder<'a> {
    fn new(
        triples: &'a [Triple],
        by_subject: &'a SubjectIndex<'a>,
        settings: Settings,
        known_implied: FxHashMap<String, Vec<&'static str>>,
    ) -> Self {
        Self {
            triples,
            by_subject,
            claimed: vec![None; triples.len()],
            settings,
            warnings: Vec::new(),
            implied_types: FxHashMap::default(),
            implied_triples: FxHashSet::default(),
            implied_terms: FxHashSet::default(),
            last_lookup: Cell::new(None),
            known_implied,
            kept_types: Vec::new(),
        }
    }

    /// `subject` borrows from the triples (`'a`): its address is then its identity.
    fn number(&self, subject: &NamedOrBlankNode<'a>) -> Option<usize> {
        let address = address(subject);
        if let Some((last, number)) = self.last_lookup.get()
            && last == address
        {
            return number;
        }
        let number = self.by_subject.number(subject);
        self.last_lookup.set(Some((address, number)));
        number
    }

    fn indices(&self, subject: &NamedOrBlankNode<'a>) -> &'a [usize] {
        match self.number(subject) {
            Some(number) => self.by_subject.triples_of(number),
            None => &[],
        }
    }

    /// Adds the triples a writer adds about a vocabulary term, once per term.
    fn imply(
        &mut self,
        iri: &'static str,
        kind: ImpliedKind,
        make: impl FnOnce() -> Vec<oxrdf::Triple>,
    ) {
        if self.settings.implied && self.implied_terms.insert((iri, kind)) {
            self.implied_triples.extend(make());
        }
    }

    fn types(&self, subject: &NamedOrBlankNode) -> Vec<&'a str> {
        let triples = self.triples;
        self.indices(subject)
            .iter()
            .map(|index| &triples[*index])
            .filter(|triple| triple.predicate.as_str() == rdf::TYPE)
            .filter_map(|triple| match &triple.object {
                OxTerm::NamedNode(class) => Some(class.as_str()),
                _ => None,
            })
            .collect()
    }

    fn has(&self, subject: &NamedOrBlankNode, class: &str) -> bool {
        let triples = self.triples;
        self.indices(subject).iter().any(|index| {
            let triple = &triples[*index];
            triple.predicate.as_str() == rdf::TYPE
                && matches!(&triple.object, OxTerm::NamedNode(c) if c.as_str() == class)
        })
    }

    fn warn(
        &mut self,
        subject: &NamedOrBlankNode,
        property: Option<&str>,
        message: impl Into<String>,
        repaired: bool,
    ) {
        self.warnings.push(Warning {
            record: subject_string(subject),
            property: property.map(str::to_owned),
            message: message.into(),
            repaired,
        });
    }

    /// `index`: the position of `triple` in the input, when known.
    fn keep(&mut self, extras: &mut Extras, triple: &Triple, index: Option<usize>) {
        match (
            self.settings.iris.iri(triple.predicate),
            model_term(self.settings.iris, &triple.object),
        ) {
            (Some(predicate), Some(object)) => {
                extras.statements.push(Statement::new(predicate, object))
            }
            _ => {
                // Not representable in the model: left for the catalogue's extra triples.
                if let Some(index) = index.or_else(|| self.triples.iter().position(|t| t == triple))
                {
                    self.claimed[index] = Some(false);
                }
            }
        }
    }

    fn note_type(&mut self, iri: &str, class: &'static str) {
        if self.settings.implied {
            match self.implied_types.get_mut(iri) {
                Some(classes) => {
                    if !classes.contains(&class) {
                        classes.push(class);
                    }
                }
                None => {
                    self.implied_types.insert(iri.to_owned(), vec![class]);
                }
            }
        }
    }

    /// Walks the triples of `subject`: `handle` maps what it can; the rest goes to `extras`.
    /// The first `rdf:type` equal to `class` is the entity's own type; `implied_class` is
    /// the type a writer adds with implied triples.
    fn walk(
        &mut self,
        subject: &NamedOrBlankNode,
        class: Option<&str>,
        implied_class: Option<&str>,
        extras: &mut Extras,
        mut handle: impl FnMut(&mut Self, &Triple<'a>) -> Outcome,
    ) {
        let triples = self.triples;
        let mut own_type_seen = false;
        for &index in self.indices(subject) {
            self.claimed[index] = Some(true);
            let triple = &triples[index];
            if triple.predicate.as_str() == rdf::TYPE
                && let OxTerm::NamedNode(type_iri) = &triple.object
            {
                if !own_type_seen && class == Some(type_iri.as_str()) {
                    own_type_seen = true;
                    continue;
                }
                if self.settings.implied
                    && (implied_class == Some(type_iri.as_str())
                        || is_implied(&self.known_implied, subject, type_iri.as_str()))
                {
                    continue;
                }
            }
            if let Outcome::Kept = handle(self, triple) {
                if self.settings.implied && triple.predicate.as_str() == rdf::TYPE {
                    self.kept_types.push(index);
                }
                self.keep(extras, triple, Some(index));
            }
        }
        group_by_predicate(&mut extras.statements);
    }

    // ---- values -------------------------------------------------------------------------

    fn text(&mut self, text: &mut Text, triple: &Triple) -> Outcome {
        let OxTerm::Literal(literal) = &triple.object else {
            return Outcome::Kept;
        };
        let tag = match literal.language() {
            Some(language) => match LanguageTag::new(language) {
                Ok(tag) => Some(tag),
                Err(_) => return Outcome::Kept,
            },
            None if literal.datatype() == oxrdf::vocab::xsd::STRING => None,
            None => return Outcome::Kept,
        };
        if text
            .get(tag.as_ref().map_or("", LanguageTag::as_str))
            .is_some()
        {
            return Outcome::Kept;
        }
        text.insert(tag, literal.value());
        Outcome::Mapped
    }

    fn date(&mut self, slot: &mut Option<Temporal>, triple: &Triple) -> Outcome {
        if slot.is_some() {
            return Outcome::Kept;
        }
        if let Some(value) = exact_temporal(&triple.object) {
            *slot = Some(value);
            return Outcome::Mapped;
        }
        let OxTerm::Literal(literal) = &triple.object else {
            return Outcome::Kept;
        };
        let lexical = literal.value().trim();
        let parsed = Temporal::parse(lexical).ok();
        if self.settings.repairs
            && let Some(value) = parsed
        {
            self.warn(
                &triple.subject,
                Some(triple.predicate.as_str()),
                format!(
                    "date {:?} read as {}",
                    literal.to_string(),
                    value.kind().datatype()
                ),
                true,
            );
            *slot = Some(value);
            return Outcome::Mapped;
        }
        self.warn(
            &triple.subject,
            Some(triple.predicate.as_str()),
            format!("date {literal} is not a well-typed xsd date: kept as is"),
            false,
        );
        Outcome::Kept
    }

    fn iri_into(&mut self, list: &mut Vec<Iri>, triple: &Triple) -> Outcome {
        if let Some(iri) = object_iri(self.settings.iris, &triple.object) {
            list.push(iri);
            return Outcome::Mapped;
        }
        if let Some(value) = simple_literal(&triple.object) {
            if self.settings.repairs
                && let Ok(iri) = Iri::new(value.trim())
            {
                self.warn(
                    &triple.subject,
                    Some(triple.predicate.as_str()),
                    format!("literal {value:?} read as an IRI"),
                    true,
                );
                list.push(iri);
                return Outcome::Mapped;
            }
            self.warn(
                &triple.subject,
                Some(triple.predicate.as_str()),
                format!("literal {value:?} where an IRI is expected: kept as is"),
                false,
            );
        }
        Outcome::Kept
    }

    fn iri_slot(&mut self, slot: &mut Option<Iri>, triple: &Triple) -> Outcome {
        if slot.is_some() {
            return Outcome::Kept;
        }
        let mut list = Vec::new();
        let outcome = self.iri_into(&mut list, triple);
        *slot = list.pop();
        outcome
    }

    fn pages(&mut self, list: &mut Vec<Iri>, triple: &Triple) -> Outcome {
        let outcome = self.iri_into(list, triple);
        if let (Outcome::Mapped, Some(page)) = (&outcome, list.last()) {
            let page = page.as_str().to_owned();
            self.note_type(&page, foaf::DOCUMENT);
        }
        outcome
    }

    fn nodes(iris: IriSource, list: &mut Vec<NodeId>, triple: &Triple) -> Outcome {
        match object_node_id(iris, &triple.object) {
            Some(id) => {
                list.push(id);
                Outcome::Mapped
            }
            None => Outcome::Kept,
        }
    }

    fn concept<T: Vocabulary>(
        &mut self,
        triple: &Triple,
        class: Option<&'static str>,
        repair: impl Fn(&str) -> Option<T>,
    ) -> Option<Concept<T>> {
        if let Some(concept) = exact_concept::<T>(self.settings.iris, &triple.object) {
            if let Some(class) = class {
                self.note_type(concept.iri(), class);
                if self.settings.implied
                    && class == skos::CONCEPT
                    && let Concept::Known(term) = &concept
                {
                    let term = *term;
                    self.imply(term.iri(), ImpliedKind::Labels, || concept_labels(term));
                }
            }
            return Some(concept);
        }
        let value = match &triple.object {
            OxTerm::Literal(literal) => literal.value().trim().to_owned(),
            _ => return None,
        };
        let found = repair(&value).or_else(|| T::from_iri(&value));
        match found {
            Some(term) if self.settings.repairs => {
                self.warn(
                    &triple.subject,
                    Some(triple.predicate.as_str()),
                    format!("literal {value:?} read as <{}>", term.iri()),
                    true,
                );
                Some(Concept::Known(term))
            }
            _ => {
                self.warn(
                    &triple.subject,
                    Some(triple.predicate.as_str()),
                    format!("literal {value:?} where a vocabulary IRI is expected: kept as is"),
                    false,
                );
                None
            }
        }
    }

    fn concept_slot<T: Vocabulary>(
        &mut self,
        slot: &mut Option<Concept<T>>,
        triple: &Triple,
        class: Option<&'static str>,
        repair: impl Fn(&str) -> Option<T>,
    ) -> Outcome {
        if slot.is_some() {
            return Outcome::Kept;
        }
        match self.concept(triple, class, repair) {
            Some(concept) => {
                *slot = Some(concept);
                Outcome::Mapped
            }
            None => Outcome::Kept,
        }
    }

    fn languages(&mut self, list: &mut Vec<Concept<Language>>, triple: &Triple) -> Outcome {
        match self.concept(triple, Some(dct::LINGUISTIC_SYSTEM), Language::from_bcp47) {
            Some(concept) => {
                list.push(concept);
                Outcome::Mapped
            }
            None => Outcome::Kept,
        }
    }

    fn keyword(list: &mut Vec<Keyword>, triple: &Triple) -> Outcome {
        let OxTerm::Literal(literal) = &triple.object else {
            return Outcome::Kept;
        };
        if literal.language().is_none() && literal.datatype() != oxrdf::vocab::xsd::STRING {
            return Outcome::Kept;
        }
        match Keyword::new(literal.language().unwrap_or_default(), literal.value()) {
            Ok(keyword) => {
                list.push(keyword);
                Outcome::Mapped
            }
            Err(_) => Outcome::Kept,
        }
    }

    fn plain(slot: &mut Option<String>, triple: &Triple) -> Outcome {
        match simple_literal(&triple.object) {
            Some(value) if slot.is_none() => {
                *slot = Some(value.to_owned());
                Outcome::Mapped
            }
            _ => Outcome::Kept,
        }
    }

    fn typed(slot: &mut Option<String>, triple: &Triple, datatype: &str) -> Outcome {
        match typed_literal(&triple.object, datatype) {
            Some(value) if slot.is_none() => {
                *slot = Some(value.to_owned());
                Outcome::Mapped
            }
            _ => Outcome::Kept,
        }
    }

    // ---- owned resources ------------------------------------------------------------------

    /// Whether the node's description belongs to another entity (a dataset, a catalogue…).
    fn is_main(&self, node: &NamedOrBlankNode) -> bool {
        self.number(node)
            .is_some_and(|number| self.by_subject.classes[number] != 0)
    }

    fn agent(&mut self, triple: &Triple, index: usize) -> Option<Agent> {
        let node = object_node(&triple.object)?;
        let types = self.types(&node);
        let kind = if types.contains(&foaf::ORGANIZATION) {
            Some(AgentKind::Organization)
        } else if types.contains(&foaf::PERSON) {
            Some(AgentKind::Person)
        } else if types.contains(&foaf::AGENT) {
            Some(AgentKind::Agent)
        } else {
            None
        };
        let kind = match kind {
            Some(kind) => kind,
            None if self.settings.repairs => {
                self.warn(
                    &triple.subject,
                    Some(triple.predicate.as_str()),
                    format!("agent {node} has no FOAF class: typed foaf:Organization"),
                    true,
                );
                AgentKind::Organization
            }
            None => {
                self.warn(
                    &triple.subject,
                    Some(triple.predicate.as_str()),
                    format!("agent {node} has no FOAF class: kept as is"),
                    false,
                );
                return None;
            }
        };
        if self.is_main(&node) {
            return None;
        }
        let mut agent = Agent::new(Text::untagged("-")).ok()?;
        agent.name = Text::new();
        agent.kind = kind;
        agent.id = own_id(
            self.settings.iris,
            &node,
            &triple.subject,
            triple.predicate.as_str(),
            index,
        );
        agent.producer = match &node {
            NamedOrBlankNode::NamedNode(iri) => Producer::from_iri(iri.as_str()),
            NamedOrBlankNode::BlankNode(_) => None,
        };
        let class = match kind {
            AgentKind::Person => foaf::PERSON,
            AgentKind::Agent => foaf::AGENT,
            _ => foaf::ORGANIZATION,
        };
        let implied = (class != foaf::AGENT).then_some(foaf::AGENT);
        let mut extra = Extras::default();
        self.walk(&node, Some(class), implied, &mut extra, |this, t| {
            match t.predicate.as_str() {
                foaf::NAME => this.text(&mut agent.name, t),
                dct::TYPE => this.iri_slot(&mut agent.agent_type, t),
                foaf::HOMEPAGE => {
                    let mut pages = Vec::new();
                    if agent.homepage.is_some() {
                        return Outcome::Kept;
                    }
                    let outcome = this.pages(&mut pages, t);
                    agent.homepage = pages.pop();
                    outcome
                }
                foaf::MBOX => this.mailbox(&mut agent.email, t),
                dct::IDENTIFIER => Self::plain(&mut agent.identifier, t),
                _ => Outcome::Kept,
            }
        });
        agent.extra = extra;
        Some(agent)
    }

    fn mailbox(&mut self, slot: &mut Option<String>, triple: &Triple) -> Outcome {
        if slot.is_some() {
            return Outcome::Kept;
        }
        match &triple.object {
            OxTerm::NamedNode(node) => match node.as_str().strip_prefix("mailto:") {
                Some(email) if !email.is_empty() => {
                    *slot = Some(email.to_owned());
                    Outcome::Mapped
                }
                _ => Outcome::Kept,
            },
            OxTerm::Literal(literal) if self.settings.repairs && literal.value().contains('@') => {
                let email = literal.value().trim();
                let email = email.strip_prefix("mailto:").unwrap_or(email).to_owned();
                self.warn(
                    &triple.subject,
                    Some(triple.predicate.as_str()),
                    format!("literal e-mail {email:?} read as <mailto:{email}>"),
                    true,
                );
                *slot = Some(email);
                Outcome::Mapped
            }
            _ => Outcome::Kept,
        }
    }

    fn agent_slot(&mut self, slot: &mut Option<Agent>, triple: &Triple) -> Outcome {
        if slot.is_some() {
            return Outcome::Kept;
        }
        match self.agent(triple, 0) {
            Some(agent) => {
                *slot = Some(agent);
                Outcome::Mapped
            }
            None => Outcome::Kept,
        }
    }

    fn agents(&mut self, list: &mut Vec<Agent>, triple: &Triple) -> Outcome {
        match self.agent(triple, list.len()) {
            Some(agent) => {
                list.push(agent);
                Outcome::Mapped
            }
            None => Outcome::Kept,
        }
    }

    fn contact(&mut self, list: &mut Vec<ContactPoint>, triple: &Triple) -> Outcome {
        let Some(node) = object_node(&triple.object) else {
            return Outcome::Kept;
        };
        let types = self.types(&node);
        // The subclasses first: a writer adds `vcard:Kind` to them.
        let found = [
            (vcard::ORGANIZATION, ContactKind::Organization),
            (vcard::INDIVIDUAL, ContactKind::Individual),
            ("http://www.w3.org/2006/vcard/ns#Group", ContactKind::Group),
            (vcard::KIND, ContactKind::Kind),
        ]
        .into_iter()
        .find(|(class, _)| types.contains(class));
        let (class, kind) = match found {
            Some(found) => found,
            None if self.settings.repairs => {
                self.warn(
                    &triple.subject,
                    Some(dcat::CONTACT_POINT),
                    format!("contact {node} has no vCard class: typed vcard:Kind"),
                    true,
                );
                (vcard::KIND, ContactKind::Kind)
            }
            None => {
                self.warn(
                    &triple.subject,
                    Some(dcat::CONTACT_POINT),
                    format!("contact {node} has no vCard class: kept as is"),
                    false,
                );
                return Outcome::Kept;
            }
        };
        if self.is_main(&node) {
            return Outcome::Kept;
        }
        let mut contact = ContactPoint::new();
        contact.kind = kind;
        contact.id = own_id(
            self.settings.iris,
            &node,
            &triple.subject,
            dcat::CONTACT_POINT,
            list.len(),
        );
        let mut extra = Extras::default();
        let implied_class = (class != vcard::KIND).then_some(vcard::KIND);
        self.walk(
            &node,
            Some(class),
            implied_class,
            &mut extra,
            |this, t| match t.predicate.as_str() {
                vcard::FN => this.text(&mut contact.name, t),
                vcard::HAS_EMAIL => this.mailbox(&mut contact.email, t),
                vcard::HAS_TELEPHONE if contact.telephone.is_none() => match &t.object {
                    OxTerm::NamedNode(iri) if iri.as_str().starts_with("tel:") => {
                        contact.telephone = Some(iri.as_str().to_owned());
                        Outcome::Mapped
                    }
                    _ => match simple_literal(&t.object) {
                        Some(value) if !value.starts_with("tel:") => {
                            contact.telephone = Some(value.to_owned());
                            Outcome::Mapped
                        }
                        _ => Outcome::Kept,
                    },
                },
                vcard::HAS_URL => this.iri_slot(&mut contact.url, t),
                vcard::ORGANIZATION_NAME => this.text(&mut contact.organization_name, t),
                _ => Outcome::Kept,
            },
        );
        contact.extra = extra;
        list.push(contact);
        Outcome::Mapped
    }

    fn licence(&mut self, slot: &mut Option<LicenseDocument>, triple: &Triple) -> Outcome {
        if slot.is_some() {
            return Outcome::Kept;
        }
        let node = match object_node(&triple.object) {
            Some(node) => node,
            None => {
                let value = simple_literal(&triple.object)
                    .map(str::trim)
                    .unwrap_or_default();
                let repaired = Licence::from_ckan_id(value)
                    .map(|licence| licence.iri().to_owned())
                    .or_else(|| Iri::new(value).ok().map(Iri::into_string));
                match repaired {
                    Some(iri) if self.settings.repairs => {
                        self.warn(
                            &triple.subject,
                            Some(dct::LICENSE),
                            format!("literal licence {value:?} read as <{iri}>"),
                            true,
                        );
                        *slot = Some(LicenseDocument::new(NodeId::Iri(Iri::new_unchecked(iri))));
                        return Outcome::Mapped;
                    }
                    _ => {
                        self.warn(
                            &triple.subject,
                            Some(dct::LICENSE),
                            format!("literal licence {value:?}: kept as is"),
                            false,
                        );
                        return Outcome::Kept;
                    }
                }
            }
        };
        let Some(id) = to_node_id(self.settings.iris, &node) else {
            return Outcome::Kept;
        };
        let mut licence = LicenseDocument::new(id);
        if !self.is_main(&node) {
            let mut extra = Extras::default();
            self.walk(
                &node,
                None,
                Some(dct::LICENSE_DOCUMENT),
                &mut extra,
                |this, t| match t.predicate.as_str() {
                    rdfs::LABEL => this.text(&mut licence.label, t),
                    dct::TYPE => this.iri_slot(&mut licence.licence_type, t),
                    _ => Outcome::Kept,
                },
            );
            licence.extra = extra;
        }
        *slot = Some(licence);
        Outcome::Mapped
    }

    fn labelled(
        &mut self,
        list: &mut Vec<LabelledResource>,
        triple: &Triple,
        class: &'static str,
    ) -> Outcome {
        let Some(node) = object_node(&triple.object) else {
            if self.settings.repairs
                && let OxTerm::Literal(_) = &triple.object
            {
                let mut label = Text::new();
                if let Outcome::Mapped = self.text(&mut label, triple) {
                    self.warn(
                        &triple.subject,
                        Some(triple.predicate.as_str()),
                        "literal read as the label of a resource",
                        true,
                    );
                    list.push(LabelledResource::labelled(label));
                    return Outcome::Mapped;
                }
            }
            return Outcome::Kept;
        };
        let mut resource = LabelledResource::default();
        resource.id = own_id(
            self.settings.iris,
            &node,
            &triple.subject,
            triple.predicate.as_str(),
            list.len(),
        );
        if !self.is_main(&node) {
            let mut extra = Extras::default();
            self.walk(&node, None, Some(class), &mut extra, |this, t| {
                match t.predicate.as_str() {
                    rdfs::LABEL => this.text(&mut resource.label, t),
                    _ => Outcome::Kept,
                }
            });
            resource.extra = extra;
        }
        list.push(resource);
        Outcome::Mapped
    }

    fn labelled_slot(
        &mut self,
        slot: &mut Option<LabelledResource>,
        triple: &Triple,
        class: &'static str,
    ) -> Outcome {
        if slot.is_some() {
            return Outcome::Kept;
        }
        let mut list = Vec::new();
        let outcome = self.labelled(&mut list, triple, class);
        *slot = list.pop();
        outcome
    }

    fn period(&mut self, list: &mut Vec<PeriodOfTime>, triple: &Triple) -> Outcome {
        let Some(node) = object_node(&triple.object) else {
            return Outcome::Kept;
        };
        if self.is_main(&node) {
            return Outcome::Kept;
        }
        let Ok(mut period) = PeriodOfTime::new(Temporal::parse("2000").ok(), None) else {
            return Outcome::Kept;
        };
        period.start = None;
        period.id = own_id(
            self.settings.iris,
            &node,
            &triple.subject,
            dct::TEMPORAL,
            list.len(),
        );
        let mut extra = Extras::default();
        let repairs = self.settings.repairs;
        self.walk(
            &node,
            None,
            Some(dct::PERIOD_OF_TIME),
            &mut extra,
            |this, t| match t.predicate.as_str() {
                dcat::START_DATE => this.date(&mut period.start, t),
                dcat::END_DATE => this.date(&mut period.end, t),
                schema::START_DATE if repairs && period.start.is_none() => {
                    let outcome = this.date(&mut period.start, t);
                    if let Outcome::Mapped = outcome {
                        this.warn(
                            &t.subject,
                            Some(schema::START_DATE),
                            "schema:startDate read as dcat:startDate",
                            true,
                        );
                    }
                    outcome
                }
                schema::END_DATE if repairs && period.end.is_none() => {
                    let outcome = this.date(&mut period.end, t);
                    if let Outcome::Mapped = outcome {
                        this.warn(
                            &t.subject,
                            Some(schema::END_DATE),
                            "schema:endDate read as dcat:endDate",
                            true,
                        );
                    }
                    outcome
                }
                _ => Outcome::Kept,
            },
        );
        period.extra = extra;
        list.push(period);
        Outcome::Mapped
    }

    fn location(&mut self, list: &mut Vec<Location>, triple: &Triple) -> Outcome {
        let Some(node) = object_node(&triple.object) else {
            return Outcome::Kept;
        };
        let Some(id) = to_node_id(self.settings.iris, &node) else {
            return Outcome::Kept;
        };
        let mut location = Location::identified(id);
        location.id = own_id(
            self.settings.iris,
            &node,
            &triple.subject,
            dct::SPATIAL,
            list.len(),
        );
        if !self.is_main(&node) {
            let mut extra = Extras::default();
            let iris = self.settings.iris;
            let literal_slot =
                |slot: &mut Option<Literal>, t: &Triple| match (&t.object, slot.is_none()) {
                    (OxTerm::Literal(literal), true) => match model_literal(iris, literal) {
                        Some(value) => {
                            *slot = Some(value);
                            Outcome::Mapped
                        }
                        None => Outcome::Kept,
                    },
                    _ => Outcome::Kept,
                };
            self.walk(
                &node,
                None,
                Some(dct::LOCATION),
                &mut extra,
                |this, t| match t.predicate.as_str() {
                    skos::PREF_LABEL => this.text(&mut location.name, t),
                    locn::GEOMETRY_PROP => literal_slot(&mut location.geometry, t),
                    dcat::BBOX => literal_slot(&mut location.bbox, t),
                    dcat::CENTROID => literal_slot(&mut location.centroid, t),
                    _ => Outcome::Kept,
                },
            );
            location.extra = extra;
        }
        list.push(location);
        Outcome::Mapped
    }

    fn checksum(&mut self, slot: &mut Option<Checksum>, triple: &Triple) -> Outcome {
        let Some(node) = object_node(&triple.object) else {
            return Outcome::Kept;
        };
        if slot.is_some() || self.is_main(&node) {
            return Outcome::Kept;
        }
        // The model holds no extras on a checksum: only an exact one maps.
        let triples = self.triples;
        let mut algorithm = None;
        let mut value = None;
        let indices = self.indices(&node);
        for index in indices {
            let t = &triples[*index];
            match t.predicate.as_str() {
                spdx::ALGORITHM if algorithm.is_none() => {
                    algorithm = object_iri(self.settings.iris, &t.object)
                }
                spdx::CHECKSUM_VALUE if value.is_none() => {
                    value = typed_literal(&t.object, xsd::HEX_BINARY).map(str::to_owned);
                }
                rdf::TYPE
                    if self.settings.implied
                        && t.object
                            == OxTerm::from(oxrdf::NamedNodeRef::new_unchecked(spdx::CHECKSUM)) => {
                }
                _ => return Outcome::Kept,
            }
        }
        let (Some(algorithm), Some(value)) = (algorithm, value) else {
            return Outcome::Kept;
        };
        if indices.len() > 2 + usize::from(self.settings.implied && self.has(&node, spdx::CHECKSUM))
        {
            return Outcome::Kept;
        }
        self.note_type(algorithm.as_str(), spdx::CHECKSUM_ALGORITHM);
        let Ok(mut checksum) = Checksum::new(algorithm, value) else {
            return Outcome::Kept;
        };
        checksum.id = own_id(
            self.settings.iris,
            &node,
            &triple.subject,
            spdx::CHECKSUM_PROP,
            0,
        );
        for &index in indices {
            self.claimed[index] = Some(true);
        }
        *slot = Some(checksum);
        Outcome::Mapped
    }

    fn identifier(&mut self, list: &mut Vec<Identifier>, triple: &Triple) -> Outcome {
        let Some(node) = object_node(&triple.object) else {
            return Outcome::Kept;
        };
        if self.is_main(&node) {
            return Outcome::Kept;
        }
        let triples = self.triples;
        let notation = self
            .indices(&node)
            .iter()
            .map(|index| &triples[*index])
            .find(|t| t.predicate.as_str() == skos::NOTATION)
            .and_then(|t| match &t.object {
                OxTerm::Literal(literal) => model_literal(self.settings.iris, literal),
                _ => None,
            });
        let Some(Ok(mut identifier)) = notation.map(Identifier::new) else {
            return Outcome::Kept;
        };
        identifier.id = own_id(
            self.settings.iris,
            &node,
            &triple.subject,
            adms::IDENTIFIER_PROP,
            list.len(),
        );
        let mut extra = Extras::default();
        let mut notation_seen = false;
        self.walk(
            &node,
            None,
            Some(adms::IDENTIFIER),
            &mut extra,
            |_, t| match t.predicate.as_str() {
                skos::NOTATION if !notation_seen => {
                    notation_seen = true;
                    Outcome::Mapped
                }
                adms::SCHEMA_AGENCY => Self::plain(&mut identifier.scheme_agency, t),
                _ => Outcome::Kept,
            },
        );
        identifier.extra = extra;
        list.push(identifier);
        Outcome::Mapped
    }

    fn relationship(&mut self, list: &mut Vec<Relationship>, triple: &Triple) -> Outcome {
        let Some(node) = object_node(&triple.object) else {
            return Outcome::Kept;
        };
        if self.is_main(&node) {
            return Outcome::Kept;
        }
        let triples = self.triples;
        let indices = self.indices(&node);
        let relation = indices
            .iter()
            .map(|i| &triples[*i])
            .find(|t| t.predicate.as_str() == dct::RELATION)
            .and_then(|t| object_node_id(self.settings.iris, &t.object));
        let role = indices
            .iter()
            .map(|i| &triples[*i])
            .find(|t| t.predicate.as_str() == dcat::HAD_ROLE)
            .and_then(|t| object_iri(self.settings.iris, &t.object));
        let (Some(relation), Some(role)) = (relation, role) else {
            return Outcome::Kept;
        };
        let mut relationship = Relationship::new(relation, role);
        relationship.id = own_id(
            self.settings.iris,
            &node,
            &triple.subject,
            dcat::QUALIFIED_RELATION,
            list.len(),
        );
        let (mut relation_seen, mut role_seen) = (false, false);
        let mut extra = Extras::default();
        let iris = self.settings.iris;
        self.walk(
            &node,
            None,
            Some(dcat::RELATIONSHIP),
            &mut extra,
            |_, t| match t.predicate.as_str() {
                dct::RELATION if !relation_seen && object_node_id(iris, &t.object).is_some() => {
                    relation_seen = true;
                    Outcome::Mapped
                }
                dcat::HAD_ROLE if !role_seen && object_iri(iris, &t.object).is_some() => {
                    role_seen = true;
                    Outcome::Mapped
                }
                _ => Outcome::Kept,
            },
        );
        relationship.extra = extra;
        list.push(relationship);
        Outcome::Mapped
    }

    // ---- main entities --------------------------------------------------------------------

    fn distribution(&mut self, triple: &Triple) -> Option<Distribution> {
        let node = object_node(&triple.object)?;
        if !self.has(&node, dcat::DISTRIBUTION) {
            if !self.settings.repairs {
                self.warn(
                    &triple.subject,
                    Some(dcat::DISTRIBUTION_PROP),
                    format!("distribution {node} is not typed dcat:Distribution: kept as is"),
                    false,
                );
                return None;
            }
            self.warn(
                &triple.subject,
                Some(dcat::DISTRIBUTION_PROP),
                format!("distribution {node} typed dcat:Distribution"),
                true,
            );
        }
        let id = to_node_id(self.settings.iris, &node)?;
        let mut d = Distribution::new(id, Iri::new_unchecked("urn:x"));
        d.access_urls.clear();
        let mut extra = Extras::default();
        let iris = self.settings.iris;
        self.walk(
            &node,
            Some(dcat::DISTRIBUTION),
            None,
            &mut extra,
            |this, t| match t.predicate.as_str() {
                dcat::ACCESS_URL => this.iri_into(&mut d.access_urls, t),
                dcat::DOWNLOAD_URL => this.iri_into(&mut d.download_urls, t),
                dct::TITLE => this.text(&mut d.title, t),
                dct::DESCRIPTION => this.text(&mut d.description, t),
                dct::FORMAT => this.concept_slot(
                    &mut d.format,
                    t,
                    Some(dct::MEDIA_TYPE_OR_EXTENT),
                    FileType::from_label,
                ),
                dcat::MEDIA_TYPE => this.media(&mut d.media_type, t),
                dcat::COMPRESS_FORMAT => this.media(&mut d.compress_format, t),
                dcat::PACKAGE_FORMAT => this.media(&mut d.package_format, t),
                dct::LICENSE => this.licence(&mut d.licence, t),
                dct::RIGHTS => this.labelled_slot(&mut d.rights, t, dct::RIGHTS_STATEMENT),
                dcat::BYTE_SIZE => this.byte_size(&mut d.byte_size, t),
                spdx::CHECKSUM_PROP => this.checksum(&mut d.checksum, t),
                dct::ISSUED => this.date(&mut d.issued, t),
                dct::MODIFIED => this.date(&mut d.modified, t),
                dct::LANGUAGE => this.languages(&mut d.languages, t),
                adms::STATUS => this.concept_slot(&mut d.status, t, Some(skos::CONCEPT), |_| None),
                dcatap::AVAILABILITY => {
                    this.concept_slot(&mut d.availability, t, Some(skos::CONCEPT), |_| None)
                }
                dcat::ACCESS_SERVICE => Self::nodes(iris, &mut d.access_services, t),
                dct::CONFORMS_TO => this.labelled(&mut d.conforms_to, t, dct::STANDARD),
                foaf::PAGE => this.pages(&mut d.documentation, t),
                dcat::SPATIAL_RESOLUTION_IN_METERS => {
                    Self::typed(&mut d.spatial_resolution_m, t, xsd::DECIMAL)
                }
                dcat::TEMPORAL_RESOLUTION => {
                    Self::typed(&mut d.temporal_resolution, t, xsd::DURATION)
                }
                dcatap::APPLICABLE_LEGISLATION => this.iri_into(&mut d.applicable_legislation, t),
                _ => Outcome::Kept,
            },
        );
        d.extra = extra;
        Some(d)
    }

    fn media(&mut self, slot: &mut Option<Iri>, triple: &Triple) -> Outcome {
        if slot.is_some() {
            return Outcome::Kept;
        }
        match object_iri(self.settings.iris, &triple.object) {
            Some(iri) => {
                self.note_type(iri.as_str(), dct::MEDIA_TYPE);
                *slot = Some(iri);
                Outcome::Mapped
            }
            None => {
                if let Some(value) = simple_literal(&triple.object) {
                    let iri = format!(
                        "http://www.iana.org/assignments/media-types/{}",
                        value.trim()
                    );
                    if self.settings.repairs
                        && value.contains('/')
                        && let Ok(iri) = Iri::new(iri)
                    {
                        self.warn(
                            &triple.subject,
                            Some(triple.predicate.as_str()),
                            format!("media type {value:?} read as <{iri}>"),
                            true,
                        );
                        *slot = Some(iri);
                        return Outcome::Mapped;
                    }
                    self.warn(
                        &triple.subject,
                        Some(triple.predicate.as_str()),
                        format!("literal media type {value:?}: kept as is"),
                        false,
                    );
                }
                Outcome::Kept
            }
        }
    }

    fn byte_size(&mut self, slot: &mut Option<u64>, triple: &Triple) -> Outcome {
        if slot.is_some() {
            return Outcome::Kept;
        }
        let OxTerm::Literal(literal) = &triple.object else {
            return Outcome::Kept;
        };
        let value = literal.value();
        if literal.datatype().as_str() == xsd::NON_NEGATIVE_INTEGER
            && let Ok(size) = value.parse::<u64>()
            && size.to_string() == value
        {
            *slot = Some(size);
            return Outcome::Mapped;
        }
        let repaired = value.trim().parse::<u64>().ok().or_else(|| {
            value
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.fract() == 0.0 && *v >= 0.0 && *v < 1.8e19)
                .map(|v| v as u64)
        });
        match repaired {
            Some(size) if self.settings.repairs => {
                self.warn(
                    &triple.subject,
                    Some(dcat::BYTE_SIZE),
                    format!("byte size {literal} read as {size}"),
                    true,
                );
                *slot = Some(size);
                Outcome::Mapped
            }
            _ => {
                self.warn(
                    &triple.subject,
                    Some(dcat::BYTE_SIZE),
                    format!("byte size {literal} is not an xsd:nonNegativeInteger: kept as is"),
                    false,
                );
                Outcome::Kept
            }
        }
    }

    fn theme(
        &mut self,
        themes: &mut Vec<Concept<EuTheme>>,
        portal: &mut Vec<PortalTheme>,
        triple: &Triple,
    ) -> Outcome {
        if let Some(theme) = exact_term::<PortalTheme>(&triple.object) {
            portal.push(theme);
            self.imply(theme.iri(), ImpliedKind::PortalTheme, || {
                portal_theme_triples(theme)
            });
            return Outcome::Mapped;
        }
        if let OxTerm::Literal(literal) = &triple.object
            && self.settings.repairs
            && let Some(theme) = PortalTheme::from_label(literal.value())
        {
            self.warn(
                &triple.subject,
                Some(dcat::THEME),
                format!("theme {literal} read as <{}>", theme.iri()),
                true,
            );
            portal.push(theme);
            return Outcome::Mapped;
        }
        match self.concept(triple, None, EuTheme::from_code) {
            Some(concept) => {
                if self.settings.implied
                    && let Concept::Known(theme) = &concept
                {
                    let theme = *theme;
                    self.imply(theme.iri(), ImpliedKind::EuTheme, || {
                        eu_theme_triples(theme)
                    });
                }
                themes.push(concept);
                Outcome::Mapped
            }
            None => Outcome::Kept,
        }
    }

    fn dataset(&mut self, node: &NamedOrBlankNode) -> Option<Dataset> {
        let id = to_node_id(self.settings.iris, node)?;
        let mut d = Dataset::new(id, Text::untagged("-")).ok()?;
        d.title = Text::new();
        // Room for the distributions once: a vector that doubles holds twice as many.
        let triples = self.triples;
        let distributions = self
            .indices(node)
            .iter()
            .filter(|index| triples[**index].predicate.as_str() == dcat::DISTRIBUTION_PROP)
            .count();
        d.distributions.reserve_exact(distributions);
        let mut extra = Extras::default();
        let mut method: Vec<Triple> = Vec::new();
        let iris = self.settings.iris;
        self.walk(
            node,
            Some(dcat::DATASET),
            None,
            &mut extra,
            |this, t| match t.predicate.as_str() {
                dct::TITLE => this.text(&mut d.title, t),
                dct::DESCRIPTION => this.text(&mut d.description, t),
                dcat::DISTRIBUTION_PROP => match this.distribution(t) {
                    Some(distribution) => {
                        d.distributions.push(distribution);
                        Outcome::Mapped
                    }
                    None => Outcome::Kept,
                },
                dcat::KEYWORD => Self::keyword(&mut d.keywords, t),
                dcat::THEME => this.theme(&mut d.themes, &mut d.portal_themes, t),
                dct::PUBLISHER => this.agent_slot(&mut d.publisher, t),
                dct::CREATOR => this.agents(&mut d.creators, t),
                dcat::CONTACT_POINT => this.contact(&mut d.contact_points, t),
                dct::SPATIAL => this.location(&mut d.spatial, t),
                dct::TEMPORAL => this.period(&mut d.temporal, t),
                dct::ISSUED => this.date(&mut d.issued, t),
                dct::MODIFIED => this.date(&mut d.modified, t),
                dct::ACCRUAL_PERIODICITY => this.concept_slot(
                    &mut d.accrual_periodicity,
                    t,
                    Some(dct::FREQUENCY),
                    frequency_from_text,
                ),
                dct::ACCESS_RIGHTS => this.concept_slot(
                    &mut d.access_rights,
                    t,
                    Some(dct::RIGHTS_STATEMENT),
                    fihris_vocab::AccessRight::from_code,
                ),
                dct::LANGUAGE => this.languages(&mut d.languages, t),
                dcat::LANDING_PAGE => this.pages(&mut d.landing_pages, t),
                foaf::PAGE => this.pages(&mut d.documentation, t),
                dct::IDENTIFIER => match simple_literal(&t.object) {
                    Some(value) => {
                        d.identifiers.push(value.to_owned());
                        Outcome::Mapped
                    }
                    None => Outcome::Kept,
                },
                adms::IDENTIFIER_PROP => this.identifier(&mut d.other_identifiers, t),
                dct::CONFORMS_TO => this.labelled(&mut d.conforms_to, t, dct::STANDARD),
                dct::PROVENANCE => this.labelled(&mut d.provenance, t, dct::PROVENANCE_STATEMENT),
                dct::TYPE => match (exact_term::<DataKind>(&t.object), d.inventory.kind_of_data) {
                    (Some(kind), None) => {
                        d.inventory.kind_of_data = Some(kind);
                        Outcome::Mapped
                    }
                    _ => match object_iri(iris, &t.object) {
                        Some(iri) => {
                            d.types.push(iri);
                            Outcome::Mapped
                        }
                        None => Outcome::Kept,
                    },
                },
                dcat::VERSION => Self::plain(&mut d.version, t),
                owl::VERSION_INFO if this.settings.repairs && d.version.is_none() => {
                    let outcome = Self::plain(&mut d.version, t);
                    if let Outcome::Mapped = outcome {
                        this.warn(
                            &t.subject,
                            Some(owl::VERSION_INFO),
                            "owl:versionInfo read as dcat:version",
                            true,
                        );
                    }
                    outcome
                }
                adms::VERSION_NOTES => this.text(&mut d.version_notes, t),
                dcat::HAS_VERSION => Self::nodes(iris, &mut d.has_versions, t),
                DCAT_IS_VERSION_OF => Self::nodes(iris, &mut d.is_version_of, t),
                dct::RELATION => Self::nodes(iris, &mut d.relations, t),
                dct::SOURCE => Self::nodes(iris, &mut d.sources, t),
                dct::IS_REFERENCED_BY => Self::nodes(iris, &mut d.is_referenced_by, t),
                adms::SAMPLE => Self::nodes(iris, &mut d.samples, t),
                dcat::QUALIFIED_RELATION => this.relationship(&mut d.qualified_relations, t),
                dcat::IN_SERIES => Self::nodes(iris, &mut d.in_series, t),
                dcat::SPATIAL_RESOLUTION_IN_METERS => {
                    Self::typed(&mut d.spatial_resolution_m, t, xsd::DECIMAL)
                }
                dcat::TEMPORAL_RESOLUTION => {
                    Self::typed(&mut d.temporal_resolution, t, xsd::DURATION)
                }
                dcatap::APPLICABLE_LEGISLATION => this.iri_into(&mut d.applicable_legislation, t),
                dcatap::HVD_CATEGORY => this.iri_into(&mut d.hvd_categories, t),
                fihris::FREQUENCY_INFERRED
                    if !d.inventory.frequency_inferred
                        && typed_literal(&t.object, xsd::BOOLEAN) == Some("true") =>
                {
                    d.inventory.frequency_inferred = true;
                    Outcome::Mapped
                }
                fihris::COLLECTION_METHOD => {
                    set_term::<CollectionMethod>(&mut d.inventory.collection_method, t)
                }
                fihris::UPDATE_METHOD => {
                    set_term::<UpdateMethod>(&mut d.inventory.update_method, t)
                }
                fihris::DISAGGREGATION_LEVEL => {
                    match exact_term::<DisaggregationLevel>(&t.object) {
                        Some(level) => {
                            d.inventory.disaggregation.push(level);
                            Outcome::Mapped
                        }
                        None => Outcome::Kept,
                    }
                }
                fihris::PUBLICATION_STATUS => {
                    set_term::<PublicationStatus>(&mut d.inventory.publication_status, t)
                }
                fihris::PERSONAL_DATA if d.inventory.personal_data.is_none() => {
                    let OxTerm::NamedNode(iri) = &t.object else {
                        return Outcome::Kept;
                    };
                    let personal = [
                        PersonalData::None,
                        PersonalData::Anonymised { method: None },
                        PersonalData::Present,
                    ]
                    .into_iter()
                    .find(|p| p.iri() == iri.as_str());
                    match personal {
                        Some(personal) => {
                            d.inventory.personal_data = Some(personal);
                            Outcome::Mapped
                        }
                        None => Outcome::Kept,
                    }
                }
                fihris::ANONYMISATION_METHOD => {
                    method.push(*t);
                    Outcome::Mapped
                }
                _ => Outcome::Kept,
            },
        );
        for t in method {
            if let Some(PersonalData::Anonymised {
                method: slot @ None,
            }) = &mut d.inventory.personal_data
                && let Some(value) = simple_literal(&t.object)
            {
                *slot = Some(value.to_owned());
            } else {
                self.keep(&mut extra, &t, None);
            }
        }
        d.extra = extra;
        Some(d)
    }

    fn series(&mut self, node: &NamedOrBlankNode) -> Option<DatasetSeries> {
        let id = to_node_id(self.settings.iris, node)?;
        let mut s = DatasetSeries::new(id, Text::untagged("-")).ok()?;
        s.title = Text::new();
        let mut extra = Extras::default();
        self.walk(
            node,
            Some(dcat::DATASET_SERIES),
            None,
            &mut extra,
            |this, t| match t.predicate.as_str() {
                dct::TITLE => this.text(&mut s.title, t),
                dct::DESCRIPTION => this.text(&mut s.description, t),
                dct::PUBLISHER => this.agent_slot(&mut s.publisher, t),
                dcat::CONTACT_POINT => this.contact(&mut s.contact_points, t),
                dct::ACCRUAL_PERIODICITY => this.concept_slot(
                    &mut s.accrual_periodicity,
                    t,
                    Some(dct::FREQUENCY),
                    frequency_from_text,
                ),
                dct::SPATIAL => this.location(&mut s.spatial, t),
                dct::TEMPORAL => this.period(&mut s.temporal, t),
                dct::ISSUED => this.date(&mut s.issued, t),
                dct::MODIFIED => this.date(&mut s.modified, t),
                dcatap::APPLICABLE_LEGISLATION => this.iri_into(&mut s.applicable_legislation, t),
                _ => Outcome::Kept,
            },
        );
        s.extra = extra;
        Some(s)
    }

    fn service(&mut self, node: &NamedOrBlankNode) -> Option<DataService> {
        let id = to_node_id(self.settings.iris, node)?;
        let mut s = DataService::new(id, Text::untagged("-"), Iri::new_unchecked("urn:x")).ok()?;
        s.title = Text::new();
        s.endpoint_urls.clear();
        let mut extra = Extras::default();
        let iris = self.settings.iris;
        self.walk(
            node,
            Some(dcat::DATA_SERVICE),
            None,
            &mut extra,
            |this, t| match t.predicate.as_str() {
                dct::TITLE => this.text(&mut s.title, t),
                dcat::ENDPOINT_URL => {
                    if let OxTerm::NamedNode(iri) = &t.object {
                        this.note_type(iri.as_str(), rdfs::RESOURCE);
                    }
                    this.iri_into(&mut s.endpoint_urls, t)
                }
                dcat::ENDPOINT_DESCRIPTION => {
                    if let OxTerm::NamedNode(iri) = &t.object {
                        this.note_type(iri.as_str(), rdfs::RESOURCE);
                    }
                    this.iri_into(&mut s.endpoint_descriptions, t)
                }
                dct::DESCRIPTION => this.text(&mut s.description, t),
                dcat::SERVES_DATASET => Self::nodes(iris, &mut s.serves_datasets, t),
                dct::ACCESS_RIGHTS => this.concept_slot(
                    &mut s.access_rights,
                    t,
                    Some(dct::RIGHTS_STATEMENT),
                    fihris_vocab::AccessRight::from_code,
                ),
                dct::LICENSE => this.licence(&mut s.licence, t),
                dcat::CONTACT_POINT => this.contact(&mut s.contact_points, t),
                dcat::KEYWORD => Self::keyword(&mut s.keywords, t),
                dcat::THEME if exact_term::<PortalTheme>(&t.object).is_none() => {
                    match this.concept(t, None, EuTheme::from_code) {
                        Some(concept) => {
                            if this.settings.implied
                                && let Concept::Known(theme) = &concept
                            {
                                let theme = *theme;
                                this.imply(theme.iri(), ImpliedKind::EuTheme, || {
                                    eu_theme_triples(theme)
                                });
                            }
                            s.themes.push(concept);
                            Outcome::Mapped
                        }
                        None => Outcome::Kept,
                    }
                }
                dct::PUBLISHER => this.agent_slot(&mut s.publisher, t),
                dct::CREATOR => this.agents(&mut s.creators, t),
                dct::CONFORMS_TO => this.labelled(&mut s.conforms_to, t, dct::STANDARD),
                dct::FORMAT => {
                    match this.concept(t, Some(dct::MEDIA_TYPE_OR_EXTENT), FileType::from_label) {
                        Some(concept) => {
                            s.formats.push(concept);
                            Outcome::Mapped
                        }
                        None => Outcome::Kept,
                    }
                }
                dcat::LANDING_PAGE => this.pages(&mut s.landing_pages, t),
                foaf::PAGE => this.pages(&mut s.documentation, t),
                dct::SPATIAL => this.location(&mut s.spatial, t),
                dct::TEMPORAL => this.period(&mut s.temporal, t),
                dct::LANGUAGE => this.languages(&mut s.languages, t),
                dct::IDENTIFIER => match simple_literal(&t.object) {
                    Some(value) => {
                        s.identifiers.push(value.to_owned());
                        Outcome::Mapped
                    }
                    None => Outcome::Kept,
                },
                dct::MODIFIED => this.date(&mut s.modified, t),
                dcatap::APPLICABLE_LEGISLATION => this.iri_into(&mut s.applicable_legislation, t),
                dcatap::HVD_CATEGORY => this.iri_into(&mut s.hvd_categories, t),
                _ => Outcome::Kept,
            },
        );
        s.extra = extra;
        Some(s)
    }

    fn record(&mut self, node: &NamedOrBlankNode) -> Option<CatalogRecord> {
        let id = to_node_id(self.settings.iris, node)?;
        let triples = self.triples;
        let indices = self.indices(node);
        let topic = indices
            .iter()
            .map(|i| &triples[*i])
            .find(|t| t.predicate.as_str() == foaf::PRIMARY_TOPIC)
            .and_then(|t| object_node_id(self.settings.iris, &t.object))?;
        let modified = indices
            .iter()
            .map(|i| &triples[*i])
            .find(|t| t.predicate.as_str() == dct::MODIFIED)
            .and_then(|t| exact_temporal(&t.object))?;
        let mut r = CatalogRecord::new(id, topic, modified);
        let (mut topic_seen, mut modified_seen) = (false, false);
        let mut extra = Extras::default();
        let iris = self.settings.iris;
        self.walk(
            node,
            Some(dcat::CATALOG_RECORD),
            None,
            &mut extra,
            |this, t| match t.predicate.as_str() {
                foaf::PRIMARY_TOPIC if !topic_seen && object_node_id(iris, &t.object).is_some() => {
                    topic_seen = true;
                    Outcome::Mapped
                }
                dct::MODIFIED if !modified_seen && exact_temporal(&t.object).is_some() => {
                    modified_seen = true;
                    Outcome::Mapped
                }
                dct::ISSUED => this.date(&mut r.issued, t),
                dct::TITLE => this.text(&mut r.title, t),
                dct::DESCRIPTION => this.text(&mut r.description, t),
                dct::LANGUAGE => this.languages(&mut r.languages, t),
                dct::CONFORMS_TO => this.labelled(&mut r.conforms_to, t, dct::STANDARD),
                adms::STATUS => this.iri_slot(&mut r.change_type, t),
                dct::SOURCE if r.source.is_none() => match object_node_id(iris, &t.object) {
                    Some(source) => {
                        r.source = Some(source);
                        Outcome::Mapped
                    }
                    None => Outcome::Kept,
                },
                _ => Outcome::Kept,
            },
        );
        r.extra = extra;
        Some(r)
    }

    // ---- the catalogue ----------------------------------------------------------------------

    /// The subjects typed with `class`, one of [`MAIN_CLASSES`], in order of first typing.
    fn subjects_typed(&self, class: &str) -> Vec<&'a NamedOrBlankNode<'a>> {
        match MAIN_CLASSES.iter().position(|main| *main == class) {
            Some(slot) => self.by_subject.typed[slot].clone(),
            None => Vec::new(),
        }
    }

    /// The catalogue, and the implied types when a type kept in extras is one of them (the
    /// reading is then to be done again, knowing them).
    fn build(mut self) -> (ReadOutput, Option<FxHashMap<String, Vec<&'static str>>>) {
        // A catalogue the model cannot name (a relative IRI without a base) is no catalogue:
        // its triples are dropped with a warning, as any triple about such a node.
        let mut catalogs = self.subjects_typed(dcat::CATALOG);
        catalogs.retain(|node| to_node_id(self.settings.iris, node).is_some());
        let triples = self.triples;
        let sub_catalogs: FxHashSet<&NamedOrBlankNode> = triples
            .iter()
            .filter(|t| {
                t.predicate.as_str() == dcat::CATALOG_PROP && catalogs.contains(&&t.subject)
            })
            .filter_map(|t| {
                catalogs
                    .iter()
                    .copied()
                    .find(|c| OxTerm::from(**c) == t.object)
            })
            .collect();
        let root = catalogs
            .iter()
            .copied()
            .find(|c| !sub_catalogs.contains(c))
            .or_else(|| catalogs.first().copied());
        let mut catalog = match root.and_then(|node| to_node_id(self.settings.iris, node)) {
            Some(id) => Catalog::new(id, Text::untagged("-")),
            None => Catalog::new(
                NodeId::Blank(
                    BlankId::new(IMPLICIT_CATALOG).unwrap_or_else(|_| unreachable_blank()),
                ),
                Text::untagged("-"),
            ),
        }
        .unwrap_or_else(|_| unreachable_catalog());
        catalog.title = Text::new();
        let mut mapped_members: FxHashSet<NamedOrBlankNode> = FxHashSet::default();
        match root {
            Some(root) => {
                let root = *root;
                let mut extra = Extras::default();
                let mut datasets = Vec::new();
                let mut series = Vec::new();
                let mut services = Vec::new();
                let mut records = Vec::new();
                let repairs = self.settings.repairs;
                let iris = self.settings.iris;
                self.walk(
                    &root,
                    Some(dcat::CATALOG),
                    None,
                    &mut extra,
                    |this, t| match t.predicate.as_str() {
                        dct::TITLE => this.text(&mut catalog.title, t),
                        dct::DESCRIPTION => this.text(&mut catalog.description, t),
                        dct::PUBLISHER => this.agent_slot(&mut catalog.publisher, t),
                        dcat::CATALOG_PROP => Self::nodes(iris, &mut catalog.catalogs, t),
                        foaf::HOMEPAGE if catalog.homepage.is_none() => {
                            let mut pages = Vec::new();
                            let outcome = this.pages(&mut pages, t);
                            catalog.homepage = pages.pop();
                            outcome
                        }
                        dct::LANGUAGE => this.languages(&mut catalog.languages, t),
                        dct::LICENSE => this.licence(&mut catalog.licence, t),
                        dct::RIGHTS => {
                            this.labelled_slot(&mut catalog.rights, t, dct::RIGHTS_STATEMENT)
                        }
                        dct::ISSUED => this.date(&mut catalog.issued, t),
                        dct::MODIFIED => this.date(&mut catalog.modified, t),
                        dct::SPATIAL => this.location(&mut catalog.spatial, t),
                        dcat::THEME_TAXONOMY => this.iri_into(&mut catalog.theme_taxonomies, t),
                        dct::HAS_PART => Self::nodes(iris, &mut catalog.has_parts, t),
                        dct::IS_PART_OF => Self::nodes(iris, &mut catalog.is_part_of, t),
                        dct::CREATOR => this.agents(&mut catalog.creators, t),
                        dcatap::APPLICABLE_LEGISLATION => {
                            this.iri_into(&mut catalog.applicable_legislation, t)
                        }
                        dcat::DATASET_PROP => {
                            let Some(member) = object_node(&t.object) else {
                                return Outcome::Kept;
                            };
                            if this.has(&member, dcat::DATASET_SERIES) {
                                series.push(member);
                            } else if this.has(&member, dcat::DATASET)
                                || (repairs && this.number(&member).is_some())
                            {
                                datasets.push(member);
                            } else {
                                return Outcome::Kept;
                            }
                            Outcome::Mapped
                        }
                        dcat::SERVICE => match object_node(&t.object) {
                            Some(member) if this.has(&member, dcat::DATA_SERVICE) => {
                                services.push(member);
                                Outcome::Mapped
                            }
                            _ => Outcome::Kept,
                        },
                        dcat::RECORD => match object_node(&t.object) {
                            Some(member) if this.has(&member, dcat::CATALOG_RECORD) => {
                                records.push(member);
                                Outcome::Mapped
                            }
                            _ => Outcome::Kept,
                        },
                        _ => Outcome::Kept,
                    },
                );
                // Members that cannot be mapped: their link goes back to the extras.
                let built = self.datasets(&datasets);
                catalog.datasets.reserve_exact(built.len());
                for (member, dataset) in datasets.into_iter().zip(built) {
                    match dataset {
                        Some(dataset) => {
                            catalog.datasets.push(dataset);
                            mapped_members.insert(member);
                        }
                        None => self.keep_link(&mut extra, &root, dcat::DATASET_PROP, &member),
                    }
                }
                for member in series {
                    match self.series(&member) {
                        Some(value) => {
                            catalog.series.push(value);
                            mapped_members.insert(member);
                        }
                        None => self.keep_link(&mut extra, &root, dcat::DATASET_PROP, &member),
                    }
                }
                for member in services {
                    match self.service(&member) {
                        Some(value) => {
                            catalog.services.push(value);
                            mapped_members.insert(member);
                        }
                        None => self.keep_link(&mut extra, &root, dcat::SERVICE, &member),
                    }
                }
                for member in records {
                    match self.record(&member) {
                        Some(value) => {
                            catalog.records.push(value);
                            mapped_members.insert(member);
                        }
                        None => self.keep_link(&mut extra, &root, dcat::RECORD, &member),
                    }
                }
                catalog.extra = extra;
                if self.settings.repairs {
                    for node in self.subjects_typed(dcat::DATASET) {
                        if !mapped_members.contains(node)
                            && !self.has(node, dcat::DATASET_SERIES)
                            && !self.is_claimed_subject(node)
                            && let Some(dataset) = self.dataset(node)
                        {
                            self.warn(
                                node,
                                Some(dcat::DATASET_PROP),
                                "dataset not linked from the catalogue: linked",
                                true,
                            );
                            catalog.datasets.push(dataset);
                        }
                    }
                } else {
                    for node in self.subjects_typed(dcat::DATASET) {
                        if !mapped_members.contains(node) && !self.is_claimed_subject(node) {
                            self.warn(
                                node,
                                None,
                                "dataset not linked from the catalogue: kept as extra triples",
                                false,
                            );
                        }
                    }
                }
            }
            None => {
                for node in self.subjects_typed(dcat::DATASET_SERIES) {
                    if let Some(value) = self.series(node) {
                        catalog.series.push(value);
                    }
                }
                for node in self.subjects_typed(dcat::DATASET) {
                    if !self.has(node, dcat::DATASET_SERIES)
                        && let Some(value) = self.dataset(node)
                    {
                        catalog.datasets.push(value);
                    }
                }
                for node in self.subjects_typed(dcat::DATA_SERVICE) {
                    if let Some(value) = self.service(node) {
                        catalog.services.push(value);
                    }
                }
                for node in self.subjects_typed(dcat::CATALOG_RECORD) {
                    if let Some(value) = self.record(node) {
                        catalog.records.push(value);
                    }
                }
            }
        }
        let mut extra_triples = Vec::new();
        for (index, triple) in triples.iter().enumerate() {
            if self.claimed[index] == Some(true) {
                continue;
            }
            if self.settings.implied {
                if self.implied_triples.contains(&triple.into_owned()) {
                    continue;
                }
                if triple.predicate.as_str() == rdf::TYPE
                    && let (NamedOrBlankNode::NamedNode(subject), OxTerm::NamedNode(class)) =
                        (&triple.subject, &triple.object)
                    && self
                        .implied_types
                        .get(subject.as_str())
                        .is_some_and(|classes| classes.contains(&class.as_str()))
                {
                    continue;
                }
            }
            match (
                to_node_id(self.settings.iris, &triple.subject),
                self.settings.iris.iri(triple.predicate),
                model_term(self.settings.iris, &triple.object),
            ) {
                (Some(subject), Some(predicate), Some(object)) => {
                    extra_triples.push(fihris_model::Triple {
                        subject,
                        predicate,
                        object,
                    })
                }
                _ => self.warn(
                    &triple.subject,
                    Some(triple.predicate.as_str()),
                    "a triple the model cannot hold was dropped",
                    false,
                ),
            }
        }
        group_by_subject(&mut extra_triples);
        catalog.extra_triples = extra_triples;
        let again = self.known_implied.is_empty()
            && self.kept_types.iter().any(|index| {
                let triple = &triples[*index];
                let OxTerm::NamedNode(class) = &triple.object else {
                    return false;
                };
                is_implied(&self.implied_types, &triple.subject, class.as_str())
            });
        let output = ReadOutput {
            catalog,
            warnings: self.warnings,
            triple_count: triples.len(),
        };
        (output, again.then_some(self.implied_types))
    }

    /// The datasets of `members`, in order. From `parallel_datasets_from` members on, the second
    /// half is built on another thread by a copy of this builder whose state (what it
    /// claimed, warned, implied) is then merged as if built after the first half.
    fn datasets(&mut self, members: &[NamedOrBlankNode<'a>]) -> Vec<Option<Dataset>> {
        if members.len() < self.settings.parallel_datasets_from.max(2) {
            return members.iter().map(|member| self.dataset(member)).collect();
        }
        let (head, tail) = members.split_at(members.len() / 2);
        let mut helper = self.fork();
        let (mut built, rest) = crate::parse::on_two_threads(
            || {
                head.iter()
                    .map(|member| self.dataset(member))
                    .collect::<Vec<_>>()
            },
            || {
                tail.iter()
                    .map(|member| helper.dataset(member))
                    .collect::<Vec<_>>()
            },
        );
        self.merge(helper);
        built.extend(rest);
        built
    }

    /// A builder of the same triples with a fresh state.
    fn fork(&self) -> Self {
        Self {
            triples: self.triples,
            by_subject: self.by_subject,
            claimed: vec![None; self.triples.len()],
            settings: self.settings,
            warnings: Vec::new(),
            implied_types: FxHashMap::default(),
            implied_triples: FxHashSet::default(),
            implied_terms: FxHashSet::default(),
            last_lookup: Cell::new(None),
            known_implied: self.known_implied.clone(),
            kept_types: Vec::new(),
        }
    }

    /// Takes in the state of a [`Builder::fork`] that worked after this one.
    fn merge(&mut self, later: Self) {
        for (mine, theirs) in self.claimed.iter_mut().zip(later.claimed) {
            if theirs.is_some() {
                *mine = theirs;
            }
        }
        self.warnings.extend(later.warnings);
        for (iri, classes) in later.implied_types {
            let mine = self.implied_types.entry(iri).or_default();
            for class in classes {
                if !mine.contains(&class) {
                    mine.push(class);
                }
            }
        }
        self.implied_triples.extend(later.implied_triples);
        self.implied_terms.extend(later.implied_terms);
        self.kept_types.extend(later.kept_types);
    }

    fn is_claimed_subject(&self, node: &NamedOrBlankNode) -> bool {
        self.indices(node)
            .iter()
            .any(|index| self.claimed[*index] == Some(true))
    }

    fn keep_link(
        &mut self,
        extra: &mut Extras,
        root: &NamedOrBlankNode,
        predicate: &str,
        member: &NamedOrBlankNode,
    ) {
        let triple = Triple::new(
            *root,
            oxrdf::NamedNodeRef::new_unchecked(predicate),
            *member,
        );
        self.keep(extra, &triple, None);
        self.warn(
            member,
            Some(predicate),
            "member of the catalogue the model cannot hold: kept as extra triples",
            false,
        );
    }
}

/// Extras come sorted by predicate (types first), values of one predicate in reading order:
/// an order every writer gives back, JSON-LD included, which groups values by property.
pub(crate) fn group_by_predicate(statements: &mut [Statement]) {
    statements.sort_by(|a, b| statement_key(a).cmp(&statement_key(b)));
}

/// Types are a set, which JSON-LD processors may reorder: they are sorted too.
fn statement_key(statement: &Statement) -> (bool, &str, Option<&Term>) {
    let (not_type, predicate) = predicate_key(&statement.predicate);
    (
        not_type,
        predicate,
        (!not_type).then_some(&statement.object),
    )
}

fn predicate_key(predicate: &Iri) -> (bool, &str) {
    (predicate.as_str() != rdf::TYPE, predicate.as_str())
}

/// Extra triples come grouped by subject in order of first appearance, then sorted by
/// predicate as [`group_by_predicate`].
pub(crate) fn group_by_subject(triples: &mut [fihris_model::Triple]) {
    let mut subjects: FxHashMap<NodeId, usize> = FxHashMap::default();
    for triple in triples.iter() {
        let next = subjects.len();
        subjects.entry(triple.subject.clone()).or_insert(next);
    }
    if triples.is_empty() {
        return;
    }
    fn key(t: &fihris_model::Triple) -> (bool, &str, Option<&Term>) {
        let not_type = t.predicate.as_str() != rdf::TYPE;
        (
            not_type,
            t.predicate.as_str(),
            (!not_type).then_some(&t.object),
        )
    }
    let ranks: Vec<usize> = triples.iter().map(|t| subjects[&t.subject]).collect();
    let mut order: Vec<usize> = (0..triples.len()).collect();
    order.sort_by(|a, b| (ranks[*a], key(&triples[*a])).cmp(&(ranks[*b], key(&triples[*b]))));
    apply_order(triples, order);
}

/// Puts `items[order[i]]` at position `i`, by cycles, moving values without cloning them.
fn apply_order<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut current = start;
        while order[current] != start {
            let next = order[current];
            items.swap(current, next);
            order[current] = current;
            current = next;
        }
        order[current] = current;
    }
}

/// Whether `implied_types` holds `class` for `subject`.
fn is_implied(
    implied_types: &FxHashMap<String, Vec<&'static str>>,
    subject: &NamedOrBlankNode,
    class: &str,
) -> bool {
    match subject {
        NamedOrBlankNode::NamedNode(node) => implied_types
            .get(node.as_str())
            .is_some_and(|classes| classes.contains(&class)),
        NamedOrBlankNode::BlankNode(_) => false,
    }
}

fn set_term<T: Vocabulary>(slot: &mut Option<T>, triple: &Triple) -> Outcome {
    match exact_term::<T>(&triple.object) {
        Some(term) if slot.is_none() => {
            *slot = Some(term);
            Outcome::Mapped
        }
        _ => Outcome::Kept,
    }
}

fn frequency_from_text(value: &str) -> Option<Frequency> {
    Frequency::from_code(value)
        .or_else(|| Frequency::from_french(value))
        .or_else(|| {
            Frequency::ALL.iter().copied().find(|f| {
                f.label(fihris_vocab::LabelLanguage::En)
                    .eq_ignore_ascii_case(value.trim())
            })
        })
}

#[expect(clippy::panic, reason = "the label is a valid constant")]
fn unreachable_blank() -> BlankId {
    panic!("IMPLICIT_CATALOG is a valid blank node label")
}

#[expect(clippy::panic, reason = "the title is a non-blank constant")]
fn unreachable_catalog() -> Catalog {
    panic!("a catalogue with a non-blank title is valid")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DcatWriter;

    const RELATIVE_CATALOG: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns:dcat="http://www.w3.org/ns/dcat#" xmlns:dct="http://purl.org/dc/terms/">
  <dcat:Catalog rdf:about="catalogue/">
    <dct:title>Portail</dct:title>
    <dcat:dataset rdf:resource="https://data.gov.ma/d/1"/>
  </dcat:Catalog>
  <dcat:Dataset rdf:about="https://data.gov.ma/d/1"><dct:title>Population</dct:title></dcat:Dataset>
  <dcat:Dataset rdf:about="https://data.gov.ma/d/2"><dct:title>PIB</dct:title></dcat:Dataset>
</rdf:RDF>"#;

    /// A catalogue whose datasets share an agent and a licence, and carry what gives
    /// warnings (untyped distributions, literal licences, dateTimes typed as dates) and
    /// extras; every seventh dataset is not linked from the catalogue.
    fn varied_catalogue(datasets: usize) -> String {
        let mut turtle = String::from(
            "@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/> .
ex:catalogue a dcat:Catalog ; dct:title \"Catalogue\"@fr .
ex:agency a foaf:Organization ; foaf:name \"Agence\"@fr ; ex:note \"partagée\" .
ex:odbl a dct:LicenseDocument .
",
        );
        for n in 0..datasets {
            if n % 7 != 6 {
                turtle += &format!("ex:catalogue dcat:dataset ex:d{n} .\n");
            }
            turtle += &format!(
                "ex:d{n} a dcat:Dataset ; dct:title \"Jeu {n}\"@fr ; dct:publisher ex:agency ;
  dct:issued \"2024-01-0{}T10:00:00\"^^xsd:date ; ex:unknown \"x{n}\" ;
  dcat:distribution ex:d{n}r .\n",
                n % 9 + 1
            );
            turtle += &match n % 3 {
                0 => format!("ex:d{n}r dcat:accessURL <https://example.org/f{n}.csv> .\n"),
                1 => format!(
                    "ex:d{n}r a dcat:Distribution ; dcat:accessURL <https://example.org/f{n}.csv> ;
  dct:license \"ODbL\" .\n"
                ),
                _ => format!(
                    "ex:d{n}r a dcat:Distribution ; dcat:accessURL <https://example.org/f{n}.csv> ;
  dct:license ex:odbl ; dct:publisher ex:agency .\n"
                ),
            };
        }
        turtle
    }

    #[test]
    fn datasets_built_on_two_threads_are_those_built_on_one() {
        let turtle = varied_catalogue(40);
        for repairs in [false, true] {
            let reader = DcatReader::new(RdfFormat::Turtle).with_repairs(repairs);
            let store = TripleStore::default();
            let (triples, iris) = parse(
                turtle.as_bytes(),
                RdfFormat::Turtle,
                &reader.options,
                &store,
            )
            .expect("the catalogue parses");
            let settings = |from| Settings {
                parallel_datasets_from: from,
                ..reader.settings(iris)
            };
            let one = build(&triples, settings(usize::MAX));
            let two = build(&triples, settings(2));
            assert_eq!(one.catalog.datasets.len(), if repairs { 40 } else { 35 });
            assert!(one.warnings.len() > 10, "{:?}", one.warnings);
            assert_eq!(one.catalog, two.catalog);
            assert_eq!(one.warnings, two.warnings);
            assert_eq!(one.triple_count, two.triple_count);
        }
    }

    #[test]
    fn a_catalogue_with_a_relative_iri_and_no_base_is_dropped_with_warnings() {
        let reader = DcatReader::new(RdfFormat::RdfXml);
        let first = reader
            .read_slice(RELATIVE_CATALOG.as_bytes())
            .expect("lenient RDF/XML");
        assert!(crate::is_implicit(&first.catalog));
        let ids: Vec<String> = first
            .catalog
            .datasets
            .iter()
            .map(|d| d.id.to_string())
            .collect();
        assert_eq!(ids, ["https://data.gov.ma/d/1", "https://data.gov.ma/d/2"]);
        assert!(
            first.warnings.iter().any(|w| w.record() == "catalogue/"),
            "{:?}",
            first.warnings
        );
        // Read -> write -> read gives the same model.
        let mut writer = DcatWriter::new(RdfFormat::RdfXml, Vec::new()).with_implied_triples(false);
        writer.write_catalog(&first.catalog).expect("in memory");
        let written = writer.finish().expect("in memory");
        let again = reader.read_slice(&written).expect("written RDF/XML reads");
        assert_eq!(again.catalog, first.catalog);

        // With a base IRI the catalogue resolves and links its dataset.
        let based = DcatReader::new(RdfFormat::RdfXml)
            .with_base_iri("https://data.gov.ma/")
            .read_slice(RELATIVE_CATALOG.as_bytes())
            .expect("lenient RDF/XML");
        assert_eq!(
            based.catalog.id.to_string(),
            "https://data.gov.ma/catalogue/"
        );
        assert_eq!(based.catalog.datasets.len(), 1);
    }

    /// One IRI as a place and as an access-rights concept: the `a dct:RightsStatement` a
    /// writer adds for the concept is implied, not an extra of the place.
    #[test]
    fn a_place_that_is_also_a_rights_concept_keeps_no_implied_type() {
        let place = Iri::new("https://data.gov.ma/concept/public").expect("valid");
        let mut catalog = Catalog::new(
            NodeId::Iri(Iri::new("https://data.gov.ma/catalog").expect("valid")),
            Text::untagged("Portail"),
        )
        .expect("valid");
        let mut dataset = Dataset::new(
            NodeId::Iri(Iri::new("https://data.gov.ma/d/1").expect("valid")),
            Text::untagged("Population"),
        )
        .expect("valid");
        dataset.spatial = vec![Location::identified(NodeId::Iri(place.clone()))];
        dataset.access_rights = Some(Concept::Other(place));
        catalog.datasets.push(dataset);
        for format in RdfFormat::ALL {
            let mut writer = DcatWriter::new(*format, Vec::new()).with_implied_triples(true);
            writer.write_catalog(&catalog).expect("in memory");
            let written = writer.finish().expect("in memory");
            let read = DcatReader::new(*format)
                .with_implied_triples(true)
                .read_slice(&written)
                .expect("written RDF reads");
            assert_eq!(
                read.catalog.datasets,
                catalog.datasets,
                "{format}\n{}",
                String::from_utf8_lossy(&written)
            );
        }
        // Whichever of the two links comes first.
        for (first, second) in [("spatial", "accessRights"), ("accessRights", "spatial")] {
            let turtle = format!(
                "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n\
                 @prefix dct: <http://purl.org/dc/terms/> .\n\
                 <https://data.gov.ma/d/1> a dcat:Dataset ; dct:title \"Population\" ;\n\
                   dct:{first} <https://data.gov.ma/concept/public> ;\n\
                   dct:{second} <https://data.gov.ma/concept/public> .\n\
                 <https://data.gov.ma/concept/public> a dct:RightsStatement , dct:Location .\n"
            );
            let read = DcatReader::new(RdfFormat::Turtle)
                .with_implied_triples(true)
                .read_slice(turtle.as_bytes())
                .expect("valid Turtle");
            let dataset = &read.catalog.datasets[0];
            assert_eq!(dataset.spatial[0].extra, Extras::default(), "{turtle}");
            assert!(dataset.access_rights.is_some());
            assert!(read.catalog.extra_triples.is_empty(), "{turtle}");
        }
    }
}
