//! Markdown articles with front matter (Hugo, Jekyll, Eleventy, Zola…): the front matter is
//! the record (mapped like a JSON object), the Markdown the body.
//!
//! Front matter is YAML between `---` lines, TOML between `+++` lines, or a JSON object
//! (Hugo). A file without front matter is not taken for an article. Hugo shortcodes and
//! Liquid tags (`{{< … >}}`, `{% … %}`) are removed from the text.

use super::html::fragment_paragraphs;
use super::record::{collapse_spaces, to_document, Fallbacks, FieldMap, Outcome};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde_json::{Map, Number, Value};

/// The front matter of a Markdown file as a record, and the Markdown after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Split<'a> {
    /// The front matter's keys and values (dates as text).
    pub front_matter: Map<String, Value>,
    /// The Markdown text after the front matter.
    pub markdown: &'a str,
}

/// Splits a Markdown file into its front matter and its text. Errors name the line.
pub fn split_front_matter(text: &str) -> Result<Split<'_>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or("").trim_end();
    match first_line {
        "---" => {
            let (block, markdown) = fenced(text, &["---", "..."])?;
            Ok(Split {
                front_matter: parse_yaml(block)?,
                markdown,
            })
        }
        "+++" => {
            let (block, markdown) = fenced(text, &["+++"])?;
            Ok(Split {
                front_matter: parse_toml(block)?,
                markdown,
            })
        }
        _ if first_line.starts_with('{') => {
            let mut values = serde_json::Deserializer::from_str(text).into_iter::<Value>();
            match values.next() {
                Some(Ok(Value::Object(front_matter))) => Ok(Split {
                    front_matter,
                    markdown: &text[values.byte_offset()..],
                }),
                Some(Err(e)) => Err(format!(
                    "the JSON front matter is malformed at line {}, column {}: {}",
                    e.line(),
                    e.column(),
                    serde_message(&e)
                )),
                _ => Err("the JSON front matter is not an object".into()),
            }
        }
        _ if first_line.starts_with("---") || first_line.starts_with("+++") => Err(format!(
            "unknown front-matter format {first_line:?} on line 1: open it with a line holding \
             only --- (YAML) or +++ (TOML)"
        )),
        _ if [";;;", "~~~", "```", "%%%"]
            .iter()
            .any(|f| first_line.starts_with(f)) =>
        {
            Err(format!(
                "unknown front-matter format {first_line:?} on line 1: fahras reads YAML (---), \
             TOML (+++) and JSON ({{) front matter"
            ))
        }
        _ => Err(
            "no front matter: start the file with a --- (YAML) or +++ (TOML) block holding at \
             least a title"
                .into(),
        ),
    }
}

/// The block between the first line and the next line equal to one of `closers`, and the
/// text after that line.
fn fenced<'a>(text: &'a str, closers: &[&str]) -> Result<(&'a str, &'a str), String> {
    let opener = text.lines().next().unwrap_or("").trim_end();
    let start = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut offset = start;
    for line in text[start..].split_inclusive('\n') {
        if closers.contains(&line.trim_end()) {
            return Ok((&text[start..offset], &text[offset + line.len()..]));
        }
        offset += line.len();
    }
    Err(format!(
        "the front matter opened with {opener} on line 1 is never closed: end it with a line \
         holding only {}",
        closers[0]
    ))
}

/// serde_json's message without its " at line L column C" tail (we say where ourselves).
fn serde_message(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message,
    }
}

fn parse_yaml(block: &str) -> Result<Map<String, Value>, String> {
    use yaml_rust2::{Yaml, YamlLoader};
    let documents = YamlLoader::load_from_str(block).map_err(|e| {
        format!(
            "the YAML front matter is malformed at line {}: {}",
            e.marker().line() + 1,
            e.info()
        )
    })?;
    match documents.into_iter().next() {
        None => Ok(Map::new()),
        Some(hash @ Yaml::Hash(_)) => match yaml_to_json(hash, 0) {
            Value::Object(map) => Ok(map),
            _ => Ok(Map::new()),
        },
        Some(_) => Err("the YAML front matter is not a set of key: value lines".into()),
    }
}

