// The feature maps as pictures show what each stage does to the size: every map of a chain at
// the same pixels per cell and captioned with its size, the input in grey as a picture is seen,
// and a key to each map's colours with its values. Then a few fixes of the Chinese review: the
// page's language tag, its own file button, the pooling window's words, the legend and the link
// notice. Checked in Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, gridNumbers, press, assertNoErrors } from "./harness.mjs";

/** Every map group of the step view's pictures: its caption, its canvases and its colour key. */
async function stepPictures(page) {
  return page.$$eval(".heatmaps > .heatmap-row > .heatmap-group", (groups) =>
    groups.map((group) => ({
      map: Number(group.dataset.map),
      caption: group.querySelector(".heatmap-caption").textContent,
      canvases: [...group.querySelectorAll("canvas")].map((canvas) => ({
        rows: canvas.height,
        columns: canvas.width,
        width: canvas.getBoundingClientRect().width - 2, // less its 1px border each side
      })),
      key: group.querySelector(".colour-key")?.textContent ?? "",
      keyValues: [...group.querySelectorAll(".colour-key .key-value")].map((value) =>
        Number(value.textContent.replace(/\u2212/g, "-")),
      ),
    })),
  );
}

/** Every value of the convolution's output: its stage stepped to the end, the grids show it whole
 * as the input of the next stage. */
async function convolution(page) {
  await press(page, "next-stage");
  await page.waitForSelector("[data-grid='map-1-0'] td.value");
  return (await gridNumbers(page, "map-1-0")).flat();
}

/** Chooses a sample picture and waits until it is the 16×16 input. */
async function choose(page, sample) {
  await page.click(`[data-sample='${sample}']`);
  await page.waitForSelector("[data-testid='full-size']");
  await page.waitForFunction(() => document.querySelectorAll("[data-grid='input-0'] tr").length === 16);
}

test("in the block on a picture, every map is drawn at the same pixels per cell and captioned with its size", async () => {
  const { page, errors } = await open("?op=block&k=3&pk=2&ps=2&lang=zh");
  await choose(page, "house");
  const groups = await stepPictures(page);
  assert.deepEqual(groups.map((group) => group.map), [0, 1, 2, 3], "the input and the three stages' outputs");
  // 16 → 14 (a 3×3 kernel, no padding) → 14 (ReLU) → 7 (2×2 pooling, stride 2).
  const sides = groups.map((group) => group.canvases[0].columns);
  assert.deepEqual(sides, [16, 14, 14, 7]);
  for (const group of groups) {
    const { rows, columns } = group.canvases[0];
    assert.ok(group.caption.includes(`${rows}×${columns}`), `"${group.caption}" names its size ${rows}×${columns}`);
  }
  const perCell = groups.flatMap((group) => group.canvases.map((canvas) => canvas.width / canvas.columns));
  for (const pixels of perCell) assert.ok(Math.abs(pixels - perCell[0]) < 0.15, `pixels per cell ${perCell}`);
  const [, conv, , pooled] = groups.map((group) => group.canvases[0].width);
  assert.ok(Math.abs(pooled / conv - 0.5) < 0.03, `the pooled map is half as wide as the convolution's: ${pooled} of ${conv}`);
  // The same for the whole picture at full size: 224 → 222 → 111.
  const fullWidths = await page.$$eval("[data-testid='full-size'] .heatmap-group", (all) =>
    all.map((group) => group.querySelector("canvas").getBoundingClientRect().width - 2),
  );
  assert.equal(fullWidths.length, 4);
  assert.ok(Math.abs(fullWidths[3] / fullWidths[1] - 111 / 222) < 0.02, `full size: ${fullWidths}`);
  assert.match(await page.textContent("[data-testid='full-size'] [data-map='3'] .heatmap-caption"), /111×111/);
  await page.close();
  assertNoErrors(errors);
});

test("the input picture is grey, and each map has a colour key with its lowest and highest values", async () => {
  const { page, errors } = await open("?op=block&k=3&pk=2&ps=2&lang=zh");
  await choose(page, "house");
  const pixels = await page.$eval(".heatmaps > .heatmap-row [data-map='0'] canvas", (canvas) => [
    ...canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data,
  ]);
  const colours = new Set();
  for (let i = 0; i < pixels.length; i += 4) {
    assert.ok(pixels[i] === pixels[i + 1] && pixels[i + 1] === pixels[i + 2], `pixel ${i / 4} is grey`);
    colours.add(pixels[i]);
  }
  assert.ok(colours.size > 4, "the house is drawn in several greys");
  // Each pixel's grey is its value in the grid, 0 black to 1 white.
  const input = (await gridNumbers(page, "input-0")).flat();
  input.forEach((value, i) => assert.ok(Math.abs(pixels[i * 4] - value * 255) <= 1, `pixel ${i}: ${pixels[i * 4]} for ${value}`));

  const groups = await stepPictures(page);
  assert.deepEqual(groups[0].keyValues, [0, 1], "the input's key runs from black at 0 to white at 1");
  assert.match(groups[0].key, /由黑到白/);
  // The convolution's key spans exactly the values of its grid.
  const conv = await convolution(page);
  assert.deepEqual(groups[1].keyValues, [Math.min(...conv), Math.max(...conv)]);
  for (const group of groups) assert.equal(group.keyValues.length, 2, `map ${group.map} has a key with two values`);
  await page.close();
  assertNoErrors(errors);
});

