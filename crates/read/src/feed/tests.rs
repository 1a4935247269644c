use super::*;

fn articles(text: &str) -> Vec<Result<Parsed, String>> {
    parse(text.as_bytes()).unwrap()
}

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Andes Herald</title><link>https://andes.example/</link>
<item><title>Copper exports rise</title><link>https://andes.example/copper</link>
<guid>andes-1</guid><pubDate>Tue, 14 Oct 2025 08:00:00 +0000</pubDate>
<author>ana@andes.example (Ana Ruiz)</author><category>Economy</category>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>LIMA - Copper exports <b>rose</b> 5%.</p><p>Second &amp; last.</p>]]></content:encoded>
</item>
<item><title>Undated</title><guid>andes-2</guid><pubDate>the day after tomorrow</pubDate>
<description>Only a &lt;i&gt;summary&lt;/i&gt;.</description></item>
</channel></rss>"#;

#[test]
fn rss_items_prefer_full_content_made_text() {
    let items = articles(RSS);
    assert_eq!(items.len(), 2);
    let a = &items[0].as_ref().unwrap().article;
    assert_eq!(a.id.as_deref(), Some("andes-1"));
    assert_eq!(a.title, "Copper exports rise");
    assert_eq!(a.body, "LIMA - Copper exports rose 5%.\nSecond & last.");
    assert_eq!(a.date, parse_date("2025-10-14T08:00:00Z"));
    assert_eq!(a.url.as_deref(), Some("https://andes.example/copper"));
    assert_eq!(a.source.as_deref(), Some("Andes Herald"));
    assert_eq!(a.section.as_deref(), Some("Economy"));
    assert_eq!(a.dateline.as_deref(), Some("LIMA"));
}

#[test]
fn an_unreadable_date_leaves_the_item_undated_with_a_warning_naming_it() {
    let items = articles(RSS);
    let b = items[1].as_ref().unwrap();
    assert_eq!(b.article.date, None);
    assert_eq!(b.article.body, "Only a summary.");
    assert_eq!(b.warnings.len(), 1, "{:?}", b.warnings);
    assert!(
        b.warnings[0].contains("item 2 (andes-2)"),
        "{}",
        b.warnings[0]
    );
    assert!(
        b.warnings[0].contains("the day after tomorrow"),
        "{}",
        b.warnings[0]
    );
}

#[test]
fn atom_entries() {
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Levant Wire</title>
    <author><name>Desk</name></author><id>urn:lw</id><updated>2026-01-28T00:00:00Z</updated>
    <entry><id>urn:lw:1</id><title>Wheat cargoes</title><updated>2026-01-28T10:00:00Z</updated>
    <link href="https://lw.example/1"/><content type="html">&lt;p&gt;Ships arrived.&lt;/p&gt;</content>
    <summary>Summary.</summary></entry></feed>"#;
    let items = articles(atom);
    let a = &items[0].as_ref().unwrap().article;
    assert_eq!(
        (a.id.as_deref(), a.body.as_str()),
        (Some("urn:lw:1"), "Ships arrived.")
    );
    assert_eq!(a.date, parse_date("2026-01-28T10:00:00Z"));
    assert_eq!(a.author.as_deref(), Some("Desk"), "the feed's author");
    assert_eq!(a.source.as_deref(), Some("Levant Wire"));
}

#[test]
fn json_feed_items() {
    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "JF",
      "items": [{"id": "j1", "title": "T", "content_html": "<p>Hello</p>",
                 "date_published": "2026-01-28T10:00:00Z", "url": "https://j.example/1"}]}"#;
    assert!(is_json_feed(json));
    assert!(!is_json_feed(r#"{"title": "An article", "version": "2"}"#));
    assert!(!is_json_feed(
        r#"[{"version": "https://jsonfeed.org/version/1"}]"#
    ));
    let items = articles(json);
    let a = &items[0].as_ref().unwrap().article;
    assert_eq!((a.title.as_str(), a.body.as_str()), ("T", "Hello"));
    assert_eq!(a.url.as_deref(), Some("https://j.example/1"));
    assert_eq!(a.date, parse_date("2026-01-28T10:00:00Z"));
}

#[test]
fn a_broken_feed_is_one_error() {
    let broken = RSS.replace("</channel>", "</chanel>");
    let error = parse(broken.as_bytes()).unwrap_err();
    assert!(error.starts_with("not a feed we can read"), "{error}");
}

#[test]
fn an_xml_declaration_inside_the_feed_is_ignored_not_a_panic() {
    // Found by the read_xml fuzz target: quick-xml asserted inside feed-rs.
    let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>E<?xml version="1.0" encoding="ISO-8859-1"?></title><item><title>T</title><description><![CDATA[<?xml version="1.0" encoding="ISO-8859-1"?> quoted]]></description></item></channel></rss>"#;
    let items = parse(rss.as_bytes()).unwrap();
    let article = &items[0].as_ref().unwrap().article;
    assert_eq!(article.title, "T");
    assert!(article.body.contains("quoted"), "{}", article.body);
    let atom = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>E<?xml version="1.0" encoding="ISO-8859-1"?></title></feed>"#;
    assert!(parse(atom.as_bytes()).unwrap().is_empty());
}

#[test]
fn a_declared_encoding_is_honoured_and_a_long_declaration_is_no_panic() {
    let mut latin1 = br#"<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>E</title><item><title>Z"#.to_vec();
    latin1.extend_from_slice(b"\xfcrich</title></item></channel></rss>");
    let items = parse(&latin1).unwrap();
    assert_eq!(items[0].as_ref().unwrap().article.title, "Z\u{fc}rich");
    // Found by the read_xml fuzz target: a declaration naming another
    // encoding and closing only after quick-xml's first buffer.
    let long = include_bytes!("../../../../fuzz/seeds/read_xml/crash-long-declaration.xml");
    assert!(parse(long).is_err());
}

#[test]
fn a_declaration_after_a_nested_instruction_is_blanked_as_quick_xml_reads_it() {
    // Found by the read_xml fuzz target (third session): `<?<?xml …?>` is one
    // processing instruction to quick-xml; a scanner of our own blanked the
    // inner declaration, the instruction then swallowed a CDATA start, and a
    // later declaration naming another encoding reached feed-rs and panicked.
    let crash = include_bytes!(
        "../../../../fuzz/seeds/read_xml/crash-declaration-after-a-nested-instruction.xml"
    );
    let error = parse(crash).err().unwrap();
    assert!(!error.contains("failed on it"), "no panic: {error}");
    let nested = r#"<?<?xml version="1.0"?><rss version="2.0"><channel><title>E</title><item><title>Kept<?xml version="1.0" encoding="ISO-8859-1"?></title></item></channel></rss>"#;
    let items = parse(nested.as_bytes()).unwrap();
    assert_eq!(items[0].as_ref().unwrap().article.title, "Kept");
    // The next find: a declaration after a mismatched end tag, which feed-rs
    // read past while a strict first pass stopped there.
    let mismatched = include_bytes!(
        "../../../../fuzz/seeds/read_xml/crash-declaration-after-a-mismatched-end-tag.xml"
    );
    if let Err(error) = parse(mismatched) {
        assert!(!error.contains("failed on it"), "no panic: {error}");
    }
}