/// YAML → JSON, dates and other tagged scalars as text. Nesting beyond 64 levels is cut.
fn yaml_to_json(yaml: yaml_rust2::Yaml, depth: usize) -> Value {
    use yaml_rust2::Yaml;
    if depth > 64 {
        return Value::Null;
    }
    match yaml {
        Yaml::String(s) => Value::String(s),
        Yaml::Integer(i) => Value::Number(i.into()),
        Yaml::Real(r) => r
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map_or(Value::String(r), Value::Number),
        Yaml::Boolean(b) => Value::Bool(b),
        Yaml::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|y| yaml_to_json(y, depth + 1))
                .collect(),
        ),
        Yaml::Hash(hash) => Value::Object(
            hash.into_iter()
                .map(|(k, v)| {
                    let key = match k {
                        Yaml::String(s) | Yaml::Real(s) => s,
                        Yaml::Integer(i) => i.to_string(),
                        Yaml::Boolean(b) => b.to_string(),
                        _ => String::new(),
                    };
                    (key, yaml_to_json(v, depth + 1))
                })
                .collect(),
        ),
        Yaml::Alias(_) | Yaml::Null | Yaml::BadValue => Value::Null,
    }
}

fn parse_toml(block: &str) -> Result<Map<String, Value>, String> {
    let table: toml::Table = toml::from_str(block).map_err(|e| {
        let line = e.span().map_or(0, |s| {
            block.as_bytes()[..s.start.min(block.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
        }) + 2;
        format!(
            "the TOML front matter is malformed at line {line}: {}",
            e.message()
        )
    })?;
    Ok(table
        .into_iter()
        .map(|(k, v)| (k, toml_to_json(v)))
        .collect())
}

/// TOML → JSON, dates as their RFC 3339 text.
pub(crate) fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::Number(i.into()),
        toml::Value::Float(f) => Number::from_f64(f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

/// The text of a Markdown document as paragraphs, and its first block's text when that block
/// is a level-1 heading (a title candidate).
pub fn markdown_paragraphs(markdown: &str) -> (Vec<String>, Option<String>) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_DEFINITION_LIST;
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut html_block = String::new();
    let mut in_html_block = false;
    let mut in_image = 0usize;
    let mut heading_title: Option<String> = None;
    let mut in_first_h1 = false;
    let flush = |current: &mut String, out: &mut Vec<String>| {
        let p = collapse_spaces(&strip_template_tags(current));
        if !p.is_empty() {
            out.push(p);
        }
        current.clear();
    };
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Start(Tag::HtmlBlock) => {
                flush(&mut current, &mut out);
                in_html_block = true;
            }
            Event::End(TagEnd::HtmlBlock) => {
                in_html_block = false;
                out.extend(
                    fragment_paragraphs(&html_block)
                        .iter()
                        .map(|p| collapse_spaces(&strip_template_tags(p)))
                        .filter(|p| !p.is_empty()),
                );
                html_block.clear();
            }
            Event::Html(html) if in_html_block => html_block.push_str(&html),
            Event::Html(html) | Event::InlineHtml(html)
                if html.trim_start().to_ascii_lowercase().starts_with("<br") =>
            {
                current.push(' ');
            }
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if out.is_empty() && current.trim().is_empty() => {
                flush(&mut current, &mut out);
                in_first_h1 = true;
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) if in_first_h1 => {
                in_first_h1 = false;
                let heading = collapse_spaces(&strip_template_tags(&current));
                flush(&mut current, &mut out);
                if !heading.is_empty() {
                    heading_title = Some(heading);
                }
            }
            Event::Start(Tag::TableCell) | Event::End(TagEnd::TableCell) => current.push(' '),
            Event::Start(tag) if is_block(&tag) => flush(&mut current, &mut out),
            Event::End(tag) if is_block_end(tag) => flush(&mut current, &mut out),
            Event::Text(text)
            | Event::Code(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text)
                if in_image == 0 =>
            {
                current.push_str(&text)
            }
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::Rule => flush(&mut current, &mut out),
            _ => {}
        }
    }
    flush(&mut current, &mut out);
    (out, heading_title)
}

