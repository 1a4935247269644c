//! Query text in tantivy's syntax, with errors that point at the problem.

use tantivy::query::{AllQuery, Query, QueryParser, QueryParserError};
use tantivy::Index;

use crate::error::{Error, Result};
use crate::schema::NewsSchema;

/// Title matches weigh this much more than body matches.
const TITLE_BOOST: f32 = 2.0;

/// Parses `text` over title and body, all terms required by default; empty or `*`
/// matches everything.
pub(crate) fn parse(index: &Index, schema: &NewsSchema, text: &str) -> Result<Box<dyn Query>> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed == "*" {
        return Ok(Box::new(AllQuery));
    }
    let fields = &schema.fields;
    let mut parser = QueryParser::for_index(index, vec![fields.title, fields.body]);
    parser.set_conjunction_by_default();
    parser.set_field_boost(fields.title, TITLE_BOOST);
    parser
        .parse_query(text)
        .map_err(|error| locate(text, error))
}

/// Turns a parser error into [`Error::Query`] with the character where it starts.
fn locate(text: &str, error: QueryParserError) -> Error {
    let chars_before = |byte: usize| text[..byte.min(text.len())].chars().count();
    let (_, syntax_errors) = tantivy::query_grammar::parse_query_lenient(text);
    let (position, message) = if let Some(first) = syntax_errors.first() {
        (chars_before(first.pos), first.message.clone())
    } else {
        match &error {
            QueryParserError::FieldDoesNotExist(name) => {
                let at = text.find(&format!("{name}:")).unwrap_or(0);
                (
                    chars_before(at),
                    format!("unknown field `{name}`; fields are {}", field_list()),
                )
            }
            _ => (0, error.to_string()),
        }
    };
    Error::Query {
        query: text.to_owned(),
        position,
        message,
    }
}

fn field_list() -> &'static str {
    "title, body, person, location, place, organization, source, section, author, url, id, date"
}

#[cfg(test)]
mod tests {
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
        match parse(&index, &schema, text) {
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
            "Putin AND NOT Trump",
            "person:\"Vladimir Putin\"",
            "",
            "*",
            "talk~1",
        ] {
            assert!(parse(&index, &schema, text).is_ok(), "{text}");
        }
    }

    #[test]
    fn unknown_field_points_at_the_field() {
        assert_eq!(error_position("Tartus AND colour:red"), 11);
    }

    #[test]
    fn unbalanced_quote_is_an_error_not_a_panic() {
        let (index, schema) = index();
        let result = parse(&index, &schema, "\"naval base");
        assert!(matches!(result, Err(Error::Query { .. })) || result.is_ok());
    }
}
