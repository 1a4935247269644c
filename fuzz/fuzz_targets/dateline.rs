//! `cargo +nightly fuzz run dateline`: see [`news_fuzz::dateline`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| news_fuzz::dateline(data));
