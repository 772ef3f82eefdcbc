import {
  createGraphEmulatorApp,
  type GraphEmulator,
  type GraphEmulatorOptions,
} from "../emulator/app";
import { type GraphFailure, graphError } from "../emulator/errors";
import type { EmulatedPlatform, UserProfile } from "../emulator/platform";
import type { SendBody } from "../send/schemas";
import { INSTAGRAM_LIMITS } from "./limits";

/** The Instagram professional account the emulator plays unless told otherwise. */
export const EMULATOR_INSTAGRAM_ACCOUNT_ID = "17841400000000000";

/** Instagram takes the generic, button and product templates (Instagram Messaging reference). */
const TEMPLATES = new Set(["generic", "button", "product"]);
/** Attachments it takes by URL: no files. */
const MEDIA = new Set(["image", "video", "audio", "template"]);
/** Buttons it takes: links and postbacks (no calls, no account linking). */
const BUTTONS = new Set(["web_url", "postback"]);

const refuse = (message: string): GraphFailure => graphError(400, 100, `(#100) ${message}`);

/**
 * What Instagram refuses of a body Messenger's Send API takes: a text past 1,000 bytes of UTF-8,
 * quick replies other than text ones or with images, file attachments, templates other than
 * generic, button and product ones, and buttons other than links and postbacks.
 */
export function refuseInstagramSend(body: SendBody): GraphFailure | undefined {
  const message = body.message;
  if (!message) return undefined;
  if (message.text !== undefined) {
    const bytes = Buffer.byteLength(message.text, "utf8");
    if (bytes > INSTAGRAM_LIMITS.text) {
      return refuse(
        `Length of param message[text] must be less than or equal to ${INSTAGRAM_LIMITS.text} bytes`,
      );
    }
  }
  for (const reply of message.quick_replies ?? []) {
    if (reply.content_type !== "text") {
      return refuse(`Quick reply content_type ${reply.content_type} is not supported on Instagram`);
    }
    if (reply.image_url !== undefined) {
      return refuse("param message[quick_replies][image_url] is not supported on Instagram");
    }
  }
  const attachment = message.attachment;
  if (!attachment) return undefined;
  if (!MEDIA.has(attachment.type)) {
    return refuse(`Attachment type ${attachment.type} is not supported on Instagram`);
  }
  if (attachment.type !== "template") return undefined;
  const payload = attachment.payload;
  if (!TEMPLATES.has(payload.template_type)) {
    return refuse(`Template type ${payload.template_type} is not supported on Instagram`);
  }
  const buttons =
    payload.template_type === "button"
      ? payload.buttons
      : payload.template_type === "generic"
        ? payload.elements.flatMap((e) => e.buttons ?? [])
        : [];
  const odd = buttons.find((b) => !BUTTONS.has(b.type));
  return odd ? refuse(`Button type ${odd.type} is not supported on Instagram`) : undefined;
}

/**
 * Instagram on the Graph API (Messenger Platform for Instagram, with the Page token): the User
 * Profile API of an IGSID answers `name`, `username`, `profile_pic` and the follow fields, and
 * only for someone who has messaged the account (error 230 otherwise); echoes come with
 * `object: "instagram"` from the account.
 */
export const INSTAGRAM_PLATFORM: EmulatedPlatform = {
  object: "instagram",
  commentReplyEdge: "replies",
  profileFields: [
    "id",
    "name",
    "username",
    "profile_pic",
    "follower_count",
    "is_verified_user",
    "is_user_follow_business",
    "is_business_follow_user",
  ],
  defaultProfileFields: ["name"],
  profileValue: (id, profile, field) => (field === "id" ? id : profile[field as keyof UserProfile]),
  unknownUser: () => graphError(400, 230, "User consent is required to access user profile."),
  refuseSend: refuseInstagramSend,
};

export type InstagramEmulatorOptions = Omit<GraphEmulatorOptions, "platform" | "pageId"> & {
  /** The professional account: the sender of echoes. `EMULATOR_INSTAGRAM_ACCOUNT_ID` by default. */
  accountId?: string;
};

/**
 * The Graph API emulator playing an Instagram account: Messenger's endpoints, access checks,
 * faults (`failNext`, `setFaults`), latency and recording, with Instagram's send rules, profile
 * fields and echoes.
 *
 * @example
 * const instagram = createInstagramEmulator({ pageToken: "token", accountId: "17841400000000001" });
 * instagram.profiles.set("1234", { name: "Ana Lima", username: "ana.lima" });
 */
export function createInstagramEmulator(options: InstagramEmulatorOptions = {}): GraphEmulator {
  const { accountId = EMULATOR_INSTAGRAM_ACCOUNT_ID, ...rest } = options;
  return createGraphEmulatorApp({ ...rest, pageId: accountId, platform: INSTAGRAM_PLATFORM });
}
