//! Bytes to text: UTF-8 (a BOM is dropped), UTF-16 or UTF-32 when a byte
//! order mark says so, else Windows-1252, which is what old archives that
//! are not UTF-8 almost always are. Binary files are refused.
//!
//! A file is transcoded to UTF-8 as it streams in ([`utf8_stream`]), before
//! it is cut into lines: a UTF-16 newline is two bytes, one of them NUL, so
//! neither line splitting nor the binary check could work on the raw bytes.
//! UTF-16 goes through `encoding_rs`; UTF-32, which `encoding_rs` leaves out
//! (the WHATWG Encoding Standard has no UTF-32), is decoded here: four bytes
//! a character, a dozen lines not worth a dependency. Malformed sequences in
//! either become U+FFFD.

use std::borrow::Cow;
use std::io::{self, BufRead, Read};

use encoding_rs::CoderResult;

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

/// Decodes file contents: a UTF-16 or UTF-32 byte order mark is honoured,
/// a UTF-8 one dropped.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, NotText> {
    if let Some((unicode, bom)) = Unicode::sniff(bytes) {
        let mut text = String::new();
        Transcoder::new(unicode).feed(&bytes[bom..], true, &mut text);
        if text.contains('\0') {
            return Err(NotText::Binary);
        }
        return Ok(Decoded {
            text: Cow::Owned(text),
            fell_back: false,
        });
    }
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
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

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// A Unicode encoding other than UTF-8 that a byte order mark announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unicode {
    /// UTF-16, little-endian (`FF FE`).
    Utf16Le,
    /// UTF-16, big-endian (`FE FF`).
    Utf16Be,
    /// UTF-32, little-endian (`FF FE 00 00`).
    Utf32Le,
    /// UTF-32, big-endian (`00 00 FE FF`).
    Utf32Be,
}

impl Unicode {
    /// The encoding whose byte order mark `bytes` start with, and the mark's
    /// length; `None` for UTF-8 and for text without a mark.
    pub fn sniff(bytes: &[u8]) -> Option<(Unicode, usize)> {
        // UTF-32LE's mark starts with UTF-16LE's, so it is tried first.
        if bytes.starts_with(b"\xFF\xFE\0\0") {
            Some((Unicode::Utf32Le, 4))
        } else if bytes.starts_with(b"\0\0\xFE\xFF") {
            Some((Unicode::Utf32Be, 4))
        } else if bytes.starts_with(b"\xFF\xFE") {
            Some((Unicode::Utf16Le, 2))
        } else if bytes.starts_with(b"\xFE\xFF") {
            Some((Unicode::Utf16Be, 2))
        } else {
            None
        }
    }
}

/// A stream decoder from UTF-16 or UTF-32 to UTF-8.
enum Transcoder {
    Utf16(encoding_rs::Decoder),
    Utf32 {
        big_endian: bool,
        /// Bytes of a character cut by the end of the last input.
        carry: Vec<u8>,
    },
}

impl Transcoder {
    fn new(unicode: Unicode) -> Transcoder {
        let utf16 = |encoding: &'static encoding_rs::Encoding| {
            Transcoder::Utf16(encoding.new_decoder_without_bom_handling())
        };
        match unicode {
            Unicode::Utf16Le => utf16(encoding_rs::UTF_16LE),
            Unicode::Utf16Be => utf16(encoding_rs::UTF_16BE),
            Unicode::Utf32Le | Unicode::Utf32Be => Transcoder::Utf32 {
                big_endian: unicode == Unicode::Utf32Be,
                carry: Vec::new(),
            },
        }
    }

    /// Decodes all of `input` onto `out`; `last` when no input follows, so a
    /// character cut short becomes U+FFFD.
    fn feed(&mut self, input: &[u8], last: bool, out: &mut String) {
        match self {
            Transcoder::Utf16(decoder) => {
                let mut input = input;
                loop {
                    let room = decoder.max_utf8_buffer_length(input.len());
                    out.reserve(room.unwrap_or(input.len() * 3 + 16));
                    let (result, read, _) = decoder.decode_to_string(input, out, last);
                    input = &input[read..];
                    if result == CoderResult::InputEmpty {
                        return;
                    }
                }
            }
            Transcoder::Utf32 { big_endian, carry } => {
                carry.extend_from_slice(input);
                let whole = carry.len() / 4 * 4;
                for unit in carry[..whole].chunks_exact(4) {
                    let unit = [unit[0], unit[1], unit[2], unit[3]];
                    let value = if *big_endian {
                        u32::from_be_bytes(unit)
                    } else {
                        u32::from_le_bytes(unit)
                    };
                    out.push(char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER));
                }
                carry.drain(..whole);
                if last && !carry.is_empty() {
                    out.push(char::REPLACEMENT_CHARACTER);
                    carry.clear();
                }
            }
        }
    }
}

