// How the page responds with a large workspace (5,000 creators x 30 posts) in headless
// Chromium on the release build: switching to each section (click to its heading painted),
// a small edit (ticking a shortlist box) to "Saved" with the longest task during it, a filter
// keystroke to the next paint, and a reload to the Creators table. Prints the median and the
// maximum of several runs; asserts nothing about time.
// Usage: node tests/bench/interactions_browser.mjs [dist]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../e2e/harness.mjs';
import { summary, untilPaintedScript } from './timing.mjs';
import { chooseLargeImport, writeCreatorsAndPosts } from '../e2e/large_files.mjs';

const CREATORS = 5000;
const POSTS_EACH = 30;
const RUNS = 5;
const SECTIONS = ['Overview', 'Programme & objectives', 'Creators', 'Communities', 'Briefs', 'Contracts', 'Tracking', 'Results', 'Uplift tests', 'Data'];

// In the page: the paint timer, and the long tasks seen.
const PAGE_HELPERS = `
  ${untilPaintedScript(120000)}
  window.benchLongTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.benchLongTasks.push(e); })
    .observe({ type: 'longtask', buffered: true });
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microplan-bench-interactions-'));
writeCreatorsAndPosts(dir, CREATORS, POSTS_EACH);
const app = await openApp({ dist: process.argv[2] ?? process.env.E2E_DIST ?? 'dist', initScript: PAGE_HELPERS });
try {
  const { page } = app;
  await page.getByLabel('New workspace name').fill('Interactions');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByText('Opened “Interactions”').waitFor();
  await app.goto('Creators');
  for (const [label, file, rows] of [['Creators', 'creators.csv', CREATORS], ['Posts', 'posts.csv', CREATORS * POSTS_EACH]]) {
    const shown = await chooseLargeImport(page, dir, label, file, rows);
    await page.getByRole('button', { name: `Import ${shown} rows` }).click();
    await page.getByText(`Imported ${label}: ${shown} added`).waitFor({ timeout: 300_000 });
  }
  await page.waitForSelector('.save-status.ok', { timeout: 300_000 });
  console.log(`workspace: ${CREATORS.toLocaleString('en-US')} creators x ${POSTS_EACH} posts`);

  // Page switches: each section in turn, from the one before it.
  const switches = Object.fromEntries(SECTIONS.map((s) => [s, []]));
  for (let run = 0; run < RUNS; run += 1) {
    for (const section of SECTIONS) {
      switches[section].push(await page.evaluate((title) => {
        const link = [...document.querySelectorAll('nav[aria-label=Sections] a')].find((a) => a.textContent.trim() === title);
        // Each section has its own heading text (the element itself may be reused).
        const before = document.getElementById('section-heading')?.textContent;
        const start = performance.now();
        link.click();
        return window.benchUntilPainted(start, () => {
          const heading = document.getElementById('section-heading');
          return heading !== null && heading.textContent !== before;
        });
      }, section));
    }
  }
  for (const section of SECTIONS) console.log(`switch to ${section}: ${summary(switches[section])}`);

  // A small edit: tick (or untick) a shortlist box, until the status says saved again.
  await app.goto('Creators');
  await page.waitForSelector('[data-testid=creator-table] tbody tr input[type=checkbox]', { timeout: 120_000 });
  const edits = [];
  const longest = [];
  for (let run = 0; run < RUNS; run += 1) {
    await page.waitForSelector('.save-status.ok', { timeout: 120_000 });
    const [took, worst] = await page.evaluate(() => new Promise((resolve, reject) => {
      const status = document.querySelector('.save-status');
      const box = document.querySelector('[data-testid=creator-table] tbody tr input[type=checkbox]');
      let sawSaving = false;
      const start = performance.now();
      const observer = new MutationObserver(() => {
        if (status.classList.contains('pending')) sawSaving = true;
        if (sawSaving && status.classList.contains('ok')) {
          observer.disconnect();
          const done = performance.now();
          // Long tasks are reported shortly after they end.
          setTimeout(() => {
            const during = window.benchLongTasks.filter((t) => t.startTime + t.duration >= start && t.startTime <= done);
            resolve([done - start, Math.max(0, ...during.map((t) => t.duration))]);
          }, 200);
        }
      });
      observer.observe(status, { attributes: true, childList: true, characterData: true, subtree: true });
      setTimeout(() => reject(new Error('no save within 120 s')), 120_000);
      box.click();
    }));
    edits.push(took);
    longest.push(worst);
  }
  console.log(`tick a shortlist box to "Saved": ${summary(edits)}`);
  console.log(`longest task during that edit (long tasks of 50 ms or more; 0 when none): ${summary(longest)}`);

  // A filter keystroke: one character typed into the search, to the next painted frame
  // after the table changed; then the search is cleared.
  const keystrokes = [];
  for (let run = 0; run < RUNS; run += 1) {
    const char = String((run % 9) + 1);
    keystrokes.push(await page.evaluate((typed) => {
      const input = document.getElementById('filter-text');
      const table = document.querySelector('[data-testid=creator-table]')?.closest('section') ?? document.body;
      let changed = false;
      const observer = new MutationObserver(() => { changed = true; });
      observer.observe(table, { childList: true, subtree: true, characterData: true });
      const start = performance.now();
      input.value = typed;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return window.benchUntilPainted(start, () => changed).finally(() => observer.disconnect());
    }, char));
    await page.evaluate(() => {
      const input = document.getElementById('filter-text');
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.getByText(`${CREATORS} of ${CREATORS} creators shown`).or(page.getByText(`${CREATORS.toLocaleString('en-US')} of ${CREATORS.toLocaleString('en-US')} creators shown`)).first().waitFor({ timeout: 120_000 });
  }
  console.log(`filter keystroke to the next paint: ${summary(keystrokes)}`);

  // Reload on the Creators section: navigation start to the first table row painted.
  await page.waitForSelector('.save-status.ok', { timeout: 120_000 });
  const reloads = [];
  for (let run = 0; run < RUNS; run += 1) {
    await page.reload();
    const handle = await page.waitForFunction(() => {
      const row = document.querySelector('[data-testid=creator-table] tbody tr');
      return row ? performance.now() : false;
    }, null, { timeout: 300_000, polling: 'raf' });
    reloads.push(await handle.jsonValue());
  }
  console.log(`reload to the Creators table (navigation start to the first row): ${summary(reloads)}`);
  if (app.pageErrors.length > 0) console.log(`page errors: ${app.pageErrors.join('; ')}`);
} finally {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
