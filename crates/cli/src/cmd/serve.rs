//! `news serve`: the HTTP API and search page over the archive (crates/serve).

use std::io::Write;
use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use clap::Args;
use news_serve::Limits;

/// Arguments of `news serve`.
#[derive(Debug, Args, PartialEq)]
pub struct ServeArgs {
    /// Address to listen on; loopback unless you choose otherwise (port 0: any free port).
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "HOST:PORT")]
    pub addr: SocketAddr,
    /// Longest time to answer one request, in milliseconds (503 beyond); a
    /// search past it stops working at once, freeing its core and memory.
    #[arg(long, default_value_t = 10_000, value_name = "MS")]
    pub timeout_ms: u64,
    /// Longest wait for a turn to search, in milliseconds (503 `busy` beyond).
    #[arg(long, default_value_t = duration_ms(Limits::default().queue_timeout), value_name = "MS")]
    pub queue_timeout_ms: u64,
    /// Searches running at once (default: one per core).
    #[arg(long, default_value_t = Limits::default().concurrent_searches, value_name = "N")]
    pub concurrent_searches: usize,
    /// Time a search may take among the `--concurrent-searches`, in
    /// milliseconds; one needing more starts again among the
    /// `--slow-searches`, so costly searches never hold up ordinary ones.
    #[arg(long, default_value_t = duration_ms(Limits::default().quick_budget), value_name = "MS")]
    pub quick_budget_ms: u64,
    /// Searches past `--quick-budget-ms` running at once (default: half the cores).
    #[arg(long, default_value_t = Limits::default().slow_searches, value_name = "N")]
    pub slow_searches: usize,
    /// Time a client has to send a request's headers, and the longest a
    /// keep-alive connection may stay idle, in milliseconds.
    #[arg(long, default_value_t = duration_ms(Limits::default().header_read_timeout), value_name = "MS")]
    pub header_timeout_ms: u64,
    /// Connections served at once; more wait to be accepted.
    #[arg(long, default_value_t = Limits::default().max_connections, value_name = "N")]
    pub max_connections: usize,
    /// Most hits per search page.
    #[arg(long, default_value_t = Limits::default().max_page_size, value_name = "N")]
    pub max_page_size: usize,
    /// Memory for answers to recent searches, sent again until the archive
    /// changes, in MiB (0: none).
    #[arg(long, default_value_t = Limits::default().cache_bytes >> 20, value_name = "MIB")]
    pub cache_mib: usize,
}

fn duration_ms(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// Runs `news serve` until Ctrl-C or SIGTERM.
pub fn run(index: &Path, args: ServeArgs) -> anyhow::Result<ExitCode> {
    let archive = crate::cmd::open(index)?;
    let limits = Limits {
        request_timeout: Duration::from_millis(args.timeout_ms),
        queue_timeout: Duration::from_millis(args.queue_timeout_ms),
        concurrent_searches: args.concurrent_searches,
        quick_budget: Duration::from_millis(args.quick_budget_ms),
        slow_searches: args.slow_searches,
        header_read_timeout: Duration::from_millis(args.header_timeout_ms),
        max_connections: args.max_connections,
        max_page_size: args.max_page_size,
        cache_bytes: args.cache_mib << 20,
        ..Limits::default()
    };
    let articles = archive.len();
    news_serve::run(archive, args.addr, limits, |bound| {
        // One line on stdout, first: scripts and tests read the port from it.
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "listening on http://{bound} ({articles} articles)");
        let _ = out.flush();
    })
    .with_context(|| format!("cannot serve on {}", args.addr))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Wrapper {
        #[command(flatten)]
        args: ServeArgs,
    }

    #[test]
    fn defaults_to_loopback() {
        let args = Wrapper::try_parse_from(["serve"]).unwrap().args;
        assert_eq!(args.addr, "127.0.0.1:7878".parse().unwrap());
        assert!(args.addr.ip().is_loopback());
        assert_eq!(args.timeout_ms, 10_000);
    }

    #[test]
    fn parses_addr_and_limits() {
        let args = Wrapper::try_parse_from([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--timeout-ms",
            "5",
            "--max-page-size",
            "20",
            "--cache-mib",
            "0",
            "--queue-timeout-ms",
            "300",
            "--header-timeout-ms",
            "400",
            "--max-connections",
            "7",
            "--quick-budget-ms",
            "25",
            "--slow-searches",
            "3",
        ])
        .unwrap()
        .args;
        assert_eq!(args.addr.port(), 0);
        assert_eq!((args.timeout_ms, args.max_page_size), (5, 20));
        assert_eq!(args.cache_mib, 0);
        assert_eq!(
            (
                args.queue_timeout_ms,
                args.header_timeout_ms,
                args.max_connections
            ),
            (300, 400, 7)
        );
        assert_eq!((args.quick_budget_ms, args.slow_searches), (25, 3));
    }
}