/// A stream of UTF-16 or UTF-32 read as UTF-8.
struct Utf8Reader<R> {
    inner: R,
    transcoder: Transcoder,
    /// Decoded text not yet read, from `position` on.
    text: String,
    position: usize,
    done: bool,
}

impl<R: BufRead> Read for Utf8Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Utf8Reader<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        while self.position == self.text.len() && !self.done {
            self.text.clear();
            self.position = 0;
            let input = self.inner.fill_buf()?;
            let length = input.len();
            self.done = length == 0;
            self.transcoder.feed(input, self.done, &mut self.text);
            self.inner.consume(length);
        }
        Ok(&self.text.as_bytes()[self.position..])
    }

    fn consume(&mut self, amount: usize) {
        self.position = (self.position + amount).min(self.text.len());
    }
}

/// `reader` as UTF-8: transcoded when it starts with a UTF-16 or UTF-32
/// byte order mark, as it is otherwise (UTF-8, its mark dropped, or bytes
/// [`decode`] reads as Windows-1252).
///
/// The first `ahead` bytes (at least four) are read to tell, and the first
/// `fill_buf` of what is returned holds them all when they are passed on as
/// they are, so a caller can sniff that much of the start however the
/// stream below happened to be chunked. An error while reading them comes
/// after the bytes read before it, as it would have without the look-ahead.
pub fn utf8_stream<'a>(reader: &'a mut dyn BufRead, ahead: usize) -> Box<dyn BufRead + 'a> {
    let mut head = Vec::with_capacity(ahead.max(4));
    let looked = Read::take(&mut *reader, ahead.max(4) as u64).read_to_end(&mut head);
    let rest: Box<dyn BufRead + 'a> = match looked {
        Ok(_) => Box::new(reader),
        Err(error) => Box::new(Broken(error.kind(), error.to_string())),
    };
    if let Some((unicode, bom)) = Unicode::sniff(&head) {
        let head = io::Cursor::new(head.split_off(bom));
        return Box::new(Utf8Reader {
            inner: head.chain(rest),
            transcoder: Transcoder::new(unicode),
            text: String::new(),
            position: 0,
            done: false,
        });
    }
    let bom = if head.starts_with(UTF8_BOM) { 3 } else { 0 };
    Box::new(io::Cursor::new(head.split_off(bom)).chain(rest))
}

/// A stream that broke off: every read fails as the real one did.
struct Broken(io::ErrorKind, String);

impl Read for Broken {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(io::Error::new(self.0, self.1.clone()))
    }
}

