//! `cargo +nightly fuzz run read_html`: see [`news_fuzz::read_html`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| news_fuzz::read_html(data));
