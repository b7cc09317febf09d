//! RDF/XML written as bytes: what oxrdfxml's serializer writes, byte for byte (tested against
//! it), without its quick-xml events, which cost most of a write (a new event, a name and an
//! escaped copy for each start tag, attribute and text).
//!
//! The layout is oxrdfxml's: the XML declaration, `rdf:RDF` declaring the prefixes sorted by
//! namespace, one node element a subject, indented by tabs; a subject's element is named by
//! its type when its first triple is an `rdf:type`. Triple terms and directional strings (RDF
//! 1.2, when a crate of the build enables oxrdf's `rdf-12`) are rare: their property element
//! is written by oxrdfxml itself.

use std::collections::BTreeMap;
use std::io::{self, Write};

use oxrdf::vocab::{rdf, xsd};
use oxrdf::{BlankNodeRef, NamedNodeRef, NamedOrBlankNodeRef, TermRef, TripleRef};
use oxrdfxml::RdfXmlSerializer;
use rustc_hash::FxHashMap;

use crate::error::{WriteError, WriteErrorKind};
use crate::ntriples::has_direction;
use crate::writer::{Gathered, has_byte};

/// RDF/XML's syntax terms, which oxrdfxml refuses as predicates and never uses as element
/// names.
const RESERVED_SYNTAX_TERMS: [&str; 9] = [
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#Description",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#li",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#RDF",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#ID",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#about",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#parseType",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#resource",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#nodeID",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#datatype",
];

/// Whether oxrdfxml refuses `predicate` (an RDF/XML syntax term).
pub(crate) fn is_reserved(predicate: &str) -> bool {
    RESERVED_SYNTAX_TERMS.contains(&predicate)
}

/// The error oxrdfxml gives for a syntax term as predicate.
pub(crate) fn reserved_predicate_error() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        "RDF/XML reserved syntax term is not allowed as a predicate",
    )
}

/// How many element names are remembered (predicates and classes are few; extra statements
/// may bring any number).
const NAMES_REMEMBERED: usize = 4096;

/// The name of an element for an IRI, and what follows it in a start tag.
struct ElementName {
    /// `prefix:local` (or `local` under a declared default namespace).
    name: Box<str>,
    /// The name and, when its namespace is not declared on `rdf:RDF`, its declaration.
    start: Box<[u8]>,
}

/// Writes triples as RDF/XML into `output`, a megabyte at a time.
pub(crate) struct RdfXmlWriter<W: Write> {
    out: Gathered<W>,
    /// What oxrdfxml writes before the first node element.
    header: Vec<u8>,
    prefixes: RdfXmlSerializer,
    names: ElementNames,
    started: bool,
    /// The subject of the open node element (a blank node label or an IRI), and the
    /// element's name when it is named by a type.
    subject: Option<(bool, String)>,
    typed_element: Option<Box<str>>,
}

impl<W: Write> RdfXmlWriter<W> {
    /// A writer declaring `prefixes` (name, namespace) as oxrdfxml's `with_prefix` does.
    pub(crate) fn new(
        output: W,
        prefixes: &[(&str, &str)],
        write_size: usize,
    ) -> Result<Self, WriteError> {
        let usage = |error: &dyn std::fmt::Display| {
            WriteError::new(WriteErrorKind::Usage, error.to_string())
        };
        let mut serializer = RdfXmlSerializer::new();
        // oxrdfxml's rules: `oxprefix` is ignored, a later name wins, `rdf` and `its` are its
        // own, and a namespace keeps the last name in name order.
        let mut by_name = BTreeMap::new();
        for (name, namespace) in prefixes {
            serializer = serializer
                .with_prefix(*name, *namespace)
                .map_err(|error| usage(&error))?;
            if *name != "oxprefix" {
                by_name.insert((*name).to_owned(), (*namespace).to_owned());
            }
        }
        by_name.remove("rdf");
        by_name.remove("its");
        let custom_default_prefix = by_name.contains_key("");
        let mut prefixes_by_namespace: BTreeMap<String, String> = by_name
            .into_iter()
            .map(|(name, namespace)| (namespace, name))
            .collect();
        prefixes_by_namespace.insert(rdf::TYPE.as_str()[..43].to_owned(), "rdf".to_owned());
        prefixes_by_namespace.insert("http://www.w3.org/2005/11/its".to_owned(), "its".to_owned());
        let mut header = serializer
            .clone()
            .for_writer(Vec::new())
            .finish()
            .map_err(|error| usage(&error))?;
        header.truncate(header.len() - END.len());
        Ok(Self {
            out: Gathered::new(output, write_size),
            header,
            prefixes: serializer,
            names: ElementNames {
                prefixes_by_namespace,
                custom_default_prefix,
                remembered: FxHashMap::default(),
            },
            started: false,
            subject: None,
            typed_element: None,
        })
    }

