//! Error responses: every 4xx and 5xx the server sends is an [`ErrorBody`] in JSON,
//! whether a handler failed ([`ApiError`]) or a layer or extractor refused the
//! request first ([`json_error_body`] rewrites those).

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};

/// The JSON body of every error response: `{"error": {...}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// The parts of an [`ErrorBody`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    /// The HTTP status code, repeated for clients that only keep the body.
    pub status: u16,
    /// A stable word for the kind of error: `query`, `date`, `request`,
    /// `limit` (a bound of the archive on the query or filters), `cursor`,
    /// `not_found`, `too_large`, `timeout`, `busy` (no turn to search came
    /// free in time), `method`, `internal`.
    pub kind: String,
    /// What went wrong, for people.
    pub message: String,
    /// For `query` errors: the character offset (0-based) in the query where
    /// the problem starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<usize>,
}

/// An error a handler answers with.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    detail: ErrorDetail,
}

impl ApiError {
    fn new(status: StatusCode, kind: &str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            detail: ErrorDetail {
                status: status.as_u16(),
                kind: kind.to_owned(),
                message: message.into(),
                position: None,
            },
        }
    }

    /// 400: the request asks for something this server will not do.
    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, "request", message)
    }

    /// 503 `busy`: no turn came free in time.
    pub(crate) fn busy(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "busy", message)
    }

    /// 503 `timeout`: the work ran out of time.
    pub(crate) fn timeout(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "timeout", message)
    }

    /// Whether the work ran out of time.
    pub(crate) fn is_timeout(&self) -> bool {
        self.detail.kind == "timeout"
    }

    /// 404: nothing is at this path.
    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 500: something failed underneath.
    pub(crate) fn internal(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }

    /// The status code it is sent with.
    #[cfg(test)]
    pub(crate) fn status(&self) -> StatusCode {
        self.status
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status, self.detail.message)
    }
}

impl From<news_query::Error> for ApiError {
    fn from(error: news_query::Error) -> Self {
        use news_query::Error as E;
        match error {
            E::Query {
                position,
                ref message,
                ..
            } => {
                // The library's Display draws a caret under the query for
                // terminals; JSON clients get the position as a number instead.
                let mut api = ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "query",
                    format!("invalid query at character {position}: {message}"),
                );
                api.detail.position = Some(position);
                api
            }
            E::Date { .. } => ApiError::new(StatusCode::BAD_REQUEST, "date", error.to_string()),
            E::Request(_) => ApiError::bad_request(error.to_string()),
            E::Limit { .. } => ApiError::new(StatusCode::BAD_REQUEST, "limit", error.to_string()),
            E::Timeout { .. } => ApiError::timeout(error.to_string()),
            E::Cursor(_) => ApiError::new(StatusCode::BAD_REQUEST, "cursor", error.to_string()),
            E::UnknownArticle(_) => ApiError::not_found(error.to_string()),
            _ => ApiError::internal(error.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(ErrorBody { error: self.detail })).into_response()
    }
}

/// The fallback route: 404 for every path no route serves.
pub(crate) async fn not_found() -> ApiError {
    ApiError::not_found("no such page or API route")
}

/// Rewrites error responses that are not JSON yet (an extractor's rejection,
/// the body limit's 413, the timeout's 503, axum's 405) into an [`ErrorBody`],
/// keeping their status and their text as the message.
pub(crate) async fn json_error_body(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // These bodies are one line of text from axum or tower-http, or empty.
    let text = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
    let text = String::from_utf8_lossy(&text).trim().to_owned();
    let message = if text.is_empty() {
        status.canonical_reason().unwrap_or("error").to_owned()
    } else {
        text
    };
    let kind = match status {
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::PAYLOAD_TOO_LARGE => "too_large",
        StatusCode::SERVICE_UNAVAILABLE | StatusCode::GATEWAY_TIMEOUT => "timeout",
        StatusCode::METHOD_NOT_ALLOWED => "method",
        s if s.is_client_error() => "request",
        _ => "internal",
    };
    let body = ErrorBody {
        error: ErrorDetail {
            status: status.as_u16(),
            kind: kind.to_owned(),
            message,
            position: None,
        },
    };
    let bytes = serde_json::to_vec(&body).expect("an error body serialises");
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_errors_carry_their_position_without_the_caret_drawing() {
        let error = ApiError::from(news_query::Error::Query {
            query: "(Tartus".into(),
            position: 7,
            message: "unbalanced parenthesis".into(),
        });
        assert_eq!(error.status, StatusCode::BAD_REQUEST);
        assert_eq!(error.detail.kind, "query");
        assert_eq!(error.detail.position, Some(7));
        assert!(!error.detail.message.contains('^'));
    }

    #[test]
    fn unknown_articles_are_not_found() {
        let error = ApiError::from(news_query::Error::UnknownArticle("x".into()));
        assert_eq!(error.status, StatusCode::NOT_FOUND);
    }

    #[tokio::test]
    async fn plain_text_errors_become_json_with_their_status() {
        let plain = (StatusCode::PAYLOAD_TOO_LARGE, "length limit exceeded").into_response();
        let response = json_error_body(plain).await;
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
        let bytes = axum::body::to_bytes(response.into_body(), 4096)
            .await
            .unwrap();
        let body: ErrorBody = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(body.error.kind, "too_large");
        assert_eq!(body.error.message, "length limit exceeded");
    }
}
