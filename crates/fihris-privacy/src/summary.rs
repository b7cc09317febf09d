//! What the metadata rules need to know about a scanned resource.

use fihris_model::PersonalData;

use crate::scan::Verdict;

/// Whether a scanned resource shows personal data: the coupling between the data-content
/// rules of this crate and the metadata rules (a dataset declared "no personal data" whose
/// resource shows some is an error there).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PersonalDataSummary {
    /// Whether an error-level personal-data column was found.
    pub shows_personal_data: bool,
    /// Whether one of them is a direct identifier (CIN, phone, name…).
    pub direct_identifiers: bool,
    /// The rule ids of those columns' findings, sorted (`privacy.cin`, `privacy.phone`…).
    pub rule_ids: Vec<String>,
    /// The verdict of the scan.
    pub verdict: Verdict,
}

impl PersonalDataSummary {
    /// Whether the scan contradicts a dataset's declaration: declared without personal data
    /// but showing some, or declared anonymised but holding direct identifiers.
    ///
    /// ```
    /// use fihris_model::PersonalData;
    /// use fihris_privacy::{ScanOptions, scan_reader};
    ///
    /// let csv = "cin,commune\nAB123456,Rabat\nCD654321,Fès\n";
    /// let summary = scan_reader(csv.as_bytes(), &ScanOptions::new())?.personal_data_summary();
    /// assert!(summary.shows_personal_data);
    /// assert!(summary.contradicts(&PersonalData::None));
    /// assert!(!summary.contradicts(&PersonalData::Present));
    /// # Ok::<(), fihris_privacy::ScanError>(())
    /// ```
    #[must_use]
    pub fn contradicts(&self, declared: &PersonalData) -> bool {
        match declared {
            PersonalData::None => self.shows_personal_data,
            PersonalData::Anonymised { .. } => self.direct_identifiers,
            _ => false,
        }
    }
}
