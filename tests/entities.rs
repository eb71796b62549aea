//! Entities from a taxonomy (`fahras::entities`).
//!
//! Two independent checks on the seed corpus:
//! - a **substring scan** of the raw text (a small letter fold, no analyzer, no tokenizer)
//!   for every spelling of the default taxonomy must give the same entities and counts as
//!   the matcher: every spelling that occurs is counted, and nothing else is;
//! - the entity sets written below **by reading the articles** must be what the matcher
//!   gives (so a spelling missing from the taxonomy, or a wrong one, shows up here).
#![cfg(not(target_arch = "wasm32"))]

use fahras::entities::{
    Entity, EntityId, EntityMatcher, EntityMention, MentionKind, Taxonomy, ADJECTIVE_ONLY_MIN,
    DEFAULT_TAXONOMY,
};
use fahras::text::Analyzer;
use fahras::{corpus, Document};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;

fn documents() -> &'static [Document] {
    static DOCS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCS.get_or_init(|| {
        corpus::read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap()
    })
}

fn taxonomy() -> &'static Taxonomy {
    static T: OnceLock<Taxonomy> = OnceLock::new();
    T.get_or_init(Taxonomy::default_set)
}

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(Analyzer::default)
}

fn matcher() -> &'static EntityMatcher {
    static M: OnceLock<EntityMatcher> = OnceLock::new();
    M.get_or_init(|| taxonomy().matcher(analyzer()))
}

fn key(id: EntityId) -> String {
    taxonomy().entity(id).unwrap().key()
}

fn fields(doc: &Document) -> Vec<&str> {
    std::iter::once(doc.title.as_str())
        .chain(doc.subtitle.as_deref())
        .chain(doc.body.iter().map(String::as_str))
        .chain(doc.tags.iter().map(String::as_str))
        .collect()
}

fn seed(prefix: &str) -> &'static Document {
    documents()
        .iter()
        .find(|d| d.id.starts_with(prefix))
        .unwrap()
}

/// `facet.id` → count, from the matcher.
fn matched(doc: &Document) -> BTreeMap<String, u32> {
    matcher()
        .document_entities(analyzer(), doc)
        .into_iter()
        .map(|(id, n)| (key(id), n))
        .collect()
}

/// The `facet.id` of each mention of `text`.
fn found(text: &str) -> Vec<String> {
    matcher()
        .find(analyzer(), text)
        .iter()
        .map(|m| key(m.entity))
        .collect()
}

// ---------------------------------------------------------------------------------------
// The independent scan: raw text, folded letter by letter.

/// Folds the letters that Arabic writers vary (hamza seats, ى, ة), drops harakat and
/// tatweel, lower-cases ASCII. One output char per kept input char.
fn fold(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| !matches!(*c as u32, 0x064B..=0x065F | 0x0670 | 0x0640))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' | 'ئ' => 'ي',
            'ة' => 'ه',
            'ؤ' => 'و',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

fn is_letter(c: char) -> bool {
    c.is_alphanumeric()
}

const QUOTES: &[char] = &['"', '\'', '«', '»', '“', '”'];

/// Letters that may be attached before a name: conjunction, preposition, article.
const CLITICS: &[&str] = &[
    "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "ال", "وال", "فال", "بال",
    "كال", "لل", "ولل", "فلل", "وبال", "وكال", "فبال", "فكال",
];

/// Occurrences of `spelling` in the folded text: (start, end) in chars. The letters
/// directly before the first word must be a clitic sequence (a name listed with ال is also
/// found after لل: للعراق); words are separated by any non-letters.
fn occurrences(text: &[char], spelling: &str, quoted: bool) -> Vec<(usize, usize)> {
    occurrences_with_clitics(text, spelling, quoted)
        .into_iter()
        .map(|(s, _, t)| (s, t))
        .collect()
}

