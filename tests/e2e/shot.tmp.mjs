// temporary: screenshots with the drawer open and optionally a tip open
import { serve } from "./serve.mjs";
import { launch } from "./browser.mjs";
const [out, width, height, query, tipName, touch] = process.argv.slice(2);
const server = await serve("/work/wt-controls/dist");
const browser = await launch();
const context = await browser.newContext({ viewport: { width: Number(width), height: Number(height) }, hasTouch: !!touch, isMobile: !!touch });
const page = await context.newPage();
page.on("pageerror", (e) => console.log("pageerror", e));
await page.goto(server.url + query);
await page.waitForSelector(".figures [data-grid]");
const toggle = page.locator(".drawer-toggle");
if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
if (tipName) { const b = page.getByRole("button", { name: tipName, exact: true }); await b.scrollIntoViewIfNeeded(); await (touch ? b.tap() : b.click()); }
await page.waitForTimeout(200);
await page.screenshot({ path: out });
await browser.close(); server.close();
