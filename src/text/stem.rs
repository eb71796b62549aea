//! Light stemming of normalized Arabic words: attached clitics and inflection suffixes are
//! removed so that والتنظيم, للتنظيم, تنظيمات and حساباته meet their other forms at one stem.
//! Latin words and numbers are left as they are. Stems are an expansion tier at query time:
//! the indexed term is always the whole normalized word.
//!
//! Two rule sets are defined as data ([`StemRules`]) so that they can be measured against each
//! other (`cargo run --example stemmer_eval`, figures in ARCHITECTURE.md):
//!
//! - [`LIGHT10`]: Larkey et al.'s "light10", the stemmer of Lucene's ArabicAnalyzer: at most
//!   one of وال بال كال فال لل ال و, then each of ها ان ات ون ين يه ه ي at most once, in that
//!   order.
//! - [`FAHRAS`] (the one [`stem`] uses): proclitic clusters (و/ف + ب/ك/ل + ال, لل); a lone
//!   و only when the word is not a listed word of a root beginning with و (وزير, وكالة…);
//!   then suffixes in layers, from the end of the word inwards: one pronoun (هما كما هم كم ها
//!   نا ه, with ت before it read as ة: صفحته → صفحة), one inflection ending (ات ون ين وا يه ه ا
//!   and the dual ان on longer words), one nisba ي. Two word lists in `data/` stop the rules
//!   where they are known to be wrong: `stem-keep-prefix.txt` (words whose first letters look
//!   like a proclitic) and `stem-keep-suffix.txt` (words whose last letters look like a
//!   suffix: فلسطين, قانون, كانون…).
//!
//! Single-letter prepositions ب ك ل (and ف) are not removed at index time: too many words
//! begin with those letters (بريطانيا, كانت, لندن, فيديو). Instead [`related_stems`] gives a
//! query word's stems with such a proclitic removed or added, for the search to look up among
//! the stems of the index, whose vocabulary thus decides (لداعش finds داعش, and حساب finds
//! بحساباته, but بريطانيا only meets ريطانيا if that is a word of the index).
//!
//! All rules work on [`normalize`]d text (ة has become ه, أ إ آ have become ا, ى has become ي).
//!
//! [`normalize`]: super::normalize::normalize

use super::is_arabic_letter;
use super::normalize::normalize;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// A light stemmer, as data: the rules it applies and their length limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StemRules {
    /// A short name for reports.
    pub name: &'static str,
    /// Remove the proclitic clusters و/ف + ب/ك/ل + ال (وبال, فلل…) as well as light10's
    /// وال بال كال فال لل ال.
    pub proclitic_clusters: bool,
    /// Remove a lone conjunction و (from words of four letters or more).
    pub lone_waw: bool,
    /// Use fahras's layered suffixes (pronoun, inflection, nisba) rather than light10's list.
    pub layered_suffixes: bool,
    /// Fewest letters left by removing an inflection suffix other than ه (layered suffixes).
    pub min_stem: usize,
    /// Remove the dual ending ان only when at least this many letters remain (layered
    /// suffixes; `None`: never).
    pub dual_min_stem: Option<usize>,
    /// Remove the second-person pronoun ك (ربك, كتابك) with the other pronouns.
    pub pronoun_kaf: bool,
    /// Remove the ت of a past-tense verb (قالت, أعلنت) when nothing else was removed and at
    /// least three letters remain.
    pub verb_ta: bool,
    /// Consult the keep lists (`data/stem-keep-prefix.txt`, `data/stem-keep-suffix.txt`) and
    /// the تفعيل pattern rule (تأمين, تدشين keep their ين).
    pub keep_lists: bool,
}

/// Lucene's light10 (Larkey, Ballesteros and Connell 2002), after ة → ه normalization.
pub const LIGHT10: StemRules = StemRules {
    name: "light10",
    proclitic_clusters: false,
    lone_waw: true,
    layered_suffixes: false,
    min_stem: 2,
    dual_min_stem: Some(2),
    pronoun_kaf: false,
    verb_ta: false,
    keep_lists: false,
};

/// fahras's light stemmer, the one [`stem`] uses.
pub const FAHRAS: StemRules = StemRules {
    name: "fahras",
    proclitic_clusters: true,
    lone_waw: true,
    layered_suffixes: true,
    min_stem: 3,
    dual_min_stem: Some(4),
    pronoun_kaf: false,
    verb_ta: false,
    keep_lists: true,
};

/// light10's prefixes, longest first, with the fewest letters the word must have.
const LIGHT10_PREFIXES: &[(&str, usize)] = &[
    ("وال", 5),
    ("بال", 5),
    ("كال", 5),
    ("فال", 5),
    ("لل", 4),
    ("ال", 4),
    ("و", 4),
];

