//! Reading a site's own articles (`fahras::ingest`): every input format, good and bad, from
//! the fixtures in `tests/fixtures/ingest/` (Arabic, with a little English).
#![cfg(not(target_arch = "wasm32"))]

use fahras::config::Config;
use fahras::ingest::pipeline::build_index;
use fahras::ingest::{
    date::normalize_date, discover, feed, html, json, markdown, parse_bytes, read_file, Fallbacks,
    FieldMap, Format, InputFile, Location, Options, Outcome, Parsed,
};
use fahras::{corpus, Document, Index, SearchOptions, Searcher};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest")
}

/// The file at `relative` under the fixtures, as `fahras build` would find it in a folder.
fn input(relative: &str) -> InputFile {
    let path = fixtures().join(relative);
    InputFile {
        format: Format::from_path(&path).expect("a known extension"),
        name: relative.rsplit('/').next().unwrap().to_owned(),
        path,
        explicit: false,
    }
}

fn read(relative: &str) -> Vec<Parsed> {
    read_file(&input(relative), &Options::default())
}

/// The documents among `parsed`; panics (showing everything) if any record is not one.
fn documents(parsed: Vec<Parsed>) -> Vec<Document> {
    parsed
        .iter()
        .map(|p| match &p.outcome {
            Ok(Outcome::Document(doc)) => (**doc).clone(),
            other => panic!("{:?}: {other:?}\nall: {parsed:#?}", p.location),
        })
        .collect()
}

fn only_document(parsed: Vec<Parsed>) -> Document {
    let mut docs = documents(parsed);
    assert_eq!(docs.len(), 1, "{docs:#?}");
    docs.remove(0)
}

/// The problems among `parsed`, as (location, message).
fn problems(parsed: &[Parsed]) -> Vec<(Location, String)> {
    parsed
        .iter()
        .filter_map(|p| p.outcome.as_ref().err().map(|e| (p.location, e.clone())))
        .collect()
}

fn problem_at(parsed: &[Parsed], location: Location) -> String {
    problems(parsed)
        .into_iter()
        .find(|(l, _)| *l == location)
        .unwrap_or_else(|| panic!("no problem at {location:?}: {parsed:#?}"))
        .1
}

// ---------------------------------------------------------------------------------------
// JSON and JSON Lines

#[test]
fn reads_json_lines_with_the_default_keys_and_html_bodies() {
    let docs = documents(read("good/articles.jsonl"));
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0].id, "jl-1");
    assert_eq!(docs[0].section.as_deref(), Some("ثقافة"));
    assert_eq!(docs[0].tags, ["مكتبات", "الإسكندرية"]);
    assert_eq!(docs[1].title, "ارتفاع أسعار القمح في الأسواق العالمية");
    assert_eq!(docs[1].author.as_deref(), Some("محمد علي"));
    assert_eq!(docs[1].published.as_deref(), Some("2018-12-20T11:34+02:00"));
    assert_eq!(
        docs[1].body,
        [
            "ارتفعت أسعار القمح للأسبوع الثالث على التوالي.",
            "ويتوقع المحللون استمرار الارتفاع."
        ]
    );
    // No id: the URL is the id; a plain-text body is split at line breaks.
    assert_eq!(docs[2].id, "https://example.com/en/telegram");
    assert_eq!(docs[2].published.as_deref(), Some("2019-11-25T09:00Z"));
    assert_eq!(docs[2].body.len(), 2);
}

#[test]
fn reports_every_bad_json_line_by_number_and_keeps_the_good_ones() {
    let parsed = read("bad/records.jsonl");
    assert!(problem_at(&parsed, Location::Line(2)).starts_with("malformed JSON at column"));
    assert!(problem_at(&parsed, Location::Line(3)).contains("missing title"));
    assert!(problem_at(&parsed, Location::Line(4)).contains("invalid UTF-8 at column 31"));
    let date = problem_at(&parsed, Location::Line(5));
    assert!(
        date.contains("unparseable date \"20/12/2018\"") && date.contains("\"published\""),
        "{date}"
    );
    assert!(problem_at(&parsed, Location::Line(7)).contains("expected an object, found a list"));
    // Line 6 repeats line 1's id: a problem only once both reach the index (see the pipeline).
    let good: Vec<Location> = parsed
        .iter()
        .filter(|p| p.outcome.is_ok())
        .map(|p| p.location)
        .collect();
    assert_eq!(good, [Location::Line(1), Location::Line(6)]);
}

