// The demo pilot's holdout test is analysed on load: verdict, lift with its interval,
// p-values, the Bayesian view and a forest plot; changing the data changes the verdict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, loadDemo } from './harness.mjs';

test('the demo pilot shows an honest verdict with effect size and interval', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Uplift tests');
    const card = page.getByTestId('test-analysis');
    await card.waitFor();
    assert.match(await card.locator('h2').innerText(), /Spring pilot 2026 regional holdout/);
    const verdict = await card.getByRole('status').innerText();
    // Reference values (statsmodels): lift 0.200045, z-test p = 0.000790.
    assert.match(verdict, /^Verdict: Scale\. Pilot regions converts \+20% relative to control \(95% interval \+\d+(\.\d)?% to \+\d+(\.\d)?%, p < 0\.001\)/);
    const row = await card.getByTestId('comparisons').locator('tbody tr').innerText();
    assert.match(row, /Pilot regions\t\+20% \(/);
    assert.match(row, /\+0\.25 pp \(\+0\.11 pp to \+0\.40 pp\)/, 'Newcombe interval 0.001057 to 0.004027');
    // Test used, p-value, Holm and Benjamini-Hochberg (equal with one treatment), chance to win.
    assert.match(row, /\tz-test\t< 0\.001\t< 0\.001\t< 0\.001\t> 99\.9%\t/);
    const plot = await card.getByRole('img').getAttribute('aria-label');
    assert.match(plot, /Pilot regions: lift \+20%/);
    await card.getByText('What these numbers mean').click();
    assert.match(await card.locator('details').innerText(), /Chance to beat control/);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('a test without a control arm is explained, not analysed', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.getByLabel('New workspace name').fill('Arms only');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Opened “Arms only”').waitFor();
    await app.goto('Uplift tests');
    await page.getByText('No test results yet.').waitFor();
    const card = page.locator('section.table-card', { has: page.getByRole('heading', { name: 'Test arms', exact: true }) });
    await card.getByRole('button', { name: 'Import CSV' }).click();
    await card.locator('input[type=file]').setInputFiles({
      name: 'arms.csv', mimeType: 'text/csv',
      buffer: Buffer.from('test,arm,is_control,units,conversions\nEmail A/B,Variant A,no,1000,40\nEmail A/B,Variant B,no,1000,55\n'),
    });
    await page.getByRole('button', { name: 'Import 2 rows' }).click();
    await page.getByText('Cannot analyse this test: “Email A/B” has no control arm: mark one arm as the control.').waitFor();
  } finally {
    await app.close();
  }
});