/// Proclitic clusters ending in the article, longest first, as (conjunction, preposition,
/// article) parts; removed when at least two letters remain.
const CLUSTERS: &[(&str, &str, &str)] = &[
    ("و", "ب", "ال"),
    ("ف", "ب", "ال"),
    ("و", "ك", "ال"),
    ("ف", "ك", "ال"),
    ("و", "", "لل"),
    ("ف", "", "لل"),
    ("و", "", "ال"),
    ("ف", "", "ال"),
    ("", "ب", "ال"),
    ("", "ك", "ال"),
    ("", "", "لل"),
    ("", "", "ال"),
];

/// light10's suffixes, each removed at most once, in this order.
const LIGHT10_SUFFIXES: &[&str] = &["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

/// Attached pronouns, longest first, removed when at least two letters remain.
const PRONOUNS: &[&str] = &["هما", "كما", "هم", "كم", "ها", "نا", "ه"];

/// Inflection endings (other than ه and the dual ان), longest first.
const INFLECTIONS: &[&str] = &["ات", "ون", "ين", "وا", "يه", "ا"];

/// Single-letter proclitics not removed at index time, and their clusters, longest first.
const LOOSE_PROCLITICS: &[&str] = &["فب", "فك", "فل", "وب", "وك", "ول", "ب", "ك", "ل", "ف"];

// `data/stem-keep-prefix.txt` and `data/stem-keep-suffix.txt` without their comment lines
// (written by `build.rs`).
const KEEP_PREFIX: &str = include_str!(concat!(env!("OUT_DIR"), "/stem-keep-prefix.txt"));
const KEEP_SUFFIX: &str = include_str!(concat!(env!("OUT_DIR"), "/stem-keep-suffix.txt"));

fn is_arabic_word(word: &str) -> bool {
    word.chars().next().is_some_and(is_arabic_letter)
}

fn letters(s: &str) -> usize {
    s.chars().count()
}

/// The normalized words of a list file (one per line, `#` comments).
fn list_words(list: &str) -> impl Iterator<Item = String> + '_ {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(normalize)
}

/// Words whose final letters belong to the word (normalized).
fn keep_suffix() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        list_words(KEEP_SUFFIX)
            .flat_map(|w| {
                // The listed word and its form without the article.
                let bare = w
                    .strip_prefix("ال")
                    .filter(|b| letters(b) >= 3)
                    .map(str::to_owned);
                std::iter::once(w).chain(bare)
            })
            .collect()
    })
}

/// Stems (by [`FAHRAS`] without proclitic removal) of words whose first letters belong to the
/// word.
fn keep_prefix() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        list_words(KEEP_PREFIX)
            .map(|w| FAHRAS.strip_suffixes(&w).to_owned())
            .collect()
    })
}

/// Is `word` a تفعيل verbal noun of a root ending in ن (تأمين, تدشين, تكوين): five letters,
/// ت first and ين last? Its ين is not a plural ending.
fn is_tafeel_of_n(word: &str) -> bool {
    word.starts_with('ت') && word.ends_with("ين") && letters(word) == 5
}

/// Is the end of `word` part of the word ([`keep_suffix`], [`is_tafeel_of_n`]), also after a
/// single-letter preposition (لتأمين is ل + تأمين: its stem is not لتام, which ل + تام,
/// «complete», gives)?
fn keeps_suffix(word: &str) -> bool {
    let kept = |s: &str| keep_suffix().contains(s) || is_tafeel_of_n(s);
    kept(word) || without_loose_proclitic(word).is_some_and(kept)
}

