// A regional holdout test read with a synthetic control: a long regional series is imported,
// the treated region and launch date picked, and the weights, the gap chart and the lift are
// shown, and still there after a reload. A bad row is refused with its line and column. The
// augmented (ridge) estimator is chosen with a stated penalty and survives a reload; the
// planner ranks the regions the others reproduce best.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from './harness.mjs';

const DONORS = ['Leeds', 'York', 'Hull', 'Derby', 'Bath', 'Exeter', 'Truro'];
const WEEKS = 30;
const LAUNCH_WEEK = 24;

function weekDate(week) {
  const date = new Date(Date.UTC(2026, 0, 5 + 7 * week));
  return date.toISOString().slice(0, 10);
}

/** Donor k in week t: affinely independent shapes (so the weights are unique), multiples
 * of 5 so the treated mix is whole. */
function donorOrders(k, t) {
  return 5 * (40 + 6 * k + ((t * (k + 2)) % 7) + ((t * t + k * t) % 5) + ((t * (k + 1)) % 4));
}

function regionalCsv() {
  // Bristol = 0.6 Leeds + 0.4 York exactly, plus 20 orders a week from launch on.
  const rows = ['"Region","Week","Orders"'];
  for (let t = 0; t < WEEKS; t += 1) {
    const leeds = donorOrders(0, t);
    const york = donorOrders(1, t);
    const bristol = (3 * leeds + 2 * york) / 5 + (t >= LAUNCH_WEEK ? 20 : 0);
    rows.push(`"Bristol","${weekDate(t)}","${bristol}"`);
    DONORS.forEach((name, k) => rows.push(`"${name}","${weekDate(t)}","${donorOrders(k, t)}"`));
  }
  return Buffer.from(`${rows.join('\n')}\n`);
}

async function expectResult(page) {
  const weights = page.getByTestId('geo-weights');
  await weights.waitFor();
  const rows = await weights.locator('tbody tr').allInnerTexts();
  assert.deepEqual(rows, ['Leeds\t60%', 'York\t40%']);
  assert.equal(await page.getByTestId('geo-gap-chart').locator('svg path.line').count(), 1);
  assert.match(await page.getByTestId('geo-gap-chart').locator('svg').getAttribute('aria-label'), /^Gap: treated minus synthetic/);
  const lift = await page.getByTestId('geo-lift').innerText();
  // 6 post weeks x 20 orders; a perfect pre-fit ranks first of 8 regions: p = 1/8.
  assert.match(lift, /^Lift after launch: \+120\.0 Orders in total over 6 dates, \+20\.0 per date \(\+[\d.]+% against the synthetic control\); placebo p = 0\.125 \(rank 1 of 8 regions/);
  assert.match(await page.getByTestId('geo-fit').innerText(), /^Pre-period fit over 24 dates: RMSPE 0\.00 \(< 0\.1% of the treated level\); after launch RMSPE 20\.00, ratio over 1,000,000/);
  assert.equal(await page.getByTestId('geo-poor-fit').count(), 0);
  assert.match(await page.getByTestId('geo-verdict').innerText(), /^Keep running: .*smallest possible p is 0\.125/);
}

async function expectAugmented(page) {
  const estimator = page.getByTestId('geo-estimator');
  await estimator.getByText('Estimator: augmented (ridge), ridge penalty 0.50 × λmax (as set)').waitFor();
  assert.match(await estimator.innerText(), /; pre-period RMSPE 0\.00 with the synthetic control, 0\.00 with the augmented \(ridge\) one\. Weights may be negative; the placebo test uses the same estimator and penalty\.$/);
  const rows = await page.getByTestId('geo-weights').locator('tbody tr').allInnerTexts();
  assert.deepEqual(rows, ['Leeds\t+60%', 'York\t+40%']);
  assert.match(await page.getByTestId('geo-lift').innerText(), /^Lift after launch: \+120\.0 Orders in total over 6 dates, \+20\.0 per date .*placebo p = 0\.125 \(rank 1 of 8 regions/);
}

test('a regional series is analysed with a synthetic control and kept after a reload', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.getByLabel('New workspace name').fill('Geo test');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Opened “Geo test”').waitFor();
    await app.goto('Uplift tests');
    const card = page.getByTestId('geo-tests');
    await card.getByLabel('Test name').fill('Spring regions');

    await card.getByLabel('Regional series CSV').setInputFiles({
      name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('Region,Week,Orders\nBristol,2026-01-05,12\nLeeds,2026-01-05,twelve\n'),
    });
    await page.getByText('line 3, column “Orders”: `twelve` is not a number').first().waitFor();
    assert.equal(await page.getByTestId('geo-test').count(), 0, 'nothing stored from a bad file');

    await card.getByLabel('Regional series CSV').setInputFiles({ name: 'regions.csv', mimeType: 'text/csv', buffer: regionalCsv() });
    await page.getByText('Imported “Spring regions”: 8 regions over 30 dates (Orders).').waitFor();
    const geo = page.getByTestId('geo-test');
    await geo.getByText('Tick the treated regions and set the launch date').waitFor();
    await geo.getByLabel('Bristol').check();
    await geo.getByLabel('Launch date (first date of the campaign)').fill(weekDate(LAUNCH_WEEK));
    await expectResult(page);
    // 7 held-back regions: p cannot go below 1/8, so no lift is detectable at 0.05.
    await page.getByText('Smallest detectable lift for a test length').click();
    await page.getByRole('button', { name: 'Estimate' }).click();
    assert.equal(await page.getByTestId('geo-power').innerText(), 'No lift up to +50% reaches 80% power with 6 dates at significance 0.050.');

    // Bristol is an exact mix of Leeds and York before launch: the best candidate to treat.
    await page.getByText('Which regions to treat: best pre-period fits').click();
    await page.getByRole('button', { name: 'Rank regions' }).click();
    await page.getByTestId('geo-candidates').waitFor();
    const candidates = await page.getByTestId('geo-candidates').locator('tbody tr').allInnerTexts();
    assert.equal(candidates.length, 5);
    assert.match(candidates[0], /^Bristol\t0\.00\t/);
    assert.match(await page.getByTestId('geo-estimator').innerText(), /^Estimator: synthetic control; pre-period RMSPE 0\.00 with the synthetic control, 0\.00 with the augmented \(ridge\) one \(ridge penalty .+ × λmax \(chosen by leave-one-date-out cross-validation over 23 dates\)\)\.$/);

    await app.waitSaved();
    await app.reload();
    await app.goto('Uplift tests');
    await expectResult(page);

    // The augmented estimator with a stated penalty: a perfect fit leaves nothing to correct.
    await geo.getByLabel('Estimator').selectOption('augmented');
    await geo.getByLabel('Ridge penalty (share of λmax; blank: cross-validated)').fill('0.5');
    await geo.getByLabel('Ridge penalty (share of λmax; blank: cross-validated)').press('Tab');
    await expectAugmented(page);
    await app.waitSaved();
    await app.reload();
    await app.goto('Uplift tests');
    await expectAugmented(page);
    assert.equal(await page.getByTestId('geo-test').getByLabel('Estimator').inputValue(), 'augmented');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
