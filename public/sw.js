// Offline support. Files whose name carries a hash of their content (the `app-<hash>/` folder,
// `name-<hash>.css`) never change, so the stored copy answers at once and a reload costs no
// network round trip per file; every other file (index.html, the worker, the demo) is fetched
// network first, so a new deployment is picked up at once, and the last copy answers when the
// network is gone (a workshop room without Wi-Fi). The build step (scripts/finalize_build.mjs)
// fills in this build's id and its file list: only those files are cached, under their path
// without query string, in one cache per build, and older builds' caches are deleted when this
// one takes over. Nothing is ever sent anywhere.
const BUILD = '__BUILD_ID__';
const APP_FILES = new Set(__APP_FILES__);
const CACHE = `microplan-${BUILD}`;

/** Whether a file's name changes whenever its content does. */
const isImmutable = (file) => /^app-[0-9a-f]+\//.test(file) || /-[0-9a-f]{16}\.css$/.test(file);

// Stored at install: the files the page fetches only when asked for (the demo workspace, the
// method text, each section's code and the chunks sections share), so they work offline after
// one visit even if that visit never opened them, and every file named by its content, so the
// next load is answered from here (the browser's HTTP cache usually answers these fetches).
const AT_INSTALL = [...APP_FILES].filter(
  (file) => file === 'demo.microplan.json' || file === 'method.md' || isImmutable(file),
);

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(AT_INSTALL)).catch(() => {}));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/** The app file a request is for (relative to this worker's scope), or null. */
function appFileOf(url) {
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  const relative = decodeURIComponent(url.pathname.slice(scope.pathname.length)) || 'index.html';
  return APP_FILES.has(relative) ? relative : null;
}

/** Fetches `request` and keeps a copy of a good answer under `key`. */
function fetchAndStore(event, request, key) {
  return fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)));
    }
    return response;
  });
}

const stored = (key) => caches.open(CACHE).then((cache) => cache.match(key));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const file = appFileOf(new URL(request.url));
  if (file === null) return;
  const key = new URL(file, self.registration.scope).href;
  event.respondWith(
    isImmutable(file)
      ? stored(key).then((hit) => hit ?? fetchAndStore(event, request, key))
      : fetchAndStore(event, request, key).catch(() => stored(key).then((hit) => hit ?? Response.error())),
  );
});