impl StemRules {
    /// The stem of a normalized word. Non-Arabic words are returned unchanged.
    pub fn stem<'a>(&self, word: &'a str) -> &'a str {
        self.strip_suffixes(self.strip_proclitics(word))
    }

    /// The normalized word without its proclitics (the first part of [`StemRules::stem`]).
    pub fn strip_proclitics<'a>(&self, word: &'a str) -> &'a str {
        if !is_arabic_word(word) {
            return word;
        }
        // Candidate splits from the least to the most removed: a split that is a listed word
        // wins, otherwise the last one.
        let splits = self.proclitic_splits(word);
        let (last, earlier) = splits.split_last().expect("at least the word itself");
        earlier
            .iter()
            .copied()
            .find(|rest| self.is_kept_prefix(rest))
            .unwrap_or(last)
    }

    /// The word with 0, 1, … of its proclitics removed (never empty; the last has the most
    /// removed, and is what the rules remove when no keep list says otherwise).
    fn proclitic_splits<'a>(&self, word: &'a str) -> Vec<&'a str> {
        let mut splits = vec![word];
        if !self.layered_suffixes {
            let len = letters(word);
            for &(prefix, min_len) in LIGHT10_PREFIXES {
                if prefix == "و" && !self.lone_waw {
                    continue;
                }
                if len >= min_len {
                    if let Some(rest) = word.strip_prefix(prefix) {
                        if prefix.starts_with('و') && prefix.len() > 'و'.len_utf8() {
                            splits.push(&word['و'.len_utf8()..]);
                        }
                        splits.push(rest);
                        break;
                    }
                }
            }
            return splits;
        }
        for &(conjunction, preposition, article) in CLUSTERS {
            // light10 has the article with و or ف (وال فال) but no longer cluster.
            let light10_cluster =
                conjunction.is_empty() || (preposition.is_empty() && article == "ال");
            if !self.proclitic_clusters && !light10_cluster {
                continue;
            }
            if let Some(cluster_len) = cluster_prefix(word, (conjunction, preposition, article)) {
                if !conjunction.is_empty() {
                    splits.push(&word[conjunction.len()..]);
                }
                if !preposition.is_empty() {
                    splits.push(&word[conjunction.len() + preposition.len()..]);
                }
                splits.push(&word[cluster_len..]);
                return splits;
            }
        }
        if self.lone_waw && letters(word) >= 4 {
            if let Some(rest) = word.strip_prefix('و') {
                splits.push(rest);
            }
        }
        splits
    }

    /// Is `rest` (a word with some proclitics removed) a word of the prefix keep list?
    fn is_kept_prefix(&self, rest: &str) -> bool {
        if !self.keep_lists {
            return false;
        }
        let stem = self.strip_suffixes(rest);
        if *self == FAHRAS {
            keep_prefix().contains(stem)
        } else {
            // Other rule sets (evaluations only) compare with their own stems of the list.
            list_words(KEEP_PREFIX).any(|w| self.strip_suffixes(&w) == stem)
        }
    }

    /// Removes the suffixes of a word whose proclitics were removed.
    pub fn strip_suffixes<'a>(&self, word: &'a str) -> &'a str {
        if !is_arabic_word(word) {
            return word;
        }
        if !self.layered_suffixes {
            let mut s = word;
            for suffix in LIGHT10_SUFFIXES {
                if letters(s) >= letters(suffix) + 2 {
                    if let Some(rest) = s.strip_suffix(suffix) {
                        s = rest;
                    }
                }
            }
            return s;
        }
        let keep = |s: &str| self.keep_lists && keeps_suffix(s);
        let mut s = word;
        if keep(s) {
            return s;
        }
        // 1. One attached pronoun; a ت left before it is a ة (صفحته → صفحه).
        let mut construct = false;
        let kaf: &[&str] = if self.pronoun_kaf { &["ك"] } else { &[] };
        for p in PRONOUNS.iter().chain(kaf) {
            if let Some(rest) = s.strip_suffix(p) {
                if letters(rest) >= 2 {
                    s = rest;
                    construct = s.ends_with('ت') && !s.ends_with("ات") && letters(s) >= 4;
                    break;
                }
            }
        }
        // The possessive ي after a ة in construct: وزارتي, شركتي.
        if s.len() == word.len() && s.ends_with("تي") && !s.ends_with("اتي") && letters(s) >= 5
        {
            s = &s[..s.len() - 'ي'.len_utf8()];
            construct = true;
        }
        let pronoun_removed = s.len() < word.len();
        if construct {
            // Read the ت as ة, which is removed below.
            s = &s[..s.len() - 'ت'.len_utf8()];
            return self.strip_inflection(s, true);
        }
        if keep(s) {
            return s;
        }
        // A sound plural's ن drops before a pronoun (معلميه, not معلمينه), and nothing ends in
        // ين + ة: so ين before a removed ه belongs to the word (مدينة, لمدينة, سفينته).
        if pronoun_removed && s.ends_with("ين") {
            return self.strip_nisba(s);
        }
        let stem = self.strip_inflection(s, false);
        if self.verb_ta
            && !pronoun_removed
            && stem.len() == s.len()
            && s.ends_with('ت')
            && !s.ends_with("ات")
        {
            let rest = &s[..s.len() - 'ت'.len_utf8()];
            if letters(rest) >= 3 {
                return rest;
            }
        }
        stem
    }

    /// Layers 2 and 3: one inflection ending, then a nisba ي. `ta_marbuta_removed` when a ة
    /// read from a construct ت was already removed.
    fn strip_inflection<'a>(&self, word: &'a str, ta_marbuta_removed: bool) -> &'a str {
        let keep = |s: &str| self.keep_lists && keeps_suffix(s);
        let mut s = word;
        if !ta_marbuta_removed {
            let mut removed = false;
            for ending in INFLECTIONS {
                if *ending == "يه" && s.ends_with("ايه") {
                    // ولاية, بداية, دعاية: the ي belongs to the word; only the ة is removed.
                    continue;
                }
                if let Some(rest) = s.strip_suffix(ending) {
                    if letters(rest) >= self.min_stem {
                        s = rest;
                        removed = true;
                        break;
                    }
                }
            }
            if !removed {
                if let Some(rest) = s.strip_suffix('ه') {
                    if letters(rest) >= 2 {
                        s = rest;
                        removed = true;
                    }
                }
            }
            if !removed {
                // A sound masculine plural in construct loses its ن: مديرو (مديرو المجموعات),
                // مقاتلو, مستخدمو. Only a participle's shape, مـ… or فاعل (ناشطو), of four
                // letters or more before the و, and not after ي ا و: فيديو, راديو, سيناريو
                // keep theirs.
                if let Some(rest) = s.strip_suffix('و') {
                    let second = rest.chars().nth(1);
                    if letters(rest) >= 4
                        && !rest.ends_with(['ي', 'ا', 'و'])
                        && (rest.starts_with('م') || second == Some('ا'))
                    {
                        s = rest;
                        removed = true;
                    }
                }
            }
            if !removed {
                if let (Some(min), Some(rest)) = (self.dual_min_stem, s.strip_suffix("ان")) {
                    if letters(rest) >= min {
                        s = rest;
                    }
                }
            }
            if keep(s) {
                return s;
            }
        }
        self.strip_nisba(s)
    }

    /// Layer 3: a nisba ي, not after ا: ولاي (ولاية), نهاي (نهائي) keep their ي.
    fn strip_nisba<'a>(&self, word: &'a str) -> &'a str {
        match word.strip_suffix('ي') {
            Some(rest) if letters(rest) >= 3 && !rest.ends_with('ا') => rest,
            _ => word,
        }
    }
}

