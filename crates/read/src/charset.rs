//! Bytes to text: UTF-8 (a BOM is dropped), else Windows-1252, which is what
//! old archives that are not UTF-8 almost always are. Binary files are refused.

use std::borrow::Cow;

/// Why bytes are not text.
#[derive(Debug, PartialEq, Eq)]
pub enum NotText {
    /// The bytes contain NUL: an image, archive or other binary file.
    Binary,
}

/// Text decoded from bytes, and whether it had to fall back from UTF-8.
pub struct Decoded<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// `true` when the bytes were not valid UTF-8 and were read as Windows-1252.
    pub fell_back: bool,
}

/// Decodes file contents.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, NotText> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if is_binary(bytes) {
        return Err(NotText::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            fell_back: false,
        }),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok(Decoded {
                text,
                fell_back: true,
            })
        }
    }
}

/// Whether bytes are binary rather than text: they contain NUL, which no
/// text encoding we read produces.
pub fn is_binary(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_latin1_and_binary() {
        let utf8 = decode("Zürich".as_bytes()).unwrap();
        assert_eq!((utf8.text.as_ref(), utf8.fell_back), ("Zürich", false));
        let latin1 = decode(b"Z\xfcrich").unwrap();
        assert_eq!((latin1.text.as_ref(), latin1.fell_back), ("Zürich", true));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0").err(),
            Some(NotText::Binary)
        );
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap().text, "hi");
    }
}
