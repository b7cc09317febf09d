//! A small JSON reader (into [`Value`], borrowing the text) and writer (of [`FieldValue`]):
//! object key order, duplicate keys and number lexical forms are kept as read, so that what
//! the model does not map is written back byte for byte; errors carry 1-based line and
//! column.

use std::borrow::Cow;

use fihris_model::FieldValue;

/// A JSON value as read: keys, numbers and strings without escapes point into the text.
/// A package's keys and most of its strings are never copied: only what the model keeps is
/// (as its own strings, or as a [`FieldValue`] for what it does not map).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value<'a> {
    Null,
    Bool(bool),
    /// The lexical form as read.
    Number(Cow<'a, str>),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    /// Keys in their order, duplicates kept.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

/// The fields of an object as read.
pub(crate) type Fields<'a> = [(Cow<'a, str>, Value<'a>)];

impl Value<'_> {
    /// The value as the model keeps it.
    pub(crate) fn to_field(&self) -> FieldValue {
        match self {
            Value::Null => FieldValue::Null,
            Value::Bool(value) => FieldValue::Bool(*value),
            Value::Number(lexical) => FieldValue::Number(lexical.as_ref().to_owned()),
            Value::String(text) => FieldValue::String(text.as_ref().to_owned()),
            Value::Array(items) => FieldValue::Array(items.iter().map(Value::to_field).collect()),
            Value::Object(fields) => FieldValue::Object(
                fields
                    .iter()
                    .map(|(key, value)| (key.as_ref().to_owned(), value.to_field()))
                    .collect(),
            ),
        }
    }

    /// The value owning its strings, for a text that does not outlive it.
    pub(crate) fn into_owned(self) -> Value<'static> {
        match self {
            Value::Null => Value::Null,
            Value::Bool(value) => Value::Bool(value),
            Value::Number(lexical) => Value::Number(Cow::Owned(lexical.into_owned())),
            Value::String(text) => Value::String(Cow::Owned(text.into_owned())),
            Value::Array(items) => Value::Array(items.into_iter().map(Value::into_owned).collect()),
            Value::Object(fields) => Value::Object(
                fields
                    .into_iter()
                    .map(|(key, value)| (Cow::Owned(key.into_owned()), value.into_owned()))
                    .collect(),
            ),
        }
    }
}

impl<'a> Value<'a> {
    /// A view of a value the model keeps, to read it again as if parsed.
    pub(crate) fn of_field(value: &'a FieldValue) -> Self {
        match value {
            FieldValue::Null => Value::Null,
            FieldValue::Bool(value) => Value::Bool(*value),
            FieldValue::Number(lexical) => Value::Number(Cow::Borrowed(lexical)),
            FieldValue::String(text) => Value::String(Cow::Borrowed(text)),
            FieldValue::Array(items) => Value::Array(items.iter().map(Value::of_field).collect()),
            FieldValue::Object(fields) => Value::Object(
                fields
                    .iter()
                    .map(|(key, value)| (Cow::Borrowed(key.as_str()), Value::of_field(value)))
                    .collect(),
            ),
        }
    }
}

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
) -> Result<(Value<'_>, usize), SyntaxProblem> {
    let mut parser = Parser::new(text, start);
    parser.skip_whitespace();
    let value = parser.value()?;
    Ok((value, parser.pos))
}

