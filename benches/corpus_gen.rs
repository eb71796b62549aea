//! Benchmark corpora, shared by `benches/search.rs` and `examples/bench_index.rs`
//! (included with `#[path]`): the seed articles, a generated news-like corpus of any size,
//! and the Quran (npm's `quran-json`, one document per verse).
//!
//! # The generated corpus
//!
//! Deterministic (a xorshift64* generator, seeded): the same `(docs, seed)` always gives the
//! same documents, so figures are comparable between runs and machines.
//!
//! - **Vocabulary**, ranked for a Zipf distribution (`p(rank r) ∝ 1 / r`):
//!   1. the seed articles' stop words (من، على، في…), most frequent first;
//!   2. then content words: [`SYNTHETIC_WORDS`] synthetic words built the way Arabic builds
//!      them, a three-consonant root in a pattern (فاعل، مفعول، تفعيل، استفعال…), some with
//!      the article ال, in a seeded order; from content rank [`SEED_WORDS_FROM_RANK`] on,
//!      one rank in [`SEED_WORD_EVERY`] is the next of the seed articles' other words
//!      (داعش، تيليجرام، التنظيم…, in seed frequency order).
//!
//!   So a frequent seed word such as داعش lands near content rank 150 (in a few percent of
//!   the documents), a rare one near rank 11 000 (a few documents in ten thousand), and the
//!   long tail is made of plausible Arabic forms that stem, prefix-match and typo-match like
//!   real words. Content words take a proclitic (و، ب، ل، ف، بال، وال، لل) one time in five.
//! - **Local structure**: a word slot holds, with probability [`RUN_CHANCE`], a run of 2–4
//!   consecutive words copied from a seed paragraph, so phrases ("جسر لندن") and proximity
//!   have something to find (the seed articles' topic words come more often this way).
//! - **Shape**: titles of 6–12 words, 3–8 paragraphs of 20–60 words, a subtitle for 30 %,
//!   a date (2012–2024) for 90 %, an author (from 40) for 60 %, a source (from 10) for 50 %,
//!   a section (from 8) for 80 %, 0–3 tags, a URL for 70 %.
#![allow(dead_code)]

use fahras::text::Analyzer;
use fahras::Document;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The default seed of the generator.
pub const DEFAULT_SEED: u64 = 0x5eed_fa12_a5ab_cdef;

/// One seed content word every this many vocabulary ranks.
pub const SEED_WORD_EVERY: usize = 8;

/// Seed content words start after this many synthetic content words (so that the seed
/// articles' topic words are frequent, not ubiquitous).
pub const SEED_WORDS_FROM_RANK: usize = 150;

/// The chance that a word slot holds a run copied from a seed paragraph instead.
pub const RUN_CHANCE: f64 = 0.01;

/// How many synthetic words the vocabulary gets.
pub const SYNTHETIC_WORDS: usize = 60_000;

/// xorshift64*: tiny, fast, good enough for test data (not for anything else).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (any value; 0 is remapped).
    pub fn new(seed: u64) -> Self {
        // splitmix64 once, so that nearby seeds give unrelated streams.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(if z == 0 { 1 } else { z })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * n as f64) as usize % n
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    /// A uniformly chosen element.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The seed articles (`corpus/*.json`).
pub fn seed_documents(root: &Path) -> Vec<Document> {
    fahras::corpus::read_dir(&root.join("corpus")).expect("the seed corpus (corpus/*.json)")
}

/// The words of a text as written (Arabic letters and marks, Latin letters, digits).
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || is_arabic_mark(c)))
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_arabic_mark(c: char) -> bool {
    matches!(c as u32, 0x064B..=0x065F | 0x0670 | 0x0640)
}

const CONSONANTS: &[char] = &[
    'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ', 'ف',
    'ق', 'ك', 'ل', 'م', 'ن', 'ه',
];

