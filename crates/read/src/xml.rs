//! XML input: what kind of document a file is (by its root element, not its
//! name), and the item-at-a-time reading the wire formats share.
//!
//! A wire file can carry many items (a NewsML-G2 `newsMessage`), so it is
//! read as a stream: only the item being read is held as a small [`Element`]
//! tree, and an XML error ends the file there, keeping the items finished
//! before it and nothing of the one it broke.

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::{feed, limits, newsml, whole, Item, Origin, Parsed, Problem};

/// What an XML document is, by its root element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// RSS (`rss`, `rdf:RDF`) or Atom (`feed`).
    Feed,
    /// A NewsML-G2 item or message, a plain NITF document, or a fragment
    /// carrying NITF: read by [`crate::newsml`].
    Wire,
    /// Some other root element, named.
    Other(String),
}

/// Root elements that [`crate::newsml`] reads besides its items
/// ([`crate::newsml::ITEMS`]): the containers that carry them.
const WIRE_CONTAINERS: [&str; 3] = ["newsMessage", "contentSet", "contentMeta"];

/// The kind of an XML document, from its root element; `Err` when the text
/// does not start as XML.
pub fn sniff(text: &str) -> Result<Kind, String> {
    let mut reader = Reader::from_str(text);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let name = local_name(&e);
                return Ok(match name.as_str() {
                    "rss" | "feed" | "RDF" => Kind::Feed,
                    n if crate::newsml::ITEMS.contains(&n) || WIRE_CONTAINERS.contains(&n) => {
                        Kind::Wire
                    }
                    _ => Kind::Other(name),
                });
            }
            Ok(Event::Text(t)) if !t.xml10_content().trim().is_empty() => {
                return Err("not XML: text before the first element".to_owned());
            }
            Ok(Event::Eof) => return Err("not XML: no element".to_owned()),
            Ok(_) => {}
            Err(e) => return Err(format!("not XML: {e}")),
        }
    }
}

/// An XML file, by its root element: a feed, or NewsML-G2 and NITF items
/// (each with its own line), or something else, skipped.
pub(crate) fn parse_file(
    origin: &Origin,
    bytes: &[u8],
    text: &str,
    fallback: Option<String>,
) -> Vec<Item> {
    let at = |line: Option<u64>| Origin {
        path: origin.path.clone(),
        line,
    };
    let item = |line: Option<u64>, result: Result<Parsed, String>| match result {
        Ok(mut parsed) => {
            parsed.warnings.extend(fallback.clone());
            limits::enforce(&mut parsed);
            Item::Article(at(line), Box::new(parsed))
        }
        Err(message) => Item::Problem(Problem::error(at(line), message)),
    };
    match sniff(text) {
        // feed-rs reads the bytes itself, honouring the declared encoding.
        Ok(Kind::Feed) => whole(feed::parse(bytes))
            .into_iter()
            .map(|result| item(None, result))
            .collect(),
        Ok(Kind::Wire) => {
            let (outcomes, error) = newsml::parse(text);
            let mut items: Vec<Item> = outcomes
                .into_iter()
                .map(|(line, result)| item(Some(line), result))
                .collect();
            items.extend(error.map(|e| Item::Problem(Problem::error(at(None), e))));
            items
        }
        Ok(Kind::Other(root)) => vec![Item::Problem(Problem::error(
            at(None),
            format!("XML with root element <{root}>: not a feed, NewsML-G2 or NITF; skipped"),
        ))],
        Err(message) => vec![Item::Problem(Problem::error(at(None), message))],
    }
}

/// An element of an item: its local name, attributes and children.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Element {
    /// Local name, without a namespace prefix.
    pub name: String,
    /// Attributes by local name (`xml:lang` is `lang`), values unescaped.
    pub attrs: Vec<(String, String)>,
    /// Child elements and text, in order.
    pub children: Vec<Node>,
}

/// A child of an [`Element`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// A child element.
    Element(Element),
    /// Text, entities resolved.
    Text(String),
}

impl Element {
    /// The value of the attribute with this local name.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// Child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element with this name.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The first element with this name at any depth below, depth first.
    pub fn find(&self, name: &str) -> Option<&Element> {
        self.elements().find_map(|e| {
            if e.name == name {
                Some(e)
            } else {
                e.find(name)
            }
        })
    }

