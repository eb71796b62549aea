//! How one query word finds the terms of the index, in match tiers: the exact normalized
//! term; other terms with its stem; terms with its variant key (foreign-name spellings);
//! for the word being typed, terms it is a prefix of; and, for a word the index has in no
//! such form, terms a typo or two away.
//!
//! The terms a word expands to are also what is highlighted in a result (see
//! [`super::snippet::Highlighter`]), so a highlighted word is always one that made the
//! document match.

use super::fuzzy;
use crate::error::Result;
use crate::index::Index;
use crate::text::{stem, variant, Analyzer};
use fst::{IntoStreamer, Streamer};

/// Weight of each match tier (an exact match counts fully).
pub mod tier {
    /// The same normalized term; for a listed spelling of a name of the alias list, every
    /// listed form of the name (its other spellings, with clitics, in either script).
    pub const EXACT: f32 = 1.0;
    /// Another term with the same stem (clitics, plural, feminine…), or a form of the other
    /// number of a broken plural (قناة, قنوات).
    pub const STEM: f32 = 0.7;
    /// Another spelling of a foreign name (same variant key), or a cross-script alias.
    pub const VARIANT: f32 = 0.5;
    /// A term that starts with the word being typed.
    pub const PREFIX: f32 = 0.4;
    /// A term one typo away.
    pub const FUZZY_1: f32 = 0.3;
    /// A term two typos away.
    pub const FUZZY_2: f32 = 0.2;
}

/// The most terms a prefix may expand to: those in the most documents (the index keeps
/// them for a prefix that begins more).
pub const MAX_PREFIX_EXPANSIONS: usize = crate::index::format::COMPLETIONS;

/// The most terms a short prefix ([`SHORT_PREFIX_CHARS`] letters or fewer after the article)
/// may expand to: it says too little to look further than its commonest completions.
pub const SHORT_PREFIX_EXPANSIONS: usize = 16;

/// See [`SHORT_PREFIX_EXPANSIONS`].
pub const SHORT_PREFIX_CHARS: usize = 2;

/// The most dictionary terms looked at for a prefix the index keeps no completions for (it
/// begins at most [`MAX_PREFIX_EXPANSIONS`] terms but for stop words): a guard.
pub const MAX_PREFIX_SCAN: usize = 1024;

/// The most stems each of the word's [`stem::typed_stem_prefixes`] may meet, the first in
/// dictionary order (not the commonest): a guard on the work per keystroke, like
/// [`MAX_PREFIX_SCAN`]. Their words then compete with the completions by frequency.
pub const MAX_PREFIX_STEMS: usize = 64;

/// The word being typed meets the names whose variant key begins with its skeleton when
/// the skeleton has this many consonants (with fewer, «بين» would meet البنتاغون).
pub const MIN_PREFIX_KEY_CHARS: usize = 3;

/// The most variant keys the word being typed expands to.
pub const MAX_PREFIX_KEYS: usize = 8;

/// Shortest prefix (in characters) that is expanded.
pub const MIN_PREFIX_CHARS: usize = 2;

/// Shortest rest, in characters, of a word being typed after a single-letter preposition
/// (لتيل: تيل) that is always also expanded as a prefix; a shorter one only when the word
/// begins nothing else.
pub const MIN_LOOSE_PREFIX_CHARS: usize = 3;

/// Is the term with this ordinal a listed form of a name of the alias list (a spelling,
/// with proclitics, or a Latin name)? Reads the term from the dictionary: about a
/// microsecond.
pub fn is_listed_term(index: &Index, analyzer: &Analyzer, ordinal: u64) -> bool {
    index
        .term_of(ordinal)
        .is_some_and(|t| analyzer.aliases().lists(&t))
}

