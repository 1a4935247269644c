//! `news serve`'s HTTP API, through a plain HTTP client: routes, JSON shapes,
//! status codes, limits, and what it will not serve.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::server::Server;
use crate::support::{corpus_archive, index, news_ok, workspace};

fn ids(response: &Value) -> Vec<&str> {
    response["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| hit["id"].as_str().unwrap())
        .collect()
}

fn error_kind(body: &Value) -> &str {
    body["error"]["kind"]
        .as_str()
        .unwrap_or_else(|| panic!("no error kind in {body}"))
}

#[test]
fn get_and_post_search_agree_and_repeated_parameters_are_lists() {
    let server = Server::start(corpus_archive(), &[]);
    let (status, get) = server.get(
        "/api/search?query=Syria&persons=Vladimir+Putin&persons=Sergei+Lavrov&limit=5&sort=newest",
    );
    assert_eq!(status, 200, "{get}");
    let (status, post) = server.post(
        "/api/search",
        &json!({"query": "Syria", "persons": ["Vladimir Putin", "Sergei Lavrov"], "limit": 5, "sort": "newest"})
            .to_string(),
    );
    assert_eq!(status, 200, "{post}");
    assert_eq!(get, post);

    // Either person: more than each alone, fewer than the query alone.
    let total = |path: &str| server.get(path).1["total"].as_u64().unwrap();
    let both = get["total"].as_u64().unwrap();
    let putin = total("/api/search?query=Syria&persons=Vladimir+Putin");
    let lavrov = total("/api/search?query=Syria&persons=Sergei+Lavrov");
    let all = total("/api/search?query=Syria");
    assert!(
        both >= putin.max(lavrov) && both < all,
        "{both} {putin} {lavrov} {all}"
    );

    // The documented shape.
    let hit = &get["hits"][0];
    for field in ["id", "title", "snippet", "date", "source"] {
        assert!(hit.get(field).is_some(), "hit lacks {field}: {hit}");
    }
    assert!(hit["highlights"].is_array() && hit["persons"].is_array());
    for facet in ["persons", "locations", "organizations", "sources"] {
        assert!(get["facets"][facet].is_array(), "no {facet} facet");
    }
    assert!(get["histogram"][0]["key"].is_string());
    assert!(ids(&get).len() <= 5);
}

#[test]
fn get_search_reads_every_kind_of_parameter() {
    let server = Server::start(corpus_archive(), &[]);
    let (status, body) = server.get(
        "/api/search?query=Tartus&from=2026-01&to=2026&fragments=0&facet_limit=2&histogram=&all_copies=true",
    );
    assert_eq!(status, 200, "{body}");
    assert!(body["total"].as_u64().unwrap() >= 1);
    assert!(body["facets"]["persons"].as_array().unwrap().len() <= 2);
    // An empty value turns an optional setting off.
    assert_eq!(body["histogram"], json!([]));
    assert_eq!(body["hits"][0]["fragments"], json!([]));
}

#[test]
fn errors_are_json_with_the_right_status() {
    let server = Server::start(corpus_archive(), &["--max-page-size", "20"]);
    let (status, body) = server.get("/api/search?query=%28Tartus");
    assert_eq!((status, error_kind(&body)), (400, "query"), "{body}");
    assert_eq!(body["error"]["position"], 7);
    assert_eq!(body["error"]["status"], 400);

    for (path, kind) in [
        ("/api/search?from=yesterday", "request"),
        ("/api/search?sort=sideways", "request"),
        ("/api/search?limit=many", "request"),
        ("/api/search?bogus=1", "request"),
        ("/api/search?limit=21", "request"),
        ("/api/search?facet_limit=100000", "request"),
        ("/api/search?cursor=nonsense", "cursor"),
        ("/api/timeline?query=oil&interval=fortnight", "request"),
        ("/api/entities/planets?prefix=Ma", "request"),
        ("/api/entities/person?limit=1000", "request"),
        ("/api/articles/x/related?limit=1000", "request"),
    ] {
        let (status, body) = server.get(path);
        assert_eq!((status, error_kind(&body)), (400, kind), "{path}: {body}");
    }
    let (status, body) = server.get("/api/search?limit=20");
    assert_eq!(status, 200, "the page size limit itself is allowed: {body}");

    for path in [
        "/api/articles/no-such-article",
        "/api/articles/no-such-article/related",
        "/api/nothing-here",
        "/index.html",
    ] {
        let (status, body) = server.get(path);
        assert_eq!(
            (status, error_kind(&body)),
            (404, "not_found"),
            "{path}: {body}"
        );
    }

    let (status, body) = server.post("/api/search", "{\"query\": ");
    assert_eq!(status, 400, "{body}");
    let (status, body) = server.post("/api/search", "{\"qurey\": \"Tartus\"}");
    assert_eq!(status, 422, "unknown fields are refused: {body}");
    let (status, body) = server.post("/healthz", "{}");
    assert_eq!((status, error_kind(&body)), (405, "method"), "{body}");
}

#[test]
fn bodies_over_the_limit_are_refused_with_413() {
    let server = Server::start(corpus_archive(), &[]);
    // A Content-Length over the limit is refused before the body is read.
    // The body is not sent: the server closes after its answer, and body
    // bytes still unread then would reset the connection, losing the
    // answer on a slow machine before the client reads it.
    let answer = raw(
        &server,
        "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
         Content-Length: 140000\r\nConnection: close\r\n\r\n",
    );
    let body: Value = serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap_or(""))
        .unwrap_or_else(|e| panic!("{e}: {answer}"));
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert_eq!(error_kind(&body), "too_large", "{answer}");
    // Without a Content-Length the limit holds all the same: 72 KB of
    // chunks, the body left open, so the server has read all that was sent
    // when it refuses.
    let mut chunks = String::new();
    let chunk = "a".repeat(8192);
    for _ in 0..9 {
        chunks.push_str(&format!("{:x}\r\n{chunk}\r\n", chunk.len()));
    }
    let head = raw(
        &server,
        &format!(
            "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
             Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n{chunks}"
        ),
    );
    assert!(head.starts_with("HTTP/1.1 413"), "{head}");
}