/// Patterns: 1, 2, 3 stand for the root consonants.
const PATTERNS: &[&str] = &[
    "1ا23",
    "م12و3",
    "ت12ي3",
    "است12ا3",
    "ا1ت2ا3",
    "1ي2ي3",
    "م1ا2ي3",
    "12ا3ة",
    "م12ّ3",
    "1و2ي3ة",
    "ت1ا2ي3",
    "م1ت2ا3ات",
    "1ا2ا3",
    "ي12ّ3ون",
    "م1ا2ّ3",
    "12ي3ة",
];

const PROCLITICS: &[&str] = &["و", "و", "و", "ب", "ل", "ف", "بال", "وال", "لل"];

const FIRST_NAMES: &[&str] = &[
    "أحمد",
    "خالد",
    "منى",
    "سارة",
    "محمد",
    "ليلى",
    "عمر",
    "هدى",
    "يوسف",
    "مريم",
    "طارق",
    "نادية",
    "كريم",
    "رانيا",
    "سامي",
    "دينا",
    "حسن",
    "ياسمين",
    "علي",
    "فاطمة",
];
const LAST_NAMES: &[&str] = &[
    "لملوم",
    "الطائي",
    "اللمعي",
    "الشريف",
    "المصري",
    "العلي",
    "حداد",
    "السيد",
    "الخطيب",
    "عبد الله",
    "منصور",
    "الحسيني",
    "يوسف",
    "الزين",
    "قاسم",
    "النجار",
];
const SOURCES: &[&str] = &[
    "ديارنا",
    "الأهرام",
    "الشرق الأوسط",
    "الحياة",
    "بي بي سي عربي",
    "العربية",
    "الجزيرة نت",
    "المصري اليوم",
    "النهار",
    "سكاي نيوز عربية",
];
const SECTIONS: &[&str] = &[
    "سياسة",
    "تقنية",
    "اقتصاد",
    "رياضة",
    "ثقافة",
    "منوعات",
    "عالم",
    "أمن",
];

/// A generator of news-like Arabic documents.
pub struct Generator {
    vocabulary: Vec<String>,
    is_content: Vec<bool>,
    /// Cumulative Zipf weights, for sampling by binary search.
    cumulative: Vec<f64>,
    /// Seed paragraphs as word lists, for copied runs.
    runs: Vec<Vec<String>>,
    authors: Vec<String>,
    rng: Rng,
}

