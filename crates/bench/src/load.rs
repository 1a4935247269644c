//! `news-bench serve`: a bounded load test of a running `news serve`.
//!
//! Every request is the search the page sends (`/api/search` with ten hits of
//! one passage each, four facets and the monthly histogram) for a TREC title;
//! every other one also
//! filters by the top place of that title's unfiltered answer, as a reader
//! ticking a facet would. For each number of concurrent clients it sends a
//! fixed number of requests over keep-alive connections (one each, driven by
//! a two-thread event loop, as `wrk -t2` drives its connections) and reports
//! requests/s, latency percentiles, errors, and the server's peak RSS.
//! With `--hostile N`, N more connections send [`hostile_paths`] in a loop
//! for as long as the run lasts; only the ordinary searches are timed.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use clap::Args;
use http_body_util::{BodyExt, Collected, Empty};
use hyper::body::Bytes;
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
    /// Connections sending hostile searches in a loop beside the clients:
    /// the sloppy phrase of repeated words and 3,000 filter values, which
    /// the limits refuse.
    #[arg(long, default_value_t = 0)]
    hostile: usize,
    /// Hostile connections also send the costliest searches the limits
    /// allow (32 unknown names to look up, with every facet and a daily
    /// histogram; eight one-letter fuzzy words).
    #[arg(long)]
    costly: bool,
    /// Process id of the server, to report its peak RSS (Linux).
    #[arg(long)]
    pid: Option<u32>,
    /// Instead of loading the server, write a wrk script sending the same
    /// searches in turn (`wrk -t2 -c64 -d20s --latency -s FILE URL`), so a
    /// client that is not ours can drive the same load.
    #[arg(long, value_name = "FILE")]
    wrk_script: Option<PathBuf>,
}

mod hostile;

use hostile::Hostile;

/// One search the clients send: the query string after `/api/search?`.
type Search = Vec<(String, String)>;

/// Runs the load test and prints its table.
pub fn run(args: &LoadArgs) -> anyhow::Result<()> {
    let titles = read_titles(&args.queries)?;
    let searches = searches(&args.url, &titles)?;
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
    println!("| clients | requests | errors | cache hits | requests/s | p50 ms | p90 ms | p99 ms | max ms | server peak RSS MB | hostile answers |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for &clients in &args.clients {
        let hostile = Hostile {
            connections: args.hostile,
            costly: args.costly,
        };
        let run = load(&args.url, &searches, clients, args.requests, hostile);
        let rss = args
            .pid
            .and_then(peak_rss_mb)
            .map_or("-".to_owned(), |mb| format!("{mb:.0}"));
        let ms = |q: f64| percentile(&run.latencies, q).as_secs_f64() * 1e3;
        let hostile: Vec<String> = run
            .hostile
            .iter()
            .map(|(status, n)| format!("{n}×{status}"))
            .collect();
        println!(
            "| {clients} | {} | {} | {} | {:.0} | {:.2} | {:.2} | {:.2} | {:.2} | {rss} | {} |",
            run.latencies.len() + run.errors,
            run.errors,
            run.hits,
            run.latencies.len() as f64 / run.seconds,
            ms(0.50),
            ms(0.90),
            ms(0.99),
            ms(1.0),
            if hostile.is_empty() {
                "-".to_owned()
            } else {
                hostile.join(", ")
            },
        );
    }
    Ok(())
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
fn searches(url: &str, titles: &[String]) -> anyhow::Result<Vec<Search>> {
    let authority = authority(url);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let mut sender = connect(&authority)
            .await
            .with_context(|| format!("cannot connect to {url}"))?;
        let mut searches = Vec::new();
        for title in titles {
            let plain = vec![("query".to_owned(), title.clone())];
            let path = search_path(&plain);
            let Some((status, _, body)) = send(&mut sender, request(&authority, &path)).await
            else {
                bail!("`{title}`: the connection to {url} failed");
            };
            let body: Value = serde_json::from_slice(&body.to_bytes())?;
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
    })
}

/// `host:port` of an `http://` URL.
fn authority(url: &str) -> String {
    url.trim_start_matches("http://")
        .trim_end_matches('/')
        .to_owned()
}

/// A GET of `path` as the page sends it.
fn request(authority: &str, path: &str) -> hyper::Request<Empty<Bytes>> {
    hyper::Request::get(path)
        .header(hyper::header::HOST, authority)
        .body(Empty::new())
        .expect("a valid request")
}

