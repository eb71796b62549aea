//! Compares Arabic stemmers on a judged set of word forms.
//!
//! ```text
//! cargo run --example stemmer_eval                       # the tables
//! cargo run --example stemmer_eval -- --errors fahras    # and the wrong pairs of one stemmer
//! cargo run --example stemmer_eval -- --quran quran.json # also check the [quran] forms occur
//! ```
//!
//! The judged set is `tests/data/stem_judgments.txt` (its header says how it is built). For
//! every ordered pair of distinct forms (a query form, a text form) a stemmer either conflates
//! them or not; a pair of one lemma should be conflated (recall), a pair of two unrelated
//! lemmas should not (the false merges; precision is the share of conflated pairs that are
//! right). Pairs with a `+` form (broken plurals) are counted apart: no light stemmer can
//! reach them. Paice's under- and over-stemming indices are UI = 1 − recall and OI = false
//! merges / unrelated pairs.
//!
//! A second table runs the stemmers as search does over the five seed articles: each form of a
//! [seeds] lemma is a query; it finds a token of the articles when the stemmer conflates them.
//! Found tokens are right (same lemma), wrong (another judged lemma) or unjudged (listed with
//! `--errors`).
//!
//! The stemmers: Lucene's light10, light10 with fahras's keep lists, fahras's rules with
//! some of their parts turned off, fahras with [`related_stems`] (what the search does), and
//! Snowball Arabic (the `rust-stemmers` crate), fed the raw form or fahras's normalized term.

use fahras::text::normalize::normalize;
use fahras::text::stem::{related_stems, StemRules, FAHRAS, LIGHT10};
use fahras::text::{Analyzer, Plurals};
use rust_stemmers::{Algorithm, Stemmer};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

const JUDGMENTS: &str = include_str!("../tests/data/stem_judgments.txt");

struct Form {
    raw: String,
    term: String,
    /// Not reachable by affix removal (a broken plural).
    pattern: bool,
}

struct Lemma {
    name: String,
    section: String,
    forms: Vec<Form>,
}

struct Judgments {
    lemmas: Vec<Lemma>,
    related: HashSet<(usize, usize)>,
}

fn parse(text: &str) -> Judgments {
    let mut lemmas: Vec<Lemma> = Vec::new();
    let mut related_names = Vec::new();
    let mut section = String::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.to_owned();
        } else if let Some(pair) = line.strip_prefix('~') {
            let names: Vec<&str> = pair.split_whitespace().collect();
            assert_eq!(names.len(), 2, "line {}: `~` takes two lemma names", n + 1);
            related_names.push((names[0].to_owned(), names[1].to_owned()));
        } else {
            let (name, forms) = line
                .split_once(':')
                .unwrap_or_else(|| panic!("line {}: expected `name: forms`", n + 1));
            let forms = forms
                .split_whitespace()
                .map(|f| {
                    let raw = f.trim_start_matches('+');
                    Form {
                        raw: raw.to_owned(),
                        term: normalize(raw),
                        pattern: f.starts_with('+'),
                    }
                })
                .collect();
            assert!(
                lemmas.iter().all(|l| l.name != name.trim()),
                "line {}: lemma {name} twice",
                n + 1
            );
            lemmas.push(Lemma {
                name: name.trim().to_owned(),
                section: section.clone(),
                forms,
            });
        }
    }
    let index = |name: &str| {
        lemmas
            .iter()
            .position(|l| l.name == name)
            .unwrap_or_else(|| panic!("unknown lemma {name}"))
    };
    let mut related = HashSet::new();
    for (a, b) in &related_names {
        let (a, b) = (index(a), index(b));
        related.insert((a, b));
        related.insert((b, a));
    }
    Judgments { lemmas, related }
}

