import type { ContactIdKind, ContactIdRow, ExternalIdStore } from "../external-ids";
import { type PgDatabase, prepared } from "./database";

interface IdRecord {
  kind: ContactIdKind;
  value: string;
  psid: string;
  linked_at: number;
}

/** Links an id to a contact; an id linked again elsewhere moves. */
const LINK_SQL = `
  INSERT INTO external_ids (kind, value, psid, linked_at) VALUES ($1, $2, $3, $4)
  ON CONFLICT (kind, value) DO UPDATE SET psid = excluded.psid, linked_at = excluded.linked_at
  WHERE external_ids.psid <> excluded.psid`;

/** The brand's ids of contacts: external ids and the checkbox plugin's user_ref. */
export class PgExternalIds implements ExternalIdStore {
  constructor(private readonly db: PgDatabase) {}

  async link(psid: string, kind: ContactIdKind, value: string, now: number) {
    await prepared(this.db.pool, LINK_SQL, [kind, value, psid, now]);
  }

  async find(kind: ContactIdKind, value: string) {
    const { rows } = await prepared<{ psid: string }>(
      this.db.pool,
      "SELECT psid FROM external_ids WHERE kind = $1 AND value = $2",
      [kind, value],
    );
    return rows[0]?.psid;
  }

  async ofContact(psid: string): Promise<ContactIdRow[]> {
    const { rows } = await prepared<IdRecord>(
      this.db.pool,
      "SELECT * FROM external_ids WHERE psid = $1 ORDER BY linked_at, kind, value",
      [psid],
    );
    return rows.map((r) => ({
      kind: r.kind,
      value: r.value,
      psid: r.psid,
      linkedAt: r.linked_at,
    }));
  }

  async retireUserRef(userRef: string, from: string, psid: string, now: number) {
    return this.db.tx(async (q) => {
      const { rowCount } = await prepared(
        q,
        "UPDATE external_ids SET psid = $1, linked_at = $2 WHERE psid = $3",
        [psid, now, from],
      );
      // Retired: later events naming the user_ref reach the PSID.
      await prepared(
        q,
        "UPDATE external_ids SET psid = $1, linked_at = $2 WHERE kind = 'user_ref' AND value = $3",
        [psid, now, userRef],
      );
      return rowCount ?? 0;
    });
  }
}
