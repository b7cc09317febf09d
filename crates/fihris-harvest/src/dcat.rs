//! DCAT feed harvesting: content negotiation and Hydra paging.

use fihris_dcat::{DcatReader, RdfFormat};
use fihris_model::{Statement, Term, Triple};

use crate::ckan::status_error;
use crate::error::{HarvestError, HarvestErrorKind};
use crate::harvest::{
    HarvestReport, HarvestSink, Harvester, Seen, Source, give_datasets, sink_error,
};
use crate::http::{Fetched, Method};

const ACCEPT: &str = "text/turtle, application/ld+json;q=0.9, application/rdf+xml;q=0.8, \
                      application/n-triples;q=0.7, application/json;q=0.5, application/xml;q=0.4, \
                      */*;q=0.1";
const HYDRA: &str = "http://www.w3.org/ns/hydra/core#";

/// [`Source::Auto`]: CKAN when the URL names the CKAN API or the answer is not RDF.
pub(crate) fn harvest_auto(
    harvester: &Harvester,
    url: &str,
    sink: &mut dyn HarvestSink,
) -> HarvestReport {
    if url.contains("/api/3/") {
        return crate::ckan::harvest(harvester, url, sink);
    }
    let mut retries = Vec::new();
    match harvester
        .client
        .fetch(Method::Get, url, &[("Accept", ACCEPT)], true, &mut retries)
    {
        Ok(fetched) if fetched.status < 400 && rdf_format(&fetched, url).is_some() => {
            let mut report = harvest(harvester, url, sink, Some(fetched));
            retries.append(&mut report.retries);
            report.retries = retries;
            report
        }
        Ok(_) => {
            let mut report = crate::ckan::harvest(harvester, url, sink);
            retries.append(&mut report.retries);
            report.retries = retries;
            report
        }
        Err(error) => {
            let mut report = HarvestReport::new(Source::Auto);
            report.retries = retries;
            report.failure = Some(error);
            report
        }
    }
}

pub(crate) fn harvest(
    harvester: &Harvester,
    url: &str,
    sink: &mut dyn HarvestSink,
    first: Option<Fetched>,
) -> HarvestReport {
    let mut report = HarvestReport::new(Source::Dcat);
    if let Err(error) = run(harvester, url, sink, first, &mut report) {
        report.failure = Some(error);
    }
    report
}

fn media_type(fetched: &Fetched) -> String {
    fetched
        .content_type
        .as_deref()
        .and_then(|value| value.split(';').next())
        .map(|value| value.trim().to_ascii_lowercase())
        .unwrap_or_default()
}

/// The RDF syntax of an answer: its media type, else the URL's extension, else its first
/// bytes. `None` for HTML and for JSON that is not JSON-LD.
fn rdf_format(fetched: &Fetched, url: &str) -> Option<RdfFormat> {
    let body = &fetched.body;
    let head = String::from_utf8_lossy(&body[..body.len().min(4096)]).to_ascii_lowercase();
    let jsonld =
        head.contains("\"@context\"") || head.contains("\"@id\"") || head.contains("\"@graph\"");
    match media_type(fetched).as_str() {
        "text/turtle" | "application/x-turtle" | "text/n3" => return Some(RdfFormat::Turtle),
        "application/n-triples" => return Some(RdfFormat::NTriples),
        "application/rdf+xml" => return Some(RdfFormat::RdfXml),
        "application/ld+json" => return Some(RdfFormat::JsonLd),
        "application/json" => return jsonld.then_some(RdfFormat::JsonLd),
        "application/xml" | "text/xml" => {
            return head.contains("rdf:rdf").then_some(RdfFormat::RdfXml);
        }
        "text/html" | "application/xhtml+xml" => return None,
        _ => {}
    }
    let path = url.split(['?', '#']).next().unwrap_or(url);
    if let Some(format) = path
        .rsplit_once('.')
        .and_then(|(_, extension)| RdfFormat::from_extension(extension))
        .filter(|_| !path.ends_with('/'))
    {
        return Some(format);
    }
    let start = head.trim_start();
    if start.starts_with("<!doctype html") || start.starts_with("<html") {
        None
    } else if start.starts_with('<') {
        head.contains("rdf:rdf").then_some(RdfFormat::RdfXml)
    } else if start.starts_with('{') || start.starts_with('[') {
        jsonld.then_some(RdfFormat::JsonLd)
    } else if start.starts_with("@prefix")
        || start.starts_with("prefix")
        || start.starts_with("@base")
    {
        Some(RdfFormat::Turtle)
    } else {
        None
    }
}

