//! Bytes -> triples, with limits, positions and deterministic blank node labels.

use std::cell::OnceCell;
use std::io::Read;
use std::sync::Arc;

use bumpalo_herd::Herd;
use oxjsonld::{JsonLdParser, JsonLdRemoteDocument};
use oxrdf::{
    BlankNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Term, TermRef, Triple, TripleRef,
};
use oxrdfxml::RdfXmlParser;
use oxttl::{NTriplesParser, TurtleParser};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::error::{ReadError, ReadErrorKind, TextPosition};
use crate::format::RdfFormat;

/// The limits and options of parsing.
#[derive(Debug, Clone)]
pub(crate) struct ParseOptions {
    pub(crate) base_iri: Option<String>,
    pub(crate) max_input_bytes: u64,
    pub(crate) max_depth: usize,
    pub(crate) max_literal_bytes: usize,
    pub(crate) contexts: Arc<Vec<(String, Vec<u8>)>>,
}

pub(crate) fn read_all(mut input: impl Read, max: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    input
        .by_ref()
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::io)?;
    if bytes.len() as u64 > max {
        return Err(too_large(max));
    }
    Ok(bytes)
}

/// The error of an input over `max` bytes, whether read as a stream, a file or a slice.
pub(crate) fn too_large(max: u64) -> ReadError {
    ReadError::new(
        ReadErrorKind::InputTooLarge,
        format!("the input is larger than the limit of {max} bytes"),
    )
}

/// From this size a file is read in two halves on two threads (on Unix): reading a large
/// file is mostly touching its buffer's memory for the first time, which two cores share.
const TWO_THREADS_READ_FROM: u64 = 16 << 20;

/// The bytes of the file at `path`, `max` at most.
pub(crate) fn read_file(path: &std::path::Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::io)?;
    let metadata = file.metadata().map_err(ReadError::io)?;
    let size = metadata.len();
    if size > max {
        return Err(too_large(max));
    }
    if metadata.is_file()
        && size >= TWO_THREADS_READ_FROM
        && let Some(bytes) = read_halves(&file, size)
    {
        return Ok(bytes);
    }
    // Small, not a regular file (a pipe, a device), or changed while read: read on.
    read_all(std::fs::File::open(path).map_err(ReadError::io)?, max)
}

/// The `size` bytes of `file`, each half read by its own thread; `None` when the file does
/// not have `size` bytes any more (or a read fails: the caller reads it again as a stream).
#[cfg(unix)]
fn read_halves(file: &std::fs::File, size: u64) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt as _;
    let mut bytes = vec![0; usize::try_from(size).ok()?];
    let middle = bytes.len() / 2;
    let (head, tail) = bytes.split_at_mut(middle);
    let (head_read, tail_read) = on_two_threads(
        || file.read_exact_at(head, 0),
        || file.read_exact_at(tail, middle as u64),
    );
    head_read.ok()?;
    tail_read.ok()?;
    // Grown since its size was read: the stream reads all of it.
    let grown = file.read_at(&mut [0], size).ok()? > 0;
    (!grown).then_some(bytes)
}

#[cfg(not(unix))]
fn read_halves(_file: &std::fs::File, _size: u64) -> Option<Vec<u8>> {
    None
}

/// Line and column (1-based, in characters) of a byte offset.
pub(crate) fn position_of(bytes: &[u8], offset: u64) -> TextPosition {
    let offset = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(bytes.len());
    let before = &bytes[..offset];
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|b| **b == b'\n').count() as u64 + 1;
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count() as u64
        + 1;
    TextPosition {
        line,
        column,
        offset: offset as u64,
    }
}

