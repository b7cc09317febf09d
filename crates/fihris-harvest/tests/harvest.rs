//! Harvests against scripted HTTP servers on 127.0.0.1: CKAN paging, DCAT Hydra paging,
//! every failure the national portal has been seen to produce, and the URL checker.
#![expect(
    clippy::unwrap_used,
    reason = "a failed set-up step of a test should fail the test"
)]

mod server;

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use fihris_ckan::CkanReader;
use fihris_harvest::{
    HarvestErrorKind, HarvestReport, HarvestSink, Harvester, HttpClient, HttpUrlChecker, Source,
};
use fihris_model::{Catalog, Dataset, Iri};
use fihris_rules::{UrlChecker, UrlStatus};
use server::{Reply, Request, Server};

/// A fast client for tests: no delay between requests, tiny backoff, short timeout.
fn client() -> HttpClient {
    HttpClient::new()
        .with_env_proxy(false)
        .with_min_delay(Duration::ZERO)
        .with_backoff(Duration::from_millis(1), Duration::from_millis(20))
        .with_max_retries(2)
        .with_timeout(Duration::from_secs(10))
}

fn harvester() -> Harvester {
    Harvester::new().with_client(client()).with_page_size(10)
}

fn package(index: usize) -> String {
    format!(
        r#"{{"id": "id-{index}", "name": "jeu-{index}", "title": "Jeu de données {index}",
            "metadata_modified": "2024-01-{day:02}T10:00:00.000000",
            "organization": {{"name": "haut-commissariat-au-plan", "title": "Haut-Commissariat au Plan"}},
            "resources": [{{"url": "https://data.gov.ma/r/{index}.csv", "format": "CSV"}}]}}"#,
        day = 1 + index % 28
    )
}

fn packages(count: usize) -> Vec<String> {
    (0..count).map(package).collect()
}

/// A `package_search` answer of `packages[start..start + rows]`, sorted as CKAN sorts with
/// `metadata_modified asc`, filtered by `fq=metadata_modified:[DATE TO *]`.
fn search(all: &[String], request: &Request) -> Reply {
    let rows: usize = request.param("rows").unwrap().parse().unwrap();
    let start: usize = request.param("start").unwrap().parse().unwrap();
    let since = request.param("fq").map(|fq| {
        fq.strip_prefix("metadata_modified:[")
            .unwrap()
            .strip_suffix(" TO *]")
            .unwrap()
            .trim_end_matches('Z')
            .to_owned()
    });
    let mut selected: Vec<(&str, &String)> = all
        .iter()
        .map(|package| {
            let at = package.find("2024-01-").unwrap();
            (&package[at..at + 26], package)
        })
        .filter(|(modified, _)| since.as_deref().is_none_or(|since| *modified >= since))
        .collect();
    selected.sort_by_key(|(modified, _)| *modified);
    let page: Vec<&str> = selected
        .iter()
        .skip(start)
        .take(rows)
        .map(|(_, package)| package.as_str())
        .collect();
    Reply::json(format!(
        r#"{{"help": "https://ckan/api/3/action/help_show?name=package_search", "success": true,
            "result": {{"count": {}, "sort": "metadata_modified asc", "facets": {{}},
            "results": [{}], "search_facets": {{}}}}}}"#,
        selected.len(),
        page.join(", ")
    ))
}

fn ckan_server(count: usize) -> Server {
    let all = packages(count);
    Server::start(move |request| search(&all, request))
}

#[derive(Default)]
struct Collect {
    header: Option<Catalog>,
    datasets: Vec<Dataset>,
}

impl HarvestSink for Collect {
    fn catalog(&mut self, header: &Catalog) -> std::io::Result<()> {
        assert!(self.header.is_none(), "one header");
        self.header = Some(header.clone());
        Ok(())
    }

    fn dataset(&mut self, dataset: Dataset) -> std::io::Result<()> {
        self.datasets.push(dataset);
        Ok(())
    }
}

fn run(harvester: &Harvester, url: &str) -> (HarvestReport, Collect) {
    let mut sink = Collect::default();
    let report = harvester.harvest(url, &mut sink);
    (report, sink)
}

