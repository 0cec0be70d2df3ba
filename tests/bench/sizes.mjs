// Prints the shipped size of every file in a build: raw, gzip (level 9) and brotli (max).
// Files the page fetches only when asked for (the demo workspace, the method text, each
// section's code and the chunks sections share, which the service worker stores in the
// background, and the compute worker, started by an import or an analysis) are totalled apart
// from the first download. The shared chunks are one line.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10);
const ON_DEMAND_FILES = new Set(['demo.microplan.json', 'method.md']);
const isChunk = (name) => /(^|\/)chunk_\d+\.wasm$/.test(name);
const onDemand = (name) =>
  ON_DEMAND_FILES.has(name) || name.startsWith('microplan-worker') || /(^|\/)split_[^/]+\.wasm$/.test(name) || isChunk(name);
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
for (const r of rows.filter((r) => !isChunk(r.name))) line(onDemand(r.name) ? `${r.name} (on demand)` : r.name, r);
const chunks = rows.filter((r) => isChunk(r.name));
if (chunks.length > 0) line(`${chunks.length} chunks shared by sections (on demand)`, sum(chunks));
line('first download (what the page loads to start)', sum(rows.filter((r) => !onDemand(r.name))));
line('fetched on demand', sum(rows.filter((r) => onDemand(r.name))));
