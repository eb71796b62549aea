//! Tokenization: splits raw text into words, keeping byte offsets into the original text so
//! that a match can be highlighted exactly as it was written.
//!
//! Rules:
//! - A word is a run of letters, digits and the marks/format characters that live inside
//!   words (harakat, tatweel, ZWNJ, bidi marks…); everything else separates words,
//!   including Arabic punctuation (، ؛ ؟ « » ٪) and the ASCII punctuation.
//! - A switch between Arabic script and Latin script, or between Arabic letters and digits,
//!   splits a word ("نوفمبر2017" → "نوفمبر", "2017"; "لـiMessage" → "لـ", "iMessage").
//! - Numbers stay whole with their inner separators: "1.2", "274.460", "1,000", "٢٠١٧",
//!   "٣٫٥" (a separator counts only between two digits).
//! - A `#` or `@` directly before a word makes it a hashtag or a handle; `_` splits one into
//!   parts, each a token of the same kind (`#تنظيم_داعش` → `تنظيم`, `داعش`), so that searching
//!   a word finds the hashtags that contain it. `_` is a separator everywhere.
//! - A zero width space (U+200B) separates words; the other invisible characters (ZWNJ, ZWJ,
//!   bidi marks, soft hyphen) are part of the word they are in, and the no-break spaces
//!   (U+00A0, U+202F) are spaces.

use super::normalize::{is_digit, is_ignorable};

/// What kind of token a [`RawToken`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A word in any script.
    Word,
    /// A number, possibly with inner separators.
    Number,
    /// A word written after `#`.
    Hashtag,
    /// A word written after `@`.
    Handle,
}

/// A token as found in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawToken {
    /// Byte offset of the first byte (the `#`/`@` included for hashtags and handles).
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Byte offset where the word itself starts (after `#`/`@`).
    pub word_start: usize,
    /// The kind of token.
    pub kind: TokenKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Arabic,
    Latin,
    Digit,
    /// Marks and invisible characters: they join the word they are in.
    Inner,
    Sep,
}

fn class(c: char) -> Class {
    if matches!(c as u32, 0x0621..=0x063F | 0x0641..=0x064A) {
        return Class::Arabic; // the letters, first (tatweel, U+0640, is ignorable: Inner)
    }
    if c.is_ascii() {
        // Spaces and punctuation, second: no ASCII character is ignorable or combining.
        return if c.is_ascii_digit() {
            Class::Digit
        } else if c.is_ascii_alphabetic() {
            Class::Latin
        } else {
            Class::Sep
        };
    }
    class_of_any(c)
}

/// [`class`] without its fast paths (which a test checks against this).
fn class_of_any(c: char) -> Class {
    if c == '\u{200B}' {
        return Class::Sep; // zero width space: a word break
    }
    if is_digit(c) {
        return Class::Digit;
    }
    if is_ignorable(c) {
        return Class::Inner;
    }
    let cp = c as u32;
    if matches!(cp, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFC)
    {
        // Arabic punctuation, signs and symbols inside the Arabic blocks separate words.
        return if c.is_alphabetic() {
            Class::Arabic
        } else {
            Class::Sep
        };
    }
    if c.is_alphanumeric() {
        return Class::Latin; // any other script: treated like Latin (letters with digits)
    }
    if is_combining(c) {
        return Class::Inner;
    }
    Class::Sep
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_number_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '\u{066B}' | '\u{066C}')
}

