//! Tests of `places_in_names`: the joins and splits around places inside
//! larger names, on given spans and through the whole extractor.

use crate::Extractor;

#[test]
fn a_place_after_a_title_of_address_is_no_place() {
    let text = "Captain America and Tony Stark were there. Miss Universe came. \
                The President of France agreed.";
    let x = Extractor::bundled().extract(text);
    assert_eq!(x.locations, ["France"], "{:?}", x.mentions);
}

#[test]
fn an_organization_cut_before_a_place_in_its_name_is_joined() {
    use crate::gazetteer::Gazetteer;
    use crate::labels::{LOC, ORG};
    let text = "University of the South Pacific ; University of South Carolina Beaufort \
                ; Bank of Canada Toronto";
    let mut tokens = Vec::new();
    crate::tokenize::tokenize(text, &mut tokens);
    let mut spans = vec![
        (ORG, 0, 3),
        (LOC, 3, 5),
        (ORG, 6, 9),
        (LOC, 9, 11),
        (ORG, 12, 15),
        (LOC, 15, 16),
    ];
    super::join_organizations_cut_short(text, &tokens, &mut spans, Gazetteer::bundled());
    assert_eq!(
        spans,
        [(ORG, 0, 5), (ORG, 6, 11), (ORG, 12, 15), (LOC, 15, 16)]
    );
}

#[test]
fn a_body_and_its_subject_after_for_or_of_are_one_organization() {
    use crate::gazetteer::Gazetteer;
    use crate::labels::{LOC, MISC, ORG, PER};
    let text = "Puerto Rico Center for Investigative Journalism ; UH's Center for \
                Microbial Oceanography ; Safety Committee of Indonesia ; Control Centre \
                of the Coast Guard ; Foundation for Anna Lee ; Institute of Physics";
    let mut tokens = Vec::new();
    crate::tokenize::tokenize(text, &mut tokens);
    let at = |word: &str| tokens.iter().position(|t| t.text(text) == word).unwrap();
    let mut spans = vec![
        (LOC, 0, 3),
        (MISC, 4, 6),
        (ORG, at("UH"), at("UH") + 1),
        (LOC, at("Microbial"), at("Microbial") + 2),
        (ORG, at("Safety"), at("Safety") + 2),
        (LOC, at("Indonesia"), at("Indonesia") + 1),
        (LOC, at("Control"), at("Control") + 2),
        (ORG, at("Coast"), at("Coast") + 2),
        (PER, at("Anna"), at("Anna") + 2),
        (LOC, at("Physics"), at("Physics") + 1),
    ];
    let mut expected = spans.clone();
    expected[0] = (ORG, 0, 6);
    expected.remove(1);
    expected[2] = (ORG, at("Microbial") - 2, at("Microbial") + 2);
    expected[8] = (ORG, at("Institute"), at("Physics") + 1);
    super::join_bodies_and_subjects(text, &tokens, &mut spans, Gazetteer::bundled());
    assert_eq!(spans, expected);
}

#[test]
fn buildings_the_tagger_cut_short_or_left_kindless_are_places() {
    use crate::gazetteer::Gazetteer;
    use crate::labels::{LOC, MISC, ORG};
    let text = "Bhera Market ; Legislative Council Complex ; Waterloo station ; \
                BBC station ; U.S. Market ; Pike Market Street ; Grand Central Terminal \
                ; International Space Station ; U.K. Market";
    let mut tokens = Vec::new();
    crate::tokenize::tokenize(text, &mut tokens);
    let mut spans = vec![
        (LOC, 0, 1),
        (ORG, 3, 5),
        (LOC, 7, 8),
        (ORG, 10, 11),
        (LOC, 13, 14),
        (LOC, 16, 17),
        (MISC, 20, 23),
        (MISC, 24, 27),
        (MISC, 28, 30),
    ];
    super::join_building_names(text, &tokens, &mut spans, Gazetteer::bundled());
    assert_eq!(
        spans,
        [
            (LOC, 0, 2),
            (LOC, 3, 6),
            (LOC, 7, 9),
            (ORG, 10, 11),
            (LOC, 13, 14),
            (LOC, 16, 17),
            (LOC, 20, 23),
            (MISC, 24, 27),
            (MISC, 28, 30)
        ]
    );
}

