//! Tests of the page reader on pages written here (the dev set of real pages
//! is scored end to end, in tests/end_to_end/formats_html.rs).

use super::*;

/// A news page with everything around the article that a reader skips.
pub(crate) fn news_page() -> String {
    let paragraph = "The first convoy of grain ships left the port of Odesa on Monday, \
        officials said, after weeks of talks between the two governments over \
        insurance, inspections and the safe corridor through the Black Sea.";
    format!(
        r#"<!doctype html><html lang="en-US"><head><meta charset="utf-8">
<title>Grain ships leave Odesa | Example News</title>
<link rel="canonical" href="https://news.example/world/grain-ships">
<meta property="article:section" content="World">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Grain ships leave Odesa",
 "datePublished":"2024-03-04T09:30:00+02:00","author":[{{"@type":"Person","name":"Ana Ruiz"}},
 {{"@type":"Person","name":"Bo Li"}}],"publisher":{{"name":"Example News"}}}}</script>
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. Accept all cookies.</div>
<nav class="menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<main><article><h1>Grain ships leave Odesa</h1>
<p class="byline">By Ana Ruiz and Bo Li</p>
<div class="share"><a href="/s/fb">Share on Facebook</a> <a href="/s/x">Share on X</a></div>
<p>{paragraph}</p><h2>Insurance settled</h2><p>{paragraph}</p>
<ul><li>Wheat for Egypt and Lebanon.</li><li>Maize for Spain and the Netherlands.</li></ul>
<p>{paragraph}</p><p>{paragraph}</p>
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Ports reopen</a></li><li><a href="/b">Wheat prices fall</a></li></ul></aside>
<div class="newsletter-signup">Sign up for our daily newsletter</div>
<section id="comments" class="comments"><p>Reader comment: fake news.</p></section>
</main><footer>© Example News. All rights reserved.</footer></body></html>"#
    )
}

fn read(html: &str) -> Result<Parsed, String> {
    parse(html.as_bytes(), Context::default())
}

#[test]
fn main_text_and_metadata_of_a_news_page() {
    let parsed = read(&news_page()).unwrap();
    let a = &parsed.article;
    assert_eq!(a.title, "Grain ships leave Odesa");
    // The byline stays in the text, as Readability leaves it when the page's
    // metadata names the authors.
    assert!(
        a.body
            .lines()
            .take(2)
            .any(|l| l.starts_with("The first convoy")),
        "{}",
        a.body
    );
    assert!(a.body.contains("Insurance settled"));
    assert!(a.body.contains("Maize for Spain"));
    for chrome in [
        "cookies",
        "Home",
        "Share on",
        "Related stories",
        "newsletter",
        "fake news",
        "rights reserved",
    ] {
        assert!(!a.body.contains(chrome), "{chrome} in {}", a.body);
    }
    assert!(
        a.body.lines().count() >= 6,
        "paragraphs on lines: {}",
        a.body
    );
    assert_eq!(a.date, parse_date("2024-03-04T07:30:00Z"));
    assert_eq!(a.author.as_deref(), Some("Ana Ruiz; Bo Li"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://news.example/world/grain-ships")
    );
    assert_eq!(a.section.as_deref(), Some("World"));
    assert_eq!(a.source.as_deref(), Some("Example News"));
    assert_eq!(a.language.as_deref(), Some("en"));
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn pages_that_are_not_articles_are_refused_with_the_reason() {
    let links: String = (0..60)
        .map(|i| {
            format!("<li><a href=\"/story/{i}\">Story number {i} about the markets today</a></li>")
        })
        .collect();
    let tag_page = format!(
        "<html><head><title>Tag: markets</title></head><body><ul>{links}</ul></body></html>"
    );
    let reason = read(&tag_page).unwrap_err();
    assert!(reason.starts_with("not an article"), "{reason}");
    let shell = "<html><head><title>App</title><script src=app.js></script></head>\
                 <body><div id=root></div><noscript>Enable JavaScript</noscript></body></html>";
    let reason = read(shell).unwrap_err();
    assert!(reason.starts_with("not an article"), "{reason}");
    assert_eq!(read("  \n ").unwrap_err(), "empty file");
    assert!(read("\0\u{1}PK\0\0").unwrap_err().contains("binary"));
}

#[test]
fn an_undated_page_stays_undated() {
    let page = news_page().replace("\"datePublished\":\"2024-03-04T09:30:00+02:00\",", "");
    let parsed = read(&page).unwrap();
    assert_eq!(parsed.article.date, None);
}

#[test]
fn pages_in_legacy_charsets_read_as_their_text() {
    let russian = "Центральный банк во вторник повысил процентные ставки, заявив, что \
        инфляция дольше ожидаемого остаётся выше цели, и пообещал действовать дальше. ";
    for declared in [true, false] {
        let meta = if declared {
            "<meta charset=windows-1251>"
        } else {
            ""
        };
        let html = format!(
            "<html><head>{meta}<title>Банк повысил ставки</title></head><body><article>\
             <p>{russian}</p><p>{russian}</p><p>{russian}</p></article></body></html>"
        );
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&html);
        let parsed = parse(&bytes, Context::default()).unwrap();
        assert_eq!(parsed.article.title, "Банк повысил ставки");
        assert!(parsed.article.body.contains("Центральный банк"));
        assert_eq!(parsed.article.language.as_deref(), Some("ru"));
        assert_eq!(
            parsed.warnings.is_empty(),
            declared,
            "{:?}",
            parsed.warnings
        );
    }
}

#[test]
fn bylines_split_into_names() {
    assert_eq!(byline_names("By Ana Ruiz and Bo Li"), ["Ana Ruiz", "Bo Li"]);
    assert_eq!(
        byline_names("Ana Ruiz, Bo  Li & Cy Wu"),
        ["Ana Ruiz", "Bo Li", "Cy Wu"]
    );
}

#[test]
fn words_of_unspaced_scripts_count() {
    assert_eq!(word_count("two words"), 2);
    assert_eq!(word_count("東京証券"), 4);
}

#[test]
fn main_text_is_offered_to_other_readers() {
    let text = main_text(&news_page());
    assert!(text.contains("\nThe first convoy"), "{text}");
    assert!(main_text("<p>hi</p>").len() < 10);
}

#[test]
fn a_page_past_the_limit_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.html");
    let filler = "<p>word word word word</p>".repeat(MAX_PAGE_BYTES / 20);
    std::fs::write(&path, format!("<html><body>{filler}</body></html>")).unwrap();
    let mut items = Vec::new();
    let hash = crate::read_file(&path, crate::Format::Html, &Default::default(), 0, |b| {
        items.extend(b.parse())
    })
    .unwrap();
    assert!(hash.is_some(), "read through to the end");
    match &items[..] {
        [crate::Item::Problem(p)] => {
            assert!(p.message.contains("larger than the 16.0 MiB limit"), "{p}")
        }
        other => panic!("{other:?}"),
    }
}
