//! The fihris JSON-LD form: the graph as flat node objects under `@graph`, compacted against
//! an embedded context (short terms named as in the official DCAT-AP 3.0.1 context, `@type`,
//! tagged values). Written with serde_json; oxjsonld reads it back to the same graph.

use std::io::{self, Write};
use std::sync::OnceLock;

use fihris_vocab::ns;
use oxrdf::{TermRef, TripleRef};
use serde_json::{Map, Value};

use crate::writer::{Gathered, has_byte};

/// A term of the embedded context: its name, its IRI, and whether string values are IRIs.
pub(crate) struct TermDefinition {
    pub(crate) name: &'static str,
    pub(crate) iri: &'static str,
    pub(crate) id_valued: bool,
}

macro_rules! terms {
    ($($name:literal = $iri:expr, $id:literal;)*) => {
        &[$(TermDefinition { name: $name, iri: $iri, id_valued: $id },)*]
    };
}

use ns::{adms, dcat, dcatap, dct, foaf, locn, rdfs, skos, spdx, vcard};

const TERMS: &[TermDefinition] = terms! {
    "Catalogue" = dcat::CATALOG, false;
    "CatalogueRecord" = dcat::CATALOG_RECORD, false;
    "Dataset" = dcat::DATASET, false;
    "DatasetSeries" = dcat::DATASET_SERIES, false;
    "Distribution" = dcat::DISTRIBUTION, false;
    "DataService" = dcat::DATA_SERVICE, false;
    "Relationship" = dcat::RELATIONSHIP, false;
    "Agent" = foaf::AGENT, false;
    "Organization" = foaf::ORGANIZATION, false;
    "Person" = foaf::PERSON, false;
    "Document" = foaf::DOCUMENT, false;
    "Kind" = vcard::KIND, false;
    "LicenceDocument" = dct::LICENSE_DOCUMENT, false;
    "Location" = dct::LOCATION, false;
    "PeriodOfTime" = dct::PERIOD_OF_TIME, false;
    "Frequency" = dct::FREQUENCY, false;
    "MediaType" = dct::MEDIA_TYPE, false;
    "MediaTypeOrExtent" = dct::MEDIA_TYPE_OR_EXTENT, false;
    "LinguisticSystem" = dct::LINGUISTIC_SYSTEM, false;
    "RightsStatement" = dct::RIGHTS_STATEMENT, false;
    "ProvenanceStatement" = dct::PROVENANCE_STATEMENT, false;
    "Standard" = dct::STANDARD, false;
    "Checksum" = spdx::CHECKSUM, false;
    "Identifier" = adms::IDENTIFIER, false;
    "Concept" = skos::CONCEPT, false;
    "ConceptScheme" = skos::CONCEPT_SCHEME, false;
    "title" = dct::TITLE, false;
    "description" = dct::DESCRIPTION, false;
    "releaseDate" = dct::ISSUED, false;
    "modificationDate" = dct::MODIFIED, false;
    "identifier" = dct::IDENTIFIER, false;
    "keyword" = dcat::KEYWORD, false;
    "version" = dcat::VERSION, false;
    "versionNotes" = adms::VERSION_NOTES, false;
    "byteSize" = dcat::BYTE_SIZE, false;
    "spatialResolution" = dcat::SPATIAL_RESOLUTION_IN_METERS, false;
    "temporalResolution" = dcat::TEMPORAL_RESOLUTION, false;
    "startDate" = dcat::START_DATE, false;
    "endDate" = dcat::END_DATE, false;
    "bbox" = dcat::BBOX, false;
    "centroid" = dcat::CENTROID, false;
    "geometry" = locn::GEOMETRY_PROP, false;
    "name" = foaf::NAME, false;
    "fn" = vcard::FN, false;
    "organizationName" = vcard::ORGANIZATION_NAME, false;
    "label" = rdfs::LABEL, false;
    "prefLabel" = skos::PREF_LABEL, false;
    "notation" = skos::NOTATION, false;
    "schemaAgency" = adms::SCHEMA_AGENCY, false;
    "checksumValue" = spdx::CHECKSUM_VALUE, false;
    "catalogue" = dcat::CATALOG_PROP, true;
    "dataset" = dcat::DATASET_PROP, true;
    "service" = dcat::SERVICE, true;
    "record" = dcat::RECORD, true;
    "distribution" = dcat::DISTRIBUTION_PROP, true;
    "accessURL" = dcat::ACCESS_URL, true;
    "downloadURL" = dcat::DOWNLOAD_URL, true;
    "accessService" = dcat::ACCESS_SERVICE, true;
    "endpointURL" = dcat::ENDPOINT_URL, true;
    "endpointDescription" = dcat::ENDPOINT_DESCRIPTION, true;
    "servesDataset" = dcat::SERVES_DATASET, true;
    "theme" = dcat::THEME, true;
    "themes" = dcat::THEME_TAXONOMY, true;
    "publisher" = dct::PUBLISHER, true;
    "creator" = dct::CREATOR, true;
    "contactPoint" = dcat::CONTACT_POINT, true;
    "geographicalCoverage" = dct::SPATIAL, true;
    "temporalCoverage" = dct::TEMPORAL, true;
    "frequency" = dct::ACCRUAL_PERIODICITY, true;
    "accessRights" = dct::ACCESS_RIGHTS, true;
    "language" = dct::LANGUAGE, true;
    "landingPage" = dcat::LANDING_PAGE, true;
    "documentation" = foaf::PAGE, true;
    "homepage" = foaf::HOMEPAGE, true;
    "email" = foaf::MBOX, true;
    "otherIdentifier" = adms::IDENTIFIER_PROP, true;
    "conformsTo" = dct::CONFORMS_TO, true;
    "provenance" = dct::PROVENANCE, true;
    "type" = dct::TYPE, true;
    "hasVersion" = dcat::HAS_VERSION, true;
    "isVersionOf" = crate::emit::DCAT_IS_VERSION_OF, true;
    "relatedResource" = dct::RELATION, true;
    "source" = dct::SOURCE, true;
    "isReferencedBy" = dct::IS_REFERENCED_BY, true;
    "sample" = adms::SAMPLE, true;
    "qualifiedRelation" = dcat::QUALIFIED_RELATION, true;
    "hadRole" = dcat::HAD_ROLE, true;
    "inSeries" = dcat::IN_SERIES, true;
    "applicableLegislation" = dcatap::APPLICABLE_LEGISLATION, true;
    "hvdCategory" = dcatap::HVD_CATEGORY, true;
    "availability" = dcatap::AVAILABILITY, true;
    "format" = dct::FORMAT, true;
    "mediaType" = dcat::MEDIA_TYPE, true;
    "compressionFormat" = dcat::COMPRESS_FORMAT, true;
    "packagingFormat" = dcat::PACKAGE_FORMAT, true;
    "licence" = dct::LICENSE, true;
    "rights" = dct::RIGHTS, true;
    "checksum" = spdx::CHECKSUM_PROP, true;
    "algorithm" = spdx::ALGORITHM, true;
    "status" = adms::STATUS, true;
    "hasPart" = dct::HAS_PART, true;
    "isPartOf" = dct::IS_PART_OF, true;
    "primaryTopic" = foaf::PRIMARY_TOPIC, true;
    "hasEmail" = vcard::HAS_EMAIL, true;
    "hasTelephone" = vcard::HAS_TELEPHONE, true;
    "hasURL" = vcard::HAS_URL, true;
    "inScheme" = skos::IN_SCHEME, true;
    "exactMatch" = skos::EXACT_MATCH, true;
    "closeMatch" = skos::CLOSE_MATCH, true;
};

