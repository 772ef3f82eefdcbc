import { decodePayload, encodePayload } from "@convo/flow";
import { testChannel } from "@convo/flow/testing";
import { describe, expect, it } from "vitest";
import { initialSession } from "./session";
import { step } from "./step";
import { makeContext, makeFlow, makeNode, sentTexts, talk } from "./testing";
import type { EngineAction, FlowRef, Session } from "./types";

const start = makeNode("start", "trigger", {
  triggers: [{ kind: "keyword", match: "contains", keywords: ["hello"] }],
});
const say = (id: string, text: string, extra: object = {}) =>
  makeNode(id, "message", { content: [{ id: "t", kind: "text", text }], ...extra });

const menu = makeFlow(
  "menu",
  [
    start,
    makeNode("ask", "message", {
      content: [
        { id: "typing", kind: "typing", seconds: 1 },
        {
          id: "t",
          kind: "text",
          text: "Hi {{contact.first_name|there}}, today is {{system.today}}",
          buttons: [
            { id: "yes", kind: "postback", title: "Yes" },
            {
              id: "site",
              kind: "url",
              title: "Site",
              url: "https://x.example/{{contact.first_name}}",
            },
          ],
        },
      ],
      quickReplies: [{ id: "later", title: "Later" }],
    }),
    say("yes-reply", "Great, {{secrets.TOKEN}} stays"),
    say("else-reply", "Use the buttons"),
    makeNode("note", "note", { text: "ignored" }),
  ],
  [
    ["start", "ask"],
    ["ask", "yes", "yes-reply"],
    ["ask", "else", "else-reply"],
  ],
);

const send = (actions: EngineAction[]) =>
  actions.filter((a): a is Extract<EngineAction, { type: "send" }> => a.type === "send");

