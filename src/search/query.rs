//! The query language, parsed by a total parser: any string is a valid query.
//!
//! | syntax | meaning |
//! |--------|---------|
//! | `داعش تيليجرام` | both words (AND); when no document has every word, the best partial matches |
//! | `"جسر لندن"` | the words as a phrase, in order |
//! | `-تويتر`, `-"فيس بوك"` | exclude documents with the word or phrase |
//! | `تيليجرام OR تام`, `تويتر أو فيسبوك` | either word (also `or`, `\|` with or without spaces; أو and `or` only between words: first or still being typed, they are words) |
//! | `title:داعش`, `عنوان: داعش` | the word in that field only (`title`, `subtitle`, `body`, `author`, `source`, `tags`, or in Arabic [`ARABIC_FIELD_NAMES`]) |
//!
//! A comma (`،`, `,`), a semicolon, a slash, a full stop or a colon between words separates
//! them as a space does (between digits it is part of the number). Unbalanced quotes close at the end of the query; a lone `-`, `OR` or `field:` is read as
//! plain text; at most [`MAX_ATOMS`] words or phrases are kept, of the first
//! [`MAX_QUERY_CHARS`] characters, and a phrase keeps its first [`MAX_ATOMS`] words.

/// The most words/phrases a query may have; the rest is ignored.
pub const MAX_ATOMS: usize = 32;

/// The most characters of a query that are read; the rest is ignored. (A pasted 100,000-word
/// phrase took 2.3 s and 124 MB, memory a wasm module never gives back; the widget's field
/// takes 512.)
pub const MAX_QUERY_CHARS: usize = 1024;

/// Fields a query may scope a word to.
pub const SCOPABLE_FIELDS: &[&str] = &["title", "subtitle", "body", "author", "source", "tags"];

/// Arabic names of the [`SCOPABLE_FIELDS`], with and without the article (`عنوان:داعش` is
/// `title:داعش`).
pub const ARABIC_FIELD_NAMES: &[(&str, &str)] = &[
    ("عنوان", "title"),
    ("العنوان", "title"),
    ("نص", "body"),
    ("النص", "body"),
    ("كاتب", "author"),
    ("الكاتب", "author"),
    ("مصدر", "source"),
    ("المصدر", "source"),
    ("وسم", "tags"),
    ("الوسم", "tags"),
    ("وسوم", "tags"),
    ("الوسوم", "tags"),
];

/// The field a name written before `:` scopes a word to, if it is one.
fn field_named(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    SCOPABLE_FIELDS
        .iter()
        .copied()
        .find(|f| *f == lower)
        .or_else(|| {
            ARABIC_FIELD_NAMES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, f)| *f)
        })
}

/// Is this word of the query a word for `OR` between two others: `or`, or the Arabic أو
/// (with or without its hamza)? A reader who types تويتر أو فيسبوك means either.
fn is_or_word(word: &str) -> bool {
    word.eq_ignore_ascii_case("or") || crate::text::normalize(word) == "او"
}

/// Does the character at `i` separate two words as a space does? The Arabic comma `،`,
/// a semicolon (`؛`, `;`), or a comma, slash, full stop or colon not between two digits:
/// تويتر،فيسبوك, تويتر/فيسبوك and داعش.تيليجرام are two words, not one atom read as a
/// phrase; 1,000, 20/12/2018, 274.460 and 11:34 stay one. (A colon after a field's name
/// scopes the next word: `title:داعش`.)
fn separates(chars: &[char], i: usize) -> bool {
    let digit = |c: Option<&char>| c.is_some_and(|c| c.is_numeric());
    match chars[i] {
        '،' | '؛' | ';' => true,
        ',' | '/' | '.' | ':' => {
            !(digit(i.checked_sub(1).and_then(|b| chars.get(b))) && digit(chars.get(i + 1)))
        }
        // داعش+تيليجرام, داعش&تيليجرام: "and", as search engines read `+` (which the text
        // analysis drops: a phrase of the two words found nothing). Latin names keep
        // theirs: AT&T, Google+.
        '+' | '&' => {
            let arabic = |c: Option<&char>| c.is_some_and(|&c| crate::text::is_arabic_letter(c));
            arabic(i.checked_sub(1).and_then(|b| chars.get(b))) || arabic(chars.get(i + 1))
        }
        _ => false,
    }
}

/// A word or a phrase of the query, not yet analyzed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atom {
    /// The text as typed (without quotes, sign or field prefix).
    pub text: String,
    /// Was it quoted?
    pub phrase: bool,
    /// The field it is scoped to, if any.
    pub field: Option<String>,
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedQuery {
    /// Clauses that must match: each is a list of alternatives (more than one with `OR`).
    pub required: Vec<Vec<Atom>>,
    /// Words and phrases whose documents are excluded.
    pub excluded: Vec<Atom>,
    /// For each excluded atom, the clause of `required` that the next atom of the query
    /// began, when it came right after (`-تك توك`: the clause of توك): the two may write
    /// one name, which only the search can tell.
    pub excluded_next: Vec<Option<usize>>,
    /// Is the last word still being typed (no space or quote after it)? It then also
    /// matches as a prefix.
    pub last_is_prefix: bool,
}

