//! The RDF/XML fihris writes, read without an XML parser: node elements (`rdf:Description`
//! or typed) with `rdf:about` or `rdf:nodeID` under `rdf:RDF`, each holding property elements
//! that are empty with `rdf:resource` or `rdf:nodeID`, or hold text with `xml:lang` or
//! `rdf:datatype`; namespaces declared on any of them. Kept to what involves none of the
//! rules where parsers differ or XML adds meaning, that shape can be read in one pass over the
//! bytes, to oxrdfxml's triples in oxrdfxml's order: the fast path of RDF/XML reading, as
//! `turtle::parse_fast` is Turtle's. Anything else — DOCTYPE and entities of its own,
//! comments, `xml:base`, `rdf:parseType`, nested node elements, property attributes, relative
//! IRIs or dot segments, reserved prefixes, control characters — returns `None`, and
//! oxrdfxml reads the document.

use bumpalo_herd::{Herd, Member};
use fihris_vocab::ns::rdf;
use oxrdf::{BlankNodeRef, LiteralRef, NamedNodeRef, NamedOrBlankNodeRef, TermRef, TripleRef};
use rustc_hash::FxHashMap;

use crate::parse::{NodeReader, PARALLEL_MIN_BYTES, read_nodes, read_nodes_in_two_halves};

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XML: &str = "http://www.w3.org/XML/1998/namespace";
const XMLNS: &str = "http://www.w3.org/2000/xmlns/";
const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8"?>"#;

/// Reads `bytes` as fihris's RDF/XML, or `None` when an RDF/XML parser must decide. The base
/// IRI changes nothing here (IRIs that resolving would change are refused), but a bad one is
/// oxrdfxml's to report.
///
/// A large document is read in two halves on two threads
/// ([`read_nodes_in_two_halves`]), split at a node element that starts a line after one tab,
/// as the writer indents them; the second half is read with the root's namespaces, those in
/// scope between two node elements.
pub(crate) fn parse_fast<'a>(
    bytes: &'a [u8],
    base: Option<&str>,
    strings: &'a Herd,
) -> Option<Vec<TripleRef<'a>>> {
    let text = crate::parse::fast_path_text(bytes, base)?;
    // About one triple per 130 bytes: twice as many reserved (address space, not touched
    // memory) saves copying the vector as it grows, and the second half's added to it.
    let mut first = Reader::new(text, strings, bytes.len() / 65);
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
    let (root, namespaces) = (first.root, first.namespaces.clone());
    read_nodes_in_two_halves(first, split, move || {
        // A herd's member stays on its thread: made there.
        let mut second = Reader::new(text, strings, (bytes.len() - split) / 65);
        second.at = split;
        second.root = root;
        second.namespaces = namespaces;
        second
    })
}

/// Where to cut a document in two: a line that starts with one tab and a start tag, after the
/// root's start tag (which ends at `after`).
fn find_split(bytes: &[u8], after: usize) -> Option<usize> {
    crate::parse::find_split(bytes, after, b"\n\t<", |next| next != b'/')
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
    strings: Member<'a>,
    /// The root element's name.
    root: &'a str,
    /// Prefix -> namespace, the innermost declaration last.
    namespaces: Vec<(&'a str, &'a str)>,
    /// Element names already made IRIs: (namespace, local name) -> IRI.
    iris: FxHashMap<(&'a str, &'a str), NamedNodeRef<'a>>,
    triples: Vec<TripleRef<'a>>,
}

/// A start tag: its qualified name, its attributes (value unescaped), whether one of the
/// values held an entity, and whether it is empty (`/>`).
struct Tag<'a> {
    name: &'a str,
    attributes: Vec<(&'a str, &'a str)>,
    escaped: bool,
    empty: bool,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, strings: &'a Herd, capacity: usize) -> Self {
        Reader {
            text,
            at: 0,
            strings: strings.get(),
            root: "",
            namespaces: vec![("xml", XML)],
            iris: FxHashMap::default(),
            triples: Vec::with_capacity(capacity),
        }
    }

    /// The declaration and the root's start tag, its namespaces declared: whether the root
    /// holds any node.
    fn open(&mut self) -> Option<bool> {
        if self.rest().starts_with("<?xml") {
            self.rest().starts_with(DECLARATION).then_some(())?;
            self.at += DECLARATION.len();
        }
        self.whitespace();
        let root = self.start_tag()?;
        self.declare(&root)?;
        if self.element_name(root.name)? != (RDF, "RDF")
            || root
                .attributes
                .iter()
                .any(|(name, _)| !is_declaration(name))
        {
            return None;
        }
        self.root = root.name;
        Some(!root.empty)
    }
}

