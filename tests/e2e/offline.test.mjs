// After one visit the app reopens with no network at all, with its stored data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDemo, openApp, reopenOfflineAfterOneVisit, rowCount } from './harness.mjs';

test('reopens offline after one visit', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await reopenOfflineAfterOneVisit(app);
    await app.goto('Creators');
    assert.equal(await rowCount(page, 'Creators'), 40);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.context.setOffline(false);
    await app.close();
  }
});

test('a reload takes the files named by their content from the offline cache, and index.html from the network', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.evaluate(() => navigator.serviceWorker.ready);
    await loadDemo(app);
    await app.goto('Creators');
    // The worker stores at install; it controls the page from the next load.
    await app.reload();
    const before = app.server.served.length;
    await app.reload();
    await app.goto('Creators');
    assert.equal(await rowCount(page, 'Creators'), 40);
    const asked = app.server.served.slice(before);
    assert.ok(asked.includes('/'), `index.html comes from the network: ${asked.join(', ')}`);
    const immutable = asked.filter((file) => /^\/app-[0-9a-f]+\/|-[0-9a-f]{16}\.css$/.test(file));
    assert.deepEqual(immutable, [], 'hashed files come from the cache');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
