//! Text analysis as a reader meets it: how the words people really type become the terms,
//! stems and variant keys that search matches (src/text/, issue 3).

use fahras::text::normalize::normalize;
use fahras::text::stem::{self, FAHRAS, LIGHT10};
use fahras::text::{Aliases, Analyzer, TokenKind};
use proptest::prelude::*;
use std::collections::HashSet;

fn analyzer() -> Analyzer {
    Analyzer::default()
}

fn terms(text: &str) -> Vec<String> {
    analyzer()
        .analyze(text)
        .into_iter()
        .map(|t| t.term)
        .collect()
}

fn data(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

// ---------------------------------------------------------------------------------------
// Normalization

#[test]
fn a_vocalized_word_normalizes_to_its_plain_form() {
    let cases = [
        ("الإِرْهَابِيُّ", "الإرهابي"),
        ("تنظيمُ", "تنظيم"),
        ("مُؤخرًا", "مؤخراً"),
        ("جدًّا", "جدا"),
        ("العنكبوتيَّة", "العنكبوتية"),
        ("وَالتَّنْظِيمِ", "والتنظيم"),
    ];
    for (vocalized, plain) in cases {
        assert_eq!(normalize(vocalized), normalize(plain), "{vocalized}");
        assert!(!normalize(vocalized)
            .chars()
            .any(|c| ('\u{064B}'..='\u{065F}').contains(&c)));
    }
}

#[test]
fn alef_forms_final_ya_and_ta_marbuta_fold_together() {
    let groups: &[&[&str]] = &[
        &["أحمد", "احمد", "إحمد", "آحمد", "ٱحمد"],
        &["مستشفى", "مستشفي"],
        &["مدرسة", "مدرسه"],
        &["فى", "في"],
    ];
    for group in groups {
        for word in &group[1..] {
            assert_eq!(
                normalize(word),
                normalize(group[0]),
                "{word} ~ {}",
                group[0]
            );
        }
    }
}

#[test]
fn tatweel_and_invisible_characters_do_not_change_a_word() {
    let plain = normalize("تيليجرام");
    for written in [
        "تيـــليجرام",
        "تيليجرام\u{200E}",
        "\u{200F}تيليجرام",
        "تيلي\u{200C}جرام",
        "تيلي\u{00AD}جرام",
        "\u{2067}تيليجرام\u{2069}",
        "\u{FEFF}تيليجرام",
        "ﺗﻴﻠﻴﺠﺮﺍﻡ",
    ] {
        assert_eq!(normalize(written), plain, "{written:?}");
        assert_eq!(
            terms(written).as_slice(),
            std::slice::from_ref(&plain),
            "{written:?}"
        );
    }
}

#[test]
fn persian_and_urdu_letters_fold_to_arabic() {
    assert_eq!(normalize("فیسبوک"), "فيسبوك");
    assert_eq!(normalize("گوگل"), normalize("كوكل"));
    assert_eq!(normalize("ڤيديو"), normalize("فيديو"));
    assert_eq!(normalize("پاریس"), "باريس");
    assert_eq!(normalize("چای"), "جاي");
}

#[test]
fn every_script_writes_the_same_numbers() {
    for (written, ascii) in [
        ("٢٠١٧", "2017"),
        ("۲۰۱۷", "2017"),
        ("२०१७", "2017"),
        ("٣٫٥", "3.5"),
        ("٢٧٤٬٤٦٠", "274,460"),
    ] {
        assert_eq!(terms(written), [ascii], "{written}");
    }
}

#[test]
fn latin_is_lower_cased_with_its_diacritics_folded() {
    assert_eq!(
        terms("Telegram TELEGRAM Télégram ｔｅｌｅｇｒａｍ"),
        ["telegram"; 4]
    );
}

// ---------------------------------------------------------------------------------------
// Tokens and highlighting

#[test]
fn a_highlight_covers_the_whole_written_word() {
    // Clitics, diacritics and tatweel are part of the word a match highlights.
    let text = "«وَالتَّنْظِيمُ» يهرب لــ«تيليجرام» وبحساباته الإِرْهَابِيَّة";
    let tokens = analyzer().analyze(text);
    let spans: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
    assert_eq!(
        spans,
        [
            "وَالتَّنْظِيمُ",
            "يهرب",
            "لــ",
            "تيليجرام",
            "وبحساباته",
            "الإِرْهَابِيَّة"
        ]
    );
    for token in &tokens {
        assert_eq!(normalize(&text[token.start..token.end]), token.term);
    }
}

#[test]
fn arabic_punctuation_separates_words() {
    assert_eq!(
        terms("العراق، سوريا؛ لماذا؟ «داعش»"),
        ["العراق", "سوريا", "لماذا", "داعش"]
    );
}

#[test]
fn numbers_stay_whole_with_their_separators() {
    assert_eq!(terms("حذف 1.2 مليون حساب"), ["حذف", "1.2", "مليون", "حساب"]);
    assert_eq!(terms("حوالى 274.460 حساب"), ["حوالي", "274.460", "حساب"]);
    assert_eq!(terms("23 نوفمبر2017"), ["23", "نوفمبر", "2017"]);
    let tokens = analyzer().analyze("في عام ٢٠١٧.");
    assert_eq!(tokens[2].kind, TokenKind::Number);
}

#[test]
fn a_no_break_space_after_a_heading_number_is_a_space() {
    // The seed headings of 004 read "1-\u{00A0}فيس بوك داعش".
    assert_eq!(terms("1-\u{00A0}فيس بوك داعش"), ["1", "فيس", "بوك", "داعش"]);
}

#[test]
fn arabic_and_latin_in_one_run_are_two_words() {
    assert_eq!(
        terms("لـiMessage و«تويترTwitter»"),
        ["ل", "imessage", "و", "تويتر", "twitter"]
    );
}

#[test]
fn a_hashtag_is_found_by_each_of_its_words() {
    let tokens = analyzer().analyze("#تنظيم_داعش و@some_user");
    let found: Vec<(&str, TokenKind)> = tokens.iter().map(|t| (t.term.as_str(), t.kind)).collect();
    assert_eq!(
        found,
        [
            ("تنظيم", TokenKind::Hashtag),
            ("داعش", TokenKind::Hashtag),
            ("و", TokenKind::Word),
            ("some", TokenKind::Handle),
            ("user", TokenKind::Handle),
        ]
    );
}

#[test]
fn every_token_of_the_seed_articles_normalizes_back_to_its_term() {
    let docs =
        fahras::corpus::read_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
            .unwrap();
    let analyzer = analyzer();
    let mut count = 0;
    for doc in &docs {
        for text in std::iter::once(&doc.title).chain(&doc.body) {
            for token in analyzer.analyze(text) {
                assert_eq!(
                    normalize(&text[token.start..token.end]),
                    token.term,
                    "{}",
                    doc.id
                );
                count += 1;
            }
        }
    }
    assert!(count > 2500, "{count} tokens");
}

// ---------------------------------------------------------------------------------------
// Stems

#[test]
fn clitic_and_plural_forms_meet_at_one_stem() {
    let a = analyzer();
    let groups: &[&[&str]] = &[
        &[
            "حساب",
            "حسابات",
            "الحسابات",
            "حساباته",
            "حساباتهم",
            "والحسابات",
            "وحسابا",
        ],
        &[
            "تنظيم",
            "التنظيم",
            "والتنظيم",
            "للتنظيم",
            "بالتنظيم",
            "التنظيمات",
            "وللتنظيم",
        ],
        &["منصة", "المنصة", "منصات", "المنصات", "ومنصات", "منصاته"],
        &["إرهابي", "الإرهابي", "الإرهابية", "الإرهابيين", "للإرهابيين"],
    ];
    for group in groups {
        let stem = a.stem(&normalize(group[0])).to_owned();
        for word in &group[1..] {
            assert_eq!(a.stem(&normalize(word)), stem, "{word} ~ {}", group[0]);
        }
    }
}

#[test]
fn a_single_letter_preposition_is_bridged_by_related_stems() {
    let a = analyzer();
    // بحساباته keeps its ب in the index (بريطانيا must keep its ب too)...
    let text_stem = a.stem(&normalize("بحساباته")).to_owned();
    assert_ne!(text_stem, a.stem("حساب"));
    // ...and the query حساب looks up its stem with a ب added, and the other way round.
    assert!(a.related_stems("حساب").contains(&text_stem));
    assert!(a
        .related_stems(&normalize("بحساباته"))
        .contains(&a.stem("حساب").to_owned()));
    assert!(a
        .related_stems(&normalize("لداعش"))
        .contains(&"داعش".to_owned()));
    assert_eq!(
        a.stem(&normalize("بريطانيا")),
        a.stem(&normalize("بريطانيا"))
    );
    assert!(a.stem(&normalize("بريطانيا")).starts_with('ب'));
}

#[test]
fn words_of_roots_beginning_with_waw_keep_their_waw() {
    let a = analyzer();
    for (word, not) in [
        ("وكالة", "كال"),
        ("وزير", "زير"),
        ("وزارة", "زار"),
        ("وسائل", "سايل"),
        ("وحدة", "حد"),
        ("وجود", "جود"),
    ] {
        let term = normalize(word);
        let stem = a.stem(&term);
        assert!(stem.starts_with('و'), "{word} → {stem}");
        assert_ne!(stem, not);
    }
    // The conjunction و is still removed from other words.
    assert_eq!(a.stem(&normalize("وتنشر")), a.stem(&normalize("تنشر")));
    assert_eq!(a.stem(&normalize("وقال")), a.stem(&normalize("قال")));
    assert_eq!(a.stem(&normalize("ووكالة")), a.stem(&normalize("وكالة")));
}

#[test]
fn foreign_and_latin_words_and_numbers_are_not_stemmed_away() {
    let a = analyzer();
    for term in ["telegram", "2017", "1.2"] {
        assert_eq!(a.stem(term), term);
    }
    assert_eq!(
        a.stem(&normalize("كانون")),
        "كانون",
        "the month is not the verb كان"
    );
    assert_ne!(a.stem(&normalize("القانون")), a.stem(&normalize("قان")));
}

/// Reads tests/data/stem_judgments.txt: (section, lemma, forms), ignoring broken plurals.
fn judged_lemmas() -> Vec<(String, Vec<String>)> {
    let text = data("stem_judgments.txt");
    let mut out = Vec::new();
    for line in lines(&text) {
        if line.starts_with('[') || line.starts_with('~') {
            continue;
        }
        let (name, forms) = line.split_once(':').expect("name: forms");
        let forms = forms
            .split_whitespace()
            .filter(|f| !f.starts_with('+'))
            .map(normalize)
            .collect();
        out.push((name.to_owned(), forms));
    }
    out
}

#[test]
fn fahras_stems_conflate_more_judged_forms_than_light10_with_fewer_false_merges() {
    let lemmas = judged_lemmas();
    assert!(lemmas.len() > 150, "{} lemmas", lemmas.len());
    let judgments = data("stem_judgments.txt");
    let related: HashSet<(String, String)> = lines(&judgments)
        .filter_map(|l| l.strip_prefix('~'))
        .flat_map(|l| {
            let v: Vec<&str> = l.split_whitespace().collect();
            [
                (v[0].to_owned(), v[1].to_owned()),
                (v[1].to_owned(), v[0].to_owned()),
            ]
        })
        .collect();
    let score = |stem: &dyn Fn(&str) -> String| {
        let (mut found, mut pairs, mut false_merges) = (0, 0, 0);
        for (i, (name_a, a)) in lemmas.iter().enumerate() {
            for (j, (name_b, b)) in lemmas.iter().enumerate() {
                if i != j && related.contains(&(name_a.clone(), name_b.clone())) {
                    continue;
                }
                for x in a {
                    for y in b {
                        if x == y {
                            continue;
                        }
                        let same = stem(x) == stem(y);
                        if i == j {
                            pairs += 1;
                            found += usize::from(same);
                        } else {
                            false_merges += usize::from(same);
                        }
                    }
                }
            }
        }
        (found as f64 / pairs as f64, false_merges)
    };
    let (fahras_recall, fahras_false) = score(&|w| FAHRAS.stem(w).to_owned());
    let (light10_recall, light10_false) = score(&|w| LIGHT10.stem(w).to_owned());
    assert!(
        fahras_recall > light10_recall + 0.15,
        "recall {fahras_recall:.3} vs {light10_recall:.3}"
    );
    assert!(
        fahras_false * 2 < light10_false,
        "false merges {fahras_false} vs {light10_false}"
    );
}

// ---------------------------------------------------------------------------------------
// Stop words

#[test]
fn arabic_and_english_stop_words_are_recognized_in_any_spelling() {
    let a = analyzer();
    for word in [
        "في", "فى", "من", "على", "علي", "أو", "او", "the", "The", "of",
    ] {
        assert!(a.is_stop_word(&normalize(word)), "{word}");
    }
    for word in ["داعش", "تيليجرام", "حساب", "telegram"] {
        assert!(!a.is_stop_word(&normalize(word)), "{word}");
    }
}

// ---------------------------------------------------------------------------------------
// Variant keys and aliases

#[test]
fn telegram_spellings_share_a_variant_key() {
    let a = analyzer();
    let spellings = [
        "تيليجرام",
        "التيليجرام",
        "تليجرام",
        "تيلجرام",
        "تيليغرام",
        "وتيليغرام",
        "تلغرام",
        "تلجرام",
        "لتيليجرام",
        "تيليقرام",
    ];
    let key = a.variant_key(&normalize(spellings[0]));
    assert!(key.is_some());
    for spelling in spellings {
        assert_eq!(a.variant_key(&normalize(spelling)), key, "{spelling}");
        assert!(a.looks_foreign(&normalize(spelling)), "{spelling}");
    }
}

#[test]
fn every_spelling_of_a_listed_foreign_name_shares_a_key() {
    let a = analyzer();
    let key = |spelling: &str| {
        let parts: Vec<String> = spelling.split('_').map(normalize).collect();
        match parts.as_slice() {
            [one] => a.variant_key(one),
            [x, y] => a.joined_variant_key(x, y),
            _ => None,
        }
    };
    let mut checked = 0;
    for line in lines(&data("foreign_names.txt")) {
        let (entity, spellings) = line.split_once(':').unwrap();
        let spellings: Vec<&str> = spellings.split_whitespace().collect();
        let first = key(spellings[0]);
        if first.is_none()
            || a.alias_expansions(&normalize(&spellings[0].replace('_', "")))
                .is_empty()
        {
            continue; // not in the alias list, or too short for a key
        }
        for s in &spellings[1..] {
            // A spelling with an inflection (الفيديوهات) or a skeleton under four letters
            // (جووجل) is only matched when listed.
            if let Some(k) = key(s) {
                assert_eq!(Some(k), first, "{entity}: {s} ~ {}", spellings[0]);
                checked += 1;
            }
        }
    }
    assert!(checked > 40, "{checked} spellings checked");
}

#[test]
fn split_and_joined_names_share_a_key() {
    let a = analyzer();
    for (first, second, joined) in [
        ("فيس", "بوك", "فيسبوك"),
        ("تيك", "توك", "تيكتوك"),
        ("واتس", "آب", "واتساب"),
        ("سناب", "شات", "سنابشات"),
        ("جوجل", "بلس", "جوجلبلس"),
        ("تام", "تام", "تامتام"),
    ] {
        let pair = a.joined_variant_key(&normalize(first), &normalize(second));
        assert!(pair.is_some(), "{first} {second}");
        assert_eq!(
            pair,
            a.variant_key(&normalize(joined)),
            "{first} {second} ~ {joined}"
        );
    }
    // Ordinary neighbours get no joined key.
    assert_eq!(a.joined_variant_key("تنظيم", "داعش"), None);
    assert_eq!(a.joined_variant_key("مواقع", "التواصل"), None);
}

#[test]
fn native_words_differing_by_g_letters_are_not_merged_at_full_weight() {
    // Pairs whose consonant skeletons collide (ج غ ق ك, ط ت, a long vowel). Full weight
    // would mean one term or one stem; the lower variant tier would need a shared key, and
    // native words get no key at all.
    let a = analyzer();
    let mut pairs = 0;
    for line in lines(&data("native_pairs.txt")) {
        let words: Vec<String> = line.split_whitespace().map(normalize).collect();
        let (x, y) = (&words[0], &words[1]);
        assert_eq!(
            fahras::text::variant::skeleton(stem::strip_proclitics(x)),
            fahras::text::variant::skeleton(stem::strip_proclitics(y)),
            "{line}: the skeletons collide, so the pair tests the gate"
        );
        assert_ne!(x, y, "{line}");
        assert_ne!(a.stem(x), a.stem(y), "{line}: one stem");
        assert_eq!(a.variant_key(x), None, "{line}: {x} has a key");
        assert_eq!(a.variant_key(y), None, "{line}: {y} has a key");
        pairs += 1;
    }
    assert!(pairs >= 30, "{pairs}");
}

#[test]
fn inflected_native_forms_of_an_alias_do_not_look_foreign() {
    // ناشر (Nashir, the propaganda agency) is listed; نشرها ("published it") has its
    // skeleton but a pronoun suffix.
    let a = analyzer();
    assert!(a.looks_foreign("ناشر"));
    assert!(!a.looks_foreign("نشرها"));
    assert!(a.looks_foreign(&normalize("أعماق")));
    assert!(!a.looks_foreign(&normalize("أعماقها")));
    assert!(!a.looks_foreign(&normalize("جامعة")));
}

#[test]
fn a_native_word_of_consonants_only_is_no_unlisted_spelling_of_a_name() {
    // «أمرك» (your command) and «أمسك» (he held) have the skeletons of listed names
    // (أمريكا…), but are written as Arabic writes its own words: nothing dropped.
    let a = analyzer();
    let america = a.variant_key(&normalize("أمريكا"));
    assert!(america.is_some());
    assert_eq!(a.variant_key(&normalize("أمرك")), None);
    assert_eq!(a.variant_key(&normalize("أمسك")), None);
    // Nor is one whose skeleton only writes a doubled letter once: «وتسبب» (and caused)
    // has WhatsApp's skeleton (وتسب).
    assert!(a.variant_key(&normalize("واتساب")).is_some());
    assert_eq!(a.variant_key(&normalize("وتسبب")), None);
    // Other spellings with their vowels still are (امريكا, اميركا, أمركا).
    for spelling in ["اميركا", "أمركا", "الأمريكية"] {
        assert!(a.variant_key(&normalize(spelling)).is_some(), "{spelling}");
    }
    // A name spelled without its vowels is listed, and keeps its key.
    assert_eq!(
        a.variant_key(&normalize("ترمب")),
        a.variant_key(&normalize("ترامب"))
    );
    assert!(a.variant_key(&normalize("ترمب")).is_some());
}

#[test]
fn latin_names_expand_to_arabic_spellings_and_back() {
    let a = analyzer();
    let telegram = a.alias_expansions("telegram");
    for spelling in ["تيليجرام", "تليجرام", "تيلجرام", "تيليغرام", "تلغرام"]
    {
        assert!(
            telegram.contains(&normalize(spelling)),
            "{spelling}: {telegram:?}"
        );
    }
    assert!(a
        .alias_expansions("facebook")
        .contains(&"فيس بوك".to_owned()));
    assert_eq!(a.alias_expansions(&normalize("للتيليجرام")), ["telegram"]);
    assert!(a
        .alias_expansions(&normalize("داعش"))
        .contains(&"daesh".to_owned()));
    for latin in [
        "europol",
        "tamtam",
        "riot",
        "snapchat",
        "google+",
        "signal",
        "imessage",
        "amaq",
        "nashir",
        "brookings",
        "x",
    ] {
        assert!(!a.alias_expansions(latin).is_empty(), "{latin}");
    }
}

#[test]
fn a_malformed_alias_line_is_reported_with_its_line_number() {
    let error = Aliases::parse("# comment\nTelegram\tتيليجرام\nFacebook فيسبوك\n").unwrap_err();
    assert_eq!(error.line, 3);
    assert!(
        error.to_string().contains("line 3") && error.to_string().contains("TAB"),
        "{error}"
    );
}

#[test]
fn a_site_alias_list_decides_which_words_get_a_key() {
    let mut aliases = Aliases::default_set();
    aliases.extend("Mastodon\tماستودون, ماستدون").unwrap();
    let a = Analyzer::default().with_aliases(aliases);
    assert_eq!(
        Analyzer::default().variant_key(&normalize("ماستودون")),
        None
    );
    let key = a.variant_key(&normalize("ماستودون"));
    assert!(key.is_some());
    assert_eq!(a.variant_key(&normalize("ماسطودون")), key);
    assert_eq!(a.alias_expansions("mastodon"), ["ماستودون", "ماستدون"]);
}

// ---------------------------------------------------------------------------------------
// Properties

proptest! {
    #[test]
    fn analysis_never_panics_and_offsets_are_char_boundaries(text in "\\PC{0,40}") {
        let a = analyzer();
        for token in a.analyze(&text) {
            prop_assert!(token.start < token.end && token.end <= text.len());
            prop_assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
            prop_assert!(!token.term.is_empty());
            let _ = (a.stem(&token.term), a.variant_key(&token.term), a.related_stems(&token.term));
        }
    }

    #[test]
    fn terms_are_normalized_and_stems_are_stable(text in "[ا-يءآأإؤئىة\\u{064B}-\\u{0652}\\u{0640} ،.0-9a-zA-Z]{0,40}") {
        let a = analyzer();
        for token in a.analyze(&text) {
            prop_assert_eq!(normalize(&token.term), token.term.clone());
            let stem = a.stem(&token.term);
            prop_assert!(token.term.contains(stem), "{} → {}", token.term, stem);
        }
    }
}

#[test]
fn a_name_followed_by_the_conjunction_waw_is_not_a_split_name() {
    let a = Analyzer::default();
    assert!(a.joined_variant_key("التيليجرام", "و").is_none());
    assert!(a.joined_variant_key("فيس", "بوك").is_some());
}

#[test]
fn uthmani_words_are_found_as_readers_type_them() {
    let a = analyzer();
    assert_eq!(a.written_alef_term("ٱلْعَٰلَمِينَ").as_deref(), Some("العالمين"));
    assert_eq!(a.written_alef_term("ٱلرَّحْمَٰنِ").as_deref(), Some("الرحمان"));
    // A seated hamza: also the bare one, whichever the seat and the form.
    assert_eq!(a.hamza_seat_term("مسؤول").as_deref(), Some("مسءول"));
    assert_eq!(a.hamza_seat_term("مسئولون").as_deref(), Some("مسءولون"));
    assert_eq!(
        a.hamza_seat_term("\u{FEE3}\u{FEB4}\u{FE8C}\u{FEEE}\u{FEDD}")
            .as_deref(),
        Some("مسءول")
    );
    assert_eq!(a.hamza_seat_term("مسوول"), None);
    assert_eq!(a.hamza_seat_term("لجوء"), None);
    assert_eq!(a.written_alef_term("ٱلْحَمْدُ"), None); // no dagger alef
                                                    // After ى و ي it is not written as ا today: على, الصلاة, موسى are the deleted forms.
    for word in ["عَلَىٰ", "إِلَىٰ", "مُوسَىٰ", "هُدًىٰ", "ٱلصَّلَوٰةَ"]
    {
        assert_eq!(a.written_alef_term(word), None, "{word}");
    }
    assert_eq!(terms("ٱلْعَٰلَمِينَ"), ["العلمين"]); // the query side is unchanged

    let mut builder = fahras::IndexBuilder::new();
    builder
        .add(fahras::Document {
            id: "1:2".into(),
            title: "سورة الفاتحة، الآية 2".into(),
            body: vec!["ٱلْحَمْدُ لِلَّهِ رَبِّ ٱلْعَٰلَمِينَ".into()],
            ..Default::default()
        })
        .unwrap();
    let searcher = fahras::Searcher::new(fahras::Index::from_bytes(builder.finish()).unwrap());
    let options = fahras::SearchOptions::default();
    for query in ["العالمين", "العلمين", "\"رب العالمين\"", "الرحمن العالمين"]
    {
        let results = searcher.search(query, &options).unwrap();
        if query.contains("الرحمن") {
            // الرحمن is not in this verse: a partial match, found by العالمين.
            assert!(results.partial, "{query}");
        }
        assert_eq!(results.hits.len(), 1, "{query}");
        assert_eq!(
            results.suggestion, None,
            "{query}: no typo correction needed"
        );
        let hit = &results.hits[0];
        let marked: Vec<String> = hit
            .snippet
            .highlights
            .iter()
            .map(|&[s, e]| {
                String::from_utf16(
                    &hit.snippet.text.encode_utf16().collect::<Vec<_>>()[s as usize..e as usize],
                )
                .unwrap()
            })
            .collect();
        assert!(marked.iter().any(|m| m == "ٱلْعَٰلَمِينَ"), "{query}: {marked:?}");
    }
}
