//! Datelines: the `MOSCOW - ` or `LONDON, March 4, 2025 (Reuters) - ` that opens
//! a wire story. Recognised so the place, an explicit date and the agency can be
//! kept as metadata; the body text itself is left as written.

use std::sync::OnceLock;

use regex::Regex;

use crate::date::{day_start, parse_day};

/// What a dateline says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dateline {
    /// The dateline as printed, without the dash: `LONDON (Reuters)`.
    pub text: String,
    /// An explicit date in it (with a year), Unix seconds.
    pub date: Option<i64>,
    /// The agency in parentheses, e.g. `Reuters`.
    pub agency: Option<String>,
}

fn dateline_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?x)^
            (?P<place>\p{Lu}[\p{Lu}\p{M}.'’\ -]{2,40}?)       # MOSCOW, SÃO PAULO, ST. LOUIS
            (?:,\ *(?P<detail>[^()\n]{1,40}?))?                # , Syria | , March 4, 2025
            (?:\ *\((?P<agency>[^()\n]{1,40})\))?              # (Reuters)
            (?:\ +[-–—]{1,2}\ +|\ *—\ *)                       # the dash
            ",
        )
        .expect("dateline pattern is valid")
    })
}

/// Recognises a dateline at the start of `first_paragraph`.
pub fn parse(first_paragraph: &str) -> Option<Dateline> {
    let captures = dateline_pattern().captures(first_paragraph)?;
    let whole = captures.get(0)?.as_str();
    let text = whole
        .trim_end()
        .trim_end_matches(['-', '–', '—'])
        .trim_end()
        .to_owned();
    let detail = captures.name("detail").map(|m| m.as_str());
    Some(Dateline {
        date: detail.and_then(explicit_date),
        agency: captures
            .name("agency")
            .map(|m| m.as_str().trim().to_owned()),
        text,
    })
}

/// An explicit calendar date, with year, as Unix seconds.
pub fn explicit_date(text: &str) -> Option<i64> {
    day_start(parse_day(text)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_agency_datelines() {
        let d = parse("MOSCOW - Syrian President Ahmed al-Sharaa met").unwrap();
        assert_eq!((d.text.as_str(), d.date, d.agency), ("MOSCOW", None, None));
        let d = parse("LONDON (Reuters) - Shares fell").unwrap();
        assert_eq!(d.text, "LONDON (Reuters)");
        assert_eq!(d.agency.as_deref(), Some("Reuters"));
        let d = parse("SÃO PAULO (Andes Herald) — Brazil's").unwrap();
        assert_eq!(d.text, "SÃO PAULO (Andes Herald)");
    }

    #[test]
    fn datelines_with_dates_and_countries() {
        let d = parse("ACCRA, December 9, 2024 (Sahel Post) - Former President").unwrap();
        assert_eq!(d.date, explicit_date("2024-12-09"));
        assert_eq!(d.agency.as_deref(), Some("Sahel Post"));
        let d = parse("GENEVA, 2025-03-18 (Global Science Desk) - Physicists").unwrap();
        assert_eq!(d.date, explicit_date("2025-03-18"));
        let d = parse("TARTUS, Syria (Levant Wire) - A Russian").unwrap();
        assert_eq!(
            (d.text.as_str(), d.date),
            ("TARTUS, Syria (Levant Wire)", None)
        );
    }

    #[test]
    fn a_year_the_archive_cannot_store_is_no_date() {
        // Found by fuzzing: year 201 overflowed tantivy's nanosecond dates.
        let d = parse("ACCRA, December 9, 201. (Sahel Post) - Former").unwrap();
        assert_eq!(d.date, None);
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        for text in [
            "The meeting - held at the Kremlin - marked",
            "Russia maintains key strategic facilities",
            "US - China talks resume",
            "",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
