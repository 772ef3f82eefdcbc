import type { LintChannel } from "../limits";

/**
 * Messenger as lint sees it, for the tests of this package and of `@convo/engine`, which may not
 * import `@convo/messenger`, where the real values live (`MESSENGER_LIMITS`). A test there checks
 * that these are the same, so the copy cannot drift.
 */
export const testChannel: LintChannel = {
  name: "Messenger",
  limits: {
    text: 2000,
    buttonTemplateText: 640,
    buttons: 3,
    buttonTitle: 20,
    quickReplies: 13,
    quickReplyTitle: 20,
    cards: 10,
    cardTitle: 80,
    cardSubtitle: 80,
    payload: 1000,
  },
};