#[test]
fn reads_a_json_list_a_single_record_and_a_json_feed() {
    let list = documents(read("good/archive.json"));
    assert_eq!(list[0].published.as_deref(), Some("2019-11-25T11:00+03:00"));
    assert_eq!(list[0].source.as_deref(), Some("أخبار المثال"));
    assert_eq!(
        list[1].id, "archive.json#2",
        "a derived id: file and record number"
    );
    assert_eq!(
        list[1].published.as_deref(),
        Some("2022-05-10"),
        "Arabic-Indic digits"
    );
    assert_eq!(list[1].tags, ["كتب", "معارض", "الأردن"]);

    let single = only_document(read("good/single.json"));
    assert_eq!(
        single.subtitle.as_deref(),
        Some("باحثون يتابعون ألف متطوع لمدة عامين")
    );

    let feed = only_document(read("good/jsonfeed.json"));
    assert_eq!(
        feed.source.as_deref(),
        Some("مدونة المثال"),
        "the feed's title"
    );
    assert_eq!(feed.author.as_deref(), Some("كريم"));
    assert_eq!(
        feed.body,
        [
            "يحتاج الزيتون إلى شمس كثيرة.",
            "الري المعتدل",
            "التقليم السنوي"
        ]
    );
}

#[test]
fn a_malformed_record_of_a_list_is_one_problem_among_the_good_ones() {
    // The list's brackets close: each record is parsed on its own, and the good one is kept.
    let parsed = read("bad/broken.json");
    assert_eq!(parsed.len(), 2);
    match &parsed[0].outcome {
        Ok(Outcome::Document(doc)) => assert_eq!((doc.id.as_str(), doc.title.as_str()), ("a", "أ")),
        other => panic!("{other:?}"),
    }
    let message = problem_at(&parsed, Location::Record(2));
    assert!(
        message.contains("malformed JSON at line 3, column 29: trailing comma"),
        "{message}"
    );
    // A record that is no object, and one missing a comma between its fields, mid-line.
    let parsed = fahras::ingest::json::parse_json(
        "[{\"title\": \"أ\"}, 5, {\"title\": \"ب\" \"body\": \"ن\"}, {\"title\": \"ج\"}]",
        "list.json",
        &Options::default(),
    );
    assert_eq!(parsed.len(), 4);
    assert_eq!(
        documents(vec![parsed[0].clone(), parsed[3].clone()]).len(),
        2
    );
    assert!(problem_at(&parsed, Location::Record(2)).contains("expected an object, found a number"));
    let message = problem_at(&parsed, Location::Record(3));
    assert!(
        message.contains("malformed JSON at line 1, column 36"),
        "{message}"
    );
}

#[test]
fn malformed_json_that_is_no_closed_list_fails_the_whole_file_with_line_and_column() {
    for (text, at) in [
        ("{\"title\": \"أ\",\n \"body\": }", "line 2, column 10"),
        (
            "[{\"title\": \"أ\"},\n {\"title\": \"ب\"}",
            "line 2, column",
        ),
        ("[{\"title\": \"أ\"}] x", "line 1, column 19"),
    ] {
        let parsed = fahras::ingest::json::parse_json(text, "f.json", &Options::default());
        assert_eq!(parsed.len(), 1, "{text}");
        let message = problem_at(&parsed, Location::File);
        assert!(
            message.contains(&format!("malformed JSON at {at}")),
            "{text}: {message}"
        );
    }
}

#[test]
fn invalid_utf8_is_reported_with_its_position() {
    let message = problem_at(&read("bad/latin1.json"), Location::File);
    assert!(
        message.contains("invalid UTF-8 at line 1, column 24"),
        "{message}"
    );
}

