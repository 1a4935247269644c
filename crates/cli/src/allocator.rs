//! The process's memory allocator: mimalloc, told to give freed memory back
//! to the system sooner than it does by default, or never.
//!
//! mimalloc because extraction and canonicalisation make many small,
//! short-lived allocations (names, keys); with it `news extract` runs about
//! 15% faster than with the system allocator (`cargo bench -p news-extract
//! --bench extract`).
//!
//! The purge delay, for `news export` only: mimalloc keeps memory freed in
//! large spans for a second before it returns it, so a command that frees a
//! few hundred MB a second holds that much more resident. An export of a
//! million articles to Parquet peaked at 669 MB with the default and
//! 436-441 MB with 10 ms (two runs each; 1 s more system time in 7 s).
//! Other commands keep the default: `news parse` of 1,300 pages took 10%
//! more CPU with 10 ms (3.45 against 3.12 s, three runs each), and
//! `news index` peaks elsewhere (docs/export.md and docs/benchmarks-log.md
//! have the commands).
//!
//! `news extract` never returns freed memory: its memory stays level after
//! the first articles, and mimalloc returning spans a second after they
//! were freed only made the kernel zero the same huge pages again when
//! they were taken back (`perf record`: 4% of the samples in the kernel's
//! page clearing). Over Reuters-21578 that took 3% less CPU (median of six
//! runs alternating, 5.65 against 5.83 s) for 9 MB more at the peak (153
//! against 144 MB): `MIMALLOC_PURGE_DELAY=-1 /usr/bin/time news extract
//! reuters21578.jsonl` against the default.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc 3's `mi_option_e` (mimalloc.h): the
/// Rust bindings name only the options older versions had. The test below
/// fails should a mimalloc update move it.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Milliseconds freed memory waits before mimalloc returns it.
const PURGE_DELAY_MS: std::os::raw::c_long = 10;

/// Sets the purge delay for the rest of the process.
pub fn return_freed_memory_sooner() {
    // SAFETY: sets one of mimalloc's option values; any value is valid.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, PURGE_DELAY_MS) }
}

/// Keeps freed memory for reuse for the rest of the process (a purge delay
/// of -1: never).
pub fn keep_freed_memory() {
    // SAFETY: sets one of mimalloc's option values; any value is valid.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_option_is_the_purge_delay() {
        // SAFETY: reads an option value.
        let default = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        assert_eq!(default, 1000, "mimalloc 3's purge delay defaults to 1 s");
        // One test for both setters: the option is the whole process's.
        return_freed_memory_sooner();
        let now = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        assert_eq!(now, PURGE_DELAY_MS);
        keep_freed_memory();
        let now = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        assert_eq!(now, -1);
    }
}
