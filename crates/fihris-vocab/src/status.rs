//! The EU distribution-status and planned-availability authority tables.

use crate::vocabulary::vocabulary_enum;

vocabulary_enum! {
    /// Status of a distribution (`adms:status`).
    ///
    /// Codes are those of the EU table (version 2022-06-15). Note that "under development"
    /// has the code `DEVELOP` there (not `UNDER_DEVELOPMENT`). [`Vocabulary::from_iri`]
    /// also accepts the ADMS status IRIs the EU table maps with `skos:exactMatch`
    /// (`http://purl.org/adms/status/Completed`, `…/Deprecated`, `…/UnderDevelopment`,
    /// `…/Withdrawn`). Arabic labels are fihris' proposal.
    ///
    /// ```
    /// use fihris_vocab::{DistributionStatus, Vocabulary};
    /// assert_eq!(
    ///     DistributionStatus::from_iri("http://purl.org/adms/status/UnderDevelopment"),
    ///     Some(DistributionStatus::UnderDevelopment)
    /// );
    /// assert_eq!(DistributionStatus::UnderDevelopment.code(), "DEVELOP");
    /// ```
    ///
    /// [`Vocabulary::from_iri`]: crate::Vocabulary::from_iri
    DistributionStatus,
    scheme = "http://publications.europa.eu/resource/authority/distribution-status",
    base = "http://publications.europa.eu/resource/authority/distribution-status/",
    alternatives = adms_status,
    {
        Completed = "COMPLETED", en = "completed", fr = "complété", ar = "مكتمل";
        Deprecated = "DEPRECATED", en = "deprecated", fr = "déconseillé", ar = "متجاوز";
        UnderDevelopment = "DEVELOP", en = "under development", fr = "en cours d’élaboration", ar = "قيد الإعداد";
        Withdrawn = "WITHDRAWN", en = "withdrawn", fr = "retiré", ar = "مسحوب";
    }
}

fn adms_status(iri: &str) -> Option<DistributionStatus> {
    match iri.strip_prefix("http://purl.org/adms/status/")? {
        "Completed" => Some(DistributionStatus::Completed),
        "Deprecated" => Some(DistributionStatus::Deprecated),
        "UnderDevelopment" => Some(DistributionStatus::UnderDevelopment),
        "Withdrawn" => Some(DistributionStatus::Withdrawn),
        _ => None,
    }
}

vocabulary_enum! {
    /// Planned availability of a distribution or dataset (`dcatap:availability`).
    ///
    /// Codes are those of the EU table (version 2021-12-08); its `OP_DATPRO` code is left
    /// out. Arabic labels are fihris' proposal.
    ///
    /// ```
    /// use fihris_vocab::{PlannedAvailability, Vocabulary};
    /// assert_eq!(PlannedAvailability::from_code("stable"), Some(PlannedAvailability::Stable));
    /// ```
    PlannedAvailability,
    scheme = "http://publications.europa.eu/resource/authority/planned-availability",
    base = "http://publications.europa.eu/resource/authority/planned-availability/",
    {
        Temporary = "TEMPORARY", en = "temporary", fr = "temporaire", ar = "مؤقت";
        Experimental = "EXPERIMENTAL", en = "experimental", fr = "expérimental", ar = "تجريبي";
        Available = "AVAILABLE", en = "available", fr = "disponible", ar = "متاح";
        Stable = "STABLE", en = "stable", fr = "stable", ar = "مستقر";
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;

    #[test]
    fn round_trip() {
        for &s in DistributionStatus::ALL {
            assert_eq!(DistributionStatus::from_iri(s.iri()), Some(s));
        }
        for &s in PlannedAvailability::ALL {
            assert_eq!(PlannedAvailability::from_iri(s.iri()), Some(s));
        }
        assert_eq!(
            DistributionStatus::from_iri("http://purl.org/adms/status/Withdrawn"),
            Some(DistributionStatus::Withdrawn)
        );
        assert_eq!(
            DistributionStatus::from_iri("http://purl.org/adms/status/"),
            None
        );
    }
}
