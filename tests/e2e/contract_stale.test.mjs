// A contract draft changed in another tab is not overwritten by an editor that opened it
// before: the save is refused with a notice offering to reload it or save as a new draft.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, loadDemo } from './harness.mjs';

const OPEN_V1 = 'Open @levain_lotte · Sourdough January starter challenge 2027 · v1 (draft)';

test('an editor holding an older copy of a draft cannot overwrite it', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Contracts');
    await page.getByRole('button', { name: OPEN_V1 }).click();
    const editor = page.locator('section.contract-editor');
    await editor.getByLabel('Brand address').waitFor();

    // A second tab opens the same draft, changes it and saves.
    const second = await app.context.newPage();
    second.on('dialog', (dialog) => dialog.accept());
    second.on('pageerror', (error) => app.pageErrors.push(String(error)));
    await second.goto(app.server.url);
    await second.waitForSelector('.save-status:not(:has-text("Opening storage"))');
    await second.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Contracts' }).click();
    await second.getByRole('button', { name: OPEN_V1 }).click();
    const otherEditor = second.locator('section.contract-editor');
    await otherEditor.getByLabel('Brand address').fill('2 Mill Lane, Bristol');
    await otherEditor.getByRole('button', { name: 'Save draft' }).click();
    await second.getByText('Saved draft version 1.').waitFor();
    await second.waitForSelector('.save-status.ok');
    await second.close();

    // The first tab learns of the change (its copy now differs from the stored one).
    await editor.getByTestId('contract-version-line').filter({ hasText: 'saving…' }).waitFor();
    await editor.getByLabel('Creator\'s address').fill('9 Harbour Row, Leeds');
    await editor.getByRole('button', { name: 'Save draft' }).click();
    const notice = editor.getByTestId('contract-stale');
    await notice.waitFor();
    assert.match(await notice.innerText(), /^Draft version 1 changed since you opened it \(in another tab or by an undo\)\. Your edits were not saved into it\./);
    await notice.getByRole('button', { name: 'Save my edits as a new draft' }).click();
    await page.getByText('Saved your edits as new draft version 2.').waitFor();
    await notice.waitFor({ state: 'detached' });
    await app.waitSaved();

    await app.reload();
    await app.goto('Contracts');
    await page.getByRole('button', { name: OPEN_V1 }).click();
    assert.equal(await editor.getByLabel('Brand address').inputValue(), '2 Mill Lane, Bristol', 'the other tab\'s save is kept');
    assert.equal(await editor.getByLabel('Creator\'s address').inputValue(), '');
    await editor.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: OPEN_V1.replace('v1', 'v2') }).click();
    assert.equal(await editor.getByLabel('Creator\'s address').inputValue(), '9 Harbour Row, Leeds', 'the refused edits are in version 2');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
