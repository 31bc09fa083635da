// Filing Inspector's service worker: after one visit the page works offline.
//
// It caches only the page's own files, from its own directory (so it works under
// any sub-path, e.g. GitHub Pages' /<repository>/), and never asks another host.
// - install: cache the page (index.html) and every file it links (the hashed JS,
//   wasm and CSS), plus worker.js, reader.js and the sample filings; 'force-cache' takes
//   them from the HTTP cache when the visit just loaded them, so nothing is downloaded twice.
// - the page itself: network first (a new version shows when online), the cached
//   copy when offline; then the cache keeps exactly the files that page links.
// - hashed files (name-<16 hex>.ext): cache first, they never change (the
//   build's hook names each after its final bytes, scripts/rehash.mjs); other
//   files (worker.js, reader.js, samples/*): network first, cache when offline.
const CACHE = 'filing-inspector';
const SCOPE = new URL('./', self.location).href;
// The sample filings, which the page fetches from samples/ when their button is
// clicked (web/src/samples.rs: a test there checks that this lists every one).
const SAMPLES = [
  'form4-options-fictional.xml',
  'form3-fictional.xml',
  'form5-fictional.xml',
  'form4-joint-fictional.xml',
  'form4-malformed-fictional.xml',
  '003_20df6d6f311adac3.txt',
  '004_6dc50de75c747898.txt',
];
const EXTRA = ['worker.js', 'reader.js', ...SAMPLES.map((file) => `samples/${file}`)];
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

// The same-directory files a page links (href= and src= attributes).
function linked(html) {
  const urls = new Set([SCOPE, ...EXTRA.map((file) => new URL(file, SCOPE).href)]);
  for (const match of html.matchAll(/\b(?:href|src)\s*=\s*["']([^"'#?]+)["']/g)) {
    const url = new URL(match[1], SCOPE);
    if (url.href.startsWith(SCOPE) && !url.href.endsWith('/sw.js')) urls.add(url.href);
  }
  return urls;
}

// Cache `page` and what it links; drop what it no longer links.
async function keep(page) {
  const cache = await caches.open(CACHE);
  const urls = linked(await page.clone().text());
  await cache.put(SCOPE, page);
  await Promise.all(
    [...urls].filter((url) => url !== SCOPE).map(async (url) => {
      if (HASHED.test(url) && (await cache.match(url))) return;
      const response = await fetch(url, { cache: 'force-cache' });
      if (response.ok) await cache.put(url, response);
    }),
  );
  for (const request of await cache.keys()) {
    if (!urls.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    fetch(SCOPE, { cache: 'force-cache' })
      .then((page) => (page.ok ? keep(page) : undefined))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// The network's answer (cached under `key`, or handed to `refresh`), else the cache's.
async function networkFirst(event, key, refresh) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    if (response.ok) event.waitUntil(refresh ? refresh(response.clone()) : cache.put(key, response.clone()));
    return response;
  } catch (offline) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw offline;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  const url = new URL(request.url);
  const path = url.origin + url.pathname;
  if (request.mode === 'navigate' || path === SCOPE || path === SCOPE + 'index.html') {
    event.respondWith(networkFirst(event, SCOPE, keep));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(event, path));
  }
});