/// A stemmer under test: does a query form find a text form?
enum Candidate {
    Rules(StemRules),
    /// fahras's stem and its related stems, as the search uses them.
    FahrasRelated,
    /// The same and the stems of a broken plural's other number (`data/plurals.txt`), as
    /// the search uses them since the list came.
    FahrasPlurals,
    /// Snowball Arabic on the raw form (`true`) or on fahras's normalized term.
    Snowball(bool),
}

/// The broken-plural list the search uses.
fn plurals() -> &'static Plurals {
    static LIST: std::sync::OnceLock<Plurals> = std::sync::OnceLock::new();
    LIST.get_or_init(Plurals::default_set)
}

/// Keys (and related stems) of forms, by (raw, term).
type Cache = RefCell<HashMap<(String, String), (String, Vec<String>)>>;

struct Tested {
    name: String,
    candidate: Candidate,
    cache: Cache,
}

impl Tested {
    fn key(&self, snowball: &Stemmer, form: &Form) -> String {
        match &self.candidate {
            Candidate::Rules(rules) => rules.stem(&form.term).to_owned(),
            Candidate::FahrasRelated | Candidate::FahrasPlurals => {
                FAHRAS.stem(&form.term).to_owned()
            }
            Candidate::Snowball(raw) => {
                let input = if *raw {
                    form.raw.as_str()
                } else {
                    form.term.as_str()
                };
                snowball.stem(input).into_owned()
            }
        }
    }

    fn finds(&self, snowball: &Stemmer, query: &Form, text: &Form) -> bool {
        if query.term == text.term {
            return true;
        }
        let (query_key, related) = self.cached(snowball, query);
        let (text_key, _) = self.cached(snowball, text);
        query_key == text_key || related.contains(&text_key)
    }

    /// The key of a form and (for fahras + related stems) its related stems, computed once.
    fn cached(&self, snowball: &Stemmer, form: &Form) -> (String, Vec<String>) {
        let id = (form.raw.clone(), form.term.clone());
        if let Some(hit) = self.cache.borrow().get(&id) {
            return hit.clone();
        }
        let related = match self.candidate {
            Candidate::FahrasRelated => related_stems(&form.term),
            Candidate::FahrasPlurals => {
                let mut stems = related_stems(&form.term);
                for other in plurals().other_forms(&form.term) {
                    stems.push(FAHRAS.stem(other).to_owned());
                    stems.extend(related_stems(other));
                }
                stems
            }
            _ => Vec::new(),
        };
        let value = (self.key(snowball, form), related);
        self.cache.borrow_mut().insert(id, value.clone());
        value
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    /// Same-lemma ordered pairs (reachable by affix removal), found.
    reach_found: usize,
    reach_total: usize,
    /// Same-lemma pairs with a broken plural, found.
    pattern_found: usize,
    pattern_total: usize,
    /// Unrelated-lemma pairs conflated, and all unrelated pairs.
    false_merges: usize,
    negatives: usize,
}

impl Counts {
    fn recall(&self) -> f64 {
        ratio(self.reach_found, self.reach_total)
    }
    fn recall_all(&self) -> f64 {
        ratio(
            self.reach_found + self.pattern_found,
            self.reach_total + self.pattern_total,
        )
    }
    fn precision(&self) -> f64 {
        let right = self.reach_found + self.pattern_found;
        ratio(right, right + self.false_merges)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let errors_of = flag("--errors");
    let judgments = parse(JUDGMENTS);
    let snowball = Stemmer::create(Algorithm::Arabic);

    let rules = |name: &'static str, rules: StemRules| {
        (name, Candidate::Rules(StemRules { name, ..rules }))
    };
    let tested: Vec<Tested> = [
        rules("light10 (Lucene)", LIGHT10),
        rules(
            "light10 + keep lists",
            StemRules {
                keep_lists: true,
                ..LIGHT10
            },
        ),
        rules("fahras", FAHRAS),
        ("fahras + related stems", Candidate::FahrasRelated),
        (
            "fahras + related stems + broken plurals",
            Candidate::FahrasPlurals,
        ),
        rules(
            "fahras, no keep lists",
            StemRules {
                keep_lists: false,
                ..FAHRAS
            },
        ),
        rules(
            "fahras, never a lone و",
            StemRules {
                lone_waw: false,
                ..FAHRAS
            },
        ),
        rules(
            "fahras, min stem 2",
            StemRules {
                min_stem: 2,
                dual_min_stem: Some(2),
                ..FAHRAS
            },
        ),
        rules(
            "fahras, no dual ان",
            StemRules {
                dual_min_stem: None,
                ..FAHRAS
            },
        ),
        rules(
            "fahras, light10 clitics",
            StemRules {
                proclitic_clusters: false,
                ..FAHRAS
            },
        ),
        rules(
            "fahras + pronoun ك",
            StemRules {
                pronoun_kaf: true,
                ..FAHRAS
            },
        ),
        rules(
            "fahras + verb ت",
            StemRules {
                verb_ta: true,
                ..FAHRAS
            },
        ),
        ("Snowball (raw form)", Candidate::Snowball(true)),
        ("Snowball (normalized)", Candidate::Snowball(false)),
    ]
    .into_iter()
    .map(|(name, candidate)| Tested {
        name: name.to_owned(),
        candidate,
        cache: RefCell::default(),
    })
    .collect();