/// One analyzed query word and, once [`expand`](WordMatcher::expand)ed, the index terms it
/// matches.
#[derive(Debug, Clone)]
pub struct WordMatcher {
    /// The normalized word.
    pub term: String,
    stem: String,
    base: String,
    variant: Option<String>,
    /// Stems of the word with a single-letter proclitic removed or added (لداعش ↔ داعش).
    related: Vec<String>,
    /// For a form of a broken plural, the stems of the other number's forms, also with a
    /// single-letter proclitic (قناة: قنو of قنوات, بقنو…): [`Analyzer::other_number_forms`].
    numbers: Vec<String>,
    /// The word with a single-letter proclitic attached, as written (لمدينة: its stem, لمد,
    /// is no stem of مدينة): [`stem::proclitic_forms`].
    forms: Vec<String>,
    /// For a word of three letters, its forms with a preposition attached and, for each,
    /// that form with the article, which must not be in the index for the form to be the
    /// word (بسبب is ب + سبب; كامل, with الكامل, is not ك + أمل):
    /// [`stem::short_proclitic_forms`].
    short_forms: Vec<(String, String)>,
    /// The word with proclitics attached, as written (والبغدادي for البغدادي), matched as
    /// the word itself: [`stem::clitic_forms`].
    clitic_forms: Vec<String>,
    /// A number with thousands separators written without them (274,460 → 274460): the
    /// same number, matched as exactly.
    digits: Option<String>,
    /// A word written with a hamza on a seat (مسؤول, مسئول), spelt with the bare hamza
    /// (مسءول), and its stem: the same word, whatever the seat ([`Analyzer::hamza_seat_term`]).
    hamza: Option<(String, String)>,
    /// A word written in a common other spelling, spelt the standard way, and its stem
    /// (مائة: مئة; [`Analyzer::standard_spelling`]), which the index files it under too.
    standard: Option<(String, String)>,
    /// Cross-script aliases (Telegram ↔ تيليجرام), normalized, and their variant keys.
    aliases: Vec<String>,
    alias_keys: Vec<String>,
    prefix: bool,
    /// For the word being typed, what the stems of the words that carry it after a
    /// proclitic begin with ([`stem::typed_stem_prefixes`]).
    stem_prefixes: Vec<String>,
    /// For the word being typed, the consonant skeleton of what is typed so far: when the
    /// index has no such word, the names whose variant key it begins are matched as
    /// prefixes (تيليج → تليجرام).
    prefix_keys: Vec<String>,
    fuzzy: bool,
    /// The closest dictionary term by edit distance (filled by `expand`), for suggestions.
    closest: Option<(String, u8, usize)>,
    /// Did the word match an Arabic spelling of several words of the Latin name it is a
    /// typo of, or begins (Facebok, Faceb: فيس بوك)? Then both words are marked.
    closest_name_of_two_words: bool,
    /// A proclitic alone being typed (و, ف, ب, ك, ل): the word is still to come, and nothing
    /// is matched yet (not the one article with a detached «و»).
    proclitic_typed: bool,
    /// Did the word match anything better than a typo?
    pub found_directly: bool,
    /// Is it a stop word?
    pub is_stop: bool,
}

/// Is the normalized name `other` another spelling of `name`, not another name: a letter
/// or two different, at most one in four (أمبر ريد of أمبر رود, آي ميسج of آي مسج; not داعش
/// of الدولة الإسلامية)?
pub fn spelling_of(other: &str, name: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (other.chars().collect(), name.chars().collect());
    fuzzy::edit_distance(&a, &b, 2).is_some_and(|d| 4 * usize::from(d) <= a.len().min(b.len()))
}

