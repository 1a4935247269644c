//! # news-serve
//!
//! `news serve`: a read-only HTTP front end to a news archive. This crate owns
//!
//! * the **routes** ([`router`]): the JSON API over [`news_query::Archive`]
//!   (`/api/search`, `/api/articles/{id}`, `/api/articles/{id}/related`,
//!   `/api/entities/{kind}`, `/api/timeline`, `/healthz`) and its error bodies;
//! * the **limits** ([`Limits`]): request body size, page and list sizes,
//!   time per request (enforced inside the archive too, so a timed-out search
//!   stops working), searches at once and the wait for a turn, time to send
//!   headers, idle time and connections at once, so one client cannot tie
//!   the server up;
//! * the **search cache**: recent answers kept as the JSON sent, until the
//!   archive changes;
//! * the **page**: the search page at `/`, whose HTML, CSS and JavaScript are
//!   compiled into the binary, so no request reads a file outside the index.
//!
//! It does not watch the index itself: [`news_query::Archive`] follows new
//! commits of a `news index` running beside it.
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let archive = news_query::Archive::open("news-index")?;
//! let addr = "127.0.0.1:7878".parse()?;
//! news_serve::run(archive, addr, news_serve::Limits::default(), |bound| {
//!     println!("listening on http://{bound}");
//! })?;
//! # Ok(()) }
//! ```

#![warn(missing_docs)]

mod api;
mod cache;
mod connections;
mod error;
mod lanes;
mod limits;
mod page;

use std::net::SocketAddr;

use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use news_query::Archive;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

pub use error::{ErrorBody, ErrorDetail};
pub use limits::Limits;

/// The whole service: API routes, the page, and the limits around them.
///
/// For embedding in a tokio application; [`run`] serves it on an address.
pub fn router(archive: Archive, limits: Limits) -> Router {
    let state = api::State::new(archive, limits.clone());
    let api = Router::new()
        .route("/api/search", get(api::search_get).post(api::search_post))
        .route("/api/articles/{id}", get(api::article))
        .route("/api/articles/{id}/related", get(api::related))
        .route("/api/entities/{kind}", get(api::entities))
        .route("/api/timeline", get(api::timeline))
        .route("/healthz", get(api::healthz))
        .with_state(state);
    Router::new()
        .merge(api)
        .merge(page::routes())
        .fallback(error::not_found)
        // Layers wrap what is above them: the timeout covers every handler,
        // and error bodies are turned into JSON after everything else ran.
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            limits.request_timeout,
        ))
        // axum's own 2 MB default would apply on top of ours; one limit is enough.
        .layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(limits.max_body_bytes))
        .layer(axum::middleware::map_response(error::json_error_body))
}

/// Serves [`router`] on `addr` until Ctrl-C or SIGTERM, on a runtime of its own.
///
/// `ready` is called with the bound address (useful with port 0) once the
/// socket accepts connections.
pub fn run(
    archive: Archive,
    addr: SocketAddr,
    limits: Limits,
    ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        ready(listener.local_addr()?);
        let app = router(archive, limits.clone());
        connections::serve(listener, app, &limits, shutdown_signal()).await;
        Ok(())
    })
}

/// Resolves on Ctrl-C, or on SIGTERM where there is one.
async fn shutdown_signal() {
    let ctrl_c = async {
        // If no handler can be installed, only SIGTERM (or a kill) stops us.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut stream) => {
                stream.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
