import { type Flow, parseFlow, redactSecrets, serializeFlow } from "@convo/flow";
import { lintForChannels } from "@convo/messenger";
import { Hono } from "hono";
import { audit, publisherName } from "../accounts/audit";
import type { Deps } from "../deps";
import { dayOf, flowStats } from "../pipeline/counters";
import type { FlowRow, FlowSummaryRow } from "../store/flows";
import { callerOf } from "./caller";
import { ApiError, notFound, readBody, readJson } from "./errors";
import { pauseRoutes, refuseClashes } from "./flow-live";
import { on, readQuery } from "./openapi/route-spec";
import { publishWarnings } from "./publish-warnings";
import { BODY_LIMITS } from "./read-capped";
import {
  createBody,
  duplicateBody,
  importQuery,
  patchBody,
  publishBody,
  putBody,
  flowSpecs as spec,
  statsQuery,
} from "./specs/flows";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function flowSummary(row: FlowSummaryRow) {
  return {
    id: row.id,
    name: row.name,
    revision: row.revision,
    updatedAt: iso(row.updatedAt),
    publishedVersion: row.publishedVersion,
    publishedAt: iso(row.publishedAt),
    hasUnpublishedChanges: row.publishedRevision !== row.revision,
    nodeCount: row.nodeCount,
    pausedAt: iso(row.pausedAt),
    live: row.publishedVersion !== null && row.pausedAt === null,
  };
}

const flowDetail = (row: FlowRow) => ({
  ...flowSummary({ ...row, nodeCount: row.draft.nodes.length }),
  flow: row.draft,
});

/** A slug from a name: "Summer sale!" → "summer-sale". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 56);
  return slug === "" ? "flow" : slug;
}

/** A new flow: a trigger with no rules yet, which the marketer fills in. */
export function emptyFlow(id: string, name: string, language = "en"): Flow {
  return {
    schemaVersion: 2,
    languages: [language],
    id,
    name,
    variables: [],
    nodes: [{ id: "start", type: "trigger", position: { x: 0, y: 0 }, data: { triggers: [] } }],
    edges: [],
  };
}

function flowIssues(result: ReturnType<typeof parseFlow>): never {
  if (result.ok) throw new Error("flowIssues called on a valid flow");
  throw new ApiError(400, "invalid_flow", "The flow is not valid.", { issues: result.errors });
}

