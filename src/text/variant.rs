//! Variant keys for foreign names and loanwords, which Arabic writers spell many ways:
//! تيليجرام / تليجرام / تيلجرام / تيليغرام / تلغرام all mean Telegram, and فيس بوك is
//! فيسبوك.
//!
//! The key ([`skeleton`]) is a consonant skeleton of the word after its proclitics:
//! - the letters that write a foreign /g/ become one letter (ج غ ق ك → ك), as does ط → ت
//!   (normalization already made ڤ ف, پ ب, گ ك, چ ج);
//! - تش (ch) becomes ش; the long vowels ا و ي and the hamza ء are dropped, except as the first letter (long
//!   vowels are optional in transliteration: يوتيوب / يوتوب);
//! - a doubled letter is written once, and a final ه (from ة) is dropped.
//!
//! Such a key merges spellings of one name but would also merge distinct native words
//! (جامعة and جمعة, مجال and مقال, حكومة and حكمة). Two things keep that from hurting:
//! - **the gate**: only words that [look foreign](looks_foreign) get a key, and a word looks
//!   foreign when it spells a name of the alias list (`data/aliases.tsv`, which a site can
//!   extend): a listed spelling, or another spelling with the same key, provided the key has
//!   at least four letters and is not the key of the word without a suffix (so تيليقرام is
//!   Telegram, but نشرها and أعماقها are not spellings of ناشر and أعماق). Rules on the
//!   shape of words (long vowels after the first letter, a final و…) were measured and
//!   rejected: they gave a key to about 1 % of native words for a handful of unlisted names
//!   (figures in ARCHITECTURE.md);
//! - **the tier**: the search uses a variant key only as a lower-scored expansion, never as an
//!   exact match, so a native word is never merged with another at full weight.
//!
//! Split and joined spellings (فيس بوك / فيسبوك) meet through [`joined_variant_key`], the key
//! of two adjacent words written as one, under the same gate: ordinary pairs of adjacent words
//! get none.

use super::aliases::Aliases;
use super::is_arabic_letter;
use super::stem::strip_article_clusters;
use std::sync::OnceLock;

/// Fewest letters in a key (shorter skeletons merge too many words).
const MIN_KEY_LETTERS: usize = 3;

/// Fewest letters in the word a key is made from.
const MIN_BASE_LETTERS: usize = 4;

fn default_aliases() -> &'static Aliases {
    static ALIASES: OnceLock<Aliases> = OnceLock::new();
    ALIASES.get_or_init(Aliases::default_set)
}

/// The consonant skeleton of a word whose proclitics were removed, or `None` when the word
/// is not Arabic, has fewer than four letters, or leaves fewer than three in the key. No gate:
/// see [`variant_key`].
pub fn skeleton(base: &str) -> Option<String> {
    let first = base.chars().next()?;
    if !is_arabic_letter(first)
        || base.chars().count() < MIN_BASE_LETTERS
        || !base.chars().all(is_arabic_letter)
    {
        return None;
    }
    let key = raw_skeleton(base);
    (key.chars().count() >= MIN_KEY_LETTERS).then_some(key)
}

/// The skeleton of any word, without the length checks of [`skeleton`].
pub(crate) fn raw_skeleton(base: &str) -> String {
    let mut key = String::with_capacity(base.len());
    // The previous letter of the word (a dropped vowel included): only a letter written twice
    // in a row is written once (فيلليب), not one repeated across a vowel (جوجل).
    let mut previous = None;
    for (i, c) in base.chars().enumerate() {
        let folded = match c {
            'ج' | 'غ' | 'ق' | 'ك' => 'ك',
            'ط' => 'ت',
            c => c,
        };
        if folded == 'ت' && next_is(base, i, 'ش') {
            // "ch" is written تش or ش (سناب تشات / سناب شات).
            previous = Some(folded);
            continue;
        }
        let repeated = previous == Some(folded);
        previous = Some(folded);
        if (i > 0 && matches!(folded, 'ا' | 'و' | 'ي' | 'ء')) || repeated {
            continue;
        }
        key.push(folded);
    }
    if key.chars().count() > MIN_KEY_LETTERS && key.ends_with('ه') {
        key.pop();
    }
    key
}

/// Is the letter after the `i`-th letter of `word` equal to `c`?
fn next_is(word: &str, i: usize, c: char) -> bool {
    word.chars().nth(i + 1) == Some(c)
}

