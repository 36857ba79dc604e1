//! Prints the tagger's raw spans for a text file (role, bytes, words), for debugging.
//! `cargo run --release -p narrascope-quotes --example quote_debug -- FILE`
use narrascope_core::Span;
use narrascope_quotes::Tagger;

fn main() {
    let path = std::env::args().nth(1).expect("usage: quote_debug FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let tagger = Tagger::embedded()
        .expect("model")
        .expect("built with model");
    for s in tagger.tag(&text, Span::new(0, text.len())) {
        println!(
            "{:?}\t{}..{}\t{}",
            s.role,
            s.span.start,
            s.span.end,
            &text[s.span.start..s.span.end]
        );
    }
}
