//! Entities (platforms, organisations, places, people) found in articles at index time,
//! from a [`Taxonomy`]: the values of the `platform`, `organisation`, `place` and `person`
//! facets.
//!
//! A taxonomy lists each entity's spellings (see `data/taxonomy.toml` for the file format
//! and the default set). Matching uses the **same text analysis as search** (the
//! [`Analyzer`]'s normalized terms), so every spelling a reader could type is counted:
//!
//! 1. **Names** (`names`, `latin`) match whole normalized word sequences, longest first
//!    (`تام تام`, `جوجل بلس`, `القيادة السيبرانية الأميركية`): `تام` alone is not TamTam, and
//!    `هيئة الإذاعة البريطانية` is the BBC, not Britain. The first word may carry attached
//!    proclitics (و ف, ب ل ك, ال, لل: `وتيليغرام`, `بتويتر`, `للعراق`); the other words
//!    must be as listed.
//! 2. **Quoted names** (`quoted`): one-word names that are also common words (ناشر
//!    "publisher", القاعدة "the base") count only between quotation marks (`«ناشر»`), or
//!    when joined by و to a name of the same facet and `group` right before or after them
//!    (`داعش والقاعدة`, `القاعدة وداعش`; not `نيويورك تايمز وناشر الكتاب`).
//! 3. **Adjectives** (`adjectives`: السوري، الروسية…) are reported with
//!    [`MentionKind::Adjective`]. [`EntityMatcher::document_entities`] keeps an entity seen
//!    only through adjectives when it has at least [`ADJECTIVE_ONLY_MIN`] of them: one
//!    "الحكومة البريطانية" in passing does not make an article about Britain.
//! 4. **Variant spellings**: for entities marked `loanword`, a word that matched nothing
//!    else but has the [variant key](crate::text::variant) of one of the entity's one-word
//!    names counts too ([`MentionKind::Variant`]: تلغرام، تيليقرام → Telegram). Variant
//!    keys merge distinct native words, so they are used only for foreign names, only for
//!    keys of at least [`MIN_VARIANT_KEY_LETTERS`] letters that belong to one entity, and
//!    only for words of at least [`MIN_VARIANT_WORD_LETTERS`] letters that are not stop
//!    words. An exact or clitic-stripped match always comes first.
//!
//! Matching is plain Rust over the analyzer's output: it works in the wasm build too. Only
//! reading the TOML file ([`Taxonomy::parse`], [`Taxonomy::default_set`]) is native; on
//! wasm, build a taxonomy with [`Taxonomy::from_entities`] (for example from JSON).
//!
//! ```
//! # #[cfg(not(target_arch = "wasm32"))] {
//! use fahras::entities::Taxonomy;
//! use fahras::text::Analyzer;
//! let taxonomy = Taxonomy::default_set();
//! let analyzer = Analyzer::default();
//! let matcher = taxonomy.matcher(&analyzer);
//! let text = "انتقل التنظيم من وتيليغرام إلى «تام تام» وواتس آب";
//! let found: Vec<&str> = matcher
//!     .find(&analyzer, text)
//!     .iter()
//!     .map(|m| taxonomy.entity(m.entity).unwrap().id.as_str())
//!     .collect();
//! assert_eq!(found, ["telegram", "tamtam", "whatsapp"]);
//! # }
//! ```

use crate::document::Document;
use crate::error::{Error, Result};
use crate::text::{Analyzer, Token};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The default taxonomy file (`data/taxonomy.toml`), compiled in.
pub const DEFAULT_TAXONOMY: &str = include_str!("../data/taxonomy.toml");

/// The facets of the default taxonomy, in display order.
pub const DEFAULT_FACETS: &[&str] = &["platform", "organisation", "place", "person"];

/// How many adjective mentions an entity needs in a document when it has no name mention
/// there.
pub const ADJECTIVE_ONLY_MIN: u32 = 2;

/// Shortest variant key (in letters) used to match unlisted spellings.
pub const MIN_VARIANT_KEY_LETTERS: usize = 4;

/// Shortest word (in letters) matched through its variant key.
pub const MIN_VARIANT_WORD_LETTERS: usize = 5;

