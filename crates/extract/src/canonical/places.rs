//! Naming the location mentions of one article through the gazetteer, in
//! each other's context ("Paris" after "Texas"), and the regions and
//! countries that contain them.

use super::{HashMap, HashSet};

use super::super::gazetteer::{name_key, Gazetteer, Place, PlaceKind};
use super::super::joins::is_road_word;
use super::abbreviations::{abbreviated_place, state_of_postal_code};
use super::counties::{county_named, County};
use super::cue_words::REGION_NOUNS;
use super::geography::{feature_named, gulf_of, is_feature_word};
use super::place_context::{area_named, without_compass};
use super::types::ends_with_geographic_word;
use super::Linker;

/// The region that a region's name and its noun mean ("Guangdong
/// Province" is Guangdong, "Biobio Region" Biobío), which the tagger may
/// take for an organization.
pub(super) fn region_with_its_noun<'g>(gazetteer: &'g Gazetteer, name: &str) -> Option<&'g Place> {
    let (rest, noun) = name.trim().rsplit_once(' ')?;
    if !REGION_NOUNS.contains(noun) {
        return None;
    }
    area_named(gazetteer, rest).filter(|p| p.kind == PlaceKind::Region)
}

/// Whether `name` is a place the gazetteer knows and a region's noun
/// other than "Region" ("Aomori Prefecture", "Kherson Oblast"): a region,
/// though the gazetteer lists it under the noun only ("Tartus
/// Governorate") or not at all (Japan's 47 prefectures, most named as
/// their capitals), or lists the city alone. "Police Prefecture" names
/// no place; "Capital Region" none the gazetteer knows.
pub(super) fn names_an_area_with_its_noun(gazetteer: &Gazetteer, name: &str) -> bool {
    let Some((rest, noun)) = name.trim().rsplit_once(' ') else {
        return false;
    };
    REGION_NOUNS.contains(noun)
        && (area_named(gazetteer, rest).is_some_and(|p| p.kind == PlaceKind::Region)
            || (!noun.eq_ignore_ascii_case("region") && gazetteer.contains(rest)))
}

/// Whether `after`, the text after a name, starts with a region's noun in
/// lower case ("the Kharkiv region", "Aceh province"): the name is the
/// region's, where it is a city's too.
pub(super) fn before_a_region_noun(after: &str) -> bool {
    ["region", "oblast", "province", "prefecture", "governorate"]
        .iter()
        .any(|noun| {
            after
                .strip_prefix(' ')
                .and_then(|a| a.strip_prefix(noun))
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
}

/// The region or country named `name` (see [`area_named`]), or the region
/// the gazetteer lists as "`name` region" under another name: "Kharkiv"
/// is Kharkiv Oblast there.
pub(super) fn area_or_region_named<'g>(gazetteer: &'g Gazetteer, name: &str) -> Option<&'g Place> {
    area_named(gazetteer, name).or_else(|| {
        let key = format!("{} region", name_key(name));
        let found = gazetteer.lookup(&key).into_iter();
        found
            .filter(|p| p.kind == PlaceKind::Region)
            .max_by_key(|p| p.population)
    })
}

/// The places of one article: each location key's canonical name, each
/// canonical name's containing names and GeoNames id.
#[derive(Default)]
pub(super) struct Named {
    pub names: HashMap<String, String>,
    pub containing: HashMap<String, Vec<String>>,
    pub ids: HashMap<String, u32>,
}

