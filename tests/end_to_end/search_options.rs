//! `news search` options beyond the basics: output formats, cursors, sources,
//! sections, facet and histogram settings, and how names are resolved.

use crate::newsroom::newsroom_archive;
use crate::support::*;

fn stdout(args: &[&str]) -> String {
    String::from_utf8(news_ok(newsroom_archive(), args).stdout).unwrap()
}

#[test]
fn partial_names_resolve_with_a_note() {
    let response = search(newsroom_archive(), &["*", "--person", "Putin"]);
    assert_eq!(response["total"], 3);
    assert_eq!(
        response["notices"][0],
        serde_json::json!({"facet": "persons", "given": "Putin", "used": "Vladimir Putin"})
    );
    let unknown = news_ok(
        newsroom_archive(),
        &["search", "*", "--person", "Angela Merkel", "--json"],
    );
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no \"Angela Merkel\""));
    let table = stdout(&["search", "*", "--person", "Putin"]);
    assert!(
        table.starts_with("note: persons: \"Putin\" read as \"Vladimir Putin\""),
        "{table}"
    );
}

#[test]
fn facets_of_a_selected_facet_keep_the_other_values() {
    let response = search(
        newsroom_archive(),
        &["*", "--person", "Emmanuel Macron", "--facet-limit", "3"],
    );
    assert_eq!(response["total"], 2);
    let persons = facet_values(&response, "persons");
    assert_eq!(persons.len(), 3);
    assert!(
        persons.contains(&"Vladimir Putin".to_owned()),
        "{persons:?}"
    );
    assert_eq!(facet_values(&response, "sources").len(), 2);
}

#[test]
fn source_and_section_filters() {
    let wire_one = search(newsroom_archive(), &["*", "--source", "Wire One"]);
    assert_eq!(wire_one["total"], 3);
    let politics = search(
        newsroom_archive(),
        &["*", "--source", "Wire One", "--section", "politics"],
    );
    assert_eq!(titles(&politics), ["Sharaa meets Putin in Moscow"]);
}

#[test]
fn cursor_pages_through_everything_once() {
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut args = vec!["*", "--sort", "newest", "--limit", "2"];
        if let Some(c) = &cursor {
            args.extend(["--cursor", c.as_str()]);
        }
        let page = search(newsroom_archive(), &args);
        seen.extend(
            page["hits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| h["id"].as_str().unwrap().to_owned()),
        );
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
    }
    assert_eq!(
        seen,
        ["kremlin", "frigate", "ankara", "paris", "final", "budget"]
    );
    let bad = news(newsroom_archive(), &["search", "*", "--cursor", "xyz"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("invalid cursor"));
}

#[test]
fn ndjson_and_csv_print_one_hit_per_line() {
    let ndjson = stdout(&["search", "Tartus", "--format", "ndjson"]);
    let hits: Vec<serde_json::Value> = ndjson
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 2);
    assert!(hits[0]["fragments"][0]["html"]
        .as_str()
        .unwrap()
        .contains("<mark>Tartus</mark>"));
    let csv = stdout(&["search", "budget", "--format", "csv"]);
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("id,date,title,source,section"));
    let row = lines.next().unwrap();
    assert!(
        row.starts_with("budget,2025-03-20T00:00:00Z,Macron presents a budget,Wire One,economy"),
        "{row}"
    );
    assert_eq!(lines.next(), None);
}

#[test]
fn histogram_interval_and_facet_limit() {
    let weeks = search(
        newsroom_archive(),
        &["Putin", "--histogram", "week", "--facet-limit", "1"],
    );
    assert_eq!(
        weeks["histogram"][0]["key"], "2025-11-03",
        "weeks are keyed by their Monday"
    );
    assert_eq!(facet_values(&weeks, "persons"), ["Vladimir Putin"]);
    let none = search(
        newsroom_archive(),
        &["Putin", "--histogram", "none", "--facet-limit", "0"],
    );
    assert_eq!(none["histogram"], serde_json::json!([]));
    assert_eq!(none["facets"]["persons"], serde_json::json!([]));
    let table = stdout(&["search", "Putin", "--histogram", "year"]);
    assert!(
        table.contains("By year") && table.contains("2026"),
        "{table}"
    );
}

#[test]
fn a_purely_negative_query_and_fuzzy_words_work_from_the_command_line() {
    let not_putin = search(newsroom_archive(), &["NOT Putin"]);
    assert_eq!(not_putin["total"], 3);
    let fuzzy = search(newsroom_archive(), &["Erdoganx~1"]);
    assert_eq!(titles(&fuzzy), ["Putin and Erdogan discuss gas"]);
}

