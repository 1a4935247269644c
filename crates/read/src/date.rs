//! Publication dates as news dumps write them: RFC 3339 / ISO 8601, RFC 2822,
//! plain `YYYY-MM-DD`, `January 28, 2026`, `28 January 2026`, Unix timestamps
//! (seconds, or milliseconds from 12 digits on: [`from_timestamp`]).
//!
//! Times without a zone are taken as UTC. A date that cannot be read is
//! reported by the caller; it never defaults to "now". Nor can a date the
//! archive cannot store (before 1677 or after 2262, see [`DATE_RANGE`]) be
//! read: a typo like `December 9,
//! 201` leaves the article undated rather than misdated.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Publication times an archive can store, in Unix seconds: the range of
/// tantivy's nanosecond dates, 1677-09-21 to 2262-04-11. The same range as
/// `news_query::schema::DATE_RANGE` (this crate depends on no other of
/// ours; the indexer's tests check that the two agree).
pub const DATE_RANGE: std::ops::RangeInclusive<i64> =
    (i64::MIN / 1_000_000_000)..=(i64::MAX / 1_000_000_000);

/// Parses a date or date-time into Unix seconds (UTC).
pub fn parse_date(text: &str) -> Option<i64> {
    parse_any(text).filter(|secs| DATE_RANGE.contains(secs))
}

/// Unix seconds of `day` at midnight UTC, if the archive can store it.
pub fn day_start(day: NaiveDate) -> Option<i64> {
    let secs = day.and_hms_opt(0, 0, 0)?.and_utc().timestamp();
    DATE_RANGE.contains(&secs).then_some(secs)
}

fn parse_any(text: &str) -> Option<i64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Some(t.timestamp());
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(text) {
        return Some(t.timestamp());
    }
    const ZONED: [&str; 2] = ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S%.f%z"];
    for format in ZONED {
        if let Ok(t) = DateTime::parse_from_str(text, format) {
            return Some(t.timestamp());
        }
    }
    const NAIVE: [&str; 4] = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ];
    for format in NAIVE {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, format) {
            return Some(t.and_utc().timestamp());
        }
    }
    parse_day(text).and_then(day_start)
}

/// Parses a calendar day written in one of the common ways.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let text = text.trim().trim_end_matches(['.', ',']);
    const DAY_FORMATS: [&str; 8] = [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%Y%m%d",
        "%B %d, %Y",
        "%b %d, %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%A, %B %d, %Y",
    ];
    DAY_FORMATS.iter().find_map(|format| {
        NaiveDate::parse_from_str(text, format)
            .ok()
            .or_else(|| NaiveDate::parse_from_str(&text.replace("Sept", "Sep"), format).ok())
    })
}

/// Timestamps from this magnitude on are milliseconds: as seconds they would
/// be past the year 5138, which no archive stores.
const MILLIS_FROM: f64 = 1e11;

/// Milliseconds below this (12 digits, dates from 1973-03-03 to 2001-09-09)
/// are read with a warning ([`timestamp_warning`]): a dump of recent news
/// writes 13 digits, so 12 may as well be seconds with a digit too many.
const PLAIN_MILLIS_FROM: f64 = 1e12;

/// Reads a Unix timestamp given as a JSON number: seconds below 10^11,
/// milliseconds from 10^11 on (a 12-digit number is milliseconds, with
/// [`timestamp_warning`]). Fractions of a second are dropped.
pub fn from_timestamp(value: f64) -> Option<i64> {
    if !value.is_finite() {
        return None;
    }
    let secs = if value.abs() >= MILLIS_FROM {
        value / 1000.0
    } else {
        value
    };
    let secs = secs as i64;
    DATE_RANGE.contains(&secs).then_some(secs)
}

/// The warning a timestamp deserves when [`from_timestamp`] reads it by
/// its rule rather than beyond doubt: a 12-digit number, read as
/// milliseconds, with the date that gave, so a wrong reading shows.
pub fn timestamp_warning(value: f64) -> Option<String> {
    if !(MILLIS_FROM..PLAIN_MILLIS_FROM).contains(&value.abs()) {
        return None;
    }
    let when = DateTime::from_timestamp(from_timestamp(value)?, 0)?;
    Some(format!(
        "timestamp {value} has 12 digits; read as milliseconds: {}",
        when.format("%Y-%m-%dT%H:%M:%SZ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const JAN_28_2026: i64 = 1_769_558_400;

    #[test]
    fn formats_seen_in_dumps() {
        for text in [
            "2026-01-28",
            "2026-01-28T00:00:00Z",
            "2026-01-28T03:00:00+03:00",
            "2026-01-28 00:00:00",
            "2026-01-28T00:00:00",
            "Wed, 28 Jan 2026 00:00:00 +0000",
            "January 28, 2026",
            "Jan 28, 2026",
            "28 January 2026",
            "Wednesday, January 28, 2026",
            "2026/01/28",
        ] {
            assert_eq!(parse_date(text), Some(JAN_28_2026), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for text in ["", "yesterday", "2026-13-01", "28/01", "Wednesday"] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn dates_the_archive_cannot_store_are_unreadable() {
        // Found by fuzzing: these overflowed tantivy's nanosecond dates.
        for text in [
            "December 9, 201",
            "7910-06-03",
            "+262142-12-31T23:59:59Z",
            "0001-01-01",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
        assert_eq!(from_timestamp(9.3e12), None);
        assert_eq!(parse_date("1700-01-01"), Some(-8_520_336_000));
        assert_eq!(parse_date("2262-04-10"), Some(9_223_200_000));
    }

    #[test]
    fn timestamps_in_seconds_or_milliseconds() {
        assert_eq!(from_timestamp(1_769_558_400.0), Some(JAN_28_2026));
        assert_eq!(from_timestamp(1_769_558_400_000.0), Some(JAN_28_2026));
        assert_eq!(from_timestamp(f64::NAN), None);
        for plain in [1_769_558_400.0, 1_769_558_400_000.0, 99_999_999_999.0] {
            assert_eq!(timestamp_warning(plain), None, "{plain}");
        }
    }

    #[test]
    fn twelve_digits_are_milliseconds_with_a_warning() {
        // 1987-02-26, as Reuters-21578 would write it in milliseconds.
        let value = 541_296_000_000.0;
        assert_eq!(from_timestamp(value), parse_date("1987-02-26"));
        assert_eq!(
            timestamp_warning(value).as_deref(),
            Some(
                "timestamp 541296000000 has 12 digits; read as milliseconds: 1987-02-26T00:00:00Z"
            )
        );
        assert!(timestamp_warning(999_999_999_999.0).is_some());
        // 11 digits are seconds past 2286: unreadable, not guessed at.
        assert_eq!(from_timestamp(99_999_999_999.0), None);
    }
}
