//! Searching an [`Index`]: parse the query, find the matching documents, rank them with
//! BM25F, and cut a highlighted snippet for each hit.
//!
//! Ranking (see ARCHITECTURE.md for the reasoning):
//!
//! ```text
//! score(d)    = Σ over required clauses c of  max over c's alternatives of  Σ over their words w of  word(w, d)
//! word(w, d)  = max( T · idf · (k1 + 1) · sat(Σ over forms t of w in d of  tier(t) / T · tf'(t, d)),
//!                    max over other terms t of w  tier(t) · idf · (k1 + 1) · sat(tf'(t, d)) )
//! T           = the best tier among the forms of w that d has
//! sat(x)      = x / (k1 + x); sat(tf'(t, d)) is stored in the index as an impact in 1/255 steps
//! tf'(t, d)   = Σ over fields f of  weight(f) · tf(t,d,f) / (1 − b(f) + b(f) · len(d,f) / avglen(f))
//! idf         = ln(1 + (N − df + 0.5) / (df + 0.5))
//! ```
//! The forms of a word are its terms at the tiers exact, stem and variant (its spellings
//! and inflections: one word, whose frequencies add up; `tf'` is read back from the
//! impact); the other terms are its completions while typed and its typo neighbours (other
//! words: only the best counts). df is the largest df among the terms of the query word (its spellings, inflected
//! forms, completions while it is typed, typo neighbours), so they share one idf: the
//! word's commonest reading says how informative it is, and the tiers and term frequencies
//! order the documents; k1 = 1.2, field weights and b in [`crate::index::default_fields`],
//! and match tiers in [`matcher::tier`]. A field-scoped word (`title:…`) computes `sat`
//! exactly from that field's term frequency instead of reading the impact. The best
//! [`PROXIMITY_CANDIDATES`] documents are then boosted when the query's words stand close
//! together ([`PROXIMITY_WEIGHT`]). Documents matching more required clauses rank first
//! (this only differs in partial results); ties are broken by document order
//! (deterministic).

pub mod filter;
pub mod fuzzy;
pub mod matcher;
mod names;
pub mod query;
pub mod snippet;

use crate::error::{Error, Result};
use crate::index::{DocSet, Index, IMPACT_SCALE};
use crate::text::Analyzer;
use filter::{CompiledFilters, FacetCount};
pub use filter::{Filter, Sort};
use fixedbitset::FixedBitSet;
use matcher::WordMatcher;
use query::Atom;
use rustc_hash::FxHashMap;
use serde::Serialize;
use snippet::Snippet;
use std::cmp::Ordering;
use std::collections::BTreeMap;

pub use crate::index::K1;

/// The most hits one call may return.
pub const MAX_LIMIT: usize = 1000;

/// What to return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOptions {
    /// How many hits (default 10, at most [`MAX_LIMIT`]).
    pub limit: usize,
    /// How many hits to skip (for paging).
    pub offset: usize,
    /// Facet filters (any of the values within a facet, all facets, exclusions).
    pub filters: Vec<Filter>,
    /// Keep documents about a date on or after this one (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
    pub date_from: Option<String>,
    /// Keep documents about a date on or before this one.
    pub date_to: Option<String>,
    /// Result order.
    pub sort: Sort,
    /// Facets to count for the results (`*` = all).
    pub facets: Vec<String>,
    /// The most values returned per counted facet, those with the most results (and the
    /// values chosen in the facet's filter); `None` = every value. The timeline facets
    /// `year` and `month` always give every value.
    pub facet_limit: Option<usize>,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            offset: 0,
            filters: Vec::new(),
            date_from: None,
            date_to: None,
            sort: Sort::Relevance,
            facets: Vec::new(),
            facet_limit: None,
        }
    }
}

impl SearchOptions {
    /// Checks the options.
    pub fn validate(&self) -> Result<()> {
        if self.limit == 0 || self.limit > MAX_LIMIT {
            return Err(Error::InvalidOptions(format!(
                "limit must be between 1 and {MAX_LIMIT}, got {}",
                self.limit
            )));
        }
        Ok(())
    }
}

/// One result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hit {
    /// The document's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Relevance score (higher is better; comparable within one query only).
    pub score: f32,
    /// Publication date, ISO 8601, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// With no publication date, the latest date the text mentions (`YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`, as precise as written), which the sort by date goes by.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest_mention: Option<String>,
    /// Byline, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Publication, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Link, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Matched words in the title: UTF-16 `[start, end)` offsets.
    pub title_highlights: Vec<[u32; 2]>,
    /// The best passage, highlighted.
    pub snippet: Snippet,
}

/// The results of a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// How many documents match.
    pub total: usize,
    /// True when no document has every word and the hits match only some of them.
    pub partial: bool,
    /// How many documents that match the query's words its exclusions (`-word`) removed.
    /// When they removed every one, the results are empty rather than partial matches:
    /// the exclusion is why.
    #[serde(skip_serializing_if = "is_zero")]
    pub excluded: usize,
    /// A corrected query ("did you mean"), when words matched nothing or only by a typo.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// Counts of the requested facets' values (disjunctive: see [`filter`]).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub facets: BTreeMap<String, Vec<FacetCount>>,
    /// Per counted facet, how many of its values have results (more than `facets` lists
    /// when `facet_limit` cut it).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub facet_totals: BTreeMap<String, usize>,
    /// The hits, best first, after `offset`, at most `limit`.
    pub hits: Vec<Hit>,
}

/// A clause alternative after analysis: one word, or several in a row (a phrase).
#[derive(Debug)]
struct Alternative {
    words: Vec<WordMatcher>,
    /// Per word, the index terms it matches with their tier weight (filled by `evaluate`).
    expansions: Vec<Vec<(u64, f32)>>,
    /// Per word of a phrase, for a name written as two words and matched as one
    /// ([`WordMatcher::pair`]), the second word's term: where the name was found as the
    /// two words, the phrase goes on after the second.
    seconds: Vec<Option<String>>,
    /// Per word of a phrase, did it match a term of two words (filled by `evaluate`, for
    /// the highlights: there too the phrase may go on one position further)?
    two_word_terms: Vec<bool>,
    field: Option<u8>,
    /// For another name of the reader's words added beside them (an entity's Arabic name for
    /// its Latin one, `label_alternatives`; a listed Latin name of two words as one,
    /// `latin_name_alternative`; a month's other names, `month_alternatives`): the index, in its clause, of the alternative of those
    /// words. Not the reader's words: no suggestion for them, no part of `single_word`.
    label: Option<usize>,
    /// The date the words write, when they are one (`2018`, `20/12/2018`), packed: the
    /// documents about it match too, those that do not write it at [`DATE_TIER`]
    /// ([`crate::dates::typed_date`]).
    date: Option<u32>,
    /// Do its words count only in the documents about `date`? For a month's name that is
    /// as often something else, beside a year (آب 2016: not واتس آب in an article of 2016).
    only_dated: bool,
}

impl Alternative {
    /// An alternative of one word.
    fn of_word(word: WordMatcher, field: Option<u8>) -> Self {
        Alternative {
            words: vec![word],
            expansions: Vec::new(),
            seconds: vec![None],
            two_word_terms: Vec::new(),
            field,
            label: None,
            date: None,
            only_dated: false,
        }
    }
}

/// A required (or optional) part of the query: alternatives joined by `OR`.
#[derive(Debug)]
struct Clause {
    alternatives: Vec<Alternative>,
    /// Must a document match it? (Stop-word clauses are optional beside other words.)
    required: bool,
}

/// Where a term occurs: `(document, field, position)`.
type Occurrence = (u32, u8, u32);

/// The most answers of [`matcher::is_listed_term`] a searcher remembers (then it forgets
/// them all).
pub const MAX_REMEMBERED_TERMS: usize = 4096;

/// The most entities a Latin word being typed meets by the beginning of their name.
pub const MAX_TYPED_LABELS: usize = 4;

/// A Latin word being typed meets the entities whose name it begins from this many letters.
pub const MIN_TYPED_LABEL_CHARS: usize = 3;

/// The most adjacent Latin words read together as one entity's name (The New York Times).
pub const MAX_NAME_WORDS: usize = 4;

/// How many of the best documents get a proximity boost.
pub const PROXIMITY_CANDIDATES: usize = 100;

/// The largest proximity boost (for query words side by side): the score is multiplied by
/// up to `1 + PROXIMITY_WEIGHT`.
pub const PROXIMITY_WEIGHT: f32 = 0.5;

/// Another name of the query's words (an entity's, a month's, a number's in words) counts
/// this much of the words themselves.
pub const OTHER_NAME_WEIGHT: f32 = 0.8;

/// The match tier of a document about a date the query writes (`2018`) but whose text
/// does not write it: as another spelling of a word.
pub const DATE_TIER: f32 = matcher::tier::VARIANT;

/// Searches one index.
#[derive(Debug)]
pub struct Searcher {
    index: Index,
    analyzer: Analyzer,
    /// Per document and field: `weight / (1 − b + b · len / avglen)`, BM25F's field weight
    /// times its length normalization.
    length_norms: Vec<f32>,
    /// Per impact (a posting's saturation in 1/255 steps), the term frequency `tf'` it
    /// stands for: `k1 · sat / (1 − sat)`, so that the forms of a word can be added up.
    impact_tf: [f32; 256],
    /// Shortcuts that must not change any result (all on, but in the tests that check
    /// exactly that).
    shortcuts: Shortcuts,
    /// The index's entities' names, as a query meets them (BBC → هيئة الإذاعة البريطانية).
    names: names::EntityNames,
    /// Whether terms met so far are listed forms of a name ([`matcher::is_listed_term`]):
    /// a word typed goes on being searched at each later keystroke.
    /// (Sorted by ordinal.)
    listed_terms: std::sync::Mutex<Vec<(u64, bool)>>,
}

/// See [`Searcher::shortcuts`].
#[derive(Debug, Clone, Copy)]
struct Shortcuts {
    /// Snippets use the positions the index stores for each paragraph.
    stored_positions: bool,
    /// Each required clause is scored only over the documents that have the ones before.
    conjunctive: bool,
}

impl Searcher {
    /// A searcher over `index`.
    pub fn new(index: Index) -> Self {
        let fields = index.fields();
        let mut length_norms = Vec::with_capacity(index.document_count() as usize * fields.len());
        for doc in 0..index.document_count() {
            for (f, field) in fields.iter().enumerate() {
                let length = index.field_length(doc, f as u8);
                length_norms.push(crate::index::length_norm(
                    &field.spec,
                    length,
                    field.average_length,
                ));
            }
        }
        // The index checked its settings when it was loaded.
        let analyzer = Analyzer::with_settings(index.analysis()).unwrap_or_default();
        let names = names::EntityNames::new(&index, &analyzer);
        // An impact of 255 is any saturation from 254.5/255 up: read as that.
        let impact_tf = std::array::from_fn(|q| {
            let sat = (q as f32).min(IMPACT_SCALE - 0.5) / IMPACT_SCALE;
            K1 * sat / (1.0 - sat)
        });
        Searcher {
            index,
            analyzer,
            length_norms,
            impact_tf,
            names,
            listed_terms: Default::default(),
            shortcuts: Shortcuts {
                stored_positions: true,
                conjunctive: true,
            },
        }
    }

