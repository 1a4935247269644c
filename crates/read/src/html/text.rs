//! HTML to plain text: one paragraph, heading or list item a line, white
//! space made single, scripts and styles dropped.

use dom_query::Document;

/// Elements whose text is not text a reader sees.
const HIDDEN: &str = "script, style, noscript, template, iframe, object, svg, button, form";

/// Text of the extractor's content, and the share of its words that are link
/// text.
pub(crate) fn main_text_of(content: &str) -> (String, f64) {
    let doc = Document::fragment(content);
    doc.select(HIDDEN).remove();
    let text = lines(&doc.select("body, html").first().formatted_text());
    let text = if text.is_empty() {
        lines(&doc.formatted_text())
    } else {
        text
    };
    let words = text.split_whitespace().count();
    let link_words: usize = doc
        .select("a")
        .iter()
        .map(|a| a.text().split_whitespace().count())
        .sum();
    let share = if words == 0 {
        0.0
    } else {
        link_words as f64 / words as f64
    };
    (text, share)
}

/// The text of an HTML fragment (a feed item's content, say), paragraphs on
/// lines of their own.
pub fn clean_fragment(html: &str) -> String {
    let doc = Document::fragment(html);
    doc.select(HIDDEN).remove();
    lines(&doc.formatted_text())
}

/// Lines with runs of white space made one space; no empty lines.
fn lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut words = line.split_whitespace();
        let Some(first) = words.next() else { continue };
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(first);
        for word in words {
            out.push(' ');
            out.push_str(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_become_lines() {
        let text = clean_fragment(
            "<p>First  <b>para</b>graph.</p><script>var x;</script><h2>Head</h2><ul><li>one</li><li>two</li></ul>",
        );
        let lines: Vec<_> = text.lines().collect();
        assert_eq!(lines[0], "First paragraph.");
        assert!(lines.contains(&"Head"), "{text:?}");
        assert!(!text.contains("var x"));
        assert!(text.contains("one") && text.contains("two"));
    }

    #[test]
    fn link_share_counts_link_words() {
        let (_, share) = main_text_of("<div><a href=/a>one two</a> three four</div>");
        assert!((share - 0.5).abs() < 1e-9, "{share}");
    }
}
