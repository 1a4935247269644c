//! `news-bench serve`: a bounded load test of a running `news serve`.
//!
//! Every request is the search the page sends (`/api/search` with ten hits of
//! one passage each, four facets and the monthly histogram) for a TREC title;
//! every other one also
//! filters by the top place of that title's unfiltered answer, as a reader
//! ticking a facet would. For each number of concurrent clients it sends a
//! fixed number of requests over keep-alive connections and reports
//! requests/s, latency percentiles, errors, and the server's peak RSS.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use clap::Args;
use serde_json::Value;

/// Arguments of `news-bench serve`.
#[derive(Debug, Args)]
pub struct LoadArgs {
    /// Base URL of the server.
    #[arg(long, default_value = "http://127.0.0.1:7878")]
    url: String,
    /// TREC topics file: `NUMBER<TAB>TITLE` per line.
    #[arg(long)]
    queries: PathBuf,
    /// Concurrent clients, one run each.
    #[arg(long, value_delimiter = ',', default_value = "1,8,64")]
    clients: Vec<usize>,
    /// Requests per run.
    #[arg(long, default_value_t = 2000)]
    requests: usize,
    /// Process id of the server, to report its peak RSS (Linux).
    #[arg(long)]
    pid: Option<u32>,
    /// Instead of loading the server, write a wrk script sending the same
    /// searches in turn (`wrk -t2 -c64 -d20s --latency -s FILE URL`), so a
    /// client that is not ours can drive the same load.
    #[arg(long, value_name = "FILE")]
    wrk_script: Option<PathBuf>,
}

/// One search the clients send: the query string after `/api/search?`.
type Search = Vec<(String, String)>;

/// Runs the load test and prints its table.
pub fn run(args: &LoadArgs) -> anyhow::Result<()> {
    let agent = agent();
    let titles = read_titles(&args.queries)?;
    let searches = searches(&agent, &args.url, &titles)?;
    eprintln!(
        "{} searches from {} titles; {} requests per run",
        searches.len(),
        titles.len(),
        args.requests
    );
    if let Some(path) = &args.wrk_script {
        std::fs::write(path, wrk_script(&searches))
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote {}", path.display());
        return Ok(());
    }
    println!("| clients | requests | errors | cache hits | requests/s | p50 ms | p90 ms | p99 ms | max ms | server peak RSS MB |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for &clients in &args.clients {
        let run = load(&args.url, &searches, clients, args.requests);
        let rss = args
            .pid
            .and_then(peak_rss_mb)
            .map_or("-".to_owned(), |mb| format!("{mb:.0}"));
        let ms = |q: f64| percentile(&run.latencies, q).as_secs_f64() * 1e3;
        println!(
            "| {clients} | {} | {} | {} | {:.0} | {:.2} | {:.2} | {:.2} | {:.2} | {rss} |",
            run.latencies.len() + run.errors,
            run.errors,
            run.hits,
            run.latencies.len() as f64 / run.seconds,
            ms(0.50),
            ms(0.90),
            ms(0.99),
            ms(1.0),
        );
    }
    Ok(())
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

/// The titles as plain lowercased words: the load is on searching, not on
/// the query parser's error path.
fn read_titles(path: &Path) -> anyhow::Result<Vec<String>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let titles: Vec<String> = text
        .lines()
        .filter_map(|line| line.split_once('\t').map(|(_, title)| title))
        .map(plain_words)
        .filter(|title| !title.is_empty())
        .collect();
    if titles.is_empty() {
        bail!("no `NUMBER<TAB>TITLE` lines in {}", path.display());
    }
    Ok(titles)
}