/// Splits `text` into tokens. Total: never panics, whatever the input.
pub fn tokenize(text: &str) -> Vec<RawToken> {
    // Sized once: at most one char per byte, about one token per six bytes of Arabic.
    let mut tokens = Vec::with_capacity(text.len() / 6 + 1);
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    chars.extend(text.char_indices());
    let n = chars.len();
    let end_of = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut i = 0;
    // The kind of the hashtag or handle whose next part (after `_`) starts at `i`.
    let mut carry: Option<TokenKind> = None;
    while i < n {
        let (start, c) = chars[i];
        let mut kind = carry.take().unwrap_or(TokenKind::Word);
        let mut j = i;
        if kind == TokenKind::Word
            && (c == '#' || c == '@')
            && i + 1 < n
            && matches!(
                class(chars[i + 1].1),
                Class::Arabic | Class::Latin | Class::Digit
            )
        {
            kind = if c == '#' {
                TokenKind::Hashtag
            } else {
                TokenKind::Handle
            };
            j = i + 1;
        }
        let first = class(chars[j].1);
        if !matches!(first, Class::Arabic | Class::Latin | Class::Digit) {
            i += 1;
            continue;
        }
        let word_start = chars[j].0;
        let number = first == Class::Digit && kind == TokenKind::Word;
        if number {
            kind = TokenKind::Number;
        }
        // The script of the word so far: Inner characters do not change it.
        let mut script = first;
        j += 1;
        while j < n {
            let c = chars[j].1;
            let k = class(c);
            let joins = match (script, k) {
                (_, Class::Inner) => true,
                (Class::Digit, Class::Digit) => true,
                (Class::Arabic, Class::Arabic) => true,
                (Class::Latin, Class::Latin | Class::Digit) => true,
                (Class::Digit, Class::Latin) => !number,
                (Class::Digit, Class::Sep) if number && is_number_separator(c) => {
                    j + 1 < n && class(chars[j + 1].1) == Class::Digit
                }
                _ => false,
            };
            if !joins {
                break;
            }
            if k != Class::Inner && k != Class::Sep {
                script = k;
            }
            j += 1;
        }
        // Trailing invisible characters (an LRM after a word) belong to no word.
        let mut last = j;
        while last > i + 1
            && class(chars[last - 1].1) == Class::Inner
            && is_ignorable(chars[last - 1].1)
            && !is_mark(chars[last - 1].1)
        {
            last -= 1;
        }
        tokens.push(RawToken {
            start,
            end: end_of(last),
            word_start,
            kind,
        });
        let tagged = matches!(kind, TokenKind::Hashtag | TokenKind::Handle);
        if tagged
            && j + 1 < n
            && chars[j].1 == '_'
            && matches!(
                class(chars[j + 1].1),
                Class::Arabic | Class::Latin | Class::Digit
            )
        {
            carry = Some(kind);
            j += 1;
        }
        i = j;
    }
    tokens
}

