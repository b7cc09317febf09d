use std::borrow::Cow;
use std::io::{BufRead, Read};

use fihris_model::{Catalog, ExtraField, FieldValue, Iri, LanguageTag, NodeId, Text};

use crate::error::{CkanError, CkanErrorKind, CkanWarning, CkanWarningKind};
use crate::json::{
    Fields, Value, get, line_column, parse_document, parse_value_at, skip_whitespace,
};
use crate::mapping::{Options, Sink, read_package};

/// The shapes of CKAN API JSON that fihris reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CkanFormat {
    /// One bare package object (what `package_show` returns in `result`).
    Package,
    /// A `package_show` answer: `{"success": true, "result": {package}}`.
    PackageShow,
    /// A `package_search` answer: `{"success": true, "result": {"count": n, "results": [...]}}`.
    PackageSearch,
    /// A JSON array of packages (`current_package_list_with_resources`, exports).
    PackageList,
    /// JSON lines: one package object per line.
    JsonLines,
}

/// What [`CkanReader`] read: the catalogue, the warnings on its records and the shape of
/// the input (to write it back the same way).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CkanRead {
    /// The datasets read; envelope fields (`help`, search facets) are kept in
    /// `catalog.extra.fields`.
    pub catalog: Catalog,
    /// Repairs, unknown organisations, themes, formats and licences, and skipped records.
    pub warnings: Vec<CkanWarning>,
    /// The shape of the input.
    pub format: CkanFormat,
}

/// Reads CKAN API JSON into the model.
///
/// ```
/// use fihris_ckan::CkanReader;
/// let read = CkanReader::new().read_slice(br#"{"name": "ipc", "title": "Indice des prix (Mensuel)"}"#)?;
/// assert_eq!(read.catalog.datasets[0].title.get(""), Some("Indice des prix (Mensuel)"));
/// # Ok::<(), fihris_ckan::CkanError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct CkanReader {
    options: Options,
}

impl CkanReader {
    /// A reader with the portal's base IRI `https://data.gov.ma/data/fr/` and untagged texts.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The base IRI of the portal: datasets without a `uri` become `<base>dataset/<name>`,
    /// resources `<dataset>/resource/<id>`, unknown organisations `<base>organization/<name>`.
    /// A missing final `/` is added.
    ///
    /// # Errors
    ///
    /// [`CkanErrorKind::Config`] when `base` is not an absolute IRI.
    pub fn with_base_iri(mut self, base: &str) -> Result<Self, CkanError> {
        self.options.base = normalise_base(base)?;
        Ok(self)
    }

    /// Tags titles, descriptions and keywords with this language, or `ar` when they are
    /// written in Arabic script. Without it, texts are untagged.
    ///
    /// # Errors
    ///
    /// [`CkanErrorKind::Config`] when `tag` is not a BCP 47 language tag.
    pub fn with_language(mut self, tag: &str) -> Result<Self, CkanError> {
        let tag = LanguageTag::new(tag)
            .map_err(|e| CkanError::new(CkanErrorKind::Config, e.to_string()))?;
        self.options.language = Some(tag);
        Ok(self)
    }

