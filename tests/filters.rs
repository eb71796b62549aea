//! Filters, facet counts, date ranges and sorting, on a small archive built here.
#![cfg(not(target_arch = "wasm32"))]

use fahras::search::filter::FacetCount;
use fahras::search::{Filter, Sort};
use fahras::{Document, Index, IndexBuilder, SearchOptions, SearchResults, Searcher};

fn doc(id: &str, source: &str, tags: &[&str], published: Option<&str>, body: &str) -> Document {
    Document {
        id: id.into(),
        title: format!("خبر {id}"),
        source: Some(source.into()),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        published: published.map(Into::into),
        body: vec![body.into()],
        ..Default::default()
    }
}

fn searcher() -> Searcher {
    let mut b = IndexBuilder::new();
    b.add(doc(
        "a",
        "ديارنا",
        &["تقنية"],
        Some("2017-11-23"),
        "داعش على تيليجرام",
    ))
    .unwrap();
    b.add(doc(
        "b",
        "ديارنا",
        &["أمن"],
        Some("2018-05-06"),
        "داعش على تويتر",
    ))
    .unwrap();
    b.add(doc(
        "c",
        "المرجع",
        &["تقنية", "أمن"],
        Some("2018-12-20T11:34"),
        "داعش على تام تام",
    ))
    .unwrap();
    b.add(doc("d", "المرجع", &["أمن"], None, "خبر بلا تاريخ عن داعش"))
        .unwrap();
    Searcher::new(Index::from_bytes(b.finish()).unwrap())
}

fn run(query: &str, options: SearchOptions) -> SearchResults {
    searcher().search(query, &options).unwrap()
}

fn ids(r: &SearchResults) -> Vec<&str> {
    r.hits.iter().map(|h| h.id.as_str()).collect()
}

fn sorted_ids(r: &SearchResults) -> Vec<&str> {
    let mut v = ids(r);
    v.sort();
    v
}

fn count(r: &SearchResults, facet: &str, value: &str) -> usize {
    r.facets[facet]
        .iter()
        .find(|c: &&FacetCount| c.value == value)
        .map_or(0, |c| c.count)
}

fn filter(facet: &str, any_of: &[&str]) -> Filter {
    Filter {
        facet: facet.into(),
        any_of: any_of.iter().map(|s| s.to_string()).collect(),
        none_of: vec![],
    }
}

#[test]
fn values_of_one_facet_are_alternatives() {
    let r = run(
        "داعش",
        SearchOptions {
            filters: vec![filter("tag", &["تقنية", "أمن"])],
            ..Default::default()
        },
    );
    assert_eq!(sorted_ids(&r), ["a", "b", "c", "d"]);
    let r = run(
        "داعش",
        SearchOptions {
            filters: vec![filter("tag", &["تقنية"])],
            ..Default::default()
        },
    );
    assert_eq!(sorted_ids(&r), ["a", "c"]);
}

#[test]
fn different_facets_must_all_hold() {
    let r = run(
        "داعش",
        SearchOptions {
            filters: vec![filter("tag", &["تقنية"]), filter("source", &["المرجع"])],
            ..Default::default()
        },
    );
    assert_eq!(ids(&r), ["c"]);
}

#[test]
fn an_excluded_value_removes_its_documents() {
    let f = Filter {
        facet: "source".into(),
        any_of: vec![],
        none_of: vec!["ديارنا".into()],
    };
    let r = run(
        "داعش",
        SearchOptions {
            filters: vec![f],
            ..Default::default()
        },
    );
    assert_eq!(sorted_ids(&r), ["c", "d"]);
}

#[test]
fn facet_counts_ignore_their_own_selection_but_not_the_others() {
    let options = SearchOptions {
        filters: vec![filter("source", &["ديارنا"])],
        facets: vec!["source".into(), "tag".into()],
        ..Default::default()
    };
    let r = run("داعش", options);
    assert_eq!(r.total, 2);
    // source counts as if no source were chosen: both sources stay visible with full counts.
    assert_eq!(count(&r, "source", "ديارنا"), 2);
    assert_eq!(count(&r, "source", "المرجع"), 2);
    // tag counts follow the source selection.
    assert_eq!(count(&r, "tag", "تقنية"), 1);
    assert_eq!(count(&r, "tag", "أمن"), 1);
}

#[test]
fn facet_counts_follow_the_query() {
    let r = run(
        "تويتر",
        SearchOptions {
            facets: vec!["*".into()],
            ..Default::default()
        },
    );
    assert_eq!(ids(&r), ["b"]);
    assert_eq!(count(&r, "source", "ديارنا"), 1);
    assert_eq!(count(&r, "source", "المرجع"), 0);
    assert_eq!(count(&r, "year", "2018"), 1);
}