fn is_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_)
    )
}

fn is_block_end(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_)
    )
}

/// Removes Hugo shortcodes and Liquid/Nunjucks tags: `{{< … >}}`, `{{% … %}}`, `{{ … }}`,
/// `{% … %}`. An unclosed opener is left as it is.
fn strip_template_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let next = [("{{", "}}"), ("{%", "%}")]
            .iter()
            .filter_map(|(open, close)| rest.find(open).map(|i| (i, *open, *close)))
            .min_by_key(|(i, _, _)| *i);
        let Some((i, open, close)) = next else { break };
        match rest[i + open.len()..].find(close) {
            Some(j) => {
                out.push_str(&rest[..i]);
                out.push(' ');
                rest = &rest[i + open.len() + j + close.len()..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

/// Reads one Markdown article: front matter mapped through `fields`, the Markdown as the
/// body (unless the front matter maps one), the first `# heading` as the title when the front
/// matter has none (and dropped from the body when it repeats the title).
pub fn parse_markdown(
    text: &str,
    fields: &FieldMap,
    fallbacks: &Fallbacks,
) -> Result<Outcome, String> {
    let split = split_front_matter(text)?;
    let (paragraphs, heading) = markdown_paragraphs(split.markdown);
    let fallbacks = Fallbacks {
        body: Some(paragraphs),
        title: heading,
        ..fallbacks.clone()
    };
    let mut outcome = to_document(&split.front_matter, fields, &fallbacks)?;
    if let Outcome::Document(doc) = &mut outcome {
        if doc.body.first() == Some(&doc.title) {
            doc.body.remove(0);
        }
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_yaml_toml_and_json_front_matter() {
        for text in [
            "---\ntitle: عنوان\ndate: 2020-01-02\n---\nنص",
            "+++\ntitle = \"عنوان\"\ndate = 2020-01-02\n+++\nنص",
            "{\"title\": \"عنوان\", \"date\": \"2020-01-02\"}\nنص",
        ] {
            let split = split_front_matter(text).unwrap();
            assert_eq!(split.front_matter["title"], "عنوان", "{text}");
            assert_eq!(split.front_matter["date"], "2020-01-02", "{text}");
            assert_eq!(split.markdown.trim(), "نص", "{text}");
        }
    }

    #[test]
    fn turns_markdown_into_paragraphs() {
        let (paragraphs, heading) = markdown_paragraphs(
            "# العنوان\n\nفقرة **أولى** مع [رابط](https://x.y) و`رمز`.\nتكملة\n\n\
             - بند ١\n- بند ٢\n\n![صورة](a.png)\n\n{{< figure src=\"a.png\" >}}\n\n\
             <div class=\"note\"><p>ملاحظة</p></div>\n\n| أ | ب |\n|---|---|\n| ١ | ٢ |\n",
        );
        assert_eq!(heading.as_deref(), Some("العنوان"));
        assert_eq!(
            paragraphs,
            vec![
                "العنوان",
                "فقرة أولى مع رابط ورمز. تكملة",
                "بند ١",
                "بند ٢",
                "ملاحظة",
                "أ ب",
                "١ ٢"
            ]
        );
    }

    #[test]
    fn names_front_matter_problems() {
        let err = split_front_matter("---\ntitle: [unclosed\n---\n").unwrap_err();
        assert!(err.contains("YAML") && err.contains("line"), "{err}");
        let err = split_front_matter("+++\ntitle = \n+++\n").unwrap_err();
        assert!(err.contains("TOML") && err.contains("line 2"), "{err}");
        let err = split_front_matter("---\ntitle: x\n").unwrap_err();
        assert!(err.contains("never closed"), "{err}");
        let err = split_front_matter(";;;\ntitle: x\n;;;\n").unwrap_err();
        assert!(err.contains("unknown front-matter format"), "{err}");
        let err = split_front_matter("# just markdown\n").unwrap_err();
        assert!(err.contains("no front matter"), "{err}");
    }
}
