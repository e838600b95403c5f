// Padding modes and groups, checked in Chromium against a small reference written here: every
// padding mode stepped to the end, the values the padding ring borrows and the input cell a
// padding cell copies, and the channels a depthwise filter does not read.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, gridNumbers, marked, press, conv2d, assertNoErrors } from "./harness.mjs";

/** The input cell index that padding at index `i` of an axis of `n` cells repeats, as PyTorch
 * pads: reflect mirrors about the edge cell, replicate repeats it, circular wraps around;
 * `null` is a zero. */
function source(i, n, mode) {
  if (i >= 0 && i < n) return i;
  switch (mode) {
    case "reflect":
      return i < 0 ? -i : 2 * (n - 1) - i;
    case "replicate":
      return Math.min(Math.max(i, 0), n - 1);
    case "circular":
      return ((i % n) + n) % n;
    default:
      return null;
  }
}

/** `x` with `pad` cells on every side, filled by `mode`. */
function pad(x, pad, mode) {
  const [rows, columns] = [x.length, x[0].length];
  const out = [];
  for (let r = -pad; r < rows + pad; r++) {
    const line = [];
    for (let c = -pad; c < columns + pad; c++) {
      const [sr, sc] = [source(r, rows, mode), source(c, columns, mode)];
      line.push(sr === null || sc === null ? 0 : x[sr][sc]);
    }
    out.push(line);
  }
  return out;
}

/** The real cells of a padded grid: `pad` cells in from every side. */
function inner(grid, pad) {
  return grid.slice(pad, grid.length - pad).map((row) => row.slice(pad, row.length - pad));
}

for (const mode of ["zeros", "reflect", "replicate", "circular"]) {
  test(`${mode} padding: the ring, every output value and the output size match the reference`, async () => {
    const { page, errors } = await open(`?in=5x4&k=3&pad=2&padmode=${mode}`);
    const shown = await gridNumbers(page, "input-0");
    const x = inner(shown, 2);
    assert.equal(x.length, 5);
    assert.equal(x[0].length, 4);
    // The ring shows the values it borrows (zeros for zeros).
    assert.deepEqual(shown, pad(x, 2, mode));
    const borrowed = (await marked(page, "input-0", "borrowed")).length;
    assert.equal(borrowed, mode === "zeros" ? 0 : 9 * 8 - 5 * 4);
    const w = await gridNumbers(page, "kernel-0");
    const expected = conv2d(pad(x, 2, mode), w);
    // ⌊(5 + 4 − 3) / 1⌋ + 1 = 7 rows, ⌊(4 + 4 − 3) / 1⌋ + 1 = 6 columns.
    assert.equal(expected.length, 7);
    assert.equal(expected[0].length, 6);
    await press(page, "end");
    assert.deepEqual(await gridNumbers(page, "output-0"), expected);
    assert.equal(await page.textContent("[data-testid='step-count']"), "Step 42 of 42");
    assert.equal(await page.inputValue("#padding-fill"), mode);
    await page.close();
    assertNoErrors(errors);
  });
}

test("a link opens reflect padding; hovering a padding cell marks the input cell it copies", async () => {
  const { page, errors } = await open("?in=4&k=3&pad=1&padmode=reflect");
  const grid = await gridNumbers(page, "input-0");
  // The corner copies input row 1, column 1 (grid row 2, column 2): the tutorial's 1.
  assert.equal(grid[0][0], grid[2][2]);
  assert.equal(grid[0][0], 1);
  const corner = page.locator("[data-grid='input-0'] tr").nth(0).locator("td").nth(0);
  assert.match(await corner.getAttribute("class"), /\bpadding\b.*\bborrowed\b/);
  assert.match(await corner.getAttribute("aria-label"), /copy of: row 2, column 2: 1/);
  // The key to the highlights explains copied padding instead of zeros.
  assert.match(await page.textContent(".legend-key"), /padding that copies an input cell/);
  await corner.hover();
  assert.deepEqual(await marked(page, "input-0", "hovered"), [[2, 2]]);
  // Every padding cell that copies input row 1, column 1 is marked: the corner, and the cells
  // above and left of it that mirror across one edge.
  assert.deepEqual(await marked(page, "input-0", "copy"), [
    [0, 0],
    [0, 2],
    [2, 0],
  ]);
  // The right edge's padding at row 3 copies column 2 of input row 2 (grid row 3, column 3).
  await page.locator("[data-grid='input-0'] tr").nth(3).locator("td").nth(5).hover();
  assert.deepEqual(await marked(page, "input-0", "hovered"), [[3, 3]]);
  // The first step reads borrowed cells: the calculation shows them as products.
  const expected = conv2d(pad(inner(grid, 1), 1, "reflect"), await gridNumbers(page, "kernel-0"));
  assert.equal(await page.textContent("[data-testid='step-value']"), String(expected[0][0]));
  await page.close();
  assertNoErrors(errors);
});