    /// Writes a triple; its predicate must not be an RDF/XML syntax term ([`is_reserved`]).
    pub(crate) fn write_triple(&mut self, triple: TripleRef<'_>) -> io::Result<()> {
        if !self.started {
            self.started = true;
            self.out.bytes.extend_from_slice(&self.header);
        }
        let (blank, subject) = match triple.subject {
            NamedOrBlankNodeRef::NamedNode(node) => (false, node.as_str()),
            NamedOrBlankNodeRef::BlankNode(node) => (true, node.as_str()),
        };
        if self
            .subject
            .as_ref()
            .is_none_or(|(was_blank, was)| *was_blank != blank || was != subject)
        {
            self.close_node_element();
            match &mut self.subject {
                Some((was_blank, was)) => {
                    *was_blank = blank;
                    was.clear();
                    was.push_str(subject);
                }
                None => self.subject = Some((blank, subject.to_owned())),
            }
            self.out.bytes.extend_from_slice(b"\n\t<");
            let typed = match triple.object {
                TermRef::NamedNode(class) if triple.predicate == rdf::TYPE => {
                    (!is_reserved(class.as_str())).then_some(class)
                }
                _ => None,
            };
            match typed {
                Some(class) => {
                    let name = self.names.get(class);
                    self.out.bytes.extend_from_slice(&name.start);
                    self.typed_element = Some(name.name.clone());
                }
                None => self.out.bytes.extend_from_slice(b"rdf:Description"),
            }
            self.out.bytes.extend_from_slice(if blank {
                b" rdf:nodeID=\""
            } else {
                b" rdf:about=\""
            });
            escape_into(&mut self.out.bytes, subject);
            self.out.bytes.extend_from_slice(b"\">");
            if typed.is_some() {
                return self.out.write_if_full();
            }
        }
        self.property(triple)?;
        self.out.write_if_full()
    }

    fn property(&mut self, triple: TripleRef<'_>) -> io::Result<()> {
        let plain = matches!(triple.object, TermRef::NamedNode(_) | TermRef::BlankNode(_))
            || matches!(triple.object, TermRef::Literal(literal) if !has_direction(literal));
        if !plain {
            return self.property_by_oxrdfxml(triple);
        }
        self.out.bytes.extend_from_slice(b"\n\t\t<");
        let name = self.names.get(triple.predicate);
        self.out.bytes.extend_from_slice(&name.start);
        if let TermRef::NamedNode(node) = triple.object {
            self.out.bytes.extend_from_slice(b" rdf:resource=\"");
            escape_into(&mut self.out.bytes, node.as_str());
            self.out.bytes.extend_from_slice(b"\"/>");
        } else if let TermRef::BlankNode(node) = triple.object {
            self.out.bytes.extend_from_slice(b" rdf:nodeID=\"");
            escape_into(&mut self.out.bytes, node.as_str());
            self.out.bytes.extend_from_slice(b"\"/>");
        } else if let TermRef::Literal(literal) = triple.object {
            if let Some(language) = literal.language() {
                self.out.bytes.extend_from_slice(b" xml:lang=\"");
                escape_into(&mut self.out.bytes, language);
                self.out.bytes.push(b'"');
            } else if literal.datatype() != xsd::STRING {
                self.out.bytes.extend_from_slice(b" rdf:datatype=\"");
                escape_into(&mut self.out.bytes, literal.datatype().as_str());
                self.out.bytes.push(b'"');
            }
            self.out.bytes.push(b'>');
            escape_into(&mut self.out.bytes, literal.value());
            self.out.bytes.extend_from_slice(b"</");
            self.out.bytes.extend_from_slice(name.name.as_bytes());
            self.out.bytes.push(b'>');
        }
        Ok(())
    }

