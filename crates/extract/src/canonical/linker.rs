//! The distinct names of one kind in an article, each written its best
//! way.

use super::super::gazetteer::name_key;
use super::types::is_shouted;
use super::HashMap;

/// The distinct names of one kind in an article, grouped by key (case,
/// accents and punctuation ignored), with the best way to write each.
#[derive(Default)]
pub(super) struct Linker {
    /// Keys in first-seen order.
    pub(super) keys: Vec<String>,
    /// Key → best surface form seen so far.
    pub(super) surface: HashMap<String, String>,
}

impl Linker {
    pub(super) fn add(&mut self, cleaned: &str) {
        self.add_keyed(&name_key(cleaned), cleaned);
    }

    /// [`Linker::add`] of a name whose key is known.
    pub(super) fn add_keyed(&mut self, key: &str, cleaned: &str) {
        if key.is_empty() {
            return;
        }
        match self.surface.get_mut(key) {
            Some(s) => {
                if better_surface(cleaned, s) {
                    *s = cleaned.to_owned();
                }
            }
            None => {
                self.keys.push(key.to_owned());
                self.surface.insert(key.to_owned(), cleaned.to_owned());
            }
        }
    }
}

/// Whether `a` is a better way to write a name than `b` (same key): not
/// shouting in capitals ("PUTIN" in a headline), then with more of its
/// punctuation ("al-Sharaa" over "al Sharaa").
fn better_surface(a: &str, b: &str) -> bool {
    match (is_shouted(a), is_shouted(b)) {
        (false, true) => true,
        (true, false) => false,
        _ => a.len() > b.len(),
    }
}
