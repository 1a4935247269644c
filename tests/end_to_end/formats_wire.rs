//! Wire formats, feeds and CSV: a NewsML-G2 item (IPTC's example, copied at
//! test time from the shared data), an RSS feed and a CSV file indexed
//! together, found by search, the item's own entities in the facets; and
//! broken ones of each kind reported by file and record, the rest indexed.

use std::fs;

use crate::support::*;

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Andes Herald</title>
<item><title>Copper exports rise in Peru</title><guid>andes-1</guid>
<link>https://andes.example/copper</link><pubDate>Tue, 14 Oct 2025 08:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>LIMA - Copper <b>exports</b> from Peru rose sharply.</p>]]></content:encoded>
</item>
<item><title>Lithium brine talks</title><guid>andes-2</guid><pubDate>next Tuesday-ish</pubDate>
<description>Lithium producers met in Santiago.</description></item>
</channel></rss>"#;

const CSV: &str = "title,body,date,persons\n\
    Harbour cranes idle,\"Dockers stopped the cranes, the union said.\",2026-02-01,Maria Okafor\n";

fn write_clean(dir: &std::path::Path) {
    fs::copy(
        shared_data("formats/newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml"),
        dir.join("fed.xml"),
    )
    .unwrap();
    fs::write(dir.join("andes.rss"), RSS).unwrap();
    fs::write(dir.join("harbour.csv"), CSV).unwrap();
}

#[test]
fn a_wire_item_a_feed_and_a_csv_are_indexed_and_found() {
    let input = tempfile::TempDir::new().unwrap();
    write_clean(input.path());
    let archive = tempfile::TempDir::new().unwrap();
    let output = news_ok(
        archive.path(),
        &["index", &input.path().display().to_string(), "--json"],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The feed's item with an unreadable date is indexed, undated, with a
    // warning naming the file and the item.
    assert!(
        stderr.lines().any(|l| l.contains("andes.rss")
            && l.contains("andes-2")
            && l.contains("next Tuesday-ish")),
        "{stderr}"
    );
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["indexed"], 4, "{summary}");

    let fed = search(archive.path(), &["bubble"]);
    assert_eq!(titles(&fed), ["Fed to halt QE to avert \"bubble\""]);
    let hit = &fed["hits"][0];
    assert_eq!(hit["section"], "economy, business and finance", "{hit}");
    assert_eq!(hit["source"], "Associated Press", "{hit}");
    // The item's own `located` is a location facet value.
    assert!(
        facet_values(&fed, "locations").contains(&"New York, NY".to_owned()),
        "{fed}"
    );
    assert_eq!(
        titles(&search(archive.path(), &["copper"])),
        ["Copper exports rise in Peru"]
    );
    assert_eq!(
        titles(&search(archive.path(), &["lithium"])),
        ["Lithium brine talks"]
    );
    let harbour = search(archive.path(), &["cranes"]);
    assert_eq!(titles(&harbour), ["Harbour cranes idle"]);
    assert_eq!(facet_values(&harbour, "persons"), ["Maria Okafor"]);
}

#[test]
fn wire_items_keep_their_named_people_beside_extracted_ones() {
    let input = tempfile::TempDir::new().unwrap();
    let item = fs::read_to_string(shared_data("formats/newsml-g2/ap_metadata_example.xml"))
        .unwrap_or_else(|_| {
            // ISO-8859-1 declared, ASCII in fact; read as bytes if not.
            String::from_utf8_lossy(
                &fs::read(shared_data("formats/newsml-g2/ap_metadata_example.xml")).unwrap(),
            )
            .into_owned()
        })
        .replace(
            "</contentMeta>",
            "</contentMeta><contentSet><inlineData>Keegan Murray met Vladimir Putin in Moscow.</inlineData></contentSet>",
        );
    fs::write(input.path().join("ap.newsml"), item).unwrap();
    let archive = index(&[input.path()]);
    let response = search(archive.path(), &["Keegan"]);
    let persons = facet_values(&response, "persons");
    assert!(persons.contains(&"Keegan Murray".to_owned()), "{persons:?}");
    assert!(
        persons.contains(&"Vladimir Putin".to_owned()),
        "{persons:?}"
    );
    assert!(
        facet_values(&response, "organizations").contains(&"Volkswagen AG".to_owned()),
        "{response}"
    );
}

#[test]
fn broken_wire_feed_and_csv_inputs_are_reported_and_the_rest_indexed() {
    let input = tempfile::TempDir::new().unwrap();
    write_clean(input.path());
    let dir = input.path();
    fs::write(
        dir.join("broken.xml"),
        "<newsMessage>\n<itemSet>\n<newsItem guid=\"ok\"><contentMeta><headline>Kept item</headline></contentMeta>\
         <contentSet><inlineData>Intact text.</inlineData></contentSet></newsItem>\n\
         <newsItem guid=\"bad\"><contentMeta><headline>Lost</headline></contentMeta>\n<contentSet></inlineData></newsItem>\n",
    )
    .unwrap();
    fs::write(dir.join("photo.xml"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    fs::write(
        dir.join("other.xml"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    fs::write(
        dir.join("ragged.csv"),
        "title,body\nFirst row,fine\nSecond row,too,many\nThird row,fine\n",
    )
    .unwrap();
    fs::write(dir.join("torn.rss"), RSS.replace("</channel>", "")).unwrap();

    let archive = tempfile::TempDir::new().unwrap();
    let output = news(
        archive.path(),
        &["index", &dir.display().to_string(), "--json", "--quiet"],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    for (origin, reason) in [
        ("broken.xml: ", "malformed XML at line 5"),
        ("photo.xml: ", "binary file"),
        ("other.xml: ", "root element <svg>"),
        ("ragged.csv:3: ", "row has 3 fields"),
        ("torn.rss: ", "not a feed we can read"),
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(origin) && l.contains(reason)),
            "no `{reason}` at {origin}\n{stderr}"
        );
    }
    let mut indexed: Vec<String> = every_article(archive.path())
        .into_iter()
        .map(|(_, _, title)| title)
        .collect();
    indexed.sort();
    assert_eq!(
        indexed,
        [
            "Copper exports rise in Peru",
            "Fed to halt QE to avert \"bubble\"",
            "First row",
            "Harbour cranes idle",
            "Kept item",
            "Lithium brine talks",
            "Third row",
        ]
    );
}

#[test]
fn a_feed_whose_author_made_feed_rs_panic_is_read() {
    // feed-rs 3.0.0 cuts an author string inside the character before the
    // address, and panicked: the whole feed was lost. The reader now puts a
    // space there first.
    let feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>E</title>\
                <item><title>Port reopens</title><description>Ships left Tartus at dawn.</description>\
                <author>\x1b[2J\u{ac}ana@news.example</author></item></channel></rss>";
    let input = tempfile::TempDir::new().unwrap();
    fs::write(input.path().join("author.rss"), feed).unwrap();
    fs::write(input.path().join("fine.txt"), "Kept story\n\nIts body.\n").unwrap();
    let archive = tempfile::TempDir::new().unwrap();
    let output = news(
        archive.path(),
        &["index", &input.path().display().to_string(), "--quiet"],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let mut titles: Vec<String> = every_article(archive.path())
        .into_iter()
        .map(|(_, _, title)| title)
        .collect();
    titles.sort();
    assert_eq!(titles, ["Kept story", "Port reopens"]);
}
