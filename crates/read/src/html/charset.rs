//! The charset of a web page: a byte-order mark, else what the page declares
//! (`<meta charset>` or `http-equiv`), else what the server said (the HTTP
//! header of a WARC record), else UTF-8 when the bytes are valid UTF-8, else a
//! guess by `chardetng`, the detector Firefox uses.
//!
//! The page's own declaration goes before the HTTP header (the reverse of the
//! browser's order) so that a page reads the same from a `.html` file, which
//! has no header, and from a web archive, which has one; a server's header is
//! also more often a default than the page's own `<meta>`.

use std::borrow::Cow;
use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use regex::bytes::Regex;

/// Bytes at the start of a page searched for a `<meta>` charset. The HTML
/// standard says 1024; real pages put long scripts and styles first.
const PRESCAN_BYTES: usize = 16 << 10;

/// Bytes fed to the detector: enough to tell, and bounded.
const DETECT_BYTES: usize = 256 << 10;

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
        .expect("valid regex")
});

/// Where the charset of a page came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A byte-order mark.
    Bom,
    /// The page's `<meta>`.
    Meta,
    /// The HTTP `Content-Type` header.
    Header,
    /// Valid UTF-8 with no declaration.
    Utf8,
    /// Guessed from the bytes.
    Detected,
}

/// A page as text.
pub struct Decoded<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// The encoding it was read in.
    pub encoding: &'static Encoding,
    /// How that encoding was chosen.
    pub source: Source,
}

/// Decodes a page. `header` is the charset of an HTTP `Content-Type` header,
/// when there was one.
pub fn decode<'a>(bytes: &'a [u8], header: Option<&str>) -> Decoded<'a> {
    let (encoding, source) = choose(bytes, header);
    // `decode` honours a BOM over `encoding`, as browsers do.
    let (text, _, _) = encoding.decode(bytes);
    Decoded {
        text,
        encoding,
        source,
    }
}

fn choose(bytes: &[u8], header: Option<&str>) -> (&'static Encoding, Source) {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return (encoding, Source::Bom);
    }
    if let Some(encoding) = meta_charset(bytes) {
        return (encoding, Source::Meta);
    }
    if let Some(encoding) = header.and_then(|label| label_encoding(label.as_bytes())) {
        return (encoding, Source::Header);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (UTF_8, Source::Utf8);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let sample = &bytes[..bytes.len().min(DETECT_BYTES)];
    detector.feed(sample, sample.len() == bytes.len());
    (
        detector.guess(None, chardetng::Utf8Detection::Allow),
        Source::Detected,
    )
}

/// The charset a page declares in a `<meta>` near its start.
pub fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    META_CHARSET
        .captures_iter(head)
        .find_map(|captures| label_encoding(&captures[1]))
}

/// The encoding a charset label names, as the HTML standard maps them: a page
/// that says UTF-16 in ASCII bytes is not UTF-16, and `x-user-defined` is
/// Windows-1252.
fn label_encoding(label: &[u8]) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label.trim_ascii())?;
    Some(if encoding.name().starts_with("UTF-16") {
        UTF_8
    } else if encoding.name() == "x-user-defined" {
        WINDOWS_1252
    } else {
        encoding
    })
}

/// The `charset` parameter of a `Content-Type` header value.
pub fn header_charset(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(charset: Option<&str>, body: &str) -> String {
        let meta = charset.map_or(String::new(), |c| format!("<meta charset=\"{c}\">"));
        format!("<html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>")
    }

    /// A page in `encoding`, declared or not, comes out as the text it was.
    fn round_trip(encoding: &'static Encoding, text: &str, declared: bool) -> Source {
        let label = declared.then_some(encoding.name());
        let html = page(label, text);
        let (bytes, _, unmappable) = encoding.encode(&html);
        assert!(!unmappable, "{text} fits {}", encoding.name());
        let decoded = decode(&bytes, None);
        assert!(
            decoded.text.contains(text),
            "{}: {}",
            encoding.name(),
            decoded.text
        );
        assert_eq!(decoded.encoding, encoding);
        decoded.source
    }

    const RUSSIAN: &str = "Президент России заявил в понедельник, что переговоры о поставках \
        зерна продолжатся на следующей неделе в Стамбуле, сообщили в правительстве.";
    const JAPANESE: &str = "東京証券取引所では月曜日、自動車株を中心に買いが広がり、\
        日経平均株価は三日ぶりに反発して取引を終えた。政府は新しい経済対策を発表した。";
    const CHINESE: &str = "国家统计局周一公布的数据显示，中国第三季度经济增长率略高于市场预期，\
        消费和出口均有所回升，政府表示将继续支持民营企业发展。";

    #[test]
    fn declared_charsets_are_honoured() {
        for (encoding, text) in [
            (encoding_rs::WINDOWS_1251, RUSSIAN),
            (encoding_rs::SHIFT_JIS, JAPANESE),
            (encoding_rs::GB18030, CHINESE),
        ] {
            assert_eq!(round_trip(encoding, text, true), Source::Meta);
        }
    }

    #[test]
    fn undeclared_charsets_are_detected() {
        // GBK is what the detector names GB18030 text without its
        // four-byte sequences; every character here is in GBK.
        for (encoding, text) in [
            (encoding_rs::WINDOWS_1251, RUSSIAN),
            (encoding_rs::SHIFT_JIS, JAPANESE),
            (encoding_rs::GBK, CHINESE),
        ] {
            assert_eq!(round_trip(encoding, text, false), Source::Detected);
        }
    }

    #[test]
    fn bom_then_meta_then_header() {
        let utf8 = "\u{feff}<meta charset=windows-1251><p>Zürich</p>";
        let decoded = decode(utf8.as_bytes(), Some("shift_jis"));
        assert_eq!((decoded.source, decoded.encoding), (Source::Bom, UTF_8));
        assert!(decoded.text.contains("Zürich"));
        let http_equiv =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">";
        assert_eq!(decode(http_equiv, None).encoding, encoding_rs::KOI8_R);
        let bare = b"<p>Z\xfcrich</p>";
        let decoded = decode(bare, Some("iso-8859-1"));
        assert_eq!(decoded.source, Source::Header);
        assert!(decoded.text.contains("Zürich"));
        assert_eq!(decode(b"<p>plain</p>", None).source, Source::Utf8);
        assert_eq!(
            decode(b"<meta charset=utf-16><p>x</p>", None).encoding,
            UTF_8
        );
    }

    #[test]
    fn content_type_parameters() {
        assert_eq!(
            header_charset("text/html; charset=\"ISO-8859-1\""),
            Some("ISO-8859-1")
        );
        assert_eq!(header_charset("text/html"), None);
    }
}
