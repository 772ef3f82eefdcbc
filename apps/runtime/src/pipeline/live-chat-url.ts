/**
 * The address that opens a contact's conversation in the editor's live chat (its route is
 * `#/contacts/<id>`, `apps/editor/src/livechat/route.ts`), for links sent out of Convo.
 *
 * @example liveChatUrl("https://convo.example.com", "123") // "https://convo.example.com/#/contacts/123"
 */
export function liveChatUrl(publicUrl: string, contactId: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/#/contacts/${encodeURIComponent(contactId)}`;
}