/// The term of the context named `name`.
pub(crate) fn term_by_name(name: &str) -> Option<&'static TermDefinition> {
    static BY_NAME: OnceLock<rustc_hash::FxHashMap<&'static str, &'static TermDefinition>> =
        OnceLock::new();
    BY_NAME
        .get_or_init(|| TERMS.iter().map(|term| (term.name, term)).collect())
        .get(name)
        .copied()
}

/// The embedded JSON-LD context, as a JSON value.
pub(crate) fn context_value() -> &'static Value {
    static CONTEXT: OnceLock<Value> = OnceLock::new();
    CONTEXT.get_or_init(|| {
        let mut context = Map::new();
        for term in TERMS {
            let definition = if term.id_valued {
                let mut definition = Map::new();
                definition.insert("@id".to_owned(), Value::String(term.iri.to_owned()));
                definition.insert("@type".to_owned(), Value::String("@id".to_owned()));
                Value::Object(definition)
            } else {
                Value::String(term.iri.to_owned())
            };
            context.insert(term.name.to_owned(), definition);
        }
        Value::Object(context)
    })
}

/// The context fihris compacts its JSON-LD against (`{"@context": {…}}`), to publish next to
/// the data or to compare with the official DCAT-AP 3.0.1 context.
#[must_use]
pub fn jsonld_context() -> String {
    let mut document = Map::new();
    document.insert("@context".to_owned(), context_value().clone());
    Value::Object(document).to_string()
}

