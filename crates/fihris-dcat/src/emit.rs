//! Model -> triples. One function per DCAT-AP class; the writers and the reader (to find the
//! triples a writer adds on its own) share them.

use std::collections::hash_map::Entry;
use std::hash::BuildHasher as _;

use fihris_model::{
    Agent, AgentKind, Catalog, CatalogRecord, Checksum, Concept, ContactKind, ContactPoint,
    DataService, Dataset, DatasetSeries, Distribution, Extras, Identifier, Inventory, Iri, Keyword,
    LabelledResource, LicenseDocument, Literal, Location, NodeId, PeriodOfTime, PersonalData,
    Relationship, Temporal, Term, Text, Triple,
};
use fihris_vocab::ns::{
    adms, dcat, dcatap, dct, fihris, foaf, locn, rdf, rdfs, skos, spdx, vcard, xsd,
};
use fihris_vocab::{EuTheme, LabelLanguage, PortalTheme, Vocabulary};
use oxrdf::{
    BlankNode, BlankNodeRef, LiteralRef, NamedNode, NamedNodeRef, NamedOrBlankNode,
    NamedOrBlankNodeRef, TermRef, Triple as OxTriple, TripleRef,
};

/// Label of the blank node a reader gives a catalogue when the input has no `dcat:Catalog`:
/// writers then write no catalogue node, only its datasets and extra triples.
pub const IMPLICIT_CATALOG: &str = "fihris-implicit-catalog";

/// `dcat:isVersionOf` (DCAT 3), not among the vocabulary constants.
pub(crate) const DCAT_IS_VERSION_OF: &str = "http://www.w3.org/ns/dcat#isVersionOf";

/// Whether a catalogue is the implicit one a reader builds for an input without
/// `dcat:Catalog` (see [`IMPLICIT_CATALOG`]).
#[must_use]
pub fn is_implicit(catalog: &Catalog) -> bool {
    matches!(&catalog.id, NodeId::Blank(blank) if blank.as_str() == IMPLICIT_CATALOG)
}

pub(crate) fn named(iri: &str) -> NamedNodeRef<'_> {
    NamedNodeRef::new_unchecked(iri)
}

pub(crate) fn node_ref(id: &NodeId) -> NamedOrBlankNodeRef<'_> {
    match id {
        NodeId::Iri(iri) => named(iri.as_str()).into(),
        NodeId::Blank(blank) => BlankNodeRef::new_unchecked(blank.as_str()).into(),
    }
}

pub(crate) fn node(id: &NodeId) -> NamedOrBlankNode {
    node_ref(id).into_owned()
}

/// FNV-1a, 64 bits, over parts each ended by `0xff`: stable across platforms and Rust
/// versions, unlike `DefaultHasher`.
struct Fnv(u64);

impl Fnv {
    const PRIME: u64 = 0x0100_0000_01b3;

    fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
        self
    }

    fn end_part(&mut self) -> &mut Self {
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(Self::PRIME);
        self
    }
}

/// The label a writer gives the blank node of a value without identifier: derived from the
/// subject, the property and the position, so that the same model gives the same bytes.
/// `n` and 16 lowercase hex digits, made without allocating (readers compare it for every
/// agent, contact and period).
pub(crate) fn minted_label_bytes(
    parent: NamedOrBlankNodeRef<'_>,
    property: &str,
    index: usize,
) -> [u8; 17] {
    let mut hash = Fnv::new();
    match parent {
        NamedOrBlankNodeRef::NamedNode(node) => hash.bytes(node.as_str().as_bytes()),
        NamedOrBlankNodeRef::BlankNode(node) => hash.bytes(b"_:").bytes(node.as_str().as_bytes()),
    };
    hash.end_part().bytes(property.as_bytes()).end_part();
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = index;
    loop {
        start -= 1;
        // `rest % 10` is a digit.
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    hash.bytes(&digits[start..]).end_part();
    let mut label = [b'n'; 17];
    for (position, slot) in label[1..].iter_mut().enumerate() {
        *slot = b"0123456789abcdef"[((hash.0 >> (60 - 4 * position)) & 0xf) as usize];
    }
    label
}

/// [`minted_label_bytes`] as a string.
pub(crate) fn minted_label(
    parent: NamedOrBlankNodeRef<'_>,
    property: &str,
    index: usize,
) -> String {
    minted_label_bytes(parent, property, index)
        .iter()
        .map(|byte| char::from(*byte))
        .collect()
}

fn sub_node(
    id: Option<&NodeId>,
    parent: &NamedOrBlankNode,
    property: &str,
    index: usize,
) -> NamedOrBlankNode {
    match id {
        Some(id) => node(id),
        None => BlankNode::new_unchecked(minted_label(parent.as_ref(), property, index)).into(),
    }
}

pub(crate) fn literal(literal: &Literal) -> LiteralRef<'_> {
    match literal {
        Literal::Simple(value) => LiteralRef::new_simple_literal(value),
        Literal::LanguageTagged { value, language } => {
            LiteralRef::new_language_tagged_literal_unchecked(value, language.as_str())
        }
        Literal::Typed { value, datatype } => {
            LiteralRef::new_typed_literal(value, named(datatype.as_str()))
        }
    }
}

pub(crate) fn term(term: &Term) -> TermRef<'_> {
    match term {
        Term::Iri(iri) => named(iri.as_str()).into(),
        Term::Blank(blank) => BlankNodeRef::new_unchecked(blank.as_str()).into(),
        Term::Literal(value) => literal(value).into(),
    }
}

pub(crate) fn temporal(value: &Temporal) -> LiteralRef<'_> {
    LiteralRef::new_typed_literal(value.as_str(), named(value.kind().datatype()))
}

/// The triples of one part of the output (catalogue header, one dataset, footer), without
/// duplicates, in emission order.
///
/// The terms' text is copied into one buffer and each triple is kept as spans of it: a
/// dataset's forty to sixty triples cost no allocation once the buffers have grown, where
/// owned triples cost three strings each.
#[derive(Default)]
pub(crate) struct Chunk {
    /// The text of every term pushed, one after the other.
    text: String,
    triples: Vec<PackedTriple>,
    /// The hash of each pushed triple -> the index of the first with that hash: a hash
    /// cheaper than the standard one.
    seen: rustc_hash::FxHashMap<u64, usize>,
}

