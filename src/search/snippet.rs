//! Snippets and highlights: the passage of a document that best shows why it matched, with
//! every matched word marked as written in the text (clitics, diacritics and all).
//!
//! Highlight ranges are UTF-16 code-unit offsets (what JavaScript string indices count),
//! end exclusive.

use crate::error::{Error, Result};
use crate::index::{builder::pair_term, Index};
use crate::text::Analyzer;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::cell::RefCell;

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
/// included). A document's matches are found in the postings of those terms (their
/// positions), so a highlighted word is always one that made the document match and
/// deciding it costs no dictionary work per token: the text is only analyzed to turn
/// positions into offsets, and only up to its last match. Texts of a field the index does
/// not have positions for fall back to looking each token's term up.
#[derive(Debug)]
pub struct Highlighter<'a> {
    index: &'a Index,
    analyzer: &'a Analyzer,
    /// Term ordinal → the query words (in query order) it matched.
    words: FxHashMap<u64, Vec<usize>>,
    /// The ordinals matched at the exact tier (the word as typed, a listed form of a name):
    /// a snippet shows those before a word's other forms («ماى» before «مائة» for ماي).
    exact: FxHashSet<u64>,
    /// How many query words there are.
    word_count: usize,
    /// Can two adjacent words match (a word with a variant key or a multi-word alias)?
    pairs: bool,
    /// The phrases ([`Highlighter::with_phrases`]): a phrase's words are marked only where
    /// they stand in a row.
    phrases: Vec<Phrase>,
    /// Per query word, the field it is scoped to (`title:…`; [`Highlighter::with_fields`]):
    /// its matches elsewhere are not why the document matched.
    fields: Vec<Option<u8>>,
    /// Terms already looked up (words repeat, within a document and across the hits).
    decided: RefCell<FxHashMap<String, Option<(usize, bool)>>>,
    /// Tokens as written already analyzed by [`Highlighter::words_of_token`].
    token_words: RefCell<FxHashMap<String, u64>>,
}

/// Where the query's words occur in one document: per field id, `(position, word)` sorted.
#[derive(Debug, Default)]
pub struct Located {
    fields: FxHashMap<u8, Vec<(u32, usize)>>,
    /// Per field id, the positions (sorted) of the matches at the exact tier.
    strong: FxHashMap<u8, Vec<u32>>,
}

impl Located {
    /// How many distinct query words were found (what a snippet can show at most).
    pub fn word_count(&self) -> usize {
        let mut words: Vec<usize> = self.fields.values().flatten().map(|m| m.1).collect();
        words.sort_unstable();
        words.dedup();
        words.len()
    }

    /// Each field's `(position, word)`s.
    pub fn fields(&self) -> impl Iterator<Item = (u8, &[(u32, usize)])> + '_ {
        self.fields.iter().map(|(&f, v)| (f, v.as_slice()))
    }

    fn field(&self, field: Option<u8>) -> Option<&[(u32, usize)]> {
        let field = field?;
        Some(self.fields.get(&field).map_or(&[][..], Vec::as_slice))
    }

    /// The same without the matches of `words` (sorted).
    fn without_words(&self, words: &[usize]) -> Located {
        Located {
            fields: self
                .fields
                .iter()
                .map(|(&f, list)| {
                    let kept = list.iter().filter(|m| words.binary_search(&m.1).is_err());
                    (f, kept.copied().collect())
                })
                .collect(),
            strong: self.strong.clone(),
        }
    }

    /// A field's positions of matches at the exact tier (empty for a field it has none of).
    fn strong(&self, field: Option<u8>) -> &[u32] {
        field
            .and_then(|f| self.strong.get(&f))
            .map_or(&[][..], Vec::as_slice)
    }

    /// How many distinct query words have a match at the exact tier (what a snippet can
    /// show at most of them).
    fn strong_word_count(&self) -> usize {
        let mut words: Vec<usize> = self
            .fields
            .iter()
            .flat_map(|(f, list)| {
                let strong = self.strong.get(f).map_or(&[][..], Vec::as_slice);
                list.iter()
                    .filter(move |m| strong.binary_search(&m.0).is_ok())
                    .map(|m| m.1)
            })
            .collect();
        words.sort_unstable();
        words.dedup();
        words.len()
    }
}

/// The texts of one field, in order, and the field's id in the index (`None`: the index
/// has no such field, so tokens are looked up).
#[derive(Debug)]
pub struct FieldText<'t> {
    /// Field id.
    pub field: Option<u8>,
    /// Its texts (paragraphs), in order, as UTF-8 bytes: each is checked and read as text
    /// only if the snippet needs it.
    pub texts: Vec<&'t [u8]>,
    /// How many positions each text takes, when the index says (else empty: each text is
    /// analyzed to find out).
    pub used: Vec<u32>,
}

/// A token of a text: byte span, the query word it matches, and whether it matches it at
/// the exact tier.
type Marked = (usize, usize, Option<usize>, bool);

