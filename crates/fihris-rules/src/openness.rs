//! Open formats and open licences.

use std::fmt::Write as _;
use std::ops::Range;
use std::sync::OnceLock;

use fihris_model::{Catalog, Concept, Dataset, Distribution, LicenseDocument};
use fihris_vocab::{FileType, Licence, Vocabulary};

use crate::rules::Rule;
use crate::sink::{Batch, DatasetPaths, Sink};

/// How open one distribution is.
///
/// ```
/// use fihris_model::{Catalog, Distribution, Iri, LicenseDocument, NodeId, Text};
/// use fihris_rules::Openness;
/// use fihris_vocab::{FileType, Licence};
///
/// let url = Iri::new("https://data.gov.ma/d/1.csv")?;
/// let mut distribution = Distribution::new(NodeId::Iri(url.clone()), url);
/// distribution.format = Some(FileType::Csv.into());
/// let mut catalog = Catalog::new(
///     NodeId::Iri(Iri::new("https://data.gov.ma/catalog")?),
///     Text::untagged("Portail"),
/// )?;
/// catalog.licence = Some(LicenseDocument::from(Licence::Odbl10));
/// let openness = Openness::of(&distribution, &catalog);
/// assert!(openness.non_proprietary && openness.machine_readable);
/// assert_eq!(openness.stars, Some(3));
/// # Ok::<(), fihris_model::ModelError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Openness {
    /// The EU file type, when the format is one fihris knows.
    pub file_type: Option<FileType>,
    /// The licence that applies (the distribution's, else the catalogue's), when known.
    pub licence: Option<Licence>,
    /// The EU table flags the format non-proprietary.
    pub non_proprietary: bool,
    /// The EU table flags the format machine-readable.
    pub machine_readable: bool,
    /// 5-star level: the format's level under an open licence, 0 without one; `None` when
    /// the format is unknown or missing.
    pub stars: Option<u8>,
}

impl Openness {
    /// How open `distribution` is, its licence inherited from `catalog` when it has none.
    #[must_use]
    pub fn of(distribution: &Distribution, catalog: &Catalog) -> Self {
        let file_type = distribution.file_type();
        let licence = effective_licence(distribution, catalog).and_then(LicenseDocument::known);
        let open = licence.is_some_and(Licence::is_open);
        Self {
            file_type,
            licence,
            non_proprietary: file_type.is_some_and(FileType::is_non_proprietary),
            machine_readable: file_type.is_some_and(FileType::is_machine_readable),
            stars: file_type.map(|file_type| if open { file_type.stars() } else { 0 }),
        }
    }
}

/// The licence of a distribution, or the catalogue's when it states none.
pub(crate) fn effective_licence<'a>(
    distribution: &'a Distribution,
    catalog: &'a Catalog,
) -> Option<&'a LicenseDocument> {
    distribution.licence.as_ref().or(catalog.licence.as_ref())
}

const OPEN_FORMAT_HINT: &str = "publish the data in an open, machine-readable format (CSV, JSON, GeoJSON, XML, ODS, RDF) next to the XLSX or PDF";

/// The messages of the per-distribution format rules of one file type.
struct FormatMessages {
    proprietary: String,
    not_machine_readable: String,
    /// The 5-star message under an open licence, and without one.
    stars: [String; 2],
}

/// Which message of [`FormatMessages`].
#[derive(Clone, Copy)]
enum FormatMessage {
    Proprietary,
    NotMachineReadable,
    Stars { open: bool },
}

impl FormatMessages {
    fn new(file_type: FileType) -> Self {
        let stars = |open: bool| {
            let (stars, licence) = if open {
                (file_type.stars(), "open licence")
            } else {
                (0, "no open licence")
            };
            format!("{stars} star(s): {}, {licence}", file_type.code())
        };
        Self {
            proprietary: format!("{} is a proprietary format", file_type.code()),
            not_machine_readable: format!("{} is not a machine-readable format", file_type.code()),
            stars: [stars(true), stars(false)],
        }
    }

