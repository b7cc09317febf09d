use std::any::Any;
use std::collections::{HashMap, HashSet};
use std::io::Read;

use fihris_model::{
    Agent, BlankId, Catalog, ContactPoint, Dataset, Distribution, ExtraField, FieldValue, Finding,
    FindingPath, Iri, Keyword, LanguageTag, LicenseDocument, NodeId, PathSegment, Severity, Text,
};
use fihris_vocab::Producer;

use crate::column::Column;
use crate::dialect::Dialect;
use crate::encoding::decode;
use crate::error::{CsvError, CsvErrorKind};
use crate::reserved::Reserved;
use crate::values::{self, Theme, derived_eu_themes, items, render};

/// What a column of a file is: a template column (its first occurrence) or an extra one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Role {
    Known(Column),
    Extra(String),
}

/// The role of each header, the same way for reading and writing: the first header naming
/// a template column is that column, every other header is an extra column.
pub(crate) fn roles(header: &[String]) -> Vec<Role> {
    let mut seen = HashSet::new();
    header
        .iter()
        .map(|name| match Column::from_header(name) {
            Some(column) if seen.insert(column) => Role::Known(column),
            _ => Role::Extra(name.clone()),
        })
        .collect()
}

/// What reading an inventory gives: the catalogue and what was found along the way.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ReadOutcome {
    /// One dataset per readable row, in file order; the file's [`Dialect`] is recorded in
    /// the catalogue's extras.
    pub catalog: Catalog,
    /// Problems with single rows and cells, in file order.
    pub findings: Vec<Finding>,
}

/// Reads a national inventory CSV file into a [`Catalog`].
///
/// ```
/// use fihris_csv::InventoryReader;
/// let csv = "identifiant;producteur;titre_fr;frequence\n\
///            https://data.gov.ma/d/ipc;HCP;Indice des prix;Mensuelle\n";
/// let outcome = InventoryReader::new().with_file_name("inventaire.csv").read_slice(csv.as_bytes())?;
/// let dataset = &outcome.catalog.datasets[0];
/// assert_eq!(dataset.producer().map(|p| p.code), Some("HCP"));
/// assert_eq!(dataset.frequency(), Some(fihris_vocab::Frequency::Monthly));
/// assert!(outcome.findings.is_empty());
/// # Ok::<(), fihris_csv::CsvError>(())
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct InventoryReader {
    file: Option<String>,
    catalog: Option<Catalog>,
}

impl InventoryReader {
    /// A reader.
    pub fn new() -> Self {
        Self::default()
    }

    /// Names the input in errors and findings.
    pub fn with_file_name(mut self, name: impl Into<String>) -> Self {
        self.file = Some(name.into());
        self
    }

    /// Adds the datasets to this catalogue instead of a new, blank-node one.
    pub fn with_catalog(mut self, catalog: Catalog) -> Self {
        self.catalog = Some(catalog);
        self
    }

    /// Reads a whole file from a stream.
    ///
    /// # Errors
    ///
    /// [`CsvErrorKind::Io`] when the stream fails; otherwise as [`Self::read_slice`].
    pub fn read(&self, mut reader: impl Read) -> Result<ReadOutcome, CsvError> {
        let mut bytes = Vec::new();
        reader
            .read_to_end(&mut bytes)
            .map_err(|error| CsvError::io(error).with_file(self.file.as_deref()))?;
        self.read_slice(&bytes)
    }

    /// Reads a whole file.
    ///
    /// # Errors
    ///
    /// [`CsvErrorKind::Encoding`] when the bytes are neither UTF-8 (with or without BOM)
    /// nor UTF-16 with a BOM; [`CsvErrorKind::Header`] when the file is empty or its header
    /// has no title column. Problems with rows are findings, not errors.
    pub fn read_slice(&self, bytes: &[u8]) -> Result<ReadOutcome, CsvError> {
        self.read_inner(bytes)
            .map_err(|error| error.with_file(self.file.as_deref()))
    }