/// Where a term's text is in [`Chunk::text`].
#[derive(Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
}

/// A subject or an object node of a [`Chunk`], its text as a span.
#[derive(Clone, Copy)]
enum PackedNode {
    Named(Span),
    Blank(Span),
}

/// An object of a [`Chunk`], its text as spans.
#[derive(Clone, Copy)]
enum PackedTerm {
    Node(PackedNode),
    /// A literal with its datatype (`xsd:string` for a simple literal).
    Typed {
        value: Span,
        datatype: Span,
    },
    LanguageTagged {
        value: Span,
        language: Span,
    },
}

#[derive(Clone, Copy)]
struct PackedTriple {
    subject: PackedNode,
    predicate: Span,
    object: PackedTerm,
}

impl Chunk {
    pub(crate) fn clear(&mut self) {
        self.text.clear();
        self.triples.clear();
        self.seen.clear();
    }

    pub(crate) fn len(&self) -> usize {
        self.triples.len()
    }

    /// The triples in the order they were first pushed.
    pub(crate) fn iter(&self) -> impl Iterator<Item = TripleRef<'_>> {
        self.triples.iter().map(|packed| self.unpack(*packed))
    }

    /// The triples, owned.
    pub(crate) fn to_triples(&self) -> Vec<OxTriple> {
        self.iter().map(TripleRef::into_owned).collect()
    }

    fn push<'a>(
        &mut self,
        subject: impl Into<NamedOrBlankNodeRef<'a>>,
        predicate: &str,
        object: impl Into<TermRef<'a>>,
    ) {
        let triple = TripleRef::new(subject.into(), named(predicate), object.into());
        let known = match self.seen.entry(rustc_hash::FxBuildHasher.hash_one(triple)) {
            Entry::Vacant(entry) => {
                entry.insert(self.triples.len());
                false
            }
            // Another triple with that hash is rare: then the chunk is searched.
            Entry::Occupied(entry) => {
                let first = *entry.get();
                self.unpack(self.triples[first]) == triple || self.iter().any(|t| t == triple)
            }
        };
        if !known {
            let packed = PackedTriple {
                subject: self.pack_node(triple.subject),
                predicate: self.span(predicate),
                object: self.pack(triple.object),
            };
            self.triples.push(packed);
        }
    }

    fn span(&mut self, text: &str) -> Span {
        let start = self.text.len();
        self.text.push_str(text);
        Span {
            start,
            end: self.text.len(),
        }
    }

    fn pack_node(&mut self, node: NamedOrBlankNodeRef<'_>) -> PackedNode {
        match node {
            NamedOrBlankNodeRef::NamedNode(node) => PackedNode::Named(self.span(node.as_str())),
            NamedOrBlankNodeRef::BlankNode(node) => PackedNode::Blank(self.span(node.as_str())),
        }
    }

    fn pack(&mut self, term: TermRef<'_>) -> PackedTerm {
        match term {
            TermRef::NamedNode(node) => PackedTerm::Node(self.pack_node(node.into())),
            TermRef::BlankNode(node) => PackedTerm::Node(self.pack_node(node.into())),
            TermRef::Literal(literal) => {
                let value = self.span(literal.value());
                match literal.language() {
                    Some(language) => PackedTerm::LanguageTagged {
                        value,
                        language: self.span(language),
                    },
                    None => PackedTerm::Typed {
                        value,
                        datatype: self.span(literal.datatype().as_str()),
                    },
                }
            }
        }
    }

    fn text(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    fn unpack(&self, packed: PackedTriple) -> TripleRef<'_> {
        TripleRef::new(
            self.unpack_node(packed.subject),
            named(self.text(packed.predicate)),
            self.unpack_term(packed.object),
        )
    }

    fn unpack_node(&self, node: PackedNode) -> NamedOrBlankNodeRef<'_> {
        match node {
            PackedNode::Named(span) => named(self.text(span)).into(),
            PackedNode::Blank(span) => BlankNodeRef::new_unchecked(self.text(span)).into(),
        }
    }

    fn unpack_term(&self, term: PackedTerm) -> TermRef<'_> {
        match term {
            PackedTerm::Node(node) => self.unpack_node(node).into(),
            PackedTerm::Typed { value, datatype } => {
                LiteralRef::new_typed_literal(self.text(value), named(self.text(datatype))).into()
            }
            PackedTerm::LanguageTagged { value, language } => {
                LiteralRef::new_language_tagged_literal_unchecked(
                    self.text(value),
                    self.text(language),
                )
                .into()
            }
        }
    }
}

/// Emits the triples of model values. `implied` adds the typings DCAT-AP shapes check with
/// `sh:class` (vocabulary terms, `foaf:Agent`, `foaf:Document`…) and the portal theme scheme.
pub(crate) struct Emitter {
    pub(crate) implied: bool,
    portal_themes_used: Vec<bool>,
    eu_themes_used: Vec<bool>,
}

impl Emitter {
    pub(crate) fn new(implied: bool) -> Self {
        Self {
            implied,
            portal_themes_used: vec![false; PortalTheme::ALL.len()],
            eu_themes_used: vec![false; EuTheme::ALL.len()],
        }
    }

    fn implied_type(&self, chunk: &mut Chunk, subject: &NamedOrBlankNode, class: &str) {
        if self.implied {
            chunk.push(subject, rdf::TYPE, named(class));
        }
    }

    fn implied_iri_type(&self, chunk: &mut Chunk, iri: &str, class: &str) {
        if self.implied {
            chunk.push(named(iri), rdf::TYPE, named(class));
        }
    }

    fn text(chunk: &mut Chunk, subject: &NamedOrBlankNode, predicate: &str, text: &Text) {
        for (language, value) in text.iter() {
            let object = match language {
                Some(tag) => LiteralRef::new_language_tagged_literal_unchecked(value, tag.as_str()),
                None => LiteralRef::new_simple_literal(value),
            };
            chunk.push(subject, predicate, object);
        }
    }

    fn iri(chunk: &mut Chunk, subject: &NamedOrBlankNode, predicate: &str, iri: &Iri) {
        chunk.push(subject, predicate, named(iri.as_str()));
    }

