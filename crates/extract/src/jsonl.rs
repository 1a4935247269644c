//! Streaming JSONL extraction, the engine of `news extract`.
//!
//! Owns the line format: input lines `{"id", "text"}` or `{"id", "title",
//! "body"}` (text = title + "\n" + body, offsets refer to that), output one
//! line per good input line with the mentions, the entity lists and the
//! spellings folded into each value. A bad line
//! is reported to the caller with its line number and skipped; it does not
//! stop the stream. Printing errors is the caller's business.

use std::fmt;
use std::io::{BufRead, Write};

use serde::{Deserialize, Serialize};

use super::{Extraction, Extractor};

#[derive(Deserialize)]
struct Input {
    id: serde_json::Value,
    text: Option<String>,
    title: Option<String>,
    body: Option<String>,
}

/// One output line: the input's id, then the [`Extraction`] as it serializes.
#[derive(Serialize)]
struct Output<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    extraction: &'a Extraction,
}

/// A line that could not be processed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonlError {
    /// 1-based line number in the input.
    pub line: usize,
    /// What was wrong with it.
    pub message: String,
}

impl fmt::Display for JsonlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Counts of one run of [`extract_jsonl`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct JsonlSummary {
    /// Documents written.
    pub written: usize,
    /// Lines skipped as bad.
    pub errors: usize,
}

/// serde_json's message without its "at line 1 column N" (every input line
/// is parsed alone, so its line number would mislead), column kept.
fn json_message(e: serde_json::Error) -> String {
    let msg = e.to_string();
    let head = msg.rfind(" at line ").map_or(msg.as_str(), |i| &msg[..i]);
    format!("invalid JSON at column {}: {head}", e.column())
}

/// The text of one input document, or why there is none.
fn text_of(input: Input) -> Result<(serde_json::Value, String), String> {
    match (input.text, input.title, input.body) {
        (Some(text), _, _) => Ok((input.id, text)),
        (None, Some(title), body) => {
            Ok((input.id, format!("{title}\n{}", body.unwrap_or_default())))
        }
        (None, None, Some(body)) => Ok((input.id, format!("\n{body}"))),
        (None, None, None) => Err("expected \"text\" or \"title\"/\"body\"".to_string()),
    }
}

/// Reads JSONL documents from `input`, writes one JSON line of entities per
/// document to `output`, and calls `on_error` for each bad line (blank
/// lines are skipped silently). Only I/O errors stop the stream.
pub fn extract_jsonl(
    extractor: &Extractor,
    input: impl BufRead,
    mut output: impl Write,
    mut on_error: impl FnMut(&JsonlError),
) -> std::io::Result<JsonlSummary> {
    let mut summary = JsonlSummary::default();
    let mut buf = Vec::new();
    for (n, line) in input.split(b'\n').enumerate() {
        let line = line?;
        let line = line.strip_suffix(b"\r").unwrap_or(&line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let parsed = serde_json::from_slice::<Input>(line)
            .map_err(json_message)
            .and_then(text_of);
        let (id, text) = match parsed {
            Ok(x) => x,
            Err(message) => {
                summary.errors += 1;
                on_error(&JsonlError {
                    line: n + 1,
                    message,
                });
                continue;
            }
        };
        let ex = match extractor.try_extract(&text) {
            Ok(ex) => ex,
            Err(error) => {
                summary.errors += 1;
                on_error(&JsonlError {
                    line: n + 1,
                    message: error.to_string(),
                });
                continue;
            }
        };
        buf.clear();
        serde_json::to_writer(
            &mut buf,
            &Output {
                id: &id,
                extraction: &ex,
            },
        )?;
        buf.push(b'\n');
        output.write_all(&buf)?;
        summary.written += 1;
    }
    output.flush()?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_are_reported_and_skipped() {
        let input = b"{\"id\": 1, \"text\": \"x\"}\nnot json\n\n{\"id\": \"b\", \"title\": \"T\", \"body\": \"B\"}\n{\"id\": 3}\n";
        let mut out = Vec::new();
        let mut errs = Vec::new();
        let s = extract_jsonl(Extractor::bundled(), &input[..], &mut out, |e| {
            errs.push(e.clone())
        })
        .unwrap();
        assert_eq!(
            s,
            JsonlSummary {
                written: 2,
                errors: 2
            }
        );
        assert_eq!(errs.iter().map(|e| e.line).collect::<Vec<_>>(), [2, 5]);
        let lines: Vec<serde_json::Value> = std::str::from_utf8(&out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines[0]["id"], 1);
        assert_eq!(lines[1]["id"], "b");
        assert!(lines[1]["mentions"].is_array() && lines[1]["persons"].is_array());
    }

    #[test]
    fn lines_carry_places_their_ids_and_the_folded_spellings() {
        let input =
            br#"{"id": 1, "text": "Vladimir Putin met reporters in Moscow. Putin said little."}"#;
        let mut out = Vec::new();
        extract_jsonl(Extractor::bundled(), &input[..], &mut out, |e| {
            panic!("{e}")
        })
        .unwrap();
        let line: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(line["persons"], serde_json::json!(["Vladimir Putin"]));
        assert_eq!(line["places"], serde_json::json!(["Moscow", "Russia"]));
        assert!(line["geonames_ids"][0].as_u64().is_some_and(|id| id > 0));
        let folded = &line["folded"][0];
        assert_eq!(folded["value"], "Vladimir Putin");
        assert_eq!(folded["spellings"], serde_json::json!(["Putin"]));
    }
}
