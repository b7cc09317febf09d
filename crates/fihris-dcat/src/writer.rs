//! The streaming writer: catalogue header, then one dataset at a time, then `finish()`.

use std::io::{self, BufWriter, Write};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use fihris_model::{Catalog, CatalogRecord, DataService, Dataset, DatasetSeries, NodeId};
use fihris_vocab::ns;
use oxrdf::{NamedOrBlankNode, NamedOrBlankNodeRef, TermRef, TripleRef};
use oxttl::TurtleSerializer;
use oxttl::turtle::WriterTurtleSerializer;

use crate::emit::{Chunk, Emitter, is_implicit};
use crate::error::{WriteError, WriteErrorKind};
use crate::format::RdfFormat;
use crate::jsonld::JsonLdWriter;
use crate::rdfxml::{OpenElement, RdfXmlWriter, is_reserved, reserved_predicate_error};

/// How many bytes are gathered before they are written: a write call to a file costs more
/// than its bytes (on ext4, writing 93 MB of N-Triples a dataset at a time took 0.29 s, a
/// megabyte at a time 0.20 s).
const WRITE_SIZE: usize = 1 << 20;

/// From how many datasets [`DcatWriter::write_catalog`] writes N-Triples, RDF/XML and JSON-LD
/// on two threads, and how many datasets a batch holds: a second thread makes the bytes of
/// every other batch, which are appended in order (a few batches in memory at a time).
const TWO_THREADS_FROM: usize = 2 * BATCH_DATASETS;
const BATCH_DATASETS: usize = 256;

enum Backend<W: Write> {
    Turtle(WriterTurtleSerializer<BufWriter<W>>),
    NTriples(Gathered<W>),
    RdfXml(RdfXmlWriter<W>),
    JsonLd(JsonLdWriter<W>),
}

/// Writes a catalogue as DCAT-AP 3.0.1, streaming: memory stays flat in the number of
/// datasets, and the same model always gives the same bytes.
///
/// By default the writer adds the typings the official SHACL shapes check with `sh:class`
/// (`dct:Frequency`, `dct:MediaTypeOrExtent`, `dct:LicenseDocument`, `foaf:Agent`,
/// `foaf:Document`…) and the portal's themes as a SKOS scheme; see
/// [`DcatWriter::with_implied_triples`].
///
/// ```
/// use fihris_dcat::{DcatWriter, RdfFormat};
/// use fihris_model::{Catalog, Dataset, Iri, NodeId, Text};
///
/// let catalog = Catalog::new(
///     NodeId::Iri(Iri::new("https://data.gov.ma/catalog")?),
///     Text::new().with("fr", "Portail national")?,
/// )?;
/// let dataset = Dataset::new(
///     NodeId::Iri(Iri::new("https://data.gov.ma/data/fr/dataset/ipc")?),
///     Text::new().with("fr", "Indice des prix")?,
/// )?;
/// let mut writer = DcatWriter::new(RdfFormat::Turtle, Vec::new());
/// writer.write_header(&catalog)?;
/// writer.write_dataset(&dataset)?;
/// let turtle = String::from_utf8(writer.finish()?)?;
/// assert!(turtle.contains("dcat:dataset <https://data.gov.ma/data/fr/dataset/ipc>"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct DcatWriter<W: Write> {
    format: RdfFormat,
    output: Option<W>,
    backend: Option<Backend<W>>,
    emitter: Emitter,
    chunk: Chunk,
    catalog: Option<NodeId>,
    header_written: bool,
    triples: u64,
}

impl<W: Write> DcatWriter<W> {
    /// A writer of `format` into `output`.
    #[must_use]
    pub fn new(format: RdfFormat, output: W) -> Self {
        Self {
            format,
            output: Some(output),
            backend: None,
            emitter: Emitter::new(true),
            chunk: Chunk::default(),
            catalog: None,
            header_written: false,
            triples: 0,
        }
    }