fn plain_words(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// For each title a faceted search, and one filtered by its top place when it has one.
fn searches(agent: &ureq::Agent, url: &str, titles: &[String]) -> anyhow::Result<Vec<Search>> {
    let mut searches = Vec::new();
    for title in titles {
        let plain = vec![("query".to_owned(), title.clone())];
        let (status, body) = get(agent, url, &plain)?;
        if status != 200 {
            bail!("`{title}` answered {status}: {body}");
        }
        let top_place = body["facets"]["locations"][0]["value"].as_str();
        if let Some(place) = top_place {
            let mut filtered = plain.clone();
            filtered.push(("locations".to_owned(), place.to_owned()));
            searches.push(filtered);
        }
        searches.push(plain);
    }
    Ok(searches)
}

/// The query string of a search as [`get_bytes`] sends it.
fn query_string(search: &Search) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.extend_pairs([("limit", "10"), ("fragments", "1"), ("histogram", "month")]);
    query.extend_pairs(search.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    query.finish()
}

/// A wrk Lua script that sends `searches` in turn, each connection
/// starting at its own place in the list.
fn wrk_script(searches: &[Search]) -> String {
    let paths: Vec<String> = searches
        .iter()
        .map(|s| format!("  {:?},", format!("/api/search?{}", query_string(s))))
        .collect();
    format!(
        "-- Generated by `news-bench serve --wrk-script`.\npaths = {{\n{}\n}}\n\
         i = math.random(#paths)\n\
         request = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n",
        paths.join("\n")
    )
}

fn get(agent: &ureq::Agent, url: &str, search: &Search) -> anyhow::Result<(u16, Value)> {
    let (status, body, _) = get_bytes(agent, url, search)?;
    Ok((status, serde_json::from_slice(&body)?))
}

/// Sends one search as the page does; the status, the body unparsed (the
/// clients share the server's cores, so they do not parse what they time),
/// and whether the server answered from its cache (`x-cache: hit`).
fn get_bytes(
    agent: &ureq::Agent,
    url: &str,
    search: &Search,
) -> anyhow::Result<(u16, Vec<u8>, bool)> {
    let mut response = agent
        .get(format!("{url}/api/search?{}", query_string(search)))
        .call()?;
    let status = response.status().as_u16();
    let hit = response
        .headers()
        .get("x-cache")
        .is_some_and(|v| v.as_bytes() == b"hit");
    let body = response
        .body_mut()
        .with_config()
        .limit(64 << 20)
        .read_to_vec()?;
    Ok((status, body, hit))
}

/// What one run measured.
struct Run {
    latencies: Vec<Duration>,
    errors: usize,
    /// Answers the server sent from its cache.
    hits: usize,
    seconds: f64,
}

fn load(url: &str, searches: &[Search], clients: usize, requests: usize) -> Run {
    let next = AtomicUsize::new(0);
    let results = Mutex::new((Vec::with_capacity(requests), 0usize, 0usize));
    let started = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..clients {
            scope.spawn(|| {
                let agent = agent();
                let (mut mine, mut errors, mut hits) = (Vec::new(), 0, 0);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= requests {
                        break;
                    }
                    let sent = Instant::now();
                    match get_bytes(&agent, url, &searches[i % searches.len()]) {
                        Ok((200, _, hit)) => {
                            mine.push(sent.elapsed());
                            hits += usize::from(hit);
                        }
                        Ok(_) | Err(_) => errors += 1,
                    }
                }
                let mut all = results.lock().unwrap();
                all.0.extend(mine);
                all.1 += errors;
                all.2 += hits;
            });
        }
    });
    let seconds = started.elapsed().as_secs_f64();
    let (mut latencies, errors, hits) = results.into_inner().unwrap();
    latencies.sort_unstable();
    Run {
        latencies,
        errors,
        hits,
        seconds,
    }
}

/// The `q` quantile (0 to 1) of sorted durations, nearest rank.
fn percentile(sorted: &[Duration], q: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The process's peak resident set (`VmHWM`), in MB.
fn peak_rss_mb(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_become_plain_lowercased_words() {
        assert_eq!(plain_words("Cuba, sugar, exports"), "cuba sugar exports");
        assert_eq!(plain_words("U.S. (Iran-Iraq)"), "u s iran iraq");
    }

    #[test]
    fn smoke_against_a_server_in_this_process() {
        use news_query::schema::{write_records, ArticleRecord};
        let dir = tempfile::tempdir().unwrap();
        let article = |id: &str, title: &str| ArticleRecord {
            id: id.into(),
            title: title.into(),
            body: format!("{title}, the agencies reported."),
            date: Some(1_769_558_400),
            locations: vec!["Tartus".into()],
            ..Default::default()
        };
        let archive_dir = dir.path().join("archive");
        write_records(
            &archive_dir,
            &[
                article("a", "Tartus port reopens"),
                article("b", "Grain arrives"),
            ],
        )
        .unwrap();
        let archive = news_query::Archive::open(&archive_dir).unwrap();
        let (bound, addr) = std::sync::mpsc::channel();
        // The server thread ends with the test process.
        std::thread::spawn(move || {
            let any_port = "127.0.0.1:0".parse().unwrap();
            news_serve::run(archive, any_port, news_serve::Limits::default(), |at| {
                bound.send(at).unwrap()
            })
        });
        let url = format!("http://{}", addr.recv().unwrap());
        let queries = dir.path().join("topics.txt");
        std::fs::write(&queries, "1\tTartus port\n2\tgrain\n").unwrap();

        let searches = searches(&agent(), &url, &read_titles(&queries).unwrap()).unwrap();
        assert_eq!(searches.len(), 4, "each title plain and by its top place");
        let run = load(&url, &searches, 2, 20);
        assert_eq!((run.latencies.len(), run.errors), (20, 0));
    }

    #[test]
    fn percentiles_are_nearest_rank() {
        let sorted: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&sorted, 0.5), Duration::from_millis(50));
        assert_eq!(percentile(&sorted, 0.99), Duration::from_millis(99));
        assert_eq!(percentile(&sorted, 1.0), Duration::from_millis(100));
        assert_eq!(percentile(&[], 0.5), Duration::ZERO);
    }
}
