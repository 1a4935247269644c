//! Synthetic archives for benchmarks: any number of articles recombined from
//! the sentences of a real corpus, so they carry real vocabulary and names
//! without being copies of real articles.
//!
//! Each article takes a real headline, a sentence count drawn from the real
//! articles' counts, and that many sentences drawn from the whole corpus, behind
//! a dateline from a real one; its date is spread uniformly over 1970-2025. The
//! output is JSON Lines, and the same source, count and seed give the same bytes.
//!
//! This module owns generation only; nothing here is used when indexing.

use std::io::{self, BufRead, BufReader, Write};
use std::path::Path;

use serde::Serialize;

use news_query::date::{civil_from_days, days_from_civil};
use news_read::json;

/// `news-bench synth`: writes `count` articles recombined from `from` to
/// `out` (standard output without it).
pub fn run(from: &Path, count: u64, seed: u64, out: Option<&Path>) -> anyhow::Result<()> {
    use anyhow::Context;
    let material =
        Synthesizer::from_jsonl(from).with_context(|| format!("reading {}", from.display()))?;
    let mut sink: Box<dyn Write> = match out {
        Some(path) => Box::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let mut sink = io::BufWriter::with_capacity(1 << 20, &mut sink);
    material
        .write(count, seed, &mut sink)
        .context("writing synthetic articles")?;
    Ok(())
}

/// Why a corpus cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    /// The corpus cannot be read, or the output written.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// The corpus holds no article with sentences to recombine.
    #[error("no usable articles in the corpus")]
    Empty,
}

/// The material synthetic articles are made of.
#[derive(Debug, Default)]
pub struct Synthesizer {
    titles: Vec<String>,
    datelines: Vec<String>,
    sentences: Vec<String>,
    sentence_counts: Vec<u16>,
}

/// A small, fast, seedable generator (splitmix64); good enough to shuffle text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        news_indexer::cluster::sketch::mix64(self.0)
    }

    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[derive(Serialize)]
struct Out<'a> {
    id: String,
    title: &'a str,
    body: &'a str,
    datetime: String,
    source: &'static str,
}

impl Synthesizer {
    /// Collects headlines, datelines and sentences from a JSON Lines corpus.
    pub fn from_jsonl(path: &Path) -> Result<Synthesizer, SynthError> {
        let mut material = Synthesizer::default();
        let reader = BufReader::new(std::fs::File::open(path)?);
        for line in reader.lines() {
            let line = line?;
            let Ok(parsed) = json::parse_line(&line) else {
                continue;
            };
            let article = parsed.article;
            let before = material.sentences.len();
            material.add_sentences(&article.body);
            let added = material.sentences.len() - before;
            if added == 0 {
                continue;
            }
            material.sentence_counts.push(added.min(200) as u16);
            material.titles.push(article.title);
            if let Some(place) = article
                .dateline
                .as_deref()
                .and_then(|d| d.split(',').next())
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                material.datelines.push(place.to_owned());
            }
        }
        if material.sentences.is_empty() {
            return Err(SynthError::Empty);
        }
        if material.datelines.is_empty() {
            material.datelines.push("LONDON".to_owned());
        }
        Ok(material)
    }

    /// Splits text into sentences at `. ` before a capital, and at line ends.
    fn add_sentences(&mut self, body: &str) {
        for paragraph in body.split('\n') {
            let mut start = 0;
            let bytes = paragraph.as_bytes();
            for i in 0..bytes.len() {
                let ends = bytes[i] == b'.'
                    && bytes.get(i + 1) == Some(&b' ')
                    && bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase);
                if ends || i + 1 == bytes.len() {
                    let sentence = paragraph[start..=i].trim();
                    if sentence.split_whitespace().count() >= 4 {
                        self.sentences.push(sentence.to_owned());
                    }
                    start = i + 1;
                }
            }
        }
    }

    /// Writes `count` articles as JSON Lines.
    pub fn write(&self, count: u64, seed: u64, out: &mut dyn Write) -> io::Result<()> {
        let mut rng = Rng(seed);
        let first_day = days_from_civil(1970, 1, 1);
        let days = (days_from_civil(2025, 12, 31) - first_day + 1) as usize;
        let mut body = String::with_capacity(8 << 10);
        for i in 0..count {
            let title = rng.pick(&self.titles);
            let sentences = *rng.pick(&self.sentence_counts);
            let day = first_day + rng.below(days) as i64;
            let (year, month, day_of_month) = civil_from_days(day);
            body.clear();
            body.push_str(rng.pick(&self.datelines).as_str());
            body.push_str(&format!(
                ", {} {day_of_month} - ",
                MONTHS[month as usize - 1]
            ));
            for n in 0..sentences {
                if n > 0 {
                    body.push_str(if rng.below(3) == 0 { "\n\n" } else { " " });
                }
                body.push_str(rng.pick(&self.sentences).as_str());
            }
            let seconds = rng.below(86_400);
            let line = Out {
                id: format!("synth-{seed}-{i}"),
                title,
                body: &body,
                datetime: format!(
                    "{year:04}-{month:02}-{day_of_month:02}T{:02}:{:02}:{:02}Z",
                    seconds / 3600,
                    seconds / 60 % 60,
                    seconds % 60
                ),
                source: "Synthetic",
            };
            serde_json::to_writer(&mut *out, &line)?;
            out.write_all(b"\n")?;
        }
        out.flush()
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> tempfile::NamedTempFile {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(
            file.path(),
            concat!(
                r#"{"id": "1", "title": "COCOA REVIEW", "body": "Showers continued in the Bahia zone. Arrivals were 155,221 bags this week.\nThe dry period means a late crop.", "dateline": "SALVADOR, Feb 26"}"#,
                "\n",
                r#"{"id": "2", "title": "FED HOLDS", "body": "The Federal Reserve left rates unchanged on Tuesday.", "dateline": "WASHINGTON, March 3"}"#,
                "\n",
                "not json\n"
            ),
        )
        .unwrap();
        file
    }

    #[test]
    fn the_same_seed_writes_the_same_articles() {
        let material = Synthesizer::from_jsonl(corpus().path()).unwrap();
        assert_eq!(material.sentences.len(), 4);
        let mut a = Vec::new();
        let mut b = Vec::new();
        let mut c = Vec::new();
        material.write(50, 7, &mut a).unwrap();
        material.write(50, 7, &mut b).unwrap();
        material.write(50, 8, &mut c).unwrap();
        assert_eq!(a, b);
        assert_ne!(a, c);
        let text = String::from_utf8(a).unwrap();
        assert_eq!(text.lines().count(), 50);
        for line in text.lines() {
            let parsed = json::parse_line(line).unwrap();
            assert!(parsed.warnings.is_empty(), "{line}");
            let date = parsed.article.date.unwrap();
            assert!((0..days_from_civil(2026, 1, 1) * 86_400).contains(&date));
            assert!(parsed.article.dateline.is_some(), "{line}");
        }
    }

    #[test]
    fn a_corpus_without_text_is_refused() {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), "{\"title\": \"only a title\"}\n").unwrap();
        assert!(matches!(
            Synthesizer::from_jsonl(file.path()),
            Err(SynthError::Empty)
        ));
    }
}
