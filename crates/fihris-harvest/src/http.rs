use std::collections::HashMap;
use std::fmt;
use std::io;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use crate::error::{HarvestError, HarvestErrorKind, Retry};

/// The user agent sent by default: `fihris/<version> (+<repository>)`.
pub const USER_AGENT: &str = concat!(
    "fihris/",
    env!("CARGO_PKG_VERSION"),
    " (+",
    env!("CARGO_PKG_REPOSITORY"),
    ")"
);

/// When the last request to a host started; locked while a request to it runs.
type HostGate = Arc<Mutex<Option<Instant>>>;

/// A small, polite, blocking HTTP client shared by the [`crate::Harvester`] and the
/// [`crate::HttpUrlChecker`].
///
/// Polite by default: it names itself ([`USER_AGENT`]), asks for gzip, sends one request
/// at a time to a host with a minimum delay between two (clones share that bookkeeping),
/// retries 429 and 5xx answers, timeouts and cut bodies a bounded number of times with
/// exponential backoff, honouring `Retry-After`, and refuses bodies over a size cap.
///
/// ```
/// use std::time::Duration;
/// use fihris_harvest::HttpClient;
/// let client = HttpClient::new()
///     .with_min_delay(Duration::from_millis(500))
///     .with_max_retries(3)
///     .with_timeout(Duration::from_secs(20));
/// assert_eq!(client.max_retries(), 3);
/// ```
#[derive(Clone)]
pub struct HttpClient {
    user_agent: String,
    timeout: Duration,
    min_delay: Duration,
    max_retries: u32,
    backoff: Duration,
    max_backoff: Duration,
    max_body_bytes: u64,
    env_proxy: bool,
    agent: ureq::Agent,
    hosts: Arc<Mutex<HashMap<String, HostGate>>>,
}

impl fmt::Debug for HttpClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpClient")
            .field("user_agent", &self.user_agent)
            .field("timeout", &self.timeout)
            .field("min_delay", &self.min_delay)
            .field("max_retries", &self.max_retries)
            .field("backoff", &self.backoff)
            .field("max_backoff", &self.max_backoff)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("env_proxy", &self.env_proxy)
            .finish_non_exhaustive()
    }
}

impl Default for HttpClient {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    Get,
    Head,
}

/// An answer, body read (or skipped).
#[derive(Debug)]
pub(crate) struct Fetched {
    pub(crate) status: u16,
    pub(crate) content_type: Option<String>,
    pub(crate) body: Vec<u8>,
}

enum Attempt {
    Answer(Fetched, Option<Duration>),
    Failed(HarvestErrorKind, String),
}

impl HttpClient {
    /// A client with the defaults: [`USER_AGENT`], 30 s timeout, 1 s between two requests
    /// to one host, 4 retries with backoff from 1 s (at most 60 s, `Retry-After` included),
    /// 64 MiB body cap, proxy from the environment (`HTTPS_PROXY`, `NO_PROXY`…).
    #[must_use]
    pub fn new() -> Self {
        let mut client = Self {
            user_agent: USER_AGENT.to_owned(),
            timeout: Duration::from_secs(30),
            min_delay: Duration::from_secs(1),
            max_retries: 4,
            backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(60),
            max_body_bytes: 64 * 1024 * 1024,
            env_proxy: true,
            agent: ureq::Agent::new_with_defaults(),
            hosts: Arc::default(),
        };
        client.rebuild();
        client
    }

    fn rebuild(&mut self) {
        let mut config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .user_agent(self.user_agent.as_str())
            .timeout_global(Some(self.timeout))
            .max_redirects(10);
        if !self.env_proxy {
            config = config.proxy(None);
        }
        self.agent = config.build().into();
    }

