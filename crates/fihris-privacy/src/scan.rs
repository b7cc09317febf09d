//! The streaming scanner: one pass over the records, counters per column, one entry per
//! distinct quasi-identifier combination.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::fmt;
use std::fs::File;
use std::hash::{Hash, Hasher};
use std::io::{BufReader, Read};
use std::path::Path;

use fihris_model::{Finding, FindingPath, PathSegment, Severity};

use crate::decode::{self, Encoding};
use crate::detect::{self, HeaderContext, Hint, PersonalKind};
use crate::error::ScanError;
use crate::mask::mask;
use crate::summary::PersonalDataSummary;

/// How many ragged rows are reported one by one (the rest are counted).
const RAGGED_ROWS_LISTED: u64 = 20;
/// How many lines of small cells a finding lists per column.
const SMALL_CELL_LINES_LISTED: usize = 10;
/// How many distinct sensitive values are remembered per equivalence class.
const SENSITIVE_VALUES_PER_CLASS: usize = 64;
/// After this many non-empty values, a kind the header does not name and no value matched
/// is no longer tried in the column (it cannot reach the threshold unless the column changes
/// nature further down); this keeps the scan close to the speed of plain CSV parsing.
const KIND_WARM_UP: u64 = 1024;
/// A column is reported for a kind from this confidence on.
const CONFIDENCE_THRESHOLD: f64 = 0.5;

/// What to scan for, and how the input is laid out.
#[derive(Debug, Clone)]
#[must_use]
pub struct ScanOptions {
    quasi_identifiers: Option<Vec<String>>,
    sensitive: Option<String>,
    k: u64,
    l: u64,
    min_cell_count: u64,
    delimiter: Option<u8>,
    source_name: Option<String>,
}

impl Default for ScanOptions {
    fn default() -> Self {
        Self {
            quasi_identifiers: None,
            sensitive: None,
            k: 5,
            l: 2,
            min_cell_count: 3,
            delimiter: None,
            source_name: None,
        }
    }
}

impl ScanOptions {
    /// Defaults: quasi-identifiers suggested from the headers, k = 5, l = 2, small cells
    /// below 3, delimiter detected.
    pub fn new() -> Self {
        Self::default()
    }

    /// The quasi-identifier columns, by header (instead of the ones the headers suggest).
    pub fn with_quasi_identifiers<I, S>(mut self, columns: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.quasi_identifiers = Some(columns.into_iter().map(Into::into).collect());
        self
    }

    /// The sensitive column whose l-diversity is measured in each equivalence class.
    pub fn with_sensitive(mut self, column: impl Into<String>) -> Self {
        self.sensitive = Some(column.into());
        self
    }

    /// The k of k-anonymity (classes smaller than k are at risk); at least 1.
    pub fn with_k(mut self, k: u64) -> Self {
        self.k = k.max(1);
        self
    }

    /// The l of l-diversity (classes with fewer distinct sensitive values are at risk).
    pub fn with_l(mut self, l: u64) -> Self {
        self.l = l.max(1);
        self
    }

    /// The threshold rule of aggregate tables: counts from 1 to `n - 1` are small cells.
    pub fn with_min_cell_count(mut self, n: u64) -> Self {
        self.min_cell_count = n;
        self
    }

    /// The field delimiter, instead of detecting it among `,`, `;`, tab and `|`.
    pub fn with_delimiter(mut self, delimiter: u8) -> Self {
        self.delimiter = Some(delimiter);
        self
    }

    /// The name findings and errors give the input (usually its file name).
    pub fn with_source_name(mut self, name: impl Into<String>) -> Self {
        self.source_name = Some(name.into());
        self
    }

    /// The k of k-anonymity.
    #[must_use]
    pub fn k(&self) -> u64 {
        self.k
    }

    /// The small-cell threshold.
    #[must_use]
    pub fn min_cell_count(&self) -> u64 {
        self.min_cell_count
    }
}

/// Whether a resource can be published as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Verdict {
    /// No personal data and no re-identification risk found.
    Publishable,
    /// No direct identifier, but data that must be generalised, suppressed or aggregated
    /// first (dates of birth, small classes, small cells…).
    AnonymiseFirst,
    /// Direct identifiers (CIN, phone numbers, names…): the resource must not be published
    /// until those columns are removed.
    DoNotPublish,
}

