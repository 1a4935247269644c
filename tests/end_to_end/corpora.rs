//! The real corpora in `../shared/data/corpora`: Reuters-21578 and Wikinews.

use crate::support::*;

#[test]
fn wikinews_sample_indexes_and_searches() {
    let archive = index(&[&shared_data("corpora/wikinews-sample.jsonl")]);
    let all = search(archive.path(), &["*", "--limit", "0"]);
    assert_eq!(all["total"], 295);
    let keys: Vec<&str> = all["histogram"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys.first(), Some(&"2019-01"));
    assert_eq!(keys.last(), Some(&"2021-03"));
    let magnitogorsk = search(archive.path(), &["Magnitogorsk"]);
    assert!(titles(&magnitogorsk)[0].contains("Magnitogorsk"));
    assert!(magnitogorsk["hits"][0]["date"]
        .as_str()
        .unwrap()
        .starts_with("2019-01"));
    let putin = search(archive.path(), &["Putin", "--from", "2019", "--to", "2019"]);
    assert!(putin["total"].as_u64().unwrap() >= 1);
    assert!(
        facet_values(&putin, "persons").contains(&"Vladimir Putin".to_owned()),
        "{}",
        putin["facets"]
    );
}

#[test]
fn reuters_21578_indexes_and_filters_by_month() {
    let archive = index(&[&shared_data("corpora/reuters21578.jsonl")]);
    let all = search(archive.path(), &["*", "--limit", "0"]);
    // 21,577 articles, 326 of them exact re-transmissions indexed once.
    assert_eq!(all["total"], 21_577 - 326);
    let months: Vec<&str> = all["histogram"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["key"].as_str().unwrap())
        .collect();
    assert_eq!(months.first(), Some(&"1987-02"));
    assert_eq!(months.last(), Some(&"1987-10"));

    let cocoa = search(
        archive.path(),
        &[
            "cocoa", "--from", "1987-03", "--to", "1987-03", "--limit", "50",
        ],
    );
    let total = cocoa["total"].as_u64().unwrap();
    assert!(total > 0);
    for hit in cocoa["hits"].as_array().unwrap() {
        assert!(
            hit["date"].as_str().unwrap().starts_with("1987-03"),
            "{hit}"
        );
    }
    let histogram = cocoa["histogram"].as_array().unwrap();
    assert_eq!(histogram.len(), 1);
    assert_eq!(histogram[0]["count"].as_u64(), Some(total));

    let phrase = search(archive.path(), &["\"crude oil\" AND OPEC"]);
    let snippet = phrase["hits"][0]["snippet"]
        .as_str()
        .unwrap()
        .to_lowercase();
    assert!(
        snippet.contains("opec") || snippet.contains("crude"),
        "{snippet}"
    );
}
