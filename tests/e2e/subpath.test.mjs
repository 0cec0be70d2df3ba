// The same build works when hosted under a sub-path such as a GitHub Pages project site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, loadDemo, rowCount } from './harness.mjs';

test('runs under /microplan/ with demo data and navigation', async () => {
  const app = await openApp({ dist: 'dist-subpath', prefix: '/microplan/' });
  try {
    const { page } = app;
    assert.ok(page.url().includes('/microplan/'));
    await loadDemo(app);
    await app.goto('Creators');
    assert.equal(await rowCount(page, 'Creators'), 40);
    // The comments analysis runs in a worker whose script is found under the sub-path too.
    const comments = 'creator,post_id,commenter,text\nanna,p1,bo,Love this\nanna,p1,cy,Which shoes were these?\n';
    await page.getByLabel('Comments file (CSV)').setInputFiles({ name: 'comments.csv', mimeType: 'text/csv', buffer: Buffer.from(comments) });
    await page.getByTestId('comment-report').filter({ hasText: /2 comments of 1 creator became 1 post summary/ }).waitFor();
    await app.reload();
    await app.goto('Communities');
    assert.equal(await rowCount(page, 'Communities'), 2);
    const outside = app.requests.filter((url) => !url.startsWith(app.server.url) && !url.startsWith('blob:'));
    assert.deepEqual(outside, [], 'every request stays under the sub-path');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
