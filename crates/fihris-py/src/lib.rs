//! Python binding of fihris: the `fihris._fihris` extension module behind the `fihris`
//! package.
//!
//! The binding is thin: each function converts its arguments, releases the GIL around the
//! Rust work, and returns the same JSON records the command line prints, as plain Python
//! dicts and lists.

mod catalog;
mod convert;
mod errors;

use std::path::PathBuf;

use fihris_cli::check::{ProfileArg, check_json};
use fihris_cli::input::{InputFormat, ReadOptions, read_bytes, read_file, sample as sample_loaded};
use fihris_cli::scan::{report_json, scan_options};
use fihris_cli::stats::{parse_date, stats_json, today};
use fihris_cli::vocab::{VocabList, records};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::catalog::Catalog;
use crate::convert::to_python;
use crate::errors::{input_error, scan_error};

// The allocator of the command line (see fihris-cli): reading allocates much, and Python's
// own objects keep using Python's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The records of an embedded vocabulary: `themes`, `producers`, `formats`, `licences` or
/// `frequencies` (see `fihris.vocab`).
#[pyfunction]
fn vocab(py: Python<'_>, name: &str) -> PyResult<Py<PyAny>> {
    let list = match name {
        "themes" => VocabList::Themes,
        "producers" => VocabList::Producers,
        "formats" => VocabList::Formats,
        "licences" => VocabList::Licences,
        "frequencies" => VocabList::Frequencies,
        other => {
            return Err(PyValueError::new_err(format!(
                "unknown vocabulary {other:?}: expected themes, producers, formats, licences or frequencies"
            )));
        }
    };
    let values = py.detach(|| records(list));
    Ok(to_python(py, &serde_json::Value::Array(values))?.unbind())
}

fn input_format(name: &str) -> PyResult<InputFormat> {
    InputFormat::from_name(name).ok_or_else(|| {
        PyValueError::new_err(format!(
            "unknown format {name:?}: expected turtle, ntriples, rdfxml, jsonld, ckan or csv"
        ))
    })
}

/// Reads a catalogue from a file (str or path) or from bytes, as `fihris convert` reads it;
/// `max_input`: the largest RDF input read, in bytes (default 256 MiB).
#[pyfunction]
#[pyo3(signature = (source, format = None, *, repair = true, exact = false, max_input = None))]
fn read(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    format: Option<&str>,
    repair: bool,
    exact: bool,
    max_input: Option<u64>,
) -> PyResult<Catalog> {
    let from = format.map(input_format).transpose()?;
    let options = ReadOptions {
        from,
        exact,
        repair,
        progress: false,
        max_input_bytes: max_input,
    };
    let loaded = if let Ok(bytes) = source.cast::<PyBytes>() {
        let format = from.ok_or_else(|| {
            PyValueError::new_err("reading bytes needs a format, e.g. format=\"turtle\"")
        })?;
        let data = bytes.as_bytes();
        py.detach(|| read_bytes(data, "<bytes>", format, &options))
    } else {
        let path: PathBuf = source.extract()?;
        py.detach(|| read_file(&path, &options))
    };
    loaded.map(Catalog::new).map_err(input_error)
}

/// The embedded sample catalogue of the portal.
#[pyfunction]
fn sample(py: Python<'_>) -> Catalog {
    Catalog::new(py.detach(sample_loaded))
}

/// The report of `fihris check --output json`.
#[pyfunction]
#[pyo3(signature = (catalog, profile = "dcat-ap", as_of = None))]
fn check(
    py: Python<'_>,
    catalog: PyRef<'_, Catalog>,
    profile: &str,
    as_of: Option<&str>,
) -> PyResult<Py<PyAny>> {
    let profile = ProfileArg::from_name(profile).ok_or_else(|| {
        PyValueError::new_err(format!(
            "unknown profile {profile:?}: expected dcat-ap or ma"
        ))
    })?;
    let as_of = as_of
        .map(fihris_cli::check::parse_date)
        .transpose()
        .map_err(PyValueError::new_err)?;
    let loaded = catalog.loaded();
    let value = py.detach(|| check_json(&loaded.catalog, profile, as_of));
    Ok(to_python(py, &value)?.unbind())
}

/// The report of `fihris scan --output json`.
#[pyfunction]
#[pyo3(signature = (path, quasi = None, sensitive = None, k = 5, *, l = 2, min_count = 3))]
fn scan_csv(
    py: Python<'_>,
    path: PathBuf,
    quasi: Option<Vec<String>>,
    sensitive: Option<String>,
    k: u64,
    l: u64,
    min_count: u64,
) -> PyResult<Py<PyAny>> {
    let options = scan_options(quasi.as_deref(), sensitive.as_deref(), k, l, min_count);
    let value = py
        .detach(|| fihris_privacy::scan_path(&path, &options).map(|report| report_json(&report)))
        .map_err(|error| scan_error(&error))?;
    Ok(to_python(py, &value)?.unbind())
}

/// The statistics of `fihris stats --output json`.
#[pyfunction]
#[pyo3(signature = (catalog, as_of = None))]
fn stats(py: Python<'_>, catalog: PyRef<'_, Catalog>, as_of: Option<&str>) -> PyResult<Py<PyAny>> {
    let as_of = as_of
        .map(parse_date)
        .transpose()
        .map_err(PyValueError::new_err)?;
    let loaded = catalog.loaded();
    let value = py
        .detach(|| stats_json(&loaded.catalog, as_of.unwrap_or_else(today)))
        .map_err(|error| PyValueError::new_err(error.to_string()))?;
    Ok(to_python(py, &value)?.unbind())
}

/// The `fihris._fihris` module.
#[pymodule]
fn _fihris(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_class::<Catalog>()?;
    module.add_function(wrap_pyfunction!(vocab, module)?)?;
    module.add_function(wrap_pyfunction!(read, module)?)?;
    module.add_function(wrap_pyfunction!(sample, module)?)?;
    module.add_function(wrap_pyfunction!(check, module)?)?;
    module.add_function(wrap_pyfunction!(scan_csv, module)?)?;
    module.add_function(wrap_pyfunction!(stats, module)?)?;
    Ok(())
}