    let lemmas = &judgments.lemmas;
    let forms_total: usize = lemmas.iter().map(|l| l.forms.len()).sum();
    println!(
        "Judged set: {} lemmas, {} forms (tests/data/stem_judgments.txt)",
        lemmas.len(),
        forms_total
    );
    let mut sections: Vec<&str> = Vec::new();
    for l in lemmas {
        if !sections.contains(&l.section.as_str()) {
            sections.push(&l.section);
        }
    }
    let quran_terms = report_attestation(&judgments, flag("--quran").as_deref());

    // Pairwise evaluation.
    let mut by_stemmer: Vec<(String, BTreeMap<String, Counts>)> = Vec::new();
    for t in &tested {
        let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
        let mut wrong: Vec<String> = Vec::new();
        let mut missed: Vec<String> = Vec::new();
        for (i, a) in lemmas.iter().enumerate() {
            for qa in &a.forms {
                for (j, b) in lemmas.iter().enumerate() {
                    if i != j && judgments.related.contains(&(i, j)) {
                        continue;
                    }
                    for tb in &b.forms {
                        if qa.term == tb.term && i == j {
                            continue;
                        }
                        let found = t.finds(&snowball, qa, tb);
                        // A pair belongs to the section of its query lemma.
                        for section in [a.section.as_str(), "all"] {
                            let c = counts.entry(section.to_owned()).or_default();
                            if i == j {
                                if qa.pattern || tb.pattern {
                                    c.pattern_total += 1;
                                    c.pattern_found += usize::from(found);
                                } else {
                                    c.reach_total += 1;
                                    c.reach_found += usize::from(found);
                                }
                            } else {
                                c.negatives += 1;
                                c.false_merges += usize::from(found);
                            }
                        }
                        if errors_of.as_deref().is_some_and(|e| t.name.starts_with(e)) {
                            if i != j && found {
                                wrong.push(format!(
                                    "  {} ({}) → {} ({})",
                                    qa.raw, a.name, tb.raw, b.name
                                ));
                            } else if i == j && !found && !qa.pattern && !tb.pattern {
                                missed.push(format!("  {} ↛ {} ({})", qa.raw, tb.raw, a.name));
                            }
                        }
                    }
                }
            }
        }
        if !wrong.is_empty() || !missed.is_empty() {
            println!("\n{}: {} false merges (query → text)", t.name, wrong.len());
            wrong.iter().for_each(|w| println!("{w}"));
            println!("{}: {} missed same-lemma pairs", t.name, missed.len());
            missed.iter().for_each(|m| println!("{m}"));
        }
        by_stemmer.push((t.name.clone(), counts));
    }

