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

/// The text of an HTML fragment, one line per block, whitespace collapsed.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut hidden: Option<String> = None;
    while let Some(open) = rest.find('<') {
        if hidden.is_none() {
            push_text(&mut out, &rest[..open]);
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
                push_text(&mut out, &rest[open..]);
            }
            rest = "";
            break;
        };
        let tag = &after[..close];
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
        push_text(&mut out, rest);
    }
    out.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Appends text with its entities resolved; newlines in the source are
/// spaces, as a browser shows them.
fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.extend(rest[..amp].chars().map(|c| if c == '\n' { ' ' } else { c }));
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
    out.extend(rest.chars().map(|c| if c == '\n' { ' ' } else { c }));
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
}
