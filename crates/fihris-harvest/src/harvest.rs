use std::collections::HashSet;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::io;

use fihris_model::{Catalog, CatalogRecord, DataService, Dataset, DatasetSeries, NodeId};

use crate::error::{HarvestError, HarvestErrorKind, Retry};
use crate::http::HttpClient;

/// Where harvested items go, one at a time: the harvester never holds more than one page.
///
/// A closure `FnMut(Dataset) -> io::Result<()>` is a sink that takes the datasets only.
pub trait HarvestSink {
    /// The catalogue's own description (no datasets), given once, before any item.
    ///
    /// # Errors
    ///
    /// An error stops the harvest ([`HarvestErrorKind::Sink`]).
    fn catalog(&mut self, header: &Catalog) -> io::Result<()> {
        let _ = header;
        Ok(())
    }

    /// One harvested dataset.
    ///
    /// # Errors
    ///
    /// An error stops the harvest ([`HarvestErrorKind::Sink`]).
    fn dataset(&mut self, dataset: Dataset) -> io::Result<()>;

    /// One dataset series of a DCAT feed.
    ///
    /// # Errors
    ///
    /// An error stops the harvest ([`HarvestErrorKind::Sink`]).
    fn series(&mut self, series: DatasetSeries) -> io::Result<()> {
        let _ = series;
        Ok(())
    }

    /// One data service of a DCAT feed.
    ///
    /// # Errors
    ///
    /// An error stops the harvest ([`HarvestErrorKind::Sink`]).
    fn service(&mut self, service: DataService) -> io::Result<()> {
        let _ = service;
        Ok(())
    }

    /// One catalogue record of a DCAT feed.
    ///
    /// # Errors
    ///
    /// An error stops the harvest ([`HarvestErrorKind::Sink`]).
    fn record(&mut self, record: CatalogRecord) -> io::Result<()> {
        let _ = record;
        Ok(())
    }
}

impl<F: FnMut(Dataset) -> io::Result<()>> HarvestSink for F {
    fn dataset(&mut self, dataset: Dataset) -> io::Result<()> {
        self(dataset)
    }
}

/// The kind of catalogue harvested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Source {
    /// Decide from the URL and the answer: a URL with `/api/3/action` is CKAN, an answer in
    /// an RDF syntax is a DCAT feed, anything else is taken as a CKAN portal's base URL.
    Auto,
    /// A CKAN portal (its base URL, with or without `/api/3/action/`).
    Ckan,
    /// A DCAT feed in any of the four RDF syntaxes.
    Dcat,
}

/// What a harvest did. A harvest stopped by a failure keeps what it read: see
/// [`HarvestReport::failure`] and [`HarvestReport::is_partial`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct HarvestReport {
    /// The kind of catalogue harvested ([`Source::Auto`] only when the first request failed
    /// before it could tell).
    pub source: Source,
    /// Pages read.
    pub pages: u64,
    /// Datasets given to the sink.
    pub datasets: u64,
    /// The number of datasets the server announced (CKAN `count`, Hydra `totalItems`).
    pub expected: Option<u64>,
    /// Datasets left out because their modification date is before `since`.
    pub unchanged: u64,
    /// Datasets left out because an earlier page already gave them.
    pub duplicates: u64,
    /// Requests retried, in order.
    pub retries: Vec<Retry>,
    /// Reader warnings (repairs, unknown organisations…), the first 1 000, each prefixed
    /// with its page URL.
    pub warnings: Vec<String>,
    /// All reader warnings, counted.
    pub warning_count: u64,
    /// The latest modification date among the harvested datasets, as written: what to pass
    /// as `since` to resume.
    pub latest_modified: Option<String>,
    /// Why the harvest stopped early.
    pub failure: Option<HarvestError>,
}

const MAX_WARNINGS: usize = 1_000;

impl HarvestReport {
    pub(crate) fn new(source: Source) -> Self {
        Self {
            source,
            pages: 0,
            datasets: 0,
            expected: None,
            unchanged: 0,
            duplicates: 0,
            retries: Vec::new(),
            warnings: Vec::new(),
            warning_count: 0,
            latest_modified: None,
            failure: None,
        }
    }

    /// Whether the harvest stopped before its end.
    #[must_use]
    pub fn is_partial(&self) -> bool {
        self.failure.is_some()
    }

    pub(crate) fn warn(&mut self, url: &str, message: impl std::fmt::Display) {
        self.warning_count += 1;
        if self.warnings.len() < MAX_WARNINGS {
            self.warnings.push(format!("{url}: {message}"));
        }
    }
}

