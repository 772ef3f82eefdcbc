import { makeFlow, makeNode } from "@convo/flow/testing";
import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { APP_SECRET, PAGE_TOKEN } from "./messenger";

/**
 * The Graph API emulator as a Page subscribed to message_echoes: each message Convo sends comes
 * back to the webhook on `port`, and Meta keeps trying while the webhook is down. It takes
 * `latencyMs` to answer, so sends are in flight when a kill comes.
 */
export async function echoingGraph(port: number, latencyMs: number): Promise<RunningGraphEmulator> {
  const graph = await startGraphEmulator({
    appSecret: APP_SECRET,
    pageToken: PAGE_TOKEN,
    echoes: {
      webhookUrl: `http://127.0.0.1:${port}/webhooks/messenger`,
      appSecret: APP_SECRET,
      appId: "1517776481860111",
    },
  });
  graph.setLatency(latencyMs);
  return graph;
}

/** `<event>` (field `order_id`) → "Shipped <order_id>", tagged POST_PURCHASE_UPDATE. */
export const shippingFlow = (event: string) =>
  makeFlow(
    "shipping",
    [
      makeNode("start", "trigger", {
        triggers: [{ kind: "event", event, fields: [{ name: "order_id", type: "text" }] }],
      }),
      makeNode("say", "message", {
        sendAs: "POST_PURCHASE_UPDATE",
        content: [{ id: "t", kind: "text", text: "Shipped {{event.order_id}}" }],
      }),
    ],
    [["start", "say"]],
  );
