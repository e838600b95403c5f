// The code behind the picture, in Chromium: the code follows the step, the im2col row is the
// grid's window, and tensors paste in every accepted form (and a malformed one is refused).
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, press, gridNumbers, marked, assertNoErrors } from "./harness.mjs";

const loopValues = (page) => page.textContent("[data-testid='loop-values']");
const slice = (page) => page.textContent("[data-testid='window-slice']");
const currentLine = (page) => page.textContent("[data-testid='code-current']");

test("the NumPy code highlights the line computing the cell and shows the loop values", async () => {
  const { page, errors } = await open("?in=5x5&k=3&pad=1");
  await page.click("[data-tab='numpy']");
  assert.match(await currentLine(page), /y\[f, oh, ow\] = /);
  assert.match(await loopValues(page), /f = 0, oh = 0, ow = 0, r0 = 0, c0 = 0/);
  assert.equal(await slice(page), "x[:, 0:3, 0:3]");
  // Step 7 of a 5×5 output is row 1, column 1 (from 0): the window starts at padded (1, 1).
  await press(page, "forward", 6);
  await page.waitForFunction(() => document.querySelector("[data-testid='loop-values']").textContent.includes("oh = 1, ow = 1"));
  assert.equal(await slice(page), "x[:, 1:4, 1:4]");
  await page.close();
  assertNoErrors(errors);
});

test("stride and dilation are written into the slice with the actual numbers", async () => {
  const { page, errors } = await open("?in=7x7&k=3&s=2&step=6");
  await page.click("[data-tab='numpy']");
  // Output 3×3; step 6 is row 1, column 2: the window starts at (2, 4).
  assert.match(await loopValues(page), /oh = 1, ow = 2, r0 = 2, c0 = 4/);
  assert.equal(await slice(page), "x[:, 2:5, 4:7]");
  await page.goto(page.url().replace(/\?.*/, "?in=7x7&k=3&d=2&step=2"));
  await page.waitForSelector("[data-grid='input-0']");
  await page.click("[data-tab='numpy']");
  // Dilation 2 spans 5 cells, every second one read.
  assert.equal(await slice(page), "x[:, 0:5:2, 1:6:2]");
  await page.close();
  assertNoErrors(errors);
});

test("in the block the highlighted line moves from stage to stage", async () => {
  const { page, errors } = await open("?op=block&in=6");
  await page.click("[data-tab='pytorch']");
  assert.match(await currentLine(page), /conv2d/);
  await page.click(".playback [data-action='next-stage']");
  await page.waitForFunction(() => /relu/.test(document.querySelector("[data-testid='code-current']").textContent));
  await page.click(".playback [data-action='next-stage']");
  await page.waitForFunction(() => /max_pool2d|pool/.test(document.querySelector("[data-testid='code-current']").textContent));
  await page.close();
  assertNoErrors(errors);
});

test("the highlighted im2col row holds exactly the values of the window on the grid", async () => {
  const { page, errors } = await open("?in=5x5&k=3&pad=1&step=9");
  await page.click("[data-tab='im2col']");
  const row = await page.$$eval("[data-testid='im2col-current'] td", (cells) =>
    cells.map((cell) => Number(cell.textContent.replace(/\u2212/g, "-"))),
  );
  // The grid's window, in kernel order (row-major within the window).
  const grid = await gridNumbers(page, "input-0");
  const taps = await marked(page, "input-0", "tap");
  const window = taps.map(([r, c]) => Number(grid[r][c]));
  assert.equal(window.length, 9);
  assert.deepEqual(row, window);
  // Its output is the cell being written.
  const y = await page.textContent("[data-testid='im2col-output']");
  assert.equal(y.replace(/\u2212/g, "-"), await page.textContent("[data-testid='step-value']"));
  await page.close();
  assertNoErrors(errors);
});

const FORMS = [
  ["PyTorch", "tensor([[1., 2., 3.],\n        [4., 5., 6.],\n        [7., 8., 9.]])"],
  ["NumPy", "array([[1., 2., 3.],\n       [4., 5., 6.],\n       [7., 8., 9.]], dtype=float32)"],
  ["nested lists", "[[1, 2, 3], [4, 5, 6], [7, 8, 9]]"],
  ["JSON", "[[1,2,3],[4,5,6],[7,8,9]]"],
];

