// Creator audit throughput in headless Chromium (release build): import and score 5,000
// creators x 30 posts, then import and analyse 1,000 creators x 30 posts x 30 comments
// (900,000 comments) with the page's own progress bar. Prints figures; asserts nothing about
// speed. Usage: node tests/bench/creators_browser.mjs [dist]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../e2e/harness.mjs';
import { chooseLargeImport, writeCreatorsAndPosts } from '../e2e/large_files.mjs';

const CREATORS = 5000;
// Counts as the page shows them (thousands grouped).
const grouped = (n) => n.toLocaleString('en-US');
const POSTS_EACH = 30;
const COMMENT_CREATORS = 1000;
const COMMENTS_EACH = 30;

// Specific comments are unique within a creator, as in real comment sections; praise and
// emoji repeat.
const SPECIFIC = [
  'Which flour did you use for this loaf?',
  'How long did you let the dough rest before shaping it?',
  'That hill section at the end looked brutal, what shoes were you wearing?',
  'Tried your starter tip yesterday and the crumb came out so much more open',
  'Do you think this route works in winter with the mud on the ridge?',
];
const GENERIC = ['nice pic', 'love this', 'so cute', 'amazing', 'great post', 'wow'];
const EMOJI = ['🔥🔥', '😍', '👏👏👏', '❤️'];

// Two comment files of the same size: in the first a creator's specific comments repeat on
// every post (as the earlier figures of this benchmark did), in the second each is unique
// within the creator but built from five templates, so all are near-duplicates of each
// other: the hardest case for the near-duplicate search.
const COMMENT_FILES = [
  ['comments-repeated.csv', 'specific comments repeated across posts', (p, k) => ` (${k})`],
  ['comments-unique.csv', 'specific comments unique within each creator', (p, k) => ` (post ${p}, ${k})`],
];

function writeComments(dir, name, suffix) {
  const out = fs.openSync(path.join(dir, name), 'w');
  fs.writeSync(out, 'creator,post id,comment id,commenter,comment,is creator reply,parent comment\n');
  for (let c = 0; c < COMMENT_CREATORS; c += 1) {
    const lines = [];
    for (let p = 0; p < POSTS_EACH; p += 1) {
      for (let k = 0; k < COMMENTS_EACH; k += 1) {
        const pick = (c * 7 + p * 13 + k * 31) % 10;
        const text = pick < 4 ? SPECIFIC[(p + k) % SPECIFIC.length] + suffix(p, k) : pick < 8 ? GENERIC[k % GENERIC.length] : EMOJI[k % EMOJI.length];
        const reply = k % 10 === 9;
        const who = reply ? `creator_${c}` : `fan_${c}_${(p * 7 + k * 3) % 120}`;
        lines.push(`creator_${c},${c}-${p},${c}-${p}-${k},${who},"${text}",${reply ? 'yes' : 'no'},${reply ? `${c}-${p}-${k - 1}` : ''}`);
      }
    }
    fs.writeSync(out, lines.join('\n') + '\n');
  }
  fs.closeSync(out);
}

