//! Word lists the features consult (organization and place suffixes,
//! titles, function words) and the [`CaseLexicon`]: how words are written,
//! learned from training and a dictionary.

use std::sync::OnceLock;

use xxhash_rust::xxh3::xxh3_64;

use super::{flag, KeyMap};

/// Words that end organisation names. Written by hand: they generalise to
/// names never seen in training ("Gazprom Neft Inc").
const ORG_SUFFIXES: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "co",
    "co.",
    "ltd",
    "ltd.",
    "plc",
    "llc",
    "ag",
    "sa",
    "nv",
    "gmbh",
    "group",
    "bank",
    "ministry",
    "party",
    "council",
    "university",
    "association",
    "agency",
    "committee",
    "commission",
    "federation",
    "union",
    "club",
    "fc",
    "company",
    "corporation",
    "institute",
    "foundation",
    "authority",
    "organisation",
    "organization",
    "department",
    "court",
    "army",
    "police",
    "airlines",
    "airways",
    "holdings",
    "industries",
    "motors",
    "times",
    "post",
    "news",
    "press",
    "assembly",
    "parliament",
    "office",
    "service",
    "society",
    "network",
    "systems",
    "technologies",
    "fund",
    "league",
    "board",
    "front",
    "movement",
    "church",
    "college",
    "school",
    "hospital",
    "exchange",
    "trust",
    "capital",
];

/// Whether `word` (any case) is one of the [`ORG_SUFFIXES`], words that
/// end organizations' names.
pub(crate) fn is_org_suffix(word: &str) -> bool {
    ORG_SUFFIXES.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// Whether `word` (any case) is one of the [`LOC_SUFFIXES`], words that
/// end place names.
pub(crate) fn is_loc_suffix(word: &str) -> bool {
    LOC_SUFFIXES.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// Words that end place names ("Karl Marx Avenue", "Easter Island",
/// "Strait of Hormuz" ends otherwise, but "Jolo Cathedral" does). Written
/// by hand, like [`ORG_SUFFIXES`].
#[rustfmt::skip]
const LOC_SUFFIXES: &[&str] = &[
    "avenue", "street", "road", "boulevard", "square", "bridge", "river", "lake", "mountain",
    "mountains", "island", "islands", "sea", "ocean", "bay", "gulf", "strait", "straits",
    "peninsula", "desert", "canal", "coast", "valley", "county", "province", "district",
    "region", "airport", "airbase", "station", "cathedral", "mosque", "palace", "park",
    "forest", "falls", "beach", "harbour", "harbor", "port", "state", "territory",
];

/// Function words that Title Case headlines capitalise ("Apple Unveils
/// New Products As Investors Worry About China Sales") and results tables
/// do not contain.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "as", "to", "in", "of", "for", "with", "about", "on", "at", "by", "from", "into", "after",
    "over", "and", "the", "a", "an", "is", "are", "its", "their", "his", "her", "will", "but",
];

/// Words that precede person names (titles and roles).
const PERSON_TITLES: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "sir",
    "president",
    "minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "senator",
    "sen.",
    "governor",
    "gov.",
    "mayor",
    "general",
    "gen.",
    "colonel",
    "captain",
    "judge",
    "chairman",
    "spokesman",
    "spokeswoman",
    "secretary",
    "ambassador",
    "leader",
    "counterpart",
    "coach",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "director",
    "envoy",
    "rev.",
    "sheikh",
    "ayatollah",
    "cardinal",
    "bishop",
    "lord",
    "lady",
    "justice",
    "officer",
];

/// Lexicon flags by lowercase-word hash, so a token costs one lookup
/// instead of a scan of both lists.
pub(super) fn lexicon() -> &'static KeyMap<u16> {
    static LEXICON: OnceLock<KeyMap<u16>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut m = KeyMap::default();
        for w in ORG_SUFFIXES {
            *m.entry(xxh3_64(w.as_bytes())).or_default() |= flag::ORG_SUFFIX;
        }
        for w in PERSON_TITLES {
            *m.entry(xxh3_64(w.as_bytes())).or_default() |= flag::TITLE;
        }
        for w in LOC_SUFFIXES {
            *m.entry(xxh3_64(w.as_bytes())).or_default() |= flag::LOC_SUFFIX;
        }
        for w in FUNCTION_WORDS {
            *m.entry(xxh3_64(w.as_bytes())).or_default() |= flag::FUNCTION;
        }
        m
    })
}

/// A process-unique id for the content of a [`CaseLexicon`], a
/// [`WordClusters`](super::WordClusters) or a model's word cache, so a
/// featurizer or tagger knows when what it keeps was computed from another's.
pub(crate) fn next_unique_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// How a word is usually written, keyed by the hash of the lowercased word:
/// the best evidence that a capitalised sentence-initial or headline word
/// ("Among", "Rescuers") is an ordinary word, not a name.
///
/// Two sources, kept apart because they differ in reach and reliability:
/// how often the word is lowercase mid-sentence in the training text (a
/// count *bucket*), and how an English dictionary (SCOWL, bundled as
/// `data/english-words.txt.gz`) writes it (the *dictionary* class), which
/// covers the many common words that training never shows.
///
/// A third source, person names of the training text, says whether a word
/// starts or ends multi-word person names ("Vladimir", "Putin"): a
/// capitalised pair whose first word is no known first name ("Deutsche
/// Bahn") is less likely a person.
#[derive(Clone, Debug)]
pub struct CaseLexicon {
    /// Bits 0-2: count bucket (0-4); bit 3: the dictionary has the word in
    /// lowercase; bit 4: the dictionary has it capitalised; bit 5: first
    /// word of a training person name; bit 6: last word of one.
    buckets: KeyMap<u8>,
    /// Process-unique id of this content, so a featurizer may cache what
    /// it read from the lexicon per word.
    pub(super) id: u64,
}

