//! Rust errors to Python exceptions: `SyntaxError` with file, line and column, `OSError`
//! (its errno subclass, such as `FileNotFoundError`) and `ValueError`.

use std::error::Error;
use std::io;

use fihris_cli::input::{InputError, InputErrorKind};
use fihris_privacy::{ScanError, ScanErrorCategory};
use pyo3::PyErr;
use pyo3::exceptions::{PyOSError, PySyntaxError, PyValueError};

/// The text of an I/O error without Rust's ` (os error N)` suffix, as Python's `strerror`.
fn strerror(message: &str, errno: Option<i32>) -> String {
    errno
        .and_then(|code| message.strip_suffix(&format!(" (os error {code})")))
        .unwrap_or(message)
        .to_owned()
}

/// `OSError(errno, strerror, filename)`: Python picks the subclass of the errno.
pub(crate) fn os_error(errno: Option<i32>, message: &str, file: Option<&str>) -> PyErr {
    PyOSError::new_err((errno, strerror(message, errno), file.map(str::to_owned)))
}

/// `SyntaxError(msg, (filename, lineno, offset, text))`.
fn syntax_error(
    message: &str,
    file: Option<&str>,
    line: Option<u64>,
    column: Option<u64>,
) -> PyErr {
    PySyntaxError::new_err((
        message.to_owned(),
        (file.map(str::to_owned), line, column, None::<String>),
    ))
}

/// The exception of an unreadable input.
pub(crate) fn input_error(error: InputError) -> PyErr {
    match error.kind() {
        InputErrorKind::Syntax => {
            syntax_error(error.message(), error.file(), error.line(), error.column())
        }
        InputErrorKind::Io => os_error(error.raw_os_error(), error.message(), error.file()),
        _ => PyValueError::new_err(error.to_string()),
    }
}

/// The exception of a scan that could not run.
pub(crate) fn scan_error(error: &ScanError) -> PyErr {
    match error.category() {
        ScanErrorCategory::Io => {
            let source = error
                .source()
                .and_then(|source| source.downcast_ref::<io::Error>());
            let errno = source.and_then(io::Error::raw_os_error);
            let message = source.map_or_else(|| error.to_string(), ToString::to_string);
            os_error(errno, &message, error.source_name())
        }
        ScanErrorCategory::Syntax => {
            syntax_error(&error.to_string(), error.source_name(), error.line(), None)
        }
        _ => PyValueError::new_err(error.to_string()),
    }
}
