//! The calendar: partial dates as users type them (`2026`, `2026-01`,
//! `2026-01-28`), RFC 3339, and the arithmetic behind date filters and
//! histograms ([`civil_from_days`], [`days_from_civil`], [`CalendarKeys`]).
//! The one place in this crate that converts between days and dates.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// A year, a month or a day, or an exact RFC 3339 instant.
///
/// As a lower bound it means the first second of the period; as an upper bound
/// the last, so `to: 2026-01` includes all of January.
///
/// ```
/// use news_query::PartialDate;
/// let january: PartialDate = "2026-01".parse().unwrap();
/// assert_eq!(january.to_string(), "2026-01");
/// assert_eq!(january.end_exclusive() - january.start(), 31 * 86_400);
/// assert!("2026-13".parse::<PartialDate>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartialDate {
    /// A whole year.
    Year(i32),
    /// A whole month (1-12).
    Month(i32, u32),
    /// A whole day.
    Day(i32, u32, u32),
    /// An exact instant, seconds since the Unix epoch (UTC).
    Instant(i64),
}

impl PartialDate {
    /// First second of the period, Unix seconds.
    pub fn start(&self) -> i64 {
        match *self {
            PartialDate::Year(y) => days_from_civil(y.into(), 1, 1) * 86_400,
            PartialDate::Month(y, m) => days_from_civil(y.into(), m, 1) * 86_400,
            PartialDate::Day(y, m, d) => days_from_civil(y.into(), m, d) * 86_400,
            PartialDate::Instant(secs) => secs,
        }
    }

    /// First second after the period, Unix seconds.
    pub fn end_exclusive(&self) -> i64 {
        match *self {
            PartialDate::Year(y) => days_from_civil(i64::from(y) + 1, 1, 1) * 86_400,
            PartialDate::Month(y, 12) => days_from_civil(i64::from(y) + 1, 1, 1) * 86_400,
            PartialDate::Month(y, m) => days_from_civil(y.into(), m + 1, 1) * 86_400,
            PartialDate::Day(..) => self.start() + 86_400,
            PartialDate::Instant(secs) => secs + 1,
        }
    }
}

fn days_in_month(year: i64, month: u32) -> u32 {
    let next = if month == 12 {
        days_from_civil(year + 1, 1, 1)
    } else {
        days_from_civil(year, month + 1, 1)
    };
    (next - days_from_civil(year, month, 1)) as u32
}

impl FromStr for PartialDate {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self, Error> {
        let invalid = || Error::Date {
            value: text.to_owned(),
        };
        let trimmed = text.trim();
        if trimmed.len() > 10 {
            return parse_rfc3339(trimmed)
                .map(PartialDate::Instant)
                .ok_or_else(invalid);
        }
        let mut parts = trimmed.split('-');
        let year: i32 = parse_digits(parts.next(), 4).ok_or_else(invalid)?;
        let Some(month) = parts.next() else {
            return Ok(PartialDate::Year(year));
        };
        let month: u32 = parse_digits(Some(month), 2)
            .filter(|m| (1..=12).contains(m))
            .ok_or_else(invalid)?;
        let Some(day) = parts.next() else {
            return Ok(PartialDate::Month(year, month));
        };
        let day: u32 = parse_digits(Some(day), 2)
            .filter(|d| *d >= 1 && *d <= days_in_month(year.into(), month))
            .ok_or_else(invalid)?;
        if parts.next().is_some() {
            return Err(invalid());
        }
        Ok(PartialDate::Day(year, month, day))
    }
}

