//! [`Article`]: one news article as read from a file, before extraction.

use std::fmt;
use std::path::PathBuf;

/// One article as a reader found it. Everything but title and body is optional,
/// because real dumps omit almost anything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// The source's own id, if it gives one.
    pub id: Option<String>,
    /// Headline.
    pub title: String,
    /// Text, paragraphs separated by newlines.
    pub body: String,
    /// Publication time, Unix seconds (UTC).
    pub date: Option<i64>,
    /// Dateline as printed, e.g. `MOSCOW` or `LONDON (Reuters)`.
    pub dateline: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Desk or topic.
    pub section: Option<String>,
    /// Byline: the author's name, or several joined by `"; "`.
    pub author: Option<String>,
    /// Language, an ISO 639-1 code like `en`: as the source gave it, else
    /// detected from the text ([`crate::language`]).
    pub language: Option<String>,
    /// People named by the source itself; when given they are used as they are.
    pub persons: Option<Vec<String>>,
    /// Places named by the source itself.
    pub locations: Option<Vec<String>>,
    /// Organizations named by the source itself.
    pub organizations: Option<Vec<String>>,
    /// Countries of its places as given (a `news export` JSON Lines file
    /// carries them): used as they are rather than derived from the place
    /// names again, which would lose the context that chose among places of
    /// one name.
    pub countries: Option<Vec<String>>,
    /// Whether the persons, locations and organizations given name only some
    /// of those in the text (a wire item's subject codes): extraction then
    /// still runs and what it finds is kept alongside them.
    pub entities_partial: bool,
}

impl Article {
    /// Whether the extractor must find some of its entities: the source did
    /// not list all three kinds, or listed only some of each.
    pub fn needs_extraction(&self) -> bool {
        self.entities_partial
            || self.persons.is_none()
            || self.locations.is_none()
            || self.organizations.is_none()
    }

    /// The fields of running text a reader fills: title, body, and the
    /// author, dateline, source and section it has.
    pub(crate) fn text_fields_mut(&mut self) -> impl Iterator<Item = &mut String> {
        let optional = [
            &mut self.author,
            &mut self.dateline,
            &mut self.source,
            &mut self.section,
        ];
        [&mut self.title, &mut self.body]
            .into_iter()
            .chain(optional.into_iter().flatten())
    }
}

/// Where an article or a problem comes from: a file, and a line for line-based formats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The file.
    pub path: PathBuf,
    /// 1-based line number within the file, for JSON Lines.
    pub line: Option<u64>,
}

/// The path as [`printable`](crate::problem::printable) makes it (a name
/// from the file system may hold a newline or escape codes), then `:LINE`.
impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.to_string_lossy();
        let path = crate::problem::printable(&path);
        match self.line {
            Some(line) => write!(f, "{path}:{line}"),
            None => write!(f, "{path}"),
        }
    }
}
