// Raw comments import in headless Chromium (release build): a 900,000-comment export whose
// fan comments are unique sentences, imported through the page. Prints the wall time to the
// report and to "Saved", the longest gap between frames on the page during the import, the
// background workers used (and whether they ended), and the page's wasm memory before and
// after; with --native also the same work natively (cargo bench --bench comment_shares).
// Asserts nothing about speed. Usage: node tests/bench/comments_browser.mjs [dist] [--native]
// [--cores=N] (the page then sees N logical cores, so it starts N workers, at most 4)
// [--trace=FILE] (writes a Chrome trace of the import, workers included, to open in DevTools).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, repoRoot } from '../e2e/harness.mjs';
import { startTrace, stopTrace } from './timing.mjs';

const CREATORS = 1000;
const POSTS_EACH = 30;
const COMMENTS_EACH = 30;

// Fan comments are sentences no two of which repeat: one phrase from each list, the lists'
// lengths pairwise coprime, so sentence n (picking phrase n * step mod length from each list)
// differs from every other n below the product of the lengths (Chinese remainder theorem).
const OPENERS = ['Honestly', 'Wow', 'Okay so', 'Genuinely', 'Not gonna lie', 'Quick question:', 'Funny thing,', 'Real talk,', 'Ha,', 'Wait,', 'So', 'Hmm,', 'Yes!', 'Oh no,', 'Right,', 'Well,', 'Look,', 'Huh,', 'Agreed,', 'Nice,', 'Seriously,', 'Alright,', 'Aha,'];
const SUBJECTS = ['the crumb', 'that ridge climb', 'your starter', 'the descent', 'this loaf', 'the scoring', 'your pacing', 'the hydration', 'that trail', 'the crust', 'your shoes', 'the proof', 'the switchbacks', 'the oven spring', 'that summit', 'the rye blend', 'your cadence', 'the banneton', 'the mud section', 'the levain', 'your gels', 'the lamination', 'that last mile', 'the bake time', 'the headlamp', 'the flour', 'your vest'];
const VERBS = ['looks', 'reminds me of', 'beats', 'sounds like', 'matches', 'is nothing like', 'makes me rethink', 'explains', 'changes', 'inspired', 'fixed', 'ruined', 'saved', 'complicates', 'mirrors', 'outdoes', 'clarifies', 'rescued', 'confirms', 'contradicts', 'improves', 'simplifies', 'doubles', 'halves', 'upgrades'];
const OBJECTS = ['my Sunday bake', 'the race I did in May', 'my grandmother\'s recipe', 'the loop near my house', 'every tutorial I watched', 'my first ultra', 'the bakery downtown', 'my cold retard', 'the book I have', 'my marathon plan', 'last winter\'s attempts', 'my whole week', 'the forum advice', 'my club\'s route', 'the version I tried', 'my oven at home', 'the trail map', 'my training log', 'the last batch', 'my neighbour\'s bread', 'the hill repeats', 'my recovery run', 'our family loaf', 'the spring series', 'my split times', 'the wholewheat test', 'my long run', 'the poolish method', 'the hut-to-hut route'];
const ENDINGS = ['- which temperature?', '- how long did it take?', 'and I want to try it.', 'and I have questions.', 'so thanks for sharing.', '- what brand was that?', 'and now I\'m hungry.', 'but my legs disagree.', '- did you adjust anything?', 'and it worked for me too.', '- any tips for beginners?', 'and I\'m saving this.', '- where is this exactly?', 'and my kids loved it.', 'so I\'ll report back.', '- was it windy?', 'and the photos are great.', 'but I messed up step two.', '- same flour as last time?', 'and I doubled it.', '- what elevation?', 'and nobody believed me.', 'so I\'m trying Saturday.', '- worth the early start?', 'and I took notes.', '- how many grams?', 'and the colour is perfect.', 'but I burnt mine.', '- which watch?', 'and it\'s my new favourite.', '- any substitutes?'];
// Place names as real comments hold them (a trail, a bakery, a town): 1,517 of them, made of
// two halves, so most sentences carry a word few others share.
const NAME_STARTS = ['Ash', 'Bram', 'Cor', 'Dun', 'Elm', 'Fen', 'Glen', 'Holt', 'Ivy', 'Kes', 'Lang', 'Mor', 'Nor', 'Oak', 'Pen', 'Quen', 'Ros', 'Stan', 'Thorn', 'Ulver', 'Vale', 'Wen', 'Yar', 'Zell', 'Brack', 'Crag', 'Dray', 'Eld', 'Frost', 'Grim', 'Hark', 'Isel', 'Jut', 'Kil', 'Lyn', 'Mere', 'Nant'];
const NAME_ENDS = ['wick', 'dale', 'ton', 'ford', 'mere', 'by', 'stead', 'combe', 'hurst', 'leigh', 'moor', 'field', 'gate', 'haven', 'holm', 'thwaite', 'bury', 'ley', 'well', 'shaw', 'brook', 'cliffe', 'den', 'garth', 'ness', 'pike', 'rigg', 'scar', 'side', 'stow', 'worth', 'wood', 'fell', 'beck', 'burn', 'crest', 'don', 'hope', 'law', 'mouth', 'tor'];
const PLACES = NAME_STARTS.flatMap((start) => NAME_ENDS.map((end) => `near ${start}${end}`));
const WHEN = ['at 5am', 'on day 12', 'after week 3', 'at 220°C', 'in 38 minutes', 'at km 17', 'on attempt 4', 'at 72% hydration', 'after 9 hours', 'on lap 6', 'at 1,400 m', 'in 2019', 'on my 30th bake', 'at mile 21', 'after 14 days', 'at 26°C', 'on the 3rd try', 'in 41 minutes', 'at 800 g', 'at 6:45', 'on loop 2', 'after 48 hours', 'at 250°C', 'on day 90', 'at 2,100 m', 'at 11pm', 'in 2 hours 10', 'on rep 8', 'at 65%', 'after 5 folds', 'at 4°C', 'on stage 3', 'in 17 minutes', 'at km 42', 'at 480 g', 'on batch 7', 'at 9:30', 'after 3 rests', 'at 1:2:4', 'on week 16', 'at 18 km/h', 'at 330 m', 'on lap 12'];
// Gear and ingredient names, made the same way: 2,491 of them.
const GEAR_STARTS = ['Vel', 'Tor', 'Kal', 'Mir', 'Sol', 'Bex', 'Quar', 'Nim', 'Zan', 'Orv', 'Pel', 'Rux', 'Sav', 'Tam', 'Ulo', 'Vix', 'Wyn', 'Xer', 'Yul', 'Zor', 'Arl', 'Bri', 'Cav', 'Dex', 'Ebr', 'Fal', 'Gor', 'Hex', 'Irn', 'Jov', 'Kep', 'Lum', 'Mav', 'Nox', 'Opa', 'Pyx', 'Qin', 'Rho', 'Syl', 'Tek', 'Umb', 'Vor', 'Wex', 'Yon', 'Zep', 'Alt', 'Bor'];
const GEAR_ENDS = ['ora', 'ix', 'ent', 'ano', 'ite', 'ex', 'una', 'ari', 'ol', 'ast', 'ine', 'ova', 'ux', 'en', 'ia', 'ro', 'et', 'ys', 'um', 'ak', 'is', 'on', 'ea', 'ik', 'os', 'ue', 'ar', 'ip', 'or', 'ez', 'al', 'ut', 'ey', 'im', 'oz', 'ax', 'ur', 'ec', 'id', 'og', 'ab', 'em', 'iv', 'ot', 'uk', 'ad', 'el', 'ig', 'ob', 'up', 'aw', 'ev', 'iq'];
const GEAR = GEAR_STARTS.flatMap((start) => GEAR_ENDS.map((end) => `with the ${start}${end}`));
const LISTS = [PLACES, SUBJECTS, VERBS, OBJECTS, ENDINGS, GEAR];
const STEPS = [7, 5, 11, 7, 13, 17]; // each coprime with its list's length
const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));
LISTS.forEach((list, i) => {
  if (gcd(STEPS[i], list.length) !== 1) throw new Error(`step ${i} must be coprime with its list`);
  LISTS.slice(i + 1).forEach((other) => {
    if (gcd(list.length, other.length) !== 1) throw new Error('list lengths must be pairwise coprime');
  });
});
function uniqueSentence(n) {
  const words = LISTS.map((list, i) => list[(n * STEPS[i]) % list.length]);
  // Subject, verb, object, place, gear, ending: the order people write in.
  const [place, subject, verb, object, ending, gear] = words;
  return [subject, verb, object, place, gear, ending].join(' ');
}
const GENERIC = ['Love this', 'love this!', 'So good', 'Amazing', 'Great post', 'Wow', 'nice pic', 'Obsessed', 'Beautiful', 'So cute'];
const EMOJI = ['🔥🔥', '😍', '👏👏👏', '❤️', '🙌'];
const REPLIES = ['Thank you!', 'About 75% hydration', 'The ridge loop, 14 km', 'Five hours at room temperature', 'Yes, same flour'];

