//! The method page: `docs/method.md`, which the build ships beside the page (the app fetches it
//! when the section opens), read into simple blocks (the subset of Markdown it uses: headings,
//! paragraphs, lists, tables, `code`, **bold**, *italic*).
//! A test checks the page's weight table against the presets, so the two cannot drift apart.

/// The method as written in the repository (the app fetches the same file; tests read it here).
pub const METHOD_MARKDOWN: &str = include_str!("../../../docs/method.md");

/// A run of text with its style.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Code(String),
    Bold(String),
    Italic(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(u8, String),
    Paragraph(Vec<Inline>),
    List(Vec<Vec<Inline>>),
    /// The first row is the header.
    Table(Vec<Vec<Vec<Inline>>>),
}

/// Splits text into styled runs; an unclosed marker is kept as text.
pub fn inline(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut plain = String::new();
    while let Some(c) = rest.chars().next() {
        let marker = if rest.starts_with("**") {
            "**"
        } else if c == '`' {
            "`"
        } else if c == '*' {
            "*"
        } else {
            ""
        };
        let closed = (!marker.is_empty())
            .then(|| rest.get(marker.len()..))
            .flatten()
            .and_then(|after| {
                after
                    .find(marker)
                    .map(|end| (after.get(..end), after.get(end + marker.len()..)))
            });
        match closed {
            Some((Some(inner), Some(after))) if !inner.is_empty() => {
                if !plain.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut plain)));
                }
                out.push(match marker {
                    "**" => Inline::Bold(inner.to_string()),
                    "`" => Inline::Code(inner.to_string()),
                    _ => Inline::Italic(inner.to_string()),
                });
                rest = after;
            }
            _ => {
                plain.push(c);
                rest = rest.get(c.len_utf8()..).unwrap_or("");
            }
        }
    }
    if !plain.is_empty() {
        out.push(Inline::Text(plain));
    }
    out
}

fn table_cells(line: &str) -> Vec<String> {
    line.trim()
        .trim_matches('|')
        .split('|')
        .map(|c| c.trim().to_string())
        .collect()
}

/// Reads the Markdown subset into blocks.
pub fn parse_method(text: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut paragraph: Vec<String> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    fn flush(
        blocks: &mut Vec<Block>,
        paragraph: &mut Vec<String>,
        items: &mut Vec<String>,
        rows: &mut Vec<Vec<String>>,
    ) {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(inline(&paragraph.join(" "))));
            paragraph.clear();
        }
        if !items.is_empty() {
            blocks.push(Block::List(items.iter().map(|i| inline(i)).collect()));
            items.clear();
        }
        if !rows.is_empty() {
            blocks.push(Block::Table(
                rows.iter()
                    .map(|r| r.iter().map(|c| inline(c)).collect())
                    .collect(),
            ));
            rows.clear();
        }
    }
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut blocks, &mut paragraph, &mut items, &mut rows);
        } else if let Some(heading) = trimmed.strip_prefix('#') {
            flush(&mut blocks, &mut paragraph, &mut items, &mut rows);
            let level = 1 + heading.chars().take_while(|c| *c == '#').count() as u8;
            blocks.push(Block::Heading(
                level,
                heading.trim_start_matches('#').trim().to_string(),
            ));
        } else if trimmed.starts_with('|') {
            if !trimmed.chars().all(|c| matches!(c, '|' | '-' | ' ' | ':')) {
                rows.push(table_cells(trimmed));
            }
        } else if let Some(item) = trimmed.strip_prefix("- ") {
            if !paragraph.is_empty() {
                flush(&mut blocks, &mut paragraph, &mut items, &mut rows);
            }
            items.push(item.to_string());
        } else if let Some(last) = items.last_mut().filter(|_| line.starts_with(' ')) {
            last.push(' ');
            last.push_str(trimmed);
        } else {
            if !items.is_empty() {
                flush(&mut blocks, &mut paragraph, &mut items, &mut rows);
            }
            paragraph.push(trimmed.to_string());
        }
    }
    flush(&mut blocks, &mut paragraph, &mut items, &mut rows);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ComponentKind, Objective, Weights};

    #[test]
    fn inline_styles_hand_checked() {
        assert_eq!(
            inline("a **b** `c` *d* 2 * 3"),
            vec![
                Inline::Text("a ".into()),
                Inline::Bold("b".into()),
                Inline::Text(" ".into()),
                Inline::Code("c".into()),
                Inline::Text(" ".into()),
                Inline::Italic("d".into()),
                Inline::Text(" 2 * 3".into()),
            ]
        );
    }

    #[test]
    fn blocks_of_a_small_page() {
        let blocks = parse_method(
            "# T\n\nOne\ntwo.\n\n- a\n  b\n- c\n\n| x | y |\n| --- | --- |\n| 1 | 2 |\n",
        );
        assert_eq!(blocks.len(), 4);
        assert_eq!(blocks[0], Block::Heading(1, "T".into()));
        assert_eq!(
            blocks[1],
            Block::Paragraph(vec![Inline::Text("One two.".into())])
        );
        assert_eq!(blocks[2], Block::List(vec![inline("a b"), inline("c")]));
        let Block::Table(rows) = &blocks[3] else {
            panic!("{:?}", blocks[3])
        };
        assert_eq!(rows.len(), 2);
    }

    #[test]
    fn the_method_page_states_the_shipped_weight_presets() {
        let blocks = parse_method(METHOD_MARKDOWN);
        let table = blocks
            .iter()
            .find_map(|b| match b {
                Block::Table(rows)
                    if rows
                        .first()
                        .is_some_and(|h| h.first() == Some(&inline("objective"))) =>
                {
                    Some(rows)
                }
                _ => None,
            })
            .expect("a weight table");
        assert_eq!(table.len(), 1 + Objective::ALL.len());
        for (row, objective) in table.iter().skip(1).zip(Objective::ALL) {
            let preset = Weights::preset(objective);
            let cells: Vec<String> = row
                .iter()
                .map(|c| match c.first() {
                    Some(Inline::Text(t)) => t.clone(),
                    _ => String::new(),
                })
                .collect();
            assert_eq!(cells[0], objective.as_str());
            let numbers: Vec<f64> = cells.iter().skip(1).map(|c| c.parse().unwrap()).collect();
            let expected: Vec<f64> = ComponentKind::ALL.iter().map(|k| preset.get(*k)).collect();
            assert_eq!(numbers, expected, "{objective:?}");
        }
    }
}
