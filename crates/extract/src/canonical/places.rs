//! Naming the location mentions of one article through the gazetteer, in
//! each other's context ("Paris" after "Texas"), and the regions and
//! countries that contain them.

use super::HashMap;

use super::super::gazetteer::{name_key, Gazetteer, Place, PlaceKind};
use super::super::joins::is_road_word;
use super::place_context::without_compass;
use super::Linker;

/// The places of one article: each location key's canonical name, each
/// canonical name's containing names and GeoNames id.
#[derive(Default)]
pub(super) struct Named {
    pub names: HashMap<String, String>,
    pub containing: HashMap<String, Vec<String>>,
    pub ids: HashMap<String, u32>,
}

/// Maps each location key to its canonical name and each canonical name to
/// the names containing it and its GeoNames id.
pub(super) fn name_locations(locations: &Linker, gazetteer: &Gazetteer) -> Named {
    // First the names that need no context (one candidate, or a country),
    // then every name in their context: "Paris" after "Texas".
    let mut context: Vec<&Place> = Vec::new();
    for key in &locations.keys {
        let candidates = gazetteer.lookup(key);
        if let Some(p) = gazetteer.resolve(key, &[]) {
            if candidates.len() == 1 || p.kind == PlaceKind::Country {
                context.push(p);
            }
        }
    }
    let mut out = Named::default();
    for key in &locations.keys {
        // "North Poland", which the gazetteer lacks, is Poland; "North
        // Korea" and "West Virginia" are names of their own and resolve
        // as they are. The rest must be the place's own name: "South
        // America" is no part of the United States.
        let resolved = gazetteer.resolve(key, &context).or_else(|| {
            let rest = without_compass(key)?;
            gazetteer.resolve(rest, &context).filter(|p| {
                matches!(p.kind, PlaceKind::Country | PlaceKind::Region)
                    && name_key(&p.name) == rest
            })
        });
        let name = match resolved.map(|p| region_among_regions(p, key, &context, gazetteer)) {
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
    // "Route 2" beside "U.S. Route 2" is that road.
    for key in &locations.keys {
        let Some(first) = key.split_once(' ').map(|(first, _)| first) else {
            continue;
        };
        if !is_road_word(first) {
            continue;
        }
        let longer = locations.keys.iter().find(|k| {
            k.len() > key.len()
                && k.ends_with(key.as_str())
                && k[..k.len() - key.len()].ends_with(' ')
        });
        if let Some(name) = longer.and_then(|k| out.names.get(k)).cloned() {
            out.names.insert(key.clone(), name);
        }
    }
    out
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
        .unwrap_or(p)
}

#[cfg(test)]
mod tests {
    use super::super::tests::m;
    use super::super::*;

    #[test]
    fn locations_resolve_and_carry_their_countries() {
        use EntityKind::*;
        let ms = [
            m(Location, "Moskva"),
            m(Location, "the United States"),
            m(Location, "Paris"),
            m(Location, "Texas"),
            m(Location, "Middle East"),
        ];
        let c = canonicalize("", &ms, Gazetteer::bundled());
        assert_eq!(
            c.locations,
            ["Moscow", "United States", "Paris", "Texas", "Middle East"]
        );
        assert_eq!(
            c.places,
            [
                "Moscow",
                "Russia",
                "United States",
                "Paris",
                "Texas",
                "Middle East"
            ]
        );
    }

    #[test]
    fn places_of_adds_containers() {
        let g = Gazetteer::bundled();
        let given = ["Tartus", "Qamishli", "Nowhere Land", "Moskva"].map(String::from);
        let expected = [
            "Tartus",
            "Tartus Governorate",
            "Syria",
            "Qamishli",
            "Al-Hasakah Governorate",
            "Nowhere Land",
            "Moskva",
            "Moscow",
            "Russia",
        ];
        assert_eq!(places_of(&given, g), expected);
    }

    #[test]
    fn a_city_among_regions_is_the_region() {
        use EntityKind::*;
        let states = [
            m(Location, "Maine"),
            m(Location, "New York"),
            m(Location, "New Jersey"),
            m(Location, "Connecticut"),
        ];
        let c = canonicalize("", &states, Gazetteer::bundled());
        assert_eq!(c.locations[1], "New York");
        let city = [m(Location, "New York"), m(Location, "Argentina")];
        let c = canonicalize("", &city, Gazetteer::bundled());
        assert_eq!(c.locations[0], "New York City");
    }
}
