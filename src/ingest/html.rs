//! HTML → the text of an article: its title, its metadata and its body as paragraphs.
//!
//! Parsed with `scraper` (html5ever, the browser's HTML algorithm, so broken markup reads as
//! a browser reads it) and walked without recursion, so no nesting depth can overflow the
//! stack.
//!
//! What is read, first found wins:
//!
//! | field | from |
//! |---|---|
//! | title | `data-fahras-title`, `og:title`, JSON-LD `headline`, the first `<h1>`, `<title>` |
//! | body | every `[data-fahras-body]`, else the `<article>` with the most text, `<main>`, `[role=main]`, else `<body>` without its navigation, header, footer, asides, forms and comment sections |
//! | published | `data-fahras-date`, `article:published_time` (and `date`, `pubdate`, `dc.date`, `itemprop=datePublished`), JSON-LD `datePublished` |
//! | author | `data-fahras-author`, `<meta name=author>`, `article:author` (unless a URL), JSON-LD `author` |
//! | source | `data-fahras-source`, `og:site_name`, JSON-LD `publisher` |
//! | url | `data-fahras-url`, `<link rel=canonical>`, `og:url`, JSON-LD `url` |
//! | section | `data-fahras-section`, `article:section`, JSON-LD `articleSection` |
//! | tags | `data-fahras-tags` (comma-separated, or every marked element), `article:tag`, `keywords`, `news_keywords`, JSON-LD `keywords` |
//!
//! A `data-fahras-*` attribute's value is used when it has one, else the element's
//! `datetime` (`<time>`), `href` (`<a>`), `content` (`<meta>`) or text. Elements marked
//! `data-fahras-ignore` are left out of the body; on `<html>` or `<body>` it leaves the whole
//! page out.

use super::date::normalize_date;
use super::record::{clean_inline, collapse_spaces, Outcome};
use crate::document::Document;
use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

/// Does `text` hold HTML markup (a tag such as `<p>`, `</b>`, `<br/>` or a comment)?
pub fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(2).enumerate().any(|(i, w)| {
        w[0] == b'<'
            && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!')
            && bytes[i..].contains(&b'>')
    })
}

/// Does `text` hold a character reference (`&amp;`, `&#1601;`, `&nbsp;`)?
pub fn has_entity(text: &str) -> bool {
    text.match_indices('&').any(|(i, _)| {
        let rest = &text[i + 1..];
        let name_len = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
            .count();
        name_len > 0 && rest.as_bytes().get(name_len) == Some(&b';')
    })
}

/// The paragraphs of an HTML fragment (a feed item's description, a JSON `content_html`):
/// block elements and `<br>` separate paragraphs; scripts, styles, forms and elements marked
/// `data-fahras-ignore` are left out.
pub fn fragment_paragraphs(html: &str) -> Vec<String> {
    let parsed = Html::parse_fragment(html);
    let mut out = Vec::new();
    collect_paragraphs(*parsed.root_element(), false, &mut out);
    out
}

/// The fields an HTML page states about itself; everything optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlArticle {
    /// From `data-fahras-id`.
    pub id: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// From `data-fahras-subtitle` or JSON-LD `alternativeHeadline`.
    pub subtitle: Option<String>,
    /// Normalized to ISO 8601.
    pub published: Option<String>,
    /// The byline.
    pub author: Option<String>,
    /// The site or publication.
    pub source: Option<String>,
    /// The canonical address.
    pub url: Option<String>,
    /// The site section.
    pub section: Option<String>,
    /// Tags and keywords.
    pub tags: Vec<String>,
    /// The article's paragraphs.
    pub body: Vec<String>,
    /// `data-fahras-ignore` on `<html>` or `<body>`: not an article.
    pub ignored: bool,
}

