//! Typo tolerance: terms of the dictionary within a small edit distance of a query word.
//!
//! The allowed distance grows with the word's length after the article ([`max_distance`]):
//! none up to 3 letters, 1 up to 7, 2 beyond (transpositions count as one edit); no edit
//! adds or removes the article. The automata come from the `levenshtein_automata` crate (as in tantivy), run over the `fst` term dictionary
//! through [`fst::Automaton`]: fst's own Levenshtein automaton matches nothing on Arabic keys
//! (BurntSushi/fst#160), this one works on any UTF-8.

use fst::{IntoStreamer, Streamer};
use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};
use std::sync::OnceLock;

/// The most terms one word may expand to by typo tolerance.
pub const MAX_FUZZY_EXPANSIONS: usize = 32;

/// Words longer than this get no typo tolerance: no word is, and the automaton of a pasted
/// 10,000-letter "word" took 0.4 s and 300 MB (memory a wasm module never gives back).
pub const MAX_FUZZY_CHARS: usize = 40;

/// The word being typed is matched with a typo as the beginning of a term from this many
/// letters after the article; shorter, only as a whole word (see [`similar_terms`]).
pub const PREFIX_TYPO_CHARS: usize = 5;

/// Does a normalized word begin with the article (ال, وال, بال, لل…; not وكالة, whose
/// first letters are its own)?
fn has_article(word: &str) -> bool {
    crate::text::stem::article_len(word) > 0
}

/// Is a term of three letters or fewer after the article? As a typo's word it is as short
/// as a word that takes none: «الجهاد» (jihad) is not «الجهد» (effort) mistyped, nor «كتاب»
/// (a book) «كتب».
fn is_short(term: &str) -> bool {
    term[crate::text::stem::article_len(term)..].chars().count() <= 3
}

/// The edit distance allowed for a word of `letters` characters.
pub fn max_distance(letters: usize) -> u8 {
    match letters {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// A Levenshtein DFA as an [`fst::Automaton`].
struct Automaton<'a>(&'a DFA);

impl fst::Automaton for Automaton<'_> {
    type State = u32;
    fn start(&self) -> u32 {
        self.0.initial_state()
    }
    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), Distance::Exact(_))
    }
    fn can_match(&self, state: &u32) -> bool {
        *state != SINK_STATE
    }
    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}

fn builder(distance: u8) -> &'static LevenshteinAutomatonBuilder {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    if distance <= 1 {
        ONE.get_or_init(|| LevenshteinAutomatonBuilder::new(1, true))
    } else {
        TWO.get_or_init(|| LevenshteinAutomatonBuilder::new(2, true))
    }
}

/// For a word of three letters after the article, which gets no typo tolerance: the terms
/// one edit from it as whole words (with the article as the word has it or not), for a
/// "did you mean" only, when the word finds nothing (دعش → داعش). At most
/// [`MAX_FUZZY_EXPANSIONS`] of them, in dictionary order.
pub fn near_short_word(terms: &fst::Map<Vec<u8>>, word: &str) -> Vec<(String, u64)> {
    if word[crate::text::stem::article_len(word)..].chars().count() != 3 {
        return Vec::new();
    }
    let article = has_article(word);
    let dfa = builder(1).build_dfa(word);
    let mut stream = terms.search(Automaton(&dfa)).into_stream();
    let mut out = Vec::new();
    while let Some((key, ordinal)) = stream.next() {
        match std::str::from_utf8(key) {
            Ok(term)
                if term != word && has_article(term) == article && likely_meant(word, term) =>
            {
                out.push((term.to_owned(), ordinal));
            }
            _ => continue,
        }
        if out.len() >= MAX_FUZZY_EXPANSIONS {
            break;
        }
    }
    out
}

/// Letters that differ only by their dots (ب ت ث ن ي, ج ح خ…), normalized (ة is ه, ى ي).
const SAME_SHAPE: &[&str] = &["بتثني", "جحخ", "دذ", "رز", "سش", "صض", "طظ", "عغ", "فق"];

