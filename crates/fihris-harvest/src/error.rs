use std::fmt;
use std::time::Duration;

/// Why a page or a whole harvest failed: the URL that failed, what happened and what to do.
///
/// ```
/// use fihris_harvest::{Harvester, HarvestErrorKind};
/// let error = Harvester::new().with_since("last tuesday").err().ok_or("accepted")?;
/// assert_eq!(error.kind(), HarvestErrorKind::Usage);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct HarvestError {
    kind: HarvestErrorKind,
    url: String,
    message: String,
    status: Option<u16>,
}

/// What kind of problem a [`HarvestError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HarvestErrorKind {
    /// A bad URL or option (not retried).
    Usage,
    /// The server could not be reached (name not found, connection refused, TLS).
    Connect,
    /// The server did not answer in time, after the retries.
    Timeout,
    /// The server kept answering 429 Too Many Requests, after the retries.
    RateLimited,
    /// An HTTP error status (4xx, or 5xx after the retries).
    Status,
    /// The body was cut before its end (after the retries).
    Truncated,
    /// The body is larger than the size cap.
    TooLarge,
    /// An HTML page came instead of data (an error page, a firewall, a login page).
    Html,
    /// The CKAN API answered `"success": false`.
    ApiFailure,
    /// The body is not the data expected (invalid JSON or RDF).
    Syntax,
    /// A page already read came again (a loop in the paging links, or a server ignoring
    /// the paging parameters): the harvest stopped instead of spinning.
    Loop,
    /// Writing the harvested datasets failed.
    Sink,
}

impl HarvestError {
    pub(crate) fn new(
        kind: HarvestErrorKind,
        url: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            kind,
            url: url.into(),
            message: message.into(),
            status: None,
        }
    }

    pub(crate) fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// What kind of problem this is.
    #[must_use]
    pub fn kind(&self) -> HarvestErrorKind {
        self.kind
    }

    /// The URL of the page that failed (empty for an option error).
    #[must_use]
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The last HTTP status received, if any.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// What happened, without the URL.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// What to do about it, for people.
    #[must_use]
    pub fn hint(&self) -> &'static str {
        match self.kind {
            HarvestErrorKind::Usage => "check the URL and the options",
            HarvestErrorKind::Connect => {
                "check the host name and the network, then run the harvest again"
            }
            HarvestErrorKind::Timeout => {
                "the server is slow: try again later, or raise the timeout; resume with --since"
            }
            HarvestErrorKind::RateLimited => {
                "the server asks to slow down: raise the delay between requests and try again later"
            }
            HarvestErrorKind::Status => {
                "check the URL (a CKAN portal's base URL, e.g. https://data.gov.ma/data, or a DCAT feed); on a 5xx, try again later"
            }
            HarvestErrorKind::Truncated => {
                "the connection dropped mid-page: try again later; resume with --since"
            }
            HarvestErrorKind::TooLarge => {
                "the page is over the size cap: ask for smaller pages or raise the cap"
            }
            HarvestErrorKind::Html => {
                "open the URL in a browser: a firewall, login or error page answered instead of the data"
            }
            HarvestErrorKind::ApiFailure => {
                "the CKAN API refused the request: check the base URL and the --since date"
            }
            HarvestErrorKind::Syntax => {
                "the page is not valid data: check that the URL is a CKAN API or a DCAT feed"
            }
            HarvestErrorKind::Loop => {
                "the server's paging repeats itself: the datasets read so far are kept; report it to the portal"
            }
            HarvestErrorKind::Sink => "check the output path and the free disk space",
        }
    }
}

impl fmt::Display for HarvestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.url.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.url, self.message)
        }
    }
}

impl std::error::Error for HarvestError {}

/// One retried request, as reported in a [`crate::HarvestReport`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Retry {
    /// The URL retried.
    pub url: String,
    /// The HTTP status that caused the retry (`None` for a timeout, a dropped connection or
    /// a cut body).
    pub status: Option<u16>,
    /// What went wrong.
    pub reason: String,
    /// How long the harvester waited before retrying (the server's `Retry-After`, capped,
    /// or the exponential backoff).
    pub delay: Duration,
}
