use std::io::{self, Write};

use fihris_model::{Catalog, Dataset, ExtraField, FieldValue};

use crate::CkanFormat;
use crate::error::CkanError;
use crate::json::{write_string, write_value};
use crate::mapping::{Options, package_fields};
use crate::read::normalise_base;

/// Writes datasets as CKAN API JSON, one at a time: memory does not grow with the number
/// of datasets, the same model gives the same bytes, and [`CkanWriter::finish`] closes the
/// document and returns the inner writer.
///
/// What the reader kept of a CKAN input (unmapped fields, original spellings such as a
/// format `"xlsx "`) is written back, so CKAN -> model -> CKAN gives the same JSON.
///
/// ```
/// use fihris_ckan::{CkanFormat, CkanReader, CkanWriter};
/// let input = br#"{"name": "ipc", "title": "Indice des prix", "state": "active"}"#;
/// let read = CkanReader::new().read_slice(input)?;
/// let mut writer = CkanWriter::new(Vec::new(), CkanFormat::JsonLines);
/// for dataset in &read.catalog.datasets {
///     writer.write_dataset(dataset)?;
/// }
/// let output = String::from_utf8(writer.finish()?)?;
/// assert!(output.contains(r#""state": "active""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct CkanWriter<W: Write> {
    inner: W,
    format: CkanFormat,
    options: Options,
    envelope: Vec<ExtraField>,
    written: u64,
    buffer: String,
}

impl<W: Write> CkanWriter<W> {
    /// A writer of `format` into `inner`.
    #[must_use]
    pub fn new(inner: W, format: CkanFormat) -> Self {
        Self {
            inner,
            format,
            options: Options::default(),
            envelope: Vec::new(),
            written: 0,
            buffer: String::new(),
        }
    }

    /// The base IRI used to give a package a `name` when it was not read from CKAN
    /// (`<base>dataset/<name>`); the same as the reader's.
    ///
    /// # Errors
    ///
    /// [`crate::CkanErrorKind::Config`] when `base` is not an absolute IRI.
    pub fn with_base_iri(mut self, base: &str) -> Result<Self, CkanError> {
        self.options.base = normalise_base(base)?;
        Ok(self)
    }

    /// The envelope fields to write around the packages (`help`, and for
    /// `package_search` the `result` fields other than the packages: `count`, `facets`,
    /// `sort`…): the `extra.fields` of a catalogue that [`crate::CkanReader`] read.
    #[must_use]
    pub fn with_envelope(mut self, catalog: &Catalog) -> Self {
        self.envelope = catalog.extra.fields.clone();
        self
    }

