import { type ClashProblem, clashesWith, type Flow } from "@convo/flow";
import type { Hono } from "hono";
import type { Deps } from "../deps";
import type { FlowStore } from "../store/flows";
import { ApiError, notFound } from "./errors";
import { on } from "./openapi/route-spec";
import { flowSpecs as spec } from "./specs/flows";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Refuses (409 `flow_clash`) to make `flow` live when it answers a keyword, ref, payload, event
 * or the default reply that another live flow answers: the customer would silently get one of
 * the two. The message names the other flow; `problems` carry every clash with its path.
 */
export async function refuseClashes(flows: FlowStore, flow: Flow): Promise<void> {
  const live = (await flows.published()).filter((v) => !v.paused).map((v) => v.flow);
  const clashes: ClashProblem[] = clashesWith(flow, live);
  const first = clashes[0];
  if (!first) return;
  const other = live.find((f) => f.id === first.otherFlowId);
  throw new ApiError(
    409,
    "flow_clash",
    `This flow answers what the live flow "${other?.name ?? first.otherFlowId}" (${first.otherFlowId}) answers already: ${first.message} Change one of them, or pause the other flow.`,
    { problems: clashes, otherFlowId: first.otherFlowId },
  );
}

/** `POST /:id/pause` and `/:id/resume`: a published flow stops or starts answering, versions kept. */
export function pauseRoutes(app: Hono, deps: Deps): void {
  const { flows } = deps.store;

  const publishedRow = async (id: string) => {
    const row = await flows.get(id);
    if (!row) throw notFound(`The flow "${id}"`);
    if (row.publishedVersion === null) {
      throw new ApiError(409, "not_published", `The flow "${id}" was never published.`);
    }
    return { ...row, publishedVersion: row.publishedVersion };
  };

  on(app, spec.pause, async (c) => {
    const row = await publishedRow(c.req.param("id"));
    const pausedAt = row.pausedAt ?? deps.now();
    await flows.setPaused(row.id, pausedAt);
    deps.flowsChanged();
    return c.json({ live: false, pausedAt: iso(pausedAt) });
  });

  on(app, spec.resume, async (c) => {
    const row = await publishedRow(c.req.param("id"));
    if (row.pausedAt !== null) {
      const version = await flows.version(row.id, row.publishedVersion);
      if (version) await refuseClashes(flows, version.flow);
      await flows.setPaused(row.id, null);
      deps.flowsChanged();
    }
    return c.json({ live: true, pausedAt: null });
  });
}
