/**
 * A flow for load and crash tests: every message after the first is answered "Got <text>", then
 * the question again. Each event's reply names the event, so order and duplicates can be read.
 */
export const echoFlow = {
  schemaVersion: 1,
  id: "echo",
  name: "Echo",
  variables: [{ name: "said", type: "text" }],
  nodes: [
    {
      id: "start",
      type: "trigger",
      position: { x: 0, y: 0 },
      data: { triggers: [{ kind: "default" }] },
    },
    {
      id: "ask",
      type: "input",
      position: { x: 300, y: 0 },
      data: { question: "Say something", variable: "said", validation: { kind: "text" } },
    },
    {
      id: "reply",
      type: "message",
      position: { x: 600, y: 0 },
      data: { content: [{ id: "t", kind: "text", text: "Got {{said}}" }] },
    },
  ],
  edges: [
    { id: "e1", source: "start", target: "ask" },
    { id: "e2", source: "ask", target: "reply" },
    { id: "e3", source: "reply", target: "ask" },
  ],
};

/** Replaces every published flow with the echo flow. */
export async function useEchoFlow(
  api: (method: string, path: string, body?: unknown) => Promise<{ status: number; json: unknown }>,
): Promise<void> {
  const { json } = await api("GET", "/api/flows");
  for (const flow of (json as { flows: { id: string }[] }).flows) {
    await api("DELETE", `/api/flows/${flow.id}`);
  }
  const imported = await api("POST", "/api/flows/import", echoFlow);
  if (imported.status !== 201) throw new Error(`import failed: ${JSON.stringify(imported.json)}`);
  const published = await api("POST", "/api/flows/echo/publish", {});
  if (published.status !== 201)
    throw new Error(`publish failed: ${JSON.stringify(published.json)}`);
}