    fn get(&self, which: FormatMessage) -> &str {
        match which {
            FormatMessage::Proprietary => &self.proprietary,
            FormatMessage::NotMachineReadable => &self.not_machine_readable,
            FormatMessage::Stars { open } => &self.stars[usize::from(!open)],
        }
    }

    /// The messages of `file_type`, from a table built once for every file type.
    fn of(file_type: FileType) -> Option<&'static Self> {
        static TABLE: OnceLock<Vec<(FileType, FormatMessages)>> = OnceLock::new();
        let table = TABLE.get_or_init(|| {
            let mut table: Vec<_> = FileType::ALL
                .iter()
                .map(|&file_type| (file_type, Self::new(file_type)))
                .collect();
            table.sort_by_key(|(file_type, _)| *file_type);
            table
        });
        table
            .binary_search_by_key(&file_type, |(file_type, _)| *file_type)
            .ok()
            .map(|index| &table[index].1)
    }
}

/// Reports a per-distribution format rule.
fn emit_format(
    sink: &mut Sink<'_>,
    rule: Rule,
    path: impl FnOnce(&mut Batch) -> Range<usize>,
    file_type: FileType,
    which: FormatMessage,
) {
    match FormatMessages::of(file_type) {
        Some(messages) => sink.emit(rule, path, messages.get(which), None),
        None => sink.emit_with(
            rule,
            path,
            |message| message.push_str(FormatMessages::new(file_type).get(which)),
            None,
        ),
    }
}

pub(crate) fn check_formats(
    dataset: &Dataset,
    catalog: &Catalog,
    paths: &DatasetPaths,
    sink: &mut Sink<'_>,
) {
    let mut open_and_machine_readable = false;
    for (index, distribution) in dataset.distributions.iter().enumerate() {
        let openness = Openness::of(distribution, catalog);
        open_and_machine_readable |= openness.non_proprietary && openness.machine_readable;
        let path = |batch: &mut Batch| paths.distribution(batch, index);
        let format_path = |batch: &mut Batch| paths.distribution_field(batch, index, "dct:format");
        match (&distribution.format, openness.file_type) {
            (None, _) => sink.emit(
                Rule::FormatMissing,
                format_path,
                "the distribution does not state its format",
                Some("set dct:format to an EU file type (CSV, XLSX, PDF…)"),
            ),
            (Some(Concept::Other(iri)), _) => sink.emit_with(
                Rule::FormatUnknown,
                format_path,
                |message| {
                    let _ = write!(
                        message,
                        "the format <{iri}> is not an EU file type fihris knows"
                    );
                },
                Some("use an IRI of http://publications.europa.eu/resource/authority/file-type"),
            ),
            (Some(_), Some(file_type)) => {
                if !openness.non_proprietary {
                    emit_format(
                        sink,
                        Rule::FormatProprietary,
                        path,
                        file_type,
                        FormatMessage::Proprietary,
                    );
                }
                if !openness.machine_readable {
                    emit_format(
                        sink,
                        Rule::FormatNotMachineReadable,
                        path,
                        file_type,
                        FormatMessage::NotMachineReadable,
                    );
                }
                if openness.stars.is_some() {
                    let open = openness.licence.is_some_and(Licence::is_open);
                    emit_format(
                        sink,
                        Rule::FormatStars,
                        path,
                        file_type,
                        FormatMessage::Stars { open },
                    );
                }
            }
            (Some(Concept::Known(_)), None) => {}
        }
    }
    if !dataset.distributions.is_empty() && !open_and_machine_readable {
        sink.emit(
            Rule::FormatNonProprietary,
            |batch| paths.dataset(batch),
            "no distribution in an open, machine-readable format",
            Some(OPEN_FORMAT_HINT),
        );
    }
}