/// The path and query string of a search as the page sends it.
fn search_path(search: &Search) -> String {
    const PREFIX: &str = "/api/search?";
    let mut query = form_urlencoded::Serializer::for_suffix(PREFIX.to_owned(), PREFIX.len());
    query.extend_pairs([("limit", "10"), ("fragments", "1"), ("histogram", "month")]);
    query.extend_pairs(search.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    query.finish()
}

/// A wrk Lua script that sends `searches` in turn, each connection
/// starting at its own place in the list.
fn wrk_script(searches: &[Search]) -> String {
    let paths: Vec<String> = searches
        .iter()
        .map(|s| format!("  {:?},", search_path(s)))
        .collect();
    format!(
        "-- Generated by `news-bench serve --wrk-script`.\npaths = {{\n{}\n}}\n\
         i = math.random(#paths)\n\
         request = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n",
        paths.join("\n")
    )
}

/// What one run measured.
#[derive(Default)]
struct Run {
    latencies: Vec<Duration>,
    errors: usize,
    /// Answers the server sent from its cache.
    hits: usize,
    seconds: f64,
    /// Answers to hostile searches by status (0: no answer).
    hostile: std::collections::BTreeMap<u16, usize>,
}

/// Sends `requests` searches over `clients` keep-alive connections, each
/// sending its next request when the last answer has arrived in full. The
/// connections are tasks on a small event loop ([`CLIENT_THREADS`] threads),
/// as in `wrk`: with a thread per connection, 64 client threads would take
/// turns on the server's cores and their wait would be timed as the server's.
fn load(url: &str, searches: &[Search], clients: usize, requests: usize, hostiles: Hostile) -> Run {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(CLIENT_THREADS)
        .enable_all()
        .build()
        .expect("a tokio runtime for the load client");
    let paths: Arc<Vec<String>> = Arc::new(searches.iter().map(search_path).collect());
    let authority = authority(url);
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut run = runtime.block_on(async {
        let mut flood = tokio::task::JoinSet::new();
        for _ in 0..hostiles.connections {
            let (authority, done) = (authority.clone(), done.clone());
            flood.spawn(async move { hostile::client(&authority, hostiles.costly, &done).await });
        }
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..clients {
            let (paths, next, authority) = (paths.clone(), next.clone(), authority.clone());
            tasks.spawn(async move { connection(&authority, &paths, &next, requests).await });
        }
        let mut all = Run::default();
        while let Some(finished) = tasks.join_next().await {
            let mine = finished.unwrap_or_default();
            all.latencies.extend(mine.latencies);
            all.errors += mine.errors;
            all.hits += mine.hits;
        }
        done.store(true, Ordering::Relaxed);
        while let Some(finished) = flood.join_next().await {
            for (status, n) in finished.unwrap_or_default().hostile {
                *all.hostile.entry(status).or_default() += n;
            }
        }
        all
    });
    run.seconds = started.elapsed().as_secs_f64();
    run.latencies.sort_unstable();
    run
}

/// Threads of the load client's event loop, as `wrk -t2`.
const CLIENT_THREADS: usize = 2;

/// Longest wait for one answer; beyond it the request counts as an error
/// and its connection is dropped.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// One client: a connection sending the next unsent search until
/// `requests` have been sent by all. A failed connection counts the
/// requests it could not send as errors and opens anew.
async fn connection(authority: &str, paths: &[String], next: &AtomicUsize, requests: usize) -> Run {
    let mut run = Run::default();
    let mut sender = None;
    loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        if i >= requests {
            return run;
        }
        if sender.is_none() {
            sender = connect(authority).await.ok();
        }
        let Some(open) = sender.as_mut() else {
            run.errors += 1;
            continue;
        };
        let request = request(authority, &paths[i % paths.len()]);
        let sent = Instant::now();
        let answer = tokio::time::timeout(REQUEST_TIMEOUT, send(open, request)).await;
        match answer.ok().flatten() {
            Some((200, hit, _)) => {
                run.latencies.push(sent.elapsed());
                run.hits += usize::from(hit);
            }
            Some(_) => run.errors += 1,
            None => {
                run.errors += 1;
                sender = None;
            }
        }
    }
}

type Sender = hyper::client::conn::http1::SendRequest<Empty<Bytes>>;

async fn connect(authority: &str) -> anyhow::Result<Sender> {
    let stream = tokio::net::TcpStream::connect(authority).await?;
    stream.set_nodelay(true)?;
    let (sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream)).await?;
    tokio::spawn(connection);
    Ok(sender)
}

/// The status, whether the answer came from the cache, and the body once it
/// is all in (left unparsed: the load clients share the server's cores);
/// `None` when the connection failed.
async fn send(
    sender: &mut Sender,
    request: hyper::Request<Empty<Bytes>>,
) -> Option<(u16, bool, Collected<Bytes>)> {
    sender.ready().await.ok()?;
    let response = sender.send_request(request).await.ok()?;
    let status = response.status().as_u16();
    let hit = response
        .headers()
        .get("x-cache")
        .is_some_and(|v| v.as_bytes() == b"hit");
    let body = response.into_body().collect().await.ok()?;
    Some((status, hit, body))
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

        let searches = searches(&url, &read_titles(&queries).unwrap()).unwrap();
        assert_eq!(searches.len(), 4, "each title plain and by its top place");
        let run = load(&url, &searches, 2, 20, Hostile::default());
        assert_eq!((run.latencies.len(), run.errors), (20, 0));
        // Beside hostile clients, every ordinary search is still answered,
        // and every hostile one is answered too (refused or not).
        let costly = Hostile {
            connections: 2,
            costly: true,
        };
        let run = load(&url, &searches, 2, 20, costly);
        assert_eq!((run.latencies.len(), run.errors), (20, 0));
        assert!(run.hostile.contains_key(&400), "{:?}", run.hostile);
        assert!(!run.hostile.contains_key(&0), "{:?}", run.hostile);
    }

    #[test]
    fn requests_no_server_answers_count_as_errors() {
        // Bind a port, then free it: nothing listens there now.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let searches = vec![vec![("query".to_owned(), "grain".to_owned())]];
        let run = load(
            &format!("http://127.0.0.1:{port}"),
            &searches,
            3,
            12,
            Hostile::default(),
        );
        assert_eq!((run.latencies.len(), run.errors), (0, 12));
    }

    #[test]
    fn a_search_is_the_path_the_page_requests() {
        let search = vec![
            ("query".to_owned(), "oil spills".to_owned()),
            ("locations".to_owned(), "United States".to_owned()),
        ];
        assert_eq!(
            search_path(&search),
            "/api/search?limit=10&fragments=1&histogram=month\
             &query=oil+spills&locations=United+States"
        );
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