    /// The index searched.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The analyzer used for queries.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Runs a query.
    pub fn search(&self, query: &str, options: &SearchOptions) -> Result<SearchResults> {
        options.validate()?;
        let filters = CompiledFilters::new(
            &self.index,
            &options.filters,
            options.date_from.as_deref(),
            options.date_to.as_deref(),
        )?;
        let parsed = self.names_excluded_whole(query::parse(query));
        let mut clauses = self.clauses(&parsed);
        let mut results = SearchResults {
            query: query.to_owned(),
            total: 0,
            partial: false,
            excluded: 0,
            suggestion: None,
            facets: BTreeMap::new(),
            facet_totals: BTreeMap::new(),
            hits: Vec::new(),
        };
        let n = self.index.document_count() as usize;
        let (mut ranked, sort) = if clauses.is_empty() && parsed.excluded.is_empty() {
            // No query: with filters, browse the filtered archive (newest first by default);
            // without, no hits (but facet counts over the whole archive).
            let ranked = if filters.active {
                (0..n as u32).map(|d| (d, 0, 0.0)).collect()
            } else {
                Vec::new()
            };
            let sort = if options.sort == Sort::Relevance {
                Sort::Newest
            } else {
                options.sort
            };
            let mut all = FixedBitSet::with_capacity(n);
            all.insert_range(..);
            let counted = filters.count(&self.index, &options.facets, &all, options.facet_limit)?;
            (results.facets, results.facet_totals) = (counted.counts, counted.totals);
            (ranked, sort)
        } else {
            let ranked = self.rank(&parsed, &mut clauses, &filters, &mut results)?;
            let matched = bitset_of(n, ranked.iter().map(|r| r.0));
            let counted =
                filters.count(&self.index, &options.facets, &matched, options.facet_limit)?;
            (results.facets, results.facet_totals) = (counted.counts, counted.totals);
            (ranked, options.sort)
        };
        if filters.active {
            ranked.retain(|r| filters.accepts(r.0));
        }
        results.total = ranked.len();
        let alternatives = || clauses.iter().flat_map(|c| c.alternatives.iter());
        // A stop word beside other words (an optional clause: «على» of «على تويتر») is
        // not why a document matched: it is not marked, nor looked for by the snippet. Its
        // words keep their numbers, with nothing to match.
        let marked = clauses.iter().flat_map(|c| {
            c.alternatives.iter().flat_map(move |a| {
                a.expansions
                    .iter()
                    .map(move |e| if c.required { e.as_slice() } else { &[] })
            })
        });
        let marker = snippet::Highlighter::new(
            &self.index,
            &self.analyzer,
            marked,
            alternatives().any(|a| a.words.iter().any(WordMatcher::may_match_pairs)),
        )
        .with_phrases(phrases(&clauses))
        .with_fields(
            alternatives()
                .flat_map(|a| a.expansions.iter().map(|_| a.field))
                .collect(),
        );
        // Only the hits shown are put in order: the best `offset + limit` are selected
        // (linear time), then sorted. The positions of the query's words in the candidates
        // are read in one walk of the matched terms' postings, for the proximity boost and
        // the highlights both.
        let wanted = options.offset.saturating_add(options.limit);
        let mut located = None;
        match sort {
            Sort::Relevance => {
                let order = |a: &Ranked, b: &Ranked| {
                    // Scores strictly apart order as `total_cmp` orders them (the cheap
                    // comparison first: most candidates are turned away by it); equal
                    // ones, ±0 and NaN take the whole comparison.
                    if a.1 == b.1 {
                        if a.2 > b.2 {
                            return Ordering::Less;
                        }
                        if a.2 < b.2 {
                            return Ordering::Greater;
                        }
                    }
                    b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0))
                };
                // Proximity can only raise the best candidates' scores, so the hits shown
                // are among the best `max(wanted, PROXIMITY_CANDIDATES)` before it.
                let near = proximity_words(&clauses);
                if near.last().is_some_and(|w| w.1 >= 1) {
                    top_k(&mut ranked, wanted.max(PROXIMITY_CANDIDATES), order);
                    let candidates: Vec<u32> = ranked.iter().map(|r| r.0).collect();
                    let found = marker.locate_words(&candidates)?;
                    boost_proximity(&near, &found, &mut ranked);
                    located = Some(found);
                }
                top_k(&mut ranked, wanted, order);
            }
            Sort::Newest | Sort::Oldest => {
                let key = |d: u32| self.index.sort_key(d);
                top_k(&mut ranked, wanted, |a: &Ranked, b: &Ranked| {
                    let (ka, kb) = (key(a.0), key(b.0));
                    (ka == 0)
                        .cmp(&(kb == 0)) // undated last
                        .then(if sort == Sort::Newest {
                            kb.cmp(&ka)
                        } else {
                            ka.cmp(&kb)
                        })
                        .then(b.2.total_cmp(&a.2))
                        .then(a.0.cmp(&b.0))
                });
            }
        }
        let incomplete = results.partial || results.total == 0;
        results.suggestion = self.suggestion(query, &clauses, incomplete);

        let shown: Vec<(u32, f32)> = ranked
            .iter()
            .skip(options.offset)
            .take(options.limit)
            .map(|r| (r.0, r.2))
            .collect();
        let docs: Vec<u32> = shown.iter().map(|s| s.0).collect();
        let mut located = match located {
            Some(mut found) => {
                marker.locate_exact(&docs, &mut found)?;
                found
            }
            None => marker.locate(&docs)?,
        };
        for (doc, score) in shown {
            let found = located.remove(&doc).unwrap_or_default();
            let present = found.word_count();
            results
                .hits
                .push(self.hit(doc, score, &marker, &found, present)?);
        }
        Ok(results)
    }

    /// The documents matching the query, in no order: `(document, required clauses
    /// matched, score)`. Counts in `results.excluded` the documents with every word (and
    /// that the `filters` accept) which the exclusions removed; sets `results.partial` when
    /// no document has every word, unless the exclusions removed them.
    fn rank(
        &self,
        parsed: &query::ParsedQuery,
        clauses: &mut [Clause],
        filters: &CompiledFilters,
        results: &mut SearchResults,
    ) -> Result<Vec<Ranked>> {
        let n = self.index.document_count() as usize;
        let mut excluded = FixedBitSet::with_capacity(n);
        for atom in &parsed.excluded {
            let alt = self.alternative(atom, false);
            // A Latin name of two words (-"Islamic State") is excluded in Arabic too.
            let name = self.latin_name_alternative(&alt.words, alt.field, 0);
            for mut alt in std::iter::once(alt).chain(name) {
                alt.words.iter_mut().for_each(WordMatcher::strict);
                for doc in self.evaluate(&mut alt, None)?.0 {
                    excluded.insert(doc as usize);
                }
            }
        }
        if clauses.is_empty() {
            // Only exclusions: every other document (and, counted, those they removed: when
            // they removed all, the empty state says the exclusions are why).
            results.excluded = excluded
                .ones()
                .filter(|&d| filters.accepts(d as u32))
                .count();
            return Ok((0..n as u32)
                .filter(|&d| !excluded.contains(d as usize))
                .map(|d| (d, 0, 0.0))
                .collect());
        }
        let required = clauses.iter().filter(|c| c.required).count() as u16;
        let conjunctive = self.shortcuts.conjunctive;
        let (totals, counts, touched) = self.score_clauses(clauses, conjunctive)?;
        // (No counts: one clause, which every touched document matched.)
        let single = counts.is_empty();
        let has_all = |d: u32| single || counts[d as usize] == required;
        let mut ranked: Vec<Ranked> = Vec::with_capacity(touched.len());
        if parsed.excluded.is_empty() {
            // (Nothing excluded: no set to look each document up in.)
            if single {
                ranked.extend(touched.iter().map(|&d| (d, required, totals[d as usize])));
            } else {
                ranked.extend(
                    touched
                        .iter()
                        .filter(|&&d| has_all(d))
                        .map(|&d| (d, required, totals[d as usize])),
                );
            }
        } else {
            for &d in touched.iter().filter(|&&d| has_all(d)) {
                if excluded.contains(d as usize) {
                    results.excluded += usize::from(filters.accepts(d));
                } else {
                    ranked.push((d, required, totals[d as usize]));
                }
            }
        }
        if ranked.is_empty() && required > 1 && results.excluded == 0 {
            // Nobody has every word: the best partial matches, most words first. The
            // clauses are scored again, over every document.
            let (totals, counts, touched) = self.score_clauses(clauses, false)?;
            ranked = touched
                .iter()
                .filter(|&&d| !excluded.contains(d as usize) && counts[d as usize] > 0)
                .map(|&d| (d, counts[d as usize], totals[d as usize]))
                .collect();
            // (When no document has any of the words, there are no partial matches either.)
            results.partial = !ranked.is_empty();
        }
        Ok(ranked)
    }

    /// Scores the clauses: per document its total score and how many required clauses it
    /// matched, and the documents with either. With `conjunctive`, the required clauses
    /// are scored cheapest first (fewest postings), each over the documents that matched
    /// all those before it only: a document missing one is never ranked, so its other
    /// scores are not needed (the partial fallback scores again without this). The totals
    /// are summed in the query's order either way, so the scores do not depend on it.
    /// With one clause, the counts are empty: every document returned matched it.
    fn score_clauses(
        &self,
        clauses: &mut [Clause],
        conjunctive: bool,
    ) -> Result<(Vec<f32>, Vec<u16>, Vec<u32>)> {
        let n = self.index.document_count() as usize;
        let mut order: Vec<usize> = (0..clauses.len()).collect();
        if conjunctive {
            let mut costs = Vec::with_capacity(clauses.len());
            for clause in clauses.iter_mut() {
                let mut cost = 0usize;
                for alt in &mut clause.alternatives {
                    self.expand(alt)?;
                    for &(ordinal, _) in alt.expansions.iter().flatten() {
                        cost += self.index.doc_frequency(ordinal)?;
                    }
                }
                costs.push(cost);
            }
            order.sort_by_key(|&c| (!clauses[c].required, costs[c]));
        }
        let mut allowed: Option<FixedBitSet> = None;
        let mut scored: Vec<Option<(Vec<u32>, Vec<f32>)>> = vec![None; clauses.len()];
        for (k, &c) in order.iter().enumerate() {
            let clause = &mut clauses[c];
            let mut clause_docs: Vec<u32> = Vec::new();
            let mut clause_scores: Vec<f32> = Vec::new();
            let single = clause.alternatives.len() == 1;
            // Another name of the reader's words counts as much as those words, however many
            // words it has: BBC's هيئة الإذاعة البريطانية is one name, not three words, and
            // a three-word spelling of Europol must not outrank the articles that write
            // يوروبول three times. (Never more than the words: بي بي سي's BBC is one name.)
            let mut scales: Vec<f32> = clause
                .alternatives
                .iter()
                .map(|alt| match alt.label {
                    Some(source) if alt.words.len() > 1 => {
                        let typed = clause.alternatives.get(source).map_or(1, |a| a.words.len());
                        (typed as f32 / alt.words.len() as f32).min(1.0)
                    }
                    _ => 1.0,
                })
                .collect();
            if !single {
                self.scale_to_commonest_name(&mut clause.alternatives, &mut scales)?;
                // The reader's own words before another name of theirs, when both score
                // alike: «الولايات المتحدة» ranks the article that writes it over those
                // that write only «الأمريكي».
                for (alt, scale) in clause.alternatives.iter().zip(&mut scales) {
                    if alt.label.is_some() {
                        *scale *= OTHER_NAME_WEIGHT;
                    }
                }
            }
            // The sides of an OR (each alternative that is no other name of another) add
            // up: an article with تيليجرام and تويتر ranks above one with either. The names
            // of one side count by the best of them. `(side, its documents, scores)`.
            let mut sides: Vec<(usize, Vec<u32>, Vec<f32>)> = Vec::new();
            for (i, (alt, scale)) in clause.alternatives.iter_mut().zip(scales).enumerate() {
                let side = alt.label.unwrap_or(i);
                let (docs, scores) = self.evaluate(alt, allowed.as_ref())?;
                if single && scale == 1.0 {
                    (clause_docs, clause_scores) = (docs, scores);
                    break;
                }
                let k = match sides.iter().position(|(s, _, _)| *s == side) {
                    Some(k) => k,
                    None => {
                        sides.push((side, Vec::new(), vec![0f32; n]));
                        sides.len() - 1
                    }
                };
                let (_, side_docs, best) = &mut sides[k];
                for doc in docs {
                    let s = scores[doc as usize] * scale;
                    let slot = &mut best[doc as usize];
                    if *slot == 0.0 {
                        side_docs.push(doc);
                    }
                    *slot = slot.max(s);
                }
            }
            if sides.len() == 1 {
                let (_, docs, scores) = sides.pop().expect("one side");
                (clause_docs, clause_scores) = (docs, scores);
            } else if !sides.is_empty() {
                clause_scores = vec![0f32; n];
                for (_, docs, scores) in &sides {
                    for &doc in docs {
                        let slot = &mut clause_scores[doc as usize];
                        if *slot == 0.0 {
                            clause_docs.push(doc);
                        }
                        *slot += scores[doc as usize];
                    }
                }
            }
            // (Not after the last clause: no clause is left to use it.)
            if conjunctive && clause.required && k + 1 < order.len() {
                allowed = Some(bitset_of(n, clause_docs.iter().copied()));
            }
            scored[c] = Some((clause_docs, clause_scores));
        }
        if let [Some((_, scores))] = scored.as_slice() {
            if scores.len() == n {
                // One clause: its scores are the totals, and every document it matched
                // has it: no counts (`rank` reads an empty list so).
                let Some(Some((docs, scores))) = scored.pop() else {
                    unreachable!("one clause was scored");
                };
                return Ok((scores, Vec::new(), docs));
            }
        }
        // The totals start from the first clause's scores (0 but at its documents, which
        // are touched first): the sums are the same, without a buffer to clear.
        let mut totals: Vec<f32> = Vec::new();
        let mut counts = vec![0u16; n];
        let mut touched: Vec<u32> = Vec::new();
        for (clause, scored) in clauses.iter().zip(scored) {
            let Some((docs, scores)) = scored else {
                continue;
            };
            if totals.is_empty() && scores.len() == n {
                for &doc in &docs {
                    counts[doc as usize] += u16::from(clause.required);
                }
                (totals, touched) = (scores, docs);
                continue;
            }
            if totals.is_empty() {
                totals = vec![0f32; n];
            }
            for doc in docs {
                let d = doc as usize;
                if totals[d] == 0.0 && counts[d] == 0 {
                    touched.push(doc);
                }
                totals[d] += scores[d];
                counts[d] += u16::from(clause.required);
            }
        }
        Ok((totals, counts, touched))
    }

    /// The names of one thing are one name: a document that writes a rare one (تشرين الأول
    /// for October, in one article) is not more about it than one that writes the common one
    /// (أكتوبر, in three). So, as the spellings of a word share the idf of the commonest
    /// ([`score_word`](Self::score_word)), the other names of the reader's words
    /// (alternatives with a `label`) and those words are scored at the weight of the
    /// commonest: each alternative's scale becomes `commonest / weight`, its `weight` the sum
    /// of its words' idfs (each word's that of its commonest term), the `commonest` the
    /// smallest weight of the group's alternatives found in the index. An alternative the
    /// index lacks keeps its scale (it scores nothing); so do alternatives joined by `OR`,
    /// which are other words, not other names.
    fn scale_to_commonest_name(
        &self,
        alternatives: &mut [Alternative],
        scales: &mut [f32],
    ) -> Result<()> {
        let mut weights: Vec<Option<f32>> = Vec::with_capacity(alternatives.len());
        for alt in alternatives.iter_mut() {
            self.expand(alt)?;
            let mut weight = Some(0.0);
            for expansion in &alt.expansions {
                let mut df = 0;
                for &(ordinal, _) in expansion {
                    df = df.max(self.index.doc_frequency(ordinal)?);
                }
                weight = weight.filter(|_| df > 0).map(|w| w + self.idf(df));
            }
            weights.push(weight.filter(|&w| w > 0.0));
        }
        let root = |i: usize| alternatives[i].label.unwrap_or(i);
        for i in 0..alternatives.len() {
            let Some(weight) = weights[i] else { continue };
            let group = (0..alternatives.len()).filter(|&j| root(j) == root(i));
            if group.clone().count() < 2 {
                continue;
            }
            let commonest = group
                .filter_map(|j| weights[j])
                .fold(f32::INFINITY, f32::min);
            scales[i] = commonest / weight;
        }
        Ok(())
    }

    /// The query's clauses, analyzed.
    ///
    /// Each word or phrase is first a clause of its own, `or_next[i]` telling whether clause
    /// `i` is joined to the next by `OR`; the words that write one name are merged (never
    /// across an `OR`); then the clauses joined by `OR` become one. So `تيليجرام OR تام تام`
    /// is Telegram or the name تام تام, not (تيليجرام OR تام) AND تام.
    fn clauses(&self, parsed: &query::ParsedQuery) -> Vec<Clause> {
        let atoms = parsed.required.iter().map(Vec::len).sum::<usize>();
        let mut clauses: Vec<Clause> = Vec::with_capacity(atoms);
        let mut or_next: Vec<bool> = Vec::with_capacity(atoms);
        // Is the last clause a word being typed that says nothing yet?
        let mut says_nothing_yet = false;
        for (c, clause) in parsed.required.iter().enumerate() {
            let last = c + 1 == parsed.required.len();
            for (a, atom) in clause.iter().enumerate() {
                let typing = last && a + 1 == clause.len() && parsed.last_is_prefix;
                let mut alt = self.alternative(atom, typing);
                if alt.words.is_empty() {
                    continue;
                }
                if typing {
                    says_nothing_yet = matches!(&alt.words[..], [w] if says_nothing(&w.term));
                }
                // Arabic words in quotes are meant as written: their spellings, not their
                // other names (an entity's, a month's, a number's). A Latin name in quotes
                // still meets the Arabic names the articles write it with.
                if atom.phrase && !atom.text.is_ascii() {
                    alt.words.iter_mut().for_each(|w| w.literal(&self.analyzer));
                    let text = analyzed_key(&self.analyzer, &atom.text);
                    let mut alternatives = vec![alt];
                    alternatives.extend(
                        self.label_alternatives(&atom.text, &atom.field, 0, typing)
                            .into_iter()
                            .filter(|l| {
                                let name: Vec<&str> =
                                    l.words.iter().map(|w| w.term.as_str()).collect();
                                matcher::spelling_of(&name.join(" "), &text)
                            }),
                    );
                    let required = !alternatives[0].words.iter().all(|w| w.is_stop);
                    clauses.push(Clause {
                        alternatives,
                        required,
                    });
                    or_next.push(a + 1 < clause.len());
                    continue;
                }
                let mut labels = self.label_alternatives(&atom.text, &atom.field, 0, typing);
                labels.extend(self.latin_name_alternative(&alt.words, alt.field, 0));
                let months = self.month_alternatives(&alt.words, &atom.field, 0);
                if !months.is_empty() {
                    // A month's name is a word known to be meant: its typo neighbours are
                    // other words (أيار met خيار, "choice").
                    alt.words.iter_mut().for_each(WordMatcher::no_typos);
                }
                labels.extend(months);
                labels.extend(self.number_alternatives(&alt.words, alt.field, 0));
                if let Some(number) = self.number_word_alternative(&alt.words, alt.field, 0) {
                    // A number's word is known to be meant: its typo neighbours are other
                    // words (ستين met متين, عشرين تشرين).
                    alt.words.iter_mut().for_each(WordMatcher::no_typos);
                    labels.push(number);
                }
                // A word being typed that begins a stop word (عل of على) may be that stop
                // word: optional as one, so the results do not shrink to those with its
                // completions (عليهم) at that keystroke and come back at the next.
                // And «عدد» ("number") after «كم» or «ما» asks the question (كم عدد حسابات
                // داعش: how many accounts), which an article answers without the word.
                let asks = matches!(&alt.words[..], [w] if w.term == "عدد")
                    && clauses.last().is_some_and(|c: &Clause| {
                        matches!(single_word(c), Some(p) if p.term == "كم" || p.term == "ما")
                    });
                let required = !asks
                    && !alt
                        .words
                        .iter()
                        .all(|w| w.is_stop || typing && self.analyzer.begins_stop_word(&w.term));
                let mut alternatives = vec![alt];
                alternatives.append(&mut labels);
                clauses.push(Clause {
                    alternatives,
                    required,
                });
                or_next.push(a + 1 < clause.len());
            }
            // A word left out (only punctuation) does not join its neighbours.
            if let Some(link) = or_next.last_mut() {
                *link = false;
            }
        }
        // Clauses `i..i + len` can be merged into one when no OR joins them; `merged` keeps
        // `or_next` in step with such a merge.
        let joinable =
            |or_next: &[bool], i: usize, len: usize| !or_next[i..i + len - 1].contains(&true);
        let merged = |or_next: &mut Vec<bool>, i: usize, len: usize| {
            or_next.drain(i..i + len - 1);
        };
        // Beside other words, a last word being typed of one letter or only the article is not
        // matched yet (a prefix of one letter meets nothing, the article alone every word,
        // and as a word it made every result partial at each word boundary: «تنظيم د»,
        // «الدولة ال»): the query is the words before it until the next letter.
        if says_nothing_yet && clauses.len() > 1 {
            clauses.pop();
            or_next.pop();
            if let Some(link) = or_next.last_mut() {
                *link = false;
            }
        }
        // Three adjacent Arabic words that spell a name of the alias list (بي بي سي): one
        // clause, the words in a row or the name's Latin names and, for an entity, its
        // Arabic display name (the articles may write هيئة الإذاعة البريطانية instead).
        let mut i = 0;
        while i + 2 < clauses.len() {
            let words = [i, i + 1, i + 2].map(|c| single_word(&clauses[c]));
            if let ([Some(a), Some(b), Some(c)], true) = (words, joinable(&or_next, i, 3)) {
                let text = format!("{} {} {}", a.term, b.term, c.term);
                let names = match text.is_ascii() {
                    true => Vec::new(),
                    false => self.analyzer.alias_expansions(&text),
                };
                if !names.is_empty() {
                    clauses[i] = self.name_clause(text, false, &names);
                    clauses.drain(i + 1..i + 3);
                    merged(&mut or_next, i, 3);
                }
            }
            i += 1;
        }
        // The last words of the query beginning an Arabic spelling of several words of a
        // name (بي, بي بي, بي بي س: بي بي سي) are typed on the way to it: one clause, the
        // words as typed or the name (its Latin names and the entity's Arabic name), so
        // that the reader does not see "no results" at every word.
        for k in (1..=2).rev() {
            let Some(first) = clauses.len().checked_sub(k) else {
                continue;
            };
            if !joinable(&or_next, first, k) {
                continue;
            }
            let words: Option<Vec<&WordMatcher>> =
                clauses[first..].iter().map(single_word).collect();
            let Some(words) = words else { continue };
            let terms: Vec<&str> = words.iter().map(|w| w.term.as_str()).collect();
            let typing = words[k - 1].is_being_typed();
            // Not from a stop word (في begins فيس بوك), nor from a word being typed alone
            // before its third letter (تي, تيك توك): the commonest words would all search
            // for a name.
            let short = k == 1 && typing && terms[0].chars().count() < 3;
            // Nor from one word the articles have (تنظيم, الدولة: تنظيم الدولة is a name of
            // داعش, but تنظيم alone is the word): only a word the index lacks is on its way
            // to a name.
            let own_word = k == 1 && self.index.term_ordinal(terms[0]).is_some();
            if short || own_word || words[0].is_stop || terms.iter().any(|t| t.is_ascii()) {
                continue;
            }
            let names = self
                .analyzer
                .aliases()
                .multiword_names_begun(&terms, typing);
            if names.is_empty() {
                continue;
            }
            let clause = self.name_clause(terms.join(" "), typing, &names);
            clauses.truncate(first);
            clauses.push(clause);
            merged(&mut or_next, first, k);
            break;
        }
        // Two adjacent words that write one name (فيس بوك) become one clause for the name.
        let mut i = 0;
        while i + 1 < clauses.len() {
            if let (Some(a), Some(b), false) = (
                single_word(&clauses[i]),
                single_word(&clauses[i + 1]),
                or_next[i],
            ) {
                if let Some(word) = self.pair_word(a, b) {
                    let field = clauses[i].alternatives[0].field;
                    clauses[i] = Clause {
                        alternatives: vec![Alternative::of_word(word, field)],
                        required: true,
                    };
                    clauses.remove(i + 1);
                    merged(&mut or_next, i, 2);
                }
            }
            i += 1;
        }
        // Two to four adjacent Latin words that are an entity's name (Theresa May, The New
        // York Times) or a name of the alias list (Islamic State, Tam Tam), or two words
        // that name a month: one clause, the words in a row or the entity's Arabic names,
        // the name's Arabic spellings. The longest such run first.
        let mut i = 0;
        while i + 1 < clauses.len() {
            for len in (2..=MAX_NAME_WORDS.min(clauses.len() - i)).rev() {
                if !joinable(&or_next, i, len) {
                    continue;
                }
                let words: Option<Vec<&WordMatcher>> =
                    clauses[i..i + len].iter().map(single_word).collect();
                let Some(words) = words else { continue };
                let terms: Vec<&str> = words.iter().map(|w| w.term.as_str()).collect();
                let text = terms.join(" ");
                // An entity's Arabic names, for its Latin name or another Arabic one (أمبر
                // رود, as the facet shows it, for أمبر ريد); while the last Latin word is
                // typed, those of the names they begin (Theresa Ma).
                let typing = words[len - 1].is_being_typed();
                let mut labels = self.label_alternatives(&text, &None, 0, typing);
                if text.is_ascii() {
                    if let [a, b] = words[..] {
                        labels.extend(self.latin_name_alternative(
                            &[a.clone(), b.clone()],
                            None,
                            0,
                        ));
                    } else {
                        // A longer name of the alias list: its Arabic spellings as phrases.
                        labels.extend(self.analyzer.alias_expansions(&text).iter().map(|a| {
                            let mut alt = self.alternative(
                                &Atom {
                                    text: a.clone(),
                                    phrase: true,
                                    field: None,
                                },
                                false,
                            );
                            alt.words.iter_mut().for_each(WordMatcher::as_name);
                            Alternative {
                                label: Some(0),
                                ..alt
                            }
                        }));
                        labels.retain(|a| !a.words.is_empty());
                    }
                }
                if let [a, b] = words[..] {
                    labels.extend(self.month_alternatives(&[a.clone(), b.clone()], &None, 0));
                }
                if labels.is_empty() {
                    continue;
                }
                let mut alternatives = vec![self.alternative(
                    &Atom {
                        text,
                        phrase: true,
                        field: None,
                    },
                    false,
                )];
                alternatives.extend(labels);
                clauses[i] = Clause {
                    alternatives,
                    required: true,
                };
                clauses.drain(i + 1..i + len);
                merged(&mut or_next, i, len);
                break;
            }
            i += 1;
        }
        // A number and its unit in words (200 ألف, 1.2 مليون, 3 آلاف): one clause, the two
        // words in a row or the number in digits, as another archive writes it (200,000).
        let mut i = 0;
        while i + 1 < clauses.len() {
            let pair = (single_word(&clauses[i]), single_word(&clauses[i + 1]));
            if let ((Some(a), Some(b)), true) = (pair, joinable(&or_next, i, 2)) {
                // (The count in words too: مئتي ألف is 200 ألف.)
                let count = crate::text::number_word_value(&a.term)
                    .map_or_else(|| a.term.clone(), |n| n.to_string());
                let digits = (!b.is_being_typed())
                    .then(|| crate::text::number_in_digits(&count, &b.term))
                    .flatten();
                if let Some(digits) = digits {
                    let text = format!("{} {}", a.term, b.term);
                    // (And the number with the unit's other number: 3 مليون is 3 ملايين.)
                    let number = self.alternative(
                        &Atom {
                            text: digits.clone(),
                            phrase: false,
                            field: None,
                        },
                        false,
                    );
                    let units = self.number_alternatives(&number.words, None, 0);
                    let mut clause = self.name_clause(text, false, &[digits]);
                    let typed: Vec<&str> = vec![&a.term, &b.term];
                    clause.alternatives.extend(units.into_iter().filter(|u| {
                        u.words
                            .iter()
                            .map(|w| w.term.as_str())
                            .ne(typed.iter().copied())
                    }));
                    clauses[i] = clause;
                    clauses.remove(i + 1);
                    merged(&mut or_next, i, 2);
                }
            }
            i += 1;
        }
        // A month's name beside a year (ديسمبر 2018, كانون الأول 2018, 2018 ديسمبر, Dec
        // 2018): the month also finds the documents about that month, as the year finds
        // those about the year.
        let year_of = |clause: &Clause| {
            single_word(clause)
                .and_then(|w| crate::dates::typed_date(&w.term))
                .filter(|d| d.month.is_none())
        };
        let month_of = |clause: &Clause| {
            let own = &clause.alternatives[0];
            match (&own.words[..], own.field) {
                ([a], None) => crate::dates::month_named(&a.term, None),
                ([a, b], None) => crate::dates::month_named(&a.term, Some(&b.term)),
                _ => None,
            }
        };
        for i in 0..clauses.len().saturating_sub(1) {
            if !joinable(&or_next, i, 2) {
                continue;
            }
            for (m, y) in [(i, i + 1), (i + 1, i)] {
                if let (Some(month), Some(year)) = (month_of(&clauses[m]), year_of(&clauses[y])) {
                    let own = &mut clauses[m].alternatives[0];
                    own.date = crate::index::facets::pack_date(year.year, Some(month), None);
                    own.only_dated = matches!(&own.words[..], [w]
                        if crate::dates::is_ambiguous_month_name(&w.term));
                    // A day's number before the month (20 ديسمبر 2018): the day, which
                    // finds the articles about it as 20/12/2018 does.
                    let day = m
                        .checked_sub(1)
                        .filter(|&d| m == i && joinable(&or_next, d, 2))
                        .and_then(|d| Some((d, single_word(&clauses[d])?)))
                        .filter(|(_, w)| w.term.len() <= 2)
                        .and_then(|(d, w)| Some((d, w.term.parse::<u8>().ok()?)))
                        .filter(|&(_, day)| {
                            (1..=crate::dates::days_in_month(year.year, month)).contains(&day)
                        });
                    if let Some((d, day)) = day {
                        if let Some(date) =
                            crate::index::facets::pack_date(year.year, Some(month), Some(day))
                        {
                            clauses[d].alternatives[0].date = Some(date);
                        }
                    }
                    break;
                }
            }
        }
        // The clauses joined by OR become one: their alternatives, a label's source moved
        // with it; required when any of them is (stop words alone are optional).
        let mut grouped: Vec<Clause> = Vec::with_capacity(clauses.len());
        let mut joins_previous = false;
        for (clause, joins_next) in clauses.into_iter().zip(or_next) {
            match grouped.last_mut() {
                Some(group) if joins_previous => {
                    let offset = group.alternatives.len();
                    group
                        .alternatives
                        .extend(clause.alternatives.into_iter().map(|mut a| {
                            a.label = a.label.map(|source| source + offset);
                            a
                        }));
                    group.required |= clause.required;
                }
                _ => grouped.push(clause),
            }
            joins_previous = joins_next;
        }
        let mut clauses = grouped;
        // A query of stop words only: they are all required.
        if clauses.iter().all(|c| !c.required) {
            clauses.iter_mut().for_each(|c| c.required = true);
        }
        clauses
    }

    /// One clause for Arabic words that spell (or, `typing`, begin) a name of the alias
    /// list: the words as a phrase, or one of the name's Latin `names`, or the entity's
    /// Arabic names for them (بي بي سي: BBC, هيئة الإذاعة البريطانية).
    fn name_clause(&self, text: String, typing: bool, names: &[String]) -> Clause {
        let phrase = |text: String| Atom {
            text,
            phrase: true,
            field: None,
        };
        let mut alternatives = vec![self.alternative(&phrase(text), typing)];
        for name in names {
            alternatives.push(Alternative {
                label: Some(0),
                ..self.alternative(&phrase(name.clone()), false)
            });
            alternatives.extend(self.label_alternatives(name, &None, 0, false));
        }
        alternatives.retain(|a| !a.words.is_empty());
        Clause {
            alternatives,
            required: true,
        }
    }

    /// An excluded word and the word after it that write one name together (`-تك توك`,
    /// `-Tik Tok`, `-الدولة الإسلامية`) exclude the name: the second word is no required
    /// word of its own, which left out the other spellings of the name and asked for the
    /// articles with توك, the name's own articles. A word scoped to a field and the next
    /// (`title:تام تام`) are the name in that field.
    fn names_excluded_whole(&self, mut parsed: query::ParsedQuery) -> query::ParsedQuery {
        let mut taken: Vec<usize> = Vec::new();
        for (atom, next) in parsed.excluded.iter_mut().zip(&parsed.excluded_next) {
            let Some(next) = *next else { continue };
            let [second] = &parsed.required[next][..] else {
                continue;
            };
            let text = format!("{} {}", atom.text, second.text);
            if self.writes_one_name(&text) {
                *atom = Atom {
                    text,
                    phrase: true,
                    field: None,
                };
                taken.push(next);
            }
        }
        for next in taken.into_iter().rev() {
            parsed.required.remove(next);
        }
        // So does a word scoped to a field and the next word (`title:تام تام`).
        let mut i = 0;
        while i + 1 < parsed.required.len() {
            if let ([first], [second]) = (&parsed.required[i][..], &parsed.required[i + 1][..]) {
                let text = format!("{} {}", first.text, second.text);
                let scoped = first.field.is_some() && !first.phrase;
                if scoped && second.field.is_none() && !second.phrase && self.writes_one_name(&text)
                {
                    parsed.required[i][0] = Atom {
                        text,
                        phrase: true,
                        field: first.field.clone(),
                    };
                    parsed.required.remove(i + 1);
                }
            }
            i += 1;
        }
        parsed
    }

    /// Do these two words write one name: a name of the alias list in either script, a
    /// spelling of one written in two words (تك توك: its joined form has a variant key), or
    /// an entity's name?
    fn writes_one_name(&self, text: &str) -> bool {
        let tokens = self.analyzer.analyze(text);
        let [a, b] = &tokens[..] else { return false };
        let pair = format!("{} {}", a.term, b.term);
        !self.analyzer.alias_expansions(&pair).is_empty()
            || self.analyzer.joined_variant_key(&a.term, &b.term).is_some()
            || self.names.arabic_names(&pair).is_some()
    }

    /// Two adjacent words that write one name (فيس بوك, آي مسج: their joined form has a
    /// variant key, or the pair is a listed spelling) as one word for the name.
    fn pair_word(&self, a: &WordMatcher, b: &WordMatcher) -> Option<WordMatcher> {
        let key = self.analyzer.joined_variant_key(&a.term, &b.term);
        let pair = crate::index::builder::pair_term(&a.term, &b.term);
        // A Latin pair the index does not keep (`islamic state`) stays two words: as one,
        // it would match only its aliases, not the articles that write it.
        let listed = !self.analyzer.alias_expansions(&pair).is_empty()
            && (!pair.is_ascii() || self.index.term_ordinal(&pair).is_some());
        (key.is_some() || listed).then(|| WordMatcher::pair(&self.analyzer, &a.term, &b.term, key))
    }

    /// For a Latin word or phrase that is an entity's display name in the index (BBC, Theresa
    /// May) and that the alias list does not know, the entity's Arabic names as phrases (هيئة
    /// الإذاعة البريطانية): the articles name it in Arabic. `source` is the index of the
    /// alternative of the Latin text in its clause. For an Arabic name of several words, the
    /// entity's other Arabic names (أمبر رود, the display name, gives أمبر ريد).
    /// A person's surname or given name alone (Durov, Pavel) gives the Arabic one (دوروف,
    /// بافيل): see [`names::EntityNames`]. While the text is being typed (`typing`), the names of up to
    /// [`MAX_TYPED_LABELS`] entities whose Latin name or surname it begins (Raqq → Raqqa).
    fn label_alternatives(
        &self,
        text: &str,
        field: &Option<String>,
        source: usize,
        typing: bool,
    ) -> Vec<Alternative> {
        if self.names.is_empty() {
            return Vec::new();
        }
        let key = analyzed_key(&self.analyzer, text);
        let found = match text.is_ascii() {
            true => self.names.arabic_names(&key),
            false => self.names.other_arabic_names(&key),
        };
        let names: Vec<&String> = match found {
            Some(names) => names.iter().collect(),
            None if typing && text.is_ascii() && key.len() >= MIN_TYPED_LABEL_CHARS => {
                self.names.arabic_names_begun(&key, MAX_TYPED_LABELS)
            }
            None => return Vec::new(),
        };
        // An Arabic name the alias list gives for it (Telegram → تيليجرام) is matched through
        // the list already; a second alternative would only cost its proximity boost.
        let aliases: Vec<String> = self
            .analyzer
            .alias_expansions(&key)
            .iter()
            .map(|a| analyzed_key(&self.analyzer, a))
            .collect();
        names
            .iter()
            .filter(|name| !aliases.contains(&analyzed_key(&self.analyzer, name)))
            .map(|name| {
                let atom = Atom {
                    text: (*name).clone(),
                    phrase: true,
                    field: field.clone(),
                };
                let mut alt = self.alternative(&atom, false);
                // A name is written as listed: not read through a preposition's stem
                // (Rudd's ريد met «بريدا», "mail") nor with a typo.
                alt.words.iter_mut().for_each(WordMatcher::as_name);
                Alternative {
                    label: Some(source),
                    ..alt
                }
            })
            .filter(|alt| !alt.words.is_empty())
            .collect()
    }

    /// For two Latin words that write a name of the alias list (Islamic State, al-Qaeda), or
    /// begin one while the second is being typed (Islamic Sta), and are not matched as one
    /// already, the name as one word, which meets its Arabic spellings (an index keeps a
    /// pair term for such words only where an article writes them, so as two words they met
    /// nothing in Arabic articles). `source` is the index of the alternative of the two words
    /// in their clause.
    fn latin_name_alternative(
        &self,
        words: &[WordMatcher],
        field: Option<u8>,
        source: usize,
    ) -> Option<Alternative> {
        let [a, b] = words else { return None };
        if !a.term.is_ascii() || !b.term.is_ascii() {
            return None;
        }
        let pair = crate::index::builder::pair_term(&a.term, &b.term);
        let second = if !self.analyzer.alias_expansions(&pair).is_empty() {
            b.term.clone()
        } else if b.is_being_typed() {
            // The name the two words begin while the second is typed (Islamic Sta).
            let begun = self.analyzer.aliases().latin_names().filter(|n| {
                n.starts_with(&pair) && n.split_once(' ').is_some_and(|(_, s)| !s.contains(' '))
            });
            let name = begun.min()?;
            name.split_once(' ')?.1.to_owned()
        } else {
            return None;
        };
        let word = WordMatcher::pair(&self.analyzer, &a.term, &second, None);
        Some(Alternative {
            label: Some(source),
            ..Alternative::of_word(word, field)
        })
    }

    /// For a number written in a word (ستين, عشرين, مئة), the number in digits, as the
    /// articles mostly write it: «ستين قناة» finds «60 قناة» (it had suggested «متين»).
    /// Words that are as often something else (ست "lady", خمس "a fifth", سبع "lion") are
    /// left out. `source` is the index of the alternative of the word in its clause.
    fn number_word_alternative(
        &self,
        words: &[WordMatcher],
        field: Option<u8>,
        source: usize,
    ) -> Option<Alternative> {
        let [word] = words else { return None };
        let n = crate::text::number_word_value(&word.term)?;
        let mut alt = self.alternative(
            &Atom {
                text: n.to_string(),
                phrase: false,
                field: None,
            },
            false,
        );
        alt.words.iter_mut().for_each(WordMatcher::no_typos);
        alt.date = None;
        Some(Alternative {
            label: Some(source),
            field,
            ..alt
        })
    }

    /// For a number of thousands or millions typed in digits (200000, 200,000, ١٢٠٠٠٠٠), the
    /// way news writes it, as phrases: «200 ألف», «1.2 مليون», «3 مليار». The articles write
    /// «أكثر من 200 ألف حساب», and a reader who types 200000 means it. `source` is the index
    /// of the alternative of the number in its clause.
    fn number_alternatives(
        &self,
        words: &[WordMatcher],
        field: Option<u8>,
        source: usize,
    ) -> Vec<Alternative> {
        let [word] = words else { return Vec::new() };
        let digits = self
            .analyzer
            .ungrouped_number(&word.term)
            .unwrap_or_else(|| word.term.clone());
        let Some(n) = digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse::<u64>().ok())
            .flatten()
            .filter(|&n| n >= 1000)
        else {
            return Vec::new();
        };
        let mut phrases = Vec::new();
        for (unit, name, plural) in [
            (1_000_000_000, "مليار", "مليارات"),
            (1_000_000, "مليون", "ملايين"),
            (1000, "ألف", "آلاف"),
        ] {
            if n < unit {
                continue;
            }
            // Whole units (200 ألف), or tenths of one from a million (1.2 مليون).
            let count = if n % unit == 0 {
                (n / unit).to_string()
            } else if unit >= 1_000_000 && n % (unit / 10) == 0 {
                format!("{}.{}", n / unit, n % unit / (unit / 10))
            } else {
                continue;
            };
            // From three to ten the unit is plural (10 آلاف, 3 ملايين); the singular is
            // kept too, as spoken Arabic has it (10 ألف).
            if (3..=10).contains(&(n / unit)) && n % unit == 0 {
                phrases.push(format!("{count} {plural}"));
            }
            phrases.push(format!("{count} {name}"));
        }
        phrases
            .into_iter()
            .map(|text| {
                let mut alt = self.alternative(
                    &Atom {
                        text,
                        phrase: true,
                        field: None,
                    },
                    false,
                );
                alt.words.iter_mut().for_each(WordMatcher::no_typos);
                Alternative {
                    label: Some(source),
                    field,
                    ..alt
                }
            })
            .filter(|alt| alt.words.len() == 2)
            .collect()
    }

    /// For a word or two that name a month (نيسان, أبريل, April; كانون الثاني), its other
    /// names as phrases: an Egyptian paper writes أبريل where a Lebanese one writes نيسان.
    /// `source` is the index of the alternative of the words in their clause.
    fn month_alternatives(
        &self,
        words: &[WordMatcher],
        field: &Option<String>,
        source: usize,
    ) -> Vec<Alternative> {
        let typed = match words {
            [w] if !w.is_stop => crate::dates::month_named(&w.term, None),
            [a, b] => crate::dates::month_named(&a.term, Some(&b.term)),
            _ => None,
        };
        let Some(month) = typed else {
            return Vec::new();
        };
        let as_typed: Vec<&str> = words.iter().map(|w| w.term.as_str()).collect();
        let as_typed = as_typed.join(" ");
        let mut out = Vec::new();
        for name in crate::dates::month_names(month) {
            if name == as_typed {
                continue;
            }
            let atom = Atom {
                text: name,
                phrase: true,
                field: field.clone(),
            };
            let mut alt = self.alternative(&atom, false);
            // The name as written, not its typo neighbours (يوليو is one edit from يونيو).
            alt.words.iter_mut().for_each(WordMatcher::strict);
            alt.label = Some(source);
            if !alt.words.is_empty() {
                out.push(alt);
            }
        }
        out
    }

    fn alternative(&self, atom: &Atom, prefix: bool) -> Alternative {
        let mut tokens = self.analyzer.analyze(&atom.text);
        // A phrase, like a query, has at most this many words.
        tokens.truncate(query::MAX_ATOMS);
        // In a phrase being typed, a last word of one letter or only the article is not
        // matched yet: `"جسر ل` is `"جسر` until the next letter.
        if prefix && tokens.len() > 1 && tokens.last().is_some_and(|t| says_nothing(&t.term)) {
            tokens.pop();
        }
        let n = tokens.len();
        let mut words: Vec<WordMatcher> = Vec::with_capacity(n);
        let mut seconds: Vec<Option<String>> = Vec::with_capacity(n);
        for (i, t) in tokens.iter().enumerate() {
            let typing = prefix && i + 1 == n;
            let word = WordMatcher::new(&self.analyzer, &t.term, typing)
                .written(&self.analyzer, &atom.text[t.start..t.end]);
            // In a phrase too, a name written as two words is matched as the name.
            let pair = match (words.last(), seconds.last()) {
                (Some(last), Some(None)) if !typing => self.pair_word(last, &word),
                _ => None,
            };
            match pair {
                Some(pair) => {
                    *words.last_mut().expect("a last word") = pair;
                    *seconds.last_mut().expect("a last word") = Some(word.term);
                }
                None => {
                    words.push(word);
                    seconds.push(None);
                }
            }
        }
        let field = atom
            .field
            .as_ref()
            .and_then(|name| {
                self.index
                    .fields()
                    .iter()
                    .position(|f| &f.spec.name == name)
            })
            .map(|f| f as u8);
        // A date, where the text is not scoped to a field: also the documents about it (an
        // article published that year, or that mentions a day of it).
        let date = crate::dates::typed_date(&atom.text)
            .filter(|_| field.is_none())
            .and_then(|d| crate::index::facets::pack_date(d.year, d.month, d.day));
        Alternative {
            words,
            expansions: Vec::new(),
            seconds,
            two_word_terms: Vec::new(),
            field,
            label: None,
            date,
            only_dated: false,
        }
    }

    /// The weighted term frequency `tf'` of one term in one document, from its `(field,
    /// tf)` pairs (each field's weight and length norm folded into `length_norms`).
    #[inline(always)]
    fn weighted_tf(&self, doc: u32, fields: &[(u8, u32)], only_field: Option<u8>) -> f32 {
        let count = self.index.fields().len();
        let base = doc as usize * count;
        let mut tf = 0.0f32;
        for &(field, freq) in fields {
            if only_field.is_none_or(|f| f == field) {
                let norm = self.length_norms.get(base + field as usize);
                tf += freq as f32 * norm.copied().unwrap_or(0.0);
            }
        }
        tf
    }

    fn idf(&self, df: usize) -> f32 {
        let n = self.index.document_count() as f32;
        (1.0 + (n - df as f32 + 0.5) / (df as f32 + 0.5)).ln()
    }

    /// Scores one word (only the documents `only` has, if given). The forms of the word
    /// itself, its spellings and inflections (the tiers from [`matcher::tier::VARIANT`]
    /// up), are one word: their term frequencies are added before saturation, each
    /// weighted by its tier over the document's best, and the sum scored at that best
    /// tier. An article with تيليجرام in its title and التيليجرام three times in its text
    /// has the word four times, not once. Completions and typo neighbours are other words:
    /// of those, a document keeps its best `tier × bm25f` (one with many words beginning
    /// «دا» is not more about داعش).
    fn score_word(
        &self,
        expansion: &[(u64, f32)],
        field: Option<u8>,
        scores: &mut [f32],
        docs: &mut Vec<u32>,
        only: Option<&FixedBitSet>,
    ) -> Result<()> {
        // Every term of the word shares one idf, its commonest term's: the same word is not
        // rarer for being spelt تيليغرام than تيليجرام, and an article that writes the rare
        // spelling once must not outrank one that writes the common one throughout. So for
        // the word being typed and for a typo: «دا» most likely means داعش, and an article
        // with داعش in its title must not rank under one that also has a rare completion
        // (a misspelt «دارسة»), nor an exact match under a rare completion of it. The tiers
        // and the term frequencies order the documents.
        let mut df = 0;
        for &(ordinal, _) in expansion {
            df = df.max(self.index.doc_frequency(ordinal)?);
        }
        let idf = self.idf(df);
        // The forms of the word, best tier first (so a document's first form is its best).
        // One form alone is scored as the other terms are: the same score, without the
        // round trip through `tf'`.
        let mut forms: Vec<(u64, f32)> = expansion
            .iter()
            .copied()
            .filter(|&(_, w)| w >= matcher::tier::VARIANT)
            .collect();
        if forms.len() == 1 {
            forms.clear();
        }
        forms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        // Per document of `docs`, in order: its best tier. `scores` holds the weighted sum
        // of the term frequencies meanwhile.
        let mut best: Vec<f32> = Vec::new();
        let first = docs.len();
        if !forms.is_empty() {
            let mut most = 0;
            for &(ordinal, _) in &forms {
                most += self.index.doc_frequency(ordinal)?;
            }
            best.reserve(most.min(scores.len()));
            docs.reserve(most.min(scores.len()));
        }
        let table = &self.impact_tf;
        for &(ordinal, weight) in &forms {
            match field {
                None => {
                    self.index.for_each_impact(ordinal, |doc, impact| {
                        // (An impact of 0, a term only in fields of weight 0, adds nothing.)
                        if impact > 0 && only.is_none_or(|o| o.contains(doc as usize)) {
                            let slot = &mut scores[doc as usize];
                            if *slot == 0.0 {
                                docs.push(doc);
                                best.push(weight);
                            }
                            *slot += weight * table[usize::from(impact)];
                        }
                    })?;
                }
                Some(_) => {
                    self.index.for_each_posting(ordinal, |doc, fields| {
                        if !only.is_none_or(|o| o.contains(doc as usize)) {
                            return;
                        }
                        let tf = self.weighted_tf(doc, fields, field);
                        if tf > 0.0 {
                            let slot = &mut scores[doc as usize];
                            if *slot == 0.0 {
                                docs.push(doc);
                                best.push(weight);
                            }
                            *slot += weight * tf;
                        }
                    })?;
                }
            }
        }
        // tier · bm25f = tier · idf · (k1 + 1) · sat, sat = tf' / (k1 + tf')
        for (&doc, &tier) in docs[first..].iter().zip(&best) {
            let slot = &mut scores[doc as usize];
            let tf = *slot / tier;
            *slot = tier * idf * (K1 + 1.0) * tf / (K1 + tf);
        }
        let mut keep = |doc: u32, s: f32| {
            if s > 0.0 {
                let slot = &mut scores[doc as usize];
                if *slot == 0.0 {
                    docs.push(doc);
                    *slot = s;
                } else if s > *slot {
                    *slot = s;
                }
            }
        };
        let others = expansion
            .iter()
            .filter(|e| forms.is_empty() || e.1 < matcher::tier::VARIANT);
        for &(ordinal, weight) in others {
            let scale = weight * idf * (K1 + 1.0);
            match field {
                None => {
                    let scale = scale / IMPACT_SCALE;
                    self.index.for_each_impact(ordinal, |doc, impact| {
                        if only.is_none_or(|o| o.contains(doc as usize)) {
                            keep(doc, scale * f32::from(impact));
                        }
                    })?;
                }
                Some(_) => {
                    self.index.for_each_posting(ordinal, |doc, fields| {
                        if only.is_none_or(|o| o.contains(doc as usize)) {
                            let tf = self.weighted_tf(doc, fields, field);
                            keep(doc, scale * tf / (K1 + tf));
                        }
                    })?;
                }
            }
        }
        Ok(())
    }

    /// The index terms each word of an alternative matches (once).
    fn expand(&self, alt: &mut Alternative) -> Result<()> {
        if alt.expansions.is_empty() {
            let mut listed = self
                .listed_terms
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if listed.len() > MAX_REMEMBERED_TERMS {
                listed.clear();
            }
            let mut is_listed = |o: u64| match listed.binary_search_by_key(&o, |e| e.0) {
                Ok(i) => listed[i].1,
                Err(i) => {
                    let answer = matcher::is_listed_term(&self.index, &self.analyzer, o);
                    listed.insert(i, (o, answer));
                    answer
                }
            };
            for word in &mut alt.words {
                alt.expansions.push(word.expand_with(
                    &self.index,
                    &self.analyzer,
                    &mut is_listed,
                )?);
            }
        }
        Ok(())
    }

    /// Scores every document that matches an alternative (all its words, in a row when
    /// there are several), among the documents `only` has if given: the documents, and the
    /// scores by document (0 for the others).
    fn evaluate(
        &self,
        alt: &mut Alternative,
        only: Option<&FixedBitSet>,
    ) -> Result<(Vec<u32>, Vec<f32>)> {
        let (mut docs, mut scores) = self.evaluate_words(alt, only)?;
        if let Some(date) = alt.date {
            if alt.only_dated {
                docs.retain(|&d| {
                    let about = self.is_about(d, date);
                    if !about {
                        scores[d as usize] = 0.0;
                    }
                    about
                });
            }
            self.add_dated(date, only, &mut docs, &mut scores);
        }
        Ok((docs, scores))
    }

    /// Adds to `docs` the documents about `date` (packed; those `only` has, if given): a
    /// date they have overlaps it and is as precise (`2018` finds an article of 20 December
    /// 2018, `20/12/2018` not one dated only 2018). One that does not write the date gets
    /// `DATE_TIER · idf`, as for one occurrence of a term at that tier; one that does keeps
    /// the better of that and its score.
    fn add_dated(
        &self,
        date: u32,
        only: Option<&FixedBitSet>,
        docs: &mut Vec<u32>,
        scores: &mut [f32],
    ) {
        let about: Vec<u32> = (0..self.index.document_count())
            .filter(|&d| only.is_none_or(|o| o.contains(d as usize)))
            .filter(|&d| self.is_about(d, date))
            .collect();
        let score = DATE_TIER * self.idf(about.len());
        for d in about {
            let slot = &mut scores[d as usize];
            if *slot == 0.0 {
                docs.push(d);
            }
            *slot = slot.max(score);
        }
    }

    /// Is document `doc` about `date` (packed): has it a date that overlaps it and is as
    /// precise?
    fn is_about(&self, doc: u32, date: u32) -> bool {
        let (start, end) = crate::index::facets::date_span(date);
        let finest = filter::precision(date);
        self.index.dates(doc).iter().any(|&x| {
            let (a, b) = crate::index::facets::date_span(x);
            a <= end && b >= start && filter::precision(x) >= finest
        })
    }

    /// [`evaluate`](Self::evaluate) by the words alone.
    fn evaluate_words(
        &self,
        alt: &mut Alternative,
        only: Option<&FixedBitSet>,
    ) -> Result<(Vec<u32>, Vec<f32>)> {
        self.expand(alt)?;
        let n = self.index.document_count() as usize;
        let Some((first, rest)) = alt.expansions.split_first() else {
            return Ok((Vec::new(), vec![0f32; n]));
        };
        // `scores` is kept 0 but at the documents of `docs` (the totals of `score_clauses`
        // start from it).
        let mut scores = vec![0f32; n];
        let mut docs = Vec::new();
        self.score_word(first, alt.field, &mut scores, &mut docs, only)?;
        let mut next: Vec<f32> = Vec::new();
        for expansion in rest {
            // One buffer for every next word, cleared at the documents it scored.
            if next.is_empty() {
                next = vec![0f32; n];
            }
            let mut next_docs = Vec::new();
            self.score_word(expansion, alt.field, &mut next, &mut next_docs, only)?;
            docs.retain(|&d| {
                let (score, s) = (&mut scores[d as usize], next[d as usize]);
                *score = if s > 0.0 { *score + s } else { 0.0 };
                s > 0.0
            });
            next_docs.iter().for_each(|&d| next[d as usize] = 0.0);
        }
        if !rest.is_empty() && !docs.is_empty() {
            // A phrase: some position of the first word followed by each next word.
            let set = DocSet::new(&docs);
            let per_word: Vec<Vec<Occurrence>> = alt
                .expansions
                .iter()
                .map(|e| self.positions_of(e, &set, alt.field))
                .collect::<Result<_>>()?;
            // For a name matched as one word: where its second word is.
            let seconds: Vec<Option<Vec<Occurrence>>> = alt
                .seconds
                .iter()
                .map(|second| {
                    let Some(term) = second else {
                        return Ok(None);
                    };
                    let ordinal = self.index.term_ordinal(term);
                    let expansion: Vec<(u64, f32)> =
                        ordinal.map(|o| (o, 0.0)).into_iter().collect();
                    self.positions_of(&expansion, &set, alt.field).map(Some)
                })
                .collect::<Result<_>>()?;
            // For a word that matched a term of two words (فيسبوك → فيس بوك, داعش → الدولة
            // الإسلامية): where that term is.
            let two_word_terms: Vec<Option<Vec<Occurrence>>> = alt
                .words
                .iter()
                .zip(&alt.expansions)
                .map(|(word, expansion)| {
                    if !word.may_match_pairs() {
                        return Ok(None);
                    }
                    let pairs: Vec<(u64, f32)> = expansion
                        .iter()
                        .copied()
                        // (Other than the word's own: a pair word is followed by its
                        // second word, in `seconds`.)
                        .filter(|&(o, _)| {
                            self.index
                                .term_of(o)
                                .is_some_and(|t| t.contains(' ') && t != word.term)
                        })
                        .collect();
                    if pairs.is_empty() {
                        return Ok(None);
                    }
                    self.positions_of(&pairs, &set, alt.field).map(Some)
                })
                .collect::<Result<_>>()?;
            alt.two_word_terms = two_word_terms.iter().map(Option::is_some).collect();
            // The `(document, field, position)`s of `doc` in a sorted list.
            fn of(list: &[Occurrence], doc: u32) -> &[Occurrence] {
                let start = list.partition_point(|p| p.0 < doc);
                let end = start + list[start..].partition_point(|p| p.0 == doc);
                &list[start..end]
            }
            // Where the phrase goes on after word `w` found at `(field, p)`: after the
            // second word of a name found as two words, else after the word.
            let found = |list: &Option<Vec<Occurrence>>, doc: u32, at: (u8, u32)| {
                list.as_ref()
                    .is_some_and(|l| of(l, doc).binary_search(&(doc, at.0, at.1)).is_ok())
            };
            let end = |w: usize, doc: u32, field: u8, p: u32| {
                if found(&seconds[w], doc, (field, p + 1))
                    || found(&two_word_terms[w], doc, (field, p))
                {
                    p + 2
                } else {
                    p + 1
                }
            };
            // Where the words found so far end, and the next word's list of them.
            let (mut ends, mut next) = (Vec::<Occurrence>::new(), Vec::<Occurrence>::new());
            let mut has_phrase = |doc: u32| {
                ends.clear();
                ends.extend(
                    of(&per_word[0], doc)
                        .iter()
                        .map(|&(d, f, p)| (d, f, end(0, d, f, p))),
                );
                for (w, list) in per_word.iter().enumerate().skip(1) {
                    ends.sort_unstable();
                    next.clear();
                    for &(d, f, p) in of(list, doc) {
                        if ends.binary_search(&(d, f, p)).is_ok() {
                            next.push((d, f, end(w, d, f, p)));
                        }
                    }
                    std::mem::swap(&mut ends, &mut next);
                    if ends.is_empty() {
                        return false;
                    }
                }
                !ends.is_empty()
            };
            docs.retain(|&doc| {
                let keep = has_phrase(doc);
                if !keep {
                    scores[doc as usize] = 0.0;
                }
                keep
            });
        }
        Ok((docs, scores))
    }

    /// `(document, field, position)`s of a word's terms in the documents of `set`, sorted.
    fn positions_of(
        &self,
        expansion: &[(u64, f32)],
        set: &DocSet,
        field: Option<u8>,
    ) -> Result<Vec<Occurrence>> {
        let mut out: Vec<Occurrence> = Vec::new();
        for &(ordinal, _) in expansion {
            self.index.for_each_position_in(ordinal, set, |doc, f, p| {
                if field.is_none_or(|only| only == f) {
                    out.push((doc, f, p));
                }
            })?;
        }
        if expansion.len() > 1 || !out.is_sorted() {
            // A term's positions come in order: several terms' are runs, which the stable
            // sort merges.
            out.sort();
            out.dedup();
        }
        Ok(out)
    }

    /// "Did you mean": when the results are missing or partial, or a word matched only
    /// through a typo, the query with each such word replaced by its closest indexed term,
    /// as the articles write it. The rest of the query is kept as typed: its other words,
    /// quotes, `OR`, `-` and `title:` (`BBC OR Telegramm` → `BBC OR Telegram`).
    ///
    /// Not when the results are partial or none (`incomplete`) because a word that cannot
    /// be corrected found nothing: the corrected query would be no better («بوكو حرام»,
    /// with no حرام in the articles, is not بوك حرام).
    fn suggestion(&self, query: &str, clauses: &[Clause], incomplete: bool) -> Option<String> {
        let hopeless = |c: &Clause| {
            c.required
                && c.alternatives.iter().all(|a| {
                    a.date.is_none()
                        && a.words
                            .iter()
                            .zip(&a.expansions)
                            .any(|(w, e)| e.is_empty() && w.suggestion().is_none())
                })
        };
        if incomplete && clauses.iter().any(hopeless) {
            return None;
        }
        // An entity's Arabic name is not the reader's words; where it matched, the Latin
        // name it stands for needs no correction either (the other alternatives of an OR
        // still may).
        let words: Vec<(&WordMatcher, bool)> = clauses
            .iter()
            .flat_map(|c| {
                let named = |i: usize| {
                    c.alternatives
                        .iter()
                        .any(|a| a.label == Some(i) && a.words.iter().all(|w| w.found_directly))
                };
                c.alternatives
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| a.label.is_none())
                    .flat_map(move |(i, a)| {
                        a.words.iter().map(move |w| {
                            // (A spelling the taxonomy lists is not corrected either.)
                            (w, named(i) || self.names.is_arabic_word(&w.term))
                        })
                    })
            })
            .collect();
        fn suggest<'a>(&(w, named): &(&'a WordMatcher, bool)) -> Option<&'a str> {
            w.suggestion().filter(|_| !named)
        }
        if !words.iter().any(|w| suggest(w).is_some()) {
            return None;
        }
        // A term as the articles write it (الاسلاميه → الإسلامية), or a Latin name of the
        // alias list as the list does (telegram → Telegram).
        let written = |term: &str| {
            self.written_form(term)
                .or_else(|| {
                    self.analyzer
                        .aliases()
                        .written_latin(term)
                        .map(str::to_owned)
                })
                .unwrap_or_else(|| term.to_owned())
        };
        // Each corrected word replaces the next word of the query text with its term; the
        // query's words and the clauses' are in the same order.
        let tokens = self.analyzer.analyze(query);
        let mut out = String::with_capacity(query.len());
        let (mut copied, mut next) = (0usize, 0usize);
        for w in &words {
            let Some(fixed) = suggest(w) else { continue };
            let Some(i) = (next..tokens.len()).find(|&i| tokens[i].term == w.0.term) else {
                // Not a word of the text as typed (a name of two words made one): the
                // clauses' words, each as written.
                return Some(
                    words
                        .iter()
                        .map(|w| written(suggest(w).unwrap_or(&w.0.term)))
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            };
            let token = &tokens[i];
            out.push_str(&query[copied..token.start]);
            out.push_str(&written(fixed));
            (copied, next) = (token.end, i + 1);
        }
        out.push_str(&query[copied..]);
        Some(out.trim().to_owned())
    }

    /// A dictionary term as an article writes it (الارهابيين → الإرهابيين, with its hamza),
    /// without marks, tatweel or invisible characters: the first occurrence in the first document that has
    /// it. `None` for a term the index does not have, or whose form is not found.
    fn written_form(&self, term: &str) -> Option<String> {
        let ordinal = self.index.term_ordinal(term)?;
        let mut first = None;
        self.index
            .for_each_impact(ordinal, |doc, _| {
                first.get_or_insert(doc);
            })
            .ok()?;
        let stored = self.index.stored_document(first?).ok()?;
        let doc = &stored.document;
        let body = (0..stored.paragraph_count()).filter_map(|i| stored.paragraph(i).ok());
        let fields = std::iter::once(doc.title.as_str())
            .chain(doc.subtitle.as_deref())
            .chain(body)
            .chain(doc.tags.iter().map(String::as_str));
        for text in fields {
            let tokens = self.analyzer.analyze(text);
            if let Some(t) = tokens.iter().find(|t| t.term == term) {
                let written: String = text
                    .get(t.start..t.end)?
                    .chars()
                    .filter(|&c| !crate::text::normalize::is_ignorable(c))
                    .collect();
                return Some(written);
            }
        }
        None
    }

    /// A result: the stored document, its snippet and title highlights. `present` is how
    /// many of the query words the document has (the snippet search stops at a window with
    /// them all).
    fn hit(
        &self,
        doc: u32,
        score: f32,
        marker: &snippet::Highlighter<'_>,
        located: &snippet::Located,
        present: usize,
    ) -> Result<Hit> {
        let mut stored = self.index.stored_document(doc)?;
        let paragraph_positions = std::mem::take(&mut stored.paragraph_positions);
        let d = &stored.document;
        let field = |name: &str| {
            self.index
                .fields()
                .iter()
                .position(|f| f.spec.name == name)
                .map(|f| f as u8)
        };
        let texts = [
            snippet::FieldText {
                field: field("subtitle"),
                texts: d.subtitle.iter().map(String::as_bytes).collect(),
                used: Vec::new(),
            },
            snippet::FieldText {
                field: field("body"),
                texts: stored.stored_paragraphs().to_vec(),
                used: if self.shortcuts.stored_positions {
                    paragraph_positions
                } else {
                    Vec::new()
                },
            },
        ];
        let snippet = snippet::best_snippet(marker, located, &texts, present)?;
        let title_highlights = snippet::highlight(marker, located, field("title"), &d.title);
        let d = stored.document;
        Ok(Hit {
            id: d.id,
            title: d.title,
            score,
            latest_mention: match (&d.published, self.index.sort_key(doc)) {
                (None, key) if key > 0 => Some(crate::index::facets::iso_date(key)),
                _ => None,
            },
            published: d.published,
            author: d.author,
            source: d.source,
            url: d.url,
            title_highlights,
            snippet,
        })
    }
}

