import { PAGE_INBOX_APP_ID } from "@convo/flow";

/** Where the hand-over passes the thread besides pausing the bot: nowhere, the Page Inbox, an app. */
export type PassTo = "none" | "page_inbox" | "app";

/** The form's choice for a step's `passToAppId` (`app` while its id is still being typed). */
export function passToChoice(appId: string | undefined, typingAppId: boolean): PassTo {
  if (appId === PAGE_INBOX_APP_ID) return "page_inbox";
  return appId !== undefined || typingAppId ? "app" : "none";
}

/** The `passToAppId` a choice stores: the Page Inbox's id preset, an app's id kept if it has one. */
export function appIdFor(choice: PassTo, current: string | undefined): string | undefined {
  if (choice === "page_inbox") return PAGE_INBOX_APP_ID;
  if (choice === "none") return undefined;
  return current === PAGE_INBOX_APP_ID ? undefined : current;
}
