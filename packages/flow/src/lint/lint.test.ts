import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exampleIds, loadExample } from "../../test/examples";
import type { Flow, FlowNode, NodeOfType } from "../schema";
import { smallFlow, testChannel } from "../testing";
import { arbitraryFlow } from "../testing/arbitraries";
import { canPublish, lintFlow } from ".";

function node<T extends FlowNode["type"]>(flow: Flow, id: string, type: T): NodeOfType<T> {
  const found = flow.nodes.find((n) => n.id === id);
  if (!found || found.type !== type) throw new Error(`no ${type} node ${id}`);
  return found as NodeOfType<T>;
}
const ask = (f: Flow) => node(f, "ask", "message");
const askText = (f: Flow) => {
  const block = ask(f).data.content[0];
  if (block?.kind !== "text") throw new Error("expected text");
  return block;
};
const pos = { x: 0, y: 0 };
/** Adds a node wired after `bye`, so it is reachable. */
function addAfterBye(f: Flow, added: FlowNode): void {
  f.nodes.push(added);
  f.edges.push({ id: `e-${added.id}`, source: "bye", target: added.id });
}

type Options = Omit<Parameters<typeof lintFlow>[1], "channel">;
const lint = (flow: Flow, options: Options = {}) =>
  lintFlow(flow, { channel: testChannel, ...options });

interface Case {
  code: string;
  severity: "error" | "warning";
  path: string;
  mutate: (flow: Flow) => void;
  options?: Options;
}

