//! The fast path of Turtle and N-Triples reading.
//!
//! Catalogues are large and written by machines: absolute IRIs, a few prefixes, short literals
//! with language tags, nested blank nodes for contacts and periods. This parser reads that
//! subset directly from the bytes, about ten times faster than the general parser, and gives
//! exactly the triples oxttl's strict parser gives, in the same order. On anything outside
//! the subset — and on anything invalid — it gives up (`None`) and the strict parser reads
//! the document again and decides, with the position of the error. Outside the subset:
//! relative IRIs and `@base` (absolute IRIs are the same with or without a base: oxiri keeps
//! their dot segments), collections, a blank node property list as a subject,
//! non-ASCII characters and escapes in prefixed and blank node names.

use std::fmt::Write as _;

use bumpalo_herd::{Herd, Member};
use oxrdf::{
    BlankNodeRef, LiteralRef, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, TermRef, TripleRef,
};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::parse::Recent;

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDF_LANG_STRING: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
const RDF_DIR_LANG_STRING: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString";
const XSD_BOOLEAN: &str = "http://www.w3.org/2001/XMLSchema#boolean";
const XSD_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";
const XSD_DECIMAL: &str = "http://www.w3.org/2001/XMLSchema#decimal";
const XSD_DOUBLE: &str = "http://www.w3.org/2001/XMLSchema#double";

/// Deeper nests of blank node property lists are left to the strict parser.
const MAX_NESTING: usize = 64;

/// The first label given to an anonymous blank node: 32 hexadecimal digits, like the random
/// labels of oxrdf, so that `relabel` renames both the same way.
const ANONYMOUS_BASE: u128 = 0xf000_0000_0000_0000_0000_0000_0000_0000;

/// The bytes that end the plain part of an IRI: `>`, an escape, or what an IRI cannot hold.
const ENDS_IRI: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte <= b' ' {
        table[byte as usize] = true;
        byte += 1;
    }
    let others = b"><\\\"{}|^`";
    let mut i = 0;
    while i < others.len() {
        table[others[i] as usize] = true;
        i += 1;
    }
    table
};

/// Anonymous nodes of the second half of a document are numbered from here.
const SECOND_HALF_ANONYMOUS: u128 = 1 << 64;

/// Reads `bytes` as Turtle (or N-Triples when `ntriples`), or `None` when the strict parser
/// must decide. Terms borrow from `bytes` where they are written whole (most IRIs and
/// literals) and from `strings` otherwise; each distinct IRI is stored and checked once.
///
/// A large document is read in two halves on two threads, split at a line that starts a
/// statement. The first half read to its end without error shows the split was between two
/// statements; the second half is read with the prefixes of the head of the document, so a
/// prefix bound again to another IRI in the first half after its first triple, or any
/// failure, sends the whole document to one thread.
pub(crate) fn parse_fast<'a>(
    bytes: &'a [u8],
    ntriples: bool,
    base: Option<&str>,
    strings: &'a Herd,
) -> Option<Vec<TripleRef<'a>>> {
    if let Some(base) = base {
        NamedNode::new(base).ok()?;
    }
    // Catalogues have about one triple per 90 bytes: room for twice as many is only
    // reserved, not touched, and saves copying the vector as it grows.
    let capacity = bytes.len() / 45;
    let whole = || {
        let text = std::str::from_utf8(bytes).ok()?;
        let mut parser = Parser::new(text, ntriples, strings.get(), 0, capacity);
        parser.document()?;
        Some(parser.triples)
    };
    let Some(split) = (bytes.len() >= crate::parse::PARALLEL_MIN_BYTES)
        .then(|| find_split(bytes, ntriples))
        .flatten()
    else {
        return whole();
    };
    // The split is at the start of a line, a character boundary: each half is checked as
    // UTF-8 apart, the second on its thread.
    let head = std::str::from_utf8(&bytes[..split]).ok()?;
    let mut first = Parser::new(head, ntriples, strings.get(), 0, capacity);
    first.head()?;
    let prefixes = first.prefixes.clone();
    let (first_read, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| {
            let mut second = Parser::new(
                std::str::from_utf8(&bytes[split..]).ok()?,
                ntriples,
                strings.get(),
                SECOND_HALF_ANONYMOUS,
                (bytes.len() - split) / 45,
            );
            second.prefixes = prefixes;
            second.document().map(|()| second.triples)
        });
        (first.document(), second.join().ok().flatten())
    });
    match (first_read, second) {
        (Some(()), Some(second)) if !first.late_prefix => {
            let mut triples = first.triples;
            triples.extend(second);
            Some(triples)
        }
        _ => whole(),
    }
}

