//! A small document model that briefs and contracts build, rendered to Markdown, a
//! standalone HTML page and plain text (for the clipboard). Rendering is pure: every
//! renderer escapes the text it is given, so user input cannot change the structure.

mod html;
mod markdown;
mod plain;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use html::{escape_html, render_html_fragment, render_html_page, DOCUMENT_STYLE};
pub use markdown::{escape_markdown, render_markdown};
pub use plain::render_plain_text;

/// A titled document made of blocks.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Document {
    pub title: String,
    #[serde(default)]
    pub subtitle: Option<String>,
    /// Short lines under the title: parties, dates, version.
    #[serde(default)]
    pub meta: Vec<String>,
    #[serde(default)]
    pub blocks: Vec<Block>,
}

/// One piece of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// Level 2 to 4 below the document title (level 1); other values are clamped.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        text: String,
    },
    Bullets {
        items: Vec<String>,
    },
    Numbered {
        items: Vec<String>,
    },
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// An aside: a reminder, a warning, a "not legal advice" statement.
    Note {
        title: Option<String>,
        text: String,
    },
    /// Numbered clauses; numbering continues across all clause blocks of a document.
    Clauses {
        clauses: Vec<Clause>,
    },
}

/// A numbered clause: its text, an optional plain-language side note and the choice that
/// produced it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Clause {
    pub title: String,
    /// Paragraphs of the clause.
    #[serde(default)]
    pub body: Vec<String>,
    /// Listed points after the paragraphs.
    #[serde(default)]
    pub items: Vec<String>,
    /// Paragraphs after the listed points.
    #[serde(default)]
    pub closing: Vec<String>,
    /// What the clause means for the reader, in plain words.
    #[serde(default)]
    pub side_note: Option<String>,
    /// The choice that produced the clause, e.g. `Compensation model: hybrid`.
    #[serde(default)]
    pub source: String,
}

impl Document {
    pub fn new(title: impl Into<String>) -> Self {
        Document {
            title: title.into(),
            ..Document::default()
        }
    }

    pub fn heading(&mut self, level: u8, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Heading {
            level,
            text: text.into(),
        });
        self
    }

    pub fn paragraph(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Paragraph { text: text.into() });
        self
    }

    pub fn bullets(&mut self, items: Vec<String>) -> &mut Self {
        self.blocks.push(Block::Bullets { items });
        self
    }

    pub fn numbered(&mut self, items: Vec<String>) -> &mut Self {
        self.blocks.push(Block::Numbered { items });
        self
    }

    pub fn table(&mut self, header: Vec<String>, rows: Vec<Vec<String>>) -> &mut Self {
        self.blocks.push(Block::Table { header, rows });
        self
    }

    pub fn note(&mut self, title: Option<String>, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Note {
            title,
            text: text.into(),
        });
        self
    }

    pub fn clauses(&mut self, clauses: Vec<Clause>) -> &mut Self {
        self.blocks.push(Block::Clauses { clauses });
        self
    }

    /// Every clause with its number (1-based, continuous across blocks).
    pub fn numbered_clauses(&self) -> Vec<(usize, &Clause)> {
        self.blocks
            .iter()
            .flat_map(|block| match block {
                Block::Clauses { clauses } => clauses.iter().collect::<Vec<_>>(),
                _ => Vec::new(),
            })
            .enumerate()
            .map(|(index, clause)| (index + 1, clause))
            .collect()
    }
}

impl Clause {
    pub fn new(title: impl Into<String>, source: impl Into<String>) -> Self {
        Clause {
            title: title.into(),
            source: source.into(),
            ..Clause::default()
        }
    }

    /// Adds a paragraph after what is there: before the list while it is empty, after it
    /// once it has items.
    pub fn with_paragraph(mut self, text: impl Into<String>) -> Self {
        if self.items.is_empty() {
            self.body.push(text.into());
        } else {
            self.closing.push(text.into());
        }
        self
    }

    pub fn with_item(mut self, text: impl Into<String>) -> Self {
        self.items.push(text.into());
        self
    }

    pub fn with_side_note(mut self, text: impl Into<String>) -> Self {
        self.side_note = Some(text.into());
        self
    }
}

/// Heading level clamped to 2..=4 (the title is level 1).
fn heading_level(level: u8) -> u8 {
    level.clamp(2, 4)
}

/// Splits a block of text into its lines, treating `\r\n` like `\n`.
fn text_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
}
