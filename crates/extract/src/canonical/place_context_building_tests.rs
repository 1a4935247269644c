//! Tests of `place_context` on buildings: a name before a building noun,
//! a building named as a location or moved to and from, a centre or
//! facility by its last words; through `canonicalize`.

use super::super::*;
use super::tests::canon;
use EntityKind::*;

#[test]
fn a_name_before_a_building_noun_is_that_building() {
    let text = "The roof of Notre Dame cathedral burned; Notre Dame will be rebuilt. \
                Flights left Charles de Gaulle airport. The Mormon church agreed.";
    let c = canon(
        text,
        &[
            (Organization, "Notre Dame"),
            (Person, "Charles de Gaulle"),
            (Organization, "Mormon"),
        ],
    );
    assert_eq!(c.locations, ["Notre Dame", "Charles de Gaulle"]);
    assert!(c.persons.is_empty());
}

#[test]
fn a_city_name_named_as_a_region_is_the_region() {
    let text = "The chef of a New York City restaurant was found in Queens, New York.";
    let c = canon(
        text,
        &[
            (Location, "New York City"),
            (Location, "Queens"),
            (Location, "New York"),
        ],
    );
    assert_eq!(c.locations, ["New York City", "Queens", "New York"]);
    let c = canon(
        "A bank in Seattle, Washington, was sold.",
        &[(Location, "Seattle"), (Location, "Washington")],
    );
    assert_eq!(c.locations, ["Seattle", "Washington"]);
    let text = "She is the junior Senator from New York. A representative of New York \
                spoke.";
    let c = canon(text, &[(Location, "New York")]);
    assert_eq!(c.locations, ["New York"]);
    assert_eq!(c.location_ids, [Some(5128638)]);
    let c = canon(
        "A representative of New York spoke.",
        &[(Location, "New York")],
    );
    assert_eq!(c.locations, ["New York City"]);
}

#[test]
fn a_building_named_as_a_location_is_a_place() {
    let text = "Stevens died at Holy Cross Hospital. Gleneagles Hospital said he was well; \
                he was held at Corcoran State Prison.";
    let c = canon(
        text,
        &[
            (Organization, "Holy Cross Hospital"),
            (Location, "Gleneagles Hospital"),
            (Organization, "Corcoran State Prison"),
        ],
    );
    assert_eq!(
        c.locations,
        ["Holy Cross Hospital", "Corcoran State Prison"]
    );
    assert_eq!(c.organizations, ["Gleneagles Hospital"]);
}

#[test]
fn a_person_named_like_a_street_is_a_place_where_named_as_a_location() {
    let text = "A bus hit a bridge on Wellhouse Lane. Nathan Lane sang at Chamundi \
                Temple; Fawn Hall testified.";
    let c = canon(
        text,
        &[
            (Person, "Wellhouse Lane"),
            (Person, "Nathan Lane"),
            (Person, "Chamundi Temple"),
            (Person, "Fawn Hall"),
        ],
    );
    assert_eq!(c.locations, ["Wellhouse Lane", "Chamundi Temple"]);
    assert_eq!(c.persons, ["Nathan Lane", "Fawn Hall"]);
}

#[test]
fn a_building_moved_to_or_from_is_a_place_but_no_space_station_or_seat() {
    let text = "The toilet was stolen from Blenheim Palace. Protesters moved to the Hong Kong \
                Police Headquarters. The crew docked to the International Space Station. \
                A statement from the White House came.";
    let c = canon(
        text,
        &[
            (Organization, "Blenheim Palace"),
            (Organization, "Hong Kong Police Headquarters"),
            (Organization, "International Space Station"),
            (Location, "White House"),
        ],
    );
    assert_eq!(
        c.locations,
        ["Blenheim Palace", "Hong Kong Police Headquarters"]
    );
    assert_eq!(
        c.organizations,
        ["International Space Station", "White House"]
    );
}

#[test]
fn a_centre_or_facility_is_a_building_by_its_last_two_words() {
    let text = "The fair was held at the Mesquite Convention Center. He was held at \
                Richard J. Donovan Correctional Facility. Wall is chief executive at \
                Asbestos Claims Facility. She spoke at the Center for Biological Diversity.";
    let c = canon(
        text,
        &[
            (Organization, "Mesquite Convention Center"),
            (Organization, "Richard J. Donovan Correctional Facility"),
            (Organization, "Asbestos Claims Facility"),
            (Organization, "Center for Biological Diversity"),
        ],
    );
    assert_eq!(
        c.locations,
        [
            "Mesquite Convention Center",
            "Richard J. Donovan Correctional Facility"
        ]
    );
    assert_eq!(
        c.organizations,
        [
            "Asbestos Claims Facility",
            "Center for Biological Diversity"
        ]
    );
}