/// Where to cut a document in two: the start of a line that may start a statement, after a
/// line ending with `.`, past the middle.
fn find_split(bytes: &[u8], ntriples: bool) -> Option<usize> {
    let middle = bytes.len() / 2;
    let end = bytes.len().min(middle + crate::parse::PARALLEL_MIN_BYTES);
    let mut at = middle;
    while let Some(offset) = bytes[at..end].iter().position(|b| *b == b'\n') {
        at += offset + 1;
        let starts = bytes
            .get(at)
            .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'<' | b'_'));
        let previous = bytes[..at - 1]
            .iter()
            .rev()
            .find(|b| !matches!(b, b' ' | b'\t' | b'\r'));
        if starts && (ntriples || previous == Some(&b'.')) {
            return Some(at);
        }
    }
    None
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    ntriples: bool,
    strings: Member<'a>,
    /// Where names are put together before they are looked up.
    scratch: String,
    prefixes: FxHashMap<&'a str, &'a str>,
    /// IRIs already checked, each distinct value once.
    valid_iris: FxHashSet<&'a str>,
    /// Prefixed names already read (`dct:title`), expanded and checked. Emptied when a
    /// prefix is bound.
    expanded: FxHashMap<&'a str, &'a str>,
    /// Language tags already checked, with their lower-case form.
    valid_languages: FxHashMap<&'a str, &'a str>,
    anonymous: u128,
    triples: Vec<TripleRef<'a>>,
    /// The last triple has a literal without language or datatype, and no token followed.
    bare_literal_last: bool,
    /// The object just read is a blank node property list that ended right after a bare
    /// literal.
    closes_after_bare_literal: bool,
    /// A triple was read.
    triples_seen: bool,
    /// A prefix was bound again, to another IRI, after a triple.
    late_prefix: bool,
    /// The last subject written `<iri>`: N-Triples repeat it line after line.
    previous_subject: Option<&'a str>,
    /// IRIs written `<iri>` and plainly valid: the predicates, classes and vocabulary terms
    /// of N-Triples come back line after line.
    recent_iris: Recent<'a, ()>,
}

fn is_name_byte(byte: u8) -> bool {
    LOCAL_NAME[usize::from(byte)] && byte != b':'
}

/// The bytes of the local part of a prefixed name read here without escapes: ASCII letters
/// and digits, `_`, `-`, `.` and `:`.
const LOCAL_NAME: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte as usize] =
            (byte as u8).is_ascii_alphanumeric() || matches!(byte as u8, b'_' | b'-' | b'.' | b':');
        byte += 1;
    }
    table
};

