//! Script and style bodies emptied before a page is parsed.
//!
//! A news page is a third script and a sixth style sheet by size (measured
//! over the dev set, docs/formats.md), and the HTML parser walks that text
//! a character at a time into text nodes that the extractor then deletes
//! unread. Emptying them first is a scan of the bytes, several times faster
//! than parsing them. The elements themselves stay, so the tree has the same
//! shape; JSON-LD scripts stay whole, since [`super::meta`] and the
//! extractor read them.

use std::borrow::Cow;

/// Elements whose text is raw to the parser: a `<script` inside them is not
/// a tag. The first two are emptied, the others kept as they are.
const RAW: [&str; 9] = [
    "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// `html` with the text of its `<script>` (but JSON-LD) and `<style>`
/// elements removed; the same text borrowed when there is none.
pub(crate) fn without_code(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            at = find(bytes, start + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        let Some(name) = raw_element(rest) else {
            at = start + 1;
            continue;
        };
        let Some(open_end) = tag_end(bytes, start + 1 + name.len()) else {
            break;
        };
        let close = closing_tag(bytes, open_end, name).unwrap_or(bytes.len());
        if emptied(name, &bytes[start..open_end], &bytes[open_end..close]) {
            out.push_str(&html[copied..open_end]);
            copied = close;
        }
        at = close.max(start + 1);
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// Whether a raw element's text goes: scripts but JSON-LD, and styles. A
/// script holding `<!--` is left to the parser, whose rules for it (the
/// "escaped" states, where `</script>` may not end it) a scan does not copy.
fn emptied(name: &str, open_tag: &[u8], text: &[u8]) -> bool {
    match name {
        "script" => !contains_ci(open_tag, b"ld+json") && find(text, 0, b"<!--").is_none(),
        "style" => true,
        _ => false,
    }
}

/// The raw-text element that `tag` (starting at `<`) opens, if any.
fn raw_element(tag: &[u8]) -> Option<&'static str> {
    // Most tags start with another letter: one test, not nine.
    let first = tag.get(1)?.to_ascii_lowercase();
    if !matches!(first, b's' | b't' | b'x' | b'i' | b'n') {
        return None;
    }
    RAW.into_iter().find(|name| {
        let end = 1 + name.len();
        tag.len() > end
            && tag[1..end].eq_ignore_ascii_case(name.as_bytes())
            && matches!(
                tag[end],
                b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'
            )
    })
}

/// The index past the `>` that ends the tag whose attributes start at
/// `from`, skipping quoted attribute values.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Where `</name` (any case, then white space, `/` or `>`) starts.
fn closing_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut at = from;
    while let Some(start) = find(bytes, at, b"</") {
        let end = start + 2 + name.len();
        if bytes.len() > end
            && bytes[start + 2..end].eq_ignore_ascii_case(name.as_bytes())
            && matches!(
                bytes[end],
                b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'
            )
        {
            return Some(start);
        }
        at = start + 2;
    }
    None
}

fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack.get(from..)?, needle).map(|p| from + p)
}

fn contains_ci(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_styles_are_emptied() {
        let html = "<head><STYLE>p{}</STYLE><script src='a>b'>var s = '<p>x</p>';</script >\
            <script type=\"application/ld+json\">{\"a\":1}</script></head><body><p>Text</p></body>";
        assert_eq!(
            without_code(html),
            "<head><STYLE></STYLE><script src='a>b'></script >\
            <script type=\"application/ld+json\">{\"a\":1}</script></head><body><p>Text</p></body>"
        );
    }

    #[test]
    fn raw_text_comments_and_lookalikes_are_kept() {
        for html in [
            "<p>no code</p>",
            "<!-- <script>x</script> --><p>a</p>",
            "<title>a <script>b</script></title>",
            "<scripts>x</scripts><stylesheet>y</stylesheet>",
            "<script><!-- document.write('<script>x</script>') --></script>",
        ] {
            assert_eq!(without_code(html), html);
        }
    }

    #[test]
    fn an_unclosed_script_runs_to_the_end() {
        assert_eq!(without_code("<p>a</p><script>var x"), "<p>a</p><script>");
        assert_eq!(
            without_code("<p>a</p><script src=x"),
            "<p>a</p><script src=x"
        );
        assert_eq!(without_code("<p>é</p><style>é"), "<p>é</p><style>");
    }
}
