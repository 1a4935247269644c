//! Headline words the tagger runs into a name. In a wire headline in
//! capitals ("JAPAN BUYS U.S. CORN", "CME POSTS RECORD VOLUME", "U.K. DATA
//! SHOW...") capitals say nothing, and the tagger takes "JAPAN BUYS", "CME
//! POSTS" and "U.K. DATA" for names, each a facet value of its own. Where
//! the body names the first words alone ("Japan", "CME", "U.K.") and the
//! words after them are ordinary lowercase words of the dictionary that end
//! no organization's name ("BUYS", "DATA"; not "BANK", "TREASURY" or
//! "CORP"), the headline's mention is cut back to those first words and
//! takes the kind the body gives them. A name the body never writes alone
//! ("GENERAL MOTORS", "AMERICAN EXPRESS"), or writes whole or longer
//! ("CAMPBELL SOUP" of "Campbell Soup Co", whose body also says
//! "Campbell"), is left as it is.

use std::collections::HashMap;

use super::canonical::ends_body_names;
use super::features::lexicon::CaseLexicon;
use super::gazetteer::name_key;
use super::{EntityKind, Mention};

/// Cuts the headline words off the shouted mentions of `text`'s first line
/// (see the module doc); `case` tells ordinary words.
pub(crate) fn cut_headline_words(text: &str, mentions: &mut [Mention], case: &CaseLexicon) {
    let Some(newline) = text.find('\n') else {
        return;
    };
    let headline_end = text[..newline].chars().count();
    let mut body: HashMap<String, EntityKind> = HashMap::new();
    for m in mentions.iter().filter(|m| m.start > headline_end) {
        body.entry(name_key(&m.text)).or_insert(m.kind);
    }
    if body.is_empty() {
        return;
    }
    for m in mentions.iter_mut().filter(|m| m.end <= headline_end) {
        let letters = m.text.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 4 || m.text.chars().any(char::is_lowercase) {
            continue;
        }
        // "CAMPBELL SOUP" beside the body's "Campbell Soup Co" is whole.
        let key = name_key(&m.text);
        let whole_or_longer = |k: &String| {
            k.strip_prefix(key.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        };
        if body.keys().any(whole_or_longer) {
            continue;
        }
        // The longest first words the body names, if only headline words follow.
        let cuts: Vec<usize> = m.text.match_indices(' ').map(|(at, _)| at).collect();
        for &cut in cuts.iter().rev() {
            let (name, rest) = (&m.text[..cut], &m.text[cut + 1..]);
            let Some(&kind) = body.get(&name_key(name)) else {
                continue;
            };
            if rest.split(' ').all(|w| is_headline_word(w, case)) {
                m.end = m.start + name.chars().count();
                m.text.truncate(cut);
                m.kind = kind;
            }
            break;
        }
    }
}

/// Whether `word` is an ordinary word of the dictionary (only ever written
/// in lowercase, in no name of training) that ends no organization's name.
fn is_headline_word(word: &str, case: &CaseLexicon) -> bool {
    if word.is_empty() || !word.chars().all(char::is_alphabetic) || ends_body_names(word) {
        return false;
    }
    case.is_lowercase_only_word(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    #[test]
    fn headline_words_come_off_names_the_body_writes_alone() {
        let text = "JAPAN BUYS U.S. CORN, GOLDMAN SACHS TAKES STAKE IN U.S. BANK\n\
                    Japan bought 200,000 tonnes of corn from the United States, \
                    traders said. Goldman Sachs sold its stake in U.S. Bank, and \
                    General Motors and the U.S. Treasury said nothing.";
        let soup = "CAMPBELL SOUP TO SELL PLANT\nCampbell Soup Co said it would sell a \
                    plant. Campbell said the sale would close in May.";
        let x = Extractor::bundled().extract(text);
        for junk in ["JAPAN BUYS", "GOLDMAN SACHS TAKES"] {
            let all = [&x.persons, &x.locations, &x.organizations];
            assert!(
                !all.iter().any(|facet| facet.iter().any(|v| v == junk)),
                "{junk}: {:?}",
                x.mentions
            );
        }
        assert!(x.locations.iter().any(|v| v == "Japan"), "{:?}", x.mentions);
        assert!(
            x.organizations.iter().any(|v| v == "Goldman Sachs"),
            "{:?}",
            x.mentions
        );
        let headline = x.mentions.iter().filter(|m| m.end <= 60);
        assert!(
            headline.clone().any(|m| m.text == "JAPAN"),
            "{:?}",
            x.mentions
        );
        assert!(headline.clone().any(|m| m.text == "GOLDMAN SACHS"));
        // "U.S. BANK": the body names "U.S." alone, but a bank is a name.
        assert!(!headline.clone().any(|m| m.text == "U.S." && m.start > 40));
        let x = Extractor::bundled().extract(soup);
        assert!(
            x.mentions.iter().any(|m| m.text == "CAMPBELL SOUP"),
            "{:?}",
            x.mentions
        );
    }
}
