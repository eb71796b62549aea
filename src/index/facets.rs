//! Facets and dates: what a reader filters by.
//!
//! A **facet** is a named set of values (`source`, `author`, `section`, `tag`, the entity
//! facets `platform` / `organisation` / `place` / `person`, and the timeline facets `year` and
//! `month`), each value listing the documents that have it. Values come from the document's
//! own metadata ([`metadata_values`]) and from [`Extractor`]s run at index time (entities
//! from a taxonomy, dates mentioned in the text).
//!
//! **Dates** are packed as `yyyymmdd` numbers, with `00` for an unknown month or day
//! ([`pack_date`]). Each document keeps the dates it is about (its publication date and the
//! dates its text mentions) for the date-range filter and the timeline, and one sort key
//! (the publication date, else the latest date mentioned) for sorting by newest / oldest.

use crate::document::Document;
use crate::text::Analyzer;

/// One facet value of a document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FacetValue {
    /// The facet (`platform`, `source`…).
    pub facet: String,
    /// The value, as filtered on (`telegram`, `2017-11`…).
    pub value: String,
    /// A display name in Arabic, when the value is an identifier.
    pub label_ar: Option<String>,
    /// A display name in English, when the value is an identifier.
    pub label_en: Option<String>,
    /// Its other names, in either script (an entity's other spellings: أمبر ريد for أمبر
    /// رود, Durov for Pavel Durov), for the search to meet a name the text writes another
    /// way than the display name.
    pub names: Vec<String>,
}

impl FacetValue {
    /// A value that is its own label.
    pub fn plain(facet: &str, value: &str) -> Self {
        FacetValue {
            facet: facet.to_owned(),
            value: value.to_owned(),
            label_ar: None,
            label_en: None,
            names: Vec::new(),
        }
    }
}

/// What an [`Extractor`] finds in a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// Facet values (entities…).
    pub values: Vec<FacetValue>,
    /// Dates the document is about, packed with [`pack_date`].
    pub dates: Vec<u32>,
}

/// Finds facet values and dates in documents at index time.
pub trait Extractor: std::fmt::Debug + Send + Sync {
    /// What this extractor finds in `doc`, analyzing text with `analyzer`.
    fn extract(&self, analyzer: &Analyzer, doc: &Document) -> Extracted;
}

/// Packs a (partial) date as `yyyymmdd`; an unknown month or day is `00`.
pub fn pack_date(year: i32, month: Option<u8>, day: Option<u8>) -> Option<u32> {
    if !(1..=9999).contains(&year) {
        return None;
    }
    let month = month.unwrap_or(0);
    let day = if month == 0 { 0 } else { day.unwrap_or(0) };
    if month > 12 || day > 31 {
        return None;
    }
    Some(year as u32 * 10_000 + u32::from(month) * 100 + u32::from(day))
}

/// The `[first day, last day]` a packed date covers (a year covers all of it).
pub fn date_span(packed: u32) -> (u32, u32) {
    let (year, month, day) = (packed / 10_000, packed / 100 % 100, packed % 100);
    match (month, day) {
        (0, _) => (year * 10_000 + 101, year * 10_000 + 1231),
        (m, 0) => (year * 10_000 + m * 100 + 1, year * 10_000 + m * 100 + 31),
        _ => (packed, packed),
    }
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the start of an ISO date-time is accepted too).
pub fn parse_iso_date(s: &str) -> Option<u32> {
    let s = s.trim();
    let date = s.split('T').next()?;
    let mut parts = date.split('-');
    let year: i32 = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let month: Option<u8> = match parts.next() {
        Some(m) if m.len() == 2 => Some(m.parse().ok()?),
        Some(_) => return None,
        None => None,
    };
    let day: Option<u8> = match parts.next() {
        Some(d) if d.len() == 2 => Some(d.parse().ok()?),
        Some(_) => return None,
        None => None,
    };
    if parts.next().is_some() || month == Some(0) || day == Some(0) {
        return None;
    }
    pack_date(year, month, day)
}

/// A packed date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as it is (the inverse
/// of [`parse_iso_date`]).
pub fn iso_date(packed: u32) -> String {
    let (year, month, day) = (packed / 10_000, packed / 100 % 100, packed % 100);
    match (month, day) {
        (0, _) => format!("{year:04}"),
        (m, 0) => format!("{year:04}-{m:02}"),
        (m, d) => format!("{year:04}-{m:02}-{d:02}"),
    }
}

/// The facet values a document's own metadata gives: `source`, `author`, `section`, `tag`.
pub fn metadata_values(doc: &Document) -> Vec<FacetValue> {
    let mut out = Vec::new();
    for (facet, value) in [
        ("source", &doc.source),
        ("author", &doc.author),
        ("section", &doc.section),
    ] {
        if let Some(v) = value {
            out.push(FacetValue::plain(facet, v.trim()));
        }
    }
    for tag in &doc.tags {
        out.push(FacetValue::plain("tag", tag.trim()));
    }
    out
}

/// The timeline facet values of a date: `year` and, when the month is known, `month`.
pub fn date_values(packed: u32) -> Vec<FacetValue> {
    let (year, month) = (packed / 10_000, packed / 100 % 100);
    let mut out = vec![FacetValue::plain("year", &format!("{year:04}"))];
    if month > 0 {
        out.push(FacetValue::plain("month", &format!("{year:04}-{month:02}")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_pack_and_span() {
        assert_eq!(pack_date(2017, Some(11), Some(23)), Some(20171123));
        assert_eq!(pack_date(2017, None, Some(23)), Some(20170000));
        assert_eq!(pack_date(2017, Some(13), None), None);
        assert_eq!(date_span(20170000), (20170101, 20171231));
        assert_eq!(date_span(20171100), (20171101, 20171131));
        assert_eq!(date_span(20171123), (20171123, 20171123));
    }

    #[test]
    fn iso_dates_parse_at_any_precision() {
        assert_eq!(parse_iso_date("2018-12-20T11:34"), Some(20181220));
        assert_eq!(parse_iso_date("2018-12"), Some(20181200));
        assert_eq!(parse_iso_date("2018"), Some(20180000));
        for iso in ["2018-12-20", "2018-12", "2018", "0987-01"] {
            assert_eq!(parse_iso_date(iso).map(iso_date).as_deref(), Some(iso));
        }
        for bad in [
            "18",
            "2018-1",
            "2018-13",
            "2018-00",
            "x",
            "",
            "2018-12-20-1",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn timeline_values_follow_the_precision() {
        let v: Vec<String> = date_values(20171123)
            .into_iter()
            .map(|v| format!("{}={}", v.facet, v.value))
            .collect();
        assert_eq!(v, ["year=2017", "month=2017-11"]);
        assert_eq!(date_values(20170000).len(), 1);
    }
}
