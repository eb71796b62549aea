//! Key/value records (a JSON object, a front-matter block) → [`Document`], through a
//! [`FieldMap`] that says which key holds which field.

use super::date::normalize_date;
use super::html;
use crate::document::Document;
use serde_json::{Map, Value};

/// A document field that an input key can be mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// [`Document::id`].
    Id,
    /// [`Document::title`].
    Title,
    /// [`Document::subtitle`].
    Subtitle,
    /// [`Document::body`].
    Body,
    /// [`Document::published`] (`date` in `fahras.toml`).
    Date,
    /// [`Document::author`].
    Author,
    /// [`Document::source`].
    Source,
    /// [`Document::url`].
    Url,
    /// [`Document::section`].
    Section,
    /// [`Document::tags`].
    Tags,
}

impl Field {
    /// Every field, in the order of [`Document`].
    pub const ALL: [Field; 10] = [
        Field::Id,
        Field::Title,
        Field::Subtitle,
        Field::Body,
        Field::Date,
        Field::Author,
        Field::Source,
        Field::Url,
        Field::Section,
        Field::Tags,
    ];

    /// The field's name in `fahras.toml` (`[fields]`).
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Title => "title",
            Field::Subtitle => "subtitle",
            Field::Body => "body",
            Field::Date => "date",
            Field::Author => "author",
            Field::Source => "source",
            Field::Url => "url",
            Field::Section => "section",
            Field::Tags => "tags",
        }
    }

    /// The field named `name` in `fahras.toml`.
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The keys looked up when `fahras.toml` does not map the field, first found wins.
    /// They cover the corpus format, JSON Feed, WordPress and Hugo/Jekyll front matter.
    pub fn default_keys(self) -> &'static [&'static str] {
        match self {
            Field::Id => &["id", "guid", "uuid", "slug"],
            Field::Title => &["title", "headline", "name"],
            Field::Subtitle => &["subtitle", "deck", "standfirst", "alternativeHeadline"],
            Field::Body => &[
                "body",
                "content",
                "content_html",
                "content_text",
                "text",
                "articleBody",
            ],
            Field::Date => &[
                "published",
                "date",
                "date_published",
                "datePublished",
                "pubDate",
                "publishDate",
                "published_at",
            ],
            Field::Author => &["author", "authors", "byline", "creator"],
            Field::Source => &["source", "publisher", "site"],
            Field::Url => &["url", "link", "permalink", "canonical"],
            Field::Section => &["section", "category", "categories", "articleSection"],
            Field::Tags => &["tags", "keywords"],
        }
    }
}

/// Which input keys hold which [`Field`]: for each field, keys tried in order (a key may be
/// a dotted path into nested objects, `title.rendered`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMap {
    keys: Vec<(Field, Vec<String>)>,
}

impl Default for FieldMap {
    /// Every field looked up under its [`Field::default_keys`].
    fn default() -> Self {
        FieldMap {
            keys: Field::ALL
                .into_iter()
                .map(|f| (f, f.default_keys().iter().map(|k| k.to_string()).collect()))
                .collect(),
        }
    }
}

impl FieldMap {
    /// Looks `field` up under `keys` (in order) instead of its default keys.
    pub fn set(&mut self, field: Field, keys: Vec<String>) {
        if let Some(entry) = self.keys.iter_mut().find(|(f, _)| *f == field) {
            entry.1 = keys;
        }
    }

    /// The keys `field` is looked up under.
    pub fn keys(&self, field: Field) -> &[String] {
        self.keys
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(&[], |(_, k)| k.as_slice())
    }

    /// The first mapped key present in `record` for `field`, with its value. Nulls and empty
    /// strings count as absent.
    fn lookup<'a>(
        &'a self,
        record: &'a Map<String, Value>,
        field: Field,
    ) -> Option<(&'a str, &'a Value)> {
        self.keys(field).iter().find_map(|key| {
            let value = get_path(record, key)?;
            let empty = match value {
                Value::Null => true,
                Value::String(s) => s.trim().is_empty(),
                Value::Array(a) => a.is_empty(),
                _ => false,
            };
            (!empty).then_some((key.as_str(), value))
        })
    }
}

