//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each `<item>` / `<entry>` is a record.
//!
//! | field | RSS | Atom |
//! |---|---|---|
//! | id | `guid`, else `link` | `id`, else the alternate `link` |
//! | title | `title` | `title` |
//! | body | `content:encoded`, else `description` (HTML → paragraphs) | `content`, else `summary` (`text`, `html` or `xhtml`) |
//! | published | `pubDate` (RFC 2822), `dc:date` | `published`, else `updated` |
//! | author | `dc:creator`, `author` (`mail@x.y (Name)` → Name) | `author/name` |
//! | source | the item's `source`, else `[input] source`, else the channel's `title` | the same with `source/title` and the feed's `title` |
//! | url | `link` | `link rel="alternate"` (or without `rel`) |
//! | tags | `category`, `dc:subject` | `category` (`label`, else `term`) |
//! | section | the first `category` when `[fields] section` names `category` (the tags are then the others) | the same |
//!
//! Dates keep the offset they are written with. Elements of other namespaces (`media:`,
//! `itunes:`…) are ignored. Only local files are read: nothing is fetched.

use super::date::normalize_date;
use super::html::fragment_paragraphs;
use super::record::{clean_inline, collapse_spaces, Outcome};
use super::{Location, Options, Parsed};
use crate::document::Document;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::NsReader;
use std::fmt;

/// Why a file could not be read as a feed at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedError {
    /// The XML is well formed but is not RSS or Atom; holds the root element's name.
    NotAFeed(String),
    /// The XML is not well formed.
    Malformed {
        /// The line of the problem.
        line: usize,
        /// What is wrong.
        problem: String,
    },
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedError::NotAFeed(root) => write!(
                f,
                "not an RSS or Atom feed (the root element is <{root}>, expected <rss>, <rdf:RDF> or <feed>)"
            ),
            FeedError::Malformed { line, problem } => {
                write!(f, "malformed XML at line {line}: {problem}")
            }
        }
    }
}

/// The elements that matter, whatever their prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum El {
    Channel,
    Item,
    Title,
    Link,
    Id,
    PubDate,
    Published,
    Updated,
    DcDate,
    Description,
    Summary,
    Content,
    Encoded,
    Author,
    Creator,
    Name,
    Category,
    Subject,
    Source,
    Other,
}

const ATOM: &[u8] = b"http://www.w3.org/2005/Atom";
const RSS1: &[u8] = b"http://purl.org/rss/1.0/";
const RSS090: &[u8] = b"http://my.netscape.com/rdf/simple/0.9/";
const CONTENT: &[u8] = b"http://purl.org/rss/1.0/modules/content/";
const DC: &[u8] = b"http://purl.org/dc/elements/1.1/";

fn classify(ns: &ResolveResult<'_>, local: &[u8]) -> El {
    enum Kind {
        Core,
        Content,
        Dc,
        Foreign,
    }
    let kind = match ns {
        ResolveResult::Unbound => Kind::Core,
        ResolveResult::Bound(Namespace(uri)) => match *uri {
            ATOM | RSS1 | RSS090 => Kind::Core,
            CONTENT => Kind::Content,
            DC => Kind::Dc,
            _ => Kind::Foreign,
        },
        // Prefixes used without being declared: the usual ones are recognized anyway.
        ResolveResult::Unknown(prefix) => match prefix.as_slice() {
            b"content" => Kind::Content,
            b"dc" => Kind::Dc,
            _ => Kind::Foreign,
        },
    };
    match (kind, local) {
        (Kind::Core, b"channel") => El::Channel,
        (Kind::Core, b"item" | b"entry") => El::Item,
        (Kind::Core, b"title") => El::Title,
        (Kind::Core, b"link") => El::Link,
        (Kind::Core, b"guid" | b"id") => El::Id,
        (Kind::Core, b"pubDate" | b"pubdate") => El::PubDate,
        (Kind::Core, b"published" | b"issued") => El::Published,
        (Kind::Core, b"updated" | b"modified") => El::Updated,
        (Kind::Core, b"description") => El::Description,
        (Kind::Core, b"summary") => El::Summary,
        (Kind::Core, b"content") => El::Content,
        (Kind::Core, b"author") => El::Author,
        (Kind::Core, b"name") => El::Name,
        (Kind::Core, b"category") => El::Category,
        (Kind::Core, b"source") => El::Source,
        (Kind::Content, b"encoded") => El::Encoded,
        (Kind::Dc, b"creator") => El::Creator,
        (Kind::Dc, b"date") => El::DcDate,
        (Kind::Dc, b"subject") => El::Subject,
        _ => El::Other,
    }
}