#[test]
fn maps_custom_keys_and_defaults_from_fahras_toml() {
    let config = Config::parse(
        "[fields]\ntitle = \"headline.text\"\nbody = \"story\"\ndate = \"when\"\n\
         [input]\nsource = \"المصدر الافتراضي\"\n",
        Path::new("."),
    )
    .unwrap();
    let file = InputFile {
        path: "x.jsonl".into(),
        name: "x.jsonl".into(),
        format: Format::JsonLines,
        explicit: true,
    };
    let line = r#"{"headline": {"text": "عنوان متداخل"}, "story": "سطر أول\nسطر ثان", "when": "2020-01-02 10:00"}"#;
    let doc = only_document(parse_bytes(
        line.as_bytes(),
        &file,
        &config.ingest_options(),
    ));
    assert_eq!(doc.title, "عنوان متداخل");
    assert_eq!(doc.body, ["سطر أول", "سطر ثان"]);
    assert_eq!(doc.published.as_deref(), Some("2020-01-02T10:00"));
    assert_eq!(doc.source.as_deref(), Some("المصدر الافتراضي"));
    assert_eq!(doc.id, "x.jsonl#1");
}

// ---------------------------------------------------------------------------------------
// Markdown

#[test]
fn reads_markdown_with_yaml_front_matter_and_drops_shortcodes() {
    let doc = only_document(read("good/posts/olive-harvest.md"));
    assert_eq!(doc.title, "موسم قطف الزيتون يبدأ مبكراً");
    assert_eq!(doc.id, "olive-harvest", "the path without its extension");
    assert_eq!(doc.published.as_deref(), Some("2022-10-01"));
    assert_eq!(doc.section.as_deref(), Some("زراعة"));
    assert_eq!(doc.tags, ["زيتون", "فلسطين"]);
    assert_eq!(
        doc.body,
        [
            "بدأ المزارعون قطف الزيتون هذا العام قبل موعده المعتاد بأسبوعين.",
            "الإنتاج المتوقع: ٣٠ ألف طن",
            "عدد المعاصر العاملة: ٢٠٠"
        ],
        "the repeated # title and the {{{{< figure >}}}} shortcode are gone"
    );
}

#[test]
fn reads_markdown_with_toml_front_matter_keeping_the_date_offset() {
    let doc = only_document(read("good/posts/water-toml.md"));
    assert_eq!(doc.published.as_deref(), Some("2021-07-15T09:30+03:00"));
    assert_eq!(doc.author.as_deref(), Some("يوسف"));
    assert_eq!(doc.body[1], "قال أحد المسؤولين: «نعمل على حلول عاجلة».");
}

#[test]
fn skips_drafts_without_calling_them_problems() {
    let parsed = read("good/posts/draft.md");
    assert_eq!(parsed[0].outcome, Ok(Outcome::Skipped("a draft".into())));
}

#[test]
fn names_every_front_matter_problem() {
    for (file, expected) in [
        ("bad/no-front-matter.md", "no front matter"),
        (
            "bad/unknown-front-matter.md",
            "unknown front-matter format \";;;\" on line 1",
        ),
        (
            "bad/bad-yaml.md",
            "the YAML front matter is malformed at line",
        ),
        ("bad/unclosed.md", "never closed"),
    ] {
        let message = problem_at(&read(file), Location::File);
        assert!(message.contains(expected), "{file}: {message}");
    }
}

#[test]
fn takes_the_first_heading_as_the_title_when_the_front_matter_has_none() {
    let outcome = markdown::parse_markdown(
        "---\ndate: 2020-01-01\n---\n# عنوان من المتن\n\nفقرة.\n",
        &FieldMap::default(),
        &Fallbacks::default(),
    );
    let Ok(Outcome::Document(doc)) = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(doc.title, "عنوان من المتن");
    assert_eq!(doc.body, ["فقرة."]);
}

// ---------------------------------------------------------------------------------------
// HTML

#[test]
fn extracts_an_html_article_without_navigation_asides_scripts_or_comments() {
    let doc = only_document(read("good/pages/article.html"));
    assert_eq!(
        doc.title, "انتخابات بلدية في تونس",
        "og:title, not the <title> with the site name"
    );
    assert_eq!(
        doc.id, "https://example.com/tunisia-elections",
        "the canonical URL"
    );
    assert_eq!(doc.published.as_deref(), Some("2018-05-06T18:00+01:00"));
    assert_eq!(doc.author.as_deref(), Some("أمين بن صالح"));
    assert_eq!(doc.source.as_deref(), Some("أخبار المثال"));
    assert_eq!(doc.section.as_deref(), Some("سياسة"));
    assert_eq!(doc.tags, ["تونس", "انتخابات"]);
    assert_eq!(
        doc.body,
        [
            "أدلى الناخبون التونسيون بأصواتهم في أول انتخابات بلدية منذ الثورة.",
            "وبلغت نسبة المشاركة ثلاثين في المئة.",
            "وتعلن النتائج غداً."
        ]
    );
}

