// The demo's creators are ranked by a transparent audit: the planted bought-follower spike
// is a warning with evidence, the viral spike is explainable, a clean creator has no flag.
// The table filters and sorts; the detail view shows charts, flags and the checklist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openApp, loadDemo, screenshot } from './harness.mjs';
import { table, bodyRows, findCreator, openCreator } from './creators_helpers.mjs';

const numberIn = (text) => Number(text.replace(/[^\d.]/g, ''));

test('ranks the demo creators and explains the planted anomalies', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Creators');
    await bodyRows(page).first().waitFor();
    assert.equal(await bodyRows(page).count(), 25, 'first page of the table');
    await page.getByText('40 of 40 creators shown').waitFor();

    // Sorted by score, best first: lena is last (rank 40) with a warning.
    const lenaRow = await findCreator(page, 'peakpace_lena');
    const lenaCells = await lenaRow.locator('td, th').allInnerTexts();
    assert.equal(lenaCells[0], '40', 'ranked last');
    assert.match(lenaCells.join(' | '), /micro \| \d+\s+\(\d+–\d+\) \| [\d.]+% \| [\d.]+% \| [\d,]+ \| \d+ warning/);

    const lena = await openCreator(page, 'peakpace_lena');
    assert.match(await lena.innerText(), /Follower jump that engagement did not follow/);
    assert.match(await lena.innerText(), /Followers jumped by 18,000/);
    assert.equal(await lena.locator('figure.chart').count(), 2, 'follower history and engagement per post');
    assert.match(await lena.locator('figure.chart svg').first().getAttribute('aria-label'), /^Follower history\. \+18,000 jump, engagement did not follow/);
    assert.equal(await lena.locator('figure.chart line.marker').count(), 1, 'the spike is marked');
    assert.match(await lena.locator('figure.chart svg').nth(1).getAttribute('aria-label'), /0\.8–1\.25× the tier benchmark/);
    assert.match(await lena.innerText(), /Mean engagement rate by followers\s+[\d.]+%\s+[\d.]+%–[\d.]+% \(12 posts/);
    await screenshot(app, 'creators-detail');

    const crumb = await openCreator(page, 'crumb_theory');
    assert.match(await crumb.innerText(), /Follower jump that engagement followed \(may have an innocent explanation\)/);
    const lotte = await openCreator(page, 'levain_lotte');
    assert.doesNotMatch(await lotte.innerText(), /Follower jump/, 'a clean creator is not flagged');

    // Filters: tier, warnings only; sort by followers.
    await page.getByLabel('Search', { exact: true }).fill('');
    await page.getByLabel('Tier', { exact: true }).selectOption('mid');
    await page.getByText('6 of 40 creators shown').waitFor();
    const tiers = await bodyRows(page).locator('td:nth-child(3)').allInnerTexts();
    assert.deepEqual([...new Set(tiers)], ['mid']);
    await page.getByLabel('Tier', { exact: true }).selectOption('');
    await page.getByLabel('Only with warnings').check();
    const flagged = await bodyRows(page).allInnerTexts();
    assert.ok(flagged.length > 0 && flagged.every((t) => /warning/.test(t)), 'only flagged rows');
    assert.ok(flagged.some((t) => t.includes('peakpace_lena')));
    await page.getByLabel('Only with warnings').uncheck();
    await page.getByRole('button', { name: 'Followers', exact: true }).click();
    const followers = (await bodyRows(page).locator('td:nth-child(7)').allInnerTexts()).map(numberIn);
    assert.deepEqual(followers, [...followers].sort((a, b) => b - a), 'biggest first');
    assert.equal(await table(page).locator('th[aria-sort=descending]').innerText(), 'Followers ▼');
    await page.getByRole('button', { name: 'Followers', exact: true }).click();
    const up = (await bodyRows(page).locator('td:nth-child(7)').allInnerTexts()).map(numberIn);
    assert.deepEqual(up, [...up].sort((a, b) => a - b), 'smallest first');
    await screenshot(app, 'creators-table');

    // The objective's weights change the scores.
    await page.getByRole('button', { name: 'Score', exact: true }).click();
    const first = await bodyRows(page).first().innerText();
    await page.locator('#settings-heading').click();
    await page.getByLabel('Weights for objective').selectOption('conversion');
    await page.waitForFunction((text) => document.querySelector('[data-testid=creator-table] tbody tr')?.innerText !== text, first);
    assert.equal(await page.getByLabel('Comment quality', { exact: true }).inputValue(), '15');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('the demo tables exported as CSV and imported through the page give the same ranking and flags', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Creators');
    const card = (label) => page.locator('section.table-card', { has: page.getByRole('heading', { name: label, exact: true }) });
    const files = [];
    for (const label of ['Creators', 'Posts', 'Follower history', 'Comment summaries']) {
      files.push([label, await app.download(card(label).getByRole('button', { name: 'Export CSV' }))]);
    }
    await app.goto('Overview');
    await page.getByLabel('New workspace name').fill('Imported demo');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Opened “Imported demo”').waitFor();
    await app.goto('Creators');
    await page.getByText('No creators yet').waitFor();
    for (const [label, file] of files) {
      await card(label).getByRole('button', { name: 'Import CSV' }).click();
      await card(label).locator('input[type=file]').setInputFiles(file);
      await page.getByTestId('import-summary').filter({ hasText: /0 with problems/ }).waitFor();
      await page.getByRole('button', { name: /^Import [\d,]+ rows$/ }).click();
      await page.getByText(new RegExp(`Imported ${label}: [\\d,]+ added`)).waitFor();
    }
    await page.getByText('40 of 40 creators shown').waitFor();
    const lenaRow = await findCreator(page, 'peakpace_lena');
    assert.equal((await lenaRow.locator('td').first().innerText()), '40', 'ranked last, as in the demo');
    const lena = await openCreator(page, 'peakpace_lena');
    assert.match(await lena.innerText(), /Follower jump that engagement did not follow/);
    const crumb = await openCreator(page, 'crumb_theory');
    assert.match(await crumb.innerText(), /Follower jump that engagement followed/);
    const lotte = await openCreator(page, 'levain_lotte');
    assert.doesNotMatch(await lotte.innerText(), /Follower jump/);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('status, shortlist, checklist and explanations are kept; the scores export has every component', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Creators');
    let lena = await openCreator(page, 'peakpace_lena');
    await lena.getByRole('button', { name: 'Explain this flag' }).first().click();
    await lena.getByLabel('Explanation (empty removes it)').fill('Giveaway with a running-shoe brand in September');
    await lena.getByRole('button', { name: 'Save explanation' }).click();
    await lena.getByLabel('Reverse image search done').check();
    await lena.getByLabel('Audience screenshots received').check();
    await page.getByLabel('Status of peakpace_lena').selectOption('dropped');
    await page.getByLabel('Shortlist peakpace_lena').check();
    await app.waitSaved();
    await app.reload();
    await app.goto('Creators');
    const row = await findCreator(page, 'peakpace_lena');
    assert.equal(await page.getByLabel('Status of peakpace_lena').inputValue(), 'dropped');
    assert.ok(await page.getByLabel('Shortlist peakpace_lena').isChecked());
    assert.match(await row.innerText(), /2\/5/);
    lena = await openCreator(page, 'peakpace_lena');
    const text = await lena.innerText();
    assert.match(text, /Explained: Giveaway with a running-shoe brand in September/);
    assert.match(text, /Follower jump that engagement did not follow/, 'the flag itself stays visible');
    assert.ok(await lena.getByLabel('Reverse image search done').isChecked());
    assert.ok(await lena.getByLabel('Audience screenshots received').isChecked());
    assert.ok(!(await lena.getByLabel('Stats of past posts shared').isChecked()));

    // Filters by status and shortlist find her.
    await page.getByLabel('Search', { exact: true }).fill('');
    await page.getByLabel('Status', { exact: true }).selectOption('dropped');
    await page.getByLabel('Only shortlisted').check();
    await page.getByText('1 of 40 creators shown').waitFor();
    await page.getByLabel('Only shortlisted').uncheck();
    await page.getByLabel('Status', { exact: true }).selectOption('');

    const file = await app.download(page.getByRole('button', { name: 'Export scores (CSV)' }));
    const lines = fs.readFileSync(file, 'utf8').trim().split('\r\n');
    assert.equal(lines.length, 41, 'header and 40 creators');
    const header = lines[0].split(',');
    for (const column of ['rank', 'handle', 'score', 'score_low', 'score_high', 'mean_engagement_rate_low', 'engagement_score',
      'engagement_low', 'engagement_high', 'engagement_weight', 'comment_quality_score', 'follower_growth_score', 'audience_fit_weight', 'flags']) {
      assert.ok(header.includes(column), column);
    }
    assert.equal(header.length, 18 + 4 * 10);
    const last = lines[40];
    assert.match(last, /^40,peakpace_lena,instagram,micro,dropped,true,2,/);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('raw comments are analysed at import: pods reach the score, examples are shown, nothing raw is stored', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Creators');
    const before = await (await openCreator(page, 'levain_lotte')).innerText();
    assert.doesNotMatch(before, /comment pod/i);
    // Four accounts say only "nice pic" on each of five posts; two fans ask real questions.
    const lines = ['creator,post id,comment id,commenter,comment,is creator reply,parent comment'];
    for (let p = 1; p <= 5; p += 1) {
      for (const pod of ['podder_a', 'podder_b', 'podder_c', 'podder_d']) lines.push(`levain_lotte,lotte-p${p},${pod}-${p},${pod},nice pic,no,`);
      lines.push(`levain_lotte,lotte-p${p},fan-${p},baking_fan_ruth,"Which hydration did you use for this loaf, and how long was the bulk?",no,`);
      lines.push(`levain_lotte,lotte-p${p},reply-${p},levain_lotte,About 75% and five hours!,yes,fan-${p}`);
    }
    await page.getByLabel('Comments file (CSV)').setInputFiles({ name: 'comments.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    const report = page.getByTestId('comment-report');
    await report.waitFor();
    assert.match(await report.innerText(), /30 comments of 1 creator became 5 post summaries/);
    assert.match(await report.innerText(), /Which hydration did you use/);
    assert.match(await report.innerText(), /nice pic/);
    await app.waitSaved();
    const detail = await openCreator(page, 'levain_lotte');
    assert.match(await detail.innerText(), /4 pod accounts wrote 80% of comments/);
    assert.match(await detail.innerText(), /4 pod accounts, 1 advocates/);
    const stored = await page.evaluate(async () => {
      const names = await indexedDB.databases();
      const out = [];
      for (const { name } of names) {
        const db = await new Promise((resolve, reject) => { const r = indexedDB.open(name); r.onsuccess = () => resolve(r.result); r.onerror = reject; });
        for (const store of db.objectStoreNames) {
          const all = await new Promise((resolve) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => resolve(r.result); });
          out.push(JSON.stringify(all));
        }
        db.close();
      }
      return out.join('\n');
    });
    assert.ok(stored.includes('lotte-p3'), 'summaries are stored');
    assert.ok(!stored.includes('baking_fan_ruth') && !stored.includes('hydration') && !stored.includes('podder_a'), 'no handles or text stored');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('audit settings are edited, saved with the workspace and reset', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Creators');
    await page.locator('#settings-heading').click();
    await page.getByLabel('Persona countries').fill('GB, IE');
    await page.getByLabel('Persona countries').press('Tab');
    await page.getByLabel('Audience fit', { exact: true }).fill('40');
    await page.getByLabel('Audience fit', { exact: true }).press('Tab');
    await page.getByLabel('Recent posts used (N)').fill('6');
    await page.getByLabel('Recent posts used (N)').press('Tab');
    await page.getByText('These weights are edited.').waitFor();
    await app.waitSaved();
    await app.reload();
    await app.goto('Creators');
    await page.locator('#settings-heading').click();
    assert.equal(await page.getByLabel('Persona countries').inputValue(), 'GB, IE');
    assert.equal(await page.getByLabel('Audience fit', { exact: true }).inputValue(), '40');
    assert.equal(await page.getByLabel('Recent posts used (N)').inputValue(), '6');
    const detail = await openCreator(page, 'flour_and_fern');
    const text = await detail.innerText();
    assert.match(text, /Audience fit\s+\d+\s+—\s+\d+(\.\d)?%\s+\d+(\.\d)?% of the audience in the target countries/, 'audience fit enters the score');
    assert.match(text, /Rates use the 6 most recent of \d+ posts/);
    await page.getByRole('button', { name: 'Reset weights to preset' }).click();
    assert.equal(await page.getByLabel('Audience fit', { exact: true }).inputValue(), '5');
    await page.getByRole('button', { name: 'Use HypeAuditor 2026 (Instagram)' }).click();
    assert.equal(await page.getByLabel('nano rate (%)').inputValue(), '1.78');
    assert.equal(await page.getByLabel('mid rate (%)').inputValue(), '0');
    await page.getByRole('button', { name: 'Reset all audit settings' }).click();
    assert.equal(await page.getByLabel('Persona countries').inputValue(), '');
    assert.equal(await page.getByLabel('nano rate (%)').inputValue(), '4.8');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('the method page states the formulas and benchmark sources', async () => {
  const app = await openApp({ viewport: { width: 390, height: 844 } });
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Creators');
    await page.locator('#method-heading').click();
    const method = page.locator('section.method');
    await method.getByRole('heading', { name: 'Composite score' }).waitFor();
    assert.match(await method.innerText(), /100 r\^1\.5 \/ \(1 \+ r\^1\.5\)/);
    assert.match(await method.innerText(), /interpolated linearly on log\s+followers/);
    assert.match(await method.innerText(), /HypeAuditor/);
    await screenshot(app, 'creators-narrow');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
