//! Text analysis: how raw Arabic (and Latin) text becomes the terms that are indexed and
//! searched. The same [`Analyzer`] runs at index time and at query time.
//!
//! Pipeline for each word found by [`tokenize`](tokenize::tokenize):
//! 1. [`normalize`](normalize::normalize): NFKC, marks and invisible characters removed,
//!    letter variants folded, digits to ASCII, lower case → the **term** that is indexed;
//! 2. [`stem`](stem::stem): proclitics and suffixes removed → the **stem**, used to find the
//!    other forms of the word at a lower score; [`related_stems`](stem::related_stems) adds,
//!    at query time, the stems with a single-letter preposition (ب ك ل ف) removed or added,
//!    and [`plurals`] those of a broken plural's other number (قناة ↔ قنوات);
//! 3. [`variant_key`](variant::variant_key): a consonant skeleton for foreign names spelled
//!    many ways, given only to words that spell a name of the [`Aliases`] list → the
//!    **variant key**, a still lower-scored expansion;
//!    [`joined_variant_key`](variant::joined_variant_key) gives the key of two adjacent
//!    words written apart (فيس بوك);
//! 4. [`Aliases::expansions`]: the other-script names of a term (Telegram ↔ تيليجرام).
//!
//! Stop words ([`stopwords`]) are still indexed; the search makes them optional.

pub mod aliases;
mod compat_table;
pub mod normalize;
pub mod plurals;
pub mod stem;
pub mod stopwords;
pub mod tokenize;
pub mod variant;

pub use aliases::{AliasError, Aliases};
pub use normalize::normalize;
pub use plurals::{PluralError, Plurals};
pub use tokenize::TokenKind;

use stopwords::StopWords;

/// One analyzed word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the word in the analyzed text (a `#`/`@` included).
    pub start: usize,
    /// Byte offset one past the word.
    pub end: usize,
    /// Position of the word among the words of the text (0, 1, 2…), for phrases and proximity.
    pub position: u32,
    /// The normalized form: the term that is indexed.
    pub term: String,
    /// What kind of word this is.
    pub kind: TokenKind,
}

/// Turns text into [`Token`]s and terms into stems and variant keys.
#[derive(Debug, Clone)]
pub struct Analyzer {
    stop_words: StopWords,
    aliases: Aliases,
    plurals: Plurals,
}

/// What a site adds to the default analysis: more cross-script aliases, stop words and
/// broken plurals. The index stores them, so the browser analyzes queries exactly as the
/// documents were.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnalysisSettings {
    /// Extra alias lines, in the format of `data/aliases.tsv`.
    pub aliases: String,
    /// Extra stop words.
    pub stop_words: Vec<String>,
    /// Extra broken plurals, in the format of `data/plurals.txt` ([`Plurals::extend`]).
    pub plurals: String,
}

/// A site's analysis settings that cannot be used: which list, which line, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsError {
    /// The alias list.
    Aliases(AliasError),
    /// The plural list.
    Plurals(PluralError),
}

impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SettingsError::Aliases(e) => e.fmt(f),
            SettingsError::Plurals(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for SettingsError {}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer {
            stop_words: StopWords::default_set(),
            aliases: Aliases::default_set(),
            plurals: Plurals::default_set(),
        }
    }
}

impl Analyzer {
    /// Splits and normalizes `text`. Words that normalize to nothing (a lone diacritic) are
    /// dropped; a compatibility character that expands to several words (ﷺ) yields several
    /// tokens with the same offsets.
    pub fn analyze(&self, text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        let mut position = 0u32;
        let mut buf = String::new();
        for raw in tokenize::tokenize(text) {
            buf.clear();
            normalize::normalize_into(&text[raw.word_start..raw.end], &mut buf);
            for term in buf.split(|c: char| !is_term_char(c)) {
                if term.is_empty() {
                    continue;
                }
                tokens.push(Token {
                    start: raw.start,
                    end: raw.end,
                    position,
                    term: term.to_owned(),
                    kind: raw.kind,
                });
                position += 1;
            }
        }
        tokens
    }