/// For a word of three letters and a dictionary term one edit from it: is the term what the
/// word likely meant? Three-letter words are dense (most letters put in place of another
/// give a word), so only a letter left out (دعش: داعش), two letters swapped, or a letter
/// for another of the same shape but its dots: «بكر» is not «ذكر» or «فكر» mistyped.
fn likely_meant(word: &str, term: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (word.chars().collect(), term.chars().collect());
    if a.len() != b.len() {
        return b.len() > a.len();
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    match differ[..] {
        [i] => SAME_SHAPE
            .iter()
            .any(|g| g.contains(a[i]) && g.contains(b[i])),
        _ => true, // a transposition
    }
}

/// A dictionary term close to a query word ([`similar_terms`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Similar {
    /// The term.
    pub term: String,
    /// Its ordinal in the dictionary.
    pub ordinal: u64,
    /// Edits from the word (to a prefix of the term, for a prefix search).
    pub distance: u8,
    /// Edits from the word to the whole term, if within the allowed distance (what a
    /// suggestion needs); the same as `distance` for a whole-word search.
    pub whole: Option<u8>,
}

/// Terms of `terms` within the allowed distance of `word` (as a prefix of the term when
/// `prefix` and the word has [`PREFIX_TYPO_CHARS`] letters after the article), closest first. Exact matches are left out. For a prefix, a term that begins
/// with another letter than the word must be close to it as a whole word: with a prefix's
/// first letter free, «ريوت» (Riot) found «يوتيوب» through «يوت» while the reader was typing,
/// but «اوروبول» must find يوروبول.
pub fn similar_terms(terms: &fst::Map<Vec<u8>>, word: &str, prefix: bool) -> Vec<Similar> {
    let letters = word.chars().count();
    if letters > MAX_FUZZY_CHARS {
        return Vec::new();
    }
    // The article (ال, وال, بال…) says nothing of the word: «القدم» is as short as قدم, and
    // one edit from it would reach «أقدمت» (she undertook) and «الدم» (the blood).
    let after_article = word[crate::text::stem::article_len(word)..].chars().count();
    let distance = max_distance(after_article);
    // One edit in a short beginning, followed by anything, meets much of the dictionary:
    // «أيار» (May) met «الإرهابي» and «إدارة», «الموصل» (Mosul) «الموالية». A shorter word
    // being typed is matched with a typo as a whole word (ضاعش → داعش).
    let prefix = prefix && after_article >= PREFIX_TYPO_CHARS;
    // Nor does an edit add or remove the article: «أيار» is not «الار…», «الرهاب»
    // (phobia) not «ارهاب».
    let article = has_article(word);
    let Some(first) = word.chars().next().filter(|_| distance > 0) else {
        return Vec::new();
    };
    let b = builder(distance);
    // One automaton: for a prefix search, the distance to the whole term (≤ 4 × 32 terms) is
    // counted directly instead of by a second automaton.
    let dfa = if prefix {
        b.build_prefix_dfa(word)
    } else {
        b.build_dfa(word)
    };
    let dfa = &dfa;
    let word_chars: Vec<char> = word.chars().collect();
    let distance_of = |dfa: &DFA, key: &[u8]| {
        let state = key
            .iter()
            .fold(dfa.initial_state(), |s, &b| dfa.transition(s, b));
        dfa.distance(state)
    };
    let mut stream = if prefix {
        let mut start = [0u8; 4];
        let start = first.encode_utf8(&mut start).as_bytes().to_vec();
        let mut end = start.clone();
        *end.last_mut().expect("a letter has bytes") += 1; // the next letter's first key
        terms.search(Automaton(dfa)).ge(start).lt(end).into_stream()
    } else {
        terms.search(Automaton(dfa)).into_stream()
    };
    let mut found = Vec::new();
    while let Some((key, ordinal)) = stream.next() {
        let Ok(term) = std::str::from_utf8(key) else {
            continue;
        };
        if term == word || has_article(term) != article || is_short(term) {
            continue;
        }
        let d = match distance_of(dfa, key) {
            Distance::Exact(d) | Distance::AtLeast(d) => d,
        };
        if d == 0 {
            continue; // an exact prefix: the prefix tier has it
        }
        let whole = if prefix {
            let term_chars: Vec<char> = term.chars().collect();
            edit_distance(&word_chars, &term_chars, distance)
        } else {
            Some(d)
        };
        found.push(Similar {
            term: term.to_owned(),
            ordinal,
            distance: d,
            whole,
        });
        if found.len() >= 4 * MAX_FUZZY_EXPANSIONS {
            break;
        }
    }
    if prefix && found.len() < 4 * MAX_FUZZY_EXPANSIONS && found.iter().all(|s| s.whole.is_none()) {
        // A slip of the first letter, as a whole word: «اوروبول» is one edit from يوروبول
        // (terms that begin with the typed first letter were looked at above; when one of
        // them is close as a whole word, the slip was elsewhere). A walk of the whole
        // dictionary: on gen15k «تيلبج» took 2.2M → 3.4M instructions.
        let whole_dfa = b.build_dfa(word);
        let mut stream = terms.search(Automaton(&whole_dfa)).into_stream();
        while let Some((key, ordinal)) = stream.next() {
            let Ok(term) = std::str::from_utf8(key) else {
                continue;
            };
            if term.starts_with(first) || has_article(term) != article || is_short(term) {
                continue;
            }
            let (Distance::Exact(d) | Distance::AtLeast(d)) = distance_of(&whole_dfa, key);
            found.push(Similar {
                term: term.to_owned(),
                ordinal,
                distance: d,
                whole: Some(d),
            });
            if found.len() >= 4 * MAX_FUZZY_EXPANSIONS {
                break;
            }
        }
    }
    found.sort_by_key(|s| s.distance);
    found.truncate(MAX_FUZZY_EXPANSIONS);
    found
}

