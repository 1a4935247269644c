//! Tests of `full_names`: full names found from their surnames, and
//! one-word persons that are no names dropped.

use crate::canonical::tests::mentions_of;
use crate::tagger::Weights;
use crate::EntityKind::Person;
use crate::Extractor;

fn with_full_names(text: &str, surnames: &[&str]) -> Vec<String> {
    let mut mentions = Extractor::bundled().mentions(text);
    mentions.retain(|m| surnames.contains(&m.text.as_str()));
    super::add_missed_full_names(
        text,
        &mut mentions,
        Weights::case_lexicon(Extractor::bundled().model().unwrap()),
        crate::gazetteer::Gazetteer::bundled(),
    );
    let chars: Vec<char> = text.chars().collect();
    mentions
        .iter()
        .map(|m| {
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
            m.text.clone()
        })
        .collect()
}

#[test]
fn a_word_no_name_had_is_no_person_unless_a_title_leads_it() {
    let persons = |t: &str| Extractor::bundled().extract(t).persons;
    let text = "The Viazul bus crashed near Havana. Viazul operates the line, \
                Dr. Viazulova said.";
    assert_eq!(persons(text), ["Viazulova"]);
    let text = "Oil prices rose in Jakarta, where President Suharto spoke. \
                Suharto wants more.";
    assert_eq!(persons(text), ["Suharto"]);
}

#[test]
fn a_surname_with_its_suffix_takes_the_given_name() {
    // The tagger's mention is set here: what it finds in a short text varies.
    for (text, surname, full) in [
        (
            "Western Union said John Pope Jr has been elected.",
            "Pope Jr",
            "John Pope Jr",
        ),
        (
            "Former congressman John Conyers Jr. died.",
            "Conyers Jr.",
            "John Conyers Jr.",
        ),
    ] {
        let start = text[..text.find(surname).unwrap()].chars().count();
        let mut mentions = vec![crate::Mention {
            kind: Person,
            text: surname.to_string(),
            start,
            end: start + surname.chars().count(),
        }];
        super::add_missed_full_names(
            text,
            &mut mentions,
            Weights::case_lexicon(Extractor::bundled().model().unwrap()),
            crate::gazetteer::Gazetteer::bundled(),
        );
        assert_eq!(mentions.len(), 1);
        assert_eq!(mentions[0].text, full);
    }
}

#[test]
fn a_speaker_after_a_wide_space_does_not_panic() {
    // "Viazul", a word no name had, speaks after a no-break space.
    let text = "Officials met, and\u{a0}Viazul said more.";
    assert_eq!(Extractor::bundled().extract(text).persons, ["Viazul"]);
}

#[test]
fn an_ordinary_word_alone_is_no_person_unless_it_speaks() {
    let text = "Researchers studied the bloom near Hawaii. Green algae also absorb \
                carbon dioxide and produce oxygen.";
    let persons = |t: &str| Extractor::bundled().extract(t).persons;
    assert!(persons(text).is_empty(), "{:?}", persons(text));
    let said = format!("{text} Green said the study was new.");
    assert_eq!(persons(&said), ["Green"]);
    let russian = "Madina Bizheva said. Свою победу я дарю маме. После того, как у \
                   нее случилось.";
    assert_eq!(persons(russian), ["Madina Bizheva"]);
}

#[test]
fn a_missed_full_name_is_found_from_its_surname() {
    let text = "Actor Doris Day dies at 97\nDay made many albums. Day said so. \
                \"Doris Day was America,\" said Mr Day. When Day sang, Day won.";
    let names = with_full_names(text, &["Day"]);
    assert_eq!(names.iter().filter(|n| *n == "Doris Day").count(), 2);
    let x = Extractor::bundled().extract(text);
    assert_eq!(x.persons, ["Doris Day"]);
}

#[test]
fn two_different_words_before_a_surname_add_nothing() {
    let text = "Smith spoke. Smith left. John Smith and Jane Smith stayed.";
    let names = with_full_names(text, &["Smith"]);
    assert!(names.iter().all(|n| n == "Smith"), "{names:?}");
}

/// `add_missed_full_names` over `text` whose only mentions are the
/// persons `tagged`, wherever they occur.
fn given_added(text: &str, tagged: &[&str]) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let tagged: Vec<_> = tagged.iter().map(|&name| (Person, name)).collect();
    let mut mentions = mentions_of(text, &tagged);
    super::add_missed_full_names(
        text,
        &mut mentions,
        Weights::case_lexicon(Extractor::bundled().model().unwrap()),
        crate::gazetteer::Gazetteer::bundled(),
    );
    for m in &mentions {
        assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
    }
    mentions.into_iter().map(|m| m.text).collect()
}

