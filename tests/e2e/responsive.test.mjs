// The page stays usable while it scores and stores a large import, and while a large
// workspace reopens: a filter typed and a section switched take effect while the scoring is
// still under way (checked by what the page shows, not by timing), the previous complete
// scores stay on screen meanwhile, and after a reload every row and every score is there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, rowCount } from './harness.mjs';
import { chooseLargeImport, writeCreatorsAndPosts } from './large_files.mjs';

const CREATORS = 5000;
const POSTS_EACH = 30;

/** In the page: once scoring is under way, types `text` into the creator filter; returns,
 *  one frame later, what the table says and whether scoring was still under way. */
const FILTER_WHILE_SCORING = (text) => new Promise((resolve, reject) => {
  const started = performance.now();
  const wait = () => {
    if (document.querySelector('[data-testid=audit-progress]') === null) {
      if (performance.now() - started > 120_000) reject(new Error('scoring never started'));
      else requestAnimationFrame(wait);
      return;
    }
    const input = document.getElementById('filter-text');
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    requestAnimationFrame(() => resolve({
      shown: document.body.innerText.match(/[\d,]+ of [\d,]+ creators? shown/)?.[0] ?? null,
      progress: document.querySelector('[data-testid=audit-progress]')?.textContent ?? null,
    }));
  };
  wait();
});

/** In the page: once scoring is under way, switches to Overview and back to Creators, one
 *  frame apart; returns the headings seen and whether scoring was still under way. */
const SWITCH_WHILE_SCORING = () => new Promise((resolve, reject) => {
  const started = performance.now();
  const link = (title) => [...document.querySelectorAll('nav[aria-label=Sections] a')].find((a) => a.textContent.trim() === title);
  const heading = () => document.getElementById('section-heading')?.textContent ?? null;
  const wait = () => {
    if (document.querySelector('[data-testid=audit-progress]') === null) {
      if (performance.now() - started > 120_000) reject(new Error('scoring never started'));
      else requestAnimationFrame(wait);
      return;
    }
    link('Overview').click();
    requestAnimationFrame(() => {
      const away = heading();
      link('Creators').click();
      requestAnimationFrame(() => resolve({
        away,
        back: heading(),
        progress: document.querySelector('[data-testid=audit-progress]')?.textContent ?? null,
      }));
    });
  };
  wait();
});

test('the page answers while a large import is scored and saved, and while it reopens', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microplan-responsive-'));
  writeCreatorsAndPosts(dir, CREATORS, POSTS_EACH);
  const app = await openApp();
  try {
    const { page } = app;
    await page.getByLabel('New workspace name').fill('Responsive');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Opened “Responsive”').waitFor();
    await app.goto('Creators');
    for (const [label, file, rows] of [['Creators', 'creators.csv', CREATORS], ['Posts', 'posts.csv', CREATORS * POSTS_EACH]]) {
      const shown = await chooseLargeImport(page, dir, label, file, rows);
      if (label === 'Creators') {
        await page.getByRole('button', { name: `Import ${shown} rows` }).click();
        await page.getByText(`Imported ${label}: ${shown} added`).waitFor({ timeout: 120_000 });
        await page.waitForSelector('[data-testid=audit-progress]', { state: 'detached', timeout: 120_000 });
        await page.waitForSelector('.save-status.ok', { timeout: 120_000 });
        continue;
      }
      // The posts change every creator's score: they are scored again in the background.
      const filtering = page.evaluate(FILTER_WHILE_SCORING, 'creator_4999');
      await page.getByRole('button', { name: `Import ${shown} rows` }).click();
      const seen = await filtering;
      assert.equal(seen.shown, '1 of 5,000 creators shown', 'the filter took effect at once');
      assert.match(seen.progress ?? 'finished', /^Scoring creators… [\d,]+ of 5,000\./, 'while scoring was under way');
    }
    await page.getByText(`Imported Posts: ${(CREATORS * POSTS_EACH).toLocaleString('en-US')} added`).waitFor({ timeout: 120_000 });
    await page.waitForSelector('[data-testid=audit-progress]', { state: 'detached', timeout: 120_000 });
    await page.waitForSelector('.save-status.ok', { timeout: 120_000 });
    await page.locator('#filter-text').fill('');
    await page.getByText('5,000 of 5,000 creators shown').waitFor();
    const scored = await page.locator('[data-testid=creator-table] tbody tr').first().innerText();

    // Reopening: the section switch takes effect while the creators are being scored.
    await page.reload();
    const seen = await page.evaluate(SWITCH_WHILE_SCORING);
    assert.equal(seen.away, 'Plan and prove micro-influencer programmes', 'the Overview opened');
    assert.equal(seen.back, 'Creators');
    assert.match(seen.progress ?? 'finished', /^Scoring creators… [\d,]+ of 5,000\./, 'while scoring was under way');
    await page.waitForSelector('[data-testid=audit-progress]', { state: 'detached', timeout: 120_000 });
    await page.getByText('5,000 of 5,000 creators shown').waitFor({ timeout: 120_000 });
    assert.equal(await rowCount(page, 'Creators'), CREATORS);
    assert.equal(await rowCount(page, 'Posts'), CREATORS * POSTS_EACH);
    // Every score is back, the same as before the reload.
    assert.equal(await page.locator('[data-testid=creator-table] tbody tr').first().innerText(), scored);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
