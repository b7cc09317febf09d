//! Every RDF file of the shared corpus that rdflib parses is read without error, written
//! back in each format, and gives the same graph (blank nodes canonicalised); the files
//! known not to parse give a syntax error with line and column.

use fihris_conformance::rdf::{all_iris_valid, diff, isomorphic, parse_graph};
use fihris_conformance::{read_shared, shared_dir};
use fihris_dcat::{DcatReader, DcatWriter, RdfFormat, ReadErrorKind, ReadOutput};

const EXAMPLE_CONTEXT: &str = "https://semiceu.github.io/uri.semic.eu-generated/DCAT-AP/releases/3.0.0/html/examples/context.jsonld";
const BASE: &str = "http://example.org/base/";

/// Files rdflib reads that are not RDF/XML: `geonetwork.xml` gives a property element both
/// `rdf:resource` and text content (rdflib drops the text; oxrdfxml refuses the file). Read
/// as a syntax error with its position.
const NOT_RDF: &[(&str, u64)] = &[(
    "opendatateam-udata/udata/harvest/tests/dcat/geonetwork.xml",
    18,
)];

struct Entry {
    path: String,
    format: RdfFormat,
    ok: bool,
}

fn manifest() -> Vec<Entry> {
    read_shared("conformance/MANIFEST.tsv")
        .lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let format = match *fields.get(3)? {
                "turtle" => RdfFormat::Turtle,
                "nt" => RdfFormat::NTriples,
                "xml" => RdfFormat::RdfXml,
                "json-ld" => RdfFormat::JsonLd,
                _ => return None,
            };
            Some(Entry {
                path: fields[0].to_owned(),
                format,
                ok: fields.get(5) == Some(&"ok"),
            })
        })
        .collect()
}

fn contexts() -> Vec<(String, Vec<u8>)> {
    let context = std::fs::read(
        shared_dir()
            .join("conformance/SEMICeu-DCAT-AP/releases/3.0.1/html/examples/context.jsonld"),
    )
    .expect("the examples' context is in the corpus");
    vec![(EXAMPLE_CONTEXT.to_owned(), context)]
}

fn reader(format: RdfFormat) -> DcatReader {
    let mut reader = DcatReader::new(format).with_base_iri(BASE);
    for (url, document) in contexts() {
        reader = reader.with_jsonld_context(url, document);
    }
    reader
}