    fn read_inner(&self, bytes: &[u8]) -> Result<ReadOutcome, CsvError> {
        let (text, encoding) = decode(bytes)?;
        let first_line = text.split('\n').next().unwrap_or_default();
        if text.trim().is_empty() {
            return Err(CsvError::new(CsvErrorKind::Header, "the file is empty").with_line(1));
        }
        let delimiter = detect_delimiter(first_line);
        let crlf = first_line.ends_with('\r');
        let unterminated = unterminated_quote(&text, delimiter);

        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let mut records = reader.records();
        let header: Vec<String> = match records.next() {
            Some(Ok(record)) => record.iter().map(str::to_owned).collect(),
            _ => {
                return Err(
                    CsvError::new(CsvErrorKind::Header, "the header cannot be read").with_line(1),
                );
            }
        };
        let roles = roles(&header);
        if !roles
            .iter()
            .any(|role| matches!(role, Role::Known(Column::TitleFr | Column::TitleAr)))
        {
            return Err(CsvError::new(
                CsvErrorKind::Header,
                format!(
                    "no title column (titre_fr or titre_ar) in the header {header:?}: \
                     is this a national inventory file?"
                ),
            )
            .with_line(1));
        }

        let mut catalog = match &self.catalog {
            Some(catalog) => catalog.clone(),
            None => new_catalog()?,
        };
        let mut findings = Vec::new();
        let base = match &self.file {
            Some(file) => FindingPath::new().with(PathSegment::File(file.clone().into())),
            None => FindingPath::new(),
        };
        for (index, (name, role)) in header.iter().zip(&roles).enumerate() {
            if let (Role::Extra(_), Some(column)) = (role, Column::from_header(name)) {
                findings.push(Finding::new(
                    "csv.duplicate-column",
                    Severity::Warning,
                    base.clone()
                        .with(PathSegment::Line(1))
                        .with(PathSegment::Field(name.clone().into())),
                    format!(
                        "column {} (header {}) names {} again: its values are kept as an \
                         extra column",
                        index + 1,
                        name,
                        column.header()
                    ),
                ));
            }
        }

        let mut identifiers = HashSet::new();
        let mut memo = Memo::default();
        let mut lines = LineCounter::new(&text);
        let mut records = records.peekable();
        while let Some(result) = records.next() {
            let record = match result {
                Ok(record) => record,
                Err(error) => {
                    let mut path = base.clone();
                    if let Some(position) = error.position() {
                        path = path
                            .with(PathSegment::Record(position.record()))
                            .with(PathSegment::Line(lines.line_at(position.byte())));
                    }
                    findings.push(Finding::new(
                        "csv.syntax",
                        Severity::Error,
                        path,
                        format!("unreadable row: {error}"),
                    ));
                    continue;
                }
            };
            let (record_number, line) = record.position().map_or((0, 0), |position| {
                (position.record(), lines.line_at(position.byte()))
            });
            let path = base
                .clone()
                .with(PathSegment::Record(record_number))
                .with(PathSegment::Line(line));
            let mut row = Row {
                path,
                record: record_number,
                header: &header,
                findings: &mut findings,
                memo: &mut memo,
            };
            // The quoted value that is never closed swallows the rest of the file: it is in
            // the last record.
            if let Some((quote_line, field)) = unterminated
                && records.peek().is_none()
            {
                row.finding_at(
                    header.get(field).map(String::as_str),
                    "csv.unterminated-quote",
                    Severity::Error,
                    format!(
                        "the quoted value opened on line {quote_line} is never closed: the \
                         rest of the file is one value; the row is skipped"
                    ),
                );
                break;
            }
            if record.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            if record.len() != header.len() {
                let column = header.get(record.len().min(header.len().saturating_sub(1)));
                row.finding_at(
                    column.map(String::as_str),
                    "csv.ragged-row",
                    Severity::Error,
                    format!(
                        "the row has {} values but the header has {} columns; the row is \
                         skipped",
                        record.len(),
                        header.len()
                    ),
                );
                continue;
            }
            let cells: Vec<&str> = record.iter().collect();
            if let Some(dataset) = row.dataset(&roles, &cells)? {
                if let NodeId::Iri(iri) = &dataset.id
                    && !identifiers.insert(iri.clone())
                {
                    let header = column_header(&header, &roles, Column::Identifier);
                    row.finding_at(
                        header,
                        "csv.duplicate-identifier",
                        Severity::Warning,
                        format!("{iri} identifies an earlier row too"),
                    );
                }
                catalog.datasets.push(dataset);
            }
        }
        Dialect::default()
            .with_encoding(encoding)
            .with_delimiter(delimiter)
            .with_crlf(crlf)
            .with_header(header)
            .store(&mut catalog.extra);
        Ok(ReadOutcome { catalog, findings })
    }
}

