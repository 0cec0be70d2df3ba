// Planning and pre-registering a test, entering its results and reading the verdict; the
// demo pilot's sequential chart, difference in differences and frozen pre-registration;
// a frozen plan is read-only and changes only by an amendment kept as a new version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, loadDemo, screenshot } from './harness.mjs';

test('the demo pilot shows its daily monitoring, difference in differences and frozen plan', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Uplift tests');
    const sequential = page.getByTestId('sequential');
    await sequential.waitFor();
    assert.match(await sequential.getByRole('img').getAttribute('aria-label'), /^Running difference in conversion rate\. /);
    assert.match(await sequential.getByTestId('sequential-summary').innerText(),
      // The last look alone gives +0.024 to +0.484 pp (eq. 9 with n* = 96,000); the running
      // intersection of all looks keeps the higher lower end of an earlier day.
      /^After 96,195 units the difference is \+0\.25 pp \(always-valid interval \+0\.03 pp to \+0\.48 pp\); the interval has excluded zero since 7 May 2026/);
    const did = await page.getByTestId('did-result').innerText();
    assert.match(did, /^Estimated incremental effect: [+-]\d\.\d{2} pp on the daily conversion rate \(95% interval .*, p (=|<) /);
    assert.match(await page.getByTestId('did').innerText(), /Pre-trend check: slopes differ by/);
    const plan = page.getByTestId('prereg').filter({ hasText: 'Spring pilot 2026 regional holdout' });
    assert.match(await plan.getByRole('status').innerText(), /Frozen on 13 Apr 2026 09:00 UTC/);
    assert.match(await plan.getByTestId('prereg-history').innerText(), /21 Apr 2026 10:05 UTC\tPrimary metric\tOrders per visitor\t/);
    // The analysis uses the pre-registered split and threshold.
    const analysis = page.getByTestId('test-analysis');
    assert.match(await analysis.getByTestId('srm').innerText(), /against the pre-registered split 50 : 50/);
    assert.match(await analysis.getByRole('status').innerText(), /It clears the 10% lift set in the pre-registration/);
    // The demo plan was edited after launch before versions were kept: that is flagged too.
    assert.equal(await analysis.getByTestId('prereg-version').innerText(),
      'Amended after launch. Analysed with version 1 of the pre-registration, frozen at launch on 13 Apr 2026 09:00 UTC. 1 earlier edit after launch is listed in its history.');
    await screenshot(app, 'uplift-demo-1280');
    await page.setViewportSize({ width: 390, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 390 px (overflow ${overflow}px)`);
    await screenshot(app, 'uplift-demo-390');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('plan a test, pre-register and freeze it, enter results, see the verdict, reload', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.getByLabel('New workspace name').fill('Email test');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Opened “Email test”').waitFor();
    await app.goto('Uplift tests');

    // Plan: 5% -> 6% (relative +20%), alpha 5%, power 80%, two-sided, 50/50.
    await page.getByLabel('Baseline conversion rate (%)').fill('5');
    await page.getByLabel('Effect to detect').fill('20');
    const result = page.getByTestId('plan-result');
    // statsmodels NormalIndPower().solve_power(proportion_effectsize(0.06, 0.05), power=0.8) = 8,142.6.
    await result.getByText('16,286 units in total: 8,143 in control and 8,143 in treatment.').waitFor();
    assert.match(await result.innerText(), /Formula used: Cohen's h/);
    await page.getByText('Other formulas give slightly different sizes').click();
    assert.match(await page.getByTestId('plan-formulas').innerText(), /Pooled \(Fleiss\)\t8,158\t8,158\t16,316/);
    assert.match(await page.getByRole('img', { name: /^Power curve/ }).getAttribute('aria-label'), /16,286 units reach 80%/);
    await page.getByLabel('Days the test runs').fill('28');
    assert.match(await page.getByTestId('mde-result').innerText(), /Cohen's h \(used\): \+\d+(\.\d)?% relative \(\+\d\.\d\d pp\)/);
    // An impossible plan is explained, not computed.
    await page.getByLabel('Effect to detect').fill('3000');
    await page.getByText(/Cannot plan yet: the baseline plus the effect gives a conversion rate of 155%/).waitFor();
    await page.getByLabel('Effect to detect').fill('20');
    assert.match(await page.getByTestId('seeding-result').innerText(), /^\d+ creators: at least 5 post with probability/);

    // A draft made by mistake can be deleted; frozen records cannot.
    await page.getByLabel('Test name (as in the test arms)').fill('Typo tset');
    await page.getByRole('button', { name: 'Draft a pre-registration' }).click();
    const typo = page.getByTestId('prereg').filter({ hasText: 'Typo tset' });
    await typo.getByRole('button', { name: 'Delete draft' }).click();
    await page.getByText('Deleted the draft of “Typo tset”.').waitFor();
    assert.equal(await typo.count(), 0);

    // Pre-register and freeze.
    await page.getByLabel('Test name (as in the test arms)').fill('Email A/B');
    await page.getByRole('button', { name: 'Draft a pre-registration' }).click();
    const plan = page.getByTestId('prereg').filter({ hasText: 'Email A/B' });
    await plan.getByLabel('Hypothesis').fill('The creator email lifts sign-ups by 20%.');
    await plan.getByLabel('Hypothesis').press('Tab');
    await plan.getByLabel('Arms and planned split').fill('Control (control): 50\nCreator email: 50');
    await plan.getByLabel('Arms and planned split').press('Tab');
    await plan.getByLabel('Planned sample size (all arms)').fill('16286');
    await plan.getByLabel('Planned sample size (all arms)').press('Tab');
    await plan.getByRole('button', { name: 'Start the test and freeze' }).click();
    await plan.getByText(/^Frozen on \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d UTC/).waitFor();
    assert.equal(await plan.getByRole('button', { name: 'Delete draft' }).count(), 0);
    // Frozen means read-only; a change is an amendment with a reason, kept as version 2.
    assert.equal(await plan.getByLabel('Smallest lift worth acting on (%)').isEditable(), false);
    assert.equal(await plan.getByLabel('Hypothesis').isEditable(), false);
    await plan.getByRole('button', { name: 'Amend as new version' }).click();
    const amendment = plan.getByTestId('prereg-amend');
    assert.equal(await amendment.getByLabel('Smallest lift worth acting on (%)').inputValue(), '10');
    await amendment.getByLabel('Smallest lift worth acting on (%)').fill('25');
    await amendment.getByLabel('Reason for the amendment (required)').fill('Finance needs +25% to fund the roll-out');
    await amendment.getByRole('button', { name: 'Save as version 2' }).click();
    await page.getByText('Saved the amendment as version 2; the version frozen at launch is kept.').waitFor();
    assert.equal(await plan.getByLabel('Smallest lift worth acting on (%)').inputValue(), '25');
    assert.match(await plan.getByRole('status').innerText(), /Version 2 is in force: amended after launch on \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d UTC/);
    const versions = await plan.getByTestId('prereg-versions').innerText();
    assert.match(versions, /\n1\t\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d UTC\t\tFrozen at launch\n/);
    assert.match(versions, /\n2\t\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d UTC\tFinance needs \+25% to fund the roll-out\tSmallest lift worth acting on \(%\): 10 → 25/);
    assert.equal(await plan.getByTestId('prereg-history').count(), 0);

    // Results: 407 of 8,143 against 489 of 8,143 (+20.1%), below the 25% now required.
    const arms = page.locator('section.table-card', { has: page.getByRole('heading', { name: 'Test arms', exact: true }) });
    await arms.getByRole('button', { name: 'Import CSV' }).click();
    await arms.locator('input[type=file]').setInputFiles({
      name: 'arms.csv', mimeType: 'text/csv',
      buffer: Buffer.from('test,arm,is_control,units,conversions\nEmail A/B,Control,yes,8143,407\nEmail A/B,Creator email,no,8143,489\n'),
    });
    await page.getByRole('button', { name: 'Import 2 rows' }).click();
    const analysis = page.getByTestId('test-analysis');
    await analysis.waitFor();
    const verdict = await analysis.getByRole('status').innerText();
    assert.match(verdict, /^Verdict: Optimise\. Creator email converts \+20\.1% relative to control \(95% interval \+\d+(\.\d)?% to \+\d+(\.\d)?%, p = 0\.00\d\)\. The lift is real but below the 25%/);
    // The analysis names the version it used and flags the amendment after launch.
    const amendedNote = /^Amended after launch\. Analysed with version 2 of the pre-registration, amended after launch on \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d UTC \(reason: Finance needs \+25% to fund the roll-out\)\. Changed since version 1, frozen at launch on \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d UTC: Smallest lift worth acting on \(%\)\.$/;
    assert.match(await analysis.getByTestId('prereg-version').innerText(), amendedNote);
    await app.waitSaved();

    await app.reload();
    await app.goto('Uplift tests');
    const reloaded = page.getByTestId('prereg').filter({ hasText: 'Email A/B' });
    await reloaded.getByText(/^Frozen on \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d UTC/).waitFor();
    // Both versions survive the reload; the form is still read-only.
    const reloadedVersions = await reloaded.getByTestId('prereg-versions').innerText();
    assert.match(reloadedVersions, /\n1\t[^\n]*\tFrozen at launch\n2\t[^\n]*\tFinance needs \+25% to fund the roll-out\tSmallest lift worth acting on \(%\): 10 → 25/);
    assert.equal(await reloaded.getByLabel('Planned sample size (all arms)').inputValue(), '16286');
    assert.equal(await reloaded.getByLabel('Smallest lift worth acting on (%)').inputValue(), '25');
    assert.equal(await reloaded.getByLabel('Planned sample size (all arms)').isEditable(), false);
    assert.match(await page.getByTestId('test-analysis').getByTestId('prereg-version').innerText(), amendedNote);
    assert.match(await page.getByTestId('test-analysis').getByRole('status').innerText(), /^Verdict: Optimise\./);
    await screenshot(app, 'uplift-planned-1280');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('averages from per-user rows, a brand-lift survey and a test entered as a daily series', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.getByLabel('New workspace name').fill('Geo test');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Opened “Geo test”').waitFor();
    await app.goto('Uplift tests');

    // scipy.stats.ttest_ind(b, a, equal_var=False): p = 0.5539, difference 8.80.
    const rows = ['arm,revenue', ...[0, 0, 12.5, 0, 80, 0, 0, 0, 25, 0].map((v) => `Control,${v}`),
      ...[0, 30, 0, 0, 0, 45.5, 0, 120, 0, 10].map((v) => `Creator push,${v}`)].join('\n');
    await page.getByLabel('Or load per-user rows from a CSV (columns: arm, value)').setInputFiles({
      name: 'revenue.csv', mimeType: 'text/csv', buffer: Buffer.from(rows),
    });
    await page.getByText('Loaded 10 values for Control (control) and 10 for Creator push.').waitFor();
    const means = await page.getByTestId('means-result').innerText();
    assert.match(means, /^Treatment 20\.55 against control 11\.75: difference \+8\.80 \(95% Welch interval .*, p = 0\.554, 16 degrees of freedom\)\. Bootstrap \(2,000 resamples, fixed seed\)/);

    // statsmodels proportions_ztest([437, 372], [1180, 1200]) p = 0.00189; Newcombe (0.02228, 0.09818).
    assert.equal(await page.getByTestId('brand-result').innerText(),
      'Positive answers: exposed 37% against control 31%, a lift of +6.03 pp (95% interval +2.23 pp to +9.82 pp, pooled z-test p = 0.002). Relative lift +19.5% (95% interval +6% to +32.9%).');
    await page.getByLabel('Control positive answers').fill('1300');
    await page.getByText('Cannot compare yet: conversions (1300) cannot exceed visitors (1200) in the control group.').waitFor();

    // A test with only a daily series is analysed from its days and monitored day by day.
    const lines = ['test,arm,date,units,conversions'];
    for (let d = 1; d <= 14; d += 1) {
      const day = `2026-06-${String(d).padStart(2, '0')}`;
      lines.push(`Geo pilot,Holdout regions,${day},1000,${10 + (d % 3)}`);
      lines.push(`Geo pilot,Creator regions,${day},1000,${14 + (d % 4)}`);
    }
    const daily = page.locator('section.table-card', { has: page.getByRole('heading', { name: 'Test daily series', exact: true }) });
    await daily.getByRole('button', { name: 'Import CSV' }).click();
    await daily.locator('input[type=file]').setInputFiles({ name: 'daily.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await page.getByRole('button', { name: 'Import 28 rows' }).click();
    const analysis = page.getByTestId('test-analysis');
    await analysis.waitFor();
    assert.match(await analysis.locator('h2').innerText(), /Geo pilot/);
    assert.match(await analysis.getByRole('status').innerText(), /^Verdict: Scale\. Creator regions converts \+/);
    assert.match(await page.getByTestId('sequential-summary').innerText(), /^After 28,000 units the difference is/);
    await page.getByText('Set the launch date in the pre-registration to see the difference in differences').waitFor();
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
