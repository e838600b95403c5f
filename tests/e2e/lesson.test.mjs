// Lessons: the built-in lesson walked from start to end in both languages, each chapter's figure
// checked against what its text says; a chapter's own link; leaving a chapter's figure and coming
// back; a teacher's lesson file; a malformed one, named by its line; a lesson on another host.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, assertNoErrors } from "./harness.mjs";

/**
 * What each chapter's text says of its figure, in both languages: sizes its text names, and the
 * figure as it must then be drawn: the input (without padding), each later map, the channels and
 * the stride of its first window, as the size formula shows it.
 */
const CHAPTERS = [
  { says: ["4×4", "3×3", "2×2"], input: [4, 4], maps: [[2, 2]], stride: 1 },
  { says: ["5×5", "3×3", "2×2"], input: [5, 5], maps: [[2, 2]], stride: 2 },
  { says: ["4×4", "6×6", "3×3"], input: [4, 4], maps: [[4, 4]], padding: 1, stride: 1 },
  { says: [], input: [4, 4], maps: [[2, 2]], channels: 3, stride: 1 },
  { says: ["−2"], input: [5, 5], maps: [[3, 3]], channels: 3, filters: 2, stride: 1 },
  { says: [], input: [16, 16], maps: [[14, 14]], stride: 1 },
  { says: ["max(0, x)"], input: [4, 4], maps: [[4, 4]] },
  { says: ["4×4", "2×2", "3.5"], input: [4, 4], maps: [[2, 2]], stride: 2 },
  { says: ["6×6", "4×4", "2×2"], input: [6, 6], maps: [[4, 4], [4, 4], [2, 2]], stride: 1 },
  { says: ["2×2", "3×3", "4×4"], input: [8, 8], maps: [[6, 6], [6, 6], [3, 3]], stride: 1 },
  { says: ["4×4", "6×6", "5×5"], input: [6, 6], maps: [[5, 5]], padding: 1, stride: 1 },
  { says: ["6×6", "3×3"], input: [6, 6], maps: [[3, 3]], channels: 3, stride: 2 },
];

/** `[rows, columns]` of a grid's own cells, padding left out. */
async function gridSize(page, name) {
  return page.$$eval(`[data-grid='${name}'] tr`, (rows) => {
    const counts = rows.map((row) => [...row.cells].filter((cell) => !cell.classList.contains("padding")).length);
    const filled = counts.filter((count) => count > 0);
    return [filled.length, Math.max(0, ...filled)];
  });
}

/** The sizes of the maps after the input: the output grid, or the strip's captions in a block. */
async function mapSizes(page) {
  const strip = await page.$$eval(".stage-strip .strip-size", (sizes) => sizes.map((size) => size.textContent));
  if (strip.length > 0) return strip.slice(1).map((size) => size.match(/\d+/g).slice(0, 2).map(Number));
  return [await gridSize(page, "output-0")];
}

async function walk(lang) {
  const locale = lang === "zh" ? "zh-CN" : "en-US";
  const { page, errors } = await open(`?lesson=tutorial&lang=${lang}`, { locale });
  const count = page.getByTestId("chapter-count");
  for (const [index, chapter] of CHAPTERS.entries()) {
    const where = `${lang} chapter ${index + 1}`;
    const counting = lang === "zh" ? `第 ${index + 1} 章，共 12 章` : `Chapter ${index + 1} of 12`;
    await assert.doesNotReject(count.filter({ hasText: counting }).waitFor(), where);
    const text = await page.locator(".lesson-text").innerText();
    for (const words of chapter.says) assert.ok(text.includes(words), `${where} says ${words}: ${text}`);
    assert.deepEqual(await gridSize(page, "input-0"), chapter.input, `${where}: input`);
    assert.deepEqual(await mapSizes(page), chapter.maps, `${where}: maps`);
    const channels = await page.locator("[data-grid^='input-']").count();
    assert.equal(channels, chapter.channels ?? 1, `${where}: channels`);
    if (chapter.filters) assert.equal(await page.locator("[data-grid^='kernel-']").count(), chapter.filters * chapter.channels);
    if (chapter.stride) {
      const formula = await page.textContent("[data-testid='formula']");
      assert.match(formula, new RegExp(`[/÷] ${chapter.stride}⌋`), `${where}: stride in ${formula}`);
    }
    const padding = await page.locator("[data-grid='input-0'] tr").first().locator("td.padding").count();
    assert.equal(padding > 0, Boolean(chapter.padding), `${where}: padding drawn`);
    // Each chapter opens at its first step.
    assert.match(await page.getByTestId("step-count").textContent(), /^(Step 1 of|第 1 步)/, where);
    if (index < CHAPTERS.length - 1) await page.click("[data-lesson='next']");
  }
  assert.ok(await page.locator("[data-lesson='next']").isDisabled(), "the last chapter has no next");
  await page.close();
  assertNoErrors(errors);
}

