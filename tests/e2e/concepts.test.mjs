// The controls explain themselves: every "?" opens by keyboard, by tap and by hover and is read
// with its button; the advanced fold starts closed unless a link needs it; the lock moves a size's
// rows and columns together; a named padding shows the sides it resolves to. In Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, assertNoErrors } from "./harness.mjs";

// The buttons each example shows, by accessible name, with a fact each tip must state.
const ENGLISH = {
  "": [
    ["What is the operation?", /Convolution slides a kernel/],
    ["What is the input size?", /rows and columns of the input/],
    ["What is the kernel size?", /3×3 kernel reads 9 cells/],
    ["What is the stride?", /⌊\(N \+ 2P − K\) \/ S⌋ \+ 1/],
    ["What are input channels?", /3 for a colour one/],
    ["What are filters?", /number of output channels/],
    ["What is padding?", /symmetric: \(K − 1\) \/ 2 on every side/],
    ["What is the bias?", /added to a filter's sum/],
    ["What is dilation?", /5 cells/],
    ["What is flipping the kernel?", /180°/],
    ["What do the random buttons do?", /from −3 to 3/],
    ["What are preset kernels?", /Sobel/],
  ],
  "?op=block&act=leaky-relu&pool=avg": [
    ["What is the pooling window?", /2×2 with stride 2/],
    ["What is the pooling stride?", /do not overlap/],
    ["What is the activation?", /one linear map/],
    ["What is the slope?", /αx/],
    ["What is pooling?", /smaller/],
    ["What is ceil mode?", /⌈\(N \+ 2P − K\) \/ S⌉ \+ 1/],
    ["What does counting padding cells mean?", /PyTorch's default/],
  ],
};

/** The `?` button named `name`. */
const tip = (page, name) => page.getByRole("button", { name, exact: true });

/** Presses Tab until the focus is on the button named `name`, opening the advanced fold with
 * Enter on the way; fails after `limit` presses. */
async function tabTo(page, name, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const [label, closedFold] = await page.evaluate(() => {
      const focused = document.activeElement;
      return [focused?.getAttribute("aria-label"), focused?.matches("#advanced:not([open]) > summary")];
    });
    if (label === name) return;
    if (closedFold) await page.keyboard.press("Enter");
  }
  assert.fail(`Tab never reached "${name}"`);
}

/** The tip a button describes itself with, after checking the link both ways. */
async function describedTip(page, button) {
  const id = await button.getAttribute("aria-describedby");
  const described = page.locator(`[id='${id}']`);
  assert.equal(await described.count(), 1, `the tip #${id} exists once`);
  assert.equal(await described.getAttribute("role"), "tooltip");
  return described;
}

/** What Chromium gives a screen reader for the button named `name`: its role, name, description and state. */
async function spoken(page, name) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const node = nodes.find((n) => n.name?.value === name && n.role?.value === "button");
  assert.ok(node, `no button named "${name}" in the accessibility tree`);
  const expanded = node.properties?.find((p) => p.name === "expanded")?.value.value;
  return { description: node.description?.value ?? "", expanded };
}

for (const [query, tips] of Object.entries(ENGLISH)) {
  test(`every explanation opens by keyboard and is read with its button: "${query || "default"}"`, async () => {
    const { page, errors } = await open(query);
    for (const [index, [name, fact]] of tips.entries()) {
      await tabTo(page, name);
      const button = tip(page, name);
      const described = await describedTip(page, button);
      assert.equal(await described.isVisible(), false, `${name}: closed before it is pressed`);
      // Enter and Space both open it.
      await page.keyboard.press(index % 2 ? " " : "Enter");
      assert.equal(await described.isVisible(), true, `${name}: open after the key`);
      assert.equal(await button.getAttribute("aria-expanded"), "true");
      assert.match(await described.textContent(), fact);
      const read = await spoken(page, name);
      assert.match(read.description, fact, `${name}: a screen reader reads the tip with the button`);
      assert.equal(read.expanded, true);
      // Escape closes it and leaves the focus where it was.
      await page.keyboard.press("Escape");
      assert.equal(await described.isVisible(), false, `${name}: closed by Escape`);
      assert.equal(await button.getAttribute("aria-expanded"), "false");
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), name);
    }
    await page.close();
    assertNoErrors(errors);
  });
}

