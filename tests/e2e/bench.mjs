// Browser benchmarks for the README's Performance table: load time and step latency in headless
// Chromium, measured with the Performance API. Prints figures; asserts nothing.
//   node tests/e2e/bench.mjs dist          (ONLY=32×32 node ... runs one case)
import path from "node:path";
import { serve } from "./serve.mjs";
import { launch } from "./browser.mjs";

const dist = path.resolve(process.argv[2] ?? "dist");
const server = await serve(dist);
const browser = await launch();

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

/** Navigation start to the first grid in the DOM, in ms, over `runs` fresh pages. */
async function loadTime(runs = 15) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector("[data-grid='input-0'] td")) {
          window.firstGrid = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(server.url);
    await page.waitForFunction(() => window.firstGrid !== undefined);
    samples.push(await page.evaluate(() => window.firstGrid));
    await context.close();
  }
  return summary(samples);
}

/**
 * Time from a step-forward click to the DOM being updated, and to the end of the frame that
 * paints it (a timer queued from the next animation frame runs after that frame's paint), in ms.
 */
async function stepLatency(query, steps = 200) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url + query);
  await page.waitForSelector("[data-grid='input-0']");
  const samples = await page.evaluate(async (steps) => {
    const button = (action) => document.querySelector(`.playback [data-action='${action}']`);
    const counter = document.querySelector("[data-testid='step-count']");
    const changed = () =>
      new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(counter, { childList: true, characterData: true, subtree: true });
      });
    const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const dom = [];
    const frame = [];
    for (let i = 0; i < steps; i++) {
      if (button("forward").disabled) {
        // At the last step: back to the start, unmeasured.
        const back = changed();
        button("start").click();
        await back;
        await painted();
      }
      const done = changed();
      const start = performance.now();
      button("forward").click();
      const end = await done;
      // Let the frame this step caused (layout, paint, the scroll that follows the window)
      // finish before the next step, so each sample is one step's own work.
      await painted();
      dom.push(end - start);
      frame.push(performance.now() - start);
    }
    return { dom, frame };
  }, steps);
  await context.close();
  return { dom: summary(samples.dom.slice(10)), frame: summary(samples.frame.slice(10)) };
}

/**
 * Editing a kernel weight while a colour sample picture is the input: the time from committing
 * the value to the painted frame in which every feature map of the whole 224×224 picture has
 * been computed and redrawn, and the engine's own share as the app reports it, in ms.
 */
async function weightEdit(query, edits = 25) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url + query);
  await page.waitForSelector("[data-grid='input-0']");
  await page.check("#picture-colour");
  await page.click("[data-sample='house']");
  await page.waitForSelector("[data-testid='full-size'] canvas");
  const samples = await page.evaluate(async (edits) => {
    const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const total = [];
    const engine = [];
    for (let i = 0; i < edits; i++) {
      document.querySelector("[data-grid='kernel-0'] td").click();
      await painted();
      const editor = document.querySelector(".cell-editor");
      editor.value = String((i % 7) - 3);
      const start = performance.now();
      editor.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
      await painted();
      total.push(performance.now() - start);
      engine.push(Number(document.querySelector("[data-testid='full-size']").dataset.milliseconds));
    }
    return { total, engine };
  }, edits);
  await context.close();
  return { total: summary(samples.total.slice(3)), engine: summary(samples.engine.slice(3)) };
}

const format = ({ median, p95, n }) => `median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (n=${n})`;
if (!process.env.ONLY) console.log(`load, navigation to first grid: ${format(await loadTime())}`);
const cases = [
  ["8×8, 1 channel, 1 filter 3×3", "?in=8&k=3&seed=1"],
  ["64×64, 1 channel, 1 filter 3×3", "?in=64&k=3&seed=1"],
  ["32×32×3, 8 filters 3×3", "?in=32&ch=3&f=8&k=3&seed=1"],
  ["64×64×4, 8 filters 3×3 (largest the UI allows)", "?in=64&ch=4&f=8&k=3&seed=1"],
];
const results = {};
// ONLY=<text> runs just the cases whose name contains it.
for (const [name, query] of cases.filter(([name]) => !process.env.ONLY || name.includes(process.env.ONLY))) {
  const { dom, frame } = await stepLatency(query);
  results[name] = dom;
  console.log(`step ${name}: ${format(dom)}; to the painted frame: ${format(frame)}`);
}
for (const [name, query] of [
  ["convolution, 8 filters 3×3", "?f=8&k=3&seed=1"],
  ["block (convolution, ReLU, max-pool), 8 filters 3×3", "?op=block&f=8&k=3&seed=1"],
].filter(([name]) => !process.env.ONLY || name.includes(process.env.ONLY))) {
  const { total, engine } = await weightEdit(query);
  console.log(`weight edit on a 224×224 RGB picture, ${name}: to the painted frame ${format(total)}; engine ${format(engine)}`);
}
const [small, large] = [results[cases[0][0]], results[cases[1][0]]];
if (small && large) console.log(`step cost ratio 64×64 / 8×8 (medians): ${(large.median / small.median).toFixed(2)}`);
await browser.close();
server.close();
