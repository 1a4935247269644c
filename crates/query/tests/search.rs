//! Query syntax, filters, name resolution, multi-select facets and snippets.

mod common;

use common::*;
use news_query::{Error, FilterFacet, PartialDate, SearchRequest, Sort};

fn archive() -> (tempfile::TempDir, news_query::Archive) {
    archive_of(&newsroom(), 3)
}

#[test]
fn empty_and_star_match_everything() {
    let (_dir, archive) = archive();
    for query in ["", "*", "  "] {
        assert_eq!(archive.search(&SearchRequest::new(query)).unwrap().total, 8);
    }
}

#[test]
fn a_purely_negative_query_is_everything_except() {
    let (_dir, archive) = archive();
    let response = archive
        .search(&SearchRequest::new("NOT Putin").limit(20))
        .unwrap();
    assert_eq!(response.total, 6);
    assert!(!ids(&response).contains(&"seed") && !ids(&response).contains(&"putin-energy"));
    let minus = archive
        .search(&SearchRequest::new("-Putin -Macron"))
        .unwrap();
    assert_eq!(minus.total, 4);
}

#[test]
fn fuzzy_words_and_phrase_slop() {
    let (_dir, archive) = archive();
    let fuzzy = archive.search(&SearchRequest::new("Puttin~1")).unwrap();
    assert_eq!(fuzzy.total, 2);
    let exact = archive.search(&SearchRequest::new("Puttin")).unwrap();
    assert_eq!(exact.total, 0);
    let phrase = archive
        .search(&SearchRequest::new("\"Tartus base\""))
        .unwrap();
    assert_eq!(phrase.total, 0);
    let slop = archive
        .search(&SearchRequest::new("\"Tartus base\"~1"))
        .unwrap();
    assert_eq!(ids(&slop), ["seed"]);
    let boolean = archive
        .search(&SearchRequest::new("(wheat OR grain) AND NOT corridor"))
        .unwrap();
    assert_eq!(ids(&boolean), ["tartous-wheat"]);
}

#[test]
fn field_values_in_query_syntax() {
    let (_dir, archive) = archive();
    let response = archive
        .search(&SearchRequest::new("person:\"Emmanuel Macron\" AND budget"))
        .unwrap();
    assert_eq!(ids(&response), ["macron-budget"]);
}