    fn iris(chunk: &mut Chunk, subject: &NamedOrBlankNode, predicate: &str, iris: &[Iri]) {
        for iri in iris {
            Self::iri(chunk, subject, predicate, iri);
        }
    }

    fn nodes(chunk: &mut Chunk, subject: &NamedOrBlankNode, predicate: &str, nodes: &[NodeId]) {
        for id in nodes {
            chunk.push(subject, predicate, node_ref(id));
        }
    }

    fn date(
        chunk: &mut Chunk,
        subject: &NamedOrBlankNode,
        predicate: &str,
        value: Option<&Temporal>,
    ) {
        if let Some(value) = value {
            chunk.push(subject, predicate, temporal(value));
        }
    }

    fn plain(chunk: &mut Chunk, subject: &NamedOrBlankNode, predicate: &str, value: &str) {
        chunk.push(subject, predicate, LiteralRef::new_simple_literal(value));
    }

    fn typed(
        chunk: &mut Chunk,
        subject: &NamedOrBlankNode,
        predicate: &str,
        value: &str,
        datatype: &str,
    ) {
        chunk.push(
            subject,
            predicate,
            LiteralRef::new_typed_literal(value, named(datatype)),
        );
    }

    fn concept<T: Vocabulary>(
        &self,
        chunk: &mut Chunk,
        subject: &NamedOrBlankNode,
        predicate: &str,
        concept: &Concept<T>,
        class: Option<&str>,
    ) {
        chunk.push(subject, predicate, named(concept.iri()));
        if let Some(class) = class {
            self.implied_iri_type(chunk, concept.iri(), class);
            if self.implied
                && class == skos::CONCEPT
                && let Concept::Known(term) = concept
            {
                concept_labels_into(chunk, *term);
            }
        }
    }

    fn documents(
        &self,
        chunk: &mut Chunk,
        subject: &NamedOrBlankNode,
        predicate: &str,
        pages: &[Iri],
    ) {
        for page in pages {
            Self::iri(chunk, subject, predicate, page);
            self.implied_iri_type(chunk, page.as_str(), foaf::DOCUMENT);
        }
    }

    fn extras(chunk: &mut Chunk, subject: &NamedOrBlankNode, extras: &Extras) {
        for statement in &extras.statements {
            chunk.push(
                subject,
                statement.predicate.as_str(),
                term(&statement.object),
            );
        }
    }

    pub(crate) fn extra_triples(chunk: &mut Chunk, triples: &[Triple]) {
        for triple in triples {
            chunk.push(
                node_ref(&triple.subject),
                triple.predicate.as_str(),
                term(&triple.object),
            );
        }
    }

    fn agent(
        &self,
        chunk: &mut Chunk,
        parent: &NamedOrBlankNode,
        predicate: &str,
        index: usize,
        agent: &Agent,
    ) {
        let subject = sub_node(agent.id.as_ref(), parent, predicate, index);
        chunk.push(parent, predicate, &subject);
        let class = match agent.kind {
            AgentKind::Person => foaf::PERSON,
            AgentKind::Agent => foaf::AGENT,
            _ => foaf::ORGANIZATION,
        };
        chunk.push(&subject, rdf::TYPE, named(class));
        if class != foaf::AGENT {
            self.implied_type(chunk, &subject, foaf::AGENT);
        }
        Self::text(chunk, &subject, foaf::NAME, &agent.name);
        if let Some(agent_type) = &agent.agent_type {
            Self::iri(chunk, &subject, dct::TYPE, agent_type);
        }
        if let Some(homepage) = &agent.homepage {
            self.documents(
                chunk,
                &subject,
                foaf::HOMEPAGE,
                std::slice::from_ref(homepage),
            );
        }
        if let Some(email) = &agent.email {
            mailbox(chunk, &subject, foaf::MBOX, email);
        }
        if let Some(identifier) = &agent.identifier {
            Self::plain(chunk, &subject, dct::IDENTIFIER, identifier);
        }
        Self::extras(chunk, &subject, &agent.extra);
    }

    fn agents(
        &self,
        chunk: &mut Chunk,
        parent: &NamedOrBlankNode,
        predicate: &str,
        agents: &[Agent],
    ) {
        for (index, agent) in agents.iter().enumerate() {
            self.agent(chunk, parent, predicate, index, agent);
        }
    }

    fn contact_points(
        &self,
        chunk: &mut Chunk,
        parent: &NamedOrBlankNode,
        contacts: &[ContactPoint],
    ) {
        for (index, contact) in contacts.iter().enumerate() {
            let subject = sub_node(contact.id.as_ref(), parent, dcat::CONTACT_POINT, index);
            chunk.push(parent, dcat::CONTACT_POINT, &subject);
            let class = match contact.kind {
                ContactKind::Organization => vcard::ORGANIZATION,
                ContactKind::Individual => vcard::INDIVIDUAL,
                ContactKind::Group => VCARD_GROUP,
                _ => vcard::KIND,
            };
            chunk.push(&subject, rdf::TYPE, named(class));
            if class != vcard::KIND {
                // No vCard subclass axioms in a validator: `sh:class vcard:Kind` needs it.
                self.implied_type(chunk, &subject, vcard::KIND);
            }
            Self::text(chunk, &subject, vcard::FN, &contact.name);
            if let Some(email) = &contact.email {
                mailbox(chunk, &subject, vcard::HAS_EMAIL, email);
            }
            if let Some(telephone) = &contact.telephone {
                match telephone
                    .strip_prefix("tel:")
                    .and(NamedNode::new(telephone).ok())
                {
                    Some(iri) => chunk.push(&subject, vcard::HAS_TELEPHONE, &iri),
                    None => Self::plain(chunk, &subject, vcard::HAS_TELEPHONE, telephone),
                }
            }
            if let Some(url) = &contact.url {
                Self::iri(chunk, &subject, vcard::HAS_URL, url);
            }
            Self::text(
                chunk,
                &subject,
                vcard::ORGANIZATION_NAME,
                &contact.organization_name,
            );
            Self::extras(chunk, &subject, &contact.extra);
        }
    }

