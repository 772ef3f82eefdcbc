import type { OutMessage } from "@convo/engine";
import type { UpdateTag } from "@convo/flow";
import type { GraphErrorCategory, OutTemplate } from "@convo/messenger";

/** How a Graph API failure should be handled (Meta's error codes, classified by @convo/messenger). */
export type GraphFailureCategory = GraphErrorCategory;

export class GraphFailure extends Error {
  constructor(
    readonly category: GraphFailureCategory,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface PageSettings {
  getStarted: { payload: string } | null;
  greeting: { locale: string; text: string }[];
  persistentMenu: {
    locale: string;
    items: { title: string; payload?: string; url?: string }[];
  }[];
  iceBreakers: { question: string; payload: string }[];
  /**
   * How another app's `request_thread_control` is answered: `pass` at once, or `when_idle`
   * (the default) only while the bot waits for nothing but a tap or a person.
   */
  threadRequests?: "pass" | "when_idle";
}

export interface SendOptions {
  /** Inside the 24-hour window: a response; outside: a tagged message with this tag. */
  tag?: "HUMAN_AGENT" | UpdateTag;
  /** Time of the contact's last message, for the 24-hour window. */
  lastUserMessageAt: number | null;
  /** Put after Convo's mark in the message's metadata, which Meta echoes back. */
  metadata?: string;
  /** WhatsApp outside the 24-hour window: the approved template to send instead. */
  template?: OutTemplate;
  /** The one private reply to a comment, within 7 days of it. */
  privateReply?: { commentId: string; commentedAt: number };
  /**
   * A message shown as several calls (a WhatsApp gallery, one per card): how many Meta took
   * already, on an earlier attempt. Those are not sent again.
   */
  partsSent?: number;
  /** Told after each of those calls Meta takes, before the next is made (kept for a retry). */
  onPartSent?: (parts: number) => Promise<void>;
}

export interface Profile {
  firstName?: string;
  lastName?: string;
  locale?: string;
  profilePic?: string;
  /** Instagram's handle, kept as the contact's `username` field (`{{contact.username}}`). */
  username?: string;
}

/** What the runtime needs of the Graph API; one implementation over `@convo/messenger`'s client. */
export interface GraphGateway {
  /**
   * Throws `GraphFailure`. `recipientId` is the id Meta answered the message went to: for a
   * private reply, the commenter's PSID (or IGSID), which the comment did not give.
   */
  sendMessage(
    psid: string,
    message: OutMessage,
    options: SendOptions,
  ): Promise<{ messageId: string; recipientId?: string }>;
  senderAction(psid: string, action: "typing_on" | "typing_off" | "mark_seen"): Promise<void>;
  /** `POST /me/pass_thread_control`: the app becomes the thread's owner, told `metadata`. */
  passThreadControl(psid: string, appId: string, metadata: string): Promise<void>;
  userProfile(psid: string): Promise<Profile>;
  /** A public reply under a comment on the contact's channel; answers the new comment's id. */
  replyToComment(psid: string, commentId: string, message: string): Promise<{ id: string }>;
  setMessengerProfile(settings: PageSettings): Promise<void>;
  /** The apps installed on the Page (`me` by default) and the webhook fields each gets. */
  subscribedApps(pageId?: string): Promise<{ id: string; fields: string[] }[]>;
}
