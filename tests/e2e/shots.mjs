// Screenshots of the listed examples at the sizes ConvStep is used at, for looking at by eye:
//   node tests/e2e/shots.mjs dist out-dir [filter]
// Writes one PNG per example and size listed in screens.mjs.
import fs from "node:fs";
import path from "node:path";
import { serve } from "./serve.mjs";
import { launch } from "./browser.mjs";
import { EXAMPLES, SIZES, openExample } from "./screens.mjs";

const [dist = "dist", out = "shots", filter = ""] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const server = await serve(path.resolve(dist));
const browser = await launch();
for (const size of SIZES) {
  const context = await browser.newContext({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });
  const page = await context.newPage();
  for (const example of EXAMPLES) {
    const name = `${size.name}-${example.name}`;
    if (filter && !name.includes(filter)) continue;
    await openExample(page, server.url, example, size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(out, `${name}.png`) });
  }
  await context.close();
}
await browser.close();
server.close();
