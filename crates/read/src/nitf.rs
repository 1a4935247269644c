//! NITF (News Industry Text Format) documents, plain (`.nitf`, `.xml`) or
//! carried in a NewsML-G2 item's `inlineXML`.
//!
//! | article field | NITF |
//! |---|---|
//! | title | `body.head/hedline/hl1`, else `head/title` |
//! | body | the `p` of `body.content` (else of `abstract`), one per line |
//! | date | `docdata/date.issue@norm`, else `dateline/story.date@norm` |
//! | dateline | `body.head/dateline` |
//! | author | `body.head/byline`, less a leading "By" |
//! | source | `docdata/doc.copyright@holder` |
//! | id | `docdata/doc-id@id-string` |
//! | persons, locations, organizations | the `person`, `location` and `org` elements anywhere |
//! | language | `nitf@xml:lang` |

use chrono::{DateTime, NaiveDate, NaiveDateTime};

use crate::date::{day_start, parse_date, DATE_RANGE};
use crate::xml::Element;

/// What an NITF document gives; every field may be missing.
#[derive(Debug, Default)]
pub struct Nitf {
    /// Headline.
    pub title: Option<String>,
    /// Paragraphs, one per line.
    pub body: String,
    /// Issue date, Unix seconds.
    pub date: Option<i64>,
    /// A date given but not readable, as written.
    pub bad_date: Option<String>,
    /// Dateline as printed.
    pub dateline: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Copyright holder.
    pub source: Option<String>,
    /// Document id.
    pub id: Option<String>,
    /// `xml:lang` of the document.
    pub language: Option<String>,
    /// Names of `person` elements.
    pub persons: Vec<String>,
    /// Names of `location` elements.
    pub locations: Vec<String>,
    /// Names of `org` elements.
    pub organizations: Vec<String>,
}

/// Reads an `nitf` element.
pub fn read(nitf: &Element) -> Nitf {
    let head = nitf.child("head");
    let docdata = head.and_then(|h| h.child("docdata"));
    let body = nitf.child("body");
    let body_head = body.and_then(|b| b.child("body.head"));
    let title = body_head
        .and_then(|h| h.child("hedline"))
        .and_then(|h| h.child_text("hl1"))
        .or_else(|| head.and_then(|h| h.child_text("title")));
    let dateline_element = body_head.and_then(|h| h.child("dateline"));
    let given_date = docdata
        .and_then(|d| d.child("date.issue"))
        .and_then(|d| d.attr("norm"))
        .or_else(|| {
            dateline_element
                .and_then(|d| d.child("story.date"))
                .and_then(|d| d.attr("norm"))
        });
    let date = given_date.and_then(norm_date);
    let mut text = body
        .and_then(|b| b.child("body.content"))
        .map(paragraphs)
        .unwrap_or_default();
    if text.is_empty() {
        text = body_head
            .and_then(|h| h.child("abstract"))
            .map(paragraphs)
            .unwrap_or_default();
    }
    Nitf {
        title,
        body: text,
        date,
        bad_date: given_date.filter(|_| date.is_none()).map(str::to_owned),
        dateline: dateline_element
            .map(Element::text)
            .filter(|t| !t.is_empty()),
        author: body_head.and_then(|h| h.child_text("byline")).map(|b| {
            b.strip_prefix("By ")
                .or_else(|| b.strip_prefix("by "))
                .unwrap_or(&b)
                .to_owned()
        }),
        source: docdata
            .and_then(|d| d.child("doc.copyright"))
            .and_then(|c| c.attr("holder"))
            .map(str::to_owned),
        id: docdata
            .and_then(|d| d.child("doc-id"))
            .and_then(|d| d.attr("id-string"))
            .map(str::to_owned),
        language: nitf.attr("lang").map(str::to_owned),
        persons: names(nitf, "person"),
        locations: names(nitf, "location"),
        organizations: names(nitf, "org"),
    }
}

