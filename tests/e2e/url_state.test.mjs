// The URL keeps the user's place: the community, brief, agreement, uplift test or creator that
// is open survives a reload, and the back button steps back. With no workspace open every
// section says what it needs instead of showing forms that act on nothing, the save indicator
// says so, and loading the demo a second time asks instead of silently adding "(2)".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, loadDemo } from './harness.mjs';

const hash = (page) => page.evaluate(() => window.location.hash);
const pressed = (page, group, name) =>
  page.locator(group).getByRole('button', { name, exact: true }).getAttribute('aria-pressed');

async function reloadAndCheck(app, expectedHash) {
  await app.reload();
  await app.page.waitForSelector('#section-heading');
  assert.equal(await hash(app.page), expectedHash);
}

test('an open community, brief, agreement, test and creator survive a reload; back steps back', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await loadDemo(app);

    // Communities: the first is shown without a history step; choosing the second adds one.
    await app.goto('Communities');
    const chooser = '[aria-label="Choose a community"]';
    assert.equal(await pressed(page, chooser, 'Trail running'), 'true');
    await page.locator(chooser).getByRole('button', { name: 'Sourdough baking' }).click();
    await page.waitForFunction(() => location.hash === '#/communities/Sourdough%20baking');
    await reloadAndCheck(app, '#/communities/Sourdough%20baking');
    assert.equal(await pressed(page, chooser, 'Sourdough baking'), 'true');
    assert.equal(await page.locator('#community-editor-heading').innerText(), 'Community details');
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#/communities/Trail%20running');
    assert.equal(await pressed(page, chooser, 'Trail running'), 'true');

    // Briefs: a new brief is opened and stays open after a reload.
    await app.goto('Briefs');
    const firstBriefHash = await hash(page);
    assert.match(firstBriefHash, /^#\/briefs\/.+/);
    await page.getByLabel('New campaign').fill('Winter trail test');
    await page.getByRole('button', { name: 'Start a brief' }).click();
    await page.waitForFunction((first) => location.hash !== first, firstBriefHash);
    const newBriefHash = await hash(page);
    await reloadAndCheck(app, newBriefHash);
    assert.equal(await pressed(page, 'section.card', 'Winter trail test'), 'true');
    await page.goBack();
    await page.waitForFunction((first) => location.hash === first, firstBriefHash);
    assert.equal(await pressed(page, 'section.card', 'Winter trail test'), 'false');

    // Contracts: the opened agreement is in the URL and reopens after a reload.
    await app.goto('Contracts');
    assert.equal(await page.getByTestId('contract-editor').count(), 0);
    await page.getByTestId('saved-contracts').getByRole('button', { name: /^Open / }).first().click();
    await page.getByTestId('contract-editor').waitFor();
    await page.waitForFunction(() => location.hash.startsWith('#/contracts/'));
    const contractHash = await hash(page);
    assert.match(contractHash, /^#\/contracts\/[A-Za-z0-9%._~-]+$/);
    await reloadAndCheck(app, contractHash);
    await page.getByTestId('contract-editor').waitFor();
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#/contracts');
    await page.getByTestId('contract-editor').waitFor({ state: 'detached' });

    // Uplift tests: one test chosen from the list.
    await app.goto('Uplift tests');
    const tests = 'nav.test-chooser';
    assert.equal(await pressed(page, tests, 'All tests'), 'true');
    await page.locator(tests).getByRole('button', { name: 'Spring pilot 2026 regional holdout' }).click();
    await page.waitForFunction(() => location.hash === '#/uplift-tests/Spring%20pilot%202026%20regional%20holdout');
    await reloadAndCheck(app, '#/uplift-tests/Spring%20pilot%202026%20regional%20holdout');
    assert.equal(await pressed(page, tests, 'Spring pilot 2026 regional holdout'), 'true');
    assert.equal(await pressed(page, tests, 'All tests'), 'false');
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#/uplift-tests');
    assert.equal(await pressed(page, tests, 'All tests'), 'true');

    // Creators: the detail of one creator.
    await app.goto('Creators');
    const firstHandle = page.locator('table button.link').first();
    const handle = (await firstHandle.innerText()).trim();
    await firstHandle.click();
    await page.getByTestId('creator-detail').waitFor();
    await page.waitForFunction(() => location.hash.startsWith('#/creators/'));
    const creatorHash = await hash(page);
    await reloadAndCheck(app, creatorHash);
    await page.getByTestId('creator-detail').waitFor();
    assert.equal((await page.locator('#creator-detail-heading').innerText()).trim(), handle);
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#/creators');
    await page.getByTestId('creator-detail').waitFor({ state: 'detached' });

    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('a link to an item the workspace does not have shows the section with a note', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await loadDemo(app);
    await page.evaluate(() => { location.hash = '#/communities/No%20such%20community'; });
    const note = page.getByTestId('missing-item');
    await note.waitFor();
    assert.match(await note.innerText(), /“No such community”, which is not in this workspace/);
    assert.equal(await page.locator('#section-heading').innerText(), 'Communities');
    assert.equal(await hash(page), '#/communities');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('with no workspace open each section offers one and shows no form that acts on nothing', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    assert.equal((await page.locator('.save-status').innerText()).trim(), 'No workspace open');
    const sections = ['Programme & objectives', 'Creators', 'Communities', 'Briefs', 'Contracts', 'Tracking', 'Results', 'Uplift tests', 'Data'];
    for (const title of sections) {
      await app.goto(title);
      const offer = page.getByTestId('no-workspace');
      await offer.waitFor();
      assert.equal(await page.locator('#section-heading').innerText(), title);
      assert.equal(await offer.getByRole('button', { name: 'Load demo workspace' }).count(), 1, title);
      assert.equal(await offer.getByRole('button', { name: 'Create workspace' }).count(), 1, title);
      const stray = await page.locator('main').evaluate((main) =>
        [...main.querySelectorAll('input, select, textarea, button')]
          .filter((control) => !control.closest('[data-testid="no-workspace"]')).length);
      assert.equal(stray, 0, `${title} shows ${stray} controls outside the offer`);
    }
    assert.equal((await page.locator('.save-status').innerText()).trim(), 'No workspace open');

    // The offer's own create button makes a workspace and the section appears.
    await app.goto('Briefs');
    await page.getByTestId('no-workspace').getByLabel('New workspace name').fill('Oat & Trail');
    await page.getByTestId('no-workspace').getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Opened “Oat & Trail”').waitFor();
    await page.getByRole('button', { name: 'Start a brief' }).waitFor();
    assert.equal(await page.getByTestId('no-workspace').count(), 0);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('the save indicator says Saved after the demo loads and never sticks on Saving', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    assert.equal((await page.locator('.save-status').innerText()).trim(), 'No workspace open');
    await app.goto('Creators');
    await page.getByTestId('no-workspace').getByRole('button', { name: 'Load demo workspace' }).click();
    await page.getByText('Opened “Demo: Hearth & Trail”').waitFor();
    await page.waitForSelector('.save-status.ok', { timeout: 5000 });
    // Still saved a while later: nothing left pending.
    await page.waitForTimeout(1500);
    assert.match((await page.locator('.save-status').innerText()).trim(), /^Saved in this browser at \d\d:\d\d$/);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('loading the demo again asks whether to open it or make a clearly named fresh copy', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await loadDemo(app);
    const workspaces = page.locator('li.workspace');
    assert.equal(await workspaces.count(), 1);

    await page.getByRole('button', { name: 'Load demo workspace' }).first().click();
    const choice = page.getByTestId('demo-choice');
    await choice.waitFor();
    await choice.getByRole('button', { name: 'Open the existing demo' }).click();
    await choice.waitFor({ state: 'detached' });
    await page.getByText('“Demo: Hearth & Trail” is already open.').waitFor();
    assert.equal(await workspaces.count(), 1);

    await page.getByRole('button', { name: 'Load demo workspace' }).first().click();
    await page.getByTestId('demo-choice').getByRole('button', { name: 'Make a fresh copy' }).click();
    await page.getByText('Opened “Demo: Hearth & Trail (fresh copy)”').waitFor();
    await app.waitSaved();
    const names = await page.locator('li.workspace .workspace-name').allInnerTexts();
    assert.deepEqual(names.map((n) => n.trim()).sort(), ['Demo: Hearth & Trail', 'Demo: Hearth & Trail (fresh copy)']);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
