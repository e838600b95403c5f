// Takes a screenshot of the release build: node tests/e2e/screenshot.mjs dist out.png [width] [height] [script]
// `script` is JavaScript run in the page (after it loads) to set up the view.
import path from "node:path";
import { serve } from "./serve.mjs";
import { launch } from "./browser.mjs";

const [dist = "dist", out = "screenshot.png", width = "1280", height = "800", query = ""] = process.argv.slice(2);
const server = await serve(path.resolve(dist));
const browser = await launch();
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
page.on("console", (message) => console.log(`[console.${message.type()}] ${message.text()}`));
page.on("pageerror", (error) => console.log(`[pageerror] ${error}`));
await page.goto(server.url + query);
await page.waitForSelector(".figures [data-grid]");
if (process.env.SETUP) await page.evaluate(process.env.SETUP);
await page.waitForTimeout(200);
await page.screenshot({ path: out, fullPage: process.env.FULL === "1" });
await browser.close();
server.close();
console.log(`wrote ${out}`);
