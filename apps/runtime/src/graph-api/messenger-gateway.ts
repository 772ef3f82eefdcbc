import {
  GraphError,
  type GraphFetch,
  type InstagramChannel,
  MESSENGER_SEND_PROFILE,
  type MessengerChannel,
  type MessengerProfile,
  type ProfileField,
  renderPrivateReply,
  type SendApiClient,
  type SendProfile,
  type UserProfileAnswer,
} from "@convo/messenger";
import type { GraphGateway, PageSettings, Profile } from "./gateway";
import { GraphFailure } from "./gateway";

export interface MessengerGatewayOptions {
  /** The channel record that renders the messages and makes the client (Messenger, Instagram). */
  channel:
    | Pick<MessengerChannel, "render" | "createClient">
    | Pick<InstagramChannel, "render" | "createClient">;
  baseUrl: string;
  version: string;
  pageToken: string;
  appSecret: string;
  /** What the channel shows, for private replies to comments (Messenger's by default). */
  profile?: SendProfile;
  /** The profile fields asked of a user, and how they read (Messenger's by default). */
  userProfile?: { fields: readonly ProfileField[]; read(answer: UserProfileAnswer): Profile };
  /**
   * The edge a public reply to a comment is posted to: `comments` on a Page comment (Graph API,
   * Comment), `replies` on an Instagram one (IG Comment Replies). `comments` by default.
   */
  commentReplyEdge?: "comments" | "replies";
  /** The in-process emulator's fetch in sandbox mode. */
  fetch?: GraphFetch;
  now: () => number;
  /** Pause after a rate-limit answer before the Page's next call (the client's pace). */
  rateLimitBaseMs?: number;
  /** Per call; 10 s by default. */
  timeoutMs?: number;
}

/** A Graph API error (any channel's) as the outbox reads it: category, `code[/subcode]`, words. */
export function toFailure(error: unknown): GraphFailure {
  if (error instanceof GraphFailure) return error;
  if (error instanceof GraphError) {
    const code =
      error.code === undefined
        ? String(error.status ?? "network")
        : error.subcode === undefined
          ? String(error.code)
          : `${error.code}/${error.subcode}`;
    return new GraphFailure(error.category, code, error.message);
  }
  return new GraphFailure(
    "transient",
    "network",
    error instanceof Error ? error.message : String(error),
  );
}

/** The Messenger Profile API's shape of the Page settings the editor edits. */
export function toMessengerProfile(settings: PageSettings): MessengerProfile {
  const profile: Record<string, unknown> = {};
  if (settings.getStarted) profile.get_started = { payload: settings.getStarted.payload };
  if (settings.greeting.length > 0) profile.greeting = settings.greeting;
  if (settings.persistentMenu.length > 0) {
    profile.persistent_menu = settings.persistentMenu.map((menu) => ({
      locale: menu.locale,
      composer_input_disabled: false,
      call_to_actions: menu.items.map((item) =>
        item.url
          ? { type: "web_url", title: item.title, url: item.url }
          : { type: "postback", title: item.title, payload: item.payload },
      ),
    }));
  }
  if (settings.iceBreakers.length > 0) {
    profile.ice_breakers = [
      {
        locale: "default",
        call_to_actions: settings.iceBreakers.map((b) => ({
          question: b.question,
          payload: b.payload,
        })),
      },
    ];
  }
  return profile as MessengerProfile;
}

/**
 * The Graph API through `@convo/messenger`: it renders and classifies; the outbox owns retries
 * (durably, per contact in order), so the client itself tries each call once.
 */
export function createMessengerGateway(options: MessengerGatewayOptions): GraphGateway & {
  client: SendApiClient;
} {
  const { channel } = options;
  const client = channel.createClient({
    baseUrl: options.baseUrl,
    version: options.version,
    pageToken: options.pageToken,
    appSecret: options.appSecret,
    retry: { maxAttempts: 1 },
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    rateLimit: { baseDelayMs: options.rateLimitBaseMs ?? 2_000, maxDelayMs: 60_000 },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return {
    client,
    async sendMessage(psid, message, send) {
      const metadata = send.metadata === undefined ? {} : { metadata: send.metadata };
      const rendered = send.privateReply
        ? renderPrivateReply(
            message,
            send.privateReply.commentId,
            send.privateReply.commentedAt,
            options.now(),
            metadata,
            options.profile ?? MESSENGER_SEND_PROFILE,
          )
        : (channel.render as MessengerChannel["render"])(
            message,
            psid,
            {
              lastUserMessageAt: send.lastUserMessageAt,
              now: options.now(),
              ...(send.tag ? { tag: send.tag } : {}),
            },
            metadata,
          );
      if (!rendered.ok) {
        throw new GraphFailure(
          rendered.reason === "outside_window" ? "outside_window" : "bad_request",
          rendered.reason === "outside_window" ? "10/2018278" : "limit",
          rendered.message,
        );
      }
      try {
        const sent = await client.sendMessage(rendered.body);
        return {
          messageId: sent.messageId,
          ...(sent.recipientId ? { recipientId: sent.recipientId } : {}),
        };
      } catch (error) {
        throw toFailure(error);
      }
    },
    async senderAction(psid, action) {
      try {
        await client.sendAction(psid, action);
      } catch (error) {
        throw toFailure(error);
      }
    },
    async passThreadControl(psid, appId, metadata) {
      try {
        await client.passThreadControl(psid, appId, metadata);
      } catch (error) {
        throw toFailure(error);
      }
    },
    async userProfile(psid) {
      try {
        const asked = options.userProfile;
        const p = await client.getProfile(psid, asked?.fields);
        if (asked) return asked.read(p);
        return {
          ...(p.first_name ? { firstName: p.first_name } : {}),
          ...(p.last_name ? { lastName: p.last_name } : {}),
          ...(p.locale ? { locale: p.locale } : {}),
          ...(p.profile_pic ? { profilePic: p.profile_pic } : {}),
        };
      } catch (error) {
        throw toFailure(error);
      }
    },
    async replyToComment(_psid, commentId, message) {
      try {
        return await client.replyToComment(commentId, message, options.commentReplyEdge);
      } catch (error) {
        throw toFailure(error);
      }
    },
    async subscribedApps(pageId) {
      try {
        const apps = await client.getSubscribedApps(pageId);
        return apps.map((app) => ({ id: app.id, fields: app.subscribed_fields }));
      } catch (error) {
        throw toFailure(error);
      }
    },
    async setMessengerProfile(settings) {
      try {
        await client.setMessengerProfile(toMessengerProfile(settings));
      } catch (error) {
        throw toFailure(error);
      }
    },
  };
}