/// An entity of a [`Taxonomy`]: its index in [`Taxonomy::entities`]. Stable when the
/// taxonomy is [extended](Taxonomy::extend) (new entities are appended; a replaced entity
/// keeps its id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityId(pub u32);

impl EntityId {
    /// The index of the entity in [`Taxonomy::entities`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One entity: a value of a facet, with the spellings that name it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// The facet the entity is a value of (`platform`, `organisation`, `place`, `person`
    /// or a site's own): lower-case ASCII letters, digits and `_`.
    pub facet: String,
    /// The value filtered on (`telegram`): lower-case ASCII letters, digits, `_` and `-`,
    /// unique within the facet.
    pub id: String,
    /// Display name in Arabic.
    pub ar: String,
    /// Display name in English.
    pub en: String,
    /// Arabic spellings (one word or several), without proclitics.
    #[serde(default)]
    pub names: Vec<String>,
    /// Latin-script names.
    #[serde(default)]
    pub latin: Vec<String>,
    /// One-word names that are also common words: counted only between quotation marks.
    #[serde(default)]
    pub quoted: Vec<String>,
    /// Adjectives and demonyms (السوري، الروسية).
    #[serde(default)]
    pub adjectives: Vec<String>,
    /// A foreign name: unlisted spellings with the variant key of a one-word name count.
    #[serde(default)]
    pub loanword: bool,
    /// A kind of thing within the facet (`jihadist` among organisations that are also
    /// newspapers and agencies): a quoted name joined by و counts only beside a name of the
    /// same facet and the same group (none: the facet's unnamed group). Lower-case ASCII
    /// letters, digits and `_`.
    #[serde(default)]
    pub group: Option<String>,
}

impl Entity {
    /// `facet.id`, as written in the taxonomy file's table header.
    pub fn key(&self) -> String {
        format!("{}.{}", self.facet, self.id)
    }

    /// Its listed names other than the display names, Arabic spellings then Latin names,
    /// each once (not its quoted names, which are common words, nor its adjectives): what
    /// the index keeps for the search ([`crate::index::facets::FacetValue::names`]).
    pub fn other_names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for name in self.names.iter().chain(&self.latin) {
            if *name != self.ar && *name != self.en && !out.contains(name) {
                out.push(name.clone());
            }
        }
        out
    }
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// A listed name (Arabic, Latin or quoted), possibly with proclitics.
    Name,
    /// An unlisted spelling with the variant key of a name of a `loanword` entity.
    Variant,
    /// A listed adjective.
    Adjective,
}

/// An entity named in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EntityMention {
    /// The entity.
    pub entity: EntityId,
    /// Byte offset of the mention's first word in the text.
    pub start: usize,
    /// Byte offset one past its last word.
    pub end: usize,
    /// How the entity is named.
    pub kind: MentionKind,
}

/// A set of entities, grouped by facet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Taxonomy {
    entities: Vec<Entity>,
    /// `facet.id` of the entities this taxonomy removes from the one it
    /// [extends](Taxonomy::extend) (`remove = true` in a site's file).
    removed: Vec<(String, String)>,
}

/// The TOML form of one entity (its facet and id are the table header).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityTable {
    #[serde(default)]
    ar: String,
    #[serde(default)]
    en: String,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    latin: Vec<String>,
    #[serde(default)]
    quoted: Vec<String>,
    #[serde(default)]
    adjectives: Vec<String>,
    #[serde(default)]
    loanword: bool,
    #[serde(default)]
    group: Option<String>,
    /// In a site's taxonomy: drop this entity of the default one.
    #[serde(default)]
    remove: bool,
}

fn invalid(at: String, problem: String) -> Error {
    Error::InvalidDocument { at, problem }
}

