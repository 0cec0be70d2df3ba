// The raw comments import runs in background workers: the page answers the user while a
// large file is analysed, the workers end when it is done, and what it stored is there
// after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, rowCount } from './harness.mjs';

const CREATORS = 300;
const POSTS_EACH = 20;
const COMMENTS_EACH = 40;

/** 240,000 comments: specific questions unique per post, praise, emoji and replies. */
function commentsFile() {
  const lines = ['creator,post id,comment id,commenter,comment,is creator reply,parent comment'];
  for (let c = 0; c < CREATORS; c += 1) {
    for (let p = 0; p < POSTS_EACH; p += 1) {
      for (let k = 0; k < COMMENTS_EACH; k += 1) {
        const reply = k % 10 === 9;
        const text = reply ? 'Thank you!' : k % 4 === 0 ? 'Love this' : k % 7 === 0 ? '🔥🔥' : `Which flour did you use on bake ${p} for loaf ${k} of creator ${c}?`;
        const who = reply ? `creator_${c}` : `fan_${c}_${(p * 7 + k * 3) % 90}`;
        lines.push(`creator_${c},${c}-${p},${c}-${p}-${k},${who},${text},${reply ? 'yes' : 'no'},${reply ? `${c}-${p}-${k - 1}` : ''}`);
      }
    }
  }
  return Buffer.from(lines.join('\n') + '\n');
}

test('the page answers during a large comments import, and the result is stored', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    const workers = [];
    page.on('worker', (worker) => {
      const entry = { closed: false };
      workers.push(entry);
      worker.on('close', () => { entry.closed = true; });
    });
    await page.getByLabel('New workspace name').fill('Large comments');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Opened “Large comments”').waitFor();
    await app.goto('Creators');
    // Whether the import was still running when the settings panel opened.
    await page.evaluate(() => {
      const details = document.getElementById('settings-heading').closest('details');
      details.addEventListener('toggle', () => {
        window.openedDuringImport ??= details.open && document.getElementById('comments-file').disabled;
      });
    });
    await page.getByLabel('Comments file (CSV)').setInputFiles({ name: 'comments.csv', mimeType: 'text/csv', buffer: commentsFile() });
    await page.waitForFunction(() => document.getElementById('comments-file').disabled);
    await page.locator('#settings-heading').click();
    await page.getByLabel('Weights for objective').waitFor();
    const report = page.getByTestId('comment-report');
    await report.waitFor({ timeout: 120_000 });
    assert.equal(await page.evaluate(() => window.openedDuringImport), true, 'the panel opened while the import ran');
    assert.match(await report.innerText(), /240,000 comments of 300 creators became 6,000 post summaries/);
    assert.match(await report.innerText(), /Love this/);
    await app.waitSaved();
    assert.ok(workers.length >= 1, 'the analysis ran in a worker');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(workers.map((w) => w.closed), workers.map(() => true), 'every worker ended');

    await app.reload();
    await app.goto('Creators');
    assert.equal(await rowCount(page, 'Comment summaries'), 6000);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

/** 24,000 comments, 1.5 MB, each row a different creator than the last: a file whose byte
 *  ranges share every creator, so the workers read it again creator by creator. */
function interleavedFile() {
  const lines = ['Account,Media ID,Comment author,Comment'];
  for (let i = 0; i < 24_000; i += 1) {
    const creator = i % 30;
    const text = i % 4 === 0 ? 'Love this' : `"Where was photo ${i} taken, near the ${creator} bridge?"`;
    lines.push(`creator_${creator},${creator}-${Math.floor(i / 30) % 10},fan_${i % 700},${text}`);
  }
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

test('a large file whose creators are interleaved is analysed exactly too', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.getByLabel('New workspace name').fill('Interleaved comments');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Opened “Interleaved comments”').waitFor();
    await app.goto('Creators');
    const file = interleavedFile();
    assert.ok(file.length > 1_000_000, `${file.length} bytes: large enough to be read by range first`);
    await page.getByLabel('Comments file (CSV)').setInputFiles({ name: 'interleaved.csv', mimeType: 'text/csv', buffer: file });
    const report = page.getByTestId('comment-report');
    await report.waitFor({ timeout: 120_000 });
    assert.match(await report.innerText(), /24,000 comments of 30 creators became 300 post summaries/);
    await app.waitSaved();
    assert.equal(await rowCount(page, 'Comment summaries'), 300);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