impl Verdict {
    /// `publishable`, `anonymise_first` or `do_not_publish`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Publishable => "publishable",
            Self::AnonymiseFirst => "anonymise_first",
            Self::DoNotPublish => "do_not_publish",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Publishable => "publishable",
            Self::AnonymiseFirst => "anonymise first",
            Self::DoNotPublish => "do not publish",
        })
    }
}

/// A kind of personal data found in a column.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Detection {
    /// What was found.
    pub kind: PersonalKind,
    /// Non-empty cells of the column that hold it.
    pub matches: u64,
    /// `matches` over the column's non-empty cells.
    pub share: f64,
    /// From 0 to 1: the share, raised when the header names the kind.
    pub confidence: f64,
    /// Whether the header names the kind.
    pub header_hint: bool,
    /// The first matching value, masked.
    pub evidence: String,
    /// The severity of the finding.
    pub severity: Severity,
}

/// What the scan learned about one column.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ColumnReport {
    /// The header.
    pub name: String,
    /// 1-based position.
    pub position: usize,
    /// Non-empty cells.
    pub non_empty: u64,
    /// Personal data found, most confident first.
    pub detections: Vec<Detection>,
    /// Whether the column holds counts (header names a count, every value a whole number).
    pub count_column: bool,
    /// Whether the column was used as a quasi-identifier.
    pub quasi_identifier: bool,
}

/// Re-identification risk over the quasi-identifier columns.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RiskReport {
    /// The quasi-identifier columns.
    pub quasi_identifiers: Vec<String>,
    /// Whether they were suggested from the headers rather than given.
    pub suggested: bool,
    /// The k asked for.
    pub k: u64,
    /// Records.
    pub records: u64,
    /// Equivalence classes (distinct quasi-identifier combinations).
    pub classes: u64,
    /// The size of the smallest class: the data is k-anonymous for every k up to it.
    pub min_class_size: u64,
    /// Classes smaller than `k`.
    pub classes_below_k: u64,
    /// Records in classes smaller than `k`.
    pub records_below_k: u64,
    /// `records_below_k` over `records`.
    pub share_below_k: f64,
    /// Prosecutor risk: the highest re-identification probability, 1 / smallest class.
    pub prosecutor_risk: f64,
    /// Average risk: classes over records.
    pub average_risk: f64,
    /// The sensitive column, if one was given.
    pub sensitive: Option<String>,
    /// The l asked for.
    pub l: u64,
    /// The fewest distinct sensitive values in a class (counted up to 64), if a sensitive
    /// column was given.
    pub l_diversity: Option<u64>,
    /// Classes with fewer than `l` distinct sensitive values.
    pub classes_below_l: u64,
}

/// Small cells of one count column of an aggregate table.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SmallCells {
    /// The count column.
    pub column: String,
    /// The threshold: counts from 1 to `threshold - 1` are small.
    pub threshold: u64,
    /// How many cells are small.
    pub cells: u64,
    /// The 1-based lines of the first small cells (at most 10).
    pub lines: Vec<u64>,
}

/// The result of a scan: what was found where, the risk measures and the verdict.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ScanReport {
    /// The source name from the options.
    pub source_name: Option<String>,
    /// The encoding read.
    pub encoding: Encoding,
    /// The field delimiter used.
    pub delimiter: u8,
    /// Data records (the header excluded).
    pub records: u64,
    /// Records whose number of fields differs from the header's.
    pub ragged_records: u64,
    /// Every column, in order.
    pub columns: Vec<ColumnReport>,
    /// Whether the table holds counts by category rather than one record per person.
    pub aggregate: bool,
    /// k-anonymity and l-diversity, when quasi-identifiers were given or suggested.
    pub risk: Option<RiskReport>,
    /// Small cells per count column (aggregate tables only).
    pub small_cells: Vec<SmallCells>,
    /// Every finding, column findings first.
    pub findings: Vec<Finding>,
    /// Whether the resource can be published.
    pub verdict: Verdict,
}

