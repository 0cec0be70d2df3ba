// Contracts: draft terms for a demo creator, see a conflict and fix it, trace a clause to
// the choice behind it, download Markdown and HTML, find the draft after a reload, and
// keep a sent version as sent while a copy becomes the next version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openApp, loadDemo, screenshot } from './harness.mjs';

const CAMPAIGN = 'Sourdough January starter challenge 2027';
const WHITELISTING = "whitelisting (ads run through the creator's account)";

test('hybrid terms for a UK creator with whitelisting: conflict, fix, clause source, downloads, reload, versions', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Contracts');
    const saved = page.getByTestId('saved-contracts');
    await saved.getByText(`@levain_lotte · ${CAMPAIGN} · v1 (draft)`).waitFor();

    await page.locator('#start-campaign').fill(CAMPAIGN);
    // The picker suggests the creators matching what is typed.
    const suggested = () => page.locator('#contract-creators option').evaluateAll((options) => options.map((o) => o.value));
    const everyone = await suggested();
    assert.ok(everyone.length > 1 && everyone.length <= 50, `${everyone.length} suggestions`);
    await page.getByLabel('Creator', { exact: true }).fill('@SOPH');
    assert.deepEqual(await suggested(), ['scoring_sophie']);
    await page.getByLabel('Creator', { exact: true }).fill('scoring_sophie');
    await page.getByRole('button', { name: 'Start a draft' }).click();
    const editor = page.locator('section.contract-editor');
    const form = editor.locator('form.contract-form');
    await editor.getByRole('heading', { name: `Terms with @scoring_sophie for ${CAMPAIGN}` }).waitFor();
    // The creator is in GB, so the UK rules apply; the defaults still need a fee.
    assert.equal(await editor.getByLabel('Market').inputValue(), 'uk');
    await form.getByText('A flat fee needs a fee above 0.').waitFor();

    await editor.getByLabel('Compensation model').selectOption('hybrid');
    await editor.getByLabel('Fixed fee').fill('600');
    await editor.getByLabel('Commission on sales').fill('10');
    await editor.getByLabel(WHITELISTING, { exact: true }).check();
    const conflict = form.getByText(
      `Paid usage (${WHITELISTING}) is priced separately from the content: enter a paid-usage fee, or remove the paid channels.`,
    );
    await conflict.waitFor();
    assert.match(await editor.locator('.contract-summary').innerText(), /^1 conflict\(s\) to fix before sending/);
    assert.equal(await editor.getByRole('button', { name: 'Mark as sent' }).isDisabled(), true);

    await editor.getByLabel('Paid-usage fee').fill('300');
    await conflict.waitFor({ state: 'detached' });
    assert.match(await editor.locator('.contract-summary').innerText(), /^No conflicts/);
    assert.equal(await editor.locator('.contract-problems .conflict').count(), 0);

    // The clause that choice produced, with its source on demand and its plain-words note.
    const paid = editor.locator('.doc-clause', { has: page.getByRole('heading', { name: /Paid usage and whitelisting/ }) });
    await paid.getByText('Why this clause?').click();
    assert.match(await paid.locator('.doc-source').innerText(), new RegExp(`Source: Usage licence: paid usage \\(${WHITELISTING.replace(/[()]/g, '\\$&')}\\) for £300`));
    assert.match(await paid.innerText(), /never their password/);
    assert.match(await paid.locator('.doc-side-note').innerText(), /^In plain words\n/);
    const pay = editor.locator('.doc-clause', { has: page.getByRole('heading', { name: /\d+\. Compensation$/ }) });
    assert.match(await pay.innerText(), /a fixed fee of £600 plus a commission of 10% of the net value of attributed sales/);
    const disclosure = editor.locator('.doc-clause', { has: page.getByRole('heading', { name: /\d+\. Disclosure$/ }) });
    assert.match(await disclosure.innerText(), /Use “Ad”, “#ad”/);
    const sheet = editor.locator('.doc-table');
    assert.match(await sheet.innerText(), /Compensation\tFee £600 \+ commission 10%/);
    assert.match(await sheet.innerText(), /Paid usage fee\t£300/);

    await editor.getByRole('button', { name: 'Save draft' }).click();
    // Edits are saved after a pause in typing; saving by hand says which version holds them
    // (a new version 1 when the quick edits above left no pause).
    await page.getByText(/^Saved (as )?draft version 1\.$/).waitFor();
    await app.waitSaved();

    const markdown = fs.readFileSync(await app.download(editor.getByRole('button', { name: 'Download Markdown' })), 'utf8');
    assert.match(markdown, new RegExp(`^# Partnership terms: ${CAMPAIGN}\\n`));
    assert.match(markdown, /\n### \d+\. Paid usage and whitelisting\n/);
    assert.match(markdown, /\*Source: Usage licence: paid usage/);
    assert.match(markdown, /> \*\*In plain words:\*\* /);
    assert.match(markdown, /It is not legal advice/);
    assert.match(markdown, /\| Paid usage fee \| £300 \|/);
    const html = fs.readFileSync(await app.download(editor.getByRole('button', { name: 'Download HTML' })), 'utf8');
    assert.match(html, /^<!doctype html>\n<html lang="en">/);
    assert.match(html, /<h3><span class="doc-clause-number">\d+\.<\/span> Paid usage and whitelisting<\/h3>/);
    assert.match(html, /Hearth &amp; Trail/);
    assert.match(html, /@media print\{/);
    assert.doesNotMatch(html, /<script|https?:\/\//);
    assert.ok(await editor.getByRole('button', { name: 'Print / Save as PDF' }).isVisible());
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.origin });
    await editor.getByRole('button', { name: 'Copy', exact: true }).click();
    await page.getByText('Copied as plain text.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, new RegExp(`^Partnership terms: ${CAMPAIGN}\n=+\n`));
    assert.match(copied, /\n\d+\. Paid usage and whitelisting\n/);
    assert.match(copied, /   Source: Usage licence: paid usage/);
    await paid.scrollIntoViewIfNeeded();
    await screenshot(app, 'contracts-editor-1280');

    await app.reload();
    await app.goto('Contracts');
    await saved.getByText(`@scoring_sophie · ${CAMPAIGN} · v1 (draft)`).waitFor();
    await page.getByRole('button', { name: `Open @scoring_sophie · ${CAMPAIGN} · v1 (draft)` }).click();
    assert.equal(await editor.getByLabel('Compensation model').inputValue(), 'hybrid');
    assert.equal(await editor.getByLabel('Paid-usage fee').inputValue(), '300');

    // A sent version is kept as sent; changes go into a copy, the next version.
    await editor.getByRole('button', { name: 'Mark as sent' }).click();
    await page.getByText('Marked as sent.').waitFor();
    assert.equal(await editor.getByLabel('Fixed fee').isDisabled(), true);
    await editor.getByRole('button', { name: 'Edit as new draft' }).click();
    await page.getByText('Version 1 copied to new draft version 2; version 1 stays as it was.').waitFor();
    await editor.getByLabel('Fixed fee').fill('650');
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Saved draft version 2.').waitFor();
    await saved.getByText(`@scoring_sophie · ${CAMPAIGN} · v1 (sent)`).waitFor();
    await saved.getByText(`@scoring_sophie · ${CAMPAIGN} · v2 (draft)`).waitFor();
    await page.getByRole('button', { name: `Mark @scoring_sophie · ${CAMPAIGN} · v1 (sent) as signed` }).click();
    await saved.getByText(`@scoring_sophie · ${CAMPAIGN} · v1 (signed)`).waitFor();
    await app.waitSaved();
    await app.reload();
    await app.goto('Contracts');
    await saved.getByText(`@scoring_sophie · ${CAMPAIGN} · v1 (signed)`).waitFor();
    await saved.getByText(`@scoring_sophie · ${CAMPAIGN} · v2 (draft)`).waitFor();
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('French market and product-only conflicts, and one draft per creator of a campaign', async () => {
  const app = await openApp({ viewport: { width: 390, height: 844 } });
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Contracts');
    await page.getByRole('button', { name: `Open @levain_lotte · ${CAMPAIGN} · v1 (draft)` }).click();
    const editor = page.locator('section.contract-editor');
    const form = editor.locator('form.contract-form');
    await editor.locator('.contract-summary', { hasText: 'No conflicts' }).waitFor();

    await editor.getByLabel('Market').selectOption('fr');
    assert.equal(await editor.getByLabel('Governing law').inputValue(), 'France');
    const parties = form.getByText(/France \(loi n° 2023-451\): the written contract must state names, addresses .* Add the brand's address, the creator's address\./);
    await parties.waitFor();
    await editor.getByLabel('Brand address').fill('1 rue de la Paix, 75002 Paris');
    await editor.getByLabel("Creator's address").fill('5 quai des Bateliers, 67000 Strasbourg');
    await parties.waitFor({ state: 'detached' });
    const rules = editor.locator('.doc-clause', { has: page.getByRole('heading', { name: /Rules for France/ }) });
    assert.match(await rules.innerText(), /Images virtuelles/);
    assert.match(await editor.locator('.doc-clause', { has: page.getByRole('heading', { name: /\d+\. Disclosure$/ }) }).innerText(), /“Publicité”, “Collaboration commerciale”/);

    await editor.getByLabel('Compensation model').selectOption('product_only');
    const kill = form.getByText(/A kill fee is a share of the fee \(25% before content exists\), but a product only \(gifted\) deal has no fee\./);
    await kill.waitFor();
    await editor.getByLabel('Include a kill fee').uncheck();
    await kill.waitFor({ state: 'detached' });
    // Nothing on the page is wider than a phone.
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
    await screenshot(app, 'contracts-editor-390');

    await page.locator('#start-campaign').fill(CAMPAIGN);
    await page.getByRole('button', { name: /^Draft for every creator in this campaign \(17\)$/ }).click();
    await page.getByText(`Drafted 16 agreement(s) for “${CAMPAIGN}”; 1 creator(s) already had one, kept as it was.`).waitFor();
    assert.equal(await page.getByTestId('saved-contracts').locator('tbody tr').count(), 17);
    const csv = fs.readFileSync(await app.download(page.getByRole('button', { name: 'Download key terms (CSV)' })), 'utf8');
    const lines = csv.trim().split('\r\n');
    assert.equal(lines.length, 18);
    assert.match(lines[0], /^campaign,handle,platform,version,status,/);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('deliverables are taken from a saved brief for the creator\'s platform', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Contracts');
    await page.locator('#start-campaign').fill('Autumn trail launch');
    await page.getByLabel('Creator', { exact: true }).fill('scoring_sophie');
    await page.getByRole('button', { name: 'Start a draft' }).click();
    const editor = page.locator('section.contract-editor');
    await editor.getByRole('heading', { name: 'Terms with @scoring_sophie for Autumn trail launch' }).waitFor();
    // The demo brief asks for one short video on any platform and two Instagram stories.
    await editor.getByLabel('Take deliverables from a brief').selectOption({ label: 'Autumn trail launch' });
    await editor.getByRole('button', { name: 'Use these deliverables' }).click();
    await page.getByText('Took 2 deliverable(s) from the brief “Autumn trail launch”.').waitFor();
    assert.equal(await editor.getByRole('button', { name: 'Remove deliverable 2' }).count(), 1);
    assert.equal(await editor.getByRole('button', { name: 'Remove deliverable 3' }).count(), 0);
    assert.match(await editor.locator('.doc-page').innerText(), /2 × instagram/);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
