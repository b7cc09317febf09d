//! The JSON-LD fihris writes, read without a JSON-LD processor: the embedded context byte for
//! byte, then flat node objects under `@graph` (`@id` first, `@type` next, then properties
//! whose values are arrays of strings, `{"@id"}` and `{"@value"}` objects of strings). Such a document
//! means exactly what the context's terms say, so its triples can be read in one pass over
//! the bytes, in the order oxjsonld gives them: the fast path of JSON-LD reading, as
//! `turtle::parse_fast` is Turtle's (oxjsonld's expansion took 70 % of reading fihris's own
//! JSON-LD). Anything else — another context, nesting, numbers, relative or invalid IRIs,
//! a key twice, JSON errors — returns `None`, and oxjsonld reads the document.

use std::collections::hash_map::Entry;
use std::sync::OnceLock;

use bumpalo_herd::{Herd, Member};
use fihris_vocab::ns::rdf;
use oxrdf::{BlankNodeRef, LiteralRef, NamedNodeRef, NamedOrBlankNodeRef, TermRef, TripleRef};
use rustc_hash::FxHashMap;

use crate::jsonld::{TermDefinition, context_value, term_by_name};
use crate::parse::{NodeReader, PARALLEL_MIN_BYTES, Recent, read_nodes, read_nodes_in_two_halves};

/// The deepest nesting of arrays and objects in what the fast path reads: the document, its
/// context and a term's definition in it, or `@graph`, a node, a property's values and a
/// value object.
pub(crate) const DEEPEST: usize = 5;

/// The context as the writer writes it.
fn context_bytes() -> &'static [u8] {
    static CONTEXT: OnceLock<Vec<u8>> = OnceLock::new();
    CONTEXT.get_or_init(|| serde_json::to_vec_pretty(context_value()).unwrap_or_default())
}

/// Reads `bytes` as fihris's JSON-LD, or `None` when a JSON-LD processor must decide. The
/// base IRI changes nothing here (absolute IRIs are taken as they are), but a bad one is
/// oxjsonld's to report.
///
/// A large document is read in two halves on two threads
/// ([`read_nodes_in_two_halves`]), split at a node object that starts a line after two
/// spaces, as the writer indents them.
pub(crate) fn parse_fast<'a>(
    bytes: &'a [u8],
    base: Option<&str>,
    strings: &'a Herd,
) -> Option<Vec<TripleRef<'a>>> {
    let text = crate::parse::fast_path_text(bytes, base)?;
    // About one triple per 190 bytes: twice as many reserved (address space, not touched
    // memory) saves copying the vector as it grows, and the second half's added to it.
    let mut first = Reader::new(text, strings, bytes.len() / 95);
    if !first.open()? {
        first.end()?;
        return Some(first.triples);
    }
    let Some(split) = (bytes.len() >= PARALLEL_MIN_BYTES)
        .then(|| find_split(bytes, first.at))
        .flatten()
    else {
        return read_nodes(first);
    };
    read_nodes_in_two_halves(first, split, move || {
        // A herd's member stays on its thread: made there.
        let mut second = Reader::new(text, strings, (bytes.len() - split) / 95);
        second.at = split;
        second
    })
}

/// Where to cut a document in two: a line that starts with two spaces and `{`, after
/// `@graph` opens (at `after`).
fn find_split(bytes: &[u8], after: usize) -> Option<usize> {
    crate::parse::find_split(bytes, after, b"\n  {", |_| true)
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
    strings: Member<'a>,
    /// Language tags met, and whether oxrdf takes them as they are.
    languages: FxHashMap<&'a str, bool>,
    triples: Vec<TripleRef<'a>>,
    /// Absolute IRIs taken as they are (see [`Reader::absolute_iri`]): the vocabulary terms
    /// of distributions and datasets come back node after node.
    recent_iris: Recent<'a, ()>,
    /// Names looked up among the context's terms (see [`Reader::term`]): the keys of one
    /// node come back node after node.
    recent_terms: Recent<'a, Option<&'static TermDefinition>>,
}

