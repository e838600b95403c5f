// The step-through screen: stepping, controls, editing, errors and hover, checked in Chromium
// against numbers computed here from the definitions.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, gridNumbers, gridText, marked, press, conv2d, assertNoErrors } from "./harness.mjs";

const TUTORIAL_INPUT = [
  [1, 2, 3, 0],
  [0, 1, 2, 3],
  [3, 0, 1, 2],
  [2, 3, 0, 1],
];
const TUTORIAL_KERNEL = [
  [2, 0, 1],
  [0, 1, 2],
  [1, 0, 2],
];

test("the page loads the tutorial example with no console errors", async () => {
  const { page, errors } = await open();
  assert.deepEqual(await gridNumbers(page, "input-0"), TUTORIAL_INPUT);
  assert.deepEqual(await gridNumbers(page, "kernel-0"), TUTORIAL_KERNEL);
  // Step 1: only the first output is written; the rest wait.
  assert.deepEqual(await gridText(page, "output-0"), [["15", ""], ["", ""]]);
  assert.equal(await page.textContent("[data-testid='step-count']"), "Step 1 of 4");
  await page.close();
  assertNoErrors(errors);
});

test("stepping forward fills the output and moves the window; stepping back undoes it", async () => {
  const { page, errors } = await open();
  const expected = conv2d(TUTORIAL_INPUT, TUTORIAL_KERNEL);
  await press(page, "forward", 2);
  assert.deepEqual(await gridNumbers(page, "output-0"), [[expected[0][0], expected[0][1]], [expected[1][0], ""]]);
  assert.deepEqual(await marked(page, "output-0", "current"), [[1, 0]]);
  // The window of output (1, 0) covers input rows 1-3, columns 0-2.
  const window = [];
  for (let r = 1; r <= 3; r++) for (let c = 0; c <= 2; c++) window.push([r, c]);
  assert.deepEqual(await marked(page, "input-0", "tap"), window);
  assert.equal(await page.textContent("[data-testid='step-value']"), String(expected[1][0]));

  await press(page, "back");
  assert.deepEqual(await gridText(page, "output-0"), [["15", "16"], ["", ""]]);
  assert.deepEqual(await marked(page, "output-0", "current"), [[0, 1]]);
  await press(page, "end");
  assert.deepEqual(await gridNumbers(page, "output-0"), expected);
  await press(page, "start");
  assert.deepEqual(await gridText(page, "output-0"), [["15", ""], ["", ""]]);
  await page.close();
  assertNoErrors(errors);
});

test("the scrub slider jumps to any step", async () => {
  const { page, errors } = await open();
  await page.fill(".scrub", "3");
  assert.equal(await page.textContent("[data-testid='step-count']"), "Step 3 of 4");
  assert.deepEqual(await marked(page, "output-0", "current"), [[1, 0]]);
  await page.close();
  assertNoErrors(errors);
});

test("changing stride, padding and kernel size recomputes the output", async () => {
  const { page, errors } = await open();
  await page.selectOption("#padding-mode", "custom");
  await page.fill("#pad-top", "1");
  await page.fill("#pad-left", "1");
  await page.fill("#pad-bottom", "1");
  await page.fill("#pad-right", "1");
  await page.fill("#stride-h", "2");
  await page.fill("#stride-w", "2");
  await press(page, "end");
  assert.deepEqual(await gridNumbers(page, "output-0"), conv2d(TUTORIAL_INPUT, TUTORIAL_KERNEL, [2, 2], [1, 1, 1, 1]));
  // The padding ring is drawn: 6×6 with zeros around the input.
  const input = await gridText(page, "input-0");
  assert.equal(input.length, 6);
  assert.deepEqual(input[0], ["0", "0", "0", "0", "0", "0"]);
  assert.equal(await page.locator("[data-grid='input-0'] td.padding").count(), 20);
  // The same padding on both sides: the tutorial's letters, ⌊(N + 2P − K) / S⌋ + 1.
  assert.match(await page.textContent("[data-testid='formula']"), /⌊\(4 \+ 2×1 − 3\) \/ 2⌋ \+ 1 = 2/);

  await page.selectOption("#padding-mode", "same");
  await page.fill("#stride-h", "1");
  await page.fill("#stride-w", "1");
  await page.fill("#kernel-h", "2");
  await page.fill("#kernel-w", "2");
  await press(page, "end");
  const kernel = [
    [2, 0],
    [0, 1],
  ];
  // Same padding with a 2×2 kernel: one extra row and column at the end (SAME_UPPER).
  assert.deepEqual(await gridNumbers(page, "kernel-0"), kernel);
  assert.deepEqual(await gridNumbers(page, "output-0"), conv2d(TUTORIAL_INPUT, kernel, [1, 1], [0, 0, 1, 1]));
  await page.close();
  assertNoErrors(errors);
});

