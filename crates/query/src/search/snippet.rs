//! Passages of the body around the query terms, and the title with its terms
//! marked: highlight ranges in Unicode code points (so every client can apply
//! them) and the same as HTML with `<mark>`.
//!
//! Text is tokenized with the field's own analyser, so a highlighted word is
//! exactly one the query matched (`talks` for `talk`, `Zürich` for `Zurich`).
//! Passages are chosen greedily: the window with the most query weight (rarer
//! terms weigh more, each distinct term once), then the best window not
//! overlapping it, and so on.
//!
//! An article the query found through an entity's canonical name (see
//! [`super::query_names`]) may spell the name otherwise: a capitalised word that is
//! a near spelling of one of the name's words ("Tartous" for Tartus) is
//! marked as well, so the passage shows why the article matched.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

use tantivy::query::Query;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, Searcher};

use super::fold::{words, Folder};
use super::name_match::near;
use crate::error::Result;
use crate::response::Fragment;
use crate::schema::NewsSchema;

/// Length of a passage, in characters.
pub(crate) const FRAGMENT_CHARS: usize = 200;
/// Context kept before the first term of a passage, in characters.
const LEAD_CHARS: usize = 60;
/// Only this much of a body is searched for passages; enough for any story,
/// and it bounds the cost of one pathological document.
const MAX_SCANNED_BYTES: usize = 64 * 1024;

/// Shortest word of an entity name whose near spellings are marked: shorter
/// ones are too often one edit from an ordinary word.
const MIN_NAME_WORD_CHARS: usize = 5;

/// Marks the terms of one query in titles and bodies.
pub(crate) struct Highlighter {
    /// Analysed term -> weight (inverse document frequency).
    terms: HashMap<String, f32>,
    /// Folded words of the entity names the query matches, with weights.
    name_words: Vec<(String, f32)>,
    /// Folds the words that may spell a name; one per query.
    folder: RefCell<Folder>,
    analyzer: TextAnalyzer,
}

impl Highlighter {
    pub(crate) fn new(
        index: &Index,
        searcher: &Searcher,
        query: &dyn Query,
        schema: &NewsSchema,
    ) -> Result<Self> {
        let fields = &schema.fields;
        let entity_fields = [fields.person, fields.location, fields.organization];
        let mut found = Vec::new();
        let mut names = Vec::new();
        query.query_terms(&mut |term, _| {
            let value = term.value();
            let Some(text) = value.as_str() else {
                return;
            };
            if term.field() == fields.title || term.field() == fields.body {
                found.push((term.clone(), text.to_owned()));
            } else if entity_fields.contains(&term.field()) {
                names.push((term.clone(), text.to_owned()));
            }
        });
        let articles = searcher.num_docs().max(1) as f32;
        let weight_of = |term: &tantivy::Term| -> Result<f32> {
            let df = searcher.doc_freq(term)? as f32;
            Ok((1.0 + (articles - df + 0.5) / (df + 0.5)).ln().max(0.1))
        };
        let mut terms = HashMap::new();
        for (term, text) in found {
            let weight = weight_of(&term)?;
            let entry = terms.entry(text).or_insert(0.0f32);
            *entry = entry.max(weight);
        }
        let mut folder = Folder::new();
        let mut name_words = Vec::new();
        for (term, name) in names {
            let weight = weight_of(&term)?;
            let folded = folder.fold(&name);
            for word in words(&folded) {
                if word.chars().count() >= MIN_NAME_WORD_CHARS {
                    name_words.push((word.to_owned(), weight));
                }
            }
        }
        Ok(Highlighter {
            terms,
            name_words,
            folder: RefCell::new(folder),
            analyzer: index.tokenizer_for_field(fields.body)?,
        })
    }

    /// Byte ranges of the query's terms in `text`, with their terms' weights.
    fn marks(&self, text: &str) -> Vec<(Range<usize>, &str, f32)> {
        if self.terms.is_empty() && self.name_words.is_empty() {
            return Vec::new();
        }
        let mut scanned = text.len().min(MAX_SCANNED_BYTES);
        while !text.is_char_boundary(scanned) {
            scanned -= 1;
        }
        let mut analyzer = self.analyzer.clone();
        let mut stream = analyzer.token_stream(&text[..scanned]);
        let mut marks = Vec::new();
        while let Some(token) = stream.next() {
            let range = token.offset_from..token.offset_to;
            if let Some((term, &weight)) = self.terms.get_key_value(token.text.as_str()) {
                marks.push((range, term.as_str(), weight));
            } else if let Some((word, weight)) = self.name_word(&text[range.clone()]) {
                marks.push((range, word, weight));
            }
        }
        marks
    }

    /// The entity name word that `word`, as written, is a near spelling of:
    /// capitalised, five letters or more, the same first letter.
    fn name_word(&self, word: &str) -> Option<(&str, f32)> {
        if self.name_words.is_empty()
            || !word.chars().next().is_some_and(char::is_uppercase)
            || word.chars().count() < MIN_NAME_WORD_CHARS
        {
            return None;
        }
        let folded = self.folder.borrow_mut().fold(word);
        self.name_words
            .iter()
            .find(|(name, _)| name.chars().next() == folded.chars().next() && near(&folded, name))
            .map(|(name, weight)| (name.as_str(), *weight))
    }