    fn licence(&self, chunk: &mut Chunk, parent: &NamedOrBlankNode, licence: &LicenseDocument) {
        let subject = node(&licence.id);
        chunk.push(parent, dct::LICENSE, &subject);
        self.implied_type(chunk, &subject, dct::LICENSE_DOCUMENT);
        if let Some(licence_type) = &licence.licence_type {
            Self::iri(chunk, &subject, dct::TYPE, licence_type);
        }
        Self::text(chunk, &subject, rdfs::LABEL, &licence.label);
        Self::extras(chunk, &subject, &licence.extra);
    }

    fn labelled(
        &self,
        chunk: &mut Chunk,
        parent: &NamedOrBlankNode,
        predicate: &str,
        class: &str,
        resources: &[LabelledResource],
    ) {
        for (index, resource) in resources.iter().enumerate() {
            let subject = sub_node(resource.id.as_ref(), parent, predicate, index);
            chunk.push(parent, predicate, &subject);
            self.implied_type(chunk, &subject, class);
            Self::text(chunk, &subject, rdfs::LABEL, &resource.label);
            Self::extras(chunk, &subject, &resource.extra);
        }
    }

    fn periods(&self, chunk: &mut Chunk, parent: &NamedOrBlankNode, periods: &[PeriodOfTime]) {
        for (index, period) in periods.iter().enumerate() {
            let subject = sub_node(period.id.as_ref(), parent, dct::TEMPORAL, index);
            chunk.push(parent, dct::TEMPORAL, &subject);
            self.implied_type(chunk, &subject, dct::PERIOD_OF_TIME);
            Self::date(chunk, &subject, dcat::START_DATE, period.start.as_ref());
            Self::date(chunk, &subject, dcat::END_DATE, period.end.as_ref());
            Self::extras(chunk, &subject, &period.extra);
        }
    }

    fn locations(&self, chunk: &mut Chunk, parent: &NamedOrBlankNode, locations: &[Location]) {
        for (index, location) in locations.iter().enumerate() {
            let subject = sub_node(location.id.as_ref(), parent, dct::SPATIAL, index);
            chunk.push(parent, dct::SPATIAL, &subject);
            self.implied_type(chunk, &subject, dct::LOCATION);
            Self::text(chunk, &subject, skos::PREF_LABEL, &location.name);
            for (predicate, value) in [
                (locn::GEOMETRY_PROP, &location.geometry),
                (dcat::BBOX, &location.bbox),
                (dcat::CENTROID, &location.centroid),
            ] {
                if let Some(value) = value {
                    chunk.push(&subject, predicate, literal(value));
                }
            }
            Self::extras(chunk, &subject, &location.extra);
        }
    }

    fn checksum(&self, chunk: &mut Chunk, parent: &NamedOrBlankNode, checksum: &Checksum) {
        let subject = sub_node(checksum.id.as_ref(), parent, spdx::CHECKSUM_PROP, 0);
        chunk.push(parent, spdx::CHECKSUM_PROP, &subject);
        self.implied_type(chunk, &subject, spdx::CHECKSUM);
        Self::iri(chunk, &subject, spdx::ALGORITHM, &checksum.algorithm);
        self.implied_iri_type(chunk, checksum.algorithm.as_str(), spdx::CHECKSUM_ALGORITHM);
        Self::typed(
            chunk,
            &subject,
            spdx::CHECKSUM_VALUE,
            &checksum.value,
            xsd::HEX_BINARY,
        );
    }

    fn identifiers(
        &self,
        chunk: &mut Chunk,
        parent: &NamedOrBlankNode,
        identifiers: &[Identifier],
    ) {
        for (index, identifier) in identifiers.iter().enumerate() {
            let subject = sub_node(identifier.id.as_ref(), parent, adms::IDENTIFIER_PROP, index);
            chunk.push(parent, adms::IDENTIFIER_PROP, &subject);
            self.implied_type(chunk, &subject, adms::IDENTIFIER);
            chunk.push(&subject, skos::NOTATION, literal(&identifier.notation));
            if let Some(agency) = &identifier.scheme_agency {
                Self::plain(chunk, &subject, adms::SCHEMA_AGENCY, agency);
            }
            Self::extras(chunk, &subject, &identifier.extra);
        }
    }

    fn relationships(
        &self,
        chunk: &mut Chunk,
        parent: &NamedOrBlankNode,
        relations: &[Relationship],
    ) {
        for (index, relation) in relations.iter().enumerate() {
            let subject = sub_node(
                relation.id.as_ref(),
                parent,
                dcat::QUALIFIED_RELATION,
                index,
            );
            chunk.push(parent, dcat::QUALIFIED_RELATION, &subject);
            self.implied_type(chunk, &subject, dcat::RELATIONSHIP);
            chunk.push(&subject, dct::RELATION, node_ref(&relation.relation));
            Self::iri(chunk, &subject, dcat::HAD_ROLE, &relation.role);
            Self::extras(chunk, &subject, &relation.extra);
        }
    }

    fn languages(
        &self,
        chunk: &mut Chunk,
        subject: &NamedOrBlankNode,
        languages: &[Concept<fihris_vocab::Language>],
    ) {
        for language in languages {
            self.concept(
                chunk,
                subject,
                dct::LANGUAGE,
                language,
                Some(dct::LINGUISTIC_SYSTEM),
            );
        }
    }

