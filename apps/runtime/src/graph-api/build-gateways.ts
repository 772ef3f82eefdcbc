import {
  CHANNELS,
  EMULATOR_INSTAGRAM_ACCOUNT_ID,
  EMULATOR_PHONE_NUMBER_ID,
  type GraphEmulator,
  type GraphFetch,
  INSTAGRAM_PROFILE_FIELDS,
  INSTAGRAM_SEND_PROFILE,
  readInstagramProfile,
  type WhatsAppEmulator,
} from "@convo/messenger";
import { createChannelGateway } from "./channel-gateway";
import type { GraphGateway } from "./gateway";
import { createThreadFetch } from "./http-fetch";
import { createMessengerGateway } from "./messenger-gateway";
import { createWhatsAppGateway } from "./whatsapp-gateway";

/**
 * What the gateways read of the runtime's configuration (`RuntimeConfig` has it all; this layer
 * sits below the configuration, so it names only what it needs).
 */
export interface GatewayConfig {
  pageToken: string | undefined;
  graphApiUrl: string;
  graphApiVersion: string;
  graphTimeoutSeconds: number;
  instagramAccountId: string | undefined;
  instagramToken: string | undefined;
  whatsappPhoneNumberId: string | undefined;
  whatsappToken: string | undefined;
}

/** The in-process emulators of sandbox mode, one per channel. */
export interface SandboxEmulators {
  messenger: GraphEmulator;
  instagram: GraphEmulator;
  whatsapp: WhatsAppEmulator | undefined;
}

export interface Gateways {
  graph: GraphGateway & { client: ReturnType<typeof createMessengerGateway>["client"] };
  /** The WhatsApp phone number the runtime answers for. */
  phoneNumberId: string;
  /** Sandbox mode only. */
  emulators: SandboxEmulators | undefined;
  /** The Send API's HTTP thread; undefined in sandbox mode. */
  transport: ReturnType<typeof createThreadFetch> | undefined;
}

const inProcess =
  (emulator: { app: { fetch(request: Request): Response | Promise<Response> } }): GraphFetch =>
  async (url, { timeoutMs: _timeoutMs, ...init }) =>
    emulator.app.fetch(new Request(url, init));

/**
 * Every channel's gateway. With a Page token they call Meta (over one HTTP thread); without one
 * (sandbox mode) each channel calls its own emulator in-process: Messenger's plays the sandbox
 * Page, Instagram's the account linked to it, WhatsApp's the phone number.
 */
export function buildGateways(
  config: GatewayConfig,
  secrets: { pageToken: string; appSecret: string; sandboxPageId: string },
  now: () => number,
  retryBaseMs: number,
): Gateways {
  const { pageToken, appSecret } = secrets;
  const sandbox = config.pageToken === undefined;
  const emulators = sandbox
    ? {
        messenger: CHANNELS.messenger.createEmulator({
          appSecret,
          pageToken,
          pageId: secrets.sandboxPageId,
        }),
        instagram: CHANNELS.instagram.createEmulator({
          appSecret,
          pageToken,
          accountId: config.instagramAccountId ?? EMULATOR_INSTAGRAM_ACCOUNT_ID,
        }),
      }
    : undefined;
  // The Send API's HTTP work on its own thread; the sandbox calls its emulators in-process.
  const transport = emulators ? undefined : createThreadFetch();
  const common = {
    baseUrl: emulators ? "http://sandbox.convo" : config.graphApiUrl,
    version: config.graphApiVersion,
    appSecret,
    now,
    timeoutMs: config.graphTimeoutSeconds * 1000,
  };
  const messenger = createMessengerGateway({
    ...common,
    channel: CHANNELS.messenger,
    pageToken,
    rateLimitBaseMs: retryBaseMs * 4,
    fetch: emulators ? inProcess(emulators.messenger) : (transport as GraphFetch),
  });
  // Instagram: Messenger's Send API with the Instagram token (the Page's when unset).
  const instagram = createMessengerGateway({
    ...common,
    channel: CHANNELS.instagram,
    profile: INSTAGRAM_SEND_PROFILE,
    userProfile: { fields: INSTAGRAM_PROFILE_FIELDS, read: readInstagramProfile },
    commentReplyEdge: "replies",
    pageToken: emulators ? pageToken : (config.instagramToken ?? pageToken),
    fetch: emulators ? inProcess(emulators.instagram) : (transport as GraphFetch),
  });
  const whatsapp = whatsappGateway(config, now, transport);
  const graph = Object.assign(
    createChannelGateway({ messenger, instagram, whatsapp: whatsapp.gateway }),
    { client: messenger.client },
  );
  return {
    graph,
    phoneNumberId: whatsapp.phoneNumberId,
    emulators: emulators ? { ...emulators, whatsapp: whatsapp.emulator } : undefined,
    transport,
  };
}

/**
 * WhatsApp's gateway: the Cloud API with `WHATSAPP_TOKEN`, or without it (sandbox mode) an
 * in-process emulator of the phone number, which does not play the 24-hour window: the sandbox's
 * customer writes to the runtime, and the runtime's renderer keeps the window itself.
 */
function whatsappGateway(
  config: GatewayConfig,
  now: () => number,
  transport: GraphFetch | undefined,
) {
  const phoneNumberId = config.whatsappPhoneNumberId ?? EMULATOR_PHONE_NUMBER_ID;
  const common = {
    channel: CHANNELS.whatsapp,
    version: config.graphApiVersion,
    phoneNumberId,
    now,
  };
  if (config.whatsappToken !== undefined) {
    const gateway = createWhatsAppGateway({
      ...common,
      baseUrl: config.graphApiUrl,
      token: config.whatsappToken,
      timeoutMs: config.graphTimeoutSeconds * 1000,
      ...(transport ? { fetch: transport } : {}),
    });
    return { gateway, phoneNumberId, emulator: undefined };
  }
  const emulator = CHANNELS.whatsapp.createEmulator({ phoneNumberId, enforceWindow: false });
  const gateway = createWhatsAppGateway({
    ...common,
    baseUrl: "http://sandbox.convo",
    token: "sandbox-whatsapp-token",
    fetch: inProcess(emulator),
  });
  return { gateway, phoneNumberId, emulator };
}