    /// The whole `text` with its terms marked (for titles).
    pub(crate) fn whole(&self, text: &str) -> Fragment {
        let ranges: Vec<Range<usize>> = self.marks(text).into_iter().map(|m| m.0).collect();
        fragment(text, 0..text.len(), &ranges)
    }

    /// Up to `max` passages of `text` around the terms, best first; none when
    /// no term occurs.
    pub(crate) fn passages(&self, text: &str, max: usize) -> Vec<Fragment> {
        let marks = self.marks(text);
        let mut taken: Vec<Range<usize>> = Vec::new();
        let mut passages = Vec::new();
        while passages.len() < max {
            let Some(window) = best_window(text, &marks, &taken) else {
                break;
            };
            let ranges: Vec<Range<usize>> = marks
                .iter()
                .filter(|m| m.0.start >= window.start && m.0.end <= window.end)
                .map(|m| m.0.clone())
                .collect();
            passages.push(fragment(text, window.clone(), &ranges));
            taken.push(window);
        }
        passages
    }
}

/// The best window starting at a mark and not overlapping `taken`, widened
/// to a passage of about [`FRAGMENT_CHARS`] with some context before.
fn best_window(
    text: &str,
    marks: &[(Range<usize>, &str, f32)],
    taken: &[Range<usize>],
) -> Option<Range<usize>> {
    let overlaps = |r: &Range<usize>| taken.iter().any(|t| r.start < t.end && t.start < r.end);
    let mut best: Option<(f32, Range<usize>)> = None;
    for (i, first) in marks.iter().enumerate() {
        if overlaps(&first.0) {
            continue;
        }
        let limit = forward_chars(text, first.0.start, FRAGMENT_CHARS - LEAD_CHARS);
        let mut seen: Vec<&str> = Vec::new();
        let mut score = 0.0;
        let mut end = first.0.end;
        for mark in marks[i..].iter().take_while(|m| m.0.end <= limit) {
            if overlaps(&mark.0) {
                break;
            }
            score += if seen.contains(&mark.1) {
                mark.2 * 0.1
            } else {
                seen.push(mark.1);
                mark.2
            };
            end = mark.0.end;
        }
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, first.0.start..end));
        }
    }
    let (_, core) = best?;
    let floor = taken
        .iter()
        .map(|t| t.end)
        .filter(|&e| e <= core.start)
        .max()
        .unwrap_or(0);
    let ceiling = taken
        .iter()
        .map(|t| t.start)
        .filter(|&s| s >= core.end)
        .min()
        .unwrap_or(text.len());
    let start = word_start(
        text,
        backward_chars(text, core.start, LEAD_CHARS).max(floor),
    );
    let end = word_end(
        text,
        forward_chars(text, start, FRAGMENT_CHARS).min(ceiling),
        core.end,
    );
    Some(start.max(floor)..end)
}

fn forward_chars(text: &str, from: usize, n: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| from + i)
}

