//! Searching an [`Index`]: parse the query, find the matching documents, rank them with
//! BM25F, and cut a highlighted snippet for each hit.
//!
//! Ranking (see ARCHITECTURE.md for the reasoning):
//!
//! ```text
//! score(d) = Σ over required clauses c of  max over the clause's terms t of  tier(t) · bm25f(t, d)
//! bm25f(t, d) = idf(t) · tf'(t,d) · (k1 + 1) / (k1 + tf'(t,d))
//! tf'(t, d)  = Σ over fields f of  weight(f) · tf(t,d,f) / (1 − b(f) + b(f) · len(d,f) / avglen(f))
//! idf(t)     = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5))
//! ```
//! with k1 = 1.2, field weights and b in [`crate::index::default_fields`], and match tiers
//! in [`matcher::tier`]. Ties are broken by document order (deterministic).

pub mod matcher;
pub mod query;
pub mod snippet;

use crate::error::{Error, Result};
use crate::index::{DocPosting, Index};
use crate::text::Analyzer;
use matcher::WordMatcher;
use query::Atom;
use serde::Serialize;
use snippet::Snippet;
use std::collections::HashMap;

/// BM25 term-frequency saturation.
pub const K1: f32 = 1.2;

/// The most hits one call may return.
pub const MAX_LIMIT: usize = 1000;

/// What to return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOptions {
    /// How many hits (default 10, at most [`MAX_LIMIT`]).
    pub limit: usize,
    /// How many hits to skip (for paging).
    pub offset: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            offset: 0,
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
    /// The hits, best first, after `offset`, at most `limit`.
    pub hits: Vec<Hit>,
}

/// A clause alternative after analysis: one word, or several in a row.
#[derive(Debug)]
struct Alternative {
    words: Vec<WordMatcher>,
    field: Option<u8>,
}

/// Score of each matching document.
type DocScores = HashMap<u32, f32>;

/// For one query word: each matching document's best score and its (field, position)s.
type WordDocs = HashMap<u32, (f32, Vec<(u8, u32)>)>;

/// Searches one index.
#[derive(Debug)]
pub struct Searcher {
    index: Index,
    analyzer: Analyzer,
}

impl Searcher {
    /// A searcher over `index`.
    pub fn new(index: Index) -> Self {
        Searcher {
            index,
            analyzer: Analyzer::default(),
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
        let parsed = query::parse(query);
        let clause_count = parsed.required.len();
        let mut clauses: Vec<(Vec<Alternative>, bool)> = Vec::with_capacity(clause_count);
        for (c, clause) in parsed.required.iter().enumerate() {
            let last = c + 1 == clause_count;
            let alternatives: Vec<Alternative> = clause
                .iter()
                .enumerate()
                .map(|(a, atom)| {
                    self.alternative(atom, last && a + 1 == clause.len() && parsed.last_is_prefix)
                })
                .filter(|alt| !alt.words.is_empty())
                .collect();
            if !alternatives.is_empty() {
                let stop_only = alternatives
                    .iter()
                    .all(|a| a.words.iter().all(|w| w.is_stop));
                clauses.push((alternatives, stop_only));
            }
        }
        let mut results = SearchResults {
            query: query.to_owned(),
            total: 0,
            partial: false,
            hits: Vec::new(),
        };
        if clauses.is_empty() {
            return Ok(results);
        }
        // Stop-word clauses are optional when the query has other words.
        let all_stop = clauses.iter().all(|(_, stop)| *stop);
        let mut per_clause: Vec<(DocScores, bool)> = Vec::with_capacity(clauses.len());
        for (alternatives, stop_only) in &clauses {
            let mut scores = DocScores::new();
            for alt in alternatives {
                for (doc, s) in self.evaluate(alt)? {
                    let e = scores.entry(doc).or_insert(0.0);
                    *e = e.max(s);
                }
            }
            per_clause.push((scores, all_stop || !*stop_only));
        }
        let mut excluded = std::collections::HashSet::new();
        for atom in &parsed.excluded {
            let mut alt = self.alternative(atom, false);
            for w in &mut alt.words {
                w.strict();
            }
            if !alt.words.is_empty() {
                excluded.extend(self.evaluate(&alt)?.into_keys());
            }
        }

        let required = per_clause.iter().filter(|(_, r)| *r).count();
        let mut totals: HashMap<u32, (usize, f32)> = HashMap::new();
        for (scores, is_required) in &per_clause {
            for (&doc, &s) in scores {
                if excluded.contains(&doc) {
                    continue;
                }
                let e = totals.entry(doc).or_insert((0, 0.0));
                e.0 += usize::from(*is_required);
                e.1 += s;
            }
        }
        let mut ranked: Vec<(u32, usize, f32)> = totals
            .iter()
            .filter(|(_, (n, _))| *n == required)
            .map(|(&d, &(n, s))| (d, n, s))
            .collect();
        if ranked.is_empty() && required > 1 {
            // Nobody has every word: the best partial matches, most words first.
            results.partial = true;
            ranked = totals
                .iter()
                .filter(|(_, (n, _))| *n > 0)
                .map(|(&d, &(n, s))| (d, n, s))
                .collect();
        }
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));
        results.total = ranked.len();

