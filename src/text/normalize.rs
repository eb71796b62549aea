//! Normalization: one function, [`normalize`], applied identically to indexed text and to
//! queries, so that the many ways a reader can type a word all reach the same term.
//!
//! Steps, in order:
//! 1. Unicode NFKC (folds Arabic presentation forms and the lam-alef ligatures, full-width
//!    Latin, compatibility digits), applied through a generated table
//!    ([`compat_table`](super::compat_table)) of what NFKC and the folds below make of every
//!    character that they change beyond the folds themselves. The table is tested, code
//!    point by code point, against the `unicode-normalization` crate's NFKC and kept current
//!    by a test; it costs the wasm a fraction of that crate's tables. What a per-character
//!    table cannot do is compose *across* characters: a decomposed Hangul syllable (jamo
//!    sequence), an Indic two-part vowel typed as two characters, or a symbol with a combining
//!    overlay (`<` + U+0338 is ≮ for NFKC) stays as typed. Arabic and Latin letters lose
//!    nothing: NFKC's compositions there (ا + ٓ → آ, e + ́ → é) are undone by the folds anyway
//!    (property-tested).
//! 2. Per character:
//!    - delete every Arabic mark (harakat, shadda, sukun, dagger alef, Quranic annotation
//!      signs U+0610–U+061A, U+064B–U+065F, U+0670, U+06D6–U+06ED, U+08D3–U+08FF), the high
//!      hamza, tatweel, combining diacritics, and invisible format/bidi characters (ZWSP,
//!      ZWNJ, ZWJ, LRM, RLM, ALM, embeddings and isolates, soft hyphen, BOM, tags);
//!    - fold آ أ إ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي;
//!    - fold Persian, Urdu, Kurdish and Maghrebi letters to their Arabic counterparts (ی ے →
//!      ي, ک گ ڭ → ك, ڨ → ق (a /g/ in Algeria and Tunisia), ۀ ہ ە ھ → ه, ۆ ۋ → و, ڤ → ف,
//!      پ → ب, چ → ج, ژ → ز, ٹ ڈ ڑ ں → ت د ر ن);
//!    - map every Unicode decimal digit to ASCII, and the Arabic decimal and thousands
//!      separators ٫ ٬ to `.` `,`;
//!    - lower-case, and fold Latin letters with diacritics to their base letter (é → e,
//!      ø → o, ß → ss).
//!
//! The result is idempotent (`normalize(normalize(x)) == normalize(x)`, property-tested on
//! arbitrary Unicode), total over any Unicode input, and a plain lower-casing copy for ASCII.
//!
//! Uthmani (Quranic) spelling writes a long ā as a dagger alef, which is deleted like the other
//! marks: ٱلۡكِتَٰبُ becomes الكتب. The index also files such a word under its spelling with
//! ا (الكتاب; [`super::Analyzer::written_alef_term`]), so a reader finds it either way.

use super::compat_table::{OFFSETS, RUNS, STRINGS};

/// Normalizes `text` for matching. See the module documentation for the exact steps.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// Like [`normalize`], appending to `out` (reuses the caller's buffer).
pub fn normalize_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        out.extend(text.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        text.chars().for_each(|c| push_folded(c, out));
    }
}

/// What NFKC and the folds make of `c`, when that is more than the per-character folds
/// of [`push_basic`] do: a generated table (see the module documentation).
fn compat(c: char) -> Option<&'static str> {
    let cp = c as u32;
    let run = RUNS
        .partition_point(|&(start, _, _)| start <= cp)
        .checked_sub(1)?;
    let (start, len, first) = RUNS[run];
    if cp - start >= u32::from(len) {
        return None;
    }
    let i = usize::from(first) + (cp - start) as usize;
    let (a, b) = (OFFSETS[i] as usize, OFFSETS[i + 1] as usize);
    STRINGS.get(a..b)
}

/// Folds one character into `out`: deleted, replaced, lower-cased or kept.
fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(s) = compat(c) {
        out.push_str(s);
    } else {
        push_basic(c, out);
    }
}

