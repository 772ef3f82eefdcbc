import { Hono } from "hono";
import type { Deps } from "../deps";
import { on } from "./openapi/route-spec";
import { statusSpecs as spec } from "./specs/operations";

/**
 * What the owner should know about this runtime's connection to Messenger, for the editor's
 * banners: sandbox mode, and whether the Page sends Convo its message echoes.
 */
export function statusRoutes(deps: Deps) {
  const app = new Hono();
  on(app, spec.get, (c) =>
    c.json({ sandbox: deps.sandbox, messageEchoes: deps.echoSubscription.state }),
  );
  return app;
}
