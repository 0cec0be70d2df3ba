// The synthetic control in headless Chromium on the release build, at the size of a large
// regional test: 50 regions x 730 days daily (one treated, 49 held back, launch 90 days
// before the end). Times, end to end from the UI action to the next painted frame: the
// analysis (setting the launch date: weights, 49 placebo fits, the augmented fit's
// cross-validated penalty for the comparison, charts), switching to the augmented estimator,
// the power simulation of a 90-day test, and ranking the candidate regions. Prints the
// median and maximum of several runs; asserts nothing about time. Beside each action, the
// longest gap between two animation frames and the longest long task (PerformanceObserver)
// on the page while it ran: with the analysis in a worker these stay short, without it one
// long task covers the whole analysis. With a worker build it also times a worker's start
// (new Worker to its Ready message).
// Usage: node tests/bench/geo_browser.mjs [dist]
import { openApp } from '../e2e/harness.mjs';
import { isoDay, regionalCsv } from '../e2e/large_files.mjs';
import { ms, summary, untilPaintedScript } from './timing.mjs';

const REGIONS = 50;
const DAYS = 730;
const LAUNCH_DAY = 640;
const RUNS = 3;

// `benchWatch()` starts watching frames and long tasks; its result `stop()` returns the
// longest frame gap and the longest long task (0 when none) since the start.
const PAGE_HELPERS = `${untilPaintedScript(60000)}
  window.benchLongTasks = [];
  try {
    new PerformanceObserver((list) => window.benchLongTasks.push(...list.getEntries()))
      .observe({ type: 'longtask', buffered: true });
  } catch (error) { window.benchLongTasks = null; }
  window.benchWatch = () => {
    const since = performance.now();
    let last = since;
    let gap = 0;
    let watching = true;
    const frame = (now) => {
      gap = Math.max(gap, now - last);
      last = now;
      if (watching) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    return () => {
      watching = false;
      gap = Math.max(gap, performance.now() - last);
      const tasks = (window.benchLongTasks ?? []).filter((t) => t.startTime + t.duration >= since);
      return { gap, task: tasks.reduce((longest, t) => Math.max(longest, t.duration), 0) };
    };
  };
`;

/** Longest frame gaps and long tasks of several runs: "frame gap max 12 ms, long task max 0 ms". */
function blocking(watches) {
  const most = (key) => Math.max(...watches.map((w) => w[key]));
  return `longest frame gap ${ms(most('gap'))}, longest long task ${ms(most('task'))}`;
}


