//! Chinese, Korean and Taiwanese names written surname first: "Xi
//! Jinping", "Moon Jae-in", "Kim Jong Un", "Lai Ching-te". A tagger
//! trained on 1996 newswire, which has few of them, reads many as
//! organizations ("Xi Jinping said ...") or cuts them ("Ban Ki-moon" to
//! "Ki-moon", "Leung Chun-ying" to "Leung"), and then no person facet has
//! them.
//!
//! A name here is a surname of [`CHINESE_SURNAMES`], [`HYPHENED_SURNAMES`]
//! or [`KOREAN_SURNAMES`] and a given name of the same tradition: one word
//! of one to three Pinyin syllables after a Chinese surname ("Jinping",
//! "Keqiang", "Yi"); two syllables joined by a hyphen ("Jae-in",
//! "Ching-te", "Chun-ying"); or two one-syllable words after a Korean
//! surname ("Jong Un", "Suk Yeol"). Where a mention lies within such a
//! name and is not already that name as a person, the name becomes one
//! person mention. Names the gazetteer knows as places ("Hong Kong",
//! "Chiang Mai") and organizations of [`known_bodies`](super::known_bodies)
//! stay; so do firms whose names look alike but read otherwise ("Pan Am",
//! "Du Pont", "Sun Hung Kai", "Cheung Kong": no Pinyin given name), and a
//! mention that goes on past the name ("Kim Il Sung University").
//!
//! Found around the tagger's mentions, and, for the shapes no English
//! words take (a Korean name in three words, a hyphened given name), also
//! where the tagger passed over them ("North Korea's Kim Jong Un").
//! A Chinese given name of one word is read only in a mention.

use std::collections::HashSet;
use std::sync::OnceLock;

use foldhash::fast::FixedState;

use super::canonical::Offsets;
use super::features::CaseLexicon;
use super::gazetteer::{name_key, Gazetteer};
use super::known_bodies::is_known_body;
use super::{EntityKind, Mention};

/// Surnames written in Pinyin, the commonest in the People's Republic.
#[rustfmt::skip]
const CHINESE_SURNAMES: &[&str] = &[
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
    "Ma", "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang",
    "Han", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai",
    "Jiang", "Yu", "Du", "Ye", "Cheng", "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Jin",
    "Fu", "Zhong", "Cui", "Tan", "Liao", "Fan", "Wen", "Xi", "Bo", "Qian", "Kong", "Bai", "Lai",
    "Mao", "Qin", "Shi", "Hou", "Meng", "Wan", "Duan", "Lei", "Qiu", "Yin", "Hao", "Gu", "Kang",
    "Xiong", "Jia", "Xue", "Yan", "Zou", "Dai", "Shao", "Tao", "Fang", "Geng", "Niu", "Bao",
    "Zhai", "Yi", "Xing", "Hong", "Qi", "Chang", "Long", "Gong", "Zhan", "Ge",
];

/// Surnames of Taiwan, Hong Kong and Singapore in their own spellings
/// (Wade-Giles, Cantonese, Hokkien), whose given names are hyphened.
#[rustfmt::skip]
const HYPHENED_SURNAMES: &[&str] = &[
    "Tsai", "Chen", "Chan", "Cheung", "Leung", "Wong", "Lam", "Ng", "Ho", "Chiang", "Hsieh",
    "Hsu", "Kuo", "Ko", "Su", "Lu", "Ma", "Tung", "Tsang", "Chow", "Yip", "Lau", "Chiu", "Ting",
    "Chu", "Lien", "Soong", "Chou", "Lo", "Tsui", "Teo", "Goh", "Lim", "Tan", "Ong", "Yeo", "Koh",
    "Hou", "Han", "Lai", "Lee", "Wu", "Huang", "Lin", "Yang", "Chang", "Hung", "Fung", "Kwok",
];

/// Korean surnames as news spells them.
#[rustfmt::skip]
const KOREAN_SURNAMES: &[&str] = &[
    "Kim", "Lee", "Yi", "Park", "Pak", "Choi", "Choe", "Jung", "Jeong", "Chung", "Kang", "Cho",
    "Yoon", "Yun", "Jang", "Lim", "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song",
    "Yoo", "Ryu", "Hong", "Jeon", "Chun", "Ko", "Moon", "Mun", "Son", "Bae", "Baek", "Heo", "Nam",
    "Noh", "Roh", "Ban", "Ha", "Kwak", "Sung", "Cha", "Joo", "Woo", "Min", "Choo", "Koo", "Ri",
];