        let words: Vec<WordMatcher> = clauses
            .iter()
            .flat_map(|(alts, _)| alts.iter().flat_map(|a| a.words.iter().cloned()))
            .collect();
        for &(doc, _, score) in ranked.iter().skip(options.offset).take(options.limit) {
            results.hits.push(self.hit(doc, score, &words)?);
        }
        Ok(results)
    }

    fn alternative(&self, atom: &Atom, prefix: bool) -> Alternative {
        let tokens = self.analyzer.analyze(&atom.text);
        let n = tokens.len();
        let words = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| WordMatcher::new(&self.analyzer, &t.term, prefix && i + 1 == n))
            .collect();
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
        Alternative { words, field }
    }

    /// Scores every document that matches an alternative (all its words, in a row when
    /// there are several).
    fn evaluate(&self, alt: &Alternative) -> Result<DocScores> {
        let mut per_word: Vec<WordDocs> = Vec::with_capacity(alt.words.len());
        for word in &alt.words {
            let mut docs = WordDocs::new();
            for (ordinal, weight) in word.expand(&self.index)? {
                let postings = self.index.postings(ordinal)?;
                let df = postings.len();
                for posting in &postings {
                    let s = weight * self.bm25f(posting, df, alt.field);
                    if s <= 0.0 {
                        continue;
                    }
                    let e = docs.entry(posting.doc).or_insert((0.0, Vec::new()));
                    e.0 = e.0.max(s);
                    if alt.words.len() > 1 {
                        for f in &posting.fields {
                            e.1.extend(f.positions.iter().map(|&p| (f.field, p)));
                        }
                    }
                }
            }
            per_word.push(docs);
        }
        let Some((first, rest)) = per_word.split_first() else {
            return Ok(DocScores::new());
        };
        let mut out = DocScores::new();
        'docs: for (&doc, (score, positions)) in first {
            let mut total = *score;
            for other in rest {
                match other.get(&doc) {
                    Some((s, _)) => total += s,
                    None => continue 'docs,
                }
            }
            if !rest.is_empty() {
                // A phrase: some position of the first word followed by each next word.
                let in_order = positions.iter().any(|&(field, p)| {
                    rest.iter()
                        .enumerate()
                        .all(|(i, other)| other[&doc].1.contains(&(field, p + 1 + i as u32)))
                });
                if !in_order {
                    continue;
                }
            }
            out.insert(doc, total);
        }
        Ok(out)
    }

    fn bm25f(&self, posting: &DocPosting, df: usize, only_field: Option<u8>) -> f32 {
        let n = self.index.document_count() as f32;
        let idf = (1.0 + (n - df as f32 + 0.5) / (df as f32 + 0.5)).ln();
        let fields = self.index.fields();
        let mut tf = 0.0f32;
        for fp in &posting.fields {
            if only_field.is_some_and(|f| f != fp.field) {
                continue;
            }
            let Some(field) = fields.get(fp.field as usize) else {
                continue;
            };
            let length = self.index.field_length(posting.doc, fp.field) as f32;
            let average = field.average_length.max(1.0);
            let norm = 1.0 - field.spec.b + field.spec.b * length / average;
            tf += field.spec.weight * fp.positions.len() as f32 / norm.max(0.01);
        }
        idf * tf * (K1 + 1.0) / (K1 + tf)
    }

    fn hit(&self, doc: u32, score: f32, words: &[WordMatcher]) -> Result<Hit> {
        let d = self.index.document(doc)?;
        let mut paragraphs: Vec<&str> = d.body.iter().map(String::as_str).collect();
        if let Some(sub) = &d.subtitle {
            paragraphs.insert(0, sub);
        }
        let snippet = snippet::best_snippet(&self.analyzer, &paragraphs, words);
        let title_highlights = snippet::highlight(&self.analyzer, &d.title, words);
        Ok(Hit {
            id: d.id,
            title: d.title,
            score,
            published: d.published,
            author: d.author,
            source: d.source,
            url: d.url,
            title_highlights,
            snippet,
        })
    }
}