#[test]
fn query_errors_are_typed_and_placed() {
    let (_dir, archive) = archive();
    match archive.search(&SearchRequest::new("Tartus AND colour:red")) {
        Err(Error::Query {
            position, message, ..
        }) => {
            assert_eq!(position, 11);
            assert!(message.contains("colour"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let bad_date = archive.search(&SearchRequest::new("Tartus date:yesterday"));
    assert!(
        matches!(bad_date, Err(Error::Query { position: 7, .. })),
        "{bad_date:?}"
    );
}

#[test]
fn invalid_requests_say_why() {
    let (_dir, archive) = archive();
    let backwards = SearchRequest::new("")
        .since("2026".parse().unwrap())
        .until("2025".parse().unwrap());
    assert!(matches!(archive.search(&backwards), Err(Error::Request(m)) if m.contains("after")));
    let deep = SearchRequest::new("").offset(9_995).limit(10);
    assert!(matches!(archive.search(&deep), Err(Error::Request(m)) if m.contains("cursor")));
    let both = SearchRequest::new("").offset(1).cursor("x");
    assert!(matches!(archive.search(&both), Err(Error::Request(_))));
    let bad_cursor = SearchRequest::new("").cursor("not-a-cursor");
    assert!(matches!(archive.search(&bad_cursor), Err(Error::Cursor(_))));
    let unknown_field: Result<SearchRequest, _> = serde_json::from_str(r#"{"qurey": "x"}"#);
    assert!(unknown_field.unwrap_err().to_string().contains("qurey"));
}

#[test]
fn dates_are_inclusive_and_partial_and_undated_sort_last() {
    let (_dir, archive) = archive();
    let january = SearchRequest::new("")
        .since("2026-01".parse().unwrap())
        .until("2026-01".parse().unwrap());
    let response = archive.search(&january.sort(Sort::Newest)).unwrap();
    assert_eq!(ids(&response), ["seed", "tartous-wheat"]);
    let day: PartialDate = "2026-01-28".parse().unwrap();
    let exact = archive
        .search(&SearchRequest::new("").since(day).until(day))
        .unwrap();
    assert_eq!(ids(&exact), ["seed"]);
    let newest = archive
        .search(&SearchRequest::new("").sort(Sort::Newest))
        .unwrap();
    assert_eq!(ids(&newest).last(), Some(&"undated"));
    let oldest = archive
        .search(&SearchRequest::new("").sort(Sort::Oldest))
        .unwrap();
    assert_eq!(ids(&oldest)[0], "macron-budget");
    assert_eq!(ids(&oldest).last(), Some(&"undated"));
}

#[test]
fn filters_or_within_and_across() {
    let (_dir, archive) = archive();
    let either = SearchRequest::new("")
        .person("Vladimir Putin")
        .person("Emmanuel Macron");
    assert_eq!(archive.search(&either).unwrap().total, 4);
    let both = either.clone().source("Daily Courier");
    let response = archive.search(&both).unwrap();
    assert_eq!(response.total, 3);
    let section = SearchRequest::new("").section("Sport");
    assert_eq!(archive.search(&section).unwrap().total, 0);
}

#[test]
fn a_country_includes_the_places_inside_it() {
    let (_dir, archive) = archive();
    let response = archive
        .search(&SearchRequest::new("").location("Syria").limit(10))
        .unwrap();
    let mut found = ids(&response);
    found.sort();
    assert_eq!(found, ["seed", "tartous-wheat", "undated"]);
}

#[test]
fn partial_names_resolve_and_say_so() {
    let (_dir, archive) = archive();
    let response = archive
        .search(&SearchRequest::new("").person("putin"))
        .unwrap();
    assert_eq!(response.total, 2);
    let notice = &response.notices[0];
    assert_eq!(
        (notice.facet, notice.given.as_str(), notice.used.as_deref()),
        (FilterFacet::Persons, "putin", Some("Vladimir Putin"))
    );
    let misspelt = archive
        .search(&SearchRequest::new("").person("Vladimir Puttin"))
        .unwrap();
    assert_eq!(misspelt.notices[0].used.as_deref(), Some("Vladimir Putin"));
    assert_eq!(misspelt.total, 2);
    let org = archive
        .search(&SearchRequest::new("").organization("food programme"))
        .unwrap();
    assert_eq!(org.notices[0].used.as_deref(), Some("World Food Programme"));
    let exact = archive
        .search(&SearchRequest::new("").person("Vladimir Putin"))
        .unwrap();
    assert!(exact.notices.is_empty());
}

#[test]
fn unknown_names_are_reported_and_match_nothing() {
    let (_dir, archive) = archive();
    let response = archive
        .search(&SearchRequest::new("").person("Angela Merkel"))
        .unwrap();
    assert_eq!(response.total, 0);
    assert_eq!(response.notices.len(), 1);
    assert_eq!(response.notices[0].used, None);
    let mixed = archive
        .search(
            &SearchRequest::new("")
                .person("Angela Merkel")
                .person("Emmanuel Macron"),
        )
        .unwrap();
    assert_eq!(mixed.total, 2, "a known alternative still matches");
    let place = archive
        .search(&SearchRequest::new("").location("Atlantis"))
        .unwrap();
    assert_eq!(
        (place.total, place.notices[0].facet),
        (0, FilterFacet::Locations)
    );
}

#[test]
fn facets_follow_the_query() {
    let (_dir, archive) = archive();
    let response = archive.search(&SearchRequest::new("Sharaa")).unwrap();
    assert_eq!(response.total, 2);
    assert_eq!(
        facet(&response.facets.persons),
        [
            ("Ahmed al-Sharaa", 2),
            ("Emmanuel Macron", 1),
            ("Vladimir Putin", 1)
        ]
    );
    assert_eq!(
        facet(&response.facets.sources),
        [("Daily Courier", 1), ("Seed", 1)]
    );
    let top_one = archive
        .search(&SearchRequest::new("Sharaa").facet_limit(1))
        .unwrap();
    assert_eq!(facet(&top_one.facets.persons), [("Ahmed al-Sharaa", 2)]);
}

#[test]
fn a_facets_own_selection_does_not_shrink_it() {
    let (_dir, archive) = archive();
    let putin = archive
        .search(&SearchRequest::new("").person("Vladimir Putin"))
        .unwrap();
    assert_eq!(putin.total, 2);
    // Persons are counted as if no person were selected...
    assert_eq!(
        facet(&putin.facets.persons)[..3],
        [
            ("Ahmed al-Sharaa", 2),
            ("Emmanuel Macron", 2),
            ("Vladimir Putin", 2)
        ]
    );
    // ...while the other facets follow the selection.
    assert_eq!(
        facet(&putin.facets.sources),
        [("Daily Courier", 1), ("Seed", 1)]
    );

    let two = SearchRequest::new("")
        .person("Vladimir Putin")
        .source("Daily Courier");
    let response = archive.search(&two).unwrap();
    assert_eq!(ids(&response), ["putin-energy"]);
    // Sources under the person selection only; persons under the source selection only.
    assert_eq!(
        facet(&response.facets.sources),
        [("Daily Courier", 1), ("Seed", 1)]
    );
    assert_eq!(
        facet(&response.facets.persons),
        [
            ("Emmanuel Macron", 2),
            ("Ahmed al-Sharaa", 1),
            ("Recep Tayyip Erdogan", 1),
            ("Vladimir Putin", 1)
        ]
    );
    // Locations follow both selections.
    assert_eq!(
        facet(&response.facets.locations),
        [("Ankara", 1), ("Turkey", 1)]
    );
    // The same filters without facets give the same hits.
    let plain = archive.search(&two.clone().facet_limit(0)).unwrap();
    assert_eq!((ids(&plain), plain.total), (ids(&response), 1));
    assert!(plain.facets.persons.is_empty());
}

#[test]
fn histogram_fills_gaps_and_skips_undated() {
    let (_dir, archive) = archive();
    let response = archive.search(&SearchRequest::new("")).unwrap();
    let keys: Vec<&str> = response.histogram.iter().map(|b| b.key.as_str()).collect();
    assert_eq!(keys.first(), Some(&"2025-03"));
    assert_eq!(keys.last(), Some(&"2026-01"));
    assert_eq!(keys.len(), 11);
    let counted: u64 = response.histogram.iter().map(|b| b.count).sum();
    assert_eq!(counted, 7);
    let years = archive
        .search(&SearchRequest::new("").histogram(Some(news_query::Interval::Year)))
        .unwrap();
    let years: Vec<(&str, u64)> = years
        .histogram
        .iter()
        .map(|b| (b.key.as_str(), b.count))
        .collect();
    assert_eq!(years, [("2025", 5), ("2026", 2)]);
}

#[test]
fn hits_carry_passages_and_marked_titles() {
    let (_dir, archive) = archive();
    let response = archive.search(&SearchRequest::new("Tartus")).unwrap();
    let seed = response.hits.iter().find(|h| h.id == "seed").unwrap();
    assert_eq!(seed.title_highlights, Vec::<[usize; 2]>::new());
    assert!(seed.snippet.contains("Tartus"));
    let [s, e] = seed.highlights[0];
    assert_eq!(
        seed.snippet.chars().skip(s).take(e - s).collect::<String>(),
        "Tartus"
    );
    assert_eq!(seed.fragments[0].text, seed.snippet);
    assert!(seed.fragments[0].html.contains("<mark>Tartus</mark>"));
    let undated = response.hits.iter().find(|h| h.id == "undated").unwrap();
    assert_eq!(
        undated.title_html,
        "Undated briefing on <mark>Tartus</mark>"
    );
    assert_eq!(undated.title_highlights, [[20, 26]]);
    let plain = archive.search(&SearchRequest::new("").limit(1)).unwrap();
    assert!(plain.hits[0].fragments.is_empty() && !plain.hits[0].snippet.is_empty());
    let none = archive
        .search(&SearchRequest::new("Tartus").fragments(0))
        .unwrap();
    assert!(none.hits[0].fragments.is_empty());
}

#[test]
fn responses_round_trip_through_json() {
    let (_dir, archive) = archive();
    let response = archive
        .search(&SearchRequest::new("Putin").person("Putin"))
        .unwrap();
    let json = serde_json::to_string(&response).unwrap();
    let back: news_query::SearchResponse = serde_json::from_str(&json).unwrap();
    assert_eq!(back, response);
    let request = SearchRequest::new("x")
        .person("A")
        .cursor("c")
        .all_copies(true);
    let json = serde_json::to_string(&request).unwrap();
    assert_eq!(
        serde_json::from_str::<SearchRequest>(&json).unwrap(),
        request
    );
}

#[test]
fn accents_fold_to_their_base_letters_as_the_schema_says() {
    let (_dir, archive) = archive_of(
        &[
            article(
                "zurich",
                day(2025, 3, 1),
                "Talks in Zürich",
                "Ministers met.",
            ),
            article("saraa", day(2025, 3, 2), "Šaraa visits", "A visit."),
        ],
        2,
    );
    let found = |query: &str| ids(&archive.search(&SearchRequest::new(query)).unwrap()).join(",");
    assert_eq!(found("Zurich"), "zurich");
    assert_eq!(found("Zürich"), "zurich");
    assert_eq!(found("ZURICH"), "zurich");
    // Folding drops the caron, it does not transliterate: Š is S, not Sh.
    assert_eq!(found("Saraa"), "saraa");
    assert_eq!(found("Sharaa"), "");
}

/// Articles about Tartus that spell it two ways, one tagged with nothing,
/// one about the United States written "U.S." and one naming Putin.
fn spellings() -> Vec<news_query::ArticleRecord> {
    vec![
        with(
            article(
                "tartous",
                day(2026, 3, 17),
                "Wheat cargoes return to Tartous",
                "Ships docked at Tartous on Tuesday.",
            ),
            "",
            "Tartus",
            "",
            "Levant Wire",
        ),
        with(
            article(
                "tartus",
                day(2026, 3, 18),
                "Port news",
                "The Tartus port reopened.",
            ),
            "",
            "Tartus",
            "",
            "Levant Wire",
        ),
        with(
            article(
                "untagged",
                day(2026, 3, 19),
                "Grain",
                "Nothing about the place.",
            ),
            "",
            "",
            "",
            "Levant Wire",
        ),
        with(
            article(
                "us",
                day(2026, 3, 20),
                "Tariffs",
                "Officials in the U.S. said tariffs stay.",
            ),
            "",
            "United States",
            "",
            "Daily Courier",
        ),
        with(
            article(
                "putin",
                day(2026, 3, 21),
                "Kremlin",
                "Putin said talks went well.",
            ),
            "Vladimir Putin",
            "",
            "Kremlin",
            "Daily Courier",
        ),
    ]
}

#[test]
fn names_in_the_query_also_match_the_articles_tagged_with_them() {
    let (_dir, archive) = archive_of(&spellings(), 2);
    let found = |query: &str| {
        let response = archive.search(&SearchRequest::new(query)).unwrap();
        let mut found: Vec<String> = ids(&response).iter().map(|s| s.to_string()).collect();
        found.sort();
        (found, response)
    };
    // The place, however the article spells it; the words themselves rank first.
    let (tartus, response) = found("Tartus");
    assert_eq!(tartus, ["tartous", "tartus"]);
    assert_eq!(response.hits[0].id, "tartus");
    assert!(response.hits[0].score > response.hits[1].score);
    // A field keeps the word to the text; a spelling no canonical name has is a word.
    assert_eq!(found("body:Tartus").0, ["tartus"]);
    assert_eq!(found("Tartous").0, ["tartous"]);
    // Whole names only, compared by their words: case, quotes and runs of words.
    for query in ["united states", "\"United States\"", "UNITED STATES"] {
        assert_eq!(found(query).0, ["us"], "{query}");
    }
    assert_eq!(found("Vladimir Putin").0, ["putin"]);
    assert!(found("Vladimir").0.is_empty());
    assert!(found("Vladimir OR Medvedev").0.is_empty());
    // Exclusion excludes the place too.
    assert_eq!(found("NOT Tartus").0, ["putin", "untagged", "us"]);
    assert_eq!(found("Tartus AND wheat").0, ["tartous"]);
}
