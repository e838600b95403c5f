// Multi-channel convolution, the conv → activation → pool block with its receptive field,
// and pictures as input, checked in Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { open, gridNumbers, marked, press, conv2d, assertNoErrors } from "./harness.mjs";

const range = (n) => Array.from({ length: n }, (_, i) => i);

test("a multi-channel step highlights every channel's window and adds the channel sums", async () => {
  // Three 3×3 channels of ones, twos and threes; one 2×2 filter of ones per channel; bias 1.
  const x = [...Array(9).fill(1), ...Array(9).fill(2), ...Array(9).fill(3)];
  const { page, errors } = await open(`?in=3x3&ch=3&k=2&x=${x.join(",")}&w=${Array(12).fill(1).join(",")}&b=1`);
  for (const channel of range(3)) {
    assert.deepEqual(await marked(page, `input-${channel}`, "tap"), [[0, 0], [0, 1], [1, 0], [1, 1]]);
  }
  const lines = await page.$$eval(".arithmetic .equation", (ps) => ps.map((p) => p.textContent));
  assert.equal(lines.length, 4, "one line per channel, then the total");
  assert.match(lines[0], /= 4$/);
  assert.match(lines[1], /= 8$/);
  assert.match(lines[2], /= 12$/);
  assert.match(lines[3], /4 \+ 8 \+ 12 \+ bias 1 = 25/);
  assert.equal(await page.locator(".figure.input .plane-title", { hasText: "G" }).count(), 1, "RGB channels are labelled");
  await page.close();
  assertNoErrors(errors);
});

test("the block steps through convolution, ReLU and max pooling in order", async () => {
  const x = [
    [1, -2, 3, 0, 1],
    [0, 1, -2, 3, -1],
    [3, 0, 1, -2, 2],
    [-2, 3, 0, 1, 0],
    [1, 1, -1, 0, 2],
  ];
  const w = [
    [1, -1],
    [-1, 1],
  ];
  const query = `?op=block&in=5x5&k=2&x=${x.flat().join(",")}&w=${w.flat().join(",")}&pk=2&ps=2`;
  const { page, errors } = await open(query);
  assert.match(await page.textContent("[data-testid='stage']"), /Stage 1 of 3: Convolution/);
  const conv = conv2d(x, w);
  const relu = conv.map((row) => row.map((v) => Math.max(0, v)));
  const pooled = [0, 1].map((r) => [0, 1].map((c) => Math.max(relu[2 * r][2 * c], relu[2 * r][2 * c + 1], relu[2 * r + 1][2 * c], relu[2 * r + 1][2 * c + 1])));

  await press(page, "next-stage");
  assert.match(await page.textContent("[data-testid='stage']"), /Stage 2 of 3: ReLU/);
  assert.deepEqual(await gridNumbers(page, "map-1-0"), conv, "the convolution is complete");
  assert.deepEqual((await gridNumbers(page, "map-2-0"))[0][0], relu[0][0]);
  assert.equal((await gridNumbers(page, "map-2-0"))[0][1], "", "later ReLU outputs wait");

  await press(page, "next-stage");
  assert.match(await page.textContent("[data-testid='stage']"), /Stage 3 of 3: Max pooling/);
  await press(page, "end");
  assert.deepEqual(await gridNumbers(page, "map-2-0"), relu);
  assert.deepEqual(await gridNumbers(page, "map-3-0"), pooled);

  await press(page, "previous-stage");
  assert.match(await page.textContent("[data-testid='stage']"), /Stage 3 of 3/);
  await press(page, "previous-stage");
  assert.match(await page.textContent("[data-testid='stage']"), /Stage 2 of 3/);
  await page.close();
  assertNoErrors(errors);
});

test("clicking a cell of the last map traces its receptive field back to the input", async () => {
  // Opened at the last step, the pooling stage shows the ReLU map and the last map.
  const { page, errors } = await open("?op=block&in=6x6&k=3&pk=2&ps=2&seed=3&step=999");
  // Pool output (0, 1) reads ReLU cells rows 0-1, columns 2-3, which read conv outputs
  // the same, which read input rows 0-3, columns 2-5 through the 3×3 kernel.
  await page.click("[data-grid='map-3-0'] tr:nth-child(1) td:nth-child(2)");
  assert.deepEqual(await marked(page, "map-2-0", "receptive"), [[0, 2], [0, 3], [1, 2], [1, 3]]);
  assert.deepEqual(await marked(page, "map-3-0", "traced"), [[0, 1]]);
  // The trace stays while the strip of maps jumps back to the first stage, which reads the input.
  await page.click("[data-stage-map='0']");
  await page.waitForSelector("[data-grid='input-0']");
  const expected = [];
  for (let r = 0; r <= 3; r++) for (let c = 2; c <= 5; c++) expected.push([r, c]);
  assert.deepEqual(await marked(page, "input-0", "receptive"), expected);
  assert.deepEqual(await marked(page, "map-1-0", "receptive"), [[0, 2], [0, 3], [1, 2], [1, 3]]);
  await page.close();
  assertNoErrors(errors);
});

