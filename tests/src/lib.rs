//! Data-driven conformance suite of fihris.
//!
//! The tests in `tests/` read the shared corpus (`../shared/conformance/`) and the portal
//! referentials (`../shared/referentials/`) at test time: several sources are AGPL-3.0 and
//! are not vendored. A missing corpus is a failure, never a skip.

use std::path::PathBuf;

pub mod arbitrary;
pub mod rdf;

/// The shared data folder: `../shared` next to the workspace root.
///
/// # Panics
///
/// Panics, with the path it looked for, when the folder is missing: the conformance tests
/// must fail, never skip, without their corpus.
#[must_use]
pub fn shared_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    assert!(
        dir.join("conformance").is_dir() && dir.join("referentials").is_dir(),
        "the shared corpus is missing: expected {} with conformance/ and referentials/ \
         (check out the shared data next to the workspace)",
        dir.display()
    );
    dir
}

/// Reads a file below [`shared_dir`] as UTF-8.
///
/// # Panics
///
/// Panics with the path when the file cannot be read.
#[must_use]
pub fn read_shared(relative: &str) -> String {
    let path = shared_dir().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Parses RFC 4180 CSV text (comma separator, `"` quoting with `""` escapes, LF or CRLF
/// line ends) into records of fields. The header, if any, is the first record.
///
/// ```
/// let records = fihris_conformance::parse_csv("a,b\n\"x, \"\"y\"\"\",z\n");
/// assert_eq!(records, vec![vec!["a", "b"], vec!["x, \"y\"", "z"]]);
/// ```
#[must_use]
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => in_quotes = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => in_quotes = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// Reads a CSV file below [`shared_dir`] as a header and rows of `(column, value)` access.
///
/// # Panics
///
/// Panics when the file cannot be read, is empty, or a row's length differs from the header's.
#[must_use]
pub fn read_shared_csv(relative: &str) -> CsvTable {
    let mut records = parse_csv(&read_shared(relative)).into_iter();
    let header = records
        .next()
        .unwrap_or_else(|| panic!("{relative} is empty"));
    let rows: Vec<Vec<String>> = records.collect();
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(
            row.len(),
            header.len(),
            "{relative}: record {} has {} fields, header has {}",
            i + 2,
            row.len(),
            header.len()
        );
    }
    CsvTable { header, rows }
}

/// A CSV file: its header and its rows.
#[derive(Debug, Clone)]
pub struct CsvTable {
    /// Column names.
    pub header: Vec<String>,
    /// Records after the header.
    pub rows: Vec<Vec<String>>,
}

impl CsvTable {
    /// Value of `column` in `row`.
    ///
    /// # Panics
    ///
    /// Panics when the column does not exist.
    #[must_use]
    pub fn get<'a>(&self, row: &'a [String], column: &str) -> &'a str {
        let index = self
            .header
            .iter()
            .position(|h| h == column)
            .unwrap_or_else(|| panic!("no column {column} in {:?}", self.header));
        &row[index]
    }

    /// Every value of `column`.
    #[must_use]
    pub fn column(&self, column: &str) -> Vec<&str> {
        self.rows.iter().map(|row| self.get(row, column)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_edge_cases() {
        assert_eq!(parse_csv(""), Vec::<Vec<String>>::new());
        assert_eq!(parse_csv("a,,b\r\n"), vec![vec!["a", "", "b"]]);
        assert_eq!(parse_csv("\"a\nb\",c"), vec![vec!["a\nb", "c"]]);
    }

    #[test]
    fn shared_dir_exists() {
        assert!(shared_dir().join("referentials/themes.csv").is_file());
    }
}
