// After one visit the app reopens with no network at all, with its stored data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, reopenOfflineAfterOneVisit, rowCount } from './harness.mjs';

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