fn backward_chars(text: &str, from: usize, n: usize) -> usize {
    text[..from]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// Moves `at` forward to the start of the next word unless it already starts one.
fn word_start(text: &str, at: usize) -> usize {
    if at == 0 || text[..at].ends_with(char::is_whitespace) {
        return at;
    }
    text[at..]
        .find(char::is_whitespace)
        .map_or(at, |i| at + i)
        .min(text.len())
}

/// Moves `at` back to the end of a word, but never before `keep`.
fn word_end(text: &str, at: usize, keep: usize) -> usize {
    if at >= text.len() || text[at..].starts_with(char::is_whitespace) {
        return at;
    }
    text[..at]
        .rfind(char::is_whitespace)
        .filter(|&i| i >= keep)
        .unwrap_or(at)
}

/// The passage `window` of `text` with `ranges` (bytes in `text`) marked.
fn fragment(text: &str, window: Range<usize>, ranges: &[Range<usize>]) -> Fragment {
    let raw = &text[window.clone()];
    let lead = raw.len() - raw.trim_start().len();
    let passage = raw.trim();
    let offset = window.start + lead;
    let mut highlights = Vec::with_capacity(ranges.len());
    let mut html = String::with_capacity(passage.len() + ranges.len() * 13);
    let mut done = 0;
    for range in ranges {
        // Marks lie inside the trimmed passage by construction; skip any that
        // would not rather than slice out of bounds.
        let (Some(start), Some(end)) = (
            range.start.checked_sub(offset),
            range.end.checked_sub(offset),
        ) else {
            continue;
        };
        if start < done || end > passage.len() || start > end {
            continue;
        }
        escape_into(&mut html, &passage[done..start]);
        html.push_str("<mark>");
        escape_into(&mut html, &passage[start..end]);
        html.push_str("</mark>");
        let from = passage[..start].chars().count();
        highlights.push([from, from + passage[start..end].chars().count()]);
        done = end;
    }
    escape_into(&mut html, &passage[done..]);
    Fragment {
        text: passage.to_owned(),
        highlights,
        html,
    }
}

/// `text` with `[start, end)` code-point ranges in `<mark>`, HTML-escaped.
pub fn mark_html(text: &str, highlights: &[[usize; 2]]) -> String {
    let mut byte_ranges = Vec::with_capacity(highlights.len());
    let offsets: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    for [start, end] in highlights {
        if let (Some(&s), Some(&e)) = (offsets.get(*start), offsets.get(*end)) {
            byte_ranges.push(s..e);
        }
    }
    fragment(text, 0..text.len(), &byte_ranges).html
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// The first `max_chars` characters of `text`, cut at a word boundary.
pub(crate) fn opening(text: &str, max_chars: usize) -> String {
    let text = text.trim_start();
    match text.char_indices().nth(max_chars) {
        None => text.trim_end().to_owned(),
        Some((cut, _)) => {
            let head = &text[..cut];
            let at_word = head.rfind(char::is_whitespace).unwrap_or(cut);
            format!("{}…", head[..at_word].trim_end())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::register_tokenizers;
    use tantivy::query::QueryParser;

    fn highlighter(query: &str) -> Highlighter {
        let schema = NewsSchema::new();
        let index = Index::create_in_ram(schema.schema.clone());
        register_tokenizers(&index);
        let parser = QueryParser::for_index(&index, vec![schema.fields.body]);
        let query = parser.parse_query(query).unwrap();
        let searcher = index.reader().unwrap().searcher();
        Highlighter::new(&index, &searcher, &*query, &schema).unwrap()
    }

    #[test]
    fn near_spellings_of_a_matched_name_are_marked() {
        use tantivy::query::TermQuery;
        use tantivy::schema::IndexRecordOption;
        let schema = NewsSchema::new();
        let index = Index::create_in_ram(schema.schema.clone());
        register_tokenizers(&index);
        let searcher = index.reader().unwrap().searcher();
        let term = tantivy::Term::from_field_text(schema.fields.location, "Tartus");
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        let h = Highlighter::new(&index, &searcher, &query, &schema).unwrap();
        // One edit from "tartus" is enough ("Tartu", the Estonian city, too:
        // marks are a reading aid, not what matched).
        let title = h.whole("Wheat returns to Tartous, TARTUS and Tartu");
        assert_eq!(title.highlights, [[17, 24], [26, 32], [37, 42]]);
        // Lowercase words and two edits ("Tartans") are not the name.
        assert_eq!(
            h.whole("tartous Tartans Tartus-based").highlights,
            [[16, 22]]
        );
        let passages = h.passages("Ships came. They docked at Tartous on Tuesday.", 1);
        assert_eq!(passages.len(), 1);
        assert_eq!(passages[0].highlights, [[27, 34]]);
    }

    #[test]
    fn marks_stemmed_and_accented_forms_in_code_points() {
        let h = highlighter("talk zurich");
        let title = h.whole("Zürich <b>talks</b> in Moscow");
        assert_eq!(title.highlights, [[0, 6], [10, 15]]);
        assert_eq!(
            title.html,
            "<mark>Zürich</mark> &lt;b&gt;<mark>talks</mark>&lt;/b&gt; in Moscow"
        );
    }

    #[test]
    fn passages_are_separate_and_best_first() {
        let h = highlighter("tartus");
        let filler = "word ".repeat(80);
        let text = format!("Tartus opens. {filler} Again Tartus. {filler} And Tartus at the end.");
        let passages = h.passages(&text, 3);
        assert_eq!(passages.len(), 3);
        for p in &passages {
            assert_eq!(p.highlights.len(), 1, "{p:?}");
            let [s, e] = p.highlights[0];
            let marked: String = p.text.chars().skip(s).take(e - s).collect();
            assert_eq!(marked, "Tartus");
            assert!(p.text.chars().count() <= FRAGMENT_CHARS + 1, "{}", p.text);
        }
        assert!(h.passages("nothing here", 3).is_empty());
    }

    #[test]
    fn mark_html_escapes_and_marks() {
        assert_eq!(
            mark_html("a<b> Tartus", &[[5, 11]]),
            "a&lt;b&gt; <mark>Tartus</mark>"
        );
        assert_eq!(mark_html("x", &[[0, 9]]), "x");
    }

    #[test]
    fn opening_cuts_at_a_word() {
        assert_eq!(opening("one two three", 9), "one two…");
        assert_eq!(opening("  short ", 50), "short");
    }

    proptest::proptest! {
        #[test]
        fn passages_of_any_text_stay_in_bounds(
            parts in proptest::collection::vec(("\\PC{0,30}", proptest::bool::ANY), 0..12)
        ) {
            let h = highlighter("tartus");
            let text: String = parts
                .iter()
                .map(|(chunk, mark)| if *mark { format!("{chunk} Tartus ") } else { chunk.clone() })
                .collect();
            for fragment in h.passages(&text, 3).iter().chain([&h.whole(&text)]) {
                let chars = fragment.text.chars().count();
                for [start, end] in &fragment.highlights {
                    proptest::prop_assert!(start < end && *end <= chars);
                }
            }
        }
    }
}
