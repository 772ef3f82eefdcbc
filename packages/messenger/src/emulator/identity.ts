import type { Context } from "hono";
import { type EmulatorEnv, fail, reply } from "./answer";
import { graphError } from "./errors";

/** The Page the emulator plays unless told otherwise. */
export const EMULATOR_PAGE_ID = "104857600000001";
/** The app its tokens belong to unless told otherwise. */
export const EMULATOR_APP_ID = "1517776481860111";

/**
 * A node's fields as Graph answers them (`GET /me`, `GET /app`): `fields=id,name` picks, no
 * `fields` gives them all, and a field the node does not have is Meta's error 100.
 */
export function answerFields(
  c: Context<EmulatorEnv>,
  node: Record<string, string>,
  type: string,
): Response {
  const asked = (c.req.query("fields") ?? "").split(",").filter(Boolean);
  const missing = asked.find((field) => !(field in node));
  if (missing) {
    const message = `(#100) Tried accessing nonexisting field (${missing}) on node type (${type})`;
    return fail(c, graphError(400, 100, message));
  }
  const fields = asked.length === 0 ? Object.keys(node) : asked;
  return reply(c, Object.fromEntries(fields.map((field) => [field, node[field]])));
}
