import { z } from "zod";
import { ErrorBody } from "../schemas";
import type { ApiSection, RouteSpec } from "./route-spec";

type Json = Record<string, unknown>;

const REF = "#/components/schemas/";

/** The schema of a body, a query or an answer, its named parts as references to `components`. */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const converted = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  }) as Json;
  const { $schema: _, $defs: __, ...rest } = converted;
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', `"${REF}`)) as Json;
}

/** `components.schemas`: each named answer schema once (as answers: `io: "output"`). */
function componentSchemas(): Json {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: "draft-2020-12",
    io: "output",
    unrepresentable: "any",
    uri: (id) => `${REF}${id}`,
  }) as { schemas: Record<string, Json> };
  const out: Json = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _, $id: __, ...rest } = schema;
    out[id] = rest;
  }
  return out;
}

/** `/:id/publish` → `/{id}/publish`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z_]\w*)/g, "{$1}");

function parameters(spec: RouteSpec): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [
    ["path", spec.params],
    ["query", spec.query],
    ["header", spec.headers],
  ] as const) {
    if (!schema) continue;
    const shape = schema.shape as Record<string, z.ZodType>;
    for (const [name, field] of Object.entries(shape)) {
      const converted = jsonSchema(field, "input");
      const { description, ...fieldSchema } = converted;
      out.push({
        name,
        in: where,
        required: where === "path" || !field.safeParse(undefined).success,
        schema: fieldSchema,
        ...(typeof description === "string" ? { description } : {}),
      });
    }
  }
  return out;
}

function operation(section: ApiSection, spec: RouteSpec): Json {
  const responses: Json = {};
  for (const [status, answer] of Object.entries(spec.responses)) {
    responses[status] = {
      description: answer.description,
      ...(answer.schema
        ? {
            content: {
              [answer.type ?? "application/json"]: { schema: jsonSchema(answer.schema, "output") },
            },
          }
        : {}),
    };
  }
  // Every route can answer these; each also says its own.
  const error = { content: { "application/json": { schema: { $ref: `${REF}Error` } } } };
  responses["400"] ??= { description: "The request is not valid.", ...error };
  if (!spec.public) {
    responses["401"] = {
      description: "Not signed in, and no valid API key or bearer token.",
      ...error,
    };
    responses["403"] ??= {
      description: "The role or the key's scopes do not allow it, or `X-CSRF-Token` is missing.",
      ...error,
    };
  }
  return {
    operationId: `${spec.method}${(section.prefix + spec.path)
      .split(/[/:.-]/)
      .filter(Boolean)
      .map((part) => part[0]?.toUpperCase() + part.slice(1))
      .join("")}`,
    summary: spec.summary,
    ...(spec.public ? { security: [] } : {}),
    // Who may call it: the roles of people signed in, the scopes of API keys (owners: all).
    ...(spec.access
      ? {
          "x-convo-access": {
            roles: [...spec.access.roles],
            scopes: [...(spec.access.scopes ?? [])],
          },
        }
      : {}),
    ...(spec.description ? { description: spec.description } : {}),
    tags: [section.tag],
    ...(spec.params || spec.query ? { parameters: parameters(spec) } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: !spec.body.safeParse(undefined).success,
            content: { "application/json": { schema: jsonSchema(spec.body, "input") } },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the management API (served at `/api/openapi.json`). */
export function openApiDocument(sections: readonly ApiSection[], version: string): Json {
  void ErrorBody; // Registered in `components` by importing it.
  const paths: Record<string, Json> = {};
  for (const section of sections) {
    for (const spec of section.routes) {
      const path = openApiPath(
        `${section.base}${section.prefix}${spec.path === "/" ? "" : spec.path}`,
      );
      paths[path] ??= {};
      (paths[path] as Json)[spec.method] = operation(section, spec);
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Convo management API",
      version,
      description:
        "The runtime's management API: flows, contacts, transcripts, stats, operations. JSON in and out; every /api route but signing in needs a person's session (the `convo_session` cookie, with `X-CSRF-Token` on every non-GET call), an API key with a scope the route names, or the admin token (CONVO_ADMIN_TOKEN, owner-level). `x-convo-access` gives each route's roles and scopes. Also the Messenger webhook and the operations routes, which need none. See API.md.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { session: [] }],
    tags: [...new Set(sections.map((s) => s.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        session: { type: "apiKey", in: "cookie", name: "convo_session" },
      },
      schemas: componentSchemas(),
    },
  };
}
