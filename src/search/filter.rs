//! Filters, date ranges, sorting and facet counts.
//!
//! - Within one facet, the selected values are alternatives (any of them); different facets
//!   must all hold; excluded values remove documents. A date range keeps documents about a
//!   date that overlaps it (their publication date or a date their text mentions) and is
//!   at least as precise as its bounds: a range of months keeps an article that mentions
//!   «October 2017» or «23 October 2017», not one that only mentions «2017» (which the
//!   month timeline does not count either).
//! - Facet counts are **disjunctive**: the counts of a facet ignore that facet's own
//!   selection (and the timeline facets `year`/`month` ignore the date range), so choosing
//!   one platform still shows how many results every other platform would give.
//!
//! Each filter group becomes a bitset of the documents it allows; every document gets a
//! bit mask of the groups it fails. A document is a result when its mask is empty, and
//! counts for facet F when its mask is empty or only F's bit.

use crate::error::{Error, Result};

/// How precise a packed date (`yyyymmdd`, `00` for an unknown month or day) is: 0 a year,
/// 1 a month, 2 a day.
pub(crate) fn precision(packed: u32) -> u8 {
    match (packed / 100 % 100, packed % 100) {
        (_, 1..) => 2,
        (1.., 0) => 1,
        _ => 0,
    }
}
use crate::index::facets::{date_span, parse_iso_date};
use crate::index::Index;
use fixedbitset::FixedBitSet;
use serde::Serialize;
use std::collections::BTreeMap;

/// A filter on one facet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// The facet (`platform`, `source`, `year`…).
    pub facet: String,
    /// Values to keep (any of them); empty = no restriction.
    pub any_of: Vec<String>,
    /// Values to exclude.
    pub none_of: Vec<String>,
}

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best match first (with no query: newest first).
    #[default]
    Relevance,
    /// Newest first (publication date, else the latest date mentioned; undated last).
    Newest,
    /// Oldest first (undated last).
    Oldest,
}

impl Sort {
    /// Parses `relevance`, `newest` or `oldest`.
    pub fn parse(s: &str) -> Result<Sort> {
        match s {
            "relevance" => Ok(Sort::Relevance),
            "newest" => Ok(Sort::Newest),
            "oldest" => Ok(Sort::Oldest),
            other => Err(Error::InvalidOptions(format!(
                "sort must be \"relevance\", \"newest\" or \"oldest\", got \"{other}\""
            ))),
        }
    }
}

/// A value of a facet with the number of results it would give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FacetCount {
    /// The value to filter on.
    pub value: String,
    /// Display name in Arabic, if the value is an identifier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_ar: Option<String>,
    /// Display name in English, if the value is an identifier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
    /// Results with this value (given the query and the other facets' selections).
    pub count: usize,
}

/// Facet counts: [`CompiledFilters::count`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// Per facet, its values with a count (most results first; timeline facets in date
    /// order), cut to the limit asked for.
    pub counts: BTreeMap<String, Vec<FacetCount>>,
    /// Per facet, how many values have a count (before the limit).
    pub totals: BTreeMap<String, usize>,
}

/// Facets whose selection is ignored, with the date range, when counting timelines.
const TIMELINE_FACETS: &[&str] = &["year", "month"];

/// The filters of a search, compiled against an index.
#[derive(Debug)]
pub struct CompiledFilters {
    /// Per document: bit g set when the document fails filter group g (empty when no
    /// group filters: nothing fails).
    failures: Vec<u64>,
    /// Facet name → its group bit.
    groups: BTreeMap<String, u64>,
    /// The date range's group bit, if any.
    date_bit: Option<u64>,
    /// Documents removed by an exclusion (not disjunctive).
    excluded: FixedBitSet,
    /// Facet name → the indexes of the values its filter chose (any of).
    chosen: BTreeMap<String, Vec<u32>>,
    /// Is anything filtered at all?
    pub active: bool,
}