impl Taxonomy {
    /// The default taxonomy (`data/taxonomy.toml`): the platforms, organisations, places and
    /// people of Arabic news about online extremism (see the file for the list).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn default_set() -> Taxonomy {
        // The compiled-in file is checked by the tests (`default_taxonomy_is_valid`).
        Taxonomy::parse(DEFAULT_TAXONOMY).expect("data/taxonomy.toml is a valid taxonomy")
    }

    /// Reads a taxonomy file (the format of `data/taxonomy.toml`). Errors name the line
    /// and the entity (`taxonomy line 12 ([platform.telegram])`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse(text: &str) -> Result<Taxonomy> {
        let file: BTreeMap<String, BTreeMap<String, EntityTable>> =
            toml::from_str(text).map_err(|e| {
                invalid(
                    "taxonomy".into(),
                    format!(
                        "not a valid taxonomy file: {}",
                        e.to_string().trim_end().replace('\n', " | ")
                    ),
                )
            })?;
        let mut entities: Vec<Entity> = Vec::new();
        let mut removed: Vec<(String, String)> = Vec::new();
        for (facet, table) in file {
            for (id, e) in table {
                if e.remove {
                    let other = !(e.ar.is_empty()
                        && e.en.is_empty()
                        && e.names.is_empty()
                        && e.latin.is_empty()
                        && e.quoted.is_empty()
                        && e.adjectives.is_empty()
                        && !e.loanword
                        && e.group.is_none());
                    if other {
                        let at = format!("taxonomy entity {facet}.{id}");
                        return Err(invalid(
                            locate_header(text, &at).unwrap_or(at),
                            "has \"remove = true\" and other keys; an entity is either removed \
                             (only \"remove = true\") or defined"
                                .into(),
                        ));
                    }
                    removed.push((facet.clone(), id));
                    continue;
                }
                entities.push(Entity {
                    facet: facet.clone(),
                    id,
                    ar: e.ar,
                    en: e.en,
                    names: e.names,
                    latin: e.latin,
                    quoted: e.quoted,
                    adjectives: e.adjectives,
                    loanword: e.loanword,
                    group: e.group,
                });
            }
        }
        // File order (the TOML tables come back sorted by key): ids and facets follow the
        // file, and an error names the later of two clashing entities.
        entities.sort_by_key(|e| header_line(text, &e.key()).unwrap_or(usize::MAX));
        let mut taxonomy = Taxonomy::from_entities(entities).map_err(|e| match e {
            Error::InvalidDocument { at, problem } => {
                let located = locate_header(text, &at).unwrap_or(at);
                invalid(located, problem)
            }
            other => other,
        })?;
        taxonomy.removed = removed;
        Ok(taxonomy)
    }

    /// A taxonomy of these entities, checked: facets and ids are well-formed, each
    /// `facet.id` is unique, display names are given, every entity has a name, every
    /// spelling has a word, quoted names are one word, a one-word name is not a stop word,
    /// and no spelling belongs to two entities. Repeated spellings within an entity are
    /// dropped.
    pub fn from_entities(entities: Vec<Entity>) -> Result<Taxonomy> {
        let analyzer = Analyzer::default();
        let mut entities = entities;
        for e in &mut entities {
            for list in [&mut e.names, &mut e.latin, &mut e.quoted, &mut e.adjectives] {
                let mut seen = Vec::new();
                list.retain(|s| {
                    let terms = terms(&analyzer, s);
                    let new = !seen.contains(&terms);
                    seen.push(terms);
                    new
                });
            }
        }
        validate(&entities, &analyzer)?;
        Ok(Taxonomy {
            entities,
            removed: Vec::new(),
        })
    }

    /// Adds a site's entities to this taxonomy: an entity with the `facet.id` of an
    /// existing one replaces it (keeping its [`EntityId`]), the others are appended; the
    /// entities it removes (`remove = true`) are dropped first (the ids after them move
    /// down). Fails, leaving `self` unchanged, when the result is invalid (a site spelling
    /// that another entity already has, an entity to remove that is not there). To use only
    /// the site's entities, use its taxonomy alone.
    pub fn extend(&mut self, other: Taxonomy) -> Result<()> {
        let mut entities = self.entities.clone();
        for (facet, id) in &other.removed {
            let before = entities.len();
            entities.retain(|x| !(x.facet == *facet && x.id == *id));
            if entities.len() == before {
                return Err(invalid(
                    format!("taxonomy entity {facet}.{id}"),
                    "has \"remove = true\", but the taxonomy it extends has no such entity; \
                     check the facet and id (data/taxonomy.toml lists the defaults)"
                        .into(),
                ));
            }
        }
        for e in other.entities {
            match entities
                .iter_mut()
                .find(|x| x.facet == e.facet && x.id == e.id)
            {
                Some(existing) => *existing = e,
                None => entities.push(e),
            }
        }
        validate(&entities, &Analyzer::default())?;
        self.entities = entities;
        Ok(())
    }

    /// The entities, in [`EntityId`] order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity of an id, if the id is of this taxonomy.
    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities.get(id.index())
    }

    /// The id of the entity `facet.id`.
    pub fn lookup(&self, facet: &str, id: &str) -> Option<EntityId> {
        self.entities
            .iter()
            .position(|e| e.facet == facet && e.id == id)
            .map(|i| EntityId(i as u32))
    }

    /// The facets that have entities: the [`DEFAULT_FACETS`] first, in their order, then
    /// the others in order of first appearance.
    pub fn facets(&self) -> Vec<&str> {
        let mut facets: Vec<&str> = DEFAULT_FACETS
            .iter()
            .copied()
            .filter(|f| self.entities.iter().any(|e| e.facet == *f))
            .collect();
        for e in &self.entities {
            if !facets.contains(&e.facet.as_str()) {
                facets.push(&e.facet);
            }
        }
        facets
    }

    /// Compiles the taxonomy's spellings with `analyzer` for matching. Compile once and
    /// reuse the matcher for every document; use the same analyzer as the index.
    pub fn matcher(&self, analyzer: &Analyzer) -> EntityMatcher {
        EntityMatcher::new(&self.entities, analyzer)
    }

    /// The entity mentions of `text`. Compiles a matcher on every call: to scan many
    /// texts, use [`matcher`](Self::matcher) once.
    pub fn find(&self, analyzer: &Analyzer, text: &str) -> Vec<EntityMention> {
        self.matcher(analyzer).find(analyzer, text)
    }

    /// The entities of a document with their mention counts (see
    /// [`EntityMatcher::document_entities`]). Compiles a matcher on every call.
    pub fn document_entities(&self, analyzer: &Analyzer, doc: &Document) -> Vec<(EntityId, u32)> {
        self.matcher(analyzer).document_entities(analyzer, doc)
    }
}

