//! Places as the wires abbreviate them: the AP's state abbreviations
//! ("Calif.", "N.J.", "W.Va.", "Pa"), which datelines and wire copy write
//! after a town ("Santa Clara, Calif."), and a few countries' ("H.K.",
//! "N.Z."). A location so written names the state: the facet shows
//! "California", not a place called "Calif". Reuters-21578 alone has over
//! a thousand such values.
//!
//! Only mentions already taken for locations are read this way. The
//! abbreviations are not gazetteer names because the gazetteer's names are
//! also the tagger's features, and "Del", "Ill", "Miss" and "Mass" are
//! given names or ordinary words outside a dateline.

use super::super::gazetteer::{Gazetteer, Place, PlaceKind};

/// The name of the state or country a name key abbreviates, and the kind
/// of place it is.
fn expansion(key: &str) -> Option<(&'static str, PlaceKind)> {
    use PlaceKind::{City, Country, Region};
    let found = match key {
        "ala" => ("Alabama", Region),
        "ariz" => ("Arizona", Region),
        "ark" => ("Arkansas", Region),
        "calif" => ("California", Region),
        "colo" => ("Colorado", Region),
        "conn" => ("Connecticut", Region),
        "del" => ("Delaware", Region),
        "fla" => ("Florida", Region),
        "ga" => ("Georgia", Region),
        "ill" => ("Illinois", Region),
        "ind" => ("Indiana", Region),
        "kan" | "kans" => ("Kansas", Region),
        "ky" => ("Kentucky", Region),
        "la" => ("Louisiana", Region),
        "md" => ("Maryland", Region),
        "me" => ("Maine", Region),
        "mass" => ("Massachusetts", Region),
        "mich" => ("Michigan", Region),
        "minn" => ("Minnesota", Region),
        "miss" => ("Mississippi", Region),
        "mo" => ("Missouri", Region),
        "mont" => ("Montana", Region),
        "neb" | "nebr" => ("Nebraska", Region),
        "nev" => ("Nevada", Region),
        "n h" => ("New Hampshire", Region),
        "n j" => ("New Jersey", Region),
        "n m" | "n mex" => ("New Mexico", Region),
        "n y" => ("New York", Region),
        "n c" => ("North Carolina", Region),
        "n d" | "n dak" => ("North Dakota", Region),
        "okla" => ("Oklahoma", Region),
        "ore" | "oreg" => ("Oregon", Region),
        "pa" | "penn" | "penna" => ("Pennsylvania", Region),
        "r i" => ("Rhode Island", Region),
        "s c" => ("South Carolina", Region),
        "s d" | "s dak" => ("South Dakota", Region),
        "tenn" => ("Tennessee", Region),
        "tex" => ("Texas", Region),
        "vt" => ("Vermont", Region),
        "va" => ("Virginia", Region),
        "wash" => ("Washington", Region),
        "w va" => ("West Virginia", Region),
        "wis" | "wisc" => ("Wisconsin", Region),
        "wyo" => ("Wyoming", Region),
        "h k" | "hk" => ("Hong Kong", Country),
        "n z" | "nz" => ("New Zealand", Country),
        "s korea" => ("South Korea", Country),
        "n korea" => ("North Korea", Country),
        "s africa" => ("South Africa", Country),
        "l a" => ("Los Angeles", City),
        "nyc" => ("New York City", City),
        _ => return None,
    };
    Some(found)
}

/// The state a US postal code names ("NY", "CA"), as a name key. Such a
/// location is kept a location, but not read as the state: "Ca" is a
/// Moody's rating and "MI" the Milan bourse as often as not.
fn postal_code(key: &str) -> Option<&'static str> {
    const CODES: &[(&str, &str)] = &[
        ("al", "Alabama"),
        ("ak", "Alaska"),
        ("az", "Arizona"),
        ("ar", "Arkansas"),
        ("ca", "California"),
        ("co", "Colorado"),
        ("ct", "Connecticut"),
        ("de", "Delaware"),
        ("fl", "Florida"),
        ("ga", "Georgia"),
        ("hi", "Hawaii"),
        ("id", "Idaho"),
        ("il", "Illinois"),
        ("in", "Indiana"),
        ("ia", "Iowa"),
        ("ks", "Kansas"),
        ("ky", "Kentucky"),
        ("la", "Louisiana"),
        ("me", "Maine"),
        ("md", "Maryland"),
        ("ma", "Massachusetts"),
        ("mi", "Michigan"),
        ("mn", "Minnesota"),
        ("ms", "Mississippi"),
        ("mo", "Missouri"),
        ("mt", "Montana"),
        ("ne", "Nebraska"),
        ("nv", "Nevada"),
        ("nh", "New Hampshire"),
        ("nj", "New Jersey"),
        ("nm", "New Mexico"),
        ("ny", "New York"),
        ("nc", "North Carolina"),
        ("nd", "North Dakota"),
        ("oh", "Ohio"),
        ("ok", "Oklahoma"),
        ("or", "Oregon"),
        ("pa", "Pennsylvania"),
        ("ri", "Rhode Island"),
        ("sc", "South Carolina"),
        ("sd", "South Dakota"),
        ("tn", "Tennessee"),
        ("tx", "Texas"),
        ("ut", "Utah"),
        ("vt", "Vermont"),
        ("va", "Virginia"),
        ("wa", "Washington"),
        ("wv", "West Virginia"),
        ("wi", "Wisconsin"),
        ("wy", "Wyoming"),
    ];
    CODES
        .iter()
        .find(|(code, _)| *code == key)
        .map(|(_, state)| *state)
}

