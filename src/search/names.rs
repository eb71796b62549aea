//! The index's entities' names as a query meets them: a reader may type an entity's Latin
//! name (BBC, Amber Rudd), a person's surname or given name alone (Durov, Pavel), or
//! another of its Arabic names (أمبر رود, as the facet shows it), where the articles write
//! an Arabic name (هيئة الإذاعة البريطانية, أمبر ريد, دوروف). Built once from
//! the facet values' labels and other names (index format 5); the searcher turns what it
//! finds here into phrase alternatives (`Searcher::label_alternatives`).

use super::{analyzed_key, MIN_TYPED_LABEL_CHARS};
use crate::index::Index;
use crate::text::Analyzer;
use rustc_hash::{FxHashMap, FxHashSet};

/// The entities' Arabic names by their Latin names, and the words of the Arabic names.
#[derive(Debug, Default)]
pub struct EntityNames {
    /// Each Latin name of an entity, as analyzed terms joined by spaces (`bbc`, `amber
    /// rudd`) → its Arabic names as written (`هيئة الإذاعة البريطانية`; `أمبر رود`, `أمبر
    /// ريد`, `آمبر رود`). A name the alias list knows (Europol, BBC) gives its display name
    /// only: its listed spellings are matched through the list, as when they are typed in
    /// Arabic, so the order of the results does not depend on the script typed.
    latin: FxHashMap<String, Vec<String>>,
    /// A person's surname or given name alone (`durov` → `دوروف`, `pavel` → `بافيل`, of
    /// Pavel Durov, بافيل دوروف): the last words of a Latin and an Arabic name, and the
    /// first ones, when both have two words or more and the Latin word is neither a stop
    /// word nor a month's name (Theresa May's «May» is the month).
    name_words: FxHashMap<String, Vec<String>>,
    /// The analyzed words of every Arabic name: a spelling the taxonomy lists is not
    /// corrected by "did you mean" (تيريزا, though the article writes تريزا).
    arabic_words: FxHashSet<String>,
    /// Each Arabic name of several words, analyzed (`امبر رود`) → the entity's other Arabic
    /// names as written (`أمبر ريد`): a reader who types the name the facet shows finds
    /// the articles that write another.
    arabic: FxHashMap<String, Vec<String>>,
}

impl EntityNames {
    /// The names of `index`'s facet values that have both an Arabic and an English label.
    pub fn new(index: &Index, analyzer: &Analyzer) -> Self {
        let mut names = EntityNames::default();
        for facet in index.facets() {
            for value in &facet.values {
                let (Some(en), Some(ar)) = (&value.label_en, &value.label_ar) else {
                    continue;
                };
                let others =
                    |latin: bool| value.names.iter().filter(move |n| n.is_ascii() == latin);
                // The display name first.
                let arabic: Vec<(&String, String)> = std::iter::once(ar)
                    .chain(others(false))
                    .map(|a| (a, analyzed_key(analyzer, a)))
                    .filter(|(_, key)| !key.is_ascii())
                    .collect();
                for (_, key) in &arabic {
                    names.arabic_words.extend(key.split(' ').map(str::to_owned));
                    if key.contains(' ') {
                        for (other, other_key) in &arabic {
                            if other_key != key {
                                add(&mut names.arabic, key.clone(), (*other).clone());
                            }
                        }
                    }
                }
                for latin in std::iter::once(en).chain(others(true)) {
                    let key = analyzed_key(analyzer, latin);
                    if key.is_empty() || !key.is_ascii() {
                        continue;
                    }
                    let listed = !analyzer.alias_expansions(&key).is_empty();
                    let shown = if listed {
                        arabic.len().min(1)
                    } else {
                        arabic.len()
                    };
                    for (name, ar_key) in &arabic[..shown] {
                        if facet.name == "person" {
                            names.add_name_words(analyzer, &key, ar_key);
                        }
                        add(&mut names.latin, key.clone(), (*name).clone());
                    }
                }
            }
        }
        names
    }

    /// Adds the first and the last words of a person's Latin and Arabic names.
    fn add_name_words(&mut self, analyzer: &Analyzer, latin: &str, arabic: &str) {
        let first = latin.split_once(' ').zip(arabic.split_once(' '));
        let last = latin.rsplit_once(' ').zip(arabic.rsplit_once(' '));
        let ends = [
            first.map(|(l, a)| (l.0, a.0)),
            last.map(|(l, a)| (l.1, a.1)),
        ];
        for (latin, arabic) in ends.into_iter().flatten() {
            let known =
                analyzer.is_stop_word(latin) || crate::dates::month_named(latin, None).is_some();
            if !known && latin.len() >= MIN_TYPED_LABEL_CHARS {
                add(&mut self.name_words, latin.to_owned(), arabic.to_owned());
            }
        }
    }

    /// Are there no names (an index without entities)?
    pub fn is_empty(&self) -> bool {
        self.latin.is_empty() && self.arabic.is_empty()
    }

    /// The Arabic names of an analyzed Latin name, or of a person's surname or given name.
    pub fn arabic_names(&self, key: &str) -> Option<&Vec<String>> {
        self.latin.get(key).or_else(|| self.name_words.get(key))
    }

    /// An entity's other Arabic names, for an analyzed Arabic name of several words.
    pub fn other_arabic_names(&self, key: &str) -> Option<&Vec<String>> {
        self.arabic.get(key)
    }

    /// The Arabic names of the first `limit` Latin names (and name words), in order, that an
    /// analyzed Latin text being typed begins (Raqq → Raqqa).
    pub fn arabic_names_begun(&self, key: &str, limit: usize) -> Vec<&String> {
        let mut begun: Vec<(&String, &Vec<String>)> = self
            .latin
            .iter()
            .chain(&self.name_words)
            .filter(|(k, _)| k.starts_with(key))
            .collect();
        begun.sort_unstable();
        begun.truncate(limit);
        begun.into_iter().flat_map(|(_, names)| names).collect()
    }

    /// Is this analyzed word a word of an entity's Arabic name?
    pub fn is_arabic_word(&self, term: &str) -> bool {
        self.arabic_words.contains(term)
    }
}

/// Adds `name` to the names of `key`, once.
fn add(map: &mut FxHashMap<String, Vec<String>>, key: String, name: String) {
    let names = map.entry(key).or_default();
    if !names.contains(&name) {
        names.push(name);
    }
}