/// The term of the context for a predicate IRI (the first of the context's terms for it).
fn term_for(iri: &str) -> Option<&'static TermDefinition> {
    static BY_IRI: OnceLock<rustc_hash::FxHashMap<&'static str, &'static TermDefinition>> =
        OnceLock::new();
    BY_IRI
        .get_or_init(|| {
            let mut by_iri = rustc_hash::FxHashMap::default();
            for term in TERMS {
                by_iri.entry(term.iri).or_insert(term);
            }
            by_iri
        })
        .get(iri)
        .copied()
}

/// The name of a class in `@type`: its term in the context, else its IRI.
fn type_name(iri: &str) -> &str {
    static BY_IRI: OnceLock<rustc_hash::FxHashMap<&'static str, &'static str>> = OnceLock::new();
    BY_IRI
        .get_or_init(|| {
            let mut by_iri = rustc_hash::FxHashMap::default();
            for term in TERMS {
                if !term.id_valued && term.name.starts_with(char::is_uppercase) {
                    by_iri.entry(term.iri).or_insert(term.name);
                }
            }
            by_iri
        })
        .get(iri)
        .copied()
        .unwrap_or(iri)
}

/// Streams `{"@context": …, "@graph": [node, …]}`: the triples of each chunk grouped by
/// subject (in order of first appearance) into node objects whose keys keep their order
/// (`@id`, `@type`, then properties in order of first appearance), so that a reader sees the
/// triples in the order they were written. The bytes are what serde_json writes for those
/// values, written without building them.
pub(crate) struct JsonLdWriter<W: Write> {
    out: Gathered<W>,
    first: bool,
}

impl<W: Write> JsonLdWriter<W> {
    pub(crate) fn new(inner: W, write_size: usize) -> io::Result<Self> {
        let mut out = Gathered::new(inner, write_size);
        out.bytes.extend_from_slice(b"{\n\"@context\": ");
        serde_json::to_writer_pretty(&mut out.bytes, context_value())?;
        out.bytes.extend_from_slice(b",\n\"@graph\": [");
        Ok(Self { out, first: true })
    }

    pub(crate) fn write_chunk(&mut self, triples: &[TripleRef<'_>]) -> io::Result<()> {
        let triples: Vec<&TripleRef<'_>> = triples.iter().collect();
        let by_subject = in_order_of_first(&triples, |triple| &triple.subject);
        for node in by_subject.chunk_by(|a, b| a.subject == b.subject) {
            self.node(node);
        }
        self.out.write_if_full()
    }

    /// One node object: the triples of one subject.
    fn node(&mut self, triples: &[&TripleRef<'_>]) {
        let out = &mut self.out.bytes;
        out.extend_from_slice(if self.first { b"\n" } else { b",\n" });
        self.first = false;
        out.extend_from_slice(b"  {\n    \"@id\": ");
        push_node_string(out, triples[0].subject.into());
        let (types, properties): (Vec<&TripleRef<'_>>, Vec<&TripleRef<'_>>) =
            triples.iter().partition(|triple| {
                triple.predicate.as_str() == ns::rdf::TYPE
                    && matches!(triple.object, TermRef::NamedNode(_))
            });
        if !types.is_empty() {
            out.extend_from_slice(b",\n    \"@type\": [");
            for (index, triple) in types.iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                if let TermRef::NamedNode(class) = triple.object {
                    push_string(out, type_name(class.as_str()));
                }
            }
            out.push(b']');
        }
        let by_predicate = in_order_of_first(&properties, |triple| triple.predicate.as_str());
        for values in by_predicate.chunk_by(|a, b| a.predicate == b.predicate) {
            let predicate = values[0].predicate.as_str();
            let definition = term_for(predicate);
            let id_valued = definition.is_some_and(|term| term.id_valued);
            out.extend_from_slice(b",\n    ");
            push_string(out, definition.map_or(predicate, |term| term.name));
            out.extend_from_slice(b": [");
            for (index, value) in values.iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                push_object(out, value.object, id_valued);
            }
            out.push(b']');
        }
        out.extend_from_slice(b"\n  }");
    }

