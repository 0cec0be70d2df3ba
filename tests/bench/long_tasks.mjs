// Where the page's long tasks go: records a Chromium trace (with V8's sampling profiler) while
// one scenario runs in headless Chromium on a release build, then prints every task of the
// page's main thread over 50 ms with the functions that took most of its own time. A build that
// keeps wasm names (see scripts/bench.sh, index.prof.html) shows Rust function names.
// Scenarios: import (5,000 creators, then 150,000 posts, each committed, saved and scored),
// reload (that workspace read back, twice), comments (900,000 raw comments imported). Asserts
// nothing.
// With --gaps it first prints the longest gaps between animation frames and every task over
// --long=MS (default 50) inside each, so a gap made of several shorter tasks shows too.
// Usage: node tests/bench/long_tasks.mjs [dist] [import|reload|comments ...] [--top=N] [--long=MS] [--gaps]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../e2e/harness.mjs';
import { chooseLargeImport, writeCreatorsAndPosts } from '../e2e/large_files.mjs';
import { startTrace, stopTrace } from './timing.mjs';

const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith('--') && !['import', 'reload', 'comments'].includes(a)) ?? 'dist';
const wanted = args.filter((a) => ['import', 'reload', 'comments'].includes(a));
const scenarios = wanted.length > 0 ? wanted : ['import', 'reload', 'comments'];
const top = Number(args.find((a) => a.startsWith('--top='))?.slice(6) ?? 8);
const LONG_MS = Number(args.find((a) => a.startsWith('--long='))?.slice(7) ?? 50);
const GAPS = args.includes('--gaps');

const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute',
  'disabled-by-default-v8.cpu_profiler', 'toplevel',
];