impl<'a> Parser<'a> {
    fn new(
        text: &'a str,
        ntriples: bool,
        strings: Member<'a>,
        anonymous: u128,
        capacity: usize,
    ) -> Self {
        Parser {
            text,
            pos: 0,
            ntriples,
            strings,
            scratch: String::new(),
            prefixes: FxHashMap::default(),
            valid_iris: FxHashSet::default(),
            expanded: FxHashMap::default(),
            valid_languages: FxHashMap::default(),
            anonymous,
            triples: Vec::with_capacity(capacity),
            bare_literal_last: false,
            closes_after_bare_literal: false,
            triples_seen: false,
            late_prefix: false,
            previous_subject: None,
            recent_iris: Recent::new(),
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    fn at(&self, offset: usize) -> Option<u8> {
        self.bytes().get(self.pos + offset).copied()
    }

    /// Skips white space and comments. In N-Triples a triple stays on one line: a line break
    /// inside one is left to the strict parser.
    fn skip_space(&mut self, inside_triple: bool) -> Option<()> {
        while let Some(byte) = self.peek() {
            match byte {
                b' ' | b'\t' => self.pos += 1,
                b'\n' | b'\r' | b'#' if self.ntriples && inside_triple => return None,
                b'\n' | b'\r' => self.pos += 1,
                b'#' => {
                    self.pos = self.bytes()[self.pos..]
                        .iter()
                        .position(|b| matches!(b, b'\n' | b'\r'))
                        .map_or(self.bytes().len(), |end| self.pos + end);
                }
                _ => break,
            }
        }
        Some(())
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek() == Some(byte)).then(|| self.pos += 1)
    }

    fn document(&mut self) -> Option<()> {
        loop {
            self.skip_space(false)?;
            if self.peek().is_none() {
                return Some(());
            }
            if self.directive()? {
                continue;
            }
            self.triples_seen = true;
            let subject = self.subject()?;
            self.skip_space(true)?;
            self.predicate_objects(subject, 0)?;
            self.skip_space(true)?;
            self.expect(b'.')?;
            if self.ntriples {
                self.end_of_line()?;
            }
        }
    }

    /// The directives before the first triple.
    fn head(&mut self) -> Option<()> {
        loop {
            self.skip_space(false)?;
            if self.peek().is_none() || !self.directive()? {
                return Some(());
            }
        }
    }

    /// Reads a prefix declaration if one comes; `false` when something else does.
    fn directive(&mut self) -> Option<bool> {
        match self.peek() {
            Some(b'@') if !self.ntriples => {
                if !self.text[self.pos..].starts_with("@prefix") {
                    return None;
                }
                self.pos += "@prefix".len();
                self.prefix()?;
                self.skip_space(false)?;
                self.expect(b'.')?;
                Some(true)
            }
            Some(b'P' | b'p') if !self.ntriples && self.sparql_prefix() => {
                self.pos += "PREFIX".len();
                self.prefix()?;
                Some(true)
            }
            _ => Some(false),
        }
    }

    /// `PREFIX` (any case) followed by white space.
    fn sparql_prefix(&self) -> bool {
        self.bytes()
            .get(self.pos..self.pos + 6)
            .is_some_and(|word| word.eq_ignore_ascii_case(b"prefix"))
            && matches!(self.at(6), Some(b' ' | b'\t' | b'\n' | b'\r'))
    }

    /// In N-Triples, nothing but a comment may follow a triple on its line.
    fn end_of_line(&mut self) -> Option<()> {
        while let Some(b' ' | b'\t') = self.peek() {
            self.pos += 1;
        }
        match self.peek() {
            None | Some(b'\n' | b'\r' | b'#') => Some(()),
            Some(_) => None,
        }
    }

    /// The rest of a prefix declaration: `name: <iri>`.
    fn prefix(&mut self) -> Option<()> {
        let space = self.pos;
        self.skip_space(false)?;
        if self.pos == space {
            return None;
        }
        let start = self.pos;
        while self.peek().is_some_and(is_name_byte) {
            self.pos += 1;
        }
        let name = &self.text[start..self.pos];
        if !valid_prefix(name) {
            return None;
        }
        self.expect(b':')?;
        self.skip_space(false)?;
        let iri = self.iri_ref()?;
        // The second half of a document is read with the prefixes of its head: one bound
        // again to another IRI after a triple may change its meaning there. A new prefix
        // cannot: the second half, not knowing it, fails if it uses it.
        if let Some(previous) = self.prefixes.insert(name, iri) {
            self.late_prefix |= self.triples_seen && previous != iri;
        }
        self.expanded.clear();
        Some(())
    }

    fn subject(&mut self) -> Option<NamedOrBlankNodeRef<'a>> {
        match self.peek()? {
            b'<' => {
                // The same IRI as the last subject (an IRI written without escapes is the
                // text between its brackets): no new check, and the same bytes, which the
                // subject index compares first.
                let written = &self.bytes()[self.pos + 1..];
                if let Some(previous) = self.previous_subject
                    && written.starts_with(previous.as_bytes())
                    && written.get(previous.len()) == Some(&b'>')
                {
                    self.pos += previous.len() + 2;
                    return Some(NamedNodeRef::new_unchecked(previous).into());
                }
                let iri = self.iri_ref()?;
                self.previous_subject = Some(iri);
                Some(NamedNodeRef::new_unchecked(iri).into())
            }
            b'_' => Some(self.blank_label()?.into()),
            b'[' if !self.ntriples => {
                self.pos += 1;
                self.skip_space(false)?;
                self.expect(b']')?;
                Some(self.anonymous().into())
            }
            _ if !self.ntriples => Some(
                self.prefixed_name()
                    .map(NamedNodeRef::new_unchecked)?
                    .into(),
            ),
            _ => None,
        }
    }

