import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOKEN } from "./helpers";
import { apiAt, serveConvo } from "./serve";

/**
 * `/api` bodies are capped per route, and an oversized one is refused with 413 before it is read
 * whole: the process's resident memory, read from a child `convo serve`'s `/metrics`, does not
 * grow by the body's size.
 */

const MB = 1024 * 1024;
let dir: string;
let child: ChildProcess;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "convo-limits-"));
  const running = await serveConvo({ PORT: "0", CONVO_DB: join(dir, "convo.db") });
  child = running.process;
  url = running.url;
});
afterAll(() => {
  if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

async function rss(): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^process_resident_memory_bytes (\d+)$/m.exec(text)?.[1]);
}

/**
 * POSTs `size` bytes of a JSON string in 1 MB chunks, declared up front or chunked, and stops
 * sending as soon as an answer comes (a refusal does not wait for the rest).
 */
function upload(
  path: string,
  size: number,
  declared: boolean,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(`${url}${path}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${TOKEN}`,
        "content-type": "application/json",
        ...(declared ? { "content-length": String(size) } : {}),
      },
    });
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body });
        req.destroy();
      });
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(MB, 0x61);
    chunk[0] = 0x22; // The body is one JSON string: "aaaa…"
    let sent = 0;
    const pump = () => {
      while (!answered && sent < size) {
        const part = Math.min(MB, size - sent);
        const piece = part === MB ? chunk : chunk.subarray(0, part);
        if (sent + part === size) piece[part - 1] = 0x22;
        sent += part;
        if (sent >= size) {
          req.end(piece);
          return;
        }
        if (!req.write(piece)) {
          req.once("drain", pump);
          return;
        }
      }
    };
    pump();
  });
}

describe("body-size caps on /api", () => {
  it("refuses a 100 MB import with 413, before reading it, and the process does not grow", async () => {
    const before = await rss();
    const declared = await upload("/api/flows/import", 100 * MB, true);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({
      error: { code: "too_large", message: "The body is larger than 5 MB." },
    });
    // Without a declared length, reading stops at the cap.
    const chunked = await upload("/api/flows/import", 100 * MB, false);
    expect(chunked.status).toBe(413);
    // A small route has a small cap, chunked or not.
    const small = await upload("/api/contacts/nobody/pause", 100 * MB, false);
    expect(small.status).toBe(413);
    expect(JSON.parse(small.body).error.message).toBe("The body is larger than 64 KB.");
    const grown = (await rss()) - before;
    // Reading 100 MB whole would hold at least that much (bytes, then the string).
    expect(grown).toBeLessThan(32 * MB);
    // The runtime still answers.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it("still takes an import of a few megabytes, and refuses a small route's body past 64 KB", async () => {
    const api = apiAt(url);
    const welcome = (await api("GET", "/api/flows/welcome")) as { json: { flow: object } };
    // A real flow with 3 MB of notes on its canvas: under the import cap.
    const flow = welcome.json.flow as { nodes: object[] };
    const notes = Array.from({ length: 160 }, (_, i) => ({
      id: `note-${i}`,
      type: "note",
      position: { x: i * 10, y: 0 },
      data: { text: "x".repeat(20_000) },
    }));
    const big = { ...flow, id: "big-import", nodes: [...flow.nodes, ...notes] };
    expect(JSON.stringify(big).length).toBeGreaterThan(3 * MB);
    const imported = await api("POST", "/api/flows/import", big);
    expect(imported.status).toBe(201);
    const rename = await fetch(`${url}/api/flows/big-import`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "x".repeat(100 * 1024) }),
    });
    expect(rename.status).toBe(413);
  });
});