/// The edit distance of `a` and `b` (insertions, deletions, substitutions, and adjacent
/// transpositions, each one edit: the automata's measure), if at most `max`.
pub(crate) fn edit_distance(a: &[char], b: &[char], max: u8) -> Option<u8> {
    let max = usize::from(max);
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Three rows of the optimal string alignment table.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut row: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let substitution = previous[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let mut d = substitution.min(previous[j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d;
        }
        if row.iter().all(|&d| d > max) {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut row);
    }
    let d = previous[b.len()];
    (d <= max).then_some(d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dictionary(words: &[&str]) -> fst::Map<Vec<u8>> {
        let mut sorted: Vec<&str> = words.to_vec();
        sorted.sort();
        sorted.dedup();
        fst::Map::from_iter(sorted.into_iter().enumerate().map(|(i, w)| (w, i as u64))).unwrap()
    }

    /// The terms [`similar_terms`] finds, closest first.
    fn terms_near(d: &fst::Map<Vec<u8>>, word: &str, prefix: bool) -> Vec<String> {
        similar_terms(d, word, prefix)
            .into_iter()
            .map(|t| t.term)
            .collect()
    }

    #[test]
    fn finds_arabic_terms_one_typo_away() {
        let d = dictionary(&["تيليجرام", "داعش", "يوروبول", "الارهابي"]);
        let found = terms_near(&d, "يوروبل", false);
        assert_eq!(found, ["يوروبول"]);
        let found = terms_near(&d, "تيليجرم", false);
        assert_eq!(found, ["تيليجرام"]);
    }

    #[test]
    fn a_transposition_is_one_edit_and_long_words_allow_two() {
        let d = dictionary(&["الارهابي", "يوروبول", "الاستخبارات"]);
        assert_eq!(similar_terms(&d, "يورويول", false).len(), 1);
        assert_eq!(similar_terms(&d, "الاهرابي", false)[0].distance, 1);
        assert_eq!(similar_terms(&d, "الاسنخبارت", false)[0].term, "الاستخبارات");
        // The article is not counted: six letters after it allow one edit, not two.
        assert!(similar_terms(&d, "الاهرابا", false).is_empty());
    }

    #[test]
    fn a_short_word_being_typed_gets_a_typo_only_as_a_whole_word() {
        // «ايار» (May) is one edit from «ادار», «الار»… which begin much of the dictionary.
        let d = dictionary(&["ادارة", "الارهابي", "خيار", "الحسابات"]);
        let found = terms_near(&d, "ايار", true);
        assert_eq!(found, ["خيار"]);
        // From five letters after the article, the beginning of a term.
        assert_eq!(similar_terms(&d, "الحسبات", true)[0].term, "الحسابات");
    }

    #[test]
    fn a_three_letter_word_is_suggested_a_term_it_likely_meant() {
        let d = dictionary(&["داعش", "ذكر", "فكر", "بكره", "نكر", "كبر", "بك"]);
        let near = |w: &str| -> Vec<String> {
            near_short_word(&d, w).into_iter().map(|(t, _)| t).collect()
        };
        // A letter left out, the same shape (ن for ب), two letters swapped; not another
        // letter, nor a letter typed too many.
        assert_eq!(near("دعش"), ["داعش"]);
        assert_eq!(near("بكر"), ["بكره", "كبر", "نكر"]);
        assert_eq!(near("كرب"), ["كبر"]);
        assert_eq!(near("بكز"), Vec::<String>::new()); // not بك
        assert_eq!(near("ذكز"), ["ذكر"]);
    }

    #[test]
    fn a_word_is_no_typo_of_a_term_of_three_letters() {
        let d = dictionary(&["الجهد", "جهد", "كتب", "حسابات"]);
        assert!(similar_terms(&d, "الجهاد", false).is_empty());
        assert!(similar_terms(&d, "جهاد", false).is_empty());
        assert!(similar_terms(&d, "كتاب", false).is_empty());
        assert_eq!(similar_terms(&d, "حسابت", false)[0].term, "حسابات");
    }

    #[test]
    fn a_typo_does_not_add_or_remove_the_article() {
        let d = dictionary(&["الرهاب", "ارهابي"]);
        assert!(similar_terms(&d, "ارهاب", false)
            .iter()
            .all(|t| t.term != "الرهاب"));
        assert!(similar_terms(&d, "الرهابي", false)
            .iter()
            .all(|t| t.term != "ارهابي"));
    }

    #[test]
    fn the_article_does_not_lengthen_a_word() {
        // «القدم» (the foot) is as short as قدم: no typo, so not «اقدمت» (she undertook) by
        // a dropped ل, nor «الدم» (the blood); a word of four letters after it gets one.
        let d = dictionary(&["اقدمت", "الدم", "الحسابات"]);
        assert!(similar_terms(&d, "القدم", true).is_empty());
        assert!(similar_terms(&d, "القدم", false).is_empty());
        assert_eq!(similar_terms(&d, "الحسبات", false)[0].term, "الحسابات");
    }

    #[test]
    fn a_word_longer_than_any_gets_no_typos() {
        let long = "ت".repeat(MAX_FUZZY_CHARS);
        let d = dictionary(&[&format!("{long}ب")]);
        assert_eq!(similar_terms(&d, &format!("{long}ث"), false).len(), 0);
        let shorter = &long[..long.len() - "ت".len()];
        assert_eq!(similar_terms(&d, &format!("{shorter}ث"), true).len(), 1);
    }

    #[test]
    fn the_direct_distance_is_the_automatons() {
        // Every pair of short words over a small alphabet: the distance the whole-word
        // automaton gives, and the direct count.
        let letters = ['ا', 'ب', 'ت'];
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| letters.iter().map(move |l| format!("{w}{l}")))
                .collect();
            words.extend(longer);
        }
        words.sort();
        words.dedup();
        let mut checked = 0;
        for max in [1u8, 2] {
            for a in words.iter().filter(|w| w.chars().count() >= 2) {
                let dfa = builder(max).build_dfa(a);
                let a_chars: Vec<char> = a.chars().collect();
                for b in &words {
                    let state = b
                        .bytes()
                        .fold(dfa.initial_state(), |s, byte| dfa.transition(s, byte));
                    let expected = match dfa.distance(state) {
                        Distance::Exact(d) => Some(d),
                        Distance::AtLeast(_) => None,
                    };
                    let b_chars: Vec<char> = b.chars().collect();
                    assert_eq!(
                        edit_distance(&a_chars, &b_chars, max),
                        expected,
                        "{a} {b} ≤ {max}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn short_words_get_no_typos() {
        let d = dictionary(&["داعش", "دعش"]);
        assert!(similar_terms(&d, "دعس", false).is_empty());
        assert_eq!(max_distance(3), 0);
        assert_eq!(max_distance(4), 1);
        assert_eq!(max_distance(8), 2);
    }

    #[test]
    fn a_prefix_automaton_tolerates_a_typo_in_the_typed_part() {
        let d = dictionary(&["تيليجرام"]);
        let found = &similar_terms(&d, "تيلبج", true)[0];
        assert_eq!(found.term, "تيليجرام");
        assert_eq!(found.whole, None, "far from the whole word");
    }

    #[test]
    fn a_prefix_keeps_its_first_letter() {
        // «ريوت» is one edit from «يوت», a prefix of يوتيوب: no match while typing.
        let d = dictionary(&["يوتيوب", "رايوت", "ريوتر"]);
        let found = terms_near(&d, "ريوت", true);
        assert_eq!(found, ["رايوت", "ريوتر"]);
        let found = terms_near(&d, "ريوتا", true);
        assert_eq!(found, ["ريوتر"]);
        // A whole word may still differ in its first letter.
        assert_eq!(similar_terms(&d, "بايوت", false)[0].term, "رايوت");
        // The last Arabic letter of a range (ي) and a Latin one: the range ends right.
        let d = dictionary(&["يوتيوب", "zzzz", "يوتيوب2"]);
        assert_eq!(similar_terms(&d, "يوتيو", true).len(), 0);
        assert_eq!(similar_terms(&d, "يوتبوب", true)[0].term, "يوتيوب");
        assert_eq!(similar_terms(&d, "zzzy", true)[0].term, "zzzz");
    }
}