/// Reads an article out of an HTML page. Fails only on an unparseable date.
pub fn extract(html: &str) -> Result<HtmlArticle, String> {
    let page = Html::parse_document(html);
    let root = page.root_element();
    let mut article = HtmlArticle {
        // `select` looks below the root element (<html>), so <html> itself is asked directly.
        ignored: root.value().attr("data-fahras-ignore").is_some()
            || select(root, "body[data-fahras-ignore]").next().is_some(),
        ..Default::default()
    };
    if article.ignored {
        return Ok(article);
    }
    let meta = Meta::read(root);
    let ld = LinkedData::read(root);
    let marked = |name: &str| marked_value(root, name);

    article.id = marked("id");
    article.title = marked("title")
        .or_else(|| meta.get(&["og:title"]))
        .or_else(|| ld.text(&["headline", "name"]))
        .or_else(|| select(root, "h1").find_map(element_text))
        .or_else(|| select(root, "title").find_map(element_text));
    article.subtitle = marked("subtitle").or_else(|| ld.text(&["alternativeHeadline"]));
    let date = match marked("date") {
        Some(d) => Some((d, "data-fahras-date".to_owned())),
        None => meta
            .get_with_key(&[
                "article:published_time",
                "og:article:published_time",
                "datepublished",
                "date",
                "pubdate",
                "publishdate",
                "dc.date",
                "dc.date.issued",
            ])
            .map(|(d, key)| (d, format!("<meta> {key}")))
            .or_else(|| {
                select(root, "time[itemprop=datePublished][datetime]")
                    .find_map(|e| e.attr("datetime").map(str::to_owned))
                    .map(|d| (d, "<time itemprop=datePublished>".to_owned()))
            })
            .or_else(|| {
                ld.text(&["datePublished"])
                    .map(|d| (d, "JSON-LD datePublished".to_owned()))
            }),
    };
    article.published = match date {
        Some((d, from)) => Some(normalize_date(&d).map_err(|e| format!("{e} in {from}"))?),
        None => None,
    };
    article.author = marked("author")
        .or_else(|| meta.get(&["author", "dc.creator"]))
        .or_else(|| meta.get(&["article:author"]).filter(|a| !is_url(a)))
        .or_else(|| ld.names("author"));
    article.source = marked("source")
        .or_else(|| meta.get(&["og:site_name"]))
        .or_else(|| ld.names("publisher"));
    article.url = marked("url")
        .or_else(|| {
            select(root, "link[rel=canonical][href]").find_map(|e| {
                e.attr("href")
                    .map(str::trim)
                    .filter(|h| !h.is_empty())
                    .map(str::to_owned)
            })
        })
        .or_else(|| meta.get(&["og:url"]))
        .or_else(|| ld.url());
    article.section = marked("section")
        .or_else(|| meta.get(&["article:section"]))
        .or_else(|| ld.list("articleSection").into_iter().next());
    let mut tags: Vec<String> = select(root, "[data-fahras-tags]")
        .filter_map(|e| attribute_or_text(e, "data-fahras-tags"))
        .flat_map(|t| split_list(&t))
        .collect();
    if tags.is_empty() {
        tags = meta
            .all(&["article:tag"])
            .into_iter()
            .chain(
                meta.all(&["keywords", "news_keywords"])
                    .iter()
                    .flat_map(|k| split_list(k)),
            )
            .collect();
    }
    if tags.is_empty() {
        tags = ld.list("keywords");
    }
    for tag in tags {
        if !article.tags.contains(&tag) {
            article.tags.push(tag);
        }
    }
    article.body = body_paragraphs(root);
    if let (Some(title), Some(first)) = (&article.title, article.body.first()) {
        if first == title {
            article.body.remove(0);
        }
    }
    Ok(article)
}

impl HtmlArticle {
    /// The document, with `fallback_id` when the page has neither `data-fahras-id` nor a
    /// URL, and `fallback_url`/`fallback_source` for a page that states none.
    pub fn into_outcome(
        self,
        fallback_id: &str,
        fallback_url: Option<String>,
        fallback_source: Option<String>,
    ) -> Result<Outcome, String> {
        if self.ignored {
            return Ok(Outcome::Skipped("marked data-fahras-ignore".into()));
        }
        let Some(title) = self.title else {
            return Err(
                "missing title: add data-fahras-title, <meta property=\"og:title\">, an <h1> or a <title>"
                    .into(),
            );
        };
        let url = self.url.or(fallback_url);
        Ok(Outcome::Document(Box::new(Document {
            id: self
                .id
                .or_else(|| url.clone())
                .unwrap_or_else(|| fallback_id.to_owned()),
            title,
            subtitle: self.subtitle,
            published: self.published,
            author: self.author,
            source: self.source.or(fallback_source),
            url,
            section: self.section,
            tags: self.tags,
            body: self.body,
        })))
    }
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with('/')
}

fn split_list(s: &str) -> Vec<String> {
    s.split([',', '،', ';', '؛'])
        .map(collapse_spaces)
        .filter(|t| !t.is_empty())
        .collect()
}

/// Elements under `root` matching `css` (a selector known to be valid).
fn select<'a>(root: ElementRef<'a>, css: &str) -> impl Iterator<Item = ElementRef<'a>> + 'a {
    let selector = Selector::parse(css).expect("fahras's own selectors are valid");
    root.select(&selector).collect::<Vec<_>>().into_iter()
}

/// The collapsed text of an element, `None` when empty.
fn element_text(element: ElementRef<'_>) -> Option<String> {
    let text = collapse_spaces(&element.text().collect::<String>());
    (!text.is_empty()).then_some(text)
}

