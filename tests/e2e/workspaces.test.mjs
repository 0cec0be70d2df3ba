// Workspaces: demo in one click, autosave across reload and browser restart, create, rename,
// duplicate, switch, delete, and the workspace file round trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openApp, loadDemo, rowCount } from './harness.mjs';

const switcher = (page) => page.getByLabel('Workspace', { exact: true });

test('demo data survives a reload and a browser restart', async () => {
  const app = await openApp();
  try {
    await loadDemo(app);
    await app.goto('Creators');
    const { page } = app;
    assert.equal(await rowCount(page, 'Creators'), 40);
    const posts = await rowCount(page, 'Posts');
    assert.ok(posts >= 800 && posts <= 1200, `20-30 posts for each of 40 creators, got ${posts}`);
    await app.reload();
    await app.goto('Creators');
    assert.equal(await rowCount(page, 'Creators'), 40);
    await app.restart();
    await app.goto('Uplift tests');
    assert.equal(await rowCount(app.page, 'Test arms'), 2);
    assert.equal(await switcher(app.page).locator('option:checked').innerText(), 'Demo: Hearth & Trail');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('create, rename, duplicate, switch and delete workspaces', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.getByLabel('New workspace name').fill('Oat & Trail spring');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Opened “Oat & Trail spring”').waitFor();
    await loadDemo(app);

    const row = (name) => page.locator('li.workspace', { has: page.locator('.workspace-name', { hasText: name }) });
    await row('Oat & Trail spring').getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name for Oat & Trail spring').fill('Oat & Trail autumn');
    await page.getByRole('button', { name: 'Save name' }).click();
    await row('Oat & Trail autumn').waitFor();

    await row('Demo: Hearth & Trail').getByRole('button', { name: 'Duplicate' }).click();
    await page.getByText('Opened “Demo: Hearth & Trail (copy)”').waitFor();
    await app.waitSaved();
    assert.equal(await page.locator('li.workspace').count(), 3);

    await switcher(page).selectOption({ label: 'Oat & Trail autumn' });
    await page.locator('li.workspace.active', { hasText: 'Oat & Trail autumn' }).waitFor();
    await app.goto('Creators');
    assert.equal(await rowCount(page, 'Creators'), 0);

    await app.goto('Overview');
    await row('Demo: Hearth & Trail (copy)').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Deleted “Demo: Hearth & Trail (copy)”').waitFor();
    await app.reload();
    const names = await page.locator('.workspace-name').allInnerTexts();
    assert.deepEqual(names.sort(), ['Demo: Hearth & Trail', 'Oat & Trail autumn']);
    assert.equal(await switcher(page).locator('option:checked').innerText(), 'Oat & Trail autumn');
  } finally {
    await app.close();
  }
});

test('a workspace file opens elsewhere as exactly the same workspace', async () => {
  const app = await openApp();
  try {
    await loadDemo(app);
    const exported = await app.download(app.page.getByRole('button', { name: 'Export workspace file' }));
    assert.match(exported, /demo-hearth-trail\.microplan\.json$/);
    const original = JSON.parse(fs.readFileSync(exported, 'utf8'));
    assert.equal(original.app, 'microplan');

    // Another browser profile stands in for another machine.
    const other = await openApp();
    try {
      await other.page.setInputFiles('#workspace-file-input', exported);
      await other.page.getByText('Opened “Demo: Hearth & Trail”').waitFor();
      await other.waitSaved();
      const again = await other.download(other.page.getByRole('button', { name: 'Export workspace file' }));
      const copy = JSON.parse(fs.readFileSync(again, 'utf8'));
      assert.deepEqual(copy.workspace, original.workspace);
      assert.equal(copy.schema_version, original.schema_version);
    } finally {
      await other.close();
    }

    await app.page.setInputFiles('#workspace-file-input', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
    await app.page.getByText('“notes.json” was not imported: this is not a Microplan workspace file').waitFor();
    assert.equal(await app.page.locator('li.workspace').count(), 1, 'nothing was added');
  } finally {
    await app.close();
  }
});
