// Whatever storage holds is reachable: workspaces stored by the earlier version open
// unchanged, and a damaged list or record is shown or offered for download with its reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openApp, fixture, loadDemo, rowCount } from './harness.mjs';
import { listedNames, readRecords, replaceRecords } from './storage_helpers.mjs';

const legacy = JSON.parse(fs.readFileSync(fixture('store', 'legacy_store_v2.json'), 'utf8')).records;
const INDEX = 'microplan/index';
const OAT = 'microplan/workspace/ws-lx1-abc123';
const AUTUMN = 'microplan/workspace/ws-lx2-def456';

async function withStored(records, check) {
  const app = await openApp();
  try {
    await replaceRecords(app.page, records);
    await app.reload();
    await check(app);
    assert.deepEqual(app.pageErrors.filter((e) => !e.includes('Failed to load resource')), []);
  } finally {
    await app.close();
  }
}

test('schema 2 workspaces stored by the earlier version open unchanged', () => withStored(legacy, async (app) => {
  const { page } = app;
  assert.deepEqual(await listedNames(page), ['Autumn notes', 'Oat & Trail spring']);
  await page.locator('li.workspace.active', { hasText: 'Oat & Trail spring' }).waitFor();
  await app.goto('Creators');
  assert.equal(await rowCount(page, 'Creators'), 1);
  const records = await readRecords(page);
  assert.equal(records[OAT], legacy[OAT], 'opening did not rewrite the record');
  assert.equal(records[AUTUMN], legacy[AUTUMN]);
  assert.equal(JSON.parse(records['microplan/meta/ws-lx2-def456']).revision, 1);
}));

test('an index listing one of two workspaces hides neither', () => {
  const index = JSON.parse(legacy[INDEX]);
  index.workspaces = index.workspaces.slice(0, 1);
  return withStored({ ...legacy, [INDEX]: JSON.stringify(index) }, async ({ page }) => {
    assert.deepEqual(await listedNames(page), ['Autumn notes', 'Oat & Trail spring']);
  });
});

test('an index stored as a number hides nothing and is offered for download', () =>
  withStored({ ...legacy, [INDEX]: 5 }, async (app) => {
    const { page } = app;
    assert.deepEqual(await listedNames(page), ['Autumn notes', 'Oat & Trail spring']);
    const banner = page.getByRole('alert').filter({ hasText: '“Workspace list” could not be read' });
    await banner.waitFor();
    assert.match(await banner.innerText(), /rebuilt from the workspaces themselves/);
    const raw = await app.download(banner.getByRole('button', { name: 'Download raw data' }));
    assert.equal(fs.readFileSync(raw, 'utf8'), '5');
  }));

test('a workspace record of the wrong type is offered for download with the reason', () =>
  withStored({ ...legacy, [AUTUMN]: 42 }, async (app) => {
    const { page } = app;
    assert.deepEqual(await listedNames(page), ['Oat & Trail spring']);
    const banner = page.getByRole('alert').filter({ hasText: '“Autumn notes” could not be read' });
    await banner.waitFor();
    assert.match(await banner.innerText(), /not a Microplan workspace file/);
    const raw = await app.download(banner.getByRole('button', { name: 'Download raw data' }));
    assert.equal(fs.readFileSync(raw, 'utf8'), '42');
    assert.equal((await readRecords(page))[AUTUMN], 42, 'the record is kept as it was');
  }));

test('a record from a newer version is refused with a clear message and never overwritten', () => {
  const newer = '{"app":"microplan","schema_version":99,"workspace":{"name":"From a newer app"}}';
  return withStored({ ...legacy, [AUTUMN]: newer }, async (app) => {
    const { page } = app;
    const banner = page.getByRole('alert').filter({ hasText: '“Autumn notes” could not be read' });
    await banner.waitFor();
    assert.match(await banner.innerText(), /saved by a newer Microplan \(format 99/);
    await app.reload();
    await banner.waitFor();
    assert.equal((await readRecords(page))[AUTUMN], newer);
  });
});

test('an earlier version\'s workspace is stored as tables at its first edit, and a lost table is offered, not dropped', () =>
  withStored(legacy, async (app) => {
    const { page } = app;
    await page.locator('li.workspace.active', { hasText: 'Oat & Trail spring' }).waitFor();
    await app.goto('Creators');
    await page.locator('[data-testid=creator-table] tbody tr input[type=checkbox]').first().check();
    await app.waitSaved();
    const records = await readRecords(page);
    const header = JSON.parse(records[OAT]);
    assert.equal(header.schema_version, 4);
    assert.equal(header.name, 'Oat & Trail spring');
    for (const table of header.tables) assert.ok(`microplan/table/ws-lx1-abc123/${table}` in records, table);
    assert.equal(JSON.parse(records['microplan/table/ws-lx1-abc123/creator_reviews']).length, 1);
    assert.equal(records[AUTUMN], legacy[AUTUMN], 'the other workspace is untouched');
    await app.reload();
    await app.goto('Creators');
    assert.equal(await rowCount(page, 'Creators'), 1);

    // A table record that went missing makes the workspace unreadable, never silently emptier.
    const withoutCreators = { ...records };
    delete withoutCreators['microplan/table/ws-lx1-abc123/creators'];
    await replaceRecords(page, withoutCreators);
    await app.reload();
    const banner = page.getByRole('alert').filter({ hasText: '“Oat & Trail spring” could not be read' });
    await banner.waitFor();
    assert.match(await banner.innerText(), /its table “creators” is missing from storage/);
    const raw = JSON.parse(fs.readFileSync(await app.download(banner.getByRole('button', { name: 'Download raw data' })), 'utf8'));
    assert.equal(raw.workspace.posts.length, JSON.parse(records['microplan/table/ws-lx1-abc123/posts']).length);
    assert.equal((await readRecords(page))[OAT], records[OAT], 'the header is kept as it was');
  }));

test('the audit\'s intervals are stored beside the workspace and a damaged copy only costs time', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Creators');
    const scores = () => page.locator('[data-testid=creator-table] tbody').innerText();
    const before = await scores();
    // Stored a moment after the audit, under a key of its own that no list shows.
    let key;
    for (let tries = 0; tries < 50 && !key; tries += 1) {
      key = Object.keys(await readRecords(page)).find((k) => k.startsWith('microplan/derived/') && k.endsWith('/audit-intervals'));
      if (!key) await page.waitForTimeout(200);
    }
    assert.ok(key, 'the intervals record was written');
    const stored = JSON.parse((await readRecords(page))[key]);
    assert.equal(stored.revision, 1);
    assert.ok(stored.entries.length >= 10, `${stored.entries.length} intervals`);

    await app.reload();
    await app.goto('Creators');
    assert.equal(await scores(), before, 'the same audit after a reload that reused them');

    await replaceRecords(page, { ...(await readRecords(page)), [key]: '{cut' });
    await app.reload();
    await app.goto('Creators');
    assert.equal(await scores(), before, 'a damaged copy is drawn again, not shown');
    assert.equal(await page.getByRole('alert').count(), 0, 'nothing to download: it holds no user data');
    assert.deepEqual(app.pageErrors.filter((e) => !e.includes('Failed to load resource')), []);
  } finally {
    await app.close();
  }
});