describe("message", () => {
  it("sends blocks in order with templates filled and payloads encoded, then waits for a tap", () => {
    const [first] = talk(menu, [{ type: "message", text: "Hello!" }]);
    expect(first?.actions.map((a) => a.type)).toEqual([
      "track",
      "track",
      "track",
      "typing",
      "send",
    ]);
    const [sent] = send(first?.actions ?? []);
    expect(sent?.message).toEqual({
      kind: "text",
      text: "Hi Ada, today is 2025-06-01",
      buttons: [
        { kind: "postback", title: "Yes", payload: "cv1|menu|1|ask|yes" },
        { kind: "url", title: "Site", url: "https://x.example/Ada" },
      ],
      quickReplies: [{ kind: "text", title: "Later", payload: "cv1|menu|1|ask|later" }],
    });
    expect(first?.session.waiting).toEqual({ kind: "tap", flowId: "menu", nodeId: "ask" });
  });

  it("follows the tapped handle and leaves secrets for the host", () => {
    const [, second] = talk(menu, [
      { type: "message", text: "hello" },
      { type: "postback", payload: "cv1|menu|1|ask|yes", title: "Yes" },
    ]);
    expect(sentTexts(second?.actions ?? [])).toEqual(["Great, {{secrets.TOKEN}} stays"]);
    expect(second?.actions).toContainEqual({
      type: "track",
      flowId: "menu",
      nodeId: "ask",
      handle: "yes",
    });
    expect(second?.actions.at(-1)).toEqual({ type: "end" });
    expect(second?.session.waiting).toBeUndefined();
  });

  it("ends when the tapped handle is not connected", () => {
    const [, second] = talk(menu, [
      { type: "message", text: "hello" },
      { type: "quick_reply", payload: "cv1|menu|1|ask|later", text: "Later" },
    ]);
    expect(second?.actions).toEqual([
      { type: "track", flowId: "menu", nodeId: "ask", handle: "later" },
      { type: "end" },
    ]);
  });

  it("takes else for free text while waiting", () => {
    const [, second] = talk(menu, [
      { type: "message", text: "hello" },
      { type: "message", text: "what?" },
    ]);
    expect(sentTexts(second?.actions ?? [])).toEqual(["Use the buttons"]);
  });

  it("falls back to trigger matching when else is not connected", () => {
    const other = makeFlow(
      "other",
      [
        makeNode("go", "trigger", {
          triggers: [{ kind: "keyword", match: "exact", keywords: ["prices"] }],
        }),
        say("prices", "Our prices"),
      ],
      [["go", "prices"]],
    );
    const noElse = { ...menu, edges: menu.edges.filter((e) => e.sourceHandle !== "else") };
    const context = makeContext({ flows: [{ flow: other, version: 2 }] });
    const [, second, third] = talk(
      noElse,
      [
        { type: "message", text: "hello" },
        { type: "message", text: "Prices" },
        { type: "message", text: "nothing matches this" },
      ],
      context,
    );
    expect(sentTexts(second?.actions ?? [])).toEqual(["Our prices"]);
    expect(third?.actions).toEqual([]);
  });

  it("lands a tap on an old message where it was drawn", () => {
    const [first] = talk(menu, [{ type: "message", text: "hello" }]);
    // Idle later, the contact scrolls up and taps "Yes" again.
    const idle: Session = { ...(first?.session as Session), waiting: undefined };
    const [again] = talk(
      menu,
      [{ type: "postback", payload: "cv1|menu|1|ask|yes" }],
      makeContext(),
      idle,
    );
    expect(sentTexts(again?.actions ?? [])).toEqual(["Great, {{secrets.TOKEN}} stays"]);
  });

  it("gives the default reply for a tap on a step that is gone", () => {
    const fallback = makeFlow(
      "fallback",
      [
        makeNode("d", "trigger", { triggers: [{ kind: "default" }] }),
        say("sorry", "Sorry, that button is old"),
      ],
      [["d", "sorry"]],
    );
    const [result] = talk(
      menu,
      [{ type: "postback", payload: "cv1|menu|1|gone|yes" }],
      makeContext({ flows: [{ flow: fallback, version: 1 }] }),
    );
    expect(sentTexts(result?.actions ?? [])).toEqual(["Sorry, that button is old"]);
  });

  it("shortens titles and texts a long name pushes past the channel's limits, instead of losing the message", () => {
    const long = "Maximilienne-Alexandrine de La Rochefoucauld";
    const flow = makeFlow("long", [
      makeNode("m", "message", {
        content: [
          {
            id: "t",
            kind: "text",
            text: `${"Bonjour {{contact.first_name}} ! ".repeat(20)}`,
            buttons: [{ id: "b", kind: "postback", title: "Oui {{contact.first_name}}" }],
          },
          {
            id: "c",
            kind: "cards",
            cards: [
              { id: "c1", title: `{{contact.first_name}} ${long}`, subtitle: long.repeat(2) },
            ],
          },
        ],
        quickReplies: [{ id: "q", title: "C'est {{contact.first_name}}" }],
      }),
    ]);
    const limits = testChannel.limits;
    const context = makeContext({ contact: { fields: { first_name: long }, tags: [] }, limits });
    const [text, cards] = send(
      step(flow, initialSession(), { type: "start", flowId: "long", nodeId: "m" }, context).actions,
    ).map((a) => a.message);
    if (text?.kind !== "text" || cards?.kind !== "cards") throw new Error("unexpected messages");
    expect(text.text.length).toBeLessThanOrEqual(limits.buttonTemplateText);
    expect(text.buttons?.[0]?.title).toBe("Oui Maximilienne-Al…");
    const card = cards.cards[0];
    expect(card?.title.length).toBe(limits.cardTitle);
    expect(card?.title.endsWith("…")).toBe(true);
    expect(card?.subtitle?.length).toBeLessThanOrEqual(limits.cardSubtitle);
    expect(cards.quickReplies?.[0]).toMatchObject({ title: "C'est Maximilienne-…" });

    // Another channel's limits give other cuts: the numbers come from the host, not the engine.
    const roomy = { ...limits, buttonTitle: 60 };
    const [wide] = send(
      step(
        flow,
        initialSession(),
        { type: "start", flowId: "long", nodeId: "m" },
        {
          ...context,
          limits: roomy,
        },
      ).actions,
    ).map((a) => a.message);
    expect(wide?.kind === "text" && wide.buttons?.[0]?.title).toBe(`Oui ${long}`);
  });

  it("sends media and cards with rendered URLs and payloads", () => {
    const flow = makeFlow("m", [
      makeNode("n", "message", {
        content: [
          { id: "i", kind: "image", url: "https://img.example/{{contact.first_name}}.png" },
          {
            id: "c",
            kind: "cards",
            cards: [
              {
                id: "c1",
                title: "Card {{contact.first_name}}",
                buttons: [{ id: "b", kind: "postback", title: "Pick" }],
              },
            ],
          },
        ],
      }),
    ]);
    const [result] = talk(flow, [{ type: "start", flowId: "m", nodeId: "n" }]);
    const messages = send(result?.actions ?? []).map((a) => a.message);
    expect(messages).toEqual([
      { kind: "media", mediaType: "image", url: "https://img.example/Ada.png" },
      {
        kind: "cards",
        cards: [
          {
            title: "Card Ada",
            buttons: [
              {
                kind: "postback",
                title: "Pick",
                payload: encodePayload({ flowId: "m", version: 1, nodeId: "n", handle: "b" }),
              },
            ],
          },
        ],
      },
    ]);
  });
});