    /// The catalogue itself and the triples no entity holds. Datasets, series, services and
    /// records are written by their own calls.
    pub(crate) fn catalog_header(&self, chunk: &mut Chunk, catalog: &Catalog) {
        if !is_implicit(catalog) {
            let subject = node(&catalog.id);
            chunk.push(&subject, rdf::TYPE, named(dcat::CATALOG));
            Self::text(chunk, &subject, dct::TITLE, &catalog.title);
            Self::text(chunk, &subject, dct::DESCRIPTION, &catalog.description);
            if let Some(publisher) = &catalog.publisher {
                self.agent(chunk, &subject, dct::PUBLISHER, 0, publisher);
            }
            Self::nodes(chunk, &subject, dcat::CATALOG_PROP, &catalog.catalogs);
            if let Some(homepage) = &catalog.homepage {
                self.documents(
                    chunk,
                    &subject,
                    foaf::HOMEPAGE,
                    std::slice::from_ref(homepage),
                );
            }
            self.languages(chunk, &subject, &catalog.languages);
            if let Some(licence) = &catalog.licence {
                self.licence(chunk, &subject, licence);
            }
            if let Some(rights) = &catalog.rights {
                self.labelled(
                    chunk,
                    &subject,
                    dct::RIGHTS,
                    dct::RIGHTS_STATEMENT,
                    std::slice::from_ref(rights),
                );
            }
            Self::date(chunk, &subject, dct::ISSUED, catalog.issued.as_ref());
            Self::date(chunk, &subject, dct::MODIFIED, catalog.modified.as_ref());
            self.locations(chunk, &subject, &catalog.spatial);
            Self::iris(
                chunk,
                &subject,
                dcat::THEME_TAXONOMY,
                &catalog.theme_taxonomies,
            );
            Self::nodes(chunk, &subject, dct::HAS_PART, &catalog.has_parts);
            Self::nodes(chunk, &subject, dct::IS_PART_OF, &catalog.is_part_of);
            self.agents(chunk, &subject, dct::CREATOR, &catalog.creators);
            Self::iris(
                chunk,
                &subject,
                dcatap::APPLICABLE_LEGISLATION,
                &catalog.applicable_legislation,
            );
            Self::extras(chunk, &subject, &catalog.extra);
        }
        Self::extra_triples(chunk, &catalog.extra_triples);
    }

    fn link(
        chunk: &mut Chunk,
        catalog: Option<&NodeId>,
        predicate: &str,
        member: &NamedOrBlankNode,
    ) {
        if let Some(catalog) = catalog {
            chunk.push(node_ref(catalog), predicate, member);
        }
    }

    /// One dataset with its distributions; `catalog` is the catalogue to link it from.
    pub(crate) fn dataset(
        &mut self,
        chunk: &mut Chunk,
        catalog: Option<&NodeId>,
        dataset: &Dataset,
    ) {
        let subject = node(&dataset.id);
        Self::link(chunk, catalog, dcat::DATASET_PROP, &subject);
        chunk.push(&subject, rdf::TYPE, named(dcat::DATASET));
        Self::text(chunk, &subject, dct::TITLE, &dataset.title);
        Self::text(chunk, &subject, dct::DESCRIPTION, &dataset.description);
        for distribution in &dataset.distributions {
            self.distribution(chunk, &subject, distribution);
        }
        keywords(chunk, &subject, &dataset.keywords);
        for theme in &dataset.themes {
            self.note_eu_theme(theme);
            self.concept(chunk, &subject, dcat::THEME, theme, None);
        }
        for theme in &dataset.portal_themes {
            chunk.push(&subject, dcat::THEME, named(theme.iri()));
            if let Some(index) = PortalTheme::ALL.iter().position(|known| known == theme) {
                self.portal_themes_used[index] = true;
            }
        }
        if let Some(publisher) = &dataset.publisher {
            self.agent(chunk, &subject, dct::PUBLISHER, 0, publisher);
        }
        self.agents(chunk, &subject, dct::CREATOR, &dataset.creators);
        self.contact_points(chunk, &subject, &dataset.contact_points);
        self.locations(chunk, &subject, &dataset.spatial);
        self.periods(chunk, &subject, &dataset.temporal);
        Self::date(chunk, &subject, dct::ISSUED, dataset.issued.as_ref());
        Self::date(chunk, &subject, dct::MODIFIED, dataset.modified.as_ref());
        if let Some(frequency) = &dataset.accrual_periodicity {
            self.concept(
                chunk,
                &subject,
                dct::ACCRUAL_PERIODICITY,
                frequency,
                Some(dct::FREQUENCY),
            );
        }
        if let Some(access) = &dataset.access_rights {
            self.concept(
                chunk,
                &subject,
                dct::ACCESS_RIGHTS,
                access,
                Some(dct::RIGHTS_STATEMENT),
            );
        }
        self.languages(chunk, &subject, &dataset.languages);
        self.documents(chunk, &subject, dcat::LANDING_PAGE, &dataset.landing_pages);
        self.documents(chunk, &subject, foaf::PAGE, &dataset.documentation);
        for identifier in &dataset.identifiers {
            Self::plain(chunk, &subject, dct::IDENTIFIER, identifier);
        }
        self.identifiers(chunk, &subject, &dataset.other_identifiers);
        self.labelled(
            chunk,
            &subject,
            dct::CONFORMS_TO,
            dct::STANDARD,
            &dataset.conforms_to,
        );
        self.labelled(
            chunk,
            &subject,
            dct::PROVENANCE,
            dct::PROVENANCE_STATEMENT,
            &dataset.provenance,
        );
        Self::iris(chunk, &subject, dct::TYPE, &dataset.types);
        if let Some(version) = &dataset.version {
            Self::plain(chunk, &subject, dcat::VERSION, version);
        }
        Self::text(chunk, &subject, adms::VERSION_NOTES, &dataset.version_notes);
        Self::nodes(chunk, &subject, dcat::HAS_VERSION, &dataset.has_versions);
        Self::nodes(chunk, &subject, DCAT_IS_VERSION_OF, &dataset.is_version_of);
        Self::nodes(chunk, &subject, dct::RELATION, &dataset.relations);
        Self::nodes(chunk, &subject, dct::SOURCE, &dataset.sources);
        Self::nodes(
            chunk,
            &subject,
            dct::IS_REFERENCED_BY,
            &dataset.is_referenced_by,
        );
        Self::nodes(chunk, &subject, adms::SAMPLE, &dataset.samples);
        self.relationships(chunk, &subject, &dataset.qualified_relations);
        Self::nodes(chunk, &subject, dcat::IN_SERIES, &dataset.in_series);
        if let Some(resolution) = &dataset.spatial_resolution_m {
            Self::typed(
                chunk,
                &subject,
                dcat::SPATIAL_RESOLUTION_IN_METERS,
                resolution,
                xsd::DECIMAL,
            );
        }
        if let Some(resolution) = &dataset.temporal_resolution {
            Self::typed(
                chunk,
                &subject,
                dcat::TEMPORAL_RESOLUTION,
                resolution,
                xsd::DURATION,
            );
        }
        Self::iris(
            chunk,
            &subject,
            dcatap::APPLICABLE_LEGISLATION,
            &dataset.applicable_legislation,
        );
        Self::iris(
            chunk,
            &subject,
            dcatap::HVD_CATEGORY,
            &dataset.hvd_categories,
        );
        inventory(chunk, &subject, &dataset.inventory);
        Self::extras(chunk, &subject, &dataset.extra);
    }

