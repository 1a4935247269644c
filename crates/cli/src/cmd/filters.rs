//! The filter options shared by `news search`, `news timeline` and `news export`.

use std::time::Duration;

use clap::Args;
use news_query::{PartialDate, SearchRequest};

/// Default of `--timeout`: far beyond any ordinary search of the archives
/// measured (milliseconds), short enough to stop one gone astray.
pub const DEFAULT_TIMEOUT: &str = "30s";

/// Date and entity filters; values of one option are alternatives, different
/// options must all hold.
#[derive(Debug, Default, Args, PartialEq)]
pub struct FilterArgs {
    /// Articles dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<PartialDate>,
    /// Articles dated on or before the end of this (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<PartialDate>,
    /// Articles naming this person (repeatable: any of them). Part of a name
    /// ("Putin") is resolved to the canonical one, and said so.
    #[arg(long = "person", value_name = "NAME")]
    pub persons: Vec<String>,
    /// Articles naming this place or a place inside it (repeatable).
    #[arg(long = "location", value_name = "NAME")]
    pub locations: Vec<String>,
    /// Articles naming this organization (repeatable).
    #[arg(long = "organization", value_name = "NAME")]
    pub organizations: Vec<String>,
    /// Articles from this publisher (repeatable).
    #[arg(long = "source", value_name = "NAME")]
    pub sources: Vec<String>,
    /// Articles from this section (repeatable).
    #[arg(long = "section", value_name = "NAME")]
    pub sections: Vec<String>,
    /// Articles in this language, an ISO 639-1 code such as `en` (repeatable).
    #[arg(long = "language", value_name = "CODE")]
    pub languages: Vec<String>,
    /// Stop the search past this time and fail (exit 2): 500ms, 30s, 2m;
    /// 0 for no limit.
    #[arg(long, value_name = "DURATION", default_value = DEFAULT_TIMEOUT, value_parser = parse_timeout)]
    pub timeout: Timeout,
}

/// A `--timeout` value: a time budget, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeout(pub Option<Duration>);

impl Default for Timeout {
    fn default() -> Self {
        parse_timeout(DEFAULT_TIMEOUT).expect("the default parses")
    }
}

/// A `--timeout` value: a number with `ms`, `s` or `m`; `0` (any unit) for none.
pub fn parse_timeout(text: &str) -> Result<Timeout, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at(split);
    let number: u64 = digits
        .parse()
        .map_err(|_| format!("`{text}` is not a duration: expected e.g. 500ms, 30s or 2m"))?;
    let millis = match unit.trim() {
        "ms" => Some(number),
        "" | "s" => number.checked_mul(1_000),
        "m" | "min" => number.checked_mul(60_000),
        other => {
            return Err(format!(
                "unknown unit `{other}` in `{text}`: use ms, s or m"
            ))
        }
    }
    .ok_or_else(|| format!("`{text}` is too long a duration"))?;
    Ok(Timeout((millis > 0).then(|| Duration::from_millis(millis))))
}

impl FilterArgs {
    /// Puts these filters on `request`.
    pub fn apply(&self, request: SearchRequest) -> SearchRequest {
        SearchRequest {
            from: self.from,
            to: self.to,
            persons: self.persons.clone(),
            locations: self.locations.clone(),
            organizations: self.organizations.clone(),
            sources: self.sources.clone(),
            sections: self.sections.clone(),
            languages: self.languages.clone(),
            ..request
        }
        .timeout(self.timeout.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_parse_with_units_and_zero_is_none() {
        let ms = |text: &str| parse_timeout(text).map(|t| t.0.map(|d| d.as_millis()));
        assert_eq!(ms("500ms"), Ok(Some(500)));
        assert_eq!(ms("30s"), Ok(Some(30_000)));
        assert_eq!(ms("2"), Ok(Some(2_000)));
        assert_eq!(ms("2m"), Ok(Some(120_000)));
        assert_eq!(ms("0"), Ok(None));
        assert!(parse_timeout("fast").is_err());
        assert!(parse_timeout("3h").is_err());
        assert!(parse_timeout("99999999999999999999m").is_err());
        assert_eq!(Timeout::default().0, Some(Duration::from_secs(30)));
    }
}