/// The byte length of a proclitic cluster (conjunction, preposition, article) that `word`
/// starts with, when at least two letters remain after it.
fn cluster_prefix(
    word: &str,
    (conjunction, preposition, article): (&str, &str, &str),
) -> Option<usize> {
    let len = conjunction.len() + preposition.len() + article.len();
    let matches = word.len() > len
        && word.starts_with(conjunction)
        && word[conjunction.len()..].starts_with(preposition)
        && word[conjunction.len() + preposition.len()..].starts_with(article);
    (matches && letters(&word[len..]) >= 2).then_some(len)
}

/// How many letters `word` has after the longest proclitic cluster ending in the article
/// (ال, لل, وال, بال…) it starts with, however few remain: what a word being typed has said
/// of itself (ال: none, الت: one).
pub fn letters_after_article(word: &str) -> usize {
    letters(&word[longest_cluster(word)..])
}

/// The byte length of the longest proclitic cluster ending in the article that `word`
/// starts with (0 for none), however few letters remain.
fn longest_cluster(word: &str) -> usize {
    CLUSTERS
        .iter()
        .filter(|(c, p, a)| {
            word.strip_prefix(c)
                .and_then(|rest| rest.strip_prefix(p))
                .is_some_and(|rest| rest.starts_with(a))
        })
        .map(|(c, p, a)| c.len() + p.len() + a.len())
        .max()
        .unwrap_or(0)
}

/// The byte length of the article cluster (ال, وال, بال, لل…) that the stemmer removes from a
/// normalized word: 0 when it has none, or when its first letters are its own (وكالة, والد,
/// بالغ: the keep list says so).
pub fn article_len(word: &str) -> usize {
    let len = longest_cluster(word);
    if len == 0 || letters(strip_proclitics(word)) > letters(&word[len..]) {
        0
    } else {
        len
    }
}

/// The normalized word without a proclitic cluster that ends in the article (ال, لل, وال,
/// بال, وبال…), keeping at least two letters; a lone و stays. Used for variant keys, which
/// must not depend on the keep lists.
pub fn strip_article_clusters(word: &str) -> &str {
    for &(conjunction, preposition, article) in CLUSTERS {
        if let Some(cluster_len) = cluster_prefix(word, (conjunction, preposition, article)) {
            return &word[cluster_len..];
        }
    }
    word
}