fn new_catalog() -> Result<Catalog, CsvError> {
    let id = BlankId::new("inventaire")
        .map_err(|error| CsvError::new(CsvErrorKind::Header, error.to_string()))?;
    let title = Text::new()
        .with("fr", "Inventaire national des données")
        .map_err(|error| CsvError::new(CsvErrorKind::Header, error.to_string()))?;
    Catalog::new(NodeId::Blank(id), title)
        .map_err(|error| CsvError::new(CsvErrorKind::Header, error.to_string()))
}

fn column_header<'a>(header: &'a [String], roles: &[Role], column: Column) -> Option<&'a str> {
    roles
        .iter()
        .position(|role| *role == Role::Known(column))
        .map(|index| header[index].as_str())
}

/// `;`, `,` or tab, whichever the header line has most of (`,` when it has none).
fn detect_delimiter(line: &str) -> u8 {
    let count = |delimiter: char| line.matches(delimiter).count();
    let (semicolons, commas, tabs) = (count(';'), count(','), count('\t'));
    if tabs > semicolons && tabs > commas {
        b'\t'
    } else if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// The line and field index where a quoted value that never ends was opened.
fn unterminated_quote(text: &str, delimiter: u8) -> Option<(u64, usize)> {
    let delimiter = char::from(delimiter);
    let mut line = 1u64;
    let mut field = 0usize;
    let mut at_field_start = true;
    let mut opened: Option<(u64, usize)> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if opened.is_some() {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                }
                '"' => opened = None,
                '\n' => line += 1,
                _ => {}
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                opened = Some((line, field));
                at_field_start = false;
            }
            '\n' => {
                line += 1;
                field = 0;
                at_field_start = true;
            }
            '\r' => {}
            c if c == delimiter => {
                field += 1;
                at_field_start = true;
            }
            _ => at_field_start = false,
        }
    }
    opened
}

/// The line a record starts on. The `csv` crate's own line numbers are one behind after
/// CRLF line ends, and its byte offset of a record may point at the `\n` of the previous
/// line's CRLF: line ends at the offset are skipped, and lines are counted once, forwards.
struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start >= self.offset {
            let newlines = self.text[self.offset..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.line += u64::try_from(newlines).unwrap_or(u64::MAX);
            self.offset = start;
        }
        self.line
    }
}

/// One data row being read.
struct Row<'a> {
    path: FindingPath,
    record: u64,
    header: &'a [String],
    findings: &'a mut Vec<Finding>,
    memo: &'a mut Memo,
}

/// Look-ups by name and label are the costly part of reading a row, and an inventory repeats
/// the same producers, themes and labels on many rows: each distinct spelling of a column's
/// value is interpreted once per file.
#[derive(Default)]
struct Memo {
    values: HashMap<(Column, String), Box<dyn Any>>,
}

impl Memo {
    fn get<T: Clone + 'static>(
        &mut self,
        column: Column,
        value: &str,
        interpret: impl FnOnce(&str) -> Option<T>,
    ) -> Option<T> {
        if let Some(known) = self
            .values
            .get(&(column, value.to_owned()))
            .and_then(|known| known.downcast_ref::<Option<T>>())
        {
            return known.clone();
        }
        let interpreted = interpret(value);
        self.values
            .insert((column, value.to_owned()), Box::new(interpreted.clone()));
        interpreted
    }
}

