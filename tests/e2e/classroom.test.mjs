// Links, hostile links, embedding, keyboard, languages and the live region, in Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, gridNumbers, gridText, marked, press, assertNoErrors } from "./harness.mjs";

test("a link round-trips: the copied address opens exactly the same view", async () => {
  const { page, errors } = await open("?in=5x6&k=2x3&s=2&pad=same&lang=zh");
  await page.click("[data-grid='input-0'] tr:nth-child(2) td:nth-child(3)");
  await page.fill(".cell-editor", "-7.5");
  await page.press(".cell-editor", "Enter");
  await press(page, "forward", 3);
  await page.click("#projector");
  // The address follows the view once it has been still for a moment.
  await page.waitForURL(/theme=projector/);
  const address = page.url();
  const input = await gridText(page, "input-0");
  const output = await gridText(page, "output-0");
  const live = await page.textContent("[data-testid='live']");

  const again = await page.context().newPage();
  await again.goto(address);
  await again.waitForSelector("[data-grid='input-0']");
  assert.deepEqual(await gridText(again, "input-0"), input);
  assert.deepEqual(await gridText(again, "output-0"), output);
  assert.equal(await again.textContent("[data-testid='live']"), live);
  assert.equal(await again.getAttribute("html", "lang"), "zh-CN");
  assert.equal(await again.locator(".app.projector").count(), 1);
  await page.close();
  assertNoErrors(errors);
});

test("edits survive a reload even without the link", async () => {
  const { page, errors, url } = await open("?in=3x3&k=2");
  await page.click("[data-grid='input-0'] tr:nth-child(1) td:nth-child(1)");
  await page.fill(".cell-editor", "42");
  await page.press(".cell-editor", "Enter");
  await page.goto(url);
  await page.waitForSelector("[data-grid='input-0']");
  assert.equal((await gridNumbers(page, "input-0"))[0][0], 42);
  await page.close();
  assertNoErrors(errors);
});

// Each hostile link: the keys that must be named in the notice ([] when it must load silently).
const HOSTILE = [
  ["?op=<script>alert(1)</script>", ["op"]],
  ["?in=99999x99999", ["in"]],
  ["?in=0x4", ["in"]],
  ["?in=-3", ["in"]],
  ["?in=4x4x4", ["in"]],
  ["?in=1e9", ["in"]],
  ["?k=NaN", ["k"]],
  ["?k=0", ["k"]],
  ["?s=0", ["s"]],
  ["?s=abc", ["s"]],
  ["?d=999", ["d"]],
  ["?pad=1,2,3", ["pad"]],
  ["?pad=-1", ["pad"]],
  ["?pad=99999", ["pad"]],
  ["?x=1,2,NaN,4", ["x"]],
  ["?x=Infinity", ["x"]],
  ["?x=1e30", ["x"]],
  ["?x=1,2,3", ["x"]],
  ["?w=%", ["w"]],
  ["?b=1,2,3,4,5,6,7,8,9", ["b"]],
  ["?ch=0", ["ch"]],
  ["?ch=100", ["ch"]],
  ["?f=-1", ["f"]],
  ["?step=0", ["step"]],
  ["?step=1e99", ["step"]],
  ["?step=999999", []],
  ["?lang=klingon", ["lang"]],
  ["?theme=dark%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E", ["theme"]],
  ["?hide=controls,<img src=x onerror=window.pwned=1>", ["hide"]],
  ["?%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E=1", ["<img src=x onerror=wind"]],
  ["?seed=-5", ["seed"]],
  ["?slope=1e999&op=leaky-relu", ["slope"]],
  ["?ceil=maybe&op=max-pool", ["ceil"]],
  ["?in=4&x=" + "9".repeat(5000), ["x"]],
  ["?" + "a=1&".repeat(500), ["a"]],
  ["?in=%E4%B8%AD", ["in"]],
  ["?in=4x", ["in"]],
  ["?op=block&act=max-pool&pool=min", ["act", "pool"]],
  ["?embed=2", ["embed"]],
  ["?k=9&in=4", []],
];

