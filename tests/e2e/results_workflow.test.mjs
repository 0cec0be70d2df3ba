// The Results workflow end to end on the demo's finished pilot: a platform results export
// and a Shopify orders export are imported through the page; the per-creator performance
// table, the attribution range, the primary KPI's one status and the budget proposal show
// them, each in its Results view, and all of it is there again after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, loadDemo, fixture } from './harness.mjs';

async function openView(page, label) {
  await page.getByRole('navigation', { name: 'Results views' }).getByRole('link', { name: label, exact: true }).click();
  await page.waitForFunction((name) => document.querySelector('.results-tabs [aria-current="page"]')?.textContent.trim() === name, label);
}

function card(page, label) {
  return page.locator('section.table-card', { has: page.getByRole('heading', { name: label, exact: true }) });
}

// The export's codes belong to three demo creators; the shop made them, not the tracking plan.
const CODES = 'code,handle,campaign\nNORA15,trail_nora,Spring pilot 2026\nTOM15,muddy_miles_tom,Spring pilot 2026\nAVA15,ridge_runner_ava,Spring pilot 2026\n';

test('import results and shop orders, see creators, the KPI status and the proposal, reload and find them', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Results');
    await openView(page, 'Performance');
    const performance = page.getByTestId('performance-table');
    await performance.waitFor();
    // trail_nora was not in the pilot: no row of hers yet.
    assert.equal(await performance.getByRole('rowheader', { name: 'trail_nora', exact: true }).count(), 0);

    // Instagram insights export: no campaign column, so the wizard fills one for every row.
    await openView(page, 'Sentiment and data');
    const results = card(page, 'Campaign results');
    await results.getByRole('button', { name: 'Import CSV' }).click();
    await results.locator('input[type=file]').setInputFiles(fixture('instagram_insights.csv'));
    const campaign = results.getByLabel('Campaign for every row');
    await campaign.fill('Spring pilot 2026');
    await campaign.blur();
    await page.getByTestId('import-summary').filter({ hasText: '4 rows read: 4 ready to import, 0 with problems.' }).waitFor();
    await page.getByRole('button', { name: 'Import 4 rows' }).click();
    await page.getByText('Imported Campaign results: 4 added').waitFor();

    const codes = card(page, 'Creator codes made elsewhere');
    await codes.getByRole('button', { name: 'Import CSV' }).click();
    await codes.locator('input[type=file]').setInputFiles({ name: 'codes.csv', mimeType: 'text/csv', buffer: Buffer.from(CODES) });
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await page.getByText('Imported Creator codes made elsewhere: 3 added').waitFor();

    await openView(page, 'Attribution');
    await page.getByLabel('Shopify orders export (CSV)').setInputFiles(fixture('shopify_orders_export.csv'));
    await page.getByText(/Imported 30 orders: 30 added, 0 updated\./).waitFor();

    const check = async () => {
      await openView(page, 'Performance');
      // Her two posts: reach 14,820 + 5,480; likes, comments, shares and saves only on the
      // reel, so ER (reach) rests on 1 of 2 rows: (1,312 + 74 + 96 + 208) / 14,820 = 11.4%.
      const nora = performance.locator('tbody tr', { has: page.getByRole('rowheader', { name: 'trail_nora', exact: true }) });
      await nora.waitFor();
      assert.match(await nora.innerText(), /^trail_nora\s+2\s/);
      const erReach = await performance.locator('thead th').evaluateAll((ths) => ths.findIndex((th) => th.textContent.trim().startsWith('ER (reach)')));
      assert.ok(erReach > 1, 'the ER (reach) column is shown');
      assert.match(await nora.locator('th, td').nth(erReach).innerText(), /^11\.4%/);
      // Nine creators and the All row over 16 + 4 results.
      assert.equal(await performance.locator('tbody tr').count(), 10);
      assert.match(await performance.locator('tbody tr').last().innerText(), /^All results\s+20\b/);

      // Her code's seven EUR orders sit beside her (no tagged-link conversions).
      await openView(page, 'Attribution');
      const attribution = page.getByTestId('attribution-table');
      await attribution.getByRole('row', { name: /@trail_nora/ }).filter({ hasText: '7 orders' }).waitFor();

      // The new rows fall in other weeks; the pilot's late week stays partial and the primary
      // KPI has one status.
      await openView(page, 'Decisions');
      const targets = page.locator('section', { has: page.getByRole('heading', { name: 'Targets and decisions' }) });
      assert.equal(await targets.locator('.rd-metric').first().locator('.rd-verdict').count(), 1);

      // The proposal splits the demo's €3,000 over the creators with a cost and an order.
      const proposal = page.getByTestId('budget-proposal');
      assert.match(await proposal.locator('tfoot').innerText(), /€3,000/);
      assert.ok((await proposal.locator('tbody tr').count()) >= 8);
    };
    await check();
    await app.waitSaved();
    await app.reload();
    await check();
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('the Report view prints on one A4 page', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Results');
    await openView(page, 'Report');
    await page.locator('.rd-report .doc-page').waitFor();
    assert.ok(page.url().endsWith('#/results/report'), page.url());
    await page.emulateMedia({ media: 'print' });
    // As the browser's print dialog does: the page size and margins come from the CSS.
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.equal(pages, 1);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('campaign comments are classified with the lexicon, counted per creator and feed the sentiment signal', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Results');
    await openView(page, 'Sentiment and data');
    const table = page.getByTestId('sentiment-table');
    // The demo's pilot sample: 212 positive of 310 classified.
    await table.locator('tfoot').filter({ hasText: '212 positive of 310 classified' }).waitFor();
    const comments = [
      'creator,post id,commenter,comment,is creator reply',
      'trail_nora,n1,fan_a,"Love this bar, so tasty!",no',
      'trail_nora,n1,fan_b,Bit dry and overpriced,no',
      'trail_nora,n1,fan_c,Which flavour is this?,no',
      'trail_nora,n1,trail_nora,"Thanks, love you all",yes',
    ].join('\n');
    await page.getByLabel('Campaign comments (CSV)').setInputFiles({ name: 'comments.csv', mimeType: 'text/csv', buffer: Buffer.from(comments) });
    // The reply is not counted: one positive, one neutral, one negative.
    const nora = table.locator('tbody tr', { has: page.getByRole('rowheader', { name: 'trail_nora', exact: true }) });
    await nora.waitFor();
    assert.match(await nora.innerText(), /^trail_nora\s+1\s+1\s+1\s+33\.3%$/);
    assert.match(await page.getByTestId('sentiment-examples').innerText(), /Bit dry and overpriced \(dry, overpriced\)/);
    await page.getByRole('button', { name: "Use as the programme's positive sentiment share" }).click();
    await page.getByText("The programme's positive sentiment share now uses these counts.").waitFor();
    // 213 of 313 in the stakeholder report's content layer.
    await openView(page, 'Report');
    await page.locator('.rd-report .doc-page').filter({ hasText: /Positive sentiment share: 68\.1% \(213 positive comments \/ 313/ }).waitFor();

    await app.waitSaved();
    await app.reload();
    await openView(page, 'Sentiment and data');
    await table.locator('tfoot').filter({ hasText: '213 positive of 313 classified' }).waitFor();
    assert.equal(await page.getByText('Which flavour is this?').count(), 0, 'comment text is not stored');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