fn parse_digits<T: FromStr>(part: Option<&str>, len: usize) -> Option<T> {
    let part = part?;
    (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
        .then(|| part.parse().ok())
        .flatten()
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` into Unix seconds.
fn parse_rfc3339(text: &str) -> Option<i64> {
    let (date, rest) = text.split_at_checked(10)?;
    let PartialDate::Day(y, m, d) = date.parse().ok()? else {
        return None;
    };
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let time = rest.get(..8)?;
    let mut hms = time.split(':').map(|p| parse_digits::<i64>(Some(p), 2));
    let (h, mi, s) = (hms.next()??, hms.next()??, hms.next()??);
    if h > 23 || mi > 59 || s > 60 {
        return None;
    }
    let mut zone = &rest[8..];
    if let Some(frac) = zone.strip_prefix('.') {
        zone = frac.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    let offset = match zone {
        "Z" | "z" => 0,
        _ => {
            let sign = match zone.get(..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            let oh: i64 = parse_digits(zone.get(1..3), 2)?;
            let om: i64 = parse_digits(zone.get(4..6), 2)?;
            if zone.get(3..4)? != ":" || zone.len() != 6 {
                return None;
            }
            sign * (oh * 3600 + om * 60)
        }
    };
    Some(days_from_civil(y.into(), m, d) * 86_400 + h * 3600 + mi * 60 + s - offset)
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PartialDate::Year(y) => write!(f, "{y:04}"),
            PartialDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            PartialDate::Day(y, m, d) => write!(f, "{y:04}-{m:02}-{d:02}"),
            PartialDate::Instant(secs) => f.write_str(&format_rfc3339(secs)),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Formats Unix seconds as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn format_rfc3339(secs: i64) -> String {
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        t / 3600,
        t / 60 % 60,
        t % 60
    )
}

/// The integer keys a date is bucketed by in histograms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarKeys {
    /// Days since 1970-01-01 (negative before).
    pub day: i64,
    /// `year * 12 + month - 1`.
    pub month: i64,
}

impl CalendarKeys {
    /// Keys of the UTC calendar day containing `secs`.
    pub fn from_unix_seconds(secs: i64) -> Self {
        let day = secs.div_euclid(86_400);
        let (year, month, _) = civil_from_days(day);
        CalendarKeys {
            day,
            month: year * 12 + i64::from(month) - 1,
        }
    }
}

/// Converts days since 1970-01-01 to a proleptic Gregorian `(year, month, day)`.
///
/// Howard Hinnant's `civil_from_days`, exact for every `i64` day in range.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Converts a proleptic Gregorian date to days since 1970-01-01.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let month = i64::from(month);
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trips_across_eras() {
        for day in (-800_000..800_000).step_by(97) {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2026, 1, 28), 20_481);
    }

    #[test]
    fn month_key_is_calendar_month() {
        let secs = days_from_civil(2026, 1, 31) * 86_400 + 86_399;
        let keys = CalendarKeys::from_unix_seconds(secs);
        assert_eq!(keys.month, 2026 * 12);
        let before_epoch = CalendarKeys::from_unix_seconds(-1);
        assert_eq!(before_epoch.day, -1);
        assert_eq!(before_epoch.month, 1969 * 12 + 11);
    }

    fn day(y: i64, m: u32, d: u32) -> i64 {
        days_from_civil(y, m, d) * 86_400
    }

    #[test]
    fn partial_dates_cover_their_period() {
        let year: PartialDate = "2026".parse().unwrap();
        assert_eq!(
            (year.start(), year.end_exclusive()),
            (day(2026, 1, 1), day(2027, 1, 1))
        );
        let feb: PartialDate = "2024-02".parse().unwrap();
        assert_eq!(feb.end_exclusive(), day(2024, 3, 1));
        let dec: PartialDate = "2025-12".parse().unwrap();
        assert_eq!(dec.end_exclusive(), day(2026, 1, 1));
        let d: PartialDate = "2026-01-28".parse().unwrap();
        assert_eq!(d.start(), day(2026, 1, 28));
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "",
            "26",
            "2026-1",
            "2026-00",
            "2025-02-29",
            "2026-01-28-1",
            "yesterday",
            "2026-01-28T25:00:00Z",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad}");
        }
        assert!("2024-02-29".parse::<PartialDate>().is_ok());
    }

    #[test]
    fn rfc3339_with_offsets() {
        let t: PartialDate = "2025-09-14T18:05:00+02:00".parse().unwrap();
        assert_eq!(t.start(), day(2025, 9, 14) + 16 * 3600 + 5 * 60);
        assert_eq!(format_rfc3339(t.start()), "2025-09-14T16:05:00Z");
        let z: PartialDate = "2025-09-14T18:05:00.250Z".parse().unwrap();
        assert_eq!(z.start(), day(2025, 9, 14) + 18 * 3600 + 5 * 60);
    }

    #[test]
    fn serde_uses_the_display_form() {
        let d: PartialDate = serde_json::from_str("\"2026-01\"").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-01\"");
        assert!(serde_json::from_str::<PartialDate>("\"2026-99\"").is_err());
    }
}