function writeComments(file) {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'creator,post id,comment id,commenter,comment,is creator reply,parent comment\n');
  let fan = 0;
  let counts = { unique: 0, generic: 0, emoji: 0, replies: 0 };
  for (let c = 0; c < CREATORS; c += 1) {
    const lines = [];
    for (let p = 0; p < POSTS_EACH; p += 1) {
      for (let k = 0; k < COMMENTS_EACH; k += 1) {
        const pick = (c * 7 + p * 13 + k * 31) % 20;
        const reply = k % 10 === 9;
        let text;
        if (reply) { text = REPLIES[(c + p + k) % REPLIES.length]; counts.replies += 1; }
        else if (pick < 5) { text = GENERIC[(c + k) % GENERIC.length]; counts.generic += 1; }
        else if (pick < 6) { text = EMOJI[(p + k) % EMOJI.length]; counts.emoji += 1; }
        else { text = uniqueSentence(fan); fan += 1; counts.unique += 1; }
        const who = reply ? `creator_${c}` : `fan_${c}_${(p * 7 + k * 3) % 400}`;
        lines.push(`creator_${c},${c}-${p},${c}-${p}-${k},${who},"${text.replaceAll('"', '""')}",${reply ? 'yes' : 'no'},${reply ? `${c}-${p}-${k - 1}` : ''}`);
      }
    }
    fs.writeSync(out, lines.join('\n') + '\n');
  }
  fs.closeSync(out);
  return counts;
}

