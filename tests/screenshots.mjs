// Full-page screenshots of every section and sub-view, on a laptop (1280 px) and a phone
// (390 px), in the light and the dark scheme, with the demo workspace loaded.
//
//   node tests/screenshots.mjs [dist]        writes screenshots/<device>-<scheme>-<view>.png
//
// The folder is git-ignored; the page heights are printed so layouts can be compared.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './e2e/harness.mjs';
import { LAPTOP, PHONE, VIEWS, openOnDevice } from './e2e/devices.mjs';

const dist = process.argv[2] ?? 'dist';
const only = process.env.VIEWS?.split(',');
const out = path.join(repoRoot, 'screenshots');
fs.mkdirSync(out, { recursive: true });

for (const device of [LAPTOP, PHONE]) {
  for (const colorScheme of ['light', 'dark']) {
    const app = await openOnDevice(device, { dist, colorScheme });
    try {
      for (const view of VIEWS) {
        if (only && !only.includes(view.name)) continue;
        await view.open(app);
        // A full-page capture shows cards the screen renders only near the viewport.
        await app.page.addStyleTag({ content: 'section.table-card { content-visibility: visible; }' });
        await app.page.evaluate(() => window.scrollTo(0, 0));
        const file = path.join(out, `${device.name}-${colorScheme}-${view.name}.png`);
        await app.page.screenshot({ path: file, fullPage: true });
        const height = await app.page.evaluate(() => document.documentElement.scrollHeight);
        console.log(`${path.relative(repoRoot, file)}  page height ${height} px`);
      }
      if (app.pageErrors.length > 0) console.error(`page errors: ${app.pageErrors.join('; ')}`);
    } finally {
      await app.close();
    }
  }
}
