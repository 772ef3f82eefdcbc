import type { Hono } from "hono";
import { type EmulatorEnv, fail, reply } from "./answer";
import { type EmulatedPlatform, nonexistingField, type UserProfile } from "./platform";

/**
 * `GET /{version}/{user-id}?fields=…`: the stored profile's fields as the platform names them;
 * a field it does not have is error 100, a user it has no profile of is the platform's refusal.
 * Registered last: `/:version/:id` would take `me` or `app` for a user.
 */
export function userProfileRoute(
  app: Hono<EmulatorEnv>,
  profiles: ReadonlyMap<string, UserProfile>,
  platform: EmulatedPlatform,
): void {
  app.get("/:version/:id", (c) => {
    const id = c.req.param("id");
    const found = profiles.get(id);
    if (!found) return fail(c, platform.unknownUser(id));
    const query = c.req.query("fields");
    const asked = query ? query.split(",").filter(Boolean) : platform.defaultProfileFields;
    const invalid = asked.find((field) => !platform.profileFields.includes(field));
    if (invalid) return fail(c, nonexistingField(invalid));
    const answer: Record<string, unknown> = { id };
    for (const field of asked) {
      const value = platform.profileValue(id, found, field);
      if (value !== undefined) answer[field] = value;
    }
    return reply(c, answer);
  });
}