#[test]
fn honours_data_fahras_attributes_over_heuristics() {
    let doc = only_document(read("good/pages/marked.html"));
    assert_eq!(doc.title, "الطاقة الشمسية تضيء قرى الصعيد");
    assert_eq!(doc.author.as_deref(), Some("هدى منصور"));
    assert_eq!(
        doc.published.as_deref(),
        Some("2023-04-02"),
        "the <time datetime>"
    );
    assert_eq!(doc.section.as_deref(), Some("بيئة"));
    assert_eq!(doc.tags, ["طاقة", "صعيد"]);
    assert_eq!(
        doc.url.as_deref(),
        Some("https://example.com/solar-villages")
    );
    assert_eq!(
        doc.body,
        [
            "وصلت ألواح الطاقة الشمسية إلى عشرات القرى في صعيد مصر.",
            "ويقول السكان إن الكهرباء لم تعد تنقطع."
        ],
        "only the marked body, without the data-fahras-ignore advert or the sidebar"
    );
}

#[test]
fn falls_back_to_json_ld_for_metadata_and_the_page_body_without_chrome() {
    let doc = only_document(read("good/pages/linked-data.html"));
    assert_eq!(doc.title, "سباق الهجن في الإمارات");
    assert_eq!(doc.published.as_deref(), Some("2017-02-03T07:15+04:00"));
    assert_eq!(doc.author.as_deref(), Some("راشد"));
    assert_eq!(doc.source.as_deref(), Some("صحيفة الصحراء"));
    assert_eq!(doc.section.as_deref(), Some("رياضة"));
    assert_eq!(doc.tags, ["هجن", "رياضة تراثية"]);
    assert_eq!(doc.url.as_deref(), Some("https://example.com/camel-race"));
    assert_eq!(doc.body, ["انطلق سباق الهجن السنوي بمشاركة ألف مطية."]);
}

#[test]
fn leaves_out_pages_marked_data_fahras_ignore() {
    assert_eq!(
        read("good/pages/ignored.html")[0].outcome,
        Ok(Outcome::Skipped("marked data-fahras-ignore".into()))
    );
}

#[test]
fn html_without_a_title_or_with_a_bad_date_is_a_record_error() {
    let message = problem_at(&read("bad/no-title.html"), Location::File);
    assert!(
        message.contains("missing title") && message.contains("og:title"),
        "{message}"
    );
    let message = problem_at(&read("bad/bad-date.html"), Location::File);
    assert!(
        message.contains("unparseable date \"الأسبوع الماضي\"")
            && message.contains("article:published_time"),
        "{message}"
    );
}

#[test]
fn derives_a_page_url_from_its_path_under_the_site_url() {
    let options = Options {
        site_url: Some("https://example.com/".into()),
        ..Options::default()
    };
    let file = InputFile {
        path: "unused".into(),
        name: "2024/story/index.html".into(),
        format: Format::Html,
        explicit: false,
    };
    let doc = only_document(parse_bytes(b"<title>t</title><p>x</p>", &file, &options));
    assert_eq!(doc.url.as_deref(), Some("https://example.com/2024/story/"));
    assert_eq!(doc.id, "https://example.com/2024/story/");
}

// ---------------------------------------------------------------------------------------
// Feeds