    fn predicate(&mut self) -> Option<NamedNodeRef<'a>> {
        match self.peek()? {
            b'<' => self.iri_ref().map(NamedNodeRef::new_unchecked),
            _ if self.ntriples => None,
            b'a' if !self.at(1).is_some_and(|b| is_name_byte(b) || b == b':') => {
                self.pos += 1;
                Some(NamedNodeRef::new_unchecked(RDF_TYPE))
            }
            _ => self.prefixed_name().map(NamedNodeRef::new_unchecked),
        }
    }

    /// `verb objects (; verb objects)*`, up to the `.` or `]` that ends it.
    fn predicate_objects(&mut self, subject: NamedOrBlankNodeRef<'a>, depth: usize) -> Option<()> {
        loop {
            let predicate = self.predicate()?;
            self.skip_space(true)?;
            loop {
                let object = self.object(depth)?;
                self.triples
                    .push(TripleRef::new(subject, predicate, object));
                if std::mem::take(&mut self.closes_after_bare_literal) {
                    // oxttl reads one token past a literal (a language or datatype may
                    // follow), and when that token is the `]`, gives the two triples it
                    // completes in reverse order.
                    let last = self.triples.len() - 1;
                    self.triples.swap(last - 1, last);
                }
                self.skip_space(true)?;
                if self.ntriples || self.peek() != Some(b',') {
                    break;
                }
                self.bare_literal_last = false;
                self.pos += 1;
                self.skip_space(false)?;
            }
            if self.ntriples || self.peek() != Some(b';') {
                return Some(());
            }
            while self.peek() == Some(b';') {
                self.bare_literal_last = false;
                self.pos += 1;
                self.skip_space(false)?;
            }
            if matches!(self.peek(), Some(b'.' | b']')) {
                return Some(());
            }
        }
    }

    fn object(&mut self, depth: usize) -> Option<TermRef<'a>> {
        self.bare_literal_last = false;
        match self.peek()? {
            b'<' => Some(self.iri_ref().map(NamedNodeRef::new_unchecked)?.into()),
            b'_' => Some(self.blank_label()?.into()),
            b'"' => self.literal().map(TermRef::from),
            _ if self.ntriples => None,
            b'\'' => self.literal().map(TermRef::from),
            b'[' => {
                self.pos += 1;
                self.skip_space(false)?;
                if self.peek() == Some(b']') {
                    self.pos += 1;
                    return Some(self.anonymous().into());
                }
                if depth >= MAX_NESTING {
                    return None;
                }
                let node: NamedOrBlankNodeRef<'a> = self.anonymous().into();
                self.predicate_objects(node, depth + 1)?;
                self.skip_space(false)?;
                self.expect(b']')?;
                self.closes_after_bare_literal = std::mem::take(&mut self.bare_literal_last);
                Some(node.into())
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.number().map(TermRef::from),
            _ => {
                for word in ["true", "false"] {
                    if self.text[self.pos..].starts_with(word)
                        && !self
                            .at(word.len())
                            .is_some_and(|b| is_name_byte(b) || b == b':')
                    {
                        self.pos += word.len();
                        return Some(
                            LiteralRef::new_typed_literal(
                                word,
                                NamedNodeRef::new_unchecked(XSD_BOOLEAN),
                            )
                            .into(),
                        );
                    }
                }
                Some(
                    self.prefixed_name()
                        .map(NamedNodeRef::new_unchecked)?
                        .into(),
                )
            }
        }
    }

    fn anonymous(&mut self) -> BlankNodeRef<'a> {
        self.anonymous += 1;
        self.scratch.clear();
        // Writing to a `String` does not fail.
        let _ = write!(self.scratch, "{:x}", ANONYMOUS_BASE + self.anonymous);
        BlankNodeRef::new_unchecked(self.strings.alloc_str(&self.scratch))
    }

    /// `_:label`, ASCII only; labels that look like random ones are left to the strict parser
    /// (they could meet the labels given to anonymous nodes).
    fn blank_label(&mut self) -> Option<BlankNodeRef<'a>> {
        if self.at(1) != Some(b':') {
            return None;
        }
        self.pos += 2;
        let start = self.pos;
        while self.peek().is_some_and(is_name_byte) {
            self.pos += 1;
        }
        while self.pos > start && self.bytes()[self.pos - 1] == b'.' {
            self.pos -= 1;
        }
        let label = &self.text[start..self.pos];
        let first = *label.as_bytes().first()?;
        if !(first.is_ascii_alphanumeric() || first == b'_')
            || self.peek().is_some_and(|b| b >= 0x80 || b == b':')
            || (label.len() >= 24 && label.bytes().all(|b| b.is_ascii_hexdigit()))
        {
            return None;
        }
        Some(BlankNodeRef::new_unchecked(label))
    }

    /// `<iri>`: absolute and valid, `\u` escapes decoded.
    fn iri_ref(&mut self) -> Option<&'a str> {
        self.expect(b'<')?;
        let start = self.pos;
        // A plainly valid IRI holds none of the bytes that end one: the first `>`, found eight
        // bytes at a time, closes it, and its check is the only pass over its bytes.
        let rest = &self.bytes()[start..];
        let close = fihris_vocab::plain_prefix(rest, b">", false);
        if close < rest.len() {
            let iri = &self.text[start..start + close];
            if self.recent_iris.plainly_valid(iri) {
                self.pos = start + close + 1;
                return Some(iri);
            }
        }
        let length = self.bytes()[start..]
            .iter()
            .position(|b| ENDS_IRI[usize::from(*b)])?;
        self.pos += length;
        match self.peek()? {
            b'>' => {
                self.pos += 1;
                self.check_iri(&self.text[start..self.pos - 1])
            }
            b'\\' => {
                let mut iri = std::mem::take(&mut self.scratch);
                iri.clear();
                iri.push_str(&self.text[start..self.pos]);
                loop {
                    match self.peek()? {
                        b'>' => break,
                        b'\\' => iri.push(self.unicode_escape()?),
                        b'<' | b'"' | b'{' | b'}' | b'|' | b'^' | b'`' => return None,
                        byte if byte <= b' ' => return None,
                        _ => {
                            let c = self.text[self.pos..].chars().next()?;
                            iri.push(c);
                            self.pos += c.len_utf8();
                        }
                    }
                }
                self.pos += 1;
                let checked = self.check_owned_iri(&iri);
                self.scratch = iri;
                checked
            }
            _ => None,
        }
    }

    /// `\uXXXX` or `\UXXXXXXXX` at the cursor.
    fn unicode_escape(&mut self) -> Option<char> {
        let digits = match self.at(1)? {
            b'u' => 4,
            b'U' => 8,
            _ => return None,
        };
        let hex = self.text.get(self.pos + 2..self.pos + 2 + digits)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.pos += 2 + digits;
        char::from_u32(u32::from_str_radix(hex, 16).ok()?)
    }

    /// `iri` checked, stored once.
    fn check_owned_iri(&mut self, iri: &str) -> Option<&'a str> {
        if let Some(known) = self.valid_iris.get(iri) {
            return Some(known);
        }
        let stored = self.strings.alloc_str(iri);
        self.admit_iri(stored)
    }

    /// An IRI the strict parser would give unchanged: absolute and valid (the strict parser
    /// and the model check IRIs with the same parser, oxiri). Only for an IRI that is not
    /// plainly valid: `iri_ref` takes those before.
    fn check_iri(&mut self, iri: &'a str) -> Option<&'a str> {
        match self.valid_iris.get(iri) {
            Some(known) => Some(known),
            None => self.admit_iri(iri),
        }
    }

    /// An IRI not seen before: checked, then remembered.
    fn admit_iri(&mut self, iri: &'a str) -> Option<&'a str> {
        // Relative IRIs are not valid: left to the strict parser, which resolves them.
        if !fihris_model::Iri::is_valid(iri) {
            return None;
        }
        self.valid_iris.insert(iri);
        Some(iri)
    }

    /// `prefix:local` expanded, ASCII names without escapes.
    fn prefixed_name(&mut self) -> Option<&'a str> {
        let start = self.pos;
        while self.peek().is_some_and(is_name_byte) {
            self.pos += 1;
        }
        let prefix = &self.text[start..self.pos];
        if !valid_prefix(prefix) {
            return None;
        }
        self.expect(b':')?;
        let local_start = self.pos;
        loop {
            let rest = &self.bytes()[self.pos..];
            self.pos += rest
                .iter()
                .position(|byte| !LOCAL_NAME[usize::from(*byte)])
                .unwrap_or(rest.len());
            match self.peek() {
                Some(b'%') => {
                    if !(self.at(1)?.is_ascii_hexdigit() && self.at(2)?.is_ascii_hexdigit()) {
                        return None;
                    }
                    self.pos += 3;
                }
                Some(byte) if byte >= 0x80 || byte == b'\\' => return None,
                _ => break,
            }
        }
        // A final `.` ends the statement, not the name.
        while self.pos > local_start && self.bytes()[self.pos - 1] == b'.' {
            self.pos -= 1;
        }
        let local = &self.text[local_start..self.pos];
        if matches!(local.as_bytes().first(), Some(b'-' | b'.')) {
            return None;
        }
        let name = &self.text[start..self.pos];
        if let Some(iri) = self.expanded.get(name) {
            return Some(iri);
        }
        let namespace = self.prefixes.get(prefix)?;
        let mut iri = std::mem::take(&mut self.scratch);
        iri.clear();
        iri.push_str(namespace);
        iri.push_str(local);
        let checked = self.check_owned_iri(&iri);
        self.scratch = iri;
        if let Some(checked) = checked {
            self.expanded.insert(name, checked);
        }
        checked
    }

    fn literal(&mut self) -> Option<LiteralRef<'a>> {
        let value = self.string()?;
        match self.peek() {
            Some(b'@') => {
                self.pos += 1;
                let start = self.pos;
                while self
                    .peek()
                    .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'-')
                {
                    self.pos += 1;
                }
                let tag = &self.text[start..self.pos];
                if tag.contains("--") || self.peek().is_some_and(|b| b >= 0x80) {
                    return None;
                }
                let language = match self.valid_languages.get(tag) {
                    Some(language) => *language,
                    None => {
                        let language: &'a str = self.strings.alloc_str(&tag.to_ascii_lowercase());
                        // The strict parser checks the tag is well-formed (BCP 47).
                        oxrdf::Literal::new_language_tagged_literal("", language).ok()?;
                        self.valid_languages.insert(tag, language);
                        language
                    }
                };
                Some(LiteralRef::new_language_tagged_literal_unchecked(
                    value, language,
                ))
            }
            Some(b'^') => {
                if self.at(1) != Some(b'^') {
                    return None;
                }
                self.pos += 2;
                let datatype = match self.peek()? {
                    b'<' => self.iri_ref()?,
                    _ if self.ntriples => return None,
                    _ => self.prefixed_name()?,
                };
                if datatype == RDF_LANG_STRING || datatype == RDF_DIR_LANG_STRING {
                    return None;
                }
                Some(LiteralRef::new_typed_literal(
                    value,
                    NamedNodeRef::new_unchecked(datatype),
                ))
            }
            _ => {
                self.bare_literal_last = true;
                Some(LiteralRef::new_simple_literal(value))
            }
        }
    }

    /// A quoted string (short or long, `"` or `'`), escapes decoded.
    fn string(&mut self) -> Option<&'a str> {
        let quote = self.peek()?;
        let long = !self.ntriples && self.at(1) == Some(quote) && self.at(2) == Some(quote);
        if long {
            self.pos += 3;
        } else {
            self.pos += 1;
            // Most strings have no escape: one slice.
            let start = self.pos;
            let length = self.bytes()[start..]
                .iter()
                .position(|b| *b == quote || matches!(b, b'\\' | b'\n' | b'\r'))?;
            if self.bytes()[start + length] == quote {
                self.pos = start + length + 1;
                return Some(&self.text[start..start + length]);
            }
        }
        let mut value = std::mem::take(&mut self.scratch);
        value.clear();
        let read = self.string_rest(quote, long, &mut value);
        let stored: &'a str = self.strings.alloc_str(&value);
        self.scratch = value;
        read.map(|()| stored)
    }

    /// The rest of a string that has escapes or is long, into `value`.
    fn string_rest(&mut self, quote: u8, long: bool, value: &mut String) -> Option<()> {
        loop {
            let rest = &self.bytes()[self.pos..];
            let run = rest.iter().position(|b| {
                *b == quote || *b == b'\\' || (!long && matches!(b, b'\n' | b'\r'))
            })?;
            value.push_str(&self.text[self.pos..self.pos + run]);
            self.pos += run;
            match self.peek()? {
                b'\\' => value.push(self.escape()?),
                b'\n' | b'\r' => return None,
                _ if !long => {
                    self.pos += 1;
                    return Some(());
                }
                _ => {
                    // The first three quotes in a row end the string (the grammar allows no
                    // quote just before them).
                    if self.at(1) == Some(quote) && self.at(2) == Some(quote) {
                        self.pos += 3;
                        return Some(());
                    }
                    value.push(char::from(quote));
                    self.pos += 1;
                }
            }
        }
    }

    /// A string escape at the cursor.
    fn escape(&mut self) -> Option<char> {
        let c = match self.at(1)? {
            b'u' | b'U' => return self.unicode_escape(),
            b't' => '\t',
            b'b' => '\u{8}',
            b'n' => '\n',
            b'r' => '\r',
            b'f' => '\u{c}',
            b'"' => '"',
            b'\'' => '\'',
            b'\\' => '\\',
            _ => return None,
        };
        self.pos += 2;
        Some(c)
    }

    /// An integer, decimal or double, kept as written.
    fn number(&mut self) -> Option<LiteralRef<'a>> {
        let start = self.pos;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        let digits = |this: &mut Self| {
            let from = this.pos;
            while this.peek().is_some_and(|b| b.is_ascii_digit()) {
                this.pos += 1;
            }
            this.pos - from
        };
        let integer = digits(self);
        let mut datatype = XSD_INTEGER;
        if self.peek() == Some(b'.') && self.at(1).is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
            digits(self);
            datatype = XSD_DECIMAL;
        } else if integer == 0 {
            return None;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return None;
            }
            datatype = XSD_DOUBLE;
        }
        // `1.e5`, `1a`…: the strict parser decides.
        if self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b':' || b >= 0x80)
            || (self.peek() == Some(b'.') && self.at(1).is_some_and(|b| b.is_ascii_alphanumeric()))
        {
            return None;
        }
        Some(LiteralRef::new_typed_literal(
            &self.text[start..self.pos],
            NamedNodeRef::new_unchecked(datatype),
        ))
    }
}

