/**
 * The audit log: who did what, when, from where. Append-only: the interface has no way to change
 * or remove a row, and no route reaches past it.
 */

export interface AuditActor {
  /** A person's id, an API key's id, `admin` (the admin token) or the address tried (a failure). */
  id: string;
  name: string;
  kind: "person" | "key" | "token" | "anonymous" | "system";
}

export interface AuditEntry {
  at: number;
  actor: AuditActor;
  /** `flow.publish`, `auth.sign_in_failed`… */
  action: string;
  /** What it was done to (a flow id, a person id, a contact), if anything. */
  target: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

export interface AuditRow extends AuditEntry {
  id: number;
}

export interface AuditFilter {
  /** An actor's id. */
  actor?: string;
  /** An action, or a prefix ending in `.` (`flow.`). */
  action?: string;
  from?: number;
  to?: number;
  /** Rows with a smaller id only (the next page). */
  before?: number;
  limit: number;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  list(filter: AuditFilter): Promise<AuditRow[]>;
}
