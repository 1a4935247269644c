//! Tests of `organizations`: linking an article's organization mentions.

use super::super::tests::mentions_of;
use super::super::*;

#[test]
fn acronyms_link_to_long_forms() {
    use EntityKind::*;
    let text = "NATO and the North Atlantic Treaty Organization met; \
                the Islamic State of Iraq and the Levant; ISIL. UN.";
    let ms = mentions_of(
        text,
        &[
            (Organization, "NATO"),
            (Organization, "North Atlantic Treaty Organization"),
            (Organization, "Islamic State of Iraq and the Levant"),
            (Organization, "ISIL"),
            (Organization, "UN"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(
        c.organizations,
        [
            "North Atlantic Treaty Organization",
            "Islamic State of Iraq and the Levant",
            "UN"
        ]
    );
}

#[test]
fn short_forms_fold_into_the_one_long_form() {
    use EntityKind::*;
    let text = "Kelley Oil and Gas Partners Ltd said Kelley would sell. \
                Hayat Tahrir al-Sham; Tahrir al-Sham. Levant Wire; Wire. \
                University of California, San Diego and University of California, \
                Los Angeles; University of California. Senate Armed Services Committee; \
                Senate. The United Nations Security Council; the United Nations.";
    let ms = mentions_of(
        text,
        &[
            (Organization, "Kelley Oil and Gas Partners Ltd"),
            (Organization, "Kelley"),
            (Organization, "Hayat Tahrir al-Sham"),
            (Organization, "Tahrir al-Sham"),
            (Organization, "Levant Wire"),
            (Organization, "Wire"),
            (Organization, "University of California, San Diego"),
            (Organization, "University of California, Los Angeles"),
            (Organization, "University of California"),
            (Organization, "Senate Armed Services Committee"),
            (Organization, "Senate"),
            (Organization, "United Nations Security Council"),
            (Organization, "United Nations"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(
        c.organizations,
        [
            "Kelley Oil and Gas Partners Ltd",
            "Hayat Tahrir al-Sham",
            "Levant Wire",
            "University of California, San Diego",
            "University of California, Los Angeles",
            "University of California",
            "Senate Armed Services Committee",
            "Senate",
            "United Nations Security Council",
            "United Nations"
        ]
    );
}

#[test]
fn parties_lose_their_country_and_keep_apart_from_their_branches() {
    use EntityKind::*;
    let text = "The US Libertarian Party met the Federal Reserve Board Vice Chairman. \
                The U.S. Constitution Party and the Constitution Party of Florida; \
                Constitution. The Prohibition Party and the Prohibition Party of \
                Illinois. The UK Independence Party and Mitsui Trust Finance.";
    let ms = mentions_of(
        text,
        &[
            (Organization, "US Libertarian Party"),
            (Organization, "Federal Reserve Board Vice"),
            (Organization, "U.S. Constitution Party"),
            (Organization, "Constitution Party of Florida"),
            (Organization, "Constitution"),
            (Organization, "Prohibition Party"),
            (Organization, "Prohibition Party of Illinois"),
            (Organization, "UK Independence Party"),
            (Organization, "Mitsui Trust Finance"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(
        c.organizations,
        [
            "Libertarian Party",
            "Federal Reserve Board",
            "Constitution Party",
            "Constitution Party of Florida",
            "Prohibition Party",
            "Prohibition Party of Illinois",
            "UK Independence Party",
            "Mitsui Trust Finance",
        ]
    );
}

#[test]
fn country_acronyms_in_names_are_one_organization() {
    use EntityKind::*;
    let text = "The 116th United States Congress met. The U.S. Congress voted and \
                Congress adjourned. The US Army and the U.S. Army left.";
    let ms = mentions_of(
        text,
        &[
            (Organization, "United States Congress"),
            (Organization, "U.S. Congress"),
            (Organization, "Congress"),
            (Organization, "US Army"),
            (Organization, "U.S. Army"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(c.organizations, ["United States Congress", "US Army"]);
}

#[test]
fn the_fed_and_the_us_federal_reserve_are_the_federal_reserve() {
    use EntityKind::*;
    let text = "The Fed cut rates. The US Federal Reserve and the Federal Reserve Bank of \
                New York agreed; the Federal Reserve said so.";
    let ms = mentions_of(
        text,
        &[
            (Organization, "Fed"),
            (Organization, "US Federal Reserve"),
            (Organization, "Federal Reserve Bank of New York"),
            (Organization, "Federal Reserve"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(
        c.organizations,
        ["US Federal Reserve", "Federal Reserve Bank of New York"]
    );
    let alone = "The Fed cut rates.";
    let c = canonicalize(
        alone,
        &mentions_of(alone, &[(Organization, "Fed")]),
        Gazetteer::bundled(),
    );
    assert_eq!(c.organizations, ["Fed"]);
}

#[test]
fn a_ticker_in_parentheses_is_the_company() {
    use EntityKind::*;
    let text = "Shares of Tesla (TSLA) rose; TSLA is up. Apple Inc. (NASDAQ: AAPL) fell. \
                Banque Internationale a Luxembourg SA (BIL) led.";
    let ms = mentions_of(
        text,
        &[
            (Organization, "Tesla"),
            (Organization, "TSLA"),
            (Organization, "Apple Inc."),
            (Organization, "AAPL"),
            (Organization, "Banque Internationale"),
            (Location, "Luxembourg"),
            (Organization, "SA"),
            (Organization, "BIL"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    // "SA", a piece of a longer name, is no long form of "BIL".
    assert_eq!(
        c.organizations,
        ["Tesla", "Apple Inc", "Banque Internationale", "SA", "BIL"]
    );
}

#[test]
fn initials_in_mixed_case_in_parentheses_are_a_short_form() {
    use EntityKind::*;
    let text = "Alternative for Germany (AfD) leads. The AfD said so. \
                Merrill Lynch (Europe) said so.";
    let ms = mentions_of(
        text,
        &[
            (Organization, "Alternative for Germany"),
            (Organization, "AfD"),
            (Organization, "AfD"),
            (Organization, "Merrill Lynch"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(
        c.organizations,
        ["Alternative for Germany", "Merrill Lynch"]
    );
    assert!(super::is_mixed_case_acronym("FPÖ") && super::is_mixed_case_acronym("PiS"));
    assert!(!super::is_mixed_case_acronym("Europe") && !super::is_mixed_case_acronym("McDo"));
}
