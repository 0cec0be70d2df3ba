// Every section of the demo reads its figures by the one formatting policy (crates/model/src/format.rs):
// money with its currency (€, £, $ or a code after the number) and cents only when it has them,
// counts of 1,000 or more grouped, percentages with at most one decimal, no e-notation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, loadDemo } from './harness.mjs';

const SECTIONS = [
  'Overview', 'Programme & objectives', 'Creators', 'Communities', 'Briefs', 'Contracts', 'Tracking',
  'Results', 'Uplift tests', 'Data',
];

// What a figure must never look like, with the reason shown when one does.
const BREAKS = [
  [/\d(?:\.\d+)?e[-+]?\d/i, 'e-notation'],
  [/(?<![\w.,#/:-])\d{5,}(?![\w.,%])/, 'a count of 10,000 or more without separators'],
  [/\b(?:EUR|GBP|USD) ?-?\d/, 'a currency code before the amount (the policy writes €, £ or $)'],
  [/\d ?(?:EUR|GBP|USD)\b/, 'EUR, GBP or USD after an amount (the policy writes €, £ or $)'],
  [/[€£$]\d[\d,]*\.\d(?!\d)/, 'money with one decimal'],
  [/[€£$]\d[\d,]*\.\d{3,}/, 'money with more than two decimals'],
  [/[€£$][\d,]+\.00(?!\d)/, 'a whole amount with .00'],
  [/\d\.\d{2,}%/, 'a percentage with more than one decimal'],
  [/\d\.0%/, 'a percentage ending in .0'],
  [/\b\d{4}-\d\d-\d\d\b/, 'an ISO date (the policy writes 13 Apr 2026)'],
];

/** The visible text of the section, without raw data tables, inputs, code (links, ids) and
 *  chart axes (their ticks take the decimals their step needs; the chart's summary is checked). */
async function sectionText(page) {
  // innerText of the live page keeps table cells and lines apart; the left-out parts are
  // hidden for the reading and shown again after it.
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const hidden = [...main.querySelectorAll('section.table-card, code, pre, textarea, select, svg')];
    const before = hidden.map((el) => el.style.display);
    hidden.forEach((el) => { el.style.display = 'none'; });
    const text = main.innerText;
    hidden.forEach((el, i) => { el.style.display = before[i]; });
    return text;
  });
}

function breaches(text) {
  const found = [];
  for (const line of text.split('\n')) {
    for (const [pattern, why] of BREAKS) {
      const match = line.match(pattern);
      if (match) found.push(`${why}: “${match[0]}” in “${line.trim().slice(0, 160)}”`);
    }
  }
  return found;
}

test('the policy catches what it must (the checks can fail)', () => {
  for (const bad of ['p = 7.9e-4', '48210 units', '525.00 EUR', 'GBP 600', '€3,000.00', '3.64%', '25.0%', '€0.118', 'since 2026-05-07']) {
    assert.notDeepEqual(breaches(bad), [], bad);
  }
  for (const good of ['p < 0.001', '48,210 units', '€525', '£600', '€3,000', '3.6%', '25%', '€12.50', '1,550 SEK', '13 Apr 2026', 'NORA15', '#1008']) {
    assert.deepEqual(breaches(good), [], good);
  }
});

test('every section of the demo reads its figures by the one policy', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    const problems = [];
    for (const section of SECTIONS) {
      await app.goto(section);
      // Computed cards (audit, analyses, decisions) fill in after the heading.
      await page.waitForTimeout(800);
      for (const problem of breaches(await sectionText(page))) problems.push(`${section}: ${problem}`);
      if (section !== 'Results') continue;
      // Each Results view past the overview.
      for (const view of ['Performance', 'Attribution', 'Decisions', 'Report', 'Sentiment and data']) {
        await page.getByRole('navigation', { name: 'Results views' }).getByRole('link', { name: view, exact: true }).click();
        await page.waitForTimeout(800);
        for (const problem of breaches(await sectionText(page))) problems.push(`Results, ${view}: ${problem}`);
      }
    }
    assert.deepEqual(problems, []);

    // A sample of figures, each as the policy writes it.
    await app.goto('Uplift tests');
    const card = page.getByTestId('test-analysis');
    const arms = await card.locator('table.uplift-arms').innerText();
    assert.match(arms, /\t48,210\t612\t/, 'control units grouped');
    assert.match(arms, /\t47,985\t731\t/, 'treatment units grouped');
    assert.match(await card.getByRole('status').innerText(), /\+20% relative to control .*p < 0\.001\)/);
    assert.match(await card.getByTestId('comparisons').locator('tbody tr').innerText(), /\+0\.25 pp .*\t< 0\.001\t< 0\.001\t< 0\.001\t/);

    await app.goto('Results');
    await page.getByRole('navigation', { name: 'Results views' }).getByRole('link', { name: 'Decisions', exact: true }).click();
    assert.match(await page.getByTestId('budget-proposal').locator('tfoot').innerText(), /€3,000(?![.\d])/);

    await app.goto('Creators');
    await page.getByTestId('audit-preset').getByText('Scores use the Engagement preset').waitFor();
    assert.match(await page.getByTestId('audit-preset').innerText(), /programme's objective is Conversion/);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
