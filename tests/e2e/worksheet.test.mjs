// The example as a worksheet: the given grids, blank output grids and size formulas to fill in,
// and the answer key on the last page of the PDF, in both languages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, assertNoErrors, conv2d } from "./harness.mjs";

// 2 channels of 5×4, 2 filters of 3×3, stride 2, padding 1: ⌊(5 + 2 − 3) / 2⌋ + 1 = 3 rows and
// ⌊(4 + 2 − 3) / 2⌋ + 1 = 2 columns.
const X = Array.from({ length: 40 }, (_, i) => ((i * 7) % 11) - 5);
const W = Array.from({ length: 36 }, (_, i) => ((i * 5) % 7) - 3);
const B = [1, -2];
const QUERY = `?in=5x4&ch=2&f=2&k=3&s=2&pad=1&x=${X}&w=${W}&b=${B}`;

/** `values` (row-major) as `planes` planes of `rows` rows. */
function planes(values, planes, rows) {
  const columns = values.length / planes / rows;
  return Array.from({ length: planes }, (_, p) =>
    Array.from({ length: rows }, (_, r) => values.slice((p * rows + r) * columns, (p * rows + r + 1) * columns)),
  );
}

/** The convolution worked here from the definition: per filter, the sum over channels, plus the bias. */
function reference() {
  const input = planes(X, 2, 5);
  return [0, 1].map((f) => {
    const kernels = planes(W.slice(f * 18, (f + 1) * 18), 2, 3);
    const sums = input.map((x, c) => conv2d(x, kernels[c], [2, 2], [1, 1, 1, 1]));
    return sums[0].map((row, r) => row.map((value, c) => value + sums[1][r][c] + B[f]));
  });
}

/** Each grid of the worksheet whose `data-sheet` starts with `prefix`, as rows of cell texts. */
function sheetGrids(page, prefix) {
  return page.$$eval(`[data-sheet^='${prefix}']`, (grids) =>
    grids.map((grid) =>
      [...grid.rows].map((row) => [...row.cells].map((cell) => cell.textContent.replace(/\u2212/g, "-").trim())),
    ),
  );
}

/** The PDF's outline, which Chromium writes from the headings of a tagged PDF: each entry's title
 * and the page (from 0) it points to; and the number of pages. */
function outline(pdf) {
  const text = pdf.toString("latin1");
  const objects = new Map();
  for (const match of text.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(match[1], match[2]);
  const root = [...objects.entries()].find(([, body]) => /\/Type\s*\/Pages/.test(body) && !/\/Parent/.test(body));
  const leaves = (id) => {
    const body = objects.get(id) ?? "";
    if (!/\/Type\s*\/Pages/.test(body)) return [id];
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)[1];
    return [...kids.matchAll(/(\d+) 0 R/g)].flatMap((kid) => leaves(kid[1]));
  };
  const pages = leaves(root[0]);
  // A title is a literal string, or UTF-16 (after its byte order mark) in hex when not ASCII.
  const title = (raw) =>
    raw.startsWith("<")
      ? Buffer.from(raw.slice(5, -1).replace(/\s/g, ""), "hex").swap16().toString("utf16le")
      : raw.slice(1, -1).replace(/\\([()\\])/g, "$1");
  const entries = [];
  for (const [, body] of objects) {
    const entry = /\/Title\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))[\s\S]*?\/Dest\s*\[\s*(\d+) 0 R/.exec(body);
    if (entry) entries.push({ title: title(entry[1]), page: pages.indexOf(entry[2]) });
  }
  return { pages: pages.length, entries };
}

/** Checks the sheet on screen and in print, then its PDF; `key` and `first` are the headings of
 * the answer key and of the first exercise. */
async function checkSheet(page, { key, first }) {
  // The blank grids: one per filter, the engine's output shape, every box empty.
  const blanks = await sheetGrids(page, "blank-");
  assert.deepEqual(
    blanks.map((grid) => [grid.length, grid[0].length]),
    [
      [3, 2],
      [3, 2],
    ],
  );
  assert.ok(blanks.flat(2).every((cell) => cell === ""), "the output to fill in is blank");
  // A blank formula: the tutorial's form with a box for each of its five numbers, none written.
  const formula = await page.$eval("[data-testid='blank-formula'] code", (code) => ({
    text: code.textContent,
    boxes: code.querySelectorAll(".box").length,
  }));
  assert.deepEqual(formula, { text: "⌊( + 2× − ) / ⌋ + 1 = ", boxes: 5 });
  // The given input and kernel, and the key's values against the reference worked here.
  assert.deepEqual((await sheetGrids(page, "input-")).map((grid) => grid.map((row) => row.map(Number))), planes(X, 2, 5));
  assert.equal((await sheetGrids(page, "kernel-")).length, 4);
  const answers = (await sheetGrids(page, "key-")).map((grid) => grid.map((row) => row.map(Number)));
  assert.deepEqual(answers, reference());
  assert.deepEqual(
    await page.$$eval("[data-testid='key-formula']", (codes) => codes.map((code) => code.textContent)),
    ["⌊(5 + 2×1 − 3) / 2⌋ + 1 = 3", "⌊(4 + 2×1 − 3) / 2⌋ + 1 = 2"],
  );
  // Printed: no buttons, no step view, and the key breaks to a page of its own.
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => ({
    buttons: [...document.querySelectorAll("button")].some((button) => button.getClientRects().length > 0),
    stepView: document.querySelector(".figures, .toolbar") !== null,
    breaks: getComputedStyle(document.querySelector("[data-testid='answer-key']")).breakBefore,
  }));
  assert.deepEqual(printed, { buttons: false, stepView: false, breaks: "page" });
  const pdf = await page.pdf({ format: "A4", outline: true, tagged: true });
  const { pages, entries } = outline(pdf);
  const on = (title) => entries.find((entry) => entry.title === title)?.page;
  assert.ok(pages >= 2, `${pages} pages`);
  assert.equal(on(first), 0, JSON.stringify(entries));
  assert.equal(on(key), pages - 1, JSON.stringify(entries));
}

