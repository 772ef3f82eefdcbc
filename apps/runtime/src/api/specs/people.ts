import { z } from "zod";
import { ACCESS } from "../../accounts/access";
import { timeQuery, wholeQuery } from "../openapi/queries";
import { ApiSection } from "../openapi/route-spec";
import { ErrorBody } from "../schemas";

/** Signing in and one's own account; the owner's people; the audit log. */
export const authApi = new ApiSection("/auth", "people");
export const peopleApi = new ApiSection("/people", "people");
export const auditApi = new ApiSection("/audit", "people");

const role = z.enum(["owner", "editor", "agent", "viewer"]);
const time = z.iso.datetime();
/** At least 10 characters; at most 200 (a hash costs the same, a body does not). */
export const passwordSchema = z.string().min(10, "at least 10 characters").max(200);
const email = z.email().max(254);
const name = z.string().trim().min(1).max(120);
const linkToken = z.string().min(20).max(100);

export const Person = z
  .strictObject({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role,
    createdAt: time,
    disabledAt: time.nullable(),
  })
  .meta({ id: "Person", description: "Someone of the team. Never with a password hash." });
const SignedIn = z.strictObject({
  person: Person,
  csrfToken: z.string().meta({ description: "Send it as `X-CSRF-Token` on every non-GET call." }),
});
const Me = z.strictObject({
  person: Person.nullable().meta({ description: "Null for the admin token." }),
  role,
  csrfToken: z.string().nullable(),
});
const Link = z.strictObject({
  link: z.string().meta({ description: "The link to send them (shown once)." }),
  expiresAt: time,
});
const Invite = z.strictObject({
  email: z.string().nullable(),
  role,
  kind: z.enum(["setup", "invite", "reset"]),
  createdAt: time,
  expiresAt: time,
});
const AuditEntry = z.strictObject({
  id: z.number(),
  at: time,
  actor: z.strictObject({
    id: z.string(),
    name: z.string(),
    kind: z.enum(["person", "key", "token", "anonymous", "system"]),
  }),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});

export const setupBody = z.strictObject({
  token: linkToken,
  email,
  password: passwordSchema,
  name,
});
export const signInBody = z.strictObject({
  email: z.string().max(254),
  password: z.string().max(200),
});
export const passwordBody = z.strictObject({
  current: z.string().max(200),
  password: passwordSchema,
});
export const acceptBody = z.strictObject({
  token: linkToken,
  password: passwordSchema,
  name: name.optional(),
});
export const inviteBody = z.strictObject({ email, role, name: name.optional() });
export const roleBody = z.strictObject({ role });
export const auditQuery = z.object({
  actor: z.string().max(200).optional().meta({ description: "An actor's id." }),
  action: z
    .string()
    .max(100)
    .optional()
    .meta({ description: "An action (`flow.publish`), or a prefix ending in `.` (`flow.`)." }),
  from: timeQuery,
  to: timeQuery,
  before: wholeQuery(Number.MAX_SAFE_INTEGER, "Entries older than this id (the next page)."),
  limit: wholeQuery(10_000, "At most this many entries (200 by default)."),
  format: z.enum(["json", "csv"]).optional().meta({ description: "`csv` for a spreadsheet." }),
});

const error = (description: string) => ({ description, schema: ErrorBody });
const personId = z.object({ id: z.string().meta({ description: "The person's id." }) });
const signedIn = (description: string) => ({ description, schema: SignedIn });
const cookieNote =
  "Sets the `convo_session` cookie (HttpOnly, SameSite=Lax, Secure but on loopback; ends after 12 h unused).";

