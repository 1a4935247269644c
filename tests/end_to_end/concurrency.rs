//! Concurrency: one writer per archive, named when it refuses a second one;
//! searches go on while `news index` runs and see only committed articles; a
//! killed writer's lock does not block the next run.

use std::time::{Duration, Instant};

use news_indexer::lock::WriteLock;

use crate::support::*;

/// Waits until the archive's lock is held by `pid`.
fn wait_for_holder(archive: &std::path::Path, pid: u32) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while WriteLock::holder(archive).is_none_or(|h| h.pid != pid) {
        assert!(Instant::now() < deadline, "news index never took the lock");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_second_writer_is_refused_at_once_naming_the_holder() {
    let archive = tempfile::TempDir::new().unwrap();
    let corpus = workspace().join("corpus").display().to_string();
    let held = WriteLock::acquire(archive.path()).unwrap();
    let started = Instant::now();
    let output = news(archive.path(), &["index", &corpus]);
    assert!(started.elapsed() < Duration::from_secs(10), "it waited");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    let holder = WriteLock::holder(archive.path()).unwrap();
    for part in [
        "being written by another `news index`".to_owned(),
        format!("pid {}", std::process::id()),
        format!("on host {}", holder.host),
        format!("started {}", holder.started),
    ] {
        assert!(stderr.contains(&part), "{part} missing from: {stderr}");
    }
    drop(held);
    news_ok(archive.path(), &["index", &corpus]);
}

#[test]
fn searches_run_during_indexing_and_a_killed_writer_does_not_block() {
    let input = reuters_sample(3000);
    let archive = tempfile::TempDir::new().unwrap();
    let archive = archive.path();
    // Something committed first, so there is an archive to search from the start.
    news_ok(
        archive,
        &["index", &workspace().join("corpus").display().to_string()],
    );
    let before = total_articles(archive);

    let mut child = spawn_index(archive, input.path(), &["--commit-every", "200"]);
    wait_for_holder(archive, child.id());
    let output = news(archive, &["index", &input.path().display().to_string()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&format!("pid {}", child.id())), "{stderr}");
    let mut seen = vec![before];
    while child.try_wait().unwrap().is_none() {
        seen.push(total_articles(archive));
    }
    assert!(child.wait().unwrap().success());
    let after = total_articles(archive);
    seen.push(after);
    assert!(seen.len() > 3, "searches ran during the run: {seen:?}");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert!(after > before);

    // A writer killed while it holds the lock leaves nothing that blocks.
    let extra = reuters_sample(4000);
    let mut child = spawn_index(archive, extra.path(), &[]);
    wait_for_holder(archive, child.id());
    child.kill().unwrap();
    child.wait().unwrap();
    news_ok(archive, &["index", &extra.path().display().to_string()]);
}
