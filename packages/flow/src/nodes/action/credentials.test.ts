import { describe, expect, it } from "vitest";
import { PLANTED, plantedFlow } from "../../../test/planted-credentials";
import { lintFlow } from "../../lint";
import { redactSecrets } from "../../redact";
import { serializeFlow } from "../../serialize";
import { testChannel } from "../../testing";
import { findCredentials } from "./credentials";

describe("credentials typed into a flow", () => {
  it("are all found by the lint, each with a {{secrets.NAME}} rewrite that leaves none behind", () => {
    const flow = plantedFlow();
    const found = lintFlow(flow, { channel: testChannel }).filter(
      (p) => p.code === "secret-in-flow",
    );
    // One warning per field that holds any: the URL, seven headers, two bodies, the variable.
    expect(found).toHaveLength(11);
    const fixed = structuredClone(flow);
    const node = fixed.nodes.at(-1);
    if (node?.type !== "action") throw new Error("no action");
    for (const problem of found) {
      expect(problem.fix, problem.path).toBeDefined();
      expect(problem.message).toMatch(/CONVO_SECRET_[A-Z_]+/);
      // Apply the rewrite where the problem points.
      const rel = problem.path.replace(/^nodes\[\d+\]\./, "");
      const [, s, rest] = /^data\.steps\[(\d+)\]\.(.*)$/.exec(rel) ?? [];
      const step = node.data.steps[Number(s)] as Record<string, unknown>;
      const header = /^headers\[(\d+)\]\.value$/.exec(rest ?? "");
      const value = problem.fix?.value;
      const headers = step.headers as { value: string }[] | undefined;
      const target = header ? headers?.[Number(header[1])] : undefined;
      if (target && value !== undefined) target.value = value;
      else if (value !== undefined) step[rest as string] = value;
    }
    const text = serializeFlow(fixed);
    for (const secret of PLANTED) expect(text, secret).not.toContain(secret);
    expect(text).toContain("{{secrets.SHOP_KEY}}");
    expect(text).toContain("Bearer {{secrets.AUTHORIZATION}}");
    expect(text).toContain("https://admin:{{secrets.PASSWORD}}@shop.test/");
    const call = node.data.steps[1];
    expect(call?.kind === "http" && call.body).toContain('"password":"{{secrets.PASSWORD}}"');
    expect(
      lintFlow(fixed, { channel: testChannel }).filter((p) => p.code === "secret-in-flow"),
    ).toEqual([]);
  });

  it("are all emptied from an export, and what is not a credential is kept", () => {
    const { flow: safe, redacted } = redactSecrets(plantedFlow());
    const text = serializeFlow(safe);
    for (const secret of PLANTED) expect(text, secret).not.toContain(secret);
    expect(redacted.length).toBeGreaterThanOrEqual(11);
    // The texts themselves (the serialized file escapes the quotes of a JSON body).
    const node = safe.nodes.at(-1);
    const texts =
      node?.type === "action" ? JSON.stringify(node.data.steps).replace(/\\"/g, '"') : "";
    for (const kept of [
      "{{secrets.SIGNING}}",
      "application/json",
      "lang=fr",
      "sort_key=name",
      '"order":"{{order}}"',
      '"name":"Bob"',
      "user=bob",
      "Bearer ",
    ]) {
      expect(texts, kept).toContain(kept);
    }
  });

  it("are not seen in templates, plain words or ids", () => {
    expect(findCredentials({ kind: "header", name: "Authorization" }, "Bearer {{token}}")).toEqual(
      [],
    );
    expect(findCredentials({ kind: "url" }, "https://x.test/?key={{secrets.K}}&q=shoes")).toEqual(
      [],
    );
    expect(findCredentials({ kind: "header", name: "X-Request-Id" }, "123e4567-e89b-12d3")).toEqual(
      [],
    );
    expect(findCredentials({ kind: "body" }, '{"sort_key":"name","order":"A12345"}')).toEqual([]);
  });
});
