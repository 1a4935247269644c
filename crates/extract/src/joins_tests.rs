//! Tests of `joins`: the span repairs, through the whole extractor, and
//! on given spans where the bundled tagger no longer makes the mistake a
//! repair mends (another model may).

use crate::gazetteer::Gazetteer;
use crate::labels::{LOC, MISC, ORG, PER};
use crate::tagger::Weights;
use crate::tokenize::tokenize;
use crate::{EntityKind, Extractor};

/// The spans [`super::mend_spans`] makes of `tagged`, each a type and the
/// text of a span of `text` (found in order), as (type, text) pairs.
pub(crate) fn mended(text: &str, tagged: &[(u8, &str)]) -> Vec<(u8, String)> {
    let mut tokens = Vec::new();
    tokenize(text, &mut tokens);
    let mut from = 0;
    let mut spans: Vec<super::Span> = tagged
        .iter()
        .map(|&(ty, name)| {
            let at = from + text[from..].find(name).expect("span text is in the text");
            from = at + name.len();
            let s = tokens
                .iter()
                .position(|t| t.start == at)
                .expect("span starts a token");
            let e = tokens
                .iter()
                .position(|t| t.end == from)
                .expect("span ends a token");
            (ty, s, e + 1)
        })
        .collect();
    let model = Extractor::bundled().model().expect("bundled model");
    super::mend_spans(
        text,
        &tokens,
        &mut spans,
        model.case_lexicon(),
        Gazetteer::bundled(),
    );
    spans
        .iter()
        .map(|&(ty, s, e)| (ty, text[tokens[s].start..tokens[e - 1].end].to_string()))
        .collect()
}

#[test]
fn a_university_and_its_campus_are_one_name() {
    let text = "Walter Munk's death was announced by the University of California, \
                San Diego. He had lived in San Diego, California.";
    let x = Extractor::bundled().extract(text);
    let orgs: Vec<_> = x
        .mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Organization)
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(orgs, ["University of California, San Diego"]);
    assert!(x.locations.iter().any(|l| l == "San Diego"));
}

#[test]
fn names_with_and_are_one_name() {
    let text = "Troops from Bosnia and Herzegovina and Trinidad and Tobago joined. \
                The Islamic State of Iraq and the Levant claimed it; Iraq and Syria \
                denied it.";
    let x = Extractor::bundled().extract(text);
    assert_eq!(
        x.locations,
        [
            "Bosnia and Herzegovina",
            "Trinidad and Tobago",
            "Iraq",
            "Syria"
        ]
    );
    assert_eq!(x.organizations, ["Islamic State of Iraq and the Levant"]);
    let x = Extractor::bundled().extract(
        "The quake hit the Autonomous Region in Muslim Mindanao. Voters in the District of \
         Columbia and the Isle of Man agreed. Image: Voice of America.",
    );
    assert_eq!(
        x.locations,
        [
            "Autonomous Region in Muslim Mindanao",
            // The capital's other name (see the gazetteer's news names).
            "Washington, D.C.",
            "Isle of Man"
        ],
        "{:?}",
        x.mentions
    );
    assert_eq!(x.organizations, ["Voice of America"], "{:?}", x.mentions);
    let x = Extractor::bundled()
        .extract("The union grapples with conflicts in the eastern Democratic Republic of Congo.");
    assert_eq!(
        x.locations,
        ["Democratic Republic of the Congo"],
        "{:?}",
        x.mentions
    );
    assert!(
        x.persons.is_empty() && x.organizations.is_empty(),
        "{:?}",
        x.mentions
    );
    let x = Extractor::bundled()
        .extract("Ratings\nStandard and Poor's Corp said it downgraded the bank's debt.");
    assert_eq!(
        x.organizations,
        ["Standard and Poor's Corp"],
        "{:?}",
        x.mentions
    );
    let x = Extractor::bundled()
        .extract("Trade\nMinisters met under the General Agreement on Tariffs and Trade.");
    assert_eq!(
        x.organizations,
        ["General Agreement on Tariffs and Trade"],
        "{:?}",
        x.mentions
    );
}

#[test]
fn regions_with_a_lowercase_word_are_one_place() {
    let x = Extractor::bundled().extract(
        "Rain slowed the harvest in southern Mato Grosso do Sul, while dry weather \
         prevailed in Minas Gerais and the Valle del Cauca.",
    );
    assert_eq!(
        x.locations,
        ["Mato Grosso do Sul", "Minas Gerais", "Valle del Cauca"],
        "{:?}",
        x.mentions
    );
    assert!(x.persons.is_empty(), "{:?}", x.mentions);
}

