import type { SendApiClient } from "@convo/messenger";
import type { PageIdentity } from "../graph-api/page-identity";
import type { Logger } from "../log";

/** Minutes between two tries while the Graph API does not say which Page the token is for. */
const RETRY_MS = 60_000;

/**
 * Fills in what the configuration left out, from `GET /me` and `GET /app` with the Page token.
 * Resolves once tried; a failure is logged and tried again in the background until it works.
 * Returns a function that stops the retries.
 */
export async function learnIdentity(
  identity: PageIdentity,
  client: Pick<SendApiClient, "getPage" | "getApp">,
  log: Logger,
): Promise<() => void> {
  const learn = async (): Promise<boolean> => {
    try {
      if (identity.pageId === undefined) identity.pageId = (await client.getPage()).id;
      if (identity.appId === undefined) identity.appId = (await client.getApp()).id;
      return true;
    } catch (error) {
      log.warn(
        "could not read the Page and app ids from the Graph API; webhook entries are not checked against this Page until then (set MESSENGER_PAGE_ID and MESSENGER_APP_ID to skip this)",
        { error, retryInSeconds: RETRY_MS / 1000 },
      );
      return false;
    }
  };
  if (await learn()) return () => {};
  let timer: NodeJS.Timeout | undefined;
  const again = () => {
    timer = setTimeout(async () => {
      if (!(await learn())) again();
    }, RETRY_MS);
    timer.unref();
  };
  again();
  return () => clearTimeout(timer);
}
