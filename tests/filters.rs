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