#[test]
fn a_request_over_its_time_is_answered_503() {
    let server = Server::start(corpus_archive(), &["--timeout-ms", "0"]);
    let (status, body) = server.get("/api/search?query=Syria");
    assert_eq!((status, error_kind(&body)), (503, "timeout"), "{body}");
}

#[test]
fn articles_related_entities_timeline_and_health() {
    let server = Server::start(corpus_archive(), &[]);
    let (_, found) = server.get("/api/search?query=Tartus+AND+Putin&limit=1");
    let id = found["hits"][0]["id"].as_str().unwrap().to_owned();

    let (status, article) = server.get(&format!("/api/articles/{id}"));
    assert_eq!(status, 200, "{article}");
    assert_eq!(article["id"], id.as_str());
    assert!(article["body"].as_str().unwrap().contains("Tartus"));
    assert!(article["persons"]
        .as_array()
        .unwrap()
        .contains(&json!("Vladimir Putin")));
    assert_eq!(
        article["origin"],
        Value::Null,
        "no file path of the server's goes out"
    );

    let (status, related) = server.get(&format!("/api/articles/{id}/related?limit=3"));
    assert_eq!(status, 200, "{related}");
    let related = related.as_array().unwrap();
    assert!(!related.is_empty() && related.len() <= 3);
    assert!(related.iter().all(|hit| hit["id"] != id.as_str()));

    let (status, names) = server.get("/api/entities/person?prefix=Puti");
    assert_eq!(status, 200, "{names}");
    assert_eq!(names[0]["name"], "Vladimir Putin");
    assert!(names[0]["count"].as_u64().unwrap() >= 1);
    let (_, places) = server.get("/api/entities/locations?limit=3");
    assert_eq!(places.as_array().unwrap().len(), 3);

    let (status, timeline) = server.get("/api/timeline?query=Syria&interval=year&sources=Seed");
    assert_eq!(status, 200, "{timeline}");
    assert_eq!(timeline["interval"], "year");
    let bucket = &timeline["buckets"][0];
    assert!(bucket["key"].as_str().unwrap().len() == 4, "{bucket}");
    for field in ["count", "total", "ratio"] {
        assert!(bucket[field].is_number(), "{bucket}");
    }
    let (_, by_month) = server.get("/api/timeline?query=Syria");
    assert_eq!(by_month["interval"], "month");

    let (status, health) = server.get("/healthz");
    let (_, everything) = server.get("/api/search?limit=0&all_copies=true");
    assert_eq!(status, 200);
    assert_eq!(health["status"], "ok");
    assert_eq!(health["articles"], everything["total"]);
}