    /// Every element with this name at any depth below, in document order
    /// (not looking inside a match).
    pub fn find_all<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            } else {
                e.find_all(name, out);
            }
        }
    }

    /// All text below, whitespace runs collapsed to one space, trimmed.
    pub fn text(&self) -> String {
        let mut raw = String::new();
        self.raw_text(&mut raw);
        collapse(&raw)
    }

    fn raw_text(&self, out: &mut String) {
        for node in &self.children {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => {
                    e.raw_text(out);
                    // Blocks end a word; inline markup (`<person>`) does not.
                    if BLOCKS.contains(&e.name.as_str()) {
                        out.push(' ');
                    }
                }
            }
        }
    }

    /// The text of the child with this name, if it has any.
    pub fn child_text(&self, name: &str) -> Option<String> {
        self.child(name)
            .map(Element::text)
            .filter(|t| !t.is_empty())
    }
}

/// Elements whose end separates words even with no space after them.
const BLOCKS: [&str; 12] = [
    "p", "br", "hl1", "hl2", "li", "div", "block", "td", "tr", "title", "name", "dateline",
];

/// Collapses whitespace runs to one space and trims.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One item found in a document: where it starts and its tree.
pub struct Found {
    /// 1-based line of its start tag.
    pub line: u64,
    /// The item.
    pub element: Element,
}

/// Streams `text`, handing `on_item` each element whose name `is_item`
/// accepts, as a tree, once its end tag is read; items inside an item are
/// part of it. An XML error stops the reading: the error says where, and
/// the item it broke is not handed over.
pub fn items(
    text: &str,
    is_item: impl Fn(&str) -> bool,
    mut on_item: impl FnMut(Found),
) -> Result<(), String> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Element> = Vec::new();
    let mut start_line = 0;
    let mut lines = Lines::default();
    loop {
        let event = reader.read_event().map_err(|e| {
            let at = reader.error_position() as usize;
            format!("malformed XML at {}: {e}", position(text, at))
        })?;
        match event {
            Event::Start(e) | Event::Empty(e) if stack.is_empty() && !is_item(&local_name(&e)) => {}
            Event::Start(e) => {
                if stack.is_empty() {
                    start_line = lines.at(text, reader.buffer_position() as usize);
                }
                stack.push(element(&e));
            }
            Event::Empty(e) => {
                let done = element(&e);
                if stack.is_empty() {
                    let line = lines.at(text, reader.buffer_position() as usize);
                    on_item(Found {
                        line,
                        element: done,
                    });
                } else {
                    push(&mut stack, Node::Element(done));
                }
            }
            Event::End(_) => {
                if let Some(done) = stack.pop() {
                    if stack.is_empty() {
                        on_item(Found {
                            line: start_line,
                            element: done,
                        });
                    } else {
                        push(&mut stack, Node::Element(done));
                    }
                }
            }
            Event::Text(t) if !stack.is_empty() => {
                push(&mut stack, Node::Text(t.xml10_content().into_owned()));
            }
            Event::CData(t) if !stack.is_empty() => {
                push(&mut stack, Node::Text(t.xml10_content().into_owned()));
            }
            Event::GeneralRef(r) if !stack.is_empty() => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => resolve_predefined_entity(&r.xml10_content())
                        .unwrap_or(" ")
                        .to_owned(),
                };
                push(&mut stack, Node::Text(resolved));
            }
            Event::Eof => {
                return match stack.first() {
                    Some(open) => Err(format!(
                        "malformed XML: the file ends inside <{}> (line {start_line})",
                        open.name
                    )),
                    None => Ok(()),
                };
            }
            _ => {}
        }
    }
}

/// Appends a node to the innermost open element.
fn push(stack: &mut [Element], node: Node) {
    if let Some(top) = stack.last_mut() {
        match (top.children.last_mut(), node) {
            (Some(Node::Text(last)), Node::Text(more)) => last.push_str(&more),
            (_, node) => top.children.push(node),
        }
    }
}

fn element(start: &BytesStart<'_>) -> Element {
    let attrs = start
        .attributes()
        .flatten()
        .filter_map(|a| {
            let key = a.key.local_name().as_ref().to_owned();
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| (key, v.into_owned()))
        })
        .collect();
    Element {
        name: local_name(start),
        attrs,
        children: Vec::new(),
    }
}

fn local_name(start: &BytesStart<'_>) -> String {
    start.local_name().as_ref().to_owned()
}