    fn distribution(
        &self,
        chunk: &mut Chunk,
        dataset: &NamedOrBlankNode,
        distribution: &Distribution,
    ) {
        let subject = node(&distribution.id);
        chunk.push(dataset, dcat::DISTRIBUTION_PROP, &subject);
        chunk.push(&subject, rdf::TYPE, named(dcat::DISTRIBUTION));
        Self::iris(chunk, &subject, dcat::ACCESS_URL, &distribution.access_urls);
        Self::iris(
            chunk,
            &subject,
            dcat::DOWNLOAD_URL,
            &distribution.download_urls,
        );
        Self::text(chunk, &subject, dct::TITLE, &distribution.title);
        Self::text(chunk, &subject, dct::DESCRIPTION, &distribution.description);
        if let Some(format) = &distribution.format {
            self.concept(
                chunk,
                &subject,
                dct::FORMAT,
                format,
                Some(dct::MEDIA_TYPE_OR_EXTENT),
            );
        }
        for (predicate, value) in [
            (dcat::MEDIA_TYPE, &distribution.media_type),
            (dcat::COMPRESS_FORMAT, &distribution.compress_format),
            (dcat::PACKAGE_FORMAT, &distribution.package_format),
        ] {
            if let Some(value) = value {
                Self::iri(chunk, &subject, predicate, value);
                self.implied_iri_type(chunk, value.as_str(), dct::MEDIA_TYPE);
            }
        }
        if let Some(licence) = &distribution.licence {
            self.licence(chunk, &subject, licence);
        }
        if let Some(rights) = &distribution.rights {
            self.labelled(
                chunk,
                &subject,
                dct::RIGHTS,
                dct::RIGHTS_STATEMENT,
                std::slice::from_ref(rights),
            );
        }
        if let Some(size) = distribution.byte_size {
            Self::typed(
                chunk,
                &subject,
                dcat::BYTE_SIZE,
                &size.to_string(),
                xsd::NON_NEGATIVE_INTEGER,
            );
        }
        if let Some(checksum) = &distribution.checksum {
            self.checksum(chunk, &subject, checksum);
        }
        Self::date(chunk, &subject, dct::ISSUED, distribution.issued.as_ref());
        Self::date(
            chunk,
            &subject,
            dct::MODIFIED,
            distribution.modified.as_ref(),
        );
        self.languages(chunk, &subject, &distribution.languages);
        if let Some(status) = &distribution.status {
            self.concept(chunk, &subject, adms::STATUS, status, Some(skos::CONCEPT));
        }
        if let Some(availability) = &distribution.availability {
            self.concept(
                chunk,
                &subject,
                dcatap::AVAILABILITY,
                availability,
                Some(skos::CONCEPT),
            );
        }
        Self::nodes(
            chunk,
            &subject,
            dcat::ACCESS_SERVICE,
            &distribution.access_services,
        );
        self.labelled(
            chunk,
            &subject,
            dct::CONFORMS_TO,
            dct::STANDARD,
            &distribution.conforms_to,
        );
        self.documents(chunk, &subject, foaf::PAGE, &distribution.documentation);
        if let Some(resolution) = &distribution.spatial_resolution_m {
            Self::typed(
                chunk,
                &subject,
                dcat::SPATIAL_RESOLUTION_IN_METERS,
                resolution,
                xsd::DECIMAL,
            );
        }
        if let Some(resolution) = &distribution.temporal_resolution {
            Self::typed(
                chunk,
                &subject,
                dcat::TEMPORAL_RESOLUTION,
                resolution,
                xsd::DURATION,
            );
        }
        Self::iris(
            chunk,
            &subject,
            dcatap::APPLICABLE_LEGISLATION,
            &distribution.applicable_legislation,
        );
        Self::extras(chunk, &subject, &distribution.extra);
    }

    pub(crate) fn series(
        &self,
        chunk: &mut Chunk,
        catalog: Option<&NodeId>,
        series: &DatasetSeries,
    ) {
        let subject = node(&series.id);
        Self::link(chunk, catalog, dcat::DATASET_PROP, &subject);
        chunk.push(&subject, rdf::TYPE, named(dcat::DATASET_SERIES));
        Self::text(chunk, &subject, dct::TITLE, &series.title);
        Self::text(chunk, &subject, dct::DESCRIPTION, &series.description);
        if let Some(publisher) = &series.publisher {
            self.agent(chunk, &subject, dct::PUBLISHER, 0, publisher);
        }
        self.contact_points(chunk, &subject, &series.contact_points);
        if let Some(frequency) = &series.accrual_periodicity {
            self.concept(
                chunk,
                &subject,
                dct::ACCRUAL_PERIODICITY,
                frequency,
                Some(dct::FREQUENCY),
            );
        }
        self.locations(chunk, &subject, &series.spatial);
        self.periods(chunk, &subject, &series.temporal);
        Self::date(chunk, &subject, dct::ISSUED, series.issued.as_ref());
        Self::date(chunk, &subject, dct::MODIFIED, series.modified.as_ref());
        Self::iris(
            chunk,
            &subject,
            dcatap::APPLICABLE_LEGISLATION,
            &series.applicable_legislation,
        );
        Self::extras(chunk, &subject, &series.extra);
    }

