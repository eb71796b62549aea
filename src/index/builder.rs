//! Building an index: documents in, bytes (in the [`format`](super::format)) out.

use super::bytes::{put_str, put_varint};
use super::facets::{date_values, metadata_values, parse_iso_date, Extractor};
use super::format::{doc_tag, Section, FORMAT_VERSION, HEADER_LEN, MAGIC, SECTION_ENTRY_LEN};
use super::format::{COMPLETIONS, COMPLETION_MIN_CHARS, SKIP_INTERVAL};
use super::{
    default_fields, field_texts, impact, length_norm, FieldSpec, ANALYZER_VERSION, MAX_FIELDS,
    PARAGRAPH_GAP,
};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::text::{AnalysisSettings, Analyzer};
use std::collections::{BTreeMap, HashSet};

/// Positions of one term in one field of one document.
type FieldPositions = (u8, Vec<u32>);

/// Term → its postings: documents in ascending order, each with its fields' positions.
type Postings = BTreeMap<String, Vec<(u32, Vec<FieldPositions>)>>;

/// A facet value being collected: its labels and documents.
#[derive(Debug, Default)]
struct FacetEntry {
    label_ar: Option<String>,
    label_en: Option<String>,
    names: Vec<String>,
    docs: Vec<u32>,
}

/// Collects documents and writes an index.
///
/// ```
/// use fahras::{Document, IndexBuilder, Index};
/// let mut builder = IndexBuilder::new();
/// builder.add(Document { id: "1".into(), title: "تطبيق تيليجرام".into(), ..Default::default() }).unwrap();
/// let bytes = builder.finish();
/// let index = Index::from_bytes(bytes).unwrap();
/// assert_eq!(index.document_count(), 1);
/// ```
#[derive(Debug)]
pub struct IndexBuilder {
    analyzer: Analyzer,
    analysis: AnalysisSettings,
    fields: Vec<FieldSpec>,
    extractors: Vec<Box<dyn Extractor>>,
    ids: HashSet<String>,
    /// Stored documents, encoded as they are added, and where each starts.
    records: Vec<u8>,
    record_offsets: Vec<u32>,
    /// facet → value → (labels, documents in ascending order).
    facets: BTreeMap<String, BTreeMap<String, FacetEntry>>,
    /// The facets to build, if not all ([`IndexBuilder::with_facets`]).
    facet_names: Option<Vec<String>>,
    /// Per document: the sort key and the dates it is about (packed `yyyymmdd`).
    dates: Vec<(u32, Vec<u32>)>,
    /// term → postings, documents in ascending order.
    postings: Postings,
    /// field lengths in tokens, `documents.len() × fields.len()`.
    norms: Vec<u32>,
}

impl Default for IndexBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl IndexBuilder {
    /// A builder with the default analyzer and fields.
    pub fn new() -> Self {
        Self::with_fields(default_fields())
    }

    /// A builder with the default analyzer and the given fields (names from
    /// [`field_texts`]; weights and `b` as wanted). At most [`MAX_FIELDS`] fields.
    pub fn with_fields(mut fields: Vec<FieldSpec>) -> Self {
        fields.truncate(MAX_FIELDS);
        IndexBuilder {
            analyzer: Analyzer::default(),
            analysis: AnalysisSettings::default(),
            fields,
            extractors: Vec::new(),
            ids: HashSet::new(),
            records: Vec::new(),
            record_offsets: Vec::new(),
            facets: BTreeMap::new(),
            facet_names: None,
            dates: Vec::new(),
            postings: BTreeMap::new(),
            norms: Vec::new(),
        }
    }

    /// Uses a site's additions to the text analysis (aliases, stop words, plurals); they are
    /// stored in the index for the searcher. Call it before adding extractors or documents.
    pub fn with_analysis(mut self, settings: AnalysisSettings) -> Result<Self> {
        self.analyzer = Analyzer::with_settings(&settings).map_err(|e| Error::InvalidDocument {
            at: "the site's text analysis".into(),
            problem: e.to_string(),
        })?;
        self.analysis = settings;
        Ok(self)
    }

