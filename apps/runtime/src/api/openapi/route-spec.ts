import type { Context, Handler, Hono, MiddlewareHandler } from "hono";
import type { z } from "zod";
import type { Access } from "../../accounts/access";
import { authorize } from "../caller";
import { ApiError, issuesOf } from "../errors";

export type Method = "get" | "post" | "put" | "patch" | "delete";

/** One answer of a route: its schema (JSON unless `type` says otherwise), or none (204). */
export interface Answer {
  description: string;
  schema?: z.ZodType;
  /** Another media type than `application/json` (the export's attachment). */
  type?: string;
}

/**
 * A route of the management API as the OpenAPI document shows it: the same zod schemas the
 * handler reads its body and query with, and the schemas of its answers.
 */
export interface RouteSpec {
  method: Method;
  /** Hono's path within its section (`/:id/publish`). */
  path: string;
  summary: string;
  description?: string;
  /** Path parameters, described (the handlers read them with `c.req.param`). */
  params?: z.ZodObject;
  /** The query string, read with `readQuery`. */
  query?: z.ZodObject;
  /** Request headers the route reads (the webhook's signature). */
  headers?: z.ZodObject;
  /** The JSON body, read with `readBody`. */
  body?: z.ZodType;
  responses: Record<number, Answer>;
  /** Served to anyone (operations, the webhook, signing in). */
  public?: boolean;
  /** Who may call it (`ACCESS` names the rules); every route but the public ones has one. */
  access?: Access;
}

/**
 * The routes of one module, mounted at `prefix` under `base` (`/api` but for the operations
 * routes and the webhook); `tag` groups them in the document.
 */
export class ApiSection {
  readonly routes: RouteSpec[] = [];
  constructor(
    readonly prefix: string,
    readonly tag: string,
    readonly base = "/api",
  ) {}

  /** Declares a route (kept for the document); `on` mounts its handler. */
  route<const S extends RouteSpec>(spec: S): S {
    this.routes.push(spec);
    return spec;
  }
}

/**
 * Mounts the handler of a declared route, at the spec's method and path: they cannot drift. The
 * route's access rule is checked first (but for public routes); middleware for that route alone
 * goes before the handler, as with `app.on`.
 */
export function on<S extends RouteSpec>(
  app: Hono,
  spec: S,
  // biome-ignore lint/suspicious/noExplicitAny: Hono's own default environment
  ...handlers: [...MiddlewareHandler<any, S["path"]>[], Handler<any, S["path"]>]
): void {
  const all = spec.public ? handlers : [authorize(spec.access), ...handlers];
  app.on(spec.method.toUpperCase(), spec.path, ...(all as [Handler]));
}

/** The query string, checked against the route's schema: 400 `invalid_query` with the issues. */
export function readQuery<T extends z.ZodObject>(c: Context, schema: T): z.infer<T> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    throw new ApiError(400, "invalid_query", issues[0]?.message ?? "The query is not valid.", {
      issues,
    });
  }
  return parsed.data;
}
