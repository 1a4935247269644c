//! Tests of cluster/mod.rs.

use super::*;

/// The undated signature, which is all most of these tests need.
fn signature(id: &str, title: &str, body: &str) -> Signature {
    crate::cluster::sketch::signature(id, title, body, None)
}

const STORY: &str = "The Bank of Japan left interest rates unchanged on Tuesday and said \
    the economy was recovering moderately, while warning that weak exports to China and \
    a strong yen could weigh on growth in the coming months, according to a statement \
    released after its two-day policy meeting in Tokyo.";

fn index(verdict: io::Result<Verdict>) -> (u64, bool, bool) {
    match verdict.unwrap() {
        Verdict::Index {
            cluster,
            nearest,
            replaces,
        } => (cluster, nearest.is_some(), replaces),
        Verdict::Duplicate { .. } => panic!("not expected to be a duplicate"),
    }
}

#[test]
fn near_copies_share_a_cluster_and_other_stories_do_not() {
    let mut clusters = Clusters::new();
    let first = signature("a", "BOJ holds rates", STORY);
    let (a, joined, _) = index(clusters.assign(&first, 1));
    assert_eq!((a, joined), (first.id, false));
    let copy = signature(
        "b",
        "Bank of Japan holds rates steady",
        &STORY.replace("Tuesday", "Tuesday morning"),
    );
    let (b, joined, _) = index(clusters.assign(&copy, 2));
    assert_eq!((b, joined), (a, true));
    let other = signature(
        "c",
        "Wheat harvest",
        "Farmers in Kansas began harvesting winter wheat a week early after a dry, hot \
         May, and analysts said yields would be lower than last year's record crop.",
    );
    let (c, joined, _) = index(clusters.assign(&other, 2));
    assert_eq!((c, joined), (other.id, false));
}

#[test]
fn only_articles_a_day_apart_or_both_undated_are_compared() {
    let day = 86_400;
    let dated = |id: &str, days: i64| {
        crate::cluster::sketch::signature(id, "BOJ", STORY, Some(20_000 * day + days * day))
    };
    let mut clusters = Clusters::new();
    let (first, _, _) = index(clusters.assign(&dated("a", 0), 1));
    // Each edited a little differently, so none is an exact copy.
    let edited = |id: &str, days: i64| {
        crate::cluster::sketch::signature(
            id,
            "BOJ",
            &STORY.replace("Tokyo", &format!("Tokyo {id}")),
            Some(20_000 * day + days * day),
        )
    };
    assert_eq!(index(clusters.assign(&edited("b", 1), 1)).0, first);
    assert_eq!(index(clusters.assign(&edited("c", -1), 1)).0, first);
    let (far, joined, _) = index(clusters.assign(&edited("d", 3), 1));
    assert_eq!((far, joined), (signature("d", "", "").id, false));
    let undated =
        |id: &str| crate::cluster::sketch::signature(id, "BOJ", &STORY.replace("yen", id), None);
    assert!(!index(clusters.assign(&undated("e"), 1)).1);
    assert_eq!(index(clusters.assign(&undated("f"), 1)).0, undated("e").id);
}

#[test]
fn exact_duplicates_are_skipped_whatever_their_id() {
    let mut clusters = Clusters::new();
    index(clusters.assign(&signature("a", "T", STORY), 1));
    let again = signature("z", "t", &STORY.to_uppercase());
    assert_eq!(
        clusters.assign(&again, 2).unwrap(),
        Verdict::Duplicate { of: 0 }
    );
    assert_eq!(clusters.len(), 1);
}

#[test]
fn the_same_id_with_new_text_replaces_and_frees_the_old_text() {
    let mut clusters = Clusters::new();
    index(clusters.assign(&signature("a", "T", STORY), 1));
    let (_, _, replaces) = index(clusters.assign(&signature("a", "T2", "Other text."), 1));
    assert!(replaces);
    assert_eq!(clusters.len(), 1);
    // The first text is no longer indexed, so a copy of it under another id is.
    let (_, _, replaces) = index(clusters.assign(&signature("b", "T", STORY), 1));
    assert!(!replaces);
}

/// A stored state opened with a small budget and forgetting `forget`.
fn reopen(clusters: &mut Clusters, dir: &Path, budget: usize, forget: &[u32]) -> Clusters {
    let path = dir.join(store::FILE_NAME);
    clusters.write(&path, 7).unwrap();
    let stored = store::read(&path, 7).unwrap();
    assert!(stored.is_some());
    Clusters::open(dir, budget, stored, &forget.iter().copied().collect())
}