/// `record["a"]["b"]` for the key `a.b`; an exact key wins over a path (`"og.title"`).
fn get_path<'a>(record: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    if let Some(v) = record.get(key) {
        return Some(v);
    }
    let mut parts = key.split('.');
    let mut value = record.get(parts.next()?)?;
    for part in parts {
        value = value.as_object()?.get(part)?;
    }
    Some(value)
}

/// What a record turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// An article to index.
    Document(Box<Document>),
    /// Not an article, by the input's own say: a draft (`draft: true`, Jekyll's
    /// `published: false`) or a page marked `data-fahras-ignore`. Skipped, not an error; the
    /// text says why.
    Skipped(String),
}

/// Defaults for fields a record does not state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fallbacks {
    /// The id when the record has neither an id nor a url (e.g. `posts/a.md`, `feed.jsonl#3`).
    pub id: String,
    /// The body when the record has no body key (the Markdown text of a front-matter file).
    pub body: Option<Vec<String>>,
    /// The title when the record has no title key (a Markdown file's first `# heading`).
    pub title: Option<String>,
    /// The source when the record names none (`[input] source` in `fahras.toml`).
    pub source: Option<String>,
}

/// Turns one record into a [`Document`] (or a draft), or says what is wrong with it.
///
/// Text fields take strings or numbers; `author` also takes a list (joined with `، ` or `, `)
/// or an object with a `name`; `tags` takes a list or a comma-separated string; `body` takes a
/// list of paragraphs or a string (HTML when it holds tags, else split at line breaks); HTML
/// in the title is reduced to its text. Keys that are not mapped are ignored.
pub fn to_document(
    record: &Map<String, Value>,
    fields: &FieldMap,
    fallbacks: &Fallbacks,
) -> Result<Outcome, String> {
    if is_draft(record) {
        return Ok(Outcome::Skipped("a draft".into()));
    }
    let text = |field: Field| -> Result<Option<String>, String> {
        match fields.lookup(record, field) {
            None => Ok(None),
            Some((key, value)) => scalar_text(value, field)
                .map(|t| Some(clean_inline(&t)).filter(|t| !t.is_empty()))
                .map_err(|e| format!("{e} in \"{key}\"")),
        }
    };
    let title = match text(Field::Title)?.or_else(|| fallbacks.title.clone()) {
        Some(t) => t,
        None => {
            return Err(format!(
                "missing title (looked for {})",
                quoted_keys(fields.keys(Field::Title))
            ))
        }
    };
    let url = text(Field::Url)?;
    let id = text(Field::Id)?
        .or_else(|| url.clone())
        .unwrap_or_else(|| fallbacks.id.clone());
    let published = match fields.lookup(record, Field::Date) {
        None => None,
        Some((key, Value::String(s))) => {
            Some(normalize_date(s).map_err(|e| format!("{e} in \"{key}\""))?)
        }
        // Jekyll's `published: true` (false was a draft, above): not a date.
        Some(("published", Value::Bool(_))) => None,
        Some((key, other)) => {
            return Err(format!(
                "the date in \"{key}\" is {}, not a date text such as \"2018-12-20\"",
                kind(other)
            ))
        }
    };
    let author = match fields.lookup(record, Field::Author) {
        None => None,
        Some((key, value)) => {
            Some(names(value).map_err(|e| format!("{e} in \"{key}\""))?).filter(|a| !a.is_empty())
        }
    };
    let section = match fields.lookup(record, Field::Section) {
        None => None,
        Some((key, value)) => list(value)
            .map_err(|e| format!("{e} in \"{key}\""))?
            .into_iter()
            .next(),
    };
    let tags = match fields.lookup(record, Field::Tags) {
        None => Vec::new(),
        Some((key, value)) => list(value).map_err(|e| format!("{e} in \"{key}\""))?,
    };
    let body = match fields.lookup(record, Field::Body) {
        None => fallbacks.body.clone().unwrap_or_default(),
        Some((key, value)) => paragraphs(value).map_err(|e| format!("{e} in \"{key}\""))?,
    };
    Ok(Outcome::Document(Box::new(Document {
        id,
        title,
        subtitle: text(Field::Subtitle)?,
        published,
        author,
        source: text(Field::Source)?.or_else(|| fallbacks.source.clone()),
        url,
        section,
        tags,
        body,
    })))
}