impl WordMatcher {
    /// Prepares the normalized query word `term`; `prefix` when it is still being typed.
    pub fn new(analyzer: &Analyzer, term: &str, prefix: bool) -> Self {
        // The other script's names, and for a listed Arabic spelling the others (ريوت:
        // رايوت), which no variant key may join.
        let mut aliases: Vec<String> = analyzer
            .alias_expansions(term)
            .iter()
            .map(|a| crate::text::normalize(a))
            .collect();
        aliases.extend(analyzer.aliases().other_spellings(term));
        let mut alias_keys: Vec<String> = aliases
            .iter()
            .filter_map(|a| match a.split_once(' ') {
                Some((first, second)) => analyzer.joined_variant_key(first, second),
                None => analyzer.variant_key(a),
            })
            .collect();
        // A listed Arabic form finds the name's other forms (الأمريكيين: الأميركي).
        let variant = analyzer.variant_key(term);
        for key in analyzer.alias_spelling_keys(term) {
            if Some(&key) != variant.as_ref() && !alias_keys.contains(&key) {
                alias_keys.push(key);
            }
        }
        WordMatcher {
            related: {
                let mut related = analyzer.related_stems(term);
                // A dual of a noun in ة (منصتين, شركتان): also the noun's stem (منص).
                if let Some(singular) = stem::dual_singular(term) {
                    let s = analyzer.stem(&singular).to_owned();
                    if !related.contains(&s) {
                        related.push(s);
                    }
                }
                // A plural in ات of three letters (حملات): the singular's forms with a
                // preposition (لحملة, stemmed لحمل).
                if let Some(singular) = stem::feminine_plural_singular(term) {
                    for s in analyzer.related_stems(&singular) {
                        if !related.contains(&s) {
                            related.push(s);
                        }
                    }
                }
                related
            },
            numbers: analyzer
                .other_number_forms(term)
                .into_iter()
                .flat_map(|form| {
                    std::iter::once(analyzer.stem(form).to_owned())
                        .chain(analyzer.related_stems(form))
                })
                .collect(),
            forms: stem::proclitic_forms(term),
            short_forms: stem::short_proclitic_forms(term),
            clitic_forms: stem::clitic_forms(term),
            digits: analyzer.ungrouped_number(term),
            hamza: None,
            standard: analyzer.standard_spelling(term).map(|standard| {
                let stem = analyzer.stem(&standard).to_owned();
                (standard, stem)
            }),
            aliases,
            alias_keys,
            term: term.to_owned(),
            stem: analyzer.stem(term).to_owned(),
            base: Some(stem::strip_proclitics(term))
                .filter(|b| b.chars().count() >= MIN_PREFIX_CHARS)
                .unwrap_or(term)
                .to_owned(),
            variant,
            // The article alone (ال, وال, لل…) is not expanded: every word could follow.
            prefix: prefix
                && term.chars().count() >= MIN_PREFIX_CHARS
                && stem::letters_after_article(term) > 0,
            stem_prefixes: if prefix {
                stem::typed_stem_prefixes(term)
            } else {
                Vec::new()
            },
            prefix_keys: if prefix {
                // (Also of the word without a preposition: لتيليج is تيليج with ل.)
                let mut keys = analyzer.typed_prefix_keys(term);
                if let Some(rest) = stem::without_loose_proclitic(term) {
                    keys.extend(analyzer.typed_prefix_keys(rest));
                }
                keys.retain(|k| k.chars().count() >= MIN_PREFIX_KEY_CHARS);
                keys.sort_unstable();
                keys.dedup();
                keys
            } else {
                Vec::new()
            },
            // A number one digit off is another number (2019 is not 2015).
            // (Nor a typo of it, nor one to correct, while it is only proclitics and the
            // article being typed: وال, بال, وبال are والتنظيم… to come, not قال or وقال.)
            fuzzy: !term.bytes().any(|b| b.is_ascii_digit())
                && (!prefix || stem::letters_after_article(term) > 0),
            closest: None,
            closest_name_of_two_words: false,
            proclitic_typed: prefix && matches!(term, "و" | "ف" | "ب" | "ك" | "ل"),
            found_directly: false,
            is_stop: analyzer.is_stop_word(term),
        }
    }

    /// The word as the reader wrote it (`written`, the token's text): one with a hamza on a
    /// seat also matches its spelling with the bare hamza, which the index files it under.
    pub fn written(mut self, analyzer: &Analyzer, written: &str) -> Self {
        self.hamza = analyzer
            .hamza_seat_term(written)
            .filter(|bare| *bare != self.term)
            .map(|bare| {
                let stem = analyzer.stem(&bare).to_owned();
                (bare, stem)
            });
        // The bare spelling's stems with a preposition removed or added, as the word's own
        // (إنشاؤها, bare إنشاءها, meets «لإنشاء», stemmed لانشاء).
        if let Some((bare, _)) = &self.hamza {
            for s in analyzer.related_stems(bare) {
                if !self.related.contains(&s) {
                    self.related.push(s);
                }
            }
        }
        // Being typed, it also begins what the bare spelling's words begin.
        if let (true, Some((bare, _))) = (self.prefix, &self.hamza) {
            for p in stem::typed_stem_prefixes(bare) {
                if !self.stem_prefixes.contains(&p) {
                    self.stem_prefixes.push(p);
                }
            }
        }
        self
    }

    /// Two adjacent query words that write one name (فيس بوك, آي مسج): matched as the pair
    /// term the index keeps for them, through the variant key of the joined spelling
    /// (فيسبوك), and through the pair's cross-script aliases (iMessage).
    pub fn pair(analyzer: &Analyzer, first: &str, second: &str, key: Option<String>) -> Self {
        let mut word = WordMatcher::new(
            analyzer,
            &crate::index::builder::pair_term(first, second),
            false,
        );
        word.variant = key;
        word.prefix_keys.clear();
        word.stem_prefixes.clear();
        word.related.clear();
        word.numbers.clear();
        word.forms.clear();
        word.short_forms.clear();
        word.clitic_forms.clear();
        word.fuzzy = false;
        word.is_stop = false;
        word
    }

