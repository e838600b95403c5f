// Learning mode in Chromium: the block's backward pass stepped against a reference written here,
// one training step's arithmetic, and the demonstration in the README (a random kernel learning
// the vertical-edge kernel's output on the digit picture).
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, conv2d, marked, gridNumbers, assertNoErrors } from "./harness.mjs";

const range = (n) => Array.from({ length: n }, (_, i) => i);
const read = (text) => Number(text.replace(/\u2212/g, "-"));
const close = (actual, expected, what) =>
  assert.ok(Math.abs(actual - expected) <= 1e-5 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);

// A 6×6 input and 3×3 kernel of whole numbers; ReLU zeros tie inside the pooling windows.
const x = [
  [1, -2, 3, 0, 1, 2],
  [0, 1, -2, 3, -1, 0],
  [3, 0, 1, -2, 2, 1],
  [-2, 3, 0, 1, 0, -1],
  [1, 1, -1, 0, 2, 3],
  [0, 2, 1, -3, 1, 0],
];
const w = [
  [1, 0, -1],
  [2, -1, 0],
  [0, 1, 1],
];
const block = `?op=block&in=6&x=${x.flat().join(",")}&w=${w.flat().join(",")}`;

/**
 * The block's forward and backward pass from their definitions, independent of the engine, for
 * loss = ½ Σ y² (the target all zeros): dL/dy = y; max pooling routes each window's gradient to
 * its first largest cell (PyTorch's rule); ReLU passes it where its input was above 0; the
 * convolution gives dL/dw[a][b] = Σ g[i][j]·x[i+a][j+b], dL/db = Σ g and dL/dx by scattering.
 */
function reference() {
  const conv = conv2d(x, w);
  const relu = conv.map((row) => row.map((v) => Math.max(0, v)));
  const pooled = [0, 1].map((r) => [0, 1].map((c) => Math.max(...[0, 1].flatMap((a) => [0, 1].map((b) => relu[2 * r + a][2 * c + b])))));
  const loss = 0.5 * pooled.flat().reduce((sum, y) => sum + y * y, 0);
  const reluGradient = relu.map((row) => row.map(() => 0));
  const won = relu.map((row) => row.map(() => false));
  for (const r of [0, 1]) {
    for (const c of [0, 1]) {
      const winner = [0, 1].flatMap((a) => [0, 1].map((b) => [a, b])).find(([a, b]) => relu[2 * r + a][2 * c + b] === pooled[r][c]);
      reluGradient[2 * r + winner[0]][2 * c + winner[1]] += pooled[r][c];
      won[2 * r + winner[0]][2 * c + winner[1]] = true;
    }
  }
  const convGradient = reluGradient.map((row, i) => row.map((g, j) => (conv[i][j] > 0 ? g : 0)));
  const weights = w.map((row, a) => row.map((_, b) => convGradient.flat().reduce((sum, g, k) => sum + g * x[Math.floor(k / 4) + a][(k % 4) + b], 0)));
  const bias = convGradient.flat().reduce((sum, g) => sum + g, 0);
  const input = x.map((row) => row.map(() => 0));
  convGradient.forEach((row, i) => row.forEach((g, j) => w.forEach((line, a) => line.forEach((weight, b) => (input[i + a][j + b] += g * weight)))));
  return { pooled, loss, won, steps: [...reluGradient.flat(), ...convGradient.flat(), ...weights.flat(), bias, ...input.flat()] };
}

test("the block's backward pass steps from the pooling back to the convolution's input", async () => {
  const { page, errors } = await open(`${block}&learn=zeros`);
  const expected = reference();
  close(read(await page.textContent("[data-testid='loss']")), expected.loss, "loss");
  const gradient = await page.$$eval("[data-testid='output-gradient'] td", (cells) => cells.map((cell) => cell.textContent));
  assert.deepEqual(gradient.map(read), expected.pooled.flat(), "∂loss/∂output = output − 0");
  assert.equal(await page.textContent("[data-testid='back-position']"), ` 1 / ${expected.steps.length} `);
  const rules = [];
  for (const [index, value] of expected.steps.entries()) {
    if (index > 0) await page.click("#back-next");
    close(read(await page.textContent("[data-testid='back-value']")), value, `backward step ${index + 1}`);
    rules.push(await page.textContent("[data-testid='back-rule']"));
  }
  assert.match(rules[0], /^Max pooling/);
  assert.match(rules[16], /^Activation/);
  assert.match(rules[32], /^Convolution, by a weight/);
  assert.match(rules[41], /^Convolution, by its bias/);
  assert.match(rules[42], /^Convolution, by its input/);
  assert.ok(await page.isDisabled("#back-next"), "the last step");
  await page.close();
  assertNoErrors(errors);
});

