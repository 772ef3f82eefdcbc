import { describe, expect, it } from "vitest";
import { makeContext, makeFlow, makeNode, sentTexts, talk } from "../testing";
import type { EngineEvent } from "../types";

const say = (id: string, text: string) =>
  makeNode(id, "message", { content: [{ id: "t", kind: "text", text }] });

const flow = makeFlow(
  "shop",
  [
    makeNode("lookup", "action", {
      steps: [
        { kind: "set_variable", variable: "order", value: "A 1/2" },
        {
          kind: "http",
          method: "POST",
          url: "https://api.example/orders/{{order}}?key={{secrets.KEY}}",
          headers: [{ name: "Content-Type", value: "application/json" }],
          body: '{"order": "{{order}}", "note": "{{note}}"}',
          timeoutMs: 3000,
          statusVariable: "status_code",
          responseMapping: [
            { path: "order.status", variable: "status" },
            { path: "items[0].name", variable: "first_item" },
            { path: "items", variable: "all_items" },
          ],
        },
        { kind: "add_tag", tag: "looked_up" },
      ],
    }),
    say("ok", "{{status}}: {{first_item}}"),
    say("failed", "Lookup failed ({{status_code|no answer}})"),
  ],
  [
    ["lookup", "ok"],
    ["lookup", "error", "failed"],
  ],
  [{ name: "note", type: "text", default: 'say "hi"' }],
);

const begin: EngineEvent = { type: "start", flowId: "shop", nodeId: "lookup" };

describe("action: http", () => {
  it("asks the host for the request with templates filled and escaped, and waits", () => {
    const context = makeContext();
    const [asked] = talk(flow, [begin], context);
    expect(asked?.actions.filter((a) => a.type !== "track")).toEqual([
      {
        type: "http",
        requestId: "r1",
        nodeId: "lookup",
        request: {
          method: "POST",
          url: "https://api.example/orders/A%201%2F2?key={{secrets.KEY}}",
          headers: [{ name: "Content-Type", value: "application/json" }],
          body: '{"order": "A 1/2", "note": "say \\"hi\\""}',
          timeoutMs: 3000,
          // The one secret the author wrote, where it sits in the rendered URL.
          secrets: [{ field: "url", at: 41, length: 15 }],
        },
      },
    ]);
    expect(asked?.session.waiting).toMatchObject({ kind: "http", requestId: "r1", stepIndex: 1 });
  });

  it("maps the response into variables and goes on with the next steps", () => {
    const body = { order: { status: "shipped" }, items: [{ name: "Mug" }, { name: "Tea" }] };
    const [, done] = talk(flow, [
      begin,
      { type: "http_result", requestId: "r1", ok: true, status: 200, body },
    ]);
    expect(done?.session.variables.shop).toMatchObject({
      status: "shipped",
      first_item: "Mug",
      all_items: '[{"name":"Mug"},{"name":"Tea"}]',
      status_code: "200",
    });
    expect(done?.actions).toContainEqual({ type: "add_tag", tag: "looked_up" });
    expect(sentTexts(done?.actions ?? [])).toEqual(["shipped: Mug"]);
  });

  it("clears mapped variables the answer does not have", () => {
    const events: EngineEvent[] = [
      begin,
      {
        type: "http_result",
        requestId: "r1",
        ok: true,
        status: 200,
        body: { order: { status: "paid" } },
      },
      begin,
      { type: "http_result", requestId: "r2", ok: true, status: 200, body: {} },
    ];
    const results = talk(flow, events);
    expect(results[3]?.session.variables.shop?.status).toBeUndefined();
  });

  it("takes error on a failure or time-out, and ignores answers to other requests", () => {
    const [, other, failed] = talk(flow, [
      begin,
      { type: "http_result", requestId: "r9", ok: true, status: 200 },
      { type: "http_result", requestId: "r1", ok: false, error: "timeout" },
    ]);
    expect(other?.actions).toEqual([]);
    expect(sentTexts(failed?.actions ?? [])).toEqual(["Lookup failed (no answer)"]);
    const [, notFound] = talk(flow, [
      begin,
      { type: "http_result", requestId: "r1", ok: false, status: 404 },
    ]);
    expect(sentTexts(notFound?.actions ?? [])).toEqual(["Lookup failed (404)"]);
  });

  it("lets the contact talk again when the host never answered", () => {
    const context = makeContext();
    const [asked] = talk(flow, [begin], context);
    const later = makeContext({ now: context.now + 10 * 60_000 });
    const [whileWaiting] = talk(
      flow,
      [{ type: "message", text: "hello?" }],
      context,
      asked?.session,
    );
    expect(whileWaiting?.session.waiting?.kind).toBe("http");
    const [afterDeadline] = talk(
      flow,
      [{ type: "message", text: "hello?" }],
      later,
      asked?.session,
    );
    expect(afterDeadline?.session.waiting).toBeUndefined();
  });

  it("renders in one pass: a value that looks like a template is sent as typed, and only the author's secrets are marked", () => {
    const typed = "{{secrets.KEY}}";
    const echo = makeFlow(
      "echo",
      [
        makeNode("call", "action", {
          steps: [
            { kind: "set_variable", variable: "copy", value: "{{answer}} {{contact.first_name}}" },
            {
              kind: "http",
              method: "POST",
              url: "{{base}}/orders?o={{answer}}&k={{secrets.KEY}}",
              headers: [
                { name: "Authorization", value: "Bearer {{ secrets.KEY }}" },
                { name: "X-Order", value: "{{answer}}" },
              ],
              body: '{"order":"{{answer}}","copy":"{{copy}}","key":"{{secrets.KEY|none}}"}',
            },
          ],
        }),
      ],
      [],
      [
        { name: "answer", type: "text", default: typed },
        { name: "base", type: "text", default: `https://x.example/${typed}` },
        { name: "copy", type: "text" },
      ],
    );
    const context = makeContext({
      contact: { fields: { first_name: "{{secrets.KEY}}" }, tags: [] },
    });
    const [asked] = talk(echo, [{ type: "start", flowId: "echo", nodeId: "call" }], context);
    const http = asked?.actions.find((a) => a.type === "http");
    if (http?.type !== "http") throw new Error("no http action");
    const { request } = http;
    const at = (text: string, place: { at: number; length: number }) =>
      text.slice(place.at, place.at + place.length);
    const marked = (request.secrets ?? []).map((p) =>
      at(
        p.field === "url"
          ? request.url
          : p.field === "body"
            ? (request.body ?? "")
            : (request.headers[p.header ?? 0]?.value ?? ""),
        p,
      ),
    );
    // Exactly the three references the author wrote, nothing that came from a value.
    expect(marked).toEqual(["{{ secrets.KEY }}", "{{secrets.KEY}}", "{{secrets.KEY|none}}"]);
    expect(request.secrets?.map((p) => p.field)).toEqual(["header", "url", "body"]);
    // The values themselves went through untouched (escaped for where they sit).
    expect(request.url).toBe(
      `https://x.example/${typed}/orders?o=${encodeURIComponent(typed)}&k={{secrets.KEY}}`,
    );
    expect(request.headers[1]).toEqual({ name: "X-Order", value: typed });
    expect(asked?.session.variables.echo?.copy).toBe(`${typed} ${typed}`);
  });
});