    /// The digits of a number written with thousands separators (274.460, 1,500, ١٬٠٠٠ →
    /// 274460, 1500, 1000: a normalized term of one to three digits, then groups of exactly
    /// three, each after one `.` or `,`), so that a reader who types the number without its
    /// separators, or with the other ones, finds it. `None` for any other term (3.5, 2017,
    /// 1.2.3 with a short group).
    pub fn ungrouped_number(&self, term: &str) -> Option<String> {
        let mut groups = term.split(['.', ',']);
        let first = groups.next()?;
        let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
        if !(1..=3).contains(&first.len()) || !digits(first) {
            return None;
        }
        let mut out = first.to_owned();
        let mut any = false;
        for group in groups {
            if group.len() != 3 || !digits(group) {
                return None;
            }
            out.push_str(group);
            any = true;
        }
        any.then_some(out)
    }

    /// The other term an indexed word is also found under, if any: a word written with a
    /// dagger alef (U+0670, Uthmani spelling, where it stands for a long ā) has the term
    /// of its modern spelling with ا besides the one with the mark deleted
    /// (ٱلْعَٰلَمِينَ → العلمين and العالمين; ٱلرَّحْمَٰنِ → الرحمن and الرحمان), so that both
    /// ways a reader types it find it. `word` is a token's text (`&text[start..end]`).
    /// Only for indexing: a query word has one term.
    pub fn written_alef_term(&self, word: &str) -> Option<String> {
        if !word.contains('\u{0670}') {
            return None;
        }
        // After ى و ي the dagger alef is not written as ا today (عَلَىٰ is على, ٱلصَّلَوٰةَ
        // is الصلاة): those keep it deleted.
        let mut written = String::with_capacity(word.len() + 2);
        let mut letter = ' ';
        let mut replaced = false;
        for c in word.chars() {
            if c == '\u{0670}' && !matches!(letter, 'ى' | 'و' | 'ي') {
                written.push('ا');
                replaced = true;
                continue;
            }
            if !normalize::is_ignorable(c) {
                letter = c;
            }
            written.push(c);
        }
        if !replaced {
            return None;
        }
        single_term(&written)
    }

    /// The other term a word written with a hamza on a seat (ؤ, ئ) is also found under: its
    /// spelling with the bare hamza ء. The seat varies with the writer (مسؤول in the Gulf,
    /// مسئول in Egypt; الشؤون / الشئون), and the normalized terms keep the seat's letter
    /// (مسوول, مسيول), so the index files such a word under both, and a query word with a
    /// seated hamza looks up both: either seat finds the other. `word` is a token's text.
    pub fn hamza_seat_term(&self, word: &str) -> Option<String> {
        const SEATED: &[char] = &[
            'ؤ', 'ئ', '\u{FE85}', '\u{FE86}', '\u{FE89}', '\u{FE8A}', '\u{FE8B}', '\u{FE8C}',
        ];
        if !word.contains(SEATED) {
            return None;
        }
        let bare = word.replace(SEATED, "ء");
        single_term(&bare)
    }

    /// The standard spelling of a word written in a common other one, when that is not its
    /// term: مائة → مئة (and مائتين, مائتان), إليكتروني → إلكتروني (whose ال the stemmer
    /// would take for the article), صحافي → صحفي, after any proclitics and the article
    /// (بمائة → بمئة, الصحافيين → الصحفيين). The
    /// index files such a word under both, and a query word looks up both.
    pub fn standard_spelling(&self, term: &str) -> Option<String> {
        /// (other spelling, standard), normalized: a whole word, or with `*` a beginning.
        const SPELLINGS: &[(&str, &str)] = &[
            ("مايه", "ميه"),
            ("مايتين", "ميتين"),
            ("مايتان", "ميتان"),
            ("مايتا", "ميتا"),
            ("مايتي", "ميتي"),
            ("اليكترون*", "الكترون"),
            ("صحافي*", "صحفي"),
        ];
        const PROCLITICS: &[&str] = &[
            "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "ال", "وال", "فال", "بال",
            "كال", "لل", "وبال", "ولل",
        ];
        for &(other, standard) in SPELLINGS {
            for &p in PROCLITICS {
                let Some(rest) = term.strip_prefix(p) else {
                    continue;
                };
                match other.strip_suffix('*') {
                    Some(beginning) => {
                        if let Some(suffix) = rest.strip_prefix(beginning) {
                            return Some(format!("{p}{standard}{suffix}"));
                        }
                    }
                    None if rest == other => return Some(format!("{p}{standard}")),
                    None => {}
                }
            }
        }
        None
    }

