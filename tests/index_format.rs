//! The index file: what it holds survives a round trip, and every kind of damage is a clear
//! error, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use fahras::index::format::{FORMAT_VERSION, MAGIC};
use fahras::{Document, Error, Index, IndexBuilder, SearchOptions, Searcher};
use proptest::prelude::*;
mod common;

fn doc(id: &str, title: &str, body: &[&str]) -> Document {
    Document {
        id: id.into(),
        title: title.into(),
        body: body.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
}

fn small_index() -> Vec<u8> {
    let mut b = IndexBuilder::new();
    b.add(Document {
        published: Some("2018-12-20T11:34".into()),
        author: Some("أحمد لملوم".into()),
        subtitle: Some("عنوان فرعي".into()),
        source: Some("ديارنا".into()),
        url: Some("https://example.com/a".into()),
        ..doc(
            "a",
            "داعش يهرب إلى تطبيقات جديدة",
            &["تطبيق «التيليجرام» يحذف الحسابات.", "فقرة ثانية عن تويتر"],
        )
    })
    .unwrap();
    b.add(doc("b", "حملة تويتر", &["أغلق تويتر آلاف الحسابات"]))
        .unwrap();
    b.finish()
}

#[test]
fn stored_documents_round_trip_with_every_field() {
    let bytes = small_index();
    let index = Index::from_bytes(bytes).unwrap();
    let d = index.document(0).unwrap();
    assert_eq!(d.id, "a");
    assert_eq!(d.author.as_deref(), Some("أحمد لملوم"));
    assert_eq!(d.published.as_deref(), Some("2018-12-20T11:34"));
    assert_eq!(d.url.as_deref(), Some("https://example.com/a"));
    assert_eq!(d.body.len(), 2);
    assert_eq!(index.document(1).unwrap().title, "حملة تويتر");
    assert!(index.document(2).is_err());
}

#[test]
fn the_same_documents_give_the_same_bytes() {
    assert_eq!(small_index(), small_index());
}

#[test]
fn a_file_that_is_not_an_index_is_refused_by_name() {
    let err = Index::from_bytes(b"<!doctype html><title>404</title>".to_vec()).unwrap_err();
    assert_eq!(err, Error::NotAnIndex);
    assert!(err.to_string().contains("not a fahras index"));
    assert_eq!(
        Index::from_bytes(Vec::new()).unwrap_err(),
        Error::NotAnIndex
    );
}

#[test]
fn another_format_version_is_refused_with_both_versions_named() {
    let mut bytes = small_index();
    bytes[8..12].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    let err = Index::from_bytes(bytes).unwrap_err();
    assert_eq!(
        err,
        Error::UnsupportedVersion {
            found: FORMAT_VERSION + 1,
            supported: FORMAT_VERSION
        }
    );
    let message = err.to_string();
    assert!(
        message.contains(&format!("version {}", FORMAT_VERSION + 1)) && message.contains("rebuild"),
        "{message}"
    );
}

#[test]
fn a_flipped_byte_anywhere_is_caught_by_a_checksum() {
    let bytes = small_index();
    for at in (MAGIC.len() + 4..bytes.len()).step_by(7) {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x40;
        match Index::from_bytes(damaged) {
            Err(Error::ChecksumMismatch { .. })
            | Err(Error::Truncated { .. })
            | Err(Error::Corrupt { .. }) => {}
            other => panic!("byte {at}: expected a damage error, got {other:?}"),
        }
    }
}

#[test]
fn a_truncated_file_is_an_error() {
    let bytes = small_index();
    for len in [9, 16, 40, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            Index::from_bytes(bytes[..len].to_vec()).is_err(),
            "truncated to {len}"
        );
    }
}

#[test]
fn duplicate_ids_and_missing_titles_are_refused_without_adding_anything() {
    let mut b = IndexBuilder::new();
    b.add(doc("a", "عنوان", &[])).unwrap();
    let err = b.add(doc("a", "عنوان آخر", &[])).unwrap_err();
    assert!(err.to_string().contains("already used"), "{err}");
    let err = b.add(doc("c", "  ", &["نص"])).unwrap_err();
    assert!(err.to_string().contains("no title"), "{err}");
    assert_eq!(b.len(), 1);
}

#[test]
fn a_title_match_outranks_a_body_match() {
    let mut b = IndexBuilder::new();
    b.add(doc(
        "body",
        "خبر عن الشبكات",
        &["ذكر التقرير تطبيق رايوت مرة واحدة بين كلمات كثيرة أخرى"],
    ))
    .unwrap();
    b.add(doc(
        "title",
        "رايوت يحذف الحسابات",
        &["ذكر التقرير تطبيقا آخر بين كلمات كثيرة أخرى"],
    ))
    .unwrap();
    let searcher = Searcher::new(Index::from_bytes(b.finish()).unwrap());
    let results = searcher.search("رايوت", &SearchOptions::default()).unwrap();
    assert_eq!(
        results
            .hits
            .iter()
            .map(|h| h.id.as_str())
            .collect::<Vec<_>>(),
        ["title", "body"]
    );
}

