//! # The fahras index format, version 6
//!
//! This file is the specification of the index file; [`super::builder`] writes it and
//! [`super::reader`] reads it. All integers are little-endian. "varint" is LEB128 (7 bits
//! per byte, low bits first, high bit = more bytes follow). Strings are UTF-8, written as a
//! varint byte length followed by the bytes.
//!
//! ```text
//! ┌──────────────────────────── header ────────────────────────────┐
//! │ 0   magic            8 bytes  "FAHRASIX"                       │
//! │ 8   format version   u32      6                                │
//! │ 12  section count    u32      N                                │
//! │ 16  section table    N × 24 bytes:                             │
//! │        kind u32 · crc32 u32 · offset u64 · length u64          │
//! │ 16+24N header crc32  u32      CRC-32 of bytes 0 .. 16+24N      │
//! └────────────────────────────────────────────────────────────────┘
//! then the sections, each at its offset (from the start of the file),
//! each with its own CRC-32 in the table.
//! ```
//!
//! Sections (every one required, in any order; unknown kinds are an error):
//!
//! | kind | name | content |
//! |------|------|---------|
//! | 1 | `meta` | varint document count · varint field count · per field: string name, f32 weight, f32 b, f32 average length · varint analyzer version |
//! | 2 | `terms` | an [`fst::Map`] from each normalized term to its term ordinal |
//! | 3 | `postings` | varint term count T · T+1 × u32 offsets (relative to the end of the table) · the postings lists |
//! | 4 | `stems` | an [`fst::Map`] from a stem to the offset of a term list in `expansions` |
//! | 5 | `variants` | an [`fst::Map`] from a variant key to the offset of a term list in `expansions` |
//! | 6 | `expansions` | term lists: varint count · count × varint term-ordinal deltas (ascending) |
//! | 12 | `completions` | an [`fst::Map`] from a prefix to the offset of a term list in `expansions`: the [`COMPLETIONS`] terms it begins that are in the most documents (ties: the earlier term; stop words left out), for every prefix of at least [`COMPLETION_MIN_CHARS`] characters that begins more such terms |
//! | 7 | `norms` | per document, per field: varint field length in tokens |
//! | 8 | `documents` | varint document count D · D+1 × u32 offsets (relative to the end of the table) · the stored documents |
//! | 9 | `facets` | varint facet count · per facet: string name · varint value count · per value (sorted): string value · string Arabic label · string English label (empty = none) · varint name count · that many strings: other names, either script (an entity's other spellings) · varint document count · that many varint document deltas |
//! | 11 | `analysis` | string: the site's extra aliases (the format of `data/aliases.tsv`) · varint count · that many strings: extra stop words · string: the site's extra broken plurals (the format of `data/plurals.txt`) |
//! | 10 | `dates` | per document: varint sort key · varint count · that many varint dates (dates packed as `yyyymmdd`, `00` for an unknown month or day; sort key 0 = no date) |
//!
//! A **postings list** (one per term ordinal): varint document frequency `df` · varint
//! byte length of the document block · the document block · the skip table · the detail
//! block (to the end of the list).
//!
//! - The **document block** has, per document in ascending order: varint document delta
//!   (from the previous document; the first from 0) · u8 **impact**. Unscoped scoring reads
//!   only this block.
//! - The **impact** is the posting's BM25 saturation `tf' / (K1 + tf')` rounded to
//!   `1..=255` steps of 1/255 (0 only when `tf'` is 0), where `tf' = Σ over fields f of
//!   weight(f) · tf(f) / (1 − b(f) + b(f) · len(d, f) / avglen(f))` with the field
//!   parameters and averages of `meta`, the lengths of `norms`, `K1 = 1.2`
//!   ([`super::impact`], [`super::length_norm`]).
//! - The **skip table**: `⌊(df − 1) / 32⌋` entries, one for each of postings 32, 64, 96…
//!   ([`SKIP_INTERVAL`]), of three u32 ([`SKIP_ENTRY_LEN`] bytes): the posting's document,
//!   the offset of its delta in the document block, and the offset of its entry in the
//!   detail block. A document's posting is found by a binary search of the table and at
//!   most 31 deltas, its detail by decoding at most 31 other entries' lengths.
//! - The **detail block** has, per document in the same order, an entry: varint byte
//!   length of the rest of the entry · varint number of fields F (1 ≤ F ≤ 16) · per field:
//!   varint field id · varint term frequency tf · then, to the end of the entry, per field
//!   in the same order, tf × varint position deltas (the first from 0). Field-scoped
//!   scoring (`title:`), phrases, proximity and highlights read it; an entry is skipped by
//!   its length alone.
//!
//! A **stored document**: a sequence of tagged values, `u8 tag · string`, until the end
//! of its slice: 1 id · 2 title · 3 subtitle · 4 body paragraph (repeated, in order) ·
//! 5 published · 6 author · 7 source · 8 url · 9 section · 10 tag (repeated) ·
//! 11 paragraph positions. Id and title are present exactly once. The value of tag 11 is
//! not text but a varint byte length and that many bytes: per body paragraph, in order, a
//! varint count of the positions its words take (its last position + 1); it is present
//! when the index has a `body` field. The body's paragraph `i` starts at position
//! `Σ_{j<i} (count_j + PARAGRAPH_GAP)`, so a snippet can be chosen from the postings'
//! positions and only its paragraph analyzed.
//!
//! Version history: 2 added tag 11; 3 moved the fields and term frequencies out of the
//! document block into the detail block, next to the positions, added the impacts and the
//! skip table, and the `completions` section; 4 put each posting's document and document
//! block offset in its skip entry, beside the detail offset; 5 gave each facet value its
//! other names; 6 added the site's broken plurals to `analysis`. A file of another version is
//! refused: rebuild the index.
//!
//! The dictionary (`meta`, `terms`, `stems`, `variants`, `expansions`, `completions`,
//! `norms`, `facets`, `dates`), the `postings` and the `documents` are separate sections so that a later version can split
//! a large index into chunks fetched on demand (postings by term range, documents by id
//! range) without changing how each part is encoded.
//!
//! Compatibility: a reader refuses any other format version, and any file whose header or
//! section checksum does not match. The analyzer version in `meta` records the text
//! analysis the index was built with; a reader refuses an index built with another one
//! (its terms would not match the queries' terms).

