//! `cargo +nightly fuzz run query`: see [`news_fuzz::query`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| news_fuzz::query(data));
