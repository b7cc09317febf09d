//! The embedded sample catalogue of the national portal.

use fihris_model::{Agent, Catalog, Text};
use fihris_vocab::Producer;

use crate::CkanReader;

/// The sample catalogue as CKAN JSON lines: one `package_show` result per line, generated
/// by `data/generate_sample.py` (fixed seed) from the portal referentials.
pub const SAMPLE_CATALOGUE_JSONL: &str = include_str!("../data/sample-catalogue.jsonl");

/// The sample catalogue read into the model (texts tagged `fr`, or `ar` when written in
/// Arabic script): about 660 datasets of the portal's 47 producers with their real skew,
/// its 19 themes, its format mix and the noise of its titles.
///
/// ```
/// let catalog = fihris_ckan::sample_catalogue();
/// assert!(catalog.datasets.len() > 600);
/// ```
#[must_use]
pub fn sample_catalogue() -> Catalog {
    match CkanReader::new()
        .with_language("fr")
        .and_then(|reader| reader.read_json_lines(SAMPLE_CATALOGUE_JSONL.as_bytes()))
    {
        Ok(read) => {
            // The CKAN API describes packages, not the portal: the catalogue's own title,
            // description and publisher (the agency that runs the portal) are set here.
            let mut catalog = read.catalog;
            catalog.title = Text::new()
                .with("fr", "Portail national des données ouvertes — échantillon")
                .and_then(|title| title.with("ar", "البوابة الوطنية للبيانات المفتوحة — عينة"))
                .unwrap_or(catalog.title);
            catalog.description = Text::new()
                .with("fr", "Les données publiques ouvertes du Royaume du Maroc.")
                .unwrap_or_default();
            catalog.publisher = Producer::by_code("ADD").map(Agent::from_producer);
            catalog
        }
        Err(error) => unreadable_sample(&error),
    }
}

#[expect(
    clippy::panic,
    reason = "the embedded sample is generated and checked by the crate's tests: it always reads"
)]
fn unreadable_sample(error: &crate::CkanError) -> Catalog {
    panic!("the embedded sample catalogue does not read: {error}")
}