test("a tip opens by hover, and the field after its button is the next Tab stop", async () => {
  const { page, errors } = await open();
  const described = await describedTip(page, tip(page, "What is the stride?"));
  await page.hover("[aria-label='What is the stride?']");
  assert.equal(await described.isVisible(), true);
  await page.mouse.move(900, 600);
  assert.equal(await described.isVisible(), false);
  // The "?" comes before its fields, and then the fields follow in order.
  await tabTo(page, "What is the stride?");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "stride-h");
  await page.close();
  assertNoErrors(errors);
});

test("on a phone a tap opens and closes a tip, in Chinese", async () => {
  const { page, errors } = await open("?lang=zh", { touch: true, width: 375, height: 740 });
  await page.tap(".drawer-toggle");
  const button = tip(page, "什么是填充？");
  const described = await describedTip(page, button);
  await button.tap();
  assert.equal(await described.isVisible(), true);
  const text = await described.textContent();
  assert.match(text, /在输入四周补上几圈 0/);
  assert.match(text, /symmetric：四周各补 \(K − 1\) \/ 2 圈/);
  // The tip fits the phone's width.
  const box = await described.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 375, `tip at ${box.x}…${box.x + box.width}`);
  await button.tap();
  assert.equal(await described.isVisible(), false);
  // Another tip by tap: stride, with its formula.
  const stride = tip(page, "什么是步长？");
  await stride.tap();
  assert.match(await (await describedTip(page, stride)).textContent(), /窗口每次移动的格数/);
  await page.close();
  assertNoErrors(errors);
});

test("the advanced fold starts closed, opens for a link that needs it, and stays as the learner leaves it", async () => {
  const { page, errors } = await open();
  assert.equal(await page.getAttribute("#advanced", "open"), null);
  assert.equal(await page.isVisible("#dilation-h"), false);
  assert.equal(await page.isVisible("#flip-kernel"), false);
  // The beginner's controls are outside it.
  for (const id of ["#input-h", "#kernel-h", "#stride-h", "#channels", "#filters", "#padding-mode", "#bias-0"]) {
    assert.equal(await page.isVisible(id), true, `${id} is shown`);
  }
  await page.close();
  assertNoErrors(errors);

  for (const query of ["?d=2&in=6", "?flip=1", "?op=max-pool&ceil=1", "?op=avg-pool&incpad=0"]) {
    const { page, errors } = await open(query);
    assert.notEqual(await page.getAttribute("#advanced", "open"), null, `${query} opens the fold`);
    await page.close();
    assertNoErrors(errors);
  }

  const linked = await open("?d=2&in=6");
  assert.equal(await linked.page.inputValue("#dilation-h"), "2");
  assert.equal(await linked.page.locator("#dilation-lock").getAttribute("aria-pressed"), "true");
  // Back at the default, the fold stays open under the learner's hands.
  await linked.page.fill("#dilation-h", "1");
  assert.equal(await linked.page.inputValue("#dilation-w"), "1");
  assert.notEqual(await linked.page.getAttribute("#advanced", "open"), null);
  await linked.page.close();
  assertNoErrors(linked.errors);

  const zh = await open("?lang=zh");
  assert.equal(await zh.page.textContent("#advanced > summary"), "高级选项");
  await zh.page.close();
  assertNoErrors(zh.errors);
});

