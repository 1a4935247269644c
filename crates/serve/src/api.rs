//! The JSON API: one handler per route, each a thin call into [`Archive`].
//!
//! Archive calls run on tokio's blocking pool: they are CPU work of a few
//! milliseconds to a few hundred, and would otherwise stall every connection
//! sharing their worker thread. They wait for a turn and run in [`Lanes`]:
//! a burst queues instead of splitting the cores ever thinner, costly
//! searches queue apart from ordinary ones, and a request that waits longer
//! than [`Limits::queue_timeout`] is answered 503 `busy` and costs nothing
//! more. The time a call may take is its budget in the archive, which stops
//! the work itself once it is spent. Search answers are kept in a
//! [`SearchCache`] and sent again while the archive is unchanged (header
//! `x-cache: hit`).

use std::sync::Arc;
use std::time::Duration;

use crate::cache::SearchCache;
use crate::error::ApiError;
use crate::lanes::Lanes;
use crate::limits::Limits;
use axum::body::Bytes;
use axum::extract::{Path, Query, RawQuery, State as Shared};
use axum::http::header::{HeaderName, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::Json;
use news_query::{
    Archive, ArticleRecord, Entity, EntityKind, Hit, Interval, SearchRequest, SearchResponse,
    Timeline,
};
use serde::{Deserialize, Serialize};

/// What every handler shares.
#[derive(Clone)]
pub(crate) struct State {
    archive: Archive,
    limits: Arc<Limits>,
    lanes: Lanes,
    cache: SearchCache,
}

impl State {
    pub(crate) fn new(archive: Archive, limits: Limits) -> Self {
        let limits = Arc::new(limits);
        State {
            archive,
            lanes: Lanes::new(Arc::clone(&limits)),
            cache: SearchCache::new(limits.cache_bytes),
            limits,
        }
    }

    /// Runs `work` in the [`Lanes`] and answers with its result as JSON.
    /// `work` gets the time it may take, to hand to the archive as its budget.
    async fn blocking<T, F>(&self, work: F) -> Reply<T>
    where
        T: Send + 'static,
        F: Fn(Duration) -> Result<T, ApiError> + Send + Sync + 'static,
    {
        self.lanes.run(work).await.map(Json)
    }
}

/// `request` with a time budget of at most `budget` (a client may ask for less).
fn within(request: &SearchRequest, budget: Duration) -> SearchRequest {
    let budget = u64::try_from(budget.as_millis()).unwrap_or(u64::MAX);
    SearchRequest {
        timeout_ms: Some(request.timeout_ms.map_or(budget, |asked| asked.min(budget))),
        ..request.clone()
    }
}

type Reply<T> = Result<Json<T>, ApiError>;

/// Reads a query string into `T`; repeated keys fill lists (`persons=a&persons=b`).
fn parse_params<T: serde::de::DeserializeOwned>(raw: Option<&str>) -> Result<T, ApiError> {
    serde_html_form::from_str(raw.unwrap_or(""))
        .map_err(|error| ApiError::bad_request(format!("invalid query parameters: {error}")))
}

/// `GET /api/search?query=...&persons=...`: a [`SearchRequest`] from query parameters.
pub(crate) async fn search_get(
    Shared(state): Shared<State>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let request: SearchRequest = parse_params(raw.as_deref())?;
    search(state, request).await
}

/// `POST /api/search` with a [`SearchRequest`] as JSON.
pub(crate) async fn search_post(
    Shared(state): Shared<State>,
    Json(request): Json<SearchRequest>,
) -> Result<Response, ApiError> {
    search(state, request).await
}

/// A [`SearchResponse`] as JSON, from the cache when the same request was
/// answered since the archive last changed.
async fn search(state: State, request: SearchRequest) -> Result<Response, ApiError> {
    state.limits.check_search(&request)?;
    let key = serde_json::to_string(&request)
        .map_err(|error| ApiError::internal(format!("cannot encode the request: {error}")))?;
    // Read before searching: should a commit land in between, the answer
    // is filed under the older generation, never a stale one under the newer.
    let generation = state.archive.generation();
    if let Some(body) = state.cache.get(generation, &key) {
        return Ok(json_body(body, "hit"));
    }
    let archive = state.archive.clone();
    let body = state
        .lanes
        .run(move |budget| {
            let response: SearchResponse = archive.search(&within(&request, budget))?;
            serde_json::to_vec(&response)
                .map_err(|error| ApiError::internal(format!("cannot encode the answer: {error}")))
        })
        .await?;
    let body = Bytes::from(body);
    state.cache.put(generation, key, body.clone());
    Ok(json_body(body, "miss"))
}

fn json_body(body: Bytes, cache: &'static str) -> Response {
    let x_cache = HeaderName::from_static("x-cache");
    ([(CONTENT_TYPE, "application/json"), (x_cache, cache)], body).into_response()
}

/// `GET /api/timeline?query=...&interval=month`: the search parameters plus
/// `interval` (`day`, `week`, `month`, `year`; default `month`).
pub(crate) async fn timeline(
    Shared(state): Shared<State>,
    RawQuery(raw): RawQuery,
) -> Reply<Timeline> {
    let pairs: Vec<(String, String)> = parse_params(raw.as_deref())?;
    // `interval` is not a SearchRequest field, which refuses unknown ones.
    let (intervals, pairs): (Vec<_>, Vec<_>) =
        pairs.into_iter().partition(|(key, _)| key == "interval");
    let interval = match intervals.last() {
        Some((_, value)) => value.parse()?,
        None => Interval::Month,
    };
    let rest = serde_html_form::to_string(&pairs)
        .map_err(|error| ApiError::bad_request(format!("invalid query parameters: {error}")))?;
    let request: SearchRequest = parse_params(Some(&rest))?;
    state.limits.check_search(&request)?;
    let archive = state.archive.clone();
    state
        .blocking(move |budget| Ok(archive.timeline(&within(&request, budget), interval)?))
        .await
}

/// `GET /api/articles/{id}`: the stored article.
pub(crate) async fn article(
    Shared(state): Shared<State>,
    Path(id): Path<String>,
) -> Reply<ArticleRecord> {
    let archive = state.archive.clone();
    state
        .blocking(move |_| match archive.article(&id)? {
            Some(record) => Ok(ArticleRecord {
                // The path of the file it was indexed from is the indexing
                // machine's business, not the API's.
                origin: None,
                ..record
            }),
            None => Err(news_query::Error::UnknownArticle(id.clone()).into()),
        })
        .await
}

/// The parameters of `related`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RelatedParams {
    #[serde(default = "default_list_size")]
    limit: usize,
}

