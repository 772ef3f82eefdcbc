/** A status item as the Cloud API's `statuses` webhook carries it. */
export interface WhatsAppStatusItem {
  id: string;
  status: "sent" | "delivered" | "read" | "failed";
  timestamp: string;
  recipient_id: string;
  biz_opaque_callback_data?: string;
  errors?: { code: number; title: string; message?: string; error_data?: { details: string } }[];
}

/** A customer's message as the `messages` webhook carries it (text, interactive replies, …). */
export type WhatsAppInboundItem = {
  from: string;
  id: string;
  timestamp: string;
  type: string;
} & Record<string, unknown>;

/**
 * The body Meta POSTs to a WhatsApp webhook for one change of the `messages` field: for tests,
 * the emulator's statuses and the sandbox's "customer writes".
 *
 * @example
 * whatsappWebhookBody("106540352242922", "15550001234", {
 *   contacts: [{ profile: { name: "Kerry" }, wa_id: "16315551234" }],
 *   messages: [{ from: "16315551234", id: "wamid.X", timestamp: "1700000000", type: "text", text: { body: "hi" } }],
 * })
 */
export function whatsappWebhookBody(
  phoneNumberId: string,
  displayPhoneNumber: string,
  value: {
    contacts?: { profile: { name: string }; wa_id: string }[];
    messages?: WhatsAppInboundItem[];
    statuses?: WhatsAppStatusItem[];
  },
  wabaId = "102290129340398",
) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: wabaId,
        changes: [
          {
            value: {
              messaging_product: "whatsapp",
              metadata: {
                display_phone_number: displayPhoneNumber,
                phone_number_id: phoneNumberId,
              },
              ...value,
            },
            field: "messages",
          },
        ],
      },
    ],
  };
}
