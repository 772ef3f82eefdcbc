import { readFileSync } from "node:fs";
import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiPath } from "../src/api/openapi/document";
import { documentText, editorTypesText, GENERATED } from "../src/api/openapi/generated";
import type { RouteSpec } from "../src/api/openapi/route-spec";
import { contactSpecs } from "../src/api/specs/contacts";
import { flowSpecs } from "../src/api/specs/flows";
import {
  inboxSpecs,
  outboxSpecs,
  pageSpecs,
  sandboxSpecs,
  statusSpecs,
} from "../src/api/specs/operations";
import { type Json, startRuntime, type TestRuntime } from "./helpers";
import { waitFor } from "./messenger";

let rt: TestRuntime;
let document: Json;

beforeAll(async () => {
  rt = await startRuntime();
  const answer = await rt.api("GET", "/api/openapi.json");
  expect(answer.status).toBe(200);
  document = answer.json;
});
afterAll(async () => {
  await rt?.stop();
});

const METHODS = ["get", "post", "put", "patch", "delete"];

describe("/api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(document.openapi).toBe("3.1.0");
    // The parser resolves references in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeTruthy();
  });

  it("describes every route served, and only those", () => {
    const served = new Set<string>();
    for (const route of rt.runtime.app.routes) {
      const method = route.method.toLowerCase();
      // The sandbox's Graph API emulator and the editor's files are not Convo's API.
      if (route.path.startsWith("/__graph") || route.path === "/*") continue;
      if (METHODS.includes(method)) served.add(`${method} ${openApiPath(route.path)}`);
    }
    const documented = new Set<string>();
    for (const [path, item] of Object.entries(document.paths as Record<string, Json>)) {
      for (const method of Object.keys(item)) documented.add(`${method} ${path}`);
    }
    expect([...served].sort()).toEqual([...documented].sort());
    expect(served.size).toBeGreaterThan(30);
    expect(served).toContain("post /webhooks/messenger");
    expect(served).toContain("get /metrics");
  });

  it("asks a session or a bearer token of every /api route but signing in, and of no other", () => {
    const signingIn = ["/api/auth/setup", "/api/auth/sign-in", "/api/auth/accept-invite"];
    for (const [path, item] of Object.entries(document.paths as Record<string, Json>)) {
      for (const [method, op] of Object.entries(item as Record<string, Json>)) {
        const open = path.startsWith("/api/") && !signingIn.includes(path) ? undefined : [];
        expect(op.security, `${method} ${path}`).toEqual(open);
        // Signing in answers 401 for a wrong password, not for a missing token.
        if (!signingIn.includes(path)) {
          expect(Object.keys(op.responses).includes("401"), `${method} ${path}`).toBe(!open);
        }
      }
    }
    expect(document.security).toEqual([{ bearer: [] }, { session: [] }]);
  });

  it("gives every answer, body and query a schema", () => {
    for (const [path, item] of Object.entries(document.paths as Record<string, Json>)) {
      for (const [method, op] of Object.entries(item as Record<string, Json>)) {
        const where = `${method} ${path}`;
        const success = Object.keys(op.responses).filter((s) => s.startsWith("2"));
        expect(success.length, where).toBeGreaterThan(0);
        for (const status of Object.keys(op.responses)) {
          if (status === "204") continue;
          const content = op.responses[status].content;
          expect(content, `${where} ${status}`).toBeDefined();
          expect(Object.values(content as Json)[0]).toHaveProperty("schema");
        }
        for (const name of path.match(/\{(\w+)\}/g) ?? []) {
          const param = (op.parameters ?? []).find(
            (p: Json) => p.in === "path" && `{${p.name}}` === name,
          );
          expect(param, `${where} ${name}`).toBeDefined();
        }
      }
    }
    const stats = document.paths["/api/flows/{id}/stats"].get;
    expect(stats.parameters.map((p: Json) => `${p.in}:${p.name}`)).toEqual([
      "path:id",
      "query:from",
      "query:to",
    ]);
    const contacts = document.paths["/api/contacts"].get;
    expect(contacts.parameters.map((p: Json) => p.name)).toEqual([
      "limit",
      "search",
      "tag",
      "paused",
      "before",
    ]);
    expect(
      document.paths["/api/flows/{id}"].put.requestBody.content["application/json"].schema,
    ).toMatchObject({ type: "object", required: ["flow", "revision"] });
  });

  it("is committed as served, with the editor's types generated from it", async () => {
    const stale = "stale: run `pnpm --filter @convo/runtime openapi`";
    expect(readFileSync(GENERATED.document, "utf8"), stale).toBe(documentText());
    expect(JSON.parse(documentText())).toEqual(document);
    expect(readFileSync(GENERATED.editorTypes, "utf8"), stale).toBe(await editorTypesText());
  });

  it("is served to the bearer token only, like every /api route", async () => {
    const response = await fetch(`${rt.url}/api/openapi.json`);
    expect(response.status).toBe(401);
  });
});