/// Acronyms of states that are no more, which the gazetteer lacks and
/// which name places all the same ("USSR", "FRG").
const FORMER_STATE_ACRONYMS: &[&str] = &["ussr", "frg", "gdr"];

/// Whether a name key may abbreviate a place: one of the wires'
/// abbreviations, a postal code, or a former state's acronym.
pub(crate) fn may_abbreviate_a_place(key: &str) -> bool {
    expansion(key).is_some() || postal_code(key).is_some() || FORMER_STATE_ACRONYMS.contains(&key)
}

/// The US state a location's name `key` is the postal code of ("NY",
/// "WA"), where the article names a place in that state among its
/// `others` location keys, each read in its first sense: "New York City,
/// NY", "Seattle, WA", "Austin, TX". Without such a place a code stays as
/// written ([`postal_code`] says why).
pub(super) fn state_of_postal_code<'g>(
    gazetteer: &'g Gazetteer,
    key: &str,
    others: &[String],
) -> Option<&'g Place> {
    let name = postal_code(key)?;
    let in_us = |p: &Place| &*p.country == "United States";
    let state = gazetteer
        .lookup(name)
        .into_iter()
        .find(|p| p.kind == PlaceKind::Region && p.name == name && in_us(p))?;
    let named_inside = others
        .iter()
        .filter(|k| *k != key)
        .filter_map(|k| gazetteer.resolve(k, &[]))
        .any(|p| in_us(p) && p.admin1.as_deref() == Some(name));
    named_inside.then_some(state)
}

/// The place a location's name `key` abbreviates, if it is one of the
/// wires' abbreviations ([`expansion`]) and the gazetteer has that place.
pub(super) fn abbreviated_place<'g>(gazetteer: &'g Gazetteer, key: &str) -> Option<&'g Place> {
    let (name, kind) = expansion(key)?;
    let us_state = kind == PlaceKind::Region;
    gazetteer
        .lookup(name)
        .into_iter()
        .find(|p| p.kind == kind && p.name == name && (!us_state || &*p.country == "United States"))
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::{Gazetteer, PlaceKind};
    use crate::Extractor;

    #[test]
    fn the_wires_state_abbreviations_are_the_states() {
        let x = Extractor::bundled().extract(
            "Intel Corp of Santa Clara, Calif., and a company in Newark, N.J., \
             said sales rose. Georgia-Pacific Corp of Atlanta, Ga., agreed.",
        );
        for state in ["California", "New Jersey", "Georgia"] {
            assert!(x.locations.iter().any(|l| l == state), "{:?}", x.locations);
        }
        for abbreviation in ["Calif", "N.J", "Ga"] {
            let written = |l: &String| l.trim_end_matches('.') == abbreviation;
            assert!(!x.locations.iter().any(written), "{:?}", x.locations);
        }
        // The state, not the country.
        let state = Gazetteer::bundled()
            .lookup("Georgia")
            .into_iter()
            .find(|p| p.kind == PlaceKind::Region)
            .and_then(|p| p.geonames_id);
        let georgia = x.locations.iter().position(|p| p == "Georgia").unwrap();
        assert!(state.is_some());
        assert_eq!(x.geonames_ids[georgia], state);
    }

    #[test]
    fn a_town_before_a_state_abbreviation_is_in_that_state() {
        let x = Extractor::bundled().extract(
            "Allied Research Inc of Salem, Ore., and a maker in Santa Clara, Calif., \
             merged. Its Monrovia, Calif., plant closes.",
        );
        assert_eq!(
            x.locations,
            ["Salem", "Oregon", "Santa Clara", "California", "Monrovia"]
        );
        for (town, state) in [("Salem", "Oregon"), ("Santa Clara", "California")] {
            let i = x.places.iter().position(|p| p == town).unwrap();
            assert_eq!(x.places[i + 1], state, "{:?}", x.places);
        }
        assert!(!x
            .places
            .iter()
            .any(|p| p == "India" || p == "Cuba" || p == "Liberia"));
        // Addresses are no list of states that would make "Washington" one.
        let x = Extractor::bundled().extract(
            "After a California accident near El Centro, Calif., tests at the Naval \
             Research Laboratory in Washington found a crack.",
        );
        assert_eq!(x.locations, ["California", "El Centro", "Washington, D.C."]);
    }

    #[test]
    fn a_postal_code_after_a_place_of_its_state_is_the_state() {
        let x = Extractor::bundled()
            .extract("Labs\nThe study ran in New York City, NY and in Seattle, WA.");
        assert_eq!(
            x.locations,
            ["New York City", "New York", "Seattle", "Washington"]
        );
        // No place of the state named: a code is what it says.
        let x = Extractor::bundled().extract("Bonds\nIn Wa, Ghana, bonds rated Ca fell.");
        assert_eq!(x.locations, ["Wa", "Ghana", "Ca"]);
    }
}
