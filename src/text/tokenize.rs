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
//! - A `#` or `@` directly before a word makes it a hashtag or a handle; `_` joins the parts
//!   of a handle or hashtag (`@some_user`) but is a separator elsewhere.

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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Arabic,
    Latin,
    Digit,
    /// Marks and invisible characters: they join the word they are in.
    Inner,
    Sep,
}

fn class(c: char) -> Class {
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
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let end_of = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut i = 0;
    while i < n {
        let (start, c) = chars[i];
        let mut kind = TokenKind::Word;
        let mut j = i;
        if (c == '#' || c == '@')
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
                (_, Class::Sep) if c == '_' && kind != TokenKind::Word => {
                    j + 1 < n
                        && matches!(
                            class(chars[j + 1].1),
                            Class::Arabic | Class::Latin | Class::Digit
                        )
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

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
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
            ("تطبيق آبل «iMessage»", &["تطبيق", "آبل", "iMessage"]),
            ("لـiMessage", &["لـ", "iMessage"]),
            ("الإِرْهَابِيُّ", &["الإِرْهَابِيُّ"]),
            ("بيروت\u{200E} اليوم", &["بيروت", "اليوم"]),
            ("#داعش و @some_user", &["#داعش", "و", "@some_user"]),
            ("#تنظيم_داعش", &["#تنظيم_داعش"]),
            ("snake_case", &["snake", "case"]),
            ("49قتيلاً", &["49", "قتيلاً"]),
            ("G20 mp3", &["G20", "mp3"]),
            (
                "20/ديسمبر/2018 - 11:34 ص",
                &["20", "ديسمبر", "2018", "11", "34", "ص"],
            ),
            ("1,000,000.", &["1,000,000"]),
            ("", &[]),
            ("... ؟؟ !!", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(words(input), *want, "tokenize({input:?})");
        }
    }

    #[test]
    fn hashtag_kind_and_word_start() {
        let t = tokenize("#داعش");
        assert_eq!(t[0].kind, TokenKind::Hashtag);
        assert_eq!(t[0].word_start, 1);
        assert_eq!(tokenize("2017")[0].kind, TokenKind::Number);
    }
}
