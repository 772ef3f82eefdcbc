import type { ContactChanges } from "@convo/engine";
import type { ContactRow } from "../store/contacts";
import { type OutgoingEvent, outEvent } from "../store/webhooks";

/** What one step tells the brand: a new contact, tags added, fields set, a hand-over, the end. */
export function stepEventsOut(
  contact: ContactRow,
  changes: ContactChanges,
  flowId: string | undefined,
  now: number,
  created: boolean,
): OutgoingEvent[] {
  const out: OutgoingEvent[] = [];
  const who = { contactId: contact.psid };
  if (created) out.push(outEvent("contact.created", who, now));
  if (changes.tagsChanged) {
    const before = new Set(contact.tags);
    for (const tag of changes.contact.tags) {
      if (!before.has(tag)) out.push(outEvent("contact.tagged", { ...who, tag }, now));
    }
  }
  if (changes.fieldsChanged) {
    for (const [field, value] of Object.entries(changes.contact.fields)) {
      if (contact.fields[field] !== value) {
        out.push(outEvent("contact.field_set", { ...who, field, value }, now));
      }
    }
  }
  if (changes.handover) {
    const appId = changes.handover.passTo?.appId ?? null;
    out.push(outEvent("handover.requested", { ...who, flowId: flowId ?? null, appId }, now));
  }
  if (changes.ended) {
    out.push(outEvent("conversation.completed", { ...who, flowId: flowId ?? null }, now));
  }
  return out;
}