impl ParsedQuery {
    /// Does the query ask for anything?
    pub fn is_empty(&self) -> bool {
        self.required.is_empty()
    }
}

/// Parses a query. Never fails.
pub fn parse(query: &str) -> ParsedQuery {
    let mut parsed = ParsedQuery::default();
    let query = match query.char_indices().nth(MAX_QUERY_CHARS) {
        Some((cut, _)) => &query[..cut],
        None => query,
    };
    let chars: Vec<char> = query.chars().collect();
    let mut i = 0;
    let mut pending_or = false;
    let mut atoms = 0;
    let mut ended_in_word = false;
    // Does the query end inside a quote it opened, after a letter (`"جسر لن`)? The phrase's
    // last word is then still being typed.
    let mut open_phrase = false;
    // The excluded atom just read, if a plain word (for `excluded_next`).
    let mut previous_excluded: Option<usize> = None;
    while i < chars.len() && atoms < MAX_ATOMS {
        let c = chars[i];
        if c.is_whitespace() || separates(&chars, i) {
            i += 1;
            ended_in_word = false;
            continue;
        }
        // `|` is OR with or without spaces around it (تويتر|فيسبوك).
        if c == '|' {
            i += 1;
            ended_in_word = false;
            pending_or = !parsed.required.is_empty();
            continue;
        }
        // Sign.
        let negated =
            (c == '-' || c == '\u{2212}') && chars.get(i + 1).is_some_and(|n| !n.is_whitespace());
        if negated {
            i += 1;
        }
        // Field prefix: a field's name followed by ':' and, after spaces or none, a word
        // (`title:داعش`, `title: داعش`).
        let mut field = None;
        let mut j = i;
        while j < chars.len() && chars[j].is_alphabetic() {
            j += 1;
        }
        if j > i && j < chars.len() && chars[j] == ':' {
            let mut k = j + 1;
            while k < chars.len() && chars[k].is_whitespace() {
                k += 1;
            }
            let name: String = chars[i..j].iter().collect();
            if let (true, Some(f)) = (k < chars.len(), field_named(&name)) {
                field = Some(f.to_owned());
                i = k;
            }
        }
        // The atom itself.
        let (text, phrase);
        if chars[i] == '"' || chars[i] == '“' || chars[i] == '”' || chars[i] == '«' {
            let start = i + 1;
            let mut end = start;
            while end < chars.len() && !matches!(chars[end], '"' | '“' | '”' | '»') {
                end += 1;
            }
            text = chars[start..end].iter().collect::<String>();
            phrase = true;
            i = (end + 1).min(chars.len());
            open_phrase =
                !negated && end == chars.len() && chars.last().is_some_and(|c| !c.is_whitespace());
            ended_in_word = open_phrase;
        } else {
            let start = i;
            while i < chars.len()
                && !chars[i].is_whitespace()
                && !(i > start && (chars[i] == '"' || chars[i] == '|' || separates(&chars, i)))
            {
                i += 1;
            }
            text = chars[start..i].iter().collect::<String>();
            phrase = false;
            ended_in_word = i == chars.len();
            // أو and or are operators only between words: first, or still being typed
            // (أو begins أوروبا), they are words.
            let symbol = matches!(text.as_str(), "OR" | "|" | "||");
            let word = is_or_word(&text) && i < chars.len() && !parsed.required.is_empty();
            if !negated && field.is_none() && (symbol || word) {
                pending_or = !parsed.required.is_empty();
                continue;
            }
        }
        if text.trim().is_empty() {
            continue;
        }
        atoms += 1;
        let atom = Atom {
            text,
            phrase,
            field,
        };
        let after_excluded = previous_excluded.take();
        if negated {
            if !atom.phrase && atom.field.is_none() {
                previous_excluded = Some(parsed.excluded.len());
            }
            parsed.excluded.push(atom);
            parsed.excluded_next.push(None);
        } else if pending_or {
            parsed
                .required
                .last_mut()
                .expect("pending_or needs a clause")
                .push(atom);
        } else {
            if let Some(e) = after_excluded.filter(|_| !atom.phrase && atom.field.is_none()) {
                parsed.excluded_next[e] = Some(parsed.required.len());
            }
            parsed.required.push(vec![atom]);
        }
        pending_or = false;
    }
    parsed.last_is_prefix = ended_in_word
        && parsed
            .required
            .last()
            .and_then(|c| c.last())
            .is_some_and(|a| !a.phrase || open_phrase)
        && !query.trim_end().ends_with(|c: char| "\"»”".contains(c))
        && !(query
            .split_whitespace()
            .last()
            .is_some_and(|w| w.starts_with('-')));
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atom(text: &str) -> Atom {
        Atom {
            text: text.into(),
            phrase: false,
            field: None,
        }
    }

    #[test]
    fn an_excluded_word_knows_the_clause_that_follows_it() {
        let q = parse("داعش -تك توك تويتر");
        assert_eq!(q.excluded, vec![atom("تك")]);
        assert_eq!(q.excluded_next, vec![Some(1)]);
        assert_eq!(q.required[1], vec![atom("توك")]);
        // Not across an OR, nor after a phrase or before one.
        assert_eq!(parse("داعش -\"تك\" توك").excluded_next, vec![None]);
        assert_eq!(parse("داعش -تك \"توك\"").excluded_next, vec![None]);
        assert_eq!(parse("داعش -تك").excluded_next, vec![None]);
        assert_eq!(parse("داعش -تك -توك").excluded_next, vec![None, None]);
    }

    #[test]
    fn only_the_first_characters_of_a_query_are_read() {
        let far = format!("{}داعش", " ".repeat(MAX_QUERY_CHARS));
        assert!(parse(&far).is_empty());
        let near = format!("{}داعش", " ".repeat(MAX_QUERY_CHARS - 4));
        assert_eq!(parse(&near).required.len(), 1);
    }

    #[test]
    fn a_bar_is_or_and_commas_and_slashes_separate_words_without_spaces() {
        let q = parse("تويتر|فيسبوك");
        assert_eq!(q.required, vec![vec![atom("تويتر"), atom("فيسبوك")]]);
        assert!(q.last_is_prefix);
        for query in [
            "تويتر،فيسبوك ",
            "تويتر/فيسبوك ",
            "تويتر,فيسبوك ",
            "تويتر؛ فيسبوك ",
            "تويتر.فيسبوك ",
            "تويتر:فيسبوك ",
            "تويتر+فيسبوك ",
            "تويتر&فيسبوك ",
        ] {
            let q = parse(query);
            assert_eq!(
                q.required,
                vec![vec![atom("تويتر")], vec![atom("فيسبوك")]],
                "{query}"
            );
        }
        // Between Latin letters, + and & are part of a name.
        assert_eq!(parse("AT&T").required, vec![vec![atom("AT&T")]]);
        assert_eq!(parse("google+ ").required, vec![vec![atom("google+")]]);
        // Between digits they are part of a number or a date.
        assert_eq!(parse("20/12/2018").required, vec![vec![atom("20/12/2018")]]);
        assert_eq!(parse("1,000").required, vec![vec![atom("1,000")]]);
        assert_eq!(parse("274.460").required, vec![vec![atom("274.460")]]);
        assert_eq!(parse("11:34").required, vec![vec![atom("11:34")]]);
        // A colon after a field's name still scopes the next word; after another word, it
        // separates.
        let q = parse("title:داعش unknown:تويتر");
        assert_eq!(q.required[0][0].field.as_deref(), Some("title"));
        assert_eq!(q.required[1], vec![atom("unknown")]);
        assert_eq!(q.required[2], vec![atom("تويتر")]);
        // A word ended by a comma is no longer being typed.
        assert!(!parse("تويتر،").last_is_prefix);
        // A bar first, or twice, is no clause of its own.
        assert_eq!(
            parse("|داعش||تويتر").required,
            vec![vec![atom("داعش"), atom("تويتر")]]
        );
    }

    #[test]
    fn words_phrases_exclusions_or_and_fields() {
        let q = parse(r#"داعش "جسر لندن" -تويتر -"فيس بوك" تيليجرام OR تام title:رايوت"#);
        assert_eq!(q.required.len(), 4);
        assert_eq!(q.required[0], vec![atom("داعش")]);
        assert_eq!(
            q.required[1],
            vec![Atom {
                text: "جسر لندن".into(),
                phrase: true,
                field: None
            }]
        );
        assert_eq!(q.required[2], vec![atom("تيليجرام"), atom("تام")]);
        assert_eq!(
            q.required[3],
            vec![Atom {
                text: "رايوت".into(),
                phrase: false,
                field: Some("title".into())
            }]
        );
        assert_eq!(
            q.excluded,
            vec![
                atom("تويتر"),
                Atom {
                    text: "فيس بوك".into(),
                    phrase: true,
                    field: None
                }
            ]
        );
        assert!(q.last_is_prefix);
    }

    #[test]
    fn malformed_queries_are_read_sensibly() {
        assert_eq!(parse(r#""جسر لندن"#).required[0][0].text, "جسر لندن");
        assert_eq!(parse("-").required, vec![vec![atom("-")]]);
        assert_eq!(parse("OR").required, Vec::<Vec<Atom>>::new());
        assert_eq!(parse("OR داعش").required, vec![vec![atom("داعش")]]);
        // The Arabic أو, and or, |, are OR too.
        for q in [
            "تويتر أو فيسبوك",
            "تويتر او فيسبوك",
            "تويتر or فيسبوك",
            "تويتر | فيسبوك",
        ] {
            assert_eq!(
                parse(q).required,
                vec![vec![atom("تويتر"), atom("فيسبوك")]],
                "{q}"
            );
        }
        // First, or still being typed (أو begins أوروبا), it is a word.
        assert_eq!(parse("أو").required, vec![vec![atom("أو")]]);
        assert_eq!(
            parse("أو داعش").required,
            vec![vec![atom("أو")], vec![atom("داعش")]]
        );
        assert_eq!(
            parse("داعش أو").required,
            vec![vec![atom("داعش")], vec![atom("أو")]]
        );
        assert_eq!(parse("داعش OR").required, vec![vec![atom("داعش")]]);
        // In a phrase it is a word.
        assert_eq!(
            parse("\"تويتر أو فيسبوك\"").required[0][0].text,
            "تويتر أو فيسبوك"
        );
        // Not a field's name: two words.
        assert_eq!(
            parse("unknown:x").required,
            vec![vec![atom("unknown")], vec![atom("x")]]
        );
        for (q, field) in [
            ("عنوان:داعش", "title"),
            ("الكاتب:داعش", "author"),
            ("TITLE:داعش", "title"),
            ("title: داعش", "title"),
            ("عنوان:  داعش", "title"),
        ] {
            let atom = &parse(q).required[0][0];
            assert_eq!(
                (atom.text.as_str(), atom.field.as_deref()),
                ("داعش", Some(field)),
                "{q}"
            );
        }
        assert_eq!(
            parse("داعش:x").required,
            vec![vec![atom("داعش")], vec![atom("x")]]
        );
        // A field's name with no word after it is a word.
        assert_eq!(parse("title:").required, vec![vec![atom("title")]]);
        assert_eq!(parse("title: ").required, vec![vec![atom("title")]]);
        // The scope is the next word's only.
        let q = parse("title: داعش تويتر");
        assert_eq!(q.required[1], vec![atom("تويتر")]);
        assert!(parse("   ").is_empty());
        assert!(parse(&"كلمة ".repeat(5000)).required.len() == MAX_ATOMS);
    }

    #[test]
    fn the_last_word_is_a_prefix_only_while_being_typed() {
        assert!(parse("تيليج").last_is_prefix);
        assert!(!parse("تيليج ").last_is_prefix);
        assert!(!parse(r#""تيليج""#).last_is_prefix);
        assert!(!parse("داعش -تويت").last_is_prefix);
        // In a quote still open, the phrase's last word is being typed.
        assert!(parse(r#""جسر لن"#).last_is_prefix);
        assert!(parse(r#"داعش «جسر لن"#).last_is_prefix);
        assert!(!parse(r#""جسر لن "#).last_is_prefix);
        assert!(!parse(r#"داعش -"جسر لن"#).last_is_prefix);
    }

    proptest::proptest! {
        #[test]
        fn any_string_parses_into_pieces_of_itself(query in "[\\PC\"«»“”\\- ]{0,200}") {
            let parsed = parse(&query);
            let atoms: Vec<&Atom> = parsed.required.iter().flatten().chain(&parsed.excluded).collect();
            proptest::prop_assert!(atoms.len() <= MAX_ATOMS);
            for atom in atoms {
                proptest::prop_assert!(!atom.text.trim().is_empty());
                proptest::prop_assert!(query.contains(&atom.text), "{:?} is not a piece of {:?}", atom.text, query);
                proptest::prop_assert!(atom.field.is_none() || SCOPABLE_FIELDS.contains(&atom.field.as_deref().unwrap()));
            }
            proptest::prop_assert!(!parsed.required.iter().any(|clause| clause.is_empty()));
        }

        #[test]
        fn words_without_operators_are_all_required(words in proptest::collection::vec("[\\p{Arabic}a-z]{1,8}", 0..10)) {
            let query = words.join(" ");
            let parsed = parse(&query);
            proptest::prop_assume!(!words.iter().any(|w| is_or_word(w)));
            let expected: Vec<&str> = words.iter().map(String::as_str).collect();
            let got: Vec<&str> = parsed.required.iter().map(|c| c[0].text.as_str()).collect();
            proptest::prop_assert_eq!(got, expected);
            proptest::prop_assert!(parsed.excluded.is_empty());
        }
    }
}
