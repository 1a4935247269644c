//! The search page in a real browser: headless Chromium driven over WebDriver
//! (`chromedriver`, Debian packages `chromium` and `chromium-driver`; `.ci/run`
//! installs them). Skipped, saying so, only where chromedriver is absent and
//! `CI` is not set; under CI a missing driver fails the test.

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

use crate::server::Server;
use crate::support::corpus_archive;

/// A chromedriver on a free port; killed when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start() -> Option<Driver> {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let driver = Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not listen"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(driver)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn connect(driver: &Driver) -> Client {
    let capabilities = json!({
        "goog:chromeOptions": {
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1280,1000"]
        }
    });
    let Value::Object(capabilities) = capabilities else {
        unreachable!()
    };
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&driver.url)
        .await
        .expect("chromedriver opens a Chromium session")
}

/// Evaluates a JavaScript expression in the page.
async fn eval(client: &Client, expression: &str) -> Value {
    client
        .execute(&format!("return ({expression});"), vec![])
        .await
        .unwrap()
}

/// Waits until `expression` is true in the page.
async fn until(client: &Client, expression: &str) {
    let started = Instant::now();
    while eval(client, expression).await != json!(true) {
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "timed out waiting for `{expression}`"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// What the page shows: the total, the hit ids in order, and `name count`
/// for each listed person.
async fn shown(client: &Client) -> (u64, Vec<String>, Vec<String>) {
    let total = eval(
        client,
        "Number(document.querySelector('#summary').dataset.total)",
    )
    .await;
    let ids = eval(
        client,
        "[...document.querySelectorAll('#hits .hit')].map(li => li.dataset.id)",
    )
    .await;
    let persons = eval(
        client,
        "[...document.querySelectorAll('.facet[data-kind=persons] label')]\
         .map(l => [...l.children].map(part => part.textContent).join(' '))",
    )
    .await;
    let strings = |v: Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect()
    };
    (total.as_u64().unwrap(), strings(ids), strings(persons))
}

/// What the API answers for the page's request, shown the same way.
fn expected(server: &Server, params: &str) -> (u64, Vec<String>, Vec<String>) {
    let (status, body) = server.get(&format!("/api/search?limit=10&fragments=1&{params}"));
    assert_eq!(status, 200, "{body}");
    let ids = body["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| hit["id"].as_str().unwrap().to_owned())
        .collect();
    let persons = body["facets"]["persons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("{} {}", p["value"].as_str().unwrap(), p["count"]))
        .collect();
    (body["total"].as_u64().unwrap(), ids, persons)
}

async fn the_facet(client: &Client, kind: &str, value: &str) -> Element {
    let boxes = client
        .find_all(Locator::Css(&format!(
            ".facet[data-kind={kind}] input[type=checkbox]"
        )))
        .await
        .unwrap();
    for candidate in boxes {
        if candidate.prop("value").await.unwrap().as_deref() == Some(value) {
            return candidate;
        }
    }
    panic!("no {kind} checkbox for {value}");
}

fn screenshot_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name)
}

#[test]
fn search_facets_timeline_and_article_in_headless_chromium() {
    let Some(driver) = Driver::start() else {
        // In CI a missing driver is a broken install, not a reason to pass.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but `chromedriver` is not on PATH: the browser test cannot run \
             (.ci/run installs chromium and chromium-driver)"
        );
        eprintln!(
            "SKIPPED search page browser test: no `chromedriver` on PATH \
             (apt-get install -y chromium chromium-driver)"
        );
        return;
    };
    let server = Server::start(corpus_archive(), &[]);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = runtime.block_on(connect(&driver));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        runtime.block_on(drive(&client, &server))
    }));
    // Close the session even after a failed check: killing chromedriver
    // alone would leave its Chromium running.
    let _ = runtime.block_on(client.close());
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