#[test]
fn reads_rss_items_with_content_encoded_creator_and_categories() {
    let docs = documents(read("good/feeds/news.rss"));
    assert_eq!(docs.len(), 2);
    let first = &docs[0];
    assert_eq!(first.id, "news-1001", "the guid");
    assert_eq!(first.title, "إطلاق قمر صناعي عربي جديد", "not media:title");
    assert_eq!(
        first.url.as_deref(),
        Some("https://news.example.com/satellite")
    );
    assert_eq!(
        first.published.as_deref(),
        Some("2023-03-07T14:05+03:00"),
        "the offset as written"
    );
    assert_eq!(first.author.as_deref(), Some("عمر الفاروق"));
    assert_eq!(
        first.source.as_deref(),
        Some("وكالة أنباء المثال"),
        "the channel's title"
    );
    assert_eq!(first.tags, ["علوم", "فضاء"]);
    assert_eq!(first.section, None);
    // A site whose `[fields] section` names `category`: the first category is the section.
    let mut options = Options::default();
    options.fields.set(
        fahras::ingest::Field::Section,
        vec!["category".into(), "section".into()],
    );
    let mapped = documents(read_file(&input("good/feeds/news.rss"), &options));
    assert_eq!(
        (mapped[0].section.as_deref(), mapped[0].tags.as_slice()),
        (Some("علوم"), &["فضاء".to_owned()][..])
    );
    assert_eq!(
        first.body,
        [
            "أُطلق القمر الصناعي من قاعدة فضائية صباح اليوم.",
            "ويهدف إلى رصد التغيرات المناخية\u{a0}في المنطقة."
        ],
        "content:encoded rather than the description; &nbsp; kept as a no-break space"
    );
    let second = &docs[1];
    assert_eq!(second.title, "Dates & entities: a test item");
    assert_eq!(
        second.id, "https://news.example.com/entities",
        "no guid: the link"
    );
    assert_eq!(second.published.as_deref(), Some("2023-03-08T09:00Z"));
    assert_eq!(second.author.as_deref(), Some("Jane Doe"));
    assert_eq!(second.body, ["Plain text with ف and & in it."]);
}

#[test]
fn reads_atom_entries_with_xhtml_content_and_alternate_links() {
    let docs = documents(read("good/feeds/blog.atom"));
    assert_eq!(docs[0].title, "الذكاء الاصطناعي والترجمة");
    assert_eq!(
        docs[0].url.as_deref(),
        Some("https://blog.example.com/ai-translation")
    );
    assert_eq!(docs[0].id, "tag:blog.example.com,2024:1");
    assert_eq!(
        docs[0].published.as_deref(),
        Some("2024-01-10T12:00+02:00"),
        "updated, lacking published"
    );
    assert_eq!(docs[0].author.as_deref(), Some("رنا"));
    assert_eq!(docs[0].tags, ["تقنية"], "the category's label");
    assert_eq!(
        docs[0].body,
        [
            "تتحسن الترجمة الآلية إلى العربية عاماً بعد عام.",
            "لكن اللهجات ما زالت تحدياً."
        ]
    );
    assert_eq!(docs[0].source.as_deref(), Some("مدونة التقنية"));
    assert_eq!(docs[1].published.as_deref(), Some("2024-01-11"));
    assert_eq!(docs[1].body, ["ملخص قصير فقط."]);
}

#[test]
fn decodes_a_feed_in_windows_1256() {
    let doc = only_document(read("good/feeds/legacy-1256.xml"));
    assert_eq!(doc.title, "خبر بترميز ويندوز العربي");
    assert_eq!(doc.source.as_deref(), Some("صحيفة قديمة"));
}

#[test]
fn reports_bad_feed_items_by_number_and_line() {
    let parsed = read("bad/items.rss");
    assert!(parsed[0].outcome.is_ok(), "{parsed:#?}");
    let date = problem_at(
        &parsed,
        Location::Item {
            number: 2,
            line: 10,
        },
    );
    assert!(
        date.contains("unparseable date \"الاثنين الماضي\""),
        "{date}"
    );
    let title = problem_at(
        &parsed,
        Location::Item {
            number: 3,
            line: 15,
        },
    );
    assert!(title.contains("missing title"), "{title}");
}

#[test]
fn malformed_xml_fails_the_whole_file_with_its_line() {
    let message = problem_at(&read("bad/malformed.rss"), Location::File);
    assert!(message.starts_with("malformed XML at line 7:"), "{message}");
}

#[test]
fn passes_over_xml_that_is_not_a_feed_in_a_folder_but_not_when_named() {
    let mut file = input("good/feeds/sitemap.xml");
    assert!(
        matches!(&read_file(&file, &Options::default())[0].outcome, Ok(Outcome::Skipped(r)) if r.contains("<urlset>"))
    );
    file.explicit = true;
    let message = problem_at(&read_file(&file, &Options::default()), Location::File);
    assert!(message.contains("not an RSS or Atom feed"), "{message}");
}

