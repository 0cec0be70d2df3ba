// An edit is stored even when the page goes away before its save has landed: closing the
// tab or reloading keeps it aside on the way out. Storage is held busy by another
// transaction so the save is reliably still under way when the page goes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, loadDemo } from './harness.mjs';
import { holdStorageBusy, listedNames, storedWorkspaceNamed } from './storage_helpers.mjs';

async function startRename(page, from, to) {
  const row = page.locator('li.workspace', { has: page.locator('.workspace-name', { hasText: from }) });
  await row.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel(`New name for ${from}`).fill(to);
  await page.getByRole('button', { name: 'Save name' }).click();
}

test('an edit whose save has not landed when the tab closes is there when the app opens again', async () => {
  const app = await openApp();
  try {
    await loadDemo(app);
    await holdStorageBusy(app.page);
    await startRename(app.page, 'Demo: Hearth & Trail', 'Renamed just before closing');
    assert.match(await app.page.locator('.save-status').innerText(), /Saving/, 'the save has not landed');
    await app.page.close();

    const page = await app.context.newPage();
    await page.goto(app.server.url);
    await page.waitForSelector('.save-status:not(:has-text("Opening storage"))');
    assert.deepEqual(await listedNames(page), ['Renamed just before closing']);
    assert.ok(await storedWorkspaceNamed(page, 'Renamed just before closing'));
  } finally {
    await app.close();
  }
});

test('reloading while a save is pending keeps the edit and asks nothing', async () => {
  const app = await openApp();
  try {
    await loadDemo(app);
    const dialogs = [];
    app.page.on('dialog', (dialog) => dialogs.push(dialog.type()));
    await holdStorageBusy(app.page);
    await startRename(app.page, 'Demo: Hearth & Trail', 'Renamed just before reloading');
    assert.match(await app.page.locator('.save-status').innerText(), /Saving/);
    await app.reload();
    assert.deepEqual(await listedNames(app.page), ['Renamed just before reloading']);
    assert.deepEqual(dialogs, [], 'no "leave this page?" question for a save that is under way');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('a tab closed during a save sets aside only the tables it changed, and they are stored at the next start', async () => {
  const app = await openApp();
  try {
    await loadDemo(app);
    await app.goto('Creators');
    await app.waitSaved();
    const firstRow = app.page.locator('[data-testid=creator-table] tbody tr').first();
    const box = firstRow.locator('input[type=checkbox]');
    const wasTicked = await box.isChecked();
    const handle = (await firstRow.locator('td').nth(1).innerText()).trim();
    await holdStorageBusy(app.page);
    await box.setChecked(!wasTicked);
    await app.page.close();

    // Read what the closed tab set aside, from a page of the same site without the app.
    const page = await app.context.newPage();
    await page.goto(`${app.server.url}favicon.svg`);
    const aside = await page.evaluate(() => Object.keys(localStorage)
      .filter((key) => key.startsWith('microplan/pending/'))
      .map((key) => localStorage.getItem(key)));
    assert.equal(aside.length, 1);
    const pending = JSON.parse(aside[0]);
    assert.equal(pending.record, undefined, 'not the whole workspace');
    assert.deepEqual(Object.keys(pending.tables), ['creator_reviews']);

    await page.goto(app.server.url);
    await page.locator('li.workspace.active').waitFor();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Creators' }).click();
    const row = page.locator('[data-testid=creator-table] tbody tr', { hasText: handle }).first();
    assert.equal(await row.locator('input[type=checkbox]').isChecked(), !wasTicked);
  } finally {
    await app.close();
  }
});