/// The per-character folds, without the compatibility table.
fn push_basic(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if is_ignorable(c) {
        return;
    }
    if let Some(folded) = fold_arabic(c) {
        out.push(folded);
        return;
    }
    if let Some(d) = decimal_digit_value(c) {
        out.push(char::from(b'0' + d));
        return;
    }
    if let Some(folded) = fold_separator(c) {
        out.push(folded);
        return;
    }
    // Lower case (titlecase letters such as ǅ too), then Latin letters without a
    // decomposition folded.
    for lower in c.to_lowercase() {
        if is_ignorable(lower) {
            continue;
        }
        match plain_latin(lower) {
            Some(plain) => out.push_str(plain),
            None => out.push(lower),
        }
    }
}

/// Arabic number separators to their ASCII counterparts (٣٫٥ → 3.5, ١٬٠٠٠ → 1,000).
fn fold_separator(c: char) -> Option<char> {
    match c {
        '\u{066B}' => Some('.'),
        '\u{066C}' => Some(','),
        _ => None,
    }
}

/// Latin letters without a canonical decomposition, spelled in plain letters.
fn plain_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'ø' => "o",
        'ł' => "l",
        'đ' | 'ð' => "d",
        'ħ' => "h",
        'ı' => "i",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => return None,
    })
}

/// Characters deleted by normalization: Arabic marks, tatweel, combining diacritics and
/// invisible format characters (which otherwise split or poison a word).
pub fn is_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x0610..=0x061A          // Arabic signs (sallallahou, small high letters)
        | 0x064B..=0x065F        // harakat, shadda, sukun, madda/hamza above and below
        | 0x0670                 // superscript (dagger) alef
        | 0x06D6..=0x06ED        // Quranic annotation marks
        | 0x0640                 // tatweel
        | 0x08D3..=0x08FF        // extended Arabic marks
        | 0x0674                 // high hamza (ٵ ٶ ٸ decompose to a letter and it)
        | 0x0300..=0x036F        // combining diacritics (Latin)
        | 0x1AB0..=0x1AFF        // combining diacritics, extended
        | 0x1DC0..=0x1DFF        // combining diacritics, supplement
        | 0x20D0..=0x20FF        // combining marks for symbols
        | 0xFE20..=0xFE2F        // combining half marks
        | 0x00AD                 // soft hyphen
        | 0x061C                 // Arabic letter mark (ALM)
        | 0x180E                 // Mongolian vowel separator
        | 0x200B..=0x200F        // zero width space, ZWNJ, ZWJ, LRM, RLM
        | 0x202A..=0x202E        // bidi embeddings and overrides
        | 0x2060..=0x2064        // word joiner, invisible operators
        | 0x2066..=0x2069        // bidi isolates
        | 0x206A..=0x206F        // deprecated format characters
        | 0xFFF9..=0xFFFB        // interlinear annotation
        | 0xE0000..=0xE007F      // tag characters
        | 0xFE00..=0xFE0F        // variation selectors
        | 0xFEFF                 // BOM / zero width no-break space
    )
}

/// Arabic letter folds for matching, or `None` when `c` is not folded.
fn fold_arabic(c: char) -> Option<char> {
    Some(match c {
        'آ' | 'أ' | 'إ' | 'ٱ' | '\u{0672}' | '\u{0673}' | '\u{0675}' => 'ا',
        'ى' | 'ئ' | 'ی' | 'ے' | 'ۓ' | 'ې' | 'ۍ' | 'ێ' | 'ۑ' | '\u{0678}' => 'ي',
        'ة' | 'ۀ' | 'ہ' | 'ۂ' | 'ە' | 'ۃ' | 'ھ' => 'ه',
        'ؤ' | 'ۆ' | 'ۇ' | 'ۈ' | 'ۋ' | 'ۅ' | 'ۉ' | 'ۏ' | '\u{0676}' | '\u{0677}' => 'و',
        'ک' | 'ڪ' | 'گ' | 'ڭ' | 'ګ' | 'ڬ' => 'ك',
        'ڨ' | 'ٯ' => 'ق', // ڨ writes /g/ in Algeria and Tunisia
        'ڤ' | 'ڥ' => 'ف',
        'پ' | 'ٮ' => 'ب',
        'چ' => 'ج',
        'ژ' => 'ز',
        'ٹ' => 'ت',
        'ڈ' => 'د',
        'ڑ' => 'ر',
        'ں' => 'ن',
        _ => return None,
    })
}

