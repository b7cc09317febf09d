//! Replays every input committed under `fuzz/regressions/<target>/` against the property the
//! fuzz target asserts, so that a crash found once stays fixed.

use std::fs;
use std::path::PathBuf;

use fihris_model::Catalog;

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/regressions")
        .join(target);
    let mut inputs: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| {
            let path = entry.expect("readable directory entry").path();
            let bytes = fs::read(&path).expect("readable regression input");
            (path, bytes)
        })
        .collect();
    inputs.sort();
    assert!(
        !inputs.is_empty(),
        "no regression input in {}",
        dir.display()
    );
    inputs
}

#[test]
fn model_snapshot() {
    for (path, bytes) in inputs("model_snapshot") {
        let Ok(catalog) = serde_json::from_slice::<Catalog>(&bytes) else {
            continue;
        };
        let written = serde_json::to_vec(&catalog).expect("a model always serialises");
        let again: Catalog = serde_json::from_slice(&written)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        assert_eq!(again, catalog, "{}", path.display());
    }
}

#[test]
fn csv_inventory() {
    for (path, bytes) in inputs("csv_inventory") {
        let Ok(outcome) = fihris_csv::InventoryReader::new().read_slice(&bytes) else {
            continue;
        };
        let written = fihris_csv::write_catalog(&outcome.catalog, Vec::new())
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let again = fihris_csv::InventoryReader::new()
            .read_slice(&written)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let rewritten = fihris_csv::write_catalog(&again.catalog, Vec::new()).unwrap();
        assert_eq!(rewritten, written, "{}", path.display());
    }
}

/// The `ckan_json` property: the JSON-lines stream gives the whole reader's datasets, and
/// what is read writes back in its shape and reads to the same model.
#[test]
fn ckan_json() {
    use fihris_ckan::{CkanFormat, CkanReader, write_catalog};

    for (path, bytes) in inputs("ckan_json") {
        let name = path.display();
        let reader = CkanReader::new();
        if let Ok(whole) = reader.read_json_lines(bytes.as_slice()) {
            let streamed: Vec<_> = reader
                .json_lines(bytes.as_slice())
                .map(|dataset| dataset.expect("memory never fails"))
                .collect();
            assert_eq!(streamed, whole.catalog.datasets, "{name}");
        }
        let Ok(first) = reader.read_slice(&bytes) else {
            continue;
        };
        if first.catalog.datasets.is_empty() && first.format == CkanFormat::JsonLines {
            continue;
        }
        let written = write_catalog(&first.catalog, first.format, Vec::new()).expect("in memory");
        // In its shape: one JSON line is also a JSON document, which reads as one.
        let again = if first.format == CkanFormat::JsonLines {
            reader.read_json_lines(written.as_slice())
        } else {
            reader.read_slice(&written)
        }
        .expect("written CKAN reads back");
        assert_eq!(again.catalog, first.catalog, "{name}");
    }
}

/// The property of the `dcat_turtle`, `dcat_rdfxml` and `dcat_jsonld` targets
/// (`fuzz/src/lib.rs`): what reads writes back losslessly in the same syntax and reads to the
/// same model.
fn rdf_round_trip(target: &str, format: fihris_dcat::RdfFormat) {
    use fihris_dcat::{DcatReader, DcatWriter};

    for (path, bytes) in inputs(target) {
        let name = path.display();
        let reader = DcatReader::new(format).with_max_input_bytes(1 << 20);
        let Ok(first) = reader.read_slice(&bytes) else {
            continue;
        };
        let mut writer = DcatWriter::new(format, Vec::new()).with_implied_triples(false);
        if writer.write_catalog(&first.catalog).is_err() {
            continue;
        }
        let written = writer.finish().expect("in memory");
        let again = reader
            .read_slice(&written)
            .unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(again.catalog, first.catalog, "{name}");
    }
}

/// The `dcat_rdfxml` properties: the round trip above, and reading agrees with oxrdfxml
/// (lenient, as the reader uses it) when the IRIs are valid (`fihris_fuzz::reads_as_oxrdfxml`).
#[test]
fn dcat_rdfxml() {
    use fihris_dcat::{DcatReader, RdfFormat, ReadErrorKind};

    rdf_round_trip("dcat_rdfxml", RdfFormat::RdfXml);
    for (path, bytes) in inputs("dcat_rdfxml") {
        let name = path.display();
        let reader = DcatReader::new(RdfFormat::RdfXml).with_max_input_bytes(1 << 20);
        let strict: Result<Vec<oxrdf::Triple>, _> = oxrdfxml::RdfXmlParser::new()
            .lenient()
            .for_slice(&bytes)
            .collect();
        match (reader.read_slice(&bytes), strict) {
            (Ok(read), Ok(triples)) => {
                if fihris_conformance::rdf::all_iris_valid(&triples) {
                    assert_eq!(read.catalog, reader.read_triples(triples).catalog, "{name}");
                }
            }
            (Ok(_), Err(error)) => panic!("{name}: read, but oxrdfxml refuses it: {error}"),
            (Err(error), Ok(_)) => {
                assert_ne!(error.kind(), ReadErrorKind::Syntax, "{name}: {error}")
            }
            (Err(_), Err(_)) => {}
        }
    }
}

/// The `dcat_ntriples` property: the round trip above, and `NTriplesStream` reads the
/// writer's output (but may refuse a value a dataset keeps as a statement while another
/// entity describes it), and any input it accepts, to the whole reader's datasets.
#[test]
fn dcat_ntriples() {
    use fihris_dcat::{DcatReader, DcatWriter, NTriplesStream, RdfFormat, ReadError};
    use fihris_model::Dataset;

    fn stream(reader: &DcatReader, bytes: &[u8]) -> Result<Vec<Dataset>, ReadError> {
        let datasets =
            NTriplesStream::new(reader.clone(), bytes)?.collect::<Result<Vec<_>, _>>()?;
        Ok(sorted(datasets))
    }
    fn sorted(mut datasets: Vec<Dataset>) -> Vec<Dataset> {
        datasets.sort_by_key(|d| d.id.to_string());
        datasets
    }

    for (path, bytes) in inputs("dcat_ntriples") {
        let name = path.display();
        let reader = DcatReader::new(RdfFormat::NTriples).with_max_input_bytes(1 << 20);
        let Ok(first) = reader.read_slice(&bytes) else {
            continue;
        };
        let mut writer =
            DcatWriter::new(RdfFormat::NTriples, Vec::new()).with_implied_triples(false);
        writer
            .write_catalog(&first.catalog)
            .expect("N-Triples carries any value");
        let written = writer.finish().expect("in memory");
        let again = reader
            .read_slice(&written)
            .unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(again.catalog, first.catalog, "{name}");
        match stream(&reader, &written) {
            Ok(streamed) => assert_eq!(streamed, sorted(first.catalog.datasets.clone()), "{name}"),
            // A value a dataset keeps as a statement while another entity describes it.
            Err(error) => assert!(
                error.message().contains("is described apart from it")
                    || error
                        .message()
                        .contains("is described after a dataset that uses it"),
                "{name}: {error}"
            ),
        }
        if let Ok(streamed) = stream(&reader, &bytes) {
            let random = bytes
                .split(|b| !b.is_ascii_hexdigit())
                .any(|run| run.len() >= 24);
            if !random {
                assert_eq!(streamed, sorted(first.catalog.datasets), "{name}");
            }
        }
    }
}
