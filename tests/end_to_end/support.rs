//! Running `news` and reading what it prints.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use news_query::{Archive, SearchRequest};
use serde_json::Value;
use tempfile::TempDir;

/// The workspace root (where `corpus/` is).
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A file under the read-only `../shared/data` beside the checkout.
pub fn shared_data(relative: &str) -> PathBuf {
    let path = workspace().join("../shared/data").join(relative);
    assert!(
        path.exists(),
        "{} is missing: the shared data must sit beside the checkout",
        path.display()
    );
    path
}

/// Runs `news --index INDEX ARGS...`.
pub fn news(index: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_news"))
        .arg("--index")
        .arg(index)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the news binary runs")
}

/// Runs `news` and insists it succeeds.
pub fn news_ok(index: &Path, args: &[&str]) -> Output {
    let output = news(index, args);
    assert!(
        output.status.success(),
        "news {args:?} failed: {}\n{}",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    );
    output
}

/// Indexes `inputs` into a fresh archive.
pub fn index(inputs: &[&Path]) -> TempDir {
    let dir = TempDir::new().unwrap();
    let mut args = vec!["index"];
    let inputs: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    args.extend(inputs.iter().map(String::as_str));
    news_ok(dir.path(), &args);
    dir
}

/// `news search ARGS... --json`, parsed.
pub fn search(index: &Path, args: &[&str]) -> Value {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.push("--json");
    let output = news_ok(index, &all);
    serde_json::from_slice(&output.stdout).expect("search --json prints one JSON object")
}

/// The archive of the bundled corpus, built once for all tests of this binary.
pub fn corpus_archive() -> &'static Path {
    static ARCHIVE: OnceLock<TempDir> = OnceLock::new();
    ARCHIVE
        .get_or_init(|| index(&[&workspace().join("corpus")]))
        .path()
}

/// The titles of the hits of a search response.
pub fn titles(response: &Value) -> Vec<String> {
    response["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| hit["title"].as_str().unwrap().to_owned())
        .collect()
}

/// The values of one facet of a response.
pub fn facet_values(response: &Value, facet: &str) -> Vec<String> {
    response["facets"][facet]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["value"].as_str().unwrap().to_owned())
        .collect()
}

/// A list of strings in a hit.
pub fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

/// Every article of an archive, near-duplicates included, as (id, cluster,
/// title), sorted: what two archives must agree on to be the same.
pub fn every_article(archive: &Path) -> Vec<(String, u64, String)> {
    let archive = Archive::open(archive).unwrap();
    let mut request = SearchRequest::new("*")
        .limit(10_000)
        .all_copies(true)
        .facet_limit(0)
        .histogram(None)
        .fragments(0);
    let mut articles = Vec::new();
    loop {
        // A cursor page at a time: offsets stop at 10,000.
        let page = archive.search(&request).unwrap();
        for hit in page.hits {
            let record = archive
                .article(&hit.id)
                .unwrap()
                .expect("a hit is an article");
            let cluster = record.cluster.expect("every article has a cluster");
            articles.push((hit.id, cluster, hit.title));
        }
        match page.next_cursor {
            Some(cursor) => request = request.cursor(cursor),
            None => break,
        }
    }
    articles.sort();
    articles
}

/// The first `count` articles of Reuters-21578 as `reuters.jsonl` in a
/// temporary directory.
pub fn reuters_sample(count: usize) -> TempDir {
    let reuters = std::fs::read_to_string(shared_data("corpora/reuters21578.jsonl")).unwrap();
    let mut sample: String = reuters.lines().take(count).collect::<Vec<_>>().join("\n");
    sample.push('\n');
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("reuters.jsonl"), sample).unwrap();
    dir
}

/// Starts `news --index INDEX index INPUT --quiet` without waiting for it.
pub fn spawn_index(index: &Path, input: &Path, extra: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_news"))
        .arg("--index")
        .arg(index)
        .arg("index")
        .arg(input)
        .arg("--quiet")
        .args(extra)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the news binary starts")
}

/// Articles a search of everything counts, as `news search` sees them.
pub fn total_articles(index: &Path) -> u64 {
    search(index, &["*", "--limit", "0", "--all-copies"])["total"]
        .as_u64()
        .unwrap()
}
