// ad-hoc: node tests/inspect_tmp.mjs phone|laptop light|dark view selector...
import { LAPTOP, PHONE, VIEWS, openOnDevice } from './e2e/devices.mjs';
const [dev, scheme, viewName, ...selectors] = process.argv.slice(2);
const app = await openOnDevice(dev === 'phone' ? PHONE : LAPTOP, { dist: process.env.DIST ?? 'dist', colorScheme: scheme });
try {
  await VIEWS.find((v) => v.name === viewName).open(app);
  let i = 0;
  for (const sel of selectors) {
    if (sel.startsWith('top')) {
      const y = Number(sel.slice(3) || 0);
      await app.page.evaluate((y) => window.scrollTo(0, y), y);
      await app.page.waitForTimeout(100);
      await app.page.screenshot({ path: `/tmp/insp/${dev}-${scheme}-${viewName}-${i++}.png` });
    } else if (sel.startsWith('click:')) {
      await app.page.locator(sel.slice(6)).first().click();
      await app.page.waitForTimeout(200);
    } else if (sel.startsWith('js:')) {
      console.log(await app.page.evaluate(sel.slice(3)));
    } else {
      const loc = app.page.locator(sel).first();
      await loc.scrollIntoViewIfNeeded();
      await loc.screenshot({ path: `/tmp/insp/${dev}-${scheme}-${viewName}-${i++}.png` });
    }
  }
} finally { await app.close(); }
