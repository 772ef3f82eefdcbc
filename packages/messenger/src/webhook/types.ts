/**
 * Normalised webhook events: what `parseWebhook` makes of Meta's `messaging` and `standby` items.
 * One shape per webhook field of the Messenger Platform reference, discriminated on `kind`.
 */

/** Fields every event carries. */
export interface EventBase {
  /**
   * `object` of the body: a Facebook Page, an Instagram professional account, or a WhatsApp
   * business phone number (`whatsapp_business_account`).
   */
  platform: "page" | "instagram" | "whatsapp";
  /** The Page (or Instagram account) the entry belongs to. */
  pageId: string;
  /**
   * The contact's Page-scoped id: the sender of user events, the recipient of echoes.
   * `null` for events that concern no contact (app roles, policy enforcement, checkbox opt-ins).
   */
  psid: string | null;
  /** Milliseconds since the epoch, as Meta stamped the event. */
  timestamp: number;
  /** `standby` items arrive while another app owns the thread: read them, do not answer. */
  channel: "messaging" | "standby";
  /**
   * Unique per event across redeliveries: the message `mid` where there is one, else the sha256 of
   * the canonical JSON of the raw item and its page.
   */
  dedupeKey: string;
  /** The name the contact goes by on the channel, when the body gives it (WhatsApp's `profile.name`). */
  contactName?: string;
  /** The contact's handle, when the body gives it (an Instagram comment's `from.username`). */
  contactUsername?: string;
  /**
   * The checkbox plugin's `user_ref` this contact opted in with, when they answer a message sent to
   * it (`prior_message: { source: "checkbox_plugin", identifier }`): their PSID is now known.
   */
  priorUserRef?: string;
}

export interface InboundAttachment {
  type: "image" | "video" | "audio" | "file" | "sticker" | "location" | "fallback";
  url?: string;
  /** Stickers (the thumbs-up is one) come as images with a sticker id. */
  stickerId?: string;
  coordinates?: { lat: number; long: number };
  title?: string;
  /** WhatsApp names media by id (fetched with the token), not by URL. */
  mediaId?: string;
}

export interface Referral {
  ref?: string;
  /** `SHORTLINK` (m.me), `ADS`, `CUSTOMER_CHAT_PLUGIN`, … */
  source?: string;
  /** `OPEN_THREAD` */
  type?: string;
  adId?: string;
}

export type InboundPayload =
  | { kind: "text"; mid: string; text: string; replyTo?: string }
  | { kind: "quick_reply"; mid: string; text: string; payload: string; replyTo?: string }
  | {
      kind: "attachments";
      mid: string;
      attachments: InboundAttachment[];
      /** Some shares carry text beside the attachment. */
      text?: string;
      replyTo?: string;
    }
  | { kind: "postback"; mid?: string; title?: string; payload: string; referral?: Referral }
  | { kind: "referral"; referral: Referral }
  | {
      kind: "optin";
      /** `data-ref` of the Send to Messenger plugin, or the checkbox plugin's ref. */
      ref?: string;
      /** Checkbox plugin: the contact has no PSID yet; send to `{ user_ref }`. */
      userRef?: string;
      /** `notification_messages` for marketing-message opt-ins. */
      optinType?: string;
      payload?: string;
      notificationMessagesToken?: string;
      notificationMessagesStatus?: string;
    }
  | { kind: "delivery"; mids: string[]; watermark: number }
  /** Everything sent before `watermark` was read (Messenger), or the message `mid` (Instagram). */
  | { kind: "read"; watermark?: number; mid?: string }
  | {
      kind: "echo";
      mid: string;
      text?: string;
      attachments?: InboundAttachment[];
      appId?: string;
      metadata?: string;
      /** True when a person wrote it in the Page Inbox (or another app sent it), not Convo. */
      fromPageInbox: boolean;
    }
  | {
      kind: "reaction";
      action: "react" | "unreact";
      /** The message reacted to. */
      mid: string;
      emoji?: string;
      /** `smile`, `angry`, `sad`, `wow`, `love`, `like`, `dislike`, `other`. */
      reaction?: string;
    }
  | {
      kind: "pass_thread_control";
      newOwnerAppId: string;
      /** `null` when the thread was idle. */
      previousOwnerAppId: string | null;
      metadata?: string;
    }
  | {
      kind: "take_thread_control";
      previousOwnerAppId: string | null;
      newOwnerAppId?: string;
      metadata?: string;
    }
  | { kind: "request_thread_control"; requestedOwnerAppId: string; metadata?: string }
  /** App id → its roles on the Page (`primary_receiver`, `secondary_receiver`). */
  | { kind: "app_roles"; roles: Record<string, string[]> }
  | { kind: "policy_enforcement"; action: string; reason?: string }
  /**
   * What became of a message Convo sent on WhatsApp (`statuses`): sent, delivered, read, or failed
   * with Meta's errors (131047 outside the window, 131026 undeliverable, …). `metadata` is the
   * `biz_opaque_callback_data` it was sent with.
   */
  | {
      kind: "status";
      mid: string;
      status: "sent" | "delivered" | "read" | "failed";
      metadata?: string;
      errors?: { code: number; title?: string; message?: string; details?: string }[];
    }
  /**
   * A new comment on a Page post (`feed`) or an Instagram post or reel (`comments`): answered,
   * at most once and within 7 days, by a private reply to `{ comment_id }`.
   */
  | { kind: "comment"; commentId: string; postId: string; text: string; parentId?: string }
  /** Anything not understood, kept whole so it is never dropped silently. */
  | { kind: "unknown"; raw: unknown; reason: string };

export type InboundEvent = EventBase & InboundPayload;
export type InboundEventKind = InboundEvent["kind"];
