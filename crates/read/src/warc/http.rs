//! The HTTP response inside a WARC `response` record: status, headers and
//! body, with chunked transfer and gzip/deflate content encodings undone.

use std::io::Read;

use crate::html;

/// What a response holds.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A 200 response with an HTML body.
    Page,
    /// A redirect, an error or any status other than 200.
    NotOk,
    /// A 200 response that is not HTML (an image, a script, a PDF).
    NotHtml,
}

/// A response's parts that the page reader needs.
pub(super) struct Response {
    /// The charset of its `Content-Type`, if it gave one.
    pub charset: Option<String>,
    /// The body, decoded.
    pub body: Vec<u8>,
}

/// Splits a response into its status line and headers, and its body.
fn split(block: &[u8]) -> Option<(&str, &[u8])> {
    let end = block
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, i + 4));
    let end = end.or_else(|| {
        block
            .windows(2)
            .position(|w| w == b"\n\n")
            .map(|i| (i, i + 2))
    })?;
    let head = std::str::from_utf8(&block[..end.0]).ok()?;
    Some((head, &block[end.1..]))
}

/// A header's value, by name.
fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines().skip(1).find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.trim().eq_ignore_ascii_case(name).then(|| value.trim())
    })
}

/// Tells a page from everything else without decoding the body.
pub(super) fn check(block: &[u8]) -> Kind {
    let Some((head, _)) = split(block) else {
        return Kind::NotOk;
    };
    let status = head
        .lines()
        .next()
        .and_then(|l| l.split_whitespace().nth(1));
    if status != Some("200") {
        return Kind::NotOk;
    }
    match header(head, "content-type") {
        Some(t) if !t.to_ascii_lowercase().contains("html") => Kind::NotHtml,
        _ => Kind::Page,
    }
}

impl Response {
    /// Parses a response whose [`check`] said it is a page.
    pub fn parse(block: &[u8]) -> Result<Response, String> {
        let (head, body) = split(block).ok_or("HTTP response without a header end")?;
        let charset = header(head, "content-type")
            .and_then(html::charset::header_charset)
            .map(str::to_owned);
        let chunked = header(head, "transfer-encoding")
            .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
        let body = if chunked {
            dechunk(body)
        } else {
            body.to_vec()
        };
        let body = match header(head, "content-encoding").map(str::to_ascii_lowercase) {
            Some(e) if e.contains("gzip") => inflate(flate2::read::MultiGzDecoder::new(&body[..]))?,
            Some(e) if e.contains("deflate") => inflate(flate2::read::ZlibDecoder::new(&body[..]))?,
            _ => body,
        };
        Ok(Response { charset, body })
    }
}

/// Reads a compressed body, refusing one that inflates past the page limit.
fn inflate(reader: impl Read) -> Result<Vec<u8>, String> {
    let mut body = Vec::new();
    reader
        .take(html::MAX_PAGE_BYTES as u64 + 1)
        .read_to_end(&mut body)
        .map_err(|e| format!("compressed HTTP body cannot be read: {e}"))?;
    if body.len() > html::MAX_PAGE_BYTES {
        return Err("HTTP body inflates past the page limit; not read".to_owned());
    }
    Ok(body)
}

/// Undoes chunked transfer encoding; a malformed chunk ends the body there.
fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    while let Some(line_end) = body.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&body[..line_end])
            .ok()
            .and_then(|s| usize::from_str_radix(s.split(';').next()?.trim(), 16).ok());
        let Some(size) = size.filter(|s| *s > 0) else {
            break;
        };
        let start = line_end + 2;
        let end = (start + size).min(body.len());
        out.extend_from_slice(&body[start..end]);
        body = body.get(end + 2..).unwrap_or_default();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_and_type_decide() {
        assert_eq!(
            check(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>"),
            Kind::Page
        );
        assert_eq!(
            check(b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n"),
            Kind::NotOk
        );
        assert_eq!(
            check(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n"),
            Kind::NotHtml
        );
    }

    #[test]
    fn chunked_gzip_bodies_and_charsets() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>Hello</p>").unwrap();
        let gz = gz.finish().unwrap();
        let (a, b) = gz.split_at(5);
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\
            Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"
            .to_vec();
        for part in [a, b] {
            block.extend(format!("{:x}\r\n", part.len()).bytes());
            block.extend_from_slice(part);
            block.extend_from_slice(b"\r\n");
        }
        block.extend_from_slice(b"0\r\n\r\n");
        let response = Response::parse(&block).unwrap();
        assert_eq!(response.body, b"<p>Hello</p>");
        assert_eq!(response.charset.as_deref(), Some("windows-1251"));
    }
}
