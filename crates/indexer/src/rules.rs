//! The archive's rules over extracted names, applied to each article's
//! stored entities ([`StoredEntities`]) to give its facet values: the
//! authority file (`news-names.tsv`: aliases, preferred spellings, names to
//! hide), the short forms of organization names folded into the one
//! longer name the archive has ([`news_extract::short_forms`]), and persons'
//! surnames folded into the one full name the archive has
//! ([`Extractor::surnames`]).
//!
//! A value first meets the authority file; one it leaves alone may be a
//! short form, whose longer name then meets the authority file in turn (so
//! hiding "Hayat Tahrir al-Sham" hides "HTS" folded into it too). What the
//! rules gave is written beside each name (`value`, `rule`, `hidden`), so
//! the rules can change, or be removed, and every stored article be derived
//! again from what extraction gave.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use news_extract::authority::{Authority, Rule};
use news_extract::gazetteer::name_key;
use news_extract::{EntityKind, Extractor};
use news_query::{ArticleRecord, Provenance, StoredEntities, StoredEntity};

/// The rules an archive applies.
#[derive(Clone, Debug, Default)]
pub struct Rules {
    /// The authority file's rules.
    pub authority: Authority,
    /// Organization short forms → the longer name they fold into.
    pub short: BTreeMap<String, String>,
    /// Persons' surnames → the full name they fold into.
    pub surnames: BTreeMap<String, String>,
}

/// The rules as the manifest records them once applied to every stored
/// article: the next run compares them with its own to find what changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppliedRules {
    /// xxh3-128 (hex) of the authority file's bytes; empty without one.
    #[serde(default)]
    pub fingerprint: String,
    /// The authority file's rules: `KIND\tKEY` (KIND `*` for any) → the
    /// alias's name, or empty for `hide`.
    #[serde(default)]
    pub authority: BTreeMap<String, String>,
    /// The short forms folded.
    #[serde(default)]
    pub short: BTreeMap<String, String>,
    /// The surnames folded.
    #[serde(default)]
    pub surnames: BTreeMap<String, String>,
}

impl Rules {
    /// The record of these rules for the manifest.
    pub fn applied(&self, fingerprint: &str) -> AppliedRules {
        let authority = self
            .authority
            .entries()
            .into_iter()
            .map(|(kind, key, rule)| {
                let target = match rule {
                    Rule::Alias(name) => name,
                    Rule::Hide => String::new(),
                };
                (format!("{}\t{key}", kind_word(kind)), target)
            })
            .collect();
        AppliedRules {
            fingerprint: fingerprint.to_owned(),
            authority,
            short: self.short.clone(),
            surnames: self.surnames.clone(),
        }
    }

    /// Sets what the rules make of each name of `entities` (and clears what
    /// earlier rules made of it).
    pub fn apply(&self, entities: &mut StoredEntities) {
        let kinds = [
            (EntityKind::Person, &mut entities.person),
            (EntityKind::Location, &mut entities.location),
            (EntityKind::Organization, &mut entities.organization),
        ];
        for (kind, list) in kinds {
            for entity in list.iter_mut() {
                self.apply_one(kind, entity);
            }
        }
    }

    fn apply_one(&self, kind: EntityKind, entity: &mut StoredEntity) {
        entity.value = None;
        entity.rule = None;
        entity.hidden = false;
        // A name the input gave is the input's word: short forms and
        // surnames, guesses across the archive, fold extracted names only
        // (so an export read back in keeps its values).
        let folds = match kind {
            EntityKind::Organization => Some(&self.short),
            EntityKind::Person => Some(&self.surnames),
            EntityKind::Location => None,
        };
        let folded = folds
            .filter(|_| entity.from != Provenance::Source)
            .and_then(|folds| folds.get(&entity.name));
        let (name, rule) = match (self.authority.rule(kind, &entity.name), folded) {
            (Some(rule), _) => (&entity.name, Some(rule)),
            (None, Some(long)) => {
                entity.value = Some(long.clone());
                entity.rule = Some(Provenance::Alias);
                (long, self.authority.rule(kind, long))
            }
            (None, None) => return,
        };
        match rule {
            Some(Rule::Hide) => {
                entity.hidden = true;
                entity.rule = Some(Provenance::Authority);
            }
            Some(Rule::Alias(canonical)) if canonical != name => {
                entity.value = Some(canonical.clone());
                entity.rule = Some(Provenance::Authority);
            }
            _ => {}
        }
    }

