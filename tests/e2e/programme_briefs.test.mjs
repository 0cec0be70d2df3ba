// From objective to a brief a creator can act on: set an objective and its baseline, write a
// brief for a community, make links and codes, download one creator's brief and read it,
// reload and find everything saved; then export the tracking table as CSV.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openApp, loadDemo, screenshot } from './harness.mjs';

/** Types a value and fires `change`, as leaving the field would. */
async function set(locator, value) {
  await locator.fill(value);
  await locator.dispatchEvent('change');
}

test('objective, community brief, per-creator briefs with links and codes, saved across a reload', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);

    // 1. The objective: community advocacy, with a baseline for its primary KPI.
    await app.goto('Programme & objectives');
    await page.getByRole('radio', { name: /Community advocacy/ }).check();
    await page.getByRole('button', { name: 'Replace with the proposal for this objective' }).click();
    await page.getByText('Proposed KPIs for community advocacy').waitFor();
    assert.equal(await page.locator('#metric-0-name').inputValue(), 'Repeat advocates');
    assert.match(await page.locator('#metric-0-method').inputValue(), /community_listening/);
    // A rate metric: baseline 12% with the proposed +20% gives 14.40%.
    await set(page.getByLabel('Baseline (%)').first(), '12');
    await page.getByText('Target level: 14.4% (1.20× the baseline of 12%, +20%).').waitFor();
    const checks = page.locator('section', { has: page.getByRole('heading', { name: 'Before you launch' }) });
    assert.match(await checks.innerText(), /Positive sentiment share: enter a baseline/);
    assert.doesNotMatch(await checks.innerText(), /Repeat advocates: enter a baseline/);
    // The pivot rule refuses a pause after one bad reading.
    await page.getByText('Check the rule against readings').click();
    await set(page.getByLabel('Readings, oldest first', { exact: true }), '6');
    await page.getByText(/Pause \(Programme lead\): Watch\. In breach for 1 of the 3 periods/).waitFor();
    // Linking the demo's holdout test supplies the significance: the pause may happen now.
    await page.getByLabel('Uplift test on this metric').selectOption('Spring pilot 2026 regional holdout');
    await page.getByText(/“Spring pilot 2026 regional holdout” is significant: Holm-adjusted p < 0\.001, below 0\.05/).waitFor();
    await page.getByText(/Pause \(Programme lead\): Act\. Pause: in breach and an uplift test on this metric is significant/).waitFor();
    await screenshot(app, 'programme-1280');

    // 2. A brief for the sourdough community.
    await app.goto('Briefs');
    await page.getByLabel('New campaign').fill('Sourdough winter bake');
    await page.getByRole('button', { name: 'Start a brief' }).click();
    const quality = page.locator('section.pg-quality');
    await quality.getByText(/Set the posting window/).waitFor();
    await quality.getByText(/Pick the market/).waitFor();
    await page.getByLabel('Community', { exact: true }).selectOption('Sourdough baking');
    // Keyboard: saving a field on leaving it keeps the focus on the next field.
    await page.getByLabel('Mission', { exact: true }).fill('Home bakers want fuel they could have baked themselves.');
    await page.keyboard.press('Tab');
    await app.waitSaved();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'brief-objective');
    await set(page.getByLabel('The one objective', { exact: true }), 'Bakers try the bar and share their own starter tips.');
    await set(page.getByLabel('What the audience needs to know', { exact: true }), 'Sourdough base, oats and dates\nNo added sugar');
    await page.getByLabel('Market (disclosure rules)').selectOption('us');
    await page.getByText(/Creators will be asked to label posts “#ad”/).waitFor();
    await set(page.getByLabel('Post from', { exact: true }), '2026-12-01');
    await set(page.getByLabel('Post until', { exact: true }), '2026-12-14');
    await page.getByRole('button', { name: 'Add a deliverable' }).click();
    await set(page.getByLabel('Call to action', { exact: true }), 'Share your best starter tip and try the bar with your code.');
    await quality.getByText('No warnings: the brief is clear, disclosed, dated and leaves room for the creator.').waitFor();
    // A scripted line is caught while typing the brief.
    await set(page.getByLabel('Non-negotiables', { exact: true }), 'Say exactly: best bar ever');
    await quality.getByText(/looks scripted/).waitFor();
    await set(page.getByLabel('Non-negotiables', { exact: true }), 'Show the bar next to your own bake');
    await quality.getByText(/No warnings/).waitFor();

    // 3. Creators of the community, their links and codes.
    await page.getByRole('button', { name: "Add the Sourdough baking community's creators" }).click();
    const rows = page.locator('table.pg-creators tbody tr');
    await rows.first().waitFor();
    // 20 sourdough creators, one of them dropped.
    assert.equal(await rows.count(), 19);
    await set(page.locator('#brief-links-landing'), 'https://hearthandtrail.example/bake?src=creators#recipes');
    await page.getByText('The address is fine').first().waitFor();
    await page.getByRole('button', { name: 'Make links and codes' }).click();
    await page.getByText(/Made 19 tracked links with codes/).waitFor();
    const first = rows.first();
    assert.match(await first.innerText(), /@crumb_theory/);
    // crumb_theory -> CRUMB + THEORY, words a viewer can type from a video, then 15 (%).
    assert.match(await first.innerText(), /CRUMBTHEORY15/);
    assert.match(await first.innerText(), /1 of 1\s+CRUMBTHEORY15\s+Ready/);
    await screenshot(app, 'briefs-1280');

    // 4. Download one creator's brief and read it.
    const file = await app.download(page.getByRole('button', { name: 'Download the brief for @crumb_theory as Markdown' }));
    const markdown = fs.readFileSync(file, 'utf8');
    assert.match(markdown, /^# Sourdough winter bake: creator brief/);
    assert.match(markdown, /\(@crumb\\_theory\)\*/);
    assert.match(markdown, /Please post between 1 Dec 2026 and 14 Dec 2026/);
    assert.match(markdown, /label it “#ad”/);
    assert.match(markdown, /both on screen and spoken/);
    assert.match(markdown, /Source\*\*[\s\S]*16 CFR Part 255/);
    assert.match(markdown, /Your code: CRUMBTHEORY15 gives your followers 15% off/);
    // Links are autolinks, so they stay usable when copied out of the Markdown file.
    assert.match(markdown, /<https:\/\/hearthandtrail\.example\/bake\?src=creators&utm_source=instagram&utm_medium=social&utm_campaign=sourdough_winter_bake&utm_content=crumb_theory_short_video_1&utm_term=sourdough_baking#recipes>/);
    assert.match(markdown, /Share your best starter tip/);
    // The on-screen view shows the same creator's brief.
    await first.getByRole('button', { name: 'View' }).click();
    await page.getByRole('heading', { name: 'Brief for @crumb_theory' }).waitFor();
    await page.locator('.doc-page').getByText('CRUMBTHEORY15', { exact: false }).first().waitFor();

    // 5. Save as a template, reload, and find everything again.
    await page.getByLabel('Template name', { exact: true }).fill('Baking community playbook');
    await page.getByRole('button', { name: 'Save as playbook template' }).click();
    await app.waitSaved();
    await app.reload();
    await app.goto('Briefs');
    await page.getByRole('button', { name: 'Sourdough winter bake' }).click();
    assert.equal(await page.getByLabel('Campaign name', { exact: true }).inputValue(), 'Sourdough winter bake');
    assert.equal(await page.locator('table.pg-creators tbody tr').count(), 19);
    assert.match(await page.locator('table.pg-creators tbody tr').first().innerText(), /CRUMBTHEORY15/);
    await page.getByRole('button', { name: 'Use “Baking community playbook”' }).click();
    assert.equal(await page.getByLabel('Campaign name', { exact: true }).inputValue(), 'Baking community playbook');
    assert.equal(await page.getByLabel('Mission', { exact: true }).inputValue(), 'Home bakers want fuel they could have baked themselves.');
    await app.goto('Programme & objectives');
    assert.equal(await page.locator('#metric-0-name').inputValue(), 'Repeat advocates');
    assert.equal(await page.getByLabel('Baseline (%)').first().inputValue(), '12');

    // 6. The tracking table exports as CSV for a shop or link tool.
    await app.goto('Tracking');
    const overview = page.locator('div.table-scroll[aria-label="Links per campaign"]');
    assert.match(await overview.innerText(), /Autumn trail launch\t16\t6\t6/);
    assert.match(await overview.innerText(), /Sourdough winter bake\t19\t19\t19/);
    const csvFile = await app.download(page.getByRole('button', { name: 'Export CSV of Tracking links and codes' }));
    const lines = fs.readFileSync(csvFile, 'utf8').trim().split(/\r?\n/);
    assert.equal(lines[0], 'campaign,handle,platform,deliverable,promo_code,discount,url,landing_page,utm_source,utm_medium,utm_campaign,utm_content,utm_term,utm_id');
    const crumb = lines.find((line) => line.startsWith('Sourdough winter bake,crumb_theory,'));
    assert.ok(crumb, 'the new campaign is in the export');
    assert.match(crumb, /^Sourdough winter bake,crumb_theory,instagram,short video 1,CRUMBTHEORY15,0\.15,https:\/\/hearthandtrail\.example\/bake\?src=creators&utm_source=instagram&utm_medium=social&utm_campaign=sourdough_winter_bake&utm_content=crumb_theory_short_video_1&utm_term=sourdough_baking#recipes,/);
    // 16 demo links plus the 19 new ones.
    assert.equal(lines.length, 1 + 16 + 19);
    await screenshot(app, 'tracking-1280');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('on a phone-sized screen the three pages stay usable', async () => {
  const app = await openApp({ viewport: { width: 390, height: 844 } });
  try {
    const { page } = app;
    await loadDemo(app);
    for (const [section, name] of [['Programme & objectives', 'programme-390'], ['Briefs', 'briefs-390'], ['Tracking', 'tracking-390']]) {
      await app.goto(section);
      await screenshot(app, name);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${section} scrolls sideways by ${overflow}px`);
      // Every control has an accessible name.
      const unnamed = await page.evaluate(() =>
        [...document.querySelectorAll('main input, main select, main textarea, main button')]
          .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.textContent.trim()))
          .map((el) => el.outerHTML));
      assert.deepEqual(unnamed, [], section);
    }
    // The tracking form explains a bad landing page right away.
    await set(page.locator('#tracking-landing'), 'hearthandtrail.example/trail');
    await page.getByText('has no https:// in front; did you mean https://hearthandtrail.example/trail ?').waitFor();
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
