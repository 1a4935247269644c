//! Accuracy and robustness of the bundled entity extractor.
//!
//! Scores the extractor on CoNLL-2003 dev with the reference scorer
//! (`shared/data/ner/score.py`, beside the workspace) and checks the seed
//! article's facets. The reported figures below were measured with:
//!
//! ```text
//! cargo run --release -- extract ../shared/data/ner/conll2003-dev.jsonl > /tmp/pred.jsonl
//! python3 ../shared/data/ner/score.py ../shared/data/ner/conll2003-dev.jsonl /tmp/pred.jsonl
//! ```
//!
//! The test fails when any figure drops more than [`SLACK`] points below.

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

use news_extract::{extract_jsonl, EntityKind, Extractor};

/// (type, mention F1, docset F1) reported for the bundled model on dev.
const REPORTED: [(&str, f64, f64); 3] = [
    ("PER", 96.5, 96.3),
    ("LOC", 95.9, 95.0),
    ("ORG", 89.4, 89.2),
];

/// Allowed drop, in F1 points.
const SLACK: f64 = 2.0;

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

#[test]
fn conll_dev_scores_hold() {
    let gold = shared().join("data/ner/conll2003-dev.jsonl");
    let scorer = shared().join("data/ner/score.py");
    let input = std::fs::File::open(&gold).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (shared/ must sit beside the workspace)",
            gold.display()
        )
    });
    let mut pred = tempfile::NamedTempFile::new().unwrap();
    let summary = extract_jsonl(
        Extractor::bundled(),
        std::io::BufReader::new(input),
        std::io::BufWriter::new(pred.as_file_mut()),
        |e| panic!("{e}"),
    )
    .unwrap();
    assert_eq!(summary.errors, 0);
    pred.flush().unwrap();
    let out = Command::new("python3")
        .arg(&scorer)
        .arg(&gold)
        .arg(pred.path())
        .arg("--json")
        .output()
        .expect("python3 runs score.py");
    assert!(
        out.status.success(),
        "score.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let scores: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    eprintln!("dev scores: {scores}");
    for (ty, mention, docset) in REPORTED {
        let m = scores[ty]["mention"]["f1"].as_f64().unwrap();
        let d = scores[ty]["docset"]["f1"].as_f64().unwrap();
        assert!(
            m >= mention - SLACK,
            "{ty} mention F1 {m} < reported {mention} - {SLACK}"
        );
        assert!(
            d >= docset - SLACK,
            "{ty} docset F1 {d} < reported {docset} - {SLACK}"
        );
    }
}

fn seed_text() -> String {
    let p = shared().join("seed/sharaa-meets-putin-in-moscow.txt");
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn seed_article_facets() {
    let ex = Extractor::bundled().extract(&seed_text());
    let mut persons = ex.persons.clone();
    persons.sort();
    assert_eq!(
        persons,
        ["Ahmed al-Sharaa", "Bashar al-Assad", "Vladimir Putin"],
        "{ex:#?}"
    );
    for loc in [
        "Moscow", "Syria", "Russia", "Tartus", "Hmeimim", "Damascus", "Qamishli",
    ] {
        assert!(
            ex.locations.iter().any(|l| l == loc),
            "{loc} missing from {:?}",
            ex.locations
        );
    }
    assert!(
        ex.organizations.iter().any(|o| o == "Hayat Tahrir al-Sham"),
        "{:?}",
        ex.organizations
    );
}

/// The seed's places and organizations hold no person, whole or in part
/// ("Assad", "al-Sharaa"): document-level type consistency at work.
#[test]
fn seed_places_and_organizations_are_not_persons() {
    let ex = Extractor::bundled().extract(&seed_text());
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && *w != "al")
            .map(str::to_lowercase)
            .collect()
    };
    for value in ex.locations.iter().chain(&ex.organizations) {
        let v = words(value);
        for person in &ex.persons {
            let p = words(person);
            assert!(
                v.is_empty() || !v.iter().all(|w| p.contains(w)),
                "{value:?} is (part of) the person {person:?}: {ex:#?}"
            );
        }
    }
    for name in ["Assad", "Sharaa", "al-Sharaa", "Putin", "Sources"] {
        assert!(
            !ex.locations
                .iter()
                .chain(&ex.organizations)
                .any(|x| x == name),
            "{name} in {:?} / {:?}",
            ex.locations,
            ex.organizations
        );
    }
    assert!(
        ex.organizations.iter().any(|o| o == "Hayat Tahrir al-Sham"),
        "{:?}",
        ex.organizations
    );
}

