// Deterministic large creators and posts CSVs, shared by the large-workspace test and the
// browser benchmark so both measure the same data.
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