    /// The property element of `triple` as oxrdfxml writes it: it serializes the triple
    /// about a blank node alone, and the element is cut out of that document.
    fn property_by_oxrdfxml(&mut self, triple: TripleRef<'_>) -> io::Result<()> {
        let subject = BlankNodeRef::new_unchecked("s");
        let mut serializer = self.prefixes.clone().for_writer(Vec::new());
        serializer.serialize_triple(TripleRef::new(subject, triple.predicate, triple.object))?;
        let document = serializer.finish()?;
        let start = self.header.len() + b"\n\t<rdf:Description rdf:nodeID=\"s\">".len();
        let end = document.len() - b"\n\t</rdf:Description>".len() - END.len();
        self.out.bytes.extend_from_slice(&document[start..end]);
        Ok(())
    }

    fn close_node_element(&mut self) {
        if self.subject.is_some() {
            self.out.bytes.extend_from_slice(b"\n\t</");
            match self.typed_element.take() {
                Some(name) => self.out.bytes.extend_from_slice(name.as_bytes()),
                None => self.out.bytes.extend_from_slice(b"rdf:Description"),
            }
            self.out.bytes.push(b'>');
        }
    }

    /// The node element left open, taken: a writer of a fragment hands it to the writer its
    /// bytes are appended to ([`RdfXmlWriter::append`]) and starts its next fragment anew.
    pub(crate) fn take_open_element(&mut self) -> OpenElement {
        OpenElement {
            subject: self.subject.take(),
            typed_element: self.typed_element.take(),
        }
    }

    /// Appends the bytes a fragment writer (of the same prefixes, started) wrote from a node
    /// element of `first_subject` on, ending with `open` left open, as if this writer had
    /// written their triples; `false`, leaving the writer as it was, when it would have
    /// written them otherwise: before the document's header, or continuing its open element
    /// of the same subject.
    pub(crate) fn append(
        &mut self,
        bytes: &[u8],
        first_subject: NamedOrBlankNodeRef<'_>,
        open: OpenElement,
    ) -> io::Result<bool> {
        let (blank, subject) = match first_subject {
            NamedOrBlankNodeRef::NamedNode(node) => (false, node.as_str()),
            NamedOrBlankNodeRef::BlankNode(node) => (true, node.as_str()),
        };
        let continues = self
            .subject
            .as_ref()
            .is_some_and(|(was_blank, was)| *was_blank == blank && was == subject);
        if !self.started || continues {
            return Ok(false);
        }
        self.close_node_element();
        self.out.write_through(bytes)?;
        self.subject = open.subject;
        self.typed_element = open.typed_element;
        Ok(true)
    }

    /// Ends the document and returns the output.
    pub(crate) fn finish(mut self) -> io::Result<W> {
        if !self.started {
            self.out.bytes.extend_from_slice(&self.header);
        }
        self.close_node_element();
        self.out.bytes.extend_from_slice(END);
        self.out.finish()
    }
}

impl RdfXmlWriter<Vec<u8>> {
    /// A writer of fragments: the bytes of node elements, to be appended to the output of a
    /// writer of the same prefixes, whose header it leaves out.
    pub(crate) fn fragments(prefixes: &[(&str, &str)]) -> Result<Self, WriteError> {
        let mut writer = Self::new(Vec::new(), prefixes, 0)?;
        writer.out = Gathered::kept();
        writer.started = true;
        Ok(writer)
    }