/// Removes the attached proclitics of a normalized Arabic word by the [`FAHRAS`] rules: a
/// cluster such as وال بال لل فبال, or a lone و (not from a listed word like وزير).
pub fn strip_proclitics(word: &str) -> &str {
    FAHRAS.strip_proclitics(word)
}

/// The light stem of a normalized Arabic word by the [`FAHRAS`] rules. Non-Arabic words are
/// returned unchanged.
pub fn stem(word: &str) -> &str {
    FAHRAS.stem(word)
}

/// Other stems that a normalized query word should meet, beside its own [`stem`]: its stem
/// with a single-letter proclitic (ب ك ل ف, also after و/ف) removed, when at least four
/// letters remain (كامل is not ك + أمل), and its stem of four letters or more with each
/// such proclitic added. The search looks these up
/// among the stems of the index, so a removal only matters when the rest is a word of the
/// index. Empty for non-Arabic words.
pub fn related_stems(word: &str) -> Vec<String> {
    let own = stem(word);
    if !is_arabic_word(own) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    fn push(out: &mut Vec<String>, own: &str, s: String) {
        if s != own && !out.contains(&s) {
            out.push(s);
        }
    }
    for p in LOOSE_PROCLITICS {
        if let Some(rest) = word.strip_prefix(p) {
            if letters(rest) >= 4 {
                let s = stem(rest);
                if letters(s) >= 2 {
                    push(&mut out, own, s.to_owned());
                }
            }
        }
    }
    // The stems met so far (the own stem and those with a proclitic removed), each with
    // every proclitic added: حساب → بحساب, لتنظيم → تنظيم → بتنظيم. Not to three letters
    // or fewer: with a proclitic they are most often another word (د → بد, as in «لا بد»;
    // كرة, stem كر → فكر, "thought"; أمل → كامل, جنة → لجنة, عيد → بعيد, ندن → لندن). On
    // the seed corpus, of the 36 three-letter queries this rule changed, 21 had matched
    // only another word; 15 lost a real preposition (بهدف for هدف).
    let bases: Vec<String> = std::iter::once(own.to_owned())
        .chain(out.iter().cloned())
        .filter(|base| letters(base) >= 4)
        .collect();
    for base in &bases {
        for p in LOOSE_PROCLITICS.iter().filter(|p| !p.starts_with('و')) {
            push(&mut out, own, format!("{p}{base}"));
        }
    }
    // And, for a word ending in ة (normalized ه), the stem the index gives it written with
    // the proclitic, where the suffix rules take another path on the longer word: هيئة →
    // لهيئة (stem لهي, not لهيي). Only there: on other endings the longer word loses a
    // suffix the shorter keeps, and meets other words (ب + لغات is stemmed بلغ, "reached").
    if word.ends_with('ه') && letters(own) >= 3 {
        for p in LOOSE_PROCLITICS.iter().filter(|p| !p.starts_with('و')) {
            let s = stem(&format!("{p}{word}")).to_owned();
            let rest = s.strip_prefix(p).unwrap_or_default();
            // It must still be the word's own stem, shortened by a letter at most.
            if letters(rest) >= 2 && own.starts_with(rest) && letters(own) <= letters(rest) + 1 {
                push(&mut out, own, s);
            }
        }
    }
    out
}

/// The forms of a normalized Arabic word with a single-letter proclitic attached, as the
/// index keeps them whole (لمدينة, بتأمين, ولعنوان): the word itself, unstemmed, after
/// each of ب ك ل ف and و ف with one of them. The stems of such forms can take another path
/// than the word's (لمدينة is stemmed لمد), so they are looked up as written. A word with
/// the article gives those of the word without it (المدينة: لمدينة, as مدينة does). Empty
/// for a non-Arabic word or one of fewer than four letters (أمل is not كامل, جنة not لجنة).
pub fn proclitic_forms(word: &str) -> Vec<String> {
    let word = strip_article_clusters(word);
    if !is_arabic_word(word) || letters(word) < 4 {
        return Vec::new();
    }
    LOOSE_PROCLITICS
        .iter()
        .map(|p| format!("{p}{word}"))
        .collect()
}