impl<'a> NodeReader<'a> for Reader<'a> {
    /// The node elements of the root, and its end tag.
    fn nodes(&mut self, split: usize) -> Option<bool> {
        loop {
            self.whitespace();
            if self.at == split {
                return Some(true);
            }
            if self.rest().starts_with("</") {
                self.end_tag(self.root)?;
                return Some(false);
            }
            self.node()?;
        }
    }

    /// After the root: nothing but whitespace.
    fn end(&mut self) -> Option<()> {
        self.whitespace();
        (self.at == self.text.len()).then_some(())
    }

    fn into_triples(self) -> Vec<TripleRef<'a>> {
        self.triples
    }
}

impl<'a> Reader<'a> {
    /// A node element and its property elements.
    fn node(&mut self) -> Option<()> {
        let tag = self.start_tag()?;
        let scope = self.declare(&tag)?;
        let mut subject = None;
        for &(name, value) in &tag.attributes {
            if is_declaration(name) {
                continue;
            }
            if subject.is_some() {
                return None;
            }
            subject = Some(match self.name(name)? {
                (RDF, "about") => NamedOrBlankNodeRef::NamedNode(absolute_iri(value)?),
                (RDF, "nodeID") => NamedOrBlankNodeRef::BlankNode(node_id(value)?),
                _ => return None,
            });
        }
        let subject = subject?;
        match self.element_name(tag.name)? {
            (RDF, "Description") => {}
            // Other names of the RDF namespace have rules of their own (containers, syntax
            // names): left to the parser, as the XML namespace.
            (RDF | XML, _) => return None,
            (namespace, local) => {
                let class = self.iri(namespace, local)?;
                self.triples.push(TripleRef::new(
                    subject,
                    NamedNodeRef::new_unchecked(rdf::TYPE),
                    class,
                ));
            }
        }
        if !tag.empty {
            self.children(tag.name, |reader| reader.property(subject))?;
        }
        self.namespaces.truncate(scope);
        Some(())
    }

    fn property(&mut self, subject: NamedOrBlankNodeRef<'a>) -> Option<()> {
        let tag = self.start_tag()?;
        let scope = self.declare(&tag)?;
        let predicate = match self.element_name(tag.name)? {
            // `rdf:li`, `rdf:_1`… are numbered by the parser: only `rdf:type` is plain.
            (RDF, local) if local != "type" => return None,
            (XML, _) => return None,
            (namespace, local) => self.iri(namespace, local)?,
        };
        let (mut resource, mut language, mut datatype) = (None, None, None);
        for &(name, value) in &tag.attributes {
            if is_declaration(name) {
                continue;
            }
            let slot = match self.name(name)? {
                (RDF, "resource" | "nodeID") => &mut resource,
                (XML, "lang") => &mut language,
                (RDF, "datatype") => &mut datatype,
                _ => return None,
            };
            if slot.replace((name, value)).is_some() {
                return None;
            }
        }
        let object = match (resource, language, datatype, tag.empty) {
            (Some((name, value)), None, None, true) => {
                if self.name(name)? == (RDF, "resource") {
                    TermRef::NamedNode(absolute_iri(value)?)
                } else {
                    TermRef::BlankNode(node_id(value)?)
                }
            }
            (None, _, None, true) => self.literal("", language)?,
            (None, _, _, false) => {
                let value = self.text_content()?;
                self.end_tag(tag.name)?;
                match datatype {
                    Some((_, datatype)) if language.is_none() => {
                        LiteralRef::new_typed_literal(value, absolute_iri(datatype)?).into()
                    }
                    Some(_) => return None,
                    None => self.literal(value, language)?,
                }
            }
            _ => return None,
        };
        self.triples
            .push(TripleRef::new(subject, predicate, object));
        self.namespaces.truncate(scope);
        Some(())
    }

