//! N-Triples lines appended to a byte buffer: the bytes oxttl's serializer writes (it formats
//! each term through `Display`, a character at a time, which was a quarter of a CKAN ->
//! N-Triples conversion), copied a run of plain bytes at a time.

use std::fmt::Write as _;

use oxrdf::vocab::{rdf, xsd};
use oxrdf::{LiteralRef, NamedOrBlankNodeRef, TermRef, TripleRef};

use crate::writer::has_byte;

/// Appends `triple` as one N-Triples line.
pub(crate) fn push_triple(out: &mut Vec<u8>, triple: TripleRef<'_>) {
    match triple.subject {
        NamedOrBlankNodeRef::NamedNode(node) => push_iri(out, node.as_str()),
        NamedOrBlankNodeRef::BlankNode(node) => push_blank(out, node.as_str()),
    }
    out.push(b' ');
    push_iri(out, triple.predicate.as_str());
    out.push(b' ');
    if let TermRef::NamedNode(node) = triple.object {
        push_iri(out, node.as_str());
    } else if let TermRef::BlankNode(node) = triple.object {
        push_blank(out, node.as_str());
    } else if let TermRef::Literal(literal) = triple.object
        && !has_direction(literal)
    {
        push_quoted(out, literal.value());
        if let Some(language) = literal.language() {
            out.push(b'@');
            out.extend_from_slice(language.as_bytes());
        } else if literal.datatype() != xsd::STRING {
            out.extend_from_slice(b"^^");
            push_iri(out, literal.datatype().as_str());
        }
    } else {
        // Triple terms and directional strings (RDF 1.2, when a crate of the build enables
        // oxrdf's `rdf-12`): rare enough to go through `Display`.
        let mut text = String::new();
        let _ = write!(text, "{}", triple.object);
        out.extend_from_slice(text.as_bytes());
    }
    out.extend_from_slice(b" .\n");
}

/// Whether a language-tagged literal also has a base direction (only possible with `rdf-12`,
/// whose directional strings have the datatype `rdf:dirLangString`): a comparison of the
/// datatype, not of the value, as this runs for every tagged literal written.
pub(crate) fn has_direction(literal: LiteralRef<'_>) -> bool {
    literal.language().is_some() && literal.datatype() != rdf::LANG_STRING
}

fn push_iri(out: &mut Vec<u8>, iri: &str) {
    out.push(b'<');
    out.extend_from_slice(iri.as_bytes());
    out.push(b'>');
}

fn push_blank(out: &mut Vec<u8>, label: &str) {
    out.extend_from_slice(b"_:");
    out.extend_from_slice(label.as_bytes());
}

/// Whether UTF-8 `bytes` start with U+FFFE or U+FFFF (EF BF BE, EF BF BF): noncharacters
/// N-Triples escapes and XML 1.0 forbids.
pub(crate) fn starts_with_fffe_or_ffff(bytes: &[u8]) -> bool {
    matches!(bytes, [0xEF, 0xBF, 0xBE | 0xBF, ..])
}

/// `value` between double quotes, escaped as `oxrdf::print_quoted_str` escapes it: the short
/// escapes, `\uXXXX` for the other C0 controls, DEL, U+FFFE and U+FFFF.
fn push_quoted(out: &mut Vec<u8>, value: &str) {
    out.push(b'"');
    let bytes = value.as_bytes();
    let plain = !has_byte(bytes, |byte| {
        byte < b' ' || matches!(byte, b'"' | b'\\' | 0x7F | 0xEF)
    });
    if plain {
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
    let mut plain_from = 0;
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        let escape: Option<&[u8]> = match byte {
            0x08 => Some(b"\\b"),
            b'\t' => Some(b"\\t"),
            b'\n' => Some(b"\\n"),
            0x0C => Some(b"\\f"),
            b'\r' => Some(b"\\r"),
            b'"' => Some(b"\\\""),
            b'\\' => Some(b"\\\\"),
            0x00..=0x1F | 0x7F => Some(&[]),
            0xEF if starts_with_fffe_or_ffff(&bytes[index..]) => Some(&[]),
            _ => None,
        };
        let Some(escape) = escape else {
            index += 1;
            continue;
        };
        out.extend_from_slice(&bytes[plain_from..index]);
        let width = if byte == 0xEF { 3 } else { 1 };
        if escape.is_empty() {
            let code = value[index..].chars().next().map_or(0, u32::from);
            let mut text = String::with_capacity(6);
            let _ = write!(text, "\\u{code:04X}");
            out.extend_from_slice(text.as_bytes());
        } else {
            out.extend_from_slice(escape);
        }
        index += width;
        plain_from = index;
    }
    out.extend_from_slice(&bytes[plain_from..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxrdf::{BlankNode, Literal, NamedNode, Triple};
    use oxttl::NTriplesSerializer;

    fn oxttl_bytes(triples: &[Triple]) -> Vec<u8> {
        let mut serializer = NTriplesSerializer::new().for_writer(Vec::new());
        for triple in triples {
            serializer.serialize_triple(triple).unwrap();
        }
        serializer.finish()
    }

    fn ours(triples: &[Triple]) -> Vec<u8> {
        let mut out = Vec::new();
        for triple in triples {
            push_triple(&mut out, triple.as_ref());
        }
        out
    }

    #[test]
    fn same_bytes_as_oxttl() {
        // Every character class the escaping treats apart, alone and between plain text.
        let mut values: Vec<String> = vec![String::new(), "plain".into(), "é ب 🙂".into()];
        for code in (0u32..0x80).chain([0xA0, 0x2028, 0xFFFD, 0xFFFE, 0xFFFF, 0x1_0000]) {
            let c = char::from_u32(code).unwrap();
            values.push(c.to_string());
            values.push(format!("a{c}b{c}{c}"));
        }
        values.push("\u{EF}\u{BF}".into());
        let subject = NamedNode::new("https://data.gov.ma/data/fr/dataset/a").unwrap();
        let blank = BlankNode::new("b0").unwrap();
        let predicate = NamedNode::new("http://purl.org/dc/terms/title").unwrap();
        let date = NamedNode::new("http://www.w3.org/2001/XMLSchema#date").unwrap();
        let mut triples = vec![
            Triple::new(subject.clone(), predicate.clone(), blank.clone()),
            Triple::new(blank.clone(), predicate.clone(), subject.clone()),
        ];
        for value in &values {
            triples.push(Triple::new(
                subject.clone(),
                predicate.clone(),
                Literal::new_simple_literal(value),
            ));
            triples.push(Triple::new(
                blank.clone(),
                predicate.clone(),
                Literal::new_language_tagged_literal_unchecked(value, "fr"),
            ));
            triples.push(Triple::new(
                subject.clone(),
                predicate.clone(),
                Literal::new_typed_literal(value, date.clone()),
            ));
        }
        assert_eq!(
            String::from_utf8(ours(&triples)).unwrap(),
            String::from_utf8(oxttl_bytes(&triples)).unwrap()
        );
    }
}
