// A tiny static file server for the release build, mounted under a sub-path to prove that
// ConvStep works from any static host and any path. Used by the tests and benchmarks.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

/** Content types by file extension, as a static host sends them. */
export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
};

/** Serves `root` at `http://127.0.0.1:<port><base>`; resolves to { url, close }. */
export function serve(root, base = "/course/convstep/", port = 0) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, "http://localhost");
    if (!url.pathname.startsWith(base)) {
      response.writeHead(404).end("not found");
      return;
    }
    let file = path.join(root, decodeURIComponent(url.pathname.slice(base.length)));
    if (!file.startsWith(path.resolve(root))) {
      response.writeHead(403).end();
      return;
    }
    if (file.endsWith(path.sep) || file === path.resolve(root)) file = path.join(file, "index.html");
    fs.readFile(file, (error, data) => {
      if (error) {
        response.writeHead(404).end("not found");
        return;
      }
      response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      response.end(data);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const { port: actual } = server.address();
      resolve({ url: `http://127.0.0.1:${actual}${base}`, close: () => server.close() });
    });
  });
}