impl<'a> Highlighter<'a> {
    /// `expansions[w]` are the `(term ordinal, weight)`s query word `w` matched; `pairs`
    /// asks to also match adjacent tokens as one pair term (فيس بوك for فيسبوك).
    pub fn new<'e>(
        index: &'a Index,
        analyzer: &'a Analyzer,
        expansions: impl IntoIterator<Item = &'e [(u64, f32)]>,
        pairs: bool,
    ) -> Self {
        let mut words = FxHashMap::default();
        let mut exact = FxHashSet::default();
        let mut word_count = 0;
        for (w, expansion) in expansions.into_iter().enumerate() {
            for &(ordinal, weight) in expansion {
                if weight >= super::matcher::tier::EXACT {
                    exact.insert(ordinal);
                }
                let list: &mut Vec<usize> = words.entry(ordinal).or_default();
                if list.last() != Some(&w) {
                    list.push(w);
                }
            }
            word_count = w + 1;
        }
        Highlighter {
            index,
            analyzer,
            words,
            exact,
            word_count,
            pairs,
            phrases: Vec::new(),
            fields: Vec::new(),
            decided: RefCell::new(FxHashMap::default()),
            token_words: RefCell::new(FxHashMap::default()),
        }
    }

    /// Marks the words of each phrase only where the phrase occurs: a word of
    /// `"تنظيم داعش"` elsewhere in the text is not why the document matched.
    pub fn with_phrases(mut self, phrases: Vec<Phrase>) -> Self {
        self.phrases = phrases
            .into_iter()
            .filter(|p| p.two_words.len() > 1)
            .collect();
        self
    }

    /// Scopes query word `w` to field `fields[w]` when that is `Some` (`title:تيليجرام`,
    /// `subtitle:تويتر`): it is located, and so marked, only there; the snippet of
    /// `subtitle:` is the subtitle, not a paragraph that writes the word too.
    pub fn with_fields(mut self, fields: Vec<Option<u8>>) -> Self {
        self.fields = fields;
        self
    }

    /// Where the query's words occur in each of `docs`: each matched term's postings of
    /// those documents are looked up through its skip table; a phrase's words are kept only
    /// where the phrase occurs. With the positions of the matches at the exact tier, which
    /// snippets need ([`Highlighter::locate_exact`]).
    pub fn locate(&self, docs: &[u32]) -> Result<FxHashMap<u32, Located>> {
        let mut out = self.locate_words(docs)?;
        self.locate_exact(docs, &mut out)?;
        Ok(out)
    }

    /// [`Highlighter::locate`] without the positions of the exact matches (enough for the
    /// proximity of many candidates; the hits shown get them with
    /// [`Highlighter::locate_exact`]).
    pub fn locate_words(&self, docs: &[u32]) -> Result<FxHashMap<u32, Located>> {
        let mut out: FxHashMap<u32, Located> =
            docs.iter().map(|&d| (d, Located::default())).collect();
        let set = crate::index::DocSet::new(docs);
        for (&ordinal, words) in &self.words {
            self.index
                .for_each_position_in(ordinal, &set, |doc, field, p| {
                    let list = out.entry(doc).or_default().fields.entry(field).or_default();
                    list.extend(
                        words
                            .iter()
                            .filter(|&&w| {
                                self.fields
                                    .get(w)
                                    .is_none_or(|f| f.is_none_or(|f| f == field))
                            })
                            .map(|&w| (p, w)),
                    );
                })?;
        }
        for located in out.values_mut() {
            for list in located.fields.values_mut() {
                list.sort_unstable();
                if !self.phrases.is_empty() {
                    keep_phrase_occurrences(list, &self.phrases);
                }
            }
        }
        Ok(out)
    }

    /// Adds to `located` the positions, in `docs`, of the matches at the exact tier.
    pub fn locate_exact(&self, docs: &[u32], located: &mut FxHashMap<u32, Located>) -> Result<()> {
        let set = crate::index::DocSet::new(docs);
        for &ordinal in &self.exact {
            self.index
                .for_each_position_in(ordinal, &set, |doc, field, p| {
                    let strong = located.entry(doc).or_default().strong.entry(field);
                    strong.or_default().push(p);
                })?;
        }
        for &doc in docs {
            if let Some(found) = located.get_mut(&doc) {
                for list in found.strong.values_mut() {
                    list.sort_unstable();
                    list.dedup();
                }
            }
        }
        Ok(())
    }

    /// [`Highlighter::mark`] from located matches: only the tokens' spans and positions are
    /// needed, and a matched token's term only to tell a pair match from a single one.
    fn mark_located(
        &self,
        text: &str,
        base: u32,
        matches: &[(u32, usize)],
        strong: &[u32],
    ) -> (Vec<Marked>, u32) {
        let spans = self.analyzer.token_spans(text);
        let used = spans.last().map_or(0, |t| t.2 + 1);
        let mut out: Vec<Marked> = Vec::with_capacity(spans.len());
        let mut pair_halves: Vec<usize> = Vec::new();
        let mut i = 0; // matches are sorted: walk them along with the positions
        for (k, &(start, end, position)) in spans.iter().enumerate() {
            let p = base + position;
            while matches.get(i).is_some_and(|m| m.0 < p) {
                i += 1;
            }
            let m = matches.get(i).filter(|m| m.0 == p).map(|m| m.1);
            let exact = m.is_some() && strong.binary_search(&p).is_ok();
            if let (Some(w), true) = (m, self.pairs) {
                // A pair term is indexed at its first word: mark the second word too
                // unless the first matched on its own.
                let token = &text[start..end];
                let alone = if w < 64 {
                    self.words_of_token(token) & (1 << w) != 0
                } else {
                    let terms = self.analyzer.analyze(token);
                    terms
                        .iter()
                        .any(|t| self.words_of_term(&t.term).contains(&w))
                };
                // (When it did, the pair may have matched too: فيس is Facebook on its own,
                // and so is فيس بوك.)
                let next = spans.get(k + 1).map_or("", |n| &text[n.0..n.1]);
                if !alone || self.pair_matches(token, next, w) {
                    pair_halves.push(out.len() + 1);
                }
            }
            // A ligature that expands to several tokens shares one span: keep one entry.
            match out.last_mut() {
                Some(last) if last.0 == start => {
                    last.2 = last.2.or(m);
                    last.3 |= exact;
                }
                _ => out.push((start, end, m, exact)),
            }
        }
        for i in pair_halves {
            if let (Some(w), exact, Some(next)) = (out[i - 1].2, out[i - 1].3, out.get_mut(i)) {
                if next.2.is_none() {
                    (next.2, next.3) = (Some(w), exact);
                }
            }
        }
        (out, used)
    }

    /// The query words (bit w for word w < 64) that the terms of a token as written match
    /// on their own (decided once per distinct token).
    fn words_of_token(&self, token: &str) -> u64 {
        if let Some(&bits) = self.token_words.borrow().get(token) {
            return bits;
        }
        // Every word a term matched, not only the first: the match located here may be
        // another's (the first's dropped where its phrase does not occur), and it is on its
        // own all the same (داعش for "Islamic State", not داعش and the word after it).
        let bits = self
            .analyzer
            .analyze(token)
            .iter()
            .flat_map(|t| self.words_of_term(&t.term))
            .filter(|&&w| w < 64)
            .fold(0u64, |bits, &w| bits | 1 << w);
        self.token_words.borrow_mut().insert(token.to_owned(), bits);
        bits
    }

    /// The query words an indexed term matched (none for a term the query did not meet).
    fn words_of_term(&self, term: &str) -> &[usize] {
        self.index
            .term_ordinal(term)
            .and_then(|o| self.words.get(&o))
            .map_or(&[], Vec::as_slice)
    }

    /// Did query word `w` match the pair term of `token` and the `next` token (فيس and بوك
    /// of «فيس بوك», indexed as one term at the first)?
    fn pair_matches(&self, token: &str, next: &str, w: usize) -> bool {
        let (first, second) = (self.analyzer.analyze(token), self.analyzer.analyze(next));
        first.iter().any(|a| {
            second.iter().any(|b| {
                self.words_of_term(&pair_term(&a.term, &b.term))
                    .contains(&w)
            })
        })
    }

    /// The query word an indexed term matched, and whether at the exact tier.
    fn word_and_tier_of(&self, term: &str) -> Option<(usize, bool)> {
        let mut decided = self.decided.borrow_mut();
        if let Some(&m) = decided.get(term) {
            return m;
        }
        let m = self.index.term_ordinal(term).and_then(|o| {
            let w = self.words.get(&o)?.first().copied()?;
            Some((w, self.exact.contains(&o)))
        });
        decided.insert(term.to_owned(), m);
        m
    }

    /// The tokens of `text` and the query word each matches, from the field's located
    /// matches (`matches`, positions counted from `base`) or, without them, by looking each
    /// term up. Also returns how many positions the text used. Two adjacent words that
    /// write one query word (فيس بوك for فيسبوك) both match it.
    fn mark(
        &self,
        text: &str,
        base: u32,
        matches: Option<&[(u32, usize)]>,
        strong: &[u32],
    ) -> (Vec<Marked>, u32) {
        match matches {
            Some(matches) => self.mark_located(text, base, matches, strong),
            None => self.mark_by_lookup(text),
        }
    }

    /// [`Highlighter::mark`] without located matches: each distinct term is looked up.
    fn mark_by_lookup(&self, text: &str) -> (Vec<Marked>, u32) {
        let mut out: Vec<Marked> = Vec::new();
        let mut terms: Vec<String> = Vec::new();
        let tokens = self.analyzer.analyze(text);
        let used = tokens.last().map_or(0, |t| t.position + 1);
        for token in tokens {
            let found = self.word_and_tier_of(&token.term);
            let (m, exact) = (found.map(|f| f.0), found.is_some_and(|f| f.1));
            // A ligature that expands to several tokens shares one span: keep one entry.
            match out.last_mut() {
                Some(last) if last.0 == token.start => {
                    last.2 = last.2.or(m);
                    last.3 |= exact;
                }
                _ => {
                    out.push((token.start, token.end, m, exact));
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
                    if let Some((w, exact)) =
                        self.word_and_tier_of(&pair_term(&terms[i - 1], &terms[i]))
                    {
                        (out[i - 1].2, out[i - 1].3) = (Some(w), exact);
                        (out[i].2, out[i].3) = (Some(w), exact);
                    }
                }
            }
        }
        (out, used)
    }
}