impl ScanReport {
    /// The findings that decide the verdict (the error-level ones).
    pub fn deciding_findings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|finding| finding.severity() == Severity::Error)
    }

    /// Whether the resource shows personal data, for the metadata rules.
    #[must_use]
    pub fn personal_data_summary(&self) -> PersonalDataSummary {
        let mut rule_ids: Vec<String> = Vec::new();
        let mut direct = false;
        for detection in self.columns.iter().flat_map(|column| &column.detections) {
            if detection.severity == Severity::Error {
                direct |= detection.kind.is_direct_identifier();
                let id = detection.kind.rule_id().to_owned();
                if !rule_ids.contains(&id) {
                    rule_ids.push(id);
                }
            }
        }
        rule_ids.sort();
        PersonalDataSummary {
            shows_personal_data: !rule_ids.is_empty(),
            direct_identifiers: direct,
            rule_ids,
            verdict: self.verdict,
        }
    }
}

/// Scans a CSV file.
///
/// # Errors
/// When the file cannot be opened or read, has no header row, or the options name a column
/// it lacks.
pub fn scan_path(path: impl AsRef<Path>, options: &ScanOptions) -> Result<ScanReport, ScanError> {
    let path = path.as_ref();
    let name = options
        .source_name
        .clone()
        .unwrap_or_else(|| path.display().to_string());
    let options = options.clone().with_source_name(name);
    let file = File::open(path)
        .map_err(|error| ScanError::io(error, options.source_name.as_deref(), None))?;
    scan_reader(file, &options)
}

/// Scans CSV text from a reader in one streaming pass: memory grows with the number of
/// distinct quasi-identifier combinations, not with the number of records.
///
/// # Errors
/// When reading fails, the input has no header row, or the options name a column the header
/// lacks.
pub fn scan_reader<R: Read>(reader: R, options: &ScanOptions) -> Result<ScanReport, ScanError> {
    let name = options.source_name.as_deref();
    let (text, encoding, delimiter) = decode::open(
        Box::new(BufReader::with_capacity(64 * 1024, reader)),
        options.delimiter,
    )
    .map_err(|error| ScanError::io(error, name, None))?;
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(64 * 1024)
        .from_reader(text);
    let mut record = csv::ByteRecord::new();
    let has_header = csv
        .read_byte_record(&mut record)
        .map_err(|error| csv_error(error, name))?;
    if !has_header {
        return Err(ScanError::no_header(name));
    }
    let mut scanner = Scanner::new(&record, options)?;
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(true) => scanner.record(&record),
            Ok(false) => break,
            Err(error) => return Err(csv_error(error, name)),
        }
    }
    Ok(scanner.finish(encoding, delimiter))
}

fn csv_error(error: csv::Error, name: Option<&str>) -> ScanError {
    let line = error.position().map(csv::Position::line);
    let io = match error.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{other:?}")),
    };
    ScanError::io(io, name, line)
}

const KIND_COUNT: usize = 13;
/// Entries of the per-column table of recent answers.
const CLASSIFY_CACHE: usize = 256;

fn kind_index(kind: PersonalKind) -> usize {
    PersonalKind::ALL
        .iter()
        .position(|&k| k == kind)
        .unwrap_or(KIND_COUNT - 1)
}

struct ColumnState {
    name: String,
    context: HeaderContext,
    /// Kinds tried on each cell, in order; the first that matches counts the cell.
    order: Vec<(PersonalKind, Hint)>,
    non_empty: u64,
    matches: [u64; KIND_COUNT],
    evidence: [Option<String>; KIND_COUNT],
    mobile_phones: u64,
    personal_emails: u64,
    all_integers: bool,
    small_cells: u64,
    small_lines: Vec<u64>,
    cache: Vec<Option<(u64, Option<PersonalKind>, bool)>>,
}

impl ColumnState {
    fn new(name: String) -> Self {
        let context = detect::header_context(&name);
        let mut column = Self {
            name,
            context,
            order: Vec::new(),
            non_empty: 0,
            matches: [0; KIND_COUNT],
            evidence: Default::default(),
            mobile_phones: 0,
            personal_emails: 0,
            all_integers: true,
            small_cells: 0,
            small_lines: Vec::new(),
            cache: vec![None; CLASSIFY_CACHE],
        };
        column.order_kinds();
        column
    }

