import type { ProfileField, UserProfileAnswer } from "../send/client";

/** What Convo asks of an IGSID (Instagram User Profile API; `username` since v14.0). */
export const INSTAGRAM_PROFILE_FIELDS: readonly ProfileField[] = [
  "name",
  "username",
  "profile_pic",
];

/**
 * An Instagram profile as a contact's: Instagram gives one `name` (null when unset), which is
 * split at its first space as WhatsApp's profile name is, and the account's `username`.
 */
export function readInstagramProfile(answer: UserProfileAnswer): {
  firstName?: string;
  lastName?: string;
  profilePic?: string;
  username?: string;
} {
  const [first, ...rest] = (answer.name ?? "").trim().split(/\s+/).filter(Boolean);
  return {
    ...(first ? { firstName: first } : {}),
    ...(rest.length > 0 ? { lastName: rest.join(" ") } : {}),
    ...(answer.profile_pic ? { profilePic: answer.profile_pic } : {}),
    ...(answer.username ? { username: answer.username } : {}),
  };
}
