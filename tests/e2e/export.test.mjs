// Saving pictures, in Chromium: the SVG is the step as the page shows it, the PNG is that SVG at
// twice the size, and the GIF has one frame per step at the playback speed, decoded by the
// browser's own ImageDecoder.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { open, press, assertNoErrors } from "./harness.mjs";

/** Clicks a save button and returns the downloaded file's name and bytes. */
async function save(page, format) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(`[data-action='save-${format}']`)]);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
}

/** `[width, height]` of an SVG document. */
function svgSize(text) {
  const match = text.match(/^<svg [^>]*?width="(\d+)" height="(\d+)" viewBox="0 0 (\d+) (\d+)"/);
  assert.ok(match, "an <svg> with width, height and viewBox");
  assert.deepEqual([match[3], match[4]], [match[1], match[2]]);
  return [Number(match[1]), Number(match[2])];
}

/** The blocks of a GIF file: its logical screen size, and each frame's delay and rectangle. */
function gifBlocks(bytes) {
  assert.equal(bytes.subarray(0, 6).toString("latin1"), "GIF89a");
  const screen = [bytes.readUInt16LE(6), bytes.readUInt16LE(8)];
  const flags = bytes[10];
  let at = 13 + (flags & 0x80 ? 3 * (2 << (flags & 7)) : 0);
  const frames = [];
  let delay = 0;
  const skipSubBlocks = () => {
    while (bytes[at] !== 0) at += bytes[at] + 1;
    at += 1;
  };
  for (;;) {
    const block = bytes[at];
    if (block === 0x3b) break;
    if (block === 0x21) {
      if (bytes[at + 1] === 0xf9) delay = bytes.readUInt16LE(at + 4);
      at += 2;
      skipSubBlocks();
    } else if (block === 0x2c) {
      const [left, top, width, height] = [1, 3, 5, 7].map((offset) => bytes.readUInt16LE(at + offset));
      const local = bytes[at + 9];
      at += 10 + (local & 0x80 ? 3 * (2 << (local & 7)) : 0) + 1;
      skipSubBlocks();
      frames.push({ delay, left, top, width, height });
    } else {
      throw new Error(`unexpected GIF block ${block} at ${at}`);
    }
  }
  return { screen, frames };
}

test("the SVG is this step's picture, with the value the page shows", async () => {
  const { page, errors } = await open("?in=5x5&k=3&pad=1&step=7&seed=5");
  const { name, bytes } = await save(page, "svg");
  assert.equal(name, "convstep-step-7.svg");
  const svg = bytes.toString("utf8");
  svgSize(svg);
  const value = await page.textContent("[data-testid='step-value']");
  assert.match(svg, new RegExp(`class="result"[^>]*>${value}</text>`));
  // The window's nine cells are marked on the input, as on the page.
  assert.equal(svg.match(/<g class="cell value tap">/g).length, 9);
  assert.match(svg, /Step 7 of 25/);
  await page.close();
  assertNoErrors(errors);
});

test("the PNG is the SVG drawn at twice its size", async () => {
  for (const query of ["?in=4x4&step=3", "?op=max-pool&in=6&step=4&theme=projector&lang=zh"]) {
    const { page, errors } = await open(query);
    const [width, height] = svgSize((await save(page, "svg")).bytes.toString("utf8"));
    const { name, bytes } = await save(page, "png");
    assert.match(name, /^convstep-step-\d+\.png$/);
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(bytes.subarray(12, 16).toString("latin1"), "IHDR");
    assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [2 * width, 2 * height], query);
    assert.equal(await page.textContent("[data-testid='save-status']"), "");
    await page.close();
    assertNoErrors(errors);
  }
});

test("the GIF has a frame per step at the playback speed, and the browser decodes it", async () => {
  const { page, errors } = await open("?in=4x4&seed=3");
  // The largest of the run's pictures sets the GIF's size.
  const sizes = [];
  for (let step = 0; step < 4; step++) {
    sizes.push(svgSize((await save(page, "svg")).bytes.toString("utf8")));
    if (step < 3) await press(page, "forward");
  }
  const largest = [Math.max(...sizes.map((size) => size[0])), Math.max(...sizes.map((size) => size[1]))];
  const { name, bytes } = await save(page, "gif");
  assert.equal(name, "convstep-run.gif");
  const { screen, frames } = gifBlocks(bytes);
  assert.deepEqual(screen, largest);
  assert.equal(frames.length, 4);
  // 2 steps a second, the default speed: half a second a frame.
  assert.deepEqual(frames.map((frame) => frame.delay), [50, 50, 50, 50]);
  // After the first, a frame holds only the part of the picture that changed.
  assert.deepEqual([frames[0].width, frames[0].height], largest);
  assert.ok(frames.slice(1).every((frame) => frame.width * frame.height < largest[0] * largest[1]));

  const decoded = await page.evaluate(async (base64) => {
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const decoder = new ImageDecoder({ data, type: "image/gif" });
    await decoder.tracks.ready;
    await decoder.completed;
    const frameCount = decoder.tracks.selectedTrack.frameCount;
    const pixels = async (frameIndex) => {
      const { image } = await decoder.decode({ frameIndex });
      const canvas = new OffscreenCanvas(image.displayWidth, image.displayHeight);
      const context = canvas.getContext("2d");
      context.drawImage(image, 0, 0);
      const size = [image.displayWidth, image.displayHeight];
      image.close();
      return { size, data: Array.from(context.getImageData(0, 0, size[0], size[1]).data) };
    };
    const [first, last] = [await pixels(0), await pixels(frameCount - 1)];
    const changed = first.data.filter((value, index) => value !== last.data[index]).length;
    return { frameCount, sizes: [first.size, last.size], changed, opaque: first.data.every((v, i) => i % 4 !== 3 || v === 255) };
  }, bytes.toString("base64"));
  assert.equal(decoded.frameCount, 4);
  assert.deepEqual(decoded.sizes, [largest, largest]);
  assert.ok(decoded.opaque, "the first frame covers the whole picture");
  assert.ok(decoded.changed > 0, "the last frame shows another step");
  await page.close();
  assertNoErrors(errors);
});

test("a long run makes a GIF of its first 300 steps, says so, and the page answers meanwhile", async () => {
  const { page, errors } = await open("?in=18x18&k=1&lang=zh");
  assert.match(await page.textContent(".save-picture"), /保存图片/);
  await page.click("[data-action='save-gif']");
  await page.waitForFunction(() => /第 \d+ 帧，共 300 帧/.test(document.querySelector("[data-testid='save-status']").textContent));
  assert.match(await page.textContent("[data-testid='save-status']"), /全部 324 步中的前 300 步/);
  assert.equal(await page.isDisabled("[data-action='save-gif']"), true);
  // The page still steps while the GIF is being made.
  await press(page, "forward");
  await page.waitForFunction(() => document.querySelector("[data-testid='step-count']").textContent.startsWith("第 2 步"));
  assert.match(await page.textContent("[data-testid='save-status']"), /帧，共 300 帧/);
  await page.close();
  assertNoErrors(errors);
});