    /// The value a place name (of `entities.place`) takes: the location
    /// rules of the authority file apply to it; `None` when hidden.
    fn place_value(&self, place: &str) -> Option<String> {
        match self.authority.rule(EntityKind::Location, place) {
            Some(Rule::Hide) => None,
            Some(Rule::Alias(canonical)) => Some(canonical.clone()),
            None => Some(place.to_owned()),
        }
    }

    /// Fills the entity facets of `record` from `entities` (rules applied):
    /// persons, locations, organizations, places and the countries among them.
    pub fn fill(
        &self,
        record: &mut ArticleRecord,
        entities: &StoredEntities,
        extractor: &Extractor,
    ) {
        record.persons = entities.values(EntityKind::Person);
        record.locations = entities.values(EntityKind::Location);
        record.organizations = entities.values(EntityKind::Organization);
        let mut places: Vec<String> = Vec::with_capacity(entities.place.len());
        for place in entities.place.iter().filter_map(|p| self.place_value(p)) {
            if !places.contains(&place) {
                places.push(place);
            }
        }
        record.countries = if entities.country.is_empty() {
            extractor.countries_of(&places)
        } else {
            let given = entities.country.iter();
            given.filter_map(|c| self.place_value(c)).collect()
        };
        record.places = places;
    }
}

fn kind_word(kind: Option<EntityKind>) -> String {
    kind.map_or_else(|| "*".to_owned(), |k| k.to_string())
}

/// What differs between two sets of applied rules: the (kind word, name
/// key) pairs whose authority rule changed, and the short forms and
/// surnames whose long name changed (or whose long name's authority rule
/// did).
#[derive(Debug, Default)]
pub struct Changes {
    /// `KIND\tKEY` of changed authority rules (KIND `*` for any).
    pub authority: BTreeSet<String>,
    /// Short forms (exact organization values) to look at again.
    pub short: BTreeSet<String>,
    /// Surnames (exact person values) to look at again.
    pub surnames: BTreeSet<String>,
}

impl Changes {
    /// Compares the rules last applied with those to apply now.
    pub fn between(old: &AppliedRules, new: &AppliedRules) -> Changes {
        let authority = changed_keys(&old.authority, &new.authority);
        let short = changed_folds(&old.short, &new.short, &authority, "organization");
        let surnames = changed_folds(&old.surnames, &new.surnames, &authority, "person");
        Changes {
            authority,
            short,
            surnames,
        }
    }

    /// Nothing changed.
    pub fn is_empty(&self) -> bool {
        self.authority.is_empty() && self.short.is_empty() && self.surnames.is_empty()
    }

    /// Whether a name as given, of `kind`, may take another value now.
    pub fn touches(&self, kind: EntityKind, name: &str) -> bool {
        let folded = match kind {
            EntityKind::Organization => self.short.contains(name),
            EntityKind::Person => self.surnames.contains(name),
            EntityKind::Location => false,
        };
        if folded {
            return true;
        }
        if self.authority.is_empty() {
            return false;
        }
        let key = name_key(name);
        self.authority.contains(&format!("{kind}\t{key}"))
            || self.authority.contains(&format!("*\t{key}"))
    }
}

/// The names folded otherwise now (from `old` to `new` folds of one
/// kind), or into a long name whose authority rule changed (`authority`;
/// `kind` the kind word of its rules).
fn changed_folds(
    old: &BTreeMap<String, String>,
    new: &BTreeMap<String, String>,
    authority: &BTreeSet<String>,
    kind: &str,
) -> BTreeSet<String> {
    let mut out = changed_keys(old, new);
    for (name, long) in old.iter().chain(new) {
        let key = name_key(long);
        let touched = ["*", kind]
            .iter()
            .any(|k| authority.contains(&format!("{k}\t{key}")));
        if touched {
            out.insert(name.clone());
        }
    }
    out
}

