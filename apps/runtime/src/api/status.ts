import { Hono } from "hono";
import type { Deps } from "../deps";

/**
 * What the owner should know about this runtime's connection to Messenger, for the editor's
 * banners: sandbox mode, and whether the Page sends Convo its message echoes.
 */
export function statusRoutes(deps: Deps) {
  const app = new Hono();
  app.get("/", (c) =>
    c.json({ sandbox: deps.sandbox, messageEchoes: deps.echoSubscription.state }),
  );
  return app;
}
