// Offline support: network first, so a new deployment is picked up at once; the last copy
// of each of the app's own files answers when the network is gone (a workshop room without
// Wi-Fi). The build step (scripts/finalize_build.mjs) fills in this build's id and its file
// list: only those files are cached, under their path without query string, in one cache
// per build, and older builds' caches are deleted when this one takes over. Nothing is ever
// sent anywhere.
const BUILD = '__BUILD_ID__';
const APP_FILES = new Set(__APP_FILES__);
const CACHE = `microplan-${BUILD}`;

// Files the page fetches only when asked for (the demo workspace, the method text, each
// section's code and the chunks sections share): stored at install, so they work offline
// after one visit even if that visit never opened them.
const ON_DEMAND = [...APP_FILES].filter(
  (file) => file === 'demo.microplan.json' || file === 'method.md' || /^app-[0-9a-f]+\/(split|chunk)_[^/]+\.wasm$/.test(file),
);

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ON_DEMAND)).catch(() => {}));
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

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const file = appFileOf(new URL(request.url));
  if (file === null) return;
  const key = new URL(file, self.registration.scope).href;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)));
        }
        return response;
      })
      .catch(() => caches.open(CACHE).then((cache) => cache.match(key)).then((hit) => hit ?? Response.error())),
  );
});