/// Harvests a CKAN portal or a DCAT feed over HTTP, streaming the datasets to a
/// [`HarvestSink`].
///
/// ```no_run
/// use fihris_harvest::Harvester;
/// let mut titles = Vec::new();
/// let report = Harvester::new()
///     .with_since("2025-01-01")?
///     .harvest("https://data.gov.ma/data", &mut |dataset: fihris_model::Dataset| {
///         titles.push(dataset.title.get("").unwrap_or_default().to_owned());
///         Ok(())
///     });
/// assert!(!report.is_partial());
/// # Ok::<(), fihris_harvest::HarvestError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Harvester {
    pub(crate) client: HttpClient,
    pub(crate) since: Option<String>,
    pub(crate) page_size: u32,
    pub(crate) max_pages: u64,
    pub(crate) source: Source,
    pub(crate) ckan_base_iri: Option<String>,
    pub(crate) ckan_language: Option<String>,
}

impl Default for Harvester {
    fn default() -> Self {
        Self::new()
    }
}

impl Harvester {
    /// A harvester with a default [`HttpClient`], CKAN pages of 100, at most 100 000 pages,
    /// the kind of catalogue found from the URL.
    #[must_use]
    pub fn new() -> Self {
        Self {
            client: HttpClient::new(),
            since: None,
            page_size: 100,
            max_pages: 100_000,
            source: Source::Auto,
            ckan_base_iri: None,
            ckan_language: None,
        }
    }

    /// The HTTP client (politeness, retries, timeouts, size cap).
    #[must_use]
    pub fn with_client(mut self, client: HttpClient) -> Self {
        self.client = client;
        self
    }

    /// Harvest only what changed since `since` (`YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ss`, UTC
    /// `Z` optional): CKAN is asked with `fq=metadata_modified:[since TO *]`, and datasets
    /// whose `modified` date is before it are left out (compared as written, without time
    /// zone conversion; datasets without a date are kept).
    ///
    /// # Errors
    ///
    /// [`HarvestErrorKind::Usage`] when `since` is not such a date.
    pub fn with_since(mut self, since: &str) -> Result<Self, HarvestError> {
        let since = since.trim();
        let trimmed = since.strip_suffix('Z').unwrap_or(since);
        if !valid_since(trimmed) {
            return Err(HarvestError::new(
                HarvestErrorKind::Usage,
                "",
                format!("--since {since:?} is not a date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ss)"),
            ));
        }
        self.since = Some(trimmed.to_owned());
        Ok(self)
    }

    /// Rows per CKAN `package_search` page (default 100, at least 1, at most 1 000 which
    /// is CKAN's usual limit).
    #[must_use]
    pub fn with_page_size(mut self, rows: u32) -> Self {
        self.page_size = rows.clamp(1, 1_000);
        self
    }

    /// The most pages read in one harvest (default 100 000): a last guard against
    /// endless paging.
    #[must_use]
    pub fn with_max_pages(mut self, pages: u64) -> Self {
        self.max_pages = pages.max(1);
        self
    }

    /// The kind of catalogue (default [`Source::Auto`]).
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Self {
        self.source = source;
        self
    }

    /// The base IRI of CKAN dataset IRIs without `uri` (`<base>dataset/<name>`); default:
    /// the portal's base URL with a final `/` (`https://data.gov.ma/data/fr/` for the
    /// national portal, as the file readers do).
    #[must_use]
    pub fn with_ckan_base_iri(mut self, base: impl Into<String>) -> Self {
        self.ckan_base_iri = Some(base.into());
        self
    }

    /// Tags CKAN titles, descriptions and keywords with this language (or `ar` when they
    /// are written in Arabic script), as `fihris_ckan::CkanReader::with_language` does;
    /// default: untagged, as the reader's default. With the language and base IRI a file
    /// is converted with, harvesting gives the same datasets as converting the packages.
    ///
    /// # Errors
    ///
    /// [`HarvestErrorKind::Usage`] when `tag` is not a BCP 47 language tag.
    pub fn with_ckan_language(mut self, tag: &str) -> Result<Self, HarvestError> {
        fihris_ckan::CkanReader::new()
            .with_language(tag)
            .map_err(|e| {
                HarvestError::new(
                    HarvestErrorKind::Usage,
                    "",
                    format!("language {tag:?}: {}", e.message()),
                )
            })?;
        self.ckan_language = Some(tag.to_owned());
        Ok(self)
    }

    /// The HTTP client in use.
    #[must_use]
    pub fn client(&self) -> &HttpClient {
        &self.client
    }

