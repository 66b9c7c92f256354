// poolcalc service worker: makes the app work offline after one visit.
//
// The two constants below are rewritten in dist/ at build time by `cargo xtask stamp-sw`
// (a trunk post_build hook): VERSION is a hash of the build's files, PRECACHE lists them.
const VERSION = "dev";
const PRECACHE = ["./", "datasets/index.json"];

const CACHE_PREFIX = "poolcalc-";
const CACHE = CACHE_PREFIX + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new Request(path, { cache: "reload" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith(CACHE_PREFIX) && key !== CACHE)
            .map((key) => caches.delete(key))
        )
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  // Datasets a user types may live elsewhere; those go to the network untouched.
  if (url.origin !== self.location.origin) return;

  if (request.mode === "navigate") {
    // Pages: fresh from the network when it is there, else the cached shell (every route is
    // the same index.html).
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put("./", copy));
          }
          return response;
        })
        .catch(() => caches.match("./", { cacheName: CACHE }))
    );
    return;
  }

  // Everything else (hashed .js/.wasm/.css, icons, datasets/): cache first, and cache what
  // the network brings. A new build gets a new cache, so stale copies do not survive it.
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then(
        (cached) =>
          cached ||
          fetch(request).then((response) => {
            if (response.ok) cache.put(request, response.clone());
            return response;
          })
      )
    )
  );
});