/// A phrase of the query, for [`Highlighter::with_phrases`].
#[derive(Debug, Clone)]
pub struct Phrase {
    /// Its first word's number among the query's words (the order of the expansions given
    /// to [`Highlighter::new`]).
    pub first: usize,
    /// Per word: may the text write it as two words (فيس بوك for فيسبوك)? Then the phrase
    /// may go on one position further.
    pub two_words: Vec<bool>,
}

/// Drops from a field's sorted `(position, word)`s the words of `phrases` that are not
/// part of an occurrence of their phrase. Linear in the matches: a forward pass keeps the
/// positions each word can be reached at from the phrase's start, a backward pass those
/// from which the phrase can still end.
fn keep_phrase_occurrences(list: &mut Vec<(u32, usize)>, phrases: &[Phrase]) {
    let mut keep: Vec<(u32, usize)> = Vec::new();
    for phrase in phrases {
        let k = phrase.two_words.len();
        let at = |i: usize| -> Vec<u32> {
            list.iter()
                .filter(|m| m.1 == phrase.first + i)
                .map(|m| m.0)
                .collect()
        };
        // The steps from word i to word i + 1: 1, or 2 after a name written as two words.
        let steps = |i: usize| {
            if phrase.two_words[i] {
                &[1u32, 2][..]
            } else {
                &[1][..]
            }
        };
        let mut reached: Vec<Vec<u32>> = vec![at(0)];
        for i in 1..k {
            let before = &reached[i - 1];
            let here: Vec<u32> = at(i)
                .into_iter()
                .filter(|&q| {
                    steps(i - 1).iter().any(|&d| {
                        q.checked_sub(d)
                            .is_some_and(|p| before.binary_search(&p).is_ok())
                    })
                })
                .collect();
            reached.push(here);
        }
        for i in (0..k.saturating_sub(1)).rev() {
            let (now, after) = reached.split_at_mut(i + 1);
            let next = &after[0];
            now[i].retain(|&p| {
                steps(i).iter().any(|&d| {
                    p.checked_add(d)
                        .is_some_and(|q| next.binary_search(&q).is_ok())
                })
            });
        }
        for (i, positions) in reached.iter().enumerate() {
            keep.extend(positions.iter().map(|&p| (p, phrase.first + i)));
        }
    }
    keep.sort_unstable();
    let in_a_phrase = |w: usize| {
        phrases
            .iter()
            .any(|ph| (ph.first..ph.first + ph.two_words.len()).contains(&w))
    };
    list.retain(|m| !in_a_phrase(m.1) || keep.binary_search(m).is_ok());
}

