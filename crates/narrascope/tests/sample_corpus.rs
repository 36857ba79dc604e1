//! The bundled sample corpus gives what `examples/corpus/EXPECTED.md` says: title,
//! outlet, date, language, duplicates, and no listed noise line left in the body.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

struct Expect {
    id: &'static str,
    title: &'static str,
    outlet: Option<&'static str>,
    date: Option<&'static str>,
    language: &'static str,
    duplicate_of: Option<&'static str>,
    /// Lines that are noise and must not be in `body`.
    noise: &'static [&'static str],
    /// Text that must survive in `body`.
    keep: &'static [&'static str],
}

const EXPECTED: &[Expect] = &[
    Expect {
        id: "01-minsk-grain-talks",
        title: "Lukashenko says Minsk is ready to host grain corridor talks",
        outlet: Some("Eastern Ledger"),
        date: None,
        language: "en",
        duplicate_of: None,
        noise: &[
            "News / Russia / More",
            "[ad_1]",
            "Telegram channel",
            "Source link",
        ],
        keep: &["at war with Russia"],
    },
    Expect {
        id: "02-arctic-winter-ice",
        title: "Arctic sea ice hits record winter low, researchers say",
        outlet: Some("Nordic Wire"),
        date: None,
        language: "en",
        duplicate_of: None,
        noise: &[
            "Exit mobile version",
            "SHARE THIS ARTICLE",
            "Wind farm auction draws record bids",
            "Leave a Reply",
            "Your email address will not be published",
            "Source: Nordic Wire and news agencies",
        ],
        keep: &["Halvorsen"],
    },
    Expect {
        id: "03-berlin-air-defence",
        title: "Berlin pledges more air defence systems as Kyiv braces for winter",
        outlet: None,
        date: None,
        language: "en",
        duplicate_of: None,
        noise: &[
            "We use cookies",
            "(Photo by Reuters)",
            "Kyiv asks allies for generators ahead of cold snap",
            "Sign up for our daily newsletter",
        ],
        keep: &["not leave Ukrainian cities alone in the cold"],
    },
    Expect {
        id: "04-drought-wheat-crlf",
        title: "Farmers warn drought will cut wheat harvest by a third",
        outlet: None,
        date: None,
        language: "en",
        duplicate_of: None,
        noise: &[
            "[ad_1]",
            "Most read in News",
            "Train strikes called off after late-night deal",
        ],
        keep: &[],
    },
    Expect {
        id: "05-izmail-terminal-dated",
        title: "Drone attack damages grain terminal in Izmail, officials say",
        outlet: Some("The Danube Courier"),
        date: Some("2024-03-14"),
        language: "en",
        duplicate_of: None,
        noise: &["This article originally appeared on The Danube Courier."],
        keep: &["A drone attack overnight damaged"],
    },
    Expect {
        id: "06-riverside-library",
        title: "Riverside library reopens after three-year renovation",
        outlet: None,
        date: None,
        language: "en",
        duplicate_of: None,
        noise: &["Cookie settings", "Photo: Ana Ruiz / Riverside Daily"],
        keep: &[],
    },
    Expect {
        id: "07-gas-transit-talks",
        title: "EU and Kyiv discuss future of gas transit as contract expires",
        outlet: None,
        date: None,
        language: "en",
        duplicate_of: None,
        noise: &[],
        keep: &[],
    },
    Expect {
        id: "08-gas-transit-talks-copy",
        title: "EU and Kyiv discuss future of gas transit as contract expires",
        outlet: None,
        date: None,
        language: "en",
        duplicate_of: Some("07-gas-transit-talks"),
        noise: &["Exit mobile version", "Source link"],
        keep: &[],
    },
    Expect {
        id: "09-glaciares-alpes-pt",
        title: "Glaciares dos Alpes perderam 4% do volume num só ano, diz estudo",
        outlet: Some("Agência Meridiano"),
        date: Some("2023-03-03"),
        language: "pt",
        duplicate_of: None,
        noise: &["Fonte: Agência Meridiano"],
        keep: &["Os glaciares dos Alpes perderam"],
    },
    Expect {
        id: "10-sea-wall-page",
        title: "Port city votes for new sea wall as storms intensify",
        outlet: Some("The Harbour Times"),
        date: Some("2024-05-21"),
        language: "en",
        duplicate_of: None,
        noise: &[
            "SHARE THIS ARTICLE",
            "All rights reserved",
            "Related stories",
            "About us",
        ],
        keep: &[
            "The city council of Westhaven voted 14 to 3",
            "due to begin in the autumn.",
        ],
    },
    Expect {
        id: "wire-001",
        title: "Rail bridge reopens in Zaporizhzhia region after repairs",
        outlet: Some("Steppe Observer"),
        date: Some("2024-06-02"),
        language: "en",
        duplicate_of: None,
        noise: &[
            "Kyiv metro extends hours for summer",
            "New border crossing opens with Moldova",
        ],
        keep: &[],
    },
    Expect {
        id: "wire-002",
        title: "Peat fires return as summer heat settles in",
        outlet: Some("Coastline Gazette"),
        date: Some("2024-07-09"),
        language: "en",
        duplicate_of: None,
        noise: &["Share on Facebook", "© 2024 Coastline Gazette"],
        keep: &[],
    },
];

#[test]
fn sample_corpus_matches_expected_md() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let out = Command::new(env!("CARGO_BIN_EXE_narrascope"))
        .args(["analyze", "--format", "jsonl", corpus.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs: HashMap<String, Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .map(|r| (r["id"].as_str().unwrap().to_string(), r))
        .collect();
    assert_eq!(recs.len(), EXPECTED.len(), "one record per sample article");
    let mut problems = Vec::new();
    for e in EXPECTED {
        let r = &recs[e.id];
        let s = |k: &str| r[k].as_str().map(str::to_string);
        let mut check = |what: &str, got: Option<String>, want: Option<&str>| {
            if got.as_deref() != want {
                problems.push(format!("{}: {what} = {got:?}, expected {want:?}", e.id));
            }
        };
        check("title", s("title"), Some(e.title));
        check("outlet", s("outlet"), e.outlet);
        check("date", s("date"), e.date);
        check("language", s("language"), Some(e.language));
        check("duplicate_of", s("duplicate_of"), e.duplicate_of);
        let body = s("body").unwrap();
        for n in e.noise {
            if body.contains(n) {
                problems.push(format!("{}: noise left in body: {n:?}", e.id));
            }
        }
        for k in e.keep {
            if !body.contains(k) {
                problems.push(format!("{}: body lost {k:?}", e.id));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
