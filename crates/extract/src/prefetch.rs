//! Software prefetch: asking the processor to load memory a loop will
//! read a few iterations later, so that the tagger's lookups, which mostly
//! miss the caches, wait on memory side by side instead of one after the
//! other. A hint only: nothing computed depends on it.

/// Bytes in a cache line.
const LINE: usize = 64;

/// Asks the processor to load every cache line of `value`.
#[inline(always)]
pub(crate) fn prefetch_lines<T: ?Sized>(value: &T) {
    let start = (value as *const T).cast::<u8>();
    // From the line holding the first byte to the one holding the last.
    let skew = start as usize % LINE;
    for offset in (0..std::mem::size_of_val(value) + skew).step_by(LINE) {
        // wrapping: the address is only a hint, never dereferenced.
        prefetch_address(start.wrapping_add(offset).wrapping_sub(skew));
    }
}

/// Asks the processor to load the cache line holding `address`.
#[inline(always)]
fn prefetch_address(address: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing architecturally and faults on no
    // address.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(address.cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = address;
}
