//! Cross-script aliases: a reader may type "Telegram" for تيليجرام, or تلغرام for a site that
//! writes Telegram. An [`Aliases`] list maps Latin names to the Arabic spellings news sites
//! use, and answers both ways on normalized terms ([`Aliases::expansions`]).
//!
//! The default list is `data/aliases.tsv`; a site can extend it with its own text in the same
//! format ([`Aliases::parse`], [`Aliases::extend`]):
//!
//! ```text
//! # comment
//! Telegram<TAB>تيليجرام, تليجرام, تيلجرام
//! Twitter, X<TAB>تويتر, إكس
//! ```
//!
//! One entity per line: Latin names, a TAB, Arabic spellings; names and spellings separated by
//! commas; a spelling may have several words (فيس بوك). Arabic spellings match through their
//! [variant keys](super::variant) as well, so an unlisted spelling of a listed name (تيليكرام)
//! finds the Latin name too. The list also tells the variant gate which words are foreign
//! ([`Aliases::listed_key`]).

use super::is_arabic_letter;
use super::normalize::normalize;
use super::variant;
use rustc_hash::FxHashMap;
use std::fmt;

/// `data/aliases.tsv` without its comment lines (written by `build.rs`).
const DEFAULT: &str = include_str!(concat!(env!("OUT_DIR"), "/aliases.tsv"));

/// The fewest letters (after the article) of a word being typed that
/// [`Aliases::begun_spelling_keys`] reads as the beginning of a listed spelling.
pub const MIN_BEGUN_LETTERS: usize = 3;

/// A malformed line of an alias list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasError {
    /// The line number (1 for the first line).
    pub line: usize,
    /// What is wrong with it.
    pub problem: String,
}

impl fmt::Display for AliasError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "fahras: alias list, line {}: {}; each line is `Latin names<TAB>Arabic spellings`, \
             both comma-separated (a `#` line is a comment)",
            self.line, self.problem
        )
    }
}

impl std::error::Error for AliasError {}

/// One entity: its Latin names and Arabic spellings, normalized (words joined by one space).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entity {
    latin: Vec<String>,
    /// Each Latin name as the list writes it (`Telegram` for `telegram`).
    latin_written: Vec<String>,
    arabic: Vec<String>,
    /// The variant keys of its Arabic spellings (each once).
    keys: Vec<String>,
}

/// A list of cross-script aliases, looked up by normalized term.
#[derive(Debug, Clone, Default)]
pub struct Aliases {
    entities: Vec<Entity>,
    /// Normalized Latin name → entities.
    by_latin: FxHashMap<String, Vec<usize>>,
    /// Normalized Arabic spelling (joined, proclitics removed) → entities.
    by_arabic: FxHashMap<String, Vec<usize>>,
    /// Variant key of an Arabic spelling → entities.
    by_key: FxHashMap<String, Vec<usize>>,
    /// Each Arabic spelling (joined, without the article) and its entity, sorted: for
    /// [`Aliases::begun_spelling_keys`].
    begun: Vec<(String, usize)>,
}

impl Aliases {
    /// The list shipped with fahras (`data/aliases.tsv`).
    pub fn default_set() -> Self {
        Self::parse(DEFAULT).expect("data/aliases.tsv is well formed (tested)")
    }

    /// Parses an alias list (the format is in the module documentation).
    pub fn parse(text: &str) -> Result<Self, AliasError> {
        let mut aliases = Aliases::default();
        aliases.extend(text)?;
        Ok(aliases)
    }

