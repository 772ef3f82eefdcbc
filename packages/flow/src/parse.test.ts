import { describe, expect, it } from "vitest";
import { parseFlow, parseFlowJson } from "./parse";
import { smallFlow } from "./testing";

function errorsOf(document: unknown) {
  const result = parseFlow(document);
  if (result.ok) throw new Error("expected the document to be refused");
  return result.errors;
}

describe("parseFlow", () => {
  it("accepts a valid flow and returns it typed and unchanged", () => {
    const flow = smallFlow();
    const result = parseFlow(structuredClone(flow));
    expect(result).toEqual({ ok: true, flow });
  });

  it("points at the exact field with a JSON path and a plain sentence", () => {
    const flow = smallFlow() as unknown as {
      nodes: { data: { content: { buttons: { title?: unknown }[] }[] } }[];
    };
    delete flow.nodes[1]?.data.content[0]?.buttons[0]?.title;
    expect(errorsOf(flow)).toEqual([
      {
        path: "nodes[1].data.content[0].buttons[0].title",
        message: '"title" is missing.',
        code: "missing",
        params: { field: "title" },
      },
    ]);
  });

  it("names the accepted node types when a type is unknown", () => {
    const flow = smallFlow() as unknown as { nodes: { type: string }[] };
    (flow.nodes[2] as { type: string }).type = "mesage";
    const [error] = errorsOf(flow);
    expect(error?.path).toBe("nodes[2].type");
    expect(error?.message).toContain('"message"');
  });

  it("names the accepted content kinds when a block kind is unknown", () => {
    const flow = smallFlow() as unknown as { nodes: { data: { content: { kind: string }[] } }[] };
    (flow.nodes[1]?.data.content[0] as { kind: string }).kind = "gif";
    const [error] = errorsOf(flow);
    expect(error?.path).toBe("nodes[1].data.content[0].kind");
    expect(error?.message).toContain('"cards"');
  });

  it("says which type a field should have", () => {
    const flow = smallFlow() as unknown as { nodes: { position: { x: unknown } }[] };
    (flow.nodes[0] as { position: { x: unknown } }).position.x = "left";
    expect(errorsOf(flow)).toEqual([
      {
        path: "nodes[0].position.x",
        message: '"x" should be a number, not text.',
        code: "wrong_type",
        params: { field: "x", expected: "number", got: "string" },
      },
    ]);
  });

  it("refuses unknown fields rather than dropping them silently", () => {
    const flow = { ...smallFlow(), colour: "blue" };
    expect(errorsOf(flow)).toEqual([
      {
        path: "(document)",
        message: '"colour" is not a known field here.',
        code: "unknown_fields",
        params: { fields: "colour" },
      },
    ]);
  });

  it("refuses ids that cannot travel inside a payload", () => {
    const flow = smallFlow();
    (flow.nodes[3] as { id: string }).id = "bye bye|2";
    const errors = errorsOf(flow);
    expect(errors[0]?.path).toBe("nodes[3].id");
    expect(errors[0]?.message).toMatch(/letters, digits/);
  });

  it("refuses a flow id that is not a slug", () => {
    expect(errorsOf({ ...smallFlow(), id: "Order Tracking" })[0]?.path).toBe("id");
  });

  it("refuses an empty name", () => {
    expect(errorsOf({ ...smallFlow(), name: "" })).toEqual([
      {
        path: "name",
        message: '"name" cannot be empty.',
        code: "empty",
        params: { field: "name" },
      },
    ]);
  });

  it("refuses two steps with one id", () => {
    const flow = smallFlow();
    (flow.nodes[3] as { id: string }).id = "ask";
    expect(errorsOf(flow)).toContainEqual({
      path: "nodes[3].id",
      message: 'Another step already has the id "ask".',
      code: "invalid",
      params: { field: "id" },
    });
  });

  it("refuses two connections with one id and a variable declared twice", () => {
    const flow = smallFlow();
    (flow.edges[1] as { id: string }).id = "e1";
    flow.variables.push({ name: "city", type: "number" });
    const paths = errorsOf(flow).map((e) => e.path);
    expect(paths).toEqual(["edges[1].id", "variables[1].name"]);
  });

  it("refuses values out of range (typing pause, delay, retry limit)", () => {
    const flow = smallFlow();
    flow.nodes.push(
      { id: "d", type: "delay", position: { x: 0, y: 0 }, data: { amount: 0, unit: "minutes" } },
      {
        id: "m",
        type: "message",
        position: { x: 0, y: 0 },
        data: { content: [{ id: "p", kind: "typing", seconds: 60 }] },
      },
    );
    const ask = flow.nodes[2];
    if (ask?.type === "input") ask.data.retryLimit = 99;
    const paths = errorsOf(flow).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "nodes[2].data.retryLimit",
        "nodes[4].data.amount",
        "nodes[5].data.content[0].seconds",
      ]),
    );
  });

  it("reports a document that is not an object, or has no schemaVersion", () => {
    expect(errorsOf([1, 2])[0]?.message).toMatch(/not a flow/);
    expect(errorsOf({ id: "x" })[0]?.message).toMatch(/schemaVersion/);
  });

  it("reports text that is not JSON as such", () => {
    const result = parseFlowJson("{ nope");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/^This is not JSON/);
  });
});
