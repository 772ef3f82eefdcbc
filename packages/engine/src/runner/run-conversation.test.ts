import { describe, expect, it } from "vitest";
import { makeFlow, makeNode } from "../testing";
import { runConversation } from "./run-conversation";
import { parseDuration, parseScript, type ScriptTurn } from "./script";

const flow = makeFlow(
  "f",
  [
    makeNode("start", "trigger", {
      triggers: [{ kind: "keyword", match: "exact", keywords: ["hi"] }],
    }),
    makeNode("menu", "message", {
      content: [
        {
          id: "t",
          kind: "text",
          text: "Hello {{contact.first_name}}",
          buttons: [
            { id: "go", kind: "postback", title: "Go" },
            { id: "web", kind: "url", title: "Web", url: "https://x.example" },
          ],
        },
      ],
    }),
    makeNode("done", "message", { content: [{ id: "t", kind: "text", text: "Done" }] }),
  ],
  [
    ["start", "menu"],
    ["menu", "go", "done"],
  ],
);

describe("runConversation", () => {
  it("passes a script that matches the flow", () => {
    const report = runConversation({
      flows: [flow],
      contact: { fields: { first_name: "Ada" } },
      script: {
        turns: [
          { say: "hi" },
          { expect: { text: "Hello Ada", buttons: ["Go", "Web"] } },
          { tap: "go" },
          { expect: { text: "Done", ended: true } },
        ],
      },
    });
    expect(report).toMatchObject({ passed: true, failures: 0 });
    expect(report.turns[0]?.replies).toEqual(["Hello Ada [Go] [Web]"]);
  });

  it("says clearly what failed and goes on", () => {
    const report = runConversation({
      flows: [flow],
      script: {
        turns: [
          { say: "hi" },
          {
            expect: {
              text: "Goodbye",
              quickReplies: ["Yes"],
              tags: ["vip"],
              variables: { x: "1" },
            },
          },
          { tap: "Nope" },
          { tap: "Web" },
          { http: { status: 200 } },
          { tap: "Go" },
          { expect: { ended: false, silent: true } },
        ],
      },
    });
    expect(report.passed).toBe(false);
    expect(report.failures).toBe(5);
    expect(report.turns[1]?.problems).toEqual([
      'Expected the bot to say "Goodbye"; it said "Hello ".',
      'Expected quick replies "Yes"; got nothing.',
      'Expected the variable x to be "1"; it is unset.',
      'Expected the contact to have the tag "vip"; tags: nothing.',
    ]);
    expect(report.turns[2]?.problems[0]).toBe(
      'Nothing titled "Nope" to tap (offered so far: "Go", "Web").',
    );
    expect(report.turns[3]?.problems[0]).toMatch(/url button/);
    expect(report.turns[4]?.problems[0]).toBe("No HTTP request is waiting for an answer.");
    expect(report.turns[6]?.problems).toEqual([
      "Expected the conversation to go on; it ended.",
      'Expected the bot to stay silent; it said "Done".',
    ]);
  });
});

describe("runConversation on a channel", () => {
  const turns: ScriptTurn[] = [
    { say: "hi" },
    { expect: { text: "Hello", buttons: ["Go", "Web"] } },
  ];

  it("checks what the channel shows, and fails a turn whose message the channel refuses", () => {
    // A channel that writes link buttons as a line of the text, as WhatsApp does.
    const asLines = runConversation({
      flows: [flow],
      script: { turns: [...turns] },
      show: (m) =>
        m.kind === "text"
          ? {
              ok: true,
              messages: [
                {
                  kind: "text",
                  text: `${m.text}\nWeb: https://x.example`,
                  buttons: (m.buttons ?? []).filter((b) => b.kind === "postback"),
                },
              ],
            }
          : { ok: true, messages: [m] },
    });
    expect(asLines.passed).toBe(false);
    expect(asLines.turns[1]?.problems).toEqual(['Expected buttons "Go", "Web"; got "Go".']);
    expect(asLines.turns[0]?.replies[0]).toContain("Web: https://x.example");

    const refusing = runConversation({
      flows: [flow],
      script: { turns: [{ say: "hi" }] },
      show: () => ({ ok: false, message: "Too many buttons." }),
    });
    expect(refusing.turns[0]?.problems).toEqual([
      "The channel refuses a message: Too many buttons.",
    ]);
  });

  it("checks an expectation only on the channels it names", () => {
    const script = parseScript({
      turns: [{ say: "hi" }, { expect: { buttons: ["Nope"], on: "whatsapp" } }],
    });
    if (!script.ok) throw new Error(script.errors.join());
    const onMessenger = runConversation({ flows: [flow], script: script.script });
    expect(onMessenger.passed).toBe(true);
    expect(onMessenger.turns[1]?.label).toContain("(not checked on messenger)");
    const onWhatsApp = runConversation({
      flows: [flow],
      script: script.script,
      channel: "whatsapp",
    });
    expect(onWhatsApp.passed).toBe(false);
    expect(parseScript({ turns: [{ expect: { on: [] } }] }).ok).toBe(false);
    expect(parseScript({ channel: "WhatsApp!", turns: [] }).ok).toBe(false);
    expect(parseScript({ channel: "whatsapp", turns: [] })).toMatchObject({
      ok: true,
      script: { channel: "whatsapp" },
    });
  });
});

describe("parseScript", () => {
  it("reads a list of turns or { contact, turns }", () => {
    expect(parseScript([{ say: "hi" }, { expect: { variables: { n: 42 } } }])).toEqual({
      ok: true,
      script: {
        contact: undefined,
        turns: [{ say: "hi" }, { expect: { variables: { n: "42" } } }],
      },
    });
    expect(parseScript({ contact: { locale: "fr_FR" }, turns: [{ wait: "1h30m" }] }).ok).toBe(true);
  });

  it("explains what is wrong, turn by turn", () => {
    expect(
      parseScript({ turns: [{ shout: "hi" }, { wait: "soon" }, { expect: { txt: "x" } }] }),
    ).toEqual({
      ok: false,
      errors: [
        "turn 1: should have exactly one of say, tap, postback, referral, event, start, http, wait, resume, restart, expect.",
        'turn 2: `wait` needs a duration like "2h", "30m" or "1d".',
        "turn 3: `expect` does not know txt (it knows text, buttons, quickReplies, variables, fields, tags, handover, ended, silent, sendAs, externalIds, on).",
      ],
    });
    expect(parseScript("hello").ok).toBe(false);
  });

  it("reads durations", () => {
    expect(parseDuration("2h")).toBe(7_200_000);
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("1d")).toBe(86_400_000);
    expect(parseDuration("tomorrow")).toBeUndefined();
  });
});