/// The syllables of Pinyin, without tones ("lü" as "lv").
#[rustfmt::skip]
const PINYIN: &[&str] = &[
    "a", "ai", "an", "ang", "ao", "ba", "bai", "ban", "bang", "bao", "bei", "ben", "beng", "bi",
    "bian", "biao", "bie", "bin", "bing", "bo", "bu", "ca", "cai", "can", "cang", "cao", "ce",
    "cen", "ceng", "cha", "chai", "chan", "chang", "chao", "che", "chen", "cheng", "chi", "chong",
    "chou", "chu", "chua", "chuai", "chuan", "chuang", "chui", "chun", "chuo", "ci", "cong",
    "cou", "cu", "cuan", "cui", "cun", "cuo", "da", "dai", "dan", "dang", "dao", "de", "dei",
    "den", "deng", "di", "dian", "diao", "die", "ding", "diu", "dong", "dou", "du", "duan", "dui",
    "dun", "duo", "e", "ei", "en", "eng", "er", "fa", "fan", "fang", "fei", "fen", "feng", "fo",
    "fou", "fu", "ga", "gai", "gan", "gang", "gao", "ge", "gei", "gen", "geng", "gong", "gou",
    "gu", "gua", "guai", "guan", "guang", "gui", "gun", "guo", "ha", "hai", "han", "hang", "hao",
    "he", "hei", "hen", "heng", "hong", "hou", "hu", "hua", "huai", "huan", "huang", "hui",
    "hun", "huo", "ji", "jia", "jian", "jiang", "jiao", "jie", "jin", "jing", "jiong", "jiu",
    "ju", "juan", "jue", "jun", "ka", "kai", "kan", "kang", "kao", "ke", "ken", "keng", "kong",
    "kou", "ku", "kua", "kuai", "kuan", "kuang", "kui", "kun", "kuo", "la", "lai", "lan", "lang",
    "lao", "le", "lei", "leng", "li", "lia", "lian", "liang", "liao", "lie", "lin", "ling",
    "liu", "long", "lou", "lu", "luan", "lun", "luo", "lv", "lve", "ma", "mai", "man", "mang",
    "mao", "me", "mei", "men", "meng", "mi", "mian", "miao", "mie", "min", "ming", "miu", "mo",
    "mou", "mu", "na", "nai", "nan", "nang", "nao", "ne", "nei", "nen", "neng", "ni", "nian",
    "niang", "niao", "nie", "nin", "ning", "niu", "nong", "nou", "nu", "nuan", "nuo", "nv",
    "nve", "o", "ou", "pa", "pai", "pan", "pang", "pao", "pei", "pen", "peng", "pi", "pian",
    "piao", "pie", "pin", "ping", "po", "pou", "pu", "qi", "qia", "qian", "qiang", "qiao", "qie",
    "qin", "qing", "qiong", "qiu", "qu", "quan", "que", "qun", "ran", "rang", "rao", "re", "ren",
    "reng", "ri", "rong", "rou", "ru", "rua", "ruan", "rui", "run", "ruo", "sa", "sai", "san",
    "sang", "sao", "se", "sen", "seng", "sha", "shai", "shan", "shang", "shao", "she", "shei",
    "shen", "sheng", "shi", "shou", "shu", "shua", "shuai", "shuan", "shuang", "shui", "shun",
    "shuo", "si", "song", "sou", "su", "suan", "sui", "sun", "suo", "ta", "tai", "tan", "tang",
    "tao", "te", "teng", "ti", "tian", "tiao", "tie", "ting", "tong", "tou", "tu", "tuan", "tui",
    "tun", "tuo", "wa", "wai", "wan", "wang", "wei", "wen", "weng", "wo", "wu", "xi", "xia",
    "xian", "xiang", "xiao", "xie", "xin", "xing", "xiong", "xiu", "xu", "xuan", "xue", "xun",
    "ya", "yan", "yang", "yao", "ye", "yi", "yin", "ying", "yo", "yong", "you", "yu", "yuan",
    "yue", "yun", "za", "zai", "zan", "zang", "zao", "ze", "zei", "zen", "zeng", "zha", "zhai",
    "zhan", "zhang", "zhao", "zhe", "zhei", "zhen", "zheng", "zhi", "zhong", "zhou", "zhu",
    "zhua", "zhuai", "zhuan", "zhuang", "zhui", "zhun", "zhuo", "zi", "zong", "zou", "zu",
    "zuan", "zui", "zun", "zuo",
];