/// [`occurrences`] with the clitic letters before each: (start, clitics, end).
fn occurrences_with_clitics(
    text: &[char],
    spelling: &str,
    quoted: bool,
) -> Vec<(usize, String, usize)> {
    let words: Vec<Vec<char>> = fold(spelling)
        .split(|c| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(<[char]>::to_vec)
        .collect();
    let mut out = Vec::new();
    let (first, rest) = words.split_first().unwrap();
    let al: Vec<char> = "ال".chars().collect();
    let bare_first: &[char] = first.strip_prefix(al.as_slice()).unwrap_or(first);
    for p in 0..text.len() {
        if !text[p..].starts_with(bare_first) {
            continue;
        }
        let mut s = p;
        while s > 0 && is_letter(text[s - 1]) {
            s -= 1;
        }
        let prefix: String = text[s..p].iter().collect();
        let ok_prefix = if bare_first.len() < first.len() {
            // the name starts with ال: the article must be there (ال…, وال…, لل…)
            CLITICS
                .iter()
                .any(|c| *c == prefix && (c.ends_with("ال") || c.ends_with("لل")))
        } else {
            CLITICS.contains(&prefix.as_str()) && (prefix.is_empty() || !quoted)
        };
        let mut end = p + bare_first.len();
        if !ok_prefix || text.get(end).is_some_and(|c| is_letter(*c)) {
            continue;
        }
        if quoted
            && !(s > 0
                && QUOTES.contains(&text[s - 1])
                && text.get(end).is_some_and(|c| QUOTES.contains(c)))
        {
            continue;
        }
        let mut all = true;
        for w in rest {
            let mut q = end;
            while q < text.len() && !is_letter(text[q]) {
                q += 1;
            }
            if q == end
                || !text[q..].starts_with(w)
                || text.get(q + w.len()).is_some_and(|c| is_letter(*c))
            {
                all = false;
                break;
            }
            end = q + w.len();
        }
        if all {
            out.push((s, prefix, end));
        }
    }
    out
}

/// `facet.id` → count, from scanning the raw text for the taxonomy's spellings, longest
/// match first, with the adjective rule.
fn scanned(doc: &Document) -> BTreeMap<String, u32> {
    let mut counts: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for field in fields(doc) {
        let text = fold(field);
        // (start, end, facet.id, adjective, after the conjunction و)
        let mut spans: Vec<(usize, usize, String, bool, bool)> = Vec::new();
        // Quoted names written without their quotation marks.
        let mut bare: Vec<(usize, usize, String, bool)> = Vec::new();
        for e in taxonomy().entities() {
            for spelling in &e.quoted {
                let quoted = occurrences(&text, spelling, true);
                for (s, clitics, t) in occurrences_with_clitics(&text, spelling, false) {
                    if !quoted.iter().any(|&(qs, _)| qs <= s && s <= qs + 1) {
                        bare.push((s, t, e.key(), clitics.starts_with('و')));
                    }
                }
            }
            let lists = [
                (&e.names, false, false),
                (&e.latin, false, false),
                (&e.quoted, true, false),
                (&e.adjectives, false, true),
            ];
            for (list, quoted, adjective) in lists {
                for spelling in list {
                    for (s, clitics, t) in occurrences_with_clitics(&text, spelling, quoted) {
                        spans.push((s, t, e.key(), adjective, clitics.starts_with('و')));
                    }
                }
            }
        }
        // Leftmost first, longest first; keep the ones that do not overlap a kept one.
        spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut kept: Vec<(usize, usize, String, bool, bool)> = Vec::new();
        for span in spans {
            if kept.last().is_some_and(|k| span.0 < k.1) {
                continue;
            }
            kept.push(span);
        }
        // A bare quoted name joined by the conjunction و to a name of the same facet and
        // group right before or after it counts too (داعش والقاعدة, القاعدة وداعش), when
        // only spaces, commas and quotation marks stand between; not in a chain.
        let kind = |key: &str| {
            let e = taxonomy().entities().iter().find(|e| e.key() == key);
            (
                key.split('.').next().unwrap_or_default().to_owned(),
                e.and_then(|e| e.group.clone()),
            )
        };
        let joiners = |a: usize, b: usize| {
            a <= b
                && text[a..b]
                    .iter()
                    .all(|c| c.is_whitespace() || matches!(c, ',' | '،') || QUOTES.contains(c))
        };
        let mut joined = Vec::new();
        for (s, t, k, after_and) in &bare {
            if kept.iter().any(|span| span.0 < *t && *s < span.1) {
                continue;
            }
            let names = || {
                kept.iter()
                    .filter(|span| !span.3 && kind(&span.2) == kind(k))
            };
            let after_last = *after_and && names().any(|span| joiners(span.1, *s));
            let before_next = names().any(|span| span.4 && joiners(*t, span.0));
            if after_last || before_next {
                joined.push((*s, *t, k.clone(), false, false));
            }
        }
        for (_, _, k, adjective, _) in kept.into_iter().chain(joined) {
            let c = counts.entry(k).or_default();
            if adjective {
                c.1 += 1;
            } else {
                c.0 += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, (n, a))| *n > 0 || *a >= ADJECTIVE_ONLY_MIN)
        .map(|(k, (n, a))| (k, n + a))
        .collect()
}

#[test]
fn the_matcher_agrees_with_a_raw_text_scan_on_every_seed() {
    for doc in documents() {
        assert_eq!(matched(doc), scanned(doc), "seed {}", doc.id);
    }
}

#[test]
fn the_scan_finds_what_it_should() {
    // The scan itself is checked, so that agreement above means something.
    let t = fold("وتيليغرام «ناشر» ناشر للعراق العراقي تام  تام تمام");
    assert_eq!(occurrences(&t, "تيليغرام", false).len(), 1);
    assert_eq!(occurrences(&t, "ناشر", true).len(), 1);
    assert_eq!(occurrences(&t, "العراق", false).len(), 1);
    assert_eq!(occurrences(&t, "عراقي", false).len(), 1);
    assert_eq!(occurrences(&t, "تام تام", false).len(), 1);
}

/// Entity sets written from reading each seed article (not from running the code):
/// which platforms, organisations, places and people each one names.
const READ: &[(&str, &[&str])] = &[
    (
        "000",
        &[
            "platform.telegram",
            "platform.twitter",
            "organisation.isis",
            "organisation.nashir",
            "organisation.bbc",
            "organisation.icsr",
            // سوريا; العراق; الرقة; القارة العجوز ("the old continent") + الأوروبي
            "place.syria",
            "place.iraq",
            "place.raqqa",
            "place.europe",
            "person.charlie_winter",
            "person.mona_alami",
        ],
    ),
    (
        "001",
        &[
            "platform.twitter",
            "platform.facebook",
            "platform.telegram",
            "organisation.isis",
            "organisation.europol",
            "organisation.amaq",
            "organisation.dabiq",
            "organisation.brookings",
            "organisation.new_york_times",
            // لندن; الولايات المتحدة; بلجيكا، اليونان، بولندا، البرتغال. Britain only as
            // one adjective (العاصمة البريطانية): not a value. al-Qaeda is written unquoted
            // and without تنظيم, but joined to ISIS («لتنظيمي داعش والقاعدة»).
            "organisation.al_qaeda",
            "place.london",
            "place.usa",
            "place.belgium",
            "place.greece",
            "place.poland",
            "place.portugal",
            "person.rob_wainwright",
        ],
    ),
    (
        "002",
        &[
            "platform.telegram",
            "platform.riot",
            "platform.tamtam",
            // Europol as وكالة تطبيق القانون الأوربية يوروبول; ناشير
            "organisation.isis",
            "organisation.europol",
            "organisation.wired",
            "organisation.nashir",
            "place.london",
        ],
    ),
    (
        "003",
        &[
            "platform.facebook",
            "platform.twitter",
            "platform.whatsapp",
            "platform.telegram",
            "platform.tamtam",
            "platform.instagram",
            "platform.snapchat",
            "platform.tiktok",
            "organisation.isis",
            "organisation.nashir",
            "organisation.amaq",
            "organisation.europol",
            "organisation.us_cyber_command",
            "organisation.afp",
            "organisation.bytedance",
            // Russia (الروسي) and the USA (الجيش الأميركي) only as one adjective each
            "place.london",
            "place.iraq",
            "place.baghdad",
            "person.raad_alkaabi",
            "person.fadhel_abu_ragheef",
            "person.ibrahim_alsiraji",
        ],
    ),
    (
        "004",
        &[
            "platform.facebook",
            "platform.twitter",
            "platform.telegram",
            "platform.instagram",
            "platform.google_plus",
            "platform.whatsapp",
            "platform.imessage",
            "platform.signal",
            "platform.youtube",
            "platform.google",
            "organisation.isis",
            "organisation.europol",
            "organisation.al_qaeda",
            "organisation.roskomnadzor",
            // روسيا + الحكومة الروسية…; بريطانيا + الحكومة البريطانية…; الأمريكى three times
            "place.syria",
            "place.iraq",
            "place.moscow",
            "place.st_petersburg",
            "place.russia",
            "place.indonesia",
            "place.britain",
            "place.orlando",
            "place.florida",
            "place.paris",
            "place.usa",
            "person.mark_mitchell",
            "person.ron_johnson",
            "person.pavel_durov",
            "person.amber_rudd",
            "person.theresa_may",
            "person.omar_mateen",
        ],
    ),
];

#[test]
fn each_seed_names_the_entities_a_reader_finds_in_it() {
    for (prefix, want) in READ {
        let got: BTreeSet<String> = matched(seed(prefix)).into_keys().collect();
        let want: BTreeSet<String> = want.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            got,
            want,
            "seed {prefix}: missing {:?}, extra {:?}",
            want.difference(&got).collect::<Vec<_>>(),
            got.difference(&want).collect::<Vec<_>>()
        );
    }
}

#[test]
fn tamtam_is_found_in_every_article_that_mentions_tam_tam() {
    let writes: BTreeSet<&str> = documents()
        .iter()
        .filter(|d| fields(d).iter().any(|f| f.contains("تام تام")))
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(writes.len(), 2, "seeds 002 and 003 write تام تام");
    let with_tamtam: BTreeSet<&str> = documents()
        .iter()
        .filter(|d| matched(d).contains_key("platform.tamtam"))
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(with_tamtam, writes);
    // …and تام alone ("complete") is not TamTam.
    assert!(found("توقف بشكل تام عن النشر").is_empty());
}

#[test]
fn every_telegram_spelling_maps_to_telegram() {
    let telegram = taxonomy().lookup("platform", "telegram").unwrap();
    let e = taxonomy().entity(telegram).unwrap();
    assert!(e.names.len() >= 5);
    for spelling in e.names.iter().chain(&e.latin) {
        for text in [
            spelling.clone(),
            format!("و{spelling}"),
            format!("ب{spelling}"),
            format!("ال{spelling}"),
            format!("لل{spelling}"),
            format!("وال{spelling}"),
            format!("بال{spelling}"),
            format!("لتطبيق «{spelling}»"),
            format!("لــ«{spelling}»"),
            format!("#{spelling}"),
        ] {
            if spelling.is_ascii() && !text.ends_with(spelling.as_str()) && !text.contains('«') {
                continue; // Latin names take no Arabic proclitics
            }
            let mentions = taxonomy().find(analyzer(), &text);
            assert_eq!(mentions.len(), 1, "{text}: {mentions:?}");
            assert_eq!(mentions[0].entity, telegram, "{text}");
            assert_eq!(mentions[0].kind, MentionKind::Name, "{text}");
        }
    }
    // Every occurrence of a Telegram spelling in the corpus is inside a Telegram mention.
    for doc in documents() {
        for field in fields(doc) {
            let mentions = matcher().find(analyzer(), field);
            for spelling in &e.names {
                for (at, _) in field.match_indices(spelling.as_str()) {
                    assert!(
                        mentions
                            .iter()
                            .any(|m| m.entity == telegram && m.start <= at && at < m.end),
                        "{} at {at} in {}",
                        spelling,
                        doc.id
                    );
                }
            }
        }
    }
}

#[test]
fn unlisted_spellings_of_loanwords_match_through_their_variant_key() {
    let cases = [
        ("تيليقرام", "platform.telegram"),
        ("بتيلقرام", "platform.telegram"),
        ("والتلقرام", "platform.telegram"),
        ("انستكرام", "platform.instagram"),
        ("فيسبووك", "platform.facebook"),
        ("يوروبوول", "organisation.europol"),
    ];
    for (text, want) in cases {
        let mentions = taxonomy().find(analyzer(), text);
        assert_eq!(mentions.len(), 1, "{text}");
        assert_eq!(key(mentions[0].entity), want, "{text}");
        assert_eq!(mentions[0].kind, MentionKind::Variant, "{text}");
    }
}

#[test]
fn variant_keys_are_used_only_for_loanwords() {
    let entity = |loanword: bool| Entity {
        facet: "topic".into(),
        id: "library".into(),
        ar: "مكتبة".into(),
        en: "Library".into(),
        names: vec!["مكتبة".into()],
        loanword,
        ..Default::default()
    };
    // مكتوبة ("written") has the skeleton of مكتبة ("library").
    let native = Taxonomy::from_entities(vec![entity(false)]).unwrap();
    assert!(native.find(analyzer(), "رسالة مكتوبة").is_empty());
    let foreign = Taxonomy::from_entities(vec![entity(true)]).unwrap();
    assert_eq!(foreign.find(analyzer(), "رسالة مكتوبة").len(), 1);
    // Native words whose skeletons resemble platform names: short keys are never used.
    for text in [
        "يتوب إلى الله",
        "غزو التتار",
        "تتر",
        "الرأي",
        "رأي",
        "راي",
        "يتب",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn whatsapp_is_whatsapp_not_august() {
    for text in [
        "وقد أقدمت أبرز شبكات التواصل الاجتماعي ومنها فيسبوك وتويتر وواتس آب وتيليغرام",
        "4- بريطانيا تطارد \"واتس آب\"",
        "وكان تطبيق واتس آب، المملوك لشركة فيس بوك",
    ] {
        assert!(
            found(text).contains(&"platform.whatsapp".to_owned()),
            "{text}"
        );
        assert!(
            fahras::dates::find_dates(text, "2018-12-20".parse().ok()).is_empty(),
            "{text}"
        );
    }
    // آبل is Apple, not WhatsApp (nor August).
    assert!(!found("تطبيق آبل «iMessage»").contains(&"platform.whatsapp".to_owned()));
    assert_eq!(found("تطبيق آبل «iMessage»"), ["platform.imessage"]);
}

#[test]
fn longer_names_win() {
    assert_eq!(found("جوجل بلس"), ["platform.google_plus"]);
    assert_eq!(found("شركة جوجل"), ["platform.google"]);
    assert_eq!(
        found("خدمة المتابعة لهيئة الإذاعة البريطانية"),
        ["organisation.bbc"]
    );
    assert_eq!(
        found("صحيفة نيويورك تايمز"),
        ["organisation.new_york_times"]
    );
    assert_eq!(
        found("وكالة الشرطة التابعة للاتحاد الأوروبي"),
        ["organisation.europol"]
    );
    assert_eq!(found("الاتحاد الأوروبي"), ["organisation.eu"]);
    assert_eq!(
        found("أن القيادة السيبرانية الأميركية \"نجحت"),
        ["organisation.us_cyber_command"]
    );
    assert_eq!(found("فيس بوك"), ["platform.facebook"]);
    assert_eq!(found("«فيس بوك «"), ["platform.facebook"]);
}

#[test]
fn a_bare_quoted_name_joined_to_a_name_of_its_facet_and_group_counts() {
    let isis = "organisation.isis";
    let qaeda = "organisation.al_qaeda";
    assert_eq!(found("لتنظيمي داعش والقاعدة"), [isis, qaeda]);
    assert_eq!(found("القاعدة وداعش"), [qaeda, isis]);
    assert_eq!(found("«القاعدة» وداعش"), [qaeda, isis]);
    // Alone, after another facet's name, or not joined by و: the common word.
    assert_eq!(found("القاعدة العسكرية"), Vec::<String>::new());
    assert_eq!(found("تويتر والقاعدة"), ["platform.twitter"]);
    assert_eq!(found("داعش القاعدة"), [isis]);
    assert_eq!(found("القاعدة داعش"), [isis]);
    // Joined to an adjective of its facet, no.
    assert!(!found("الداعشي والقاعدة").contains(&qaeda.to_owned()));
    // A comma or quotation marks may stand between; a sentence's end may not.
    assert_eq!(found("«داعش» والقاعدة"), [isis, qaeda]);
    assert_eq!(found("داعش، والقاعدة"), [isis, qaeda]);
    assert_eq!(found("تراجع نفوذ داعش. والقاعدة الأساسية أن"), [isis]);
    // The و must be the conjunction: وكالة أعماق begins with the letter.
    assert_eq!(found("قال ناشر وكالة أعماق"), ["organisation.amaq"]);
    // Not in a chain: a name joined so joins nothing further.
    assert_eq!(found("داعش والقاعدة وناشر"), [isis, qaeda]);
    // The same facet but another group: a newspaper and a publisher, not Nashir.
    let nyt = "organisation.new_york_times";
    assert_eq!(found("نيويورك تايمز وناشر الكتاب"), [nyt]);
    assert_eq!(found("ناشر الكتاب ونيويورك تايمز"), [nyt]);
    assert_eq!(found("داعش وناشر"), [isis, "organisation.nashir"]);
}

#[test]
fn a_group_is_checked_and_a_removal_has_no_group() {
    let bad =
        "[organisation.x]\nar = \"س\"\nen = \"X\"\nnames = [\"سين\"]\ngroup = \"Jihadist!\"\n";
    let err = Taxonomy::parse(bad).unwrap_err().to_string();
    assert!(
        err.contains("not a group name") && err.contains("line 1"),
        "{err}"
    );
    let removal = "[organisation.bbc]\nremove = true\ngroup = \"media\"\n";
    let err = Taxonomy::parse(removal).unwrap_err().to_string();
    assert!(err.contains("remove = true"), "{err}");
}

#[test]
fn clitics_and_spellings() {
    let cases: &[(&str, &[&str])] = &[
        ("بتويتر", &["platform.twitter"]),
        ("وتويتر", &["platform.twitter"]),
        (
            "للعراق والعراق بالعراق",
            &["place.iraq", "place.iraq", "place.iraq"],
        ),
        ("لداعش وبداعش", &["organisation.isis", "organisation.isis"]),
        ("وسنابشات", &["platform.snapchat"]),
        ("لـiMessage", &["platform.imessage"]),
        (
            "TELEGRAM telegram",
            &["platform.telegram", "platform.telegram"],
        ),
        (
            "تنظيم «الدولة الإسلامية/داعش»",
            &["organisation.isis", "organisation.isis"],
        ),
        ("تنظيم الدولة", &["organisation.isis"]),
        ("سوريا وسورية", &["place.syria", "place.syria"]),
        ("الرقة السورية", &["place.raqqa", "place.syria"]),
    ];
    for (text, want) in cases {
        assert_eq!(found(text), *want, "{text}");
    }
    let kinds: Vec<MentionKind> = taxonomy()
        .find(analyzer(), "الرقة السورية")
        .iter()
        .map(|m| m.kind)
        .collect();
    assert_eq!(kinds, [MentionKind::Name, MentionKind::Adjective]);
}

#[test]
fn common_words_are_not_entities() {
    for text in [
        "التويتات والتغريدات",
        "دار ناشر الكتب",
        "القاعدة الجوية والقاعدة الشعبية",
        "في أعماق البحر",
        "توقف بشكل تام",
        "السوريالية والسريالية",
        "الرأي العام",
        "واتس",
        "آبل",
        "بريد إلكتروني",
        "المتين",
        "الدولة",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
    // …but quoted, they are the names.
    assert_eq!(found("وكالة أخبار «ناشر»"), ["organisation.nashir"]);
    assert_eq!(
        found("تنظيمى «القاعدة» و»داعش»"),
        ["organisation.al_qaeda", "organisation.isis"]
    );
}

#[test]
fn one_adjective_in_passing_is_not_a_facet_value() {
    let doc = |body: &str| Document {
        id: "x".into(),
        title: "عنوان".into(),
        body: vec![body.into()],
        ..Default::default()
    };
    let britain = taxonomy().lookup("place", "britain").unwrap();
    let once = taxonomy().document_entities(analyzer(), &doc("رفضت الحكومة البريطانية الطلب"));
    assert!(once.iter().all(|(id, _)| *id != britain), "{once:?}");
    let twice = taxonomy().document_entities(
        analyzer(),
        &doc("رفضت الحكومة البريطانية الطلب، وقال الأمن البريطاني"),
    );
    assert!(twice.contains(&(britain, 2)), "{twice:?}");
    let named =
        taxonomy().document_entities(analyzer(), &doc("في بريطانيا قالت الحكومة البريطانية"));
    assert!(named.contains(&(britain, 2)), "{named:?}");
}

#[test]
fn the_default_taxonomy_covers_the_required_entities() {
    let required = [
        (
            "platform",
            &[
                "telegram",
                "tamtam",
                "riot",
                "twitter",
                "facebook",
                "whatsapp",
                "instagram",
                "youtube",
                "tiktok",
                "snapchat",
                "google_plus",
                "signal",
                "imessage",
                "google",
            ][..],
        ),
        (
            "organisation",
            &[
                "europol",
                "amaq",
                "nashir",
                "brookings",
                "us_cyber_command",
                "isis",
                "al_qaeda",
            ][..],
        ),
        (
            "place",
            &[
                "syria",
                "iraq",
                "raqqa",
                "london",
                "russia",
                "indonesia",
                "orlando",
                "baghdad",
                "belgium",
                "greece",
                "poland",
                "portugal",
                "paris",
                "moscow",
                "florida",
                "st_petersburg",
                "britain",
                "europe",
                "usa",
            ][..],
        ),
        (
            "person",
            &["pavel_durov", "rob_wainwright", "charlie_winter"][..],
        ),
    ];
    for (facet, ids) in required {
        for id in ids {
            assert!(taxonomy().lookup(facet, id).is_some(), "{facet}.{id}");
        }
    }
    assert_eq!(
        taxonomy().facets(),
        ["platform", "organisation", "place", "person"]
    );
}

#[test]
fn every_display_name_finds_its_entity() {
    for (i, e) in taxonomy().entities().iter().enumerate() {
        let id = EntityId(i as u32);
        for name in [&e.ar, &e.en] {
            if name == &e.en && !e.latin.iter().any(|l| l.eq_ignore_ascii_case(name)) {
                continue; // "Google+" and "BBC"… display names need not be spellings
            }
            let text = if e.quoted.contains(name) {
                format!("«{name}»")
            } else {
                name.clone()
            };
            let mentions = taxonomy().find(analyzer(), &text);
            assert!(
                mentions.len() == 1 && mentions[0].entity == id,
                "{} {name}: {mentions:?}",
                e.key()
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// The file format.

fn error(text: &str) -> String {
    Taxonomy::parse(text).unwrap_err().to_string()
}

#[test]
fn the_default_file_parses_and_is_compiled_in() {
    let t = Taxonomy::parse(DEFAULT_TAXONOMY).unwrap();
    assert_eq!(&t, taxonomy());
    assert!(t.entities().len() >= 60);
}

#[test]
fn malformed_taxonomies_are_refused_with_the_place_named() {
    let e = error("[platform.x]\nar = \"س\"\nen = \"X\"\nnames = [\"ساكس\"\n");
    assert!(
        e.contains("line") && e.contains("not a valid taxonomy"),
        "{e}"
    );
    let e = error("[platform.x]\nar = \"س\"\nen = \"X\"\nname = [\"ساكس\"]\n");
    assert!(e.contains("name") && e.contains("line 4"), "{e}");
    let e = error("[platform.x]\nen = \"X\"\nnames = [\"ساكس\"]\n");
    assert!(e.contains("ar"), "{e}");
    let e = error("\n\n[platform.x]\nar = \"س\"\nen = \"X\"\n");
    assert!(
        e.contains("line 3") && e.contains("platform.x") && e.contains("no spelling"),
        "{e}"
    );
    let e = error(
        "[platform.a]\nar = \"أ\"\nen = \"A\"\nnames = [\"تيليجرام\"]\n\
         [place.b]\nar = \"ب\"\nen = \"B\"\nnames = [\"تيليجرام\"]\n",
    );
    assert!(
        e.contains("line 5") && e.contains("place.b") && e.contains("platform.a"),
        "{e}"
    );
    let e = error("[platform.a]\nar = \"أ\"\nen = \"A\"\nquoted = [\"وكالة ناشر\"]\n");
    assert!(e.contains("one word"), "{e}");
    let e = error("[platform.a]\nar = \"أ\"\nen = \"A\"\nnames = [\"في\"]\n");
    assert!(e.contains("stop word"), "{e}");
    let e = error("[platform.a]\nar = \"أ\"\nen = \"A\"\nnames = [\"«»\"]\n");
    assert!(e.contains("no word"), "{e}");
    let e = error("[platform.Telegram]\nar = \"أ\"\nen = \"A\"\nnames = [\"تيليجرام\"]\n");
    assert!(e.contains("not an entity id"), "{e}");
    let e = error("[Platform.telegram]\nar = \"أ\"\nen = \"A\"\nnames = [\"تيليجرام\"]\n");
    assert!(e.contains("not a facet name"), "{e}");
    let e = error("title = \"x\"\n");
    assert!(e.contains("not a valid taxonomy"), "{e}");
    assert!(e.starts_with("fahras: "), "{e}");
}

#[test]
fn a_site_extends_or_replaces_entities() {
    let mut t = taxonomy().clone();
    let telegram = t.lookup("platform", "telegram").unwrap();
    let n = t.entities().len();
    let site = Taxonomy::parse(
        "[platform.telegram]\nar = \"تلغرام\"\nen = \"Telegram\"\nnames = [\"تلغرام\", \"تيليجرام\"]\n\
         [place.gaza]\nar = \"غزة\"\nen = \"Gaza\"\nnames = [\"غزة\", \"قطاع غزة\"]\n",
    )
    .unwrap();
    t.extend(site).unwrap();
    assert_eq!(t.entities().len(), n + 1);
    assert_eq!(t.lookup("platform", "telegram"), Some(telegram));
    assert_eq!(t.entity(telegram).unwrap().ar, "تلغرام");
    let gaza = t.lookup("place", "gaza").unwrap();
    let m: Vec<EntityId> = t
        .find(analyzer(), "في قطاع غزة وتلغرام وتليجرام")
        .iter()
        .map(|m| m.entity)
        .collect();
    // تليجرام is no longer listed and Telegram is no longer a loanword: not found.
    assert_eq!(m, [gaza, telegram]);
    // A spelling of another entity is refused, and nothing changes.
    let before = t.clone();
    let clash =
        Taxonomy::parse("[place.x]\nar = \"س\"\nen = \"X\"\nnames = [\"فيسبوك\"]\n").unwrap();
    let e = t.extend(clash).unwrap_err().to_string();
    assert!(e.contains("platform.facebook"), "{e}");
    assert_eq!(t, before);
}

#[test]
fn a_site_removes_a_default_entity() {
    let text = "نقلت هيئة الإذاعة البريطانية «بي بي سي» عن تيليجرام";
    let mut t = taxonomy().clone();
    assert!(t.lookup("organisation", "bbc").is_some());
    let n = t.entities().len();
    let site = Taxonomy::parse("[organisation.bbc]\nremove = true\n").unwrap();
    t.extend(site).unwrap();
    assert_eq!(t.entities().len(), n - 1);
    assert_eq!(t.lookup("organisation", "bbc"), None);
    let found: Vec<String> = t
        .find(analyzer(), text)
        .iter()
        .map(|m| t.entity(m.entity).unwrap().key())
        .collect();
    // No longer the BBC's name, البريطانية is an adjective of Britain again.
    assert_eq!(found, ["place.britain", "platform.telegram"]);
    // Its spellings are free again: the site may give them to an entity of its own.
    let mut again = t.clone();
    let own = Taxonomy::parse(
        "[organisation.bbc_arabic]\nar = \"بي بي سي عربي\"\nen = \"BBC Arabic\"\nnames = [\"بي بي سي\"]\n",
    )
    .unwrap();
    again.extend(own).unwrap();
    assert!(again.lookup("organisation", "bbc_arabic").is_some());

    // Removing what is not there, or removing with a definition, is refused, clearly.
    let before = t.clone();
    let missing = Taxonomy::parse("[organisation.bbcc]\nremove = true\n").unwrap();
    let e = t.extend(missing).unwrap_err().to_string();
    assert!(
        e.contains("organisation.bbcc") && e.contains("no such entity"),
        "{e}"
    );
    assert_eq!(t, before);
    let e = Taxonomy::parse("[organisation.bbc]\nremove = true\nar = \"x\"\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("line 1") && e.contains("remove = true"), "{e}");
}

#[test]
fn ids_outside_the_taxonomy_are_none() {
    assert!(taxonomy().entity(EntityId(u32::MAX)).is_none());
    assert!(taxonomy().lookup("platform", "myspace").is_none());
}

fn check(text: &str, mentions: &[EntityMention]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for m in mentions {
        prop_assert!(m.start < m.end && m.end <= text.len());
        prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        prop_assert!(m.start >= last_end);
        prop_assert!(taxonomy().entity(m.entity).is_some());
        last_end = m.end;
    }
    Ok(())
}

const VOCABULARY: &[&str] = &[
    "تام",
    "تيليجرام",
    "و",
    "ب",
    "لل",
    "ال",
    "«",
    "»",
    "\"",
    "ناشر",
    "وكالة",
    "فيس",
    "بوك",
    "جوجل",
    "بلس",
    "داعش",
    "الدولة",
    "الإسلامية",
    "السورية",
    "البريطانية",
    "تلقرام",
    "Telegram",
    "#",
    "ﷺ",
    "\u{064E}",
    "ـ",
    " ",
    "/",
    "1",
];

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check(&text, &matcher().find(analyzer(), &text))?;
    }

    #[test]
    fn name_like_text_never_panics(pieces in prop::collection::vec(0..VOCABULARY.len(), 0..20),
                                   glue in prop::collection::vec(prop::bool::ANY, 20)) {
        let mut text = String::new();
        for (k, &p) in pieces.iter().enumerate() {
            text.push_str(VOCABULARY[p]);
            if glue[k] {
                text.push(' ');
            }
        }
        check(&text, &matcher().find(analyzer(), &text))?;
    }

    #[test]
    fn arbitrary_taxonomy_text_never_panics(text in any::<String>()) {
        let _ = Taxonomy::parse(&text);
    }
}

#[test]
fn finding_in_given_tokens_is_finding_in_the_text() {
    for doc in documents() {
        for field in fields(doc) {
            let tokens = analyzer().analyze(field);
            assert_eq!(
                matcher().find_in_tokens(analyzer(), field, &tokens),
                matcher().find(analyzer(), field)
            );
        }
    }
    // Tokens of another text: wrong answers are possible, a panic is not.
    let tokens = analyzer().analyze("وكالة «ناشر» في تام تام وتيليغرام");
    let _ = matcher().find_in_tokens(analyzer(), "قصير", &tokens);
}

#[test]
fn the_index_keeps_each_entitys_other_names_for_the_search() {
    // The seed index (built with the default taxonomy) keeps Amber Rudd's other spellings,
    // the one the article writes (أمبر ريد) among them, and Pavel Durov's Latin «Durov».
    let searcher = fahras_common::seed_searcher();
    let person = searcher
        .index()
        .facets()
        .iter()
        .find(|f| f.name == "person")
        .expect("a person facet");
    let names = |id: &str| {
        person
            .values
            .iter()
            .find(|v| v.value == id)
            .map(|v| v.names.clone())
            .unwrap_or_default()
    };
    assert!(
        names("amber_rudd").contains(&"أمبر ريد".to_owned()),
        "{:?}",
        names("amber_rudd")
    );
    assert!(
        !names("amber_rudd").contains(&"أمبر رود".to_owned()),
        "the display name is not repeated"
    );
    assert!(
        names("pavel_durov").contains(&"Durov".to_owned()),
        "{:?}",
        names("pavel_durov")
    );
    // And a Latin name meets the spelling the article writes, not only the display name.
    let found = |q: &str| {
        searcher
            .search(q, &Default::default())
            .unwrap()
            .hits
            .iter()
            .map(|h| h.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(found("Amber Rudd"), ["004_0681050abb075594"]);
}

#[path = "common/mod.rs"]
mod fahras_common;