/// A normalized Arabic word of four letters or more (after the article) with proclitics
/// attached and nothing else, as the index keeps such forms whole: the same word, as
/// written (والبغدادي, للبغدادي, وداعش, لداعش). Their stems can be another word's
/// (والبغدادي is stemmed بغداد, Baghdad's stem), so the search counts them as the word
/// itself, not as a form of its stem. Empty for a word of fewer letters (ورقة is no و +
/// رقة) and a non-Arabic one.
pub fn clitic_forms(word: &str) -> Vec<String> {
    let base = strip_article_clusters(word);
    if !is_arabic_word(word) || letters(base) < 4 {
        return Vec::new();
    }
    if base.len() < word.len() {
        // With the article: و ف ب ك before it, ل joined to it (للبغدادي).
        if !word.starts_with("ال") {
            return Vec::new();
        }
        let mut out: Vec<String> = ["و", "ف", "ب", "ك", "وب", "فب", "وك", "فك"]
            .iter()
            .map(|p| format!("{p}{word}"))
            .collect();
        out.extend(["لل", "ولل", "فلل"].iter().map(|p| format!("{p}{base}")));
        out
    } else {
        std::iter::once("و")
            .chain(LOOSE_PROCLITICS.iter().copied())
            .map(|p| format!("{p}{word}"))
            .collect()
    }
}

/// For a normalized Arabic word of three letters (سبب, مدة, جزء, خطة), its forms with the
/// preposition ب ك ل attached, also after و or ف (بسبب, لمدة, كجزء, وبسبب), each with the
/// preposition's form with the article before it (البسبب, الكامل): such a form is the word
/// with the preposition only when the index lacks that second one. Three letters are too
/// few to tell by themselves (كامل is not ك + أمل, لجنة not ل + جنة), but a form that takes
/// the article is a word of its own (الكامل, اللجنة), which بسبب never is. Empty for
/// other words ([`proclitic_forms`] covers those of four letters and more).
/// A small archive may not have the form with the article, so the commonest words of four
/// letters that begin with ب ك ل (normalized), without a preposition, are listed too.
pub fn short_proclitic_forms(word: &str) -> Vec<(String, String)> {
    const WORDS_OF_THEIR_OWN: &[&str] = &[
        "كامل",
        "كامله",
        "لجنه",
        "لجان",
        "كمال",
        "بعيد",
        "بعيده",
        "كريم",
        "كريمه",
        "ليله",
        "لعبه",
        "كبير",
        "كبيره",
        "كبار",
        "كثير",
        "كثيره",
        "بيان",
        "بلاد",
        "بقاء",
        "بناء",
        "لقاء",
        "لحظه",
        "كيان",
        "بديل",
        "بديله",
        "لقب",
        "لسان",
        "كتاب",
        "كلمه",
        "كلام",
        "بطل",
        "بريد",
        "لبنى",
        "ليبي",
        "ليبيا",
        "بحار",
        "كهف",
        "لحوم",
        "كانت",
    ];
    if !is_arabic_word(word) || letters(word) != 3 || longest_cluster(word) > 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for preposition in ["ب", "ك", "ل"] {
        let attached = format!("{preposition}{word}");
        if WORDS_OF_THEIR_OWN.contains(&attached.as_str()) {
            continue;
        }
        let with_article = format!("ال{attached}");
        for conjunction in ["", "و", "ف"] {
            out.push((format!("{conjunction}{attached}"), with_article.clone()));
        }
    }
    out
}

/// For a normalized sound feminine plural of a stem of three letters (حملات, الحملات), its
/// singular in ة (حمله), whose forms with a preposition the index keeps under their own stem
/// (لحملة: لحمل): the plural meets them through it. `None` for other words.
pub fn feminine_plural_singular(word: &str) -> Option<String> {
    let own = stem(word);
    (word.ends_with("ات") && letters(own) == 3 && is_arabic_word(own)).then(|| format!("{own}ه"))
}

/// For a normalized word that may be the dual of a noun in ة, which writes it ت (منصتين,
/// شركتان, الدولتين), that noun (منصه, شركه, الدوله); `None` for others, and after ست
/// (أفغانستان) or with fewer than three letters before the ت. Only for a query word: as an
/// index's stem it would split plurals of words in ت (ثابتين is ثابت).
pub fn dual_singular(word: &str) -> Option<String> {
    if !is_arabic_word(word) {
        return None;
    }
    let rest = word
        .strip_suffix("تين")
        .or_else(|| word.strip_suffix("تان"))?;
    if rest.ends_with('س') || rest.ends_with('ا') || letters(strip_article_clusters(rest)) < 3 {
        return None;
    }
    Some(format!("{rest}ه"))
}

/// A normalized word being typed without the single-letter preposition before it (ب ك ل ف,
/// also after و/ف: لتيل → تيل, وبتو → تو…), when two letters or more remain and it has
/// no article: what the words it may be the beginning of begin with once the index keeps
/// them without it (لتيل is تيليجرام being typed with ل).
pub fn without_loose_proclitic(word: &str) -> Option<&str> {
    if !is_arabic_word(word) || longest_cluster(word) > 0 {
        return None;
    }
    LOOSE_PROCLITICS
        .iter()
        .filter_map(|p| word.strip_prefix(p))
        .find(|rest| letters(rest) >= 2)
}

