//! Inputs shared by the fihris benchmarks.

/// Resource formats as the portal's CKAN API returns them, noise included: the input a
/// reader normalises for every distribution.
pub const PORTAL_FORMAT_LABELS: &[&str] = &[
    "XLSX",
    "xlsx ",
    ".xlsx",
    "XLS",
    "PDF",
    "pdf",
    "CSV",
    "csv",
    "DOCX",
    "ZIP",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-excel",
    "text/csv",
    "JSON",
    "Shapefile",
    "http://publications.europa.eu/resource/authority/file-type/CSV",
];

/// Timestamps as the portal and DCAT feeds write them.
pub const TEMPORAL_LITERALS: &[&str] = &[
    "2022-01-03T23:11:41.769674",
    "2024-01-15",
    "2024-01-15Z",
    "2019",
    "2019-07",
    "2023-11-30T08:00:00+01:00",
];
