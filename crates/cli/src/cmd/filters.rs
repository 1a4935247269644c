//! The filter options shared by `news search` and `news timeline`.

use clap::Args;
use news_query::{PartialDate, SearchRequest};

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
            ..request
        }
    }
}