#[test]
fn a_surname_tagged_alone_takes_the_given_name_before_it() {
    let text = "Silver went to Rai Benjamin from the United States.";
    assert_eq!(given_added(text, &["Benjamin"]), ["Rai Benjamin"]);
    let text = "Justice John Paul Stevens died. Christian Democrat Andreotti spoke.";
    assert_eq!(
        given_added(text, &["Paul Stevens", "Democrat Andreotti"]),
        ["John Paul Stevens", "Democrat Andreotti"]
    );
    for (text, surname) in [
        (
            "TREASURY'S BAKER SPEAKS\nBaker said rates would hold.",
            "BAKER",
        ),
        ("Rates fell in January Maya said.", "Maya"),
        ("The Republican Assemblywoman voted.", "Assemblywoman"),
        ("Then Israeli Netanyahu spoke.", "Netanyahu"),
    ] {
        assert_eq!(given_added(text, &[surname]), [surname], "{text}");
    }
}

#[test]
fn a_given_name_training_never_saw_joins_a_name_of_two_words() {
    for (text, tagged, full) in [
        (
            "Saudi Arabia backs the government of Abdrabbuh Mansur Hadi.",
            "Mansur Hadi",
            "Abdrabbuh Mansur Hadi",
        ),
        (
            "Her sentence was commuted.\n\nTynice Nichole Hall was convicted.",
            "Nichole Hall",
            "Tynice Nichole Hall",
        ),
    ] {
        assert_eq!(given_added(text, &[tagged]), [full], "{text}");
    }
    for (text, tagged) in [
        // A capitalised word before it: not where a name starts.
        (
            "Delegates of Kobaltia Abdrabbuh Mansur Hadi met.",
            "Mansur Hadi",
        ),
        // A noun of what people do, capitalised for the sentence.
        (
            "It spreads.\n\nImmunologist Kristian Andersen said so.",
            "Kristian Andersen",
        ),
        // A company named after its founders.
        (
            "Louis Marckesano at Janney Montgomery Scott Inc said so.",
            "Montgomery Scott",
        ),
    ] {
        assert_eq!(given_added(text, &[tagged]), [tagged], "{text}");
    }
}

#[test]
fn a_word_tagged_a_body_is_no_given_name() {
    use crate::EntityKind::Organization;
    let text = "Montedison sold Farmitalia Carlo Erba to Pharmacia.";
    let tagged = [(Organization, "Farmitalia"), (Person, "Carlo Erba")];
    let mut mentions = mentions_of(text, &tagged);
    let model = Extractor::bundled().model().unwrap();
    let gazetteer = crate::gazetteer::Gazetteer::bundled();
    super::add_missed_full_names(text, &mut mentions, model.case_lexicon(), gazetteer);
    let names: Vec<_> = mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(names, ["Farmitalia", "Carlo Erba"]);
}

#[test]
fn a_full_name_taken_for_a_body_beside_its_surname_is_the_person() {
    use crate::EntityKind::{Location, Organization};
    let kinds = |text: &str, tagged: &[(crate::EntityKind, &str)]| {
        let mut mentions = mentions_of(text, tagged);
        let model = Extractor::bundled().model().unwrap();
        let gazetteer = crate::gazetteer::Gazetteer::bundled();
        super::add_missed_full_names(text, &mut mentions, model.case_lexicon(), gazetteer);
        mentions
            .into_iter()
            .map(|m| (m.kind, m.text))
            .collect::<Vec<_>>()
    };
    let text = "Glawischnig-Piesczek sued. The post was about Eva Glawischnig-Piesczek.";
    let tagged = [
        (Person, "Glawischnig-Piesczek"),
        (Organization, "Eva Glawischnig-Piesczek"),
    ];
    assert_eq!(kinds(text, &tagged)[1], (Person, tagged[1].1.to_string()));
    let text = "Trump picked JD Vance. Vance said he was honoured.";
    let tagged = [(Organization, "JD Vance"), (Person, "Vance")];
    assert_eq!(kinds(text, &tagged)[0], (Person, tagged[0].1.to_string()));
    for (text, tagged) in [
        (
            "Modi said so. PM Modi spoke, and UN Guterres too; IN PEABODY it rained.",
            [(Person, "Modi"), (Organization, "PM Modi")],
        ),
        (
            "Korea said so. Exports of South Korea rose.",
            [(Person, "Korea"), (Location, "South Korea")],
        ),
        (
            "Shell said so. Showa Shell shares rose.",
            [(Person, "Shell"), (Organization, "Showa Shell")],
        ),
    ] {
        assert_eq!(
            kinds(text, &tagged)[1],
            (tagged[1].0, tagged[1].1.to_string())
        );
    }
}