/// What the stems of the index may begin with when they are the stem of a word that a
/// normalized word being typed begins, after a proclitic: the word itself when it has no
/// article (the stem of وواتس is واتس; stems never begin with the article), the word without
/// its proclitics (وسنابشات, stem سنابش, for «سناب»), and, from four letters, that with each
/// single-letter preposition, which the index's stems keep (لداعش for «داعش»). Empty for a
/// non-Arabic word or one of fewer than three letters after them: a short beginning says
/// too little.
pub fn typed_stem_prefixes(word: &str) -> Vec<String> {
    let base = strip_proclitics(word);
    if !is_arabic_word(base) || letters(base) < 3 || letters_after_article(word) < 3 {
        return Vec::new();
    }
    let mut out = vec![base.to_owned()];
    if base != word && article_len(word) == 0 {
        out.push(word.to_owned());
    }
    // With a preposition before three letters, the stem is often another word: «غدا»
    // (tomorrow) would meet بغداد, «بنا» لبنان, «ساد» فساد. From four, rarely.
    if letters(base) >= 4 {
        for p in LOOSE_PROCLITICS.iter().filter(|p| letters(p) == 1) {
            out.push(format!("{p}{base}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize;

    fn fahras(word: &str) -> String {
        stem(&normalize(word)).to_owned()
    }

    #[test]
    fn a_word_with_proclitics_attached_is_written_whole() {
        let forms = clitic_forms("البغدادي");
        assert!(forms.contains(&"والبغدادي".to_string()));
        assert!(forms.contains(&"للبغدادي".to_string()));
        assert!(clitic_forms("داعش").contains(&"وداعش".to_string()));
        // Not for a short word (ورقة is no و + رقة), nor a Latin one.
        assert!(clitic_forms("رقه").is_empty() && clitic_forms("الرقه").is_empty());
        assert!(clitic_forms("telegram").is_empty());
    }

    #[test]
    fn a_feminine_plural_of_three_letters_has_its_singular() {
        assert_eq!(feminine_plural_singular("حملات").as_deref(), Some("حمله"));
        assert_eq!(feminine_plural_singular("الحملات").as_deref(), Some("حمله"));
        assert_eq!(feminine_plural_singular("حسابات"), None); // a stem of four letters
        assert_eq!(feminine_plural_singular("حمله"), None);
        // And the plural meets the singular's form with a preposition.
        let related = related_stems(&feminine_plural_singular("حملات").unwrap());
        assert!(related.contains(&stem("لحمله").to_owned()), "{related:?}");
    }

    #[test]
    fn a_dual_in_ta_has_its_singular() {
        assert_eq!(dual_singular("منصتين").as_deref(), Some("منصه"));
        assert_eq!(dual_singular("الدولتان").as_deref(), Some("الدوله"));
        assert_eq!(dual_singular("افغانستان"), None);
        assert_eq!(dual_singular("بيانات"), None);
        assert_eq!(dual_singular("بتين"), None);
    }

    #[test]
    fn a_word_of_three_letters_has_its_forms_with_a_preposition_but_not_words_of_their_own() {
        let forms: Vec<String> = short_proclitic_forms("سبب")
            .into_iter()
            .map(|f| f.0)
            .collect();
        assert!(forms.contains(&"بسبب".to_string()) && forms.contains(&"وبسبب".to_string()));
        let (_, with_article) = short_proclitic_forms("مده")
            .into_iter()
            .find(|f| f.0 == "لمده")
            .unwrap();
        assert_eq!(with_article, "اللمده");
        // كامل is not ك + أمل, nor لجنة ل + جنة.
        assert!(!short_proclitic_forms("امل").iter().any(|f| f.0 == "كامل"));
        assert!(!short_proclitic_forms("جنه").iter().any(|f| f.0 == "لجنه"));
        // Only three letters: longer words have proclitic_forms, shorter ones none.
        assert!(short_proclitic_forms("مدينه").is_empty());
        assert!(short_proclitic_forms("من").is_empty());
        assert!(short_proclitic_forms("tel").is_empty());
    }

    #[test]
    fn fahras_stems_table() {
        let cases: &[(&str, &str)] = &[
            ("والتنظيم", "تنظيم"),
            ("للتنظيم", "تنظيم"),
            ("بالإرهاب", "ارهاب"),
            ("الإرهابي", "ارهاب"),
            ("الإرهابيين", "ارهاب"),
            ("حسابات", "حساب"),
            ("بحساباته", "بحساب"), // the lone ب stays: related_stems finds حساب
            ("حساباتهم", "حساب"),
            ("وحسابا", "حساب"),
            ("المنصات", "منص"),
            ("المنصة", "منص"),
            ("منصاته", "منص"),
            ("صفحته", "صفح"),
            ("وزارتي", "وزار"),
            ("الوزارة", "وزار"),
            ("وكالة", "وكال"), // a listed word of root و-ك-ل keeps its و
            ("بوكالة", "بوكال"),
            ("وتنشر", "تنشر"), // an unlisted word loses its conjunction
            ("وقال", "قال"),
            ("قالوا", "قال"),
            ("وبالتالي", "تال"),
            ("الوالدين", "والد"),
            ("فلسطين", "فلسطين"),
            ("الفلسطينية", "فلسطين"),
            ("القانون", "قانون"),
            ("التأمين", "تامين"),
            ("ذراعان", "ذراع"),
            ("إعلان", "اعلان"),
            ("مديرو", "مدير"), // a sound plural in construct: مديرو المجموعات
            ("ومقاتلو", "مقاتل"),
            ("ناشطو", "ناشط"),
            ("لمدينة", "لمدين"), // ين before ة or a pronoun is the word's: not لمد (لمدة)
            ("سفينته", "سفين"),
            ("بينهم", "بين"),
            ("فيديو", "فيديو"), // not after ي
            ("سيناريو", "سيناريو"),
            ("تورو", "تورو"), // not a participle's shape
            ("الله", "الله"),
            ("telegram", "telegram"),
            ("2017", "2017"),
            ("في", "في"),
            ("ال", "ال"),
        ];
        for (input, want) in cases {
            assert_eq!(fahras(input), *want, "stem({input:?})");
        }
    }

    #[test]
    fn light10_stems_table() {
        let cases: &[(&str, &str)] = &[
            ("والتنظيم", "تنظيم"),
            ("الإرهابيين", "ارهاب"),
            ("وكالة", "كال"), // light10 takes و for the conjunction
            ("بحساباته", "بحسابات"),
            ("القرآن", "قر"),
            ("telegram", "telegram"),
        ];
        for (input, want) in cases {
            assert_eq!(LIGHT10.stem(&normalize(input)), *want, "light10({input:?})");
        }
    }

    #[test]
    fn strips_only_proclitics() {
        assert_eq!(strip_proclitics(&normalize("والتيليجرام")), "تيليجرام");
        assert_eq!(strip_proclitics(&normalize("التيليجرام")), "تيليجرام");
        assert_eq!(strip_proclitics(&normalize("وللتنظيم")), "تنظيم");
        assert_eq!(strip_proclitics("ولد"), "ولد");
        assert_eq!(strip_proclitics(&normalize("الوزير")), "وزير");
        assert_eq!(strip_proclitics(&normalize("وزير")), "وزير");
    }

    #[test]
    fn related_stems_remove_and_add_loose_proclitics() {
        let related = related_stems(&normalize("لداعش"));
        assert!(related.contains(&"داعش".to_owned()), "{related:?}");
        let related = related_stems(&normalize("بحساباته"));
        assert!(related.contains(&"حساب".to_owned()), "{related:?}");
        let related = related_stems(&normalize("حساب"));
        assert!(
            related.contains(&"بحساب".to_owned()) && related.contains(&"لحساب".to_owned()),
            "{related:?}"
        );
        assert!(
            !related.contains(&"حساب".to_owned()),
            "the own stem is not repeated"
        );
        // The stem of the word with a proclitic, as the index has it: لهيئة is stemmed
        // لهي, which ل + the stem of هيئة (لهيي) would miss.
        let related = related_stems(&normalize("هيئة"));
        assert!(related.contains(&fahras("لهيئة")), "{related:?}");
        // Not where the longer word loses a suffix the shorter keeps: بلغات is stemmed بلغ
        // ("reached"), no form of لغات ("languages").
        let related = related_stems(&normalize("لغات"));
        assert!(!related.contains(&fahras("بلغ")), "{related:?}");
        assert!(related_stems("telegram").is_empty());
        // One letter gets no proclitic: بد is not a form of د.
        assert!(related_stems(&normalize("د")).is_empty());
        // Too short a rest: بلد is not ب + لد.
        assert!(!related_stems(&normalize("بلد")).contains(&"لد".to_owned()));
    }

    #[test]
    fn keep_lists_load_and_are_normalized() {
        assert!(keep_prefix().contains("وزير") && keep_prefix().contains("وكال"));
        assert!(keep_suffix().contains("فلسطين") && keep_suffix().contains("قران"));
        assert!(keep_suffix().iter().all(|w| normalize(w) == *w));
    }
}
