//! Bounds on what one request may ask, checked on the parsed query and the
//! filters before any posting list is read, so that no request can make the
//! archive do unbounded work or take unbounded memory.
//!
//! Each limit is a public constant; a request past one is refused with
//! [`Error::Limit`] naming the constant, what was counted and the value given.
//! The limits are far above what a person types: they stop generated or
//! hostile requests, not searches.

use std::collections::HashMap;

use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};

use crate::error::{Error, Result};
use crate::request::SearchRequest;

/// Most words a query may search for in all, counting each word of each
/// phrase and each value of a `field: IN [...]` set: every word is a posting
/// list read for every matching article.
pub const MAX_QUERY_TERMS: usize = 256;

/// Most words in one phrase (`"a b c"`): a phrase intersects the positions
/// of all its words in every article holding them all.
pub const MAX_PHRASE_WORDS: usize = 32;

/// Largest slop of a phrase (`"a b"~N`): tantivy's sloppy phrase matching
/// carries every position within reach, and its slop counter is one byte.
pub const MAX_PHRASE_SLOP: usize = 32;

/// Most times one word may appear in a sloppy phrase (`"a b a"~2` passes,
/// `"a a a"~2` is refused): tantivy's sloppy phrase matching multiplies the
/// positions it carries with each repeat of a word. On Reuters-21578,
/// `the` 8 times with slop 32 took 0.2 s, 12 times 0.7 s, 16 times over
/// 1.2 GB before it failed; 20 times with slop 100, over 2 GB.
pub const MAX_SLOPPY_REPEATS: usize = 2;

/// Most words that expand to many terms in one query: fuzzy words
/// (`word~2`), prefixes (`"word"*`), regexes and ranges over text.
pub const MAX_EXPANSIONS: usize = 8;

/// Most values of one filter (`persons`, `locations`, `organizations`,
/// `sources`, `sections`, `languages`): each value not spelt exactly as a canonical name
/// is looked up against every name of its kind.
pub const MAX_FILTER_VALUES: usize = 32;

/// Most values of all filters of a request together.
pub const MAX_FILTER_VALUES_TOTAL: usize = 64;

/// Refuses a request with more filter values than allowed.
pub(crate) fn check_filters(request: &SearchRequest) -> Result<()> {
    let filters = [
        ("persons", &request.persons),
        ("locations", &request.locations),
        ("organizations", &request.organizations),
        ("sources", &request.sources),
        ("sections", &request.sections),
        ("languages", &request.languages),
    ];
    let mut total = 0;
    for (name, values) in filters {
        at_most(
            "MAX_FILTER_VALUES",
            || format!("the number of `{name}` values"),
            values.len(),
            MAX_FILTER_VALUES,
        )?;
        total += values.len();
    }
    at_most(
        "MAX_FILTER_VALUES_TOTAL",
        || "the number of filter values".to_owned(),
        total,
        MAX_FILTER_VALUES_TOTAL,
    )
}

/// Refuses a parsed query past a limit; `words` splits text into the words
/// the index holds (the body's analyser), so `The the` is one word twice.
pub(crate) fn check_query(
    ast: &UserInputAst,
    words: &mut dyn FnMut(&str) -> Vec<String>,
) -> Result<()> {
    let mut counts = Counts::default();
    counts.walk(ast, words)?;
    Ok(())
}

/// What a query asks for so far.
#[derive(Default)]
struct Counts {
    terms: usize,
    expansions: usize,
}

impl Counts {
    fn walk(
        &mut self,
        ast: &UserInputAst,
        words: &mut dyn FnMut(&str) -> Vec<String>,
    ) -> Result<()> {
        match ast {
            UserInputAst::Clause(clauses) => {
                for (_, clause) in clauses {
                    self.walk(clause, words)?;
                }
                Ok(())
            }
            UserInputAst::Boost(sub, _) => self.walk(sub, words),
            UserInputAst::Leaf(leaf) => self.leaf(leaf, words),
        }
    }

    fn leaf(
        &mut self,
        leaf: &UserInputLeaf,
        words: &mut dyn FnMut(&str) -> Vec<String>,
    ) -> Result<()> {
        match leaf {
            UserInputLeaf::Literal(literal) => self.literal(literal, words),
            UserInputLeaf::Set { elements, .. } => self.add_terms(elements.len()),
            UserInputLeaf::Range { .. } | UserInputLeaf::Regex { .. } => self.add_expansion(),
            UserInputLeaf::Exists { .. } => self.add_terms(1),
            UserInputLeaf::All => Ok(()),
        }
    }

    fn literal(
        &mut self,
        literal: &UserInputLiteral,
        words: &mut dyn FnMut(&str) -> Vec<String>,
    ) -> Result<()> {
        let bare = literal.delimiter == Delimiter::None;
        if literal.prefix || (bare && is_fuzzy(&literal.phrase)) {
            self.add_expansion()?;
        }
        let found = words(&literal.phrase);
        let quoted = || format!("\"{}\"", shorten(&literal.phrase));
        at_most(
            "MAX_PHRASE_WORDS",
            || format!("the number of words of phrase {}", quoted()),
            found.len(),
            MAX_PHRASE_WORDS,
        )?;
        let slop = literal.slop as usize;
        at_most(
            "MAX_PHRASE_SLOP",
            || format!("the slop of phrase {}", quoted()),
            slop,
            MAX_PHRASE_SLOP,
        )?;
        if slop > 0 {
            let mut seen: HashMap<&str, usize> = HashMap::new();
            for word in &found {
                let times = seen.entry(word.as_str()).or_default();
                *times += 1;
                at_most(
                    "MAX_SLOPPY_REPEATS",
                    || {
                        format!(
                            "the number of times `{word}` is in sloppy phrase {}",
                            quoted()
                        )
                    },
                    *times,
                    MAX_SLOPPY_REPEATS,
                )?;
            }
        }
        self.add_terms(found.len().max(1))
    }

