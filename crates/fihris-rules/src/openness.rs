//! Open formats and open licences.

use fihris_model::{Catalog, Concept, Dataset, Distribution, LicenseDocument};
use fihris_vocab::{FileType, Licence, Vocabulary};

use crate::rules::Rule;
use crate::sink::{Sink, dataset_path, distribution_path, field};

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

pub(crate) fn check_formats(dataset: &Dataset, catalog: &Catalog, sink: &mut Sink<'_>) {
    let mut open_and_machine_readable = false;
    for distribution in &dataset.distributions {
        let openness = Openness::of(distribution, catalog);
        open_and_machine_readable |= openness.non_proprietary && openness.machine_readable;
        let path = || distribution_path(dataset, distribution);
        match (&distribution.format, openness.file_type) {
            (None, _) => sink.emit(
                Rule::FormatMissing,
                || field(path(), "dct:format"),
                || "the distribution does not state its format".to_owned(),
                Some("set dct:format to an EU file type (CSV, XLSX, PDF…)"),
            ),
            (Some(Concept::Other(iri)), _) => sink.emit(
                Rule::FormatUnknown,
                || field(path(), "dct:format"),
                || format!("the format <{iri}> is not an EU file type fihris knows"),
                Some("use an IRI of http://publications.europa.eu/resource/authority/file-type"),
            ),
            (Some(_), Some(file_type)) => {
                if !openness.non_proprietary {
                    sink.emit(
                        Rule::FormatProprietary,
                        path,
                        || format!("{} is a proprietary format", file_type.code()),
                        None,
                    );
                }
                if !openness.machine_readable {
                    sink.emit(
                        Rule::FormatNotMachineReadable,
                        path,
                        || format!("{} is not a machine-readable format", file_type.code()),
                        None,
                    );
                }
                if let Some(stars) = openness.stars {
                    sink.emit(
                        Rule::FormatStars,
                        path,
                        || {
                            let licence = if openness.licence.is_some_and(Licence::is_open) {
                                "open licence"
                            } else {
                                "no open licence"
                            };
                            format!("{stars} star(s): {}, {licence}", file_type.code())
                        },
                        None,
                    );
                }
            }
            (Some(Concept::Known(_)), None) => {}
        }
    }
    if !dataset.distributions.is_empty() && !open_and_machine_readable {
        sink.emit(
            Rule::FormatNonProprietary,
            || dataset_path(dataset),
            || "no distribution in an open, machine-readable format".to_owned(),
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

pub(crate) fn check_licences(dataset: &Dataset, catalog: &Catalog, sink: &mut Sink<'_>) {
    let mut known: Vec<Licence> = Vec::new();
    for distribution in &dataset.distributions {
        let path = || field(distribution_path(dataset, distribution), "dct:license");
        let Some(document) = effective_licence(distribution, catalog) else {
            sink.emit(
                Rule::LicenceMissing,
                path,
                || {
                    "the distribution has no licence, neither its own nor the catalogue's"
                        .to_owned()
                },
                Some("set dct:license, e.g. the portal's licence or CC-BY-4.0"),
            );
            continue;
        };
        match document.known() {
            None => sink.emit(
                Rule::LicenceUnknown,
                path,
                || format!("the licence {} is not one fihris knows", document.id),
                Some("use the EU licence-table IRI or the SPDX IRI of the licence"),
            ),
            Some(licence) => {
                if !licence.is_open() {
                    sink.emit(
                        Rule::LicenceOpen,
                        path,
                        || format!("the licence {} is not open", licence_name(licence)),
                        Some("publish under an Open Definition conformant licence (the portal's licence, ODbL, CC-BY, CC0, Etalab 2.0)"),
                    );
                }
                if !known.contains(&licence) {
                    known.push(licence);
                }
            }
        }
    }
    let mut families: Vec<(&'static str, Licence)> = Vec::new();
    for licence in &known {
        if let Some(family) = share_alike_family(*licence)
            && !families.iter().any(|(seen, _)| *seen == family)
        {
            families.push((family, *licence));
        }
    }
    if families.len() > 1 {
        sink.emit(
            Rule::LicenceIncompatible,
            || dataset_path(dataset),
            || {
                let names: Vec<&str> = families
                    .iter()
                    .map(|(_, licence)| licence_name(*licence))
                    .collect();
                format!(
                    "distributions carry incompatible share-alike licences: {}",
                    names.join(", ")
                )
            },
            Some("publish every distribution of a dataset under one licence"),
        );
    }
    let attribution: Vec<&str> = known
        .iter()
        .filter(|licence| licence.is_open() && licence.requires_attribution())
        .map(|licence| licence_name(*licence))
        .collect();
    let share_alike: Vec<&str> = known
        .iter()
        .filter(|licence| licence.is_share_alike())
        .map(|licence| licence_name(*licence))
        .collect();
    if !attribution.is_empty() || !share_alike.is_empty() {
        sink.emit(
            Rule::LicenceDuties,
            || dataset_path(dataset),
            || {
                let mut duties = Vec::new();
                if !attribution.is_empty() {
                    duties.push(format!(
                        "reusers must credit the source ({})",
                        attribution.join(", ")
                    ));
                }
                if !share_alike.is_empty() {
                    duties.push(format!(
                        "derived data must be shared under the same licence ({})",
                        share_alike.join(", ")
                    ));
                }
                duties.join("; ")
            },
            None,
        );
    }
}