#[test]
fn an_exact_match_outranks_a_stem_match() {
    let mut b = IndexBuilder::new();
    b.add(doc("stem", "الحسابات", &[])).unwrap();
    b.add(doc("exact", "حساب", &[])).unwrap();
    let searcher = Searcher::new(Index::from_bytes(b.finish()).unwrap());
    let results = searcher.search("حساب", &SearchOptions::default()).unwrap();
    assert_eq!(
        results
            .hits
            .iter()
            .map(|h| h.id.as_str())
            .collect::<Vec<_>>(),
        ["exact", "stem"]
    );
}

#[test]
fn invalid_options_are_refused_with_the_allowed_range() {
    let searcher = Searcher::new(Index::from_bytes(small_index()).unwrap());
    let err = searcher
        .search(
            "داعش",
            &SearchOptions {
                limit: 0,
                offset: 0,
                ..Default::default()
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("between 1 and"), "{err}");
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = Index::from_bytes(bytes);
    }

    #[test]
    fn arbitrary_bytes_after_a_valid_header_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..512)) {
        let mut bytes = small_index();
        let keep = 16 + 24 * 8 + 4;
        bytes.truncate(keep);
        bytes.extend(tail);
        let _ = Index::from_bytes(bytes);
    }

    #[test]
    fn arbitrary_queries_never_panic(query in "\\PC{0,60}") {
        let searcher = Searcher::new(Index::from_bytes(small_index()).unwrap());
        let results = searcher.search(&query, &SearchOptions::default()).unwrap();
        for hit in results.hits {
            let len = hit.snippet.text.encode_utf16().count() as u32;
            prop_assert!(hit.snippet.highlights.iter().all(|[a, b]| a < b && *b <= len));
        }
    }
}

#[test]
fn a_sites_aliases_and_stop_words_travel_in_the_index_to_the_searcher() {
    use fahras::text::AnalysisSettings;
    let settings = AnalysisSettings {
        aliases: "Diyaruna\tديارنا\n".into(),
        stop_words: vec!["موقعنا".into()],
        plurals: "صاروخ صواريخ\n".into(),
    };
    let build = |settings: Option<AnalysisSettings>| {
        let mut b = IndexBuilder::new();
        if let Some(s) = settings {
            b = b.with_analysis(s).unwrap();
        }
        b.add(doc("a", "تقرير ديارنا", &["نص التقرير عن الصواريخ"]))
            .unwrap();
        Searcher::new(Index::from_bytes(b.finish()).unwrap())
    };
    let plain = build(None);
    let site = build(Some(settings.clone()));
    assert_eq!(site.index().analysis(), &settings);
    assert_eq!(
        plain
            .search("diyaruna", &SearchOptions::default())
            .unwrap()
            .total,
        0
    );
    assert_eq!(
        site.search("diyaruna", &SearchOptions::default())
            .unwrap()
            .total,
        1
    );
    // A site stop word is optional beside other words: no partial fallback.
    assert!(
        plain
            .search("تقرير موقعنا", &SearchOptions::default())
            .unwrap()
            .partial
    );
    let r = site
        .search("تقرير موقعنا", &SearchOptions::default())
        .unwrap();
    assert!(!r.partial && r.total == 1);
    // A site's broken plural: the singular finds the plural.
    let rocket = |s: &Searcher| s.search("صاروخ", &SearchOptions::default()).unwrap().total;
    assert_eq!((rocket(&plain), rocket(&site)), (0, 1));
    // A malformed alias or plural list is refused with the line number.
    let err = IndexBuilder::new().with_analysis(AnalysisSettings {
        aliases: "no tab here\n".into(),
        ..AnalysisSettings::default()
    });
    assert!(err.unwrap_err().to_string().contains("alias list, line 1"));
    let err = IndexBuilder::new().with_analysis(AnalysisSettings {
        plurals: "صاروخ\n".into(),
        ..AnalysisSettings::default()
    });
    assert!(err.unwrap_err().to_string().contains("plural list, line 1"));
}

