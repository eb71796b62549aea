//! Reading an index: bytes in, a searchable [`Index`] out. Every structure is checked
//! (magic, version, checksums, bounds) so that a damaged file is an [`Error`], never a panic.

use super::bytes::Reader;
use super::format::{
    doc_tag, Section, FORMAT_VERSION, HEADER_LEN, MAGIC, SECTION_ENTRY_LEN, SKIP_ENTRY_LEN,
    SKIP_INTERVAL,
};
use super::{FieldSpec, ANALYZER_VERSION};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::text::AnalysisSettings;
use std::ops::Range;

/// Up to this many postings per document looked for, [`Index::for_each_position_in`] walks
/// a list through; beyond, it jumps through the skip table. A quarter of the skip interval:
/// callgrind on `gen15k`, widget facets, against a whole interval: 2–4 % fewer
/// instructions per search for queries of two or three words («مواقع الت» 3.74M → 3.59M),
/// the same for one word; an eighth and two per document did no better.
const WALK_POSTINGS_PER_DOC: usize = SKIP_INTERVAL / 4;

/// The occurrences of a term in one field of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldPosting {
    /// Field id (index into [`Index::fields`]).
    pub field: u8,
    /// Token positions in that field, ascending.
    pub positions: Vec<u32>,
}

/// A set of documents to read postings of ([`Index::positions_in`]): in order, and as
/// bits.
#[derive(Debug, Clone)]
pub struct DocSet {
    docs: Vec<u32>,
    bits: fixedbitset::FixedBitSet,
}

impl DocSet {
    /// The set of `docs` (in any order, repeats allowed).
    pub fn new(docs: &[u32]) -> Self {
        let mut sorted = docs.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let mut bits =
            fixedbitset::FixedBitSet::with_capacity(sorted.last().map_or(0, |&d| d as usize + 1));
        sorted.iter().for_each(|&d| bits.insert(d as usize));
        DocSet { docs: sorted, bits }
    }

    /// Is `doc` in the set?
    pub fn contains(&self, doc: u32) -> bool {
        self.bits.contains(doc as usize)
    }
}

/// The parts of one postings list (see the format).
#[derive(Debug, Clone, Copy)]
struct PostingsList<'a> {
    doc_freq: usize,
    docs: &'a [u8],
    skips: &'a [u8],
    detail: &'a [u8],
}

/// A stored document as [`Index::stored_document`] reads it: the body paragraphs are
/// only checked and read as text when asked for (a snippet needs one or two of them).
#[derive(Debug)]
pub struct StoredDocument<'a> {
    /// The document, its body left empty.
    pub document: Document,
    paragraphs: Vec<&'a [u8]>,
    /// How many positions each body paragraph takes (empty when the index has no `body`
    /// field): see the format's tag 11.
    pub paragraph_positions: Vec<u32>,
}

impl<'a> StoredDocument<'a> {
    /// How many body paragraphs the document has.
    pub fn paragraph_count(&self) -> usize {
        self.paragraphs.len()
    }

    /// The body paragraphs as stored: UTF-8 not yet checked (for a caller that reads only
    /// some of them, with [`std::str::from_utf8`]).
    pub fn stored_paragraphs(&self) -> &[&'a [u8]] {
        &self.paragraphs
    }

    /// Body paragraph `i`, read as text.
    pub fn paragraph(&self, i: usize) -> Result<&'a str> {
        let bytes = self
            .paragraphs
            .get(i)
            .ok_or_else(|| corrupt(format!("no paragraph {i} in a stored document")))?;
        std::str::from_utf8(bytes).map_err(|_| corrupt("a stored paragraph is not UTF-8"))
    }

    /// The whole document, every paragraph read.
    pub fn into_document(self) -> Result<Document> {
        let body = (0..self.paragraph_count())
            .map(|i| self.paragraph(i).map(str::to_owned))
            .collect::<Result<_>>()?;
        Ok(Document {
            body,
            ..self.document
        })
    }
}

/// A LEB128 varint that fits a u32, read at `*pos`: `None` if it runs past the end or is
/// too large (the checked [`Reader`] then says which).
#[inline(always)]
fn varint_u32(bytes: &[u8], pos: &mut usize) -> Option<u32> {
    let byte = *bytes.get(*pos)?;
    *pos += 1;
    if byte < 0x80 {
        return Some(u32::from(byte));
    }
    let mut value = u32::from(byte & 0x7F);
    for shift in [7, 14, 21, 28] {
        let byte = *bytes.get(*pos)?;
        *pos += 1;
        if shift == 28 && byte > 0x0F {
            return None;
        }
        value |= u32::from(byte & 0x7F) << shift;
        if byte < 0x80 {
            return Some(value);
        }
    }
    None
}

/// The next entry of a detail block, as a reader of its bytes (its length read, the entry
/// skipped in `detail`).
fn detail_entry<'a>(detail: &mut Reader<'a>) -> Result<Reader<'a>> {
    let len =
        usize::try_from(detail.varint()?).map_err(|_| Error::Truncated { what: "postings" })?;
    Ok(Reader::new(detail.bytes(len)?, "postings"))
}

/// Decodes one posting's positions, given its `(field, term frequency)`s.
fn decode_positions(block: &[u8], fields: &[(u8, u32)]) -> Result<Vec<FieldPosting>> {
    let mut p = Reader::new(block, "postings");
    let mut out = Vec::with_capacity(fields.len());
    for &(field, tf) in fields {
        if tf as usize > block.len() {
            return Err(Error::Truncated { what: "postings" });
        }
        let mut list = Vec::with_capacity(tf as usize);
        let mut position = 0u32;
        for _ in 0..tf {
            position = position
                .checked_add(p.varint_u32()?)
                .ok_or_else(|| corrupt("a position overflows"))?;
            list.push(position);
        }
        out.push(FieldPosting {
            field,
            positions: list,
        });
    }
    Ok(out)
}

/// The occurrences of a term in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocPosting {
    /// Document number (0-based, in build order).
    pub doc: u32,
    /// Fields where the term occurs.
    pub fields: Vec<FieldPosting>,
}

/// A field as described by the index: its BM25F parameters and average length.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedField {
    /// Name and parameters.
    pub spec: FieldSpec,
    /// Average length of the field, in tokens, over all documents.
    pub average_length: f32,
}

/// A facet value and the documents that have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetEntry {
    /// The value filtered on.
    pub value: String,
    /// Display name in Arabic, if any.
    pub label_ar: Option<String>,
    /// Display name in English, if any.
    pub label_en: Option<String>,
    /// Other names, in either script (see [`crate::index::facets::FacetValue::names`]).
    pub names: Vec<String>,
    /// The documents, ascending.
    pub docs: Vec<u32>,
}

