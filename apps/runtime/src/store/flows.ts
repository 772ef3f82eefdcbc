import type { Flow } from "@convo/flow";

export interface FlowRow {
  id: string;
  name: string;
  draft: Flow;
  revision: number;
  createdAt: number;
  updatedAt: number;
  publishedVersion: number | null;
  publishedAt: number | null;
  /** Draft revision the latest version was published from. */
  publishedRevision: number | null;
  /** When the flow was paused: its published version stays, but it answers nothing. */
  pausedAt: number | null;
}

/**
 * A flow as the list shows it: everything but the draft, and the draft's number of steps counted
 * by the database (the list of a brand with 500 flows does not read and parse 500 drafts).
 */
export type FlowSummaryRow = Omit<FlowRow, "draft"> & { nodeCount: number };

/** A flow's columns as both stores name them (the draft apart: each store reads it its own way). */
export interface FlowColumns {
  id: string;
  name: string;
  revision: number;
  created_at: number;
  updated_at: number;
  published_revision: number | null;
  paused_at: number | null;
  published_version: number | null;
  published_at: number | null;
}

/** The row fields every flow query answers, from its columns. */
export function fromFlowColumns(r: FlowColumns): Omit<FlowRow, "draft"> {
  return {
    id: r.id,
    name: r.name,
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    publishedVersion: r.published_version,
    publishedAt: r.published_at,
    publishedRevision: r.published_revision,
    pausedAt: r.paused_at ?? null,
  };
}

export interface FlowVersionRow {
  flowId: string;
  version: number;
  flow: Flow;
  note: string;
  publishedAt: number;
  publishedBy: string;
}

/** A flow's newest version, and whether the flow is paused (it then answers no trigger). */
export interface PublishedFlowRow extends FlowVersionRow {
  paused: boolean;
}

export type SaveDraftResult =
  | { ok: true; revision: number; updatedAt: number }
  | { ok: false; current: { revision: number; updatedAt: number } };

/** Flows: a draft with a revision per flow, and its published versions (newest wins). */
export interface FlowStore {
  list(): Promise<FlowRow[]>;
  /** What `list` answers, without the drafts: the flows list's rows, most recently changed first. */
  summaries(): Promise<FlowSummaryRow[]>;
  get(id: string): Promise<FlowRow | undefined>;
  /** False when a flow with that id exists (and `overwrite` is not set). */
  create(flow: Flow, now: number, overwrite?: boolean): Promise<boolean>;
  /** Undefined when there is no such flow; a conflict when `expectedRevision` is not current. */
  saveDraft(
    id: string,
    flow: Flow,
    expectedRevision: number | undefined,
    now: number,
  ): Promise<SaveDraftResult | undefined>;
  /** The flow and its versions; false when there was none. */
  delete(id: string): Promise<boolean>;
  /**
   * Pauses (`pausedAt`) or resumes (`null`) a flow; false when there is no such flow. A paused
   * flow keeps its versions; `published()` marks it.
   */
  setPaused(id: string, pausedAt: number | null): Promise<boolean>;
  /**
   * Adds the next version and marks the draft's revision as published (and the flow live again
   * if it was paused); returns the version.
   */
  publish(id: string, flow: Flow, note: string, by: string, now: number): Promise<number>;
  /** Newest first, without their documents. */
  versions(id: string): Promise<Omit<FlowVersionRow, "flow">[]>;
  version(id: string, version: number): Promise<FlowVersionRow | undefined>;
  /** The newest version of every published flow, paused ones included (and marked). */
  published(): Promise<PublishedFlowRow[]>;
}