/// `draft: true`, `draft: "true"` or Jekyll's `published: false`.
fn is_draft(record: &Map<String, Value>) -> bool {
    matches!(record.get("draft"), Some(Value::Bool(true)))
        || matches!(record.get("draft"), Some(Value::String(s)) if s == "true")
        || matches!(record.get("published"), Some(Value::Bool(false)))
}

fn quoted_keys(keys: &[String]) -> String {
    let quoted: Vec<String> = keys.iter().map(|k| format!("\"{k}\"")).collect();
    match quoted.len() {
        0 => "no key: map one in fahras.toml [fields]".into(),
        1 => quoted[0].clone(),
        n => format!("{} or {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// "an object", "a list"… for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A string or a number as text; an object with `name` (an author) or `rendered`
/// (WordPress) as its text.
fn scalar_text(value: &Value, field: Field) -> Result<String, String> {
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Object(o) => match o.get("name").or_else(|| o.get("rendered")) {
            Some(Value::String(s)) => Ok(s.clone()),
            _ => Err(format!(
                "expected a text for {}, found an object",
                field.name()
            )),
        },
        other => Err(format!(
            "expected a text for {}, found {}",
            field.name(),
            kind(other)
        )),
    }
}

/// One or more names (authors): a text, an object with a `name`, or a list of either.
fn names(value: &Value) -> Result<String, String> {
    let items: Vec<String> = match value {
        Value::Array(items) => items
            .iter()
            .map(|v| scalar_text(v, Field::Author))
            .collect::<Result<_, _>>()?,
        other => vec![scalar_text(other, Field::Author)?],
    };
    let items: Vec<String> = items
        .iter()
        .map(|s| clean_inline(s))
        .filter(|s| !s.is_empty())
        .collect();
    let arabic = items.iter().any(|s| s.chars().any(is_arabic_letter));
    Ok(items.join(if arabic { "، " } else { ", " }))
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}')
}

/// A list of texts: a list, or one text split at commas (`,`, `،`, `;`).
fn list(value: &Value) -> Result<Vec<String>, String> {
    let raw: Vec<String> = match value {
        Value::Array(items) => items
            .iter()
            .map(|v| scalar_text(v, Field::Tags))
            .collect::<Result<_, _>>()?,
        Value::String(s) => s.split([',', '،', ';', '؛']).map(str::to_owned).collect(),
        other => vec![scalar_text(other, Field::Tags)?],
    };
    let mut out: Vec<String> = Vec::new();
    for item in raw {
        let item = clean_inline(&item);
        if !item.is_empty() && !out.contains(&item) {
            out.push(item);
        }
    }
    Ok(out)
}

/// The body: a list of paragraphs, or one text (HTML when it has tags, else split at line
/// breaks).
fn paragraphs(value: &Value) -> Result<Vec<String>, String> {
    match value {
        Value::String(s) => Ok(text_to_paragraphs(s)),
        Value::Array(items) => {
            let mut out = Vec::new();
            for item in items {
                match item {
                    Value::String(s) => out.extend(text_to_paragraphs(s)),
                    Value::Number(n) => out.push(n.to_string()),
                    other => {
                        return Err(format!(
                            "a body paragraph is {}, expected a text",
                            kind(other)
                        ))
                    }
                }
            }
            Ok(out)
        }
        Value::Object(o) => match o.get("rendered") {
            Some(Value::String(s)) => Ok(text_to_paragraphs(s)),
            _ => Err("expected the body as a text or a list of paragraphs, found an object".into()),
        },
        other => Err(format!(
            "expected the body as a text or a list of paragraphs, found {}",
            kind(other)
        )),
    }
}

/// A text as paragraphs: HTML is extracted; plain text is split at line breaks and kept
/// as written otherwise (inner spacing and no-break spaces included).
pub fn text_to_paragraphs(text: &str) -> Vec<String> {
    if html::looks_like_html(text) {
        return html::fragment_paragraphs(text);
    }
    text.lines()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A one-line text: HTML (tags, entities) reduced to text; line breaks and tabs folded into
/// spaces; otherwise trimmed and kept as written.
pub fn clean_inline(text: &str) -> String {
    if html::looks_like_html(text) || html::has_entity(text) {
        html::fragment_paragraphs(text).join(" ")
    } else if text.contains(['\n', '\r', '\t']) {
        collapse_spaces(text)
    } else {
        text.trim().to_owned()
    }
}

/// Runs of ASCII white space (HTML's white space: line breaks included, no-break spaces
/// not) as one space, trimmed.
pub fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_ascii_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(value: Value) -> Result<Document, String> {
        let fallbacks = Fallbacks {
            id: "file#1".into(),
            ..Default::default()
        };
        match to_document(value.as_object().unwrap(), &FieldMap::default(), &fallbacks)? {
            Outcome::Document(d) => Ok(*d),
            Outcome::Skipped(why) => Err(why),
        }
    }

    #[test]
    fn maps_the_default_keys() {
        let d = doc(json!({
            "headline": "  عنوان\n   الخبر ",
            "content": "<p>فقرة أولى</p><p>فقرة <b>ثانية</b></p>",
            "date": "Thu, 20 Dec 2018 11:34:00 +0200",
            "authors": [{"name": "أحمد"}, "منى"],
            "categories": ["سياسة", "عالم"],
            "keywords": "داعش، تيليجرام, إرهاب",
            "link": "https://example.com/a",
        }))
        .unwrap();
        assert_eq!(d.title, "عنوان الخبر");
        assert_eq!(d.id, "https://example.com/a");
        assert_eq!(d.body, vec!["فقرة أولى", "فقرة ثانية"]);
        assert_eq!(d.published.as_deref(), Some("2018-12-20T11:34+02:00"));
        assert_eq!(d.author.as_deref(), Some("أحمد، منى"));
        assert_eq!(d.section.as_deref(), Some("سياسة"));
        assert_eq!(d.tags, vec!["داعش", "تيليجرام", "إرهاب"]);
    }

    #[test]
    fn falls_back_to_a_derived_id() {
        assert_eq!(doc(json!({"title": "t"})).unwrap().id, "file#1");
        assert_eq!(doc(json!({"title": "t", "id": 7})).unwrap().id, "7");
    }

    #[test]
    fn follows_dotted_paths_and_custom_keys() {
        let mut fields = FieldMap::default();
        fields.set(Field::Title, vec!["title.rendered".into()]);
        fields.set(Field::Body, vec!["content.rendered".into()]);
        let record = json!({"title": {"rendered": "Hello &amp; welcome"}, "content": {"rendered": "<p>x</p>"}});
        let Outcome::Document(d) =
            to_document(record.as_object().unwrap(), &fields, &Fallbacks::default()).unwrap()
        else {
            panic!("not a document")
        };
        assert_eq!(d.title, "Hello & welcome");
        assert_eq!(d.body, vec!["x"]);
    }

    #[test]
    fn reports_what_is_wrong() {
        let err = doc(json!({"body": ["x"]})).unwrap_err();
        assert!(
            err.contains("missing title") && err.contains("\"headline\""),
            "{err}"
        );
        let err = doc(json!({"title": "t", "date": "20/12/2018"})).unwrap_err();
        assert!(
            err.contains("unparseable date") && err.contains("\"date\""),
            "{err}"
        );
        let err = doc(json!({"title": "t", "date": 1545298440})).unwrap_err();
        assert!(err.contains("a number"), "{err}");
        let err = doc(json!({"title": ["a"]})).unwrap_err();
        assert!(err.contains("found a list"), "{err}");
        let err = doc(json!({"title": "t", "body": [{"p": 1}]})).unwrap_err();
        assert!(err.contains("paragraph"), "{err}");
    }

    #[test]
    fn recognizes_drafts() {
        assert_eq!(
            doc(json!({"title": "t", "draft": true})).unwrap_err(),
            "a draft"
        );
        assert_eq!(
            doc(json!({"title": "t", "published": false})).unwrap_err(),
            "a draft"
        );
    }
}
