//! `news search` on the bundled corpus: ranking, entities, filters, errors.

use crate::support::*;

const SEED_TITLE: &str = "Syria’s Sharaa meets Putin in Moscow";

#[test]
fn tartus_finds_the_seed_first_with_its_entities() {
    let response = search(corpus_archive(), &["Tartus"]);
    let seed = &response["hits"][0];
    assert_eq!(seed["title"], SEED_TITLE);
    assert_eq!(seed["date"], "2026-01-28T00:00:00Z");
    assert_eq!(seed["dateline"], "MOSCOW");
    let persons = strings(&seed["persons"]);
    for person in ["Vladimir Putin", "Ahmed al-Sharaa"] {
        assert!(
            persons.contains(&person.to_owned()),
            "{person} not in {persons:?}"
        );
    }
    let locations = strings(&seed["locations"]);
    for place in ["Tartus", "Syria", "Moscow"] {
        assert!(
            locations.contains(&place.to_owned()),
            "{place} not in {locations:?}"
        );
    }
    let facet_persons = facet_values(&response, "persons");
    assert!(
        facet_persons.contains(&"Vladimir Putin".to_owned()),
        "{facet_persons:?}"
    );
    let tartus = response["facets"]["locations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["value"] == "Tartus")
        .expect("Tartus is counted in the location facet");
    assert!(tartus["count"].as_u64().unwrap() >= 1);
    assert!(seed["snippet"].as_str().unwrap().contains("Tartus"));
}

#[test]
fn a_place_in_the_query_finds_every_spelling_extraction_tied_to_it() {
    // The corpus writes Tartus mostly as "Tartous"; extraction files both
    // under the canonical Tartus, and the query follows it there.
    let words_only = search(corpus_archive(), &["body:Tartus OR title:Tartus"]);
    let place = search(
        corpus_archive(),
        &["*", "--location", "Tartus", "--limit", "50"],
    );
    let query = search(corpus_archive(), &["Tartus", "--limit", "50"]);
    assert!(words_only["total"].as_u64().unwrap() < place["total"].as_u64().unwrap());
    assert_eq!(query["total"], place["total"]);
    let mut from_query = titles(&query);
    let mut from_place = titles(&place);
    from_query.sort();
    from_place.sort();
    assert_eq!(from_query, from_place);
    assert!(
        from_query.iter().any(|t| t.contains("Tartous")),
        "{from_query:?}"
    );
    assert_eq!(
        titles(&query)[0],
        SEED_TITLE,
        "the article writing Tartus ranks first"
    );
}

#[test]
fn json_output_has_the_documented_shape() {
    let response = search(corpus_archive(), &["Putin"]);
    for key in ["total", "hits", "facets", "histogram"] {
        assert!(response.get(key).is_some(), "missing {key}");
    }
    let hit = &response["hits"][0];
    for key in [
        "id",
        "title",
        "date",
        "source",
        "url",
        "dateline",
        "score",
        "snippet",
        "persons",
        "locations",
        "organizations",
    ] {
        assert!(hit.get(key).is_some(), "hit lacks {key}: {hit}");
    }
    for facet in ["persons", "locations", "organizations"] {
        assert!(response["facets"][facet].is_array(), "facets lack {facet}");
    }
    let bucket = &response["histogram"][0];
    assert!(
        bucket["key"].as_str().unwrap().len() == 7 && bucket["count"].is_u64(),
        "{bucket}"
    );
}

#[test]
fn date_filters_are_inclusive_and_partial() {
    let archive = corpus_archive();
    let january = search(
        archive,
        &["Tartus", "--from", "2026-01-01", "--to", "2026-01-31"],
    );
    assert!(titles(&january).contains(&SEED_TITLE.to_owned()));
    let month = search(archive, &["Tartus", "--from", "2026-01", "--to", "2026-01"]);
    assert_eq!(titles(&month), titles(&january));
    let before = search(archive, &["Tartus", "--to", "2025-12-31"]);
    assert!(!titles(&before).contains(&SEED_TITLE.to_owned()));
    let day_after = search(archive, &["Tartus", "--from", "2026-01-29"]);
    assert!(!titles(&day_after).contains(&SEED_TITLE.to_owned()));
}

#[test]
fn entity_filters_keep_and_drop() {
    let archive = corpus_archive();
    let putin = search(archive, &["Tartus", "--person", "Vladimir Putin"]);
    assert!(titles(&putin).contains(&SEED_TITLE.to_owned()));
    let paris = search(archive, &["Tartus", "--location", "Paris"]);
    assert!(!titles(&paris).contains(&SEED_TITLE.to_owned()));
}

#[test]
fn a_country_filter_finds_places_inside_it() {
    // This Levant Wire article names Tartous but never Syria.
    let response = search(corpus_archive(), &["wheat", "--location", "Syria"]);
    assert!(
        titles(&response)
            .iter()
            .any(|t| t.starts_with("Wheat cargoes return to Tartous")),
        "{:?}",
        titles(&response)
    );
}

#[test]
fn every_filter_narrows_and_date_sorts_order() {
    let archive = corpus_archive();
    let all = search(archive, &["*", "--limit", "100"]);
    let total = all["total"].as_u64().unwrap();
    assert!(
        total >= 41,
        "the corpus holds the seed and 40 more: {total}"
    );
    let newest = search(archive, &["*", "--sort", "newest", "--limit", "100"]);
    let dates: Vec<&str> = newest["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["date"].as_str())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    let oldest = search(archive, &["*", "--sort", "oldest", "--limit", "3"]);
    assert!(oldest["hits"][0]["date"].as_str().unwrap() <= *dates.last().unwrap());
    let page = search(
        archive,
        &["*", "--sort", "newest", "--limit", "5", "--offset", "5"],
    );
    let page_ids: Vec<&str> = page["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = newest["hits"].as_array().unwrap()[5..10]
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert_eq!(page_ids, expected);
}

#[test]
fn histogram_counts_calendar_months_with_gaps_filled() {
    let response = search(corpus_archive(), &["*", "--limit", "0"]);
    let histogram = response["histogram"].as_array().unwrap();
    let keys: Vec<&str> = histogram
        .iter()
        .map(|b| b["key"].as_str().unwrap())
        .collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
    let counted: u64 = histogram.iter().map(|b| b["count"].as_u64().unwrap()).sum();
    assert_eq!(
        counted,
        response["total"].as_u64().unwrap(),
        "every corpus article is dated"
    );
    assert!(keys.contains(&"2026-01"));
    assert!(
        histogram.iter().any(|b| b["count"] == 0),
        "gaps between months are filled"
    );
}

#[test]
fn a_syntax_error_is_a_message_not_a_panic() {
    let output = news(corpus_archive(), &["search", "Tartus AND colour:red"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("unknown field `colour`") && stderr.contains("character 11"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn human_output_shows_hits_facets_and_months() {
    let output = news_ok(corpus_archive(), &["search", "Tartus"]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains(SEED_TITLE), "{text}");
    assert!(text.contains("2026-01-28"), "{text}");
    assert!(
        text.contains("Persons") && text.contains("Vladimir Putin"),
        "{text}"
    );
    assert!(
        text.contains("By month") && text.contains("2026-01"),
        "{text}"
    );
    assert!(
        !text.contains('\x1b'),
        "NO_COLOR output has no escape codes"
    );
}

#[test]
fn searching_a_missing_archive_says_how_to_build_one() {
    let dir = tempfile::TempDir::new().unwrap();
    let output = news(&dir.path().join("nothing-here"), &["search", "Tartus"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("news index"), "{stderr}");
}