    /// Adds the entities of another list; on error nothing is added.
    pub fn extend(&mut self, text: &str) -> Result<(), AliasError> {
        let mut parsed = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line_no = i + 1;
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let error = |problem: &str| AliasError {
                line: line_no,
                problem: problem.to_owned(),
            };
            let (latin, arabic) = line
                .split_once('\t')
                .ok_or_else(|| error("no TAB between the Latin names and the Arabic spellings"))?;
            if arabic.contains('\t') {
                return Err(error("more than one TAB"));
            }
            let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            // `(normalized, as written)` of each name of a side.
            let split = |side: &str| -> (Vec<String>, Vec<String>) {
                side.split([',', '،'])
                    .map(|s| (words(&normalize(s.trim())), words(s)))
                    .filter(|(s, _)| !s.is_empty())
                    .unzip()
            };
            let (latin, latin_written) = split(latin);
            let (arabic, _) = split(arabic);
            if latin.is_empty() {
                return Err(error("no Latin name before the TAB"));
            }
            if arabic.is_empty() {
                return Err(error("no Arabic spelling after the TAB"));
            }
            if let Some(name) = latin.iter().find(|n| n.chars().any(is_arabic_letter)) {
                return Err(error(&format!(
                    "the Latin name \"{name}\" contains Arabic letters (are the columns swapped?)"
                )));
            }
            if let Some(spelling) = arabic.iter().find(|s| !s.chars().any(is_arabic_letter)) {
                return Err(error(&format!(
                    "the Arabic spelling \"{spelling}\" has no Arabic letter"
                )));
            }
            parsed.push(Entity {
                latin,
                latin_written,
                arabic,
                keys: Vec::new(),
            });
        }
        for mut entity in parsed {
            let id = self.entities.len();
            for name in &entity.latin {
                push_unique(self.by_latin.entry(name.clone()).or_default(), id);
            }
            for spelling in &entity.arabic {
                let joined: String = spelling.split(' ').collect();
                let base = super::stem::strip_article_clusters(&joined);
                push_unique(self.by_arabic.entry(base.to_owned()).or_default(), id);
                if let Err(at) = self.begun.binary_search(&(base.to_owned(), id)) {
                    self.begun.insert(at, (base.to_owned(), id));
                }
                if let Some(key) = variant::skeleton(base) {
                    push_unique(self.by_key.entry(key.clone()).or_default(), id);
                    push_unique(&mut entity.keys, key);
                }
            }
            self.entities.push(entity);
        }
        Ok(())
    }

    /// Number of entities in the list.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Is the list empty?
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The other-script forms of a normalized term: for a Latin name (`telegram`, or a
    /// several-word name such as `google plus`), the normalized Arabic spellings of its
    /// entity (a spelling of several words keeps its spaces: `فيس بوك`); for an Arabic term
    /// (proclitics allowed: والتيليجرام) or any spelling with the same variant key
    /// (تيليكرام), the Latin names. Empty when the list does not know the term.
    pub fn expansions(&self, term: &str) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(ids) = self.by_latin.get(term) {
            for &id in ids {
                for spelling in &self.entities[id].arabic {
                    push_unique(&mut out, spelling.clone());
                }
            }
            return out;
        }
        for &id in &self.arabic_entities(term) {
            for name in &self.entities[id].latin {
                push_unique(&mut out, name.clone());
            }
        }
        out
    }

    /// The other Arabic spellings of the entities an Arabic term names (proclitics allowed:
    /// for وريوت, رايوت of Riot), normalized; a spelling of several words keeps its spaces.
    /// They are the same name even where no variant key joins them (رايوت and ريوت have
    /// a key of two letters, too short to be one). Empty for a term the list does not know.
    pub fn other_spellings(&self, term: &str) -> Vec<String> {
        let mut out = Vec::new();
        for id in self.arabic_entities(term) {
            for spelling in &self.entities[id].arabic {
                let spelling = crate::text::normalize(spelling);
                if spelling != term {
                    push_unique(&mut out, spelling);
                }
            }
        }
        out
    }

    /// The variant keys of every Arabic spelling of the entities an Arabic term names (for
    /// الأمريكيين: the key of أمريكا, أميركي… as well as that of أميركيين), so that a
    /// listed form finds the others however they are spelled. Empty for a term the list does
    /// not know.
    pub fn spelling_keys(&self, term: &str) -> Vec<String> {
        let mut keys = Vec::new();
        for id in self.arabic_entities(term) {
            for key in &self.entities[id].keys {
                push_unique(&mut keys, key.clone());
            }
        }
        keys
    }

    /// The variant keys of every Arabic spelling of the names a word being typed begins a
    /// listed spelling of (after its article: «تلي» begins تليجرام, so every spelling of
    /// Telegram, تلغرام too). At least [`MIN_BEGUN_LETTERS`] letters; empty otherwise.
    pub fn begun_spelling_keys(&self, typed: &str) -> Vec<String> {
        let base = super::stem::strip_article_clusters(typed);
        let mut keys = Vec::new();
        if base.chars().count() < MIN_BEGUN_LETTERS || !base.chars().all(is_arabic_letter) {
            return keys;
        }
        // The spellings it begins are a run of the sorted list.
        let from = self.begun.partition_point(|(s, _)| s.as_str() < base);
        for (_, id) in self.begun[from..]
            .iter()
            .take_while(|(s, _)| s.starts_with(base))
        {
            self.entities[*id]
                .keys
                .iter()
                .for_each(|k| push_unique(&mut keys, k.clone()));
        }
        keys
    }

    /// The Latin names of the entities that have an Arabic spelling of several words which
    /// the normalized `words` begin, as whole words (بي, بي بي: بي بي سي), or with the last
    /// one still being typed (`typing`: بي بي س). Fewer words than the spelling, or as many
    /// with the last unfinished: a spelling typed whole is matched as such. The first word
    /// needs two letters.
    pub fn multiword_names_begun(&self, words: &[&str], typing: bool) -> Vec<String> {
        let mut out = Vec::new();
        let Some((last, before)) = words.split_last() else {
            return out;
        };
        if words[0].chars().count() < 2 {
            return out;
        }
        for entity in &self.entities {
            let begun = entity.arabic.iter().any(|spelling| {
                if !spelling.contains(' ') {
                    return false;
                }
                let mut parts = spelling.split(' ');
                if !before.iter().all(|b| parts.next() == Some(*b)) {
                    return false;
                }
                let Some(part) = parts.next() else {
                    return false;
                };
                let more = parts.next().is_some();
                match typing {
                    true => part.starts_with(last) && (part != *last || more),
                    false => part == *last && more,
                }
            });
            if begun {
                entity
                    .latin
                    .iter()
                    .for_each(|n| push_unique(&mut out, n.clone()));
            }
        }
        out
    }

    /// The entities an Arabic term names, by spelling or by variant key.
    fn arabic_entities(&self, term: &str) -> Vec<usize> {
        if !term.chars().next().is_some_and(is_arabic_letter) {
            return Vec::new();
        }
        // A spelling of several words (آي مسج, a query's pair term) is listed joined.
        let joined: String;
        let term = if term.contains(' ') {
            joined = term.split(' ').collect();
            joined.as_str()
        } else {
            term
        };
        let mut ids = Vec::new();
        for base in variant::key_bases(term) {
            if let Some(found) = self.by_arabic.get(base) {
                found.iter().for_each(|&id| push_unique(&mut ids, id));
            } else if let Some(key) = self.unlisted_spelling_key(base) {
                self.by_key[&key]
                    .iter()
                    .for_each(|&id| push_unique(&mut ids, id));
            }
        }
        ids
    }

    /// The variant key of a base (a term without proclitics) that spells a listed name: a
    /// listed spelling, or another spelling of one (same key, of at least four letters, and
    /// not an inflected form whose suffix leaves no trace in the key: أعماقها is not a
    /// spelling of أعماق).
    pub fn listed_key(&self, base: &str) -> Option<String> {
        if self.by_arabic.contains_key(base) {
            return variant::skeleton(base);
        }
        self.unlisted_spelling_key(base)
    }

    fn unlisted_spelling_key(&self, base: &str) -> Option<String> {
        let key = variant::skeleton(base)?;
        let long_enough = key.chars().count() >= 4;
        // A word of consonants only (no long vowel or hamza for the skeleton to drop) is
        // written the way Arabic writes its own words: «أمرك» (your command) has America's
        // key, «أمسك» (he held) another name's, «وتسبب» (and caused) WhatsApp's once its
        // doubled letter is written once. A name spelled without its vowels (ترمب) is listed.
        let native_shape = !base
            .chars()
            .skip(1)
            .any(|c| matches!(c, 'ا' | 'و' | 'ي' | 'ء'));
        (long_enough
            && !native_shape
            && self.by_key.contains_key(&key)
            && !has_invisible_suffix(base, &key))
        .then_some(key)
    }

    /// The normalized Latin names of the list (`telegram`, `google plus`), in no order.
    pub fn latin_names(&self) -> impl Iterator<Item = &str> {
        self.by_latin.keys().map(String::as_str)
    }

    /// The list's Arabic spellings, normalized, without an article (one of several words
    /// joined: فيسبوك for فيس بوك), in no order.
    pub fn arabic_spellings(&self) -> impl Iterator<Item = &str> {
        self.by_arabic.keys().map(String::as_str)
    }

    /// A normalized Latin name as the list writes it (`telegram` → `Telegram`, `google plus`
    /// → `Google Plus`; the first line's form where several have it); `None` for a name the
    /// list does not have.
    pub fn written_latin(&self, name: &str) -> Option<&str> {
        let entity = &self.entities[*self.by_latin.get(name)?.first()?];
        let i = entity.latin.iter().position(|n| n == name)?;
        entity.latin_written.get(i).map(String::as_str)
    }

    /// Is this normalized term one of the list's own names: a Latin name, or an Arabic
    /// spelling as listed (proclitics allowed: لتلغرام)? Unlike [`Aliases::knows`], a
    /// spelling that only shares a listed one's variant key is not.
    pub fn lists(&self, term: &str) -> bool {
        if self.by_latin.contains_key(term) {
            return true;
        }
        let joined: String = term.split(' ').collect();
        variant::key_bases(&joined)
            .into_iter()
            .any(|base| self.by_arabic.contains_key(base))
    }

    /// Does the list name this normalized term (a Latin name, an Arabic spelling, or a
    /// spelling with the variant key of one)?
    pub fn knows(&self, term: &str) -> bool {
        self.by_latin.contains_key(term) || !self.arabic_entities(term).is_empty()
    }
}