/// The deepest nesting of arrays and objects in a JSON text, stopping past `max`.
fn json_depth_exceeds(bytes: &[u8], max: usize) -> Option<u64> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (offset, byte) in bytes.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if *byte == b'\\' {
                escaped = true;
            } else if *byte == b'"' {
                in_string = false;
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(offset as u64);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// A [`ReadErrorKind::TooDeep`] error when the JSON text nests deeper than `max`.
fn check_json_depth(bytes: &[u8], max: usize) -> Result<(), ReadError> {
    match json_depth_exceeds(bytes, max) {
        None => Ok(()),
        Some(offset) => {
            let message = format!("the JSON nests deeper than the limit of {max}");
            let mut error = syntax(message, bytes, Some(offset));
            error.set_kind(ReadErrorKind::TooDeep);
            Err(error)
        }
    }
}

fn syntax(message: String, bytes: &[u8], offset: Option<u64>) -> ReadError {
    ReadError::syntax(message, offset.map(|offset| position_of(bytes, offset)))
}

fn turtle_error(error: &oxttl::TurtleSyntaxError) -> ReadError {
    let start = error.location().start;
    ReadError::syntax(
        error.message().to_owned(),
        Some(TextPosition {
            line: start.line + 1,
            column: start.column + 1,
            offset: start.offset,
        }),
    )
}

/// Owns what parsed triples borrow besides the input: the strings the fast parser made, or
/// the triples of another parser. One store per document.
#[derive(Default)]
pub(crate) struct TripleStore {
    strings: Herd,
    owned: OnceCell<Vec<Triple>>,
}

impl TripleStore {
    pub(crate) fn strings(&self) -> &Herd {
        &self.strings
    }

    /// Borrows triples parsed elsewhere (the first ones given to this store).
    pub(crate) fn hold(&self, triples: Vec<Triple>) -> Vec<TripleRef<'_>> {
        self.owned
            .get_or_init(|| triples)
            .iter()
            .map(Triple::as_ref)
            .collect()
    }
}

/// Whether the parser behind the triples validated their IRIs. Turtle and N-Triples parsers
/// (fihris-dcat's own and oxttl's) and the fast paths of RDF/XML and JSON-LD give only
/// absolute, valid IRIs, which the model then takes without checking them again (a large part
/// of reading time otherwise); lenient parsers (RDF/XML, JSON-LD) and triples from elsewhere
/// can hold relative ones.
#[derive(Clone, Copy, Debug)]
pub(crate) enum IriSource {
    Validated,
    Unchecked,
}

/// Parses a document into triples, in document order, without duplicates.
pub(crate) fn parse<'a>(
    bytes: &'a [u8],
    format: RdfFormat,
    options: &ParseOptions,
    store: &'a TripleStore,
) -> Result<(Vec<TripleRef<'a>>, IriSource), ReadError> {
    if matches!(format, RdfFormat::Turtle | RdfFormat::NTriples)
        && let Some(triples) = crate::turtle::parse_fast(
            bytes,
            format == RdfFormat::NTriples,
            options.base_iri.as_deref(),
            store.strings(),
        )
    {
        return Ok((
            fast_path_triples(triples, options, store)?,
            IriSource::Validated,
        ));
    }
    let mut triples = Vec::new();
    let bad_base = |e: oxrdf::IriParseError| {
        ReadError::new(ReadErrorKind::Syntax, format!("invalid base IRI: {e}"))
    };
    match format {
        RdfFormat::Turtle => {
            let mut parser = TurtleParser::new();
            if let Some(base) = &options.base_iri {
                parser = parser.with_base_iri(base.as_str()).map_err(bad_base)?;
            }
            for triple in parser.for_slice(bytes) {
                triples.push(triple.map_err(|e| turtle_error(&e))?);
            }
        }
        RdfFormat::NTriples => {
            for triple in NTriplesParser::new().for_slice(bytes) {
                triples.push(triple.map_err(|e| turtle_error(&e))?);
            }
        }
        RdfFormat::RdfXml => {
            if let Some(triples) =
                crate::rdfxml_fast::parse_fast(bytes, options.base_iri.as_deref(), store.strings())
            {
                return Ok((
                    fast_path_triples(triples, options, store)?,
                    IriSource::Validated,
                ));
            }
            // Lenient: real catalogues send `rdf:about` values with spaces (rdflib reads
            // them); such IRIs are percent-encoded below.
            let mut parser = RdfXmlParser::new().lenient();
            if let Some(base) = &options.base_iri {
                parser = parser.with_base_iri(base.as_str()).map_err(bad_base)?;
            }
            let mut parser = parser.for_slice(bytes);
            while let Some(triple) = parser.next() {
                match triple {
                    Ok(triple) => triples.push(triple),
                    Err(error) => {
                        return Err(syntax(
                            error.to_string(),
                            bytes,
                            Some(parser.buffer_position()),
                        ));
                    }
                }
            }
        }
        RdfFormat::JsonLd => {
            // What the fast path reads nests `DEEPEST` levels at most: under a limit as deep,
            // the whole text is scanned for its depth only when the fast path declines it
            // (the scan took a fifth of reading fihris's JSON-LD).
            let fast_path_first = options.max_depth >= crate::jsonld_fast::DEEPEST;
            if !fast_path_first {
                check_json_depth(bytes, options.max_depth)?;
            }
            if let Some(triples) =
                crate::jsonld_fast::parse_fast(bytes, options.base_iri.as_deref(), store.strings())
            {
                return Ok((
                    fast_path_triples(triples, options, store)?,
                    IriSource::Validated,
                ));
            }
            if fast_path_first {
                check_json_depth(bytes, options.max_depth)?;
            }
            let mut parser = JsonLdParser::new();
            if let Some(base) = &options.base_iri {
                parser = parser.with_base_iri(base.as_str()).map_err(bad_base)?;
            }
            let contexts = Arc::clone(&options.contexts);
            let parser = parser.for_slice(bytes).with_load_document_callback(move |url, _| {
                contexts
                    .iter()
                    .find(|(known, _)| known == url)
                    .map(|(known, document)| JsonLdRemoteDocument {
                        document: document.clone(),
                        document_url: known.clone(),
                    })
                    .ok_or_else(|| {
                        format!("remote JSON-LD documents are never fetched: {url}; give it with DcatReader::with_jsonld_context").into()
                    })
            });
            for quad in parser {
                let quad = quad.map_err(|error| {
                    let offset = error.location().map(|range| range.start.offset);
                    syntax(error.to_string(), bytes, offset)
                })?;
                triples.push(Triple::new(quad.subject, quad.predicate, quad.object));
            }
        }
    }
    // Turtle and N-Triples parsers only give valid IRIs: the check is for lenient ones.
    let iris = if matches!(format, RdfFormat::RdfXml | RdfFormat::JsonLd) {
        triples = triples.into_iter().map(fix_iris).collect();
        IriSource::Unchecked
    } else {
        IriSource::Validated
    };
    let triples = store.hold(triples);
    check_literals(&triples, options)?;
    Ok((relabel(dedup(triples), store), iris))
}

