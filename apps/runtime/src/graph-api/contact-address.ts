/**
 * A contact is (channel, id): a Messenger PSID, an Instagram IGSID or a WhatsApp `wa_id`. The
 * store keys contacts by one string, so the channel is a prefix of it: Messenger's PSIDs stay
 * bare (every contact stored before Instagram and WhatsApp keeps its key), Instagram's are
 * `ig:<IGSID>` and WhatsApp's `wa:<wa_id>`. Meta's ids are digits, so no id of one channel can
 * pass for another's.
 */
export type ContactChannel = "messenger" | "instagram" | "whatsapp";

const PREFIX: Record<ContactChannel, string> = { messenger: "", instagram: "ig:", whatsapp: "wa:" };

/** The store's key of a contact on a channel. */
export function contactKey(channel: ContactChannel, id: string): string {
  return `${PREFIX[channel]}${id}`;
}

/** The channel and the channel's own id of a stored contact key. */
export function contactAddress(key: string): { channel: ContactChannel; id: string } {
  if (key.startsWith("ig:")) return { channel: "instagram", id: key.slice(3) };
  if (key.startsWith("wa:")) return { channel: "whatsapp", id: key.slice(3) };
  return { channel: "messenger", id: key };
}

/** The channel of a webhook event's `platform`. */
export function channelOfPlatform(platform: "page" | "instagram" | "whatsapp"): ContactChannel {
  return platform === "page" ? "messenger" : platform;
}