/// The bases a key may be made from: the term without an article cluster (وال, بال, لل…),
/// then without a conjunction و or ف, then without a preposition ب ل ك (وتيليغرام,
/// لتيليجرام; واتساب keeps its و since the alias list knows it). The alias list decides which
/// base, if any, is a name.
pub(crate) fn key_bases(term: &str) -> Vec<&str> {
    let base = strip_article_clusters(term);
    let mut bases = vec![base];
    let long = |s: &str| s.chars().count() >= MIN_BASE_LETTERS;
    let mut rest = base;
    if let Some(r) = rest.strip_prefix(['و', 'ف']).filter(|r| long(r)) {
        bases.push(r);
        rest = r;
    }
    if let Some(r) = rest.strip_prefix(['ب', 'ل', 'ك']).filter(|r| long(r)) {
        bases.push(r);
    }
    bases
}

/// The variant key of a term that names something in the alias list.
fn key_with(aliases: &Aliases, term: &str) -> Option<String> {
    key_bases(term)
        .into_iter()
        .find_map(|base| aliases.listed_key(base))
}

/// The consonant skeleton of a normalized term without its proclitics, with no gate: for
/// callers that decide themselves which words are foreign (the entity taxonomy's `loanword`
/// entities). The index and the search use the gated [`variant_key`].
pub fn spelling_key(term: &str) -> Option<String> {
    let base = strip_article_clusters(term);
    match base.strip_prefix('و') {
        Some(rest) if rest.chars().count() >= MIN_BASE_LETTERS => skeleton(rest),
        _ => skeleton(base),
    }
}

