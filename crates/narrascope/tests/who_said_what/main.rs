//! Who said what, end to end: the `narrascope quotes` binary on our own articles.
//!
//! - `english`: every quote of the sample corpus's `01-minsk-grain-talks` and the hard
//!   cases of `04-drought-wheat-crlf` and other texts we wrote, read by the English
//!   tagger and its rules (the PolNeAR evaluation measures the rest);
//! - `rules`: Russian, Bulgarian, Portuguese and Hindi texts we wrote, read by the
//!   sentence rules of the quote stage.

mod english;
mod rules;
mod support;
