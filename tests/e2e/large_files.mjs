// Deterministic large files (creators and posts; regional series for a geo test), shared by
// the end-to-end tests and the browser benchmarks so both use the same data.
import fs from 'node:fs';
import path from 'node:path';

/** Writes `creators.csv` (`creators` rows) and `posts.csv` (`postsEach` per creator) into `dir`. */
export function writeCreatorsAndPosts(dir, creators, postsEach) {
  const creatorRows = ['handle,platform,followers,following,country,fee,currency'];
  const postRows = ['handle,post_id,date,format,likes,comments,views,reach,shares,saves'];
  for (let c = 0; c < creators; c += 1) {
    creatorRows.push(`creator_${c},instagram,${2000 + ((c * 7919) % 400000)},${100 + (c % 900)},GB,${50 + (c % 40) * 25},EUR`);
    for (let p = 0; p < postsEach; p += 1) {
      const likes = 50 + ((c * 31 + p * 17) % 4000);
      const day = String(1 + (p % 28)).padStart(2, '0');
      postRows.push(`creator_${c},${c}-${p},2026-0${1 + (p % 9)}-${day},reel,${likes},${Math.floor(likes / 25)},${likes * 9},${likes * 6},${Math.floor(likes / 40)},${Math.floor(likes / 15)}`);
    }
  }
  fs.writeFileSync(path.join(dir, 'creators.csv'), creatorRows.join('\n'));
  fs.writeFileSync(path.join(dir, 'posts.csv'), postRows.join('\n'));
}

/**
 * On the Creators page, opens the import of `dir/file` into the `label` table (Creators or
 * Posts) and waits for the wizard's summary of `rows` rows; returns the count as the page
 * writes it ("150,000"), for the Import button and the notice that follow.
 */
export async function chooseLargeImport(page, dir, label, file, rows) {
  const card = page.locator('section.table-card', { has: page.getByRole('heading', { name: label, exact: true }) });
  const shown = rows.toLocaleString('en-US');
  await card.getByRole('button', { name: 'Import CSV' }).click();
  await card.locator('input[type=file]').setInputFiles(path.join(dir, file));
  await page.getByTestId('import-summary').filter({ hasText: `${shown} rows read` }).waitFor({ timeout: 300_000 });
  return shown;
}

/** ISO date of `day` days after 2024-01-01. */
export function isoDay(day) {
  return new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
}

/**
 * Seeded regional series CSV (Region, Date, Orders) of `regions` x `days`: level x (1 + weekly
 * season + trend) + noise, as the native geo benchmark generates.
 */
export function regionalCsv(regions, days) {
  let seed = 50;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const rows = ['Region,Date,Orders'];
  for (let region = 0; region < regions; region += 1) {
    const level = 200 + 600 * random();
    const weekly = 0.05 + 0.15 * random();
    const trend = -0.0005 + 0.0015 * random();
    const name = `Region ${String(region).padStart(2, '0')}`;
    for (let day = 0; day < days; day += 1) {
      const season = Math.sin((day * 2 * Math.PI) / 7) * weekly;
      const value = level * (1 + season + trend * day) + 20 * random() - 10;
      rows.push(`${name},${isoDay(day)},${value.toFixed(2)}`);
    }
  }
  return Buffer.from(`${rows.join('\n')}\n`);
}
