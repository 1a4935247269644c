//! Query text in tantivy's syntax, with errors that point at the problem.
//!
//! tantivy's grammar gives the tree; we build the query from it ourselves so
//! that two things tantivy's parser does not do work: a clause of only
//! negations (`NOT Putin`) means "everything except", and `word~N` on a bare
//! word is a fuzzy match within N edits (tantivy leaves `~N` inside the word),
//! and a word, phrase or run of words that spells out a canonical name also
//! matches the articles tagged with it ([`super::query_names`]). Leaves are still
//! turned into queries by tantivy's `QueryParser`.

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, FuzzyTermQuery, Occur, Query, QueryParser,
    QueryParserError,
};
use tantivy::query_grammar::{self, Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::Field;
use tantivy::{Index, Term};

use super::any_field::AnyFieldQuery;
use super::query_names::{or_named, QueryNames};
use crate::error::{Error, Result};
use crate::schema::NewsSchema;

/// Title matches weigh this much more than body matches.
pub(crate) const TITLE_BOOST: f32 = 2.0;

/// Largest edit distance tantivy's fuzzy automaton supports.
const MAX_FUZZY_DISTANCE: u8 = 2;

/// Longest query accepted, in characters; a limit keeps one request from
/// building an unbounded query.
pub(crate) const MAX_QUERY_CHARS: usize = 10_000;

/// Deepest nesting of parentheses accepted: the grammar and the query tree
/// recurse once per level, and a server thread's stack is small.
pub(crate) const MAX_DEPTH: usize = 64;

/// Parses `text` over title and body, all terms required by default, names
/// in it also matching their entities in `names`; empty or `*` matches
/// everything.
pub(crate) fn parse(
    index: &Index,
    schema: &NewsSchema,
    names: &QueryNames,
    text: &str,
) -> Result<Box<dyn Query>> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed == "*" {
        return Ok(Box::new(AllQuery));
    }
    check_size(text)?;
    let ast = query_grammar::parse_query(text).map_err(|_| syntax_error(text))?;
    let mut analyzer = index.tokenizer_for_field(schema.fields.body)?;
    super::limits::check_query(&ast, &mut |text| super::limits::tokens(&mut analyzer, text))?;
    let builder = Builder::new(index, schema, names, text);
    Ok(builder.build(ast)?.unwrap_or_else(|| Box::new(EmptyQuery)))
}

struct Builder<'a> {
    parser: QueryParser,
    index: &'a Index,
    text_fields: [(Field, f32); 2],
    schema: &'a NewsSchema,
    names: &'a QueryNames,
    text: &'a str,
}

