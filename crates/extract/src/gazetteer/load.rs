//! Reading the gazetteer data (the format of `scripts/build_gazetteer.py`)
//! into the name index: every name and every word prefix of a name, keyed
//! by hash, each name with the list of places it may mean.

use std::collections::HashMap;
use std::io::Read;
use std::sync::Arc;

use xxhash_rust::xxh3::xxh3_64;

use super::super::hash_bits::HashBits;
use super::keys::{combine, key_hash, Words, SEED};
use super::tags::PlaceTag;
use super::{
    Candidate, Gazetteer, GazetteerError, KeyMap, Node, Place, PlaceKind, MAX_WORDS, NODE_NAME,
    NODE_PREFIX, NONE,
};

impl Gazetteer {
    /// Reads gzip'd data in the format written by `scripts/build_gazetteer.py`.
    pub fn from_gzip(bytes: &[u8]) -> Result<Gazetteer, GazetteerError> {
        let mut text = String::with_capacity(bytes.len() * 3);
        flate2::read::GzDecoder::new(bytes).read_to_string(&mut text)?;
        Gazetteer::from_tsv(&text)
    }

    /// Reads uncompressed data in the format written by
    /// `scripts/build_gazetteer.py` (see its docstring).
    pub fn from_tsv(text: &str) -> Result<Gazetteer, GazetteerError> {
        // Kept long: one pass over the gazetteer file, column by column as its format lists them.
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
                "K" => PlaceKind::Continent,
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
                PlaceKind::Continent => (index, None),
                PlaceKind::Country => {
                    countries.insert(iso, index);
                    (index, None)
                }
                PlaceKind::Region => {
                    regions.insert((iso, code), (index, Arc::from(name)));
                    (*countries.get(iso).ok_or(err("unknown country"))?, None)
                }
                PlaceKind::City | PlaceKind::Locality | PlaceKind::Town => (
                    *countries.get(iso).ok_or(err("unknown country"))?,
                    regions.get(&(iso, code)).map(|r| r.0),
                ),
            };
            let country = match kind {
                PlaceKind::Continent | PlaceKind::Country => Arc::from(name),
                _ => g.places[country_index as usize].country.clone(),
            };
            let admin1 = match kind {
                PlaceKind::City | PlaceKind::Locality | PlaceKind::Town => {
                    regions.get(&(iso, code)).map(|r| r.1.clone())
                }
                _ => None,
            };
            let shown = CITY_NAMES
                .iter()
                .find(|(i, _)| *i == id)
                .map_or(name, |(_, n)| n);
            g.places.push(Place {
                name: shown.to_owned(),
                kind,
                country,
                admin1,
                population,
                geonames_id: (id != 0).then_some(id),
                index,
                country_index,
                admin1_index,
                // Counted below, with the names.
                alternates: 0,
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
            let mut alternates: u16 = 0;
            for alt in alts
                .unwrap_or_default()
                .split('|')
                .filter(|a| !a.is_empty())
            {
                alternates = alternates.saturating_add(1);
                // "!": the name's preferred sense; "=": the place's own
                // name though a city's other name (build_gazetteer.py).
                match (alt.strip_prefix('!'), alt.strip_prefix('=')) {
                    (Some(a), _) => add(a, true, true),
                    (_, Some(a)) => add(a, true, false),
                    _ => add(alt, curated, false),
                }
            }
            if let Some(p) = g.places.last_mut() {
                p.alternates = alternates;
            }
        }
        g.country_codes = countries.iter().map(|(k, v)| ((*k).into(), *v)).collect();
        for ((iso, code), (i, _)) in &regions {
            g.region_codes
                .entry((*iso).into())
                .or_default()
                .insert((*code).into(), *i);
        }
        g.index(pending);
        for h in risky {
            if let Some(n) = g.nodes.get_mut(&h) {
                n.tag |= PlaceTag::RISKY;
            }
        }
        Ok(g)
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
        self.node_bits = HashBits::with_bits(pending.len() * 16);
        for e in pending {
            self.node_bits.insert(e.hash);
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
/// Names newsrooms write for cities whose GeoNames name is also a state's
/// ("Washington", "New York"), by GeoNames id: a facet value must tell the
/// two apart. Both names are aliases of the city in the bundled data.
const CITY_NAMES: [(u32, &str); 2] = [(4140963, "Washington, D.C."), (5128581, "New York City")];

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
                // No kind bit: the tagger was trained without continents.
                PlaceKind::Continent => 0,
                PlaceKind::Country => PlaceTag::COUNTRY,
                PlaceKind::Region => PlaceTag::REGION,
                PlaceKind::City | PlaceKind::Locality | PlaceKind::Town => PlaceTag::CITY,
            },
            bits: (u8::from(primary) * PRIMARY) | (u8::from(preferred) * PREFERRED),
        });
    }
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
