/**
 * Which Page and app this runtime is. The webhook keeps entries for any other Page as unknown
 * events (another Page's contact must not be answered with this Page's token), and knows Convo's
 * own echoes by the app id. Set from `MESSENGER_PAGE_ID` / `MESSENGER_APP_ID`, else read from the
 * Graph API at start; until then (Meta unreachable, a bad token) entries are not checked.
 */
export interface PageIdentity {
  pageId: string | undefined;
  appId: string | undefined;
}