impl BufRead for Broken {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        Err(io::Error::new(self.0, self.1.clone()))
    }

    fn consume(&mut self, _: usize) {}
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

    /// `text` in `unicode`, byte order mark first.
    fn encode(text: &str, unicode: Unicode) -> Vec<u8> {
        let mut bytes = Vec::new();
        for c in std::iter::once('\u{FEFF}').chain(text.chars()) {
            match unicode {
                Unicode::Utf16Le | Unicode::Utf16Be => {
                    for unit in c.encode_utf16(&mut [0; 2]) {
                        bytes.extend(match unicode {
                            Unicode::Utf16Le => unit.to_le_bytes(),
                            _ => unit.to_be_bytes(),
                        });
                    }
                }
                Unicode::Utf32Le => bytes.extend((c as u32).to_le_bytes()),
                Unicode::Utf32Be => bytes.extend((c as u32).to_be_bytes()),
            }
        }
        bytes
    }

    const UNICODES: [Unicode; 4] = [
        Unicode::Utf16Le,
        Unicode::Utf16Be,
        Unicode::Utf32Le,
        Unicode::Utf32Be,
    ];

    #[test]
    fn utf16_and_utf32_with_a_mark_decode_whole() {
        let text = "Zürich\n\u{1F4F0} Ὀδυσσεύς";
        for unicode in UNICODES {
            let bytes = encode(text, unicode);
            assert_eq!(Unicode::sniff(&bytes).map(|(u, _)| u), Some(unicode));
            let decoded = decode(&bytes).unwrap();
            assert_eq!((decoded.text.as_ref(), decoded.fell_back), (text, false));
        }
        // A NUL character is binary in any encoding.
        let nul = encode("a\0b", Unicode::Utf16Le);
        assert_eq!(decode(&nul).err(), Some(NotText::Binary));
        // Without a mark, UTF-16 is not guessed at: its NULs make it binary.
        let bare = &encode("plain", Unicode::Utf16Le)[2..];
        assert_eq!(decode(bare).err(), Some(NotText::Binary));
    }

    /// Reads `bytes` through [`utf8_stream`], `chunk` bytes at a time.
    fn stream(bytes: &[u8], chunk: usize) -> Vec<u8> {
        let mut source = io::BufReader::with_capacity(chunk, bytes);
        let mut reader = utf8_stream(&mut source, 4);
        let mut out = Vec::new();
        reader.read_to_end(&mut out).unwrap();
        out
    }

    #[test]
    fn streams_decode_whatever_the_chunks() {
        let text = "{\"title\": \"Zürich \u{1F4F0}\"}\r\n{\"title\": \"Ὀδυσσεύς\"}\n".repeat(50);
        for unicode in UNICODES {
            let bytes = encode(&text, unicode);
            for chunk in [1, 3, 7, 4096] {
                assert_eq!(
                    stream(&bytes, chunk),
                    text.as_bytes(),
                    "{unicode:?} {chunk}"
                );
            }
        }
        let mut utf8 = UTF8_BOM.to_vec();
        utf8.extend_from_slice(text.as_bytes());
        assert_eq!(stream(&utf8, 5), text.as_bytes());
        assert_eq!(
            stream(b"\xfc", 5),
            b"\xfc",
            "non-UTF-8 bytes pass as they are"
        );
        assert_eq!(stream(b"", 5), b"");
    }

    #[test]
    fn an_error_in_the_look_ahead_comes_after_its_bytes() {
        let mut source = io::BufReader::new(
            b"{\"a\": 1}\n{\"b\"".chain(Broken(io::ErrorKind::UnexpectedEof, "cut".to_owned())),
        );
        let mut reader = utf8_stream(&mut source, 8192);
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert_eq!(line, "{\"a\": 1}\n");
        let error = reader.read_line(&mut line).unwrap_err();
        assert_eq!(
            (error.kind(), error.to_string()),
            (io::ErrorKind::UnexpectedEof, "cut".to_owned())
        );
    }

    #[test]
    fn cut_characters_become_replacement_characters() {
        let mut utf16 = encode("ab", Unicode::Utf16Be);
        utf16.pop();
        assert_eq!(stream(&utf16, 2), "a\u{FFFD}".as_bytes());
        let mut utf32 = encode("ab", Unicode::Utf32Le);
        utf32.extend_from_slice(b"\xff\xff\xff\x7f\x01");
        assert_eq!(stream(&utf32, 3), "ab\u{FFFD}\u{FFFD}".as_bytes());
    }
}