/// Parses a whole text holding exactly one JSON value.
pub(crate) fn parse_document(text: &str) -> Result<Value<'_>, SyntaxProblem> {
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
    open_fields: Vec<(Cow<'a, str>, Value<'a>)>,
    /// The same for the items of the arrays being read.
    open_items: Vec<Value<'a>>,
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

    fn value(&mut self) -> Result<Value<'a>, SyntaxProblem> {
        match self.peek() {
            None => self.fail("unexpected end of input: a JSON value was expected"),
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
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
        parse: fn(&mut Self) -> Result<Value<'a>, SyntaxProblem>,
    ) -> Result<Value<'a>, SyntaxProblem> {
        if self.depth >= MAX_DEPTH {
            return self.fail(format!("nesting deeper than {MAX_DEPTH} levels"));
        }
        self.depth += 1;
        let value = parse(self);
        self.depth -= 1;
        value
    }

    fn literal(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, SyntaxProblem> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            self.fail(format!("invalid literal: expected {word}"))
        }
    }

    fn object(&mut self) -> Result<Value<'a>, SyntaxProblem> {
        self.pos += 1;
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(Vec::new()));
        }
        let first = self.open_fields.len();
        let closed = self.fields();
        // On an error too, so that the enclosing objects find their own fields on top.
        let fields = self.open_fields.split_off(first);
        closed.map(|()| Value::Object(fields))
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

    fn array(&mut self) -> Result<Value<'a>, SyntaxProblem> {
        self.pos += 1;
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(Vec::new()));
        }
        let first = self.open_items.len();
        let closed = self.items();
        let items = self.open_items.split_off(first);
        closed.map(|()| Value::Array(items))
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

    fn number(&mut self) -> Result<Value<'a>, SyntaxProblem> {
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
        Ok(Value::Number(Cow::Borrowed(&self.text[start..self.pos])))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }

    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxProblem> {
        self.pos += 1;
        let start = self.pos;
        self.skip_plain();
        // Most strings hold no escape: they are the text between the quotes.
        if self.peek() == Some(b'"') {
            self.pos += 1;
            return Ok(Cow::Borrowed(&self.text[start..self.pos - 1]));
        }
        let mut out = String::from(&self.text[start..self.pos]);
        loop {
            match self.peek() {
                None => return self.fail("unexpected end of input inside a string"),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
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
        self.pos += fihris_vocab::plain_prefix(&self.bytes[self.pos..], b"\"\\", true);
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

/// Whether a value the model keeps is, as JSON, the value read, as CKAN means it: object
/// keys compare as a map (the last of duplicate keys wins, as in most JSON parsers), numbers
/// by lexical form.
pub(crate) fn same_json(kept: &FieldValue, read: &Value<'_>) -> bool {
    match (kept, read) {
        (FieldValue::Null, Value::Null) => true,
        (FieldValue::Bool(kept), Value::Bool(read)) => kept == read,
        (FieldValue::Number(kept), Value::Number(read)) => kept == read,
        (FieldValue::String(kept), Value::String(read)) => kept == read,
        (FieldValue::Array(kept), Value::Array(read)) => {
            kept.len() == read.len() && kept.iter().zip(read).all(|(k, r)| same_json(k, r))
        }
        (FieldValue::Object(kept), Value::Object(read)) => {
            let in_order = kept.len() == read.len()
                && kept
                    .iter()
                    .zip(read)
                    .all(|((k_key, k), (r_key, r))| k_key == r_key && same_json(k, r));
            in_order || same_map(&dedup(kept), &dedup(read), same_json)
        }
        _ => false,
    }
}

/// Whether two objects without duplicate keys hold the same keys with equal values.
fn same_map<K: AsRef<str>, L: AsRef<str>, V, W>(
    a: &[&(K, V)],
    b: &[&(L, W)],
    equal: impl Fn(&V, &W) -> bool,
) -> bool {
    a.len() == b.len()
        && a.iter().all(|(key, value)| {
            b.iter()
                .find(|(other, _)| other.as_ref() == key.as_ref())
                .is_some_and(|(_, other)| equal(value, other))
        })
}

/// The fields of an object with only the last of duplicate keys.
fn dedup<K: AsRef<str>, V>(fields: &[(K, V)]) -> Vec<&(K, V)> {
    fields
        .iter()
        .enumerate()
        .filter(|(index, (key, _))| {
            !fields[index + 1..]
                .iter()
                .any(|(other, _)| other.as_ref() == key.as_ref())
        })
        .map(|(_, field)| field)
        .collect()
}

/// The value of the last field named `key` (JSON parsers keep the last duplicate).
pub(crate) fn get<'f, K: AsRef<str>, V>(fields: &'f [(K, V)], key: &str) -> Option<&'f V> {
    fields
        .iter()
        .rev()
        .find(|(name, _)| name.as_ref() == key)
        .map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(text: &str) -> String {
        let value = parse_document(text).unwrap().to_field();
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
        assert_eq!(value, Value::String(Cow::Borrowed("é😀 \"q\" \\ / \n ﬁ")));
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
                Ok(Value::String(Cow::Borrowed(&plain)))
            );
            for at in 0..=plain.len() {
                if !plain.is_char_boundary(at) {
                    continue;
                }
                let (before, after) = plain.split_at(at);
                assert_eq!(
                    parse_document(&format!("\"{before}\\n{after}\"")),
                    Ok(Value::String(Cow::Owned(format!("{before}\n{after}"))))
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
        assert!(same_json(&a.to_field(), &b));
        let c = parse_document(r#"{"a": 1, "a": 2}"#).unwrap();
        let d = parse_document(r#"{"a": 2}"#).unwrap();
        assert!(same_json(&c.to_field(), &d));
        assert!(same_json(&d.to_field(), &c));
        assert!(!same_json(&a.to_field(), &d));
        // In order, but the values differ; then the same values, one key missing.
        let e = parse_document(r#"{"a": 1, "b": {"c": [1, {"d": 2, "e": 4}]}}"#).unwrap();
        assert!(!same_json(&a.to_field(), &e));
        let f = parse_document(r#"{"a": 1, "b": {"c": [1, {"d": 2}]}}"#).unwrap();
        assert!(!same_json(&a.to_field(), &f));
        assert!(!same_json(&f.to_field(), &a));
    }

    #[test]
    fn kept_values_compare_with_values_read() {
        let read = parse_document(r#"{"b": [1, "x"], "a": {"c": null}}"#).unwrap();
        let kept = parse_document(r#"{"a": {"c": null}, "b": [1, "x"]}"#)
            .unwrap()
            .to_field();
        assert!(same_json(&kept, &read));
        assert!(same_json(&read.to_field(), &read));
        assert!(!same_json(
            &FieldValue::String("1".to_owned()),
            &Value::Number("1".into())
        ));
        assert!(same_json(
            &FieldValue::String("é".to_owned()),
            &parse_document(r#""\u00e9""#).unwrap()
        ));
        assert!(!same_json(
            &FieldValue::String("e".to_owned()),
            &parse_document(r#""\u00e9""#).unwrap()
        ));
        // A value read from a text that is gone, and a view of a kept value, are the same JSON.
        let owned = parse_document(&String::from(r#"{"k": [true, 2.50]}"#))
            .unwrap()
            .into_owned();
        assert_eq!(Value::of_field(&owned.to_field()), owned);
    }
}