/// An index of `n` documents that all have the word داعش, at varying positions and counts
/// (so its postings list has a skip table), and a few other words.
fn many_documents_index(n: usize) -> Index {
    let mut b = IndexBuilder::new();
    for i in 0..n {
        let filler = "كلام ".repeat(i % 7);
        let times = "داعش ".repeat(1 + i % 3);
        b.add(doc(
            &format!("d{i}"),
            &format!("خبر {i}"),
            &[
                &format!("{filler}{times}انتقل إلى تطبيق آخر"),
                "فقرة ثانية عن داعش",
            ],
        ))
        .unwrap();
    }
    Index::from_bytes(b.finish()).unwrap()
}

#[test]
fn positions_of_some_documents_equal_those_of_a_full_walk() {
    let seeds = common::seed_searcher().index();
    let many = many_documents_index(150);
    let term = many.term_ordinal("داعش").unwrap();
    assert_eq!(many.doc_frequency(term).unwrap(), 150);
    let mut checked = 0;
    for index in [seeds, &many] {
        let mut stream = index.terms().stream();
        while let Some((_, ordinal)) = fst::Streamer::next(&mut stream) {
            let all = index.postings(ordinal).unwrap();
            // Every document, one in three (jumps through the skip table), and the last.
            for pick in [1, 3, 97] {
                let wanted: Vec<_> = all
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % pick == pick - 1 || *i + 1 == all.len())
                    .map(|(_, p)| p.clone())
                    .collect();
                let got = index
                    .positions(ordinal, |d| wanted.iter().any(|p| p.doc == d))
                    .unwrap();
                assert_eq!(got, wanted);
                // Looked up through the skip table, with documents the term is not in
                // around them.
                let mut docs: Vec<u32> = wanted
                    .iter()
                    .flat_map(|p| [p.doc.saturating_sub(1), p.doc, p.doc + 1])
                    .collect();
                docs.sort_unstable();
                docs.dedup();
                let absent: Vec<u32> = docs
                    .iter()
                    .copied()
                    .filter(|d| all.iter().all(|p| p.doc != *d))
                    .collect();
                let looked_up = index
                    .positions_in(ordinal, &fahras::index::DocSet::new(&docs))
                    .unwrap();
                let expected: Vec<_> = all
                    .iter()
                    .filter(|p| docs.contains(&p.doc))
                    .cloned()
                    .collect();
                assert_eq!(looked_up, expected);
                assert!(index
                    .positions_in(ordinal, &fahras::index::DocSet::new(&absent))
                    .unwrap()
                    .is_empty());
                checked += got.len();
            }
        }
    }
    assert!(checked > 3000, "{checked} postings checked");
}

#[test]
fn impacts_are_the_bm25_saturation_of_the_postings() {
    let index = many_documents_index(40);
    let mut stream = index.terms().stream();
    let mut seen = std::collections::BTreeSet::new();
    while let Some((_, ordinal)) = fst::Streamer::next(&mut stream) {
        let mut impacts = Vec::new();
        index
            .for_each_impact(ordinal, |doc, impact| impacts.push((doc, impact)))
            .unwrap();
        let postings = index.postings(ordinal).unwrap();
        assert_eq!(impacts.len(), postings.len());
        for ((doc, impact), posting) in impacts.into_iter().zip(postings) {
            assert_eq!(doc, posting.doc);
            let weighted_tf: f32 = posting
                .fields
                .iter()
                .map(|f| {
                    let field = &index.fields()[f.field as usize];
                    let length = index.field_length(doc, f.field);
                    f.positions.len() as f32
                        * fahras::index::length_norm(&field.spec, length, field.average_length)
                })
                .sum();
            let saturation = weighted_tf / (fahras::index::K1 + weighted_tf);
            assert!(
                (f32::from(impact) / 255.0 - saturation).abs() <= 0.5 / 255.0 + 1e-6,
                "impact {impact} for saturation {saturation}"
            );
            seen.insert(impact);
        }
    }
    // داعش once, twice or three times in paragraphs of different lengths.
    assert!(seen.len() >= 6, "{seen:?}");
}

#[test]
fn stored_paragraph_positions_are_those_the_analyzer_gives() {
    let analyzer = fahras::text::Analyzer::default();
    let index = &common::seed_searcher().index();
    let mut paragraphs = 0;
    for (n, expected) in common::documents().iter().enumerate() {
        let stored = index.stored_document(n as u32).unwrap();
        let positions = stored.paragraph_positions.clone();
        let stored = stored.into_document().unwrap();
        assert_eq!(stored.id, expected.id);
        assert_eq!(stored.body, expected.body);
        assert_eq!(positions.len(), stored.body.len(), "{}", stored.id);
        for (text, &used) in stored.body.iter().zip(&positions) {
            let tokens = analyzer.analyze(text);
            assert_eq!(used, tokens.last().map_or(0, |t| t.position + 1), "{text}");
            paragraphs += 1;
        }
    }
    assert!(paragraphs > 20, "{paragraphs} paragraphs");
}