/// Consonants that may end a romanised syllable of a hyphened or Korean
/// given name ("Ki-moon", "Jong Un", "Suk Yeol", "Duck-soo").
const SYLLABLE_ENDS: &[&str] = &["", "n", "ng", "k", "l", "m", "p", "t", "h", "ck"];

/// A set of this module's words, hashed with a fixed seed (the words are
/// this crate's, not input).
type Words = HashSet<&'static str, FixedState>;

/// The word lists as sets, built once.
struct Sets {
    pinyin: Words,
    chinese_surnames: Words,
    korean_surnames: Words,
    /// Every surname: a hyphened given name may follow one of any
    /// tradition.
    surnames: Words,
    /// The length in bytes of the longest surname.
    longest_surname: usize,
}

fn sets() -> &'static Sets {
    static SETS: OnceLock<Sets> = OnceLock::new();
    SETS.get_or_init(|| {
        let set = |words: &[&'static str]| words.iter().copied().collect::<Words>();
        let mut surnames = set(HYPHENED_SURNAMES);
        surnames.extend(CHINESE_SURNAMES.iter().chain(KOREAN_SURNAMES));
        let longest_surname = surnames.iter().map(|s| s.len()).max().unwrap_or_default();
        Sets {
            pinyin: set(PINYIN),
            chinese_surnames: set(CHINESE_SURNAMES),
            korean_surnames: set(KOREAN_SURNAMES),
            surnames,
            longest_surname,
        }
    })
}

/// Makes a person of each East Asian name that a mention of `text` lies
/// within (see the module doc), keeping `mentions` in text order.
pub(crate) fn read_east_asian_names(
    text: &str,
    capitals: &[usize],
    mentions: &mut Vec<Mention>,
    case: &CaseLexicon,
) {
    let offsets = Offsets::new(text);
    let mut names: Vec<Mention> = Vec::new();
    for m in mentions.iter() {
        let Some(start) = offsets.byte(m.start) else {
            continue;
        };
        if !text[start..].starts_with(&m.text) || names.iter().any(|n| n.end > m.start) {
            continue;
        }
        let end = start + m.text.len();
        // The mention's first word, or the word before it ("Ban" of "Ban
        // Ki-moon", where the tagger kept only "Ki-moon").
        let before = text[..start]
            .strip_suffix(' ')
            .map(|b| b.len() - b.rsplit([' ', '\n']).next().unwrap_or_default().len());
        let Some((at, len)) = [Some(start), before]
            .into_iter()
            .flatten()
            .find_map(|at| name_at(text, at, case).map(|len| (at, len)))
        else {
            continue;
        };
        let name = &text[at..at + len];
        let same = m.kind == EntityKind::Person && at == start && len == m.text.len();
        let numbered = text[at + len..]
            .strip_prefix(' ')
            .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()));
        if end > at + len
            || same
            || numbered
            || !may_be_a_person(name)
            || shortens_a_body(name, mentions)
        {
            continue;
        }
        let first = text[..at].chars().count();
        names.push(Mention {
            kind: EntityKind::Person,
            text: name.to_owned(),
            start: first,
            end: first + name.chars().count(),
        });
    }
    names.extend(untagged_names(text, capitals, mentions, case));
    if names.is_empty() {
        return;
    }
    // A name replaces the mentions within it; one reaching past it
    // keeps the name from being made.
    names.retain(|n| {
        !mentions
            .iter()
            .any(|m| m.start < n.end && n.start < m.end && (m.start < n.start || m.end > n.end))
    });
    mentions.retain(|m| !names.iter().any(|n| m.start >= n.start && m.end <= n.end));
    mentions.extend(names);
    mentions.sort_by_key(|m| m.start);
}