    /// No typo tolerance for this word (one known to be meant as typed).
    pub fn no_typos(&mut self) {
        self.fuzzy = false;
    }

    /// A word of a name, as a list gives it: no typos, and no stems with a single-letter
    /// preposition removed or added (ريد, a surname, is not بريد, "mail"); its forms with a
    /// preposition as written (لدوروف) still count.
    pub fn as_name(&mut self) {
        self.fuzzy = false;
        self.related.clear();
    }

    /// A word of a quoted phrase: its spellings (the same variant key: «"تيليجرام"» is
    /// تيليغرام too; a listed spelling a letter or two away: «"آي مسج"» is آي ميسج) and its
    /// Latin names, not the other Arabic names the alias list gives for it («"الدولة
    /// الإسلامية"» is not داعش).
    pub fn literal(&mut self, analyzer: &Analyzer) {
        let term = self.term.clone();
        // (And its Latin names: «"آي مسج"» is the iMessage an article writes in Latin.)
        self.aliases
            .retain(|a| a.is_ascii() || spelling_of(a, &term));
        let mut keys: Vec<String> = self.variant.iter().cloned().collect();
        keys.extend(self.aliases.iter().filter_map(|a| match a.split_once(' ') {
            Some((first, second)) => analyzer.joined_variant_key(first, second),
            None => analyzer.variant_key(a),
        }));
        self.alias_keys.retain(|k| keys.contains(k));
    }

    /// Is it the word being typed, matched as the beginning of longer words?
    pub fn is_being_typed(&self) -> bool {
        self.prefix
    }

    /// Restricts the word to its exact and stem tiers, and for a name of the alias list to
    /// its listed spellings (for exclusions, which must not remove documents for a loose
    /// resemblance, but must remove every article naming what they exclude: -Telegram and
    /// -تليجرام exclude «تيليغرام» too).
    pub fn strict(&mut self) {
        // A name written as two words keeps the key of its joined spelling: it is the name
        // (-"فيس بوك" must exclude «الفيس بوك» and فيسبوك), not a resemblance.
        let listed = !self.aliases.is_empty();
        if !listed && !self.term.contains(' ') {
            self.variant = None;
        }
        if !listed {
            self.alias_keys.clear();
        }
        self.prefix = false;
        self.prefix_keys.clear();
        self.stem_prefixes.clear();
        self.fuzzy = false;
    }

    /// The index terms this word matches, with the weight of their best tier. Remembers
    /// the closest term (for suggestions).
    pub fn expand(&mut self, index: &Index, analyzer: &Analyzer) -> Result<Vec<(u64, f32)>> {
        self.expand_with(index, analyzer, &mut |o| is_listed_term(index, analyzer, o))
    }