#[test]
fn mention_text_is_the_code_point_slice() {
    let text = format!(
        "Zürich — “Ünal Öztürk” met Angela Merkel in São Paulo.\n{}",
        seed_text()
    );
    let chars: Vec<char> = text.chars().collect();
    let ex = Extractor::bundled().extract(&text);
    assert!(!ex.mentions.is_empty());
    for m in &ex.mentions {
        let slice: String = chars[m.start..m.end].iter().collect();
        assert_eq!(slice, m.text);
    }
    assert!(ex
        .mentions
        .iter()
        .any(|m| m.kind == EntityKind::Person && m.text == "Angela Merkel"));
}

#[test]
fn odd_and_large_inputs_do_not_panic() {
    let ex = Extractor::bundled();
    let mut odd = String::new();
    // Every kind of code point the tokenizer might trip on, in many orders.
    let mut x: u32 = 12345;
    for _ in 0..20_000 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        let c = match x % 6 {
            0 => char::from_u32(x % 0x11_0000).unwrap_or('\u{FFFD}'),
            1 => ['\'', '’', '-', '.', ',', '\n', ' ', '"'][(x >> 8) as usize % 8],
            2 => char::from_u32(0x300 + x % 0x70).unwrap(),
            _ => char::from_u32(0x41 + x % 58).unwrap_or('a'),
        };
        odd.push(c);
    }
    let one_token = "Ab".repeat(300_000);
    let one_run = "-".repeat(300_000);
    let dots = "A.".repeat(100_000);
    for text in [
        "", " ", "\n\n", "'", "’s", "n't", "-", "U.S.", &odd, &one_token, &one_run, &dots,
    ] {
        let _ = ex.extract(text);
    }
    let big =
        "The Kremlin said Vladimir Putin will visit Paris, France, on Monday. ".repeat(15_000);
    assert!(big.len() > 1_000_000);
    let t = std::time::Instant::now();
    let out = ex.extract(&big);
    assert!(out.mentions.len() >= 30_000, "{}", out.mentions.len());
    assert!(t.elapsed().as_secs() < 5, "1 MB took {:?}", t.elapsed());
}

#[test]
fn title_case_headline_words_are_not_names() {
    let text = "Syrian Leader Sharaa Meets Putin In Moscow As Russia Seeks To Keep Its Bases\n\
                Apple Unveils New Products As Investors Worry About China Sales\n\
                Syrian President Ahmed al-Sharaa met Vladimir Putin in Moscow on Wednesday.";
    let ex = Extractor::bundled().extract(text);
    for m in &ex.mentions {
        for word in ["Meets", "Seeks", "Unveils", "Products", "Sales", "Worry"] {
            assert!(!m.text.contains(word), "{m:?}");
        }
    }
    let has = |kind, text: &str| ex.mentions.iter().any(|m| m.kind == kind && m.text == text);
    assert!(has(EntityKind::Person, "Putin"), "{:?}", ex.mentions);
    assert!(has(EntityKind::Location, "Moscow"), "{:?}", ex.mentions);
    assert!(has(EntityKind::Location, "China"), "{:?}", ex.mentions);
}

#[test]
fn names_ending_a_paragraph_are_found() {
    // The paragraph's last dot is the sentence's, not the abbreviation's.
    let x = Extractor::bundled().extract(
        "Michael Durante, an analyst at Smith Barney Inc.\n\n\
         The firm sells scanners throughout the U.S.",
    );
    assert_eq!(x.organizations, ["Smith Barney Inc"]);
    assert_eq!(x.locations, ["United States"]);
}
