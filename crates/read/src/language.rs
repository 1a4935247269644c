//! The language of an article as an ISO 639-1 code (`en`): from what the
//! source says (`<html lang="en-GB">`, JSON-LD `inLanguage`, a `language`
//! field), else detected from the text by [`whatlang`].
//!
//! `whatlang` was chosen over `lingua` for size and speed: it is a few
//! hundred kilobytes of trigram tables and detects a news article in
//! microseconds, where `lingua`'s models are tens of megabytes; on whole
//! articles (hundreds of words) the two agree, and `lingua`'s edge is on
//! short phrases, which we do not classify.

/// Text looked at for detection: the first part of an article says which
/// language it is in, and this bounds the time spent.
const DETECT_BYTES: usize = 2048;

/// Fewer letters than this are too few to tell a language from.
const MIN_LETTERS: usize = 40;

/// `whatlang`'s ISO 639-3 codes and their ISO 639-1 codes, for the
/// languages that have one.
const CODES: [(&str, &str); 68] = [
    ("epo", "eo"),
    ("eng", "en"),
    ("rus", "ru"),
    ("cmn", "zh"),
    ("spa", "es"),
    ("por", "pt"),
    ("ita", "it"),
    ("ben", "bn"),
    ("fra", "fr"),
    ("deu", "de"),
    ("ukr", "uk"),
    ("kat", "ka"),
    ("ara", "ar"),
    ("hin", "hi"),
    ("jpn", "ja"),
    ("heb", "he"),
    ("yid", "yi"),
    ("pol", "pl"),
    ("amh", "am"),
    ("jav", "jv"),
    ("kor", "ko"),
    ("nob", "nb"),
    ("dan", "da"),
    ("swe", "sv"),
    ("fin", "fi"),
    ("tur", "tr"),
    ("nld", "nl"),
    ("hun", "hu"),
    ("ces", "cs"),
    ("ell", "el"),
    ("bul", "bg"),
    ("bel", "be"),
    ("mar", "mr"),
    ("kan", "kn"),
    ("ron", "ro"),
    ("slv", "sl"),
    ("hrv", "hr"),
    ("srp", "sr"),
    ("mkd", "mk"),
    ("lit", "lt"),
    ("lav", "lv"),
    ("est", "et"),
    ("tam", "ta"),
    ("vie", "vi"),
    ("urd", "ur"),
    ("tha", "th"),
    ("guj", "gu"),
    ("uzb", "uz"),
    ("pan", "pa"),
    ("aze", "az"),
    ("ind", "id"),
    ("tel", "te"),
    ("pes", "fa"),
    ("mal", "ml"),
    ("ori", "or"),
    ("mya", "my"),
    ("nep", "ne"),
    ("sin", "si"),
    ("khm", "km"),
    ("tuk", "tk"),
    ("aka", "ak"),
    ("zul", "zu"),
    ("sna", "sn"),
    ("afr", "af"),
    ("lat", "la"),
    ("slk", "sk"),
    ("cat", "ca"),
    ("tgl", "tl"),
];

/// The ISO 639-1 code of a language tag as pages and feeds write it
/// (`en`, `en-GB`, `pt_BR`, `eng`, `English`); `None` for what is not one.
pub fn from_tag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    match primary.len() {
        2 if primary.bytes().all(|b| b.is_ascii_lowercase()) => Some(primary),
        3 => CODES
            .iter()
            .find(|(three, _)| *three == primary)
            .map(|(_, two)| (*two).to_owned()),
        _ => whatlang::Lang::all()
            .iter()
            .find(|lang| lang.eng_name().eq_ignore_ascii_case(&primary))
            .and_then(|lang| from_tag(lang.code())),
    }
}

/// The language of a text, when it is long enough to tell and the detector
/// is confident.
pub fn detect(text: &str) -> Option<String> {
    let mut end = text.len().min(DETECT_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() {
        return None;
    }
    from_tag(info.lang().code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_become_two_letter_codes() {
        assert_eq!(from_tag("en-GB").as_deref(), Some("en"));
        assert_eq!(from_tag("pt_BR").as_deref(), Some("pt"));
        assert_eq!(from_tag("FR").as_deref(), Some("fr"));
        assert_eq!(from_tag("deu").as_deref(), Some("de"));
        assert_eq!(from_tag("English").as_deref(), Some("en"));
        assert_eq!(from_tag(""), None);
        assert_eq!(from_tag("x1"), None);
    }

    #[test]
    fn detected_from_text() {
        let en = "The central bank raised interest rates on Tuesday, saying inflation \
                  had stayed above its target for longer than it expected.";
        let de = "Die Zentralbank hat am Dienstag die Zinsen erhöht und erklärt, die \
                  Inflation liege länger als erwartet über ihrem Ziel.";
        let ru = "Центральный банк во вторник повысил процентные ставки, заявив, что \
                  инфляция дольше ожидаемого остаётся выше цели.";
        assert_eq!(detect(en).as_deref(), Some("en"));
        assert_eq!(detect(de).as_deref(), Some("de"));
        assert_eq!(detect(ru).as_deref(), Some("ru"));
        assert_eq!(detect("Too short."), None);
    }
}
