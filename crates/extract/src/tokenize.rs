//! Tokenizer: raw text to tokens with byte and code-point offsets.
//!
//! Owns the token boundaries that the tagger sees, in training and at
//! inference alike. It follows CoNLL-2003 conventions closely enough that gold
//! spans project onto its tokens: punctuation is split off, hyphenated words
//! ("al-Sharaa", "1996-08-22") stay whole, abbreviations with dots ("U.S.",
//! "Inc.", initials "M.") keep their dot, numbers keep their separators
//! ("1,000", "3.5", "1/2"), and clitics are split ("Germany" "'s", "do"
//! "n't"). It does not know about sentences beyond flagging line starts.
//!
//! No allocation happens per token: callers pass a reusable `Vec<Token>`.

/// One token of the input text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Token {
    /// Start byte offset into the text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// Start, in Unicode code points.
    pub cp_start: usize,
    /// End (exclusive), in Unicode code points.
    pub cp_end: usize,
    /// True when a line break (or the start of the text) precedes this token.
    pub line_start: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Abbreviations that keep their trailing dot (compared case-insensitively).
/// Only words whose dotted form is far more common than a sentence ending
/// right after them belong here.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "gen", "gov",
    "sen", "rep", "lt", "col", "capt", "sgt", "prof", "rev", "messrs", "mt", "ft", "no", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "calif", "fla",
    "mass", "wash", "conn", "penn", "ariz", "colo", "mich", "minn", "tenn", "okla", "ore", "wis",
    "bros", "cie", "dept", "est", "approx", "etc", "adm", "cmdr", "maj", "brig", "pres", "supt",
];

/// Whether `c` continues a word: letters, digits and combining marks (which
/// `char::is_alphanumeric` does not cover, but scripts like Devanagari and
/// vowelled Arabic need inside words), and the soft hyphen and word joiner
/// web pages leave inside words ("Vladi\u{ad}mir"; name cleaning drops
/// them).
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_mark(c) || matches!(c, '\u{ad}' | '\u{2060}')
}

#[inline]
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2
        | 0x05C4..=0x05C5 | 0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x0900..=0x0903 | 0x093A..=0x094F
        | 0x0951..=0x0957 | 0x0962..=0x0963 | 0x0981..=0x0983 | 0x09BC..=0x09D7
        | 0x0A01..=0x0A03 | 0x0A3C..=0x0A51 | 0x0B01..=0x0B03 | 0x0BBE..=0x0BCD
        | 0x0C00..=0x0C04 | 0x0C3E..=0x0C56 | 0x0D00..=0x0D03 | 0x0D3E..=0x0D4D
        | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x200C..=0x200D | 0x20D0..=0x20FF | 0x302A..=0x302F | 0x3099..=0x309A
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

#[inline]
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Punctuation that CoNLL keeps as one token when repeated ("--", "...").
#[inline]
fn repeats(c: char) -> bool {
    matches!(c, '-' | '.' | '=' | '*' | '_' | '~' | '!' | '?')
}

/// Clitic after an apostrophe ("s", "re", "ve", "ll", "d", "m"), any case.
fn is_clitic(s: &str) -> bool {
    matches!(
        s.as_bytes(),
        [b's' | b'S']
            | [b'd' | b'D']
            | [b'm' | b'M']
            | [b'r' | b'R', b'e' | b'E']
            | [b'v' | b'V', b'e' | b'E']
            | [b'l' | b'L', b'l' | b'L']
    )
}

/// Whether the dot after `word` (an abbreviation, or letters joined by
/// dots when `dotted`) ends a sentence and so is a token of its own, as
/// CoNLL-2003 writes it: when nothing but closing quotes follows before
/// the line's end (a bracket closes around the abbreviation: "Pete
/// Sampras (U.S.)"), after a legal form or a name's suffix
/// ("analyst at McDonald & Co.", "Lear Corp.", "John Smith Jr.") or
/// letters joined by dots that follow no comma ("in the U.S."). CoNLL's
/// gold names end before such a dot (37 of train and dev's 39), and with
/// the dot in the token the tagger missed most names ending a paragraph.
/// A state after a comma keeps its dot ("Greensboro, N.C.", "Denver,
/// Colo."), as CoNLL's tables write it, and within a line a dot after an
/// abbreviation stays the abbreviation's ("St. Louis", "Corp. on price").
fn ends_a_sentence(before: &str, word: &str, rest: &str, dotted: bool) -> bool {
    const ENDINGS: &[&str] = &["co", "corp", "inc", "ltd", "bros", "jr", "sr"];
    let ends_line = rest
        .chars()
        .find(|c| !matches!(c, '"' | '\'' | '”' | '’' | ' ' | '\t' | '\r'))
        .is_none_or(|c| c == '\n');
    let qualifies_a_place = before.trim_end().ends_with(',');
    ends_line && ((dotted && !qualifies_a_place) || is_one_of(ENDINGS, word))
}

/// Whether `word` is one of `list` (lowercase), in any case.
fn is_one_of(list: &[&str], word: &str) -> bool {
    list.iter()
        .any(|a| a.len() == word.len() && a.eq_ignore_ascii_case(word))
}