test("one training step subtracts the learning rate times each weight's gradient", async () => {
  const rate = 0.125;
  const { page, errors } = await open(`${block}&learn=zeros&lr=${rate}`);
  const expected = reference().steps.slice(32, 41);
  const updates = async () =>
    page.$$eval("[data-testid='learn-kernel'] td", (cells) =>
      cells.map((cell) => ["old", "change", "new"].map((part) => cell.querySelector(`.${part}`).title.replace(/\u2212/g, "-")).map(Number)),
    );
  const first = await updates();
  first.forEach(([old, change, updated], index) => {
    assert.equal(old, w.flat()[index], "the kernel before training is the example's");
    close(change, -rate * expected[index], `change of weight ${index + 1}`);
    assert.equal(updated, Math.fround(old + change), "new = old + change");
  });
  await page.click("#learn-step");
  assert.match(await page.textContent("[data-testid='trained']"), /After 1 training steps/);
  await page.waitForURL(/trained=1/);
  const second = await updates();
  assert.deepEqual(second.map(([old]) => old), first.map(([, , updated]) => updated), "the next step starts where the last ended");
  await page.close();
  assertNoErrors(errors);
});

test("a random kernel learns the vertical-edge kernel's output on the digit within 100 steps", async () => {
  const { page, errors } = await open("?op=conv&pic=digit&in=8&seed=2&learn=sobel-x");
  // The picture arrives after the first render: its values have decimals, the seed's do not.
  await page.waitForFunction(() => /\./.test(document.querySelector("[data-grid='input-0']").textContent));
  const start = read(await page.textContent("[data-testid='loss']"));
  assert.ok(start > 50, `a random kernel starts far from the target: ${start}`);
  await page.click("#learn-play");
  await page.waitForFunction(() => /After 100 /.test(document.querySelector("[data-testid='trained']").textContent), null, { timeout: 30_000 });
  const end = read(await page.textContent("[data-testid='loss']"));
  assert.ok(end < start / 100, `after 100 steps the loss ${end} is below 1 % of ${start}`);
  const points = await page.getAttribute("[data-testid='loss-plot'] polyline", "points");
  assert.equal(points.split(" ").length, 101, "the plot has the loss at every step");
  assert.equal(await page.locator(".diverges").count(), 0);
  await page.close();
  assertNoErrors(errors);
});

test("after 200 steps the learned kernel reads as Sobel x", async () => {
  const { page, errors } = await open("?op=conv&pic=digit&in=8&seed=2&learn=sobel-x&trained=200");
  await page.waitForFunction(() => /\./.test(document.querySelector("[data-grid='input-0']").textContent));
  const kernel = await page.$$eval("[data-testid='learn-kernel'] td .old", (cells) => cells.map((cell) => cell.title));
  const sobel = [-1, 0, 1, -2, 0, 2, -1, 0, 1];
  kernel.map(read).forEach((weight, index) => assert.ok(Math.abs(weight - sobel[index]) < 0.15, `weight ${index + 1}: ${weight} vs ${sobel[index]}`));
  // The main kernel grid is the learned kernel itself, not the random one training began from.
  const grid = (await gridNumbers(page, "kernel-0")).flat();
  grid.forEach((weight, index) => assert.ok(Math.abs(weight - sobel[index]) < 0.15, `kernel grid ${index + 1}: ${weight} vs ${sobel[index]}`));
  // The trained kernel is not typed over (an edit would change the start, not what is shown);
  // back at the start the kernel is editable again.
  const editable = () => page.locator("[data-grid='kernel-0'] td[tabindex]").count();
  assert.equal(await editable(), 0);
  await page.click("#learn-reset");
  await page.waitForFunction(() => !/\./.test(document.querySelector("[data-grid='kernel-0']").textContent));
  assert.notDeepEqual((await gridNumbers(page, "kernel-0")).flat(), sobel, "back to the random whole-number kernel");
  assert.equal(await editable(), 9);
  await page.close();
  assertNoErrors(errors);
});

test("a learning rate that is too large makes the loss grow, and one sentence says so", async () => {
  const { page, errors } = await open("?op=conv&pic=digit&in=8&seed=2&learn=sobel-x&lr=0.05&trained=10");
  await page.waitForFunction(() => /\./.test(document.querySelector("[data-grid='input-0']").textContent));
  assert.match(await page.textContent(".diverges"), /learning rate overshoots/);
  await page.close();
  assertNoErrors(errors);
});

