//! A local CKAN 2.9 API serving a generated catalogue, for harvest benches and tests.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crate::GeneratedCatalogue;

/// The path of the CKAN action API under the server's address, as on the national portal.
pub const CKAN_API_PATH: &str = "/data/api/3/action/";

/// The most rows CKAN gives in one `package_search` page (its `ckan.search.rows_max`).
const ROWS_MAX: usize = 1_000;

/// The packages, sorted as `package_search` sorts with `sort=metadata_modified asc`.
struct Packages {
    /// Every package's JSON, one after the other, without line ends.
    bytes: Vec<u8>,
    /// Where each package ends in `bytes`, in sorted order (package `i` is
    /// `bytes[ends[i - 1]..ends[i]]`).
    ends: Vec<usize>,
}

impl Packages {
    fn get(&self, position: usize) -> &[u8] {
        let start = if position == 0 {
            0
        } else {
            self.ends[position - 1]
        };
        &self.bytes[start..self.ends[position]]
    }
}

/// A CKAN 2.9 action API on `127.0.0.1` (a free port) that answers
/// `package_search?rows=R&start=S` with the packages of a [`GeneratedCatalogue`] sorted by
/// `metadata_modified` (oldest first, ties in generation order), as CKAN does with
/// `sort=metadata_modified asc`, in CKAN's envelope (`help`, `success`, `result` with
/// `count`, `sort`, `facets`, `results`, `search_facets`). `rows` is at most 1 000 (CKAN's
/// default `ckan.search.rows_max`, a larger value is a 409 validation error as in CKAN),
/// `q` and `sort` are accepted and `fq` is ignored; any other path is a 404 CKAN error.
/// Answers are uncompressed JSON with a `Content-Length`, one per connection.
///
/// One thread accepts connections and one thread serves each; the server stops when it is
/// dropped. It only ever listens on the loopback interface.
///
/// ```
/// use fihris_benches::{CkanServer, GeneratedCatalogue};
/// let server = CkanServer::start(GeneratedCatalogue::new(25))?;
/// assert!(server.api_url().starts_with("http://127.0.0.1:"));
/// let mut lines = Vec::new();
/// server.write_json_lines(&mut lines)?;
/// assert_eq!(lines.iter().filter(|b| **b == b'\n').count(), 25);
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct CkanServer {
    address: SocketAddr,
    packages: Arc<Packages>,
    requests: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for CkanServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CkanServer")
            .field("address", &self.address)
            .field("packages", &self.packages.ends.len())
            .field("requests", &self.requests())
            .finish_non_exhaustive()
    }
}

impl CkanServer {
    /// Generates the catalogue's packages, sorts them and starts serving them.
    ///
    /// # Errors
    ///
    /// When no port can be bound on `127.0.0.1`.
    pub fn start(catalogue: GeneratedCatalogue) -> io::Result<Self> {
        let packages = Arc::new(sorted_packages(catalogue));
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let address = listener.local_addr()?;
        let requests = Arc::new(AtomicU64::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let acceptor = {
            let packages = Arc::clone(&packages);
            let requests = Arc::clone(&requests);
            let stop = Arc::clone(&stop);
            thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let packages = Arc::clone(&packages);
                    let requests = Arc::clone(&requests);
                    thread::spawn(move || {
                        let _ = serve(stream, &packages, &requests, address);
                    });
                }
            })
        };
        Ok(Self {
            address,
            packages,
            requests,
            stop,
            acceptor: Some(acceptor),
        })
    }

    /// `http://127.0.0.1:PORT`, the server's address.
    #[must_use]
    pub fn base_url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// The CKAN action API: `http://127.0.0.1:PORT/data/api/3/action/`.
    #[must_use]
    pub fn api_url(&self) -> String {
        format!("http://{}{CKAN_API_PATH}", self.address)
    }

    /// Number of packages served.
    #[must_use]
    pub fn len(&self) -> usize {
        self.packages.ends.len()
    }

    /// Whether the catalogue served is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.packages.ends.is_empty()
    }

    /// Requests answered (or being answered) so far.
    #[must_use]
    pub fn requests(&self) -> u64 {
        self.requests.load(Ordering::SeqCst)
    }

    /// Writes the packages served as CKAN JSON lines, in the order `package_search` pages
    /// give them: the file a harvest of this server should convert to.
    ///
    /// # Errors
    ///
    /// When writing fails.
    pub fn write_json_lines(&self, mut output: impl Write) -> io::Result<()> {
        for position in 0..self.packages.ends.len() {
            output.write_all(self.packages.get(position))?;
            output.write_all(b"\n")?;
        }
        Ok(())
    }
}

impl Drop for CkanServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the acceptor up so that it sees `stop`.
        let _ = TcpStream::connect_timeout(&self.address, Duration::from_secs(1));
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

fn sorted_packages(catalogue: GeneratedCatalogue) -> Packages {
    const MODIFIED: &[u8] = b"\"metadata_modified\":\"";
    let mut lines: Vec<(Vec<u8>, Vec<u8>)> = (0..catalogue.len())
        .map(|index| {
            let mut line = Vec::new();
            catalogue.package_line(index, &mut line);
            if line.last() == Some(&b'\n') {
                line.pop();
            }
            let modified = line
                .windows(MODIFIED.len())
                .position(|window| window == MODIFIED)
                .map(|at| at + MODIFIED.len())
                .and_then(|start| {
                    let end = start + line[start..].iter().position(|b| *b == b'"')?;
                    Some(line[start..end].to_vec())
                })
                .unwrap_or_default();
            (modified, line)
        })
        .collect();
    // Stable: ties keep the generation order.
    lines.sort_by(|a, b| a.0.cmp(&b.0));
    let mut packages = Packages {
        bytes: Vec::with_capacity(lines.iter().map(|(_, line)| line.len()).sum()),
        ends: Vec::with_capacity(lines.len()),
    };
    for (_, line) in lines {
        packages.bytes.extend_from_slice(&line);
        packages.ends.push(packages.bytes.len());
    }
    packages
}

