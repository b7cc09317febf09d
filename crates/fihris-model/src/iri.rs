use std::fmt;

use crate::error::{ModelError, ModelErrorKind};

/// An absolute IRI, kept byte-exact as it was given.
///
/// Validation follows RFC 3987 (the same parser the oxigraph crates use), but the string is
/// never normalised: `http://example.org/a/../b` stays as written, Arabic path segments are not
/// percent-encoded and no trailing slash is added.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "String", into = "String")
)]
pub struct Iri(String);

impl Iri {
    /// Validates an absolute IRI.
    ///
    /// # Errors
    ///
    /// [`ModelErrorKind::Iri`] when the value is not an absolute IRI.
    ///
    /// ```
    /// use fihris_model::Iri;
    /// let iri = Iri::new("https://data.gov.ma/data/fr/dataset/تعداد")?;
    /// assert_eq!(iri.as_str(), "https://data.gov.ma/data/fr/dataset/تعداد");
    /// assert!(Iri::new("not an iri").is_err());
    /// # Ok::<(), fihris_model::ModelError>(())
    /// ```
    pub fn new(iri: impl Into<String>) -> Result<Self, ModelError> {
        let iri = iri.into();
        if plainly_valid(&iri) {
            return Ok(Self(iri));
        }
        match oxiri::Iri::parse(iri.as_str()) {
            Ok(_) => Ok(Self(iri)),
            Err(error) => Err(ModelError::new(
                ModelErrorKind::Iri,
                iri.clone(),
                error.to_string(),
            )),
        }
    }

    /// Whether [`Iri::new`] accepts `iri`, without building anything.
    ///
    /// ```
    /// use fihris_model::Iri;
    /// assert!(Iri::is_valid("https://data.gov.ma/data/fr/dataset/budget-2024?x=1#a"));
    /// assert!(!Iri::is_valid("/data/fr/dataset"));
    /// ```
    #[must_use]
    pub fn is_valid(iri: &str) -> bool {
        plainly_valid(iri) || oxiri::Iri::parse(iri).is_ok()
    }

    /// A quick check that most IRIs of catalogues pass (ASCII, `scheme://host[:port]` then
    /// a path, query and fragment of plain characters): `true` means [`Iri::is_valid`] holds;
    /// `false` only means "ask it". For parsers that check an IRI at each occurrence.
    ///
    /// ```
    /// use fihris_model::Iri;
    /// assert!(Iri::is_plainly_valid("https://data.gov.ma/data/fr/dataset/budget-2024"));
    /// assert!(!Iri::is_plainly_valid("https://data.gov.ma/data/fr/dataset/تعداد"));
    /// assert!(Iri::is_valid("https://data.gov.ma/data/fr/dataset/تعداد"));
    /// ```
    #[must_use]
    pub fn is_plainly_valid(iri: &str) -> bool {
        plainly_valid(iri)
    }

    /// Wraps a string without validating it.
    ///
    /// The caller guarantees that `iri` is an absolute IRI, for example because it comes from
    /// a vocabulary constant or from a parser that already validated it.
    #[must_use]
    pub fn new_unchecked(iri: impl Into<String>) -> Self {
        Self(iri.into())
    }

    /// The IRI as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The IRI as an owned string.
    #[must_use]
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Iri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Iri {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Iri {
    type Error = ModelError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<Iri> for String {
    fn from(value: Iri) -> Self {
        value.0
    }
}

/// A blank node label (without the `_:` prefix).
///
/// Labels are local to one document: readers keep them so that output stays close to the
/// input, but two documents' labels never denote the same node.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "String", into = "String")
)]
pub struct BlankId(String);

impl BlankId {
    /// Validates a blank node label: non-empty, ASCII letters, digits, `_`, `-` and `.`
    /// (not at the end), the subset that Turtle, N-Triples, RDF/XML and JSON-LD all accept.
    ///
    /// # Errors
    ///
    /// [`ModelErrorKind::BlankNode`] for any other label.
    ///
    /// ```
    /// use fihris_model::BlankId;
    /// assert!(BlankId::new("contact1").is_ok());
    /// assert!(BlankId::new("with space").is_err());
    /// ```
    pub fn new(label: impl Into<String>) -> Result<Self, ModelError> {
        let label = label.into();
        if Self::is_valid(&label) {
            Ok(Self(label))
        } else {
            Err(ModelError::new(
                ModelErrorKind::BlankNode,
                label,
                "a label is ASCII letters, digits, '_', '-' and inner '.'",
            ))
        }
    }

