// A programme of 5,000 creators with 30 posts each imports with progress, saves to
// IndexedDB (beyond localStorage's ~5 MiB) and is all there after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, rowCount } from './harness.mjs';
import { writeCreatorsAndPosts } from './large_files.mjs';

const CREATORS = 5000;
const POSTS_EACH = 30;

function writeFiles() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microplan-large-'));
  writeCreatorsAndPosts(dir, CREATORS, POSTS_EACH);
  return dir;
}

test('5,000 creators x 30 posts save and reload', async () => {
  const dir = writeFiles();
  const app = await openApp();
  try {
    const { page } = app;
    await page.getByLabel('New workspace name').fill('Large programme');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Opened “Large programme”').waitFor();
    await app.goto('Creators');
    // Closing the import while a large file is still being checked stops the check cleanly.
    const posts = page.locator('section.table-card', { has: page.getByRole('heading', { name: 'Posts', exact: true }) });
    await posts.getByRole('button', { name: 'Import CSV' }).click();
    await posts.locator('input[type=file]').setInputFiles(path.join(dir, 'posts.csv'));
    await page.locator('#busy-progress').waitFor();
    await posts.getByRole('button', { name: 'Close import' }).click();
    await page.locator('#busy-progress').waitFor({ state: 'detached' });
    assert.deepEqual(app.pageErrors, []);
    for (const [label, file, rows] of [['Creators', 'creators.csv', CREATORS], ['Posts', 'posts.csv', CREATORS * POSTS_EACH]]) {
      const card = page.locator('section.table-card', { has: page.getByRole('heading', { name: label, exact: true }) });
      await card.getByRole('button', { name: 'Import CSV' }).click();
      await card.locator('input[type=file]').setInputFiles(path.join(dir, file));
      const shown = rows.toLocaleString('en-US'); // counts are grouped: 150,000
      await page.getByTestId('import-summary').filter({ hasText: `${shown} rows read: ${shown} ready to import, 0 with problems.` }).waitFor({ timeout: 120_000 });
      await page.getByRole('button', { name: `Import ${shown} rows` }).click();
      await page.getByText(`Imported ${label}: ${shown} added`).waitFor();
    }
    await page.waitForSelector('.save-status.ok', { timeout: 120_000 });
    await app.reload();
    await app.goto('Creators');
    await page.waitForSelector('section.table-card tbody tr', { timeout: 120_000 });
    assert.equal(await rowCount(page, 'Creators'), CREATORS);
    assert.equal(await rowCount(page, 'Posts'), CREATORS * POSTS_EACH);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
