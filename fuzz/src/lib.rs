//! Properties shared by several fuzz targets.

use fihris_dcat::{DcatReader, DcatWriter, RdfFormat, ReadErrorKind};

/// Any bytes given to the DCAT-AP reader of `format`: no panic; a catalogue that reads writes
/// back losslessly (no implied triples) in the same syntax, and that reads to the same model;
/// its RDF/XML is what oxrdfxml writes.
pub fn rdf_round_trip(format: RdfFormat, data: &[u8]) {
    let reader = DcatReader::new(format).with_max_input_bytes(1 << 20);
    let Ok(first) = reader.read_slice(data) else {
        return;
    };
    let mut writer = DcatWriter::new(format, Vec::new()).with_implied_triples(false);
    if writer.write_catalog(&first.catalog).is_err() {
        // A value the syntax cannot carry (C0 controls in RDF/XML) is a clean error.
        return;
    }
    let written = writer.finish().expect("finishing into memory");
    let again = reader
        .read_slice(&written)
        .expect("what the writer writes reads back");
    assert_eq!(again.catalog, first.catalog);
    writes_rdfxml_as_oxrdfxml(&first.catalog);
}

/// fihris writes `catalog` in RDF/XML as the bytes oxrdfxml's serializer writes for the same
/// triples (those fihris writes as N-Triples, in their order), with the same prefixes.
fn writes_rdfxml_as_oxrdfxml(catalog: &fihris_model::Catalog) {
    let write = |format| {
        let mut writer = DcatWriter::new(format, Vec::new()).with_implied_triples(false);
        writer.write_catalog(catalog).ok()?;
        writer.finish().ok()
    };
    // A value XML cannot carry, or a syntax term as predicate: a clean error, as oxrdfxml's.
    let Some(ours) = write(RdfFormat::RdfXml) else {
        return;
    };
    let ntriples = write(RdfFormat::NTriples).expect("N-Triples carries any value");
    let mut serializer = oxrdfxml::RdfXmlSerializer::new();
    for (prefix, namespace) in fihris_vocab::ns::ALL {
        serializer = serializer
            .with_prefix(*prefix, *namespace)
            .expect("the namespaces are IRIs");
    }
    let mut serializer = serializer.for_writer(Vec::new());
    for triple in oxttl::NTriplesParser::new().for_slice(&ntriples) {
        let triple = triple.expect("what fihris writes parses");
        serializer
            .serialize_triple(&triple)
            .expect("what fihris writes in RDF/XML, oxrdfxml writes too");
    }
    let theirs = serializer.finish().expect("finishing into memory");
    assert!(
        ours == theirs,
        "fihris:\n{}\noxrdfxml:\n{}",
        String::from_utf8_lossy(&ours),
        String::from_utf8_lossy(&theirs)
    );
}

/// The reader of `format` and a strict `parser` agree on `data`: a document the parser reads
/// gives the catalogue of its triples (when `comparable` says the reader takes them as they
/// are), one it refuses is a syntax error for the reader too. The readers have fast paths of
/// their own, which this checks against the parsers that decide everything else.
fn reads_as(
    format: RdfFormat,
    data: &[u8],
    parser: &str,
    strict: Result<Vec<oxrdf::Triple>, impl std::fmt::Display>,
    comparable: impl Fn(&[oxrdf::Triple]) -> bool,
) {
    let reader = DcatReader::new(format).with_max_input_bytes(1 << 20);
    match (reader.read_slice(data), strict) {
        (Ok(read), Ok(triples)) => {
            if comparable(&triples) {
                assert_eq!(read.catalog, reader.read_triples(triples).catalog);
            }
        }
        (Ok(_), Err(error)) => panic!("read, but {parser} refuses it: {error}"),
        (Err(error), Ok(_)) => assert_ne!(error.kind(), ReadErrorKind::Syntax, "{error}"),
        (Err(_), Err(_)) => {}
    }
}

/// Any bytes given to the Turtle or N-Triples reader read as the strict parser (oxttl) reads
/// them (see [`reads_as`]).
pub fn reads_as_the_strict_parser(format: RdfFormat, data: &[u8]) {
    let strict: Result<Vec<oxrdf::Triple>, _> = if format == RdfFormat::NTriples {
        oxttl::NTriplesParser::new().for_slice(data).collect()
    } else {
        oxttl::TurtleParser::new().for_slice(data).collect()
    };
    reads_as(format, data, "the strict parser", strict, |_| true);
}

/// Any bytes given to the JSON-LD reader read as oxjsonld reads them (see [`reads_as`]): the
/// fast path for the JSON-LD fihris writes included.
pub fn reads_as_oxjsonld(data: &[u8]) {
    let strict: Result<Vec<oxrdf::Triple>, _> = oxjsonld::JsonLdParser::new()
        .for_slice(data)
        .map(|quad| quad.map(|quad| oxrdf::Triple::new(quad.subject, quad.predicate, quad.object)))
        .collect();
    reads_as(RdfFormat::JsonLd, data, "oxjsonld", strict, |_| true);
}

/// Any bytes given to the RDF/XML reader read as oxrdfxml (lenient, as the reader uses it)
/// reads them (see [`reads_as`]), when all their IRIs are valid: the reader percent-encodes
/// the others. The fast path for the RDF/XML fihris writes included.
pub fn reads_as_oxrdfxml(data: &[u8]) {
    let strict: Result<Vec<oxrdf::Triple>, _> = oxrdfxml::RdfXmlParser::new()
        .lenient()
        .for_slice(data)
        .collect();
    reads_as(RdfFormat::RdfXml, data, "oxrdfxml", strict, all_iris_valid);
}

/// Whether every IRI of `triples` is valid (the same test as the conformance crate's
/// `rdf::all_iris_valid`; this crate is a workspace of its own and stays small).
fn all_iris_valid(triples: &[oxrdf::Triple]) -> bool {
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
