//! Stop words: very common words (في, من, the, of…) that carry little meaning on their own.
//!
//! They are still indexed, so a query made only of stop words finds something; in a query
//! with other words they are optional and score little. The lists are Lucene's Arabic list
//! (Jacques Savoy, BSD licence; `data/stopwords-ar.txt`), fahras's additions to it (question
//! words and the passive auxiliary تم, `data/stopwords-ar-fahras.txt`) and a short English
//! list (`data/stopwords-en.txt`), all normalized and deduplicated when the set is built.

use super::normalize::normalize;
use rustc_hash::FxHashSet;

const ARABIC: &str = include_str!("../../data/stopwords-ar.txt");
/// `data/stopwords-en.txt` without its comment lines (written by `build.rs`).
const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/stopwords-en.txt"));
/// `data/stopwords-ar-fahras.txt` (question words, the passive auxiliary تم) without its
/// comment lines.
const ARABIC_FAHRAS: &str = include_str!(concat!(env!("OUT_DIR"), "/stopwords-ar-fahras.txt"));

/// A set of normalized stop words.
#[derive(Debug, Clone)]
pub struct StopWords(FxHashSet<String>);

impl StopWords {
    /// The default Arabic + English set.
    pub fn default_set() -> Self {
        Self::from_lists(&[ARABIC, ARABIC_FAHRAS, ENGLISH])
    }

    /// Builds a set from word lists, one word per line; `#` starts a comment line.
    pub fn from_lists(lists: &[&str]) -> Self {
        let words = lists
            .iter()
            .flat_map(|list| list.lines())
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(normalize)
            .collect();
        StopWords(words)
    }

    /// Adds words (normalized here).
    pub fn extend(&mut self, words: &[String]) {
        self.0.extend(
            words
                .iter()
                .map(|w| normalize(w.trim()))
                .filter(|w| !w.is_empty()),
        );
    }

    /// Is this normalized word a stop word?
    pub fn contains(&self, normalized: &str) -> bool {
        self.0.contains(normalized)
    }

    /// Does a stop word longer than `prefix` (normalized) begin with it?
    pub fn begins_any(&self, prefix: &str) -> bool {
        !prefix.is_empty()
            && self
                .0
                .iter()
                .any(|w| w.len() > prefix.len() && w.starts_with(prefix))
    }

    /// Number of distinct normalized stop words.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Is the set empty?
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lucene_list_is_normalized_and_deduplicated() {
        let set = StopWords::default_set();
        // أو and او were two entries in the source list; they are one after normalization.
        assert!(set.contains("او"));
        assert!(set.contains("في") && set.contains("the"));
        assert!(!set.contains("داعش"));
        // fahras's additions: question words, normalized (أين → اين).
        assert!(set.contains("كيف") && set.contains("اين") && set.contains("تم"));
        assert!(
            set.len() < 119 + 33,
            "duplicates were removed: {}",
            set.len()
        );
    }
}