describe("the answers match the document", () => {
  /** Calls the API and checks the answer against the spec's schema for its status. */
  async function call(spec: RouteSpec, path: string, status: number, body?: unknown) {
    const answer = await rt.api(spec.method.toUpperCase(), path, body);
    expect(answer.status, `${spec.method} ${path}: ${JSON.stringify(answer.json)}`).toBe(status);
    const schema = spec.responses[status]?.schema;
    if (schema) {
      const parsed = schema.safeParse(answer.json);
      expect(parsed.error?.issues ?? [], `${spec.method} ${path}`).toEqual([]);
    }
    return answer.json;
  }

  it("for flows, contacts and operations", async () => {
    await call(flowSpecs.list, "/api/flows", 200);
    const created = await call(flowSpecs.create, "/api/flows", 201, { name: "Doc test" });
    const id = created.id as string;
    await call(flowSpecs.get, `/api/flows/${id}`, 200);
    await call(flowSpecs.save, `/api/flows/${id}`, 200, {
      flow: created.flow,
      revision: created.revision,
    });
    await call(flowSpecs.rename, `/api/flows/${id}`, 200, { name: "Doc test 2" });
    await call(flowSpecs.publish, "/api/flows/welcome/publish", 201, {});
    await call(flowSpecs.versions, "/api/flows/welcome/versions", 200);
    await call(flowSpecs.version, "/api/flows/welcome/versions/1", 200);
    await call(flowSpecs.restore, "/api/flows/welcome/versions/1/restore", 200);
    await call(flowSpecs.stats, "/api/flows/welcome/stats?from=2025-01-01", 200);
    await call(flowSpecs.stats, "/api/flows/welcome/stats?from=yesterday", 400);
    await call(flowSpecs.duplicate, `/api/flows/${id}/duplicate`, 201, {});
    await call(flowSpecs.get, "/api/flows/nope", 404);
    await call(flowSpecs.delete, `/api/flows/${id}`, 204);

    await call(sandboxSpecs.message, "/api/sandbox/messages", 202, {
      psid: "doc-contact",
      text: "hello",
    });
    await waitFor(
      async () =>
        (await rt.api("GET", "/api/contacts/doc-contact/transcript")).json.messages?.length > 1
          ? true
          : undefined,
      "the reply",
    );
    await call(contactSpecs.list, "/api/contacts?limit=10", 200);
    await call(contactSpecs.list, "/api/contacts?limit=0", 400);
    await call(contactSpecs.get, "/api/contacts/doc-contact", 200);
    await call(contactSpecs.transcript, "/api/contacts/doc-contact/transcript?limit=5", 200);
    await call(contactSpecs.pause, "/api/contacts/doc-contact/pause", 200, { minutes: 5 });
    await call(contactSpecs.resume, "/api/contacts/doc-contact/resume", 200);
    await call(contactSpecs.export, "/api/contacts/doc-contact/export", 200);

    await call(sandboxSpecs.sent, "/api/sandbox/sent?psid=doc-contact&after=0", 200);
    await call(statusSpecs.get, "/api/status", 200);
    await call(pageSpecs.get, "/api/page", 200);
    await call(outboxSpecs.parked, "/api/outbox/parked", 200);
    await call(inboxSpecs.failed, "/api/inbox/failed", 200);
  });
});
