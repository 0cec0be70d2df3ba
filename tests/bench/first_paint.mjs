// First paint on a slow link: how soon a first visitor sees the page, and how soon the app
// is mounted and usable, on throttled connections in headless Chromium.
//   node tests/bench/first_paint.mjs [dist] [other dist...]
// Each build is served gzip-compressed (as a static host would) and uncompressed. Every run
// starts cold: a new browser context (empty cache, no service worker). Figures are medians.
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic, repoRoot, CHROMIUM_ARGS } from '../e2e/harness.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const PROFILES = [
  { name: 'slow: 1.6 Mbps down, 750 kbps up, 150 ms', down: 1.6e6, up: 750e3, latency: 150 },
  { name: '10 Mbps, 40 ms', down: 10e6, up: 10e6, latency: 40 },
];
const dists = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['dist'];

// Records when the app has mounted: its section list and heading are in the page and no
// loading shell is left (a build without a shell has none to remove).
function watchMount() {
  const mounted = () => document.querySelector('#section-list a') && document.getElementById('section-heading')
    && !document.getElementById('boot-shell');
  new MutationObserver((_, observer) => {
    if (!mounted()) return;
    window.__benchMounted = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

async function measure(browser, url, profile) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(watchMount);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latency,
      downloadThroughput: profile.down / 8,
      uploadThroughput: profile.up / 8,
    });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__benchMounted, null, { timeout: 180_000, polling: 100 });
    // The mount's own frame may not have painted yet: give it a moment to report.
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 5_000 })
      .catch(() => {});
    return page.evaluate(() => {
      const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      return {
        firstPaint: paint['first-paint'],
        firstContentfulPaint: paint['first-contentful-paint'],
        mounted: window.__benchMounted,
        transferredKb: entries.reduce((sum, e) => sum + e.transferSize, 0) / 1000,
      };
    });
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)];
};
const ms = (value) => (Number.isNaN(value) ? '—' : `${Math.round(value)} ms`).padStart(8);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
try {
  for (const dist of dists) {
    const dir = path.resolve(repoRoot, dist);
    console.log(`== ${dir} (median of ${RUNS} cold loads)`);
    for (const gzip of [true, false]) {
      const server = await serveStatic(dir, '/', { gzip });
      try {
        for (const profile of PROFILES) {
          const runs = [];
          for (let run = 0; run < RUNS; run += 1) runs.push(await measure(browser, server.url, profile));
          const pick = (key) => median(runs.map((r) => r[key]));
          console.log(`${profile.name.padEnd(41)} ${(gzip ? 'gzip' : 'uncompressed').padEnd(12)}`
            + ` first paint ${ms(pick('firstPaint'))}  first contentful paint ${ms(pick('firstContentfulPaint'))}`
            + `  app mounted ${ms(pick('mounted'))}  transferred ${Math.round(pick('transferredKb'))} kB`);
        }
      } finally {
        server.close();
      }
    }
  }
} finally {
  await browser.close();
}
