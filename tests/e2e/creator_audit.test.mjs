// The demo's creators are ranked by a transparent audit: the planted bought-follower spike
// is a warning with evidence, the viral spike is explainable, a clean creator has no flag.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, loadDemo } from './harness.mjs';

/** Pages through the ranking from the first page until `handle` is listed; opens its details. */
async function openCreator(page, handle) {
  const ranking = page.getByTestId('audit-ranking');
  const previous = page.getByRole('button', { name: 'Previous' }).first();
  while (!(await previous.isDisabled())) await previous.click();
  const row = ranking.locator(':scope > li', { hasText: `. ${handle} ·` });
  while ((await row.count()) === 0) await page.getByRole('button', { name: 'Next' }).first().click();
  await row.locator('summary').click();
  return row;
}

test('ranks the demo creators and explains the planted anomalies', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Creators');
    const ranking = page.getByTestId('audit-ranking');
    await ranking.locator('li').first().waitFor();
    assert.equal(await ranking.locator(':scope > li').count(), 20, 'first page of the ranking');

    const lena = await openCreator(page, 'peakpace_lena');
    assert.match(await lena.locator('summary').innerText(), /^40\. peakpace_lena · micro · score \d+ \(\d+–\d+\) · median ER [\d.]+% · \d+ warning/, 'ranked last');
    assert.match(await lena.innerText(), /Follower jump that engagement did not follow/);
    assert.match(await lena.innerText(), /Followers jumped by 18,000/);

    const crumb = await openCreator(page, 'crumb_theory');
    assert.match(await crumb.innerText(), /Follower jump that engagement followed \(may have an innocent explanation\)/);

    const lotte = await openCreator(page, 'levain_lotte');
    assert.doesNotMatch(await lotte.innerText(), /Follower jump/, 'a clean creator is not flagged');

    // The objective's weights change the scores.
    const previous = page.getByRole('button', { name: 'Previous' }).first();
    while (!(await previous.isDisabled())) await previous.click();
    const first = await ranking.locator('summary').first().innerText();
    await page.getByLabel('Weights for objective').selectOption('conversion');
    await page.waitForFunction((text) => document.querySelector('[data-testid=audit-ranking] summary')?.innerText !== text, first);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('a flag can be explained, and the explanation is kept beside it', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Creators');
    let lena = await openCreator(page, 'peakpace_lena');
    await lena.getByRole('button', { name: 'Explain this flag' }).first().click();
    await lena.getByLabel('Explanation (empty removes it)').fill('Giveaway with a running-shoe brand in September');
    await lena.getByRole('button', { name: 'Save explanation' }).click();
    await app.waitSaved();
    await app.reload();
    await app.goto('Creators');
    lena = await openCreator(page, 'peakpace_lena');
    const text = await lena.innerText();
    assert.match(text, /Explained: Giveaway with a running-shoe brand in September/);
    assert.match(text, /Follower jump that engagement did not follow/, 'the flag itself stays visible');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