/// What a property key means: its IRI, and whether string values are IRIs.
struct Property<'a> {
    iri: NamedNodeRef<'a>,
    id_valued: bool,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, strings: &'a Herd, capacity: usize) -> Self {
        Reader {
            text,
            at: 0,
            strings: strings.get(),
            languages: FxHashMap::default(),
            triples: Vec::with_capacity(capacity),
            recent_iris: Recent::new(),
            recent_terms: Recent::new(),
        }
    }

    /// The term of the context named `name`, remembered by name (a look-up in the table of
    /// terms hashes the name).
    fn term(&mut self, name: &'a str) -> Option<&'static TermDefinition> {
        if let Some(term) = self.recent_terms.get(name) {
            return term;
        }
        let term = term_by_name(name);
        self.recent_terms.put(name, term);
        term
    }

    /// The document up to the first node of `@graph`: whether it has any.
    fn open(&mut self) -> Option<bool> {
        self.byte(b'{')?;
        self.key("@context")?;
        self.whitespace();
        let context = context_bytes();
        if !self.text.as_bytes()[self.at..].starts_with(context) || context.is_empty() {
            return None;
        }
        self.at += context.len();
        self.byte(b',')?;
        self.key("@graph")?;
        self.byte(b'[')?;
        if self.next_is(b']') {
            self.at += 1;
            return Some(false);
        }
        Some(true)
    }
}

impl<'a> NodeReader<'a> for Reader<'a> {
    /// The nodes of `@graph` and its end.
    fn nodes(&mut self, split: usize) -> Option<bool> {
        loop {
            self.node()?;
            if !self.comma_or(b']')? {
                return Some(false);
            }
            self.whitespace();
            if self.at == split {
                return Some(true);
            }
        }
    }

    /// After `@graph`: the document's end.
    fn end(&mut self) -> Option<()> {
        self.byte(b'}')?;
        self.whitespace();
        (self.at == self.text.len()).then_some(())
    }

    fn into_triples(self) -> Vec<TripleRef<'a>> {
        self.triples
    }
}

impl<'a> Reader<'a> {
    fn node(&mut self) -> Option<()> {
        self.byte(b'{')?;
        self.key("@id")?;
        let id = self.string()?;
        let subject = match self.node_term(id)? {
            TermRef::NamedNode(node) => NamedOrBlankNodeRef::NamedNode(node),
            TermRef::BlankNode(node) => NamedOrBlankNodeRef::BlankNode(node),
            _ => return None,
        };
        let mut keys: Vec<&'a str> = Vec::new();
        while self.comma_or(b'}')? {
            let key = self.string()?;
            self.byte(b':')?;
            // A key twice is left to the JSON-LD processor.
            if keys.contains(&key) {
                return None;
            }
            keys.push(key);
            if key == "@type" {
                // Only right after `@id`, where oxjsonld also gives the types first, sorted
                // as written (before expansion).
                if keys.len() != 1 {
                    return None;
                }
                let mut classes = Vec::new();
                self.array(|reader| {
                    classes.push(reader.string()?);
                    Some(())
                })?;
                classes.sort_unstable();
                for class in classes {
                    let class = self.vocabulary_iri(class)?;
                    self.push(subject, rdf::TYPE, TermRef::NamedNode(class));
                }
                continue;
            }
            let property = self.property(key)?;
            self.array(|reader| {
                let object = reader.value(property.id_valued)?;
                reader
                    .triples
                    .push(TripleRef::new(subject, property.iri, object));
                Some(())
            })?;
        }
        Some(())
    }

    fn push(
        &mut self,
        subject: NamedOrBlankNodeRef<'a>,
        predicate: &'static str,
        object: TermRef<'a>,
    ) {
        self.triples.push(TripleRef::new(
            subject,
            NamedNodeRef::new_unchecked(predicate),
            object,
        ));
    }

