//! The words of the calendar: months and weekdays, whole and cut short.
//! Names are dated with them ("January Maya", "the August Chicago NAPM")
//! and tables head their columns with them; the rules that take them off
//! names share these lists.

/// Whether `word` is a month or a weekday, whole or cut short, as
/// written in prose: before a surname they date it ("January Maya",
/// "Friday Reagan").
pub(crate) fn is_calendar_word(word: &str) -> bool {
    MONTHS.contains(&word) || MONTH_ABBREVIATIONS.contains(&word) || WEEKDAYS.contains(&word)
}

/// The months.
#[rustfmt::skip]
pub(crate) const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

/// The months cut short ("Sept" as well as "Sep"; "May" is whole).
#[rustfmt::skip]
pub(crate) const MONTH_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// The days of the week.
#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
];

/// Whether `word` (any case, with or without a dot) is a month or its
/// abbreviation.
pub(crate) fn is_month(word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word);
    MONTHS
        .iter()
        .chain(MONTH_ABBREVIATIONS)
        .any(|m| m.eq_ignore_ascii_case(word))
}