    /// Whether [`BlankId::new`] accepts `label`, without building anything.
    ///
    /// ```
    /// use fihris_model::BlankId;
    /// assert!(BlankId::is_valid("contact1"));
    /// assert!(!BlankId::is_valid("end."));
    /// ```
    #[must_use]
    pub fn is_valid(label: &str) -> bool {
        !label.is_empty()
            && !label.ends_with('.')
            && !label.starts_with(['-', '.'])
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
    }

    /// The label, without `_:`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for BlankId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "_:{}", self.0)
    }
}

impl TryFrom<String> for BlankId {
    type Error = ModelError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<BlankId> for String {
    fn from(value: BlankId) -> Self {
        value.0
    }
}

/// How a resource of the catalogue is identified: an IRI, or a blank node local to a document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NodeId {
    /// A globally identified resource.
    Iri(Iri),
    /// A resource known only inside one document.
    Blank(BlankId),
}

impl NodeId {
    /// The IRI, when the node has one.
    #[must_use]
    pub fn as_iri(&self) -> Option<&Iri> {
        match self {
            Self::Iri(iri) => Some(iri),
            Self::Blank(_) => None,
        }
    }

    /// Parses `_:label` as a blank node and anything else as an IRI.
    ///
    /// # Errors
    ///
    /// As [`Iri::new`] or [`BlankId::new`].
    ///
    /// ```
    /// use fihris_model::NodeId;
    /// assert!(matches!(NodeId::parse("_:b0")?, NodeId::Blank(_)));
    /// assert!(matches!(NodeId::parse("http://example.org/d")?, NodeId::Iri(_)));
    /// # Ok::<(), fihris_model::ModelError>(())
    /// ```
    pub fn parse(value: &str) -> Result<Self, ModelError> {
        match value.strip_prefix("_:") {
            Some(label) => Ok(Self::Blank(BlankId::new(label)?)),
            None => Ok(Self::Iri(Iri::new(value)?)),
        }
    }
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Iri(iri) => iri.fmt(f),
            Self::Blank(blank) => blank.fmt(f),
        }
    }
}

impl From<Iri> for NodeId {
    fn from(value: Iri) -> Self {
        Self::Iri(value)
    }
}

impl From<BlankId> for NodeId {
    fn from(value: BlankId) -> Self {
        Self::Blank(value)
    }
}

