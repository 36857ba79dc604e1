//! Publication dates stated in the text.

use narrascope_core::{MetaValue, NoiseSegment, Span};

/// The publication date the text states, as `YYYY-MM-DD`.
pub fn detect_date(_text: &str, _title: Option<Span>, _noise: &[NoiseSegment]) -> Option<MetaValue> {
    None
}
