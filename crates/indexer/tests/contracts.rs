//! What the crates of a run must agree on without depending on each other.

/// news-read refuses dates the archive cannot store; it keeps its own copy
/// of the range because it depends on no crate of ours.
#[test]
fn readers_and_schema_agree_on_storable_dates() {
    assert_eq!(news_read::date::DATE_RANGE, news_query::schema::DATE_RANGE);
}
