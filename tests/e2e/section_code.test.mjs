// Each section's code, and the audit's, is its own download (scripts/build_app.mjs): fetched when
// first needed, stored by the service worker for offline use, and a failed fetch is reported
// with a retry instead of stopping the app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, loadDemo, reopenOfflineAfterOneVisit } from './harness.mjs';

// Each section's heading and the name of its code's module.
const SECTIONS = [
  ['Programme & objectives', 'programme'],
  ['Creators', 'creators'],
  ['Communities', 'communities'],
  ['Briefs', 'briefs'],
  ['Contracts', 'contracts'],
  ['Tracking', 'tracking'],
  ['Results', 'results'],
  ['Uplift tests', 'uplift'],
  ['Data', 'data'],
];
const fetchedSections = (app) =>
  new Set(app.requests.map((url) => url.match(/\/split_section_([a-z]+)\.wasm$/)?.[1]).filter(Boolean));

test('the first screen loads no section code; each section fetches its own when opened', async () => {
  const app = await openApp();
  try {
    await loadDemo(app);
    assert.deepEqual([...fetchedSections(app)], [], 'the overview needs no section code');
    for (const [title, part] of SECTIONS) {
      await app.goto(title);
      assert.equal(await app.page.locator('#section-heading').innerText(), title);
      assert.ok(fetchedSections(app).has(part), `${title} fetched its own code`);
      // Focus lands on the heading once the section's code has arrived, and stays: nothing
      // the page loads for itself replaces it.
      await app.page.waitForFunction(() => document.activeElement?.id === 'section-heading');
      await app.page.waitForTimeout(300);
      assert.equal(await app.page.evaluate(() => document.activeElement?.id), 'section-heading', title);
    }
    // A section's code is fetched once per page.
    const fetches = app.requests.filter((url) => url.endsWith('/split_section_creators.wasm')).length;
    await app.goto('Creators');
    assert.equal(app.requests.filter((url) => url.endsWith('/split_section_creators.wasm')).length, fetches);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('offline after one visit, every section opens, though that visit opened none', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await reopenOfflineAfterOneVisit(app);
    assert.deepEqual([...fetchedSections(app)], [], 'no section was opened before going offline');
    for (const [title] of SECTIONS) {
      await app.goto(title);
      assert.equal(await page.locator('#section-heading').innerText(), title);
    }
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.context.setOffline(false);
    await app.close();
  }
});

test('a section whose code cannot be fetched says so, keeps the app running and retries', async () => {
  // Without the service worker, whose stored copy would otherwise answer.
  const app = await openApp({ serviceWorkers: 'block' });
  try {
    const { page } = app;
    await loadDemo(app);
    let blocked = true;
    await app.context.route(/\/split_section_contracts\.wasm$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Contracts' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'This section could not be downloaded' });
    await alert.waitFor();
    // The rest of the app still works.
    await app.goto('Creators');
    assert.equal(await page.locator('#section-heading').innerText(), 'Creators');
    await app.goto('Contracts');
    await alert.waitFor();
    blocked = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.waitForFunction(() => document.querySelector('#section-heading')?.textContent === 'Contracts' && !document.querySelector('.banner.error'));
    assert.ok(await page.getByRole('heading', { name: 'Contracts', level: 1 }).isVisible());
    // The failed fetches are logged by the loader as console errors; nothing else may be.
    assert.deepEqual(app.pageErrors.filter((text) => !/split_section_contracts|Failed to fetch|Failed to load resource: net::ERR_INTERNET_DISCONNECTED/.test(text)), []);
  } finally {
    await app.close();
  }
});

test('the audit’s code is fetched only when creators are scored; a failed fetch says so and the next change retries', async () => {
  // Without the service worker, whose stored copy would otherwise answer.
  const app = await openApp({ serviceWorkers: 'block' });
  try {
    const { page } = app;
    const auditFetches = () => app.requests.filter((url) => /\/split_audit_engine\.wasm$/.test(url)).length;
    let blocked = true;
    await app.context.route(/\/split_audit_engine\.wasm$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await loadDemo(app);
    assert.equal(auditFetches(), 0, 'the overview scores nobody');
    await app.goto('Creators');
    await page.getByText('The creator audit could not be downloaded').waitFor();
    assert.equal(await page.locator('[data-testid=creator-table] tbody tr').count(), 0, 'no scores are made up');
    // The rest of the app still works.
    await app.goto('Briefs');
    assert.equal(await page.locator('#section-heading').innerText(), 'Briefs');
    blocked = false;
    await app.goto('Creators');
    await page.locator('#settings-heading').click();
    await page.getByLabel('Weights for objective').selectOption('conversion');
    await page.getByText('40 of 40 creators shown').waitFor();
    assert.deepEqual(app.pageErrors.filter((text) => !/split_audit_engine|Failed to fetch|Failed to load resource: net::ERR_INTERNET_DISCONNECTED/.test(text)), []);
  } finally {
    await app.close();
  }
});
