// First load on a slow phone, for the README's Performance table: the release build served
// gzipped as a static host serves it, opened under Lighthouse's mobile profile (150 ms round
// trip, 1.6 Mbit/s down, 750 kbit/s up, CPU slowed 4×, cache disabled, no service worker), so
// every run is a first visit. Prints medians over RUNS fresh pages; asserts nothing.
//   node tests/e2e/first-load.mjs dist        (RUNS=7 by default)
//
// Figures, each from navigation start (the page's performance.timeOrigin):
// - first grid: the first frame painted with a grid cell in it, either the first view that
//   index.html draws before the app starts ([data-first-grid]) or the app's own ([data-grid]);
//   a timer queued from the next animation frame runs after that frame's paint;
// - first step: the forward button is clicked as soon as the app has drawn it, and the time is
//   taken when the step count changes, so it counts the wait for the app to respond;
// - transfer: bytes on the wire (headers and gzipped bodies: resource timing's transferSize) of
//   the page and every file that finished loading before that click.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { launch } from "./browser.mjs";
import { TYPES } from "./serve.mjs";

const dist = path.resolve(process.argv[2] ?? "dist");
const runs = Number(process.env.RUNS ?? 7);
const QUERIES = ["", "?in=7x7&k=3&s=2&pad=same&step=6&theme=projector"];

/** Lighthouse's mobile profile ("Slow 4G" throttling and a mid-range phone's CPU). */
const PROFILE = {
  latency: 150,
  downloadThroughput: 1.6e6 / 8,
  uploadThroughput: 750e3 / 8,
  cpuSlowdown: 4,
  viewport: { width: 412, height: 823 },
};

/** What a static host compresses: text and wasm, not images that are compressed already. */
const COMPRESSED = new Set([".html", ".js", ".wasm", ".css", ".svg", ".json", ".webmanifest"]);

/** Serves `root` under `base` with gzip (level 9, compressed once per file), like a static host. */
function serveGzipped(root, base = "/course/convstep/") {
  const cache = new Map();
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, "http://localhost");
    if (!url.pathname.startsWith(base)) return response.writeHead(404).end();
    let file = path.join(root, decodeURIComponent(url.pathname.slice(base.length)));
    if (!file.startsWith(root)) return response.writeHead(403).end();
    if (file.endsWith(path.sep) || file === root) file = path.join(file, "index.html");
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) return response.writeHead(404).end();
    const extension = path.extname(file);
    const headers = { "content-type": TYPES[extension] ?? "application/octet-stream", "cache-control": "no-cache" };
    let body = fs.readFileSync(file);
    if (COMPRESSED.has(extension) && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
      if (!cache.has(file)) cache.set(file, zlib.gzipSync(body, { level: 9 }));
      body = cache.get(file);
      headers["content-encoding"] = "gzip";
    }
    headers["content-length"] = body.length;
    response.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}${base}`, close: () => server.close() }),
    ),
  );
}

/**
 * In the page, before any of its scripts: records the first painted grid cell, and where the
 * time to the app goes: when the wasm is compiled and instantiated, and when the app has put its
 * own first grid in the page (its first render).
 */
function watchFirstGrid() {
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const observer = new MutationObserver(() => {
    if (window.firstGrid === undefined && !window.drawn && document.querySelector("[data-grid] td, [data-first-grid] td")) {
      window.drawn = true;
      painted().then(() => (window.firstGrid = performance.now()));
    }
    if (document.querySelector("[data-grid] td")) {
      window.appGrid = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  const instantiate = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = (...args) =>
    instantiate(...args).then((result) => {
      window.instantiated = performance.now();
      return result;
    });
}

/** In the page: clicks forward once the app has drawn it; resolves to when the step changed. */
async function firstStep() {
  const forward = () => document.querySelector(".playback [data-action='forward']:not([disabled])");
  const counter = () => document.querySelector(".playback [data-testid='step-count']");
  while (!forward() || !counter()) await new Promise((resolve) => setTimeout(resolve, 5));
  const before = counter().textContent;
  const clicked = performance.now();
  forward().click();
  while (counter().textContent === before) await new Promise((resolve) => requestAnimationFrame(resolve));
  return { clicked, stepped: performance.now() };
}

/** In the page: bytes on the wire of the page and every file that finished loading by `time`. */
function transferBefore(time) {
  const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
  const byUrl = {};
  let transfer = 0;
  for (const entry of entries.filter((entry) => entry.responseEnd <= time)) {
    const name = new URL(entry.name).pathname.split("/").pop() || "index.html";
    byUrl[name] = (byUrl[name] ?? 0) + entry.transferSize;
    transfer += entry.transferSize;
  }
  return { transfer, byUrl };
}

async function once(browser, url) {
  const context = await browser.newContext({
    viewport: PROFILE.viewport,
    isMobile: true,
    hasTouch: true,
    locale: "en-US",
    serviceWorkers: "block",
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: PROFILE.latency,
    downloadThroughput: PROFILE.downloadThroughput,
    uploadThroughput: PROFILE.uploadThroughput,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PROFILE.cpuSlowdown });
  await page.addInitScript(watchFirstGrid);
  await page.goto(url, { waitUntil: "commit" });
  const { clicked, stepped } = await page.evaluate(firstStep);
  await page.waitForFunction(() => window.firstGrid !== undefined);
  const firstGrid = await page.evaluate(() => window.firstGrid);
  const loaded = await page.evaluate(transferBefore, clicked);
  const phases = await page.evaluate(() => ({
    wasmLoaded: performance.getEntriesByType("resource").find((entry) => entry.name.endsWith(".wasm"))?.responseEnd,
    instantiated: window.instantiated,
    appGrid: window.appGrid,
  }));
  await context.close();
  return { firstGrid, firstStep: stepped, ...loaded, ...phases };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const server = await serveGzipped(dist);
const browser = await launch();
try {
  for (const query of QUERIES) {
    const samples = [];
    for (let run = 0; run < runs; run++) samples.push(await once(browser, server.url + query));
    const grid = samples.map((sample) => sample.firstGrid);
    const step = samples.map((sample) => sample.firstStep);
    const transfer = samples.map((sample) => sample.transfer);
    console.log(`${query || "(default page)"}  ${runs} runs`);
    console.log(`  first grid drawn   median ${median(grid).toFixed(0)} ms  (${grid.map((t) => t.toFixed(0)).join(", ")})`);
    console.log(`  first step         median ${median(step).toFixed(0)} ms  (${step.map((t) => t.toFixed(0)).join(", ")})`);
    console.log(`  transfer to click  median ${(median(transfer) / 1000).toFixed(1)} KB`);
    const phase = (key) => median(samples.map((sample) => sample[key])).toFixed(0);
    console.log(
      `  where the time goes (medians): wasm downloaded ${phase("wasmLoaded")} ms, compiled and ` +
        `instantiated ${phase("instantiated")} ms, the app's first grid in the page ${phase("appGrid")} ms`,
    );
    const last = samples.at(-1).byUrl;
    console.log(`    ${Object.entries(last).map(([name, bytes]) => `${name} ${(bytes / 1000).toFixed(1)} KB`).join(", ")}`);
  }
} finally {
  await browser.close();
  server.close();
}
