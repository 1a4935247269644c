//! HTML to plain text: one paragraph, heading or list item a line, white
//! space made single, scripts and styles dropped.

use dom_query::Document;

/// Elements whose text is not text a reader sees.
const HIDDEN: &str = "script, style, noscript, template, iframe, object, svg, button, form";

/// Share of the words of `text` that are link text in `html`, the markup
/// it came from. A scan of the markup, not a parse: the extractor has parsed
/// the page already, and this only has to tell a list of links from prose.
pub(crate) fn link_share(html: &str, text: &str) -> f64 {
    let words = text.split_whitespace().count();
    if words == 0 {
        return 0.0;
    }
    let mut link_words = 0;
    let mut rest = html;
    while let Some(start) = find_ascii_ci(rest, "<a") {
        let after = &rest[start + 2..];
        if !after.starts_with(|c: char| c.is_ascii_whitespace() || c == '>') {
            rest = after;
            continue;
        }
        let end = find_ascii_ci(after, "</a").unwrap_or(after.len());
        let inner = after[..end].split_once('>').map_or("", |(_, inner)| inner);
        link_words += without_tags(inner).split_whitespace().count();
        rest = &after[end..];
    }
    link_words as f64 / words as f64
}

fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Markup with its tags made spaces.
fn without_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The text of an HTML fragment (a feed item's content, say), paragraphs on
/// lines of their own.
pub fn clean_fragment(html: &str) -> String {
    let doc = Document::fragment(html);
    doc.select(HIDDEN).remove();
    lines(&doc.formatted_text())
}

/// Lines with runs of white space made one space; no empty lines.
pub(crate) fn lines(text: &str) -> String {
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
        let html = "<div><a href=/a>one <b>two</b></a> three <abbr>four</abbr></div>";
        let share = link_share(html, "one two three four");
        assert!((share - 0.5).abs() < 1e-9, "{share}");
    }
}
