//! End-to-end tests of the `news` binary, grouped by feature. They run the real
//! binary on the bundled corpus and on the shared real corpora.

mod bounded;
mod browser;
mod clustering;
mod commands;
mod compressed;
mod concurrency;
mod corpora;
mod crash;
mod damage;
mod determinism;
mod export;
mod formats_html;
mod formats_same;
mod formats_wire;
mod hostile;
mod incremental;
mod indexing;
mod names;
mod newsroom;
mod search;
mod search_options;
mod serve;
mod server;
mod support;
