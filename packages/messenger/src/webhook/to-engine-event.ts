import type { Attachment, EngineEvent } from "@convo/flow";
import type { InboundEvent } from "./types";

/**
 * The engine event a webhook event asks for, or `undefined` when the bot should not react to it
 * (standby items, echoes, receipts, handover and Page notifications: the host handles those).
 * Meta names no PSID for a checkbox opt-in, so it never reaches the engine.
 */
export function toEngineEvent(event: InboundEvent): EngineEvent | undefined {
  if (event.channel === "standby" || event.psid === null) return undefined;
  switch (event.kind) {
    case "text":
      return { type: "message", text: event.text };
    case "quick_reply":
      return { type: "quick_reply", payload: event.payload, text: event.text };
    case "attachments": {
      const attachments = event.attachments.map(
        (a): Attachment => ({
          kind: a.type,
          ...(a.url === undefined ? {} : { url: a.url }),
          ...(a.coordinates === undefined ? {} : { coordinates: a.coordinates }),
        }),
      );
      return event.text === undefined
        ? { type: "message", attachments }
        : { type: "message", text: event.text, attachments };
    }
    case "postback": {
      // Get Started reached through an m.me link or an ad carries the ref beside its payload.
      // Both go to the engine, whose trigger matching decides: the link's flow when a trigger
      // names the ref, else the Get Started flow.
      const ref = event.referral?.ref;
      return {
        type: "postback",
        payload: event.payload,
        ...(event.title === undefined ? {} : { title: event.title }),
        ...(ref === undefined ? {} : { ref }),
      };
    }
    case "referral": {
      const { ref, source } = event.referral;
      if (ref === undefined) return undefined;
      return source === undefined ? { type: "referral", ref } : { type: "referral", ref, source };
    }
    case "optin":
      // The Send to Messenger plugin opens the conversation with its `data-ref`, as an m.me link
      // does with its ref. Checkbox opt-ins (no PSID yet) and marketing opt-ins start nothing.
      if (event.ref === undefined || event.optinType !== undefined) return undefined;
      return { type: "referral", ref: event.ref, source: "SEND_TO_MESSENGER" };
    case "comment":
      return {
        type: "comment",
        text: event.text,
        postId: event.postId,
        commentId: event.commentId,
      };
    case "delivery":
    case "read":
    case "status":
    case "echo":
    case "reaction":
    case "pass_thread_control":
    case "take_thread_control":
    case "request_thread_control":
    case "app_roles":
    case "policy_enforcement":
    case "unknown":
      return undefined;
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled event ${JSON.stringify(value)}`);
}
