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
use rustc_hash::FxHashMap;
use std::fmt;

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
    by_form: FxHashMap<String, Vec<usize>>,
    /// The stem of a form, of [`MIN_STEM_LETTERS`] or more → the nouns.
    by_stem: FxHashMap<String, Vec<usize>>,
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
            if !line.starts_with('#') {
                let forms = forms_of(line);
                if forms.len() >= 2 {
                    plurals.add(forms);
                }
            }
        }
        plurals
    }

    /// Adds the nouns of a site's list (the format of `data/plurals.txt`), more strictly than
    /// [`Plurals::parse`]: a line that names fewer than two forms is an error, since it can
    /// only be a mistake (a form forgotten, or the forms joined by a comma). On error
    /// nothing is added.
    pub fn extend(&mut self, text: &str) -> Result<(), PluralError> {
        let mut nouns = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |problem: String| PluralError {
                line: i + 1,
                problem,
            };
            if let Some(word) = line.split_whitespace().find(|w| {
                let form = normalize(w);
                form.is_empty() || !form.chars().all(char::is_alphabetic)
            }) {
                return Err(error(format!(
                    "«{word}» is not a word of letters; separate the forms with spaces"
                )));
            }
            let forms = forms_of(line);
            if forms.len() < 2 {
                return Err(error(format!(
                    "«{line}» names one form; give the noun's singular and its plural(s)"
                )));
            }
            nouns.push(forms);
        }
        for forms in nouns {
            self.add(forms);
        }
        Ok(())
    }

    /// Adds one noun: its distinct normalized forms (two or more).
    fn add(&mut self, forms: Vec<String>) {
        let id = self.nouns.len();
        for form in &forms {
            let add = |map: &mut FxHashMap<String, Vec<usize>>, key: &str| {
                let ids = map.entry(key.to_owned()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            };
            add(&mut self.by_form, form);
            let s = stem::stem(form);
            if s.chars().count() >= MIN_STEM_LETTERS {
                add(&mut self.by_stem, s);
            }
        }
        self.nouns.push(forms);
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

/// The distinct normalized forms of a line.
fn forms_of(line: &str) -> Vec<String> {
    let mut forms: Vec<String> = Vec::new();
    for form in line.split_whitespace().map(normalize) {
        if !form.is_empty() && !forms.contains(&form) {
            forms.push(form);
        }
    }
    forms
}

/// A line of a site's plural list that cannot be read ([`Plurals::extend`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluralError {
    /// The line number (1 for the first line).
    pub line: usize,
    /// What is wrong with it.
    pub problem: String,
}

impl fmt::Display for PluralError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "fahras: plural list, line {}: {}; each line is one noun's forms separated by \
             spaces, singular first (a `#` line is a comment)",
            self.line, self.problem
        )
    }
}

impl std::error::Error for PluralError {}

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
    fn a_site_adds_nouns_and_a_bad_line_adds_nothing() {
        let mut list = Plurals::default_set();
        let before = list.len();
        assert_eq!(list.other_forms(&normalize("صاروخ")), Vec::<&str>::new());
        list.extend("# the site's nouns\n\nصاروخ صواريخ\nحي أحياء\n")
            .unwrap();
        assert_eq!(list.len(), before + 2);
        assert_eq!(list.other_forms(&normalize("بالصاروخ")), vec!["صواريخ"]);
        assert_eq!(list.other_forms(&normalize("الصواريخ")), vec!["صاروخ"]);
        assert_eq!(list.other_forms(&normalize("أحياء")), vec!["حي"]);

        for (text, line, says) in [
            ("خيمة خيام\nخيمة\n", 2, "names one form"),
            ("خيمة, خيام\n", 1, "not a word of letters"),
            ("خيمة خيام2\n", 1, "not a word of letters"),
            ("خيمة خيمه\n", 1, "names one form"), // one form once normalized
        ] {
            let mut list = Plurals::default_set();
            let err = list.extend(text).unwrap_err();
            assert_eq!(err.line, line, "{text}");
            assert!(err.to_string().contains(says), "{text}: {err}");
            assert!(err.to_string().contains("plural list, line"), "{err}");
            assert_eq!(list.len(), before, "nothing added: {text}");
            assert!(list.other_forms(&normalize("خيمة")).is_empty());
        }
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