#[test]
fn a_place_cut_in_two_is_joined_when_the_gazetteer_knows_the_whole() {
    use crate::gazetteer::Gazetteer;
    use crate::labels::LOC;
    let text = "New South Wales and Sydney Australia";
    let mut tokens = Vec::new();
    crate::tokenize::tokenize(text, &mut tokens);
    let mut spans = vec![(LOC, 0, 2), (LOC, 2, 3), (LOC, 4, 5), (LOC, 5, 6)];
    super::join_split_places(text, &tokens, &mut spans, Gazetteer::bundled());
    assert_eq!(spans, [(LOC, 0, 3), (LOC, 4, 5), (LOC, 5, 6)]);
}

#[test]
fn a_country_leading_its_body_is_part_of_its_name() {
    use crate::gazetteer::Gazetteer;
    use crate::labels::{LOC, ORG};
    let text = "The United States Senate and United States officials in Geneva met \
                United States Senator Ted Cruz";
    let mut tokens = Vec::new();
    crate::tokenize::tokenize(text, &mut tokens);
    let mut spans = vec![
        (LOC, 1, 3),
        (ORG, 3, 4),
        (LOC, 5, 7),
        (LOC, 9, 10),
        (LOC, 11, 13),
        (ORG, 13, 14),
    ];
    super::join_country_led_organizations(text, &tokens, &mut spans, Gazetteer::bundled());
    assert_eq!(
        spans,
        [
            (ORG, 1, 4),
            (LOC, 5, 7),
            (LOC, 9, 10),
            (LOC, 11, 13),
            (ORG, 13, 14)
        ]
    );
}

#[test]
fn a_venue_named_with_a_possessive_is_one_place() {
    use crate::labels::{LOC, MISC, ORG, PER};
    let text = "St Paul's Cathedral ; Grauman's Egyptian Theatre ; St Mary's Hospital ; \
                NASDAQ's National Market ; Trump's Central Park ; Smith's Big Old Red Park ; \
                Kim's\nPark ; Jo's old Park";
    let mut tokens = Vec::new();
    crate::tokenize::tokenize(text, &mut tokens);
    let at = |word: &str| tokens.iter().position(|t| t.text(text) == word).unwrap();
    let span = |ty, first: &str, words| (ty, at(first), at(first) + words);
    let mut spans = vec![
        span(LOC, "St", 2),
        span(LOC, "Grauman", 1),
        span(MISC, "Egyptian", 1),
        span(LOC, "Mary", 1),
        span(ORG, "NASDAQ", 1),
        span(PER, "Trump", 1),
        span(LOC, "Central", 2),
        span(PER, "Smith", 1),
        span(PER, "Kim", 1),
        span(PER, "Jo", 1),
    ];
    super::join_possessive_venues(text, &tokens, &mut spans);
    let named: Vec<(u8, &str)> = spans
        .iter()
        .map(|&(ty, s, e)| (ty, &text[tokens[s].start..tokens[e - 1].end]))
        .collect();
    let expected = [
        (LOC, "St Paul's Cathedral"),
        (LOC, "Grauman's Egyptian Theatre"),
        // A hospital is a body; a market no venue; a named span after the
        // possessive; more than three words; a line break; a lowercase word.
        (LOC, "Mary"),
        (ORG, "NASDAQ"),
        (PER, "Trump"),
        (LOC, "Central Park"),
        (PER, "Smith"),
        (PER, "Kim"),
        (PER, "Jo"),
    ];
    assert_eq!(named, expected);
}

#[test]
fn a_place_takes_in_a_comma_and_a_word_the_gazetteer_names_it_with() {
    use crate::gazetteer::Gazetteer;
    use crate::labels::{LOC, MISC};
    let text = "Washington, D.C. and Seattle, Washington";
    let mut tokens = Vec::new();
    crate::tokenize::tokenize(text, &mut tokens);
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    assert_eq!(words[..3], ["Washington", ",", "D.C."]);
    let mut spans = vec![(LOC, 0, 1), (MISC, 2, 3), (LOC, 4, 5), (LOC, 6, 7)];
    super::join_split_places(text, &tokens, &mut spans, Gazetteer::bundled());
    assert_eq!(spans, [(LOC, 0, 3), (LOC, 4, 5), (LOC, 6, 7)]);
}

