//! CKAN API harvesting: `package_search` pages, sorted by `metadata_modified`.

use fihris_ckan::{CkanErrorKind, CkanFormat, CkanReader};
use fihris_model::FieldValue;

use crate::error::{HarvestError, HarvestErrorKind};
use crate::harvest::{
    HarvestReport, HarvestSink, Harvester, Seen, Source, encode_query, give_datasets, sink_error,
};
use crate::http::Method;

pub(crate) fn harvest(
    harvester: &Harvester,
    url: &str,
    sink: &mut dyn HarvestSink,
) -> HarvestReport {
    let mut report = HarvestReport::new(Source::Ckan);
    if let Err(error) = run(harvester, url, sink, &mut report) {
        report.failure = Some(error);
    }
    report
}

/// The portal's base URL: `url` without `/api/3/action/…`, query or final `/`.
pub(crate) fn site_of(url: &str) -> &str {
    let url = url.split(['?', '#']).next().unwrap_or(url);
    let url = url.find("/api/3").map_or(url, |at| &url[..at]);
    url.trim_end_matches('/')
}

fn default_base_iri(site: &str) -> String {
    // The national portal's dataset pages live under /data/fr/, which is what the file
    // readers use too: harvesting and converting an export give the same IRIs.
    if site.ends_with("://data.gov.ma/data") {
        format!("{site}/fr/")
    } else {
        format!("{site}/")
    }
}

fn solr_date(since: &str) -> String {
    if since.len() == 10 {
        format!("{since}T00:00:00Z")
    } else {
        format!("{since}Z")
    }
}

pub(crate) fn status_error(url: &str, status: u16) -> HarvestError {
    let (kind, message) = match status {
        429 => (
            HarvestErrorKind::RateLimited,
            "HTTP 429 Too Many Requests, after the retries".to_owned(),
        ),
        500..=599 => (
            HarvestErrorKind::Status,
            format!("HTTP {status} server error, after the retries"),
        ),
        _ => (HarvestErrorKind::Status, format!("HTTP {status}")),
    };
    HarvestError::new(kind, url, message).with_status(status)
}

fn run(
    harvester: &Harvester,
    url: &str,
    sink: &mut dyn HarvestSink,
    report: &mut HarvestReport,
) -> Result<(), HarvestError> {
    let site = site_of(url);
    if crate::http::host_of(site).is_none() {
        return Err(HarvestError::new(
            HarvestErrorKind::Usage,
            url,
            "not an http:// or https:// URL",
        ));
    }
    let endpoint = format!("{site}/api/3/action/package_search");
    let base = harvester
        .ckan_base_iri
        .clone()
        .unwrap_or_else(|| default_base_iri(site));
    let mut reader = CkanReader::new()
        .with_base_iri(&base)
        .map_err(|e| HarvestError::new(HarvestErrorKind::Usage, url, e.to_string()))?;
    if let Some(language) = &harvester.ckan_language {
        reader = reader
            .with_language(language)
            .map_err(|e| HarvestError::new(HarvestErrorKind::Usage, url, e.to_string()))?;
    }
    let filter = harvester
        .since
        .as_deref()
        .map_or_else(String::new, |since| {
            format!(
                "&fq={}",
                encode_query(&format!("metadata_modified:[{} TO *]", solr_date(since)))
            )
        });
    let rows = u64::from(harvester.page_size);
    let mut start = 0u64;
    let mut seen = Seen::default();
    let mut header = false;
    loop {
        if report.pages >= harvester.max_pages {
            return Err(HarvestError::new(
                HarvestErrorKind::Loop,
                &endpoint,
                format!("stopped after {} pages", report.pages),
            ));
        }
        let page_url = format!(
            "{endpoint}?q=%2A%3A%2A&sort=metadata_modified%20asc&rows={rows}&start={start}{filter}"
        );
        let fetched = harvester.client.fetch(
            Method::Get,
            &page_url,
            &[("Accept", "application/json")],
            true,
            &mut report.retries,
        )?;
        if fetched.status >= 400 {
            return Err(status_error(&page_url, fetched.status));
        }
        if seen.repeated_body(&fetched.body) {
            return Err(HarvestError::new(
                HarvestErrorKind::Loop,
                &page_url,
                "this page is the same as an earlier one (the server ignores `start`?)",
            ));
        }
        let read = reader.read_slice(&fetched.body).map_err(|error| {
            let kind = match error.kind() {
                CkanErrorKind::Html => HarvestErrorKind::Html,
                CkanErrorKind::ApiFailure => HarvestErrorKind::ApiFailure,
                _ => HarvestErrorKind::Syntax,
            };
            HarvestError::new(kind, &page_url, error.to_string()).with_status(fetched.status)
        })?;
        if read.format != CkanFormat::PackageSearch {
            return Err(HarvestError::new(
                HarvestErrorKind::Syntax,
                &page_url,
                "the answer is not a package_search result",
            ));
        }
        report.pages += 1;
        let page_warnings = read.warnings.len();
        for warning in &read.warnings {
            report.warn(&page_url, warning);
        }
        let mut catalog = read.catalog;
        let count = search_count(&catalog.extra.fields);
        if count.is_some() {
            report.expected = count;
        }
        let datasets = std::mem::take(&mut catalog.datasets);
        if !header {
            header = true;
            catalog.extra.fields.clear();
            sink.catalog(&catalog)
                .map_err(|e| sink_error(&page_url, &e))?;
        }
        if datasets.is_empty() && page_warnings == 0 {
            return Ok(());
        }
        let any = !datasets.is_empty();
        let new = give_datasets(harvester, &page_url, datasets, &mut seen, report, sink)?;
        if any && new == 0 {
            return Err(HarvestError::new(
                HarvestErrorKind::Loop,
                &page_url,
                "every dataset of this page was already read (the server ignores `start`?)",
            ));
        }
        start += rows;
        if count.is_some_and(|count| start >= count) {
            return Ok(());
        }
    }
}

fn search_count(fields: &[fihris_model::ExtraField]) -> Option<u64> {
    let result = fields.iter().find(|field| field.key == "result")?;
    let FieldValue::Object(result) = &result.value else {
        return None;
    };
    result.iter().find_map(|(key, value)| match value {
        FieldValue::Number(number) if key == "count" => number.parse().ok(),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sites() {
        assert_eq!(
            site_of("https://data.gov.ma/data"),
            "https://data.gov.ma/data"
        );
        assert_eq!(
            site_of("https://data.gov.ma/data/"),
            "https://data.gov.ma/data"
        );
        assert_eq!(
            site_of("https://data.gov.ma/data/api/3/action/package_search?rows=1"),
            "https://data.gov.ma/data"
        );
        assert_eq!(
            site_of("http://127.0.0.1:9/api/3/action/"),
            "http://127.0.0.1:9"
        );
        assert_eq!(
            default_base_iri("https://data.gov.ma/data"),
            "https://data.gov.ma/data/fr/"
        );
        assert_eq!(solr_date("2024-01-02"), "2024-01-02T00:00:00Z");
    }
}