describe("condition", () => {
  const check = (rules: object[], match: "all" | "any" = "all") =>
    makeFlow(
      "c",
      [
        makeNode("cond", "condition", { branches: [{ id: "yes", match, rules: rules as never }] }),
        say("y", "yes"),
        say("n", "no"),
      ],
      [
        ["cond", "yes", "y"],
        ["cond", "else", "n"],
      ],
      [{ name: "count", type: "number", default: "5" }],
    );
  const outcome = (rules: object[], context = makeContext(), match: "all" | "any" = "all") =>
    sentTexts(
      talk(check(rules, match), [{ type: "start", flowId: "c", nodeId: "cond" }], context)[0]
        ?.actions ?? [],
    )[0];

  it("compares text case- and accent-insensitively", () => {
    const ctx = makeContext({ contact: { fields: { city: "Montréal" }, tags: [] } });
    expect(
      outcome([{ kind: "contact", field: "city", op: "equals", value: "MONTREAL" }], ctx),
    ).toBe("yes");
    expect(
      outcome([{ kind: "contact", field: "city", op: "not_equals", value: "montreal" }], ctx),
    ).toBe("no");
    expect(outcome([{ kind: "contact", field: "city", op: "contains", value: "tré" }], ctx)).toBe(
      "yes",
    );
    expect(
      outcome([{ kind: "contact", field: "city", op: "starts_with", value: "mont" }], ctx),
    ).toBe("yes");
    expect(
      outcome([{ kind: "contact", field: "city", op: "not_contains", value: "paris" }], ctx),
    ).toBe("yes");
  });

  it("compares codes written with a leading zero as text: postal code 01000 is not 1000", () => {
    const zip = (code: string) =>
      makeContext({ contact: { fields: { zip: code, qty: "12,5" }, tags: [] } });
    const equals = (value: string) => [{ kind: "contact", field: "zip", op: "equals", value }];
    expect(outcome(equals("01000"), zip("1000"))).toBe("no");
    expect(outcome(equals("1000"), zip("01000"))).toBe("no");
    expect(outcome(equals("01000"), zip("01000"))).toBe("yes");
    expect(outcome(equals("0.5"), zip("0,5"))).toBe("yes");
    expect(
      outcome([{ kind: "contact", field: "qty", op: "equals", value: "12.50" }], zip("")),
    ).toBe("yes");
  });

  it("compares numbers numerically, with variable defaults", () => {
    expect(outcome([{ kind: "variable", name: "count", op: "greater_than", value: "10" }])).toBe(
      "no",
    );
    expect(outcome([{ kind: "variable", name: "count", op: "less_than", value: "10" }])).toBe(
      "yes",
    );
    expect(outcome([{ kind: "variable", name: "count", op: "equals", value: "5.0" }])).toBe("yes");
  });

  it("tests is_set, is_empty and tags, joined by all or any", () => {
    const ctx = makeContext({ contact: { fields: {}, tags: ["vip"] } });
    expect(outcome([{ kind: "variable", name: "missing", op: "is_empty" }], ctx)).toBe("yes");
    expect(outcome([{ kind: "variable", name: "count", op: "is_set" }], ctx)).toBe("yes");
    expect(
      outcome(
        [
          { kind: "tag", tag: "vip", op: "has" },
          { kind: "tag", tag: "new", op: "has" },
        ],
        ctx,
      ),
    ).toBe("no");
    expect(
      outcome(
        [
          { kind: "tag", tag: "vip", op: "has" },
          { kind: "tag", tag: "new", op: "has" },
        ],
        ctx,
        "any",
      ),
    ).toBe("yes");
    expect(outcome([{ kind: "tag", tag: "new", op: "has_not" }], ctx)).toBe("yes");
  });

  it("matches patterns safely", () => {
    const ctx = makeContext({
      contact: { fields: { code: "A12345", evil: `${"a".repeat(900)}!` }, tags: [] },
    });
    expect(
      outcome([{ kind: "contact", field: "code", op: "matches", value: "^[a-z]\\d{5}$" }], ctx),
    ).toBe("yes");
    expect(
      outcome([{ kind: "contact", field: "evil", op: "matches", value: "^(a+)+$" }], ctx),
    ).toBe("no");
    expect(outcome([{ kind: "contact", field: "code", op: "matches", value: "(a)\\1" }], ctx)).toBe(
      "no",
    );
  });
});