    /// Whether to add the triples DCAT-AP validation needs that the model does not hold
    /// (default `true`): vocabulary typings, `foaf:Agent` on organisations and persons,
    /// `foaf:Document` on pages, class typings of periods, locations, checksums…, and the
    /// portal theme scheme. `false` writes exactly the graph the model holds, which is what
    /// a lossless round trip of a read document needs.
    #[must_use]
    pub fn with_implied_triples(mut self, implied: bool) -> Self {
        self.emitter.implied = implied;
        self
    }

    /// Number of triples written so far (duplicates within a dataset counted once).
    #[must_use]
    pub fn triple_count(&self) -> u64 {
        self.triples
    }

    fn backend(&mut self) -> Result<&mut Backend<W>, WriteError> {
        if self.backend.is_none() {
            let output = self
                .output
                .take()
                .ok_or_else(|| WriteError::new(WriteErrorKind::Usage, "the writer is finished"))?;
            self.backend = Some(match self.format {
                RdfFormat::Turtle => {
                    let mut serializer = TurtleSerializer::new();
                    for (prefix, namespace) in ns::ALL {
                        serializer = serializer
                            .with_prefix(*prefix, *namespace)
                            .map_err(|e| WriteError::new(WriteErrorKind::Usage, e.to_string()))?;
                    }
                    Backend::Turtle(serializer.for_writer(buffered(output)))
                }
                RdfFormat::NTriples => Backend::NTriples(Gathered::new(output, WRITE_SIZE)),
                RdfFormat::RdfXml => {
                    Backend::RdfXml(RdfXmlWriter::new(output, ns::ALL, WRITE_SIZE)?)
                }
                RdfFormat::JsonLd => Backend::JsonLd(JsonLdWriter::new(output, WRITE_SIZE)?),
            });
        }
        self.backend
            .as_mut()
            .ok_or_else(|| WriteError::new(WriteErrorKind::Usage, "the writer is finished"))
    }

    fn flush_chunk(&mut self) -> Result<(), WriteError> {
        let mut chunk = std::mem::take(&mut self.chunk);
        let result = self.write_triples(&chunk);
        self.triples += chunk.len() as u64;
        chunk.clear();
        self.chunk = chunk;
        result
    }

    fn write_triples(&mut self, chunk: &Chunk) -> Result<(), WriteError> {
        match self.backend()? {
            Backend::Turtle(serializer) => {
                for triple in chunk.iter() {
                    serializer.serialize_triple(triple)?;
                }
            }
            Backend::NTriples(output) => {
                for triple in chunk.iter() {
                    crate::ntriples::push_triple(&mut output.bytes, triple);
                }
                output.write_if_full()?;
            }
            Backend::RdfXml(writer) => {
                // Unpacked once, and every triple checked before a byte of the chunk is made.
                let triples: Vec<TripleRef<'_>> = chunk.iter().collect();
                for triple in &triples {
                    check_xml(*triple)?;
                }
                for triple in triples {
                    writer.write_triple(triple)?;
                }
            }
            Backend::JsonLd(writer) => writer.write_chunk(&chunk.iter().collect::<Vec<_>>())?,
        }
        Ok(())
    }

    /// Writes the catalogue's own description and its extra triples, not its datasets,
    /// series, services or records: write those with the other methods (or use
    /// [`DcatWriter::write_catalog`]). The datasets written next are linked from it.
    ///
    /// # Errors
    ///
    /// On I/O failure, a value RDF/XML cannot carry, or a second header.
    pub fn write_header(&mut self, catalog: &Catalog) -> Result<(), WriteError> {
        if self.header_written {
            return Err(WriteError::new(
                WriteErrorKind::Usage,
                "the catalogue header is already written",
            ));
        }
        self.header_written = true;
        self.catalog = (!is_implicit(catalog)).then(|| catalog.id.clone());
        self.emitter.catalog_header(&mut self.chunk, catalog);
        self.flush_chunk()
    }

    /// Writes one dataset and its distributions, linked from the catalogue by `dcat:dataset`.
    ///
    /// # Errors
    ///
    /// On I/O failure or a value RDF/XML cannot carry.
    pub fn write_dataset(&mut self, dataset: &Dataset) -> Result<(), WriteError> {
        self.emitter
            .dataset(&mut self.chunk, self.catalog.as_ref(), dataset);
        self.flush_chunk()
    }