/// `attribute`'s value when it has one, else the element's `datetime`, `href`, `content`
/// or text.
fn attribute_or_text(element: ElementRef<'_>, attribute: &str) -> Option<String> {
    let own = element
        .attr(attribute)
        .map(clean_inline)
        .filter(|v| !v.is_empty());
    own.or_else(|| {
        ["datetime", "href", "content"].iter().find_map(|a| {
            element
                .attr(a)
                .map(collapse_spaces)
                .filter(|v| !v.is_empty())
        })
    })
    .or_else(|| element_text(element))
}

/// The value of the first `data-fahras-<name>` element.
fn marked_value(root: ElementRef<'_>, name: &str) -> Option<String> {
    let attribute = format!("data-fahras-{name}");
    select(root, &format!("[{attribute}]")).find_map(|e| attribute_or_text(e, &attribute))
}

/// `<meta>` values by lower-cased `property`, `name` or `itemprop`, in document order.
struct Meta(Vec<(String, String)>);

impl Meta {
    fn read(root: ElementRef<'_>) -> Meta {
        Meta(
            select(root, "meta[content]")
                .filter_map(|e| {
                    let key = e
                        .attr("property")
                        .or_else(|| e.attr("name"))
                        .or_else(|| e.attr("itemprop"))?;
                    let value = clean_inline(e.attr("content")?);
                    (!value.is_empty()).then(|| (key.trim().to_ascii_lowercase(), value))
                })
                .collect(),
        )
    }

    fn get_with_key(&self, keys: &[&str]) -> Option<(String, String)> {
        keys.iter().find_map(|k| {
            self.0
                .iter()
                .find(|(key, _)| key == k)
                .map(|(key, v)| (v.clone(), key.clone()))
        })
    }

    fn get(&self, keys: &[&str]) -> Option<String> {
        self.get_with_key(keys).map(|(v, _)| v)
    }

    fn all(&self, keys: &[&str]) -> Vec<String> {
        self.0
            .iter()
            .filter(|(key, _)| keys.contains(&key.as_str()))
            .map(|(_, v)| v.clone())
            .collect()
    }
}

/// The first schema.org article described in `<script type="application/ld+json">`.
/// Broken JSON-LD is ignored: it is only a fallback.
struct LinkedData(Option<serde_json::Map<String, Value>>);

impl LinkedData {
    fn read(root: ElementRef<'_>) -> LinkedData {
        let article = select(root, "script[type=\"application/ld+json\"]").find_map(|script| {
            let json: Value = serde_json::from_str(&script.text().collect::<String>()).ok()?;
            find_article(&json, 0).cloned()
        });
        LinkedData(article)
    }

    fn text(&self, keys: &[&str]) -> Option<String> {
        let object = self.0.as_ref()?;
        keys.iter().find_map(|k| match object.get(*k)? {
            Value::String(s) => Some(clean_inline(s)).filter(|s| !s.is_empty()),
            _ => None,
        })
    }

