// Runs every end-to-end test file against a release build: node tests/e2e/run.mjs dist
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] ?? "dist");
if (!fs.existsSync(path.join(dist, "index.html"))) {
  console.error(`no release build in ${dist}: run trunk build --release first`);
  process.exit(1);
}
const files = fs.readdirSync(here).filter((file) => file.endsWith(".test.mjs")).map((file) => path.join(here, file));
const result = spawnSync(process.execPath, ["--test", "--test-concurrency=1", ...files], {
  stdio: "inherit",
  env: { ...process.env, CONVSTEP_DIST: dist },
});
process.exit(result.status ?? 1);