/// Line numbers of offsets met in increasing order, counted from the last
/// one: counting from the start each time made a file of many items quadratic.
#[derive(Default)]
struct Lines {
    offset: usize,
    newlines: u64,
}

impl Lines {
    fn at(&mut self, text: &str, offset: usize) -> u64 {
        let end = offset.min(text.len());
        if end >= self.offset {
            let seen = &text.as_bytes()[self.offset..end];
            self.newlines += seen.iter().filter(|b| **b == b'\n').count() as u64;
            self.offset = end;
            return self.newlines + 1;
        }
        line_of(text, end)
    }
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> u64 {
    let end = offset.min(text.len());
    1 + text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count() as u64
}

/// `line L, column C` of a byte offset, for messages.
fn position(text: &str, offset: usize) -> String {
    let end = offset.min(text.len());
    let line_start = text.as_bytes()[..end]
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    format!(
        "line {}, column {}",
        line_of(text, end),
        end - line_start + 1
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_root_element() {
        let feed = "<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\"/>";
        assert_eq!(sniff(feed), Ok(Kind::Feed));
        assert_eq!(sniff("<rdf:RDF xmlns:rdf=\"x\"/>"), Ok(Kind::Feed));
        assert_eq!(sniff("<newsItem guid=\"a\"/>"), Ok(Kind::Wire));
        assert_eq!(sniff("<svg/>"), Ok(Kind::Other("svg".into())));
        assert!(sniff("plain text, not XML").is_err());
        assert!(sniff("").is_err());
    }

    /// Reads `bytes` as a file named `name`, its format by extension.
    fn read(name: &str, bytes: &[u8]) -> Vec<Item> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let format = crate::Format::of(&path).unwrap();
        let mut items = Vec::new();
        let read = std::sync::atomic::AtomicU64::new(0);
        crate::read_file(&path, format, &read, 0, |b| items.extend(b.parse())).unwrap();
        items
    }

    fn problem(items: &[Item]) -> &str {
        match items {
            [Item::Problem(p)] => &p.message,
            other => panic!("expected one problem, got {other:?}"),
        }
    }

    #[test]
    fn files_are_read_by_what_they_hold_not_their_name() {
        let rss = b"<rss version=\"2.0\"><channel><title>F</title><item><title>T</title></item></channel></rss>";
        for name in ["feed.xml", "feed.rss", "feed.nitf"] {
            let items = read(name, rss);
            assert!(
                matches!(&items[..], [Item::Article(..)]),
                "{name}: {items:?}"
            );
        }
        let nitf = b"<nitf><body><body.content><p>Text.</p></body.content></body></nitf>";
        assert!(matches!(&read("a.xml", nitf)[..], [Item::Article(o, _)] if o.line == Some(1)));
        let json_feed = br#"{"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": [{"id": "1", "content_text": "A"}, {"id": "2", "content_text": "B"}]}"#;
        let items = read("feed.json", json_feed);
        assert_eq!(items.len(), 2, "{items:?}");
        let binary = read("photo.xml", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        assert_eq!(problem(&binary), "binary file, not text");
        assert!(problem(&read("a.xml", b"<svg/>")).contains("root element <svg>"));
        assert!(problem(&read("a.xml", b"just text")).starts_with("not XML"));
    }

    #[test]
    fn items_are_trees_with_text_and_entities() {
        let text = "<m>\n<i id=\"1\"><t>A &amp; B&#33;</t><x/></i>\n<i id=\"2\"/></m>";
        let mut found = Vec::new();
        items(text, |n| n == "i", |f| found.push(f)).unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].line, 2);
        assert_eq!(found[0].element.attr("id"), Some("1"));
        assert_eq!(found[0].element.child_text("t").unwrap(), "A & B!");
        assert_eq!(found[1].element.attr("id"), Some("2"));
    }

    #[test]
    fn an_error_keeps_earlier_items_and_says_where() {
        let text = "<m>\n<i>one</i>\n<i>two</j>\n<i>three</i></m>";
        let mut found = Vec::new();
        let error = items(text, |n| n == "i", |f| found.push(f)).unwrap_err();
        assert_eq!(found.len(), 1, "only the item before the error");
        assert!(error.contains("line 3"), "{error}");
        let cut = items("<m><i>one", |n| n == "i", |_| {}).unwrap_err();
        assert!(cut.contains("ends inside <i>"), "{cut}");
    }
}
