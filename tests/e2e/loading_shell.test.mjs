// The page paints a loading shell before the wasm arrives: the header, the section list and a
// status that says what is happening. The app replaces it as it mounts, with no frame that
// shows both or neither, and over the same geometry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic, repoRoot, CHROMIUM_ARGS } from './harness.mjs';

const dist = path.resolve(repoRoot, process.env.E2E_DIST ?? 'dist');
let browser;
let server;
before(async () => {
  server = await serveStatic(dist);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  server?.close();
});

// Counts, once per frame before it paints, the banners and section lists in the page. It starts
// when the document is parsed: while parsing, the browser may paint the shell's header before
// its section list has arrived, which is ordinary progressive rendering, not the hand-over
// under test. The wasm is held until later, so the app cannot mount before then.
function countLandmarksEachFrame() {
  window.__landmarkCounts = [];
  const tick = () => {
    const banners = document.querySelectorAll('header').length;
    const navs = document.querySelectorAll('nav[aria-label="Sections"]').length;
    window.__landmarkCounts.push(`${banners} banner, ${navs} nav`);
    requestAnimationFrame(tick);
  };
  document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(tick));
}

async function sectionLinks(page) {
  return page.getByRole('navigation', { name: 'Sections', includeHidden: true }).getByRole('link', { includeHidden: true })
    .evaluateAll((links) => links.map((a) => `${a.textContent.trim()} -> ${a.getAttribute('href')}`));
}

async function geometry(page) {
  return page.evaluate(() => {
    const box = (selector) => {
      const rect = document.querySelector(selector).getBoundingClientRect();
      return [rect.x, rect.y, rect.width, rect.height].map(Math.round).join(',');
    };
    // The list's own height follows the page's length; its last link's place does not.
    return { header: box('header'), brand: box('header .brand'), lastSection: box('nav[aria-label="Sections"] li:last-child a'), heading: box('h1') };
  });
}

for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
  test(`at ${viewport.width} px the shell shows while the wasm is held back, then the app replaces it`, async () => {
    const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
    try {
      await context.addInitScript(countLandmarksEachFrame);
      const held = [];
      await context.route('**/*.wasm', (route) => held.push(route));
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(server.url);

      const banner = page.getByRole('banner');
      await banner.waitFor();
      assert.ok(await banner.getByRole('link', { name: 'Microplan overview' }).isVisible());
      const status = page.getByRole('status');
      assert.match(await status.innerText(), /^Loading Microplan… it runs entirely in this browser; nothing is uploaded\.$/);
      assert.ok(await status.isVisible());
      assert.ok(await page.getByRole('heading', { level: 1, name: 'Plan and prove micro-influencer programmes' }).isVisible());
      const nav = page.getByRole('navigation', { name: 'Sections' });
      if (viewport.width < 760) {
        // On a phone the list opens from the menu button, as in the app.
        assert.equal(await nav.isVisible(), false);
        await page.getByRole('button', { name: 'Menu' }).click();
      }
      assert.ok(await nav.getByRole('link', { name: 'Creators' }).isVisible());
      assert.equal(await nav.getByRole('link', { name: 'Overview' }).getAttribute('aria-current'), 'page');
      if (viewport.width < 760) await page.getByRole('button', { name: 'Menu' }).click();
      const shellLinks = await sectionLinks(page);
      const shellGeometry = await geometry(page);
      assert.ok(held.length > 0, 'the wasm was requested');
      if (viewport.width >= 760) await nav.getByRole('link', { name: 'Creators' }).focus();

      for (const route of held.splice(0)) await route.continue();
      await context.unroute('**/*.wasm');
      await page.waitForSelector('.save-status:not(:has-text("Opening storage"))');
      assert.equal(await page.locator('#boot-shell').count(), 0, 'the shell is gone');
      assert.equal(await page.getByRole('banner').count(), 1);
      assert.equal(await page.getByRole('navigation', { name: 'Sections', includeHidden: true }).count(), 1);
      assert.equal(await page.locator('nav#section-list').count(), 1, "the section list is the app's");
      assert.deepEqual(await sectionLinks(page), shellLinks, 'the shell lists the same sections, in order, with the same targets');
      assert.deepEqual(await geometry(page), shellGeometry, 'the app mounts over the same geometry');
      if (viewport.width >= 760) {
        const focused = await page.evaluate(() => `${document.activeElement.closest('nav')?.id} ${document.activeElement.getAttribute('href')}`);
        assert.equal(focused, 'section-list #/creators', "keyboard focus moves to the app's matching link");
      }

      const frames = await page.evaluate(() => window.__landmarkCounts);
      assert.ok(frames.length > 2, `frames recorded: ${frames.length}`);
      assert.deepEqual([...new Set(frames)], ['1 banner, 1 nav'], 'every frame shows exactly one banner and one section list');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('the shell names the section in the address, and says so plainly when the wasm cannot load', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    await context.route('**/*.wasm', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${server.url}#/uplift-tests`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Uplift tests');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    assert.equal(await nav.getByRole('link', { name: 'Uplift tests' }).getAttribute('aria-current'), 'page');
    assert.equal(await nav.getByRole('link', { name: 'Overview' }).getAttribute('aria-current'), null);
    const status = page.getByRole('status');
    await page.waitForFunction(() => document.getElementById('boot-shell')?.dataset.boot === 'failed');
    assert.match(await status.innerText(), /^Microplan could not load \(.+\)\. Check the connection, then reload the page\.$/);
  } finally {
    await context.close();
  }
});

test('the shell says when loading is slow, and when the browser has no WebAssembly', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    await context.route('**/*.wasm', () => {});
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(server.url);
    const status = page.getByRole('status');
    assert.match(await status.innerText(), /^Loading Microplan…/);
    await page.clock.fastForward(21_000);
    assert.match(await status.innerText(), /^Still loading after 20 seconds: the connection may be slow\./);

    const noWasm = await context.newPage();
    await noWasm.addInitScript(() => { delete window.WebAssembly; });
    await noWasm.goto(server.url);
    assert.match(await noWasm.getByRole('status').innerText(), /^Microplan cannot start: this browser has WebAssembly turned off or does not support it\./);
  } finally {
    await context.close();
  }
});

test('the shell works in the sub-path build: its links stay under the sub-path', async () => {
  const subpath = await serveStatic(path.resolve(repoRoot, 'dist-subpath'), '/microplan/');
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const held = [];
    await context.route('**/*.wasm', (route) => held.push(route));
    const page = await context.newPage();
    const outside = [];
    page.on('request', (request) => { if (!request.url().startsWith(subpath.url)) outside.push(request.url()); });
    await page.goto(subpath.url);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await nav.waitFor();
    await nav.getByRole('link', { name: 'Creators' }).click();
    assert.equal(page.url(), `${subpath.url}#/creators`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Creators');
    assert.ok(held.length > 0, 'the wasm was requested');
    for (const route of held.splice(0)) await route.continue();
    await context.unroute('**/*.wasm');
    await page.waitForSelector('.save-status:not(:has-text("Opening storage"))');
    assert.equal(await page.locator('#boot-shell').count(), 0);
    assert.equal(await page.locator('#section-heading').innerText(), 'Creators', 'the app opens the section chosen while it loaded');
    assert.deepEqual(outside, []);
  } finally {
    await context.close();
    subpath.close();
  }
});