const cases: Case[] = [
  // Messenger limits on messages
  {
    code: "message-empty",
    severity: "error",
    path: "nodes[3].data.content",
    mutate: (f) => {
      node(f, "bye", "message").data.content = [];
    },
  },
  {
    code: "text-empty",
    severity: "error",
    path: "nodes[3].data.content[0].text",
    mutate: (f) => {
      const b = node(f, "bye", "message").data.content[0];
      if (b?.kind === "text") b.text = "  ";
    },
  },
  {
    code: "text-too-long",
    severity: "error",
    path: "nodes[3].data.content[0].text",
    mutate: (f) => {
      const b = node(f, "bye", "message").data.content[0];
      if (b?.kind === "text") b.text = "a".repeat(2001);
    },
  },
  {
    code: "text-too-long",
    severity: "error",
    path: "nodes[1].data.content[0].text",
    mutate: (f) => {
      askText(f).text = "a".repeat(641);
    },
  },
  {
    code: "too-many-buttons",
    severity: "error",
    path: "nodes[1].data.content[0].buttons",
    mutate: (f) => {
      askText(f).buttons = ["a", "b", "c", "d"].map((id) => ({
        id,
        kind: "url",
        title: id,
        url: "https://x.test",
      }));
    },
  },
  {
    code: "button-title-empty",
    severity: "error",
    path: "nodes[1].data.content[0].buttons[0].title",
    mutate: (f) => {
      const b = askText(f).buttons?.[0];
      if (b) b.title = "";
    },
  },
  {
    code: "button-title-too-long",
    severity: "error",
    path: "nodes[1].data.content[0].buttons[0].title",
    mutate: (f) => {
      const b = askText(f).buttons?.[0];
      if (b) b.title = "Paris, the city of light";
    },
  },
  {
    code: "url-not-http",
    severity: "error",
    path: "nodes[1].data.content[0].buttons[1].url",
    mutate: (f) => {
      askText(f).buttons?.push({
        id: "js",
        kind: "url",
        title: "Open",
        url: "javascript:alert(1)",
      });
    },
  },
  {
    code: "url-not-http",
    severity: "error",
    path: "nodes[1].data.content[1].url",
    mutate: (f) => {
      ask(f).data.content.push({ id: "img", kind: "image", url: "ftp://files.test/a.png" });
    },
  },
  {
    code: "phone-invalid",
    severity: "error",
    path: "nodes[1].data.content[0].buttons[1].phone",
    mutate: (f) => {
      askText(f).buttons?.push({ id: "call", kind: "call", title: "Call us", phone: "call me" });
    },
  },
  {
    code: "cards-empty",
    severity: "error",
    path: "nodes[1].data.content[1].cards",
    mutate: (f) => {
      ask(f).data.content.push({ id: "g", kind: "cards", cards: [] });
    },
  },
  {
    code: "too-many-cards",
    severity: "error",
    path: "nodes[1].data.content[1].cards",
    mutate: (f) => {
      ask(f).data.content.push({
        id: "g",
        kind: "cards",
        cards: Array.from({ length: 11 }, (_, i) => ({ id: `c${i}`, title: `Card ${i}` })),
      });
    },
  },
  {
    code: "card-title-empty",
    severity: "error",
    path: "nodes[1].data.content[1].cards[0].title",
    mutate: (f) => {
      ask(f).data.content.push({ id: "g", kind: "cards", cards: [{ id: "c", title: "" }] });
    },
  },
  {
    code: "card-title-too-long",
    severity: "error",
    path: "nodes[1].data.content[1].cards[0].title",
    mutate: (f) => {
      ask(f).data.content.push({
        id: "g",
        kind: "cards",
        cards: [{ id: "c", title: "t".repeat(81) }],
      });
    },
  },
  {
    code: "card-subtitle-too-long",
    severity: "error",
    path: "nodes[1].data.content[1].cards[0].subtitle",
    mutate: (f) => {
      ask(f).data.content.push({
        id: "g",
        kind: "cards",
        cards: [{ id: "c", title: "Shoes", subtitle: "s".repeat(81) }],
      });
    },
  },
  {
    code: "too-many-quick-replies",
    severity: "error",
    path: "nodes[1].data.quickReplies",
    mutate: (f) => {
      ask(f).data.quickReplies = Array.from({ length: 14 }, (_, i) => ({
        id: `q${i}`,
        title: `City ${i}`,
      }));
    },
  },
  {
    code: "quick-reply-title-empty",
    severity: "error",
    path: "nodes[1].data.quickReplies[0].title",
    mutate: (f) => {
      const q = ask(f).data.quickReplies?.[0];
      if (q) q.title = "";
    },
  },
  {
    code: "quick-reply-title-too-long",
    severity: "error",
    path: "nodes[1].data.quickReplies[0].title",
    mutate: (f) => {
      const q = ask(f).data.quickReplies?.[0];
      if (q) q.title = "Lyon, capital of Gaul";
    },
  },
  {
    code: "quick-replies-after-typing",
    severity: "warning",
    path: "nodes[1].data.quickReplies",
    mutate: (f) => {
      ask(f).data.content.push({ id: "pause", kind: "typing", seconds: 2 });
    },
  },
  // Triggers
  {
    code: "trigger-empty",
    severity: "error",
    path: "nodes[0].data.triggers",
    mutate: (f) => {
      node(f, "start", "trigger").data.triggers = [];
    },
  },
  {
    code: "keywords-empty",
    severity: "error",
    path: "nodes[0].data.triggers[0].keywords",
    mutate: (f) => {
      node(f, "start", "trigger").data.triggers = [
        { kind: "keyword", match: "exact", keywords: [" "] },
      ];
    },
  },
  {
    code: "ref-empty",
    severity: "error",
    path: "nodes[0].data.triggers[1].ref",
    mutate: (f) => {
      node(f, "start", "trigger").data.triggers.push({ kind: "ref", ref: "" });
    },
  },
  {
    code: "payload-empty",
    severity: "error",
    path: "nodes[0].data.triggers[1].payload",
    mutate: (f) => {
      node(f, "start", "trigger").data.triggers.push({ kind: "postback", payload: "" });
    },
  },
  {
    code: "payload-too-long",
    severity: "error",
    path: "nodes[0].data.triggers[1].payload",
    mutate: (f) => {
      node(f, "start", "trigger").data.triggers.push({
        kind: "postback",
        payload: "é".repeat(501),
      });
    },
  },
  // Inputs
  {
    code: "text-empty",
    severity: "error",
    path: "nodes[2].data.question",
    mutate: (f) => {
      node(f, "city-input", "input").data.question = "";
    },
  },
  {
    code: "choices-empty",
    severity: "error",
    path: "nodes[2].data.validation.choices",
    mutate: (f) => {
      node(f, "city-input", "input").data.validation = { kind: "choice", choices: [] };
    },
  },
  {
    code: "too-many-quick-replies",
    severity: "error",
    path: "nodes[2].data.validation.choices",
    mutate: (f) => {
      node(f, "city-input", "input").data.validation = {
        kind: "choice",
        choices: Array.from({ length: 14 }, (_, i) => ({ id: `c${i}`, title: `C${i}` })),
      };
    },
  },
  {
    code: "quick-reply-title-too-long",
    severity: "error",
    path: "nodes[2].data.validation.choices[0].title",
    mutate: (f) => {
      node(f, "city-input", "input").data.validation = {
        kind: "choice",
        choices: [{ id: "c", title: "A very long choice title" }],
      };
    },
  },
  {
    code: "range-inverted",
    severity: "error",
    path: "nodes[2].data.validation",
    mutate: (f) => {
      node(f, "city-input", "input").data.validation = { kind: "number", min: 10, max: 1 };
    },
  },
  // Conditions
  {
    code: "branches-empty",
    severity: "warning",
    path: "nodes[4].data.branches",
    mutate: (f) => {
      addAfterBye(f, { id: "cond", type: "condition", position: pos, data: { branches: [] } });
    },
  },
  {
    code: "branch-without-rules",
    severity: "warning",
    path: "nodes[4].data.branches[0].rules",
    mutate: (f) => {
      addAfterBye(f, {
        id: "cond",
        type: "condition",
        position: pos,
        data: { branches: [{ id: "b", match: "all", rules: [] }] },
      });
    },
  },
  {
    code: "pattern-invalid",
    severity: "error",
    path: "nodes[4].data.branches[0].rules[0].value",
    mutate: (f) => {
      addAfterBye(f, {
        id: "cond",
        type: "condition",
        position: pos,
        data: {
          branches: [
            {
              id: "b",
              match: "all",
              rules: [{ kind: "variable", name: "city", op: "matches", value: "([a-z" }],
            },
          ],
        },
      });
    },
  },
  {
    code: "pattern-refused",
    severity: "warning",
    path: "nodes[4].data.branches[0].rules[0].value",
    mutate: (f) => {
      addAfterBye(f, {
        id: "cond",
        type: "condition",
        position: pos,
        data: {
          branches: [
            {
              id: "b",
              match: "all",
              rules: [{ kind: "variable", name: "city", op: "matches", value: "(?<!a)b" }],
            },
          ],
        },
      });
    },
  },
  {
    code: "pattern-too-long",
    severity: "error",
    path: "nodes[4].data.branches[0].rules[0].value",
    mutate: (f) => {
      addAfterBye(f, {
        id: "cond",
        type: "condition",
        position: pos,
        data: {
          branches: [
            {
              id: "b",
              match: "all",
              rules: [{ kind: "variable", name: "city", op: "matches", value: "a".repeat(201) }],
            },
          ],
        },
      });
    },
  },
  // Actions
  {
    code: "steps-empty",
    severity: "warning",
    path: "nodes[4].data.steps",
    mutate: (f) => {
      addAfterBye(f, { id: "act", type: "action", position: pos, data: { steps: [] } });
    },
  },
  {
    code: "tag-empty",
    severity: "error",
    path: "nodes[4].data.steps[0].tag",
    mutate: (f) => {
      addAfterBye(f, {
        id: "act",
        type: "action",
        position: pos,
        data: { steps: [{ kind: "add_tag", tag: "" }] },
      });
    },
  },
  {
    code: "url-not-http",
    severity: "error",
    path: "nodes[4].data.steps[0].url",
    mutate: (f) => {
      addAfterBye(f, {
        id: "act",
        type: "action",
        position: pos,
        data: { steps: [{ kind: "http", method: "GET", url: "file:///etc/passwd" }] },
      });
    },
  },
  {
    code: "secret-in-flow",
    severity: "warning",
    path: "nodes[4].data.steps[0].headers[0].value",
    mutate: (f) => {
      addAfterBye(f, {
        id: "act",
        type: "action",
        position: pos,
        data: {
          steps: [
            {
              kind: "http",
              method: "GET",
              url: "https://api.test",
              headers: [{ name: "Authorization", value: "Bearer abc123" }],
            },
          ],
        },
      });
    },
  },
  {
    code: "secret-in-flow",
    severity: "warning",
    path: "nodes[4].data.steps[0].url",
    mutate: (f) => {
      addAfterBye(f, {
        id: "act",
        type: "action",
        position: pos,
        data: {
          steps: [
            {
              kind: "http",
              method: "GET",
              url: "https://api.test/orders?lang=fr&api_key=sk_live_1&sig={{secrets.SIG}}",
            },
          ],
        },
      });
    },
  },
  {
    code: "secret-outside-http",
    severity: "warning",
    path: "nodes[4].data.steps[0].value",
    mutate: (f) => {
      addAfterBye(f, {
        id: "act",
        type: "action",
        position: pos,
        data: { steps: [{ kind: "set_variable", variable: "city", value: "{{secrets.KEY}}" }] },
      });
    },
  },
  {
    code: "secret-in-flow",
    severity: "warning",
    path: "nodes[4].data.steps[0].body",
    mutate: (f) => {
      addAfterBye(f, {
        id: "act",
        type: "action",
        position: pos,
        data: {
          steps: [
            {
              kind: "http",
              method: "POST",
              url: "https://api.test",
              body: '{"password":"hunter22"}',
            },
          ],
        },
      });
    },
  },
  // Randomizer
  {
    code: "variants-too-few",
    severity: "warning",
    path: "nodes[4].data.variants",
    mutate: (f) => {
      addAfterBye(f, {
        id: "ab",
        type: "randomizer",
        position: pos,
        data: { variants: [{ id: "a", weight: 1 }] },
      });
    },
  },
  {
    code: "weights-zero",
    severity: "error",
    path: "nodes[4].data.variants",
    mutate: (f) => {
      addAfterBye(f, {
        id: "ab",
        type: "randomizer",
        position: pos,
        data: {
          variants: [
            { id: "a", weight: 0 },
            { id: "b", weight: 0 },
          ],
        },
      });
    },
  },
  // Graph
  {
    code: "output-id-duplicate",
    severity: "error",
    path: "nodes[1].data.quickReplies[0]",
    mutate: (f) => {
      const q = ask(f).data.quickReplies?.[0];
      if (q) q.id = "paris";
    },
  },
  {
    code: "edge-missing-source",
    severity: "error",
    path: "edges[4].source",
    mutate: (f) => {
      f.edges.push({ id: "e9", source: "ghost", target: "bye" });
    },
  },
  {
    code: "edge-missing-target",
    severity: "error",
    path: "edges[4].target",
    mutate: (f) => {
      f.edges.push({ id: "e9", source: "bye", target: "ghost" });
    },
  },
  {
    code: "edge-into-note",
    severity: "error",
    path: "edges[4].target",
    mutate: (f) => {
      f.nodes.push({ id: "n", type: "note", position: pos, data: { text: "hi" } });
      f.edges.push({ id: "e9", source: "bye", target: "n" });
    },
  },
  {
    code: "edge-missing-handle",
    severity: "error",
    path: "edges[1].sourceHandle",
    mutate: (f) => {
      const b = askText(f).buttons?.[0];
      if (b) b.id = "marseille";
    },
  },
  {
    code: "output-multiple-edges",
    severity: "error",
    path: "edges[4]",
    mutate: (f) => {
      f.edges.push({ id: "e9", source: "ask", sourceHandle: "paris", target: "city-input" });
    },
  },
  {
    code: "no-trigger",
    severity: "error",
    path: "nodes",
    mutate: (f) => {
      f.nodes = f.nodes.filter((n) => n.type !== "trigger");
      f.edges = f.edges.filter((e) => e.source !== "start");
    },
  },
  {
    code: "unreachable",
    severity: "warning",
    path: "nodes[2]",
    mutate: (f) => {
      f.edges = f.edges.filter((e) => e.target !== "city-input");
      ask(f).data.quickReplies = [];
    },
  },
  {
    code: "output-leads-nowhere",
    severity: "warning",
    path: "nodes[1].data.content[0].buttons[0]",
    mutate: (f) => {
      f.edges = f.edges.filter((e) => e.sourceHandle !== "paris");
    },
  },
  {
    code: "goto-unknown-flow",
    severity: "error",
    path: "nodes[4].data.flowId",
    options: { knownFlows: ["small", "support"] },
    mutate: (f) => {
      addAfterBye(f, { id: "go", type: "goto", position: pos, data: { flowId: "supprot" } });
    },
  },
  {
    code: "goto-unknown-node",
    severity: "error",
    path: "nodes[4].data.nodeId",
    mutate: (f) => {
      addAfterBye(f, {
        id: "go",
        type: "goto",
        position: pos,
        data: { flowId: "small", nodeId: "nowhere" },
      });
    },
  },
  // Variables
  {
    code: "variable-undeclared",
    severity: "warning",
    path: "nodes[3].data.content[0].text",
    mutate: (f) => {
      const b = node(f, "bye", "message").data.content[0];
      if (b?.kind === "text") b.text = "See you in {{cty}}!";
    },
  },
  {
    code: "variable-never-set",
    severity: "warning",
    path: "nodes[3].data.content[0].text",
    mutate: (f) => {
      f.variables.push({ name: "country", type: "text" });
      const b = node(f, "bye", "message").data.content[0];
      if (b?.kind === "text") b.text = "See you in {{country}}!";
    },
  },
];

