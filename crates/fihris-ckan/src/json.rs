//! A small JSON reader and writer over [`FieldValue`]: object key order, duplicate keys and
//! number lexical forms are kept as read, so that what the model does not map is written
//! back byte for byte; errors carry 1-based line and column.

use fihris_model::FieldValue;

/// Deepest nesting of arrays and objects accepted: CKAN packages nest four or five levels.
pub(crate) const MAX_DEPTH: usize = 128;

/// A JSON syntax problem at a byte offset of the parsed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxProblem {
    pub(crate) offset: usize,
    pub(crate) message: String,
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (u64, u64) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or_else(|| {
        // The offset may fall inside a character: back off to its start.
        let mut start = offset;
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        &text[..start]
    });
    let line = before.bytes().filter(|&b| b == b'\n').count() as u64 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() as u64 + 1;
    (line, column)
}

/// Parses one JSON value starting at `start` (after optional whitespace) and returns it
/// with the offset just after it.
pub(crate) fn parse_value_at(
    text: &str,
    start: usize,
) -> Result<(FieldValue, usize), SyntaxProblem> {
    let mut parser = Parser::new(text, start);
    parser.skip_whitespace();
    let value = parser.value()?;
    Ok((value, parser.pos))
}

/// Parses a whole text holding exactly one JSON value.
pub(crate) fn parse_document(text: &str) -> Result<FieldValue, SyntaxProblem> {
    let (value, end) = parse_value_at(text, 0)?;
    let rest = skip_whitespace(text, end);
    if rest < text.len() {
        return Err(SyntaxProblem {
            offset: rest,
            message: "trailing characters after the JSON value".to_owned(),
        });
    }
    Ok(value)
}

/// Offset of the first non-whitespace byte at or after `from`.
pub(crate) fn skip_whitespace(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut pos = from;
    while pos < bytes.len() && matches!(bytes[pos], b' ' | b'\t' | b'\n' | b'\r') {
        pos += 1;
    }
    pos
}