/// The first code point (the digit zero) of every run of ten decimal digits (general
/// category Nd) in Unicode 15.
const DIGIT_ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E950,
    0x1FBF0,
];

/// The value of a non-ASCII Unicode decimal digit (Arabic-Indic ٠–٩, Eastern ۰–۹, …).
pub fn decimal_digit_value(c: char) -> Option<u8> {
    let cp = c as u32;
    if cp < 0x0660 {
        return None;
    }
    let i = DIGIT_ZEROS.partition_point(|&z| z <= cp);
    let zero = DIGIT_ZEROS[i.checked_sub(1)?];
    (cp - zero < 10).then(|| (cp - zero) as u8)
}

/// Is `c` a digit of any script?
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || decimal_digit_value(c).is_some()
}

/// The definition the compatibility table is generated from and tested against: Unicode
/// NFKC (the `unicode-normalization` crate), then the per-character folds, then once more
/// if a deletion left something NFKC composes.
#[cfg(test)]
pub(crate) mod reference {
    use super::*;
    use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

    /// `normalize` by definition.
    pub fn normalize(text: &str) -> String {
        let mut out = String::new();
        fold_pass(text, &mut out);
        if !out.is_ascii() && !matches!(is_nfkc_quick(out.chars()), IsNormalized::Yes) {
            let once = std::mem::take(&mut out);
            fold_pass(&once, &mut out);
        }
        out
    }

    fn fold_pass(text: &str, out: &mut String) {
        text.nfkc().for_each(|c| {
            if c.is_ascii()
                || is_ignorable(c)
                || fold_arabic(c).is_some()
                || decimal_digit_value(c).is_some()
                || fold_separator(c).is_some()
            {
                push_basic(c, out);
            } else {
                for lower in c.to_lowercase() {
                    push_latin_base(lower, out);
                }
            }
        });
    }

