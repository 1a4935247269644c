//! What a page says about itself, read before the main-text extractor
//! rewrites the document: JSON-LD `NewsArticle`/`Article`, OpenGraph and
//! `article:*` meta tags, `<time datetime>`, bylines, `<link rel=canonical>`
//! and `<html lang>`.
//!
//! Each field keeps the first value found in the order of trust: structured
//! data (JSON-LD) first, then meta tags, then markup in the page.

use dom_query::{Document, NodeRef};
use serde_json::Value;

/// Metadata found in a page, all optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// Headline (JSON-LD `headline`, `og:title`).
    pub title: Option<String>,
    /// Publication time as written.
    pub published: Option<String>,
    /// Author names, in page order.
    pub authors: Vec<String>,
    /// Whether [`Meta::authors`] come from structured data (JSON-LD), which
    /// lists them one by one, rather than from meta tags or markup.
    pub authors_listed: bool,
    /// Desk or topic.
    pub section: Option<String>,
    /// Language tag as written (`en-GB`).
    pub language: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Publisher or site name.
    pub site: Option<String>,
}

/// JSON-LD types that describe an article.
const ARTICLE_TYPES: [&str; 8] = [
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "Report",
    "LiveBlogPosting",
];

/// Meta tags (`property` or `name`) that give the publication time.
const DATE_TAGS: [&str; 10] = [
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
];

/// Where pages mark their byline, most precise first.
const BYLINE_SELECTORS: [&str; 4] = [
    "[itemprop='author'] [itemprop='name']",
    "[rel='author']",
    ".byline",
    ".author",
];

/// Reads the metadata of a parsed page.
pub fn read(doc: &Document) -> Meta {
    let mut meta = Meta::default();
    let found = Elements::of(doc);
    for script in &found.json_ld {
        let text = script.text();
        if let Ok(value) = serde_json::from_str::<Value>(without_cdata(&text)) {
            json_ld(&value, &mut meta, 0);
        }
    }
    meta.authors_listed = !meta.authors.is_empty();
    meta_tags(&found.meta, &mut meta);
    markup(doc, &found, &mut meta);
    meta
}

/// The elements metadata is read from, found in one walk of the tree (a
/// selector query walks it each time), in document order.
struct Elements<'a> {
    /// `<script type="application/ld+json">`.
    json_ld: Vec<NodeRef<'a>>,
    /// `<meta content>`.
    meta: Vec<NodeRef<'a>>,
    /// `<time itemprop="datePublished">`, `[itemprop="datePublished"][datetime]`
    /// and `<time pubdate>`.
    times: Vec<NodeRef<'a>>,
    /// The first `<link rel="canonical" href>`.
    canonical: Option<NodeRef<'a>>,
    /// The first `<html lang>`.
    html_lang: Option<NodeRef<'a>>,
}

impl<'a> Elements<'a> {
    fn of(doc: &'a Document) -> Self {
        let mut found = Elements {
            json_ld: Vec::new(),
            meta: Vec::new(),
            times: Vec::new(),
            canonical: None,
            html_lang: None,
        };
        for node in doc.root().descendants_it() {
            let Some(name) = node.qual_name_ref().map(|q| q.local.clone()) else {
                continue;
            };
            // `type` and `rel` values match in any case, as in CSS on HTML.
            let is = |attr: &str, value: &str| {
                node.attr(attr)
                    .is_some_and(|v| v.eq_ignore_ascii_case(value))
            };
            match &*name {
                "script" if is("type", "application/ld+json") => found.json_ld.push(node),
                "meta" if node.has_attr("content") => found.meta.push(node),
                "link"
                    if found.canonical.is_none()
                        && is("rel", "canonical")
                        && node.has_attr("href") =>
                {
                    found.canonical = Some(node);
                }
                "html" if found.html_lang.is_none() && node.has_attr("lang") => {
                    found.html_lang = Some(node);
                }
                _ => {}
            }
            let published = node
                .attr("itemprop")
                .is_some_and(|v| &*v == "datePublished");
            let time = &*name == "time";
            if (published && (time || node.has_attr("datetime")))
                || (time && node.has_attr("pubdate"))
            {
                found.times.push(node);
            }
        }
        found
    }
}

/// Walks a JSON-LD value for article objects, through arrays and `@graph`.
fn json_ld(value: &Value, meta: &mut Meta, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| json_ld(v, meta, depth + 1)),
        Value::Object(object) => {
            if let Some(graph) = object.get("@graph") {
                json_ld(graph, meta, depth + 1);
            }
            if is_article(object.get("@type")) {
                article_object(object, meta);
            }
        }
        _ => {}
    }
}

fn is_article(kind: Option<&Value>) -> bool {
    match kind {
        Some(Value::String(kind)) => ARTICLE_TYPES.contains(&kind.as_str()),
        Some(Value::Array(kinds)) => kinds.iter().any(|k| is_article(Some(k))),
        _ => false,
    }
}

fn article_object(object: &serde_json::Map<String, Value>, meta: &mut Meta) {
    let text = |key: &str| object.get(key).and_then(first_text);
    set(&mut meta.title, text("headline").or_else(|| text("name")));
    set(&mut meta.published, text("datePublished"));
    set(&mut meta.section, text("articleSection"));
    set(&mut meta.language, text("inLanguage"));
    set(&mut meta.url, text("url"));
    set(
        &mut meta.site,
        object
            .get("publisher")
            .and_then(|p| p.get("name"))
            .and_then(first_text),
    );
    if meta.authors.is_empty() {
        if let Some(author) = object.get("author").or_else(|| object.get("creator")) {
            names(author, &mut meta.authors);
        }
    }
}

