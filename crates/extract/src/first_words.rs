//! [`NamesByFirstWord`]: a fixed list of names looked up at a word of the
//! text, the way `known_bodies` and `lowercase_words` find theirs. With a
//! few hundred names an Aho-Corasick automaton over the whole text costs
//! more: its prefilter finds candidates everywhere, while a text has few
//! capitalised words to look up.

use std::collections::HashMap;

use foldhash::fast::FixedState;

/// Names, each with a value, keyed by their first word (as the caller's
/// `first_word` cuts it), longest first; hashed with a fixed seed (the
/// names are this crate's and the gazetteer's, not input).
pub(crate) struct NamesByFirstWord<T> {
    by_first: HashMap<String, Vec<(String, T)>, FixedState>,
}

impl<T> NamesByFirstWord<T> {
    /// The index of `names`, keyed by `first_word` of each; a name given
    /// twice keeps its first value, and of two names of one length the
    /// one given first is found first.
    pub(crate) fn new(
        names: impl IntoIterator<Item = (String, T)>,
        first_word: impl Fn(&str) -> &str,
    ) -> NamesByFirstWord<T> {
        let mut by_first: HashMap<String, Vec<(String, T)>, FixedState> = HashMap::default();
        for (name, value) in names {
            let names = by_first.entry(first_word(&name).to_owned()).or_default();
            if !names.iter().any(|(n, _)| *n == name) {
                names.push((name, value));
            }
        }
        for names in by_first.values_mut() {
            // Stable: ties keep the order given.
            names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        }
        NamesByFirstWord { by_first }
    }

    /// The longest name `text` starts with among those whose first word
    /// is `first`, with its value.
    #[inline]
    pub(crate) fn longest_at(&self, first: &str, text: &str) -> Option<(&str, &T)> {
        self.by_first
            .get(first)?
            .iter()
            .find(|(n, _)| text.starts_with(n.as_str()))
            .map(|(n, v)| (n.as_str(), v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_name_at_a_word_is_found_and_the_first_value_kept() {
        let names = [
            ("New York", 1),
            ("New York City", 2),
            ("New Delhi", 3),
            ("New York", 4),
        ];
        let index = NamesByFirstWord::new(names.map(|(n, v)| (n.to_owned(), v)), |n: &str| {
            n.split(' ').next().unwrap_or_default()
        });
        assert_eq!(
            index.longest_at("New", "New York City Hall"),
            Some(("New York City", &2))
        );
        assert_eq!(
            index.longest_at("New", "New York, NY"),
            Some(("New York", &1))
        );
        assert_eq!(index.longest_at("New", "New Jersey"), None);
        assert_eq!(index.longest_at("Old", "Old York"), None);
    }
}
