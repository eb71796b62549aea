//! Documents: the articles that are indexed, searched and shown.
//!
//! A document is what `corpus/*.json` holds (see `corpus/README.md`): an id, a title, the
//! body as paragraphs, and optional metadata stated by the article itself.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// One article.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// A unique, stable identifier.
    pub id: String,
    /// The headline.
    pub title: String,
    /// A deck or sub-headline, when the article has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Publication date or date-time, ISO 8601 (`2018-12-20` or `2018-12-20T11:34`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The byline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The publication the article comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where the article can be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The site section the article belongs to (e.g. "سياسة", "تقنية").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Free tags / keywords.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The article text, one string per paragraph.
    #[serde(default)]
    pub body: Vec<String>,
}

impl Document {
    /// Parses one document from JSON text; `at` names the source in error messages.
    pub fn from_json(json: &str, at: &str) -> Result<Document> {
        let doc: Document = serde_json::from_str(json).map_err(|e| Error::InvalidDocument {
            at: at.to_owned(),
            problem: format!("not a valid document record: {e}"),
        })?;
        doc.validate(at)?;
        Ok(doc)
    }

    /// Checks the record: an id and a title are required, optional fields are non-empty,
    /// and `published` is an ISO 8601 date or date-time.
    pub fn validate(&self, at: &str) -> Result<()> {
        let invalid = |problem: String| {
            Err(Error::InvalidDocument {
                at: at.to_owned(),
                problem,
            })
        };
        if self.id.trim().is_empty() {
            return invalid("the record has no id; give every document a unique \"id\"".into());
        }
        if self.title.trim().is_empty() {
            return invalid(format!(
                "document {:?} has no title; every document needs a \"title\"",
                self.id
            ));
        }
        for (name, value) in [
            ("subtitle", &self.subtitle),
            ("published", &self.published),
            ("author", &self.author),
            ("source", &self.source),
            ("url", &self.url),
            ("section", &self.section),
        ] {
            if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
                return invalid(format!(
                    "document {:?} has an empty \"{name}\"; leave the field out when it is unknown",
                    self.id
                ));
            }
        }
        if self.tags.iter().any(|t| t.trim().is_empty()) {
            return invalid(format!(
                "document {:?} has an empty tag; remove it",
                self.id
            ));
        }
        if let Some(published) = &self.published {
            if !is_iso_date(published) {
                return invalid(format!(
                    "document {:?} has an unparseable \"published\" date {published:?}; use ISO 8601 \
                     such as 2018-12-20 or 2018-12-20T11:34",
                    self.id
                ));
            }
        }
        Ok(())
    }
}

/// Accepts `YYYY-MM-DD`, optionally followed by `THH:MM`, `:SS`, and a zone (`Z`, `+03:00`).
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    if b.len() < 10
        || !digits(0..4)
        || b[4] != b'-'
        || !digits(5..7)
        || b[7] != b'-'
        || !digits(8..10)
    {
        return false;
    }
    let month = (b[5] - b'0') * 10 + (b[6] - b'0');
    let day = (b[8] - b'0') * 10 + (b[9] - b'0');
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return false;
    }
    if b.len() == 10 {
        return true;
    }
    if b[10] != b'T' || b.len() < 16 || !digits(11..13) || b[13] != b':' || !digits(14..16) {
        return false;
    }
    let mut rest = &s[16..];
    if let Some(seconds) = rest.strip_prefix(':') {
        if seconds.len() < 2 || !seconds.as_bytes()[..2].iter().all(u8::is_ascii_digit) {
            return false;
        }
        rest = &seconds[2..];
    }
    rest.is_empty()
        || rest == "Z"
        || (rest.len() == 6
            && matches!(rest.as_bytes()[0], b'+' | b'-')
            && rest.as_bytes()[3] == b':'
            && rest
                .bytes()
                .enumerate()
                .all(|(i, c)| matches!(i, 0 | 3) || c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        for ok in [
            "2018-12-20",
            "2018-12-20T11:34",
            "2018-12-20T11:34:05",
            "2018-12-20T11:34Z",
            "2018-12-20T11:34+03:00",
        ] {
            assert!(is_iso_date(ok), "{ok}");
        }
        for bad in [
            "20/12/2018",
            "2018-13-01",
            "2018-12-20 11:34",
            "2018-12-20T",
            "",
            "2018-12-20T11:34+3",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }

    #[test]
    fn rejects_records_with_a_clear_message() {
        let err = Document::from_json(r#"{"id":"a","title":""}"#, "x.json").unwrap_err();
        assert!(
            err.to_string().contains("x.json") && err.to_string().contains("no title"),
            "{err}"
        );
        let err = Document::from_json(
            r#"{"id":"a","title":"t","published":"20/12/2018"}"#,
            "x.json",
        )
        .unwrap_err();
        assert!(err.to_string().contains("unparseable"), "{err}");
        let err =
            Document::from_json(r#"{"id":"a","title":"t","colour":"red"}"#, "x.json").unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
    }
}