test("editing a cell updates the output; a non-number is refused and the old value kept", async () => {
  const { page, errors } = await open();
  await page.click("[data-grid='input-0'] tr:nth-child(1) td:nth-child(1)");
  await page.fill(".cell-editor", "5");
  await page.press(".cell-editor", "Enter");
  const edited = TUTORIAL_INPUT.map((row) => [...row]);
  edited[0][0] = 5;
  await press(page, "end");
  assert.deepEqual(await gridNumbers(page, "output-0"), conv2d(edited, TUTORIAL_KERNEL));

  await page.click("[data-grid='kernel-0'] tr:nth-child(2) td:nth-child(2)");
  await page.fill(".cell-editor", "abc");
  await page.press(".cell-editor", "Enter");
  assert.match(await page.textContent("[data-testid='refusal']"), /“abc” is not a number/);
  assert.deepEqual(await gridNumbers(page, "kernel-0"), TUTORIAL_KERNEL);
  assert.deepEqual(await gridNumbers(page, "output-0"), conv2d(edited, TUTORIAL_KERNEL));
  await page.close();
  assertNoErrors(errors);
});

test("settings that cannot form a window show the engine's message and keep the last output", async () => {
  const { page, errors } = await open();
  await page.fill("#kernel-h", "6");
  const message = await page.textContent("[data-testid='error']");
  assert.match(message, /vertical kernel spans 6 cells but the padded input is only 4 cells/);
  assert.deepEqual(await gridText(page, "output-0"), [["15", ""], ["", ""]]);
  assert.equal(await page.inputValue("#kernel-h"), "6");

  // Stride 0 is the engine's error too; text that is not a number stays in the field.
  await page.fill("#kernel-h", "3");
  await page.click("#stride-lock");
  await page.fill("#stride-w", "0");
  assert.match(await page.textContent("[data-testid='error']"), /horizontal stride is 0/);
  await page.fill("#stride-w", "two");
  assert.equal(await page.inputValue("#stride-w"), "two");
  assert.match(await page.textContent(".number-field:has(#stride-w) .field-message"), /“two” is not a whole number, so the old value is kept \(range 1–16\)/);
  await page.fill("#stride-w", "1");
  assert.equal(await page.locator("[data-testid='error']").count(), 0);
  await page.close();
  assertNoErrors(errors);
});

test("max pooling marks the winner; ceil mode keeps the partial last window", async () => {
  const { page, errors } = await open("?op=max-pool&in=5x5&k=2&s=2&x=" + Array.from({ length: 25 }, (_, i) => i + 1).join(","));
  await press(page, "end");
  assert.deepEqual(await gridNumbers(page, "output-0"), [
    [7, 9],
    [17, 19],
  ]);
  await page.click("#advanced > summary");
  await page.check("#ceil-mode");
  await press(page, "end");
  assert.deepEqual(await gridNumbers(page, "output-0"), [
    [7, 9, 10],
    [17, 19, 20],
    [22, 24, 25],
  ]);
  // The last window holds only 25, the winner.
  assert.deepEqual(await marked(page, "input-0", "winner"), [[4, 4]]);
  assert.match(await page.textContent(".arithmetic"), /max\(25\) = 25/);
  await page.close();
  assertNoErrors(errors);
});

test("hovering an output cell shows its window; hovering an input cell shows what it feeds", async () => {
  const { page, errors } = await open();
  await page.hover("[data-grid='output-0'] tr:nth-child(2) td:nth-child(2)");
  const window = [];
  for (let r = 1; r <= 3; r++) for (let c = 1; c <= 3; c++) window.push([r, c]);
  assert.deepEqual(await marked(page, "input-0", "hover-window"), window);
  await page.hover("[data-grid='input-0'] tr:nth-child(1) td:nth-child(2)");
  assert.deepEqual(await marked(page, "output-0", "feeds"), [
    [0, 0],
    [0, 1],
  ]);
  await page.close();
  assertNoErrors(errors);
});

test("play runs to the end on its own", async () => {
  const { page, errors } = await open();
  await page.selectOption(".speed select", "16");
  await press(page, "play");
  await page.waitForFunction(() => document.querySelector("[data-testid='step-count']").textContent === "Step 4 of 4");
  assert.deepEqual(await gridNumbers(page, "output-0"), conv2d(TUTORIAL_INPUT, TUTORIAL_KERNEL));
  await page.close();
  assertNoErrors(errors);
});

test("average pooling shows the sum, the divisor and how padding was counted", async () => {
  const { page, errors } = await open("?op=avg-pool&in=3x3&k=3&pad=1&x=1,2,3,4,5,6,7,8,9");
  // The corner window holds 1 2 4 5 and five padding cells.
  assert.match(await page.textContent(".arithmetic"), /\(1 \+ 2 \+ 4 \+ 5\) \/ 9 = 12 \/ 9 = 1\.33/);
  assert.match(await page.textContent("[data-testid='divisor-note']"), /9 = 4 input cells \+ 5 padding cells/);
  await page.click("#advanced > summary");
  await page.uncheck("#count-include-pad");
  assert.match(await page.textContent(".arithmetic"), /\) \/ 4 = 12 \/ 4 = 3/);
  await page.close();
  assertNoErrors(errors);
});

test("ReLU shows max(0, x) for each value", async () => {
  const { page, errors } = await open("?op=relu&in=2x2&x=-3,2,0.5,-1");
  assert.match(await page.textContent(".arithmetic"), /max\(0, −3\) = 0/);
  await press(page, "end");
  assert.deepEqual(await gridNumbers(page, "output-0"), [
    [0, 2],
    [0.5, 0],
  ]);
  await page.close();
  assertNoErrors(errors);
});
