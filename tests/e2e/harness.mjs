// Shared set-up for the end-to-end tests: one server and one browser per test file, a fresh
// page per test that fails the test on any console error, and helpers to read the grids.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { serve } from "./serve.mjs";
import { launch } from "./browser.mjs";

let server;
let browser;

before(async () => {
  server = await serve(process.env.CONVSTEP_DIST ?? "dist");
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens the app with `query`; returns the page and a list that collects console errors. With
 * `serviceWorkers: "block"` the page's requests reach `page.route` (a service worker's do not). */
export async function open(
  query = "",
  { width = 1280, height = 800, locale = "en-US", touch = false, serviceWorkers = "allow" } = {},
) {
  const options = { viewport: { width, height }, locale, hasTouch: touch, isMobile: touch, serviceWorkers };
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(server.url + query);
  await page.waitForSelector(".figures [data-grid]");
  return { page, errors, url: server.url };
}

/** The text of every cell of grid `name` ("input-0", "kernel-0", "output-0"), row by row. */
export async function gridText(page, name) {
  return page.$$eval(`[data-grid='${name}'] tr`, (rows) =>
    rows.map((row) => [...row.cells].map((cell) => cell.textContent.replace(/\u2212/g, "-").trim())),
  );
}

/** `[row, column]` of every cell in grid `name` that has CSS class `mark`. */
export async function marked(page, name, mark) {
  return page.$$eval(
    `[data-grid='${name}'] tr`,
    (rows, mark) =>
      rows.flatMap((row, r) => [...row.cells].flatMap((cell, c) => (cell.classList.contains(mark) ? [[r, c]] : []))),
    mark,
  );
}

/** Numbers of a grid, with "" for empty cells. */
export async function gridNumbers(page, name) {
  return (await gridText(page, name)).map((row) => row.map((text) => (text === "" ? "" : Number(text))));
}

/** Clicks a playback button by its data-action. */
export async function press(page, action, times = 1) {
  for (let i = 0; i < times; i++) await page.click(`.playback [data-action='${action}']`);
}

/** Replaces the text of a field and lets the app react. */
export async function type(page, selector, text) {
  await page.fill(selector, text);
}

/**
 * A plain cross-correlation written here from the definition, independent of the engine:
 * x is rows×columns, w is k_h×k_w, pads are [top, left, bottom, right].
 */
export function conv2d(x, w, [s_h, s_w] = [1, 1], [top, left, bottom, right] = [0, 0, 0, 0], bias = 0) {
  const rows = x.length + top + bottom;
  const columns = x[0].length + left + right;
  const at = (r, c) => {
    const [ir, ic] = [r - top, c - left];
    return ir >= 0 && ic >= 0 && ir < x.length && ic < x[0].length ? x[ir][ic] : 0;
  };
  const out = [];
  for (let r = 0; r + w.length <= rows; r += s_h) {
    const line = [];
    for (let c = 0; c + w[0].length <= columns; c += s_w) {
      let sum = 0;
      w.forEach((weights, kh) => weights.forEach((weight, kw) => (sum += at(r + kh, c + kw) * weight)));
      line.push(sum + bias);
    }
    out.push(line);
  }
  return out;
}

export function assertNoErrors(errors) {
  assert.deepEqual(errors, [], `console errors: ${errors.join("\n")}`);
}