fn names(sink: &Collect) -> Vec<String> {
    sink.datasets
        .iter()
        .map(|dataset| dataset.id.to_string())
        .collect()
}

#[test]
fn ckan_pages_through_package_search_politely() {
    let server = ckan_server(25);
    let (report, sink) = run(&harvester(), &format!("{}/data/api/3/action/", server.base));
    assert!(report.failure.is_none(), "{:?}", report.failure);
    assert_eq!(report.source, Source::Ckan);
    assert_eq!(
        (report.pages, report.datasets, report.expected),
        (3, 25, Some(25))
    );
    assert_eq!(sink.datasets.len(), 25);
    assert!(sink.header.is_some());
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    for (index, request) in requests.iter().enumerate() {
        assert_eq!(request.path(), "/data/api/3/action/package_search");
        assert_eq!(
            request.param("sort").as_deref(),
            Some("metadata_modified asc")
        );
        assert_eq!(request.param("rows").as_deref(), Some("10"));
        assert_eq!(request.param("start"), Some((index * 10).to_string()));
        assert!(request.param("fq").is_none());
        let agent = request.header("user-agent").unwrap();
        assert!(
            agent.starts_with("fihris/") && agent.contains("(+https://"),
            "{agent}"
        );
        assert!(request.header("accept-encoding").unwrap().contains("gzip"));
    }
    // Sorted by modification date, oldest first.
    let dates: Vec<&str> = sink
        .datasets
        .iter()
        .map(|dataset| dataset.modified.as_ref().unwrap().as_str())
        .collect();
    assert!(dates.windows(2).all(|pair| pair[0] <= pair[1]));
    assert_eq!(report.latest_modified.as_deref(), Some(dates[24]));
}

#[test]
fn ckan_base_url_without_the_api_path_is_detected() {
    let all = packages(3);
    let server = Server::start(move |request| {
        if request
            .path()
            .starts_with("/data/api/3/action/package_search")
        {
            search(&all, request)
        } else {
            Reply::new(
                200,
                "text/html",
                "<!DOCTYPE html><html><body>Portail</body></html>",
            )
        }
    });
    let (report, sink) = run(&harvester(), &format!("{}/data", server.base));
    assert!(report.failure.is_none(), "{:?}", report.failure);
    assert_eq!(report.source, Source::Ckan);
    assert_eq!(sink.datasets.len(), 3);
    // The base IRI of datasets is the portal's.
    assert!(names(&sink)[0].starts_with(&format!("{}/data/dataset/jeu-", server.base)));
}

