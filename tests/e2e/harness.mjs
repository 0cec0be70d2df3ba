// Shared set-up for the end-to-end tests: a static server for the release builds, the
// system Chromium driven by playwright-core, and a record of every request the page makes.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const fixture = (...parts) => path.join(repoRoot, 'tests', 'fixtures', ...parts);

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Every file under `dir`, gzip-compressed, by absolute path. */
function gzipAll(dir) {
  return new Map(fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .map((file) => [file, zlib.gzipSync(fs.readFileSync(file), { level: 9 })]));
}

/**
 * Serves `dir` under `prefix` (e.g. '/' or '/microplan/') on a free loopback port; with
 * `gzip`, as a static host would, Content-Encoding gzip to browsers that accept it.
 */
export async function serveStatic(dir, prefix = '/', { gzip = false } = {}) {
  const compressed = gzip ? gzipAll(dir) : new Map();
  // Every path asked for, from the page or its service worker.
  const served = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    served.push(url.pathname);
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('outside the app prefix');
      return;
    }
    let relative = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    const file = path.join(dir, relative);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    const type = MIME[path.extname(file)] ?? 'application/octet-stream';
    if (compressed.has(file) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      const body = compressed.get(file);
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.length, vary: 'accept-encoding' });
      res.end(body);
      return;
    }
    res.writeHead(200, { 'content-type': type });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, origin: `http://127.0.0.1:${port}`, served, close: () => server.close() };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Starts Chromium with a fresh profile directory (kept across `restart()` to prove that data
 * survives a browser restart), opens the app and records requests and page errors.
 */
export async function openApp({ dist = process.env.E2E_DIST ?? 'dist', prefix = '/', initScript, viewport, serviceWorkers = 'allow' } = {}) {
  // E2E_DIST lets several builds live side by side (dist-*), one per change being tried.
  const server = await serveStatic(path.resolve(repoRoot, dist), prefix);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'microplan-e2e-'));
  const app = { server, profile, requests: [], pageErrors: [], downloadsDir: fs.mkdtempSync(path.join(os.tmpdir(), 'microplan-dl-')) };

  async function launch() {
    app.context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      acceptDownloads: true,
      viewport: viewport ?? { width: 1280, height: 900 },
      serviceWorkers,
    });
    if (initScript) await app.context.addInitScript(initScript);
    app.page = app.context.pages()[0] ?? (await app.context.newPage());
    app.page.on('request', (request) => app.requests.push(request.url()));
    app.page.on('pageerror', (error) => app.pageErrors.push(String(error)));
    app.page.on('console', (message) => {
      if (message.type() === 'error') app.pageErrors.push(message.text());
    });
    app.page.on('dialog', (dialog) => dialog.accept());
    await app.page.goto(server.url);
    await app.page.waitForSelector('.save-status:not(:has-text("Opening storage"))');
  }

  app.restart = async () => {
    await app.context.close();
    await launch();
  };
  app.reload = async () => {
    await app.page.reload();
    await app.page.waitForSelector('.save-status:not(:has-text("Opening storage"))');
  };
  /** Every request that did not go to the app's own server. */
  app.foreignRequests = () =>
    app.requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
  /** Closes everything; fails the test if the page ever talked to another host. */
  app.close = async () => {
    await app.context?.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
    const foreign = app.foreignRequests();
    if (foreign.length > 0) throw new Error(`requests to other hosts: ${foreign.join(', ')}`);
  };
  /** Clicks and returns the saved path of the download it starts. */
  app.download = async (locator) => {
    const [download] = await Promise.all([app.page.waitForEvent('download'), locator.click()]);
    const target = path.join(app.downloadsDir, download.suggestedFilename());
    await download.saveAs(target);
    return target;
  };
  app.waitSaved = () => app.page.waitForSelector('.save-status.ok');
  app.goto = async (sectionTitle) => {
    // On a narrow screen the section list opens from the menu button first.
    const menu = app.page.locator('.menu-toggle');
    if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
    await app.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: sectionTitle }).click();
    await app.page.waitForSelector('#section-heading');
  };

  await launch();
  return app;
}

/** Loads the demo workspace from the overview and waits until it is saved. */
export async function loadDemo(app) {
  await app.goto('Overview');
  await app.page.getByRole('button', { name: 'Load demo workspace' }).first().click();
  await app.page.getByText('Opened “Demo: Hearth & Trail”').waitFor();
  await app.waitSaved();
}

/**
 * Loads the demo under the service worker, reloads once under its control (which stores the
 * files the first screen uses; on-demand files were stored when it installed), then cuts the
 * network and reloads: the app as a user reopens it with no connection.
 */
export async function reopenOfflineAfterOneVisit(app) {
  await app.page.evaluate(() => navigator.serviceWorker.ready);
  await loadDemo(app);
  await app.reload();
  await app.context.setOffline(true);
  await app.reload();
}

/** The row count a table card reports, e.g. 40 for "40 rows". */
export async function rowCount(page, tableLabel) {
  const card = page.locator('section.table-card', { has: page.getByRole('heading', { name: tableLabel, exact: true }) });
  // textContent: a card below the fold is not rendered yet (content-visibility), and
  // innerText of content that is not rendered is empty.
  const text = await card.locator('.table-head .muted').textContent();
  return Number(text.replace(/\D/g, ''));
}

export async function screenshot(app, name) {
  const dir = path.join(repoRoot, 'tests', 'e2e', 'artifacts');
  fs.mkdirSync(dir, { recursive: true });
  await app.page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