fn changed_keys(
    old: &BTreeMap<String, String>,
    new: &BTreeMap<String, String>,
) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (key, value) in old {
        if new.get(key) != Some(value) {
            out.insert(key.clone());
        }
    }
    for (key, value) in new {
        if old.get(key) != Some(value) {
            out.insert(key.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(name: &str) -> StoredEntity {
        StoredEntity {
            name: name.into(),
            ..Default::default()
        }
    }

    fn rules(text: &str, short: &[(&str, &str)]) -> Rules {
        Rules {
            authority: Authority::parse(text).0,
            short: short
                .iter()
                .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
                .collect(),
            surnames: BTreeMap::new(),
        }
    }

    #[test]
    fn authority_first_then_short_forms_then_authority_on_the_long_name() {
        let r = rules(
            "alias\tHTS\tHayat Tahrir al-Sham\torganization\nhide\tWire\t*\n",
            &[("Tahrir al-Sham", "Hayat Tahrir al-Sham")],
        );
        let mut e = StoredEntities {
            organization: vec![
                entity("HTS"),
                entity("Tahrir al-Sham"),
                entity("Wire"),
                entity("Kremlin"),
            ],
            ..Default::default()
        };
        r.apply(&mut e);
        assert_eq!(
            e.values(EntityKind::Organization),
            ["Hayat Tahrir al-Sham", "Kremlin"]
        );
        let o = &e.organization;
        assert_eq!(o[0].provenance(), Provenance::Authority);
        assert_eq!(o[1].provenance(), Provenance::Alias);
        assert!(o[2].hidden);
        assert_eq!(o[3].provenance(), Provenance::Extraction);
        // Hiding the long name hides its short form too; removing every
        // rule gives back what extraction named.
        let hide = rules(
            "hide\tHayat Tahrir al-Sham\torganization\n",
            &[("Tahrir al-Sham", "Hayat Tahrir al-Sham")],
        );
        hide.apply(&mut e);
        assert_eq!(
            e.values(EntityKind::Organization),
            ["HTS", "Wire", "Kremlin"]
        );
        Rules::default().apply(&mut e);
        assert_eq!(
            e.values(EntityKind::Organization),
            ["HTS", "Tahrir al-Sham", "Wire", "Kremlin"]
        );
    }

    #[test]
    fn changes_name_the_rules_that_differ() {
        let old = rules("alias\tHTS\tHayat Tahrir al-Sham\torganization\n", &[]).applied("a");
        let new = rules(
            "alias\tHTS\tHayat Tahrir al-Sham\torganization\nhide\tWire\t*\n",
            &[("Tahrir al-Sham", "Hayat Tahrir al-Sham")],
        )
        .applied("b");
        let changes = Changes::between(&old, &new);
        assert!(changes.touches(EntityKind::Person, "WIRE"));
        assert!(changes.touches(EntityKind::Organization, "Tahrir al-Sham"));
        assert!(!changes.touches(EntityKind::Organization, "HTS"));
        assert!(Changes::between(&new, &new).is_empty());
    }

    #[test]
    fn surnames_fold_persons_and_changes_name_them() {
        let mut r = rules(
            "alias	Margaret Thatcher	Thatcher, Margaret	person
",
            &[],
        );
        r.surnames
            .insert("Thatcher".into(), "Margaret Thatcher".into());
        let mut e = StoredEntities {
            person: vec![entity("Thatcher")],
            organization: vec![entity("Thatcher")],
            ..Default::default()
        };
        r.apply(&mut e);
        // The alias of the full name reaches the surname folded into it;
        // an organization of that name is no person's surname.
        assert_eq!(e.values(EntityKind::Person), ["Thatcher, Margaret"]);
        assert_eq!(e.values(EntityKind::Organization), ["Thatcher"]);
        let changes = Changes::between(&AppliedRules::default(), &r.applied("a"));
        assert!(changes.touches(EntityKind::Person, "Thatcher"));
        assert!(!changes.touches(EntityKind::Organization, "Thatcher"));
    }
}