    pub(crate) fn service(
        &mut self,
        chunk: &mut Chunk,
        catalog: Option<&NodeId>,
        service: &DataService,
    ) {
        let subject = node(&service.id);
        Self::link(chunk, catalog, dcat::SERVICE, &subject);
        chunk.push(&subject, rdf::TYPE, named(dcat::DATA_SERVICE));
        Self::text(chunk, &subject, dct::TITLE, &service.title);
        Self::iris(chunk, &subject, dcat::ENDPOINT_URL, &service.endpoint_urls);
        Self::iris(
            chunk,
            &subject,
            dcat::ENDPOINT_DESCRIPTION,
            &service.endpoint_descriptions,
        );
        // The shapes check both with `sh:class rdfs:Resource`.
        for iri in service
            .endpoint_urls
            .iter()
            .chain(&service.endpoint_descriptions)
        {
            self.implied_iri_type(chunk, iri.as_str(), rdfs::RESOURCE);
        }
        Self::text(chunk, &subject, dct::DESCRIPTION, &service.description);
        Self::nodes(
            chunk,
            &subject,
            dcat::SERVES_DATASET,
            &service.serves_datasets,
        );
        if let Some(access) = &service.access_rights {
            self.concept(
                chunk,
                &subject,
                dct::ACCESS_RIGHTS,
                access,
                Some(dct::RIGHTS_STATEMENT),
            );
        }
        if let Some(licence) = &service.licence {
            self.licence(chunk, &subject, licence);
        }
        self.contact_points(chunk, &subject, &service.contact_points);
        keywords(chunk, &subject, &service.keywords);
        for theme in &service.themes {
            self.note_eu_theme(theme);
            self.concept(chunk, &subject, dcat::THEME, theme, None);
        }
        if let Some(publisher) = &service.publisher {
            self.agent(chunk, &subject, dct::PUBLISHER, 0, publisher);
        }
        self.agents(chunk, &subject, dct::CREATOR, &service.creators);
        self.labelled(
            chunk,
            &subject,
            dct::CONFORMS_TO,
            dct::STANDARD,
            &service.conforms_to,
        );
        for format in &service.formats {
            self.concept(
                chunk,
                &subject,
                dct::FORMAT,
                format,
                Some(dct::MEDIA_TYPE_OR_EXTENT),
            );
        }
        self.documents(chunk, &subject, dcat::LANDING_PAGE, &service.landing_pages);
        self.documents(chunk, &subject, foaf::PAGE, &service.documentation);
        self.locations(chunk, &subject, &service.spatial);
        self.periods(chunk, &subject, &service.temporal);
        self.languages(chunk, &subject, &service.languages);
        for identifier in &service.identifiers {
            Self::plain(chunk, &subject, dct::IDENTIFIER, identifier);
        }
        Self::date(chunk, &subject, dct::MODIFIED, service.modified.as_ref());
        Self::iris(
            chunk,
            &subject,
            dcatap::APPLICABLE_LEGISLATION,
            &service.applicable_legislation,
        );
        Self::iris(
            chunk,
            &subject,
            dcatap::HVD_CATEGORY,
            &service.hvd_categories,
        );
        Self::extras(chunk, &subject, &service.extra);
    }

    pub(crate) fn record(
        &self,
        chunk: &mut Chunk,
        catalog: Option<&NodeId>,
        record: &CatalogRecord,
    ) {
        let subject = node(&record.id);
        Self::link(chunk, catalog, dcat::RECORD, &subject);
        chunk.push(&subject, rdf::TYPE, named(dcat::CATALOG_RECORD));
        chunk.push(
            &subject,
            foaf::PRIMARY_TOPIC,
            node_ref(&record.primary_topic),
        );
        chunk.push(&subject, dct::MODIFIED, temporal(&record.modified));
        Self::date(chunk, &subject, dct::ISSUED, record.issued.as_ref());
        Self::text(chunk, &subject, dct::TITLE, &record.title);
        Self::text(chunk, &subject, dct::DESCRIPTION, &record.description);
        self.languages(chunk, &subject, &record.languages);
        self.labelled(
            chunk,
            &subject,
            dct::CONFORMS_TO,
            dct::STANDARD,
            &record.conforms_to,
        );
        if let Some(change) = &record.change_type {
            Self::iri(chunk, &subject, adms::STATUS, change);
        }
        if let Some(source) = &record.source {
            chunk.push(&subject, dct::SOURCE, node_ref(source));
        }
        Self::extras(chunk, &subject, &record.extra);
    }

    fn note_eu_theme(&mut self, theme: &Concept<EuTheme>) {
        if let Concept::Known(theme) = theme
            && let Some(index) = EuTheme::ALL.iter().position(|known| known == theme)
        {
            self.eu_themes_used[index] = true;
        }
    }

    /// Takes in what `other` emitted: the themes its datasets used, which the footer
    /// describes.
    pub(crate) fn merge(&mut self, other: &Emitter) {
        for (used, other) in self
            .portal_themes_used
            .iter_mut()
            .zip(&other.portal_themes_used)
            .chain(self.eu_themes_used.iter_mut().zip(&other.eu_themes_used))
        {
            *used |= *other;
        }
    }

    /// The EU data themes the datasets used, typed `skos:Concept` with their labels (the
    /// shapes check `dcat:theme` with `sh:class skos:Concept`, and a concept needs a
    /// `skos:prefLabel`), then the portal themes, as a SKOS scheme of their own (implied
    /// only).
    pub(crate) fn footer(&self, chunk: &mut Chunk) {
        if !self.implied {
            return;
        }
        for (theme, used) in EuTheme::ALL.iter().zip(&self.eu_themes_used) {
            if *used {
                eu_theme(chunk, *theme);
            }
        }
        if !self.portal_themes_used.contains(&true) {
            return;
        }
        portal_scheme(chunk);
        for (theme, used) in PortalTheme::ALL.iter().zip(&self.portal_themes_used) {
            if *used {
                portal_theme(chunk, *theme);
            }
        }
    }
}

const VCARD_GROUP: &str = "http://www.w3.org/2006/vcard/ns#Group";

fn mailbox(chunk: &mut Chunk, subject: &NamedOrBlankNode, predicate: &str, email: &str) {
    match NamedNode::new(format!("mailto:{email}")) {
        Ok(iri) => chunk.push(subject, predicate, &iri),
        Err(_) => Emitter::plain(chunk, subject, predicate, email),
    }
}

