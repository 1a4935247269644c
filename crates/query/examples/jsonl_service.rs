//! A small search service embedding `news-query`: one `SearchRequest` JSON
//! object per line on stdin, one `SearchResponse` per line on stdout. A bad
//! line gets `{"error": "..."}` and the service reads on.
//!
//! ```sh
//! cargo run --release -p news-query --example jsonl_service -- news-index <<'EOF'
//! {"query": "Tartus", "limit": 3, "facet_limit": 5}
//! {"query": "Tartus AND colour:red"}
//! {"query": "*", "persons": ["Putin"], "histogram": "year"}
//! EOF
//! ```
//!
//! The archive is opened once and shared; it picks up new commits by the
//! indexer by itself, so the service can run beside `news index`.

use std::io::{BufRead, Write};

use news_query::{Archive, SearchRequest};
use serde_json::json;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "news-index".into());
    let archive = Archive::open(&path)?;
    let stdin = std::io::stdin().lock();
    let mut stdout = std::io::stdout().lock();
    for line in stdin.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let answer = match answer(&archive, &line) {
            Ok(response) => response,
            Err(error) => json!({ "error": error }).to_string(),
        };
        writeln!(stdout, "{answer}")?;
        stdout.flush()?;
    }
    Ok(())
}

/// The response to one request line, as JSON, or why there is none.
fn answer(archive: &Archive, line: &str) -> Result<String, String> {
    let request: SearchRequest =
        serde_json::from_str(line).map_err(|e| format!("bad request: {e}"))?;
    let response = archive.search(&request).map_err(|e| e.to_string())?;
    serde_json::to_string(&response).map_err(|e| e.to_string())
}
