//! Tests of search/text.rs.

use super::*;
use crate::schema::register_tokenizers;

fn index() -> (Index, NewsSchema) {
    let schema = NewsSchema::new();
    let index = Index::create_in_ram(schema.schema.clone());
    register_tokenizers(&index);
    (index, schema)
}

fn error_position(text: &str) -> usize {
    let (index, schema) = index();
    match parse(&index, &schema, &QueryNames::none(), text) {
        Err(Error::Query { position, .. }) => position,
        other => panic!("expected a query error for {text:?}, got {other:?}"),
    }
}

#[test]
fn valid_syntax_parses() {
    let (index, schema) = index();
    for text in [
        "Tartus",
        "\"naval base\"",
        "\"naval base\"~2",
        "Putin AND NOT Trump",
        "NOT Putin",
        "-Putin -Trump",
        "person:\"Vladimir Putin\"",
        "",
        "*",
        "talk~1",
        "body:talk~2",
        "(a OR b) AND c^2",
        "date:[2025-01-01T00:00:00Z TO 2026-01-01T00:00:00Z]",
    ] {
        assert!(
            parse(&index, &schema, &QueryNames::none(), text).is_ok(),
            "{text}"
        );
    }
}

#[test]
fn fuzzy_suffix_is_split_off() {
    assert_eq!(split_fuzzy("putin~1"), Some(("putin", 1)));
    assert_eq!(split_fuzzy("putin~7"), Some(("putin", 2)));
    assert_eq!(split_fuzzy("putin~"), None);
    assert_eq!(split_fuzzy("~1"), None);
    assert_eq!(split_fuzzy("putin~x"), None);
}

#[test]
fn unknown_field_points_at_the_field() {
    assert_eq!(error_position("Tartus AND colour:red"), 11);
    assert_eq!(error_position("Ünïcode colour:red"), 8);
}

#[test]
fn syntax_errors_carry_a_position() {
    let (index, schema) = index();
    for text in ["\"naval base", "(Tartus", "Tartus AND", "title:"] {
        match parse(&index, &schema, &QueryNames::none(), text) {
            Err(Error::Query { position, .. }) => assert!(position <= text.chars().count()),
            Ok(_) => {}
            Err(other) => panic!("{text:?}: {other}"),
        }
    }
}

/// Found by the no-panic property test: `colour:*` was an index error at
/// search time, not a query error at parse time.
#[test]
fn an_unknown_field_with_a_star_is_a_query_error() {
    let (index, schema) = index();
    match parse(&index, &schema, &QueryNames::none(), "Tartus colour:*") {
        Err(Error::Query {
            position, message, ..
        }) => {
            assert_eq!(position, 7);
            assert!(message.contains("unknown field `colour`"), "{message}");
        }
        Ok(_) => panic!("colour:* parsed"),
        Err(other) => panic!("colour:*: {other}"),
    }
    // Only fields with a column can be tested for a value.
    assert!(matches!(
        parse(&index, &schema, &QueryNames::none(), "title:*"),
        Err(Error::Query { position: 0, .. })
    ));
}

#[test]
fn oversized_queries_are_refused_with_a_position() {
    let deep = format!("{}a{}", "(".repeat(4_000), ")".repeat(4_000));
    assert_eq!(error_position(&deep), MAX_DEPTH);
    let ok = format!("{}a{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
    let (index, schema) = index();
    assert!(parse(&index, &schema, &QueryNames::none(), &ok).is_ok());
    let quoted = format!("\"{}\"", "(".repeat(200));
    assert!(parse(&index, &schema, &QueryNames::none(), &quoted).is_ok());
    let long = "word ".repeat(3_000);
    assert_eq!(error_position(&long), MAX_QUERY_CHARS);
}

/// Which clauses get the seeking union: those tantivy seeks through.
#[test]
fn unions_that_are_sought_seek() {
    let (index, schema) = index();
    let seeking = |text: &str| -> Vec<(Occur, bool)> {
        let query = parse(&index, &schema, &QueryNames::none(), text).unwrap();
        let boolean = query.downcast_ref::<BooleanQuery>().expect("a clause");
        boolean
            .clauses()
            .iter()
            .map(|(occur, q)| (*occur, q.is::<AnyFieldQuery>()))
            .collect()
    };
    // Every word required: each is sought by the intersection.
    assert_eq!(
        seeking("naval base"),
        [(Occur::Must, true), (Occur::Must, true)]
    );
    // Read one document after the next: tantivy's own union.
    let single = parse(&index, &schema, &QueryNames::none(), "Tartus").unwrap();
    assert!(single.is::<BooleanQuery>(), "{single:?}");
    assert_eq!(
        seeking("naval OR base"),
        [(Occur::Should, false), (Occur::Should, false)]
    );
    // An exclusion is sought; a lone required word is read in order.
    assert_eq!(
        seeking("Tartus -base"),
        [(Occur::Must, false), (Occur::MustNot, true)]
    );
    assert_eq!(
        seeking("naval~1 base"),
        [(Occur::Must, true), (Occur::Must, true)]
    );
}

#[test]
fn purely_negative_clause_gets_everything_to_subtract_from() {
    let (index, schema) = index();
    let query = parse(&index, &schema, &QueryNames::none(), "NOT Putin").unwrap();
    let boolean = query
        .downcast_ref::<BooleanQuery>()
        .expect("a boolean query");
    assert!(boolean
        .clauses()
        .iter()
        .any(|(occur, q)| *occur == Occur::Must && q.is::<AllQuery>()));
}

#[test]
fn runs_of_plain_required_words_may_spell_a_name() {
    let words = |text: &str| match query_grammar::parse_query(text).unwrap() {
        UserInputAst::Clause(clauses) => plain_words(&clauses),
        _ => None,
    };
    assert_eq!(words("Vladimir Putin").as_deref(), Some("Vladimir Putin"));
    assert_eq!(words("+United +States").as_deref(), Some("United States"));
    for text in [
        "Vladimir OR Putin",
        "Vladimir -Putin",
        "body:Vladimir Putin",
        "Vladimir Putin~1",
        "Vladimir \"Putin\"",
    ] {
        assert_eq!(words(text), None, "{text}");
    }
}
