//! The RDF syntaxes fihris reads and writes.

use std::fmt;
use std::path::Path;

/// An RDF syntax of a DCAT-AP document.
///
/// ```
/// use fihris_dcat::RdfFormat;
/// assert_eq!(RdfFormat::from_extension("TTL"), Some(RdfFormat::Turtle));
/// assert_eq!(RdfFormat::from_name("jsonld"), Some(RdfFormat::JsonLd));
/// assert_eq!(RdfFormat::RdfXml.media_type(), "application/rdf+xml");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RdfFormat {
    /// Turtle, with prefixes.
    Turtle,
    /// N-Triples.
    NTriples,
    /// RDF/XML.
    RdfXml,
    /// JSON-LD, compacted against the fihris DCAT-AP context.
    JsonLd,
}

impl RdfFormat {
    /// Every format, in a stable order.
    pub const ALL: &'static [Self] = &[Self::Turtle, Self::NTriples, Self::RdfXml, Self::JsonLd];

    /// The short name used on the command line (`turtle`, `ntriples`, `rdfxml`, `jsonld`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Turtle => "turtle",
            Self::NTriples => "ntriples",
            Self::RdfXml => "rdfxml",
            Self::JsonLd => "jsonld",
        }
    }

    /// The IANA media type.
    #[must_use]
    pub const fn media_type(self) -> &'static str {
        match self {
            Self::Turtle => "text/turtle",
            Self::NTriples => "application/n-triples",
            Self::RdfXml => "application/rdf+xml",
            Self::JsonLd => "application/ld+json",
        }
    }

    /// The usual file extension, without the dot.
    #[must_use]
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Turtle => "ttl",
            Self::NTriples => "nt",
            Self::RdfXml => "rdf",
            Self::JsonLd => "jsonld",
        }
    }

    /// The format of a file extension (ASCII case-insensitive, without the dot): `ttl`,
    /// `nt`, `rdf`, `xml`, `owl`, `jsonld`, `json`.
    #[must_use]
    pub fn from_extension(extension: &str) -> Option<Self> {
        match extension.to_ascii_lowercase().as_str() {
            "ttl" | "turtle" => Some(Self::Turtle),
            "nt" | "ntriples" => Some(Self::NTriples),
            "rdf" | "xml" | "owl" | "rdfxml" => Some(Self::RdfXml),
            "jsonld" | "json-ld" | "json" => Some(Self::JsonLd),
            _ => None,
        }
    }

    /// The format of a path, from its extension (`catalog.rdf.xml` is RDF/XML).
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        path.extension()
            .and_then(|extension| extension.to_str())
            .and_then(Self::from_extension)
    }

    /// The format of a name: [`RdfFormat::name`], an extension or a media type.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|format| {
                format.name().eq_ignore_ascii_case(name)
                    || format.media_type().eq_ignore_ascii_case(name)
            })
            .or_else(|| Self::from_extension(name))
    }
}

impl fmt::Display for RdfFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