/// The parameters of `entities`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntityParams {
    #[serde(default)]
    prefix: String,
    #[serde(default = "default_list_size")]
    limit: usize,
}

fn default_list_size() -> usize {
    10
}

/// `GET /api/articles/{id}/related?limit=10`.
pub(crate) async fn related(
    Shared(state): Shared<State>,
    Path(id): Path<String>,
    Query(params): Query<RelatedParams>,
) -> Reply<Vec<Hit>> {
    state.limits.check_list(params.limit)?;
    let archive = state.archive.clone();
    state
        .blocking(move |budget| Ok(archive.related_within(&id, params.limit, Some(budget))?))
        .await
}

/// `GET /api/entities/{kind}?prefix=Put&limit=10`: canonical names of a kind.
pub(crate) async fn entities(
    Shared(state): Shared<State>,
    Path(kind): Path<String>,
    Query(params): Query<EntityParams>,
) -> Reply<Vec<Entity>> {
    let kind: EntityKind = kind.parse()?;
    state.limits.check_list(params.limit)?;
    state.limits.check_prefix(&params.prefix)?;
    let archive = state.archive.clone();
    state
        .blocking(move |_| Ok(archive.entities(kind, &params.prefix, params.limit)?))
        .await
}

/// The body of `GET /healthz`.
#[derive(Debug, Serialize)]
pub(crate) struct Health {
    status: &'static str,
    articles: u64,
}

/// `GET /healthz`: `{"status": "ok", "articles": N}`.
pub(crate) async fn healthz(Shared(state): Shared<State>) -> Json<Health> {
    Json(Health {
        status: "ok",
        articles: state.archive.len(),
    })
}