    /// Writes one dataset series, linked from the catalogue by `dcat:dataset`.
    ///
    /// # Errors
    ///
    /// On I/O failure or a value RDF/XML cannot carry.
    pub fn write_series(&mut self, series: &DatasetSeries) -> Result<(), WriteError> {
        self.emitter
            .series(&mut self.chunk, self.catalog.as_ref(), series);
        self.flush_chunk()
    }

    /// Writes one data service, linked from the catalogue by `dcat:service`.
    ///
    /// # Errors
    ///
    /// On I/O failure or a value RDF/XML cannot carry.
    pub fn write_service(&mut self, service: &DataService) -> Result<(), WriteError> {
        self.emitter
            .service(&mut self.chunk, self.catalog.as_ref(), service);
        self.flush_chunk()
    }

    /// Writes one catalogue record, linked from the catalogue by `dcat:record`.
    ///
    /// # Errors
    ///
    /// On I/O failure or a value RDF/XML cannot carry.
    pub fn write_record(&mut self, record: &CatalogRecord) -> Result<(), WriteError> {
        self.emitter
            .record(&mut self.chunk, self.catalog.as_ref(), record);
        self.flush_chunk()
    }

    /// Writes a whole catalogue: header, datasets, series, services, records.
    ///
    /// The datasets of a large catalogue (512 or more) are written on two threads in
    /// N-Triples, RDF/XML and JSON-LD; the bytes are those of writing them one after the
    /// other.
    ///
    /// # Errors
    ///
    /// On I/O failure, a value RDF/XML cannot carry, or a header already written.
    pub fn write_catalog(&mut self, catalog: &Catalog) -> Result<(), WriteError> {
        self.write_header(catalog)?;
        if catalog.datasets.len() >= TWO_THREADS_FROM {
            self.write_datasets_on_two_threads(&catalog.datasets, BATCH_DATASETS)?;
        } else {
            self.write_datasets(&catalog.datasets)?;
        }
        for series in &catalog.series {
            self.write_series(series)?;
        }
        for service in &catalog.services {
            self.write_service(service)?;
        }
        for record in &catalog.records {
            self.write_record(record)?;
        }
        Ok(())
    }

    /// Writes `datasets` in batches of `batch`, every other batch made on a second thread by
    /// a writer of fragments and appended here; a batch is written here instead when its
    /// bytes would differ from writing it here (see [`DcatWriter::append`]).
    fn write_datasets_on_two_threads(
        &mut self,
        datasets: &[Dataset],
        batch: usize,
    ) -> Result<(), WriteError> {
        let Some(mut fragments) = self.fragment_writer()? else {
            return self.write_datasets(datasets);
        };
        std::thread::scope(|scope| {
            // One fragment waiting at most: memory holds a few batches' bytes, in vectors
            // the main thread gives back once it has written them.
            let (send, receive) = sync_channel(1);
            let (give_back, given_back) = sync_channel::<Vec<u8>>(2);
            let helper = scope.spawn(move || {
                for odd in datasets.chunks(batch).skip(1).step_by(2) {
                    let fragment = fragments.fragment(odd, given_back.try_recv().ok());
                    if send.send(fragment).is_err() {
                        break;
                    }
                }
                fragments.emitter
            });
            let written = self.write_batches(datasets, batch, &receive, &give_back);
            drop(receive);
            match helper.join() {
                Ok(emitter) => self.emitter.merge(&emitter),
                Err(panic) => std::panic::resume_unwind(panic),
            }
            written
        })
    }

    /// The main thread's part of [`DcatWriter::write_datasets_on_two_threads`].
    fn write_batches(
        &mut self,
        datasets: &[Dataset],
        batch: usize,
        fragments: &Receiver<Result<Fragment, WriteError>>,
        give_back: &SyncSender<Vec<u8>>,
    ) -> Result<(), WriteError> {
        for (index, batch) in datasets.chunks(batch).enumerate() {
            // No fragment when the second thread has stopped: its batches are written here.
            let fragment = if index % 2 == 1 {
                fragments.recv().ok()
            } else {
                None
            };
            let appended = match fragment {
                Some(fragment) => {
                    let (appended, bytes) = self.append(fragment?)?;
                    // Full (the second thread has not taken the last ones yet) or gone: the
                    // vector is freed.
                    let _ = give_back.try_send(bytes);
                    appended
                }
                None => false,
            };
            if !appended {
                self.write_datasets(batch)?;
            }
        }
        Ok(())
    }