    /// Builds only the facets `names` (all when it is empty): the others are left out of
    /// the index, so a reader cannot filter or count by them and the widget does not show
    /// them. The dates of the documents are kept whatever the facets (date ranges and the
    /// sort by date use them).
    pub fn with_facets(mut self, names: &[String]) -> Self {
        self.facet_names = (!names.is_empty()).then(|| names.to_vec());
        self
    }

    /// The analyzer documents are indexed with.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Adds the standard extractors: the entities of the default taxonomy
    /// (`data/taxonomy.toml`: platforms, organisations, places, people) and the dates the
    /// text mentions.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn with_default_extractors(mut self) -> Self {
        let taxonomy = crate::entities::Taxonomy::default_set();
        let entities = crate::entities::TaxonomyExtractor::new(taxonomy, &self.analyzer);
        self.add_extractor(Box::new(entities));
        self.add_extractor(Box::new(crate::dates::DateExtractor));
        self
    }

    /// Adds an extractor of facet values and dates (entities, dates in the text), run on
    /// every document added afterwards.
    pub fn add_extractor(&mut self, extractor: Box<dyn Extractor>) {
        self.extractors.push(extractor);
    }

    /// Number of documents added so far.
    pub fn len(&self) -> usize {
        self.record_offsets.len()
    }

    /// Has nothing been added yet?
    pub fn is_empty(&self) -> bool {
        self.record_offsets.is_empty()
    }

    /// Adds a document. Fails, adding nothing, if the record is invalid or its id was
    /// already added.
    pub fn add(&mut self, doc: Document) -> Result<()> {
        doc.validate(&format!("document {:?}", doc.id))?;
        if self.ids.contains(&doc.id) {
            return Err(Error::InvalidDocument {
                at: format!("document {:?}", doc.id),
                problem: "this id was already used by another document; ids must be unique".into(),
            });
        }
        let doc_id = u32::try_from(self.len()).map_err(|_| Error::InvalidDocument {
            at: format!("document {:?}", doc.id),
            problem: "too many documents for one index (the limit is 4 294 967 295)".into(),
        })?;
        let mut paragraph_positions: Option<Vec<u32>> = None;
        for (field_id, field) in self.fields.iter().enumerate() {
            let body = field.name == "body";
            if body {
                paragraph_positions = Some(Vec::with_capacity(doc.body.len()));
            }
            let mut offset = 0u32;
            let mut length = 0u32;
            for text in field_texts(&doc, &field.name) {
                let tokens = self.analyzer.analyze(text);
                for (i, token) in tokens.iter().enumerate() {
                    let position = offset + token.position;
                    post(
                        &mut self.postings,
                        token.term.clone(),
                        doc_id,
                        field_id,
                        position,
                    );
                    // The same word under its other terms, at the same position: an Uthmani
                    // spelling under the modern one; a hamza on a seat (مسؤول, مسئول) under
                    // the bare hamza (مسءول) and, before و, under the other seat (مسئول:
                    // مسوول); a common other spelling under the standard one (مائة: مئة); a
                    // number with thousands separators under its digits alone.
                    let written = &text[token.start..token.end];
                    let others = [
                        self.analyzer.written_alef_term(written),
                        self.analyzer.hamza_seat_term(written),
                        self.analyzer.other_seat_term(written),
                        self.analyzer.standard_spelling(&token.term),
                        self.analyzer.ungrouped_number(&token.term),
                    ];
                    for other in others.into_iter().flatten() {
                        if other != token.term {
                            post(&mut self.postings, other, doc_id, field_id, position);
                        }
                    }
                    // A name written as two words (فيس بوك) is also indexed as one pair term,
                    // whose variant key is that of the joined spelling (فيسبوك).
                    if let Some(next) = tokens
                        .get(i + 1)
                        .filter(|n| n.position == token.position + 1)
                    {
                        if self
                            .analyzer
                            .joined_variant_key(&token.term, &next.term)
                            .is_some()
                        {
                            post(
                                &mut self.postings,
                                pair_term(&token.term, &next.term),
                                doc_id,
                                field_id,
                                position,
                            );
                        }
                    }
                }
                let used = tokens.last().map_or(0, |t| t.position + 1);
                if let (true, Some(counts)) = (body, &mut paragraph_positions) {
                    counts.push(used);
                }
                offset += used + PARAGRAPH_GAP;
                length += used;
            }
            self.norms.push(length);
        }
        self.add_facets(doc_id, &doc);
        self.store(&doc, paragraph_positions.as_deref());
        self.ids.insert(doc.id);
        Ok(())
    }

    /// Collects the document's facet values and dates.
    fn add_facets(&mut self, doc_id: u32, doc: &Document) {
        let mut values = metadata_values(doc);
        let mut dates: Vec<u32> = doc
            .published
            .as_deref()
            .and_then(parse_iso_date)
            .into_iter()
            .collect();
        for extractor in &self.extractors {
            let found = extractor.extract(&self.analyzer, doc);
            values.extend(found.values);
            dates.extend(found.dates);
        }
        dates.sort_unstable();
        dates.dedup();
        values.extend(dates.iter().flat_map(|&d| date_values(d)));
        values.sort();
        values.dedup_by(|a, b| a.facet == b.facet && a.value == b.value);
        let wanted = |facet: &str| {
            self.facet_names
                .as_ref()
                .is_none_or(|names| names.iter().any(|n| n == facet))
        };
        for v in values
            .into_iter()
            .filter(|v| !v.value.is_empty() && wanted(&v.facet))
        {
            let entry = self
                .facets
                .entry(v.facet)
                .or_default()
                .entry(v.value)
                .or_default();
            entry.label_ar = entry.label_ar.take().or(v.label_ar);
            entry.label_en = entry.label_en.take().or(v.label_en);
            if entry.names.is_empty() {
                entry.names = v.names;
            }
            entry.docs.push(doc_id);
        }
        let sort_key = doc
            .published
            .as_deref()
            .and_then(parse_iso_date)
            .or(dates.last().copied())
            .unwrap_or(0);
        self.dates.push((sort_key, dates));
    }

    /// Encodes the stored document, with the positions each body paragraph takes.
    fn store(&mut self, doc: &Document, paragraph_positions: Option<&[u32]>) {
        self.record_offsets.push(self.records.len() as u32);
        let records = &mut self.records;
        let mut put = |tag: u8, s: &str| {
            records.push(tag);
            put_str(records, s);
        };
        put(doc_tag::ID, &doc.id);
        put(doc_tag::TITLE, &doc.title);
        if let Some(s) = &doc.subtitle {
            put(doc_tag::SUBTITLE, s);
        }
        for p in &doc.body {
            put(doc_tag::PARAGRAPH, p);
        }
        for (tag, value) in [
            (doc_tag::PUBLISHED, &doc.published),
            (doc_tag::AUTHOR, &doc.author),
            (doc_tag::SOURCE, &doc.source),
            (doc_tag::URL, &doc.url),
            (doc_tag::SECTION, &doc.section),
        ] {
            if let Some(v) = value {
                put(tag, v);
            }
        }
        for t in &doc.tags {
            put(doc_tag::TAG, t);
        }
        if let Some(counts) = paragraph_positions {
            let mut bytes = Vec::with_capacity(counts.len());
            counts
                .iter()
                .for_each(|&c| put_varint(&mut bytes, c.into()));
            records.push(doc_tag::PARAGRAPH_POSITIONS);
            put_varint(records, bytes.len() as u64);
            records.extend_from_slice(&bytes);
        }
    }

    /// Writes the index.
    pub fn finish(self) -> Vec<u8> {
        let field_count = self.fields.len();
        let doc_count = self.len();
        let mut sections: Vec<(Section, Vec<u8>)> = Vec::new();

        // meta
        let mut meta = Vec::new();
        put_varint(&mut meta, doc_count as u64);
        put_varint(&mut meta, field_count as u64);
        let mut averages = Vec::with_capacity(field_count);
        for (f, field) in self.fields.iter().enumerate() {
            let total: u64 = (0..doc_count)
                .map(|d| u64::from(self.norms[d * field_count + f]))
                .sum();
            let average = if doc_count == 0 {
                0.0
            } else {
                total as f32 / doc_count as f32
            };
            averages.push(average);
            put_str(&mut meta, &field.name);
            meta.extend_from_slice(&field.weight.to_le_bytes());
            meta.extend_from_slice(&field.b.to_le_bytes());
            meta.extend_from_slice(&average.to_le_bytes());
        }
        // Per document and field, BM25F's weight and length normalization: the impacts.
        let length_norms: Vec<f32> = self
            .norms
            .iter()
            .enumerate()
            .map(|(i, &length)| {
                let f = i % field_count;
                length_norm(&self.fields[f], length, averages[f])
            })
            .collect();
        put_varint(&mut meta, u64::from(ANALYZER_VERSION));
        sections.push((Section::Meta, meta));
        let mut analysis = Vec::new();
        put_str(&mut analysis, &self.analysis.aliases);
        put_varint(&mut analysis, self.analysis.stop_words.len() as u64);
        for word in &self.analysis.stop_words {
            put_str(&mut analysis, word);
        }
        put_str(&mut analysis, &self.analysis.plurals);
        sections.push((Section::Analysis, analysis));

        // terms, stems, variants, expansions, postings
        let mut terms = fst::MapBuilder::memory();
        let mut by_stem: BTreeMap<String, Vec<u64>> = BTreeMap::new();
        let mut by_variant: BTreeMap<String, Vec<u64>> = BTreeMap::new();
        let mut offsets = Vec::with_capacity(self.postings.len() + 1);
        let mut data = Vec::new();
        for (ordinal, (term, list)) in self.postings.iter().enumerate() {
            let ordinal = ordinal as u64;
            terms
                .insert(term, ordinal)
                .expect("BTreeMap keys are sorted and unique");
            let key = match term.split_once(' ') {
                Some((first, second)) => self.analyzer.joined_variant_key(first, second),
                // A stop word is found as written, not through its stem or a variant:
                // «تي» typed for تيليجرام must not match التي (or للتي) everywhere.
                None if self.analyzer.is_stop_word_with_clitics(term) => None,
                None => {
                    by_stem
                        .entry(self.analyzer.stem(term).to_owned())
                        .or_default()
                        .push(ordinal);
                    self.analyzer.variant_key(term)
                }
            };
            if let Some(key) = key {
                by_variant.entry(key).or_default().push(ordinal);
            }
            offsets.push(data.len() as u32);
            encode_postings(list, &length_norms, field_count, &mut data);
        }
        offsets.push(data.len() as u32);
        sections.push((Section::Terms, terms.into_inner().expect("in-memory fst")));

        let by_prefix = self.completions();
        let mut expansions = Vec::new();
        for (section, map) in [
            (Section::Stems, by_stem),
            (Section::Variants, by_variant),
            (Section::Completions, by_prefix),
        ] {
            let mut fst = fst::MapBuilder::memory();
            for (key, ordinals) in map {
                fst.insert(&key, expansions.len() as u64)
                    .expect("sorted keys");
                put_varint(&mut expansions, ordinals.len() as u64);
                let mut last = 0;
                for o in ordinals {
                    put_varint(&mut expansions, o - last);
                    last = o;
                }
            }
            sections.push((section, fst.into_inner().expect("in-memory fst")));
        }
        sections.push((Section::Expansions, expansions));

        let mut norms = Vec::new();
        for &n in &self.norms {
            put_varint(&mut norms, u64::from(n));
        }
        sections.push((Section::Norms, norms));

        let mut postings = Vec::new();
        put_varint(&mut postings, self.postings.len() as u64);
        for o in offsets {
            postings.extend_from_slice(&o.to_le_bytes());
        }
        postings.extend_from_slice(&data);
        sections.push((Section::Postings, postings));

        // facets and dates
        let mut facets = Vec::new();
        put_varint(&mut facets, self.facets.len() as u64);
        for (name, values) in &self.facets {
            put_str(&mut facets, name);
            put_varint(&mut facets, values.len() as u64);
            for (value, entry) in values {
                put_str(&mut facets, value);
                put_str(&mut facets, entry.label_ar.as_deref().unwrap_or(""));
                put_str(&mut facets, entry.label_en.as_deref().unwrap_or(""));
                put_varint(&mut facets, entry.names.len() as u64);
                for name in &entry.names {
                    put_str(&mut facets, name);
                }
                put_varint(&mut facets, entry.docs.len() as u64);
                let mut last = 0;
                for &d in &entry.docs {
                    put_varint(&mut facets, u64::from(d - last));
                    last = d;
                }
            }
        }
        sections.push((Section::Facets, facets));
        let mut dates = Vec::new();
        for (sort_key, list) in &self.dates {
            put_varint(&mut dates, u64::from(*sort_key));
            put_varint(&mut dates, list.len() as u64);
            for &d in list {
                put_varint(&mut dates, u64::from(d));
            }
        }
        sections.push((Section::Dates, dates));

        // documents
        let mut documents = Vec::new();
        put_varint(&mut documents, doc_count as u64);
        for o in self
            .record_offsets
            .iter()
            .chain(std::iter::once(&(self.records.len() as u32)))
        {
            documents.extend_from_slice(&o.to_le_bytes());
        }
        documents.extend_from_slice(&self.records);
        sections.push((Section::Documents, documents));

        write_file(&sections)
    }
}