fn serve(
    stream: TcpStream,
    packages: &Packages,
    requests: &AtomicU64,
    address: SocketAddr,
) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        // The wake-up connection of `Drop`, or a client that gave up.
        return Ok(());
    }
    requests.fetch_add(1, Ordering::SeqCst);
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_owned();
    let target = parts.next().unwrap_or("").to_owned();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let (status, body) = answer(&method, &target, packages, address);
    let reason = match status {
        200 => "OK",
        404 => "NOT FOUND",
        405 => "METHOD NOT ALLOWED",
        _ => "CONFLICT",
    };
    let mut stream = stream;
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json;charset=utf-8\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()?;
    stream.shutdown(Shutdown::Write)?;
    // Drains, so that the client never sees a reset before reading the answer.
    let _ = reader.read(&mut [0; 16]);
    Ok(())
}

fn answer(method: &str, target: &str, packages: &Packages, address: SocketAddr) -> (u16, Vec<u8>) {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let help = format!("http://{address}{CKAN_API_PATH}help_show?name=package_search");
    let error = |status: u16, kind: &str, message: &str| {
        let body = format!(
            "{{\"help\": \"{help}\", \"success\": false, \"error\": {{\"__type\": \"{kind}\", \"message\": \"{message}\"}}}}"
        );
        (status, body.into_bytes())
    };
    if path.strip_prefix(CKAN_API_PATH) != Some("package_search") {
        return error(404, "Not Found Error", "Not found");
    }
    if method != "GET" && method != "HEAD" {
        return error(405, "Validation Error", "Method not allowed");
    }
    let param = |name: &str| {
        query.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (key == name).then_some(value)
        })
    };
    let rows = match param("rows").map(str::parse::<usize>) {
        None => 10,
        Some(Ok(rows)) if rows <= ROWS_MAX => rows,
        Some(_) => {
            return error(
                409,
                "Validation Error",
                "rows: Must be an integer between 0 and 1000",
            );
        }
    };
    let Ok(start) = param("start").map_or(Ok(0), str::parse::<usize>) else {
        return error(409, "Validation Error", "start: Invalid integer");
    };
    let count = packages.ends.len();
    let end = count.min(start.saturating_add(rows));
    let first = start.min(end);
    let size: usize = (first..end).map(|i| packages.get(i).len() + 2).sum();
    let mut body = Vec::with_capacity(size + 512);
    body.extend_from_slice(
        format!(
            "{{\"help\": \"{help}\", \"success\": true, \"result\": {{\"count\": {count}, \
             \"facets\": {{}}, \"results\": ["
        )
        .as_bytes(),
    );
    for position in first..end {
        if position > first {
            body.extend_from_slice(b", ");
        }
        body.extend_from_slice(packages.get(position));
    }
    body.extend_from_slice(b"], \"sort\": \"metadata_modified asc\", \"search_facets\": {}}}");
    (200, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address() -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], 5000))
    }

    #[test]
    fn pages_are_sorted_slices_of_the_catalogue() {
        let packages = sorted_packages(GeneratedCatalogue::new(30));
        let (status, body) = answer(
            "GET",
            "/data/api/3/action/package_search?q=%2A%3A%2A&sort=metadata_modified%20asc&rows=20&start=20",
            &packages,
            address(),
        );
        assert_eq!(status, 200);
        let read = fihris_ckan::CkanReader::new()
            .read_slice(&body)
            .expect("a package_search answer");
        assert_eq!(read.format, fihris_ckan::CkanFormat::PackageSearch);
        assert_eq!(read.catalog.datasets.len(), 10);
        let modified: Vec<&[u8]> = (0..30)
            .map(|i| {
                let package = packages.get(i);
                let at = package
                    .windows(19)
                    .position(|w| w == b"metadata_modified\":")
                    .expect("a date");
                &package[at..at + 50]
            })
            .collect();
        assert!(modified.windows(2).all(|pair| pair[0] <= pair[1]));
    }

    #[test]
    fn errors_as_ckan_gives_them() {
        let packages = sorted_packages(GeneratedCatalogue::new(3));
        for (target, status) in [
            ("/data/api/3/action/package_show?id=x", 404),
            ("/data/api/3/action/package_search?rows=1001", 409),
            ("/data/api/3/action/package_search?start=-1", 409),
        ] {
            let (got, body) = answer("GET", target, &packages, address());
            assert_eq!(got, status, "{target}");
            assert!(
                String::from_utf8_lossy(&body).contains("\"success\": false"),
                "{target}"
            );
        }
        let (status, body) = answer(
            "GET",
            "/data/api/3/action/package_search?start=5",
            &packages,
            address(),
        );
        assert_eq!(status, 200);
        assert!(
            String::from_utf8_lossy(&body)
                .contains("\"count\": 3, \"facets\": {}, \"results\": []")
        );
    }
}