/// The phrases among the clauses, numbered as the highlighter numbers the words.
fn phrases(clauses: &[Clause]) -> Vec<snippet::Phrase> {
    let mut phrases = Vec::new();
    let mut flat = 0;
    for alt in clauses.iter().flat_map(|c| c.alternatives.iter()) {
        // (Not a date's numbers: a document about 10/4/2015 may write «10 إبريل 2015», and
        // the passage with its day and year is the one that says why it matched.)
        let phrase = alt.expansions.len() > 1 && alt.date.is_none();
        if phrase && alt.seconds.len() == alt.expansions.len() {
            phrases.push(snippet::Phrase {
                first: flat,
                two_words: (0..alt.seconds.len())
                    .map(|w| alt.seconds[w].is_some() || alt.two_word_terms.get(w) == Some(&true))
                    .collect(),
            });
        }
        flat += alt.expansions.len();
    }
    phrases
}

/// The words the proximity boost looks at: `(flat, k, field)`, a word's index in the flat
/// list of the query's words, the number of the query word it is (its clause's), and the
/// field it is scoped to. The required clauses of one word, and of several alternatives
/// of one word each: a month by any of its names (أكتوبر, October) near the year is the
/// date «أكتوبر 2017».
fn proximity_words(clauses: &[Clause]) -> Vec<(usize, usize, Option<u8>)> {
    let mut words = Vec::new();
    let mut flat = 0;
    let mut k = 0;
    for clause in clauses {
        let before = words.len();
        for alt in &clause.alternatives {
            if clause.required && alt.words.len() == 1 {
                words.push((flat, k, alt.field));
            }
            flat += alt.words.len();
        }
        k += usize::from(words.len() > before);
    }
    words
}

