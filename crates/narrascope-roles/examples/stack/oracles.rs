//! Upper bounds: GOLD side information conjoined with the mention's text.

use super::*;

/// Adds the article's gold narratives (coarse and fine labels, each) conjoined with the
/// mention's lower-cased text to the entity block.
pub(crate) fn add_gold_narratives(
    root: &std::path::Path,
    corpus: &Corpus,
    raws: &mut [Raw],
) -> Result<(), Box<dyn std::error::Error>> {
    let mut narr: HashMap<String, Vec<String>> = HashMap::new();
    for l in LANGUAGES {
        let t = std::fs::read_to_string(root.join(l).join("subtask-2-annotations.txt"))?;
        for line in t.lines() {
            let p: Vec<&str> = line.split('\t').collect();
            let mut labels: Vec<String> = Vec::new();
            for col in p.iter().skip(1) {
                labels.extend(col.split(';').map(|s| s.trim().to_string()));
            }
            narr.insert(p[0].trim().to_string(), labels);
        }
    }
    for (i, e) in corpus.examples.iter().enumerate() {
        let name = e.row.mention.trim().to_lowercase();
        for lab in narr.get(&corpus.docs[e.doc].id).into_iter().flatten() {
            let h = xxh3_64_with_seed(format!("{name}\u{1}{lab}").as_bytes(), 99);
            raws[i].push(((h >> 43) as u32, 1.0, 0));
        }
    }
    Ok(())
}

/// Adds, for every other mention of the article with another text, the mention's text ×
/// that mention's text × its GOLD main role, and the mention's text × that gold main role
/// (an upper bound for "who is on which side" read from the other entities).
pub(crate) fn add_gold_cooccurring_roles(corpus: &Corpus, raws: &mut [Raw]) {
    let name = |i: usize| corpus.examples[i].row.mention.trim().to_lowercase();
    let mut by_doc: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, e) in corpus.examples.iter().enumerate() {
        by_doc.entry(e.doc).or_default().push(i);
    }
    for (i, e) in corpus.examples.iter().enumerate() {
        let me = name(i);
        for &j in &by_doc[&e.doc] {
            let other = name(j);
            if other == me {
                continue;
            }
            let role = corpus.examples[j].row.main.clone().unwrap_or_default();
            for key in [
                format!("{me}\u{1}{other}\u{1}{role}"),
                format!("{me}\u{1}{role}"),
            ] {
                let h = xxh3_64_with_seed(key.as_bytes(), 98);
                raws[i].push(((h >> 43) as u32, 1.0, 0));
            }
        }
    }
}