    /// [`expand`](Self::expand), asking `is_listed` whether a term is a listed form of a
    /// name of the alias list ([`is_listed_term`]; the searcher remembers the answers).
    pub fn expand_with(
        &mut self,
        index: &Index,
        analyzer: &Analyzer,
        is_listed: &mut dyn FnMut(u64) -> bool,
    ) -> Result<Vec<(u64, f32)>> {
        let mut found: Vec<(u64, f32)> = Vec::new();
        if self.proclitic_typed {
            return Ok(found);
        }
        fn add(found: &mut Vec<(u64, f32)>, ordinal: u64, weight: f32) {
            match found.iter_mut().find(|(o, _)| *o == ordinal) {
                Some((_, w)) => *w = w.max(weight),
                None => found.push((ordinal, weight)),
            }
        }
        let bare = self.hamza.as_ref();
        let standard = self.standard.as_ref();
        let exact = std::iter::once(&self.term)
            .chain(&self.digits)
            .chain(bare.map(|b| &b.0))
            .chain(standard.map(|s| &s.0));
        for term in exact.chain(&self.clitic_forms) {
            if let Some(o) = index.term_ordinal(term) {
                add(&mut found, o, tier::EXACT);
            }
        }
        // Also the words whose stem is the word itself (وواتس for واتس, which the stemmer
        // reads as و + اتس), and its forms with a preposition, as written.
        let stems = std::iter::once(&self.stem)
            .chain(&self.related)
            .chain(&self.numbers)
            .chain(bare.map(|b| &b.1))
            .chain(standard.map(|s| &s.1))
            .chain(Some(&self.term).filter(|t| **t != self.stem));
        for stem in stems {
            for o in index.terms_with_stem(stem)? {
                add(&mut found, o, tier::STEM);
            }
        }
        for form in &self.forms {
            if let Some(o) = index.term_ordinal(form) {
                add(&mut found, o, tier::STEM);
            }
        }
        for (form, with_article) in &self.short_forms {
            if let Some(o) = index.term_ordinal(form) {
                if index.term_ordinal(with_article).is_none() {
                    add(&mut found, o, tier::STEM);
                }
            }
        }
        // Is it a word the index has (as written or by its stem), not only a beginning?
        let a_word = !found.is_empty();
        for key in self.variant.iter().chain(&self.alias_keys) {
            for o in index.terms_with_variant_key(key)? {
                add(&mut found, o, tier::VARIANT);
            }
        }
        for alias in &self.aliases {
            if let Some(o) = index.term_ordinal(alias) {
                add(&mut found, o, tier::VARIANT);
            }
        }
        // A name of the alias list is one name however it is spelt, with whatever clitic,
        // in either script: when the word is one of its listed spellings, every listed form
        // of the name counts as the name itself, so the order of the results does not
        // depend on the spelling typed (تيليغرام put an article that writes it three times
        // above the one with تيليجرام in its title and throughout; Twitter and تويتر ordered
        // two articles differently). Only the listed forms: a spelling the list does not
        // give (يوروبلل), or an inflection that is another word (القاعدين, "the sitting",
        // has the stem of القاعدة), keeps its tier.
        if analyzer.aliases().lists(&self.term) {
            for (ordinal, weight) in &mut found {
                if *weight < tier::EXACT && is_listed(*ordinal) {
                    *weight = tier::EXACT;
                }
            }
        }
        if self.prefix {
            // The completions in the most documents (as a reader typing "دا" most likely
            // means داعش), stop words left out: `(documents, ordinal)`. The index keeps them
            // for a prefix of many; a prefix of few has them all found in the dictionary.
            let mut ordinals: Vec<u64> = Vec::new();
            // The word, without its proclitics, and without a preposition the index keeps
            // (لتيل is تيليجرام being typed with ل).
            let base = (self.base != self.term).then_some(self.base.as_str());
            // With fewer than three letters left, only when the word begins nothing else: فيس
            // is فيسبوك being typed, not ف + يس… (يسعى, يستخدم), but وبتو is و + ب + تو….
            let loose = stem::without_loose_proclitic(&self.term);
            let (loose, short_loose) = match loose {
                Some(rest) if rest.chars().count() < MIN_LOOSE_PREFIX_CHARS => (None, Some(rest)),
                loose => (loose, None),
            };
            // And its spelling with the bare hamza, which the index files a seated one under
            // too (شؤو begins الشئون as شءو).
            let bare = self
                .hamza
                .as_ref()
                .map(|(b, _)| b.as_str())
                .into_iter()
                .flat_map(|b| [b, stem::strip_proclitics(b)]);
            let mut begun: Vec<&str> = std::iter::once(self.term.as_str())
                .chain(base)
                .chain(loose)
                .chain(bare)
                .collect();
            begun.dedup();
            let complete = |p: &str, ordinals: &mut Vec<u64>| -> Result<()> {
                if let Some(top) = index.top_completions(p)? {
                    ordinals.extend(top);
                    return Ok(());
                }
                let mut stream = index.terms().range().ge(p).into_stream();
                let mut scanned = 0;
                while let Some((key, o)) = stream.next() {
                    if !key.starts_with(p.as_bytes()) || scanned >= MAX_PREFIX_SCAN {
                        break;
                    }
                    scanned += 1;
                    let stop = std::str::from_utf8(key).is_ok_and(|t| analyzer.is_stop_word(t));
                    if !stop {
                        ordinals.push(o);
                    }
                }
                Ok(())
            };
            for p in begun {
                complete(p, &mut ordinals)?;
            }
            // And the words that carry it after a proclitic: «سناب» begins وسنابشات, «واتس»
            // begins وواتس, «داعش» begins لداعشي.
            for p in &self.stem_prefixes {
                ordinals.extend(index.terms_with_stem_prefix(p, MAX_PREFIX_STEMS)?);
            }
            if let (Some(rest), true) = (short_loose, ordinals.is_empty() && found.is_empty()) {
                complete(rest, &mut ordinals)?;
            }
            // (The same term can be met twice: the base is a prefix of the term, a stem's
            // words are completions too.)
            ordinals.sort_unstable();
            ordinals.dedup();
            let mut completions: Vec<(usize, u64)> = Vec::with_capacity(ordinals.len());
            for o in ordinals {
                completions.push((index.doc_frequency(o)?, o));
            }
            let by_frequency =
                |a: &(usize, u64), b: &(usize, u64)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
            let most = if stem::letters_after_article(&self.term) <= SHORT_PREFIX_CHARS {
                SHORT_PREFIX_EXPANSIONS
            } else {
                MAX_PREFIX_EXPANSIONS
            };
            if completions.len() > most {
                completions.select_nth_unstable_by(most - 1, by_frequency);
                completions.truncate(most);
            }
            completions.sort_unstable_by(by_frequency);
            for (_, o) in completions {
                add(&mut found, o, tier::PREFIX);
            }
        }
        self.found_directly = !found.is_empty();
        // Typo tolerance only for a word the index does not have in any form: a word that
        // matches directly is taken as meant (its typo neighbours would only add noise).
        if self.fuzzy && !self.found_directly {
            let skeleton_of = |t: &str| variant::raw_skeleton(stem::strip_article_clusters(t));
            let skeleton = skeleton_of(&self.term);
            let own_base = stem::strip_proclitics(&self.term);
            for fuzzy::Similar {
                term,
                ordinal,
                distance,
                whole,
            } in fuzzy::similar_terms(index.terms(), &self.term, self.prefix)
            {
                // A stop word is no word a typo was meant to be: «سانت» (Saint) is not كانت
                // ("was").
                if analyzer.is_stop_word(&term) {
                    continue;
                }
                // Nor the word with another proclitic: والتي is not بالتي mistyped, but the
                // same word (which its stem meets, if it is to).
                if stem::strip_proclitics(&term) == own_base {
                    continue;
                }
                let weight = if distance <= 1 {
                    tier::FUZZY_1
                } else {
                    tier::FUZZY_2
                };
                if !found.iter().any(|(o, _)| *o == ordinal) {
                    add(&mut found, ordinal, weight);
                    // A suggestion replaces the word: it must be close as a whole word,
                    // also for the word being typed (a reader who stops at «تويتتر»).
                    let Some(whole) = whole else {
                        continue;
                    };
                    // Of equals, one with the word's consonant skeleton: a long vowel
                    // dropped or added is how a name is transliterated (رايت is رايوت,
                    // Riot, not بايت); then the commonest.
                    let df = index.doc_frequency(ordinal)?;
                    let other_skeleton = |t: &str| skeleton_of(t) != skeleton;
                    let key = (whole, other_skeleton(&term), usize::MAX - df);
                    let better = self
                        .closest
                        .as_ref()
                        .is_none_or(|(t, d, f)| key < (*d, other_skeleton(t), usize::MAX - f));
                    if better {
                        self.closest = Some((term, whole, df));
                    }
                }
            }
        }
        // The word it was most likely meant to be is found in all its forms, at its typo
        // tier: «الحساابات» is الحسابات, so حسابات and بحساب too, as «الحسابات» finds them.
        if let (Some((term, distance, _)), false) = (&self.closest, self.found_directly) {
            let weight = if *distance <= 1 {
                tier::FUZZY_1
            } else {
                tier::FUZZY_2
            };
            let stem = analyzer.stem(term).to_owned();
            for o in index.terms_with_stem(&stem)? {
                add(&mut found, o, weight);
            }
            // And, a name's spelling, in its other spellings: «تليجرامز» is تليجرام, so
            // تيليغرام too, as «تليجرام» finds it.
            if let Some(key) = analyzer.variant_key(term) {
                for o in index.terms_with_variant_key(&key)? {
                    add(&mut found, o, weight);
                }
            }
        }
        // A word the index does not have, met only through the variant key of an indexed
        // spelling within typo distance of it (يوروبلل → يوروبول, تيليجرامم → تيليجرام): more
        // likely a slip than another spelling, so it gets its "did you mean" too. A spelling
        // the alias list gives (تلغرام) is not a slip, nor one farther off.
        if self.fuzzy && !a_word && self.closest.is_none() && !analyzer.aliases().lists(&self.term)
        {
            self.closest = self.closest_variant(index, &found)?;
            if self.closest.is_some() {
                self.found_directly = false;
            }
        }
        // A Latin name the index does not have, typed with a typo (Telegramm, Twiter) or
        // being typed (Telegr): the alias list's closest name, at the typo (or prefix)
        // tier, and as the "did you mean".
        if found.is_empty() && self.aliases.is_empty() && self.fuzzy {
            if let Some((name, distance)) = self.closest_latin_name(index, analyzer)? {
                let weight = match distance {
                    0 => tier::PREFIX,
                    1 => tier::FUZZY_1,
                    _ => tier::FUZZY_2,
                };
                for spelling in analyzer.alias_expansions(&name) {
                    let spelling = crate::text::normalize(&spelling);
                    let key = match spelling.split_once(' ') {
                        Some((first, second)) => analyzer.joined_variant_key(first, second),
                        None => analyzer.variant_key(&spelling),
                    };
                    let exact = index.term_ordinal(&spelling).into_iter();
                    let by_key = match &key {
                        Some(key) => index.terms_with_variant_key(key)?,
                        None => Vec::new(),
                    };
                    for o in exact.chain(by_key) {
                        add(&mut found, o, weight);
                        self.closest_name_of_two_words |= spelling.contains(' ');
                    }
                }
                if distance > 0 && !found.is_empty() && self.closest.is_none() {
                    self.closest = Some((name, distance, 0));
                }
            }
        }
        // An Arabic word the index does not have in any form, one typo from a spelling the
        // alias list gives (تلغرم → تلغرام, which no article writes): the name, at the typo
        // tier, and the spelling as the "did you mean".
        if found.is_empty() && self.fuzzy && self.closest.is_none() && !self.term.is_ascii() {
            if let Some((spelling, distance)) = self.closest_arabic_spelling(analyzer) {
                let weight = if distance <= 1 {
                    tier::FUZZY_1
                } else {
                    tier::FUZZY_2
                };
                let names = WordMatcher::new(analyzer, &spelling, false);
                let keys = names.variant.iter().chain(&names.alias_keys);
                for key in keys {
                    for o in index.terms_with_variant_key(key)? {
                        add(&mut found, o, weight);
                    }
                }
                for term in std::iter::once(&spelling).chain(&names.aliases) {
                    if let Some(o) = index.term_ordinal(term) {
                        add(&mut found, o, weight);
                    }
                }
                if !found.is_empty() {
                    self.closest = Some((spelling, distance, 0));
                }
            }
        }
        // A word of three letters that finds nothing at all gets no typo tolerance (one
        // edit from three letters is too many other words to match), but its "did you
        // mean": the commonest term one edit away (دعش → داعش).
        if found.is_empty() && self.fuzzy && self.closest.is_none() && !self.is_stop {
            let words = fuzzy::near_short_word(index.terms(), &self.term);
            // (Not a stop word: «عنو» is not عن.)
            for (term, ordinal) in words.into_iter().filter(|(t, _)| !analyzer.is_stop_word(t)) {
                let df = index.doc_frequency(ordinal)?;
                if self.closest.as_ref().is_none_or(|(_, _, f)| df > *f) {
                    self.closest = Some((term, 1, df));
                }
            }
        }
        // After the typos: a word met only through its skeleton («تويتتر», the key of
        // تويتر) still gets its "did you mean". Only for a word the index does not have:
        // «التوتر» (tension) has the skeleton of تويتر, «أمور» begins America's.
        let mut by_key = false;
        for key in self.prefix_keys.iter().filter(|_| !a_word) {
            for o in index.terms_with_variant_key_prefix(key, MAX_PREFIX_KEYS)? {
                add(&mut found, o, tier::PREFIX);
                by_key = true;
            }
        }
        // A name begun in another spelling is what is being typed: its typo neighbours are
        // other words (انستغ, Instagram to come, met «استغرقت» for a keystroke).
        if by_key {
            found.retain(|&(_, weight)| weight >= tier::PREFIX);
        }
        Ok(found)
    }

