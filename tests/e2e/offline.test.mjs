// Offline and install, in Chromium: after one visit the app opens without a network at a
// teacher's link, a new release replaces the cached one on the next visit, and the manifest
// names icons that exist. The build is served under a sub-path, as on any static host.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { open, gridNumbers, press, assertNoErrors } from "./harness.mjs";
import { serve } from "./serve.mjs";
import { launch } from "./browser.mjs";

const DIST = path.resolve(process.env.CONVSTEP_DIST ?? "dist");

/** Waits until the service worker is active and controls the page (it claims the first visit). */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The URL of every response in the page's caches. */
async function cachedUrls(page) {
  return page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls.sort();
  });
}

/**
 * Whether the service worker reaches the server: a file it has not cached opens online (as a
 * 404) and fails offline. A page of its own, so the failure is not one of the app's errors.
 */
async function serverReachable(context, url) {
  const probe = await context.newPage();
  try {
    await probe.goto(url + "not-cached");
    return true;
  } catch {
    return false;
  } finally {
    await probe.close();
  }
}

test("after one visit the app opens offline at a teacher's link, under its sub-path, and steps", async () => {
  const { page, errors, url } = await open();
  await controlled(page);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope), url);
  // What the page needs to start is cached on that first visit, and nothing from elsewhere.
  const cached = await cachedUrls(page);
  const files = fs.readdirSync(DIST);
  for (const name of files.filter((file) => /\.(js|wasm|css)$/.test(file) && file !== "sw.js")) {
    assert.ok(cached.includes(url + name), `${name} is cached: ${cached.join(", ")}`);
  }
  assert.ok(cached.includes(url), "the page itself is cached");
  assert.ok(cached.includes(url + "manifest.webmanifest"));
  for (const cachedUrl of cached) assert.ok(cachedUrl.startsWith(url), `${cachedUrl} is one of the app's files`);

  assert.equal(await serverReachable(page.context(), url), true, "the probe itself works online");
  await page.context().setOffline(true);
  assert.equal(await serverReachable(page.context(), url), false, "the service worker has no network either");
  const response = await page.goto(url + "?in=5x5&step=3");
  assert.ok(response.fromServiceWorker());
  await page.waitForSelector("[data-grid='input-0']");
  assert.equal((await gridNumbers(page, "input-0")).length, 5);
  assert.equal(await page.textContent("[data-testid='step-count']"), "Step 3 of 9");
  await press(page, "forward");
  await page.waitForFunction(() => document.querySelector("[data-testid='step-count']").textContent === "Step 4 of 9");
  await page.context().close();
  assertNoErrors(errors);
});

test("a new release replaces the cached one on the next visit, and only it stays cached", async () => {
  // A copy of the build that the test changes into the next release, in a browser of its own.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "convstep-release-"));
  fs.cpSync(DIST, root, { recursive: true });
  const server = await serve(root);
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector("[data-grid='input-0']");
    await controlled(page);

    // The next release: a page that says so, and a stylesheet under a new hashed name.
    const stylesheet = fs.readdirSync(root).find((file) => /^style-.*\.css$/.test(file));
    const renamed = stylesheet.replace(/^style-/, "style-next");
    fs.renameSync(path.join(root, stylesheet), path.join(root, renamed));
    const index = path.join(root, "index.html");
    const html = fs.readFileSync(index, "utf8").replaceAll(stylesheet, renamed);
    fs.writeFileSync(index, html.replace("<html ", "<html data-release='next' "));

    // Network-first: the very next visit online is the new release, not the one after.
    await page.goto(server.url + "?in=5x5");
    assert.equal(await page.getAttribute("html", "data-release"), "next");
    await page.waitForSelector("[data-grid='input-0']");
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).margin), "0px", "the new stylesheet applies");
    // The old stylesheet leaves the cache once the service worker has adopted the new page, in
    // the background; the new one is stored as the page fetches it. Polled for up to 5 s.
    const replaced = await page.evaluate(
      async ([old, next]) => {
        const cache = await caches.open((await caches.keys())[0]);
        for (let tries = 0; tries < 100; tries++) {
          if (!(await cache.match(old)) && (await cache.match(next))) return true;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return false;
      },
      [server.url + stylesheet, server.url + renamed],
    );
    assert.ok(replaced, "the cache holds the new stylesheet and not the old one");

    // And it is the new release that opens offline.
    await context.setOffline(true);
    await page.goto(server.url + "?in=5x5&step=2");
    assert.equal(await page.getAttribute("html", "data-release"), "next");
    await page.waitForSelector("[data-grid='input-0']");
    assert.equal(await page.textContent("[data-testid='step-count']"), "Step 2 of 9");
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test("the manifest is linked, names the app, and its icons exist at their sizes", async () => {
  const { page, errors } = await open();
  const href = await page.$eval("link[rel='manifest']", (link) => link.href);
  const response = await page.request.get(href);
  assert.equal(response.status(), 200);
  const manifest = JSON.parse(await response.text());
  assert.equal(manifest.name, "ConvStep");
  assert.equal(manifest.start_url, "./");
  assert.equal(manifest.scope, "./");
  assert.equal(manifest.display, "standalone");
  // The colours are the stylesheet's page background and accent.
  const css = fs.readFileSync(path.join(DIST, fs.readdirSync(DIST).find((file) => file.endsWith(".css"))), "utf8");
  assert.match(css, new RegExp(`--bg: ${manifest.background_color};`));
  assert.match(css, new RegExp(`--accent: ${manifest.theme_color};`));

  assert.deepEqual(manifest.icons.map((icon) => icon.sizes).sort(), ["192x192", "512x512", "any"]);
  for (const icon of manifest.icons) {
    const file = await page.request.get(new URL(icon.src, href).href);
    assert.equal(file.status(), 200, icon.src);
    assert.equal(file.headers()["content-type"], icon.type);
    if (icon.type === "image/png") {
      // A PNG's width and height are the two big-endian words after "IHDR", at byte 16.
      const bytes = await file.body();
      assert.equal(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`, icon.sizes, icon.src);
    }
  }

  // Chromium reads the manifest without complaint and would offer to install the app. The one
  // objection it keeps is that a Playwright context is incognito, where nothing installs.
  const session = await page.context().newCDPSession(page);
  const { errors: manifestErrors } = await session.send("Page.getAppManifest");
  assert.deepEqual(manifestErrors, []);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const { installabilityErrors } = await session.send("Page.getInstallabilityErrors");
  assert.deepEqual(
    installabilityErrors.map((error) => error.errorId).filter((id) => id !== "in-incognito"),
    [],
  );
  await page.close();
  assertNoErrors(errors);
});
