// The block's first stage, checked in Chromium against references written here: the
// depthwise-separable pair stepped through both its stages with its counts beside the ordinary
// convolution's, its preset button, and a block that continues after a transposed convolution.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, gridNumbers, marked, press, conv2d, assertNoErrors } from "./harness.mjs";

const range = (n) => Array.from({ length: n }, (_, i) => i);

/** Rows × columns of grid values. */
const size = (grid) => [grid.length, grid[0].length];

/** Two channels of 3×3, each with its own 2×2 filter, then three 1×1 filters with biases. */
const x = [
  [
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ],
  [
    [1, 0, -1],
    [2, 0, -2],
    [3, 0, -3],
  ],
];
const w = [
  [
    [1, 0],
    [0, 1],
  ],
  [
    [0, 1],
    [1, 0],
  ],
];
const pw = [
  [1, 1],
  [2, -1],
  [0, 3],
];
const bias = [0.5, 0, -1];
const separable = `?op=block&first=separable&in=3x3&ch=2&f=3&k=2&x=${x.flat(2).join(",")}&w=${w.flat(2).join(",")}&pw=${pw.flat().join(",")}&b=${bias.join(",")}`;

test("the depthwise-separable block steps depthwise, then pointwise, each as the reference has it", async () => {
  const { page, errors } = await open(separable);
  const stage = () => page.textContent("[data-testid='stage']");
  assert.match(await stage(), /Stage 1 of 4: Depthwise/);
  // Depthwise: filter 0 reads channel 0 only; channel 1 is dimmed.
  const dimmed = () =>
    page.$$eval(".figure.input .plane", (planes) => planes.map((plane) => plane.classList.contains("outside-group")));
  assert.deepEqual(await dimmed(), [false, true]);
  await press(page, "forward", 4);
  assert.deepEqual(await dimmed(), [true, false], "step 5 is filter 1's first output");
  const depthwise = range(2).map((c) => conv2d(x[c], w[c]));
  await press(page, "next-stage");
  assert.match(await stage(), /Stage 2 of 4: Pointwise 1×1/);
  for (const c of range(2)) assert.deepEqual(await gridNumbers(page, `map-1-${c}`), depthwise[c]);
  // The pointwise kernel: one 1×1 plane per filter and channel.
  assert.equal(await page.locator(".figure.kernel [data-grid]").count(), 6);
  for (const f of range(3)) for (const c of range(2)) assert.deepEqual(await gridNumbers(page, `kernel-${2 * f + c}`), [[pw[f][c]]]);
  const pointwise = range(3).map((f) =>
    depthwise[0].map((row, r) => row.map((_, col) => pw[f][0] * depthwise[0][r][col] + pw[f][1] * depthwise[1][r][col] + bias[f])),
  );
  // Step through the pointwise stage to its end: 3 filters × 2×2 cells.
  await press(page, "forward", 11);
  assert.match(await stage(), /Stage 2 of 4/);
  for (const f of range(3)) {
    assert.deepEqual(await gridNumbers(page, `map-2-${f}`), pointwise[f]);
    assert.deepEqual(size(pointwise[f]), [2, 2]);
  }
  // Counts: depthwise 2 × 2×2 weights, no bias; pointwise 3 × 2 weights and 3 biases; both
  // over 2×2 outputs. The ordinary convolution: 3 filters × 2 channels × 2×2.
  const [dw, pwWeights, cells, ordinary] = [2 * 2 * 2, 3 * 2, 2 * 2, 3 * 2 * 2 * 2];
  assert.equal(
    await page.textContent("[data-testid='counts']"),
    `This convolution: weights ${pwWeights} · biases 3 · multiply-adds ${pwWeights * cells}`,
  );
  assert.equal(
    await page.textContent("[data-testid='separable-counts']"),
    `Depthwise + pointwise together: weights ${dw + pwWeights} · biases 3 · multiply-adds ${(dw + pwWeights) * cells}`,
  );
  assert.equal(
    await page.textContent("[data-testid='ungrouped-counts']"),
    `Ordinary convolution, same shape: weights ${ordinary} · biases 3 · multiply-adds ${ordinary * cells}`,
  );
  // ReLU then 2×2 max pooling.
  await press(page, "end");
  const pooled = pointwise.map((plane) => [[Math.max(0, ...plane.flat())]]);
  for (const f of range(3)) assert.deepEqual(await gridNumbers(page, `map-4-${f}`), pooled[f]);
  await page.close();
  assertNoErrors(errors);
});

