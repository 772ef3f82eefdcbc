import { whatsappWebhookBody } from "./webhook-body";

/**
 * Bodies written from the WhatsApp Cloud API webhook reference (`messages` field): one per kind
 * of message and status Convo reads. Phone number id, WABA id and wamids as in Meta's examples.
 */
export const PHONE_NUMBER_ID = "106540352242922";
export const DISPLAY = "15550783881";
export const CUSTOMER = "16505551234";

const contacts = [{ profile: { name: "Kerry Fisher" }, wa_id: CUSTOMER }];
const message = (id: string, type: string, value: Record<string, unknown>) => ({
  from: CUSTOMER,
  id,
  timestamp: "1749416383",
  type,
  ...value,
});

export const WHATSAPP_FIXTURES = {
  text: whatsappWebhookBody(PHONE_NUMBER_ID, DISPLAY, {
    contacts,
    messages: [
      message("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", "text", {
        text: { body: "Does it come in another color?" },
      }),
    ],
  }),
  button_reply: whatsappWebhookBody(PHONE_NUMBER_ID, DISPLAY, {
    contacts,
    messages: [
      message("wamid.BUTTON1", "interactive", {
        context: { from: DISPLAY, id: "wamid.SENT1" },
        interactive: {
          type: "button_reply",
          button_reply: { id: "change-button", title: "Change" },
        },
      }),
    ],
  }),
  list_reply: whatsappWebhookBody(PHONE_NUMBER_ID, DISPLAY, {
    contacts,
    messages: [
      message("wamid.LIST1", "interactive", {
        context: { from: DISPLAY, id: "wamid.SENT2" },
        interactive: {
          type: "list_reply",
          list_reply: {
            id: "priority_express",
            title: "Priority Mail Express",
            description: "Next Day to 2 Days",
          },
        },
      }),
    ],
  }),
  image: whatsappWebhookBody(PHONE_NUMBER_ID, DISPLAY, {
    contacts,
    messages: [
      message("wamid.IMAGE1", "image", {
        image: {
          caption: "Black Lab",
          mime_type: "image/jpeg",
          sha256: "v5ZgOcRx3Z0OJgzYv1nP9T1Yl6Y=",
          id: "1003383421387256",
        },
      }),
    ],
  }),
  document: whatsappWebhookBody(PHONE_NUMBER_ID, DISPLAY, {
    contacts,
    messages: [
      message("wamid.DOC1", "document", {
        document: {
          filename: "receipt.pdf",
          mime_type: "application/pdf",
          sha256: "abc=",
          id: "2081237885618123",
        },
      }),
    ],
  }),
  location: whatsappWebhookBody(PHONE_NUMBER_ID, DISPLAY, {
    contacts,
    messages: [
      message("wamid.LOC1", "location", {
        location: {
          address: "1 Hacker Way, Menlo Park, CA 94025",
          latitude: 37.483307,
          longitude: -122.148981,
          name: "Main Street Beach",
        },
      }),
    ],
  }),
  reaction: whatsappWebhookBody(PHONE_NUMBER_ID, DISPLAY, {
    contacts,
    messages: [
      message("wamid.REACT1", "reaction", {
        reaction: { message_id: "wamid.SENT1", emoji: "\u{1F600}" },
      }),
    ],
  }),
  statuses: whatsappWebhookBody(PHONE_NUMBER_ID, DISPLAY, {
    statuses: [
      {
        id: "wamid.SENT1",
        status: "sent",
        timestamp: "1750263773",
        recipient_id: CUSTOMER,
        biz_opaque_callback_data: "convo|o:12",
      },
      { id: "wamid.SENT1", status: "delivered", timestamp: "1750263774", recipient_id: CUSTOMER },
      { id: "wamid.SENT1", status: "read", timestamp: "1750263775", recipient_id: CUSTOMER },
      {
        id: "wamid.SENT2",
        status: "failed",
        timestamp: "1750263776",
        recipient_id: CUSTOMER,
        errors: [
          {
            code: 131047,
            title: "Re-engagement message",
            message: "Re-engagement message",
            error_data: {
              details:
                "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
            },
          },
        ],
      },
    ],
  }),
  unsupported: whatsappWebhookBody(PHONE_NUMBER_ID, DISPLAY, {
    contacts,
    messages: [
      message("wamid.UNSUP1", "unsupported", {
        errors: [{ code: 131051, title: "Message type unknown", message: "Message type unknown" }],
      }),
    ],
  }),
} as const;

export type WhatsAppFixture = keyof typeof WHATSAPP_FIXTURES;
