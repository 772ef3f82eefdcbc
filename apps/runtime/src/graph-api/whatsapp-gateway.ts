import type { OutMessage } from "@convo/engine";
import type {
  GraphFetch,
  WhatsAppChannel,
  WhatsAppClient,
  WhatsAppMessage,
} from "@convo/messenger";
import { GraphFailure, type SendOptions } from "./gateway";
import { toFailure } from "./messenger-gateway";

export interface WhatsAppGatewayOptions {
  channel: WhatsAppChannel;
  baseUrl: string;
  version: string;
  token: string;
  phoneNumberId: string;
  fetch?: GraphFetch;
  now: () => number;
  timeoutMs?: number;
}

/** What the runtime sends on WhatsApp, by the customer's `wa_id`. */
export interface WhatsAppGateway {
  client: WhatsAppClient;
  sendMessage(
    waId: string,
    message: OutMessage,
    options: SendOptions,
  ): Promise<{ messageId: string }>;
}

/**
 * The Cloud API through `@convo/messenger`: renders with WhatsApp's record (a gallery is several
 * bodies, sent in order, each one kept as it goes; the id of the last is the row's), and
 * classifies Meta's refusals. Outside the 24-hour window a message without an approved template
 * is refused here, never sent to be failed with 131047: the outbox parks it with the reason.
 */
export function createWhatsAppGateway(options: WhatsAppGatewayOptions): WhatsAppGateway {
  const { channel } = options;
  const client = channel.createClient({
    baseUrl: options.baseUrl,
    version: options.version,
    token: options.token,
    phoneNumberId: options.phoneNumberId,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  return {
    client,
    async sendMessage(waId, message, send) {
      const rendered = channel.render(
        message,
        waId,
        { lastUserMessageAt: send.lastUserMessageAt, now: options.now() },
        {
          ...(send.metadata === undefined ? {} : { metadata: send.metadata }),
          ...(send.template === undefined ? {} : { template: send.template }),
        },
      );
      if (!rendered.ok) {
        const outside = rendered.reason === "outside_window";
        throw new GraphFailure(
          outside ? "outside_window" : "bad_request",
          outside ? "131047" : "limit",
          rendered.message,
        );
      }
      // Each card Meta took is recorded before the next goes, so a failure midway (a 500 on
      // card 2 of 3) is retried from that card: the customer gets each card once, in order.
      const bodies = rendered.body.messages;
      let messageId = "";
      for (let part = send.partsSent ?? 0; part < bodies.length; part++) {
        try {
          messageId = (await client.sendMessage(bodies[part] as WhatsAppMessage)).messageId;
        } catch (error) {
          throw toFailure(error);
        }
        if (part < bodies.length - 1) await send.onPartSent?.(part + 1);
      }
      return { messageId };
    },
  };
}
