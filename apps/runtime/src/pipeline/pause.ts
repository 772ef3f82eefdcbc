import type { ContactRow } from "../store/contacts";

/** Whether the bot stays quiet for this contact at `now` (a person has the conversation). */
export function isPaused(contact: ContactRow, now: number): boolean {
  return contact.paused && (contact.pausedUntil === null || contact.pausedUntil > now);
}
