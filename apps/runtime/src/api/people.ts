import { Hono } from "hono";
import { audit } from "../accounts/audit";
import { createLink } from "../accounts/links";
import { inviteJson, personJson } from "../accounts/person-json";
import type { Deps } from "../deps";
import type { PersonRow } from "../store/people";
import { callerOf } from "./caller";
import { ApiError, notFound, readBody } from "./errors";
import { on } from "./openapi/route-spec";
import { inviteBody, peopleSpecs, roleBody } from "./specs/people";

const iso = (ms: number) => new Date(ms).toISOString();

/** The owner's team: invite by link, change roles, reset passwords, remove accounts. */
export function peopleRoutes(deps: Deps) {
  const app = new Hono();
  const { people } = deps.store;
  const createdBy = (c: Parameters<typeof callerOf>[0]) => {
    const caller = callerOf(c);
    return caller?.kind === "person" ? caller.person.id : "admin";
  };
  const mustFind = async (id: string): Promise<PersonRow> => {
    const person = await people.find(id);
    if (!person || person.disabledAt !== null) throw notFound(`The person ${id}`);
    return person;
  };
  /** Whether `person` is the only owner left (who must stay one). */
  const lastOwner = async (person: PersonRow) =>
    person.role === "owner" &&
    (await people.list()).filter((p) => p.role === "owner" && p.disabledAt === null).length <= 1;

  on(app, peopleSpecs.list, async (c) =>
    c.json({
      people: (await people.list()).map(personJson),
      invites: (await deps.store.invites.pending(deps.now()))
        .filter((i) => i.kind !== "setup")
        .map(inviteJson),
    }),
  );

  on(app, peopleSpecs.invite, async (c) => {
    const body = await readBody(c, inviteBody);
    const email = body.email.toLowerCase();
    const existing = await people.credentials(email);
    if (existing && existing.disabledAt === null) {
      throw new ApiError(409, "email_taken", `${email} has an account already.`);
    }
    const { link, expiresAt } = await createLink(
      deps.store,
      deps.publicUrl.value,
      { kind: "invite", email, role: body.role, personId: null, createdBy: createdBy(c) },
      deps.now(),
    );
    await audit(deps, c, "person.invite", email, { role: body.role });
    return c.json({ link, expiresAt: iso(expiresAt) }, 201);
  });

  on(app, peopleSpecs.role, async (c) => {
    const { role } = await readBody(c, roleBody);
    const person = await mustFind(c.req.param("id"));
    if (role !== "owner" && (await lastOwner(person))) {
      throw new ApiError(409, "last_owner", "The last owner cannot stop being one.");
    }
    await people.update(person.id, { role });
    await audit(deps, c, "person.role", person.id, { from: person.role, to: role });
    return c.json(personJson({ ...person, role }));
  });

  on(app, peopleSpecs.reset, async (c) => {
    const person = await mustFind(c.req.param("id"));
    const { link, expiresAt } = await createLink(
      deps.store,
      deps.publicUrl.value,
      {
        kind: "reset",
        email: person.email,
        role: person.role,
        personId: person.id,
        createdBy: createdBy(c),
      },
      deps.now(),
    );
    await audit(deps, c, "person.reset", person.id);
    return c.json({ link, expiresAt: iso(expiresAt) }, 201);
  });

  on(app, peopleSpecs.remove, async (c) => {
    const person = await mustFind(c.req.param("id"));
    if (await lastOwner(person)) {
      throw new ApiError(409, "last_owner", "The last owner cannot be removed.");
    }
    await people.disable(person.id, deps.now());
    await audit(deps, c, "person.remove", person.id, { email: person.email });
    return c.body(null, 204);
  });
  return app;
}
