// @ts-nocheck — a plain classic service worker, copied as-is into dist/ (no build step).
/*
 * The offline cache of HQRN Explorer (README "Publish": offline). Registered by
 * src/app/offlineCache.ts from the built app only, with the app's folder as its scope, so
 * it works from any sub-path.
 *
 * - install: stores the page and every file listed in sw-manifest.js (written at build by
 *   scripts/offline-manifest.mjs: the app's scripts, styles, the engine worker, the wasm
 *   binaries and the bundled models), in a cache named after the manifest's version;
 * - activate: deletes the caches of older versions and takes control of open pages;
 * - fetch (GET, same folder only; everything else goes to the network untouched; nothing
 *   while a newer version waits to take over, so this worker goes idle and hands over):
 *   - `assets/…` (file names carry a content hash, so a stored copy is never stale): the
 *     stored copy, else the network (and store it);
 *   - anything else (the page, bundled models, the digits data): the network first, so a
 *     new deployment is seen at once, storing what comes back; the stored copy when the
 *     network fails or has not answered within NETWORK_TIMEOUT_MS while a copy exists.
 *   The digits data is thus stored the first time the digits task loads it.
 * Responses are stored with their headers. The engine worker's script gets the worker
 * policy (sw-manifest.js `workerCsp`, from scripts/csp.mjs) as a Content-Security-Policy
 * header when the host sent none: a dedicated worker takes its policy from its script's
 * response, which a host without headers (GitHub Pages) cannot give, and a response made by
 * a service worker counts. So from the second visit on the worker runs under the strict
 * policy on such hosts too.
 */
importScripts('./sw-manifest.js');

const { version, files, workerCsp } = self.HQRN_OFFLINE;
const CACHE_PREFIX = 'hqrn-offline-';
const CACHE = `${CACHE_PREFIX}${version}`;
const SCOPE = new URL('./', self.location.href);
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Hashed assets may come from the browser's HTTP cache (the page registers this worker
      // after its first result, so the worker script and wasm are there: no second download);
      // the rest is revalidated with the host ('no-cache'), so the stored copies are current.
      await cache.addAll(['./', ...files].map((f) => new Request(new URL(f, SCOPE).href, { cache: f.startsWith('assets/') ? 'default' : 'no-cache' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  // A page sees this version installed but still waiting (the old worker was busy when
  // install's skipWaiting ran): try again.
  if (event.data === 'hqrn-skip-waiting') return void self.skipWaiting();
  // The page asks which version serves it (shown in the status line's tooltip).
  // With the page's main script (`script`), also whether this version stores it: a tab of an
  // older build, whose files this version does not have, is told so (`stores: false`).
  const asked = event.data === 'hqrn-offline-version' ? {} : event.data?.kind === 'hqrn-offline-version' ? event.data : null;
  if (!asked) return;
  const reply = { kind: 'hqrn-offline-version', version, files: files.length + 1 };
  if (typeof asked.script === 'string') {
    const script = new URL(asked.script, SCOPE);
    reply.stores = script.origin === SCOPE.origin && files.includes(script.pathname.slice(SCOPE.pathname.length));
  }
  event.source?.postMessage(reply);
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  // A newer version is installed and waiting to take over: leave every request to the network.
  // The browser activates the waiting worker only once this one has no event in progress
  // (Chromium: none in flight, else it waits up to 5 minutes); a tab that keeps fetching
  // through this worker (an old tab at work, a new tab loading its files) would hold the new
  // version off, and the old tab would keep claiming "works offline" for files the new
  // version deletes (e2e/redeploy.spec.ts).
  if (self.registration.waiting) return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  event.respondWith(respond(request, url).then((response) => (request.destination === 'worker' ? withWorkerPolicy(response) : response)));
});

/** The response with the worker policy added, if it is a successful response without a policy. */
function withWorkerPolicy(response) {
  if (!response.ok || response.headers.has('Content-Security-Policy')) return response;
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', workerCsp);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** The key a request is stored under: a page load (any query, e.g. ?engine-without=) is the page. */
function cacheKey(request, url) {
  if (request.mode === 'navigate' && (url.pathname === SCOPE.pathname || url.pathname === `${SCOPE.pathname}index.html`)) return SCOPE.href;
  return url.origin + url.pathname + url.search;
}

async function store(cache, key, response) {
  if (response.ok && response.type === 'basic') await cache.put(key, response.clone()).catch(() => undefined);
  return response;
}

async function respond(request, url) {
  const cache = await caches.open(CACHE);
  const key = cacheKey(request, url);
  const stored = await cache.match(key);
  const relative = url.pathname.slice(SCOPE.pathname.length);
  if (relative.startsWith('assets/')) return stored ?? store(cache, key, await fetch(request));

  const network = fetch(request).then((response) => store(cache, key, response));
  if (!stored) return network;
  network.catch(() => undefined); // answered from the cache below; a late failure is no error
  const timeout = new Promise((resolve) => setTimeout(() => resolve(stored), NETWORK_TIMEOUT_MS));
  return Promise.race([network.catch(() => stored), timeout]);
}
