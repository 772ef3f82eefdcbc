import type { Deps } from "../deps";
import { GraphFailure } from "../graph-api/gateway";
import type { Logger } from "../log";
import type { ContactRow } from "../store/contacts";
import type { Incoming } from "./incoming";

/**
 * The contact's profile, asked once when they first write: named by the webhook itself
 * (WhatsApp's profile name), else by the channel's profile call (Messenger's PSID profile,
 * Instagram's name, username and picture). A handle comes back among the contact's fields, for the
 * step to save. Never fatal: the conversation goes on without a name.
 */
export async function ensureProfile(
  deps: Pick<Deps, "store" | "graph">,
  contact: ContactRow,
  log: Logger,
  named: { firstName?: string; lastName?: string } | undefined,
): Promise<ContactRow> {
  if (contact.profileFetched) return contact;
  if (named) {
    await deps.store.contacts.setProfile(contact.psid, named);
    return (await deps.store.contacts.get(contact.psid)) ?? contact;
  }
  try {
    const { username, ...profile } = await deps.graph.userProfile(contact.psid);
    await deps.store.contacts.setProfile(contact.psid, profile);
    const fetched = (await deps.store.contacts.get(contact.psid)) ?? contact;
    return username ? withUsername(fetched, username) : fetched;
  } catch (error) {
    // A transient failure is tried again with the next event; a refusal (no permission, no
    // consent, unknown user) is not asked again.
    const retry =
      !(error instanceof GraphFailure) ||
      error.category === "transient" ||
      error.category === "rate_limited";
    if (!retry) await deps.store.contacts.setProfile(contact.psid, {});
    log.warn("profile fetch failed", { error: String(error) });
    return (await deps.store.contacts.get(contact.psid)) ?? contact;
  }
}

/**
 * A commenter as the comment names them: a Page comment's `from.name` (the feed's `from.id` is
 * the contact, an id Messenger's profile call does not know), an Instagram comment's
 * `from.username` (the IGSID's profile needs a message first: consent).
 */
export async function nameCommenter(
  deps: Pick<Deps, "store">,
  contact: ContactRow,
  incoming: Pick<Incoming, "contactName" | "contactUsername">,
): Promise<ContactRow> {
  let named = contact;
  if (incoming.contactName && !contact.profileFetched) {
    await deps.store.contacts.setProfile(contact.psid, incoming.contactName);
    named = (await deps.store.contacts.get(contact.psid)) ?? contact;
  }
  const username = incoming.contactUsername;
  return username && named.fields.username !== username ? withUsername(named, username) : named;
}

function withUsername(contact: ContactRow, username: string): ContactRow {
  return { ...contact, fields: { ...contact.fields, username } };
}
