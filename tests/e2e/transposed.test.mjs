// Transposed convolution in Chromium: both views stepped against a reference written here, the
// output size and its formula, the gather view's inserted zeros, and one output for both views.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, press, gridNumbers, marked, assertNoErrors } from "./harness.mjs";

/**
 * conv_transpose2d from its definition (PyTorch's), independent of the engine: every input
 * cell x[i][j] scales the kernel, whose weight w[a][b] lands on output cell
 * (i·s_h + a·d_h − top, j·s_w + b·d_w − left); what lands outside is cropped. Scattering only
 * the first `steps` input cells (raster order) gives the output as it stands after that step,
 * with `null` where nothing has landed yet.
 */
function convTranspose2d(x, w, { stride = [1, 1], pads = [0, 0, 0, 0], outpad = [0, 0], dilation = [1, 1], steps = Infinity }) {
  const [sh, sw] = stride;
  const [top, left, bottom, right] = pads;
  const [dh, dw] = dilation;
  const rows = (x.length - 1) * sh - top - bottom + dh * (w.length - 1) + outpad[0] + 1;
  const columns = (x[0].length - 1) * sw - left - right + dw * (w[0].length - 1) + outpad[1] + 1;
  const y = Array.from({ length: rows }, () => Array(columns).fill(null));
  let step = 0;
  x.forEach((line, i) =>
    line.forEach((value, j) => {
      if (step++ >= steps) return;
      w.forEach((weights, a) =>
        weights.forEach((weight, b) => {
          const [r, c] = [i * sh + a * dh - top, j * sw + b * dw - left];
          if (r >= 0 && r < rows && c >= 0 && c < columns) y[r][c] = (y[r][c] ?? 0) + value * weight;
        }),
      );
    }),
  );
  return y;
}

const zeroed = (y) => y.map((row) => row.map((value) => value ?? 0));
const asGrid = (y) => y.map((row) => row.map((value) => (value === null ? "" : value)));
const stepCount = (page) => page.textContent("[data-testid='step-count']");
const formulas = (page) => page.$$eval("[data-testid='formula']", (codes) => codes.map((code) => code.textContent));

// The fresh example: the tutorial's 2×2 corner and 3×3 kernel, stride 2.
const FRESH = { x: [[1, 2], [0, 1]], w: [[2, 0, 1], [0, 1, 2], [1, 0, 2]], stride: [2, 2] };

// Uneven everything: a 3×2 input, a 3×2 kernel, stride (2, 3), output padding (1, 2), and
// padding top 1, right 1 cropped away.
const UNEVEN = {
  query: "?op=conv-transpose&in=3x2&k=3x2&s=2x3&outpad=1x2&pad=1,0,0,1&x=1,-2,3,0,2,1&w=1,2,-1,0,3,1",
  x: [[1, -2], [3, 0], [2, 1]],
  w: [[1, 2], [-1, 0], [3, 1]],
  stride: [2, 3],
  pads: [1, 0, 0, 1],
  outpad: [1, 2],
};

test("the fresh example grows 2×2 to 5×5, stepped one output cell at a time as the reference gives", async () => {
  const { page, errors } = await open("?op=conv-transpose");
  const want = zeroed(convTranspose2d(FRESH.x, FRESH.w, FRESH));
  assert.equal(want.length, 5);
  assert.match(await stepCount(page), /of 25$/);
  assert.deepEqual(await formulas(page), ["(2 − 1)·2 − 0 − 0 + 1·(3 − 1) + 0 + 1 = 5"]);
  for (let step = 0; step < 25; step++) {
    const [row, column] = [Math.floor(step / 5), step % 5];
    const value = Number((await page.textContent("[data-testid='step-value']")).replace("\u2212", "-"));
    assert.equal(value, want[row][column], `step ${step + 1}: output (${row}, ${column})`);
    assert.deepEqual(await marked(page, "output-0", "current"), [[row, column]]);
    if (step < 24) await press(page, "forward");
  }
  assert.deepEqual(await gridNumbers(page, "output-0"), want);
  await page.close();
  assertNoErrors(errors);
});