    /// A Latin letter with diacritics → its base letter (the first character of its
    /// canonical decomposition).
    fn push_latin_base(c: char, out: &mut String) {
        if is_ignorable(c) {
            return;
        }
        if !matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF) {
            out.push(c);
            return;
        }
        if let Some(plain) = plain_latin(c) {
            out.push_str(plain);
            return;
        }
        let mut pushed = false;
        unicode_normalization::char::decompose_canonical(c, |d| {
            if !is_ignorable(d) && !pushed {
                out.push(d);
                pushed = true;
            }
        });
        if !pushed {
            out.push(c);
        }
    }

    /// The table: every non-ASCII character whose normalization by definition differs from
    /// the per-character folds alone.
    pub fn table() -> Vec<(u32, String)> {
        let mut entries = Vec::new();
        for c in (0x80..=0x10FFFFu32).filter_map(char::from_u32) {
            let want = normalize(c.encode_utf8(&mut [0; 4]));
            let mut basic = String::new();
            push_basic(c, &mut basic);
            if want != basic {
                entries.push((c as u32, want));
            }
        }
        entries
    }

    /// The source of `compat_table.rs` for `entries`.
    pub fn source(entries: &[(u32, String)]) -> String {
        let mut runs: Vec<(u32, u16, u16)> = Vec::new();
        for (i, &(cp, _)) in entries.iter().enumerate() {
            match runs.last_mut() {
                Some((start, len, _)) if *start + u32::from(*len) == cp => *len += 1,
                _ => runs.push((cp, 1, i as u16)),
            }
        }
        let mut run_text = String::new();
        for (i, (start, len, first)) in runs.iter().enumerate() {
            run_text.push_str(&format!(
                "{}(0x{start:X}, {len}, {first}),",
                if i % 4 == 0 { "\n    " } else { " " }
            ));
        }
        let mut offsets = String::from("0");
        let mut strings = String::new();
        for (i, (_, s)) in entries.iter().enumerate() {
            strings.push_str(s);
            offsets.push_str(&format!(
                ",{}{}",
                if (i + 1) % 16 == 0 { "\n    " } else { " " },
                strings.len()
            ));
        }
        let escaped: String = strings.chars().flat_map(|c| c.escape_default()).collect();
        format!(
            "//! Generated by `FAHRAS_WRITE_COMPAT_TABLE=1 cargo test --lib compat_table`: do not edit.\n\
             //! What NFKC and the folds of `normalize.rs` make of every character they change\n\
             //! beyond the per-character folds ({} characters in {} runs).\n\n\
             /// Runs of consecutive characters: (first character, length, index of its\n\
             /// replacement); character `first + k` has replacement `index + k`.\n\
             #[rustfmt::skip]\n\
             pub(super) static RUNS: [(u32, u16, u16); {}] = [{run_text}\n];\n\n\
             /// `STRINGS[OFFSETS[i]..OFFSETS[i + 1]]` is replacement `i`.\n\
             #[rustfmt::skip]\n\
             pub(super) static OFFSETS: [u16; {}] = [\n    {offsets}\n];\n\n\
             /// The replacements, end to end.\n\
             #[rustfmt::skip]\n\
             pub(super) static STRINGS: &str = \"{escaped}\";\n",
            entries.len(),
            runs.len(),
            runs.len(),
            entries.len() + 1,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn compat_table_is_current() {
        let entries = reference::table();
        let source = reference::source(&entries);
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/text/compat_table.rs");
        if std::env::var_os("FAHRAS_WRITE_COMPAT_TABLE").is_some() {
            std::fs::write(path, &source).unwrap();
        }
        let current = std::fs::read_to_string(path).unwrap();
        assert!(current == source, "src/text/compat_table.rs is stale: run FAHRAS_WRITE_COMPAT_TABLE=1 cargo test --lib compat_table");
    }

    #[test]
    fn every_character_normalizes_as_its_definition_says() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let text = c.encode_utf8(&mut [0; 4]).to_owned();
            assert_eq!(
                normalize(&text),
                reference::normalize(&text),
                "U+{:04X}",
                c as u32
            );
        }
    }

    proptest! {
        #[test]
        fn arabic_and_latin_text_normalizes_as_its_definition_says(
            text in "[\\u{0600}-\\u{06FF}\\u{FB50}-\\u{FDFF}\\u{FE70}-\\u{FEFF}a-zA-Z\\u{00C0}-\\u{024F}\\u{1E00}-\\u{1EFF}\\u{FF21}-\\u{FF3A}\\u{FF41}-\\u{FF5A}0-9 \\u{200C}-\\u{200F}\\u{0300}-\\u{036F}]{0,40}"
        ) {
            prop_assert_eq!(normalize(&text), reference::normalize(&text));
        }
    }

    #[test]
    fn folds_table() {
        let cases: &[(&str, &str)] = &[
            ("الإرهابي", "الارهابي"),
            ("أحمد", "احمد"),
            ("آخر", "اخر"),
            ("ٱلله", "الله"),
            ("مستشفى", "مستشفي"),
            ("مدرسة", "مدرسه"),
            ("مسؤول", "مسوول"),
            ("مسئول", "مسيول"),
            ("تنظيمُ", "تنظيم"),
            ("العنكبوتيَّة", "العنكبوتيه"),
            ("جدًّا", "جدا"),
            ("لــ", "ل"),
            ("الرحمٰن", "الرحمن"),
            ("٢٠١٧", "2017"),
            ("۲۰۱۸", "2018"),
            ("२०१९", "2019"),
            ("Telegram", "telegram"),
            ("Café", "cafe"),
            ("ÉCOLE", "ecole"),
            ("ﻻ", "لا"),
            ("ﺗﻠﻐﺮﺍﻡ", "تلغرام"),
            ("ｔｅｌｅｇｒａｍ", "telegram"),
            ("بيروت\u{200E}", "بيروت"),
            ("\u{2067}داعش\u{2069}", "داعش"),
            ("فیسبوک", "فيسبوك"),
            ("ڤيديو", "فيديو"),
            ("پاریس", "باريس"),
            ("گوگل", "كوكل"),
            ("چای", "جاي"),
            ("soft\u{00AD}hyphen", "softhyphen"),
            ("ڨالمة", "قالمه"),
            ("ڭ", "ك"),
            ("ژاک", "زاك"),
            ("ٹیلیگرام", "تيليكرام"),
            ("ھاتف", "هاتف"),
            ("ٵ", "ا"),
            ("٣٫٥", "3.5"),
            ("١٬٠٠٠", "1,000"),
            ("Øresund Łódź", "oresund lodz"),
            ("Straße", "strasse"),
            ("İstanbul", "istanbul"),
            ("ǅemal", "dzemal"),
            ("\u{0627}\u{0653}", "ا"),
            ("\u{0648}\u{0654}", "و"),
            ("الْحَمْدُ لِلَّهِ", "الحمد لله"),
            ("ٱلۡكِتَٰبُ", "الكتب"),
            ("بِسۡمِ", "بسم"),
            ("تيلي\u{200D}جرام", "تيليجرام"),
            ("word\u{E0041}", "word"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input), *want, "normalize({input:?})");
        }
    }

    #[test]
    fn digit_values() {
        assert_eq!(decimal_digit_value('٥'), Some(5));
        assert_eq!(decimal_digit_value('۹'), Some(9));
        assert_eq!(decimal_digit_value('ا'), None);
        assert_eq!(decimal_digit_value('\u{066B}'), None); // Arabic decimal separator
        assert!(is_digit('7') && is_digit('٧') && !is_digit('x'));
    }

    #[test]
    fn is_idempotent_on_samples() {
        for s in [
            "İstanbul",
            "ǅemal",
            "ﷺ",
            "ß",
            "ﬁle",
            "Ⅻ",
            "الإِرْهَابِيُّ",
            "\u{0675}",
        ] {
            let once = normalize(s);
            assert_eq!(normalize(&once), once, "{s:?}");
        }
    }

    #[test]
    fn a_fold_that_enables_a_composition_is_still_idempotent() {
        // A ZWJ between two Hangul jamo: deleting it lets NFKC compose them.
        for s in [
            "\u{1100}\u{200D}\u{1161}",
            "e\u{200B}\u{0301}",
            "ا\u{200C}\u{0653}",
        ] {
            let once = normalize(s);
            assert_eq!(normalize(&once), once, "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn normalize_is_idempotent_on_any_text(text in "\\PC{0,24}") {
            let once = normalize(&text);
            prop_assert_eq!(normalize(&once), once);
        }

        #[test]
        fn normalize_is_idempotent_on_arabic_text(text in "[\u{0600}-\u{06FF}\u{0750}-\u{077F}\u{08A0}-\u{08FF}\u{FB50}-\u{FDFF}\u{FE70}-\u{FEFF}\u{200B}-\u{200F} a-zA-Z0-9]{0,24}") {
            let once = normalize(&text);
            prop_assert_eq!(normalize(&once), once);
        }

        #[test]
        fn normalize_never_panics_and_drops_every_mark(text in any::<String>()) {
            let out = normalize(&text);
            prop_assert!(!out.chars().any(is_ignorable), "{:?}", out);
            prop_assert!(!out.chars().any(|c| decimal_digit_value(c).is_some()), "{:?}", out);
            prop_assert!(!out.chars().any(|c| matches!(c, 'أ' | 'إ' | 'آ' | 'ٱ' | 'ى' | 'ة' | 'ؤ' | 'ئ')));
        }
    }
}
