//! Normalization: one function, [`normalize`], applied identically to indexed text and to
//! queries, so that the many ways a reader can type a word all reach the same term.
//!
//! Steps, in order:
//! 1. Unicode NFKC (folds Arabic presentation forms and the lam-alef ligatures, full-width
//!    Latin, compatibility digits), applied through a generated table
//!    ([`compat_table`](super::compat_table)) of what NFKC and the folds below make of every
//!    character that they change beyond the folds that need no table (the lower-casing and
//!    the Latin folds of step 2 are in it, so that the wasm carries no case tables of its
//!    own). The table is tested, code point by code point, against the
//!    `unicode-normalization` crate's NFKC and kept current by a test; it costs the wasm a
//!    fraction of that crate's tables. What a per-character
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

use super::compat_table::{POOL, SEGMENTS, SEGMENT_DATA, VALUES_HI, VALUES_LO};

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

/// Flags of a segment of the compatibility table (in `SEGMENTS`, with its first character
/// and its length): each character `first + k` becomes one character, `SEGMENT_DATA + k`.
const LINEAR: u32 = 1 << 13;
/// Of a linear segment: `0x10000 + SEGMENT_DATA + k`.
const PLANE_1: u32 = 1 << 12;
/// Of a linear segment: only even `k` are in the table.
const EVERY_OTHER: u32 = 1 << 11;
/// The length bits of a segment.
const LENGTH: u32 = (1 << 11) - 1;

/// Pushes what NFKC and the folds make of `c` onto `out` when that is more than the
/// per-character folds of [`push_basic`] do, from a generated table (see the module
/// documentation and `compat_table.rs` for its layout); `false` when `c` is not in it.
fn push_compat(c: char, out: &mut String) -> bool {
    let cp = c as u32;
    let Some(seg) = SEGMENTS
        .partition_point(|&key| key >> 14 <= cp)
        .checked_sub(1)
    else {
        return false;
    };
    let key = SEGMENTS[seg];
    let k = cp - (key >> 14);
    if k >= key & LENGTH {
        return false;
    }
    let data = u32::from(SEGMENT_DATA[seg]);
    let value = if key & LINEAR != 0 {
        if key & EVERY_OTHER != 0 && k % 2 == 1 {
            return false;
        }
        data + k + if key & PLANE_1 != 0 { 0x10000 } else { 0 }
    } else {
        let i = data as usize + k as usize;
        u32::from(VALUES_HI[i]) << 8 | u32::from(VALUES_LO[i])
    };
    match value {
        0xFFFF => false,
        0xD800..=0xF8FF => {
            let at = (value - 0xD800) as usize;
            let len = usize::from(POOL.as_bytes()[at]);
            POOL.get(at + 1..at + 1 + len)
                .map(|s| out.push_str(s))
                .is_some()
        }
        _ => char::from_u32(value).map(|c| out.push(c)).is_some(),
    }
}

/// Folds one character into `out`: deleted, replaced, lower-cased or kept.
fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if !push_compat(c, out) {
        push_basic(c, out);
    }
}

/// The per-character folds that need no table: deletions, Arabic letters, digits and
/// separators (and ASCII lower case).
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
    // Lower-casing and the Latin folds are in the table (so the wasm carries no case
    // tables of its own): what is left stays as it is.
    out.push(c);
}