#[test]
fn forgetting_a_file_drops_its_articles_and_orphans_copies_skipped_for_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut clusters = Clusters::new();
    index(clusters.assign(&signature("a", "T", STORY), 1));
    assert_eq!(
        clusters.assign(&signature("b", "T", STORY), 2).unwrap(),
        Verdict::Duplicate { of: 0 }
    );
    index(clusters.assign(&signature("c", "U", "Something else entirely."), 3));
    assert!(clusters.orphaned_origins().is_empty());
    let rebuilt = reopen(&mut clusters, dir.path(), 1 << 20, &[1]);
    assert_eq!(rebuilt.len(), 1);
    assert_eq!(rebuilt.orphaned_origins(), HashSet::from([2]));
    let kept = reopen(&mut clusters, dir.path(), 1 << 20, &[3]);
    assert!(kept.orphaned_origins().is_empty());

    // In a run: forget file 2, read it again, and its copy is indexed now.
    clusters.forget(&HashSet::from([1]));
    assert_eq!(clusters.orphaned_origins(), HashSet::from([2]));
    clusters.forget(&HashSet::from([2]));
    let (cluster, joined, replaces) = index(clusters.assign(&signature("b", "T", STORY), 2));
    assert_eq!(
        (cluster, joined, replaces),
        (signature("b", "", "").id, false, false)
    );
    assert!(clusters.orphaned_origins().is_empty());
}

/// Articles of 600 stories, each told up to four times with a few words
/// changed, over 60 days in random order; some repeat an earlier
/// article's text exactly, some an earlier id with new text, some are
/// undated, some short.
fn articles(count: u64) -> Vec<(Signature, u32)> {
    let random = |a: u64, b: u64| sketch::mix64(a.wrapping_mul(0x9e37_79b9) ^ b);
    (0..count)
        .map(|i| {
            let story = random(i, 1) % 600;
            let variant = random(i, 2) % 5;
            let length = if story % 10 == 0 { 12 } else { 60 };
            let mut words: Vec<String> = (0..length)
                .map(|w| format!("w{}", random(story, w) % 500))
                .collect();
            for edit in 0..variant.min(3) {
                let at = (random(story ^ variant, edit) % length) as usize;
                words[at] = format!("edit{variant}");
            }
            let id = if random(i, 3) % 50 == 0 && i > 0 {
                format!("a{}", random(i, 4) % i)
            } else {
                format!("a{i}")
            };
            let day = (story * 7 + random(i, 5) % 3) % 60;
            let date = (random(i, 6) % 20 != 0).then_some((20_000 + day as i64) * 86_400);
            let origin = (i / 100) as u32;
            (sketch::signature(&id, "", &words.join(" "), date), origin)
        })
        .collect()
}

/// What a verdict says, less positions (which storing renumbers).
fn outcome(verdict: Verdict) -> (bool, u64, Option<u64>, bool) {
    match verdict {
        Verdict::Duplicate { .. } => (true, 0, None, false),
        Verdict::Index {
            cluster,
            nearest,
            replaces,
        } => (false, cluster, nearest.map(|(_, s)| s.to_bits()), replaces),
    }
}

#[test]
fn spilling_days_to_disk_and_storing_never_change_a_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let articles = articles(4000);
    let (first, second) = articles.split_at(2500);
    let mut memory = Clusters::new();
    // Room for about 40 articles' band tables: days go to disk all the time.
    let mut bounded = Clusters::open(dir.path(), 40 * days::MEMBER_MEMORY, None, &HashSet::new());
    let (mut joined, mut duplicates, mut replaced) = (0, 0, 0);
    for (signature, origin) in first {
        let expected = memory.assign(signature, *origin).unwrap();
        assert_eq!(bounded.assign(signature, *origin).unwrap(), expected);
        match expected {
            Verdict::Duplicate { .. } => duplicates += 1,
            Verdict::Index {
                nearest, replaces, ..
            } => {
                joined += u32::from(nearest.is_some());
                replaced += u32::from(replaces);
            }
        }
    }
    // Beyond the budget, only the days the last article used stay.
    let resident = bounded.days.resident_members();
    assert!(resident < memory.days.resident_members() / 5, "{resident}");
    assert!(dir.path().join(SPILL_FILE_NAME).exists());
    assert!(
        joined > 500 && duplicates > 200 && replaced > 20,
        "{joined} {duplicates} {replaced}"
    );

    // Stored and opened again (forgetting one file), the state answers as
    // the one that stayed in memory does.
    memory.forget(&HashSet::from([3]));
    let mut reopened = reopen(&mut bounded, dir.path(), 40 * days::MEMBER_MEMORY, &[3]);
    assert_eq!(reopened.len(), memory.len());
    for (signature, origin) in second {
        let expected = outcome(memory.assign(signature, *origin).unwrap());
        assert_eq!(
            outcome(reopened.assign(signature, *origin).unwrap()),
            expected
        );
    }
    assert_eq!(reopened.orphaned_origins(), memory.orphaned_origins());
    drop(bounded);
    drop(reopened);
    assert!(!dir.path().join(SPILL_FILE_NAME).exists());
}
