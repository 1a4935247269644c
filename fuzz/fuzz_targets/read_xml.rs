//! `cargo +nightly fuzz run read_xml`: see [`news_fuzz::read_xml`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| news_fuzz::read_xml(data));