function writeFiles(dir) {
  writeCreatorsAndPosts(dir, CREATORS, POSTS_EACH);
  for (const [name, , suffix] of COMMENT_FILES) writeComments(dir, name, suffix);
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microplan-bench-creators-'));
writeFiles(dir);
const sizeMb = (name) => (fs.statSync(path.join(dir, name)).size / 1e6).toFixed(1);
const app = await openApp({ dist: process.argv[2] ?? process.env.E2E_DIST ?? 'dist' });
try {
  const { page } = app;
  await page.getByLabel('New workspace name').fill('Throughput');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByText('Opened “Throughput”').waitFor();
  await app.goto('Creators');
  const shown = page.getByText(`${grouped(CREATORS)} of ${grouped(CREATORS)} creators shown`);
  for (const [label, file, rows] of [['Creators', 'creators.csv', CREATORS], ['Posts', 'posts.csv', CREATORS * POSTS_EACH]]) {
    const started = Date.now();
    const count = await chooseLargeImport(page, dir, label, file, rows);
    const checked = Date.now();
    await page.getByRole('button', { name: `Import ${count} rows` }).click();
    await page.getByText(`Imported ${label}: ${count} added`).waitFor({ timeout: 300_000 });
    if (label === 'Posts') await shown.waitFor({ timeout: 300_000 });
    const done = Date.now();
    console.log(`${label}: ${rows} rows (${sizeMb(file)} MB) read and checked in ${seconds(checked - started)}, stored${label === 'Posts' ? ' and all 5,000 creators audited' : ''} in ${seconds(done - checked)}`);
  }
  // Re-audit with other weights: from the change to the new first row of the table.
  const firstRow = () => page.getByTestId('creator-table').locator('tbody tr').first().innerText();
  await page.locator('#settings-heading').click();
  const before = await firstRow();
  let started = Date.now();
  await page.getByLabel('Weights for objective').selectOption('awareness');
  await page.waitForFunction((text) => document.querySelector('[data-testid=creator-table] tbody tr')?.innerText !== text, before, { timeout: 120_000 });
  console.log(`re-audit of ${CREATORS} creators x ${POSTS_EACH} posts after a weight change: ${seconds(Date.now() - started)}`);
  // A status change does not re-audit (only the audit's inputs do).
  started = Date.now();
  await page.getByLabel('Search', { exact: true }).fill('creator_0');
  await page.getByLabel('Status of creator_0', { exact: true }).selectOption('vetted');
  await page.getByLabel('Search', { exact: true }).fill('');
  await shown.waitFor();
  console.log(`search, status change and clearing the search on ${CREATORS} rows: ${seconds(Date.now() - started)}`);

  // 900,000 comments with the page's progress bar; the longest gap between frames says how
  // responsive the page stayed.
  const input = page.getByLabel('Comments file (CSV)');
  for (const [name, label] of COMMENT_FILES) {
    await page.evaluate(() => {
      window.benchFrames = { last: performance.now(), worst: 0, frames: 0 };
      const tick = () => {
        const now = performance.now();
        if (now - window.benchFrames.last > window.benchFrames.worst) {
          window.benchFrames.worst = now - window.benchFrames.last;
          // Whether the gap ended after the import had finished (the file input is enabled again).
          window.benchFrames.worstAfterReport = window.benchFrames.running === true && !document.getElementById('comments-file')?.disabled;
        }
        if (document.getElementById('comments-file')?.disabled) window.benchFrames.running = true;
        window.benchFrames.last = now;
        window.benchFrames.frames += 1;
        if (document.getElementById('busy-progress')) window.benchFrames.withProgress = (window.benchFrames.withProgress ?? 0) + 1;
        window.benchFrames.id = requestAnimationFrame(tick);
      };
      window.benchFrames.id = requestAnimationFrame(tick);
    });
    started = Date.now();
    await input.setInputFiles(path.join(dir, name));
    await page.waitForFunction(() => document.getElementById('comments-file')?.disabled === true, null, { polling: 10 });
    await page.waitForFunction(() => document.getElementById('comments-file')?.disabled === false && document.querySelector('[data-testid=comment-report]'), null, { timeout: 600_000, polling: 20 });
    const wall = Date.now() - started;
    const frames = await page.evaluate(() => { cancelAnimationFrame(window.benchFrames.id); return window.benchFrames; });
    const text = await page.getByTestId('comment-report').locator('p').first().innerText();
    console.log(`comments, ${label}: ${text} (${sizeMb(name)} MB file)`);
    console.log(`comments, ${label}: wall time from file choice to report ${seconds(wall)}; progress bar on screen in ${frames.withProgress ?? 0} frames; longest frame gap ${frames.worst.toFixed(0)} ms over ${frames.frames} frames (${frames.worstAfterReport ? 'after the import: storing the summaries and re-auditing the workspace' : 'during the import'})`);
  }
  if (app.pageErrors.length > 0) console.log(`page errors: ${app.pageErrors.join('; ')}`);
} finally {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