for (const [name, text] of FORMS) {
  test(`a tensor pasted in ${name} form becomes the input`, async () => {
    const { page, errors } = await open("?in=5x5&k=2");
    await page.click("[data-tab='tensors']");
    await page.fill("#paste", text);
    await page.click("[data-action='paste-input']");
    await page.waitForFunction(() => document.querySelectorAll("[data-grid='input-0'] tr").length === 3);
    assert.deepEqual(await gridNumbers(page, "input-0"), [[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    assert.equal(await page.inputValue("#input-h"), "3");
    assert.equal(await page.textContent("[data-testid='paste-message']"), "");
    await page.close();
    assertNoErrors(errors);
  });
}

test("a pasted kernel sets the kernel, and the output can be written out as JSON", async () => {
  const { page, errors } = await open("?in=3x3&x=1,2,3,4,5,6,7,8,9");
  await page.click("[data-tab='tensors']");
  await page.fill("#paste", "tensor([[[[1., 0.], [0., -1.]]]])");
  await page.click("[data-action='paste-kernel']");
  await page.waitForFunction(() => document.querySelectorAll("[data-grid='kernel-0'] tr").length === 2);
  assert.deepEqual(await gridNumbers(page, "kernel-0"), [[1, 0], [0, -1]]);
  await page.selectOption("#write-map", "1");
  await page.selectOption("#write-form", "3");
  // x[r][c] - x[r+1][c+1] = -4 everywhere.
  assert.equal(await page.textContent("[data-testid='tensor-out']"), "[[[-4,-4],[-4,-4]]]");
  // The kernel is written out too, one past the maps.
  await page.selectOption("#write-map", "2");
  assert.equal(await page.textContent("[data-testid='tensor-out']"), "[[[[1,0],[0,-1]]]]");
  await page.close();
  assertNoErrors(errors);
});

test("a malformed paste is refused with its reason, and the text stays", async () => {
  const { page, errors } = await open("?in=4x4");
  await page.click("[data-tab='tensors']");
  const ragged = "tensor([[1., 2.], [3.]])";
  await page.fill("#paste", ragged);
  await page.click("[data-action='paste-input']");
  assert.match(await page.textContent("[data-testid='paste-message']"), /row 2 has 1 value/i);
  assert.equal(await page.inputValue("#paste"), ragged);
  assert.equal(await page.getAttribute("#paste", "aria-invalid"), "true");
  // A shape that does not fit names both shapes.
  await page.fill("#paste", "[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]");
  await page.click("[data-action='paste-input']");
  assert.match(await page.textContent("[data-testid='paste-message']"), /2×2×2.*1 channel/);
  assert.deepEqual((await gridNumbers(page, "input-0")).length, 4, "the input is unchanged");
  await page.close();
  assertNoErrors(errors);
});

test("above the size that fits, and for layers without a kernel, the matrix view says why", async () => {
  const { page, errors } = await open("?in=20x20");
  await page.click("[data-tab='im2col']");
  // 18×18 = 324 windows: more rows than fit.
  assert.match(await page.textContent("[data-testid='matrix-unavailable']"), /324/);
  await page.click("[data-tab='toeplitz']");
  assert.match(await page.textContent("[data-testid='matrix-unavailable']"), /.+/);
  await page.goto(page.url().replace(/\?.*/, "?op=relu"));
  await page.waitForSelector("[data-grid='input-0']");
  await page.click("[data-tab='im2col']");
  assert.match(await page.textContent("[data-testid='matrix-unavailable']"), /convolution/i);
  await page.close();
  assertNoErrors(errors);
});

test("the code panel hides with hide=code, and embed mode shows it only when asked", async () => {
  for (const [query, shown] of [
    ["?in=4x4", 1],
    ["?in=4x4&hide=code", 0],
    ["?in=4x4&embed=1", 0],
    ["?in=4x4&embed=1&show=code", 1],
  ]) {
    const { page, errors } = await open(query);
    assert.equal(await page.locator("[data-testid='code-panel']").count(), shown, query);
    await page.close();
    assertNoErrors(errors);
  }
});
