//! The index: built from documents by [`IndexBuilder`], written as bytes in the format
//! specified in [`format`], read back by [`Index::from_bytes`].

pub mod builder;
pub(crate) mod bytes;
pub(crate) mod checksum;
pub mod facets;
pub mod format;
pub mod reader;

pub use builder::IndexBuilder;
pub use reader::{DocPosting, DocSet, Facet, FacetEntry, FieldPosting, Index, StoredDocument};

use crate::document::Document;

/// Version of the text analysis an index was built with. Bump it whenever normalization,
/// tokenization, stemming or variant keys change what terms a text produces.
pub const ANALYZER_VERSION: u32 = 14;

/// The bytes of an index of one document, id `d`, with this title and these paragraphs
/// (for the tests of the reader, the search and the snippets).
#[cfg(test)]
pub(crate) fn one_document_index(title: &str, body: Vec<String>) -> Vec<u8> {
    let mut builder = IndexBuilder::new();
    let doc = Document {
        id: "d".into(),
        title: title.into(),
        body,
        ..Document::default()
    };
    builder.add(doc).expect("a valid document");
    builder.finish()
}

/// A searchable text field and its BM25F parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldSpec {
    /// The field's name (`title`, `body`…).
    pub name: String,
    /// How much a match in this field counts relative to the body (1.0).
    pub weight: f32,
    /// BM25 length normalization for this field (0 = none, 1 = full).
    pub b: f32,
}

impl FieldSpec {
    fn new(name: &str, weight: f32, b: f32) -> Self {
        FieldSpec {
            name: name.to_owned(),
            weight,
            b,
        }
    }
}

/// The fields of a document that are indexed, in field-id order. The title weighs 5: at 3,
/// the article whose title is «بديلة لـ"تيليجرام"» ranked under one with تيليجرام ten
/// times in a longer text, for «بديلة لتيليجرام» and for «تيليجرام» (a reader's review, 7
/// December); the judged queries hold at both.
pub fn default_fields() -> Vec<FieldSpec> {
    vec![
        FieldSpec::new("title", 5.0, 0.5),
        FieldSpec::new("subtitle", 2.0, 0.5),
        FieldSpec::new("body", 1.0, 0.75),
        FieldSpec::new("author", 1.0, 0.0),
        FieldSpec::new("source", 1.0, 0.0),
        FieldSpec::new("tags", 1.5, 0.0),
    ]
}

/// The texts of a document's field, by field name; `None` for a field it does not have.
pub fn field_texts<'a>(doc: &'a Document, field: &str) -> Vec<&'a str> {
    match field {
        "title" => vec![doc.title.as_str()],
        "subtitle" => doc.subtitle.iter().map(String::as_str).collect(),
        "body" => doc.body.iter().map(String::as_str).collect(),
        "author" => doc.author.iter().map(String::as_str).collect(),
        "source" => doc.source.iter().map(String::as_str).collect(),
        "tags" => doc
            .section
            .iter()
            .chain(&doc.tags)
            .map(String::as_str)
            .collect(),
        _ => Vec::new(),
    }
}

/// The most fields an index may have.
pub const MAX_FIELDS: usize = 16;

/// BM25 term-frequency saturation. Part of the format: the impacts stored in the postings
/// (see [`format`]) are computed with it.
pub const K1: f32 = 1.2;

/// BM25F's factor for one field of one document: the field's weight over its length
/// normalization, `weight / (1 − b + b · length / average)`. The builder computes the
/// stored impacts with it and the searcher the field-scoped scores, so both agree.
pub fn length_norm(spec: &FieldSpec, length: u32, average: f32) -> f32 {
    let norm = 1.0 - spec.b + spec.b * length as f32 / average.max(1.0);
    spec.weight / norm.max(0.01)
}

/// The largest impact (see [`format`]): an impact `q` stands for the saturation
/// `q / IMPACT_SCALE` of BM25.
pub const IMPACT_SCALE: f32 = 255.0;

/// A posting's impact: its BM25 saturation `tf' / (K1 + tf')` in `1..=255` steps, where
/// `tf'` is the field-weighted, length-normalized term frequency; 0 only when `tf'` is 0
/// (a term only in fields of weight 0).
pub fn impact(weighted_tf: f32) -> u8 {
    if weighted_tf.is_nan() || weighted_tf <= 0.0 {
        return 0;
    }
    let saturation = weighted_tf / (K1 + weighted_tf);
    (saturation * IMPACT_SCALE).round().clamp(1.0, IMPACT_SCALE) as u8
}

/// Positions skipped between two paragraphs of a field, so that a phrase or a proximity
/// window never spans a paragraph break.
pub const PARAGRAPH_GAP: u32 = 8;