test("on a touch screen the first tap on a padding cell marks the cell it copies", async () => {
  const { page, errors } = await open("?in=4&k=3&pad=1&padmode=circular", { width: 375, height: 740, touch: true });
  // Circular: the bottom-right corner wraps to row 0, column 0 (grid row 1, column 1).
  await page.locator("[data-grid='input-0'] tr").nth(5).locator("td").nth(5).tap();
  assert.deepEqual(await marked(page, "input-0", "hovered"), [[1, 1]]);
  await page.close();
  assertNoErrors(errors);
});

test("reflect padding as wide as the input is refused in words", async () => {
  const { page, errors } = await open("?in=4&k=3&pad=4&padmode=reflect");
  assert.match(await page.textContent("[data-testid='error']"), /reflect/i);
  await page.close();
  assertNoErrors(errors);
});

test("depthwise: each filter reads its own channel, the others are dimmed, and the counts show the saving", async () => {
  const { page, errors } = await open("?in=5&ch=4&f=4&g=4&step=9");
  const dimmed = () =>
    page.$$eval(".figure.input .plane", (planes) => planes.map((plane) => plane.classList.contains("outside-group")));
  // Step 9 is filter 1's last output (3×3 outputs each): only channel 1 is bright.
  assert.deepEqual(await dimmed(), [false, true, true, true]);
  await press(page, "forward");
  assert.equal(await page.textContent("[data-testid='step-count']"), "Step 10 of 36");
  assert.deepEqual(await dimmed(), [true, false, true, true]);
  // One 3×3 kernel slice per filter, each named by the channel it reads.
  assert.equal(await page.locator(".figure.kernel [data-grid]").count(), 4);
  assert.match(await page.locator(".figure.kernel .plane-title").nth(1).textContent(), /2.*2/);
  // Filter 2's output is its channel against its slice, and nothing else.
  await press(page, "end");
  for (const filter of [0, 1, 2, 3]) {
    const x = await gridNumbers(page, `input-${filter}`);
    const w = await gridNumbers(page, `kernel-${filter}`);
    assert.deepEqual(await gridNumbers(page, `output-${filter}`), conv2d(x, w));
  }
  // 4 filters × 1 channel × 9 weights over 3×3 outputs, and the one-group convolution's 4 × 4 × 9.
  assert.equal(
    await page.textContent("[data-testid='counts']"),
    "This convolution: weights 36 · biases 4 · multiply-adds 324",
  );
  assert.equal(
    await page.textContent("[data-testid='ungrouped-counts']"),
    "Ordinary convolution, same shape: weights 144 · biases 4 · multiply-adds 1296",
  );
  await page.close();
  assertNoErrors(errors);
});

test("the depthwise and pointwise buttons set groups and the kernel, and the link follows", async () => {
  const { page, errors } = await open("?in=5&ch=3");
  await page.click("#depthwise");
  await page.waitForFunction(() => location.search.includes("g=3"));
  assert.equal(await page.inputValue("#groups"), "3");
  assert.equal(await page.inputValue("#filters"), "3");
  assert.equal(await page.locator(".figure.kernel [data-grid]").count(), 3);
  await page.click("#pointwise");
  await page.waitForFunction(() => !location.search.includes("g=3"));
  assert.equal(await page.inputValue("#kernel-h"), "1");
  assert.equal(await page.locator(".figure.kernel [data-grid]").count(), 9);
  assert.equal(
    await page.textContent("[data-testid='counts']"),
    "This convolution: weights 9 · biases 3 · multiply-adds 225",
  );
  await page.close();
  assertNoErrors(errors);
});