    /// Harvests `url`, streaming what it reads to `sink`. Never fails as a whole: a page
    /// that cannot be read stops the harvest and is the report's
    /// [`HarvestReport::failure`]; what was read before it has been given to the sink.
    pub fn harvest(&self, url: &str, sink: &mut dyn HarvestSink) -> HarvestReport {
        match self.source {
            Source::Ckan => crate::ckan::harvest(self, url, sink),
            Source::Dcat => crate::dcat::harvest(self, url, sink, None),
            Source::Auto => crate::dcat::harvest_auto(self, url, sink),
        }
    }

    /// Whether a dataset passes the `since` filter; records its date.
    pub(crate) fn keep(&self, dataset: &Dataset, report: &mut HarvestReport) -> bool {
        let Some(modified) = dataset.modified.as_ref().map(|m| m.as_str()) else {
            return true;
        };
        if self.since.as_deref().is_some_and(|since| modified < since) {
            report.unchanged += 1;
            return false;
        }
        if report
            .latest_modified
            .as_deref()
            .is_none_or(|latest| modified > latest)
        {
            report.latest_modified = Some(modified.to_owned());
        }
        true
    }
}

fn valid_since(since: &str) -> bool {
    let bytes = since.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|part| part.iter().all(u8::is_ascii_digit))
    };
    let date = bytes.len() >= 10
        && digits(0..4)
        && bytes[4] == b'-'
        && digits(5..7)
        && bytes[7] == b'-'
        && digits(8..10);
    if !date {
        return false;
    }
    if bytes.len() == 10 {
        return true;
    }
    bytes.len() >= 19
        && bytes[10] == b'T'
        && digits(11..13)
        && bytes[13] == b':'
        && digits(14..16)
        && bytes[16] == b':'
        && digits(17..19)
        && (bytes.len() == 19 || (bytes[19] == b'.' && bytes.len() > 20 && digits(20..bytes.len())))
}

/// Detects pages and datasets already seen.
#[derive(Debug, Default)]
pub(crate) struct Seen {
    pages: HashSet<u64>,
    urls: HashSet<String>,
    datasets: HashSet<u64>,
}

impl Seen {
    /// Whether this page body was already read (remembers it).
    pub(crate) fn repeated_body(&mut self, body: &[u8]) -> bool {
        let mut hasher = DefaultHasher::new();
        body.hash(&mut hasher);
        !self.pages.insert(hasher.finish())
    }

    /// Whether this page URL was already read (remembers it).
    pub(crate) fn repeated_url(&mut self, url: &str) -> bool {
        !self.urls.insert(url.to_owned())
    }

    /// Whether this dataset was already given (remembers its id, as a hash).
    pub(crate) fn repeated_dataset(&mut self, id: &NodeId) -> bool {
        let mut hasher = DefaultHasher::new();
        id.hash(&mut hasher);
        !self.datasets.insert(hasher.finish())
    }
}

pub(crate) fn sink_error(url: &str, error: &io::Error) -> HarvestError {
    HarvestError::new(
        HarvestErrorKind::Sink,
        url,
        format!("writing the harvested datasets failed: {error}"),
    )
}

/// Gives one page's datasets to the sink; `Ok(new)` is the number of datasets not seen
/// before (kept or left out by `since`).
pub(crate) fn give_datasets(
    harvester: &Harvester,
    url: &str,
    datasets: Vec<Dataset>,
    seen: &mut Seen,
    report: &mut HarvestReport,
    sink: &mut dyn HarvestSink,
) -> Result<u64, HarvestError> {
    let mut new = 0;
    for dataset in datasets {
        if seen.repeated_dataset(&dataset.id) {
            report.duplicates += 1;
            continue;
        }
        new += 1;
        if harvester.keep(&dataset, report) {
            sink.dataset(dataset).map_err(|e| sink_error(url, &e))?;
            report.datasets += 1;
        }
    }
    Ok(new)
}

/// Percent-encodes a query parameter value.
pub(crate) fn encode_query(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_dates() {
        for good in [
            "2024-01-31",
            "2024-01-31T10:00:00",
            "2024-01-31T10:00:00.123",
        ] {
            assert!(valid_since(good), "{good}");
        }
        for bad in [
            "2024",
            "31/01/2024",
            "2024-01-31T10",
            "2024-01-31T10:00:00.",
            "yesterday",
        ] {
            assert!(!valid_since(bad), "{bad}");
        }
        assert!(Harvester::new().with_since("2024-01-31T10:00:00Z").is_ok());
    }

    #[test]
    fn query_encoding() {
        assert_eq!(
            encode_query("metadata_modified:[2024-01-01T00:00:00Z TO *]"),
            "metadata_modified%3A%5B2024-01-01T00%3A00%3A00Z%20TO%20%2A%5D"
        );
    }
}
