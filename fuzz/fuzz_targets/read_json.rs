//! `cargo +nightly fuzz run read_json`: see [`news_fuzz::read_json`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| news_fuzz::read_json(data));