/// The first eight bytes of every index file.
pub const MAGIC: &[u8; 8] = b"FAHRASIX";

/// The format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 6;

/// Postings per entry of a postings list's skip table.
pub const SKIP_INTERVAL: usize = 32;

/// Bytes per entry of a skip table: document, document block offset, detail block offset.
pub const SKIP_ENTRY_LEN: usize = 12;

/// How many completions the `completions` section keeps per prefix.
pub const COMPLETIONS: usize = 64;

/// The shortest prefix (in characters) the `completions` section has.
pub const COMPLETION_MIN_CHARS: usize = 2;

/// Bytes before the section table.
pub const HEADER_LEN: usize = 16;

/// Bytes per section table entry.
pub const SECTION_ENTRY_LEN: usize = 24;

/// The sections of an index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u32)]
pub enum Section {
    /// Counts, fields and their statistics.
    Meta = 1,
    /// The term dictionary.
    Terms = 2,
    /// Postings lists, by term ordinal.
    Postings = 3,
    /// Stem → terms.
    Stems = 4,
    /// Variant key → terms.
    Variants = 5,
    /// Term lists referenced by `stems`, `variants` and `completions`.
    Expansions = 6,
    /// Field lengths per document.
    Norms = 7,
    /// Stored documents.
    Documents = 8,
    /// Facet values and their documents.
    Facets = 9,
    /// Per document: sort key and dates.
    Dates = 10,
    /// The site's additions to the text analysis.
    Analysis = 11,
    /// Prefix → its most frequent completions.
    Completions = 12,
}

impl Section {
    /// Every section, in the order the builder writes them.
    pub const ALL: [Section; 12] = [
        Section::Meta,
        Section::Analysis,
        Section::Terms,
        Section::Stems,
        Section::Variants,
        Section::Expansions,
        Section::Completions,
        Section::Norms,
        Section::Facets,
        Section::Dates,
        Section::Postings,
        Section::Documents,
    ];

    /// The section with this kind number.
    pub fn from_kind(kind: u32) -> Option<Section> {
        Section::ALL.into_iter().find(|s| *s as u32 == kind)
    }

    /// The section's name, as used in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Section::Meta => "meta",
            Section::Terms => "terms",
            Section::Postings => "postings",
            Section::Stems => "stems",
            Section::Variants => "variants",
            Section::Expansions => "expansions",
            Section::Norms => "norms",
            Section::Documents => "documents",
            Section::Facets => "facets",
            Section::Dates => "dates",
            Section::Analysis => "analysis",
            Section::Completions => "completions",
        }
    }
}

/// Tags of the stored document fields.
pub mod doc_tag {
    /// The document id.
    pub const ID: u8 = 1;
    /// The title.
    pub const TITLE: u8 = 2;
    /// The subtitle.
    pub const SUBTITLE: u8 = 3;
    /// One body paragraph.
    pub const PARAGRAPH: u8 = 4;
    /// Publication date.
    pub const PUBLISHED: u8 = 5;
    /// Author.
    pub const AUTHOR: u8 = 6;
    /// Source.
    pub const SOURCE: u8 = 7;
    /// URL.
    pub const URL: u8 = 8;
    /// Site section.
    pub const SECTION: u8 = 9;
    /// One tag (repeated).
    pub const TAG: u8 = 10;
    /// The positions each body paragraph takes (varints, not a string).
    pub const PARAGRAPH_POSITIONS: u8 = 11;
}
