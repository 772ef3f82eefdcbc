import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseEncoding } from "../src/static";
import { startRuntime, type TestRuntime } from "./helpers";

const INDEX = `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Convo</title>
<script type="module" crossorigin src="/assets/index-3f2a9c1b.js"></script>
<link rel="icon" type="image/svg+xml" href="/favicon.svg" /></head><body><div id="root"></div></body></html>`;
// Large and repetitive, like a bundle: well worth compressing.
const APP_JS = `export const words = [${Array.from({ length: 400 }, (_, i) => `"word ${i}"`).join(",")}];\n`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8]);

let rt: TestRuntime;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), "convo-dist-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), INDEX);
  writeFileSync(join(dist, "assets", "index-3f2a9c1b.js"), APP_JS);
  writeFileSync(join(dist, "assets", "logo-77aa00bb.png"), PNG);
  writeFileSync(join(dist, "favicon.svg"), `<svg xmlns="http://www.w3.org/2000/svg"></svg>`);
  rt = await startRuntime({ CONVO_EDITOR_DIST: dist });
  // Everything is in memory: the folder going away changes nothing for the requests below.
  rmSync(dist, { recursive: true, force: true });
});
afterAll(() => rt.stop());

/** A raw request: the path goes out exactly as written (fetch would resolve `..` first). */
function raw(
  path: string,
  headers: Record<string, string> = {},
  method = "GET",
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}> {
  const { hostname, port } = new URL(rt.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.once("error", reject);
    req.end();
  });
}

describe("the editor's files", () => {
  it("come brotli- or gzip-compressed as the browser accepts, the same bytes once decoded", async () => {
    const path = "/assets/index-3f2a9c1b.js";
    const br = await raw(path, { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.body.byteLength).toBeLessThan(APP_JS.length / 3);
    expect(brotliDecompressSync(br.body).toString()).toBe(APP_JS);

    const gz = await raw(path, { "accept-encoding": "br;q=0, gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(APP_JS);

    const plain = await raw(path);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(APP_JS);

    for (const answer of [br, gz, plain]) {
      expect(answer.status).toBe(200);
      expect(answer.headers["content-type"]).toBe("text/javascript; charset=utf-8");
      expect(answer.headers.vary).toBe("Accept-Encoding");
    }
  });

  it("are cached for a year when hashed, revalidated otherwise", async () => {
    const asset = await raw("/assets/index-3f2a9c1b.js");
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const icon = await raw("/favicon.svg");
    expect(icon.headers["cache-control"]).toBe("no-cache");
    const page = await raw("/");
    expect(page.headers["cache-control"]).toBe("no-cache");
    expect(page.body.toString()).toBe(INDEX);
  });

  it("answer 304 to a matching If-None-Match, whichever encoding the tag came with", async () => {
    const path = "/assets/index-3f2a9c1b.js";
    const first = await raw(path, { "accept-encoding": "br" });
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^"[\w-]+-br"$/);
    const again = await raw(path, { "accept-encoding": "br", "if-none-match": tag });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    expect(again.headers.etag).toBe(tag);
    // The identity tag and a weak form of it name the same content.
    const identityTag = (await raw(path)).headers.etag as string;
    expect(identityTag).not.toBe(tag);
    expect((await raw(path, { "if-none-match": `W/${identityTag}` })).status).toBe(304);
    expect((await raw(path, { "if-none-match": `"other", ${identityTag}` })).status).toBe(304);
    expect((await raw(path, { "if-none-match": '"something-else"' })).status).toBe(200);
  });

  it("leave images as they are", async () => {
    const png = await raw("/assets/logo-77aa00bb.png", { "accept-encoding": "br, gzip" });
    expect(png.status).toBe(200);
    expect(png.headers["content-type"]).toBe("image/png");
    expect(png.headers["content-encoding"]).toBeUndefined();
    expect(png.headers.vary).toBeUndefined();
    expect(png.body.equals(PNG)).toBe(true);
  });

  it("answer HEAD with the headers and no body", async () => {
    const head = await raw("/assets/index-3f2a9c1b.js", { "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBe("br");
    expect(head.body.byteLength).toBe(0);
  });
});

describe("editor routes", () => {
  it("get index.html, never cached without asking", async () => {
    for (const path of ["/flows/welcome", "/live-chat", "/flows/welcome/test?x=1"]) {
      const page = await raw(path, { "accept-encoding": "gzip" });
      expect(page.status, path).toBe(200);
      expect(page.headers["cache-control"]).toBe("no-cache");
      expect(gunzipSync(page.body).toString()).toBe(INDEX);
    }
  });

  it("do not hide a missing file or a server route behind index.html", async () => {
    const missing = await raw("/assets/index-00000000.js");
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString())).toMatchObject({ error: { code: "not_found" } });
    const api = await raw("/api/nothing-here", { authorization: "Bearer test-admin-token" });
    expect(api.status).toBe(404);
    expect(api.body.toString()).not.toContain("<!doctype");
  });
});

describe("malformed and hostile paths", () => {
  it("get a 400 when they are not valid percent-encoded UTF-8, never a 500", async () => {
    for (const path of ["/%ff", "/%", "/%E0%A4%A", "/%c0%ae%c0%ae/etc/passwd"]) {
      const answer = await raw(path);
      expect(answer.status, path).toBe(400);
      expect(JSON.parse(answer.body.toString())).toMatchObject({ error: { code: "invalid_path" } });
    }
  });

  it("never reach a file outside the build", async () => {
    for (const path of [
      "/../../../../etc/passwd",
      "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
      "/assets/..%2f..%2f..%2f..%2fpackage.json",
      "/..%5c..%5c..%5cpackage.json",
      "/assets/%2e%2e/%2e%2e/%2e%2e/package.json",
    ]) {
      const answer = await raw(path);
      expect(answer.status, path).toBeLessThan(500);
      const text = answer.body.toString();
      expect(text, path).not.toContain("root:");
      expect(text, path).not.toContain('"name"');
    }
  });
});

describe("chooseEncoding", () => {
  const both = { br: true, gzip: true };
  it.each([
    ["br, gzip", "br"],
    ["gzip, br;q=0.5", "gzip"],
    ["gzip;q=0, br;q=0", undefined],
    ["*", "br"],
    ["*;q=0, gzip", "gzip"],
    ["identity", undefined],
    ["x-gzip", "gzip"],
    ["BR", "br"],
    ["br;q=abc, gzip", "gzip"],
  ])("%s → %s", (header, expected) => {
    expect(chooseEncoding(header, both)).toBe(expected);
  });
  it("offers only what the file has", () => {
    expect(chooseEncoding("br, gzip", { gzip: true })).toBe("gzip");
    expect(chooseEncoding("br", { gzip: true })).toBeUndefined();
  });
});
