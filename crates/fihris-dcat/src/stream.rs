//! Reading N-Triples one dataset at a time, for catalogues too large to hold whole.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::io::Read;

use fihris_model::{Catalog, Dataset};
use fihris_vocab::ns::{dcat, rdf};
use oxrdf::{NamedOrBlankNode, Term, Triple};
use oxttl::NTriplesParser;
use oxttl::ntriples::ReaderNTriplesParser;

use crate::error::{ReadError, ReadErrorKind, TextPosition};
use crate::reader::{DcatReader, Warning};

/// Reads an N-Triples document one dataset at a time, memory flat in the number of
/// datasets: what [`crate::DcatWriter`] writes, where each dataset's triples (its
/// distributions, agents, periods… included) follow its `dcat:dataset` link (or its
/// `rdf:type dcat:Dataset`) and come before the next dataset's.
///
/// The catalogue's own triples must come first (they are read by [`NTriplesStream::new`]).
/// Series, services, records and triples about no dataset (vocabulary typings, the portal
/// theme scheme) are gathered into [`NTriplesStream::catalog`], without duplicates.
///
/// A document whose datasets are not contiguous is detected and reported, never read
/// wrongly: a dataset met a second time, or a chunk holding triples about a subject it does
/// not describe, is an error of kind [`ReadErrorKind::Syntax`] saying so; read such a
/// document whole with [`DcatReader::read`] instead. Blank node labels that look drawn at
/// random (24 hexadecimal digits or more) are renamed per dataset, not per document.
///
/// ```
/// use fihris_dcat::{DcatReader, DcatWriter, NTriplesStream, RdfFormat};
/// use fihris_model::{Catalog, Dataset, Iri, NodeId, Text};
///
/// let mut catalog = Catalog::new(NodeId::Iri(Iri::new("https://data.gov.ma/catalog")?), Text::untagged("Portail"))?;
/// for name in ["ipc", "pib"] {
///     let id = format!("https://data.gov.ma/data/fr/dataset/{name}");
///     catalog.datasets.push(Dataset::new(NodeId::Iri(Iri::new(id)?), Text::untagged(name))?);
/// }
/// let mut writer = DcatWriter::new(RdfFormat::NTriples, Vec::new());
/// writer.write_catalog(&catalog)?;
/// let bytes = writer.finish()?;
///
/// let reader = DcatReader::new(RdfFormat::NTriples).with_implied_triples(true);
/// let mut stream = NTriplesStream::new(reader, &bytes[..])?;
/// let titles: Vec<String> = stream
///     .by_ref()
///     .map(|dataset| dataset.map(|d| d.title.get("").unwrap_or_default().to_owned()))
///     .collect::<Result<_, _>>()?;
/// assert_eq!(titles, ["ipc", "pib"]);
/// assert_eq!(stream.catalog().title.get(""), Some("Portail"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct NTriplesStream<R: Read> {
    reader: DcatReader,
    parser: ReaderNTriplesParser<R>,
    catalog: Catalog,
    catalog_type: Option<Triple>,
    catalog_node: Option<NamedOrBlankNode>,
    lookahead: Option<Triple>,
    ready: std::collections::VecDeque<Dataset>,
    seen: HashSet<u64>,
    loose: HashSet<fihris_model::Triple>,
    warnings: Vec<Warning>,
    triples: u64,
    failed: bool,
}

impl<R: Read> NTriplesStream<R> {
    /// Reads the catalogue's header (the triples before the first dataset) with the
    /// options of `reader` (repairs, implied triples), and is ready to read datasets.
    ///
    /// # Errors
    ///
    /// I/O failure or a syntax error (with line and column) in the header.
    pub fn new(reader: DcatReader, input: R) -> Result<Self, ReadError> {
        let mut stream = Self {
            reader,
            parser: NTriplesParser::new().for_reader(input),
            catalog: Catalog::new(
                fihris_model::NodeId::Blank(
                    fihris_model::BlankId::new(crate::IMPLICIT_CATALOG)
                        .map_err(|e| ReadError::new(ReadErrorKind::Syntax, e.to_string()))?,
                ),
                fihris_model::Text::untagged("-"),
            )
            .map_err(|e| ReadError::new(ReadErrorKind::Syntax, e.to_string()))?,
            catalog_type: None,
            catalog_node: None,
            lookahead: None,
            ready: std::collections::VecDeque::new(),
            seen: HashSet::new(),
            loose: HashSet::new(),
            warnings: Vec::new(),
            triples: 0,
            failed: false,
        };
        let mut header = Vec::new();
        while let Some(triple) = stream.pull()? {
            if triple.predicate.as_str() == rdf::TYPE
                && matches!(&triple.object, Term::NamedNode(class) if class.as_str() == dcat::CATALOG)
                && stream.catalog_type.is_none()
            {
                stream.catalog_node = Some(triple.subject.clone());
                stream.catalog_type = Some(triple.clone());
            }
            if stream.member_of(&triple).is_some() {
                stream.lookahead = Some(triple);
                break;
            }
            header.push(triple);
        }
        let output = stream.reader.read_triples(header);
        stream.catalog = output.catalog;
        stream.warnings = output.warnings;
        for dataset in std::mem::take(&mut stream.catalog.datasets) {
            stream.accept(dataset)?;
        }
        stream.loose = stream.catalog.extra_triples.iter().cloned().collect();
        Ok(stream)
    }

