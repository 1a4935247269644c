//! [`Problem`]: something in the input that could not be read as it should.
//! Problems are reported and counted; they never stop a run.

use std::fmt;

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
        write!(f, "{level}: {}: {}", self.origin, self.message)
    }
}
