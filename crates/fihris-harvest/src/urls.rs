use std::collections::{HashMap, HashSet};
use std::sync::{Condvar, Mutex, PoisonError};
use std::thread;

use fihris_model::{Catalog, Iri};
use fihris_rules::{UrlChecker, UrlStatus};

use crate::http::{HttpClient, Method, host_of};

/// Checks that URLs answer (HTTP 200..=399), for the quality score's accessibility
/// indicators: `HEAD`, then a ranged `GET` (`Range: bytes=0-0`) when `HEAD` fails or is
/// refused. Each URL is checked once (a cache), by at most a few threads at a time
/// ([`HttpUrlChecker::with_max_concurrency`]), one request at a time per host with the
/// client's delay between two. URLs other than `http(s)://` are not checked.
///
/// Give it to `fihris_rules::check_with`; [`HttpUrlChecker::prefetch_catalog`] first checks
/// a catalogue's URLs in parallel, across hosts.
///
/// ```no_run
/// use fihris_harvest::{HttpClient, HttpUrlChecker};
/// use fihris_model::Iri;
/// use fihris_rules::{UrlChecker, UrlStatus};
/// let checker = HttpUrlChecker::new(HttpClient::new());
/// let status = checker.check(&Iri::new("https://data.gov.ma/data/fr/dataset")?);
/// assert_eq!(status, UrlStatus::Reachable);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct HttpUrlChecker {
    client: HttpClient,
    cache: Mutex<HashMap<String, UrlStatus>>,
    max_concurrency: usize,
    running: Mutex<usize>,
    slot_freed: Condvar,
}

impl HttpUrlChecker {
    /// A checker using `client` (its timeout, retries and politeness), at most 4 requests
    /// at a time.
    #[must_use]
    pub fn new(client: HttpClient) -> Self {
        Self {
            client,
            cache: Mutex::default(),
            max_concurrency: 4,
            running: Mutex::new(0),
            slot_freed: Condvar::new(),
        }
    }

    /// The most requests in flight at once (default 4, at least 1, at most 16).
    #[must_use]
    pub fn with_max_concurrency(mut self, threads: usize) -> Self {
        self.max_concurrency = threads.clamp(1, 16);
        self
    }

    /// The number of distinct URLs checked so far.
    #[must_use]
    pub fn checked(&self) -> usize {
        self.cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// Checks `urls` in parallel (up to the concurrency cap) and caches the answers, so that
    /// the `check` calls that follow are immediate.
    pub fn prefetch<'a>(&self, urls: impl IntoIterator<Item = &'a Iri>) {
        let mut unique = HashSet::new();
        let pending: Vec<&Iri> = urls
            .into_iter()
            .filter(|url| unique.insert(url.as_str()))
            .collect();
        let queue = Mutex::new(pending.into_iter());
        thread::scope(|scope| {
            for _ in 0..self.max_concurrency {
                scope.spawn(|| {
                    loop {
                        let next = queue.lock().unwrap_or_else(PoisonError::into_inner).next();
                        let Some(url) = next else { break };
                        self.check(url);
                    }
                });
            }
        });
    }

    /// Prefetches the access and download URLs of every distribution of `catalog`.
    pub fn prefetch_catalog(&self, catalog: &Catalog) {
        let urls = catalog
            .datasets
            .iter()
            .flat_map(|dataset| &dataset.distributions)
            .flat_map(|distribution| {
                distribution
                    .access_urls
                    .iter()
                    .chain(&distribution.download_urls)
            });
        self.prefetch(urls);
    }

    fn cached(&self, url: &str) -> Option<UrlStatus> {
        self.cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(url)
            .copied()
    }

    fn fetch_status(&self, url: &str) -> UrlStatus {
        {
            let mut running = self.running.lock().unwrap_or_else(PoisonError::into_inner);
            while *running >= self.max_concurrency {
                running = self
                    .slot_freed
                    .wait(running)
                    .unwrap_or_else(PoisonError::into_inner);
            }
            *running += 1;
        }
        let status = self.probe(url);
        *self.running.lock().unwrap_or_else(PoisonError::into_inner) -= 1;
        self.slot_freed.notify_one();
        status
    }

    fn probe(&self, url: &str) -> UrlStatus {
        let mut retries = Vec::new();
        let ok = |status: u16| (200..400).contains(&status);
        let head = self
            .client
            .fetch(Method::Head, url, &[], false, &mut retries);
        if head.is_ok_and(|answer| ok(answer.status)) {
            return UrlStatus::Reachable;
        }
        match self.client.fetch(
            Method::Get,
            url,
            &[("Range", "bytes=0-0")],
            false,
            &mut retries,
        ) {
            Ok(answer) if ok(answer.status) => UrlStatus::Reachable,
            _ => UrlStatus::Unreachable,
        }
    }
}

impl UrlChecker for HttpUrlChecker {
    fn check(&self, url: &Iri) -> UrlStatus {
        let url = url.as_str();
        if host_of(url).is_none() {
            return UrlStatus::NotChecked;
        }
        if let Some(status) = self.cached(url) {
            return status;
        }
        let status = self.fetch_status(url);
        self.cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(url.to_owned(), status);
        status
    }
}
