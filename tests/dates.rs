//! Dates mentioned in Arabic news text (`fahras::dates`).
//!
//! The seed table lists **every date expression of the five seed articles**, written from
//! reading them (see `corpus/README.md` for the per-seed notes), with the date each must
//! give. A test runs `find_dates` over every field of every seed document and checks that
//! it finds exactly the table: nothing missing, nothing extra.
#![cfg(not(target_arch = "wasm32"))]

use fahras::dates::{
    document_dates, find_dates, parse_published, DateKind, DateMention, PartialDate, Season,
};
use fahras::{corpus, Document};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

fn documents() -> &'static [Document] {
    static DOCS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCS.get_or_init(|| {
        corpus::read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap()
    })
}

fn date(s: &str) -> PartialDate {
    s.parse().unwrap()
}

/// `(span as written, date)` of each mention.
fn found(text: &str, reference: Option<&str>) -> Vec<(String, String)> {
    find_dates(text, reference.map(date))
        .iter()
        .map(|m| (text[m.start..m.end].to_owned(), m.date.to_string()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

/// Every date expression of the seed corpus: (seed id prefix, the expression as written,
/// the date it must give with the article's own reference date, its kind). Only seed 000
/// has a publication date (2018-12-20); the yearless expressions of the other seeds are
/// therefore dropped (date `None`) and are checked again below with a supposed reference.
const SEED_TABLE: &[(&str, &str, Option<&str>, DateKind)] = &[
    // 000 (published 2018-12-20T11:34)
    ("000", "14 ديسمبر", Some("2018-12-14"), DateKind::Resolved),
    ("000", "أبريل الماضي", Some("2018-04"), DateKind::Resolved),
    ("000", "أكتوبر 2017", Some("2017-10"), DateKind::MonthYear),
    ("000", "23 نوفمبر2017", Some("2017-11-23"), DateKind::Full),
    // 001 (no date): the subtitle and body
    ("001", "منذ 2015", Some("2015"), DateKind::Year),
    ("001", "يونيو 2014", Some("2014-06"), DateKind::MonthYear),
    ("001", "نهاية 2014", Some("2014"), DateKind::Year),
    ("001", "10 إبريل 2015", Some("2015-04-10"), DateKind::Full),
    ("001", "فبراير 2016", Some("2016-02"), DateKind::MonthYear),
    (
        "001",
        "أغسطس من نفس العام",
        Some("2016-08"),
        DateKind::SameYear,
    ),
    // 002 (no date)
    (
        "002",
        "خريف 2017",
        Some("2017-09"),
        DateKind::Season(Season::Autumn),
    ),
    (
        "002",
        "ربيع 2018",
        Some("2018-03"),
        DateKind::Season(Season::Spring),
    ),
    ("002", "29 تشرين الثاني", None, DateKind::Resolved),
    // 003 (no date)
    ("003", "29 تشرين الثاني/نوفمبر", None, DateKind::Resolved),
    ("003", "3 كانون الأول/ديسمبر", None, DateKind::Resolved),
    ("003", "عام 2017", Some("2017"), DateKind::Year),
    ("003", "تشرين الأول/أكتوبر الماضي", None, DateKind::Resolved),
    ("003", "العام 2016", Some("2016"), DateKind::Year),
    ("003", "21 كانون الثاني/يناير", None, DateKind::Resolved),
    // 004 (no date)
    ("004", "منذ 2015", Some("2015"), DateKind::Year),
    ("004", "نهاية 2017", Some("2017"), DateKind::Year),
    ("004", "عام 2017", Some("2017"), DateKind::Year),
    ("004", "أكتوبر الماضى", None, DateKind::Resolved),
];

/// The seed text around each expression (verbatim from the corpus), to check that the
/// table is about the corpus as it is, and which expressions appear more than once.
fn fields(doc: &Document) -> Vec<&str> {
    std::iter::once(doc.title.as_str())
        .chain(doc.subtitle.as_deref())
        .chain(doc.body.iter().map(String::as_str))
        .collect()
}

#[test]
fn every_table_expression_is_in_its_seed_article() {
    for (seed, expression, _, _) in SEED_TABLE {
        let doc = documents().iter().find(|d| d.id.starts_with(seed)).unwrap();
        assert!(
            fields(doc).iter().any(|f| f.contains(expression)),
            "{expression:?} is not in seed {seed}"
        );
    }
}

#[test]
fn finds_exactly_the_date_expressions_of_the_seed_corpus() {
    let mut expected = BTreeSet::new();
    for (seed, expression, date, kind) in SEED_TABLE {
        if let Some(date) = date {
            expected.insert((
                seed.to_string(),
                expression.to_string(),
                date.to_string(),
                format!("{kind:?}"),
            ));
        }
    }
    let mut got = BTreeSet::new();
    for doc in documents() {
        let reference = doc.published.as_deref().and_then(parse_published);
        for field in fields(doc) {
            for m in find_dates(field, reference) {
                got.insert((
                    doc.id[..3].to_owned(),
                    field[m.start..m.end].to_owned(),
                    m.date.to_string(),
                    format!("{:?}", m.kind),
                ));
            }
        }
    }
    let missing: Vec<_> = expected.difference(&got).collect();
    let extra: Vec<_> = got.difference(&expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:#?}\nextra {extra:#?}"
    );
}

#[test]
fn yearless_seed_expressions_resolve_against_a_supposed_reference() {
    // If 002 and 003 had been published on 1 February 2019 and 004 on 15 January 2018:
    type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
    let cases: &[Case] = &[
        (
            "فشل داعش في العمل على تام تام في ربيع 2018، إلا إنه اعتمد عليه مؤخراً لنشر أخبار \
             عملية الطعن على جسر لندن في 29 تشرين الثاني والتي شهدت",
            "2019-02-01",
            &[("ربيع 2018", "2018-03"), ("29 تشرين الثاني", "2018-11-29")],
        ),
        (
            "هجوما نفذ في 29 تشرين الثاني/نوفمبر عند جسر لندن",
            "2019-02-01",
            &[("29 تشرين الثاني/نوفمبر", "2018-11-29")],
        ),
        (
            "ولكن مع حلول 3 كانون الأول/ديسمبر، كان تطبيق",
            "2019-02-01",
            &[("3 كانون الأول/ديسمبر", "2018-12-03")],
        ),
        (
            "فذكر في تشرين الأول/أكتوبر الماضي موظف في تيك توك",
            "2019-02-01",
            &[("تشرين الأول/أكتوبر الماضي", "2018-10")],
        ),
        (
            "ونشرت في 21 كانون الثاني/يناير، أن القيادة السيبرانية",
            "2019-02-01",
            &[("21 كانون الثاني/يناير", "2019-01-21")],
        ),
        (
            "ووفقاً لإحصائيات، نشرت فى أكتوبر الماضى، يمتلك تنظيم داعش",
            "2018-01-15",
            &[("أكتوبر الماضى", "2017-10")],
        ),
    ];
    for (text, reference, want) in cases {
        assert_eq!(found(text, Some(reference)), pairs(want), "{text}");
        assert!(
            found(text, None).iter().all(|(span, _)| span.contains('2')),
            "without a reference only written years remain: {text}"
        );
    }
}

#[test]
fn seed_header_and_caption_dates() {
    // Seed 000's dateline (the source of its `published`) and seed 003's photo caption,
    // both removed from the corpus text but worth reading.
    let header = "الخميس 20/ديسمبر/2018 - 11:34 ص";
    assert_eq!(
        found(header, None),
        pairs(&[("20/ديسمبر/2018", "2018-12-20")])
    );
    let caption = "لقطة شاشة من فيديو لداعش نشر عبر الإنترنت في 6 أيار/مايو 2018، يظهر فيه عناصر";
    assert_eq!(
        found(caption, None),
        pairs(&[("6 أيار/مايو 2018", "2018-05-06")])
    );
    let policy = "سياسة ديارنا بشأن التعليقات * معلومات ضرورية 1500 / 1500";
    assert_eq!(found(policy, None), pairs(&[]));
}

#[test]
fn published_dates() {
    assert_eq!(
        parse_published("2018-12-20T11:34"),
        Some(date("2018-12-20"))
    );
    assert_eq!(parse_published("2018-12-20"), Some(date("2018-12-20")));
    assert_eq!(
        parse_published("2018-12-20T11:34:05+03:00"),
        Some(date("2018-12-20"))
    );
    assert_eq!(parse_published("2018-12"), Some(date("2018-12")));
    assert_eq!(parse_published("2018"), Some(date("2018")));
    for bad in [
        "",
        "20/12/2018",
        "2018-13-01",
        "2019-02-29",
        "2018-12-20 11:34",
        "٢٠١٨-١٢-٢٠",
        "2018-1-2",
    ] {
        assert_eq!(parse_published(bad), None, "{bad:?}");
    }
    let seed = documents()
        .iter()
        .find(|d| d.id.starts_with("000"))
        .unwrap();
    assert_eq!(
        parse_published(seed.published.as_deref().unwrap()),
        Some(date("2018-12-20"))
    );
}

#[test]
fn both_month_systems_and_every_spelling() {
    let cases: &[(&str, &str)] = &[
        ("يناير 2019", "2019-01"),
        ("كانون الثاني 2019", "2019-01"),
        ("كانون ثاني 2019", "2019-01"),
        ("جانفي 2019", "2019-01"),
        ("فبراير 2019", "2019-02"),
        ("شباط 2019", "2019-02"),
        ("مارس 2019", "2019-03"),
        ("آذار 2019", "2019-03"),
        ("أذار 2019", "2019-03"),
        ("أبريل 2019", "2019-04"),
        ("إبريل 2019", "2019-04"),
        ("ابريل 2019", "2019-04"),
        ("أفريل 2019", "2019-04"),
        ("نيسان 2019", "2019-04"),
        ("مايو 2019", "2019-05"),
        ("أيار 2019", "2019-05"),
        ("ايار 2019", "2019-05"),
        ("يونيو 2019", "2019-06"),
        ("يونيه 2019", "2019-06"),
        ("حزيران 2019", "2019-06"),
        ("يوليو 2019", "2019-07"),
        ("يوليه 2019", "2019-07"),
        ("تموز 2019", "2019-07"),
        ("جويلية 2019", "2019-07"),
        ("أغسطس 2019", "2019-08"),
        ("اغسطس 2019", "2019-08"),
        ("آب 2019", "2019-08"),
        ("سبتمبر 2019", "2019-09"),
        ("أيلول 2019", "2019-09"),
        ("أكتوبر 2019", "2019-10"),
        ("تشرين الأول 2019", "2019-10"),
        ("تشرين الاول 2019", "2019-10"),
        ("نوفمبر 2019", "2019-11"),
        ("تشرين الثاني 2019", "2019-11"),
        ("ديسمبر 2019", "2019-12"),
        ("كانون الأول 2019", "2019-12"),
        ("كانونُ الأوّل 2019", "2019-12"),
        ("ديسمـــبر 2019", "2019-12"),
    ];
    for (text, want) in cases {
        assert_eq!(found(text, None), pairs(&[(text, want)]), "{text}");
    }
}

#[test]
fn written_date_forms() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("في 10 إبريل 2015،", &[("10 إبريل 2015", "2015-04-10")]),
        ("في ١٠ أبريل ٢٠١٥،", &[("١٠ أبريل ٢٠١٥", "2015-04-10")]),
        ("في ۱۰ أبريل ۲۰۱۵،", &[("۱۰ أبريل ۲۰۱۵", "2015-04-10")]),
        ("يوم 23 نوفمبر2017 توقف", &[("23 نوفمبر2017", "2017-11-23")]),
        (
            "في 6 أيار/مايو 2018،",
            &[("6 أيار/مايو 2018", "2018-05-06")],
        ),
        (
            "في 6 أيار (مايو) 2018،",
            &[("6 أيار (مايو) 2018", "2018-05-06")],
        ),
        ("آب/أغسطس 2017", &[("آب/أغسطس 2017", "2017-08")]),
        (
            "كانون الثاني/يناير 2019",
            &[("كانون الثاني/يناير 2019", "2019-01")],
        ),
        (
            "في 15 من ديسمبر 2016",
            &[("15 من ديسمبر 2016", "2016-12-15")],
        ),
        ("أغسطس من عام 2016", &[("أغسطس من عام 2016", "2016-08")]),
        (
            "الخميس 20/12/2018 - 11:34 ص",
            &[("20/12/2018", "2018-12-20")],
        ),
        ("الخميس ٢٠/١٢/٢٠١٨", &[("٢٠/١٢/٢٠١٨", "2018-12-20")]),
        ("في 20-12-2018", &[("20-12-2018", "2018-12-20")]),
        ("في 20.12.2018", &[("20.12.2018", "2018-12-20")]),
        ("في 2018/12/20", &[("2018/12/20", "2018-12-20")]),
        ("نشر 2018-12-20T11:34", &[("2018-12-20", "2018-12-20")]),
        ("في 29 فبراير 2016", &[("29 فبراير 2016", "2016-02-29")]),
        ("في العام 2016 على الأقل", &[("العام 2016", "2016")]),
        ("وفي عام 2017، أعلن", &[("عام 2017", "2017")]),
        ("لعام 2017", &[("لعام 2017", "2017")]),
        ("للعام 2017", &[("للعام 2017", "2017")]),
        ("سنة 1948", &[("سنة 1948", "1948")]),
        (
            "منذ 2015 وحتى نهاية 2017.",
            &[("منذ 2015", "2015"), ("نهاية 2017", "2017")],
        ),
        ("ومنذ عام 2014", &[("ومنذ عام 2014", "2014")]),
        ("بداية عام 2015", &[("بداية عام 2015", "2015")]),
        ("أواخر 2016", &[("أواخر 2016", "2016")]),
        (
            "بين عامي 2016 و2017",
            &[("عامي 2016", "2016"), ("2017", "2017")],
        ),
        ("حدث ذلك في 2016، ثم", &[("2016", "2016")]),
        ("حدث ذلك في 2016.", &[("2016", "2016")]),
        ("حدث ذلك خلال 2016", &[("2016", "2016")]),
        ("خريف 2017", &[("خريف 2017", "2017-09")]),
        ("في خريف عام 2017", &[("خريف عام 2017", "2017-09")]),
        ("ربيع 2018", &[("ربيع 2018", "2018-03")]),
        ("صيف 2016", &[("صيف 2016", "2016-06")]),
        ("شتاء 2018", &[("شتاء 2018", "2018")]),
        ("وفي الشتاء 2018", &[("الشتاء 2018", "2018")]),
        ("في 5 آب 2017", &[("5 آب 2017", "2017-08-05")]),
        ("في 5 آب", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(found(text, None), pairs(want), "{text}");
    }
}

#[test]
fn seasons_carry_their_range() {
    let m = find_dates("خريف 2017", None);
    assert_eq!(m[0].kind, DateKind::Season(Season::Autumn));
    assert_eq!(Season::Autumn.months(), (9, 11));
    let w = find_dates("شتاء 2018", None);
    assert_eq!(w[0].kind, DateKind::Season(Season::Winter));
    assert_eq!(w[0].date, date("2018"));
}

#[test]
fn a_season_is_each_of_its_months_for_the_timeline() {
    use fahras::index::facets::Extractor;
    let doc = Document {
        title: "حملة ضد التنظيم".into(),
        body: vec!["بدأت في خريف 2017 وتوقفت في شتاء 2018.".into()],
        ..Default::default()
    };
    let extracted = fahras::dates::DateExtractor.extract(&Default::default(), &doc);
    // Autumn 2017: September, October, November; winter 2018: the year only.
    assert_eq!(
        extracted.dates,
        vec![20170900, 20171000, 20171100, 20180000]
    );
}

#[test]
fn months_without_a_year_need_a_reference() {
    // (text, found with the reference 2018-12-20, found with the year-only reference 2018)
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [(&'a str, &'a str)]);
    let cases: &[Case] = &[
        (
            "بداية من يوم 14 ديسمبر، يمكن",
            &[("14 ديسمبر", "2018-12-14")],
            &[],
        ),
        ("يوم 21 ديسمبر", &[("21 ديسمبر", "2017-12-21")], &[]),
        ("للتنظيم أبريل الماضي.", &[("أبريل الماضي", "2018-04")], &[]),
        ("في ديسمبر الماضي", &[("ديسمبر الماضي", "2017-12")], &[]),
        ("في فبراير المقبل", &[("فبراير المقبل", "2019-02")], &[]),
        ("في أكتوبر وقع", &[("أكتوبر", "2018-10")], &[]),
        ("وحتى أغسطس", &[("أغسطس", "2018-08")], &[]),
        ("في شهر آب", &[("آب", "2018-08")], &[]),
        ("في آب الماضي", &[("آب الماضي", "2018-08")], &[]),
        (
            "29 تشرين الثاني/نوفمبر الماضي",
            &[("29 تشرين الثاني/نوفمبر الماضي", "2018-11-29")],
            &[],
        ),
        ("الشهر الماضي", &[("الشهر الماضي", "2018-11")], &[]),
        ("الشهر المقبل", &[("الشهر المقبل", "2019-01")], &[]),
        // These need only the reference's year.
        (
            "في ديسمبر الجاري",
            &[("ديسمبر الجاري", "2018-12")],
            &[("ديسمبر الجاري", "2018-12")],
        ),
        (
            "العام الماضي",
            &[("العام الماضي", "2017")],
            &[("العام الماضي", "2017")],
        ),
        (
            "خلال السنة المقبلة",
            &[("السنة المقبلة", "2019")],
            &[("السنة المقبلة", "2019")],
        ),
        (
            "للعام الماضي",
            &[("للعام الماضي", "2017")],
            &[("للعام الماضي", "2017")],
        ),
        (
            "هذا العام",
            &[("هذا العام", "2018")],
            &[("هذا العام", "2018")],
        ),
    ];
    for (text, with_day, with_year) in cases {
        assert_eq!(found(text, Some("2018-12-20")), pairs(with_day), "{text}");
        assert_eq!(
            found(text, Some("2018")),
            pairs(with_year),
            "{text} (year-only reference)"
        );
        assert_eq!(found(text, None), pairs(&[]), "{text} (no reference)");
    }
    // The same month without الماضي: on or before the reference, so this December.
    assert_eq!(
        found("في ديسمبر", Some("2018-12-20")),
        pairs(&[("ديسمبر", "2018-12")])
    );
    // A bare month with nothing before it is not read as a date.
    assert_eq!(
        found("أكتوبر هو الشهر العاشر", Some("2018-12-20")),
        pairs(&[])
    );
}

#[test]
fn not_dates() {
    let r = Some("2018-12-20");
    let negatives = [
        // آب in WhatsApp, آبل (Apple), أب (father)
        "وقد أقدمت أبرز شبكات التواصل الاجتماعي ومنها فيسبوك وتويتر وواتس آب وتيليغرام",
        "4- بريطانيا تطارد \"واتس آب\"",
        "وكان تطبيق واتس آب، المملوك لشركة فيس بوك",
        "واتس آب 2017",
        "واتس آب الماضي",
        "منها تطبيق آبل «iMessage»",
        "قال الأب الماضي في طريقه",
        "أب الماضي",
        // numbers that are not years
        "حظر أكثر من 8500 قناة مسؤولة",
        "أن يصل إلى أكثر من 2000 قناة شهرياً",
        "وتابع أن نحو 2000 شخص اعتقلوا",
        "إيقاف حوالى 274.460 حساب بشكل دائم",
        "حذف 1.2 مليون حساب إرهابى",
        "ارتفع بنسبة 2017% و ٢٠١٧٪",
        "نحو ٣٫٥ مليون و1,000,000",
        "معلومات ضرورية 1500 / 1500",
        "منذ 1500 عام",
        "منذ 2000 عام",
        "شارك في 2000 عملية",
        "قبل 2000 ساعة",
        "عام 1440 هـ",
        "في 12 ربيع الأول 1440",
        "ربيع الآخر 1439",
        "الربيع العربي",
        "أودت بحياة 49قتيلاً",
        "خلال 48 ساعة",
        "مدتها 15 ثانية",
        "الأعوام الثلاثة الماضية",
        // verbs and names that spell a month
        "مارس التنظيم نشاطه",
        "مارس الضغط الماضي",
        "سيارة نيسان الجديدة",
        "تريزا ماى رئيسة الوزراء",
        "حميد شباط زعيم الحزب",
        "الخميس الماضى والأربعاء",
        "الأسبوع الماضي",
        "كانون النار",
        // event names, not dates of the reference's year
        "هجمات 11 سبتمبر",
        "ثورة 25 يناير",
        // invalid days and dates
        "في 31 نوفمبر",
        "في 45 مارس",
        "في 30/02/2018",
        "في 20/13/2018",
        "رقم 0123-456-7890",
        "الإصدار 1.2.3",
    ];
    for text in negatives {
        assert_eq!(found(text, r), pairs(&[]), "{text}");
    }
    // 29 February of a common year is no date at all.
    assert_eq!(found("29 فبراير 2019", None), pairs(&[]));
}

#[test]
fn document_dates_counts_with_the_published_reference() {
    let doc = documents()
        .iter()
        .find(|d| d.id.starts_with("000"))
        .unwrap();
    let got: Vec<(String, u32)> = document_dates(doc)
        .iter()
        .map(|(d, n)| (d.to_string(), *n))
        .collect();
    let want: Vec<(String, u32)> = ["2017-10", "2017-11-23", "2018-04", "2018-12-14"]
        .iter()
        .map(|d| (d.to_string(), 1))
        .collect();
    assert_eq!(got, want);
}

fn check_mentions(text: &str, mentions: &[DateMention]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for m in mentions {
        prop_assert!(m.start < m.end && m.end <= text.len());
        prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        prop_assert!(m.start >= last_end, "mentions overlap: {mentions:?}");
        last_end = m.end;
        prop_assert_eq!(m.date.to_string().parse::<PartialDate>().unwrap(), m.date);
    }
    Ok(())
}

/// Pieces that make up date expressions, so random texts reach the interesting paths.
const VOCABULARY: &[&str] = &[
    "2017",
    "٢٠١٨",
    "14",
    "29",
    "3",
    "31",
    "1440",
    "8500",
    "2000",
    ".",
    "/",
    "-",
    "،",
    "(",
    ")",
    "%",
    "نوفمبر",
    "تشرين",
    "الثاني",
    "الأول",
    "كانون",
    "آب",
    "واتس",
    "مارس",
    "شهر",
    "عام",
    "العام",
    "عامي",
    "و",
    "منذ",
    "نهاية",
    "في",
    "حتى",
    "خريف",
    "ربيع",
    "شتاء",
    "الماضي",
    "المقبل",
    "الجاري",
    "من",
    "نفس",
    "هذا",
    "الشهر",
    "هـ",
    "ساعة",
    "هجمات",
    "أيار",
    "مايو",
    "وأكتوبر",
    "للعام",
    "ـ",
    "\u{064F}",
    " ",
    "  ",
    "\u{00A0}",
    "x",
];

proptest! {
    #[test]
    fn arbitrary_text_never_panics_and_offsets_are_boundaries(text in any::<String>()) {
        for reference in [None, Some(date("2018-12-20")), Some(date("2018"))] {
            check_mentions(&text, &find_dates(&text, reference))?;
        }
    }

    #[test]
    fn date_like_text_never_panics(pieces in prop::collection::vec(0..VOCABULARY.len(), 0..24),
                                   glue in prop::collection::vec(prop::bool::ANY, 24)) {
        let mut text = String::new();
        for (k, &p) in pieces.iter().enumerate() {
            text.push_str(VOCABULARY[p]);
            if glue[k] {
                text.push(' ');
            }
        }
        for reference in [None, Some(date("2018-12-20")), Some(date("0001-01-01")), Some(date("9999-12-31"))] {
            check_mentions(&text, &find_dates(&text, reference))?;
        }
    }

    #[test]
    fn partial_dates_round_trip(y in 1i32..=9999, m in prop::option::of(1u8..=12), d in 1u8..=31) {
        let day = m.map(|_| d);
        if let Some(p) = PartialDate::new(y, m, day) {
            prop_assert_eq!(p.to_string().parse::<PartialDate>().unwrap(), p);
        }
    }
}
