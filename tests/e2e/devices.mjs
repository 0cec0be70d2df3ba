// The app on a laptop and on a phone: a browser context with the device's viewport, touch and
// colour scheme, the demo workspace, and a way to reach every section and its main sub-views.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic, repoRoot } from './harness.mjs';

export const LAPTOP = { name: 'laptop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false };
export const PHONE = { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

export const SECTIONS = [
  'Overview', 'Programme & objectives', 'Creators', 'Communities', 'Briefs', 'Contracts',
  'Tracking', 'Results', 'Uplift tests', 'Data',
];

/** Opens the app on `device` with the demo workspace loaded. */
export async function openOnDevice(device, { dist = process.env.E2E_DIST ?? 'dist', colorScheme = 'light' } = {}) {
  const server = await serveStatic(path.resolve(repoRoot, dist), '/');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'microplan-device-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: device.viewport,
    isMobile: device.isMobile,
    hasTouch: device.hasTouch,
    deviceScaleFactor: device.deviceScaleFactor ?? 1,
    colorScheme,
    reducedMotion: 'reduce',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const app = { page, device, pageErrors: [] };
  page.on('pageerror', (error) => app.pageErrors.push(String(error)));
  page.on('dialog', (dialog) => dialog.accept());
  await page.goto(server.url);
  await page.waitForSelector('.save-status:not(:has-text("Opening storage"))');

  /** Opens a section by its URL (the way a bookmark does) and waits for its heading. */
  app.open = async (title) => {
    const slug = title === 'Overview' ? '' : sectionSlug(title);
    await page.evaluate((hash) => { location.hash = hash; }, `#/${slug}`);
    await page.waitForFunction((t) => document.querySelector('#section-heading')?.textContent.trim() === t || (t === 'Overview' && document.querySelector('h1')), title);
    await settle(page);
  };
  app.close = async () => {
    await context.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };

  await app.open('Overview');
  await page.getByRole('button', { name: 'Load demo workspace' }).first().click();
  await page.getByText('Opened “Demo: Hearth & Trail”').first().waitFor();
  await page.waitForSelector('.save-status.ok');
  // The confirmation would sit over the pages being measured or photographed.
  await dismissNotices(page);
  return app;
}

export function sectionSlug(title) {
  return {
    'Programme & objectives': 'programme', Creators: 'creators', Communities: 'communities',
    Briefs: 'briefs', Contracts: 'contracts', Tracking: 'tracking', Results: 'results',
    'Uplift tests': 'uplift-tests', Data: 'data',
  }[title];
}

/** Every view to check or photograph: each section, then an open item in those that have one. */
export const VIEWS = [
  ...SECTIONS.map((title) => ({ name: sectionSlug(title) ?? 'overview', open: (app) => app.open(title) })),
  // The Results views past the overview, each by its URL.
  ...['performance', 'attribution', 'decisions', 'report', 'data'].map((slug) => ({
    name: `results-${slug}`,
    open: async (app) => {
      await app.open('Results');
      await app.page.evaluate((hash) => { location.hash = hash; }, `#/results/${slug}`);
      await app.page.waitForFunction((s) => document.querySelector('.results-view')?.dataset.view === s, slug);
      await settle(app.page);
    },
  })),
  {
    name: 'creators-detail',
    open: async (app) => {
      await app.open('Creators');
      await app.page.locator('table button.link').first().click();
      await app.page.getByTestId('creator-detail').waitFor();
      await settle(app.page);
    },
  },
  {
    name: 'contracts-open',
    open: async (app) => {
      await app.open('Contracts');
      await app.page.getByTestId('saved-contracts').getByRole('button', { name: /^Open / }).first().click();
      await app.page.getByTestId('contract-editor').waitFor();
      await settle(app.page);
    },
  },
  {
    name: 'uplift-test-open',
    open: async (app) => {
      await app.open('Uplift tests');
      await app.page.locator('nav.test-chooser').getByRole('button', { name: 'Spring pilot 2026 regional holdout' }).click();
      await settle(app.page);
    },
  },
];

async function dismissNotices(page) {
  for (const button of await page.locator('.notices .notice button').all()) {
    await button.click().catch(() => {});
  }
}

/** Lets the section render and lay out before it is measured. */
async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForTimeout(150);
}
