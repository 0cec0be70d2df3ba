//! Markdown (CommonMark with GitHub tables). Text is escaped so that `*`, `_`, `#`, `|` and
//! friends in user input stay literal characters.

use super::{heading_level, text_lines, Block, Clause, Document};

/// Escapes one line of text for Markdown: characters that start inline markup anywhere, and
/// characters that start a block (`#`, `-`, `+`, `=`, `1.`) at the start of the line. Web
/// addresses become autolinks (`<https://...>`), whose text Markdown never reinterprets, so a
/// tracking link copied from the file still works.
pub fn escape_markdown(line: &str) -> String {
    let line = line.trim_start();
    let mut out = String::with_capacity(line.len() + 8);
    let chars: Vec<char> = line.chars().collect();
    let mut index = 0;
    while index < chars.len() {
        if let Some(length) = url_length(&chars, index) {
            out.push('<');
            out.extend(&chars[index..index + length]);
            out.push('>');
            index += length;
            continue;
        }
        let c = chars[index];
        let next = chars.get(index + 1).copied();
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            '#' | '-' | '+' | '=' => index == 0,
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
            '.' | ')' => index > 0 && chars.iter().take(index).all(|d| d.is_ascii_digit()),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
        index += 1;
    }
    out
}

/// Length of a web address starting at `start` (after a space or an opening bracket), without
/// trailing sentence punctuation; `None` when none starts there.
fn url_length(chars: &[char], start: usize) -> Option<usize> {
    let after_boundary = start == 0
        || chars
            .get(start - 1)
            .is_some_and(|c| c.is_whitespace() || *c == '(');
    let rest: String = chars.iter().skip(start).take(8).collect();
    if !after_boundary || !(rest.starts_with("https://") || rest.starts_with("http://")) {
        return None;
    }
    let mut end = start;
    while end < chars.len() && !chars[end].is_whitespace() && !matches!(chars[end], '<' | '>' | '"')
    {
        end += 1;
    }
    while end > start && matches!(chars[end - 1], '.' | ',' | ';' | ':' | ')' | '!' | '?') {
        end -= 1;
    }
    let scheme = if rest.starts_with("https://") { 8 } else { 7 };
    (end - start > scheme).then_some(end - start)
}

/// Text for one line of output (a list item, a cell, a heading): line breaks become spaces.
fn inline(text: &str) -> String {
    let joined: Vec<&str> = text_lines(text)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    escape_markdown(&joined.join(" "))
}

/// A paragraph: each line escaped, kept apart with hard line breaks.
fn paragraph(text: &str) -> String {
    let lines: Vec<String> = text_lines(text)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(escape_markdown)
        .collect();
    lines.join("\\\n")
}

fn table(header: &[String], rows: &[Vec<String>]) -> String {
    let width = rows
        .iter()
        .map(Vec::len)
        .chain([header.len()])
        .max()
        .unwrap_or(0);
    let row_line = |cells: &[String]| {
        let cells: Vec<String> = (0..width)
            .map(|i| cells.get(i).map(|c| inline(c)).unwrap_or_default())
            .collect();
        format!("| {} |", cells.join(" | "))
    };
    let mut lines = vec![row_line(header), format!("|{}", " --- |".repeat(width))];
    lines.extend(rows.iter().map(|row| row_line(row)));
    lines.join("\n")
}

fn clause(number: usize, clause: &Clause) -> String {
    let mut parts = vec![format!("### {number}. {}", inline(&clause.title))];
    parts.extend(
        clause
            .body
            .iter()
            .map(|text| paragraph(text))
            .filter(|p| !p.is_empty()),
    );
    if !clause.items.is_empty() {
        parts.push(
            clause
                .items
                .iter()
                .map(|item| format!("- {}", inline(item)))
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
    parts.extend(
        clause
            .closing
            .iter()
            .map(|text| paragraph(text))
            .filter(|p| !p.is_empty()),
    );
    if let Some(note) = clause.side_note.as_deref().filter(|n| !n.trim().is_empty()) {
        parts.push(format!("> **In plain words:** {}", inline(note)));
    }
    if !clause.source.trim().is_empty() {
        parts.push(format!("*Source: {}*", inline(&clause.source)));
    }
    parts.join("\n\n")
}

/// The whole document as Markdown, ending with one newline.
pub fn render_markdown(document: &Document) -> String {
    let mut parts = vec![format!("# {}", inline(&document.title))];
    if let Some(subtitle) = document
        .subtitle
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        parts.push(format!("*{}*", inline(subtitle)));
    }
    if !document.meta.is_empty() {
        parts.push(
            document
                .meta
                .iter()
                .map(|line| inline(line))
                .collect::<Vec<_>>()
                .join("\\\n"),
        );
    }
    let mut clause_number = 0;
    for block in &document.blocks {
        let rendered = match block {
            Block::Heading { level, text } => {
                let hashes = "#".repeat(usize::from(heading_level(*level)));
                format!("{hashes} {}", inline(text).replace('#', "\\#"))
            }
            Block::Paragraph { text } => paragraph(text),
            Block::Bullets { items } => items
                .iter()
                .map(|item| format!("- {}", inline(item)))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Numbered { items } => items
                .iter()
                .enumerate()
                .map(|(i, item)| format!("{}. {}", i + 1, inline(item)))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Table { header, rows } if header.is_empty() && rows.is_empty() => String::new(),
            Block::Table { header, rows } => table(header, rows),
            Block::Note { title, text } => {
                let mut lines: Vec<String> = Vec::new();
                if let Some(title) = title.as_deref().filter(|t| !t.trim().is_empty()) {
                    lines.push(format!("> **{}**", inline(title)));
                    lines.push(">".into());
                }
                lines.extend(
                    text_lines(text)
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(|l| format!("> {}", escape_markdown(l))),
                );
                lines.join("\n")
            }
            Block::Clauses { clauses } => clauses
                .iter()
                .map(|c| {
                    clause_number += 1;
                    clause(clause_number, c)
                })
                .collect::<Vec<_>>()
                .join("\n\n"),
        };
        if !rendered.is_empty() {
            parts.push(rendered);
        }
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}
