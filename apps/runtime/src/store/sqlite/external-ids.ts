import type { ContactIdKind, ContactIdRow, ExternalIdStore } from "../external-ids";
import type { SqliteDatabase } from "./database";

interface IdRecord {
  kind: ContactIdKind;
  value: string;
  psid: string;
  linked_at: number;
}

export class SqliteExternalIds implements ExternalIdStore {
  readonly #s;

  constructor(private readonly sql: SqliteDatabase) {
    const { db } = sql;
    this.#s = {
      link: db.prepare(`
        INSERT INTO external_ids (kind, value, psid, linked_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (kind, value) DO UPDATE SET psid = excluded.psid, linked_at = excluded.linked_at
        WHERE external_ids.psid <> excluded.psid`),
      find: db.prepare("SELECT psid FROM external_ids WHERE kind = ? AND value = ?").pluck(),
      ofContact: db.prepare(
        "SELECT * FROM external_ids WHERE psid = ? ORDER BY linked_at, kind, value",
      ),
      // Retired: later events naming the user_ref reach the PSID.
      retire: db.prepare(
        "UPDATE external_ids SET psid = ?, linked_at = ? WHERE kind = 'user_ref' AND value = ?",
      ),
      move: db.prepare("UPDATE external_ids SET psid = ?, linked_at = ? WHERE psid = ?"),
    };
  }

  async link(psid: string, kind: ContactIdKind, value: string, now: number) {
    await this.sql.write(() => this.linkInside(psid, kind, value, now));
  }

  /** Inside a write. */
  linkInside(psid: string, kind: ContactIdKind, value: string, now: number): void {
    this.#s.link.run(kind, value, psid, now);
  }

  async find(kind: ContactIdKind, value: string) {
    return this.#s.find.get(kind, value) as string | undefined;
  }

  async ofContact(psid: string): Promise<ContactIdRow[]> {
    return (this.#s.ofContact.all(psid) as IdRecord[]).map((r) => ({
      kind: r.kind,
      value: r.value,
      psid: r.psid,
      linkedAt: r.linked_at,
    }));
  }

  async retireUserRef(userRef: string, from: string, psid: string, now: number) {
    return this.sql.write(() => {
      const moved = this.#s.move.run(psid, now, from).changes;
      this.#s.retire.run(psid, now, userRef);
      return moved;
    });
  }
}
