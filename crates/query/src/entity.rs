//! Entity kinds and the canonical names [`crate::Archive::entities`] returns.

use serde::{Deserialize, Serialize};

/// A kind of named entity the archive indexes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// People (`person` field).
    Person,
    /// Places mentioned (`location` field).
    Location,
    /// Organizations (`organization` field).
    Organization,
}

impl std::str::FromStr for EntityKind {
    type Err = crate::Error;

    /// Accepts the singular and plural names: `person`, `persons`, `people`, ...
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "person" | "persons" | "people" => Ok(EntityKind::Person),
            "location" | "locations" | "place" | "places" => Ok(EntityKind::Location),
            "organization" | "organizations" | "org" | "orgs" => Ok(EntityKind::Organization),
            other => Err(crate::Error::Request(format!(
                "unknown entity kind `{other}`: expected person, location or organization"
            ))),
        }
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            EntityKind::Person => "person",
            EntityKind::Location => "location",
            EntityKind::Organization => "organization",
        })
    }
}

/// A canonical name and the number of articles naming it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical name, as filters and facets use it.
    pub name: String,
    /// Articles naming it.
    pub count: u64,
    /// How the lookup text matched the name.
    pub matched: NameMatch,
}

/// How a looked-up text matched a canonical name, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NameMatch {
    /// The whole name, ignoring case and accents.
    Exact,
    /// The name starts with the text.
    Prefix,
    /// A word of the name starts with the text (`Puti` in `Vladimir Putin`).
    Word,
    /// A near spelling (an edit or two per word).
    Fuzzy,
}
