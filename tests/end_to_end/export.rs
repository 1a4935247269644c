//! `news export`: Parquet read back by DuckDB agrees with `news search`, JSON
//! Lines re-indexed by `news index` answers the same, and the OpenSearch and
//! Quickwit files follow the published formats.

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use news_query::Archive;
use serde_json::Value;
use tempfile::TempDir;

use crate::support::{index, news_ok, reuters_sample, search, workspace};

/// An archive of the first 3,000 Reuters-21578 articles, built once.
fn reuters_archive() -> &'static Path {
    static ARCHIVE: OnceLock<(TempDir, TempDir)> = OnceLock::new();
    let (_, archive) = ARCHIVE.get_or_init(|| {
        let sample = reuters_sample(3_000);
        let archive = index(&[&sample.path().join("reuters.jsonl")]);
        (sample, archive)
    });
    archive.path()
}

/// Runs a checking script of `scripts/` with python3, insisting it passes.
fn python(script: &str, args: &[&str]) {
    let output = Command::new("python3")
        .arg(workspace().join("scripts").join(script))
        .args(args)
        .output()
        .expect("python3 runs (the CI installs it, with duckdb and pyyaml)");
    assert!(
        output.status.success(),
        "{script} failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn export(archive: &Path, args: &[&str]) {
    let mut all = vec!["export", "--quiet"];
    all.extend_from_slice(args);
    news_ok(archive, &all);
}

#[test]
fn parquet_read_by_duckdb_agrees_with_search() {
    let archive = reuters_archive();
    let out = TempDir::new().unwrap();
    let path = |name: &str| out.path().join(name).display().to_string();
    let filters = ["oil", "--from", "1987-03", "--to", "1987-10"];
    let response = search(
        archive,
        &[
            &filters[..],
            &["--all-copies", "--facet-limit", "25", "--limit", "0"],
        ]
        .concat(),
    );
    assert!(response["total"].as_u64().unwrap() > 50, "{response}");
    std::fs::write(path("search.json"), response.to_string()).unwrap();

    let (all, collapsed, csv) = (path("all.parquet"), path("one.parquet"), path("all.csv"));
    export(
        archive,
        &[
            &filters[..],
            &[
                "--format",
                "parquet",
                "--all-copies",
                "--out",
                &all,
                "--entities",
            ],
        ]
        .concat(),
    );
    export(
        archive,
        &[&filters[..], &["--format", "parquet", "--out", &collapsed]].concat(),
    );
    export(
        archive,
        &[
            &filters[..],
            &["--format", "csv", "--all-copies", "--out", &csv],
        ]
        .concat(),
    );
    python(
        "check_parquet.py",
        &[
            &all,
            "--search",
            &path("search.json"),
            "--collapsed",
            &collapsed,
            "--entities",
            &path("all.entities.parquet"),
            "--csv",
            &csv,
        ],
    );
}

#[test]
fn parquet_of_a_person_filter_has_the_search_total() {
    let archive = reuters_archive();
    let out = TempDir::new().unwrap();
    let file = out.path().join("p.parquet").display().to_string();
    let json = out.path().join("search.json").display().to_string();
    let person = search(archive, &["*", "--limit", "0"])["facets"]["persons"][0]["value"]
        .as_str()
        .unwrap()
        .to_owned();
    let filters = ["--person", person.as_str(), "--all-copies"];
    let response = search(archive, &[&filters[..], &["--limit", "0"]].concat());
    std::fs::write(&json, response.to_string()).unwrap();
    export(
        archive,
        &[
            &filters[..],
            &["--format", "parquet", "--no-body", "--out", &file],
        ]
        .concat(),
    );
    // The persons facet of a search ignores its own filter (multi-select):
    // only the others count the filtered articles alone.
    python(
        "check_parquet.py",
        &[
            &file,
            "--search",
            &json,
            "--facets",
            "locations,organizations",
        ],
    );
}

/// The answers that must survive a round trip: totals and facets of a few searches.
fn answers(archive: &Path) -> Vec<Value> {
    let queries: [&[&str]; 4] = [
        &["*"],
        &["oil", "--from", "1987-03"],
        &["wheat OR grain"],
        &["bank", "--location", "United States"],
    ];
    queries
        .iter()
        .map(|query| {
            let response = search(
                archive,
                &[query, &["--all-copies", "--limit", "0"][..]].concat(),
            );
            serde_json::json!({
                "total": response["total"],
                "facets": response["facets"],
                "histogram": response["histogram"],
            })
        })
        .collect()
}

#[test]
fn jsonl_reindexed_gives_the_same_articles_and_answers() {
    let archive = reuters_archive();
    let out = TempDir::new().unwrap();
    let jsonl = out.path().join("export.jsonl");
    export(
        archive,
        &[
            "--format",
            "jsonl",
            "--all-copies",
            "--out",
            &jsonl.display().to_string(),
        ],
    );
    let again = index(&[&jsonl]);
    assert_eq!(answers(again.path()), answers(archive));

    let (before, after) = (
        Archive::open(archive).unwrap(),
        Archive::open(again.path()).unwrap(),
    );
    assert_eq!(before.len(), after.len());
    let lines = std::fs::read_to_string(&jsonl).unwrap();
    let mut with_countries = 0;
    for line in lines.lines() {
        let id = serde_json::from_str::<Value>(line).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let (a, b) = (
            before.article(&id).unwrap().unwrap(),
            after
                .article(&id)
                .unwrap()
                .expect("every exported article is re-indexed"),
        );
        assert_eq!(
            (&a.title, &a.body, a.date, &a.source, &a.section),
            (&b.title, &b.body, b.date, &b.source, &b.section),
            "{id}"
        );
        // Countries too: the export carries them and `news index` takes a
        // record's given countries rather than deriving them again from the
        // place names, without the context that chose among places of one
        // name (Geneva, Switzerland or New York).
        assert_eq!(
            (&a.persons, &a.locations, &a.organizations, &a.countries),
            (&b.persons, &b.locations, &b.organizations, &b.countries),
            "{id}"
        );
        with_countries += usize::from(!a.countries.is_empty());
    }
    assert!(
        with_countries > 100,
        "{with_countries} articles with countries"
    );
}

#[test]
fn search_engine_files_follow_the_published_formats() {
    let archive = reuters_archive();
    let out = TempDir::new().unwrap();
    let (opensearch, quickwit) = (out.path().join("os"), out.path().join("qw"));
    for (format, dir) in [("opensearch", &opensearch), ("quickwit", &quickwit)] {
        export(
            archive,
            &[
                "--format",
                format,
                "--all-copies",
                "--bulk-mb",
                "1",
                "--out",
                &dir.display().to_string(),
            ],
        );
    }
    // `total` counts every copy, as --all-copies exports them.
    let articles = search(archive, &["*", "--limit", "0"])["total"]
        .as_u64()
        .unwrap();
    let bulk_files = std::fs::read_dir(&opensearch).unwrap().count() - 1;
    assert!(
        bulk_files >= 2,
        "3,000 articles fill more than one 1 MB file"
    );
    python(
        "check_search_engine_files.py",
        &[
            "--opensearch",
            &opensearch.display().to_string(),
            "--quickwit",
            &quickwit.display().to_string(),
            "--articles",
            &articles.to_string(),
            "--max-bytes",
            "1000000",
        ],
    );
    // An earlier export's files are not silently mixed with a new one's.
    let output = crate::support::news(
        archive,
        &[
            "export",
            "--format",
            "quickwit",
            "--out",
            &quickwit.display().to_string(),
        ],
    );
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("earlier export"));
}

#[test]
fn parquet_needs_a_path_and_says_so() {
    let output = crate::support::news(reuters_archive(), &["export", "--format", "parquet"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--out"));
}