    /// Appends the node objects a fragment writer wrote, as if this writer had written them;
    /// `false`, writing nothing, when it would have written them otherwise (as the first
    /// node of the graph, without a comma before).
    pub(crate) fn append(&mut self, bytes: &[u8]) -> io::Result<bool> {
        if self.first {
            return Ok(false);
        }
        self.out.write_through(bytes)?;
        Ok(true)
    }

    pub(crate) fn finish(mut self) -> io::Result<W> {
        self.out.bytes.extend_from_slice(b"\n]\n}\n");
        self.out.finish()
    }
}

impl JsonLdWriter<Vec<u8>> {
    /// A writer of fragments: node objects, each after a comma, to be appended to the output
    /// of a writer that has written a node already.
    pub(crate) fn fragments() -> Self {
        Self {
            out: Gathered::kept(),
            first: false,
        }
    }

    /// The bytes written since the last call; the next ones go to `spare` (see
    /// [`Gathered::take`]).
    pub(crate) fn take_bytes(&mut self, spare: Option<Vec<u8>>) -> Vec<u8> {
        self.out.take(spare)
    }
}

/// `items` grouped by `key`, the groups in order of their first item, each in the items'
/// order (a stable sort on the rank of the key's first appearance).
fn in_order_of_first<'a, T: 'a, K: std::hash::Hash + Eq + ?Sized + 'a>(
    items: &[&'a T],
    key: impl Fn(&'a T) -> &'a K,
) -> Vec<&'a T> {
    // A node has a few subjects or predicates: they are found by a scan, and by a hash map
    // only when there are many, so that a chunk is never read in quadratic time.
    const SCANNED: usize = 16;
    let mut distinct: Vec<&K> = Vec::new();
    let mut indexed: rustc_hash::FxHashMap<&K, usize> = rustc_hash::FxHashMap::default();
    let mut ranked: Vec<(usize, &T)> = Vec::with_capacity(items.len());
    for &item in items {
        let key = key(item);
        let rank = if distinct.len() < SCANNED {
            distinct.iter().position(|known| *known == key)
        } else {
            if indexed.is_empty() {
                indexed.extend(distinct.iter().enumerate().map(|(rank, key)| (*key, rank)));
            }
            indexed.get(key).copied()
        };
        let rank = rank.unwrap_or_else(|| {
            if !indexed.is_empty() {
                indexed.insert(key, distinct.len());
            }
            distinct.push(key);
            distinct.len() - 1
        });
        ranked.push((rank, item));
    }
    ranked.sort_by_key(|(rank, _)| *rank);
    ranked.into_iter().map(|(_, item)| item).collect()
}

/// A JSON string, escaped as serde_json escapes it (C0 controls, `"` and `\`).
fn push_string(out: &mut Vec<u8>, value: &str) {
    let bytes = value.as_bytes();
    let plain = !has_byte(bytes, |byte| byte < b' ' || byte == b'"' || byte == b'\\');
    if plain {
        out.push(b'"');
        out.extend_from_slice(bytes);
        out.push(b'"');
    } else {
        // Writing into a vector cannot fail.
        let _ = serde_json::to_writer(out, value);
    }
}

/// A node as a string: its IRI, or `_:` and its label.
fn push_node_string(out: &mut Vec<u8>, node: TermRef<'_>) {
    match node {
        TermRef::BlankNode(node) => push_string(out, &format!("_:{}", node.as_str())),
        TermRef::NamedNode(node) => push_string(out, node.as_str()),
        _ => {}
    }
}

