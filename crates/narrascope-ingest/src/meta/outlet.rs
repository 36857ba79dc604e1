//! Which outlet published an article.

use narrascope_core::{MetaSource, MetaValue, NoiseSegment, Span};

/// The outlet named by the text (signatures, source lines, site notices), else the
/// one implied by `url`.
pub fn detect_outlet(
    _text: &str,
    _title: Option<Span>,
    _noise: &[NoiseSegment],
    url: Option<&str>,
) -> Option<MetaValue> {
    url.and_then(outlet_from_url)
}

/// The outlet implied by a page address: its host without `www.`.
pub fn outlet_from_url(url: &str) -> Option<MetaValue> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next()?.trim_start_matches("www.");
    if host.is_empty() || !host.contains('.') {
        return None;
    }
    Some(MetaValue {
        value: host.to_ascii_lowercase(),
        source: MetaSource::Url,
        evidence: None,
        confidence: None,
    })
}