impl CompiledFilters {
    /// Compiles filters and a date range (`YYYY`, `YYYY-MM` or `YYYY-MM-DD` bounds, both
    /// inclusive at their precision).
    pub fn new(
        index: &Index,
        filters: &[Filter],
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<Self> {
        let n = index.document_count() as usize;
        let mut failures: Vec<u64> = Vec::new();
        let mut groups = BTreeMap::new();
        let mut excluded = FixedBitSet::with_capacity(n);
        let mut chosen: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut active = false;
        for filter in filters {
            let Some(facet) = index.facet(&filter.facet) else {
                let known: Vec<&str> = index.facets().iter().map(|f| f.name.as_str()).collect();
                return Err(Error::InvalidOptions(format!(
                    "unknown facet \"{}\"; this index has: {}",
                    filter.facet,
                    known.join(", ")
                )));
            };
            let docs_of = |value: &str| {
                facet
                    .value_index(value)
                    .map_or(&[][..], |i| facet.values[i].docs.as_slice())
            };
            for value in &filter.none_of {
                docs_of(value)
                    .iter()
                    .for_each(|&d| excluded.insert(d as usize));
                active = true;
            }
            if filter.any_of.is_empty() {
                continue;
            }
            let next = groups.len() as u64;
            let bit = *groups
                .entry(filter.facet.clone())
                .or_insert_with(|| 1u64 << next.min(63));
            let positions = filter
                .any_of
                .iter()
                .filter_map(|value| facet.value_index(value));
            chosen
                .entry(filter.facet.clone())
                .or_default()
                .extend(positions.map(|i| i as u32));
            let mut allowed = FixedBitSet::with_capacity(n);
            for value in &filter.any_of {
                docs_of(value)
                    .iter()
                    .for_each(|&d| allowed.insert(d as usize));
            }
            failures.resize(n, 0);
            for (d, f) in failures.iter_mut().enumerate() {
                if !allowed.contains(d) {
                    *f |= bit;
                }
            }
            active = true;
        }
        let mut date_bit = None;
        if from.is_some() || to.is_some() {
            let bound = |s: &str, name: &str| {
                parse_iso_date(s).ok_or_else(|| {
                    Error::InvalidOptions(format!(
                        "{name} must be a date such as 2017, 2017-11 or 2017-11-23, got \"{s}\""
                    ))
                })
            };
            let from = from.map(|s| bound(s, "dateFrom")).transpose()?;
            let to = to.map(|s| bound(s, "dateTo")).transpose()?;
            let start = from.map_or(0, |d| date_span(d).0);
            let end = to.map_or(u32::MAX, |d| date_span(d).1);
            let finest = from.into_iter().chain(to).map(precision).max().unwrap_or(0);
            if start > end {
                return Err(Error::InvalidOptions("dateFrom is after dateTo".into()));
            }
            let bit = 1u64 << (groups.len() as u64).min(63);
            failures.resize(n, 0);
            for (d, f) in failures.iter_mut().enumerate() {
                let inside = index.dates(d as u32).iter().any(|&date| {
                    let (a, b) = date_span(date);
                    a <= end && b >= start && precision(date) >= finest
                });
                if !inside {
                    *f |= bit;
                }
            }
            date_bit = Some(bit);
            active = true;
        }
        Ok(CompiledFilters {
            failures,
            groups,
            date_bit,
            excluded,
            chosen,
            active,
        })
    }

    /// Does the document pass every filter?
    pub fn accepts(&self, doc: u32) -> bool {
        self.failures_of(doc) == 0 && !self.excluded.contains(doc as usize)
    }

    /// The filter groups document `doc` fails.
    fn failures_of(&self, doc: u32) -> u64 {
        self.failures.get(doc as usize).copied().unwrap_or(0)
    }

    /// The bits a document may fail and still count for `facet`.
    fn ignored_for(&self, facet: &str) -> u64 {
        let mut bits = self.groups.get(facet).copied().unwrap_or(0);
        if TIMELINE_FACETS.contains(&facet) {
            bits |= self.date_bit.unwrap_or(0);
            for f in TIMELINE_FACETS {
                bits |= self.groups.get(*f).copied().unwrap_or(0);
            }
        }
        bits
    }

    /// Disjunctive counts of the `names`d facets (`*` = every facet) over the documents the
    /// query matched (`matched`, before filtering): per facet its values with a count, and
    /// how many values have one. With a `limit`, a facet keeps only its `limit` values of
    /// highest count (and the values chosen in its filter); the timeline facets keep every
    /// value, in date order. Each matched document's values are counted once, from
    /// [`Index::facet_values_of`].
    pub fn count(
        &self,
        index: &Index,
        names: &[String],
        matched: &FixedBitSet,
        limit: Option<usize>,
    ) -> Result<FacetCounts> {
        let mut out = FacetCounts::default();
        let all = names.iter().any(|n| n == "*");
        for name in names.iter().filter(|n| *n != "*") {
            if index.facet(name).is_none() {
                return Err(Error::InvalidOptions(format!(
                    "cannot count unknown facet \"{name}\""
                )));
            }
        }
        let facets = index.facets();
        let wanted: Vec<bool> = facets
            .iter()
            .map(|f| all || names.contains(&f.name))
            .collect();
        if !wanted.contains(&true) {
            return Ok(out);
        }
        let ignored: Vec<u64> = facets.iter().map(|f| self.ignored_for(&f.name)).collect();
        let ends: Vec<u32> = (0..facets.len())
            .map(|f| index.facet_value_numbers(f).end)
            .collect();
        let mut counts = vec![0u32; index.facet_value_total()];
        // Without filters, when most documents matched, the others are counted and taken
        // from each value's document count: half the work at most.
        let n = index.document_count() as usize;
        let complement = self.failures.is_empty()
            && self.excluded.is_clear()
            && matched.len() == n
            && matched.count_ones(..) > n / 2;
        if complement {
            for d in matched.zeroes() {
                for &v in index.facet_values_of(d as u32) {
                    counts[v as usize] += 1;
                }
            }
            // (Each wanted facet's counts are taken from its values' totals below.)
        } else {
            for d in matched.ones() {
                if self.excluded.contains(d) {
                    continue;
                }
                let values = index.facet_values_of(d as u32);
                let failed = self.failures_of(d as u32);
                if failed == 0 {
                    values.iter().for_each(|&v| counts[v as usize] += 1);
                    continue;
                }
                // Values come facet by facet: follow which facet they are of.
                let mut f = 0;
                for &v in values {
                    while ends.get(f).is_some_and(|&end| v >= end) {
                        f += 1;
                    }
                    if failed & !ignored.get(f).copied().unwrap_or(0) == 0 {
                        counts[v as usize] += 1;
                    }
                }
            }
        }
        for (f, facet) in facets.iter().enumerate() {
            if !wanted[f] {
                continue;
            }
            let numbers = index.facet_value_numbers(f);
            let counts = &mut counts[numbers.start as usize..numbers.end as usize];
            if complement {
                // Values are numbered in this order (see `Index::facet_value_numbers`).
                for (count, value) in counts.iter_mut().zip(&facet.values) {
                    *count = value.docs.len() as u32 - *count;
                }
            }
            // (count, value index): every value with a count, or the `limit` with most
            // (every one when no more have a count), and how many have a count.
            let timeline = TIMELINE_FACETS.contains(&facet.name.as_str());
            let (mut kept, total): (Vec<(u32, u32)>, usize) = match limit {
                Some(k) if !timeline => {
                    let chosen = self.chosen.get(&facet.name).map_or(&[][..], Vec::as_slice);
                    most_frequent(counts, k, chosen)
                }
                _ => {
                    let kept: Vec<(u32, u32)> = (0..counts.len() as u32)
                        .filter(|&i| counts[i as usize] > 0)
                        .map(|i| (counts[i as usize], i))
                        .collect();
                    let total = kept.len();
                    (kept, total)
                }
            };
            out.totals.insert(facet.name.clone(), total);
            if !timeline {
                // Most results first; ties in value order.
                kept.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            }
            let entries = kept
                .into_iter()
                .map(|(count, i)| {
                    let v = &facet.values[i as usize];
                    FacetCount {
                        value: v.value.clone(),
                        label_ar: v.label_ar.clone(),
                        label_en: v.label_en.clone(),
                        count: count as usize,
                    }
                })
                .collect();
            out.counts.insert(facet.name.clone(), entries);
        }
        Ok(out)
    }
}

/// Up to this many values, [`most_frequent`] keeps the best so far in one pass; above, it
/// selects among all the values with a count.
const SMALL_LIMIT: usize = 64;

/// The `k` values of `counts` (by index) with the highest counts, ties to the lower index,
/// and the `chosen` ones that have a count: `(count, index)`s, in no particular order; and
/// how many values have a count.
fn most_frequent(counts: &[u32], k: usize, chosen: &[u32]) -> (Vec<(u32, u32)>, usize) {
    let mut best: Vec<(u32, u32)> = Vec::with_capacity(k + 1);
    let mut total = 0;
    if k == 0 {
        total = counts.iter().filter(|&&c| c > 0).count();
    } else if k > SMALL_LIMIT {
        // Many wanted: select among them all (linear) rather than insert one by one.
        best.extend(
            (0..counts.len() as u32)
                .filter(|&i| counts[i as usize] > 0)
                .map(|i| (counts[i as usize], i)),
        );
        total = best.len();
        if best.len() > k {
            best.select_nth_unstable_by(k - 1, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            best.truncate(k);
        }
    } else {
        for (i, &c) in counts.iter().enumerate() {
            if c == 0 {
                continue;
            }
            total += 1;
            // Sorted best first; a later index loses a tie, so only a higher count gets in.
            if best.len() == k && best.last().is_none_or(|w| c <= w.0) {
                continue;
            }
            let at = best.partition_point(|b| b.0 >= c);
            best.insert(at, (c, i as u32));
            best.truncate(k);
        }
    }
    for &i in chosen {
        let c = counts.get(i as usize).copied().unwrap_or(0);
        if c > 0 && !best.iter().any(|b| b.1 == i) {
            best.push((c, i));
        }
    }
    (best, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_most_frequent_values_are_the_head_of_a_full_sort(
            counts in proptest::collection::vec(0u32..6, 0..200),
            k in 0usize..80,
            chosen in proptest::collection::vec(0u32..90, 0..4),
        ) {
            let mut all: Vec<(u32, u32)> = counts
                .iter()
                .enumerate()
                .filter(|(_, &c)| c > 0)
                .map(|(i, &c)| (c, i as u32))
                .collect();
            all.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let mut expected: Vec<(u32, u32)> = all.iter().copied().take(k).collect();
            for &i in &chosen {
                if let Some(&hit) = all.iter().find(|v| v.1 == i) {
                    if !expected.contains(&hit) {
                        expected.push(hit);
                    }
                }
            }
            expected.sort();
            let (mut got, total) = most_frequent(&counts, k, &chosen);
            got.sort();
            proptest::prop_assert_eq!(got, expected);
            proptest::prop_assert_eq!(total, all.len());
        }
    }
}