/// A facet and its values (sorted by value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facet {
    /// The facet's name.
    pub name: String,
    /// Its values.
    pub values: Vec<FacetEntry>,
}

impl Facet {
    /// The index in [`Facet::values`] of `value`, if the facet has it (the values are
    /// sorted, as the reader checks).
    pub fn value_index(&self, value: &str) -> Option<usize> {
        self.values
            .binary_search_by(|v| v.value.as_str().cmp(value))
            .ok()
    }
}

/// A loaded index.
#[derive(Debug)]
pub struct Index {
    analysis: AnalysisSettings,
    facets: Vec<Facet>,
    /// The facet values numbered facet by facet, values in order: facet f's values are
    /// `value_starts[f]..value_starts[f + 1]`.
    value_starts: Vec<u32>,
    /// The values of document d: `doc_values[doc_value_starts[d]..doc_value_starts[d + 1]]`,
    /// ascending (so facet by facet).
    doc_value_starts: Vec<u32>,
    doc_values: Vec<u32>,
    /// Per document: sort key (packed date, 0 = none).
    sort_keys: Vec<u32>,
    /// Dates of document d: `dates[date_starts[d]..date_starts[d + 1]]`.
    date_starts: Vec<u32>,
    dates: Vec<u32>,
    bytes: Vec<u8>,
    document_count: u32,
    fields: Vec<IndexedField>,
    terms: fst::Map<Vec<u8>>,
    stems: fst::Map<Vec<u8>>,
    variants: fst::Map<Vec<u8>>,
    completions: fst::Map<Vec<u8>>,
    expansions: Range<usize>,
    norms: Vec<u32>,
    term_count: usize,
    postings_table: Range<usize>,
    postings_data: Range<usize>,
    documents_table: Range<usize>,
    documents_data: Range<usize>,
}

fn corrupt(what: impl Into<String>) -> Error {
    Error::Corrupt { what: what.into() }
}

