import { createHmac } from "node:crypto";

/** The Graph API emulator playing Meta, and a customer writing to the Page through it. */
export interface GraphEmulator {
  url: string;
  /** What Meta's profile call answers for a PSID (first_name, last_name, profile_pic…). */
  profiles: Map<string, Record<string, string>>;
  close(): Promise<void>;
}

export async function startGraph(
  pageToken: string,
  appSecret: string,
): Promise<{ graph: GraphEmulator; pageId: string }> {
  // Loaded by name, as the runtime is (harness.ts): its Node sources are not the editor's to check.
  const name = "@convo/messenger";
  const messenger = (await import(name)) as {
    EMULATOR_PAGE_ID: string;
    startGraphEmulator(options: { pageToken: string; appSecret: string }): Promise<GraphEmulator>;
  };
  const graph = await messenger.startGraphEmulator({ pageToken, appSecret });
  return { graph, pageId: messenger.EMULATOR_PAGE_ID };
}

let mids = 0;

/**
 * A customer's message, as Meta's signed webhook delivers it to the runtime at `url`; with
 * `quickReply`, their tap on the quick reply of that payload (`text` is its title).
 */
export async function customerWrites(
  url: string,
  options: { pageId: string; appSecret: string; psid: string },
  text: string,
  quickReply?: string,
): Promise<number> {
  const now = Date.now();
  const body = JSON.stringify({
    object: "page",
    entry: [
      {
        id: options.pageId,
        time: now,
        messaging: [
          {
            sender: { id: options.psid },
            recipient: { id: options.pageId },
            timestamp: now,
            message: {
              mid: `m_e2e_${now}_${++mids}`,
              text,
              ...(quickReply === undefined ? {} : { quick_reply: { payload: quickReply } }),
            },
          },
        ],
      },
    ],
  });
  const signature = `sha256=${createHmac("sha256", options.appSecret).update(body).digest("hex")}`;
  const response = await fetch(`${url}/webhooks/messenger`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": signature },
    body,
  });
  return response.status;
}
