//! The read-only table every section shows: a horizontally scrolling box (its first column
//! pinned and its scroll cue come from the `table-scroll` style), column headings, and the
//! rows the page renders. A box with an accessible name is a focusable region, so a keyboard
//! user can scroll it.

use leptos::oco::Oco;
use leptos::prelude::*;

/// A column heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    text: Oco<'static, str>,
    numeric: bool,
    /// An explanation shown on hover (and the heading can take focus to show it).
    title: Option<&'static str>,
    /// Read by screen readers only, e.g. over a column of buttons.
    hidden: bool,
}

impl Column {
    pub fn text(text: impl Into<Oco<'static, str>>) -> Self {
        Column {
            text: text.into(),
            numeric: false,
            title: None,
            hidden: false,
        }
    }

    /// A right-aligned column of numbers.
    pub fn number(text: impl Into<Oco<'static, str>>) -> Self {
        Column {
            numeric: true,
            ..Column::text(text)
        }
    }

    /// A column whose heading only screen readers hear.
    pub fn unseen(text: impl Into<Oco<'static, str>>) -> Self {
        Column {
            hidden: true,
            ..Column::text(text)
        }
    }

    pub fn titled(self, title: &'static str) -> Self {
        Column {
            title: Some(title),
            ..self
        }
    }
}

/// Headings from `(text, numeric)` pairs.
pub fn columns(headings: &[(&'static str, bool)]) -> Vec<Column> {
    headings
        .iter()
        .map(|(text, numeric)| {
            if *numeric {
                Column::number(*text)
            } else {
                Column::text(*text)
            }
        })
        .collect()
}

#[component]
pub fn DataTable(
    columns: Vec<Column>,
    /// The rows (`<tr>`s) of the body.
    children: Children,
    /// The accessible name of the scrolling region.
    #[prop(optional)]
    label: Option<&'static str>,
    #[prop(optional, into)] caption: Option<Oco<'static, str>>,
    /// The caption's id; the region is then named by the caption.
    #[prop(optional)]
    caption_id: Option<&'static str>,
    /// The caption is read by screen readers only.
    #[prop(optional)]
    caption_hidden: bool,
    /// The table's class.
    #[prop(optional)]
    class: Option<&'static str>,
    /// An extra class of the scrolling box.
    #[prop(optional)]
    scroll_class: Option<&'static str>,
    #[prop(optional)] testid: Option<&'static str>,
    /// A `<tfoot>`, e.g. a totals row.
    #[prop(optional)]
    footer: Option<AnyView>,
) -> impl IntoView {
    let region = label.is_some() || caption_id.is_some();
    let box_class = match scroll_class {
        Some(extra) => format!("table-scroll {extra}"),
        None => "table-scroll".to_string(),
    };
    view! {
        <div class=box_class tabindex=region.then_some("0") role=region.then_some("region") aria-label=label
            aria-labelledby=caption_id>
            <table class=class data-testid=testid>
                {caption.map(|text| view! {
                    <caption id=caption_id class=caption_hidden.then_some("visually-hidden")>{text.to_string()}</caption>
                })}
                <thead><tr>
                    {columns.into_iter().map(|c| {
                        let text = c.text.to_string();
                        view! {
                            <th scope="col" class:numeric=c.numeric title=c.title tabindex=c.title.map(|_| "-1")>
                                {if c.hidden {
                                    view! { <span class="visually-hidden">{text}</span> }.into_any()
                                } else {
                                    text.into_any()
                                }}
                            </th>
                        }
                    }).collect_view()}
                </tr></thead>
                <tbody>{children()}</tbody>
                {footer}
            </table>
        </div>
    }
}