async fn drive(client: &Client, server: &Server) {
    let base = &server.base;

    // The page loads from loopback with nothing from outside.
    client.goto(&format!("{base}/")).await.unwrap();
    until(client, "document.readyState === 'complete'").await;
    until(
        client,
        "'total' in document.querySelector('#summary').dataset",
    )
    .await;
    let load_ms = eval(
        client,
        "performance.getEntriesByType('navigation')[0].loadEventEnd",
    )
    .await;
    let results_ms = eval(
        client,
        "performance.getEntriesByName('news:results')[0].startTime",
    )
    .await;
    // Again in the same browser: the first navigation of a fresh Chromium
    // also pays for starting its renderer, which is not the page's cost.
    client.goto(&format!("{base}/")).await.unwrap();
    until(client, "document.readyState === 'complete'").await;
    let reload_ms = eval(
        client,
        "performance.getEntriesByType('navigation')[0].loadEventEnd",
    )
    .await;
    let ms = |value: &Value| value.as_f64().unwrap_or(f64::NAN);
    eprintln!(
        "search page loaded in {:.0} ms (again: {:.0} ms), first results shown at {:.0} ms",
        ms(&load_ms),
        ms(&reload_ms),
        ms(&results_ms)
    );
    let external = eval(
        client,
        &format!(
            "performance.getEntriesByType('resource').map(r => r.name)\
             .filter(n => !n.startsWith({base:?}))"
        ),
    )
    .await;
    assert_eq!(external, json!([]), "the page fetched from outside");

    // Search "Tartus" from the keyboard: the hit carries the term highlighted.
    let search_box = client.find(Locator::Css("#q")).await.unwrap();
    search_box.send_keys("Tartus\u{E007}").await.unwrap();
    until(client, "location.search === '?query=Tartus'").await;
    let want = expected(server, "query=Tartus");
    until(client, &format!("document.querySelector('#summary').dataset.total === '{}' && document.querySelectorAll('#hits .hit').length === {}", want.0, want.1.len())).await;
    assert_eq!(shown(client).await, want);
    let marked = eval(
        client,
        "[...document.querySelectorAll('#hits .snippet mark')].map(m => m.textContent)",
    )
    .await;
    assert!(
        marked.as_array().unwrap().contains(&json!("Tartus")),
        "{marked}"
    );

    // Tick a person: the page shows what the API gives for that filter.
    let putin = the_facet(client, "persons", "Vladimir Putin").await;
    putin.click().await.unwrap();
    until(client, "location.search.includes('persons=Vladimir+Putin')").await;
    let want = expected(server, "query=Tartus&persons=Vladimir+Putin");
    until(client, &format!("document.querySelector('#summary').dataset.total === '{}' && document.querySelectorAll('#hits .hit').length === {}", want.0, want.1.len())).await;
    assert_eq!(shown(client).await, want);

    // A broader query, where ticking a person narrows the results: the total
    // becomes that person's count, and the other people stay listed.
    client
        .find(Locator::Css("#q"))
        .await
        .unwrap()
        .clear()
        .await
        .unwrap();
    client
        .find(Locator::Css("#q"))
        .await
        .unwrap()
        .send_keys("Syria\u{E007}")
        .await
        .unwrap();
    let want = expected(server, "query=Syria&persons=Vladimir+Putin");
    until(
        client,
        "new URLSearchParams(location.search).get('query') === 'Syria'",
    )
    .await;
    until(client, &format!("document.querySelector('#summary').dataset.total === '{}' && document.querySelectorAll('#hits .hit').length === {}", want.0, want.1.len())).await;
    assert_eq!(shown(client).await, want);
    // Untick with the space bar, as a keyboard user would.
    let putin = the_facet(client, "persons", "Vladimir Putin").await;
    putin.send_keys(" ").await.unwrap();
    until(client, "!location.search.includes('persons=')").await;
    let broad = expected(server, "query=Syria");
    until(
        client,
        &format!(
            "document.querySelector('#summary').dataset.total === '{}'",
            broad.0
        ),
    )
    .await;
    assert_eq!(shown(client).await, broad);
    let putin_count = broad
        .2
        .iter()
        .find_map(|label| label.strip_prefix("Vladimir Putin "))
        .expect("Putin is among the people of Syria")
        .parse::<u64>()
        .unwrap();
    assert!(putin_count < broad.0, "ticking must narrow this search");
    the_facet(client, "persons", "Vladimir Putin")
        .await
        .click()
        .await
        .unwrap();
    until(
        client,
        &format!("document.querySelector('#summary').dataset.total === '{putin_count}'"),
    )
    .await;
    let narrowed = shown(client).await;
    assert_eq!(narrowed.0, putin_count);
    assert!(
        narrowed.2.len() > 1,
        "the persons facet ignores its own selection"
    );

    // A timeline bar filters to its month.
    let bars = client
        .find_all(Locator::Css("#timeline .bar"))
        .await
        .unwrap();
    assert!(!bars.is_empty(), "a timeline is drawn");
    let month = eval(
        client,
        "[...document.querySelectorAll('#timeline .bar')].filter(b => !/: 0 /.test(b.getAttribute('aria-label'))).pop().dataset.month",
    )
    .await;
    let month = month.as_str().unwrap().to_owned();
    client
        .find(Locator::Css(&format!(
            "#timeline .bar[data-month='{month}']"
        )))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    until(
        client,
        &format!("new URLSearchParams(location.search).get('from') === '{month}-01'"),
    )
    .await;
    let to = eval(client, "new URLSearchParams(location.search).get('to')").await;
    let to = to.as_str().unwrap();
    let want = expected(
        server,
        &format!("query=Syria&persons=Vladimir+Putin&from={month}-01&to={to}"),
    );
    until(client, &format!("document.querySelector('#summary').dataset.total === '{}' && document.querySelectorAll('#hits .hit').length === {}", want.0, want.1.len())).await;
    assert_eq!(shown(client).await, want);
    assert_eq!(
        eval(client, "document.querySelector('#from').value").await,
        json!(format!("{month}-01"))
    );
    let shot = screenshot_path("news-serve-results.png");
    std::fs::write(&shot, client.screenshot().await.unwrap()).unwrap();
    eprintln!("screenshot of the results: {}", shot.display());

    // Open the first article: its text and related articles; the URL names it.
    let first = client
        .find(Locator::Css("#hits .hit a.title"))
        .await
        .unwrap();
    let title = first.text().await.unwrap();
    first.click().await.unwrap();
    until(client, "location.search.includes('article=')").await;
    until(
        client,
        "!!document.querySelector('#article h2') && document.querySelectorAll('#related .hit').length > 0",
    )
    .await;
    assert_eq!(
        client
            .find(Locator::Css("#article h2"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        title
    );
    assert_eq!(
        eval(
            client,
            "document.querySelector('#results-view').offsetParent"
        )
        .await,
        Value::Null,
        "the results are out of sight"
    );
    let shot = screenshot_path("news-serve-article.png");
    std::fs::write(&shot, client.screenshot().await.unwrap()).unwrap();
    eprintln!("screenshot of the article: {}", shot.display());

    // The URL alone restores the view (a reload: Chrome replaces the entry),
    // and the back button returns to the results.
    let article_url = client.current_url().await.unwrap();
    client.goto(article_url.as_str()).await.unwrap();
    until(
        client,
        &format!(
            "document.querySelector('#article h2') && document.querySelector('#article h2').textContent === {:?}",
            title
        ),
    )
    .await;
    client.back().await.unwrap();
    until(
        client,
        "!location.search.includes('article=') && !!document.querySelector('#results-view').offsetParent",
    )
    .await;
    until(client, &format!("document.querySelector('#summary').dataset.total === '{}' && document.querySelectorAll('#hits .hit').length === {}", want.0, want.1.len())).await;

    // On a phone-sized window nothing scrolls sideways.
    client.set_window_size(390, 844).await.unwrap();
    until(
        client,
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth",
    )
    .await;
    let shot = screenshot_path("news-serve-phone.png");
    std::fs::write(&shot, client.screenshot().await.unwrap()).unwrap();
    eprintln!("screenshot on a phone-sized window: {}", shot.display());
}