    println!("\n## Conflation of judged forms (ordered pairs)\n");
    println!("| stemmer | recall | recall incl. broken plurals | precision | F1 | false merges | UI | OI |");
    println!("|---|---|---|---|---|---|---|---|");
    for (name, counts) in &by_stemmer {
        let c = counts["all"];
        println!(
            "| {name} | {:.3} | {:.3} | {:.3} | {:.3} | {} | {:.3} | {:.5} |",
            c.recall(),
            c.recall_all(),
            c.precision(),
            c.f1(),
            c.false_merges,
            1.0 - c.recall(),
            ratio(c.false_merges, c.negatives)
        );
    }
    let c = by_stemmer[0].1["all"];
    println!(
        "\n({} same-lemma pairs reachable by affixes, {} with a broken plural, {} unrelated pairs.)",
        c.reach_total, c.pattern_total, c.negatives
    );

    println!("\n## Recall / false merges by section\n");
    print!("| stemmer |");
    for s in &sections {
        print!(" {s} |");
    }
    println!();
    println!("|---|{}", "---|".repeat(sections.len()));
    for (name, counts) in &by_stemmer {
        print!("| {name} |");
        for s in &sections {
            let c = counts.get(*s).copied().unwrap_or_default();
            print!(" {:.3} / {} |", c.recall(), c.false_merges);
        }
        println!();
    }

    seed_retrieval(&judgments, &tested, &snowball, errors_of.as_deref());
    variant_gate(quran_terms.as_ref(), errors_of.is_some());
}

/// Which [seeds] forms occur in the seed articles, and (given the file) which [quran] forms
/// occur in the Quran text.
fn report_attestation(judgments: &Judgments, quran: Option<&str>) -> Option<HashSet<String>> {
    let analyzer = Analyzer::default();
    let seeds: HashSet<String> = seed_tokens(&analyzer).into_iter().map(|(t, _)| t).collect();
    let missing: Vec<&str> = judgments
        .lemmas
        .iter()
        .filter(|l| l.section == "seeds")
        .flat_map(|l| &l.forms)
        .filter(|f| !seeds.contains(&f.term))
        .map(|f| f.raw.as_str())
        .collect();
    println!(
        "[seeds] forms not in the seed articles: {}",
        if missing.is_empty() {
            "none".into()
        } else {
            missing.join(" ")
        }
    );
    let Some(path) = quran else {
        println!("[quran] forms: not checked (pass --quran path/to/quran-json/dist/quran.json)");
        return None;
    };
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let chapters: serde_json::Value = serde_json::from_str(&text).expect("quran.json is JSON");
    let mut words = HashSet::new();
    let mut tokens = 0usize;
    for chapter in chapters.as_array().expect("an array of chapters") {
        for verse in chapter["verses"].as_array().expect("verses") {
            let uthmani = verse["text"].as_str().expect("text");
            for token in analyzer.analyze(&read_uthmani(uthmani)) {
                words.insert(token.term);
                tokens += 1;
            }
        }
    }
    let missing: Vec<&str> = judgments
        .lemmas
        .iter()
        .filter(|l| l.section == "quran")
        .flat_map(|l| &l.forms)
        .filter(|f| !words.contains(&f.term))
        .map(|f| f.raw.as_str())
        .collect();
    println!(
        "[quran] forms not in the Quran text ({tokens} tokens, {} distinct terms): {}",
        words.len(),
        if missing.is_empty() {
            "none".into()
        } else {
            missing.join(" ")
        }
    );
    Some(words)
}

/// Reads Uthmani spelling as modern spelling where it matters for the judged forms: the
/// dagger alef is a long ا (الكتٰب → الكتاب), وٰ is ا (الصلوٰة → الصلاة), ىٰ is ى, ءا is آ.
fn read_uthmani(text: &str) -> String {
    let unvocalized: String = text
        .chars()
        .filter(|c| !matches!(*c as u32, 0x064B..=0x065F | 0x06D6..=0x06ED))
        .collect();
    unvocalized
        .replace("و\u{0670}", "ا")
        .replace("ى\u{0670}", "ى")
        .replace('\u{0670}', "ا")
        .replace("ءا", "آ")
}

/// The tokens of the seed articles: (term, count).
fn seed_tokens(analyzer: &Analyzer) -> Vec<(String, usize)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let docs = fahras::corpus::read_dir(&dir).expect("the seed corpus loads");
    let mut counts: HashMap<String, usize> = HashMap::new();
    for doc in &docs {
        let texts = std::iter::once(doc.title.as_str())
            .chain(doc.subtitle.iter().map(String::as_str))
            .chain(doc.body.iter().map(String::as_str));
        for text in texts {
            for token in analyzer.analyze(text) {
                *counts.entry(token.term).or_default() += 1;
            }
        }
    }
    let mut tokens: Vec<(String, usize)> = counts.into_iter().collect();
    tokens.sort();
    tokens
}

