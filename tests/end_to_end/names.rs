//! The authority file (`news index --names FILE`) and the rules over names:
//! aliases, hidden names and short forms folded across the archive, applied
//! to stored articles without reading the input again, and undone when a
//! rule goes; `news entities --json` says where each value came from.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::support::*;

fn index_json(archive: &Path, args: &[&str]) -> Value {
    let mut all = vec!["index", "--json", "--quiet"];
    all.extend_from_slice(args);
    serde_json::from_slice(&news_ok(archive, &all).stdout).unwrap()
}

fn entities(archive: &Path, kind: &str, text: &str) -> Vec<Value> {
    let output = news_ok(archive, &["entities", kind, text, "--json"]);
    let parsed: Value = serde_json::from_slice(&output.stdout).unwrap();
    parsed.as_array().unwrap().clone()
}

fn entity(archive: &Path, kind: &str, name: &str) -> Option<Value> {
    entities(archive, kind, name)
        .into_iter()
        .find(|e| e["name"] == name)
}

/// The values of one facet of a search.
fn facet(archive: &Path, query: &str, name: &str) -> Vec<String> {
    search(archive, &[query, "--limit", "0"])["facets"][name]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["value"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn short_forms_fold_into_the_one_full_name_of_the_archive() {
    // The Tartus story says only "Tahrir al-Sham"; another names the group
    // in full: the archive files both under the full name.
    let archive = corpus_archive();
    let orgs = facet(archive, "Tartus", "organizations");
    assert!(
        orgs.contains(&"Hayat Tahrir al-Sham".to_owned()),
        "{orgs:?}"
    );
    assert!(!orgs.contains(&"Tahrir al-Sham".to_owned()), "{orgs:?}");
    let locations = facet(archive, "Tartus", "locations");
    assert!(locations.contains(&"Tartus".to_owned()));
    let tartus = entity(archive, "location", "Tartus").unwrap();
    assert_eq!(tartus["geonames_id"], 163345, "{tartus}");
}

#[test]
fn names_file_aliases_hides_and_is_undone_without_reading_input() {
    let archive = tempfile::TempDir::new().unwrap();
    let archive = archive.path();
    let corpus = workspace().join("corpus");
    let corpus = corpus.to_str().unwrap();
    let first = index_json(archive, &[corpus]);
    assert!(first["files"].as_u64().unwrap() > 0);
    assert!(entity(archive, "organization", "Kremlin").is_some());
    let hmeimim = entity(archive, "location", "Hmeimim").unwrap();
    assert_eq!(hmeimim["provenance"], "extraction");
    let total = || search(archive, &["*", "--limit", "0"])["total"].clone();
    let articles = total();

    let names = tempfile::TempDir::new().unwrap();
    let file = names.path().join("names.tsv");
    fs::write(
        &file,
        "# the archive's own names\n\
         alias\tHayat Tahrir al-Sham\tHTS (Hayat Tahrir al-Sham)\torganization\n\
         hide\tKremlin\torganization\n\
         alias\tHmeimim\tKhmeimim\tlocation\n\
         rename\tA\tB\tperson\n",
    )
    .unwrap();
    let output = news_ok(
        archive,
        &[
            "index",
            "--json",
            "--quiet",
            corpus,
            "--names",
            file.to_str().unwrap(),
        ],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("names.tsv:5"), "{stderr}");
    assert!(stderr.contains("unknown rule `rename`"), "{stderr}");
    let second: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(second["files"], 0, "no input is read again: {second}");
    assert_eq!(second["warnings"], 1, "{second}");
    let rewritten = second["rewritten"].as_u64().unwrap();
    assert!(rewritten > 0, "{second}");
    assert_eq!(
        total(),
        articles,
        "rewritten articles replace their old copies"
    );
    assert!(archive.join("news-names.tsv").exists());

    // The alias, with its provenance and the names folded into it.
    let hts = entity(archive, "organization", "HTS (Hayat Tahrir al-Sham)").unwrap();
    assert_eq!(hts["provenance"], "authority", "{hts}");
    let folded = hts["folded_from"].as_array().unwrap();
    assert!(
        folded.contains(&Value::from("Hayat Tahrir al-Sham")),
        "{hts}"
    );
    assert!(entity(archive, "organization", "Hayat Tahrir al-Sham").is_none());
    let khmeimim = entity(archive, "location", "Khmeimim").unwrap();
    assert_eq!(khmeimim["provenance"], "authority");
    assert!(facet(archive, "Tartus", "locations").contains(&"Khmeimim".to_owned()));
    // The hidden name is in no facet, filter or lookup.
    assert!(entity(archive, "organization", "Kremlin").is_none());
    assert!(!facet(archive, "Putin", "organizations").contains(&"Kremlin".to_owned()));
    let filtered = search(archive, &["--organization", "Kremlin", "--limit", "0"]);
    assert_eq!(filtered["total"], 0, "{filtered}");

    // A later run uses the archive's copy: nothing to do.
    let third = index_json(archive, &[corpus]);
    assert_eq!(
        (third["files"].as_u64(), third["rewritten"].as_u64()),
        (Some(0), Some(0))
    );

    // Removing rules brings back what extraction gave.
    fs::write(
        &file,
        "alias\tHayat Tahrir al-Sham\tHTS (Hayat Tahrir al-Sham)\torganization\n",
    )
    .unwrap();
    let fourth = index_json(archive, &[corpus, "--names", file.to_str().unwrap()]);
    assert_eq!(fourth["files"], 0);
    let undone = fourth["rewritten"].as_u64().unwrap();
    assert!(undone > 0 && undone <= rewritten, "{fourth}");
    let kremlin = entity(archive, "organization", "Kremlin").unwrap();
    assert_eq!(kremlin["provenance"], "extraction");
    assert_eq!(
        entity(archive, "location", "Hmeimim").unwrap()["count"],
        hmeimim["count"]
    );
    assert!(entity(archive, "location", "Khmeimim").is_none());
}

#[test]
fn a_surname_alone_files_under_the_one_full_name_until_another_comes() {
    let input = tempfile::TempDir::new().unwrap();
    let write = |file: &str, articles: &[(&str, &str)]| {
        let lines: Vec<String> = articles
            .iter()
            .map(|(id, body)| serde_json::json!({"id": id, "title": "", "body": body}).to_string())
            .collect();
        fs::write(input.path().join(file), lines.join("\n")).unwrap();
    };
    write(
        "a.jsonl",
        &[
            (
                "a1",
                "Margaret Thatcher met miners. Thatcher said the strike was over.",
            ),
            ("a2", "Margaret Thatcher visited Moscow on Monday."),
            ("a3", "Thatcher said on Tuesday the pound would hold."),
        ],
    );
    let archive = tempfile::TempDir::new().unwrap();
    let archive = archive.path();
    let dir = input.path().to_str().unwrap();
    index_json(archive, &[dir]);
    assert_eq!(facet(archive, "pound", "persons"), ["Margaret Thatcher"]);
    let thatcher = entity(archive, "person", "Margaret Thatcher").unwrap();
    assert_eq!(thatcher["count"], 3, "{thatcher}");
    assert!(entity(archive, "person", "Thatcher").is_none());
    // Nothing new, nothing to do: the copies the fold replaced do not count.
    let again = index_json(archive, &[dir]);
    assert_eq!(again["rewritten"], 0, "{again}");
    assert_eq!(facet(archive, "pound", "persons"), ["Margaret Thatcher"]);

    // A second Thatcher makes the surname alone ambiguous: it stands alone
    // again, without the first articles being read again.
    write(
        "b.jsonl",
        &[("b1", "Denis Thatcher opened a bank in York.")],
    );
    let second = index_json(archive, &[dir]);
    assert_eq!(second["files"], 1, "{second}");
    assert_eq!(facet(archive, "pound", "persons"), ["Thatcher"]);
}