/// Maps each location key to its canonical name and each canonical name to
/// the names containing it and its GeoNames id. The keys in `as_regions`
/// are named as a region or country ("Queens, New York"): that area, where
/// the name more often means a city.
pub(super) fn name_locations(
    locations: &Linker,
    as_regions: &HashSet<String>,
    gazetteer: &Gazetteer,
) -> Named {
    // First the names that need no context (one candidate, a country, a
    // wire's state abbreviation), then the regions the others mean in it,
    // then every name in that context: "Paris" after "Texas".
    let mut context: Vec<&Place> = Vec::new();
    let mut abbreviated: Vec<&Place> = Vec::new();
    for key in &locations.keys {
        if let Some(p) = abbreviated_place(gazetteer, key) {
            abbreviated.push(p);
            continue;
        }
        let candidates = gazetteer.lookup(key);
        if let Some(p) = gazetteer.resolve(key, &[]) {
            if candidates.len() == 1 || p.kind == PlaceKind::Country {
                context.push(p);
            }
        }
    }
    // A wire's state abbreviation is as sure a place ("Salem, Ore."), but
    // an address, no list of states that would make "Washington" one.
    let named_in_full = context.len();
    context.extend(abbreviated);
    // Then the regions the names read in that context mean ("Ontario",
    // also a Californian city, is the province beside "Toronto"), for
    // the names of towns inside them ("Wawa, Ontario" is no Warsaw).
    let regions: Vec<&Place> = locations
        .keys
        .iter()
        .filter_map(|key| gazetteer.resolve(key, &context))
        .filter(|p| p.kind == PlaceKind::Region && !context.contains(p))
        .collect();
    context.extend(regions);
    let mut out = Named::default();
    for key in &locations.keys {
        // "North Poland", which the gazetteer lacks, is Poland; "North
        // Korea" and "West Virginia" are names of their own and resolve
        // as they are. The rest must be the place's own name: "South
        // America" is no part of the United States.
        let as_region = || {
            as_regions
                .contains(key)
                .then(|| area_in_context(gazetteer, key, &context))
                .flatten()
        };
        let resolved = abbreviated_place(gazetteer, key)
            .or_else(|| state_of_postal_code(gazetteer, key, &locations.keys))
            .or_else(as_region)
            .or_else(|| gazetteer.resolve(key, &context))
            .or_else(|| country_of_official_name(key, gazetteer))
            // "Democratic Republic of Congo": the gazetteer's "of the".
            .or_else(|| {
                let (name, place) = key.split_once(" of ")?;
                gazetteer.resolve(&format!("{name} of the {place}"), &context)
            })
            .or_else(|| region_with_its_noun(gazetteer, key))
            // "Washington State": the region. Only a place's name says so
            // ("Ohio State", a university's team, is no place).
            .or_else(|| {
                let region = key.strip_suffix(" state")?;
                area_named(gazetteer, region).filter(|p| p.kind == PlaceKind::Region)
            })
            .or_else(|| {
                let rest = without_compass(key)?;
                gazetteer.resolve(rest, &context).filter(|p| {
                    matches!(p.kind, PlaceKind::Country | PlaceKind::Region)
                        && name_key(&p.name) == rest
                })
            })
            // "Kidapawan City", as the Philippines write their cities:
            // the city GeoNames calls "Kidapawan" (elsewhere "X City" is a
            // name of its own: "Evans City", Pennsylvania, is no Evans).
            .or_else(|| {
                let town = key.strip_suffix(" city")?;
                gazetteer.resolve(town, &context).filter(|p| {
                    matches!(p.kind, PlaceKind::City | PlaceKind::Town)
                        && &*p.country == "Philippines"
                })
            });
        // A name the gazetteer lacks, or has only as another country's
        // alternate name ("Carmen" of Ciudad del Carmen, Mexico, in an
        // article on the Philippines), may be a small town of a country
        // or region the article names.
        let town = match resolved {
            Some(p) if gazetteer.is_own_name(key, p) || in_countries(p, &context) => None,
            _ => gazetteer.town_in(key, &context, false),
        };
        let resolved = town.as_ref().or(resolved);
        if let Some(county) = county_of(key, resolved, &context, gazetteer) {
            let within = [county.region, county.country];
            let name = county.name.to_owned();
            out.containing
                .insert(name.clone(), within.map(str::to_owned).to_vec());
            if let Some(id) = county.geonames_id {
                out.ids.insert(name.clone(), id);
            }
            out.names.insert(key.clone(), name);
            continue;
        }
        // A named feature over a town of its name: "Rio Grande", "Bali".
        let feature = feature_named(key).filter(|_| {
            resolved.is_none_or(|p| matches!(p.kind, PlaceKind::City | PlaceKind::Town))
        });
        if let Some(f) = feature {
            let within = gazetteer.country_with_code(f.iso).map(|c| c.name.clone());
            out.containing
                .insert(f.name.to_owned(), within.into_iter().collect());
            out.names.insert(key.clone(), f.name.to_owned());
            continue;
        }
        let name = match resolved
            .map(|p| region_among_regions(p, key, &context[..named_in_full], gazetteer))
        {
            Some(p) => {
                let within = gazetteer.containing(p);
                out.containing.insert(
                    p.name.clone(),
                    within.into_iter().map(str::to_owned).collect(),
                );
                if let Some(id) = p.geonames_id {
                    out.ids.insert(p.name.clone(), id);
                }
                p.name.clone()
            }
            None => locations.surface[key].clone(),
        };
        out.names.insert(key.clone(), name);
    }
    fold_short_forms(locations, gazetteer, &mut out.names);
    fold_misspellings(locations, gazetteer, &mut out.names);
    name_bare_gulf(&mut out);
    out
}