describe("lintFlow", () => {
  it("finds nothing wrong in the small flow and in every example", () => {
    expect(lint(smallFlow())).toEqual([]);
    for (const id of exampleIds()) {
      expect(lint(loadExample(id), { knownFlows: exampleIds() }), id).toEqual([]);
    }
  });

  it.each(cases.map((c, i) => [`${c.code} (${i})`, c] as const))("reports %s", (_name, c) => {
    const flow = smallFlow();
    c.mutate(flow);
    const problems = lint(flow, c.options);
    expect(problems).toContainEqual(
      expect.objectContaining({ code: c.code, severity: c.severity, path: c.path }),
    );
  });

  it("attaches problems to the node they are on, with a readable sentence", () => {
    const flow = smallFlow();
    const b = askText(flow).buttons?.[0];
    if (b) b.title = "Paris, the city of light";
    const [problem] = lint(flow);
    expect(problem).toEqual({
      code: "button-title-too-long",
      severity: "error",
      path: "nodes[1].data.content[0].buttons[0].title",
      nodeId: "ask",
      message: 'The button title "Paris, the city of light" is 24 characters; Messenger allows 20.',
      params: { length: 24, max: 20 },
    });
  });

  it("checks the limits of the channel it is given, and names it", () => {
    const flow = smallFlow();
    const b = askText(flow).buttons?.[0];
    if (b) b.title = "Paris, the city of light";
    const roomy = { name: "Roomy", limits: { ...testChannel.limits, buttonTitle: 30 } };
    expect(lintFlow(flow, { channel: roomy })).toEqual([]);
    const tight = { name: "Tight", limits: { ...testChannel.limits, buttonTitle: 10 } };
    expect(lintFlow(flow, { channel: tight }).map((p) => p.message)).toEqual([
      'The button title "Paris, the city of light" is 24 characters; Tight allows 10.',
    ]);
  });

  it("blocks publishing on errors only", () => {
    const flow = smallFlow();
    f_unreachable(flow);
    const warningsOnly = lint(flow);
    expect(warningsOnly.every((p) => p.severity === "warning")).toBe(true);
    expect(canPublish(warningsOnly)).toBe(true);
    ask(flow).data.content = [];
    expect(canPublish(lint(flow))).toBe(false);
  });

  it("accepts URLs that start with a template, and templated URLs", () => {
    const flow = smallFlow();
    askText(flow).buttons?.push({ id: "u1", kind: "url", title: "Track", url: "{{tracking_url}}" });
    askText(flow).buttons?.push({
      id: "u2",
      kind: "url",
      title: "Order",
      url: "https://shop.test/o/{{city}}",
    });
    expect(lint(flow).filter((p) => p.code === "url-not-http")).toEqual([]);
  });

  it("accepts the call numbers Messenger takes, in the ways people write them, and only those", () => {
    const flow = smallFlow();
    const call = (phone: string) => ({
      id: "call",
      kind: "call" as const,
      title: "Call us",
      phone,
    });
    const verdict = (phone: string) => {
      const block = askText(flow);
      block.buttons = [call(phone)];
      return lint(flow).some((p) => p.code === "phone-invalid");
    };
    expect(verdict("+1 (555) 123-4567")).toBe(false);
    expect(verdict("+33 6 12 34 56 78")).toBe(false);
    expect(verdict("+33.6.12.34.56.78")).toBe(false);
    expect(verdict("+0612345678")).toBe(true);
    expect(verdict("06 12 34 56 78")).toBe(true);
  });

  it("never throws on a schema-valid flow, and names only nodes that exist", () => {
    const known = fc.subarray(["welcome", "support", "generated"]);
    fc.assert(
      fc.property(arbitraryFlow(15), known, (flow, knownFlows) => {
        for (const problem of lint(flow, { knownFlows })) {
          expect(problem.message).not.toBe("");
          if (problem.nodeId !== undefined) {
            expect(flow.nodes.some((n) => n.id === problem.nodeId)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("lets goto name any known flow, and skips the check when none are given", () => {
    const flow = smallFlow();
    addAfterBye(flow, { id: "go", type: "goto", position: pos, data: { flowId: "support" } });
    expect(lint(flow, { knownFlows: ["support"] })).toEqual([]);
    expect(lint(flow)).toEqual([]);
  });
});

function f_unreachable(flow: Flow): void {
  flow.nodes.push({
    id: "lost",
    type: "message",
    position: pos,
    data: { content: [{ id: "t", kind: "text", text: "Lost" }] },
  });
}
