//! Bounded work per request through `news serve` and the CLI: hostile
//! queries are refused before any work, connections that trickle or idle
//! are closed, and a flood of searches cannot hold an ordinary one forever.
//! Every assertion is on an answer, never on a time.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use serde_json::Value;

use crate::server::Server;
use crate::support::{corpus_archive, news};

fn error_kind(body: &Value) -> &str {
    body["error"]["kind"].as_str().unwrap_or("")
}

/// The repeated-word sloppy phrase that took gigabytes.
fn hostile_phrase() -> String {
    format!("\"{}\"~100", "the ".repeat(20).trim_end())
}

#[test]
fn hostile_queries_are_refused_with_400_naming_the_limit() {
    let server = Server::start(corpus_archive(), &[]);
    let query = serde_json::to_string(&hostile_phrase()).unwrap();
    let (status, body) = server.post("/api/search", &format!(r#"{{"query": {query}}}"#));
    assert_eq!((status, error_kind(&body)), (400, "limit"), "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("MAX_PHRASE_SLOP"),
        "{body}"
    );
    // Within the slop allowed, the repeats are what is refused, in the timeline too.
    let (status, body) = server.get("/api/timeline?query=%22the+the+the+oil%22~5&interval=year");
    assert_eq!((status, error_kind(&body)), (400, "limit"), "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("MAX_SLOPPY_REPEATS"),
        "{body}"
    );
    // 3,000 values of one filter.
    let persons: Vec<String> = (0..3_000).map(|i| format!("P{i}")).collect();
    let request = serde_json::json!({"query": "Syria", "persons": persons});
    let (status, body) = server.post("/api/search", &request.to_string());
    assert_eq!((status, error_kind(&body)), (400, "limit"), "{body}");
    // The server still answers ordinary searches.
    let (status, body) = server.get("/api/search?query=Syria");
    assert_eq!(status, 200, "{body}");
}

#[test]
fn the_cli_refuses_hostile_queries_as_usage_errors() {
    for command in ["search", "timeline"] {
        let output = news(corpus_archive(), &[command, &hostile_phrase()]);
        assert_eq!(output.status.code(), Some(2), "{command}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("MAX_PHRASE_SLOP"), "{command}: {stderr}");
    }
    let output = news(corpus_archive(), &["search", "Syria", "--timeout", "soon"]);
    assert_eq!(output.status.code(), Some(2));
}

/// Writes `bytes` one at a time, a pause between; whether the server closed
/// the connection before all were sent.
fn closed_while_trickling(stream: &mut TcpStream, bytes: &[u8]) -> bool {
    for byte in bytes {
        std::thread::sleep(Duration::from_millis(50));
        if stream.write_all(&[*byte]).is_err() {
            return true;
        }
    }
    // Every byte went out; the server may still have closed its side.
    let mut rest = Vec::new();
    stream.read_to_end(&mut rest).is_ok()
}

#[test]
fn connections_that_trickle_headers_or_idle_are_closed() {
    let server = Server::start(corpus_archive(), &["--header-timeout-ms", "300"]);
    let address = server.base.trim_start_matches("http://").to_owned();

    // Headers that never end, a byte at a time: some 10 s of them.
    let mut trickle = TcpStream::connect(&address).unwrap();
    trickle
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    trickle
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let endless = b"X-Slow: "
        .iter()
        .chain(&[b'a'; 200])
        .copied()
        .collect::<Vec<u8>>();
    assert!(
        closed_while_trickling(&mut trickle, &endless),
        "the server kept a trickling connection open"
    );

    // A keep-alive connection answered once, then left idle, is closed.
    let mut idle = TcpStream::connect(&address).unwrap();
    idle.set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let mut answer = Vec::new();
    let ended = idle.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(ended.is_ok(), "the idle connection stayed open: {ended:?}");
}

#[test]
fn a_flood_of_searches_cannot_hold_an_ordinary_one_forever() {
    let server = Server::start(
        corpus_archive(),
        &[
            "--concurrent-searches",
            "1",
            "--queue-timeout-ms",
            "100",
            "--cache-mib",
            "0",
        ],
    );
    let base = server.base.clone();
    let flood: Vec<_> = (0..16)
        .map(|i| {
            let url = format!(
                "{base}/api/search?query=*&facet_limit=100&histogram=day&limit=100&all_copies=true&sort=newest&offset={i}"
            );
            std::thread::spawn(move || status_and_kind(&url))
        })
        .collect();
    let ordinary = status_and_kind(&format!("{base}/api/search?query=Syria"));
    let mut answers: Vec<(u16, String)> = flood.into_iter().map(|t| t.join().unwrap()).collect();
    answers.push(ordinary);
    for (status, kind) in &answers {
        assert!(
            *status == 200 || (*status == 503 && (kind == "busy" || kind == "timeout")),
            "{status} {kind}"
        );
    }
    // Once the flood is answered, so is the ordinary search.
    let (status, body) = server.get("/api/search?query=Syria");
    assert_eq!(status, 200, "{body}");
}

/// A GET with its own client (so the flood is concurrent): status and error kind.
fn status_and_kind(url: &str) -> (u16, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into();
    let mut response = agent.get(url).call().expect("the server answers");
    let status = response.status().as_u16();
    let body: Value =
        serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap_or(Value::Null);
    (status, error_kind(&body).to_owned())
}
