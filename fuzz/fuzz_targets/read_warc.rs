//! `cargo +nightly fuzz run read_warc`: see [`news_fuzz::read_warc`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| news_fuzz::read_warc(data));