test("the gather view draws the input with zeros inserted between its cells and padding around", async () => {
  const { page, errors } = await open("?op=conv-transpose");
  // 5 output cells + 3 − 1 = 7 cells a side; the input's cells 2 apart, 2 cells in from the edge.
  const grid = await gridNumbers(page, "input-0");
  assert.equal(grid.length, 7);
  assert.ok(grid.every((row) => row.length === 7));
  const cells = [[2, 2], [2, 4], [4, 2], [4, 4]];
  assert.deepEqual(await marked(page, "input-0", "value"), cells);
  assert.deepEqual(cells.map(([r, c]) => grid[r][c]), [1, 2, 0, 1]);
  assert.deepEqual(await marked(page, "input-0", "inserted"), [[2, 3], [3, 2], [3, 3], [3, 4], [4, 3]]);
  assert.equal((await marked(page, "input-0", "padding")).length, 49 - 9);
  // The first window reads the top-left 3×3 of the grid, with the kernel rotated 180°.
  const window = await marked(page, "input-0", "tap");
  assert.deepEqual(window, [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2], [2, 0], [2, 1], [2, 2]]);
  assert.deepEqual(await gridNumbers(page, "kernel-0"), FRESH.w.map((row) => [...row].reverse()).reverse());
  assert.match(await page.textContent("figure.kernel figcaption"), /Rotated kernel/);
  assert.match(await page.textContent("[data-testid='overlap']"), /4/);
  await page.close();
  assertNoErrors(errors);
});

test("the scatter view steps the input cells, each output as the reference has it so far", async () => {
  const { page, errors } = await open(UNEVEN.query);
  const full = convTranspose2d(UNEVEN.x, UNEVEN.w, UNEVEN);
  // Rows (3 − 1)·2 − 1 − 0 + 1·(3 − 1) + 1 + 1 = 7; columns (2 − 1)·3 − 0 − 1 + 1·(2 − 1) + 2 + 1 = 6.
  assert.deepEqual(await formulas(page), [
    "(3 − 1)·2 − 1 − 0 + 1·(3 − 1) + 1 + 1 = 7",
    "(2 − 1)·3 − 0 − 1 + 1·(2 − 1) + 2 + 1 = 6",
  ]);
  await press(page, "end");
  const gathered = await gridNumbers(page, "output-0");
  assert.deepEqual(gathered, zeroed(full));
  assert.equal(gathered.length, 7);
  assert.equal(gathered[0].length, 6);

  await page.click("#scatter-view");
  await page.waitForFunction(() => /of 6$/.test(document.querySelector("[data-testid='step-count']").textContent));
  assert.match(await page.textContent("#views-agree"), /same output, to the bit/);
  await page.waitForFunction(() => location.search.includes("view=scatter"));
  await press(page, "start");
  for (let step = 0; step < 6; step++) {
    // Cells nothing ever lands on hold the bias, 0, from the start.
    const sofar = convTranspose2d(UNEVEN.x, UNEVEN.w, { ...UNEVEN, steps: step + 1 });
    const want = asGrid(sofar.map((row, r) => row.map((value, c) => (full[r][c] === null ? 0 : value))));
    assert.deepEqual(await gridNumbers(page, "output-0"), want, `after scatter step ${step + 1}`);
    const [i, j] = [Math.floor(step / 2), step % 2];
    assert.deepEqual(await marked(page, "input-0", "current"), [[i, j]]);
    if (step < 5) await press(page, "forward");
  }
  // Both views end with the same output.
  assert.deepEqual(await gridNumbers(page, "output-0"), gathered);

  // The first input cell's top kernel row lands above the output: the padding crops it.
  await press(page, "start");
  const totals = await page.$$eval(".arithmetic .running", (spans) => spans.map((span) => span.textContent));
  assert.deepEqual(totals.slice(0, 2), ["cropped", "cropped"]);
  assert.equal(totals.length, 6);
  // The window it paints: rows 0–1 of the output (row −1 cropped), columns 0–1.
  assert.deepEqual(await marked(page, "output-0", "tap"), [[0, 0], [0, 1], [1, 0], [1, 1]]);

  // Back to the gather view: the same output again.
  await page.click("#scatter-view");
  await page.waitForFunction(() => /of 42$/.test(document.querySelector("[data-testid='step-count']").textContent));
  await press(page, "end");
  assert.deepEqual(await gridNumbers(page, "output-0"), gathered);
  await page.close();
  assertNoErrors(errors);
});