test("a map with negative values has a diverging key: blue negative, white 0, red positive", async () => {
  // A vertical edge detector: the house's left walls give negative values, its right walls positive.
  const { page, errors } = await open("?op=block&k=3&w=-1,0,1,-2,0,2,-1,0,1&pk=2&ps=2");
  await choose(page, "house");
  const [, conv] = await stepPictures(page);
  const values = await convolution(page);
  const limit = Math.max(...values.map(Math.abs));
  assert.ok(Math.min(...values) < 0, "the convolution has negative values");
  assert.deepEqual(conv.keyValues, [-limit, limit], "symmetric around 0");
  assert.match(conv.key, /blue negative, white 0, red positive/);
  const pixels = await page.$eval(".heatmaps > .heatmap-row [data-map='1'] canvas", (canvas) => [
    ...canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data,
  ]);
  values.forEach((value, i) => {
    const [r, , b] = pixels.slice(i * 4, i * 4 + 3);
    if (value <= -limit / 4) assert.ok(b > r, `${value} is blue`);
    if (value >= limit / 4) assert.ok(r > b, `${value} is red`);
  });
  await page.close();
  assertNoErrors(errors);
});

test("Chinese page: zh-CN, a Chinese title, the page's own file button, 最大 in the pooling window", async () => {
  const { page, errors } = await open("?op=max-pool&lang=zh");
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  assert.equal(await page.title(), "ConvStep 卷积步进");
  const button = page.locator("label[for='picture-file']");
  assert.equal(await button.textContent(), "选择图片…");
  assert.ok(await button.isVisible());
  // The browser's own input stays in the page, hidden, and takes the keyboard focus.
  const input = await page.$eval("#picture-file", (element) => {
    element.focus();
    return { focused: document.activeElement === element, width: element.getBoundingClientRect().width };
  });
  assert.deepEqual(input, { focused: true, width: 1 });
  const cells = await page.$$eval("[data-grid='window'] td", (all) => all.map((cell) => cell.textContent));
  assert.ok(cells.length > 0 && cells.every((cell) => cell === "最大"), `${cells}`);
  const legend = await page.$$eval(".legend-key li", (items) => items.map((item) => item.textContent));
  assert.ok(legend.some((entry) => entry.includes("鼠标所指格的窗口")), `${legend}`);
  assert.ok(legend.some((entry) => entry.includes("追溯格的感受野")), `${legend}`);
  // English again: the switch changes the tag and the title back.
  await page.click("button.lang");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.equal(await page.title(), "ConvStep");
  assert.equal(await button.textContent(), "Choose a picture…");
  await page.close();
  assertNoErrors(errors);
});

test("a link notice names what the parameter sets, in the learner's language", async () => {
  const { page, errors } = await open("?s=abc&lang=zh");
  assert.equal((await page.textContent("[data-testid='link-notice']")).trim(), "链接参数 s（步长）= abc 不在 1–16 范围内，已改用默认值。");
  await page.goto(page.url().split("?")[0] + "?k=0&zoom=2");
  assert.equal(
    (await page.textContent("[data-testid='link-notice']")).trim(),
    "Link parameter k (kernel size) = 0 is not in 1–15, so the default 3 is used. Link parameter zoom was not understood, so its default is used.",
  );
  await page.close();
  assertNoErrors(errors);
});

test("the legend's hover and trace entries are drawn as the grids draw them", async () => {
  const { page, errors } = await open("?op=block");
  const styles = await page.$$eval(".legend-key li .cell", (cells) =>
    cells.map((cell) => ({ classes: cell.className, outline: getComputedStyle(cell).outlineStyle, shadow: getComputedStyle(cell).boxShadow })),
  );
  const hover = styles.find((style) => style.classes.includes("hover-window"));
  assert.equal(hover?.outline, "dashed");
  const traced = styles.find((style) => style.classes.includes("receptive"));
  assert.notEqual(traced?.shadow, "none");
  await page.close();
  assertNoErrors(errors);
});