test("the depthwise-separable button opens the block with the pair's saving as numbers", async () => {
  const { page, errors } = await open("");
  await page.click("#separable");
  await page.waitForFunction(() => location.search.includes("first=separable"));
  assert.equal(await page.inputValue("#block-start"), "separable");
  assert.equal(await page.inputValue("#channels"), "3");
  assert.equal(await page.inputValue("#filters"), "4");
  // The block's 6×6 input, a 3×3 kernel: 4×4 outputs; 3 channels → 4 filters.
  const [c, f, k, cells] = [3, 4, 9, 16];
  const pair = c * k + f * c;
  assert.equal(
    await page.textContent("[data-testid='separable-counts']"),
    `Depthwise + pointwise together: weights ${pair} · biases ${f} · multiply-adds ${pair * cells}`,
  );
  assert.equal(
    await page.textContent("[data-testid='ungrouped-counts']"),
    `Ordinary convolution, same shape: weights ${f * c * k} · biases ${f} · multiply-adds ${f * c * k * cells}`,
  );
  // Typing a pointwise weight (filter 0, channel 0) changes the pointwise stage and the link.
  await press(page, "next-stage");
  assert.match(await page.textContent("[data-testid='stage']"), /Stage 2 of 4: Pointwise 1×1/);
  await page.click("[data-grid='kernel-0'] td");
  await page.fill(".cell-editor", "7");
  await page.press(".cell-editor", "Enter");
  await page.waitForFunction(() => /pw=7,/.test(location.search));
  assert.deepEqual(await gridNumbers(page, "kernel-0"), [[7]]);
  // Filter 0 mixes the complete depthwise maps by its weights (its bias is 0); the next stage
  // reads its whole output.
  const depthwise = await Promise.all(range(c).map((channel) => gridNumbers(page, `map-1-${channel}`)));
  const weights = await Promise.all(range(c).map((channel) => gridNumbers(page, `kernel-${channel}`)));
  await press(page, "next-stage");
  const expected = depthwise[0].map((row, r) => row.map((_, col) => range(c).reduce((sum, ch) => sum + weights[ch][0][0] * depthwise[ch][r][col], 0)));
  assert.deepEqual(await gridNumbers(page, "map-2-0"), expected);
  await page.close();
  assertNoErrors(errors);
});

test("a block continues after a transposed convolution: values, sizes and the traced field", async () => {
  const tx = [
    [1, -2],
    [3, 4],
  ];
  const tw = [
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ];
  const { page, errors } = await open(
    `?op=block&first=conv-transpose&in=2x2&k=3&s=2&x=${tx.flat().join(",")}&w=${tw.flat().join(",")}&b=-20&pk=2&ps=2`,
  );
  assert.match(await page.textContent("[data-testid='stage']"), /Stage 1 of 3: Transposed convolution/);
  // Scatter by hand: each input cell paints the kernel times its value, 2 cells apart.
  const out = range(5).map(() => Array(5).fill(-20));
  for (const i of range(2)) for (const j of range(2)) for (const a of range(3)) for (const b of range(3)) out[2 * i + a][2 * j + b] += tx[i][j] * tw[a][b];
  const relu = out.map((row) => row.map((v) => Math.max(0, v)));
  const pooled = range(2).map((r) => range(2).map((c) => Math.max(relu[2 * r][2 * c], relu[2 * r][2 * c + 1], relu[2 * r + 1][2 * c], relu[2 * r + 1][2 * c + 1])));
  await press(page, "end");
  assert.deepEqual(await gridNumbers(page, "map-2-0"), relu);
  assert.deepEqual(await gridNumbers(page, "map-3-0"), pooled);
  await press(page, "previous-stage", 2);
  assert.match(await page.textContent("[data-testid='stage']"), /Stage 2 of 3/);
  assert.deepEqual(await gridNumbers(page, "map-1-0"), out);
  assert.deepEqual(size(await gridNumbers(page, "map-1-0")), [5, 5]);
  // Tracing pooled (0, 0) back: ReLU rows and columns 0–1, then the one input cell that paints them.
  await press(page, "end");
  await page.click("[data-grid='map-3-0'] tr:nth-child(1) td:nth-child(1)");
  assert.deepEqual(await marked(page, "map-2-0", "receptive"), [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ]);
  await page.click("[data-stage-map='0']");
  await page.waitForSelector("[data-grid='input-0']");
  assert.equal((await marked(page, "input-0", "receptive")).length, 1);
  await page.close();
  assertNoErrors(errors);
});