struct Parser<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    depth: usize,
    /// The fields of the objects being read, innermost last: each object's fields are moved
    /// out into a vector of their exact length when it closes, instead of each object growing
    /// its own vector (a CKAN package holds about ten objects and arrays).
    open_fields: Vec<(String, FieldValue)>,
    /// The same for the items of the arrays being read.
    open_items: Vec<FieldValue>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, start: usize) -> Self {
        Self {
            bytes: text.as_bytes(),
            text,
            pos: start,
            depth: 0,
            open_fields: Vec::new(),
            open_items: Vec::new(),
        }
    }

    fn fail<T>(&self, message: impl Into<String>) -> Result<T, SyntaxProblem> {
        Err(SyntaxProblem {
            offset: self.pos,
            message: message.into(),
        })
    }

    fn skip_whitespace(&mut self) {
        self.pos = skip_whitespace(self.text, self.pos);
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn value(&mut self) -> Result<FieldValue, SyntaxProblem> {
        match self.peek() {
            None => self.fail("unexpected end of input: a JSON value was expected"),
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => Ok(FieldValue::String(self.string()?)),
            Some(b't') => self.literal("true", FieldValue::Bool(true)),
            Some(b'f') => self.literal("false", FieldValue::Bool(false)),
            Some(b'n') => self.literal("null", FieldValue::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => {
                let found = self.text[self.pos..].chars().next().unwrap_or_default();
                self.fail(format!(
                    "unexpected character {found:?}: a JSON value was expected"
                ))
            }
        }
    }

    fn nested(
        &mut self,
        parse: fn(&mut Self) -> Result<FieldValue, SyntaxProblem>,
    ) -> Result<FieldValue, SyntaxProblem> {
        if self.depth >= MAX_DEPTH {
            return self.fail(format!("nesting deeper than {MAX_DEPTH} levels"));
        }
        self.depth += 1;
        let value = parse(self);
        self.depth -= 1;
        value
    }

    fn literal(&mut self, word: &str, value: FieldValue) -> Result<FieldValue, SyntaxProblem> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            self.fail(format!("invalid literal: expected {word}"))
        }
    }

    fn object(&mut self) -> Result<FieldValue, SyntaxProblem> {
        self.pos += 1;
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(FieldValue::Object(Vec::new()));
        }
        let first = self.open_fields.len();
        let closed = self.fields();
        // On an error too, so that the enclosing objects find their own fields on top.
        let fields = self.open_fields.split_off(first);
        closed.map(|()| FieldValue::Object(fields))
    }

    /// The fields of an object after its `{`, onto `open_fields`, and its `}`.
    fn fields(&mut self) -> Result<(), SyntaxProblem> {
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return self.fail("expected a string key in an object");
            }
            let key = self.string()?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return self.fail("expected ':' after an object key");
            }
            self.pos += 1;
            self.skip_whitespace();
            let value = self.value()?;
            self.open_fields.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                None => return self.fail("unexpected end of input inside an object"),
                _ => return self.fail("expected ',' or '}' in an object"),
            }
        }
    }

    fn array(&mut self) -> Result<FieldValue, SyntaxProblem> {
        self.pos += 1;
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(FieldValue::Array(Vec::new()));
        }
        let first = self.open_items.len();
        let closed = self.items();
        let items = self.open_items.split_off(first);
        closed.map(|()| FieldValue::Array(items))
    }

    /// The items of an array after its `[`, onto `open_items`, and its `]`.
    fn items(&mut self) -> Result<(), SyntaxProblem> {
        loop {
            self.skip_whitespace();
            let item = self.value()?;
            self.open_items.push(item);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                None => return self.fail("unexpected end of input inside an array"),
                _ => return self.fail("expected ',' or ']' in an array"),
            }
        }
    }

    fn number(&mut self) -> Result<FieldValue, SyntaxProblem> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return self.fail("a number needs digits"),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return self.fail("a number needs digits after '.'");
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return self.fail("a number needs digits in its exponent");
            }
            self.digits();
        }
        Ok(FieldValue::Number(self.text[start..self.pos].to_owned()))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }

    fn string(&mut self) -> Result<String, SyntaxProblem> {
        self.pos += 1;
        let start = self.pos;
        self.skip_plain();
        // Most strings hold no escape: one allocation of their exact length.
        if self.peek() == Some(b'"') {
            self.pos += 1;
            return Ok(self.text[start..self.pos - 1].to_owned());
        }
        let mut out = String::from(&self.text[start..self.pos]);
        loop {
            match self.peek() {
                None => return self.fail("unexpected end of input inside a string"),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return self.fail("control character inside a string (escape it)"),
            }
            let run_start = self.pos;
            self.skip_plain();
            out.push_str(&self.text[run_start..self.pos]);
        }
    }

    /// Moves past the characters of a string that stand for themselves: up to its closing
    /// quote, an escape, a control character or the end of the text.
    fn skip_plain(&mut self) {
        let rest = &self.bytes[self.pos..];
        self.pos += rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(rest.len());
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxProblem> {
        let Some(b) = self.peek() else {
            return self.fail("unexpected end of input inside an escape");
        };
        self.pos += 1;
        match b {
            b'"' => out.push('"'),
            b'\\' => out.push('\\'),
            b'/' => out.push('/'),
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'u' => {
                let first = self.hex4()?;
                let c = if (0xD800..0xDC00).contains(&first) {
                    if !self.bytes[self.pos..].starts_with(b"\\u") {
                        return self.fail("unpaired UTF-16 surrogate in a \\u escape");
                    }
                    self.pos += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return self.fail("unpaired UTF-16 surrogate in a \\u escape");
                    }
                    char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                } else {
                    char::from_u32(first)
                };
                match c {
                    Some(c) => out.push(c),
                    None => return self.fail("unpaired UTF-16 surrogate in a \\u escape"),
                }
            }
            _ => {
                self.pos -= 1;
                return self.fail("invalid escape in a string");
            }
        }
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxProblem> {
        let digits = self.bytes.get(self.pos..self.pos + 4);
        let value = digits
            .filter(|d| d.iter().all(u8::is_ascii_hexdigit))
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| u32::from_str_radix(d, 16).ok());
        match value {
            Some(value) => {
                self.pos += 4;
                Ok(value)
            }
            None => self.fail("a \\u escape needs four hexadecimal digits"),
        }
    }
}

/// Appends the JSON text of a value (compact, keys in their order, numbers as read).
pub(crate) fn write_value(out: &mut String, value: &FieldValue) {
    match value {
        FieldValue::Null => out.push_str("null"),
        FieldValue::Bool(true) => out.push_str("true"),
        FieldValue::Bool(false) => out.push_str("false"),
        FieldValue::Number(lexical) => {
            if is_number(lexical) {
                out.push_str(lexical);
            } else {
                // A number built by hand that is not JSON: keep the text, as a string.
                write_string(out, lexical);
            }
        }
        FieldValue::String(text) => write_string(out, text),
        FieldValue::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                write_value(out, item);
            }
            out.push(']');
        }
        FieldValue::Object(fields) => {
            out.push('{');
            for (index, (key, item)) in fields.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                write_string(out, key);
                out.push_str(": ");
                write_value(out, item);
            }
            out.push('}');
        }
    }
}

/// Appends a JSON string literal; C0 controls are escaped so every JSON parser reads it.
pub(crate) fn write_string(out: &mut String, text: &str) {
    out.push('"');
    let mut run_start = 0;
    for (index, c) in text.char_indices() {
        let escaped = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            c if (c as u32) < 0x20 || c == '\u{7f}' => "",
            _ => continue,
        };
        out.push_str(&text[run_start..index]);
        if escaped.is_empty() {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push_str(escaped);
        }
        run_start = index + c.len_utf8();
    }
    out.push_str(&text[run_start..]);
    out.push('"');
}