    /// The other term a word written with a hamza on a seat before و is also found under:
    /// its spelling with the other seat (مسئول → مسؤول, الشؤون → الشئون), normalized. Before
    /// و the seat is the writer's choice (مسئول in Egypt, مسؤول in the Gulf and the Levant),
    /// and a reader who types the word without its hamza writes the seat's letter: مسوول, or
    /// الشوون for a text's «والشئون». So the index files such a word under both seats'
    /// letters, which the word's stem and its clitics then reach as any term's do. Only
    /// before و: elsewhere the other seat's letter makes other words (هيئة would be هوية).
    pub fn other_seat_term(&self, word: &str) -> Option<String> {
        if !word.contains("ئو") && !word.contains("ؤو") {
            return None;
        }
        let chars: Vec<char> = word.chars().collect();
        let swapped: String = chars
            .iter()
            .enumerate()
            .map(|(i, &c)| match (c, chars.get(i + 1)) {
                ('ئ', Some('و')) => 'ؤ',
                ('ؤ', Some('و')) => 'ئ',
                _ => c,
            })
            .collect();
        single_term(&swapped)
    }

    /// The offsets and positions of the tokens [`Analyzer::analyze`] gives, `(start, end,
    /// position)`, without building their terms (for highlighting, which only needs to find
    /// positions in the text). A word of plain Arabic letters or ASCII letters and digits is
    /// one token without normalizing it.
    pub fn token_spans(&self, text: &str) -> Vec<(usize, usize, u32)> {
        let raws = tokenize::tokenize(text);
        let mut spans = Vec::with_capacity(raws.len());
        let mut position = 0u32;
        let mut buf = String::new();
        for raw in raws {
            let word = &text[raw.word_start..raw.end];
            let plain = !word.is_empty()
                && word.chars().all(|c| {
                    matches!(c as u32, 0x0621..=0x063F | 0x0641..=0x064A)
                        || c.is_ascii_alphanumeric()
                });
            let count = if plain {
                1
            } else {
                buf.clear();
                normalize::normalize_into(word, &mut buf);
                buf.split(|c: char| !is_term_char(c))
                    .filter(|t| !t.is_empty())
                    .count()
            };
            for _ in 0..count {
                spans.push((raw.start, raw.end, position));
                position += 1;
            }
        }
        spans
    }