/// Multiplies the score of the best documents by a boost that grows as the query's words
/// stand closer together: `1 + PROXIMITY_WEIGHT · (k − 1) / span`, where `span` is the
/// smallest window (in positions, within one field) holding one of each of the k ≥ 2
/// `words` ([`proximity_words`]). `ranked` is in order; `located` has the positions of the
/// query's words in its first [`PROXIMITY_CANDIDATES`].
fn boost_proximity(
    words: &[(usize, usize, Option<u8>)],
    located: &FxHashMap<u32, snippet::Located>,
    ranked: &mut [Ranked],
) {
    let count = words.last().map_or(0, |w| w.1 + 1);
    let top = ranked.len().min(PROXIMITY_CANDIDATES);
    let mut merged: Vec<(u8, u32, usize)> = Vec::new();
    for entry in &mut ranked[..top] {
        let Some(found) = located.get(&entry.0) else {
            continue;
        };
        merged.clear();
        for (field, positions) in found.fields() {
            for &(p, w) in positions {
                if let Some(&(_, k, _)) = words
                    .iter()
                    .find(|&&(flat, _, only)| flat == w && only.is_none_or(|f| f == field))
                {
                    merged.push((field, p, k));
                }
            }
        }
        if let Some(span) = smallest_window(&mut merged, count) {
            let k = count as f32;
            entry.2 *= 1.0 + PROXIMITY_WEIGHT * ((k - 1.0) / span.max(1) as f32).min(1.0);
        }
    }
}