#[test]
fn corpus_round_trips_in_every_format() {
    let contexts = contexts();
    let mut failures = Vec::new();
    let mut checked = 0;
    for entry in manifest()
        .iter()
        .filter(|e| e.ok && !NOT_RDF.iter().any(|(path, _)| *path == e.path))
    {
        let path = shared_dir().join("conformance").join(&entry.path);
        let bytes = std::fs::read(&path).expect("corpus file");
        let input = match reader(entry.format).read_slice(&bytes) {
            Ok(output) => output,
            Err(error) => {
                failures.push(format!("{}: read error {error}", entry.path));
                continue;
            }
        };
        let expected = parse_graph(&bytes, entry.format, Some(BASE), &contexts);
        for format in RdfFormat::ALL {
            let mut writer = DcatWriter::new(*format, Vec::new()).with_implied_triples(false);
            if let Err(error) = writer.write_catalog(&input.catalog) {
                failures.push(format!("{} -> {format}: write error {error}", entry.path));
                continue;
            }
            let written = writer.finish().expect("finish");
            let actual = parse_graph(&written, *format, None, &[]);
            if !isomorphic(&expected, &actual) {
                failures.push(format!(
                    "{} -> {format}: not isomorphic\n{}",
                    entry.path,
                    diff(&expected, &actual)
                ));
                continue;
            }
            match reader(*format).read_slice(&written) {
                Ok(again) if again.catalog == input.catalog => {}
                Ok(_) => failures.push(format!(
                    "{} -> {format}: the model differs after reading the output",
                    entry.path
                )),
                Err(error) => failures.push(format!("{} -> {format}: {error}", entry.path)),
            }
        }
        checked += 1;
    }
    assert!(checked > 70, "only {checked} corpus files checked");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn known_bad_files_give_line_and_column() {
    let bad: Vec<Entry> = manifest()
        .into_iter()
        .filter(|e| !e.ok || NOT_RDF.iter().any(|(path, _)| *path == e.path))
        .collect();
    assert_eq!(
        bad.len(),
        4,
        "three files rdflib cannot parse, one that is not RDF/XML"
    );
    for entry in bad {
        let bytes =
            std::fs::read(shared_dir().join("conformance").join(&entry.path)).expect("corpus file");
        let error = reader(entry.format)
            .read_slice(&bytes)
            .expect_err(&entry.path);
        assert_eq!(error.kind(), ReadErrorKind::Syntax, "{}", entry.path);
        assert!(
            error.line().is_some_and(|line| line > 1) && error.column().is_some(),
            "{}: {error}",
            entry.path
        );
    }
}

/// The documents a fast path is tested on: the corpus files in one of `own` formats, and
/// every corpus file that reads written in each of `written` formats (with and without the
/// implied triples when `both_implied`; a value RDF/XML cannot carry skips that file).
fn fast_path_documents(
    own: &[RdfFormat],
    written: &[RdfFormat],
    both_implied: bool,
) -> Vec<(String, RdfFormat, Vec<u8>)> {
    let mut documents = Vec::new();
    for entry in manifest().iter().filter(|e| e.ok) {
        let bytes =
            std::fs::read(shared_dir().join("conformance").join(&entry.path)).expect("corpus file");
        if own.contains(&entry.format) {
            documents.push((entry.path.clone(), entry.format, bytes.clone()));
        }
        let Ok(read) = reader(entry.format).read_slice(&bytes) else {
            continue;
        };
        for &format in written {
            for implied in if both_implied {
                &[true, false][..]
            } else {
                &[true]
            } {
                let mut writer = DcatWriter::new(format, Vec::new()).with_implied_triples(*implied);
                if let Err(error) = writer.write_catalog(&read.catalog) {
                    assert_eq!(format, RdfFormat::RdfXml, "{}: {error}", entry.path);
                    continue;
                }
                let written = writer.finish().expect("written");
                let name = format!("{} as {format} (implied {implied})", entry.path);
                documents.push((name, format, written));
            }
        }
    }
    documents
}

/// The fast path's reading of a document and the strict parser's give the same model and
/// the same warnings.
fn assert_reads_alike(name: &str, fast: &ReadOutput, strict: &ReadOutput) {
    assert!(fast.catalog == strict.catalog, "{name}: the models differ");
    let messages = |output: &ReadOutput| {
        output
            .warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(messages(fast), messages(strict), "{name}");
}

/// The fast reading of Turtle and N-Triples gives the model the strict parser (oxttl) gives,
/// on the corpus files and on what fihris writes of them — the documents the fast path is
/// made for.
#[test]
fn fast_turtle_reading_gives_what_the_strict_parser_gives() {
    fn strict(bytes: &[u8], format: RdfFormat) -> Vec<oxrdf::Triple> {
        let parser = oxttl::TurtleParser::new()
            .with_base_iri(BASE)
            .expect("valid base");
        match format {
            RdfFormat::NTriples => oxttl::NTriplesParser::new()
                .for_slice(bytes)
                .collect::<Result<_, _>>(),
            _ => parser.for_slice(bytes).collect::<Result<_, _>>(),
        }
        .expect("the strict parser reads it")
    }
    let turtles = [RdfFormat::Turtle, RdfFormat::NTriples];
    let documents = fast_path_documents(&turtles, &turtles, false);
    assert!(documents.len() > 150, "{} documents", documents.len());
    for (name, format, bytes) in documents {
        let fast = reader(format).read_slice(&bytes).expect(&name);
        let strict = reader(format).read_triples(strict(&bytes, format));
        assert_reads_alike(&name, &fast, &strict);
    }
}

/// The fast reading of the JSON-LD fihris writes gives the model oxjsonld gives, on the
/// corpus files written as JSON-LD (and on the corpus's own JSON-LD, which oxjsonld reads
/// either way): nothing the fast path accepts means something else to a JSON-LD processor.
#[test]
fn fast_jsonld_reading_gives_what_oxjsonld_gives() {
    fn strict(bytes: &[u8]) -> Vec<oxrdf::Triple> {
        let contexts = contexts();
        oxjsonld::JsonLdParser::new()
            .with_base_iri(BASE)
            .expect("valid base")
            .for_slice(bytes)
            .with_load_document_callback(move |url, _| {
                contexts
                    .iter()
                    .find(|(known, _)| known == url)
                    .map(|(known, document)| oxjsonld::JsonLdRemoteDocument {
                        document: document.clone(),
                        document_url: known.clone(),
                    })
                    .ok_or_else(|| format!("no context {url}").into())
            })
            .map(|quad| {
                quad.map(|quad| oxrdf::Triple::new(quad.subject, quad.predicate, quad.object))
            })
            .collect::<Result<_, _>>()
            .expect("oxjsonld reads it")
    }
    let documents = fast_path_documents(&[RdfFormat::JsonLd], &[RdfFormat::JsonLd], true);
    assert!(documents.len() > 150, "{} documents", documents.len());
    for (name, _, bytes) in documents {
        let fast = reader(RdfFormat::JsonLd).read_slice(&bytes).expect(&name);
        let strict = reader(RdfFormat::JsonLd).read_triples(strict(&bytes));
        assert_reads_alike(&name, &fast, &strict);
    }
}

/// The fast reading of the RDF/XML fihris writes gives the model oxrdfxml gives, on the
/// corpus files written as RDF/XML and on the corpus's own RDF/XML (documents whose IRIs
/// the reader would percent-encode are left out: oxrdfxml alone keeps them as they are).
#[test]
fn fast_rdfxml_reading_gives_what_oxrdfxml_gives() {
    fn strict(bytes: &[u8]) -> Option<Vec<oxrdf::Triple>> {
        oxrdfxml::RdfXmlParser::new()
            .lenient()
            .with_base_iri(BASE)
            .expect("valid base")
            .for_slice(bytes)
            .collect::<Result<_, _>>()
            .ok()
    }
    let mut compared = 0;
    for (name, _, bytes) in fast_path_documents(&[RdfFormat::RdfXml], &[RdfFormat::RdfXml], true) {
        let Some(strict) = strict(&bytes) else {
            // Refused by oxrdfxml: refused by the reader too.
            assert!(
                reader(RdfFormat::RdfXml).read_slice(&bytes).is_err(),
                "{name}"
            );
            continue;
        };
        if !all_iris_valid(&strict) {
            continue;
        }
        let fast = reader(RdfFormat::RdfXml).read_slice(&bytes).expect(&name);
        let strict = reader(RdfFormat::RdfXml).read_triples(strict);
        assert_reads_alike(&name, &fast, &strict);
        compared += 1;
    }
    assert!(compared > 150, "{compared} documents compared");
}
