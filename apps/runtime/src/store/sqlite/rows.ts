import type { Flow } from "@convo/flow";
import type { ContactRow, TranscriptRow } from "../contacts";
import { type FlowRow, type FlowSummaryRow, type FlowVersionRow, fromFlowColumns } from "../flows";
import type { InboxRow } from "../inbox";
import type { OutboxRow, OutboxStatus } from "../outbox";
import { storedFlow } from "../stored-flow";

/** Column shapes as SQLite returns them, and their conversion to the store's rows. */
export interface FlowRecord {
  id: string;
  name: string;
  draft: string;
  revision: number;
  created_at: number;
  updated_at: number;
  published_revision: number | null;
  paused_at: number | null;
  published_version: number | null;
  published_at: number | null;
}

export function toFlowRow(r: FlowRecord): FlowRow {
  return { ...fromFlowColumns(r), draft: storedFlow(JSON.parse(r.draft)) };
}

export type SummaryRecord = Omit<FlowRecord, "draft"> & { node_count: number };

export function toSummaryRow(r: SummaryRecord): FlowSummaryRow {
  return { ...fromFlowColumns(r), nodeCount: r.node_count };
}

export interface VersionRecord {
  flow_id: string;
  version: number;
  flow?: string;
  note: string;
  published_at: number;
  published_by: string;
}

export function toVersionRow(r: VersionRecord): FlowVersionRow {
  return {
    flowId: r.flow_id,
    version: r.version,
    // A listing reads no flow column: null, as before.
    flow: r.flow ? storedFlow(JSON.parse(r.flow)) : (null as unknown as Flow),
    note: r.note,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
  };
}

export interface ContactRecord {
  psid: string;
  first_name: string | null;
  last_name: string | null;
  locale: string | null;
  profile_pic: string | null;
  profile_fetched: number;
  fields: string;
  tags: string;
  paused: number;
  paused_until: number | null;
  last_user_message_at: number | null;
  last_activity_at: number;
  created_at: number;
  current_flow: string | null;
}

export function toContactRow(r: ContactRecord): ContactRow {
  return {
    psid: r.psid,
    firstName: r.first_name,
    lastName: r.last_name,
    locale: r.locale,
    profilePic: r.profile_pic,
    profileFetched: r.profile_fetched === 1,
    fields: JSON.parse(r.fields) as Record<string, string>,
    tags: JSON.parse(r.tags) as string[],
    paused: r.paused === 1,
    pausedUntil: r.paused_until,
    lastUserMessageAt: r.last_user_message_at,
    lastActivityAt: r.last_activity_at,
    createdAt: r.created_at,
    currentFlow: r.current_flow,
  };
}

export interface InboxRecord {
  id: number;
  psid: string;
  kind: string;
  event: string;
  attempts: number;
  received_at: number;
}

export function toInboxRow(r: InboxRecord): InboxRow {
  return {
    id: r.id,
    psid: r.psid,
    kind: r.kind,
    event: JSON.parse(r.event) as InboxRow["event"],
    attempts: r.attempts,
    receivedAt: r.received_at,
  };
}

export interface OutboxRecord {
  id: number;
  psid: string;
  seq: number;
  item: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number;
  reason: string | null;
  code: string | null;
  message_id: string | null;
  parts_sent: number;
  created_at: number;
  received_at: number | null;
  transcript_id: number | null;
  claimed_at: number | null;
}

export function toOutboxRow(r: OutboxRecord): OutboxRow {
  return {
    id: r.id,
    psid: r.psid,
    item: JSON.parse(r.item) as OutboxRow["item"],
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    reason: r.reason,
    code: r.code,
    messageId: r.message_id,
    partsSent: r.parts_sent,
    createdAt: r.created_at,
    receivedAt: r.received_at,
  };
}

export interface TranscriptRecord {
  id: number;
  psid: string;
  at: number;
  direction: "in" | "out";
  author: TranscriptRow["author"];
  kind: TranscriptRow["kind"];
  text: string | null;
  payload: string | null;
  status: OutboxStatus | null;
  flow_id: string | null;
  node_id: string | null;
}

export function toTranscriptRow(r: TranscriptRecord): TranscriptRow {
  const row: TranscriptRow = {
    id: r.id,
    psid: r.psid,
    at: r.at,
    direction: r.direction,
    author: r.author,
    kind: r.kind,
    text: r.text,
  };
  if (r.payload !== null) row.payload = JSON.parse(r.payload);
  if (r.status !== null) row.status = r.status;
  if (r.flow_id) row.flowId = r.flow_id;
  if (r.node_id) row.nodeId = r.node_id;
  return row;
}
