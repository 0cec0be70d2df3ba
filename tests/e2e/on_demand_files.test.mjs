// The demo workspace and the method text are files beside the page, fetched only when asked
// for: they work offline after one visit that never opened them, and a failed download says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, loadDemo, rowCount } from './harness.mjs';

test('the demo and the method load offline after one visit that opened neither', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.evaluate(() => navigator.serviceWorker.ready);
    // One reload under the service worker's control caches the page's own files.
    await app.reload();
    assert.ok(!app.requests.some((url) => url.endsWith('demo.microplan.json') || url.endsWith('method.md')),
      'the first screen fetches neither file');
    await app.context.setOffline(true);
    await app.reload();
    await loadDemo(app);
    await app.goto('Creators');
    assert.equal(await rowCount(page, 'Creators'), 40);
    await page.locator('#method-heading').click();
    await page.locator('section.method').getByRole('heading', { name: 'Composite score' }).waitFor();
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.context.setOffline(false);
    await app.close();
  }
});

test('a demo that cannot be downloaded says why and changes nothing', async () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'microplan-dist-nodemo-'));
  fs.cpSync(path.resolve(import.meta.dirname, '../..', process.env.E2E_DIST ?? 'dist'), dist, { recursive: true });
  fs.rmSync(path.join(dist, 'demo.microplan.json'));
  const app = await openApp({ dist });
  try {
    const { page } = app;
    await app.goto('Overview');
    await page.getByRole('button', { name: 'Load demo workspace' }).first().click();
    const notice = page.getByText(/The demo could not be loaded: /);
    await notice.waitFor();
    assert.match(await notice.innerText(), /the server answered 404 .*demo\.microplan\.json/);
    assert.equal(await page.getByText('Opened “Demo: Hearth & Trail”').count(), 0);
    assert.ok(await page.getByRole('button', { name: 'Load demo workspace' }).first().isEnabled());
  } finally {
    await app.close();
    fs.rmSync(dist, { recursive: true, force: true });
  }
});