    fn property(&mut self, key: &'a str) -> Option<Property<'a>> {
        if key.starts_with('@') {
            return None;
        }
        Some(match self.term(key) {
            Some(TermDefinition { iri, id_valued, .. }) => Property {
                iri: NamedNodeRef::new_unchecked(iri),
                id_valued: *id_valued,
            },
            None => Property {
                iri: self.absolute_iri(key)?,
                id_valued: false,
            },
        })
    }

    /// One element of a property's array.
    fn value(&mut self, id_valued: bool) -> Option<TermRef<'a>> {
        self.whitespace();
        if !self.next_is(b'{') {
            let value = self.string()?;
            return if id_valued {
                self.node_term(value)
            } else {
                Some(LiteralRef::new_simple_literal(value).into())
            };
        }
        // A value object: one or two members whose values are strings, in any order (the
        // writer's are sorted: `@language` and `@type` before `@value`).
        self.byte(b'{')?;
        let mut members: [(&'a str, &'a str); 2] = [("", ""); 2];
        let mut count = 0;
        loop {
            let key = self.string()?;
            self.byte(b':')?;
            *members.get_mut(count)? = (key, self.string()?);
            count += 1;
            if !self.comma_or(b'}')? {
                break;
            }
        }
        members[..count].sort_unstable();
        match &members[..count] {
            [("@id", id)] => self.node_term(id),
            [("@value", value)] => Some(LiteralRef::new_simple_literal(value).into()),
            [("@language", tag), ("@value", value)] if self.language_as_written(tag) => {
                Some(LiteralRef::new_language_tagged_literal_unchecked(value, tag).into())
            }
            [("@type", datatype), ("@value", value)] => {
                let datatype = self.vocabulary_iri(datatype)?;
                Some(LiteralRef::new_typed_literal(value, datatype).into())
            }
            _ => None,
        }
    }

    /// A node reference: `_:label` or an absolute IRI (never resolved: absolute IRIs are
    /// taken as they are by JSON-LD's IRI expansion, and no term here is a prefix).
    fn node_term(&mut self, value: &'a str) -> Option<TermRef<'a>> {
        if let Some(label) = value.strip_prefix("_:") {
            return BlankNodeRef::new(label).ok().map(TermRef::BlankNode);
        }
        self.absolute_iri(value).map(TermRef::NamedNode)
    }

    /// A class or datatype: a term of the context, or an absolute IRI.
    fn vocabulary_iri(&mut self, value: &'a str) -> Option<NamedNodeRef<'a>> {
        match self.term(value) {
            Some(term) => Some(NamedNodeRef::new_unchecked(term.iri)),
            None => self.absolute_iri(value),
        }
    }

    /// An IRI oxjsonld would take as it is: valid (it drops invalid ones), and not a compact
    /// IRI whose prefix is a term (which a JSON-LD 1.0 processor would expand).
    fn absolute_iri(&mut self, value: &'a str) -> Option<NamedNodeRef<'a>> {
        if self.recent_iris.get(value).is_some() {
            return Some(NamedNodeRef::new_unchecked(value));
        }
        let scheme = value.split(':').next().unwrap_or_default();
        if self.term(scheme).is_some() {
            return None;
        }
        let iri = crate::parse::valid_iri(value)?;
        self.recent_iris.put(value, ());
        Some(iri)
    }

    /// Whether oxrdf takes the tag as written: well-formed and already lowercase (it
    /// lowercases tags, and drops the literal of a malformed one).
    fn language_as_written(&mut self, tag: &'a str) -> bool {
        match self.languages.entry(tag) {
            Entry::Occupied(entry) => *entry.get(),
            Entry::Vacant(entry) => *entry.insert(
                oxrdf::Literal::new_language_tagged_literal("", tag)
                    .is_ok_and(|literal| literal.language() == Some(tag)),
            ),
        }
    }

    /// `[` elements separated by commas `]`, each read by `element`.
    fn array(&mut self, mut element: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.byte(b'[')?;
        if self.next_is(b']') {
            self.at += 1;
            return Some(());
        }
        loop {
            element(self)?;
            if !self.comma_or(b']')? {
                return Some(());
            }
        }
    }

    /// After a member: `true` on a comma, `false` on `end` (consumed), `None` otherwise.
    fn comma_or(&mut self, end: u8) -> Option<bool> {
        self.whitespace();
        match self.text.as_bytes().get(self.at) {
            Some(b',') => {
                self.at += 1;
                Some(true)
            }
            Some(&byte) if byte == end => {
                self.at += 1;
                Some(false)
            }
            _ => None,
        }
    }

    fn key(&mut self, expected: &str) -> Option<()> {
        (self.string()? == expected).then_some(())?;
        self.byte(b':')
    }

    fn next_is(&mut self, byte: u8) -> bool {
        self.whitespace();
        self.text.as_bytes().get(self.at) == Some(&byte)
    }

    fn byte(&mut self, byte: u8) -> Option<()> {
        self.next_is(byte).then(|| self.at += 1)
    }

    fn whitespace(&mut self) {
        let bytes = self.text.as_bytes();
        while let Some(&byte) = bytes.get(self.at) {
            if !matches!(byte, b' ' | b'\n' | b'\r' | b'\t') {
                return;
            }
            self.at += 1;
            // Indentation, four spaces at a time (the writer's lines start with four).
            while bytes.get(self.at..self.at + 4) == Some(b"    ") {
                self.at += 4;
            }
        }
    }

    /// A JSON string: borrowed from the input when it has no escape, else unescaped into
    /// the herd.
    fn string(&mut self) -> Option<&'a str> {
        self.byte(b'"')?;
        let bytes = self.text.as_bytes();
        let start = self.at;
        let mut end = start + fihris_vocab::plain_prefix(&bytes[start..], b"\"\\", true);
        while let Some(&byte) = bytes.get(end) {
            match byte {
                b'"' => {
                    self.at = end + 1;
                    return Some(&self.text[start..end]);
                }
                b'\\' => break,
                0x00..=0x1F => return None,
                _ => end += 1,
            }
        }
        let mut unescaped = String::from(&self.text[start..end]);
        let mut at = end;
        loop {
            match *bytes.get(at)? {
                b'"' => break,
                b'\\' => {
                    let escape = *bytes.get(at + 1)?;
                    at += 2;
                    unescaped.push(match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{C}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let (c, read) = unicode_escape(&bytes[at..])?;
                            at += read;
                            c
                        }
                        _ => return None,
                    });
                }
                0x00..=0x1F => return None,
                _ => {
                    // A run of plain characters (on character boundaries: `"` and `\` are
                    // ASCII, never inside a multi-byte character).
                    let run = bytes[at..]
                        .iter()
                        .position(|&byte| matches!(byte, b'"' | b'\\' | 0x00..=0x1F))
                        .map_or(bytes.len(), |offset| at + offset);
                    unescaped.push_str(&self.text[at..run]);
                    at = run;
                }
            }
        }
        self.at = at + 1;
        Some(self.strings.alloc_str(&unescaped))
    }
}