/// Length in bytes of the run of word characters at the start of `s`.
#[inline]
fn word_run(s: &str) -> usize {
    // Bytes while they are ASCII: most text is, and decoding characters
    // one by one was most of the tokenizer's time.
    let ascii = s
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(s.len());
    if s.as_bytes().get(ascii).is_none_or(u8::is_ascii) {
        return ascii;
    }
    let rest = &s[ascii..];
    ascii
        + rest
            .char_indices()
            .find(|&(_, c)| !is_word_char(c))
            .map_or(rest.len(), |(i, _)| i)
}

/// Length of the "Credit" label that The New York Times' captions glue to
/// a photographer's name and to the caption before it ("said.CreditKirsten
/// Luce", "ground.CreditCreditJeon Heon-Kyun"), when `s` starts with one
/// right after `before`: a token of its own, so the name is the tagger's
/// to find. A capital then a lowercase letter must follow, and what ends
/// a caption precede: not "Creditor", nor the firm "CreditSights" after a
/// space or a bracket.
fn glued_credit_label(before: &str, s: &str) -> Option<usize> {
    // The prefix first: it rules out almost every word at its first byte.
    let rest = s.strip_prefix("Credit")?;
    let glued =
        before.ends_with(['.', '!', '?', ')', ']', '"', '”', '’']) || before.ends_with("Credit");
    if !glued {
        return None;
    }
    let mut chars = rest.chars();
    let (first, second) = (chars.next()?, chars.next()?);
    let name = first.is_uppercase() && second.is_lowercase();
    (name || rest.starts_with("Credit")).then_some("Credit".len())
}

/// Tokenizes `text` into `out` (cleared first).
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let mut t = Tokenizer {
        text,
        pos: 0,
        cp: 0,
        line_start: true,
        out,
    };
    t.run();
}

struct Tokenizer<'a, 'o> {
    text: &'a str,
    pos: usize,
    cp: usize,
    line_start: bool,
    out: &'o mut Vec<Token>,
}