// ---------------------------------------------------------------------------------------
// Files, the pipeline, the configuration

#[test]
fn discovers_files_recursively_in_name_order_passing_over_readmes() {
    let files = discover(&[fixtures().join("good")]).unwrap();
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "archive.json",
            "articles.jsonl",
            "feeds/blog.atom",
            "feeds/legacy-1256.xml",
            "feeds/news.rss",
            "feeds/sitemap.xml",
            "jsonfeed.json",
            "pages/article.html",
            "pages/ignored.html",
            "pages/linked-data.html",
            "pages/marked.html",
            "posts/draft.md",
            "posts/english-post.md",
            "posts/olive-harvest.md",
            "posts/water-toml.md",
            "single.json",
        ]
    );
    let err = discover(&[fixtures().join("does-not-exist")]).unwrap_err();
    assert!(
        err.contains("does-not-exist") && err.contains("no such file"),
        "{err}"
    );
}

#[test]
fn lists_duplicate_ids_across_files_naming_the_first_use() {
    let files = discover(&[
        fixtures().join("good/single.json"),
        fixtures().join("good/single.json"),
    ])
    .unwrap();
    let built = build_index(
        &files,
        &Options::default(),
        Config::default().index_builder().unwrap(),
        |_| {},
    );
    assert_eq!(built.documents, 1);
    assert_eq!(built.problems.len(), 1);
    assert!(
        built.problems[0]
            .message
            .contains("duplicate id \"single-1\": already used by")
            && built.problems[0].message.contains("single.json"),
        "{:?}",
        built.problems
    );
}

#[test]
fn the_good_fixtures_index_and_search_in_arabic() {
    let files = discover(&[fixtures().join("good")]).unwrap();
    let built = build_index(
        &files,
        &Options::default(),
        Config::default().index_builder().unwrap(),
        |_| {},
    );
    assert!(built.problems.is_empty(), "{:#?}", built.problems);
    assert_eq!(
        built.skipped.len(),
        3,
        "a draft, an ignored page, a sitemap: {:#?}",
        built.skipped
    );
    assert_eq!(built.documents, 18);
    let searcher = Searcher::new(Index::from_bytes(built.index).unwrap());
    let hits = searcher
        .search("الزيتون", &SearchOptions::default())
        .unwrap()
        .hits;
    let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    assert!(
        ids.contains(&"posts/olive-harvest") && ids.contains(&"https://example.com/blog/1"),
        "{ids:?}"
    );
    let hits = searcher
        .search("تلغرام", &SearchOptions::default())
        .unwrap()
        .hits;
    assert!(
        hits.iter().any(|h| h.id == "arr-1"),
        "another spelling of تيليجرام"
    );
}

#[test]
fn applies_field_weights_from_fahras_toml() {
    let config = Config::parse("[weights]\ntitle = 7.5\n", Path::new(".")).unwrap();
    let files = discover(&[fixtures().join("good/single.json")]).unwrap();
    let built = build_index(
        &files,
        &config.ingest_options(),
        config.index_builder().unwrap(),
        |_| {},
    );
    let index = Index::from_bytes(built.index).unwrap();
    let title = index
        .fields()
        .iter()
        .find(|f| f.spec.name == "title")
        .unwrap();
    assert_eq!(title.spec.weight, 7.5);
}

#[test]
fn adds_the_sites_taxonomy_to_the_default_entities() {
    let config = Config::parse(
        "[search]\ntaxonomy = \"taxonomy.toml\"\n",
        &fixtures().join("config"),
    )
    .unwrap();
    let files = discover(&[
        fixtures().join("e2e/akhbar.rss"),
        fixtures().join("good/archive.json"),
    ])
    .unwrap();
    let built = build_index(
        &files,
        &config.ingest_options(),
        config.index_builder().unwrap(),
        |_| {},
    );
    let index = Index::from_bytes(built.index).unwrap();
    let values = |facet: &str| -> Vec<String> {
        index
            .facet(facet)
            .map(|f| f.values.iter().map(|v| v.value.clone()).collect())
            .unwrap_or_default()
    };
    assert_eq!(values("place"), ["siwa"], "the site's entity");
    assert!(
        values("platform").contains(&"telegram".to_owned()),
        "and the default ones"
    );
}

