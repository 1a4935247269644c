//! Stock tickers in wire copy: "Moulinex SA <MOUP.PA>", "Sberbank
//! (SBER.MM)". The tagger runs the company's name into the ticker
//! ("Moulinex SA <MOUP") and takes the exchange's suffix for a place ("PA",
//! the Paris bourse, is no Pennsylvania). A ticker is a bracket, then at
//! most six tokens written without spaces, then the closing bracket; a
//! span is cut where a ticker starts and dropped when it lies inside one.

use super::joins::word_at;
use super::labels::MISC;
use super::tagger::Span;
use super::tokenize::Token;

/// The tokens of the ticker that opens at token `open`, if one does:
/// "<", then letters, digits and dots glued together, then ">" (or "("
/// and ")" around a code with a dot in it).
fn ticker_at(text: &str, tokens: &[Token], open: usize) -> Option<std::ops::Range<usize>> {
    let close = match word_at(text, tokens, open) {
        "<" => ">",
        "(" => ")",
        _ => return None,
    };
    let mut dotted = false;
    for end in open + 1..(open + 8).min(tokens.len()) {
        if tokens[end].start != tokens[end - 1].end {
            return None;
        }
        match word_at(text, tokens, end) {
            w if w == close => return (close == ">" || dotted).then_some(open..end + 1),
            "." => dotted = true,
            w if w
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) => {}
            _ => return None,
        }
    }
    None
}

/// Cuts each span at the ticker that starts inside it, and makes the
/// spans inside a ticker spans of no kind.
pub(crate) fn cut_tickers(text: &str, tokens: &[Token], spans: &mut [Span]) {
    let bytes = text.as_bytes();
    let mut tickers = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let bracket = t.end == t.start + 1 && matches!(bytes[t.start], b'<' | b'(');
        if let Some(ticker) = bracket.then(|| ticker_at(text, tokens, i)).flatten() {
            tickers.push(ticker);
        }
    }
    if tickers.is_empty() {
        return;
    }
    for span in spans.iter_mut() {
        let (_, s, e) = *span;
        for ticker in &tickers {
            if ticker.start <= s && e <= ticker.end {
                span.0 = MISC;
            } else if s < ticker.start && ticker.start < e {
                span.2 = ticker.start;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    #[test]
    fn tickers_are_no_part_of_names_nor_places() {
        let x = Extractor::bundled()
            .extract("The stake in Moulinex SA <MOUP.PA> was sold by Sberbank (SBER.MM) in Paris.");
        assert_eq!(x.locations, ["Paris"], "{:?}", x.mentions);
        assert!(
            x.organizations.contains(&"Moulinex SA".to_string()),
            "{:?}",
            x.mentions
        );
    }
}