/// Each [seeds] form as a query over the tokens of the seed articles.
fn seed_retrieval(
    judgments: &Judgments,
    tested: &[Tested],
    snowball: &Stemmer,
    errors_of: Option<&str>,
) {
    let analyzer = Analyzer::default();
    let tokens = seed_tokens(&analyzer);
    let lemma_of: HashMap<&str, usize> = judgments
        .lemmas
        .iter()
        .enumerate()
        .flat_map(|(i, l)| l.forms.iter().map(move |f| (f.term.as_str(), i)))
        .collect();
    let as_form = |term: &str| Form {
        raw: term.to_owned(),
        term: term.to_owned(),
        pattern: false,
    };
    println!("\n## Search over the seed articles ([seeds] forms as queries, token occurrences)\n");
    println!("| stemmer | right tokens found | of | wrong (judged) | unjudged |");
    println!("|---|---|---|---|---|");
    for t in tested {
        let (mut right, mut relevant, mut wrong, mut unjudged) = (0, 0, 0, 0);
        let mut unjudged_list: BTreeMap<String, usize> = BTreeMap::new();
        for (i, lemma) in judgments
            .lemmas
            .iter()
            .enumerate()
            .filter(|(_, l)| l.section == "seeds")
        {
            for q in &lemma.forms {
                for (term, count) in &tokens {
                    let same = lemma_of.get(term.as_str()) == Some(&i);
                    let found = t.finds(snowball, q, &as_form(term));
                    if same {
                        relevant += count;
                    }
                    if !found {
                        continue;
                    }
                    match lemma_of.get(term.as_str()) {
                        Some(&j) if j == i => right += count,
                        Some(&j) if judgments.related.contains(&(i, j)) => {}
                        Some(_) => wrong += count,
                        None => {
                            unjudged += count;
                            *unjudged_list
                                .entry(format!("{} → {term}", q.raw))
                                .or_default() += count;
                        }
                    }
                }
            }
        }
        println!(
            "| {} | {right} | {relevant} | {wrong} | {unjudged} |",
            t.name
        );
        if errors_of.is_some_and(|e| t.name.starts_with(e)) {
            for (pair, count) in &unjudged_list {
                eprintln!("  unjudged {pair} ×{count}");
            }
        }
    }
}

