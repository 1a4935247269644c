//! `cargo +nightly fuzz run read_feed`: see [`news_fuzz::read_feed`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| news_fuzz::read_feed(data));
