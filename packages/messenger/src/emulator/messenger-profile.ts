import type { Hono } from "hono";
import {
  MESSENGER_PROFILE_FIELDS,
  type MessengerProfile,
  messengerProfileSchema,
} from "../send/schemas";
import { badParameter, bodyOf, type EmulatorEnv, fail, reply } from "./answer";
import { graphError } from "./errors";

/**
 * The Messenger Profile API (`/{version}/me/messenger_profile`): read fields, set some (a
 * persistent menu wants a Get Started button), delete some, with Meta's error codes.
 */
export function messengerProfileRoutes(
  app: Hono<EmulatorEnv>,
  profile: { current: MessengerProfile },
): void {
  app.get("/:version/me/messenger_profile", (c) => {
    const fields = (c.req.query("fields") ?? "").split(",").filter(Boolean);
    if (fields.length === 0)
      return fail(c, graphError(400, 100, "(#100) The parameter fields is required"));
    const unknown = fields.find(
      (field) => !(MESSENGER_PROFILE_FIELDS as readonly string[]).includes(field),
    );
    if (unknown) return fail(c, graphError(400, 100, `(#100) Invalid field: ${unknown}`));
    const data: Record<string, unknown> = {};
    for (const field of fields) {
      const value = profile.current[field as keyof MessengerProfile];
      if (value !== undefined) data[field] = value;
    }
    return reply(c, { data: Object.keys(data).length === 0 ? [] : [data] });
  });

  app.post("/:version/me/messenger_profile", (c) => {
    const parsed = messengerProfileSchema.safeParse(bodyOf(c));
    if (!parsed.success) return fail(c, badParameter(parsed.error));
    const next = { ...profile.current, ...parsed.data };
    if (Object.keys(parsed.data).length === 0) {
      return fail(
        c,
        graphError(
          400,
          100,
          "(#100) Requires one of the params: get_started, greeting, persistent_menu, ice_breakers, whitelisted_domains",
        ),
      );
    }
    if (next.persistent_menu && !next.get_started) {
      return fail(
        c,
        graphError(
          400,
          100,
          "(#100) You must set a Get Started button if you also wish to use persistent menu.",
          2018145,
        ),
      );
    }
    profile.current = next;
    return reply(c, { result: "success" });
  });

  app.delete("/:version/me/messenger_profile", (c) => {
    const body = bodyOf(c) as { fields?: unknown } | undefined;
    const fields = body?.fields;
    if (
      !Array.isArray(fields) ||
      fields.length === 0 ||
      !fields.every((f) => (MESSENGER_PROFILE_FIELDS as readonly unknown[]).includes(f))
    ) {
      return fail(
        c,
        graphError(400, 100, "(#100) param fields must be a non-empty array of profile fields"),
      );
    }
    const next: Record<string, unknown> = { ...profile.current };
    for (const field of fields as string[]) delete next[field];
    profile.current = next as MessengerProfile;
    return reply(c, { result: "success" });
  });
}
