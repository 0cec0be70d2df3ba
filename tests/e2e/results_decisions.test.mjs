// The Results section's decision cards on the demo pilot: a pause that needs evidence, the
// budget proposal following an edited budget and an excluded creator, the CSV and report
// downloads, and the edits found again after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openApp, loadDemo, screenshot } from './harness.mjs';

test('thresholds, top performers and the next budget on the demo; edits survive a reload', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Results');
    const targets = page.locator('section', { has: page.getByRole('heading', { name: 'Targets and decisions' }) });
    await targets.waitFor();
    // Weekly orders 53, 48, 1 against a weekly baseline of 46: the last week breaches the
    // pause level (27.6) once, one of the three weeks the pivot rule asks for.
    const primary = targets.locator('.rd-metric').first();
    assert.match(await primary.innerText(), /34 per week on average: 102 over 3 weeks/);
    const pause = primary.locator('.rd-threshold', { hasText: 'Pause if' });
    assert.match(await pause.locator('.rd-state').innerText(), /^Breach: pause needs evidence$/);
    assert.match(await pause.innerText(), /In breach for 1 of the 3 periods in a row/);
    assert.match(await primary.locator('.rd-threshold', { hasText: 'Optimise if' }).innerText(), /Breach: optimise/);
    assert.match(await primary.locator('.rd-threshold', { hasText: 'Scale if' }).innerText(), /On track/);
    await page.getByRole('img', { name: /^Primary KPI against target\. 3 weeks with results; latest 1/ }).waitFor();
    // The lift metric is read from the regional holdout.
    assert.match(await targets.locator('.rd-metric').nth(2).innerText(), /relative lift 20%/);

    // Top performers and the proposal for the demo's €3,000.
    await page.getByRole('img', { name: /^Orders per €100 by creator\. Best: banneton_bea/ }).waitFor();
    const proposal = page.getByTestId('budget-proposal');
    assert.match(await proposal.locator('.rd-needs-evidence').innerText(), /^Needs evidence Not separated/);
    const rowOf = (handle) => proposal.locator('tbody tr', { has: page.getByRole('rowheader', { name: handle, exact: true }) });
    assert.match(await rowOf('banneton_bea').innerText(), /27\.7%\s+€830\.11/);
    assert.match(await proposal.locator('tfoot').innerText(), /€3,000/);

    // A bigger budget and one creator left out: the proposal follows.
    await page.locator('#rd-budget').fill('4000');
    await page.locator('#rd-budget').press('Tab');
    await proposal.locator('tfoot', { hasText: '€4,000' }).waitFor();
    // By keyboard: the checkbox keeps the focus while the proposal is recomputed.
    const include = page.locator('table.rd-ranking').first().getByLabel('Include muddy_miles_tom');
    await include.focus();
    await page.keyboard.press('Space');
    await rowOf('muddy_miles_tom').getByText('excluded', { exact: true }).waitFor();
    assert.equal(await include.evaluate((element) => element === document.activeElement), true);
    assert.match(await proposal.locator('tfoot').innerText(), /€4,000/);
    await app.waitSaved();

    const csv = fs.readFileSync(await app.download(page.getByRole('button', { name: 'Download proposal CSV' })), 'utf8');
    const lines = csv.trim().split('\r\n');
    assert.equal(lines[0], 'Creator,Share,Amount (EUR),Reasoning');
    assert.equal(lines.length, 9);
    const total = lines.slice(1).map((line) => Number(line.split(',')[2])).reduce((a, b) => a + b, 0);
    assert.equal(Math.round(total * 100), 400000);

    // The stakeholder report carries the same decisions.
    const report = page.locator('.rd-report .doc-page');
    assert.match(await report.innerText(), /Results report: Demo: Hearth & Trail/);
    assert.match(await report.innerText(), /Breach: pause needs evidence/);
    const markdown = fs.readFileSync(await app.download(page.locator('.rd-report').getByRole('button', { name: 'Download Markdown' })), 'utf8');
    assert.match(markdown, /## Proposed budget for the next period/);
    assert.match(markdown, /€4,000 split in proportion/);
    await screenshot(app, 'results-decisions-1280');

    await app.reload();
    await app.goto('Results');
    await page.getByTestId('budget-proposal').locator('tfoot', { hasText: '€4,000' }).waitFor();
    assert.equal(await page.locator('#rd-budget').inputValue(), '4000');
    assert.equal(await page.locator('table.rd-ranking').first().getByLabel('Include muddy_miles_tom').isChecked(), false);

    // Measuring the primary KPI by code redemptions instead: 64 over 3 weeks, and the
    // select keeps the focus.
    const source = page.getByLabel('Measured by').first();
    await source.selectOption('result:code_redemptions');
    await page.locator('.rd-metric').first().getByText('Chosen by you.').waitFor();
    assert.match(await page.locator('.rd-metric').first().innerText(), /64 over 3 weeks/);
    await page.waitForFunction(() => document.activeElement?.id === 'rd-source-0');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('the decision cards fit a phone screen', async () => {
  const app = await openApp({ viewport: { width: 390, height: 844 } });
  try {
    await loadDemo(app);
    await app.goto('Results');
    await app.page.getByTestId('budget-proposal').waitFor();
    const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px`);
    await screenshot(app, 'results-decisions-390');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
