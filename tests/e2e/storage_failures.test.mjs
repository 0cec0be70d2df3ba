// Honest failure: blocked storage runs in memory with a banner, a full quota keeps the last
// saved state, and unreadable stored data is offered for download instead of being reset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openApp, loadDemo, rowCount } from './harness.mjs';
import { readRecords } from './storage_helpers.mjs';

test('blocked storage: the app works in memory and says so', async () => {
  const app = await openApp({
    initScript: () => {
      Object.defineProperty(window, 'indexedDB', {
        get() { throw new DOMException('storage is disabled', 'SecurityError'); },
      });
    },
  });
  try {
    const { page } = app;
    await page.getByRole('alert').filter({ hasText: 'Working in memory only' }).waitFor();
    assert.match(await page.locator('.save-status').innerText(), /storage unavailable/);
    await page.getByRole('button', { name: 'Load demo workspace' }).first().click();
    await page.getByText('Opened “Demo: Hearth & Trail”').waitFor();
    await app.goto('Creators');
    assert.equal(await rowCount(page, 'Creators'), 40);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('quota exceeded: a clear message, the previous saved state survives, and the edit is stored once there is room', async () => {
  // Writes fail once the test sets window.__quotaFull, as a full disk would make them.
  const app = await openApp({
    initScript: () => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (window.__quotaFull) throw new DOMException('quota exceeded', 'QuotaExceededError');
        return put.apply(this, args);
      };
    },
  });
  try {
    const { page } = app;
    await loadDemo(app);
    await page.evaluate(() => { window.__quotaFull = true; });
    const row = page.locator('li.workspace', { hasText: 'Demo: Hearth & Trail' });
    await row.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name for Demo: Hearth & Trail').fill('Renamed while the disk is full');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('alert').filter({ hasText: 'quota exceeded' }).waitFor();
    assert.match(await page.getByRole('alert').first().innerText(), /last saved version is intact/);
    const stored = Object.entries(await readRecords(page)).filter(([key]) => key.startsWith('microplan/meta/'));
    assert.deepEqual(stored.map(([, meta]) => JSON.parse(meta).name), ['Demo: Hearth & Trail'],
      'the last saved version is what storage holds');
    // Leaving keeps the unsaved edit aside; once there is room again (the new page's disk is
    // not full) it is stored over that last saved version, which it was made on.
    await app.reload();
    const names = await page.locator('.workspace-name').allInnerTexts();
    assert.deepEqual(names, ['Renamed while the disk is full']);
    await app.goto('Creators');
    assert.equal(await rowCount(page, 'Creators'), 40);
  } finally {
    await app.close();
  }
});

test('unreadable stored data is kept and offered for download, never reset', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    // Damage the stored workspace the way a cut-off write or a manual edit would.
    const key = await page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('microplan');
      open.onsuccess = () => {
        const store = open.result.transaction('records', 'readwrite').objectStore('records');
        const keys = store.getAllKeys();
        keys.onsuccess = () => {
          const key = keys.result.find((k) => k.startsWith('microplan/workspace/'));
          store.put('{"app":"microplan","schema_version":2,"workspace":{"name":"Demo", "creators": [', key);
          store.transaction.oncomplete = () => resolve(key);
        };
      };
      open.onerror = () => reject(open.error);
    }));
    assert.ok(key);
    await app.reload();
    const banner = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await banner.waitFor();
    assert.match(await banner.innerText(), /Nothing was reset/);
    const raw = await app.download(banner.getByRole('button', { name: 'Download raw data' }));
    assert.match(fs.readFileSync(raw, 'utf8'), /"creators": \[$/);
    // The damaged record is still stored after a reload: nothing overwrote it.
    await app.reload();
    await page.getByRole('alert').filter({ hasText: 'could not be read' }).waitFor();
    // Removing it is an explicit choice.
    await page.getByRole('button', { name: 'Remove it' }).click();
    await page.getByRole('alert').filter({ hasText: 'could not be read' }).waitFor({ state: 'detached' });
    await page.locator('.workspace-name').first().waitFor({ state: 'detached' });
    assert.deepEqual(await page.locator('.workspace-name').allInnerTexts(), []);
  } finally {
    await app.close();
  }
});
