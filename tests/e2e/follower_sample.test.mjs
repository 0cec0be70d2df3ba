// A follower sample gives a creator a likely-fake share with its interval and, when high, a
// flag with evidence; a bad row changes nothing; the result survives a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, loadDemo } from './harness.mjs';
import { openCreator } from './creators_helpers.mjs';

function sampleCsv() {
  const rows = ['creator,follower_username,followers,following,posts,profile_picture,bio'];
  // 20 follow-for-follow shells and 20 ordinary accounts for lena; 25 ordinary ones for lotte.
  for (let i = 0; i < 20; i += 1) rows.push(`@peakpace_lena,user_${48213000 + i},3,4200,0,,`);
  for (let i = 0; i < 20; i += 1) rows.push(`peakpace_lena,hill_fan_${i},310,280,57,https://cdn.example/p${i}.jpg,Weekend fell runner`);
  for (let i = 0; i < 25; i += 1) rows.push(`levain_lotte,crumb_lover_${i},150,220,33,yes,Bakes on Sundays`);
  return Buffer.from(`${rows.join('\n')}\n`);
}

test('a follower sample estimates likely fake followers with an interval and a flag', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Creators');
    const input = page.getByLabel('Follower sample (CSV)');
    await input.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('creator,followers\npeakpace_lena,lots\n') });
    await page.getByText('line 2, column “followers”: “lots” is not a count; write a whole number such as 1200, or leave it empty').waitFor();
    assert.equal(await page.getByTestId('follower-samples').count(), 0, 'nothing stored from a bad file');

    await input.setInputFiles({ name: 'sample.csv', mimeType: 'text/csv', buffer: sampleCsv() });
    await page.getByText('Follower sample imported: 65 accounts of 2 creator(s).').waitFor();
    // statsmodels proportion_confint(20, 40, method="wilson"): 0.352 to 0.648.
    const rows = page.getByTestId('follower-samples').locator('tbody tr');
    assert.deepEqual(await rows.allInnerTexts(), ['@peakpace_lena\t40\t20\t50% (35.2%–64.8%)', '@levain_lotte\t25\t0\t0% (0%–13.3%)']);

    const lena = await openCreator(page, 'peakpace_lena');
    assert.match(await lena.innerText(), /Many followers look fake/);
    assert.match(await lena.innerText(), /20 of 40 sampled followers show 3 or more fake-account signals: 50% \(95% interval 35\.2% to 64\.8%\)/);
    assert.match(await lena.innerText(), /Likely fake followers\s+50%\s+35\.2%–64\.8%/);
    const lotte = await openCreator(page, 'levain_lotte');
    assert.doesNotMatch(await lotte.innerText(), /Many followers look fake/);

    await app.waitSaved();
    await app.reload();
    await app.goto('Creators');
    assert.equal(await page.getByTestId('follower-samples').locator('tbody tr').count(), 2);
    // Everything in IndexedDB: the counts are there, the sampled accounts' handles are not.
    const stored = await page.evaluate(async () => {
      const out = [];
      for (const { name } of await indexedDB.databases()) {
        const db = await new Promise((resolve, reject) => { const r = indexedDB.open(name); r.onsuccess = () => resolve(r.result); r.onerror = reject; });
        for (const store of db.objectStoreNames) {
          const all = await new Promise((resolve) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => resolve(r.result); });
          out.push(JSON.stringify(all));
        }
        db.close();
      }
      return out.join('\n');
    });
    assert.ok(stored.includes('follower_samples') && stored.includes('likely_fake'), 'counts are stored');
    assert.ok(!stored.includes('user_48213') && !stored.includes('hill_fan_') && !stored.includes('crumb_lover_'), 'no sampled handles stored');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
