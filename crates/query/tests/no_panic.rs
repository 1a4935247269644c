//! No query text, however odd, makes a search panic: it is answered or refused
//! with a typed error.

mod common;

use std::sync::OnceLock;

use common::*;
use news_query::{Archive, Error, SearchRequest, Sort};
use proptest::prelude::*;

fn archive() -> &'static Archive {
    static ARCHIVE: OnceLock<(tempfile::TempDir, Archive)> = OnceLock::new();
    &ARCHIVE.get_or_init(|| archive_of(&newsroom(), 4)).1
}

fn check(query: &str, sort: Sort) {
    let request = SearchRequest::new(query).sort(sort).person("Putin");
    match archive().search(&request) {
        Ok(_) | Err(Error::Query { .. }) | Err(Error::Request(_)) => {}
        Err(other) => panic!("{query:?}: unexpected {other:?}"),
    }
    if let Err(Error::Query { position, .. }) = archive().search(&SearchRequest::new(query)) {
        assert!(position <= query.chars().count(), "{query:?} at {position}");
    }
}

fn syntax() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        "[a-zA-Zé]{1,8}",
        Just("Putin".to_owned()),
        Just("\"naval base\"".to_owned()),
        Just("\"a b\"~2".to_owned()),
        Just("talk~1".to_owned()),
        Just("*".to_owned()),
        Just("title:".to_owned()),
        Just("person:\"Vladimir Putin\"".to_owned()),
        Just("date:[2025-01-01T00:00:00Z TO *]".to_owned()),
        Just("colour:red".to_owned()),
        Just("id:IN [a b]".to_owned()),
        Just("body:/reg.x/".to_owned()),
        Just("Put*".to_owned()),
        Just("^2".to_owned()),
    ];
    let joiner = prop_oneof![
        Just(" "),
        Just(" AND "),
        Just(" OR "),
        Just(" NOT "),
        Just(" -"),
        Just(" +"),
        Just("("),
        Just(")"),
        Just("\""),
        Just("~"),
        Just(":"),
        Just("["),
        Just("]"),
    ];
    prop::collection::vec((atom, joiner), 0..6)
        .prop_map(|parts| parts.into_iter().map(|(a, j)| format!("{a}{j}")).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics(query in ".{0,40}") {
        check(&query, Sort::Relevance);
    }

    #[test]
    fn syntax_like_text_never_panics(query in syntax(), newest in any::<bool>()) {
        check(&query, if newest { Sort::Newest } else { Sort::Relevance });
    }
}
