//! [`CachedStemmer`]: tantivy's English stemmer behind a per-thread cache.
//!
//! Stemming was a third of the CPU time of indexing news text, yet news text
//! repeats a small vocabulary: a cache of the words seen makes almost every
//! token a hash lookup. The output is exactly tantivy's [`Stemmer`]'s; only the
//! cost changes. The cache belongs to the thread, not to the tokenizer:
//! tantivy clones the analyser for every segment writer and for every query
//! and highlighted passage, and a cache per clone started empty each time
//! (on a search server that was a tenth of the CPU). Nothing is shared
//! between threads, so nothing is locked.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use tantivy::tokenizer::{
    Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Words cached per thread before the cache is emptied, which bounds its
/// memory (a few megabytes) on text with an endless vocabulary.
const CAPACITY: usize = 16_384;

/// A [`TokenFilter`] stemming English like [`Stemmer::new(Language::English)`],
/// with a cache of the words already stemmed.
#[derive(Clone, Copy, Debug, Default)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter { inner: tokenizer }
    }
}

/// The tokenizer [`CachedStemmer`] makes.
#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// A multiply-rotate hash (FxHash's): the keys are short words from our own
/// text, so a DoS-resistant hash would only cost time.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

/// Stemmed forms by word, and the stemmer for misses.
struct Cache {
    stems: HashMap<String, String, BuildHasherDefault<WordHasher>>,
    stemmer: TextAnalyzer,
}

impl Default for Cache {
    fn default() -> Self {
        Cache {
            stems: HashMap::default(),
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
        }
    }
}

impl Cache {
    /// Replaces `word` by its stem.
    fn stem(&mut self, word: &mut String) {
        // Snowball's English stemmer leaves words of one or two letters, and
        // numbers, as they are: no need to look them up.
        if word.len() <= 2 || word.bytes().all(|b| b.is_ascii_digit()) {
            return;
        }
        if let Some(stem) = self.stems.get(word.as_str()) {
            word.clear();
            word.push_str(stem);
            return;
        }
        let stem = {
            let mut stream = self.stemmer.token_stream(word);
            if stream.advance() {
                stream.token().text.clone()
            } else {
                word.clone()
            }
        };
        if self.stems.len() >= CAPACITY {
            self.stems.clear();
        }
        self.stems
            .insert(std::mem::replace(word, stem.clone()), stem);
    }
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of a [`CachedStemmerFilter`].
pub struct CachedStemmerStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let word = &mut self.tail.token_mut().text;
        CACHE.with(|cache| match cache.try_borrow_mut() {
            Ok(mut cache) => cache.stem(word),
            // Only a stream advanced from inside another's stemming could
            // get here (none does): stem without the cache.
            Err(_) => Cache::default().stem(word),
        });
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer};

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.offset_from, t.position));
        }
        out
    }

    #[test]
    fn stems_exactly_like_tantivys_stemmer_cached_or_not() {
        let text = "Talks between the ministers continued; the minister said talking \
            helped. Running runners ran: generously, generations, generalised \
            Šaraa's caresses. Talks continued, ministers talking. As is 1987 1980s 12th.";
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let mut cached = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer)
            .build();
        let expected = tokens(&mut plain, text);
        assert_eq!(tokens(&mut cached, text), expected);
        // Again, now from the cache, in a clone, and on another thread.
        assert_eq!(tokens(&mut cached, text), expected);
        assert_eq!(tokens(&mut cached.clone(), text), expected);
        let mut other = cached.clone();
        let there = std::thread::spawn(move || tokens(&mut other, text));
        assert_eq!(there.join().unwrap(), expected);
        assert!(expected.iter().any(|(t, _, _)| t == "talk"));
    }
}
