//! The catalogue the rules bench checks.

use fihris_model::{
    Agent, Catalog, ContactPoint, Dataset, Distribution, Iri, Keyword, LicenseDocument, ModelError,
    NodeId, Temporal, Text,
};
use fihris_vocab::{AccessRight, FileType, Frequency, Licence, PRODUCERS, PortalTheme, Vocabulary};

/// A catalogue like the portal's, scaled up to `datasets` datasets: two distributions a
/// dataset, formats, licences, frequencies and producers cycling through their vocabularies,
/// some fields missing (every third dataset has no description, keyword, access rights or
/// contact point). Under the national profile it gives about 19 findings a dataset.
///
/// # Errors
///
/// None in practice: the titles it gives are never empty.
pub fn rules_catalogue(datasets: usize) -> Result<Catalog, ModelError> {
    let mut catalog = Catalog::new(
        NodeId::Iri(Iri::new_unchecked("https://data.gov.ma/catalog")),
        Text::untagged("Portail national des données ouvertes"),
    )?;
    catalog.licence = Some(LicenseDocument::from(Licence::PortalOdbl));
    let formats = [
        FileType::Xlsx,
        FileType::Csv,
        FileType::Pdf,
        FileType::Json,
        FileType::Zip,
    ];
    let frequencies = [
        Frequency::Annual,
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::Irregular,
    ];
    for index in 0..datasets {
        let id = format!("https://data.gov.ma/data/fr/dataset/d{index}");
        let mut dataset = Dataset::new(
            NodeId::Iri(Iri::new_unchecked(id.clone())),
            Text::untagged(format!("Jeu de données {index}")),
        )?;
        if index % 3 != 0 {
            dataset.description = Text::untagged("Description du jeu de données");
            dataset.keywords.push(Keyword {
                language: None,
                value: "statistiques".to_owned(),
            });
            dataset.access_rights = Some(AccessRight::Public.into());
            dataset
                .contact_points
                .push(ContactPoint::new().with_email("contact@example.ma"));
        }
        dataset.publisher = Some(Agent::from_producer(&PRODUCERS[index % PRODUCERS.len()]));
        dataset
            .portal_themes
            .push(PortalTheme::ALL[index % PortalTheme::ALL.len()]);
        dataset.accrual_periodicity = Some(frequencies[index % frequencies.len()].into());
        dataset.modified =
            Temporal::parse(format!("20{:02}-0{}-15", 15 + index % 11, 1 + index % 9)).ok();
        for part in 0..2 {
            let url = Iri::new_unchecked(format!("{id}/resource/{part}"));
            let mut distribution = Distribution::new(NodeId::Iri(url.clone()), url);
            distribution.format = Some(formats[(index + part) % formats.len()].into());
            if part == 0 {
                distribution.licence = Some(LicenseDocument::from(Licence::Odbl10));
            }
            dataset.distributions.push(distribution);
        }
        catalog.datasets.push(dataset);
    }
    Ok(catalog)
}
