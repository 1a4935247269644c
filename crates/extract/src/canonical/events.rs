//! Names of events, awards, laws and diseases, which CoNLL labels MISC and
//! no facet wants, though the tagger often calls them organizations,
//! places or persons: "World Cup", "Nobel Prize in Physics", "Presidential
//! Medal of Freedom", "Iraq War", "West Nile Virus".

use super::super::features::lexicon::is_org_suffix;
use super::super::known_bodies::is_known_body;
use super::super::EntityKind;
use super::WordList;

/// Words that head the names of events, awards and laws ("World Cup",
/// "Nobel Prize", "Iraq War", "Sacred Defence Week", "Reform Bill",
/// "Toronto Comicon", "Mini Maker Faire") and of periods and crises of
/// history ("Great Depression", "Cultural Revolution", "Iran Hostage
/// Crisis", "US Presidential Election"), and named wildfires ("the
/// Palisades Fire", "the Dixie Fire"). Not "spring": "Arab Spring" is
/// one, "Silver Spring" a town.
#[rustfmt::skip]
static EVENT_WORDS: WordList = WordList::new(&[
    "award", "awards", "prize", "medal", "week", "bill", "act", "war", "festival", "cup",
    "championship", "championships", "olympics", "trophy", "marathon", "games", "day",
    "comicon", "expo", "summit", "convention", "exhibition", "faire", "depression",
    "recession", "revolution", "crisis", "uprising", "election", "elections", "referendum",
    "fire", "wildfire",
]);

/// Words that head the names of laws and treaties, as [`EVENT_WORDS`] do
/// of events ("First Amendment", "Paris Agreement", "Bankruptcy Code"), and
/// also name one alone ("the Code", "the Treaty", after its full name).
/// Not "law", which ends surnames and law schools' names.
#[rustfmt::skip]
static LAW_WORDS: WordList = WordList::new(&[
    "amendment", "constitution", "clause", "treaty", "protocol", "agreement", "accord",
    "accords", "pact", "code",
]);

/// Whether `word` heads the name of an event, award or law.
fn is_event_word(word: &str) -> bool {
    EVENT_WORDS.contains(word) || LAW_WORDS.contains(word)
}

/// Award ceremonies named by their prize in the plural ("won at the
/// Grammys"), and prizes named by their trophy alone ("won the Golden
/// Lion"), as name keys.
static AWARD_SHOWS: WordList = WordList::new(&[
    "grammys",
    "oscars",
    "emmys",
    "tonys",
    "baftas",
    "golden globes",
    "brits",
    "mtv vmas",
    // Prizes named by their trophy alone.
    "golden lion",
    "golden bear",
    "palme d or",
    "ballon d or",
    "golden globe",
]);

/// Second words of award categories after "Best" ("Best Picture", "Best
/// Supporting Actress", "Best New Artist"); not "Best Buy" or "Best
/// Western", which are companies.
#[rustfmt::skip]
static CATEGORY_WORDS: WordList = WordList::new(&[
    "picture", "actor", "actress", "director", "film", "album", "song", "record", "artist",
    "screenplay", "documentary", "score", "cinematography", "player", "goalkeeper",
    "supporting", "original", "adapted", "animated", "international", "foreign", "new",
    "visual", "costume", "makeup", "sound", "editing", "production", "feature", "short",
    "musical", "comedy", "drama", "rap", "pop", "rock", "country", "male", "female", "young",
]);

/// Whether a name key is an award's category: "best picture", "best new
/// artist", "album of the year".
fn names_an_award_category(key: &str) -> bool {
    let best = key
        .strip_prefix("best ")
        .and_then(|rest| rest.split(' ').next())
        .is_some_and(|w| CATEGORY_WORDS.contains(w));
    best || (key.ends_with(" of the year") && key.split(' ').count() == 4)
}

/// Last words of the names of diseases that name a place or a person
/// ("Middle East Respiratory Syndrome", "West Nile Virus", "Spanish Flu",
/// "Lyme Disease"), lowercase: the whole names nothing a facet wants.
/// Not "fever": "Indiana Fever" is a team.
static DISEASE_WORDS: WordList =
    WordList::new(&["syndrome", "disease", "virus", "flu", "influenza"]);