    /// Kinds the header names first, then the ones values alone can show.
    fn order_kinds(&mut self) {
        self.order.clear();
        self.cache.fill(None);
        for &kind in &self.context.hinted {
            let hint = if kind == PersonalKind::PersonName && self.context.weak_name {
                Hint::Weak
            } else {
                Hint::Strong
            };
            self.order.push((kind, hint));
        }
        for &kind in PersonalKind::ALL {
            if !kind.needs_header() && !self.order.iter().any(|&(k, _)| k == kind) {
                self.order.push((kind, Hint::None));
            }
        }
    }

    fn header_score(&self, kind: PersonalKind) -> f64 {
        if !self.context.hinted.contains(&kind) {
            0.0
        } else if kind == PersonalKind::PersonName && self.context.weak_name {
            0.25
        } else {
            0.5
        }
    }

    fn cell(&mut self, value: &str, line: u64, min_cell_count: u64) {
        self.non_empty += 1;
        if self.context.count && self.all_integers {
            match parse_count(value) {
                Some(count) => {
                    if count > 0 && count < min_cell_count {
                        self.small_cells += 1;
                        if self.small_lines.len() < SMALL_CELL_LINES_LISTED {
                            self.small_lines.push(line);
                        }
                    }
                }
                None => self.all_integers = false,
            }
        }
        if !self.order.is_empty() {
            let (kind, flag) = self.classify(value);
            if let Some(kind) = kind {
                let index = kind_index(kind);
                self.matches[index] += 1;
                if self.evidence[index].is_none() {
                    self.evidence[index] = Some(mask(kind, value));
                }
                if flag {
                    match kind {
                        PersonalKind::Phone => self.mobile_phones += 1,
                        PersonalKind::Email => self.personal_emails += 1,
                        _ => {}
                    }
                }
            }
        }
        if self.non_empty == KIND_WARM_UP {
            let matches = &self.matches;
            self.order
                .retain(|&(kind, hint)| hint != Hint::None || matches[kind_index(kind)] > 0);
            self.cache.fill(None);
        }
    }

    /// The first kind in `order` that matches `value`, and whether a phone number is a
    /// mobile's or an e-mail address a person's. Values repeat (names, communes), so the
    /// answer is remembered in a small table keyed by a hash of the value.
    fn classify(&mut self, value: &str) -> (Option<PersonalKind>, bool) {
        // FNV-1a: cheap, and a collision only misclassifies one cell.
        let hash = value.bytes().fold(0xCBF2_9CE4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01B3)
        });
        let slot = (hash % CLASSIFY_CACHE as u64) as usize;
        if let Some((cached_hash, kind, flag)) = self.cache[slot]
            && cached_hash == hash
        {
            return (kind, flag);
        }
        let mut answer = (None, false);
        for &(kind, hint) in &self.order {
            if detect::matches_value(kind, value, hint) {
                let flag = match kind {
                    PersonalKind::Phone => detect::is_mobile_phone(value),
                    PersonalKind::Email => !detect::is_role_email(value),
                    _ => false,
                };
                answer = (Some(kind), flag);
                break;
            }
        }
        self.cache[slot] = Some((hash, answer.0, answer.1));
        answer
    }

    fn is_count_column(&self) -> bool {
        self.context.count && self.all_integers && self.non_empty > 0
    }

    fn detections(&self) -> Vec<Detection> {
        let mut detections = Vec::new();
        if self.non_empty == 0 {
            return detections;
        }
        for &kind in PersonalKind::ALL {
            let index = kind_index(kind);
            let matches = self.matches[index];
            if matches == 0 {
                continue;
            }
            let share = matches as f64 / self.non_empty as f64;
            let header = self.header_score(kind);
            let confidence = 1.0 - (1.0 - share) * (1.0 - header);
            if confidence < CONFIDENCE_THRESHOLD {
                continue;
            }
            let severity = match kind {
                PersonalKind::Phone if self.mobile_phones * 2 < matches => Severity::Warning,
                PersonalKind::Email if self.personal_emails == 0 => Severity::Warning,
                PersonalKind::Ice | PersonalKind::Gps | PersonalKind::Address => Severity::Warning,
                _ => Severity::Error,
            };
            detections.push(Detection {
                kind,
                matches,
                share,
                confidence,
                header_hint: header > 0.0,
                evidence: self.evidence[index].clone().unwrap_or_default(),
                severity,
            });
        }
        detections.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
        detections
    }
}