/// Adds `line N` to an error's `at` (`taxonomy entity platform.telegram`) from the table
/// header in the file text.
#[cfg(not(target_arch = "wasm32"))]
fn locate_header(text: &str, at: &str) -> Option<String> {
    let key = at.strip_prefix("taxonomy entity ")?;
    let line = header_line(text, key)?;
    Some(format!("taxonomy line {} ([{key}])", line + 1))
}

/// The index of the line holding the table header `[facet.id]`.
#[cfg(not(target_arch = "wasm32"))]
fn header_line(text: &str, key: &str) -> Option<usize> {
    let header = format!("[{key}]");
    text.lines()
        .position(|l| l.trim().replace(' ', "") == header)
}

/// The normalized terms of a spelling.
fn terms(analyzer: &Analyzer, spelling: &str) -> Vec<String> {
    analyzer
        .analyze(spelling)
        .into_iter()
        .map(|t| t.term)
        .collect()
}

fn is_facet_name(s: &str) -> bool {
    s.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn is_entity_id(s: &str) -> bool {
    s.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

fn validate(entities: &[Entity], analyzer: &Analyzer) -> Result<()> {
    let mut keys: HashMap<(&str, &str), usize> = HashMap::new();
    let mut owners: HashMap<Vec<String>, (usize, &str)> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        let at = || format!("taxonomy entity {}", e.key());
        let fail = |problem: String| Err(invalid(at(), problem));
        if !is_facet_name(&e.facet) {
            return fail(format!(
                "the facet {:?} is not a facet name; use lower-case ASCII letters, digits and _ \
                 (platform, organisation, place, person)",
                e.facet
            ));
        }
        if let Some(group) = e.group.as_deref().filter(|g| !is_facet_name(g)) {
            return fail(format!(
                "the group {group:?} is not a group name; use lower-case ASCII letters, digits \
                 and _ (jihadist, media)"
            ));
        }
        if !is_entity_id(&e.id) {
            return fail(format!(
                "the id {:?} is not an entity id; use lower-case ASCII letters, digits, _ and - \
                 (telegram, al_qaeda)",
                e.id
            ));
        }
        if let Some(first) = keys.insert((&e.facet, &e.id), i) {
            return fail(format!(
                "{} is defined twice (entities {first} and {i}); merge them",
                e.key()
            ));
        }
        if e.ar.trim().is_empty() || e.en.trim().is_empty() {
            return fail("needs display names: give both \"ar\" and \"en\"".into());
        }
        if e.names.is_empty() && e.latin.is_empty() && e.quoted.is_empty() {
            return fail(
                "has no spelling to find it by; list its Arabic spellings in \"names\" or its \
                 Latin names in \"latin\""
                    .into(),
            );
        }
        let lists = [
            ("names", &e.names),
            ("latin", &e.latin),
            ("quoted", &e.quoted),
            ("adjectives", &e.adjectives),
        ];
        for (field, list) in lists {
            for spelling in list.iter() {
                let terms = terms(analyzer, spelling);
                if terms.is_empty() {
                    return fail(format!(
                        "the {field} spelling {spelling:?} has no word in it; remove it"
                    ));
                }
                if field == "quoted" && terms.len() > 1 {
                    return fail(format!(
                        "the quoted name {spelling:?} has several words; quoted names are one \
                         word (put longer names in \"names\")"
                    ));
                }
                if terms.len() == 1 && analyzer.is_stop_word(&terms[0]) {
                    return fail(format!(
                        "the {field} spelling {spelling:?} is a stop word and would match \
                         everywhere; remove it or make it part of a longer name"
                    ));
                }
                match owners.get(&terms) {
                    Some(&(other, other_spelling)) if other != i => {
                        return fail(format!(
                            "the spelling {spelling:?} is also {other_spelling:?} of {}; a \
                             spelling can name one entity only",
                            entities[other].key()
                        ));
                    }
                    Some(_) => {}
                    None => {
                        owners.insert(terms, (i, spelling));
                    }
                }
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Matching.

/// A mention found at a token: how many tokens it takes, its entity, its kind.
type Found = (usize, u32, MentionKind);

/// What [`EntityMatcher::name_at`] finds at a token.
struct NameAt {
    /// The name, and whether the conjunction و was taken off the token for it.
    best: Option<(Found, bool)>,
    /// A quoted name without its quotation marks: tokens, entity, after و.
    unquoted: Option<(usize, u32, bool)>,
}

/// One spelling, keyed by its first term.
#[derive(Debug, Clone)]
struct Pattern {
    /// The terms after the first.
    rest: Vec<String>,
    entity: u32,
    kind: MentionKind,
    /// Counts only between quotation marks.
    quoted: bool,
}

/// A taxonomy compiled for matching with one analyzer ([`Taxonomy::matcher`]).
#[derive(Debug, Clone)]
pub struct EntityMatcher {
    /// Patterns by first term, longest first.
    patterns: HashMap<String, Vec<Pattern>>,
    /// Variant keys of the one-word names of loanword entities (`None`: shared by two
    /// entities, unused).
    variants: HashMap<String, Option<u32>>,
    /// Each entity's facet and group: a quoted name joins by و only a name of the same.
    kinds: Vec<(String, Option<String>)>,
}

impl EntityMatcher {
    fn new(entities: &[Entity], analyzer: &Analyzer) -> EntityMatcher {
        let mut patterns: HashMap<String, Vec<Pattern>> = HashMap::new();
        let mut variants: HashMap<String, Option<u32>> = HashMap::new();
        let mut seen: HashMap<Vec<String>, u32> = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            let i = i as u32;
            let lists = [
                (&e.names, MentionKind::Name, false),
                (&e.latin, MentionKind::Name, false),
                (&e.quoted, MentionKind::Name, true),
                (&e.adjectives, MentionKind::Adjective, false),
            ];
            for (list, kind, quoted) in lists {
                for spelling in list {
                    let mut terms = terms(analyzer, spelling);
                    if terms.is_empty() || seen.contains_key(&terms) {
                        continue; // validated taxonomies have neither
                    }
                    seen.insert(terms.clone(), i);
                    let first = terms.remove(0);
                    patterns.entry(first).or_default().push(Pattern {
                        rest: terms,
                        entity: i,
                        kind,
                        quoted,
                    });
                }
            }
        }
        for (i, e) in entities.iter().enumerate() {
            if !e.loanword {
                continue;
            }
            for spelling in &e.names {
                let terms = terms(analyzer, spelling);
                let [term] = terms.as_slice() else { continue };
                let Some(key) = analyzer.spelling_key(term) else {
                    continue;
                };
                if key.chars().count() < MIN_VARIANT_KEY_LETTERS {
                    continue;
                }
                let slot = variants.entry(key).or_insert(Some(i as u32));
                if *slot != Some(i as u32) {
                    *slot = None;
                }
            }
        }
        // A key that is the key of another entity's listed spelling would steal it.
        let owned: Vec<(String, u32)> = seen
            .iter()
            .filter(|(terms, _)| terms.len() == 1)
            .filter_map(|(terms, &e)| Some((analyzer.spelling_key(&terms[0])?, e)))
            .collect();
        for (key, e) in owned {
            if let Some(slot) = variants.get_mut(&key) {
                if *slot != Some(e) {
                    *slot = None;
                }
            }
        }
        for list in patterns.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        let kinds = entities
            .iter()
            .map(|e| (e.facet.clone(), e.group.clone()))
            .collect();
        EntityMatcher {
            patterns,
            variants,
            kinds,
        }
    }

    /// The entity mentions of `text`, in text order, without overlaps (at each word the
    /// longest name wins). `analyzer` must be the one the matcher was compiled with.
    pub fn find(&self, analyzer: &Analyzer, text: &str) -> Vec<EntityMention> {
        self.find_in_tokens(analyzer, text, &analyzer.analyze(text))
    }

    /// Like [`find`](Self::find), on tokens the caller already has: `tokens` must be
    /// `analyzer.analyze(text)` (the indexer analyzes each field once for both).
    pub fn find_in_tokens(
        &self,
        analyzer: &Analyzer,
        text: &str,
        tokens: &[Token],
    ) -> Vec<EntityMention> {
        let mut out = Vec::new();
        // The token after the last name mentioned, and its entity.
        let mut last: Option<(usize, u32)> = None;
        let mut i = 0;
        while i < tokens.len() {
            let at = self.name_at(text, tokens, i);
            let mut best = at.best.map(|(found, _)| found);
            if best.is_none() {
                best = self
                    .variant(analyzer, &tokens[i].term)
                    .map(|e| (1, e, MentionKind::Variant));
            }
            // A quoted name without its quotation marks still counts when the conjunction و
            // joins it to a name of the same facet and group right before or after it, with
            // nothing but spaces, commas or quotation marks between: «تنظيمي داعش
            // والقاعدة», «القاعدة وداعش» (but not «نيويورك تايمز وناشر الكتاب»: a
            // newspaper is not of ناشر's group). Not in a chain: a name joined so joins
            // nothing further.
            let mut joined = false;
            if let (None, Some((len, entity, after_and))) = (best, at.unquoted) {
                let same = |other: u32| self.kinds[other as usize] == self.kinds[entity as usize];
                let joined_to_last = after_and
                    && last.is_some_and(|(end, other)| {
                        end == i
                            && same(other)
                            && only_joiners(text, tokens[i - 1].end, tokens[i].start)
                    });
                let joined_to_next = tokens.get(i + len).is_some_and(|next| {
                    only_joiners(text, tokens[i + len - 1].end, next.start)
                        && matches!(
                            self.name_at(text, tokens, i + len).best,
                            Some(((_, other, MentionKind::Name), true)) if same(other)
                        )
                });
                if joined_to_last || joined_to_next {
                    best = Some((len, entity, MentionKind::Name));
                    joined = true;
                }
            }
            match best {
                Some((len, entity, kind)) => {
                    out.push(EntityMention {
                        entity: EntityId(entity),
                        start: tokens[i].start,
                        end: tokens[i + len - 1].end,
                        kind,
                    });
                    i += len;
                    last = Some((i, entity)).filter(|_| kind == MentionKind::Name && !joined);
                }
                None => i += 1,
            }
        }
        out
    }

    /// What begins at token `i`: the longest listed name (or adjective), and whether a
    /// conjunction و was taken off the token for it; when none, a quoted name that is there
    /// without its quotation marks (and the same flag).
    fn name_at(&self, text: &str, tokens: &[Token], i: usize) -> NameAt {
        let term = &tokens[i].term;
        let mut best: Option<(Found, bool)> = None;
        let mut unquoted = None;
        for candidate in clitic_forms(term) {
            let Some(list) = self.patterns.get(candidate.as_str()) else {
                continue;
            };
            for p in list {
                let len = 1 + p.rest.len();
                if best.is_some_and(|((l, _, _), _)| l >= len) {
                    break;
                }
                let fits = tokens
                    .get(i + 1..i + len)
                    .is_some_and(|next| next.iter().zip(&p.rest).all(|(t, want)| t.term == *want));
                if !fits {
                    continue;
                }
                let after_and = after_conjunction(term, &candidate);
                if !p.quoted || is_quoted(text, tokens[i].start, tokens[i].end) {
                    best = Some(((len, p.entity, p.kind), after_and));
                    break;
                }
                unquoted.get_or_insert((len, p.entity, after_and));
            }
        }
        NameAt {
            best,
            unquoted: unquoted.filter(|_| best.is_none()),
        }
    }

    /// The entity of a word through its variant key, under the gates of the module
    /// documentation.
    fn variant(&self, analyzer: &Analyzer, term: &str) -> Option<u32> {
        if self.variants.is_empty()
            || term.chars().count() < MIN_VARIANT_WORD_LETTERS
            || !term.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
            || analyzer.is_stop_word(term)
        {
            return None;
        }
        // The variant key removes و and the article itself; ب ل ك ف are tried here.
        let mut forms = vec![term];
        for p in ["ب", "ل", "ك", "ف"] {
            if let Some(rest) = term.strip_prefix(p) {
                if rest.chars().count() >= MIN_VARIANT_WORD_LETTERS {
                    forms.push(rest);
                }
            }
        }
        forms.into_iter().find_map(|form| {
            let key = analyzer.spelling_key(form)?;
            (*self.variants.get(&key)?).filter(|_| key.chars().count() >= MIN_VARIANT_KEY_LETTERS)
        })
    }

    /// The entities of a document's title, subtitle, body and tags, each with its number
    /// of mentions, in [`EntityId`] order. An entity named only through adjectives is kept
    /// when it has at least [`ADJECTIVE_ONLY_MIN`] of them.
    pub fn document_entities(&self, analyzer: &Analyzer, doc: &Document) -> Vec<(EntityId, u32)> {
        // (name and variant mentions, adjective mentions)
        let mut counts: BTreeMap<EntityId, (u32, u32)> = BTreeMap::new();
        let fields = std::iter::once(doc.title.as_str())
            .chain(doc.subtitle.as_deref())
            .chain(doc.body.iter().map(String::as_str))
            .chain(doc.tags.iter().map(String::as_str));
        for field in fields {
            for m in self.find(analyzer, field) {
                let c = counts.entry(m.entity).or_default();
                match m.kind {
                    MentionKind::Adjective => c.1 += 1,
                    _ => c.0 += 1,
                }
            }
        }
        counts
            .into_iter()
            .filter(|&(_, (names, adjectives))| names > 0 || adjectives >= ADJECTIVE_ONLY_MIN)
            .map(|(id, (names, adjectives))| (id, names + adjectives))
            .collect()
    }
}

/// Quotation marks around quoted names.
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '«' | '»' | '“' | '”' | '„' | '‟' | '‘' | '’' | '‹' | '›' | '`' | '＂'
    )
}

/// Is the text between two words only what may stand between two names joined by و
/// (spaces, commas, quotation marks: «داعش» والقاعدة), not a sentence's end?
fn only_joiners(text: &str, end: usize, start: usize) -> bool {
    text.get(end..start).is_some_and(|between| {
        between
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, ',' | '،') || is_quote(c))
    })
}

