//! Plain text for the clipboard: readable in an email or a chat message.

use super::{text_lines, Block, Document};

fn underline(text: &str, mark: char) -> String {
    mark.to_string().repeat(text.chars().count().max(1))
}

fn one_line(text: &str) -> String {
    text_lines(text)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn lines(text: &str) -> String {
    text_lines(text)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn pad(text: &str, width: usize) -> String {
    let missing = width.saturating_sub(text.chars().count());
    format!("{text}{}", " ".repeat(missing))
}

fn table(header: &[String], rows: &[Vec<String>]) -> String {
    let columns = rows
        .iter()
        .map(Vec::len)
        .chain([header.len()])
        .max()
        .unwrap_or(0);
    let cell = |row: &[String], i: usize| row.get(i).map(|c| one_line(c)).unwrap_or_default();
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            rows.iter()
                .map(|r| cell(r, i).chars().count())
                .chain([cell(header, i).chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |row: &[String]| {
        let cells: Vec<String> = (0..columns)
            .map(|i| pad(&cell(row, i), widths.get(i).copied().unwrap_or(0)))
            .collect();
        cells.join(" | ").trim_end().to_string()
    };
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    let mut out = vec![line(header), rule.join("-+-")];
    out.extend(rows.iter().map(|row| line(row)));
    out.join("\n")
}

/// The document as plain text, ending with one newline.
pub fn render_plain_text(document: &Document) -> String {
    let title = one_line(&document.title);
    let mut head = vec![title.clone(), underline(&title, '=')];
    if let Some(subtitle) = document
        .subtitle
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        head.push(one_line(subtitle));
    }
    head.extend(document.meta.iter().map(|m| one_line(m)));
    let mut parts = vec![head.join("\n")];
    let mut clause_number = 0;
    for block in &document.blocks {
        let rendered = match block {
            Block::Heading { level, text } => {
                let text = one_line(text);
                if *level <= 2 {
                    format!("{text}\n{}", underline(&text, '-'))
                } else {
                    text
                }
            }
            Block::Paragraph { text } => lines(text),
            Block::Bullets { items } => items
                .iter()
                .map(|i| format!("- {}", one_line(i)))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Numbered { items } => items
                .iter()
                .enumerate()
                .map(|(n, i)| format!("{}. {}", n + 1, one_line(i)))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Table { header, rows } if header.is_empty() && rows.is_empty() => String::new(),
            Block::Table { header, rows } => table(header, rows),
            Block::Note { title, text } => {
                let label = title
                    .as_deref()
                    .filter(|t| !t.trim().is_empty())
                    .map(one_line)
                    .unwrap_or_else(|| "Note".into());
                format!("{label}: {}", lines(text))
            }
            Block::Clauses { clauses } => clauses
                .iter()
                .map(|clause| {
                    clause_number += 1;
                    let mut out = vec![format!("{clause_number}. {}", one_line(&clause.title))];
                    out.extend(
                        clause
                            .body
                            .iter()
                            .map(|p| lines(p))
                            .filter(|p| !p.is_empty())
                            .map(|p| indent(&p)),
                    );
                    out.extend(clause.items.iter().map(|i| format!("   - {}", one_line(i))));
                    out.extend(
                        clause
                            .closing
                            .iter()
                            .map(|p| lines(p))
                            .filter(|p| !p.is_empty())
                            .map(|p| indent(&p)),
                    );
                    if let Some(note) = clause.side_note.as_deref().filter(|n| !n.trim().is_empty())
                    {
                        out.push(format!("   In plain words: {}", one_line(note)));
                    }
                    if !clause.source.trim().is_empty() {
                        out.push(format!("   Source: {}", one_line(&clause.source)));
                    }
                    out.join("\n")
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

fn indent(text: &str) -> String {
    text.split('\n')
        .map(|l| format!("   {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
