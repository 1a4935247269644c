//! `news-bench serve --hostile N`: connections sending hostile searches in
//! a loop beside the timed clients, as an attacker would.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::{connect, request, send, Run, REQUEST_TIMEOUT};

/// Hostile connections beside the clients, and whether they send costly searches too.
#[derive(Clone, Copy, Default)]
pub(super) struct Hostile {
    pub connections: usize,
    pub costly: bool,
}

/// Searches a hostile client sends in turn: refused before any work (the
/// sloppy phrase of repeated words, 3,000 filter values), and if `costly`
/// the costliest the limits allow (32 unknown names to look up with every
/// facet and a daily histogram; eight fuzzy words of one letter).
fn hostile_paths(costly: bool) -> Vec<String> {
    let the = vec!["the"; 20].join("+");
    let flood: Vec<String> = (0..3_000).map(|i| format!("persons=P{i}")).collect();
    let unknown: Vec<String> = (0..32).map(|i| format!("persons=Xqzw{i}")).collect();
    let heavy = "facet_limit=100&histogram=day&limit=100&all_copies=true";
    let mut paths = vec![
        format!("/api/search?query=%22{the}%22~100"),
        format!("/api/timeline?query=%22{the}%22~100"),
        format!("/api/search?query=oil&{}", flood.join("&")),
    ];
    if costly {
        paths.push(format!("/api/search?query=*&{heavy}&{}", unknown.join("&")));
        paths.push(format!(
            "/api/search?query=a~2+b~2+c~2+d~2+e~2+f~2+g~2+h~2&{heavy}"
        ));
    }
    paths
}

/// A hostile client: sends [`hostile_paths`] in turn, all of them at least
/// once, until `done`.
pub(super) async fn client(authority: &str, costly: bool, done: &AtomicBool) -> Run {
    let paths = hostile_paths(costly);
    let mut run = Run::default();
    let mut sender = None;
    for i in 0.. {
        if i >= paths.len() && done.load(Ordering::Relaxed) {
            break;
        }
        if sender.is_none() {
            sender = connect(authority).await.ok();
        }
        let Some(open) = sender.as_mut() else {
            *run.hostile.entry(0).or_default() += 1;
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let request = request(authority, &paths[i % paths.len()]);
        let answer = tokio::time::timeout(REQUEST_TIMEOUT, send(open, request)).await;
        let status = answer.ok().flatten().map_or(0, |(status, _, _)| status);
        if status == 0 {
            sender = None;
        }
        *run.hostile.entry(status).or_default() += 1;
    }
    run
}
