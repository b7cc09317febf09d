//! Inline SVG charts: horizontal bars, one stacked bar, columns. Coordinates are computed
//! here, so the same input gives the same bytes; right-to-left layouts are mirrored.

use std::fmt::Write as _;

use super::html::{escape, shorten};

/// One bar: its label, its value, the value as shown, and a tooltip.
pub(crate) struct Bar {
    pub(crate) label: String,
    pub(crate) value: u64,
    pub(crate) shown: String,
    pub(crate) tooltip: String,
}

const WIDTH: u64 = 640;
const LABEL_WIDTH: u64 = 210;
const VALUE_ROOM: u64 = 70;
const ROW: u64 = 26;

fn open_svg(out: &mut String, height: u64, title: &str) {
    let _ = write!(
        out,
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{}" style="direction:ltr">"#,
        escape(title)
    );
}

/// Horizontal bars, largest scale fitted to the largest value.
pub(crate) fn bars(bars: &[Bar], title: &str, rtl: bool, class: &str) -> String {
    let height = ROW * bars.len() as u64 + 8;
    let mut out = String::new();
    open_svg(&mut out, height, title);
    let max = bars.iter().map(|bar| bar.value).max().unwrap_or(0).max(1);
    let room = WIDTH - LABEL_WIDTH - VALUE_ROOM;
    for (index, bar) in bars.iter().enumerate() {
        let y = 4 + ROW * index as u64;
        let width = if bar.value == 0 {
            0
        } else {
            (bar.value * room / max).max(2)
        };
        let (label_x, label_anchor, bar_x, value_x, value_anchor) = if rtl {
            let start = WIDTH - LABEL_WIDTH;
            (start + 8, "start", start - width, start - width - 6, "end")
        } else {
            (
                LABEL_WIDTH - 8,
                "end",
                LABEL_WIDTH,
                LABEL_WIDTH + width + 6,
                "start",
            )
        };
        let text_y = y + ROW / 2 + 4;
        let _ = write!(
            out,
            r#"<g class="bar {class}"><title>{tooltip}</title><text x="{label_x}" y="{text_y}" text-anchor="{label_anchor}" class="label">{label}</text><rect x="{bar_x}" y="{rect_y}" width="{width}" height="{rect_h}" rx="3"></rect><text x="{value_x}" y="{text_y}" text-anchor="{value_anchor}" class="value">{shown}</text></g>"#,
            tooltip = escape(&bar.tooltip),
            label = escape(&shorten(&bar.label, 30)),
            rect_y = y + 4,
            rect_h = ROW - 8,
            shown = escape(&bar.shown),
        );
    }
    out.push_str("</svg>");
    out
}

/// One part of a stacked bar.
pub(crate) struct Part {
    pub(crate) label: String,
    pub(crate) value: u64,
    pub(crate) class: &'static str,
}

/// A 100% stacked bar with its legend (HTML, so that it follows the page direction).
pub(crate) fn stacked(
    parts: &[Part],
    title: &str,
    rtl: bool,
    format: impl Fn(u64) -> String,
) -> String {
    let total: u64 = parts.iter().map(|part| part.value).sum();
    let mut out = String::new();
    open_svg(&mut out, 34, title);
    let _ = write!(
        out,
        r#"<rect x="0" y="4" width="{WIDTH}" height="26" rx="4" class="track"></rect>"#
    );
    let mut offset = 0;
    for part in parts {
        if total == 0 || part.value == 0 {
            continue;
        }
        let end = (offset + part.value) * WIDTH / total;
        let start = offset * WIDTH / total;
        offset += part.value;
        let width = end - start;
        let x = if rtl { WIDTH - end } else { start };
        let _ = write!(
            out,
            r#"<rect x="{x}" y="4" width="{width}" height="26" class="part {class}"><title>{label}: {value}</title></rect>"#,
            class = part.class,
            label = escape(&part.label),
            value = escape(&format(part.value)),
        );
    }
    out.push_str("</svg><ul class=\"legend\">");
    for part in parts {
        let _ = write!(
            out,
            r#"<li><span class="swatch {class}"></span>{label} <b>{value}</b></li>"#,
            class = part.class,
            label = escape(&part.label),
            value = escape(&format(part.value)),
        );
    }
    out.push_str("</ul>");
    out
}

