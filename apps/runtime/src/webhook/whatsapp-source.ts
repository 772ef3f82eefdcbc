import { whatsappChannel } from "@convo/messenger";
import type { Deps } from "../deps";
import type { WebhookSource } from "./routes";

/**
 * WhatsApp's route (`/webhooks/whatsapp`): `whatsapp_business_account` bodies signed with the
 * WhatsApp app's secret, its own handshake token; a change for another phone number is kept,
 * never answered.
 */
export function whatsappSource(whatsapp: NonNullable<Deps["whatsapp"]>): WebhookSource {
  const { webhook } = whatsappChannel;
  return {
    verifyChallenge: webhook.verifyChallenge,
    verifySignature: webhook.verifySignature,
    parse: (body) => webhook.parse(body, { phoneNumberId: whatsapp.phoneNumberId }),
    appSecret: whatsapp.appSecret,
    verifyToken: whatsapp.verifyToken,
  };
}
