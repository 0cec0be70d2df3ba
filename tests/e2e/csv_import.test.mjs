// CSV round trips of every table, real-looking files from elsewhere, and a bad file whose
// problems are named by row, column and value without touching stored data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openApp, loadDemo, rowCount, fixture } from './harness.mjs';

const TABLES = [
  ['Creators', 'creators'], ['Posts', 'posts'], ['Follower history', 'follower_history'],
  ['Comment summaries', 'comment_summaries'], ['Communities', 'communities'],
  ['Campaign results', 'results'], ['Test arms', 'test_arms'],
];

async function createWorkspace(app, name) {
  await app.goto('Overview');
  await app.page.getByLabel('New workspace name').fill(name);
  await app.page.getByRole('button', { name: 'Create workspace' }).click();
  await app.page.getByText(`Opened “${name}”`).waitFor();
}

function card(page, label) {
  return page.locator('section.table-card', { has: page.getByRole('heading', { name: label, exact: true }) });
}

async function openImport(page, label) {
  await card(page, label).getByRole('button', { name: 'Import CSV' }).click();
}

async function showTable(page, label) {
  await page.getByRole('group', { name: 'Show table' }).getByRole('button', { name: new RegExp(`^${label}`) }).click();
  await card(page, label).waitFor();
}

test('every table exports as CSV and imports back identically', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Data');
    await page.getByTestId('storage-usage').filter({ hasText: /Microplan uses \d+\.\d MB of the/ }).waitFor();
    const exported = {};
    for (const [label, stem] of TABLES) {
      await showTable(page, label);
      const file = await app.download(card(page, label).getByRole('button', { name: 'Export CSV' }));
      assert.ok(file.endsWith(`-${stem}.csv`), file);
      exported[label] = { file, rows: await rowCount(page, label) };
    }
    await createWorkspace(app, 'Round trip');
    await app.goto('Data');
    for (const [label] of TABLES) {
      await showTable(page, label);
      await openImport(page, label);
      await card(page, label).locator('input[type=file]').setInputFiles(exported[label].file);
      const rows = exported[label].rows;
      const shown = rows.toLocaleString('en-US'); // counts are grouped: 1,040
      await page.getByTestId('import-summary').filter({ hasText: `${shown} rows read: ${shown} ready to import, 0 with problems.` }).waitFor();
      await page.getByRole('button', { name: `Import ${shown} rows` }).click();
      await page.getByText(`Imported ${label}: ${shown} added`).waitFor();
      assert.equal(await rowCount(page, label), rows);
    }
    await app.waitSaved();
    for (const [label] of TABLES) {
      await showTable(page, label);
      const again = await app.download(card(page, label).getByRole('button', { name: 'Export CSV' }));
      assert.equal(fs.readFileSync(again, 'utf8'), fs.readFileSync(exported[label].file, 'utf8'), `${label} round trip`);
    }
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('imports a semicolon, BOM, decimal-comma creators file with its own column names', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await createWorkspace(app, 'Agency list');
    await app.goto('Creators');
    await openImport(page, 'Creators');
    await card(page, 'Creators').locator('input[type=file]').setInputFiles(fixture('e2e', 'creators_agency_semicolon.csv'));
    const summary = await page.getByTestId('file-summary').innerText();
    assert.match(summary, /3 rows/);
    assert.match(summary, /UTF-8 with BOM/);
    assert.match(summary, /semicolons/);
    // Proposed mapping: "Username" -> Handle, "Follower Count" -> Followers.
    const chosen = async (key) => page.locator(`#map-creators-${key} option:checked`).innerText();
    assert.equal(await chosen('handle'), 'Username');
    assert.equal(await chosen('followers'), 'Follower Count');
    await page.getByTestId('import-summary').filter({ hasText: '3 rows read: 3 ready to import, 0 with problems.' }).waitFor();
    const preview = await page.getByTestId('import-preview').innerText();
    assert.match(preview, /alpine_anja/);
    assert.match(preview, /12400/, '12,4k followers read with a decimal comma');
    assert.match(preview, /8900/, '8.900 followers read with a thousands dot');
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await page.getByText('Imported Creators: 3 added').waitFor();
    assert.equal(await rowCount(page, 'Creators'), 3);
    const fees = await card(page, 'Creators').locator('table').innerText();
    assert.match(fees, /1200\.5\tEUR/, '"1.200,50" in a "Fee (EUR)" column');
    await app.waitSaved();
    await app.reload();
    await app.goto('Creators');
    assert.equal(await rowCount(page, 'Creators'), 3);
  } finally {
    await app.close();
  }
});

test('imports a UTF-16 tab-separated platform export', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await createWorkspace(app, 'Platform export');
    await app.goto('Creators');
    await openImport(page, 'Posts');
    await card(page, 'Posts').locator('input[type=file]').setInputFiles(fixture('e2e', 'posts_meta_utf16.csv'));
    assert.match(await page.getByTestId('file-summary').innerText(), /UTF-16 LE.*tabs/);
    await page.getByTestId('import-summary').filter({ hasText: '3 rows read: 3 ready to import' }).waitFor();
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await page.getByText('Imported Posts: 3 added').waitFor();
    const table = await card(page, 'Posts').locator('table').innerText();
    assert.match(table, /1200/, '1.2K likes');
    assert.match(table, /9800/, '9,800 reach');
  } finally {
    await app.close();
  }
});

test('a bad file names row, column, value and fix, and stores nothing until asked', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Creators');
    const before = await rowCount(page, 'Posts');
    await openImport(page, 'Posts');
    await card(page, 'Posts').locator('input[type=file]').setInputFiles(fixture('e2e', 'posts_with_errors.csv'));
    await page.getByTestId('import-summary').filter({ hasText: '5 rows read: 2 ready to import, 3 with problems.' }).waitFor();
    const errors = page.getByTestId('import-errors');
    const likes = errors.locator('tr', { hasText: 'lots' });
    assert.match(await likes.innerText(), /^2\t3\tlikes\tlots\t/);
    assert.equal(await errors.locator('tr', { hasText: '2026-13-45' }).count(), 1);
    assert.equal(await errors.locator('tr', { has: page.locator('td:nth-child(1)', { hasText: /^3$/ }) }).count(), 1, 'missing handle reported on row 3');
    const commit = page.getByRole('button', { name: 'Import 2 rows' });
    assert.equal(await commit.isDisabled(), true, 'all-or-nothing by default');
    assert.equal(await rowCount(page, 'Posts'), before, 'nothing stored');

    await page.getByLabel('Import only the valid rows and skip the rows with problems').check();
    await commit.click();
    await page.getByText('Imported Posts: 2 added').waitFor();
    assert.equal(await rowCount(page, 'Posts'), before + 2);
    await app.waitSaved();
    await app.reload();
    await app.goto('Creators');
    assert.equal(await rowCount(page, 'Posts'), before + 2);
  } finally {
    await app.close();
  }
});

test('a file that is not text is refused with a plain reason', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await createWorkspace(app, 'Binary');
    await app.goto('Creators');
    await openImport(page, 'Creators');
    await card(page, 'Creators').locator('input[type=file]').setInputFiles({
      name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0xc3, 0x28]),
    });
    await page.getByRole('alert').filter({ hasText: 'NUL bytes at byte offset 4: this looks like a binary file, e.g. a spreadsheet .xlsx' }).waitFor();
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