/// The text of every `p` below, one per line; the whole text when there is none.
pub fn paragraphs(element: &Element) -> String {
    let mut found = Vec::new();
    element.find_all("p", &mut found);
    if found.is_empty() {
        return element.text();
    }
    let texts: Vec<String> = found
        .iter()
        .map(|p| p.text())
        .filter(|t| !t.is_empty())
        .collect();
    texts.join("\n")
}

/// The distinct texts of every element with this name, in order.
fn names(root: &Element, name: &str) -> Vec<String> {
    let mut found = Vec::new();
    root.find_all(name, &mut found);
    let mut out: Vec<String> = Vec::new();
    for element in found {
        let text = element.text();
        if !text.is_empty() && !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

/// An NITF `norm` date: ISO 8601 basic (`20020726T120000-0500`, `20020726`)
/// or any form [`parse_date`] reads.
pub fn norm_date(text: &str) -> Option<i64> {
    let text = text.trim();
    if let Some(secs) = parse_date(text) {
        return Some(secs);
    }
    let secs = if let Ok(t) = DateTime::parse_from_str(text, "%Y%m%dT%H%M%S%z") {
        t.timestamp()
    } else if let Ok(t) = NaiveDateTime::parse_from_str(text.trim_end_matches('Z'), "%Y%m%dT%H%M%S")
    {
        t.and_utc().timestamp()
    } else {
        return NaiveDate::parse_from_str(text, "%Y%m%d")
            .ok()
            .and_then(day_start);
    };
    DATE_RANGE.contains(&secs).then_some(secs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xml::items;

    fn nitf(text: &str) -> Nitf {
        let mut out = None;
        items(text, |n| n == "nitf", |f| out = Some(read(&f.element))).unwrap();
        out.unwrap()
    }

    #[test]
    fn head_body_and_named_entities() {
        let n = nitf(
            r#"<nitf xml:lang="en"><head><title>Head title</title>
            <docdata><doc-id id-string="d-1"/><date.issue norm="20020726T120000-0500"/>
            <doc.copyright holder="Acme Wire"/></docdata></head>
            <body><body.head><hedline><hl1>Rates held</hl1></hedline>
            <byline>By Ann Lee</byline><dateline><location>LONDON</location></dateline></body.head>
            <body.content><p><person>Andrew Bailey</person> of the <org>Bank of England</org> spoke.</p>
            <p>In <location><city>London</city></location>.</p></body.content></body></nitf>"#,
        );
        assert_eq!(n.title.as_deref(), Some("Rates held"));
        assert_eq!(
            n.body,
            "Andrew Bailey of the Bank of England spoke.\nIn London."
        );
        assert_eq!(n.date, parse_date("2002-07-26T17:00:00Z"));
        assert_eq!(n.author.as_deref(), Some("Ann Lee"));
        assert_eq!(n.dateline.as_deref(), Some("LONDON"));
        assert_eq!(
            (n.id.as_deref(), n.source.as_deref()),
            (Some("d-1"), Some("Acme Wire"))
        );
        assert_eq!(n.language.as_deref(), Some("en"));
        assert_eq!(n.persons, ["Andrew Bailey"]);
        assert_eq!(n.organizations, ["Bank of England"]);
        assert_eq!(n.locations, ["LONDON", "London"]);
    }

    #[test]
    fn norm_dates() {
        assert_eq!(norm_date("20020726"), parse_date("2002-07-26"));
        assert_eq!(norm_date("20020726T000000Z"), parse_date("2002-07-26"));
        assert_eq!(norm_date("2002-07-26"), parse_date("2002-07-26"));
        assert_eq!(norm_date("soon"), None);
        let n =
            nitf(r#"<nitf><head><docdata><date.issue norm="someday"/></docdata></head></nitf>"#);
        assert_eq!((n.date, n.bad_date.as_deref()), (None, Some("someday")));
    }
}
