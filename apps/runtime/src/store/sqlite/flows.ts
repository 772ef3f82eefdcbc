import type { Flow } from "@convo/flow";
import type { FlowStore, SaveDraftResult } from "../flows";
import type { SqliteDatabase } from "./database";
import {
  type FlowRecord,
  type SummaryRecord,
  toFlowRow,
  toSummaryRow,
  toVersionRow,
  type VersionRecord,
} from "./rows";

const FLOW_SELECT = `
  SELECT f.*, v.version AS published_version, v.published_at AS published_at
  FROM flows f
  LEFT JOIN flow_versions v ON v.flow_id = f.id
    AND v.version = (SELECT MAX(version) FROM flow_versions WHERE flow_id = f.id)`;

const SUMMARY_SELECT = `
  SELECT f.id, f.name, f.revision, f.created_at, f.updated_at, f.published_revision, f.paused_at,
    COALESCE(json_array_length(f.draft, '$.nodes'), 0) AS node_count,
    v.version AS published_version, v.published_at AS published_at
  FROM flows f
  LEFT JOIN flow_versions v ON v.flow_id = f.id
    AND v.version = (SELECT MAX(version) FROM flow_versions WHERE flow_id = f.id)`;

function statements(sql: SqliteDatabase) {
  const { db } = sql;
  return {
    list: db.prepare(`${FLOW_SELECT} ORDER BY f.updated_at DESC, f.id DESC`),
    summaries: db.prepare(`${SUMMARY_SELECT} ORDER BY f.updated_at DESC, f.id DESC`),
    get: db.prepare(`${FLOW_SELECT} WHERE f.id = ?`),
    insert: db.prepare(
      "INSERT INTO flows (id, name, draft, revision, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)",
    ),
    updateDraft: db.prepare(
      "UPDATE flows SET name = ?, draft = ?, revision = revision + 1, updated_at = ? WHERE id = ?",
    ),
    revisionOf: db.prepare("SELECT revision, updated_at FROM flows WHERE id = ?"),
    delete: db.prepare("DELETE FROM flows WHERE id = ?"),
    deleteVersions: db.prepare("DELETE FROM flow_versions WHERE flow_id = ?"),
    maxVersion: db.prepare("SELECT MAX(version) FROM flow_versions WHERE flow_id = ?").pluck(),
    insertVersion: db.prepare(
      "INSERT INTO flow_versions (flow_id, version, flow, note, published_at, published_by) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    setPublishedRevision: db.prepare(
      "UPDATE flows SET published_revision = revision, paused_at = NULL WHERE id = ?",
    ),
    setPaused: db.prepare("UPDATE flows SET paused_at = ? WHERE id = ?"),
    versions: db.prepare(
      "SELECT flow_id, version, note, published_at, published_by FROM flow_versions WHERE flow_id = ? ORDER BY version DESC",
    ),
    version: db.prepare("SELECT * FROM flow_versions WHERE flow_id = ? AND version = ?"),
    published: db.prepare(`
      SELECT v.*, f.paused_at FROM flow_versions v JOIN flows f ON f.id = v.flow_id
      WHERE v.version = (SELECT MAX(version) FROM flow_versions WHERE flow_id = v.flow_id)`),
  };
}

export class SqliteFlows implements FlowStore {
  readonly #s;

  constructor(private readonly sql: SqliteDatabase) {
    this.#s = statements(sql);
  }

  async list() {
    return (this.#s.list.all() as FlowRecord[]).map(toFlowRow);
  }

  async summaries() {
    return (this.#s.summaries.all() as SummaryRecord[]).map(toSummaryRow);
  }

  async get(id: string) {
    const r = this.#s.get.get(id) as FlowRecord | undefined;
    return r && toFlowRow(r);
  }

  async create(flow: Flow, now: number, overwrite = false): Promise<boolean> {
    return this.sql.write(() => {
      const exists = this.#s.revisionOf.get(flow.id) !== undefined;
      if (exists && !overwrite) return false;
      if (exists) this.#s.updateDraft.run(flow.name, JSON.stringify(flow), now, flow.id);
      else this.#s.insert.run(flow.id, flow.name, JSON.stringify(flow), now, now);
      return true;
    });
  }

  async saveDraft(
    id: string,
    flow: Flow,
    expectedRevision: number | undefined,
    now: number,
  ): Promise<SaveDraftResult | undefined> {
    return this.sql.write(() => {
      const current = this.#s.revisionOf.get(id) as
        | { revision: number; updated_at: number }
        | undefined;
      if (!current) return undefined;
      if (expectedRevision !== undefined && expectedRevision !== current.revision) {
        return {
          ok: false as const,
          current: { revision: current.revision, updatedAt: current.updated_at },
        };
      }
      this.#s.updateDraft.run(flow.name, JSON.stringify(flow), now, id);
      return { ok: true as const, revision: current.revision + 1, updatedAt: now };
    });
  }

  async delete(id: string): Promise<boolean> {
    return this.sql.write(() => {
      this.#s.deleteVersions.run(id);
      return this.#s.delete.run(id).changes > 0;
    });
  }

  async setPaused(id: string, pausedAt: number | null): Promise<boolean> {
    return this.sql.write(() => this.#s.setPaused.run(pausedAt, id).changes > 0);
  }

  async publish(id: string, flow: Flow, note: string, by: string, now: number) {
    return this.sql.write(() => {
      const version = ((this.#s.maxVersion.get(id) as number | null) ?? 0) + 1;
      this.#s.insertVersion.run(id, version, JSON.stringify(flow), note, now, by);
      this.#s.setPublishedRevision.run(id);
      return version;
    });
  }

  async versions(id: string) {
    return (this.#s.versions.all(id) as VersionRecord[]).map((r) => {
      const { flow: _flow, ...rest } = toVersionRow(r);
      return rest;
    });
  }

  async version(id: string, version: number) {
    const r = this.#s.version.get(id, version) as VersionRecord | undefined;
    return r && toVersionRow(r);
  }

  async published() {
    return (this.#s.published.all() as (VersionRecord & { paused_at: number | null })[]).map(
      (r) => ({ ...toVersionRow(r), paused: r.paused_at !== null }),
    );
  }
}
