//! Organizations known by name whatever the tagger says: platforms,
//! companies, parties and universities that news names bare and whose
//! names are also words, people or places ("Apple", "Amazon", "Harvard"),
//! besides the bodies found even untagged (`known_bodies`), and one-word
//! brands written with a capital inside ("VesselFinder"). Split from
//! `types`, which applies them.

use super::super::gazetteer::name_key;
use super::super::known_bodies::is_known_body;
use super::WordList;

/// Whether `word` is an organization news names without an organization
/// word ("Hamas", "Taliban", "Apple").
pub(crate) fn is_known_organization(word: &str) -> bool {
    is_known_key(&name_key(word))
}

/// [`is_known_organization`] for a name key.
pub(super) fn is_known_key(key: &str) -> bool {
    KNOWN_ORGANIZATIONS.contains(key) || is_known_body(key)
}

/// Organizations that news names without any organization word, as name
/// keys, besides those found even untagged (`known_bodies`): platforms,
/// and companies and the like whose names are also words, people or places
/// ("Apple", "Amazon", "Bloomberg"), which only change kind where the
/// tagger found them.
#[rustfmt::skip]
static KNOWN_ORGANIZATIONS: WordList = WordList::new(&[
    "twitter", "youtube", "instagram", "whatsapp", "tiktok", "reddit", "linkedin", "wikipedia",
    "telegram", "amazon", "apple", "tesla", "uber", "siemens", "daimler", "aramco", "reuters",
    // The agency's old name, which its own copy used ("a Reuter survey").
    "reuter",
    "tass", "bloomberg", "github", "gitlab", "vimeo", "spotify", "paypal", "ebay", "weibo",
    "wechat", "snapchat", "pinterest", "twitch", "discord", "airbnb", "shopify", "dropbox",
    "costco", "walmart", "woolworths", "ocado", "mojang", "banxico", "bundesbank",
    // Oil majors, miners and consumer groups the markets report names bare;
    // not "Shell", which begins "Shell casings were found".
    "exxon", "chevron", "glencore", "petrobras", "pemex", "sinopec", "petrochina",
    "unilever", "nestle", "stellantis", "peugeot", "citigroup", "citi",
    "sinn fein", "plaid cymru", "fianna fail", "fine gael", "fatah", "likud",
    // Universities named bare ("a degree from Harvard"), whose names are
    // small towns' too; not those named after their city ("Oxford").
    "harvard", "yale", "stanford", "caltech", "cornell", "dartmouth", "mount holyoke",
    "penn state", "sorbonne", "tsinghua",
]);

/// Whether a one-word name has a capital inside it the way brands and
/// websites do ("VesselFinder", "MarineTraffic", "GoFundMe"), not the
/// way surnames and handles do ("McArthur", "MacLean", "DeVita",
/// "C.Suthorn").
pub(super) fn is_camel_case_brand(name: &str) -> bool {
    const NAME_PREFIXES: &[&str] = &[
        "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von",
    ];
    if name.contains([' ', '\'', '’', '-', '.']) || !name.starts_with(char::is_uppercase) {
        return false;
    }
    let inner = name
        .char_indices()
        .skip(1)
        .find(|&(_, c)| c.is_uppercase())
        .map(|(i, _)| i);
    // The capital must start a word of its own ("Finder"), not an
    // abbreviation ("USA").
    inner.is_some_and(|i| {
        !NAME_PREFIXES.contains(&&name[..i]) && name[i..].chars().skip(1).any(char::is_lowercase)
    })
}