#[test]
fn washington_dc_among_states_stays_the_capital() {
    let x = Extractor::bundled().extract(
        "Trump issued a statement at his golf club outside Washington, D.C. \
         saying the election is far from over. Biden won Pennsylvania and \
         Nevada, and leads in Georgia and Arizona.",
    );
    assert!(
        x.locations.contains(&"Washington, D.C.".to_string()),
        "{:?}",
        x.locations
    );
    assert!(
        !x.locations.contains(&"Washington".to_string()),
        "{:?}",
        x.locations
    );
}

#[test]
fn a_body_takes_its_subject_after_on() {
    use crate::gazetteer::Gazetteer;
    use crate::labels::{LOC, ORG};
    let text = "the Council on Foreign Relations ; Select Committee on Economic Affairs ; \
                the Security Council on Tuesday ; the Security Council on Syria";
    let mut tokens = Vec::new();
    crate::tokenize::tokenize(text, &mut tokens);
    let at = |word: &str| tokens.iter().position(|t| t.text(text) == word).unwrap();
    let council = at("Council");
    let select = at("Select");
    let security = at("Security");
    let second = security
        + 1
        + tokens[security + 1..]
            .iter()
            .position(|t| t.text(text) == "Security")
            .unwrap();
    let mut spans = vec![
        (ORG, council, council + 1),
        (ORG, select, select + 2),
        (ORG, at("Economic"), at("Economic") + 2),
        (ORG, security, security + 2),
        (ORG, second, second + 2),
        (LOC, at("Syria"), at("Syria") + 1),
    ];
    let mut expected = spans.clone();
    expected[0] = (ORG, council, council + 4);
    expected[1] = (ORG, select, at("Affairs") + 1);
    expected.remove(2);
    crate::subjects::join_subjects_after_on(text, &tokens, &mut spans, Gazetteer::bundled());
    assert_eq!(spans, expected);
}

#[test]
fn a_field_or_plant_named_before_its_kind_is_one_place() {
    use crate::joins::tests::mended;
    use crate::labels::{LOC, ORG, PER};
    let text = "Drones hit the Khurais oil field. Work on the Johan Sverdrup oil field, \
                the Tartus power plant and North Sea oil field stopped.";
    let tagged = [
        (ORG, "Khurais"),
        (PER, "Johan Sverdrup"),
        (LOC, "Tartus"),
        (LOC, "North Sea"),
    ];
    let want = [
        (LOC, "Khurais oil field"),
        (LOC, "Johan Sverdrup oil field"),
        (LOC, "Tartus"),
        (LOC, "North Sea"),
    ];
    let want: Vec<_> = want.iter().map(|&(t, n)| (t, n.to_string())).collect();
    assert_eq!(mended(text, &tagged), want);
}

#[test]
fn a_demonym_after_the_leads_its_body() {
    use crate::gazetteer::Gazetteer;
    use crate::labels::{MISC, ORG};
    let orgs = |text: &str| Extractor::bundled().extract(text).organizations;
    assert_eq!(
        orgs("The Syrian Observatory for Human Rights said 40 died."),
        ["Syrian Observatory for Human Rights"]
    );
    assert_eq!(
        orgs("The Russian Defence Ministry said on Tuesday that drones were shot down."),
        ["Russian Defence Ministry"]
    );
    // Not without "the", nor before an acronym.
    assert_eq!(orgs("Russian Gazprom cut supplies."), ["Gazprom"]);
    let text = "the Guatemalan ICO delegate said";
    let mut tokens = Vec::new();
    crate::tokenize::tokenize(text, &mut tokens);
    let mut spans = vec![(MISC, 1, 2), (ORG, 2, 3)];
    super::join_country_led_organizations(text, &tokens, &mut spans, Gazetteer::bundled());
    assert_eq!(spans, [(MISC, 1, 2), (ORG, 2, 3)]);
}