    fn add_terms(&mut self, n: usize) -> Result<()> {
        self.terms += n;
        at_most(
            "MAX_QUERY_TERMS",
            || "the number of words in the query".to_owned(),
            self.terms,
            MAX_QUERY_TERMS,
        )
    }

    fn add_expansion(&mut self) -> Result<()> {
        self.expansions += 1;
        at_most(
            "MAX_EXPANSIONS",
            || "the number of fuzzy words, prefixes, regexes and ranges".to_owned(),
            self.expansions,
            MAX_EXPANSIONS,
        )?;
        self.add_terms(1)
    }
}

/// The words `analyzer` makes of `text`.
pub(crate) fn tokens(analyzer: &mut tantivy::tokenizer::TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut found = Vec::new();
    while let Some(token) = stream.next() {
        found.push(token.text.clone());
    }
    found
}

/// `word~N` as [`super::text`] reads it: a fuzzy word.
fn is_fuzzy(phrase: &str) -> bool {
    phrase.rsplit_once('~').is_some_and(|(word, digits)| {
        !word.is_empty()
            && !digits.is_empty()
            && digits.len() <= 2
            && digits.bytes().all(|b| b.is_ascii_digit())
    })
}

/// At most 60 characters of a phrase, for an error message.
fn shorten(phrase: &str) -> String {
    let mut short: String = phrase.chars().take(60).collect();
    if short.len() < phrase.len() {
        short.push('…');
    }
    short
}

fn at_most(
    limit: &'static str,
    what: impl FnOnce() -> String,
    given: usize,
    max: usize,
) -> Result<()> {
    if given > max {
        return Err(Error::Limit {
            limit,
            what: what(),
            given,
            max,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    }

    fn check(text: &str) -> Result<()> {
        let ast = tantivy::query_grammar::parse_query(text).expect("valid syntax");
        check_query(&ast, &mut words)
    }

    fn refused_by(text: &str) -> (&'static str, usize) {
        match check(text) {
            Err(Error::Limit { limit, given, .. }) => (limit, given),
            other => panic!("{text:?} was not refused by a limit: {other:?}"),
        }
    }

    #[test]
    fn ordinary_queries_pass() {
        for text in [
            "Tartus",
            "\"naval base\"~3",
            "\"the cat in the hat\"",
            "putin~1 AND \"grain\"*",
            "person:\"Vladimir Putin\" OR (oil AND wheat)",
        ] {
            assert!(check(text).is_ok(), "{text}");
        }
    }

    #[test]
    fn a_repeated_word_in_a_sloppy_phrase_is_refused() {
        let hostile = format!("\"{}\"~100", "the ".repeat(20));
        // The slop is checked first; within the slop allowed, the repeats.
        assert_eq!(refused_by(&hostile), ("MAX_PHRASE_SLOP", 100));
        assert_eq!(
            refused_by("\"The cat the THE\"~2"),
            ("MAX_SLOPPY_REPEATS", MAX_SLOPPY_REPEATS + 1)
        );
        assert!(check("\"the cat in the hat\"~2").is_ok());
        // The same phrase without slop is an ordinary exact phrase.
        assert!(check("\"The cat the THE\"").is_ok());
    }

    #[test]
    fn long_phrases_many_words_and_expansions_are_refused() {
        let phrase = format!("\"{}\"", "word ".repeat(MAX_PHRASE_WORDS + 1));
        assert_eq!(
            refused_by(&phrase),
            ("MAX_PHRASE_WORDS", MAX_PHRASE_WORDS + 1)
        );
        let many: String = (0..=MAX_QUERY_TERMS).map(|i| format!("w{i} ")).collect();
        assert_eq!(refused_by(&many), ("MAX_QUERY_TERMS", MAX_QUERY_TERMS + 1));
        let fuzzy: String = (0..=MAX_EXPANSIONS)
            .map(|i| format!("word{i}~2 "))
            .collect();
        assert_eq!(refused_by(&fuzzy), ("MAX_EXPANSIONS", MAX_EXPANSIONS + 1));
        let set: Vec<String> = (0..=MAX_QUERY_TERMS).map(|i| format!("v{i}")).collect();
        let set = set.join(" ");
        assert_eq!(
            refused_by(&format!("source: IN [{set}]")),
            ("MAX_QUERY_TERMS", MAX_QUERY_TERMS + 1)
        );
    }

    #[test]
    fn filter_values_are_bounded_per_filter_and_in_all() {
        let names = |n: usize| (0..n).map(|i| format!("name {i}")).collect::<Vec<_>>();
        let mut request = SearchRequest::new("x");
        request.persons = names(MAX_FILTER_VALUES);
        assert!(check_filters(&request).is_ok());
        request.persons = names(MAX_FILTER_VALUES + 1);
        assert!(matches!(
            check_filters(&request),
            Err(Error::Limit { limit: "MAX_FILTER_VALUES", given, .. }) if given == MAX_FILTER_VALUES + 1
        ));
        request.persons = names(MAX_FILTER_VALUES);
        request.locations = names(MAX_FILTER_VALUES);
        request.sources = names(1);
        assert!(matches!(
            check_filters(&request),
            Err(Error::Limit {
                limit: "MAX_FILTER_VALUES_TOTAL",
                ..
            })
        ));
    }
}