/// A whole number of people or things: digits, optionally grouped by spaces.
fn parse_count(value: &str) -> Option<u64> {
    let mut count: u64 = 0;
    let mut digits = 0;
    for c in value.chars() {
        match c {
            '0'..='9' => {
                count = count
                    .checked_mul(10)?
                    .checked_add(u64::from(c as u8 - b'0'))?;
                digits += 1;
            }
            ' ' | '\u{a0}' | '\u{202f}' if digits > 0 => {}
            _ => return None,
        }
    }
    (digits > 0).then_some(count)
}

#[derive(Default)]
struct ClassState {
    size: u64,
    sensitive: Vec<u64>,
}

struct Scanner {
    source_name: Option<String>,
    columns: Vec<ColumnState>,
    quasi: Vec<usize>,
    quasi_suggested: bool,
    sensitive: Option<usize>,
    classes: HashMap<Box<[u8]>, ClassState>,
    key: Vec<u8>,
    records: u64,
    ragged: u64,
    ragged_findings: Vec<Finding>,
    invalid_utf8_line: Option<u64>,
    scratch: String,
    k: u64,
    l: u64,
    min_cell_count: u64,
}

fn find_column(columns: &[ColumnState], wanted: &str) -> Option<usize> {
    let wanted = wanted.trim();
    columns
        .iter()
        .position(|column| column.name == wanted)
        .or_else(|| {
            let lower = wanted.to_lowercase();
            columns
                .iter()
                .position(|column| column.name.to_lowercase() == lower)
        })
}

impl Scanner {
    fn new(header: &csv::ByteRecord, options: &ScanOptions) -> Result<Self, ScanError> {
        let name = options.source_name.as_deref();
        let mut columns: Vec<ColumnState> = header
            .iter()
            .enumerate()
            .map(|(index, field)| {
                let text = String::from_utf8_lossy(field).trim().to_owned();
                ColumnState::new(if text.is_empty() {
                    format!("column {}", index + 1)
                } else {
                    text
                })
            })
            .collect();
        // `nom` next to `prénom` is a family name.
        let names_people = columns.iter().any(|column| {
            column.context.hinted.contains(&PersonalKind::PersonName) && !column.context.weak_name
        });
        if names_people {
            for column in &mut columns {
                if column.context.weak_name {
                    column.context.weak_name = false;
                    column.order_kinds();
                }
            }
        }
        let (quasi, quasi_suggested) = match &options.quasi_identifiers {
            Some(given) => {
                let mut indexes = Vec::new();
                for column in given.iter().filter(|c| !c.trim().is_empty()) {
                    let index = find_column(&columns, column)
                        .ok_or_else(|| ScanError::unknown_column(column, name))?;
                    if !indexes.contains(&index) {
                        indexes.push(index);
                    }
                }
                (indexes, false)
            }
            None => {
                let suggested: Vec<usize> = columns
                    .iter()
                    .enumerate()
                    .filter(|(_, column)| {
                        let context = &column.context;
                        (context.person_attribute || context.context_attribute)
                            && !context.count
                            && !context.hinted.iter().any(|k| k.is_direct_identifier())
                    })
                    .map(|(index, _)| index)
                    .collect();
                let personal = suggested
                    .iter()
                    .any(|&index| columns[index].context.person_attribute);
                (if personal { suggested } else { Vec::new() }, true)
            }
        };
        let sensitive = match &options.sensitive {
            Some(column) => Some(
                find_column(&columns, column)
                    .ok_or_else(|| ScanError::unknown_column(column, name))?,
            ),
            None => None,
        };
        Ok(Self {
            source_name: options.source_name.clone(),
            columns,
            quasi,
            quasi_suggested,
            sensitive,
            classes: HashMap::new(),
            key: Vec::new(),
            records: 0,
            ragged: 0,
            ragged_findings: Vec::new(),
            invalid_utf8_line: None,
            scratch: String::new(),
            k: options.k,
            l: options.l,
            min_cell_count: options.min_cell_count,
        })
    }

