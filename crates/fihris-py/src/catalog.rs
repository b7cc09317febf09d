//! The `Catalog` class: a catalogue read by fihris, with the findings of its reader.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use fihris_cli::check::finding_json;
use fihris_cli::convert::{OutputFormat, write};
use fihris_cli::input::Loaded;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyList};
use serde_json::Value;

use crate::convert::to_python;
use crate::errors::os_error;

/// A catalogue read by `fihris.read` (or `fihris.sample`), with the findings of its reader.
///
/// `len(catalog)` is its number of datasets; iterating gives each dataset as a dict.
///
/// >>> import fihris
/// >>> catalog = fihris.sample()
/// >>> len(catalog) == len(catalog.to_dicts())
/// True
#[pyclass(module = "fihris._fihris", frozen)]
pub(crate) struct Catalog {
    inner: Loaded,
}

impl Catalog {
    pub(crate) fn new(inner: Loaded) -> Self {
        Self { inner }
    }

    pub(crate) fn loaded(&self) -> &Loaded {
        &self.inner
    }
}

fn output_format(name: &str) -> PyResult<OutputFormat> {
    OutputFormat::from_name(name).ok_or_else(|| {
        PyValueError::new_err(format!(
            "unknown format {name:?}: expected turtle, ntriples, rdfxml, jsonld, ckan or csv"
        ))
    })
}

/// A value the format cannot express is a `ValueError`; a failing disk an `OSError`.
fn write_error(error: &io::Error, path: Option<&Path>) -> PyErr {
    match error.kind() {
        io::ErrorKind::Other | io::ErrorKind::InvalidData | io::ErrorKind::InvalidInput => {
            PyValueError::new_err(error.to_string())
        }
        _ => os_error(
            error.raw_os_error(),
            &error.to_string(),
            path.map(|path| path.display().to_string()).as_deref(),
        ),
    }
}

#[pymethods]
impl Catalog {
    fn __len__(&self) -> usize {
        self.inner.catalog.datasets.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        self.to_dicts(py)?.try_iter()
    }

    fn __repr__(&self) -> String {
        format!(
            "<fihris.Catalog {}: {} datasets, {} reading findings>",
            self.inner.catalog.id,
            self.inner.catalog.datasets.len(),
            self.inner.findings.len()
        )
    }

    /// Every dataset as a dict (the JSON snapshot of the model: `id`, `title`,
    /// `distributions`…).
    ///
    /// >>> import fihris
    /// >>> first = fihris.sample().to_dicts()[0]
    /// >>> sorted(first["title"])[:1]
    /// ['fr']
    fn to_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let values = py
            .detach(|| serde_json::to_value(&self.inner.catalog.datasets))
            .map_err(|error| PyValueError::new_err(error.to_string()))?;
        to_python(py, &values)?
            .cast_into::<PyList>()
            .map_err(|error| PyValueError::new_err(error.to_string()))
    }

    /// The catalogue in a format: `turtle`, `ntriples`, `rdfxml`, `jsonld`, `ckan` or `csv`
    /// (what `fihris convert --to FORMAT` writes).
    ///
    /// >>> import fihris
    /// >>> print(fihris.sample().to_string("turtle").splitlines()[0])
    /// @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
    fn to_string(&self, py: Python<'_>, format: &str) -> PyResult<String> {
        let to = output_format(format)?;
        let bytes = py
            .detach(|| {
                let mut out = Vec::new();
                write(&self.inner, to, false, &mut out).map(|()| out)
            })
            .map_err(|error| write_error(&error, None))?;
        String::from_utf8(bytes).map_err(|error| PyValueError::new_err(error.to_string()))
    }

    /// Writes the catalogue to a file, in `format` or the one its extension names.
    ///
    /// >>> import fihris, pathlib, tempfile
    /// >>> path = pathlib.Path(tempfile.mkdtemp()) / "catalogue.ttl"
    /// >>> fihris.sample().write(path)
    /// >>> len(fihris.read(path)) == len(fihris.sample())
    /// True
    #[pyo3(signature = (path, format = None))]
    fn write(&self, py: Python<'_>, path: PathBuf, format: Option<&str>) -> PyResult<()> {
        let to = match format {
            Some(name) => output_format(name)?,
            None => OutputFormat::from_path(&path).ok_or_else(|| {
                PyValueError::new_err(format!(
                    "{}: unknown extension, say the format with format=",
                    path.display()
                ))
            })?,
        };
        py.detach(|| {
            let file = File::create(&path).map_err(|error| write_error(&error, Some(&path)))?;
            let mut out = BufWriter::new(file);
            write(&self.inner, to, false, &mut out)
                .and_then(|()| out.flush())
                .map_err(|error| write_error(&error, Some(&path)))
        })
    }

    /// What the reader repaired, kept verbatim or could not read, as dicts with the keys of
    /// the findings of `fihris.check`.
    ///
    /// >>> import fihris
    /// >>> fihris.sample().findings
    /// []
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let values = Value::Array(self.inner.findings.iter().map(finding_json).collect());
        to_python(py, &values)
    }
}