/// Names a "Gulf" the article's own places did not fold into one of its
/// gulfs by the article's other places (see [`gulf_of`]).
fn name_bare_gulf(out: &mut Named) {
    if out.names.get("gulf").is_none_or(|name| name != "Gulf") {
        return;
    }
    let mut names: HashSet<&str> = HashSet::default();
    for name in out.names.values() {
        names.insert(name);
        let containing = out.containing.get(name).into_iter().flatten();
        names.extend(containing.map(String::as_str));
    }
    let Some(gulf) = gulf_of(names.into_iter()) else {
        return;
    };
    out.containing.insert(gulf.to_owned(), Vec::new());
    out.names.insert("gulf".to_owned(), gulf.to_owned());
}

/// Folds a misspelt place name into the article's one place the gazetteer
/// knows that it misses by a letter ("Lousiana" beside "Louisiana"): a
/// name of six letters or more, unknown to the gazetteer, one edit (an
/// adjacent swap counted as one) from that place and with its first
/// letter.
fn fold_misspellings(
    locations: &Linker,
    gazetteer: &Gazetteer,
    names: &mut HashMap<String, String>,
) {
    const SHORTEST: usize = 6;
    for key in &locations.keys {
        if key.len() < SHORTEST || key.contains(' ') || gazetteer.contains(key) {
            continue;
        }
        let mut near = locations.keys.iter().filter(|k| {
            k.as_bytes().first() == key.as_bytes().first()
                && strsim::osa_distance(key, k) == 1
                && gazetteer.contains(k)
        });
        if let (Some(k), None) = (near.next(), near.next()) {
            if let Some(name) = names.get(k).cloned() {
                names.insert(key.clone(), name);
            }
        }
    }
}

/// The country an official name the gazetteer lacks names: "Republic of
/// Ireland", "Kingdom of Saudi Arabia", "Federal Republic of Germany" are
/// the country named after "of", where that is a country's own name.
/// "Republic of China" is Taiwan, not China.
fn country_of_official_name<'g>(key: &str, gazetteer: &'g Gazetteer) -> Option<&'g Place> {
    const FORMS: &[&str] = &[
        "republic",
        "kingdom",
        "federal",
        "commonwealth",
        "sultanate",
        "principality",
    ];
    let (form, country) = key.split_once(" of ")?;
    let country = country.strip_prefix("the ").unwrap_or(country);
    if !form.split(' ').all(|w| FORMS.contains(&w)) || key == "republic of china" {
        return None;
    }
    gazetteer
        .resolve(country, &[])
        .filter(|p| p.kind == PlaceKind::Country && name_key(&p.name) == country)
}

/// [`area_named`], but where a region and a country share the name, the
/// one in a country of `context`: "Doug Collins of Georgia" beside the
/// United States names the state, "Tbilisi, Georgia" the country. What
/// the name itself put in the context ("Georgia", the country) does not
/// count, as in [`Gazetteer::resolve`].
fn area_in_context<'g>(
    gazetteer: &'g Gazetteer,
    key: &str,
    context: &[&Place],
) -> Option<&'g Place> {
    let area = area_or_region_named(gazetteer, key)?;
    let context = gazetteer.without_places_named(key, context);
    if in_countries(area, &context) {
        return Some(area);
    }
    let key_of = |p: &Place| name_key(&p.name);
    let other = gazetteer.lookup(key).into_iter().find(|p| {
        matches!(p.kind, PlaceKind::Region | PlaceKind::Country)
            && key_of(p) == key_of(area)
            && in_countries(p, &context)
    });
    Some(other.unwrap_or(area))
}