test("the built-in lesson walks from start to end in English, each figure as its text says", () => walk("en"));
test("the built-in lesson walks from start to end in Chinese, each figure as its text says", () => walk("zh"));

test("a check-yourself question names a wrong choice, offers the answer, and explains it", async () => {
  const { page, errors } = await open("?lesson=tutorial&chapter=11");
  const check = page.locator(".lesson-check");
  await check.getByRole("button", { name: "6×6" }).click();
  await assert.doesNotReject(check.getByText("Not quite").waitFor());
  assert.equal(await check.locator(".choice.wrong").textContent(), "6×6");
  await check.getByRole("button", { name: "5×5" }).click();
  await assert.doesNotReject(check.getByText("Right.").waitFor());
  assert.match(await check.locator(".verdict").textContent(), /⌊\(6 \+ 2·1 − 4\) \/ 1⌋ \+ 1 = 5/);
  assert.ok(await check.getByRole("button", { name: "4×4" }).isDisabled(), "answered: the choices rest");
  // Another chapter's question starts fresh; "show the answer" reveals it without a right choice.
  await page.click("[data-lesson='next']");
  await check.getByRole("button", { name: "3", exact: true }).click();
  await check.getByRole("button", { name: "Show the answer" }).click();
  assert.equal(await check.locator(".choice.right").textContent(), "6");
  assert.match(await check.locator(".verdict").textContent(), /len\(input\[0\]\)/);
  await page.close();
  assertNoErrors(errors);
});

test("a chapter's link opens at its figure; leaving it shows the way back, and the link keeps both", async () => {
  const { page, errors } = await open("?lesson=tutorial&chapter=3");
  await page.getByTestId("chapter-count").filter({ hasText: "Chapter 3 of 12" }).waitFor();
  assert.deepEqual(await gridSize(page, "output-0"), [4, 4]);
  assert.equal(await page.locator("[data-lesson='reset']").count(), 0);
  // The learner explores: the drawer's stride, then back to the chapter's own figure.
  await page.click(".drawer-toggle");
  await page.fill("#stride-h", "2");
  await page.fill("#stride-w", "2");
  await page.click(".drawer-toggle");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("s") !== null);
  const address = new URL(page.url()).searchParams;
  assert.equal(address.get("lesson"), "tutorial");
  assert.equal(address.get("chapter"), "3");
  await page.reload();
  await page.waitForSelector("[data-lesson='reset']");
  assert.equal(await page.getByTestId("chapter-count").textContent(), "Chapter 3 of 12");
  assert.notDeepEqual(await gridSize(page, "output-0"), [4, 4], "the explored figure stays after a reload");
  await page.click("[data-lesson='reset']");
  await page.waitForFunction(() => !document.querySelector("[data-lesson='reset']"));
  assert.deepEqual(await gridSize(page, "output-0"), [4, 4]);
  // The toolbar closes the lesson and opens it again at its start.
  await page.click("#lesson");
  assert.equal(await page.locator(".lesson").count(), 0);
  await page.click("#lesson");
  await page.getByTestId("chapter-count").filter({ hasText: "Chapter 1 of 12" }).waitFor();
  await page.close();
  assertNoErrors(errors);
});