/// Arabic and Latin marks that are part of the written word (kept in the highlighted span).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0640 | 0x08D3..=0x08FF)
        || is_combining(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn fast_classes_agree_with_the_general_rules() {
        let fast = (0u32..0x80).chain(0x0621..=0x063F).chain(0x0641..=0x064A);
        for c in fast.filter_map(char::from_u32) {
            let expected = if matches!(c as u32, 0x0621..=0x063F | 0x0641..=0x064A) {
                Class::Arabic
            } else {
                class_of_any(c)
            };
            assert_eq!(class(c), expected, "{c:?}");
        }
        assert_eq!(class(' '), Class::Sep);
        assert_eq!(class('7'), Class::Digit);
        assert_eq!(class('k'), Class::Latin);
    }

    #[test]
    fn splitting_table() {
        let cases: &[(&str, &[&str])] = &[
            ("«داعش» يهرب لتطبيقات", &["داعش", "يهرب", "لتطبيقات"]),
            ("العراق، سوريا؛ لماذا؟", &["العراق", "سوريا", "لماذا"]),
            ("23 نوفمبر2017", &["23", "نوفمبر", "2017"]),
            ("حذف 1.2 مليون حساب", &["حذف", "1.2", "مليون", "حساب"]),
            ("حوالى 274.460 حساب", &["حوالى", "274.460", "حساب"]),
            ("في عام ٢٠١٧.", &["في", "عام", "٢٠١٧"]),
            ("٣٫٥٪", &["٣٫٥"]),
            ("١٬٠٠٠ قتيل", &["١٬٠٠٠", "قتيل"]),
            ("۲۰۱۸م", &["۲۰۱۸", "م"]),
            ("تطبيق آبل «iMessage»", &["تطبيق", "آبل", "iMessage"]),
            ("لـiMessage", &["لـ", "iMessage"]),
            ("لــ«تيليجرام»", &["لــ", "تيليجرام"]),
            ("الإِرْهَابِيُّ", &["الإِرْهَابِيُّ"]),
            ("وَالتَّنْظِيمُ", &["وَالتَّنْظِيمُ"]),
            ("بيروت\u{200E} اليوم", &["بيروت", "اليوم"]),
            ("\u{2067}داعش\u{2069}", &["داعش"]),
            ("تيلي\u{00AD}جرام", &["تيلي\u{00AD}جرام"]),
            ("فيس\u{200B}بوك", &["فيس", "بوك"]),
            ("1-\u{00A0}فيس بوك داعش", &["1", "فيس", "بوك", "داعش"]),
            ("مليون\u{202F}حساب", &["مليون", "حساب"]),
            ("#داعش و @some_user", &["#داعش", "و", "@some", "user"]),
            ("#تنظيم_داعش", &["#تنظيم", "داعش"]),
            ("#_x", &["x"]),
            ("a#b", &["a", "#b"]),
            ("snake_case", &["snake", "case"]),
            ("49قتيلاً", &["49", "قتيلاً"]),
            ("G20 mp3", &["G20", "mp3"]),
            ("Google+ و«جوجل بلس»", &["Google", "و", "جوجل", "بلس"]),
            ("e-mail ISIS/داعش", &["e", "mail", "ISIS", "داعش"]),
            ("(تام تام)", &["تام", "تام"]),
            (
                "20/ديسمبر/2018 - 11:34 ص",
                &["20", "ديسمبر", "2018", "11", "34", "ص"],
            ),
            ("1,000,000.", &["1,000,000"]),
            ("Café naïve", &["Café", "naïve"]),
            ("Москва 東京", &["Москва", "東京"]),
            ("", &[]),
            ("... ؟؟ !!", &[]),
            ("\u{064E}\u{0651}", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(words(input), *want, "tokenize({input:?})");
        }
    }

    #[test]
    fn kinds_and_word_starts() {
        let t = tokenize("#داعش");
        assert_eq!(t[0].kind, TokenKind::Hashtag);
        assert_eq!(t[0].word_start, 1);
        assert_eq!(tokenize("2017")[0].kind, TokenKind::Number);
        assert_eq!(tokenize("G20")[0].kind, TokenKind::Word);
        let parts = tokenize("@some_user x");
        let kinds: Vec<TokenKind> = parts.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [TokenKind::Handle, TokenKind::Handle, TokenKind::Word]
        );
        assert_eq!(parts[1].start, parts[1].word_start, "a later part has no @");
    }

    proptest! {
        #[test]
        fn offsets_are_char_boundaries_in_order(text in "\\PC{0,40}") {
            let mut previous_end = 0;
            for t in tokenize(&text) {
                prop_assert!(t.start <= t.word_start && t.word_start < t.end && t.end <= text.len());
                prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.word_start));
                prop_assert!(text.is_char_boundary(t.end));
                prop_assert!(t.start >= previous_end, "tokens do not overlap");
                previous_end = t.end;
            }
        }

        #[test]
        fn offsets_hold_on_arabic_mixtures(text in "[ا-ي\u{064B}-\u{0652}\u{0640}\u{200C}-\u{200F}#@_ .,0-9٠-٩a-z«»،\u{00A0}]{0,40}") {
            for t in tokenize(&text) {
                prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                prop_assert!(!text[t.word_start..t.end].is_empty());
            }
        }
    }
}