/// What follows a fast parser: the literal limit, deduplication, blank node labels.
fn fast_path_triples<'a>(
    triples: Vec<TripleRef<'a>>,
    options: &ParseOptions,
    store: &'a TripleStore,
) -> Result<Vec<TripleRef<'a>>, ReadError> {
    check_literals(&triples, options)?;
    Ok(relabel(dedup(triples), store))
}

/// A small direct-mapped cache of what a parser found out about names it meets again and
/// again (predicates, vocabulary IRIs, keys): comparing a name with the one in its slot costs
/// a tenth of checking an IRI again or of hashing the name for a table.
pub(crate) struct Recent<'a, V>([Option<(&'a str, V)>; RECENT_SLOTS]);

const RECENT_SLOTS: usize = 64;

impl<'a, V: Copy> Recent<'a, V> {
    pub(crate) fn new() -> Self {
        Self([None; RECENT_SLOTS])
    }

    /// The slot of a name, from its length and last two bytes (IRIs of one vocabulary share
    /// their start).
    fn slot(name: &[u8]) -> usize {
        let byte = |back: usize| {
            name.len()
                .checked_sub(back)
                .map_or(0, |at| usize::from(name[at]))
        };
        (name.len() * 7 + byte(1) * 3 + byte(2)) % RECENT_SLOTS
    }

    /// What was remembered about `name`, if it is the name in its slot.
    pub(crate) fn get(&self, name: &str) -> Option<V> {
        match self.0[Self::slot(name.as_bytes())] {
            Some((remembered, value)) if remembered == name => Some(value),
            _ => None,
        }
    }

    /// Remembers `value` about `name`, in its slot.
    pub(crate) fn put(&mut self, name: &'a str, value: V) {
        self.0[Self::slot(name.as_bytes())] = Some((name, value));
    }
}

