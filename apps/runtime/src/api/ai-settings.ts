import { Hono } from "hono";
import { audit, publisherName } from "../accounts/audit";
import { callerOf } from "../accounts/caller";
import type { AiProviderInfo } from "../ai-settings";
import type { Deps } from "../deps";
import { webhookUrlProblem } from "../pipeline/webhook-url";
import { ApiError, readBody } from "./errors";
import { on } from "./openapi/route-spec";
import { aiProviderBody, aiSettingsSpecs as spec } from "./specs/ai-settings";

const infoJson = (info: AiProviderInfo) => ({
  baseUrl: info.baseUrl,
  model: info.model,
  keySet: info.keySet,
  ...(info.setAt === undefined ? {} : { setAt: new Date(info.setAt).toISOString() }),
  ...(info.setBy === undefined ? {} : { setBy: info.setBy }),
  source: info.source,
});

/** The owner's AI provider: URL and model read back, the key write-only. */
export function aiSettingsRoutes(deps: Deps) {
  const app = new Hono();
  on(app, spec.get, async (c) => c.json(infoJson(await deps.aiSettings.info())));
  on(app, spec.put, async (c) => {
    if (deps.aiSettings.fromEnvironment) {
      throw new ApiError(
        409,
        "set_by_environment",
        "CONVO_AI_API_KEY is set: the runtime's CONVO_AI_* variables choose the provider.",
      );
    }
    const change = await readBody(c, aiProviderBody);
    // The key goes where this URL points: https and a public address, as an events-out
    // endpoint (CONVO_ALLOW_PRIVATE_HTTP lifts it for a model hosted on the brand's network).
    const problem =
      change.baseUrl === undefined
        ? undefined
        : await webhookUrlProblem(change.baseUrl, deps.config.allowPrivateHttp);
    if (problem) {
      throw new ApiError(400, "invalid_url", `The AI provider's URL ${problem}.`, {
        issues: [{ path: "baseUrl", message: problem }],
      });
    }
    const info = await deps.aiSettings.set(
      {
        ...(change.baseUrl === undefined ? {} : { baseUrl: change.baseUrl.replace(/\/+$/, "") }),
        ...(change.model === undefined ? {} : { model: change.model }),
        ...(change.apiKey === undefined ? {} : { apiKey: change.apiKey }),
      },
      publisherName(callerOf(c)),
      deps.now(),
    );
    // Which fields changed, never the key itself.
    await audit(deps, c, "ai.provider.set", null, {
      fields: Object.keys(change).sort(),
    });
    return c.json(infoJson(info));
  });
  return app;
}
