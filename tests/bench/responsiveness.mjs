// Whether the page keeps painting while it commits, saves and audits a large import, and while
// it reloads a large workspace (5,000 creators x 30 posts) in headless Chromium on a release
// build. A requestAnimationFrame loop injected before the app starts records every frame; for
// each phase it prints the wall time, the longest gap between frames, how many gaps exceeded
// 100 ms and the longest task (Long Tasks API). Asserts nothing about time.
// Usage: node tests/bench/responsiveness.mjs [dist]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../e2e/harness.mjs';
import { ms } from './timing.mjs';
import { chooseLargeImport, writeCreatorsAndPosts } from '../e2e/large_files.mjs';

const CREATORS = 5000;
const POSTS_EACH = 30;
const RELOADS = 3;

// In the page, before the app: every frame's time, and every long task.
const PAGE_HELPERS = `
  window.benchFrames = [];
  const frame = (time) => { window.benchFrames.push(time); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  window.benchLongTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.benchLongTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
`;

/** Frame gaps and long tasks between `start` and `end` (page time), measured in the page. */
async function phaseFigures(page, start, end) {
  // Long tasks are reported shortly after they end; one more frame closes the last gap.
  await page.waitForTimeout(300);
  return page.evaluate(([from, to]) => {
    const frames = window.benchFrames.filter((t) => t >= from && t <= to + 200);
    const gaps = [];
    let previous = from;
    for (const t of frames) { gaps.push(t - previous); previous = t; }
    const tasks = window.benchLongTasks.filter(([s, d]) => s + d >= from && s <= to).map(([, d]) => d);
    return {
      longestGap: Math.max(0, ...gaps),
      gapsOver100: gaps.filter((g) => g > 100).length,
      longestTask: Math.max(0, ...tasks),
    };
  }, [start, end]);
}

const print = (label, wall, f) => console.log(
  `${label}: wall ${ms(wall)}, longest frame gap ${ms(f.longestGap)}, gaps over 100 ms: ${f.gapsOver100}, longest task ${ms(f.longestTask)}`,
);

// Settled: saved, no scoring under way, and the table shows scored rows; the time when so.
const settled = () => document.querySelector('.save-status.ok') !== null
  && document.querySelector('[data-testid=audit-progress]') === null
  && document.querySelector('[data-testid=creator-table] tbody tr') !== null
  && performance.now();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microplan-bench-responsive-'));
writeCreatorsAndPosts(dir, CREATORS, POSTS_EACH);
const app = await openApp({ dist: process.argv[2] ?? process.env.E2E_DIST ?? 'dist', initScript: PAGE_HELPERS });
try {
  const { page } = app;
  await page.getByLabel('New workspace name').fill('Responsiveness');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByText('Opened “Responsiveness”').waitFor();
  await app.goto('Creators');
  console.log(`workspace: ${CREATORS.toLocaleString('en-US')} creators x ${POSTS_EACH} posts (${(CREATORS * POSTS_EACH).toLocaleString('en-US')} posts)`);
  for (const [label, file, rows] of [['Creators', 'creators.csv', CREATORS], ['Posts', 'posts.csv', CREATORS * POSTS_EACH]]) {
    const shown = await chooseLargeImport(page, dir, label, file, rows);
    await page.waitForSelector('.save-status.ok', { timeout: 300_000 });
    const start = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: `Import ${shown} rows` }).click();
    await page.getByText(`Imported ${label}: ${shown} added`).waitFor({ timeout: 300_000 });
    const handle = await page.waitForFunction(settled, null, { timeout: 300_000, polling: 'raf' });
    const end = await handle.jsonValue();
    print(`import ${shown} ${label.toLowerCase()}: click "Import" to saved and scored`, end - start, await phaseFigures(page, start, end));
  }

  for (let run = 1; run <= RELOADS; run += 1) {
    await page.reload();
    const first = await (await page.waitForFunction(
      () => document.querySelector('[data-testid=creator-table] tbody tr') && performance.now(),
      null, { timeout: 300_000, polling: 'raf' },
    )).jsonValue();
    const end = await (await page.waitForFunction(settled, null, { timeout: 300_000, polling: 'raf' })).jsonValue();
    const figures = await phaseFigures(page, 0, end);
    print(`reload ${run} (navigation start to every row scored; first row at ${ms(first)})`, end, figures);
  }
  if (app.pageErrors.length > 0) console.log(`page errors: ${app.pageErrors.join('; ')}`);
} finally {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