#[test]
fn a_date_range_keeps_documents_about_a_date_inside_it() {
    let range = |from: Option<&str>, to: Option<&str>| SearchOptions {
        date_from: from.map(Into::into),
        date_to: to.map(Into::into),
        ..Default::default()
    };
    assert_eq!(
        sorted_ids(&run("داعش", range(Some("2018"), None))),
        ["b", "c"]
    );
    assert_eq!(
        sorted_ids(&run("داعش", range(Some("2017-11"), Some("2017-11")))),
        ["a"]
    );
    assert_eq!(
        sorted_ids(&run("داعش", range(None, Some("2018-05-06")))),
        ["a", "b"]
    );
    let err = searcher()
        .search("داعش", &range(Some("2019"), Some("2018")))
        .unwrap_err();
    assert!(err.to_string().contains("after"), "{err}");
    let err = searcher()
        .search("داعش", &range(Some("last year"), None))
        .unwrap_err();
    assert!(err.to_string().contains("dateFrom"), "{err}");
}

#[test]
fn the_timeline_counts_ignore_the_date_range() {
    let r = run(
        "داعش",
        SearchOptions {
            date_from: Some("2018".into()),
            facets: vec!["year".into(), "month".into()],
            ..Default::default()
        },
    );
    assert_eq!(r.total, 2);
    assert_eq!(
        count(&r, "year", "2017"),
        1,
        "other years stay visible on the timeline"
    );
    assert_eq!(count(&r, "month", "2018-12"), 1);
    let months: Vec<&str> = r.facets["month"].iter().map(|c| c.value.as_str()).collect();
    assert!(
        months.windows(2).all(|w| w[0] < w[1]),
        "timeline values are in date order: {months:?}"
    );
}

#[test]
fn sorting_by_date_puts_undated_documents_last() {
    let newest = run(
        "داعش",
        SearchOptions {
            sort: Sort::Newest,
            ..Default::default()
        },
    );
    assert_eq!(ids(&newest), ["c", "b", "a", "d"]);
    let oldest = run(
        "داعش",
        SearchOptions {
            sort: Sort::Oldest,
            ..Default::default()
        },
    );
    assert_eq!(ids(&oldest), ["a", "b", "c", "d"]);
}

#[test]
fn an_empty_query_with_a_filter_browses_the_archive_newest_first() {
    let r = run(
        "",
        SearchOptions {
            filters: vec![filter("tag", &["أمن"])],
            ..Default::default()
        },
    );
    assert_eq!(ids(&r), ["c", "b", "d"]);
    let nothing = run(
        "",
        SearchOptions {
            facets: vec!["source".into()],
            ..Default::default()
        },
    );
    assert!(nothing.hits.is_empty());
    assert_eq!(
        count(&nothing, "source", "المرجع"),
        2,
        "an empty query still counts the whole archive"
    );
}

#[test]
fn an_unknown_facet_is_an_error_naming_the_known_ones() {
    let err = searcher()
        .search(
            "داعش",
            &SearchOptions {
                filters: vec![filter("colour", &["red"])],
                ..Default::default()
            },
        )
        .unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("colour") && message.contains("source"),
        "{message}"
    );
}

/// An archive of 80 documents with tags drawn from 30, four sources and dates over three
/// years (document `g{i}` is document number `i`).
fn generated() -> Searcher {
    let mut b = IndexBuilder::new();
    let sources = ["ديارنا", "المرجع", "الشرق", "العربية"];
    for i in 0..80usize {
        let tags: Vec<String> = (0..1 + i % 3)
            .map(|k| format!("وسم{}", (i * 7 + k * 11) % 30))
            .collect();
        let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
        let date = format!("{}-{:02}-1{}", 2016 + i % 3, 1 + i % 12, i % 9);
        let body = if i % 4 == 0 {
            "داعش على تيليجرام"
        } else {
            "داعش على تويتر"
        };
        b.add(doc(
            &format!("g{i}"),
            sources[i % 4],
            &tags,
            (i % 10 != 0).then_some(date.as_str()),
            body,
        ))
        .unwrap();
    }
    Searcher::new(Index::from_bytes(b.finish()).unwrap())
}