impl IndexBuilder {
    /// The `completions` section's lists: for every prefix of at least
    /// [`COMPLETION_MIN_CHARS`] characters that begins more than [`COMPLETIONS`] terms (stop
    /// words left out), the ordinals of the [`COMPLETIONS`] in the most documents, ascending.
    fn completions(&self) -> BTreeMap<String, Vec<u64>> {
        // (term, ordinal, documents) in dictionary order: the terms a prefix begins are
        // consecutive.
        let terms: Vec<(&str, u64, usize)> = self
            .postings
            .iter()
            .enumerate()
            .filter(|(_, (term, _))| !self.analyzer.is_stop_word(term))
            .map(|(o, (term, list))| (term.as_str(), o as u64, list.len()))
            .collect();
        let mut out = BTreeMap::new();
        let mut chars = COMPLETION_MIN_CHARS;
        loop {
            let mut any = false;
            let mut i = 0;
            while i < terms.len() {
                let Some((end, _)) = terms[i].0.char_indices().nth(chars - 1) else {
                    i += 1;
                    continue;
                };
                let prefix_len = end + terms[i].0[end..].chars().next().map_or(0, char::len_utf8);
                let prefix = &terms[i].0[..prefix_len];
                let mut j = i + 1;
                while j < terms.len() && terms[j].0.starts_with(prefix) {
                    j += 1;
                }
                if j - i > COMPLETIONS {
                    any = true;
                    let mut group: Vec<(usize, u64)> =
                        terms[i..j].iter().map(|&(_, o, df)| (df, o)).collect();
                    group.select_nth_unstable_by(COMPLETIONS - 1, |a, b| {
                        b.0.cmp(&a.0).then(a.1.cmp(&b.1))
                    });
                    let mut top: Vec<u64> = group[..COMPLETIONS].iter().map(|g| g.1).collect();
                    top.sort_unstable();
                    out.insert(prefix.to_owned(), top);
                }
                i = j;
            }
            if !any {
                return out;
            }
            chars += 1;
        }
    }
}