/// Share-alike families: licences of one family are compatible with each other.
fn share_alike_family(licence: Licence) -> Option<&'static str> {
    match licence {
        Licence::PortalOdbl | Licence::Odbl10 => Some("ODbL"),
        other if other.is_share_alike() => Some(other.code()),
        _ => None,
    }
}

fn licence_name(licence: Licence) -> &'static str {
    licence.spdx_id().unwrap_or_else(|| licence.code())
}

pub(crate) fn check_licences(
    dataset: &Dataset,
    catalog: &Catalog,
    paths: &DatasetPaths,
    sink: &mut Sink<'_>,
) {
    let mut known: Vec<Licence> = Vec::new();
    for (index, distribution) in dataset.distributions.iter().enumerate() {
        let path = |batch: &mut Batch| paths.distribution_field(batch, index, "dct:license");
        let Some(document) = effective_licence(distribution, catalog) else {
            sink.emit(
                Rule::LicenceMissing,
                path,
                "the distribution has no licence, neither its own nor the catalogue's",
                Some("set dct:license, e.g. the portal's licence or CC-BY-4.0"),
            );
            continue;
        };
        match document.known() {
            None => sink.emit_with(
                Rule::LicenceUnknown,
                path,
                |message| {
                    let _ = write!(
                        message,
                        "the licence {} is not one fihris knows",
                        document.id
                    );
                },
                Some("use the EU licence-table IRI or the SPDX IRI of the licence"),
            ),
            Some(licence) => {
                if !licence.is_open() {
                    sink.emit_with(
                        Rule::LicenceOpen,
                        path,
                        |message| {
                            let _ = write!(message, "the licence {} is not open", licence_name(licence));
                        },
                        Some("publish under an Open Definition conformant licence (the portal's licence, ODbL, CC-BY, CC0, Etalab 2.0)"),
                    );
                }
                if !known.contains(&licence) {
                    known.push(licence);
                }
            }
        }
    }
    // The first licence of each share-alike family, in order.
    let first_of_family = |index: usize| {
        share_alike_family(known[index]).is_some_and(|family| {
            !known[..index]
                .iter()
                .any(|earlier| share_alike_family(*earlier) == Some(family))
        })
    };
    let list = |message: &mut String, names: &mut dyn Iterator<Item = &'static str>| {
        for (index, name) in names.enumerate() {
            if index > 0 {
                message.push_str(", ");
            }
            message.push_str(name);
        }
    };
    if (0..known.len())
        .filter(|index| first_of_family(*index))
        .count()
        > 1
    {
        sink.emit_with(
            Rule::LicenceIncompatible,
            |batch| paths.dataset(batch),
            |message| {
                message.push_str("distributions carry incompatible share-alike licences: ");
                list(
                    message,
                    &mut (0..known.len())
                        .filter(|index| first_of_family(*index))
                        .map(|index| licence_name(known[index])),
                );
            },
            Some("publish every distribution of a dataset under one licence"),
        );
    }
    let attribution = |licence: &&Licence| licence.is_open() && licence.requires_attribution();
    let share_alike = |licence: &&Licence| licence.is_share_alike();
    let any_attribution = known.iter().any(|licence| attribution(&licence));
    let any_share_alike = known.iter().any(|licence| share_alike(&licence));
    if any_attribution || any_share_alike {
        sink.emit_with(
            Rule::LicenceDuties,
            |batch| paths.dataset(batch),
            |duties| {
                if any_attribution {
                    duties.push_str("reusers must credit the source (");
                    list(
                        duties,
                        &mut known
                            .iter()
                            .filter(attribution)
                            .map(|licence| licence_name(*licence)),
                    );
                    duties.push(')');
                }
                if any_share_alike {
                    if any_attribution {
                        duties.push_str("; ");
                    }
                    duties.push_str("derived data must be shared under the same licence (");
                    list(
                        duties,
                        &mut known
                            .iter()
                            .filter(share_alike)
                            .map(|licence| licence_name(*licence)),
                    );
                    duties.push(')');
                }
            },
            None,
        );
    }
}
