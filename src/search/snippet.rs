//! Snippets and highlights: the passage of a document that best shows why it matched, with
//! every matched word marked as written in the text (clitics, diacritics and all).
//!
//! Highlight ranges are UTF-16 code-unit offsets (what JavaScript string indices count),
//! end exclusive.

use crate::index::{builder::pair_term, Index};
use crate::text::Analyzer;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashMap;

/// Words in a snippet.
pub const SNIPPET_WORDS: usize = 28;

/// The ellipsis put where a snippet cuts the text.
pub const ELLIPSIS: &str = "…";

/// A passage with highlighted matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Snippet {
    /// The passage, with [`ELLIPSIS`] where it cuts the paragraph.
    pub text: String,
    /// Matched words in `text`: UTF-16 `[start, end)` offsets.
    pub highlights: Vec<[u32; 2]>,
}

/// What to highlight: the index terms each query word was expanded to (every tier, typos
/// included), by term ordinal. A document token is highlighted when its normalized term is
/// one of them, so a highlighted word is always one that made the document match, and
/// deciding it is one dictionary lookup, not a stem and a variant key per token.
#[derive(Debug)]
pub struct Highlighter<'a> {
    index: &'a Index,
    analyzer: &'a Analyzer,
    /// Term ordinal → the first query word (in query order) it matched.
    words: HashMap<u64, usize>,
    /// How many query words there are.
    word_count: usize,
    /// Can two adjacent words match (a word with a variant key or a multi-word alias)?
    pairs: bool,
    /// Terms already decided (words repeat, within a document and across the hits).
    decided: RefCell<HashMap<String, Option<usize>>>,
}

impl<'a> Highlighter<'a> {
    /// `expansions[w]` are the `(term ordinal, weight)`s query word `w` matched; `pairs`
    /// asks to also try adjacent tokens as one pair term (فيس بوك for فيسبوك).
    pub fn new<'e>(
        index: &'a Index,
        analyzer: &'a Analyzer,
        expansions: impl IntoIterator<Item = &'e [(u64, f32)]>,
        pairs: bool,
    ) -> Self {
        let mut words = HashMap::new();
        let mut word_count = 0;
        for (w, expansion) in expansions.into_iter().enumerate() {
            for &(ordinal, _) in expansion {
                words.entry(ordinal).or_insert(w);
            }
            word_count = w + 1;
        }
        Highlighter {
            index,
            analyzer,
            words,
            word_count,
            pairs,
            decided: RefCell::new(HashMap::new()),
        }
    }

    /// The query word an indexed term matched.
    fn word_of(&self, term: &str) -> Option<usize> {
        self.words.get(&self.index.term_ordinal(term)?).copied()
    }

    /// Which query word, if any, each token of `text` matches: `(start, end, word index)`.
    /// Two adjacent words that write one query word (فيس بوك for فيسبوك) both match it.
    fn matched_tokens(&self, text: &str) -> Vec<(usize, usize, Option<usize>)> {
        let mut out: Vec<(usize, usize, Option<usize>)> = Vec::new();
        let mut terms: Vec<String> = Vec::new();
        if self.words.is_empty() {
            for token in self.analyzer.analyze(text) {
                if out.last().is_none_or(|l| l.0 != token.start) {
                    out.push((token.start, token.end, None));
                }
            }
            return out;
        }
        let mut decided = self.decided.borrow_mut();
        for token in self.analyzer.analyze(text) {
            let m = match decided.get(&token.term) {
                Some(&m) => m,
                None => {
                    let m = self.word_of(&token.term);
                    decided.insert(token.term.clone(), m);
                    m
                }
            };
            // A ligature that expands to several tokens shares one span: keep one entry.
            match out.last_mut() {
                Some(last) if last.0 == token.start => last.2 = last.2.or(m),
                _ => {
                    out.push((token.start, token.end, m));
                    terms.push(token.term);
                }
            }
        }
        if self.pairs {
            for i in 1..out.len() {
                if out[i - 1].2.is_none() && out[i].2.is_none() {
                    if terms[i - 1].chars().count() < 2 || terms[i].chars().count() < 2 {
                        continue; // no half of a name is one letter
                    }
                    let pair = pair_term(&terms[i - 1], &terms[i]);
                    let m = match decided.get(&pair) {
                        Some(&m) => m,
                        None => {
                            let m = self.word_of(&pair);
                            decided.insert(pair, m);
                            m
                        }
                    };
                    if let Some(w) = m {
                        out[i - 1].2 = Some(w);
                        out[i].2 = Some(w);
                    }
                }
            }
        }
        out
    }
}

/// UTF-16 length of a string.
fn utf16_len(s: &str) -> u32 {
    s.chars().map(|c| c.len_utf16() as u32).sum()
}

/// Byte ranges in `text` → UTF-16 ranges, shifted by `base` UTF-16 units.
fn to_utf16(text: &str, ranges: impl Iterator<Item = (usize, usize)>, base: u32) -> Vec<[u32; 2]> {
    ranges
        .map(|(s, e)| {
            let start = base + utf16_len(&text[..s]);
            [start, start + utf16_len(&text[s..e])]
        })
        .collect()
}

/// Highlights every matched word of a whole text (a title).
pub fn highlight(marker: &Highlighter<'_>, text: &str) -> Vec<[u32; 2]> {
    let tokens = marker.matched_tokens(text);
    to_utf16(
        text,
        tokens.iter().filter(|t| t.2.is_some()).map(|t| (t.0, t.1)),
        0,
    )
}

