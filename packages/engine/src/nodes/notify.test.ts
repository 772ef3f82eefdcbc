import { describe, expect, it } from "vitest";
import { makeContext, makeFlow, makeNode, sentTexts, talk } from "../testing";
import type { EngineEvent, HttpRequest } from "../types";
import type { TeamNotification } from "./notify";

const say = (id: string, text: string) =>
  makeNode(id, "message", { content: [{ id: "t", kind: "text", text }] });

const flow = makeFlow(
  "support",
  [
    makeNode("tell", "notify", {
      url: "{{secrets.TEAM_HOOK}}",
      text: "{{contact.first_name}} asks about {{order}}: {{secrets.TEAM_HOOK}}",
      variables: ["order", "budget"],
      timeoutMs: 4000,
    }),
    say("done", "The team knows"),
    say("sorry", "Could not reach the team"),
  ],
  [
    ["tell", "done"],
    ["tell", "error", "sorry"],
  ],
  [
    { name: "order", type: "text", default: 'A "1"' },
    { name: "budget", type: "text" },
  ],
);

const begin: EngineEvent = { type: "start", flowId: "support", nodeId: "tell" };
const conversation = {
  contactId: "psid-7",
  channel: "messenger",
  url: "https://convo.example.com/#/contacts/psid-7",
};

describe("notify the team", () => {
  it("posts the text, the contact, the chosen variables and the live chat link as JSON", () => {
    const context = makeContext({
      conversation,
      contact: { fields: { first_name: "Ada", last_name: "Lovelace" }, tags: [] },
    });
    const [asked] = talk(flow, [begin], context);
    const http = asked?.actions.find((a) => a.type === "http");
    expect(http).toMatchObject({ type: "http", requestId: "r1", nodeId: "tell" });
    const request = (http as { request: HttpRequest }).request;
    expect(request).toMatchObject({
      method: "POST",
      url: "{{secrets.TEAM_HOOK}}",
      headers: [{ name: "Content-Type", value: "application/json" }],
      timeoutMs: 4000,
      // The secret in the address is filled by the host; the one in the text is not.
      secrets: [{ field: "url", at: 0, length: 21 }],
    });
    const body: TeamNotification = JSON.parse(request.body ?? "");
    expect(body).toEqual({
      text: 'Ada asks about A "1": {{secrets.TEAM_HOOK}}',
      contact: { id: "psid-7", channel: "messenger", name: "Ada Lovelace" },
      flow: "support",
      step: "tell",
      variables: { order: 'A "1"', budget: "" },
      conversationUrl: "https://convo.example.com/#/contacts/psid-7",
    });
    expect(asked?.session.waiting).toMatchObject({ kind: "http", nodeId: "tell" });
  });

  it("goes on by next when delivered and by error when not", () => {
    const ok: EngineEvent = { type: "http_result", requestId: "r1", ok: true, status: 200 };
    const [, delivered] = talk(flow, [begin, ok], makeContext({ conversation }));
    expect(sentTexts(delivered?.actions ?? [])).toEqual(["The team knows"]);
    const failed: EngineEvent = { type: "http_result", requestId: "r1", ok: false, status: 500 };
    const [, other, refused] = talk(flow, [
      begin,
      { type: "http_result", requestId: "r9", ok: true, status: 200 },
      failed,
    ]);
    expect(other?.actions).toEqual([]);
    expect(sentTexts(refused?.actions ?? [])).toEqual(["Could not reach the team"]);
  });

  it("sends no conversation link and no contact id from the simulator", () => {
    const [asked] = talk(flow, [begin]);
    const http = asked?.actions.find((a) => a.type === "http") as { request: HttpRequest };
    const body: TeamNotification = JSON.parse(http.request.body ?? "");
    expect(body.contact).toEqual({ id: "", channel: "", name: "Ada" });
    expect(body.conversationUrl).toBeNull();
  });
});