    /// A literal with the `xml:lang` given, lowercased as oxrdfxml does.
    fn literal(&self, value: &'a str, language: Option<(&str, &'a str)>) -> Option<TermRef<'a>> {
        let Some((_, tag)) = language else {
            return Some(LiteralRef::new_simple_literal(value).into());
        };
        if tag.is_empty()
            || !tag
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
        {
            return None;
        }
        let tag = if tag.bytes().any(|byte| byte.is_ascii_uppercase()) {
            self.strings.alloc_str(&tag.to_ascii_lowercase())
        } else {
            tag
        };
        Some(LiteralRef::new_language_tagged_literal_unchecked(value, tag).into())
    }

    /// The namespace declarations of a tag, in scope until the returned length.
    fn declare(&mut self, tag: &Tag<'a>) -> Option<usize> {
        let scope = self.namespaces.len();
        for &(name, value) in &tag.attributes {
            // The writer declares a namespace it has no prefix for as the default one, on
            // the element that uses it. An empty value would undeclare it: left to the parser.
            let prefix = match name.strip_prefix("xmlns") {
                Some("") => "",
                Some(prefixed) => match prefixed.strip_prefix(':') {
                    Some(prefix) => prefix,
                    None => continue,
                },
                None => continue,
            };
            // Prefixes starting with `xml` are reserved (and oxrdfxml ignores attributes so
            // named); XML's own namespaces cannot be bound (quick-xml refuses it, comparing
            // the raw value: no entity there either).
            if prefix
                .get(..3)
                .is_some_and(|start| start.eq_ignore_ascii_case("xml"))
                || value.is_empty()
                || value == XML
                || value == XMLNS
                || tag.escaped
            {
                return None;
            }
            self.namespaces.push((prefix, value));
        }
        Some(scope)
    }

    /// (namespace, local name) of a prefixed name, or of an unprefixed element name in the
    /// default namespace.
    fn element_name(&self, qualified: &'a str) -> Option<(&'a str, &'a str)> {
        if qualified.contains(':') {
            self.name(qualified)
        } else {
            self.name_in("", qualified)
        }
    }

    /// (namespace, local name) of a prefixed name (an unprefixed attribute has no namespace:
    /// left to the parser).
    fn name(&self, qualified: &'a str) -> Option<(&'a str, &'a str)> {
        let (prefix, local) = qualified.split_once(':')?;
        self.name_in(prefix, local)
    }

    fn name_in(&self, prefix: &str, local: &'a str) -> Option<(&'a str, &'a str)> {
        let namespace = self
            .namespaces
            .iter()
            .rev()
            .find(|(known, _)| *known == prefix)?
            .1;
        Some((namespace, local))
    }

    /// The IRI of an element name, made once.
    fn iri(&mut self, namespace: &'a str, local: &'a str) -> Option<NamedNodeRef<'a>> {
        if let Some(iri) = self.iris.get(&(namespace, local)) {
            return Some(*iri);
        }
        let joined: &'a str = self.strings.alloc_str(&format!("{namespace}{local}"));
        let iri = absolute_iri(joined)?;
        self.iris.insert((namespace, local), iri);
        Some(iri)
    }

    /// The child elements of the element `name`, each read by `child`, then its end tag
    /// (whitespace between them; any other text is left to the parser).
    fn children(
        &mut self,
        name: &str,
        mut child: impl FnMut(&mut Self) -> Option<()>,
    ) -> Option<()> {
        loop {
            self.whitespace();
            if self.rest().starts_with("</") {
                return self.end_tag(name);
            }
            child(self)?;
        }
    }

    fn start_tag(&mut self) -> Option<Tag<'a>> {
        self.expect("<")?;
        let name = self.xml_name()?;
        let mut attributes = Vec::new();
        let mut escaped = false;
        loop {
            let before = self.at;
            self.whitespace();
            let empty = self.rest().starts_with("/>");
            if empty || self.rest().starts_with('>') {
                self.at += if empty { 2 } else { 1 };
                return Some(Tag {
                    name,
                    attributes,
                    escaped,
                    empty,
                });
            }
            // Attributes are separated from the name and each other by whitespace.
            if self.at == before {
                return None;
            }
            let attribute = self.xml_name()?;
            self.whitespace();
            self.expect("=")?;
            self.whitespace();
            let quote = *self.text.as_bytes().get(self.at)?;
            if quote != b'"' && quote != b'\'' {
                return None;
            }
            self.at += 1;
            let start = self.at;
            let value = self.characters(quote)?;
            escaped |= self.text[start..self.at].contains('&');
            self.at += 1;
            if attributes.iter().any(|(known, _)| *known == attribute) {
                return None;
            }
            attributes.push((attribute, value));
        }
    }

    fn end_tag(&mut self, name: &str) -> Option<()> {
        self.expect("</")?;
        self.expect(name)?;
        self.whitespace();
        self.expect(">")
    }

    /// The text of a property element, up to its end tag (no markup inside).
    fn text_content(&mut self) -> Option<&'a str> {
        let value = self.characters(b'<')?;
        self.rest().starts_with("</").then_some(value)
    }

    /// Characters up to `end` (not consumed), entities unescaped. Raw `<`, `>`, CR and C0
    /// controls other than tab and LF are left to the parser (markup, or normalised by XML).
    fn characters(&mut self, end: u8) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let mut escaped = false;
        loop {
            self.at +=
                fihris_vocab::plain_prefix(&bytes[self.at..], &[end, b'<', b'>', b'&'], true);
            let byte = *bytes.get(self.at)?;
            if byte == end {
                break;
            }
            match byte {
                b'<' | b'>' | b'\r' => return None,
                b'\t' | b'\n' if end != b'<' => return None,
                0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F => return None,
                b'&' => escaped = true,
                _ => {}
            }
            self.at += 1;
        }
        let raw = &self.text[start..self.at];
        if !escaped {
            return Some(raw);
        }
        let mut value = String::with_capacity(raw.len());
        let mut rest = raw;
        while let Some(ampersand) = rest.find('&') {
            value.push_str(&rest[..ampersand]);
            let after = &rest[ampersand + 1..];
            let semicolon = after.find(';')?;
            value.push(entity(&after[..semicolon])?);
            rest = &after[semicolon + 1..];
        }
        value.push_str(rest);
        Some(self.strings.alloc_str(&value))
    }

    /// An ASCII XML name, with at most one colon.
    fn xml_name(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        if !bytes
            .get(start)
            .is_some_and(|byte| byte.is_ascii_alphabetic() || *byte == b'_')
        {
            return None;
        }
        let mut colons = 0;
        while let Some(&byte) = bytes.get(self.at) {
            match byte {
                b':' => colons += 1,
                b'.' | b'-' | b'_' => {}
                _ if byte.is_ascii_alphanumeric() => {}
                _ => break,
            }
            self.at += 1;
        }
        let name = &self.text[start..self.at];
        (colons <= 1 && !name.ends_with(':')).then_some(name)
    }

    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn expect(&mut self, expected: &str) -> Option<()> {
        self.rest()
            .starts_with(expected)
            .then(|| self.at += expected.len())
    }

    fn whitespace(&mut self) {
        let bytes = self.text.as_bytes();
        while bytes
            .get(self.at)
            .is_some_and(|byte| matches!(byte, b' ' | b'\n' | b'\t'))
        {
            self.at += 1;
        }
    }
}

