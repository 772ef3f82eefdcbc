import { contactAddress } from "./contact-address";
import type { GraphGateway } from "./gateway";
import type { WhatsAppGateway } from "./whatsapp-gateway";

export interface ChannelGateways {
  messenger: GraphGateway;
  /** Messenger's Send API with the Instagram token. */
  instagram: GraphGateway;
  /** Undefined when WhatsApp is not configured (no phone number id, not in sandbox mode). */
  whatsapp: WhatsAppGateway | undefined;
}

/**
 * One `GraphGateway` over every channel: each call goes to the contact's channel (by the prefix
 * of its key: `ig:`, `wa:`, bare for Messenger) with the channel's own id. Page settings and
 * subscriptions are Messenger's. Instagram's profile is its own fields (name, username,
 * profile_pic); WhatsApp has no profile call (the name comes with the webhook) and no typing
 * indicator of its own.
 */
export function createChannelGateway(gateways: ChannelGateways): GraphGateway {
  const { messenger, instagram, whatsapp } = gateways;
  const unconfigured = () =>
    new Error("WhatsApp is not configured (WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_TOKEN)");
  return {
    sendMessage(key, message, options) {
      const { channel, id } = contactAddress(key);
      if (channel === "whatsapp") {
        if (!whatsapp) return Promise.reject(unconfigured());
        return whatsapp.sendMessage(id, message, options);
      }
      return (channel === "instagram" ? instagram : messenger).sendMessage(id, message, options);
    },
    async senderAction(key, action) {
      const { channel, id } = contactAddress(key);
      if (channel === "whatsapp") return;
      await (channel === "instagram" ? instagram : messenger).senderAction(id, action);
    },
    async userProfile(key) {
      const { channel, id } = contactAddress(key);
      // WhatsApp's name comes with each webhook: nothing to ask.
      if (channel === "whatsapp") return {};
      return (channel === "instagram" ? instagram : messenger).userProfile(id);
    },
    replyToComment(key, commentId, message) {
      const { channel } = contactAddress(key);
      if (channel === "whatsapp") {
        return Promise.reject(new Error("WhatsApp has no comments to reply to"));
      }
      return (channel === "instagram" ? instagram : messenger).replyToComment(
        key,
        commentId,
        message,
      );
    },
    async passThreadControl(key, appId, metadata) {
      const { channel, id } = contactAddress(key);
      // The Handover Protocol is Messenger's and Instagram's; a WhatsApp thread has no owner app.
      if (channel === "whatsapp") {
        throw new Error("WhatsApp has no thread control to pass to another app");
      }
      await (channel === "instagram" ? instagram : messenger).passThreadControl(
        id,
        appId,
        metadata,
      );
    },
    setMessengerProfile: (settings) => messenger.setMessengerProfile(settings),
    subscribedApps: (pageId) => messenger.subscribedApps(pageId),
  };
}