/// The best passage of `paragraphs`: the window of [`SNIPPET_WORDS`] words with the most
/// distinct matched query words (then the most matches, then the earliest; once a window
/// has all `present` query words the document has, later paragraphs are not read), cut at
/// word boundaries. With no match at all, the opening of the first paragraph.
pub fn best_snippet(marker: &Highlighter<'_>, paragraphs: &[&str], present: usize) -> Snippet {
    let mut best: Option<(usize, usize, usize, (usize, usize))> = None; // (paragraph, start, end, score)
    let mut analyzed = Vec::with_capacity(paragraphs.len());
    for (p, text) in paragraphs.iter().enumerate() {
        let tokens = marker.matched_tokens(text);
        let n = tokens.len();
        if n == 0 {
            analyzed.push(tokens);
            continue;
        }
        let width = SNIPPET_WORDS.min(n);
        for start in 0..=(n - width) {
            let window = &tokens[start..start + width];
            if window[0].2.is_none() && start > 0 && best.is_some() {
                continue; // a window that starts on a non-match is never better than one shifted right
            }
            let mut distinct: Vec<usize> = window.iter().filter_map(|t| t.2).collect();
            let count = distinct.len();
            distinct.sort_unstable();
            distinct.dedup();
            let score = (distinct.len(), count);
            if best.as_ref().is_none_or(|b| score > b.3) {
                best = Some((p, start, start + width, score));
            }
        }
        analyzed.push(tokens);
        // A window with every query word the document has cannot be beaten on distinct
        // words: the earliest one wins, so the later paragraphs need no analysis.
        if best
            .as_ref()
            .is_some_and(|b| b.3 .0 >= present.min(marker.word_count))
        {
            break;
        }
    }
    let Some((p, mut start, mut end, _)) = best else {
        return Snippet::default();
    };
    let tokens = &analyzed[p];
    // Give the first match a little context before it.
    let lead = 4.min(start);
    if tokens[start].2.is_some() && lead > 0 {
        start -= lead;
        end -= lead;
    }
    let text = paragraphs[p];
    let from = if start == 0 { 0 } else { tokens[start].0 };
    let to = if end == tokens.len() {
        text.len()
    } else {
        tokens[end - 1].1
    };
    let mut snippet = String::new();
    if from > 0 {
        snippet.push_str(ELLIPSIS);
    }
    let base = utf16_len(&snippet);
    snippet.push_str(&text[from..to]);
    if to < text.len() {
        snippet.push_str(ELLIPSIS);
    }
    let piece = &text[from..to];
    let highlights = to_utf16(
        piece,
        tokens[start..end]
            .iter()
            .filter(|t| t.2.is_some())
            .map(|t| (t.0 - from, t.1 - from)),
        base,
    );
    Snippet {
        text: snippet,
        highlights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Index, IndexBuilder, SearchOptions, Searcher};

    /// The first hit for `query` in an index of one document with these paragraphs.
    fn first_hit(title: &str, body: &[&str], query: &str) -> crate::search::Hit {
        let mut builder = IndexBuilder::new();
        builder
            .add(Document {
                id: "d".into(),
                title: title.into(),
                body: body.iter().map(|p| p.to_string()).collect(),
                ..Document::default()
            })
            .unwrap();
        let searcher = Searcher::new(Index::from_bytes(builder.finish()).unwrap());
        let results = searcher.search(query, &SearchOptions::default()).unwrap();
        results.hits.into_iter().next().expect("a hit")
    }

    fn marked(text: &str, highlights: &[[u32; 2]]) -> Vec<String> {
        let units: Vec<u16> = text.encode_utf16().collect();
        highlights
            .iter()
            .map(|[a, b]| String::from_utf16(&units[*a as usize..*b as usize]).unwrap())
            .collect()
    }

    #[test]
    fn marks_the_word_as_written_with_clitics_and_diacritics() {
        let hit = first_hit(
            "عنوان",
            &["أعلن «التيليجرام» و«الإرهابيُّ» اليوم"],
            "تيليجرام الارهابي",
        );
        let s = &hit.snippet;
        assert_eq!(marked(&s.text, &s.highlights), ["التيليجرام", "الإرهابيُّ"]);
        assert!(!s.text.starts_with(ELLIPSIS));
    }

    #[test]
    fn picks_the_window_with_the_most_distinct_words_and_cuts_with_ellipses() {
        let filler = "كلمة ".repeat(60);
        let para = format!("{filler}داعش هنا {filler}داعش على تيليجرام {filler}");
        let hit = first_hit("عنوان", &[&para], "داعش تيليجرام");
        let s = &hit.snippet;
        assert!(
            s.text.starts_with(ELLIPSIS) && s.text.ends_with(ELLIPSIS),
            "{}",
            s.text
        );
        assert_eq!(marked(&s.text, &s.highlights), ["داعش", "تيليجرام"]);
    }

    #[test]
    fn title_highlights_are_utf16_offsets() {
        let hit = first_hit("😀 داعش", &["نص"], "داعش");
        assert_eq!(hit.title_highlights, vec![[3, 7]]); // the emoji is two UTF-16 units, then a space
    }

    #[test]
    fn marks_every_tier_and_a_name_written_as_two_words() {
        let hit = first_hit(
            "عنوان",
            &["نشر على فيس بوك وتلغرام ثم حذف المنشورات"],
            "فيسبوك تيليجرام منشور",
        );
        let s = &hit.snippet;
        assert_eq!(
            marked(&s.text, &s.highlights),
            ["فيس", "بوك", "وتلغرام", "المنشورات"]
        );
    }

    #[test]
    fn marks_a_typo_match_and_the_word_being_typed() {
        let hit = first_hit("عنوان", &["قال المتحدث إن التنظيم انتقل"], "المتحدت التنظ");
        let s = &hit.snippet;
        assert_eq!(marked(&s.text, &s.highlights), ["المتحدث", "التنظيم"]);
    }
}