    /// Writes `datasets` one after the other, here.
    fn write_datasets(&mut self, datasets: &[Dataset]) -> Result<(), WriteError> {
        for dataset in datasets {
            self.write_dataset(dataset)?;
        }
        Ok(())
    }

    /// A writer of fragments of this writer's format and catalogue, `None` for Turtle (its
    /// serializer's output depends on every triple before).
    fn fragment_writer(&self) -> Result<Option<DcatWriter<Vec<u8>>>, WriteError> {
        let backend = match self.format {
            RdfFormat::Turtle => return Ok(None),
            RdfFormat::NTriples => Backend::NTriples(Gathered::kept()),
            RdfFormat::RdfXml => Backend::RdfXml(RdfXmlWriter::fragments(ns::ALL)?),
            RdfFormat::JsonLd => Backend::JsonLd(JsonLdWriter::fragments()),
        };
        Ok(Some(DcatWriter {
            format: self.format,
            output: None,
            backend: Some(backend),
            emitter: Emitter::new(self.emitter.implied),
            chunk: Chunk::default(),
            catalog: self.catalog.clone(),
            header_written: true,
            triples: 0,
        }))
    }

    /// Appends `fragment` as if this writer had written its datasets; `false`, writing
    /// nothing, when it would have written them otherwise: JSON-LD before any node, RDF/XML
    /// before its header or continuing the node element of the fragment's first subject.
    /// The fragment's vector comes back, to be used again.
    fn append(&mut self, fragment: Fragment) -> Result<(bool, Vec<u8>), WriteError> {
        let appended = match self.backend()? {
            Backend::Turtle(_) => false,
            Backend::NTriples(output) => {
                output.write_through(&fragment.bytes)?;
                true
            }
            Backend::RdfXml(writer) => match (fragment.first_subject, fragment.open) {
                (Some(first), Some(open)) => {
                    writer.append(&fragment.bytes, first.as_ref(), open)?
                }
                // No triple: nothing to append.
                _ => fragment.bytes.is_empty(),
            },
            Backend::JsonLd(writer) => writer.append(&fragment.bytes)?,
        };
        if appended {
            self.triples += fragment.triples;
        }
        Ok((appended, fragment.bytes))
    }

    /// Writes what depends on every dataset (the portal theme scheme), ends the document and
    /// returns the output.
    ///
    /// # Errors
    ///
    /// On I/O failure.
    pub fn finish(mut self) -> Result<W, WriteError> {
        self.emitter.footer(&mut self.chunk);
        self.flush_chunk()?;
        let backend = match self.backend.take() {
            Some(backend) => backend,
            None => {
                self.backend()?;
                self.backend.take().ok_or_else(|| {
                    WriteError::new(WriteErrorKind::Usage, "the writer is finished")
                })?
            }
        };
        Ok(match backend {
            Backend::Turtle(serializer) => unbuffered(serializer.finish()?)?,
            Backend::NTriples(output) => output.finish()?,
            Backend::RdfXml(writer) => writer.finish()?,
            Backend::JsonLd(writer) => writer.finish()?,
        })
    }
}

impl DcatWriter<Vec<u8>> {
    /// The bytes of `datasets` as this writer of fragments writes them, taken with what the
    /// writer they are appended to needs to go on from them.
    fn fragment(
        &mut self,
        datasets: &[Dataset],
        spare: Option<Vec<u8>>,
    ) -> Result<Fragment, WriteError> {
        let before = self.triples;
        let mut first_subject = None;
        for dataset in datasets {
            self.emitter
                .dataset(&mut self.chunk, self.catalog.as_ref(), dataset);
            if first_subject.is_none() {
                first_subject = self
                    .chunk
                    .iter()
                    .next()
                    .map(|triple| triple.subject.into_owned());
            }
            self.flush_chunk()?;
        }
        let (bytes, open) = match self.backend()? {
            Backend::NTriples(output) => (output.take(spare), None),
            Backend::RdfXml(writer) => (writer.take_bytes(spare), Some(writer.take_open_element())),
            Backend::JsonLd(writer) => (writer.take_bytes(spare), None),
            Backend::Turtle(_) => {
                return Err(WriteError::new(
                    WriteErrorKind::Usage,
                    "Turtle is not written in fragments",
                ));
            }
        };
        Ok(Fragment {
            bytes,
            triples: self.triples - before,
            first_subject,
            open,
        })
    }
}

