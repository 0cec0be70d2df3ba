// Trunk pre_build hook: builds the app's wasm split into one download per section.
//
// Trunk runs cargo, wasm-bindgen and wasm-opt itself with no step between the first two, and
// the split must happen there (trunk-rs/trunk#1022). So this hook does the four steps and puts
// the result in Trunk's staging directory, where finalize_build.mjs (post_build) points the
// page at it:
//   1. cargo builds the `microplan` binary for wasm32, its link keeping the relocations the
//      splitter reads (only this link: the compute worker, which Trunk builds, ships without);
//   2. wasm-split-cli cuts it at the `#[wasm_split]` functions (src/shell/section_code.rs) into
//      the main module, one module per section, shared chunks and `__wasm_split.js`, which
//      fetches a section's module the first time it is opened;
//   3. wasm-bindgen writes the JavaScript glue for the main module (keeping the exports the
//      section modules import);
//   4. in a release build, wasm-opt shrinks every module (not with MICROPLAN_KEEP_NAMES=1, the
//      build scripts/bench.sh measures per crate with twiggy).
// Everything lands in `app-<hash>/`, the hash taken over all its files, so the files keep the
// names they reference each other by and a new build never meets an old file in a cache.
import { execFile, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('build_app.mjs runs as a Trunk pre_build hook (TRUNK_STAGING_DIR is not set)');
const release = process.env.TRUNK_PROFILE === 'release';
const root = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const profileDir = release ? 'release' : 'debug';
const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(root, 'target');
const WASM_OPT_FLAGS = ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext'];

const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
const step = (text) => console.log(`build_app: ${text}`);

step(`cargo build (${profileDir})`);
run('cargo', ['rustc', '--target', 'wasm32-unknown-unknown', '--bin', 'microplan', ...(release ? ['--release'] : []), '--', '-C', 'link-arg=--emit-relocs']);
const linked = path.join(targetDir, 'wasm32-unknown-unknown', profileDir, 'microplan.wasm');

const optimise = release && process.env.MICROPLAN_KEEP_NAMES !== '1';
const work = path.join(targetDir, 'app-split', profileDir);
const split = path.join(work, 'out');
// The split, the glue and wasm-opt take minutes and depend only on the linked wasm and the
// options, so a build whose wasm did not change (the sub-path build, a style edit under
// `trunk serve`) reuses the last result.
const input = crypto.createHash('sha256').update(fs.readFileSync(linked)).update(String(optimise)).update(WASM_OPT_FLAGS.join(' ')).digest('hex');
const stamp = path.join(work, 'input.sha256');
if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === input) {
  step('the linked wasm is unchanged: reusing the last split');
} else {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  await splitAndOptimise();
  fs.writeFileSync(stamp, input);
}
// wasm-bindgen may add a snippets/ folder beside the glue, so the files are listed recursively.
const files = fs.readdirSync(split, { recursive: true })
  .filter((name) => fs.statSync(path.join(split, name)).isFile())
  .sort();
const sections = files.filter((name) => name.startsWith('split_'));
if (sections.length === 0) throw new Error('wasm-split-cli found no split points: is src/shell/section_code.rs still built?');

const hash = crypto.createHash('sha256');
for (const file of files) hash.update(file).update(fs.readFileSync(path.join(split, file)));
const out = path.join(staging, `app-${hash.digest('hex').slice(0, 16)}`);
fs.cpSync(split, out, { recursive: true });
step(`${files.length} files in ${path.basename(out)}/ (${sections.length} sections)`);

async function splitAndOptimise() {
  step('wasm-split-cli');
  run('wasm-split-cli', ['--target', 'web', '--out-name', 'microplan', linked, split]);
  step('wasm-bindgen');
  const glued = path.join(work, 'glued');
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', glued, '--out-name', 'microplan', path.join(split, 'microplan.wasm')]);
  fs.rmSync(path.join(split, 'microplan.wasm'));
  for (const file of fs.readdirSync(glued)) fs.renameSync(path.join(glued, file), path.join(split, file));
  if (!optimise) return;
  const modules = fs.readdirSync(split).filter((name) => name.endsWith('.wasm'));
  step(`wasm-opt on ${modules.length} modules`);
  await inParallel(modules, os.availableParallelism(), async (file) => {
    const wasm = path.join(split, file);
    const { stderr } = await promisify(execFile)('wasm-opt', [...WASM_OPT_FLAGS, '--output', wasm, wasm], { cwd: root });
    // The splitter writes a name subsection binaryen does not know; it is dropped, harmlessly.
    const other = stderr.split('\n').filter((line) => line && !line.includes('unknown name subsection'));
    if (other.length > 0) console.error(other.join('\n'));
  });
}

/** Runs `task` on every item, at most `limit` at a time. */
async function inParallel(items, limit, task) {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
