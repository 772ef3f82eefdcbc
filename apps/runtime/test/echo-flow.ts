import { echoFlow } from "@convo/flow/testing";

/**
 * Replaces every published flow with the echo flow (`@convo/flow/testing`): every message after
 * the first is answered "Got <text>", so order and duplicates can be read.
 */
export async function useEchoFlow(
  api: (method: string, path: string, body?: unknown) => Promise<{ status: number; json: unknown }>,
): Promise<void> {
  const { json } = await api("GET", "/api/flows");
  for (const flow of (json as { flows: { id: string }[] }).flows) {
    await api("DELETE", `/api/flows/${flow.id}`);
  }
  const imported = await api("POST", "/api/flows/import", echoFlow());
  if (imported.status !== 201) throw new Error(`import failed: ${JSON.stringify(imported.json)}`);
  const published = await api("POST", "/api/flows/echo/publish", {});
  if (published.status !== 201)
    throw new Error(`publish failed: ${JSON.stringify(published.json)}`);
}
