//! Text that was UTF-8, read once as Windows-1252 and written out again as
//! UTF-8 ("mojibake"): "Ángel" becomes "Ã\u{81}ngel", "don’t" becomes
//! "donâ€™t". Web archives keep pages a publisher's system so mangled (one
//! of the Readability test pages credits a photo to "Ãngel Franco");
//! left alone, such a name is found by no search for it and splits into
//! odd entities.
//!
//! Repaired here one character at a time, where the text spells the bytes
//! of one UTF-8 character in Windows-1252: a lead byte (`Â` to `ô`)
//! followed by as many continuation bytes (0x80 to 0xBF: `€`, `™`, `©`...)
//! as the lead asks for, which together decode as UTF-8. Whole-text
//! re-decoding, as some tools do, would miss an article where only a
//! byline is broken and the rest is right. Real text rarely writes those
//! pairs ("SÃO PAULO" has an `O` after its `Ã`; "Ça" no continuation), so
//! what is repaired is what was broken. The Windows-1252 table is
//! `encoding_rs`'s.

use std::sync::OnceLock;

use encoding_rs::WINDOWS_1252;

use crate::Article;

/// The characters Windows-1252 decodes bytes 0x80 to 0x9F to.
fn c1_row() -> &'static [char; 32] {
    static ROW: OnceLock<[char; 32]> = OnceLock::new();
    ROW.get_or_init(|| {
        let bytes: Vec<u8> = (0x80..=0x9F).collect();
        let (text, _) = WINDOWS_1252.decode_without_bom_handling(&bytes);
        let mut row = ['\u{fffd}'; 32];
        for (slot, c) in row.iter_mut().zip(text.chars()) {
            *slot = c;
        }
        row
    })
}

/// The byte Windows-1252 writes `c` as, when it is a continuation byte of
/// UTF-8 (0x80 to 0xBF).
fn continuation_byte(c: char) -> Option<u8> {
    match c as u32 {
        0xA0..=0xBF => Some(c as u8),
        _ => c1_row()
            .iter()
            .position(|&d| d == c)
            .map(|i| 0x80 + i as u8),
    }
}

/// How many continuation bytes the UTF-8 lead byte `c` (as Windows-1252
/// reads it) asks for; `None` for a character that leads no sequence.
fn continuations(c: char) -> Option<usize> {
    match c as u32 {
        0xC2..=0xDF => Some(1),
        0xE0..=0xEF => Some(2),
        0xF0..=0xF4 => Some(3),
        _ => None,
    }
}

/// `text` with each mis-decoded character repaired; `None` when it has
/// none.
fn repaired(text: &str) -> Option<String> {
    // Accented text ("café") has lead characters too, but not followed
    // by a continuation: it is left without a copy.
    let mut pairs = text.chars().zip(text.chars().skip(1));
    if !pairs.any(|(a, b)| continuations(a).is_some() && continuation_byte(b).is_some()) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        if let Some((fixed, used)) = sequence_at(&chars[i..]) {
            out.push(fixed);
            i += used;
            changed = true;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    changed.then_some(out)
}

/// The character that `chars` starts by spelling in Windows-1252, and how
/// many characters spell it.
fn sequence_at(chars: &[char]) -> Option<(char, usize)> {
    let n = continuations(*chars.first()?)?;
    let mut bytes = vec![chars[0] as u8];
    for &c in chars.get(1..=n)? {
        bytes.push(continuation_byte(c)?);
    }
    let decoded = std::str::from_utf8(&bytes).ok()?;
    Some((decoded.chars().next()?, n + 1))
}

/// Repairs `text` in place.
fn repair_in(text: &mut String) {
    if let Some(fixed) = repaired(text) {
        *text = fixed;
    }
}

/// Repairs the article's text fields.
pub(crate) fn repair(article: &mut Article) {
    article.text_fields_mut().for_each(repair_in);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        repaired(text).unwrap_or_else(|| text.to_owned())
    }

    #[test]
    fn utf8_read_as_windows_1252_is_repaired() {
        assert_eq!(fixed("Ã\u{81}ngel Franco"), "Ángel Franco");
        assert_eq!(fixed("donâ€™t say â€œnoâ€\u{9d}"), "don’t say “no”");
        assert_eq!(fixed("MÃ¡laga, GdaÅ„sk, ZÃ¼rich"), "Málaga, Gdańsk, Zürich");
        assert_eq!(fixed("Â£5 â‚¬3 ðŸ™‚ crÃªpe"), "£5 €3 🙂 crêpe");
    }

    #[test]
    fn text_that_was_right_stays() {
        for text in [
            "SÃO PAULO",
            "Ça va, naïve café, Ålesund",
            "Â alone, Ã at the end Ã",
            "Ângela – “quoted” — 5 €",
        ] {
            assert_eq!(fixed(text), text);
        }
        assert!(repaired("plain ASCII text").is_none());
    }

    #[test]
    fn every_field_is_repaired() {
        let mut article = Article {
            title: "Ã‰lysÃ©e talks".into(),
            body: "Photo: Ã\u{81}ngel Franco".into(),
            author: Some("JosÃ© Ortega".into()),
            ..Article::default()
        };
        repair(&mut article);
        assert_eq!(article.title, "Élysée talks");
        assert_eq!(article.body, "Photo: Ángel Franco");
        assert_eq!(article.author.as_deref(), Some("José Ortega"));
    }
}