/** The pages' main threads in a trace, as "pid:tid". */
function rendererMainThreads(events) {
  return new Set(events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
}

/** The page's long main-thread tasks, each with its top self-time functions (from samples). */
function longTasks(events) {
  const mainThreads = rendererMainThreads(events);
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && mainThreads.has(`${e.pid}:${e.tid}`) && e.dur / 1000 > LONG_MS)
    .map((e) => ({ start: e.ts, end: e.ts + e.dur, self: new Map(), samples: 0 }))
    .sort((a, b) => a.start - b.start);
  // Samples of the main threads' profiles: node ids to frames, times from the deltas.
  const profiles = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.id}`;
    if (e.name === 'Profile' && mainThreads.has(`${e.pid}:${e.tid}`)) {
      profiles.set(key, { time: e.args.data.startTime, nodes: new Map() });
    } else if (e.name === 'ProfileChunk' && profiles.has(key)) {
      const profile = profiles.get(key);
      const data = e.args.data;
      for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node.callFrame);
      const samples = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      samples.forEach((id, i) => {
        profile.time += deltas[i] ?? 0;
        const task = tasks.find((t) => profile.time >= t.start && profile.time <= t.end);
        if (!task) return;
        const frame = profile.nodes.get(id);
        const name = frame ? `${frame.functionName || '(anonymous)'}${frame.url ? ` ${path.basename(frame.url).slice(0, 30)}` : ''}` : `node ${id}`;
        task.self.set(name, (task.self.get(name) ?? 0) + 1);
        task.samples += 1;
      });
    }
  }
  return tasks;
}

/** The 4 longest gaps between the main thread's animation frames, with the tasks in each. */
function printGaps(events, tasks) {
  const mains = rendererMainThreads(events);
  const fired = [...new Set(events
    .filter((e) => e.name === 'FireAnimationFrame' && mains.has(`${e.pid}:${e.tid}`))
    .map((e) => e.ts))].sort((a, b) => a - b);
  const origin = tasks[0]?.start ?? 0;
  const gaps = fired.slice(1).map((to, i) => [fired[i], to])
    .sort((a, b) => (b[1] - b[0]) - (a[1] - a[0])).slice(0, 4);
  for (const [from, to] of gaps) {
    const inside = tasks.filter((t) => t.end > from && t.start < to).map((t) => {
      const topName = [...t.self.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '?';
      return `${((t.end - t.start) / 1000).toFixed(0)} ms ${topName.slice(0, 40)}`;
    });
    console.log(`gap of ${((to - from) / 1000).toFixed(0)} ms at +${((from - origin) / 1000).toFixed(0)} ms: ${inside.join(' | ') || 'no task over the threshold'}`);
  }
}

function printTasks(label, events) {
  const tasks = longTasks(events);
  if (GAPS) printGaps(events, tasks);
  const origin = tasks[0]?.start ?? 0;
  console.log(`== ${label}: ${tasks.length} main-thread tasks over ${LONG_MS} ms, longest ${(Math.max(0, ...tasks.map((t) => t.end - t.start)) / 1000).toFixed(0)} ms`);
  for (const task of tasks) {
    const ms = (task.end - task.start) / 1000;
    console.log(`  task at +${((task.start - origin) / 1000).toFixed(0)} ms (ends +${((task.end - origin) / 1000).toFixed(0)}): ${ms.toFixed(0)} ms, ${task.samples} samples`);
    const ranked = [...task.self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
    for (const [name, count] of ranked) {
      console.log(`      ${(100 * count / Math.max(1, task.samples)).toFixed(0).padStart(3)}%  ${name}`);
    }
  }
}

const settled = () => document.querySelector('.save-status.ok') !== null
  && document.querySelector('[data-testid=audit-progress]') === null
  && document.querySelector('[data-testid=creator-table] tbody tr') !== null;

/** 900,000 comments (1,000 creators x 30 posts x 30), every tenth a creator reply. */
function writeComments(file) {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'creator,post id,comment id,commenter,comment,is creator reply,parent comment\n');
  for (let c = 0; c < 1000; c += 1) {
    const lines = [];
    for (let p = 0; p < 30; p += 1) {
      for (let k = 0; k < 30; k += 1) {
        const reply = k % 10 === 9;
        const text = reply ? 'Thank you!' : `comment ${c * 900 + p * 30 + k} about post ${p} near place ${(c * 31 + k) % 1517}`;
        lines.push(`creator_${c},${c}-${p},${c}-${p}-${k},${reply ? `creator_${c}` : `fan_${c}_${(p * 7 + k * 3) % 400}`},"${text}",${reply ? 'yes' : 'no'},${reply ? `${c}-${p}-${k - 1}` : ''}`);
      }
    }
    fs.writeSync(out, `${lines.join('\n')}\n`);
  }
  fs.closeSync(out);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microplan-bench-long-tasks-'));
const app = await openApp({ dist });
try {
  const { page } = app;
  const cdp = await page.context().newCDPSession(page);
  await page.getByLabel('New workspace name').fill('Long tasks');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByText('Opened “Long tasks”').waitFor();
  await app.goto('Creators');
  if (scenarios.includes('import') || scenarios.includes('reload')) {
    writeCreatorsAndPosts(dir, 5000, 30);
    for (const [label, file, rows] of [['Creators', 'creators.csv', 5000], ['Posts', 'posts.csv', 150000]]) {
      const shown = await chooseLargeImport(page, dir, label, file, rows);
      await page.waitForSelector('.save-status.ok', { timeout: 300_000 });
      const traced = scenarios.includes('import');
      if (traced) await startTrace(cdp, CATEGORIES);
      await page.getByRole('button', { name: `Import ${shown} rows` }).click();
      await page.getByText(`Imported ${label}: ${shown} added`).waitFor({ timeout: 300_000 });
      await page.waitForFunction(settled, null, { timeout: 300_000, polling: 'raf' });
      if (traced) printTasks(`import ${shown} ${label.toLowerCase()}, click to saved and scored`, await stopTrace(cdp));
    }
  }
  if (scenarios.includes('reload')) {
    for (let run = 1; run <= 2; run += 1) {
      await startTrace(cdp, CATEGORIES);
      await page.reload();
      await page.waitForFunction(settled, null, { timeout: 300_000, polling: 'raf' });
      printTasks(`reload ${run} of 5,000 creators x 30 posts, to every row scored`, await stopTrace(cdp));
    }
  }
  if (scenarios.includes('comments')) {
    const file = path.join(dir, 'comments.csv');
    writeComments(file);
    await app.goto('Creators');
    await app.waitSaved();
    await startTrace(cdp, CATEGORIES);
    await page.getByLabel('Comments file (CSV)').setInputFiles(file);
    await page.getByTestId('comment-report').waitFor({ timeout: 600_000 });
    await page.waitForFunction(() => document.querySelector('.save-status.ok') !== null
      && document.querySelector('[data-testid=audit-progress]') === null, null, { timeout: 600_000, polling: 50 });
    await page.waitForTimeout(500);
    printTasks('900,000 comments imported, to saved', await stopTrace(cdp));
  }
  if (app.pageErrors.length > 0) console.log(`page errors: ${app.pageErrors.join('; ')}`);
} finally {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
