//! Passages of the body around the query terms, with highlight ranges in
//! Unicode code points so every client can apply them.

use tantivy::query::Query;
use tantivy::snippet::SnippetGenerator;
use tantivy::Searcher;

use crate::error::Result;
use crate::schema::NewsSchema;

/// Length of a snippet, in characters.
const SNIPPET_CHARS: usize = 200;

pub(crate) struct Snippets {
    body: SnippetGenerator,
}

impl Snippets {
    pub(crate) fn new(searcher: &Searcher, query: &dyn Query, schema: &NewsSchema) -> Result<Self> {
        let mut body = SnippetGenerator::create(searcher, query, schema.fields.body)?;
        body.set_max_num_chars(SNIPPET_CHARS);
        Ok(Snippets { body })
    }

    /// The best passage of `text` and the highlighted ranges in it; the opening
    /// of the text when no query term occurs in it.
    pub(crate) fn body(&self, text: &str) -> (String, Vec<[usize; 2]>) {
        let snippet = self.body.snippet(text);
        let fragment = snippet.fragment();
        if fragment.trim().is_empty() {
            return (opening(text, SNIPPET_CHARS), Vec::new());
        }
        let highlights = snippet
            .highlighted()
            .iter()
            .map(|range| {
                let start = fragment[..range.start].chars().count();
                let len = fragment[range.clone()].chars().count();
                [start, start + len]
            })
            .collect();
        (fragment.to_owned(), highlights)
    }
}

/// The first `max_chars` characters of `text`, cut at a word boundary.
fn opening(text: &str, max_chars: usize) -> String {
    let text = text.trim_start();
    match text.char_indices().nth(max_chars) {
        None => text.to_owned(),
        Some((cut, _)) => {
            let head = &text[..cut];
            let at_word = head.rfind(char::is_whitespace).unwrap_or(cut);
            format!("{}…", head[..at_word].trim_end())
        }
    }
}