fn is_declaration(name: &str) -> bool {
    name == "xmlns" || name.starts_with("xmlns:")
}

/// An IRI every parser takes as it is: valid (so absolute), and without what could be a dot
/// segment, after a slash or at the start of a rootless path (`urn:./x`), which resolution
/// against a base removes.
fn absolute_iri(value: &str) -> Option<NamedNodeRef<'_>> {
    let (_, after_scheme) = value.split_once(':')?;
    if value.contains("/.") || after_scheme.starts_with('.') {
        return None;
    }
    crate::parse::valid_iri(value)
}

/// An `rdf:nodeID`: an XML name without colon (oxrdfxml keeps it as the label).
fn node_id(value: &str) -> Option<BlankNodeRef<'_>> {
    let first = value.bytes().next()?;
    let plain = (first.is_ascii_alphabetic() || first == b'_')
        && value
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'-' | b'_'));
    plain.then(|| BlankNodeRef::new(value).ok()).flatten()
}

/// The character of an entity reference (between `&` and `;`): the five of XML, and
/// character references to characters XML allows.
fn entity(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => {
            let number = name.strip_prefix('#')?;
            let (digits, radix) = match number.strip_prefix('x') {
                Some(hex) => (hex, 16),
                None => (number, 10),
            };
            // Digits only (`from_str_radix` would also take a sign).
            if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
                return None;
            }
            let code = u32::from_str_radix(digits, radix).ok()?;
            char::from_u32(code).filter(|&c| crate::writer::xml_allows(c))?
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oxrdfxml(bytes: &[u8]) -> Vec<oxrdf::Triple> {
        oxrdfxml::RdfXmlParser::new()
            .lenient()
            .for_slice(bytes)
            .map(|triple| triple.expect("oxrdfxml reads it"))
            .collect()
    }

    fn fast(bytes: &[u8]) -> Option<Vec<oxrdf::Triple>> {
        let herd = Herd::new();
        parse_fast(bytes, None, &herd)
            .map(|triples| triples.into_iter().map(TripleRef::into_owned).collect())
    }

    /// A catalogue with what escaping, tags, datatypes, blank nodes and unmapped statements
    /// (a namespace declared on the element) bring, written by the writer: read in one pass,
    /// to the very triples oxrdfxml gives, in its order.
    #[test]
    fn written_rdfxml_read_as_oxrdfxml_reads_it() {
        let catalog = crate::parse::awkward_catalog(false);
        let written = crate::to_vec(&catalog, crate::RdfFormat::RdfXml).expect("written");
        let fast = fast(&written).expect("the fast path reads what the writer writes");
        assert!(fast.len() >= 20, "{}", fast.len());
        assert_eq!(fast, oxrdfxml(&written));
    }

    #[test]
    fn what_else_rdfxml_holds_is_left_to_the_parser() {
        let wrap = |body: &str| {
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/">{body}</rdf:RDF>"#
            )
        };
        for body in [
            r#"<rdf:Description rdf:about="a"><dct:title>relative</dct:title></rdf:Description>"#,
            r#"<rdf:Description rdf:about="http://x.org/a/../b"><dct:title>dots</dct:title></rdf:Description>"#,
            r#"<rdf:Description><dct:title>anonymous</dct:title></rdf:Description>"#,
            r#"<rdf:Description rdf:about="http://x.org/a" dct:title="property attribute"/>"#,
            r#"<rdf:Description rdf:about="http://x.org/a"><dct:title rdf:parseType="Literal"><b>x</b></dct:title></rdf:Description>"#,
            r#"<rdf:Description rdf:about="http://x.org/a"><dct:publisher><rdf:Description rdf:about="http://x.org/b"/></dct:publisher></rdf:Description>"#,
            r#"<rdf:Description rdf:about="http://x.org/a"><rdf:li>item</rdf:li></rdf:Description>"#,
            r#"<rdf:Bag rdf:about="http://x.org/a"/>"#,
            r#"<!-- comment --><rdf:Description rdf:about="http://x.org/a"/>"#,
            r#"<rdf:Description rdf:about="http://x.org/a"><dct:title>&custom;</dct:title></rdf:Description>"#,
            r#"<rdf:Description rdf:about="http://x.org/a"><dct:title>carriage&#13;return is fine, raw is not</dct:title></rdf:Description>"#,
            r#"<rdf:Description rdf:about="http://x.org/a" xml:lang="fr"><dct:title>inherited language</dct:title></rdf:Description>"#,
            r#"<rdf:Description rdf:about="http://x.org/a"><title>no namespace</title></rdf:Description>"#,
            r#"<rdf:Description rdf:about="http://x.org/a" about="http://x.org/b"/>"#,
            r#"<rdf:Description xmlns:x="http://www.w3.org/XML/1998/namespace" rdf:about="http://x.org/a"><dct:title x:lang="fr">bound to XML's namespace</dct:title></rdf:Description>"#,
            r#"<rdf:Description xmlns:xmlr="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlr:about="http://x.org/a"/>"#,
            r#"<rdf:Description xmlns:e="http://purl.org/dc/terms/&#116;" rdf:about="http://x.org/a"><e:itle>escaped namespace</e:itle></rdf:Description>"#,
            r#"<rdf:Description rdf:about="urn:./x"><dct:title>rootless dot segment</dct:title></rdf:Description>"#,
        ] {
            let document = wrap(body).replace("is fine, raw", "is fine,\r raw");
            assert!(fast(document.as_bytes()).is_none(), "{body}");
        }
        // Read, as oxrdfxml reads them: a character reference to CR (the XML way to write
        // one), a default namespace, a prefix declared again, uppercase language tags.
        for body in [
            r#"<rdf:Description rdf:about="http://x.org/a"><dct:title>a&#13;b&#x41;&lt;</dct:title></rdf:Description>"#,
            r#"<rdf:Description xmlns="http://purl.org/dc/terms/" rdf:about="http://x.org/a"><title>default</title></rdf:Description>"#,
            r#"<dct:Location xmlns:dct="http://example.org/other#" rdf:about="http://x.org/a"><dct:title>other</dct:title></dct:Location><dct:Location rdf:about="http://x.org/b"/>"#,
            r#"<rdf:Description rdf:about="http://x.org/a"><dct:title xml:lang="FR-ma">tag</dct:title><dct:title xml:lang="fr"/></rdf:Description>"#,
        ] {
            let document = wrap(body);
            assert_eq!(
                fast(document.as_bytes()),
                Some(oxrdfxml(document.as_bytes())),
                "{body}"
            );
        }
    }

    /// A document over the size read in two halves, its node elements made by `node`.
    fn large(node: impl FnMut(usize) -> String) -> String {
        let head = r#"<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/">"#;
        crate::parse::large_document(head, "", "\n</rdf:RDF>\n", node)
    }

    #[test]
    fn large_documents_read_in_two_halves_give_what_oxrdfxml_gives() {
        let written = large(|n| {
            format!(
                "\n\t<rdf:Description rdf:about=\"http://x.org/d{n}\">\n\t\t<dct:title xml:lang=\"fr\">titre {n} &amp; co</dct:title>\n\t\t<dct:publisher rdf:nodeID=\"b{n}\"/>\n\t</rdf:Description>\n\t<dct:Agent xmlns:dct=\"http://example.org/other#\" rdf:nodeID=\"b{n}\">\n\t\t<dct:name>n</dct:name>\n\t</dct:Agent>"
            )
        });
        assert!(find_split(written.as_bytes(), 0).is_some());
        assert_eq!(fast(written.as_bytes()), Some(oxrdfxml(written.as_bytes())));

        // Where a line of one tab starts a property element instead, the first thread reads
        // past it and on to the end.
        let indented_otherwise = large(|n| {
            format!(
                "\n  <rdf:Description rdf:about=\"http://x.org/d{n}\">\n\t<dct:title>{n}</dct:title>\n  </rdf:Description>"
            )
        });
        assert!(find_split(indented_otherwise.as_bytes(), 0).is_some());
        assert_eq!(
            fast(indented_otherwise.as_bytes()),
            Some(oxrdfxml(indented_otherwise.as_bytes()))
        );

        // What the fast path leaves to the parser, in either half, leaves it the document.
        let broken = "\n\t<rdf:Description/>";
        for broken in crate::parse::broken_in_each_half(&written, "\n\t<rdf:D", broken) {
            assert_eq!(fast(broken.as_bytes()), None);
        }
    }

    #[test]
    fn a_bad_base_is_left_to_the_parser_to_report() {
        let document = br#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>"#;
        let herd = Herd::new();
        assert!(parse_fast(document, Some("pas une IRI"), &herd).is_none());
        assert_eq!(
            parse_fast(document, Some("https://data.gov.ma/"), &herd).map(|triples| triples.len()),
            Some(0)
        );
    }

    #[test]
    fn entities() {
        assert_eq!(entity("amp"), Some('&'));
        assert_eq!(entity("#233"), Some('é'));
        assert_eq!(entity("#xE9"), Some('é'));
        assert_eq!(entity("#x1F642"), Some('🙂'));
        for refused in [
            "", "#", "#x", "#+65", "#x+41", "#1", "#xFFFE", "nbsp", "#xD800",
        ] {
            assert_eq!(entity(refused), None, "{refused}");
        }
    }
}