#[test]
fn reads_the_seed_corpus_exactly_as_the_corpus_reader_does() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let files = discover(std::slice::from_ref(&dir)).unwrap();
    let ours: Vec<Document> = files
        .iter()
        .flat_map(|f| documents(read_file(f, &Options::default())))
        .collect();
    let theirs = corpus::read_dir(&dir).unwrap();
    assert_eq!(ours.len(), theirs.len());
    for (a, b) in ours.iter().zip(&theirs) {
        assert_eq!(a, b);
    }
    let built = build_index(
        &files,
        &Options::default(),
        Config::default().index_builder().unwrap(),
        |_| {},
    );
    assert!(
        built.index == corpus::build_dir(&dir).unwrap(),
        "the same index, byte for byte"
    );
}

// ---------------------------------------------------------------------------------------
// No input makes a parser panic

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn json_lines_never_panic_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let parsed = json::parse_json_lines(&bytes, "x.jsonl", &Options::default());
        prop_assert!(parsed.len() <= bytes.iter().filter(|&&b| b == b'\n').count() + 1);
    }

    #[test]
    fn json_records_never_panic(text in r#"[\[\]{}",:0-9a-z\\ \n"ـعنو]{0,200}"#) {
        let parsed = json::parse_json(&text, "x.json", &Options::default());
        prop_assert!(!parsed.is_empty() || text.trim_start().starts_with('['));
    }

    #[test]
    fn front_matter_never_panics(text in "(---|\\+\\+\\+|\\{)?\n?[-+:\\[\\]{}\"'&*!|>#a-zعن0-9 \n=]{0,200}") {
        let outcome = markdown::parse_markdown(&text, &FieldMap::default(), &Fallbacks::default());
        if let Ok(Outcome::Document(doc)) = outcome {
            prop_assert!(!doc.title.trim().is_empty());
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic_in_any_format(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        for format in [Format::Json, Format::JsonLines, Format::Markdown, Format::Html, Format::Feed] {
            let file = InputFile { path: "x".into(), name: "x".into(), format, explicit: true };
            for parsed in parse_bytes(&bytes, &file, &Options::default()) {
                if let Ok(Outcome::Document(doc)) = parsed.outcome {
                    prop_assert!(doc.validate("x").is_ok(), "{:?}", doc);
                }
            }
        }
    }

    #[test]
    fn markup_never_panics(text in "[<>/a-z =\"'!&;#\\[\\]CDATA\\-ـعنو\n]{0,300}") {
        let _ = html::extract(&text);
        let _ = feed::parse_feed(&format!("<rss><channel><item>{text}</item></channel></rss>"), "x", &Options::default());
        let _ = normalize_date(&text);
        prop_assert!(html::fragment_paragraphs(&text).iter().all(|p| !p.trim().is_empty()));
    }
}

#[test]
fn the_fahras_toml_example_in_the_readme_is_valid() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = &readme[readme
        .find("### fahras.toml")
        .expect("the README documents fahras.toml")..];
    let start = section.find("```toml\n").unwrap() + "```toml\n".len();
    let example = &section[start..start + section[start..].find("```").unwrap()];
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("stop-words.txt"),
        "# one word per line\nإلخ\n",
    )
    .unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    std::fs::copy(data.join("taxonomy.toml"), dir.path().join("taxonomy.toml")).unwrap();
    std::fs::copy(data.join("aliases.tsv"), dir.path().join("aliases.tsv")).unwrap();
    std::fs::write(dir.path().join("plurals.txt"), "صاروخ صواريخ\n").unwrap();
    let config = Config::parse(example, dir.path()).unwrap_or_else(|e| panic!("{e}\n{example}"));
    assert_eq!(
        config
            .ingest_options()
            .fields
            .keys(fahras::ingest::Field::Title),
        ["headline", "title"]
    );
    assert_eq!(config.search.stop_words, ["إلخ"]);
    assert_eq!(config.search.facets, ["section", "tag", "year"]);
    // The aliases, stop words and plurals reach the index builder.
    assert_eq!(
        config.analysis_settings().unwrap().plurals,
        "صاروخ صواريخ\n"
    );
    config.index_builder().unwrap();
}