/// Vertical columns (e.g. one per month), with a label under every `label_every`th column.
pub(crate) fn columns(
    columns: &[(String, u64)],
    title: &str,
    rtl: bool,
    label_every: usize,
) -> String {
    const HEIGHT: u64 = 180;
    const BASE: u64 = 150;
    // Room on both sides for the first and last labels.
    const MARGIN: u64 = 24;
    let count = columns.len().max(1) as u64;
    let slot = (WIDTH - 2 * MARGIN) / count;
    let max = columns
        .iter()
        .map(|(_, value)| *value)
        .max()
        .unwrap_or(0)
        .max(1);
    let mut out = String::new();
    open_svg(&mut out, HEIGHT, title);
    let _ = write!(
        out,
        r#"<line x1="0" y1="{BASE}" x2="{WIDTH}" y2="{BASE}" class="axis"></line>"#
    );
    for (index, (label, value)) in columns.iter().enumerate() {
        let position = if rtl {
            count - 1 - index as u64
        } else {
            index as u64
        };
        let x = MARGIN + position * slot + slot / 6;
        let width = slot - slot / 3;
        let height = value * (BASE - 20) / max;
        let _ = write!(
            out,
            r#"<g class="column"><title>{label}: {value}</title><rect x="{x}" y="{y}" width="{width}" height="{height}" rx="2"></rect>"#,
            label = escape(label),
            y = BASE - height,
        );
        if *value > 0 {
            let _ = write!(
                out,
                r#"<text x="{cx}" y="{ty}" text-anchor="middle" class="value">{value}</text>"#,
                cx = x + width / 2,
                ty = BASE - height - 4,
            );
        }
        if label_every > 0 && index % label_every == 0 {
            let _ = write!(
                out,
                r#"<text x="{cx}" y="{ly}" text-anchor="middle" class="label">{label}</text>"#,
                cx = x + width / 2,
                ly = BASE + 18,
                label = escape(label),
            );
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: u64) -> Bar {
        Bar {
            label: label.to_owned(),
            value,
            shown: value.to_string(),
            tooltip: label.to_owned(),
        }
    }

    #[test]
    fn bars_scale_to_the_largest_and_mirror() {
        let svg = bars(&[bar("a", 10), bar("b", 5), bar("<c>", 0)], "t", false, "x");
        assert!(svg.contains(r#"<rect x="210" y="8" width="360""#), "{svg}");
        assert!(svg.contains(r#"<rect x="210" y="34" width="180""#), "{svg}");
        assert!(svg.contains("&lt;c&gt;"));
        let rtl = bars(&[bar("a", 10)], "t", true, "x");
        assert!(rtl.contains(r#"<rect x="70" y="8" width="360""#), "{rtl}");
    }

    #[test]
    fn stacked_parts_fill_the_width() {
        let parts = [
            Part {
                label: "yes".into(),
                value: 1,
                class: "ok",
            },
            Part {
                label: "no".into(),
                value: 3,
                class: "bad",
            },
        ];
        let svg = stacked(&parts, "t", false, |v| v.to_string());
        assert!(
            svg.contains(r#"x="0" y="4" width="160" height="26" class="part ok""#),
            "{svg}"
        );
        assert!(
            svg.contains(r#"x="160" y="4" width="480" height="26" class="part bad""#),
            "{svg}"
        );
        let rtl = stacked(&parts, "t", true, |v| v.to_string());
        assert!(
            rtl.contains(r#"x="480" y="4" width="160" height="26" class="part ok""#),
            "{rtl}"
        );
    }

    #[test]
    fn columns_mirror_in_rtl() {
        let data = vec![("2026-01".to_owned(), 2), ("2026-02".to_owned(), 0)];
        let ltr = columns(&data, "t", false, 1);
        let rtl = columns(&data, "t", true, 1);
        // Slots of (640 - 48) / 2 = 296, columns a sixth in.
        assert!(ltr.contains(r#"<rect x="73" y="20""#), "{ltr}");
        assert!(rtl.contains(r#"<rect x="369" y="20""#), "{rtl}");
    }
}
