// Where a reload's time goes: a 5,000-creator x 30-post workspace is reloaded on the Creators
// section; prints, in order from navigation start, each file the page fetched (start and end;
// split parts only with --detail), its paints, long tasks and performance marks, and when the
// first table row appeared. Each reload comes 4 s after the last audit, as a user's would, so
// the audit's stored intervals are there. Asserts nothing.
// --profile adds the functions with the most self time (names need a build that keeps them).
// Usage: node tests/bench/reload_timeline.mjs [dist] [--runs=N] [--detail] [--profile]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../e2e/harness.mjs';
import { chooseLargeImport, writeCreatorsAndPosts } from '../e2e/large_files.mjs';

const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith('--')) ?? 'dist';
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 2);
const detail = args.includes('--detail');
const profile = args.includes('--profile');

/** The functions with the most self time in a CPU profile, from its samples. */
function topFunctions(cpuProfile, count = 25) {
  const frames = new Map(cpuProfile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map();
  cpuProfile.samples.forEach((id, i) => {
    const frame = frames.get(id);
    const name = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url || '')}`.trim();
    self.set(name, (self.get(name) ?? 0) + (cpuProfile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, count)
    .map(([name, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${name}`);
}

// In the page: every task of 50 ms or more, from the start of the document.
const PAGE_HELPERS = `
  window.benchLongTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.benchLongTasks.push(e); })
    .observe({ type: 'longtask', buffered: true });
`;

/** What the page saw, from its own performance entries (no trace: tracing slows it down). */
const pageTimeline = () => {
  const lines = [];
  for (const r of performance.getEntriesByType('resource')) {
    const name = new URL(r.name).pathname.split('/').pop();
    lines.push([r.startTime, `fetch ${name} until ${r.responseEnd.toFixed(0)} (${(r.responseEnd - r.startTime).toFixed(0)} ms)`]);
  }
  for (const p of performance.getEntriesByType('paint')) lines.push([p.startTime, p.name]);
  const nav = performance.getEntriesByType('navigation')[0];
  lines.push([nav.domContentLoadedEventEnd, 'DOMContentLoaded']);
  for (const t of window.benchLongTasks) lines.push([t.startTime, `long task ${t.duration.toFixed(0)} ms`]);
  for (const m of performance.getEntriesByType('mark')) lines.push([m.startTime, `mark ${m.name}`]);
  for (const m of performance.getEntriesByType('measure')) lines.push([m.startTime, `measure ${m.name} ${m.duration.toFixed(0)} ms`]);
  return lines.sort((a, b) => a[0] - b[0]).map(([t, text]) => `${t.toFixed(0).padStart(6)} ${text}`);
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microplan-bench-reload-'));
writeCreatorsAndPosts(dir, 5000, 30);
const app = await openApp({ dist, initScript: PAGE_HELPERS });
try {
  const { page } = app;
  const cdp = await page.context().newCDPSession(page);
  await page.getByLabel('New workspace name').fill('Reload');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByText('Opened “Reload”').waitFor();
  await app.goto('Creators');
  for (const [label, file, rows] of [['Creators', 'creators.csv', 5000], ['Posts', 'posts.csv', 150000]]) {
    const shown = await chooseLargeImport(page, dir, label, file, rows);
    await page.getByRole('button', { name: `Import ${shown} rows` }).click();
    await page.getByText(`Imported ${label}: ${shown} added`).waitFor({ timeout: 300_000 });
  }
  await page.waitForSelector('.save-status.ok', { timeout: 300_000 });
  // The audit's bootstrap intervals are stored 2 s after an audit (src/app/audit_intervals.rs);
  // a reload usually comes later than that.
  const AFTER_AUDIT_MS = 4000;
  await page.waitForFunction(() => document.querySelector('[data-testid=audit-progress]') === null, null, { timeout: 300_000 });
  await page.waitForTimeout(AFTER_AUDIT_MS);
  for (let run = 1; run <= runs; run += 1) {
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.reload();
    const handle = await page.waitForFunction(() => {
      const row = document.querySelector('[data-testid=creator-table] tbody tr');
      return row ? performance.now() : false;
    }, null, { timeout: 300_000, polling: 'raf' });
    const firstRow = await handle.jsonValue();
    await page.waitForTimeout(AFTER_AUDIT_MS);
    const lines = await page.evaluate(pageTimeline);
    console.log(`== reload ${run}: first table row at ${firstRow.toFixed(0)} ms`);
    for (const line of lines) {
      if (!detail && /(chunk_|split_)/.test(line)) continue;
      console.log(line);
    }
    if (profile) {
      const { profile: cpuProfile } = await cdp.send('Profiler.stop');
      console.log('self time by function, navigation to first row and 4 s after:');
      for (const line of topFunctions(cpuProfile)) console.log(line);
    }
  }
} finally {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