describe("action", () => {
  const flow = makeFlow(
    "a",
    [
      makeNode("act", "action", {
        steps: [
          { kind: "set_variable", variable: "greeting", value: "Hi {{contact.first_name}}" },
          { kind: "add_tag", tag: "vip" },
          { kind: "remove_tag", tag: "new" },
          { kind: "set_field", field: "plan", value: "gold" },
        ],
      }),
      makeNode("cond", "condition", {
        branches: [
          {
            id: "vip",
            match: "all",
            rules: [
              { kind: "tag", tag: "vip", op: "has" },
              { kind: "contact", field: "plan", op: "equals", value: "Gold" },
            ],
          },
        ],
      }),
      say("out", "{{greeting}}, VIP"),
    ],
    [
      ["act", "cond"],
      ["cond", "vip", "out"],
    ],
  );

  it("sets variables, tags and fields that later steps see at once", () => {
    const context = makeContext({ contact: { fields: { first_name: "Lin" }, tags: ["new"] } });
    const [result] = talk(flow, [{ type: "start", flowId: "a", nodeId: "act" }], context);
    const actions = result?.actions ?? [];
    expect(actions.filter((a) => a.type !== "track")).toEqual([
      { type: "add_tag", tag: "vip" },
      { type: "remove_tag", tag: "new" },
      { type: "set_field", field: "plan", value: "gold" },
      { type: "send", flowId: "a", nodeId: "out", message: { kind: "text", text: "Hi Lin, VIP" } },
      { type: "end" },
    ]);
    expect(result?.session.variables).toEqual({ a: { greeting: "Hi Lin" } });
  });
});

describe("goto and note", () => {
  const target = makeFlow(
    "target",
    [makeNode("t", "trigger", { triggers: [] }), say("hi", "In target"), say("deep", "Deep link")],
    [["t", "hi"]],
  );
  const from = (nodeId?: string) =>
    makeFlow("from", [
      makeNode("g", "goto", nodeId ? { flowId: "target", nodeId } : { flowId: "target" }),
    ]);
  const flows: FlowRef[] = [{ flow: target, version: 4 }];

  it("enters another flow at its trigger or at a node", () => {
    const [viaTrigger] = talk(
      from(),
      [{ type: "start", flowId: "from", nodeId: "g" }],
      makeContext({ flows }),
    );
    expect(sentTexts(viaTrigger?.actions ?? [])).toEqual(["In target"]);
    const [viaNode] = talk(
      from("deep"),
      [{ type: "start", flowId: "from", nodeId: "g" }],
      makeContext({ flows }),
    );
    expect(sentTexts(viaNode?.actions ?? [])).toEqual(["Deep link"]);
  });

  it("reports a missing flow and ends", () => {
    const [result] = talk(from(), [{ type: "start", flowId: "from", nodeId: "g" }]);
    expect(result?.actions.filter((a) => a.type !== "track")).toEqual([
      {
        type: "error",
        code: "unknown_flow",
        message: 'There is no flow "target" to go to.',
        nodeId: "g",
      },
      { type: "end" },
    ]);
  });

  it("ends at a note", () => {
    const flow = makeFlow(
      "n",
      [say("a", "A"), makeNode("note", "note", { text: "x" })],
      [["a", "note"]],
    );
    const [result] = talk(flow, [{ type: "start", flowId: "n", nodeId: "a" }]);
    expect(sentTexts(result?.actions ?? [])).toEqual(["A"]);
    expect(result?.actions.at(-1)).toEqual({ type: "end" });
  });
});

describe("step", () => {
  it("does not change the session it was given", () => {
    const session = initialSession();
    const frozen = JSON.stringify(session);
    talk(menu, [{ type: "message", text: "hello" }], makeContext(), session);
    expect(JSON.stringify(session)).toBe(frozen);
  });

  it("encodes payloads that decode back to the node", () => {
    const [first] = talk(menu, [{ type: "message", text: "hello" }], makeContext({ version: 9 }));
    const message = send(first?.actions ?? [])[0]?.message;
    const payload =
      message?.kind === "text" && message.buttons?.[0]?.kind === "postback"
        ? message.buttons[0].payload
        : "";
    expect(decodePayload(payload)).toEqual({
      flowId: "menu",
      version: 9,
      nodeId: "ask",
      handle: "yes",
    });
  });

  it("stops a loop at the step limit with an error and an idle session", () => {
    const loop = makeFlow(
      "loop",
      [makeNode("a", "action", { steps: [] }), makeNode("b", "action", { steps: [] })],
      [
        ["a", "b"],
        ["b", "a"],
      ],
    );
    const [result] = talk(loop, [{ type: "start", flowId: "loop", nodeId: "a" }]);
    expect(result?.actions.at(-1)).toMatchObject({ type: "error", code: "step_limit" });
    expect(result?.session.waiting).toBeUndefined();
  });

  it("treats a session waiting at a step that is gone as idle", () => {
    const stale: Session = {
      ...initialSession(),
      waiting: { kind: "tap", flowId: "menu", nodeId: "removed" },
    };
    const [result] = talk(menu, [{ type: "message", text: "hello" }], makeContext(), stale);
    expect(result?.session.waiting).toEqual({ kind: "tap", flowId: "menu", nodeId: "ask" });
    const [timer] = talk(menu, [{ type: "timer", timerId: "t1" }], makeContext(), stale);
    expect(timer?.actions).toEqual([]);
  });
});