const app = await openApp({ dist: process.argv[2] ?? process.env.E2E_DIST ?? 'dist', initScript: PAGE_HELPERS });
try {
  const { page } = app;
  await page.getByLabel('New workspace name').fill('Geo bench');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByText('Opened “Geo bench”').waitFor();
  await app.goto('Uplift tests');
  const card = page.getByTestId('geo-tests');
  await card.getByLabel('Test name').fill('Large');
  const importStart = Date.now();
  await card.getByLabel('Regional series CSV').setInputFiles({ name: 'regions.csv', mimeType: 'text/csv', buffer: regionalCsv(REGIONS, DAYS) });
  await page.getByText(`Imported “Large”: ${REGIONS} regions over ${DAYS} dates (Orders).`).waitFor({ timeout: 300_000 });
  console.log(`panel: ${REGIONS} regions x ${DAYS} days (${LAUNCH_DAY} before launch); import ${ms(Date.now() - importStart)} (wall clock, once)`);
  const geo = page.getByTestId('geo-test');
  await geo.getByLabel('Region 00').check();

  // First analysis, with a real fill of the launch date (wall clock in Node).
  const firstStart = Date.now();
  await geo.getByLabel('Launch date (first date of the campaign)').fill(isoDay(LAUNCH_DAY));
  await page.getByTestId('geo-lift').waitFor({ timeout: 300_000 });
  console.log(`first analysis (fill the launch date to the result, wall clock): ${ms(Date.now() - firstStart)}`);

  // Power of a 90-day test and the candidate ranking: real clicks, timed from the click to
  // the answer in the page (wall clock in Node, so a few ms of messaging are included).
  await page.getByText('Smallest detectable lift for a test length').click();
  // Each run uses another test length (90, 91, 90 dates) so the answer's text changes.
  const powers = [];
  const powerWatches = [];
  for (let run = 0; run < RUNS; run += 1) {
    const length = 90 + (run % 2);
    await geo.getByLabel('Test length (dates)').fill(String(length));
    await page.evaluate(() => { window.benchStop = window.benchWatch(); });
    const start = Date.now();
    await geo.getByRole('button', { name: 'Estimate' }).click();
    await page.getByTestId('geo-power').filter({ hasText: `A test of ${length} dates` }).waitFor({ timeout: 300_000 });
    powers.push(Date.now() - start);
    powerWatches.push(await page.evaluate(() => window.benchStop()));
  }
  console.log(`power, 90-day test (click to the answer): ${summary(powers)}`);
  console.log(`  page during the simulation: ${blocking(powerWatches)}`);
  console.log(`  ${await page.getByTestId('geo-power').innerText()}`);

  // The ranking is the same every time (its table is reused), so it is timed once.
  await page.getByText('Which regions to treat: best pre-period fits').click();
  await page.evaluate(() => { window.benchStop = window.benchWatch(); });
  const rankStart = Date.now();
  await geo.getByRole('button', { name: 'Rank regions' }).click();
  await page.getByTestId('geo-candidates').waitFor({ timeout: 300_000 });
  const rankings = [Date.now() - rankStart];
  console.log(`rank the ${REGIONS} regions as candidates (click to the table, wall clock): ${summary(rankings)}`);
  console.log(`  page during the ranking: ${blocking([await page.evaluate(() => window.benchStop())])}`);
  console.log(`  best: ${(await page.getByTestId('geo-candidates').locator('tbody tr').first().innerText()).replaceAll('\t', ' | ')}`);

  // Analysis: alternate the launch date between two days (641, 640, 641); each change
  // re-runs everything.
  const analyses = [];
  for (let run = 0; run < RUNS; run += 1) {
    const day = LAUNCH_DAY + 1 - (run % 2);
    analyses.push(await page.evaluate((date) => {
      const input = document.querySelector('[data-testid=geo-test] input[type=date]');
      const before = document.querySelector('[data-testid=geo-lift]')?.textContent ?? null;
      const stop = window.benchWatch();
      const start = performance.now();
      input.value = date;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return window.benchUntilPainted(start, () => {
        const lift = document.querySelector('[data-testid=geo-lift]');
        return lift !== null && lift.textContent !== before;
      }).then((time) => ({ time, ...stop() }));
    }, isoDay(day)));
  }
  console.log(`analysis (set the launch date to the painted result; synthetic control + 49 placebos + the augmented comparison fit): ${summary(analyses.map((a) => a.time))}`);
  console.log(`  page during the analysis: ${blocking(analyses)}`);

  // Estimator switches: augmented (placebos augmented too) and back.
  const switches = { augmented: [], synthetic: [] };
  for (let run = 0; run < RUNS; run += 1) {
    for (const value of ['augmented', 'synthetic']) {
      switches[value].push(await page.evaluate((wanted) => {
        const select = document.querySelector('[data-testid=geo-test] select');
        const stop = window.benchWatch();
        const start = performance.now();
        select.value = wanted;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        const prefix = wanted === 'augmented' ? 'Estimator: augmented' : 'Estimator: synthetic control';
        return window.benchUntilPainted(start, () => document.querySelector('[data-testid=geo-estimator]')?.textContent.startsWith(prefix))
          .then((time) => ({ time, ...stop() }));
      }, value));
    }
  }
  console.log(`switch to the augmented estimator (painted result): ${summary(switches.augmented.map((a) => a.time))}`);
  console.log(`  page during the switch: ${blocking(switches.augmented)}`);
  console.log(`switch back to the synthetic control: ${summary(switches.synthetic.map((a) => a.time))}`);
  console.log(`  page during the switch: ${blocking(switches.synthetic)}`);
  if (await page.evaluate(() => window.benchLongTasks === null)) console.log('  (this browser reports no long tasks; frame gaps only)');

  // A worker's start, from new Worker to its Ready message (the wasm is cached by now).
  const starts = await page.evaluate(async (runs) => {
    const times = [];
    for (let run = 0; run < runs; run += 1) {
      const time = await new Promise((resolve) => {
        const start = performance.now();
        const worker = new Worker(new URL('microplan-worker_loader.js', document.baseURI));
        worker.onmessage = () => { worker.terminate(); resolve(performance.now() - start); };
        worker.onerror = () => { worker.terminate(); resolve(null); };
      });
      if (time === null) return null;
      times.push(time);
    }
    return times;
  }, RUNS);
  console.log(starts === null ? 'worker start: no worker in this build' : `worker start (new Worker to Ready): ${summary(starts)}`);

  if (app.pageErrors.length) console.log(`page errors: ${app.pageErrors.join('; ')}`);
} catch (error) {
  console.log(`page errors: ${app.pageErrors.join('; ')}`);
  throw error;
} finally {
  await app.close();
}
