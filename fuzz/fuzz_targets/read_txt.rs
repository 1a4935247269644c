//! `cargo +nightly fuzz run read_txt`: see [`news_fuzz::read_txt`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| news_fuzz::read_txt(data));