export function flowRoutes(deps: Deps) {
  const { flows, stats } = deps.store;
  const app = new Hono();

  const mustGet = async (id: string) => {
    const row = await flows.get(id);
    if (!row) throw notFound(`The flow "${id}"`);
    return row;
  };

  /** An id not taken yet: `base`, then `base-2`, `base-3`… */
  const freeId = async (base: string) => {
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : `${base.slice(0, 60)}-${n}`;
      if (!(await flows.get(id))) return id;
    }
  };

  const create = async (flow: Flow) => {
    if (!(await flows.create(flow, deps.now()))) {
      throw new ApiError(409, "flow_exists", `A flow with the id "${flow.id}" exists already.`);
    }
    return flowDetail(await mustGet(flow.id));
  };

  on(app, spec.list, async (c) => c.json({ flows: (await flows.summaries()).map(flowSummary) }));

  on(app, spec.create, async (c) => {
    const body = await readBody(c, createBody, BODY_LIMITS.flow);
    if ("flow" in body) {
      const result = parseFlow(body.flow);
      if (!result.ok) flowIssues(result);
      const created = await create(result.flow);
      await audit(deps, c, "flow.create", created.id);
      return c.json(created, 201);
    }
    const id = body.id ?? (await freeId(slugify(body.name)));
    const created = await create(emptyFlow(id, body.name, body.language));
    await audit(deps, c, "flow.create", id);
    return c.json(created, 201);
  });

  on(app, spec.import, async (c) => {
    const document = await readJson(c, BODY_LIMITS.flow);
    const result = parseFlow(document);
    if (!result.ok) flowIssues(result);
    const { overwrite, copy, name } = readQuery(c, importQuery);
    let flow = result.flow;
    if (copy && !overwrite && (await flows.get(flow.id))) {
      flow = {
        ...flow,
        id: await freeId(flow.id),
        name: name ?? `${flow.name} (copy)`.slice(0, 120),
      };
    }
    if (!(await flows.create(flow, deps.now(), overwrite))) {
      throw new ApiError(409, "flow_exists", `A flow with the id "${flow.id}" exists already.`);
    }
    const detail = flowDetail(await mustGet(flow.id));
    await audit(deps, c, "flow.import", flow.id, {
      overwrite,
      ...(flow.id === result.flow.id ? {} : { from: result.flow.id }),
    });
    return c.json(
      result.migratedFrom === undefined ? detail : { ...detail, migratedFrom: result.migratedFrom },
      201,
    );
  });

  on(app, spec.get, async (c) => c.json(flowDetail(await mustGet(c.req.param("id")))));

  on(app, spec.save, async (c) => {
    const id = c.req.param("id");
    const body = await readBody(c, putBody, BODY_LIMITS.flow);
    await mustGet(id);
    const result = parseFlow(body.flow);
    if (!result.ok) flowIssues(result);
    if (result.flow.id !== id) {
      throw new ApiError(400, "invalid_flow", "The flow's id cannot change.", {
        issues: [{ path: "id", message: `"id" must stay "${id}".` }],
      });
    }
    const saved = await flows.saveDraft(id, result.flow, body.revision, deps.now());
    if (!saved) throw notFound(`The flow "${id}"`);
    if (!saved.ok) {
      throw new ApiError(409, "revision_conflict", "Someone saved this flow in the meantime.", {
        current: { revision: saved.current.revision, updatedAt: iso(saved.current.updatedAt) },
      });
    }
    await audit(deps, c, "flow.edit", id, { revision: saved.revision });
    return c.json({ revision: saved.revision, updatedAt: iso(saved.updatedAt) });
  });

  on(app, spec.rename, async (c) => {
    const id = c.req.param("id");
    const body = await readBody(c, patchBody);
    const row = await mustGet(id);
    await flows.saveDraft(id, { ...row.draft, name: body.name }, undefined, deps.now());
    await audit(deps, c, "flow.rename", id, { from: row.name, to: body.name });
    return c.json(flowDetail(await mustGet(id)));
  });

  on(app, spec.delete, async (c) => {
    const id = c.req.param("id");
    if (!(await flows.delete(id))) throw notFound(`The flow "${id}"`);
    deps.flowsChanged();
    await audit(deps, c, "flow.delete", id);
    return c.body(null, 204);
  });

  on(app, spec.duplicate, async (c) => {
    const row = await mustGet(c.req.param("id"));
    const body = await readBody(c, duplicateBody);
    const name = body.name ?? `${row.name} (copy)`.slice(0, 120);
    const id = body.id ?? (await freeId(slugify(name)));
    const created = await create({ ...row.draft, id, name });
    await audit(deps, c, "flow.create", id, { from: row.id });
    return c.json(created, 201);
  });

  on(app, spec.publish, async (c) => {
    const id = c.req.param("id");
    const body = await readBody(c, publishBody);
    const row = await mustGet(id);
    if (body.revision !== undefined && body.revision !== row.revision) {
      throw new ApiError(409, "revision_conflict", "The flow changed since this revision.", {
        current: { revision: row.revision, updatedAt: iso(row.updatedAt) },
      });
    }
    const knownFlows = (await flows.list()).map((f) => f.id);
    // Each channel the flow is published to (all of them unless it says).
    const problems = lintForChannels(row.draft, { knownFlows });
    if (problems.some((p) => p.severity === "error")) {
      throw new ApiError(422, "lint_errors", "The flow has errors; fix them to publish.", {
        problems,
      });
    }
    await refuseClashes(flows, row.draft);
    const now = deps.now();
    const by = publisherName(callerOf(c));
    const version = await flows.publish(id, row.draft, body.note ?? "", by, now);
    deps.flowsChanged();
    await audit(deps, c, "flow.publish", id, { version });
    const warnings = publishWarnings(row.draft, deps);
    return c.json(
      { version, publishedAt: iso(now), ...(warnings.length ? { warnings } : {}) },
      201,
    );
  });

  pauseRoutes(app, deps);

  on(app, spec.versions, async (c) => {
    const id = c.req.param("id");
    await mustGet(id);
    const versions = await flows.versions(id);
    return c.json({
      versions: versions.map((v) => ({
        version: v.version,
        note: v.note,
        publishedAt: iso(v.publishedAt),
        publishedBy: v.publishedBy,
      })),
    });
  });

  const getVersion = async (id: string, versionText: string) => {
    const version = Number(versionText);
    const row = Number.isSafeInteger(version) ? await flows.version(id, version) : undefined;
    if (!row) throw notFound(`Version ${versionText} of "${id}"`);
    return row;
  };

  on(app, spec.version, async (c) => {
    const v = await getVersion(c.req.param("id"), c.req.param("version"));
    return c.json({
      version: v.version,
      note: v.note,
      publishedAt: iso(v.publishedAt),
      flow: v.flow,
    });
  });

  on(app, spec.restore, async (c) => {
    const id = c.req.param("id");
    const v = await getVersion(id, c.req.param("version"));
    await flows.saveDraft(id, v.flow, undefined, deps.now());
    await audit(deps, c, "flow.restore", id, { version: v.version });
    return c.json(flowDetail(await mustGet(id)));
  });

  on(app, spec.export, async (c) => {
    const row = await mustGet(c.req.param("id"));
    const text = serializeFlow(redactSecrets(row.draft).flow);
    return c.body(text, 200, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${row.id}.json"`,
    });
  });

  on(app, spec.stats, async (c) => {
    const id = c.req.param("id");
    await mustGet(id);
    const query = readQuery(c, statsQuery);
    const to = query.to ?? deps.now();
    const from = query.from ?? Math.max(0, to - 30 * 86_400_000);
    const [totals, byDay] = await Promise.all([
      stats.counters(id, dayOf(from), dayOf(to)),
      stats.aiTokensByDay(id, dayOf(from), dayOf(to)),
    ]);
    const tokensByDay = byDay.map((d) => ({
      day: new Date(d.day * 86_400_000).toISOString().slice(0, 10),
      tokens: d.count,
    }));
    return c.json({ flowId: id, from: iso(from), to: iso(to), ...flowStats(totals), tokensByDay });
  });

  return app;
}