/// Is the word an inflected form whose suffix (ات ون ين وا ها هم هما كم نا ه) leaves no trace
/// in its skeleton, so that only the stem matched a listed key (أعماقها is not a spelling of
/// أعماق)? A name that merely ends in such letters (ماستودون) keeps them in its key.
fn has_invisible_suffix(base: &str, key: &str) -> bool {
    ["ات", "ون", "ين", "وا", "ها", "هم", "هما", "كم", "نا", "ه"]
        .iter()
        .any(|suffix| {
            base.strip_suffix(suffix)
                .is_some_and(|rest| rest.chars().count() >= 3 && variant::raw_skeleton(rest) == key)
        })
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_being_typed_gets_the_keys_of_the_names_it_begins_a_spelling_of() {
        let aliases = Aliases::default_set();
        let telegram = aliases.spelling_keys("تلغرام");
        assert!(!telegram.is_empty());
        for typed in ["تلي", "تيلي", "التيلي", "تلغر"] {
            let keys = aliases.begun_spelling_keys(typed);
            assert!(
                telegram.iter().all(|k| keys.contains(k)),
                "{typed}: {keys:?}"
            );
        }
        // Two letters say too little; a word that begins no spelling gets nothing.
        assert!(aliases.begun_spelling_keys("تل").is_empty());
        assert!(aliases.begun_spelling_keys("بينم").is_empty());
        assert!(aliases.begun_spelling_keys("tele").is_empty());
    }

    #[test]
    fn words_that_begin_a_spelling_of_several_words_name_it() {
        let aliases = Aliases::default_set();
        let bbc = vec!["bbc".to_owned()];
        assert_eq!(aliases.multiword_names_begun(&["بي"], false), bbc);
        assert_eq!(aliases.multiword_names_begun(&["بي", "بي"], false), bbc);
        assert_eq!(aliases.multiword_names_begun(&["بي", "بي", "س"], true), bbc);
        // The whole spelling is not begun (it is matched as itself); nor is another word.
        assert!(aliases
            .multiword_names_begun(&["بي", "بي", "سي"], false)
            .is_empty());
        assert!(!aliases
            .multiword_names_begun(&["بي", "بي", "سي"], true)
            .contains(&bbc[0]));
        assert!(aliases.multiword_names_begun(&["بين"], false).is_empty());
        assert!(aliases.multiword_names_begun(&["ب"], true).is_empty());
    }

    #[test]
    fn a_latin_name_is_given_back_as_the_list_writes_it() {
        let aliases = Aliases::default_set();
        assert_eq!(aliases.written_latin("telegram"), Some("Telegram"));
        assert_eq!(aliases.written_latin("whatsapp"), Some("WhatsApp"));
        assert_eq!(aliases.written_latin("google plus"), Some("Google Plus"));
        assert_eq!(aliases.written_latin("x"), Some("X"));
        assert_eq!(aliases.written_latin("تيليجرام"), None);
        let site = Aliases::parse("  Deutsche   Welle , DW \tدويتشه فيله\n").unwrap();
        assert_eq!(site.written_latin("deutsche welle"), Some("Deutsche Welle"));
        assert_eq!(site.written_latin("dw"), Some("DW"));
    }

    #[test]
    fn the_default_list_parses_and_knows_the_seed_names() {
        let aliases = Aliases::default_set();
        assert!(aliases.len() >= 30, "{}", aliases.len());
        for latin in [
            "telegram",
            "facebook",
            "twitter",
            "x",
            "europol",
            "tamtam",
            "whatsapp",
            "instagram",
            "youtube",
            "tiktok",
            "riot",
            "snapchat",
            "google",
            "google+",
            "signal",
            "imessage",
            "amaq",
            "nashir",
            "brookings",
            "isis",
            "daesh",
        ] {
            assert!(
                !aliases.expansions(latin).is_empty(),
                "{latin} has Arabic spellings"
            );
        }
    }

    #[test]
    fn lookups_go_both_ways() {
        let aliases = Aliases::default_set();
        let telegram = aliases.expansions("telegram");
        assert!(
            telegram.contains(&"تيليجرام".to_owned()) && telegram.contains(&"تلغرام".to_owned()),
            "{telegram:?}"
        );
        assert_eq!(aliases.expansions("تيليجرام"), ["telegram"]);
        assert_eq!(aliases.expansions(&normalize("والتيليجرام")), ["telegram"]);
        // An unlisted spelling, through its variant key.
        assert_eq!(aliases.expansions(&normalize("تيليقرام")), ["telegram"]);
        assert!(aliases
            .expansions("facebook")
            .contains(&"فيس بوك".to_owned()));
        assert_eq!(aliases.expansions("فيسبوك"), ["facebook"]);
        // A spelling of several words, as a query's two words give it (the pair term).
        assert_eq!(aliases.expansions("فيس بوك"), ["facebook"]);
        assert_eq!(aliases.expansions(&normalize("آي مسج")), ["imessage"]);
        // Every spelling's key, for a listed form of a name with several.
        let american = aliases.spelling_keys(&normalize("الأميركيين"));
        assert!(
            american.contains(&"امرك".to_owned()) && american.contains(&"امركن".to_owned()),
            "{american:?}"
        );
        assert_eq!(aliases.spelling_keys(&normalize("تلغرام")), ["تلكرم"]);
        assert!(aliases.spelling_keys("كتاب").is_empty());
        assert!(aliases
            .expansions(&normalize("داعش"))
            .contains(&"isis".to_owned()));
        assert_eq!(aliases.expansions("twitter"), aliases.expansions("x"));
        assert!(aliases.expansions("telegramm").is_empty());
        assert!(aliases.expansions("كتاب").is_empty());
    }

    #[test]
    fn a_site_can_extend_the_list() {
        let mut aliases = Aliases::default_set();
        let before = aliases.len();
        aliases.extend("# ours\nFahras\tفهرس, الفهرس\n").unwrap();
        assert_eq!(aliases.len(), before + 1);
        assert_eq!(aliases.expansions("fahras"), ["فهرس", "الفهرس"]);
        assert_eq!(aliases.expansions("فهرس"), ["fahras"]);
    }

    #[test]
    fn malformed_lines_are_reported_with_their_number() {
        let cases: &[(&str, usize, &str)] = &[
            ("Telegram تيليجرام", 1, "no TAB"),
            ("# c\n\nTelegram\t", 3, "no Arabic spelling"),
            ("\tتيليجرام", 1, "no Latin name"),
            ("Telegram\tتيليجرام\textra", 1, "more than one TAB"),
            ("Ok\tتمام\nتيليجرام\tTelegram", 2, "contains Arabic letters"),
            ("Telegram\tTelegram", 1, "has no Arabic letter"),
        ];
        for (text, line, problem) in cases {
            let error = Aliases::parse(text).unwrap_err();
            assert_eq!(error.line, *line, "{text:?}: {error}");
            assert!(error.problem.contains(problem), "{text:?}: {error}");
            assert!(
                error.to_string().contains(&format!("line {line}")),
                "{error}"
            );
        }
        let mut aliases = Aliases::default_set();
        let before = aliases.len();
        assert!(aliases.extend("A\tأ\nbroken").is_err());
        assert_eq!(aliases.len(), before, "a failed extension adds nothing");
    }
}
