// What a teacher opens without setting anything, checked in Chromium: the tutorial's symmetric
// padding gives the tutorial's numbers, activations and the block meet negative values, pooling
// opens at 2×2 with stride 2, the size formula speaks the tutorial's letters, and a link can
// name a sample picture.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, gridNumbers, press, assertNoErrors } from "./harness.mjs";

test("symmetric padding gives the tutorial's numbers where same does not", async () => {
  // The tutorial's own NumPy code, run on its 4×4 input and 3×3 kernel with stride 2,
  // pads int((3 − 1) / 2) = 1 on every side and prints [[7, 10], [10, 15]].
  const { page, errors } = await open("?in=4&k=3&s=2&pad=symmetric");
  await press(page, "end");
  assert.deepEqual(await gridNumbers(page, "output-0"), [
    [7, 10],
    [10, 15],
  ]);
  assert.match(await page.textContent("[data-testid='formula']"), /⌊\(4 \+ 2×1 − 3\) \/ 2⌋ \+ 1 = 2/);
  assert.match(await page.textContent(".formula .generic"), /N input size, P padding, K kernel size, S stride/);
  const notes = await page.$$eval("[data-testid='padding-note']", (all) => all.map((p) => p.textContent));
  assert.equal(notes[0], "symmetric → top 1, left 1, bottom 1, right 1");
  assert.match(notes[1], /^same would pad top 0, left 0, bottom 1, right 1 and give 2×2/);
  // same pads the bottom and right only: the per-side form, and other numbers.
  await page.selectOption("#padding-mode", "same");
  await page.waitForFunction(() => document.querySelector("[data-testid='padding-note']").textContent.startsWith("same →"));
  assert.deepEqual(await gridNumbers(page, "output-0"), [
    [15, 10],
    [10, 3],
  ]);
  assert.match(await page.textContent("[data-testid='formula']"), /⌊\(4 \+ 0 \+ 1 − 3\) ÷ 2⌋ \+ 1 = 2/);
  await page.close();
  assertNoErrors(errors);
});

test("in Chinese the size formula is worded as a textbook words it", async () => {
  const { page, errors } = await open("?in=5&k=3&pad=1&lang=zh");
  assert.match(await page.textContent(".formula .generic"), /⌊\(N \+ 2P − K\) \/ S⌋ \+ 1（N 输入尺寸，P 填充，K 卷积核尺寸，S 步长）/);
  assert.equal(await page.textContent(".formula .equation .axis"), "行、列：");
  const dilated = await open("?in=7&k=3&d=2&lang=zh");
  assert.match(await dilated.page.textContent(".formula .generic"), /输出尺寸 = ⌊\(输入 \+ 前填充 \+ 后填充 − 卷积核覆盖范围\) ÷ 步长⌋ \+ 1/);
  const spans = await dilated.page.$$eval(".formula .note code", (all) => all.map((c) => c.textContent));
  assert.deepEqual(spans, ["膨胀后卷积核覆盖范围 = 2×(3−1)+1 = 5"], "once for both axes");
  await dilated.page.close();
  await page.close();
  assertNoErrors(errors);
  assertNoErrors(dilated.errors);
});

test("ReLU and the block open on negative values", async () => {
  const { page, errors } = await open("?op=relu");
  const input = await gridNumbers(page, "input-0");
  assert.ok(input.flat().some((v) => v < 0), `negative inputs: ${JSON.stringify(input)}`);
  await press(page, "end");
  const output = await gridNumbers(page, "output-0");
  assert.deepEqual(output, input.map((row) => row.map((v) => Math.max(0, v))));
  // The last step of the block's convolution (6×6 → 4×4): its whole output is on screen.
  const block = await open("?op=block&step=16");
  const convolved = (await gridNumbers(block.page, "map-1-0")).flat();
  assert.ok(convolved.some((v) => v < 0) && convolved.some((v) => v > 0), `mixed signs: ${convolved}`);
  await block.page.close();
  await page.close();
  assertNoErrors(errors);
  assertNoErrors(block.errors);
});

test("pooling opens at 2×2, stride 2, and convolution comes back to 3×3, stride 1", async () => {
  const { page, errors } = await open("?op=max-pool");
  const window = async () =>
    Promise.all(["#kernel-h", "#kernel-w", "#stride-h", "#stride-w"].map((field) => page.inputValue(field)));
  assert.deepEqual(await window(), ["2", "2", "2", "2"]);
  await page.selectOption("#operation", "conv");
  assert.deepEqual(await window(), ["3", "3", "1", "1"]);
  await page.selectOption("#operation", "avg-pool");
  assert.deepEqual(await window(), ["2", "2", "2", "2"]);
  // A size the learner typed stays (unlocked, so that only the rows change).
  await page.click("#kernel-lock");
  await page.fill("#kernel-h", "3");
  await page.selectOption("#operation", "conv");
  assert.deepEqual(await window(), ["3", "2", "1", "1"]);
  await page.close();
  assertNoErrors(errors);
});

test("the calculation labels its running totals and names the bias", async () => {
  const { page, errors } = await open("");
  const equation = await page.textContent(".arithmetic .equation");
  assert.match(equation, /^\s*running total/);
  assert.match(equation, /\+ bias 0 = 15$/);
  await page.close();
  assertNoErrors(errors);
});

test("a link can open with a sample picture in the pictures panel", async () => {
  const { page, errors } = await open("?pic=shapes");
  await page.waitForSelector("[data-testid='full-size']");
  assert.equal((await gridNumbers(page, "input-0")).length, 16, "the picture at 16×16 is the input");
  await page.waitForFunction(() => location.search.includes("pic=shapes"));
  await page.close();
  assertNoErrors(errors);
});
