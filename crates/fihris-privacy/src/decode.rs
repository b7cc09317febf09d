//! Byte-order marks, UTF-16 transcoding and delimiter sniffing, all streaming.

use std::fmt;
use std::io::{self, Cursor, Read};

/// The text encoding a resource was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (as spreadsheet software writes it).
    Utf8Bom,
    /// UTF-16 little-endian, with a byte-order mark.
    Utf16Le,
    /// UTF-16 big-endian, with a byte-order mark.
    Utf16Be,
}

impl Encoding {
    /// `utf-8`, `utf-8-bom`, `utf-16le` or `utf-16be`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Utf8 => "utf-8",
            Self::Utf8Bom => "utf-8-bom",
            Self::Utf16Le => "utf-16le",
            Self::Utf16Be => "utf-16be",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Reads at most `limit` bytes, fewer only at the end of the input.
fn read_prefix(reader: &mut dyn Read, limit: usize) -> io::Result<Vec<u8>> {
    let mut prefix = Vec::with_capacity(limit.min(1 << 16));
    reader.take(limit as u64).read_to_end(&mut prefix)?;
    Ok(prefix)
}

/// How many bytes of decoded text the delimiter is guessed from.
const SNIFF_BYTES: usize = 64 * 1024;

/// Detects the encoding from a byte-order mark, decodes UTF-16 to UTF-8, and guesses the
/// delimiter (unless given) from the start of the text. Returns a reader of UTF-8 text
/// (without BOM), the encoding and the delimiter.
pub(crate) fn open<'a>(
    mut reader: Box<dyn Read + 'a>,
    delimiter: Option<u8>,
) -> io::Result<(Box<dyn Read + 'a>, Encoding, u8)> {
    let head = read_prefix(&mut reader, 3)?;
    let (encoding, text): (Encoding, Box<dyn Read + 'a>) = match head.as_slice() {
        [0xEF, 0xBB, 0xBF] => (Encoding::Utf8Bom, reader),
        [0xFF, 0xFE, ..] => (
            Encoding::Utf16Le,
            Box::new(Utf16ToUtf8::new(
                Cursor::new(head[2..].to_vec()).chain(reader),
                false,
            )),
        ),
        [0xFE, 0xFF, ..] => (
            Encoding::Utf16Be,
            Box::new(Utf16ToUtf8::new(
                Cursor::new(head[2..].to_vec()).chain(reader),
                true,
            )),
        ),
        _ => (Encoding::Utf8, Box::new(Cursor::new(head).chain(reader))),
    };
    let mut text = text;
    let sample = read_prefix(&mut text, SNIFF_BYTES)?;
    let delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(&sample));
    Ok((
        Box::new(Cursor::new(sample).chain(text)),
        encoding,
        delimiter,
    ))
}

/// The delimiter among `,`, `;`, tab and `|` that splits the first lines most consistently
/// (quoted fields skipped); `,` when none does.
pub(crate) fn sniff_delimiter(sample: &[u8]) -> u8 {
    const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];
    const MAX_LINES: usize = 30;
    let mut counts: Vec<[usize; 4]> = Vec::new();
    let mut current = [0usize; 4];
    let mut in_quotes = false;
    let mut complete = false;
    for &byte in sample {
        match byte {
            b'"' => in_quotes = !in_quotes,
            b'\n' if !in_quotes => {
                counts.push(current);
                current = [0; 4];
                if counts.len() == MAX_LINES {
                    complete = true;
                    break;
                }
            }
            _ if !in_quotes => {
                if let Some(index) = CANDIDATES.iter().position(|&c| c == byte) {
                    current[index] += 1;
                }
            }
            _ => {}
        }
    }
    if !complete && current != [0; 4] {
        counts.push(current);
    }
    let Some(header) = counts.first() else {
        return b',';
    };
    let mut best = (b',', 0usize, 0usize);
    for (index, &candidate) in CANDIDATES.iter().enumerate() {
        let in_header = header[index];
        if in_header == 0 {
            continue;
        }
        let consistent = counts
            .iter()
            .filter(|line| line[index] == in_header)
            .count();
        if (consistent, in_header) > (best.1, best.2) {
            best = (candidate, consistent, in_header);
        }
    }
    best.0
}

