// The import says what it does not use, asks for a missing platform with a choice, points a
// raw comments file to the right import, and refuses a header wider than any real export
// at once while a wide file that fits stays light on the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from './harness.mjs';

async function createWorkspace(app, name) {
  await app.goto('Overview');
  await app.page.getByLabel('New workspace name').fill(name);
  await app.page.getByRole('button', { name: 'Create workspace' }).click();
  await app.page.getByText(`Opened “${name}”`).waitFor();
}

function card(page, label) {
  return page.locator('section.table-card', { has: page.getByRole('heading', { name: label, exact: true }) });
}

async function importText(page, label, name, text) {
  await card(page, label).getByRole('button', { name: 'Import CSV' }).click();
  await card(page, label).locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

test('unused file columns are named in the mapping step and the report', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await createWorkspace(app, 'Unused columns');
    await app.goto('Creators');
    const csv = 'handle,post_id,date,likes,comments,Shoot location,Internal note\n'
      + 'anna,p1,2026-03-01,120,4,Lisbon,ok\nanna,p2,2026-03-02,80,2,Porto,\n';
    await importText(page, 'Posts', 'posts.csv', csv);
    const expected = '2 file columns match none of ours and will not be imported: Shoot location, Internal note.';
    await page.getByTestId('mapping-unused').filter({ hasText: expected }).waitFor();
    await page.getByTestId('import-summary').filter({ hasText: '2 rows read: 2 ready to import, 0 with problems.' }).waitFor();
    assert.match(await page.getByTestId('report-unused').innerText(), /Shoot location, Internal note/);
    // Matching one of them by hand takes it off both lists.
    await page.locator('#map-posts-format').selectOption({ label: 'Internal note' });
    await page.getByTestId('mapping-unused').filter({ hasText: '1 file column matches none of ours and will not be imported: Shoot location.' }).waitFor();
    await page.getByTestId('report-unused').filter({ hasText: 'Shoot location.' }).waitFor();
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('a missing platform comes from agreeing links, else from one choice of known platforms', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await createWorkspace(app, 'Platforms');
    await app.goto('Creators');
    const agreeing = 'Username,Followers,Profile\nanna,1200,https://www.tiktok.com/@anna\nben,900,https://tiktok.com/@ben\n';
    await importText(page, 'Creators', 'agreeing.csv', agreeing);
    await page.getByText('its 2 link(s) all point to tiktok, so every row is tiktok').waitFor();
    assert.equal(await page.locator('#fill-creators-platform option:checked').innerText(), 'TikTok');
    await page.getByTestId('import-summary').filter({ hasText: '2 rows read: 2 ready to import, 0 with problems.' }).waitFor();
    await card(page, 'Creators').getByRole('button', { name: 'Close import' }).click();

    const mixed = 'Username,Followers,Profile\ncara,1200,https://instagram.com/cara\ndan,900,https://youtu.be/xyz\n';
    await importText(page, 'Creators', 'mixed.csv', mixed);
    await page.getByText('its links point to several platforms (instagram 1, youtube 1)').waitFor();
    await page.getByRole('alert').filter({ hasText: 'Required columns not matched: Platform.' }).waitFor();
    const choice = page.locator('#fill-creators-platform');
    assert.equal(await choice.evaluate((el) => el.tagName), 'SELECT', 'a choice, not a free-text box');
    const options = await choice.locator('option').allInnerTexts();
    assert.ok(options.includes('Instagram') && options.includes('TikTok') && options.includes('YouTube'), options.join());
    await choice.selectOption({ label: 'Instagram' });
    await page.getByTestId('import-summary').filter({ hasText: '2 rows read: 2 ready to import, 0 with problems.' }).waitFor();
    await page.getByRole('button', { name: 'Import 2 rows' }).click();
    await page.getByText('Imported Creators: 2 added').waitFor();
    assert.match(await card(page, 'Creators').locator('table').innerText(), /cara\tinstagram/);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('a raw comments file on Comment summaries points to Import raw comments', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await createWorkspace(app, 'Raw comments');
    await app.goto('Creators');
    const csv = 'creator,post_id,comment_id,commenter,text\nanna,p1,c1,bo,love this trail\nanna,p1,c2,cy,which shoes?\n';
    await importText(page, 'Comment summaries', 'comments.csv', csv);
    const pointer = page.getByTestId('raw-comments-pointer');
    await pointer.waitFor();
    assert.match(await pointer.innerText(), /import this file with Import raw comments on the Creators page/);
    assert.equal(await card(page, 'Comment summaries').locator('.fill-missing').count(), 0, 'no "for every row" boxes');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

function wideFile(columns, prefix = 'metric ') {
  const header = ['handle', 'platform', 'followers'];
  for (let i = header.length; i < columns; i += 1) header.push(`${prefix}${i + 1}`);
  const row = ['anna', 'instagram', '1200', ...Array(columns - 3).fill('7')];
  return `${header.join(',')}\n${row.join(',')}\n`;
}

test('a 1,001-column header is refused at once; a 1,000-column file maps with one shared list', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await createWorkspace(app, 'Wide files');
    await app.goto('Creators');
    let started = Date.now();
    await importText(page, 'Creators', 'wide.csv', wideFile(1001));
    await page.getByRole('alert').filter({ hasText: 'The header has 1,001 columns; the limit is 1,000' }).waitFor();
    const refusedMs = Date.now() - started;
    console.log(`1,001-column file refused in ${refusedMs} ms`);
    assert.ok(refusedMs < 3000, `${refusedMs} ms`);
    await card(page, 'Creators').getByRole('button', { name: 'Close import' }).click();

    started = Date.now();
    await importText(page, 'Creators', 'fits.csv', wideFile(1000));
    await page.getByTestId('import-summary').filter({ hasText: '1 rows read: 1 ready to import, 0 with problems.' }).waitFor();
    const mappedMs = Date.now() - started;
    const options = await card(page, 'Creators').locator('option').count();
    console.log(`1,000-column file mapped and checked in ${mappedMs} ms with ${options} option elements`);
    // One datalist of 1,000 names; a select per field would hold 16 x 1,001.
    assert.ok(options <= 1000 + 20, `${options} options`);
    assert.equal(await page.locator('#map-creators-followers').inputValue(), 'followers');
    assert.match(await page.getByTestId('mapping-unused').innerText(), /^Not imported: 997 file columns match none of ours/);
    // Typing a column name from the list maps it; a name not in the file is refused in place.
    await page.locator('#map-creators-following').fill('metric 4');
    await page.locator('#map-creators-following').press('Tab');
    await page.getByTestId('mapping-unused').filter({ hasText: /^Not imported: 996 file columns/ }).waitFor();
    await page.locator('#map-creators-country').fill('no such column');
    await page.locator('#map-creators-country').press('Tab');
    await page.getByRole('alert').filter({ hasText: 'The file has no column “no such column”' }).waitFor();
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('a 100,000-column header and a 50 MB line are refused at once, naming the limit', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await createWorkspace(app, 'Huge headers');
    await app.goto('Creators');
    let started = Date.now();
    // Short names keep the header line (about 690 KB) under the 1 MB line limit.
    await importText(page, 'Creators', 'huge.csv', wideFile(100_000, 'c'));
    await page.getByRole('alert').filter({ hasText: 'The header has 100,000 columns; the limit is 1,000' }).waitFor();
    const wideMs = Date.now() - started;
    await card(page, 'Creators').getByRole('button', { name: 'Close import' }).click();
    // From disk: a 50 MB buffer sent through the browser protocol would time the transfer.
    const longFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'microplan-long-')), 'one-line.csv');
    fs.writeFileSync(longFile, `handle,${'x'.repeat(50_000_000)}\n`);
    await card(page, 'Creators').getByRole('button', { name: 'Import CSV' }).click();
    started = Date.now();
    await card(page, 'Creators').locator('input[type=file]').setInputFiles(longFile);
    await page.getByRole('alert').filter({ hasText: 'Line 1 is 50,000,007 bytes long; the limit is 1 MB' }).waitFor();
    const longMs = Date.now() - started;
    console.log(`100,000-column header refused in ${wideMs} ms; 50 MB line refused in ${longMs} ms`);
    assert.ok(wideMs < 5000 && longMs < 5000, `${wideMs} ms, ${longMs} ms`);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
