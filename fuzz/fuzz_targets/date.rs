//! `cargo +nightly fuzz run date`: see [`news_fuzz::date`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| news_fuzz::date(data));
