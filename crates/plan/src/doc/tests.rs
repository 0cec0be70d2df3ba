//! Exact expected output of every renderer, and escaping of hostile text.

use super::*;

fn sample() -> Document {
    let mut doc = Document::new("Partnership terms");
    doc.subtitle = Some("Hearth & Trail × @trailmaya".into());
    doc.meta = vec!["Draft 1".into(), "Market: UK".into()];
    doc.heading(2, "Deliverables")
        .paragraph("Two posts.\nOne story.")
        .bullets(vec!["1 × Reel".into(), "*bold* claim".into()])
        .numbered(vec!["Draft".into(), "Post".into()])
        .table(
            vec!["Term".into(), "Value".into()],
            vec![
                vec!["Fee".into(), "GBP 400 | net 30".into()],
                vec!["Licence".into()],
            ],
        )
        .note(Some("Not legal advice".into()), "Ask a lawyer.")
        .clauses(vec![Clause::new("Fee", "Compensation model: flat fee")
            .with_paragraph("The brand pays GBP 400.")
            .with_item("Net 30")
            .with_side_note("You get paid 30 days after posting.")])
        .clauses(vec![Clause::new("Disclosure", "Market: UK")]);
    doc
}

#[test]
fn markdown_has_the_expected_shape() {
    let expected = "\
# Partnership terms

*Hearth & Trail × @trailmaya*

Draft 1\\
Market: UK

## Deliverables

Two posts.\\
One story.

- 1 × Reel
- \\*bold\\* claim

1. Draft
2. Post

| Term | Value |
| --- | --- |
| Fee | GBP 400 \\| net 30 |
| Licence |  |

> **Not legal advice**
>
> Ask a lawyer.

### 1. Fee

The brand pays GBP 400.

- Net 30

> **In plain words:** You get paid 30 days after posting.

*Source: Compensation model: flat fee*

### 2. Disclosure

*Source: Market: UK*
";
    assert_eq!(render_markdown(&sample()), expected);
}

#[test]
fn markdown_escapes_block_starts_and_inline_markup() {
    assert_eq!(escape_markdown("# not a heading"), "\\# not a heading");
    assert_eq!(escape_markdown("- not a list"), "\\- not a list");
    assert_eq!(escape_markdown("12. not a list"), "12\\. not a list");
    assert_eq!(escape_markdown("a-b #ad 3.5"), "a-b #ad 3.5");
    assert_eq!(
        escape_markdown("Link: https://shop.example/p?utm_source=instagram&utm_medium=social#top."),
        "Link: <https://shop.example/p?utm_source=instagram&utm_medium=social#top>."
    );
    assert_eq!(
        escape_markdown("(http://a.example/x_y) and https:// alone"),
        "(<http://a.example/x_y>) and https:// alone"
    );
    assert_eq!(
        escape_markdown("nothttps://a.example"),
        "nothttps://a.example"
    );
    assert_eq!(
        escape_markdown("[link](x) <b> `c` _u_ ~s~ \\"),
        "\\[link\\](x) \\<b\\> \\`c\\` \\_u\\_ \\~s\\~ \\\\"
    );
    assert_eq!(
        escape_markdown("Tom & Jerry &amp; &#38;"),
        "Tom & Jerry \\&amp; \\&#38;"
    );
    assert_eq!(escape_markdown("   = setext"), "\\= setext");
}

#[test]
fn markdown_heading_keeps_hashes_literal() {
    let mut doc = Document::new("T #1");
    doc.heading(9, "Use #ad");
    assert_eq!(render_markdown(&doc), "# T #1\n\n#### Use \\#ad\n");
}

#[test]
fn html_fragment_has_the_expected_shape() {
    let expected = "\
<article class=\"doc\">
<header class=\"doc-header\">
<h1>Partnership terms</h1>
<p class=\"doc-subtitle\">Hearth &amp; Trail × @trailmaya</p>
<ul class=\"doc-meta\"><li>Draft 1</li><li>Market: UK</li></ul>
</header>
<h2>Deliverables</h2>
<p>Two posts.<br>One story.</p>
<ul><li>1 × Reel</li><li>*bold* claim</li></ul>
<ol><li>Draft</li><li>Post</li></ol>
<div class=\"doc-table\"><table><thead><tr><th scope=\"col\">Term</th><th scope=\"col\">Value</th></tr></thead><tbody><tr><td>Fee</td><td>GBP 400 | net 30</td></tr><tr><td>Licence</td><td></td></tr></tbody></table></div>
<aside class=\"doc-note\"><p><strong>Not legal advice</strong></p><p>Ask a lawyer.</p></aside>
<ol class=\"doc-clauses\" start=\"1\">
<li class=\"doc-clause\" id=\"clause-1\">
<div class=\"doc-clause-text\">
<h3><span class=\"doc-clause-number\">1.</span> Fee</h3>
<p>The brand pays GBP 400.</p>
<ul><li>Net 30</li></ul>
<details class=\"doc-source\"><summary>Why this clause?</summary><p>Source: Compensation model: flat fee</p></details>
</div>
<aside class=\"doc-side-note\"><p class=\"doc-side-note-label\">In plain words</p><p>You get paid 30 days after posting.</p></aside>
</li>
</ol>
<ol class=\"doc-clauses\" start=\"2\">
<li class=\"doc-clause\" id=\"clause-2\">
<div class=\"doc-clause-text\">
<h3><span class=\"doc-clause-number\">2.</span> Disclosure</h3>
<details class=\"doc-source\"><summary>Why this clause?</summary><p>Source: Market: UK</p></details>
</div>
</li>
</ol>
</article>";
    assert_eq!(render_html_fragment(&sample()), expected);
}

