//! HTML: a fragment for showing a document inside the app and a complete standalone page
//! (with its own small style sheet and print rules) for download. All text is escaped.

use super::{heading_level, text_lines, Block, Clause, Document};

/// The style sheet embedded in downloaded pages; the app has the same rules in its CSS.
pub const DOCUMENT_STYLE: &str = "\
body{font:16px/1.55 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d232b;background:#fff;margin:0}
.doc{max-width:48rem;margin:0 auto;padding:2rem 1.25rem}
.doc h1{font-size:1.8rem;margin:0 0 .25rem}
.doc-subtitle{font-size:1.1rem;color:#4a5563;margin:0 0 .5rem}
.doc-meta{list-style:none;padding:0;margin:0 0 1.5rem;color:#4a5563}
.doc table{border-collapse:collapse;width:100%;margin:1rem 0}
.doc th,.doc td{border:1px solid #c9d0d8;padding:.35rem .6rem;text-align:left;vertical-align:top}
.doc th{background:#eef1f4}
.doc-note{border-left:4px solid #b7791f;background:#fdf6e7;padding:.5rem 1rem;margin:1rem 0}
.doc-clauses{list-style:none;padding:0}
.doc-clause{margin:1.25rem 0}
.doc-clause h3{margin:0 0 .35rem;font-size:1.05rem}
.doc-side-note{background:#eef4fb;border-radius:6px;padding:.4rem .8rem;font-size:.92rem;margin:.5rem 0}
.doc-side-note-label{font-weight:600;margin:0}
.doc-source{font-size:.85rem;color:#4a5563}
@media print{
body{font-size:11pt;color:#000}
.doc{max-width:none;padding:0}
.doc h2,.doc h3{break-after:avoid;page-break-after:avoid}
.doc-clause,.doc table,.doc-note{break-inside:avoid;page-break-inside:avoid}
.doc-side-note{background:none;border:1px solid #999}
.doc-source summary{list-style:none}
a{color:#000}
}
";

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Lines of a text joined with `<br>`.
fn multiline(text: &str) -> String {
    let lines: Vec<String> = text_lines(text)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(escape_html)
        .collect();
    lines.join("<br>")
}

fn list(tag: &str, class: Option<&str>, items: &[String]) -> String {
    let class = class.map(|c| format!(" class=\"{c}\"")).unwrap_or_default();
    let items: String = items
        .iter()
        .map(|item| format!("<li>{}</li>", multiline(item)))
        .collect();
    format!("<{tag}{class}>{items}</{tag}>")
}

fn table(header: &[String], rows: &[Vec<String>]) -> String {
    let width = rows
        .iter()
        .map(Vec::len)
        .chain([header.len()])
        .max()
        .unwrap_or(0);
    let cells = |row: &[String], tag: &str, scope: &str| -> String {
        (0..width)
            .map(|i| {
                format!(
                    "<{tag}{scope}>{}</{tag}>",
                    row.get(i).map(|c| multiline(c)).unwrap_or_default()
                )
            })
            .collect()
    };
    let head = format!(
        "<thead><tr>{}</tr></thead>",
        cells(header, "th", " scope=\"col\"")
    );
    let body: String = rows
        .iter()
        .map(|row| format!("<tr>{}</tr>", cells(row, "td", "")))
        .collect();
    format!("<div class=\"doc-table\"><table>{head}<tbody>{body}</tbody></table></div>")
}

fn clause(number: usize, clause: &Clause) -> String {
    let mut parts = vec![
        format!("<li class=\"doc-clause\" id=\"clause-{number}\">"),
        "<div class=\"doc-clause-text\">".to_string(),
        format!(
            "<h3><span class=\"doc-clause-number\">{number}.</span> {}</h3>",
            escape_html(&clause.title)
        ),
    ];
    parts.extend(
        clause
            .body
            .iter()
            .filter(|p| !p.trim().is_empty())
            .map(|p| format!("<p>{}</p>", multiline(p))),
    );
    if !clause.items.is_empty() {
        parts.push(list("ul", None, &clause.items));
    }
    parts.extend(
        clause
            .closing
            .iter()
            .filter(|p| !p.trim().is_empty())
            .map(|p| format!("<p>{}</p>", multiline(p))),
    );
    if !clause.source.trim().is_empty() {
        parts.push(format!(
            "<details class=\"doc-source\"><summary>Why this clause?</summary><p>Source: {}</p></details>",
            escape_html(&clause.source)
        ));
    }
    parts.push("</div>".into());
    if let Some(note) = clause.side_note.as_deref().filter(|n| !n.trim().is_empty()) {
        parts.push(format!(
            "<aside class=\"doc-side-note\"><p class=\"doc-side-note-label\">In plain words</p><p>{}</p></aside>",
            multiline(note)
        ));
    }
    parts.push("</li>".into());
    parts.join("\n")
}

/// The document as an `<article>` element, for showing inside a page.
pub fn render_html_fragment(document: &Document) -> String {
    let mut parts = vec![
        "<article class=\"doc\">".to_string(),
        "<header class=\"doc-header\">".to_string(),
    ];
    parts.push(format!("<h1>{}</h1>", escape_html(&document.title)));
    if let Some(subtitle) = document
        .subtitle
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        parts.push(format!(
            "<p class=\"doc-subtitle\">{}</p>",
            escape_html(subtitle)
        ));
    }
    if !document.meta.is_empty() {
        parts.push(list("ul", Some("doc-meta"), &document.meta));
    }
    parts.push("</header>".into());
    let mut clause_number = 0;
    for block in &document.blocks {
        let rendered = match block {
            Block::Heading { level, text } => {
                let level = heading_level(*level);
                format!("<h{level}>{}</h{level}>", escape_html(text))
            }
            Block::Paragraph { text } => format!("<p>{}</p>", multiline(text)),
            Block::Bullets { items } if items.is_empty() => String::new(),
            Block::Bullets { items } => list("ul", None, items),
            Block::Numbered { items } if items.is_empty() => String::new(),
            Block::Numbered { items } => list("ol", None, items),
            Block::Table { header, rows } if header.is_empty() && rows.is_empty() => String::new(),
            Block::Table { header, rows } => table(header, rows),
            Block::Note { title, text } => {
                let title = title
                    .as_deref()
                    .filter(|t| !t.trim().is_empty())
                    .map(|t| format!("<p><strong>{}</strong></p>", escape_html(t)))
                    .unwrap_or_default();
                format!(
                    "<aside class=\"doc-note\">{title}<p>{}</p></aside>",
                    multiline(text)
                )
            }
            Block::Clauses { clauses } if clauses.is_empty() => String::new(),
            Block::Clauses { clauses } => {
                let start = clause_number + 1;
                let items: Vec<String> = clauses
                    .iter()
                    .map(|c| {
                        clause_number += 1;
                        clause(clause_number, c)
                    })
                    .collect();
                format!(
                    "<ol class=\"doc-clauses\" start=\"{start}\">\n{}\n</ol>",
                    items.join("\n")
                )
            }
        };
        if !rendered.is_empty() {
            parts.push(rendered);
        }
    }
    parts.push("</article>".into());
    parts.join("\n")
}

/// A complete standalone HTML page with the embedded style sheet, ending with a newline.
pub fn render_html_page(document: &Document) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n{}\n</body>\n</html>\n",
        escape_html(&document.title),
        DOCUMENT_STYLE,
        render_html_fragment(document)
    )
}
