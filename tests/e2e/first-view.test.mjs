// The first view that index.html draws before the app starts agrees with the app once it runs:
// the same values, highlights and step in every grid, each cell at the same place and size, and
// no layout shift as the app takes over (Cumulative Layout Shift < 0.05). The wasm is held back
// until the first view has been read, so the test sees it whatever the machine's speed.
import { test, before, after } from "node:test";
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

/** In the page, before its scripts: adds up the layout shifts not caused by input. */
function recordLayoutShift() {
  window.layoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
}

/** In the page: every cell of the grids named by `attribute`: text, classes and box. */
function readGrids(attribute) {
  return [...document.querySelectorAll(`[${attribute}]`)].map((table) => ({
    name: table.getAttribute(attribute),
    cells: [...table.querySelectorAll("td")].map((cell) => {
      const box = cell.getBoundingClientRect();
      return {
        text: cell.textContent.trim(),
        classes: [...cell.classList].sort().join(" "),
        box: [box.left, box.top, box.width, box.height].map((length) => Math.round(length)),
      };
    }),
  }));
}

/** Opens `query` with the wasm held back; returns the first view, the app's view and the shift. */
async function firstAndApp(query, viewport) {
  const phone = viewport.width < 600;
  const context = await browser.newContext({ viewport, locale: "en-US", isMobile: phone, hasTouch: phone, serviceWorkers: "block" });
  const page = await context.newPage();
  await page.addInitScript(recordLayoutShift);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(server.url + query, { waitUntil: "domcontentloaded" });
  const first = await page.evaluate(readGrids, "data-first-grid");
  const stepText = await page.evaluate(() => document.querySelector("#first-view .step-count")?.textContent);
  release();
  // The first view stays over the app until the app's grids have their fitted size.
  await page.waitForSelector(".figures [data-grid]");
  await page.waitForSelector("#first-view", { state: "detached" });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  const app = await page.evaluate(readGrids, "data-grid");
  const appStep = await page.textContent("[data-testid='step-count']");
  const shift = await page.evaluate(() => window.layoutShift);
  await context.close();
  return { first, app, stepText, appStep, shift };
}

const CASES = [
  ["the default page on a laptop", "", { width: 1280, height: 800 }],
  ["the default page on a phone", "", { width: 412, height: 823 }],
  ["a teacher's link on a phone", "?in=7x7&k=3&s=2&pad=same&step=6&theme=projector", { width: 412, height: 823 }],
  ["a teacher's link on a projector", "?in=7x7&k=3&s=2&pad=same&step=6&theme=projector", { width: 1280, height: 800 }],
  // The largest input and kernel it draws: every value it keeps from the default seed.
  ["the largest link it draws", "?in=16&k=15&pad=1&step=9", { width: 1920, height: 1200 }],
];

for (const [name, query, viewport] of CASES) {
  test(`the first view of ${name} is the app's, with no layout shift`, async () => {
    const { first, app, stepText, appStep, shift } = await firstAndApp(query, viewport);
    assert.deepEqual(
      first.map((grid) => grid.name),
      ["input-0", "kernel-0", "output-0"],
      "the first view draws the input, the kernel and the output",
    );
    assert.equal(stepText, appStep);
    for (const grid of first) {
      const own = app.find((other) => other.name === grid.name);
      assert.ok(own, `the app draws ${grid.name}`);
      assert.deepEqual(
        grid.cells.map(({ text, classes }) => ({ text, classes })),
        own.cells.map(({ text, classes }) => ({ text, classes })),
        `${grid.name}: values and highlights`,
      );
      // Whole pixels, with one pixel for rounding.
      grid.cells.forEach((cell, index) =>
        cell.box.forEach((length, axis) =>
          assert.ok(
            Math.abs(length - own.cells[index].box[axis]) <= 1,
            `${grid.name} cell ${index}: first view at ${cell.box}, app at ${own.cells[index].box}`,
          ),
        ),
      );
    }
    assert.ok(shift < 0.05, `cumulative layout shift ${shift}`);
  });
}

test("a link the first view cannot draw exactly waits for the app", async () => {
  const { first } = await firstAndApp("?op=max-pool&in=6", { width: 1280, height: 800 });
  assert.deepEqual(first, []);
});
