// The examples and screen sizes the one-screen checks and screenshots cover.

/** Every example the one-screen issue lists, as links. `whole` examples are small enough to
 * show every cell at every size, with nothing scrolled; `columns` ones show every column of
 * every figure, scrolling only down; `ready` is what shows the example is
 * set up (a lesson's chapter sets its figure once the lesson is read). */
export const EXAMPLES = [
  { name: "tutorial-4x4", query: "?in=4x4", whole: true },
  { name: "same-7x7-s2", query: "?in=7x7&k=3&s=2&pad=same", whole: true },
  { name: "channels-3-filters-2", query: "?in=6x6&ch=3&f=2" },
  { name: "block-6x6", query: "?op=block&in=6x6&ch=3&f=2" },
  // The depthwise-separable block: five maps in the strip, 12 pointwise kernel planes.
  { name: "separable-6x6", query: "?op=block&first=separable&ch=3&f=4" },
  // The block on a 16×16 picture: the sample is chosen in the settings drawer.
  { name: "block-picture-16x16", query: "?op=block&k=3&f=2", sample: "house" },
  { name: "rgb-32x32-f8", query: "?in=32x32&ch=3&f=8&seed=3" },
  { name: "large-64x64", query: "?in=64x64&seed=5" },
  // A picture's values are decimals (0.41) and its outputs negative ones (−0.12): wider than a
  // cell. `columns`: every column of every figure is in view (the rows may scroll).
  { name: "decimal-picture-8x8", query: "?op=conv&pic=digit&in=8&seed=2", columns: true },
  // A lesson's text beside (or above) the figure: chapters 3 (padding) and 9 (the block).
  { name: "lesson-padding", query: "?lesson=tutorial&chapter=3", ready: "[data-testid='chapter-count']" },
  { name: "lesson-block", query: "?lesson=tutorial&chapter=9", ready: "[data-testid='chapter-count']" },
];

/** The sizes ConvStep is used at: a projector, a small laptop, a desktop, an embedded page and a
 * phone. */
export const SIZES = [
  { name: "projector-1280x720", viewport: { width: 1280, height: 720 }, query: "&theme=projector", touch: false },
  { name: "projector-1024x600", viewport: { width: 1024, height: 600 }, query: "&theme=projector", touch: false },
  { name: "light-1366x768", viewport: { width: 1366, height: 768 }, query: "&theme=light", touch: false },
  { name: "embed-1024x600", viewport: { width: 1024, height: 600 }, query: "&embed=1", touch: false },
  { name: "phone-375x740", viewport: { width: 375, height: 740 }, query: "&theme=light", touch: true },
];

/** Opens `example` at `size` on `page`, choosing its sample picture if it has one. */
export async function openExample(page, url, example, size) {
  await page.goto(url + example.query + size.query);
  await page.waitForSelector(".figures [data-grid]");
  if (example.ready) await page.waitForSelector(example.ready);
  if (example.sample) {
    const toggle = page.locator(".drawer-toggle");
    const open = (await toggle.getAttribute("aria-expanded")) === "true";
    if (!open) await toggle.click();
    await page.click(`[data-sample='${example.sample}']`);
    await page.waitForFunction(() => document.querySelectorAll("[data-grid='input-0'] tr").length === 16);
    if (!open) {
      // Where the drawer opens over the grids it has its own close button.
      const close = page.locator(".close-drawer");
      await ((await close.isVisible()) ? close : toggle).click();
    }
  }
}