impl<'a> Builder<'a> {
    fn new(index: &'a Index, schema: &'a NewsSchema, names: &'a QueryNames, text: &'a str) -> Self {
        let fields = &schema.fields;
        let mut parser = QueryParser::for_index(index, vec![fields.title, fields.body]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(fields.title, TITLE_BOOST);
        Builder {
            parser,
            index,
            text_fields: [(fields.title, TITLE_BOOST), (fields.body, 1.0)],
            schema,
            names,
            text,
        }
    }

    /// The query for `ast`, or `None` when it holds no searchable term at all
    /// (such a clause is dropped, as tantivy's parser does).
    fn build(&self, ast: UserInputAst) -> Result<Option<Box<dyn Query>>> {
        match ast {
            UserInputAst::Clause(clauses) => {
                let spelt = plain_words(&clauses);
                let mut built: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for (occur, sub) in clauses {
                    if let Some(query) = self.build(sub)? {
                        built.push((occur.map_or(Occur::Must, convert_occur), query));
                    }
                }
                if built.is_empty() {
                    return Ok(None);
                }
                if built.iter().all(|(occur, _)| *occur == Occur::MustNot) {
                    built.push((Occur::Must, Box::new(AllQuery)));
                }
                seek_where_sought(&mut built);
                let query: Box<dyn Query> = if built.len() == 1 && built[0].0 != Occur::MustNot {
                    built.remove(0).1
                } else {
                    Box::new(BooleanQuery::new(built))
                };
                Ok(Some(match spelt {
                    Some(words) => or_named(query, self.names.terms(&words)),
                    None => query,
                }))
            }
            UserInputAst::Boost(sub, boost) => Ok(self
                .build(*sub)?
                .map(|query| Box::new(BoostQuery::new(query, boost.0 as f32)) as Box<dyn Query>)),
            UserInputAst::Leaf(leaf) => self.leaf(*leaf),
        }
    }

    fn leaf(&self, leaf: UserInputLeaf) -> Result<Option<Box<dyn Query>>> {
        if let UserInputLeaf::Literal(literal) = &leaf {
            if let Some(query) = self.fuzzy(literal)? {
                return Ok(Some(query));
            }
        }
        let hint = leaf_hint(&leaf);
        let spelt = match &leaf {
            UserInputLeaf::Literal(literal) if names_something(literal) => {
                Some(literal.phrase.clone())
            }
            _ => None,
        };
        // tantivy builds `field:*` without checking the field, which then
        // fails at search time as an index error instead of a query error.
        if let UserInputLeaf::Exists { field } = &leaf {
            let schema = &self.schema.schema;
            match schema.get_field(field) {
                Err(_) => {
                    let error = QueryParserError::FieldDoesNotExist(field.clone());
                    return Err(locate(self.text, &hint, error));
                }
                Ok(found) if !schema.get_field_entry(found).is_fast() => {
                    return Err(at_hint(
                        self.text,
                        &hint,
                        format!(
                            "`{field}:*` (has a value) works on fields with stored columns: {}",
                            fast_field_list(schema)
                        ),
                    ));
                }
                Ok(_) => {}
            }
        }
        let query = self
            .parser
            .build_query_from_user_input_ast(UserInputAst::Leaf(Box::new(leaf)))
            .map_err(|error| locate(self.text, &hint, error))?;
        if query.is::<EmptyQuery>() {
            return Ok(None);
        }
        Ok(Some(match spelt {
            Some(phrase) => or_named(query, self.names.terms(&phrase)),
            None => query,
        }))
    }

    /// `word~N` on a bare word of a text field: the analysed word within N edits.
    fn fuzzy(&self, literal: &UserInputLiteral) -> Result<Option<Box<dyn Query>>> {
        if literal.prefix || literal.delimiter != Delimiter::None {
            return Ok(None);
        }
        // The grammar keeps `~N` inside a bare word.
        let Some((word, distance)) = split_fuzzy(&literal.phrase) else {
            return Ok(None);
        };
        let fields: Vec<(Field, f32)> = match &literal.field_name {
            None => self.text_fields.to_vec(),
            Some(name) => match self
                .text_fields
                .iter()
                .find(|(field, _)| self.schema.schema.get_field_name(*field) == name.as_str())
            {
                Some(&(field, _)) => vec![(field, 1.0)],
                None => return Ok(None),
            },
        };
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, boost) in fields {
            let mut analyzer = self.index.tokenizer_for_field(field)?;
            let mut stream = analyzer.token_stream(word);
            let Some(token) = stream.next() else {
                continue;
            };
            let term = Term::from_field_text(field, &token.text);
            let query: Box<dyn Query> = Box::new(FuzzyTermQuery::new(term, distance, true));
            let query = if boost == 1.0 {
                query
            } else {
                Box::new(BoostQuery::new(query, boost))
            };
            alternatives.push((Occur::Should, query));
        }
        Ok(match alternatives.len() {
            0 => None,
            1 => alternatives.pop().map(|(_, query)| query),
            _ => Some(Box::new(BooleanQuery::new(alternatives))),
        })
    }
}

/// Whether a literal may spell out a name: a word or exact phrase of the
/// text fields (not `field:value`, a prefix, a slop phrase or `word~N`).
fn names_something(literal: &UserInputLiteral) -> bool {
    literal.field_name.is_none()
        && !literal.prefix
        && literal.slop == 0
        && (literal.delimiter == Delimiter::DoubleQuotes
            || (literal.delimiter == Delimiter::None && split_fuzzy(&literal.phrase).is_none()))
}

/// The words of a clause of two or more plain words, all required (`Vladimir
/// Putin`, `United States`), joined by spaces: they may spell out a name together.
fn plain_words(clauses: &[(Option<query_grammar::Occur>, UserInputAst)]) -> Option<String> {
    if clauses.len() < 2 {
        return None;
    }
    let mut words = Vec::with_capacity(clauses.len());
    for (occur, clause) in clauses {
        let required = matches!(occur, None | Some(query_grammar::Occur::Must));
        match clause {
            UserInputAst::Leaf(leaf) if required => match &**leaf {
                UserInputLeaf::Literal(literal)
                    if literal.delimiter == Delimiter::None && names_something(literal) =>
                {
                    words.push(literal.phrase.as_str());
                }
                _ => return None,
            },
            _ => return None,
        }
    }
    Some(words.join(" "))
}

/// Turns the unions of a clause that tantivy will `seek` through (each
/// required one when two or more are, and each excluded one) into
/// [`AnyFieldQuery`]s. Those read alone, one document after the next (a
/// single required word, or words joined by OR), keep tantivy's buffered
/// union, which is faster at that.
fn seek_where_sought(clauses: &mut [(Occur, Box<dyn Query>)]) {
    let required = clauses.iter().filter(|(o, _)| *o == Occur::Must).count();
    for (occur, query) in clauses.iter_mut() {
        let sought = match occur {
            Occur::Must => required >= 2,
            Occur::MustNot => true,
            Occur::Should => false,
        };
        if sought {
            let taken = std::mem::replace(query, Box::new(EmptyQuery));
            *query = seeking_union(taken);
        }
    }
}