/// `PN_PREFIX?` in ASCII: a letter first, no `.` last.
fn valid_prefix(name: &str) -> bool {
    match name.as_bytes() {
        [] => true,
        [first, .., last] => first.is_ascii_alphabetic() && *last != b'.',
        [only] => only.is_ascii_alphabetic(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxttl::{NTriplesParser, TurtleParser};

    use crate::parse::{TripleStore, relabel};
    use oxrdf::Triple;

    /// Strict oxttl, with anonymous blank nodes named in order of appearance.
    fn strict(text: &str, ntriples: bool) -> Option<Vec<Triple>> {
        strict_with_base(text, ntriples, None)
    }

    fn strict_with_base(text: &str, ntriples: bool, base: Option<&str>) -> Option<Vec<Triple>> {
        let triples: Result<Vec<Triple>, _> = if ntriples {
            NTriplesParser::new().for_slice(text).collect()
        } else {
            let mut parser = TurtleParser::new();
            if let Some(base) = base {
                parser = parser.with_base_iri(base).ok()?;
            }
            parser.for_slice(text).collect()
        };
        let store = TripleStore::default();
        let triples = store.hold(triples.ok()?);
        Some(owned(relabel(triples, &store)))
    }

    fn fast(text: &str, ntriples: bool) -> Option<Vec<Triple>> {
        fast_with_base(text, ntriples, None)
    }

    fn fast_with_base(text: &str, ntriples: bool, base: Option<&str>) -> Option<Vec<Triple>> {
        let store = TripleStore::default();
        let triples = parse_fast(text.as_bytes(), ntriples, base, store.strings())?;
        Some(owned(relabel(triples, &store)))
    }

    fn owned(triples: Vec<TripleRef<'_>>) -> Vec<Triple> {
        triples.into_iter().map(TripleRef::into_owned).collect()
    }

    #[track_caller]
    fn same(text: &str) {
        let expected = strict(text, false).expect("valid Turtle");
        assert_eq!(fast(text, false), Some(expected), "{text}");
    }

    #[test]
    fn reads_what_catalogues_are_made_of_as_the_strict_parser_does() {
        same(
            "@prefix ex: <http://example.org/> .\n\
            ex:a ex:p \"x\"@fr-MA , \"y\"^^ex:t , ex:b , 1 ; a ex:C .\n",
        );
        same(
            "PREFIX dct: <http://purl.org/dc/terms/>\nprefix : <http://e/>\n\
            <http://e/d> dct:title 'un'@FR, \"\"\"deux\nlignes \"q\" \"\"\"@ar ;\n\
            :p :a.b , :c. :x :y :z;;.\n",
        );
        same(
            "<http://e/d> <http://e/p> [ <http://e/q> [ <http://e/r> \"v\" ] ; <http://e/s> [] ] , [] .\n\
            [] <http://e/p> _:b1 . _:b1 <http://e/q> _:b.2 .\n",
        );
        same(
            "<http://e/d> <http://e/p> 1, -2, +3.5, .5, 1e3, 2.5E-2, true, false, \"\"^^<http://www.w3.org/2001/XMLSchema#string> .\n",
        );
        same(
            "<http://e/d> <http://e/p> \"tab\\t \\\"q\\\" \\u00e9 \\U0001F600 \\\\\" , '''a''b''' , \"\"\"\"x\"\"\" .\n",
        );
        same("# comment\n<http://e/d> <http://e/p> <http://e/\\u00e9t\\u00E9> . # end\n");
        same("@prefix e: <http://e/> . e:d e:p e:a%20b , e:0x , e:_y , e:a:b .\n");
    }

    #[test]
    fn with_a_base_absolute_iris_are_read_as_the_strict_parser_reads_them() {
        let base = Some("file:///data/catalogue.ttl");
        for text in [
            "<http://e/a> <http://e/p> <http://e/b?x=./y#../z> , <urn:x:y.z> .\n",
            "<http://e/a> <http://e/p> <http://e/b/../c> .\n",
            "<http://e/a/./b> <http://e/p> <urn:./x> .\n",
        ] {
            let fast = fast_with_base(text, false, base);
            assert!(fast.is_some(), "{text}");
            assert_eq!(fast, strict_with_base(text, false, base), "{text}");
        }
        let relative = "<a> <http://e/p> <http://e/b> .\n";
        assert_eq!(fast_with_base(relative, false, base), None);
        let plain = "<http://e/a> <http://e/p> <http://e/b> .\n";
        assert_eq!(fast_with_base(plain, false, Some("not a base")), None);
    }

    /// A document over the size read in two halves, each statement `n` made by `statement`.
    fn large(head: &str, statement: impl FnMut(usize) -> String) -> String {
        crate::parse::large_document(head, "", "", statement)
    }

    #[test]
    fn large_documents_read_in_two_halves_give_what_the_strict_parser_gives() {
        let turtle = large("@prefix ex: <http://e/> .\n", |n| {
            format!(
                "ex:d{n} a ex:Dataset ; ex:title \"titre {n}\"@fr ; ex:contact [ ex:mail <mailto:a{n}@e.ma> ; ex:name \"n\" ] , [] ;\n\
                 \tex:note \"\"\"long\n<http://e/x> .\n<http://e/y> ex:p \"{n}\" .\n\"\"\" .\n_:b{n} ex:p {n} .\n"
            )
        });
        assert!(find_split(turtle.as_bytes(), false).is_some());
        let expected = strict(&turtle, false).expect("valid Turtle");
        assert_eq!(fast(&turtle, false), Some(expected));

        // A prefix declared again in the first half changes what the second half means.
        let late = large("@prefix ex: <http://e/> .\n", |n| {
            if n == 10 {
                "@prefix ex: <http://other/> .\n".to_owned()
            } else {
                format!("ex:d{n} ex:p ex:o{n} .\n")
            }
        });
        let expected = strict(&late, false).expect("valid Turtle");
        assert!(
            expected
                .last()
                .is_some_and(|t| t.subject.to_string().starts_with("<http://other/"))
        );
        assert_eq!(fast(&late, false), Some(expected));

        let ntriples = large("", |n| {
            format!("<http://e/d{n}> <http://e/p> \"{n}\"@en .\n")
        });
        assert!(find_split(ntriples.as_bytes(), true).is_some());
        assert_eq!(fast(&ntriples, true), strict(&ntriples, true));

        // A syntax error in either half leaves the document to the strict parser.
        for at in [ntriples.len() / 4, 3 * ntriples.len() / 4] {
            let line = ntriples[at..]
                .find('\n')
                .map(|i| at + i + 1)
                .expect("a line");
            let broken = format!(
                "{}<a b> <http://e/p> 1 .\n{}",
                &ntriples[..line],
                &ntriples[line..]
            );
            assert_eq!(fast(&broken, true), None);
        }
    }

    #[test]
    fn n_triples_mode_reads_n_triples_only() {
        let text =
            "<http://e/a> <http://e/p> \"x\"@en .\n_:b <http://e/p> \"1\"^^<http://e/t> . # c\n\n";
        assert_eq!(fast(text, true), strict(text, true));
        assert_eq!(fast(text, true).map(|t| t.len()), Some(2));
        for turtle_only in [
            "<http://e/a> <http://e/p> 1 .\n",
            "<http://e/a> <http://e/p> <http://e/b> ; <http://e/q> <http://e/c> .\n",
            "<http://e/a> <http://e/p> <http://e/b> . <http://e/a> <http://e/p> <http://e/c> .\n",
            "<http://e/a>\n<http://e/p> <http://e/b> .\n",
            "@prefix e: <http://e/> .\n",
            "<http://e/a> <http://e/p> '''x''' .\n",
        ] {
            assert_eq!(fast(turtle_only, true), None, "{turtle_only}");
            assert_eq!(strict(turtle_only, true), None, "{turtle_only}");
        }
    }

    #[test]
    fn iris_in_the_slot_of_a_plain_one_just_read_are_checked() {
        // A valid IRI not plainly so, then a relative one, in the slot of one just read.
        let text = "<http://e/a> <http://e/ab> <http://e/b> .\n\
            <http://e/a> <http:e/abab> <http://e/b> .\n";
        assert_eq!(fast(text, true), strict(text, true));
        assert_eq!(fast(text, true).map(|t| t.len()), Some(2));
        for relative in ["<>", "<//ee/xyz/ab>", "<../e/abcdab>"] {
            let text = format!(
                "<http://e/a> <http://e/ab> <http://e/b> .\n<http://e/a> {relative} <http://e/b> .\n"
            );
            assert_eq!(fast(&text, true), None, "{text}");
            assert_eq!(fast(&text, false), None, "{text}");
        }
    }

    #[test]
    fn leaves_to_the_strict_parser_what_it_does_not_read() {
        for text in [
            // Invalid: the strict parser must report where.
            "<http://e/a> <http://e/p> \"a\nb\" .\n",
            "<http://e/a> <http://e/p> <http://e/b c> .\n",
            "<http://e/a> <http://e/p> \"x\"@not_a_tag .\n",
            "<http://e/a> <http://e/p> \"x\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .\n",
            "<http://e/a> <http://e/p> u:x .\n",
            "<http://e/a> <http://e/p> <http://e/b>\n",
            "<http://e/a> <http://e/p> \"\\ud800\" .\n",
            "<http://e/a> <http://e/p> 1a .\n",
            // Valid, outside the subset.
            "<a> <http://e/p> <http://e/b> .\n",
            "@base <http://e/> .\n",
            "<http://e/a> <http://e/p> ( 1 2 ) .\n",
            "[ <http://e/p> 1 ] <http://e/q> 2 .\n",
            "@prefix é: <http://e/> .\n",
            "_:0123456789abcdef01234567 <http://e/p> 1 .\n",
            "<http://e/a> <http://e/p> '''x'''' .\n",
        ] {
            assert_eq!(fast(text, false), None, "{text}");
        }
    }
}