#[test]
fn facet_counts_equal_the_results_each_value_would_give() {
    let searcher = generated();
    let index = searcher.index();
    let cases: Vec<(&str, Vec<Filter>, Option<&str>)> = vec![
        ("داعش", vec![], None),
        ("تيليجرام", vec![], None),
        ("تويتر", vec![], None), // three documents in four: the others are counted
        ("داعش", vec![filter("source", &["ديارنا", "الشرق"])], None),
        (
            "داعش",
            vec![filter("tag", &["وسم3"]), filter("source", &["المرجع"])],
            None,
        ),
        (
            "داعش",
            vec![Filter {
                facet: "tag".into(),
                any_of: vec!["وسم7".into()],
                none_of: vec!["وسم14".into()],
            }],
            Some("2017"),
        ),
        ("", vec![filter("year", &["2018"])], None),
    ];
    let mut compared = 0;
    for (query, filters, from) in cases {
        let options = SearchOptions {
            limit: 1000,
            filters: filters.clone(),
            date_from: from.map(Into::into),
            facets: vec!["*".into()],
            ..Default::default()
        };
        let r = searcher.search(query, &options).unwrap();
        for facet in index.facets() {
            let timeline = ["year", "month"].contains(&facet.name.as_str());
            // What choosing each value would give: the search without this facet's own
            // filter (a timeline facet: without any timeline filter nor the date range).
            // (Exclusions are not disjunctive: they stay.)
            let own = |f: &Filter| {
                f.facet == facet.name || (timeline && ["year", "month"].contains(&f.facet.as_str()))
            };
            let others = SearchOptions {
                filters: filters
                    .iter()
                    .map(|f| Filter {
                        any_of: if own(f) { vec![] } else { f.any_of.clone() },
                        ..f.clone()
                    })
                    .collect(),
                date_from: if timeline {
                    None
                } else {
                    options.date_from.clone()
                },
                facets: vec![],
                ..options.clone()
            };
            let browsing_all = query.is_empty()
                && others.date_from.is_none()
                && others
                    .filters
                    .iter()
                    .all(|f| f.any_of.is_empty() && f.none_of.is_empty());
            let docs: Vec<u32> = if browsing_all {
                // No query and no filter: the counts are over the whole archive.
                (0..index.document_count()).collect()
            } else {
                let base = searcher.search(query, &others).unwrap();
                base.hits
                    .iter()
                    .map(|h| h.id[1..].parse().unwrap())
                    .collect()
            };
            let expected: Vec<(String, usize)> = facet
                .values
                .iter()
                .map(|v| {
                    let n = docs.iter().filter(|d| v.docs.contains(d)).count();
                    (v.value.clone(), n)
                })
                .filter(|(_, n)| *n > 0)
                .collect();
            let mut got: Vec<(String, usize)> = r.facets[&facet.name]
                .iter()
                .map(|c| (c.value.clone(), c.count))
                .collect();
            got.sort();
            let mut expected_sorted = expected.clone();
            expected_sorted.sort();
            assert_eq!(
                got, expected_sorted,
                "{query:?} {filters:?}: facet {}",
                facet.name
            );
            assert_eq!(r.facet_totals[&facet.name], expected.len());
            compared += expected.len();
        }
    }
    assert!(compared > 200, "{compared} counts compared");
}

#[test]
fn a_facet_limit_keeps_the_values_with_most_results_and_the_chosen_ones() {
    let searcher = generated();
    let all = searcher
        .search(
            "داعش",
            &SearchOptions {
                facets: vec!["*".into()],
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(all.facets["tag"].len(), 30);
    // The least frequent tag, chosen: kept beyond the limit.
    let rare = all.facets["tag"].last().unwrap().value.clone();
    for limit in [0, 1, 5, 29, 30, 100] {
        let r = searcher
            .search(
                "داعش",
                &SearchOptions {
                    facets: vec!["*".into()],
                    facet_limit: Some(limit),
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(
            r.facets["tag"],
            all.facets["tag"][..limit.min(30)],
            "limit {limit}"
        );
        assert_eq!(r.facet_totals["tag"], 30);
        // Timeline facets keep every value.
        assert_eq!(r.facets["month"], all.facets["month"], "limit {limit}");
        let chosen = searcher
            .search(
                "داعش",
                &SearchOptions {
                    filters: vec![filter("tag", &[&rare])],
                    facets: vec!["tag".into()],
                    facet_limit: Some(limit),
                    ..Default::default()
                },
            )
            .unwrap();
        let tags = &chosen.facets["tag"];
        assert!(
            tags.iter().any(|c| c.value == rare),
            "limit {limit}: {tags:?}"
        );
        assert_eq!(tags.len(), (limit + 1).min(30), "limit {limit}");
    }
}

#[path = "common/mod.rs"]
mod common;

#[test]
fn a_timeline_period_as_a_date_range_keeps_the_articles_its_bar_counts() {
    // Choosing a bar filters by its period: the articles kept must be those the bar counted,
    // so an article that only mentions «2017» is under the year 2017, not under October
    // 2017 (the month timeline does not count it there, and the range does not keep it).
    let searcher = common::seed_searcher();
    let all = searcher
        .search(
            "",
            &SearchOptions {
                limit: 100,
                facets: vec!["year".into(), "month".into()],
                facet_limit: None,
                ..Default::default()
            },
        )
        .unwrap();
    let mut checked = 0;
    for facet in ["year", "month"] {
        for value in &all.facets[facet] {
            let kept = searcher
                .search(
                    "",
                    &SearchOptions {
                        limit: 100,
                        date_from: Some(value.value.clone()),
                        date_to: Some(value.value.clone()),
                        ..Default::default()
                    },
                )
                .unwrap();
            assert_eq!(kept.total, value.count, "{facet} {}", value.value);
            checked += 1;
        }
    }
    assert!(checked > 10, "{checked} periods");
}