/// The person mentions of `names` (wherever `text` has them) that
/// `drop_ordinary_words` keeps, each once.
fn persons_kept(text: &str, names: &[&str]) -> Vec<String> {
    let names: Vec<_> = names.iter().map(|&name| (Person, name)).collect();
    let mut mentions = mentions_of(text, &names);
    let case = Weights::case_lexicon(Extractor::bundled().model().unwrap());
    super::drop_ordinary_words(text, &mut mentions, case);
    let mut kept: Vec<String> = mentions.into_iter().map(|m| m.text).collect();
    kept.dedup();
    kept
}

#[test]
fn a_phrase_of_ordinary_words_is_no_person() {
    let text = "Doris Day starred in Pillow Talk with Rock Hudson.";
    let kept = persons_kept(text, &["Doris Day", "Pillow Talk", "Rock Hudson"]);
    assert_eq!(kept, ["Doris Day", "Rock Hudson"]);
    let text = "Ship trackers such as Vessel Tracker lost the signal.";
    assert!(persons_kept(text, &["Vessel Tracker"]).is_empty());
}

#[test]
fn an_ordinary_phrase_stays_a_person_where_a_name_is_likely() {
    // A given name the dictionary also writes capitalised.
    let text = "Gene Moos, an aide to the majority leader, told reporters.";
    assert_eq!(persons_kept(text, &["Gene Moos"]), ["Gene Moos"]);
    // A title before it.
    let text = "Planning Minister Song Ping made a speech.";
    assert_eq!(persons_kept(text, &["Song Ping"]), ["Song Ping"]);
    // A results table: competitors.
    let text = "RESULT\n1. Miss Stamper 3-1\n2. Paddy Lad 16-1 (Peter Bloomfield)";
    assert_eq!(persons_kept(text, &["Paddy Lad"]), ["Paddy Lad"]);
    // Named like a place: the canonical rules make it one.
    let text = "The well lies in Vermillion Parish, La.";
    assert_eq!(
        persons_kept(text, &["Vermillion Parish"]),
        ["Vermillion Parish"]
    );
    // Another script: the lexicon knows nothing of it.
    let text = "Дмитрий Кошелев won the olympiad.";
    assert_eq!(
        persons_kept(text, &["Дмитрий Кошелев"]),
        ["Дмитрий Кошелев"]
    );
}

#[test]
fn a_given_name_tagged_alone_joins_the_full_name_after_it() {
    // The tagger's "John" and "Conyers Jr.", "James" between untagged.
    let text = "Conyers was 90.\n\nJohn James Conyers Jr., first elected in 1964, served.";
    let names = given_added(text, &["Conyers", "John", "Conyers Jr."]);
    assert_eq!(names, ["Conyers", "John James Conyers Jr."]);
}

#[test]
fn a_name_joined_by_a_particle_stays_a_person_alone() {
    let text = "Pakistan won. Inzamam-ul-Haq made 60 before Ata-ur-Rehman was out.";
    let persons = Extractor::bundled().extract(text).persons;
    assert!(
        persons.contains(&"Inzamam-ul-Haq".to_string())
            && persons.contains(&"Ata-ur-Rehman".to_string()),
        "{persons:?}"
    );
}

#[test]
fn a_shouted_headline_surname_of_a_full_name_stays_a_person() {
    let text = "GOLF - PARNEVIK TAKES ONE-SHOT LEAD AT GREATER MILWAUKEE OPEN.\n\
                Jesper Parnevik of Sweden shot a 65 on Friday to take the lead.";
    let x = Extractor::bundled().extract(text);
    let persons: Vec<_> = x.mentions.iter().filter(|m| m.kind == Person).collect();
    assert!(
        persons.iter().any(|m| m.text == "PARNEVIK"),
        "{:?}",
        x.mentions
    );
    assert_eq!(x.persons, ["Jesper Parnevik"]);
}

#[test]
fn a_word_no_name_had_stays_a_person_after_what_people_are() {
    let text = "In the 30th minute they lost key Brazilian midfielder Valdo to a knee injury.";
    let persons = Extractor::bundled().extract(text).persons;
    assert_eq!(persons, ["Valdo"]);
}