fn run(
    harvester: &Harvester,
    url: &str,
    sink: &mut dyn HarvestSink,
    mut first: Option<Fetched>,
    report: &mut HarvestReport,
) -> Result<(), HarvestError> {
    let mut seen = Seen::default();
    let mut header = false;
    let mut next = Some(url.to_owned());
    while let Some(page_url) = next.take() {
        if seen.repeated_url(&page_url) {
            return Err(HarvestError::new(
                HarvestErrorKind::Loop,
                &page_url,
                "the next-page link points to a page already read",
            ));
        }
        if report.pages >= harvester.max_pages {
            return Err(HarvestError::new(
                HarvestErrorKind::Loop,
                &page_url,
                format!("stopped after {} pages", report.pages),
            ));
        }
        let fetched = match first.take() {
            Some(fetched) => fetched,
            None => harvester.client.fetch(
                Method::Get,
                &page_url,
                &[("Accept", ACCEPT)],
                true,
                &mut report.retries,
            )?,
        };
        if fetched.status >= 400 {
            return Err(status_error(&page_url, fetched.status));
        }
        if seen.repeated_body(&fetched.body) {
            return Err(HarvestError::new(
                HarvestErrorKind::Loop,
                &page_url,
                "this page is the same as an earlier one",
            ));
        }
        let Some(format) = rdf_format(&fetched, &page_url) else {
            let media = media_type(&fetched);
            let head = String::from_utf8_lossy(&fetched.body[..fetched.body.len().min(512)])
                .to_ascii_lowercase();
            let html =
                media.contains("html") || head.contains("<html") || head.contains("<!doctype html");
            return Err(if html {
                HarvestError::new(
                    HarvestErrorKind::Html,
                    &page_url,
                    "an HTML page came instead of a DCAT feed",
                )
            } else {
                HarvestError::new(
                    HarvestErrorKind::Syntax,
                    &page_url,
                    format!(
                        "the answer ({}) is in no RDF syntax",
                        if media.is_empty() {
                            "no media type"
                        } else {
                            media.as_str()
                        }
                    ),
                )
            }
            .with_status(fetched.status));
        };
        let read = DcatReader::new(format)
            .with_base_iri(page_url.clone())
            .with_max_input_bytes(harvester.client.max_body_bytes())
            .read_slice(&fetched.body)
            .map_err(|error| {
                HarvestError::new(
                    HarvestErrorKind::Syntax,
                    &page_url,
                    format!("not valid {}: {error}", format.name()),
                )
            })?;
        drop(fetched);
        report.pages += 1;
        for warning in &read.warnings {
            report.warn(&page_url, warning);
        }
        let mut catalog = read.catalog;
        let links = hydra_links(&catalog.extra_triples, &catalog.extra.statements);
        next = links.next.map(|link| resolve(&page_url, &link));
        if report.expected.is_none() {
            report.expected = links.total;
        }
        catalog
            .extra_triples
            .retain(|triple| !is_hydra(&triple.predicate, &triple.object));
        catalog
            .extra
            .statements
            .retain(|statement| !is_hydra(&statement.predicate, &statement.object));
        let datasets = std::mem::take(&mut catalog.datasets);
        let series = std::mem::take(&mut catalog.series);
        let services = std::mem::take(&mut catalog.services);
        let records = std::mem::take(&mut catalog.records);
        if !header {
            header = true;
            sink.catalog(&catalog)
                .map_err(|e| sink_error(&page_url, &e))?;
        }
        let any = !datasets.is_empty();
        let new = give_datasets(harvester, &page_url, datasets, &mut seen, report, sink)?;
        for item in series {
            sink.series(item).map_err(|e| sink_error(&page_url, &e))?;
        }
        for item in services {
            sink.service(item).map_err(|e| sink_error(&page_url, &e))?;
        }
        for item in records {
            sink.record(item).map_err(|e| sink_error(&page_url, &e))?;
        }
        if any && new == 0 && next.is_some() {
            return Err(HarvestError::new(
                HarvestErrorKind::Loop,
                &page_url,
                "every dataset of this page was already read",
            ));
        }
    }
    Ok(())
}

