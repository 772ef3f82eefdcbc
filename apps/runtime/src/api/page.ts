import { Hono } from "hono";
import { audit } from "../accounts/audit";
import type { Deps } from "../deps";
import type { PageSettings } from "../graph-api/gateway";
import { requestLog } from "../request-log";
import { readBody } from "./errors";
import { on } from "./openapi/route-spec";
import { BODY_LIMITS } from "./read-capped";
import { pageSettingsSchema, pageSpecs as spec } from "./specs/operations";

export const DEFAULT_PAGE_SETTINGS: PageSettings = {
  // The welcome example answers this payload (the engine's GET_STARTED_PAYLOAD).
  getStarted: { payload: "GET_STARTED" },
  greeting: [],
  // The welcome example's language menu answers this payload (examples/welcome.json).
  persistentMenu: [
    { locale: "default", items: [{ title: "🌐 Language / Langue", payload: "CHOOSE_LANGUAGE" }] },
  ],
  iceBreakers: [],
};

export async function loadPageSettings(deps: Deps): Promise<PageSettings> {
  const text = await deps.store.settings.get("page");
  return text === undefined ? DEFAULT_PAGE_SETTINGS : (JSON.parse(text) as PageSettings);
}

export function pageRoutes(deps: Deps) {
  const app = new Hono();
  on(app, spec.get, async (c) => c.json(await loadPageSettings(deps)));
  on(app, spec.put, async (c) => {
    const settings = await readBody(c, pageSettingsSchema, BODY_LIMITS.medium);
    await deps.store.settings.set("page", JSON.stringify(settings));
    await audit(deps, c, "page.update", null);
    let sync: { ok: boolean; error?: string };
    try {
      await deps.graph.setMessengerProfile(settings);
      sync = { ok: true };
    } catch (error) {
      sync = { ok: false, error: error instanceof Error ? error.message : String(error) };
      requestLog(c, deps.log).warn("messenger profile sync failed", { error });
    }
    return c.json({ ...settings, sync });
  });
  return app;
}