/// The character of `XXXX` (after `\u`), with the low half of a surrogate pair; the bytes
/// read. A lone surrogate is `None` (oxjsonld's JSON parser refuses it too).
fn unicode_escape(bytes: &[u8]) -> Option<(char, usize)> {
    let unit = |bytes: &[u8]| -> Option<u32> {
        let hex = std::str::from_utf8(bytes.get(..4)?).ok()?;
        if !hex.bytes().all(|byte| byte.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(hex, 16).ok()
    };
    let high = unit(bytes)?;
    if !(0xD800..0xDC00).contains(&high) {
        return char::from_u32(high).map(|c| (c, 4));
    }
    if bytes.get(4..6)? != b"\\u" {
        return None;
    }
    let low = unit(&bytes[6..])?;
    if !(0xDC00..0xE000).contains(&low) {
        return None;
    }
    char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)).map(|c| (c, 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrogate_pairs_and_lone_surrogates() {
        assert_eq!(unicode_escape(b"00e9"), Some(('é', 4)));
        assert_eq!(unicode_escape(b"D83D\\uDE42"), Some(('🙂', 10)));
        assert_eq!(unicode_escape(b"D83D"), None);
        assert_eq!(unicode_escape(b"DE42"), None);
        assert_eq!(unicode_escape(b"00g9"), None);
    }

    /// A catalogue with what escaping, tags, datatypes, blank nodes and unmapped statements
    /// bring, written by the writer: read in one pass, to the very triples oxjsonld gives, in
    /// its order.
    #[test]
    fn written_jsonld_read_as_oxjsonld_reads_it() {
        let catalog = crate::parse::awkward_catalog(true);
        let written = crate::to_vec(&catalog, crate::RdfFormat::JsonLd).expect("written");
        let fast = fast(&written).expect("the fast path reads what the writer writes");
        assert!(fast.len() >= 20, "{}", fast.len());
        assert_eq!(fast, oxjsonld(&written));
    }

    fn oxjsonld(bytes: &[u8]) -> Vec<oxrdf::Triple> {
        oxjsonld::JsonLdParser::new()
            .for_slice(bytes)
            .map(|quad| {
                let quad = quad.expect("oxjsonld reads it");
                oxrdf::Triple::new(quad.subject, quad.predicate, quad.object)
            })
            .collect()
    }

    fn fast(bytes: &[u8]) -> Option<Vec<oxrdf::Triple>> {
        let herd = Herd::new();
        parse_fast(bytes, None, &herd)
            .map(|triples| triples.into_iter().map(TripleRef::into_owned).collect())
    }

    /// A document over the size read in two halves, in the writer's context, its nodes made
    /// by `node`.
    fn large(node: impl FnMut(usize) -> String) -> String {
        let context = std::str::from_utf8(context_bytes()).expect("UTF-8");
        let head = format!("{{\n  \"@context\": {context},\n  \"@graph\": [");
        crate::parse::large_document(&head, ",", "\n]\n}\n", node)
    }

    #[test]
    fn large_documents_read_in_two_halves_give_what_oxjsonld_gives() {
        let written = large(|n| {
            format!(
                "\n  {{\n    \"@id\": \"https://x.org/d{n}\",\n    \"@type\": [\"Dataset\"],\n    \"title\": [{{\"@language\":\"fr\",\"@value\":\"titre {n} \\\"cité\\\"\"}}],\n    \"contactPoint\": [\"_:b{n}\"]\n  }}"
            )
        });
        assert!(find_split(written.as_bytes(), 0).is_some());
        assert_eq!(fast(written.as_bytes()), Some(oxjsonld(written.as_bytes())));

        // Where a line of two spaces starts a value object instead, the first thread reads
        // past it and on to the end.
        let indented_otherwise = large(|n| {
            format!("{{\"@id\": \"https://x.org/d{n}\", \"title\": [\n  {{\"@value\":\"{n}\"}}]}}")
        });
        assert!(find_split(indented_otherwise.as_bytes(), 0).is_some());
        assert_eq!(
            fast(indented_otherwise.as_bytes()),
            Some(oxjsonld(indented_otherwise.as_bytes()))
        );

        // What the fast path leaves to the processor, in either half, leaves it the document.
        for broken in crate::parse::broken_in_each_half(&written, "\n  {", "\n  {\"@id\": 1},") {
            assert_eq!(fast(broken.as_bytes()), None);
        }
    }

    #[test]
    fn iris_met_again_are_read_as_oxjsonld_reads_them() {
        let context = std::str::from_utf8(context_bytes()).expect("UTF-8");
        let document = |values: &str| {
            format!(
                "{{\"@context\": {context}, \"@graph\": [{{\"@id\": \"https://x.org/a\", \
                 \"@type\": [\"Dataset\"], \"contactPoint\": [{values}]}}]}}"
            )
        };
        // Met again (remembered), and another IRI in the same slot (same length and last two
        // bytes).
        let plain = document(r#""https://x.org/ab", "https://x.org/ab", "https://y.org/ab""#);
        let read = fast(plain.as_bytes()).expect("read");
        assert_eq!(read.len(), 4);
        assert_eq!(read, oxjsonld(plain.as_bytes()));
        // A compact IRI whose prefix is a term, in the slot of an IRI just read (16 bytes
        // ending in `ab`): left to the processor, as when it comes first.
        for values in [
            r#""https://x.org/ab", "title:xxxxxxxxab""#,
            r#""title:xxxxxxxxab""#,
        ] {
            assert_eq!(fast(document(values).as_bytes()), None, "{values}");
        }
    }

    #[test]
    fn keys_in_the_slot_of_a_term_and_any_indentation_are_read_as_oxjsonld_reads_them() {
        let context = std::str::from_utf8(context_bytes()).expect("UTF-8");
        // `ur:le` and `title` share a slot of the remembered terms (five bytes ending in `le`).
        let document = format!(
            "{{\"@context\": {context},\r\n\t\"@graph\": [\n        \t {{\"@id\": \"https://x.org/a\",\
             \n    \"title\": [\"T\"],\n     \"ur:le\": [\"U\"],\r\n    \"description\" \t: [\"V\"]}}]}}"
        );
        let read = fast(document.as_bytes()).expect("read");
        assert_eq!(read.len(), 3);
        assert_eq!(read, oxjsonld(document.as_bytes()));
    }

    #[test]
    fn another_context_or_shape_is_left_to_the_processor() {
        let herd = Herd::new();
        for document in [
            "{}",
            r#"{"@context": "https://example.org/context.jsonld", "@graph": []}"#,
            r#"[{"@id": "https://example.org/a"}]"#,
        ] {
            assert!(
                parse_fast(document.as_bytes(), None, &herd).is_none(),
                "{document}"
            );
        }
    }
}
