// The app opens, explains itself, navigates every section and talks to no other host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, loadDemo, screenshot } from './harness.mjs';

const SECTIONS = [
  ['Programme & objectives', 'programme'], ['Creators', 'creators'], ['Communities', 'communities'],
  ['Briefs', 'briefs'], ['Contracts', 'contracts'], ['Tracking', 'tracking'], ['Results', 'results'],
  ['Uplift tests', 'uplift-tests'], ['Data', 'data'],
];

test('opens, says what it is for and visits every section', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    assert.equal(await page.title(), 'Microplan');
    await page.getByRole('heading', { level: 1, name: 'Plan and prove micro-influencer programmes' }).waitFor();
    for (const [title, slug] of SECTIONS) {
      await app.goto(title);
      assert.equal(await page.locator('#section-heading').innerText(), title);
      assert.ok(page.url().endsWith(`#/${slug}`), page.url());
      // Every section is built: none is badged or says it is not.
      const link = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: title });
      assert.equal(await link.locator('.badge').count(), 0, `${title} has no badge`);
      assert.equal(await page.getByRole('heading', { name: 'Not built yet' }).count(), 0, `${title} is built`);
    }
    // Back navigation follows the hash.
    await page.goBack();
    assert.equal(await page.locator('#section-heading').innerText(), 'Uplift tests');
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('is keyboard usable: skip link first, focus visible on controls', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
    await page.keyboard.press('Enter');
    // Tab on to the demo button and press it with the keyboard.
    const demoButton = page.getByRole('button', { name: 'Load demo workspace' }).first();
    await demoButton.focus();
    const outline = await demoButton.evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.notEqual(outline, 'none', 'focused buttons show an outline');
    await page.keyboard.press('Enter');
    await page.getByText('Opened “Demo: Hearth & Trail”').waitFor();
    // Every form control has an accessible name.
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, button')]
        .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.textContent.trim()))
        .map((el) => el.outerHTML));
    assert.deepEqual(unnamed, []);
  } finally {
    await app.close();
  }
});

test('looks right on a phone and on a desktop, light and dark', async () => {
  const app = await openApp({ viewport: { width: 360, height: 780 } });
  try {
    await loadDemo(app);
    await app.goto('Creators');
    const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 360 px (overflow ${overflow}px)`);
    await screenshot(app, 'creators-360');
    await app.page.setViewportSize({ width: 1280, height: 900 });
    await app.goto('Overview');
    await screenshot(app, 'overview-desktop');
    await app.page.emulateMedia({ colorScheme: 'dark' });
    const background = await app.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(18, 22, 20)', 'dark scheme follows the system');
    await app.goto('Data');
    await screenshot(app, 'data-dark');
  } finally {
    await app.close();
  }
});
