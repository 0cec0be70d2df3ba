// The audit on a labelled validation set imported as a user would: their own column names,
// dd/mm/yyyy dates, a raw comments file with threads. Ordinary and embedded creators get no
// warning, each planted problem is flagged, a viral jump is explained rather than condemned,
// embedded creators lead under the community preset, and all of it survives a reload.
// Files: tests/fixtures/validation/small (scripts/validation/make_audit_validation.py --small).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openApp, fixture } from './harness.mjs';
import { bodyRows, openCreator } from './creators_helpers.mjs';

const file = (name) => fixture('validation', 'small', name);
const labels = Object.fromEntries(
  fs.readFileSync(file('labels.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(',')),
);
const handles = Object.keys(labels);
const PLANTED_WARNINGS = ['pod', 'bought', 'massfollow', 'undisclosed'];

function card(page, label) {
  return page.locator('section.table-card', { has: page.getByRole('heading', { name: label, exact: true }) });
}

/** Rank (a shared rank "=3" reads as 3) and flag text of every creator in the table. */
async function tableState(page) {
  await page.getByText(`${handles.length} of ${handles.length} creators shown`).waitFor();
  const state = {};
  for (const row of await bodyRows(page).all()) {
    const cells = await row.locator('td, th').allInnerTexts();
    const handle = handles.find((h) => cells[1].startsWith(h));
    state[handle] = { rank: Number(cells[0].replace('=', '')), flags: cells[7] };
  }
  return state;
}

test('the validation set imported through the page: no false warnings, planted problems caught, embedded creators first', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await app.goto('Overview');
    await page.getByLabel('New workspace name').fill('Validation export');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Opened “Validation export”').waitFor();
    await app.goto('Creators');
    for (const [label, name] of [['Creators', 'creators.csv'], ['Posts', 'posts.csv'], ['Follower history', 'follower_history.csv']]) {
      await card(page, label).getByRole('button', { name: 'Import CSV' }).click();
      await card(page, label).locator('input[type=file]').setInputFiles(file(name));
      await page.getByTestId('import-summary').filter({ hasText: / 0 with problems/ }).waitFor();
      await page.getByRole('button', { name: /^Import \d+ rows$/ }).click();
      await page.getByText(new RegExp(`Imported ${label}: \\d+ added`)).waitFor();
    }
    await page.getByLabel('Comments file (CSV)').setInputFiles(file('comments.csv'));
    await page.getByTestId('comment-report').filter({ hasText: /comments of 10 creators became \d+ post summaries/ }).waitFor();
    await app.waitSaved();

    await page.locator('#settings-heading').click();
    await page.getByLabel('Weights for objective').selectOption('community');
    await page.locator('#objective-reasoning').filter({ hasText: /by embeddedness, the core selection criterion/ }).waitFor();
    await app.waitSaved();

    const state = await tableState(page);
    for (const handle of handles) {
      const kind = labels[handle];
      const { rank, flags } = state[handle];
      if (kind === 'ordinary' || kind === 'embedded' || kind === 'viral') {
        assert.doesNotMatch(flags, /warning/, `${handle} (${kind}) has no warning`);
      }
      if (PLANTED_WARNINGS.includes(kind)) assert.match(flags, /warning/, `${handle} (${kind}) is flagged`);
      if (kind === 'embedded') assert.ok(rank <= Math.floor(handles.length / 3), `${handle} ranks ${rank}, in the top third`);
    }

    const viralHandle = handles.find((h) => labels[h] === 'viral');
    const viral = await openCreator(page, viralHandle);
    const viralText = await viral.innerText();
    assert.match(viralText, /Follower jump a viral post may explain \(may have an innocent explanation\)/);
    assert.match(viralText, /may be explained by post https:\/\/instagram\.com\/p\/\S+ on \d{1,2} [A-Z][a-z]{2} \d{4} with [\d,]+ interactions/);
    const boughtHandle = handles.find((h) => labels[h] === 'bought');
    const bought = await openCreator(page, boughtHandle);
    assert.match(await bought.innerText(), /Follower jump that engagement did not follow/);
    const podHandle = handles.find((h) => labels[h] === 'pod');
    assert.match(await (await openCreator(page, podHandle)).innerText(), /Possible engagement pod/);
    const embeddedHandle = handles.find((h) => labels[h] === 'embedded');
    assert.match(await (await openCreator(page, embeddedHandle)).innerText(), /of posts have the creator answering a question/);

    await app.reload();
    await app.goto('Creators');
    await page.locator('#settings-heading').click();
    assert.equal(await page.getByLabel('Weights for objective').inputValue(), 'community');
    await page.getByLabel('Search', { exact: true }).fill('');
    assert.deepEqual(await tableState(page), state, 'ranks and flags persist');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
