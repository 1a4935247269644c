//! Terminal rendering shared by subcommands. Colour goes through `anstream`,
//! which drops it when stdout is not a terminal or `NO_COLOR` is set.
//!
//! Text from the input (titles, ids, names, paths) goes through
//! [`printable`] before it is printed, so a control character in it cannot
//! break the line or drive the terminal: [`paint`] and [`highlight`] apply
//! it themselves; anything printed unstyled calls it directly.

use anstyle::{AnsiColor, Style};

/// `text` with control characters escaped (`\n`, `\x1b`): the one helper
/// for printing names from the input, shared with `news_indexer`'s problem lines.
pub use news_read::printable;

/// Query terms inside snippets.
pub const MATCH: Style = AnsiColor::Yellow.on_default().bold();
/// Headlines.
pub const TITLE: Style = Style::new().bold();
/// Secondary information: dates, sources, ids.
pub const DIM: Style = Style::new().dimmed();
/// Section headings.
pub const HEADING: Style = AnsiColor::Cyan.on_default().bold();
/// Notes on how the request was read.
pub const NOTICE: Style = AnsiColor::Magenta.on_default();

/// `text` with the `[start, end)` code-point ranges styled, and its control
/// characters escaped ([`printable`]).
pub fn highlight(text: &str, ranges: &[[usize; 2]], style: Style) -> String {
    let mut out = String::with_capacity(text.len() + ranges.len() * 16);
    let mut ranges = ranges.iter().peekable();
    let mut open = false;
    for (i, c) in text.chars().enumerate() {
        if open && ranges.peek().is_some_and(|r| r[1] == i) {
            out.push_str(&style.render_reset().to_string());
            ranges.next();
            open = false;
        }
        if !open && ranges.peek().is_some_and(|r| r[0] == i) {
            out.push_str(&style.render().to_string());
            open = true;
        }
        out.push_str(&printable(c.encode_utf8(&mut [0; 4])));
    }
    if open {
        out.push_str(&style.render_reset().to_string());
    }
    out
}

/// A horizontal bar `width` cells wide at `max`, in eighths of a cell.
pub fn bar(value: u64, max: u64, width: usize) -> String {
    if max == 0 || value == 0 {
        return String::new();
    }
    const PARTS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];
    let eighths = ((value as f64 / max as f64) * (width * 8) as f64)
        .round()
        .max(1.0) as usize;
    let mut out = "█".repeat(eighths / 8);
    if eighths % 8 > 0 {
        out.push(PARTS[eighths % 8 - 1]);
    }
    out
}

/// One paint of `text` in `style`, its control characters escaped ([`printable`]).
pub fn paint(style: Style, text: &str) -> String {
    format!(
        "{}{}{}",
        style.render(),
        printable(text),
        style.render_reset()
    )
}

/// `1 article`, `2 articles`: a count with its noun.
pub fn count(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The panic hook of `news`: libraries catch panics of the code they call
/// on damaged input (tantivy, feed-rs) and report the file, but the hook
/// runs first, and its message may quote the input: printed escaped, on one
/// line, with the backtrace when `RUST_BACKTRACE` asks for it.
pub fn print_panic(info: &std::panic::PanicHookInfo<'_>) {
    let payload = info.payload();
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    let at = info.location().map(|l| (l.file(), l.line()));
    eprintln!("{}", panic_line(&message, at));
    let backtrace = std::backtrace::Backtrace::capture();
    if backtrace.status() == std::backtrace::BacktraceStatus::Captured {
        eprintln!("{backtrace}");
    }
}

/// The line [`print_panic`] prints: the message escaped, on one line.
fn panic_line(message: &str, at: Option<(&str, u32)>) -> String {
    let at = at
        .map(|(file, line)| format!(" at {file}:{line}"))
        .unwrap_or_default();
    format!("news panicked{at}: {}", printable(message))
}

/// The message of a fatal error, safe to print after `error: `: each line's
/// control characters escaped, and every line after the first indented, so
/// a newline inside a name from the input cannot start a line of its own
/// (a forged `error:` line). The query error's own indented lines (the
/// query and its caret) keep their alignment.
pub fn error_message(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    for (i, line) in message.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.starts_with(' ') {
                out.push_str("  ");
            }
        }
        out.push_str(&printable(line));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_noun() {
        assert_eq!(count(1, "article"), "1 article");
        assert_eq!(count(0, "article"), "0 articles");
        assert_eq!(count(12, "article"), "12 articles");
    }

    #[test]
    fn highlight_wraps_code_point_ranges() {
        let style = Style::new().bold();
        let out = highlight("naïve Tartus base", &[[6, 12]], style);
        let plain = anstream::adapter::strip_str(&out).to_string();
        assert_eq!(plain, "naïve Tartus base");
        assert!(out.contains(&format!("{}Tartus{}", style.render(), style.render_reset())));
    }

    #[test]
    fn a_panic_message_quoting_input_stays_on_one_escaped_line() {
        let line = panic_line(
            "byte index 1 is not a char boundary; it is inside '\u{ac}' of `\x1b[2J\nerror: forged`",
            Some(("src/util.rs", 155)),
        );
        assert!(
            line.starts_with("news panicked at src/util.rs:155: "),
            "{line}"
        );
        assert!(!line.contains('\n') && !line.contains('\x1b'), "{line:?}");
        assert!(line.contains("\\x1b[2J\\nerror: forged"), "{line}");
    }

    #[test]
    fn input_text_cannot_drive_the_terminal() {
        let hostile = "Title\n\x1b[2Jcleared";
        let painted = paint(TITLE, hostile);
        assert!(painted.contains("Title\\n\\x1b[2Jcleared"), "{painted:?}");
        let lit = highlight(hostile, &[[0, 5]], MATCH);
        assert_eq!(
            anstream::adapter::strip_str(&lit).to_string(),
            "Title\\n\\x1b[2Jcleared"
        );
        assert!(!lit.contains('\n'));
    }

    #[test]
    fn bars_scale_to_the_maximum() {
        assert_eq!(bar(10, 10, 4), "████");
        assert_eq!(bar(0, 10, 4), "");
        assert_eq!(bar(1, 1000, 4), "▏");
        assert_eq!(bar(5, 10, 4), "██");
    }

    #[test]
    fn error_lines_cannot_be_forged() {
        let forged = "cannot read a\nerror: all is well\x1b[2J";
        assert_eq!(
            error_message(forged),
            "cannot read a\n  error: all is well\\x1b[2J"
        );
        let query = "invalid query at character 3: unexpected\n  a (b\n     ^";
        assert_eq!(error_message(query), query);
    }
}
