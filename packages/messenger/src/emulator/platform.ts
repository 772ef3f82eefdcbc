import type { SendBody } from "../send/schemas";
import { type GraphFailure, graphError, unsupportedGet } from "./errors";

/** A person's profile as the emulator keeps it; each platform answers its own fields of it. */
export interface UserProfile {
  first_name?: string;
  last_name?: string;
  /** Instagram's whole name (Messenger's `name` is made of the first and last). */
  name?: string;
  username?: string;
  profile_pic?: string;
  locale?: string;
  timezone?: number;
  follower_count?: number;
  is_verified_user?: boolean;
  is_user_follow_business?: boolean;
  is_business_follow_user?: boolean;
}

/**
 * What differs between the platforms one Graph API emulator can play on the same endpoints
 * (`POST /me/messages`, `GET /{user-id}`): Messenger for a Page, Instagram for the professional
 * account linked to it. The rest (access checks, faults, latency, rates, recording) is shared.
 */
export interface EmulatedPlatform {
  /** The `object` of its webhook bodies, echoes included. */
  object: "page" | "instagram";
  /** Where a public reply under a comment is posted: `/{comment-id}/comments` or `/replies`. */
  commentReplyEdge: "comments" | "replies";
  /** The fields `GET /{user-id}` answers, and those it answers when none are asked. */
  profileFields: readonly string[];
  defaultProfileFields: readonly string[];
  /** A field's value for `id` from its stored profile; undefined leaves it out. */
  profileValue(id: string, profile: UserProfile, field: string): unknown;
  /** What Graph answers for a user it has no profile of. */
  unknownUser(id: string): GraphFailure;
  /** What the platform refuses of a send body the Send API's schema takes; undefined: accepted. */
  refuseSend?(body: SendBody): GraphFailure | undefined;
}

/** Messenger: a PSID's first and last name, picture, locale and time zone (User Profile API). */
export const MESSENGER_PLATFORM: EmulatedPlatform = {
  object: "page",
  commentReplyEdge: "comments",
  profileFields: ["id", "name", "first_name", "last_name", "profile_pic", "locale", "timezone"],
  defaultProfileFields: ["first_name", "last_name"],
  profileValue: (id, profile, field) =>
    field === "id"
      ? id
      : field === "name"
        ? [profile.first_name, profile.last_name].filter(Boolean).join(" ") || undefined
        : profile[field as keyof UserProfile],
  unknownUser: unsupportedGet,
};

/** Meta's words for a field a node does not have. */
export function nonexistingField(field: string): GraphFailure {
  return graphError(400, 100, `(#100) Tried accessing nonexisting field (${field})`);
}