    /// The stem of a normalized term.
    pub fn stem<'a>(&self, term: &'a str) -> &'a str {
        stem::stem(term)
    }

    /// The variant key of a normalized term, if it has one (only terms that
    /// [look foreign](Analyzer::looks_foreign) do).
    pub fn variant_key(&self, term: &str) -> Option<String> {
        variant::variant_key_with(&self.aliases, term)
    }

    /// The consonant skeleton of a normalized term, ungated (see [`variant::spelling_key`]):
    /// for callers with their own list of foreign words. Search uses [`Analyzer::variant_key`].
    pub fn spelling_key(&self, term: &str) -> Option<String> {
        variant::spelling_key(term)
    }

    /// The skeletons a word still being typed may begin a name's key with (see
    /// [`variant::typed_prefix_keys`]).
    pub fn typed_prefix_keys(&self, term: &str) -> Vec<String> {
        let mut keys = variant::typed_prefix_keys(term);
        // And those of the listed names it begins a spelling of (تيلي → تلغرام too).
        // (Not one a key already found begins: its names are met already.)
        for key in self.aliases.begun_spelling_keys(term) {
            if !keys.iter().any(|k| key.starts_with(k.as_str())) {
                keys.push(key);
            }
        }
        keys
    }

    /// Does this normalized term look like a foreign name or loanword, and so get a variant
    /// key? (Its key is a listed alias's key, or its shape is rare in native words.)
    pub fn looks_foreign(&self, term: &str) -> bool {
        variant::looks_foreign_with(&self.aliases, term)
    }

    /// The variant key of two adjacent normalized terms read as one word (فيس + بوك has the
    /// key of فيسبوك), for names the alias list knows; `None` for other pairs.
    /// A stop word is never a name's second half: «تيليجرام أو» is Telegram, then "or".
    pub fn joined_variant_key(&self, first: &str, second: &str) -> Option<String> {
        if self.is_stop_word(second) {
            return None;
        }
        variant::joined_variant_key_with(&self.aliases, first, second)
    }

    /// Other stems a normalized query term should meet beside its own: with a single-letter
    /// proclitic (ب ك ل ف) removed or added (see [`stem::related_stems`]). For the search to
    /// look up among the stems of the index.
    pub fn related_stems(&self, term: &str) -> Vec<String> {
        stem::related_stems(term)
    }

    /// The forms of the other number of the broken-plural nouns a normalized term is a form
    /// of (قناة → قنوات, بالمواقع → موقع; see [`Plurals::other_forms`]), for the search to
    /// look up their stems.
    pub fn other_number_forms(&self, term: &str) -> Vec<&str> {
        self.plurals.other_forms(term)
    }

    /// Cross-script aliases of a normalized term: the Arabic spellings of a Latin name, or
    /// the Latin names of an Arabic spelling (see [`Aliases::expansions`]).
    pub fn alias_expansions(&self, term: &str) -> Vec<String> {
        self.aliases.expansions(term)
    }

    /// The variant keys of every spelling of the names a term is a spelling of (see
    /// [`Aliases::spelling_keys`]).
    pub fn alias_spelling_keys(&self, term: &str) -> Vec<String> {
        self.aliases.spelling_keys(term)
    }

    /// The alias list this analyzer uses.
    pub fn aliases(&self) -> &Aliases {
        &self.aliases
    }

    /// Uses another alias list (the default one extended by a site, for example). Indexes
    /// must be built and searched with the same list, since it decides which terms get a
    /// variant key.
    pub fn with_aliases(mut self, aliases: Aliases) -> Self {
        self.aliases = aliases;
        self
    }

    /// The default analyzer with a site's additions.
    pub fn with_settings(settings: &AnalysisSettings) -> Result<Self, SettingsError> {
        let mut analyzer = Analyzer::default();
        analyzer
            .aliases
            .extend(&settings.aliases)
            .map_err(SettingsError::Aliases)?;
        analyzer
            .plurals
            .extend(&settings.plurals)
            .map_err(SettingsError::Plurals)?;
        analyzer.stop_words.extend(&settings.stop_words);
        Ok(analyzer)
    }

    /// Is this normalized term a stop word?
    pub fn is_stop_word(&self, term: &str) -> bool {
        self.stop_words.contains(term)
    }

    /// Does some stop word longer than this normalized term begin with it (عل: على)?
    pub fn begins_stop_word(&self, term: &str) -> bool {
        self.stop_words.begins_any(term)
    }

    /// Is this normalized term a stop word, or one with the article and a proclitic before
    /// it (للتي, فالتي, وبالذي: the stop word التي, الذي)?
    pub fn is_stop_word_with_clitics(&self, term: &str) -> bool {
        if self.is_stop_word(term) {
            return true;
        }
        const BEFORE_THE_ARTICLE: [&str; 8] =
            ["وال", "فال", "بال", "كال", "وبال", "فبال", "وكال", "فكال"];
        const JOINED_WITH_LI: [&str; 3] = ["لل", "ولل", "فلل"];
        BEFORE_THE_ARTICLE
            .iter()
            .chain(&JOINED_WITH_LI)
            .filter_map(|p| term.strip_prefix(p))
            .any(|rest| rest.chars().count() >= 2 && self.is_stop_word(&format!("ال{rest}")))
    }
}

/// Is `c` a letter of the Arabic alphabet (ء to ي, U+0621–U+064A; not a mark, a digit or
/// a letter of another language written in Arabic script)?
pub(crate) fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

