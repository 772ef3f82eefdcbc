import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { join } from "node:path";
import { signBody } from "@convo/messenger";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../../..");

describe("convo emulator", () => {
  it("serves the Graph API until stopped, sends a customer's words to the webhook signed and lists its calls", async () => {
    const received: { signature: string; raw: string }[] = [];
    const webhook = createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk) => {
        raw += chunk;
      });
      req.on("end", () => {
        received.push({ signature: String(req.headers["x-hub-signature-256"]), raw });
        res.end("EVENT_RECEIVED");
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, "127.0.0.1", resolve));
    const hook = `http://127.0.0.1:${(webhook.address() as { port: number }).port}/webhooks/messenger`;
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "apps/runtime/src/cli.ts",
        "emulator",
        "--port",
        "0",
        "--page-token",
        "T0K",
        "--app-secret",
        "s3cret",
        "--webhook",
        hook,
      ],
      { cwd: root },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk) => {
          out += chunk;
          const found = /emulator on (http:\/\/\S+)/.exec(out);
          if (found?.[1]) resolve(found[1]);
        });
        child.once("exit", (code) => reject(new Error(`exited ${code}`)));
      });
      const said = await fetch(`${url}/_say`, {
        method: "POST",
        body: JSON.stringify({ psid: "42", text: "bonjour" }),
      });
      expect(said.status).toBe(200);
      expect(received).toHaveLength(1);
      expect(received[0]?.signature).toBe(signBody(received[0]?.raw ?? "", "s3cret"));
      expect(JSON.parse(received[0]?.raw ?? "{}").entry[0].messaging[0].message.text).toBe(
        "bonjour",
      );

      const refused = await fetch(`${url}/v27.0/me/messages?access_token=wrong`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ recipient: { id: "42" }, message: { text: "hi" } }),
      });
      const refusal = (await refused.json()) as { error: { type: string } };
      expect(refusal.error.type).toBe("OAuthException");
      const { data: calls } = (await (await fetch(`${url}/_calls`)).json()) as {
        data: { query: Record<string, string> }[];
      };
      expect(calls).toHaveLength(1);
      expect(calls[0]?.query.access_token).toBe("[redacted]");
    } finally {
      child.kill("SIGTERM");
      const code = await new Promise((resolve) => child.once("exit", resolve));
      webhook.close();
      expect(code).toBe(0);
    }
  });

  it("says what is wrong with a bad option", async () => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "apps/runtime/src/cli.ts",
        "emulator",
        "--webhook",
        "https://example.com/hook",
      ],
      { cwd: root },
    );
    let err = "";
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(err).toContain("--webhook must be an http:// address");
  });
});
