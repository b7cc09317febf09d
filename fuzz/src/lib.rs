//! Properties shared by several fuzz targets.

use fihris_dcat::{DcatReader, DcatWriter, RdfFormat, ReadErrorKind};

/// Any bytes given to the DCAT-AP reader of `format`: no panic; a catalogue that reads writes
/// back losslessly (no implied triples) in the same syntax, and that reads to the same model.
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
}

/// Any bytes given to the Turtle or N-Triples reader read as the strict parser (oxttl) reads
/// them: a document oxttl reads gives the catalogue of oxttl's triples, one it refuses is a
/// syntax error. The reader has a fast path of its own for these formats.
pub fn reads_as_the_strict_parser(format: RdfFormat, data: &[u8]) {
    let reader = DcatReader::new(format).with_max_input_bytes(1 << 20);
    let strict: Result<Vec<oxrdf::Triple>, _> = if format == RdfFormat::NTriples {
        oxttl::NTriplesParser::new().for_slice(data).collect()
    } else {
        oxttl::TurtleParser::new().for_slice(data).collect()
    };
    match (reader.read_slice(data), strict) {
        (Ok(read), Ok(triples)) => {
            assert_eq!(read.catalog, reader.read_triples(triples).catalog);
        }
        (Ok(_), Err(error)) => panic!("read, but the strict parser refuses it: {error}"),
        (Err(error), Ok(_)) => assert_ne!(error.kind(), ReadErrorKind::Syntax, "{error}"),
        (Err(_), Err(_)) => {}
    }
}

/// Any bytes given to the JSON-LD reader read as oxjsonld reads them: the reader's fast path
/// for the JSON-LD fihris writes must give the catalogue of oxjsonld's triples, and refuse
/// as a syntax error only what oxjsonld refuses.
pub fn reads_as_oxjsonld(data: &[u8]) {
    let reader = DcatReader::new(RdfFormat::JsonLd).with_max_input_bytes(1 << 20);
    let strict: Result<Vec<oxrdf::Triple>, _> = oxjsonld::JsonLdParser::new()
        .for_slice(data)
        .map(|quad| quad.map(|quad| oxrdf::Triple::new(quad.subject, quad.predicate, quad.object)))
        .collect();
    match (reader.read_slice(data), strict) {
        (Ok(read), Ok(triples)) => {
            assert_eq!(read.catalog, reader.read_triples(triples).catalog);
        }
        (Ok(_), Err(error)) => panic!("read, but oxjsonld refuses it: {error}"),
        (Err(error), Ok(_)) => assert_ne!(error.kind(), ReadErrorKind::Syntax, "{error}"),
        (Err(_), Err(_)) => {}
    }
}

/// Any bytes given to the RDF/XML reader read as oxrdfxml (lenient, as the reader uses it)
/// reads them, when all their IRIs are valid (the reader percent-encodes the others): the
/// reader's fast path for the RDF/XML fihris writes must give the catalogue of oxrdfxml's
/// triples, and refuse as a syntax error only what oxrdfxml refuses.
pub fn reads_as_oxrdfxml(data: &[u8]) {
    let reader = DcatReader::new(RdfFormat::RdfXml).with_max_input_bytes(1 << 20);
    let strict: Result<Vec<oxrdf::Triple>, _> =
        oxrdfxml::RdfXmlParser::new().lenient().for_slice(data).collect();
    let valid = |iri: &str| oxrdf::NamedNode::new(iri).is_ok();
    let all_valid = |triples: &[oxrdf::Triple]| {
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
    };
    match (reader.read_slice(data), strict) {
        (Ok(read), Ok(triples)) => {
            if all_valid(&triples) {
                assert_eq!(read.catalog, reader.read_triples(triples).catalog);
            }
        }
        (Ok(_), Err(error)) => panic!("read, but oxrdfxml refuses it: {error}"),
        (Err(error), Ok(_)) => assert_ne!(error.kind(), ReadErrorKind::Syntax, "{error}"),
        (Err(_), Err(_)) => {}
    }
}
