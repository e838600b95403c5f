// The page printed as a handout: the grids whole, with their values, the calculation and the size
// formula, and none of the controls; in both languages, and as a PDF.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, assertNoErrors } from "./harness.mjs";

/** In print media: what is shown and whether any grid is cut off. */
function printed() {
  const shown = (selector) =>
    [...document.querySelectorAll(selector)].some((element) => element.getClientRects().length > 0);
  const cut = [...document.querySelectorAll(".planes, .plane-cells")].filter(
    (box) => box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1,
  ).length;
  return {
    controls: shown(".drawer, .bar, .toolbar, .save-picture, .stage-strip"),
    grids: document.querySelectorAll(".figures [data-grid]").length,
    cut,
    calculation: shown("[data-testid='step-value']"),
    formula: shown(".explain .formula"),
    caption: document.querySelector(".figure figcaption").textContent,
  };
}

test("printed, the page is a handout: whole grids, the calculation and the formula, no controls", async () => {
  const { page, errors } = await open("?in=32x32&ch=3&f=2&seed=3&step=100&theme=projector", { width: 1280, height: 720 });
  await page.emulateMedia({ media: "print" });
  await page.waitForTimeout(200);
  const handout = await page.evaluate(printed);
  assert.deepEqual(
    { ...handout, grids: handout.grids > 0 },
    { controls: false, grids: true, cut: 0, calculation: true, formula: true, caption: "Input" },
  );
  const pdf = await page.pdf({ format: "A4" });
  assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 1, `${pages} pages`);
  await page.close();
  assertNoErrors(errors);
});

test("a handout prints in the learner's language", async () => {
  const { page, errors } = await open("?in=5x5&lang=zh");
  await page.emulateMedia({ media: "print" });
  const handout = await page.evaluate(printed);
  assert.equal(handout.controls, false);
  assert.equal(handout.caption, "输入");
  await page.close();
  assertNoErrors(errors);
});
