//! Training data: gold JSONL documents and their spans over our tokens,
//! the bundled English word list, the case lexicon learned from both, and
//! Title Case copies of ALL-CAPS headlines.

use std::io::BufRead;

use serde::Deserialize;
use xxhash_rust::xxh3::xxh3_64;

use super::super::features::{CaseLexicon, Featurizer, KeyMap, WordClusters};
use super::super::labels::TYPES;
use super::super::tokenize::{tokenize, Token};

/// A gold mention as stored in the CoNLL JSONL files.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldMention {
    /// "PER", "LOC", "ORG" or "MISC".
    #[serde(rename = "type")]
    pub kind: String,
    /// Start in code points.
    pub start: usize,
    /// End in code points.
    pub end: usize,
}

/// A gold document.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldDoc {
    /// Document id.
    pub id: String,
    /// Full text.
    pub text: String,
    /// Gold mentions (none when the file has no gold).
    #[serde(default)]
    pub mentions: Vec<GoldMention>,
}

/// Reads gold documents from a JSONL file.
pub fn read_docs(path: &std::path::Path) -> std::io::Result<Vec<GoldDoc>> {
    let f = std::io::BufReader::new(std::fs::File::open(path)?);
    let mut docs = Vec::new();
    for (n, line) in f.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: GoldDoc = serde_json::from_str(&line).map_err(|e| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("{}:{}: {e}", path.display(), n + 1),
            )
        })?;
        docs.push(doc);
    }
    Ok(docs)
}

/// Gold spans of `doc` over `tokens` as `(type, first, end)`; mentions whose
/// edges fall inside a token are counted in `misaligned` and dropped.
pub fn project(doc: &GoldDoc, tokens: &[Token], misaligned: &mut usize) -> Vec<(u8, usize, usize)> {
    let mut spans = Vec::new();
    for m in &doc.mentions {
        let Some(ty) = TYPES.iter().position(|t| *t == m.kind) else {
            continue;
        };
        let s = tokens.iter().position(|t| t.cp_start == m.start);
        let e = tokens.iter().position(|t| t.cp_end == m.end);
        match (s, e) {
            (Some(s), Some(e)) if e >= s => spans.push((ty as u8, s, e + 1)),
            _ => *misaligned += 1,
        }
    }
    spans.sort_by_key(|s| s.1);
    spans
}

/// Short words that Title Case headlines (AP style) leave lowercase.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "for", "nor", "on", "at", "to", "by", "in", "of", "up",
    "as", "is",
];

/// A copy of `doc` with its ALL-CAPS lines (CoNLL headlines and datelines)
/// in Title Case ("Sharaa Meets Putin in Moscow"), same offsets and labels.
/// CoNLL has almost no Title Case, so without this the tagger reads every
/// capitalised headline word as a name ("Apple Unveils New Products" as one
/// ORG). Also casing every fifth body line cost 0.4 dev F1 for no visible
/// gain on Wikinews, so only headlines are copied. Only ASCII letters change, so code
/// point offsets stay valid. In ALL-CAPS lines, short words that are not
/// common lowercase words (acronyms: "EU", "U.S.") stay in capitals.
pub fn title_case_copy(doc: &GoldDoc, case: &CaseLexicon) -> GoldDoc {
    let mut out = String::with_capacity(doc.text.len());
    let mut tokens = Vec::new();
    for (n, line) in doc.text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let letters = || line.chars().filter(|c| c.is_alphabetic());
        let all_caps = letters().count() >= 2 && letters().all(char::is_uppercase);
        if !all_caps {
            out.push_str(line);
            continue;
        }
        tokenize(line, &mut tokens);
        let mut last = 0;
        for (k, t) in tokens.iter().enumerate() {
            out.push_str(&line[last..t.start]);
            last = t.end;
            let word = t.text(line);
            if !word.starts_with(|c: char| c.is_ascii_alphabetic()) {
                out.push_str(word);
                continue;
            }
            let lower = word.to_ascii_lowercase();
            let common = case.is_common_word(xxh3_64(lower.as_bytes()));
            let small = k > 0 && SMALL_WORDS.contains(&lower.as_str());
            if all_caps && !small && word.len() <= 4 && !common {
                out.push_str(word);
            } else if small {
                out.push_str(&lower);
            } else {
                let rest = if all_caps { &lower[1..] } else { &word[1..] };
                out.push(word.as_bytes()[0].to_ascii_uppercase() as char);
                out.push_str(rest);
            }
        }
        out.push_str(&line[last..]);
    }
    GoldDoc {
        id: format!("{}-title", doc.id),
        text: out,
        mentions: doc.mentions.clone(),
    }
}

/// The English word list bundled for training (SCOWL via Debian's
/// `wamerican`, built by `scripts/build_wordlist.sh`), gzip'd.
pub static ENGLISH_WORDS_GZ: &[u8] = include_bytes!("../../data/english-words.txt.gz");

/// The bundled English word list, one word per line.
pub fn english_words() -> std::io::Result<String> {
    gunzip(ENGLISH_WORDS_GZ)
}

/// The text of gzip'd `bytes`.
fn gunzip(bytes: &[u8]) -> std::io::Result<String> {
    use std::io::Read;
    let mut s = String::new();
    flate2::read::GzDecoder::new(bytes).read_to_string(&mut s)?;
    Ok(s)
}

/// The word clusters bundled for training (k-means clusters of the GloVe
/// vectors, built by `scripts/build_word_clusters.py`), gzip'd.
static WORD_CLUSTERS_GZ: &[u8] = include_bytes!("../../data/word-clusters.tsv.gz");

/// The bundled word clusters, as `word <tab> id <tab> id <tab> id` lines.
pub fn word_clusters() -> std::io::Result<String> {
    gunzip(WORD_CLUSTERS_GZ)
}

/// Learns the word-case lexicon from training documents (their text, and
/// the words of their person names) and a word list (one word per line,
/// as [`english_words`] gives it).
pub fn case_lexicon<'a>(docs: impl Iterator<Item = &'a GoldDoc>, words: &str) -> CaseLexicon {
    let mut counts = KeyMap::default();
    let mut names: KeyMap<u8> = KeyMap::default();
    let mut tokens = Vec::new();
    let mut fz = Featurizer::default();
    let empty = CaseLexicon::default();
    let no_clusters = WordClusters::default();
    let mut misaligned = 0;
    for d in docs {
        tokenize(&d.text, &mut tokens);
        fz.prepare(&d.text, &tokens, &empty, &no_clusters);
        fz.case_counts(&mut counts);
        for (ty, s, e) in project(d, &tokens, &mut misaligned) {
            if TYPES[ty as usize] != "PER" || e - s < 2 {
                continue;
            }
            let key = |t: &Token| xxh3_64(t.text(&d.text).to_lowercase().as_bytes());
            *names.entry(key(&tokens[s])).or_default() |= CaseLexicon::FIRST_NAME;
            *names.entry(key(&tokens[e - 1])).or_default() |= CaseLexicon::LAST_NAME;
        }
    }
    CaseLexicon::from_counts(&counts, &CaseLexicon::dictionary(words), &names)
}