test("the worksheet button shows the example blank to fill in, and its PDF ends with the key", async () => {
  const { page, errors } = await open(QUERY);
  // The engine's output shape, as the step view draws it.
  const shown = await page.$$eval("[data-grid^='output-']", (grids) => grids.map((grid) => [grid.rows.length, grid.rows[0].cells.length]));
  assert.deepEqual(shown, [
    [3, 2],
    [3, 2],
  ]);
  await page.click("[data-action='worksheet']");
  await page.waitForSelector("[data-testid='worksheet']");
  await page.waitForURL(/[?&]sheet=1/);
  await checkSheet(page, { key: "Answer key", first: "Exercise 1 · Convolution" });
  // Back to the example.
  await page.emulateMedia({ media: "screen" });
  await page.click("[data-action='close-sheet']");
  await page.waitForSelector(".figures [data-grid]");
  await page.close();
  assertNoErrors(errors);
});

test("a link opens the worksheet in Chinese, with its key on the last page", async () => {
  const { page, errors, url } = await open("?in=3");
  await page.goto(`${url}${QUERY}&lang=zh&sheet=1`);
  await page.waitForSelector("[data-testid='worksheet']");
  assert.equal(await page.$eval(".worksheet h1", (h1) => h1.textContent), "练习单");
  await checkSheet(page, { key: "答案", first: "练习 1 · 卷积" });
  await page.close();
  assertNoErrors(errors);
});

test("settings that do not form give the worksheet of the example shown, without an error", async () => {
  const { page, errors, url } = await open("?in=3");
  await page.goto(`${url}?in=2&k=5&sheet=1`);
  await page.waitForSelector("[data-testid='worksheet']");
  // The sheet is the last example that worked: a blank output of its key's shape.
  const blank = await sheetGrids(page, "blank-");
  const key = await sheetGrids(page, "key-");
  assert.equal(blank.length, 1);
  assert.deepEqual(
    blank.map((grid) => [grid.length, grid[0].length]),
    key.map((grid) => [grid.length, grid[0].length]),
  );
  await page.close();
  assertNoErrors(errors);
});

test("an exercise set prints as one worksheet: each question's example in order, one key at the end", async () => {
  const { page, errors } = await open("?practice=value,size,window&op=conv&count=3&sizes=4-5&seed=11");
  await page.waitForSelector(".practice .practice-question");
  const shown = await page.$$eval("[data-grid^='input-']", (grids) =>
    grids.map((grid) =>
      [...grid.rows]
        .map((row) => [...row.cells].filter((cell) => !cell.classList.contains("padding")))
        .filter((cells) => cells.length > 0)
        .map((cells) => cells.map((cell) => cell.textContent.replace(/\u2212/g, "-").trim())),
    ),
  );
  await page.click(".practice-sheet");
  await page.waitForSelector("[data-testid='worksheet']");
  const titles = await page.$$eval("section.exercise h2", (headings) => headings.map((h) => h.textContent));
  assert.deepEqual(titles.map((title) => title.replace(/ · .*/, "")), ["Exercise 1", "Exercise 2", "Exercise 3"]);
  // The first exercise gives the example the first question is asked about, as the grids showed it.
  const given = await page.$$eval("section.exercise:first-of-type [data-sheet^='input-']", (grids) =>
    grids.map((grid) => [...grid.rows].map((row) => [...row.cells].map((cell) => cell.textContent.replace(/\u2212/g, "-").trim()))),
  );
  assert.deepEqual(given, shown);
  // One answer key, after every exercise, on the PDF's last page.
  assert.equal(await page.locator("[data-testid='answer-key'] h2").count(), 3);
  await page.emulateMedia({ media: "print" });
  const { pages, entries } = outline(await page.pdf({ format: "A4", outline: true, tagged: true }));
  const on = (title) => entries.find((entry) => entry.title === title)?.page;
  assert.equal(on(titles[0]), 0, JSON.stringify(entries));
  assert.ok(on(titles[2]) < on("Answer key"), JSON.stringify(entries));
  assert.equal(on("Answer key"), pages - 1, JSON.stringify(entries));
  // Back to the set, where it was.
  await page.emulateMedia({ media: "screen" });
  await page.click("[data-action='close-sheet']");
  await page.waitForSelector(".practice .practice-question");
  await page.close();
  assertNoErrors(errors);
});