fn is_hydra(predicate: &fihris_model::Iri, object: &Term) -> bool {
    predicate.as_str().starts_with(HYDRA)
        || matches!(object, Term::Iri(iri) if iri.as_str().starts_with(HYDRA))
}

struct HydraLinks {
    next: Option<String>,
    total: Option<u64>,
}

fn hydra_links(triples: &[Triple], catalog: &[Statement]) -> HydraLinks {
    let mut links = HydraLinks {
        next: None,
        total: None,
    };
    let pairs = triples
        .iter()
        .map(|triple| (triple.predicate.as_str(), &triple.object))
        .chain(
            catalog
                .iter()
                .map(|statement| (statement.predicate.as_str(), &statement.object)),
        );
    for (predicate, object) in pairs {
        let Some(term) = predicate.strip_prefix(HYDRA) else {
            continue;
        };
        let value = match object {
            Term::Iri(iri) => iri.as_str(),
            Term::Literal(literal) => literal.value(),
            Term::Blank(_) => continue,
        };
        match term {
            "next" | "nextPage" if links.next.is_none() && !value.trim().is_empty() => {
                links.next = Some(value.trim().to_owned());
            }
            "totalItems" if links.total.is_none() => links.total = value.trim().parse().ok(),
            _ => {}
        }
    }
    links
}

/// Resolves a next-page link against the page URL (absolute, `/path` or `?query`).
fn resolve(page: &str, link: &str) -> String {
    if link.starts_with("http://") || link.starts_with("https://") {
        return link.to_owned();
    }
    let scheme_end = page.find("://").map_or(0, |at| at + 3);
    if let Some(path) = link.strip_prefix('/') {
        let host_end = page[scheme_end..]
            .find('/')
            .map_or(page.len(), |at| scheme_end + at);
        return format!("{}/{path}", &page[..host_end]);
    }
    let without_query = page.split(['?', '#']).next().unwrap_or(page);
    if link.starts_with('?') {
        return format!("{without_query}{link}");
    }
    match without_query.rfind('/') {
        Some(at) if at >= scheme_end => format!("{}/{link}", &without_query[..at]),
        _ => format!("{without_query}/{link}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve() {
        let page = "http://127.0.0.1:1/feed/catalog.jsonld?page=1";
        assert_eq!(
            resolve(page, "?page=2"),
            "http://127.0.0.1:1/feed/catalog.jsonld?page=2"
        );
        assert_eq!(
            resolve(page, "/other?page=2"),
            "http://127.0.0.1:1/other?page=2"
        );
        assert_eq!(
            resolve(page, "catalog.jsonld?page=2"),
            "http://127.0.0.1:1/feed/catalog.jsonld?page=2"
        );
        assert_eq!(resolve(page, "https://x.org/p"), "https://x.org/p");
    }

    #[test]
    fn formats_by_media_type_extension_and_content() {
        let fetched = |content_type: Option<&str>, body: &str| Fetched {
            status: 200,
            content_type: content_type.map(str::to_owned),
            body: body.as_bytes().to_vec(),
        };
        let url = "http://127.0.0.1:1/catalog";
        assert_eq!(
            rdf_format(&fetched(Some("text/turtle; charset=utf-8"), ""), url),
            Some(RdfFormat::Turtle)
        );
        assert_eq!(rdf_format(&fetched(Some("text/html"), "<html>"), url), None);
        assert_eq!(
            rdf_format(
                &fetched(Some("application/json"), r#"{"success": true}"#),
                url
            ),
            None
        );
        assert_eq!(
            rdf_format(&fetched(Some("application/json"), r#"{"@graph": []}"#), url),
            Some(RdfFormat::JsonLd)
        );
        assert_eq!(
            rdf_format(&fetched(None, ""), "http://h/c.rdf"),
            Some(RdfFormat::RdfXml)
        );
        assert_eq!(
            rdf_format(&fetched(None, "<!DOCTYPE html><html>"), url),
            None
        );
        assert_eq!(
            rdf_format(&fetched(Some("text/plain"), "@prefix dcat: <x#> ."), url),
            Some(RdfFormat::Turtle)
        );
    }
}