/// The bytes of a batch of datasets made by a writer of fragments, and what the writer they
/// are appended to needs to go on from them.
struct Fragment {
    bytes: Vec<u8>,
    triples: u64,
    /// The subject of the first triple: RDF/XML continues an open node element of the same
    /// subject instead of starting one.
    first_subject: Option<NamedOrBlankNode>,
    /// RDF/XML: the node element left open at the end.
    open: Option<OpenElement>,
}

/// Whether a byte of `bytes` passes `test`, in one pass without a branch, which the compiler
/// vectorises: how the writers tell the many strings they copy whole from the few they escape
/// (a branch a byte cost as much as the copy).
pub(crate) fn has_byte(bytes: &[u8], test: impl Fn(u8) -> bool) -> bool {
    bytes.iter().fold(false, |found, &byte| found | test(byte))
}

/// Bytes made for `output`, written once `size` of them are gathered (and the rest at the
/// end): how the writers that make their own bytes write them.
pub(crate) struct Gathered<W: Write> {
    output: W,
    /// What is made and not written yet.
    pub(crate) bytes: Vec<u8>,
    size: usize,
}

impl<W: Write> Gathered<W> {
    pub(crate) fn new(output: W, size: usize) -> Self {
        Self {
            output,
            bytes: Vec::with_capacity(size),
            size,
        }
    }

    /// Writes what is gathered if it is `size` or more.
    pub(crate) fn write_if_full(&mut self) -> io::Result<()> {
        if self.bytes.len() >= self.size {
            self.output.write_all(&self.bytes)?;
            self.bytes.clear();
        }
        Ok(())
    }

    /// Writes what is gathered, then `bytes` (a fragment's) straight to the output: the
    /// main thread of a two-thread write copies no byte the second thread made.
    pub(crate) fn write_through(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.output.write_all(&self.bytes)?;
        self.bytes.clear();
        self.output.write_all(bytes)
    }

    /// Writes the rest and returns the output.
    pub(crate) fn finish(mut self) -> io::Result<W> {
        self.output.write_all(&self.bytes)?;
        Ok(self.output)
    }
}

impl Gathered<Vec<u8>> {
    /// Bytes only gathered, to be taken whole: a fragment's.
    pub(crate) fn kept() -> Self {
        Self {
            output: Vec::new(),
            bytes: Vec::new(),
            size: usize::MAX,
        }
    }

    /// The bytes gathered; the next ones are gathered in `spare` (a fragment's vector given
    /// back once written: its memory is not touched for the first time again), or in a new
    /// vector as large (grown from nothing, each fragment's bytes would be copied again at
    /// every doubling).
    pub(crate) fn take(&mut self, spare: Option<Vec<u8>>) -> Vec<u8> {
        let next = match spare {
            Some(mut spare) => {
                spare.clear();
                spare
            }
            None => Vec::with_capacity(self.bytes.len()),
        };
        std::mem::replace(&mut self.bytes, next)
    }
}

fn buffered<W: Write>(output: W) -> BufWriter<W> {
    BufWriter::with_capacity(WRITE_SIZE, output)
}

/// The output, once what is gathered is written.
fn unbuffered<W: Write>(output: BufWriter<W>) -> Result<W, WriteError> {
    output
        .into_inner()
        .map_err(|error| WriteError::from(error.into_error()))
}