    /// Writes one dataset as a package.
    ///
    /// # Errors
    ///
    /// I/O errors of the inner writer; [`io::ErrorKind::InvalidInput`] for a second
    /// dataset in a [`CkanFormat::Package`] or [`CkanFormat::PackageShow`] document.
    pub fn write_dataset(&mut self, dataset: &Dataset) -> io::Result<()> {
        self.buffer.clear();
        let single = matches!(self.format, CkanFormat::Package | CkanFormat::PackageShow);
        if single && self.written > 0 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "a package_show document holds one package",
            ));
        }
        if self.written == 0 {
            self.open();
        } else if matches!(
            self.format,
            CkanFormat::PackageSearch | CkanFormat::PackageList
        ) {
            self.buffer.push_str(", ");
        }
        write_value(
            &mut self.buffer,
            &FieldValue::Object(package_fields(&self.options, dataset)),
        );
        if self.format == CkanFormat::JsonLines {
            self.buffer.push('\n');
        }
        self.written += 1;
        self.inner.write_all(self.buffer.as_bytes())
    }

    /// Closes the document and returns the inner writer (flushed).
    ///
    /// # Errors
    ///
    /// I/O errors of the inner writer; [`io::ErrorKind::InvalidInput`] when a
    /// [`CkanFormat::Package`] or [`CkanFormat::PackageShow`] document got no dataset.
    pub fn finish(mut self) -> io::Result<W> {
        self.buffer.clear();
        if self.written == 0 {
            if matches!(self.format, CkanFormat::Package | CkanFormat::PackageShow) {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "a package_show document needs one dataset",
                ));
            }
            self.open();
        }
        match self.format {
            CkanFormat::PackageShow => self.buffer.push_str("}\n"),
            CkanFormat::PackageSearch => {
                self.buffer.push(']');
                // A `result` read from a package_search answer is written as read, with its
                // `count` or without; a new one gets the number of packages written.
                if self.envelope_result().is_none() {
                    self.buffer
                        .push_str(&format!(", \"count\": {}", self.written));
                }
                self.buffer.push_str("}}\n");
            }
            CkanFormat::PackageList => self.buffer.push_str("]\n"),
            CkanFormat::Package => self.buffer.push('\n'),
            CkanFormat::JsonLines => {}
        }
        self.inner.write_all(self.buffer.as_bytes())?;
        self.inner.flush()?;
        Ok(self.inner)
    }

    fn envelope_result(&self) -> Option<&[(String, FieldValue)]> {
        self.envelope
            .iter()
            .rev()
            .find_map(|field| match (&field.key[..], &field.value) {
                ("result", FieldValue::Object(fields)) => Some(fields.as_slice()),
                _ => None,
            })
    }

    /// Writes what comes before the first package.
    fn open(&mut self) {
        let mut head = String::new();
        match self.format {
            CkanFormat::PackageShow | CkanFormat::PackageSearch => {
                head.push('{');
                for field in &self.envelope {
                    if field.key == "result" || field.key == "success" {
                        continue;
                    }
                    write_string(&mut head, &field.key);
                    head.push_str(": ");
                    write_value(&mut head, &field.value);
                    head.push_str(", ");
                }
                head.push_str("\"success\": true, \"result\": ");
                if self.format == CkanFormat::PackageSearch {
                    head.push('{');
                    if let Some(fields) = self.envelope_result() {
                        for (key, value) in fields {
                            if key == "results" {
                                continue;
                            }
                            write_string(&mut head, key);
                            head.push_str(": ");
                            write_value(&mut head, value);
                            head.push_str(", ");
                        }
                    }
                    head.push_str("\"results\": [");
                }
            }
            CkanFormat::PackageList => head.push('['),
            CkanFormat::Package | CkanFormat::JsonLines => {}
        }
        head.push_str(&self.buffer);
        self.buffer = head;
    }
}

/// Writes a whole catalogue as `format` (envelope fields from `catalog.extra`).
///
/// # Errors
///
/// As [`CkanWriter::write_dataset`] and [`CkanWriter::finish`].
///
/// ```
/// use fihris_ckan::{CkanReader, write_catalog};
/// let input = br#"{"success": true, "result": {"count": 1, "results": [{"name": "a", "title": "A"}]}}"#;
/// let read = CkanReader::new().read_slice(input)?;
/// let output = write_catalog(&read.catalog, read.format, Vec::new())?;
/// assert_eq!(
///     String::from_utf8(output)?,
///     "{\"success\": true, \"result\": {\"count\": 1, \"results\": [{\"name\": \"a\", \"title\": \"A\"}]}}\n"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_catalog<W: Write>(catalog: &Catalog, format: CkanFormat, inner: W) -> io::Result<W> {
    let mut writer = CkanWriter::new(inner, format).with_envelope(catalog);
    for dataset in &catalog.datasets {
        writer.write_dataset(dataset)?;
    }
    writer.finish()
}

#[cfg(test)]
mod tests {
    use crate::{CkanFormat, CkanReader, write_catalog};

    #[test]
    fn a_search_result_is_written_with_its_count_or_without_as_read() {
        let reader = CkanReader::new();
        for input in [
            r#"{"success": true, "result": {"facets": {}, "results": []}}"#,
            r#"{"success": true, "result": {"count": 7, "results": [{"name": "a", "title": "A"}]}}"#,
        ] {
            let read = reader
                .read_slice(input.as_bytes())
                .expect("a search answer");
            assert_eq!(read.format, CkanFormat::PackageSearch);
            let written = write_catalog(&read.catalog, read.format, Vec::new()).unwrap();
            let text = String::from_utf8(written.clone()).unwrap();
            assert_eq!(text.contains("count"), input.contains("count"), "{text}");
            let again = reader
                .read_slice(&written)
                .expect("written CKAN reads back");
            assert_eq!(again.catalog, read.catalog, "{text}");
        }
        // A catalogue read from elsewhere gets the number of packages written.
        let read = reader
            .read_slice(br#"[{"name": "a", "title": "A"}]"#)
            .expect("a package list");
        let written = write_catalog(&read.catalog, CkanFormat::PackageSearch, Vec::new()).unwrap();
        assert!(
            String::from_utf8(written)
                .unwrap()
                .contains(r#""count": 1"#)
        );
    }
}