/// Three English, two German and one French article. The JSON reader takes
/// no `language` field: the language is detected from the text, long enough
/// for that.
fn multilingual_archive() -> &'static std::path::Path {
    static ARCHIVE: std::sync::OnceLock<(tempfile::TempDir, tempfile::TempDir)> =
        std::sync::OnceLock::new();
    let (_, archive) = ARCHIVE.get_or_init(|| {
        let input = tempfile::TempDir::new().unwrap();
        let file = input.path().join("languages.jsonl");
        let article = |id: &str, date: &str, language: &str, title: &str, body: &str| {
            serde_json::json!({"id": id, "date": date, "language": language, "title": title,
                               "body": body, "source": "Wire One"})
            .to_string()
        };
        let lines = [
            article("en-1", "2026-01-05", "en", "Grain ships leave the port",
                "The grain ships left the port on Monday after the agreement was signed. Officials said that more vessels would follow during the week if the weather held."),
            article("en-2", "2026-02-05", "en", "Grain prices fall",
                "Prices of grain fell for the third week as the harvest came in early. Traders expect the market to stay weak until the end of the season."),
            article("en-3", "2026-02-09", "en", "Port reopens",
                "The port reopened to traffic after the storm had passed through the region. Workers cleared the quays during the night and the first ships came in."),
            article("de-1", "2026-01-07", "de", "Getreideschiffe verlassen den Hafen",
                "Die Getreideschiffe haben den Hafen am Montag verlassen, nachdem das Abkommen unterzeichnet wurde. Die Behörden sagten, dass weitere Schiffe im Laufe der Woche folgen würden."),
            article("de-2", "2026-03-02", "de", "Getreidepreise fallen",
                "Die Preise für Getreide sind in der dritten Woche gefallen, weil die Ernte früh kam. Die Händler erwarten, dass der Markt bis zum Ende der Saison schwach bleibt."),
            article("fr-1", "2026-03-04", "fr", "Les navires quittent le port",
                "Les navires chargés de céréales ont quitté le port lundi après la signature de l'accord. Les autorités ont dit que d'autres navires suivraient pendant la semaine."),
        ];
        std::fs::write(&file, lines.join("\n")).unwrap();
        let archive = index(&[&file]);
        (input, archive)
    });
    archive.path()
}

fn counts(response: &serde_json::Value, facet: &str) -> Vec<(String, u64)> {
    response["facets"][facet]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["value"].as_str().unwrap().to_owned(),
                v["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn language_filter_and_facet_in_search_timeline_and_export() {
    let archive = multilingual_archive();
    let pairs = |list: &[(&str, u64)]| -> Vec<(String, u64)> {
        list.iter().map(|(v, c)| ((*v).to_owned(), *c)).collect()
    };
    let all = search(archive, &["*"]);
    assert_eq!(all["total"], 6);
    assert_eq!(
        counts(&all, "languages"),
        pairs(&[("en", 3), ("de", 2), ("fr", 1)])
    );

    let german = search(archive, &["*", "--language", "de"]);
    assert_eq!(german["total"], 2);
    // The facet of a selected language keeps the other languages.
    assert_eq!(
        counts(&german, "languages"),
        pairs(&[("en", 3), ("de", 2), ("fr", 1)])
    );
    let two = search(archive, &["*", "--language", "de", "--language", "fr"]);
    assert_eq!(two["total"], 3);
    let table = String::from_utf8(news_ok(archive, &["search", "*"]).stdout).unwrap();
    assert!(table.contains("Languages"), "{table}");

    let timeline = news_ok(archive, &["timeline", "*", "--language", "en", "--json"]);
    let timeline: serde_json::Value = serde_json::from_slice(&timeline.stdout).unwrap();
    let buckets: Vec<(String, u64, u64)> = timeline["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            let n = |k: &str| b[k].as_u64().unwrap();
            (
                b["key"].as_str().unwrap().to_owned(),
                n("count"),
                n("total"),
            )
        })
        .collect();
    assert_eq!(
        buckets,
        [("2026-01".to_owned(), 1, 1), ("2026-02".to_owned(), 2, 2)]
    );

    let out = tempfile::TempDir::new().unwrap();
    let jsonl = out.path().join("fr.jsonl");
    news_ok(
        archive,
        &[
            "export",
            "--language",
            "fr",
            "--format",
            "jsonl",
            "--out",
            &jsonl.display().to_string(),
        ],
    );
    let lines = std::fs::read_to_string(&jsonl).unwrap();
    let ids: Vec<serde_json::Value> = lines
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .collect();
    assert_eq!(ids.len(), 1);
    assert_eq!(
        (&ids[0]["id"], &ids[0]["language"]),
        (&"fr-1".into(), &"fr".into())
    );
}

#[test]
fn the_server_takes_language_parameters() {
    let server = crate::server::Server::start(multilingual_archive(), &[]);
    let (status, german) = server.get("/api/search?query=*&language=de");
    assert_eq!((status, &german["total"]), (200, &2.into()));
    let (_, two) = server.get("/api/search?query=*&language=de&language=fr");
    assert_eq!(two["total"], 3);
    let (_, plural) = server.get("/api/search?query=*&languages=en");
    assert_eq!(plural["total"], 3);
    assert_eq!(plural["facets"]["languages"][0]["value"], "en");
    let (status, _) = server.get("/api/timeline?query=*&language=en&interval=month");
    assert_eq!(status, 200);
}