    /// Among the terms a word matched through a variant key, the one closest to it by edit
    /// distance (1 up to 7 letters, 2 beyond; not 0), the most frequent of equals: `(term,
    /// distance, documents)`. Both without an article before them: «اليروبول» is يوروبول
    /// with the article and a letter dropped, one edit from it, not three.
    fn closest_variant(
        &self,
        index: &Index,
        found: &[(u64, f32)],
    ) -> Result<Option<(String, u8, usize)>> {
        let letters: Vec<char> = stem::strip_article_clusters(&self.term).chars().collect();
        let max = fuzzy::max_distance(letters.len());
        let mut best: Option<(String, u8, usize)> = None;
        for &(ordinal, weight) in found {
            if weight != tier::VARIANT {
                continue;
            }
            let Some(term) = index.term_of(ordinal).filter(|t| !t.contains(' ')) else {
                continue;
            };
            let chars: Vec<char> = stem::strip_article_clusters(&term).chars().collect();
            let Some(distance) = fuzzy::edit_distance(&letters, &chars, max).filter(|&d| d > 0)
            else {
                continue;
            };
            let df = index.doc_frequency(ordinal)?;
            if best
                .as_ref()
                .is_none_or(|(_, d, f)| (distance, usize::MAX - df) < (*d, usize::MAX - f))
            {
                best = Some((term, distance, df));
            }
        }
        Ok(best)
    }