/// At least the score `(distinct words, distinct words at the exact tier, marked words)` of
/// any window of a text whose located matches are `matches` (`(position, word)`s), those at
/// `strong` positions at the exact tier: all its distinct words, all its words with an exact
/// match, and all its matches, twice when the second word of a pair term is marked too.
fn text_bound(matches: &[(u32, usize)], strong: &[u32], pairs: bool) -> Score {
    // (word, matched at the exact tier), walking the two sorted position lists together.
    let mut words: Vec<(usize, bool)> = Vec::with_capacity(matches.len());
    let mut j = 0;
    for m in matches {
        while strong.get(j).is_some_and(|&p| p < m.0) {
            j += 1;
        }
        words.push((m.1, strong.get(j) == Some(&m.0)));
    }
    words.sort_unstable();
    words.dedup();
    let mut distinct = 0;
    let mut exact = 0;
    for (i, &(word, is_exact)) in words.iter().enumerate() {
        // Sorted by word, then false before true: the last entry of a word says if any is.
        if words.get(i + 1).is_none_or(|next| next.0 != word) {
            distinct += 1;
            exact += usize::from(is_exact);
        }
    }
    (distinct, exact, matches.len() * if pairs { 2 } else { 1 })
}

/// How a window ranks: (distinct matched words, distinct words matched at the exact tier,
/// matches).
type Score = (usize, usize, usize);

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

/// Highlights every matched word of a whole text (a title) of field `field`.
pub fn highlight(
    marker: &Highlighter<'_>,
    located: &Located,
    field: Option<u8>,
    text: &str,
) -> Vec<[u32; 2]> {
    let matches = located.field(field);
    if matches.is_some_and(<[_]>::is_empty) {
        return Vec::new();
    }
    let (tokens, _) = marker.mark(text, 0, matches, located.strong(field));
    to_utf16(
        text,
        tokens.iter().filter(|t| t.2.is_some()).map(|t| (t.0, t.1)),
        0,
    )
}

/// The best passage of the fields' texts: the window of [`SNIPPET_WORDS`] words with the
/// most distinct matched query words (then the most matches, then one in a passage rather
/// than a heading, then the words closest together, then the earliest), cut at word boundaries; but where windows have all
/// `present` query words the document has, the best of those by [`Window::passage_key`]:
/// in a passage rather than a heading, then the words closest together, then the earliest.
/// With no match at all (a word scoped to the title), the opening of the first passage (of
/// the first text, if none is a passage). A text that is not UTF-8 (a damaged
/// index) is an error.
///
/// When every text's positions are known without analyzing it (the index stores them), a
/// text is analyzed only if its matches could give a better window than the best so far:
/// first, in order, the texts that have every present word, then the others, those whose
/// matches could give the most first ([`planned_best_window`]). Otherwise the texts are
/// analyzed in order up to a field's last match ([`best_window_in_order`]). Both give the
/// same passage.
pub fn best_snippet(
    marker: &Highlighter<'_>,
    located: &Located,
    fields: &[FieldText<'_>],
    present: usize,
) -> Result<Snippet> {
    let target = present.min(marker.word_count);
    // At most this many words can show an exact match: a window that does is unbeatable.
    let exact = located.strong_word_count().min(target);
    let planned = plan(located, fields, marker.pairs);
    let best = match &planned {
        Some(texts) => planned_best_window(marker, texts, target, exact, &[])?,
        None => best_window_in_order(marker, located, fields, target, exact, &[])?,
    };
    let Some(first) = best else {
        return Ok(Snippet::default());
    };
    match second_passage(marker, located, fields, planned, &first, target)? {
        Some(second) => {
            let order = |w: &Window<'_>| (text_index(w, fields).map_or(0, |(i, _)| i), w.start);
            let (a, b) = match order(&second) < order(&first) {
                true => (second, first),
                false => (first, second),
            };
            joined(&a, &b)
        }
        None => snippet_of(first.text, &first.tokens, first.start, first.end),
    }
}

/// The words a snippet of two passages shows in each at most (more when a passage's matches
/// are further apart).
pub const PASSAGE_WORDS: usize = 16;

/// When the best window shows fewer of the document's query words than it has (they are
/// in other paragraphs, or too far apart), the best window of the others, its tokens marked
/// for every word; `None` when the window shows them all or no other passage adds one.
fn second_passage<'t>(
    marker: &Highlighter<'_>,
    located: &'t Located,
    fields: &[FieldText<'t>],
    planned: Option<Vec<Planned<'t>>>,
    first: &Window<'t>,
    target: usize,
) -> Result<Option<Window<'t>>> {
    let mut shown: Vec<usize> = first.tokens[first.start..first.end]
        .iter()
        .filter_map(|t| t.2)
        .collect();
    shown.sort_unstable();
    shown.dedup();
    if shown.len() >= target {
        return Ok(None);
    }
    // The best window by the other words (found as the first is, whether the paragraphs'
    // positions are known or each is analyzed), every match marked: the texts' bounds are
    // those of the other words' matches.
    let rest = located.without_words(&shown);
    let missing = target - shown.len();
    let exact = rest.strong_word_count().min(missing);
    let second = match (planned, plan(&rest, fields, marker.pairs)) {
        (Some(mut texts), Some(bounds)) => {
            for (t, b) in texts.iter_mut().zip(&bounds) {
                t.bound = b.bound;
            }
            planned_best_window(marker, &texts, missing, exact, &shown)?
        }
        _ => best_window_in_order(marker, located, fields, missing, exact, &shown)?,
    };
    let Some(second) = second.filter(|w| w.score.0 > 0) else {
        return Ok(None);
    };
    // Not a window beside the first in the same text: that one was the best of its width.
    let same_text = std::ptr::eq(first.text.as_ptr(), second.text.as_ptr());
    if same_text && second.start < first.end + 4 && first.start < second.end + 4 {
        return Ok(None);
    }
    Ok(Some(second))
}

