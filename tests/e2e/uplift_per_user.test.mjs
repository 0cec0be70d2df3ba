// Per-user conversion rows (one row per person) become a test's arm totals and its analysis;
// a bad row is refused with its line and nothing is stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './harness.mjs';

function perUserCsv() {
  // Control: 200 people, 10 bought; creator code: 200 people, 25 bought.
  const rows = ['user_id,group,purchased'];
  for (let i = 0; i < 200; i += 1) rows.push(`c${i},Control,${i < 10 ? 1 : 0}`);
  for (let i = 0; i < 200; i += 1) rows.push(`t${i},Creator code,${i < 25 ? 'yes' : 'no'}`);
  return Buffer.from(`${rows.join('\n')}\n`);
}

test('per-user conversion rows are counted into arms and analysed', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.getByLabel('New workspace name').fill('Per-user test');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Opened “Per-user test”').waitFor();
    await app.goto('Uplift tests');
    const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Per-user conversion rows' }) });
    await card.getByLabel('Test name').fill('Code holdout');

    await card.getByLabel('Per-user CSV').setInputFiles({
      name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('arm,converted\nControl,1\nCreator code,maybe\n'),
    });
    await page.getByText('line 3: “maybe” in the converted column is not yes/no; write 1 or 0 for every user').waitFor();
    assert.equal(await page.getByText('No test results yet.').count(), 1, 'nothing stored from a bad file');

    await card.getByLabel('Per-user CSV').setInputFiles({ name: 'users.csv', mimeType: 'text/csv', buffer: perUserCsv() });
    await page.getByText('Imported the per-user rows: Control 10 of 200, Creator code 25 of 200.').waitFor();
    const analysis = page.getByTestId('test-analysis');
    await analysis.waitFor();
    assert.match(await analysis.locator('h2').innerText(), /Code holdout/);
    // statsmodels proportions_ztest([25, 10], [200, 200]): z = 2.654, p = 0.00795.
    const row = await analysis.getByTestId('comparisons').locator('tbody tr').innerText();
    assert.match(row, /^Creator code\t\+150% \(/);
    assert.match(row, /\t0\.008\t/);
    await app.waitSaved();
    await app.reload();
    await app.goto('Uplift tests');
    await page.getByTestId('test-analysis').waitFor();
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