    /// For a Latin word that the alias list does not know: the list's Latin name it is a
    /// typo of (from four letters; distance 1 up to 7 letters, 2 beyond), or a name it begins
    /// (distance 0; from two letters): while it is typed («Tw» is Twitter, «Is» ISIS being
    /// typed), or as the name's first word, not a stop word (Tam of Tam Tam, the second to
    /// come; not «the» of The New York Times). The nearest; of equals, the one whose Arabic spellings are in
    /// the most documents («Te» is Telegram, not Technology), then the first in order.
    fn closest_latin_name(
        &self,
        index: &Index,
        analyzer: &Analyzer,
    ) -> Result<Option<(String, u8)>> {
        let letters: Vec<char> = self.term.chars().collect();
        if letters.len() < MIN_PREFIX_CHARS
            || !letters.iter().all(|c| c.is_ascii_alphabetic())
            || self.is_stop && !self.prefix
        {
            return Ok(None);
        }
        let max = fuzzy::max_distance(letters.len());
        let mut best: Option<(u8, usize, &str)> = None;
        for name in analyzer.aliases().latin_names() {
            // The word being typed begins the name, or a finished word is its first (Islamic
            // of Islamic State: the next word is still to come).
            let first_word = |rest: &str| rest.starts_with(' ');
            let distance = if name.starts_with(&self.term)
                && (self.prefix || first_word(&name[self.term.len()..]))
            {
                Some(0)
            } else if letters.len() < 4 {
                None
            } else {
                let chars: Vec<char> = name.chars().collect();
                fuzzy::edit_distance(&letters, &chars, max)
            };
            let Some(d) = distance else { continue };
            if best.is_some_and(|(bd, _, _)| bd < d) {
                continue;
            }
            let mut documents = 0;
            for spelling in analyzer.alias_expansions(name) {
                if let Some(o) = index.term_ordinal(&crate::text::normalize(&spelling)) {
                    documents += index.doc_frequency(o)?;
                }
            }
            let key = (d, usize::MAX - documents, name);
            if best.is_none_or(|(bd, bf, bn)| key < (bd, usize::MAX - bf, bn)) {
                best = Some((d, documents, name));
            }
        }
        Ok(best.map(|(d, _, name)| (name.to_owned(), d)))
    }