/// Sends raw bytes, so no client tidies the path first; returns what came back.
fn raw(server: &Server, request: &str) -> String {
    let mut stream = TcpStream::connect(server.base.trim_start_matches("http://")).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    // The server may answer and close before reading a refused body to the end.
    let _ = stream.write_all(request.as_bytes());
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

#[test]
fn paths_out_of_the_index_lead_nowhere() {
    let server = Server::start(corpus_archive(), &[]);
    for path in [
        "/../../../../etc/passwd",
        "/app.js/../../Cargo.toml",
        "/%2e%2e/%2e%2e/Cargo.toml",
        "/api/articles/..%2F..%2F..%2Fetc%2Fpasswd",
        "/api/articles/../../../../etc/passwd",
        "/assets/app.js",
        "//etc/passwd",
    ] {
        let answer = raw(
            &server,
            &format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
        );
        let status = answer.split_whitespace().nth(1).unwrap_or("");
        assert!(
            status == "404" || status == "400",
            "{path} answered {status}"
        );
        assert!(
            !answer.contains("root:") && !answer.contains("[workspace]"),
            "{path} served a file: {answer}"
        );
    }
}

#[test]
fn the_page_comes_from_the_binary_and_loads_nothing_else() {
    let server = Server::start(corpus_archive(), &[]);
    let (status, content_type, html) = server.get_text("/");
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/html"), "{content_type}");
    assert!(html.contains("<script src=\"app.js\"") && html.contains("app.css"));
    for (path, kind) in [("/app.js", "text/javascript"), ("/app.css", "text/css")] {
        let (status, content_type, body) = server.get_text(path);
        assert_eq!(status, 200, "{path}");
        assert!(content_type.starts_with(kind), "{path}: {content_type}");
        assert!(!body.is_empty());
    }
    // Only the SVG namespace name looks like a URL; nothing is fetched from outside.
    let (_, _, js) = server.get_text("/app.js");
    let (_, _, css) = server.get_text("/app.css");
    for text in [&html, &js, &css] {
        let outside = text.replace("http://www.w3.org/2000/svg", "");
        assert!(!outside.contains("http://") && !outside.contains("https://"));
    }
    let answer = raw(
        &server,
        "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    let policy = answer
        .lines()
        .find(|line| {
            line.to_ascii_lowercase()
                .starts_with("content-security-policy:")
        })
        .expect("the page sets a content security policy");
    assert!(policy.contains("default-src 'none'"), "{policy}");
}

#[test]
fn it_serves_what_an_indexer_beside_it_commits_and_keeps_answers_until_then() {
    let corpus = workspace().join("corpus");
    let archive = index(&[&corpus.join("2024")]);
    let server = Server::start(archive.path(), &[]);
    let count = |server: &Server| server.get("/healthz").1["articles"].as_u64().unwrap();
    let before = count(&server);
    let search = "/api/search?query=Tartous&facet_limit=5";
    let (cache, tartus) = server.get_header(search, "x-cache");
    assert_eq!(cache.as_deref(), Some("miss"));
    let tartus_before = tartus["total"].as_u64().unwrap();
    // Asked again while nothing changed: the same answer, kept.
    let (cache, again) = server.get_header(search, "x-cache");
    assert_eq!((cache.as_deref(), &again), (Some("hit"), &tartus));

    news_ok(
        archive.path(),
        &["index", corpus.join("2025").to_str().unwrap()],
    );
    let started = Instant::now();
    while count(&server) == before {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the server still counts {before} articles after the indexer committed"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(count(&server) > before);
    // The commit made the kept answer unreachable: searched anew.
    let (cache, tartus) = server.get_header(search, "x-cache");
    assert_eq!(cache.as_deref(), Some("miss"));
    assert!(tartus["total"].as_u64().unwrap() > tartus_before);
}