impl<'a> Recent<'a, ()> {
    /// Whether `iri` is plainly valid, checked only when it is not the IRI in its slot; the
    /// cache remembers plainly valid IRIs.
    pub(crate) fn plainly_valid(&mut self, iri: &'a str) -> bool {
        if self.get(iri).is_some() {
            return true;
        }
        let valid = fihris_model::Iri::is_plainly_valid(iri);
        if valid {
            self.put(iri, ());
        }
        valid
    }
}

/// `value` as an IRI if it is valid (so absolute), checked by the quick test first: what the
/// fast parsers take, leaving relative and invalid IRIs to the strict ones.
pub(crate) fn valid_iri(value: &str) -> Option<oxrdf::NamedNodeRef<'_>> {
    if fihris_model::Iri::is_plainly_valid(value) {
        Some(oxrdf::NamedNodeRef::new_unchecked(value))
    } else {
        oxrdf::NamedNodeRef::new(value).ok()
    }
}

/// The text a fast parser reads: `None` (the strict parser decides) for bytes that are not
/// UTF-8, or with a base IRI the strict parsers would refuse (theirs is the error to report).
pub(crate) fn fast_path_text<'a>(bytes: &'a [u8], base: Option<&str>) -> Option<&'a str> {
    if base.is_some_and(|base| oxrdf::NamedNodeRef::new(base).is_err()) {
        return None;
    }
    std::str::from_utf8(bytes).ok()
}

