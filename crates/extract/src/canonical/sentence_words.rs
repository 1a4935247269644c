//! Words that open sentences and name nothing, which the tagger takes for
//! a name at a sentence's start: adverbs and conjunctions, cut off any
//! name they begin, and determiners and pronouns, which name nothing
//! alone but begin names too. Split from `filter`, which asks them.

use super::WordList;

/// Adverbs and conjunctions that open sentences and name nothing, as name
/// keys: after an interview's speaker tag ("MS Although we used...",
/// "((WN)) Given that...") or an elision ("[...] Unfortunately, Trump")
/// the tagger takes them for a name. Only words that are no one's name:
/// "How" and "Still" are surnames, "Oh" and "Ah" are too, "Umm" begins
/// Arabic place names ("Umm Qasr") and "UH" is a university, so they are
/// not here.
#[rustfmt::skip]
static SENTENCE_WORDS: WordList = WordList::new(&[
    "although", "though", "given", "however", "meanwhile", "moreover", "furthermore",
    "nevertheless", "nonetheless", "therefore", "thus", "hence", "perhaps", "indeed", "instead",
    "otherwise", "unfortunately", "fortunately", "hopefully", "obviously", "clearly",
    "basically", "actually", "additionally", "consequently", "whereas", "despite", "unless",
    "regardless", "accordingly", "apparently", "certainly", "definitely", "essentially",
    "eventually", "frankly", "honestly", "ideally", "importantly", "interestingly", "luckily",
    "naturally", "notably", "personally", "possibly", "presumably", "probably", "sadly",
    "seriously", "similarly", "surprisingly", "ultimately", "undoubtedly", "yes", "no", "okay",
    "well", "anyway", "also", "including", "does", "did", "hi", "hello", "yeah", "with", "an",
    "absolutely", "because", "between", "since", "unlike", "firstly", "secondly", "thirdly",
    "historically", "technically", "majorly", "greetings", "please", "thank", "thanks", "uhh",
    "hmm", "yep", "your", "my", "our", "oh", "ah", "wow", "ciao", "bye", "goodbye",
]);

/// Determiners and pronouns that open a sentence and, alone, name nothing
/// ("All 67 people died"), as name keys; unlike [`SENTENCE_WORDS`] they
/// begin names too ("All Nippon Airways", "All Blacks", "Most Favoured
/// Nation"), so they are cut off none.
#[rustfmt::skip]
static LONE_DETERMINERS: WordList = WordList::new(&[
    "all", "both", "each", "every", "some", "many", "most", "several", "these", "those", "this",
    "their", "his", "her", "its", "there", "they", "we", "it", "when", "while", "if", "but",
]);

/// Whether a word (any case) is one that opens sentences and names
/// nothing ([`SENTENCE_WORDS`]).
pub(super) fn is_sentence_word(key: &str) -> bool {
    SENTENCE_WORDS.contains(key)
}

/// Whether a name key is a determiner or pronoun alone ([`LONE_DETERMINERS`]).
pub(super) fn is_lone_determiner(key: &str) -> bool {
    LONE_DETERMINERS.contains(key)
}
