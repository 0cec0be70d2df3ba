// Trunk post-build hook: seals the built page.
// 0. The page loads the app from the `app-<hash>/` folder that build_app.mjs (pre_build) wrote:
//    its loader script and preload links take that folder's name.
// 1. The Content-Security-Policy allows exactly the inline scripts the page ships (the
//    app's loader, the loading shell's script and the service-worker registration) by their SHA-256, so no injected inline
//    script or event-handler attribute can run.
// 2. The service worker learns this build's id and the list of the app's own files, so it
//    keeps one cache per build, deletes older builds' caches, and never stores anything else.
// 3. The app's stylesheets move from the head to the end of the body: the loading shell,
//    styled by its own inline styles, paints without waiting for them, and the app's loader
//    (a module script, run after parsing) still starts only once they have arrived. The head
//    preloads them all, so they arrive together.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('finalize_build.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR is not set)');

const htmlPath = path.join(staging, 'index.html');
let html = fs.readFileSync(htmlPath, 'utf8');

// Matched loosely: a release build's minified page writes the tags its own way.
const LOADER_MARKER = /<script\b[^>]*\bdata-app-loader\b[^>]*><\/script>/;
const STYLESHEETS_MARKER = /<template\b[^>]*\bdata-app-stylesheets\b[^>]*><\/template>/;
for (const marker of [LOADER_MARKER, STYLESHEETS_MARKER]) {
  if ((html.match(new RegExp(marker, 'g')) ?? []).length !== 1) throw new Error(`index.html must hold ${marker} exactly once`);
}
const appDirs = fs.readdirSync(staging).filter((name) => /^app-[0-9a-f]{16}$/.test(name));
if (appDirs.length !== 1) throw new Error(`expected one app-<hash> folder from build_app.mjs, found ${appDirs.length}`);
const appUrl = `${process.env.TRUNK_PUBLIC_URL ?? '/'}${appDirs[0]}`;
// The same loader Trunk writes for a Rust asset: start the app, expose its exports and say so.
const loader = `import init,* as bindings from'${appUrl}/microplan.js';`
  + `const wasm=await init({module_or_path:'${appUrl}/microplan_bg.wasm'});`
  + `window.wasmBindings=bindings;dispatchEvent(new CustomEvent('TrunkApplicationStarted',{detail:{wasm}}));`;
html = html.replace(LOADER_MARKER, () => [
  `<link rel="modulepreload" href="${appUrl}/microplan.js" crossorigin>`,
  `<link rel="preload" href="${appUrl}/microplan_bg.wasm" as="fetch" type="application/wasm" crossorigin>`,
  `<script type="module">${loader}</script>`,
].join(''));

const headEnd = html.indexOf('</head>');
const stylesheets = [...html.slice(0, headEnd).matchAll(/<link\b[^>]*\brel="?stylesheet\b[^>]*>/g)].map(([tag]) => tag);
if (stylesheets.length === 0) throw new Error('index.html links no stylesheet');
for (const tag of stylesheets) html = html.replace(tag, '');
html = html.replace(STYLESHEETS_MARKER, () => stylesheets.join(''));
// Each stylesheet is also preloaded from the head, so all are fetched at once while the shell
// paints: the parser stops at every stylesheet in the body until it has arrived, one after the
// other (ten round trips before the app's loader may run).
const attribute = (tag, name) => tag.match(new RegExp(`\\b${name}="?([^"\\s>]+)`))?.[1];
const stylePreloads = stylesheets.map((tag) => {
  const href = attribute(tag, 'href');
  if (!href) throw new Error(`a stylesheet link without href: ${tag}`);
  const integrity = attribute(tag, 'integrity');
  return `<link rel="preload" href="${href}" as="style"${integrity ? ` integrity="${integrity}"` : ''}>`;
});
html = html.replace('</head>', () => `${stylePreloads.join('')}</head>`);

const sha256 = (text) => crypto.createHash('sha256').update(text, 'utf8').digest('base64');
const inlineScripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
  .filter(([, attributes]) => !/\bsrc\s*=/.test(attributes))
  .map(([, , body]) => body);
if (inlineScripts.length === 0) throw new Error('index.html has no inline script: the wasm loader is missing');

const PLACEHOLDER = "'inline-script-hashes'";
if (html.split(PLACEHOLDER).length !== 2) throw new Error(`index.html's Content-Security-Policy must hold ${PLACEHOLDER} exactly once`);
const hashes = inlineScripts.map((body) => `'sha256-${sha256(body)}'`).join(' ');
html = html.replace(PLACEHOLDER, hashes);
fs.writeFileSync(htmlPath, html);

function listFiles(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix + entry.name;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${relative}/`) : [relative];
  });
}
const appFiles = listFiles(staging).filter((file) => file !== 'sw.js').sort();
const buildId = crypto.createHash('sha256')
  .update(appFiles.map((file) => file + fs.readFileSync(path.join(staging, file), 'utf8').length).join('\n'))
  .update(html)
  .digest('hex')
  .slice(0, 16);

const swPath = path.join(staging, 'sw.js');
const sw = fs.readFileSync(swPath, 'utf8');
if (!sw.includes('__BUILD_ID__') || !sw.includes('__APP_FILES__')) throw new Error('sw.js lacks its build placeholders');
fs.writeFileSync(swPath, sw.replace('__BUILD_ID__', buildId).replace('__APP_FILES__', JSON.stringify(appFiles)));
console.log(`finalize_build: ${inlineScripts.length} inline script(s) hashed, ${appFiles.length} app files, build ${buildId}`);
