// ConvStep's service worker: after one visit the app opens without a network, and it can be
// installed as an app.
// - The page (index.html, any query string) is network-first: online, a new release's page,
//   naming new hashed files, replaces the cached one on that visit; offline, or when the server
//   fails, the cached page answers, so a teacher's link still opens.
// - The app's other files are cache-first, stored as fetched: hashed names change with content.
//   Lesson files (`.md`) are network-first instead, kept for offline use: teachers edit them.
// - Install caches the page and the files it names, so one visit is enough. A new page deletes
//   the files only the old one named, so the cache holds one release.
// - It answers only for its own directory: other origins and other apps are left alone.
// Unhashed files (samples, icons, manifest) are fetched again only when VERSION changes: change
// it in a release that changes one of them.
const VERSION = 1;

/** The app's directory, which is also the address of its page. */
const APP = new URL("./", self.location).href;
/** One cache per directory, so that two copies of the app on one host keep apart. */
const CACHE = `convstep-${VERSION} ${APP}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      // A host that does not serve a directory's index.html still serves it by name.
      let page = await fetch(APP, { cache: "no-cache" });
      if (!page.ok) page = await fetch(APP + "index.html", { cache: "no-cache" });
      if (!page.ok) throw new Error(`ConvStep's page answered ${page.status}`);
      await adopt(page, { precache: true });
      // The first visit need not wait for a second one to be served from the cache.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name !== CACHE && name.startsWith("convstep-") && name.endsWith(` ${APP}`)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || !request.url.startsWith(APP)) return;
  const answer = isPage(request.url) ? networkFirst : isLesson(request.url) ? freshFirst : cacheFirst;
  event.respondWith(answer(event));
});

/** Whether `url` is a lesson file, which a teacher may edit while the app stays the same. */
function isLesson(url) {
  return new URL(url).pathname.endsWith(".md");
}

/** Whether `url` is the app's page: its directory or index.html, with any query string. */
function isPage(url) {
  const { origin, pathname } = new URL(url);
  const page = origin + pathname;
  return page === APP || page === APP + "index.html";
}

async function networkFirst(event) {
  let response;
  try {
    response = await fetch(event.request);
  } catch {
    // Offline: fall through to the cached page.
  }
  // A 5xx is often a school proxy whose own connection is down: the cached page serves better.
  if (response && response.status < 500) {
    const type = response.headers.get("content-type") ?? "";
    if (response.ok && type.startsWith("text/html")) event.waitUntil(adopt(response.clone()));
    return response;
  }
  const cached = await (await caches.open(CACHE)).match(APP);
  return cached ?? response ?? Response.error();
}

async function cacheFirst(event) {
  const { request } = event;
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  // Stored alongside, not before answering: the wasm compiles while it streams in.
  if (response.ok && response.type === "basic") event.waitUntil(cache.put(request, response.clone()));
  return response;
}

/** A lesson file: the network's copy when there is one, else the copy kept from last time. */
async function freshFirst(event) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    if (response.ok && response.type === "basic") event.waitUntil(cache.put(event.request, response.clone()));
    return response;
  } catch {
    return (await cache.match(event.request)) ?? Response.error();
  }
}

/**
 * Makes `page`, a fresh copy of index.html, the cached page: with `precache`, first caches every
 * file it names; then deletes the files that only the page it replaces named.
 */
async function adopt(page, { precache = false } = {}) {
  const cache = await caches.open(CACHE);
  const html = await page.text();
  const named = filesNamedBy(html);
  if (precache) await cache.addAll(named);
  const previous = await cache.match(APP);
  const before = previous ? filesNamedBy(await previous.text()) : [];
  // Stored under the bare directory whatever address it came from, and rebuilt so that it does
  // not carry a redirect, which the browser refuses as the answer to a navigation.
  const { status, statusText, headers } = page;
  await cache.put(APP, new Response(html, { status, statusText, headers }));
  await Promise.all(before.filter((url) => !named.includes(url)).map((url) => cache.delete(url)));
}

/** The app's own files that a page names in `href` and `src` attributes, as absolute URLs. */
function filesNamedBy(html) {
  const urls = new Set();
  for (const [, , value] of html.matchAll(/\s(?:href|src)=(["'])(.*?)\1/g)) {
    const url = new URL(value.replaceAll("&amp;", "&"), APP);
    url.hash = "";
    if (url.href.startsWith(APP) && !isPage(url.href)) urls.add(url.href);
  }
  return [...urls];
}
