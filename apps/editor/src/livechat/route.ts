/** `#/contacts` is the live chat; `#/contacts/<id>` with one contact open. */
export function liveChatRoute(hash: string): { contactId: string | null } | null {
  if (hash === "#/contacts") return { contactId: null };
  const match = /^#\/contacts\/([^/]+)$/.exec(hash);
  return match?.[1] ? { contactId: decodeURIComponent(match[1]) } : null;
}

export function contactHash(contactId: string | null): string {
  return contactId === null ? "#/contacts" : `#/contacts/${encodeURIComponent(contactId)}`;
}