/// The set of `docs` (each below `n`) among `n` documents: the bits are set in a vector
/// of blocks, which is cheaper than [`FixedBitSet::insert`] bit by bit.
fn bitset_of(n: usize, docs: impl IntoIterator<Item = u32>) -> FixedBitSet {
    const BITS: usize = usize::BITS as usize;
    let mut blocks = vec![0usize; n.div_ceil(BITS)];
    for d in docs {
        let d = d as usize;
        if let Some(block) = blocks.get_mut(d / BITS) {
            *block |= 1 << (d % BITS);
        }
    }
    FixedBitSet::with_capacity_and_blocks(n, blocks)
}

/// A matching document: `(document, required clauses matched, score)`.
type Ranked = (u32, u16, f32);

/// Keeps the first `k` items of `items` in `order`, sorted.
fn top_k(items: &mut Vec<Ranked>, k: usize, order: impl Fn(&Ranked, &Ranked) -> Ordering) {
    if k == 0 {
        items.clear();
        return;
    }
    if items.len() / 4 > k {
        // Few wanted of many: one pass that keeps at most 2k candidates, cut back to the
        // best k whenever full; most items are turned away by one comparison with the
        // worst kept. Linear time, whatever order the items come in.
        let mut best: Vec<Ranked> = Vec::with_capacity(2 * k);
        let mut worst: Option<Ranked> = None;
        for &item in items.iter() {
            if worst.is_some_and(|w| order(&item, &w) != Ordering::Less) {
                continue;
            }
            best.push(item);
            if best.len() == 2 * k {
                keep_first(&mut best, k, &order);
                worst = Some(best[k - 1]);
            }
        }
        *items = best;
    }
    if items.len() > k {
        keep_first(items, k, &order);
    }
    sort_ranked(items, &order);
}

