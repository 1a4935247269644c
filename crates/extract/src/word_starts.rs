//! Where the words that begin with a capital start in a text: one scan of
//! the bytes per article, which the rules looking for one kind of name
//! among capitalised words share (`public_figures`, `east_asian_names`)
//! instead of each reading every byte (about 1% of `news extract`'s
//! instructions each).

/// Byte offsets in `text` of the words that begin with an ASCII capital:
/// at the text's start or after a space, a line break, an opening quote or
/// bracket ("(Macron", "\"Putin", "\u{201c}Xi").
pub(crate) fn capitalised_word_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    if bytes.first().is_some_and(u8::is_ascii_uppercase) {
        starts.push(0);
    }
    for (i, pair) in bytes.windows(2).enumerate() {
        if BREAKS[pair[0] as usize] && pair[1].is_ascii_uppercase() {
            starts.push(i + 1);
        }
    }
    starts
}

/// The bytes after which a word starts: space, line break, quotes and an
/// opening bracket; 0x9c and 0x98 end the UTF-8 of the opening curly
/// quotes.
static BREAKS: [bool; 256] = {
    let mut breaks = [false; 256];
    let mut i = 0;
    let list = [b' ', b'\n', b'"', b'(', b'\'', 0x9c, 0x98];
    while i < list.len() {
        breaks[list[i] as usize] = true;
        i += 1;
    }
    breaks
};

#[cfg(test)]
mod tests {
    use super::capitalised_word_starts;

    #[test]
    fn starts_of_capitalised_words() {
        let text = "Putin met (Macron) and \u{201c}Xi\u{201d} in\nMoscow; lower.Case";
        let words: Vec<&str> = capitalised_word_starts(text)
            .into_iter()
            .map(|at| &text[at..at + 2])
            .collect();
        assert_eq!(words, ["Pu", "Ma", "Xi", "Mo"]);
    }
}
