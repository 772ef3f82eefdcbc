import { describe, expect, it } from "vitest";
import { initialSession } from "./session";
import { step } from "./step";
import { makeContext, makeFlow, makeNode, sentTexts, talk } from "./testing";
import type { FlowRef, Session } from "./types";

const say = (id: string, text: string) =>
  makeNode(id, "message", { content: [{ id: "t", kind: "text", text }] });

const shop = makeFlow(
  "shop",
  [
    makeNode("start", "trigger", {
      triggers: [{ kind: "keyword", match: "exact", keywords: ["shop"] }],
    }),
    makeNode("menu", "message", {
      content: [
        {
          id: "t",
          kind: "text",
          text: "Pick",
          buttons: [{ id: "buy", kind: "postback", title: "Buy" }],
        },
      ],
    }),
    say("bought", "Bought"),
  ],
  [
    ["start", "menu"],
    ["menu", "buy", "bought"],
  ],
);
const help = makeFlow(
  "help",
  [
    makeNode("start", "trigger", {
      triggers: [{ kind: "default" }, { kind: "ref", ref: "ad" }, { kind: "get_started" }],
    }),
    makeNode("ask", "input", {
      question: "Your name?",
      variable: "name",
      validation: { kind: "text" },
    }),
    say("hi", "Hi {{name}}"),
  ],
  [
    ["start", "ask"],
    ["ask", "hi"],
  ],
);
const flows: FlowRef[] = [{ flow: help, version: 5 }];

describe("guards and fallbacks", () => {
  it("lands a tap on another flow's old message while waiting elsewhere", () => {
    const context = makeContext({ flows });
    const [asked] = talk(
      help,
      [{ type: "start", flowId: "help", nodeId: "ask" }],
      makeContext({ flows: [{ flow: shop, version: 2 }] }),
    );
    expect(asked?.session.waiting).toMatchObject({ kind: "input", flowId: "help" });
    const [tapped] = talk(
      shop,
      [{ type: "postback", payload: "cv1|shop|1|menu|buy" }],
      context,
      asked?.session,
    );
    expect(sentTexts(tapped?.actions ?? [])).toEqual(["Bought"]);
    expect(tapped?.session.waiting).toBeUndefined();
  });

  it("gives the default reply for a tap on a handle that is gone", () => {
    const session: Session = {
      ...initialSession(),
      waiting: { kind: "tap", flowId: "shop", nodeId: "menu" },
    };
    const [result] = talk(
      shop,
      [{ type: "postback", payload: "cv1|shop|1|menu|removed" }],
      makeContext({ flows }),
      session,
    );
    expect(sentTexts(result?.actions ?? [])).toEqual(["Your name?"]);
  });

  it("starts flows from Get Started, refs and postbacks that carry a ref", () => {
    const context = makeContext({ flows });
    for (const event of [
      { type: "postback" as const, payload: "GET_STARTED" },
      { type: "referral" as const, ref: "ad" },
      { type: "postback" as const, payload: "SOMETHING", ref: "ad" },
    ]) {
      expect(sentTexts(talk(shop, [event], context)[0]?.actions ?? [])).toEqual(["Your name?"]);
    }
  });

  it("lets a referral with a known ref interrupt a question, but not an unknown one", () => {
    const context = makeContext({ flows });
    const [asked, unknown, known] = talk(
      shop,
      [
        { type: "start", flowId: "help", nodeId: "ask" },
        { type: "referral", ref: "nope" },
        { type: "referral", ref: "ad" },
      ],
      context,
    );
    expect(asked?.session.waiting?.kind).toBe("input");
    expect(unknown?.actions).toEqual([]);
    expect(sentTexts(known?.actions ?? [])).toEqual(["Your name?"]);
  });

  it("treats names like constructor and __proto__ as ordinary names, not JavaScript internals", () => {
    const odd = makeFlow(
      "constructor",
      [
        makeNode("ask", "input", {
          question: "Name? [{{contact.constructor}}][{{toString}}][{{system.valueOf}}]",
          variable: "__proto__",
          validation: { kind: "text" },
        }),
        makeNode("check", "condition", {
          branches: [
            {
              id: "odd",
              match: "any",
              rules: [{ kind: "contact", field: "hasOwnProperty", op: "is_set" }],
            },
          ],
        }),
        say("hi", "Hi {{__proto__}} [{{name}}]"),
        say("oops", "internals leaked"),
      ],
      [
        ["ask", "check"],
        ["check", "odd", "oops"],
        ["check", "else", "hi"],
      ],
    );
    const [asked, answered] = talk(odd, [
      { type: "start", flowId: "constructor", nodeId: "ask" },
      { type: "message", text: "Zoé" },
    ]);
    expect(sentTexts(asked?.actions ?? [])).toEqual(["Name? [][][]"]);
    expect(sentTexts(answered?.actions ?? [])).toEqual(["Hi Zoé []"]);
    expect(JSON.stringify(answered?.session.variables)).toBe('{"constructor":{"__proto__":"Zoé"}}');
  });

  it("starts over from a session it cannot read", () => {
    const broken = { v: 7, waiting: "yes" } as unknown as Session;
    const result = step(shop, broken, { type: "message", text: "shop" }, makeContext());
    expect(sentTexts(result.actions)).toEqual(["Pick"]);
    expect(result.session).toMatchObject({ v: 1, seq: 0 });
  });

  it("caps what it reads and keeps: a huge message still triggers and is stored capped", () => {
    const context = makeContext({ flows });
    const huge = `${"x ".repeat(200_000)}`;
    const [asked, answered] = talk(
      help,
      [
        { type: "message", text: "hello" },
        { type: "message", text: huge },
      ],
      context,
    );
    expect(sentTexts(asked?.actions ?? [])).toEqual(["Your name?"]);
    expect(answered?.session.variables.help?.name?.length).toBeLessThanOrEqual(2_000);
    expect(sentTexts(answered?.actions ?? [])[0]?.length).toBeLessThanOrEqual(2_000);
  });

  it("reports an unknown flow or step in a start event without changing the session", () => {
    const [noFlow] = talk(shop, [{ type: "start", flowId: "ghost", nodeId: "x" }]);
    expect(noFlow?.actions).toEqual([
      { type: "error", code: "unknown_flow", message: 'There is no flow "ghost".' },
    ]);
    const [noNode] = talk(shop, [{ type: "start", flowId: "shop", nodeId: "ghost" }]);
    expect(noNode?.actions[0]).toMatchObject({ type: "error", code: "unknown_node" });
    expect(noNode?.session).toEqual(initialSession());
  });

  it("ignores host events nobody waits for", () => {
    for (const event of [
      { type: "timer" as const, timerId: "t1" },
      { type: "http_result" as const, requestId: "r1", ok: true },
      { type: "resume" as const },
    ]) {
      expect(talk(shop, [event])[0]).toEqual({ session: initialSession(), actions: [] });
    }
  });
});