// With --trace: the page's and the workers' tasks, wasm compiles, collections and CPU samples.
const TRACE_CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm',
  'disabled-by-default-v8.gc', 'disabled-by-default-v8.cpu_profiler',
];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith('--')) ?? process.env.E2E_DIST ?? 'dist';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microplan-bench-comments-'));
const file = path.join(dir, 'comments.csv');
const counts = writeComments(file);
const total = CREATORS * POSTS_EACH * COMMENTS_EACH;
console.log(`file: ${total} comments of ${CREATORS} creators, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB: ${counts.unique} unique fan sentences, ${counts.generic} generic praise, ${counts.emoji} emoji only, ${counts.replies} creator replies`);

// The page's wasm memory: Trunk's loader announces the instance with its exports.
const cores = Number(args.find((a) => a.startsWith('--cores='))?.slice(8)) || null;
const initScript = `addEventListener('TrunkApplicationStarted', (event) => { window.benchWasmMemory = event.detail?.wasm?.memory; });
  ${cores ? `Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => ${cores} });` : ''}`;
const app = await openApp({ dist, initScript });
try {
  const { page } = app;
  const workers = [];
  page.on('worker', (worker) => {
    const entry = { url: worker.url(), closed: false };
    workers.push(entry);
    worker.on('close', () => { entry.closed = true; });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const memory = async () => {
    const wasm = await page.evaluate(() => window.benchWasmMemory?.buffer.byteLength ?? null);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    return { wasm, heap };
  };
  await page.getByLabel('New workspace name').fill('Comments');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByText('Opened “Comments”').waitFor();
  await app.goto('Creators');
  await app.waitSaved();
  const before = await memory();

  await page.evaluate(() => {
    const input = () => document.getElementById('comments-file');
    window.bench = { last: performance.now(), worst: 0, frames: 0, running: false, savedAt: null, reportAt: null, sawPending: false };
    const tick = () => {
      const now = performance.now();
      const b = window.bench;
      if (b.running && now - b.last > b.worst) b.worst = now - b.last;
      b.last = now;
      b.frames += 1;
      b.id = requestAnimationFrame(tick);
    };
    window.bench.id = requestAnimationFrame(tick);
    // Times of the report and of the next "Saved" after it, as the page shows them.
    new MutationObserver(() => {
      const b = window.bench;
      if (input()?.disabled) b.running = true;
      if (b.running && !b.reportAt && document.querySelector('[data-testid=comment-report]')) b.reportAt = performance.now();
      const status = document.querySelector('.save-status');
      if (b.reportAt && status?.classList.contains('pending')) b.sawPending = true;
      if (b.reportAt && b.sawPending && !b.savedAt && status?.classList.contains('ok')) b.savedAt = performance.now();
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const traceFile = args.find((a) => a.startsWith('--trace='))?.slice(8);
  if (traceFile) await startTrace(cdp, TRACE_CATEGORIES);
  const startedAt = await page.evaluate(() => performance.now());
  await page.getByLabel('Comments file (CSV)').setInputFiles(file);
  await page.waitForFunction(() => window.bench.savedAt !== null, null, { timeout: 600_000, polling: 50 });
  const result = await page.evaluate(() => { cancelAnimationFrame(window.bench.id); return window.bench; });
  if (traceFile) {
    const traceEvents = await stopTrace(cdp);
    fs.writeFileSync(traceFile, JSON.stringify({ traceEvents }));
    console.log(`trace: ${traceFile} (${traceEvents.length} events)`);
  }
  const text = await page.getByTestId('comment-report').locator('p').first().innerText();
  // Let terminated workers be reported and memory settle before the last reading.
  await page.waitForTimeout(1000);
  const after = await memory();
  console.log(`report: ${text}`);
  console.log(`wall time from file choice to the report ${seconds(result.reportAt - startedAt)}, to "Saved" ${seconds(result.savedAt - startedAt)}`);
  console.log(`longest frame gap on the page during the import ${result.worst.toFixed(0)} ms over ${result.frames} frames`);
  console.log(`background workers: ${workers.length} started, ${workers.filter((w) => w.closed).length} ended`);
  console.log(`page wasm memory before ${before.wasm === null ? 'unknown' : mb(before.wasm)}, after ${after.wasm === null ? 'unknown' : mb(after.wasm)}; JS heap used before ${mb(before.heap)}, after ${mb(after.heap)}`);
  if (app.pageErrors.length > 0) console.log(`page errors: ${app.pageErrors.join('; ')}`);
} finally {
  await app.close();
}

if (args.includes('--native')) {
  console.log('native, same file (cargo bench --bench comment_shares):');
  const output = execFileSync('cargo', ['bench', '--quiet', '-p', 'microplan-worker', '--bench', 'comment_shares', '--', file], { cwd: repoRoot, encoding: 'utf8' });
  process.stdout.write(output);
}
fs.rmSync(dir, { recursive: true, force: true });
