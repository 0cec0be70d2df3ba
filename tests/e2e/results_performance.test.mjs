// The Results section's Performance and EMV cards on the demo pilot: grouping, sorting by a
// column, the CSV download, editing an EMV rate and finding the edit after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openApp, loadDemo, screenshot } from './harness.mjs';

test('performance groups, sorts and downloads; an edited EMV rate survives a reload', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Results');
    await page.getByRole('navigation', { name: 'Results views' }).getByRole('link', { name: 'Performance' }).click();
    // The view opens with its conclusion: the best creator and the programme's cost per order.
    assert.match(await page.getByTestId('results-conclusion').innerText(),
      /^banneton_bea does best: 35 orders for €746, 4\.69 per €100.*; the programme as a whole €30\.37 per order\.$/);
    const table = page.getByTestId('performance-table');
    await table.waitFor();
    // Eight pilot creators and the All row over their 16 results.
    assert.equal(await table.locator('tbody tr').count(), 9);
    assert.match(await table.locator('tbody tr').last().innerText(), /^All results\s+16\b/);

    // Group by community: the demo's two communities, each with four pilot creators' results.
    await page.getByLabel('Group by').selectOption('community');
    await table.getByRole('rowheader', { name: 'Trail running' }).waitFor();
    assert.equal(await table.locator('tbody tr').count(), 3);
    assert.match(await page.locator('.results-performance').innerText(), /A creator in two communities counts in both/);

    // Sort by cost per order: the heading button toggles, aria-sort says which way.
    await page.getByLabel('Group by').selectOption('creator');
    const cpa = table.getByRole('columnheader', { name: /^CPA/ });
    await cpa.getByRole('button').click();
    assert.equal(await cpa.getAttribute('aria-sort'), 'ascending');
    const firstCpa = async () => Number((await table.locator('tbody tr').first().locator('td').nth(1).locator('.metric-value').innerText()).replace(/[^\d.]/g, ''));
    const lowest = await firstCpa();
    await cpa.getByRole('button').press('Enter');
    assert.equal(await cpa.getAttribute('aria-sort'), 'descending');
    assert.ok((await firstCpa()) > lowest, 'descending puts the highest cost per order first');
    // Every figure explains itself on hover or focus.
    assert.match(await table.locator('tbody tr').first().locator('td').nth(1).getAttribute('title'),
      /^CPA: €[0-9.,]+\. 95% interval .* based on 2 of 2 rows\. Formula: cost \/ orders/);

    const csv = fs.readFileSync(await app.download(page.getByRole('button', { name: 'Download CSV' })), 'utf8');
    assert.match(csv.split('\r\n')[0], /^group,rows,er_reach \(fraction\),er_reach_low,er_reach_high,er_reach_rows_used,er_reach_note,/);
    assert.equal(csv.trim().split('\r\n').length, 10);

    // Charts: cost per order with intervals and the funnel.
    assert.match(await page.getByRole('img', { name: /^Cost per order by creator\. Lowest/ }).getAttribute('aria-label'), /Poisson/);
    assert.match(await page.getByRole('img', { name: /^Funnel: reach to link clicks to orders\./ }).getAttribute('aria-label'), /Link clicks [\d,]+ \(\d/);

    // EMV: demo counts x the conservative per-action preset, low €1,527.28.
    const range = page.getByTestId('emv-range');
    assert.match(await range.innerText(), /€1,527\.28 – €6,205\.90/);
    assert.match(await page.locator('.results-emv').innerText(), /EMV is not revenue and is not in ROI or ROAS/);
    const likeLow = page.getByLabel('Low value per like (EUR)');
    await likeLow.fill('0.02');
    await likeLow.press('Tab');
    // 14,893 likes x 0.01 more = +148.93: €1,676.21.
    await page.getByText(/€1,676\.21 – €6,205\.90/).first().waitFor();
    await app.waitSaved();
    await screenshot(app, 'results-performance-1280');
    await app.reload();
    // The reload reopens the Performance view, which the URL names.
    assert.match(page.url(), /#\/results\/performance$/);
    assert.equal(await page.getByLabel('Low value per like (EUR)').inputValue(), '0.02');
    assert.match(await page.getByTestId('emv-range').innerText(), /€1,676\.21 – €6,205\.90/);
    assert.match(await page.locator('.results-emv').innerText(), /Edited from “Per action \(conservative\)”/);
    // Switching preset replaces the rates.
    await page.getByLabel('Rate preset').selectOption('CPM based');
    await page.getByLabel('Low value per 1,000 impressions (EUR)').waitFor();
    // At phone width the cards fit; only the tables scroll sideways inside their frame.
    await page.setViewportSize({ width: 390, height: 900 });
    for (const card of ['.results-performance', '.results-emv']) {
      const overflow = await page.locator(card).evaluate((el) => el.scrollWidth - el.clientWidth);
      assert.ok(overflow <= 0, `${card} fits at 390 px (overflow ${overflow}px)`);
    }
    await screenshot(app, 'results-performance-390');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
