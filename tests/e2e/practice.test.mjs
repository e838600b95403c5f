// Practice mode: a set answered right (answers worked out here from the grids shown, not by the
// app), each kind of question answered wrong and then right, a hint, a reload in the middle of
// a set, typed input the app cannot read, and the score posted to a host page on another origin.
import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { open, gridNumbers, conv2d, assertNoErrors } from "./harness.mjs";

const practice = (page) => page.locator(".practice");

/** The example line's numbers: "Input 4×6 · Kernel 2×2 · Stride 2×2 · Padding 1 · Bias −2". */
async function example(page) {
  const line = (await page.locator(".practice-example").textContent()).replace(/\u2212/g, "-");
  const pair = (name) => {
    const match = line.match(new RegExp(`${name} (\\d+)×(\\d+)`));
    return match && [Number(match[1]), Number(match[2])];
  };
  const number = (name) => {
    const match = line.match(new RegExp(`${name} (-?[\\d.]+)`));
    return match && Number(match[1]);
  };
  return {
    input: pair("Input"),
    kernel: pair("Kernel") ?? pair("Window"),
    stride: pair("Stride"),
    dilation: pair("Dilation") ?? [1, 1],
    padding: number("Padding") ?? 0,
    bias: number("Bias") ?? 0,
  };
}

/** The output cell a question names, from 0: "row 3, column 1". */
async function askedCell(page) {
  const text = await page.locator(".practice-question").textContent();
  const [, row, column] = text.match(/row (\d+), column (\d+)/);
  return [Number(row) - 1, Number(column) - 1];
}

/** The answer worked out here from what the page shows: a size from the formula, a value by
 * convolving the grids as shown (padding included) channel by channel, plus the bias. */
async function workedOut(page) {
  const question = await page.locator(".practice-question").textContent();
  const shown = await example(page);
  if (/how large is the output/.test(question)) {
    const side = (axis) => {
      const field = shown.dilation[axis] * (shown.kernel[axis] - 1) + 1;
      return Math.floor((shown.input[axis] + 2 * shown.padding - field) / shown.stride[axis]) + 1;
    };
    return `${side(0)}x${side(1)}`;
  }
  const [row, column] = await askedCell(page);
  const channels = await page.locator("[data-grid^='input-']").count();
  let sum = shown.bias;
  for (let channel = 0; channel < channels; channel++) {
    const x = await gridNumbers(page, `input-${channel}`);
    const w = await gridNumbers(page, `kernel-${channel}`);
    sum += conv2d(x, w, shown.stride)[row][column];
  }
  return String(sum);
}

async function answer(page, text) {
  await page.fill("#practice-answer", text);
  await page.press("#practice-answer", "Enter");
}

test("a whole set answered right, with answers worked out from the grids, ends in its summary", async () => {
  const { page, errors } = await open("?practice=value,size&op=conv&count=6&seed=11");
  for (let question = 1; question <= 6; question++) {
    assert.match(await page.locator(".practice-progress").textContent(), new RegExp(`Question ${question} of 6`));
    // While the question is asked the step is not shown: stepping by keyboard is refused.
    const step = await page.locator("[data-testid='step-count']").textContent();
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.locator("[data-testid='step-count']").textContent(), step);
    await answer(page, await workedOut(page));
    assert.equal(await page.locator(".practice-verdict").textContent(), "Right!");
    assert.match(await page.locator("[data-testid='practice-live']").textContent(), /Right!/);
    await page.locator(".practice .next").click();
  }
  const summary = await page.locator("[data-testid='practice-summary']").innerText();
  assert.match(summary, /Right the first time\s+6/);
  assert.match(summary, /Revealed\s+0/);
  assert.match(await page.locator(".practice-progress").textContent(), /Score: 6 of 6/);
  // Leaving practice keeps the last example to explore, with its settings and its own link.
  await page.getByRole("button", { name: "Leave practice" }).click();
  assert.equal(await page.locator(".practice").count(), 0);
  assert.equal(await page.locator(".drawer-toggle").count(), 1);
  await page.waitForFunction(() => !location.search.includes("practice="));
  assertNoErrors(errors);
});

/** Each kind's set of one question, and a wrong answer for it. */
const KINDS = [
  ["value", "?practice=value&count=1&seed=4", { typed: "999" }],
  ["size", "?practice=size&count=1&seed=4", { typed: "60x60" }],
  ["same", "?practice=same&count=1&seed=4", { typed: "99" }],
  ["window", "?practice=window&count=1&seed=4", { cells: [0] }],
  ["winner", "?practice=winner&count=1&seed=4", { outside: true }],
  ["feeds", "?practice=feeds&count=1&seed=4", { cells: "all" }],
];