/// Records one occurrence of `term`.
fn post(postings: &mut Postings, term: String, doc_id: u32, field_id: usize, position: u32) {
    let list = postings.entry(term).or_default();
    if list.last().map(|(d, _)| *d) != Some(doc_id) {
        list.push((doc_id, Vec::new()));
    }
    let fields = &mut list.last_mut().expect("pushed above").1;
    match fields.last_mut() {
        Some((f, positions)) if *f as usize == field_id => {
            if positions.last() != Some(&position) {
                positions.push(position)
            }
        }
        _ => fields.push((field_id as u8, vec![position])),
    }
}

/// The term of two adjacent words indexed as a pair (they never contain a space).
pub fn pair_term(first: &str, second: &str) -> String {
    format!("{first} {second}")
}

/// Encodes one postings list (see the format): the document block (documents and their
/// impacts), the skip table, then the detail block (fields, term frequencies and positions).
/// `length_norms` has [`length_norm`] per document and field.
fn encode_postings(
    list: &[(u32, Vec<FieldPositions>)],
    length_norms: &[f32],
    field_count: usize,
    out: &mut Vec<u8>,
) {
    let mut docs = Vec::with_capacity(list.len() * 2);
    let mut skips = Vec::new();
    let mut detail = Vec::new();
    let mut entry = Vec::new();
    let mut positions = Vec::new();
    let mut previous = 0u32;
    for (i, (doc, fields)) in list.iter().enumerate() {
        if i > 0 && i % SKIP_INTERVAL == 0 {
            skips.extend_from_slice(&doc.to_le_bytes());
            skips.extend_from_slice(&(docs.len() as u32).to_le_bytes());
            skips.extend_from_slice(&(detail.len() as u32).to_le_bytes());
        }
        let mut weighted_tf = 0.0f32;
        put_varint(&mut docs, u64::from(doc - previous));
        previous = *doc;
        entry.clear();
        put_varint(&mut entry, fields.len() as u64);
        positions.clear();
        for (field, field_positions) in fields {
            let norm = length_norms[*doc as usize * field_count + *field as usize];
            weighted_tf += field_positions.len() as f32 * norm;
            put_varint(&mut entry, u64::from(*field));
            put_varint(&mut entry, field_positions.len() as u64);
            let mut last = 0u32;
            for &p in field_positions {
                put_varint(&mut positions, u64::from(p - last));
                last = p;
            }
        }
        docs.push(impact(weighted_tf));
        entry.extend_from_slice(&positions);
        put_varint(&mut detail, entry.len() as u64);
        detail.extend_from_slice(&entry);
    }
    put_varint(out, list.len() as u64);
    put_varint(out, docs.len() as u64);
    out.extend_from_slice(&docs);
    out.extend_from_slice(&skips);
    out.extend_from_slice(&detail);
}

/// Lays out the header, the section table and the sections.
fn write_file(sections: &[(Section, Vec<u8>)]) -> Vec<u8> {
    let table_end = HEADER_LEN + SECTION_ENTRY_LEN * sections.len();
    let mut out =
        Vec::with_capacity(table_end + 4 + sections.iter().map(|(_, b)| b.len()).sum::<usize>());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    let mut offset = (table_end + 4) as u64;
    for (section, bytes) in sections {
        out.extend_from_slice(&(*section as u32).to_le_bytes());
        out.extend_from_slice(&super::checksum::crc32(bytes).to_le_bytes());
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        offset += bytes.len() as u64;
    }
    let header_crc = super::checksum::crc32(&out);
    out.extend_from_slice(&header_crc.to_le_bytes());
    for (_, bytes) in sections {
        out.extend_from_slice(bytes);
    }
    out
}