/// The skeletons a word still being typed may begin a name's variant key with: its
/// [`spelling_key`], and for a base of three letters (with or without a conjunction و) its
/// skeleton when all three letters show in it: a reader who has typed «تلغ» has typed the
/// first three consonants of تلغرام (key تلكرم). Three letters are too few for a
/// [`spelling_key`], which also names whole words.
pub fn typed_prefix_keys(term: &str) -> Vec<String> {
    let mut keys: Vec<String> = spelling_key(term).into_iter().collect();
    let base = strip_article_clusters(term);
    for b in [Some(base), base.strip_prefix('و')].into_iter().flatten() {
        if b.chars().count() == 3 && b.chars().all(is_arabic_letter) {
            let key = raw_skeleton(b);
            if key.chars().count() == 3 && !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys
}

/// Does this normalized term look like a foreign name or loanword (see the module
/// documentation)? Judged with the default alias list.
pub fn looks_foreign(term: &str) -> bool {
    looks_foreign_with(default_aliases(), term)
}

/// [`looks_foreign`] with a given alias list.
pub fn looks_foreign_with(aliases: &Aliases, term: &str) -> bool {
    key_with(aliases, term).is_some()
}

/// The variant key of a normalized term, or `None` when it does not look foreign, is too
/// short, or is not Arabic. Judged with the default alias list.
pub fn variant_key(term: &str) -> Option<String> {
    key_with(default_aliases(), term)
}

/// [`variant_key`] with a given alias list.
pub fn variant_key_with(aliases: &Aliases, term: &str) -> Option<String> {
    key_with(aliases, term)
}

/// The variant key of two adjacent normalized terms read as one word (فيس + بوك → the key
/// of فيسبوك), or `None` unless the joined word is a name the default alias list knows. The
/// first term may carry proclitics (والفيس + بوك).
pub fn joined_variant_key(first: &str, second: &str) -> Option<String> {
    joined_variant_key_with(default_aliases(), first, second)
}

/// [`joined_variant_key`] with a given alias list.
pub fn joined_variant_key_with(aliases: &Aliases, first: &str, second: &str) -> Option<String> {
    // A one-letter second word (the conjunction و) is never half of a name: its letter would
    // vanish into the skeleton and make any name + و look like a split name.
    if !second.chars().all(is_arabic_letter) || second.chars().count() < 2 {
        return None;
    }
    for base in key_bases(first) {
        if !base.chars().all(is_arabic_letter) {
            return None;
        }
        if let Some(key) = aliases.listed_key(&format!("{base}{second}")) {
            return Some(key);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize;

    fn key(s: &str) -> Option<String> {
        variant_key(&normalize(s))
    }

    fn joined(a: &str, b: &str) -> Option<String> {
        joined_variant_key(&normalize(a), &normalize(b))
    }

    #[test]
    fn spellings_of_one_name_share_a_key() {
        let groups: &[&[&str]] = &[
            &[
                "تيليجرام",
                "التيليجرام",
                "تليجرام",
                "تيلجرام",
                "تيليغرام",
                "وتيليغرام",
                "تلغرام",
                "تلجرام",
                "للتيليجرام",
            ],
            &["إنستاغرام", "انستجرام", "إنستجرام", "انستغرام", "انستقرام"],
            &["يوتيوب", "يوتوب", "اليوتيوب"],
            &["جوجل", "غوغل", "قوقل", "كوكل", "گوگل"],
            &["واتساب", "الواتساب"],
            &["فيسبوك", "الفيسبوك", "وفيسبوك"],
            &["سيجنال", "سيغنال"],
            &["بروكنجز", "بروكينجز", "بروكينغز"],
        ];
        for group in groups {
            let first = key(group[0]);
            assert!(first.is_some(), "{} has a key", group[0]);
            for word in &group[1..] {
                assert_eq!(key(word), first, "{word} ~ {}", group[0]);
            }
        }
    }

    #[test]
    fn split_and_joined_spellings_share_a_key() {
        let cases: &[(&str, &str, &str)] = &[
            ("فيس", "بوك", "فيسبوك"),
            ("والفيس", "بوك", "فيسبوك"),
            ("تيك", "توك", "تيكتوك"),
            ("واتس", "آب", "واتساب"),
            ("واتس", "اب", "واتساب"),
            ("سناب", "شات", "سنابشات"),
            ("جوجل", "بلس", "جوجلبلس"),
            ("غوغل", "بلس", "جوجلبلس"),
            ("تام", "تام", "تامتام"),
        ];
        for (a, b, one) in cases {
            let pair = joined(a, b);
            assert!(pair.is_some(), "{a} {b} has a joined key");
            assert_eq!(pair, skeleton(&normalize(one)), "{a} {b} ~ {one}");
        }
        assert_eq!(joined("فيس", "بوك"), key("فيسبوك"));
        assert_eq!(joined("تيك", "توك"), key("تيكتوك"));
    }

    #[test]
    fn ordinary_adjacent_words_have_no_joined_key() {
        for (a, b) in [
            ("في", "العالم"),
            ("تنظيم", "داعش"),
            ("مواقع", "التواصل"),
            ("حذف", "الحسابات"),
            ("2017", "تام"),
        ] {
            assert_eq!(joined(a, b), None, "{a} {b}");
        }
    }

    #[test]
    fn the_skeleton_folds_g_letters_and_long_vowels() {
        let cases: &[(&str, Option<&str>)] = &[
            ("تيليجرام", Some("تلكرم")),
            ("تلغرام", Some("تلكرم")),
            ("يوتيوب", Some("يتب")),
            ("جوجل", Some("ككل")),
            ("تامتام", Some("تمتم")),
            ("مسؤول", Some("مسل")),
            ("مسئول", Some("مسل")),
            ("في", None),
            ("2017", None),
            ("telegram", None),
        ];
        for (word, want) in cases {
            assert_eq!(
                skeleton(&normalize(word)).as_deref(),
                *want,
                "skeleton({word})"
            );
        }
    }

    #[test]
    fn native_words_with_colliding_skeletons_get_no_key() {
        // Each pair has one skeleton: without the gate they would merge.
        let pairs: &[(&str, &str)] = &[
            ("جامعة", "جمعة"),
            ("مجال", "مقال"),
            ("حكومة", "حكمة"),
            ("جمال", "كمال"),
            ("غربية", "قريبة"),
            ("سجين", "سكين"),
            ("قرار", "جرار"),
            ("قانون", "كانون"),
            ("مدينة", "مدنية"),
            ("سلام", "سليم"),
            ("جدار", "قدرة"),
            ("كتاب", "كتيب"),
        ];
        for (a, b) in pairs {
            let (a, b) = (normalize(a), normalize(b));
            assert_eq!(
                skeleton(crate::text::stem::strip_proclitics(&a)),
                skeleton(crate::text::stem::strip_proclitics(&b)),
                "{a} {b} collide without the gate"
            );
            assert_eq!(variant_key(&a), None, "{a} gets no key");
            assert_eq!(variant_key(&b), None, "{b} gets no key");
        }
    }

    #[test]
    fn short_words_numbers_and_latin_have_no_key() {
        assert_eq!(key("في"), None);
        assert_eq!(key("2017"), None);
        assert_eq!(key("telegram"), None);
        assert_eq!(key("تام"), None);
    }

    #[test]
    fn a_typed_prefix_of_three_consonants_is_a_key_prefix() {
        assert_eq!(typed_prefix_keys("تلغ"), ["تلك"]);
        assert_eq!(typed_prefix_keys("وتلغ"), ["وتلك", "تلك"]);
        // Its vowels leave two letters: too few to begin anything.
        assert!(typed_prefix_keys("تيل").is_empty());
        assert!(typed_prefix_keys("تل").is_empty());
        // Four letters and more: the spelling key.
        assert_eq!(typed_prefix_keys("تيليج"), [spelling_key("تيليج").unwrap()]);
    }
}
