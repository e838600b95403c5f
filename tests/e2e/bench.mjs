// Browser benchmarks for the README's Performance table: load time and step latency in headless
// Chromium, measured with the Performance API. Prints figures; asserts nothing.
//   node tests/e2e/bench.mjs dist
// ONLY=32×32 runs the cases whose name has it, QUERY='?in=64&hide=code' steps that link alone, and
// TRACE=1 also prints where each step's time goes.
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

/** Every example the step view should step within a frame: [name, query]. */
const STEP_CASES = [
  ["4×4, the default", "?op=conv"],
  ["7×7, same padding, stride 2", "?in=7&k=3&s=2&pad=same&seed=1"],
  ["8×8, 1 channel, 1 filter 3×3", "?in=8&k=3&seed=1"],
  ["block on 6×6×3, 2 filters", "?op=block&in=6&ch=3&f=2&seed=1"],
  ["block on 16×16", "?op=block&in=16&seed=1"],
  ["block on 16×16×3, 2 filters", "?op=block&in=16&ch=3&f=2&seed=1"],
  ["32×32×3, 8 filters 3×3", "?in=32&ch=3&f=8&k=3&seed=1"],
  ["64×64, 1 channel, 1 filter 3×3", "?in=64&k=3&seed=1"],
  ["64×64×4, 8 filters 3×3 (largest the UI allows)", "?in=64&ch=4&f=8&k=3&seed=1"],
];

/**
 * Time from a step-forward click to the DOM being updated, and to the end of the frame that
 * paints it, in ms. A timer queued from an animation frame callback runs after that frame's
 * style, layout, paint and commit (the usual stand-in for `requestPostAnimationFrame`).
 *
 * Each click comes just after the previous step's frame, so the next frame begins about
 * 16.7 ms later, less what that frame took: a step that paints in the next frame reads as about
 * 16.7 ms "to the painted frame", and one that misses a frame as about 33 ms. "Frame work" is
 * the time from the start of the frame that shows the step (its animation frame time) to the
 * end of its paint: below 16.7 ms, a step paints in the next frame wherever the click lands.
 *
 * With `trace`, the steps are also recorded in a Chrome trace; the result then holds the main
 * thread's time per step by kind of work, and how many DOM nodes each step touched.
 */
async function stepLatency(query, { steps = 200, trace = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url + query);
  await page.waitForSelector("[data-grid='input-0']");
  if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const samples = await page.evaluate(
    async ({ steps, trace }) => {
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
      // Resolves with the frame's start time after the frame has painted.
      const painted = () => new Promise((resolve) => requestAnimationFrame((begun) => setTimeout(() => resolve(begun), 0)));
      // Counting touched nodes slows the step a little, so only when tracing.
      let touched = { attributes: 0, text: 0, children: 0 };
      const counting = new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === "attributes") touched.attributes++;
          else if (record.type === "characterData") touched.text++;
          else touched.children += record.addedNodes.length + record.removedNodes.length;
        }
      });
      const dom = [];
      const frame = [];
      const work = [];
      const nodes = [];
      for (let i = 0; i < steps; i++) {
        if (button("forward").disabled) {
          // At the last step: back to the start, unmeasured.
          const back = changed();
          button("start").click();
          await back;
          await painted();
        }
        if (trace) {
          touched = { attributes: 0, text: 0, children: 0 };
          counting.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
          performance.mark("step");
        }
        const done = changed();
        const start = performance.now();
        button("forward").click();
        const end = await done;
        // Let the frame this step caused (layout, paint, the scroll that follows the window)
        // finish before the next step, so each sample is one step's own work.
        const begun = await painted();
        const now = performance.now();
        dom.push(end - start);
        frame.push(now - start);
        work.push(now - begun);
        if (trace) {
          counting.takeRecords();
          counting.disconnect();
          performance.mark("stepped");
          nodes.push(touched);
        }
      }
      return { dom, frame, work, nodes };
    },
    { steps, trace },
  );
  const traced = trace ? breakdown(JSON.parse(await browser.stopTracing()), samples.nodes.slice(10)) : undefined;
  await context.close();
  const [dom, frame, work] = [samples.dom, samples.frame, samples.work].map((times) => summary(times.slice(10)));
  return { dom, frame, work, traced };
}

const TRACE_CATEGORIES = ["devtools.timeline", "blink.user_timing", "disabled-by-default-devtools.timeline"];

/**
 * Main-thread work by kind, as a median per step, from the trace events between the step marks.
 * Each kind counts its own time: a layout forced inside an animation frame callback counts as
 * layout, not as the callback.
 */