    /// A name, an object with a name, or a list of either (authors, publishers).
    fn names(&self, key: &str) -> Option<String> {
        let value = self.0.as_ref()?.get(key)?;
        let items: Vec<&Value> = match value {
            Value::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        let names: Vec<String> = items
            .into_iter()
            .filter_map(|v| match v {
                Value::String(s) => Some(clean_inline(s)),
                Value::Object(o) => o.get("name")?.as_str().map(clean_inline),
                _ => None,
            })
            .filter(|s| !s.is_empty())
            .collect();
        (!names.is_empty()).then(|| names.join("، "))
    }

    fn list(&self, key: &str) -> Vec<String> {
        match self.0.as_ref().and_then(|o| o.get(key)) {
            Some(Value::String(s)) => split_list(s),
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .map(clean_inline)
                .filter(|s| !s.is_empty())
                .collect(),
            _ => Vec::new(),
        }
    }

    fn url(&self) -> Option<String> {
        let object = self.0.as_ref()?;
        match object
            .get("url")
            .or_else(|| object.get("mainEntityOfPage"))?
        {
            Value::String(s) => Some(s.trim().to_owned()),
            Value::Object(o) => o.get("@id")?.as_str().map(|s| s.trim().to_owned()),
            _ => None,
        }
        .filter(|s| !s.is_empty())
    }
}

/// An object whose `@type` is an article type, in a JSON-LD value (lists and `@graph`s
/// searched, a few levels deep).
fn find_article(value: &Value, depth: usize) -> Option<&serde_json::Map<String, Value>> {
    if depth > 4 {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        Value::Object(object) => {
            let is_article = |t: &Value| {
                t.as_str()
                    .is_some_and(|t| t.ends_with("Article") || t == "BlogPosting" || t == "Report")
            };
            let typed = match object.get("@type") {
                Some(Value::Array(types)) => types.iter().any(is_article),
                Some(t) => is_article(t),
                None => false,
            };
            if typed {
                Some(object)
            } else {
                object
                    .get("@graph")
                    .and_then(|g| find_article(g, depth + 1))
            }
        }
        _ => None,
    }
}

/// The article's paragraphs: the marked body, else the main article, else the page body
/// without its chrome.
fn body_paragraphs(root: ElementRef<'_>) -> Vec<String> {
    let marked: Vec<ElementRef<'_>> = select(root, "[data-fahras-body]").collect();
    let mut out = Vec::new();
    if !marked.is_empty() {
        for element in &marked {
            // A marked element inside another marked element is read with it.
            let nested = element
                .ancestors()
                .any(|a| marked.iter().any(|m| m.id() == a.id()));
            if !nested {
                collect_paragraphs(**element, false, &mut out);
            }
        }
        return out;
    }
    let text_len = |e: &ElementRef<'_>| e.text().map(|t| t.trim().chars().count()).sum::<usize>();
    let main = select(root, "article")
        .max_by_key(text_len)
        .or_else(|| select(root, "main").next())
        .or_else(|| select(root, "[role=main]").next())
        .or_else(|| select(root, "body").next())
        .unwrap_or(root);
    collect_paragraphs(*main, true, &mut out);
    out
}

/// Elements never read: code, media, form controls, hidden and ignored elements.
fn never_read(element: &scraper::node::Element) -> bool {
    matches!(
        element.name(),
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "svg"
            | "math"
            | "canvas"
            | "iframe"
            | "object"
            | "embed"
            | "video"
            | "audio"
            | "select"
            | "textarea"
            | "button"
            | "input"
    ) || element.attr("data-fahras-ignore").is_some()
        || element.attr("hidden").is_some()
        || element.attr("aria-hidden") == Some("true")
}

/// Page chrome: left out when the body is found by heuristics rather than marked.
fn is_chrome(element: &scraper::node::Element) -> bool {
    let comment_like = |s: &str| {
        let s = s.to_ascii_lowercase();
        (s.starts_with("comment") && !s.starts_with("commentary")) || s == "disqus_thread"
    };
    matches!(
        element.name(),
        "nav" | "header" | "footer" | "aside" | "form" | "dialog" | "menu"
    ) || matches!(
        element.attr("role"),
        Some("navigation" | "banner" | "contentinfo" | "complementary" | "search")
    ) || element.id().is_some_and(comment_like)
        || element.classes().any(comment_like)
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
            | "ul"
            | "body"
            | "html"
    )
}

/// Appends the paragraphs under `root` to `out`, walking the tree without recursion.
fn collect_paragraphs(root: NodeRef<'_, Node>, skip_chrome: bool, out: &mut Vec<String>) {
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<String>| {
        let paragraph = current.trim();
        if !paragraph.is_empty() {
            out.push(paragraph.to_owned());
        }
        current.clear();
    };
    // The node whose subtree is being skipped, if any.
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => {
                        for c in text.chars() {
                            // HTML white space; a no-break space is kept as written.
                            if c.is_ascii_whitespace() {
                                if !current.is_empty() && !current.ends_with(' ') {
                                    current.push(' ');
                                }
                            } else {
                                current.push(c);
                            }
                        }
                    }
                    Node::Element(element) if node.id() != root.id() => {
                        if never_read(element) || (skip_chrome && is_chrome(element)) {
                            skipping = Some(node.id());
                        } else if element.name() == "br" || is_block(element.name()) {
                            flush(&mut current, out);
                        } else if matches!(element.name(), "td" | "th") && !current.ends_with(' ') {
                            current.push(' ');
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                } else if skipping.is_none() {
                    if let Node::Element(element) = node.value() {
                        if is_block(element.name()) {
                            flush(&mut current, out);
                        }
                    }
                }
            }
        }
    }
    flush(&mut current, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_fragments_into_paragraphs() {
        assert_eq!(
            fragment_paragraphs("<p>أ <b>ب</b>ج</p><div>د<br>هـ</div><script>x()</script>و"),
            vec!["أ بج", "د", "هـ", "و"]
        );
        assert_eq!(fragment_paragraphs("AT&T &amp; &#1601;"), vec!["AT&T & ف"]);
    }

    #[test]
    fn detects_markup() {
        assert!(looks_like_html("<p>x</p>"));
        assert!(looks_like_html("a<br/>b"));
        assert!(!looks_like_html("a < b and c > d"));
        assert!(!looks_like_html("٣ < ٤"));
    }

    #[test]
    fn survives_deep_nesting() {
        // html5ever itself is quadratic in the nesting depth; the walk here is not recursive.
        let html = "<div>".repeat(3_000) + "عميق" + &"</div>".repeat(3_000);
        assert_eq!(fragment_paragraphs(&html), vec!["عميق"]);
    }
}