/// Whether `iri` has the shape most IRIs of catalogues have — ASCII,
/// `scheme://host[:port]` then path, query and fragment made of unreserved characters,
/// sub-delimiters, `:@/?` and percent escapes — which RFC 3987 accepts. Such IRIs skip the
/// full parser (a large part of reading time otherwise); `false` only means "ask it".
fn plainly_valid(iri: &str) -> bool {
    // One pass: scheme, `://`, host, port, then path, query and fragment.
    let bytes = iri.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    // A table lookup a byte: the scheme and host loops are most of the rest of the time.
    let mut at = 1;
    while bytes
        .get(at)
        .is_some_and(|&byte| BYTE_CLASSES[usize::from(byte)] & SCHEME != 0)
    {
        at += 1;
    }
    if bytes.get(at..at + 3) != Some(b"://") {
        return false;
    }
    at += 3;
    let host = at;
    while bytes
        .get(at)
        .is_some_and(|&byte| BYTE_CLASSES[usize::from(byte)] & HOST != 0)
    {
        at += 1;
    }
    if at == host {
        return false;
    }
    if bytes.get(at) == Some(&b':') {
        at += 1;
        let port = at;
        while bytes.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        if at == port {
            return false;
        }
    }
    if !matches!(bytes.get(at), None | Some(b'/' | b'?' | b'#')) {
        return false;
    }
    let path = &bytes[at..];
    // Most paths hold only plain characters and at most one `#`: one pass without a branch
    // (which the compiler vectorises; counting the `#` in it too made it four times longer,
    // noting whether there is one costs a comparison a byte) tells them apart;
    // percent-encoded octets and refused bytes are then read byte by byte. Blocks of 16 bytes
    // are tested at once; the last bytes, by the table (the compiler's own remainder loop
    // tested them one comparison at a time).
    let blocks = path.chunks_exact(16);
    let tail = blocks.remainder();
    let mut plain = true;
    let mut hash = false;
    for block in blocks {
        plain &= block
            .iter()
            .fold(true, |plain, &byte| plain & plain_or_hash(byte));
        hash |= block
            .iter()
            .fold(false, |hash, &byte| hash | (byte == b'#'));
    }
    for &byte in tail {
        plain &= PLAIN_PATH[usize::from(byte)] | (byte == b'#');
        hash |= byte == b'#';
    }
    if plain {
        // One `#` at most: the fragment's.
        return !hash || path.iter().filter(|&&byte| byte == b'#').count() == 1;
    }
    path_valid_bytewise(path)
}

/// Whether `byte` is in [`PLAIN_PATH`] or is `#`, by comparisons the compiler can vectorise
/// (a table lookup it cannot).
fn plain_or_hash(byte: u8) -> bool {
    // `&` to `;` (`&'()*+,-./`, digits, `:;`), `?` to `Z` (`?@`, capitals), small letters.
    (byte.wrapping_sub(b'&') <= b';' - b'&')
        | (byte.wrapping_sub(b'?') <= b'Z' - b'?')
        | (byte.wrapping_sub(b'a') <= b'z' - b'a')
        | (byte == b'!')
        | (byte == b'$')
        | (byte == b'=')
        | (byte == b'_')
        | (byte == b'~')
        | (byte == b'#')
}

/// Whether a path, query and fragment (what follows the authority) are valid, a byte at a
/// time.
fn path_valid_bytewise(bytes: &[u8]) -> bool {
    let mut at = 0;
    let mut in_fragment = false;
    while let Some(&byte) = bytes.get(at) {
        if !PLAIN_PATH[usize::from(byte)] {
            match byte {
                b'%' if bytes.get(at + 1).is_some_and(u8::is_ascii_hexdigit)
                    && bytes.get(at + 2).is_some_and(u8::is_ascii_hexdigit) =>
                {
                    at += 2;
                }
                b'#' if !in_fragment => in_fragment = true,
                _ => return false,
            }
        }
        at += 1;
    }
    true
}

/// [`BYTE_CLASSES`] bit of the bytes of a scheme after its first letter.
const SCHEME: u8 = 1;
/// [`BYTE_CLASSES`] bit of the bytes of a plain host name.
const HOST: u8 = 2;

/// The classes of each byte: [`SCHEME`] for ASCII letters, digits, `+`, `-` and `.`;
/// [`HOST`] for ASCII letters, digits, `-`, `.`, `_` and `~`.
const BYTE_CLASSES: [u8; 256] = {
    let mut table = [0; 256];
    let mut byte = 0;
    while byte < 128 {
        if (byte as u8).is_ascii_alphanumeric() {
            table[byte] = SCHEME | HOST;
        }
        byte += 1;
    }
    table[b'+' as usize] = SCHEME;
    table[b'-' as usize] = SCHEME | HOST;
    table[b'.' as usize] = SCHEME | HOST;
    table[b'_' as usize] = HOST;
    table[b'~' as usize] = HOST;
    table
};

