//! Naming the location mentions of one article through the gazetteer, in
//! each other's context ("Paris" after "Texas"), and the regions and
//! countries that contain them.

use super::HashMap;

use super::super::gazetteer::{Gazetteer, Place, PlaceKind};
use super::Linker;

/// Maps each location key to its canonical name and each canonical name to
/// the names containing it.
pub(super) fn name_locations(
    locations: &Linker,
    gazetteer: &Gazetteer,
) -> (HashMap<String, String>, HashMap<String, Vec<String>>) {
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
    let mut names = HashMap::default();
    let mut containing = HashMap::default();
    for key in &locations.keys {
        let name = match gazetteer.resolve(key, &context) {
            Some(p) => {
                let within = gazetteer.containing(p);
                containing.insert(
                    p.name.clone(),
                    within.into_iter().map(str::to_owned).collect(),
                );
                p.name.clone()
            }
            None => locations.surface[key].clone(),
        };
        names.insert(key.clone(), name);
    }
    (names, containing)
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
}
