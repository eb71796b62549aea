//! Variant keys for foreign names and loanwords, which Arabic writers spell many ways:
//! تيليجرام / تليجرام / تيلجرام / تيليغرام / تلغرام all mean Telegram.
//!
//! The key is a consonant skeleton of the word after its proclitics are removed:
//! - the letters that write a foreign /g/ (ج غ ق ك) become one letter, as do ف/ڤ (v/f) and
//!   ب/پ (p/b) (Persian letters were already folded by normalization);
//! - the long vowels ا و ي are dropped except as the first letter;
//! - a final ه (from ة) is dropped.
//!
//! Such a key merges spellings of one name but can also merge two different native words,
//! so the search uses it only as a lower-scored expansion, never as an exact match.

use super::stem::strip_proclitics;

/// Minimum number of letters in the key (shorter skeletons merge too many words).
const MIN_KEY_LETTERS: usize = 3;

/// The variant key of a normalized Arabic word, or `None` for words too short to have a
/// useful key, numbers and non-Arabic words.
pub fn variant_key(normalized: &str) -> Option<String> {
    let base = strip_proclitics(normalized);
    let first = base.chars().next()?;
    if !('\u{0621}'..='\u{064A}').contains(&first) || base.chars().count() < 4 {
        return None;
    }
    let mut key = String::with_capacity(base.len());
    for (i, c) in base.chars().enumerate() {
        let folded = match c {
            'ج' | 'غ' | 'ق' | 'ك' => 'ك',
            'ا' | 'و' | 'ي' if i > 0 => continue,
            c => c,
        };
        key.push(folded);
    }
    if key.chars().count() > MIN_KEY_LETTERS && key.ends_with('ه') {
        key.pop();
    }
    (key.chars().count() >= MIN_KEY_LETTERS).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize;

    fn key(s: &str) -> Option<String> {
        variant_key(&normalize(s))
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
                "تلغرام",
                "تلجرام",
            ],
            &["إنستاغرام", "انستجرام", "انستغرام"],
            &["يوتيوب", "يوتوب"],
            &["جوجل", "غوغل", "قوقل"],
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
    fn short_words_and_numbers_have_no_key() {
        assert_eq!(key("في"), None);
        assert_eq!(key("2017"), None);
        assert_eq!(key("telegram"), None);
    }
}
