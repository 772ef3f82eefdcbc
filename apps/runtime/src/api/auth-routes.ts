import { randomBytes } from "node:crypto";
import { type Context, Hono } from "hono";
import { addressOf, audit } from "../accounts/audit";
import { decoyHash, hashPassword, verifyPassword } from "../accounts/password";
import { personJson } from "../accounts/person-json";
import { clearSessionCookie, startSession } from "../accounts/sessions";
import { lockoutMessage, SignInLimits } from "../accounts/sign-in-limits";
import { tokenDigest } from "../accounts/tokens";
import type { Deps } from "../deps";
import { errorJson } from "../error-json";
import type { PersonRow } from "../store/people";
import { callerOf } from "./caller";
import { ApiError, readBody } from "./errors";
import { on } from "./openapi/route-spec";
import { acceptBody, authSpecs, passwordBody, setupBody, signInBody } from "./specs/people";

export const newPersonId = () => `p_${randomBytes(8).toString("hex")}`;
const invalidLink = () =>
  new ApiError(400, "invalid_link", "This link is not valid: it was used already, or it expired.");
const personActor = (p: PersonRow) => ({ id: p.id, name: p.name, kind: "person" as const });

/** Signing in and out, the first owner's setup, invites accepted, one's own password. */
export function authRoutes(deps: Deps) {
  const app = new Hono();
  const { people, invites, accountSessions } = deps.store;
  const limits = new SignInLimits(deps.store.signInFailures);

  const signedIn = async (c: Context, person: PersonRow, status: 200 | 201 = 200) => {
    const session = await startSession(c, deps.store, person, deps.now());
    return c.json({ person: personJson(person), csrfToken: session.csrfToken }, status);
  };
  const locked = (c: Context, lock: { retryAt: number; by: "account" | "address" }) => {
    const now = deps.now();
    return c.json(
      errorJson("too_many_attempts", lockoutMessage(lock, now), {
        retryAt: new Date(lock.retryAt).toISOString(),
      }),
      429,
      { "Retry-After": String(Math.max(1, Math.ceil((lock.retryAt - now) / 1000))) },
    );
  };

  on(app, authSpecs.setup, async (c) => {
    const body = await readBody(c, setupBody);
    const invite = await invites.find(tokenDigest(body.token));
    if (invite?.kind !== "setup" || (await people.countActive()) > 0) throw invalidLink();
    const passwordHash = await hashPassword(body.password);
    if (!(await invites.use(invite.id, deps.now()))) throw invalidLink();
    const person = {
      id: newPersonId(),
      email: body.email.toLowerCase(),
      name: body.name,
      role: "owner" as const,
      createdAt: deps.now(),
    };
    await people.create({ ...person, passwordHash });
    const row = { ...person, disabledAt: null };
    await audit(deps, c, "person.setup", person.id, { email: person.email }, personActor(row));
    return signedIn(c, row, 201);
  });

  on(app, authSpecs.signIn, async (c) => {
    const body = await readBody(c, signInBody);
    const email = body.email.trim().toLowerCase();
    const ip = addressOf(c, deps.config.trustedProxies);
    const before = await limits.lockout(email, ip, deps.now());
    if (before) return locked(c, before);
    const found = await people.credentials(email);
    // An unknown address costs the same scrypt as a known one: the time tells nothing.
    const ok = await verifyPassword(body.password, found?.passwordHash ?? (await decoyHash()));
    if (!found || !ok || found.disabledAt !== null) {
      const now = deps.now();
      await limits.failed(email, ip, now);
      await audit(
        deps,
        c,
        "auth.sign_in_failed",
        found?.id ?? null,
        { email },
        {
          id: email,
          name: email,
          kind: "anonymous",
        },
      );
      const lock = await limits.lockout(email, ip, now);
      if (lock) return locked(c, lock);
      throw new ApiError(401, "invalid_credentials", "Wrong e-mail address or password.");
    }
    await limits.succeeded(email);
    const { passwordHash: _, ...person } = found;
    await audit(deps, c, "auth.sign_in", person.id, {}, personActor(person));
    return signedIn(c, person);
  });

  on(app, authSpecs.acceptInvite, async (c) => {
    const body = await readBody(c, acceptBody);
    const invite = await invites.find(tokenDigest(body.token));
    const live = invite && invite.usedAt === null && invite.expiresAt > deps.now();
    if (!live || invite.kind === "setup") throw invalidLink();
    const passwordHash = await hashPassword(body.password);
    if (invite.kind === "reset") {
      const person = invite.personId ? await people.find(invite.personId) : undefined;
      if (!person || person.disabledAt !== null) throw invalidLink();
      if (!(await invites.use(invite.id, deps.now()))) throw invalidLink();
      await people.update(person.id, { passwordHash });
      await accountSessions.removeFor(person.id);
      await audit(deps, c, "person.password_reset", person.id, {}, personActor(person));
      return signedIn(c, person);
    }
    const email = invite.email as string;
    const existing = await people.credentials(email);
    if (existing && existing.disabledAt === null) {
      throw new ApiError(409, "email_taken", `${email} has an account already: sign in.`);
    }
    if (!(await invites.use(invite.id, deps.now()))) throw invalidLink();
    const name = body.name ?? email.split("@")[0] ?? email;
    let id = existing?.id;
    if (id) {
      await people.update(id, { role: invite.role, name, passwordHash, disabledAt: null });
    } else {
      id = newPersonId();
      const created = await people.create({
        id,
        email,
        name,
        role: invite.role,
        passwordHash,
        createdAt: deps.now(),
      });
      if (!created) throw new ApiError(409, "email_taken", `${email} has an account already.`);
    }
    const person = (await people.find(id)) as PersonRow;
    await audit(deps, c, "person.join", id, { role: person.role }, personActor(person));
    return signedIn(c, person);
  });

  on(app, authSpecs.me, async (c) => {
    const caller = callerOf(c);
    if (caller?.kind === "person") {
      return c.json({
        person: personJson(caller.person),
        role: caller.person.role,
        csrfToken: caller.session.csrfToken,
      });
    }
    return c.json({ person: null, role: "owner" as const, csrfToken: null });
  });

  on(app, authSpecs.signOut, async (c) => {
    const caller = callerOf(c);
    if (caller?.kind === "person") {
      await accountSessions.remove(caller.session.id);
      await audit(deps, c, "auth.sign_out", caller.person.id);
    }
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  on(app, authSpecs.signOutAll, async (c) => {
    const caller = callerOf(c);
    if (caller?.kind === "person") {
      const ended = await accountSessions.removeFor(caller.person.id);
      await audit(deps, c, "auth.sign_out_all", caller.person.id, { sessions: ended });
    }
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  on(app, authSpecs.password, async (c) => {
    const body = await readBody(c, passwordBody);
    const caller = callerOf(c);
    if (caller?.kind !== "person") {
      throw new ApiError(400, "not_a_person", "Only a signed-in person has a password.");
    }
    const found = await people.credentials(caller.person.email);
    if (!found || !(await verifyPassword(body.current, found.passwordHash))) {
      throw new ApiError(400, "wrong_password", "The current password is not right.");
    }
    await people.update(found.id, { passwordHash: await hashPassword(body.password) });
    await accountSessions.removeFor(found.id, caller.session.id);
    await audit(deps, c, "person.password", found.id);
    return c.body(null, 204);
  });
  return app;
}