/// Where a window's text is among the fields' texts: its index (in field order) and its
/// field.
fn text_index(window: &Window<'_>, fields: &[FieldText<'_>]) -> Option<(usize, Option<u8>)> {
    fields
        .iter()
        .flat_map(|f| f.texts.iter().map(move |t| (t, f.field)))
        .enumerate()
        .find(|(_, (t, _))| std::ptr::eq(t.as_ptr(), window.text.as_ptr()))
        .map(|(i, (_, field))| (i, field))
}

/// Two windows as one snippet, in document order: each cut to about [`PASSAGE_WORDS`]
/// around its matches, joined with an ellipsis.
fn joined(a: &Window<'_>, b: &Window<'_>) -> Result<Snippet> {
    let cut = |w: &Window<'_>| -> Result<Snippet> {
        let matched: Vec<usize> = (w.start..w.end)
            .filter(|&i| w.tokens[i].2.is_some())
            .collect();
        let (first, last) = (
            matched.first().copied().unwrap_or(w.start),
            matched.last().copied().unwrap_or(w.start),
        );
        let start = first.saturating_sub(2).max(w.start);
        let end = (start + PASSAGE_WORDS).min(w.end).max(last + 1);
        snippet_of(w.text, &w.tokens, start, end)
    };
    let (mut one, mut two) = (cut(a)?, cut(b)?);
    // One ellipsis between them: «…على… الإلكترونية ضد…», not «على… …الإلكترونية».
    if one.text.ends_with(ELLIPSIS) {
        if let Some(rest) = two.text.strip_prefix(ELLIPSIS) {
            let shift = utf16_len(ELLIPSIS);
            two.text = rest.to_owned();
            two.highlights
                .iter_mut()
                .for_each(|h| *h = [h[0] - shift, h[1] - shift]);
        }
    }
    one.text.push_str(
        match (one.text.ends_with(ELLIPSIS), two.text.starts_with(ELLIPSIS)) {
            (false, false) => " … ",
            _ => " ",
        },
    );
    let base = utf16_len(&one.text);
    one.text.push_str(&two.text);
    one.highlights
        .extend(two.highlights.iter().map(|[s, e]| [s + base, e + base]));
    Ok(one)
}

/// The best window found in one text.
#[derive(Debug)]
struct Window<'t> {
    text: &'t str,
    tokens: Vec<Marked>,
    start: usize,
    end: usize,
    score: Score,
    /// Tokens from the first to the last of the fewest in a row that hold each distinct
    /// word of the window once.
    span: usize,
    /// Positions its text takes (a heading or a caption takes few).
    used: u32,
}

impl Window<'_> {
    /// How a window with every present word ranks against another such: one in a passage
    /// (a text of at least [`MIN_PASSAGE_POSITIONS`]) before one in a heading or a
    /// caption, then the one with more words matched at the exact tier (the word as typed
    /// before its other forms), then the one with its words closest together; ties to the
    /// earlier.
    fn passage_key(&self) -> (bool, usize, std::cmp::Reverse<usize>) {
        (
            self.in_passage(),
            self.score.1,
            std::cmp::Reverse(self.span),
        )
    }

    /// Is its text a passage, not a heading or a caption?
    fn in_passage(&self) -> bool {
        self.used >= MIN_PASSAGE_POSITIONS
    }

    /// Can no window with every one of `target` words, at most `exact` of them at the exact
    /// tier, rank above this one?
    fn unbeatable(&self, target: usize, exact: usize) -> bool {
        self.passage_key() >= (true, exact, std::cmp::Reverse(target.saturating_sub(1)))
    }
}

/// A text of fewer positions is a heading or a caption: a snippet shows one only if no
/// passage has the words (`1- فيس بوك داعش` is the subheading, not the paragraph below it).
pub const MIN_PASSAGE_POSITIONS: u32 = 12;

/// Keeps in `best` the better of it and `w` (a window with every present word), by
/// [`Window::passage_key`]; `w` comes later in the texts.
fn keep_better<'t>(best: &mut Option<Window<'t>>, w: Window<'t>) {
    if best
        .as_ref()
        .is_none_or(|b| w.passage_key() > b.passage_key())
    {
        *best = Some(w);
    }
}

/// A text of [`plan`]: where it is among the fields' texts, its bytes, the positions its
/// words start from, its located matches and the best score they allow.
#[derive(Debug)]
struct Planned<'t> {
    text: &'t [u8],
    base: u32,
    matches: &'t [(u32, usize)],
    strong: &'t [u32],
    bound: Score,
}

