//! HTML fragments in feed items (`content:encoded`, Atom `content`) as plain
//! text: tags dropped, block ends made line breaks, entities resolved,
//! scripts and styles left out.
//!
//! A stopgap: to be replaced by `html::clean_fragment` (the HTML page
//! reader's cleaner) when it lands.

use quick_xml::escape::resolve_predefined_entity;

/// Elements whose content is never text.
const HIDDEN: [&str; 4] = ["script", "style", "noscript", "template"];

/// Elements that end a line.
const BLOCKS: [&str; 20] = [
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "blockquote",
    "pre",
    "section",
    "article",
    "figure",
    "hr",
];

/// HTML's element names, for telling a tag from text in angle brackets:
/// wire copy writes ticker symbols so (`STANDARD OIL <SRD> TO FORM UNIT`),
/// and a feed that entity-escapes such a title hands us `<SRD>` as markup.
const ELEMENTS: &str =
    "a abbr acronym address area article aside audio b base bdi bdo big blockquote \
    body br button canvas caption center cite code col colgroup data datalist dd del \
    details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer \
    form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img \
    input ins kbd label legend li link main map mark marquee menu meta meter nav \
    nobr noframes noscript object ol optgroup option output p param picture pre \
    progress q rp rt ruby s samp script section select small source span strike \
    strong style sub summary sup svg table tbody td template textarea tfoot th thead \
    time title tr track tt u ul var video wbr";

/// Whether `<tag>` (the text between the brackets) is markup: an HTML
/// element, a custom or namespaced one (`my-card`, `o:p`), a comment or a
/// declaration. Anything else in brackets (`<SRD>`, `<IBM.N>`) is text.
fn is_markup(tag: &str) -> bool {
    if tag.starts_with(['!', '?']) {
        return true;
    }
    let name = tag
        .trim_start_matches('/')
        .split(|c: char| c.is_ascii_whitespace() || c == '/')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    name.contains(['-', ':']) || ELEMENTS.split(' ').any(|element| element == name)
}

/// The text of an HTML fragment, one line per block, whitespace collapsed.
/// A fragment with no markup at all is plain text: its line breaks are kept.
pub fn html_to_text(html: &str) -> String {
    let newline = if has_markup(html) { ' ' } else { '\n' };
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut hidden: Option<String> = None;
    while let Some(open) = rest.find('<') {
        if hidden.is_none() {
            push_text(&mut out, &rest[..open], newline);
        }
        let after = &rest[open + 1..];
        // `<` not starting a tag (`1 < 2`) is text.
        if !after.starts_with(|c: char| c.is_ascii_alphabetic() || "/!?".contains(c)) {
            if hidden.is_none() {
                out.push('<');
            }
            rest = after;
            continue;
        }
        let Some(close) = after.find('>') else {
            // A lone `<` is text.
            if hidden.is_none() {
                push_text(&mut out, &rest[open..], newline);
            }
            rest = "";
            break;
        };
        let tag = &after[..close];
        if !is_markup(tag) {
            if hidden.is_none() {
                push_text(&mut out, &rest[open..open + close + 2], newline);
            }
            rest = &after[close + 1..];
            continue;
        }
        rest = &after[close + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(h) = &hidden {
            if closing && *h == name {
                hidden = None;
            }
            continue;
        }
        if !closing && HIDDEN.contains(&name.as_str()) && !tag.ends_with('/') {
            hidden = Some(name);
        } else if BLOCKS.contains(&name.as_str()) {
            out.push('\n');
        }
    }
    if hidden.is_none() {
        push_text(&mut out, rest, newline);
    }
    out.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether any `<…>` in `html` is markup ([`is_markup`]).
fn has_markup(html: &str) -> bool {
    html.match_indices('<').any(|(at, _)| {
        let after = &html[at + 1..];
        after
            .find('>')
            .is_some_and(|close| is_markup(&after[..close]))
    })
}

/// Appends text with its entities resolved; newlines in the source become
/// `newline`: a space in markup, as a browser shows them, a line break in
/// plain text.
fn push_text(out: &mut String, text: &str, newline: char) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.extend(
            rest[..amp]
                .chars()
                .map(|c| if c == '\n' { newline } else { c }),
        );
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&i| i <= 32);
        match end.and_then(|i| entity(&after[..i]).map(|s| (i, s))) {
            Some((i, resolved)) => {
                out.push_str(&resolved);
                rest = &after[i + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.extend(rest.chars().map(|c| if c == '\n' { newline } else { c }));
}

fn entity(name: &str) -> Option<String> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).map(|c| if c == '\u{a0}' { ' ' } else { c }.to_string());
    }
    let common = match name {
        "nbsp" => " ",
        "mdash" => "\u{2014}",
        "ndash" => "\u{2013}",
        "hellip" => "\u{2026}",
        "lsquo" => "\u{2018}",
        "rsquo" => "\u{2019}",
        "ldquo" => "\u{201c}",
        "rdquo" => "\u{201d}",
        "laquo" => "\u{ab}",
        "raquo" => "\u{bb}",
        "copy" => "\u{a9}",
        "euro" => "\u{20ac}",
        "pound" => "\u{a3}",
        _ => return resolve_predefined_entity(name).map(str::to_owned),
    };
    Some(common.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_entities_blocks_and_scripts() {
        let html =
            "<p>Rates &amp; prices<br/>rose&nbsp;2&#37;.</p>\n<script>var x = '<p>';</script>\
                    <div>Second <b>block</b> &unknown; 1 < 2</div>";
        assert_eq!(
            html_to_text(html),
            "Rates & prices\nrose 2%.\nSecond block &unknown; 1 < 2"
        );
        assert_eq!(html_to_text("plain text"), "plain text");
        assert_eq!(html_to_text("<style>p{}</style>"), "");
    }

    #[test]
    fn tickers_in_brackets_are_text() {
        assert_eq!(
            html_to_text("STANDARD OIL <SRD> TO FORM <IBM.N> UNIT"),
            "STANDARD OIL <SRD> TO FORM <IBM.N> UNIT"
        );
        assert_eq!(
            html_to_text("<P>Texas Commerce <TCB> said</P><o:p></o:p><my-card>x</my-card>"),
            "Texas Commerce <TCB> said\nx"
        );
    }

    #[test]
    fn plain_text_keeps_its_lines() {
        assert_eq!(
            html_to_text("First para.\n\nSecond &amp; last.\n"),
            "First para.\nSecond & last."
        );
        assert_eq!(html_to_text("<p>One\ntwo</p>"), "One two");
    }
}
