//! Python binding of fihris: the `fihris._fihris` extension module behind the `fihris`
//! package.
//!
//! The binding is thin: each function converts its arguments, releases the GIL around the
//! Rust work, and returns the same JSON records the command line prints, as plain Python
//! dicts and lists.

mod convert;

use fihris_cli::vocab::{VocabList, records};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::convert::to_python;

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

/// The `fihris._fihris` module.
#[pymodule]
fn _fihris(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_function(wrap_pyfunction!(vocab, module)?)?;
    Ok(())
}