/// The value of an object in compact JSON: a string where the term's values are IRIs (or
/// plain strings otherwise), else an object with `@id`, or `@value` with its `@language` or
/// `@type` (keys in serde_json's sorted order).
fn push_object(out: &mut Vec<u8>, object: TermRef<'_>, id_valued: bool) {
    match object {
        TermRef::NamedNode(_) | TermRef::BlankNode(_) => {
            if !id_valued {
                out.extend_from_slice(b"{\"@id\":");
            }
            push_node_string(out, object);
            if !id_valued {
                out.push(b'}');
            }
        }
        TermRef::Literal(literal) => {
            if let Some(language) = literal.language() {
                out.extend_from_slice(b"{\"@language\":");
                push_string(out, language);
                out.extend_from_slice(b",\"@value\":");
            } else if literal.datatype() == oxrdf::vocab::xsd::STRING {
                if !id_valued {
                    push_string(out, literal.value());
                    return;
                }
                out.extend_from_slice(b"{\"@value\":");
            } else {
                out.extend_from_slice(b"{\"@type\":");
                push_string(out, literal.datatype().as_str());
                out.extend_from_slice(b",\"@value\":");
            }
            push_string(out, literal.value());
            out.push(b'}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxrdf::{BlankNode, Literal, NamedNode, NamedOrBlankNode, Term, Triple};
    use serde_json::{Map, Value};

    /// The node objects built as serde_json values and written by serde_json: what the
    /// writer's bytes must be.
    fn serde_json_bytes(chunks: &[Vec<Triple>]) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(b"{\n\"@context\": ");
        serde_json::to_writer_pretty(&mut out, context_value()).unwrap();
        out.extend_from_slice(b",\n\"@graph\": [");
        let mut first = true;
        for triples in chunks {
            let mut subjects: Vec<(&NamedOrBlankNode, Vec<&Triple>)> = Vec::new();
            for triple in triples {
                match subjects.iter_mut().find(|(s, _)| *s == &triple.subject) {
                    Some((_, list)) => list.push(triple),
                    None => subjects.push((&triple.subject, vec![triple])),
                }
            }
            for (subject, triples) in subjects {
                let string = |node: &Term| match node {
                    Term::NamedNode(node) => node.as_str().to_owned(),
                    Term::BlankNode(node) => format!("_:{}", node.as_str()),
                    Term::Literal(_) => unreachable!(),
                };
                let mut node = vec![(
                    "@id".to_owned(),
                    Value::String(string(&subject.clone().into())),
                )];
                let mut types = Vec::new();
                let mut properties: Vec<(String, Vec<Value>)> = Vec::new();
                for triple in triples {
                    let predicate = triple.predicate.as_str();
                    if predicate == ns::rdf::TYPE
                        && let Term::NamedNode(class) = &triple.object
                    {
                        types.push(Value::String(type_name(class.as_str()).to_owned()));
                        continue;
                    }
                    let definition = TERMS.iter().find(|term| term.iri == predicate);
                    let id_valued = definition.is_some_and(|t| t.id_valued);
                    let key = definition.map_or(predicate, |term| term.name).to_owned();
                    let mut map = Map::new();
                    let value = match &triple.object {
                        node @ (Term::NamedNode(_) | Term::BlankNode(_)) if id_valued => {
                            Value::String(string(node))
                        }
                        node @ (Term::NamedNode(_) | Term::BlankNode(_)) => {
                            map.insert("@id".into(), Value::String(string(node)));
                            Value::Object(map)
                        }
                        Term::Literal(literal) => {
                            map.insert("@value".into(), Value::String(literal.value().into()));
                            if let Some(language) = literal.language() {
                                map.insert("@language".into(), Value::String(language.into()));
                            } else if literal.datatype() != oxrdf::vocab::xsd::STRING {
                                let datatype = literal.datatype().as_str();
                                map.insert("@type".into(), Value::String(datatype.into()));
                            } else if !id_valued {
                                map.clear();
                            }
                            if map.is_empty() {
                                Value::String(literal.value().into())
                            } else {
                                Value::Object(map)
                            }
                        }
                    };
                    match properties.iter_mut().find(|(known, _)| *known == key) {
                        Some((_, values)) => values.push(value),
                        None => properties.push((key, vec![value])),
                    }
                }
                if !types.is_empty() {
                    node.push(("@type".to_owned(), Value::Array(types)));
                }
                for (key, values) in properties {
                    node.push((key, Value::Array(values)));
                }
                out.extend_from_slice(if first { b"\n" } else { b",\n" });
                first = false;
                out.extend_from_slice(b"  {");
                for (index, (key, value)) in node.iter().enumerate() {
                    out.extend_from_slice(if index == 0 { b"\n    " } else { b",\n    " });
                    serde_json::to_writer(&mut out, key).unwrap();
                    out.extend_from_slice(b": ");
                    serde_json::to_writer(&mut out, value).unwrap();
                }
                out.extend_from_slice(b"\n  }");
            }
        }
        out.extend_from_slice(b"\n]\n}\n");
        out
    }

    fn written(chunks: &[Vec<Triple>]) -> Vec<u8> {
        // A small write size, so that the buffer is written several times.
        let mut writer = JsonLdWriter::new(Vec::new(), 64).unwrap();
        for chunk in chunks {
            let triples: Vec<TripleRef<'_>> = chunk.iter().map(Triple::as_ref).collect();
            writer.write_chunk(&triples).unwrap();
        }
        writer.finish().unwrap()
    }

    #[test]
    fn same_bytes_as_serde_json_values() {
        let iri = |value: &str| NamedNode::new(value).unwrap();
        let dataset = iri("https://data.gov.ma/data/fr/dataset/a");
        let blank = BlankNode::new("b0").unwrap();
        let unknown = iri("https://example.org/ns#p");
        let theme = iri(dcat::THEME);
        let title = iri(dct::TITLE);
        let mut triples = vec![
            Triple::new(
                dataset.clone(),
                title.clone(),
                Literal::from("a \"quoted\" \\ title"),
            ),
            Triple::new(dataset.clone(), iri(ns::rdf::TYPE), iri(dcat::DATASET)),
            Triple::new(blank.clone(), unknown.clone(), dataset.clone()),
            // Interleaved predicates and subjects, types in and out of the context, a type
            // that is a literal or a blank node (a property then).
            Triple::new(
                dataset.clone(),
                theme.clone(),
                iri("https://example.org/theme"),
            ),
            Triple::new(
                dataset.clone(),
                title.clone(),
                Literal::new_language_tagged_literal_unchecked("t", "fr"),
            ),
            Triple::new(
                dataset.clone(),
                iri(ns::rdf::TYPE),
                iri("https://example.org/Class"),
            ),
            Triple::new(blank.clone(), iri(ns::rdf::TYPE), Literal::from("x")),
            Triple::new(blank.clone(), iri(ns::rdf::TYPE), blank.clone()),
            Triple::new(dataset.clone(), theme.clone(), blank.clone()),
            Triple::new(
                dataset.clone(),
                theme.clone(),
                Literal::from("a string where IRIs go"),
            ),
            Triple::new(
                dataset.clone(),
                theme.clone(),
                Literal::new_language_tagged_literal_unchecked("x", "ar"),
            ),
            Triple::new(dataset.clone(), unknown.clone(), blank.clone()),
            Triple::new(
                dataset.clone(),
                unknown.clone(),
                Literal::new_typed_literal("1", iri("http://www.w3.org/2001/XMLSchema#integer")),
            ),
        ];
        for code in (0u32..0x80).chain([0x2028, 0xFFFD, 0xFFFF, 0x1_0000]) {
            let c = char::from_u32(code).unwrap();
            triples.push(Triple::new(
                blank.clone(),
                title.clone(),
                Literal::from(format!("a{c}b")),
            ));
        }
        let catalogue = crate::parse::awkward_triples(true);
        // More subjects and predicates than are found by a scan.
        let many: Vec<Triple> = (0..300)
            .map(|i| {
                Triple::new(
                    iri(&format!("https://example.org/s{}", i % 20)),
                    iri(&format!("https://example.org/p{}", i % 37)),
                    Literal::from(i.to_string()),
                )
            })
            .collect();
        for chunks in [
            vec![many],
            vec![triples.clone()],
            vec![triples[..5].to_vec(), vec![], triples[5..].to_vec()],
            vec![catalogue],
            vec![],
        ] {
            assert_eq!(
                String::from_utf8(written(&chunks)).unwrap(),
                String::from_utf8(serde_json_bytes(&chunks)).unwrap()
            );
        }
    }
}