    /// The bytes written since the last call; the next ones go to `spare` (see
    /// [`Gathered::take`]).
    pub(crate) fn take_bytes(&mut self, spare: Option<Vec<u8>>) -> Vec<u8> {
        self.out.take(spare)
    }
}

/// A node element left open at the end of a fragment: its subject (whether a blank node, and
/// its label or IRI) and its name when named by a type.
pub(crate) struct OpenElement {
    subject: Option<(bool, String)>,
    typed_element: Option<Box<str>>,
}

/// The element names of IRIs.
struct ElementNames {
    /// Namespace -> prefix, as oxrdfxml declares them.
    prefixes_by_namespace: BTreeMap<String, String>,
    custom_default_prefix: bool,
    remembered: FxHashMap<Box<str>, ElementName>,
}

impl ElementNames {
    fn get(&mut self, iri: NamedNodeRef<'_>) -> &ElementName {
        if !self.remembered.contains_key(iri.as_str()) {
            let name = self.new_name(iri.as_str());
            if self.remembered.len() >= NAMES_REMEMBERED {
                self.remembered.clear();
            }
            self.remembered.insert(iri.as_str().into(), name);
        }
        &self.remembered[iri.as_str()]
    }

    /// oxrdfxml's `uri_to_qname_and_xmlns`.
    fn new_name(&self, iri: &str) -> ElementName {
        let (namespace, local) = split_iri(iri);
        let (name, declaration): (String, Option<(&str, &str)>) =
            if let Some(prefix) = self.prefixes_by_namespace.get(namespace) {
                if prefix.is_empty() {
                    (local.to_owned(), None)
                } else {
                    (format!("{prefix}:{local}"), None)
                }
            } else if namespace == "http://www.w3.org/2000/xmlns/" {
                (format!("xmlns:{local}"), None)
            } else if !local.is_empty() && !self.custom_default_prefix {
                (local.to_owned(), Some(("xmlns", namespace)))
            } else {
                (
                    format!("oxprefix:{local}"),
                    Some(("xmlns:oxprefix", namespace)),
                )
            };
        let mut start = name.clone().into_bytes();
        if let Some((attribute, value)) = declaration {
            start.push(b' ');
            start.extend_from_slice(attribute.as_bytes());
            start.extend_from_slice(b"=\"");
            escape_into(&mut start, value);
            start.push(b'"');
        }
        ElementName {
            name: name.into(),
            start: start.into(),
        }
    }
}

/// The end of every document.
const END: &[u8] = b"\n</rdf:RDF>";

/// oxrdfxml's `split_iri`: the namespace is what precedes the longest local part that is an
/// XML name without `:`.
fn split_iri(iri: &str) -> (&str, &str) {
    if let Some(position_base) = iri.rfind(|c| !is_name_char(c) || c == ':')
        && let Some(position_add) = iri[position_base..].find(|c| is_name_start_char(c) && c != ':')
    {
        let split = position_base + position_add;
        return (&iri[..split], &iri[split..]);
    }
    (iri, "")
}

