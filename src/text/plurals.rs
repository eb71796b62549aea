//! Broken plurals: nouns whose plural is another pattern of the root (قناة → قنوات, موقع →
//! مواقع, رسالة → رسائل), which no light stemmer brings together. A reader who types
//! «قناة» means the channels too.
//!
//! The list is `data/plurals.txt`: one noun per line, its forms separated by spaces. A
//! normalized query word that is a form of a listed noun (with its clitics: بالقنوات,
//! لقناة) gets the noun's other forms ([`Plurals::other_forms`]); the search looks up their
//! stems at the stem tier. Query time only: the index is the same with or without the list.
//!
//! A word is recognized by its stem, or, when that stem is shorter than
//! [`MIN_STEM_LETTERS`], only as a listed form itself: the stem of سنة is سن, which is also
//! «age», so سن does not find سنوات but سنة and السنة do.

use super::normalize::normalize;
use super::stem;
use std::collections::HashMap;

/// `data/plurals.txt` without its comment lines (written by `build.rs`).
const DEFAULT: &str = include_str!(concat!(env!("OUT_DIR"), "/plurals.txt"));

/// Shortest stem by which a word is recognized as a form of a listed noun (see the module
/// documentation).
pub const MIN_STEM_LETTERS: usize = 3;

/// The broken-plural list, looked up by normalized word.
#[derive(Debug, Clone, Default)]
pub struct Plurals {
    /// Each noun's forms, normalized.
    nouns: Vec<Vec<String>>,
    /// A form without its proclitics → the nouns it is a form of.
    by_form: HashMap<String, Vec<usize>>,
    /// The stem of a form, of [`MIN_STEM_LETTERS`] or more → the nouns.
    by_stem: HashMap<String, Vec<usize>>,
}

impl Plurals {
    /// The list shipped with fahras (`data/plurals.txt`).
    pub fn default_set() -> Self {
        Self::parse(DEFAULT)
    }

    /// Reads a list in the format of `data/plurals.txt`. A line of one form says nothing and
    /// is skipped; there is no other way for a line to be wrong.
    pub fn parse(text: &str) -> Self {
        let mut plurals = Plurals::default();
        for line in text.lines().map(str::trim) {
            if line.starts_with('#') {
                continue;
            }
            let mut forms: Vec<String> = line.split_whitespace().map(normalize).collect();
            forms.dedup();
            if forms.len() < 2 {
                continue;
            }
            let id = plurals.nouns.len();
            for form in &forms {
                let add = |map: &mut HashMap<String, Vec<usize>>, key: &str| {
                    let ids = map.entry(key.to_owned()).or_default();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                };
                add(&mut plurals.by_form, form);
                let s = stem::stem(form);
                if s.chars().count() >= MIN_STEM_LETTERS {
                    add(&mut plurals.by_stem, s);
                }
            }
            plurals.nouns.push(forms);
        }
        plurals
    }

    /// Number of nouns in the list.
    pub fn len(&self) -> usize {
        self.nouns.len()
    }

    /// Is the list empty?
    pub fn is_empty(&self) -> bool {
        self.nouns.is_empty()
    }

    /// The forms of the other number of the nouns a normalized word is a form of, normalized
    /// and without clitics (for «بالقنوات»: قناه; for «رسالة»: رسايل). The word is read as it
    /// is and without a single-letter preposition (لقناة is ل + قناة). Empty for a word the
    /// list does not know.
    pub fn other_forms(&self, term: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let readings = std::iter::once(term).chain(stem::without_loose_proclitic(term));
        for word in readings {
            let bare = stem::strip_proclitics(word);
            let word_stem = stem::stem(word);
            let ids = self
                .by_form
                .get(bare)
                .into_iter()
                .chain(self.by_stem.get(word_stem))
                .flatten();
            for &id in ids {
                for form in &self.nouns[id] {
                    if form != bare
                        && stem::stem(form) != word_stem
                        && !out.contains(&form.as_str())
                    {
                        out.push(form);
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn others(term: &str) -> Vec<&'static str> {
        use std::sync::OnceLock;
        static LIST: OnceLock<Plurals> = OnceLock::new();
        LIST.get_or_init(Plurals::default_set)
            .other_forms(&normalize(term))
    }

    #[test]
    fn the_default_list_loads_every_line() {
        let lines = DEFAULT
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(Plurals::default_set().len(), lines);
        assert!(lines > 50);
    }

    #[test]
    fn a_singular_finds_its_plural_and_back() {
        assert_eq!(others("قناة"), vec!["قنوات"]);
        assert_eq!(others("قنوات"), vec!["قناه"]);
        assert_eq!(others("رسائل"), vec!["رساله"]);
        assert_eq!(others("شهر"), vec!["اشهر", "شهور"]);
    }

    #[test]
    fn clitics_are_read_through() {
        assert_eq!(others("بالقنوات"), vec!["قناه"]);
        assert_eq!(others("والمواقع"), vec!["موقع"]);
        assert_eq!(others("لقناة"), vec!["قنوات"]);
        assert_eq!(others("رسائلهم"), vec!["رساله"]);
    }

    #[test]
    fn a_short_stem_counts_only_as_a_listed_form() {
        // سنة is stemmed سن, also «age».
        assert_eq!(others("السنة"), vec!["سنوات"]);
        assert!(others("سن").is_empty());
    }

    #[test]
    fn other_words_get_nothing() {
        for word in ["تيليجرام", "داعش", "حساب", "", "telegram", "٢٠١٩"] {
            assert!(others(word).is_empty(), "{word}");
        }
    }

    #[test]
    fn a_line_of_one_form_is_skipped() {
        let list = Plurals::parse("# comment\nقناة\n\nموقع مواقع\n");
        assert_eq!(list.len(), 1);
        assert_eq!(list.other_forms("مواقع"), vec!["موقع"]);
    }
}