/// Decodes UTF-16 (either byte order) into UTF-8, streaming; unpaired surrogates and an
/// odd final byte become U+FFFD.
struct Utf16ToUtf8<R> {
    inner: R,
    big_endian: bool,
    input: Vec<u8>,
    output: Vec<u8>,
    position: usize,
    pending_high: Option<u16>,
    done: bool,
}

impl<R: Read> Utf16ToUtf8<R> {
    fn new(inner: R, big_endian: bool) -> Self {
        Self {
            inner,
            big_endian,
            input: Vec::with_capacity(16 * 1024),
            output: Vec::with_capacity(24 * 1024),
            position: 0,
            pending_high: None,
            done: false,
        }
    }

    fn push_char(&mut self, c: char) {
        let mut buffer = [0u8; 4];
        self.output
            .extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
    }

    fn push_unit(&mut self, unit: u16) {
        if let Some(high) = self.pending_high.take() {
            if (0xDC00..0xE000).contains(&unit) {
                let code =
                    0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                self.push_char(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                return;
            }
            self.push_char(char::REPLACEMENT_CHARACTER);
        }
        if (0xD800..0xDC00).contains(&unit) {
            self.pending_high = Some(unit);
        } else if (0xDC00..0xE000).contains(&unit) {
            self.push_char(char::REPLACEMENT_CHARACTER);
        } else {
            self.push_char(char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
    }

    /// Decodes the next chunk into `output`; false at the end of the input.
    fn fill(&mut self) -> io::Result<bool> {
        self.output.clear();
        self.position = 0;
        while self.output.is_empty() {
            if self.done {
                return Ok(false);
            }
            let start = self.input.len();
            self.input.resize(start + 16 * 1024, 0);
            let read = loop {
                match self.inner.read(&mut self.input[start..]) {
                    Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                    other => break other,
                }
            };
            let read = match read {
                Ok(read) => read,
                Err(error) => {
                    self.input.truncate(start);
                    return Err(error);
                }
            };
            self.input.truncate(start + read);
            if read == 0 {
                self.done = true;
                if self.pending_high.take().is_some() || self.input.len() % 2 == 1 {
                    self.push_char(char::REPLACEMENT_CHARACTER);
                }
                self.input.clear();
                continue;
            }
            let even = self.input.len() - self.input.len() % 2;
            let mut units = Vec::with_capacity(even / 2);
            for pair in self.input[..even].chunks_exact(2) {
                let bytes = [pair[0], pair[1]];
                units.push(if self.big_endian {
                    u16::from_be_bytes(bytes)
                } else {
                    u16::from_le_bytes(bytes)
                });
            }
            for unit in units {
                self.push_unit(unit);
            }
            self.input.drain(..even);
        }
        Ok(true)
    }
}

impl<R: Read> Read for Utf16ToUtf8<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.position == self.output.len() && !self.fill()? {
            return Ok(0);
        }
        let available = &self.output[self.position..];
        let count = available.len().min(buf.len());
        buf[..count].copy_from_slice(&available[..count]);
        self.position += count;
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> (String, Encoding, u8) {
        let (mut reader, encoding, delimiter) =
            open(Box::new(Cursor::new(bytes.to_vec())), None).unwrap();
        let mut text = String::new();
        reader.read_to_string(&mut text).unwrap();
        (text, encoding, delimiter)
    }

    #[test]
    fn boms_and_utf16() {
        let text = "région;الاسم\nSouss;محمد 😀\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&le), (text.to_owned(), Encoding::Utf16Le, b';'));
        assert_eq!(decode(&be), (text.to_owned(), Encoding::Utf16Be, b';'));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom), (text.to_owned(), Encoding::Utf8Bom, b';'));
        assert_eq!(decode(b"a"), ("a".to_owned(), Encoding::Utf8, b','));
        assert_eq!(decode(b""), (String::new(), Encoding::Utf8, b','));
        // An odd trailing byte is replaced, not lost silently.
        assert_eq!(decode(&[0xFF, 0xFE, b'a', 0, b'b']).0, "a\u{FFFD}");
    }

    #[test]
    fn delimiters() {
        assert_eq!(sniff_delimiter(b"a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter(b"a;b;c\n\"1,5\";2;3\n"), b';');
        assert_eq!(sniff_delimiter(b"a\tb\n1,5\t2\n"), b'\t');
        assert_eq!(sniff_delimiter(b"a|b|c\n1|2|3"), b'|');
        assert_eq!(sniff_delimiter(b"single\n1\n"), b',');
    }
}
