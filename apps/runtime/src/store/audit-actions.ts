/**
 * Every action the audit log records, by what it acts on (the prefixes the log's filter offers).
 * The editor shows each in its reader's words beside the code (a test holds its words to this
 * list), so a new action goes here first: `audit()` takes no other.
 */
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "auth.sign_out_all",
  "person.setup",
  "person.invite",
  "person.join",
  "person.role",
  "person.remove",
  "person.reset",
  "person.password",
  "person.password_reset",
  "key.create",
  "key.revoke",
  "webhook.create",
  "webhook.delete",
  "flow.create",
  "flow.import",
  "flow.edit",
  "flow.rename",
  "flow.delete",
  "flow.publish",
  "flow.restore",
  "secret.set",
  "secret.delete",
  "contact.pause",
  "contact.resume",
  "contact.reply",
  "contact.export",
  "contact.erase",
  "conversation.take",
  "conversation.assign",
  "conversation.resolve",
  "page.update",
  "ai.provider.set",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
