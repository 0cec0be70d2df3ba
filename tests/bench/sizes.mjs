// Prints the shipped size of every file in a build: raw, gzip (level 9) and brotli (max).
// Files the page fetches only when asked for (the demo workspace, the method text, and the
// compute worker, started by an import or an analysis; the service worker stores the first
// two in the background) are totalled apart from the first download.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10);
const ON_DEMAND_FILES = new Set(['demo.microplan.json', 'method.md']);
const onDemand = (name) => ON_DEMAND_FILES.has(name) || name.startsWith('microplan-worker');
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
const sum = (list) => list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const line = (label, r) => console.log(`${label.padEnd(44)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
console.log(`${'file'.padEnd(44)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
for (const r of rows) line(onDemand(r.name) ? `${r.name} (on demand)` : r.name, r);
line('first download (what the page loads to start)', sum(rows.filter((r) => !onDemand(r.name))));
line('fetched on demand', sum(rows.filter((r) => onDemand(r.name))));