/// XML 1.0's `NameStartChar`.
fn is_name_start_char(c: char) -> bool {
    matches!(c,
        ':'
        | 'A'..='Z'
        | '_'
        | 'a'..='z'
        | '\u{00C0}'..='\u{00D6}'
        | '\u{00D8}'..='\u{00F6}'
        | '\u{00F8}'..='\u{02FF}'
        | '\u{0370}'..='\u{037D}'
        | '\u{037F}'..='\u{1FFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}'
        | '\u{2C00}'..='\u{2FEF}'
        | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}'
        | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

/// XML 1.0's `NameChar`.
fn is_name_char(c: char) -> bool {
    is_name_start_char(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{0300}'..='\u{036F}' | '\u{203F}'..='\u{2040}')
}

/// `value` escaped as quick-xml's `escape` does (`<`, `>`, `&`, `'`, `"`), appended.
fn escape_into(out: &mut Vec<u8>, value: &str) {
    let bytes = value.as_bytes();
    let plain = !has_byte(bytes, |byte| {
        matches!(byte, b'<' | b'>' | b'&' | b'\'' | b'"')
    });
    if plain {
        out.extend_from_slice(bytes);
        return;
    }
    let mut plain_from = 0;
    for (index, &byte) in bytes.iter().enumerate() {
        let escape: &[u8] = match byte {
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'&' => b"&amp;",
            b'\'' => b"&apos;",
            b'"' => b"&quot;",
            _ => continue,
        };
        out.extend_from_slice(&bytes[plain_from..index]);
        out.extend_from_slice(escape);
        plain_from = index + 1;
    }
    out.extend_from_slice(&bytes[plain_from..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use fihris_vocab::ns;
    use oxrdf::{BlankNode, Literal, NamedNode, Triple};

    fn oxrdfxml_bytes(prefixes: &[(&str, &str)], triples: &[Triple]) -> Vec<u8> {
        let mut serializer = RdfXmlSerializer::new();
        for (name, namespace) in prefixes {
            serializer = serializer.with_prefix(*name, *namespace).unwrap();
        }
        let mut serializer = serializer.for_writer(Vec::new());
        for triple in triples {
            serializer.serialize_triple(triple).unwrap();
        }
        serializer.finish().unwrap()
    }

    /// Ours, written with a small write size so that the buffer is written several times.
    fn ours(prefixes: &[(&str, &str)], triples: &[Triple]) -> Vec<u8> {
        let mut writer = RdfXmlWriter::new(Vec::new(), prefixes, 64).unwrap();
        for triple in triples {
            writer.write_triple(triple.as_ref()).unwrap();
        }
        writer.finish().unwrap()
    }

    fn assert_same_bytes(prefixes: &[(&str, &str)], triples: &[Triple]) {
        assert_eq!(
            String::from_utf8(ours(prefixes, triples)).unwrap(),
            String::from_utf8(oxrdfxml_bytes(prefixes, triples)).unwrap()
        );
    }

    fn iri(value: &str) -> NamedNode {
        NamedNode::new(value).unwrap()
    }

    #[test]
    fn same_bytes_as_oxrdfxml() {
        let dataset = iri("https://data.gov.ma/data/fr/dataset/a?x=1&y='2'");
        let blank = BlankNode::new("b0").unwrap();
        let title = iri(ns::dct::TITLE);
        let mut triples = vec![
            // Typed node elements: a declared namespace, an undeclared one, a syntax term,
            // a class with no local name, and `rdf:type` later than first.
            Triple::new(dataset.clone(), rdf::TYPE, iri(ns::dcat::DATASET)),
            Triple::new(dataset.clone(), title.clone(), blank.clone()),
            Triple::new(
                blank.clone(),
                rdf::TYPE,
                iri("https://example.org/ns#Thing"),
            ),
            Triple::new(
                iri("https://example.org/a"),
                rdf::TYPE,
                iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#Description"),
            ),
            Triple::new(
                iri("https://example.org/b"),
                rdf::TYPE,
                iri("https://example.org/"),
            ),
            Triple::new(iri("https://example.org/c"), title.clone(), dataset.clone()),
            Triple::new(
                iri("https://example.org/c"),
                rdf::TYPE,
                iri(ns::dcat::CATALOG),
            ),
            Triple::new(
                iri("https://example.org/d"),
                rdf::TYPE,
                Literal::from("a literal"),
            ),
            // Back to an earlier subject, then predicates outside declared namespaces: a
            // default namespace, no local name, XML's `xmlns` namespace, a local part
            // starting with a digit.
            Triple::new(
                dataset.clone(),
                iri("https://example.org/ns#p"),
                blank.clone(),
            ),
            Triple::new(
                dataset.clone(),
                iri("https://example.org/p/"),
                blank.clone(),
            ),
            Triple::new(
                dataset.clone(),
                iri("http://www.w3.org/2000/xmlns/q"),
                Literal::from("x"),
            ),
            Triple::new(
                dataset.clone(),
                iri("https://example.org/1p"),
                blank.clone(),
            ),
            Triple::new(blank.clone(), iri("urn:isbn:foo"), dataset.clone()),
        ];
        // Every character the escaping treats apart, alone and between plain text, in
        // plain, tagged and typed literals.
        let mut values: Vec<String> = vec![String::new(), "plain".into(), "é ب 🙂".into()];
        for c in ['<', '>', '&', '\'', '"', '\t', '\n', '\r', ' ', '\u{FFFD}'] {
            values.push(c.to_string());
            values.push(format!("a{c}b{c}{c}"));
        }
        let date = iri("http://www.w3.org/2001/XMLSchema#date?a&b");
        for value in &values {
            triples.push(Triple::new(
                dataset.clone(),
                title.clone(),
                Literal::from(value.as_str()),
            ));
            triples.push(Triple::new(
                blank.clone(),
                title.clone(),
                Literal::new_language_tagged_literal_unchecked(value, "fr"),
            ));
            triples.push(Triple::new(
                dataset.clone(),
                title.clone(),
                Literal::new_typed_literal(value, date.clone()),
            ));
        }
        assert_same_bytes(ns::ALL, &triples);
        // Prefixes as oxrdfxml takes them: `rdf` and `its` its own, `oxprefix` ignored, a
        // default namespace, two names for one namespace.
        let prefixes = [
            ("rdf", "https://example.org/not-rdf#"),
            ("oxprefix", "https://example.org/ns#"),
            ("", "https://example.org/"),
            ("a", "http://purl.org/dc/terms/"),
            ("b", "http://purl.org/dc/terms/"),
        ];
        assert_same_bytes(&prefixes, &triples);
        assert_same_bytes(&[], &triples);
        // Nothing written, one triple.
        assert_same_bytes(ns::ALL, &[]);
        assert_same_bytes(ns::ALL, &triples[..1]);
        assert_same_bytes(ns::ALL, &triples[1..2]);
    }

    #[test]
    fn written_catalogues_have_oxrdfxml_bytes() {
        // Without the controls RDF/XML cannot carry.
        let catalog = crate::parse::awkward_catalog(false);
        let triples = crate::parse::awkward_triples(false);
        assert_eq!(
            String::from_utf8(crate::to_vec(&catalog, crate::RdfFormat::RdfXml).unwrap()).unwrap(),
            String::from_utf8(oxrdfxml_bytes(ns::ALL, &triples)).unwrap()
        );
    }

    /// The property elements oxrdfxml writes for RDF 1.2 terms are cut out of its own
    /// output: the cut gives what the writer writes for any other triple.
    #[test]
    fn property_elements_cut_out_of_oxrdfxml() {
        let subject = iri("https://example.org/s");
        let objects = [
            oxrdf::Term::from(Literal::new_language_tagged_literal_unchecked("a<b", "fr")),
            Literal::new_typed_literal("1", iri("http://www.w3.org/2001/XMLSchema#int")).into(),
            iri("https://example.org/o").into(),
            BlankNode::new("b").unwrap().into(),
        ];
        for object in objects {
            for predicate in [iri(ns::dct::TITLE), iri("https://example.org/ns#p")] {
                let triple = Triple::new(subject.clone(), predicate, object.clone());
                let mut cut = RdfXmlWriter::new(Vec::new(), ns::ALL, 64).unwrap();
                let mut written = RdfXmlWriter::new(Vec::new(), ns::ALL, 64).unwrap();
                cut.property_by_oxrdfxml(triple.as_ref()).unwrap();
                written.property(triple.as_ref()).unwrap();
                assert_eq!(
                    String::from_utf8(cut.out.bytes).unwrap(),
                    String::from_utf8(written.out.bytes).unwrap()
                );
            }
        }
    }
}