/// Whether a mention (its `cleaned` text, that text's name `key`, its
/// `kind`) names an event, award or law: one of the [`LAW_WORDS`] alone,
/// or, of two or more words, its last
/// word is one of the [`EVENT_WORDS`] ("Nobel Prize"), or the word before
/// its subject is ("Presidential Medal of Freedom", "Pulitzer Prize for
/// Breaking News", "Nemmers Prize in Mathematics"), unless that word is
/// a body's ([`is_org_suffix`]: "Institute for the Study of War"). A
/// person named Day ("Doris Day") is none, nor a body known by name
/// ("Cal Fire").
pub(super) fn names_an_event(cleaned: &str, key: &str, kind: EntityKind) -> bool {
    if AWARD_SHOWS.contains(key) || names_an_award_category(key) {
        return true;
    }
    let Some((_, last)) = key.rsplit_once(' ') else {
        return LAW_WORDS.contains(key);
    };
    let head = [" of ", " for ", " in "]
        .iter()
        .filter_map(|link| key.find(link))
        .min()
        .and_then(|at| key[..at].rsplit(' ').next());
    let event = match head {
        Some(head) if is_org_suffix(head) => false,
        Some(head) => is_event_word(head) || is_event_word(last),
        None => is_event_word(last),
    };
    event && !is_surname_day(cleaned, kind) && !is_known_body(key)
}

/// Whether a name `key` of two or more words ends as diseases' names do
/// ([`DISEASE_WORDS`]).
pub(super) fn names_a_disease(key: &str) -> bool {
    key.rsplit_once(' ')
        .is_some_and(|(_, last)| DISEASE_WORDS.contains(last))
}

/// Whether a person's name ends in the surname Day ("Doris Day"), not in
/// the day of an event ("Mother's Day", "Independence Day" tagged as a
/// place or organization).
fn is_surname_day(cleaned: &str, kind: EntityKind) -> bool {
    kind == EntityKind::Person
        && cleaned.ends_with(" Day")
        && !cleaned.contains("'s ")
        && !cleaned.contains("’s ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(name: &str) -> bool {
        let key = crate::gazetteer::name_key(name);
        names_an_event(name, &key, EntityKind::Organization)
    }

    #[test]
    fn awards_are_known_by_their_head_before_the_subject() {
        assert!(event("Nobel Prize") && event("World Cup") && event("Iraq War"));
        assert!(event("Presidential Medal of Freedom"));
        assert!(event("Pulitzer Prize for Breaking News"));
        assert!(event("Nemmers Prize in Mathematics"));
        assert!(event("Africa Cup of Nations") && event("Bill of Rights"));
        assert!(event("Great Depression") && event("Iran Hostage Crisis"));
        assert!(event("US Presidential Election") && !event("Election Commission"));
        assert!(!event("Party of the Democratic Revolution"));
        assert!(!event("Institute for the Study of War"));
        assert!(!event("Department of War") && !event("Bank of America"));
        assert!(!event("Prize") && !event("Friends of the Earth"));
        let key = crate::gazetteer::name_key("Doris Day");
        assert!(!names_an_event("Doris Day", &key, EntityKind::Person));
        assert!(names_a_disease("west nile virus") && !names_a_disease("virus"));
    }

    #[test]
    fn award_shows_and_categories_are_no_bodies() {
        assert!(event("Grammys") && event("Oscars") && event("Golden Globes"));
        assert!(event("Golden Lion") && event("Palme d'Or") && !event("Golden"));
        assert!(event("Best Picture") && event("Best Supporting Actress"));
        assert!(event("Album of the Year") && event("Best New Artist"));
        assert!(!event("Best Buy") && !event("Best Western") && !event("Grammy"));
        assert!(!event("Bank of the Year Ltd"));
    }

    #[test]
    fn named_wildfires_are_events() {
        assert!(event("Palisades Fire") && event("Dixie Fire"));
        assert!(!event("Chicago Fire Department") && !event("Fire Brigades Union"));
        assert!(!event("Cal Fire"));
    }

    #[test]
    fn laws_and_treaties_are_no_bodies() {
        assert!(event("First Amendment") && event("Fourteenth Amendment"));
        assert!(event("Paris Agreement") && event("Louvre Accord") && event("Bankruptcy Code"));
        assert!(!event("Stuart Law") && !event("UCLA School of Law"));
        assert!(event("Code") && event("Treaty") && !event("Summit"));
    }
}
