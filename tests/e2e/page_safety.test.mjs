// The page protects itself: a strict Content-Security-Policy, a crash that costs no data and
// does not come back on reload, and an offline cache that holds only this build's own files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, loadDemo, rowCount, repoRoot } from './harness.mjs';

const dist = process.env.E2E_DIST ?? 'dist';

test('the release policy allows no inline script, no development host, no form post', async () => {
  const html = fs.readFileSync(path.join(repoRoot, dist, 'index.html'), 'utf8');
  // The release page is minified: attributes in any order, quotes only where needed.
  const meta = html.match(/<meta\b[^>]*http-equiv="?Content-Security-Policy[^>]*>/)?.[0] ?? '';
  const policy = meta.match(/\bcontent="([^"]+)"/)?.[1] ?? '';
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.ok(!directives['script-src'].includes("'unsafe-inline'"), policy);
  assert.ok(directives['script-src'].some((source) => source.startsWith("'sha256-")), policy);
  assert.ok(!policy.includes('ws:') && !policy.includes('localhost') && !policy.includes('127.0.0.1'), policy);
  assert.deepEqual(directives['form-action'], ["'none'"]);
  assert.deepEqual(directives['base-uri'], ["'none'"]);
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['connect-src'], ["'self'"]);

  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injectedScriptRan = true;';
      document.body.append(script);
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="data:," onerror="window.__injectedHandlerRan = true">';
      document.body.append(holder);
    });
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__injectedScriptRan ?? false), false, 'an injected inline script ran');
    assert.equal(await page.evaluate(() => window.__injectedHandlerRan ?? false), false, 'an injected handler ran');
    // The app itself still runs under the policy.
    await app.goto('Creators');
    assert.equal(await rowCount(page, 'Creators'), 40);
    const unexpected = app.pageErrors.filter((error) => !error.includes('Content Security Policy'));
    assert.deepEqual(unexpected, []);
  } finally {
    await app.close();
  }
});

test('a crash keeps the stored data, says what happened and does not reopen the failing section', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Results');
    await page.evaluate(() => {
      try { window.wasmBindings.microplan_simulate_crash('simulated failure for the test'); } catch { /* the trap */ }
    });
    const notice = page.locator('.crash-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /simulated failure for the test/);
    assert.match(await notice.innerText(), /not on Results/);

    await notice.getByRole('link', { name: 'Reopen Microplan' }).click();
    await page.waitForSelector('.save-status:not(:has-text("Opening storage"))');
    const banner = page.getByRole('alert').filter({ hasText: 'Microplan stopped last time, on Results' });
    await banner.waitFor();
    assert.match(await banner.innerText(), /simulated failure for the test/);
    assert.equal(await page.locator('#section-heading').innerText(), 'Plan and prove micro-influencer programmes');
    assert.ok(!page.url().includes('recovered'), page.url());
    await app.goto('Creators');
    assert.equal(await rowCount(page, 'Creators'), 40, 'the demo workspace is still stored');

    // The report stays until dismissed, and once dismissed it is gone after a reload too.
    await app.goto('Overview');
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await app.reload();
    assert.equal(await page.getByText('Microplan stopped last time').count(), 0);
  } finally {
    await app.close();
  }
});

test('the offline cache holds one build, only the app files, and drops older builds', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.evaluate(() => navigator.serviceWorker.ready);
    // A cache left by an older build, and a worker that is replaced on the next load.
    await page.evaluate(async () => {
      const old = await caches.open('microplan-v1');
      await old.put('old-build.js', new Response('old'));
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.unregister();
    });
    await app.reload();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await app.reload();
    await page.evaluate(() => fetch('index.html?utm_source=newsletter').then((r) => r.text()));
    await page.evaluate(() => fetch('not-an-app-file.txt').catch(() => null));
    const caches = await page.evaluate(async () => {
      const names = await caches.keys();
      const entries = {};
      for (const name of names) entries[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
      return entries;
    });
    const names = Object.keys(caches);
    assert.equal(names.length, 1, JSON.stringify(names));
    assert.match(names[0], /^microplan-[0-9a-f]{16}$/);
    const urls = caches[names[0]];
    assert.ok(urls.length > 0);
    assert.ok(urls.every((url) => !url.includes('?')), urls.join(', '));
    assert.ok(urls.every((url) => !url.includes('not-an-app-file')), urls.join(', '));
    assert.ok(urls.some((url) => url.endsWith('.wasm')), urls.join(', '));
  } finally {
    await app.close();
  }
});
