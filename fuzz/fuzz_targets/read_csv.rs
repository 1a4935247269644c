//! `cargo +nightly fuzz run read_csv`: see [`news_fuzz::read_csv`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| news_fuzz::read_csv(data));