    fn file_path(&self) -> FindingPath {
        match &self.source_name {
            Some(name) => FindingPath::new().with(PathSegment::File(name.clone().into())),
            None => FindingPath::new(),
        }
    }

    fn record(&mut self, record: &csv::ByteRecord) {
        self.records += 1;
        let line = record.position().map_or(0, csv::Position::line);
        if record.len() != self.columns.len() {
            self.ragged += 1;
            if self.ragged <= RAGGED_ROWS_LISTED {
                let finding = Finding::new(
                    "privacy.ragged-row",
                    Severity::Warning,
                    self.file_path()
                        .with(PathSegment::Line(line))
                        .with(PathSegment::Record(self.records)),
                    format!(
                        "{} fields where the header has {}; the fields present were scanned",
                        record.len(),
                        self.columns.len()
                    ),
                )
                .with_hint("check the quoting and the delimiter of this row");
                self.ragged_findings.push(finding);
            }
        }
        for (index, column) in self.columns.iter_mut().enumerate() {
            let Some(raw) = record.get(index) else {
                break;
            };
            let raw = raw.trim_ascii();
            if raw.is_empty() {
                continue;
            }
            match std::str::from_utf8(raw) {
                Ok(text) => column.cell(text, line, self.min_cell_count),
                Err(_) => {
                    self.invalid_utf8_line.get_or_insert(line);
                    self.scratch.clear();
                    self.scratch.push_str(&String::from_utf8_lossy(raw));
                    column.cell(&self.scratch, line, self.min_cell_count);
                }
            }
        }
        if !self.quasi.is_empty() {
            self.key.clear();
            for &index in &self.quasi {
                self.key
                    .extend_from_slice(record.get(index).unwrap_or_default().trim_ascii());
                self.key.push(0x1F);
            }
            let class = match self.classes.get_mut(self.key.as_slice()) {
                Some(class) => class,
                None => self
                    .classes
                    .entry(self.key.clone().into_boxed_slice())
                    .or_default(),
            };
            class.size += 1;
            if let Some(index) = self.sensitive
                && class.sensitive.len() < SENSITIVE_VALUES_PER_CLASS
            {
                let mut hasher = DefaultHasher::new();
                record
                    .get(index)
                    .unwrap_or_default()
                    .trim_ascii()
                    .hash(&mut hasher);
                let hash = hasher.finish();
                if !class.sensitive.contains(&hash) {
                    class.sensitive.push(hash);
                }
            }
        }
    }

