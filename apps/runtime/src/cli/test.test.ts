import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exampleIds, examplePath, exampleText } from "@convo/flow/testing/examples";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../../..");

/** Runs the real command line, as `npm run convo -- …` does. */
function convo(args: string[], input?: string) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "apps/runtime/src/cli.ts", ...args],
    {
      cwd: root,
      encoding: "utf8",
      input,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("convo test", () => {
  it("passes the support example's script, printing each turn", () => {
    const { status, stdout } = convo([
      "test",
      "examples/support.json",
      "examples/support.conversation.yaml",
    ]);
    expect(stdout).toContain('✓   1 say "I need help"');
    expect(stdout).toContain("bot: How can we help? [Delivery times] [Returns] [Talk to a human]");
    expect(stdout).toMatch(/passed: \d+ turn\(s\)/);
    expect(status).toBe(0);
  });

  it("prints what failed and exits 1; reads JSON scripts; loads the flows beside the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "convo-test-"));
    copyFileSync(examplePath("welcome.json"), join(dir, "welcome.json"));
    copyFileSync(examplePath("support.json"), join(dir, "support.json"));
    const script = join(dir, "script.json");
    writeFileSync(
      script,
      JSON.stringify([
        { say: "hi" },
        { tap: "Talk to us" },
        { expect: { text: "How can we help?" } },
        { expect: { text: "Goodbye" } },
      ]),
    );
    const { status, stdout } = convo(["test", join(dir, "welcome.json"), script]);
    expect(stdout).toContain('✓   3 expect text "How can we help?"');
    expect(stdout).toContain('✗   4 expect text "Goodbye"');
    expect(stdout).toContain('Expected the bot to say "Goodbye"');
    expect(stdout).toContain("failed: 1 of 4 turn(s)");
    expect(status).toBe(1);
  });

  it("plays every example's script on Messenger, Instagram and WhatsApp, each as it shows them", () => {
    for (const id of exampleIds()) {
      const { status, stdout } = convo([
        "test",
        `examples/${id}.json`,
        `examples/${id}.conversation.yaml`,
      ]);
      for (const channel of ["Messenger", "Instagram", "WhatsApp"]) {
        expect(stdout, `${id} on ${channel}`).toMatch(new RegExp(`passed: .* on ${channel}\n`));
      }
      expect(status, id).toBe(0);
    }
  });

  it("plays a script on the channel it names, and fails what that channel cannot show", () => {
    const dir = mkdtempSync(join(tmpdir(), "convo-test-"));
    const flow = JSON.parse(exampleText("support"));
    // Eleven sizes: a Messenger quick-reply menu; WhatsApp lists ten at most.
    const menu = flow.nodes.find((n: { id: string }) => n.id === "menu");
    menu.data.quickReplies = Array.from({ length: 11 }, (_, i) => ({
      id: `size${30 + i}`,
      title: `Size ${30 + i}`,
    }));
    writeFileSync(join(dir, "support.json"), JSON.stringify(flow));
    const script = (channel: string) => {
      const path = join(dir, `${channel}.yaml`);
      writeFileSync(path, `channel: ${channel}\nturns:\n  - say: support\n`);
      return path;
    };
    const onWhatsApp = convo(["test", join(dir, "support.json"), script("whatsapp")]);
    expect(onWhatsApp.stdout).toContain("The channel refuses a message:");
    expect(onWhatsApp.stdout).toMatch(/failed: 1 of 1 turn\(s\) .* on WhatsApp/);
    expect(onWhatsApp.stdout).not.toContain("on Messenger");
    expect(onWhatsApp.status).toBe(1);

    const onMessenger = convo(["test", join(dir, "support.json"), script("messenger")]);
    expect(onMessenger.stdout).toMatch(/passed: 1 turn\(s\) .* on Messenger/);
    expect(onMessenger.status).toBe(0);

    const unknown = convo(["test", join(dir, "support.json"), script("telegram")]);
    expect(unknown.stderr).toContain(
      "`channel: telegram` is not a channel; use messenger, instagram, whatsapp.",
    );
    expect(unknown.status).toBe(1);
  });

  it("explains a script it cannot read", () => {
    const dir = mkdtempSync(join(tmpdir(), "convo-test-"));
    const script = join(dir, "bad.yaml");
    writeFileSync(script, "- shout: hi\n");
    const { status, stderr } = convo(["test", "examples/welcome.json", script]);
    expect(stderr).toContain("turn 1: should have exactly one of say, tap");
    expect(status).toBe(1);
  });
});

describe("convo chat", () => {
  it("talks to a flow, with numbered choices, /vars and --offline HTTP failures", () => {
    const input = ["where is my colis", "A12345", "2", "/vars", "/quit", ""].join("\n");
    const { status, stdout } = convo(
      ["chat", "examples/order-tracking.json", "--offline", "--name", "Zoé"],
      input,
    );
    expect(stdout).toContain("bot: Sure! What's your order number?");
    expect(stdout).toContain("HTTP failed: offline");
    expect(stdout).toContain("bot: Our order system is not answering right now.");
    expect(stdout).toContain("[2] Returns");
    expect(stdout).toContain("you: Returns");
    expect(stdout).toContain("bot: You can return any item within 30 days");
    expect(stdout).toContain('"order_number": "A12345"');
    expect(status).toBe(0);
  });

  it("fast-forwards time-outs on /wait", () => {
    const input = ["order", "/wait", "/quit", ""].join("\n");
    const { stdout } = convo(["chat", "examples/order-tracking.json", "--offline"], input);
    expect(stdout).toContain(
      'bot: No worries, type "order" whenever you have your order number at hand.',
    );
  });
});

describe("convo chat with AI steps", () => {
  it("asks the built-in AI emulator: routes by intent and answers from the FAQ", () => {
    const input = ["Do you deliver abroad?", "/quit", ""].join("\n");
    const { stdout, status } = convo(["chat", "examples/faq-assistant.json"], input);
    expect(stdout).toContain("· AI emulator: answered");
    expect(stdout).toContain(
      "bot: Yes, we deliver across the European Union in 3 to 5 working days.",
    );
    expect(status).toBe(0);
  });
});

describe("convo chat with a real HTTP API", () => {
  it("performs the flow's request on a local server and maps the answer", async () => {
    const { createServer } = await import("node:http");
    const { spawn } = await import("node:child_process");
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ""}`);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ status: "shipped", delivery: { eta: "tomorrow" } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const dir = mkdtempSync(join(tmpdir(), "convo-chat-"));
      const flow = JSON.parse(exampleText("order-tracking"));
      const lookup = flow.nodes.find((n: { id: string }) => n.id === "lookup");
      lookup.data.steps[0].url = `http://127.0.0.1:${port}/api/orders/{{order_number}}`;
      writeFileSync(join(dir, "order-tracking.json"), JSON.stringify(flow));
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "apps/runtime/src/cli.ts", "chat", join(dir, "order-tracking.json")],
        { cwd: root, env: { ...process.env, CONVO_SECRET_SHOP_API_KEY: "k3y" } },
      );
      let stdout = "";
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
      });
      child.stdin.end(["order", "A 12/34", "/quit", ""].join("\n"));
      await new Promise((resolve) => child.on("close", resolve));
      expect(seen).toEqual(["GET /api/orders/A%2012%2F34 Bearer k3y"]);
      expect(stdout).toContain("HTTP answered (200)");
      expect(stdout).toContain("bot: Order A 12/34 is on its way 🚚 Expected on tomorrow.");
    } finally {
      server.close();
    }
  });
});