impl Generator {
    /// A generator drawing its vocabulary from the seed articles.
    pub fn new(seeds: &[Document], seed: u64) -> Self {
        let analyzer = Analyzer::default();
        let mut rng = Rng::new(seed);
        // Seed words by frequency (ties by first appearance), as written.
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
        let mut runs = Vec::new();
        for doc in seeds {
            let texts = std::iter::once(&doc.title)
                .chain(doc.subtitle.iter())
                .chain(doc.body.iter());
            for text in texts {
                let ws = words(text);
                for w in &ws {
                    let next = counts.len();
                    counts.entry(w).or_insert((0, next)).0 += 1;
                }
                if ws.len() >= 5 {
                    runs.push(ws.iter().map(|w| w.to_string()).collect());
                }
            }
        }
        let mut ranked: Vec<(&str, usize, usize)> = counts
            .into_iter()
            .map(|(w, (c, first))| (w, c, first))
            .collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        let is_stop = |w: &str| {
            analyzer
                .analyze(w)
                .first()
                .is_some_and(|t| analyzer.is_stop_word(&t.term))
        };
        let stops: Vec<String> = ranked
            .iter()
            .filter(|w| is_stop(w.0))
            .map(|w| w.0.to_owned())
            .collect();
        let content: Vec<String> = ranked
            .iter()
            .filter(|w| !is_stop(w.0) && !w.0.chars().all(|c| c.is_ascii_digit()))
            .map(|w| w.0.to_owned())
            .collect();

        // Synthetic words: roots in patterns, deduplicated against everything else.
        let mut seen: HashSet<String> = stops.iter().chain(&content).cloned().collect();
        let mut synthetic = Vec::with_capacity(SYNTHETIC_WORDS);
        while synthetic.len() < SYNTHETIC_WORDS {
            let root = [
                *rng.pick(CONSONANTS),
                *rng.pick(CONSONANTS),
                *rng.pick(CONSONANTS),
            ];
            if root[0] == root[1] {
                continue;
            }
            let mut word = String::new();
            if rng.chance(0.3) {
                word.push_str("ال");
            }
            for c in rng.pick(PATTERNS).chars() {
                match c {
                    '1' => word.push(root[0]),
                    '2' => word.push(root[1]),
                    '3' => word.push(root[2]),
                    c => word.push(c),
                }
            }
            if seen.insert(word.clone()) {
                synthetic.push(word);
            }
        }

        let mut vocabulary = Vec::new();
        let mut is_content = Vec::new();
        for w in stops {
            vocabulary.push(w);
            is_content.push(false);
        }
        let mut content = content.into_iter();
        let mut synthetic = synthetic.into_iter();
        let mut i = 0usize;
        loop {
            let next = if i >= SEED_WORDS_FROM_RANK && i % SEED_WORD_EVERY == 0 {
                content.next().or_else(|| synthetic.next())
            } else {
                synthetic.next().or_else(|| content.next())
            };
            let Some(w) = next else { break };
            vocabulary.push(w);
            is_content.push(true);
            i += 1;
        }
        let mut cumulative = Vec::with_capacity(vocabulary.len());
        let mut total = 0.0;
        for rank in 1..=vocabulary.len() {
            total += 1.0 / rank as f64;
            cumulative.push(total);
        }
        let mut authors = Vec::new();
        for _ in 0..40 {
            authors.push(format!(
                "{} {}",
                rng.pick(FIRST_NAMES),
                rng.pick(LAST_NAMES)
            ));
        }
        Generator {
            vocabulary,
            is_content,
            cumulative,
            runs,
            authors,
            rng,
        }
    }

    /// The vocabulary size.
    pub fn vocabulary_len(&self) -> usize {
        self.vocabulary.len()
    }

    /// The Zipf rank (0-based) of a vocabulary word, if it is one.
    pub fn rank_of(&self, word: &str) -> Option<usize> {
        self.vocabulary.iter().position(|w| w == word)
    }