/// A boolean query of only `Should` clauses (the parser's "this word in
/// title or body", or a parenthesised OR) as an [`AnyFieldQuery`], with its
/// own such clauses likewise, since a sought union seeks its parts; any
/// other query as it is.
fn seeking_union(query: Box<dyn Query>) -> Box<dyn Query> {
    match query.downcast_ref::<BooleanQuery>() {
        Some(boolean)
            if boolean.clauses().len() > 1
                && boolean
                    .clauses()
                    .iter()
                    .all(|(occur, _)| *occur == Occur::Should) =>
        {
            let clauses = boolean
                .clauses()
                .iter()
                .map(|(_, clause)| seeking_union(clause.box_clone()))
                .collect();
            Box::new(AnyFieldQuery::new(clauses))
        }
        _ => query,
    }
}

/// `word~N` -> `(word, N)`, N capped at what the fuzzy automaton supports.
fn split_fuzzy(phrase: &str) -> Option<(&str, u8)> {
    let (word, digits) = phrase.rsplit_once('~')?;
    if word.is_empty() || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let distance: u8 = digits.parse().ok()?;
    Some((word, distance.min(MAX_FUZZY_DISTANCE)))
}

fn convert_occur(occur: query_grammar::Occur) -> Occur {
    match occur {
        query_grammar::Occur::Should => Occur::Should,
        query_grammar::Occur::Must => Occur::Must,
        query_grammar::Occur::MustNot => Occur::MustNot,
    }
}

/// What to look for in the query text to find where a failing leaf is.
fn leaf_hint(leaf: &UserInputLeaf) -> Option<String> {
    match leaf {
        UserInputLeaf::Literal(literal) => match &literal.field_name {
            Some(field) => Some(format!("{field}:")),
            None => Some(literal.phrase.clone()),
        },
        UserInputLeaf::Range { field, .. } | UserInputLeaf::Set { field, .. } => {
            field.as_ref().map(|f| format!("{f}:"))
        }
        UserInputLeaf::Exists { field } => Some(format!("{field}:")),
        UserInputLeaf::Regex { field, .. } => field.as_ref().map(|f| format!("{f}:")),
        UserInputLeaf::All => None,
    }
}

/// Refuses queries too long or too deeply nested, before parsing them.
fn check_size(text: &str) -> Result<()> {
    let refuse = |position: usize, message: String| Error::Query {
        query: text.chars().take(200).collect(),
        position,
        message,
    };
    if text.chars().count() > MAX_QUERY_CHARS {
        return Err(refuse(
            MAX_QUERY_CHARS,
            format!("the query is longer than {MAX_QUERY_CHARS} characters"),
        ));
    }
    let (mut depth, mut quoted) = (0usize, false);
    for (position, c) in text.chars().enumerate() {
        match c {
            '"' => quoted = !quoted,
            '(' if !quoted => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(refuse(
                        position,
                        format!("parentheses nest deeper than {MAX_DEPTH} levels"),
                    ));
                }
            }
            ')' if !quoted => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

fn chars_before(text: &str, byte: usize) -> usize {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    text[..byte].chars().count()
}

/// A grammar error, placed where tantivy's lenient parser first stumbled.
fn syntax_error(text: &str) -> Error {
    let (_, errors) = query_grammar::parse_query_lenient(text);
    let (position, message) = match errors.first() {
        Some(first) => (chars_before(text, first.pos), first.message.clone()),
        None => (0, "syntax error".to_owned()),
    };
    Error::Query {
        query: text.to_owned(),
        position,
        message,
    }
}

/// Turns an error on one leaf into [`Error::Query`] with the character where it starts.
/// The fields `field:*` can test.
fn fast_field_list(schema: &tantivy::schema::Schema) -> String {
    let names: Vec<&str> = schema
        .fields()
        .filter(|(_, entry)| entry.is_fast())
        .map(|(_, entry)| entry.name())
        .collect();
    names.join(", ")
}

/// A query error with `message`, placed where `hint` starts in `text`.
fn at_hint(text: &str, hint: &Option<String>, message: String) -> Error {
    Error::Query {
        query: text.to_owned(),
        position: hint_position(text, hint),
        message,
    }
}

fn hint_position(text: &str, hint: &Option<String>) -> usize {
    hint.as_deref()
        .and_then(|hint| text.find(hint))
        .map_or(0, |byte| chars_before(text, byte))
}

fn locate(text: &str, hint: &Option<String>, error: QueryParserError) -> Error {
    let message = match &error {
        QueryParserError::FieldDoesNotExist(name) => {
            format!("unknown field `{name}`; fields are {}", field_list())
        }
        QueryParserError::FieldDoesNotHavePositionsIndexed(name) => {
            format!("field `{name}` holds whole values: phrases and slop do not apply; quote the full value instead")
        }
        other => other.to_string(),
    };
    at_hint(text, hint, message)
}

fn field_list() -> &'static str {
    "title, body, person, location, place, organization, source, section, author, url, id, date"
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
