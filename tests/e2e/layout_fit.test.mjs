// Nothing a user needs is off screen: on a laptop (1280x800) and a phone (390x844), in every
// section and its main sub-views, each table heading is in view or inside a frame that scrolls
// to it and says so. On the phone the section menu opens, lists every section and navigates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAPTOP, PHONE, SECTIONS, VIEWS, openOnDevice } from './devices.mjs';

/**
 * Each visible table heading that is neither within the viewport nor reachable in a
 * sideways-scrolling frame that shows its scroll cue, described for the failure message.
 */
function unreachableHeadings() {
  const width = document.documentElement.clientWidth;
  const visible = (el) => el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
  const scrollFrame = (el) => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      const overflow = getComputedStyle(node).overflowX;
      if ((overflow === 'auto' || overflow === 'scroll') && node.scrollWidth > node.clientWidth + 1) return node;
    }
    return null;
  };
  const cueShown = (frame) => {
    const hint = getComputedStyle(frame, '::before');
    const mask = getComputedStyle(frame).maskImage || getComputedStyle(frame).webkitMaskImage;
    return hint.display !== 'none' && /Scroll for more columns/.test(hint.content) && /gradient/.test(mask ?? '');
  };
  const describe = (th) => {
    const table = th.closest('table');
    const name = table?.querySelector('caption')?.textContent
      ?? table?.closest('section, fieldset, figure')?.querySelector('h2, h3, legend')?.textContent ?? '?';
    return `“${th.textContent.trim().slice(0, 40)}” in “${name.trim().slice(0, 50)}”`;
  };
  const problems = [];
  for (const th of document.querySelectorAll('main th')) {
    if (!visible(th)) continue;
    const rect = th.getBoundingClientRect();
    if (rect.left >= -1 && rect.right <= width + 1) continue;
    const frame = scrollFrame(th);
    if (!frame) {
      problems.push(`${describe(th)} at ${Math.round(rect.left)}-${Math.round(rect.right)} px, not in a scrolling frame`);
      continue;
    }
    const box = frame.getBoundingClientRect();
    const endInFrame = rect.right - box.left - frame.clientLeft + frame.scrollLeft;
    if (box.left < -1 || box.right > width + 1) problems.push(`${describe(th)}: its frame runs off screen (${Math.round(box.left)}-${Math.round(box.right)} px)`);
    else if (endInFrame > frame.scrollWidth + 2) problems.push(`${describe(th)}: beyond the frame's scroll range`);
    else if (!cueShown(frame)) problems.push(`${describe(th)}: its frame scrolls but shows no cue`);
  }
  if (document.documentElement.scrollWidth > width + 1) problems.push(`the page itself is ${document.documentElement.scrollWidth} px wide`);
  return problems;
}

for (const device of [LAPTOP, PHONE]) {
  test(`every table heading is in view or in a frame that scrolls to it (${device.viewport.width} px)`, async () => {
    const app = await openOnDevice(device);
    try {
      const failures = [];
      for (const view of VIEWS) {
        await view.open(app);
        const headings = await app.page.locator('main th').count();
        const problems = await app.page.evaluate(unreachableHeadings);
        failures.push(...problems.map((p) => `${view.name}: ${p}`));
        if (device === PHONE) {
          const small = await app.page.locator('main input[type="checkbox"], main input[type="radio"]').evaluateAll((inputs) =>
            inputs.filter((i) => i.checkVisibility()).map((i) => i.getBoundingClientRect()).filter((r) => r.width < 24 || r.height < 24).length);
          if (small > 0) failures.push(`${view.name}: ${small} checkboxes or radios smaller than 24 px`);
        }
        if (['results-performance', 'results-data', 'contracts-open', 'briefs'].includes(view.name)) assert.ok(headings > 0, `${view.name} shows tables`);
      }
      assert.deepEqual(failures, []);
      assert.deepEqual(app.pageErrors, []);
    } finally {
      await app.close();
    }
  });
}

test('on a phone the menu opens, lists every section, navigates and closes with Escape', async () => {
  const app = await openOnDevice(PHONE);
  const { page } = app;
  try {
    const header = await page.locator('header.app-header').boundingBox();
    assert.ok(header.height <= 110, `the header is compact (${header.height} px)`);
    const toggle = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Sections', includeHidden: true });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await toggle.getAttribute('aria-controls'), await nav.getAttribute('id'));
    assert.equal(await nav.isVisible(), false, 'the list is closed until asked for');
    const toggleBox = await toggle.boundingBox();
    assert.ok(toggleBox.height >= 44 && toggleBox.width >= 44, `the menu button is a touch target (${toggleBox.width}x${toggleBox.height})`);

    for (const title of SECTIONS) {
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      const links = nav.getByRole('link');
      assert.equal(await links.count(), SECTIONS.length);
      for (const name of SECTIONS) assert.ok(await nav.getByRole('link', { name, exact: true }).isVisible(), `${name} is listed`);
      const link = nav.getByRole('link', { name: title, exact: true });
      const box = await link.boundingBox();
      assert.ok(box.height >= 44 && box.x >= 0 && box.x + box.width <= 390, `${title}: a touch target in view`);
      await link.tap();
      if (title === 'Overview') await page.waitForFunction(() => location.hash === '#/' || location.hash === '');
      else await page.waitForFunction((t) => document.querySelector('#section-heading')?.textContent.trim() === t, title);
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false', `choosing ${title} closes the menu`);
      assert.equal(await nav.isVisible(), false);
    }

    // Keyboard: opening moves focus to the current section's link; Escape closes and returns it.
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-current')), 'page');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), 'Data');
    await page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement?.id), await toggle.getAttribute('id'));

    // Touch-sized sort headings, and a cell's explanation offered to touch.
    await app.open('Results');
    const tab = page.getByRole('navigation', { name: 'Results views' }).getByRole('link', { name: 'Performance', exact: true });
    const tabBox = await tab.boundingBox();
    assert.ok(tabBox.height >= 44, `the Results tabs are touch targets (${tabBox.height} px)`);
    await tab.tap();
    await page.getByTestId('performance-table').waitFor();
    const sortBox = await page.getByTestId('performance-table').locator('th button.sort').first().boundingBox();
    assert.ok(sortBox.height >= 44, `sort headings are 44 px tall (${sortBox.height})`);
    assert.match(await page.locator('.results-performance').innerText(), /Tap or focus a cell/);
    assert.doesNotMatch(await page.locator('.results-performance').innerText(), /Hover or focus a cell/);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('on a laptop the section list is always shown and there is no menu button', async () => {
  const app = await openOnDevice(LAPTOP);
  try {
    assert.equal(await app.page.getByRole('button', { name: 'Menu' }).isVisible(), false);
    assert.ok(await app.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Results' }).isVisible());
    await app.open('Results');
    await app.page.getByRole('navigation', { name: 'Results views' }).getByRole('link', { name: 'Performance', exact: true }).click();
    assert.match(await app.page.locator('.results-performance').innerText(), /Hover or focus a cell/);
  } finally {
    await app.close();
  }
});
