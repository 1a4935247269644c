//! Persons named right after a quantity, which no person is: "the Boeing
//! 737 Max", "36,300 dlrs for the 944 Turbo", "the sale of 1,043 Sterling
//! automobiles", "it holds 417,100 Jacobs common shares". A number before a
//! capitalised word makes it a model, a product or a company's stock; the
//! tagger, which reads "Max" and "Jacobs" as names, takes them for persons.
//! A year or a day of a month is no quantity ("in 1985 Woltz engaged",
//! "on May 13 Keating said"), nor a number opening a line (a results
//! table's rank or score: "62 Nolan Henke"), and a name that speaks stays.

use super::calendar::is_calendar_word;
use super::canonical::Offsets;
use super::speakers::SPEAKING;
use super::{EntityKind, Mention};

/// Drops the person mentions of `text` written right after a quantity
/// (see the module doc).
pub(crate) fn drop_persons_after_quantities(text: &str, mentions: &mut Vec<Mention>) {
    if !mentions.iter().any(|m| m.kind == EntityKind::Person) {
        return;
    }
    let offsets = Offsets::new(text);
    mentions.retain(|m| {
        if m.kind != EntityKind::Person {
            return true;
        }
        let start = offsets.byte(m.start);
        let Some(b) = start.filter(|&b| text.get(b..).is_some_and(|t| t.starts_with(&m.text)))
        else {
            return true;
        };
        let e = b + m.text.len();
        !after_a_quantity(&text[..b]) || speaks(&text[e..])
    });
}

/// Whether `before` ends with a quantity and one space: digits, with
/// thousands separators or a decimal point, that are no year and no day
/// of a month (nor a number after a weekday: "Friday 13").
fn after_a_quantity(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    let start = rest
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let number = &rest[start..];
    if !number.starts_with(|c: char| c.is_ascii_digit())
        || !number.ends_with(|c: char| c.is_ascii_digit())
        || rest[..start].ends_with(|c: char| c.is_alphanumeric() || c == '-' || c == '/')
    {
        return false;
    }
    // "62 Nolan Henke", "- 1 John Cook", "+3 Tom Lehman": a results
    // table's score or rank opens the line, signs and dashes aside.
    let line = rest[..start].rsplit('\n').next().unwrap_or_default();
    if !line.chars().any(char::is_alphanumeric) {
        return false;
    }
    let year = number.len() == 4 && matches!(&number[..2], "19" | "20");
    let day = number.len() <= 2 && {
        let word = rest[..start].trim_end_matches(' ');
        let month = word
            .rsplit(' ')
            .next()
            .unwrap_or_default()
            .trim_end_matches('.');
        is_calendar_word(month)
    };
    !year && !day
}

/// Whether `after`, the text after a name, begins with a speaking verb.
fn speaks(after: &str) -> bool {
    let next = after.trim_start_matches(' ');
    SPEAKING.iter().any(|v| {
        next.strip_prefix(v)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canonical::tests::mentions_of;
    use EntityKind::{Organization as Org, Person as Per};

    fn persons_left(text: &str, tagged: &[(EntityKind, &str)]) -> Vec<String> {
        let mut mentions = mentions_of(text, tagged);
        drop_persons_after_quantities(text, &mut mentions);
        let persons = mentions.into_iter().filter(|m| m.kind == Per);
        persons.map(|m| m.text).collect()
    }

    #[test]
    fn a_person_after_a_quantity_is_dropped() {
        let text = "The new Boeing 737 Max was grounded; Jane Roe flew.";
        assert_eq!(
            persons_left(text, &[(Per, "Max"), (Per, "Jane Roe")]),
            ["Jane Roe"]
        );
        let text = "It holds 417,100 Jacobs common shares and 2.5 Turbo Targa cars.";
        assert!(persons_left(text, &[(Per, "Jacobs"), (Per, "Turbo Targa")]).is_empty());
        // Non-ASCII text before the name, a wide space before the number
        // (a slicing panic the Wikinews articles found).
        let text = "Überall: die 911 Turbo fuhr.";
        assert!(persons_left(text, &[(Per, "Turbo")]).is_empty());
        let text = "Überall: die\u{a0}911 Turbo fuhr.";
        assert!(persons_left(text, &[(Per, "Turbo")]).is_empty());
        // Other kinds stay.
        let text = "It sold 35,000 Bamberger shares, 2 Acme Corp ones and 3 Max.";
        let mut mentions = mentions_of(text, &[(Org, "Bamberger"), (Per, "Max")]);
        drop_persons_after_quantities(text, &mut mentions);
        assert_eq!(mentions.len(), 1);
        assert_eq!(mentions[0].text, "Bamberger");
    }

    #[test]
    fn a_year_a_day_a_speaker_or_a_word_with_digits_is_no_quantity() {
        let text = "From March 25, 1985 Woltz engaged in trades.";
        assert_eq!(persons_left(text, &[(Per, "Woltz")]), ["Woltz"]);
        let text = "In his mini-budget on May 13 Keating cut spending.";
        assert_eq!(persons_left(text, &[(Per, "Keating")]), ["Keating"]);
        let text = "In his mini-budget on Sept. 3 Keating cut spending.";
        assert_eq!(persons_left(text, &[(Per, "Keating")]), ["Keating"]);
        let text = "Of the 12 Smith said none were sold.";
        assert_eq!(persons_left(text, &[(Per, "Smith")]), ["Smith"]);
        // A results table: the number opens the line.
        let text = "Scores:\n62 Nolan Henke\n7 Jane Quigley (U.S.) 3:46";
        let tagged = [(Per, "Nolan Henke"), (Per, "Jane Quigley")];
        assert_eq!(persons_left(text, &tagged), ["Nolan Henke", "Jane Quigley"]);
        assert_eq!(
            persons_left("62 Nolan Henke", &tagged[..1]),
            ["Nolan Henke"]
        );
        // A golf leaderboard's score to par, signed.
        let text = "Leaders:\n- 1 John Cook through 5\n+3 Tom Lehman through 11";
        let tagged = [(Per, "John Cook"), (Per, "Tom Lehman")];
        assert_eq!(persons_left(text, &tagged), ["John Cook", "Tom Lehman"]);
        // A score or an ordinal glued to the number, a number ending a word.
        for text in [
            "They won 6-3 Smith.",
            "The 3rd Smith came.",
            "Flight MH17 Smith came.",
        ] {
            assert_eq!(persons_left(text, &[(Per, "Smith")]), ["Smith"], "{text}");
        }
    }
}