export const authSpecs = {
  setup: authApi.route({
    method: "post",
    path: "/setup",
    summary: "First run: the setup link's token makes the first owner, signed in",
    description: cookieNote,
    public: true,
    body: setupBody,
    responses: {
      201: signedIn("The owner, signed in."),
      400: error("Not valid, or the link is used, expired or not a setup link (`invalid_link`)."),
    },
  }),
  signIn: authApi.route({
    method: "post",
    path: "/sign-in",
    summary: "Sign in with e-mail and password (a new session each time)",
    description: cookieNote,
    public: true,
    body: signInBody,
    responses: {
      200: signedIn("Signed in."),
      401: error("Wrong e-mail or password (`invalid_credentials`)."),
      429: error("Locked after too many failures: the message says when to retry (`Retry-After`)."),
    },
  }),
  acceptInvite: authApi.route({
    method: "post",
    path: "/accept-invite",
    summary: "Join with an invite link (or set a new password with a reset link), signed in",
    description: cookieNote,
    public: true,
    body: acceptBody,
    responses: {
      200: signedIn("Signed in."),
      400: error("Not valid, or the link is used or expired (`invalid_link`)."),
      409: error("That address has an account already."),
    },
  }),
  me: authApi.route({
    method: "get",
    path: "/me",
    access: ACCESS.signedIn,
    summary: "Who is signed in, their role, and the session's CSRF token",
    responses: { 200: { description: "The caller.", schema: Me } },
  }),
  signOut: authApi.route({
    method: "post",
    path: "/sign-out",
    access: ACCESS.signedIn,
    summary: "End this session",
    responses: { 204: { description: "Signed out." } },
  }),
  signOutAll: authApi.route({
    method: "post",
    path: "/sign-out-all",
    access: ACCESS.signedIn,
    summary: "End every session of one's account, this one too",
    responses: { 204: { description: "Signed out everywhere." } },
  }),
  password: authApi.route({
    method: "post",
    path: "/password",
    access: ACCESS.signedIn,
    summary: "Change one's password (the other sessions end)",
    body: passwordBody,
    responses: {
      204: { description: "Changed." },
      400: error("Not valid, the current password is wrong, or the caller is not a person."),
    },
  }),
};

export const peopleSpecs = {
  list: peopleApi.route({
    method: "get",
    path: "/",
    access: ACCESS.owner,
    summary: "The team, and the invites not used yet",
    responses: {
      200: {
        description: "People, oldest first; pending invites, newest first.",
        schema: z.strictObject({ people: z.array(Person), invites: z.array(Invite) }),
      },
    },
  }),
  invite: peopleApi.route({
    method: "post",
    path: "/",
    access: ACCESS.owner,
    summary: "Invite someone with a role: a link that works once, for 72 hours",
    body: inviteBody,
    responses: {
      201: { description: "The link.", schema: Link },
      409: error("That address has an account already."),
    },
  }),
  role: peopleApi.route({
    method: "patch",
    path: "/:id",
    access: ACCESS.owner,
    summary: "Change someone's role",
    params: personId,
    body: roleBody,
    responses: {
      200: { description: "The person.", schema: Person },
      404: error("No such person."),
      409: error("The last owner cannot stop being one."),
    },
  }),
  reset: peopleApi.route({
    method: "post",
    path: "/:id/reset",
    access: ACCESS.owner,
    summary: "A password reset link for someone (72 hours, once)",
    params: personId,
    responses: { 201: { description: "The link.", schema: Link }, 404: error("No such person.") },
  }),
  remove: peopleApi.route({
    method: "delete",
    path: "/:id",
    access: ACCESS.owner,
    summary: "Remove someone: their sessions stop at once",
    params: personId,
    responses: {
      204: { description: "Removed." },
      404: error("No such person."),
      409: error("The last owner cannot be removed."),
    },
  }),
};

export const auditSpecs = {
  list: auditApi.route({
    method: "get",
    path: "/",
    access: ACCESS.owner,
    summary: "The audit log, newest first (`format=csv` for a spreadsheet)",
    query: auditQuery,
    responses: {
      200: {
        description: "`{ entries }`, or CSV with `format=csv`.",
        schema: z.strictObject({ entries: z.array(AuditEntry) }),
      },
    },
  }),
};