/// The value of a normalized number word, with or without the article (ثلاثه, الستين,
/// ميه, مئتي, الفين): 3–10, the tens, 100, 200 and 2000. `None` for other words.
pub fn number_word_value(term: &str) -> Option<u32> {
    /// Normalized number words and their values (a seated hamza is ي: مائة is مايه).
    const NUMBER_WORDS: &[(&str, u32)] = &[
        ("ثلاثه", 3),
        ("اربعه", 4),
        ("خمسه", 5),
        ("سته", 6),
        ("سبعه", 7),
        ("ثمانيه", 8),
        ("تسعه", 9),
        ("عشره", 10),
        ("عشرين", 20),
        ("عشرون", 20),
        ("ثلاثين", 30),
        ("ثلاثون", 30),
        ("اربعين", 40),
        ("اربعون", 40),
        ("خمسين", 50),
        ("خمسون", 50),
        ("ستين", 60),
        ("ستون", 60),
        ("سبعين", 70),
        ("سبعون", 70),
        ("ثمانين", 80),
        ("ثمانون", 80),
        ("تسعين", 90),
        ("تسعون", 90),
        ("ميه", 100),
        ("مايه", 100),
        ("ميتين", 200),
        ("ميتان", 200),
        ("ميتي", 200),
        ("مايتين", 200),
        ("مايتان", 200),
        ("مايتي", 200),
        // (الفين, not ال + فين.)
        ("الفين", 2000),
        ("الفان", 2000),
        ("الفي", 2000),
    ];
    let bare = stem::strip_article_clusters(term);
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == term || *w == bare)
        .map(|&(_, n)| n)
}

