// Versions that stay put, edits that survive navigation, and deletes that can be undone:
// a sent contract opens read-only and is copied, never overwritten; a half-edited contract
// is there after leaving the section and after a reload; each kind of delete shows
// "Deleted … Undo", and the undone data is still there after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, loadDemo, rowCount } from './harness.mjs';

const CAMPAIGN = 'Sourdough January starter challenge 2027';
/** Waits until the element's text matches `pattern`. */
async function waitForText(locator, pattern, timeout = 10000) {
  const until = Date.now() + timeout;
  let text = '';
  while (Date.now() < until) {
    text = await locator.innerText().catch(() => '');
    if (pattern.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`text ${JSON.stringify(text)} never matched ${pattern}`);
}

const title = (version, status) => `@levain_lotte · ${CAMPAIGN} · v${version} (${status})`;

test('a sent version opens read-only with its own number; edit as new draft copies it; the draft after it is untouched', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Contracts');
    const saved = page.getByTestId('saved-contracts');
    const editor = page.getByTestId('contract-editor');
    const line = editor.getByTestId('contract-version-line');

    // v1 at GBP 650, sent; then v2 at GBP 750 as a draft.
    await page.getByRole('button', { name: `Open ${title(1, 'draft')}` }).click();
    await editor.getByLabel('Fixed fee').fill('650');
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Saved draft version 1.').waitFor();
    await editor.getByRole('button', { name: 'Mark as sent' }).click();
    await page.getByText('Marked as sent.').waitFor();
    assert.match(await line.innerText(), /^Version 1 · sent · saved \d{4}-\d\d-\d\d · read-only$/);
    assert.equal(await editor.getByLabel('Fixed fee').isDisabled(), true);
    await editor.getByRole('button', { name: 'Edit as new draft' }).click();
    await page.getByText('Version 1 copied to new draft version 2; version 1 stays as it was.').waitFor();
    await editor.getByLabel('Fixed fee').fill('750');
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Saved draft version 2.').waitFor();
    await saved.getByText(title(2, 'draft')).waitFor();

    // Opening the sent v1 shows v1, read-only, in the editor and in the document.
    await page.getByRole('button', { name: `Open ${title(1, 'sent')}` }).click();
    await waitForText(line, /^Version 1 · sent/);
    assert.match(await line.innerText(), / · read-only$/);
    assert.equal(await editor.getByLabel('Fixed fee').inputValue(), '650');
    assert.equal(await editor.getByLabel('Fixed fee').isDisabled(), true);
    assert.equal(await editor.getByRole('button', { name: 'Save draft' }).count(), 0);
    assert.match(await editor.locator('.contract-frozen').innerText(), /^Version 1 is sent: it is kept exactly as it was sent\./);
    assert.match(await editor.locator('.doc-page').innerText(), /Version 1 · sent/);
    assert.doesNotMatch(await editor.locator('.doc-page').innerText(), /Version 2/);

    // Edit as new draft: v3, a copy of v1; v2 keeps GBP 750.
    await editor.getByRole('button', { name: 'Edit as new draft' }).click();
    await page.getByText('Version 1 copied to new draft version 3; version 1 stays as it was.').waitFor();
    await waitForText(line, /^Version 3 · draft/);
    assert.equal(await editor.getByLabel('Fixed fee').inputValue(), '650');
    await editor.getByLabel('Fixed fee').fill('700');
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Saved draft version 3.').waitFor();
    await app.waitSaved();
    await app.reload();
    await app.goto('Contracts');
    for (const [version, status] of [[1, 'sent'], [2, 'draft'], [3, 'draft']]) await saved.getByText(title(version, status)).waitFor();
    const money = async (version, status) => saved.locator('tr', { hasText: title(version, status) }).locator('td').nth(1).innerText();
    assert.equal(await money(1, 'sent'), '£650');
    assert.equal(await money(2, 'draft'), '£750');
    assert.equal(await money(3, 'draft'), '£700');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('a half-edited contract is saved as it is typed: there after leaving the section and after a reload', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Contracts');
    await page.getByLabel('Creator', { exact: true }).fill('scoring_sophie');
    await page.locator('#start-campaign').fill('Spring sourdough');
    await page.getByRole('button', { name: 'Start a draft' }).click();
    const editor = page.getByTestId('contract-editor');
    await editor.getByLabel('Fixed fee').fill('480');
    await editor.getByLabel("Creator's address").fill('12 Mill Lane, Leeds');
    // No save button pressed: leave the section at once.
    await app.goto('Briefs');
    await app.goto('Contracts');
    await editor.getByRole('heading', { name: 'Terms with @scoring_sophie for Spring sourdough' }).waitFor();
    assert.equal(await editor.getByLabel('Fixed fee').inputValue(), '480');
    assert.equal(await editor.getByLabel("Creator's address").inputValue(), '12 Mill Lane, Leeds');
    assert.match(await editor.getByTestId('contract-version-line').innerText(), /^Version 1 · draft · saved .* · saved automatically$/);

    await editor.getByLabel('Fixed fee').fill('520');
    // Written into the workspace after a 0.4 s pause in typing, then stored. "saving…" can
    // come and go between two looks, so wait past the pause and then for the settled line.
    const line = editor.getByTestId('contract-version-line');
    await page.waitForTimeout(800);
    await waitForText(line, / · saved automatically$/);
    await app.waitSaved();
    // The URL names the open agreement, so the reload lands on it.
    await app.reload();
    assert.match(await page.evaluate(() => location.hash), /^#\/contracts\/scoring_sophie~/);
    await editor.getByRole('heading', { name: 'Terms with @scoring_sophie for Spring sourdough' }).waitFor();
    assert.equal(await editor.getByLabel('Fixed fee').inputValue(), '520');
    await page.getByTestId('saved-contracts').getByText('@scoring_sophie · Spring sourdough · v1 (draft)').waitFor();
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

/** Clicks the Undo of the notice whose text matches and waits until it is gone. */
async function undo(page, text) {
  const notice = page.getByTestId('undo-notices').locator('.undo-notice', { hasText: text });
  await notice.waitFor();
  await notice.getByRole('button', { name: /^Undo: / }).click();
  await notice.waitFor({ state: 'detached' });
  await page.getByText('Undone: everything deleted is back in its place.').first().waitFor();
}

test('every kind of delete says what goes, offers Undo, and the undone data survives a reload', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);

    // A brief, and a playbook template.
    await app.goto('Briefs');
    const library = page.locator('section', { has: page.getByRole('heading', { name: 'Campaign briefs' }) });
    await library.getByRole('button', { name: 'Autumn trail launch' }).waitFor();
    await page.locator('#template-name').fill('Launch playbook');
    await page.getByRole('button', { name: 'Save as playbook template' }).click();
    await library.getByRole('button', { name: 'Use “Launch playbook”' }).waitFor();
    await page.getByRole('button', { name: 'Delete this brief' }).click();
    await library.getByRole('button', { name: 'Autumn trail launch' }).waitFor({ state: 'detached' });
    await undo(page, 'Deleted the brief “Autumn trail launch”. Its tracking links stay on the Tracking page.');
    await library.getByRole('button', { name: 'Autumn trail launch' }).waitFor();
    await page.getByRole('button', { name: 'Delete template Launch playbook' }).click();
    await library.getByRole('button', { name: 'Use “Launch playbook”' }).waitFor({ state: 'detached' });
    // The Undo button is reachable by keyboard: focus it and press Enter.
    const templateNotice = page.locator('.undo-notice', { hasText: 'Deleted the template “Launch playbook”.' });
    await templateNotice.getByRole('button', { name: /^Undo: / }).focus();
    await page.keyboard.press('Enter');
    await library.getByRole('button', { name: 'Use “Launch playbook”' }).waitFor();

    // A plan takes its roster with it: the past trail activation had 2 paid and 14 gifted creators.
    await app.goto('Communities');
    const plan = page.locator('article.activation', { has: page.getByRole('heading', { name: 'Trail autumn race season 2026' }) });
    await plan.getByRole('button', { name: 'Delete plan' }).click();
    await plan.waitFor({ state: 'detached' });
    await undo(page, 'Deleted the plan “Trail autumn race season 2026” and its roster of 16 creators (with the posting history behind the learnt posting rate).');
    await plan.waitFor();

    // A community and its members' memberships.
    await page.getByRole('button', { name: 'Trail running', exact: true }).click();
    const membersBefore = await page.locator('.members-scroll tbody tr').count();
    assert.ok(membersBefore > 0);
    await page.getByRole('button', { name: 'Remove community' }).click();
    await page.getByRole('button', { name: 'Trail running', exact: true }).waitFor({ state: 'detached' });
    await undo(page, `Removed the community “Trail running” and the membership of its ${membersBefore} creators; its activation plans are kept.`);
    await page.getByRole('button', { name: 'Trail running', exact: true }).click();
    await page.locator('.members-scroll tbody tr').nth(membersBefore - 1).waitFor();
    assert.equal(await page.locator('.members-scroll tbody tr').count(), membersBefore);

    // A pre-registration draft.
    await app.goto('Uplift tests');
    await page.locator('#prereg-new').fill('Winter seeding holdout');
    await page.getByRole('button', { name: 'Draft a pre-registration' }).click();
    const card = page.getByRole('article', { name: 'Pre-registration of Winter seeding holdout' });
    await card.getByRole('button', { name: 'Delete draft' }).click();
    await card.waitFor({ state: 'detached' });
    await undo(page, 'Deleted the draft of “Winter seeding holdout”.');
    await card.waitFor();

    // A contract draft version.
    await app.goto('Contracts');
    await page.getByRole('button', { name: `Delete ${title(1, 'draft')}` }).click();
    await page.getByTestId('saved-contracts').waitFor({ state: 'detached' });
    await undo(page, `Deleted the draft ${title(1, 'draft')}.`);
    await page.getByTestId('saved-contracts').getByText(title(1, 'draft')).waitFor();

    // Everything undone was saved.
    await app.waitSaved();
    await app.reload();
    await app.goto('Briefs');
    await library.getByRole('button', { name: 'Autumn trail launch' }).waitFor();
    await library.getByRole('button', { name: 'Use “Launch playbook”' }).waitFor();
    await app.goto('Communities');
    await plan.waitFor();
    await page.getByRole('button', { name: 'Trail running', exact: true }).click();
    await page.locator('.members-scroll tbody tr').nth(membersBefore - 1).waitFor();
    assert.equal(await page.locator('.members-scroll tbody tr').count(), membersBefore);
    await app.goto('Uplift tests');
    await card.waitFor();
    await app.goto('Contracts');
    await page.getByTestId('saved-contracts').getByText(title(1, 'draft')).waitFor();
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('a delete left alone stays deleted: dismissing the notice ends the undo', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Briefs');
    await page.getByRole('button', { name: 'Delete this brief' }).click();
    const notice = page.locator('.undo-notice', { hasText: 'Deleted the brief “Autumn trail launch”.' });
    await notice.getByRole('button', { name: 'Dismiss; the delete stays' }).click();
    await notice.waitFor({ state: 'detached' });
    await app.waitSaved();
    await app.reload();
    await app.goto('Briefs');
    await page.getByText('No briefs yet.', { exact: false }).waitFor();
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('an import that replaces a table can be undone, and the old rows are there after a reload', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Data');
    const card = page.locator('section.table-card', { has: page.getByRole('heading', { name: 'Communities', exact: true }) });
    await page.getByRole('group', { name: 'Show table' }).getByRole('button', { name: /^Communities/ }).click();
    await card.waitFor();
    assert.equal(await rowCount(page, 'Communities'), 2);
    // The file holds only the first community: replacing drops the second.
    const exported = fs.readFileSync(await app.download(card.getByRole('button', { name: 'Export CSV' })), 'utf8');
    const [header, first] = exported.replace(/^\uFEFF/, '').split(/\r?\n/);
    const file = path.join(app.downloadsDir, 'one-community.csv');
    fs.writeFileSync(file, `${header}\n${first}\n`);
    await card.getByRole('button', { name: 'Import CSV' }).click();
    await card.locator('input[type=file]').setInputFiles(file);
    await page.getByLabel('Replace the whole table with this file').check();
    await page.getByRole('button', { name: /^Import 1 rows?$/ }).click();
    await page.getByText(/^Imported Communities: \d+ added, \d+ updated, 1 removed\.$/).waitFor();
    assert.equal(await rowCount(page, 'Communities'), 1);
    await undo(page, 'Replaced every row of Communities with the file.');
    assert.equal(await rowCount(page, 'Communities'), 2);
    await app.waitSaved();
    await app.reload();
    await app.goto('Data');
    await page.getByRole('group', { name: 'Show table' }).getByRole('button', { name: /^Communities/ }).click();
    assert.equal(await rowCount(page, 'Communities'), 2);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('a brief and a pre-registration field being typed in are kept when the user switches section', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Briefs');
    await page.locator('#brief-mission').fill('Help first-time trail runners finish their first race.');
    // Straight to another section, without leaving the field first.
    await app.goto('Uplift tests');
    await page.locator('#prereg-new').fill('Spring seeding holdout');
    await page.getByRole('button', { name: 'Draft a pre-registration' }).click();
    const card = page.getByRole('article', { name: 'Pre-registration of Spring seeding holdout' });
    await card.getByLabel('Hypothesis').fill('Seeding lifts sign-ups by 10%.');
    await app.goto('Briefs');
    assert.equal(await page.locator('#brief-mission').inputValue(), 'Help first-time trail runners finish their first race.');
    await app.goto('Uplift tests');
    assert.equal(await card.getByLabel('Hypothesis').inputValue(), 'Seeding lifts sign-ups by 10%.');
    await app.waitSaved();
    await app.reload();
    await app.goto('Uplift tests');
    assert.equal(await card.getByLabel('Hypothesis').inputValue(), 'Seeding lifts sign-ups by 10%.');
    await app.goto('Briefs');
    assert.equal(await page.locator('#brief-mission').inputValue(), 'Help first-time trail runners finish their first race.');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
