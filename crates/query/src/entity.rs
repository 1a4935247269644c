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
    /// Where the name came from, read from one article naming it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
    /// Other names folded into it (spellings, aliases), read from one
    /// article naming it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub folded_from: Vec<String>,
    /// GeoNames id of a place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u32>,
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

/// Where a facet value came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Provenance {
    /// As the tagger and the canonical rules named it, spelt so in the text.
    #[default]
    Extraction,
    /// Folded by extraction or archive rules from another spelling: a
    /// gazetteer alias ("Moskva"), a surname ("Putin"), a short form
    /// ("Tahrir al-Sham", "HTS") of the one longer name the archive has.
    Alias,
    /// Renamed by the archive's authority file (`news-names.tsv`).
    Authority,
    /// Named by the input itself (a source's subject codes, JSON `persons`).
    Source,
}

impl Provenance {
    fn is_extraction(&self) -> bool {
        *self == Provenance::Extraction
    }
}

/// One entity of a stored article, as extraction (or the source) gave it,
/// with what the archive's rules made of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StoredEntity {
    /// The name as extraction or the source gave it.
    pub name: String,
    /// Where `name` came from (extraction, alias or source).
    #[serde(skip_serializing_if = "Provenance::is_extraction")]
    pub from: Provenance,
    /// Other spellings of the article that extraction folded into `name`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub was: Vec<String>,
    /// GeoNames id of a place (none for places added by hand or unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u32>,
    /// The facet value when a rule of the archive renamed `name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The rule that renamed or hid it: `alias` (a short form) or `authority`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Provenance>,
    /// Hidden by the authority file: in no facet.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
}

impl StoredEntity {
    /// The facet value, unless hidden.
    pub fn facet_value(&self) -> Option<&str> {
        (!self.hidden).then(|| self.value.as_deref().unwrap_or(&self.name))
    }

    /// Where the facet value came from: the rule that renamed it, else
    /// where the name came from.
    pub fn provenance(&self) -> Provenance {
        self.rule.unwrap_or(self.from)
    }
}

/// The entities of one stored article, before and after the archive's rules
/// (the `entities` field): the facet fields are derived from it, so rules
/// can change, and be undone, without reading the input again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StoredEntities {
    /// Persons.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub person: Vec<StoredEntity>,
    /// Places named.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub location: Vec<StoredEntity>,
    /// Organizations.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub organization: Vec<StoredEntity>,
    /// The places named plus the regions and countries containing them, as
    /// extraction gave them (rules on locations apply to them too).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub place: Vec<String>,
    /// The countries the source gave (an export read back); when empty,
    /// the countries are those among `place`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub country: Vec<String>,
}

impl StoredEntities {
    /// The entities of one kind.
    pub fn of(&self, kind: EntityKind) -> &[StoredEntity] {
        match kind {
            EntityKind::Person => &self.person,
            EntityKind::Location => &self.location,
            EntityKind::Organization => &self.organization,
        }
    }

    /// The facet values of one kind, each once, in order.
    pub fn values(&self, kind: EntityKind) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for value in self.of(kind).iter().filter_map(StoredEntity::facet_value) {
            if !out.iter().any(|v| v == value) {
                out.push(value.to_owned());
            }
        }
        out
    }
}

/// A letter per kind, the prefix of [`crate::schema::field::EXTRACTED`] terms.
pub fn kind_letter(kind: EntityKind) -> char {
    match kind {
        EntityKind::Person => 'p',
        EntityKind::Location => 'l',
        EntityKind::Organization => 'o',
    }
}