impl Default for CaseLexicon {
    fn default() -> CaseLexicon {
        CaseLexicon::with_buckets(KeyMap::default())
    }
}

impl CaseLexicon {
    /// Occurrences (lowercase + capitalised mid-sentence) a word needs
    /// before its bucket is trusted.
    pub const MIN_COUNT: u32 = 3;
    /// Dictionary class bit: the word list has the word in lowercase.
    pub const DICT_LOWER: u8 = 8;
    /// Dictionary class bit: the word list has the word capitalised.
    pub const DICT_CAP: u8 = 16;
    /// Name bit: the first word of a multi-word person name in training.
    pub const FIRST_NAME: u8 = 32;
    /// Name bit: the last word of a multi-word person name in training.
    pub const LAST_NAME: u8 = 64;

    /// Buckets words by the share of their mid-sentence occurrences that
    /// are lowercase (1 almost always lowercase, 2 mostly, 3 mostly
    /// capitalised, 4 almost always capitalised) and adds the dictionary
    /// classes of `dictionary` (from [`CaseLexicon::dictionary`]).
    /// `names` holds the [`CaseLexicon::FIRST_NAME`] and
    /// [`CaseLexicon::LAST_NAME`] bits of words.
    pub fn from_counts(
        counts: &KeyMap<(u32, u32)>,
        dictionary: &KeyMap<u8>,
        names: &KeyMap<u8>,
    ) -> CaseLexicon {
        let mut buckets = dictionary.clone();
        for (&k, &bits) in names {
            *buckets.entry(k).or_default() |= bits;
        }
        for (&k, &(lower, cap)) in counts {
            let total = lower + cap;
            if total < Self::MIN_COUNT {
                continue;
            }
            let share = f64::from(lower) / f64::from(total);
            let b = if share >= 0.9 {
                1
            } else if share >= 0.5 {
                2
            } else if share >= 0.1 {
                3
            } else {
                4
            };
            *buckets.entry(k).or_default() |= b;
        }
        CaseLexicon::with_buckets(buckets)
    }

    fn with_buckets(buckets: KeyMap<u8>) -> CaseLexicon {
        CaseLexicon {
            buckets,
            id: next_unique_id(),
        }
    }

    /// Dictionary classes of a word list, one word per line as written
    /// ("rescuer", "Boeing"), keyed by lowercased-word hash.
    pub fn dictionary(words: &str) -> KeyMap<u8> {
        let mut out = KeyMap::default();
        for w in words.lines().map(str::trim).filter(|w| !w.is_empty()) {
            let class = if w.starts_with(char::is_uppercase) {
                Self::DICT_CAP
            } else {
                Self::DICT_LOWER
            };
            *out.entry(xxh3_64(w.to_lowercase().as_bytes())).or_default() |= class;
        }
        out
    }

    /// Builds from `(key, value)` pairs (as stored in the model file).
    pub fn from_pairs(pairs: impl IntoIterator<Item = (u64, u8)>) -> CaseLexicon {
        CaseLexicon::with_buckets(pairs.into_iter().collect())
    }

    /// `(key, value)` pairs, sorted by key.
    pub fn pairs(&self) -> Vec<(u64, u8)> {
        let mut v: Vec<(u64, u8)> = self.buckets.iter().map(|(&k, &b)| (k, b)).collect();
        v.sort_unstable();
        v
    }

    /// Number of words known.
    pub fn len(&self) -> usize {
        self.buckets.len()
    }

    /// Whether no word is known.
    pub fn is_empty(&self) -> bool {
        self.buckets.is_empty()
    }

    /// Everything known of a lowercased-word hash: count bucket in bits
    /// 0-2, dictionary class bits above (0 = unknown).
    #[inline]
    pub fn get(&self, lower: u64) -> u8 {
        self.buckets.get(&lower).copied().unwrap_or(0)
    }

    /// The count bucket of a lowercased-word hash (0 = too rare to say).
    #[inline]
    pub fn bucket(&self, lower: u64) -> u8 {
        self.get(lower) & 7
    }

    /// Whether the word is an ordinary lowercase word: mostly lowercase in
    /// training, or, unseen there, in the dictionary only in lowercase.
    #[inline]
    pub fn is_common_word(&self, lower: u64) -> bool {
        Self::is_common_value(self.get(lower))
    }

    /// Whether `lower`, a lowercased word, is in the dictionary only in
    /// lowercase and in no person's name of training ("radio", "buys"; not
    /// "pacific", which the dictionary also capitalises, nor "smith").
    pub fn is_lowercase_only_word(&self, lower: &str) -> bool {
        let v = self.get(xxh3_64(lower.as_bytes()));
        let names = Self::FIRST_NAME | Self::LAST_NAME;
        v & Self::DICT_LOWER != 0 && v & (Self::DICT_CAP | names) == 0
    }

    /// Whether `lower`, a lowercased word, starts or ends a person's name
    /// of training ("russell", "muhammad").
    pub fn is_person_name_word(&self, lower: &str) -> bool {
        self.get(xxh3_64(lower.as_bytes())) & (Self::FIRST_NAME | Self::LAST_NAME) != 0
    }

    /// [`CaseLexicon::is_common_word`] of a value from [`CaseLexicon::get`].
    #[inline]
    pub fn is_common_value(v: u8) -> bool {
        match v & 7 {
            1 | 2 => true,
            0 => v & (Self::DICT_LOWER | Self::DICT_CAP) == Self::DICT_LOWER,
            _ => false,
        }
    }
}