    fn finish(self, encoding: Encoding, delimiter: u8) -> ScanReport {
        let file = self.file_path();
        let mut findings = Vec::new();
        let mut columns: Vec<ColumnReport> = self
            .columns
            .iter()
            .enumerate()
            .map(|(index, column)| ColumnReport {
                name: column.name.clone(),
                position: index + 1,
                non_empty: column.non_empty,
                detections: column.detections(),
                count_column: column.is_count_column(),
                quasi_identifier: self.quasi.contains(&index),
            })
            .collect();
        let person_level = columns.iter().flat_map(|c| &c.detections).any(|d| {
            d.severity == Severity::Error
                && (d.kind.is_direct_identifier() || d.kind == PersonalKind::BirthDate)
        });
        // Locations of people (not of schools or pharmacies) are personal data.
        if person_level {
            for detection in columns.iter_mut().flat_map(|c| &mut c.detections) {
                if matches!(detection.kind, PersonalKind::Gps | PersonalKind::Address) {
                    detection.severity = Severity::Error;
                }
            }
        }
        for column in &columns {
            for detection in &column.detections {
                findings.push(detection_finding(&file, column, detection));
            }
        }
        let aggregate = !person_level && columns.iter().any(|c| c.count_column);

        let risk = if self.quasi.is_empty() || (self.quasi_suggested && aggregate) {
            None
        } else {
            Some(self.risk())
        };
        for column in &mut columns {
            column.quasi_identifier &= risk.is_some();
        }
        if let Some(risk) = &risk {
            findings.extend(risk_findings(&file, risk));
        }

        let mut small_cells = Vec::new();
        if aggregate {
            for column in &self.columns {
                if column.is_count_column() && column.small_cells > 0 {
                    let cells = SmallCells {
                        column: column.name.clone(),
                        threshold: self.min_cell_count,
                        cells: column.small_cells,
                        lines: column.small_lines.clone(),
                    };
                    findings.push(small_cell_finding(&file, &cells));
                    small_cells.push(cells);
                }
            }
        }

        findings.extend(self.ragged_findings);
        if self.ragged > RAGGED_ROWS_LISTED {
            findings.push(Finding::new(
                "privacy.ragged-row",
                Severity::Warning,
                file.clone(),
                format!(
                    "{} more rows have a number of fields different from the header's",
                    self.ragged - RAGGED_ROWS_LISTED
                ),
            ));
        }
        if let Some(line) = self.invalid_utf8_line {
            findings.push(
                Finding::new(
                    "privacy.encoding",
                    Severity::Warning,
                    file.clone().with(PathSegment::Line(line)),
                    "bytes that are not UTF-8 (first at this line) were read as replacement characters",
                )
                .with_hint("save the file as UTF-8"),
            );
        }

        let verdict = if columns
            .iter()
            .flat_map(|c| &c.detections)
            .any(|d| d.severity == Severity::Error && d.kind.is_direct_identifier())
        {
            Verdict::DoNotPublish
        } else if findings.iter().any(|f| f.severity() == Severity::Error) {
            Verdict::AnonymiseFirst
        } else {
            Verdict::Publishable
        };
        ScanReport {
            source_name: self.source_name,
            encoding,
            delimiter,
            records: self.records,
            ragged_records: self.ragged,
            columns,
            aggregate,
            risk,
            small_cells,
            findings,
            verdict,
        }
    }

    fn risk(&self) -> RiskReport {
        let mut min_class_size = u64::MAX;
        let mut classes_below_k = 0;
        let mut records_below_k = 0;
        let mut min_l = u64::MAX;
        let mut classes_below_l = 0;
        for class in self.classes.values() {
            min_class_size = min_class_size.min(class.size);
            if class.size < self.k {
                classes_below_k += 1;
                records_below_k += class.size;
            }
            if self.sensitive.is_some() {
                let l = class.sensitive.len() as u64;
                min_l = min_l.min(l);
                if l < self.l {
                    classes_below_l += 1;
                }
            }
        }
        let records = self.records;
        let classes = self.classes.len() as u64;
        let min_class_size = if classes == 0 { 0 } else { min_class_size };
        RiskReport {
            quasi_identifiers: self
                .quasi
                .iter()
                .map(|&index| self.columns[index].name.clone())
                .collect(),
            suggested: self.quasi_suggested,
            k: self.k,
            records,
            classes,
            min_class_size,
            classes_below_k,
            records_below_k,
            share_below_k: ratio(records_below_k, records),
            prosecutor_risk: if min_class_size == 0 {
                0.0
            } else {
                1.0 / min_class_size as f64
            },
            average_risk: ratio(classes, records),
            sensitive: self.sensitive.map(|index| self.columns[index].name.clone()),
            l: self.l,
            l_diversity: self.sensitive.map(|_| if classes == 0 { 0 } else { min_l }),
            classes_below_l,
        }
    }
}