test("a link opens the scatter view, and output padding past the stride is refused with a message", async () => {
  const { page, errors } = await open("?op=conv-transpose&view=scatter&lang=zh");
  assert.match(await page.textContent("[data-testid='step-count']"), /4/);
  assert.match(await page.textContent("#views-agree"), /完全相同/);
  await page.close();
  const refused = await open("?op=conv-transpose&outpad=2");
  assert.match(await refused.page.textContent("[data-testid='error']"), /output padding|output_padding/i);
  await refused.page.close();
  assertNoErrors(errors);
});

test("the output padding field adds a row and a column, and the formula follows live", async () => {
  const { page, errors } = await open("?op=conv-transpose");
  // Its explanation is its own, not padding's.
  await page.getByRole("button", { name: "What is output padding?" }).click();
  assert.match(await page.locator("[role='tooltip']:visible").textContent(), /smaller than the stride or the dilation/);
  await page.keyboard.press("Escape");
  await page.fill("#output-padding-h", "1");
  await page.waitForFunction(() => location.search.includes("outpad=1"));
  assert.deepEqual(await formulas(page), ["(2 − 1)·2 − 0 − 0 + 1·(3 − 1) + 1 + 1 = 6"]);
  await press(page, "end");
  const want = zeroed(convTranspose2d(FRESH.x, FRESH.w, { ...FRESH, outpad: [1, 1] }));
  assert.deepEqual(await gridNumbers(page, "output-0"), want);
  // As large as the stride, it is refused, and the page says why.
  await page.fill("#output-padding-h", "2");
  assert.match(await page.textContent("[data-testid='error']"), /output padding 2 must be smaller than the stride/);
  await page.close();
  assertNoErrors(errors);
});

test("groups split a transposed convolution: each filter scatters its group's channels, the others dimmed", async () => {
  // Two 2×2 channels, four filters in two groups, 2×2 kernels with stride 2: filters 1–2 read
  // channel 1, filters 3–4 channel 2. The link gives the kernel filter by filter, one slice each.
  const x = [
    [
      [1, -2],
      [3, 4],
    ],
    [
      [2, 0],
      [-1, 1],
    ],
  ];
  const w = [
    [
      [1, 2],
      [3, 4],
    ],
    [
      [0, 1],
      [1, 0],
    ],
    [
      [-1, 1],
      [2, 2],
    ],
    [
      [1, 1],
      [1, -1],
    ],
  ];
  const { page, errors } = await open(`?op=conv-transpose&in=2x2&ch=2&f=4&g=2&k=2&s=2&x=${x.flat(2).join(",")}&w=${w.flat(2).join(",")}`);
  assert.equal(await page.inputValue("#groups"), "2");
  const dimmed = () =>
    page.$$eval(".figure.input .plane", (planes) => planes.map((plane) => plane.classList.contains("outside-group")));
  assert.deepEqual(await dimmed(), [false, true], "filter 1 reads channel 1 only");
  // (2 − 1)·2 + 2 = 4 rows and columns per filter, 4 filters: the last step is filter 4's.
  await press(page, "end");
  assert.equal(await stepCount(page), "Step 64 of 64");
  assert.deepEqual(await dimmed(), [true, false], "filter 4 reads channel 2 only");
  for (const f of [0, 1, 2, 3]) {
    assert.deepEqual(await gridNumbers(page, `output-${f}`), zeroed(convTranspose2d(x[f < 2 ? 0 : 1], w[f], { stride: [2, 2] })));
  }
  // One kernel slice per filter; groups that do not divide the filters are refused, saying so.
  assert.equal(await page.locator(".figure.kernel [data-grid]").count(), 4);
  await page.fill("#filters", "3");
  assert.match(await page.textContent("[data-testid='error']"), /divide both/);
  await page.close();
  assertNoErrors(errors);
});
