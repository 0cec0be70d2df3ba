// Page heights of the Results section, each view, on a laptop (1280 px) and a phone (390 px)
// with the demo workspace:
//
//   node tests/results_heights.mjs [dist]
import { LAPTOP, PHONE, openOnDevice } from './e2e/devices.mjs';

const dist = process.argv[2] ?? 'dist';
const VIEWS = ['', 'overview', 'performance', 'attribution', 'decisions', 'report', 'data'];

for (const device of [LAPTOP, PHONE]) {
  const app = await openOnDevice(device, { dist });
  try {
    for (const view of VIEWS) {
      await app.page.evaluate((hash) => { location.hash = hash; }, view ? `#/results/${view}` : '#/results');
      await app.page.waitForSelector('#section-heading');
      await app.page.waitForTimeout(400);
      const height = await app.page.evaluate(() => document.documentElement.scrollHeight);
      console.log(`${device.name} ${device.viewport.width}px  #/results${view ? `/${view}` : ''}  ${height} px`);
    }
  } finally {
    await app.close();
  }
}