/// The variant gate: foreign spellings that should share a key, native pairs that must not,
/// and how many native words (the Quran's vocabulary, the seeds') get a key at all.
fn variant_gate(quran: Option<&HashSet<String>>, verbose: bool) {
    let analyzer = Analyzer::default();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("test data file");
    // A spelling's key: one word, or two words (`_`) through the joined key.
    let key = |spelling: &str| -> Option<String> {
        let parts: Vec<String> = spelling.split('_').map(normalize).collect();
        match parts.as_slice() {
            [one] => analyzer.variant_key(one),
            [a, b] => analyzer.joined_variant_key(a, b),
            _ => None,
        }
    };
    println!("\n## Variant keys\n");
    println!("| entities | spellings | with a key | spelling pairs | pairs sharing a key |");
    println!("|---|---|---|---|---|");
    for listed in [true, false] {
        let (mut entities, mut spellings, mut keyed, mut pairs, mut shared) = (0, 0, 0, 0, 0);
        for line in read("foreign_names.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && l.contains(':'))
        {
            let (_, list) = line.split_once(':').expect("checked");
            let list: Vec<&str> = list.split_whitespace().collect();
            let first = normalize(&list[0].replace('_', ""));
            let is_listed = !analyzer.alias_expansions(&first).is_empty();
            if is_listed != listed {
                continue;
            }
            entities += 1;
            let keys: Vec<Option<String>> = list.iter().map(|s| key(s)).collect();
            spellings += list.len();
            keyed += keys.iter().filter(|k| k.is_some()).count();
            for i in 0..list.len() {
                for j in i + 1..list.len() {
                    pairs += 1;
                    let same = keys[i].is_some() && keys[i] == keys[j];
                    shared += usize::from(same);
                    if verbose && !same {
                        println!(
                            "  not joined: {} ({:?}) / {} ({:?})",
                            list[i], keys[i], list[j], keys[j]
                        );
                    }
                }
            }
        }
        let label = if listed {
            "named by the alias list"
        } else {
            "not in the alias list"
        };
        println!("| {entities} {label} | {spellings} | {keyed} | {pairs} | {shared} |");
    }
    let mut merged = Vec::new();
    let mut total = 0;
    for line in read("native_pairs.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let words: Vec<String> = line.split_whitespace().map(normalize).collect();
        total += 1;
        let (a, b) = (
            analyzer.variant_key(&words[0]),
            analyzer.variant_key(&words[1]),
        );
        if a.is_some() && a == b {
            merged.push(line.to_owned());
        }
    }
    println!(
        "\nNative pairs with colliding skeletons (tests/data/native_pairs.txt): {} of {total} share a variant key{}",
        merged.len(),
        if merged.is_empty() { String::new() } else { format!(": {}", merged.join(", ")) }
    );
    let mut vocabularies: Vec<(&str, Vec<String>)> = Vec::new();
    let seeds: Vec<String> = seed_tokens(&analyzer)
        .into_iter()
        .map(|(t, _)| t)
        .filter(|t| {
            t.chars()
                .next()
                .is_some_and(|c| ('\u{0621}'..='\u{064A}').contains(&c))
        })
        .collect();
    vocabularies.push(("seed articles", seeds));
    if let Some(quran) = quran {
        let mut words: Vec<String> = quran.iter().cloned().collect();
        words.sort();
        vocabularies.push(("Quran", words));
    }
    for (name, words) in vocabularies {
        let mut by_key: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for w in &words {
            if let Some(k) = analyzer.variant_key(w) {
                by_key.entry(k).or_default().push(w);
            }
        }
        let keyed: usize = by_key.values().map(Vec::len).sum();
        // Words of one key with different stems: merges the stemmer would not make.
        let collisions: Vec<String> = by_key
            .values()
            .filter(|ws| {
                let stems: HashSet<&str> = ws.iter().map(|w| analyzer.stem(w)).collect();
                stems.len() > 1
            })
            .map(|ws| ws.join("/"))
            .collect();
        println!(
            "{name}: {keyed} of {} distinct Arabic terms get a variant key ({:.1} %); {} keys join terms of different stems",
            words.len(),
            100.0 * keyed as f64 / words.len() as f64,
            collisions.len()
        );
        if verbose {
            let keyed_words: Vec<&str> = by_key.values().flatten().copied().collect();
            println!("  with a key: {}", keyed_words.join(" "));
            println!("  joined: {}", collisions.join(", "));
        }
    }
}