const TEACHERS_LESSON = `---
title: Week 3: strides
author: A. Teacher
---

## A long stride
figure: ?in=7x7&k=3&s=3&step=2

With stride 3 the windows **do not overlap**: each input cell is read once.

try: Make the stride 4.

## Padding it back
figure: in=7x7&k=3&s=3&pad=1

check: How many windows fit across now?
- [ ] 2
- [x] 3
because: ⌊(7 + 2 − 3) / 3⌋ + 1 = 3.
`;

/** Answers requests for `name` beside the app with `body`. */
async function serveBeside(page, name, body, status = 200) {
  await page.route(`**/${name}`, (route) => route.fulfill({ status, contentType: "text/markdown; charset=utf-8", body }));
}

test("a teacher's lesson file beside the app opens, chapter by chapter", async () => {
  const { page, errors } = await open("", { serviceWorkers: "block" });
  await serveBeside(page, "week3.md", TEACHERS_LESSON);
  await page.goto(page.url().split("?")[0] + "?lesson=week3.md&chapter=1");
  await page.getByTestId("chapter-count").filter({ hasText: "Chapter 1 of 2" }).waitFor();
  assert.equal(await page.locator(".lesson-chapters option:checked").textContent(), "1. A long stride");
  assert.equal(await page.locator(".lesson-text strong").first().textContent(), "do not overlap");
  assert.deepEqual(await gridSize(page, "output-0"), [2, 2]);
  assert.equal(await page.getByTestId("step-count").textContent(), "Step 2 of 4");
  await page.locator(".lesson-chapters").selectOption("1");
  await page.getByTestId("chapter-count").filter({ hasText: "Chapter 2 of 2" }).waitFor();
  assert.deepEqual(await gridSize(page, "output-0"), [3, 3]);
  await page.locator(".lesson-check").getByRole("button", { name: "3" }).click();
  await page.locator(".verdict").getByText("Right.").waitFor();
  await page.close();
  assertNoErrors(errors);
});

test("a malformed lesson file is named with its line, in the learner's language; the app still works", async () => {
  const broken = TEACHERS_LESSON.replace("figure: in=7x7&k=3&s=3&pad=1", "figure: in=7x7&k=3&strde=3");
  for (const [lang, expected] of [
    ["en", /week3\.md cannot be read\. Line 14: .*strde/],
    ["zh", /无法读取课程文件 week3\.md。第 14 行：.*strde/],
  ]) {
    const { page, errors } = await open("", { serviceWorkers: "block" });
    await serveBeside(page, "week3.md", broken);
    await page.goto(page.url().split("?")[0] + `?lesson=week3.md&lang=${lang}`);
    const alert = page.locator(".lesson [role='alert']");
    await alert.waitFor();
    assert.match(await alert.textContent(), expected);
    await page.click(".playback [data-action='forward']");
    assert.match(await page.getByTestId("step-count").textContent(), /2/);
    await page.close();
    assertNoErrors(errors.filter((error) => !error.includes("404")));
  }
  const { page, errors } = await open("?lesson=missing.md");
  await page.locator(".lesson [role='alert']").filter({ hasText: "missing.md was not found" }).waitFor();
  await page.close();
  assertNoErrors(errors.filter((error) => error.includes("404") === false));
});

test("a lesson on another host is never loaded, and the notice names the parameter", async () => {
  const { page, errors } = await open("?lesson=https://example.org/evil.md&in=5x5");
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.waitForTimeout(300);
  assert.equal(await page.locator(".lesson").count(), 0);
  assert.match(await page.locator(".notice").textContent(), /lesson/);
  assert.ok(!requests.some((url) => url.includes("example.org")));
  await page.close();
  assertNoErrors(errors);
});