/// Author names from a JSON-LD `author`: a string, a `Person` or
/// `Organization`, or a list of those.
fn names(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(name) => push_name(out, name),
        Value::Array(items) => items.iter().for_each(|v| names(v, out)),
        Value::Object(object) => {
            if let Some(Value::String(name)) = object.get("name") {
                push_name(out, name);
            }
        }
        _ => {}
    }
}

fn push_name(out: &mut Vec<String>, name: &str) {
    let name = clean(name);
    if !name.is_empty() && !name.contains("://") && !out.contains(&name) {
        out.push(name);
    }
}

/// The text of a string, of the first string of a list, or of an object's
/// `name`.
fn first_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(clean(s)).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(first_text),
        Value::Object(object) => object.get("name").and_then(first_text),
        _ => None,
    }
}

fn meta_tags(tags: &[NodeRef<'_>], meta: &mut Meta) {
    let mut authors = Vec::new();
    for tag in tags {
        let key = tag
            .attr("property")
            .or_else(|| tag.attr("name"))
            .or_else(|| tag.attr("itemprop"));
        let (Some(key), Some(content)) = (key, tag.attr("content")) else {
            continue;
        };
        let key = key.to_ascii_lowercase();
        let content = clean(&content);
        if content.is_empty() {
            continue;
        }
        match key.as_str() {
            "og:title" | "twitter:title" => set(&mut meta.title, Some(content)),
            "article:section" => set(&mut meta.section, Some(content)),
            "og:url" => set(&mut meta.url, Some(content)),
            "og:site_name" => set(&mut meta.site, Some(content)),
            // `article:author` is often a profile URL, not a name.
            "author" | "article:author" | "dc.creator" | "byl" | "sailthru.author"
                if !content.contains("://") =>
            {
                authors.push(content);
            }
            key if DATE_TAGS.contains(&key) => set(&mut meta.published, Some(content)),
            _ => {}
        }
    }
    if meta.authors.is_empty() {
        for author in authors {
            push_name(&mut meta.authors, &author);
        }
    }
}

fn markup(doc: &Document, found: &Elements<'_>, meta: &mut Meta) {
    if meta.published.is_none() {
        let time = found
            .times
            .iter()
            .find_map(|t| t.attr("datetime").or_else(|| t.attr("content")));
        set(&mut meta.published, time.map(|t| clean(&t)));
    }
    if meta.authors.is_empty() {
        // Most precise markup first: a name, then a link to the author's
        // page, then a byline that may say "By" or "Par".
        let found = BYLINE_SELECTORS.iter().find_map(|selector| {
            doc.select(selector)
                .iter()
                .map(|node| clean(&node.text()))
                .find(|text| !text.is_empty() && text.len() < 200)
        });
        if let Some(byline) = found {
            push_name(&mut meta.authors, &byline);
        }
    }
    if meta.url.is_none() {
        let canonical = found.canonical.and_then(|link| link.attr("href"));
        set(&mut meta.url, canonical.map(|u| clean(&u)));
    }
    let lang = found.html_lang.and_then(|html| html.attr("lang"));
    set(&mut meta.language, lang.map(|l| clean(&l)));
}

/// JSON-LD with the `<![CDATA[ ... ]]>` wrapper some sites put around it.
fn without_cdata(text: &str) -> &str {
    let text = text.trim();
    let text = text.strip_prefix("<![CDATA[").unwrap_or(text);
    text.strip_suffix("]]>").unwrap_or(text).trim()
}

fn set(field: &mut Option<String>, value: Option<String>) {
    if field.is_none() {
        *field = value.filter(|v| !v.is_empty());
    }
}

/// Text with entities already decoded by the parser and runs of white space
/// made one space.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_first_then_meta_tags() {
        let doc = Document::from(
            r#"<html lang="en-GB"><head>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","name":"Page"},
              {"@type":"NewsArticle","headline":"Wheat returns","datePublished":"2024-03-01T08:00:00Z",
               "author":[{"@type":"Person","name":"Ana  Ruiz"},{"@type":"Person","name":"Bo Li"}],
               "articleSection":["Business"],"inLanguage":"en"}]}</script>
            <meta property="og:title" content="Other title">
            <meta property="article:published_time" content="2020-01-01">
            <meta name="author" content="Someone Else">
            <link rel="canonical" href="https://x.example/wheat">
            </head><body><p>Text</p></body></html>"#,
        );
        let meta = read(&doc);
        assert_eq!(meta.title.as_deref(), Some("Wheat returns"));
        assert_eq!(meta.published.as_deref(), Some("2024-03-01T08:00:00Z"));
        assert_eq!(meta.authors, ["Ana Ruiz", "Bo Li"]);
        assert_eq!(meta.section.as_deref(), Some("Business"));
        assert_eq!(meta.language.as_deref(), Some("en"));
        assert_eq!(meta.url.as_deref(), Some("https://x.example/wheat"));
    }

    #[test]
    fn markup_when_there_is_no_structured_data() {
        let doc = Document::from(
            r#"<html lang="fr"><body><article><h1>T</h1>
            <p class="byline">Par <a rel="author" href="/a/claire">Claire Dupont</a></p>
            <time datetime="2023-05-02" pubdate>2 mai</time><p>Texte.</p></article></body></html>"#,
        );
        let meta = read(&doc);
        assert_eq!(meta.published.as_deref(), Some("2023-05-02"));
        assert_eq!(meta.authors, ["Claire Dupont"]);
        assert_eq!(meta.language.as_deref(), Some("fr"));
        assert_eq!(meta.title, None);
    }

    #[test]
    fn undated_pages_stay_undated() {
        let doc = Document::from("<p>Posted <time datetime='2021-01-01'>then</time></p>");
        assert_eq!(read(&doc).published, None);
    }
}