for (const [kind, query, wrong] of KINDS) {
  test(`a ${kind} question answered wrong shows both answers, then right after trying again`, async () => {
    const { page, errors } = await open(query);
    const picks = page.locator(".pick");
    if (wrong.typed) {
      await answer(page, wrong.typed);
    } else {
      if (wrong.cells === "all") {
        for (const pick of await picks.all()) await pick.click();
      } else if (wrong.outside) {
        await page.locator(".pick:not(.in-window)").first().click();
      } else {
        await picks.nth(0).click();
      }
      // Keyboard only: the Check button is reached and pressed from the keyboard.
      await page.locator(".practice button[type='submit']").focus();
      await page.keyboard.press("Enter");
    }
    assert.match(await page.locator(".practice-verdict").textContent(), /^Not quite\./);
    const given = await page.locator(".practice-compare .given").textContent();
    const solution = await page.locator(".practice-compare .solution").textContent();
    assert.notEqual(given, solution);
    // The step's working is shown beside the two answers.
    assert.equal(await page.locator(".practice-hints li").count(), 3);
    await page.getByRole("button", { name: "Try again" }).click();
    if (wrong.typed) {
      await answer(page, solution.replace(/\u2212/g, "-").replace("×", "x"));
    } else {
      // The right cells, as "(row, column)" counted from 1, channel first when not the first.
      // A winner is one cell, so clicking the right one replaces the wrong one.
      if (kind !== "winner") {
        while ((await page.locator(".pick.chosen").count()) > 0) await page.locator(".pick.chosen").first().click();
      }
      for (const [, channel, row, column] of solution.matchAll(/(?:(\d+):)?\((\d+), (\d+)\)/g)) {
        const plane = page.locator(".pick-plane").nth(channel ? Number(channel) - 1 : 0);
        const columns = await plane.locator(".pick-cells").evaluate((grid) =>
          getComputedStyle(grid).gridTemplateColumns.split(" ").length);
        await plane.locator(".pick").nth((Number(row) - 1) * columns + Number(column) - 1).click();
      }
      await page.locator(".practice button[type='submit']").click();
    }
    assert.equal(await page.locator(".practice-verdict").textContent(), "Right!");
    await page.locator(".practice .next").click();
    const summary = await page.locator("[data-testid='practice-summary']").innerText();
    assert.match(summary, /Right at another try\s+1/);
    assertNoErrors(errors);
  });
}

test("the window question's right cells are the window worked out from the parameters", async () => {
  const { page, errors } = await open("?practice=window&count=1&seed=4");
  const shown = await example(page);
  const [row, column] = await askedCell(page);
  const expected = [];
  for (let r = 0; r < shown.kernel[0]; r++) {
    for (let c = 0; c < shown.kernel[1]; c++) {
      const [ir, ic] = [row * shown.stride[0] + r - shown.padding, column * shown.stride[1] + c - shown.padding];
      if (ir >= 0 && ic >= 0 && ir < shown.input[0] && ic < shown.input[1]) expected.push([ir, ic]);
    }
  }
  const planes = await page.locator(".pick-plane").count();
  for (let plane = 0; plane < planes; plane++) {
    for (const [ir, ic] of expected) await page.locator(".pick-plane").nth(plane).locator(".pick").nth(ir * shown.input[1] + ic).click();
  }
  await page.locator(".practice button[type='submit']").click();
  assert.equal(await page.locator(".practice-verdict").textContent(), "Right!");
  assertNoErrors(errors);
});

test("a named mistake, hints one at a time, and a reload that loses nothing", async () => {
  const query = "?practice=value&op=conv&count=3&seed=11";
  const { page, errors } = await open(query);
  // Hints come one at a time: the window, then the products, then the sum.
  const hints = page.locator(".practice-hints li");
  await page.getByRole("button", { name: "Hint" }).click();
  assert.equal(await hints.count(), 1);
  assert.match(await hints.nth(0).textContent(), /The window reads rows \d+ to \d+ and columns \d+ to \d+/);
  await page.getByRole("button", { name: "Hint" }).click();
  assert.match(await hints.nth(1).textContent(), /×/);
  assert.doesNotMatch(await hints.nth(1).textContent(), /=/, "the products come without their sum");
  await page.getByRole("button", { name: "Hint" }).click();
  assert.match(await hints.nth(2).textContent(), /=/);
  assert.ok(await page.getByRole("button", { name: "Hint" }).isDisabled());
  // The right answer less the bias is named as the bias left out (this set's first question
  // has a bias).
  const shown = await example(page);
  const right = Number(await workedOut(page));
  assert.notEqual(shown.bias, 0);
  {
    await answer(page, String(right - shown.bias));
    assert.match(await page.locator(".practice-mistake").textContent(), /^You left out the bias/);
    assert.match(await page.locator("[data-testid='practice-live']").textContent(), /Not quite. You left out the bias/);
    await page.getByRole("button", { name: "Try again" }).click();
  }
  await answer(page, String(right));
  assert.equal(await page.locator(".practice-verdict").textContent(), "Right!");
  await page.locator(".practice .next").click();
  // Answered right after a wrong try, which showed the answer: no score.
  assert.match(await page.locator(".practice-progress").textContent(), /Question 2 of 3 · score 0/);
  assert.match(await page.locator("[data-testid='practice-live']").textContent(), /what value/);
  // From the keyboard: the next question's field has the focus.
  assert.equal(await page.evaluate(() => document.activeElement.id), "practice-answer");
  const question = await page.locator(".practice-question").textContent();
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForSelector(".practice-question");
  assert.match(await page.locator(".practice-progress").textContent(), /Question 2 of 3 · score 0/);
  assert.equal(await page.locator(".practice-question").textContent(), question);
  assert.match(page.url(), /practice=value/);
  assertNoErrors(errors);
});