/// The fields' texts with the positions each starts from and its matches, when all are
/// known without analyzing any (every field has located matches and, but for its last
/// text, the positions each text takes); else `None`.
fn plan<'t>(
    located: &'t Located,
    fields: &[FieldText<'t>],
    pairs: bool,
) -> Option<Vec<Planned<'t>>> {
    let mut out = Vec::new();
    for field in fields {
        let matches = located.field(field.field)?;
        let mut base = 0u32;
        for (i, &text) in field.texts.iter().enumerate() {
            let end = match field.used.get(i) {
                Some(&used) => base.saturating_add(used),
                None if i + 1 == field.texts.len() => u32::MAX,
                None => return None,
            };
            let from = matches.partition_point(|m| m.0 < base);
            let to = matches.partition_point(|m| m.0 < end);
            let mine = &matches[from..to];
            let strong = located.strong(field.field);
            let strong = &strong
                [strong.partition_point(|&p| p < base)..strong.partition_point(|&p| p < end)];
            out.push(Planned {
                text,
                base,
                matches: mine,
                strong,
                bound: text_bound(mine, strong, pairs),
            });
            base = end.saturating_add(crate::index::PARAGRAPH_GAP);
        }
    }
    Some(out)
}

/// [`best_snippet`]'s window when every text is planned: the best window with all `target`
/// words (only texts whose matches have them all are analyzed for it, in order, until one
/// cannot be beaten), else the
/// best window of any, the texts taken by how good a window their matches allow, and
/// analyzed only while they could still beat (or, earlier, tie) the best so far.
fn planned_best_window<'t>(
    marker: &Highlighter<'_>,
    texts: &[Planned<'t>],
    target: usize,
    exact: usize,
    skip: &[usize],
) -> Result<Option<Window<'t>>> {
    let mut analyzed: Vec<Option<Option<Window<'t>>>> = (0..texts.len()).map(|_| None).collect();
    let mut complete: Option<Window<'t>> = None;
    for (i, t) in texts.iter().enumerate() {
        if t.bound.0 < target {
            continue;
        }
        let window = analyze_text(marker, t.text, t.base, Some(t.matches), t.strong, skip)?;
        match window {
            Some(w) if w.score.0 >= target => {
                let done = w.unbeatable(target, exact);
                keep_better(&mut complete, w);
                if done {
                    break;
                }
            }
            other => analyzed[i] = Some(other),
        }
    }
    if complete.is_some() {
        return Ok(complete);
    }
    let mut order: Vec<usize> = (0..texts.len()).collect();
    order.sort_by(|&a, &b| texts[b].bound.cmp(&texts[a].bound).then(a.cmp(&b)));
    // (text, score, in a passage) of the best so far: a higher score wins, then a passage
    // over a heading, then the earlier text.
    let mut best: Option<(usize, Score, bool)> = None;
    for i in order {
        if let Some((j, score, passage)) = best {
            if texts[i].bound < score || (texts[i].bound == score && i > j && passage) {
                break; // neither this text nor any after it can win
            }
        }
        if analyzed[i].is_none() {
            analyzed[i] = Some(analyze_text(
                marker,
                texts[i].text,
                texts[i].base,
                Some(texts[i].matches),
                texts[i].strong,
                skip,
            )?);
        }
        if let Some(Some(w)) = &analyzed[i] {
            let key = (w.score, w.in_passage());
            if best.is_none_or(|(j, score, passage)| {
                key > (score, passage) || (key == (score, passage) && i < j)
            }) {
                best = Some((i, w.score, w.in_passage()));
            }
        }
    }
    Ok(best.and_then(|(i, _, _)| analyzed[i].take().flatten()))
}

/// [`best_snippet`]'s window when some text's positions are not known before analyzing it:
/// the texts in order, each field up to its last match.
fn best_window_in_order<'t>(
    marker: &Highlighter<'_>,
    located: &Located,
    fields: &[FieldText<'t>],
    target: usize,
    exact: usize,
    skip: &[usize],
) -> Result<Option<Window<'t>>> {
    let mut best: Option<Window<'t>> = None;
    let mut complete: Option<Window<'t>> = None;
    'fields: for field in fields {
        let matches = located.field(field.field);
        let last = matches.and_then(|m| m.last()).map(|m| m.0);
        let mut base = 0u32;
        for (i, &text) in field.texts.iter().enumerate() {
            // (A later text can still win without a match: a passage over a heading.)
            let settled = complete.is_some()
                || best
                    .as_ref()
                    .is_some_and(|b| b.score.0 > 0 || b.in_passage());
            if settled && matches.is_some() && last.is_none_or(|l| base > l) {
                continue 'fields; // no match further in this field
            }
            let known = field.used.get(i).copied();
            let (window, used) = analyze_text_used(
                marker,
                text,
                base,
                matches,
                located.strong(field.field),
                skip,
            )?;
            base = base
                .saturating_add(known.unwrap_or(used))
                .saturating_add(crate::index::PARAGRAPH_GAP);
            match window {
                // A window with every query word the document has cannot be beaten on
                // distinct words: the best of them by passage wins, and once one cannot
                // be beaten, the later texts need no analysis.
                Some(w) if w.score.0 >= target => {
                    let done = w.unbeatable(target, exact);
                    keep_better(&mut complete, w);
                    if done {
                        break 'fields;
                    }
                }
                Some(w)
                    if best
                        .as_ref()
                        .is_none_or(|b| (w.score, w.in_passage()) > (b.score, b.in_passage())) =>
                {
                    best = Some(w);
                }
                _ => {}
            }
        }
    }
    Ok(complete.or(best))
}