#[test]
fn big_cities_with_a_lowercase_word_are_one_place() {
    // The tagger reads "Dar", a town in Cambodia.
    let x = Extractor::bundled()
        .extract("TRC runs a rail network linking Dar es Salaam and the northern port of Tanga.");
    assert_eq!(x.locations, ["Dar es Salaam", "Tanga"], "{:?}", x.mentions);
    let x = Extractor::bundled().extract("Police in Newcastle upon Tyne arrested a man.");
    assert_eq!(x.locations, ["Newcastle upon Tyne"], "{:?}", x.mentions);
    // GeoNames' "University of Texas", a place of 53,000, is the body.
    let x = Extractor::bundled().extract("He teaches at the University of Texas in Austin.");
    assert_eq!(x.organizations, ["University of Texas"], "{:?}", x.mentions);
    // A longer name around the city's stays the tagger's.
    let text = "The Rio de Janeiro Coffee Trade Association met on Monday.";
    assert_eq!(
        mended(text, &[(ORG, "Rio de Janeiro Coffee Trade Association")]),
        [(ORG, "Rio de Janeiro Coffee Trade Association".to_string())]
    );
    assert_eq!(
        mended(text, &[(LOC, "Rio")]),
        [(LOC, "Rio de Janeiro".to_string())]
    );
}

#[test]
fn person_names_cut_at_a_particle_are_joined() {
    let text = "The general manager, Dr Ali bin Tamim, blamed rebels, stated \
                Minister Moammar al-Eryani. The militant group Hayat Tahrir al-Sham \
                denied it.";
    let found = mended(
        text,
        &[
            (PER, "Dr Ali"),
            (ORG, "al-Eryani"),
            (ORG, "Hayat Tahrir al-Sham"),
        ],
    );
    let expected = [
        (PER, "Dr Ali bin Tamim"),
        (PER, "Moammar al-Eryani"),
        (ORG, "Hayat Tahrir al-Sham"),
    ];
    assert_eq!(found, expected.map(|(t, s)| (t, s.to_string())));
    let text = "Oil minister Sheikh Ali Khalifa al-Sabah met Prince Abdullah bin \
                Abdul Aziz, Pedro Ferraz da Costa and Andre Correa do Lago in Riyadh.";
    let x = Extractor::bundled().extract(text);
    assert_eq!(
        x.persons,
        [
            "Ali Khalifa al-Sabah",
            "Abdullah bin Abdul Aziz",
            "Pedro Ferraz da Costa",
            "Andre Correa do Lago"
        ]
    );
}

#[test]
fn roads_are_places_with_their_numbers() {
    let text = "On Friday, on Route 2 in Randolph, a truck hit them. The driver \
                crossed the line on U.S. Route 2 near Interstate 75. Route officials \
                and Florida Highway Patrol said so.";
    let x = Extractor::bundled().extract(text);
    assert_eq!(
        x.locations,
        ["U.S. Route 2", "Randolph", "Interstate 75"],
        "{:?}",
        x.mentions
    );
    assert_eq!(x.organizations, ["Florida Highway Patrol"]);
}

#[test]
fn foreign_streets_are_places() {
    let text = "The procession went along Rue des Soubirous and Rue du Château du \
                Roi to Place Hélène Metges. Place Hélène Metges was full. The \
                police headquarters at 36 Quai des Orfèvres are famed.";
    let x = Extractor::bundled().extract(text);
    assert_eq!(
        x.locations,
        [
            "Rue des Soubirous",
            "Rue du Château du Roi",
            "Place Hélène Metges"
        ],
        "{:?}",
        x.mentions
    );
    assert!(x.persons.is_empty(), "{:?}", x.persons);
}

#[test]
fn the_genus_of_a_species_is_no_entity() {
    let text = "Male Magellanic penguins, Spheniscus magellanicus, outnumber females. \
                The great white shark (Carcharodon carcharias) left. Algeria bought \
                U.S. durum wheat; Hamas status rose.";
    let x = Extractor::bundled().extract(text);
    let names: Vec<&str> = x.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(
        !names.contains(&"Spheniscus") && !names.contains(&"Carcharodon"),
        "{names:?}"
    );
    assert!(
        names.contains(&"U.S.") && names.contains(&"Hamas"),
        "{names:?}"
    );
}

#[test]
fn airlines_keep_their_air() {
    let x = Extractor::bundled()
        .extract("Germany banned Iranian airline Mahan Air. Mahan has been under sanctions.");
    assert_eq!(x.organizations, ["Mahan Air"], "{:?}", x.mentions);
}

#[test]
fn a_regnal_title_joins_the_name_it_precedes() {
    let text = "Johnson asked Queen Elizabeth II and King Charles III; Prince William and \
                Queen Rania Al Abdullah came.";
    let tagged = [
        (PER, "Johnson"),
        (PER, "Elizabeth II"),
        (PER, "Charles III"),
        (PER, "William"),
        (PER, "Rania Al Abdullah"),
    ];
    let names: Vec<String> = mended(text, &tagged).into_iter().map(|(_, n)| n).collect();
    assert_eq!(
        names,
        [
            "Johnson",
            "Queen Elizabeth II",
            "King Charles III",
            "William",
            "Rania Al Abdullah"
        ]
    );
}