    /// Reads everything from `reader`, then as [`CkanReader::read_slice`].
    ///
    /// # Errors
    ///
    /// As [`CkanReader::read_slice`], and [`CkanErrorKind::Io`] when reading fails.
    pub fn read(&self, mut reader: impl Read) -> Result<CkanRead, CkanError> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).map_err(CkanError::io)?;
        self.read_slice(&bytes)
    }

    /// Reads a package, a `package_show` or `package_search` answer, a list of packages
    /// or JSON lines of packages, telling them apart. UTF-8 (with or without a byte order
    /// mark) and UTF-16 with a byte order mark are accepted.
    ///
    /// A broken package in a list, a search result or a JSON line is a
    /// [`CkanWarningKind::BrokenRecord`] warning and the rest is read.
    ///
    /// # Errors
    ///
    /// [`CkanErrorKind::Syntax`] (with line and column) for text that is not JSON,
    /// [`CkanErrorKind::Encoding`] for bytes that are not UTF-8,
    /// [`CkanErrorKind::Html`] for an HTML page, [`CkanErrorKind::ApiFailure`] for a
    /// `"success": false` answer, [`CkanErrorKind::Shape`] for other JSON, and
    /// [`CkanErrorKind::Package`] when the input is one package that cannot be read.
    pub fn read_slice(&self, input: &[u8]) -> Result<CkanRead, CkanError> {
        match shape(input)? {
            Shape::JsonLines(lines) => self.read_json_lines_slice(&lines),
            Shape::Document(value) => self.read_document(value),
        }
    }

    /// Reads what [`CkanReader::read_slice`] reads, handing the datasets over one at a time
    /// instead of gathering them: JSON lines of UTF-8 are read a line at a time as the
    /// stream is iterated, so memory holds one package whatever the size of the input.
    /// Other shapes (and UTF-16 input) are read whole first. The datasets, their order
    /// and the warnings are those of `read_slice`.
    ///
    /// ```
    /// use fihris_ckan::{CkanFormat, CkanReader};
    /// let input = b"{\"name\": \"ipc\", \"title\": \"IPC\"}\nnot json\n{\"name\": \"pib\", \"title\": \"PIB\"}\n";
    /// let mut stream = CkanReader::new().stream_slice(input)?;
    /// assert_eq!(stream.format(), CkanFormat::JsonLines);
    /// let header = stream.catalog().clone();
    /// let datasets = stream.by_ref().collect::<Result<Vec<_>, _>>()?;
    /// assert_eq!((header.datasets.len(), datasets.len()), (0, 2));
    /// assert_eq!(stream.take_warnings()[0].line(), Some(2));
    /// # Ok::<(), fihris_ckan::CkanError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`CkanReader::read_slice`], for what makes the whole input unreadable.
    pub fn stream_slice<'a>(&self, input: &'a [u8]) -> Result<CkanStream<&'a [u8]>, CkanError> {
        match shape(input)? {
            // The lines from the start: `JsonLines` skips a byte order mark itself.
            Shape::JsonLines(Cow::Borrowed(_)) => self.stream_lines(input),
            Shape::JsonLines(Cow::Owned(lines)) => Ok(Self::stream_whole(
                self.read_json_lines_slice(&lines)?,
                input.len(),
            )),
            Shape::Document(value) => {
                Ok(Self::stream_whole(self.read_document(value)?, input.len()))
            }
        }
    }

    /// Reads what [`CkanReader::read`] reads, handing the datasets over as
    /// [`CkanReader::stream_slice`] does, without holding the input: JSON lines whose first two
    /// packages are lines of UTF-8 are read a line at a time from `reader`. Anything else is
    /// read whole first, as `read` reads it.
    ///
    /// ```
    /// use fihris_ckan::{CkanFormat, CkanReader};
    /// let input = b"{\"name\": \"ipc\", \"title\": \"IPC\"}\n{\"name\": \"pib\", \"title\": \"PIB\"}\n";
    /// let mut stream = CkanReader::new().stream_reader(&input[..])?;
    /// assert_eq!(stream.format(), CkanFormat::JsonLines);
    /// assert_eq!(stream.by_ref().count(), 2);
    /// assert_eq!(stream.position(), input.len() as u64);
    /// # Ok::<(), fihris_ckan::CkanError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`CkanReader::read`], for what makes the whole input unreadable.
    pub fn stream_reader<R: BufRead>(
        &self,
        mut reader: R,
    ) -> Result<CkanStream<Rewound<R>>, CkanError> {
        // The first two lines that are not blank, and what precedes them.
        let mut start = Vec::new();
        // Owned: `start` grows after it.
        let mut first: Option<(Value<'static>, std::ops::Range<usize>)> = None;
        let mut packages = 0;
        let mut at_end = false;
        while packages < 2 {
            let line_start = start.len();
            if reader
                .read_until(b'\n', &mut start)
                .map_err(CkanError::io)?
                == 0
            {
                at_end = true;
                break;
            }
            let mut line = &start[line_start..];
            if line_start == 0 {
                line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            // What `read_slice` would also take for JSON lines (see `shape`): a package
            // object alone on its line, then one at the start of a line.
            let package = std::str::from_utf8(line)
                .ok()
                .filter(|line| packages == 0 || !line.starts_with(char::is_whitespace))
                .and_then(|line| match parse_document(line) {
                    Ok(value @ Value::Object(_)) => Some(value.into_owned()),
                    _ => None,
                });
            let Some(package) = package else { break };
            if packages == 0 {
                first = Some((package, line_start..start.len()));
            }
            packages += 1;
        }
        if packages == 2 {
            return self.stream_lines(std::io::Cursor::new(start).chain(reader));
        }
        reader.read_to_end(&mut start).map_err(CkanError::io)?;
        // One object and JSON whitespace: the document `read_slice` would read, already
        // parsed (a CKAN API answer is one line).
        if let (true, Some((value, line))) = (at_end, first) {
            let json_whitespace = |bytes: &[u8]| {
                bytes
                    .iter()
                    .all(|byte| matches!(byte, b' ' | b'\t' | b'\n' | b'\r'))
            };
            let before = &start[..line.start];
            let before = before.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(before);
            if json_whitespace(before) && json_whitespace(&start[line.end..]) {
                return Ok(Self::stream_whole(self.read_document(value)?, start.len()));
            }
        }
        Ok(Self::stream_whole(self.read_slice(&start)?, start.len()))
    }

    /// A stream of JSON lines read from `reader` as they are asked for.
    fn stream_lines<R: BufRead>(&self, reader: R) -> Result<CkanStream<R>, CkanError> {
        Ok(CkanStream {
            catalog: self.catalog()?,
            format: CkanFormat::JsonLines,
            source: Source::Lines(self.json_lines(reader)),
        })
    }

    /// A stream of what was read whole from `size` bytes.
    fn stream_whole<R>(mut read: CkanRead, size: usize) -> CkanStream<R> {
        let datasets = std::mem::take(&mut read.catalog.datasets);
        CkanStream {
            catalog: read.catalog,
            format: read.format,
            source: Source::Read {
                datasets: datasets.into_iter(),
                warnings: read.warnings,
                size: size as u64,
            },
        }
    }

    /// Reads JSON lines of packages as they come (memory holds the model, not the input).
    /// Blank lines are skipped; a line that is not a readable package is a
    /// [`CkanWarningKind::BrokenRecord`] warning with its line and column.
    ///
    /// # Errors
    ///
    /// [`CkanErrorKind::Io`] when reading fails.
    pub fn read_json_lines(&self, reader: impl BufRead) -> Result<CkanRead, CkanError> {
        let mut catalog = self.catalog()?;
        let mut lines = self.json_lines(reader);
        for dataset in &mut lines {
            catalog.datasets.push(dataset?);
        }
        Ok(CkanRead {
            catalog,
            warnings: lines.take_warnings(),
            format: CkanFormat::JsonLines,
        })
    }

    /// [`CkanReader::read_json_lines`] of a whole input, on two threads from
    /// [`PARALLEL_FROM`] bytes: each reads a half (split after a newline), and the second
    /// half's warnings are then numbered after the first's. A package's model does not
    /// depend on where it is, except an unnamed package or resource, named by the package's
    /// position among the readable ones, which the second thread cannot know: if it met one,
    /// the second half is read again after the first.
    fn read_json_lines_slice(&self, input: &[u8]) -> Result<CkanRead, CkanError> {
        let middle = input.len() / 2;
        let split = (input.len() >= PARALLEL_FROM)
            .then(|| input[middle..].iter().position(|&byte| byte == b'\n'))
            .flatten()
            .map(|newline| middle + newline + 1);
        let Some(split) = split else {
            return self.read_json_lines(input);
        };
        let (first_bytes, second_bytes) = input.split_at(split);
        let mut second_lines = self.json_lines(second_bytes);
        second_lines.at_start = false;
        let (first, second) = std::thread::scope(|scope| {
            let second = scope.spawn(move || read_all_lines(second_lines));
            let first = read_all_lines(self.json_lines(first_bytes));
            let second = second
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (first, second)
        });
        let (mut datasets, first) = first?;
        let (mut second_datasets, mut second) = second?;
        if second.position_used {
            let mut again = self.json_lines(second_bytes);
            again.at_start = false;
            again.line_number = first.line_number;
            again.record = first.record;
            again.datasets = first.datasets;
            (second_datasets, second) = read_all_lines(again)?;
        } else {
            for warning in &mut second.warnings {
                warning.shift(first.record, first.line_number);
            }
        }
        datasets.extend(second_datasets);
        let mut catalog = self.catalog()?;
        catalog.datasets = datasets;
        let mut warnings = first.warnings;
        warnings.extend(second.warnings);
        Ok(CkanRead {
            catalog,
            warnings,
            format: CkanFormat::JsonLines,
        })
    }

    /// Reads JSON lines of packages one at a time: an iterator of datasets, holding one
    /// line in memory, for catalogues too large to hold whole. Warnings gather in the
    /// iterator ([`JsonLines::take_warnings`] drains them, keeping memory flat).
    ///
    /// ```
    /// use fihris_ckan::CkanReader;
    /// let input = b"{\"name\": \"ipc\", \"title\": \"Indice des prix\"}\nnot json\n{\"name\": \"pib\", \"title\": \"PIB\"}\n";
    /// let mut lines = CkanReader::new().json_lines(&input[..]);
    /// let names: Vec<String> = lines
    ///     .by_ref()
    ///     .map(|dataset| dataset.map(|d| d.id.to_string()))
    ///     .collect::<Result<_, _>>()?;
    /// assert_eq!(names.len(), 2);
    /// assert_eq!(lines.take_warnings()[0].line(), Some(2));
    /// # Ok::<(), fihris_ckan::CkanError>(())
    /// ```
    pub fn json_lines<R: BufRead>(&self, reader: R) -> JsonLines<R> {
        JsonLines {
            options: self.options.clone(),
            reader,
            buffer: Vec::new(),
            line_number: 0,
            record: 0,
            datasets: 0,
            warnings: Vec::new(),
            done: false,
            at_start: true,
            position_used: false,
            bytes_read: 0,
        }
    }

    fn catalog(&self) -> Result<Catalog, CkanError> {
        let id = Iri::new(self.options.base.clone())
            .map_err(|e| CkanError::new(CkanErrorKind::Config, e.to_string()))?;
        Catalog::new(NodeId::Iri(id), Text::untagged("CKAN catalogue"))
            .map_err(|e| CkanError::new(CkanErrorKind::Config, e.to_string()))
    }

    fn read_document(&self, value: Value<'_>) -> Result<CkanRead, CkanError> {
        let mut catalog = self.catalog()?;
        let mut warnings = Vec::new();
        let format = match value {
            Value::Object(fields) if get(&fields, "success").is_some() => {
                match get(&fields, "success") {
                    Some(Value::Bool(true)) => {}
                    _ => return Err(api_failure(&fields)),
                }
                catalog.extra.fields = fields
                    .iter()
                    .filter(|(key, _)| key != "success" && key != "result")
                    .map(|(key, value)| ExtraField {
                        key: key.as_ref().to_owned(),
                        value: value.to_field(),
                    })
                    .collect();
                match get(&fields, "result") {
                    Some(Value::Object(result)) if get(result, "results").is_some() => {
                        self.read_search_result(result, &mut catalog, &mut warnings)?;
                        CkanFormat::PackageSearch
                    }
                    Some(Value::Object(package)) => {
                        let dataset = self.read_single(package, &mut warnings)?;
                        catalog.datasets.push(dataset);
                        CkanFormat::PackageShow
                    }
                    Some(Value::Array(items)) => {
                        self.read_list(items, &mut catalog, &mut warnings);
                        CkanFormat::PackageList
                    }
                    _ => {
                        return Err(CkanError::new(
                            CkanErrorKind::Shape,
                            "\"result\" is neither a package nor a package_search result",
                        ));
                    }
                }
            }
            Value::Object(fields)
                if matches!(get(&fields, "results"), Some(Value::Array(_)))
                    && get(&fields, "count").is_some() =>
            {
                self.read_search_result(&fields, &mut catalog, &mut warnings)?;
                CkanFormat::PackageSearch
            }
            Value::Object(package) => {
                let dataset = self.read_single(&package, &mut warnings)?;
                catalog.datasets.push(dataset);
                CkanFormat::Package
            }
            Value::Array(items) => {
                self.read_list(&items, &mut catalog, &mut warnings);
                CkanFormat::PackageList
            }
            _ => {
                return Err(CkanError::new(
                    CkanErrorKind::Shape,
                    "expected a package object, a list of packages or a CKAN API answer",
                ));
            }
        };
        Ok(CkanRead {
            catalog,
            warnings,
            format,
        })
    }

    fn read_single(
        &self,
        package: &Fields<'_>,
        warnings: &mut Vec<CkanWarning>,
    ) -> Result<fihris_model::Dataset, CkanError> {
        let mut sink = Sink::new(1, 1, None, warnings);
        read_package(&self.options, package, &mut sink)
            .map_err(|reason| CkanError::new(CkanErrorKind::Package, reason).in_record(1))
    }

    fn read_search_result(
        &self,
        result: &Fields<'_>,
        catalog: &mut Catalog,
        warnings: &mut Vec<CkanWarning>,
    ) -> Result<(), CkanError> {
        let Some(Value::Array(items)) = get(result, "results") else {
            return Err(CkanError::new(
                CkanErrorKind::Shape,
                "\"results\" of a package_search answer is not a list",
            ));
        };
        let rest: Vec<(String, FieldValue)> = result
            .iter()
            .filter(|(key, _)| key != "results")
            .map(|(key, value)| (key.as_ref().to_owned(), value.to_field()))
            .collect();
        catalog.extra.fields.push(ExtraField {
            key: "result".to_owned(),
            value: FieldValue::Object(rest),
        });
        self.read_list(items, catalog, warnings);
        Ok(())
    }

    fn read_list(
        &self,
        items: &[Value<'_>],
        catalog: &mut Catalog,
        warnings: &mut Vec<CkanWarning>,
    ) {
        for (index, item) in items.iter().enumerate() {
            let record = index as u64 + 1;
            let Value::Object(fields) = item else {
                warnings.push(CkanWarning::new(
                    CkanWarningKind::BrokenRecord,
                    record,
                    None,
                    "the record is not a package object",
                ));
                continue;
            };
            let mut sink = Sink::new(record, catalog.datasets.len() as u64 + 1, None, warnings);
            match read_package(&self.options, fields, &mut sink) {
                Ok(dataset) => catalog.datasets.push(dataset),
                Err(reason) => {
                    let dataset = sink.dataset.take();
                    warnings.push(
                        CkanWarning::new(CkanWarningKind::BrokenRecord, record, None, reason)
                            .with_dataset(dataset),
                    );
                }
            }
        }
    }
}

pub(crate) fn normalise_base(base: &str) -> Result<String, CkanError> {
    let mut base = base.trim().to_owned();
    if !base.ends_with('/') {
        base.push('/');
    }
    Iri::new(base.clone()).map_err(|e| CkanError::new(CkanErrorKind::Config, e.to_string()))?;
    Ok(base)
}

/// UTF-8 (BOM stripped) or UTF-16 with a BOM, as text.
fn decode(input: &[u8]) -> Result<Cow<'_, str>, CkanError> {
    let utf16 = |bytes: &[u8], little: bool| -> Result<String, CkanError> {
        if !bytes.len().is_multiple_of(2) {
            return Err(CkanError::new(
                CkanErrorKind::Encoding,
                "UTF-16 input with an odd number of bytes",
            ));
        }
        let units = bytes.chunks_exact(2).map(|pair| {
            if little {
                u16::from_le_bytes([pair[0], pair[1]])
            } else {
                u16::from_be_bytes([pair[0], pair[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| {
                CkanError::new(
                    CkanErrorKind::Encoding,
                    "invalid UTF-16 (unpaired surrogate)",
                )
            })
    };
    if let Some(rest) = input.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, true).map(Into::into);
    }
    if let Some(rest) = input.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, false).map(Into::into);
    }
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    match std::str::from_utf8(input) {
        Ok(text) => Ok(text.into()),
        Err(error) => {
            let valid = std::str::from_utf8(&input[..error.valid_up_to()]).unwrap_or_default();
            let (line, column) = line_column(valid, valid.len());
            Err(CkanError::new(
                CkanErrorKind::Encoding,
                format!(
                    "byte 0x{:02X} is not UTF-8 (CKAN answers in UTF-8; convert the file first)",
                    input[error.valid_up_to()]
                ),
            )
            .at(line, column))
        }
    }
}

fn html_error(text: &str) -> CkanError {
    let lower = text.to_ascii_lowercase();
    let title = lower.find("<title>").and_then(|start| {
        let start = start + "<title>".len();
        let end = lower[start..].find("</title>")? + start;
        text.get(start..end).map(|title| title.trim().to_owned())
    });
    let message = match title {
        Some(title) if !title.is_empty() => format!(
            "the server sent an HTML page ({title:?}) instead of JSON: an error page, a login or a firewall"
        ),
        _ => "the server sent an HTML page instead of JSON: an error page, a login or a firewall"
            .to_owned(),
    };
    CkanError::new(CkanErrorKind::Html, message).at(1, 1)
}

fn api_failure(fields: &Fields<'_>) -> CkanError {
    let mut message = "\"success\" is not true".to_owned();
    if let Some(Value::Object(error)) = get(fields, "error") {
        let text = |key: &str| match get(error, key) {
            Some(Value::String(text)) => Some(text.as_ref()),
            _ => None,
        };
        match (text("__type"), text("message")) {
            (Some(kind), Some(detail)) => message = format!("{kind}: {detail}"),
            (Some(detail), None) | (None, Some(detail)) => message = detail.to_owned(),
            (None, None) => {}
        }
    }
    CkanError::new(CkanErrorKind::ApiFailure, message)
}

/// Whether the text is JSON lines: several lines, the first not a lone `{` or `[` (a
/// pretty-printed document), and some unindented line other than the first that parses alone
/// as an object.
/// How an input is read: as JSON lines (the bytes, decoded when they were UTF-16), or as
/// one JSON document.
enum Shape<'a> {
    JsonLines(Cow<'a, [u8]>),
    Document(Value<'a>),
}

/// Tells JSON lines from one JSON document.
fn shape(input: &[u8]) -> Result<Shape<'_>, CkanError> {
    let text = match decode(input) {
        Ok(text) => text,
        // One line of JSON lines that is not UTF-8 is a finding on that line.
        Err(_) if looks_like_json_lines(&String::from_utf8_lossy(input)) => {
            return Ok(Shape::JsonLines(Cow::Borrowed(input)));
        }
        Err(error) => return Err(error),
    };
    let start = skip_whitespace(&text, 0);
    if start == text.len() {
        return Err(CkanError::new(CkanErrorKind::Shape, "the input is empty"));
    }
    if text.as_bytes()[start] == b'<' {
        return Err(html_error(&text[start..]));
    }
    let parsed = match &text {
        Cow::Borrowed(text) => parse_value_at(text, start),
        // Decoded from UTF-16: the value owns its strings.
        Cow::Owned(text) => {
            parse_value_at(text, start).map(|(value, end)| (value.into_owned(), end))
        }
    };
    match parsed {
        Ok((value, end)) => {
            let rest = skip_whitespace(&text, end);
            if rest == text.len() {
                return Ok(Shape::Document(value));
            }
            if matches!(value, Value::Object(_)) && text[end..rest].contains('\n') {
                return Ok(Shape::JsonLines(bytes_of(text)));
            }
            let (line, column) = line_column(&text, rest);
            Err(CkanError::new(
                CkanErrorKind::Syntax,
                "trailing characters after the JSON value",
            )
            .at(line, column))
        }
        Err(problem) => {
            if looks_like_json_lines(&text) {
                return Ok(Shape::JsonLines(bytes_of(text)));
            }
            let (line, column) = line_column(&text, problem.offset);
            Err(CkanError::new(CkanErrorKind::Syntax, problem.message).at(line, column))
        }
    }
}

fn bytes_of(text: Cow<'_, str>) -> Cow<'_, [u8]> {
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(text.as_bytes()),
        Cow::Owned(text) => Cow::Owned(text.into_bytes()),
    }
}

fn looks_like_json_lines(text: &str) -> bool {
    let lines: Vec<&str> = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    let Some(first) = lines.first() else {
        return false;
    };
    if lines.len() < 2 || matches!(first.trim(), "{" | "[") {
        return false;
    }
    lines.iter().skip(1).take(50).any(|line| {
        !line.starts_with(char::is_whitespace)
            && matches!(parse_document(line), Ok(Value::Object(_)))
    })
}

/// Datasets read one at a time from CKAN JSON lines (see [`CkanReader::json_lines`]).
///
/// Yields `Err` only when reading fails ([`CkanErrorKind::Io`]), and then ends. A line that
/// is not a readable package is a [`CkanWarningKind::BrokenRecord`] warning, kept with the
/// other warnings until [`JsonLines::take_warnings`].
#[derive(Debug)]
pub struct JsonLines<R> {
    options: Options,
    reader: R,
    buffer: Vec<u8>,
    line_number: u64,
    record: u64,
    /// Packages read so far: an unnamed package is numbered among readable ones.
    datasets: u64,
    warnings: Vec<CkanWarning>,
    done: bool,
    /// Whether the input starts here (a byte order mark is skipped only there).
    at_start: bool,
    /// Whether a package read so far depends on its position (see [`Sink::position`]).
    position_used: bool,
    /// Bytes read so far.
    bytes_read: u64,
}

/// A reader whose first lines [`CkanReader::stream_reader`] read to tell its shape, with
/// those lines put back in front.
pub type Rewound<R> = std::io::Chain<std::io::Cursor<Vec<u8>>, R>;

/// Datasets handed over one at a time (see [`CkanReader::stream_slice`] and
/// [`CkanReader::stream_reader`]), with the catalogue they belong to and the warnings.
#[derive(Debug)]
pub struct CkanStream<R> {
    catalog: Catalog,
    format: CkanFormat,
    source: Source<R>,
}

#[derive(Debug)]
enum Source<R> {
    /// JSON lines read as they are asked for.
    Lines(JsonLines<R>),
    /// What was read whole, and the size of the input.
    Read {
        datasets: std::vec::IntoIter<fihris_model::Dataset>,
        warnings: Vec<CkanWarning>,
        size: u64,
    },
}

impl<R> CkanStream<R> {
    /// The catalogue the datasets belong to, without them: what to write before them.
    #[must_use]
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The shape of the input.
    #[must_use]
    pub fn format(&self) -> CkanFormat {
        self.format
    }

    /// The warnings gathered since the last call, in reading order (all of them at once
    /// for input read whole).
    pub fn take_warnings(&mut self) -> Vec<CkanWarning> {
        match &mut self.source {
            Source::Lines(lines) => lines.take_warnings(),
            Source::Read { warnings, .. } => std::mem::take(warnings),
        }
    }

    /// How many bytes of the input are read so far, for progress.
    #[must_use]
    pub fn position(&self) -> u64 {
        match &self.source {
            Source::Lines(lines) => lines.position(),
            Source::Read { size, .. } => *size,
        }
    }
}

impl<R: BufRead> Iterator for CkanStream<R> {
    type Item = Result<fihris_model::Dataset, CkanError>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.source {
            Source::Lines(lines) => lines.next(),
            Source::Read { datasets, .. } => datasets.next().map(Ok),
        }
    }
}

/// From how many bytes [`CkanReader::read_slice`] reads JSON lines on two threads.
const PARALLEL_FROM: usize = 1 << 20;

/// The datasets of all the lines, and the iterator (its counters and warnings).
fn read_all_lines<R: BufRead>(
    mut lines: JsonLines<R>,
) -> Result<(Vec<fihris_model::Dataset>, JsonLines<R>), CkanError> {
    let datasets = lines.by_ref().collect::<Result<Vec<_>, _>>()?;
    Ok((datasets, lines))
}

impl<R> JsonLines<R> {
    /// The warnings gathered since the last call, in reading order.
    pub fn take_warnings(&mut self) -> Vec<CkanWarning> {
        std::mem::take(&mut self.warnings)
    }

    /// The warnings gathered and not taken yet.
    #[must_use]
    pub fn warnings(&self) -> &[CkanWarning] {
        &self.warnings
    }

    /// Number of lines read so far.
    #[must_use]
    pub fn line(&self) -> u64 {
        self.line_number
    }

    /// Number of bytes read so far.
    #[must_use]
    pub fn position(&self) -> u64 {
        self.bytes_read
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<fihris_model::Dataset, CkanError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buffer.clear();
            let read = match self.reader.read_until(b'\n', &mut self.buffer) {
                Ok(read) => read,
                Err(error) => {
                    self.done = true;
                    return Some(Err(CkanError::io(error)));
                }
            };
            if read == 0 {
                self.done = true;
                break;
            }
            self.bytes_read += read as u64;
            self.line_number += 1;
            let line_number = self.line_number;
            let mut bytes = self.buffer.as_slice();
            if line_number == 1 && self.at_start {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
            bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.record += 1;
            let record = self.record;
            let broken = |column: Option<u64>, message: String| {
                CkanWarning::new(CkanWarningKind::BrokenRecord, record, None, message)
                    .with_position(Some(line_number), column)
            };
            let line = match std::str::from_utf8(bytes) {
                Ok(line) => line,
                Err(error) => {
                    let valid =
                        std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
                    let (_, column) = line_column(valid, valid.len());
                    self.warnings
                        .push(broken(Some(column), "the line is not UTF-8".to_owned()));
                    continue;
                }
            };
            match parse_document(line) {
                Ok(Value::Object(fields)) => {
                    let mut sink = Sink::new(
                        record,
                        self.datasets + 1,
                        Some(line_number),
                        &mut self.warnings,
                    );
                    let read = read_package(&self.options, &fields, &mut sink);
                    let dataset = sink.dataset.take();
                    self.position_used |= sink.position_used;
                    match read {
                        Ok(dataset) => {
                            self.datasets += 1;
                            return Some(Ok(dataset));
                        }
                        Err(reason) => self
                            .warnings
                            .push(broken(None, reason).with_dataset(dataset)),
                    }
                }
                Ok(_) => self
                    .warnings
                    .push(broken(None, "the line is not a package object".to_owned())),
                Err(problem) => {
                    let (_, column) = line_column(line, problem.offset);
                    let message = if line.trim_start().starts_with('<') {
                        "an HTML line instead of a JSON package".to_owned()
                    } else {
                        format!("invalid JSON: {}", problem.message)
                    };
                    self.warnings.push(broken(Some(column), message));
                }
            }
        }
        None
    }
}