// The selection and the sort take the order as a `dyn Fn`, so they are compiled once for
// every order, not once per order (8 KB of wasm, 3.2 KB gzip); the linear scan of `top_k`,
// which compares every item, keeps its own copy per order.

/// Keeps the first `k` (≥ 1, < `items.len()`) items of `items` in `order`, in no order.
fn keep_first(items: &mut Vec<Ranked>, k: usize, order: &dyn Fn(&Ranked, &Ranked) -> Ordering) {
    items.select_nth_unstable_by(k - 1, order);
    items.truncate(k);
}

fn sort_ranked(items: &mut [Ranked], order: &dyn Fn(&Ranked, &Ranked) -> Ordering) {
    items.sort_unstable_by(order);
}

/// A text's analyzed terms joined by spaces (`"Theresa  May"` → `theresa may`).
pub(crate) fn analyzed_key(analyzer: &Analyzer, text: &str) -> String {
    let terms: Vec<String> = analyzer.analyze(text).into_iter().map(|t| t.term).collect();
    terms.join(" ")
}

/// Does a word being typed say nothing yet: one letter, or only the article (ال, وال, لل…)?
fn says_nothing(term: &str) -> bool {
    term.chars().count() == 1 || crate::text::stem::letters_after_article(term) == 0
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The word of a clause that is one unscoped word and nothing else (but the names it
/// stands for: see [`Alternative::label`]).
fn single_word(clause: &Clause) -> Option<&WordMatcher> {
    let mut own = clause.alternatives.iter().filter(|a| a.label.is_none());
    match (own.next(), own.next()) {
        (Some(alt), None) if alt.words.len() == 1 && alt.field.is_none() => alt.words.first(),
        _ => None,
    }
}

/// The smallest span `last − first` of positions within one field that holds every word
/// `0..k`: `items` are `(field, position, word)`.
fn smallest_window(items: &mut [(u8, u32, usize)], k: usize) -> Option<u32> {
    items.sort_unstable();
    let mut best: Option<u32> = None;
    let mut counts = vec![0usize; k];
    let mut have = 0;
    let mut left = 0;
    for right in 0..items.len() {
        if right > 0 && items[right].0 != items[right - 1].0 {
            // New field: restart the window.
            counts.iter_mut().for_each(|c| *c = 0);
            have = 0;
            left = right;
        }
        let w = items[right].2;
        counts[w] += 1;
        if counts[w] == 1 {
            have += 1;
        }
        while have == k {
            let span = items[right].1 - items[left].1;
            best = Some(best.map_or(span, |b| b.min(span)));
            let lw = items[left].2;
            counts[lw] -= 1;
            if counts[lw] == 0 {
                have -= 1;
            }
            left += 1;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn top_k_is_the_head_of_a_full_sort(
            scores in proptest::collection::vec((0u32..50, 0u16..3, 0u8..8), 0..200),
            k in 0usize..220,
        ) {
            let items: Vec<Ranked> = scores
                .iter()
                .enumerate()
                .map(|(i, &(_, c, s))| (i as u32, c, f32::from(s)))
                .collect();
            let order = |a: &Ranked, b: &Ranked| {
                b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0))
            };
            let mut sorted = items.clone();
            sorted.sort_by(order);
            sorted.truncate(k);
            let mut top = items;
            top_k(&mut top, k, order);
            proptest::prop_assert_eq!(top, sorted);
        }
    }

    /// A searcher over the seed corpus (`corpus/`).
    fn seed_searcher() -> Searcher {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        Searcher::new(Index::from_bytes(crate::corpus::build_dir(&root).unwrap()).unwrap())
    }

    /// Searches with and without the paragraph positions stored in the index: the snippets
    /// must be the same (the stored positions only spare analyzing paragraphs).
    fn same_snippets_either_way(searcher: &mut Searcher, query: &str) -> Vec<Hit> {
        let options = SearchOptions::default();
        searcher.shortcuts.stored_positions = true;
        let stored = searcher.search(query, &options).unwrap().hits;
        searcher.shortcuts.stored_positions = false;
        let analyzed = searcher.search(query, &options).unwrap().hits;
        searcher.shortcuts.stored_positions = true;
        assert_eq!(stored.len(), analyzed.len(), "{query}");
        for (a, b) in stored.iter().zip(&analyzed) {
            assert_eq!(a.id, b.id, "{query}");
            assert_eq!(a.snippet, b.snippet, "{query}: {}", a.id);
            assert_eq!(a.title_highlights, b.title_highlights, "{query}: {}", a.id);
        }
        stored
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Planned snippets (texts chosen by their located matches) equal those of analyzing
        /// every text in order, on paragraphs of query words, a name written as one word or
        /// two, a ligature and filler.
        #[test]
        fn planned_snippets_equal_those_of_reading_every_paragraph(
            paragraphs in proptest::collection::vec(
                proptest::collection::vec(0usize..12, 1..70), 1..7),
            query in proptest::collection::vec(0usize..8, 1..4),
            prefix in proptest::bool::ANY,
        ) {
            const WORDS: [&str; 12] = [
                "داعش", "تيليجرام", "فيسبوك", "تنظيم", "تويتر", "فيس بوك", "في", "ﷺ",
                "كلام", "عام", "موقع", "خبر",
            ];
            let body: Vec<String> = paragraphs
                .iter()
                .map(|p| p.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" "))
                .collect();
            let bytes = crate::index::one_document_index("خبر عن موقع", body);
            let mut searcher = Searcher::new(Index::from_bytes(bytes).unwrap());
            let mut query: String = query.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" ");
            if !prefix {
                query.push(' ');
            }
            same_snippets_either_way(&mut searcher, &query);
        }
    }

    #[test]
    fn snippets_from_stored_paragraph_positions_match_full_analysis() {
        let mut searcher = seed_searcher();
        let queries = [
            "داعش",
            "تيليجرام",
            "داعش تيليجرام",
            "تنظيم داعش تيليجرام",
            "داعش تي",
            "مواقع ال",
            "يوروبول تلغرام",
            "تويتر فيسبوك انستغرام",
            "حسابات -تويتر",
            "\"تنظيم داعش\"",
            "title:داعش",
            "في",
            "تطبيق رسائل مشفرة",
        ];
        let mut highlighted = 0;
        for query in queries {
            let hits = same_snippets_either_way(&mut searcher, query);
            highlighted += hits
                .iter()
                .filter(|h| !h.snippet.highlights.is_empty())
                .count();
        }
        assert!(highlighted >= 20, "only {highlighted} highlighted snippets");
    }

    #[test]
    fn scoring_the_rarest_word_first_changes_no_result() {
        let mut searcher = seed_searcher();
        let queries = [
            "داعش تيليجرام",
            "تنظيم داعش تيليجرام",
            "داعش تي",
            "مواقع التواصل الاجتماعي",
            "تويتر OR فيسبوك داعش",
            "\"تنظيم داعش\" تيليجرام",
            "داعش -تويتر حسابات",
            "title:داعش تيليجرام",
            "في داعش",
            "زززز داعش",     // no document has both: the partial fallback
            "يوروبل تلغرام", // a typo
        ];
        let options = SearchOptions {
            limit: 20,
            facets: vec!["*".into()],
            ..SearchOptions::default()
        };
        let mut partial = 0;
        for query in queries {
            searcher.shortcuts.conjunctive = true;
            let fast = searcher.search(query, &options).unwrap();
            searcher.shortcuts.conjunctive = false;
            let full = searcher.search(query, &options).unwrap();
            assert_eq!(fast.total, full.total, "{query}");
            assert_eq!(fast.partial, full.partial, "{query}");
            assert_eq!(fast.facets, full.facets, "{query}");
            let hits = |r: &SearchResults| -> Vec<(String, u32, Snippet)> {
                r.hits
                    .iter()
                    .map(|h| (h.id.clone(), h.score.to_bits(), h.snippet.clone()))
                    .collect()
            };
            assert_eq!(hits(&fast), hits(&full), "{query}");
            assert!(fast.total > 0, "{query}");
            partial += usize::from(fast.partial);
        }
        assert_eq!(partial, 1, "the partial fallback was exercised once");
    }

    #[test]
    fn the_snippet_comes_from_a_later_paragraph_with_more_query_words() {
        let filler = |i: usize| format!("فقرة رقم {i} عن موضوع آخر لا يذكر الكلمتين معا أبدا");
        let mut body: Vec<String> = vec!["بدأ داعش نشاطه منذ سنوات في عدة مدن".into()];
        body.extend((0..6).map(filler));
        body.push("ثم انتقل داعش إلى تيليجرام بعد حذف حساباته".into());
        body.extend((6..9).map(filler));
        let bytes = crate::index::one_document_index("خبر", body);
        let mut searcher = Searcher::new(Index::from_bytes(bytes).unwrap());
        let hits = same_snippets_either_way(&mut searcher, "داعش تيليجرام");
        assert_eq!(hits.len(), 1);
        assert!(
            hits[0].snippet.text.contains("انتقل داعش إلى تيليجرام"),
            "{}",
            hits[0].snippet.text
        );
        assert_eq!(hits[0].snippet.highlights.len(), 2);
    }

    #[test]
    fn a_pair_name_or_a_ligature_does_not_make_the_paragraph_skip_wrong() {
        let filler = |i: usize| format!("كلام عام رقم {i} في موضوع آخر تماما");
        let bodies: [(Vec<String>, &str); 2] = [
            // فيس بوك is one match in the postings but two marked words.
            (
                [vec![format!(
                    "فيسبوك {} داعش",
                    (0..40).map(filler).collect::<Vec<_>>().join(" ")
                )]]
                .into_iter()
                .flatten()
                .chain(["نشر على فيس بوك اليوم".into(), filler(99)])
                .collect(),
                "فيسبوك داعش",
            ),
            // Each ﷺ is four words at four positions, marked once.
            (
                vec![
                    format!("داعش {}", filler(1)),
                    format!("قال داعش {} تيليجرام", "ﷺ ".repeat(8)),
                    filler(2),
                ],
                "داعش تيليجرام",
            ),
        ];
        for (body, query) in bodies {
            let bytes = crate::index::one_document_index("خبر", body);
            let mut searcher = Searcher::new(Index::from_bytes(bytes).unwrap());
            let hits = same_snippets_either_way(&mut searcher, query);
            assert_eq!(hits.len(), 1, "{query}");
        }
    }

    #[test]
    fn positions_looked_up_or_scanned_give_the_same_highlights() {
        // 60 documents with the word: for one hit its positions are looked up in the
        // postings, for ten the postings are scanned (Highlighter::locate).
        let mut builder = crate::IndexBuilder::new();
        for i in 0..60 {
            let doc = crate::Document {
                id: format!("d{i}"),
                title: format!("خبر رقم {i} عن داعش"),
                body: vec![format!(
                    "نص الخبر {i}: انتقل داعش إلى تطبيق آخر ثم عاد داعش"
                )],
                ..crate::Document::default()
            };
            builder.add(doc).unwrap();
        }
        let searcher = Searcher::new(Index::from_bytes(builder.finish()).unwrap());
        let search = |limit| {
            let options = SearchOptions {
                limit,
                ..SearchOptions::default()
            };
            searcher.search("داعش", &options).unwrap().hits
        };
        let (one, ten) = (search(1), search(10));
        assert_eq!(one.len(), 1);
        assert_eq!(ten.len(), 10);
        assert_eq!(one[0].id, ten[0].id);
        assert_eq!(one[0].snippet, ten[0].snippet);
        assert_eq!(one[0].title_highlights, ten[0].title_highlights);
        assert_eq!(one[0].snippet.highlights.len(), 2);
        assert_eq!(one[0].title_highlights.len(), 1);
    }

    #[test]
    fn phrases_found_through_the_skip_tables_equal_those_of_reading_every_posting() {
        // 900 documents of words drawn unevenly (the first in nearly all documents, the last
        // in a few dozen, some with clitics that the stemmer takes off): a phrase's candidates are
        // then sometimes few against a long list (looked up through the skip table),
        // sometimes many (walked through).
        let words = [
            "داعش",
            "تنظيم",
            "والتنظيم",
            "التنظيم",
            "تيليجرام",
            "بتيليجرام",
            "حساب",
            "الحسابات",
            "جسر",
            "لندن",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |bound: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % bound as u64) as usize
        };
        let mut builder = crate::IndexBuilder::new();
        for i in 0..900 {
            let mut text = |len: usize| {
                (0..len)
                    .map(|_| {
                        words[next(words.len())
                            .min(next(words.len()))
                            .min(next(words.len()))]
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let doc = crate::Document {
                id: format!("d{i}"),
                title: text(4),
                body: vec![text(12), text(8)],
                ..crate::Document::default()
            };
            builder.add(doc).unwrap();
        }
        let searcher = Searcher::new(Index::from_bytes(builder.finish()).unwrap());
        let index = searcher.index();
        let mut phrases: Vec<String> = Vec::new();
        for a in words {
            for b in words {
                phrases.push(format!("{a} {b}"));
            }
            phrases.push(format!("{a} داعش تنظيم"));
        }
        let mut checked = 0;
        for phrase in &phrases {
            for field in [None, Some("title")] {
                let atom = Atom {
                    text: phrase.clone(),
                    phrase: true,
                    field: field.map(str::to_owned),
                };
                let mut alt = searcher.alternative(&atom, false);
                let mut found = searcher.evaluate(&mut alt, None).unwrap().0;
                found.sort_unstable();
                // Every posting of every term, read whole.
                let mut at: Vec<FxHashMap<u32, Vec<(u8, u32)>>> = Vec::new();
                for expansion in &alt.expansions {
                    let mut map: FxHashMap<u32, Vec<(u8, u32)>> = FxHashMap::default();
                    for &(ordinal, _) in expansion {
                        for posting in index.postings(ordinal).unwrap() {
                            for f in posting.fields {
                                if alt.field.is_none_or(|only| only == f.field) {
                                    let list = map.entry(posting.doc).or_default();
                                    list.extend(f.positions.iter().map(|&p| (f.field, p)));
                                }
                            }
                        }
                    }
                    at.push(map);
                }
                let expected: Vec<u32> = (0..index.document_count())
                    .filter(|doc| {
                        at[0].get(doc).is_some_and(|first| {
                            first.iter().any(|&(f, p)| {
                                at[1..].iter().enumerate().all(|(i, w)| {
                                    w.get(doc)
                                        .is_some_and(|l| l.contains(&(f, p + 1 + i as u32)))
                                })
                            })
                        })
                    })
                    .collect();
                assert_eq!(found, expected, "{phrase} in {field:?}");
                checked += usize::from(!expected.is_empty());
            }
        }
        assert!(checked > 150, "only {checked} phrases occur");
    }

    #[test]
    fn top_k_takes_any_k() {
        let items: Vec<Ranked> = (0..100).map(|d| (d, 1, (d % 7) as f32)).collect();
        let order =
            |a: &Ranked, b: &Ranked| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0));
        let mut sorted = items.clone();
        sorted.sort_by(order);
        for k in [usize::MAX, 1 << 62, 101, 100] {
            let mut top = items.clone();
            top_k(&mut top, k, order);
            assert_eq!(top, sorted, "k = {k}");
        }
        let options = SearchOptions {
            offset: (1 << 30) - 10,
            ..SearchOptions::default()
        };
        let results = seed_searcher().search("داعش", &options).unwrap();
        assert!(results.hits.is_empty() && results.total > 0);
    }

    #[test]
    fn smallest_window_spans_one_field() {
        let mut items = vec![(0, 1, 0), (0, 9, 1), (2, 5, 0), (2, 7, 1), (2, 30, 0)];
        assert_eq!(smallest_window(&mut items, 2), Some(2));
        let mut apart = vec![(0, 1, 0), (2, 7, 1)];
        assert_eq!(smallest_window(&mut apart, 2), None);
    }

    /// A searcher over documents with these bodies (ids `d0`, `d1`…).
    fn searcher_of(bodies: &[&str]) -> Searcher {
        let mut builder = crate::IndexBuilder::new();
        for (i, body) in bodies.iter().enumerate() {
            let doc = crate::Document {
                id: format!("d{i}"),
                title: format!("خبر {i}"),
                body: vec![body.to_string()],
                ..crate::Document::default()
            };
            builder.add(doc).unwrap();
        }
        Searcher::new(Index::from_bytes(builder.finish()).unwrap())
    }

    fn found(searcher: &Searcher, query: &str) -> Vec<String> {
        let mut ids: Vec<String> = (searcher
            .search(query, &SearchOptions::default())
            .unwrap()
            .hits)
            .into_iter()
            .map(|h| h.id)
            .collect();
        ids.sort();
        ids
    }

    #[test]
    fn a_word_of_several_alternatives_counts_for_proximity() {
        // A month's clause has its other names as alternatives (October, تشرين الأول):
        // near the other word, it is boosted as a single word is. The same words in both,
        // far apart in d0 and side by side in d1.
        let filler = "كلمة ".repeat(20);
        let far = format!("أكتوبر {filler} الرقة");
        let near = format!("{filler} أكتوبر الرقة");
        let searcher = searcher_of(&[&far, &near]);
        let hits = searcher
            .search("أكتوبر الرقة ", &SearchOptions::default())
            .unwrap()
            .hits;
        let order: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(order, ["d1", "d0"]);
        assert!(hits[0].score > hits[1].score);
    }

    #[test]
    fn a_number_in_words_finds_it_in_digits_and_back() {
        // One archive writes «200 ألف», another 200,000 or 200000; «1.2 مليون» is 1200000.
        let searcher = searcher_of(&[
            "أغلق تويتر 200,000 حساب",
            "أغلق تويتر 200 ألف حساب",
            "حذف 1200000 حساب",
            "حذف 201 ألف حساب",
        ]);
        assert_eq!(found(&searcher, "200 ألف حساب "), ["d0", "d1"]);
        assert_eq!(found(&searcher, "200000 "), ["d0", "d1"]);
        assert_eq!(found(&searcher, "1.2 مليون "), ["d2"]);
        assert_eq!(found(&searcher, "1200000 "), ["d2"]);
        // A unit being typed is not read yet.
        assert_eq!(found(&searcher, "201 أل"), ["d3"]);
    }

    #[test]
    fn another_name_of_a_thing_is_not_rarer_than_its_common_name() {
        // تشرين الأول is October in one document, أكتوبر in three: d1, which writes
        // أكتوبر twice, is more about October than d0, which writes تشرين الأول once (its two
        // rare words had made d0 first). The reader's rare name is scored at the common
        // name's weight too.
        let searcher = searcher_of(&[
            "وقع الهجوم في تشرين الأول الماضي",
            "وقع الهجوم في أكتوبر وفي أكتوبر الماضي",
            "أكتوبر شهر الخريف في البلاد",
            "أكتوبر مضى بسرعة هذا العام",
            "لا شيء هنا عن هذا الموضوع",
        ]);
        for query in ["أكتوبر ", "تشرين الأول "] {
            let hits = searcher
                .search(query, &SearchOptions::default())
                .unwrap()
                .hits;
            let order: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
            assert_eq!(order.len(), 4, "{query}: {order:?}");
            assert_eq!(order[0], "d1", "{query}: {order:?}");
            assert!(hits[0].score > hits[1].score, "{query}: {hits:?}");
        }
    }

    #[test]
    fn the_forms_of_a_word_count_together() {
        // d0 writes the word once as typed and four times with the article; d1 twice as
        // typed. Each form's best alone ranked d1 first; together d0 has it five times.
        let filler = "نص عن موضوع اخر في المدينة";
        let d0 = format!("تيليجرام والتيليجرام التيليجرام بالتيليجرام للتيليجرام {filler}");
        let d1 = format!("تيليجرام تيليجرام {filler} كلمة اخرى ثالثة");
        let searcher = searcher_of(&[&d0, &d1]);
        let results = searcher
            .search("تيليجرام ", &SearchOptions::default())
            .unwrap();
        let order: Vec<&str> = results.hits.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(
            order,
            ["d0", "d1"],
            "{:?}",
            results.hits.iter().map(|h| h.score).collect::<Vec<_>>()
        );
        // A word met only in one form scores as before: the same document alone, once.
        let once = searcher_of(&["تيليجرام"]);
        let hit = &once
            .search("تيليجرام ", &SearchOptions::default())
            .unwrap()
            .hits[0];
        let ordinal = once.index.term_ordinal("تيليجرام").unwrap();
        let mut impact = 0;
        once.index
            .for_each_impact(ordinal, |_, q| impact = q)
            .unwrap();
        let expected = once.idf(1) * (K1 + 1.0) * f32::from(impact) / IMPACT_SCALE;
        assert!(
            (hit.score - expected).abs() < 1e-4,
            "{} against {expected}",
            hit.score
        );
    }

    #[test]
    fn a_document_without_the_phrase_still_counts_for_the_other_words() {
        // d0 has the phrase's words apart: the phrase clause drops it, and its scores must
        // not be left behind (the totals start from the first clause's buffer).
        let searcher = searcher_of(&[
            "جسر كبير في لندن والشرطة هناك",
            "جسر لندن مغلق اليوم",
            "الشرطة في المدينة",
        ]);
        let results = searcher
            .search("\"جسر لندن\" الشرطة", &SearchOptions::default())
            .unwrap();
        assert!(results.partial);
        let mut ids: Vec<&str> = results.hits.iter().map(|h| h.id.as_str()).collect();
        ids.sort();
        assert_eq!(ids, ["d0", "d1", "d2"]);
        assert!(results.hits.iter().all(|h| h.score > 0.0));
        // Each has one clause of the two: the same tier, scored as one clause alone.
        let alone = |q: &str, id: &str| {
            let r = searcher.search(q, &SearchOptions::default()).unwrap();
            r.hits.iter().find(|h| h.id == id).map(|h| h.score)
        };
        let score = |id: &str| results.hits.iter().find(|h| h.id == id).map(|h| h.score);
        assert_eq!(score("d0"), alone("الشرطة", "d0"));
        assert_eq!(score("d1"), alone("\"جسر لندن\"", "d1"));
    }

    #[test]
    fn a_word_the_index_has_is_not_read_as_the_beginning_of_a_name() {
        // «توتر» (tension) has the consonants of تويتر; «تيليج» is no word, only a beginning.
        let searcher = searcher_of(&["ساد توتر في المدينة", "نشر على تويتر", "قناة على تليجرام"]);
        assert_eq!(found(&searcher, "توتر"), ["d0"]);
        assert_eq!(found(&searcher, "تيليج"), ["d2"]);
    }

    #[test]
    fn a_latin_name_of_two_words_finds_the_articles_that_write_it_in_either_script() {
        // A name of the alias list: the two words in a row, or its Arabic spellings (as
        // two words they met nothing in an Arabic archive); not the two words apart.
        let searcher = searcher_of(&[
            "the Islamic State group said",
            "تنظيم الدولة الإسلامية",
            "state of islamic art",
        ]);
        for q in [
            "\"islamic state\"",
            "islamic state",
            "Islamic State ",
            "islamic-state",
        ] {
            assert_eq!(found(&searcher, q), ["d0", "d1"], "{q}");
        }
        // Two words that are no name stay two words.
        assert_eq!(found(&searcher, "islamic art"), ["d2"]);
    }

    #[test]
    fn excluding_a_name_written_as_two_words_excludes_its_every_spelling() {
        let searcher = searcher_of(&["داعش على الفيس بوك", "داعش على فيسبوك", "داعش على تويتر"]);
        assert_eq!(found(&searcher, "داعش -\"فيس بوك\""), ["d2"]);
    }

    #[test]
    fn a_phrase_is_highlighted_only_where_its_words_are_in_a_row() {
        // تيليجرام has a variant key (it may match a name written as two words), yet a word
        // between the two is no occurrence of the phrase.
        let searcher = searcher_of(&["تيليجرام أو تويتر ثم تيليجرام تويتر"]);
        let hit = &searcher
            .search("\"تيليجرام تويتر\"", &SearchOptions::default())
            .unwrap()
            .hits[0];
        let units: Vec<u16> = hit.snippet.text.encode_utf16().collect();
        let marks: Vec<String> = (hit.snippet.highlights.iter())
            .map(|[a, b]| String::from_utf16(&units[*a as usize..*b as usize]).unwrap())
            .collect();
        assert_eq!(marks, ["تيليجرام", "تويتر"], "{}", hit.snippet.text);
        assert!(
            hit.snippet.highlights[0][0] > 10,
            "the second pair: {:?}",
            hit.snippet.highlights
        );
    }

    #[test]
    fn a_phrase_of_a_repeated_name_is_highlighted_in_linear_time() {
        // A phrase of 30 copies of a name (which may be written as two words: the index has
        // «الدولة الإسلامية») and a last word that follows only the end of a run of 400: a
        // search that tried both steps from every word would not end.
        let body = format!("الدولة الإسلامية {}تيليجرام", "داعش ".repeat(400));
        let searcher = searcher_of(&[&body]);
        let query = format!("\"{}تيليجرام\"", "داعش ".repeat(30));
        let results = searcher.search(&query, &SearchOptions::default()).unwrap();
        assert_eq!(results.total, 1);
        assert!(!results.hits[0].snippet.highlights.is_empty());
    }

    #[test]
    fn a_phrase_keeps_its_first_words() {
        // A pasted phrase of 100,000 words took 2.3 s and 124 MB; its first MAX_ATOMS words
        // are the phrase, the rest is ignored (as words after the query's MAX_ATOMS are).
        let letters = ['ب', 'ت', 'ث', 'ج', 'ح', 'خ'];
        let words: Vec<String> = (0..query::MAX_ATOMS)
            .map(|i| format!("س{}{}م", letters[i / 6], letters[i % 6]))
            .collect();
        let two = format!("{} {}", words[0], words[1]);
        let searcher = searcher_of(&[&words.join(" "), &two, "مدينة"]);
        let total = |query: &str| {
            let results = searcher.search(query, &SearchOptions::default()).unwrap();
            assert!(!results.partial);
            results.total
        };
        assert_eq!(total(&format!("\"{} مدينة\"", words.join(" "))), 1);
        // One word fewer: the word after it is part of the phrase.
        let short = format!("\"{} مدينة\"", words[..query::MAX_ATOMS - 1].join(" "));
        assert_eq!(total(&short), 0);
        let pasted = format!("\"{}\"", format!("{two} ").repeat(50_000));
        assert_eq!(total(&pasted), 0, "no article has it 32 words long");
    }
}