test(`${HOSTILE.length} hostile links each load safely and name what they ignored`, async () => {
  for (const [query, named] of HOSTILE) {
    const { page, errors } = await open(query);
    const notice = await page.locator("[data-testid='link-notice']").textContent().catch(() => null);
    if (named.length === 0) {
      assert.equal(notice, null, `${query} should load without a notice`);
    } else {
      assert.ok(notice, `${query} should show a notice`);
      for (const key of named) assert.ok(notice.includes(key), `${query}: notice "${notice}" should name ${key}`);
    }
    assert.equal(await page.evaluate(() => window.pwned), undefined, `${query} ran script`);
    assert.equal(await page.locator("img").count(), 0, `${query} injected markup`);
    assert.ok((await page.locator("[data-grid='input-0'] td").count()) > 0, `${query} shows no grid`);
    await page.close();
    assertNoErrors(errors);
  }
});

test("embedded in an iframe on another page, ConvStep reports its height", async () => {
  const { page: app, errors, url } = await open("?embed=1&hide=controls,pictures");
  assert.equal(await app.locator("header.top").count(), 0, "no title bar when embedded");
  assert.equal(await app.locator(".controls").count(), 0);
  assert.equal(await app.locator(".heatmaps").count(), 0);
  assert.equal(await app.locator(".playback").count(), 1);
  await app.close();

  // The host page is another origin (a data: page) with the snippet's listener.
  const host = await app.context().newPage();
  const hostErrors = [];
  host.on("pageerror", (error) => hostErrors.push(String(error)));
  await host.setContent(`
    <h1>Course notes</h1>
    <iframe id="frame" src="${url}?in=5x5&embed=1&hide=pictures" style="width: 900px; height: 100px; border: 0"></iframe>
    <script>
      window.heights = [];
      addEventListener("message", (event) => {
        if (event.data && event.data.type === "convstep:height") {
          window.heights.push(event.data.height);
          window.lastHeightAt = performance.now();
          document.getElementById("frame").style.height = event.data.height + "px";
        }
      });
    </script>`);
  await host.waitForFunction(() => window.heights.length > 0);
  // Read the last height and the frame's height together: more heights may still be arriving.
  const lastAndFrame = () =>
    host.evaluate(() => [window.heights.at(-1), document.getElementById("frame").style.height]);
  const [height, frameHeight] = await lastAndFrame();
  assert.ok(height > 300, `reported height ${height}`);
  assert.equal(frameHeight, `${height}px`);
  const frame = host.frameLocator("#frame");
  await frame.locator(".playback [data-action='forward']").click();
  assert.match(await frame.locator("[data-testid='step-count']").textContent(), /Step 2 of 9/);
  // The height settles: the frame grows to the content, and the content does not grow with it.
  // Settled means no new height for half a second; then none comes in the next half second.
  await host.waitForFunction(() => performance.now() - window.lastHeightAt > 500, null, { polling: 100 });
  const settled = await host.evaluate(() => window.heights.length);
  await host.waitForTimeout(500);
  assert.equal(await host.evaluate(() => window.heights.length), settled, "no more heights once settled");
  // Shorter content reports a smaller height: ReLU has no output-size formula below the step.
  const tall = await host.evaluate(() => window.heights.at(-1));
  await frame.locator(".drawer-toggle").click();
  await frame.locator("#operation").selectOption("relu");
  await frame.locator(".close-drawer").click();
  await host.waitForFunction((tall) => window.heights.at(-1) < tall, tall);
  const [short, shortFrame] = await lastAndFrame();
  assert.ok(short < tall, `shorter content reported ${short}, after ${tall}`);
  assert.equal(shortFrame, `${short}px`);
  await host.close();
  assert.deepEqual(hostErrors, []);
  assertNoErrors(errors);
});

