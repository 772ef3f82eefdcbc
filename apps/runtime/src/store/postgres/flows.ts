import type { Flow } from "@convo/flow";
import {
  type FlowRow,
  type FlowStore,
  type FlowSummaryRow,
  type FlowVersionRow,
  fromFlowColumns,
  type SaveDraftResult,
} from "../flows";
import { storedFlow } from "../stored-flow";
import { type PgDatabase, prepared } from "./database";

const FLOW_SELECT = `
  SELECT f.*, v.version AS published_version, v.published_at AS published_at
  FROM flows f
  LEFT JOIN flow_versions v ON v.flow_id = f.id
    AND v.version = (SELECT MAX(version) FROM flow_versions WHERE flow_id = f.id)`;

const SUMMARY_SELECT = `
  SELECT f.id, f.name, f.revision, f.created_at, f.updated_at, f.published_revision, f.paused_at,
    COALESCE(json_array_length(f.draft->'nodes'), 0) AS node_count,
    v.version AS published_version, v.published_at AS published_at
  FROM flows f
  LEFT JOIN flow_versions v ON v.flow_id = f.id
    AND v.version = (SELECT MAX(version) FROM flow_versions WHERE flow_id = f.id)`;

interface FlowRecord {
  id: string;
  name: string;
  draft: Flow;
  revision: number;
  created_at: number;
  updated_at: number;
  published_revision: number | null;
  paused_at: number | null;
  published_version: number | null;
  published_at: number | null;
}

interface VersionRecord {
  flow_id: string;
  version: number;
  flow?: Flow;
  note: string;
  published_at: number;
  published_by: string;
}

const toFlowRow = (r: FlowRecord): FlowRow => ({
  ...fromFlowColumns(r),
  draft: storedFlow(r.draft),
});

type SummaryRecord = Omit<FlowRecord, "draft"> & { node_count: number };

const toSummaryRow = (r: SummaryRecord): FlowSummaryRow => ({
  ...fromFlowColumns(r),
  nodeCount: Number(r.node_count),
});

const toVersionRow = (r: VersionRecord): FlowVersionRow => ({
  flowId: r.flow_id,
  version: r.version,
  flow: r.flow ? storedFlow(r.flow) : (null as unknown as Flow),
  note: r.note,
  publishedAt: r.published_at,
  publishedBy: r.published_by,
});

export class PgFlows implements FlowStore {
  constructor(private readonly db: PgDatabase) {}

  async list() {
    const { rows } = await prepared<FlowRecord>(
      this.db.pool,
      `${FLOW_SELECT} ORDER BY f.updated_at DESC, f.id DESC`,
    );
    return rows.map(toFlowRow);
  }

  async summaries() {
    const { rows } = await prepared<SummaryRecord>(
      this.db.pool,
      `${SUMMARY_SELECT} ORDER BY f.updated_at DESC, f.id DESC`,
    );
    return rows.map(toSummaryRow);
  }

  async get(id: string) {
    const { rows } = await prepared<FlowRecord>(this.db.pool, `${FLOW_SELECT} WHERE f.id = $1`, [
      id,
    ]);
    return rows[0] && toFlowRow(rows[0]);
  }

  async create(flow: Flow, now: number, overwrite = false): Promise<boolean> {
    const doc = JSON.stringify(flow);
    const { rowCount } = await prepared(
      this.db.pool,
      `INSERT INTO flows (id, name, draft, revision, created_at, updated_at)
       VALUES ($1, $2, $3, 1, $4, $4)
       ON CONFLICT (id) DO ${
         overwrite
           ? "UPDATE SET name = excluded.name, draft = excluded.draft, revision = flows.revision + 1, updated_at = excluded.updated_at"
           : "NOTHING"
       }`,
      [flow.id, flow.name, doc, now],
    );
    return (rowCount ?? 0) > 0;
  }

  async saveDraft(
    id: string,
    flow: Flow,
    expectedRevision: number | undefined,
    now: number,
  ): Promise<SaveDraftResult | undefined> {
    return this.db.tx(async (q) => {
      const { rows } = await prepared<{ revision: number; updated_at: number }>(
        q,
        "SELECT revision, updated_at FROM flows WHERE id = $1 FOR UPDATE",
        [id],
      );
      const current = rows[0];
      if (!current) return undefined;
      if (expectedRevision !== undefined && expectedRevision !== current.revision) {
        return {
          ok: false as const,
          current: { revision: current.revision, updatedAt: current.updated_at },
        };
      }
      await prepared(
        q,
        "UPDATE flows SET name = $1, draft = $2, revision = revision + 1, updated_at = $3 WHERE id = $4",
        [flow.name, JSON.stringify(flow), now, id],
      );
      return { ok: true as const, revision: current.revision + 1, updatedAt: now };
    });
  }

  async delete(id: string): Promise<boolean> {
    return this.db.tx(async (q) => {
      await prepared(q, "DELETE FROM flow_versions WHERE flow_id = $1", [id]);
      return ((await prepared(q, "DELETE FROM flows WHERE id = $1", [id])).rowCount ?? 0) > 0;
    });
  }

  async setPaused(id: string, pausedAt: number | null): Promise<boolean> {
    const { rowCount } = await prepared(
      this.db.pool,
      "UPDATE flows SET paused_at = $1 WHERE id = $2",
      [pausedAt, id],
    );
    return (rowCount ?? 0) > 0;
  }

  async publish(id: string, flow: Flow, note: string, by: string, now: number) {
    return this.db.tx(async (q) => {
      // The flow's row is the lock: two publishes of one flow number their versions in turn.
      await prepared(q, "SELECT 1 FROM flows WHERE id = $1 FOR UPDATE", [id]);
      const { rows } = await prepared<{ version: number }>(
        q,
        `INSERT INTO flow_versions (flow_id, version, flow, note, published_at, published_by)
         SELECT $1, coalesce(MAX(version), 0) + 1, $2, $3, $4, $5 FROM flow_versions WHERE flow_id = $1
         RETURNING version`,
        [id, JSON.stringify(flow), note, now, by],
      );
      await prepared(
        q,
        "UPDATE flows SET published_revision = revision, paused_at = NULL WHERE id = $1",
        [id],
      );
      return rows[0]?.version as number;
    });
  }

  async versions(id: string) {
    const { rows } = await prepared<VersionRecord>(
      this.db.pool,
      "SELECT flow_id, version, note, published_at, published_by FROM flow_versions WHERE flow_id = $1 ORDER BY version DESC",
      [id],
    );
    return rows.map((r) => {
      const { flow: _flow, ...rest } = toVersionRow(r);
      return rest;
    });
  }

  async version(id: string, version: number) {
    const { rows } = await prepared<VersionRecord>(
      this.db.pool,
      "SELECT * FROM flow_versions WHERE flow_id = $1 AND version = $2",
      [id, version],
    );
    return rows[0] && toVersionRow(rows[0]);
  }

  async published() {
    const { rows } = await prepared<VersionRecord & { paused_at: number | null }>(
      this.db.pool,
      `
      SELECT v.*, f.paused_at FROM flow_versions v JOIN flows f ON f.id = v.flow_id
      WHERE v.version = (SELECT MAX(version) FROM flow_versions WHERE flow_id = v.flow_id)`,
    );
    return rows.map((r) => ({ ...toVersionRow(r), paused: r.paused_at !== null }));
  }
}
