/**
 * Prefix of the `metadata` Convo puts on every message it sends (see `renderSend`). Meta echoes it
 * back, which tells Convo's own sends from a human's reply in the Page Inbox even without an app id.
 */
export const CONVO_METADATA_PREFIX = "convo";
