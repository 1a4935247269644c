use super::*;

/// IPTC's NewsML-G2 examples, read where the shared data lies (never copied).
fn example(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/formats/newsml-g2")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    crate::charset::decode(&bytes).unwrap().text.into_owned()
}

fn articles(text: &str) -> Vec<Article> {
    let (outcomes, error) = parse(text);
    assert_eq!(error, None);
    outcomes
        .into_iter()
        .map(|(_, o)| o.unwrap().article)
        .collect()
}

#[test]
fn a_text_item_with_nitf_inside() {
    let a = &articles(&example("LISTING_2_NewsML-G2_Text_Document.xml"))[0];
    assert_eq!(
        a.id.as_deref(),
        Some("urn:newsml:acmenews.com:20161121:US-FINANCE-FED")
    );
    assert_eq!(a.title, "Fed to halt QE to avert \"bubble\"");
    assert_eq!(a.body.lines().count(), 2, "{}", a.body);
    assert!(a
        .body
        .starts_with("(New York, NY - October 21) Et, sent luptat"));
    assert_eq!(a.date, parse_date("2016-11-21T15:21:06-05:00"));
    assert_eq!(a.author.as_deref(), Some("Meredith Jameson"));
    assert_eq!(a.source.as_deref(), Some("Associated Press"));
    assert_eq!(a.section.as_deref(), Some("economy, business and finance"));
    assert_eq!(
        a.locations.as_deref(),
        Some(&["New York, NY".to_owned()][..])
    );
    assert_eq!(a.language.as_deref(), Some("en-US"));
    assert!(a.entities_partial);
}

#[test]
fn located_places_and_first_created() {
    // A text item whose inlineXML holds only a comment: a headline, no body.
    let headline_only = &articles(&example("LISTING_1_A_NewsML-G2_News_Item.xml"))[0];
    assert_eq!(headline_only.title, "Fed to halt QE to avert \"bubble\"");
    assert_eq!(headline_only.body, "");
    let with_text = example("LISTING_1_A_NewsML-G2_News_Item.xml").replace(
        "<!--   Inline XML must contain well-formed XML such as NITF or XHTML       -->",
        "<p>Unemployment fell in Berlin.</p>",
    );
    let a = &articles(&with_text)[0];
    assert_eq!(
        a.date,
        parse_date("2016-10-18T13:12:21-05:00"),
        "firstCreated first"
    );
    assert_eq!(a.locations.clone().unwrap(), ["Berlin", "Germany"]);
    assert_eq!(a.section.as_deref(), Some("economy, business and finance"));
    assert_eq!(a.body, "Unemployment fell in Berlin.");
}

#[test]
fn nitf_carried_in_a_fragment() {
    let a = &articles(&example(
        "LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml",
    ))[0];
    assert!(a
        .title
        .starts_with("Arizona Diamondbacks (29-23) at Philadelphia Phillies"));
    assert!(a
        .body
        .starts_with("(Sports Network) - With the Philadelphia Phillies"));
}

#[test]
fn subjects_typed_as_people_and_organisations_named_by_assert() {
    let text = example("ap_metadata_example.xml").replace(
        "</contentMeta>",
        "</contentMeta><contentSet><inlineData>Keegan Murray scored.</inlineData></contentSet>",
    );
    let a = &articles(&text)[0];
    assert_eq!(a.persons.clone().unwrap(), ["Keegan Murray"]);
    assert_eq!(a.organizations.clone().unwrap(), ["Volkswagen AG"]);
    assert_eq!(a.locations.clone().unwrap(), ["Kentucky"]);
    assert_eq!(a.language.as_deref(), Some("en"));
}

#[test]
fn what_is_not_news_text_is_skipped_with_a_reason() {
    for (name, expected) in [
        (
            "LISTING_3_Photo_in_NewsML-G2.xml",
            "ninat:picture item with no text",
        ),
        (
            "LISTING_10_Abstract_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml",
            "conceptItem",
        ),
        ("LISTING_17_Planning_Item_a_CCL.xml", "planningItem"),
        (
            "LISTING_6_Simple_NewsML-G2_Package.xml",
            "a package referring to",
        ),
    ] {
        let (outcomes, error) = parse(&example(name));
        assert_eq!(error, None, "{name}");
        assert_eq!(outcomes.len(), 1, "{name}");
        let message = outcomes[0].1.as_ref().unwrap_err();
        assert!(message.contains(expected), "{name}: {message}");
    }
}

#[test]
fn a_message_carries_items_and_a_broken_one_keeps_the_rest() {
    let item = |guid: &str, body: &str| {
        format!(
            "<newsItem guid=\"{guid}\"><contentMeta><headline>{guid}</headline></contentMeta>\
             <contentSet><inlineXML><html><body><p>{body}</p></body></html></inlineXML></contentSet></newsItem>\n"
        )
    };
    let good = format!(
        "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">\n<itemSet>\n\
         <packageItem guid=\"P\"><groupSet><group><itemRef residref=\"A\"/></group></groupSet></packageItem>\n{}{}</itemSet></newsMessage>",
        item("A", "First story."),
        item("B", "Second story.")
    );
    let found = articles(&good);
    assert_eq!(found.len(), 2, "the package itself is not an article");
    assert_eq!(found[1].body, "Second story.");
    let broken = good.replace("<p>Second story.</p>", "<p>Second story.</b>");
    let (outcomes, error) = parse(&broken);
    assert_eq!(outcomes.len(), 1, "nothing of the broken item");
    assert_eq!(
        outcomes[0].1.as_ref().unwrap().article.id.as_deref(),
        Some("A")
    );
    let error = error.unwrap();
    assert!(error.contains("malformed XML at line 5"), "{error}");
}