/// The British or Irish county `key` names, where the gazetteer has no place of
/// the name or a town abroad that the article does not place (no other
/// place of its country but those named like counties): "Kent" beside
/// "Maidstone" or alone is the county, beside "Seattle" the city.
fn county_of(
    key: &str,
    resolved: Option<&Place>,
    context: &[&Place],
    gazetteer: &Gazetteer,
) -> Option<&'static County> {
    let county = county_named(key)?;
    let Some(town) = resolved else {
        return Some(county);
    };
    // Towns named like counties place nothing: "Suffolk" (Virginia)
    // beside "Somerset" (New Jersey).
    let mut others = gazetteer.without_places_named(key, context);
    others.retain(|p| county_named(&name_key(&p.name)).is_none());
    let abroad = matches!(
        town.kind,
        PlaceKind::City | PlaceKind::Town | PlaceKind::Locality
    ) && *town.country != *county.country;
    (abroad && !in_countries(town, &others)).then_some(county)
}

/// Whether `place` lies in a country of `context` (or is one).
fn in_countries(place: &Place, context: &[&Place]) -> bool {
    context.iter().any(|c| c.country == place.country)
}

/// Folds short forms of the article's longer place names into them:
/// "Route 2" beside "U.S. Route 2" is that road, a feature's kind word
/// alone the one feature of the article so named ("the Gulf" beside
/// "Persian Gulf"), and a name the gazetteer does not know that begins a
/// longer one ending with a geographic word is that place ("Payam" beside
/// "Payam International Airport").
fn fold_short_forms(
    locations: &Linker,
    gazetteer: &Gazetteer,
    names: &mut HashMap<String, String>,
) {
    let longer_than = |key: &str, k: &str| k.len() > key.len() + 1;
    for key in &locations.keys {
        let road = key
            .split_once(' ')
            .is_some_and(|(first, _)| is_road_word(first));
        let ends_with_key = |k: &&String| {
            longer_than(key, k)
                && k.ends_with(key.as_str())
                && k[..k.len() - key.len()].ends_with(' ')
        };
        let longer = if is_feature_word(key) {
            let mut named = locations.keys.iter().filter(ends_with_key);
            named.next().filter(|_| named.next().is_none())
        } else if road {
            locations.keys.iter().find(ends_with_key)
        } else if !gazetteer.contains(key) && !names_an_area(key) {
            locations.keys.iter().find(|k| {
                longer_than(key, k)
                    && k.starts_with(key.as_str())
                    && k[key.len()..].starts_with(' ')
                    && ends_with_geographic_word(k)
            })
        } else {
            None
        };
        if let Some(name) = longer.and_then(|k| names.get(k)).cloned() {
            names.insert(key.clone(), name);
        }
    }
}

/// Whether a name key ends with a word that names an area of its own
/// ("Orange County" is no short form of "Orange County Airport").
fn names_an_area(key: &str) -> bool {
    const AREA_WORDS: &[&str] = &["county", "city", "state", "province", "region", "district"];
    AREA_WORDS.contains(&key.rsplit(' ').next().unwrap_or_default())
}

/// A city named like a region of its country ("New York", "Washington")
/// is the region where the article's other places are mostly regions of
/// that country ("attorneys general from Maine, New York, New Jersey").
fn region_among_regions<'g>(
    p: &'g Place,
    key: &str,
    context: &[&Place],
    gazetteer: &'g Gazetteer,
) -> &'g Place {
    if p.kind != PlaceKind::City {
        return p;
    }
    let in_country = |kind: PlaceKind| {
        context
            .iter()
            .filter(|c| c.kind == kind && c.country == p.country && c.name != p.name)
            .count()
    };
    let regions = in_country(PlaceKind::Region);
    if regions < 2 || in_country(PlaceKind::City) >= regions {
        return p;
    }
    gazetteer
        .lookup(key)
        .into_iter()
        .find(|c| c.kind == PlaceKind::Region && c.country == p.country)
        // The news sense of the region's own name, inside it, stays: "the
        // District of Columbia" beside states is Washington, D.C.
        .filter(|r| {
            !(p.admin1.as_deref() == Some(r.name.as_str()) && gazetteer.is_news_name(key, p))
        })
        .unwrap_or(p)
}

#[cfg(test)]
#[path = "places_tests.rs"]
mod tests;
