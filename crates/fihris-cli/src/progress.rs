//! A progress bar on standard error, drawn only when standard error is a terminal and the
//! command's output is not JSON (scripts read JSON; a bar there would only be noise).

use std::io::{self, IsTerminal, Write};

/// Width of the bar, in cells.
const WIDTH: usize = 30;

/// A progress bar over a known total (bytes read, datasets counted).
pub(crate) struct Progress<W: Write> {
    out: Option<W>,
    label: String,
    total: u64,
    done: u64,
    drawn_permille: Option<u64>,
}

impl Progress<io::Stderr> {
    /// A bar on standard error, hidden unless standard error is a terminal and `visible`.
    pub(crate) fn stderr(label: &str, total: u64, visible: bool) -> Self {
        let stderr = io::stderr();
        let enabled = visible && stderr.is_terminal();
        Self::new(enabled.then_some(stderr), label, total)
    }
}

impl<W: Write> Progress<W> {
    /// A bar writing to `out`, or a silent one.
    pub(crate) fn new(out: Option<W>, label: &str, total: u64) -> Self {
        Self {
            out,
            label: label.to_owned(),
            total,
            done: 0,
            drawn_permille: None,
        }
    }

    /// Whether the bar is drawn (not a silent one).
    pub(crate) fn is_drawn(&self) -> bool {
        self.out.is_some()
    }

    /// Moves the bar `amount` forward; redraws only when the shown value changes.
    pub(crate) fn advance(&mut self, amount: u64) {
        self.done = self.done.saturating_add(amount).min(self.total);
        let permille = self.done.saturating_mul(1000) / self.total.max(1);
        if self.drawn_permille != Some(permille) {
            self.drawn_permille = Some(permille);
            self.draw(permille);
        }
    }

    fn draw(&mut self, permille: u64) {
        let Some(out) = self.out.as_mut() else {
            return;
        };
        let filled = usize::try_from(permille).unwrap_or(1000) * WIDTH / 1000;
        let bar: String = "█".repeat(filled) + &"░".repeat(WIDTH - filled);
        // A bar that cannot be drawn is not worth failing the command for.
        let _ = write!(
            out,
            "\r{} {bar} {:>3}.{}% ({}/{})",
            self.label,
            permille / 10,
            permille % 10,
            self.done,
            self.total
        );
        let _ = out.flush();
    }

    /// Clears the bar's line.
    pub(crate) fn finish(mut self) -> Option<W> {
        if let Some(out) = self.out.as_mut()
            && self.drawn_permille.is_some()
        {
            let _ = write!(out, "\r\x1b[2K");
            let _ = out.flush();
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_when_the_value_changes_and_clears() {
        let mut progress = Progress::new(Some(Vec::new()), "stats", 4);
        progress.advance(1);
        progress.advance(0);
        progress.advance(3);
        progress.advance(10);
        let text = String::from_utf8(progress.finish().unwrap()).unwrap();
        assert_eq!(text.matches('\r').count(), 3, "{text:?}");
        assert!(text.contains(" 25.0% (1/4)"), "{text:?}");
        assert!(text.contains("100.0% (4/4)"), "{text:?}");
        assert!(text.ends_with("\r\x1b[2K"));
    }

    #[test]
    fn silent_bar_writes_nothing() {
        let mut progress: Progress<Vec<u8>> = Progress::new(None, "stats", 0);
        progress.advance(5);
        assert!(progress.finish().is_none());
    }
}