/// A number written with its unit in words (normalized terms: `200` `الف`, `1.2`
/// `مليون`, `3` `الاف`), in digits (200000, 1200000, 3000); `None` for other words and for
/// a count whose fraction the unit does not make whole.
pub fn number_in_digits(count: &str, unit: &str) -> Option<String> {
    let zeros: u32 = match unit {
        "الف" | "الاف" => 3,
        "مليون" | "ملايين" => 6,
        "مليار" | "مليارات" => 9,
        _ => return None,
    };
    let (whole, fraction) = count.split_once('.').unwrap_or((count, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 4 || !digits(whole) || !digits(fraction) {
        return None;
    }
    if fraction.len() as u32 > zeros {
        return None;
    }
    let whole: u64 = whole.parse().ok()?;
    let fraction_value: u64 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().ok()?
    };
    let n = whole * 10u64.pow(zeros) + fraction_value * 10u64.pow(zeros - fraction.len() as u32);
    (n > 0).then(|| n.to_string())
}

/// The one term a word is normalized to (`None` when it gives none or several): the other
/// spellings a word is also filed under are each one term.
fn single_term(word: &str) -> Option<String> {
    let mut buf = String::new();
    normalize::normalize_into(word, &mut buf);
    let mut terms = buf
        .split(|c: char| !is_term_char(c))
        .filter(|t| !t.is_empty());
    match (terms.next(), terms.next()) {
        (Some(term), None) => Some(term.to_owned()),
        _ => None,
    }
}

/// Can `c` be part of a normalized term (letters, digits, and `.` `,` `_` inside numbers
/// and identifiers)? The Arabic letters are checked first: `is_alphanumeric` is a table
/// search for every non-ASCII character.
fn is_term_char(c: char) -> bool {
    matches!(c as u32, 0x0621..=0x064A) || c.is_alphanumeric() || matches!(c, '.' | ',' | '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_with_its_unit_in_words_is_a_number() {
        assert_eq!(number_word_value("الستين"), Some(60));
        assert_eq!(number_word_value(&normalize("مائتي")), Some(200));
        assert_eq!(number_word_value(&normalize("ألفين")), Some(2000));
        assert_eq!(number_word_value("فين"), None);
        assert_eq!(number_in_digits("200", "الف").as_deref(), Some("200000"));
        assert_eq!(number_in_digits("3", "الاف").as_deref(), Some("3000"));
        assert_eq!(number_in_digits("1.2", "مليون").as_deref(), Some("1200000"));
        assert_eq!(
            number_in_digits("2.75", "مليار").as_deref(),
            Some("2750000000")
        );
        assert_eq!(number_in_digits("1.2345", "الف"), None);
        assert_eq!(number_in_digits("200", "حساب"), None);
        assert_eq!(number_in_digits("داعش", "الف"), None);
        assert_eq!(number_in_digits("0", "الف"), None);
    }

    #[test]
    fn a_common_other_spelling_has_the_standard_one() {
        let a = Analyzer::default();
        assert_eq!(a.standard_spelling("مايه").as_deref(), Some("ميه"));
        assert_eq!(a.standard_spelling("بالمايه").as_deref(), Some("بالميه"));
        assert_eq!(
            a.standard_spelling("اليكترونيه").as_deref(),
            Some("الكترونيه")
        );
        assert_eq!(
            a.standard_spelling("الصحافيين").as_deref(),
            Some("الصحفيين")
        );
        // Not the standard spelling itself, nor a word that only begins alike.
        assert_eq!(a.standard_spelling("ميه"), None);
        assert_eq!(a.standard_spelling("الكتروني"), None);
        assert_eq!(a.standard_spelling("مايو"), None);
    }

    #[test]
    fn a_seated_hamza_before_waw_is_also_filed_under_the_other_seat() {
        let a = Analyzer::default();
        assert_eq!(a.other_seat_term("مسئولون").as_deref(), Some("مسوولون"));
        assert_eq!(a.other_seat_term("والشؤون").as_deref(), Some("والشيون"));
        // Not elsewhere: هيئة is not هوية, nor a word without a seat.
        assert_eq!(a.other_seat_term("هيئة"), None);
        assert_eq!(a.other_seat_term("مسؤل"), None);
        assert_eq!(a.other_seat_term("داعش"), None);
    }

    #[test]
    fn a_number_with_thousands_separators_has_its_digits() {
        let a = Analyzer::default();
        for (term, want) in [
            ("274.460", Some("274460")),
            ("1,500", Some("1500")),
            ("1,000,000", Some("1000000")),
            ("12.345.678", Some("12345678")),
            ("3.5", None),
            ("2017", None),
            ("1234.567", None),
            ("1.50", None),
            ("1.500.", None),
            (".500", None),
            ("1.a00", None),
            ("داعش", None),
        ] {
            assert_eq!(a.ungrouped_number(term).as_deref(), want, "{term}");
        }
        // The Arabic separators, once normalized.
        assert_eq!(
            a.ungrouped_number(&normalize("١٬٠٠٠")).as_deref(),
            Some("1000")
        );
    }

    fn spans_of(text: &str) -> Vec<(usize, usize, u32)> {
        Analyzer::default()
            .analyze(text)
            .into_iter()
            .map(|t| (t.start, t.end, t.position))
            .collect()
    }

    #[test]
    fn token_spans_agree_with_analyze_on_the_seed_corpus() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut texts = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(path).unwrap();
                assert_eq!(Analyzer::default().token_spans(&text), spans_of(&text));
                texts += 1;
            }
        }
        assert!(texts >= 5);
        let odd = "ـــ ء ﷺ لــ«تيليجرام» Ａｂｃ 12,5 ٣٤ x\u{200c}y a.b é";
        assert_eq!(Analyzer::default().token_spans(odd), spans_of(odd));
    }

    proptest::proptest! {
        #[test]
        fn token_spans_agree_with_analyze(text in "[\\u{0600}-\\u{06FF}\\u{FB50}-\\u{FDFF}\\u{FE70}-\\u{FEFF}a-zA-Z0-9 .,«»\\u{200c}\\u{200d}\\u{0300}-\\u{036F}]{0,60}") {
            proptest::prop_assert_eq!(Analyzer::default().token_spans(&text), spans_of(&text));
        }
    }

    #[test]
    fn analyzes_with_offsets_into_the_original() {
        let text = "«الإرهابيُّ» يهرب لــ«تيليجرام»";
        let tokens = Analyzer::default().analyze(text);
        let terms: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
        assert_eq!(terms, ["الارهابي", "يهرب", "ل", "تيليجرام"]);
        assert_eq!(&text[tokens[0].start..tokens[0].end], "الإرهابيُّ");
        assert_eq!(&text[tokens[3].start..tokens[3].end], "تيليجرام");
        assert_eq!(
            tokens.iter().map(|t| t.position).collect::<Vec<_>>(),
            [0, 1, 2, 3]
        );
    }

    #[test]
    fn a_ligature_expanding_to_words_gives_several_tokens() {
        let tokens = Analyzer::default().analyze("محمد ﷺ");
        assert!(tokens.len() > 2, "{tokens:?}");
        assert!(tokens[1..].iter().all(|t| t.start == tokens[1].start));
    }
}