test("stepping a weight's gradient highlights every window that used it, and the weight on the kernel", async () => {
  const { page, errors } = await open(`${block}&learn=zeros`);
  // Backward steps: 16 pooling cells, 16 activation cells, then the 9 weights. Weight [1, 2]
  // meets input cell [i + 1, j + 2] in the window of output cell [i, j], for i, j in 0..4.
  for (let i = 0; i < 16 + 16 + 5; i += 1) await page.click("#back-next");
  assert.match(await page.textContent("[data-testid='back-rule']"), /^Convolution, by a weight/);
  const windows = range(4).flatMap((i) => range(4).map((j) => [i + 1, j + 2]));
  const sort = (cells) => cells.map(String).sort();
  await page.waitForFunction(() => document.querySelectorAll("[data-grid='input-0'] .tap").length === 16);
  assert.deepEqual(sort(await marked(page, "input-0", "tap")), sort(windows));
  assert.deepEqual(await marked(page, "kernel-0", "current"), [[1, 2]], "the weight being differentiated");
  assert.deepEqual(await marked(page, "kernel-0", "tap"), [], "no forward window");
  // Input cell [1, 1] (step 42 + 7) gathers the output gradients of the windows over it.
  for (let i = 0; i < 4 + 1 + 7; i += 1) await page.click("#back-next");
  assert.match(await page.textContent("[data-testid='back-rule']"), /^Convolution, by its input/);
  assert.deepEqual(await marked(page, "input-0", "current"), [[1, 1]]);
  assert.equal((await page.$$("[data-grid='input-0'] .tap")).length, 0);
  await page.close();
  assertNoErrors(errors);
});

test("a cell no pooling window chose says so, in both languages", async () => {
  const { won } = reference();
  const lost = won.flat().indexOf(false);
  assert.ok(lost >= 0, "the example has a cell that won no window");
  for (const [locale, sentence] of [["en", /no pooling window chose this cell/], ["zh", /没有一个池化窗口选中这个单元/]]) {
    const { page, errors } = await open(`${block}&learn=zeros&lang=${locale}`);
    for (let i = 0; i < lost; i += 1) await page.click("#back-next");
    const terms = await page.textContent("[data-testid='back-terms']");
    assert.match(terms, sentence);
    assert.doesNotMatch(terms, /0 = 0/);
    assert.equal(read(await page.textContent("[data-testid='back-value']")), 0);
    await page.close();
    assertNoErrors(errors);
  }
});

test("a target cell the learner types changes the loss and the link; a value that is not a number is refused", async () => {
  const { pooled } = reference();
  for (const [locale, refusal] of [["en", /“1\.5x” is not a number/], ["zh", /“1\.5x”不是数字/]]) {
    const { page, errors } = await open(`${block}&learn=zeros&lang=${locale}`);
    const cells = page.locator("[data-testid='target-cell']");
    assert.equal(await cells.count(), 4, "the 2×2 output's target, all zeros");
    await cells.nth(0).fill("3");
    await cells.nth(0).press("Enter");
    await page.waitForURL(/te=0(:|%3A)3/);
    const target = [3, 0, 0, 0];
    const loss = 0.5 * pooled.flat().reduce((sum, y, i) => sum + (y - target[i]) ** 2, 0);
    close(read(await page.textContent("[data-testid='loss']")), loss, "loss against the typed target");
    await cells.nth(1).fill("1.5x");
    await cells.nth(1).press("Enter");
    assert.match(await page.textContent("[data-testid='target-refusal']"), refusal);
    assert.equal(await cells.nth(1).inputValue(), "1.5x", "what was typed is kept");
    close(read(await page.textContent("[data-testid='loss']")), loss, "the refused value changes nothing");
    await page.close();
    assertNoErrors(errors);
  }
});

test("the Learn button on the first example opens at a rate whose steps make the loss fall", async () => {
  const { page, errors } = await open("?");
  await page.click("#learn");
  await page.waitForSelector("[data-testid='loss']");
  const rate = read(await page.inputValue("#learn-rate"));
  assert.ok(rate > 0 && rate < 0.03, `the tutorial's whole numbers need a rate below 0.03: ${rate}`);
  const losses = [read(await page.textContent("[data-testid='loss']"))];
  for (let step = 1; step <= 5; step++) {
    await page.click("#learn-step");
    await page.waitForFunction((n) => /\d/.test(document.querySelector("[data-testid='trained']").textContent) &&
      document.querySelector("[data-testid='trained']").textContent.includes(String(n)), step);
    losses.push(read(await page.textContent("[data-testid='loss']")));
  }
  losses.slice(1).forEach((loss, index) => assert.ok(loss < losses[index], `each step lowers the loss: ${losses}`));
  assert.equal(await page.locator(".diverges").count(), 0);
  await page.close();
  assertNoErrors(errors);
});