test("the embed dialog gives an iframe snippet for this view", async () => {
  const { page, errors } = await open("?in=5x5");
  await page.click("#embed");
  await page.check("[data-panel='controls']");
  const code = await page.inputValue("#embed-code");
  // The code panel starts hidden, as embed mode hides it unless the link asks for it.
  assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/course\/convstep\/\?in=5x5.*&embed=1&hide=controls,code"/);
  assert.match(code, /convstep:height/);
  await page.uncheck("[data-panel='code']");
  assert.match(await page.inputValue("#embed-code"), /&embed=1&hide=controls&show=code"/);
  await page.close();
  assertNoErrors(errors);
});

test("the whole app works from the keyboard, and shortcuts never fire while editing", async () => {
  const { page, errors } = await open();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("l");
  assert.equal(await page.textContent("[data-testid='step-count']"), "Step 3 of 4");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await page.textContent("[data-testid='step-count']"), "Step 2 of 4");
  await page.keyboard.press("End");
  assert.equal(await page.textContent("[data-testid='step-count']"), "Step 4 of 4");
  await page.keyboard.press("Home");
  assert.equal(await page.textContent("[data-testid='step-count']"), "Step 1 of 4");
  await page.keyboard.press("+");
  assert.equal(await page.inputValue(".speed select"), "4");

  // The ? overlay lists the shortcuts; Escape closes it.
  await page.keyboard.press("?");
  assert.match(await page.textContent("[role='dialog']"), /play or pause/);
  // Every key the page answers to is listed: k plays and pauses as Space does.
  const playKeys = page.locator("[role='dialog'] tr", { hasText: "play or pause" }).locator("kbd");
  assert.deepEqual(await playKeys.allTextContents(), ["Space", "k"]);
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("[role='dialog']").count(), 0);

  // Tab to an input cell, open it with Enter, type: the letters go into the cell, not to shortcuts.
  const input = await gridText(page, "input-0");
  const output = await gridText(page, "output-0");
  await page.focus("[data-grid='input-0'] td[tabindex]");
  await page.keyboard.press("Enter");
  await page.waitForSelector(".cell-editor:focus");
  await page.keyboard.type("l5");
  assert.equal(await page.textContent("[data-testid='step-count']"), "Step 1 of 4");
  // Escape cancels: the editor closes and nothing typed reaches the value, not even a refusal.
  await page.keyboard.press("Escape");
  assert.equal(await page.locator(".cell-editor").count(), 0);
  assert.deepEqual(await gridText(page, "input-0"), input);
  assert.deepEqual(await gridText(page, "output-0"), output);
  assert.equal(await page.locator("[data-testid='refusal']").count(), 0);

  // Space plays; the operation shortcut switches to ReLU.
  await page.keyboard.press("o");
  assert.equal(await page.inputValue("#operation"), "relu");
  await page.keyboard.press(" ");
  await page.waitForFunction(() => document.querySelector("[data-action='play']").getAttribute("aria-label") === "Pause");
  await page.keyboard.press(" ");
  // Focus is visible: a focused button gets an outline.
  await page.focus(".playback [data-action='play']");
  const outline = await page.$eval(".playback [data-action='play']", (b) => getComputedStyle(b).outlineStyle);
  assert.notEqual(outline, "none");
  await page.close();
  assertNoErrors(errors);
});

test("both languages: the browser's language, the switch, and the tutorial's terms", async () => {
  const { page, errors } = await open("", { locale: "zh-CN" });
  const text = await page.textContent("body");
  for (const term of ["卷积", "步长", "填充", "卷积核", "池化", "激活", "通道"]) assert.ok(text.includes(term), `missing ${term}`);
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  await page.click("button.lang");
  assert.match(await page.textContent("body"), /Stride/);
  await page.waitForURL(/lang=en/);
  await page.close();
  assertNoErrors(errors);
});

test("every step is announced in a polite live region, in the current language", async () => {
  const { page, errors } = await open("?lang=en");
  const live = page.locator("[data-testid='live']");
  assert.equal(await live.getAttribute("aria-live"), "polite");
  assert.equal(await live.textContent(), "Step 1 of 4: output row 1, column 1 = 15");
  await press(page, "forward");
  assert.equal(await live.textContent(), "Step 2 of 4: output row 1, column 2 = 16");
  await page.click("button.lang");
  assert.equal(await live.textContent(), "第 2 步，共 4 步：输出第 1 行、第 2 列 = 16");
  // Grids are labelled for assistive technology, cells carry row, column and value.
  assert.equal(await page.getAttribute("[data-grid='output-0']", "aria-label"), "输出");
  assert.equal(await page.getAttribute("[data-grid='output-0'] td", "aria-label"), "第 1 行，第 1 列：15");
  assert.deepEqual(await marked(page, "output-0", "current"), [[0, 1]]);
  await page.close();
  assertNoErrors(errors);
});