/// The best window of one text (`None` if it has no word).
fn analyze_text<'t>(
    marker: &Highlighter<'_>,
    text: &'t [u8],
    base: u32,
    matches: Option<&[(u32, usize)]>,
    strong: &[u32],
    skip: &[usize],
) -> Result<Option<Window<'t>>> {
    Ok(analyze_text_used(marker, text, base, matches, strong, skip)?.0)
}

/// The query word a token matches, unless it is one of `skip` (sorted): the words a
/// window's score leaves out (those a snippet's first passage shows already). Every match
/// is marked all the same.
fn counted(token: &Marked, skip: &[usize]) -> Option<usize> {
    token.2.filter(|w| skip.binary_search(w).is_err())
}

/// [`analyze_text`], and how many positions the text used. Windows are scored by (distinct
/// words, matches); the earliest best one is kept, and a window that starts on a word that
/// does not match (but the first and the last) is not scored: the one a word to the right
/// is as good. (The last window must be: a match in a text's last words is in no window
/// that starts on a match.)
fn analyze_text_used<'t>(
    marker: &Highlighter<'_>,
    text: &'t [u8],
    base: u32,
    matches: Option<&[(u32, usize)]>,
    strong: &[u32],
    skip: &[usize],
) -> Result<(Option<Window<'t>>, u32)> {
    let text = std::str::from_utf8(text).map_err(|_| Error::Corrupt {
        what: "a stored paragraph is not UTF-8".into(),
    })?;
    let (tokens, used) = marker.mark(text, base, matches, strong);
    let n = tokens.len();
    if n == 0 {
        return Ok((None, used));
    }
    let width = SNIPPET_WORDS.min(n);
    let mut best: Option<(usize, Score, usize)> = None;
    let mut distinct: Vec<usize> = Vec::with_capacity(width);
    let mut exact: Vec<usize> = Vec::with_capacity(width);
    for start in 0..=(n - width) {
        let window = &tokens[start..start + width];
        if counted(&window[0], skip).is_none() && start > 0 && start < n - width {
            continue;
        }
        distinct.clear();
        distinct.extend(window.iter().filter_map(|t| counted(t, skip)));
        let count = distinct.len();
        distinct.sort_unstable();
        distinct.dedup();
        if best.is_some_and(|b| distinct.len() < b.1 .0) {
            continue; // fewer words than the best: its exact matches do not matter
        }
        exact.clear();
        exact.extend(
            window
                .iter()
                .filter(|t| t.3)
                .filter_map(|t| counted(t, skip)),
        );
        if exact.len() > 1 {
            exact.sort_unstable();
            exact.dedup();
        }
        let score = (distinct.len(), exact.len(), count);
        if best.is_none_or(|b| score >= b.1) {
            let span = cover_span(window, distinct.len(), skip);
            if best.is_none_or(|b| score > b.1 || span < b.2) {
                best = Some((start, score, span));
            }
        }
    }
    let window = best.map(|(start, score, span)| Window {
        text,
        tokens,
        start,
        end: start + width,
        score,
        span,
        used,
    });
    Ok((window, used))
}

/// The fewest tokens in a row of `window`, from a match to a match, that hold each of its
/// `distinct` matched words, less one (0 for one word; 1 for two side by side).
fn cover_span(window: &[Marked], distinct: usize, skip: &[usize]) -> usize {
    let matched: Vec<(usize, usize)> = window
        .iter()
        .enumerate()
        .filter_map(|(i, t)| counted(t, skip).map(|w| (i, w)))
        .collect();
    let mut best = usize::MAX;
    let mut seen: Vec<(usize, usize)> = Vec::new(); // (word, times in the run)
    let mut from = 0;
    for to in 0..matched.len() {
        match seen.iter_mut().find(|s| s.0 == matched[to].1) {
            Some(s) => s.1 += 1,
            None => seen.push((matched[to].1, 1)),
        }
        while seen.iter().filter(|s| s.1 > 0).count() == distinct {
            best = best.min(matched[to].0 - matched[from].0);
            let word = matched[from].1;
            if let Some(s) = seen.iter_mut().find(|s| s.0 == word) {
                s.1 -= 1;
            }
            from += 1;
        }
    }
    if best == usize::MAX {
        0
    } else {
        best
    }
}