fn ratio(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn percent(value: f64) -> String {
    format!("{:.1} %", value * 100.0)
}

fn detection_finding(file: &FindingPath, column: &ColumnReport, detection: &Detection) -> Finding {
    let kind = detection.kind;
    let mut message = format!(
        "{}: {} of {} non-empty values ({}), confidence {:.2}",
        kind.label(),
        detection.matches,
        column.non_empty,
        percent(detection.share),
        detection.confidence,
    );
    if detection.header_hint {
        message.push_str(", named by the header");
    }
    if !detection.evidence.is_empty() {
        message.push_str(", e.g. ");
        message.push_str(&detection.evidence);
    }
    let hint = match kind {
        PersonalKind::BirthDate => "publish an age band or the year instead of the full date",
        PersonalKind::Gps => {
            "if the points locate people or homes, round them to 2 decimals or aggregate by commune"
        }
        PersonalKind::Address => {
            "if the addresses are people's, remove them or keep only the commune"
        }
        PersonalKind::Ice => {
            "ICE numbers of sole traders identify persons; keep them only for companies"
        }
        PersonalKind::Phone if detection.severity == Severity::Warning => {
            "fixed lines are usually switchboards; remove any number of a person"
        }
        PersonalKind::Email if detection.severity == Severity::Warning => {
            "service addresses only; remove any address of a person"
        }
        _ => "remove the column, or replace it with a random pseudonym kept off the portal",
    };
    Finding::new(
        kind.rule_id(),
        detection.severity,
        file.clone()
            .with(PathSegment::Column(column.name.clone().into())),
        message,
    )
    .with_hint(hint)
}

fn risk_findings(file: &FindingPath, risk: &RiskReport) -> Vec<Finding> {
    let mut findings = Vec::new();
    let columns = risk.quasi_identifiers.join(", ");
    let origin = if risk.suggested {
        "suggested by the headers"
    } else {
        "given"
    };
    if risk.records_below_k > 0 {
        findings.push(
            Finding::new(
                "privacy.k-anonymity",
                Severity::Error,
                file.clone(),
                format!(
                    "{} of {} records ({}) are in {} classes smaller than k = {} on the \
                     quasi-identifiers {} ({}); smallest class {}, prosecutor risk {}",
                    risk.records_below_k,
                    risk.records,
                    percent(risk.share_below_k),
                    risk.classes_below_k,
                    risk.k,
                    columns,
                    origin,
                    risk.min_class_size,
                    percent(risk.prosecutor_risk),
                ),
            )
            .with_hint(
                "generalise the quasi-identifiers (age bands, province instead of commune, \
                 year instead of date) or suppress the rare combinations",
            ),
        );
    }
    if let (Some(sensitive), Some(l)) = (&risk.sensitive, risk.l_diversity)
        && risk.classes_below_l > 0
    {
        findings.push(
            Finding::new(
                "privacy.l-diversity",
                Severity::Error,
                file.clone()
                    .with(PathSegment::Column(sensitive.clone().into())),
                format!(
                    "{} classes have fewer than l = {} distinct values of the sensitive \
                     column (fewest: {l}): their {sensitive} is disclosed",
                    risk.classes_below_l, risk.l,
                ),
            )
            .with_hint("generalise the quasi-identifiers until every class mixes sensitive values"),
        );
    }
    findings
}

fn small_cell_finding(file: &FindingPath, cells: &SmallCells) -> Finding {
    let lines: Vec<String> = cells.lines.iter().map(u64::to_string).collect();
    let more = if cells.cells > cells.lines.len() as u64 {
        ", …"
    } else {
        ""
    };
    Finding::new(
        "privacy.small-cell",
        Severity::Error,
        file.clone()
            .with(PathSegment::Column(cells.column.clone().into())),
        format!(
            "{} counts below {} (lines {}{more}): each can single out a person",
            cells.cells,
            cells.threshold,
            lines.join(", "),
        ),
    )
    .with_hint(
        "merge categories or suppress the small cells (and enough others to stop subtraction)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_indexes_are_distinct() {
        assert_eq!(PersonalKind::ALL.len(), KIND_COUNT);
        for (index, &kind) in PersonalKind::ALL.iter().enumerate() {
            assert_eq!(kind_index(kind), index);
        }
    }

    #[test]
    fn counts() {
        assert_eq!(parse_count("12"), Some(12));
        assert_eq!(parse_count("1 234"), Some(1234));
        assert_eq!(parse_count("1.5"), None);
        assert_eq!(parse_count("-3"), None);
    }
}
