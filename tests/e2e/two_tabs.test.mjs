// Two tabs of the app on one browser: neither overwrites what the other stored, each learns
// what the other changed, and an edit of the same workspace in both makes the user choose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, loadDemo } from './harness.mjs';
import { listedNames, storedWorkspaceNamed, readRecords } from './storage_helpers.mjs';

async function openSecondTab(app) {
  const page = await app.context.newPage();
  page.on('dialog', (dialog) => dialog.accept());
  page.on('pageerror', (error) => app.pageErrors.push(String(error)));
  await page.goto(app.server.url);
  await page.waitForSelector('.save-status:not(:has-text("Opening storage"))');
  return page;
}

const row = (page, name) => page.locator('li.workspace', { has: page.locator('.workspace-name', { hasText: name }) });

async function rename(page, from, to) {
  await row(page, from).getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel(`New name for ${from}`).fill(to);
  await page.getByRole('button', { name: 'Save name' }).click();
}

/** Renames in both tabs at the same moment: both forms are filled first, then submitted. */
async function renameInBoth(pages, from, names) {
  for (const [i, page] of pages.entries()) {
    await row(page, from).getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel(`New name for ${from}`).fill(names[i]);
  }
  // dispatchEvent, not click: a background tab runs no animation frames, so click's
  // stability check would wait past the other tab's autosave.
  await Promise.all(pages.map((page) => page.getByRole('button', { name: 'Save name' }).dispatchEvent('click')));
}

async function until(check, what, timeout = 10000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const conflictBanner = (page) => page.getByRole('alert').filter({ hasText: 'while this tab had changes not yet saved' });

test('a workspace created in one tab survives a save in a tab opened before', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    const second = await openSecondTab(app);
    await second.locator('li.workspace.active', { hasText: 'Demo: Hearth & Trail' }).waitFor();

    await page.getByLabel('New workspace name').fill('Created in tab one');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Opened “Created in tab one”').waitFor();
    // The tab opened before learns of it without a reload.
    await row(second, 'Created in tab one').waitFor();

    await rename(second, 'Demo: Hearth & Trail', 'Demo renamed in tab two');
    await until(() => storedWorkspaceNamed(second, 'Demo renamed in tab two'), 'the rename to be stored');
    await row(page, 'Demo renamed in tab two').waitFor();

    const expected = ['Created in tab one', 'Demo renamed in tab two'];
    await page.reload();
    await page.waitForSelector('.save-status:not(:has-text("Opening storage"))');
    assert.deepEqual(await listedNames(page), expected);
    await second.reload();
    await second.waitForSelector('.save-status:not(:has-text("Opening storage"))');
    assert.deepEqual(await listedNames(second), expected);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('a community added in one tab survives a rename in another', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    const second = await openSecondTab(app);
    await second.locator('li.workspace.active', { hasText: 'Demo: Hearth & Trail' }).waitFor();

    await app.goto('Communities');
    await page.getByRole('button', { name: '+ New community' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Indoor plants');
    await page.getByRole('button', { name: 'Add community' }).click();
    await page.getByText('Saved the community “Indoor plants”.').waitFor();
    const hasCommunity = (stored) => stored?.envelope.workspace.communities.some((c) => c.name === 'Indoor plants');
    await until(async () => hasCommunity(await storedWorkspaceNamed(page, 'Demo: Hearth & Trail')), 'the community to be stored');

    // The other tab, with nothing unsaved, takes the newer version and says so.
    await second.getByText('“Demo: Hearth & Trail” was changed in another tab').waitFor();
    await rename(second, 'Demo: Hearth & Trail', 'Demo renamed in tab two');
    const stored = await until(() => storedWorkspaceNamed(second, 'Demo renamed in tab two'), 'the rename to be stored');
    assert.ok(hasCommunity(stored), 'the community added in tab one is still stored');
    assert.equal(stored.meta.revision, 3);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('the same workspace edited in both tabs: nothing is overwritten until the user chooses', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    const second = await openSecondTab(app);
    await second.locator('li.workspace.active', { hasText: 'Demo: Hearth & Trail' }).waitFor();

    // Both edits are made before either autosave runs.
    await renameInBoth([page, second], 'Demo: Hearth & Trail', ['Name from tab one', 'Name from tab two']);
    const [loser, winner, losingName, winningName] = await until(async () => {
      if (await conflictBanner(page).count()) return [page, second, 'Name from tab one', 'Name from tab two'];
      if (await conflictBanner(second).count()) return [second, page, 'Name from tab two', 'Name from tab one'];
      return null;
    }, 'a conflict banner');
    assert.equal(await conflictBanner(winner).count(), 0, 'only the later tab has to choose');
    assert.match(await loser.locator('.save-status').innerText(), /Not saved/);
    const storedName = async () => {
      const records = await readRecords(page);
      const metas = Object.entries(records).filter(([key]) => key.startsWith('microplan/meta/'));
      assert.equal(metas.length, 1);
      return JSON.parse(metas[0][1]).name;
    };
    assert.equal(await storedName(), winningName, 'the losing tab overwrote nothing');

    // Keep mine: the losing tab's version is stored, and the other tab shows it and says so.
    await conflictBanner(loser).getByRole('button', { name: 'Keep my version' }).click();
    await conflictBanner(loser).waitFor({ state: 'detached' });
    await until(async () => (await storedName()) === losingName, 'the kept version to be stored');
    await winner.getByText(`“${winningName}” was changed in another tab`).waitFor();
    await row(winner, losingName).waitFor();

    // Again, and this time take the other tab's version: the stored one stays.
    await renameInBoth([page, second], losingName, ['Second from tab one', 'Second from tab two']);
    const [loser2, winner2] = await until(async () => {
      if (await conflictBanner(page).count()) return [page, second];
      if (await conflictBanner(second).count()) return [second, page];
      return null;
    }, 'a second conflict banner');
    const kept = await storedName();
    await conflictBanner(loser2).getByRole('button', { name: "Take the other tab's version" }).click();
    await row(loser2, kept).waitFor();
    await loser2.waitForSelector('.save-status.ok');
    assert.equal(await storedName(), kept);
    assert.deepEqual(await listedNames(winner2), [kept]);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
