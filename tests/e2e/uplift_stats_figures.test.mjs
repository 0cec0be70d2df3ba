// The secondary statistics beside the main figures: the always-valid mSPRT p-value next to
// the confidence sequence, Student's t-test next to Welch's, and the note when Fisher's exact
// test has no information (nobody converted); Agresti-Coull beside Wilson and Evan Miller's
// sample size beside the planner's formulas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, loadDemo } from './harness.mjs';

test('the demo pilot shows the always-valid p-value with its tuning, editable', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Uplift tests');
    const card = page.getByTestId('msprt');
    await card.waitFor();
    // tau = 10% of the control's 612 / 48,210; the lowest 1 / Lambda over the looks is 0.0299.
    assert.equal(await card.getByTestId('msprt-summary').innerText(),
      'Always-valid p-value after 96,195 units: p = 0.030; it has been at or below 0.050 since 8 May 2026, so the difference holds even with daily looks.');
    assert.equal(await card.getByTestId('msprt-tau').innerText(),
      'Tuned for a difference of +0.13 pp (the pre-registered smallest lift +10% times the control\'s rate so far); the mixing variance τ² is its square.');
    await card.getByLabel('Difference to tune for (percentage points, blank = planned)').fill('0.3');
    await card.getByText('Tuned for a difference of +0.30 pp (as entered)').waitFor();
    await card.getByText('How it is computed').click();
    assert.match(await card.locator('details').innerText(), /Λ = √\(V \/ \(V \+ τ²\)\)/);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('Student beside Welch, Evan Miller beside the planner formulas, a Fisher note when nobody converted', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.getByLabel('New workspace name').fill('Zero test');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Opened “Zero test”').waitFor();
    await app.goto('Uplift tests');
    // scipy.stats.ttest_ind_from_stats(27.30, 66.5, 4150, 24.10, 61.0, 4200, equal_var=True):
    // t = 2.2918, p = 0.02194, df 8348, interval 0.4630 to 5.9370.
    assert.equal(await page.getByTestId('means-student').innerText(),
      'If asked for Student\'s t-test (assumes equal spread): t = 2.292, 8,348 degrees of freedom, p = 0.022, 95% interval +0.46 to +5.94. Welch\'s above is the one to report.');
    await page.getByText('Welch or Student: the formulas').click();
    await page.getByText('Why Welch is the default').waitFor();

    // Plan 5% -> 6%: Evan Miller's formula (baseline variance under no effect) gives
    // 7,663.0003 -> 7,664 per arm, beside the pooled formula's 8,158.
    await page.getByLabel('Baseline conversion rate (%)').fill('5');
    await page.getByLabel('Effect to detect').fill('20');
    await page.getByText('Other formulas give slightly different sizes').click();
    const formulas = await page.getByTestId('plan-formulas').innerText();
    assert.match(formulas, /Evan Miller's calculator\t7,664\t7,664\t15,328/);
    assert.match(formulas, /Evan Miller's online calculator: like the pooled formula but with the baseline's variance/);

    const arms = page.locator('section.table-card', { has: page.getByRole('heading', { name: 'Test arms', exact: true }) });
    await arms.getByRole('button', { name: 'Import CSV' }).click();
    await arms.locator('input[type=file]').setInputFiles({
      name: 'arms.csv', mimeType: 'text/csv',
      buffer: Buffer.from('test,arm,is_control,units,conversions\nLaunch week,Control,yes,40,0\nLaunch week,New page,no,40,0\n'),
    });
    await page.getByRole('button', { name: 'Import 2 rows' }).click();
    const analysis = page.getByTestId('test-analysis');
    await analysis.waitFor();
    // statsmodels proportion_confint(0, 40, method='agresti_coull') = (0, 0.10440).
    assert.match(await analysis.getByTestId('agresti-coull').innerText(),
      /^Agresti-Coull interval, as some calculators show: Control 0% – 10\.4%, New page 0% – 10\.4%\. Same centre as Wilson's/);
    assert.equal(await analysis.getByTestId('fisher-note').innerText(),
      'New page: Nobody converted in either arm, so Fisher\'s exact test has no information: p = 1 here means nothing, not "no effect".');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
