//! The authority file: an archive's own decisions about names, applied
//! over what extraction found. Text in, names out; reading the file from
//! disk and rewriting stored documents is the indexer's business.
//!
//! Format: UTF-8 text, one rule a line, fields separated by tabs; blank
//! lines and lines starting with `#` are ignored.
//!
//! ```text
//! # verb    name                 [canonical]            kind
//! alias     HTS                  Hayat Tahrir al-Sham   organization
//! alias     Tartous              Tartus                 location
//! hide      Wire                                        organization
//! ```
//!
//! - `alias NAME CANONICAL KIND`: a value NAME of that kind becomes
//!   CANONICAL (aliases, merges of two spellings, a preferred spelling are
//!   all this one rule). Names match as name keys: case, accents and
//!   punctuation aside ("Tartous" matches "TARTOUS").
//! - `hide NAME KIND`: a value NAME of that kind is never shown.
//!
//! KIND is `person`, `location`, `organization` or `*` (any). A bad line
//! is reported with its number and skipped; the other rules still apply.

use std::fmt;

use news_query::EntityKind;

use super::gazetteer::name_key;
use std::collections::HashMap;

/// Where a facet value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provenance {
    /// As extraction (or the source) gave it.
    Extraction,
    /// Renamed by an `alias` rule of the authority file.
    Authority,
}

impl Provenance {
    /// The word used in JSON output: "extraction" or "authority".
    pub fn as_str(self) -> &'static str {
        match self {
            Provenance::Extraction => "extraction",
            Provenance::Authority => "authority",
        }
    }
}

/// A line of an authority file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthorityError {
    /// 1-based line number.
    pub line: usize,
    /// What was wrong with it.
    pub message: String,
}

impl fmt::Display for AuthorityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for AuthorityError {}

/// What a rule does to a value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// The value becomes this name.
    Alias(String),
    /// The value is never shown.
    Hide,
}

/// The rules of one authority file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Authority {
    /// (kind or `None` for any, name key) → rule.
    rules: HashMap<(Option<EntityKind>, String), Rule>,
}

impl Authority {
    /// Reads an authority file's text: the rules of its good lines, and
    /// one error per bad line.
    pub fn parse(text: &str) -> (Authority, Vec<AuthorityError>) {
        let mut out = Authority::default();
        let mut errors = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            match parse_line(line) {
                Ok((kind, key, rule)) => {
                    out.rules.insert((kind, key), rule);
                }
                Err(message) => errors.push(AuthorityError {
                    line: n + 1,
                    message,
                }),
            }
        }
        (out, errors)
    }

    /// Whether the file has no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The rule for a value `name` of `kind`, if any: one for that kind
    /// wins over one for any kind.
    pub fn rule(&self, kind: EntityKind, name: &str) -> Option<&Rule> {
        let key = name_key(name);
        self.rules
            .get(&(Some(kind), key.clone()))
            .or_else(|| self.rules.get(&(None, key)))
    }

    /// Every rule as (kind, or `None` for any; name key; rule), sorted: what
    /// an archive records to tell which rules changed since.
    pub fn entries(&self) -> Vec<(Option<EntityKind>, String, Rule)> {
        let mut out: Vec<_> = self
            .rules
            .iter()
            .map(|((kind, key), rule)| (*kind, key.clone(), rule.clone()))
            .collect();
        out.sort_by(|a, b| (kind_order(a.0), &a.1).cmp(&(kind_order(b.0), &b.1)));
        out
    }

    /// The values of one facet of `kind` once the rules are applied, each
    /// once, in order, with where each came from.
    pub fn apply(&self, kind: EntityKind, values: &[String]) -> Vec<(String, Provenance)> {
        let mut out: Vec<(String, Provenance)> = Vec::with_capacity(values.len());
        for v in values {
            let key = name_key(v);
            let rule = self
                .rules
                .get(&(Some(kind), key.clone()))
                .or_else(|| self.rules.get(&(None, key)));
            let (name, from) = match rule {
                Some(Rule::Hide) => continue,
                Some(Rule::Alias(c)) => (c.clone(), Provenance::Authority),
                None => (v.clone(), Provenance::Extraction),
            };
            if !out.iter().any(|(n, _)| *n == name) {
                out.push((name, from));
            }
        }
        out
    }
}

fn kind_order(kind: Option<EntityKind>) -> u8 {
    match kind {
        None => 0,
        Some(EntityKind::Person) => 1,
        Some(EntityKind::Location) => 2,
        Some(EntityKind::Organization) => 3,
    }
}

/// One rule line: (kind, name key, rule), or why it is no rule.
fn parse_line(line: &str) -> Result<(Option<EntityKind>, String, Rule), String> {
    let fields: Vec<&str> = line
        .split('\t')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect();
    let (name, rule, kind) = match fields.as_slice() {
        ["alias", name, canonical, kind] => (*name, Rule::Alias((*canonical).to_owned()), *kind),
        ["hide", name, kind] => (*name, Rule::Hide, *kind),
        [verb @ ("alias" | "hide"), ..] => {
            return Err(format!(
                "`{verb}` takes {} tab-separated fields, found {}",
                if *verb == "alias" { 4 } else { 3 },
                fields.len()
            ))
        }
        [verb, ..] => return Err(format!("unknown rule `{verb}` (expected alias or hide)")),
        [] => return Err("empty rule".to_owned()),
    };
    let kind = match kind {
        "person" => Some(EntityKind::Person),
        "location" => Some(EntityKind::Location),
        "organization" => Some(EntityKind::Organization),
        "*" => None,
        other => {
            return Err(format!(
                "unknown kind `{other}` (expected person, location, organization or *)"
            ))
        }
    };
    let key = name_key(name);
    if key.is_empty() {
        return Err(format!("`{name}` has no letters or digits"));
    }
    Ok((kind, key, rule))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn aliases_rename_hides_drop_and_both_say_so() {
        let (a, errors) = Authority::parse(
            "# names of this archive\n\
             alias\tHTS\tHayat Tahrir al-Sham\torganization\n\
             alias\tTahrir al-Sham\tHayat Tahrir al-Sham\torganization\n\
             hide\tWire\t*\n\
             \n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        let got = a.apply(
            EntityKind::Organization,
            &strings(&[
                "Kremlin",
                "hts",
                "Tahrir al-Sham",
                "Hayat Tahrir al-Sham",
                "WIRE",
            ]),
        );
        assert_eq!(
            got,
            [
                ("Kremlin".to_owned(), Provenance::Extraction),
                ("Hayat Tahrir al-Sham".to_owned(), Provenance::Authority),
            ]
        );
        // Rules are per kind: a person named HTS is no organization.
        assert_eq!(
            a.apply(EntityKind::Person, &strings(&["HTS"])),
            [("HTS".to_owned(), Provenance::Extraction)]
        );
    }

    #[test]
    fn bad_lines_are_reported_and_skipped() {
        let (a, errors) = Authority::parse(
            "alias\tHTS\torganization\n\
             rename\tA\tB\tperson\n\
             hide\tWire\tband\n\
             hide\t...\tperson\n\
             hide\tWire\torganization\n",
        );
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [1, 2, 3, 4]);
        assert!(errors[1].to_string().contains("unknown rule `rename`"));
        assert!(a
            .apply(EntityKind::Organization, &strings(&["Wire"]))
            .is_empty());
    }
}
