//! Places inside a larger name that the tagger cut short: "Captain
//! America" is a character and "Miss Universe" a title, yet a tagger
//! trained on 1996 newswire tags "America" alone as the place. A title of
//! address right before a place, outside any span, makes the two a name
//! of no kind. (A capitalised word and "of" before a place is as often a
//! title or a phrase, "Sultan of Oman", "One of Cuba", as an
//! organization's name: the few organizations so named that news cites,
//! "Voice of America", are found by name in `joins`.)
//!
//! Also the other way round: one place the tagger cut in two places side
//! by side ("New South" and "Wales"), joined when the gazetteer knows the
//! whole.

use super::gazetteer::Gazetteer;
use super::joins::{one_space_apart, word_at};
use super::labels::{LOC, MISC};
use super::tagger::Span;
use super::tokenize::Token;

/// Titles of address that name a character or a title holder when a place
/// follows ("Captain America", "Miss Universe"); "Saint" leads places
/// ("St. Louis") and is left out.
const ADDRESS_TITLES: &[&str] = &["Captain", "Mister", "Miss", "Lord", "Lady", "Sir"];

/// Makes each place span right after an [`ADDRESS_TITLES`] word, one
/// space apart and in no span, a span of no kind with the title.
pub(crate) fn mend_places_in_names(text: &str, tokens: &[Token], spans: &mut [Span]) {
    for i in 0..spans.len() {
        let (ty, s, e) = spans[i];
        let free = i == 0 || spans[i - 1].2 < s;
        if ty != LOC || s == 0 || !free || !one_space_apart(tokens, s - 1, s) {
            continue;
        }
        if ADDRESS_TITLES.contains(&word_at(text, tokens, s - 1)) {
            spans[i] = (MISC, s - 1, e);
        }
    }
}

/// Joins each two place spans on adjacent tokens of one line, one space apart, into
/// one when the gazetteer knows the two together as a place name.
pub(crate) fn join_split_places(
    text: &str,
    tokens: &[Token],
    spans: &mut Vec<Span>,
    gazetteer: &Gazetteer,
) {
    let mut i = 1;
    while i < spans.len() {
        let ((ta, s, m), (tb, n, e)) = (spans[i - 1], spans[i]);
        let whole = &text[tokens[s].start..tokens[e - 1].end];
        if ta == LOC
            && tb == LOC
            && m == n
            && !tokens[n].line_start
            && one_space_apart(tokens, m - 1, n)
            && gazetteer.contains(whole)
        {
            spans[i - 1] = (LOC, s, e);
            spans.remove(i);
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    #[test]
    fn a_place_after_a_title_of_address_is_no_place() {
        let text = "Captain America and Tony Stark were there. Miss Universe came. \
                    The President of France agreed.";
        let x = Extractor::bundled().extract(text);
        assert_eq!(x.locations, ["France"], "{:?}", x.mentions);
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
}
