//! Tests of `context`: the cues read around mentions, through `canonicalize`.

use super::super::tests::{m, mentions_of};
use super::super::*;

#[test]
fn context_moves_persons_and_places_to_organizations() {
    use EntityKind::*;
    let text = "\"It is smaller,\" said Ingrid Solberg of Orbis Geospatial. \
                Lina Farouk, of Levant Strategy, agreed. The law firm Sidley Austin \
                and UpGuard, a cybersecurity firm, said so. Marco Rubio of Florida too. \
                An intelligence firm, Meridian Geo, agreed; Joaquin Ferran, a former club \
                player, did not. Thames Water, Britain's biggest water company, and Ofwat, \
                the regulator, agreed; Ed Smith, the company's founder, did not.";
    let ms = mentions_of(
        text,
        &[
            (Person, "Ingrid Solberg"),
            (Person, "Orbis Geospatial"),
            (Person, "Lina Farouk"),
            (Location, "Levant Strategy"),
            (Person, "Sidley Austin"),
            (Person, "UpGuard"),
            (Person, "Marco Rubio"),
            (Location, "Florida"),
            (Person, "Meridian Geo"),
            (Person, "Joaquin Ferran"),
            (Person, "Thames Water"),
            (Person, "Ofwat"),
            (Person, "Ed Smith"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(
        c.persons,
        [
            "Ingrid Solberg",
            "Lina Farouk",
            "Marco Rubio",
            "Joaquin Ferran",
            "Ed Smith"
        ]
    );
    assert_eq!(
        c.organizations,
        [
            "Orbis Geospatial",
            "Levant Strategy",
            "Sidley Austin",
            "UpGuard",
            "Meridian Geo",
            "Thames Water",
            "Ofwat"
        ]
    );
    assert_eq!(c.locations, ["Florida"]);
}

#[test]
fn works_vessels_and_characters_name_nothing() {
    use EntityKind::*;
    let text = "Ben Affleck made the film Argo. The ship MV Namse Bangdzod vanished. \
                She wore a Hellboy character Abe Sapien costume. U.S.S. Grayback sank; \
                Grayback was found.";
    let ms = mentions_of(
        text,
        &[
            (Person, "Ben Affleck"),
            (Person, "Argo"),
            (Person, "U.S.S. Grayback"),
            (Person, "Grayback"),
            (Organization, "MV Namse Bangdzod"),
            (Organization, "Hellboy"),
            (Person, "Abe Sapien"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(c.persons, ["Ben Affleck"]);
    assert_eq!(c.organizations, ["Hellboy"]);
}

#[test]
fn a_work_named_once_is_a_work_where_the_tagger_missed_that_once() {
    use EntityKind::*;
    let text = "MV Alan Kurdi and cargo ship Namse Bangdzod\n\
                The Namse Bangdzod vanished. Alan, a boy, drowned.";
    let ms = mentions_of(text, &[(Person, "Namse Bangdzod"), (Person, "Alan")]);
    // Only the mentions after the headline: the tagger missed those.
    let ms: Vec<_> = ms.into_iter().filter(|m| m.start > 45).collect();
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(c.persons, ["Alan"]);
}

#[test]
fn a_person_noun_makes_a_person_and_the_surname_follows() {
    use EntityKind::*;
    let text = "A bomb killed photojournalist Ziad al-Sharabi; incumbent Prayuth \
                Chan-o-cha spoke, and Chan-o-cha left. Striker Arsenal FC won; \
                the minister Bank of England did not. 20-year-old Tiger Woods \
                shot 67; a 20-year-old Air Force pilot died.";
    let ms = mentions_of(
        text,
        &[
            (Organization, "Ziad al-Sharabi"),
            (Organization, "Prayuth Chan-o-cha"),
            (Organization, "Chan-o-cha"),
            (Organization, "Arsenal FC"),
            (Organization, "Bank of England"),
            (Organization, "Tiger Woods"),
            (Organization, "Air Force"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(
        c.persons,
        ["Ziad al-Sharabi", "Prayuth Chan-o-cha", "Tiger Woods"]
    );
    assert_eq!(
        c.organizations,
        ["Arsenal FC", "Bank of England", "Air Force"]
    );
}

#[test]
fn a_capital_the_inside_a_sentence_starts_a_publication() {
    use EntityKind::*;
    let text = "Ford told The Verge so, according to The Atlantic. The Hague \
                agreed. England batted at The Oval. Ties with The Soviet Union.";
    let ms = mentions_of(
        text,
        &[
            (Location, "The Verge"),
            (Location, "Atlantic"),
            (Location, "The Hague"),
            (Location, "The Oval"),
            (Location, "The Soviet Union"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(c.organizations, ["Verge", "Atlantic"]);
    assert_eq!(c.locations, ["The Hague", "Oval", "Soviet Union"]);
}

#[test]
fn an_organization_less_its_organization_word_is_that_organization() {
    use EntityKind::*;
    let ms = [
        m(Organization, "Thai Raksa Chart Party"),
        m(Location, "Thai Raksa Chart"),
        m(Organization, "Florida Highway Patrol"),
        m(Organization, "Florida Police"),
        m(Location, "Florida"),
        m(Location, "Armed Forces"),
        m(Organization, "Chrysler Corp"),
        m(Person, "CHRYSLER"),
        m(Organization, "Dayton Hudson Corp"),
        m(Person, "Dayton Hudson"),
        m(Person, "Hudson"),
        m(Person, "Rock Hudson"),
        m(Person, "Dayton"),
    ];
    let c = canonicalize("", &ms, Gazetteer::bundled());
    assert_eq!(c.locations, ["Florida"]);
    // "Hudson" stays with Rock Hudson; "Dayton" goes with the retailer.
    assert_eq!(c.persons, ["Rock Hudson"]);
    assert_eq!(
        c.organizations,
        [
            "Thai Raksa Chart Party",
            "Florida Highway Patrol",
            "Florida Police",
            "Armed Forces",
            "Chrysler Corp",
            "Dayton Hudson Corp"
        ]
    );
}

#[test]
fn a_description_headed_by_a_person_noun_and_a_middle_initial_keep_persons() {
    use EntityKind::*;
    let text = "Greenspan replaces Paul Volcker, a spokesman for the bank said. \
                The stake went to publisher Lewis D. Whitehead. Volcker left.";
    let ms = mentions_of(
        text,
        &[
            (Person, "Greenspan"),
            (Person, "Paul Volcker"),
            (Person, "Lewis D. Whitehead"),
            (Person, "Volcker"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(
        c.persons,
        ["Greenspan", "Paul Volcker", "Lewis D. Whitehead"]
    );
    assert!(c.organizations.is_empty(), "{c:?}");
}

#[test]
fn what_people_are_called_makes_places_persons() {
    use EntityKind::*;
    let text = "Trump, his wife Melania and the rapper Kanye West met the composer \
                Mozart's heirs in Vienna, near the Danube.";
    let ms = mentions_of(
        text,
        &[
            (Person, "Trump"),
            (Location, "Melania"),
            (Location, "Kanye West"),
            (Location, "Mozart"),
            (Location, "Vienna"),
            (Location, "Danube"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(c.persons, ["Trump", "Melania", "Kanye West", "Mozart"]);
    assert_eq!(c.locations, ["Vienna", "Danube"]);
}

#[test]
fn who_after_a_place_makes_a_person_and_a_tribe_an_organization() {
    use EntityKind::*;
    let text = "She led the campaign of Viktar Babaryka, who was arrested in Minsk,                 which is the capital. The Eastern Shoshone Tribe, who share the land, agreed.";
    let ms = mentions_of(
        text,
        &[
            (Location, "Viktar Babaryka"),
            (Location, "Minsk"),
            (Location, "Eastern Shoshone Tribe"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(c.persons, ["Viktar Babaryka"]);
    assert_eq!(c.locations, ["Minsk"]);
    assert_eq!(c.organizations, ["Eastern Shoshone Tribe"]);
}

#[test]
fn a_railway_is_an_organization() {
    use EntityKind::*;
    let text = "The crew ran the train for South Western Railway from Mysuru. \
                Shares of Penn Central Railroad rose.";
    let ms = mentions_of(
        text,
        &[
            (Location, "South Western Railway"),
            (Location, "Mysuru"),
            (Location, "Penn Central Railroad"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(c.locations, ["Mysuru"]);
    assert_eq!(
        c.organizations,
        ["South Western Railway", "Penn Central Railroad"]
    );
}

#[test]
fn a_trade_after_a_founders_name_makes_an_organization() {
    use EntityKind::*;
    let text = "Hughes Tool said Howard Hughes founded it. Murphy Oil and Perkins \
                Engines agreed; Dome Petroleum said Dome would sell.";
    let ms = mentions_of(
        text,
        &[
            (Person, "Hughes Tool"),
            (Person, "Howard Hughes"),
            (Person, "Murphy Oil"),
            (Person, "Perkins Engines"),
            (Organization, "Dome Petroleum"),
            (Person, "Dome"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(c.persons, ["Howard Hughes"]);
    assert_eq!(
        c.organizations,
        [
            "Hughes Tool",
            "Murphy Oil",
            "Perkins Engines",
            "Dome Petroleum"
        ]
    );
}

#[test]
fn a_speaker_label_names_a_person() {
    use EntityKind::*;
    let text = "((Wikinews))  What is Minetest?\n\n((Perttu Ahola))  A game.\n\n\
                ((WSS))  Why?\n\n((Perttu Ahola))  For fun.";
    let ms = mentions_of(
        text,
        &[
            (Organization, "Wikinews"),
            (Organization, "Perttu Ahola"),
            (Organization, "WSS"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(c.persons, ["Perttu Ahola"]);
    // The interviewer's initials name nothing.
    assert_eq!(c.organizations, ["Wikinews"]);
}

#[test]
fn an_acronym_the_gazetteer_lacks_is_an_organization() {
    use EntityKind::*;
    let text = "Ballots sent by the USPS from Buffalo, NY reached the USSR.\nKINNEAR, Wyo.";
    let ms = mentions_of(
        text,
        &[
            (Location, "USPS"),
            (Location, "Buffalo"),
            (Location, "NY"),
            (Location, "USSR"),
            (Location, "KINNEAR"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(c.organizations, ["USPS"]);
    // "NY" after Buffalo is the state; "USSR" the Soviet Union, a feature.
    let places = ["Buffalo", "New York", "Soviet Union", "KINNEAR"];
    assert_eq!(c.locations, places);
}

#[test]
fn a_head_word_first_makes_an_organization() {
    use EntityKind::*;
    let text = "Grupo Financiero Altiplano said so; Banque Gutzwiller agreed. \
                Banco de la Republica too, and the Institut Merieux. Kataeb \
                Hezbollah fired; Akhil Bharat Hindu Mahasabha met; Rashtriya Janata Dal lost.";
    let ms = mentions_of(
        text,
        &[
            (Location, "Grupo Financiero Altiplano"),
            (Person, "Banque Gutzwiller"),
            (Location, "Banco de la Republica"),
            (Person, "Institut Merieux"),
            (Person, "Kataeb Hezbollah"),
            (Person, "Akhil Bharat Hindu Mahasabha"),
            (Person, "Rashtriya Janata Dal"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert!(c.locations.is_empty() && c.persons.is_empty(), "{c:?}");
    assert_eq!(
        c.organizations,
        [
            "Grupo Financiero Altiplano",
            "Banque Gutzwiller",
            "Banco de la Republica",
            "Institut Merieux",
            "Kataeb Hezbollah",
            "Akhil Bharat Hindu Mahasabha",
            "Rashtriya Janata Dal",
        ]
    );
}

#[test]
fn a_short_form_in_parentheses_names_the_organization_everywhere() {
    use EntityKind::*;
    let text = "The Philippine Institute of Volcanology and Seismology (Phivolcs) \
                said so. Phivolcs reported a magnitude of 5.5; Phivolcs said more. The African \
                Development Bank (ADB) lent. ADB said. Merrill Lynch (Europe) \
                opened an office in Europe.";
    let mut ms = mentions_of(
        text,
        &[
            (
                Organization,
                "Philippine Institute of Volcanology and Seismology",
            ),
            (Organization, "Phivolcs"),
            (Organization, "African Development Bank"),
            (Location, "ADB"),
            (Organization, "Merrill Lynch"),
            (Location, "Europe"),
        ],
    );
    // The tagger took the later two for a person.
    ms.sort_by_key(|m| m.start);
    for m in ms.iter_mut().filter(|m| m.text == "Phivolcs").skip(1) {
        m.kind = Person;
    }
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert!(c.persons.is_empty(), "{:?}", c.persons);
    assert_eq!(
        c.organizations,
        [
            "Philippine Institute of Volcanology and Seismology",
            "African Development Bank",
            "Merrill Lynch"
        ]
    );
    assert_eq!(c.locations, ["Europe"]);
}

#[test]
fn a_persons_title_or_an_administration_makes_one_word_a_person() {
    use EntityKind::*;
    let text = "President Volcker met Dr. Ing. H.C.F. Porsche AG. The Shultz administration \
                and the PSD administration agreed, as did Mr. CreepyPasta.";
    let ms = mentions_of(
        text,
        &[
            (Organization, "Volcker"),
            (Organization, "Ing"),
            (Organization, "Shultz"),
            (Organization, "PSD"),
            (Organization, "CreepyPasta"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(c.persons, ["Volcker", "Shultz"]);
    assert_eq!(c.organizations, ["Ing", "PSD", "CreepyPasta"]);
}

#[test]
fn a_title_or_an_administration_outweighs_a_small_town_and_carries_the_name() {
    use EntityKind::*;
    // Obama is also a town of 29,000 in Japan; Washington a state. The
    // tagger's third "Obama", a person, is outvoted by the two
    // organizations before the cue is read.
    let text = "The Obama administration agreed. It was criticized by the Obama \
                administration. \"It is late,\" Obama said. The Washington administration \
                did not.";
    let kinds = [Organization, Organization, Person];
    let mut ms: Vec<Mention> = text
        .match_indices("Obama")
        .zip(kinds)
        .map(|((b, name), kind)| {
            let start = text[..b].chars().count();
            let end = start + name.len();
            Mention {
                kind,
                text: name.to_owned(),
                start,
                end,
            }
        })
        .collect();
    ms.extend(mentions_of(text, &[(Organization, "Washington")]));
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(c.kinds[..3], [Some(Person); 3]);
    assert_eq!(c.persons, ["Obama"]);
    // A title or an administration does not outweigh a state.
    assert_eq!(c.organizations, ["Washington"]);
}

#[test]
fn a_name_something_is_published_in_is_a_journal() {
    let text = "Findings published on Wednesday in Science Advances and a book \
                published in Berlin.";
    let ms = mentions_of(
        text,
        &[
            (EntityKind::Location, "Science Advances"),
            (EntityKind::Location, "Berlin"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(c.organizations, ["Science Advances"]);
    // A place the gazetteer knows stays one.
    assert_eq!(c.locations, ["Berlin"]);
}

#[test]
fn only_companies_have_shares() {
    use EntityKind::*;
    let text = "Shares of Charles Schwab rose, and shares of Warren Buffett's Berkshire \
                Hathaway fell, as did shares of Harper and Row Publishers; participation \
                shares in West Germany.";
    let ms = mentions_of(
        text,
        &[
            (Person, "Charles Schwab"),
            (Person, "Warren Buffett"),
            (Organization, "Berkshire Hathaway"),
            (Person, "Harper"),
            (Organization, "Row Publishers"),
            (Location, "West Germany"),
        ],
    );
    let c = canonicalize(text, &ms, Gazetteer::bundled());
    assert_eq!(c.persons, ["Warren Buffett", "Harper"]);
    assert_eq!(
        c.organizations,
        ["Charles Schwab", "Berkshire Hathaway", "Row Publishers"]
    );
    assert_eq!(c.locations, ["West Germany"]);
}
