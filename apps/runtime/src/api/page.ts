import { Hono } from "hono";
import { z } from "zod";
import type { Deps } from "../deps";
import type { PageSettings } from "../graph-api/gateway";
import { requestLog } from "../request-log";
import { readBody } from "./errors";
import { BODY_LIMITS } from "./read-capped";

const pageSettingsSchema = z.strictObject({
  getStarted: z.strictObject({ payload: z.string().min(1).max(1000) }).nullable(),
  greeting: z
    .array(z.strictObject({ locale: z.string().min(1).max(20), text: z.string().min(1).max(160) }))
    .max(100),
  persistentMenu: z
    .array(
      z.strictObject({
        locale: z.string().min(1).max(20),
        items: z
          .array(
            z
              .strictObject({
                title: z.string().min(1).max(30),
                payload: z.string().min(1).max(1000).optional(),
                url: z.url({ protocol: /^https?$/ }).optional(),
              })
              .refine((i) => (i.payload === undefined) !== (i.url === undefined), {
                message: "an item has either a payload or a url",
              }),
          )
          .max(20),
      }),
    )
    .max(100),
  iceBreakers: z
    .array(
      z.strictObject({ question: z.string().min(1).max(80), payload: z.string().min(1).max(1000) }),
    )
    .max(4),
}) satisfies z.ZodType<PageSettings>;

export const DEFAULT_PAGE_SETTINGS: PageSettings = {
  // The welcome example answers this payload (the engine's GET_STARTED_PAYLOAD).
  getStarted: { payload: "GET_STARTED" },
  greeting: [],
  persistentMenu: [],
  iceBreakers: [],
};

export async function loadPageSettings(deps: Deps): Promise<PageSettings> {
  const text = await deps.store.settings.get("page");
  return text === undefined ? DEFAULT_PAGE_SETTINGS : (JSON.parse(text) as PageSettings);
}

export function pageRoutes(deps: Deps) {
  const app = new Hono();
  app.get("/", async (c) => c.json(await loadPageSettings(deps)));
  app.put("/", async (c) => {
    const settings = await readBody(c, pageSettingsSchema, BODY_LIMITS.medium);
    await deps.store.settings.set("page", JSON.stringify(settings));
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