impl Tokenizer<'_, '_> {
    fn peek(&self, at: usize) -> Option<char> {
        match self.text.as_bytes().get(at) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            _ => self.text.get(at..).and_then(|s| s.chars().next()),
        }
    }

    /// Code points in `text[from..to]` (short spans only).
    fn cps(&self, from: usize, to: usize) -> usize {
        if self.text.as_bytes()[from..to].is_ascii() {
            to - from
        } else {
            self.text[from..to].chars().count()
        }
    }

    fn push(&mut self, end: usize) {
        let cp_end = self.cp + self.cps(self.pos, end);
        self.out.push(Token {
            start: self.pos,
            end,
            cp_start: self.cp,
            cp_end,
            line_start: self.line_start,
        });
        self.line_start = false;
        self.pos = end;
        self.cp = cp_end;
    }

    fn run(&mut self) {
        let bytes = self.text.as_bytes();
        loop {
            // Spaces and tabs, the commonest characters, without decoding.
            while let Some(b' ' | b'\t') = bytes.get(self.pos) {
                self.pos += 1;
                self.cp += 1;
            }
            let Some(c) = self.peek(self.pos) else {
                break;
            };
            if c.is_whitespace() {
                if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
                    self.line_start = true;
                }
                self.pos += c.len_utf8();
                self.cp += 1;
            } else if is_word_char(c) {
                self.word();
            } else {
                self.punct(c);
            }
        }
    }

    fn punct(&mut self, c: char) {
        let len = c.len_utf8();
        if is_apostrophe(c) {
            let rest = &self.text[self.pos + len..];
            let run = word_run(rest);
            if run > 0 && is_clitic(&rest[..run]) && self.prev_is_word() {
                self.push(self.pos + len + run);
                return;
            }
        }
        let mut end = self.pos + len;
        if repeats(c) {
            while self.text[end..].starts_with(c) {
                end += len;
            }
        }
        self.push(end);
    }

    /// Whether the byte before the current position is part of a word, so an
    /// apostrophe here is a clitic and not an opening quote.
    fn prev_is_word(&self) -> bool {
        self.text[..self.pos]
            .chars()
            .next_back()
            .is_some_and(is_word_char)
    }

    fn word(&mut self) {
        let text = self.text;
        let start = self.pos;
        if let Some(label) = glued_credit_label(&text[..start], &text[start..]) {
            self.push(start + label);
            return;
        }
        let mut end = start + word_run(&text[start..]);
        // Start of the current dot-separated segment, for "U.S." detection.
        let mut seg_start = start;
        let mut dotted = false;
        while let Some(c) = self.peek(end) {
            // Only these may join what follows to the word; most words end
            // at a space, and the neighbours below need not be decoded.
            if !(is_hyphen(c) || is_apostrophe(c) || matches!(c, ',' | '.' | '/' | ':')) {
                break;
            }
            let after = end + c.len_utf8();
            let next = self.peek(after);
            let prev = text[..end].chars().next_back().unwrap_or(' ');
            let next_is_word = next.is_some_and(is_word_char);
            let joins_number = (c == ',' || c == '.' || c == '/' || c == ':')
                && prev.is_ascii_digit()
                && next.is_some_and(|n| n.is_ascii_digit());
            if (is_hyphen(c) && next_is_word) || joins_number {
                end = after + word_run(&text[after..]);
            } else if c == '.'
                && next.is_some_and(char::is_alphabetic)
                && self.cps(seg_start, end) == 1
                && prev.is_alphabetic()
                && {
                    let n = next.map_or(1, char::len_utf8);
                    self.peek(after + n) == Some('.')
                }
            {
                // "U.S", "a.m": single letters joined by dots.
                dotted = true;
                seg_start = after;
                end = after + word_run(&text[after..]);
            } else if is_apostrophe(c) && next_is_word {
                let run = word_run(&text[after..]);
                let clitic = &text[after..after + run];
                if is_clitic(clitic) {
                    break;
                }
                if (clitic == "t" || clitic == "T")
                    && (prev == 'n' || prev == 'N')
                    && end - start > 1
                {
                    // "don't" -> "do" "n't".
                    let n_pos = end - 1;
                    self.push(n_pos);
                    self.push(after + run);
                    return;
                }
                // "O'Brien", "l'Homme".
                end = after + run;
            } else {
                break;
            }
        }
        if self.peek(end) == Some('.') {
            let word = &text[start..end];
            let single_letter =
                self.cps(start, end) == 1 && word.chars().next().is_some_and(char::is_alphabetic);
            // Most dots end a plain word: look at the line's end only after
            // an abbreviation.
            if (dotted || single_letter || is_one_of(ABBREVIATIONS, word))
                && !ends_a_sentence(&text[..start], word, &text[end + 1..], dotted)
            {
                end += 1;
            }
        }
        self.push(end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(text, &mut v);
        v.iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn a_dot_ending_a_line_ends_the_sentence_after_a_legal_form_or_the_us() {
        assert_eq!(
            toks("said an analyst at McDonald & Co.\nIt sold in the U.S.\""),
            [
                "said", "an", "analyst", "at", "McDonald", "&", "Co", ".", "It", "sold", "in",
                "the", "U.S", ".", "\""
            ]
        );
        // A state after a comma and a dot within a line stay the abbreviation's.
        assert_eq!(
            toks("in Greensboro, N.C."),
            ["in", "Greensboro", ",", "N.C."]
        );
        assert_eq!(
            toks("Lear Corp. on price"),
            ["Lear", "Corp.", "on", "price"]
        );
        assert_eq!(toks("at St."), ["at", "St."]);
        assert_eq!(
            toks("Pete Sampras (U.S.)"),
            ["Pete", "Sampras", "(", "U.S.", ")"]
        );
    }

    #[test]
    fn conll_conventions() {
        assert_eq!(
            toks("Germany's al-Sharaa met the U.S. envoy, Mr. Smith (1,000 people)."),
            [
                "Germany",
                "'s",
                "al-Sharaa",
                "met",
                "the",
                "U.S.",
                "envoy",
                ",",
                "Mr.",
                "Smith",
                "(",
                "1,000",
                "people",
                ")",
                "."
            ]
        );
        assert_eq!(
            toks("\"We don't\" -- O'Brien"),
            ["\"", "We", "do", "n't", "\"", "--", "O'Brien"]
        );
        assert_eq!(
            toks("Syria’s 3.5 pct 1996-08-22 M. Jordan..."),
            [
                "Syria",
                "’s",
                "3.5",
                "pct",
                "1996-08-22",
                "M.",
                "Jordan",
                "..."
            ]
        );
        assert_eq!(toks("'quoted' 'S"), ["'", "quoted", "'", "'", "S"]);
    }

    #[test]
    fn a_caption_credit_label_is_its_own_token() {
        assert_eq!(
            toks("said.CreditKirsten Luce ground.CreditCreditJeon"),
            ["said", ".", "Credit", "Kirsten", "Luce", "ground", ".", "Credit", "Credit", "Jeon"]
        );
        assert_eq!(
            toks("CreditSights said. Creditor Bank, (CreditSights)"),
            [
                "CreditSights",
                "said",
                ".",
                "Creditor",
                "Bank",
                ",",
                "(",
                "CreditSights",
                ")"
            ]
        );
    }

    #[test]
    fn offsets_are_code_points() {
        let text = "Ünïcode “Zürich” straße\nNext";
        let mut v = Vec::new();
        tokenize(text, &mut v);
        let chars: Vec<char> = text.chars().collect();
        for t in &v {
            let s: String = chars[t.cp_start..t.cp_end].iter().collect();
            assert_eq!(s, t.text(text));
        }
        assert!(v[0].line_start);
        assert!(v.last().unwrap().line_start);
        assert!(!v[1].line_start);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "", " ", "'", "n't", "a.", ".", "-a", "a-", "a.b.", "’", "\u{301}x", "1,", "x'",
        ] {
            let mut v = Vec::new();
            tokenize(s, &mut v);
        }
    }
}