function breakdown({ traceEvents }, nodes) {
  const main = traceEvents.find((event) => event.name === "thread_name" && event.args?.name === "CrRendererMain");
  const events = traceEvents.filter((event) => event.pid === main.pid && event.tid === main.tid);
  const marks = events.filter((event) => event.name === "step" || event.name === "stepped").sort((a, b) => a.ts - b.ts);
  const windows = [];
  for (let i = 0; i + 1 < marks.length; i++) {
    if (marks[i].name === "step" && marks[i + 1].name === "stepped") windows.push([marks[i].ts, marks[i + 1].ts]);
  }
  const kinds = {
    "script (the click, Yew's render, following the window)": ["EventDispatch", "FunctionCall", "RunMicrotasks", "TimerFire", "FireAnimationFrame"],
    "style recalculation": ["UpdateLayoutTree"],
    layout: ["Layout"],
    "pre-paint": ["PrePaint"],
    paint: ["Paint"],
    layerize: ["Layerize"],
    "commit (waiting for the compositor)": ["Commit"],
  };
  const kindOf = (name) => Object.keys(kinds).find((kind) => kinds[kind].includes(name));
  const per = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, windows.map(() => 0)]));
  const spans = events
    .filter((event) => event.ph === "X" && event.dur && kindOf(event.name))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Exclusive time: an event's duration less that of the counted events directly inside it.
  const open = [];
  const own = new Map(spans.map((span) => [span, span.dur]));
  for (const span of spans) {
    while (open.length && span.ts >= open.at(-1).ts + open.at(-1).dur) open.pop();
    if (open.length) own.set(open.at(-1), own.get(open.at(-1)) - span.dur);
    open.push(span);
  }
  for (const span of spans) {
    const index = windows.findIndex(([from, to]) => span.ts >= from && span.ts < to);
    if (index >= 0) per[kindOf(span.name)][index] += own.get(span) / 1000;
  }
  const rows = Object.entries(per).map(([kind, times]) => [kind, summary(times.slice(10)).median]);
  const median = (key) => summary(nodes.map((n) => n[key])).median;
  return { rows, nodes: { attributes: median("attributes"), text: median("text"), children: median("children") } };
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
// ONLY=<text> runs just the cases whose name contains it; TRACE=1 adds where each step's time goes.
const chosen = ([name]) => !process.env.ONLY || name.includes(process.env.ONLY);
const trace = Boolean(process.env.TRACE);
if (!process.env.ONLY && !process.env.QUERY) console.log(`load, navigation to first grid: ${format(await loadTime())}`);
const results = {};
const table = [];
// QUERY=<link query> steps that link alone, to try a variant (a hidden panel, another size).
const stepCases = process.env.QUERY ? [[process.env.QUERY, process.env.QUERY]] : STEP_CASES.filter(chosen);
for (const [name, query] of stepCases) {
  const { dom, frame, work, traced } = await stepLatency(query, { trace });
  results[name] = dom;
  table.push([name, dom, frame, work]);
  console.log(`step ${name}: ${format(dom)}; to the painted frame: ${format(frame)}; frame work: ${format(work)}`);
  if (traced) {
    for (const [kind, ms] of traced.rows) console.log(`    ${kind}: ${ms.toFixed(2)} ms`);
    const { attributes, text, children } = traced.nodes;
    console.log(`    DOM touched per step: ${attributes} attributes, ${text} texts, ${children} nodes added or removed`);
  }
}
if (table.length) {
  console.log("\n| example | click to updated DOM | click to painted frame | frame work |");
  console.log("|---|---|---|---|");
  const ms = ({ median, p95 }) => `${median.toFixed(1)} (p95 ${p95.toFixed(1)})`;
  for (const [name, dom, frame, work] of table) console.log(`| ${name} | ${ms(dom)} | ${ms(frame)} | ${ms(work)} |`);
  console.log("");
}
for (const [name, query] of [
  ["convolution, 8 filters 3×3", "?f=8&k=3&seed=1"],
  ["block (convolution, ReLU, max-pool), 8 filters 3×3", "?op=block&f=8&k=3&seed=1"],
].filter((edit) => !process.env.QUERY && chosen(edit))) {
  const { total, engine } = await weightEdit(query);
  console.log(`weight edit on a 224×224 RGB picture, ${name}: to the painted frame ${format(total)}; engine ${format(engine)}`);
}
const [small, large] = [results["8×8, 1 channel, 1 filter 3×3"], results["64×64, 1 channel, 1 filter 3×3"]];
if (small && large) console.log(`step cost ratio 64×64 / 8×8 (medians): ${(large.median / small.median).toFixed(2)}`);
await browser.close();
server.close();