/// Was `candidate` (a clitic form of `term`) reached by taking off a proclitic sequence that
/// begins with the conjunction و? (وكالة أعماق begins with the letter, not the word.)
fn after_conjunction(term: &str, candidate: &str) -> bool {
    term.strip_prefix('و')
        .is_some_and(|rest| clitic_forms(rest).iter().any(|f| f == candidate))
}

fn is_quoted(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    before.is_some_and(is_quote) && after.is_some_and(is_quote)
}

/// Proclitic sequences, shortest first: conjunction (و ف), preposition (ب ل ك), article
/// (ال, written لل after ل); `true` when the sequence ends with the article.
const PROCLITIC_PREFIXES: &[(&str, bool)] = &[
    ("و", false),
    ("ف", false),
    ("ب", false),
    ("ل", false),
    ("ك", false),
    ("ال", true),
    ("وب", false),
    ("ول", false),
    ("وك", false),
    ("فب", false),
    ("فل", false),
    ("فك", false),
    ("لل", true),
    ("وال", true),
    ("فال", true),
    ("بال", true),
    ("كال", true),
    ("ولل", true),
    ("فلل", true),
    ("وبال", true),
    ("وكال", true),
    ("فبال", true),
    ("فكال", true),
];

/// A normalized word and its forms without attached proclitics, least stripped first:
/// a conjunction (و ف), then a preposition (ب ل ك), then the article (ال; ل + ال is
/// written لل). When the article is removed, the form with ال is given too, for names
/// listed with it (للعراق → عراق, العراق). At least three letters remain.
fn clitic_forms(term: &str) -> Vec<String> {
    let mut forms = vec![term.to_owned()];
    if !term
        .chars()
        .next()
        .is_some_and(|c| ('\u{0621}'..='\u{064A}').contains(&c))
    {
        return forms;
    }
    for &(p, article) in PROCLITIC_PREFIXES {
        let Some(rest) = term.strip_prefix(p) else {
            continue;
        };
        if rest.chars().count() < 3 {
            continue;
        }
        for form in [rest.to_owned(), format!("ال{rest}")]
            .into_iter()
            .take(1 + article as usize)
        {
            if !forms.contains(&form) {
                forms.push(form);
            }
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitic_forms_least_stripped_first() {
        assert_eq!(clitic_forms("وتيليغرام"), ["وتيليغرام", "تيليغرام"]);
        let forms = clitic_forms("للعراق");
        assert_eq!(forms[0], "للعراق");
        assert!(forms.contains(&"العراق".to_owned()), "{forms:?}");
        assert_eq!(clitic_forms("telegram"), ["telegram"]);
        assert_eq!(clitic_forms("ولد"), ["ولد"]);
    }

    #[test]
    fn quotes_around_a_word() {
        let text = "وكالة «ناشر» و\"ناشر\" وناشر";
        let at = |n: usize| {
            let start = text.match_indices("ناشر").nth(n).unwrap().0;
            is_quoted(text, start, start + "ناشر".len())
        };
        assert!(at(0) && at(1) && !at(2));
    }
}

/// Finds a taxonomy's entities in documents at index time: each entity a document mentions
/// becomes a value of its facet (`platform`, `place`…), labelled with its Arabic and English
/// names.
#[derive(Debug, Clone)]
pub struct TaxonomyExtractor {
    taxonomy: Taxonomy,
    matcher: EntityMatcher,
}

impl TaxonomyExtractor {
    /// Compiles `taxonomy` for `analyzer` (the index builder's).
    pub fn new(taxonomy: Taxonomy, analyzer: &Analyzer) -> Self {
        let matcher = taxonomy.matcher(analyzer);
        TaxonomyExtractor { taxonomy, matcher }
    }
}

impl crate::index::facets::Extractor for TaxonomyExtractor {
    fn extract(&self, analyzer: &Analyzer, doc: &Document) -> crate::index::facets::Extracted {
        let values = self
            .matcher
            .document_entities(analyzer, doc)
            .into_iter()
            .filter_map(|(id, _)| self.taxonomy.entity(id))
            .map(|e| crate::index::facets::FacetValue {
                facet: e.facet.clone(),
                value: e.id.clone(),
                label_ar: Some(e.ar.clone()),
                label_en: Some(e.en.clone()),
                names: e.other_names(),
            })
            .collect();
        crate::index::facets::Extracted {
            values,
            dates: Vec::new(),
        }
    }
}
