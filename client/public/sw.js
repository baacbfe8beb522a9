// Keeps the app shell so a brief reopens offline. The API and the collaboration socket are
// never cached: brief bodies survive offline in IndexedDB (y-indexeddb), not here.
const CACHE = "briefroom-shell-v1";
const SHELL = ["/favicon.svg"];

async function precache() {
  const cache = await caches.open(CACHE);
  const res = await fetch("/", { cache: "no-store" });
  if (!res.ok) return;
  const html = await res.clone().text();
  await cache.put("/index.html", res);
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll([...new Set([...SHELL, ...assets])]);
  // Fonts are referenced from the stylesheets, not from index.html.
  for (const css of assets.filter((a) => a.endsWith(".css"))) {
    const text = await (await cache.match(css))?.text();
    const fonts = [...(text ?? "").matchAll(/url\((\/assets\/[^)]+\.woff2)\)/g)].map((m) => m[1]);
    await cache.addAll([...new Set(fonts)]);
  }
}

/** The network's answer (kept for later), or the kept copy when the network fails. */
function networkFirst(req, key) {
  return fetch(req)
    .then((res) => {
      if (res.ok) {
        const copy = res.clone();
        caches.open(CACHE).then((c) => c.put(key, copy));
      }
      return res;
    })
    .catch(() => caches.match(key).then((hit) => hit ?? Response.error()));
}

/** Built assets are content-hashed: a kept copy is always the right one. */
function cacheFirst(req) {
  return caches.match(req).then(
    (hit) =>
      hit ??
      fetch(req).then((res) => {
        if (res.ok) {
          const copy = res.clone();
          caches.open(CACHE).then((c) => c.put(req, copy));
        }
        return res;
      }),
  );
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page names the assets it loaded (chunks loaded on demand included); keep them all.
self.addEventListener("message", (event) => {
  if (event.data?.type !== "keep" || !Array.isArray(event.data.urls)) return;
  const urls = event.data.urls.filter((u) => typeof u === "string" && u.startsWith("/assets/"));
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([...new Set(urls)]))
      .catch(() => {})
      .then(() => event.ports[0]?.postMessage("kept")),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  if (/^\/(api|collab|healthz)(\/|$)/.test(url.pathname)) return;
  if (req.mode === "navigate") event.respondWith(networkFirst(req, "/index.html"));
  else if (SHELL.includes(url.pathname)) event.respondWith(networkFirst(req, url.pathname));
  else if (url.pathname.startsWith("/assets/")) event.respondWith(cacheFirst(req));
});