test("the lock moves a size's rows and columns together, and a size past its limit keeps what was typed", async () => {
  const { page, errors } = await open("?in=5&k=3x1");
  const lock = page.locator("#input-lock");
  assert.equal(await lock.getAttribute("aria-pressed"), "true", "a square size starts locked");
  assert.equal(await lock.getAttribute("aria-label"), "Input: rows and columns move together");
  assert.equal(await page.locator("#kernel-lock").getAttribute("aria-pressed"), "false", "3×1 starts unlocked");

  await page.fill("#input-h", "6");
  assert.equal(await page.inputValue("#input-w"), "6");
  await page.fill("#input-w", "7");
  assert.equal(await page.inputValue("#input-h"), "7");
  await page.waitForFunction(() => document.querySelectorAll("[data-grid='input-0'] tr").length === 7);

  // Unlocked, each field sets its own axis.
  await lock.click();
  assert.equal(await lock.getAttribute("aria-pressed"), "false");
  await page.fill("#input-h", "4");
  assert.equal(await page.inputValue("#input-w"), "7");
  await page.fill("#kernel-h", "2");
  assert.equal(await page.inputValue("#kernel-w"), "1");
  const rows = await page.$$eval("[data-grid='input-0'] tr", (trs) => trs.map((tr) => tr.cells.length));
  assert.deepEqual(rows, [7, 7, 7, 7]);

  // Locked again, a number past the limit goes to both fields; the one typed into keeps it and says why.
  await page.click("#kernel-lock");
  await page.fill("#kernel-w", "16");
  assert.equal(await page.inputValue("#kernel-w"), "16");
  assert.equal(await page.inputValue("#kernel-h"), "16");
  await page.waitForSelector("#kernel-w[aria-invalid='true']");
  assert.match(await page.textContent("[data-testid='error']"), /15/);
  assert.equal(await page.textContent("#kernel-w-range"), "1–15");
  await page.fill("#kernel-w", "2");
  await page.waitForSelector("[data-testid='error']", { state: "detached" });
  assert.equal(await page.inputValue("#kernel-h"), "2");

  // In Chinese the lock is named in Chinese.
  await page.click("button:has-text('中文')");
  assert.equal(await lock.getAttribute("aria-label"), "输入：行列联动");
  await page.close();
  assertNoErrors(errors);
});

test("a named padding shows the sides it resolves to, in both languages", async () => {
  // Same with stride 2 on 4 cells: output 2, total padding (2 − 1)·2 + 3 − 4 = 1, the odd cell after.
  const { page, errors } = await open("?in=4&k=3&s=2&pad=same");
  const sides = () => page.textContent(".resolved-sides");
  assert.equal(await sides(), "top 0 · left 0 · bottom 1 · right 1");
  await page.selectOption("#padding-mode", "same-lower");
  assert.equal(await sides(), "top 1 · left 1 · bottom 0 · right 0");
  await page.selectOption("#padding-mode", "full");
  assert.equal(await sides(), "top 2 · left 2 · bottom 2 · right 2");
  await page.selectOption("#padding-mode", "valid");
  assert.equal(await sides(), "top 0 · left 0 · bottom 0 · right 0");
  // The menu is described by the sides it resolves to.
  assert.equal(await page.getAttribute("#padding-mode", "aria-describedby"), "resolved-sides");
  // Custom padding has its own fields instead.
  await page.selectOption("#padding-mode", "custom");
  assert.equal(await page.locator(".resolved-sides").count(), 0);
  await page.close();
  assertNoErrors(errors);

  const zh = await open("?lang=zh&in=4&k=3&s=2&pad=same");
  assert.equal(await zh.page.textContent(".resolved-sides"), "上 0 · 左 0 · 下 1 · 右 1");
  const labels = await zh.page.$$eval("#padding-mode option", (options) => options.map((o) => o.textContent));
  assert.ok(labels.includes("same（输出尺寸 = ⌈输入/步长⌉）"), labels.join(" | "));
  assert.ok(labels.includes("same（补不齐时多的一格补在上/左）"));
  assert.ok(labels.includes("full（四周各补 K−1 圈）"));
  assert.equal(await zh.page.textContent(".sizes > legend"), "窗口参数");
  assert.equal(await zh.page.textContent("label[for='channels']"), "输入通道数");
  assert.equal(await zh.page.textContent("label[for='filters']"), "卷积核个数（输出通道数）");
  await zh.page.close();
  assertNoErrors(zh.errors);
});
