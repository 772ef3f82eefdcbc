/**
 * Who a contact is for the brand: its own ids (order numbers, customer numbers) and the checkbox
 * plugin's `user_ref` until the customer answers. One contact may have many; an id names one
 * contact (linked again elsewhere, it moves).
 */
export type ContactIdKind = "external" | "user_ref";

export interface ContactIdRow {
  kind: ContactIdKind;
  value: string;
  psid: string;
  linkedAt: number;
}

export interface ExternalIdStore {
  link(psid: string, kind: ContactIdKind, value: string, now: number): Promise<void>;
  /** The contact an id names. */
  find(kind: ContactIdKind, value: string): Promise<string | undefined>;
  /** A contact's ids, oldest first. */
  ofContact(psid: string): Promise<ContactIdRow[]>;
  /**
   * The customer who opted in as `user_ref` answered as `psid`: the ids of its placeholder contact
   * `from` move to `psid`, and the user_ref names `psid` from now on (nothing is sent to it any
   * more). Returns how many of the placeholder's ids moved.
   */
  retireUserRef(userRef: string, from: string, psid: string, now: number): Promise<number>;
}