impl Index {
    /// Reads an index from its bytes, checking the signature, the format version and every
    /// checksum.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Index> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(Error::NotAnIndex);
        }
        let mut header = Reader::new(&bytes, "header");
        header.bytes(MAGIC.len())?;
        let version = header.u32()?;
        if version != FORMAT_VERSION {
            return Err(Error::UnsupportedVersion {
                found: version,
                supported: FORMAT_VERSION,
            });
        }
        let count = header.u32()? as usize;
        if count > 64 {
            return Err(corrupt(format!("the header announces {count} sections")));
        }
        let table_end = HEADER_LEN + SECTION_ENTRY_LEN * count;
        let mut sections: Vec<Option<Range<usize>>> = vec![None; Section::ALL.len() + 1];
        let mut entries = Vec::with_capacity(count);
        for _ in 0..count {
            let kind = header.u32()?;
            let crc = header.u32()?;
            let offset = header.u64()?;
            let length = header.u64()?;
            entries.push((kind, crc, offset, length));
        }
        let header_crc = header.u32()?;
        if super::checksum::crc32(&bytes[..table_end]) != header_crc {
            return Err(Error::ChecksumMismatch { section: "header" });
        }
        for (kind, crc, offset, length) in entries {
            let section = Section::from_kind(kind).ok_or_else(|| {
                corrupt(format!(
                    "unknown section kind {kind} in a version {version} index"
                ))
            })?;
            let start = usize::try_from(offset).map_err(|_| Error::Truncated {
                what: section.name(),
            })?;
            let end = usize::try_from(length)
                .ok()
                .and_then(|l| start.checked_add(l))
                .filter(|&e| e <= bytes.len())
                .ok_or(Error::Truncated {
                    what: section.name(),
                })?;
            if super::checksum::crc32(&bytes[start..end]) != crc {
                return Err(Error::ChecksumMismatch {
                    section: section.name(),
                });
            }
            sections[kind as usize] = Some(start..end);
        }
        let section = |s: Section| -> Result<Range<usize>> {
            sections[s as usize]
                .clone()
                .ok_or_else(|| corrupt(format!("the {} section is missing", s.name())))
        };

        // meta
        let meta = section(Section::Meta)?;
        let mut r = Reader::new(&bytes[meta], "meta");
        let document_count = r.varint_u32()?;
        let field_count = r.varint()? as usize;
        if field_count > super::MAX_FIELDS {
            return Err(corrupt(format!("{field_count} fields")));
        }
        let mut fields = Vec::with_capacity(field_count);
        for _ in 0..field_count {
            let name = r.str()?.to_owned();
            let weight = r.f32()?;
            let b = r.f32()?;
            let average_length = r.f32()?;
            if !(weight.is_finite() && b.is_finite() && average_length.is_finite()) {
                return Err(corrupt(format!("field {name} has non-finite parameters")));
            }
            fields.push(IndexedField {
                spec: FieldSpec { name, weight, b },
                average_length,
            });
        }
        // The stored documents' offset table bounds the document count by the file's size,
        // before anything per document is read or allocated.
        let (stored, documents_table, documents_data) =
            offset_table(&bytes, section(Section::Documents)?, "documents")?;
        if stored != document_count as usize {
            return Err(corrupt(format!(
                "{document_count} documents but {stored} stored"
            )));
        }
        let analyzer_version = r.varint_u32()?;
        if analyzer_version != ANALYZER_VERSION {
            return Err(corrupt(format!(
                "it was built with text analysis version {analyzer_version}, this fahras uses version \
                 {ANALYZER_VERSION}"
            )));
        }

        let fst_map = |s: Section| -> Result<fst::Map<Vec<u8>>> {
            let range = section(s)?;
            fst::Map::new(bytes[range].to_vec())
                .map_err(|e| corrupt(format!("the {} dictionary: {e}", s.name())))
        };
        let terms = fst_map(Section::Terms)?;
        let stems = fst_map(Section::Stems)?;
        let variants = fst_map(Section::Variants)?;
        let completions = fst_map(Section::Completions)?;
        let expansions = section(Section::Expansions)?;

        let norms_range = section(Section::Norms)?;
        let mut r = Reader::new(&bytes[norms_range], "norms");
        let norm_count = (document_count as usize)
            .checked_mul(field_count)
            .filter(|&n| n <= bytes.len())
            .ok_or_else(|| corrupt("the document and field counts do not fit the file"))?;
        let mut norms = Vec::with_capacity(norm_count);
        for _ in 0..norm_count {
            norms.push(r.varint_u32()?);
        }

        let mut r = Reader::new(&bytes[section(Section::Analysis)?], "analysis");
        let mut analysis = AnalysisSettings {
            aliases: r.str()?.to_owned(),
            ..AnalysisSettings::default()
        };
        for _ in 0..r.varint()?.min(bytes.len() as u64) {
            analysis.stop_words.push(r.str()?.to_owned());
        }
        analysis.plurals = r.str()?.to_owned();
        crate::text::Analyzer::with_settings(&analysis)
            .map_err(|e| corrupt(format!("its site's text analysis does not parse: {e}")))?;
        let facets = read_facets(&bytes[section(Section::Facets)?], document_count)?;
        let (value_starts, doc_value_starts, doc_values) =
            facet_values_by_document(&facets, document_count);
        let mut r = Reader::new(&bytes[section(Section::Dates)?], "dates");
        let mut sort_keys = Vec::with_capacity(document_count as usize);
        let mut date_starts = Vec::with_capacity(document_count as usize + 1);
        let mut dates = Vec::new();
        for _ in 0..document_count {
            sort_keys.push(r.varint_u32()?);
            date_starts.push(dates.len() as u32);
            let count = r.varint()? as usize;
            for _ in 0..count {
                dates.push(r.varint_u32()?);
            }
        }
        date_starts.push(dates.len() as u32);

        let (term_count, postings_table, postings_data) =
            offset_table(&bytes, section(Section::Postings)?, "postings")?;
        if term_count != terms.len() {
            return Err(corrupt(format!(
                "{} terms but {term_count} postings lists",
                terms.len()
            )));
        }

        Ok(Index {
            analysis,
            facets,
            value_starts,
            doc_value_starts,
            doc_values,
            sort_keys,
            date_starts,
            dates,
            document_count,
            fields,
            terms,
            stems,
            variants,
            completions,
            expansions,
            norms,
            term_count,
            postings_table,
            postings_data,
            documents_table,
            documents_data,
            bytes,
        })
    }

    /// Number of documents.
    pub fn document_count(&self) -> u32 {
        self.document_count
    }

    /// Number of distinct terms.
    pub fn term_count(&self) -> usize {
        self.term_count
    }

    /// Size of the index file in bytes.
    pub fn byte_len(&self) -> usize {
        self.bytes.len()
    }

    /// The indexed fields, by field id.
    pub fn fields(&self) -> &[IndexedField] {
        &self.fields
    }

    /// The site's additions to the text analysis the index was built with.
    pub fn analysis(&self) -> &AnalysisSettings {
        &self.analysis
    }

    /// The facets, sorted by name.
    pub fn facets(&self) -> &[Facet] {
        &self.facets
    }

    /// The numbers of facet `f`'s values (see [`Index::facet_values_of`]): its value `i`
    /// is number `start + i`.
    pub fn facet_value_numbers(&self, f: usize) -> Range<u32> {
        match (self.value_starts.get(f), self.value_starts.get(f + 1)) {
            (Some(&a), Some(&b)) => a..b,
            _ => 0..0,
        }
    }

    /// How many facet values there are, every facet together.
    pub fn facet_value_total(&self) -> usize {
        self.value_starts.last().map_or(0, |&n| n as usize)
    }

    /// The facet values document `doc` has, as numbers counted facet by facet in the
    /// order of [`Index::facets`] and of their values: ascending.
    pub fn facet_values_of(&self, doc: u32) -> &[u32] {
        let d = doc as usize;
        match (
            self.doc_value_starts.get(d),
            self.doc_value_starts.get(d + 1),
        ) {
            (Some(&a), Some(&b)) => &self.doc_values[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The facet with this name.
    pub fn facet(&self, name: &str) -> Option<&Facet> {
        self.facets.iter().find(|f| f.name == name)
    }

    /// The sort key of a document: its publication date, else the latest date it
    /// mentions, packed `yyyymmdd` (0 when it has no date).
    pub fn sort_key(&self, doc: u32) -> u32 {
        self.sort_keys.get(doc as usize).copied().unwrap_or(0)
    }

    /// The dates a document is about (packed `yyyymmdd`, ascending).
    pub fn dates(&self, doc: u32) -> &[u32] {
        let d = doc as usize;
        match (self.date_starts.get(d), self.date_starts.get(d + 1)) {
            (Some(&a), Some(&b)) => &self.dates[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The term dictionary: normalized term → term ordinal.
    pub fn terms(&self) -> &fst::Map<Vec<u8>> {
        &self.terms
    }

    /// Length in tokens of a field of a document.
    pub fn field_length(&self, doc: u32, field: u8) -> u32 {
        self.norms
            .get(doc as usize * self.fields.len() + field as usize)
            .copied()
            .unwrap_or(0)
    }

    /// The ordinal of a term, if the index has it.
    pub fn term_ordinal(&self, term: &str) -> Option<u64> {
        self.terms.get(term)
    }

    /// The term with this ordinal. Ordinals are the terms' ranks in dictionary order, so
    /// the outputs along the dictionary's paths only grow: at each state the term goes on by
    /// the last transition whose output does not pass the ordinal. `None` if no term has it.
    pub fn term_of(&self, ordinal: u64) -> Option<String> {
        let fst = self.terms.as_fst();
        let mut node = fst.root();
        let mut output = 0u64;
        let mut term = Vec::new();
        // A term is never longer than the dictionary is big: a bound for a corrupt file.
        for _ in 0..=fst.size() {
            // (Saturating: a corrupt file's outputs must not wrap around to a match.)
            if node.is_final() && output.saturating_add(node.final_output().value()) == ordinal {
                return String::from_utf8(term).ok();
            }
            // The transitions' outputs grow with their bytes: the last that does not pass
            // the ordinal, by binary search (a node may have dozens).
            let within =
                |i: usize| output.saturating_add(node.transition(i).out.value()) <= ordinal;
            let (mut lo, mut hi) = (0, node.len());
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if within(mid) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            let next = node.transition(lo.checked_sub(1)?);
            output = output.saturating_add(next.out.value());
            term.push(next.inp);
            node = fst.node(next.addr);
        }
        None
    }

    /// The ordinals of every term with this stem.
    pub fn terms_with_stem(&self, stem: &str) -> Result<Vec<u64>> {
        self.expansion(self.stems.get(stem))
    }

    /// The ordinals of every term with this variant key.
    pub fn terms_with_variant_key(&self, key: &str) -> Result<Vec<u64>> {
        self.expansion(self.variants.get(key))
    }

    /// The ordinals of every term whose variant key begins with `prefix`, from the first
    /// `max_keys` such keys (in dictionary order): a name still being typed meets its other
    /// spellings («تيليج» the key of تليجرام).
    pub fn terms_with_variant_key_prefix(&self, prefix: &str, max_keys: usize) -> Result<Vec<u64>> {
        self.expansions_with_prefix(&self.variants, prefix, max_keys)
    }

    /// The ordinals of every term whose stem begins with `prefix`, from the first `max_stems`
    /// such stems (in dictionary order): the word being typed meets the words that carry it
    /// after a proclitic («سناب» the stem سنابش of وسنابشات).
    pub fn terms_with_stem_prefix(&self, prefix: &str, max_stems: usize) -> Result<Vec<u64>> {
        self.expansions_with_prefix(&self.stems, prefix, max_stems)
    }

    /// The term lists of the first `max_keys` keys of `map` that begin with `prefix`.
    fn expansions_with_prefix(
        &self,
        map: &fst::Map<Vec<u8>>,
        prefix: &str,
        max_keys: usize,
    ) -> Result<Vec<u64>> {
        use fst::{IntoStreamer, Streamer};
        let mut out = Vec::new();
        let mut stream = map.range().ge(prefix).into_stream();
        let mut keys = 0;
        while let Some((key, offset)) = stream.next() {
            if !key.starts_with(prefix.as_bytes()) || keys >= max_keys {
                break;
            }
            keys += 1;
            out.extend(self.expansion(Some(offset))?);
        }
        Ok(out)
    }

    /// The [`COMPLETIONS`](super::format::COMPLETIONS) terms `prefix` begins that are in the
    /// most documents (stop words left out), ascending, when it begins more than that many;
    /// `None` when it begins fewer (a scan of the dictionary finds them all).
    pub fn top_completions(&self, prefix: &str) -> Result<Option<Vec<u64>>> {
        match self.completions.get(prefix) {
            Some(offset) => self.expansion(Some(offset)).map(Some),
            None => Ok(None),
        }
    }

    fn expansion(&self, offset: Option<u64>) -> Result<Vec<u64>> {
        let Some(offset) = offset else {
            return Ok(Vec::new());
        };
        let data = &self.bytes[self.expansions.clone()];
        let start = usize::try_from(offset)
            .ok()
            .filter(|&o| o <= data.len())
            .ok_or(Error::Truncated { what: "expansions" })?;
        let mut r = Reader::new(&data[start..], "expansions");
        let count = r.varint()? as usize;
        if count > self.term_count {
            return Err(corrupt("an expansion list is longer than the dictionary"));
        }
        let mut out = Vec::with_capacity(count);
        let mut ordinal = 0u64;
        for _ in 0..count {
            ordinal = ordinal
                .checked_add(r.varint()?)
                .filter(|&o| (o as usize) < self.term_count)
                .ok_or_else(|| corrupt("an expansion names a term that does not exist"))?;
            out.push(ordinal);
        }
        Ok(out)
    }

    /// The parts of a term's postings list.
    fn postings_list(&self, ordinal: u64) -> Result<PostingsList<'_>> {
        let ordinal = usize::try_from(ordinal)
            .ok()
            .filter(|&o| o < self.term_count)
            .ok_or_else(|| corrupt("no such term"))?;
        let data = self.slice(
            &self.postings_table,
            &self.postings_data,
            ordinal,
            "postings",
        )?;
        let mut r = Reader::new(data, "postings");
        let doc_freq = r.varint()? as usize;
        if doc_freq > self.document_count as usize {
            return Err(corrupt(
                "a term occurs in more documents than the index has",
            ));
        }
        let docs_len =
            usize::try_from(r.varint()?).map_err(|_| Error::Truncated { what: "postings" })?;
        let docs = r.bytes(docs_len)?;
        let skips = r.bytes(doc_freq.saturating_sub(1) / SKIP_INTERVAL * SKIP_ENTRY_LEN)?;
        Ok(PostingsList {
            doc_freq,
            docs,
            skips,
            detail: &data[r.position()..],
        })
    }

    /// Walks a term's document block: calls `visit(doc, impact)` for each document in
    /// order (the impact as the format defines it). Returns the document frequency. This is
    /// the scoring path: one varint and one byte per document, no allocation.
    pub fn for_each_impact(&self, ordinal: u64, mut visit: impl FnMut(u32, u8)) -> Result<usize> {
        let list = self.postings_list(ordinal)?;
        let docs = list.docs;
        let mut doc = 0u32;
        // The fast path decodes in place and builds no error; a posting it cannot decode
        // (damaged, or a value it does not expect) is read again by the checked path
        // (`checked_impact`, out of the loop), which says what is wrong. `visit` is called
        // at one place only, so that it is inlined in the loop.
        let mut pos = 0usize;
        for i in 0..list.doc_freq {
            let start = pos;
            let fast = varint_u32(docs, &mut pos).and_then(|delta| {
                let next = doc.wrapping_add(delta);
                let valid = next < self.document_count && next >= doc && (i == 0 || delta > 0);
                docs.get(pos)
                    .filter(|_| valid)
                    .map(|&impact| (next, impact))
            });
            let impact = match fast {
                Some((next, impact)) => {
                    pos += 1;
                    doc = next;
                    impact
                }
                None => {
                    let impact;
                    (doc, impact, pos) = self.checked_impact(docs, start, doc, i)?;
                    impact
                }
            };
            visit(doc, impact);
        }
        Ok(list.doc_freq)
    }

    /// Posting `i` of a document block, at `pos` after document `doc`, read by the checked
    /// reader: `(document, impact, where the next posting is)`, or what is wrong with it.
    #[cold]
    #[inline(never)]
    fn checked_impact(
        &self,
        docs: &[u8],
        pos: usize,
        doc: u32,
        i: usize,
    ) -> Result<(u32, u8, usize)> {
        let rest = docs
            .get(pos..)
            .ok_or(Error::Truncated { what: "postings" })?;
        let mut r = Reader::new(rest, "postings");
        let doc = self.next_doc(&mut r, doc, i)?;
        let impact = r.u8()?;
        Ok((doc, impact, pos + r.position()))
    }

    /// Walks a term's postings without decoding positions: calls `visit(doc, fields)` for
    /// each document, `fields` being `(field id, term frequency)` pairs. Returns the
    /// document frequency. Field-scoped scoring takes this path.
    pub fn for_each_posting(
        &self,
        ordinal: u64,
        mut visit: impl FnMut(u32, &[(u8, u32)]),
    ) -> Result<usize> {
        let list = self.postings_list(ordinal)?;
        let mut docs = Reader::new(list.docs, "postings");
        let mut detail = Reader::new(list.detail, "postings");
        let mut fields: Vec<(u8, u32)> = Vec::with_capacity(self.fields.len());
        let mut doc = 0u32;
        for i in 0..list.doc_freq {
            doc = self.next_doc(&mut docs, doc, i)?;
            docs.u8()?;
            self.read_fields(&mut detail_entry(&mut detail)?, &mut fields)?;
            visit(doc, &fields);
        }
        Ok(list.doc_freq)
    }

    fn next_doc(&self, r: &mut Reader<'_>, doc: u32, i: usize) -> Result<u32> {
        let delta = r.varint_u32()?;
        doc.checked_add(delta)
            .filter(|&d| d < self.document_count && (i == 0 || delta > 0))
            .ok_or_else(|| corrupt("a postings list names a document that does not exist"))
    }

    fn read_fields(&self, r: &mut Reader<'_>, fields: &mut Vec<(u8, u32)>) -> Result<()> {
        fields.clear();
        let count = r.varint()? as usize;
        if count == 0 || count > self.fields.len() {
            return Err(corrupt(
                "a posting has no fields or more fields than the index",
            ));
        }
        for _ in 0..count {
            let field = r.varint()? as usize;
            if field >= self.fields.len() {
                return Err(corrupt(format!("a posting names field {field}")));
            }
            fields.push((field as u8, r.varint_u32()?));
        }
        Ok(())
    }

    /// The positions of a term in the documents `wanted` accepts. The whole document block
    /// is walked; the detail of a wanted document is reached through the skip table,
    /// decoding at most [`SKIP_INTERVAL`]` − 1` others. For a few known documents,
    /// [`Index::positions_in`] walks much less.
    pub fn positions(
        &self,
        ordinal: u64,
        mut wanted: impl FnMut(u32) -> bool,
    ) -> Result<Vec<DocPosting>> {
        // `(posting number, document)` of the wanted documents.
        let mut found: Vec<(usize, u32)> = Vec::new();
        let mut i = 0usize;
        self.for_each_impact(ordinal, |doc, _| {
            if wanted(doc) {
                found.push((i, doc));
            }
            i += 1;
        })?;
        self.details(&self.postings_list(ordinal)?, &found)
    }

    /// The positions of a term in the documents of `set` that have it, as postings. See
    /// [`Index::for_each_position_in`] for how the list is read.
    pub fn positions_in(&self, ordinal: u64, set: &DocSet) -> Result<Vec<DocPosting>> {
        let list = self.postings_list(ordinal)?;
        let found = self.find_in(&list, ordinal, set)?;
        self.details(&list, &found)
    }

    /// Calls `visit(document, field, position)` for every position of a term in the
    /// documents of `set` that have it, in order of document, field and position, without
    /// building a posting for each. In a list of more than [`WALK_POSTINGS_PER_DOC`] postings
    /// per document of the set, each document is looked up in the skip table and reached by
    /// decoding at most [`SKIP_INTERVAL`]` − 1` deltas from its skip entry on (or from where
    /// the previous one was found): the highlights of the ten shown results of a word in
    /// thousands of documents read a few hundred postings, not thousands. A shorter list is
    /// walked through, as [`Index::positions`] does.
    pub fn for_each_position_in(
        &self,
        ordinal: u64,
        set: &DocSet,
        mut visit: impl FnMut(u32, u8, u32),
    ) -> Result<()> {
        let list = self.postings_list(ordinal)?;
        let found = self.find_in(&list, ordinal, set)?;
        self.for_each_detail(&list, &found, |doc, fields, block| {
            let mut p = Reader::new(block, "postings");
            for &(field, tf) in fields {
                if tf as usize > block.len() {
                    return Err(Error::Truncated { what: "postings" });
                }
                let mut position = 0u32;
                for _ in 0..tf {
                    position = position
                        .checked_add(p.varint_u32()?)
                        .ok_or_else(|| corrupt("a position overflows"))?;
                    visit(doc, field, position);
                }
            }
            Ok(())
        })
    }

    /// `(posting number, document)` of the documents of `set` in `list` (the term
    /// `ordinal`'s), ascending: looked up through the skip table or walked (see
    /// [`Index::for_each_position_in`]).
    fn find_in(
        &self,
        list: &PostingsList<'_>,
        ordinal: u64,
        set: &DocSet,
    ) -> Result<Vec<(usize, u32)>> {
        let docs = set.docs.as_slice();
        if list.doc_freq <= docs.len() * WALK_POSTINGS_PER_DOC {
            // A short list for the documents asked for (most of a query's expansions) is
            // walked through: the jumps would save little more than they cost.
            let mut found: Vec<(usize, u32)> = Vec::new();
            let mut i = 0usize;
            self.for_each_impact(ordinal, |doc, _| {
                if set.contains(doc) {
                    found.push((i, doc));
                }
                i += 1;
            })?;
            return Ok(found);
        }
        let entries = list.skips.len() / SKIP_ENTRY_LEN;
        let skip = |s: usize, field: usize| {
            let at = s * SKIP_ENTRY_LEN + field * 4;
            let b = &list.skips[at..at + 4];
            u32::from_le_bytes([b[0], b[1], b[2], b[3]])
        };
        let mut found: Vec<(usize, u32)> = Vec::with_capacity(docs.len());
        let damaged = || corrupt("a postings list names a document that does not exist");
        // The next posting to decode, where its delta is, and the document of the one
        // before it.
        let (mut next, mut pos, mut doc) = (0usize, 0usize, 0u32);
        for &want in docs {
            if next == list.doc_freq && doc < want {
                break; // the list ends before the documents still asked for
            }
            // The skip entries of postings at or before `want`: jump to the last one unless
            // the walk is already past it.
            let (mut s, mut end) = (0, entries);
            while s < end {
                let mid = (s + end) / 2;
                if skip(mid, 0) <= want {
                    s = mid + 1;
                } else {
                    end = mid;
                }
            }
            if s > 0 && s * SKIP_INTERVAL >= next {
                pos = skip(s - 1, 1) as usize;
                if pos >= list.docs.len() {
                    return Err(Error::Truncated { what: "postings" });
                }
                // The posting itself: its delta and impact, its document from the entry.
                varint_u32(list.docs, &mut pos).ok_or_else(damaged)?;
                pos += 1;
                doc = skip(s - 1, 0);
                next = s * SKIP_INTERVAL + 1;
                if doc >= self.document_count {
                    return Err(damaged());
                }
            }
            while next < list.doc_freq && (next == 0 || doc < want) {
                let delta = varint_u32(list.docs, &mut pos).ok_or_else(damaged)?;
                doc = doc
                    .checked_add(delta)
                    .filter(|&d| d < self.document_count && (next == 0 || delta > 0))
                    .ok_or_else(damaged)?;
                pos += 1; // the impact
                next += 1;
            }
            if next > 0 && doc == want {
                found.push((next - 1, want));
            }
        }
        Ok(found)
    }

    /// The postings `found` (`(posting number, document)`, ascending) of `list`, with their
    /// positions.
    fn details(&self, list: &PostingsList<'_>, found: &[(usize, u32)]) -> Result<Vec<DocPosting>> {
        let mut out = Vec::with_capacity(found.len());
        self.for_each_detail(list, found, |doc, fields, block| {
            out.push(DocPosting {
                doc,
                fields: decode_positions(block, fields)?,
            });
            Ok(())
        })?;
        Ok(out)
    }

    /// Calls `visit(document, (field, term frequency)s, encoded positions)` for the
    /// postings `found` (`(posting number, document)`, ascending) of `list`: each detail
    /// entry is reached through the skip table.
    fn for_each_detail(
        &self,
        list: &PostingsList<'_>,
        found: &[(usize, u32)],
        mut visit: impl FnMut(u32, &[(u8, u32)], &[u8]) -> Result<()>,
    ) -> Result<()> {
        let mut fields: Vec<(u8, u32)> = Vec::with_capacity(4);
        // The detail block is read from `detail`, which is at posting `at`.
        let mut detail = Reader::new(list.detail, "postings");
        let mut at = 0usize;
        for &(i, doc) in found {
            let skip = i / SKIP_INTERVAL;
            if skip > at / SKIP_INTERVAL {
                let entry = list
                    .skips
                    .get((skip - 1) * SKIP_ENTRY_LEN + 8..skip * SKIP_ENTRY_LEN)
                    .ok_or(Error::Truncated { what: "postings" })?;
                let offset = u32::from_le_bytes([entry[0], entry[1], entry[2], entry[3]]);
                let rest = list
                    .detail
                    .get(offset as usize..)
                    .ok_or(Error::Truncated { what: "postings" })?;
                detail = Reader::new(rest, "postings");
                at = skip * SKIP_INTERVAL;
            }
            // Skip to posting i by the entries' lengths.
            while at < i {
                detail_entry(&mut detail)?;
                at += 1;
            }
            let mut entry = detail_entry(&mut detail)?;
            at += 1;
            self.read_fields(&mut entry, &mut fields)?;
            visit(doc, &fields, entry.rest())?;
        }
        Ok(())
    }

    /// The whole postings list of a term, positions included.
    pub fn postings(&self, ordinal: u64) -> Result<Vec<DocPosting>> {
        self.positions(ordinal, |_| true)
    }

    /// The document frequency of a term.
    pub fn doc_frequency(&self, ordinal: u64) -> Result<usize> {
        Ok(self.postings_list(ordinal)?.doc_freq)
    }

    /// The stored document number `doc`.
    pub fn document(&self, doc: u32) -> Result<Document> {
        self.stored_document(doc)?.into_document()
    }

    /// A stored document with its body paragraphs left as stored, each read as text only
    /// when asked for ([`StoredDocument::paragraph`]), and the positions each takes.
    pub fn stored_document(&self, doc: u32) -> Result<StoredDocument<'_>> {
        let data = self.slice(
            &self.documents_table,
            &self.documents_data,
            doc as usize,
            "documents",
        )?;
        let mut r = Reader::new(data, "documents");
        let mut d = Document::default();
        let mut paragraphs = Vec::new();
        let mut paragraph_positions = Vec::new();
        let (mut has_id, mut has_title) = (false, false);
        while !r.is_empty() {
            let tag = r.u8()?;
            if tag == doc_tag::PARAGRAPH || tag == doc_tag::PARAGRAPH_POSITIONS {
                let len = usize::try_from(r.varint()?)
                    .map_err(|_| Error::Truncated { what: "documents" })?;
                let bytes = r.bytes(len)?;
                if tag == doc_tag::PARAGRAPH {
                    paragraphs.push(bytes);
                } else {
                    let mut counts = Reader::new(bytes, "documents");
                    while !counts.is_empty() {
                        paragraph_positions.push(counts.varint_u32()?);
                    }
                }
                continue;
            }
            let value = r.str()?.to_owned();
            match tag {
                doc_tag::ID => (d.id, has_id) = (value, true),
                doc_tag::TITLE => (d.title, has_title) = (value, true),
                doc_tag::SUBTITLE => d.subtitle = Some(value),
                doc_tag::PUBLISHED => d.published = Some(value),
                doc_tag::AUTHOR => d.author = Some(value),
                doc_tag::SOURCE => d.source = Some(value),
                doc_tag::URL => d.url = Some(value),
                doc_tag::SECTION => d.section = Some(value),
                doc_tag::TAG => d.tags.push(value),
                other => {
                    return Err(corrupt(format!(
                        "stored document {doc} has an unknown field tag {other}"
                    )))
                }
            }
        }
        if !has_id || !has_title {
            return Err(corrupt(format!("stored document {doc} has no id or title")));
        }
        if !paragraph_positions.is_empty() && paragraph_positions.len() != paragraphs.len() {
            return Err(corrupt(format!(
                "stored document {doc} has {} paragraphs but positions for {}",
                paragraphs.len(),
                paragraph_positions.len()
            )));
        }
        Ok(StoredDocument {
            document: d,
            paragraphs,
            paragraph_positions,
        })
    }

    /// The slice of entry `i` of an offset-table section.
    fn slice(
        &self,
        table: &Range<usize>,
        data: &Range<usize>,
        i: usize,
        what: &'static str,
    ) -> Result<&[u8]> {
        let entry = |k: usize| -> Result<usize> {
            let at = table.start + k * 4;
            let b = self
                .bytes
                .get(at..at + 4)
                .filter(|_| at + 4 <= table.end)
                .ok_or(Error::Truncated { what })?;
            Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        };
        let (start, end) = (entry(i)?, entry(i + 1)?);
        if start > end || data.start + end > data.end {
            return Err(corrupt(format!("the {what} offsets are out of order")));
        }
        Ok(&self.bytes[data.start + start..data.start + end])
    }
}

/// Decodes the `facets` section.
fn read_facets(bytes: &[u8], document_count: u32) -> Result<Vec<Facet>> {
    let mut r = Reader::new(bytes, "facets");
    let count = r.varint()? as usize;
    let mut facets = Vec::with_capacity(count.min(bytes.len()));
    for _ in 0..count {
        let name = r.str()?.to_owned();
        let value_count = r.varint()? as usize;
        let mut values = Vec::with_capacity(value_count.min(bytes.len()));
        for _ in 0..value_count {
            let value = r.str()?.to_owned();
            let label = |s: &str| (!s.is_empty()).then(|| s.to_owned());
            let label_ar = label(r.str()?);
            let label_en = label(r.str()?);
            let name_count = r.varint()? as usize;
            let mut names = Vec::with_capacity(name_count.min(bytes.len()));
            for _ in 0..name_count {
                names.push(r.str()?.to_owned());
            }
            let doc_count = r.varint()? as usize;
            if doc_count > document_count as usize {
                return Err(corrupt(format!(
                    "facet {name} value {value} has more documents than the index"
                )));
            }
            let mut docs = Vec::with_capacity(doc_count);
            let mut doc = 0u32;
            for i in 0..doc_count {
                let delta = r.varint_u32()?;
                doc = doc
                    .checked_add(delta)
                    .filter(|&d| d < document_count && (i == 0 || delta > 0))
                    .ok_or_else(|| {
                        corrupt(format!("facet {name} names a document that does not exist"))
                    })?;
                docs.push(doc);
            }
            if values.last().is_some_and(|v: &FacetEntry| v.value >= value) {
                return Err(corrupt(format!("facet {name} has its values out of order")));
            }
            values.push(FacetEntry {
                value,
                label_ar,
                label_en,
                names,
                docs,
            });
        }
        facets.push(Facet { name, values });
    }
    Ok(facets)
}

/// The facet values numbered facet by facet, and each document's: `(first number of each
/// facet and the total, per document the start of its values, the values)`.
fn facet_values_by_document(
    facets: &[Facet],
    document_count: u32,
) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
    let n = document_count as usize;
    let mut value_starts = Vec::with_capacity(facets.len() + 1);
    let mut per_doc = vec![0u32; n + 1];
    let mut number = 0u32;
    for facet in facets {
        value_starts.push(number);
        for value in &facet.values {
            value
                .docs
                .iter()
                .for_each(|&d| per_doc[d as usize + 1] += 1);
            number += 1;
        }
    }
    value_starts.push(number);
    for d in 0..n {
        per_doc[d + 1] += per_doc[d];
    }
    let mut doc_values = vec![0u32; per_doc[n] as usize];
    let mut next = per_doc.clone();
    for (number, value) in facets.iter().flat_map(|f| &f.values).enumerate() {
        for &d in &value.docs {
            doc_values[next[d as usize] as usize] = number as u32;
            next[d as usize] += 1;
        }
    }
    (value_starts, per_doc, doc_values)
}

/// Splits an offset-table section (varint count · count+1 × u32 · data) into its parts.
fn offset_table(
    bytes: &[u8],
    range: Range<usize>,
    what: &'static str,
) -> Result<(usize, Range<usize>, Range<usize>)> {
    let mut r = Reader::new(&bytes[range.clone()], what);
    let count = usize::try_from(r.varint()?).map_err(|_| Error::Truncated { what })?;
    let table_start = range.start + r.position();
    let table_len = count
        .checked_add(1)
        .and_then(|c| c.checked_mul(4))
        .ok_or(Error::Truncated { what })?;
    let table_end = table_start
        .checked_add(table_len)
        .filter(|&e| e <= range.end)
        .ok_or(Error::Truncated { what })?;
    Ok((count, table_start..table_end, table_end..range.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::one_document_index;
    use fst::Streamer;

    /// Recomputes the sections' and the header's checksums after a test changed a section.
    fn reseal(bytes: &mut [u8]) {
        let count = u32::from_le_bytes(bytes[12..16].try_into().unwrap()) as usize;
        for i in 0..count {
            let entry = HEADER_LEN + i * SECTION_ENTRY_LEN;
            let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
            let (offset, length) = (word(entry + 8) as usize, word(entry + 16) as usize);
            let crc = super::super::checksum::crc32(&bytes[offset..offset + length]);
            bytes[entry + 4..entry + 8].copy_from_slice(&crc.to_le_bytes());
        }
        let end = HEADER_LEN + count * SECTION_ENTRY_LEN;
        let crc = super::super::checksum::crc32(&bytes[..end]);
        bytes[end..end + 4].copy_from_slice(&crc.to_le_bytes());
    }

    /// An index of 100 documents with the word داعش, and where in its bytes the parts of
    /// that word's postings list are: `(bytes, ordinal, document block, skip table)`.
    fn many_documents() -> (Vec<u8>, u64, Range<usize>, Range<usize>) {
        let mut builder = crate::IndexBuilder::new();
        for i in 0..100 {
            let doc = Document {
                id: format!("d{i}"),
                title: format!("خبر {i}"),
                body: vec![format!("{}داعش في تطبيق", "كلام ".repeat(i % 5))],
                ..Document::default()
            };
            builder.add(doc).unwrap();
        }
        let bytes = builder.finish();
        let index = Index::from_bytes(bytes.clone()).unwrap();
        let ordinal = index.term_ordinal("داعش").unwrap();
        let list = index.postings_list(ordinal).unwrap();
        let at = |part: &[u8]| {
            let start = part.as_ptr() as usize - index.bytes.as_ptr() as usize;
            start..start + part.len()
        };
        let (docs, skips) = (at(list.docs), at(list.skips));
        assert_eq!(
            skips.len(),
            3 * SKIP_ENTRY_LEN,
            "postings 32, 64 and 96 are in the skip table"
        );
        (bytes, ordinal, docs, skips)
    }

    #[test]
    fn every_ordinal_reads_back_as_its_term() {
        let small = one_document_index(
            "تنظيم داعش على فيس بوك",
            vec!["نص عن التيليجرام وتويتر وiMessage و2019 وفيسبوك".into()],
        );
        for (bytes, least) in [(small, 10), (many_documents().0, 100)] {
            let index = Index::from_bytes(bytes).unwrap();
            let mut stream = index.terms().stream();
            let mut count = 0;
            while let Some((term, ordinal)) = stream.next() {
                let term = std::str::from_utf8(term).unwrap();
                assert_eq!(index.term_of(ordinal).as_deref(), Some(term), "{ordinal}");
                count += 1;
            }
            assert!(count > least, "{count} terms");
            assert_eq!(index.term_of(count as u64), None);
            assert!(index.term_of(u64::MAX).is_none());
        }
    }

    #[test]
    fn a_prefix_of_many_terms_keeps_its_most_frequent_completions_but_stop_words() {
        // Word k (الذ + two letters + ب) is in the documents numbered k and up, so word 0 is
        // in all 100 and word 99 in one; الذي, a stop word, is in every one.
        let letters = ['ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ر', 'س', 'ش'];
        let word = |k: usize| format!("الذ{}{}ب", letters[k / 10], letters[k % 10]);
        let mut builder = crate::IndexBuilder::new();
        for i in 0..100 {
            let words: Vec<String> = (0..=i).map(word).collect();
            let doc = Document {
                id: format!("d{i}"),
                title: "خبر".into(),
                body: vec![format!("الذي {}", words.join(" "))],
                ..Document::default()
            };
            builder.add(doc).unwrap();
        }
        let index = Index::from_bytes(builder.finish()).unwrap();
        let top = index
            .top_completions("الذ")
            .unwrap()
            .expect("more than 64 completions");
        let mut expected: Vec<u64> = (0..64)
            .map(|k| index.term_ordinal(&word(k)).unwrap())
            .collect();
        expected.sort_unstable();
        assert_eq!(top, expected);
        assert_eq!(
            index.top_completions("الذب").unwrap(),
            None,
            "10 completions: none kept"
        );
    }

    #[test]
    fn a_document_count_the_stored_documents_do_not_have_is_refused_first() {
        let mut bytes = one_document_index("عنوان", vec!["نص".into()]);
        // The meta section starts with the document count: 1 (one byte) → 127.
        let count = u32::from_le_bytes(bytes[12..16].try_into().unwrap()) as usize;
        let meta = (0..count)
            .map(|i| HEADER_LEN + i * SECTION_ENTRY_LEN)
            .find(|&e| {
                u32::from_le_bytes(bytes[e..e + 4].try_into().unwrap()) == Section::Meta as u32
            })
            .map(|e| u64::from_le_bytes(bytes[e + 8..e + 16].try_into().unwrap()) as usize)
            .unwrap();
        assert_eq!(bytes[meta], 1);
        bytes[meta] = 127;
        reseal(&mut bytes);
        let err = Index::from_bytes(bytes).unwrap_err();
        assert!(
            err.to_string().contains("127 documents but 1 stored"),
            "{err}"
        );
    }

    #[test]
    fn a_damaged_skip_table_is_an_error_when_used() {
        let (mut bytes, ordinal, _, skips) = many_documents();
        // The last entry (posting 96): its detail offset, then its document block offset.
        bytes[skips.end - 4..skips.end].copy_from_slice(&u32::MAX.to_le_bytes());
        reseal(&mut bytes);
        let index = Index::from_bytes(bytes.clone()).unwrap();
        // Scoring does not read the skip table; positions past posting 96 do.
        assert_eq!(index.for_each_impact(ordinal, |_, _| ()).unwrap(), 100);
        assert_eq!(index.positions(ordinal, |d| d == 50).unwrap().len(), 1);
        assert_eq!(
            index
                .positions_in(ordinal, &DocSet::new(&[50]))
                .unwrap()
                .len(),
            1
        );
        for err in [
            index.positions(ordinal, |d| d == 99).unwrap_err(),
            index
                .positions_in(ordinal, &DocSet::new(&[50, 99]))
                .unwrap_err(),
        ] {
            assert_eq!(err, Error::Truncated { what: "postings" });
        }
        bytes[skips.end - 8..skips.end - 4].copy_from_slice(&u32::MAX.to_le_bytes());
        reseal(&mut bytes);
        let index = Index::from_bytes(bytes.clone()).unwrap();
        assert_eq!(
            index
                .positions_in(ordinal, &DocSet::new(&[99]))
                .unwrap_err(),
            Error::Truncated { what: "postings" }
        );
        // A document that does not exist, in the entry.
        let (mut bytes, ordinal, _, skips) = many_documents();
        bytes[skips.end - 12..skips.end - 8].copy_from_slice(&5000u32.to_le_bytes());
        reseal(&mut bytes);
        let index = Index::from_bytes(bytes).unwrap();
        let err = index
            .positions_in(ordinal, &DocSet::new(&[5000]))
            .unwrap_err();
        assert!(err.to_string().contains("does not exist"), "{err}");
    }

    #[test]
    fn a_damaged_document_block_is_an_error_that_says_so() {
        let (mut bytes, ordinal, docs, _) = many_documents();
        // The 41st posting (a one-byte delta, then its impact) names document 127 + 40.
        let (mut pos, mut posting) = (docs.start, 0);
        while posting < 40 {
            pos += 2;
            posting += 1;
        }
        bytes[pos] = 0x7F;
        reseal(&mut bytes);
        let index = Index::from_bytes(bytes).unwrap();
        let mut visited = 0;
        let err = index
            .for_each_impact(ordinal, |_, _| visited += 1)
            .unwrap_err();
        assert!(err.to_string().contains("does not exist"), "{err}");
        assert_eq!(visited, 40, "the postings before the damage were read");
        assert!(index.for_each_posting(ordinal, |_, _| ()).is_err());
        assert!(index.positions(ordinal, |_| true).is_err());
    }

    #[test]
    fn a_paragraph_that_is_not_utf8_is_an_error_when_read() {
        let mut bytes = one_document_index("عنوان عن القمر", vec!["القمر يضيء الليل".into()]);
        let text = "القمر يضيء الليل".as_bytes();
        let at = bytes
            .windows(text.len())
            .rposition(|w| w == text)
            .expect("the stored paragraph");
        bytes[at + 1] = 0xFF; // the second byte of ا: no longer UTF-8
        reseal(&mut bytes);
        let index = Index::from_bytes(bytes).unwrap();
        let message = index.document(0).unwrap_err().to_string();
        assert!(message.contains("not UTF-8"), "{message}");
        let searcher = crate::Searcher::new(index);
        let error = searcher
            .search("القمر", &crate::SearchOptions::default())
            .unwrap_err();
        assert!(error.to_string().contains("not UTF-8"), "{error}");
    }

    #[test]
    fn paragraph_positions_that_do_not_fit_the_paragraphs_are_refused() {
        let paragraphs = vec!["فقرة أولى".into(), "فقرة ثانية هنا".into()];
        let mut bytes = one_document_index("عنوان", paragraphs);
        let good = Index::from_bytes(bytes.clone()).unwrap();
        let stored = good.stored_document(0).unwrap();
        assert_eq!(stored.paragraph_positions, vec![2, 3]);
        assert_eq!(stored.paragraph(1).unwrap(), "فقرة ثانية هنا");
        assert!(stored.paragraph(2).is_err());
        // Tag 11, two bytes, counts 2 and 3 → the same two bytes as one count (2, written
        // in two bytes): one count for two paragraphs.
        let at = bytes
            .windows(4)
            .rposition(|w| w == [doc_tag::PARAGRAPH_POSITIONS, 2, 2, 3])
            .expect("the stored paragraph positions");
        bytes[at + 2..at + 4].copy_from_slice(&[0x82, 0x00]);
        reseal(&mut bytes);
        let index = Index::from_bytes(bytes).unwrap();
        let message = index.document(0).unwrap_err().to_string();
        assert!(
            message.contains("2 paragraphs but positions for 1"),
            "{message}"
        );
    }
}