    /// The catalogue without its datasets: its own description from the header, and, as
    /// reading goes, the series, services, records and loose triples met.
    #[must_use]
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The catalogue without its datasets (see [`NTriplesStream::catalog`]).
    #[must_use]
    pub fn into_catalog(self) -> Catalog {
        self.catalog
    }

    /// Drains the warnings gathered so far, in reading order.
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.warnings)
    }

    /// Number of triples parsed so far.
    #[must_use]
    pub fn triple_count(&self) -> u64 {
        self.triples
    }

    fn pull(&mut self) -> Result<Option<Triple>, ReadError> {
        match self.parser.next() {
            None => Ok(None),
            Some(Ok(triple)) => {
                self.triples += 1;
                Ok(Some(triple))
            }
            Some(Err(oxttl::TurtleParseError::Io(error))) => Err(ReadError::io(error)),
            Some(Err(oxttl::TurtleParseError::Syntax(error))) => {
                let start = error.location().start;
                Err(ReadError::syntax(
                    error.message().to_owned(),
                    Some(TextPosition {
                        line: start.line + 1,
                        column: start.column + 1,
                        offset: start.offset,
                    }),
                ))
            }
        }
    }

    /// The dataset a triple opens: the object of the catalogue's `dcat:dataset` link, or
    /// the subject of `rdf:type dcat:Dataset`.
    fn member_of(&self, triple: &Triple) -> Option<NamedOrBlankNode> {
        match triple.predicate.as_str() {
            dcat::DATASET_PROP if Some(&triple.subject) == self.catalog_node.as_ref() => {
                match &triple.object {
                    Term::NamedNode(node) => Some(node.clone().into()),
                    Term::BlankNode(node) => Some(node.clone().into()),
                    Term::Literal(_) => None,
                }
            }
            rdf::TYPE if matches!(&triple.object, Term::NamedNode(class) if class.as_str() == dcat::DATASET) => {
                Some(triple.subject.clone())
            }
            _ => None,
        }
    }

    fn accept(&mut self, dataset: Dataset) -> Result<(), ReadError> {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        dataset.id.hash(&mut hasher);
        if !self.seen.insert(hasher.finish()) {
            return Err(not_contiguous(format!(
                "the dataset {} is described in two places",
                dataset.id
            )));
        }
        self.ready.push_back(dataset);
        Ok(())
    }

    fn read_chunk(&mut self) -> Result<(), ReadError> {
        let Some(first) = self.lookahead.take() else {
            return Ok(());
        };
        let Some(member) = self.member_of(&first) else {
            return Ok(());
        };
        let mut chunk: Vec<Triple> = self.catalog_type.iter().cloned().collect();
        chunk.push(first);
        while let Some(triple) = self.pull()? {
            if self.member_of(&triple).is_some_and(|next| next != member) {
                self.lookahead = Some(triple);
                break;
            }
            chunk.push(triple);
        }
        let typed: HashSet<NamedOrBlankNode> = chunk
            .iter()
            .filter(|t| t.predicate.as_str() == rdf::TYPE)
            .map(|t| t.subject.clone())
            .collect();
        let mut output = self.reader.read_triples(chunk);
        self.warnings.append(&mut output.warnings);
        let catalog = output.catalog;
        if catalog.datasets.is_empty() && catalog.series.is_empty() {
            return Err(not_contiguous(format!(
                "{member} is linked as a dataset but its description is not next to the link"
            )));
        }
        for triple in catalog.extra_triples {
            let subject = match &triple.subject {
                fihris_model::NodeId::Iri(iri) => oxrdf::NamedNode::new(iri.as_str())
                    .ok()
                    .map(NamedOrBlankNode::from),
                fihris_model::NodeId::Blank(_) => None,
            };
            if !subject.is_some_and(|s| typed.contains(&s)) {
                return Err(not_contiguous(format!(
                    "{} is described next to the dataset {member}, not with its own resource",
                    triple.subject
                )));
            }
            if self.loose.insert(triple.clone()) {
                self.catalog.extra_triples.push(triple);
            }
        }
        self.catalog.series.extend(catalog.series);
        self.catalog.services.extend(catalog.services);
        self.catalog.records.extend(catalog.records);
        for dataset in catalog.datasets {
            self.accept(dataset)?;
        }
        Ok(())
    }
}

fn not_contiguous(message: String) -> ReadError {
    ReadError::new(
        ReadErrorKind::Syntax,
        format!(
            "{message}: the N-Triples document is not grouped by dataset; read it whole with \
             DcatReader::read"
        ),
    )
}

impl<R: Read> Iterator for NTriplesStream<R> {
    type Item = Result<Dataset, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(dataset) = self.ready.pop_front() {
                return Some(Ok(dataset));
            }
            if self.failed || self.lookahead.is_none() {
                return None;
            }
            if let Err(error) = self.read_chunk() {
                self.failed = true;
                return Some(Err(error));
            }
        }
    }
}

impl<R: Read> std::fmt::Debug for NTriplesStream<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NTriplesStream")
            .field("catalog", &self.catalog.id)
            .field("triples", &self.triples)
            .finish_non_exhaustive()
    }
}
