import { describe, expect, it } from "vitest";
import { createNode } from "../../create";
import { lintFlow } from "../../lint";
import { nodeOutputs } from "../../outputs";
import { parseFlow } from "../../parse";
import { redactSecrets } from "../../redact";
import type { Flow } from "../../schema";
import { makeFlow, makeNode, testChannel } from "../../testing";
import { NOTIFY_LIMITS } from "./schema";

type NotifyData = Parameters<typeof makeNode<"notify">>[2];

/** start → tell (notify) → done, or → sorry on error; `city` is set by a question. */
function notifyFlow(data: Partial<NotifyData> = {}): Flow {
  return makeFlow(
    "tell",
    [
      makeNode("start", "trigger", {
        triggers: [{ kind: "keyword", match: "exact", keywords: ["help"] }],
      }),
      makeNode("ask", "input", {
        question: "Which city?",
        variable: "city",
        validation: { kind: "text" },
      }),
      makeNode("tell", "notify", {
        url: "https://hooks.example.com/team",
        text: "{{contact.first_name}} from {{city}} needs a hand",
        variables: ["city"],
        ...data,
      }),
      makeNode("done", "message", { content: [{ id: "t1", kind: "text", text: "Told them" }] }),
      makeNode("sorry", "message", { content: [{ id: "t2", kind: "text", text: "Not now" }] }),
    ],
    [
      ["start", "ask"],
      ["ask", "tell"],
      ["tell", "done"],
      ["tell", "error", "sorry"],
    ],
    [{ name: "city", type: "text" }],
  );
}

const codes = (flow: Flow) => lintFlow(flow, { channel: testChannel }).map((p) => p.code);

describe("the Notify the team step", () => {
  it("parses, has next and error outputs, and lints clean when drawn fully", () => {
    const flow = notifyFlow();
    expect(parseFlow(flow).ok).toBe(true);
    const tell = flow.nodes.find((n) => n.id === "tell");
    expect(tell && nodeOutputs(tell).map((o) => o.id)).toEqual(["next", "error"]);
    expect(codes(flow)).toEqual([]);
  });

  it("refuses in the schema more variables or a longer time-out than it offers", () => {
    const many = Array.from({ length: NOTIFY_LIMITS.variables.max + 1 }, (_, i) => `v${i}`);
    expect(parseFlow(notifyFlow({ variables: many })).ok).toBe(false);
    expect(parseFlow(notifyFlow({ timeoutMs: NOTIFY_LIMITS.timeoutMs.max + 1 })).ok).toBe(false);
    expect(parseFlow(notifyFlow({ timeoutMs: NOTIFY_LIMITS.timeoutMs.max })).ok).toBe(true);
  });

  it("wants an https address, or a secret holding it", () => {
    expect(codes(notifyFlow({ url: "http://hooks.example.com/team" }))).toEqual([
      "notify-url-not-https",
    ]);
    expect(codes(notifyFlow({ url: "" }))).toEqual(["notify-url-not-https"]);
    expect(codes(notifyFlow({ url: "ftp://example.com" }))).toEqual(["notify-url-not-https"]);
    // A secret in the address is filled in; in the text it would be sent as written.
    expect(codes(notifyFlow({ url: "{{secrets.TEAM_HOOK}}" }))).toEqual([]);
    expect(codes(notifyFlow({ text: "key {{secrets.TEAM_HOOK}}" }))).toEqual([
      "secret-outside-http",
    ]);
  });

  it("wants a message, and variables the flow has", () => {
    expect(codes(notifyFlow({ text: "  " }))).toEqual(["notify-text-empty"]);
    expect(codes(notifyFlow({ variables: ["city", "budget"] }))).toContain("variable-undeclared");
  });

  it("empties a credential typed into the address in exports", () => {
    const flow = notifyFlow({ url: "https://bot:hunter22secret@hooks.example.com/team" });
    const { flow: safe, redacted } = redactSecrets(flow);
    expect(redacted).toEqual(["nodes[2].data.url"]);
    const tell = safe.nodes[2];
    expect(tell?.type === "notify" && tell.data.url).not.toContain("hunter22secret");
    expect(redactSecrets(notifyFlow()).redacted).toEqual([]);
  });

  it("starts as a step that needs only its address typed", () => {
    const node = createNode("notify", { x: 0, y: 0 }, (p) => `${p}-1`);
    const flow = notifyFlow();
    flow.nodes[2] = { ...node, id: "tell" };
    expect(codes(flow)).toEqual(["notify-url-not-https"]);
  });
});
