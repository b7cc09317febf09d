use crate::text::words;

/// A column of the national inventory template.
///
/// The crate README lists each column's meaning, allowed values and mapping to the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Column {
    /// `identifiant`: the dataset's IRI, or a local identifier.
    Identifier,
    /// `producteur`: the responsible producer.
    Producer,
    /// `titre_fr`: the French title.
    TitleFr,
    /// `titre_ar`: the Arabic title.
    TitleAr,
    /// `description_fr`: the French description.
    DescriptionFr,
    /// `description_ar`: the Arabic description.
    DescriptionAr,
    /// `theme`: portal themes (or EU data themes).
    Theme,
    /// `type_donnees`: the kind of data.
    DataKind,
    /// `frequence`: the update frequency.
    Frequency,
    /// `methode_collecte`: how the data is collected.
    CollectionMethod,
    /// `methode_mise_a_jour`: how the published data is updated.
    UpdateMethod,
    /// `niveau_desagregation`: territorial levels.
    Disaggregation,
    /// `formats`: file types of the distributions.
    Formats,
    /// `licence`: the licence of the distributions.
    Licence,
    /// `droits_acces`: access rights.
    AccessRights,
    /// `statut_publication`: published, planned or restricted.
    PublicationStatus,
    /// `donnees_personnelles`: the personal-data declaration.
    PersonalData,
    /// `contact_nom`: the contact point's name.
    ContactName,
    /// `contact_email`: the contact point's e-mail address.
    ContactEmail,
    /// `date_publication`: first publication (`dct:issued`).
    Issued,
    /// `date_modification`: last modification (`dct:modified`).
    Modified,
    /// `page_web`: landing pages.
    LandingPage,
    /// `urls_telechargement`: download URLs, one distribution each.
    DownloadUrls,
    /// `mots_cles`: keywords.
    Keywords,
}

impl Column {
    /// Every column, in template order.
    pub const ALL: &'static [Self] = &[
        Self::Identifier,
        Self::Producer,
        Self::TitleFr,
        Self::TitleAr,
        Self::DescriptionFr,
        Self::DescriptionAr,
        Self::Theme,
        Self::DataKind,
        Self::Frequency,
        Self::CollectionMethod,
        Self::UpdateMethod,
        Self::Disaggregation,
        Self::Formats,
        Self::Licence,
        Self::AccessRights,
        Self::PublicationStatus,
        Self::PersonalData,
        Self::ContactName,
        Self::ContactEmail,
        Self::Issued,
        Self::Modified,
        Self::LandingPage,
        Self::DownloadUrls,
        Self::Keywords,
    ];

    /// The template header name.
    ///
    /// ```
    /// use fihris_csv::Column;
    /// assert_eq!(Column::Frequency.header(), "frequence");
    /// ```
    #[must_use]
    pub const fn header(self) -> &'static str {
        self.names()[0]
    }

    /// Whether the column holds several values separated by `|`.
    #[must_use]
    pub const fn is_multi_valued(self) -> bool {
        matches!(
            self,
            Self::Theme
                | Self::Disaggregation
                | Self::Formats
                | Self::LandingPage
                | Self::DownloadUrls
                | Self::Keywords
        )
    }

    /// Accepted header names (folded: lowercase, no accents, words joined by `_`); the
    /// first one is the template's.
    const fn names(self) -> &'static [&'static str] {
        match self {
            Self::Identifier => &["identifiant", "url", "identifier", "id"],
            Self::Producer => &["producteur", "producer", "organisme", "organisation"],
            Self::TitleFr => &["titre_fr", "titre", "title_fr", "title"],
            Self::TitleAr => &["titre_ar", "title_ar"],
            Self::DescriptionFr => &["description_fr", "description"],
            Self::DescriptionAr => &["description_ar"],
            Self::Theme => &["theme", "themes", "thematique"],
            Self::DataKind => &[
                "type_donnees",
                "type_de_donnees",
                "type_des_donnees",
                "nature_des_donnees",
                "kind_of_data",
            ],
            Self::Frequency => &[
                "frequence",
                "frequence_de_mise_a_jour",
                "frequence_mise_a_jour",
                "periodicite",
                "frequency",
            ],
            Self::CollectionMethod => &[
                "methode_collecte",
                "methode_de_collecte",
                "mode_de_collecte",
                "collection_method",
            ],
            Self::UpdateMethod => &[
                "methode_mise_a_jour",
                "methode_de_mise_a_jour",
                "mode_de_mise_a_jour",
                "update_method",
            ],
            Self::Disaggregation => &[
                "niveau_desagregation",
                "niveau_de_desagregation",
                "niveaux_de_desagregation",
                "disaggregation_level",
            ],
            Self::Formats => &["formats", "format"],
            Self::Licence => &["licence", "license"],
            Self::AccessRights => &["droits_acces", "droits_d_acces", "acces", "access_rights"],
            Self::PublicationStatus => &[
                "statut_publication",
                "statut_de_publication",
                "statut",
                "publication_status",
            ],
            Self::PersonalData => &[
                "donnees_personnelles",
                "donnees_a_caractere_personnel",
                "personal_data",
            ],
            Self::ContactName => &["contact_nom", "nom_contact", "contact", "contact_name"],
            Self::ContactEmail => &[
                "contact_email",
                "email_contact",
                "contact_courriel",
                "courriel",
                "email",
                "contact_e_mail",
            ],
            Self::Issued => &[
                "date_publication",
                "date_de_publication",
                "publie_le",
                "issued",
            ],
            Self::Modified => &[
                "date_modification",
                "date_de_modification",
                "date_mise_a_jour",
                "date_de_mise_a_jour",
                "modified",
            ],
            Self::LandingPage => &["page_web", "page_d_accueil", "landing_page"],
            Self::DownloadUrls => &[
                "urls_telechargement",
                "url_telechargement",
                "liens_de_telechargement",
                "liens_telechargement",
                "download_urls",
            ],
            Self::Keywords => &["mots_cles", "mot_cles", "mots_clefs", "keywords"],
        }
    }

    /// The column a header names: any accepted name, ignoring case, accents, spaces,
    /// hyphens and apostrophes.
    ///
    /// ```
    /// use fihris_csv::Column;
    /// assert_eq!(Column::from_header("Fréquence"), Some(Column::Frequency));
    /// assert_eq!(Column::from_header("Mots-clés"), Some(Column::Keywords));
    /// assert_eq!(Column::from_header("Droits d'accès"), Some(Column::AccessRights));
    /// assert_eq!(Column::from_header("observations"), None);
    /// ```
    #[must_use]
    pub fn from_header(header: &str) -> Option<Self> {
        let key = words(header).join("_");
        Self::ALL
            .iter()
            .copied()
            .find(|column| column.names().contains(&key.as_str()))
    }
}

impl std::fmt::Display for Column {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.header())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_folded_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for column in Column::ALL {
            for name in column.names() {
                assert_eq!(words(name).join("_"), *name);
                assert!(seen.insert(*name), "{name} twice");
                assert_eq!(Column::from_header(name), Some(*column));
            }
        }
    }
}