impl Row<'_> {
    fn finding_at(
        &mut self,
        header: Option<&str>,
        rule: &'static str,
        severity: Severity,
        message: String,
    ) {
        let mut path = self.path.clone();
        if let Some(header) = header {
            path = path.with(PathSegment::Field(header.to_owned().into()));
        }
        self.findings
            .push(Finding::new(rule, severity, path, message));
    }

    /// The dataset of the row, or `None` (with a finding) when it has no title.
    fn dataset(&mut self, roles: &[Role], cells: &[&str]) -> Result<Option<Dataset>, CsvError> {
        let mut known: Vec<Option<(&str, &str)>> = vec![None; Column::ALL.len()];
        let mut extras = Vec::new();
        for ((role, name), cell) in roles.iter().zip(self.header).zip(cells) {
            match role {
                Role::Known(column) => known[*column as usize] = Some((name.as_str(), *cell)),
                Role::Extra(key) => {
                    if !cell.is_empty() {
                        extras.push(ExtraField {
                            key: key.clone(),
                            value: FieldValue::String((*cell).to_owned()),
                        });
                    }
                }
            }
        }
        let cell = |column: Column| known[column as usize].map_or("", |(_, cell)| cell);
        let header = |column: Column| known[column as usize].map(|(name, _)| name);

        // Identifier and title first: a dataset cannot exist without them.
        let (id, local) = self.identifier(header(Column::Identifier), cell(Column::Identifier))?;
        let mut title = Text::new();
        for (column, tag) in [(Column::TitleFr, "fr"), (Column::TitleAr, "ar")] {
            let value = cell(column);
            if !value.trim().is_empty() {
                title.insert(Some(LanguageTag::new_unchecked(tag)), value);
            }
        }
        let Ok(mut dataset) = Dataset::new(id, title) else {
            let at = header(Column::TitleFr).or(header(Column::TitleAr));
            self.finding_at(
                at,
                "csv.missing-title",
                Severity::Error,
                "the row has no title (titre_fr or titre_ar); the row is skipped".to_owned(),
            );
            return Ok(None);
        };
        dataset.identifiers.extend(local);
        let mut reserved = Reserved::default();

        for (role, cell) in roles.iter().zip(cells) {
            if let Role::Known(column) = role
                && !cell.trim().is_empty()
            {
                let name = known[*column as usize].map_or("", |(name, _)| name);
                self.cell(&mut dataset, *column, name, cell);
            }
        }
        self.distributions(
            &mut dataset,
            &mut reserved,
            known[Column::DownloadUrls as usize],
            known[Column::Formats as usize],
            known[Column::Licence as usize],
        );

        dataset.extra.fields = extras;
        // Keep the spelling of every cell whose canonical form differs.
        for &column in Column::ALL {
            let Some((_, value)) = known[column as usize] else {
                continue;
            };
            let canonical = render(&dataset, column, &reserved).unwrap_or_default();
            if canonical != value {
                reserved
                    .original
                    .push((column, value.to_owned(), canonical));
            }
        }
        reserved.store(&mut dataset.extra);
        Ok(Some(dataset))
    }

    fn identifier(
        &mut self,
        header: Option<&str>,
        value: &str,
    ) -> Result<(NodeId, Option<String>), CsvError> {
        let value = value.trim();
        if let Some(label) = value.strip_prefix("_:")
            && let Ok(blank) = BlankId::new(label)
        {
            return Ok((NodeId::Blank(blank), None));
        }
        if let Some(iri) = values::other_iri(value) {
            return Ok((NodeId::Iri(iri), None));
        }
        if value.starts_with("http") {
            self.finding_at(
                header,
                "csv.invalid-url",
                Severity::Warning,
                format!("{value:?} is not a valid IRI: kept as a local identifier"),
            );
        }
        let blank = BlankId::new(format!("r{}", self.record))
            .map_err(|error| CsvError::new(CsvErrorKind::Header, error.to_string()))?;
        let local = (!value.is_empty()).then(|| value.to_owned());
        Ok((NodeId::Blank(blank), local))
    }

    fn unknown(&mut self, header: &str, column: Column, value: &str, expected: &str) {
        self.finding_at(
            Some(header),
            "csv.unknown-value",
            Severity::Warning,
            format!(
                "{value:?} is not a known value of {}: expected {expected}; the value is \
                 kept as written but not interpreted",
                column.header()
            ),
        );
    }

    fn cell(&mut self, dataset: &mut Dataset, column: Column, header: &str, value: &str) {
        let inventory = &mut dataset.inventory;
        match column {
            Column::Identifier
            | Column::TitleFr
            | Column::TitleAr
            | Column::Formats
            | Column::Licence
            | Column::DownloadUrls => {}
            Column::Producer => {
                let name = value.trim();
                let found = self.memo.get(column, name, |name| {
                    Producer::by_code(name).or_else(|| Producer::find(name))
                });
                if let Some(producer) = found {
                    dataset.publisher = Some(Agent::from_producer(producer));
                } else {
                    self.finding_at(
                        Some(header),
                        "csv.unknown-producer",
                        Severity::Warning,
                        format!(
                            "{name:?} is not a producer of the portal referential: kept as \
                             a new agent"
                        ),
                    );
                    dataset.publisher = Agent::new(Text::untagged(name)).ok();
                }
            }
            Column::DescriptionFr => {
                dataset
                    .description
                    .insert(Some(LanguageTag::new_unchecked("fr")), value);
            }
            Column::DescriptionAr => {
                dataset
                    .description
                    .insert(Some(LanguageTag::new_unchecked("ar")), value);
            }
            Column::Theme => {
                let mut explicit = Vec::new();
                for item in items(value).into_iter().filter(|item| !item.is_empty()) {
                    let theme = self.memo.get(column, item, values::theme);
                    match theme {
                        Some(Theme::Portal(theme)) => {
                            if !dataset.portal_themes.contains(&theme) {
                                dataset.portal_themes.push(theme);
                            }
                        }
                        Some(Theme::Eu(theme)) => explicit.push(theme),
                        None => self.unknown(
                            header,
                            column,
                            item,
                            "a portal theme slug or French label, or an EU data-theme code",
                        ),
                    }
                }
                let mut themes = derived_eu_themes(&dataset.portal_themes);
                for theme in explicit {
                    if !themes.contains(&theme) {
                        themes.push(theme);
                    }
                }
                dataset.themes = themes;
            }
            Column::DataKind => match self.memo.get(column, value, values::data_kind) {
                Some(kind) => inventory.kind_of_data = Some(kind),
                None => self.unknown(
                    header,
                    column,
                    value,
                    "survey, statistics, infrastructure-locations, reference-data or their \
                     French labels",
                ),
            },
            Column::Frequency => match self.memo.get(column, value, values::frequency) {
                Some(frequency) => dataset.accrual_periodicity = Some(frequency),
                None => self.unknown(
                    header,
                    column,
                    value,
                    "an EU frequency code (ANNUAL, MONTHLY…) or a French term (annuelle, \
                     mensuelle…)",
                ),
            },
            Column::CollectionMethod => {
                match self.memo.get(column, value, values::collection_method) {
                    Some(method) => inventory.collection_method = Some(method),
                    None => self.unknown(
                        header,
                        column,
                        value,
                        "survey, census, administrative-records, sensors, surveying, estimation, \
                     other or their French labels",
                    ),
                }
            }
            Column::UpdateMethod => match self.memo.get(column, value, values::update_method) {
                Some(method) => inventory.update_method = Some(method),
                None => self.unknown(
                    header,
                    column,
                    value,
                    "manual, automated, semi-automated or their French labels",
                ),
            },
            Column::Disaggregation => {
                for item in items(value).into_iter().filter(|item| !item.is_empty()) {
                    match self.memo.get(column, item, values::disaggregation) {
                        Some(level) => {
                            if !inventory.disaggregation.contains(&level) {
                                inventory.disaggregation.push(level);
                            }
                        }
                        None => self.unknown(
                            header,
                            column,
                            item,
                            "national, regional, provincial, communal or their French labels",
                        ),
                    }
                }
            }
            Column::AccessRights => match self.memo.get(column, value, values::access_right) {
                Some(access) => dataset.access_rights = Some(access),
                None => self.unknown(
                    header,
                    column,
                    value,
                    "PUBLIC, RESTRICTED, NON_PUBLIC or their French labels",
                ),
            },
            Column::PublicationStatus => {
                match self.memo.get(column, value, values::publication_status) {
                    Some(status) => inventory.publication_status = Some(status),
                    None => self.unknown(
                        header,
                        column,
                        value,
                        "published, planned, restricted or their French labels",
                    ),
                }
            }
            Column::PersonalData => match self.memo.get(column, value, values::personal_data) {
                Some(declaration) => inventory.personal_data = Some(declaration),
                None => self.unknown(
                    header,
                    column,
                    value,
                    "none, anonymised, anonymised:<method>, present (or aucune, \
                     anonymisées, présentes)",
                ),
            },
            Column::ContactName => {
                contact(dataset).name = Text::untagged(value);
            }
            Column::ContactEmail => {
                let email = value.trim();
                if !email.contains('@') {
                    self.finding_at(
                        Some(header),
                        "csv.invalid-email",
                        Severity::Warning,
                        format!("{email:?} is not an e-mail address"),
                    );
                }
                let point = contact(dataset);
                *point = std::mem::take(point).with_email(email);
            }
            Column::Issued | Column::Modified => match values::date(value) {
                Some(date) if column == Column::Issued => dataset.issued = Some(date),
                Some(date) => dataset.modified = Some(date),
                None => self.finding_at(
                    Some(header),
                    "csv.invalid-date",
                    Severity::Warning,
                    format!(
                        "{value:?} is not a date: expected YYYY, YYYY-MM, YYYY-MM-DD, a \
                         dateTime or DD/MM/YYYY; kept as written"
                    ),
                ),
            },
            Column::LandingPage => {
                for item in items(value).into_iter().filter(|item| !item.is_empty()) {
                    match Iri::new(item) {
                        Ok(iri) => dataset.landing_pages.push(iri),
                        Err(error) => self.invalid_url(header, item, &error.to_string()),
                    }
                }
            }
            Column::Keywords => {
                for item in items(value).into_iter().filter(|item| !item.is_empty()) {
                    dataset.keywords.push(Keyword {
                        language: None,
                        value: item.to_owned(),
                    });
                }
            }
        }
    }

    fn invalid_url(&mut self, header: &str, value: &str, reason: &str) {
        self.finding_at(
            Some(header),
            "csv.invalid-url",
            Severity::Warning,
            format!("{value:?} is not a valid absolute IRI ({reason}); kept as written"),
        );
    }

    fn distributions(
        &mut self,
        dataset: &mut Dataset,
        reserved: &mut Reserved,
        urls: Option<(&str, &str)>,
        formats: Option<(&str, &str)>,
        licence: Option<(&str, &str)>,
    ) {
        let mut links = Vec::new();
        if let Some((header, cell)) = urls {
            for item in items(cell) {
                if item.is_empty() {
                    links.push(None);
                    continue;
                }
                match Iri::new(item) {
                    Ok(iri) => links.push(Some(iri)),
                    Err(error) => {
                        self.invalid_url(header, item, &error.to_string());
                        links.push(None);
                    }
                }
            }
        }
        let mut types = Vec::new();
        if let Some((header, cell)) = formats {
            for item in items(cell) {
                if item.is_empty() {
                    types.push(None);
                    continue;
                }
                let format = self.memo.get(Column::Formats, item, values::file_type);
                if format.is_none() {
                    self.unknown(
                        header,
                        Column::Formats,
                        item,
                        "an EU file-type code (CSV, XLSX…), an extension or a media type",
                    );
                }
                types.push(format);
            }
        }
        let document: Option<LicenseDocument> = match licence {
            Some((header, cell)) if !cell.trim().is_empty() => {
                let document = self.memo.get(Column::Licence, cell, values::licence);
                if document.is_none() {
                    self.unknown(
                        header,
                        Column::Licence,
                        cell.trim(),
                        "an SPDX id (ODbL-1.0, CC-BY-4.0…), a CKAN licence id (odc-odbl…), \
                         a licence label or IRI",
                    );
                }
                document
            }
            _ => None,
        };
        for (index, link) in links.iter().enumerate() {
            let Some(url) = link else { continue };
            let mut distribution = Distribution::new(NodeId::Iri(url.clone()), url.clone());
            distribution.download_urls.push(url.clone());
            distribution.format = types.get(index).cloned().flatten();
            distribution.licence.clone_from(&document);
            dataset.distributions.push(distribution);
        }
        reserved.planned_formats = types
            .iter()
            .skip(links.len())
            .flatten()
            .map(|format| match format {
                fihris_model::Concept::Known(term) => {
                    fihris_vocab::Vocabulary::code(*term).to_owned()
                }
                fihris_model::Concept::Other(iri) => iri.as_str().to_owned(),
            })
            .collect();
        if dataset.distributions.is_empty() {
            reserved.licence = document.as_ref().map(values::licence_text);
        }
    }
}

fn contact(dataset: &mut Dataset) -> &mut ContactPoint {
    if dataset.contact_points.is_empty() {
        dataset.contact_points.push(ContactPoint::new());
    }
    &mut dataset.contact_points[0]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_from_header() {
        assert_eq!(detect_delimiter("a;b;c,d"), b';');
        assert_eq!(detect_delimiter("a,b"), b',');
        assert_eq!(detect_delimiter("a\tb\tc"), b'\t');
        assert_eq!(detect_delimiter("titre"), b',');
    }

    #[test]
    fn finds_unterminated_quotes() {
        assert_eq!(unterminated_quote("a,b\n\"x\"\"y\",z\n", b','), None);
        assert_eq!(
            unterminated_quote("a,b\nx,\"open\nmore\n", b','),
            Some((2, 1))
        );
        assert_eq!(unterminated_quote("a;b\nx\"y;z\n", b';'), None);
    }
}
