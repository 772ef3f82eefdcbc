import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../../..");

/** Runs the real command line, as `npm run convo -- validate …` does. */
function convo(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "apps/runtime/src/cli.ts", ...args],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each case starts a real `node --import tsx` process: allow for a loaded machine.
describe("convo validate", { timeout: 60_000 }, () => {
  it("passes the examples folder with exit code 0, on every channel", () => {
    const { status, stdout } = convo("validate", "examples");
    // The support flow's link and call buttons become lines of the text on WhatsApp.
    expect(stdout).toContain("WhatsApp: link and call buttons are sent as lines of the text.");
    // The trip updates' boarding pass (a file) goes as its link on Instagram.
    expect(stdout).toContain(
      "trip-updates.json: nodes[10].data.content[1]: warning: Instagram: a file is sent as its link.",
    );
    expect(stdout).toContain("7 file(s): 0 error(s), 3 warning(s)");
    expect(status).toBe(0);
  });

  it("checks the channels named by --channel, and refuses an unknown one", () => {
    const dir = mkdtempSync(join(tmpdir(), "convo-validate-"));
    const file = join(dir, "sizes.json");
    const buttons = [1, 2, 3, 4].map((n) => ({
      id: `s${n}`,
      kind: "postback",
      title: `Size ${n}`,
    }));
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        id: "sizes",
        name: "Sizes",
        variables: [],
        nodes: [
          {
            id: "start",
            type: "trigger",
            position: { x: 0, y: 0 },
            data: { triggers: [{ kind: "default" }] },
          },
          {
            id: "ask",
            type: "message",
            position: { x: 300, y: 0 },
            data: { content: [{ id: "t", kind: "text", text: "Which size?", buttons }] },
          },
        ],
        edges: [
          { id: "e", source: "start", target: "ask" },
          ...buttons.map((b) => ({
            id: `e-${b.id}`,
            source: "ask",
            sourceHandle: b.id,
            target: "start",
          })),
        ],
      }),
    );
    const whatsapp = convo("validate", "--channel", "whatsapp", file);
    expect(whatsapp.stdout).toContain("warning: WhatsApp: 4 buttons — sent as a list");
    expect(whatsapp.status).toBe(0);
    const messenger = convo("validate", "--channel=messenger", file);
    expect(messenger.stdout).toContain(
      "error: Messenger shows at most 3 buttons here; this has 4.",
    );
    expect(messenger.status).toBe(1);
    const unknown = convo("validate", "--channel", "telegram", file);
    expect(unknown.stderr).toContain(
      '--channel takes one of messenger, instagram, whatsapp, not "telegram"',
    );
    expect(unknown.status).toBe(2);
  });

  it("prints file: path: message for every problem and exits 1 on errors", () => {
    const dir = mkdtempSync(join(tmpdir(), "convo-validate-"));
    const notJson = join(dir, "broken.json");
    const notFlow = join(dir, "package.json");
    const tooLong = join(dir, "too-long.json");
    writeFileSync(notJson, "{ nodes: [");
    writeFileSync(notFlow, JSON.stringify({ name: "convo", private: true }));
    writeFileSync(
      tooLong,
      JSON.stringify({
        schemaVersion: 1,
        id: "promo",
        name: "Promo",
        variables: [],
        nodes: [
          {
            id: "start",
            type: "trigger",
            position: { x: 0, y: 0 },
            data: { triggers: [{ kind: "ref", ref: "ad" }] },
          },
          {
            id: "m",
            type: "message",
            position: { x: 0, y: 0 },
            data: {
              content: [
                {
                  id: "t",
                  kind: "text",
                  text: "Hi",
                  buttons: [
                    {
                      id: "b",
                      kind: "url",
                      title: "A title far too long for it",
                      url: "https://x.test",
                    },
                  ],
                },
              ],
            },
          },
        ],
        edges: [{ id: "e", source: "start", target: "m" }],
      }),
    );
    const { status, stdout, stderr } = convo(
      "validate",
      notJson,
      notFlow,
      tooLong,
      join(dir, "missing.json"),
    );
    expect(stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(stdout).toContain(`${notJson}: (document): error: This is not JSON`);
    expect(stdout).toContain(
      `${notFlow}: (document): error: This is not a flow: "schemaVersion" is missing.`,
    );
    expect(stdout).toContain(
      `${tooLong}: nodes[1].data.content[0].buttons[0].title: error: The button title "A title far too long for it" is 27 characters; Messenger allows 20.`,
    );
    expect(stdout).toContain(`${join(dir, "missing.json")}: error: no such file`);
    expect(status).toBe(1);
  });

  it("exits 0 when there are only warnings", () => {
    const dir = mkdtempSync(join(tmpdir(), "convo-validate-"));
    const file = join(dir, "lonely.json");
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        id: "lonely",
        name: "Lonely",
        variables: [],
        nodes: [
          {
            id: "start",
            type: "trigger",
            position: { x: 0, y: 0 },
            data: { triggers: [{ kind: "ref", ref: "ad" }] },
          },
          {
            id: "m",
            type: "message",
            position: { x: 0, y: 0 },
            data: { content: [{ id: "t", kind: "text", text: "Nobody links here" }] },
          },
        ],
        edges: [],
      }),
    );
    const { status, stdout } = convo("validate", file);
    expect(stdout).toContain(`${file}: nodes[1]: warning: Nothing leads to this step.`);
    expect(status).toBe(0);
  });

  it("reports clashes between the files: a keyword of my flow that an example claims, by both files", () => {
    const dir = mkdtempSync(join(tmpdir(), "convo-validate-"));
    const mine = join(dir, "my-parcels.json");
    writeFileSync(
      mine,
      JSON.stringify({
        schemaVersion: 1,
        id: "my-parcels",
        name: "My parcels",
        variables: [],
        nodes: [
          {
            id: "start",
            type: "trigger",
            position: { x: 0, y: 0 },
            data: { triggers: [{ kind: "keyword", match: "contains", keywords: ["Colis"] }] },
          },
          {
            id: "m",
            type: "message",
            position: { x: 0, y: 0 },
            data: { content: [{ id: "t", kind: "text", text: "Your parcel?" }] },
          },
        ],
        edges: [{ id: "e", source: "start", target: "m" }],
      }),
    );
    const example = join("examples", "order-tracking.json");
    const { status, stdout } = convo("validate", mine, example);
    expect(stdout).toContain(
      `${mine}: nodes[0].data.triggers[0].keywords[0]: error: The keyword "Colis" is also a keyword of the flow "Order tracking" (order-tracking)`,
    );
    expect(stdout).toContain(`(${example})`);
    expect(stdout).toMatch(
      /order-tracking\.json: nodes\[0\]\.data\.triggers\[0\]\.translations\.fr\.keywords\[1\]: error: The keyword "colis" is also a keyword of the flow "My parcels" \(my-parcels\)/,
    );
    expect(status).toBe(1);
    // Alone, each file is fine.
    expect(convo("validate", mine).status).toBe(0);
  });
});