#[test]
fn a_person_takes_the_particled_surname_after_it() {
    let text = "Valéry Giscard d’Estaing met Jean d'Alembert and Ali al-Sabah; Paris d'abord.";
    let tagged = [
        (PER, "Valéry Giscard"),
        (PER, "Jean"),
        (PER, "Ali"),
        (PER, "Paris"),
    ];
    let names: Vec<String> = mended(text, &tagged).into_iter().map(|(_, n)| n).collect();
    assert_eq!(
        names,
        [
            "Valéry Giscard d’Estaing",
            "Jean d'Alembert",
            "Ali al-Sabah",
            "Paris"
        ]
    );
}

#[test]
fn brackets_at_the_edges_of_a_name_are_cut_off() {
    let text = "It would happen [...] Lava does not. Jerry [O'Connell] came (";
    let tagged = [(PER, "] Lava"), (PER, "Jerry [O'Connell]"), (PER, "came (")];
    let names: Vec<String> = mended(text, &tagged).into_iter().map(|(_, n)| n).collect();
    assert_eq!(names, ["Lava", "Jerry [O'Connell]", "came"]);
}

#[test]
fn dashes_at_the_edges_of_a_name_are_cut_off() {
    let text = "Officials said Merkel \u{2014} the chancellor \u{2014} met him at City Hall \u{2013} here.";
    let tagged = [(PER, "Merkel \u{2014}"), (LOC, "City Hall \u{2013}")];
    let names: Vec<String> = mended(text, &tagged).into_iter().map(|(_, n)| n).collect();
    assert_eq!(names, ["Merkel", "City Hall"]);
    let mentions = Extractor::bundled().mentions(text);
    assert!(mentions.iter().any(|m| m.text == "Merkel"), "{mentions:?}");
}

#[test]
fn months_at_the_edges_of_a_body_or_place_are_cut_off() {
    let text = "The August Chicago NAPM rose. The Chicago Purchasing Managers August index \
                fell. May Department Stores Co said Jan Kroslak won. JUN 30 end.";
    let tagged = [
        (ORG, "August Chicago NAPM"),
        (ORG, "Chicago Purchasing Managers August"),
        (ORG, "May Department Stores Co"),
        (PER, "Jan Kroslak"),
        (ORG, "JUN"),
    ];
    assert_eq!(
        mended(text, &tagged),
        [
            (ORG, "Chicago NAPM".to_string()),
            (ORG, "Chicago Purchasing Managers".to_string()),
            (ORG, "May Department Stores Co".to_string()),
            (PER, "Jan Kroslak".to_string()),
        ]
    );
    let text = "The January Supreme Court ruling angered activists in Texas.";
    let mentions = Extractor::bundled().mentions(text);
    assert!(
        mentions.iter().any(|m| m.text == "Supreme Court"),
        "{mentions:?}"
    );
}

#[test]
fn a_feature_named_with_its_kind_word_is_one_place() {
    let text = "He crossed the English Channel, the Gulf of Mexico and the Strait of \
                Hormuz. English Channel Tunnel Group shares fell.";
    let tagged = [
        (MISC, "English"),
        (ORG, "Gulf"),
        (LOC, "Mexico"),
        (LOC, "Hormuz"),
        (ORG, "English Channel Tunnel Group"),
    ];
    assert_eq!(
        mended(text, &tagged),
        [
            (LOC, "English Channel".to_string()),
            (LOC, "Gulf of Mexico".to_string()),
            (LOC, "Strait of Hormuz".to_string()),
            (ORG, "English Channel Tunnel Group".to_string()),
        ]
    );
}

#[test]
fn two_names_side_by_side_after_a_title_are_one_person() {
    let text = "Rep. Alexandria Ocasio-Cortez spoke; Mayor London Breed agreed.";
    let tagged = [
        (LOC, "Alexandria"),
        (LOC, "Ocasio-Cortez"),
        (LOC, "London"),
        (PER, "Breed"),
    ];
    assert_eq!(
        mended(text, &tagged),
        [
            (PER, "Alexandria Ocasio-Cortez".to_string()),
            (PER, "London Breed".to_string())
        ]
    );
    // After an abbreviated title only people bear, whatever the tagger said.
    let text = "Rep. Alexandria Ocasio-Cortez spoke; Gov. Kathy Hochul agreed.";
    let tagged = [(ORG, "Alexandria Ocasio-Cortez"), (LOC, "Kathy Hochul")];
    assert_eq!(
        mended(text, &tagged),
        [
            (PER, "Alexandria Ocasio-Cortez".to_string()),
            (PER, "Kathy Hochul".to_string())
        ]
    );
    // A month before a name after a title is the given name.
    let text = "Judge April Perry ruled; in May Smith spoke.";
    let tagged = [(PER, "Perry"), (PER, "Smith")];
    assert_eq!(
        mended(text, &tagged),
        [(PER, "April Perry".to_string()), (PER, "Smith".to_string())]
    );
    // Not across a line: a headline's last word is no title.
    let text = "FED CHAIRMAN\nSenate Republican leaders met.";
    let tagged = [(ORG, "Senate"), (MISC, "Republican")];
    assert_eq!(mended(text, &tagged).len(), 2);
}
