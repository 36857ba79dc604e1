//! Lists the entity errors of the embedded tagger on a tagged file (default: UNER English
//! PUD), one line per missed or spurious span, for error analysis.
//!
//! `cargo run --release -p narrascope-entities --example uner_errors -- [FILE]`

use narrascope_entities::data::read_tagged;
use narrascope_entities::tags::{spans, NerClass};
use narrascope_entities::Tagger;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/uner-english-pud/en_pud-ud-test.iob2".into());
    let data = read_tagged(std::path::Path::new(&path))?;
    let tagger = Tagger::embedded()?;
    for s in &data {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let pred = tagger.tag_words(&words);
        let show = |sp: &narrascope_entities::tags::TagSpan| words[sp.start..sp.end].join(" ");
        let keep = |c: NerClass| c != NerClass::Misc;
        let gold: Vec<_> = spans(&s.tags)
            .into_iter()
            .filter(|x| keep(x.class))
            .collect();
        let got: Vec<_> = spans(&pred).into_iter().filter(|x| keep(x.class)).collect();
        for g in &gold {
            if !got.contains(g) {
                let p = got.iter().find(|p| p.start < g.end && g.start < p.end);
                match p {
                    Some(p) => println!(
                        "WRONG\t{}\t{}\t→ {}\t{}",
                        g.class.label(),
                        show(g),
                        p.class.label(),
                        show(p)
                    ),
                    None => println!("MISS\t{}\t{}", g.class.label(), show(g)),
                }
            }
        }
        for p in &got {
            if !gold.iter().any(|g| g.start < p.end && p.start < g.end) {
                println!(
                    "SPUR\t{}\t{}\t| {}",
                    p.class.label(),
                    show(p),
                    words.join(" ")
                );
            }
        }
    }
    Ok(())
}
