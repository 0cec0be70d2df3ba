// Communities: define a community, plan a mixed (paid + gifted) activation and check the
// planner's numbers against hand-computed values, export the calendar file, reload and find
// the plan; and the demo's past activation review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openApp, loadDemo, screenshot } from './harness.mjs';

async function fillPlanner(page, values) {
  for (const [label, value] of Object.entries(values)) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
}

test('define a community, plan a mixed activation, export its calendar, reload and find it', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Communities');
    await page.getByRole('button', { name: '+ New community' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Indoor plants');
    await page.getByLabel('Hashtags').fill('houseplants, #plantsofinstagram');
    await page.getByLabel('Where it gathers online').fill('Instagram, r/houseplants');
    await page.getByLabel('Description').fill('People who repot on Sundays and swap cuttings.');
    await page.getByRole('button', { name: 'Add community' }).click();
    await page.getByText('Saved the community “Indoor plants”.').waitFor();
    await page.getByRole('button', { name: 'Indoor plants', pressed: true }).waitFor();

    for (const handle of ['trail_nora', 'levain_lotte']) {
      await page.getByLabel('Add a creator').selectOption(handle);
      await page.getByRole('button', { name: 'Add to community' }).click();
      await page.getByRole('button', { name: `Remove @${handle} from the community` }).waitFor();
    }

    await fillPlanner(page, {
      'Activation name': 'Spring repotting week',
      'Window opens': '2027-03-08',
      'Window closes': '2027-03-21',
      'Posts wanted in the window (k)': '5',
      'Confidence wanted (%)': '90',
      'Gifted creators who post (%)': '40',
      'Paid creators': '2',
      'Gifted creators you will send': '',
      Currency: 'EUR',
      'Product value per parcel': '12',
      'Shipping per parcel': '5',
      'Fee per gifted creator': '3',
      'Fee per paid creator': '150',
    });
    // Need 5 - 2 = 3 gifted posts: P(Bin(12, 0.4) >= 3) = 0.9166, Bin(11, 0.4): 0.8811.
    await page.locator('#planner-gifted', { hasText: /^12$/ }).waitFor();
    assert.equal(await page.locator('#planner-chance').innerText(), '91.7%');
    assert.equal(await page.locator('#planner-expected').innerText(), '6.8'); // 2 + 12 x 0.4
    // Two members cannot supply 14 creators, and the planner says so.
    await page.getByText('This plan needs 14 creators (2 paid, 12 gifted) but the community has 2:').waitFor();
    // 12 x (12 + 5 + 3) + 2 x (150 + 12 + 5) = 240 + 334 = 574; 574 / 6.8 = 84.41.
    assert.equal(await page.locator('#planner-budget').innerText(), '€574');
    await page.getByText('Gifted €240 + paid €334; €84.41 per expected post.').waitFor();
    const mixRow = async (label) =>
      (await page.locator('table.mix-table tr', { has: page.locator('th', { hasText: label }) }).innerText()).split('\t').map((s) => s.trim());
    // All gifted: 18 gifted (P = 0.9058), 7.2 expected posts, 18 x 20 = 360, 50 per post.
    assert.deepEqual(await mixRow('All gifted'), ['All gifted', '0', '18', '90.6%', '7.2', '€360', '€50']);
    assert.deepEqual(await mixRow('Your mix'), ['Your mix', '2', '12', '91.7%', '6.8', '€574', '€84.41']);
    // All paid: 5 x 167 = 835, certain.
    assert.deepEqual(await mixRow('All paid'), ['All paid', '5', '0', '100%', '5.0', '€835', '€167']);
    const chart = page.getByRole('img', { name: /Chance of at least 5 posts by number gifted/ });
    await chart.waitFor();
    assert.equal(await page.locator('.planner svg line.threshold').count() >= 1, true);
    await page.getByRole('img', { name: /How many posts to expect/ }).waitFor();

    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.getByText('Saved the plan “Spring repotting week”.').waitFor();
    const card = page.locator('article.activation', { has: page.getByRole('heading', { name: 'Spring repotting week' }) });
    await card.waitFor();
    await card.getByRole('button', { name: 'Fill the roster from the community' }).click();
    await page.getByText('Added 2 creators to the roster.').waitFor();
    await card.getByText('Roster: 2 creators').waitFor();
    // Two paid creators cannot make five posts: the roster's own chance says so.
    await card.getByText('With this roster: 0% chance of at least 5 posts, 2.0 posts expected.', { exact: false }).waitFor();
    await app.waitSaved();
    await screenshot(app, 'communities-planner-1280');

    const icsPath = await app.download(card.getByRole('button', { name: 'Download calendar (.ics)' }));
    assert.match(icsPath, /spring-repotting-week\.ics$/);
    const ics = fs.readFileSync(icsPath, 'utf8');
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
    const lines = ics.split('\r\n').slice(0, -1);
    assert.ok(lines.every((line) => !line.includes('\n') && Buffer.byteLength(line, 'utf8') <= 75), 'CRLF lines of at most 75 octets');
    const unfolded = ics.replace(/\r\n /g, '');
    // The window 8-21 March is one all-day event; DTEND is the day after the last day.
    assert.match(unfolded, /DTSTART;VALUE=DATE:20270308\r\nDTEND;VALUE=DATE:20270322\r\nSUMMARY:Spring repotting week: posting window \(Indoor plants\)/);
    // Everything arrives 7 days before the window opens: 1 March.
    assert.match(unfolded, /DTSTART;VALUE=DATE:20270301\r\nDTEND;VALUE=DATE:20270302\r\nSUMMARY:Spring repotting week: Product arrives/);
    assert.match(unfolded, /SUMMARY:Spring repotting week: Ship to @trail_nora \(paid\)/);
    assert.match(unfolded, /SUMMARY:Spring repotting week: Ship to @levain_lotte \(paid\)/);
    const events = (unfolded.match(/BEGIN:VEVENT/g) ?? []).length;
    const uids = new Set(unfolded.match(/^UID:.*$/gm));
    assert.ok(events >= 9, `window + brief + 2 ship-by + arrival + open + close + reminders, got ${events}`);
    assert.equal(uids.size, events);
    assert.match(unfolded, /DTSTAMP:\d{8}T\d{6}Z/);

    const csvPath = await app.download(card.getByRole('button', { name: 'Download timeline (CSV)' }));
    const csv = fs.readFileSync(csvPath, 'utf8');
    assert.ok(csv.startsWith('date,event,title,creator,country,details\r\n'));
    assert.match(csv, /2027-03-01,arrival,Product arrives,,,/);

    await app.reload();
    await app.goto('Communities');
    await page.getByRole('button', { name: 'Indoor plants' }).click();
    const saved = page.locator('article.activation', { has: page.getByRole('heading', { name: 'Spring repotting week' }) });
    await saved.getByText('Roster: 2 creators').waitFor();
    await saved.getByRole('button', { name: 'Open in planner' }).click();
    assert.equal(await page.getByLabel('Activation name', { exact: true }).inputValue(), 'Spring repotting week');
    await page.locator('#planner-gifted', { hasText: /^12$/ }).waitFor();
    assert.equal(await page.locator('#planner-chance').innerText(), '91.7%');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test("the demo's past activation is reviewed against its plan and teaches the posting rate", async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await loadDemo(app);
    await app.goto('Communities');
    await page.getByRole('button', { name: 'Trail running', pressed: true }).waitFor();
    const past = page.locator('article.activation', { has: page.getByRole('heading', { name: 'Trail autumn race season 2026' }) });
    // 2 paid + 5 gifted posted 14-27 September; one gifted creator posted on 6 October.
    await past.getByText('The community effect happened: 7 posts inside the window, goal 5.').waitFor();
    await past.getByText('1 post (before, after or undated)').waitFor();
    // 6 of 14 gifted posted: Clopper-Pearson 90% interval 0.2061 to 0.6750 (scipy binomtest).
    await past.getByText('6 of 14 gifted creators posted (42.9%; 90% interval 20.6% to 67.5%, Clopper-Pearson exact)').waitFor();
    // The plan: need 3 of 14 gifted at 35%: P = 0.9161; 2 + 14 x 0.35 = 6.9 expected.
    await past.getByText('6.9 posts expected, 91.6% chance of the goal with the 16 sent').waitFor();
    await page.locator('.history-estimate', { hasText: "From this community's past activations: 6 of 14" }).waitFor();
    await page.getByRole('heading', { name: 'Quarterly review: 2026 Q3' }).waitFor();
    const pool = page.locator('section', { has: page.getByRole('heading', { name: 'Rotating gifted pool: Trail running' }) });
    await pool.locator('tr', { hasText: '@fell_and_fog' }).getByText('one more try: seeded once, no post').waitFor();
    await pool.locator('tr', { hasText: '@heather_hops' }).getByText('rotate in: never seeded').waitFor();
    await screenshot(app, 'communities-review-1280');
    // The gifting history exports like every table: 16 autumn records + 17 on the January roster.
    const historyCsv = fs.readFileSync(await app.download(page.getByRole('button', { name: 'Export CSV of Gifting history' })), 'utf8');
    const historyLines = historyCsv.trim().split('\r\n');
    assert.equal(historyLines[0], 'activation,handle,arrangement,shipped_on,posted,posted_on');
    assert.equal(historyLines.length, 1 + 33);
    assert.ok(historyLines.includes('Trail autumn race season 2026,highland_hana,gifted,2026-09-02,true,2026-10-06'));

    await page.getByRole('button', { name: 'Sourdough baking' }).click();
    const planned = page.locator('article.activation', { has: page.getByRole('heading', { name: 'Sourdough January starter challenge 2027' }) });
    await planned.locator('.badge', { hasText: 'planned' }).waitFor();
    await planned.getByText('Roster: 17 creators').waitFor();
    // The demo's contract draft with @levain_lotte holds a first right of refusal.
    const sourdoughPool = page.locator('section', { has: page.getByRole('heading', { name: 'Rotating gifted pool: Sourdough baking' }) });
    await sourdoughPool.locator('tr', { hasText: '@levain_lotte' }).getByText(/first right of refusal .*\(draft\)/).waitFor();
    // 3 paid + 14 gifted at 35% (no history of their own): P(Bin(14, 0.35) >= 3) = 0.9161.
    await planned.getByText('With this roster: 91.6% chance of at least 6 posts, 7.9 posts expected.', { exact: false }).waitFor();
    await page.getByLabel('Year', { exact: true }).selectOption('2027');
    await page.locator('table.year-view tr', { hasText: 'Sourdough baking' }).getByText('Sourdough January starter challenge 2027').waitFor();
    // The section is complete; its one simplification (a single shipping cost) is stated.
    assert.equal(await page.getByRole('heading', { name: 'Not built yet' }).count(), 0);
    await page.getByText('Budgets use one shipping cost per parcel for every country').waitFor();
    await page.setViewportSize({ width: 360, height: 780 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 360 px (overflow ${overflow}px)`);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(app, 'communities-390');
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('activation plans and gifting history export and import back identically', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    const card = (label) => page.locator('section.table-card', { has: page.getByRole('heading', { name: label, exact: true }) });
    await loadDemo(app);
    await app.goto('Communities');
    const tables = ['Communities', 'Activation plans', 'Gifting history'];
    const files = {};
    for (const label of tables) {
      files[label] = await app.download(card(label).getByRole('button', { name: 'Export CSV' }));
    }
    await app.goto('Overview');
    await page.getByLabel('New workspace name').fill('Activation round trip');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Opened “Activation round trip”').waitFor();
    await app.goto('Communities');
    const rows = { Communities: 2, 'Activation plans': 2, 'Gifting history': 33 };
    for (const label of tables) {
      await card(label).getByRole('button', { name: 'Import CSV' }).click();
      await card(label).locator('input[type=file]').setInputFiles(files[label]);
      await page.getByTestId('import-summary').filter({ hasText: `${rows[label]} rows read: ${rows[label]} ready to import, 0 with problems.` }).waitFor();
      await page.getByRole('button', { name: `Import ${rows[label]} rows` }).click();
      await page.getByText(`Imported ${label}: ${rows[label]} added`).waitFor();
    }
    await app.waitSaved();
    for (const label of tables) {
      const again = await app.download(card(label).getByRole('button', { name: 'Export CSV' }));
      assert.equal(fs.readFileSync(again, 'utf8'), fs.readFileSync(files[label], 'utf8'), `${label} round trip`);
    }
    // The imported plans drive the section: the past activation's review is back.
    await page.getByRole('button', { name: 'Trail running' }).click();
    await page.getByText('The community effect happened: 7 posts inside the window, goal 5.').waitFor();
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
