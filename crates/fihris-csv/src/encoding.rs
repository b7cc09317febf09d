//! Decoding the accepted encodings to UTF-8, and encoding the writer's UTF-8 output.

use std::io::{self, Write};

use crate::dialect::Encoding;
use crate::error::{CsvError, CsvErrorKind};

/// Decodes a whole file: UTF-8 with or without BOM, UTF-16 LE/BE with BOM; anything else is
/// an [`CsvErrorKind::Encoding`] error naming the line of the first bad byte.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, Encoding), CsvError> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(CsvError::new(
            CsvErrorKind::Encoding,
            "the file is UTF-32: save it as UTF-8 (or UTF-16 with a BOM)",
        )
        .with_line(1));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok((utf8(rest)?, Encoding::Utf8Bom));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok((utf16(rest, u16::from_le_bytes)?, Encoding::Utf16LeBom));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok((utf16(rest, u16::from_be_bytes)?, Encoding::Utf16BeBom));
    }
    // UTF-16 without a BOM: ASCII text with every other byte NUL.
    if bytes.len() >= 4 && (bytes[0] == 0) != (bytes[1] == 0) && (bytes[2] == 0) != (bytes[3] == 0)
    {
        return Err(CsvError::new(
            CsvErrorKind::Encoding,
            "the file looks like UTF-16 without a byte-order mark: save it as UTF-8, or as \
             UTF-16 with a BOM",
        )
        .with_line(1));
    }
    Ok((utf8(bytes)?, Encoding::Utf8))
}

fn line_of(bytes: &[u8], offset: usize) -> u64 {
    let newlines = bytes[..offset].iter().filter(|&&b| b == b'\n').count();
    u64::try_from(newlines).map_or(u64::MAX, |n| n + 1)
}

fn utf8(bytes: &[u8]) -> Result<String, CsvError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => {
            let offset = error.valid_up_to();
            let byte = bytes.get(offset).copied().unwrap_or_default();
            Err(CsvError::new(
                CsvErrorKind::Encoding,
                format!(
                    "byte 0x{byte:02X} is not UTF-8 (the file is probably Windows-1252 or \
                     ISO-8859-1): save it as UTF-8, or as UTF-16 with a BOM"
                ),
            )
            .with_line(line_of(bytes, offset)))
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, CsvError> {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|pair| match *pair {
            [a, b] => Ok(unit([a, b])),
            _ => Err(()),
        })
        .collect::<Result<_, ()>>()
        .map_err(|()| {
            CsvError::new(
                CsvErrorKind::Encoding,
                "the UTF-16 file has an odd number of bytes (truncated?)",
            )
        })?;
    let mut text = String::with_capacity(units.len());
    let mut line = 1u64;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => {
                if c == '\n' {
                    line += 1;
                }
                text.push(c);
            }
            Err(error) => {
                return Err(CsvError::new(
                    CsvErrorKind::Encoding,
                    format!(
                        "unpaired UTF-16 surrogate 0x{:04X}",
                        error.unpaired_surrogate()
                    ),
                )
                .with_line(line));
            }
        }
    }
    Ok(text)
}

/// Turns the UTF-8 bytes the `csv` writer produces into the dialect's encoding, writing the
/// byte-order mark first.
#[derive(Debug)]
pub(crate) struct Encoder<W> {
    inner: W,
    encoding: Encoding,
    /// The start of a character split across two writes.
    pending: Vec<u8>,
}

impl<W: Write> Encoder<W> {
    pub(crate) fn new(mut inner: W, encoding: Encoding) -> io::Result<Self> {
        match encoding {
            Encoding::Utf8 => {}
            Encoding::Utf8Bom => inner.write_all(&[0xEF, 0xBB, 0xBF])?,
            Encoding::Utf16LeBom => inner.write_all(&[0xFF, 0xFE])?,
            Encoding::Utf16BeBom => inner.write_all(&[0xFE, 0xFF])?,
        }
        Ok(Self {
            inner,
            encoding,
            pending: Vec::new(),
        })
    }

    pub(crate) fn into_inner(self) -> io::Result<W> {
        if self.pending.is_empty() {
            Ok(self.inner)
        } else {
            Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "output ends inside a UTF-8 character",
            ))
        }
    }

    fn write_utf16(&mut self, text: &str) -> io::Result<()> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for unit in text.encode_utf16() {
            match self.encoding {
                Encoding::Utf16BeBom => out.extend_from_slice(&unit.to_be_bytes()),
                _ => out.extend_from_slice(&unit.to_le_bytes()),
            }
        }
        self.inner.write_all(&out)
    }
}

impl<W: Write> Write for Encoder<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if matches!(self.encoding, Encoding::Utf8 | Encoding::Utf8Bom) {
            return self.inner.write(buf);
        }
        self.pending.extend_from_slice(buf);
        let pending = std::mem::take(&mut self.pending);
        let valid = match std::str::from_utf8(&pending) {
            Ok(text) => text.len(),
            Err(error) if error.error_len().is_none() => error.valid_up_to(),
            Err(_) => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "the CSV writer produced bytes that are not UTF-8",
                ));
            }
        };
        let (text, rest) = pending.split_at(valid);
        // `valid` is a checked UTF-8 boundary.
        self.write_utf16(std::str::from_utf8(text).unwrap_or_default())?;
        self.pending = rest.to_vec();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
        let mut encoder = Encoder::new(Vec::new(), encoding).unwrap();
        // Split inside the multi-byte characters on purpose.
        for chunk in text.as_bytes().chunks(3) {
            encoder.write_all(chunk).unwrap();
        }
        encoder.into_inner().unwrap()
    }

    #[test]
    fn every_encoding_round_trips() {
        let text = "titre;المغرب;ﬁchier 😀\r\n";
        for encoding in [
            Encoding::Utf8,
            Encoding::Utf8Bom,
            Encoding::Utf16LeBom,
            Encoding::Utf16BeBom,
        ] {
            let bytes = encode(text, encoding);
            assert_eq!(decode(&bytes).unwrap(), (text.to_owned(), encoding));
        }
    }

    #[test]
    fn refuses_other_encodings_with_line() {
        let latin1 = b"titre\nD\xe9penses\n";
        let error = decode(latin1).unwrap_err();
        assert_eq!(error.kind(), CsvErrorKind::Encoding);
        assert_eq!(error.line(), Some(2));
        assert!(error.message().contains("0xE9"), "{error}");
        assert!(decode(b"t\0i\0t\0r\0e\0").is_err());
        assert!(decode(&[0xFF, 0xFE, 0, 0, b'a', 0, 0, 0]).is_err());
        assert!(decode(&[0xFF, 0xFE, b'a']).is_err());
        assert_eq!(
            decode(&[0xFF, 0xFE, b'a', 0, b'\n', 0, 0x00, 0xD8])
                .unwrap_err()
                .line(),
            Some(2)
        );
    }
}