fn check_literals(triples: &[TripleRef<'_>], options: &ParseOptions) -> Result<(), ReadError> {
    for triple in triples {
        if let TermRef::Literal(literal) = triple.object
            && literal.value().len() > options.max_literal_bytes
        {
            return Err(ReadError::new(
                ReadErrorKind::LiteralTooLong,
                format!(
                    "a literal of {} is {} bytes long, over the limit of {}",
                    triple.subject,
                    literal.value().len(),
                    options.max_literal_bytes
                ),
            ));
        }
    }
    Ok(())
}

/// Percent-encodes the characters an IRI cannot hold (spaces, controls, `<>"{}|\^``)
/// in IRIs a lenient parser let through.
pub(crate) fn fix_iri(iri: &str) -> Option<String> {
    // Without such characters the percent-encoding below would give the IRI back unchanged:
    // most IRIs need no full parse.
    if !iri.chars().any(needs_percent_encoding) || oxrdf::NamedNode::new(iri).is_ok() {
        return None;
    }
    let mut fixed = String::with_capacity(iri.len() + 8);
    for c in iri.chars() {
        if needs_percent_encoding(c) {
            let mut buffer = [0u8; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                fixed.push_str(&format!("%{byte:02X}"));
            }
        } else {
            fixed.push(c);
        }
    }
    Some(fixed)
}

fn needs_percent_encoding(c: char) -> bool {
    c <= ' ' || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`')
}

fn fix_named(node: oxrdf::NamedNode) -> oxrdf::NamedNode {
    match fix_iri(node.as_str()) {
        Some(fixed) => oxrdf::NamedNode::new_unchecked(fixed),
        None => node,
    }
}

fn fix_iris(triple: Triple) -> Triple {
    let subject = match triple.subject {
        NamedOrBlankNode::NamedNode(node) => fix_named(node).into(),
        other => other,
    };
    let object = match triple.object {
        Term::NamedNode(node) => fix_named(node).into(),
        other => other,
    };
    Triple::new(subject, fix_named(triple.predicate), object)
}

pub(crate) fn dedup(mut triples: Vec<TripleRef<'_>>) -> Vec<TripleRef<'_>> {
    let hashes = hash_all(&triples);
    // Each distinct hash belongs to one half of the hash space: the two halves find their
    // repeated triples apart, on two threads for a long document.
    let repeated = if triples.len() < PARALLEL_FROM {
        repeats(&triples, &hashes, |_| true)
    } else {
        let (mut even, odd) = on_two_threads(
            || repeats(&triples, &hashes, |hash| hash & 1 == 0),
            || repeats(&triples, &hashes, |hash| hash & 1 == 1),
        );
        even.extend(odd);
        even
    };
    if repeated.is_empty() {
        return triples;
    }
    let mut keep = vec![true; triples.len()];
    for index in repeated {
        keep[index] = false;
    }
    let mut keep = keep.into_iter();
    triples.retain(|_| keep.next().unwrap_or(true));
    triples
}

/// From how many triples deduplication works on two threads.
const PARALLEL_FROM: usize = 50_000;

/// The indices of the triples equal to an earlier one, among those whose hash `mine`
/// accepts.
fn repeats(triples: &[TripleRef<'_>], hashes: &[u64], mine: impl Fn(u64) -> bool) -> Vec<usize> {
    use std::collections::hash_map::Entry;
    // Triples are large: a table of their hashes (16 bytes an entry) touches a sixth of the
    // memory a set of triples would, and memory is most of the time here.
    let mut first: FxHashMap<u64, usize> =
        FxHashMap::with_capacity_and_hasher(triples.len() / 2, Default::default());
    // Distinct triples whose hash another triple had first: rare.
    let mut collided: FxHashSet<TripleRef<'_>> = FxHashSet::default();
    let mut repeated = Vec::new();
    for (index, (triple, hash)) in triples.iter().zip(hashes).enumerate() {
        if !mine(*hash) {
            continue;
        }
        match first.entry(*hash) {
            Entry::Vacant(entry) => {
                entry.insert(index);
            }
            Entry::Occupied(entry) => {
                if triples[*entry.get()] == *triple || !collided.insert(*triple) {
                    repeated.push(index);
                }
            }
        }
    }
    repeated
}

/// The hash of each triple; a long document's in two halves on two threads.
fn hash_all(triples: &[TripleRef<'_>]) -> Vec<u64> {
    use std::hash::BuildHasher as _;
    let hash = |part: &[TripleRef<'_>]| -> Vec<u64> {
        part.iter()
            .map(|triple| rustc_hash::FxBuildHasher.hash_one(triple))
            .collect()
    };
    if triples.len() < PARALLEL_FROM {
        return hash(triples);
    }
    let (head, tail) = triples.split_at(triples.len() / 2);
    let (mut hashes, tail) = on_two_threads(|| hash(head), || hash(tail));
    hashes.extend(tail);
    hashes
}

/// Documents smaller than this are read on one thread by the fast parsers.
pub(crate) const PARALLEL_MIN_BYTES: usize = 1 << 20;

/// Where a fast parser may cut a document in two: at the last byte of the first `marker` past
/// the middle (and past `after`, the document's head) whose next byte `next` takes, within
/// [`PARALLEL_MIN_BYTES`] of the middle.
pub(crate) fn find_split(
    bytes: &[u8],
    after: usize,
    marker: &[u8],
    next: impl Fn(u8) -> bool,
) -> Option<usize> {
    let middle = after.max(bytes.len() / 2);
    let end = bytes.len().min(middle + PARALLEL_MIN_BYTES);
    bytes
        .get(middle..end)?
        .windows(marker.len() + 1)
        .position(|window| window[..marker.len()] == *marker && next(window[marker.len()]))
        .map(|offset| middle + offset + marker.len() - 1)
}

/// A fast parser of a document whose body is a sequence of nodes (RDF/XML's node elements,
/// JSON-LD's node objects): it can read on from the start of any node.
pub(crate) trait NodeReader<'a> {
    /// The nodes up to the end of their sequence; or those before `split`, when a node
    /// starts there (`true`).
    fn nodes(&mut self, split: usize) -> Option<bool>;

    /// What follows the nodes, to the end of the document.
    fn end(&mut self) -> Option<()>;

    fn into_triples(self) -> Vec<TripleRef<'a>>;
}

/// The triples of a document read whole by `reader`, past the document's head.
pub(crate) fn read_nodes<'a>(mut reader: impl NodeReader<'a>) -> Option<Vec<TripleRef<'a>>> {
    reader.nodes(usize::MAX)?;
    reader.end()?;
    Some(reader.into_triples())
}

/// The triples of a document read in two halves: by `first` (past the document's head) up to
/// `split`, and from there by the reader `second` makes, on another thread. Reaching the split
/// between two nodes shows that a node starts there, in the same context as the first: if
/// the first reader does not, it reads on to the end alone.
pub(crate) fn read_nodes_in_two_halves<'a, F: NodeReader<'a>, S: NodeReader<'a>>(
    mut first: F,
    split: usize,
    second: impl FnOnce() -> S + Send,
) -> Option<Vec<TripleRef<'a>>> {
    let (first, second) = on_two_threads(
        move || {
            let reached_split = first.nodes(split)?;
            Some((first, reached_split))
        },
        move || read_nodes(second()),
    );
    let (mut first, reached_split) = first?;
    if !reached_split {
        first.end()?;
        return Some(first.into_triples());
    }
    let mut triples = first.into_triples();
    triples.extend(second?);
    Some(triples)
}

/// `first()` here and `second()` on another thread, at once; a panic of either goes on.
pub(crate) fn on_two_threads<A, B: Send>(
    first: impl FnOnce() -> A,
    second: impl FnOnce() -> B + Send,
) -> (A, B) {
    std::thread::scope(|scope| {
        let second = scope.spawn(second);
        let first = first();
        match second.join() {
            Ok(second) => (first, second),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// Labels a parser drew at random (and labels the model cannot hold) become `r0`, `r1`…
/// in order of appearance, so that reading the same bytes gives the same model.
pub(crate) fn relabel<'a>(
    mut triples: Vec<TripleRef<'a>>,
    store: &'a TripleStore,
) -> Vec<TripleRef<'a>> {
    fn keep(label: &str) -> bool {
        let random = label.len() >= 24 && label.bytes().all(|b| b.is_ascii_hexdigit());
        !random && fihris_model::BlankId::is_valid(label)
    }
    let needs = triples
        .iter()
        .flat_map(blank_labels)
        .any(|label| !keep(label));
    if !needs {
        return triples;
    }
    let used: FxHashSet<&str> = triples
        .iter()
        .flat_map(blank_labels)
        .filter(|label| keep(label))
        .collect();
    let mut renamed: FxHashMap<&'a str, BlankNodeRef<'a>> = FxHashMap::default();
    let strings = store.strings.get();
    let mut counter = 0usize;
    let mut rename = |node: BlankNodeRef<'a>| -> BlankNodeRef<'a> {
        if keep(node.as_str()) {
            return node;
        }
        *renamed.entry(node.as_str()).or_insert_with(|| {
            loop {
                let label = format!("r{counter}");
                counter += 1;
                if !used.contains(label.as_str()) {
                    return BlankNodeRef::new_unchecked(strings.alloc_str(&label));
                }
            }
        })
    };
    for triple in &mut triples {
        if let NamedOrBlankNodeRef::BlankNode(node) = triple.subject {
            triple.subject = rename(node).into();
        }
        if let TermRef::BlankNode(node) = triple.object {
            triple.object = rename(node).into();
        }
    }
    triples
}

fn blank_labels<'a>(triple: &TripleRef<'a>) -> impl Iterator<Item = &'a str> {
    let subject = match triple.subject {
        NamedOrBlankNodeRef::BlankNode(node) => Some(node.as_str()),
        NamedOrBlankNodeRef::NamedNode(_) => None,
    };
    let object = match triple.object {
        TermRef::BlankNode(node) => Some(node.as_str()),
        _ => None,
    };
    subject.into_iter().chain(object)
}

/// The triples the writers write for [`awkward_catalog`], in their order (read back from its
/// N-Triples): what the writers' tests give the serializers they are compared with.
#[cfg(test)]
pub(crate) fn awkward_triples(controls: bool) -> Vec<Triple> {
    let ntriples = crate::to_vec(&awkward_catalog(controls), RdfFormat::NTriples)
        .expect("N-Triples carries any value");
    NTriplesParser::new()
        .for_slice(&ntriples)
        .collect::<Result<_, _>>()
        .expect("the written N-Triples parse")
}

/// A catalogue with what escaping, language tags, datatypes, blank nodes and unmapped
/// statements bring, and with C0 controls and U+FFFF (which RDF/XML cannot carry) when
/// `controls`: what the fast parsers' tests write and read back.
#[cfg(test)]
pub(crate) fn awkward_catalog(controls: bool) -> fihris_model::Catalog {
    let extra = if controls {
        r" \u0001 \uFFFF back\\slash"
    } else {
        ""
    };
    let turtle = format!(
        r#"
        @prefix dcat: <http://www.w3.org/ns/dcat#> .
        @prefix dct: <http://purl.org/dc/terms/> .
        @prefix ex: <https://example.org/ns#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <https://data.gov.ma/catalog> a dcat:Catalog ; dct:title "Portail"@fr ;
            dcat:dataset <https://data.gov.ma/data/fr/dataset/a> .
        <https://data.gov.ma/data/fr/dataset/a> a dcat:Dataset ;
            dct:title "Quotes \" ' < > & and\nnew line\ttab é 🙂{extra}"@fr , "مؤشر"@ar ;
            dct:description "plain" , "" ;
            dct:issued "2024-01-02"^^xsd:date ;
            dct:publisher [ a <http://xmlns.com/foaf/0.1/Organization> ; <http://xmlns.com/foaf/0.1/name> "Org" ] ;
            ex:unmapped "x"^^ex:type , <https://example.org/thing> , [ ex:p "nested" ] ;
            dcat:distribution <https://data.gov.ma/data/fr/dataset/a/resource/1> .
        <https://data.gov.ma/data/fr/dataset/a/resource/1> a dcat:Distribution ;
            dcat:accessURL <https://data.gov.ma/r.csv?a=1&b=2> ;
            dcat:byteSize "12"^^xsd:nonNegativeInteger .
        "#
    );
    crate::DcatReader::new(RdfFormat::Turtle)
        .read_slice(turtle.as_bytes())
        .expect("the test catalogue reads")
        .catalog
}

/// A document over the size read in two halves: `head`, then nodes `node(0)`,
/// `node(1)`… joined by `separator`, then `tail`.
#[cfg(test)]
pub(crate) fn large_document(
    head: &str,
    separator: &str,
    tail: &str,
    mut node: impl FnMut(usize) -> String,
) -> String {
    let mut text = head.to_owned();
    let mut n = 0;
    while text.len() < 2 * PARALLEL_MIN_BYTES + 1000 {
        if n > 0 {
            text.push_str(separator);
        }
        text.push_str(&node(n));
        n += 1;
    }
    text.push_str(tail);
    text
}

/// `document` with `broken` inserted before the first `node_start` past a quarter, then
/// past three quarters: something a fast path leaves to the strict parser, in either half.
#[cfg(test)]
pub(crate) fn broken_in_each_half(document: &str, node_start: &str, broken: &str) -> [String; 2] {
    [document.len() / 4, 3 * document.len() / 4].map(|at| {
        let node = document[at..]
            .find(node_start)
            .map(|i| at + i)
            .expect("a node");
        format!("{}{broken}{}", &document[..node], &document[node..])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_names_are_told_from_others_in_their_slot() {
        // Same length and last two bytes: the same slot of the recent IRIs.
        let plain = "http://e/ab";
        assert_eq!(
            Recent::<()>::slot(plain.as_bytes()),
            Recent::<()>::slot("http://f/ab".as_bytes())
        );
        let mut recent = Recent::new();
        assert!(recent.plainly_valid(plain));
        assert!(recent.plainly_valid(plain));
        for other in ["http:/ee/ab", "//ee/xyz/ab", "../e/abcdab"] {
            assert_eq!(
                Recent::<()>::slot(other.as_bytes()),
                Recent::<()>::slot(plain.as_bytes())
            );
            assert!(!recent.plainly_valid(other), "{other}");
        }
        assert!(!recent.plainly_valid(""));
        assert!(recent.plainly_valid("http://f/ab"));
    }

    fn options() -> ParseOptions {
        ParseOptions {
            base_iri: None,
            max_input_bytes: 1 << 20,
            max_depth: 64,
            max_literal_bytes: 1 << 20,
            contexts: Arc::new(Vec::new()),
        }
    }

    #[test]
    fn the_jsonld_fast_path_reads_no_deeper_than_it_says() {
        let written = crate::to_vec(&awkward_catalog(true), RdfFormat::JsonLd).unwrap();
        assert!(crate::jsonld_fast::parse_fast(&written, None, &Herd::default()).is_some());
        let deepest = crate::jsonld_fast::DEEPEST;
        assert!(json_depth_exceeds(&written, deepest).is_none());
        assert!(json_depth_exceeds(&written, deepest - 1).is_some());
        // Under a lower limit, fihris's own JSON-LD is refused as before.
        let options = ParseOptions {
            max_depth: deepest - 1,
            ..options()
        };
        let error = parse(
            &written,
            RdfFormat::JsonLd,
            &options,
            &TripleStore::default(),
        )
        .err()
        .unwrap();
        assert_eq!(error.kind(), ReadErrorKind::TooDeep);
    }

    #[test]
    fn files_are_read_whole_in_two_halves_or_as_a_stream() {
        let dir = std::env::temp_dir().join(format!("fihris-read-file-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // A byte pattern of period 251: a half read at another offset changes the bytes.
        let large = dir.join("large.nt");
        let bytes: Vec<u8> = (0..TWO_THREADS_READ_FROM + 12_345)
            .map(|n| (n % 251) as u8)
            .collect();
        std::fs::write(&large, &bytes).unwrap();
        assert!(read_file(&large, u64::MAX).unwrap() == bytes);
        let size = bytes.len() as u64;
        assert_eq!(
            read_file(&large, size - 1).unwrap_err().kind(),
            ReadErrorKind::InputTooLarge
        );
        #[cfg(unix)]
        {
            // A file shorter or longer than the size its metadata gave is read as a stream.
            let file = std::fs::File::open(&large).unwrap();
            assert!(read_halves(&file, size + 10).is_none());
            assert!(read_halves(&file, size - 10).is_none());
            assert!(read_halves(&file, size).unwrap() == bytes);
        }
        let small = dir.join("small.nt");
        std::fs::write(&small, b"<a:s> <a:p> <a:o> .\n").unwrap();
        assert_eq!(read_file(&small, 20).unwrap(), b"<a:s> <a:p> <a:o> .\n");
        assert_eq!(
            read_file(&small, 19).unwrap_err().kind(),
            ReadErrorKind::InputTooLarge
        );
        let missing = read_file(&dir.join("missing.nt"), u64::MAX).unwrap_err();
        assert_eq!(missing.kind(), ReadErrorKind::Io);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn deduplication_keeps_first_occurrences_in_order() {
        // Enough triples for two threads; every third repeats an earlier one.
        let iris: &'static [String] = Vec::leak(
            (0..PARALLEL_FROM * 2)
                .map(|n| format!("https://example.org/{}", if n % 3 == 2 { n / 7 } else { n }))
                .collect(),
        );
        let predicate = oxrdf::NamedNodeRef::new_unchecked("https://example.org/p");
        let triples: Vec<TripleRef<'static>> = iris
            .iter()
            .map(|iri| {
                let node = oxrdf::NamedNodeRef::new_unchecked(iri);
                TripleRef::new(node, predicate, node)
            })
            .collect();
        let first_occurrences = |triples: &[TripleRef<'static>]| -> Vec<TripleRef<'static>> {
            let mut seen = FxHashSet::default();
            triples
                .iter()
                .copied()
                .filter(|t| seen.insert(*t))
                .collect()
        };
        let expected = first_occurrences(&triples);
        assert!(expected.len() < triples.len() * 3 / 4);
        assert_eq!(dedup(triples.clone()), expected);
        // One thread below the threshold.
        assert_eq!(
            dedup(triples[..100].to_vec()),
            first_occurrences(&triples[..100])
        );
    }

    #[test]
    fn what_the_fast_path_leaves_is_a_syntax_error_with_its_position() {
        for (format, text, line) in [
            (
                RdfFormat::NTriples,
                "<http://a/> <http://p/> <http://b/> .\n<a b> <http://p/> <http://c/> .\n",
                2,
            ),
            (
                RdfFormat::NTriples,
                "<http://a/> <http://p/> \"x\"@not_a_tag .\n",
                1,
            ),
            (
                RdfFormat::Turtle,
                "<http://a/> <http://p/> \"x\" .\n<http://a/> <http://p/> <http://b/ c> .\n",
                2,
            ),
            (RdfFormat::Turtle, "<http://a/> <http://p/> \"a\nb\" .\n", 1),
            (
                RdfFormat::Turtle,
                "<http://a/> <http://p/> \"x\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .\n",
                1,
            ),
        ] {
            assert!(
                crate::turtle::parse_fast(
                    text.as_bytes(),
                    format == RdfFormat::NTriples,
                    None,
                    &Herd::new()
                )
                .is_none(),
                "{text}"
            );
            let store = TripleStore::default();
            let error = parse(text.as_bytes(), format, &options(), &store).expect_err(text);
            assert_eq!(error.line(), Some(line), "{text}: {error}");
            assert!(error.column().is_some(), "{text}");
        }
    }
}