/// Whether `lexical` is a JSON number.
pub(crate) fn is_number(lexical: &str) -> bool {
    let mut parser = Parser::new(lexical, 0);
    matches!(parser.peek(), Some(b'-' | b'0'..=b'9'))
        && parser.number().is_ok()
        && parser.pos == lexical.len()
}

/// JSON equality as CKAN means it: object keys compare as a map (the last of duplicate
/// keys wins, as in most JSON parsers), numbers by lexical form.
pub(crate) fn json_eq(a: &FieldValue, b: &FieldValue) -> bool {
    match (a, b) {
        (FieldValue::Array(a), FieldValue::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| json_eq(a, b))
        }
        (FieldValue::Object(a), FieldValue::Object(b)) => {
            let a = dedup(a);
            let b = dedup(b);
            a.len() == b.len()
                && a.iter().all(|(key, value)| {
                    b.iter()
                        .find(|(other, _)| other == key)
                        .is_some_and(|(_, other)| json_eq(value, other))
                })
        }
        _ => a == b,
    }
}

/// The fields of an object with only the last of duplicate keys.
fn dedup(fields: &[(String, FieldValue)]) -> Vec<&(String, FieldValue)> {
    fields
        .iter()
        .enumerate()
        .filter(|(index, (key, _))| !fields[index + 1..].iter().any(|(other, _)| other == key))
        .map(|(_, field)| field)
        .collect()
}

/// The value of the last field named `key` (JSON parsers keep the last duplicate).
pub(crate) fn get<'a>(fields: &'a [(String, FieldValue)], key: &str) -> Option<&'a FieldValue> {
    fields
        .iter()
        .rev()
        .find(|(name, _)| name == key)
        .map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(text: &str) -> String {
        let value = parse_document(text).unwrap();
        let mut out = String::new();
        write_value(&mut out, &value);
        out
    }

    #[test]
    fn keeps_order_duplicates_and_number_forms() {
        assert_eq!(
            round(r#"{"b": 1.50, "a": [1e3, -0, 2E-2], "b": "x"}"#),
            r#"{"b": 1.50, "a": [1e3, -0, 2E-2], "b": "x"}"#
        );
    }

    #[test]
    fn escapes_and_unicode() {
        let value = parse_document(r#""\u00e9\ud83d\ude00 \"q\" \\ \/ \n ﬁ""#).unwrap();
        assert_eq!(value, FieldValue::String("é😀 \"q\" \\ / \n ﬁ".to_owned()));
        assert_eq!(round("\"a\\u0001b\""), "\"a\\u0001b\"");
    }

    #[test]
    fn strings_end_at_their_quote_or_escape_wherever_it_falls() {
        // Every position of an escape, a control character or the end of the text, in strings
        // of one- and two-byte characters.
        for length in 0..40 {
            let plain = "é".repeat(length / 2) + &"a".repeat(length % 2);
            assert_eq!(
                parse_document(&format!("\"{plain}\"")),
                Ok(FieldValue::String(plain.clone()))
            );
            for at in 0..=plain.len() {
                if !plain.is_char_boundary(at) {
                    continue;
                }
                let (before, after) = plain.split_at(at);
                assert_eq!(
                    parse_document(&format!("\"{before}\\n{after}\"")),
                    Ok(FieldValue::String(format!("{before}\n{after}")))
                );
                let problem = parse_document(&format!("\"{before}\t{after}\"")).unwrap_err();
                assert_eq!(problem.offset, 1 + at, "{before:?} tab {after:?}");
                let problem = parse_document(&format!("\"{before}")).unwrap_err();
                assert_eq!(problem.offset, 1 + at, "{before:?} unended");
            }
        }
    }

    #[test]
    fn errors_have_positions() {
        for (text, line, column) in [
            ("{\"a\": 1,\n \"b\": }", 2, 7),
            ("{\"a\": [1, 2", 1, 12),
            ("[1 2]", 1, 4),
            ("\"\\ud800\"", 1, 8),
            ("{\"a\" 1}", 1, 6),
            ("01", 1, 2),
            ("\"tab\there\"", 1, 5),
        ] {
            let problem = parse_document(text).unwrap_err();
            assert_eq!(
                line_column(text, problem.offset),
                (line, column),
                "{text}: {}",
                problem.message
            );
        }
    }

    #[test]
    fn depth_is_bounded() {
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(
            parse_document(&deep)
                .unwrap_err()
                .message
                .contains("nesting")
        );
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse_document(&ok).is_ok());
    }

    #[test]
    fn equality_ignores_key_order() {
        let a = parse_document(r#"{"a": 1, "b": {"c": [1, {"d": 2, "e": 3}]}}"#).unwrap();
        let b = parse_document(r#"{"b": {"c": [1, {"e": 3, "d": 2}]}, "a": 1}"#).unwrap();
        assert!(json_eq(&a, &b));
        let c = parse_document(r#"{"a": 1, "a": 2}"#).unwrap();
        let d = parse_document(r#"{"a": 2}"#).unwrap();
        assert!(json_eq(&c, &d));
        assert!(!json_eq(&a, &d));
    }
}