fn keywords(chunk: &mut Chunk, subject: &NamedOrBlankNode, keywords: &[Keyword]) {
    for keyword in keywords {
        let object = match &keyword.language {
            Some(tag) => {
                LiteralRef::new_language_tagged_literal_unchecked(&keyword.value, tag.as_str())
            }
            None => LiteralRef::new_simple_literal(&keyword.value),
        };
        chunk.push(subject, dcat::KEYWORD, object);
    }
}

fn inventory(chunk: &mut Chunk, subject: &NamedOrBlankNode, inventory: &Inventory) {
    if let Some(kind) = inventory.kind_of_data {
        chunk.push(subject, dct::TYPE, named(kind.iri()));
    }
    if inventory.frequency_inferred {
        Emitter::typed(
            chunk,
            subject,
            fihris::FREQUENCY_INFERRED,
            "true",
            xsd::BOOLEAN,
        );
    }
    if let Some(method) = inventory.collection_method {
        chunk.push(subject, fihris::COLLECTION_METHOD, named(method.iri()));
    }
    if let Some(method) = inventory.update_method {
        chunk.push(subject, fihris::UPDATE_METHOD, named(method.iri()));
    }
    for level in &inventory.disaggregation {
        chunk.push(subject, fihris::DISAGGREGATION_LEVEL, named(level.iri()));
    }
    if let Some(status) = inventory.publication_status {
        chunk.push(subject, fihris::PUBLICATION_STATUS, named(status.iri()));
    }
    if let Some(personal) = &inventory.personal_data {
        chunk.push(subject, fihris::PERSONAL_DATA, named(personal.iri()));
        if let PersonalData::Anonymised {
            method: Some(method),
        } = personal
        {
            Emitter::plain(chunk, subject, fihris::ANONYMISATION_METHOD, method);
        }
    }
}

fn labels(
    chunk: &mut Chunk,
    subject: NamedNodeRef<'_>,
    predicate: &str,
    label: impl Fn(LabelLanguage) -> &'static str,
) {
    for language in LabelLanguage::ALL {
        chunk.push(
            subject,
            predicate,
            LiteralRef::new_language_tagged_literal_unchecked(label(*language), language.bcp47()),
        );
    }
}

fn portal_scheme(chunk: &mut Chunk) {
    let scheme = named(PortalTheme::SCHEME);
    chunk.push(scheme, rdf::TYPE, named(skos::CONCEPT_SCHEME));
    labels(chunk, scheme, dct::TITLE, |language| match language {
        LabelLanguage::Ar => "مواضيع البوابة الوطنية للبيانات المفتوحة",
        LabelLanguage::En => "Themes of the national open data portal",
        _ => "Thèmes du portail national des données ouvertes",
    });
}

fn portal_theme(chunk: &mut Chunk, theme: PortalTheme) {
    let subject = named(theme.iri());
    chunk.push(subject, rdf::TYPE, named(skos::CONCEPT));
    labels(chunk, subject, skos::PREF_LABEL, |language| {
        theme.label(language)
    });
    chunk.push(subject, skos::IN_SCHEME, named(PortalTheme::SCHEME));
    chunk.push(
        subject,
        skos::NOTATION,
        LiteralRef::new_simple_literal(theme.slug()),
    );
    let secondary = theme.eu_secondary();
    let primary_match = if secondary.is_some() {
        skos::CLOSE_MATCH
    } else {
        skos::EXACT_MATCH
    };
    chunk.push(subject, primary_match, named(theme.eu_primary().iri()));
    if let Some(secondary) = secondary {
        chunk.push(subject, skos::CLOSE_MATCH, named(secondary.iri()));
    }
}

fn eu_theme(chunk: &mut Chunk, theme: EuTheme) {
    let subject = named(theme.iri());
    chunk.push(subject, rdf::TYPE, named(skos::CONCEPT));
    labels(chunk, subject, skos::PREF_LABEL, |language| {
        theme.label(language)
    });
    chunk.push(subject, skos::IN_SCHEME, named(EuTheme::SCHEME));
}

/// The labels of a vocabulary term the writer types `skos:Concept` (the shapes require a
/// `skos:prefLabel` on every concept).
pub(crate) fn concept_labels<T: Vocabulary>(term: T) -> Vec<OxTriple> {
    let mut chunk = Chunk::default();
    concept_labels_into(&mut chunk, term);
    chunk.to_triples()
}

fn concept_labels_into<T: Vocabulary>(chunk: &mut Chunk, term: T) {
    labels(chunk, named(term.iri()), skos::PREF_LABEL, |language| {
        term.label(language)
    });
}

/// Every triple the writer adds about an EU data theme (for the reader).
pub(crate) fn eu_theme_triples(theme: EuTheme) -> Vec<OxTriple> {
    let mut chunk = Chunk::default();
    eu_theme(&mut chunk, theme);
    chunk.to_triples()
}

/// Every triple the writer adds about a portal theme and its scheme (for the reader).
pub(crate) fn portal_theme_triples(theme: PortalTheme) -> Vec<OxTriple> {
    let mut chunk = Chunk::default();
    portal_scheme(&mut chunk);
    portal_theme(&mut chunk, theme);
    chunk.to_triples()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What labels were before they were made without allocating: the same bytes keep
    /// written graphs the same.
    fn reference_label(parent: NamedOrBlankNodeRef<'_>, property: &str, index: usize) -> String {
        let parent = match parent {
            NamedOrBlankNodeRef::NamedNode(node) => node.as_str().to_owned(),
            NamedOrBlankNodeRef::BlankNode(node) => format!("_:{}", node.as_str()),
        };
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for part in [
            parent.as_bytes(),
            property.as_bytes(),
            index.to_string().as_bytes(),
        ] {
            for byte in part {
                hash ^= u64::from(*byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
            hash ^= 0xff;
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        format!("n{hash:016x}")
    }

    #[test]
    fn minted_labels_are_those_of_the_reference() {
        let iri = NamedNodeRef::new_unchecked("https://data.gov.ma/d/1");
        let blank = BlankNodeRef::new_unchecked("b0");
        for parent in [iri.into(), blank.into()] {
            for index in [0, 1, 9, 10, 12_345, usize::MAX] {
                assert_eq!(
                    minted_label(parent, dcat::CONTACT_POINT, index),
                    reference_label(parent, dcat::CONTACT_POINT, index)
                );
            }
        }
    }
}