/// Writes a whole catalogue into a byte vector.
///
/// # Errors
///
/// A value RDF/XML cannot carry (a C0 control character).
///
/// ```
/// use fihris_dcat::{RdfFormat, to_vec};
/// use fihris_model::{Catalog, Iri, NodeId, Text};
/// let catalog = Catalog::new(NodeId::Iri(Iri::new("https://data.gov.ma/catalog")?), Text::untagged("Portail"))?;
/// let bytes = to_vec(&catalog, RdfFormat::NTriples)?;
/// assert!(String::from_utf8(bytes)?.contains("<http://www.w3.org/ns/dcat#Catalog>"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_vec(catalog: &Catalog, format: RdfFormat) -> Result<Vec<u8>, WriteError> {
    let mut writer = DcatWriter::new(format, Vec::new());
    writer.write_catalog(catalog)?;
    writer.finish()
}

/// Whether XML 1.0 can carry `c`: not a C0 control other than tab, LF and CR, nor U+FFFE or
/// U+FFFF.
pub(crate) fn xml_allows(c: char) -> bool {
    !((c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

/// Whether `value` holds a character XML 1.0 cannot carry ([`xml_allows`]), checked on the
/// bytes (every value of every triple goes through it): no other character's encoding holds
/// a byte below 0x20.
fn xml_forbidden(value: &str) -> bool {
    let bytes = value.as_bytes();
    // Most values hold no byte below 0x20 nor the first byte of U+FFFE and U+FFFF.
    if !has_byte(bytes, |byte| byte < b' ' || byte == 0xEF) {
        return false;
    }
    bytes.iter().enumerate().any(|(index, &byte)| {
        (byte < b' ' && !matches!(byte, b'\t' | b'\n' | b'\r'))
            || (byte == 0xEF && crate::ntriples::starts_with_fffe_or_ffff(&bytes[index..]))
    })
}

fn check_xml(triple: TripleRef<'_>) -> Result<(), WriteError> {
    if is_reserved(triple.predicate.as_str()) {
        return Err(reserved_predicate_error().into());
    }
    let subject = match triple.subject {
        NamedOrBlankNodeRef::NamedNode(node) => node.as_str(),
        NamedOrBlankNodeRef::BlankNode(node) => node.as_str(),
    };
    let problem = xml_forbidden(subject)
        || xml_forbidden(triple.predicate.as_str())
        || match triple.object {
            TermRef::NamedNode(node) => xml_forbidden(node.as_str()),
            TermRef::Literal(literal) => xml_forbidden(literal.value()),
            _ => false,
        };
    if problem {
        return Err(WriteError::new(
            WriteErrorKind::InvalidCharacter,
            format!(
                "{} <{}>: the value has a control character XML 1.0 cannot carry; \
                 write Turtle, N-Triples or JSON-LD instead",
                triple.subject,
                triple.predicate.as_str()
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use fihris_model::{BlankId, Iri, Text};

    fn dataset(index: usize, title: &str) -> Dataset {
        let id = Iri::new(format!("https://data.gov.ma/data/fr/dataset/d{index}")).unwrap();
        Dataset::new(NodeId::Iri(id), Text::new().with("fr", title).unwrap()).unwrap()
    }

    fn catalog(implicit: bool) -> Catalog {
        let id = if implicit {
            NodeId::Blank(BlankId::new(crate::IMPLICIT_CATALOG).unwrap())
        } else {
            NodeId::Iri(Iri::new("https://data.gov.ma/catalog").unwrap())
        };
        Catalog::new(id, Text::untagged("Portail")).unwrap()
    }

    fn one_by_one(format: RdfFormat, catalog: &Catalog, datasets: &[Dataset]) -> Vec<u8> {
        let mut writer = DcatWriter::new(format, Vec::new());
        writer.write_header(catalog).unwrap();
        for dataset in datasets {
            writer.write_dataset(dataset).unwrap();
        }
        writer.finish().unwrap()
    }

    fn on_two_threads(
        format: RdfFormat,
        catalog: &Catalog,
        datasets: &[Dataset],
        batch: usize,
    ) -> Result<Vec<u8>, WriteError> {
        let mut writer = DcatWriter::new(format, Vec::new());
        writer.write_header(catalog)?;
        writer.write_datasets_on_two_threads(datasets, batch)?;
        writer.finish()
    }

    #[test]
    fn datasets_on_two_threads_give_the_bytes_of_one() {
        // Each dataset twice in a row: in the implicit catalogue, the second starts with the
        // subject the first ends with, and RDF/XML goes on with the open node element; at a
        // batch boundary that batch is written on the main thread instead.
        let datasets: Vec<Dataset> = (0..11)
            .map(|index| dataset(index / 2, "Indice des prix"))
            .collect();
        for implicit in [false, true] {
            let catalog = catalog(implicit);
            for format in RdfFormat::ALL {
                let expected = one_by_one(*format, &catalog, &datasets);
                for batch in [1, 2, 3, 20] {
                    let bytes = on_two_threads(*format, &catalog, &datasets, batch).unwrap();
                    assert!(
                        bytes == expected,
                        "{format}, implicit {implicit}, batch {batch}:\n{}\n---\n{}",
                        String::from_utf8_lossy(&bytes),
                        String::from_utf8_lossy(&expected)
                    );
                }
            }
        }
        // The case the main thread takes over does arise: an `rdf:type` property element,
        // the second dataset's first triple inside the first's node element.
        let rdfxml = one_by_one(RdfFormat::RdfXml, &catalog(true), &datasets);
        assert!(
            String::from_utf8(rdfxml)
                .unwrap()
                .contains("<rdf:type rdf:resource=\"http://www.w3.org/ns/dcat#Dataset\"/>")
        );
    }

    #[test]
    fn themes_met_on_the_second_thread_are_described_at_the_end() {
        // Only dataset 2, in batch 1 of batches of 2 (made on the second thread), has themes:
        // the footer describes them (the EU theme as a concept, the portal's scheme).
        let mut datasets: Vec<Dataset> = (0..6).map(|index| dataset(index, "ok")).collect();
        datasets[2].themes.push(fihris_vocab::EuTheme::Agri.into());
        datasets[2]
            .portal_themes
            .push(fihris_vocab::PortalTheme::Agriculture);
        let catalog = catalog(false);
        for format in RdfFormat::ALL {
            let expected = one_by_one(*format, &catalog, &datasets);
            let bytes = on_two_threads(*format, &catalog, &datasets, 2).unwrap();
            assert!(bytes == expected, "{format}");
        }
        let ntriples = String::from_utf8(one_by_one(RdfFormat::NTriples, &catalog, &datasets));
        assert!(ntriples.unwrap().contains(
            "<http://publications.europa.eu/resource/authority/data-theme/AGRI> \
             <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
        ));
    }

    #[test]
    fn an_error_on_the_second_thread_is_the_error_of_one() {
        // Dataset 3 (batch 1 of batches of 2, made on the second thread) has a control
        // character RDF/XML cannot carry.
        let datasets: Vec<Dataset> = (0..8)
            .map(|index| dataset(index, if index == 3 { "bad \u{1}" } else { "ok" }))
            .collect();
        let catalog = catalog(false);
        let mut writer = DcatWriter::new(RdfFormat::RdfXml, Vec::new());
        writer.write_header(&catalog).unwrap();
        let expected = datasets
            .iter()
            .find_map(|dataset| writer.write_dataset(dataset).err())
            .unwrap();
        let error = on_two_threads(RdfFormat::RdfXml, &catalog, &datasets, 2).unwrap_err();
        assert_eq!(error.kind(), WriteErrorKind::InvalidCharacter);
        assert_eq!(error.to_string(), expected.to_string());
    }

    #[test]
    fn xml_forbidden_characters() {
        for c in (0u32..0x20).chain([0xFFFE, 0xFFFF]) {
            let c = char::from_u32(c).unwrap();
            let forbidden = !matches!(c, '\t' | '\n' | '\r');
            assert_eq!(
                xml_forbidden(&format!("a{c}b")),
                forbidden,
                "{:X}",
                u32::from(c)
            );
            assert_eq!(
                xml_forbidden(&c.to_string()),
                forbidden,
                "{:X}",
                u32::from(c)
            );
        }
        for allowed in [
            "",
            "plain",
            "é ب 🙂",
            "\u{FFFD}",
            "\u{FEFF}",
            "\u{EFBF}",
            "\u{10FFFF}",
        ] {
            assert!(!xml_forbidden(allowed), "{allowed}");
        }
    }
}