    fn zipf_word(&mut self) -> usize {
        let total = *self.cumulative.last().expect("a vocabulary");
        let x = (self.rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
        self.cumulative
            .partition_point(|&c| c < x)
            .min(self.vocabulary.len() - 1)
    }

    /// `count` words of running text, appended to `out`.
    fn text(&mut self, count: usize, out: &mut String) {
        let mut written = 0;
        let mut since_comma = 0;
        while written < count {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            if self.rng.chance(RUN_CHANCE) {
                let run = self.rng.below(self.runs.len());
                let len = self.rng.range(2, 4).min(self.runs[run].len());
                let start = self.rng.below(self.runs[run].len() - len + 1);
                let words = self.runs[run][start..start + len].join(" ");
                out.push_str(&words);
                written += len;
            } else {
                let w = self.zipf_word();
                if self.is_content[w] && self.rng.chance(0.2) {
                    let clitic = *self.rng.pick(PROCLITICS);
                    let word = &self.vocabulary[w];
                    if !(clitic.ends_with('ل') && clitic.len() > 2 && word.starts_with("ال")) {
                        out.push_str(clitic);
                    }
                }
                out.push_str(&self.vocabulary[w]);
                written += 1;
            }
            since_comma += 1;
            if since_comma > 6 && self.rng.chance(0.12) {
                out.push('،');
                since_comma = 0;
            }
        }
        out.push('.');
    }

    /// The `n`-th generated document (call in order: the stream is sequential).
    pub fn document(&mut self, n: usize) -> Document {
        let mut title = String::new();
        let title_len = self.rng.range(6, 12);
        self.text(title_len, &mut title);
        title.pop(); // no full stop in a headline
        let subtitle = self.rng.chance(0.3).then(|| {
            let mut s = String::new();
            let len = self.rng.range(8, 16);
            self.text(len, &mut s);
            s
        });
        let paragraphs = self.rng.range(3, 8);
        let body = (0..paragraphs)
            .map(|_| {
                let mut p = String::new();
                let len = self.rng.range(20, 60);
                self.text(len, &mut p);
                p
            })
            .collect();
        let published = self.rng.chance(0.9).then(|| {
            format!(
                "{}-{:02}-{:02}",
                self.rng.range(2012, 2024),
                self.rng.range(1, 12),
                self.rng.range(1, 28)
            )
        });
        let author = self
            .rng
            .chance(0.6)
            .then(|| self.rng.pick(&self.authors).clone());
        let source = self
            .rng
            .chance(0.5)
            .then(|| self.rng.pick(SOURCES).to_string());
        let section = self
            .rng
            .chance(0.8)
            .then(|| self.rng.pick(SECTIONS).to_string());
        let mut tags: Vec<String> = Vec::new();
        for _ in 0..self.rng.range(0, 3) {
            // Tags from the frequent content words.
            let w = loop {
                let w = self.zipf_word();
                if self.is_content[w] {
                    break w;
                }
            };
            let tag = self.vocabulary[w].clone();
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let id = format!("gen-{n:06}");
        let url = self.rng.chance(0.7).then(|| {
            format!(
                "https://news.example/{}/{id}",
                section.as_deref().unwrap_or("archive")
            )
        });
        Document {
            id,
            title,
            subtitle,
            published,
            author,
            source,
            url,
            section,
            tags,
            body,
        }
    }
}

/// `docs` generated documents (deterministic for a given `seed`).
pub fn generated_documents(seeds: &[Document], docs: usize, seed: u64) -> Vec<Document> {
    let mut g = Generator::new(seeds, seed);
    (0..docs).map(|n| g.document(n)).collect()
}

/// The Quran from npm's `quran-json` (`dist/quran.json`: 114 chapters, each
/// `{ id, name, transliteration, type, total_verses, verses: [{ id, text }] }`, Uthmani
/// script with full diacritics): one document per verse (6 236), titled
/// "سورة <name>، الآية <n>", the verse as the body, the chapter's type (meccan/medinan)
/// as the section.
pub fn quran_documents(quran_json: &Path) -> Result<Vec<Document>, String> {
    let text = std::fs::read_to_string(quran_json)
        .map_err(|e| format!("cannot read {}: {e}", quran_json.display()))?;
    let chapters: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| format!("{} is not JSON: {e}", quran_json.display()))?;
    let chapters = chapters
        .as_array()
        .ok_or("quran.json: expected an array of chapters")?;
    let mut docs = Vec::new();
    for chapter in chapters {
        let number = chapter["id"].as_u64().ok_or("a chapter without an id")?;
        let name = chapter["name"].as_str().ok_or("a chapter without a name")?;
        let section = match chapter["type"].as_str() {
            Some("meccan") => Some("مكية".to_owned()),
            Some("medinan") => Some("مدنية".to_owned()),
            _ => None,
        };
        let verses = chapter["verses"]
            .as_array()
            .ok_or("a chapter without verses")?;
        for verse in verses {
            let v = verse["id"].as_u64().ok_or("a verse without an id")?;
            let body = verse["text"].as_str().ok_or("a verse without text")?;
            docs.push(Document {
                id: format!("quran-{number}-{v}"),
                title: format!("سورة {name}، الآية {v}"),
                section: section.clone(),
                body: vec![body.to_owned()],
                ..Default::default()
            });
        }
    }
    if docs.is_empty() {
        return Err("quran.json has no verses".into());
    }
    Ok(docs)
}