/// The names of the shapes no English words take, a Korean name in three
/// words or a given name of two syllables joined by a hyphen ("Kim Jong
/// Un", "Lee Jae-myung"), that no mention touches and no capitalised word
/// but a possessive comes just before: the tagger passes over some of them ("North Korea's
/// Kim Jong Un inspected"). A Chinese given name in one word is left to
/// the tagger's mentions: "Sun Dance" and "He Can" look alike.
fn untagged_names(
    text: &str,
    capitals: &[usize],
    mentions: &[Mention],
    case: &CaseLexicon,
) -> Vec<Mention> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut chars_before = (0, 0);
    for &at in capitals {
        // A surname's letters, then a space: most capitalised words are
        // too long to be one, told without hashing them.
        let letters = bytes[at..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        let fits = (2..=sets().longest_surname).contains(&letters);
        if !fits || bytes.get(at + letters) != Some(&b' ') {
            continue;
        }
        let Some(len) = name_at(text, at, case) else {
            continue;
        };
        let name = &text[at..at + len];
        let strong = name.contains('-') || name.matches(' ').count() == 2;
        let after_a_capital = text[..at]
            .strip_suffix(' ')
            .and_then(|b| b.rsplit([' ', '\n']).next())
            .is_some_and(|w| {
                // "North Korea's Kim Jong Un": a possessive ends its name.
                w.starts_with(char::is_uppercase) && !w.ends_with("'s") && !w.ends_with("’s")
            });
        if !strong || after_a_capital || !may_be_a_person(name) {
            continue;
        }
        // Code point offsets, counted on from the last name found.
        let start = chars_before.1 + text[chars_before.0..at].chars().count();
        chars_before = (at, start);
        let end = start + name.chars().count();
        if !mentions.iter().any(|m| m.start < end && start < m.end) {
            found.push(Mention {
                kind: EntityKind::Person,
                text: name.to_owned(),
                start,
                end,
            });
        }
    }
    found
}

/// Whether a name shaped like an East Asian person's is no place of the
/// gazetteer, nor begins with one ("Hong Kong Hang Seng index"), and is
/// no organization news names bare.
fn may_be_a_person(name: &str) -> bool {
    let gazetteer = Gazetteer::bundled();
    let two_words = name.splitn(3, ' ').take(2).collect::<Vec<_>>().join(" ");
    !gazetteer.contains(name) && !gazetteer.contains(&two_words) && !is_known_body(&name_key(name))
}

/// Whether an organization mention begins with `name` and goes on: the
/// name is its short form ("Lai Sun" beside "Lai Sun Garment").
fn shortens_a_body(name: &str, mentions: &[Mention]) -> bool {
    mentions.iter().any(|m| {
        m.kind == EntityKind::Organization
            && m.text
                .strip_prefix(name)
                .is_some_and(|rest| rest.starts_with(' '))
    })
}

/// Whether `name` is, whole, an East Asian name written surname first
/// ("Xi Jinping", "Kim Jong Un").
pub(crate) fn is_surname_first(name: &str, case: &CaseLexicon) -> bool {
    name_at(name, 0, case) == Some(name.len())
}

/// The byte length of the East Asian name written at byte `at` of
/// `text`, if one is.
fn name_at(text: &str, at: usize, case: &CaseLexicon) -> Option<usize> {
    let rest = &text[at..];
    let mut words = rest.split(' ');
    let surname = words.next()?;
    if !sets().surnames.contains(surname) {
        return None;
    }
    let written = words.next()?;
    let given = trim_punctuation(written);
    let third = words.next().map(trim_punctuation);
    let span =
        |n_words: &[&str]| n_words.iter().map(|w| w.len()).sum::<usize>() + n_words.len() - 1;
    if let Some((a, b)) = given.split_once('-') {
        let hyphened = is_capitalised(a)
            && syllable(&a.to_ascii_lowercase())
            && syllable(&b.to_ascii_lowercase());
        return hyphened.then(|| span(&[surname, given]));
    }
    if sets().korean_surnames.contains(surname) {
        if let Some(third) = third.filter(|_| given == written) {
            let two = is_capitalised(given)
                && is_capitalised(third)
                && syllable(&given.to_ascii_lowercase())
                && syllable(&third.to_ascii_lowercase());
            if two {
                return Some(span(&[surname, given, third]));
            }
        }
    }
    // An English word made of Pinyin syllables ("Sun Dance", "He Can")
    // is no given name.
    let lower = given.to_ascii_lowercase();
    let pinyin_given = sets().chinese_surnames.contains(surname)
        && is_capitalised(given)
        && pinyin_syllables(&lower, 3)
        && !case.is_lowercase_only_word(&lower);
    pinyin_given.then(|| span(&[surname, given]))
}

/// `word` less the punctuation that may follow a name ("Jinping,", "Un's").
fn trim_punctuation(word: &str) -> &str {
    let word = word
        .split(['\n', '\u{2019}', '\''])
        .next()
        .unwrap_or_default();
    word.trim_end_matches(|c: char| !c.is_ascii_alphabetic())
}

/// Whether `word` is an ASCII capital followed by ASCII lower-case letters
/// (and hyphens).
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_lowercase() || c == '-')
}

/// Whether `word` (lower case) is one to `max` Pinyin syllables.
fn pinyin_syllables(word: &str, max: usize) -> bool {
    if word.is_empty() {
        return true;
    }
    max > 0
        && (1..=word.len().min(6)).any(|n| {
            word.is_char_boundary(n)
                && sets().pinyin.contains(&word[..n])
                && pinyin_syllables(&word[n..], max - 1)
        })
}