/// The ASCII characters a path, query or fragment holds as they are: unreserved
/// characters, sub-delimiters, `:`, `@`, `/` and `?`.
const PLAIN_PATH: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    let others = b"-._~!$&'()*+,;=:@/?";
    let mut i = 0;
    while i < others.len() {
        table[others[i] as usize] = true;
        i += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_classes_are_those_of_schemes_and_host_names() {
        for byte in 0..=u8::MAX {
            let class = BYTE_CLASSES[usize::from(byte)];
            let alphanumeric = byte.is_ascii_alphanumeric();
            assert_eq!(
                class & SCHEME != 0,
                alphanumeric || matches!(byte, b'+' | b'-' | b'.'),
                "{byte:#x}"
            );
            assert_eq!(
                class & HOST != 0,
                alphanumeric || matches!(byte, b'-' | b'.' | b'_' | b'~'),
                "{byte:#x}"
            );
        }
    }

    #[test]
    fn plain_or_hash_is_the_table_and_hash() {
        for byte in 0..=u8::MAX {
            assert_eq!(
                plain_or_hash(byte),
                PLAIN_PATH[usize::from(byte)] || byte == b'#',
                "{byte:#x}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn the_path_scan_agrees_with_the_bytewise_one(
            path in "[a-zA-Z0-9:/?#%@.\\-_~!$&'()*+,;=\\[\\] é<>\"{}|^`\\\\]{0,40}"
        ) {
            let iri = format!("https://example.org/{path}");
            proptest::prop_assert_eq!(
                plainly_valid(&iri),
                path_valid_bytewise(&iri.as_bytes()[19..]),
                "{}", iri
            );
        }

        #[test]
        fn what_skips_the_full_parser_is_what_it_accepts(
            iri in "(https?://|urn:|[a-z]{1,3}:(//)?)?[a-zA-Z0-9:/?#%@.\\-_~!$&'()*+,;=\\[\\] é]{0,40}"
        ) {
            if plainly_valid(&iri) {
                proptest::prop_assert!(oxiri::Iri::parse(iri.as_str()).is_ok(), "{}", iri);
            }
            proptest::prop_assert_eq!(Iri::is_valid(&iri), oxiri::Iri::parse(iri.as_str()).is_ok());
        }
    }

    #[test]
    fn common_iris_skip_the_full_parser() {
        for iri in [
            "https://data.gov.ma/data/fr/dataset/budget-2024",
            "http://publications.europa.eu/resource/authority/file-type/CSV",
            "https://www.iana.org/assignments/media-types/text/csv",
            "http://example.org:8080/a%20b?q=1&r=(2)#frag:x/y?",
        ] {
            assert!(plainly_valid(iri), "{iri}");
        }
        for iri in [
            "mailto:a@b.ma",
            "http://[::1]/",
            "http://user@host/",
            "http://host:/",
            "http://host/a b",
            "http://host/é",
            "http://host/%zz",
            "http:///x",
            "http://host/#a#b",
        ] {
            assert!(!plainly_valid(iri), "{iri}");
        }
    }

    #[test]
    fn iri_is_kept_byte_exact() {
        for raw in [
            "http://example.org/a/../b",
            "https://EXAMPLE.org",
            "https://data.gov.ma/ar/مجموعة",
            "urn:uuid:5b1a3c1e-0000-4000-8000-000000000000",
        ] {
            assert_eq!(Iri::new(raw).unwrap().as_str(), raw);
        }
    }

    #[test]
    fn iri_refuses_relative_and_spaces() {
        for raw in [
            "",
            "relative/path",
            "http://exa mple.org/",
            "http://example.org/a b",
        ] {
            let error = Iri::new(raw).unwrap_err();
            assert_eq!(error.kind(), ModelErrorKind::Iri);
            assert_eq!(error.value(), raw);
        }
    }

    #[test]
    fn blank_labels() {
        assert!(BlankId::new("a.b").is_ok());
        for bad in ["", "a.", ".a", "-a", "a b", "é"] {
            assert_eq!(
                BlankId::new(bad).unwrap_err().kind(),
                ModelErrorKind::BlankNode
            );
        }
    }
}