#[test]
fn ckan_since_harvests_exactly_the_changed_datasets() {
    let server = ckan_server(40);
    let harvester = harvester().with_since("2024-01-20").unwrap();
    let (report, sink) = run(&harvester, &format!("{}/api/3/action", server.base));
    assert!(report.failure.is_none(), "{:?}", report.failure);
    let expected: Vec<String> = (0..40)
        .filter(|index| 1 + index % 28 >= 20)
        .map(|index| format!("jeu-{index}"))
        .collect();
    let mut got: Vec<String> = sink
        .datasets
        .iter()
        .map(|dataset| {
            dataset
                .id
                .to_string()
                .rsplit('/')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect();
    got.sort();
    let mut expected_sorted = expected.clone();
    expected_sorted.sort();
    assert_eq!(got, expected_sorted);
    assert_eq!(report.expected, Some(expected.len() as u64));
    let fq = server.requests()[0].param("fq").unwrap();
    assert_eq!(fq, "metadata_modified:[2024-01-20T00:00:00Z TO *]");
}

#[test]
fn client_side_since_filter_when_the_server_ignores_fq() {
    let all = packages(12);
    let server = Server::start(move |request| {
        let mut request = request.clone();
        request.target = request.target.split("&fq=").next().unwrap().to_owned();
        search(&all, &request)
    });
    let harvester = harvester().with_since("2024-01-10T00:00:00Z").unwrap();
    let (report, sink) = run(&harvester, &format!("{}/api/3/action/", server.base));
    assert!(report.failure.is_none(), "{:?}", report.failure);
    assert_eq!(sink.datasets.len(), 3);
    assert_eq!(report.unchanged, 9);
}

#[test]
fn harvest_equals_converting_the_same_packages_from_a_file() {
    let all = packages(23);
    let server = ckan_server(23);
    let (report, sink) = run(&harvester(), &format!("{}/data/api/3/action/", server.base));
    assert!(report.failure.is_none());
    let file = format!("[{}]", all.join(",\n"));
    let read = CkanReader::new()
        .with_base_iri(&format!("{}/data/", server.base))
        .unwrap()
        .read_slice(file.as_bytes())
        .unwrap();
    let mut from_file = read.catalog.datasets;
    let mut harvested = sink.datasets;
    let key = |dataset: &Dataset| dataset.id.to_string();
    from_file.sort_by_key(key);
    harvested.sort_by_key(key);
    assert_eq!(harvested, from_file);
}

/// With the language `fihris convert` tags CKAN texts with, and the base IRI a file is
/// read with, the harvested datasets are those of the file.
#[test]
fn harvest_with_the_file_readers_language_and_base_iri() {
    let all = packages(12);
    let server = ckan_server(12);
    let harvester = harvester()
        .with_ckan_language("fr")
        .unwrap()
        .with_ckan_base_iri("https://data.gov.ma/data/fr/");
    let (report, sink) = run(&harvester, &format!("{}/data/api/3/action/", server.base));
    assert!(report.failure.is_none(), "{:?}", report.failure);
    let read = CkanReader::new()
        .with_language("fr")
        .unwrap()
        .read_slice(format!("[{}]", all.join(",")).as_bytes())
        .unwrap();
    let mut from_file = read.catalog.datasets;
    let mut harvested = sink.datasets;
    let key = |dataset: &Dataset| dataset.id.to_string();
    from_file.sort_by_key(key);
    harvested.sort_by_key(key);
    assert_eq!(harvested, from_file);
    assert_eq!(
        harvested[0]
            .title
            .get("fr")
            .map(|title| title.starts_with("Jeu de données")),
        Some(true)
    );
    assert!(
        harvested[0]
            .id
            .to_string()
            .starts_with("https://data.gov.ma/data/fr/dataset/jeu-")
    );
    let error = Harvester::new()
        .with_ckan_language("not a tag!")
        .unwrap_err();
    assert_eq!(error.kind(), HarvestErrorKind::Usage);
}

fn counter() -> Arc<AtomicUsize> {
    Arc::new(AtomicUsize::new(0))
}

#[test]
fn rate_limit_is_retried_honouring_retry_after() {
    let all = packages(5);
    let calls = counter();
    let seen = Arc::clone(&calls);
    let server = Server::start(move |request| {
        if seen.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::new(429, "text/plain", "slow down").with_header("Retry-After", "7")
        } else {
            search(&all, request)
        }
    });
    let (report, sink) = run(&harvester(), &format!("{}/api/3/action/", server.base));
    assert!(report.failure.is_none(), "{:?}", report.failure);
    assert_eq!(sink.datasets.len(), 5);
    assert_eq!(report.retries.len(), 1);
    assert_eq!(report.retries[0].status, Some(429));
    // Retry-After (7 s) was read, capped by the client's longest wait (20 ms here), instead
    // of the first backoff step (1 ms).
    assert_eq!(report.retries[0].delay, Duration::from_millis(20));
}

#[test]
fn server_error_then_success_is_retried_with_backoff() {
    let all = packages(15);
    let calls = counter();
    let seen = Arc::clone(&calls);
    let server = Server::start(move |request| {
        // The second page fails twice, then answers.
        if request.param("start").as_deref() == Some("10")
            && seen.fetch_add(1, Ordering::SeqCst) < 2
        {
            Reply::new(500, "text/plain", "oops")
        } else {
            search(&all, request)
        }
    });
    let (report, sink) = run(&harvester(), &format!("{}/api/3/action/", server.base));
    assert!(report.failure.is_none(), "{:?}", report.failure);
    assert_eq!(sink.datasets.len(), 15);
    let delays: Vec<Duration> = report.retries.iter().map(|retry| retry.delay).collect();
    assert_eq!(delays, [Duration::from_millis(1), Duration::from_millis(2)]);
    assert!(report.retries.iter().all(|retry| retry.status == Some(500)));
}

#[test]
fn persistent_server_errors_give_a_partial_harvest() {
    let all = packages(25);
    let server = Server::start(move |request| {
        if request.param("start").as_deref() == Some("20") {
            Reply::new(503, "text/plain", "maintenance")
        } else {
            search(&all, request)
        }
    });
    let (report, sink) = run(&harvester(), &format!("{}/api/3/action/", server.base));
    assert!(report.is_partial());
    assert_eq!(sink.datasets.len(), 20);
    let failure = report.failure.unwrap();
    assert_eq!(failure.kind(), HarvestErrorKind::Status);
    assert_eq!(failure.status(), Some(503));
    assert!(failure.url().contains("start=20"), "{}", failure.url());
    assert!(
        failure.to_string().contains("after the retries"),
        "{failure}"
    );
    assert_eq!(report.retries.len(), 2);
}

fn failing_second_page(
    reply: impl Fn() -> Reply + Send + Sync + 'static,
) -> (HarvestReport, Collect) {
    let all = packages(25);
    let server = Server::start(move |request| {
        if request.param("start").as_deref() == Some("10") {
            reply()
        } else {
            search(&all, request)
        }
    });
    run(&harvester(), &format!("{}/api/3/action/", server.base))
}

#[test]
fn html_firewall_page_stops_with_a_hint() {
    let (report, sink) = failing_second_page(|| {
        Reply::new(
            200,
            "text/html; charset=utf-8",
            "<!DOCTYPE html><html><head><title>Request Rejected</title></head><body>The requested URL was rejected.</body></html>",
        )
    });
    assert_eq!(sink.datasets.len(), 10);
    let failure = report.failure.unwrap();
    assert_eq!(failure.kind(), HarvestErrorKind::Html);
    assert!(failure.url().contains("start=10"));
    assert!(failure.hint().contains("browser"));
}

#[test]
fn success_false_is_an_api_failure() {
    let (report, sink) = failing_second_page(|| {
        Reply::json(
            r#"{"help": "", "success": false, "error": {"__type": "Search Query Error", "message": "Invalid search query"}}"#,
        )
    });
    assert_eq!(sink.datasets.len(), 10);
    let failure = report.failure.unwrap();
    assert_eq!(failure.kind(), HarvestErrorKind::ApiFailure);
    assert!(
        failure.message().contains("Invalid search query"),
        "{failure}"
    );
}

#[test]
fn truncated_body_is_retried_then_reported() {
    let (report, sink) = failing_second_page(|| {
        Reply::Raw(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n{\"success\": true, \"result\": {\"count\": 25, \"results\": [{\"name\": \"cut"
                .to_vec(),
        )
    });
    assert_eq!(sink.datasets.len(), 10);
    let failure = report.failure.unwrap();
    assert_eq!(failure.kind(), HarvestErrorKind::Truncated, "{failure}");
    assert_eq!(report.retries.len(), 2);
}

#[test]
fn body_cut_inside_valid_framing_is_a_syntax_error() {
    let (report, sink) = failing_second_page(|| {
        Reply::json(r#"{"success": true, "result": {"count": 25, "results": [{"name": "cut"#)
    });
    assert_eq!(sink.datasets.len(), 10);
    assert_eq!(report.failure.unwrap().kind(), HarvestErrorKind::Syntax);
}

#[test]
fn oversized_body_is_refused_without_retry() {
    let all = packages(25);
    let server = Server::start(move |request| {
        if request.param("start").as_deref() == Some("10") {
            Reply::json(format!(
                r#"{{"success": true, "padding": "{}"}}"#,
                "x".repeat(200_000)
            ))
        } else {
            search(&all, request)
        }
    });
    let harvester = Harvester::new()
        .with_client(client().with_max_body_bytes(100_000))
        .with_page_size(10);
    let (report, sink) = run(&harvester, &format!("{}/api/3/action/", server.base));
    assert_eq!(sink.datasets.len(), 10);
    let failure = report.failure.unwrap();
    assert_eq!(failure.kind(), HarvestErrorKind::TooLarge);
    assert!(report.retries.is_empty());
}

#[test]
fn slow_server_times_out() {
    let all = packages(25);
    let server = Server::start(move |request| {
        if request.param("start").as_deref() == Some("10") {
            Reply::Slow(Duration::from_secs(3), Box::new(search(&all, request)))
        } else {
            search(&all, request)
        }
    });
    let harvester = Harvester::new()
        .with_client(
            client()
                .with_timeout(Duration::from_millis(300))
                .with_max_retries(0),
        )
        .with_page_size(10);
    let (report, sink) = run(&harvester, &format!("{}/api/3/action/", server.base));
    assert_eq!(sink.datasets.len(), 10);
    let failure = report.failure.unwrap();
    assert_eq!(failure.kind(), HarvestErrorKind::Timeout, "{failure}");
}

#[test]
fn server_ignoring_start_is_a_loop() {
    let all = packages(25);
    let server = Server::start(move |request| {
        let mut request = request.clone();
        request.target = request
            .target
            .replace("start=10", "start=0")
            .replace("start=20", "start=0");
        search(&all, &request)
    });
    let (report, sink) = run(&harvester(), &format!("{}/api/3/action/", server.base));
    assert_eq!(sink.datasets.len(), 10);
    assert_eq!(report.failure.unwrap().kind(), HarvestErrorKind::Loop);
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn gzip_answers_are_decoded() {
    let all = packages(4);
    let server = Server::start(move |request| {
        let Reply::Full { body, .. } = search(&all, request) else {
            unreachable!()
        };
        assert!(request.header("accept-encoding").unwrap().contains("gzip"));
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(&body).unwrap();
        Reply::json(encoder.finish().unwrap()).with_header("Content-Encoding", "gzip")
    });
    let (report, sink) = run(&harvester(), &format!("{}/api/3/action/", server.base));
    assert!(report.failure.is_none(), "{:?}", report.failure);
    assert_eq!(sink.datasets.len(), 4);
}

#[test]
fn bad_urls_fail_at_once() {
    let (report, sink) = run(&harvester(), "ftp://example.org/catalog");
    assert!(sink.datasets.is_empty());
    assert_eq!(report.failure.unwrap().kind(), HarvestErrorKind::Usage);
}

fn udata_fixture(name: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/conformance/opendatateam-udata/udata/harvest/tests/dcat");
    assert!(dir.is_dir(), "{} is missing", dir.display());
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// Serves two udata fixture pages, their links rewritten to this server.
fn hydra_server(first: &str, second: &str) -> Server {
    let pages = [udata_fixture(first), udata_fixture(second)];
    let listener_base = Arc::new(std::sync::OnceLock::<String>::new());
    let base = Arc::clone(&listener_base);
    let server = Server::start(move |request| {
        let base = base.get().unwrap();
        let page = match request.target.as_str() {
            "/catalog.jsonld" | "/catalog.jsonld?page=1" => &pages[0],
            "/catalog.jsonld?page=2" => &pages[1],
            _ => return Reply::new(404, "text/plain", "not found"),
        };
        let body = page.replace(
            "http://data.test.org/catalog.jsonld",
            &format!("{base}/catalog.jsonld"),
        );
        Reply::new(200, "application/ld+json", body)
    });
    listener_base.set(server.base.clone()).unwrap();
    server
}

#[test]
fn dcat_hydra_paged_collection() {
    let server = hydra_server("paged-collection-1.jsonld", "paged-collection-2.jsonld");
    let (report, sink) = run(&harvester(), &format!("{}/catalog.jsonld", server.base));
    assert!(report.failure.is_none(), "{:?}", report.failure);
    assert_eq!(report.source, Source::Dcat);
    assert_eq!(report.pages, 2);
    assert_eq!(report.expected, Some(4));
    let mut ids = names(&sink);
    ids.sort();
    assert_eq!(
        ids,
        [
            "http://data.test.org/datasets/1",
            "http://data.test.org/datasets/2",
            "http://data.test.org/datasets/3",
            "http://data.test.org/datasets/4"
        ]
    );
    let header = sink.header.unwrap();
    assert!(
        header
            .extra_triples
            .iter()
            .all(|t| !t.predicate.as_str().contains("hydra"))
    );
    let accept = server.requests()[0].header("accept").unwrap().to_owned();
    for media in [
        "text/turtle",
        "application/ld+json",
        "application/rdf+xml",
        "application/n-triples",
    ] {
        assert!(accept.contains(media), "{accept}");
    }
}

#[test]
fn dcat_hydra_partial_collection_view() {
    let server = hydra_server("partial-collection-1.jsonld", "partial-collection-2.jsonld");
    let (report, sink) = run(
        &harvester().with_source(Source::Dcat),
        &format!("{}/catalog.jsonld?page=1", server.base),
    );
    assert!(report.failure.is_none(), "{:?}", report.failure);
    assert_eq!(report.pages, 2);
    assert_eq!(sink.datasets.len(), 4);
}

fn turtle_page(base: &str, page: usize, next: Option<usize>, datasets: &[(usize, &str)]) -> String {
    let mut out = String::from(
        "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n@prefix dct: <http://purl.org/dc/terms/> .\n\
         @prefix hydra: <http://www.w3.org/ns/hydra/core#> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\
         <https://region.ma/catalog> a dcat:Catalog ; dct:title \"Région\"@fr .\n",
    );
    for (index, modified) in datasets {
        out.push_str(&format!(
            "<https://region.ma/catalog> dcat:dataset <https://region.ma/d/{index}> .\n\
             <https://region.ma/d/{index}> a dcat:Dataset ; dct:title \"Jeu {index}\"@fr ; dct:modified \"{modified}\"^^xsd:date .\n"
        ));
    }
    out.push_str(&format!(
        "<{base}/feed?page={page}> a hydra:PartialCollectionView"
    ));
    if let Some(next) = next {
        out.push_str(&format!(" ; hydra:next <{base}/feed?page={next}>"));
    }
    out.push_str(" .\n");
    out
}

fn turtle_feed(next_of: fn(usize) -> Option<usize>) -> Server {
    let base = Arc::new(std::sync::OnceLock::<String>::new());
    let shared = Arc::clone(&base);
    let server = Server::start(move |request| {
        let base = shared.get().unwrap();
        assert!(request.header("accept").unwrap().starts_with("text/turtle"));
        let page: usize = request.param("page").map_or(1, |p| p.parse().unwrap());
        let datasets = [(page * 2 - 1, "2024-03-01"), (page * 2, "2024-06-01")];
        Reply::new(
            200,
            "text/turtle; charset=utf-8",
            turtle_page(base, page, next_of(page), &datasets),
        )
    });
    base.set(server.base.clone()).unwrap();
    server
}

#[test]
fn dcat_turtle_feed_with_since() {
    let server = turtle_feed(|page| (page < 3).then_some(page + 1));
    let harvester = harvester().with_since("2024-05-01").unwrap();
    let (report, sink) = run(&harvester, &format!("{}/feed", server.base));
    assert!(report.failure.is_none(), "{:?}", report.failure);
    assert_eq!(report.pages, 3);
    assert_eq!(report.unchanged, 3);
    assert_eq!(
        names(&sink),
        [
            "https://region.ma/d/2",
            "https://region.ma/d/4",
            "https://region.ma/d/6"
        ]
    );
}

#[test]
fn dcat_next_link_looping_back_stops() {
    let server = turtle_feed(|page| Some(if page == 3 { 2 } else { page + 1 }));
    let (report, sink) = run(&harvester(), &format!("{}/feed?page=1", server.base));
    assert_eq!(report.pages, 3);
    assert_eq!(sink.datasets.len(), 6);
    let failure = report.failure.unwrap();
    assert_eq!(failure.kind(), HarvestErrorKind::Loop);
    assert!(failure.url().ends_with("/feed?page=2"), "{}", failure.url());
    assert_eq!(server.requests().len(), 3);
}

#[test]
fn dcat_html_page_is_reported() {
    let server =
        Server::start(|_| Reply::new(200, "text/html", "<html><body>blocked</body></html>"));
    let (report, _) = run(
        &harvester().with_source(Source::Dcat),
        &format!("{}/feed.ttl", server.base),
    );
    assert_eq!(report.failure.unwrap().kind(), HarvestErrorKind::Html);
}

#[test]
fn dcat_invalid_turtle_is_a_syntax_error() {
    let server = Server::start(|_| {
        Reply::new(
            200,
            "text/turtle",
            "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<a> a dcat:Catalog ; ",
        )
    });
    let (report, _) = run(&harvester(), &format!("{}/feed", server.base));
    assert_eq!(report.failure.unwrap().kind(), HarvestErrorKind::Syntax);
}

#[test]
fn sink_errors_stop_the_harvest() {
    let server = ckan_server(25);
    let mut count = 0;
    let report = harvester().harvest(
        &format!("{}/api/3/action/", server.base),
        &mut |_dataset: Dataset| {
            count += 1;
            if count == 12 {
                Err(std::io::Error::other("disk full"))
            } else {
                Ok(())
            }
        },
    );
    let failure = report.failure.unwrap();
    assert_eq!(failure.kind(), HarvestErrorKind::Sink);
    assert!(failure.to_string().contains("disk full"));
    assert_eq!(report.datasets, 11);
}

#[test]
fn url_checker_heads_then_ranged_get_with_a_cache() {
    let server = Server::start(|request| match (request.method.as_str(), request.path()) {
        ("HEAD", "/ok") => Reply::new(200, "text/csv", ""),
        ("HEAD", "/no-head") => Reply::new(405, "text/plain", ""),
        ("GET", "/no-head") if request.header("range") == Some("bytes=0-0") => {
            Reply::new(206, "text/csv", "a").with_header("Content-Range", "bytes 0-0/100")
        }
        _ => Reply::new(404, "text/plain", "missing"),
    });
    let checker = HttpUrlChecker::new(client()).with_max_concurrency(3);
    let url = |path: &str| Iri::new(format!("{}{path}", server.base)).unwrap();
    assert_eq!(checker.check(&url("/ok")), UrlStatus::Reachable);
    assert_eq!(checker.check(&url("/no-head")), UrlStatus::Reachable);
    assert_eq!(checker.check(&url("/gone")), UrlStatus::Unreachable);
    assert_eq!(checker.check(&url("/ok")), UrlStatus::Reachable);
    assert_eq!(
        checker.check(&Iri::new("ftp://example.org/x").unwrap()),
        UrlStatus::NotChecked
    );
    assert_eq!(checker.checked(), 3);
    let requests = server.requests();
    assert_eq!(requests.iter().filter(|r| r.path() == "/ok").count(), 1);
    assert_eq!(
        requests.iter().filter(|r| r.path() == "/no-head").count(),
        2
    );
}

#[test]
fn url_checker_prefetches_a_catalogue_and_serves_check_with() {
    let server = Server::start(|request| {
        if request.path().ends_with(".csv") {
            Reply::new(200, "text/csv", "")
        } else {
            Reply::new(404, "text/plain", "")
        }
    });
    let base = server.base.clone();
    let mut catalog = CkanReader::new()
        .read_slice(format!("[{}]", packages(6).join(",")).as_bytes())
        .unwrap()
        .catalog;
    for (index, dataset) in catalog.datasets.iter_mut().enumerate() {
        for distribution in &mut dataset.distributions {
            let path = if index == 0 { "missing" } else { "data.csv" };
            distribution.access_urls = vec![Iri::new(format!("{base}/{path}")).unwrap()];
            distribution.download_urls = vec![Iri::new(format!("{base}/{index}.csv")).unwrap()];
        }
    }
    let checker = HttpUrlChecker::new(client());
    checker.prefetch_catalog(&catalog);
    // missing, data.csv and six download URLs.
    assert_eq!(checker.checked(), 8);
    let before = server.requests().len();
    let report = fihris_rules::check_with(&catalog, &fihris_rules::RuleSet::default(), &checker);
    assert_eq!(
        server.requests().len(),
        before,
        "check_with is served from the cache"
    );
    let _ = report;
}