/// Whether `part` (lower case) is shaped like one romanised syllable:
/// at most five letters, consonants, one run of vowels, one of
/// [`SYLLABLE_ENDS`].
fn syllable(part: &str) -> bool {
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    if part.is_empty() || part.len() > 5 || !part.chars().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    let Some(v) = part.find(is_vowel) else {
        return false;
    };
    let after = &part[v..];
    let end = after.find(|c| !is_vowel(c)).map_or("", |e| &after[e..]);
    SYLLABLE_ENDS.contains(&end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    fn persons(text: &str) -> Vec<String> {
        Extractor::bundled().extract(text).persons
    }

    #[test]
    fn names_written_surname_first_are_persons() {
        assert_eq!(
            persons("Xi Jinping said on Monday that trade talks would continue."),
            ["Xi Jinping"]
        );
        assert_eq!(
            persons("Kim Jong Un said the missile test was a success."),
            ["Kim Jong Un"]
        );
        // Passed over by the tagger after a possessive; a longer name stays.
        assert_eq!(
            persons("North Korea's Kim Jong Un inspected a test near Pyongyang."),
            ["Kim Jong Un"]
        );
        assert!(persons("The Hyundai Kim Jong Un Fund opened.").is_empty());
        assert_eq!(persons("Moon Jae-in said he would visit."), ["Moon Jae-in"]);
        assert_eq!(
            persons("Lai Ching-te said Taiwan is sovereign."),
            ["Lai Ching-te"]
        );
    }

    #[test]
    fn a_name_the_tagger_cut_is_made_whole() {
        assert_eq!(
            persons("Ban Ki-moon said the UN would help."),
            ["Ban Ki-moon"]
        );
        assert_eq!(
            persons("Leung Chun-ying said Hong Kong would stay calm."),
            ["Leung Chun-ying"]
        );
    }

    /// `text`'s mentions of `names`, each at its first occurrence.
    fn given(text: &str, names: &[(EntityKind, &str)]) -> Vec<Mention> {
        let mut mentions: Vec<Mention> = names
            .iter()
            .map(|&(kind, name)| {
                let start = text.find(name).unwrap();
                Mention {
                    kind,
                    text: name.to_owned(),
                    start,
                    end: start + name.len(),
                }
            })
            .collect();
        mentions.sort_by_key(|m| m.start);
        mentions
    }

    fn read(text: &str, mentions: &mut Vec<Mention>) {
        let model = Extractor::bundled().model().unwrap();
        let capitals = crate::word_starts::capitalised_word_starts(text);
        read_east_asian_names(
            text,
            &capitals,
            mentions,
            crate::tagger::Weights::case_lexicon(model),
        );
    }

    #[test]
    fn firms_and_places_named_alike_stay() {
        use EntityKind::{Location, Organization};
        let text = "Pan Am said it would cut fares. Du Pont said earnings rose. \
                    Sun Hung Kai and Cheung Kong rose in Hong Kong Hang Seng trade. Kim Il Sung University. \
                    Solar Systems by Sun Dance said. Lai Sun Garment bought it; Lai Sun \
                    gained. The Liu Hua 11-1-1 A well.";
        let names = [
            (Organization, "Pan Am"),
            (Organization, "Du Pont"),
            (Organization, "Sun Hung Kai"),
            (Organization, "Cheung Kong"),
            (Location, "Hong Kong"),
            (Organization, "Kim Il Sung University"),
            (Organization, "Sun Dance"),
            (Organization, "Lai Sun Garment"),
            (Organization, "Liu Hua"),
        ];
        let mut mentions = given(text, &names);
        let lai_sun = text.rfind("Lai Sun").unwrap();
        mentions.push(Mention {
            kind: Organization,
            text: "Lai Sun".to_owned(),
            start: lai_sun,
            end: lai_sun + 7,
        });
        mentions.sort_by_key(|m| m.start);
        let before = mentions.clone();
        read(text, &mut mentions);
        assert_eq!(mentions, before);
    }

    #[test]
    fn given_names_are_read_by_syllables() {
        assert!(pinyin_syllables("jinping", 3));
        assert!(pinyin_syllables("keqiang", 3));
        assert!(!pinyin_syllables("pont", 3));
        assert!(!pinyin_syllables("am", 3));
        assert!(syllable("moon") && syllable("hye") && syllable("yeol") && syllable("duck"));
        assert!(!syllable("solo") && !syllable("hecht") && !syllable("way"));
    }
}