/** Sum of the alpha channel of every canvas in the feature-map pictures: 0 if nothing drawn. */
async function drawnPictures(page) {
  return page.$$eval(".heatmaps canvas", (canvases) =>
    canvases.map((canvas) => {
      const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      let alpha = 0;
      for (let i = 3; i < data.length; i += 4) alpha += data[i];
      return alpha > 0;
    }),
  );
}

test("a sample picture becomes the input and every feature map is drawn", async () => {
  const { page, errors } = await open("?op=block&k=3&f=2");
  await page.click("[data-sample='shapes']");
  await page.waitForFunction(() => document.querySelectorAll("[data-grid='input-0'] tr").length === 16);
  const input = await gridNumbers(page, "input-0");
  assert.equal(input[0].length, 16);
  assert.ok(input.flat().every((v) => v >= 0 && v <= 1), "pixel values scaled to 0–1");
  const drawn = await drawnPictures(page);
  assert.ok(drawn.length >= 1 + 2 + 2 + 2, `input, and two channels of each stage: ${drawn.length}`);
  assert.ok(drawn.every(Boolean));
  // The whole picture at full size: the input and every stage's maps, computed by the engine.
  const fullSizes = await page.$$eval("[data-testid='full-size'] canvas", (all) => all.map((c) => `${c.width}×${c.height}`));
  assert.deepEqual(fullSizes, ["224×224", "222×222", "222×222", "222×222", "222×222", "111×111", "111×111"]);
  assert.match(await page.textContent("[data-testid='full-size'] h3"), /224×224/);
  // Editing a weight redraws the maps at once, at both sizes.
  const drawings = () =>
    page.$$eval("[data-map='1'] canvas", (all) => all.map((c) => c.toDataURL()));
  const before = await drawings();
  await page.click("[data-grid='kernel-0'] tr:nth-child(2) td:nth-child(2)");
  await page.fill(".cell-editor", "9");
  await page.press(".cell-editor", "Enter");
  const after = await drawings();
  assert.equal(after.length, 4, "a step-size and a full-size picture of each of the two filters");
  after.forEach((drawing, i) => assert.notEqual(drawing, before[i], `picture ${i} redrawn`));
  // Once the learner edits an input value, the grids no longer show the picture: no full size.
  await page.click("[data-grid='input-0'] tr:nth-child(1) td:nth-child(1)");
  await page.fill(".cell-editor", "5");
  await page.press(".cell-editor", "Enter");
  await page.waitForFunction(() => !document.querySelector("[data-testid='full-size']"));
  await page.close();
  assertNoErrors(errors);
});

test("an uploaded picture becomes the input; a file that is not a picture is refused", async () => {
  const { page, errors } = await open();
  await page.check("#picture-colour");
  await page.selectOption("#picture-size", "8");
  const house = fs.readFileSync(path.resolve("static/samples/house.png"));
  await page.setInputFiles("#picture-file", { name: "house.png", mimeType: "image/png", buffer: house });
  await page.waitForFunction(() => document.querySelectorAll("[data-grid='input-2'] tr").length === 8);
  assert.equal(await page.locator(".figure.input .plane-title", { hasText: /^R$/ }).count(), 1);
  const before = await gridNumbers(page, "input-0");

  await page.setInputFiles("#picture-file", { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  assert.match(await page.textContent("[data-testid='picture-problem']"), /not a picture/);
  await page.setInputFiles("#picture-file", { name: "fake.png", mimeType: "image/png", buffer: Buffer.from("not really a png") });
  await page.waitForSelector("[data-testid='picture-problem']");
  assert.deepEqual(await gridNumbers(page, "input-0"), before, "the current example stays");
  await page.close();
  // A broken picture makes the browser log a failed image load; anything else is an error.
  assertNoErrors(errors.filter((e) => !/Failed to load resource|ERR_|blob:/.test(e)));
});

test("on a large input the scrolled grids follow the current window", async () => {
  const { page, errors } = await open("?in=64&k=3&seed=2");
  await page.fill(".scrub", "3000");
  const inView = (grid, selector) =>
    page.waitForFunction(
      ([grid, selector]) => {
        const cell = document.querySelector(`[data-grid='${grid}'] ${selector}`);
        const plane = cell?.closest(".plane-cells").getBoundingClientRect();
        const box = cell?.getBoundingClientRect();
        return box && box.top >= plane.top && box.bottom <= plane.bottom && box.left >= plane.left && box.right <= plane.right;
      },
      [grid, selector],
    );
  await inView("output-0", ".cell.current");
  await inView("input-0", ".cell.tap");
  assert.ok((await page.$eval("[data-grid='output-0']", (grid) => grid.closest(".plane-cells").scrollTop)) > 0);
  await page.close();
  assertNoErrors(errors);
});
