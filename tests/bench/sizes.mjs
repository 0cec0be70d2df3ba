// Prints the shipped size of every file in a build: raw, gzip (level 9) and brotli (max).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10);
const rows = [];
for (const name of fs.readdirSync(dir, { recursive: true }).sort()) {
  const file = path.join(dir, name);
  if (fs.statSync(file).isDirectory()) continue;
  const data = fs.readFileSync(file);
  const gzip = zlib.gzipSync(data, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(data, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }).length;
  rows.push({ name, raw: data.length, gzip, brotli });
}
const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.log(`${'file'.padEnd(44)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
for (const r of rows) console.log(`${r.name.padEnd(44)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
console.log(`${'total (everything the page downloads)'.padEnd(44)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}`);
