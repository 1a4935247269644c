//! [`Problem`]: something in the input that could not be read as it should.
//! Problems are reported and counted; they never stop a run.
//!
//! Also [`printable`], which every human-readable line that carries a name
//! from the input (a path, an id, a title) goes through, here and in the
//! `news` command: a file name holding a newline must not print a line of
//! its own, nor one holding escape codes recolour or rewrite the terminal.

use std::borrow::Cow;
use std::fmt::{self, Write};

use serde::Serialize;

use crate::article::Origin;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The article was indexed anyway (e.g. undated because its date was unreadable).
    Warning,
    /// The file or line was not indexed.
    Error,
}

/// A file or line that could not be read (or only partly).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where.
    pub origin: Origin,
    /// How bad.
    pub severity: Severity,
    /// Why, in words.
    pub message: String,
}

impl Problem {
    /// An error: the file or line is not indexed.
    pub fn error(origin: Origin, message: impl Into<String>) -> Self {
        Problem {
            origin,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    /// A warning: the article is indexed anyway.
    pub fn warning(origin: Origin, message: impl Into<String>) -> Self {
        Problem {
            origin,
            severity: Severity::Warning,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{level}: {}: {}", self.origin, printable(&self.message))
    }
}

/// `text` safe to print on one line of a terminal or log: control
/// characters (C0, newline, CR and tab included; DEL; C1), line and
/// paragraph separators and bidirectional-text controls are written as
/// escapes in Rust's style (`\n`, `\r`, `\t`, `\x1b`, `\u{202e}`); all
/// else is left as it is. Borrows when there is nothing to escape.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unsafe_to_print) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if unsafe_to_print(c) && c.is_ascii() => {
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            }
            c if unsafe_to_print(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether `c` could break a line, move the cursor, restyle the terminal or
/// reorder the text around it.
fn unsafe_to_print(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert!(matches!(printable("Zürich talks"), Cow::Borrowed(_)));
        assert_eq!(
            printable("a\nerror: b.jsonl:1: fake\r\t\x1b[31mred\x7f\u{85}\u{202e}txt"),
            "a\\nerror: b.jsonl:1: fake\\r\\t\\x1b[31mred\\x7f\\u{85}\\u{202e}txt"
        );
    }

    #[test]
    fn problems_print_on_one_line() {
        let origin = Origin {
            path: "in/evil\nerror: x.jsonl:9: forged\x1b[2J.jsonl".into(),
            line: Some(3),
        };
        let line = Problem::error(origin, "date `\x1b]0;t\x07` unreadable").to_string();
        assert_eq!(
            line,
            "error: in/evil\\nerror: x.jsonl:9: forged\\x1b[2J.jsonl:3: date `\\x1b]0;t\\x07` unreadable"
        );
        assert!(!line.chars().any(char::is_control));
    }
}
