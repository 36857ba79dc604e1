//! Progress bar on stderr for long batches.

use indicatif::{ProgressBar, ProgressStyle};
use narrascope_pipeline::Progress;

/// An indicatif bar counting inputs; hidden when stderr is not a terminal.
pub struct Bar(ProgressBar);

impl Bar {
    /// A bar for `total` inputs, shown only when `visible`.
    pub fn new(total: u64, visible: bool) -> Self {
        if !visible {
            return Bar(ProgressBar::hidden());
        }
        let bar = ProgressBar::new(total);
        let style = ProgressStyle::with_template(
            "{spinner} {pos}/{len} inputs [{bar:30}] {per_sec} eta {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
        bar.set_style(style);
        Bar(bar)
    }

    /// Removes the bar from the terminal.
    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}

impl Progress for Bar {
    fn input_done(&self, _bytes: u64) {
        self.0.inc(1);
    }
}
