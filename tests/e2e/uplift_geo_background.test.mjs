// The regional test's statistics run in a background worker: while a large panel (50 regions
// x 730 days) is analysed the page shows that it is working and still answers the user (a
// section opens; clearing the test name disables the file field, which the app's own code
// does), then shows the result; a quick change of estimator
// and back ends on the result of the last choice, never a late reply for the earlier one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './harness.mjs';
import { isoDay, regionalCsv } from './large_files.mjs';

const REGIONS = 50;
const DAYS = 730;
const LAUNCH_DAY = 640;


test('the page answers while a large regional test is analysed in the background', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.getByLabel('New workspace name').fill('Geo background');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Opened “Geo background”').waitFor();
    await app.goto('Uplift tests');
    const card = page.getByTestId('geo-tests');
    await card.getByLabel('Test name').fill('Large');
    await card.getByLabel('Regional series CSV').setInputFiles({ name: 'regions.csv', mimeType: 'text/csv', buffer: regionalCsv(REGIONS, DAYS) });
    await page.getByText(`Imported “Large”: ${REGIONS} regions over ${DAYS} dates (Orders).`).waitFor({ timeout: 120_000 });
    const geo = page.getByTestId('geo-test');
    await geo.getByLabel('Region 00').check();

    // In one go inside the page: set the launch date, then, while the status says the
    // analysis runs, open the method note and clear the test name field.
    const during = await page.evaluate(async (date) => {
      const input = document.querySelector('[data-testid=geo-test] input[type=date]');
      input.value = date;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      const status = document.querySelector('[data-testid=geo-analysing]');
      const note = [...document.querySelectorAll('[data-testid=geo-tests] details')][0];
      note.querySelector('summary').click();
      const name = document.getElementById('geo-test-name');
      name.value = '';
      name.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      return {
        status: status?.textContent ?? null,
        role: status?.getAttribute('role') ?? null,
        noteOpen: note.open,
        fileDisabled: document.getElementById('geo-file').disabled,
        stillAnalysing: document.querySelector('[data-testid=geo-analysing]') !== null,
        liftShown: document.querySelector('[data-testid=geo-lift]') !== null,
      };
    }, isoDay(LAUNCH_DAY));
    assert.deepEqual(during, {
      status: `Analysing ${REGIONS} regions × ${DAYS} dates in the background…`,
      role: 'status',
      noteOpen: true,
      fileDisabled: true,
      stillAnalysing: true,
      liftShown: false,
    });
    await page.getByTestId('geo-lift').waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId('geo-lift').innerText(), /^Lift after launch: .* over 90 dates, .*placebo p = .* \(rank \d+ of 50 regions/);
    assert.equal(await page.getByTestId('geo-analysing').count(), 0);

    // Augmented and straight back: only the synthetic control's result may show.
    await page.evaluate(() => {
      const select = document.querySelector('[data-testid=geo-test] select');
      for (const value of ['augmented', 'synthetic']) {
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
    await page.getByTestId('geo-estimator').waitFor({ timeout: 60_000 });
    // Long enough for the augmented analysis to have answered too (it takes well under this).
    await page.waitForTimeout(3000);
    assert.match(await page.getByTestId('geo-estimator').innerText(), /^Estimator: synthetic control;/);
    assert.equal(await geo.getByLabel('Estimator').inputValue(), 'synthetic');

    // The power simulation and the ranking answer from the worker as well.
    await page.getByText('Smallest detectable lift for a test length').click();
    await geo.getByLabel('Test length (dates)').fill('90');
    await geo.getByRole('button', { name: 'Estimate' }).click();
    await page.getByTestId('geo-power').waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId('geo-power').innerText(), /90 dates/);
    await page.getByText('Which regions to treat: best pre-period fits').click();
    await geo.getByRole('button', { name: 'Rank regions' }).click();
    await page.getByTestId('geo-candidates').waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('geo-candidates').locator('tbody tr').count(), 5);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
