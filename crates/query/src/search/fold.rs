//! How names are compared: folded (lowercase, accents to ASCII) and word by
//! word, words being runs of letters and digits, so `al-Sharaa` has the
//! words `al` and `sharaa`. Shared by name lookup ([`super::name_match`]), the
//! vocabularies ([`super::vocabulary`]), names in query text and snippets.

use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer};

/// Lowercases and folds accents to ASCII, as names are compared in lookups.
pub(crate) struct Folder(TextAnalyzer);

impl Folder {
    pub(crate) fn new() -> Self {
        Folder(
            TextAnalyzer::builder(RawTokenizer::default())
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .build(),
        )
    }

    pub(crate) fn fold(&mut self, text: &str) -> String {
        let mut stream = self.0.token_stream(text);
        stream.next().map(|t| t.text.clone()).unwrap_or_default()
    }
}

/// The words of `text`: its runs of letters and digits.
pub(crate) fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// A folded name (see [`Folder`]) or
/// query text as its [`words`] joined by single spaces: `al-sharaa` ->
/// `al sharaa`.
pub(crate) fn name_key(folded: &str) -> String {
    words(folded).join(" ")
}