/// Arabic number separators to their ASCII counterparts (٣٫٥ → 3.5, ١٬٠٠٠ → 1,000).
fn fold_separator(c: char) -> Option<char> {
    match c {
        '\u{066B}' => Some('.'),
        '\u{066C}' => Some(','),
        _ => None,
    }
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
        // The base letter can itself be one without a decomposition (ǽ is æ + ◌́).
        let mut pushed = false;
        unicode_normalization::char::decompose_canonical(c, |d| {
            if !is_ignorable(d) && !pushed {
                match plain_latin(d) {
                    Some(plain) => out.push_str(plain),
                    None => out.push(d),
                }
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

    /// Characters `first + step * i` (step 1 or 2) whose replacements are the single
    /// characters `target + step * i` for at least this many `i` make a linear segment (no
    /// per-character data); shorter such runs cost less as table entries.
    const MIN_LINEAR_RUN: usize = 6;
    /// Table segments absorb gaps of up to this many characters (entries "not in the table")
    /// rather than end: a segment costs 6 bytes, an entry 2.
    const MAX_GAP: u32 = 3;

    /// The source of `compat_table.rs` for `entries` (sorted by character).
    pub fn source(entries: &[(u32, String)]) -> String {
        let single = |s: &str| {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Some(c as u32),
                _ => None,
            }
        };
        // The plane of a linear segment's targets: the BMP or plane 1.
        let plane = |t: u32| (t >> 16 < 2).then_some(t >> 16);
        // How many entries from `i` on make a run of `step`: `first + step * n` becomes
        // `target + step * n`, no character in between, the targets in one plane.
        let run = |i: usize, step: u32| {
            let (first, target) = (entries[i].0, single(&entries[i].1));
            let Some(target) = target.filter(|&t| plane(t).is_some()) else {
                return 0;
            };
            let mut n = 1;
            while i + n < entries.len()
                && entries[i + n].0 == first + step * n as u32
                && single(&entries[i + n].1) == Some(target + step * n as u32)
                && plane(target + step * n as u32) == plane(target)
            {
                n += 1;
            }
            n
        };
        // Where the linear segment starting at each entry ends (its last entry + 1), and
        // its step.
        let mut linear = vec![None; entries.len()];
        let mut i = 0;
        while i < entries.len() {
            let (n, step) = [(run(i, 1), 1), (run(i, 2), 2)]
                .into_iter()
                .max_by_key(|&(n, step)| (n, std::cmp::Reverse(step)))
                .unwrap();
            if n >= MIN_LINEAR_RUN {
                linear[i] = Some((i + n, step));
                i += n;
            } else {
                i += 1;
            }
        }
        let mut segments: Vec<(u32, u32, u32, u16)> = Vec::new(); // first, length, flags, data
        let (mut values, mut pool, mut pooled) = (Vec::new(), String::new(), Vec::new());
        let mut value = |s: &str, pool: &mut String| -> u16 {
            match single(s) {
                Some(t) if t <= 0xFFFF => {
                    assert!(!(0xD800..=0xF8FF).contains(&t) && t != 0xFFFF, "U+{t:04X}");
                    t as u16
                }
                _ => {
                    let at = match pooled.iter().find(|(p, _): &&(String, usize)| p == s) {
                        Some(&(_, at)) => at,
                        None => {
                            let at = pool.len();
                            assert!(s.len() < 0x80);
                            pool.push(char::from(s.len() as u8));
                            pool.push_str(s);
                            pooled.push((s.to_owned(), at));
                            at
                        }
                    };
                    assert!(at <= 0xF8FF - 0xD800);
                    0xD800 + at as u16
                }
            }
        };
        let mut i = 0;
        while i < entries.len() {
            let first = entries[i].0;
            if let Some((end, step)) = linear[i] {
                let t = single(&entries[i].1).unwrap();
                let last = single(&entries[end - 1].1).unwrap();
                assert!(last < 0xD800 || (t > 0xF8FF && last != 0xFFFF));
                let flags = LINEAR
                    | if t > 0xFFFF { PLANE_1 } else { 0 }
                    | if step == 2 { EVERY_OTHER } else { 0 };
                let len = entries[end - 1].0 + 1 - first;
                segments.push((first, len, flags, t as u16));
                i = end;
                continue;
            }
            let start = values.len();
            let mut next = first;
            while i < entries.len() && linear[i].is_none() && entries[i].0 - next <= MAX_GAP {
                values.extend((next..entries[i].0).map(|_| 0xFFFF));
                values.push(value(&entries[i].1, &mut pool));
                next = entries[i].0 + 1;
                i += 1;
            }
            segments.push((first, next - first, 0, u16::try_from(start).unwrap()));
        }
        let mut segment_text = String::new();
        let mut data_text = String::new();
        for (i, &(first, len, flags, data)) in segments.iter().enumerate() {
            assert!(first < 1 << 18 && len <= LENGTH);
            let sep = if i % 8 == 0 { "\n    " } else { " " };
            let key = first << 14 | flags | len;
            segment_text.push_str(&format!("{sep}0x{key:08X},"));
            data_text.push_str(&format!("{sep}0x{data:04X},"));
        }
        let plane = |shift: u32| {
            let mut text = String::new();
            for (i, v) in values.iter().enumerate() {
                let sep = if i % 16 == 0 { "\n    " } else { " " };
                text.push_str(&format!("{sep}0x{:02X},", (v >> shift) & 0xFF));
            }
            text
        };
        let escaped: String = pool.chars().flat_map(|c| c.escape_default()).collect();
        format!(
            "//! Generated by `FAHRAS_WRITE_COMPAT_TABLE=1 cargo test --lib compat_table`: do not edit.\n\
             //! What NFKC and the folds of `normalize.rs` make of every character they change\n\
             //! beyond the per-character folds ({} characters in {} segments).\n\
             //!\n\
             //! A segment covers the consecutive characters `first..first + length`; segment `s`\n\
             //! has `SEGMENTS[s] = first << 14 | flags | length` (flags: `LINEAR`, `PLANE_1`,\n\
             //! `EVERY_OTHER` of `normalize.rs`) and `SEGMENT_DATA[s] = d`. In a linear segment,\n\
             //! character `first + k` becomes the single character `d + k` (`0x10000 + d + k`\n\
             //! with `PLANE_1`), for even `k` only with `EVERY_OTHER`. Otherwise its value is\n\
             //! `v = VALUES_HI[d + k] << 8 | VALUES_LO[d + k]` (two byte\n\
             //! planes: they compress better apart): 0xFFFF for a character not in the table,\n\
             //! `0xD800 + p` for the string in `POOL` at `p` (a length byte, then that many bytes\n\
             //! of UTF-8), else the single character `v`.\n\n\
             /// `first << 14 | flags | length` of each segment, sorted by `first`.\n\
             #[rustfmt::skip]\n\
             pub(super) static SEGMENTS: [u32; {}] = [{segment_text}\n];\n\n\
             /// The first replacement of a linear segment, or the index of its first value.\n\
             #[rustfmt::skip]\n\
             pub(super) static SEGMENT_DATA: [u16; {}] = [{data_text}\n];\n\n\
             /// The low bytes of the values.\n\
             #[rustfmt::skip]\n\
             pub(super) static VALUES_LO: [u8; {}] = [{}\n];\n\n\
             /// The high bytes of the values.\n\
             #[rustfmt::skip]\n\
             pub(super) static VALUES_HI: [u8; {}] = [{}\n];\n\n\
             /// The replacements that are not one character of the BMP, each once: a length byte,\n\
             /// then the UTF-8.\n\
             #[rustfmt::skip]\n\
             pub(super) static POOL: &str = \"{escaped}\";\n",
            entries.len(),
            segments.len(),
            segments.len(),
            segments.len(),
            values.len(),
            plane(0),
            values.len(),
            plane(8),
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
            ("Æ\u{0301}gir ǽ Ǿ", "aegir ae o"),
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
