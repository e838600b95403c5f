// The app core's defences, in Chromium: a value typed past any field's limit, impossible
// links on first load, link notices, and links that must reproduce what they describe.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, press, type, assertNoErrors } from "./harness.mjs";

// Every number field, the link that shows it, and its largest value.
const FIELDS = [
  ["#input-h", "", 64],
  ["#input-w", "", 64],
  ["#kernel-h", "", 15],
  ["#kernel-w", "", 15],
  ["#stride-h", "", 16],
  ["#stride-w", "", 16],
  ["#dilation-h", "", 8],
  ["#dilation-w", "", 8],
  ["#channels", "", 4],
  ["#filters", "", 8],
  ["#pool-h", "?op=block&in=6", 15],
  ["#pool-w", "?op=block&in=6", 15],
  ["#pool-stride-h", "?op=block&in=6", 16],
  ["#pool-stride-w", "?op=block&in=6", 16],
  ["#pad-top", "?pad=1", 128],
  ["#pad-right", "?pad=1", 128],
];

for (const [field, query, limit] of FIELDS) {
  test(`${field}: one past and far past its limit are refused, and the page keeps working`, async () => {
    const { page, errors } = await open(query);
    if (field.startsWith("#dilation")) await page.click("#advanced > summary");
    const original = await page.inputValue(field);
    // The range is there for every field, read out with it.
    const describedBy = await page.getAttribute(field, "aria-describedby");
    for (const id of describedBy.split(" ")) {
      assert.equal(await page.locator(`#${id}`).count(), 1, `${field} names #${id}, which must exist`);
    }
    assert.match(await page.textContent(`${field}-range`), new RegExp(`–${limit}$`));
    for (const typed of [String(limit + 1), "1000000"]) {
      await type(page, field, typed);
      // The page answers in its next render: wait for it rather than reading the DOM at once.
      await page.waitForSelector(`${field}[aria-invalid='true']`);
      await page.waitForSelector(".figures.stale");
      assert.equal(await page.inputValue(field), typed, "what was typed stays in the field");
      assert.match(await page.textContent("[data-testid='error']"), /.+/);
    }
    // The value it had brings the example back, and the step buttons still work.
    await type(page, field, original);
    await page.waitForSelector("[data-testid='error']", { state: "detached" });
    await page.waitForSelector(".figures.stale", { state: "detached" });
    const before = await page.textContent("[data-testid='step-count']");
    await press(page, "end");
    await page.waitForFunction(
      (before) => document.querySelector("[data-testid='step-count']").textContent !== before,
      before,
    );
    await page.close();
    assertNoErrors(errors);
  });
}

test("an impossible link keeps its operation, greys out the older example and says why", async () => {
  const { page, errors } = await open("?op=max-pool&k=2&pad=2");
  assert.equal(await page.inputValue("#operation"), "max-pool");
  assert.equal(await page.locator("[data-grid='kernel-0']").count(), 0, "no convolution kernel under max pooling");
  assert.equal(await page.locator(".figures.stale").count(), 1);
  assert.equal(await page.locator(".calculation.stale").count(), 1);
  assert.match(await page.textContent("[data-testid='error']"), /padding/);
  // The formula shows the link's own numbers, not the older example's.
  // Pooling opens at stride 2: ⌊(4 + 2×2 − 2) / 2⌋ + 1 = 4.
  const formula = (await page.textContent("[data-testid='failing-formula']")).replace(/\u2212/g, "-");
  assert.match(formula, /⌊\(4 \+ 2×2 - 2\) \/ 2⌋ \+ 1 = 4/);
  await page.close();
  assertNoErrors(errors);
});

test("a link too small for its kernel shows the size formula with the failing numbers", async () => {
  const { page, errors } = await open("?in=2&k=5");
  assert.equal(await page.inputValue("#input-h"), "2");
  assert.equal(await page.inputValue("#kernel-h"), "5");
  const formula = (await page.textContent("[data-testid='failing-formula']")).replace(/\u2212/g, "-");
  assert.match(formula, /⌊\(2 \+ 2×0 - 5\) \/ 1⌋ \+ 1 = -2/);
  await page.close();
  assertNoErrors(errors);
});

test("a notice never names an empty parameter", async () => {
  const { page, errors } = await open("?&&&=&=5&op&");
  const notice = await page.textContent("[data-testid='link-notice']");
  assert.equal(notice.trim(), "Link parameter op was not understood, so its default is used.");
  await page.close();
  assertNoErrors(errors);
});

test("a repeated parameter uses its first value and says so", async () => {
  const { page, errors } = await open("?k=2&k=4");
  assert.equal(await page.inputValue("#kernel-h"), "2");
  assert.match(await page.textContent("[data-testid='link-repeated']"), /: k\.$/);
  await page.close();
  assertNoErrors(errors);
});

test("the block keeps ceil mode from a link and writes it back", async () => {
  const { page, errors } = await open("?op=block&in=5&ceil=1");
  assert.equal(await page.locator("[data-testid='link-notice']").count(), 0);
  assert.equal(await page.isChecked("#ceil-mode"), true);
  await page.waitForFunction(() => location.search.includes("ceil=1"));
  await page.close();
  assertNoErrors(errors);
});

test("padding over 64 comes back from the link the page writes", async () => {
  const { page, errors, url } = await open("?in=3&pad=100,0,0,0");
  await page.waitForFunction(() => location.search.includes("pad=100%2C0%2C0%2C0") || location.search.includes("pad=100,0,0,0"));
  const written = await page.evaluate(() => location.search);
  await page.goto(url + written);
  await page.waitForSelector("[data-grid='input-0']");
  assert.equal(await page.locator("[data-testid='link-notice']").count(), 0);
  assert.equal(await page.inputValue("#pad-top"), "100");
  await page.close();
  assertNoErrors(errors);
});

test("on a 375 px phone the page never scrolls sideways: the size formula wraps", async () => {
  for (const query of ["?in=5x5&k=3&pad=1&step=7", "?in=7x7&k=3&s=2&pad=same&step=6", "?op=block&in=6&ch=3&f=2", "?in=2&k=5"]) {
    const { page, errors } = await open(query, { width: 375, height: 740 });
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.equal(scroll, client, `${query} scrolls sideways`);
    await page.close();
    assertNoErrors(errors);
  }
});