#[test]
fn html_escapes_every_special_character() {
    let mut doc = Document::new("<script>alert('x')</script>");
    doc.paragraph("a & b \"quoted\" 'single' <i>");
    doc.table(vec!["<th>".into()], vec![vec!["\"&\"".into()]]);
    doc.clauses(vec![
        Clause::new("<c>", "choice \"x\" & 'y'").with_side_note("<b>")
    ]);
    let html = render_html_page(&doc);
    assert!(
        html.contains("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</title>"),
        "{html}"
    );
    assert!(
        html.contains("<p>a &amp; b &quot;quoted&quot; &#39;single&#39; &lt;i&gt;</p>"),
        "{html}"
    );
    assert!(html.contains("<th scope=\"col\">&lt;th&gt;</th>"));
    assert!(html.contains("<td>&quot;&amp;&quot;</td>"));
    assert!(html.contains("Source: choice &quot;x&quot; &amp; &#39;y&#39;"));
    assert!(html.contains("<p>&lt;b&gt;</p>"));
    assert!(!html.contains("<script>") && !html.contains("<i>") && !html.contains("<c>"));
}

#[test]
fn html_page_is_standalone_with_print_rules() {
    let html = render_html_page(&Document::new("Terms"));
    assert!(
        html.starts_with("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    );
    assert!(html.contains("<title>Terms</title>\n<style>\nbody{"));
    assert!(html.contains("@media print{"));
    assert!(html.ends_with("<h1>Terms</h1>\n</header>\n</article>\n</body>\n</html>\n"));
    // Nothing is fetched from elsewhere.
    assert!(!html.contains("http"));
}

#[test]
fn plain_text_has_the_expected_shape() {
    let expected = "\
Partnership terms
=================
Hearth & Trail × @trailmaya
Draft 1
Market: UK

Deliverables
------------

Two posts.
One story.

- 1 × Reel
- *bold* claim

1. Draft
2. Post

Term    | Value
--------+-----------------
Fee     | GBP 400 | net 30
Licence |

Not legal advice: Ask a lawyer.

1. Fee
   The brand pays GBP 400.
   - Net 30
   In plain words: You get paid 30 days after posting.
   Source: Compensation model: flat fee

2. Disclosure
   Source: Market: UK
";
    assert_eq!(render_plain_text(&sample()), expected);
}

#[test]
fn clause_numbers_continue_across_blocks() {
    let numbers: Vec<(usize, String)> = sample()
        .numbered_clauses()
        .into_iter()
        .map(|(n, c)| (n, c.title.clone()))
        .collect();
    assert_eq!(
        numbers,
        vec![(1, "Fee".to_string()), (2, "Disclosure".to_string())]
    );
}

#[test]
fn empty_blocks_render_nothing() {
    let mut doc = Document::new("T");
    doc.bullets(Vec::new())
        .table(Vec::new(), Vec::new())
        .clauses(Vec::new());
    assert_eq!(render_markdown(&doc), "# T\n");
    assert_eq!(render_plain_text(&doc), "T\n=\n");
    assert_eq!(
        render_html_fragment(&doc),
        "<article class=\"doc\">\n<header class=\"doc-header\">\n<h1>T</h1>\n</header>\n</article>"
    );
}

#[test]
fn documents_survive_a_round_trip_through_json() {
    let doc = sample();
    let text = serde_json::to_string(&doc).expect("serialises");
    let back: Document = serde_json::from_str(&text).expect("deserialises");
    assert_eq!(back, doc);
}

proptest::proptest! {
    #[test]
    fn any_text_renders_without_raw_markup(text in ".{0,40}") {
        let mut doc = Document::new(text.clone());
        doc.paragraph(text.clone()).table(vec![text.clone()], vec![vec![text.clone()]]);
        let html = render_html_fragment(&doc);
        proptest::prop_assert!(!html.contains("<script"));
        let _ = render_markdown(&doc);
        let _ = render_plain_text(&doc);
    }
}

#[test]
fn paragraphs_added_after_a_list_follow_it_in_every_format() {
    let clause = Clause::new("Licence", "Usage licence")
        .with_paragraph("Only as follows:")
        .with_item("website, 6 months")
        .with_paragraph("Anything else needs a new agreement.");
    assert_eq!(clause.body, vec!["Only as follows:".to_string()]);
    assert_eq!(
        clause.closing,
        vec!["Anything else needs a new agreement.".to_string()]
    );
    let mut doc = Document::new("T");
    doc.clauses(vec![clause]);
    assert_eq!(
        render_markdown(&doc),
        "# T\n\n### 1. Licence\n\nOnly as follows:\n\n- website, 6 months\n\nAnything else needs a new agreement.\n\n*Source: Usage licence*\n"
    );
    assert!(render_html_fragment(&doc).contains("<ul><li>website, 6 months</li></ul>\n<p>Anything else needs a new agreement.</p>\n<details"));
    assert!(render_plain_text(&doc).contains(
        "   - website, 6 months\n   Anything else needs a new agreement.\n   Source: Usage licence"
    ));
}