/// The snippet of a window: cut at word boundaries, with a little context before the first
/// match, ellipses where the text is cut, and the matches marked.
fn snippet_of(text: &str, tokens: &[Marked], mut start: usize, mut end: usize) -> Result<Snippet> {
    // Give the first match a little context before it, taken from the window's end but
    // never from its matches (the window was chosen for them).
    let lead = 4.min(start);
    if tokens[start].2.is_some() && lead > 0 {
        let last_match = (start..end).rev().find(|&i| tokens[i].2.is_some());
        start -= lead;
        end = (end - lead).max(last_match.map_or(0, |i| i + 1));
    }
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
    Ok(Snippet {
        text: snippet,
        highlights,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Index, IndexBuilder, SearchOptions, Searcher};

    /// The first hit for `query` in an index of one document with these paragraphs.
    fn first_hit(title: &str, body: &[&str], query: &str) -> crate::search::Hit {
        let body = body.iter().map(|p| p.to_string()).collect();
        let bytes = crate::index::one_document_index(title, body);
        let searcher = Searcher::new(Index::from_bytes(bytes).unwrap());
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
    fn the_context_before_the_first_match_does_not_push_out_the_last() {
        // Seen in the seeds: «الخلافة الافتراضية» showed «الخلافة» and cut off the other
        // word, the last of the window, to make room for four words before the first.
        let filler = |n: usize| "كلمة ".repeat(n);
        let para = format!(
            "{}داعش {}تيليجرام {}",
            filler(10),
            filler(SNIPPET_WORDS - 2),
            filler(10)
        );
        let hit = first_hit("عنوان", &[&para], "داعش تيليجرام");
        let s = &hit.snippet;
        assert_eq!(
            marked(&s.text, &s.highlights),
            ["داعش", "تيليجرام"],
            "{}",
            s.text
        );
        assert!(s.text.starts_with(&format!("{ELLIPSIS}كلمة")), "{}", s.text);
    }

    #[test]
    fn the_passage_with_the_words_closest_together_is_shown() {
        // Seen in the seeds: «الحسابات المرتبطة بداعش» showed an earlier paragraph with the
        // words apart, not the one that has them side by side.
        let filler = |n: usize| "كلمة ".repeat(n);
        let apart = format!("داعش {}تيليجرام {}", filler(10), filler(10));
        let together = format!("{}داعش على تيليجرام {}", filler(8), filler(10));
        let hit = first_hit("عنوان", &[&apart, &together], "داعش تيليجرام");
        let s = &hit.snippet;
        assert_eq!(marked(&s.text, &s.highlights), ["داعش", "تيليجرام"]);
        assert!(s.text.contains("داعش على تيليجرام"), "{}", s.text);
    }

    #[test]
    fn a_heading_is_shown_only_when_no_passage_has_the_words() {
        // Seen in the seeds: «يوتيوب» showed the subheading `5- "يوتيوب" و"داعش"..`.
        let filler = |n: usize| "كلمة ".repeat(n);
        let passage = format!("{}موقع يوتيوب {}", filler(8), filler(8));
        let hit = first_hit("عنوان", &["5- يوتيوب وداعش", &passage], "يوتيوب");
        assert!(
            hit.snippet.text.contains("موقع يوتيوب"),
            "{}",
            hit.snippet.text
        );
        let hit = first_hit("عنوان", &["5- يوتيوب وداعش", &filler(20)], "يوتيوب");
        assert!(
            hit.snippet.text.starts_with("5- يوتيوب"),
            "{}",
            hit.snippet.text
        );
        // Also when no window has every word (seen with `تام تام OR واتساب`).
        let other = format!("{}تيليجرام {}", filler(8), filler(8));
        let texts = ["5- يوتيوب وداعش", passage.as_str(), other.as_str()];
        let hit = first_hit("عنوان", &texts, "يوتيوب تيليجرام");
        assert!(
            hit.snippet.text.contains("موقع يوتيوب"),
            "{}",
            hit.snippet.text
        );
    }

    #[test]
    fn a_match_in_the_last_words_of_a_long_paragraph_is_shown() {
        // Seen in the seeds: «iMessage» three words from the end of a 93-word paragraph,
        // no snippet window starting on it, was never highlighted.
        let filler = "كلمة ".repeat(40);
        for tail in ["تطبيق iMessage وغيره", "تطبيق iMessage"] {
            let para = format!("{filler}{tail}");
            let hit = first_hit("عنوان", &[&para], "imessage");
            let s = &hit.snippet;
            assert_eq!(marked(&s.text, &s.highlights), ["iMessage"], "{}", s.text);
            assert!(s.text.starts_with(ELLIPSIS) && !s.text.ends_with(ELLIPSIS));
        }
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
    fn a_text_of_a_field_the_index_lacks_is_marked_by_looking_its_words_up() {
        let fields = crate::index::default_fields()
            .into_iter()
            .filter(|f| f.name != "subtitle")
            .collect();
        let mut builder = IndexBuilder::with_fields(fields);
        builder
            .add(Document {
                id: "d".into(),
                title: "تيليجرام".into(),
                subtitle: Some("حذف قنوات تيليجرام".into()),
                body: vec!["نص بلا كلمة البحث".into()],
                ..Document::default()
            })
            .unwrap();
        let searcher = Searcher::new(Index::from_bytes(builder.finish()).unwrap());
        let results = searcher
            .search("تيليجرام", &SearchOptions::default())
            .unwrap();
        let s = &results.hits[0].snippet;
        assert_eq!(s.text, "حذف قنوات تيليجرام");
        assert_eq!(marked(&s.text, &s.highlights), ["تيليجرام"]);
    }

    #[test]
    fn marks_a_typo_match_and_the_word_being_typed() {
        let hit = first_hit("عنوان", &["قال المتحدث إن التنظيم انتقل"], "المتحدت التنظ");
        let s = &hit.snippet;
        assert_eq!(marked(&s.text, &s.highlights), ["المتحدث", "التنظيم"]);
    }

    #[test]
    fn a_phrase_is_marked_where_it_occurs_not_its_words_elsewhere() {
        // Seen at 15,000 articles: for "تنظيم داعش" the snippet marked a scattered
        // «لتنظيم» and «داعش» while the phrase stood in the next sentence.
        let hit = first_hit(
            "تنظيم جديد يواجه داعش",
            &["دعا التنظيم إلى الحوار وقالت داعش شيئا ثم تحدث تنظيم داعش عن فيس بوك"],
            "\"تنظيم داعش\" فيسبوك",
        );
        let s = &hit.snippet;
        assert_eq!(
            marked(&s.text, &s.highlights),
            ["تنظيم", "داعش", "فيس", "بوك"],
            "{}",
            s.text
        );
        assert!(
            hit.title_highlights.is_empty(),
            "{:?}",
            hit.title_highlights
        );
        // A name written as two words inside the phrase: the whole occurrence is marked.
        let hit = first_hit(
            "عنوان",
            &["فيس وحده ثم حسابات فيس بوك وتويتر"],
            "\"فيسبوك وتويتر\"",
        );
        let s = &hit.snippet;
        assert_eq!(
            marked(&s.text, &s.highlights),
            ["فيس", "بوك", "وتويتر"],
            "{}",
            s.text
        );
    }
}