test("a typed answer the app cannot read gets a message and stays in its field", async () => {
  const { page, errors } = await open("?practice=size&count=1&seed=4");
  await answer(page, "three by four");
  assert.match(await page.locator("#practice-error").textContent(), /“three by four” is not a size: type rows×columns/);
  assert.equal(await page.inputValue("#practice-answer"), "three by four");
  assert.equal(await page.locator(".practice-verdict").count(), 0);
  const { page: zh } = await open("?practice=value&count=1&seed=4&lang=zh");
  await answer(zh, "七");
  assert.match(await zh.locator("#practice-error").textContent(), /“七”不是数字/);
  assert.equal(await zh.inputValue("#practice-answer"), "七");
  // "7,0" reads as seven: a decimal comma is accepted.
  await answer(zh, "7,0");
  assert.equal(await zh.locator("#practice-error").textContent(), "");
  assertNoErrors(errors);
});

test("embedded on a host page of another origin, each answer's score is posted to it", async () => {
  const { page: app, errors, url } = await open("?practice=size&count=2&seed=4");
  const appOrigin = new URL(url).origin;
  // The host page comes from a second server: another port, so another origin. (A made-up
  // public host such as http://host.test may not frame a page on 127.0.0.1 in Chromium.)
  const page = `<h1>Quiz</h1>
    <iframe id="frame" src="${url}?practice=size&count=2&seed=4&embed=1" style="width: 900px; height: 700px"></iframe>
    <script>
      window.scores = [];
      addEventListener("message", (event) => {
        if (event.data && event.data.type === "convstep:score") {
          window.scores.push({ origin: event.origin, ...event.data });
        }
      });
    </script>`;
  const hostServer = http.createServer((request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  });
  await new Promise((resolve) => hostServer.listen(0, "127.0.0.1", resolve));
  const hostUrl = `http://127.0.0.1:${hostServer.address().port}/course/quiz.html`;
  const host = await app.context().newPage();
  await host.goto(hostUrl);
  const frame = host.frameLocator("#frame");
  await frame.locator("#practice-answer").fill("60x60");
  await frame.locator("#practice-answer").press("Enter");
  await host.waitForFunction(() => window.scores.length >= 1);
  let last = await host.evaluate(() => window.scores.at(-1));
  assert.deepEqual(last, { origin: appOrigin, type: "convstep:score", score: 0, max: 2, answered: 0, state: "in-progress" });
  assert.notEqual(appOrigin, new URL(hostUrl).origin);
  for (let question = 0; question < 2; question++) {
    if (question === 0) await frame.getByRole("button", { name: "Try again" }).click();
    const shown = await example(await frameAsPage(host));
    const side = (axis) =>
      Math.floor((shown.input[axis] + 2 * shown.padding - (shown.dilation[axis] * (shown.kernel[axis] - 1) + 1)) / shown.stride[axis]) + 1;
    await frame.locator("#practice-answer").fill(`${side(0)}x${side(1)}`);
    await frame.locator("#practice-answer").press("Enter");
    await frame.locator(".practice .next").click();
  }
  await host.waitForFunction(() => window.scores.at(-1).state === "done");
  last = await host.evaluate(() => window.scores.at(-1));
  // The first question was answered wrong first, which showed its answer: it does not score.
  assert.deepEqual(last, { origin: appOrigin, type: "convstep:score", score: 1, max: 2, answered: 2, state: "done" });
  const answeredCounts = await host.evaluate(() => window.scores.map((score) => score.answered));
  assert.ok(answeredCounts.includes(1), `a score after the first answer: ${answeredCounts}`);
  hostServer.close();
  assertNoErrors(errors);
});

/** The frame of a host page, as a page-like object for `example`. */
async function frameAsPage(host) {
  const frame = host.frames().find((frame) => frame.url().includes("practice="));
  return frame;
}
