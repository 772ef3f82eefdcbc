import { describe, expect, it } from "vitest";
import { loadExample } from "../test/examples";
import { lintFlow } from "./lint";
import { redactSecrets } from "./redact";
import { serializeFlow } from "./serialize";
import { smallFlow, testChannel } from "./testing";

describe("redactSecrets", () => {
  it("empties a Test request sample that looks like a credential, and lint says so", () => {
    const flow = smallFlow();
    flow.nodes.push({
      id: "call",
      type: "action",
      position: { x: 0, y: 0 },
      data: {
        steps: [
          {
            kind: "http",
            method: "GET",
            url: "https://shop.test/orders/{{order}}?key={{api_key}}",
            samples: { order: "A-1042", api_key: "sk_live_51Habc123def456" },
          },
        ],
      },
    });
    const { flow: safe, redacted } = redactSecrets(flow);
    expect(redacted).toEqual(["nodes[4].data.steps[0].samples.api_key"]);
    const text = serializeFlow(safe);
    expect(text).not.toContain("sk_live_51Habc123def456");
    expect(text).toContain("A-1042");
    const warning = lintFlow(flow, { channel: testChannel }).find(
      (p) => p.code === "sample-secret",
    );
    expect(warning?.path).toBe("nodes[4].data.steps[0].samples.api_key");
  });

  it("empties credential headers typed in clear and keeps {{secrets.…}} references", () => {
    const flow = smallFlow();
    flow.nodes.push({
      id: "call",
      type: "action",
      position: { x: 0, y: 0 },
      data: {
        steps: [
          {
            kind: "http",
            method: "POST",
            url: "https://crm.test/leads",
            headers: [
              { name: "Authorization", value: "Bearer sk_live_123" },
              { name: "X-Api-Key", value: "{{secrets.CRM_KEY}}" },
              { name: "Accept", value: "application/json" },
            ],
          },
        ],
      },
    });
    const { flow: safe, redacted } = redactSecrets(flow);
    expect(redacted).toEqual(["nodes[4].data.steps[0].headers[0].value"]);
    const text = serializeFlow(safe);
    expect(text).not.toContain("sk_live_123");
    expect(text).toContain("{{secrets.CRM_KEY}}");
    expect(text).toContain("application/json");
    expect(serializeFlow(flow)).toContain("sk_live_123"); // the original is not modified
  });

  it("empties credentials typed in clear into a URL's query, and keeps the rest of the URL", () => {
    const flow = smallFlow();
    flow.nodes.push({
      id: "call",
      type: "action",
      position: { x: 0, y: 0 },
      data: {
        steps: [
          {
            kind: "http",
            method: "GET",
            url: "https://api.test/orders/{{order}}?api_key=sk_live_456&lang=fr&access_token={{secrets.T}}&key=AIza789#top",
          },
        ],
      },
    });
    const { flow: safe, redacted } = redactSecrets(flow);
    expect(redacted).toEqual(["nodes[4].data.steps[0].url"]);
    const step = safe.nodes[4]?.type === "action" ? safe.nodes[4].data.steps[0] : undefined;
    expect(step?.kind === "http" && step.url).toBe(
      "https://api.test/orders/{{order}}?api_key=&lang=fr&access_token={{secrets.T}}&key=#top",
    );
  });

  it("changes nothing in a flow without secrets", () => {
    const flow = loadExample("order-tracking");
    expect(redactSecrets(flow)).toEqual({ flow, redacted: [] });
  });
});