    /// For an Arabic word of four letters or more after the article: the alias list's
    /// Arabic spelling it is a typo of (distance 1 up to 7 letters, 2 beyond; compared
    /// without the article), the nearest, then the first in order.
    fn closest_arabic_spelling(&self, analyzer: &Analyzer) -> Option<(String, u8)> {
        let letters: Vec<char> = stem::strip_article_clusters(&self.term).chars().collect();
        if letters.len() < 4 || self.is_stop {
            return None;
        }
        let max = fuzzy::max_distance(letters.len());
        let mut best: Option<(u8, &str)> = None;
        for spelling in analyzer.aliases().arabic_spellings() {
            let chars: Vec<char> = spelling.chars().collect();
            let Some(d) = fuzzy::edit_distance(&letters, &chars, max).filter(|&d| d > 0) else {
                continue;
            };
            if best.is_none_or(|b| (d, spelling) < b) {
                best = Some((d, spelling));
            }
        }
        best.map(|(d, s)| (s.to_owned(), d))
    }

    /// The closest dictionary term to a word that matched nothing directly: what a
    /// "did you mean" suggestion puts in its place.
    pub fn suggestion(&self) -> Option<&str> {
        if self.found_directly {
            return None;
        }
        self.closest.as_ref().map(|(t, _, _)| t.as_str())
    }

    /// Can a pair of adjacent document words match this word at all (it has a variant key,
    /// or an alias that is a key or several words)?
    pub fn may_match_pairs(&self) -> bool {
        self.variant.is_some()
            || self.closest_name_of_two_words
            || !self.alias_keys.is_empty()
            || self.aliases.iter().any(|a| a.contains(' '))
    }
}