/// How an element's text is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextKind {
    Text,
    Html,
    Xhtml,
}

/// An open element: what it is, its text so far, and the attributes that matter.
#[derive(Debug)]
struct Open {
    el: El,
    text: String,
    kind: TextKind,
    rel: Option<String>,
    href: Option<String>,
    label: Option<String>,
}

/// What an item says, gathered as it is read.
#[derive(Debug, Default)]
struct Item {
    number: usize,
    line: usize,
    id: Option<String>,
    title: Option<(String, TextKind)>,
    link: Option<String>,
    published: Option<String>,
    updated: Option<String>,
    summary: Option<(String, TextKind)>,
    content: Option<(String, TextKind)>,
    authors: Vec<String>,
    categories: Vec<String>,
    source: Option<String>,
}

/// Reads a feed's items. `name` (the file's path under its input folder) is the base of
/// derived ids (`name#3`). Fails only when the file is not well-formed XML or not a feed;
/// a bad item (no title, an unparseable date) is a [`Parsed`] error at its
/// [`Location::Item`].
pub fn parse_feed(xml: &str, name: &str, options: &Options) -> Result<Vec<Parsed>, FeedError> {
    let mut reader = NsReader::from_str(xml);
    let line_at = |offset: u64| {
        let offset = (offset as usize).min(xml.len());
        xml.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    };
    let mut root: Option<String> = None;
    let mut stack: Vec<Open> = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let mut current: Option<Item> = None;
    let mut feed_title: Option<String> = None;
    loop {
        let position = reader.buffer_position();
        let event = reader.read_resolved_event();
        let (ns, event) = match event {
            Ok(pair) => pair,
            Err(e) => {
                return Err(FeedError::Malformed {
                    line: line_at(reader.error_position()),
                    problem: e.to_string(),
                })
            }
        };
        match event {
            Event::Start(start) | Event::Empty(start) if root.is_none() => {
                let local = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
                let is_feed = matches!(local.as_str(), "rss" | "RDF" | "feed");
                if !is_feed {
                    return Err(FeedError::NotAFeed(
                        String::from_utf8_lossy(start.name().as_ref()).into_owned(),
                    ));
                }
                root = Some(local);
            }
            Event::Start(start) => {
                let el = classify(&ns, start.local_name().as_ref());
                let open = open_element(el, &start);
                if el == El::Item {
                    current = Some(Item {
                        number: items.len() + 1,
                        line: line_at(position),
                        ..Default::default()
                    });
                }
                if open.kind == TextKind::Xhtml {
                    // The element's content is markup: take it raw, up to its end tag.
                    let raw = reader
                        .read_text(start.name())
                        .map_err(|e| FeedError::Malformed {
                            line: line_at(reader.error_position()),
                            problem: e.to_string(),
                        })?;
                    let mut open = open;
                    open.text = raw.into_owned();
                    close_element(open, &stack, current.as_mut(), &mut feed_title);
                } else {
                    stack.push(open);
                }
            }
            Event::Empty(start) => {
                let el = classify(&ns, start.local_name().as_ref());
                let open = open_element(el, &start);
                close_element(open, &stack, current.as_mut(), &mut feed_title);
            }
            Event::End(_) => {
                let Some(open) = stack.pop() else { continue };
                let el = open.el;
                close_element(open, &stack, current.as_mut(), &mut feed_title);
                if el == El::Item {
                    items.extend(current.take());
                }
            }
            Event::Text(text) => {
                if let Some(open) = stack.last_mut() {
                    open.text.push_str(&text.decode().unwrap_or_default());
                }
            }
            Event::CData(data) => {
                if let Some(open) = stack.last_mut() {
                    open.text.push_str(&data.decode().unwrap_or_default());
                }
            }
            Event::GeneralRef(reference) => {
                if let Some(open) = stack.last_mut() {
                    push_reference(&mut open.text, &reference);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if root.is_none() {
        return Err(FeedError::Malformed {
            line: 1,
            problem: "the file has no root element".into(),
        });
    }
    let source = options.source.clone().or(feed_title);
    // A site that names `category` among its `[fields] section` keys (not the default list)
    // means its feed's first category is the section.
    let section_keys = options.fields.keys(super::Field::Section);
    let category_is_section = section_keys != super::Field::Section.default_keys()
        && section_keys.iter().any(|k| k == "category");
    Ok(items
        .into_iter()
        .map(|item| Parsed {
            location: Location::Item {
                number: item.number,
                line: item.line,
            },
            outcome: to_outcome(item, name, source.as_deref(), category_is_section),
        })
        .collect())
}

fn open_element(el: El, start: &BytesStart<'_>) -> Open {
    let attribute = |name: &[u8]| -> Option<String> {
        start
            .attributes()
            .flatten()
            .find(|a| a.key.local_name().as_ref() == name)
            .and_then(|a| a.unescape_value().ok().map(|v| v.trim().to_owned()))
            .filter(|v| !v.is_empty())
    };
    let in_atom_text = matches!(el, El::Title | El::Summary | El::Content);
    let kind = match attribute(b"type").as_deref() {
        Some("xhtml") if in_atom_text => TextKind::Xhtml,
        Some("html" | "text/html") => TextKind::Html,
        Some("text" | "text/plain") => TextKind::Text,
        // RSS descriptions and content:encoded are HTML; so is Atom content of other types.
        _ if matches!(el, El::Description | El::Encoded | El::Content) => TextKind::Html,
        _ => TextKind::Text,
    };
    Open {
        el,
        text: String::new(),
        kind,
        rel: attribute(b"rel"),
        href: attribute(b"href"),
        label: attribute(b"label").or_else(|| attribute(b"term")),
    }
}

/// Files a closed element's text into the item (or the feed's title).
fn close_element(
    open: Open,
    stack: &[Open],
    item: Option<&mut Item>,
    feed_title: &mut Option<String>,
) {
    let parent = stack.last().map(|o| o.el);
    let text = open.text.trim().to_owned();
    let Some(item) = item else {
        // Outside items only the feed's own title matters: <channel><title> or <feed><title>.
        if open.el == El::Title
            && (parent == Some(El::Channel) || parent.is_none())
            && feed_title.is_none()
        {
            let title = clean_inline(&text);
            if !title.is_empty() {
                *feed_title = Some(title);
            }
        }
        return;
    };
    // Only the item's own children (and Atom's author/name, source/title) count.
    let in_item = parent == Some(El::Item);
    let set = |slot: &mut Option<String>, value: String| {
        if slot.is_none() && !value.is_empty() {
            *slot = Some(value);
        }
    };
    match (open.el, parent) {
        (El::Title, Some(El::Item)) if item.title.is_none() && !text.is_empty() => {
            item.title = Some((text, open.kind));
        }
        (El::Title, Some(El::Source)) => set(&mut item.source, clean_inline(&text)),
        (El::Name, Some(El::Author)) => {
            let name = clean_inline(&text);
            if !name.is_empty() {
                item.authors.push(name);
            }
        }
        _ if !in_item => {}
        (El::Link, _) => {
            let alternate = open.rel.as_deref().is_none_or(|r| r == "alternate");
            match open.href {
                Some(href) if alternate => set(&mut item.link, href),
                Some(_) => {}
                None => set(&mut item.link, text),
            }
        }
        (El::Id, _) => set(&mut item.id, text),
        (El::PubDate | El::Published | El::DcDate, _) => set(&mut item.published, text),
        (El::Updated, _) => set(&mut item.updated, text),
        (El::Description | El::Summary, _) if item.summary.is_none() && !text.is_empty() => {
            item.summary = Some((text, open.kind));
        }
        (El::Content | El::Encoded, _) if item.content.is_none() && !text.is_empty() => {
            item.content = Some((text, open.kind));
        }
        (El::Author, _) => {
            // RSS: "mail@example.com (Name)" or a name; Atom's <author> has <name> children.
            let author = match (text.find('('), text.rfind(')')) {
                (Some(open), Some(close)) if open < close && text.contains('@') => {
                    text[open + 1..close].trim().to_owned()
                }
                _ => text,
            };
            let author = clean_inline(&author);
            if !author.is_empty() && !author.contains('@') {
                item.authors.push(author);
            }
        }
        (El::Creator, _) => {
            let author = clean_inline(&text);
            if !author.is_empty() {
                item.authors.push(author);
            }
        }
        (El::Category | El::Subject, _) => {
            let category = open
                .label
                .filter(|_| open.el == El::Category && text.is_empty())
                .unwrap_or(text);
            let category = clean_inline(&category);
            if !category.is_empty() && !item.categories.contains(&category) {
                item.categories.push(category);
            }
        }
        (El::Source, _) => set(&mut item.source, clean_inline(&text)),
        _ => {}
    }
}

/// Appends a `&…;` reference: XML's five, character references, and HTML's named entities
/// (`&nbsp;`, common in feeds though not XML); an unknown one is kept as written.
fn push_reference(text: &mut String, reference: &BytesRef<'_>) {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        text.push(c);
        return;
    }
    let name = reference.decode().unwrap_or_default();
    match quick_xml::escape::resolve_predefined_entity(&name)
        .or_else(|| quick_xml::escape::resolve_html5_entity(&name))
    {
        Some(value) => text.push_str(value),
        None => {
            text.push('&');
            text.push_str(&name);
            text.push(';');
        }
    }
}

fn paragraphs((text, kind): &(String, TextKind)) -> Vec<String> {
    match kind {
        TextKind::Html | TextKind::Xhtml => fragment_paragraphs(text),
        TextKind::Text => text
            .lines()
            .map(collapse_spaces)
            .filter(|p| !p.is_empty())
            .collect(),
    }
}

fn to_outcome(
    item: Item,
    name: &str,
    source: Option<&str>,
    category_is_section: bool,
) -> Result<Outcome, String> {
    let title = match &item.title {
        Some((text, TextKind::Text)) => collapse_spaces(text),
        Some(html) => paragraphs(html).join(" "),
        None => String::new(),
    };
    if title.is_empty() {
        return Err("missing title: the item has no <title>".into());
    }
    let date = item.published.as_ref().or(item.updated.as_ref());
    let published = match date {
        Some(d) => Some(normalize_date(d)?),
        None => None,
    };
    let body = item
        .content
        .as_ref()
        .or(item.summary.as_ref())
        .map(paragraphs)
        .unwrap_or_default();
    let url = item.link.clone();
    let arabic = item
        .authors
        .iter()
        .any(|a| a.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)));
    Ok(Outcome::Document(Box::new(Document {
        id: item
            .id
            .clone()
            .or_else(|| url.clone())
            .unwrap_or_else(|| format!("{name}#{}", item.number)),
        title,
        subtitle: None,
        published,
        author: (!item.authors.is_empty())
            .then(|| item.authors.join(if arabic { "، " } else { ", " })),
        source: item.source.clone().or_else(|| source.map(str::to_owned)),
        url,
        section: category_is_section
            .then(|| item.categories.first().cloned())
            .flatten(),
        tags: match category_is_section {
            true => item.categories.into_iter().skip(1).collect(),
            false => item.categories,
        },
        body,
    })))
}