    /// The `User-Agent` header (default [`USER_AGENT`]).
    #[must_use]
    pub fn with_user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self.rebuild();
        self
    }

    /// The time one request may take, body included (default 30 s).
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self.rebuild();
        self
    }

    /// The minimum delay between the start of one request to a host and the next one to
    /// the same host (default 1 s).
    #[must_use]
    pub fn with_min_delay(mut self, delay: Duration) -> Self {
        self.min_delay = delay;
        self
    }

    /// How many times a request is retried after a 429, a 5xx, a timeout or a cut body
    /// (default 4).
    #[must_use]
    pub fn with_max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// The first backoff delay, doubled at each retry (default 1 s), and the longest wait
    /// before a retry, `Retry-After` included (default 60 s).
    #[must_use]
    pub fn with_backoff(mut self, first: Duration, longest: Duration) -> Self {
        self.backoff = first;
        self.max_backoff = longest;
        self
    }

    /// The largest body accepted, after decompression (default 64 MiB).
    #[must_use]
    pub fn with_max_body_bytes(mut self, max: u64) -> Self {
        self.max_body_bytes = max;
        self
    }

    /// Whether to use the proxy of the environment (`HTTP_PROXY`, `HTTPS_PROXY`,
    /// `ALL_PROXY`, `NO_PROXY`; default `true`).
    #[must_use]
    pub fn with_env_proxy(mut self, use_it: bool) -> Self {
        self.env_proxy = use_it;
        self.rebuild();
        self
    }

    /// The number of retries after a failed request.
    #[must_use]
    pub fn max_retries(&self) -> u32 {
        self.max_retries
    }

    /// The body size cap in bytes.
    #[must_use]
    pub fn max_body_bytes(&self) -> u64 {
        self.max_body_bytes
    }

    fn gate(&self, host: &str) -> HostGate {
        let mut hosts = self.hosts.lock().unwrap_or_else(PoisonError::into_inner);
        Arc::clone(hosts.entry(host.to_owned()).or_default())
    }

    /// One request with the retries; the answer of any status is returned once retries
    /// are exhausted or the status is not retryable.
    pub(crate) fn fetch(
        &self,
        method: Method,
        url: &str,
        headers: &[(&str, &str)],
        read_body: bool,
        retries: &mut Vec<Retry>,
    ) -> Result<Fetched, HarvestError> {
        let Some(host) = host_of(url) else {
            return Err(HarvestError::new(
                HarvestErrorKind::Usage,
                url,
                "not an http:// or https:// URL",
            ));
        };
        let gate = self.gate(host);
        let mut attempt = 0;
        loop {
            let outcome = {
                // One request at a time per host, and at least `min_delay` between two.
                let mut last = gate.lock().unwrap_or_else(PoisonError::into_inner);
                if let Some(previous) = *last {
                    let ready = previous + self.min_delay;
                    let now = Instant::now();
                    if ready > now {
                        thread::sleep(ready - now);
                    }
                }
                *last = Some(Instant::now());
                self.attempt(method, url, headers, read_body)
            };
            let (kind, reason, status, retry_after) = match outcome {
                Attempt::Answer(fetched, retry_after) => {
                    let status = fetched.status;
                    if !matches!(status, 429 | 500 | 502 | 503 | 504) {
                        return Ok(fetched);
                    }
                    let kind = if status == 429 {
                        HarvestErrorKind::RateLimited
                    } else {
                        HarvestErrorKind::Status
                    };
                    if attempt >= self.max_retries {
                        return Ok(fetched);
                    }
                    (kind, format!("HTTP {status}"), Some(status), retry_after)
                }
                Attempt::Failed(kind, reason) => {
                    let transient = matches!(
                        kind,
                        HarvestErrorKind::Timeout | HarvestErrorKind::Truncated
                    );
                    if !transient || attempt >= self.max_retries {
                        let tries = if attempt == 0 {
                            String::new()
                        } else {
                            format!(" (after {attempt} retries)")
                        };
                        return Err(HarvestError::new(kind, url, format!("{reason}{tries}")));
                    }
                    (kind, reason, None, None)
                }
            };
            let _ = kind;
            let backoff = self
                .backoff
                .saturating_mul(1u32 << attempt.min(16))
                .min(self.max_backoff);
            let delay = retry_after.map_or(backoff, |after| after.min(self.max_backoff));
            retries.push(Retry {
                url: url.to_owned(),
                status,
                reason,
                delay,
            });
            thread::sleep(delay);
            attempt += 1;
        }
    }

    fn attempt(
        &self,
        method: Method,
        url: &str,
        headers: &[(&str, &str)],
        read_body: bool,
    ) -> Attempt {
        let result = match method {
            Method::Get => {
                let mut request = self.agent.get(url);
                for (name, value) in headers {
                    request = request.header(*name, *value);
                }
                request.call()
            }
            Method::Head => {
                let mut request = self.agent.head(url);
                for (name, value) in headers {
                    request = request.header(*name, *value);
                }
                request.call()
            }
        };
        let mut response = match result {
            Ok(response) => response,
            Err(error) => {
                let (kind, reason) = classify(&error, self.timeout, self.max_body_bytes);
                return Attempt::Failed(kind, reason);
            }
        };
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        };
        let content_type = header("content-type");
        let retry_after = header("retry-after")
            .and_then(|value| value.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let body = if read_body && status < 400 {
            match response
                .body_mut()
                .with_config()
                .limit(self.max_body_bytes)
                .read_to_vec()
            {
                Ok(body) => body,
                Err(error) => {
                    let (kind, reason) = classify(&error, self.timeout, self.max_body_bytes);
                    return Attempt::Failed(kind, reason);
                }
            }
        } else {
            Vec::new()
        };
        Attempt::Answer(
            Fetched {
                status,
                content_type,
                body,
            },
            retry_after,
        )
    }
}

