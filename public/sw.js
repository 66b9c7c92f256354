// poolcalc service worker: makes the app work offline after one visit.
//
// The two constants below are rewritten in dist/ at build time by `cargo xtask post-build`
// (a trunk post_build hook): VERSION is a hash of the build's files, PRECACHE lists the shell,
// the first page's wasm and the small bundled datasets. Other pages' wasm chunks and a large
// dataset are cached when first used.
const VERSION = "dev";
const PRECACHE = ["./", "datasets/index.json"];

const CACHE_PREFIX = "poolcalc-";
const CACHE = CACHE_PREFIX + VERSION;
// Every page of the app is this one document; the router reads the path.
const SHELL = new URL("./", self.location).href;

// A name with trunk's content hash, or a file in the split build's hashed folder, never
// changes content: the browser's own cache may answer it (the page has just downloaded it),
// so the wasm is not fetched a second time.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$|(^|\/)pkg-[0-9a-f]{16}\//;

// Without the shell and the hashed app files there is no offline app; anything else that
// fails (an icon, a dataset) is cached later, when the page asks for it.
function essential(path) {
  return path === "./" || HASHED.test(path);
}

function precacheOne(cache, path) {
  // Revalidated, not reloaded: a file the page already has costs a 304, not its bytes.
  const mode = HASHED.test(path) ? "default" : "no-cache";
  return fetch(new Request(path, { cache: mode })).then((response) => {
    if (!response.ok) throw new Error(path + ": HTTP " + response.status);
    return cache.put(path, response);
  });
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.allSettled(PRECACHE.map((path) => precacheOne(cache, path))).then((results) => {
        const failed = PRECACHE.filter((_, i) => results[i].status === "rejected");
        if (failed.length > 0) console.warn("not precached (cached on first use):", failed);
        // A later visit installs again; the files that did arrive are kept in this cache.
        if (failed.some(essential)) throw new Error("the app itself could not be cached");
      })
    )
  );
  // No skipWaiting here: a new version waits until the page's "Reload" asks for it
  // (public/boot.js), instead of switching under a person in the middle of their work.
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
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

// An address of the app (`/`, `/fees`, `/members/alpha`) rather than of a file
// (`/datasets/x.json`, `/sw.js`): the last part of its path has no dot.
function isAppRoute(url) {
  const last = url.pathname.split("/").pop();
  return !last.includes(".");
}

function offline() {
  return new Response("offline", { status: 503, headers: { "Content-Type": "text/plain" } });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  // Datasets a user types may live elsewhere; those go to the network untouched.
  if (url.origin !== self.location.origin) return;

  if (request.mode === "navigate" && isAppRoute(url)) {
    // The shell of this version, whatever the route: never a page the network gave for
    // another address, and never an index.html of a newer build (whose files this cache
    // lacks). A new build arrives as a new worker, announced in the page.
    event.respondWith(
      caches
        .match(SHELL, { cacheName: CACHE })
        .then((cached) => cached || fetch(SHELL))
        .catch(offline)
    );
    return;
  }

  if (request.mode === "navigate") {
    // A file opened in a tab (a dataset, the schema) is that file, fresh when the network is
    // there; it is never kept as a page.
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(request, { cacheName: CACHE }).then((cached) => cached || offline())
      )
    );
    return;
  }

  // Everything else (hashed .js/.wasm/.css, icons, datasets/): cache first, and cache what
  // the network brings (so a large dataset is kept once a user has opened it). A new build
  // gets a new cache, so stale copies do not survive it.
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request).then(
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
