import type { InviteRow } from "../store/people";
import type { Store } from "../store/store";
import { newToken, tokenDigest } from "./tokens";

/** An invite or a reset link works this long. */
export const LINK_MS = 72 * 60 * 60 * 1000;
/** The setup link of a fresh database; each start without anyone prints a new one. */
export const SETUP_MS = 24 * 60 * 60 * 1000;

/** Where each kind of link opens in the editor; the token is in the fragment (never sent in logs). */
const PAGE: Record<InviteRow["kind"], string> = {
  setup: "/setup",
  invite: "/invite",
  reset: "/reset",
};

/** Makes a single-use link; only its digest is kept. */
export async function createLink(
  store: Pick<Store, "invites">,
  publicUrl: string,
  invite: Omit<InviteRow, "id" | "usedAt" | "createdAt" | "expiresAt">,
  now: number,
): Promise<{ link: string; expiresAt: number }> {
  const token = newToken();
  const expiresAt = now + (invite.kind === "setup" ? SETUP_MS : LINK_MS);
  await store.invites.create({ ...invite, id: tokenDigest(token), createdAt: now, expiresAt });
  return { link: `${publicUrl.replace(/\/$/, "")}${PAGE[invite.kind]}#token=${token}`, expiresAt };
}

/**
 * On a database with nobody in it, a setup link for the first owner (not the admin token:
 * a person never needs that). Undefined once someone has an account.
 */
export async function setupLink(
  store: Pick<Store, "invites" | "people">,
  publicUrl: string,
  now: number,
): Promise<string | undefined> {
  if ((await store.people.countActive()) > 0) return undefined;
  const { link } = await createLink(
    store,
    publicUrl,
    { kind: "setup", email: null, role: "owner", personId: null, createdBy: null },
    now,
  );
  return link;
}