fn classify(error: &ureq::Error, timeout: Duration, cap: u64) -> (HarvestErrorKind, String) {
    match error {
        ureq::Error::Timeout(_) => (
            HarvestErrorKind::Timeout,
            format!("no complete answer within {} s", timeout.as_secs_f64()),
        ),
        ureq::Error::BodyExceedsLimit(_) => (
            HarvestErrorKind::TooLarge,
            format!("the body is larger than the cap of {cap} bytes"),
        ),
        ureq::Error::Io(io) => match io.kind() {
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => (
                HarvestErrorKind::Timeout,
                format!("no complete answer within {} s", timeout.as_secs_f64()),
            ),
            io::ErrorKind::UnexpectedEof
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::BrokenPipe
            | io::ErrorKind::InvalidData => (
                HarvestErrorKind::Truncated,
                format!("the body was cut before its end ({io})"),
            ),
            _ => (
                HarvestErrorKind::Connect,
                format!("connection failed: {io}"),
            ),
        },
        ureq::Error::Protocol(error) => (
            HarvestErrorKind::Truncated,
            format!("the answer is not valid HTTP or was cut ({error})"),
        ),
        ureq::Error::BadUri(reason) => (HarvestErrorKind::Usage, format!("bad URL: {reason}")),
        ureq::Error::HostNotFound => (HarvestErrorKind::Connect, "host not found".to_owned()),
        ureq::Error::Decompress(_, io) => (
            HarvestErrorKind::Truncated,
            format!("the compressed body is broken ({io})"),
        ),
        other => (HarvestErrorKind::Connect, other.to_string()),
    }
}

/// The `host[:port]` of an http(s) URL.
pub(crate) fn host_of(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_urls() {
        assert_eq!(host_of("https://data.gov.ma/data/api"), Some("data.gov.ma"));
        assert_eq!(host_of("http://127.0.0.1:8080?x"), Some("127.0.0.1:8080"));
        assert_eq!(host_of("ftp://example.org/"), None);
        assert_eq!(host_of("https:///path"), None);
    }

    #[test]
    fn user_agent_names_the_project() {
        assert!(USER_AGENT.starts_with("fihris/0."));
        assert!(USER_AGENT.contains("(+https://"));
    }
}
