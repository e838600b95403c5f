// The whole step on one screen: for every listed example and size, at the first, a middle and the
// last step and after stepping by keyboard, the window in every channel, the kernel in use, the
// cell being written, the calculation's result and the step buttons are all in view, without
// scrolling the page. Checked by bounding boxes against the viewport and the boxes that clip them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, assertNoErrors } from "./harness.mjs";
import { EXAMPLES, SIZES, openExample } from "./screens.mjs";

/** In the page: what of the step is not in view, as a list of sentences (empty when all is). */
function missing([touch, whole, columns]) {
  const problems = [];
  if (whole || columns) {
    for (const box of document.querySelectorAll(".figures .planes, .figures .plane-cells")) {
      if (box.scrollWidth > box.clientWidth + 1 || (whole && box.scrollHeight > box.clientHeight + 1)) {
        problems.push(`${box.querySelector("table")?.dataset.grid ?? "a figure"} is cut off`);
      }
    }
  }
  const width = window.innerWidth;
  const height = window.innerHeight;
  const inView = (element, what) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return problems.push(`${what} is not drawn`);
    if (box.left < -0.5 || box.top < -0.5 || box.right > width + 0.5 || box.bottom > height + 0.5) {
      return problems.push(`${what} is off the screen at ${[box.left, box.top, box.right, box.bottom].map(Math.round)}`);
    }
    for (let outer = element.parentElement; outer; outer = outer.parentElement) {
      const style = getComputedStyle(outer);
      if (style.overflowX === "visible" && style.overflowY === "visible") continue;
      const frame = outer.getBoundingClientRect();
      const left = frame.left + outer.clientLeft;
      const top = frame.top + outer.clientTop;
      if (box.left < left - 0.5 || box.top < top - 0.5 || box.right > left + outer.clientWidth + 0.5 || box.bottom > top + outer.clientHeight + 0.5) {
        return problems.push(`${what} is scrolled out of .${outer.className.split(" ").join(".")}`);
      }
    }
    const hit = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    if (!hit || !(hit === element || element.contains(hit))) problems.push(`${what} is covered by ${hit?.className}`);
  };
  const figures = document.querySelector(".figures");
  const read = figures.querySelector(".figure");
  const taps = [...read.querySelectorAll(".cell.tap")];
  if (taps.length === 0) problems.push("no window on the map being read");
  // A convolution's window covers every channel of the filter's group (the others are dimmed);
  // pooling and activations read one channel.
  if (figures.querySelector("[data-grid^='kernel']")) {
    for (const plane of read.querySelectorAll(".plane:not(.outside-group)")) {
      if (!plane.querySelector(".cell.tap")) problems.push(`no window in ${plane.querySelector("table").dataset.grid}`);
    }
  }
  taps.forEach((cell) => inView(cell, `window cell in ${cell.closest("table").dataset.grid}`));
  const kernel = figures.querySelector(".figure.kernel");
  if (kernel) {
    const used = [...kernel.querySelectorAll(".cell.tap, [data-grid='window'] td")];
    if (used.length === 0) problems.push("no kernel cell in use");
    used.forEach((cell) => inView(cell, `kernel cell in ${cell.closest("table").dataset.grid}`));
  }
  const written = figures.querySelectorAll(".cell.current");
  if (written.length !== 1) problems.push(`${written.length} cells being written`);
  written.forEach((cell) => inView(cell, "the cell being written"));
  const result = document.querySelector("[data-testid='step-value']");
  if (result) inView(result, "the calculation's result");
  else problems.push("no calculation");
  for (const action of ["back", "forward"]) {
    const button = document.querySelector(`.playback [data-action='${action}']`);
    inView(button, `the ${action} button`);
    const box = button.getBoundingClientRect();
    if (touch && (box.width < 44 || box.height < 44)) problems.push(`the ${action} button is ${box.width}×${box.height}`);
  }
  // With a lesson open, its chapter buttons stay in view too.
  for (const button of document.querySelectorAll(".lesson-nav [data-lesson]")) inView(button, `the lesson's ${button.dataset.lesson} button`);
  if (window.scrollX !== 0 || window.scrollY !== 0) problems.push(`the page scrolled to ${window.scrollX},${window.scrollY}`);
  if (document.documentElement.scrollWidth > width) problems.push("the page scrolls sideways");
  return problems;
}

/** The current step and the number of steps, from the step counter. */
async function stepOf(page) {
  const [at, of] = (await page.textContent("[data-testid='step-count']")).match(/\d+/g).map(Number);
  return { at, of };
}

/** Settles the layout (a fitted cell size and the window followed) before measuring. */
async function settled(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForTimeout(50);
}

for (const size of SIZES) {
  test(`the whole step is in view at ${size.name}`, async () => {
    const { page, errors, url } = await open("?in=4x4", { ...size.viewport, touch: size.touch });
    const failures = [];
    const check = async (example, moment) => {
      await settled(page);
      const problems = await page.evaluate(missing, [size.touch, example.whole ?? false, example.columns ?? false]);
      const { at, of } = await stepOf(page);
      if (problems.length) failures.push(`${example.name} at ${moment} (step ${at} of ${of}): ${problems.join("; ")}`);
    };
    for (const example of EXAMPLES) {
      await openExample(page, url, example, size);
      await check(example, "the first step");
      const { of } = await stepOf(page);
      const middle = Math.ceil(of / 2);
      await page.$eval(".scrub", (scrub, value) => {
        scrub.value = String(value);
        scrub.dispatchEvent(new Event("input", { bubbles: true }));
      }, middle);
      await page.waitForFunction((value) => document.querySelector("[data-testid='step-count']").textContent.includes(`${value} `), middle);
      await check(example, "a middle step");
      await page.locator("body").press("End");
      await page.waitForFunction((value) => document.querySelector("[data-testid='step-count']").textContent.startsWith(`Step ${value} `), of);
      await check(example, "the last step");
      await page.locator("body").press("Home");
      for (let i = 0; i < 3; i++) await page.locator("body").press("ArrowRight");
      await page.waitForFunction(() => document.querySelector("[data-testid='step-count']").textContent.startsWith("Step 4 "));
      await check(example, "three steps by keyboard");
    }
    assert.deepEqual(failures, []);
    await page.close();
    assertNoErrors(errors);
  });
}

test("on a phone, tapping a cell does what hovering does; tapping it again edits it", async () => {
  const { page, errors } = await open("?in=4x4", { width: 375, height: 740, touch: true });
  // An output cell: its window shows on the input.
  await page.tap("[data-grid='output-0'] tr:nth-child(2) td:nth-child(2)");
  await page.waitForSelector("[data-grid='output-0'] .cell.hovered");
  assert.equal(await page.locator("[data-grid='input-0'] .cell.hover-window").count(), 9);
  // An input cell: the first tap shows the outputs it feeds, and no editor opens.
  await page.tap("[data-grid='input-0'] tr:nth-child(1) td:nth-child(1)");
  await page.waitForSelector("[data-grid='input-0'] .cell.hovered");
  assert.equal(await page.locator("[data-grid='output-0'] .cell.feeds").count(), 1);
  assert.equal(await page.locator(".cell-editor").count(), 0);
  // The second tap on the same cell edits it.
  await page.tap("[data-grid='input-0'] tr:nth-child(1) td:nth-child(1)");
  await page.waitForSelector(".cell-editor");
  await page.close();
  assertNoErrors(errors);
});
